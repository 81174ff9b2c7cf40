"""The toy model of Schaeffer, Miranda & Koyejo (2023, Section 2): emergence made by the metric.

This is a *model*, not data. It assumes

1. the per-token cross-entropy falls as a power law in parameters N:
   ``L_CE(N) = (N / c) ** alpha`` with ``c > 0`` and ``alpha < 0``;
2. a token is right with probability ``p = exp(-L_CE(N))``. (For a real model,
   exp(-mean cross-entropy) is the *geometric mean* of the probability given to the correct
   token, not the probability that decoding picks it: a greedy decoder is right whenever the
   correct token is the most probable one, which can be far more often. The toy treats the two
   as equal.);
3. the L tokens of an answer are right or wrong independently (the paper's footnote 1).

Then exact match over L tokens is ``p ** L`` (nonlinear in p: a sharp, late rise) and the
token edit distance of an answer of the right length is ``L * (1 - p)`` (linear in p:
smooth). A finite test set adds the paper's second factor, resolution: with ``n_items``
answers, measured accuracy moves in steps of ``1 / n_items``, so a small model's
accuracy of 1e-4 reads as 0 on 100 items. :func:`measure_on_test_set` draws such a test
set from the model.

The default ``c`` and ``alpha`` are illustrative choices, not fitted values.
"""
from __future__ import annotations

from math import comb

import numpy as np

from course_lib.core.validation import check_array, check_count, check_random_state, check_scalar

__all__ = ["DEFAULT_LOSS_SCALE", "DEFAULT_ALPHA", "per_token_loss", "per_token_accuracy",
           "expected_exact_match", "expected_edit_distance", "model_sizes", "measure_on_test_set"]

#: c: the model size at which the per-token loss is 1 nat (illustrative).
DEFAULT_LOSS_SCALE = 1e9
#: alpha: the loss exponent (illustrative; negative, so loss falls with size).
DEFAULT_ALPHA = -0.5


def _probabilities(p_token) -> np.ndarray:
    return check_array("p_token", p_token, dtype=float, minimum=0, maximum=1, scalar=True)


def per_token_loss(n_params, c: float = DEFAULT_LOSS_SCALE, alpha: float = DEFAULT_ALPHA) -> np.ndarray:
    """Per-token cross-entropy of the toy model, ``(N / c) ** alpha`` (nats).

    Parameters
    ----------
    n_params : float or array
        Model sizes N, > 0.
    c : float
        Scale, > 0: the size at which the loss is 1.
    alpha : float
        Exponent, < 0.

    Returns
    -------
    ndarray with the shape of ``n_params``.
    """
    n = check_array("n_params", n_params, dtype=float, minimum=0, include_minimum=False, scalar=True)
    c = check_scalar("c", c, minimum=0, include_minimum=False)
    alpha = check_scalar("alpha", alpha, maximum=0, include_maximum=False)
    return (n / c) ** alpha


def per_token_accuracy(n_params, c: float = DEFAULT_LOSS_SCALE, alpha: float = DEFAULT_ALPHA) -> np.ndarray:
    """Probability that one token is right, ``exp(-per_token_loss(N))``; rises smoothly with N."""
    return np.exp(-per_token_loss(n_params, c, alpha))


def expected_exact_match(p_token, length: int) -> np.ndarray:
    """Expected exact match over ``length`` independent tokens: ``p ** length`` (nonlinear in p).

    Examples
    --------
    >>> float(expected_exact_match(0.9, 2))
    0.81
    """
    return _probabilities(p_token) ** check_count("length", length)


def expected_edit_distance(p_token, length: int) -> np.ndarray:
    """Expected token edit distance of a ``length``-token answer: ``length * (1 - p)`` (linear in p).

    Each wrong token is one substitution (answers have the right length). Lower is better.

    Examples
    --------
    >>> float(expected_edit_distance(0.75, 4))
    1.0
    """
    return check_count("length", length) * (1 - _probabilities(p_token))


def model_sizes(n_min: float, n_max: float, count: int) -> np.ndarray:
    """``count`` model sizes spaced evenly in log N from ``n_min`` to ``n_max`` (inclusive).

    A dense grid (dozens of sizes) shows the curve's shape; a sparse one (a handful, as in a
    published model family) can make a steady rise look like a jump.
    """
    low, high = check_scalar("n_min", n_min), check_scalar("n_max", n_max)
    count = check_count("count", count, minimum=2)
    if not 0 < low < high:
        raise ValueError(f"n_min and n_max must satisfy 0 < n_min < n_max, got {low} and {high}")
    return np.geomspace(low, high, count)


def measure_on_test_set(p_token, length: int, n_items: int,
                        rng: np.random.Generator | int) -> tuple[np.ndarray, np.ndarray]:
    """Score each model on a random test set of ``n_items`` answers drawn from the toy model.

    Each answer has ``length`` tokens, each wrong independently with probability ``1 - p``,
    so the number of wrong tokens in one answer is Binomial(length, 1 - p). The counts of
    answers with 0, 1, ..., length wrong tokens are drawn at once from a multinomial, and both
    metrics are read off the *same* simulated answers: exact match is the share with 0 wrong
    tokens (a multiple of ``1 / n_items``), edit distance the mean number of wrong tokens.

    Parameters
    ----------
    p_token : float or 1-D array
        Per-token accuracy of each model, in [0, 1].
    length : int
        Tokens per answer, >= 1.
    n_items : int
        Test answers per model, >= 1 (the resolution is ``1 / n_items``).
    rng : numpy.random.Generator or int
        Source of randomness (an int is used as a seed).

    Returns
    -------
    exact_match : ndarray, shape like ``p_token``
        Measured exact-match accuracy.
    edit_distance : ndarray, shape like ``p_token``
        Measured mean token edit distance.
    """
    p = _probabilities(p_token)
    length = check_count("length", length)
    n_items = check_count("n_items", n_items)
    rng = check_random_state("rng", rng)
    flat = p.reshape(-1)
    wrong = np.arange(length + 1)
    binomial = np.array([comb(length, j) for j in wrong], dtype=float)
    pmf = binomial * flat[:, None] ** (length - wrong) * (1 - flat[:, None]) ** wrong
    pmf /= pmf.sum(axis=1, keepdims=True)  # remove rounding so the multinomial accepts it
    counts = rng.multinomial(n_items, pmf)
    exact = counts[:, 0] / n_items
    distance = counts @ wrong / n_items
    return exact.reshape(p.shape), distance.reshape(p.shape)
