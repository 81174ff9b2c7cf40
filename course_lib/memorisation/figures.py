"""Lesson 07's static figures: the data-quantity curves (§2) and the three views of §3."""
from __future__ import annotations

import numpy as np

from course_lib.core.style import new_figure, series_style, set_log_x, set_log_y
from course_lib.memorisation.connections import HeldoutCurve
from course_lib.memorisation.quantity import CHANCE, RANK_GROUPS, QuantityCurves

__all__ = ["quantity_figure", "connections_figure"]


def quantity_figure(curves: QuantityCurves):
    """Left: syntax and fact probes against training tokens. Right: fact recall by how famous the person is.

    Used in notebook 07 §2.
    """
    if not isinstance(curves, QuantityCurves):
        raise TypeError(f"curves must be QuantityCurves, got {type(curves).__name__}")
    fig, (ax, ax_r) = new_figure(1, 2, figsize=(8.4, 3.6), margins={"left": 0.08, "wspace": 0.3, "top": 0.84})
    for i, (name, values) in enumerate((("syntax: minimal pairs", curves.syntax), ("facts: town of each person", curves.facts))):
        st = series_style(i)
        ax.plot(curves.sizes, values, color=st["color"], linestyle=st["linestyle"], marker=st["marker"], label=name)
    ax.axhline(CHANCE["syntax"], color=series_style(0)["color"], linestyle=":", linewidth=1,
               label=f"chance, syntax ({CHANCE['syntax']:.0%})")
    ax.axhline(CHANCE["facts"], color=series_style(1)["color"], linestyle=":", linewidth=1,
               label=f"chance, facts ({CHANCE['facts']:.0%})")
    set_log_x(ax)
    ax.set_ylim(-0.02, 1.02)
    ax.set_xlabel("training tokens")
    ax.set_ylabel("probe accuracy")
    ax.legend(loc="lower left", bbox_to_anchor=(0.0, 1.01), ncol=2, fontsize=8, frameon=False)
    for j, (a, b) in enumerate(RANK_GROUPS):
        st = series_style(j + 2)
        ax_r.plot(curves.sizes, curves.fact_by_rank[:, j], color=st["color"], linestyle=st["linestyle"],
                  marker=st["marker"], label=f"mention rank {a + 1}-{b}")
    set_log_x(ax_r)
    ax_r.set_ylim(-0.02, 1.02)
    ax_r.set_xlabel("training tokens")
    ax_r.set_ylabel("fact accuracy")
    ax_r.legend(loc="lower left", bbox_to_anchor=(0.0, 1.01), ncol=2, fontsize=8, frameon=False)
    return fig


def connections_figure(ks, per_token, exact, orders, by_order: dict, k: int, heldout: HeldoutCurve):
    """Three panels: per-token vs exact regurgitation against k; regurgitation against order; held-out loss.

    Used in notebook 07 §3.
    """
    if not isinstance(heldout, HeldoutCurve):
        raise TypeError(f"heldout must be a HeldoutCurve, got {type(heldout).__name__}")
    fig, (a1, a2, a3) = new_figure(1, 3, figsize=(8.4, 3.3),
                                   margins={"left": 0.08, "right": 0.99, "wspace": 0.45, "top": 0.8, "bottom": 0.16})
    s0, s1 = series_style(0), series_style(1)
    a1.plot(ks, per_token, color=s0["color"], marker=s0["marker"], label="per-token probability")
    a1.plot(ks, exact, color=s1["color"], linestyle=s1["linestyle"], marker=s1["marker"], label="exact match (all tokens)")
    a1.set_xscale("log", base=2)
    a1.set_xticks(ks)
    a1.set_xticklabels([str(int(v)) for v in ks])
    a1.minorticks_off()
    a1.set_ylim(-0.02, 1.02)
    a1.set_xlabel("times planted (k)")
    a1.set_ylabel("mean over canaries")
    a1.legend(loc="lower left", bbox_to_anchor=(0.0, 1.01), fontsize=8, frameon=False)
    floor = 1e-30
    for i, (name, values) in enumerate(by_order.items()):
        st = series_style(i)
        a2.plot(orders, np.maximum(values, floor), color=st["color"], linestyle=st["linestyle"],
                marker=st["marker"], label=name)
    set_log_y(a2)
    a2.set_ylim(floor / 30, 3)
    a2.axhline(floor, color="0.5", linestyle="--", linewidth=0.8)
    a2.text(orders[-1], floor * 3, "≤ 10⁻³⁰ drawn here", fontsize=7, color="0.35", va="bottom", ha="right")
    a2.set_xticks(orders)
    a2.set_xlabel("n-gram order (model 'size')")
    a2.set_ylabel(f"P(regurgitate), k = {k}")
    a2.legend(loc="lower left", bbox_to_anchor=(0.0, 1.01), fontsize=8, frameon=False, ncol=1)
    for i, (name, values) in enumerate(heldout.bits.items()):
        st = series_style(i)
        a3.plot(heldout.sizes, values, color=st["color"], linestyle=st["linestyle"], marker=st["marker"],
                label=f"trained on {name}")
    set_log_x(a3)
    a3.set_xlabel("training tokens")
    a3.set_ylabel("held-out bits per token")
    a3.legend(loc="lower left", bbox_to_anchor=(0.0, 1.01), fontsize=8, frameon=False)
    return fig
