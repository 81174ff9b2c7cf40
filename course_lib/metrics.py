"""Metrics that turn model outputs into scores, and the emergence score of a curve.

Lesson 01 uses the all-or-nothing and the partial-credit metrics on the same outputs;
lesson 02 (the mirage) shows how the choice between them can create or remove emergence.

Every function checks its input and raises ``ValueError`` (bad values or shapes) or
``TypeError`` (wrong kinds) naming the argument; nothing is clipped silently.
"""
from __future__ import annotations

from typing import Sequence

import numpy as np

from course_lib.core.validation import check_array, check_scalar

__all__ = ["exact_match", "token_edit_distance", "token_edit_distances", "subset_accuracy",
           "emergence_score", "emergence_scores", "largest_step_share", "brier_score", "multiple_choice_grade",
           "reconstruction_rate"]


def _as_sequence(name: str, seq) -> np.ndarray:
    if isinstance(seq, str):
        return np.array(list(seq))
    try:
        arr = np.asarray(seq)
    except ValueError as err:  # ragged nested input
        raise ValueError(f"{name} must be a flat sequence of tokens") from err
    if arr.ndim != 1:
        raise ValueError(f"{name} must be a 1-D sequence of tokens, got shape {arr.shape}")
    return arr


def _as_sequences(name: str, seqs) -> list[np.ndarray] | np.ndarray:
    """A 2-D array (many equal-length sequences) or a list of 1-D token sequences."""
    if isinstance(seqs, np.ndarray) and seqs.ndim == 2:
        return seqs
    if isinstance(seqs, (str, bytes)) or not hasattr(seqs, "__len__"):
        raise TypeError(f"{name} must be a list of token sequences or a 2-D array, got {type(seqs).__name__}")
    return [_as_sequence(f"{name}[{i}]", s) for i, s in enumerate(seqs)]


def exact_match(predictions, targets) -> np.ndarray:
    """Per-example exact match: 1 where the whole predicted sequence equals the target.

    Used in notebook 01 §4 (exercise 1.3).

    Parameters
    ----------
    predictions, targets : 2-D array of shape (n, L), or list of n token sequences
        Tokens may be ints or strings; a string counts as a sequence of characters.
        Sequences of different lengths never match.

    Returns
    -------
    ndarray of int, shape (n,)
        1 for an exact match, 0 otherwise. Its mean is the exact-match accuracy.
    """
    preds, targs = _as_sequences("predictions", predictions), _as_sequences("targets", targets)
    if len(preds) != len(targs):
        raise ValueError(f"predictions and targets must have the same length, got {len(preds)} and {len(targs)}")
    if len(preds) == 0:
        raise ValueError("predictions must not be empty")
    if isinstance(preds, np.ndarray) and isinstance(targs, np.ndarray) and preds.shape == targs.shape:
        return np.all(preds == targs, axis=1).astype(int)
    return np.array([int(len(p) == len(t) and bool(np.all(p == t))) for p, t in zip(preds, targs)])


def token_edit_distance(prediction: Sequence, target: Sequence) -> int:
    """Levenshtein distance between two token sequences.

    Inserting, deleting or substituting one token each costs 1. For answers of the same
    length the distance is at most the number of positions that differ (Hamming distance).

    Examples
    --------
    >>> token_edit_distance([1, 2, 3], [1, 3])
    1
    >>> token_edit_distance("kitten", "sitting")
    3
    """
    p, t = _as_sequence("prediction", prediction), _as_sequence("target", target)
    previous = np.arange(len(t) + 1)
    for i in range(1, len(p) + 1):
        current = np.empty_like(previous)
        current[0] = i
        for j in range(1, len(t) + 1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (p[i - 1] != t[j - 1]))
        previous = current
    return int(previous[-1])


