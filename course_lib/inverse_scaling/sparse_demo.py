"""Lesson 04 demo: read the live family at only three sizes, as a published family often is."""
from __future__ import annotations

from typing import Any

import numpy as np

from course_lib.core.controls import Choice, IntSlider
from course_lib.core.demo import Demo
from course_lib.core.messages import figure_message, message
from course_lib.core.score_tables import emergence_table_html
from course_lib.core.style import new_figure, series_style, set_log_x
from course_lib.inverse_scaling.family import AgreementGrid, load_agreement_grid
from course_lib.inverse_scaling.shapes import NO_CURVE, scaling_shape, shape_name
from course_lib.inverse_scaling.task import hint_name
from course_lib.metrics import emergence_scores

__all__ = ["SparseSizesDemo"]


class SparseSizesDemo(Demo):
    """The mean curve of the family at every width, and the same curve read at three chosen widths.

    Used in notebook 04 §4. Each slider picks a *position* in the family's list of widths
    (0 = the narrowest), not a width; the figure names the widths picked. Positions given out of
    order are read in increasing width, and the figure says so above the axes; equal positions
    count once, and the legend counts the distinct widths picked.

    Parameters
    ----------
    grid : AgreementGrid, optional
        The family's results; the shipped cache when omitted.
    """

    caption_key = "inverse_scaling.sparse.caption"

    def __init__(self, grid: AgreementGrid | None = None):
        self.grid = load_agreement_grid() if grid is None else grid
        if not isinstance(self.grid, AgreementGrid):
            raise TypeError(f"grid must be an AgreementGrid, got {type(self.grid).__name__}")
        w = self.grid.widths
        last = len(w) - 1
        self.controls = {
            "smallest": IntSlider(0, last, 0, label=message("inverse_scaling.sparse.smallest")),
            "middle": IntSlider(0, last, min(last, int(np.searchsorted(w, 4))),
                                label=message("inverse_scaling.sparse.middle")),
            "largest": IntSlider(0, last, min(last, int(np.searchsorted(w, 16))),
                                 label=message("inverse_scaling.sparse.largest")),
            "hint": Choice(self.grid.hints, self.grid.hints[0], label=message("inverse_scaling.common.extra_input"),
                           labels=tuple(hint_name(h) for h in self.grid.hints)),
        }
        self.agreement = float(self.grid.agreements[np.argmin(np.abs(self.grid.agreements - 0.8))])
        self.fig, self.ax = new_figure(figsize=(7.0, 4.0), margins={"top": 0.8})
        self.dense_line, = self.ax.plot([], [], label=figure_message("inverse_scaling.sparse.every_width"),
                                        **dict(series_style(0), marker=None, linewidth=1.2))
        self.sparse_line, = self.ax.plot([], [], label=figure_message("inverse_scaling.sparse.legend_picked"),
                                         **dict(series_style(1), linewidth=2.5, markersize=9))
        self.ax.axhline(0.5, color="0.3", linestyle=":", linewidth=1.5,
                        label=figure_message("inverse_scaling.common.chance"))
        set_log_x(self.ax)
        self.ax.set_xlim(w.min() / 1.3, w.max() * 1.3)
        self.ax.set_ylim(-0.02, 1.02)
        self.ax.set_xlabel(figure_message("inverse_scaling.common.width_axis"))
        self.ax.set_ylabel(figure_message("inverse_scaling.sparse.ylabel"))
        self.ax.legend(loc="upper left")
        # above the axes, so that no reading of the sliders puts the text on a line
        self.shape_text = self.ax.text(0.0, 1.03, "", transform=self.ax.transAxes, ha="left", va="bottom",
                                       fontsize=10)
        self.data_artists = [self.dense_line, self.sparse_line, self.shape_text]

    def compute(self, smallest: int, middle: int, largest: int, hint: str) -> dict[str, Any]:
        family = self.grid.family(hint, self.agreement)
        w, mean = family.widths, family.mean("test")
        chosen = [smallest, middle, largest]
        picks = np.unique(chosen)
        in_order = chosen == sorted(chosen)
        accuracy = message("inverse_scaling.common.accuracy")
        curves = {message("inverse_scaling.sparse.every_width"): (w, {accuracy: mean})}
        if len(picks) >= 2:
            curves[message("inverse_scaling.sparse.score_picked", count=len(picks))] = (w[picks],
                                                                                       {accuracy: mean[picks]})
        scores = emergence_scores(curves)
        sparse_shape = scaling_shape(mean[picks]) if len(picks) >= 2 else NO_CURVE
        return {"widths": w, "mean": mean, "picks": picks, "sparse_widths": w[picks], "sparse": mean[picks],
                "dense_shape": scaling_shape(mean), "sparse_shape": sparse_shape, "scores": scores,
                "in_order": in_order}

    def draw(self, state: dict[str, Any]) -> None:
        self.dense_line.set_data(state["widths"], state["mean"])
        self.sparse_line.set_data(state["sparse_widths"], state["sparse"])
        n_picked = len(state["sparse_widths"])
        self.sparse_line.set_label(figure_message("inverse_scaling.sparse.picked_one" if n_picked == 1
                                                  else "inverse_scaling.sparse.picked_many", count=n_picked))
        self.ax.legend(loc="upper left")
        widths = ", ".join(str(v) for v in state["sparse_widths"])
        notes = [] if state["in_order"] else [figure_message("inverse_scaling.sparse.out_of_order")]
        if n_picked < 3:
            notes.append(figure_message("inverse_scaling.sparse.count_once"))
        note = (figure_message("inverse_scaling.sparse.notes",
                               notes=figure_message("inverse_scaling.sparse.note_separator").join(notes))
                if notes else "")
        self.shape_text.set_text(figure_message("inverse_scaling.sparse.shape_text",
                                                dense=shape_name(state["dense_shape"], in_figure=True),
                                                widths=widths,
                                                sparse=shape_name(state["sparse_shape"], in_figure=True),
                                                notes=note))

    def summary_html(self, state: dict[str, Any]) -> str:
        return emergence_table_html(state["scores"], note=message("inverse_scaling.sparse.summary"))
