"""IsoFLOP grids of tiny language models: for each compute budget C, several sizes N trained on D = C / (6N).

:func:`run_grid` trains every (budget, width) pair, with a progress bar; :func:`live_grid` is the
small grid notebook 05 trains live and :func:`full_grid` the larger one whose results ship in
``cache/isoflop_grid.npz`` (:func:`build_grid_cache` rebuilds it, ``make cache``; :func:`load_grid`
reads it). Runs with fewer than :data:`MIN_STEPS` optimiser steps are skipped: they are the
largest models of the smallest budgets, too short-trained to mean anything.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

import numpy as np

from course_lib.chinchilla.language import MarkovLanguage
from course_lib.chinchilla.model import batch_size, embedding_params, n_params, train_model
from course_lib.core.cache import REBUILD, packaged_file, read_family, source_file, write_families
from course_lib.core.messages import message
from course_lib.core.progress import progress
from course_lib.core.validation import check_bool, check_choice, check_count, check_scalar

__all__ = ["IsoFLOPGrid", "WIDTH_LADDER", "MIN_STEPS", "FULL_GRID_WIDTHS", "LIVE_GRID_WIDTHS", "MAIN_BUDGETS",
           "PARAMETER_COUNTS", "LIVE_SEEDS", "run_grid", "live_grid", "full_grid", "load_grid", "build_grid_cache", "write_grid_cache",
           "load_live_seeds"]

#: hidden widths on a x1.5 ladder (every one a multiple of 4)
WIDTH_LADDER = (8, 12, 16, 24, 32, 48, 64, 96, 128, 192, 256, 384, 512, 768, 1024)
#: runs with fewer optimiser steps than this are skipped
MIN_STEPS = 100
#: the cached grid: budget -> widths (8 per budget around its optimum; 1e12 is where the toy saturates)
FULL_GRID_WIDTHS = {1e10: WIDTH_LADDER[4:12], 3e10: WIDTH_LADDER[5:13], 1e11: WIDTH_LADDER[6:14],
                    3e11: WIDTH_LADDER[7:15], 1e12: WIDTH_LADDER[8:15]}
#: the grid notebook 05 trains live: 4 widths per budget, one rung up the ladder per budget
LIVE_GRID_WIDTHS = {3e9: (24, 48, 96, 192), 1e10: (32, 64, 128, 256), 3e10: (48, 96, 192, 384)}
#: the budgets the lesson analyses (1e12 is shown apart: the toy saturates there)
MAIN_BUDGETS = (1e10, 3e10, 1e11, 3e11)
CACHE_FILE = "isoflop_grid.npz"
FAMILY = "isoflop_grid"
#: the live grid's results, kept too so that tests check the lesson's claims about it without retraining
LIVE_FAMILY = "live_grid"
#: the seeds of the live grid whose results are cached (seed 0 is the notebook's live run)
LIVE_SEEDS = (0, 1, 2)
#: what N counts: the non-embedding parameters (Kaplan et al.) or all of them (Hoffmann et al.)
PARAMETER_COUNTS = ("non-embedding", "all")
FIELDS = ("budget", "width", "n_params", "tokens", "batch", "steps", "loss")


@dataclass
class IsoFLOPGrid:
    """Final losses of an IsoFLOP grid, one entry per trained run.

    Attributes
    ----------
    budget : array
        The compute budget C each run was sized for.
    width, n_params, tokens, batch, steps : arrays
        The model's width h, non-embedding parameters N, training tokens D, batch and steps.
    loss : array
        Exact population cross-entropy (nats per token) after training.
    entropy : float
        The language's entropy rate H: no model can go below it.
    """

    budget: np.ndarray
    width: np.ndarray
    n_params: np.ndarray
    tokens: np.ndarray
    batch: np.ndarray
    steps: np.ndarray
    loss: np.ndarray
    entropy: float
    settings: dict = field(default_factory=dict)

    @property
    def flops(self) -> np.ndarray:
        """Compute actually spent, 6 N D (within half a batch of the budget)."""
        return 6.0 * self.n_params * self.tokens

    @property
    def budgets(self) -> np.ndarray:
        """The distinct budgets, ascending."""
        return np.unique(self.budget)

    def __len__(self) -> int:
        return len(self.loss)

    def curve(self, budget: float) -> tuple[np.ndarray, np.ndarray]:
        """(N, loss) of one budget's runs, by increasing N. Used in notebook 05 §6."""
        budget = check_scalar("budget", budget, minimum=0, include_minimum=False)
        rows = np.isclose(self.budget, budget, rtol=1e-9)
        if not rows.any():
            raise ValueError(f"budget must be one of {self.budgets.tolist()}, got {budget:g}")
        order = np.argsort(self.n_params[rows])
        return self.n_params[rows][order], self.loss[rows][order]

    def subset(self, budgets: Sequence[float]) -> "IsoFLOPGrid":
        """The runs of the given budgets only."""
        rows = np.zeros(len(self), dtype=bool)
        for b in budgets:
            hit = np.isclose(self.budget, b, rtol=1e-9)
            if not hit.any():
                raise ValueError(f"budgets must be among {self.budgets.tolist()}, got {b:g}")
            rows |= hit
        return IsoFLOPGrid(*(getattr(self, f)[rows] for f in FIELDS), entropy=self.entropy,
                           settings=dict(self.settings))

    @property
    def parameters(self) -> str:
        """What ``n_params`` counts: ``"non-embedding"`` (as trained) or ``"all"`` (see :meth:`counting`)."""
        return self.settings.get("parameters", "non-embedding")

    def counting(self, parameters: str) -> "IsoFLOPGrid":
        """The same runs with N counting ``"non-embedding"`` or ``"all"`` parameters. Used in notebook 05 §5-§7.

        ``"all"`` adds each model's embedding table (V·d, :func:`~course_lib.chinchilla.model.embedding_params`)
        to N, as Hoffmann et al. count; budgets and tokens stay as trained (C was sized with the
        non-embedding N, as Kaplan et al. size it).
        """
        parameters = check_choice("parameters", parameters, PARAMETER_COUNTS)
        if parameters == self.parameters:
            return self
        vocab = int(self.settings.get("vocab", 64))
        embedding = np.array([embedding_params(int(w), vocab) for w in self.width], dtype=np.int64)
        n = self.n_params + embedding if parameters == "all" else self.n_params - embedding
        columns = {f: getattr(self, f) for f in FIELDS}
        columns["n_params"] = n
        return IsoFLOPGrid(**columns, entropy=self.entropy, settings=dict(self.settings, parameters=parameters))

    def as_arrays(self) -> dict[str, np.ndarray]:
        return {f: getattr(self, f) for f in FIELDS}


