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

from course_lib.core.messages import message

__all__ = ["CheckResult", "run_cases", "passed", "differs", "call_learner", "learner_name", "short_repr", "NOT_IMPLEMENTED"]

#: what a check prints (in English) while the learner's function is still the stub
NOT_IMPLEMENTED = message("check.not_implemented", "en")


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


def _describe_shape(value: Any) -> str:
    shape = np.shape(value)
    return message("check.a_number") if shape == () else message("check.an_array", shape=shape)


def _compare(expected: Any, got: Any, rtol: float) -> tuple[bool, str]:
    """Whether ``got`` equals ``expected``, and a note for the diagnosis when it does not.

    ``None`` and booleans must come back as themselves (``-1`` is not ``None``, ``1`` is not
    ``True``); numbers and arrays are compared with ``rtol`` (infinities must match in sign).
    """
    if isinstance(expected, str):
        return got == expected, "" if got == expected else message("check.expected_text")
    if expected is None or isinstance(expected, (bool, np.bool_)):
        if expected is None:
            return got is None, "" if got is None else message("check.expected_none")
        same = isinstance(got, (bool, np.bool_)) and bool(got) == bool(expected)
        return same, "" if same else message("check.expected_bool")
    e = np.asarray(expected, dtype=float)
    if isinstance(got, (bool, np.bool_)) and e.ndim == 0:
        return False, message("check.not_a_bool")
    if got is None:
        return False, message("check.returned_none", shape=_describe_shape(expected))
    try:
        g = np.asarray(got, dtype=float)
    except (TypeError, ValueError):
        return False, message("check.not_numbers", kind=type(got).__name__, shape=_describe_shape(expected))
    if e.shape != g.shape:
        return False, message("check.wrong_shape", expected=_describe_shape(expected), got=_describe_shape(got))
    both_inf = np.isinf(e) & np.isinf(g) & (np.sign(e) == np.sign(g))
    close = np.isclose(e, g, rtol=rtol, atol=1e-12) | both_inf
    if bool(np.all(close)):
        return True, ""
    finite = np.isfinite(e) & np.isfinite(g) & ~close
    if finite.any():
        diff = (g - e)[finite]
        worst = int(np.argmax(np.abs(diff)))
        key = "check.difference" if e.ndim == 0 else "check.difference_largest"
        return False, message(key, difference=f"{diff[worst]:.3g}")
    return False, ""


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
        case = message("check.case", index=i, total=len(cases), description=description)
        got, failure = call_learner(name, fn, args, case, hint)
        if failure is not None:
            return failure
        same, note = _compare(expected, got, rtol)
        if not same:
            return differs(name, case, ", ".join(short_repr(a) for a in args[:shown_args]), short_repr(expected),
                           short_repr(got), note, hint)
    return passed(name, len(cases))


def differs(name: str, case: str, shown_input: str, expected: str, got: str, note: str = "",
            hint: str = "") -> CheckResult:
    """Print and return the failure of one case: what went in, what was expected, what came back.

    The texts arrive formatted (``short_repr``); every check that finds a wrong answer reports it
    here, in the course's language.
    """
    width = max(len(message(k)) for k in ("check.input", "check.expected", "check.got"))
    text = (f"{name}: {message('check.differs', case=case)}\n"
            f"  {message('check.input'):{width}} {shown_input}\n"
            f"  {message('check.expected'):{width}} {expected}\n"
            f"  {message('check.got'):{width}} {got}" + (f"\n  {note}" if note else ""))
    print(text + (f"\n{message('check.hint')} {hint}" if hint else ""))
    return CheckResult(False, text)


def passed(name: str, count: int) -> CheckResult:
    """Print and return the success of a check of ``count`` cases (every lesson's checks end here)."""
    text = f"{name}: {message('check.all_pass', count=count)}"
    print(text)
    return CheckResult(True, text)


def call_learner(name: str, fn: Callable, args: tuple, where: str, hint: str) -> tuple[Any, CheckResult | None]:
    """Call the learner's ``fn(*args)``; return ``(result, None)``, or ``(None, failure)``.

    A stub that raises ``NotImplementedError`` or any other exception becomes a printed,
    failed :class:`CheckResult` saying ``where`` it happened, so the notebook goes on.
    """
    try:
        return fn(*args), None
    except NotImplementedError:
        text = f"{name}: {message('check.not_implemented')}"
        print(text)
    except Exception as err:  # the learner's code failed: say where, keep the notebook going
        text = f"{name}: {message('check.raised', where=where, error=f'{type(err).__name__}: {err}')}"
        print(text + (f"\n{message('check.hint')} {hint}" if hint else ""))
    return None, CheckResult(False, text)


def _rounded(value: Any) -> Any:
    """``value`` with every float rounded to 6 significant digits (lists and tuples too)."""
    if isinstance(value, (bool, int)) or value is None:
        return value  # shown as themselves: True, None, 3 (not 1.0 or 3.0)
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
