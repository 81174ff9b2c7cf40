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
           "check_emergence_score", "check_all_steps_right", "check_toy_exact_match",
           "check_sampled_subset_accuracy", "check_emergent_metric"]


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
              rtol: float = 1e-9, hint: str = "", shown_args: int | None = None) -> CheckResult:
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
    shown_args : int, optional
        Show only the first ``shown_args`` arguments of a failing case (the others are
        bookkeeping of the checker, not the learner's input).
    """
    if not callable(fn):
        raise TypeError(f"fn must be a function, got {type(fn).__name__}")
    for i, (description, args, expected) in enumerate(cases, 1):
        got, failure = _call(name, fn, args, f"case {i} of {len(cases)} ({description})", hint)
        if failure is not None:
            return failure
        if not _same(expected, got, rtol):
            message = (f"{name}: case {i} of {len(cases)} ({description}) differs.\n"
                       f"  input:    {', '.join(_short(a) for a in args[:shown_args])}\n"
                       f"  expected: {_short(expected)}\n"
                       f"  got:      {_short(got)}")
            print(message + (f"\nHint: {hint}" if hint else ""))
            return CheckResult(False, message)
    message = f"{name}: all {len(cases)} cases pass. Well done!"
    print(message)
    return CheckResult(True, message)


def _call(name: str, fn: Callable, args: tuple, where: str, hint: str) -> tuple[Any, CheckResult | None]:
    """Call the learner's ``fn``; a stub or a crash becomes a printed, failed CheckResult."""
    try:
        return fn(*args), None
    except NotImplementedError:
        message = f"{name}: not implemented yet. Fill in the function above, run its cell, then run this check."
        print(message)
    except Exception as err:  # the learner's code failed: say where, keep the notebook going
        message = f"{name}: {where} raised {type(err).__name__}: {err}"
        print(message + (f"\nHint: {hint}" if hint else ""))
    return None, CheckResult(False, message)


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


# --- Lesson 02 -------------------------------------------------------------------------

def _toy_exact_match_cases() -> list[tuple[str, tuple, Any]]:
    raw = [("one token", 0.9, 1), ("five tokens", 0.9, 5), ("a perfect model", 1.0, 12),
           ("many per-token accuracies at once", np.array([0.5, 0.9, 0.99]), 10)]
    return [(d, (p, length), np.asarray(p, dtype=float) ** length) for d, p, length in raw]


def check_toy_exact_match(fn: Callable) -> CheckResult:
    """Check ``fn(p_token, length) -> expected exact match p_token ** length`` (vectorised)."""
    return run_cases("toy_exact_match", fn, _toy_exact_match_cases(),
                     hint="the answer is right only if all `length` tokens are right, each independently "
                          "with probability p_token; numpy's ** works on arrays too")


def _subset_sampling_cases() -> list[tuple[str, np.ndarray, int]]:
    mostly = np.ones(10, dtype=bool)
    mostly[3] = False
    return [("150 of 200 right, K = 5", np.arange(200) < 150, 5),
            ("9 of 10 right, K = 10: ten *distinct* items include the wrong one", mostly, 10),
            ("half right, K = 2", np.arange(50) % 2 == 0, 2)]


def check_sampled_subset_accuracy(fn: Callable, n_draws: int = 20_000) -> CheckResult:
    """Check ``fn(correct, k, n_draws, rng) -> share of draws of k distinct items all correct``.

    The estimate must agree with the exact formula C(c, k) / C(n, k) within four standard
    errors of a binomial proportion on every case.
    """
    from course_lib.metrics import subset_accuracy

    if not callable(fn):
        raise TypeError(f"fn must be a function, got {type(fn).__name__}")
    cases = []
    for description, correct, k in _subset_sampling_cases():
        exact = subset_accuracy(int(correct.sum()), len(correct), k)
        rng = np.random.default_rng(0)
        cases.append((description, correct, k, exact, rng))

    def sampled_or_exact(correct, k, exact, rng):
        estimate = float(fn(correct, k, n_draws, rng))
        tolerance = 4 * np.sqrt(max(exact * (1 - exact), 1 / n_draws) / n_draws)
        return exact if abs(estimate - exact) <= tolerance else estimate

    wrapped = [(d, (c, k, e, r), e) for d, c, k, e, r in cases]
    return run_cases("sampled_subset_accuracy", sampled_or_exact, wrapped, rtol=0, shown_args=2,
                     hint="for each draw pick k *different* items (rng.choice(n, size=k, replace=False)) "
                          "and count the draw as a success if all of them are correct; return the share "
                          "of successful draws")


def check_emergent_metric(fn: Callable) -> CheckResult:
    """Check that ``fn(correct) -> one score per model`` makes the random-feature family look emergent.

    ``correct`` is the (widths, test images) boolean array of seed 0 of the live random-feature
    digit classifiers. The metric must stay in [0, 1], read at most 0.05 for every width up to
    16 (where plain accuracy is already about 0.7), and reach at least 0.3 at the widest model.
    """
    from course_lib.digits_classifiers import random_feature_family

    if not callable(fn):
        raise TypeError(f"fn must be a function, got {type(fn).__name__}")
    family = random_feature_family(seeds=(0,), show_progress=False)
    correct, widths = family.correct[0], family.widths
    name = "emergent_metric"
    got, failure = _call(name, fn, (correct,), "your metric", "")
    if failure is not None:
        return failure
    try:
        values = np.asarray(got, dtype=float)
    except (TypeError, ValueError):
        values = None
    small = widths <= 16
    problems = []
    if values is None:
        problems.append(f"expected numbers, one per model, got {_short(got)}")
    elif values.shape != (len(widths),):
        problems.append(f"expected one value per model, shape ({len(widths)},), got shape {values.shape}")
    elif np.isnan(values).any() or values.min() < 0 or values.max() > 1:
        problems.append(f"values must lie in [0, 1], got min {np.nanmin(values):.3g}, max {np.nanmax(values):.3g}")
    else:
        if values[small].max() > 0.05:
            problems.append(f"not absent in small models: {values[small].max():.3f} at width "
                            f"{widths[small][values[small].argmax()]} (must be <= 0.05 up to width 16)")
        if values[-1] < 0.3:
            problems.append(f"not present in the largest model: {values[-1]:.3f} at width {widths[-1]} "
                            f"(must be >= 0.3)")
    accuracy = correct.mean(axis=1)
    if problems:
        message = (f"{name}: " + "; ".join(problems) + ".\n  plain accuracy of the same models: "
                   + ", ".join(f"{a:.2f}" for a in accuracy))
        print(message + "\nHint: demand more of each model: many test images right at once, or a "
                        "high bar on a score computed from many images.")
        return CheckResult(False, message)
    message = (f"{name}: emergent! At most {values[small].max():.3f} up to width 16, {values[-1]:.2f} at width "
               f"{widths[-1]}, while plain accuracy rose smoothly from {accuracy[0]:.2f} to {accuracy[-1]:.2f}.")
    print(message)
    return CheckResult(True, message)
