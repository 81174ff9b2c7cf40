"""Digit classifier families of growing width: per-example vs "all K of K correct" accuracy.

After Schaeffer et al. (2023, App. B.1, Fig. 10): a family of one-hidden-layer networks on
the bundled digits (64 pixels -> h hidden units -> 10 classes), scored on the 899 test
images. Per-example accuracy rises smoothly with width; subset accuracy, "1 if the network
classifies K out of K test images correctly", rises later and more sharply.

Two families:

- :func:`random_feature_family` (live, a few seconds): random ReLU features with a ridge
  regression readout. Fast and smooth.
- :func:`mlp_family` (cached): scikit-learn ``MLPClassifier`` trained with Adam. Noisier at
  small widths; its class log-probabilities feed the multiple-choice demo.
  :func:`load_mlp_family` reads the shipped cache, :func:`build_mlp_cache` rebuilds it.
"""
from __future__ import annotations

import warnings
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, Sequence

import numpy as np

from course_lib.mirage.digits import load_digits_split, read_cache, write_cache, SPLIT_SEED
from course_lib.metrics import subset_accuracy
from course_lib.core.messages import message
from course_lib.core.progress import progress
from course_lib.core.validation import check_array, check_count, check_scalar

__all__ = ["RF_WIDTHS", "MLP_WIDTHS", "SEEDS", "N_CLASSES", "ClassifierFamily", "n_params",
           "random_feature_family", "train_random_feature_family", "mlp_family", "build_mlp_cache", "load_mlp_family"]

#: Widths of the live random-feature family (dense at the low end).
RF_WIDTHS = (1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64, 128, 256, 512, 1024, 2048)
#: Widths of the cached trained-MLP family (dense at the low end).
MLP_WIDTHS = (1, 2, 3, 4, 5, 6, 8, 10, 12, 16, 24, 32, 64, 128, 256, 512)
#: Seeds of both families.
SEEDS = (0, 1, 2)
N_CLASSES = 10
MLP_CACHE = "digits_mlp.npz"


def n_params(width) -> np.ndarray:
    """Weights and biases of a 64 -> width -> 10 network: 64w + w + 10w + 10 = 75w + 10."""
    return 75 * check_array("width", width, kind="iu", dtype=np.int64, minimum=1, scalar=True) + 10


@dataclass(frozen=True)
class ClassifierFamily:
    """Test-set results of one classifier per (seed, width).

    Attributes
    ----------
    name : str
    widths : ndarray of int, shape (W,)
        Hidden units, increasing.
    seeds : ndarray of int, shape (S,)
    correct : ndarray of bool, shape (S, W, n_test)
        Whether each model classifies each test image correctly.
    labels : ndarray of int, shape (n_test,)
        True class of each test image.
    log_probs : ndarray of float, shape (S, W, n_test, 10), or None
        Class log-probabilities (trained MLPs only).
    settings : dict
        How the family was trained.
    """

    name: str
    widths: np.ndarray
    seeds: np.ndarray
    correct: np.ndarray
    labels: np.ndarray
    log_probs: np.ndarray | None = None
    settings: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self):
        s, w = len(self.seeds), len(self.widths)
        if self.correct.shape != (s, w, len(self.labels)):
            raise ValueError(f"correct must have shape (seeds, widths, n_test) = {(s, w, len(self.labels))}, "
                             f"got {self.correct.shape}")
        if self.log_probs is not None and self.log_probs.shape != self.correct.shape + (N_CLASSES,):
            raise ValueError(f"log_probs must have shape {self.correct.shape + (N_CLASSES,)}, "
                             f"got {self.log_probs.shape}")
        if np.any(np.diff(self.widths) <= 0):
            raise ValueError(f"widths must increase, got {self.widths}")

    @property
    def n_params(self) -> np.ndarray:
        """Weights and biases of each width, 75 w + 10, fixed or learned.

        For the random-feature nets only the readout (10 w + 10) is learned; the 65 w input
        weights and biases are drawn at random and never trained. The course plots this full
        count for both families so that one width has one x position in every figure; the
        learned count alone would shift the random-feature curves left by a factor of about 7.
        """
        return n_params(self.widths)

    @property
    def n_learned_params(self) -> np.ndarray:
        """Parameters that training sets: all of them for a trained MLP, the readout only otherwise."""
        if self.name == "random features":
            return 10 * np.asarray(self.widths, dtype=np.int64) + 10
        return self.n_params

    @property
    def n_test(self) -> int:
        return len(self.labels)

    def accuracy(self) -> np.ndarray:
        """Per-example test accuracy, shape (S, W)."""
        return self.correct.mean(axis=-1)

    def subset_accuracy(self, k: int) -> np.ndarray:
        """Probability that ``k`` distinct random test images are all correct, shape (S, W).

        Exact (no sampling): :func:`course_lib.metrics.subset_accuracy` on each model's count.
        """
        return subset_accuracy(self.correct.sum(axis=-1), self.n_test, k)

    def select(self, widths: Sequence[int]) -> "ClassifierFamily":
        """The same family restricted to ``widths`` (each must be one of its widths)."""
        wanted = check_array("widths", widths, ndim=1, kind="iu")
        missing = sorted(set(wanted.tolist()) - set(self.widths.tolist()))
        if missing:
            raise ValueError(f"widths must be among {self.widths.tolist()}, got unknown {missing}")
        idx = np.searchsorted(self.widths, np.unique(wanted))
        return replace(self, widths=self.widths[idx], correct=self.correct[:, idx],
                       log_probs=None if self.log_probs is None else self.log_probs[:, idx])


