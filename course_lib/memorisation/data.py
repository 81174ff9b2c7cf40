"""Lesson 07's training data: lesson 06's corpus as word ids, raw and deduplicated.

The corpus is :func:`course_lib.corpus.make_corpus` without the HTML pages, junk, spam and test
leaks that lesson 06's pipeline removes (they play no part here): clean documents, their exact
and near-duplicate copies, and 60 canary passages of 40 words planted k = 1, 2, 4, 8, 16 or 32
times each inside otherwise unique documents.

Tokens are lowercase words, with the full stop as a token of its own and one end-of-document
token after every document. The deduplicated corpus is what Lee et al. (2021)'s two methods leave:
exact duplicate documents dropped (:func:`course_lib.dedup.exact_duplicates`), then every span
of at least :data:`DEDUP_SPAN` tokens that already occurred earlier in the corpus cut out
(ExactSubstr, keeping the first copy: the spans :func:`course_lib.dedup.repeated_substrings`
finds, located here by hashing every window). A canary planted k times is left once.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from course_lib import dedup
from course_lib.core.validation import check_count
from course_lib.corpus import SLOTS, Corpus, make_corpus
from course_lib.ngram import window_hashes

__all__ = ["SEED", "DEDUP_SPAN", "END", "Vocabulary", "TokenCorpus", "lesson_corpus", "vocabulary",
           "tokenize", "token_corpus", "deduplicate", "canary_tokens", "build_data", "lesson_data"]

#: the corpus seed of the notebook
SEED = 0
#: ExactSubstr's span length: lesson 06 §2 found that 20 words catch every repeated canary and
#: flag under 1% of ordinary text (Lee et al. used 50 tokens, longer than our 40-word canaries)
DEDUP_SPAN = 20
#: the end-of-document token
END = "</d>"


@dataclass(frozen=True)
class Vocabulary:
    """Word <-> id. ``words[i]`` is the word of id i."""

    words: tuple[str, ...]

    def __post_init__(self):
        object.__setattr__(self, "ids", {w: i for i, w in enumerate(self.words)})

    def __len__(self) -> int:
        return len(self.words)

    def encode(self, text: str) -> np.ndarray:
        """Token ids of a text (lowercase words, full stops split off). Used in notebook 07 §1."""
        return np.array([self.ids[w] for w in _words(text)], dtype=np.int64)

    def decode(self, ids) -> str:
        """The text of token ids, words joined by spaces. Used in notebook 07 §1."""
        return " ".join(self.words[int(i)] for i in np.asarray(ids).ravel())


def _words(text: str) -> list[str]:
    return text.lower().replace(".", " .").split()


def vocabulary() -> Vocabulary:
    """Every word the grammar can write, the full stop and the end-of-document token.

    Used in notebook 07 §1-§2.
    """
    words = sorted({w for ws in SLOTS.values() for w in ws})
    return Vocabulary(tuple(words + [".", END]))


@dataclass(frozen=True)
class TokenCorpus:
    """A corpus as one token stream.

    Attributes
    ----------
    tokens : int64 array
        Every document's tokens followed by the end-of-document id.
    starts : int64 array
        Where each document starts in ``tokens``.
    """

    tokens: np.ndarray
    starts: np.ndarray

    @property
    def n_tokens(self) -> int:
        return int(len(self.tokens))


def lesson_corpus(seed: int = SEED) -> Corpus:
    """The lesson's corpus: lesson 06's generator, clean documents, copies and canaries only.

    Used in notebook 07 §1.
    """
    return make_corpus(n_clean=4000, html_fraction=0.0, n_low_quality=0, n_unsafe=0, n_repetitive=0, n_leaked=0,
                       seed=check_count("seed", seed, minimum=0))


def tokenize(docs, vocab: Vocabulary) -> TokenCorpus:
    """The documents as one token stream, each followed by the end-of-document token.

    Used in notebook 07 §1.
    """
    if isinstance(docs, str):
        raise TypeError("docs must be a sequence of str documents, not one str")
    end = vocab.ids[END]
    parts = [np.append(vocab.encode(d), end) for d in docs]
    if not parts:
        raise ValueError("docs must hold at least one document")
    lengths = np.array([len(p) for p in parts])
    return TokenCorpus(np.concatenate(parts), np.concatenate([[0], np.cumsum(lengths)[:-1]]))


def token_corpus(corpus: Corpus, vocab: Vocabulary) -> TokenCorpus:
    """The raw corpus as tokens. Used in notebook 07 §1."""
    return tokenize(corpus.docs, vocab)


def deduplicate(corpus: Corpus, vocab: Vocabulary, span: int = DEDUP_SPAN) -> TokenCorpus:
    """Exact duplicate documents dropped, then repeated spans of at least ``span`` tokens cut (first copy kept).

    A token goes when it lies in a window of ``span`` tokens that already occurred earlier in the
    corpus: the spans :func:`course_lib.dedup.repeated_substrings` finds, minus their first copy.
    Used in notebook 07 §1.
    """
    span = check_count("span", span, minimum=2)
    docs = list(corpus.docs)
    keep = np.ones(len(docs), dtype=bool)
    for group in dedup.exact_duplicates(docs):
        keep[group[1:]] = False
    kept = [d for d, k in zip(docs, keep) if k]
    stream = tokenize(kept, vocab)
    tokens = stream.tokens
    # windows of `span` tokens that occurred earlier: the repeats of repeated_substrings(tokens, span)
    # except each one's first copy (found by hashing the windows: no suffix array needed)
    h = window_hashes(tokens, span)
    _, first = np.unique(h, return_index=True)
    later = np.ones(len(h), dtype=bool)
    later[first] = False
    delta = np.zeros(len(tokens) + 1, dtype=np.int64)
    starts = np.flatnonzero(later)
    np.add.at(delta, starts, 1)
    np.add.at(delta, starts + span, -1)
    drop = np.cumsum(delta[:-1]) > 0
    drop[tokens == vocab.ids[END]] = False  # documents keep their end marks
    doc_of = np.searchsorted(stream.starts, np.arange(len(tokens)), side="right") - 1
    kept_tokens, kept_doc = tokens[~drop], doc_of[~drop]
    new_starts = np.flatnonzero(np.concatenate([[True], kept_doc[1:] != kept_doc[:-1]]))
    return TokenCorpus(kept_tokens, new_starts)


def canary_tokens(corpus: Corpus, vocab: Vocabulary) -> np.ndarray:
    """Each canary as token ids, one row per canary (all canaries have the same length in words).

    Used in notebook 07 §1.
    """
    rows = [vocab.encode(c) for c in corpus.canaries]
    width = min(len(r) for r in rows)
    return np.stack([r[:width] for r in rows])


def build_data(seed: int = SEED):
    """(corpus, vocabulary, raw tokens, deduplicated tokens, canary tokens) of the notebook's settings."""
    corpus = lesson_corpus(seed)
    vocab = vocabulary()
    return corpus, vocab, token_corpus(corpus, vocab), deduplicate(corpus, vocab), canary_tokens(corpus, vocab)


#: :func:`build_data`, computed once per seed for the session
lesson_data = lru_cache(maxsize=2)(build_data)
