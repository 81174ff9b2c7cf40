"""Lesson 02's synthesis: five unlabelled curves from the course's own families, and a checklist.

Each :class:`MysteryCurve` is a score plotted against model size, as a paper would show it, together
with a per-item average computed from the *same* outputs (per-token, per-digit or per-image
accuracy). The learner decides, for each, whether the jump is in the models ("real") or made by
the metric, the resolution or the grid ("metric"), using :func:`checklist`:

1. does the per-item average on the same outputs also jump (a large share of its whole rise in
   one step between neighbouring sizes)?
2. on a log y-axis, does the score rise steadily from the smallest sizes on?
3. is the lower tail sampled: how many sizes read exactly 0, and at what resolution?
4. seeds: how many, and does the jump sit at the same size in each?

The answers (:data:`VERDICTS`) are the lesson's own findings: §2 (the toy), §3 (the adders), §4a
(the classifiers), and lesson 01's scratchpad adders, whose per-digit accuracy itself jumps.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from course_lib.core.style import new_figure, series_style, set_log_x, set_log_y
from course_lib.emergence.training import load_family
from course_lib.mirage.classifiers import load_mlp_family, random_feature_family
from course_lib.mirage.toy import measure_on_test_set, model_sizes, per_token_accuracy

__all__ = ["MysteryCurve", "mystery_curves", "checklist", "checklist_table", "plot_mystery_curves",
           "VERDICTS", "REASONS", "JUMP_SHARE", "one_step_share"]

#: a per-item average that makes more than this share of its whole rise in one step "jumps"
JUMP_SHARE = 1 / 3

#: the right verdict for each curve: "real" (the models change fast) or "metric" (the metric,
#: the resolution or the grid make a smooth change look sudden)
VERDICTS = {"A": "metric", "B": "real", "C": "metric", "D": "real", "E": "metric"}

#: why, in one sentence each (shown by the check after an answer)
REASONS = {
    "A": "digit classifiers with random features scored by 'all 30 of 30 images right' (§4a): their "
         "per-image accuracy rises over three decades of size; the all-or-nothing metric makes the jump",
    "B": "lesson 01's scratchpad adders scored by exact match: their per-digit accuracy itself jumps "
         "(one seed: lesson 01 shows how much the place of the jump varies between seeds)",
    "C": "the toy model of §2 scored by exact match over 15 tokens on 100 items: per-token accuracy rises "
         "smoothly; on a log y-axis exact match rises from the smallest sizes on, and the zeros are resolution",
    "D": "the trained digit MLPs scored by 'all 5 of 5 images right': their per-image accuracy itself jumps, "
         "in every seed (seed 0 from width 1 to 2, the others from 2 to 3; §4a, §5), and so do the Brier "
         "score and the correct class's log-probability",
    "E": "the direct 4-digit adders scored by exact match (§3): per-digit accuracy rises steadily; exact "
         "match is the product of the per-position accuracies",
}


@dataclass(frozen=True)
class MysteryCurve:
    """One unlabelled curve of the synthesis exercise.

    Attributes
    ----------
    label : str
        "A" to "E".
    x : ndarray (sizes,)
        Parameters of each model, increasing.
    score : ndarray (seeds, sizes)
        The metric a paper would plot, per seed (one row when there is one seed).
    per_item : ndarray (seeds, sizes)
        An average over items of a per-item score, on the same outputs (per-token, per-digit or
        per-image accuracy): linear in the items' results.
    score_name, per_item_name : str
        What the two are, in words.
    n_items : int
        Test items behind each point (the resolution of the score is 1 / n_items).
    """

    label: str
    x: np.ndarray
    score: np.ndarray
    per_item: np.ndarray
    score_name: str
    per_item_name: str
    n_items: int

    @property
    def n_seeds(self) -> int:
        return int(self.score.shape[0])


def one_step_share(values) -> float:
    """The largest rise between neighbouring sizes as a share of the whole rise (max - min).

    1 means all of the change happens in one step; on a steady curve over n sizes it is near 1/(n-1).
    """
    y = np.asarray(values, dtype=float)
    span = y.max() - y.min()
    return float(np.abs(np.diff(y)).max() / span) if span > 0 else 0.0


def _toy_curve(label: str) -> MysteryCurve:
    sizes = model_sizes(1e8, 1e12, 25)
    p = per_token_accuracy(sizes)
    length, n_items = 15, 100
    measured = [measure_on_test_set(p, length, n_items, np.random.default_rng(seed)) for seed in (0, 1, 2)]
    score = np.array([em for em, _ in measured])
    per_token = np.array([1 - ted / length for _, ted in measured])
    return MysteryCurve(label, sizes, score, per_token, "exact match", "per-token accuracy", n_items)


def _adder_curve(label: str, kind: str) -> MysteryCurve:
    family = load_family(4, kind)
    return MysteryCurve(label, np.asarray(family.n_params, dtype=float), family.exact_match()[None, :],
                        family.digit_accuracy()[None, :], "exact match", "per-digit accuracy",
                        int(family.correct.shape[1]))


def _classifier_curve(label: str, family, k: int) -> MysteryCurve:
    return MysteryCurve(label, np.asarray(family.n_params, dtype=float), family.subset_accuracy(k),
                        family.accuracy(), f"all {k} of {k} images right", "per-image accuracy",
                        int(len(family.labels)))


def mystery_curves() -> dict[str, MysteryCurve]:
    """The five curves of the exercise, label -> :class:`MysteryCurve` (A to E).

    Used in notebook 02 (synthesis). The random-feature classifiers are the session's family of
    §4a (trained once, a few seconds); everything else is computed or read from the caches.
    """
    curves = [
        _classifier_curve("A", random_feature_family(show_progress=False), 30),
        _adder_curve("B", "scratchpad"),
        _toy_curve("C"),
        _classifier_curve("D", load_mlp_family(), 5),
        _adder_curve("E", "direct"),
    ]
    return {c.label: c for c in curves}


def checklist(curve: MysteryCurve) -> dict[str, object]:
    """The four questions of the checklist, answered with numbers for one curve.

    Returns
    -------
    dict
        ``per_item_one_step`` (:func:`one_step_share` of the seed-mean per-item average),
        ``score_one_step`` (the same for the score), ``log_score_one_step`` (the same for
        log10 of the score over the sizes where every seed reads above 0), ``zeros`` (sizes
        where some seed reads exactly 0), ``resolution`` (1 / n_items), ``n_seeds`` and
        ``jump_at`` (per seed, the parameters just after the per-item average's largest step).
    """
    per_item = curve.per_item.mean(axis=0)
    score = curve.score.mean(axis=0)
    positive = np.all(curve.score > 0, axis=0)
    log_share = one_step_share(np.log10(score[positive])) if positive.sum() >= 2 else float("nan")
    jump_at = [float(curve.x[1 + int(np.argmax(np.diff(row)))]) for row in curve.per_item]
    return {"per_item_one_step": one_step_share(per_item), "score_one_step": one_step_share(score),
            "log_score_one_step": log_share, "zeros": int(np.any(curve.score == 0, axis=0).sum()),
            "n_sizes": len(curve.x), "resolution": 1 / curve.n_items, "n_seeds": curve.n_seeds,
            "jump_at": jump_at}


def _compact(x: float) -> str:
    """A size in three characters or so: 460, 1.2e3, 2.2e9."""
    return f"{x:.0f}" if x < 1000 else f"{x:.2g}".replace("e+0", "e").replace("e+", "e")


def checklist_table(curves: dict[str, MysteryCurve]) -> str:
    """The checklist of every curve as a plain-text table (what the notebook prints)."""
    lines = ["curve  share of the rise made in one step    sizes   resolution  seeds  largest per-item step",
             "       score  log10 score  per-item avg.     at 0                       (seed mean; params after it)"]
    for label, curve in curves.items():
        c = checklist(curve)
        log_text = "n/a" if np.isnan(c["log_score_one_step"]) else f"{c['log_score_one_step']:.2f}"
        per_item = curve.per_item.mean(axis=0)
        i = int(np.argmax(np.abs(np.diff(per_item))))
        lines.append(f"{label:>5}  {c['score_one_step']:5.2f}  {log_text:>11}  {c['per_item_one_step']:13.2f}"
                     f"  {c['zeros']:3d}/{c['n_sizes']:<3d} 1/{curve.n_items:<9,d}{c['n_seeds']:>5d}  "
                     f"{per_item[i]:.2f} -> {per_item[i + 1]:.2f} ("
                     + ", ".join(_compact(x) for x in c["jump_at"]) + ")")
    return "\n".join(lines)


def plot_mystery_curves(curves: dict[str, MysteryCurve]):
    """Each curve in a column: the score on a linear and on a log y-axis, then the per-item average.

    Seeds are drawn as thin lines of the same colour. Returns the figure.
    """
    labels = list(curves)
    fig, axes = new_figure(3, len(labels), figsize=(10.0, 6.4),
                           margins={"left": 0.07, "right": 0.99, "bottom": 0.09, "top": 0.95,
                                    "wspace": 0.35, "hspace": 0.45})
    for j, label in enumerate(labels):
        curve = curves[label]
        for i, (values, title) in enumerate(((curve.score, curve.score_name), (curve.score, "same, log y"),
                                             (curve.per_item, curve.per_item_name))):
            ax = axes[i, j]
            style = series_style(0 if i < 2 else 2)
            for row in values:
                y = np.where(row > 0, row, np.nan) if i == 1 else row
                ax.plot(curve.x, y, color=style["color"], marker=style["marker"], markersize=3, linewidth=1)
            set_log_x(ax)
            if i == 1:
                set_log_y(ax)
            ax.set_title(f"{label}: {title}" if i == 0 else title, fontsize=9)
            ax.tick_params(labelsize=7)
            if i == 2:
                ax.set_xlabel("parameters", fontsize=8)
    return fig
