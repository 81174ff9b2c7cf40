"""Model families on scikit-learn's bundled digits: the data split and the result caches.

Lesson 02 induces emergence on real images with two kinds of model family:

- classifiers of growing width (:mod:`course_lib.mirage.classifiers`): per-example accuracy
  rises smoothly, "all K of K correct" subset accuracy rises sharply;
- bottleneck autoencoders of growing size (:mod:`course_lib.mirage.autoencoders`): mean
  reconstruction error falls smoothly, the fraction of images below a threshold jumps.

This module holds what they share: the fixed train/test split of the 8x8 digit images
(shipped with scikit-learn, so nothing is downloaded) and the ``.npz`` caches of the
families too slow to train live (``make cache`` rebuilds them, about half a minute on one
core).
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np

from course_lib.core.cache import REBUILD, packaged_file, read_family, source_file, write_families
from course_lib.core.validation import check_count

__all__ = ["SPLIT_SEED", "DigitsSplit", "load_digits_split", "cache_path", "write_cache",
           "read_cache"]

#: Seed of the stratified 50/50 train/test split (898 training, 899 test images).
SPLIT_SEED = 0


class DigitsSplit(NamedTuple):
    """The digits split: pixels scaled to [0, 1] (64 per image) and labels 0-9."""

    x_train: np.ndarray
    x_test: np.ndarray
    y_train: np.ndarray
    y_test: np.ndarray


@lru_cache(maxsize=4)
def load_digits_split(seed: int = SPLIT_SEED) -> DigitsSplit:
    """Load scikit-learn's 1,797 digit images and split them 50/50, stratified by label.

    Parameters
    ----------
    seed : int
        Seed of the split. The caches use :data:`SPLIT_SEED`.

    Returns
    -------
    DigitsSplit
        Read-only arrays: ``x_train`` (898, 64), ``x_test`` (899, 64) with pixels in [0, 1],
        ``y_train`` (898,), ``y_test`` (899,).
    """
    seed = check_count("seed", seed, minimum=0)
    from sklearn.datasets import load_digits
    from sklearn.model_selection import train_test_split

    digits = load_digits()
    x = digits.data / 16.0
    parts = train_test_split(x, digits.target, test_size=0.5, stratify=digits.target,
                             random_state=int(seed))
    for part in parts:
        part.setflags(write=False)
    return DigitsSplit(*parts)


def cache_path(name: str) -> Path:
    """Where the cache file ``name`` lives in the source tree (used when writing it)."""
    if not (isinstance(name, str) and name.startswith("digits_") and name.endswith(".npz")) or "/" in name:
        raise ValueError(f"name must look like 'digits_<family>.npz', got {name!r}")
    return source_file(__package__, name)


def write_cache(name: str, arrays: dict[str, np.ndarray], settings: dict[str, Any]) -> Path:
    """Write one family's ``arrays`` and the ``settings`` that produced them to ``name``.

    The file holds a single family named after the file (``digits_mlp`` in ``digits_mlp.npz``),
    in the format of :mod:`course_lib.core.cache`.
    """
    path = cache_path(name)
    return write_families(path, {Path(name).stem: arrays}, settings)


def read_cache(name: str) -> tuple[dict[str, np.ndarray], dict[str, Any]]:
    """Read a cache shipped inside course_lib: (read-only arrays, settings dict).

    Found through :mod:`importlib.resources`, so it works from a pip-installed course_lib too.
    """
    cache_path(name)  # validates the name
    resource = packaged_file(__package__, name)
    if not resource.is_file():
        raise FileNotFoundError(f"cache {name} is missing; rebuild it with {REBUILD}")
    arrays, settings = read_family(resource, Path(name).stem)
    for arr in arrays.values():
        arr.setflags(write=False)
    return arrays, settings
