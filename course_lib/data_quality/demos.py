"""Lesson 06 demo: LSH banding, bands × rows, against exact Jaccard.

:class:`BandingDemo` shows, for one split of the MinHash signature into bands of rows, the
S-curve 1 − (1 − s^r)^b (the chance that a pair of similarity s becomes a candidate), the
measured share of pairs that did, binned by their exact Jaccard similarity, and precision and
recall against the pairs whose exact similarity is at least a target.
"""
from __future__ import annotations

from typing import Any

import numpy as np
from matplotlib.collections import LineCollection

from course_lib import dedup
from course_lib.core.controls import Choice, FloatSlider
from course_lib.core.demo import Demo
from course_lib.core.messages import figure_message, message
from course_lib.core.style import new_figure, series_style
from course_lib.core.score_tables import table_html
from course_lib.data_quality.experiment import default_study
from course_lib.data_quality.near_dup import BIN_EDGES, SPLITS, BandingStudy, wilson_interval

__all__ = ["BandingDemo", "split_label", "split_text"]

_TARGETS = np.round(np.arange(0.30, 0.951, 0.05), 2)


def split_label(bands: int, rows: int) -> str:
    """ "16 bands × 8 rows" (or "1 band", "1 row")."""
    return f"{bands} band{'s' * (bands != 1)} × {rows} row{'s' * (rows != 1)}"


def split_text(bands: int, rows: int) -> str:
    """The split as the learner reads it, in the course's language ("16 bands × 8 rows", "16 个条带 × 8 行").

    :func:`split_label` is the value the demo's control takes; this is the text it shows.
    """
    band_text = (message("data_quality.banding.bands_one", count=bands) if bands == 1
                 else message("data_quality.banding.bands_many", count=bands))
    row_text = (message("data_quality.banding.rows_one", count=rows) if rows == 1
                else message("data_quality.banding.rows_many", count=rows))
    return message("data_quality.banding.split", bands=band_text, rows=row_text)


