"""Families of small networks that add multi-digit numbers, trained live or loaded from cache.

Lesson 01 trains a family of MLPs of growing width on n-digit addition and scores every model
three ways: per-digit accuracy, exact match of the whole answer, and token edit distance.
Per-digit accuracy rises smoothly with size while exact match stays near zero, then jumps.
A second family gets a scratchpad (it writes each carry down and reads it back) and crosses
the exact-match threshold at far fewer parameters. Lesson 02 reuses the same families to
vary the number of test items and the answer length.

- :func:`train_family` trains one family (a few seconds) and returns an :class:`AdditionFamily`.
- :func:`load_family` loads a precomputed family shipped with the package
  (n_digits 2..5, both kinds, 100,000 test problems).
- :func:`build_cache` rebuilds that cache (``make cache`` rebuilds every lesson's).
- :func:`load_ablation` and :func:`build_ablation_cache`: the two 4-digit ablations of lesson 01
  §5 (the direct network given the true carries; the step network without its carry).

The problems are made in :mod:`course_lib.emergence.problems`, the models in
:mod:`course_lib.emergence.models`, the results and scores kept in
:mod:`course_lib.emergence.family`.
"""
from __future__ import annotations

import functools
import platform
import time
from pathlib import Path
from typing import Sequence

import numpy as np

from course_lib.emergence.problems import check_n_digits, make_problems, scratchpad_step_inputs, split_problems
from course_lib.emergence.family import AdditionFamily, check_widths
from course_lib.emergence.models import (DirectAdditionModel, DirectWithCarriesModel, ScratchpadAdditionModel,
                                        StepWithoutCarryModel)
from course_lib.core.cache import REBUILD, packaged_file, read_family, source_file, write_families
from course_lib.core.environment import package_versions
from course_lib.metrics import token_edit_distances
from course_lib.core.messages import message
from course_lib.core.progress import progress
from course_lib.core.validation import check_bool, check_choice, check_count

__all__ = ["AdditionFamily", "train_model", "train_family", "load_family", "build_cache", "KINDS",
           "ABLATION_KINDS", "ALL_KINDS", "ABLATION_WIDTHS", "ABLATION_FILE", "load_ablation", "build_ablation_cache",
           "DENSE_WIDTHS", "LIVE_WIDTHS", "LIVE_SCRATCHPAD_WIDTHS", "CACHE_WIDTHS", "CACHE_N_DIGITS",
           "CACHE_FILE", "SEED_FILE", "SEED_REPLICATES", "SEED_FAMILIES", "load_seeds", "build_seed_cache", "family_problems", "train_live_one_adder", "train_live_direct", "train_live_scratchpad",
           "scratchpad_step_probability", "STEP_PROBABILITY_WIDTHS", "train_live_step_probabilities",
           "ABLATION_SEED_FILE", "load_ablation_seeds", "build_ablation_seed_cache"]

KINDS = ("direct", "scratchpad")
#: the two ablations of lesson 01 §5: the direct model given the true carries, and the
#: scratchpad's step network without its carry input
ABLATION_KINDS = ("direct_carries", "step_no_carry")
ALL_KINDS = KINDS + ABLATION_KINDS
_MODELS = {"direct": DirectAdditionModel, "direct_carries": DirectWithCarriesModel,
           "scratchpad": ScratchpadAdditionModel, "step_no_carry": StepWithoutCarryModel}
