"""Lesson 04's exercise checks accept the notebook's own solutions and reject answers learners write.

The solutions are parsed from the notebook's "Solution" dropdowns (no kernel), so a check is tested
against exactly the code a learner is shown, not against the course's reference functions.
"""
import numpy as np

from checker_contract import contract_tests, notebook_solutions
from course_lib.inverse_scaling import checks

SOLUTIONS = notebook_solutions("04_inverse_scaling.ipynb")


def _arrays(t, d):
    return np.asarray(t, float), np.asarray(d, float)


def forgets_one_minus_t(t, d, a, c):
    """The guess is added for every model, also those that did the true task."""
    t, d = _arrays(t, d)
    return t + (1 - a * d) * c


def attraction_ignored(t, d, a, c):
    t, d = _arrays(t, d)
    return t + (1 - t) * (1 - d) * c


def distractor_branch_guesses(t, d, a, c):
    """Swaps the branches: the model that takes the distractor is the one that guesses."""
    t, d = _arrays(t, d)
    return t + (1 - t) * a * d * c


def distractor_subtracted(t, d, a, c):
    """Chance plus true ability, minus the distractor's pull."""
    t, d = _arrays(t, d)
    return t + (1 - t) * c - a * d


MIXTURE_WRONG = {"forgets the (1 - T) factor": forgets_one_minus_t, "attraction ignored": attraction_ignored,
                 "the distractor branch guesses": distractor_branch_guesses,
                 "subtracts the distractor": distractor_subtracted}


def endpoints_only(values, tol):
    y = np.asarray(values)
    return "positive" if y[-1] - y[0] > tol else "inverse" if y[0] - y[-1] > tol else "flat"


def no_tolerance(values, tol):
    return SOLUTIONS["classify_scaling"](values, 0.0)


def u_by_position(values, tol):
    """A U wherever the minimum is inside the curve, however shallow."""
    y = np.asarray(values)
    return "U-shaped" if 0 < y.argmin() < len(y) - 1 else SOLUTIONS["classify_scaling"](values, tol)


def positive_before_u(values, tol):
    """Tests the endpoints first, so a U whose end is above its start reads as positive."""
    y = np.asarray(values, dtype=float)
    if y[-1] - y[0] > tol:
        return "positive"
    if y[0] - y[-1] > tol:
        return "inverse"
    return SOLUTIONS["classify_scaling"](values, tol)


def u_needs_one_side(values, tol):
    """'or' where the rule says 'and': one rise from the minimum is taken for a U."""
    y = np.asarray(values, dtype=float)
    if y[0] - y.min() > tol or y[-1] - y.min() > tol:
        return "U-shaped"
    return SOLUTIONS["classify_scaling"](values, tol)


def fixed_tolerance(values, tol):
    """Ignores the tol argument and always uses 0.05."""
    return SOLUTIONS["classify_scaling"](values, 0.05)


def positive_without_tol(values, tol):
    """Forgets the tolerance in the positive test: any last value above the first is a rise."""
    y = np.asarray(values, dtype=float)
    if y[0] - y.min() > tol and y[-1] - y.min() > tol:
        return "U-shaped"
    if y.max() - y[0] > tol and y.max() - y[-1] > tol:
        return "inverted-U"
    if y[-1] > y[0]:
        return "positive"
    if y[0] - y[-1] > tol:
        return "inverse"
    return "flat"


def inverted_u_before_u(values, tol):
    """Tests the inverted U first, so a curve with a peak and a deeper dip reads as inverted-U."""
    y = np.asarray(values, dtype=float)
    if y.max() - y[0] > tol and y.max() - y[-1] > tol:
        return "inverted-U"
    if y[0] - y.min() > tol and y[-1] - y.min() > tol:
        return "U-shaped"
    if y[-1] - y[0] > tol:
        return "positive"
    if y[0] - y[-1] > tol:
        return "inverse"
    return "flat"


def at_least_tol(values, tol):
    """'>=' where the rule says 'more than': a change of exactly tol counts."""
    y = np.asarray(values, dtype=float)
    if y[0] - y.min() >= tol and y[-1] - y.min() >= tol:
        return "U-shaped"
    if y.max() - y[0] >= tol and y.max() - y[-1] >= tol:
        return "inverted-U"
    if y[-1] - y[0] >= tol:
        return "positive"
    if y[0] - y[-1] >= tol:
        return "inverse"
    return "flat"


def returns_number(values, tol):
    return 1.0


CLASSIFY_WRONG = {"endpoints only": endpoints_only, "no tolerance": no_tolerance,
                  "U by the minimum's position": u_by_position, "positive tested before the U": positive_before_u,
                  "U with 'or' instead of 'and'": u_needs_one_side, "ignores tol": fixed_tolerance,
                  "positive without tol": positive_without_tol, "inverted U tested before the U": inverted_u_before_u,
                  "'>=' instead of '>'": at_least_tol, "not a string": returns_number}

CHECKS = [(checks.mixture_accuracy, SOLUTIONS["mixture_accuracy"], MIXTURE_WRONG),
          (checks.classify_scaling, SOLUTIONS["classify_scaling"], CLASSIFY_WRONG)]

test_accepts_solution, test_rejects_wrong_answers_with_a_diagnosis, test_stub_and_crash_do_not_raise = \
    contract_tests(CHECKS)


def test_the_notebook_shows_a_solution_for_every_check():
    assert set(SOLUTIONS) == {"mixture_accuracy", "classify_scaling"}


def scalars_only(t, d, a, c):
    """Right for single numbers, but Python's if cannot decide on an array."""
    if t >= 1.0:
        return 1.0
    return t + (1 - t) * (1 - a * d) * c


def test_mixture_check_feeds_arrays(capsys):
    """Exercise 2.1 asks for numpy arrays of T and D: a scalar-only answer is caught and located."""
    assert not checks.mixture_accuracy(scalars_only)
    assert "arrays over model sizes" in capsys.readouterr().out


def test_shape_check_names_the_case_each_new_mistake_fails(capsys):
    """Each of the three mistakes is caught by the case built for it (not by an earlier one)."""
    for wrong, case in ((positive_without_tol, "a rise smaller than tol"),
                        (inverted_u_before_u, "a peak, then a deeper dip"),
                        (at_least_tol, "exactly tol")):
        assert not checks.classify_scaling(wrong)
        assert case in capsys.readouterr().out


def test_the_exact_tol_cases_are_exact_in_binary():
    """The boundary cases compare exactly: 0.5 - 0.25 == 0.25 in floating point."""
    assert 0.5 - 0.25 == 0.25 and 0.25 - 0.5 == -0.25
