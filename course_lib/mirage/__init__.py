"""Lesson 02, the mirage (``notebooks/02_mirage.ipynb``).

Notebook section -> what it calls:

- §1 The claim: :mod:`course_lib.papers.schaeffer2023`.
- §2 The toy model: :mod:`~course_lib.mirage.toy`, :class:`~course_lib.mirage.toy_demo.MirageToyDemo`,
  :func:`~course_lib.mirage.checks.toy_exact_match`.
- §3 The three predictions on real adders: lesson 01's :func:`course_lib.emergence.training.load_family`
  and :func:`~course_lib.emergence.training.train_model`, :mod:`~course_lib.mirage.lengths` (prediction 3
  on one fixed model), :class:`~course_lib.mirage.adders_demo.AdditionMirageDemo`.
- §4 Induced emergence on images: :mod:`~course_lib.mirage.digits` (the split),
  :mod:`~course_lib.mirage.classifiers`, :class:`~course_lib.mirage.digits_demos.SubsetAccuracyDemo`,
  :func:`~course_lib.mirage.checks.sampled_subset_accuracy`; :mod:`~course_lib.mirage.autoencoders`,
  :class:`~course_lib.mirage.digits_demos.ReconstructionDemo`, :func:`~course_lib.mirage.checks.emergent_metric`.
- §5 Multiple choice vs Brier score: :func:`~course_lib.mirage.multiple_choice_demo.keep_options`,
  :func:`~course_lib.mirage.multiple_choice_demo.score_multiple_choice`,
  :class:`~course_lib.mirage.multiple_choice_demo.MultipleChoiceDemo`.
- §6 What the critique does and does not claim: :mod:`course_lib.papers.schaeffer2023` and the later
  work (:mod:`course_lib.papers.du2024`, :mod:`~course_lib.papers.hu2024`,
  :mod:`~course_lib.papers.schaeffer2024`, :mod:`~course_lib.papers.snell2024`,
  :mod:`~course_lib.papers.ruan2024`), an independent sceptical paper (:mod:`~course_lib.papers.lu2024`)
  and earlier accounts (:mod:`~course_lib.papers.michaud2023`, :mod:`~course_lib.papers.caballero2023`).
- §7 Synthesis: :mod:`~course_lib.mirage.synthesis` (five unlabelled curves and the checklist),
  :func:`~course_lib.mirage.checks.jump_verdict`.

The claims the notebook's prose makes about its results are tested in ``tests/mirage/test_claims.py``.

Cached results: ``cache/digits_mlp.npz`` and ``cache/digits_autoencoder.npz`` (:func:`build_cache`).
"""
from __future__ import annotations

from pathlib import Path

from course_lib.mirage.autoencoders import build_autoencoder_cache
from course_lib.mirage.classifiers import build_mlp_cache

NOTEBOOK = "02_mirage.ipynb"
#: demo name -> "module:class" (found by :mod:`course_lib.catalog`)
DEMOS = {
    "mirage_toy": "course_lib.mirage.toy_demo:MirageToyDemo",
    "mirage_adders": "course_lib.mirage.adders_demo:AdditionMirageDemo",
    "mirage_subset_accuracy": "course_lib.mirage.digits_demos:SubsetAccuracyDemo",
    "mirage_reconstruction": "course_lib.mirage.digits_demos:ReconstructionDemo",
    "mirage_multiple_choice": "course_lib.mirage.multiple_choice_demo:MultipleChoiceDemo",
}
#: live family name -> "module:function" that trains what the notebook trains live
LIVE_FAMILIES = {"digits, random-feature classifiers": "course_lib.mirage.classifiers:train_random_feature_family",
                 "scratchpad adder, width 3, on 10-digit sums": "course_lib.mirage.lengths:train_live_long_scratchpad"}
#: the demo whose default figure stands for this lesson in the README (``make figures``)
README_DEMO = "mirage_toy"


def build_cache(show_progress: bool = False) -> list[Path]:
    """Retrain the cached digit families (trained MLP classifiers, nonlinear autoencoders)."""
    return [build_mlp_cache(show_progress=show_progress),
            build_autoencoder_cache(show_progress=show_progress)]
