"""Checks of lesson 01's exercises (01_emergence.ipynb): ``checks.<exercise>(fn)`` grades the learner's ``fn``.

Each check runs ``fn`` on cases chosen to catch the usual mistakes, prints a diagnosis and
returns a :class:`course_lib.core.checking.CheckResult` (truthy when every case passed).
"""
from __future__ import annotations

from typing import Any, Callable

import numpy as np

from course_lib import metrics
from course_lib.core.checking import CheckResult, run_cases
from course_lib.core.messages import message

__all__ = ["exact_match", "emergence_score", "all_steps_right"]


def _exact_match_cases() -> list[tuple[str, tuple, Any]]:
    raw = [
        ("emergence.exact_match.case_one_right", [[1, 2, 3], [1, 2, 4]], [[1, 2, 3], [1, 2, 3]]),
        ("emergence.exact_match.case_one_digit_wrong", [[5, 0, 0, 0, 1]], [[5, 0, 0, 0, 0]]),
        ("emergence.exact_match.case_short", [[4, 2], [7]], [[4, 2], [7, 0]]),
        ("emergence.exact_match.case_long", [[9, 9, 1]], [[9, 9]]),
        ("emergence.exact_match.case_strings", [["the", "cat"], ["a", "dog"]],
         [["the", "cat"], ["the", "dog"]]),
        ("emergence.exact_match.case_joined", [["th", "ecat"], ["the", "cat"]],
         [["the", "cat"], ["the", "cat"]]),
    ]
    return [(message(key), (p, t), metrics.exact_match(p, t)) for key, p, t in raw]


def exact_match(fn: Callable) -> CheckResult:
    """Check ``fn(predictions, targets) -> per-example 0/1 array`` against exact match.

    Used in notebook 01 §4 (exercise 1.3).
    """
    return run_cases("exact_match", fn, _exact_match_cases(),
                     hint=message("emergence.exact_match.hint"))


def _emergence_cases() -> list[tuple[str, tuple, Any]]:
    raw = [
        ("emergence.emergence_score.case_steady", [1e6, 1e7, 1e8, 1e9, 1e10], [0.1, 0.2, 0.3, 0.4, 0.5]),
        ("emergence.emergence_score.case_jump", [1e6, 1e7, 1e8, 1e9, 1e10, 1e11],
         [0.0, 0.01, 0.0, 0.02, 0.8, 0.82]),
        ("emergence.emergence_score.case_unordered", [1e9, 1e6, 1e8, 1e7], [0.5, 0.0, 0.1, 0.05]),
        ("emergence.emergence_score.case_falling", [1, 2, 3, 4], [0.9, 0.5, 0.45, 0.4]),
        ("emergence.emergence_score.case_peak", [1e6, 1e7, 1e8, 1e9, 1e10], [0.1, 0.5, 0.9, 0.7, 0.75]),
        ("emergence.emergence_score.case_dip", [1, 2, 3, 4], [0.5, 0.9, 0.0, 0.6]),
    ]
    return [(message(key), (x, y), metrics.emergence_score(x, y)) for key, x, y in raw]


def emergence_score(fn: Callable) -> CheckResult:
    """Check ``fn(scales, values) -> float`` against the BIG-bench emergence score.

    Used in notebook 01 §3 (exercise 1.2).
    """
    return run_cases("emergence_score", fn, _emergence_cases(), rtol=1e-6,
                     hint=message("emergence.emergence_score.hint"))


def _all_steps_cases() -> list[tuple[str, tuple, Any]]:
    raw = [
        ("emergence.all_steps_right.case_one", 0.9, 1),
        ("emergence.all_steps_right.case_two", 0.9, 2),
        ("emergence.all_steps_right.case_five_half", 0.5, 5),
        ("emergence.all_steps_right.case_always_right", 1.0, 7),
        ("emergence.all_steps_right.case_twenty", 0.95, 20),
    ]
    return [(message(key), (p, k), p ** k) for key, p, k in raw]


def all_steps_right(fn: Callable) -> CheckResult:
    """Check ``fn(p_step, n_steps) -> probability that every step is right`` (independent steps).

    Used in notebook 01 §2 (exercise 1.1).
    """
    return run_cases("all_steps_right", fn, _all_steps_cases(),
                     hint=message("emergence.all_steps_right.hint"))
