"""Lesson 03, grokking (``notebooks/03_grokking.ipynb``): emergence over training time.

Notebook section -> what it calls:

- §1 The phenomenon: :func:`train` (:mod:`~course_lib.grokking.training`; the data of
  :mod:`~course_lib.grokking.data`, the network of :mod:`~course_lib.grokking.model`, the optimiser
  of :mod:`~course_lib.grokking.adamw`), :func:`~course_lib.grokking.figures.plot_history`,
  :func:`~course_lib.grokking.checks.adamw_step`; :mod:`course_lib.papers.power2022`.
- §2 Moving through training time: :func:`~course_lib.grokking.timeline.make_timeline`,
  :class:`~course_lib.grokking.demos.TrainingStepDemo`, :func:`~course_lib.grokking.fourier.frequency_power`,
  :func:`~course_lib.grokking.checks.frequency_shares`; :mod:`course_lib.papers.nanda2023`.
- §3 What moves the jump: :func:`~course_lib.grokking.phase.load_phase_grid`,
  :class:`~course_lib.grokking.demos.PhaseDiagramDemo`.
- §3 also prints :meth:`~course_lib.grokking.phase.PhaseGrid.median_delays` (steps to generalise ÷ steps
  to memorise).
- §4 The mechanism: :func:`~course_lib.grokking.fourier.cosine_fit`,
  :func:`~course_lib.grokking.fourier.restricted_and_excluded_loss`, :func:`~course_lib.grokking.timeline.toy_phases`,
  :func:`~course_lib.grokking.timeline.before_the_jump`,
  :func:`~course_lib.grokking.figures.plot_progress_measures`, :func:`~course_lib.grokking.checks.fourier_answer`.
- §5 Training time vs model scale: no new code.
- §6 What the toy does not show: :func:`train` at another learning rate; :mod:`course_lib.papers.power2022`.

Cached results: ``cache/timelines.npz`` (the live run, seeds 0-2) and ``cache/phase_diagram.npz``
(the grid of §3) and ``cache/nanda_lr_run.npz`` (the live run at Nanda et al.'s learning rate, §1),
all rebuilt by :func:`build_cache`.
"""
from __future__ import annotations

from pathlib import Path

from course_lib.grokking.phase import build_phase_cache
from course_lib.grokking.timeline import LIVE_RUN, build_nanda_lr_cache, build_timeline_cache
from course_lib.grokking.training import History, train

__all__ = ["train", "History", "train_live_run", "build_cache", "NOTEBOOK", "DEMOS", "LIVE_FAMILIES",
           "README_DEMO"]

NOTEBOOK = "03_grokking.ipynb"
#: demo name -> "module:class" (found by :mod:`course_lib.catalog`)
DEMOS = {
    "grokking_training_step": "course_lib.grokking.demos:TrainingStepDemo",
    "grokking_phase_diagram": "course_lib.grokking.demos:PhaseDiagramDemo",
}
#: live family name -> "module:function" that trains what the notebook trains live
LIVE_FAMILIES = {"grokking, p = 97 live run": "course_lib.grokking:train_live_run"}
#: the demo whose default figure stands for this lesson in the README (``make figures``)
README_DEMO = "grokking_training_step"


def train_live_run() -> History:
    """Train the run of notebook 03 §1 (``train(**LIVE_RUN)``), without a progress bar."""
    return train(**LIVE_RUN, show_progress=False)


def build_cache(show_progress: bool = False) -> list[Path]:
    """Retrain the cached timelines (3 seeds of the live run) and the phase-diagram grid."""
    return [build_timeline_cache(show_progress=show_progress), build_phase_cache(show_progress=show_progress),
            build_nanda_lr_cache(show_progress=show_progress)]
