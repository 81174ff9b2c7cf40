"""Checks of lesson 02's exercises (02_mirage.ipynb): ``checks.<exercise>(fn)`` grades the learner's ``fn``.

Each check runs ``fn`` on cases chosen to catch the usual mistakes, prints a diagnosis and
returns a :class:`course_lib.core.checking.CheckResult` (truthy when every case passed).
"""
from __future__ import annotations

from typing import Any, Callable

import numpy as np

from course_lib.core.checking import CheckResult, call_learner, learner_name, run_cases, short_repr
from course_lib.core.messages import message
from course_lib.metrics import subset_accuracy
from course_lib.mirage.classifiers import random_feature_family
from course_lib.mirage.synthesis import VERDICTS, checklist, mystery_curves, reason, with_per_item

__all__ = ["toy_exact_match", "sampled_subset_accuracy", "emergent_metric", "jump_verdict"]


def _toy_exact_match_cases() -> list[tuple[str, tuple, Any]]:
    raw = [(message("mirage.toy_exact_match.case_one"), 0.9, 1), (message("mirage.toy_exact_match.case_five"), 0.9, 5),
           (message("mirage.toy_exact_match.case_perfect"), 1.0, 12),
           (message("mirage.toy_exact_match.case_many"), np.array([0.5, 0.9, 0.99]), 10)]
    return [(d, (p, length), np.asarray(p, dtype=float) ** length) for d, p, length in raw]


def toy_exact_match(fn: Callable) -> CheckResult:
    """Check ``fn(p_token, length) -> expected exact match p_token ** length`` (vectorised).

    Used in notebook 02 §2 (exercise 2.1).
    """
    return run_cases("toy_exact_match", fn, _toy_exact_match_cases(),
                     hint=message("mirage.toy_exact_match.hint"))


def _subset_sampling_cases() -> list[tuple[str, np.ndarray, int]]:
    mostly = np.ones(10, dtype=bool)
    mostly[3] = False
    return [(message("mirage.subset_sampling.case_most"), np.arange(200) < 150, 5),
            (message("mirage.subset_sampling.case_all_items"), mostly, 10),
            (message("mirage.subset_sampling.case_half"), np.arange(50) % 2 == 0, 2)]


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
        cases.append((message("mirage.subset_sampling.case_tolerance", case=description, draws=n_draws,
                              tolerance=tolerance, exact=exact), correct, k, exact, tolerance, rng))

    def sampled_or_exact(correct, k, exact, tolerance, rng):
        estimate = float(fn(correct, k, n_draws, rng))
        return exact if abs(estimate - exact) <= tolerance else estimate

    wrapped = [(d, (c, k, e, t, r), e) for d, c, k, e, t, r in cases]
    return run_cases("sampled_subset_accuracy", sampled_or_exact, wrapped, rtol=0, shown_args=2, learner=fn,
                     hint=message("mirage.subset_sampling.hint"))


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
    got, failure = call_learner(name, fn, (correct,), message("mirage.emergent_metric.where"), "")
    if failure is not None:
        return failure
    try:
        values = np.asarray(got, dtype=float)
    except (TypeError, ValueError):
        values = None
    small = widths <= 16
    problems = []
    if values is None:
        problems.append(message("mirage.emergent_metric.not_numbers", got=short_repr(got)))
    elif values.shape != (len(widths),):
        problems.append(message("mirage.emergent_metric.wrong_shape", count=len(widths), shape=values.shape))
    elif np.isnan(values).any() or values.min() < 0 or values.max() > 1:
        problems.append(message("mirage.emergent_metric.out_of_range", low=np.nanmin(values), high=np.nanmax(values)))
    else:
        if values[small].max() > 0.05:
            problems.append(message("mirage.emergent_metric.not_absent", value=values[small].max(),
                                    width=widths[small][values[small].argmax()]))
        if values[-1] < 0.3:
            problems.append(message("mirage.emergent_metric.not_present", value=values[-1], width=widths[-1]))
        if not problems:
            problems += _row_order_problems(fn, name, correct, values)
    accuracy = correct.mean(axis=1)
    if problems:
        text = message("mirage.emergent_metric.failed", name=name,
                       problems=message("mirage.emergent_metric.separator").join(problems),
                       accuracies=", ".join(f"{a:.2f}" for a in accuracy))
        print(text + f"\n{message('check.hint')} {message('mirage.emergent_metric.hint')}")
        return CheckResult(False, text)
    text = message("mirage.emergent_metric.passed", name=name, small=values[small].max(), largest=values[-1],
                   width=widths[-1], first=accuracy[0], last=accuracy[-1])
    print(text)
    return CheckResult(True, text)


