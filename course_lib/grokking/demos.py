"""Lesson 03 demos: a training-step slider over one run, and the phase diagram with its curves.

- :class:`TrainingStepDemo` moves through the checkpoints of one run: accuracy and weight
  norm with a marker at the chosen step, and the embedding's Fourier power by frequency.
- :class:`PhaseDiagramDemo` picks a cell of the shipped grid (training fraction × weight
  decay): the diagram with the cell marked, and the test-accuracy curves of its 3 seeds.

Both only index precomputed arrays when a control moves.
"""
from __future__ import annotations

from typing import Any

import matplotlib as mpl
import numpy as np

from course_lib.core.controls import Choice, IntSlider
from course_lib.core.demo import Demo
from course_lib.core.messages import figure_message, message
from matplotlib.patches import Patch, Rectangle

from course_lib.core.style import new_figure, series_style, set_log_x
from course_lib.grokking.fourier import key_frequencies, top_share
from course_lib.grokking.phase import PhaseGrid, load_phase_grid
from course_lib.grokking.timeline import load_timeline

__all__ = ["TrainingStepDemo", "PhaseDiagramDemo", "format_value"]


def format_value(value: float) -> str:
    """A grid value as a control label: 0.3 -> "0.3", 1.0 -> "1.0", 3.0 -> "3.0".

    Whole numbers keep their ".0", so no label is a part of another ("3" is part of "0.3").
    """
    text = f"{value:g}"
    return text if "." in text or "e" in text else text + ".0"