class BandingDemo(Demo):
    """Bands × rows: the S-curve, the measured candidate rate, precision and recall.

    Used in notebook 06 §2.

    Parameters
    ----------
    study : BandingStudy, optional
        What the notebook computed (:func:`course_lib.data_quality.near_dup.banding_study`); by
        default the lesson's corpus is built and studied here (a few seconds).
    """

    caption_key = "data_quality.banding.caption"

    def __init__(self, study: BandingStudy | None = None):
        if study is None:
            study = default_study()
        if not isinstance(study, BandingStudy):
            raise TypeError(f"study must be a BandingStudy, got {type(study).__name__}")
        self.study = study
        self.splits = [s for s in SPLITS if s in study.candidates]
        labels = tuple(split_label(b, r) for b, r in self.splits)
        default = split_label(16, 8) if (16, 8) in self.splits else labels[0]
        self.controls = {"split": Choice(labels, default, label=message("data_quality.banding.control_split"),
                                         labels=tuple(split_text(b, r) for b, r in self.splits)),
                         "target": FloatSlider(0.3, 0.95, 0.8, 0.05,
                                               label=message("data_quality.banding.control_target"))}
        self._by_label = dict(zip(labels, self.splits))
        # everything a move shows, precomputed: compute() is a lookup
        self.s = np.linspace(0, 1, 201)
        centres = (BIN_EDGES[:-1] + BIN_EDGES[1:]) / 2
        enough = study.truth.histogram() >= 5
        self.table = {}
        for split in self.splits:
            pr = np.array([study.precision_recall(*split, t) for t in _TARGETS])
            pairs, found = study.counts(*split)
            low, high = wilson_interval(found, pairs)
            self.table[split] = {"curve": dedup.lsh_candidate_probability(self.s, *split),
                                 "rates": np.where(enough, study.rates(*split), np.nan),
                                 "low": np.where(enough, low, np.nan), "high": np.where(enough, high, np.nan),
                                 "pairs": pairs, "found": found,
                                 "precision": pr[:, 1], "recall": pr[:, 2], "candidates": pr[:, 0]}
        self.centres = centres

        self.fig, (self.ax_s, self.ax_pr) = new_figure(1, 2, figsize=(8.4, 3.6),
                                                       margins={"left": 0.08, "wspace": 0.3, "bottom": 0.15,
                                                                "top": 0.82})
        style0, style1, style2 = series_style(0), series_style(1), series_style(2)
        self.curve, = self.ax_s.plot([], [], color=style0["color"], label=figure_message("data_quality.banding.legend_curve"))
        self.rates, = self.ax_s.plot([], [], color=style1["color"], marker=style1["marker"], linestyle="none",
                                     label=figure_message("data_quality.banding.legend_measured"))
        self.intervals = LineCollection([], colors=[style1["color"]], linewidths=1.2)
        self.ax_s.add_collection(self.intervals)
        self.threshold = self.ax_s.axvline(0.5, color="0.4", linestyle=":", linewidth=1.5)
        self.target_s = self.ax_s.axvline(0.8, color=style2["color"], linestyle="--", linewidth=1.5)
        self.ax_s.set_xlim(0, 1)
        self.ax_s.set_ylim(-0.03, 1.03)
        self.ax_s.set_xlabel(figure_message("data_quality.banding.xlabel_similarity"))
        self.ax_s.set_ylabel(figure_message("data_quality.banding.ylabel_candidate"))
        self.ax_s.legend(loc="lower left", bbox_to_anchor=(0.0, 1.01), ncol=2, fontsize=9, frameon=False)
        self.precision, = self.ax_pr.plot(_TARGETS, np.zeros_like(_TARGETS), color=style0["color"],
                                          marker=style0["marker"], markersize=4,
                                          label=figure_message("data_quality.banding.legend_precision"))
        self.recall, = self.ax_pr.plot(_TARGETS, np.zeros_like(_TARGETS), color=style1["color"],
                                       linestyle="--", marker=style1["marker"], markersize=4,
                                       label=figure_message("data_quality.banding.legend_recall"))
        self.target_pr = self.ax_pr.axvline(0.8, color=style2["color"], linestyle="--", linewidth=1.5)
        self.ax_pr.set_xlim(0.28, 0.97)
        self.ax_pr.set_ylim(-0.03, 1.03)
        self.ax_pr.set_xlabel(figure_message("data_quality.banding.xlabel_target"))
        self.ax_pr.set_ylabel(figure_message("data_quality.banding.ylabel_share"))
        self.ax_pr.legend(loc="lower left", bbox_to_anchor=(0.0, 1.01), ncol=2, fontsize=9, frameon=False)
        self.data_artists = [self.curve, self.rates, self.intervals, self.threshold, self.target_s,
                             self.precision, self.recall, self.target_pr]

    def compute(self, split: str, target: float) -> dict[str, Any]:
        bands, rows = self._by_label[split]
        row = self.table[bands, rows]
        k = int(np.argmin(np.abs(_TARGETS - target)))
        return {"bands": bands, "rows": rows, "target": float(_TARGETS[k]),
                "threshold": dedup.lsh_threshold(bands, rows), "curve": row["curve"], "rates": row["rates"],
                "low": row["low"], "high": row["high"],
                "precision_curve": row["precision"], "recall_curve": row["recall"],
                "candidates": int(row["candidates"][k]), "precision": float(row["precision"][k]),
                "recall": float(row["recall"][k]),
                "true_pairs": self.study.truth.count_at_least(float(_TARGETS[k]))}

    def draw(self, state: dict[str, Any]) -> None:
        self.curve.set_data(self.s, state["curve"])
        self.rates.set_data(self.centres, state["rates"])
        ok = np.isfinite(state["low"])
        self.intervals.set_segments([[(x, lo), (x, hi)] for x, lo, hi in
                                     zip(self.centres[ok], state["low"][ok], state["high"][ok])])
        t = state["threshold"]
        self.threshold.set_xdata([t, t])
        for line in (self.target_s, self.target_pr):
            line.set_xdata([state["target"]] * 2)
        self.precision.set_ydata(np.nan_to_num(state["precision_curve"], nan=-1.0))
        self.recall.set_ydata(np.nan_to_num(state["recall_curve"], nan=-1.0))

    def summary_html(self, state: dict[str, Any]) -> str:
        def pct(x):
            return "—" if np.isnan(x) else f"{100 * x:.0f}%"
        headers = [message("data_quality.banding.header_split"), message("data_quality.banding.header_threshold"),
                   message("data_quality.banding.header_candidates"),
                   message("data_quality.banding.header_true_pairs"),
                   message("data_quality.banding.header_precision"), message("data_quality.banding.header_recall")]
        return table_html(headers,
                          [[split_text(state["bands"], state["rows"]), f"{state['threshold']:.2f}",
                            f"{state['candidates']:,}", f"{state['true_pairs']:,}", pct(state["precision"]),
                            pct(state["recall"])]])
