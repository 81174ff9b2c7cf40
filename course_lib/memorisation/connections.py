"""Section 3: memorisation seen with lessons 01-05's eyes.

- :func:`per_token_vs_exact`: per planted count, the mean per-token probability of a canary's
  continuation (a smooth metric) beside the probability of the whole continuation (exact match,
  the product of the per-token terms): lesson 02's mirage, on memorisation.
- :func:`regurgitation_by_order`: the mean exact-regurgitation probability of the canaries planted
  k times against the model's order (a "model size"), raw vs deduplicated.
- :func:`heldout_curve`: held-out cross-entropy against training tokens for models trained on the
  first D tokens of the raw and of the deduplicated corpus: what deduplication does to a
  data-scaling curve.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from course_lib.core.validation import check_count, check_scalar
from course_lib.memorisation.data import TokenCorpus, tokenize
from course_lib.memorisation.experiment import CORPORA, PREFIX, MemorisationFamily, mean_by_count
from course_lib.corpus import make_corpus
from course_lib.ngram import NgramLM

__all__ = ["per_token_vs_exact", "regurgitation_by_order", "heldout_stream", "HeldoutCurve", "heldout_curve",
           "HELDOUT_SIZES"]

#: training-set sizes (tokens) of :func:`heldout_curve`
HELDOUT_SIZES = (10_000, 30_000, 100_000, 300_000, 550_000)


def per_token_vs_exact(family: MemorisationFamily, order: int = 5, temperature: float = 1.0,
                       corpus: str = "raw") -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(planted counts k, mean per-token probability, mean exact-regurgitation probability).

    The per-token probability of one canary is the geometric mean of its continuation's word
    probabilities, exp(mean log p); the exact probability is their product. Used in notebook 07 §3.
    """
    if not isinstance(family, MemorisationFamily):
        raise TypeError(f"family must be a MemorisationFamily, got {type(family).__name__}")
    temperature = check_scalar("temperature", temperature, 0.0, include_minimum=False)
    family._check(corpus, order, temperature)
    terms = family.models[corpus, order].token_log_probs(family.canaries, PREFIX, temperature)
    ks, per_token = mean_by_count(family.canary_copies, np.exp(terms.mean(axis=1)))
    _, exact = mean_by_count(family.canary_copies, np.exp(terms.sum(axis=1)))
    return ks, per_token, exact


def regurgitation_by_order(family: MemorisationFamily, k: int = 8, temperature: float = 1.0) -> dict[str, np.ndarray]:
    """Per corpus, the mean exact-regurgitation probability of the canaries planted ``k`` times, per order.

    Used in notebook 07 §3.
    """
    if not isinstance(family, MemorisationFamily):
        raise TypeError(f"family must be a MemorisationFamily, got {type(family).__name__}")
    k = check_count("k", k)
    if k not in family.canary_copies:
        raise ValueError(f"k must be a planted count among {sorted(set(family.canary_copies.tolist()))}, got {k}")
    pick = family.canary_copies == k
    return {c: np.array([family.canary_probabilities(c, n, temperature)[pick].mean() for n in family.orders])
            for c in CORPORA}


def heldout_stream(vocab, n_docs: int = 300, seed: int = 1) -> TokenCorpus:
    """Fresh documents from the same grammar (another seed; no copies, no canaries). Used in notebook 07 §3."""
    n_docs = check_count("n_docs", n_docs, minimum=10)
    corpus = make_corpus(n_clean=max(n_docs, 20), html_fraction=0.0, exact_copies=0, near_copies=0,
                         canaries_per_count=0, n_low_quality=0, n_unsafe=0, n_test=3, n_leaked=0,
                         seed=check_count("seed", seed, minimum=0))
    return tokenize(corpus.docs[:n_docs], vocab)


@dataclass(frozen=True)
class HeldoutCurve:
    """Held-out cross-entropy (bits per token) against training tokens, per training corpus."""

    sizes: np.ndarray
    bits: dict


def _cross_entropy_bits(model: NgramLM, stream: TokenCorpus, width: int = 64) -> float:
    """Mean −log2 P(token | history) over the held-out stream, cut into rows of ``width`` tokens."""
    rows = len(stream.tokens) // width
    seq = stream.tokens[:rows * width].reshape(rows, width)
    return float(-model.token_log_probs(seq, 1).mean() / np.log(2))


def heldout_curve(raw: TokenCorpus, dedup: TokenCorpus, heldout: TokenCorpus, vocab_size: int,
                  order: int = 3, sizes=HELDOUT_SIZES) -> HeldoutCurve:
    """Train on the first D tokens of each corpus, for each D, and score the held-out text.

    Used in notebook 07 §3.
    """
    order = check_count("order", order, minimum=2)
    sizes = np.array(sorted(check_count("sizes", s, minimum=100) for s in sizes))
    streams = {"raw": raw, "deduplicated": dedup}
    if sizes[-1] > min(s.n_tokens for s in streams.values()):
        raise ValueError(f"sizes must not exceed the smaller corpus ({min(s.n_tokens for s in streams.values()):,} "
                         f"tokens), got {sizes[-1]:,}")
    bits = {}
    for name, stream in streams.items():
        bits[name] = np.array([_cross_entropy_bits(NgramLM(order, vocab_size).fit(stream.tokens[:d]), heldout)
                               for d in sizes])
    return HeldoutCurve(sizes, bits)
