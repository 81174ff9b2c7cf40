"""Lesson 02 demos on real images: emergence induced by the metric on digit model families.

- :class:`SubsetAccuracyDemo`: per-example accuracy (smooth) vs "all K of K correct" (sharp).
- :class:`ReconstructionDemo`: mean reconstruction error (smooth) vs Reconstruction_c (sharp).

(:class:`course_lib.mirage.multiple_choice_demo.MultipleChoiceDemo` scores the same kind of family by
multiple-choice grade and Brier score.)

Each demo takes its model families as constructor arguments (a notebook can pass a family it
trained live; tests pass tiny ones) and otherwise trains or loads the course's defaults.
Every update works on precomputed per-example results.
"""
from __future__ import annotations

from typing import Any

import numpy as np

from course_lib.core.controls import Choice, FloatSlider, IntSlider
from course_lib.core.demo import Demo
from course_lib.core.messages import figure_message, message
from course_lib.mirage.autoencoders import (AutoencoderFamily, load_nonlinear_autoencoder_family,
                                            pca_family)
from course_lib.mirage.classifiers import (N_CLASSES, ClassifierFamily, load_mlp_family,
                                           random_feature_family)
from course_lib.core.score_tables import emergence_table_html
from course_lib.metrics import emergence_scores
from course_lib.model_sizes import sparse_grid
from course_lib.mirage.wording import relabel
from course_lib.core.style import new_figure, series_style, set_log_x

__all__ = ["SubsetAccuracyDemo", "ReconstructionDemo", "SPARSE_COUNT"]


#: widths in the "sparse" grid of the digit demos: with three points the emergence score of any
#: monotone curve is (a + b) / sqrt((a² + b²) / 2), between √2 and 2, so it cannot judge 3 sizes
SPARSE_COUNT = 4
#: the width grids offered (the values ``update`` takes; the buttons' texts come from the catalogue)
GRIDS = ("dense", "sparse")
#: the families each demo offers, and the catalogue key of each one's name
CLASSIFIER_FAMILIES = {"random features": "mirage.digits.family_random_features",
                       "trained MLP": "mirage.digits.family_trained_mlp"}
AUTOENCODER_FAMILIES = {"PCA": "mirage.digits.family_pca", "nonlinear AE": "mirage.digits.family_nonlinear"}


def grid_choice() -> Choice:
    """The dense/sparse toggle of the digit demos, its texts in the course's language."""
    return Choice(GRIDS, "dense", label=message("mirage.digits.control_grid"),
                  labels=tuple(message(f"mirage.digits.grid_{g}") for g in GRIDS))


def grid_curve_name(grid: str, count: int) -> str:
    """How the summary table names the curve of one grid: "dense grid (17 widths)"."""
    return message("mirage.digits.grid_curve", grid=message(f"mirage.digits.grid_{grid}"), count=count)


def _default_live_family() -> ClassifierFamily:
    """The random-feature family with the course's settings (trained once per session)."""
    return random_feature_family(show_progress=False)


def check_family(name: str, family, kind: type) -> None:
    """Raise TypeError naming ``name`` unless ``family`` is a ``kind``."""
    if not isinstance(family, kind):
        raise TypeError(f"{name} must be a {kind.__name__}, got {type(family).__name__}")


def set_log_xlim(ax, x: np.ndarray) -> None:
    """Fit a log x-axis to the sizes ``x`` with a margin."""
    ax.set_xlim(x.min() / 1.5, x.max() * 1.5)