#: a dense, roughly x1.4 log-spaced width grid (widths 1-2 of a direct model are pure chance)
DENSE_WIDTHS = (4, 6, 8, 11, 16, 23, 32, 45, 64, 91, 128, 181, 256)
#: the sparser grid a notebook trains live (about 4 s for 4 digits, 3.7-5.3 s over make bench runs)
LIVE_WIDTHS = (4, 8, 16, 32, 64, 128, 256)
#: the scratchpad widths a notebook trains live (3-5 s for 4 digits, make bench): it crosses at width 3-4;
#: 16 is there so that the demo's sparse grid (1, 4, 16, 64, 256) keeps three of them
LIVE_SCRATCHPAD_WIDTHS = (1, 2, 3, 4, 6, 8, 16)
#: cached widths per kind: the scratchpad family crosses the exact-match threshold at
#: widths 1-4, so its grid starts at 1
CACHE_WIDTHS = {"direct": DENSE_WIDTHS, "scratchpad": (1, 2, 3) + DENSE_WIDTHS}
CACHE_N_DIGITS = (2, 3, 4, 5)
CACHE_FILE = "addition_families.npz"
#: the ablation families (4 digits only): cached widths per kind
ABLATION_WIDTHS = {"direct_carries": DENSE_WIDTHS, "step_no_carry": (1, 2, 3, 4, 6, 8, 16, 64)}
ABLATION_N_DIGITS = 4
ABLATION_FILE = "addition_ablations.npz"
ABLATION_SEED_FILE = "addition_ablation_seeds.npz"
_CACHE_SETTINGS = {"n_train": 50_000, "n_test": 100_000, "epochs": 10, "seed": 0}
#: seed replicates of the families whose thresholds lesson 01 quotes: the same settings with
#: seeds 1-3 and 20,000 test problems (enough to place a threshold; keeps the file small)
SEED_FILE = "addition_seeds.npz"
SEED_REPLICATES = (1, 2, 3)
SEED_FAMILIES = ((2, "direct"), (3, "direct"), (4, "direct"), (5, "direct"), (4, "scratchpad"))
_SEED_SETTINGS = {"n_train": 50_000, "n_test": 20_000, "epochs": 10}


def _check_kind(kind) -> str:
    return check_choice("kind", kind, ALL_KINDS)


def train_model(n_digits: int, width: int, kind: str, a: np.ndarray, b: np.ndarray, s: np.ndarray,
                epochs: int, seed: int) -> DirectAdditionModel | ScratchpadAdditionModel:
    """Train one addition model on the problems ``a + b = s``.

    Used in notebook 01 §4 and 02 §3.

    The initial weights and the minibatch order come from ``numpy.random.default_rng([seed,
    width])``, so a model does not depend on which other widths are trained with it.

    Parameters
    ----------
    n_digits : int
    width : int
        Hidden units.
    kind : {"direct", "scratchpad", "direct_carries", "step_no_carry"}
        The last two are the ablations of notebook 01 §5.
    a, b, s : uint8 digit arrays from :func:`course_lib.emergence.problems.make_problems`
    epochs : int
    seed : int
    """
    width, seed = check_count("width", width), check_count("seed", seed, minimum=0)
    rng = np.random.default_rng([seed, width])
    cls = _MODELS[_check_kind(kind)]
    model = cls(n_digits, width, rng) if kind.startswith("direct") else cls(width, rng)
    return model.fit(a, b, s, epochs, rng)


