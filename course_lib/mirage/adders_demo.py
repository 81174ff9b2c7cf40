"""Lesson 02 demo: Schaeffer et al.'s predictions 2 and 3, tested on lesson 01's adders.

Left panel, *resolution*: the exact match of the 4-digit direct family measured on a small
or large block of its test problems. With 100 problems a model that is right 0.04% of the
time reads 0; with 100,000 it reads above zero, as the product of its per-position accuracies
predicts. Right panel, *target length*: one fixed model scored on the first k digits of its
answers, k = 1, 2, ..., against the paper's predictions from its length-1 accuracy p:
p^k for exact match (geometric) and k (1 - p) for the digits to fix (linear); see
:mod:`course_lib.mirage.lengths`.
"""
from __future__ import annotations

from typing import Callable

import numpy as np

from course_lib.core.controls import Choice, IntSlider
from course_lib.core.demo import Demo
from course_lib.core.messages import figure_message, message
from course_lib.core.score_tables import emergence_table_html
from course_lib.core.style import new_figure, series_style, set_log_x, set_log_y
from course_lib.emergence.training import load_family
from course_lib.metrics import emergence_scores
from course_lib.mirage.lengths import prefix_scores
from course_lib.mirage.wording import relabel

__all__ = ["AdditionMirageDemo", "FLOOR", "LENGTH_MODELS", "default_length_models"]

#: where a measured exact match of 0 is drawn on the log axis
FLOOR = 3e-6
#: the fixed models of the right panel: name -> (kind, n_digits, width) of the cached default
LENGTH_MODELS = {"scratchpad": ("scratchpad", 5, 3), "direct": ("direct", 5, 128)}
#: what the right panel shows (the values ``update`` takes; the buttons' texts come from the catalogue)
LENGTH_METRICS = ("exact match", "digits wrong")
_METRIC_KEYS = {"exact match": "mirage.adders.metric_exact_match", "digits wrong": "mirage.adders.metric_digits_wrong"}


def default_length_models(loader: Callable[[int, str], object] = load_family) -> dict[str, np.ndarray]:
    """Per-digit correctness of the two cached fixed models of the right panel (see LENGTH_MODELS)."""
    models = {}
    for name, (kind, n_digits, width) in LENGTH_MODELS.items():
        family = loader(n_digits, kind)
        models[name] = np.asarray(family.correct[list(family.widths).index(width)])
    return models