def token_edit_distances(predictions, targets) -> np.ndarray:
    """Vectorised :func:`token_edit_distance` for many pairs at once.

    Parameters
    ----------
    predictions : array of shape (n, Lp)
    targets : array of shape (n, Lt)
        Row ``i`` of each is one pair; all predictions share one length, all targets another.

    Returns
    -------
    ndarray of int, shape (n,)
        The distance of each pair. The dynamic programme runs over the Lp x Lt grid once,
        each cell for all n pairs together (200,000 pairs of length 5 take tens of ms).
    """
    p, t = np.asarray(predictions), np.asarray(targets)
    if p.ndim != 2:
        raise ValueError(f"predictions must be a 2-D array (n, Lp), got shape {p.shape}")
    if t.ndim != 2:
        raise ValueError(f"targets must be a 2-D array (n, Lt), got shape {t.shape}")
    if p.shape[0] != t.shape[0]:
        raise ValueError(f"predictions and targets must have the same number of rows, got {p.shape[0]} and {t.shape[0]}")
    if p.shape[0] == 0:
        raise ValueError("predictions must not be empty")
    n, lp = p.shape
    lt = t.shape[1]
    previous = np.broadcast_to(np.arange(lt + 1), (n, lt + 1)).copy()
    for i in range(1, lp + 1):
        current = np.empty_like(previous)
        current[:, 0] = i
        for j in range(1, lt + 1):
            substitute = previous[:, j - 1] + (p[:, i - 1] != t[:, j - 1])
            current[:, j] = np.minimum(np.minimum(previous[:, j], current[:, j - 1]) + 1, substitute)
        previous = current
    return previous[:, -1].astype(int)


def _count(name: str, value, scalar_only: bool = False) -> np.ndarray:
    """Whole, non-negative counts (ints, or floats holding whole numbers) as int64."""
    arr = check_array(name, value, ndim=0 if scalar_only else None, scalar=True, minimum=0)
    if arr.dtype.kind == "f" and not np.all(arr == np.round(arr)):
        raise ValueError(f"{name} must hold whole numbers, got {value!r}")
    return arr.astype(np.int64)


def subset_accuracy(n_correct, n_total: int, k: int) -> np.ndarray | float:
    """Probability that ``k`` distinct test items drawn at random are all correct.

    With ``c = n_correct`` correct items among ``n = n_total`` it is exactly
    C(c, k) / C(n, k) = prod_{i<k} (c - i) / (n - i): the "all K of K correct" metric of
    Schaeffer et al. (2023), computed without sampling.

    Parameters
    ----------
    n_correct : int or array of int
        Number of correct test items (one per model, say); each between 0 and ``n_total``.
    n_total : int
        Number of test items.
    k : int
        Subset size, 1 <= k <= n_total.

    Returns
    -------
    float, or ndarray of float with the shape of ``n_correct``.
    """
    c = _count("n_correct", n_correct)
    n = int(_count("n_total", n_total, scalar_only=True))
    kk = int(_count("k", k, scalar_only=True))
    if n < 1:
        raise ValueError(f"n_total must be at least 1, got {n}")
    if not 1 <= kk <= n:
        raise ValueError(f"k must be between 1 and n_total={n}, got {kk}")
    if np.any(c > n):
        raise ValueError(f"n_correct must not exceed n_total={n}, got max {c.max()}")
    i = np.arange(kk)
    ratios = np.clip(c[..., None] - i, 0, None) / (n - i)  # c - i < 0 means a zero factor
    result = np.prod(ratios, axis=-1)
    return float(result) if result.ndim == 0 else result


def _check_curve(scales, values) -> tuple[np.ndarray, np.ndarray]:
    """A scaling curve's distinct positive scales and its values (at least 2), as float arrays."""
    x = check_array("scales", scales, ndim=1, dtype=float, minimum=0, include_minimum=False)
    y = check_array("values", values, ndim=1, dtype=float, min_size=2)
    if len(x) != len(y):
        raise ValueError(f"scales and values must have the same length, got {len(x)} and {len(y)}")
    if len(np.unique(x)) != len(x):
        raise ValueError("scales must be distinct")
    return x, y


