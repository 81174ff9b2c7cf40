"""Section 3: memorisation seen with lessons 01-05's eyes.

- :func:`per_token_vs_exact`: per planted count, the mean per-token probability of a canary's
  continuation (a smooth metric) beside the probability of the whole continuation (exact match,
  the product of the per-token terms): lesson 02's mirage, on memorisation.
- :func:`regurgitation_by_order`: the mean exact-regurgitation probability of the canaries planted
  k times against the model's order (a "model size"), raw vs deduplicated.
- :func:`heldout_curve`: held-out cross-entropy against training tokens for models trained on the
  first D tokens of the raw and of the deduplicated corpus: what deduplication does to a
  data-scaling curve; :func:`whole_corpus_bits` and :func:`bits_by_kind` train on all of a corpus
  (raw, deduplicated, clean documents with or without their repeated spans, clean plus exact or near
  copies) to show that copies hurt held-out loss.
- :func:`seed_summary`: the greedy extraction rate and the held-out losses of another corpus seed,
  so the notebook can say how much one seed's numbers move.
- :func:`heldout_documents`: the held-out text, seeded by :func:`heldout_seed`, derived from the corpus
  seed and never equal to it (the same seed would write the training documents again).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from course_lib.core.validation import check_count, check_scalar
from functools import lru_cache

from course_lib.memorisation.data import SEED, TokenCorpus, build_data, clean_spans_cut, tokenize
from course_lib.memorisation.experiment import CORPORA, PREFIX, MemorisationFamily, mean_by_count, train_family
from course_lib.corpus import make_corpus
from course_lib.ngram import NgramLM

__all__ = ["per_token_vs_exact", "regurgitation_by_order", "heldout_seed", "heldout_documents", "heldout_stream",
           "shared_documents", "HeldoutCurve", "heldout_curve", "whole_corpus_bits", "bits_by_kind", "KIND_SETS",
           "CLEAN_CUT", "HELDOUT_SIZES", "SeedSummary", "seed_summary"]

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
    temperature = check_scalar("temperature", temperature, 0.0)
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


#: mixed with the corpus seed to derive the held-out seed (:func:`heldout_seed`)
HELDOUT_TAG = 0x4E1D0007


def heldout_seed(corpus_seed: int = SEED) -> int:
    """The generator seed of the held-out documents, derived from the corpus seed but never equal to it.

    ``make_corpus`` with the same seed writes the same first documents, so a held-out set drawn with
    the training corpus's seed is mostly training text (with corpus seed 1 and held-out seed 1, 249 of
    300 held-out documents occur verbatim in training). Mixing the corpus seed with a fixed tag
    through ``numpy.random.SeedSequence`` gives a 32-bit seed of its own.
    """
    corpus_seed = check_count("corpus_seed", corpus_seed, minimum=0)
    return int(np.random.SeedSequence([corpus_seed, HELDOUT_TAG]).generate_state(1)[0])


def heldout_documents(n_docs: int = 300, corpus_seed: int = SEED) -> list[str]:
    """Fresh documents from the same grammar (no copies, no canaries), seeded by :func:`heldout_seed`.

    Used in notebook 07 §3.
    """
    n_docs = check_count("n_docs", n_docs, minimum=10)
    corpus = make_corpus(n_clean=max(n_docs, 20), html_fraction=0.0, exact_copies=0, near_copies=0,
                         canaries_per_count=0, n_low_quality=0, n_unsafe=0, n_repetitive=0, n_test=3, n_leaked=0,
                         seed=heldout_seed(corpus_seed))
    return list(corpus.docs[:n_docs])


def heldout_stream(vocab, n_docs: int = 300, corpus_seed: int = SEED) -> TokenCorpus:
    """:func:`heldout_documents` as tokens. Used in notebook 07 §3."""
    return tokenize(heldout_documents(n_docs, corpus_seed), vocab)


def shared_documents(heldout_docs, training_docs) -> int:
    """How many held-out documents occur verbatim among the training documents. Used in notebook 07 §3."""
    training = set(training_docs)
    return sum(d in training for d in heldout_docs)


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


def whole_corpus_bits(raw: TokenCorpus, dedup: TokenCorpus, heldout: TokenCorpus, vocab_size: int,
                      order: int = 4) -> dict[str, tuple[int, float]]:
    """Per corpus, (its tokens, held-out bits per token of a model trained on all of them).

    The raw corpus has more tokens, the deduplicated one only unique text. Used in notebook 07 §3.
    """
    order = check_count("order", order, minimum=2)
    return {name: (stream.n_tokens, _cross_entropy_bits(NgramLM(order, vocab_size).fit(stream.tokens), heldout))
            for name, stream in (("raw", raw), ("deduplicated", dedup))}


#: the document kinds of each training set compared by :func:`bits_by_kind`
KIND_SETS = {"clean documents": ("clean",),
             "clean + exact copies": ("clean", "exact_duplicate"),
             "clean + near copies": ("clean", "near_duplicate"),
             "raw (all three)": ("clean", "exact_duplicate", "near_duplicate")}


#: the name of the training set with no copies at all: the clean documents, repeated spans cut
CLEAN_CUT = "clean, repeated spans cut"


def bits_by_kind(corpus, vocab, heldout: TokenCorpus, order: int = 4) -> dict[str, tuple[int, float]]:
    """Per training set, (its tokens, held-out bits per token of a model trained on it).

    The first set, :data:`CLEAN_CUT`, has no copies at all (:func:`course_lib.memorisation.data.clean_spans_cut`:
    each canary left once); the others are those of :data:`KIND_SETS` (the clean documents host every
    canary plant). Separates what exact copies (no new text at all) and near copies do to held-out
    loss. Used in notebook 07 §3.
    """
    order = check_count("order", order, minimum=2)
    kind = np.asarray(corpus.kind)
    cut = clean_spans_cut(corpus, vocab)
    out = {CLEAN_CUT: (cut.n_tokens, _cross_entropy_bits(NgramLM(order, len(vocab)).fit(cut.tokens), heldout))}
    for name, kinds in KIND_SETS.items():
        stream = tokenize([d for d, k in zip(corpus.docs, kind) if k in kinds], vocab)
        out[name] = (stream.n_tokens, _cross_entropy_bits(NgramLM(order, len(vocab)).fit(stream.tokens), heldout))
    return out


@dataclass(frozen=True)
class SeedSummary:
    """One corpus seed's headline numbers (:func:`seed_summary`).

    Attributes
    ----------
    seed : int
    greedy_hits, canaries : int
        Canaries whose continuation greedy decoding by the deduplicated 6-gram model writes out from
        their 10-token prompt, and how many canaries there are.
    bits : dict name -> float
        Held-out bits per token of 4-gram models trained on all of "raw", "deduplicated",
        :data:`CLEAN_CUT` and the sets of :data:`KIND_SETS`.
    """

    seed: int
    greedy_hits: int
    canaries: int
    bits: dict


@lru_cache(maxsize=4)
def seed_summary(seed: int) -> SeedSummary:
    """Greedy extraction by the deduplicated 6-gram model and held-out losses, for one corpus seed.

    Trains what §1 and §3 train (one 6-gram model, five 4-gram models) on that seed's corpus, with
    held-out text seeded by :func:`heldout_seed`; a few seconds per seed. Used in notebook 07 §1 and §3.
    """
    seed = check_count("seed", seed, minimum=0)
    corpus, vocab, raw, dedup, canaries = build_data(seed)
    family = train_family(orders=(6,), spans=(2,), seed=seed, show_progress=False,
                          data=(corpus, vocab, raw, dedup, canaries))
    hits = int(np.sum(family.canary_probabilities("deduplicated", 6, 0.0) == 1.0))
    heldout = heldout_stream(vocab, 300, corpus_seed=seed)
    bits = {name: b for name, (_, b) in whole_corpus_bits(raw, dedup, heldout, len(vocab), 4).items()}
    bits.update({name: b for name, (_, b) in bits_by_kind(corpus, vocab, heldout, 4).items()})
    return SeedSummary(seed, hits, len(canaries), bits)