def train_family(n_digits: int, widths: Sequence[int], kind: str = "direct", n_train: int = 50_000,
                 n_test: int = 100_000, epochs: int = 10, seed: int = 0,
                 show_progress: bool = True) -> AdditionFamily:
    """Train one model per width on ``n_digits``-digit addition and test them all.

    Used in notebook 01 §4-§5.

    Training and test problems come from :func:`family_problems` and never share a problem
    (for 2 and 3 digits a fifth of all problems is held out for testing; for 4 digits and
    more the test problems are fresh draws). Same arguments, bitwise-identical results; the
    defaults are the settings of the cached families (:func:`load_family`).

    Parameters
    ----------
    n_digits : int
        Digits per operand (at least 1).
    widths : sequence of int
        Hidden widths, distinct positive ints; results keep this order.
    kind : {"direct", "scratchpad", "direct_carries", "step_no_carry"}
        Whole answer at once, or digit by digit with the carry written in a scratchpad; or
        one of the two ablations (the direct model given the true carries, the step network
        without its carry).
    n_train, n_test : int
        Number of training and test problems.
    epochs : int
        Passes over the training problems (a scratchpad model sees every digit position
        of every problem as one example).
    seed : int
        Non-negative seed of the problems and of every model.
    show_progress : bool
        Show a progress bar in a notebook.

    Returns
    -------
    AdditionFamily
    """
    n_digits = check_n_digits(n_digits)
    widths = check_widths(widths)
    kind = _check_kind(kind)
    n_train, n_test = check_count("n_train", n_train), check_count("n_test", n_test)
    epochs, seed = check_count("epochs", epochs), check_count("seed", seed, minimum=0)
    show_progress = check_bool("show_progress", show_progress)
    train, (test_a, test_b, test_s) = family_problems(n_digits, n_train, n_test, seed)
    n_params = np.zeros(len(widths), dtype=np.int64)
    correct = np.zeros((len(widths), n_test, n_digits + 1), dtype=bool)
    edit_distance = np.zeros((len(widths), n_test), dtype=np.uint8)
    label = message("emergence.train.progress", n_digits=n_digits, kind=message(f"emergence.train.kind_{kind}"))
    for i, width in enumerate(progress(widths, label=label, enabled=show_progress)):
        model = train_model(n_digits, width, kind, *train, epochs=epochs, seed=seed)
        predicted = model.predict(test_a, test_b)
        n_params[i] = model.n_params
        correct[i] = predicted == test_s
        edit_distance[i] = token_edit_distances(predicted, test_s)
    return AdditionFamily(n_digits, kind, np.array(widths, dtype=np.int64), n_params, correct,
                          edit_distance, n_train, epochs, seed)


def family_problems(n_digits: int, n_train: int = 50_000, n_test: int = 100_000, seed: int = 0):
    """The training and the test problems :func:`train_family` uses: ``((a, b, s), (a, b, s))``.

    Drawn from ``default_rng(seed)`` by :func:`course_lib.emergence.problems.split_problems`.
    """
    return split_problems(n_digits, n_train, n_test, np.random.default_rng(check_count("seed", seed, minimum=0)))


def train_live_one_adder() -> DirectAdditionModel:
    """The one adder lesson 01 trains first: 4 digits, width 64, the cache's problems and epochs.

    Used in notebook 01 §4.
    """
    a, b, s = make_problems(4, _CACHE_SETTINGS["n_train"], np.random.default_rng(_CACHE_SETTINGS["seed"]))
    return train_model(4, 64, "direct", a, b, s, epochs=_CACHE_SETTINGS["epochs"], seed=_CACHE_SETTINGS["seed"])


def train_live_direct() -> AdditionFamily:
    """The 4-digit direct family that lesson 01 trains live (widths :data:`LIVE_WIDTHS`).

    Used in notebook 01 §4.
    """
    return train_family(4, LIVE_WIDTHS, "direct")


def train_live_scratchpad() -> AdditionFamily:
    """The 4-digit scratchpad family that lesson 01 trains live (:data:`LIVE_SCRATCHPAD_WIDTHS`).

    Used in notebook 01 §5.
    """
    return train_family(4, LIVE_SCRATCHPAD_WIDTHS, "scratchpad")


#: the step networks whose probabilities lesson 01 §5 retrains: the widths where the scratchpad jumps
STEP_PROBABILITY_WIDTHS = (1, 2, 3, 4)


def scratchpad_step_probability(seed: int, widths: Sequence[int] = STEP_PROBABILITY_WIDTHS) -> np.ndarray:
    """Mean probability each 4-digit scratchpad step network puts on the correct step value.

    Used in notebook 01 §5 (a continuous measure beside per-digit accuracy, which takes the
    argmax of each digit). Retrains the cached family's models (same problems, seed and settings,
    so the same networks as :func:`load_seeds`; about half a second per width) and averages, over
    the 200 possible step inputs (digit, digit, carry), the probability of the value
    ``a_i + b_i + carry``. Returns an array, one entry per width.
    """
    seed = check_count("seed", seed, minimum=0)
    widths = check_widths(widths)
    (a, b, s), _ = family_problems(4, _CACHE_SETTINGS["n_train"], 1, seed)
    _, values = scratchpad_step_inputs()
    rows = np.arange(len(values))
    return np.array([train_model(4, w, "scratchpad", a, b, s, epochs=_CACHE_SETTINGS["epochs"], seed=seed)
                     .step_table()[rows, values].mean() for w in widths])


