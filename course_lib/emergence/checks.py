"""Checks of lesson 01's exercises (01_emergence.ipynb): ``checks.<exercise>(fn)`` grades the learner's ``fn``.

Each check runs ``fn`` on cases chosen to catch the usual mistakes, prints a diagnosis and
returns a :class:`course_lib.core.checking.CheckResult` (truthy when every case passed).
"""
from __future__ import annotations

from typing import Any, Callable

import numpy as np

from course_lib import metrics
from course_lib.core.checking import CheckResult, run_cases

__all__ = ["exact_match", "emergence_score", "all_steps_right"]


def _exact_match_cases() -> list[tuple[str, tuple, Any]]:
    raw = [
        ("two answers, one right", [[1, 2, 3], [1, 2, 4]], [[1, 2, 3], [1, 2, 3]]),
        ("all digits but one right still scores 0", [[5, 0, 0, 0, 1]], [[5, 0, 0, 0, 0]]),
        ("a prediction one token short", [[4, 2], [7]], [[4, 2], [7, 0]]),
        ("a prediction one token too long", [[9, 9, 1]], [[9, 9]]),
        ("string tokens", [["the", "cat"], ["a", "dog"]], [["the", "cat"], ["the", "dog"]]),
        ("tokens that join to the same string are still different tokens",
         [["th", "ecat"], ["the", "cat"]], [["the", "cat"], ["the", "cat"]]),
    ]
    return [(d, (p, t), metrics.exact_match(p, t)) for d, p, t in raw]


def exact_match(fn: Callable) -> CheckResult:
    """Check ``fn(predictions, targets) -> per-example 0/1 array`` against exact match.

    Used in notebook 01 §4 (exercise 1.3).
    """
    return run_cases("exact_match", fn, _exact_match_cases(),
                     hint="an answer scores 1 only if it has the target's length and every token equals it; "
                          "return one 0/1 value per example (e.g. np.array([...]))")


def _emergence_cases() -> list[tuple[str, tuple, Any]]:
    raw = [
        ("a steady rise", [1e6, 1e7, 1e8, 1e9, 1e10], [0.1, 0.2, 0.3, 0.4, 0.5]),
        ("flat, then one jump", [1e6, 1e7, 1e8, 1e9, 1e10, 1e11], [0.0, 0.01, 0.0, 0.02, 0.8, 0.82]),
        ("scales given out of order", [1e9, 1e6, 1e8, 1e7], [0.5, 0.0, 0.1, 0.05]),
        ("a falling curve has a negative score", [1, 2, 3, 4], [0.9, 0.5, 0.45, 0.4]),
        ("a curve that peaks before the largest model (max - min, not last - first)",
         [1e6, 1e7, 1e8, 1e9, 1e10], [0.1, 0.5, 0.9, 0.7, 0.75]),
        ("a curve that dips below its start after the peak (the minimum comes last: negative sign)",
         [1, 2, 3, 4], [0.5, 0.9, 0.0, 0.6]),
    ]
    return [(d, (x, y), metrics.emergence_score(x, y)) for d, x, y in raw]


def emergence_score(fn: Callable) -> CheckResult:
    """Check ``fn(scales, values) -> float`` against the BIG-bench emergence score.

    Used in notebook 01 §3 (exercise 1.2).
    """
    return run_cases("emergence_score", fn, _emergence_cases(), rtol=1e-6,
                     hint="sort the points by scale first; the denominator is the square root of the "
                          "median of the squared steps between neighbours; the sign is that of "
                          "argmax(y) - argmin(y)")


def _all_steps_cases() -> list[tuple[str, tuple, Any]]:
    raw = [("one step", 0.9, 1), ("two steps", 0.9, 2), ("five steps at p = 0.5", 0.5, 5),
           ("steps that are always right", 1.0, 7), ("twenty steps", 0.95, 20)]
    return [(d, (p, k), p ** k) for d, p, k in raw]


def all_steps_right(fn: Callable) -> CheckResult:
    """Check ``fn(p_step, n_steps) -> probability that every step is right`` (independent steps).

    Used in notebook 01 §2 (exercise 1.1).
    """
    return run_cases("all_steps_right", fn, _all_steps_cases(),
                     hint="if each step is right with probability p, independently, all k of them are "
                          "right with probability p * p * ... * p (k times)")