class TrainingStepDemo(Demo):
    """One run, checkpoint by checkpoint.

    Used in notebook 03 §2.

    Parameters
    ----------
    timeline : dict, optional
        What :func:`~course_lib.grokking.timeline.make_timeline` returns for the run to show;
        by default the cached live run (p = 97, seed 0).
    """

    caption_key = "grokking.step.caption"

    def __init__(self, timeline: dict[str, np.ndarray] | None = None):
        t = load_timeline(0) if timeline is None else timeline
        missing = {"steps", "train_accuracy", "test_accuracy", "weight_norm", "spectrum", "keys"} - set(t)
        if missing:
            raise ValueError(f"timeline lacks {sorted(missing)}; build it with make_timeline(history)")
        self.t = t
        steps = np.asarray(t["steps"])
        self.every = int(steps[1] - steps[0])
        self.controls = {"step": IntSlider(0, int(steps[-1]), int(steps[-1]) // 2 // self.every * self.every,
                                           step=self.every, label=message("grokking.step.control_step"))}
        self.fig, axes = new_figure(2, 2, figsize=(8.4, 6.0), margins={"hspace": 0.45, "bottom": 0.09})
        self.ax_acc, self.ax_norm = axes[0]
        axes[1, 0].remove(), axes[1, 1].remove()
        self.ax_spec = self.fig.add_subplot(2, 1, 2)
        shown = steps > 0  # a log axis cannot show step 0
        x = steps[shown]
        for i, (name, key) in enumerate((("train_accuracy", "grokking.legend.train"),
                                         ("test_accuracy", "grokking.legend.test"))):
            self.ax_acc.plot(x, np.asarray(t[name])[shown], label=figure_message(key), markevery=max(1, len(x) // 8),
                             **series_style(i))
        # linear steps from 0: the fall at the first steps (decay on the N(0, 1) embedding) stays in view
        norm = np.asarray(t["weight_norm"])
        self.ax_norm.plot(steps, norm, markevery=max(1, len(steps) // 8), **series_style(2))
        self.ax_norm.set_xlim(0, steps[-1])
        self.ax_norm.set_ylim(0, 1.08 * norm.max())
        set_log_x(self.ax_acc)
        self.ax_acc.set_xlim(x[0] * 0.8, x[-1] * 1.25)
        for ax in (self.ax_acc, self.ax_norm):
            ax.set_xlabel(figure_message("grokking.axis.training_step"))
        self.ax_acc.set_ylim(-0.03, 1.03)
        self.ax_acc.set_ylabel(figure_message("grokking.axis.accuracy"))
        self.ax_acc.set_title(figure_message("grokking.title.accuracy"))
        self.ax_acc.legend(loc="center")
        self.ax_norm.set_ylabel(figure_message("grokking.step.norm_axis"))
        self.ax_norm.set_title(figure_message("grokking.step.norm_title"))
        self.cursors = [ax.axvline(x[0], color="0.4", linewidth=1.2) for ax in (self.ax_acc, self.ax_norm)]
        self.norm_cursor = self.cursors[1]
        self.dot, = self.ax_norm.plot([], [], "o", color="k", markersize=7)
        spectrum = np.asarray(t["spectrum"])
        k = np.arange(spectrum.shape[1])
        keys = set(int(f) for f in np.asarray(t["keys"]))
        self.bars = self.ax_spec.bar(k, spectrum[0], width=0.8, color=[
            series_style(1)["color"] if f in keys else series_style(0)["color"] for f in k])
        for f, bar in zip(k, self.bars):
            if f in keys:
                bar.set_hatch("//")
        self.ax_spec.legend(handles=[Patch(facecolor=series_style(1)["color"], hatch="//",
                                           label=figure_message("grokking.step.legend_keys")),
                                     Patch(facecolor=series_style(0)["color"],
                                           label=figure_message("grokking.step.legend_other"))],
                            loc="upper left", fontsize=9)
        self.ax_spec.set_xlim(-0.7, k[-1] + 0.7)
        self.ax_spec.set_ylim(0, 1.6 * spectrum.max())  # headroom for the legend and the note
        self.ax_spec.set_xlabel(figure_message("grokking.step.spectrum_axis"))
        self.ax_spec.set_ylabel(figure_message("grokking.step.spectrum_share"))
        self.ax_spec.set_title(figure_message("grokking.step.spectrum_title"))
        self.note = self.ax_spec.text(0.99, 0.95, "", transform=self.ax_spec.transAxes, ha="right", va="top",
                                      fontsize=10)
        self.data_artists = [*self.cursors, self.dot, *self.bars, self.note]

    def compute(self, step: int) -> dict[str, Any]:
        steps = np.asarray(self.t["steps"])
        i = int(np.clip(np.searchsorted(steps, step), 0, len(steps) - 1))
        share = np.asarray(self.t["spectrum"])[i]
        keys = np.asarray(self.t["keys"])
        top = key_frequencies(share, len(keys))
        return {"index": i, "step": int(steps[i]), "share": share, "keys": keys,
                "key_share": float(share[keys].sum()), "top": top, "top_share": top_share(share, len(keys)),
                "train_accuracy": float(self.t["train_accuracy"][i]),
                "test_accuracy": float(self.t["test_accuracy"][i]), "weight_norm": float(self.t["weight_norm"][i])}

    def draw(self, state: dict[str, Any]) -> None:
        x = max(state["step"], 1)  # the accuracy axis is logarithmic
        self.cursors[0].set_xdata([x, x])
        self.norm_cursor.set_xdata([state["step"], state["step"]])
        self.dot.set_data([state["step"]], [state["weight_norm"]])
        for bar, height in zip(self.bars, state["share"]):
            bar.set_height(height)
        self.note.set_text(figure_message("grokking.step.note", step=state["step"], train=state["train_accuracy"],
                                          test=state["test_accuracy"], count=len(state["top"]),
                                          top=", ".join(map(str, state["top"])), top_share=state["top_share"],
                                          key_share=state["key_share"]))


class PhaseDiagramDemo(Demo):
    """The phase diagram (training fraction × weight decay) and the curves of one cell.

    Used in notebook 03 §3.

    Parameters
    ----------
    grid : PhaseGrid, optional
        By default the shipped grid (:func:`~course_lib.grokking.phase.load_phase_grid`).
    """

    caption_key = "grokking.phase.caption"

    def __init__(self, grid: PhaseGrid | None = None):
        if grid is not None and not isinstance(grid, PhaseGrid):
            raise TypeError(f"grid must be a PhaseGrid (run_phase_grid or load_phase_grid), got {type(grid).__name__}")
        self.grid = load_phase_grid() if grid is None else grid
        g = self.grid
        self.fraction_labels = tuple(format_value(f) for f in g.fractions)
        self.decay_labels = tuple(format_value(w) for w in g.weight_decays)
        default_f = self.fraction_labels[int(np.argmin(np.abs(g.fractions - 0.3)))]
        default_w = self.decay_labels[int(np.argmin(np.abs(g.weight_decays - 1.0)))]
        self.controls = {"train_fraction": Choice(self.fraction_labels, default_f,
                                                   label=message("grokking.phase.control_fraction")),
                         "weight_decay": Choice(self.decay_labels, default_w,
                                                 label=message("grokking.phase.control_decay"))}
        self.fig, (self.ax_map, self.ax_run) = new_figure(1, 2, figsize=(8.4, 3.9),
                                                          margins={"left": 0.1, "wspace": 0.45, "bottom": 0.15})
        median, delay = g.median_steps(), g.median_delays()
        # cells where every seed generalised are coloured by log10(median steps) on a colour scale with
        # no grey in it; the others are white and hatched, so "never" cannot be mistaken for a fast cell
        shown = np.ma.masked_invalid(np.log10(median))
        cmap = mpl.colormaps["viridis_r"].with_extremes(bad="white")
        low, high = np.log10(g.steps[1]), np.log10(g.budget)
        image = self.ax_map.imshow(shown.T, origin="lower", cmap=cmap, aspect="auto", vmin=low, vmax=high)
        bar = self.fig.colorbar(image, ax=self.ax_map, fraction=0.07, pad=0.03)
        ticks = [t for t in (20, 50, 100, 200, 500, 1000, 2000) if low <= np.log10(t) <= high]
        bar.set_ticks(np.log10(ticks), labels=[f"{t:,}" for t in ticks])
        bar.set_label(figure_message("grokking.phase.colour_bar"), fontsize=9)
        bar.ax.tick_params(labelsize=8)
        grokked = g.grokked()
        for i in range(len(g.fractions)):
            for j in range(len(g.weight_decays)):
                if grokked[i, j] == len(g.seeds):
                    text = f"{median[i, j]:.0f}\n{delay[i, j]:.1f}×"
                    dark = (shown[i, j] - low) / (high - low) > 0.55
                else:
                    text = (figure_message("grokking.phase.cell_never") if grokked[i, j] == 0 else
                            figure_message("grokking.phase.cell_some", grokked=grokked[i, j], seeds=len(g.seeds)))
                    dark = False
                    self.ax_map.add_patch(Rectangle((i - 0.5, j - 0.5), 1, 1, fill=False, hatch="///",
                                                                edgecolor="0.75", linewidth=0))
                self.ax_map.text(i, j, text, ha="center", va="center", fontsize=8.5,
                                 color="white" if dark else "black",
                                 bbox=None if dark or grokked[i, j] == len(g.seeds) else
                                 {"facecolor": "white", "edgecolor": "none", "pad": 1})
        self.ax_map.set_xticks(range(len(g.fractions)), self.fraction_labels)
        self.ax_map.set_yticks(range(len(g.weight_decays)), self.decay_labels)
        self.ax_map.set_xlabel(figure_message("grokking.phase.fraction_axis"))
        self.ax_map.set_ylabel(figure_message("grokking.phase.decay_axis"))
        self.ax_map.set_title(figure_message("grokking.phase.map_title", p=g.p), fontsize=10)
        self.ax_map.grid(False)
        self.frame, = self.ax_map.plot([], [], color="black", linewidth=2.5)
        x = g.steps[1:]
        self.test_lines, self.train_lines = [], []
        for k, seed in enumerate(g.seeds):
            style = series_style(k)
            self.test_lines.append(self.ax_run.plot(x, np.zeros_like(x, dtype=float), label=figure_message("grokking.phase.seed", seed=seed),
                                                    color=style["color"], marker=style["marker"],
                                                    markevery=len(x) // 6)[0])
            self.train_lines.append(self.ax_run.plot(x, np.zeros_like(x, dtype=float), color=style["color"],
                                                     linestyle=":", linewidth=1.5)[0])
        set_log_x(self.ax_run)
        self.ax_run.set_xlim(x[0] * 0.8, g.budget * 1.25)
        self.ax_run.set_ylim(-0.03, 1.03)
        self.ax_run.set_xlabel(figure_message("grokking.axis.training_step"))
        self.ax_run.set_ylabel(figure_message("grokking.axis.accuracy"))
        self.ax_run.set_title(figure_message("grokking.phase.runs_title"), fontsize=11)
        self.ax_run.legend(loc="center left", bbox_to_anchor=(0.0, 0.62), fontsize=9)
        self.note = self.ax_run.text(0.03, 0.3, "", transform=self.ax_run.transAxes, ha="left", va="center",
                                     fontsize=9)
        self.data_artists = [self.frame, *self.test_lines, *self.train_lines, self.note]

    def compute(self, train_fraction: str, weight_decay: str) -> dict[str, Any]:
        i, j = self.fraction_labels.index(train_fraction), self.decay_labels.index(weight_decay)
        g = self.grid
        at = g.generalised_at[i, j]
        return {"cell": (i, j), "test": g.test_accuracy[i, j, :, 1:], "train": g.train_accuracy[i, j, :, 1:],
                "generalised_at": at, "grokked": int((at >= 0).sum()), "n_seeds": len(g.seeds)}

    def draw(self, state: dict[str, Any]) -> None:
        i, j = state["cell"]
        self.frame.set_data([i - 0.5, i + 0.5, i + 0.5, i - 0.5, i - 0.5], [j - 0.5, j - 0.5, j + 0.5, j + 0.5, j - 0.5])
        for line, curve in zip(self.test_lines, state["test"]):
            line.set_ydata(curve)
        for line, curve in zip(self.train_lines, state["train"]):
            line.set_ydata(curve)
        steps = [str(s) for s in state["generalised_at"] if s >= 0]
        reached = figure_message("grokking.phase.note", grokked=state["grokked"], seeds=state["n_seeds"])
        when = (figure_message("grokking.phase.note_steps", steps=", ".join(steps)) if steps else
                figure_message("grokking.phase.note_budget", budget=self.grid.budget))
        self.note.set_text(f"{reached}\n{when}")
