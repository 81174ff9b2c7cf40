"""Random-feature models of growing width on the distractor task, and the families they form.

A model of width ``w``: hidden units ``relu(x W + b)`` with fixed random ``W ~ N(0, 1)`` and
``b ~ U(-pi, pi)``, then a ridge regression from the hidden units to the ±1 labels (penalty
``ridge * n_train``, intercept unpenalised); it predicts the sign of the output. Wider means
more features, so more capacity: one feature can copy the distractor, hundreds can draw the
checkerboard of the true rule.

- :class:`RandomFeatureModel`: one model (``fit`` / ``predict``).
- :func:`train_family`: one seed, a grid of widths: accuracy on the reversed test set (the
  distractor always misleads) and in distribution (the distractor agrees as in training).
- :func:`train_seeds`: the same over several seeds (:class:`SeedFamilies`).
- :func:`train_agreement_grid`, :func:`load_agreement_grid`, :func:`build_grid_cache`: every
  agreement from 0.5 to 1 and every hint, the cached grid behind the agreement slider.

Model (seed, width) draws its weights from ``np.random.default_rng([seed, width])`` and its
data from ``[seed, 0]`` (training), ``[seed, 1]`` (reversed test) and ``[seed, 2]``
(in-distribution test), so a model does not depend on which other widths are trained.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Sequence

import numpy as np

from course_lib.core.cache import REBUILD, packaged_file, read_family, source_file, write_families
from course_lib.core.messages import message
from course_lib.core.progress import progress
from course_lib.core.validation import check_array, check_bool, check_choice, check_count, check_scalar
from course_lib.inverse_scaling.task import HINTS, Split, hint_name, make_split, resolve_hint_scale

__all__ = ["WIDTHS", "SEEDS", "AGREEMENTS", "RIDGE", "N_TRAIN", "N_TEST", "RandomFeatureModel",
           "DistractorFamily", "SeedFamilies", "AgreementGrid", "train_family", "train_seeds",
           "train_agreement_grid", "load_agreement_grid", "build_grid_cache", "default_family"]

#: widths of the family (dense at the low end, up to 512 features)
WIDTHS = (1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64, 96, 128, 192, 256, 384, 512)
#: seeds averaged over
SEEDS = (0, 1, 2, 3, 4)
#: agreements of the cached grid (how often the distractor agrees with the label in training)
AGREEMENTS = tuple(round(0.5 + 0.05 * i, 2) for i in range(11))
RIDGE = 1e-3
N_TRAIN = 3000
N_TEST = 4000
GRID_CACHE = "agreement_grid.npz"


def check_widths(widths: Sequence[int]) -> np.ndarray:
    """Return ``widths`` as an int array, or raise unless they are strictly increasing ints >= 1."""
    if isinstance(widths, (list, tuple)) and not widths:  # an empty list has numpy's float dtype
        raise ValueError("widths must have at least 1 element, got 0")
    w = check_array("widths", widths, ndim=1, kind="iu", minimum=1, dtype=np.int64)
    if np.any(np.diff(w) <= 0):
        raise ValueError(f"widths must be strictly increasing, got {w.tolist()}")
    return w


def check_seeds(seeds: Sequence[int]) -> np.ndarray:
    """Return ``seeds`` as an int array, or raise unless they are distinct ints >= 0."""
    if isinstance(seeds, (list, tuple)) and not seeds:  # an empty list has numpy's float dtype
        raise ValueError("seeds must have at least 1 element, got 0")
    s = check_array("seeds", seeds, ndim=1, kind="iu", minimum=0, dtype=np.int64)
    if len(set(s.tolist())) != s.size:
        raise ValueError(f"seeds must be distinct, got {s.tolist()}")
    return s


class RandomFeatureModel:
    """Random ReLU features with a ridge readout, predicting a label in {-1, +1}.

    Used in notebook 04 §3.

    Parameters
    ----------
    width : int
        Number of random features, >= 1.
    ridge : float
        Penalty per training example, > 0 (the penalty is ``ridge * n_train``).
    seed : int
        Seeds the random features (``default_rng([seed, width])``).
    """

    def __init__(self, width: int, ridge: float = RIDGE, seed: int = 0):
        self.width = check_count("width", width)
        self.ridge = check_scalar("ridge", ridge, minimum=0, include_minimum=False)
        self.seed = check_count("seed", seed, minimum=0)

    def features(self, x: np.ndarray) -> np.ndarray:
        """The hidden units ``relu(x W + b)``, shape (n, width)."""
        return np.maximum(x @ self.w_in + self.b_in, 0.0)

    def fit(self, x: np.ndarray, y: np.ndarray) -> "RandomFeatureModel":
        """Draw the features for ``x``'s number of inputs and fit the readout to ``y`` (±1)."""
        x = check_array("x", x, ndim=2, dtype=float)
        y = check_array("y", y, ndim=1, dtype=float)
        if y.shape != (len(x),):
            raise ValueError(f"y must have one label per row of x, got shapes {x.shape} and {y.shape}")
        rng = np.random.default_rng([self.seed, self.width])
        self.w_in = rng.normal(0.0, 1.0, size=(x.shape[1], self.width))
        self.b_in = rng.uniform(-np.pi, np.pi, size=self.width)
        f = self.features(x)
        f_mean, y_mean = f.mean(axis=0), y.mean()
        f, t = f - f_mean, y - y_mean
        penalty = self.ridge * len(y)
        if self.width <= len(y):
            self.weights = np.linalg.solve(f.T @ f + penalty * np.eye(self.width), f.T @ t)
        else:  # dual form: the same solution from an n x n system
            self.weights = f.T @ np.linalg.solve(f @ f.T + penalty * np.eye(len(y)), t)
        self.bias = y_mean - f_mean @ self.weights
        return self

    def predict(self, x: np.ndarray) -> np.ndarray:
        """Predicted labels in {-1, +1} (ties go to +1)."""
        return np.where(self.features(np.asarray(x, float)) @ self.weights + self.bias >= 0, 1.0, -1.0)

    def accuracy(self, x: np.ndarray, y: np.ndarray) -> float:
        """Share of examples whose label is predicted correctly. Used in notebook 04 §3."""
        return float(np.mean(self.predict(x) == np.asarray(y)))


