"""Static figures of lesson 01: Wei et al.'s emergent scales, and all-steps-right scoring."""
from __future__ import annotations

import numpy as np
from matplotlib.axes import Axes

from course_lib.core.messages import figure_message
from course_lib.papers import wei2022
from course_lib.core.style import series_style, set_log_x
from course_lib.core.validation import check_array, check_count, check_scalar

__all__ = ["plot_emergent_scales", "toy_step_accuracy", "TOY_SIZES", "all_steps_rise", "centred_sizes",
           "plot_all_steps_right"]

#: the toy sizes of lesson 01 §2-§3: the figure draws and the emergence score scores the same 15 points
TOY_SIZES = np.logspace(2, 9, 15)


def plot_emergent_scales(ax: Axes) -> None:
    """Dot plot of Wei et al. (2022) Table 1: the training FLOPs at which each ability emerged.

    All 22 named rows; the row "Many BIG-Bench tasks", which has no single scale, is left out.

    Used in notebook 01 §1.
    """
    rows = wei2022.table_1_rows()
    kinds = {"few-shot": (0, figure_message("emergence.table_1.legend_few_shot")),
             "augmented": (1, figure_message("emergence.table_1.legend_augmented"))}
    y = np.arange(len(rows))[::-1]
    for kind, (i, label) in kinds.items():
        sel = [j for j, r in enumerate(rows) if r.kind == kind]
        st = series_style(i)
        ax.plot([rows[j].train_flops for j in sel], y[sel], linestyle="none", marker=st["marker"],
                color=st["color"], markersize=8, label=label)
    for yy, r in zip(y, rows):
        params = f"{r.params / 1e9:g}B" if r.params >= 1e9 else f"{r.params / 1e6:g}M"
        ax.annotate(f"{r.model}, {params}", (r.train_flops, yy), xytext=(7, -4),
                    textcoords="offset points", fontsize=8, color="0.3")
    ax.set_yticks(y, [r.ability for r in rows], fontsize=8.5)
    set_log_x(ax)
    ax.set_xlim(3e19, 3e25)
    ax.set_xlabel(figure_message("emergence.table_1.xlabel"))
    ax.set_title(figure_message("emergence.table_1.title", count=len(rows)), fontsize=11)
    ax.legend(loc="lower left", fontsize=9)  # the bottom left is empty: late rows have large FLOPs
    ax.grid(axis="y", alpha=0.15)


def toy_step_accuracy(n_params: np.ndarray, midpoint_log10: float = 5.0, width_decades: float = 1.0) -> np.ndarray:
    """A toy per-step accuracy that rises smoothly in log(size) from 0 to 1 (a model, not data).

    Used in notebook 01 §3.
    """
    n = check_array("n_params", n_params, dtype=float, minimum=0, include_minimum=False, scalar=True)
    return 1.0 / (1.0 + np.exp(-(np.log10(n) - midpoint_log10) / width_decades))


def all_steps_rise(n_steps: int, low: float = 0.1, high: float = 0.9, midpoint_log10: float = 5.0,
                   width_decades: float = 1.0) -> tuple[float, float]:
    """Where the toy's all-steps curve ``p(size) ** n_steps`` reaches ``low`` and ``high``: log10 sizes.

    For the logistic toy, ``p ** k = q`` where ``p = q ** (1/k)``, i.e. at
    ``log10(size) = midpoint + width * logit(q ** (1/k))``. The rise ``high - low`` (in decades)
    is 2 ln 9 = 4.39 for one step and shrinks towards ln(ln 10 / -ln 0.9) = 3.08 as k grows:
    more steps move the curve right (by about log k decades) but barely sharpen it.

    Used in notebook 01 §2 and its theory corner.
    """
    n_steps = check_count("n_steps", n_steps)
    low = check_scalar("low", low, minimum=0, maximum=1, include_minimum=False, include_maximum=False)
    high = check_scalar("high", high, minimum=low, maximum=1, include_minimum=False, include_maximum=False)
    midpoint_log10 = check_scalar("midpoint_log10", midpoint_log10)
    width_decades = check_scalar("width_decades", width_decades, minimum=0, include_minimum=False)

    def at(q: float) -> float:
        p = q ** (1.0 / n_steps)
        return midpoint_log10 + width_decades * float(np.log(p / (1.0 - p)))

    return at(low), at(high)


def centred_sizes(n_steps: int, sizes=TOY_SIZES) -> np.ndarray:
    """``sizes`` moved along the log axis so that their middle sits at the middle of the k-step rise.

    The same number of points over the same number of decades, centred (in log10 size) halfway
    between where the toy's ``p ** n_steps`` reaches 10% and 90% (:func:`all_steps_rise`). Scoring
    a curve on these sizes separates its shape from where a fixed grid happens to sample it.

    Used in notebook 01 §3.
    """
    low, high = all_steps_rise(n_steps)
    logs = np.log10(check_array("sizes", sizes, ndim=1, dtype=float, minimum=0, include_minimum=False, min_size=2))
    return 10.0 ** (logs - (logs.min() + logs.max()) / 2 + (low + high) / 2)


def plot_all_steps_right(ax: Axes, steps: tuple[int, ...] = (1, 4, 10), sizes=TOY_SIZES) -> None:
    """Toy curves: the chance that all k independent steps are right, p(size)^k, for several k.

    Drawn at ``sizes`` (default :data:`TOY_SIZES`, the points §3 scores), one marker per size.

    Used in notebook 01 §2.
    """
    if not steps:
        raise ValueError("steps must name at least one number of steps")
    steps = tuple(check_count(f"steps[{i}]", k) for i, k in enumerate(steps))
    sizes = check_array("sizes", sizes, ndim=1, dtype=float, minimum=0, include_minimum=False, min_size=2)
    p = toy_step_accuracy(sizes)
    for i, k in enumerate(steps):
        label = (figure_message("emergence.all_steps.legend_one") if k == 1
                 else figure_message("emergence.all_steps.legend_all", steps=k))
        ax.plot(sizes, p ** k, label=label, **series_style(i))
    set_log_x(ax)
    ax.set_xlabel(figure_message("emergence.all_steps.xlabel"))
    ax.set_ylabel(figure_message("emergence.all_steps.ylabel"))
    ax.set_title(figure_message("emergence.all_steps.title"))
    ax.legend(loc="upper left", fontsize=9)
    ax.set_ylim(-0.03, 1.03)
