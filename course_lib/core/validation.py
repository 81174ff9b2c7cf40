"""Input checks shared by course_lib's public functions.

Each check returns the value in a clean type or raises ``TypeError`` (wrong kind) or
``ValueError`` (bad value) with a message that names the argument and says what was expected.
"""
from __future__ import annotations

import numpy as np

__all__ = ["check_count", "check_number"]


def check_count(name: str, value, minimum: int = 1) -> int:
    """Return ``value`` as an int, or raise naming ``name`` if it is not an int >= ``minimum``."""
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        raise TypeError(f"{name} must be an int, got {type(value).__name__}")
    if value < minimum:
        raise ValueError(f"{name} must be at least {minimum}, got {value}")
    return int(value)


def check_number(name: str, value) -> float:
    """Return ``value`` as a float, or raise naming ``name`` if it is not a finite real number."""
    if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)):
        raise TypeError(f"{name} must be a number, got {type(value).__name__}")
    if not np.isfinite(value):
        raise ValueError(f"{name} must be finite, got {value}")
    return float(value)
