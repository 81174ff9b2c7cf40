"""Lesson 07's static figures: the data-quantity curves (§2) and the three views of §3."""
from __future__ import annotations

import numpy as np

from course_lib.core.messages import figure_message
from course_lib.core.style import new_figure, series_style, set_log_x, set_log_y
from course_lib.memorisation.connections import HeldoutCurve
from course_lib.memorisation.demos import corpus_name
from course_lib.memorisation.quantity import CHANCE, RANK_GROUPS, QuantityCurves

__all__ = ["quantity_figure", "connections_figure"]


def quantity_figure(curves: QuantityCurves):
    """Left: syntax and fact probes against training tokens. Right: fact recall by how famous the person is.

    Used in notebook 07 §2.
    """
    if not isinstance(curves, QuantityCurves):
        raise TypeError(f"curves must be QuantityCurves, got {type(curves).__name__}")
    fig, (ax, ax_r) = new_figure(1, 2, figsize=(8.4, 3.6), margins={"left": 0.08, "wspace": 0.3, "top": 0.84})
    probes = ((figure_message("memorisation.quantity.legend_syntax"), curves.syntax),
              (figure_message("memorisation.quantity.legend_facts"), curves.facts))
    for i, (name, values) in enumerate(probes):
        st = series_style(i)
        ax.plot(curves.sizes, values, color=st["color"], linestyle=st["linestyle"], marker=st["marker"], label=name)
    ax.axhline(CHANCE["syntax"], color=series_style(0)["color"], linestyle=":", linewidth=1,
               label=figure_message("memorisation.quantity.legend_chance_syntax", chance=CHANCE["syntax"]))
    ax.axhline(CHANCE["facts"], color=series_style(1)["color"], linestyle=":", linewidth=1,
               label=figure_message("memorisation.quantity.legend_chance_facts", chance=CHANCE["facts"]))
    set_log_x(ax)
    ax.set_ylim(-0.02, 1.02)
    ax.set_xlabel(figure_message("memorisation.figures.training_tokens"))
    ax.set_ylabel(figure_message("memorisation.quantity.ylabel_probes"))
    ax.legend(loc="lower left", bbox_to_anchor=(0.0, 1.01), ncol=2, fontsize=8, frameon=False)
    for j, (a, b) in enumerate(RANK_GROUPS):
        st = series_style(j + 2)
        ax_r.plot(curves.sizes, curves.fact_by_rank[:, j], color=st["color"], linestyle=st["linestyle"],
                  marker=st["marker"], label=figure_message("memorisation.quantity.legend_rank", first=a + 1, last=b))
    set_log_x(ax_r)
    ax_r.set_ylim(-0.02, 1.02)
    ax_r.set_xlabel(figure_message("memorisation.figures.training_tokens"))
    ax_r.set_ylabel(figure_message("memorisation.quantity.ylabel_facts"))
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
    a1.plot(ks, per_token, color=s0["color"], marker=s0["marker"], label=figure_message("memorisation.connections.legend_per_token"))
    a1.plot(ks, exact, color=s1["color"], linestyle=s1["linestyle"], marker=s1["marker"], label=figure_message("memorisation.connections.legend_exact"))
    a1.set_xscale("log", base=2)
    a1.set_xticks(ks)
    a1.set_xticklabels([str(int(v)) for v in ks])
    a1.minorticks_off()
    a1.set_ylim(-0.02, 1.02)
    a1.set_xlabel(figure_message("memorisation.connections.xlabel_k"))
    a1.set_ylabel(figure_message("memorisation.connections.ylabel_mean"))
    a1.legend(loc="lower left", bbox_to_anchor=(0.0, 1.01), fontsize=8, frameon=False)
    floor = 1e-30
    for i, (name, values) in enumerate(by_order.items()):
        st = series_style(i)
        a2.plot(orders, np.maximum(values, floor), color=st["color"], linestyle=st["linestyle"],
                marker=st["marker"], label=corpus_name(name))
    set_log_y(a2)
    a2.set_ylim(floor / 30, 3)
    a2.axhline(floor, color="0.5", linestyle="--", linewidth=0.8)
    a2.text(orders[-1], floor * 3, figure_message("memorisation.connections.floor", power="10⁻³⁰"), fontsize=7, color="0.35", va="bottom", ha="right")
    a2.set_xticks(orders)
    a2.set_xlabel(figure_message("memorisation.connections.xlabel_order"))
    a2.set_ylabel(figure_message("memorisation.connections.ylabel_order", k=k))
    a2.legend(loc="lower left", bbox_to_anchor=(0.0, 1.01), fontsize=8, frameon=False, ncol=1)
    for i, (name, values) in enumerate(heldout.bits.items()):
        st = series_style(i)
        a3.plot(heldout.sizes, values, color=st["color"], linestyle=st["linestyle"], marker=st["marker"],
                label=figure_message("memorisation.connections.legend_trained_on", corpus=corpus_name(name)))
    set_log_x(a3)
    a3.set_xlabel(figure_message("memorisation.figures.training_tokens"))
    a3.set_ylabel(figure_message("memorisation.connections.ylabel_bits"))
    a3.legend(loc="lower left", bbox_to_anchor=(0.0, 1.01), fontsize=8, frameon=False)
    return fig