@dataclass(frozen=True)
class DistractorFamily:
    """One seed's models, one per width.

    Attributes
    ----------
    widths : ndarray of int, shape (W,)
    test_accuracy : ndarray, shape (W,)
        On the reversed test set (the distractor always disagrees with the label).
    in_distribution_accuracy : ndarray, shape (W,)
        On a fresh test set where the distractor agrees as often as in training.
    follows_distractor : ndarray, shape (W,)
        On the reversed test set, the share of predictions equal to the distractor's sign.
    settings : dict
    """

    widths: np.ndarray
    test_accuracy: np.ndarray
    in_distribution_accuracy: np.ndarray
    follows_distractor: np.ndarray
    settings: dict[str, Any] = field(default_factory=dict)


def train_family(widths: Sequence[int] = WIDTHS, agreement: float = 0.8, seed: int = 0, hint: str = "none",
                 ridge: float = RIDGE, n_train: int = N_TRAIN, n_test: int = N_TEST,
                 counter_examples: int = 0, hint_scale: float | None = None) -> DistractorFamily:
    """Train one model per width on the distractor task and score each on both test sets.

    Used in notebook 04 §3.

    Parameters
    ----------
    widths : increasing ints >= 1
    agreement : float in [0, 1]
        How often the distractor agrees with the label in training (and in distribution).
    seed : int >= 0
    hint : {"none", "steps", "answer"}
        Extra input columns computed from the true rule (see :mod:`course_lib.inverse_scaling.task`).
    ridge : float > 0
    n_train, n_test : int
        Training examples; examples in each test set.
    counter_examples : int >= 0
        Extra training examples whose distractor is reversed (drawn from ``default_rng([seed, 3])``
        and added to the ``n_train`` examples): the toy's analogue of a few demonstrations that
        contradict the distractor. 0 (the default) adds none.
    hint_scale : float > 0, optional
        Strength of the hint's columns (:data:`course_lib.inverse_scaling.task.HINT_SCALES` when
        omitted); only with a hint.
    """
    w_grid = check_widths(widths)
    agreement = check_scalar("agreement", agreement, minimum=0.0, maximum=1.0)
    seed = check_count("seed", seed, minimum=0)
    check_choice("hint", hint, HINTS)
    n_train, n_test = check_count("n_train", n_train, minimum=2), check_count("n_test", n_test)
    counter_examples = check_count("counter_examples", counter_examples, minimum=0)
    scale = resolve_hint_scale(hint, hint_scale)
    train = make_split(n_train, agreement, np.random.default_rng([seed, 0]), hint=hint, hint_scale=hint_scale)
    if counter_examples:
        extra = make_split(counter_examples, agreement, np.random.default_rng([seed, 3]), "reversed", hint,
                           hint_scale)
        train = Split(np.vstack([train.x, extra.x]), np.concatenate([train.y, extra.y]))
    test = make_split(n_test, agreement, np.random.default_rng([seed, 1]), "reversed", hint, hint_scale)
    same = make_split(n_test, agreement, np.random.default_rng([seed, 2]), hint=hint, hint_scale=hint_scale)
    test_acc, same_acc, follows = (np.zeros(len(w_grid)) for _ in range(3))
    for j, width in enumerate(w_grid.tolist()):
        model = RandomFeatureModel(width, ridge, seed).fit(train.x, train.y)
        predicted = model.predict(test.x)
        test_acc[j] = np.mean(predicted == test.y)
        follows[j] = np.mean(predicted == np.sign(test.x[:, 2]))
        same_acc[j] = model.accuracy(same.x, same.y)
    settings = {"agreement": agreement, "seed": seed, "hint": hint, "ridge": float(ridge),
                "n_train": n_train, "n_test": n_test, "counter_examples": counter_examples, "hint_scale": scale}
    return DistractorFamily(w_grid, test_acc, same_acc, follows, settings)


