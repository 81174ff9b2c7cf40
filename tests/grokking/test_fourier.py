"""The Fourier measurements of lesson 03 on cases whose answers are known exactly."""
import numpy as np
import pytest

from course_lib.grokking.data import make_split
from course_lib.grokking.fourier import (cosine_fit, frequency_power, key_frequencies, restricted_and_excluded_loss,
                                         sum_components, top_share)


def test_frequency_power_of_pure_waves():
    x = np.arange(13)[:, None]
    E = np.hstack([np.cos(2 * np.pi * 4 * x / 13), 3 * np.sin(2 * np.pi * 6 * x / 13 + 1.0)])
    share = frequency_power(E)
    assert share.shape == (7,)
    assert share[4] == pytest.approx(0.1) and share[6] == pytest.approx(0.9)
    assert key_frequencies(share, 2).tolist() == [6, 4]
    assert top_share(share, 2) == pytest.approx(1.0)


def test_frequency_power_refuses_bad_input():
    with pytest.raises(ValueError, match="embedding"):
        frequency_power(np.zeros(5))
    with pytest.raises(ValueError, match="embedding"):
        frequency_power(np.full((5, 2), np.nan))


@pytest.mark.parametrize("operation, sign", [("add", 1), ("subtract", -1)])
def test_sum_components_equal_the_2d_fourier_terms(operation, sign):
    p, keys = 11, [2, 5]
    table = np.random.default_rng(0).standard_normal((p, p, p))
    spectrum = np.fft.fft2(table, axes=(0, 1))
    mask = np.zeros((p, p), dtype=bool)
    for k in keys:
        mask[k, (sign * k) % p] = mask[-k % p, (-sign * k) % p] = True
    expected = np.fft.ifft2(spectrum * mask[:, :, None], axes=(0, 1)).real
    assert np.allclose(sum_components(table, keys, operation), expected)


def exact_logits(p, keys, weights):
    a, b, c = np.meshgrid(np.arange(p), np.arange(p), np.arange(p), indexing="ij")
    return sum(w * np.cos(2 * np.pi * k * (a + b - c) / p) for k, w in zip(keys, weights))


def test_cosine_fit_recovers_the_coefficients():
    p = 13
    a = np.arange(p)[:, None, None]
    table = exact_logits(p, [3, 5], [2.0, 0.5]) + (a % 4)  # plus a per-pair constant
    fit = cosine_fit(table, [3, 5])
    assert np.allclose(fit.alphas, [2.0, 0.5]) and fit.r2 == pytest.approx(1.0)


def test_progress_measures_of_a_pure_circuit():
    p = 13
    table = 20 * exact_logits(p, [3, 5], [1.0, 1.0])
    split = make_split(p, 0.5, seed=0)
    losses = restricted_and_excluded_loss(table, split, [3, 5])
    assert losses["restricted"] == pytest.approx(losses["full"])   # nothing outside the circuit
    assert losses["full"] < 1e-3
    assert losses["excluded"] == pytest.approx(np.log(p))         # nothing left: uniform guesses


# --- top_share on shares below 1, and bad input ---

def test_top_share_sums_the_strongest_frequencies():
    share = np.array([0.05, 0.1, 0.4, 0.05, 0.3, 0.1])
    assert top_share(share, 1) == pytest.approx(0.4)
    assert top_share(share, 2) == pytest.approx(0.7)
    assert top_share(share, 3) == pytest.approx(0.8)   # the frequency k = 0 is never counted


@pytest.mark.parametrize("share, error", [([0.5, np.nan, 0.5], ValueError), ([0.5, -0.1, 0.6], ValueError),
                                          ([[0.5, 0.5]], ValueError), (["a", "b"], TypeError), (None, TypeError)])
def test_top_share_refuses_bad_shares(share, error):
    with pytest.raises(error, match="share"):
        top_share(share, 1)


@pytest.mark.parametrize("keys, error", [([1.5], TypeError), (["3"], TypeError), ([0], ValueError),
                                         ([7], ValueError), ([[1, 2]], ValueError), (np.zeros(0, dtype=int), ValueError)])
def test_sum_components_refuses_keys_that_are_not_frequencies(keys, error):
    with pytest.raises(error, match="keys"):
        sum_components(np.zeros((13, 13, 13)), keys)


def test_tables_must_be_cubes_of_finite_logits():
    with pytest.raises(ValueError, match="table"):
        sum_components(np.zeros((13, 13, 12)), [1])
    bad = np.zeros((13, 13, 13))
    bad[0, 0, 0] = np.nan
    with pytest.raises(ValueError, match="table"):
        cosine_fit(bad, [1])


# --- the progress measures use the right split ---

def independent_waves(table, keys):
    """The key-frequency terms in a + b, from the full 2-D transform (a second implementation)."""
    p = table.shape[0]
    mask = np.zeros((p, p), dtype=bool)
    for k in keys:
        mask[k, k] = mask[-k % p, -k % p] = True
    return np.fft.ifft2(np.fft.fft2(table, axes=(0, 1)) * mask[:, :, None], axes=(0, 1)).real


def mean_loss(logits, answers):
    from scipy.special import log_softmax
    return -float(log_softmax(logits, axis=1)[np.arange(len(answers)), answers].mean())


def test_restricted_loss_is_on_the_test_pairs_and_excluded_on_the_training_pairs():
    """A random table (no symmetry between the splits): each measure equals a second implementation on its
    own split, and differs from the same measure on the other split, so a wrong split cannot pass."""
    p, keys = 13, [2, 5]
    rng = np.random.default_rng(7)
    table = 3 * rng.standard_normal((p, p, p)) + exact_logits(p, keys, [1.0, 0.7])  # within the logit floor
    split = make_split(p, 0.4, seed=3)
    flat, waves = table.reshape(p * p, p), independent_waves(table, keys).reshape(p * p, p)
    restricted = {name: mean_loss(waves[idx] + flat.mean(axis=0), split.c[idx])
                  for name, idx in (("test", split.test), ("train", split.train))}
    excluded = {name: mean_loss(flat[idx] - waves[idx], split.c[idx])
                for name, idx in (("test", split.test), ("train", split.train))}
    full = {name: mean_loss(flat[idx], split.c[idx]) for name, idx in (("test", split.test), ("train", split.train))}
    losses = restricted_and_excluded_loss(table, split, keys)
    assert losses["restricted"] == pytest.approx(restricted["test"], rel=1e-9)
    assert losses["excluded"] == pytest.approx(excluded["train"], rel=1e-9)
    assert losses["full"] == pytest.approx(full["test"], rel=1e-9)
    for measure in (restricted, excluded, full):   # the splits give different numbers here
        assert abs(measure["test"] - measure["train"]) > 1e-3


def test_progress_measures_refuse_a_split_of_another_modulus():
    with pytest.raises(ValueError, match="split"):
        restricted_and_excluded_loss(np.zeros((13, 13, 13)), make_split(11, 0.5, seed=0), [1])
    with pytest.raises(TypeError, match="split"):
        restricted_and_excluded_loss(np.zeros((13, 13, 13)), (1, 2), [1])
