"""Checks of lesson 03's exercises (03_grokking.ipynb): ``checks.<exercise>(fn)`` grades the learner's ``fn``.

Each check runs ``fn`` on cases chosen to catch the usual mistakes, prints a diagnosis and
returns a :class:`course_lib.core.checking.CheckResult` (truthy when every case passed).
"""
from __future__ import annotations

import functools
from typing import Any, Callable

import numpy as np

from course_lib.core.checking import CheckResult, run_cases
from course_lib.core.messages import message
from course_lib.grokking.adamw import adamw_step as reference_adamw_step
from course_lib.grokking.fourier import frequency_power

__all__ = ["adamw_step", "frequency_shares", "fourier_answer"]


def _adamw_cases() -> list[tuple[str, tuple, Any]]:
    rng = np.random.default_rng(3)
    param, grad = rng.standard_normal(6), rng.standard_normal(6)
    m, v = 0.1 * rng.standard_normal(6), 0.01 * rng.random(6)
    raw = [
        # description, (param, grad, m, v, t, lr, betas, eps, weight_decay)
        (message("grokking.check.adamw_first_step"),
         (np.array([1.0]), np.array([0.5]), np.zeros(1), np.zeros(1), 1, 0.1, (0.9, 0.98), 1e-8, 1.0)),
        (message("grokking.check.adamw_no_decay"),
         (np.array([2.0, -1.0]), np.array([0.3, -4.0]), np.zeros(2), np.zeros(2), 1, 0.01, (0.9, 0.98), 1e-8, 0.0)),
        (message("grokking.check.adamw_step_10"),
         (param, grad, m, v, 10, 1e-2, (0.9, 0.98), 1e-8, 1.0)),
        (message("grokking.check.adamw_strong_decay"), (param, grad, m, v, 3, 0.05, (0.8, 0.9), 1e-6, 3.0)),
        (message("grokking.check.adamw_zero_gradient"),
         (param, np.zeros(6), np.zeros(6), np.zeros(6), 5, 0.1, (0.9, 0.98), 1e-8, 1.0)),
    ]
    return [(d, args, np.stack(reference_adamw_step(*args))) for d, args in raw]


def adamw_step(fn: Callable) -> CheckResult:
    """Check ``fn(param, grad, m, v, t, lr, betas, eps, weight_decay) -> (param, m, v)``, one AdamW step.

    Used in notebook 03 §1 (exercise 1.1).
    """
    if not callable(fn):
        raise TypeError(f"fn must be a function, got {type(fn).__name__}")
    @functools.wraps(fn)  # messages name the learner's function
    def stacked(*args):
        copies = [np.array(a, dtype=float) if isinstance(a, np.ndarray) else a for a in args]
        out = fn(*copies)
        return np.stack([np.asarray(x, dtype=float) for x in out])

    return run_cases("adamw_step", stacked, _adamw_cases(), rtol=1e-7,
                     hint=message("grokking.check.adamw_hint"))


def _frequency_cases() -> list[tuple[str, tuple, Any]]:
    x = np.arange(11)[:, None]
    rng = np.random.default_rng(5)
    raw = [
        (message("grokking.check.shares_one_wave"), np.cos(2 * np.pi * 3 * x / 11)),
        (message("grokking.check.shares_two_columns"),
         np.hstack([np.sin(2 * np.pi * 2 * x / 11), 2 * np.cos(2 * np.pi * 5 * x / 11)])),
        (message("grokking.check.shares_constant"), np.hstack([np.ones((11, 1)),
                                                                     np.cos(2 * np.pi * x / 11 + 0.4)])),
        (message("grokking.check.shares_random"), rng.standard_normal((13, 4))),
    ]
    return [(d, (E,), frequency_power(E)) for d, E in raw]


def frequency_shares(fn: Callable) -> CheckResult:
    """Check ``fn(E) -> share of the (p, d) embedding's power at k = 0..p // 2`` (sums to 1).

    Used in notebook 03 §2 (exercise 2.1).
    """
    if not callable(fn):
        raise TypeError(f"fn must be a function, got {type(fn).__name__}")
    @functools.wraps(fn)
    def on_a_copy(E):
        return fn(np.array(E))

    return run_cases("frequency_shares", on_a_copy, _frequency_cases(), rtol=1e-6,
                     hint=message("grokking.check.shares_hint"))


def _cosine_argmax(a: int, b: int, p: int, keys) -> int:
    """The first c in 0..p-1 where every cosine is 1, i.e. k (a + b - c) ≡ 0 (mod p) for each key k.

    Integer arithmetic, no floats: the sum of cosines reaches its largest possible value, one per
    key, exactly there. For a prime p this is (a + b) mod p; for p = 15 and k = 3 the cosine
    repeats every 5 residues, so it is the first c with c ≡ a + b (mod 5).
    """
    return next(c for c in range(p) if all(k * (a + b - c) % p == 0 for k in keys))


def _answer_cases() -> list[tuple[str, tuple, Any]]:
    raw = [(message("grokking.check.answer_one_key"), 2, 3, 7, (1,)),
           (message("grokking.check.answer_wraps"), 40, 80, 97, (24, 47, 5)),
           (message("grokking.check.answer_nanda"), 100, 50, 113, (14, 35, 41, 42, 52)),
           ("p = 13, a = 0, b = 0", 0, 0, 13, (3, 5)),
           (message("grokking.check.answer_not_prime"), 7, 6, 15, (3,))]
    return [(d, (a, b, p, keys), _cosine_argmax(a, b, p, keys)) for d, a, b, p, keys in raw]


def fourier_answer(fn: Callable) -> CheckResult:
    """Check ``fn(a, b, p, keys) -> argmax over c of Σ_k cos(2πk(a + b - c)/p)``.

    Used in notebook 03 §4 (exercise 4.1). For a prime p the answer is the residue (a + b) mod p;
    one case uses p = 15, where the cosines alone give a different answer, so a function that
    computes ``(a + b) % p`` instead of scoring with the cosines fails.
    """
    return run_cases("fourier_answer", fn, _answer_cases(),
                     rtol=0, hint=message("grokking.check.answer_hint"))
