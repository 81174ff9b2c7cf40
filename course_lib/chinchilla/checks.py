"""Checks of lesson 05's exercises (05_chinchilla.ipynb): ``checks.<exercise>(fn)`` grades the learner's ``fn``.

Each check runs ``fn`` on cases chosen to catch the usual mistakes, prints a diagnosis and
returns a :class:`course_lib.core.checking.CheckResult` (truthy when every case passed).
"""
from __future__ import annotations

from typing import Any, Callable

import numpy as np

from course_lib.chinchilla.grid import load_grid
from course_lib.chinchilla.names import law_name
from course_lib.core.checking import CheckResult, run_cases
from course_lib.core.messages import message
from course_lib.scaling import COEFFICIENT_SETS, EPOCH_2024, compute_optimal, parabola_vertex

__all__ = ["n_opt_by_hand", "parabola_minimum", "loss_at_ratio"]


def n_opt_by_hand(fn: Callable) -> CheckResult:
    """Check ``fn(C, E, A, B, alpha, beta) -> N_opt`` against :func:`course_lib.scaling.compute_optimal`.

    Used in notebook 05 §3 (exercise 3.1).
    """
    cases: list[tuple[str, tuple, Any]] = []
    for name, C in (("Hoffmann (rounded)", 5.76e23), ("Hoffmann (unrounded)", 1e21), ("Epoch 2024", 1e25)):
        law = COEFFICIENT_SETS[name]
        cases.append((message("chinchilla.n_opt.case_law", law=law_name(name), C=C), (C, *law.as_tuple()),
                      compute_optimal(C, law)[0]))
    budgets = np.array([1e19, 1e22, 1e25])
    cases.append((message("chinchilla.n_opt.case_array", law=law_name("Epoch 2024")),
                  (budgets, *EPOCH_2024.as_tuple()),
                  compute_optimal(budgets, EPOCH_2024)[0]))
    return run_cases("n_opt_by_hand", fn, cases, rtol=1e-6,
                     hint=message("chinchilla.n_opt.hint"))


def _parabola_cases() -> list[tuple[str, tuple, Any]]:
    n = np.geomspace(1e3, 1e6, 7)
    x = np.log(n)
    exact = 0.05 * (x - np.log(3e4)) ** 2 + 2.0
    lopsided = np.geomspace(2e3, 5e5, 5)
    tilted = 0.1 * (np.log(lopsided) - np.log(1.5e4)) ** 2 + 1.7
    grid = load_grid()
    cases = [(message("chinchilla.parabola.case_exact"), (n, exact), 3e4),
             (message("chinchilla.parabola.case_uneven"), (lopsided, tilted), 1.5e4)]
    for budget in grid.budgets[1:3]:
        sizes, loss = grid.curve(budget)
        expected = parabola_vertex(sizes, loss)[0]
        cases.append((message("chinchilla.parabola.case_grid", budget=budget), (sizes, loss), expected))
    return cases


def parabola_minimum(fn: Callable) -> CheckResult:
    """Check ``fn(N, loss) -> N at the minimum of a parabola fitted to loss against ln N``.

    Used in notebook 05 §6 (exercise 6.1).
    """
    return run_cases("parabola_minimum", fn, _parabola_cases(), rtol=1e-6,
                     hint=message("chinchilla.parabola.hint"))


def loss_at_ratio(fn: Callable) -> CheckResult:
    """Check ``fn(C, ratio, law) -> predicted loss of the model trained on ``ratio`` tokens per parameter at compute C``.

    Used in notebook 05 §8 (exercise 8.1). With D = ratio * N and C = 6 N D, N = sqrt(C / (6 ratio)).
    """
    cases = []
    for name, C, ratio in (("Epoch 2024", 5.88e23, 93.0), ("Epoch 2024", 5.88e23, 18.4),
                           ("Hoffmann (rounded)", 1e21, 1.0), ("Hoffmann (unrounded)", 1e25, 500.0)):
        law = COEFFICIENT_SETS[name]
        n = np.sqrt(C / (6 * ratio))
        cases.append((message("chinchilla.ratio.case", law=law_name(name), C=C, ratio=ratio), (C, ratio, law),
                      law.loss(n, ratio * n)))
    return run_cases("loss_at_ratio", fn, cases, rtol=1e-9, shown_args=2,
                     hint=message("chinchilla.ratio.hint"))
