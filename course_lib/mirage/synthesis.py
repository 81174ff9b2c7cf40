"""Lesson 02's synthesis: five unlabelled curves from the course's own families, and a checklist.

Each :class:`MysteryCurve` is a score plotted against model size, as a paper would show it, together
with a per-item average computed from the *same* outputs (per-token, per-digit or per-image
accuracy). The learner decides, for each, whether the jump is in the models ("real") or made by
the metric, the resolution or the grid ("metric"), using :func:`checklist`:

1. does the per-item average on the same outputs also jump (a large share of its whole rise in
   one step between neighbouring sizes)?
2. on a log y-axis, does the score rise steadily from the smallest sizes on?
3. is the lower tail sampled: how many sizes read exactly 0, and at what resolution?
4. seeds: how many, and does the jump sit at the same or a neighbouring size in each?

The rule (:func:`reference_verdict`) joins items 1 and 4: "real" when the per-item average makes
more than :data:`JUMP_SHARE` of its rise in one step *in every seed*, at the same or neighbouring
sizes. The answers (:data:`VERDICTS`) are the lesson's own findings: §2 (the toy), §3 (the adders),
§4a (the classifiers), and lesson 01's scratchpad adders, whose per-digit accuracy itself jumps.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from course_lib.core.messages import figure_message, message
from course_lib.core.style import new_figure, series_style, set_log_x, set_log_y
from course_lib.emergence.training import load_seeds
from course_lib.mirage.classifiers import load_mlp_family, random_feature_family
from course_lib.mirage.toy import expected_exact_match, measure_on_test_set, model_sizes, per_token_accuracy

__all__ = ["MysteryCurve", "mystery_curves", "checklist", "checklist_table", "plot_mystery_curves",
           "VERDICTS", "REASONS", "reason", "JUMP_SHARE", "one_step_share", "largest_step_index", "reference_verdict",
           "with_per_item"]

#: a per-item average that makes more than this share of its whole rise in one step "jumps"
JUMP_SHARE = 1 / 3

#: the right verdict for each curve: "real" (the models change fast) or "metric" (the metric,
#: the resolution or the grid make a smooth change look sudden)
VERDICTS = {"A": "metric", "B": "real", "C": "metric", "D": "real", "E": "metric"}

#: why, in one sentence each (shown by the check after an answer): the catalogue key of each
#: curve's reason (:func:`reason` gives the sentence in the course's language)
REASONS = {label: f"mirage.synthesis.reason_{label.lower()}" for label in VERDICTS}


def reason(label: str) -> str:
    """Why curve ``label`` gets its verdict, in one sentence, in the course's language."""
    return message(REASONS[label])


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
        What the two are, in words (in the course's language).
    n_items : int
        Test items behind each point, the fewest of any seed (the resolution of the score is
        1 / n_items).
    expected : ndarray (sizes,) or None
        The score the models would get on unlimited items, where the lesson knows it (the toy);
        else None.
    name_keys : tuple or None
        The catalogue keys and fields of ``score_name`` and ``per_item_name``,
        ``((key, fields), (key, fields))``, so that a figure can draw them in its own language.
    """

    label: str
    x: np.ndarray
    score: np.ndarray
    per_item: np.ndarray
    score_name: str
    per_item_name: str
    n_items: int
    expected: np.ndarray | None = None
    name_keys: tuple | None = None

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


def largest_step_index(values) -> int:
    """The index i of the largest rise values[i+1] - values[i] (the step between sizes i and i+1)."""
    return int(np.argmax(np.diff(np.asarray(values, dtype=float))))


def reference_verdict(curve: MysteryCurve) -> str:
    """The checklist's rule: "real" if, in every seed, the per-item average makes more than
    :data:`JUMP_SHARE` of its rise in one step, and the seeds' largest steps sit at the same or
    neighbouring sizes; else "metric"."""
    shares = [one_step_share(row) for row in curve.per_item]
    places = [largest_step_index(row) for row in curve.per_item]
    return "real" if min(shares) > JUMP_SHARE and max(places) - min(places) <= 1 else "metric"


def with_per_item(curve: MysteryCurve, per_item, label: str | None = None) -> MysteryCurve:
    """The same curve (same score) with another per-item average, one row per seed or one row for all."""
    rows = np.broadcast_to(np.asarray(per_item, dtype=float), curve.per_item.shape).copy()
    return MysteryCurve(curve.label if label is None else label, curve.x, curve.score, rows, curve.score_name,
                        curve.per_item_name, curve.n_items, curve.expected, curve.name_keys)


def _named(*keys: tuple[str, dict]) -> tuple[list[str], tuple]:
    """The names of a curve's score and per-item average from their catalogue keys, and the keys."""
    return [message(key, **fields) for key, fields in keys], tuple(keys)


def _toy_curve(label: str) -> MysteryCurve:
    sizes = model_sizes(1e8, 1e12, 25)
    p = per_token_accuracy(sizes)
    length, n_items = 15, 100
    measured = [measure_on_test_set(p, length, n_items, np.random.default_rng(seed)) for seed in (0, 1, 2)]
    score = np.array([em for em, _ in measured])
    per_token = np.array([1 - ted / length for _, ted in measured])
    names, keys = _named(("mirage.synthesis.name_exact_match", {}), ("mirage.synthesis.name_per_token", {}))
    return MysteryCurve(label, sizes, score, per_token, *names, n_items, expected_exact_match(p, length), keys)


def _adder_curve(label: str, kind: str) -> MysteryCurve:
    """Lesson 01's cached 4-digit family, seeds 0-3 (seed 0 on 100,000 problems, the others on 20,000)."""
    families = list(load_seeds(4, kind).values())
    names, keys = _named(("mirage.synthesis.name_exact_match", {}), ("mirage.synthesis.name_per_digit", {}))
    return MysteryCurve(label, np.asarray(families[0].n_params, dtype=float),
                        np.array([f.exact_match() for f in families]),
                        np.array([f.digit_accuracy() for f in families]), *names,
                        int(min(f.correct.shape[1] for f in families)), None, keys)


def _classifier_curve(label: str, family, k: int) -> MysteryCurve:
    names, keys = _named(("mirage.synthesis.name_subset", {"k": k}), ("mirage.synthesis.name_per_image", {}))
    return MysteryCurve(label, np.asarray(family.n_params, dtype=float), family.subset_accuracy(k),
                        family.accuracy(), *names, int(len(family.labels)), None, keys)


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
        ``per_item_one_step_per_seed`` (the same for each seed), ``score_one_step`` (the same for
        the seed-mean score), ``log_score_one_step`` (the same for log10 of the score: of the
        expected score where the curve has one, else of the seed mean over the sizes where every
        seed reads above 0), ``log_from_expected`` (which of the two), ``zeros`` (sizes where any
        seed reads exactly 0), ``resolution`` (1 / n_items), ``n_seeds``, ``jump_at`` (per seed,
        the parameters just after the per-item average's largest step) and ``same_place`` (the
        seeds' largest steps at the same or neighbouring sizes).
    """
    per_item = curve.per_item.mean(axis=0)
    score = curve.score.mean(axis=0)
    if curve.expected is not None:
        log_share = one_step_share(np.log10(curve.expected))
    else:
        positive = np.all(curve.score > 0, axis=0)
        log_share = one_step_share(np.log10(score[positive])) if positive.sum() >= 2 else float("nan")
    places = [largest_step_index(row) for row in curve.per_item]
    return {"per_item_one_step": one_step_share(per_item),
            "per_item_one_step_per_seed": [one_step_share(row) for row in curve.per_item],
            "score_one_step": one_step_share(score),
            "log_score_one_step": log_share, "log_from_expected": curve.expected is not None,
            "zeros": int(np.any(curve.score == 0, axis=0).sum()),
            "n_sizes": len(curve.x), "resolution": 1 / curve.n_items, "n_seeds": curve.n_seeds,
            "jump_at": [float(curve.x[1 + i]) for i in places], "same_place": max(places) - min(places) <= 1}


def _compact(x: float) -> str:
    """A size in three characters or so: 460, 1.2e3, 2.2e9."""
    return f"{x:.0f}" if x < 1000 else f"{x:.2g}".replace("e+0", "e").replace("e+", "e")


def checklist_table(curves: dict[str, MysteryCurve]) -> str:
    """The checklist of every curve as a plain-text table (what the notebook prints)."""
    lines = [message("mirage.synthesis.table_header_1"), message("mirage.synthesis.table_header_2")]
    notes = []
    for label, curve in curves.items():
        c = checklist(curve)
        log_text = message("mirage.synthesis.not_available") if np.isnan(c["log_score_one_step"]) else f"{c['log_score_one_step']:.2f}"
        if c["log_from_expected"]:
            log_text += "*"
            notes.append(message("mirage.synthesis.table_note_expected", label=label))
        seeds_text = "/".join(f"{v:.2f}" for v in c["per_item_one_step_per_seed"])
        lines.append(f"{label:>5}  {c['score_one_step']:5.2f}  {log_text:>11}  {seeds_text:<19}  "
                     f"{c['zeros']:3d}/{c['n_sizes']:<3d}    1/{curve.n_items:<9,d}{c['n_seeds']:>5d}  "
                     + ", ".join(_compact(x) for x in c["jump_at"]))
    return "\n".join(lines + notes)


def plot_mystery_curves(curves: dict[str, MysteryCurve]):
    """Each curve in a column: the score on a linear and on a log y-axis, then the per-item average.

    Seeds are drawn as thin lines of the same colour; the three panels of a column share their
    x-limits. On the log row a measured 0 is drawn as an open triangle (▽) at the bottom of the
    axis, and the expected score (where the curve has one) as a dashed line. Returns the figure.
    """
    labels = list(curves)
    fig, axes = new_figure(3, len(labels), figsize=(10.0, 6.6),
                           margins={"left": 0.07, "right": 0.99, "bottom": 0.09, "top": 0.95,
                                    "wspace": 0.35, "hspace": 0.45})
    for j, label in enumerate(labels):
        curve = curves[label]
        xlim = (curve.x.min() / 1.5, curve.x.max() * 1.5)
        positive = curve.score[curve.score > 0]
        lowest = positive.min() if curve.expected is None else min(positive.min(), curve.expected.min())
        floor = 10.0 ** (np.floor(np.log10(lowest)) - 1)
        score_name, per_item_name = ((figure_message(key, **fields) for key, fields in curve.name_keys)
                                     if curve.name_keys else (curve.score_name, curve.per_item_name))
        for i, (values, title) in enumerate(((curve.score, score_name),
                                             (curve.score, figure_message("mirage.synthesis.title_log")),
                                             (curve.per_item, per_item_name))):
            ax = axes[i, j]
            style = series_style(0 if i < 2 else 2)
            for row in values:
                y = np.where(row > 0, row, np.nan) if i == 1 else row
                ax.plot(curve.x, y, color=style["color"], marker=style["marker"], markersize=3, linewidth=1)
                if i == 1 and np.any(row == 0):
                    ax.plot(curve.x[row == 0], np.full(int(np.sum(row == 0)), floor * 1.6), linestyle="none",
                            marker="v", markerfacecolor="none", color=style["color"], markersize=4)
            if i == 1:
                set_log_y(ax)
                if curve.expected is not None:
                    ax.plot(curve.x, curve.expected, color="0.3", linestyle="--", linewidth=1)
                ax.set_ylim(floor, 2.0)
                if np.any(curve.score == 0):
                    title = figure_message("mirage.synthesis.title_log_zeros_expected" if curve.expected is not None
                                           else "mirage.synthesis.title_log_zeros")
            set_log_x(ax)
            ax.set_xlim(*xlim)
            ax.set_title(f"{label}: {title}" if i == 0 else title, fontsize=8 if i == 1 else 9)
            ax.tick_params(labelsize=7)
            if i == 2:
                ax.set_xlabel(figure_message("mirage.digits.xlabel_parameters"), fontsize=8)
    return fig
