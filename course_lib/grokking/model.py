"""The network that groks: a shared learned embedding, one quadratic hidden layer, p logits.

For an equation (a, b)::

    z      = E[a] @ Wa + E[b] @ Wb        # (hidden,)   E: (p, d) shared by both operands
    h      = z ** 2                       # quadratic activation (Gromov 2023)
    logits = h @ W                        # (p,)        one logit per possible answer c

No biases, no normalisation. The square is what lets the network multiply: (x + y)² contains
2xy, and a product of cosines of a and of b contains a cosine of a + b (notebook 03 §4).

Gradients are written out by hand in :meth:`GrokNet.loss_and_gradient` (checked against finite
differences in the tests). All four weight arrays are views of one flat float32 vector, so the
optimiser updates them in a few whole-vector operations.
"""
from __future__ import annotations

import math

import numpy as np

from course_lib.core.validation import check_count, check_random_state
from course_lib.nets import flat_views

__all__ = ["GrokNet", "EMBED_DIM", "HIDDEN", "LOGIT_FLOOR", "log_softmax"]

#: embedding width d and hidden width (the measured setting of notebook 03)
EMBED_DIM = 32
HIDDEN = 128
#: logits more than 30 below the row's maximum are raised to it before exp: exp(-30) ~ 1e-13
#: changes no probability that matters, and it keeps float32 denormals (very slow) away
LOGIT_FLOOR = -30.0


def log_softmax(logits: np.ndarray) -> np.ndarray:
    """Row-wise log-probabilities (a new array), logits floored at the row max - 30."""
    shifted = logits - logits.max(axis=-1, keepdims=True)
    np.maximum(shifted, LOGIT_FLOOR, out=shifted)
    return shifted - np.log(np.exp(shifted).sum(axis=-1, keepdims=True))


class GrokNet:
    """The embedding + quadratic MLP of notebook 03.

    Parameters
    ----------
    p : int
        Number of residues (inputs and outputs).
    rng : numpy.random.Generator
        Draws the initial weights: E ~ N(0, 1), Wa, Wb ~ N(0, 1/d), W ~ N(0, 1/hidden).
    embed_dim, hidden : int
    dtype : numpy float dtype
        float32 for training; float64 for the gradient check.
    """

    def __init__(self, p: int, rng: np.random.Generator, embed_dim: int = EMBED_DIM, hidden: int = HIDDEN,
                 dtype=np.float32):
        self.p = check_count("p", p, minimum=2)
        rng = check_random_state("rng", rng)
        d, k = check_count("embed_dim", embed_dim), check_count("hidden", hidden)
        self.shapes = {"E": (p, d), "Wa": (d, k), "Wb": (d, k), "W": (k, p)}
        self.flat = np.zeros(sum(math.prod(s) for s in self.shapes.values()), dtype=dtype)
        self.params = self.views(self.flat)
        scales = {"E": 1.0, "Wa": 1 / math.sqrt(d), "Wb": 1 / math.sqrt(d), "W": 1 / math.sqrt(k)}
        for name, shape in self.shapes.items():
            self.params[name][...] = rng.standard_normal(shape) * scales[name]

    @classmethod
    def from_weights(cls, p: int, flat: np.ndarray, embed_dim: int = EMBED_DIM, hidden: int = HIDDEN) -> "GrokNet":
        """A network with the given flat weights (a copy), laid out as ``flat`` is."""
        net = cls(p, np.random.default_rng(0), embed_dim, hidden, dtype=np.asarray(flat).dtype)
        if np.shape(flat) != net.flat.shape:
            raise ValueError(f"flat must hold {net.flat.size} weights, got shape {np.shape(flat)}")
        net.flat[...] = flat
        return net

    def views(self, flat: np.ndarray) -> dict[str, np.ndarray]:
        """The four weight arrays as views of a vector laid out like ``flat``."""
        return flat_views(flat, self.shapes)

    def weight_norm(self) -> float:
        """Euclidean norm of all the weights together."""
        return float(np.sqrt(np.dot(self.flat.astype(np.float64), self.flat.astype(np.float64))))

    def logits(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        """Logits over the p answers for the pairs (a[i], b[i]), shape (n, p)."""
        P = self.params
        z = (P["E"] @ P["Wa"])[a]        # E[a] @ Wa, computed once per residue
        z += (P["E"] @ P["Wb"])[b]
        z *= z
        return z @ P["W"]

    def loss_and_gradient(self, a: np.ndarray, b: np.ndarray, c: np.ndarray,
                          onehot_a: np.ndarray | None = None, onehot_b: np.ndarray | None = None,
                          out: np.ndarray | None = None) -> tuple[float, float, np.ndarray]:
        """Mean cross-entropy of the pairs, their accuracy, and the gradient (flat, like ``flat``).

        ``onehot_a`` / ``onehot_b`` (n, p) may be passed precomputed: they turn the sum of the
        gradients of all pairs with the same a (or b) into one matrix product, much faster
        than ``np.add.at``.
        """
        P, n = self.params, len(a)
        out = np.empty_like(self.flat) if out is None else out
        G = self.views(out)
        if onehot_a is None:
            onehot_a = np.eye(self.p, dtype=self.flat.dtype)[a]
        if onehot_b is None:
            onehot_b = np.eye(self.p, dtype=self.flat.dtype)[b]
        # forward: E[a] @ Wa is row a of E @ Wa, so multiply the p rows once and look pairs up
        A, B = P["E"] @ P["Wa"], P["E"] @ P["Wb"]          # (p, hidden)
        z = A[a]
        z += B[b]
        h = z * z
        logits = h @ P["W"]
        # softmax and cross-entropy, logits floored at max - 30 (see LOGIT_FLOOR)
        logits -= logits.max(axis=1, keepdims=True)
        np.maximum(logits, LOGIT_FLOOR, out=logits)
        rows = np.arange(n)
        right = logits[rows, c]
        # right when the answer's logit is the argmax, as for the test pairs: ties go to the first
        # index, so a collapsed network (all logits equal) is right only where c = 0
        accuracy = float(np.mean(logits.argmax(axis=1) == c))
        probs = np.exp(logits, out=logits)
        total = probs.sum(axis=1, keepdims=True)
        loss = float(np.mean(np.log(total[:, 0]) - right))
        # backward: d(loss)/d(logits) = (softmax - onehot(c)) / n
        probs /= total
        probs[rows, c] -= 1.0
        probs /= n
        np.matmul(h.T, probs, out=G["W"])
        dz = probs @ P["W"].T            # d/dh
        dz *= z                          # d/dz: h = z², so 2 z d/dh
        dz *= 2
        dA = onehot_a.T @ dz             # (p, hidden): each residue's share, summed over its pairs
        dB = onehot_b.T @ dz
        np.matmul(P["E"].T, dA, out=G["Wa"])
        np.matmul(P["E"].T, dB, out=G["Wb"])
        np.matmul(dA, P["Wa"].T, out=G["E"])
        G["E"] += dB @ P["Wb"].T
        return loss, accuracy, out
