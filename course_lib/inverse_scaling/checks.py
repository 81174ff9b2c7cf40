"""Checks of lesson 04's exercises (04_inverse_scaling.ipynb): ``checks.<exercise>(fn)`` grades ``fn``.

Each check runs ``fn`` on cases chosen to catch the usual mistakes, prints a diagnosis and
returns a :class:`course_lib.core.checking.CheckResult` (truthy when every case passed).
"""
from __future__ import annotations

from typing import Any, Callable

import numpy as np

from course_lib.core.checking import CheckResult, call_learner, passed, run_cases, short_repr
from course_lib.inverse_scaling.family import load_agreement_grid
from course_lib.inverse_scaling.mixture import mixture_accuracy as reference_mixture
from course_lib.inverse_scaling.shapes import scaling_shape

__all__ = ["mixture_accuracy", "classify_scaling"]


def _mixture_cases() -> list[tuple[str, tuple, Any]]:
    t = np.array([0.0, 0.1, 0.5, 0.9, 1.0])
    d = np.array([0.0, 0.8, 1.0, 1.0, 1.0])
    raw = [("no ability at all: a guess", 0.0, 0.0, 1.0, 0.5),
           ("the distractor always taken: always wrong", 0.0, 1.0, 1.0, 0.5),
           ("the true ability everywhere", 1.0, 1.0, 1.0, 0.5),
           ("a distractor nobody is attracted to", 0.3, 1.0, 0.0, 0.5),
           ("half the models fall for the distractor", 0.0, 1.0, 0.5, 0.5),
           ("four options (chance 0.25)", 0.2, 0.6, 0.8, 0.25),
           ("arrays over model sizes", t, d, 0.8, 0.5)]
    return [(desc, (tt, dd, a, c), reference_mixture(np.asarray(tt, float), np.asarray(dd, float), a, c))
            for desc, tt, dd, a, c in raw]


def mixture_accuracy(fn: Callable) -> CheckResult:
    """Check ``fn(true_ability, distractor_ability, attraction, chance)`` against the mixture model.

    Used in notebook 04 §2 (exercise 2.1).
    """
    return run_cases("mixture_accuracy", fn, _mixture_cases(),
                     hint="three ways to answer: the true task with probability T (right); otherwise the "
                          "distractor with probability attraction * D (wrong); otherwise a guess (right with "
                          "probability chance). Add up the ways of being right; numpy works on arrays too.")


def _shape_cases() -> list[tuple[str, np.ndarray, float, str]]:
    grid = load_agreement_grid()
    live = grid.family("none", 0.8)
    mean = live.mean("test")
    small = live.widths <= 16
    cases = [("down then up", [0.5, 0.3, 0.1, 0.4, 0.7], 0.05),
             ("down only", [0.5, 0.4, 0.2, 0.1], 0.05),
             ("up only", [0.5, 0.6, 0.8, 0.9], 0.05),
             ("up then down", [0.3, 0.7, 0.4], 0.05),
             ("wiggles smaller than tol", [0.50, 0.47, 0.52, 0.49], 0.05),
             ("a dip whose recovery is within tol: still inverse", [0.6, 0.2, 0.23], 0.05),
             ("a dip smaller than tol, then a rise", [0.5, 0.47, 0.9], 0.05),
             ("the same dip with a tighter tol", [0.5, 0.47, 0.9], 0.01),
             ("a rise smaller than tol", [0.50, 0.49, 0.52], 0.05),
             ("a peak, then a deeper dip: the U is tested first", [0.5, 0.9, 0.1, 0.6], 0.05),
             ("a drop of exactly tol is not more than tol", [0.5, 0.25], 0.25),
             ("a rise of exactly tol is not more than tol", [0.25, 0.5], 0.25),
             ("a dip of exactly tol on both sides", [0.5, 0.25, 0.5], 0.25),
             ("the live family (mean), every width", mean, 0.05),
             ("the live family (mean), widths up to 16", mean[small], 0.05)]
    return [(desc, np.asarray(v, float), tol, scaling_shape(v, tol)) for desc, v, tol in cases]


def classify_scaling(fn: Callable) -> CheckResult:
    """Check ``fn(values, tol) -> "U-shaped" | "inverted-U" | "positive" | "inverse" | "flat"``.

    Used in notebook 04 §4 (exercise 4.1). The rules are those of
    :func:`course_lib.inverse_scaling.shapes.scaling_shape`.
    """
    if not callable(fn):
        raise TypeError(f"fn must be a function, got {type(fn).__name__}")
    name = "classify_scaling"
    hint = ("find the lowest and highest values; a U needs the first AND the last value to be more than tol "
            "above the lowest; test the U first, then the inverted U, then compare the last value with the "
            "first; every test is 'more than tol' (>, not >=), the positive and inverse tests too")
    cases = _shape_cases()
    for i, (description, values, tol, expected) in enumerate(cases, 1):
        where = f"case {i} of {len(cases)} ({description})"
        got, failure = call_learner(name, fn, (values.copy(), tol), where, hint)
        if failure is not None:
            return failure
        if not isinstance(got, str) or got != expected:
            message = (f"{name}: {where} differs.\n"
                       f"  input:    {short_repr(np.round(values, 3))}, tol={tol}\n"
                       f"  expected: {expected!r}\n"
                       f"  got:      {short_repr(got)}")
            print(message + f"\nHint: {hint}")
            return CheckResult(False, message)
    return passed(name, len(cases))
