"""Name the shape of a scaling curve: positive, inverse, U-shaped, inverted-U or flat.

The words of Wei, Kim, Tay & Le (2022) and McKenzie et al. (2023): *inverse* scaling gets
worse with scale; *U-shaped* scaling decreases up to a certain size and then increases again
up to the largest model evaluated; *inverted-U* rises, then falls. :func:`scaling_shape` makes
these words a rule, with a tolerance so that noise of a few points is not called a trend.
"""
from __future__ import annotations

from course_lib.core.messages import figure_message, message
from course_lib.core.validation import check_array, check_scalar

__all__ = ["SHAPES", "NO_CURVE", "scaling_shape", "shape_name"]

SHAPES = ("U-shaped", "inverted-U", "positive", "inverse", "flat")
#: what a demo reports instead of a shape when it is left with a single size
NO_CURVE = "one size: no curve"
#: each shape's catalogue key: the code compares the English values, learners read the catalogue's
_SHAPE_KEYS = {"U-shaped": "inverse_scaling.shape.u_shaped", "inverted-U": "inverse_scaling.shape.inverted_u",
               "positive": "inverse_scaling.shape.positive", "inverse": "inverse_scaling.shape.inverse",
               "flat": "inverse_scaling.shape.flat", NO_CURVE: "inverse_scaling.shape.one_size"}


def scaling_shape(values, tol: float = 0.05) -> str:
    """The shape of a curve given at increasing model sizes.

    Used in notebook 04 §2-§4 (the reference for exercise 4.1). With ``y`` the values,
    ``lo``/``hi`` the positions of the minimum/maximum, in this order:

    1. ``"U-shaped"`` if ``y[0] - y[lo] > tol`` and ``y[-1] - y[lo] > tol`` (down, then up);
    2. ``"inverted-U"`` if ``y[hi] - y[0] > tol`` and ``y[hi] - y[-1] > tol`` (up, then down);
    3. ``"positive"`` if ``y[-1] - y[0] > tol``;
    4. ``"inverse"`` if ``y[0] - y[-1] > tol``;
    5. ``"flat"`` otherwise.

    Examples
    --------
    >>> scaling_shape([0.5, 0.2, 0.7])
    'U-shaped'
    >>> scaling_shape([0.5, 0.3, 0.1])
    'inverse'
    """
    y = check_array("values", values, ndim=1, min_size=2, dtype=float)
    tol = check_scalar("tol", tol, minimum=0.0)
    low, high = y.min(), y.max()
    if y[0] - low > tol and y[-1] - low > tol:
        return "U-shaped"
    if high - y[0] > tol and high - y[-1] > tol:
        return "inverted-U"
    if y[-1] - y[0] > tol:
        return "positive"
    if y[0] - y[-1] > tol:
        return "inverse"
    return "flat"


def shape_name(shape: str, in_figure: bool = False) -> str:
    """``shape`` (a value of :func:`scaling_shape`, or :data:`NO_CURVE`) as a learner reads it.

    In the course's language; ``in_figure``: for text drawn in a figure
    (:func:`~course_lib.core.messages.figure_message`).
    """
    if shape not in _SHAPE_KEYS:
        raise ValueError(f"shape must be one of {list(_SHAPE_KEYS)}, got {shape!r}")
    return figure_message(_SHAPE_KEYS[shape]) if in_figure else message(_SHAPE_KEYS[shape])
