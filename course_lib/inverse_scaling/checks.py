"""Checks of lesson 04's exercises (04_inverse_scaling.ipynb): ``checks.<exercise>(fn)`` grades ``fn``.

Each check runs ``fn`` on cases chosen to catch the usual mistakes, prints a diagnosis and
returns a :class:`course_lib.core.checking.CheckResult` (truthy when every case passed).
"""
from __future__ import annotations

from typing import Any, Callable

import numpy as np

from course_lib.core.checking import CheckResult, call_learner, differs, passed, run_cases, short_repr
from course_lib.core.messages import message
from course_lib.inverse_scaling.family import load_agreement_grid
from course_lib.inverse_scaling.mixture import mixture_accuracy as reference_mixture
from course_lib.inverse_scaling.shapes import scaling_shape

__all__ = ["mixture_accuracy", "classify_scaling"]


def _mixture_cases() -> list[tuple[str, tuple, Any]]:
    t = np.array([0.0, 0.1, 0.5, 0.9, 1.0])
    d = np.array([0.0, 0.8, 1.0, 1.0, 1.0])
    raw = [(message("inverse_scaling.mixture_check.case_guess"), 0.0, 0.0, 1.0, 0.5),
           (message("inverse_scaling.mixture_check.case_distractor"), 0.0, 1.0, 1.0, 0.5),
           (message("inverse_scaling.mixture_check.case_true"), 1.0, 1.0, 1.0, 0.5),
           (message("inverse_scaling.mixture_check.case_no_attraction"), 0.3, 1.0, 0.0, 0.5),
           (message("inverse_scaling.mixture_check.case_half"), 0.0, 1.0, 0.5, 0.5),
           (message("inverse_scaling.mixture_check.case_four_options"), 0.2, 0.6, 0.8, 0.25),
           (message("inverse_scaling.mixture_check.case_arrays"), t, d, 0.8, 0.5)]
    return [(desc, (tt, dd, a, c), reference_mixture(np.asarray(tt, float), np.asarray(dd, float), a, c))
            for desc, tt, dd, a, c in raw]


def mixture_accuracy(fn: Callable) -> CheckResult:
    """Check ``fn(true_ability, distractor_ability, attraction, chance)`` against the mixture model.

    Used in notebook 04 §2 (exercise 2.1).
    """
    return run_cases("mixture_accuracy", fn, _mixture_cases(), hint=message("inverse_scaling.mixture_check.hint"))


def _shape_cases() -> list[tuple[str, np.ndarray, float, str]]:
    grid = load_agreement_grid()
    live = grid.family("none", 0.8)
    mean = live.mean("test")
    small = live.widths <= 16
    cases = [(message("inverse_scaling.shape_check.case_down_up"), [0.5, 0.3, 0.1, 0.4, 0.7], 0.05),
             (message("inverse_scaling.shape_check.case_down"), [0.5, 0.4, 0.2, 0.1], 0.05),
             (message("inverse_scaling.shape_check.case_up"), [0.5, 0.6, 0.8, 0.9], 0.05),
             (message("inverse_scaling.shape_check.case_up_down"), [0.3, 0.7, 0.4], 0.05),
             (message("inverse_scaling.shape_check.case_wiggles"), [0.50, 0.47, 0.52, 0.49], 0.05),
             (message("inverse_scaling.shape_check.case_small_recovery"), [0.6, 0.2, 0.23], 0.05),
             (message("inverse_scaling.shape_check.case_small_dip"), [0.5, 0.47, 0.9], 0.05),
             (message("inverse_scaling.shape_check.case_tighter_tol"), [0.5, 0.47, 0.9], 0.01),
             (message("inverse_scaling.shape_check.case_small_rise"), [0.50, 0.49, 0.52], 0.05),
             (message("inverse_scaling.shape_check.case_peak_dip"), [0.5, 0.9, 0.1, 0.6], 0.05),
             (message("inverse_scaling.shape_check.case_exact_drop"), [0.5, 0.25], 0.25),
             (message("inverse_scaling.shape_check.case_exact_rise"), [0.25, 0.5], 0.25),
             (message("inverse_scaling.shape_check.case_exact_dip"), [0.5, 0.25, 0.5], 0.25),
             (message("inverse_scaling.shape_check.case_live"), mean, 0.05),
             (message("inverse_scaling.shape_check.case_live_small"), mean[small], 0.05)]
    return [(desc, np.asarray(v, float), tol, scaling_shape(v, tol)) for desc, v, tol in cases]


def classify_scaling(fn: Callable) -> CheckResult:
    """Check ``fn(values, tol) -> "U-shaped" | "inverted-U" | "positive" | "inverse" | "flat"``.

    Used in notebook 04 §4 (exercise 4.1). The rules are those of
    :func:`course_lib.inverse_scaling.shapes.scaling_shape`.
    """
    if not callable(fn):
        raise TypeError(f"fn must be a function, got {type(fn).__name__}")
    name = "classify_scaling"
    hint = message("inverse_scaling.shape_check.hint")
    cases = _shape_cases()
    for i, (description, values, tol, expected) in enumerate(cases, 1):
        where = message("check.case", index=i, total=len(cases), description=description)
        got, failure = call_learner(name, fn, (values.copy(), tol), where, hint)
        if failure is not None:
            return failure
        if not isinstance(got, str) or got != expected:
            return differs(name, where, f"{short_repr(np.round(values, 3))}, tol={tol}", repr(expected),
                           short_repr(got), hint=hint)
    return passed(name, len(cases))
