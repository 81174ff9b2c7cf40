"""Lesson 02 demo: Schaeffer et al.'s predictions 2 and 3, tested on lesson 01's adders.

Left panel, *resolution*: the exact match of the 4-digit direct family measured on a small
or large block of its test problems. With 100 problems a model that is right 0.04% of the
time reads 0; with 100,000 it reads above zero, as the product of its per-position accuracies
predicts. Right panel, *answer length*: exact match of the 2- to 5-digit families falls
geometrically with the answer length L (a straight line on a log axis, like p^L), while the
edit distance grows about linearly (like L(1 - p)).
"""
from __future__ import annotations

from typing import Callable

import numpy as np

from course_lib.core.controls import Choice, IntSlider
from course_lib.core.demo import Demo
from course_lib.core.score_tables import emergence_table_html
from course_lib.core.style import new_figure, series_style, set_log_x, set_log_y
from course_lib.emergence.training import load_family
from course_lib.metrics import emergence_scores

__all__ = ["AdditionMirageDemo", "FLOOR", "LENGTH_WIDTHS"]

#: where a measured exact match of 0 is drawn on the log axis
FLOOR = 3e-6
#: widths whose exact match is followed across answer lengths
LENGTH_WIDTHS = (16, 64, 256)
N_DIGITS = (2, 3, 4, 5)


class AdditionMirageDemo(Demo):
    """Exact match measured on few or many test problems, and against answer length.

    Used in notebook 02 §3.
    """

    controls = {
        "n_items": Choice(("100", "1000", "10000", "100000"), "100", label="test problems"),
        "block": IntSlider(0, 9, 0, label="which block of test problems"),
        "length_metric": Choice(("exact match", "edit distance"), "exact match", label="right panel"),
    }
    caption = ("Left: exact match of the 4-digit adders measured on the chosen number of test problems "
               "(markers; hollow triangles at the bottom mean 'measured 0'), on all 100,000 (solid) and "
               "the product of per-position accuracies (dashed). Right: the adders of widths 16, 64 and "
               "256 trained for 2 to 5 digits, against answer length, with the prediction from their "
               "per-digit accuracy p (dashed: p^L for exact match, L(1 - p) for edit distance).")

    def __init__(self, loader: Callable[[int, str], object] = load_family):
        family = loader(4, "direct")
        self.n_params = np.asarray(family.n_params)
        exact = family.correct.all(axis=2)
        self.exact_cumulative = np.concatenate([np.zeros((len(exact), 1), np.int64),
                                                np.cumsum(exact, axis=1)], axis=1)
        self.n_test = exact.shape[1]
        self.exact_all = exact.mean(axis=1)
        self.product = family.position_accuracy().prod(axis=1)
        self.digit_accuracy = family.digit_accuracy()
        self.lengths = np.array(N_DIGITS) + 1
        self.by_length = {}
        for w in LENGTH_WIDTHS:
            rows = []
            for n in N_DIGITS:
                f = loader(n, "direct").subset((w,))
                rows.append((f.exact_match()[0], f.mean_edit_distance()[0], f.digit_accuracy()[0]))
            self.by_length[w] = np.array(rows).T  # (3, len(N_DIGITS))

        self.fig, (self.ax_res, self.ax_len) = new_figure(1, 2, figsize=(8.4, 4.0),
                                                          margins={"left": 0.1, "right": 0.99, "wspace": 0.27})
        ax = self.ax_res
        self.all_line, = ax.plot(self.n_params, self.exact_all, label="all 100,000 problems", **series_style(0))
        self.product_line, = ax.plot(self.n_params, self.product, label="product of per-position acc.",
                                     color="0.35", linestyle="--", linewidth=1.5)
        st = series_style(1)
        self.measured, = ax.plot([], [], linestyle="none", marker=st["marker"], color=st["color"],
                                 markersize=8, label="measured")
        self.zeros, = ax.plot([], [], linestyle="none", marker="v", markerfacecolor="none",
                              markeredgecolor=st["color"], markersize=9, label="measured 0")
        set_log_x(ax)
        set_log_y(ax)
        ax.set_ylim(FLOOR / 2, 1.5)
        ax.set_xlabel("parameters (log axis)")
        ax.set_ylabel("exact match (log axis)")
        ax.legend(loc="center right", bbox_to_anchor=(1.0, 0.36), fontsize=8)

        ax = self.ax_len
        self.len_points, self.len_lines = {}, {}
        for i, w in enumerate(LENGTH_WIDTHS):
            st = series_style(i)
            self.len_points[w], = ax.plot(self.lengths, np.ones(len(self.lengths)), linestyle="none",
                                          marker=st["marker"], color=st["color"], markersize=7,
                                          label=f"width {w}")
            self.len_lines[w], = ax.plot(self.lengths, np.ones(len(self.lengths)), linestyle="--",
                                         color=st["color"], linewidth=1.3)
        ax.set_xticks(self.lengths)
        ax.set_xlabel("answer length L (digits)")
        ax.legend(loc="best", fontsize=8)
        self.data_artists = [self.measured, self.zeros, self.ax_res.title, *self.len_points.values(), *self.len_lines.values()]

    def compute(self, n_items: str, block: int, length_metric: str) -> dict:
        n = int(n_items)
        start = 0 if n >= self.n_test else (block * n) % self.n_test
        counts = self.exact_cumulative[:, start + n] - self.exact_cumulative[:, start]
        if length_metric == "exact match":
            observed = {w: v[0] for w, v in self.by_length.items()}
            predicted = {w: v[2] ** self.lengths for w, v in self.by_length.items()}
        else:
            observed = {w: v[1] for w, v in self.by_length.items()}
            predicted = {w: self.lengths * (1 - v[2]) for w, v in self.by_length.items()}
        return {"n_items": n, "start": start, "measured": counts / n, "n_zero": int(np.sum(counts == 0)),
                "length_metric": length_metric, "observed": observed, "predicted": predicted}

    def draw(self, state: dict) -> None:
        measured = state["measured"]
        zero = measured == 0
        self.measured.set_data(self.n_params[~zero], measured[~zero])
        self.zeros.set_data(self.n_params[zero], np.full(zero.sum(), FLOOR))
        self.ax_res.set_title(f"Resolution: {state['n_items']:,} test problems "
                              f"({state['n_zero']} of {len(measured)} models read 0)", fontsize=11)
        metric = state["length_metric"]
        for w in LENGTH_WIDTHS:
            self.len_points[w].set_ydata(state["observed"][w])
            self.len_lines[w].set_ydata(state["predicted"][w])
        ax = self.ax_len
        if metric == "exact match":
            set_log_y(ax)
            ax.set_ylim(1e-4, 1.5)
            ax.set_ylabel("exact match (log axis)")
            ax.set_title("Exact match falls geometrically with length", fontsize=11)
        else:
            ax.set_yscale("linear")
            ax.set_ylim(0, 4.5)
            ax.set_ylabel("mean token edit distance")
            ax.set_title("Edit distance grows about linearly with length", fontsize=11)

    def summary_html(self, state: dict) -> str:
        x = self.n_params
        curves = {"4-digit adders": (x, {f"exact match, {state['n_items']:,} problems": state["measured"],
                                         "exact match, 100,000 problems": self.exact_all,
                                         "per-digit accuracy": self.digit_accuracy})}
        return emergence_table_html(emergence_scores(curves),
                                    note="With few test problems the small models all read 0: the curve "
                                         "looks flat, then jumps.")
