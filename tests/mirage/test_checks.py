"""Lesson 02's exercise checks accept the notebook's own Solution code and reject typical wrong answers.

The solutions are parsed from the notebook's "Solution" dropdowns (no kernel), so a checker is
tested against exactly the code a learner is shown, not against the course's reference functions.
"""
import numpy as np
import pytest

from checker_contract import contract_tests, crashes, notebook_solutions, stub
from course_lib import metrics
from course_lib.mirage import checks
from course_lib.mirage.synthesis import VERDICTS, mystery_curves, one_step_share

SOLUTIONS = notebook_solutions("02_mirage.ipynb")


def test_the_notebook_shows_a_solution_for_every_exercise():
    assert set(SOLUTIONS) == {"toy_exact_match", "sampled_subset_accuracy", "my_emergent_metric", "jump_verdict"}


# --- exercise 2.1: toy exact match ----------------------------------------------------------

TOY_EM_WRONG = {
    "edit distance instead": lambda p, L: L * (1 - np.asarray(p)),
    "p times L": lambda p, L: np.asarray(p) * L,
    "p to the L - 1": lambda p, L: np.asarray(p, dtype=float) ** (L - 1),
    "1 - (1 - p)^L, at least one right": lambda p, L: 1 - (1 - np.asarray(p, dtype=float)) ** L,
    "a Python list, not elementwise": lambda p, L: [float(np.mean(p)) ** L],
}
CHECKS = [(checks.toy_exact_match, SOLUTIONS["toy_exact_match"], TOY_EM_WRONG)]

test_accepts_solution, test_rejects_wrong_answers_with_a_diagnosis, test_stub_and_crash_do_not_raise = \
    contract_tests(CHECKS)


# --- exercise 4.1: subset accuracy by sampling ------------------------------------------------

def test_sampled_subset_accuracy_accepts_the_notebook_solution(capsys):
    assert checks.sampled_subset_accuracy(SOLUTIONS["sampled_subset_accuracy"], n_draws=5000)
    assert "all" in capsys.readouterr().out


@pytest.mark.parametrize("wrong", [
    # with replacement: the same item can be drawn twice
    lambda c, k, n, rng: np.mean([c[rng.choice(len(c), k, replace=True)].all() for _ in range(n)]),
    # plain accuracy, ignoring k
    lambda c, k, n, rng: float(np.mean(c)),
    # accuracy to the k: independent draws, not distinct items
    lambda c, k, n, rng: float(np.mean(c)) ** k,
    # any of the k right instead of all
    lambda c, k, n, rng: np.mean([c[rng.choice(len(c), k, replace=False)].any() for _ in range(n)]),
    # the first k items every time
    lambda c, k, n, rng: float(np.all(c[:k])),
])
def test_sampled_subset_accuracy_rejects_wrong_samplers(wrong, capsys):
    assert not checks.sampled_subset_accuracy(wrong, n_draws=5000)
    out = capsys.readouterr().out
    assert "expected" in out and "Generator" not in out


def test_sampled_subset_accuracy_stub_and_crash(capsys):
    assert not checks.sampled_subset_accuracy(stub)
    assert "not implemented yet" in capsys.readouterr().out
    assert not checks.sampled_subset_accuracy(crashes)
    assert "IndexError" in capsys.readouterr().out


def test_sampling_check_says_how_close_a_sample_must_be(capsys):
    def my_sampler(correct, k, n_draws, rng):
        return 0.0

    assert not checks.sampled_subset_accuracy(my_sampler, n_draws=5000)
    out = capsys.readouterr().out
    assert out.startswith("my_sampler: case 1") and "must land within ±" in out and "*" not in out


# --- exercise 4.2: make a smooth family look emergent ----------------------------------------

def test_emergent_metric_accepts_the_notebook_solution(capsys):
    assert checks.emergent_metric(SOLUTIONS["my_emergent_metric"])
    assert "emergent!" in capsys.readouterr().out


def test_emergent_metric_accepts_the_notebooks_other_answer(capsys):
    """The Solution's second suggestion, a pass/fail grade at 90 %."""
    assert checks.emergent_metric(lambda correct: (correct.mean(axis=1) >= 0.9).astype(float))


