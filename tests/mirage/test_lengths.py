"""Tests of prediction 3 on one fixed model (course_lib.mirage.lengths) and the multiple-choice scoring."""
import numpy as np
import pytest

from course_lib.emergence.problems import make_problems
from course_lib.emergence.training import train_model
from course_lib.mirage.lengths import prefix_scores, score_on_longer_problems
from course_lib.mirage.multiple_choice_demo import keep_options, score_multiple_choice


def test_prefix_scores_count_exact_prefixes_and_wrong_digits():
    correct = np.array([[True, True, False], [True, False, True], [False, True, True], [True, True, True]])
    r = prefix_scores(correct)
    assert r["lengths"].tolist() == [1, 2, 3]
    assert r["exact_match"].tolist() == [0.75, 0.5, 0.25]
    assert r["digits_wrong"].tolist() == [0.25, 0.5, 0.75]
    assert r["p_first"] == 0.75 and np.allclose(r["geometric"], 0.75 ** np.arange(1, 4))
    assert np.allclose(r["linear"], 0.25 * np.arange(1, 4))


@pytest.mark.parametrize("bad", [np.ones(4, bool), np.ones((0, 3), bool), np.ones((3, 0), bool)])
def test_prefix_scores_refuse_bad_input(bad):
    with pytest.raises(ValueError, match="correct"):
        prefix_scores(bad)


@pytest.mark.parametrize("bad", [np.ones((3, 2)), [["yes"]], None])
def test_prefix_scores_refuse_wrong_types(bad):
    with pytest.raises(TypeError, match="correct"):
        prefix_scores(bad)


def test_a_scratchpad_model_adds_longer_numbers_than_it_was_trained_on():
    train = make_problems(4, 50_000, np.random.default_rng(0))
    model = train_model(4, 16, "scratchpad", *train, epochs=10, seed=0)
    correct = score_on_longer_problems(model, n_digits=6, n_test=500)
    assert correct.shape == (500, 7) and correct.mean() > 0.9
    with pytest.raises(TypeError, match="model"):
        score_on_longer_problems("not a model", 3)
    with pytest.raises(ValueError, match="n_digits"):
        score_on_longer_problems(model, 0)


def test_keep_options_keeps_the_answer_and_nests():
    labels = np.array([0, 3, 9, 5])
    kept2, kept5 = keep_options(labels, 2), keep_options(labels, 5)
    assert kept2.sum(axis=1).tolist() == [2] * 4 and kept5.sum(axis=1).tolist() == [5] * 4
    assert kept2[np.arange(4), labels].all() and np.all(kept5 | ~kept2)
    for bad in (1, 11):
        with pytest.raises(ValueError, match="n_options"):
            keep_options(labels, bad)


def test_score_multiple_choice_renormalises_over_kept_options():
    log_probs = np.log(np.array([[[0.5, 0.3, 0.2], [0.1, 0.6, 0.3]]]))  # 1 model, 2 questions, 3 options
    labels = np.array([0, 2])
    kept = np.array([[True, True, False], [False, True, True]])
    m = score_multiple_choice(log_probs, labels, kept)
    assert m["grade"].tolist() == [0.5]  # question 1 right (0.625 vs 0.375), question 2 wrong
    assert np.allclose(m["lp_correct"], np.mean(np.log([0.5 / 0.8, 0.3 / 0.9])))
    assert np.allclose(m["lp_wrong"], np.mean(np.log([0.3 / 0.8, 0.6 / 0.9])))
    with pytest.raises(ValueError, match="correct option"):
        score_multiple_choice(log_probs, labels, ~kept | np.array([[False, True, True], [True, True, False]]) & False)
