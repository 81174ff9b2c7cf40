"""Lesson 01's exercise checks accept the notebook's own Solution code and reject typical wrong answers.

The solutions are parsed from the notebook's Solution dropdowns (no kernel), so a checker is tested
against exactly what a learner is shown, not against the course's reference functions.
"""
import numpy as np
import pytest

from checker_contract import contract_tests, notebook_solutions
from course_lib.emergence import checks

SOLUTIONS = notebook_solutions("01_emergence.ipynb")


def _sorted_y(x, y):
    return np.asarray(y, dtype=float)[np.argsort(x)]


EXACT_MATCH_WRONG = {
    # zip stops at the shorter sequence, so a truncated or padded answer passes
    "compares only the overlap (zip)": lambda p, t: np.array([int(all(a == b for a, b in zip(x, y)))
                                                              for x, y in zip(p, t)]),
    "fraction of tokens right": lambda p, t: np.array([np.mean([a == b for a, b in zip(x, y)]) for x, y in zip(p, t)]),
    "one number for the whole batch": lambda p, t: float(np.mean([list(x) == list(y) for x, y in zip(p, t)])),
    "booleans instead of 0/1 inside a list": lambda p, t: [list(x) == list(y) for x, y in zip(p, t)][:1],
    "joins the tokens into one string": lambda p, t: np.array([int("".join(map(str, x)) == "".join(map(str, y)))
                                                              for x, y in zip(p, t)]),
    "last token only": lambda p, t: np.array([int(len(x) > 0 and len(y) > 0 and x[-1] == y[-1]) for x, y in zip(p, t)]),
}
EMERGENCE_WRONG = {
    "no sorting by scale": lambda x, y: float(np.sign(np.argmax(y) - np.argmin(y)) * (np.max(y) - np.min(y))
                                              / np.sqrt(np.median(np.diff(y) ** 2))),
    "no sign": lambda x, y: float((np.max(y) - np.min(y)) / np.sqrt(np.median(np.diff(_sorted_y(x, y)) ** 2))),
    "mean instead of median": lambda x, y: float(np.sign(np.argmax(_sorted_y(x, y)) - np.argmin(_sorted_y(x, y)))
                                                 * np.ptp(y) / np.sqrt(np.mean(np.diff(_sorted_y(x, y)) ** 2))),
    "median of the absolute steps, not of the squares": lambda x, y: float(
        np.sign(np.argmax(_sorted_y(x, y)) - np.argmin(_sorted_y(x, y))) * np.ptp(y)
        / np.median(np.abs(np.diff(_sorted_y(x, y))))),
    "no square root": lambda x, y: float(np.sign(np.argmax(_sorted_y(x, y)) - np.argmin(_sorted_y(x, y)))
                                         * np.ptp(y) / np.median(np.diff(_sorted_y(x, y)) ** 2)),
    "last minus first instead of max minus min": lambda x, y: float(
        (_sorted_y(x, y)[-1] - _sorted_y(x, y)[0]) / np.sqrt(np.median(np.diff(_sorted_y(x, y)) ** 2))),
    "sign of last minus first instead of argmax - argmin": lambda x, y: float(
        np.sign(_sorted_y(x, y)[-1] - _sorted_y(x, y)[0]) * np.ptp(y)
        / np.sqrt(np.median(np.diff(_sorted_y(x, y)) ** 2))),
}
STEPS_WRONG = {
    "p times k": lambda p, k: p * k,
    "p to the k-1": lambda p, k: p ** (k - 1),
    "one minus (1-p)^k (at least one step right)": lambda p, k: 1 - (1 - p) ** k,
    "k-th root": lambda p, k: p ** (1 / k),
}

CHECKS = [
    (checks.exact_match, SOLUTIONS["my_exact_match"], EXACT_MATCH_WRONG),
    (checks.emergence_score, SOLUTIONS["my_emergence_score"], EMERGENCE_WRONG),
    (checks.all_steps_right, SOLUTIONS["all_steps_right"], STEPS_WRONG),
]

test_accepts_solution, test_rejects_wrong_answers_with_a_diagnosis, test_stub_and_crash_do_not_raise = \
    contract_tests(CHECKS)


def test_every_exercise_of_the_notebook_has_a_parsed_solution():
    assert {"my_exact_match", "my_emergence_score", "all_steps_right"} <= set(SOLUTIONS)


def test_the_dip_after_the_peak_case_scores_minus_one_and_a_half():
    """Review case: [0.5, 0.9, 0.0, 0.6] has its minimum after its maximum, so the score is -1.5;
    sign(y[-1] - y[0]) would give +1.5."""
    assert SOLUTIONS["my_emergence_score"]([1, 2, 3, 4], [0.5, 0.9, 0.0, 0.6]) == pytest.approx(-1.5)
    assert EMERGENCE_WRONG["sign of last minus first instead of argmax - argmin"](
        [1, 2, 3, 4], [0.5, 0.9, 0.0, 0.6]) == pytest.approx(1.5)


@pytest.mark.parametrize("name", sorted(EXACT_MATCH_WRONG))
def test_each_exact_match_mistake_is_caught(name, capsys):
    assert not checks.exact_match(EXACT_MATCH_WRONG[name])
    assert "expected" in capsys.readouterr().out


@pytest.mark.parametrize("name", sorted(EMERGENCE_WRONG))
def test_each_emergence_mistake_is_caught_by_a_case_that_needs_it(name, capsys):
    """Each wrong answer fails for its own reason, so every case of the check earns its place."""
    assert not checks.emergence_score(EMERGENCE_WRONG[name])
    assert "expected" in capsys.readouterr().out


def test_messages_name_the_learners_function_and_round_numbers(capsys):
    solution = SOLUTIONS["my_emergence_score"]

    def my_emergence_score(scales, values):
        return solution(scales, values) * 1.01 + 1e-13

    assert not checks.emergence_score(my_emergence_score)
    out = capsys.readouterr().out
    assert out.startswith("my_emergence_score: case 1") and "emergence_score:" not in out.replace("my_emergence_score", "")
    expected_line = next(line for line in out.splitlines() if "expected:" in line)
    assert len(expected_line.split("expected:")[1].strip()) <= 8  # 4.0, not 4.000000000000001


def test_a_lambda_is_named_by_the_exercise(capsys):
    checks.all_steps_right(lambda p, k: p)
    assert capsys.readouterr().out.startswith("all_steps_right: case")
