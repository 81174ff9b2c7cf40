"""A word-level n-gram language model with interpolated absolute discounting, in plain numpy.

The probability of the next word ``w`` after the history ``h`` (its last ``n - 1`` words) mixes the
counts of every order, from the longest context down to a uniform distribution over the vocabulary:

    P_k(w | h) = max(c(h, w) − D, 0) / c(h)  +  D · N₁₊(h) / c(h) · P_{k−1}(w | h′)

where ``h′`` drops the oldest word of ``h``, ``c(h)`` counts the context, ``N₁₊(h)`` the distinct
words seen after it, and ``D`` is the discount (0.75 by default). A context never seen gives its
whole weight to the shorter one. The lower orders use raw counts (not Kneser-Ney's continuation
counts): simpler, and enough to show memorisation.

Counts are kept as sorted int64 keys of the n-grams (word ids in base ``V``), grouped by context
(one row of a compressed sparse table per context), and the bigram distribution is precomputed
as a dense V × V table, so the next-word distributions of a whole batch of histories are
computed at once: sampling 200 continuations of 50 words takes tens of milliseconds.

- :class:`NgramLM`: ``fit``, ``next_distribution``, ``sample`` (temperature ``p^(1/T)``, renormalised)
  and ``log_prob`` (the exact log-probability of a continuation, at a temperature).
- :func:`window_hashes` and :class:`VerbatimIndex`: every m-token span of a corpus as a 64-bit
  hash, and which generated samples contain such a span (a copy from the training data).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from course_lib.core.validation import check_array, check_count, check_random_state, check_scalar

__all__ = ["NgramLM", "window_hashes", "VerbatimIndex"]

_HASH_BASE = np.uint64(0x100000001B3)


def _tokens(name: str, tokens, vocab_size: int | None = None) -> np.ndarray:
    """A 1-d array of token ids in [0, vocab_size), as int64 (``check_array`` with the id bounds)."""
    maximum = None if vocab_size is None else vocab_size - 1
    return check_array(name, tokens, ndim=1, kind="iu", dtype=np.int64, minimum=0, maximum=maximum, min_size=0)


def _batch(name: str, tokens, vocab_size: int) -> np.ndarray:
    """A 2-d array (sequences, positions) of token ids in [0, vocab_size); a 1-d array is one sequence."""
    arr = check_array(name, tokens, ndim=(1, 2), kind="iu", dtype=np.int64, minimum=0, maximum=vocab_size - 1,
                      min_size=0)
    return arr[None, :] if arr.ndim == 1 else arr


def _greedy(probs: np.ndarray) -> np.ndarray:
    """The T -> 0 limit of ``p^(1/T)`` renormalised: each row uniform over its most probable words.

    Ties are found within a relative 1e-6, so float rounding does not split them; with one most
    probable word this is greedy decoding.
    """
    out = (probs >= probs.max(axis=1, keepdims=True) * (1 - 1e-6)).astype(probs.dtype)
    out /= out.sum(axis=1, keepdims=True)
    return out


@dataclass
class _Level:
    """Counts of the k-grams of one order k >= 3, grouped by their (k - 1)-word context."""

    contexts: np.ndarray   # sorted int64 keys of the contexts
    starts: np.ndarray     # contexts[i]'s continuations are words[starts[i]:starts[i + 1]]
    words: np.ndarray      # next word of each distinct k-gram
    counts: np.ndarray     # its count (float)
    totals: np.ndarray     # c(context)
    types: np.ndarray      # N1+(context): distinct next words
    backoff: np.ndarray    # D · N1+(context) / c(context): the weight left to the shorter context
    values: np.ndarray     # (count − D) / c(context) of each k-gram


def _keys(tokens: np.ndarray, length: int, vocab_size: int) -> np.ndarray:
    """Base-V int64 keys of every window of ``length`` tokens."""
    n = len(tokens) - length + 1
    key = tokens[:n].copy()
    for j in range(1, length):
        key *= vocab_size
        key += tokens[j:j + n]
    return key


class NgramLM:
    """Word-level n-gram language model with interpolated absolute discounting.

    Used in notebook 07 §1-§3.

    Parameters
    ----------
    order : int
        n, the number of words of an n-gram (the model conditions on the previous n − 1), 2 to 8.
    vocab_size : int
        V: token ids run from 0 to V − 1. ``V ** order`` must fit in 63 bits.
    discount : float
        D in (0, 1).

    Attributes (after :meth:`fit`)
    ------------------------------
    n_tokens : int
        Training tokens.
    """

    def __init__(self, order: int = 5, vocab_size: int = 300, discount: float = 0.75):
        self.order = check_count("order", order, minimum=2, maximum=8)
        self.vocab_size = check_count("vocab_size", vocab_size, minimum=2)
        self.discount = check_scalar("discount", discount, 0.0, 1.0, include_minimum=False,
                                     include_maximum=False)
        if float(self.vocab_size) ** self.order >= 2.0 ** 63:
            raise ValueError(f"vocab_size ** order must be below 2^63 (the n-gram keys are int64), "
                             f"got {self.vocab_size} ** {self.order}")
        self.n_tokens = 0

    def __repr__(self) -> str:
        fitted = f", trained on {self.n_tokens:,} tokens" if self.n_tokens else ""
        return f"NgramLM(order={self.order}, vocab_size={self.vocab_size}, discount={self.discount}{fitted})"

    # ------------------------------------------------------------------ training
    def fit(self, tokens, boundaries=None) -> "NgramLM":
        """Count every n-gram of ``tokens`` (orders 1 to n) and precompute the bigram table.

        Used in notebook 07 §1-§3.

        Parameters
        ----------
        tokens : 1-d integer array
            The training text as token ids (documents joined, e.g. with an end-of-document id).
        boundaries : 1-d integer array, optional
            Positions where a new document starts: no n-gram crossing one is counted.

        Returns
        -------
        self
        """
        tokens = _tokens("tokens", tokens, self.vocab_size)
        if len(tokens) < self.order:
            raise ValueError(f"tokens must hold at least order = {self.order} tokens, got {len(tokens)}")
        V, D = self.vocab_size, self.discount
        # window k (start i) crosses a boundary if some boundary b lies in (i, i + k)
        doc_id = np.zeros(len(tokens), dtype=np.int64)
        if boundaries is not None:
            b = _tokens("boundaries", boundaries)
            if b.size and b.max() >= len(tokens):
                raise ValueError(f"boundaries must be positions in tokens (< {len(tokens)}), got {b.max()}")
            marks = np.zeros(len(tokens), dtype=np.int64)
            marks[b[b > 0]] = 1
            doc_id = np.cumsum(marks)

        def inside(length):
            n = len(tokens) - length + 1
            return doc_id[:n] == doc_id[length - 1:length - 1 + n]

        unigram = np.bincount(tokens, minlength=V).astype(float)
        N = unigram.sum()
        p1 = np.maximum(unigram - D, 0) / N + D * np.count_nonzero(unigram) / N / V
        self.unigram = p1
        # dense bigram table: P_2(w | a) for every a
        big = _keys(tokens, 2, V)[inside(2)]
        counts2 = np.bincount(big, minlength=V * V).reshape(V, V).astype(float)
        totals = counts2.sum(axis=1, keepdims=True)
        types = np.count_nonzero(counts2, axis=1)[:, None]
        with np.errstate(invalid="ignore", divide="ignore"):
            p2 = np.maximum(counts2 - D, 0) / totals + D * types / totals * p1[None, :]
        self.bigram = np.where(totals > 0, p2, p1[None, :])
        # sampling works on float32 rows padded to blocks x block columns (two-level inverse CDF)
        self._block = int(np.ceil(np.sqrt(V)))
        self._n_blocks = -(-V // self._block)
        self._bigram32 = np.zeros((V, self._n_blocks * self._block), dtype=np.float32)
        self._bigram32[:, :V] = self.bigram
        self.levels: list[_Level] = []
        for k in range(3, self.order + 1):
            keys = _keys(tokens, k, V)[inside(k)]
            uniq, cnt = np.unique(keys, return_counts=True)
            ctx, words = uniq // V, uniq % V
            contexts, first, per_ctx = np.unique(ctx, return_index=True, return_counts=True)
            totals = np.add.reduceat(cnt, first).astype(float) if len(cnt) else np.zeros(0)
            starts = np.append(first, len(uniq)).astype(np.int64)
            per_ctx = per_ctx.astype(float)
            values = (cnt - D) / np.repeat(totals, np.diff(starts)) if len(cnt) else np.zeros(0)
            self.levels.append(_Level(contexts, starts, words.astype(np.int64), cnt.astype(float), totals,
                                      per_ctx, D * per_ctx / np.maximum(totals, 1), values))
        self.n_tokens = int(len(tokens))
        return self

    def _check_fitted(self) -> None:
        if not self.n_tokens:
            raise ValueError("this NgramLM is not trained yet: call fit(tokens) first")

    # ------------------------------------------------------------------ probabilities
    def next_distribution(self, histories) -> np.ndarray:
        """P(next word | history) for a batch of histories: an array (batch, V) whose rows sum to 1.

        Used in notebook 07 §1.

        Parameters
        ----------
        histories : 2-d integer array (batch, length >= 1)
            Only the last ``order - 1`` tokens of each row are used; a shorter history uses the
            orders it has.
        """
        self._check_fitted()
        h = _batch("histories", histories, self.vocab_size)
        if h.shape[1] == 0:
            return np.repeat(self.unigram[None, :], len(h), axis=0)
        return self._next(h)

    def _next(self, h: np.ndarray, single: bool = False) -> np.ndarray:
        V = self.vocab_size
        # fancy indexing copies: safe to modify. Sampling works in float32 on padded rows
        probs = (self._bigram32 if single else self.bigram)[h[:, -1]]
        for k, level in enumerate(self.levels, start=3):
            if h.shape[1] < k - 1 or not len(level.contexts):
                break
            key = h[:, -(k - 1)].copy()
            for j in range(k - 2, 0, -1):
                key *= V
                key += h[:, -j]
            pos = np.searchsorted(level.contexts, key)
            pos_c = np.minimum(pos, len(level.contexts) - 1)
            rows = np.flatnonzero(level.contexts[pos_c] == key)
            if not rows.size:
                break  # no longer context is known either: each contains this one
            ctx = pos_c[rows]
            weight = np.ones(len(h), dtype=probs.dtype)
            weight[rows] = level.backoff[ctx]
            probs *= weight[:, None]
            lo, hi = level.starts[ctx], level.starts[ctx + 1]
            lengths = hi - lo
            shift = np.repeat(lo - (np.cumsum(lengths) - lengths), lengths)
            idx = np.arange(shift.size) + shift
            probs[np.repeat(rows, lengths), level.words[idx]] += level.values[idx].astype(probs.dtype, copy=False)
        return probs

    def log_prob(self, sequences, prefix_length: int, temperature: float = 1.0) -> np.ndarray:
        """The exact log-probability (natural log) of each sequence's continuation given its prefix.

        The continuation is ``sequences[:, prefix_length:]``; each of its words is scored given
        every word before it, under the distribution the sampler uses at ``temperature``
        (``p^(1/T)`` renormalised; T = 1 is the model itself). ``exp`` of the result is the
        probability that :meth:`sample` reproduces the continuation exactly. Used in notebook 07 §1.

        Parameters
        ----------
        sequences : 2-d integer array (batch, length)
        prefix_length : int
            At least 1 and below the sequences' length.
        temperature : float
            T >= 0; T = 0 scores greedy decoding (log 0 = -inf for a word that is not the most
            probable; a tie of m words gives each log(1/m)).

        Returns
        -------
        float array (batch,): finite, or -inf at T = 0
        """
        self._check_fitted()
        seq = _batch("sequences", sequences, self.vocab_size)
        prefix_length = check_count("prefix_length", prefix_length, minimum=1, maximum=seq.shape[1] - 1)
        temperature = check_scalar("temperature", temperature, 0.0)
        return self._log_prob(seq, prefix_length, temperature).sum(axis=1)

    def token_log_probs(self, sequences, prefix_length: int, temperature: float = 1.0) -> np.ndarray:
        """Per-word log-probabilities of each continuation (batch, length − prefix_length).

        The terms whose sum is :meth:`log_prob`. Used in notebook 07 §3.
        """
        self._check_fitted()
        seq = _batch("sequences", sequences, self.vocab_size)
        prefix_length = check_count("prefix_length", prefix_length, minimum=1, maximum=seq.shape[1] - 1)
        temperature = check_scalar("temperature", temperature, 0.0)
        return self._log_prob(seq, prefix_length, temperature)

    def _log_prob(self, seq: np.ndarray, prefix_length: int, temperature: float) -> np.ndarray:
        B, L = seq.shape
        width = self.order - 1
        rows = np.arange(B)
        out = np.empty((B, L - prefix_length))
        for t in range(prefix_length, L):
            probs = self._next(seq[:, max(0, t - width):t])
            if temperature == 1.0:
                out[:, t - prefix_length] = np.log(probs[rows, seq[:, t]])
            elif temperature == 0.0:
                with np.errstate(divide="ignore"):  # a word that is not the most probable: log 0 = -inf
                    out[:, t - prefix_length] = np.log(_greedy(probs)[rows, seq[:, t]])
            else:  # in logs: (log p − log max p) / T − log Σ exp(...), finite however small T is
                z = (np.log(probs) - np.log(probs.max(axis=1, keepdims=True))) / temperature
                out[:, t - prefix_length] = z[rows, seq[:, t]] - np.log(np.exp(z).sum(axis=1))
        return out

    # ------------------------------------------------------------------ sampling
    def sample(self, prompts, length: int, temperature: float = 1.0,
               seed: int | np.random.Generator = 0) -> np.ndarray:
        """Continue each prompt by ``length`` words drawn from ``p^(1/T)`` (renormalised).

        Used in notebook 07 §1.

        Parameters
        ----------
        prompts : 2-d integer array (batch, prompt length >= 1)
        length : int
            Words to generate.
        temperature : float
            T >= 0: below 1 sharpens the distribution, above 1 flattens it; T = 0 is greedy
            decoding (the most probable word; a tie is broken at random by ``seed``).
        seed : int or numpy.random.Generator

        Returns
        -------
        int64 array (batch, length): the generated words only.
        """
        self._check_fitted()
        h = _batch("prompts", prompts, self.vocab_size)
        if h.shape[1] == 0:
            raise ValueError("prompts must hold at least one token each")
        length = check_count("length", length, minimum=1)
        temperature = check_scalar("temperature", temperature, 0.0)
        rng = check_random_state("seed", seed)
        width = self.order - 1
        B, nb, b = len(h), self._n_blocks, self._block
        out = np.empty((B, length), dtype=np.int64)
        window = h[:, -width:]
        uniforms = rng.random((length, B)).astype(np.float32)
        rows, ones = np.arange(B), np.ones(b, dtype=np.float32)
        power = np.float32(1.0 / temperature) if temperature > 0 else None
        for t in range(length):
            probs = self._next(window, single=True)
            if temperature == 0.0:
                probs = _greedy(probs)
            elif temperature != 1.0:  # (p / max p)^(1/T) in place: no underflow to an all-zero row
                probs /= probs.max(axis=1, keepdims=True)
                probs **= power  # the inverse CDF below needs no normalising
            # inverse CDF in two steps: which block of b words, then which word in the block
            # (cumulative sums over nb + b values instead of V: cumsum is the slow part)
            blocks = probs.reshape(B, nb, b) @ ones
            cum = np.cumsum(blocks, axis=1)
            target = uniforms[t] * cum[:, -1]
            k = np.minimum((cum < target[:, None]).sum(axis=1), nb - 1)
            target -= cum[rows, k] - blocks[rows, k]
            inner = np.cumsum(probs.reshape(B, nb, b)[rows, k], axis=1)
            j = np.minimum((inner < target[:, None]).sum(axis=1), b - 1)
            pick = np.minimum(k * b + j, self.vocab_size - 1)
            out[:, t] = pick
            window = np.concatenate([window[:, 1:], pick[:, None]], axis=1) if window.shape[1] == width \
                else np.concatenate([window, pick[:, None]], axis=1)
        return out


def window_hashes(tokens, length: int) -> np.ndarray:
    """64-bit hashes of every window of ``length`` consecutive tokens, one per start position.

    A polynomial hash mod 2^64 of the token ids (equal windows have equal hashes; distinct
    windows collide with a chance of about 2^-64 per pair). Used in notebook 07 §1.

    Parameters
    ----------
    tokens : 1-d integer array, or 2-d (rows hashed separately)
    length : int

    Returns
    -------
    uint64 array: (len(tokens) − length + 1,) or (rows, columns − length + 1)
    """
    arr = check_array("tokens", tokens, ndim=(1, 2), kind="iu", minimum=0, min_size=0)
    length = check_count("length", length, minimum=1)
    if arr.shape[-1] < length:
        raise ValueError(f"length={length} is longer than the {arr.shape[-1]} tokens given")
    x = arr.astype(np.uint64) + np.uint64(1)  # +1: id 0 must not vanish from the hash
    n = x.shape[-1] - length + 1
    h = x[..., :n].copy()
    for j in range(1, length):
        h *= _HASH_BASE
        h += x[..., j:j + n]
    return h


class VerbatimIndex:
    """Every ``length``-token span of a training corpus, to find copies of it in generated text.

    Used in notebook 07 §1.

    Parameters
    ----------
    tokens : 1-d integer array
        The training corpus (as :meth:`NgramLM.fit` saw it).
    length : int
        m, the span length that counts as a verbatim copy.
    """

    def __init__(self, tokens, length: int = 20):
        tokens = _tokens("tokens", tokens)
        self.length = check_count("length", length, minimum=1)
        self.hashes = np.unique(window_hashes(tokens, self.length))

    def copied(self, samples) -> np.ndarray:
        """Per window of each sample, whether it occurs in the corpus: bool (rows, columns − m + 1)."""
        arr = check_array("samples", samples, ndim=(1, 2), kind="iu", dtype=np.int64, minimum=0)
        if arr.ndim == 1:
            arr = arr[None, :]
        h = window_hashes(arr, self.length).ravel()
        order = np.argsort(h)  # sorted queries walk the index in order: a few times faster
        pos = np.minimum(np.searchsorted(self.hashes, h[order]), len(self.hashes) - 1)
        found = np.empty(h.shape, dtype=bool)
        found[order] = self.hashes[pos] == h[order]
        return found.reshape(arr.shape[0], -1)

    def has_copy(self, samples) -> np.ndarray:
        """Per sample (row), whether it contains a span of ``length`` tokens found in the corpus."""
        return self.copied(samples).any(axis=1)