class SubsetAccuracyDemo(Demo):
    """Per-example accuracy vs subset accuracy ("all K of K correct") over a classifier family.

    Used in notebook 02 §4a.

    Parameters
    ----------
    live_family : ClassifierFamily, optional
        Shown as "random features"; when omitted, the default family is trained (about a
        second, once per session).
    trained_family : ClassifierFamily, optional
        Shown as "trained MLP"; loaded from the course cache when omitted.
    """

    caption_key = "mirage.subset.caption"

    def __init__(self, live_family: ClassifierFamily | None = None,
                 trained_family: ClassifierFamily | None = None):
        self.controls = {
            "k": IntSlider(1, 30, 5, label=message("mirage.subset.control_k")),
            "family": Choice(tuple(CLASSIFIER_FAMILIES), "random features", label=message("mirage.digits.control_family"),
                             labels=tuple(message(key) for key in CLASSIFIER_FAMILIES.values())),
            "grid": grid_choice(),
        }
        live = _default_live_family() if live_family is None else live_family
        trained = load_mlp_family() if trained_family is None else trained_family
        check_family("live_family", live, ClassifierFamily)
        check_family("trained_family", trained, ClassifierFamily)
        self.families = {"random features": live, "trained MLP": trained}
        self.fig, (self.ax_acc, self.ax_subset) = new_figure(1, 2, figsize=(8.4, 3.6))
        self.line_acc, = self.ax_acc.plot([], [], **series_style(0))
        self.line_subset, = self.ax_subset.plot([], [], **series_style(1))
        self.ax_acc.axhline(1 / N_CLASSES, color="0.5", linestyle=":", linewidth=1, label=figure_message("mirage.subset.legend_chance"))
        self.ax_acc.legend(loc="upper left")
        for ax in (self.ax_acc, self.ax_subset):
            set_log_x(ax)
            ax.set_xlabel(figure_message("mirage.digits.xlabel_parameters"))
            ax.set_ylim(-0.03, 1.03)
        self.ax_acc.set_title(figure_message("mirage.subset.title_accuracy"))
        self.ax_acc.set_ylabel(figure_message("mirage.subset.ylabel_accuracy"))
        self.ax_subset.set_ylabel(figure_message("mirage.subset.ylabel_subset"))
        self.data_artists = [self.line_acc, self.line_subset, self.ax_subset.title]

    def compute(self, k: int, family: str, grid: str) -> dict[str, Any]:
        full = self.families[family]
        grids = {"dense": full, "sparse": full.select(sparse_grid(full.widths, SPARSE_COUNT))}
        curves = {}
        for name, fam in grids.items():
            curves[f"{name} grid ({len(fam.widths)} widths)"] = (fam.n_params, {
                "accuracy": fam.accuracy().mean(axis=0),
                f"all {k} of {k} correct": fam.subset_accuracy(k).mean(axis=0)})
        shown = next(c for c in curves if c.startswith(grid))
        x, values = curves[shown]
        return {"k": k, "family": family, "grid": grid, "n_params": x,
                "accuracy": values["accuracy"], "subset_accuracy": values[f"all {k} of {k} correct"],
                "all_n_params": full.n_params, "scores": emergence_scores(curves), "shown": shown,
                "curve_grids": {name: (g, len(fam.widths)) for (g, fam), name in zip(grids.items(), curves)}}

    def draw(self, state: dict[str, Any]) -> None:
        self.line_acc.set_data(state["n_params"], state["accuracy"])
        self.line_subset.set_data(state["n_params"], state["subset_accuracy"])
        for ax in (self.ax_acc, self.ax_subset):
            set_log_xlim(ax, state["all_n_params"])
        k = state["k"]
        self.ax_subset.set_title(figure_message("mirage.subset.title_subset", k=k))

    def summary_html(self, state: dict[str, Any]) -> str:
        k = state["k"]
        names = {name: grid_curve_name(grid, count) for name, (grid, count) in state["curve_grids"].items()}
        metrics = {"accuracy": message("mirage.subset.metric_accuracy"),
                   f"all {k} of {k} correct": message("mirage.subset.metric_subset", k=k)}
        return emergence_table_html(relabel(state["scores"], names, metrics), note=message(
            "mirage.subset.summary_note", family=message(CLASSIFIER_FAMILIES[state["family"]]),
            shown=names[state["shown"]]))


