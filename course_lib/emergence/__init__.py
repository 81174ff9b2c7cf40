"""Lesson 01, emergence (``notebooks/01_emergence.ipynb``).

Notebook section -> what it calls:

- §1 What the papers saw: :mod:`course_lib.papers.wei2022`,
  :func:`~course_lib.emergence.plots.plot_emergent_scales`.
- §2 All steps right, or nothing: :mod:`course_lib.papers.bigbench2022`,
  :func:`~course_lib.emergence.plots.plot_all_steps_right`, :func:`~course_lib.emergence.checks.all_steps_right`.
- §3 The emergence score: :func:`course_lib.metrics.emergence_score`,
  :func:`~course_lib.emergence.plots.toy_step_accuracy`, :func:`~course_lib.emergence.checks.emergence_score`.
- §4 Training a family of adders live: :func:`~course_lib.emergence.training.train_family`
  (:mod:`~course_lib.emergence.problems`, :mod:`~course_lib.emergence.models`,
  :class:`~course_lib.emergence.family.AdditionFamily`), :func:`~course_lib.emergence.checks.exact_match`,
  :class:`~course_lib.emergence.demos.EmergenceDemo` over the cached families
  (:func:`~course_lib.emergence.training.load_family`).
- §5 A scratchpad: the scratchpad kind of :func:`~course_lib.emergence.training.train_family`,
  :func:`course_lib.model_sizes.first_crossing`.

Cached results: ``cache/addition_families.npz`` (:func:`build_cache`).
"""
from __future__ import annotations

from pathlib import Path

from course_lib.emergence import training

NOTEBOOK = "01_emergence.ipynb"
#: demo name -> "module:class" (found by :mod:`course_lib.catalog`)
DEMOS = {"emergence": "course_lib.emergence.demos:EmergenceDemo"}
#: live family name -> "module:function" that trains what the notebook trains live
LIVE_FAMILIES = {
    "adders, 4 digits, direct": "course_lib.emergence.training:train_live_direct",
    "adders, 4 digits, scratchpad": "course_lib.emergence.training:train_live_scratchpad",
}
#: the demo whose default figure stands for this lesson in the README (``make figures``)
README_DEMO = "emergence"


def build_cache() -> list[Path]:
    """Retrain every cached adder family and rewrite ``cache/addition_families.npz``."""
    return [training.build_cache()]
