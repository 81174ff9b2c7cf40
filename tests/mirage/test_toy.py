"""Tests of the mirage toy model (Schaeffer et al. 2023, Section 2) and its cited constants."""
import numpy as np
import pytest

from course_lib.mirage.toy import (expected_edit_distance, expected_exact_match, measure_on_test_set,
                                   model_sizes, per_token_accuracy, per_token_loss)
from course_lib.papers import schaeffer2023


def test_per_token_loss_is_the_power_law():
    # (N / c) ** alpha: 1 at N = c; (4) ** -0.5 = 0.5; (100) ** -1 = 0.01
    np.testing.assert_allclose(per_token_loss([1e9, 4e9, 1e11], c=1e9, alpha=-0.5), [1.0, 0.5, 0.1])
    np.testing.assert_allclose(per_token_loss(100.0, c=1.0, alpha=-1.0), 0.01)


def test_per_token_accuracy_is_exp_of_minus_loss():
    n = np.array([1e8, 1e10])
    np.testing.assert_allclose(per_token_accuracy(n, 1e9, -0.3), np.exp(-per_token_loss(n, 1e9, -0.3)))
    assert float(per_token_accuracy(1e9, c=1e9)) == pytest.approx(np.exp(-1))


def test_expected_metrics_hand_computed():
    np.testing.assert_allclose(expected_exact_match([0.5, 0.9], 3), [0.125, 0.729])
    np.testing.assert_allclose(expected_edit_distance([0.5, 0.9], 3), [1.5, 0.3])
    p = np.linspace(0, 1, 5)
    np.testing.assert_allclose(expected_exact_match(p, 1), 1 - expected_edit_distance(p, 1))


def test_exact_match_decays_geometrically_and_edit_distance_grows_linearly_with_length():
    p = 0.8
    em = np.array([float(expected_exact_match(p, L)) for L in range(1, 6)])
    ted = np.array([float(expected_edit_distance(p, L)) for L in range(1, 6)])
    np.testing.assert_allclose(em[1:] / em[:-1], p)
    np.testing.assert_allclose(np.diff(ted), 1 - p)


def test_model_sizes_are_log_spaced_and_inclusive():
    n = model_sizes(1e8, 1e12, 5)
    np.testing.assert_allclose(n, [1e8, 1e9, 1e10, 1e11, 1e12])


def test_measure_on_test_set_is_quantised_and_bounded():
    p = per_token_accuracy(model_sizes(1e8, 1e12, 9))
    em, ted = measure_on_test_set(p, length=4, n_items=50, rng=np.random.default_rng(1))
    assert em.shape == ted.shape == p.shape
    np.testing.assert_allclose(em * 50, np.round(em * 50))   # multiples of 1 / n_items
    assert np.all((ted >= 0) & (ted <= 4))
    # an answer with no wrong token is an exact match: the two metrics share the same answers
    assert np.all(em <= 1 - ted / 4 + 1e-12)


def test_measure_on_test_set_extremes():
    em, ted = measure_on_test_set([0.0, 1.0], length=3, n_items=10, rng=0)
    np.testing.assert_array_equal(em, [0.0, 1.0])
    np.testing.assert_array_equal(ted, [3.0, 0.0])


def test_measure_on_test_set_is_reproducible_and_seed_dependent():
    p = np.full(20, 0.7)
    a = measure_on_test_set(p, 5, 200, np.random.default_rng(3))
    b = measure_on_test_set(p, 5, 200, 3)
    c = measure_on_test_set(p, 5, 200, 4)
    np.testing.assert_array_equal(a[0], b[0])
    np.testing.assert_array_equal(a[1], b[1])
    assert not np.array_equal(a[0], c[0])


def test_measure_on_test_set_agrees_with_the_expected_values_on_many_items():
    p = np.array([0.3, 0.6, 0.9])
    n = 200_000
    em, ted = measure_on_test_set(p, 5, n, 0)
    expected = expected_exact_match(p, 5)
    assert np.all(np.abs(em - expected) < 4 * np.sqrt(expected * (1 - expected) / n) + 1e-12)
    np.testing.assert_allclose(ted, expected_edit_distance(p, 5), atol=0.01)


def test_small_test_sets_read_zero_where_the_model_is_above_zero():
    p = per_token_accuracy(model_sizes(1e8, 1e12, 25))
    expected = expected_exact_match(p, 5)
    em, _ = measure_on_test_set(p, 5, 10, 0)
    assert np.all(expected > 0)
    assert np.sum(em == 0) > np.sum(measure_on_test_set(p, 5, 100_000, 0)[0] == 0)


@pytest.mark.parametrize("call, exc, word", [
    (lambda: per_token_loss(1e9, alpha=0.0), ValueError, "alpha"),
    (lambda: per_token_loss(1e9, alpha=0.5), ValueError, "alpha"),
    (lambda: per_token_loss(1e9, c=0.0), ValueError, "c must"),
    (lambda: per_token_loss(1e9, c="1"), TypeError, "c must"),
    (lambda: per_token_loss([1e9, -1.0]), ValueError, "n_params"),
    (lambda: per_token_loss([np.nan]), ValueError, "n_params"),
    (lambda: per_token_loss([]), ValueError, "n_params"),
    (lambda: expected_exact_match(0.5, 0), ValueError, "length"),
    (lambda: expected_exact_match(0.5, 2.0), TypeError, "length"),
    (lambda: expected_edit_distance(1.5, 2), ValueError, "p_token"),
    (lambda: expected_edit_distance([np.nan], 2), ValueError, "p_token"),
    (lambda: model_sizes(1e9, 1e8, 5), ValueError, "n_min"),
    (lambda: model_sizes(1e8, 1e9, 1), ValueError, "count"),
    (lambda: measure_on_test_set(0.5, 2, 0, 0), ValueError, "n_items"),
    (lambda: measure_on_test_set(0.5, 2, 10, "seed"), TypeError, "rng"),
    (lambda: measure_on_test_set(0.5, 2, 10, np.random.RandomState(0)), TypeError, "rng"),
    (lambda: measure_on_test_set(-0.1, 2, 10, 0), ValueError, "p_token"),
    (lambda: per_token_loss("1e9"), TypeError, "n_params"),
    (lambda: per_token_loss([True, False]), TypeError, "n_params"),
    (lambda: per_token_loss([1e9, np.inf]), ValueError, "n_params"),
    (lambda: per_token_loss(0.0), ValueError, "n_params"),
    (lambda: expected_exact_match(None, 2), TypeError, "p_token"),
    (lambda: expected_exact_match([0.5, 1.0 + 1e-9], 2), ValueError, "p_token"),
])
def test_validation_names_the_argument(call, exc, word):
    with pytest.raises(exc, match=word):
        call()


def test_schaeffer_constants_are_cited():
    public = [name for name in schaeffer2023.__all__ if name not in ("CITATION", "SOURCES")]
    assert sorted(schaeffer2023.SOURCES) == sorted(public)
    assert schaeffer2023.INSTRUCTGPT_MODEL_SIZES == (350e6, 1.3e9, 6.7e9, 175e9)
    assert schaeffer2023.METRICS_WITH_EMERGENCE_AT_MOST <= schaeffer2023.BIGBENCH_PREFERRED_METRICS
    assert len(schaeffer2023.THREE_FACTORS) == 3
