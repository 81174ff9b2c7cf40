"""Checks of lesson 02's exercises (02_mirage.ipynb): ``checks.<exercise>(fn)`` grades the learner's ``fn``.

Each check runs ``fn`` on cases chosen to catch the usual mistakes, prints a diagnosis and
returns a :class:`course_lib.core.checking.CheckResult` (truthy when every case passed).
"""
from __future__ import annotations

from typing import Any, Callable

import numpy as np

from course_lib.core.checking import CheckResult, call_learner, learner_name, run_cases, short_repr
from course_lib.metrics import subset_accuracy
from course_lib.mirage.classifiers import random_feature_family
from course_lib.mirage.synthesis import REASONS, VERDICTS, checklist, mystery_curves, with_per_item

__all__ = ["toy_exact_match", "sampled_subset_accuracy", "emergent_metric", "jump_verdict"]


def _toy_exact_match_cases() -> list[tuple[str, tuple, Any]]:
    raw = [("one token", 0.9, 1), ("five tokens", 0.9, 5), ("a perfect model", 1.0, 12),
           ("many per-token accuracies at once", np.array([0.5, 0.9, 0.99]), 10)]
    return [(d, (p, length), np.asarray(p, dtype=float) ** length) for d, p, length in raw]


def toy_exact_match(fn: Callable) -> CheckResult:
    """Check ``fn(p_token, length) -> expected exact match p_token ** length`` (vectorised).

    Used in notebook 02 §2 (exercise 2.1).
    """
    return run_cases("toy_exact_match", fn, _toy_exact_match_cases(),
                     hint="the answer is right only if all `length` tokens are right, each independently "
                          "with probability p_token; numpy's ** works on arrays too")


def _subset_sampling_cases() -> list[tuple[str, np.ndarray, int]]:
    mostly = np.ones(10, dtype=bool)
    mostly[3] = False
    return [("150 of 200 right, K = 5", np.arange(200) < 150, 5),
            ("9 of 10 right, K = 10: ten distinct items include the wrong one", mostly, 10),
            ("half right, K = 2", np.arange(50) % 2 == 0, 2)]


def sampled_subset_accuracy(fn: Callable, n_draws: int = 20_000) -> CheckResult:
    """Check ``fn(correct, k, n_draws, rng) -> share of draws of k distinct items all correct``.

    Used in notebook 02 §4a (exercise 4.1).

    The estimate must agree with the exact formula C(c, k) / C(n, k) within four standard
    errors of a binomial proportion on every case (each case prints its tolerance).
    """
    if not callable(fn):
        raise TypeError(f"fn must be a function, got {type(fn).__name__}")
    cases = []
    for description, correct, k in _subset_sampling_cases():
        exact = subset_accuracy(int(correct.sum()), len(correct), k)
        tolerance = _sampling_tolerance(exact, n_draws)
        rng = np.random.default_rng(0)
        cases.append((f"{description}; {n_draws:,} draws must land within ±{tolerance:.3f} of the exact "
                      f"{exact:.4f}", correct, k, exact, tolerance, rng))

    def sampled_or_exact(correct, k, exact, tolerance, rng):
        estimate = float(fn(correct, k, n_draws, rng))
        return exact if abs(estimate - exact) <= tolerance else estimate

    wrapped = [(d, (c, k, e, t, r), e) for d, c, k, e, t, r in cases]
    return run_cases("sampled_subset_accuracy", sampled_or_exact, wrapped, rtol=0, shown_args=2, learner=fn,
                     hint="for each draw pick k different items (rng.choice(n, size=k, replace=False)) "
                          "and count the draw as a success if all of them are correct; return the share "
                          "of successful draws. A sampled answer passes within four standard errors of "
                          "the exact value C(c, k) / C(n, k).")


def _sampling_tolerance(exact: float, n_draws: int) -> float:
    """Four standard errors of a share estimated from ``n_draws`` draws (at least 4 / n_draws)."""
    return 4 * float(np.sqrt(max(exact * (1 - exact), 1 / n_draws) / n_draws))


def emergent_metric(fn: Callable) -> CheckResult:
    """Check that ``fn(correct) -> one score per model`` makes the random-feature family look emergent.

    Used in notebook 02 §4b (exercise 4.2).

    ``correct`` is the (widths, test images) boolean array of seed 0 of the live random-feature
    digit classifiers: the family the notebook trained in §4a (trained once per session and
    shared, see :func:`~course_lib.mirage.classifiers.random_feature_family`). The metric must stay in [0, 1], read at most 0.05 for every width up to
    16 (where plain accuracy is already about 0.7), and reach at least 0.3 at the widest model.
    It must also be a function of each model's outputs: called on the same rows in another order,
    it must give the same values in that order (so a metric that ignores the outputs fails).
    """
    if not callable(fn):
        raise TypeError(f"fn must be a function, got {type(fn).__name__}")
    family = random_feature_family(show_progress=False)
    correct, widths = np.array(family.correct[0]), family.widths
    name = learner_name(fn, "emergent_metric")
    got, failure = call_learner(name, fn, (correct,), "your metric", "")
    if failure is not None:
        return failure
    try:
        values = np.asarray(got, dtype=float)
    except (TypeError, ValueError):
        values = None
    small = widths <= 16
    problems = []
    if values is None:
        problems.append(f"expected numbers, one per model, got {short_repr(got)}")
    elif values.shape != (len(widths),):
        problems.append(f"expected one value per model, shape ({len(widths)},), got shape {values.shape}")
    elif np.isnan(values).any() or values.min() < 0 or values.max() > 1:
        problems.append(f"values must lie in [0, 1], got min {np.nanmin(values):.3g}, max {np.nanmax(values):.3g}")
    else:
        if values[small].max() > 0.05:
            problems.append(f"not absent in small models: {values[small].max():.3f} at width "
                            f"{widths[small][values[small].argmax()]} (must be <= 0.05 up to width 16)")
        if values[-1] < 0.3:
            problems.append(f"not present in the largest model: {values[-1]:.3f} at width {widths[-1]} "
                            f"(must be >= 0.3)")
        if not problems:
            problems += _row_order_problems(fn, name, correct, values)
    accuracy = correct.mean(axis=1)
    if problems:
        message = (f"{name}: " + "; ".join(problems) + ".\n  plain accuracy of the same models: "
                   + ", ".join(f"{a:.2f}" for a in accuracy))
        print(message + "\nHint: demand more of each model: many test images right at once, or a "
                        "high bar on a score computed from many images.")
        return CheckResult(False, message)
    message = (f"{name}: emergent! At most {values[small].max():.3f} up to width 16, {values[-1]:.2f} at width "
               f"{widths[-1]}, while plain accuracy rose smoothly from {accuracy[0]:.2f} to {accuracy[-1]:.2f}.")
    print(message)
    return CheckResult(True, message)


