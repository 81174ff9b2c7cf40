"""Lesson 04 demo: the live distractor family over agreement, capacity grid and hint."""
from __future__ import annotations

from typing import Any

import numpy as np

from course_lib.core.controls import Choice, FloatSlider
from course_lib.core.demo import Demo
from course_lib.core.messages import figure_message, message
from course_lib.core.score_tables import emergence_table_html
from course_lib.core.style import PALETTE, new_figure, series_style, set_log_x
from course_lib.inverse_scaling.family import AgreementGrid, load_agreement_grid
from course_lib.inverse_scaling.shapes import scaling_shape, shape_name
from course_lib.inverse_scaling.task import hint_name
from course_lib.metrics import emergence_scores

__all__ = ["DistractorFamilyDemo", "LARGEST_WIDTHS"]

#: the largest width the capacity control offers (strings: they label toggle buttons)
LARGEST_WIDTHS = ("16", "64", "128", "512")


class DistractorFamilyDemo(Demo):
    """Test accuracy (distractor reversed) and in-distribution accuracy of the random-feature family.

    Used in notebook 04 §3.

    Parameters
    ----------
    grid : AgreementGrid, optional
        Every agreement, hint and seed of the family; the shipped cache when omitted.
    """

    caption_key = "inverse_scaling.family_demo.caption"

    def __init__(self, grid: AgreementGrid | None = None):
        self.grid = load_agreement_grid() if grid is None else grid
        if not isinstance(self.grid, AgreementGrid):
            raise TypeError(f"grid must be an AgreementGrid, got {type(self.grid).__name__}")
        q = self.grid.agreements
        step = float(np.round(np.min(np.diff(q)), 6)) if len(q) > 1 else 0.05
        options = tuple(w for w in LARGEST_WIDTHS if int(w) <= self.grid.widths.max()) or (str(self.grid.widths.max()),)
        self.controls = {
            "agreement": FloatSlider(float(q.min()), float(q.max()), float(q[np.argmin(np.abs(q - 0.8))]), step,
                                     label=message("inverse_scaling.family_demo.agreement")),
            "largest_width": Choice(options, options[-1], label=message("inverse_scaling.family_demo.largest_width")),
            "hint": Choice(self.grid.hints, self.grid.hints[0], label=message("inverse_scaling.common.extra_input"),
                           labels=tuple(hint_name(h) for h in self.grid.hints)),
        }
        w = self.grid.widths
        self.fig, self.ax = new_figure(figsize=(8.4, 3.9), margins={"left": 0.08, "right": 0.66})
        self.seed_lines = [self.ax.plot([], [], color="0.55", linewidth=0.9, linestyle="-", marker=None,
                                        label=figure_message("inverse_scaling.family_demo.legend_seeds")
                                        if i == 0 else None)[0]
                           for i in range(len(self.grid.seeds))]
        self.mean_line, = self.ax.plot([], [], label=figure_message("inverse_scaling.family_demo.legend_reversed"),
                                       **series_style(0))
        self.same_line, = self.ax.plot([], [], label=figure_message("inverse_scaling.family_demo.legend_same"),
                                       **dict(series_style(1), linestyle="--"))
        self.ax.axhline(0.5, color="0.3", linestyle=":", linewidth=1.5,
                        label=figure_message("inverse_scaling.common.chance"))
        set_log_x(self.ax)
        self.ax.set_xlim(w.min() / 1.3, w.max() * 1.3)
        self.ax.set_ylim(-0.02, 1.02)
        self.ax.set_xlabel(figure_message("inverse_scaling.common.width_axis"))
        self.ax.set_ylabel(figure_message("inverse_scaling.common.accuracy"))
        self.ax.legend(loc="upper left", bbox_to_anchor=(1.02, 1.0), fontsize=9)
        self.shape_text = self.ax.text(1.03, 0.25, "", transform=self.ax.transAxes, fontsize=9, va="top",
                                       color=PALETTE[0])
        self.data_artists = self.seed_lines + [self.mean_line, self.same_line, self.shape_text]

    def compute(self, agreement: float, largest_width: str, hint: str) -> dict[str, Any]:
        family = self.grid.family(hint, agreement)
        keep = family.widths <= int(largest_width)
        w = family.widths[keep]
        per_seed = family.test_accuracy[:, keep]
        mean, same = per_seed.mean(axis=0), family.in_distribution_accuracy[:, keep].mean(axis=0)
        shapes = [scaling_shape(row) for row in per_seed]
        scores = emergence_scores({message("inverse_scaling.family_demo.score_curve"):
                                   (w, {message("inverse_scaling.family_demo.score_reversed"): mean,
                                        message("inverse_scaling.family_demo.score_same"): same})})
        return {"widths": w, "per_seed": per_seed, "mean": mean, "in_distribution": same,
                "agreement": agreement, "hint": hint, "shape": scaling_shape(mean), "seed_shapes": shapes,
                "lowest": float(mean.min()), "lowest_width": int(w[np.argmin(mean)]), "scores": scores}

    def draw(self, state: dict[str, Any]) -> None:
        w = state["widths"]
        for line, row in zip(self.seed_lines, state["per_seed"]):
            line.set_data(w, row)
        self.mean_line.set_data(w, state["mean"])
        self.same_line.set_data(w, state["in_distribution"])
        n_like = sum(s == state["shape"] for s in state["seed_shapes"])
        self.shape_text.set_text(figure_message("inverse_scaling.family_demo.shape_text",
                                                shape=shape_name(state["shape"], in_figure=True), alike=n_like,
                                                seeds=len(state["seed_shapes"]), lowest=state["lowest"],
                                                width=state["lowest_width"]))

    def summary_html(self, state: dict[str, Any]) -> str:
        counts = {s: state["seed_shapes"].count(s) for s in dict.fromkeys(state["seed_shapes"])}
        seeds = message("inverse_scaling.common.list_separator").join(
            message("inverse_scaling.family_demo.seed_count", shape=shape_name(s), count=c) for s, c in counts.items())
        return emergence_table_html(state["scores"], note=message("inverse_scaling.family_demo.summary", seeds=seeds))
