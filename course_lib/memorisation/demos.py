"""Lesson 07 demo: what n-gram models copy from raw and from deduplicated data.

:class:`MemorisationDemo` shows, for one n-gram order and sampling temperature, the exact
probability that sampling regurgitates each canary against how many times it was planted, and
the share of generated samples that contain a span copied from the training set, against the
span length that counts as a copy. Moving the temperature draws new samples (200 prompts × 50
tokens per corpus, then the verbatim check); the sample count uses the first N of them.
"""
from __future__ import annotations

from typing import Any

import numpy as np

from course_lib.core.controls import FloatSlider, IntSlider
from course_lib.core.demo import Demo
from course_lib.core.messages import figure_message, message
from course_lib.core.style import new_figure, series_style, set_log_y
from course_lib.core.score_tables import table_html
from course_lib.memorisation.experiment import (CORPORA, N_PROMPTS, SPAN, MemorisationFamily, default_family,
                                                mean_by_count)

__all__ = ["MemorisationDemo", "FLOOR", "CEILING_OF_FLOOR", "panel_floor", "corpus_name"]

#: the lowest the left panel's floor line goes: probabilities below the floor (and 0, greedy decoding's miss)
#: are drawn on that labelled line
FLOOR = 1e-25
#: the highest it goes (at T = 0 every probability is 0 or 1)
CEILING_OF_FLOOR = 1e-3
_SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def panel_floor(probabilities) -> float:
    """The left panel's floor: a decade below the smallest positive probability shown, between
    :data:`FLOOR` and :data:`CEILING_OF_FLOOR`, so the axis ends near the data at every order."""
    p = np.asarray(probabilities, dtype=float)
    positive = p[p > 0]
    if positive.size == 0:
        return CEILING_OF_FLOOR
    decade = 10.0 ** (np.floor(np.log10(positive.min())) - 1)
    return float(min(max(decade, FLOOR), CEILING_OF_FLOOR))


def corpus_name(corpus: str, figure: bool = True) -> str:
    """How a learner reads a training set's name ("raw", "deduplicated"), in a figure or not, in the
    course's language; any other name is shown as it is."""
    if corpus not in CORPORA:
        return corpus
    key = f"memorisation.corpus.{corpus}"
    return figure_message(key) if figure else message(key)


def _power_label(value: float) -> str:
    return "10" + str(int(round(np.log10(value)))).translate(_SUPERSCRIPT)


