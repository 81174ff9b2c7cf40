"""Schaeffer et al.'s prediction 3 on one fixed adder: exact match and edit distance vs target length.

The prediction (Schaeffer et al. 2023, §3) is about *one* model family scored on targets of
different lengths, "as a function of the length-1 target performance": exact match should fall
about geometrically, like ``p ** L``, and token edit distance grow about linearly, like
``L (1 - p)``, with ``p`` the accuracy on a length-1 target.

Here the target of length ``k`` is the first ``k`` digits of an adder's answer (units first), so
every length is scored on the *same* model and the same test problems:

- :func:`prefix_scores` reads exact match and the number of wrong digits of every prefix off a
  model's per-digit correctness, and the two predictions from its length-1 accuracy ``p``
  (the units digit). For answers of equal length, the number of wrong digits (the Hamming
  distance) is what the paper's L(1 - p) counts: one substitution per wrong token. (The token
  edit distance of two equal-length answers can be smaller; it is never larger.)
- :func:`score_on_longer_problems` tests a scratchpad model, which adds numbers of any length,
  on problems longer than it was trained on.
"""
from __future__ import annotations

import numpy as np

from course_lib.core.validation import check_array, check_count
from course_lib.emergence.problems import make_problems
from course_lib.emergence.training import train_model

__all__ = ["prefix_scores", "score_on_longer_problems", "train_live_long_scratchpad"]


def prefix_scores(correct) -> dict[str, np.ndarray | float]:
    """Exact match and wrong digits of the first k answer digits, k = 1..L, with the predictions.

    Used in notebook 02 §3.

    Parameters
    ----------
    correct : bool array (n_test, L)
        Whether one model got each answer digit (units first) of each test problem right.

    Returns
    -------
    dict
        ``lengths`` (1..L), ``exact_match`` and ``digits_wrong`` (mean over problems) of each
        prefix, ``p_first`` (accuracy on the length-1 target, the units digit), ``geometric``
        (``p_first ** k``), ``linear`` (``k (1 - p_first)``) and ``position_accuracy``.
    """
    c = check_array("correct", correct, ndim=2, kind="b")
    if c.shape[1] < 1:
        raise ValueError(f"correct must have at least one digit column (n_test, L), got shape {c.shape}")
    lengths = np.arange(1, c.shape[1] + 1)
    all_right_so_far = np.logical_and.accumulate(c, axis=1)
    wrong_so_far = np.cumsum(~c, axis=1)
    p = float(c[:, 0].mean())
    return {"lengths": lengths, "exact_match": all_right_so_far.mean(axis=0),
            "digits_wrong": wrong_so_far.mean(axis=0), "p_first": p,
            "geometric": p ** lengths, "linear": lengths * (1 - p),
            "position_accuracy": c.mean(axis=0)}


def score_on_longer_problems(model, n_digits: int, n_test: int = 20_000, seed: int = 1) -> np.ndarray:
    """Per-digit correctness of ``model`` on fresh ``n_digits``-digit problems: bool (n_test, n_digits + 1).

    Used in notebook 02 §3.

    ``model`` is anything with ``predict(a, b)`` for problems of this length: a scratchpad model
    (:class:`course_lib.emergence.models.ScratchpadAdditionModel`) handles any length, since it
    applies the same step at every position. The problems come from ``default_rng(seed)``.
    """
    n_digits = check_count("n_digits", n_digits)
    n_test = check_count("n_test", n_test)
    seed = check_count("seed", seed, minimum=0)
    if not callable(getattr(model, "predict", None)):
        raise TypeError(f"model must have a predict(a, b) method, got {type(model).__name__}")
    a, b, s = make_problems(n_digits, n_test, np.random.default_rng(seed))
    return model.predict(a, b) == s


def train_live_long_scratchpad() -> np.ndarray:
    """What notebook 02 §3 runs live: a width-3 scratchpad adder trained on 50,000 4-digit sums for
    10 epochs (seed 0), scored on 20,000 10-digit sums (seed 1). Returns its per-digit correctness.

    Used in notebook 02 §3 (the notebook spells the same calls out).
    """
    a, b, s = make_problems(4, 50_000, np.random.default_rng(0))
    model = train_model(4, 3, "scratchpad", a, b, s, epochs=10, seed=0)
    return score_on_longer_problems(model, n_digits=10, n_test=20_000, seed=1)
