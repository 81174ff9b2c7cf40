"""Fourier views of the trained network: the embedding's spectrum, key frequencies, progress measures.

Nanda et al. (2023) found that a network that has grokked modular addition represents each
residue x by cos(w_k x) and sin(w_k x) for a few *key* frequencies w_k = 2πk/p, and that its
logits are close to Σ_k α_k cos(w_k (a + b - c)). This module measures those things on the
small network of :mod:`course_lib.grokking.model`:

- :func:`frequency_power`: the share of the embedding's power at each frequency k = 0..(p-1)/2;
- :func:`key_frequencies`: the strongest frequencies;
- :func:`cosine_fit`: how well a few cosines of (a + b - c) approximate the logits;
- :func:`restricted_and_excluded_loss`: Nanda et al.'s two progress measures (§5.1), at this
  scale: keep only the key-frequency "sum" components of the logits (restricted loss, on the
  test pairs), or remove only those (excluded loss, on the training pairs).
"""
from __future__ import annotations

import numpy as np

from course_lib.core.validation import check_array, check_choice, check_count
from course_lib.grokking.data import Split
from course_lib.grokking.model import log_softmax

__all__ = ["frequency_power", "key_frequencies", "top_share", "logit_table", "sum_components",
           "cosine_fit", "CosineFit", "restricted_and_excluded_loss"]


