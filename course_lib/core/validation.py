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

__all__ = ["check_count", "check_scalar", "check_bool", "check_choice", "check_random_state", "check_array"]

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


_KIND_NAMES = {"i": "integers", "u": "integers", "f": "numbers", "b": "booleans", "iu": "integers",
               "iuf": "numbers", "iufb": "numbers", "biu": "integers or booleans"}


def check_array(name: str, value: Any, *, ndim: int | Sequence[int] | None = None,
                kind: str = "iuf", dtype: Any = None, finite: bool = True,
                minimum: float | None = None, maximum: float | None = None,
                include_minimum: bool = True, include_maximum: bool = True,
                min_size: int = 1, scalar: bool = False) -> np.ndarray:
    """Return ``value`` as a numpy array, or raise naming ``name`` if it is not what is expected.

    The one array validator of course_lib, like scikit-learn's ``check_array``: every public
    function that takes an array of numbers calls it instead of a private check of its own.

    Parameters
    ----------
    name : str
        The argument's name, for the message.
    value : array-like
        A list, tuple or numpy array (a bare number only when ``scalar`` is true).
    ndim : int or sequence of int, optional
        The allowed numbers of dimensions; any when omitted.
    kind : str, default "iuf"
        The allowed numpy dtype kinds: ``"iu"`` integers, ``"iuf"`` integers or floats,
        ``"f"`` floats only, ``"b"`` booleans. Booleans count as numbers only when ``kind``
        contains ``"b"``. Anything else (strings, objects, None) raises ``TypeError``.
    dtype : numpy dtype, optional
        The dtype of the returned array (``float`` or ``np.int64``, say); the input's otherwise.
    finite : bool, default True
        Refuse NaN and infinities (only checked for floats).
    minimum, maximum : float, optional
        Bounds every element must respect; ``include_minimum``/``include_maximum`` say whether
        the bound itself is allowed (``minimum=0, include_minimum=False`` means "> 0").
    min_size : int, default 1
        The fewest elements allowed (0 allows an empty array).
    scalar : bool, default False
        Accept a 0-d value (a bare number) even when ``ndim`` does not list 0.

    Returns
    -------
    numpy.ndarray

    Raises
    ------
    TypeError
        ``value`` is not array-like or holds the wrong kind of element.
    ValueError
        Wrong number of dimensions, too few elements, non-finite or out-of-range elements.
    """
    if value is None or isinstance(value, (str, bytes, dict, set)):
        raise TypeError(f"{name} must be an array of {_KIND_NAMES.get(kind, 'numbers')}, "
                        f"got {type(value).__name__}")
    try:
        arr = np.asarray(value)
    except (TypeError, ValueError) as err:  # ragged nested lists
        raise ValueError(f"{name} must be a rectangular array, got {type(value).__name__} ({err})") from None
    if arr.size < min_size:  # before the kind: an empty list has numpy's default float dtype
        raise ValueError(f"{name} must have at least {min_size} element{'s' if min_size != 1 else ''}, "
                         f"got {arr.size}")
    if arr.dtype.kind == "b" and "b" not in kind:
        raise TypeError(f"{name} must hold {_KIND_NAMES.get(kind, 'numbers')}, got booleans")
    if arr.size and arr.dtype.kind not in kind:
        expected = _KIND_NAMES.get(kind, f"dtype kind in {kind!r}")
        raise TypeError(f"{name} must hold {expected}, got dtype {arr.dtype}")
    if ndim is not None:
        allowed = (ndim,) if isinstance(ndim, Integral) else tuple(ndim)
        if scalar:
            allowed = allowed + (0,)
        if arr.ndim not in allowed:
            wanted = " or ".join(f"{d}-D" for d in allowed)
            raise ValueError(f"{name} must be a {wanted} array, got shape {arr.shape}")
    elif arr.ndim == 0 and not scalar:
        raise ValueError(f"{name} must be an array, got the scalar {arr.item()!r}")
    if dtype is not None:
        arr = arr.astype(dtype, copy=False)
    if finite and arr.dtype.kind == "f" and arr.size and not np.all(np.isfinite(arr)):
        bad = arr[~np.isfinite(arr)].ravel()[:3].tolist()
        raise ValueError(f"{name} must be finite, got {bad}")
    if arr.size and minimum is not None:
        low = arr < minimum if include_minimum else arr <= minimum
        if np.any(low):
            relation = ">=" if include_minimum else ">"
            raise ValueError(f"{name} must be {relation} {minimum:g}, got {arr[low].ravel()[:3].tolist()}")
    if arr.size and maximum is not None:
        high = arr > maximum if include_maximum else arr >= maximum
        if np.any(high):
            relation = "<=" if include_maximum else "<"
            raise ValueError(f"{name} must be {relation} {maximum:g}, got {arr[high].ravel()[:3].tolist()}")
    return arr
