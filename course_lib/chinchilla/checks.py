"""Checks of lesson 05's exercises (05_chinchilla.ipynb): ``checks.<exercise>(fn)`` grades the learner's ``fn``.

Each check runs ``fn`` on cases chosen to catch the usual mistakes, prints a diagnosis and
returns a :class:`course_lib.core.checking.CheckResult` (truthy when every case passed).
"""
from __future__ import annotations

from typing import Any, Callable

import numpy as np

from course_lib.chinchilla.grid import load_grid
from course_lib.core.checking import CheckResult, run_cases
from course_lib.scaling import COEFFICIENT_SETS, EPOCH_2024, compute_optimal, parabola_vertex

__all__ = ["n_opt_by_hand", "parabola_minimum", "tokens_per_param"]


def n_opt_by_hand(fn: Callable) -> CheckResult:
    """Check ``fn(C, E, A, B, alpha, beta) -> N_opt`` against :func:`course_lib.scaling.compute_optimal`.

    Used in notebook 05 §3 (exercise 3.1).
    """
    cases: list[tuple[str, tuple, Any]] = []
    for name, C in (("Hoffmann (rounded)", 5.76e23), ("Hoffmann (unrounded)", 1e21), ("Epoch 2024", 1e25)):
        law = COEFFICIENT_SETS[name]
        cases.append((f"{name} at C = {C:.3g}", (C, *law.as_tuple()), compute_optimal(C, law)[0]))
    budgets = np.array([1e19, 1e22, 1e25])
    cases.append(("an array of budgets, Epoch 2024", (budgets, *EPOCH_2024.as_tuple()),
                  compute_optimal(budgets, EPOCH_2024)[0]))
    return run_cases("n_opt_by_hand", fn, cases, rtol=1e-6,
                     hint="N_opt = G (C/6)^a with a = beta/(alpha+beta) and G = (alpha A / (beta B))^(1/(alpha+beta)); "
                          "E plays no part (it does not depend on N or D)")


def _parabola_cases() -> list[tuple[str, tuple, Any]]:
    n = np.geomspace(1e3, 1e6, 7)
    x = np.log(n)
    exact = 0.05 * (x - np.log(3e4)) ** 2 + 2.0
    lopsided = np.geomspace(2e3, 5e5, 5)
    tilted = 0.1 * (np.log(lopsided) - np.log(1.5e4)) ** 2 + 1.7
    grid = load_grid()
    cases = [("an exact parabola in ln N with its minimum at N = 30,000", (n, exact), 3e4),
             ("five uneven sizes, minimum between two of them", (lopsided, tilted), 1.5e4)]
    for budget in grid.budgets[1:3]:
        sizes, loss = grid.curve(budget)
        expected = parabola_vertex(sizes, loss)[0]
        cases.append((f"the cached toy grid at C = {budget:.0e}", (sizes, loss), expected))
    return cases


def parabola_minimum(fn: Callable) -> CheckResult:
    """Check ``fn(N, loss) -> N at the minimum of a parabola fitted to loss against ln N``.

    Used in notebook 05 §6 (exercise 6.1).
    """
    return run_cases("parabola_minimum", fn, _parabola_cases(), rtol=1e-6,
                     hint="fit c2, c1, c0 = np.polyfit(np.log(N), loss, 2); the vertex is at x = -c1 / (2 c2), "
                          "and the size there is N = exp(x) (a size between the trained ones, not one of them)")


def tokens_per_param(fn: Callable) -> CheckResult:
    """Check ``fn(C, law) -> D_opt / N_opt`` at compute C.

    Used in notebook 05 §8 (exercise 8.1).
    """
    cases = []
    for name, C in (("Hoffmann (rounded)", 5.88e23), ("Epoch 2024", 5.88e23), ("Hoffmann (unrounded)", 1e21),
                    ("Hoffmann (rounded)", 1e26)):
        law = COEFFICIENT_SETS[name]
        n_opt, d_opt = compute_optimal(C, law)
        cases.append((f"{name} at C = {C:.3g}", (C, law), d_opt / n_opt))
    return run_cases("tokens_per_param", fn, cases, rtol=1e-6, shown_args=1,
                     hint="get N_opt from compute_optimal(C, law) (or your formula), then D_opt = C / (6 N_opt); "
                          "the answer is D_opt / N_opt, and it changes with C unless a = b = 0.5")
