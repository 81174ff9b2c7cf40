"""Lesson 02 demo: the mirage toy model with sliders, plus what every lesson-02 demo shares.

:class:`MirageToyDemo` puts the same model family under two metrics side by side: exact match
(nonlinear in the per-token accuracy) and token edit distance (linear in it), each as the
model's expected value (line) and as measured on a finite random test set (markers).

Shared with the digits demos (:mod:`course_lib.digits_demos`,
:mod:`course_lib.multiple_choice_demo`): the table of emergence scores under each figure and
the sparse grid of model sizes.
"""
from __future__ import annotations

import html
from typing import Any, Sequence

import numpy as np
from matplotlib.ticker import NullLocator

from course_lib.controls import Choice, FloatSlider, IntSlider
from course_lib.demo import Demo
from course_lib.metrics import emergence_score
from course_lib.mirage_toy import (DEFAULT_LOSS_SCALE, expected_edit_distance, expected_exact_match,
                                   measure_on_test_set, model_sizes, per_token_accuracy)
from course_lib.papers.schaeffer2023 import INSTRUCTGPT_MODEL_SIZES
from course_lib.style import new_figure, series_style, set_log_x

__all__ = ["emergence_scores", "emergence_table_html", "format_score", "sparse_grid", "MirageToyDemo"]

#: test-set sizes offered by the resolution control (strings: they label toggle buttons)
TEST_ITEMS = ("10", "100", "1000", "10000", "100000")


def emergence_scores(curves: dict[str, tuple[np.ndarray, dict[str, np.ndarray]]]) -> dict[str, dict[str, float]]:
    """The emergence score of every curve under every metric.

    Parameters
    ----------
    curves : dict
        Curve name -> (model sizes, {metric name -> values at those sizes}).

    Returns
    -------
    dict
        Curve name -> {metric name -> :func:`course_lib.metrics.emergence_score`}.
    """
    return {curve: {metric: emergence_score(x, y) for metric, y in values.items()}
            for curve, (x, values) in curves.items()}


def sparse_grid(widths: Sequence[int], count: int = 3) -> np.ndarray:
    """``count`` of ``widths``, spread evenly in log between 20% and 90% of the log range.

    This mimics a model family published at only a few sizes: with the random-feature widths
    1..2048 it picks 4, 64 and 1024. A grid with ``count`` or fewer widths is returned whole.
    """
    w = np.asarray(widths)
    if w.ndim != 1 or w.size == 0 or np.any(w <= 0):
        raise ValueError(f"widths must be a non-empty 1-D array of positive sizes, got {widths!r}")
    if isinstance(count, bool) or not isinstance(count, int) or count < 2:
        raise ValueError(f"count must be an int >= 2, got {count!r}")
    if len(w) <= count:
        return w.copy()
    logs = np.log(w)
    targets = logs[0] + np.linspace(0.2, 0.9, count) * (logs[-1] - logs[0])
    picks = np.unique(np.abs(logs[None, :] - targets[:, None]).argmin(axis=1))
    return w[picks]


def format_score(score: float) -> str:
    """An emergence score for a table: one decimal, or a signed infinity."""
    if np.isposinf(score):
        return "+∞"
    if np.isneginf(score):
        return "−∞"
    return f"{score:.1f}"


def emergence_table_html(scores: dict[str, dict[str, float]], note: str = "") -> str:
    """A small HTML table of emergence scores: one row per curve, one column per metric.

    Parameters
    ----------
    scores : dict
        Curve name -> {metric name -> score}; every row must have the same metrics.
    note : str
        A sentence printed under the table.
    """
    if not scores:
        raise ValueError("scores must name at least one curve")
    metrics = list(next(iter(scores.values())))
    for curve, row in scores.items():
        if list(row) != metrics:
            raise ValueError(f"scores[{curve!r}] must have the metrics {metrics}, got {list(row)}")
    cell = "style='padding:2px 10px;text-align:right'"
    head = "".join(f"<th {cell}>{html.escape(m)}</th>" for m in metrics)
    body = "".join(
        f"<tr><td style='padding:2px 10px'>{html.escape(curve)}</td>"
        + "".join(f"<td {cell}>{format_score(row[m])}</td>" for m in metrics) + "</tr>"
        for curve, row in scores.items())
    foot = f"<p style='margin:2px 0'><small>{html.escape(note)}</small></p>" if note else ""
    return ("<b>Emergence score</b> (Schaeffer et al. 2023, Eq. 1): the total rise divided by the "
            "typical step, so it is large when most steps are small, before a jump or after saturation."
            f"<table><tr><th></th>{head}</tr>{body}</table>{foot}")


