"""The tiny next-token language model of lesson 05, and its one-pass training.

The model reads the two previous symbols (a, b), looks each up in an embedding table of width
d = h / 4, and maps the concatenation through one ReLU layer of width h to softmax logits over
the V symbols::

    x = [E[a], E[b]]  ->  relu(x W1 + b1)  ->  logits = . W2 + b2

**What N counts.** As in Kaplan et al. (2020), N counts the *non-embedding* parameters,
``2dh + h + hV + V`` (the hidden and output layers). Hoffmann et al. (2022, App. F) count the
embeddings too; here the embedding table, V·d, would add 20% at h = 24 down to 3% at h = 1024.
Training compute is counted as C = 6·N·D for D training tokens: 2 FLOPs per parameter per
token forward, 4 backward (the embedding lookup itself costs no multiplications).

**Training.** One pass over D fresh tokens (no token is seen twice), Adam (0.9, 0.99), a linear
warm-up over the first 5% of steps then a cosine decay to 10% of the peak learning rate; the
peak learning rate ``min(3e-2, 1e-2 (128/h)^0.7)`` and batch ``clip(128 sqrt(D / 1e6), 128, 1024)``
tokens depend on the width and the token budget only. All parameters live in one float32 buffer,
updated by one fused Adam step.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from course_lib.chinchilla.language import MarkovLanguage
from course_lib.core.validation import check_count, check_random_state, check_scalar

__all__ = ["n_params", "embedding_params", "learning_rate", "batch_size", "TinyLM", "TrainedModel", "train_model"]

ADAM_BETAS = (0.9, 0.99)
WARMUP_FRACTION = 0.05
FINAL_LR_FRACTION = 0.1


def n_params(width: int, vocab: int = 64) -> int:
    """Non-embedding parameters N = 2dh + h + hV + V of a model of width h (d = h // 4).

    Used in notebook 05 §6.
    """
    width = check_count("width", width, minimum=4)
    vocab = check_count("vocab", vocab, minimum=2)
    d = width // 4
    return 2 * d * width + width + width * vocab + vocab


def embedding_params(width: int, vocab: int = 64) -> int:
    """Parameters of the embedding table, V·d (not counted in N)."""
    return check_count("vocab", vocab, minimum=2) * (check_count("width", width, minimum=4) // 4)


def learning_rate(width: int) -> float:
    """Peak learning rate ``min(3e-2, 1e-2 (128 / h)^0.7)`` for width h."""
    return float(min(3e-2, 1e-2 * (128 / check_count("width", width, minimum=4)) ** 0.7))


def batch_size(tokens: float) -> int:
    """Batch ``clip(128 sqrt(D / 1e6), 128, 1024)`` tokens, rounded to an integer, for D tokens."""
    tokens = check_scalar("tokens", tokens, minimum=0, include_minimum=False)
    return int(np.clip(round(128 * np.sqrt(tokens / 1e6)), 128, 1024))


class TinyLM:
    """The two-symbol-context MLP language model, its parameters in one flat float32 buffer.

    Used in notebook 05 §6.

    Parameters
    ----------
    width : int
        Hidden width h (a multiple of 4 keeps d = h / 4 exact).
    vocab : int, default 64
    seed : int or Generator, default 0
        Seed of the initial weights.
    """

    def __init__(self, width: int, vocab: int = 64, seed=0):
        self.width = check_count("width", width, minimum=4)
        self.vocab = check_count("vocab", vocab, minimum=2)
        rng = check_random_state("seed", seed)
        h, v, d = self.width, self.vocab, self.width // 4
        self.d = d
        shapes = {"E": (v, d), "W1": (2 * d, h), "b1": (h,), "W2": (h, v), "b2": (v,)}
        sizes = [int(np.prod(s)) for s in shapes.values()]
        self.flat = np.zeros(sum(sizes), dtype=np.float32)
        self.grad = np.zeros_like(self.flat)
        self.params, self.grads, start = {}, {}, 0
        for (name, shape), size in zip(shapes.items(), sizes):
            self.params[name] = self.flat[start:start + size].reshape(shape)
            self.grads[name] = self.grad[start:start + size].reshape(shape)
            start += size
        self.params["E"][:] = rng.standard_normal((v, d))
        self.params["W1"][:] = rng.standard_normal((2 * d, h)) * np.sqrt(2.0 / (2 * d))
        self.params["W2"][:] = rng.standard_normal((h, v)) * np.sqrt(1.0 / h)

    @property
    def n_params(self) -> int:
        """Non-embedding parameters N."""
        return n_params(self.width, self.vocab)

    def log_probs(self, context: np.ndarray) -> np.ndarray:
        """Log-probabilities (len(context), V) of the next symbol for context indices s = a V + b."""
        p = self.params
        a, b = np.divmod(np.asarray(context), self.vocab)
        hidden = np.maximum(np.concatenate([p["E"][a], p["E"][b]], axis=1) @ p["W1"] + p["b1"], 0)
        logits = hidden @ p["W2"] + p["b2"]
        logits -= logits.max(axis=1, keepdims=True)
        return logits - np.log(np.exp(logits).sum(axis=1, keepdims=True))

    def loss_and_grad(self, context: np.ndarray, target: np.ndarray) -> float:
        """Mean cross-entropy of a batch; fills ``self.grad`` with its gradient."""
        p, g, v, d = self.params, self.grads, self.vocab, self.d
        n = len(target)
        a, b = np.divmod(context, v)
        x = np.concatenate([p["E"][a], p["E"][b]], axis=1)
        hidden = x @ p["W1"]
        hidden += p["b1"]
        np.maximum(hidden, 0, out=hidden)
        logits = hidden @ p["W2"]
        logits += p["b2"]
        logits -= logits.max(axis=1, keepdims=True)
        rows = np.arange(n)
        picked = logits[rows, target]
        np.exp(logits, out=logits)
        total = logits.sum(axis=1, keepdims=True)
        loss = float(np.mean(np.log(total[:, 0]) - picked))
        logits /= total * n  # softmax / n
        logits[rows, target] -= 1.0 / n
        np.matmul(hidden.T, logits, out=g["W2"])
        g["b2"][:] = logits.sum(axis=0)
        d_hidden = logits @ p["W2"].T
        d_hidden *= hidden > 0
        np.matmul(x.T, d_hidden, out=g["W1"])
        g["b1"][:] = d_hidden.sum(axis=0)
        dx = d_hidden @ p["W1"].T
        one_hot = np.zeros((n, v), dtype=np.float32)
        one_hot[rows, a] = 1.0
        g["E"][:] = one_hot.T @ dx[:, :d]
        one_hot[rows, a] = 0.0
        one_hot[rows, b] = 1.0
        g["E"] += one_hot.T @ dx[:, d:]
        return loss


@dataclass
class TrainedModel:
    """A model trained for one pass over ``tokens`` tokens, with its exact population loss."""

    model: TinyLM
    tokens: int
    batch: int
    steps: int
    loss: float
    losses: np.ndarray  # training loss of each step (a running record, not the population loss)

    @property
    def n_params(self) -> int:
        return self.model.n_params

    @property
    def flops(self) -> float:
        """Training compute C = 6 N D."""
        return 6.0 * self.model.n_params * self.tokens


def train_model(width: int, tokens: int, language: MarkovLanguage, seed: int = 0) -> TrainedModel:
    """Train a :class:`TinyLM` of width ``width`` for one pass over ``tokens`` fresh tokens.

    Used in notebook 05 §6.

    The number of steps is ``round(tokens / batch)``, so the tokens actually seen
    (``TrainedModel.tokens``) are a whole number of batches, within half a batch of ``tokens``.

    Parameters
    ----------
    width : int
        Hidden width h.
    tokens : int
        Training tokens D (one pass, no repeats).
    language : MarkovLanguage
        The language to sample from and score on.
    seed : int, default 0
        Seeds the initial weights (``seed``) and the token stream (``seed + 1``).

    Returns
    -------
    TrainedModel
        The model, the tokens it saw, its batch, steps and exact population loss.
    """
    if not isinstance(language, MarkovLanguage):
        raise TypeError(f"language must be a MarkovLanguage, got {type(language).__name__}")
    width = check_count("width", width, minimum=4)
    tokens = check_count("tokens", tokens, minimum=128)
    seed = check_count("seed", seed, minimum=0)
    batch = batch_size(tokens)
    steps = max(1, round(tokens / batch))
    model = TinyLM(width, language.vocab, seed=seed)
    context, target = language.sample(steps * batch, seed=seed + 1)
    peak = learning_rate(width)
    warmup = max(1, int(WARMUP_FRACTION * steps))
    t = np.arange(steps)
    progress = np.clip((t - warmup) / max(1, steps - warmup), 0, 1)
    schedule = np.where(t < warmup, peak * (t + 1) / warmup,
                        peak * (FINAL_LR_FRACTION + (1 - FINAL_LR_FRACTION) * 0.5 * (1 + np.cos(np.pi * progress))))
    beta1, beta2 = ADAM_BETAS
    m = np.zeros_like(model.flat)
    v = np.zeros_like(model.flat)
    scratch = np.empty_like(model.flat)
    losses = np.empty(steps)
    for step in range(steps):
        rows = slice(step * batch, (step + 1) * batch)
        losses[step] = model.loss_and_grad(context[rows], target[rows])
        g = model.grad
        m *= beta1
        m += (1 - beta1) * g
        v *= beta2
        np.multiply(g, g, out=scratch)
        scratch *= 1 - beta2
        v += scratch
        size = schedule[step] * np.sqrt(1 - beta2 ** (step + 1)) / (1 - beta1 ** (step + 1))
        np.sqrt(v, out=scratch)
        scratch += 1e-8
        np.divide(m, scratch, out=scratch)
        scratch *= size
        model.flat -= scratch
    loss = language.population_loss(model.log_probs(np.arange(language.vocab ** 2)))
    return TrainedModel(model=model, tokens=steps * batch, batch=batch, steps=steps, loss=loss, losses=losses)
