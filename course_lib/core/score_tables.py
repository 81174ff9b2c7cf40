"""Emergence-score tables and sparse model grids, shared by the demos of lessons 01 and 02.

Every demo prints, under its figure, the emergence score (Schaeffer et al. 2023, Eq. 1; see
:func:`course_lib.metrics.emergence_score`) of each curve it shows, and several let the
learner keep only a few model sizes, as a paper that trained a handful of models would.
"""
from __future__ import annotations

import html
from typing import Sequence

import numpy as np

from course_lib.metrics import emergence_score

__all__ = ["emergence_scores", "emergence_table_html", "format_score", "sparse_grid"]


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
