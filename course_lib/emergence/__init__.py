"""Lesson 01, emergence (``notebooks/01_emergence.ipynb``).

Notebook section -> what it calls:

- §1 What the papers saw: :mod:`course_lib.papers.wei2022` (all 22 named rows of Table 1),
  :func:`~course_lib.emergence.plots.plot_emergent_scales`, :mod:`course_lib.papers.bigbench2022`.
- §2 All steps right, or nothing:
  :func:`~course_lib.emergence.plots.plot_all_steps_right`, :func:`~course_lib.emergence.checks.all_steps_right`.
- §3 The emergence score: :func:`course_lib.metrics.emergence_score`,
  :func:`~course_lib.emergence.plots.toy_step_accuracy`, :func:`~course_lib.emergence.plots.centred_sizes`, :func:`~course_lib.emergence.checks.emergence_score`.
- §4 Training a family of adders live: one model with :func:`~course_lib.emergence.training.train_model`
  (:mod:`~course_lib.emergence.problems`, :mod:`~course_lib.emergence.models`), then the family with
  :func:`~course_lib.emergence.training.train_family` (:class:`~course_lib.emergence.family.AdditionFamily`),
  :func:`~course_lib.emergence.checks.exact_match`, :class:`~course_lib.emergence.demos.EmergenceDemo`
  over the cached families only (:func:`~course_lib.emergence.training.load_family`), and
  :func:`~course_lib.emergence.thresholds.hard_position_decomposition` beside
  :func:`~course_lib.emergence.thresholds.threshold_decomposition` (why longer sums need larger models).
- §5 A scratchpad: the scratchpad kind of :func:`~course_lib.emergence.training.train_family`,
  :func:`course_lib.model_sizes.first_crossing`, and the two ablations
  (:func:`~course_lib.emergence.training.load_ablation`: the direct network given the true carries,
  the step network without its carry), :func:`course_lib.metrics.largest_step_share` and
  :func:`~course_lib.emergence.training.scratchpad_step_probability` (is the scratchpad's jump in the model?).

Cached results: ``cache/addition_families.npz``, ``cache/addition_ablations.npz`` and the seed
replicates ``cache/addition_seeds.npz`` and ``cache/addition_ablation_seeds.npz`` (:func:`build_cache`).
The claims the notebook's prose makes about these results are tested in ``tests/emergence/test_claims.py``.
"""
from __future__ import annotations

from pathlib import Path

from course_lib.emergence import training

NOTEBOOK = "01_emergence.ipynb"
#: demo name -> "module:class" (found by :mod:`course_lib.catalog`)
DEMOS = {"emergence": "course_lib.emergence.demos:EmergenceDemo"}
#: live family name -> "module:function" that trains what the notebook trains live
LIVE_FAMILIES = {
    "one adder, 4 digits, width 64": "course_lib.emergence.training:train_live_one_adder",
    "adders, 4 digits, direct": "course_lib.emergence.training:train_live_direct",
    "adders, 4 digits, scratchpad": "course_lib.emergence.training:train_live_scratchpad",
    "scratchpad step probabilities, seeds 0-3": "course_lib.emergence.training:train_live_step_probabilities",
}
#: the demo whose default figure stands for this lesson in the README (``make figures``)
README_DEMO = "emergence"


def build_cache() -> list[Path]:
    """Retrain every cached adder family: the families, the ablations and the seed replicates of both."""
    return [training.build_cache(), training.build_ablation_cache(), training.build_seed_cache(),
            training.build_ablation_seed_cache()]