class MemorisationDemo(Demo):
    """Order, temperature, samples: canary regurgitation and verbatim copies, raw vs deduplicated.

    Used in notebook 07 §1.

    Parameters
    ----------
    family : MemorisationFamily, optional
        What the notebook trained (:func:`course_lib.memorisation.experiment.train_family`); by
        default it is trained here (a few seconds).
    """

    caption_key = "memorisation.canaries.caption"

    def __init__(self, family: MemorisationFamily | None = None):
        family = default_family() if family is None else family
        if not isinstance(family, MemorisationFamily):
            raise TypeError(f"family must be a MemorisationFamily, got {type(family).__name__}")
        self.family = family
        orders = family.orders
        if orders != tuple(range(orders[0], orders[-1] + 1)):
            raise ValueError(f"family must hold contiguous orders for the slider, got {orders}")
        self.controls = {
            "order": IntSlider(orders[0], orders[-1], 5 if 5 in orders else orders[-1], 1, label=message("memorisation.canaries.control_order")),
            "temperature": FloatSlider(0.0, 1.5, 1.0, 0.1, label=message("memorisation.canaries.control_temperature")),
            "n_samples": IntSlider(20, N_PROMPTS, N_PROMPTS, 20, label=message("memorisation.canaries.control_samples")),
        }
        self.spans = np.array(sorted({m for _, m in family.indexes}))
        self.ks = np.unique(family.canary_copies)
        jitter = {c: 1 + (0.06 if c == "raw" else -0.06) for c in CORPORA}

        self.fig, (self.ax_k, self.ax_m) = new_figure(1, 2, figsize=(8.4, 3.8),
                                                      margins={"left": 0.09, "wspace": 0.3, "bottom": 0.14,
                                                               "top": 0.84})
        self.points, self.means, self.rates = {}, {}, {}
        for i, corpus in enumerate(CORPORA):
            style = series_style(i)
            self.points[corpus], = self.ax_k.plot(family.canary_copies * jitter[corpus],
                                                  np.full(len(family.canary_copies), FLOOR),
                                                  linestyle="none", marker=style["marker"], markersize=3.5,
                                                  color=style["color"], alpha=0.45)
            self.means[corpus], = self.ax_k.plot(self.ks, np.full(len(self.ks), FLOOR), color=style["color"],
                                                 linestyle=style["linestyle"], marker=style["marker"],
                                                 label=figure_message("memorisation.canaries.legend_mean",
                                                                      corpus=corpus_name(corpus)))
            self.rates[corpus], = self.ax_m.plot(self.spans, np.zeros(len(self.spans)), color=style["color"],
                                                 linestyle=style["linestyle"], marker=style["marker"],
                                                 label=corpus_name(corpus))
        self.ax_k.set_xscale("log", base=2)
        self.ax_k.set_xticks(self.ks)
        self.ax_k.set_xticklabels([str(k) for k in self.ks])
        self.ax_k.minorticks_off()
        self.ax_k.set_xlim(self.ks[0] / 1.4, self.ks[-1] * 1.4)
        self.ax_k.set_ylim(FLOOR / 30, 3)
        self.floor_line = self.ax_k.axhline(FLOOR, color="0.5", linestyle="--", linewidth=0.8)
        self.floor_label = self.ax_k.text(self.ks[0] / 1.35, FLOOR * 3, self._floor_text(FLOOR), fontsize=7,
                                          color="0.35", va="bottom")
        set_log_y(self.ax_k)
        self.ax_k.set_xlabel(figure_message("memorisation.canaries.xlabel"))
        self.ax_k.set_ylabel(figure_message("memorisation.canaries.ylabel"))
        self.ax_k.legend(loc="lower left", bbox_to_anchor=(0.0, 1.01), ncol=2, fontsize=9, frameon=False)
        self.ax_m.axvline(SPAN, color="0.4", linestyle=":", linewidth=1.5)
        self.ax_m.set_xlim(self.spans[0] - 1, self.spans[-1] + 1)
        self.ax_m.set_ylim(-0.03, 1.03)
        self.ax_m.set_xlabel(figure_message("memorisation.canaries.xlabel_span"))
        self.ax_m.set_ylabel(figure_message("memorisation.canaries.ylabel_share"))
        self.ax_m.legend(loc="lower left", bbox_to_anchor=(0.0, 1.01), ncol=2, fontsize=9, frameon=False)
        self.data_artists = [*self.points.values(), *self.means.values(), *self.rates.values()]

    @staticmethod
    def _floor_text(floor: float) -> str:
        return figure_message("memorisation.canaries.floor", power=_power_label(floor))

    def compute(self, order: int, temperature: float, n_samples: int) -> dict[str, Any]:
        state: dict[str, Any] = {"order": order, "temperature": temperature, "n_samples": n_samples,
                                 "ks": self.ks, "spans": self.spans}
        span_index = int(np.flatnonzero(self.spans == SPAN)[0]) if SPAN in self.spans else -1
        for corpus in CORPORA:
            probs = self.family.canary_probabilities(corpus, order, temperature)
            rates = self.family.copy_rates(corpus, order, temperature, n_samples, tuple(self.spans))
            state[corpus] = {"probabilities": probs, "means": mean_by_count(self.family.canary_copies, probs)[1],
                             "rates": rates, "rate_at_span": float(rates[span_index]) if span_index >= 0 else np.nan}
        state["floor"] = panel_floor(np.concatenate([state[c]["probabilities"] for c in CORPORA]))
        return state

    def draw(self, state: dict[str, Any]) -> None:
        floor = state["floor"]
        for corpus in CORPORA:
            s = state[corpus]
            self.points[corpus].set_ydata(np.maximum(s["probabilities"], floor))
            self.means[corpus].set_ydata(np.maximum(s["means"], floor))
            self.rates[corpus].set_ydata(s["rates"])
        self.ax_k.set_ylim(floor / 30, 3)
        self.floor_line.set_ydata([floor, floor])
        self.floor_label.set_y(floor * 3)
        self.floor_label.set_text(self._floor_text(floor))

    def summary_html(self, state: dict[str, Any]) -> str:
        header = ([message("memorisation.canaries.summary_settings", order=state["order"],
                           temperature=state["temperature"])] + [f"k = {k}" for k in state["ks"]]
                  + [message("memorisation.canaries.summary_copies", span=SPAN, n_samples=state["n_samples"])])
        rows = [[corpus_name(corpus, figure=False)] + [f"{p:.2g}" for p in state[corpus]["means"]] + [f"{state[corpus]['rate_at_span']:.0%}"]
                for corpus in CORPORA]
        return table_html(header, rows)
