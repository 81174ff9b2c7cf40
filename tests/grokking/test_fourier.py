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
    assert np.allclose(fit.alphas, [2.0, 0.5]) and fit.r2 == pytest.approx(1.0) and fit.accuracy == 1.0


def test_progress_measures_of_a_pure_circuit():
    p = 13
    table = 20 * exact_logits(p, [3, 5], [1.0, 1.0])
    split = make_split(p, 0.5, seed=0)
    losses = restricted_and_excluded_loss(table, split, [3, 5])
    assert losses["restricted"] == pytest.approx(losses["full"])   # nothing outside the circuit
    assert losses["full"] < 1e-3
    assert losses["excluded"] == pytest.approx(np.log(p))         # nothing left: uniform guesses
