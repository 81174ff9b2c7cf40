"""The exercise-checking engine: argument checks and how values are compared."""
import numpy as np
import pytest

from course_lib.core import checking


def test_run_cases_rejects_non_callable():
    with pytest.raises(TypeError, match="fn"):
        checking.run_cases("x", 3, [])


def test_infinities_must_match_in_sign():
    assert checking._compare(np.inf, np.inf, 1e-9)[0]
    assert not checking._compare(np.inf, -np.inf, 1e-9)[0]
    assert checking._compare([1.0, 2.0], [1.0], 1e-9) == (
        False, "expected an array of shape (2,), got an array of shape (1,)")


@pytest.mark.parametrize("expected, got, same", [
    (None, None, True), (None, -1, False), (None, 0, False), (None, np.nan, False),
    (True, True, True), (True, np.True_, True), (True, 1, False), (False, 0, False), (False, None, False),
    (3, 3, True), (3, 3.0, True), (3, 4, False), (1, True, False), (0.0, False, False),
    ("U-shaped", "U-shaped", True), ("U-shaped", "u-shaped", False), ("flat", None, False),
])
def test_none_and_booleans_must_come_back_as_themselves(expected, got, same):
    assert checking._compare(expected, got, 1e-9)[0] is same


def _diagnosis(expected, got, capsys) -> str:
    assert not checking.run_cases("f", lambda: got, [("one case", (), expected)])
    return capsys.readouterr().out


def test_diagnoses_show_none_booleans_and_integers_as_themselves(capsys):
    out = _diagnosis(None, -1, capsys)
    assert "expected: None" in out and "got:      -1" in out and "expected None itself" in out
    out = _diagnosis(True, 1, capsys)
    assert "expected: True" in out and "got:      1\n" in out
    out = _diagnosis(12, 13, capsys)
    assert "expected: 12\n" in out and "got:      13\n" in out


def test_near_equal_numbers_show_their_difference(capsys):
    out = _diagnosis(0.1234567, 0.1234571, capsys)
    assert "expected: 0.123457" in out and "got:      0.123457" in out  # equal once rounded ...
    assert "difference got - expected: 4e-07" in out                   # ... so the difference is shown
    out = _diagnosis([1.0, 2.0, 3.0], [1.0, 2.5, 3.0], capsys)
    assert "difference got - expected (largest): 0.5" in out


def test_results_that_are_not_numbers_say_what_to_return(capsys):
    out = _diagnosis(0.5, "0.5 percent", capsys)
    assert "could not be read as numbers (str): return a single number" in out
    out = _diagnosis([1.0, 2.0], [[1.0, 2.0], [3.0]], capsys)
    assert "could not be read as numbers (list): return an array of shape (2,)" in out
    out = _diagnosis(0.5, None, capsys)
    assert "returned None: did it forget `return`?" in out
