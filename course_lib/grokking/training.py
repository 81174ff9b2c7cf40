"""Train the network full-batch with AdamW and record how it memorises, then generalises.

:func:`train` is the lesson's one training loop. Every ``log_every`` steps it records train and
test loss and accuracy, the norm of all the weights, the Fourier spectrum of the embedding and
(optionally) a snapshot of the weights, in a :class:`History`.

The measured setting (p = 97, 30 % of the equations for training, hidden width 128, embedding
width 32, lr 1e-2, β = (0.9, 0.98), weight decay 1.0, float32): training accuracy reaches 100 %
within about 100 steps and test accuracy passes 95 % several hundred steps later.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from course_lib.core.messages import message
from course_lib.core.progress import progress
from course_lib.core.validation import check_array, check_bool, check_choice, check_count, check_scalar
from course_lib.grokking.adamw import AdamW
from course_lib.grokking.data import OPERATIONS, Split, check_prime, make_split
from course_lib.grokking.fourier import frequency_power
from course_lib.grokking.model import EMBED_DIM, HIDDEN, GrokNet, log_softmax

__all__ = ["History", "train", "LEARNING_RATE", "BETAS", "DEFAULT_STEPS", "LOG_EVERY", "first_step_at"]

LEARNING_RATE = 1e-2
BETAS = (0.9, 0.98)
DEFAULT_STEPS = 1500
LOG_EVERY = 10
#: the arrays of a History that have one entry per checkpoint
CURVES = ("steps", "train_accuracy", "test_accuracy", "train_loss", "test_loss", "weight_norm")


def first_step_at(steps: np.ndarray, values: np.ndarray, threshold: float) -> int | None:
    """The first step whose value is at least ``threshold``, or None if there is none.

    Used in notebook 03 §1.
    """
    steps = check_array("steps", steps, ndim=1, kind="iu", min_size=0)
    values = check_array("values", values, ndim=1, finite=False, min_size=0)   # NaN: after a run stopped
    if steps.shape != values.shape:
        raise ValueError(f"steps and values must have one length, got {len(steps)} and {len(values)}")
    threshold = check_scalar("threshold", threshold)
    hit = np.flatnonzero(values >= threshold)
    return int(steps[hit[0]]) if len(hit) else None


@dataclass
class History:
    """What :func:`train` recorded, one entry per checkpoint (step 0, then every ``log_every``).

    The curves are attributes and also items (``history["test_accuracy"]``). ``spectrum`` is
    (checkpoints, p // 2 + 1), the embedding's share of power per frequency; ``snapshots``
    (checkpoints, n_weights) holds the flat weights when asked for, else it is empty.
    """

    settings: dict
    split: Split
    steps: np.ndarray
    train_accuracy: np.ndarray
    test_accuracy: np.ndarray
    train_loss: np.ndarray
    test_loss: np.ndarray
    weight_norm: np.ndarray
    spectrum: np.ndarray
    snapshots: np.ndarray
    net: GrokNet = field(repr=False)
    #: the exact first step with 100 % training accuracy (None: never). Training accuracy is computed at
    #: every step, so this is not rounded up to a checkpoint as :meth:`memorised_at` is.
    memorised_step: int | None = None

    def __getitem__(self, key: str) -> np.ndarray:
        check_choice("key", key, CURVES + ("spectrum", "snapshots"))
        return getattr(self, key)

    def keys(self) -> tuple[str, ...]:
        return CURVES

    def memorised_at(self, threshold: float = 1.0) -> int | None:
        """First checkpoint step with training accuracy >= ``threshold`` (None: never).

        Checkpoints are ``log_every`` steps apart, so this rounds up; ``memorised_step`` is exact."""
        return first_step_at(self.steps, self.train_accuracy, threshold)

    def generalised_at(self, threshold: float = 0.95) -> int | None:
        """First checkpoint step with test accuracy >= ``threshold`` (None: never)."""
        return first_step_at(self.steps, self.test_accuracy, threshold)

    def net_at(self, index: int) -> GrokNet:
        """A copy of the network with the weights of checkpoint ``index`` (needs snapshots)."""
        if not len(self.snapshots):
            raise ValueError("this history kept no snapshots; train with keep_snapshots=True")
        index = check_count("index", index, minimum=-len(self.steps), maximum=len(self.steps) - 1)
        return GrokNet.from_weights(self.split.p, self.snapshots[index], self.settings["embed_dim"],
                                    self.settings["hidden"])


def train(p: int = 97, train_fraction: float = 0.3, weight_decay: float = 1.0, steps: int = DEFAULT_STEPS,
          seed: int = 0, operation: str = "add", learning_rate: float = LEARNING_RATE,
          log_every: int = LOG_EVERY, stop_at: float | None = None, keep_snapshots: bool = True,
          show_progress: bool = True) -> History:
    """Train the embedding + quadratic MLP on a ∘ b mod p, full batch, with AdamW.

    Used in notebook 03 §1-§4.

    Parameters
    ----------
    p : int
        A prime modulus (5..1000).
    train_fraction : float
        Share of the p² equations used for training, strictly between 0 and 1.
    weight_decay : float
        AdamW's decoupled weight decay λ (>= 0).
    steps : int
        Full-batch steps (>= 1).
    seed : int
        Seeds the split and the initial weights: the same seed gives the same history.
    operation : {"add", "subtract", "multiply"}
    learning_rate : float
    log_every : int
        Steps between checkpoints.
    stop_at : float, optional
        Stop at the first checkpoint whose test accuracy reaches this value.
    keep_snapshots : bool
        Keep the weights at every checkpoint (for the step slider and the progress measures).
    show_progress : bool
        Show a progress bar in a notebook.

    Returns
    -------
    History
    """
    p = check_prime("p", p)
    train_fraction = check_scalar("train_fraction", train_fraction, minimum=0, maximum=1,
                                  include_minimum=False, include_maximum=False)
    weight_decay = check_scalar("weight_decay", weight_decay, minimum=0)
    steps = check_count("steps", steps)
    seed = check_count("seed", seed, minimum=0)
    check_choice("operation", operation, tuple(OPERATIONS))
    learning_rate = check_scalar("learning_rate", learning_rate, minimum=0, include_minimum=False)
    log_every = check_count("log_every", log_every)
    if stop_at is not None:
        stop_at = check_scalar("stop_at", stop_at, minimum=0, maximum=1)
    check_bool("keep_snapshots", keep_snapshots), check_bool("show_progress", show_progress)

    rng = np.random.default_rng(seed)
    split = make_split(p, train_fraction, rng, operation)
    net = GrokNet(p, rng)
    a, b, c = split.a[split.train], split.b[split.train], split.c[split.train]
    ta, tb, tc = split.a[split.test], split.b[split.test], split.c[split.test]
    eye = np.eye(p, dtype=net.flat.dtype)
    onehot_a, onehot_b = eye[a], eye[b]
    optimiser = AdamW(net.flat, learning_rate, BETAS, weight_decay=weight_decay)
    grad = np.zeros_like(net.flat)
    log: dict[str, list] = {name: [] for name in CURVES + ("spectrum", "snapshots")}
    memorised_step = None

    def record(step: int, loss: float, accuracy: float) -> float:
        logits = net.logits(ta, tb)
        test_accuracy = float(np.mean(logits.argmax(axis=1) == tc))
        log["steps"].append(step)
        log["train_loss"].append(loss)
        log["train_accuracy"].append(accuracy)
        log["test_loss"].append(-float(log_softmax(logits)[np.arange(len(tc)), tc].mean()))
        log["test_accuracy"].append(test_accuracy)
        log["weight_norm"].append(net.weight_norm())
        log["spectrum"].append(frequency_power(net.params["E"]))
        if keep_snapshots:
            log["snapshots"].append(net.flat.copy())
        return test_accuracy

    label = message("grokking.train.progress", p=p, fraction=train_fraction, weight_decay=weight_decay)
    for step in progress(range(steps + 1), label=label, enabled=show_progress):
        # loss, accuracy and gradient of the weights *before* this step's update
        loss, accuracy, _ = net.loss_and_gradient(a, b, c, onehot_a, onehot_b, out=grad)
        if memorised_step is None and accuracy >= 1.0:
            memorised_step = step
        if step % log_every == 0 or step == steps:
            test_accuracy = record(step, loss, accuracy)
            if stop_at is not None and test_accuracy >= stop_at:
                break
        if step < steps:
            optimiser.step(grad)

    settings = {"p": p, "train_fraction": train_fraction, "weight_decay": weight_decay, "steps": steps,
                "seed": seed, "operation": operation, "learning_rate": learning_rate, "betas": list(BETAS),
                "log_every": log_every, "embed_dim": EMBED_DIM, "hidden": HIDDEN}
    arrays = {name: np.asarray(log[name], dtype=np.int64 if name == "steps" else np.float64) for name in CURVES}
    snapshots = np.asarray(log["snapshots"], dtype=net.flat.dtype) if keep_snapshots else np.zeros((0, 0))
    return History(settings=settings, split=split, spectrum=np.asarray(log["spectrum"]),
                   snapshots=snapshots, net=net, memorised_step=memorised_step, **arrays)
