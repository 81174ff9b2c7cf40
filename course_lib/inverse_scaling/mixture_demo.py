"""Lesson 04 demo: the phenomenological mixture model of U-shaped scaling, with sliders."""
from __future__ import annotations

from typing import Any

import numpy as np

from course_lib.core.controls import FloatSlider
from course_lib.core.demo import Demo
from course_lib.core.messages import figure_message, message
from course_lib.core.score_tables import emergence_table_html
from course_lib.core.style import new_figure, series_style, set_log_x
from course_lib.inverse_scaling.mixture import ability, mixture_accuracy, model_sizes
from course_lib.inverse_scaling.shapes import scaling_shape, shape_name
from course_lib.metrics import emergence_scores

__all__ = ["MixtureDemo"]

CHANCE = 0.5
SUPERSCRIPTS = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


class MixtureDemo(Demo):
    """Accuracy as a mixture of chance, a distractor ability and a true ability (a model).

    Used in notebook 04 §2.

    Parameters
    ----------
    n_min, n_max : float
        Range of model sizes shown.
    count : int
        Sizes on the curve (log-spaced).
    """

    caption_key = "inverse_scaling.mixture.caption"

    def __init__(self, n_min: float = 1e7, n_max: float = 1e12, count: int = 41):
        self.controls = {
            "distractor_onset": FloatSlider(7.0, 12.0, 8.5, 0.25,
                                            label=message("inverse_scaling.mixture.distractor_onset")),
            "true_onset": FloatSlider(7.0, 14.0, 10.5, 0.25, label=message("inverse_scaling.mixture.true_onset")),
            "distractor_sharpness": FloatSlider(0.5, 6.0, 2.0, 0.25,
                                                label=message("inverse_scaling.mixture.distractor_sharpness")),
            "true_sharpness": FloatSlider(0.5, 6.0, 2.0, 0.25, label=message("inverse_scaling.mixture.true_sharpness")),
            "attraction": FloatSlider(0.0, 1.0, 0.8, 0.05, label=message("inverse_scaling.mixture.attraction")),
        }
        self.sizes = model_sizes(n_min, n_max, count)
        self.largest = f"{self.sizes[-1]:.3g}"
        if np.isclose(np.log10(self.sizes[-1]), round(np.log10(self.sizes[-1]))):
            self.largest = "10" + str(round(np.log10(self.sizes[-1]))).translate(SUPERSCRIPTS)
        self.fig, (self.ax_acc, self.ax_ab) = new_figure(1, 2, figsize=(8.4, 3.5))
        self.line_acc, = self.ax_acc.plot([], [], label=figure_message("inverse_scaling.mixture.legend_accuracy"),
                                          **dict(series_style(0), marker=None))
        self.ax_acc.axhline(CHANCE, color="0.4", linestyle=":", linewidth=1.5,
                            label=figure_message("inverse_scaling.common.chance"))
        self.shape_text = self.ax_acc.text(0.03, 0.06, "", transform=self.ax_acc.transAxes, fontsize=10)
        self.line_true, = self.ax_ab.plot([], [], label=figure_message("inverse_scaling.mixture.legend_true"),
                                          **dict(series_style(2), marker=None))
        self.line_dist, = self.ax_ab.plot([], [], label=figure_message("inverse_scaling.mixture.legend_distractor"),
                                          **dict(series_style(1), marker=None))
        for ax in (self.ax_acc, self.ax_ab):
            set_log_x(ax)
            ax.set_xlim(self.sizes[0], self.sizes[-1])
            ax.set_ylim(-0.03, 1.03)
            ax.set_xlabel(figure_message("inverse_scaling.mixture.xlabel"))
        self.ax_acc.set_ylabel(figure_message("inverse_scaling.common.accuracy"))
        self.ax_acc.set_title(figure_message("inverse_scaling.mixture.title_accuracy"))
        self.ax_ab.set_title(figure_message("inverse_scaling.mixture.title_abilities"))
        self.ax_acc.legend(loc="upper left")
        self.ax_ab.legend(loc="center left")
        self.end_text = self.ax_ab.text(0.97, 0.05, "", transform=self.ax_ab.transAxes, ha="right", fontsize=9)
        self.data_artists = [self.line_acc, self.shape_text, self.line_true, self.line_dist, self.end_text]

    def compute(self, distractor_onset: float, true_onset: float, distractor_sharpness: float,
                true_sharpness: float, attraction: float) -> dict[str, Any]:
        t = ability(self.sizes, true_onset, true_sharpness)
        d = ability(self.sizes, distractor_onset, distractor_sharpness)
        acc = mixture_accuracy(t, d, attraction, CHANCE)
        scores = emergence_scores({message("inverse_scaling.mixture.score_curve"):
                                   (self.sizes, {message("inverse_scaling.common.accuracy"): acc})})
        return {"sizes": self.sizes, "true": t, "distractor": d, "accuracy": acc, "attraction": attraction,
                "shape": scaling_shape(acc), "lowest": float(acc.min()), "scores": scores}

    def draw(self, state: dict[str, Any]) -> None:
        n = state["sizes"]
        self.line_acc.set_data(n, state["accuracy"])
        self.line_true.set_data(n, state["true"])
        self.line_dist.set_data(n, state["distractor"])
        self.shape_text.set_text(figure_message("inverse_scaling.mixture.shape_text",
                                                shape=shape_name(state["shape"], in_figure=True),
                                                lowest=state["lowest"]))
        # the values at the largest size: they still move when a curve is too flat to see move
        t_end, pull = state["true"][-1], state["attraction"] * state["distractor"][-1]
        self.end_text.set_text(figure_message("inverse_scaling.mixture.end_text", largest=self.largest,
                                              true=t_end, pull=pull))

    def summary_html(self, state: dict[str, Any]) -> str:
        return emergence_table_html(state["scores"], note=message("inverse_scaling.mixture.summary",
                                                                  shape=shape_name(state["shape"])))