class AdditionMirageDemo(Demo):
    """Exact match measured on few or many test problems, and against answer length.

    Used in notebook 02 §3.
    """

    caption_key = "mirage.adders.caption"

    def __init__(self, family=None, length_models: dict[str, np.ndarray] | None = None,
                 loader: Callable[[int, str], object] = load_family):
        """
        Parameters
        ----------
        family : AdditionFamily, optional
            The 4-digit direct family of the left panel (the cached one when omitted).
        length_models : dict, optional
            ``{"scratchpad": correct, "direct": correct}``: per-digit correctness (n_test, L)
            of one fixed model each (:func:`default_length_models` when omitted).
        loader : callable (n_digits, kind) -> AdditionFamily
            Where omitted families come from (the shipped cache by default).
        """
        self.controls = {
            "n_items": Choice(("100", "1000", "10000", "100000"), "100", label=message("mirage.adders.control_items")),
            "block": IntSlider(0, 9, 0, label=message("mirage.adders.control_block")),
            "length_model": Choice(tuple(LENGTH_MODELS), "scratchpad", label=message("mirage.adders.control_model"),
                                   labels=tuple(message(f"mirage.adders.model_{m}") for m in LENGTH_MODELS)),
            "length_metric": Choice(LENGTH_METRICS, "exact match", label=message("mirage.adders.control_metric"),
                                    labels=tuple(message(_METRIC_KEYS[m]) for m in LENGTH_METRICS)),
        }
        family = loader(4, "direct") if family is None else family
        self.n_params = np.asarray(family.n_params)
        exact = family.correct.all(axis=2)
        self.exact_cumulative = np.concatenate([np.zeros((len(exact), 1), np.int64),
                                                np.cumsum(exact, axis=1)], axis=1)
        self.n_test = exact.shape[1]
        self.exact_all = exact.mean(axis=1)
        self.product = family.position_accuracy().prod(axis=1)
        self.digit_accuracy = family.digit_accuracy()
        models = default_length_models(loader) if length_models is None else length_models
        if set(models) != set(LENGTH_MODELS):
            raise ValueError(f"length_models must have the keys {sorted(LENGTH_MODELS)}, got {sorted(models)}")
        self.by_length = {name: prefix_scores(correct) for name, correct in models.items()}

        self.fig, (self.ax_res, self.ax_len) = new_figure(1, 2, figsize=(8.4, 4.0),
                                                          margins={"left": 0.1, "right": 0.99, "wspace": 0.27})
        ax = self.ax_res
        self.all_line, = ax.plot(self.n_params, self.exact_all, label=figure_message("mirage.adders.legend_all"), **series_style(0))
        self.product_line, = ax.plot(self.n_params, self.product, label=figure_message("mirage.adders.legend_product"),
                                     color="0.35", linestyle="--", linewidth=1.5)
        st = series_style(1)
        self.measured, = ax.plot([], [], linestyle="none", marker=st["marker"], color=st["color"],
                                 markersize=8, label=figure_message("mirage.adders.legend_measured"))
        self.zeros, = ax.plot([], [], linestyle="none", marker="v", markerfacecolor="none",
                              markeredgecolor=st["color"], markersize=9, label=figure_message("mirage.adders.legend_zero"))
        set_log_x(ax)
        set_log_y(ax)
        ax.set_ylim(FLOOR / 2, 1.5)
        ax.set_xlabel(figure_message("mirage.adders.xlabel_resolution"))
        ax.set_ylabel(figure_message("mirage.adders.ylabel_resolution"))
        ax.legend(loc="center right", bbox_to_anchor=(1.0, 0.36), fontsize=9)

        ax = self.ax_len
        st = series_style(2)
        self.len_points, = ax.plot([], [], linestyle="none", marker=st["marker"], color=st["color"],
                                   markersize=7, label=figure_message("mirage.adders.legend_measured"))
        self.len_line, = ax.plot([], [], linestyle="--", color="0.3", linewidth=1.5,
                                 label=figure_message("mirage.adders.legend_prediction"))
        ax.set_xlabel(figure_message("mirage.adders.xlabel_length"))
        self.len_legend = ax.legend(loc="lower left", fontsize=9)
        self.data_artists = [self.measured, self.zeros, self.ax_res.title, self.len_points, self.len_line]

    def compute(self, n_items: str, block: int, length_model: str, length_metric: str) -> dict:
        n = int(n_items)
        start = 0 if n >= self.n_test else (block * n) % self.n_test
        counts = self.exact_cumulative[:, start + n] - self.exact_cumulative[:, start]
        scores = self.by_length[length_model]
        if length_metric == "exact match":
            observed, predicted = scores["exact_match"], scores["geometric"]
        else:
            observed, predicted = scores["digits_wrong"], scores["linear"]
        return {"n_items": n, "start": start, "measured": counts / n, "n_zero": int(np.sum(counts == 0)),
                "length_model": length_model, "length_metric": length_metric, "lengths": scores["lengths"],
                "observed": observed, "predicted": predicted, "p_first": scores["p_first"]}

    def draw(self, state: dict) -> None:
        measured = state["measured"]
        zero = measured == 0
        self.measured.set_data(self.n_params[~zero], measured[~zero])
        self.zeros.set_data(self.n_params[zero], np.full(zero.sum(), FLOOR))
        self.ax_res.set_title(figure_message("mirage.adders.title_resolution", items=state["n_items"],
                                             zeros=state["n_zero"], total=len(measured)), fontsize=11)
        k = state["lengths"]
        self.len_points.set_data(k, state["observed"])
        self.len_line.set_data(k, state["predicted"])
        ax = self.ax_len
        ax.set_xlim(0.5, k[-1] + 0.5)
        ax.set_xticks(k)
        name = figure_message("mirage.adders.title_length", p=state["p_first"],
                              model=figure_message(f"mirage.adders.figure_model_{state['length_model']}"))
        # the corner the points leave free: they fall from the top left, or rise from the bottom left
        self.len_legend.set_loc("lower left" if state["length_metric"] == "exact match" else "upper left")
        if state["length_metric"] == "exact match":
            set_log_y(ax)
            ax.set_ylim(1e-3, 1.5)
            ax.set_ylabel(figure_message("mirage.adders.ylabel_exact_match"))
        else:
            ax.set_yscale("linear")
            ax.set_ylim(-0.05 * len(k), 0.6 * len(k))
            ax.set_ylabel(figure_message("mirage.adders.ylabel_digits_wrong"))
        ax.set_title(name, fontsize=11)

    def summary_html(self, state: dict) -> str:
        x = self.n_params
        curves = {"4-digit adders": (x, {f"exact match, {state['n_items']:,} problems": state["measured"],
                                         "exact match, 100,000 problems": self.exact_all,
                                         "per-digit accuracy": self.digit_accuracy})}
        names = {f"exact match, {state['n_items']:,} problems": message("mirage.adders.metric_measured",
                                                                         items=state["n_items"]),
                 "exact match, 100,000 problems": message("mirage.adders.metric_all"),
                 "per-digit accuracy": message("mirage.adders.metric_per_digit")}
        table = relabel(emergence_scores(curves), {"4-digit adders": message("mirage.adders.curve")}, names)
        return emergence_table_html(table, note=message("mirage.adders.summary_note"))
