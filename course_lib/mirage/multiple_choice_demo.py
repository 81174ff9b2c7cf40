"""Lesson 02 demo: multiple-choice grade vs Brier score vs log-probabilities on one family.

Schaeffer et al. (2023, Fig. 6) found that emergence under BIG-bench's Multiple Choice Grade
(1 if the most probable option is right, else 0) disappears under the Brier score of the same
outputs. :class:`MultipleChoiceDemo` shows this on digit classifiers: each test image is a
question whose options are the digit classes. As the models grow, the mean log-probability
of the correct option rises while the best wrong option's falls; the grade flips for an image
once the gap between them turns positive.
"""
from __future__ import annotations

import math
from typing import Any

import numpy as np

from course_lib.core.controls import IntSlider
from course_lib.core.demo import Demo
from course_lib.core.messages import figure_message, message
from course_lib.mirage.classifiers import N_CLASSES, ClassifierFamily, load_mlp_family
from course_lib.mirage.digits_demos import check_family, grid_choice, grid_curve_name, set_log_xlim
from course_lib.metrics import brier_score, multiple_choice_grade
from course_lib.core.score_tables import emergence_table_html
from course_lib.metrics import emergence_scores
from course_lib.model_sizes import sparse_grid
from course_lib.mirage.wording import relabel
from course_lib.mirage.digits_demos import SPARSE_COUNT
from course_lib.core.style import new_figure, series_style, set_log_x
from course_lib.core.validation import check_array, check_count

__all__ = ["MultipleChoiceDemo", "keep_options", "score_multiple_choice"]


class MultipleChoiceDemo(Demo):
    """Multiple-choice grade and Brier score, and log-probabilities, on one family's class outputs.

    Used in notebook 02 §5.

    Each test image is a 10-option question (the digit classes). With fewer options kept, each
    image keeps its correct class and the first wrong classes of a fixed random order (drawn
    once from ``option_seed``), and the probabilities are renormalised over the kept options.
    Every metric of every model is computed once here, for every number of options.

    Parameters
    ----------
    family : ClassifierFamily, optional
        Needs ``log_probs``; the cached trained-MLP family when omitted.
    option_seed : int
        Seed of the per-image order in which wrong options are kept.
    """

    caption_key = "mirage.choice.caption"

    def __init__(self, family: ClassifierFamily | None = None, option_seed: int = 0):
        self.controls = {
            "n_options": IntSlider(2, N_CLASSES, N_CLASSES, label=message("mirage.choice.control_options")),
            "grid": grid_choice(),
        }
        family = load_mlp_family() if family is None else family
        check_family("family", family, ClassifierFamily)
        if family.log_probs is None:
            raise ValueError("family must have log_probs (class outputs), e.g. the trained MLP family")
        option_seed = check_count("option_seed", option_seed, minimum=0)
        self.family = family
        spec = self.controls["n_options"]
        self.curves = {m: score_multiple_choice(family.log_probs, family.labels,
                                                keep_options(family.labels, m, seed=option_seed))
                       for m in range(spec.min, spec.max + 1)}
        self._build_figure()

    def _build_figure(self) -> None:
        self.fig, (self.ax_scores, self.ax_lp) = new_figure(1, 2, figsize=(8.4, 3.6))
        self.line_grade, = self.ax_scores.plot([], [], label=figure_message("mirage.choice.legend_grade"),
                                               **series_style(0))
        self.line_brier, = self.ax_scores.plot([], [], label=figure_message("mirage.choice.legend_brier"),
                                               **series_style(1))
        guess = {"linestyle": ":", "linewidth": 1}
        self.line_grade_chance = self.ax_scores.axhline(np.nan, color=series_style(0)["color"], **guess)
        self.line_brier_chance = self.ax_scores.axhline(np.nan, color=series_style(1)["color"], **guess)
        self.line_lp_correct, = self.ax_lp.plot([], [], label=figure_message("mirage.choice.legend_correct"), **series_style(2))
        self.line_lp_wrong, = self.ax_lp.plot([], [], label=figure_message("mirage.choice.legend_wrong"), **series_style(3))
        for ax, ylabel in ((self.ax_scores, figure_message("mirage.choice.ylabel_scores")),
                           (self.ax_lp, figure_message("mirage.choice.ylabel_log_prob"))):
            set_log_x(ax)
            ax.set_xlabel(figure_message("mirage.digits.xlabel_parameters"))
            ax.set_ylabel(ylabel)
            set_log_xlim(ax, self.family.n_params)
            ax.legend(loc="center right" if ax is self.ax_scores else "lower left")
        self.ax_lp.set_title(figure_message("mirage.choice.title_log_prob"))
        top = max(c["brier"].mean(axis=0).max() for c in self.curves.values())
        self.ax_scores.set_ylim(-0.03, max(1.03, 1.05 * top))
        self.data_artists = [self.line_grade, self.line_brier, self.line_grade_chance, self.line_brier_chance, self.line_lp_correct, self.line_lp_wrong, self.ax_scores.title]

    def compute(self, n_options: int, grid: str) -> dict[str, Any]:
        widths = self.family.widths if grid == "dense" else sparse_grid(self.family.widths, SPARSE_COUNT)
        idx = np.searchsorted(self.family.widths, widths)
        m = {name: values[:, idx].mean(axis=0) for name, values in self.curves[n_options].items()}
        x = self.family.n_params[idx]
        scores = emergence_scores({f"{grid} grid ({len(widths)} widths)": (x, {
            "multiple-choice grade": m["grade"], "Brier score (negated)": -m["brier"],
            "log-prob of correct": m["lp_correct"],
            "log-prob gap": m["lp_correct"] - m["lp_wrong"]})})
        return {"n_options": n_options, "grid": grid, "n_params": x, "grade": m["grade"],
                "brier": m["brier"], "log_prob_correct": m["lp_correct"],
                "log_prob_best_wrong": m["lp_wrong"], "scores": scores, "n_widths": len(widths)}

    def draw(self, state: dict[str, Any]) -> None:
        x, m = state["n_params"], state["n_options"]
        self.line_grade.set_data(x, state["grade"])
        self.line_grade_chance.set_ydata([1 / m, 1 / m])
        self.line_brier.set_data(x, state["brier"])
        self.line_brier_chance.set_ydata([1 - 1 / m, 1 - 1 / m])
        self.line_lp_correct.set_data(x, state["log_prob_correct"])
        self.line_lp_wrong.set_data(x, state["log_prob_best_wrong"])
        # the range of the options shown (fewer options push the best wrong one far lower), in steps
        # of 2 nats so that most moves of the slider keep the axis and redraw only the data
        low = min(state["log_prob_correct"].min(), state["log_prob_best_wrong"].min())
        self.ax_lp.set_ylim(2 * math.floor((low - 0.3) / 2), 0.3)
        self.ax_scores.set_title(figure_message("mirage.choice.title_scores", options=m))

    def summary_html(self, state: dict[str, Any]) -> str:
        curve = f"{state['grid']} grid ({state['n_widths']} widths)"
        metrics = {name: message(f"mirage.choice.metric_{key}") for name, key in (
            ("multiple-choice grade", "grade"), ("Brier score (negated)", "brier"),
            ("log-prob of correct", "log_prob"), ("log-prob gap", "gap"))}
        return emergence_table_html(relabel(state["scores"], {curve: grid_curve_name(state["grid"], state["n_widths"])},
                                            metrics), note=message("mirage.choice.summary_note"))


