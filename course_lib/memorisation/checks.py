"""Checks of lesson 07's exercises (07_memorisation.ipynb): ``checks.<exercise>(fn)`` grades ``fn``.

Each check runs ``fn`` on cases chosen to catch the usual mistakes, prints a diagnosis and
returns a :class:`course_lib.core.checking.CheckResult` (truthy when every case passed).
"""
from __future__ import annotations

from numbers import Integral, Real
from typing import Callable

import numpy as np

from course_lib.core.messages import message
from course_lib.core.checking import CheckResult, call_learner, differs, learner_name, passed, run_cases, short_repr

__all__ = ["continuation_probability", "regurgitation_threshold", "reference_continuation_probability",
           "reference_regurgitation_threshold"]


def reference_continuation_probability(counts, previous: int, continuation) -> float:
    """The course's answer to exercise 1.1: P(continuation | previous word) under the counted bigram model."""
    counts = np.asarray(counts, dtype=float)
    p, prev = 1.0, int(previous)
    for word in continuation:
        p *= counts[prev, int(word)] / counts[prev].sum()
        prev = int(word)
    return p


def _bigram_cases():
    # word ids: 0 "the", 1 "cat", 2 "sat", 3 ".", 4 "dog"
    toy = np.array([[0, 3, 0, 0, 1],    # the -> cat x3, dog x1
                    [0, 0, 2, 1, 0],    # cat -> sat x2, . x1
                    [0, 0, 0, 4, 0],    # sat -> . x4
                    [5, 0, 0, 0, 0],    # . -> the x5
                    [0, 0, 1, 0, 0]])   # dog -> sat x1
    rng = np.random.default_rng(3)
    big = rng.integers(0, 4, (6, 6)) * (rng.random((6, 6)) < 0.6)
    big[np.arange(6), (np.arange(6) + 1) % 6] += 1  # every row has a count
    raw = [(message("memorisation.continuation_probability.case_one_word"), (toy, 0, [1])),
           (message("memorisation.continuation_probability.case_two_words"), (toy, 0, [1, 2])),
           (message("memorisation.continuation_probability.case_unseen"), (toy, 0, [4, 1])),
           (message("memorisation.continuation_probability.case_chain"), (toy, 3, [0, 1, 2, 3, 0])),
           (message("memorisation.continuation_probability.case_totals"), (big, 2, [3, 4, 5, 0])),
           (message("memorisation.continuation_probability.case_array"), (big, 5, np.array([0, 1, 2])))]
    return [(d, args, reference_continuation_probability(*args)) for d, args in raw]


def continuation_probability(fn: Callable) -> CheckResult:
    """Check ``fn(counts, previous, continuation) -> P(continuation | previous)`` under a bigram model.

    ``counts[a, b]`` is how often word b followed word a; the model is P(b | a) = counts[a, b] /
    counts[a].sum(), and the continuation's probability is the product over its words, each
    given the word before it. Used in notebook 07 §1 (exercise 1.1).
    """
    return run_cases("continuation_probability", lambda c, p, w: float(fn(c, p, w)), _bigram_cases(), rtol=1e-9,
                     shown_args=3,
                     hint=message("memorisation.continuation_probability.hint"))


def reference_regurgitation_threshold(counts, probabilities) -> int | None:
    """The course's answer to exercise 1.2: the smallest planted count whose mean probability is above 1/2."""
    counts, probabilities = np.asarray(counts), np.asarray(probabilities, dtype=float)
    for k in np.unique(counts):
        if probabilities[counts == k].mean() > 0.5:
            return int(k)
    return None


def _threshold_cases():
    k = np.repeat([1, 2, 4, 8, 16, 32], 3)
    steep = np.repeat([1e-9, 0.01, 0.3, 0.7, 0.9, 0.97], 3)
    shuffled = np.random.default_rng(0).permutation(len(k))
    spread = steep * np.tile([0.2, 1.0, 1.8], 6)  # means as steep; one canary per k far above
    spread = np.minimum(spread, 1.0)
    raw = [(message("memorisation.regurgitation_threshold.case_steep"), (k, steep)),
           (message("memorisation.regurgitation_threshold.case_shuffled"), (k[shuffled], steep[shuffled])),
           (message("memorisation.regurgitation_threshold.case_reversed"), (k[::-1], steep[::-1])),
           (message("memorisation.regurgitation_threshold.case_one_canary"),
            (k, np.where(k == 4, [0.9, 0.1, 0.1] * 6, steep))),
           (message("memorisation.regurgitation_threshold.case_mean_decides"),
            (k, np.where(k == 4, [0.6, 0.6, 0.0] * 6, steep))),
           (message("memorisation.regurgitation_threshold.case_exactly_half"), (k, np.where(k == 8, 0.5, steep))),
           (message("memorisation.regurgitation_threshold.case_never"), (k, steep * 0.5)),
           (message("memorisation.regurgitation_threshold.case_spread"), (k, spread)),
           (message("memorisation.regurgitation_threshold.case_not_powers"), (np.repeat([3, 5, 10, 40], 2),
                                                  np.repeat([0.2, 0.45, 0.55, 0.8], 2))),
           (message("memorisation.regurgitation_threshold.case_dip"),
            (np.repeat([1, 2, 4, 8], 2), np.repeat([0.2, 0.6, 0.4, 0.7], 2)))]

    return [(d, args, reference_regurgitation_threshold(*args)) for d, args in raw]


def _threshold_verdict(expected, got) -> str:
    """Why ``got`` is not the answer ``expected`` (an int k or None), or "" when it is."""
    if expected is None:
        if got is None:
            return ""
        return message("memorisation.regurgitation_threshold.expected_none")
    if got is None:
        return message("memorisation.regurgitation_threshold.got_none")
    if isinstance(got, (bool, np.bool_)) or not isinstance(got, (Integral, np.integer)):
        if isinstance(got, (Real, np.floating)) and not isinstance(got, (bool, np.bool_)) and float(got) == expected:
            return ""  # 4.0 for 4 is the right count
        return message("memorisation.regurgitation_threshold.not_int", kind=type(got).__name__)
    return "" if int(got) == expected else message("memorisation.regurgitation_threshold.wrong_count", got=int(got))


def regurgitation_threshold(fn: Callable) -> CheckResult:
    """Check ``fn(counts, probabilities) -> the smallest k whose canaries' mean probability is above 1/2``.

    ``counts[i]`` is how many times canary i was planted and ``probabilities[i]`` its probability
    of being regurgitated; the answer is a planted count k, or None if no count makes it (None
    itself: -1, 0 or False are refused). Used in notebook 07 §1 (exercise 1.2).
    """
    if not callable(fn):
        raise TypeError(f"fn must be a function, got {type(fn).__name__}")
    name = learner_name(fn, "regurgitation_threshold")
    hint = message("memorisation.regurgitation_threshold.hint")
    cases = _threshold_cases()
    for i, (description, args, expected) in enumerate(cases, 1):
        case = message("check.case", index=i, total=len(cases), description=description)
        got, failure = call_learner(name, fn, args, case, hint)
        if failure is not None:
            return failure
        note = _threshold_verdict(expected, got)
        if note:
            return differs(name, case, f"{short_repr(args[0])}, {short_repr(args[1])}", short_repr(expected),
                           short_repr(got), note, hint)
    return passed(name, len(cases))