def _check_grid(widths: Sequence[int], seeds: Sequence[int]) -> tuple[np.ndarray, np.ndarray]:
    w = check_array("widths", widths, ndim=1, kind="iu", dtype=np.int64, minimum=1)
    if np.any(np.diff(w) <= 0):
        raise ValueError(f"widths must increase, got {w.tolist()}")
    s = check_array("seeds", seeds, ndim=1, kind="iu", dtype=np.int64, minimum=0)
    if len(set(s.tolist())) != s.size:
        raise ValueError(f"seeds must be distinct, got {s.tolist()}")
    return w, s


def _ridge_readout(features: np.ndarray, targets: np.ndarray, penalty: float) -> tuple[np.ndarray, np.ndarray]:
    """Ridge regression with an unpenalised intercept; solves the smaller of the two systems."""
    f_mean, t_mean = features.mean(axis=0), targets.mean(axis=0)
    f, t = features - f_mean, targets - t_mean
    n, width = f.shape
    if width <= n:
        weights = np.linalg.solve(f.T @ f + penalty * np.eye(width), f.T @ t)
    else:  # dual form: same solution, an n x n system
        weights = f.T @ np.linalg.solve(f @ f.T + penalty * np.eye(n), t)
    return weights, t_mean - f_mean @ weights


def random_feature_family(widths: Sequence[int] = RF_WIDTHS, seeds: Sequence[int] = SEEDS,
                          ridge: float = 0.01, show_progress: bool = True) -> ClassifierFamily:
    """Train the random-feature classifier family live (about 0.5 s per seed for 17 widths).

    Used in notebook 02 §4a.

    Each model: hidden units ``relu(x W + b)`` with fixed random ``W ~ N(0, 1/64)`` and
    ``b ~ N(0, 0.25)``; a ridge regression from the hidden units to one-hot labels, penalty
    ``ridge * n_train``; the predicted class is the largest output. Model (seed, width) draws
    its weights from ``np.random.default_rng([seed, width])``, so a model does not depend on
    which other widths are trained. A family is trained once per session for each setting and
    then shared (read-only), so the exercise check of §4b reuses the family the notebook trained.

    Parameters
    ----------
    widths : increasing ints
    seeds : distinct non-negative ints
    ridge : float, > 0
    show_progress : bool
        Show a progress bar over seeds in a notebook.
    """
    w_grid, s_grid = _check_grid(widths, seeds)
    ridge = check_scalar("ridge", ridge, minimum=0, include_minimum=False)
    key = (tuple(w_grid.tolist()), tuple(s_grid.tolist()), ridge)
    if key not in _TRAINED:
        _TRAINED[key] = _train_random_features(w_grid, s_grid, ridge, show_progress)
    return _TRAINED[key]


def train_random_feature_family() -> ClassifierFamily:
    """Train the random-feature family with the notebook's settings afresh, never from the session's memo.

    What notebook 02 §4a trains live (for the benchmark, which times it).
    """
    w_grid, s_grid = _check_grid(RF_WIDTHS, SEEDS)
    return _train_random_features(w_grid, s_grid, 0.01, False)


#: random-feature families trained in this session: (widths, seeds, ridge) -> family (read-only)
_TRAINED: dict[tuple, ClassifierFamily] = {}


def _train_random_features(w_grid: np.ndarray, s_grid: np.ndarray, ridge: float,
                           show_progress: bool) -> ClassifierFamily:
    data = load_digits_split()
    one_hot = np.eye(N_CLASSES)[data.y_train]
    correct = np.zeros((len(s_grid), len(w_grid), len(data.y_test)), dtype=bool)
    for i, seed in enumerate(progress(s_grid.tolist(), label=message("mirage.progress.random_features"),
                                      enabled=show_progress)):
        for j, width in enumerate(w_grid.tolist()):
            rng = np.random.default_rng([seed, width])
            w_in = rng.normal(0.0, np.sqrt(1 / 64), size=(64, width))
            b_in = rng.normal(0.0, np.sqrt(0.25), size=width)
            weights, bias = _ridge_readout(np.maximum(data.x_train @ w_in + b_in, 0), one_hot,
                                           ridge * len(data.y_train))
            scores = np.maximum(data.x_test @ w_in + b_in, 0) @ weights + bias
            correct[i, j] = scores.argmax(axis=1) == data.y_test
    settings = {"family": "random ReLU features + ridge readout", "w_std": float(np.sqrt(1 / 64)),
                "b_std": 0.5, "ridge_penalty": f"{ridge} * n_train", "split_seed": SPLIT_SEED}
    correct.setflags(write=False)
    return ClassifierFamily("random features", w_grid, s_grid, correct, np.asarray(data.y_test),
                            None, settings)