def train_live_step_probabilities() -> dict[int, np.ndarray]:
    """The step probabilities lesson 01 §5 retrains live: seeds 0-3, widths :data:`STEP_PROBABILITY_WIDTHS`.

    Used in notebook 01 §5 (timed by ``make bench``).
    """
    return {seed: scratchpad_step_probability(seed) for seed in (0, *SEED_REPLICATES)}


def _family_name(n_digits: int, kind: str) -> str:
    return f"{kind}_{n_digits}"


def _read_cached_family(filename: str, n_digits: int, kind: str, widths: Sequence[int]) -> AdditionFamily:
    """One family from a shipped cache file, read-only, after checking it matches the documented settings."""
    fields, settings = read_family(packaged_file(__package__, filename), _family_name(n_digits, kind))
    stale = any(settings[key] != value for key, value in _CACHE_SETTINGS.items())
    if stale or fields["widths"].tolist() != list(widths):
        raise RuntimeError(f"{filename} was built with other settings than this code documents; "
                           f"rebuild it with {REBUILD}")
    family = AdditionFamily(n_digits, kind, fields["widths"], fields["n_params"], fields["correct"],
                            fields["edit_distance"], settings["n_train"], settings["epochs"],
                            settings["seed"])
    for array in (family.widths, family.n_params, family.correct, family.edit_distance):
        array.flags.writeable = False
    return family


@functools.lru_cache(maxsize=None)
def load_family(n_digits: int, kind: str = "direct") -> AdditionFamily:
    """Load a precomputed family shipped with the package (memoised).

    Used in notebook 02 §3 (and the demos of 01 §4 and 02 §3).

    Cached: ``n_digits`` in 2..5, each kind, widths :data:`CACHE_WIDTHS` [kind], 50,000
    training problems, 10 epochs, seed 0, 100,000 test problems. The result equals
    ``train_family(n_digits, CACHE_WIDTHS[kind], kind)`` (up to floating-point differences
    between machines). Treat it as read-only: it is shared between callers.
    """
    n_digits = check_n_digits(n_digits)
    kind = _check_kind(kind)
    if n_digits not in CACHE_N_DIGITS:
        raise ValueError(f"n_digits must be one of the cached {CACHE_N_DIGITS}, got {n_digits}")
    family = _read_cached_family(CACHE_FILE, n_digits, kind, CACHE_WIDTHS[kind])
    family.digit_accuracy(), family.exact_match(), family.mean_edit_distance()  # fill the caches
    return family


@functools.lru_cache(maxsize=None)
def load_seeds(n_digits: int, kind: str = "direct") -> dict[int, AdditionFamily]:
    """Seed 0 (:func:`load_family`) and the cached seed replicates 1-3 of one family: seed -> family.

    Used in notebook 01 §4-§5 to show how far a threshold moves with the random seed. The
    replicates use the cache's settings and widths except for 20,000 test problems (equal to
    ``train_family(n_digits, CACHE_WIDTHS[kind], kind, n_test=20_000, seed=s)``). Read-only.
    """
    n_digits, kind = check_n_digits(n_digits), _check_kind(kind)
    if (n_digits, kind) not in SEED_FAMILIES:
        raise ValueError(f"(n_digits, kind) must be one of the seed-replicated {SEED_FAMILIES}, "
                         f"got {(n_digits, kind)}")
    return {0: load_family(n_digits, kind),
            **_read_replicates(SEED_FILE, n_digits, kind, CACHE_WIDTHS[kind])}


