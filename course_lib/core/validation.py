"""Argument validation shared by every public function of course_lib.

One vocabulary, as in scikit-learn's ``utils.validation``: each ``check_*`` function takes the
argument's name and value, returns the value in a clean type, or raises ``TypeError`` (wrong
kind) or ``ValueError`` (bad value) with a message that names the argument and says what was
expected. Nothing is clipped or guessed: a non-finite or out-of-range number is refused.

In course_lib the prefix ``check_`` means this and only this; exercises are graded by the
``checks`` module of each lesson.
"""
from __future__ import annotations

from numbers import Integral, Real
from typing import Any, Sequence, TypeVar

import numpy as np

__all__ = ["check_count", "check_scalar", "check_bool", "check_choice", "check_random_state"]

T = TypeVar("T")


def check_count(name: str, value: Any, minimum: int = 1, maximum: int | None = None) -> int:
    """Return ``value`` as an int, or raise naming ``name`` unless ``minimum <= value <= maximum``.

    Parameters
    ----------
    name : str
        The argument's name, for the message.
    value : int
        Any integer type except bool.
    minimum : int, default 1
    maximum : int, optional
    """
    if isinstance(value, bool) or not isinstance(value, Integral):
        raise TypeError(f"{name} must be an int, got {type(value).__name__}")
    if value < minimum:
        raise ValueError(f"{name} must be at least {minimum}, got {value}")
    if maximum is not None and value > maximum:
        raise ValueError(f"{name} must be at most {maximum}, got {value}")
    return int(value)


def check_scalar(name: str, value: Any, minimum: float | None = None, maximum: float | None = None,
                 include_minimum: bool = True, include_maximum: bool = True) -> float:
    """Return ``value`` as a finite float, or raise naming ``name`` if it is not in range.

    Parameters
    ----------
    name : str
        The argument's name, for the message.
    value : real number
        Any real type except bool; NaN and infinities are refused.
    minimum, maximum : float, optional
        Bounds of the allowed interval.
    include_minimum, include_maximum : bool, default True
        Whether the bounds themselves are allowed.
    """
    if isinstance(value, bool) or not isinstance(value, Real):
        raise TypeError(f"{name} must be a number, got {type(value).__name__}")
    value = float(value)
    if not np.isfinite(value):
        raise ValueError(f"{name} must be finite, got {value}")
    if minimum is not None and (value < minimum or (value == minimum and not include_minimum)):
        relation = ">=" if include_minimum else ">"
        raise ValueError(f"{name} must be {relation} {minimum:g}, got {value:g}")
    if maximum is not None and (value > maximum or (value == maximum and not include_maximum)):
        relation = "<=" if include_maximum else "<"
        raise ValueError(f"{name} must be {relation} {maximum:g}, got {value:g}")
    return value


def check_bool(name: str, value: Any) -> bool:
    """Return ``value`` if it is a bool, or raise ``TypeError`` naming ``name``."""
    if not isinstance(value, (bool, np.bool_)):
        raise TypeError(f"{name} must be a bool, got {type(value).__name__}")
    return bool(value)


def check_choice(name: str, value: T, options: Sequence[T]) -> T:
    """Return ``value`` if it is one of ``options``, or raise ``ValueError`` naming ``name``."""
    if value not in options:
        raise ValueError(f"{name} must be one of {tuple(options)}, got {value!r}")
    return value


def check_random_state(name: str, seed: Any) -> np.random.Generator:
    """Return a ``numpy.random.Generator`` from a non-negative int seed or a Generator.

    A Generator is returned as it is (the caller's stream goes on); an int seeds a new one.
    """
    if isinstance(seed, np.random.Generator):
        return seed
    if isinstance(seed, bool) or not isinstance(seed, Integral):
        raise TypeError(f"{name} must be a non-negative int or a numpy.random.Generator, "
                        f"got {type(seed).__name__}")
    return np.random.default_rng(check_count(name, seed, minimum=0))
