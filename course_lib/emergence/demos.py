"""Lesson 01 demo: one family of adders, three metrics, with and without a scratchpad.

The families are the numpy MLPs of :mod:`course_lib.emergence.training` (one per hidden width),
trained on n-digit addition. All metrics are computed once, when the demo is built, from
each model's per-example results on the test set, so a slider move only picks arrays.
"""
from __future__ import annotations

from typing import Callable, Mapping

import numpy as np

from course_lib.core.controls import Choice, IntSlider
from course_lib.core.demo import Demo
from course_lib.core.messages import figure_message, message
from course_lib.core.score_tables import format_score, table_html
from course_lib.core.style import new_figure, series_style, set_log_x
from course_lib.emergence.training import load_family
from course_lib.metrics import emergence_score
from course_lib.model_sizes import first_crossing

__all__ = ["METRICS", "SPARSE_WIDTHS", "family_metrics", "curve_scores", "sparse_subset", "EmergenceDemo"]

#: metric name -> (its name in the message keys ``emergence.panel.metric_<name>`` and
#: ``emergence.panel.ylabel_<name>``, higher is better)
METRICS: dict[str, tuple[str, bool]] = {
    "exact match": ("exact_match", True),
    "per-digit accuracy": ("per_digit_accuracy", True),
    "edit distance": ("edit_distance", False),
}
KINDS = ("direct", "scratchpad")
GRIDS = ("dense", "sparse")
#: the widths kept by the "sparse" grid: a factor of 4 apart
SPARSE_WIDTHS = (1, 4, 16, 64, 256)


def _metric_text(metric: str, figure: bool = False) -> str:
    """A metric's name in the course's language (``figure``: for text drawn in a figure)."""
    return (figure_message if figure else message)(f"emergence.panel.metric_{METRICS[metric][0]}")


def family_metrics(family) -> dict[str, np.ndarray]:
    """Widths, parameter counts and the three metrics of one trained family."""
    return {"widths": np.asarray(family.widths), "n_params": np.asarray(family.n_params),
            "exact match": family.exact_match(), "per-digit accuracy": family.digit_accuracy(),
            "edit distance": family.mean_edit_distance()}


def curve_scores(metrics: Mapping[str, np.ndarray]) -> dict[str, float]:
    """The emergence score of each metric's curve against parameters (edit distance as -distance).

    ``metrics`` is what :func:`family_metrics` returns (or a slice of it); fewer than 2 models
    score NaN. Used by the demo's table and notebook 01 §4.
    """
    scores = {}
    for metric, (_, higher_better) in METRICS.items():
        y = metrics[metric] if higher_better else -np.asarray(metrics[metric])
        scores[metric] = emergence_score(metrics["n_params"], y) if len(y) >= 2 else float("nan")
    return scores


def sparse_subset(family):
    """The models of ``family`` whose widths are on the sparse grid :data:`SPARSE_WIDTHS`."""
    return family.subset([w for w in SPARSE_WIDTHS if w in set(np.asarray(family.widths).tolist())])


class EmergenceDemo(Demo):
    """Exact match, per-digit accuracy or edit distance of the adder families vs size.

    Used in notebook 01 §4.
    """

    caption_key = "emergence.panel.caption"

    def __init__(self, families: Mapping[tuple[int, str], object] | None = None,
                 loader: Callable[[int, str], object] = load_family):
        """
        Parameters
        ----------
        families : mapping (n_digits, kind) -> AdditionFamily, optional
            Families to show instead of the cached ones (a family trained live, say).
        loader : callable (n_digits, kind) -> AdditionFamily
            Where the other families come from (the shipped cache by default).
        """
        self.controls = {
            "metric": Choice(tuple(METRICS), "exact match", label=message("emergence.panel.control_metric"),
                             labels=tuple(_metric_text(m) for m in METRICS)),
            "n_digits": IntSlider(2, 5, 4, label=message("emergence.panel.control_digits")),
            "grid": Choice(GRIDS, "dense", label=message("emergence.panel.control_grid"),
                           labels=tuple(message(f"emergence.panel.grid_{g}") for g in GRIDS)),
        }
        families = dict(families or {})
        spec = self.controls["n_digits"]
        self.metrics = {}
        for n in range(spec.min, spec.max + 1):
            for kind in KINDS:
                family = families[(n, kind)] if (n, kind) in families else loader(n, kind)
                self.metrics[(n, kind)] = family_metrics(family)
        self.fig, self.ax = new_figure(figsize=(8.0, 4.6), margins={"bottom": 0.25, "top": 0.92})
        self.lines = {kind: self.ax.plot([], [], label=figure_message(f"emergence.panel.kind_{kind}"),
                                         **series_style(i))[0]
                      for i, kind in enumerate(KINDS)}
        self.chance = self.ax.axhline(0, color="0.4", linestyle=":", linewidth=1.5,
                                      label=figure_message("emergence.panel.legend_random"))
        set_log_x(self.ax)
        self.ax.set_xlabel(figure_message("emergence.panel.xlabel"))
        # below the axes: inside, it would cover the scratchpad's rise (left) or the direct one (right)
        self.ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.15), ncol=3, fontsize=9, frameon=False)
        self.data_artists = [*self.lines.values(), self.chance]

    def compute(self, metric: str, n_digits: int, grid: str) -> dict:
        curves = {}
        for kind in KINDS:
            m = self.metrics[(n_digits, kind)]
            keep = np.isin(m["widths"], SPARSE_WIDTHS) if grid == "sparse" else np.ones(len(m["widths"]), bool)
            curves[kind] = {name: values[keep] for name, values in m.items()}
        length = n_digits + 1
        chance = {"exact match": 0.1 ** length, "per-digit accuracy": 0.1, "edit distance": 0.9 * length}
        return {"metric": metric, "n_digits": n_digits, "grid": grid, "curves": curves,
                "chance": chance[metric], "length": length}

    def draw(self, state: dict) -> None:
        metric, curves = state["metric"], state["curves"]
        for kind, line in self.lines.items():
            line.set_data(curves[kind]["n_params"], curves[kind][metric])
        self.chance.set_ydata([state["chance"], state["chance"]])
        top = 1.0 if METRICS[metric][1] else float(state["length"])
        self.ax.set_ylim(-0.03 * top, 1.03 * top)
        xs = np.concatenate([c["n_params"] for c in curves.values()])
        self.ax.set_xlim(xs.min() / 1.5, xs.max() * 1.5)
        self.ax.set_ylabel(figure_message(f"emergence.panel.ylabel_{METRICS[metric][0]}"))
        self.ax.set_title(figure_message("emergence.panel.title", n_digits=state["n_digits"],
                                         metric=_metric_text(metric, figure=True),
                                         grid=figure_message(f"emergence.panel.grid_{state['grid']}")))

    def summary_html(self, state: dict) -> str:
        rows = []
        for kind in KINDS:
            c = state["curves"][kind]
            scores = [format_score(v) if np.isfinite(v) or np.isinf(v) else message("emergence.panel.no_score")
                      for v in curve_scores(c).values()]
            cross = first_crossing(c["n_params"], c["exact match"])
            cross_text = f"{cross:,.0f}" if cross is not None else message("emergence.panel.not_reached")
            rows.append([message(f"emergence.panel.kind_{kind}"), *scores, cross_text, str(len(c["n_params"]))])
        header = [message("emergence.panel.column_family"), *(_metric_text(m) for m in METRICS),
                  message("emergence.panel.column_crossing"), message("emergence.panel.column_models")]
        return message("emergence.panel.summary") + table_html(header, rows)
