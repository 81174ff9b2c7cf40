"""Exercise checkers: run a learner's function on fixed cases and explain any difference.

Each ``check_<exercise>(fn)`` compares ``fn`` with the course's reference implementation on
cases chosen to catch the usual mistakes, prints what was expected, what came back and on
which case, and returns a :class:`CheckResult` that is truthy when every case passed. A stub
that still raises ``NotImplementedError`` gets a friendly reminder, not a traceback, so a
notebook runs top to bottom before the learner fills it in.
"""
from __future__ import annotations

from typing import Any, Callable, Sequence

import numpy as np

from course_lib import metrics

__all__ = ["CheckResult", "run_cases", "check_mlp_param_count", "check_exact_match",
           "check_emergence_score", "check_all_steps_right"]


class CheckResult:
    """The outcome of a check: truthy when it passed; ``message`` says why or why not."""

    def __init__(self, passed: bool, message: str):
        self.passed = passed
        self.message = message

    def __bool__(self) -> bool:
        return self.passed

    def __repr__(self) -> str:
        return f"CheckResult(passed={self.passed})"

    def _ipython_display_(self) -> None:
        """Show nothing in a notebook: the message was printed already."""


def _same(expected: Any, got: Any, rtol: float) -> bool:
    e = np.asarray(expected, dtype=float)
    try:
        g = np.asarray(got, dtype=float)
    except (TypeError, ValueError):
        return False
    if e.shape != g.shape:
        return False
    both_inf = np.isinf(e) & np.isinf(g) & (np.sign(e) == np.sign(g))
    close = np.isclose(e, g, rtol=rtol, atol=1e-12) | both_inf
    return bool(np.all(close))


def run_cases(name: str, fn: Callable, cases: Sequence[tuple[str, tuple, Any]],
              rtol: float = 1e-9, hint: str = "") -> CheckResult:
    """Call ``fn(*args)`` for each ``(description, args, expected)`` and report.

    Parameters
    ----------
    name : str
        What the learner implemented, for the messages.
    fn : callable
        The learner's function.
    cases : sequence of (description, args, expected)
    rtol : float
        Relative tolerance for numbers (infinities must match in sign).
    hint : str
        Printed after a failure.
    """
    if not callable(fn):
        raise TypeError(f"fn must be a function, got {type(fn).__name__}")
    for i, (description, args, expected) in enumerate(cases, 1):
        try:
            got = fn(*args)
        except NotImplementedError:
            message = f"{name}: not implemented yet. Fill in the function above, run its cell, then run this check."
            print(message)
            return CheckResult(False, message)
        except Exception as err:  # the learner's code failed: say where, keep the notebook going
            message = (f"{name}: case {i} of {len(cases)} ({description}) raised "
                       f"{type(err).__name__}: {err}")
            print(message + (f"\nHint: {hint}" if hint else ""))
            return CheckResult(False, message)
        if not _same(expected, got, rtol):
            message = (f"{name}: case {i} of {len(cases)} ({description}) differs.\n"
                       f"  input:    {', '.join(_short(a) for a in args)}\n"
                       f"  expected: {_short(expected)}\n"
                       f"  got:      {_short(got)}")
            print(message + (f"\nHint: {hint}" if hint else ""))
            return CheckResult(False, message)
    message = f"{name}: all {len(cases)} cases pass. Well done!"
    print(message)
    return CheckResult(True, message)


def _short(value: Any, limit: int = 90) -> str:
    if isinstance(value, (np.ndarray, np.generic)):
        value = value.tolist()
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


# --- Lesson 00 -------------------------------------------------------------------------

def _mlp_param_cases() -> list[tuple[str, tuple, Any]]:
    raw = [("tiny", 2, 3, 1), ("no hidden units", 5, 0, 2), ("the 4-digit adder, width 16", 80, 16, 50),
           ("wide", 784, 1000, 10)]
    return [(d, (i, h, o), i * h + h + h * o + o) for d, i, h, o in raw]


def check_mlp_param_count(fn: Callable) -> CheckResult:
    """Check ``fn(n_inputs, n_hidden, n_outputs) -> number of weights and biases`` of a 1-hidden-layer MLP."""
    return run_cases("mlp_param_count", fn, _mlp_param_cases(),
                     hint="count both weight matrices (inputs x hidden, hidden x outputs) and both bias "
                          "vectors (one per hidden unit, one per output)")


# --- Lesson 01 -------------------------------------------------------------------------

def _exact_match_cases() -> list[tuple[str, tuple, Any]]:
    raw = [
        ("two answers, one right", [[1, 2, 3], [1, 2, 4]], [[1, 2, 3], [1, 2, 3]]),
        ("all digits but one right still scores 0", [[5, 0, 0, 0, 1]], [[5, 0, 0, 0, 0]]),
        ("a prediction one token short", [[4, 2], [7]], [[4, 2], [7, 0]]),
        ("a prediction one token too long", [[9, 9, 1]], [[9, 9]]),
        ("string tokens", [["the", "cat"], ["a", "dog"]], [["the", "cat"], ["the", "dog"]]),
    ]
    return [(d, (p, t), metrics.exact_match(p, t)) for d, p, t in raw]


def check_exact_match(fn: Callable) -> CheckResult:
    """Check ``fn(predictions, targets) -> per-example 0/1 array`` against exact match."""
    return run_cases("exact_match", fn, _exact_match_cases(),
                     hint="an answer scores 1 only if it has the target's length and every token equals it; "
                          "return one 0/1 value per example (e.g. np.array([...]))")


def _emergence_cases() -> list[tuple[str, tuple, Any]]:
    raw = [
        ("a steady rise", [1e6, 1e7, 1e8, 1e9, 1e10], [0.1, 0.2, 0.3, 0.4, 0.5]),
        ("flat, then one jump", [1e6, 1e7, 1e8, 1e9, 1e10, 1e11], [0.0, 0.01, 0.0, 0.02, 0.8, 0.82]),
        ("scales given out of order", [1e9, 1e6, 1e8, 1e7], [0.5, 0.0, 0.1, 0.05]),
        ("a falling curve has a negative score", [1, 2, 3, 4], [0.9, 0.5, 0.45, 0.4]),
    ]
    return [(d, (x, y), metrics.emergence_score(x, y)) for d, x, y in raw]


def check_emergence_score(fn: Callable) -> CheckResult:
    """Check ``fn(scales, values) -> float`` against the BIG-bench emergence score."""
    return run_cases("emergence_score", fn, _emergence_cases(), rtol=1e-6,
                     hint="sort the points by scale first; the denominator is the square root of the "
                          "median of the squared steps between neighbours; the sign is that of "
                          "argmax(y) - argmin(y)")


def _all_steps_cases() -> list[tuple[str, tuple, Any]]:
    raw = [("one step", 0.9, 1), ("two steps", 0.9, 2), ("five steps at p = 0.5", 0.5, 5),
           ("steps that are always right", 1.0, 7), ("twenty steps", 0.95, 20)]
    return [(d, (p, k), p ** k) for d, p, k in raw]


def check_all_steps_right(fn: Callable) -> CheckResult:
    """Check ``fn(p_step, n_steps) -> probability that every step is right`` (independent steps)."""
    return run_cases("all_steps_right", fn, _all_steps_cases(),
                     hint="if each step is right with probability p, independently, all k of them are "
                          "right with probability p * p * ... * p (k times)")
