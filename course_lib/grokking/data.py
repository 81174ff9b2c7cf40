"""Modular-arithmetic data sets: every equation a ∘ b = c (mod p), split into train and test.

Power et al. (2022) train on a random fraction of the whole table of a binary operation on
the residues 0..p-1 and test on the rest. Here an equation is a pair of residues (a, b) and
its label c; the pairs are numbered ``a * p + b``, so a split is just two index arrays.
"""
from __future__ import annotations

from typing import NamedTuple

import numpy as np

from course_lib.core.validation import check_array, check_choice, check_count, check_random_state, check_scalar

__all__ = ["OPERATIONS", "Split", "is_prime", "check_prime", "all_pairs", "labels", "make_split"]

#: the operations offered: name -> what c is
OPERATIONS = {"add": "(a + b) mod p", "subtract": "(a - b) mod p", "multiply": "(a * b) mod p"}


def is_prime(n: int) -> bool:
    """True if the integer ``n`` is a prime number."""
    if n < 2:
        return False
    return all(n % d for d in range(2, int(n ** 0.5) + 1))


def check_prime(name: str, value) -> int:
    """Return ``value`` as an int if it is a prime of at least 5, else raise naming ``name``."""
    value = check_count(name, value, minimum=5, maximum=1000)
    if not is_prime(value):
        raise ValueError(f"{name} must be a prime number, got {value}")
    return value


def all_pairs(p: int) -> tuple[np.ndarray, np.ndarray]:
    """Every pair of residues: ``a`` and ``b`` (each of length p², pair i = a * p + b)."""
    p = check_prime("p", p)
    a, b = np.divmod(np.arange(p * p), p)
    return a, b


def labels(a: np.ndarray, b: np.ndarray, p: int, operation: str = "add") -> np.ndarray:
    """The answer c = a ∘ b (mod p) of each pair, as integers."""
    p = check_prime("p", p)
    check_choice("operation", operation, tuple(OPERATIONS))
    a = check_array("a", a, kind="iu", dtype=np.int64, minimum=0, maximum=p - 1, scalar=True, min_size=0)
    b = check_array("b", b, kind="iu", dtype=np.int64, minimum=0, maximum=p - 1, scalar=True, min_size=0)
    if a.shape != b.shape:
        raise ValueError(f"a and b must have one shape, got {a.shape} and {b.shape}")
    if operation == "add":
        return (a + b) % p
    if operation == "subtract":
        return (a - b) % p
    return (a * b) % p


class Split(NamedTuple):
    """A random split of the p² equations of one operation: pair indices and labels."""

    p: int
    operation: str
    train: np.ndarray   # indices a * p + b of the training pairs (sorted)
    test: np.ndarray    # the other pairs (sorted)
    a: np.ndarray       # first operand of every pair (length p²)
    b: np.ndarray       # second operand
    c: np.ndarray       # the answer


def make_split(p: int, train_fraction: float, seed=0, operation: str = "add") -> Split:
    """Split the p² equations a ∘ b = c at random: ``round(train_fraction * p²)`` for training.

    Used in notebook 03 §1.

    Parameters
    ----------
    p : int
        A prime modulus.
    train_fraction : float
        Share of the equations used for training, strictly between 0 and 1.
    seed : int or numpy.random.Generator
        Draws the split.
    operation : {"add", "subtract", "multiply"}
    """
    p = check_prime("p", p)
    train_fraction = check_scalar("train_fraction", train_fraction, minimum=0, maximum=1,
                                  include_minimum=False, include_maximum=False)
    rng = check_random_state("seed", seed)
    check_choice("operation", operation, tuple(OPERATIONS))
    a, b = all_pairs(p)
    n_train = int(round(train_fraction * p * p))
    if not 1 <= n_train < p * p:
        raise ValueError(f"train_fraction must leave at least one pair on each side, got {train_fraction}")
    order = rng.permutation(p * p)
    return Split(p, operation, np.sort(order[:n_train]), np.sort(order[n_train:]), a, b,
                 labels(a, b, p, operation))
