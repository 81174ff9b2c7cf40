"""A phenomenological model of U-shaped scaling: chance, a distractor ability and a true ability.

This is a *model*, not data (after the hypothesis of Wei, Kim, Tay & Le, 2022: a task holds a
"true task" and a "distractor task"; medium-size models can do the distractor, which hurts,
and only large-enough models can ignore it). Each ability emerges at its own scale as a
sigmoid in log10 N:

    ability(N) = 1 / (1 + exp(-sharpness * (log10 N - onset)))

and the accuracy on the task mixes three ways of answering:

    accuracy = T + (1 - T) * (1 - attraction * D) * chance

- with probability T (the true ability) the model does the true task and is right;
- otherwise, with probability ``attraction * D`` it does the distractor task, whose answer
  is always wrong on this task, and
- otherwise it guesses and is right with probability ``chance``.

A distractor that appears long before the true ability makes the curve dip and recover (U);
one that appears after it leaves the curve rising; a true ability beyond the largest model
leaves only the dip (inverse scaling). The defaults are illustrative, not fitted.
"""
from __future__ import annotations

import numpy as np

from course_lib.core.validation import check_array, check_count, check_scalar

__all__ = ["ability", "mixture_accuracy", "model_sizes"]


def ability(n_params, onset: float, sharpness: float) -> np.ndarray:
    """A sigmoid in log10 N: 0.5 at ``N = 10**onset``; ``sharpness`` per decade (> 0).

    Used in notebook 04 §2.

    Examples
    --------
    >>> float(ability(1e9, onset=9.0, sharpness=3.0))
    0.5
    """
    n = check_array("n_params", n_params, minimum=0, include_minimum=False, dtype=float, scalar=True)
    onset = check_scalar("onset", onset)
    sharpness = check_scalar("sharpness", sharpness, minimum=0, include_minimum=False)
    return 1.0 / (1.0 + np.exp(-sharpness * (np.log10(n) - onset)))


def mixture_accuracy(true_ability, distractor_ability, attraction: float, chance: float = 0.5) -> np.ndarray:
    """Accuracy of the mixture: ``T + (1 - T) * (1 - attraction * D) * chance``.

    Used in notebook 04 §2 (the reference for exercise 2.1).

    Parameters
    ----------
    true_ability, distractor_ability : arrays in [0, 1] of the same shape
        T and D at each model size.
    attraction : float in [0, 1]
        How often a model that can do the distractor does it instead of guessing.
    chance : float in [0, 1]
        Accuracy of a guess (0.5 for two options).

    Examples
    --------
    >>> float(mixture_accuracy(0.0, 1.0, attraction=1.0))
    0.0
    >>> float(mixture_accuracy(0.0, 0.0, attraction=1.0))
    0.5
    """
    t = check_array("true_ability", true_ability, minimum=0.0, maximum=1.0, dtype=float, scalar=True)
    d = check_array("distractor_ability", distractor_ability, minimum=0.0, maximum=1.0, dtype=float, scalar=True)
    if t.shape != d.shape:
        raise ValueError(f"true_ability and distractor_ability must have the same shape, got {t.shape} and {d.shape}")
    attraction = check_scalar("attraction", attraction, minimum=0.0, maximum=1.0)
    chance = check_scalar("chance", chance, minimum=0.0, maximum=1.0)
    return t + (1 - t) * (1 - attraction * d) * chance


def model_sizes(n_min: float = 1e7, n_max: float = 1e12, count: int = 41) -> np.ndarray:
    """``count`` sizes spaced evenly in log N from ``n_min`` to ``n_max``. Used in notebook 04 §2."""
    low = check_scalar("n_min", n_min, minimum=0, include_minimum=False)
    high = check_scalar("n_max", n_max, minimum=0, include_minimum=False)
    if not low < high:
        raise ValueError(f"n_min must be below n_max, got {low:g} and {high:g}")
    return np.geomspace(low, high, check_count("count", count, minimum=2))
