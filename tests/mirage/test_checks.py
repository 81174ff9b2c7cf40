"""Lesson 02's exercise checks accept the reference solutions and reject typical wrong answers."""
import numpy as np
import pytest

from checker_contract import contract_tests, stub
from course_lib import metrics
from course_lib.mirage import checks

TOY_EM_WRONG = {"edit distance instead": lambda p, L: L * (1 - np.asarray(p)), "p times L": lambda p, L: np.asarray(p) * L}
CHECKS = [(checks.toy_exact_match, lambda p, L: np.asarray(p, dtype=float) ** L, TOY_EM_WRONG)]

test_accepts_solution, test_rejects_wrong_answers_with_a_diagnosis, test_stub_and_crash_do_not_raise = \
    contract_tests(CHECKS)


# --- checks that do not fit the table above ---

def sample_without_replacement(correct, k, n_draws, rng):
    return np.mean([correct[rng.choice(len(correct), k, replace=False)].all() for _ in range(n_draws)])


def test_sampled_subset_accuracy_accepts_a_correct_sampler(capsys):
    assert checks.sampled_subset_accuracy(sample_without_replacement, n_draws=5000)


@pytest.mark.parametrize("wrong", [
    lambda c, k, n, rng: np.mean([c[rng.choice(len(c), k, replace=True)].all() for _ in range(n)]),
    lambda c, k, n, rng: float(np.mean(c)),
    lambda c, k, n, rng: float(np.mean(c)) ** k,
])
def test_sampled_subset_accuracy_rejects_wrong_samplers(wrong, capsys):
    assert not checks.sampled_subset_accuracy(wrong, n_draws=5000)
    out = capsys.readouterr().out
    assert "expected" in out and "Generator" not in out


def test_sampled_subset_accuracy_stub(capsys):
    assert not checks.sampled_subset_accuracy(stub)
    assert "not implemented yet" in capsys.readouterr().out


def subset_30(correct):
    return metrics.subset_accuracy(correct.sum(axis=1), correct.shape[1], 30)


def test_emergent_metric_accepts_all_30_right(capsys):
    assert checks.emergent_metric(subset_30)
    assert "emergent!" in capsys.readouterr().out


@pytest.mark.parametrize("wrong, word", [
    (lambda c: c.mean(axis=1), "not absent in small models"),
    (lambda c: metrics.subset_accuracy(c.sum(axis=1), c.shape[1], 5), "not absent in small models"),
    (lambda c: np.zeros(len(c)), "not present in the largest model"),
    (lambda c: c.sum(axis=1), "[0, 1]"),
    (lambda c: c.mean(), "one value per model"),
    (stub, "not implemented yet"),
])
def test_emergent_metric_rejects(wrong, word, capsys):
    assert not checks.emergent_metric(wrong)
    assert word in capsys.readouterr().out


def test_sampling_check_says_how_close_a_sample_must_be(capsys):
    def my_sampler(correct, k, n_draws, rng):
        return 0.0

    assert not checks.sampled_subset_accuracy(my_sampler, n_draws=5000)
    out = capsys.readouterr().out
    assert out.startswith("my_sampler: case 1") and "must land within ±" in out and "*" not in out


def test_emergent_metric_reuses_the_session_family():
    from course_lib.mirage.classifiers import random_feature_family
    assert random_feature_family(show_progress=False) is random_feature_family(show_progress=False)
