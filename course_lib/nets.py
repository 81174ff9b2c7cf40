"""The numpy network and optimiser the lessons share: one hidden layer, softmax heads, Adam.

Lesson 01's adders (both model kinds) and lesson 02's reuse of them are built on
:class:`SoftmaxMLP`, trained by :class:`Adam`.

:class:`SoftmaxMLP` has one ReLU hidden layer and ``n_heads`` independent softmax heads,
trained on their summed cross-entropy by minibatch Adam (lr 3e-3, batch 512, float32, He
initialisation), in plain numpy. Two details keep it fast on one core:

- examples are columns inside the network ((width, n) hidden units), because numpy reduces
  a short axis (the 10 classes of a head) of long contiguous rows much faster than a short
  last axis;
- logits are floored at max - 30 before ``exp``; without this, float32 denormals made some
  widths train 4-6x slower.
"""
from __future__ import annotations

import math

import numpy as np

from course_lib.core.validation import check_array, check_count, check_random_state, check_scalar

__all__ = ["Adam", "SoftmaxMLP", "flat_views", "LEARNING_RATE", "BATCH_SIZE", "LOGIT_FLOOR"]

LEARNING_RATE = 3e-3
BATCH_SIZE = 512
#: logits below (max - 30) are raised to it; exp(-30) ~ 1e-13 changes no probability that matters
LOGIT_FLOOR = -30.0


def flat_views(flat: np.ndarray, shapes: dict[str, tuple[int, ...]]) -> dict[str, np.ndarray]:
    """Name -> array view of consecutive slices of ``flat``, one per entry of ``shapes``, in order.

    A network keeps all its weights in one flat vector (so an optimiser updates them in a few
    whole-vector operations) and reads them through these views. Used by :class:`SoftmaxMLP`
    and by lesson 03's network.
    """
    total = sum(math.prod(shape) for shape in shapes.values())
    if flat.ndim != 1 or flat.size != total:
        raise ValueError(f"flat must hold {total} numbers for these shapes, got shape {flat.shape}")
    views, start = {}, 0
    for name, shape in shapes.items():
        size = math.prod(shape)
        views[name] = flat[start:start + size].reshape(shape)
        start += size
    return views


class Adam:
    """Adam (Kingma & Ba, 2015) on one flat float vector, updated in place.

    Per step, with gradient g::

        m = beta1 m + (1 - beta1) g            # running mean of the gradient
        v = beta2 v + (1 - beta2) g^2          # running mean of its square
        params -= lr sqrt(1 - beta2^t) / (1 - beta1^t) * m / (sqrt(v) + eps)

    (the bias corrections of both running means folded into one factor, as in the paper's
    Algorithm 1 footnote). Every operation writes into preallocated arrays.

    Parameters
    ----------
    params : float ndarray
        The vector to optimise (a model's ``flat``), changed in place by :meth:`step`.
    learning_rate : float
    betas : (float, float)
    eps : float
    """

    def __init__(self, params: np.ndarray, learning_rate: float, betas: tuple[float, float] = (0.9, 0.999),
                 eps: float = 1e-8):
        if not isinstance(params, np.ndarray) or params.dtype.kind != "f":
            raise TypeError(f"params must be a float numpy array (updated in place), got "
                            f"{type(params).__name__}{'' if not isinstance(params, np.ndarray) else ' of ' + str(params.dtype)}")
        if len(betas) != 2:
            raise ValueError(f"betas must be a pair (beta1, beta2), got {betas!r}")
        self.params = params
        self.learning_rate = check_scalar("learning_rate", learning_rate, minimum=0, include_minimum=False)
        self.beta1 = check_scalar("betas[0]", betas[0], minimum=0, maximum=1, include_maximum=False)
        self.beta2 = check_scalar("betas[1]", betas[1], minimum=0, maximum=1, include_maximum=False)
        self.eps = check_scalar("eps", eps, minimum=0, include_minimum=False)
        self.m, self.v, self._scratch = (np.zeros_like(params) for _ in range(3))
        self.t = 0

    def step(self, grad: np.ndarray) -> None:
        """Move ``params`` one Adam step against ``grad`` (same shape and dtype)."""
        m, v, scratch, beta1, beta2 = self.m, self.v, self._scratch, self.beta1, self.beta2
        self.t += 1
        m *= beta1
        m += np.multiply(grad, 1 - beta1, out=scratch)
        v *= beta2
        np.multiply(grad, grad, out=scratch)
        scratch *= 1 - beta2
        v += scratch
        np.sqrt(v, out=scratch)
        scratch += self.eps
        np.divide(m, scratch, out=scratch)
        scratch *= self.learning_rate * math.sqrt(1 - beta2 ** self.t) / (1 - beta1 ** self.t)
        self.params -= scratch


