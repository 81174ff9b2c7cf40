"""Score tables shown under a demo's figure (HTML that reads as a table in every front end).

Every demo prints, under its figure, the emergence score (Schaeffer et al. 2023, Eq. 1;
computed by :func:`course_lib.metrics.emergence_scores`) of each curve it shows.
"""
from __future__ import annotations

import html
import numpy as np

from course_lib.core.messages import message

__all__ = ["emergence_table_html", "format_score", "table_html", "TABLE_STYLE", "CELL_STYLE"]

#: a table that reads as one in JupyterLab, the classic Notebook and Colab: those front ends
#: style a bare <table> differently (the classic one with no cell spacing at all), so every
#: table carries its own spacing and rules
TABLE_STYLE = "border-collapse:collapse;margin:6px 0;font-size:inherit;line-height:1.4"
#: every cell: padding and a light rule, numbers right-aligned
CELL_STYLE = "padding:3px 12px;border:1px solid #d0d0d0;text-align:right"
_FIRST_CELL_STYLE = "padding:3px 12px;border:1px solid #d0d0d0;text-align:left"
_HEAD_STYLE = "background:#f2f2f2;font-weight:bold"


def table_html(header: list[str] | None, rows: list[list[str]], text_columns: int = 1) -> str:
    """An HTML table with spacing and rules of its own; the first ``text_columns`` are left-aligned.

    ``header`` (None for a table without one) and the cells of ``rows`` are HTML (escape plain
    text before passing it). Columns after the first ``text_columns`` hold numbers and are
    right-aligned; a table of words passes ``text_columns=len(header)``.
    """
    width = len(header) if header is not None else len(rows[0]) if rows else 0
    if any(len(row) != width for row in rows):
        raise ValueError(f"every row must have {width} cells")
    if isinstance(text_columns, bool) or not isinstance(text_columns, int) or text_columns < 0:
        raise ValueError(f"text_columns must be a non-negative int, got {text_columns!r}")

    def cells(row: list[str], tag: str, extra: str = "") -> str:
        return "".join(f"<{tag} style='{_FIRST_CELL_STYLE if i < text_columns else CELL_STYLE};{extra}'>{c}</{tag}>"
                       for i, c in enumerate(row))

    head = f"<tr>{cells(header, 'th', _HEAD_STYLE)}</tr>" if header is not None else ""
    body = "".join(f"<tr>{cells(row, 'td')}</tr>" for row in rows)
    return f"<table style='{TABLE_STYLE}'>{head}{body}</table>"


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
    table = table_html([""] + [html.escape(m) for m in metrics],
                       [[html.escape(curve)] + [format_score(row[m]) for m in metrics] for curve, row in scores.items()])
    foot = f"<div style='margin:2px 0;font-size:90%'>{html.escape(note)}</div>" if note else ""
    return message("scores.emergence_heading") + f"{table}{foot}"