@dataclass(frozen=True)
class SeedFamilies:
    """:func:`train_family` over several seeds: arrays of shape (seeds, widths)."""

    widths: np.ndarray
    seeds: np.ndarray
    test_accuracy: np.ndarray
    in_distribution_accuracy: np.ndarray
    follows_distractor: np.ndarray
    settings: dict[str, Any] = field(default_factory=dict)

    def mean(self, which: str = "test") -> np.ndarray:
        """Mean over seeds of the ``"test"`` (reversed) or ``"in distribution"`` accuracy.

        Used in notebook 04 §3-§4.
        """
        return self._values(which).mean(axis=0)

    def spread(self, which: str = "test") -> tuple[np.ndarray, np.ndarray]:
        """Lowest and highest seed at each width. Used in notebook 04 §3."""
        values = self._values(which)
        return values.min(axis=0), values.max(axis=0)

    def _values(self, which: str) -> np.ndarray:
        check_choice("which", which, ("test", "in distribution"))
        return self.test_accuracy if which == "test" else self.in_distribution_accuracy


def train_seeds(widths: Sequence[int] = WIDTHS, agreement: float = 0.8, seeds: Sequence[int] = SEEDS,
                hint: str = "none", ridge: float = RIDGE, n_train: int = N_TRAIN, n_test: int = N_TEST,
                show_progress: bool = True, counter_examples: int = 0,
                hint_scale: float | None = None) -> SeedFamilies:
    """:func:`train_family` for each seed (about 0.3 s per seed for the 18 default widths).

    Used in notebook 04 §3.
    """
    s_grid = check_seeds(seeds)
    check_bool("show_progress", show_progress)
    label = message("inverse_scaling.family.progress_seeds", hint=hint_name(hint))
    runs = [train_family(widths, agreement, seed, hint, ridge, n_train, n_test, counter_examples, hint_scale)
            for seed in progress(s_grid.tolist(), label=label, enabled=show_progress)]
    stack = {name: np.stack([getattr(r, name) for r in runs])
             for name in ("test_accuracy", "in_distribution_accuracy", "follows_distractor")}
    settings = {k: v for k, v in runs[0].settings.items() if k != "seed"}
    return SeedFamilies(runs[0].widths, s_grid, settings=settings, **stack)


def default_family() -> SeedFamilies:
    """The live family of notebook 04 §3 with its default settings (for ``make bench``)."""
    return train_seeds(show_progress=False)


