"""Static figures of lesson 03: one run's curves (§1) and its progress measures (§4)."""
from __future__ import annotations

import numpy as np
from matplotlib.patches import Patch

from course_lib.core.messages import figure_message
from course_lib.core.style import new_figure, series_style, set_log_x, set_log_y
from course_lib.grokking.training import History

__all__ = ["plot_history", "plot_progress_measures"]


def _curve(history, name):
    return np.asarray(history[name])


def plot_history(history: History):
    """Train and test accuracy (left) and loss (right) against the step, on log axes.

    Used in notebook 03 §1.
    """
    if not isinstance(history, History):
        raise TypeError(f"history must be a History from train(), got {type(history).__name__}")
    steps = history.steps
    shown = steps > 0
    fig, (ax_acc, ax_loss) = new_figure(1, 2, figsize=(8.4, 3.5), margins={"wspace": 0.3, "bottom": 0.16})
    for i, split in enumerate(("train", "test")):
        style = dict(series_style(i), markevery=max(1, shown.sum() // 8))
        label = figure_message(LEGEND_KEYS[split])
        ax_acc.plot(steps[shown], _curve(history, f"{split}_accuracy")[shown], label=label, **style)
        ax_loss.plot(steps[shown], _curve(history, f"{split}_loss")[shown], label=label, **style)
    for ax in (ax_acc, ax_loss):
        set_log_x(ax)
        ax.set_xlabel(figure_message("grokking.axis.training_step"))
        ax.legend(loc="center left")
    ax_acc.legend(loc="center", bbox_to_anchor=(0.55, 0.27))  # between the plateaus, clear of the notes
    set_log_y(ax_loss)
    ax_acc.set_ylim(-0.03, 1.03)
    ax_acc.set_ylabel(figure_message("grokking.axis.accuracy"))
    ax_acc.set_title(figure_message("grokking.title.accuracy"))
    ax_loss.set_ylabel(figure_message("grokking.axis.cross_entropy"))
    ax_loss.set_title(figure_message("grokking.history.loss_title"))
    memorised, generalised = history.memorised_at(), history.generalised_at()
    for step, key in ((memorised, "grokking.history.memorised"), (generalised, "grokking.history.generalised")):
        if step:
            ax_acc.axvline(step, color="0.5", linewidth=1, linestyle="--")
            ax_acc.text(step * 1.05, 0.5, figure_message(key, step=step), fontsize=9, color="0.3")
    return fig


PHASE_SHADES = {"memorization": "0.93", "circuit formation": "#dbe9f6", "cleanup": "#fbe3c8"}
#: the catalogue keys of the phases' names (toy_phases names them in English, as code reads them)
PHASE_NAME_KEYS = {"memorization": "grokking.phases.memorization",
                   "circuit formation": "grokking.phases.circuit_formation", "cleanup": "grokking.phases.cleanup"}
#: the catalogue keys of the two splits' legend entries
LEGEND_KEYS = {"train": "grokking.legend.train", "test": "grokking.legend.test"}


def _phase_name(name: str) -> str:
    """A phase's name as the figure shows it (a name the catalogue lacks is shown as it is)."""
    return figure_message(PHASE_NAME_KEYS[name]) if name in PHASE_NAME_KEYS else name


def plot_progress_measures(timeline: dict, phases: dict | None = None):
    """Train, test, restricted and excluded loss (left) and the key frequencies' share of power (right).

    Used in notebook 03 §4. ``phases`` (name -> (first step, last step), as
    :func:`~course_lib.grokking.timeline.toy_phases` returns) are shaded on both panels.
    """
    steps = np.asarray(timeline["steps"])
    shown = steps > 0
    x = steps[shown]
    fig, (ax_loss, ax_share) = new_figure(1, 2, figsize=(8.4, 3.9), margins={"wspace": 0.3, "bottom": 0.27})
    if phases:
        for ax in (ax_loss, ax_share):
            for name, (start, end) in phases.items():
                ax.axvspan(max(start, x[0] * 0.8), end, color=PHASE_SHADES.get(name, "0.9"), zorder=0, linewidth=0)
        handles = [Patch(facecolor=PHASE_SHADES.get(name, "0.9"),
                         label=figure_message("grokking.progress.phase", name=_phase_name(name), start=start, end=end))
                   for name, (start, end) in phases.items()]
        fig.legend(handles=handles, loc="lower center", ncol=len(handles), fontsize=9, frameon=False)
    series = (("train_loss", LEGEND_KEYS["train"]), ("test_loss", LEGEND_KEYS["test"]),
              ("restricted_loss", "grokking.progress.restricted"), ("excluded_loss", "grokking.progress.excluded"))
    for i, (name, key) in enumerate(series):
        ax_loss.plot(x, np.asarray(timeline[name])[shown], label=figure_message(key), markevery=max(1, len(x) // 8),
                     **series_style(i))
    set_log_y(ax_loss)
    ax_loss.set_ylabel(figure_message("grokking.axis.cross_entropy"))
    ax_loss.set_title(figure_message("grokking.progress.loss_title"), fontsize=11)
    ax_loss.legend(loc="lower left", fontsize=9)
    ax_share.plot(x, np.asarray(timeline["key_share"])[shown], label=figure_message("grokking.progress.key_share"),
                  markevery=max(1, len(x) // 8), **series_style(4))
    ax_share.plot(x, np.asarray(timeline["test_accuracy"])[shown], label=figure_message("grokking.progress.test_accuracy"),
                  markevery=max(1, len(x) // 8), **series_style(1))
    ax_share.set_ylim(-0.03, 1.03)
    ax_share.set_ylabel(figure_message("grokking.progress.share_axis"))
    ax_share.set_title(figure_message("grokking.progress.share_title", count=len(timeline["keys"])), fontsize=10)
    ax_share.legend(loc="upper left", fontsize=9)
    for ax in (ax_loss, ax_share):
        set_log_x(ax)
        ax.set_xlabel(figure_message("grokking.axis.training_step"))
    return fig
