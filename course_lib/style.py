"""Plot style: a colour-blind-safe palette, line styles and markers, readable fonts.

Every series in the course is told apart by colour *and* by line style or marker, so a
figure still reads in greyscale or for a colour-blind learner. Figures are built with
:class:`matplotlib.figure.Figure` directly (not ``pyplot``), so the inline backend never
shows them twice and the interactive layer decides when to show them.
"""
from __future__ import annotations

import matplotlib as mpl
from matplotlib.figure import Figure

__all__ = ["PALETTE", "LINESTYLES", "MARKERS", "apply_style", "new_figure", "series_style"]

#: Okabe & Ito (2008) colour-blind-safe palette, black first.
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000")
LINESTYLES = ("-", "--", "-.", ":")
MARKERS = ("o", "s", "^", "D", "v", "P", "X", "*")

RC = {
    "figure.dpi": 100,
    "savefig.dpi": 100,
    "font.size": 11,
    "axes.titlesize": 12,
    "axes.labelsize": 11,
    "legend.fontsize": 10,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.prop_cycle": mpl.cycler(color=PALETTE),
    "lines.linewidth": 2.0,
    "lines.markersize": 6,
}


def apply_style() -> None:
    """Set the course's matplotlib defaults (palette, fonts, grid) for this session."""
    mpl.rcParams.update(RC)


def series_style(i: int) -> dict:
    """Return colour, line style and marker for the ``i``-th series of a figure."""
    if not isinstance(i, int) or i < 0:
        raise ValueError(f"i must be a non-negative int, got {i!r}")
    return {"color": PALETTE[i % len(PALETTE)], "linestyle": LINESTYLES[i % len(LINESTYLES)],
            "marker": MARKERS[i % len(MARKERS)]}


def new_figure(nrows: int = 1, ncols: int = 1, figsize: tuple[float, float] = (7.0, 4.0),
               **subplot_kw) -> tuple[Figure, object]:
    """Create a figure outside ``pyplot`` and its axes.

    Returns
    -------
    fig : Figure
    axes : Axes or ndarray of Axes, as :meth:`Figure.subplots` returns them.
    """
    with mpl.rc_context(RC):
        fig = Figure(figsize=figsize, layout="constrained")
        axes = fig.subplots(nrows, ncols, **subplot_kw)
    return fig, axes
