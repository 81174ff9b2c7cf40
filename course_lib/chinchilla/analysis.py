"""Hoffmann et al.'s three approaches run on an IsoFLOP grid of tiny language models.

:func:`analyse_grid` returns, for one grid, Approach 1 (envelope of each size's loss against
compute), Approach 2 (a parabola per IsoFLOP curve), Approach 3 (the parametric law, fitted with
E free and with E held at the language's true entropy) and each fit's objective.
:func:`count_model_loss` is the yardstick for why the fitted E falls below the entropy: a
count-based table estimator, trained on the same tokens, that is limited by information only.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from course_lib.chinchilla.grid import PARAMETER_COUNTS, IsoFLOPGrid
from course_lib.chinchilla.language import MarkovLanguage
from course_lib.chinchilla.names import PARAMETER_KEYS
from course_lib.core.messages import message
from course_lib.core.validation import check_choice, check_count, check_scalar
from course_lib.scaling import (EnvelopeFit, IsoFLOPFit, ScalingLaw, fit_envelope_frontier, fit_isoflop_parabolas,
                                fit_scaling_law, huber_objective)

__all__ = ["GridAnalysis", "analyse_grid", "window_rows", "count_model_loss", "seed_table"]

@dataclass
class GridAnalysis:
    """The three approaches on one grid. Used in notebook 05 §6-§7."""

    grid: IsoFLOPGrid
    rows: np.ndarray           # the runs the fits used (a window around each optimum, or all)
    approach1: EnvelopeFit
    approach2: IsoFLOPFit
    law: ScalingLaw            # Approach 3, E free
    law_fixed_E: ScalingLaw    # Approach 3, E held at the true entropy
    objective: float
    objective_fixed_E: float
    window: float | None = None
    parabola_points: int | None = None

    @property
    def parameters(self) -> str:
        """What N counts in these fits: ``"non-embedding"`` or ``"all"``."""
        return self.grid.parameters

    def summary(self) -> str:
        """A few lines comparing the approaches (printed by the notebook), in the course's language."""
        g = self.grid
        parameters = message(PARAMETER_KEYS[self.parameters])
        return "\n".join([
            message("chinchilla.summary.runs", used=int(self.rows.sum()), total=len(g),
                    budgets=", ".join(f"{b:.0e}" for b in g.budgets), parameters=parameters),
            message("chinchilla.summary.approach1", a=self.approach1.a),
            message("chinchilla.summary.approach2", a=self.approach2.a, b=self.approach2.b),
            message("chinchilla.summary.approach3_free", a=self.law.a, law=self.law),
            message("chinchilla.summary.approach3_fixed", a=self.law_fixed_E.a, law=self.law_fixed_E),
            message("chinchilla.summary.entropy", H=g.entropy, gap=self.law.E - g.entropy, lowest=g.loss.min(),
                    above=g.loss.min() - g.entropy),
            message("chinchilla.summary.objective", free=self.objective, fixed=self.objective_fixed_E,
                    ratio=self.objective_fixed_E / self.objective),
        ])


def window_rows(grid: IsoFLOPGrid, window: float | None) -> np.ndarray:
    """Runs whose N is within a factor ``window`` of their budget's parabola optimum (all if None)."""
    if not isinstance(grid, IsoFLOPGrid):
        raise TypeError(f"grid must be an IsoFLOPGrid, got {type(grid).__name__}")
    if window is None:
        return np.ones(len(grid), dtype=bool)
    window = check_scalar("window", window, minimum=1, include_minimum=False)
    parabolas = fit_isoflop_parabolas(grid.budget, grid.n_params, grid.loss)
    rows = np.zeros(len(grid), dtype=bool)
    for budget, n_opt in zip(parabolas.budgets, parabolas.n_opt):
        hit = grid.budget == budget
        rows |= hit & (np.abs(np.log(grid.n_params / n_opt)) <= np.log(window))
    return rows


def analyse_grid(grid: IsoFLOPGrid, window: float | None = None, parabola_points: int | None = None,
                 parameters: str | None = None) -> GridAnalysis:
    """Run Approaches 1-3 on ``grid`` (optionally only runs within ``window`` of each optimum).

    Used in notebook 05 §6-§7. ``parameters`` (``"non-embedding"`` or ``"all"``; the grid's own
    count by default) is what N counts (:meth:`~course_lib.chinchilla.grid.IsoFLOPGrid.counting`).
    """
    if not isinstance(grid, IsoFLOPGrid):
        raise TypeError(f"grid must be an IsoFLOPGrid, got {type(grid).__name__}")
    if parameters is not None:
        grid = grid.counting(check_choice("parameters", parameters, PARAMETER_COUNTS))
    rows = window_rows(grid, window)
    C, N, D, loss = grid.budget[rows], grid.n_params[rows], grid.tokens[rows], grid.loss[rows]
    approach1 = fit_envelope_frontier(N, 6.0 * N * D, loss)
    approach2 = fit_isoflop_parabolas(C, N, loss, points=parabola_points)
    law = fit_scaling_law(N, D, loss)
    law_fixed = fit_scaling_law(N, D, loss, fixed_E=grid.entropy)
    return GridAnalysis(grid=grid, rows=rows, approach1=approach1, approach2=approach2, law=law,
                        law_fixed_E=law_fixed, objective=huber_objective(law, N, D, loss),
                        objective_fixed_E=huber_objective(law_fixed, N, D, loss), window=window,
                        parabola_points=parabola_points)


def count_model_loss(language: MarkovLanguage, tokens: int, smoothing: float = 0.1, seed: int = 1) -> float:
    """Exact loss of a count table (add-``smoothing`` estimate of P(next | a, b)) after ``tokens`` tokens.

    Used in notebook 05 §7.

    The table sees the same stream of tokens as the neural models (``seed`` as in
    :func:`~course_lib.chinchilla.model.train_model` with seed 0) and needs no optimisation,
    so its loss shows how much the data alone allow.
    """
    if not isinstance(language, MarkovLanguage):
        raise TypeError(f"language must be a MarkovLanguage, got {type(language).__name__}")
    tokens = check_count("tokens", tokens)
    smoothing = check_scalar("smoothing", smoothing, minimum=0, include_minimum=False)
    context, target = language.sample(tokens, seed=seed)
    v = language.vocab
    counts = np.bincount(context.astype(np.int64) * v + target, minlength=v ** 3).reshape(v * v, v) + smoothing
    return language.population_loss(np.log(counts / counts.sum(axis=1, keepdims=True)))


def seed_table(grids: dict[int, IsoFLOPGrid], parameters: str | None = None) -> tuple[dict[int, GridAnalysis], str]:
    """Analyse one grid per seed; return (seed -> analysis, a printable table of a and E by seed).

    Used in notebook 05 §6: how much of a live result is the seed.
    """
    if not isinstance(grids, dict) or not grids:
        raise ValueError("grids must be a non-empty dict of seed -> IsoFLOPGrid")
    analyses = {seed: analyse_grid(grid, parameters=parameters) for seed, grid in grids.items()}
    lines = [message("chinchilla.seed_table.header")]
    for seed, x in analyses.items():
        lines.append(f"{seed:4d}   {x.approach1.a:15.3f}  {x.approach2.a:16.3f}  {x.law.a:10.3f}   {x.law.E:7.3f}")
    spread = np.ptp([[x.approach1.a, x.approach2.a, x.law.a, x.law.E] for x in analyses.values()], axis=0)
    lines.append(message("chinchilla.seed_table.spread", a1=spread[0], a2=spread[1], a3=spread[2], E=spread[3]))
    return analyses, "\n".join(lines)
