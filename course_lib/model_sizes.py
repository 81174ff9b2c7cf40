"""Model-size helpers shared by the lessons: sparse grids of sizes, and where a curve first crosses a level.

A paper that trained only a handful of models sees a curve at a few sizes; :func:`sparse_grid`
picks such a handful from a dense grid. :func:`first_crossing` reads off the smallest model that
reaches a level (50% exact match, say).
"""
from __future__ import annotations

from typing import Sequence

import numpy as np

from course_lib.core.validation import check_array, check_count, check_scalar

__all__ = ["sparse_grid", "first_crossing"]


def sparse_grid(widths: Sequence[int], count: int = 3) -> np.ndarray:
    """``count`` of ``widths``, spread evenly in log between 20% and 90% of the log range.

    This mimics a model family published at only a few sizes: with the random-feature widths
    1..2048 it picks 4, 64 and 1024. A grid with ``count`` or fewer widths is returned whole.
    """
    w = check_array("widths", widths, ndim=1, minimum=0, include_minimum=False)
    count = check_count("count", count, minimum=2)
    if len(w) <= count:
        return w.copy()
    logs = np.log(w)
    targets = logs[0] + np.linspace(0.2, 0.9, count) * (logs[-1] - logs[0])
    picks = np.unique(np.abs(logs[None, :] - targets[:, None]).argmin(axis=1))
    return w[picks]


def first_crossing(sizes: Sequence[float], values: Sequence[float], level: float = 0.5) -> float | None:
    """The smallest size whose value reaches ``level``, or None if none does.

    Parameters
    ----------
    sizes : sequence of positive numbers
        Model sizes (parameter counts, say), in increasing order.
    values : sequence of finite numbers
        The metric at each size (NaN is refused: a missing value could hide the crossing).
    level : float
        The level to reach.
    """
    sizes = check_array("sizes", sizes, ndim=1, dtype=float, minimum=0, include_minimum=False)
    values = check_array("values", values, ndim=1, dtype=float)
    if sizes.shape != values.shape:
        raise ValueError(f"sizes and values must be 1-D arrays of one length, got shapes {sizes.shape} "
                         f"and {values.shape}")
    level = check_scalar("level", level)
    above = np.flatnonzero(values >= level)
    return float(sizes[above[0]]) if above.size else None
