"""Lesson 04, U-shaped inverse scaling (``notebooks/04_inverse_scaling.ipynb``).

Notebook section -> what it calls:

- §1 The phenomenon: :mod:`course_lib.papers.mckenzie2023` (the Inverse Scaling Prize, its 11
  winning tasks, four causes and the organisers' own sentences) and :mod:`course_lib.papers.wei2023`
  (6 of 11 tasks U-shaped, Fig. 1's caption, what was and was not verified).
- §2 A phenomenological model: :mod:`~course_lib.inverse_scaling.mixture`,
  :class:`~course_lib.inverse_scaling.mixture_demo.MixtureDemo`,
  :func:`~course_lib.inverse_scaling.checks.mixture_accuracy`.
- §3 A live family with a distractor: :mod:`~course_lib.inverse_scaling.task`,
  :class:`~course_lib.inverse_scaling.family.RandomFeatureModel`,
  :func:`~course_lib.inverse_scaling.family.train_family`,
  :func:`~course_lib.inverse_scaling.family.train_seeds` (with ``counter_examples``, the
  demonstration-like intervention),
  :func:`~course_lib.inverse_scaling.family.load_agreement_grid`,
  :class:`~course_lib.inverse_scaling.family_demo.DistractorFamilyDemo`.
- §4 Reading scaling curves critically: :func:`~course_lib.inverse_scaling.shapes.scaling_shape`,
  :class:`~course_lib.inverse_scaling.sparse_demo.SparseSizesDemo`,
  :func:`~course_lib.inverse_scaling.checks.classify_scaling`, :func:`course_lib.metrics.emergence_score`.

Cached results: ``cache/agreement_grid.npz`` (:func:`build_cache`).
"""
from __future__ import annotations

from pathlib import Path

from course_lib.inverse_scaling.family import build_grid_cache, train_family

__all__ = ["NOTEBOOK", "DEMOS", "LIVE_FAMILIES", "README_DEMO", "build_cache", "train_family"]

NOTEBOOK = "04_inverse_scaling.ipynb"
#: demo name -> "module:class" (found by :mod:`course_lib.catalog`)
DEMOS = {
    "inverse_scaling_mixture": "course_lib.inverse_scaling.mixture_demo:MixtureDemo",
    "inverse_scaling_family": "course_lib.inverse_scaling.family_demo:DistractorFamilyDemo",
    "inverse_scaling_sparse_sizes": "course_lib.inverse_scaling.sparse_demo:SparseSizesDemo",
}
#: live family name -> "module:function" that trains what the notebook trains live
LIVE_FAMILIES = {"distractor task, random-feature models (5 seeds)": "course_lib.inverse_scaling.family:default_family"}
#: the demo whose default figure stands for this lesson in the README (``make figures``)
README_DEMO = "inverse_scaling_family"


def build_cache(show_progress: bool = False) -> list[Path]:
    """Retrain the cached agreement grid (every agreement, hint and seed of the live family)."""
    return [build_grid_cache(show_progress=show_progress)]