@dataclass(frozen=True)
class AgreementGrid:
    """Test and in-distribution accuracy for every (hint, agreement, seed, width).

    ``test_accuracy`` and ``in_distribution_accuracy`` have shape
    (len(hints), len(agreements), len(seeds), len(widths)).
    """

    hints: tuple[str, ...]
    agreements: np.ndarray
    seeds: np.ndarray
    widths: np.ndarray
    test_accuracy: np.ndarray
    in_distribution_accuracy: np.ndarray
    settings: dict[str, Any] = field(default_factory=dict)

    def index(self, hint: str, agreement: float) -> tuple[int, int]:
        """Indices of ``hint`` and of the grid's agreement equal to ``agreement`` (to 1e-9)."""
        check_choice("hint", hint, self.hints)
        agreement = check_scalar("agreement", agreement)
        hits = np.flatnonzero(np.abs(self.agreements - agreement) < 1e-9)
        if hits.size == 0:
            raise ValueError(f"agreement must be one of {self.agreements.tolist()}, got {agreement}")
        return self.hints.index(hint), int(hits[0])

    def family(self, hint: str, agreement: float) -> SeedFamilies:
        """The seeds x widths slice for one hint and agreement. Used in notebook 04 §3-§4.

        The grid does not store ``follows_distractor`` (on the reversed test set it is one minus
        ``test_accuracy``); it comes back as NaN.
        """
        h, a = self.index(hint, agreement)
        empty = np.full((len(self.seeds), len(self.widths)), np.nan)
        return SeedFamilies(self.widths, self.seeds, self.test_accuracy[h, a], self.in_distribution_accuracy[h, a],
                            empty, dict(self.settings, hint=hint, agreement=float(self.agreements[a])))


def train_agreement_grid(widths: Sequence[int] = WIDTHS, agreements: Sequence[float] = AGREEMENTS,
                         seeds: Sequence[int] = SEEDS, hints: Sequence[str] = HINTS, ridge: float = RIDGE,
                         n_train: int = N_TRAIN, n_test: int = N_TEST,
                         show_progress: bool = True) -> AgreementGrid:
    """Train :func:`train_family` for every hint, agreement and seed (about a minute by default)."""
    w_grid, s_grid = check_widths(widths), check_seeds(seeds)
    q_grid = np.asarray([check_scalar("agreements", q, minimum=0.0, maximum=1.0) for q in agreements])
    hints = tuple(check_choice("hints", h, HINTS) for h in hints)
    shape = (len(hints), len(q_grid), len(s_grid), len(w_grid))
    test, same = np.zeros(shape), np.zeros(shape)
    jobs = [(h, a, s) for h in range(len(hints)) for a in range(len(q_grid)) for s in range(len(s_grid))]
    for h, a, s in progress(jobs, label=message("inverse_scaling.family.progress_grid"), enabled=show_progress):
        run = train_family(w_grid, float(q_grid[a]), int(s_grid[s]), hints[h], ridge, n_train, n_test)
        test[h, a, s], same[h, a, s] = run.test_accuracy, run.in_distribution_accuracy
    settings = {"ridge": float(ridge), "n_train": n_train, "n_test": n_test,
                "model": "random ReLU features W ~ N(0, 1), b ~ U(-pi, pi) + ridge readout on ±1 labels"}
    return AgreementGrid(hints, q_grid, s_grid, w_grid, test, same, settings)


def build_grid_cache(show_progress: bool = False) -> Path:
    """Train :func:`train_agreement_grid` and write ``course_lib/inverse_scaling/cache/agreement_grid.npz``."""
    grid = train_agreement_grid(show_progress=show_progress)
    load_agreement_grid.cache_clear()
    arrays = {"agreements": grid.agreements, "seeds": grid.seeds, "widths": grid.widths,
              "test_accuracy": grid.test_accuracy, "in_distribution_accuracy": grid.in_distribution_accuracy}
    settings = dict(grid.settings, hints=list(grid.hints), numpy=np.__version__)
    return write_families(source_file(__package__, GRID_CACHE), {"grid": arrays}, settings)


@lru_cache(maxsize=1)
def load_agreement_grid() -> AgreementGrid:
    """The shipped :class:`AgreementGrid` (3 hints x 11 agreements x 5 seeds x 18 widths).

    Used in notebook 04 §3.
    """
    arrays, settings = read_family(packaged_file(__package__, GRID_CACHE), "grid")
    if "hints" not in settings:
        raise ValueError(f"{GRID_CACHE} has no hints recorded; rebuild it with {REBUILD}")
    return AgreementGrid(tuple(settings["hints"]), arrays["agreements"], arrays["seeds"], arrays["widths"],
                         arrays["test_accuracy"], arrays["in_distribution_accuracy"], settings)