class MirageToyDemo(Demo):
    """Schaeffer et al.'s toy model: one smooth per-token accuracy, two metrics, finite test sets.

    Parameters
    ----------
    n_min, n_max : float
        Range of the dense grid of model sizes.
    dense_count : int
        Sizes in the dense grid (log-spaced).
    sparse_sizes : sequence of float
        The sparse grid; by default the four InstructGPT/GPT-3 sizes of Schaeffer et al. (2023, §3).
    c : float
        Loss scale of the toy model (see :mod:`course_lib.mirage_toy`).
    """

    controls = {
        "length": IntSlider(1, 20, 5, label="target length L (tokens)"),
        "alpha": FloatSlider(-1.0, -0.1, -0.5, 0.05, label="loss exponent α"),
        "n_items": Choice(TEST_ITEMS, "100", label="test items"),
        "sizes": Choice(("dense", "sparse"), "dense", label="model sizes"),
        "accuracy_axis": Choice(("linear", "log"), "linear", label="accuracy axis"),
        "seed": IntSlider(0, 20, 0, label="test-set seed"),
    }
    caption = ("The toy model, not data: one per-token accuracy that improves smoothly with size, scored "
               "by exact match over all L tokens (left) and by token edit distance (right); lines are the "
               "model's expected values, markers one random test set of the chosen size.")

    def __init__(self, n_min: float = 1e8, n_max: float = 1e12, dense_count: int = 25,
                 sparse_sizes: Sequence[float] = INSTRUCTGPT_MODEL_SIZES, c: float = DEFAULT_LOSS_SCALE):
        self.grids = {"dense": model_sizes(n_min, n_max, dense_count),
                      "sparse": np.sort(np.asarray(sparse_sizes, dtype=float))}
        if self.grids["sparse"].ndim != 1 or len(self.grids["sparse"]) < 2:
            raise ValueError(f"sparse_sizes must hold at least 2 sizes, got {sparse_sizes!r}")
        per_token_accuracy(self.grids["sparse"], c)  # validates the sizes and c
        self.c = c
        self.fig, (self.ax_em, self.ax_ted) = new_figure(1, 2, figsize=(10, 3.8))
        self.lines = {}
        for ax, metric in ((self.ax_em, "em"), (self.ax_ted, "ted")):
            model = dict(series_style(0), marker=None)
            measured = dict(series_style(1), linestyle="none")
            self.lines[metric, "expected"], = ax.plot([], [], label="model (expected)", **model)
            self.lines[metric, "measured"], = ax.plot([], [], label="measured", **measured)
            set_log_x(ax)
            ax.set_xlabel("model size N (parameters)")
            ax.set_xlim(min(g.min() for g in self.grids.values()) / 2,
                        max(g.max() for g in self.grids.values()) * 2)
        self.ax_em.legend(loc="upper left")  # the right panel uses the same two styles
        self.ax_em.set_title("Exact match (nonlinear in p)")
        self.ax_em.set_ylabel("accuracy")
        self.ax_em.set_ylim(-0.03, 1.03)
        self.ax_ted.set_title("Token edit distance (linear in p)")
        self.ax_ted.set_ylabel("edit distance (lower is better)")
        self.zero_note = self.ax_em.text(0.03, 0.78, "", transform=self.ax_em.transAxes,
                                         ha="left", va="top", fontsize=9)

    def compute(self, length: int, alpha: float, n_items: str, sizes: str, accuracy_axis: str,
                seed: int) -> dict[str, Any]:
        n = self.grids[sizes]
        items = int(n_items)
        p = per_token_accuracy(n, self.c, alpha)
        em, ted = expected_exact_match(p, length), expected_edit_distance(p, length)
        em_measured, ted_measured = measure_on_test_set(p, length, items, np.random.default_rng(seed))
        measured = f"measured ({items:,} items)"
        scores = emergence_scores({
            "model (expected)": (n, {"exact match": em, "edit distance (negated)": -ted}),
            measured: (n, {"exact match": em_measured, "edit distance (negated)": -ted_measured}),
        })
        return {"sizes": n, "p_token": p, "length": length, "n_items": items,
                "accuracy_axis": accuracy_axis, "exact_match": em, "edit_distance": ted,
                "exact_match_measured": em_measured, "edit_distance_measured": ted_measured,
                "measured_zeros": int(np.sum(em_measured == 0)), "scores": scores}

    def draw(self, state: dict[str, Any]) -> None:
        n = state["sizes"]
        self.lines["em", "expected"].set_data(n, state["exact_match"])
        self.lines["em", "measured"].set_data(n, state["exact_match_measured"])
        self.lines["ted", "expected"].set_data(n, state["edit_distance"])
        self.lines["ted", "measured"].set_data(n, state["edit_distance_measured"])
        label = f"measured ({state['n_items']:,} items)"
        self.ax_em.get_legend().get_texts()[1].set_text(label)
        if self.ax_em.get_yscale() != state["accuracy_axis"]:
            if state["accuracy_axis"] == "log":  # a measured 0 cannot be shown and is left out
                self.ax_em.set_yscale("log", nonpositive="mask")
                self.ax_em.yaxis.set_minor_locator(NullLocator())  # cheaper to redraw
                self.ax_em.set_ylim(1e-6, 1.5)
            else:
                self.ax_em.set_yscale("linear")
                self.ax_em.set_ylim(-0.03, 1.03)
        self.ax_ted.set_ylim(-0.03 * state["length"], 1.03 * state["length"])
        self.zero_note.set_text(f"measured exactly 0 at {state['measured_zeros']} of {len(n)} sizes\n"
                                f"(resolution 1/{state['n_items']:,})")

    def summary_html(self, state: dict[str, Any]) -> str:
        return emergence_table_html(state["scores"], note="Edit distance is negated so that improvement "
                                    "counts as positive; ±∞ means more than half the steps are flat.")
