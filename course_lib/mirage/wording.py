"""How lesson 02's demos show the names of their curves and metrics in the course's language.

A demo's ``compute`` names its curves and metrics in English (code and tests read those names);
its summary table shows them through :func:`relabel`, with texts from the message catalogue.
"""
from __future__ import annotations

__all__ = ["relabel"]


def relabel(scores: dict[str, dict[str, float]], curves: dict[str, str] | None = None,
            metrics: dict[str, str] | None = None) -> dict[str, dict[str, float]]:
    """``scores`` (curve -> {metric -> score}) with the curve and metric names replaced for display.

    Names missing from ``curves`` or ``metrics`` are kept as they are.
    """
    curves, metrics = curves or {}, metrics or {}
    return {curves.get(curve, curve): {metrics.get(m, m): value for m, value in row.items()}
            for curve, row in scores.items()}
