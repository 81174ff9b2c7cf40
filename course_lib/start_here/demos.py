"""Lesson 00 warm-up demo: why scaling plots put model size on a logarithmic axis.

A made-up (clearly labelled) performance curve that rises smoothly in log(model size) is
drawn for 13 model sizes spread evenly in log space, from 1 million to 1 trillion
parameters. On a linear axis nearly all of the points crowd against the left edge and the
curve looks like a wall; on a log axis the same points are evenly spaced.
"""
from __future__ import annotations

import numpy as np

from course_lib.core.controls import Choice, FloatSlider
from course_lib.core.demo import Demo
from course_lib.core.messages import figure_message, message
from course_lib.core.style import new_figure, series_style, set_log_x
from course_lib.core.validation import check_array, check_scalar

__all__ = ["toy_performance", "LogAxisDemo"]

SIZES = np.logspace(6, 12, 13)


def toy_performance(n_params: np.ndarray, midpoint_log10: float, width_decades: float = 0.8) -> np.ndarray:
    """A toy score in [0, 1]: a logistic curve in log10(parameters). A model, not data."""
    n = check_array("n_params", n_params, minimum=0, include_minimum=False, dtype=float, scalar=True)
    midpoint_log10 = check_scalar("midpoint_log10", midpoint_log10)
    width_decades = check_scalar("width_decades", width_decades, minimum=0, include_minimum=False)
    return 1.0 / (1.0 + np.exp(-(np.log10(n) - midpoint_log10) / width_decades))


class LogAxisDemo(Demo):
    """One toy curve, shown on a linear or a logarithmic model-size axis.

    Used in notebook 00 §3.
    """

    caption_key = "start_here.log_axis.caption"
    #: the x-axis choices (the values ``update`` takes); their texts come from the catalogue
    AXES = ("linear", "log")

    def __init__(self):
        self.controls = {
            "x_axis": Choice(self.AXES, "linear", label=message("start_here.log_axis.control_x_axis"),
                             labels=tuple(message(f"start_here.log_axis.axis_{a}") for a in self.AXES)),
            "midpoint": FloatSlider(7.0, 11.0, 9.0, 0.25, label=message("start_here.log_axis.control_midpoint")),
        }
        self.fig, self.ax = new_figure(figsize=(7.0, 3.6))
        self.line, = self.ax.plot(SIZES, np.zeros_like(SIZES), label=figure_message("start_here.log_axis.legend_score"),
                                  **series_style(0))
        self.ax.set_ylim(-0.03, 1.03)
        self.ax.set_ylabel(figure_message("start_here.log_axis.ylabel"))
        self.ax.legend(loc="lower right")
        self.data_artists = [self.line]

    def compute(self, x_axis: str, midpoint: float) -> dict:
        return {"x_axis": x_axis, "midpoint": midpoint, "score": toy_performance(SIZES, midpoint)}

    def draw(self, state: dict) -> None:
        self.line.set_ydata(state["score"])
        if state["x_axis"] == "log":
            set_log_x(self.ax)
            self.ax.set_xlim(SIZES[0] / 2, SIZES[-1] * 2)
        else:
            self.ax.set_xscale("linear")
            self.ax.set_xlim(-0.02 * SIZES[-1], 1.05 * SIZES[-1])
        axis = figure_message(f"start_here.log_axis.axis_{state['x_axis']}")
        self.ax.set_xlabel(figure_message("start_here.log_axis.xlabel", axis=axis))
        self.ax.set_title(figure_message("start_here.log_axis.title", count=len(SIZES), axis=axis))

    def summary_html(self, state: dict) -> str:
        crowded = int(np.sum(SIZES < 0.05 * SIZES[-1]))
        if state["x_axis"] == "linear":
            return f"<p>{message('start_here.log_axis.summary_linear', crowded=crowded, total=len(SIZES))}</p>"
        return f"<p>{message('start_here.log_axis.summary_log')}</p>"