def _plan(widths_by_budget: dict[float, Sequence[int]], vocab: int) -> list[tuple[float, int, int]]:
    plan = []
    for budget, widths in widths_by_budget.items():
        budget = check_scalar("budgets", budget, minimum=0, include_minimum=False)
        for width in widths:
            n = n_params(width, vocab)
            tokens = int(round(budget / (6 * n)))
            if tokens >= 128 and round(tokens / batch_size(tokens)) >= MIN_STEPS:
                plan.append((budget, int(width), tokens))
    if not plan:
        raise ValueError("the grid has no run with at least MIN_STEPS steps; use larger budgets or smaller widths")
    return plan


def run_grid(widths_by_budget: dict[float, Sequence[int]], language: MarkovLanguage | None = None,
             seed: int = 0, show_progress: bool = True) -> IsoFLOPGrid:
    """Train one model per (budget, width) on D = C / (6N) tokens and record its final loss.

    Used in notebook 05 §6.

    Parameters
    ----------
    widths_by_budget : dict
        Compute budget C (FLOPs) -> the widths to train at that budget. Runs that would take
        fewer than :data:`MIN_STEPS` steps are skipped.
    language : MarkovLanguage, optional
        Default: ``MarkovLanguage()`` (V = 64, seed 0).
    seed : int, default 0
        Seed of every run's weights and token stream.
    show_progress : bool, default True
    """
    if not isinstance(widths_by_budget, dict) or not widths_by_budget:
        raise ValueError("widths_by_budget must be a non-empty dict of budget -> widths")
    language = MarkovLanguage() if language is None else language
    if not isinstance(language, MarkovLanguage):
        raise TypeError(f"language must be a MarkovLanguage, got {type(language).__name__}")
    seed = check_count("seed", seed, minimum=0)
    show_progress = check_bool("show_progress", show_progress)
    plan = _plan(widths_by_budget, language.vocab)
    rows = []
    for budget, width, tokens in progress(plan, label=message("chinchilla.grid.progress"), enabled=show_progress):
        run = train_model(width, tokens, language, seed=seed)
        rows.append((budget, width, run.n_params, run.tokens, run.batch, run.steps, run.loss))
    columns = [np.array(c) for c in zip(*rows)]
    columns = [c.astype(float) if i in (0, 6) else c.astype(np.int64) for i, c in enumerate(columns)]
    settings = {"vocab": language.vocab, "successors": language.successors,
                "concentration": language.concentration, "language_seed": language.seed, "seed": seed,
                "min_steps": MIN_STEPS}
    return IsoFLOPGrid(*columns, entropy=language.entropy_rate, settings=settings)


