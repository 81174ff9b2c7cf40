"""Lesson 07's exercise checks accept the notebook's own solutions and reject typical wrong answers."""
import numpy as np

from checker_contract import contract_tests, notebook_solutions
from course_lib.memorisation import checks


SOLUTIONS = notebook_solutions("07_memorisation.ipynb")
solution_continuation = SOLUTIONS["continuation_probability"]
solution_threshold = SOLUTIONS["regurgitation_threshold"]


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


def from_which_all_later_stay_above(counts, probabilities):
    counts, probabilities = np.asarray(counts), np.asarray(probabilities, float)
    ks = np.unique(counts)
    above = np.array([probabilities[counts == k].mean() > 0.5 for k in ks])
    for i in range(len(ks)):
        if above[i:].all():
            return int(ks[i])
    return None


THRESHOLD_WRONG = {
    "the first k from which every later mean stays above 1/2": from_which_all_later_stay_above,
    "at least 1/2 instead of above": lambda c, p: next(
        (int(k) for k in np.unique(c) if np.asarray(p)[np.asarray(c) == k].mean() >= 0.5), None),
    "one canary above 1/2 is enough": first_canary_above,
    "counts taken in the given order": in_given_order,
    "the index of the count, not the count": lambda c, p: next(
        (i for i, k in enumerate(np.unique(c)) if np.asarray(p)[np.asarray(c) == k].mean() > 0.5), None),
    "the median instead of the mean": lambda c, p: next(
        (int(k) for k in np.unique(c) if np.median(np.asarray(p)[np.asarray(c) == k]) > 0.5), None),
    "0 instead of None": lambda c, p: solution_threshold(c, p) or 0,
    "-1 instead of None": lambda c, p: -1 if solution_threshold(c, p) is None else solution_threshold(c, p),
    "False instead of None": lambda c, p: False if solution_threshold(c, p) is None else solution_threshold(c, p),
    "the count as a string": lambda c, p: None if solution_threshold(c, p) is None else str(solution_threshold(c, p)),
    "the mean probability instead of the count": lambda c, p: next(
        (float(np.asarray(p)[np.asarray(c) == k].mean()) for k in np.unique(c)
         if np.asarray(p)[np.asarray(c) == k].mean() > 0.5), None),
}

CHECKS = [(checks.continuation_probability, solution_continuation, CONTINUATION_WRONG),
          (checks.regurgitation_threshold, solution_threshold, THRESHOLD_WRONG)]

test_accepts_solution, test_rejects_wrong_answers_with_a_diagnosis, test_stub_and_crash_do_not_raise = \
    contract_tests(CHECKS)


def test_the_notebook_solutions_agree_with_the_references():
    rng = np.random.default_rng(0)
    for _ in range(20):
        counts = rng.choice([1, 2, 4, 8, 16], size=12)
        probs = rng.random(12)
        assert checks.reference_regurgitation_threshold(counts, probs) == solution_threshold(counts, probs)
        table = rng.integers(0, 5, (5, 5)) + np.eye(5, dtype=int)
        words = rng.integers(0, 5, 4)
        assert np.isclose(checks.reference_continuation_probability(table, 2, words),
                          solution_continuation(table, 2, words))
    assert solution_threshold([1, 2], [0.1, 0.2]) is None


def test_none_is_not_minus_one(capsys):
    assert not checks.regurgitation_threshold(THRESHOLD_WRONG["-1 instead of None"])
    assert "expected: None" in capsys.readouterr().out


def test_a_dip_after_the_first_count_above_one_half():
    counts, probabilities = np.repeat([1, 2, 4, 8], 2), np.repeat([0.2, 0.6, 0.4, 0.7], 2)
    assert solution_threshold(counts, probabilities) == 2
    assert from_which_all_later_stay_above(counts, probabilities) == 8
    assert not checks.regurgitation_threshold(from_which_all_later_stay_above)