def _log_softmax_outputs(model, x: np.ndarray) -> np.ndarray:
    """Class log-probabilities of a trained one-hidden-layer ReLU ``MLPClassifier`` (exact, finite)."""
    hidden = np.maximum(x @ model.coefs_[0] + model.intercepts_[0], 0)
    logits = hidden @ model.coefs_[1] + model.intercepts_[1]
    logits = logits - logits.max(axis=1, keepdims=True)
    return logits - np.log(np.exp(logits).sum(axis=1, keepdims=True))


def mlp_family(widths: Sequence[int] = MLP_WIDTHS, seeds: Sequence[int] = SEEDS,
               max_iter: int = 200, learning_rate: float = 1e-3,
               show_progress: bool = True) -> ClassifierFamily:
    """Train the scikit-learn MLP classifier family (about 10 s per seed for 16 widths).

    Each model: ``MLPClassifier(hidden_layer_sizes=(width,))`` (ReLU), Adam with step size
    ``learning_rate`` for ``max_iter`` epochs, ``random_state=seed``. Stopping before
    convergence is intended and not warned about. One step size for every width keeps the
    family comparable: switching to a larger step for narrow nets only (1e-2 below width 16)
    made the models' confidence jump at the switch and width 5 score below width 4.
    """
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.neural_network import MLPClassifier

    w_grid, s_grid = _check_grid(widths, seeds)
    max_iter = check_count("max_iter", max_iter)
    learning_rate = check_scalar("learning_rate", learning_rate, minimum=0, include_minimum=False)
    data = load_digits_split()
    shape = (len(s_grid), len(w_grid), len(data.y_test))
    log_probs = np.zeros(shape + (N_CLASSES,))
    jobs = [(i, j) for i in range(len(s_grid)) for j in range(len(w_grid))]
    for i, j in progress(jobs, label=message("mirage.progress.mlp"), enabled=show_progress):
        width = int(w_grid[j])
        model = MLPClassifier(hidden_layer_sizes=(width,), solver="adam", max_iter=max_iter,
                              learning_rate_init=float(learning_rate), random_state=int(s_grid[i]))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)
            model.fit(data.x_train, data.y_train)
        log_probs[i, j] = _log_softmax_outputs(model, data.x_test)
    correct = log_probs.argmax(axis=-1) == data.y_test
    settings = {"family": "sklearn MLPClassifier, one ReLU hidden layer", "solver": "adam",
                "max_iter": max_iter, "learning_rate_init": float(learning_rate),
                "split_seed": SPLIT_SEED}
    return ClassifierFamily("trained MLP", w_grid, s_grid, correct, np.asarray(data.y_test),
                            log_probs, settings)


def build_mlp_cache(widths: Sequence[int] = MLP_WIDTHS, seeds: Sequence[int] = SEEDS,
                    max_iter: int = 200, learning_rate: float = 1e-3, show_progress: bool = True) -> Path:
    """Train :func:`mlp_family` and save it to ``course_lib/mirage/cache/digits_mlp.npz``.

    Stored: widths, seeds, labels, correctness (bool) and class log-probabilities as float16
    (to 0.1% in probability, which is ample for plotting), plus the settings and versions.
    """
    import sklearn

    family = mlp_family(widths, seeds, max_iter, learning_rate, show_progress)
    settings = dict(family.settings, numpy=np.__version__, sklearn=sklearn.__version__)
    load_mlp_family.cache_clear()
    return write_cache(MLP_CACHE, {"widths": family.widths, "seeds": family.seeds,
                                   "labels": family.labels.astype(np.int8), "correct": family.correct,
                                   "log_probs": family.log_probs.astype(np.float16)}, settings)


@lru_cache(maxsize=1)
def load_mlp_family() -> ClassifierFamily:
    """The cached trained-MLP family (16 widths x 3 seeds x 899 test images; read-only arrays).

    Used in notebook 02 §4a and §5.

    ``log_probs`` come back as float16, shape (3, 16, 899, 10).
    """
    arrays, settings = read_cache(MLP_CACHE)
    return ClassifierFamily("trained MLP", arrays["widths"], arrays["seeds"], arrays["correct"],
                            arrays["labels"].astype(np.int64), arrays["log_probs"], settings)