def keep_options(labels, n_options: int, n_classes: int = N_CLASSES, seed: int = 0) -> np.ndarray:
    """Which options each question keeps: the correct one and ``n_options - 1`` random wrong ones.

    Used in notebook 02 §5.

    The wrong options are the first ones of a random order per question, drawn once from
    ``default_rng(seed)``, so a question with fewer options keeps a subset of the options it
    keeps with more. Returns a bool array (n_questions, n_classes).
    """
    n_classes = check_count("n_classes", n_classes, minimum=2)
    n_options = check_count("n_options", n_options, minimum=2)
    if n_options > n_classes:
        raise ValueError(f"n_options must be at most n_classes={n_classes}, got {n_options}")
    seed = check_count("seed", seed, minimum=0)
    labels = check_array("labels", labels, ndim=1, kind="iu", minimum=0, maximum=n_classes - 1)
    noise = np.random.default_rng(seed).random((len(labels), n_classes))
    noise[np.arange(len(labels)), labels] = -1.0  # the correct option comes first
    rank = noise.argsort(axis=1).argsort(axis=1)  # 0 = correct, then the order options are kept
    return rank < n_options


def score_multiple_choice(log_probs, labels, kept) -> dict[str, np.ndarray]:
    """Score multiple-choice questions four ways, on the same outputs, over the kept options.

    Used in notebook 02 §5.

    The model's log-probabilities are renormalised over the options each question keeps; then
    per question: the *grade* (1 if the correct option is the most probable, else 0), the
    *Brier score* (squared distance between the renormalised probabilities and the one-hot
    answer; lower is better), the log-probability of the correct option and that of the best
    wrong option (the grade is 1 exactly when the gap between the two is positive).

    Parameters
    ----------
    log_probs : float array (..., n_questions, n_classes)
        Log-probabilities of every option (any leading axes: seeds, widths).
    labels : int array (n_questions,)
    kept : bool array (n_questions, n_classes)
        From :func:`keep_options`.

    Returns
    -------
    dict name -> array (...): the mean over questions of ``grade``, ``brier``, ``lp_correct``
    and ``lp_wrong``.
    """
    # -inf is a valid log-probability (an option given no mass); NaN and +inf are not
    log_probs = check_array("log_probs", log_probs, kind="iuf", dtype=np.float64, finite=False, maximum=0)
    if np.isnan(log_probs).any():
        raise ValueError("log_probs must not hold NaN")
    labels = check_array("labels", labels, ndim=1, kind="iu", minimum=0)
    kept = check_array("kept", kept, ndim=2, kind="b")
    if log_probs.ndim < 2 or log_probs.shape[-2:] != kept.shape or labels.shape != kept.shape[:1]:
        raise ValueError(f"log_probs (..., n, options), labels (n,) and kept (n, options) must agree, got "
                         f"{log_probs.shape}, {labels.shape} and {kept.shape}")
    if not kept[np.arange(len(labels)), labels].all():
        raise ValueError("kept must keep the correct option of every question")
    wrong = np.ones_like(kept)
    wrong[np.arange(len(labels)), labels] = False
    lp = np.where(kept, log_probs, -np.inf)
    top = lp.max(axis=-1, keepdims=True)
    lp = lp - top - np.log(np.exp(lp - top).sum(axis=-1, keepdims=True))
    shape = lp.shape[:-1]
    flat = lp.reshape(-1, lp.shape[-1])
    flat_labels = np.broadcast_to(labels, shape).reshape(-1)
    grade = multiple_choice_grade(flat, flat_labels).reshape(shape)
    brier = brier_score(np.exp(flat), flat_labels).reshape(shape)
    correct = np.take_along_axis(lp, np.broadcast_to(labels[:, None], shape + (1,)), axis=-1)[..., 0]
    best_wrong = np.where(kept & wrong, lp, -np.inf).max(axis=-1)
    return {name: values.mean(axis=-1) for name, values in (
        ("grade", grade), ("brier", brier), ("lp_correct", correct), ("lp_wrong", best_wrong))}