def _read_replicates(filename: str, n_digits: int, kind: str, widths) -> dict[int, AdditionFamily]:
    """Seeds 1-3 of one family from the cache file ``filename``, checked against today's settings."""
    source = packaged_file(__package__, filename)
    families = {}
    for seed in SEED_REPLICATES:
        fields, settings = read_family(source, f"{_family_name(n_digits, kind)}_seed{seed}")
        stale = any(settings[key] != value for key, value in _SEED_SETTINGS.items())
        if stale or fields["widths"].tolist() != list(widths):
            raise RuntimeError(f"{filename} was built with other settings than this code documents; "
                               f"rebuild it with {REBUILD}")
        family = AdditionFamily(n_digits, kind, fields["widths"], fields["n_params"], fields["correct"],
                                fields["edit_distance"], settings["n_train"], settings["epochs"], seed)
        for array in (family.widths, family.n_params, family.correct, family.edit_distance):
            array.flags.writeable = False
        families[seed] = family
    return families


def _report_written(path: Path, start: float) -> None:
    """Print the one line a cache builder ends with: the file written, its size and the time taken."""
    print(message("emergence.cache.wrote", path=path, megabytes=path.stat().st_size / 1e6,
                  seconds=time.perf_counter() - start))


def _train_replicates(specs) -> dict[str, dict[str, np.ndarray]]:
    """Train seeds 1-3 of each ``(n_digits, kind, widths)`` in ``specs``: cache name -> arrays to write.

    Prints one line per family.
    """
    families = {}
    for n_digits, kind, widths in specs:
        for seed in SEED_REPLICATES:
            t0 = time.perf_counter()
            family = train_family(n_digits, widths, kind, show_progress=False, seed=seed, **_SEED_SETTINGS)
            families[f"{_family_name(n_digits, kind)}_seed{seed}"] = {
                "widths": family.widths, "n_params": family.n_params,
                "correct": family.correct, "edit_distance": family.edit_distance}
            print(message("emergence.cache.seed_family", n_digits=n_digits, kind=f"{kind:14s}", seed=seed,
                          count=len(family.widths), seconds=time.perf_counter() - t0), flush=True)
    return families


def build_seed_cache(path: str | Path | None = None) -> Path:
    """Train the seed replicates (:data:`SEED_FAMILIES` x seeds 1-3) and write ``cache/addition_seeds.npz``.

    Prints one line per family (about three minutes on one core).
    """
    path = source_file(__package__, SEED_FILE) if path is None else Path(path)
    start = time.perf_counter()
    families = _train_replicates([(n_digits, kind, CACHE_WIDTHS[kind]) for n_digits, kind in SEED_FAMILIES])
    settings = {**_SEED_SETTINGS, "seeds": list(SEED_REPLICATES), "replicated": [list(f) for f in SEED_FAMILIES],
                "widths": {k: list(v) for k, v in CACHE_WIDTHS.items()}, "versions": package_versions(),
                "machine": platform.machine()}
    write_families(path, families, settings)
    _report_written(path, start)
    return path


@functools.lru_cache(maxsize=None)
def load_ablation(kind: str) -> AdditionFamily:
    """Load one of the two cached 4-digit ablation families of notebook 01 §5 (memoised).

    Used in notebook 01 §5.

    ``kind`` is ``"direct_carries"`` (the direct model given the true carries, widths
    :data:`DENSE_WIDTHS`) or ``"step_no_carry"`` (the step network without its carry input,
    widths ``ABLATION_WIDTHS["step_no_carry"]``). Same settings as :func:`load_family`; equal to
    ``train_family(4, ABLATION_WIDTHS[kind], kind)``. Read-only, shared between callers.
    """
    kind = check_choice("kind", kind, ABLATION_KINDS)
    return _read_cached_family(ABLATION_FILE, ABLATION_N_DIGITS, kind, ABLATION_WIDTHS[kind])


