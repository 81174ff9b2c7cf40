"""One training run as a timeline: everything the step slider of notebook 03 §2 shows, per checkpoint.

:func:`make_timeline` turns a :class:`~course_lib.grokking.training.History` (with snapshots)
into plain arrays: the curves, the embedding's Fourier spectrum, the key frequencies of the
final network, the share of power they hold, and Nanda et al.'s restricted and excluded
losses at every checkpoint. :func:`build_timeline_cache` trains the notebook's live run
(p = 97, seed 0) plus two more seeds and ships their timelines; :func:`load_timeline` reads one.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np

from course_lib.core.cache import packaged_file, read_family, source_file, write_families
from course_lib.core.messages import message
from course_lib.core.progress import progress
from course_lib.core.validation import check_choice, check_count
from course_lib.grokking.fourier import key_frequencies, logit_table, restricted_and_excluded_loss
from course_lib.grokking.model import GrokNet
from course_lib.grokking.training import CURVES, History, first_step_at, train

__all__ = ["make_timeline", "toy_phases", "JUMP_STARTS_AT", "before_the_jump", "SIGNATURES", "WINDOWS",
           "peak_test_loss_at", "excluded_loss_minimum_at", "NANDA_LR_RUN", "build_nanda_lr_cache",
           "load_nanda_lr_run", "build_timeline_cache", "load_timeline", "LIVE_RUN", "TIMELINE_FILE", "N_KEYS",
           "CACHED_SEEDS", "final_network"]

#: the settings of the run notebook 03 §1 trains live (train(**LIVE_RUN))
LIVE_RUN = {"p": 97, "train_fraction": 0.3, "weight_decay": 1.0, "steps": 1000, "seed": 0, "log_every": 20}
#: how many frequencies count as "key" (Nanda et al.'s mainline run used 5)
N_KEYS = 5
CACHED_SEEDS = (0, 1, 2)
TIMELINE_FILE = "timelines.npz"


def make_timeline(history: History, n_keys: int | None = None, show_progress: bool = False) -> dict[str, np.ndarray]:
    """Arrays per checkpoint for the step slider and the progress measures.

    Used in notebook 03 §2 and §4.

    ``n_keys`` defaults to :data:`N_KEYS`, or to every frequency k = 1..p // 2 when p is
    so small that there are fewer (p = 5 has 2, p = 7 has 3).

    Returns a dict with the curves of the history (``steps``, ``train_accuracy``, ...),
    ``spectrum`` (checkpoints, p // 2 + 1), ``keys`` (the ``n_keys`` strongest frequencies of
    the final embedding), ``key_share`` (their share of the embedding's power at each
    checkpoint) and ``restricted_loss`` / ``excluded_loss`` (see
    :func:`~course_lib.grokking.fourier.restricted_and_excluded_loss`).
    """
    if not isinstance(history, History):
        raise TypeError(f"history must be a History from train(), got {type(history).__name__}")
    if not len(history.snapshots):
        raise ValueError("history must keep its snapshots (train(..., keep_snapshots=True))")
    if history.split.operation not in ("add", "subtract"):
        raise ValueError(f"the Fourier timeline needs addition or subtraction, got {history.split.operation!r}")
    available = history.spectrum.shape[1] - 1
    n_keys = min(N_KEYS, available) if n_keys is None else check_count("n_keys", n_keys, maximum=available)
    keys = key_frequencies(history.spectrum[-1], n_keys)
    measures = {"restricted_loss": [], "excluded_loss": []}
    p = history.split.p
    for i in progress(range(len(history.steps)), label=message("grokking.timeline.progress"), enabled=show_progress):
        net = history.net_at(i)
        losses = restricted_and_excluded_loss(logit_table(net.logits, p), history.split, keys)
        measures["restricted_loss"].append(losses["restricted"])
        measures["excluded_loss"].append(losses["excluded"])
    out = {name: np.asarray(history[name]) for name in CURVES}
    out.update(spectrum=history.spectrum, keys=keys, key_share=history.spectrum[:, keys].sum(axis=1),
               restricted_loss=np.asarray(measures["restricted_loss"]),
               excluded_loss=np.asarray(measures["excluded_loss"]))
    return out


#: test accuracy at which the course says the toy's jump has started (5 times chance for p = 97)
JUMP_STARTS_AT = 0.05


def toy_phases(timeline: dict[str, np.ndarray]) -> dict[str, tuple[int, int]]:
    """The toy's three phases in steps, by rules applied to one timeline (Nanda et al.'s names).

    Used in notebook 03 §4 (printed, and shaded by :func:`~course_lib.grokking.figures.plot_progress_measures`).

    - ``memorization``: from step 0 to the first checkpoint with 100 % training accuracy;
    - ``circuit formation``: from there to the first checkpoint with test accuracy >= 5 %
      (:data:`JUMP_STARTS_AT`): before it test accuracy is still near chance;
    - ``cleanup``: from there to the first checkpoint with 95 % test accuracy (the jump).

    Nanda et al. located their boundaries with their progress measures (§5.2); these rules are the
    course's, on accuracy alone. Raises ``ValueError`` if the run did not memorise or did not
    reach 95 % test accuracy.
    """
    missing = {"steps", "train_accuracy", "test_accuracy"} - set(timeline)
    if missing:
        raise ValueError(f"timeline lacks {sorted(missing)}; build it with make_timeline(history)")
    steps = np.asarray(timeline["steps"])
    memorised = first_step_at(steps, timeline["train_accuracy"], 1.0)
    generalised = first_step_at(steps, timeline["test_accuracy"], 0.95)
    if memorised is None or generalised is None:
        raise ValueError("the run must reach 100 % training accuracy and 95 % test accuracy to have phases")
    jump = first_step_at(steps, timeline["test_accuracy"], JUMP_STARTS_AT)
    jump = min(max(jump, memorised), generalised)
    return {"memorization": (0, memorised), "circuit formation": (memorised, jump), "cleanup": (jump, generalised)}


#: the progress measures compared across the circuit-formation phase by :func:`before_the_jump`
SIGNATURES = ("restricted_loss", "key_share", "excluded_loss", "weight_norm")


def peak_test_loss_at(timeline: dict[str, np.ndarray]) -> int:
    """The checkpoint step with the highest test loss from memorisation to 95 % test accuracy.

    Used in notebook 03 §4. The window runs from the first checkpoint with 100 % training accuracy
    to the first with 95 % test accuracy. Up to this step the test loss has not started to fall, so a
    signature that moves before it moves before every test metric does (if the peak is at
    memorisation, there is no such stretch).
    """
    phases = toy_phases(timeline)
    steps, loss = np.asarray(timeline["steps"]), np.asarray(timeline["test_loss"])
    window = np.flatnonzero((steps >= phases["memorization"][1]) & (steps <= phases["cleanup"][1]))
    return int(steps[window[np.argmax(loss[window])]])


def excluded_loss_minimum_at(timeline: dict[str, np.ndarray]) -> int:
    """Nanda et al.'s marker of the end of memorisation, applied to one timeline.

    Used in notebook 03 §1. Nanda et al. (§5.2) end memorisation where the excluded loss stops
    falling and starts to rise; here that is the checkpoint with the lowest excluded loss from step 0
    to the first checkpoint with 95 % test accuracy (the course's own marker is the first checkpoint
    with 100 % training accuracy, :func:`toy_phases`).
    """
    if "excluded_loss" not in timeline:
        raise ValueError("timeline lacks 'excluded_loss'; build it with make_timeline(history)")
    steps = np.asarray(timeline["steps"])
    window = steps <= toy_phases(timeline)["cleanup"][1]
    return int(steps[window][np.argmin(np.asarray(timeline["excluded_loss"])[window])])


#: the windows :func:`before_the_jump` can compare the signatures over
WINDOWS = ("jump", "test loss peak")


def before_the_jump(timeline: dict[str, np.ndarray], until: str = "jump") -> dict[str, tuple[float, float]]:
    """Each progress measure at memorisation and at the end of a window before the jump.

    Used in notebook 03 §4. With ``until="jump"`` the window is the circuit-formation phase of
    :func:`toy_phases`: from the first checkpoint with 100 % training accuracy to the checkpoint just
    before test accuracy reaches 5 %. With ``until="test loss peak"`` it ends at
    :func:`peak_test_loss_at`, before the test loss starts to fall. Returns
    ``{name: (value at memorisation, value at the end of the window)}`` for the names in
    :data:`SIGNATURES`.
    """
    check_choice("until", until, WINDOWS)
    phases = toy_phases(timeline)
    start, jump = phases["circuit formation"]
    steps = np.asarray(timeline["steps"])
    i = int(np.searchsorted(steps, start))
    if until == "jump":
        j = max(i, int(np.searchsorted(steps, jump)) - 1)
    else:
        j = int(np.searchsorted(steps, peak_test_loss_at(timeline)))
    return {name: (float(timeline[name][i]), float(timeline[name][j])) for name in SIGNATURES}


def build_timeline_cache(show_progress: bool = False) -> Path:
    """Train the live run for seeds 0, 1, 2 and write their timelines to ``cache/timelines.npz``."""
    families, settings = {}, {}
    for seed in CACHED_SEEDS:
        history = train(**{**LIVE_RUN, "seed": seed}, show_progress=show_progress)
        families[f"seed {seed}"] = {**make_timeline(history), "final_weights": history.net.flat}
        settings = {k: v for k, v in history.settings.items() if k != "seed"}
    settings["made_by"] = "course_lib.grokking.timeline.build_timeline_cache"
    return write_families(source_file(__package__, TIMELINE_FILE), families, settings)


#: the live run at Nanda et al.'s learning rate and weight decay (lr 1e-3, λ = 1), stopped at 95 % test
#: accuracy; about 10,000 steps, too long to train in the notebook, so it is cached
NANDA_LR_RUN = {"p": 97, "train_fraction": 0.3, "weight_decay": 1.0, "learning_rate": 1e-3, "steps": 20_000,
                "seed": 0, "log_every": 100, "stop_at": 0.95}
NANDA_LR_FILE = "nanda_lr_run.npz"


def build_nanda_lr_cache(show_progress: bool = False) -> Path:
    """Train :data:`NANDA_LR_RUN` (a few minutes on one core) and write its curves to ``cache/nanda_lr_run.npz``."""
    history = train(**NANDA_LR_RUN, keep_snapshots=False, show_progress=show_progress)
    settings = {**history.settings, "stop_at": NANDA_LR_RUN["stop_at"],
                "made_by": "course_lib.grokking.timeline.build_nanda_lr_cache"}
    return write_families(source_file(__package__, NANDA_LR_FILE),
                          {"run": {name: np.asarray(history[name]) for name in CURVES}}, settings)


def load_nanda_lr_run() -> dict[str, np.ndarray]:
    """The cached curves of :data:`NANDA_LR_RUN` (``steps``, accuracies, losses, ``weight_norm``).

    Used in notebook 03 §1.
    """
    fields, _ = read_family(packaged_file(__package__, NANDA_LR_FILE), "run")
    return fields


def load_timeline(seed: int = 0) -> dict[str, np.ndarray]:
    """The cached timeline of the live run with ``seed`` (0, 1 or 2), with its ``final_weights``.

    Used in notebook 03 §1 (the three seeds) and §2 (the demo's default), and by the tests of the
    lesson's claims.
    """
    seed = check_choice("seed", seed, CACHED_SEEDS)
    fields, _ = read_family(packaged_file(__package__, TIMELINE_FILE), f"seed {seed}")
    return fields


def final_network(timeline: dict[str, np.ndarray]) -> GrokNet:
    """The trained network of a cached timeline (its ``final_weights``)."""
    p = 2 * (np.asarray(timeline["spectrum"]).shape[1] - 1) + 1
    return GrokNet.from_weights(p, np.asarray(timeline["final_weights"]))