class ReconstructionDemo(Demo):
    """Mean reconstruction error vs Reconstruction_c (share of images with error below c).

    Used in notebook 02 §4b.

    Parameters
    ----------
    pca : AutoencoderFamily, optional
        Shown as "PCA"; fitted now (a few ms) when omitted.
    nonlinear : AutoencoderFamily, optional
        Shown as "nonlinear AE"; loaded from the course cache when omitted.
    """

    caption_key = "mirage.reconstruction.caption"

    def __init__(self, pca: AutoencoderFamily | None = None, nonlinear: AutoencoderFamily | None = None):
        self.controls = {
            "c": FloatSlider(0.005, 0.04, 0.015, 0.001, label=message("mirage.reconstruction.control_c"),
                             readout_format=".3f"),
            "family": Choice(tuple(AUTOENCODER_FAMILIES), "PCA", label=message("mirage.digits.control_family"),
                             labels=tuple(message(key) for key in AUTOENCODER_FAMILIES.values())),
        }
        pca = pca_family() if pca is None else pca
        nonlinear = load_nonlinear_autoencoder_family() if nonlinear is None else nonlinear
        check_family("pca", pca, AutoencoderFamily)
        check_family("nonlinear", nonlinear, AutoencoderFamily)
        self.families = {"PCA": pca, "nonlinear AE": nonlinear}
        self.fig, (self.ax_mse, self.ax_rate) = new_figure(1, 2, figsize=(8.4, 3.6))
        self.line_mse, = self.ax_mse.plot([], [], **series_style(0))
        self.line_c = self.ax_mse.axhline(np.nan, color="0.3", linestyle="--", linewidth=1.2, label="c")
        self.line_rate, = self.ax_rate.plot([], [], **series_style(1))
        self.ax_mse.legend(loc="upper right")
        sizes = np.concatenate([f.bottlenecks for f in self.families.values()])
        ticks = 2 ** np.arange(int(np.log2(sizes.max())) + 1)  # 1, 2, 4, ... up to the largest k
        for ax in (self.ax_mse, self.ax_rate):
            set_log_x(ax)
            ax.set_xticks(ticks, [str(t) for t in ticks])
            ax.set_xlabel(figure_message("mirage.reconstruction.xlabel"))
        self.ax_mse.set_title(figure_message("mirage.reconstruction.title_error"))
        self.ax_mse.set_ylabel(figure_message("mirage.reconstruction.ylabel_error"))
        self.ax_rate.set_ylabel(figure_message("mirage.reconstruction.ylabel_rate"))
        self.ax_rate.set_ylim(-0.03, 1.03)
        top = max(max(f.mean_error().max() for f in self.families.values()), self.controls["c"].max)
        self.ax_mse.set_ylim(0, 1.08 * top)
        self.data_artists = [self.line_mse, self.line_c, self.line_rate, self.ax_rate.title]

    def compute(self, c: float, family: str) -> dict[str, Any]:
        curves = {name: (fam.bottlenecks, {"mean error (negated)": -fam.mean_error(),
                                           f"Reconstruction_c, c={c:.3f}": fam.reconstruction_rate(c)})
                  for name, fam in self.families.items()}
        fam = self.families[family]
        return {"c": c, "family": family, "bottlenecks": fam.bottlenecks,
                "mean_error": fam.mean_error(), "rate": fam.reconstruction_rate(c),
                "scores": emergence_scores(curves)}

    def draw(self, state: dict[str, Any]) -> None:
        k = state["bottlenecks"]
        self.line_mse.set_data(k, state["mean_error"])
        self.line_c.set_ydata([state["c"], state["c"]])
        self.line_rate.set_data(k, state["rate"])
        for ax in (self.ax_mse, self.ax_rate):
            set_log_xlim(ax, k)
        self.ax_rate.set_title(figure_message("mirage.reconstruction.title_rate", c=state["c"]))

    def summary_html(self, state: dict[str, Any]) -> str:
        names = {name: message(key) for name, key in AUTOENCODER_FAMILIES.items()}
        metrics = {"mean error (negated)": message("mirage.reconstruction.metric_error"),
                   f"Reconstruction_c, c={state['c']:.3f}": message("mirage.reconstruction.metric_rate", c=state["c"])}
        return emergence_table_html(relabel(state["scores"], names, metrics), note=message(
            "mirage.reconstruction.summary_note", family=names[state["family"]]))