def build_ablation_cache(path: str | Path | None = None) -> Path:
    """Train the two 4-digit ablation families and write ``cache/addition_ablations.npz``.

    Prints one line per family (about 20 seconds on one core).
    """
    path = source_file(__package__, ABLATION_FILE) if path is None else Path(path)
    families, start = {}, time.perf_counter()
    for kind in ABLATION_KINDS:
        t0 = time.perf_counter()
        family = train_family(ABLATION_N_DIGITS, ABLATION_WIDTHS[kind], kind, show_progress=False,
                              **_CACHE_SETTINGS)
        families[_family_name(ABLATION_N_DIGITS, kind)] = {
            "widths": family.widths, "n_params": family.n_params,
            "correct": family.correct, "edit_distance": family.edit_distance}
        em = family.exact_match()
        print(message("emergence.cache.family", n_digits=ABLATION_N_DIGITS, kind=f"{kind:14s}",
                      count=len(family.widths), seconds=time.perf_counter() - t0, first=em[0], last=em[-1]),
              flush=True)
    settings = {**_CACHE_SETTINGS, "widths": {k: list(v) for k, v in ABLATION_WIDTHS.items()},
                "n_digits": [ABLATION_N_DIGITS], "versions": package_versions(),
                "machine": platform.machine()}
    write_families(path, families, settings)
    _report_written(path, start)
    return path


@functools.lru_cache(maxsize=None)
def load_ablation_seeds(kind: str) -> dict[int, AdditionFamily]:
    """Seed 0 (:func:`load_ablation`) and the cached seed replicates 1-3 of one ablation: seed -> family.

    Used in notebook 01 §5. The replicates use the seed replicates' settings (:func:`load_seeds`:
    20,000 test problems), equal to ``train_family(4, ABLATION_WIDTHS[kind], kind, n_test=20_000,
    seed=s)``. Read-only.
    """
    kind = check_choice("kind", kind, ABLATION_KINDS)
    return {0: load_ablation(kind),
            **_read_replicates(ABLATION_SEED_FILE, ABLATION_N_DIGITS, kind, ABLATION_WIDTHS[kind])}


def build_ablation_seed_cache(path: str | Path | None = None) -> Path:
    """Train the two ablations for seeds 1-3 and write ``cache/addition_ablation_seeds.npz``.

    Prints one line per family.
    """
    path = source_file(__package__, ABLATION_SEED_FILE) if path is None else Path(path)
    start = time.perf_counter()
    families = _train_replicates([(ABLATION_N_DIGITS, kind, ABLATION_WIDTHS[kind]) for kind in ABLATION_KINDS])
    settings = {**_SEED_SETTINGS, "seeds": list(SEED_REPLICATES),
                "widths": {k: list(v) for k, v in ABLATION_WIDTHS.items()}, "n_digits": [ABLATION_N_DIGITS],
                "versions": package_versions(), "machine": platform.machine()}
    write_families(path, families, settings)
    _report_written(path, start)
    return path


def build_cache(path: str | Path | None = None) -> Path:
    """Train every cached family and write them to ``path`` (default: the package data).

    Prints one line per family. Takes about a minute and a half on one core.
    """
    path = source_file(__package__, CACHE_FILE) if path is None else Path(path)
    families, start = {}, time.perf_counter()
    for n_digits in CACHE_N_DIGITS:
        for kind in KINDS:
            t0 = time.perf_counter()
            family = train_family(n_digits, CACHE_WIDTHS[kind], kind, show_progress=False,
                                  **_CACHE_SETTINGS)
            families[_family_name(n_digits, kind)] = {
                "widths": family.widths, "n_params": family.n_params,
                "correct": family.correct, "edit_distance": family.edit_distance}
            em = family.exact_match()
            print(message("emergence.cache.family", n_digits=n_digits, kind=f"{kind:10s}",
                          count=len(family.widths), seconds=time.perf_counter() - t0, first=em[0], last=em[-1]),
                  flush=True)
    settings = {**_CACHE_SETTINGS, "widths": {k: list(v) for k, v in CACHE_WIDTHS.items()},
                "n_digits": list(CACHE_N_DIGITS), "versions": package_versions(),
                "machine": platform.machine()}
    write_families(path, families, settings)
    _report_written(path, start)
    return path
