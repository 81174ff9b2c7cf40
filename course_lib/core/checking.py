"""The exercise-checking engine that every lesson's ``checks`` module uses.

A lesson's check of an exercise, ``checks.<exercise>(fn)``, compares the learner's ``fn`` with
the course's reference implementation on cases chosen to catch the usual mistakes
(:func:`run_cases`), prints what was expected, what came back and on which case, and returns a
:class:`CheckResult` that is truthy when every case passed. A stub that still raises
``NotImplementedError`` gets a friendly reminder, not a traceback (:func:`call_learner`), so a
notebook runs top to bottom before the learner fills it in.
"""
from __future__ import annotations

from typing import Any, Callable, Sequence

import numpy as np

__all__ = ["CheckResult", "run_cases", "call_learner", "learner_name", "short_repr", "NOT_IMPLEMENTED"]

#: what a check prints while the learner's function is still the stub
NOT_IMPLEMENTED = "not implemented yet. Fill in the function above, run its cell, then run this check."


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


def _same_values(expected: Any, got: Any, rtol: float) -> bool:
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


def learner_name(fn: Callable, fallback: str) -> str:
    """The name the learner gave ``fn`` (``my_emergence_score``), or ``fallback`` for a lambda."""
    name = getattr(fn, "__name__", "")
    return name if name.isidentifier() else fallback


def run_cases(name: str, fn: Callable, cases: Sequence[tuple[str, tuple, Any]],
              rtol: float = 1e-9, hint: str = "", shown_args: int | None = None,
              learner: Callable | None = None) -> CheckResult:
    """Call ``fn(*args)`` for each ``(description, args, expected)`` and report.

    Messages name the learner's function as the learner wrote it (``my_emergence_score``),
    and show numbers rounded to 6 significant digits.

    Parameters
    ----------
    name : str
        What the learner implemented; used in the messages when the function has no name of
        its own (a lambda).
    fn : callable
        The learner's function, or a wrapper around it (then pass ``learner``).
    cases : sequence of (description, args, expected)
    rtol : float
        Relative tolerance for numbers (infinities must match in sign).
    hint : str
        Printed after a failure.
    shown_args : int, optional
        Show only the first ``shown_args`` arguments of a failing case (the others are
        bookkeeping of the checker, not the learner's input).
    learner : callable, optional
        The learner's own function when ``fn`` wraps it: its name is shown.
    """
    if not callable(fn):
        raise TypeError(f"fn must be a function, got {type(fn).__name__}")
    name = learner_name(learner if learner is not None else fn, name)
    for i, (description, args, expected) in enumerate(cases, 1):
        got, failure = call_learner(name, fn, args, f"case {i} of {len(cases)} ({description})", hint)
        if failure is not None:
            return failure
        if not _same_values(expected, got, rtol):
            message = (f"{name}: case {i} of {len(cases)} ({description}) differs.\n"
                       f"  input:    {', '.join(short_repr(a) for a in args[:shown_args])}\n"
                       f"  expected: {short_repr(expected)}\n"
                       f"  got:      {short_repr(got)}")
            print(message + (f"\nHint: {hint}" if hint else ""))
            return CheckResult(False, message)
    message = f"{name}: all {len(cases)} cases pass. Well done!"
    print(message)
    return CheckResult(True, message)


def call_learner(name: str, fn: Callable, args: tuple, where: str, hint: str) -> tuple[Any, CheckResult | None]:
    """Call the learner's ``fn(*args)``; return ``(result, None)``, or ``(None, failure)``.

    A stub that raises ``NotImplementedError`` or any other exception becomes a printed,
    failed :class:`CheckResult` saying ``where`` it happened, so the notebook goes on.
    """
    try:
        return fn(*args), None
    except NotImplementedError:
        message = f"{name}: {NOT_IMPLEMENTED}"
        print(message)
    except Exception as err:  # the learner's code failed: say where, keep the notebook going
        message = f"{name}: {where} raised {type(err).__name__}: {err}"
        print(message + (f"\nHint: {hint}" if hint else ""))
    return None, CheckResult(False, message)


def _rounded(value: Any) -> Any:
    """``value`` with every float rounded to 6 significant digits (lists and tuples too)."""
    if isinstance(value, float) and np.isfinite(value):
        return float(f"{value:.6g}")
    if isinstance(value, (list, tuple)):
        return type(value)(_rounded(v) for v in value)
    return value


def short_repr(value: Any, limit: int = 90) -> str:
    """``repr`` of ``value`` (arrays as lists, floats to 6 significant digits), cut to ``limit`` characters."""
    if isinstance(value, (np.ndarray, np.generic)):
        value = value.tolist()
    text = repr(_rounded(value))
    return text if len(text) <= limit else text[: limit - 3] + "..."
