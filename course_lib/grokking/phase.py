"""The phase diagram: training fraction × weight decay -> steps until the network generalises.

Each cell of the grid trains the network of :mod:`course_lib.grokking.model` from 3 seeds, full
batch with AdamW, until test accuracy reaches 95 % or the step budget runs out ("never" within
the budget). To fit one CPU core in a few minutes the grid uses a smaller modulus (p = 53, with
2,809 equations) than the live run of notebook 03 §1 (p = 97).

:func:`run_phase_grid` trains a grid (any settings); :func:`build_phase_cache` trains the
shipped one and writes ``cache/phase_diagram.npz``; :func:`load_phase_grid` reads it.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

import numpy as np

from course_lib.core.cache import packaged_file, read_family, source_file, write_families
from course_lib.core.messages import message
from course_lib.core.progress import progress
from course_lib.core.validation import check_count, check_scalar
from course_lib.grokking.data import check_prime
from course_lib.grokking.training import train

__all__ = ["PhaseGrid", "run_phase_grid", "build_phase_cache", "load_phase_grid", "PHASE_P", "PHASE_FRACTIONS",
           "PHASE_WEIGHT_DECAYS", "PHASE_SEEDS", "PHASE_BUDGET", "PHASE_THRESHOLD", "PHASE_FILE"]

PHASE_P = 53
PHASE_FRACTIONS = (0.2, 0.3, 0.4, 0.5)
PHASE_WEIGHT_DECAYS = (0.0, 0.3, 1.0, 3.0)
PHASE_SEEDS = (0, 1, 2)
PHASE_BUDGET = 3000
PHASE_THRESHOLD = 0.95
PHASE_LOG_EVERY = 20
PHASE_FILE = "phase_diagram.npz"


@dataclass
class PhaseGrid:
    """Results of a grid: ``[fraction, weight decay, seed]`` arrays of curves and outcomes.

    ``generalised_at`` holds the first checkpoint step with test accuracy >= ``threshold``,
    or -1 where that did not happen within ``budget`` steps; ``memorised_at`` the same for
    100 % training accuracy. The curves (NaN after a run stopped) share the axis ``steps``.
    """

    p: int
    fractions: np.ndarray
    weight_decays: np.ndarray
    seeds: np.ndarray
    budget: int
    threshold: float
    steps: np.ndarray
    train_accuracy: np.ndarray
    test_accuracy: np.ndarray
    weight_norm: np.ndarray
    generalised_at: np.ndarray
    memorised_at: np.ndarray

    def grokked(self) -> np.ndarray:
        """How many seeds generalised in each (fraction, weight decay) cell."""
        return (self.generalised_at >= 0).sum(axis=2)

    def median_steps(self) -> np.ndarray:
        """Median steps to generalise per cell where every seed did, NaN elsewhere."""
        steps = np.where(self.generalised_at >= 0, self.generalised_at, np.nan).astype(float)
        out = np.full(steps.shape[:2], np.nan)
        every = self.grokked() == len(self.seeds)
        out[every] = np.median(steps[every], axis=-1)
        return out

    def delays(self) -> np.ndarray:
        """Steps to generalise ÷ steps to memorise, per run; NaN where either did not happen.

        Grokking is this delay, not the jump itself: a ratio near 1 is fast learning, Power et
        al.'s ~1000× is grokking.
        """
        ok = (self.generalised_at >= 0) & (self.memorised_at > 0)
        out = np.full(self.generalised_at.shape, np.nan)
        out[ok] = self.generalised_at[ok] / self.memorised_at[ok]
        return out

    def median_delays(self) -> np.ndarray:
        """Median delay per cell where every seed generalised, NaN elsewhere."""
        delays, out = self.delays(), np.full(self.generalised_at.shape[:2], np.nan)
        every = np.all(np.isfinite(delays), axis=-1)
        out[every] = np.median(delays[every], axis=-1)
        return out

    def as_arrays(self) -> dict[str, np.ndarray]:
        return {name: np.asarray(getattr(self, name)) for name in self.__dataclass_fields__}


def run_phase_grid(p: int = PHASE_P, fractions: Sequence[float] = PHASE_FRACTIONS,
                   weight_decays: Sequence[float] = PHASE_WEIGHT_DECAYS, seeds: Sequence[int] = PHASE_SEEDS,
                   budget: int = PHASE_BUDGET, threshold: float = PHASE_THRESHOLD,
                   log_every: int = PHASE_LOG_EVERY, show_progress: bool = True) -> PhaseGrid:
    """Train every (fraction, weight decay, seed) until test accuracy >= ``threshold`` or ``budget`` steps.

    Used in notebook 03 §3 (one cell retrained), and by :func:`build_phase_cache` (the shipped grid).
    """
    p = check_prime("p", p)
    budget = check_count("budget", budget)
    threshold = check_scalar("threshold", threshold, minimum=0, maximum=1, include_minimum=False)
    log_every = check_count("log_every", log_every)
    fractions = np.asarray([check_scalar("fractions", f, 0, 1, False, False) for f in fractions])
    weight_decays = np.asarray([check_scalar("weight_decays", w, minimum=0) for w in weight_decays])
    seeds = np.asarray([check_count("seeds", s, minimum=0) for s in seeds])
    steps = np.arange(0, budget + 1, log_every)
    shape = (len(fractions), len(weight_decays), len(seeds))
    curves = {name: np.full(shape + (len(steps),), np.nan) for name in ("train_accuracy", "test_accuracy",
                                                                       "weight_norm")}
    generalised, memorised = np.full(shape, -1), np.full(shape, -1)
    cells = [(i, j, k) for i in range(shape[0]) for j in range(shape[1]) for k in range(shape[2])]
    for i, j, k in progress(cells, label=message("grokking.phase_grid.progress"), enabled=show_progress):
        history = train(p=p, train_fraction=float(fractions[i]), weight_decay=float(weight_decays[j]),
                        steps=budget, seed=int(seeds[k]), log_every=log_every, stop_at=threshold,
                        keep_snapshots=False, show_progress=False)
        n = len(history.steps)
        for name in curves:
            curves[name][i, j, k, :n] = getattr(history, name)
        at = history.generalised_at(threshold), history.memorised_at()
        generalised[i, j, k], memorised[i, j, k] = (-1 if step is None else step for step in at)
    return PhaseGrid(p=p, fractions=fractions, weight_decays=weight_decays, seeds=seeds, budget=budget,
                     threshold=threshold, steps=steps, generalised_at=generalised, memorised_at=memorised,
                     **curves)


def build_phase_cache(show_progress: bool = False) -> Path:
    """Train the shipped grid (48 runs, a few minutes on one core) and write ``cache/phase_diagram.npz``."""
    grid = run_phase_grid(show_progress=show_progress)
    arrays = grid.as_arrays()
    arrays["train_accuracy"] = arrays["train_accuracy"].astype(np.float32)
    arrays["test_accuracy"] = arrays["test_accuracy"].astype(np.float32)
    arrays["weight_norm"] = arrays["weight_norm"].astype(np.float32)
    settings = {"p": grid.p, "budget": grid.budget, "threshold": grid.threshold, "log_every": PHASE_LOG_EVERY,
                "made_by": "course_lib.grokking.phase.build_phase_cache"}
    return write_families(source_file(__package__, PHASE_FILE), {"grid": arrays}, settings)


def load_phase_grid() -> PhaseGrid:
    """The shipped phase-diagram grid (``cache/phase_diagram.npz``).

    Used in notebook 03 §3.
    """
    fields, settings = read_family(packaged_file(__package__, PHASE_FILE), "grid")
    fields = {name: fields[name] for name in PhaseGrid.__dataclass_fields__}
    fields["p"], fields["budget"] = int(fields["p"]), int(fields["budget"])
    fields["threshold"] = float(fields["threshold"])
    return PhaseGrid(**fields)
