"""Tests of the lesson-02 metrics: Brier score, multiple-choice grade, Reconstruction_c,
and the exact subset accuracy against sampling."""
import numpy as np
import pytest

from course_lib.metrics import (brier_score, multiple_choice_grade, reconstruction_rate,
                                subset_accuracy)


# --- brier_score -------------------------------------------------------------------------

def test_brier_score_hand_computed():
    probs = [[0.7, 0.2, 0.1], [0.2, 0.5, 0.3], [1.0, 0.0, 0.0]]
    got = brier_score(probs, [0, 2, 1])
    # (0.3^2 + 0.2^2 + 0.1^2), (0.2^2 + 0.5^2 + 0.7^2), (1 + 1)
    np.testing.assert_allclose(got, [0.14, 0.78, 2.0])


def test_brier_score_extremes_and_uniform():
    assert brier_score([[0.0, 1.0]], [1]).tolist() == [0.0]
    # uniform over m options: (1 - 1/m)^2 + (m - 1)/m^2 = 1 - 1/m
    m = 10
    got = brier_score(np.full((3, m), 1 / m), [0, 4, 9])
    np.testing.assert_allclose(got, 1 - 1 / m)


@pytest.mark.parametrize("probs, index, exc, word", [
    ([[0.5, 0.5]], [0, 1], ValueError, "correct_index"),          # length mismatch
    ([[0.5, 0.6]], [0], ValueError, "sum to 1"),                   # row sum
    ([[1.2, -0.2]], [0], ValueError, "probs"),                     # outside [0, 1]
    ([[np.nan, 1.0]], [0], ValueError, "probs must be finite"),
    (np.zeros((0, 3)), np.zeros(0, int), ValueError, "at least 1 element"),
    ([[0.5, 0.5]], [2], ValueError, "correct_index"),              # index out of range
    ([[0.5, 0.5]], [-1], ValueError, "correct_index"),
    ([[0.5, 0.5]], [0.0], TypeError, "correct_index"),             # not an int
    ([0.5, 0.5], [0], ValueError, "probs"),                        # 1-D
    ([["a", "b"]], [0], TypeError, "probs"),
])
def test_brier_score_validation(probs, index, exc, word):
    with pytest.raises(exc, match=word):
        brier_score(probs, index)


# --- multiple_choice_grade ---------------------------------------------------------------

def test_multiple_choice_grade_probs_and_log_probs_agree():
    probs = np.array([[0.1, 0.6, 0.3], [0.5, 0.2, 0.3], [0.2, 0.3, 0.5]])
    correct = np.array([1, 2, 2])
    assert multiple_choice_grade(probs, correct).tolist() == [1, 0, 1]
    assert multiple_choice_grade(np.log(probs), correct).tolist() == [1, 0, 1]


def test_multiple_choice_grade_ties_count_as_wrong_in_any_position():
    scores = [[0.4, 0.4, 0.2], [0.4, 0.4, 0.2], [0.2, 0.4, 0.4]]
    assert multiple_choice_grade(scores, [0, 1, 2]).tolist() == [0, 0, 0]


def test_multiple_choice_grade_accepts_minus_inf():
    scores = [[-np.inf, -0.1], [-np.inf, -np.inf]]
    assert multiple_choice_grade(scores, [1, 0]).tolist() == [1, 0]


@pytest.mark.parametrize("scores, index, exc, word", [
    ([[0.1, np.inf]], [0], ValueError, r"\+inf"),
    ([[0.1, np.nan]], [0], ValueError, "NaN"),
    ([[0.1, 0.9]], [0, 1], ValueError, "correct_index"),
    ([[0.1, 0.9]], [5], ValueError, "correct_index"),
    ([[0.1]], [0], ValueError, "at least 2 options"),
    (np.zeros((0, 2)), np.zeros(0, int), ValueError, "at least 1 element"),
])
def test_multiple_choice_grade_validation(scores, index, exc, word):
    with pytest.raises(exc, match=word):
        multiple_choice_grade(scores, index)


# --- reconstruction_rate -----------------------------------------------------------------

def test_reconstruction_rate_is_strictly_below_c():
    errors = [0.01, 0.02, 0.02, 0.05]
    assert reconstruction_rate(errors, 0.02) == 0.25
    assert reconstruction_rate(errors, 0.0201) == 0.75
    assert reconstruction_rate(errors, 1) == 1.0


def test_reconstruction_rate_per_model_rows():
    errors = np.array([[0.1, 0.2, 0.3, 0.4], [0.0, 0.0, 0.3, 0.0]])
    got = reconstruction_rate(errors, 0.25)
    assert got.shape == (2,)
    np.testing.assert_allclose(got, [0.5, 0.75])


@pytest.mark.parametrize("errors, c, exc, word", [
    ([0.1, -0.1], 0.2, ValueError, "errors"),
    ([0.1, np.nan], 0.2, ValueError, "errors must be finite"),
    ([], 0.2, ValueError, "at least 1 element"),
    (np.zeros((2, 0)), 0.2, ValueError, "at least 1 element"),
    (np.zeros((2, 2, 2)), 0.2, ValueError, "errors"),
    ([0.1], 0.0, ValueError, "c must"),
    ([0.1], np.inf, ValueError, "c must"),
    ([0.1], "0.1", TypeError, "c must"),
    ([0.1], True, TypeError, "c must"),
])
def test_reconstruction_rate_validation(errors, c, exc, word):
    with pytest.raises(exc, match=word):
        reconstruction_rate(errors, c)


# --- subset accuracy: exact formula vs sampling ------------------------------------------

def test_subset_accuracy_exact_agrees_with_sampled_k_tuples():
    rng = np.random.default_rng(0)
    n, k, draws = 200, 5, 20_000
    correct = rng.random(n) < 0.9
    exact = subset_accuracy(int(correct.sum()), n, k)
    # K distinct items per draw: the first K of a random permutation of the test set
    picks = np.argsort(rng.random((draws, n)), axis=1)[:, :k]
    sampled = np.all(correct[picks], axis=1).mean()
    standard_error = np.sqrt(exact * (1 - exact) / draws)
    assert abs(sampled - exact) < 4 * standard_error
