"""Lesson 02 demo: the mirage toy model with sliders.

:class:`MirageToyDemo` puts the same model family under two metrics side by side: exact match
(nonlinear in the per-token accuracy) and token edit distance (linear in it), each as the
model's expected value (line) and as measured on a finite random test set (markers).
"""
from __future__ import annotations

import math
from typing import Any, Sequence

import numpy as np

from course_lib.core.controls import Choice, FloatSlider, IntSlider
from course_lib.core.demo import Demo
from course_lib.core.messages import figure_message, message
from course_lib.core.validation import check_array
from course_lib.core.score_tables import emergence_table_html
from course_lib.metrics import emergence_scores
from course_lib.mirage.wording import relabel
from course_lib.mirage.toy import (DEFAULT_LOSS_SCALE, expected_edit_distance, expected_exact_match,
                                   measure_on_test_set, model_sizes, per_token_accuracy)
from course_lib.papers.schaeffer2023 import INSTRUCTGPT_MODEL_SIZES
from course_lib.core.style import new_figure, series_style, set_log_x, set_log_y

__all__ = ["MirageToyDemo", "DEFAULT_LENGTH", "RESCALED", "shift_factor"]

#: the default target length: long enough that exact match is clearly the sharper curve on the
#: dense grid (emergence score about 70 against 24 for edit distance; at L = 5 the two are 22 and 24)
DEFAULT_LENGTH = 15
#: test-set sizes offered by the resolution control (strings: they label toggle buttons)
TEST_ITEMS = ("10", "100", "1000", "10000", "100000")
#: the size-grid choice that evaluates the dense grid's sizes divided by L^(1/|α|)
RESCALED = "dense ÷ L^(1/|α|)"
#: the size grids offered (the values ``update`` takes); their button texts come from the catalogue
SIZE_GRIDS = ("dense", "sparse", RESCALED)
#: the accuracy axes offered
ACCURACY_AXES = ("linear", "log")


#: the catalogue key of each size grid's button text
_GRID_KEYS = {"dense": "mirage.toy.sizes_dense", "sparse": "mirage.toy.sizes_sparse",
              RESCALED: "mirage.toy.sizes_rescaled"}


def shift_factor(length: int, alpha: float) -> float:
    """The factor ``L ** (1 / |alpha|)`` by which exact match over L tokens is per-token accuracy moved right.

    In the toy, p(N) = exp(-(N/c)^alpha), so p(N)^L = exp(-L (N/c)^alpha) = p(N / L^(1/|alpha|)): on a
    log-size axis exact match at length L is the per-token accuracy curve shifted right by this
    factor, with the same shape (225 at L = 15, alpha = -0.5).
    """
    return float(length) ** (1.0 / abs(alpha))


