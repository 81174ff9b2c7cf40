"""Lesson 07's exercise checks accept the reference solutions and reject typical wrong answers."""
import numpy as np

from checker_contract import contract_tests
from course_lib.memorisation import checks


def solution_continuation(counts, previous, continuation):
    counts = np.asarray(counts, dtype=float)
    p, prev = 1.0, previous
    for word in continuation:
        p *= counts[prev, word] / counts[prev].sum()
        prev = word
    return p


CONTINUATION_WRONG = {
    "column sums instead of row sums": lambda c, p, w: np.prod(
        [np.asarray(c, float)[a, b] / np.asarray(c, float)[:, b].sum() for a, b in zip([p, *list(w)[:-1]], w)]),
    "joint probability counts / total": lambda c, p, w: np.prod(
        [np.asarray(c, float)[a, b] / np.asarray(c, float).sum() for a, b in zip([p, *list(w)[:-1]], w)]),
    "every word given `previous`": lambda c, p, w: np.prod(
        [np.asarray(c, float)[p, b] / np.asarray(c, float)[p].sum() for b in w]),
    "a sum instead of a product": lambda c, p, w: np.sum(
        [np.asarray(c, float)[a, b] / np.asarray(c, float)[a].sum() for a, b in zip([p, *list(w)[:-1]], w)]),
    "only the first word": lambda c, p, w: solution_continuation(c, p, list(w)[:1]),
}


def solution_threshold(counts, probabilities):
    counts, probabilities = np.asarray(counts), np.asarray(probabilities, dtype=float)
    for k in np.unique(counts):
        if probabilities[counts == k].mean() > 0.5:
            return int(k)
    return None


def first_canary_above(counts, probabilities):
    order = np.argsort(counts, kind="stable")
    for i in order:
        if probabilities[i] > 0.5:
            return int(counts[i])
    return None


def in_given_order(counts, probabilities):
    for k in dict.fromkeys(np.asarray(counts).tolist()):
        if np.asarray(probabilities)[np.asarray(counts) == k].mean() > 0.5:
            return int(k)
    return None


THRESHOLD_WRONG = {
    "at least 1/2 instead of above": lambda c, p: next(
        (int(k) for k in np.unique(c) if np.asarray(p)[np.asarray(c) == k].mean() >= 0.5), None),
    "one canary above 1/2 is enough": first_canary_above,
    "counts taken in the given order": in_given_order,
    "the index of the count, not the count": lambda c, p: next(
        (i for i, k in enumerate(np.unique(c)) if np.asarray(p)[np.asarray(c) == k].mean() > 0.5), None),
    "the median instead of the mean": lambda c, p: next(
        (int(k) for k in np.unique(c) if np.median(np.asarray(p)[np.asarray(c) == k]) > 0.5), None),
    "0 instead of None": lambda c, p: solution_threshold(c, p) or 0,
}

CHECKS = [(checks.continuation_probability, solution_continuation, CONTINUATION_WRONG),
          (checks.regurgitation_threshold, solution_threshold, THRESHOLD_WRONG)]

test_accepts_solution, test_rejects_wrong_answers_with_a_diagnosis, test_stub_and_crash_do_not_raise = \
    contract_tests(CHECKS)


def test_references_agree_with_the_solutions():
    counts = np.repeat([1, 2, 4], 2)
    probs = np.array([0.1, 0.2, 0.4, 0.7, 0.9, 0.8])
    assert checks.reference_regurgitation_threshold(counts, probs) == solution_threshold(counts, probs) == 2