def emergence_score(scales, values) -> float:
    """The BIG-bench breakthroughness ("emergence") score of a scaling curve.

    Used in notebook 01 §3, 02 §3, 04 §4.

    Srivastava et al. (2022); Schaeffer et al. (2023) call it the emergence score::

        sign(argmax y - argmin y) * (max y - min y) / sqrt(median((y_i - y_{i-1})^2))

    with the points sorted by scale. A curve that rises in one big step between small
    steps scores high; a curve that rises in equal steps scores the number of steps.

    Parameters
    ----------
    scales : 1-D array
        Model sizes (or compute): positive, finite, distinct, in any order.
    values : 1-D array, same length (at least 2)
        Performance at each scale: finite, and small enough that the squared steps between
        neighbours are finite floats (values near ±1e308 are refused, not scored as NaN).

    Returns
    -------
    float
        The score. When the median squared step is 0 (more than half the steps are flat),
        it is ``+inf`` or ``-inf`` (the sign as above) if the curve changes at all, and
        ``0.0`` for a constant curve.
    """
    x, y = _check_curve(scales, values)
    with np.errstate(over="ignore"):
        steps_overflow = not np.isfinite(np.diff(y) ** 2).all() or not np.isfinite(y.max() - y.min())
    if steps_overflow:
        raise ValueError(f"values are too large to score: their steps overflow a float "
                         f"(got values up to {np.abs(y).max():g})")
    y = y[np.argsort(x)]
    span = y.max() - y.min()
    sign = np.sign(int(np.argmax(y)) - int(np.argmin(y)))
    denominator = np.sqrt(np.median(np.diff(y) ** 2))
    if span == 0:
        return 0.0
    if denominator == 0:
        return float(sign * np.inf)
    return float(sign * span / denominator)


def largest_step_share(scales, values) -> float:
    """The largest rise between neighbouring scales, as a share of the curve's whole range.

    Used in notebook 01 §5.

    With the points sorted by scale: ``max_i (y_i - y_{i-1}) / (max y - min y)``. Unlike the
    emergence score it does not grow when the curve sits flat after saturating (flat steps do
    not change it): a curve that rises in ``k`` equal steps gives ``1 / k``, one that rises in a
    single step gives 1, and a curve that only falls gives a value <= 0.

    Parameters
    ----------
    scales : 1-D array
        Model sizes: positive, finite, distinct, in any order.
    values : 1-D array, same length (at least 2)
        Performance at each scale: finite, and not constant.

    Returns
    -------
    float
    """
    x, y = _check_curve(scales, values)
    with np.errstate(over="ignore"):
        span = y.max() - y.min()
        steps = np.diff(y[np.argsort(x)])
    if not np.isfinite(span) or not np.isfinite(steps).all():
        raise ValueError(f"values are too large to compare: their steps overflow a float "
                         f"(got values up to {np.abs(y).max():g})")
    if span == 0:
        raise ValueError("values must not be constant (a flat curve has no rise to share)")
    return float(steps.max() / span)


def emergence_scores(curves: dict[str, tuple[np.ndarray, dict[str, np.ndarray]]]) -> dict[str, dict[str, float]]:
    """The emergence score of every curve under every metric.

    Parameters
    ----------
    curves : dict
        Curve name -> (model sizes, {metric name -> values at those sizes}).

    Returns
    -------
    dict
        Curve name -> {metric name -> :func:`course_lib.metrics.emergence_score`}.
    """
    return {curve: {metric: emergence_score(x, y) for metric, y in values.items()}
            for curve, (x, values) in curves.items()}


def _option_matrix(name: str, values, allow_neg_inf: bool = False) -> np.ndarray:
    """A float array of shape (n, n_options) with n >= 1, n_options >= 2, no NaN (no inf unless allowed)."""
    arr = check_array(name, values, ndim=2, dtype=float, finite=not allow_neg_inf)
    if arr.shape[1] < 2:
        raise ValueError(f"{name} must have at least 2 options per row, got {arr.shape[1]}")
    if np.isnan(arr).any():
        raise ValueError(f"{name} must not contain NaN")
    if np.isposinf(arr).any():
        raise ValueError(f"{name} must not contain +inf")
    return arr


def _option_index(name: str, index, n: int, n_options: int) -> np.ndarray:
    """An int array of shape (n,) with every entry in [0, n_options)."""
    arr = check_array(name, index, ndim=1, kind="iu", dtype=np.int64, minimum=0, maximum=n_options - 1)
    if arr.shape != (n,):
        raise ValueError(f"{name} must have shape ({n},), one index per row, got {arr.shape}")
    return arr


