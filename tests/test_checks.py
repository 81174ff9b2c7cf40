"""Every exercise checker accepts the reference solution and rejects typical wrong answers."""
import numpy as np
import pytest

from course_lib import checks, metrics


def stub(*args):
    raise NotImplementedError


def crashes(*args):
    raise IndexError("list index out of range")


EXACT_MATCH_WRONG = {
    "ignores length": lambda p, t: np.array([int(list(a)[:len(b)] == list(b)) for a, b in zip(p, t)]),
    "fraction of tokens": lambda p, t: np.array([np.mean([x == y for x, y in zip(a, b)]) for a, b in zip(p, t)]),
    "one number for all": lambda p, t: float(np.mean([list(a) == list(b) for a, b in zip(p, t)])),
}
EMERGENCE_WRONG = {
    "no sorting": lambda x, y: float(np.sign(np.argmax(y) - np.argmin(y)) * (np.max(y) - np.min(y))
                                     / np.sqrt(np.median(np.diff(y) ** 2))),
    "no sign": lambda x, y: metrics.emergence_score(x, y) * np.sign(metrics.emergence_score(x, y)),
    "mean instead of median": lambda x, y: float((max(y) - min(y)) / np.sqrt(np.mean(np.diff(np.asarray(y)[np.argsort(x)]) ** 2))),
}
STEPS_WRONG = {"p times k": lambda p, k: p * k, "p to the k-1": lambda p, k: p ** (k - 1)}

TOY_EM_WRONG = {"edit distance instead": lambda p, L: L * (1 - np.asarray(p)), "p times L": lambda p, L: np.asarray(p) * L}

PARAMS_WRONG = {"no biases": lambda i, h, o: i * h + h * o, "no output bias": lambda i, h, o: i * h + h + h * o}

CHECKERS = [
    (checks.check_mlp_param_count, lambda i, h, o: (i + 1) * h + (h + 1) * o, PARAMS_WRONG),
    (checks.check_exact_match, metrics.exact_match, EXACT_MATCH_WRONG),
    (checks.check_emergence_score, metrics.emergence_score, EMERGENCE_WRONG),
    (checks.check_all_steps_right, lambda p, k: p ** k, STEPS_WRONG),
    (checks.check_toy_exact_match, lambda p, L: np.asarray(p, dtype=float) ** L, TOY_EM_WRONG),
]


@pytest.mark.parametrize("checker, solution, wrong", CHECKERS)
def test_accepts_solution(checker, solution, wrong, capsys):
    assert checker(solution)
    assert "all" in capsys.readouterr().out


@pytest.mark.parametrize("checker, solution, wrong", CHECKERS)
def test_rejects_wrong_answers_with_a_diagnosis(checker, solution, wrong, capsys):
    for name, fn in wrong.items():
        result = checker(fn)
        out = capsys.readouterr().out
        assert not result, name
        assert "expected" in out and "got" in out and "Hint" in out, name


@pytest.mark.parametrize("checker, solution, wrong", CHECKERS)
def test_stub_and_crash_do_not_raise(checker, solution, wrong, capsys):
    assert not checker(stub)
    assert "not implemented yet" in capsys.readouterr().out
    assert not checker(crashes)
    assert "IndexError" in capsys.readouterr().out


def test_run_cases_rejects_non_callable():
    with pytest.raises(TypeError, match="fn"):
        checks.run_cases("x", 3, [])


def test_infinities_must_match_in_sign():
    assert checks._same(np.inf, np.inf, 1e-9)
    assert not checks._same(np.inf, -np.inf, 1e-9)
    assert not checks._same([1.0, 2.0], [1.0], 1e-9)


# --- lesson 02 checkers that do not fit the table above ---

def sample_without_replacement(correct, k, n_draws, rng):
    return np.mean([correct[rng.choice(len(correct), k, replace=False)].all() for _ in range(n_draws)])


def test_sampled_subset_accuracy_accepts_a_correct_sampler(capsys):
    assert checks.check_sampled_subset_accuracy(sample_without_replacement, n_draws=5000)


@pytest.mark.parametrize("wrong", [
    lambda c, k, n, rng: np.mean([c[rng.choice(len(c), k, replace=True)].all() for _ in range(n)]),
    lambda c, k, n, rng: float(np.mean(c)),
    lambda c, k, n, rng: float(np.mean(c)) ** k,
])
def test_sampled_subset_accuracy_rejects_wrong_samplers(wrong, capsys):
    assert not checks.check_sampled_subset_accuracy(wrong, n_draws=5000)
    out = capsys.readouterr().out
    assert "expected" in out and "Generator" not in out


def test_sampled_subset_accuracy_stub(capsys):
    assert not checks.check_sampled_subset_accuracy(stub)
    assert "not implemented yet" in capsys.readouterr().out


def subset_30(correct):
    return metrics.subset_accuracy(correct.sum(axis=1), correct.shape[1], 30)


def test_emergent_metric_accepts_all_30_right(capsys):
    assert checks.check_emergent_metric(subset_30)
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
    assert not checks.check_emergent_metric(wrong)
    assert word in capsys.readouterr().out
