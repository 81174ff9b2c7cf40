"""Lesson 05, Chinchilla compute trade-offs (``notebooks/05_chinchilla.ipynb``).

Notebook section -> what it calls:

- §1 Counting compute, C ≈ 6ND: :mod:`course_lib.papers.hoffmann2022` (Table A4, Gopher and Chinchilla).
- §2 The parametric law and its three coefficient sets: :class:`course_lib.scaling.ScalingLaw`,
  :data:`~course_lib.scaling.COEFFICIENT_SETS`.
- §3 IsoFLOP curves and the frontier: :func:`course_lib.scaling.isoflop_curve`,
  :func:`~course_lib.scaling.compute_optimal`, :class:`~course_lib.chinchilla.demos.IsoFLOPDemo`,
  :func:`~course_lib.chinchilla.checks.n_opt_by_hand`.
- §4 Chinchilla vs Gopher: :mod:`course_lib.papers.hoffmann2022`.
- §5 Kaplan et al. 2020 and today's explanations of the gap: :mod:`course_lib.papers.kaplan2020`,
  :mod:`~course_lib.papers.porian2024`, :mod:`~course_lib.papers.pearce2024`.
- §6 The live toy experiment: :class:`~course_lib.chinchilla.language.MarkovLanguage`,
  :func:`~course_lib.chinchilla.model.train_model`, :func:`~course_lib.chinchilla.grid.run_grid`,
  :func:`~course_lib.chinchilla.analysis.analyse_grid`, :func:`~course_lib.chinchilla.analysis.seed_table`,
  :func:`~course_lib.chinchilla.grid.load_live_seeds`, :func:`~course_lib.chinchilla.bootstrap.load_bootstrap`,
  :func:`~course_lib.chinchilla.checks.parabola_minimum`, :class:`~course_lib.chinchilla.demos.ToyGridDemo`.
- §7 The full grid, what N counts, and why E comes out below the entropy: :func:`~course_lib.chinchilla.grid.load_grid`,
  :meth:`~course_lib.chinchilla.grid.IsoFLOPGrid.counting`,
  :func:`~course_lib.chinchilla.analysis.count_model_loss`, :class:`~course_lib.chinchilla.demos.ToyGridDemo`.
- §8 The rounding trap: :func:`course_lib.scaling.tokens_per_parameter`,
  :func:`~course_lib.chinchilla.checks.loss_at_ratio`.
- §9 Bootstrap intervals: :func:`course_lib.chinchilla.bootstrap.load_bootstrap`
  (:func:`course_lib.scaling.bootstrap_scaling_law`, cached), :mod:`course_lib.papers.besiroglu2024`.
- §10 Paying for inference: :func:`course_lib.scaling.inference_optimal`,
  :class:`~course_lib.chinchilla.demos.InferenceDemo`, :mod:`course_lib.papers.sardana2024`.
- §11 In practice: :mod:`course_lib.papers.grattafiori2024`, :mod:`~course_lib.papers.muennighoff2023`,
  :data:`course_lib.papers.hoffmann2022.TABLE_A2_EXPONENTS`, :func:`course_lib.scaling.inference_optimal`.

Cached results: ``cache/isoflop_grid.npz``, the full IsoFLOP grid of 39 tiny language models and
the live grid's 12 runs at seeds 0, 1 and 2; ``cache/bootstrap.npz``, 200-resample bootstraps of
the fitted law on the live and the full grid (:mod:`course_lib.chinchilla.bootstrap`);
:func:`build_cache` rebuilds both, about 7 minutes on one core.
"""
from __future__ import annotations

from pathlib import Path

from course_lib.chinchilla.bootstrap import build_bootstrap_cache
from course_lib.chinchilla.grid import build_grid_cache

NOTEBOOK = "05_chinchilla.ipynb"
#: demo name -> "module:class" (found by :mod:`course_lib.catalog`)
DEMOS = {
    "chinchilla_isoflop": "course_lib.chinchilla.demos:IsoFLOPDemo",
    "chinchilla_toy_grid": "course_lib.chinchilla.demos:ToyGridDemo",
    "chinchilla_inference": "course_lib.chinchilla.demos:InferenceDemo",
}
#: live family name -> "module:function" that trains what the notebook trains live
LIVE_FAMILIES = {"IsoFLOP live grid (12 tiny LMs)": "course_lib.chinchilla.grid:live_grid"}
#: the demo whose default figure stands for this lesson in the README (``make figures``)
README_DEMO = "chinchilla_isoflop"


def build_cache(show_progress: bool = False) -> list[Path]:
    """Retrain the full IsoFLOP grid and the live grid's seeds (``cache/isoflop_grid.npz``, about 5 minutes),
    then bootstrap the law on them (``cache/bootstrap.npz``, one to three minutes)."""
    written = build_grid_cache(show_progress=show_progress)
    return [written, build_bootstrap_cache()]