def _row_order_problems(fn: Callable, name: str, correct: np.ndarray, values: np.ndarray) -> list[str]:
    """A metric is a function of each model's outputs: shuffling the rows must shuffle its values alike."""
    perm = np.random.default_rng(0).permutation(len(correct))
    got, failure = call_learner(name, fn, (correct[perm].copy(),), "your metric on the same rows shuffled", "")
    if failure is not None:
        return ["it fails when the models' rows come in another order"]
    try:
        shuffled = np.asarray(got, dtype=float)
    except (TypeError, ValueError):
        shuffled = None
    if shuffled is None or shuffled.shape != values.shape or not np.allclose(shuffled, values[perm], equal_nan=True):
        return ["with the same models' rows in another order it does not give the same values in that order: "
                "the metric must be computed from each model's outputs, not from its position"]
    return []


_VERDICT_HINT = ("the score of every curve jumps somewhere; ask of each whether the models' outputs change "
                 "fast, not whether the score does. Look at the per-item average on the same outputs "
                 "(curve.per_item, one row per seed): does it make a large share of its whole rise in one "
                 "step between neighbouring sizes in every seed, at the same or a neighbouring size "
                 "(checklist columns 'per-item, each seed' and 'largest per-item step at')?")


def swapped_curves(curves: dict) -> dict:
    """Two curves that keep a score and change only the per-item average, label -> (curve, verdict).

    B's score with a steady per-item average must read "metric"; A's score with a per-item step
    in every seed must read "real". A rule that looks only at the score cannot get both right.
    """
    b, a = curves["B"], curves["A"]
    steady = np.linspace(0.2, 0.95, len(b.x))
    step = np.where(np.arange(len(a.x)) < len(a.x) // 2, 0.2, 0.9)
    return {"B's score with a steady per-item average": (with_per_item(b, steady, "B'"), "metric"),
            "A's score with a per-item step in every seed": (with_per_item(a, step, "A'"), "real")}


def jump_verdict(fn: Callable) -> CheckResult:
    """Check ``fn(curve) -> "real" or "metric"`` on the five mystery curves of the synthesis.

    Used in notebook 02 (synthesis exercise). ``curve`` is a
    :class:`~course_lib.mirage.synthesis.MysteryCurve`; the right verdicts are
    :data:`~course_lib.mirage.synthesis.VERDICTS`. Every curve is tried; the diagnosis names each
    wrong one with its checklist numbers, and on success the reason for each verdict is shown.
    """
    if not callable(fn):
        raise TypeError(f"fn must be a function, got {type(fn).__name__}")
    name = learner_name(fn, "jump_verdict")
    curves = mystery_curves()
    cases = [(f"curve {label}", curve, VERDICTS[label]) for label, curve in curves.items()]
    cases += [(description, curve, verdict) for description, (curve, verdict) in swapped_curves(curves).items()]
    wrong = []
    for description, curve, verdict in cases:
        got, failure = call_learner(name, fn, (curve,), description, _VERDICT_HINT)
        if failure is not None:
            return failure
        if not isinstance(got, str) or got not in ("real", "metric"):
            message = (f"{name}: {description}: expected the string 'real' or 'metric', got {short_repr(got)}")
            print(message + f"\nHint: return \"real\" when the models change fast, \"metric\" otherwise.")
            return CheckResult(False, message)
        if got != verdict:
            c = checklist(curve)
            shares = "/".join(f"{v:.2f}" for v in c["per_item_one_step_per_seed"])
            wrong.append(f"  {description}: expected '{verdict}', got '{got}' (per-item average, share of its rise "
                         f"in one step per seed: {shares}, {'at the same or neighbouring sizes' if c['same_place'] else 'at sizes apart'}; "
                         f"score: {c['score_one_step']:.2f}; {c['zeros']} of {c['n_sizes']} sizes read 0)")
    if wrong:
        message = f"{name}: {len(wrong)} of {len(cases)} verdicts differ.\n" + "\n".join(wrong)
        print(message + f"\nHint: {_VERDICT_HINT}")
        return CheckResult(False, message)
    message = (f"{name}: all {len(cases)} cases pass, every verdict right. Why:\n"
               + "\n".join(f"  {label} ({VERDICTS[label]}): {REASONS[label]}." for label in curves)
               + "\n  and the two swapped curves: the same scores, read by the per-item average alone.")
    print(message)
    return CheckResult(True, message)
