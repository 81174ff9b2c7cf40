"""Lesson 07's training data: a corpus from lesson 06's generator as word ids, raw and deduplicated.

The corpus is :func:`course_lib.corpus.make_corpus` without the HTML pages, junk, spam and test
leaks that lesson 06's pipeline removes (they play no part here): clean documents, their exact
and near-duplicate copies, and 60 canary passages of 40 words planted k = 1, 2, 4, 8, 16 or 32
times each inside otherwise unique documents.

Tokens are lowercase words, with the full stop as a token of its own and one end-of-document
token after every document. The deduplicated corpus is a **hybrid** of Lee et al. (2021)'s
methods, not their pipeline: exact duplicate documents dropped
(:func:`course_lib.dedup.exact_duplicates`), then every span of at least :data:`DEDUP_SPAN` tokens
that already occurred earlier in the corpus cut out (ExactSubstr, keeping the FIRST copy: the spans
:func:`course_lib.dedup.repeated_substrings` finds, located here by hashing every window), and no
NearDup. A canary planted k times is left once; the parts of near copies that no 20-token repeat
covers stay (near-copy remnants). Lee et al.'s released tool removes every copy of a repeated span,
the first one included (``keep_first=False`` of :func:`deduplicate` and :func:`cut_repeated_spans`).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from course_lib import dedup
from course_lib.core.validation import check_bool, check_count
from course_lib.corpus import SLOTS, Corpus, make_corpus
from course_lib.ngram import window_hashes

__all__ = ["SEED", "DEDUP_SPAN", "END", "Vocabulary", "TokenCorpus", "lesson_corpus", "vocabulary",
           "tokenize", "token_corpus", "cut_repeated_spans", "deduplicate", "clean_spans_cut", "canary_tokens", "build_data", "lesson_data"]

#: the corpus seed of the notebook
SEED = 0
#: ExactSubstr's span length in words. Lesson 06 §2b found that any span from 10 to 40 words catches
#: every repeated canary while flagging little ordinary text; we use 20. Lee et al. used 50 subword
#: tokens, about 35-40 words: about the length of our canaries (41 tokens), not longer.
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


def cut_repeated_spans(stream: TokenCorpus, vocab: Vocabulary, span: int = DEDUP_SPAN,
                       keep_first: bool = True) -> TokenCorpus:
    """ExactSubstr on a token stream: every token inside a repeated window of ``span`` tokens is cut.

    With ``keep_first`` (the lesson's hybrid) a window's first occurrence stays and only its later
    copies go; without it every copy goes, the first one included, as Lee et al.'s released tool does.
    End-of-document marks always stay. Used in notebook 07 §1 and §3.
    """
    if not isinstance(stream, TokenCorpus):
        raise TypeError(f"stream must be a TokenCorpus, got {type(stream).__name__}")
    span = check_count("span", span, minimum=2)
    keep_first = check_bool("keep_first", keep_first)
    tokens = stream.tokens
    # windows of `span` tokens that occur more than once: the repeats of repeated_substrings(tokens, span),
    # found by hashing the windows (no suffix array needed); with keep_first, each one's first copy stays
    h = window_hashes(tokens, span)
    _, first, inverse, count = np.unique(h, return_index=True, return_inverse=True, return_counts=True)
    if keep_first:
        marked = np.ones(len(h), dtype=bool)
        marked[first] = False
    else:
        marked = count[inverse.ravel()] > 1
    delta = np.zeros(len(tokens) + 1, dtype=np.int64)
    starts = np.flatnonzero(marked)
    np.add.at(delta, starts, 1)
    np.add.at(delta, starts + span, -1)
    drop = np.cumsum(delta[:-1]) > 0
    drop[tokens == vocab.ids[END]] = False  # documents keep their end marks
    doc_of = np.searchsorted(stream.starts, np.arange(len(tokens)), side="right") - 1
    kept_tokens, kept_doc = tokens[~drop], doc_of[~drop]
    new_starts = np.flatnonzero(np.concatenate([[True], kept_doc[1:] != kept_doc[:-1]]))
    return TokenCorpus(kept_tokens, new_starts)


def deduplicate(corpus: Corpus, vocab: Vocabulary, span: int = DEDUP_SPAN, keep_first: bool = True) -> TokenCorpus:
    """Exact duplicate documents dropped, then repeated spans of at least ``span`` tokens cut.

    The lesson's hybrid keeps each repeated span's first copy (``keep_first=True``) and runs no
    NearDup; ``keep_first=False`` removes every copy, as Lee et al.'s released ExactSubstr tool does.
    Used in notebook 07 §1.
    """
    span = check_count("span", span, minimum=2)
    docs = list(corpus.docs)
    keep = np.ones(len(docs), dtype=bool)
    for group in dedup.exact_duplicates(docs):
        keep[group[1:]] = False
    return cut_repeated_spans(tokenize([d for d, k in zip(docs, keep) if k], vocab), vocab, span, keep_first)


def clean_spans_cut(corpus: Corpus, vocab: Vocabulary, span: int = DEDUP_SPAN) -> TokenCorpus:
    """The clean documents alone, with repeated spans cut (first copy kept): no copies of any kind.

    The clean documents host every canary plant; cutting repeated spans leaves each canary once.
    Used in notebook 07 §1 and §3.
    """
    kind = np.asarray(corpus.kind)
    clean = tokenize([d for d, k in zip(corpus.docs, kind) if k == "clean"], vocab)
    return cut_repeated_spans(clean, vocab, span)


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
