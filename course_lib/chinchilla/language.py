"""A synthetic language whose entropy rate is known exactly: the irreducible loss E of lesson 05.

An order-2 Markov chain over ``vocab`` symbols. Each of the ``vocab**2`` contexts (a, b) has
``successors`` possible next symbols, drawn without replacement from a Zipf(1) popularity over
the symbols, with probabilities drawn from a Dirichlet(0.5). The chain's stationary
distribution over contexts comes from power iteration, and its entropy rate

    H = sum over contexts s of pi(s) * entropy(P(. | s))

is the lowest cross-entropy (in nats per token) any model can reach: the Bayes risk, the E of
Hoffmann et al.'s law. No model of it needs a sample estimate: :meth:`MarkovLanguage.population_loss`
scores a model's predictions for every context, weighted by pi, exactly.
"""
from __future__ import annotations

import numpy as np

from course_lib.core.validation import check_count, check_random_state, check_scalar

__all__ = ["MarkovLanguage"]


class MarkovLanguage:
    """A seeded order-2 Markov language with a known entropy rate.

    Used in notebook 05 §6.

    Parameters
    ----------
    vocab : int, default 64
        Number of symbols V; there are V² contexts.
    successors : int, default 8
        Possible next symbols per context.
    concentration : float, default 0.5
        Dirichlet concentration of each context's next-symbol probabilities.
    seed : int, default 0
        Seed of the language itself (not of the samples drawn from it).

    Attributes
    ----------
    next_symbols : (V², K) int array
        The possible next symbols of each context s = a * V + b.
    next_probs : (V², K) float array
        Their probabilities (rows sum to 1).
    stationary : (V²,) float array
        Stationary probability of each context.
    entropy_rate : float
        H in nats per token.
    """

    def __init__(self, vocab: int = 64, successors: int = 8, concentration: float = 0.5, seed: int = 0):
        self.vocab = check_count("vocab", vocab, minimum=2, maximum=256)
        self.successors = check_count("successors", successors, minimum=1, maximum=self.vocab)
        self.concentration = check_scalar("concentration", concentration, minimum=0, include_minimum=False)
        self.seed = check_count("seed", seed, minimum=0)
        rng = np.random.default_rng(self.seed)
        contexts = self.vocab ** 2
        popularity = 1.0 / np.arange(1, self.vocab + 1)
        popularity /= popularity.sum()
        self.next_symbols = np.stack([rng.choice(self.vocab, self.successors, replace=False, p=popularity)
                                      for _ in range(contexts)])
        self.next_probs = rng.dirichlet(np.full(self.successors, self.concentration), size=contexts)
        self.next_context = (np.arange(contexts)[:, None] % self.vocab) * self.vocab + self.next_symbols
        self.stationary = self._stationary()
        with np.errstate(divide="ignore", invalid="ignore"):
            plogp = np.where(self.next_probs > 0, self.next_probs * np.log(self.next_probs), 0.0)
        self.entropy_rate = float(-(self.stationary[:, None] * plogp).sum())
        self._cumulative = np.cumsum(self.next_probs, axis=1)
        self._cumulative[:, -1] = 1.0

    def _stationary(self, iterations: int = 2000, tol: float = 1e-13) -> np.ndarray:
        contexts = self.vocab ** 2
        pi = np.full(contexts, 1.0 / contexts)
        for _ in range(iterations):
            new = np.bincount(self.next_context.ravel(), weights=(pi[:, None] * self.next_probs).ravel(),
                              minlength=contexts)
            new = 0.5 * (new + pi)  # lazy chain: same stationary distribution, no periodicity
            if np.abs(new - pi).sum() < tol:
                return new
            pi = new
        return pi

    @property
    def contexts(self) -> np.ndarray:
        """Every context as a (V², 2) array of its two symbols (a, b)."""
        s = np.arange(self.vocab ** 2)
        return np.stack([s // self.vocab, s % self.vocab], axis=1)

    def sample(self, tokens: int, seed=0, chains: int = 4096) -> tuple[np.ndarray, np.ndarray]:
        """Draw ``tokens`` (context, next symbol) pairs from ``chains`` chains run in parallel.

        Used in notebook 05 §6.

        The chains start from the stationary distribution, so every pair is a draw from the
        population the exact loss averages over. Pairs are laid out time step by time step,
        so a batch of consecutive pairs comes from different chains.

        Returns
        -------
        context : (tokens,) int32 array
            Context index s = a * V + b of each pair.
        target : (tokens,) int32 array
            The symbol that followed.
        """
        tokens = check_count("tokens", tokens)
        chains = check_count("chains", chains)
        rng = check_random_state("seed", seed)
        steps = -(-tokens // chains)
        state = rng.choice(self.vocab ** 2, size=chains, p=self.stationary)
        context = np.empty((steps, chains), dtype=np.int32)
        target = np.empty((steps, chains), dtype=np.int32)
        for t in range(steps):
            u = rng.random(chains)
            k = (u[:, None] > self._cumulative[state]).sum(axis=1)
            context[t] = state
            target[t] = self.next_symbols[state, k]
            state = self.next_context[state, k]
        return context.ravel()[:tokens], target.ravel()[:tokens]

    def population_loss(self, log_probs: np.ndarray) -> float:
        """Exact cross-entropy (nats per token) of a model's predictions over every context.

        Parameters
        ----------
        log_probs : (V², V) array
            The model's log-probabilities of each next symbol, row s for context s.
        """
        log_probs = np.asarray(log_probs, dtype=float)
        if log_probs.shape != (self.vocab ** 2, self.vocab):
            raise ValueError(f"log_probs must have shape {(self.vocab ** 2, self.vocab)}, got {log_probs.shape}")
        picked = np.take_along_axis(log_probs, self.next_symbols, axis=1)
        return float(-(self.stationary[:, None] * self.next_probs * picked).sum())

    def unigram_entropy(self) -> float:
        """Entropy (nats) of the stationary symbol distribution: the loss of a model that ignores context."""
        p = np.bincount(self.next_symbols.ravel(), weights=(self.stationary[:, None] * self.next_probs).ravel(),
                        minlength=self.vocab)
        p = p[p > 0]
        return float(-(p * np.log(p)).sum())