def frequency_power(embedding) -> np.ndarray:
    """Share of the embedding's power at each frequency k = 0, 1, ..., p // 2 (sums to 1).

    Used in notebook 03 §2 (and the reference answer of exercise 2.1).

    The discrete Fourier transform runs over the residue axis (rows) of the (p, d) embedding;
    the power |F_k|² is summed over the d columns, and frequencies k and p - k (the same real
    wave) are counted together.
    """
    E = check_array("embedding", embedding, ndim=2, dtype=float)
    p = E.shape[0]
    if p < 3:
        raise ValueError(f"embedding must be a (p, d) array with p >= 3, got shape {E.shape}")
    power = (np.abs(np.fft.fft(E, axis=0)) ** 2).sum(axis=1)
    folded = power[: p // 2 + 1].copy()
    folded[1:(p + 1) // 2] += power[::-1][: (p - 1) // 2]  # k and p - k together
    total = folded.sum()
    if total == 0:
        raise ValueError("embedding must not be all zeros")
    return folded / total


def key_frequencies(share: np.ndarray, count: int = 5) -> np.ndarray:
    """The ``count`` frequencies k >= 1 with the largest share of power, strongest first."""
    share = check_array("share", share, ndim=1, dtype=float, minimum=0, min_size=2)
    count = check_count("count", count, maximum=len(share) - 1)
    order = np.argsort(-share[1:], kind="stable") + 1
    return order[:count]


def top_share(share: np.ndarray, count: int = 5) -> float:
    """The share of power held by the ``count`` strongest frequencies k >= 1.

    Used in notebook 03 §2 (the step slider's note).
    """
    share = check_array("share", share, ndim=1, dtype=float, minimum=0, min_size=2)
    return float(share[key_frequencies(share, count)].sum())


def logit_table(logits_fn, p: int) -> np.ndarray:
    """Logits for every pair, shape (p, p, p): [a, b, c]. ``logits_fn(a, b)`` gives (n, p).

    Used in notebook 03 §4.
    """
    p = check_count("p", p, minimum=3)
    a, b = np.divmod(np.arange(p * p), p)
    return np.asarray(logits_fn(a, b), dtype=np.float64).reshape(p, p, p)


def _table(table) -> np.ndarray:
    """``table`` through check_array, plus the one thing it cannot say: the three axes are equal."""
    table = check_array("table", table, ndim=3, dtype=np.float64)
    if not table.shape[0] == table.shape[1] == table.shape[2]:
        raise ValueError(f"table must be a (p, p, p) array of logits [a, b, c], got shape {table.shape}")
    return table


def _keys(keys, p: int) -> np.ndarray:
    """Key frequencies as integers 1..p // 2 (TypeError for non-integers, ValueError out of range)."""
    return check_array("keys", keys, ndim=1, kind="iu", dtype=np.int64, minimum=1, maximum=p // 2)


def _combined(p: int, operation: str) -> np.ndarray:
    """s[a, b] = (a + b) mod p for addition, (a - b) mod p for subtraction."""
    check_choice("operation", operation, ("add", "subtract"))
    a, b = np.divmod(np.arange(p * p), p)
    return ((a + b) % p if operation == "add" else (a - b) % p).reshape(p, p)


def sum_components(table: np.ndarray, keys, operation: str = "add") -> np.ndarray:
    """The part of the logits that is a wave in s = a + b (or a - b) at the key frequencies.

    In the 2-D Fourier transform of the logits over (a, b), these are the terms
    cos(w_k s) and sin(w_k s) of each key frequency k. They depend on (a, b) only through s,
    so they come from the logits summed along each line s = const: a 1-D transform over s,
    keeping frequencies ±k. Returns an array of the table's shape.
    """
    table = _table(table)
    p = table.shape[0]
    s = _combined(p, operation)
    keys = _keys(keys, p)
    line_sums = np.zeros((p, p))                       # [s, c]
    np.add.at(line_sums, s.ravel(), table.reshape(p * p, p))
    mask = np.zeros(p, dtype=bool)
    mask[keys % p] = mask[-keys % p] = True
    waves = np.fft.ifft(np.fft.fft(line_sums, axis=0) * mask[:, None], axis=0).real / p
    return waves[s]


def _mean_loss(logits: np.ndarray, answers: np.ndarray) -> float:
    return -float(log_softmax(logits)[np.arange(len(answers)), answers].mean())


def restricted_and_excluded_loss(table: np.ndarray, split: Split, keys) -> dict[str, float]:
    """Nanda et al.'s progress measures at this scale (notebook 03 §4).

    - ``full``: test loss of the network as it is;
    - ``restricted``: test loss with only the mean over (a, b) and the key-frequency waves in
      a ± b kept (high while the network memorises, low once the circuit is built). Measured on
      the test pairs; the authors' code measures it on all p² pairs;
    - ``excluded``: *training* loss with exactly those waves removed (low while the network
      memorises; it rises as the training fit comes to rest on the circuit).
    """
    table = _table(table)
    p = table.shape[0]
    if not isinstance(split, Split):
        raise TypeError(f"split must be a Split from make_split(), got {type(split).__name__}")
    if split.p != p:
        raise ValueError(f"split is for p = {split.p} but table is for p = {p}")
    waves = sum_components(table, keys, split.operation).reshape(p * p, p)
    flat = table.reshape(p * p, p)
    mean = flat.mean(axis=0)
    test, train = split.test, split.train
    return {"full": _mean_loss(flat[test], split.c[test]),
            "restricted": _mean_loss(waves[test] + mean, split.c[test]),
            "excluded": _mean_loss(flat[train] - waves[train], split.c[train])}


class CosineFit(dict):
    """Result of :func:`cosine_fit`: ``alphas`` and ``r2`` (also as attributes)."""

    __getattr__ = dict.__getitem__


def cosine_fit(table: np.ndarray, keys, operation: str = "add") -> CosineFit:
    """Fit logits[a, b, c] ≈ const(a, b) + Σ_k α_k cos(w_k (s - c)), s = a ± b, by least squares.

    Used in notebook 03 §4.

    Returns the coefficients ``alphas`` (one per key frequency) and ``r2`` (the share of the
    logits' variance over c that the cosines explain). No accuracy of the fitted cosines alone is
    returned: with every α_k > 0 and p prime their sum always peaks at c = a ± b, whatever the
    network does, so it would prove nothing.
    """
    table = _table(table)
    p = table.shape[0]
    s = _combined(p, operation)
    keys = _keys(keys, p)
    centred = table - table.mean(axis=2, keepdims=True)
    # one cosine per key frequency, as a (p, p) table over (s, c)
    sc = np.arange(p)[:, None] - np.arange(p)[None, :]
    waves = np.stack([np.cos(2 * np.pi * k * sc / p) for k in keys])      # [k, s, c]
    line_sums = np.zeros((p, p))
    np.add.at(line_sums, s.ravel(), centred.reshape(p * p, p))
    # cosines of distinct frequencies are orthogonal over c, so each α is a projection;
    # every value of s occurs p times among the p² pairs
    alphas = np.einsum("ksc,sc->k", waves, line_sums) / (p * np.einsum("ksc,ksc->k", waves, waves))
    fitted = np.einsum("k,ksc->sc", alphas, waves)[s]                    # [a, b, c]
    r2 = 1 - float(((centred - fitted) ** 2).sum() / (centred ** 2).sum())
    return CosineFit(alphas=alphas, r2=r2)