def live_grid(show_progress: bool = False) -> IsoFLOPGrid:
    """The small grid notebook 05 trains live (:data:`LIVE_GRID_WIDTHS`, 12 runs, about 8 s on one core).

    The notebook calls :func:`run_grid` with these settings written out; this is the same
    call, for tests and the benchmark.
    """
    return run_grid(dict(LIVE_GRID_WIDTHS), show_progress=show_progress)


def full_grid(show_progress: bool = True) -> IsoFLOPGrid:
    """The cached grid (:data:`FULL_GRID_WIDTHS`), retrained: about 5 minutes on one core."""
    return run_grid(dict(FULL_GRID_WIDTHS), show_progress=show_progress)


def _live_family(seed: int) -> str:
    return LIVE_FAMILY if seed == 0 else f"{LIVE_FAMILY}_seed{seed}"


def write_grid_cache(grid: IsoFLOPGrid, live: IsoFLOPGrid, live_seeds: dict[int, IsoFLOPGrid] | None = None) -> Path:
    """Write the full grid, the live grid and the live grid's other seeds to ``cache/isoflop_grid.npz``."""
    run_keys = ("vocab", "successors", "concentration", "language_seed", "seed", "min_steps")
    settings = dict({key: grid.settings[key] for key in run_keys}, entropy=grid.entropy,
                    widths_by_budget={f"{b:g}": list(w) for b, w in FULL_GRID_WIDTHS.items()},
                    live_widths_by_budget={f"{b:g}": list(w) for b, w in LIVE_GRID_WIDTHS.items()})
    families = {FAMILY: grid.as_arrays(), LIVE_FAMILY: live.as_arrays()}
    for seed, other in (live_seeds or {}).items():
        families[_live_family(seed)] = other.as_arrays()
    return write_families(source_file(__package__, CACHE_FILE), families, settings)


def build_grid_cache(show_progress: bool = False) -> Path:
    """Retrain :func:`full_grid` and the live grid at :data:`LIVE_SEEDS`; write ``cache/isoflop_grid.npz`` (about 5 minutes)."""
    return write_grid_cache(full_grid(show_progress=show_progress), live_grid(show_progress=show_progress),
                            {seed: run_grid(dict(LIVE_GRID_WIDTHS), seed=seed, show_progress=show_progress)
                             for seed in LIVE_SEEDS if seed != 0})


def load_live_seeds() -> dict[int, IsoFLOPGrid]:
    """The cached live grid at every seed of :data:`LIVE_SEEDS` (seed -> grid). Used in notebook 05 §6."""
    return {seed: load_grid(_live_family(seed)) for seed in LIVE_SEEDS}


def load_grid(name: str = FAMILY) -> IsoFLOPGrid:
    """The cached full IsoFLOP grid; ``name="live_grid"`` (or ``"live_grid_seed1"``, ...) the live grid's results.

    Used in notebook 05 §7.
    """
    names = (FAMILY, *(_live_family(seed) for seed in LIVE_SEEDS))
    if name not in names:
        raise ValueError(f"name must be one of {names}, got {name!r}")
    try:
        fields, settings = read_family(packaged_file(__package__, CACHE_FILE), name)
    except FileNotFoundError as err:
        raise FileNotFoundError(f"the IsoFLOP grid cache {CACHE_FILE} is missing; rebuild it with {REBUILD}") from err
    settings = {k: v for k, v in settings.items() if k != "parameters"}
    if name.startswith(f"{LIVE_FAMILY}_seed"):
        settings["seed"] = int(name.rsplit("seed", 1)[1])
    return IsoFLOPGrid(*(fields[f] for f in FIELDS), entropy=float(settings["entropy"]), settings=settings)