class MirageToyDemo(Demo):
    """Schaeffer et al.'s toy model: one smooth per-token accuracy, two metrics, finite test sets.

    Used in notebook 02 §2.

    Parameters
    ----------
    n_min, n_max : float
        Range of the dense grid of model sizes.
    dense_count : int
        Sizes in the dense grid (log-spaced).
    sparse_sizes : sequence of float
        The sparse grid; by default the four InstructGPT/GPT-3 sizes of Schaeffer et al. (2023, §3).
    c : float
        Loss scale of the toy model (see :mod:`course_lib.mirage.toy`).
    """

    caption_key = "mirage.toy.caption"

    def __init__(self, n_min: float = 1e8, n_max: float = 1e12, dense_count: int = 25,
                 sparse_sizes: Sequence[float] = INSTRUCTGPT_MODEL_SIZES, c: float = DEFAULT_LOSS_SCALE):
        self.controls = {
            "length": IntSlider(1, 20, DEFAULT_LENGTH, label=message("mirage.toy.control_length")),
            "alpha": FloatSlider(-1.0, -0.1, -0.5, 0.05, label=message("mirage.toy.control_alpha")),
            "n_items": Choice(TEST_ITEMS, "100", label=message("mirage.toy.control_items")),
            "sizes": Choice(SIZE_GRIDS, "dense", label=message("mirage.toy.control_sizes"),
                            labels=tuple(message(_GRID_KEYS[g]) for g in SIZE_GRIDS)),
            "accuracy_axis": Choice(ACCURACY_AXES, "linear", label=message("mirage.toy.control_axis"),
                                    labels=tuple(message(f"mirage.toy.axis_{a}") for a in ACCURACY_AXES)),
            "seed": IntSlider(0, 20, 0, label=message("mirage.toy.control_seed")),
        }
        self.grids = {"dense": model_sizes(n_min, n_max, dense_count),
                      "sparse": np.sort(check_array("sparse_sizes", sparse_sizes, ndim=1, dtype=float,
                                                    minimum=0, include_minimum=False, min_size=2))}
        per_token_accuracy(self.grids["sparse"], c)  # validates the sizes and c
        self.c = c
        self.fig, (self.ax_em, self.ax_ted) = new_figure(1, 2, figsize=(8.4, 3.9), margins={"bottom": 0.25})
        self.lines = {}
        for ax, metric in ((self.ax_em, "em"), (self.ax_ted, "ted")):
            model = dict(series_style(0), marker=None)
            measured = dict(series_style(1), linestyle="none")
            self.lines[metric, "expected"], = ax.plot([], [], label=figure_message("mirage.toy.legend_expected"),
                                                      **model)
            self.lines[metric, "measured"], = ax.plot([], [], label=figure_message("mirage.toy.legend_measured"),
                                                      **measured)
            set_log_x(ax)
            ax.set_xlabel(figure_message("mirage.toy.xlabel"))
        self._default_xlim = (min(g.min() for g in self.grids.values()) / 2,
                              max(g.max() for g in self.grids.values()) * 2)
        # below both panels, clear of the data (both panels use the same two styles)
        self.ax_em.legend(loc="upper left", bbox_to_anchor=(0.0, -0.2), ncol=2, frameon=False)
        self.ax_em.set_title(figure_message("mirage.toy.title_exact_match"))
        self.ax_em.set_ylabel(figure_message("mirage.toy.ylabel_exact_match"))
        self.ax_em.set_ylim(-0.03, 1.03)
        self.ax_ted.set_title(figure_message("mirage.toy.title_edit_distance"))
        self.ax_ted.set_ylabel(figure_message("mirage.toy.ylabel_edit_distance"))
        # below the right panel, clear of markers on either y-axis
        self.zero_note = self.ax_ted.text(1.0, -0.2, "", transform=self.ax_ted.transAxes,
                                          ha="right", va="top", fontsize=9)
        self.em_note = self.ax_em.text(0.5, 0.5, "", transform=self.ax_em.transAxes, ha="center", va="center",
                                       fontsize=9, color="0.25")
        self.data_artists = [*self.lines.values(), self.zero_note, self.em_note]

    def compute(self, length: int, alpha: float, n_items: str, sizes: str, accuracy_axis: str,
                seed: int) -> dict[str, Any]:
        n = (self.grids["dense"] / shift_factor(length, alpha)) if sizes == RESCALED else self.grids[sizes]
        items = int(n_items)
        p = per_token_accuracy(n, self.c, alpha)
        em, ted = expected_exact_match(p, length), expected_edit_distance(p, length)
        em_measured, ted_measured = measure_on_test_set(p, length, items, np.random.default_rng(seed))
        measured = f"measured ({items:,} items)"
        # on the rescaled sizes exact match is not scored: it is there far below what a float resolves
        # (down to 1e-309 at L = 15), so its score would be a rounding artefact
        scored = sizes != RESCALED
        scores = emergence_scores({
            "model (expected)": (n, {**({"exact match": em} if scored else {}), "edit distance (negated)": -ted}),
            measured: (n, {**({"exact match": em_measured} if scored else {}),
                           "edit distance (negated)": -ted_measured}),
        })
        return {"sizes": n, "p_token": p, "length": length, "n_items": items,
                "accuracy_axis": accuracy_axis, "exact_match": em, "edit_distance": ted,
                "exact_match_measured": em_measured, "edit_distance_measured": ted_measured,
                "measured_zeros": int(np.sum(em_measured == 0)), "scores": scores,
                "shift_factor": shift_factor(length, alpha), "size_grid": sizes}

    def draw(self, state: dict[str, Any]) -> None:
        n = state["sizes"]
        self.lines["em", "expected"].set_data(n, state["exact_match"])
        self.lines["em", "measured"].set_data(n, state["exact_match_measured"])
        self.lines["ted", "expected"].set_data(n, state["edit_distance"])
        self.lines["ted", "measured"].set_data(n, state["edit_distance_measured"])
        rescaled = state["size_grid"] == RESCALED
        for line in (self.lines["em", "expected"], self.lines["em", "measured"]):
            line.set_visible(not rescaled)
        self.ax_em.set_facecolor("0.93" if rescaled else "white")
        self.em_note.set_text(figure_message("mirage.toy.rescaled_note", smallest=state["exact_match"].min())
                              if rescaled else "")
        if rescaled:
            for ax in (self.ax_em, self.ax_ted):
                ax.set_xlim(n.min() / 2, n.max() * 2)
        else:
            for ax in (self.ax_em, self.ax_ted):
                ax.set_xlim(*self._default_xlim)
        if state["accuracy_axis"] == "log":  # a measured 0 cannot be shown and is left out
            if self.ax_em.get_yscale() != "log":
                set_log_y(self.ax_em)
            # down to the smallest expected value, so that no size is hidden below the axis
            self.ax_em.set_ylim(log_floor(state["exact_match"]), 1.5)
        elif self.ax_em.get_yscale() != "linear":
            self.ax_em.set_yscale("linear")
            self.ax_em.set_ylim(-0.03, 1.03)
        # the axis grows in steps of 5 tokens, so most length moves redraw only the data
        top = 5 * math.ceil(state["length"] / 5)
        self.ax_ted.set_ylim(-0.03 * top, 1.03 * top)
        self.zero_note.set_text("" if rescaled else figure_message(
            "mirage.toy.zero_note", zeros=state["measured_zeros"], total=len(n), items=state["n_items"]))

    def summary_html(self, state: dict[str, Any]) -> str:
        note = message("mirage.toy.summary_note")
        if state["size_grid"] == RESCALED:
            note = message("mirage.toy.summary_rescaled", note=note)
        curves = {"model (expected)": message("mirage.toy.curve_expected"),
                  f"measured ({state['n_items']:,} items)": message("mirage.toy.curve_measured",
                                                                    items=state["n_items"])}
        metrics = {"exact match": message("mirage.toy.metric_exact_match"),
                   "edit distance (negated)": message("mirage.toy.metric_edit_distance")}
        return emergence_table_html(relabel(state["scores"], curves, metrics), note=note)


def log_floor(values) -> float:
    """A log-axis lower limit a decade below the smallest positive value (at least 1e-300)."""
    v = np.asarray(values, dtype=float)
    v = v[v > 0]
    if v.size == 0:
        return 1e-6
    return max(10.0 ** (math.floor(math.log10(v.min())) - 1), 1e-300)