@pytest.mark.parametrize("wrong, word", [
    (lambda c: c.mean(axis=1), "not absent in small models"),
    (lambda c: metrics.subset_accuracy(c.sum(axis=1), c.shape[1], 5), "not absent in small models"),
    (lambda c: (c.mean(axis=1) >= 0.5).astype(float), "not absent in small models"),
    (lambda c: np.zeros(len(c)), "not present in the largest model"),
    # ignore the outputs: right only because the widest model comes last
    (lambda c: np.r_[np.zeros(len(c) - 1), 1.0], "another order"),
    (lambda c: (np.arange(len(c)) >= len(c) - 1).astype(float), "another order"),
    (lambda c: np.linspace(0, 1, len(c)) ** 20, "another order"),
    (lambda c: c.sum(axis=1), "[0, 1]"),
    (lambda c: c.mean(), "one value per model"),
    (lambda c: c.mean(axis=0), "one value per model"),
    (stub, "not implemented yet"),
    (crashes, "IndexError"),
])
def test_emergent_metric_rejects(wrong, word, capsys):
    assert not checks.emergent_metric(wrong)
    assert word in capsys.readouterr().out


def test_emergent_metric_reuses_the_session_family():
    from course_lib.mirage.classifiers import random_feature_family
    assert random_feature_family(show_progress=False) is random_feature_family(show_progress=False)


# --- exercise 7.1: real jump or mirage ----------------------------------------------------------

def test_jump_verdict_accepts_the_notebook_solution(capsys):
    assert checks.jump_verdict(SOLUTIONS["jump_verdict"])
    out = capsys.readouterr().out
    assert "all 7 cases pass, every verdict right" in out and all(f"  {label} (" in out for label in VERDICTS)


def by_score_step(curve):
    """Judging the plotted score instead of the per-item metric: every score jumps somewhere."""
    score = curve.score.mean(axis=0)
    return "real" if np.abs(np.diff(score)).max() > (score.max() - score.min()) / 3 else "metric"


def by_emergence_score(curve):
    """A high emergence score of the plotted score read as a real jump."""
    return "real" if metrics.emergence_score(curve.x, curve.score.mean(axis=0)) > 25 else "metric"


def by_zeros(curve):
    """'Zeros at the small sizes, so it is a mirage; otherwise real.'"""
    return "metric" if np.any(curve.score == 0) else "real"


def by_log_score_step(curve):
    """'A large share of the rise in one step of log10 of the score means real': ignores the per-item
    metric; right on the five curves, wrong on the swapped ones."""
    score = curve.score.mean(axis=0)
    positive = np.all(curve.score > 0, axis=0)
    return "real" if one_step_share(np.log10(score[positive])) > 1 / 3 else "metric"


def by_any_seed(curve):
    """'One seed whose per-item metric jumps is enough'."""
    return "real" if max(one_step_share(row) for row in curve.per_item) > 1 / 3 else "metric"


@pytest.mark.parametrize("wrong, n_wrong", [
    (lambda curve: "real", 4),
    (lambda curve: "metric", 3),
    (by_score_step, None),
    (by_emergence_score, None),
    (by_zeros, None),
    (by_log_score_step, 2),
    (by_any_seed, 1),
])
def test_jump_verdict_rejects_typical_wrong_rules(wrong, n_wrong, capsys):
    assert not checks.jump_verdict(wrong)
    out = capsys.readouterr().out
    assert "expected" in out and "got" in out and "Hint" in out
    if n_wrong is not None:
        assert f"{n_wrong} of 7 verdicts differ" in out


@pytest.mark.parametrize("wrong, word", [
    (lambda curve: True, "'real' or 'metric'"),
    (lambda curve: "Real", "'real' or 'metric'"),
    (lambda curve: None, "'real' or 'metric'"),
    (stub, "not implemented yet"),
    (crashes, "IndexError"),
])
def test_jump_verdict_wrong_types_and_crashes_do_not_raise(wrong, word, capsys):
    assert not checks.jump_verdict(wrong)
    assert word in capsys.readouterr().out


def test_the_rules_the_wrong_answers_use_really_misjudge_some_curve():
    """The typical wrong rules above differ from the verdicts on at least one curve each."""
    curves = mystery_curves()
    for rule in (by_score_step, by_emergence_score, by_zeros, by_any_seed):
        assert any(rule(c) != VERDICTS[label] for label, c in curves.items()), rule.__name__


def test_by_log_score_step_is_right_on_the_five_curves_so_only_the_swaps_catch_it():
    """The log-score rule gets A-E right; the two swapped curves (same score, other per-item metric)
    are what refuse it."""
    curves = mystery_curves()
    assert all(by_log_score_step(c) == VERDICTS[label] for label, c in curves.items())
    swapped = checks.swapped_curves(curves)
    assert all(by_log_score_step(c) != verdict for c, verdict in swapped.values())
