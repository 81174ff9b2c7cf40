"""Lesson 04's exercise checks accept the reference solutions and reject typical wrong answers."""
import numpy as np

from checker_contract import contract_tests
from course_lib.inverse_scaling import checks


def mixture_solution(t, d, a, c):
    t, d = np.asarray(t, float), np.asarray(d, float)
    return t + (1 - t) * (1 - a * d) * c


def classify_solution(values, tol):
    y = np.asarray(values, dtype=float)
    if y[0] - y.min() > tol and y[-1] - y.min() > tol:
        return "U-shaped"
    if y.max() - y[0] > tol and y.max() - y[-1] > tol:
        return "inverted-U"
    if y[-1] - y[0] > tol:
        return "positive"
    if y[0] - y[-1] > tol:
        return "inverse"
    return "flat"


MIXTURE_WRONG = {
    "forgets that the true task is tried first": lambda t, d, a, c: np.asarray(t) + (1 - a * np.asarray(d)) * c,
    "the distractor scores chance": lambda t, d, a, c: np.asarray(t) + (1 - np.asarray(t)) * c + 0 * np.asarray(d),
    "attraction ignored": lambda t, d, a, c: np.asarray(t) + (1 - np.asarray(t)) * (1 - np.asarray(d)) * c,
}


def endpoints_only(values, tol):
    y = np.asarray(values)
    return "positive" if y[-1] - y[0] > tol else "inverse" if y[0] - y[-1] > tol else "flat"


def no_tolerance(values, tol):
    return classify_solution(values, 0.0)


def u_by_position(values, tol):
    y = np.asarray(values)
    return "U-shaped" if 0 < y.argmin() < len(y) - 1 else classify_solution(values, tol)


def returns_number(values, tol):
    return 1.0


CLASSIFY_WRONG = {"endpoints only": endpoints_only, "no tolerance": no_tolerance,
                  "U by the minimum's position": u_by_position, "not a string": returns_number}

CHECKS = [(checks.mixture_accuracy, mixture_solution, MIXTURE_WRONG),
          (checks.classify_scaling, classify_solution, CLASSIFY_WRONG)]

test_accepts_solution, test_rejects_wrong_answers_with_a_diagnosis, test_stub_and_crash_do_not_raise = \
    contract_tests(CHECKS)
