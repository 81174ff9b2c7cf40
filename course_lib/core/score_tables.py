"""Score tables shown under a demo's figure (HTML that reads as a table in every front end).

Every demo prints, under its figure, the emergence score (Schaeffer et al. 2023, Eq. 1;
computed by :func:`course_lib.metrics.emergence_scores`) of each curve it shows.
"""
from __future__ import annotations

import html
import numpy as np

__all__ = ["emergence_table_html", "format_score"]


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
