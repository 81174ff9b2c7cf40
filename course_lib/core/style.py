"""Plot style: a colour-blind-safe palette, line styles and markers, readable fonts.

Every series in the course is told apart by colour *and* by line style or marker, so a
figure still reads in greyscale or for a colour-blind learner. Figures are built with
:class:`CourseFigure`, a :class:`matplotlib.figure.Figure` made outside ``pyplot`` (so the
inline backend never shows it twice and the interactive layer decides when to show it) that
shows itself as a PNG wherever it is displayed: JupyterLab, the classic Notebook, Colab and
nbconvert alike, with or without ``pyplot`` imported.

Interactive figures are redrawn on every slider move, so they keep fixed margins (an
automatic layout engine doubled the cost of a redraw) and log axes without minor ticks
(each minor tick is an artist to draw) whose labels are plain text such as "10⁴" (typeset
math labels took a third of a redraw).
"""
from __future__ import annotations

import io
import math

import matplotlib as mpl
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, NullLocator

from course_lib.core.validation import check_count

__all__ = ["PALETTE", "LINESTYLES", "MARKERS", "CourseFigure", "apply_style", "new_figure", "render_png",
           "series_style", "set_log_x", "set_log_y"]

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
    i = check_count("i", i, minimum=0)
    return {"color": PALETTE[i % len(PALETTE)], "linestyle": LINESTYLES[i % len(LINESTYLES)],
            "marker": MARKERS[i % len(MARKERS)]}


MARGINS = {"left": 0.09, "right": 0.98, "bottom": 0.14, "top": 0.9, "wspace": 0.28, "hspace": 0.4}


def render_png(fig: Figure) -> bytes:
    """Render ``fig`` to PNG bytes at its own size and dpi."""
    if not isinstance(fig, Figure):
        raise TypeError(f"fig must be a matplotlib Figure, got {type(fig).__name__}")
    buf = io.BytesIO()
    if isinstance(fig.canvas, FigureCanvasAgg):
        fig.canvas.print_png(buf)  # skips savefig's extra bookkeeping
    else:
        fig.savefig(buf, format="png")
    return buf.getvalue()


class CourseFigure(Figure):
    """A Figure that displays as a PNG image (``display(fig)`` or a cell's last expression)."""

    def _repr_png_(self) -> bytes:
        return render_png(self)


def new_figure(nrows: int = 1, ncols: int = 1, figsize: tuple[float, float] = (7.0, 4.0),
               margins: dict | None = None, **subplot_kw) -> tuple[Figure, object]:
    """Create a figure outside ``pyplot``, with an Agg canvas and fixed margins, and its axes.

    Used in notebook 01 §1-§2.

    Parameters
    ----------
    nrows, ncols : int
        Grid of axes.
    figsize : (width, height) in inches
    margins : dict, optional
        Overrides of :data:`MARGINS` (fractions of the figure, as ``subplots_adjust`` takes).
    **subplot_kw
        Passed to :meth:`Figure.subplots` (``sharey=True``, say).

    Returns
    -------
    fig : CourseFigure
    axes : Axes or ndarray of Axes, as :meth:`Figure.subplots` returns them.
    """
    check_count("nrows", nrows), check_count("ncols", ncols)
    unknown = set(margins or {}) - set(MARGINS)
    if unknown:
        raise ValueError(f"margins may only set {sorted(MARGINS)}, got {sorted(unknown)}")
    with mpl.rc_context(RC):
        fig = CourseFigure(figsize=figsize)
        FigureCanvasAgg(fig)
        axes = fig.subplots(nrows, ncols, **subplot_kw)
    fig.subplots_adjust(**{**MARGINS, **(margins or {})})
    return fig, axes


_SUPERSCRIPTS = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def _power_of_ten_label(value: float, position: int) -> str:
    """ "10⁴" for 1e4, "1" for 1e0 and nothing between powers of ten, in plain text."""
    if value <= 0:
        return ""
    exponent = math.log10(value)
    if abs(exponent - round(exponent)) > 1e-9:
        return ""
    return "1" if round(exponent) == 0 else "10" + str(round(exponent)).translate(_SUPERSCRIPTS)


LOG_FORMATTER = FuncFormatter(_power_of_ten_label)


def _make_log(axis) -> None:
    axis.set_minor_locator(NullLocator())
    axis.set_major_formatter(LOG_FORMATTER)


def set_log_x(ax) -> None:
    """Put ``ax`` on a log x-axis: no minor ticks, plain-text labels (cheap to redraw)."""
    ax.set_xscale("log")
    _make_log(ax.xaxis)


def set_log_y(ax, nonpositive: str = "mask") -> None:
    """Put ``ax`` on a log y-axis like :func:`set_log_x`; values <= 0 are left out by default."""
    ax.set_yscale("log", nonpositive=nonpositive)
    _make_log(ax.yaxis)
