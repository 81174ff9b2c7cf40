"""Bottleneck autoencoder families on the digits: mean error vs Reconstruction_c.

After Schaeffer et al. (2023, Section 5, Fig. 7), who used shallow autoencoders on CIFAR-100:
an autoencoder squeezes each 64-pixel image through ``k`` bottleneck units and rebuilds it.
The per-image error (mean squared error over the 64 pixels, pixels in [0, 1]) falls smoothly
as ``k`` grows; the fraction of test images with error below a threshold ``c``
(:func:`course_lib.metrics.reconstruction_rate`, their Eq. 2) can rise sharply.

Two families, both fitted on the 898 training images and scored on the 899 test images:

- :func:`pca_family` (live, a few ms): principal component analysis, the best *linear*
  autoencoder with k units.
- :func:`nonlinear_autoencoder_family` (cached): scikit-learn ``MLPRegressor`` with one
  logistic hidden layer of k units and a linear output layer. :func:`load_nonlinear_autoencoder_family`
  reads the shipped cache; :func:`build_autoencoder_cache` rebuilds it.

Bottlenecks stop at 32: at 64 the bottleneck is as wide as the image and rebuilding is trivial.
"""
from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Sequence

import numpy as np

from course_lib.mirage.digits import SPLIT_SEED, load_digits_split, read_cache, write_cache
from course_lib.metrics import reconstruction_rate
from course_lib.core.messages import message
from course_lib.core.progress import progress
from course_lib.core.validation import check_array, check_count

__all__ = ["BOTTLENECKS", "AutoencoderFamily", "pca_family", "nonlinear_autoencoder_family",
           "build_autoencoder_cache", "load_nonlinear_autoencoder_family"]

#: Bottleneck sizes k of both families.
BOTTLENECKS = (1, 2, 3, 4, 6, 8, 12, 16, 24, 32)
AE_CACHE = "digits_autoencoder.npz"
_N_PIXELS = 64


@dataclass(frozen=True)
class AutoencoderFamily:
    """Per-image test errors of one autoencoder per bottleneck size.

    Attributes
    ----------
    name : str
    bottlenecks : ndarray of int, shape (K,)
        Bottleneck units k, increasing.
    errors : ndarray of float, shape (K, n_test)
        Mean squared error over the 64 pixels of each test image.
    settings : dict
        How the family was fitted.
    """

    name: str
    bottlenecks: np.ndarray
    errors: np.ndarray
    settings: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self):
        if self.errors.ndim != 2 or self.errors.shape[0] != len(self.bottlenecks):
            raise ValueError(f"errors must have shape (len(bottlenecks), n_test), got {self.errors.shape}")
        if np.any(np.diff(self.bottlenecks) <= 0):
            raise ValueError(f"bottlenecks must increase, got {self.bottlenecks}")

    def mean_error(self) -> np.ndarray:
        """Mean per-image error of each model, shape (K,)."""
        return self.errors.mean(axis=1)

    def reconstruction_rate(self, c: float) -> np.ndarray:
        """Fraction of test images with error below ``c``, shape (K,) (Schaeffer et al. Eq. 2)."""
        return reconstruction_rate(self.errors, c)


def _check_bottlenecks(bottlenecks: Sequence[int]) -> np.ndarray:
    k = check_array("bottlenecks", bottlenecks, ndim=1, kind="iu", dtype=np.int64, minimum=1, maximum=_N_PIXELS - 1)
    if np.any(np.diff(k) <= 0):
        raise ValueError(f"bottlenecks must increase, got {k.tolist()}")
    return k


def _per_image_error(images: np.ndarray, rebuilt: np.ndarray) -> np.ndarray:
    return np.mean((images - rebuilt) ** 2, axis=1)


def pca_family(bottlenecks: Sequence[int] = BOTTLENECKS) -> AutoencoderFamily:
    """Fit the PCA family live: encode with the top-k principal directions, decode back.

    Used in notebook 02 §4b.

    One singular value decomposition of the centred training images gives every k at once.
    Deterministic (no random choice).
    """
    k_grid = _check_bottlenecks(bottlenecks)
    data = load_digits_split()
    mean = data.x_train.mean(axis=0)
    _, _, directions = np.linalg.svd(data.x_train - mean, full_matrices=False)
    centred = data.x_test - mean
    errors = np.empty((len(k_grid), len(data.x_test)))
    for i, k in enumerate(k_grid):
        top = directions[:k]
        errors[i] = _per_image_error(centred, centred @ top.T @ top)
    return AutoencoderFamily("PCA", k_grid, errors,
                             {"family": "PCA (linear autoencoder)", "split_seed": SPLIT_SEED})


def nonlinear_autoencoder_family(bottlenecks: Sequence[int] = BOTTLENECKS, seed: int = 0,
                                 max_iter: int = 1000, show_progress: bool = True) -> AutoencoderFamily:
    """Train the shallow nonlinear autoencoder family (about 5 s for 10 sizes).

    Each model: ``MLPRegressor(hidden_layer_sizes=(k,), activation="logistic")`` trained to
    output its input, Adam with step size 1e-2, at most ``max_iter`` epochs, tolerance 1e-6,
    ``random_state=seed``. (ReLU bottlenecks were worse: dead units made k = 1..3 identical.)
    """
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.neural_network import MLPRegressor

    k_grid = _check_bottlenecks(bottlenecks)
    seed = check_count("seed", seed, minimum=0)
    max_iter = check_count("max_iter", max_iter)
    data = load_digits_split()
    errors = np.empty((len(k_grid), len(data.x_test)))
    for i, k in enumerate(progress(k_grid.tolist(), label=message("mirage.progress.autoencoders"),
                                   enabled=show_progress)):
        model = MLPRegressor(hidden_layer_sizes=(k,), activation="logistic", solver="adam",
                             learning_rate_init=1e-2, max_iter=max_iter, tol=1e-6,
                             random_state=int(seed))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)
            model.fit(data.x_train, data.x_train)
        errors[i] = _per_image_error(data.x_test, model.predict(data.x_test))
    settings = {"family": "sklearn MLPRegressor autoencoder, logistic hidden layer, linear output",
                "solver": "adam", "learning_rate_init": 1e-2, "max_iter": max_iter, "tol": 1e-6,
                "seed": int(seed), "split_seed": SPLIT_SEED}
    return AutoencoderFamily("nonlinear AE", k_grid, errors, settings)


def build_autoencoder_cache(bottlenecks: Sequence[int] = BOTTLENECKS, seed: int = 0,
                            max_iter: int = 1000, show_progress: bool = True) -> Path:
    """Train :func:`nonlinear_autoencoder_family` and save it to ``course_lib/mirage/cache/digits_autoencoder.npz``.

    Stored: bottlenecks and per-image errors (float32), plus the settings and versions.
    """
    import sklearn

    family = nonlinear_autoencoder_family(bottlenecks, seed, max_iter, show_progress)
    settings = dict(family.settings, numpy=np.__version__, sklearn=sklearn.__version__)
    load_nonlinear_autoencoder_family.cache_clear()
    return write_cache(AE_CACHE, {"bottlenecks": family.bottlenecks,
                                  "errors": family.errors.astype(np.float32)}, settings)


@lru_cache(maxsize=1)
def load_nonlinear_autoencoder_family() -> AutoencoderFamily:
    """The cached nonlinear autoencoder family: 10 bottlenecks x 899 test images (read-only).

    Used in notebook 02 §4b.
    """
    arrays, settings = read_cache(AE_CACHE)
    return AutoencoderFamily("nonlinear AE", arrays["bottlenecks"], arrays["errors"], settings)