def brier_score(probs, correct_index, atol: float = 1e-6) -> np.ndarray:
    """Per-example multi-class Brier score: sum_j (p_j - 1[j = correct])^2. Lower is better.

    It is 0 for all probability on the correct option and 2 for all probability on one
    wrong option; moving probability towards the correct option lowers it smoothly. This
    is the continuous counterpart of the multiple-choice grade used by Schaeffer et al.
    (2023, Fig. 6), where emergence under the grade disappears under the Brier score.

    Parameters
    ----------
    probs : array of shape (n, n_options)
        Each row a probability distribution over the options: entries in [0, 1] that sum
        to 1 within ``atol``.
    correct_index : array of int, shape (n,)
        The correct option of each example.
    atol : float, default 1e-6
        Tolerance on each row sum.

    Returns
    -------
    ndarray of float, shape (n,)
        Between 0 (best) and 2 (worst).

    Examples
    --------
    >>> brier_score([[0.5, 0.5], [1.0, 0.0]], [0, 1]).tolist()
    [0.5, 2.0]
    """
    p = check_array("probs", probs, ndim=2, dtype=float, minimum=0, maximum=1)
    if p.shape[1] < 2:
        raise ValueError(f"probs must have at least 2 options per row, got {p.shape[1]}")
    atol = check_scalar("atol", atol, minimum=0)
    sums = p.sum(axis=1)
    if np.any(np.abs(sums - 1) > atol):
        worst = int(np.argmax(np.abs(sums - 1)))
        raise ValueError(f"probs rows must sum to 1 (within {atol}), row {worst} sums to {sums[worst]}")
    idx = _option_index("correct_index", correct_index, *p.shape)
    target = np.zeros_like(p)
    target[np.arange(len(idx)), idx] = 1.0
    return np.sum((p - target) ** 2, axis=1)


def multiple_choice_grade(scores, correct_index) -> np.ndarray:
    """Per-example multiple-choice grade: 1 if the correct option has the highest score, else 0.

    The all-or-nothing metric of BIG-bench multiple-choice tasks (Schaeffer et al. 2023, §1).
    **Ties count as wrong**: the grade is 1 only when the correct option's score is strictly
    higher than every other option's, so the result never depends on option order.

    Parameters
    ----------
    scores : array of shape (n, n_options)
        Any scores where higher means preferred: probabilities, log-probabilities (``-inf``
        allowed for probability 0) or logits. NaN and ``+inf`` are rejected.
    correct_index : array of int, shape (n,)
        The correct option of each example.

    Returns
    -------
    ndarray of int, shape (n,)
        1 or 0 per example; its mean is the multiple-choice accuracy.

    Examples
    --------
    >>> multiple_choice_grade([[0.1, 0.9], [0.5, 0.5]], [1, 0]).tolist()
    [1, 0]
    """
    s = _option_matrix("scores", scores, allow_neg_inf=True)
    idx = _option_index("correct_index", correct_index, *s.shape)
    rows = np.arange(len(idx))
    correct_score = s[rows, idx]
    others = s.copy()
    others[rows, idx] = -np.inf
    return (correct_score > others.max(axis=1)).astype(int)


def reconstruction_rate(errors, c: float) -> np.ndarray | float:
    """Fraction of items whose reconstruction error is below ``c``.

    Schaeffer et al. (2023), Eq. 2: Reconstruction_c = (1/N) sum_n 1[error_n < c] (strictly
    below). A smooth fall in the mean error becomes a sharp rise in this fraction when the
    bulk of the error distribution crosses ``c``.

    Parameters
    ----------
    errors : array of shape (n,) or (n_models, n)
        Non-negative per-item errors (per-image mean squared error, say); one row per model.
    c : float
        Threshold, > 0.

    Returns
    -------
    float for 1-D ``errors``; ndarray of shape (n_models,) for 2-D.

    Examples
    --------
    >>> reconstruction_rate([0.01, 0.02, 0.03, 0.04], 0.025)
    0.5
    """
    e = check_array("errors", errors, ndim=(1, 2), minimum=0)
    c = check_scalar("c", c, minimum=0, include_minimum=False)
    rate = np.mean(e < c, axis=-1)
    return float(rate) if rate.ndim == 0 else rate