def _softmax_columns(logits: np.ndarray) -> np.ndarray:
    """Softmax over axis 1 of (n_heads, n_classes, n), in place, logits floored first."""
    logits -= logits.max(axis=1, keepdims=True)
    np.maximum(logits, LOGIT_FLOOR, out=logits)
    np.exp(logits, out=logits)
    logits /= logits.sum(axis=1, keepdims=True)
    return logits


class SoftmaxMLP:
    """One ReLU hidden layer, then ``n_heads`` independent ``n_classes``-way softmax heads.

    Weights are stored output-by-input (``W1``: width x n_inputs, ``W2``: n_heads *
    n_classes x width), all four arrays (``params``) as views of one flat float32 vector
    (``flat``), so Adam updates them in a few whole-vector operations.

    Parameters
    ----------
    n_inputs, width, n_heads : int
        Each >= 1.
    n_classes : int
        Classes per head, 2 to 256 (predictions are stored as uint8).
    rng : numpy.random.Generator
        Draws the He-initialised weights (normal, variance 2 / fan-in); biases start at 0.
    """

    def __init__(self, n_inputs: int, width: int, n_heads: int, n_classes: int,
                 rng: np.random.Generator):
        n_inputs = check_count("n_inputs", n_inputs)
        width = check_count("width", width)
        n_heads = check_count("n_heads", n_heads)
        # the predictions are stored as uint8, so at most 256 classes; one class would be no choice
        n_classes = check_count("n_classes", n_classes, minimum=2, maximum=256)
        rng = check_random_state("rng", rng)
        self.n_heads, self.n_classes = n_heads, n_classes
        self.shapes = {"W1": (width, n_inputs), "b1": (width,),
                       "W2": (n_heads * n_classes, width), "b2": (n_heads * n_classes,)}
        self.flat = np.zeros(sum(math.prod(shape) for shape in self.shapes.values()), dtype=np.float32)
        self.params = self._views(self.flat)
        self.params["W1"][...] = rng.standard_normal((width, n_inputs)) * math.sqrt(2.0 / n_inputs)
        self.params["W2"][...] = rng.standard_normal((n_heads * n_classes, width)) * math.sqrt(2.0 / width)

    def _views(self, flat: np.ndarray) -> dict[str, np.ndarray]:
        return flat_views(flat, self.shapes)

    @property
    def n_params(self) -> int:
        """Number of weights and biases."""
        return int(self.flat.size)

    def _forward(self, x: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Pre-activations and hidden units (width, n), probabilities (heads, classes, n)."""
        p = self.params
        pre = p["W1"] @ x.T
        pre += p["b1"][:, None]
        hidden = np.maximum(pre, 0.0)
        logits = p["W2"] @ hidden
        logits += p["b2"][:, None]
        return pre, hidden, _softmax_columns(logits.reshape(self.n_heads, self.n_classes, len(x)))

    def probabilities(self, x: np.ndarray) -> np.ndarray:
        """Class probabilities, shape (n, n_heads, n_classes), float32."""
        return self._forward(x)[2].transpose(2, 0, 1)

    def predict_classes(self, x: np.ndarray) -> np.ndarray:
        """Most likely class of each head, shape (n, n_heads), uint8 (up to 256 classes)."""
        return self._forward(x)[2].argmax(axis=1).T.astype(np.uint8)

    def gradients(self, x: np.ndarray, y: np.ndarray, row_weights: np.ndarray | float,
                  out: np.ndarray | None = None) -> np.ndarray:
        """Gradient of ``sum_j row_weights[j] * (summed cross-entropy of row j)``.

        Parameters
        ----------
        x : float32 array (n, n_inputs)
        y : intp array (n_heads, n), target class of each head for each row
        row_weights : float32 array (n,) or float
            ``1 / n`` for the mean over a minibatch; per-row counts / batch size when the
            rows are the distinct examples of a batch (see :meth:`fit`).
        out : float32 array like ``flat``, optional
            Where to write the gradient.

        Returns
        -------
        ndarray
            The gradient as one flat vector, laid out like ``flat``.
        """
        out = np.empty_like(self.flat) if out is None else out
        grads, p, n = self._views(out), self.params, len(x)
        pre, hidden, proba = self._forward(x)
        proba[np.arange(self.n_heads)[:, None], y, np.arange(n)] -= 1.0
        grad_logits = proba.reshape(-1, n)
        grad_logits *= row_weights
        np.matmul(grad_logits, hidden.T, out=grads["W2"])
        np.sum(grad_logits, axis=1, out=grads["b2"])
        grad_hidden = p["W2"].T @ grad_logits
        grad_hidden *= pre > 0.0
        np.matmul(grad_hidden, x, out=grads["W1"])
        np.sum(grad_hidden, axis=1, out=grads["b1"])
        return out

    def fit(self, x: np.ndarray, y: np.ndarray, epochs: int, rng: np.random.Generator,
            example_ids: np.ndarray | None = None, batch_size: int = BATCH_SIZE,
            learning_rate: float = LEARNING_RATE) -> "SoftmaxMLP":
        """Minimise the summed cross-entropy of the heads with minibatch Adam.

        Parameters
        ----------
        x : float32 array (n, n_inputs)
        y : integer array (n, n_heads) or (n,), the target class of each head
        epochs : int
            Passes over the training set, each in a fresh random order drawn from ``rng``.
        example_ids : integer array, optional
            When given, ``x`` and ``y`` hold only the *distinct* examples and the training
            set is ``x[example_ids]``. Each minibatch gradient is then computed once per
            distinct example, weighted by how often it occurs in the batch: the same
            gradient as row by row, much cheaper when there are few distinct examples.
        """
        epochs = check_count("epochs", epochs)
        x = check_array("x", x, ndim=2, kind="f")
        if x.shape[1] != self.shapes["W1"][1]:
            raise ValueError(f"x must have {self.shapes['W1'][1]} columns (n_inputs), got shape {x.shape}")
        y = check_array("y", y, ndim=(1, 2), kind="iu", minimum=0, maximum=self.n_classes - 1)
        if y.size != len(x) * self.n_heads:
            raise ValueError(f"y must hold one class per head for each row of x, shape ({len(x)}, {self.n_heads}), "
                             f"got shape {y.shape}")
        if example_ids is not None:
            example_ids = check_array("example_ids", example_ids, ndim=1, kind="iu", minimum=0, maximum=len(x) - 1)
        y_t = np.ascontiguousarray(np.asarray(y, dtype=np.intp).reshape(len(x), self.n_heads).T)
        n_train = len(x) if example_ids is None else len(example_ids)
        grad = np.zeros_like(self.flat)
        adam = Adam(self.flat, learning_rate)
        for _ in range(epochs):
            order = rng.permutation(n_train)
            for start in range(0, n_train, batch_size):
                rows = order[start:start + batch_size]
                if example_ids is None:
                    self.gradients(x[rows], y_t[:, rows], np.float32(1.0 / len(rows)), out=grad)
                else:
                    counts = np.bincount(example_ids[rows], minlength=len(x))
                    self.gradients(x, y_t, (counts / len(rows)).astype(np.float32), out=grad)
                adam.step(grad)
        return self