def _row_order_problems(fn: Callable, name: str, correct: np.ndarray, values: np.ndarray) -> list[str]:
    """A metric is a function of each model's outputs: shuffling the rows must shuffle its values alike."""
    perm = np.random.default_rng(0).permutation(len(correct))
    got, failure = call_learner(name, fn, (correct[perm].copy(),), message("mirage.emergent_metric.where_shuffled"), "")
    if failure is not None:
        return [message("mirage.emergent_metric.fails_shuffled")]
    try:
        shuffled = np.asarray(got, dtype=float)
    except (TypeError, ValueError):
        shuffled = None
    if shuffled is None or shuffled.shape != values.shape or not np.allclose(shuffled, values[perm], equal_nan=True):
        return [message("mirage.emergent_metric.not_per_model")]
    return []


def _verdict_hint() -> str:
    """The jump_verdict check's hint, in the course's language."""
    return message("mirage.jump_verdict.hint")


def swapped_curves(curves: dict) -> dict:
    """Two curves that keep a score and change only the per-item average, label -> (curve, verdict).

    B's score with a steady per-item average must read "metric"; A's score with a per-item step
    in every seed must read "real". A rule that looks only at the score cannot get both right.
    """
    b, a = curves["B"], curves["A"]
    steady = np.linspace(0.2, 0.95, len(b.x))
    step = np.where(np.arange(len(a.x)) < len(a.x) // 2, 0.2, 0.9)
    return {message("mirage.jump_verdict.case_steady"): (with_per_item(b, steady, "B'"), "metric"),
            message("mirage.jump_verdict.case_step"): (with_per_item(a, step, "A'"), "real")}


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
    cases = [(message("mirage.jump_verdict.case_curve", label=label), curve, VERDICTS[label])
             for label, curve in curves.items()]
    cases += [(description, curve, verdict) for description, (curve, verdict) in swapped_curves(curves).items()]
    wrong = []
    for description, curve, verdict in cases:
        got, failure = call_learner(name, fn, (curve,), description, _verdict_hint())
        if failure is not None:
            return failure
        if not isinstance(got, str) or got not in ("real", "metric"):
            text = message("mirage.jump_verdict.not_a_verdict", name=name, case=description, got=short_repr(got))
            print(text + f"\n{message('check.hint')} {message('mirage.jump_verdict.hint_verdict')}")
            return CheckResult(False, text)
        if got != verdict:
            c = checklist(curve)
            shares = "/".join(f"{v:.2f}" for v in c["per_item_one_step_per_seed"])
            place = message("mirage.jump_verdict.same_place" if c["same_place"] else "mirage.jump_verdict.apart")
            wrong.append(message("mirage.jump_verdict.wrong", case=description, verdict=verdict, got=got, shares=shares,
                                 place=place, score=c["score_one_step"], zeros=c["zeros"], sizes=c["n_sizes"]))
    if wrong:
        text = message("mirage.jump_verdict.differ", name=name, count=len(wrong), total=len(cases)) + "\n" + "\n".join(wrong)
        print(text + f"\n{message('check.hint')} {_verdict_hint()}")
        return CheckResult(False, text)
    text = (message("mirage.jump_verdict.passed", name=name, count=len(cases)) + "\n"
            + "\n".join(message("mirage.jump_verdict.reason", label=label, verdict=VERDICTS[label], reason=reason(label))
                        for label in curves)
            + "\n" + message("mirage.jump_verdict.swapped"))
    print(text)
    return CheckResult(True, text)
