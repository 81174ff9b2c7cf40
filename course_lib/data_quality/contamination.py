"""What test-set contamination does to a benchmark score.

The benchmark of :func:`course_lib.corpus.make_corpus` is a cloze test: each item is a prompt
and its answer, the item's last word. :class:`LongestMatchModel` is the simplest language
model that can profit from having seen an item: it predicts the next word from the longest
end of the prompt (up to ``max_context`` words) that occurs in its training text, taking the
word that most often followed it there. An item leaked verbatim into training is recalled
from its own copy; a clean item has to make do with shorter, common contexts.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from course_lib.core.validation import check_count
from course_lib.corpus import Corpus, as_documents, normalize
from course_lib.dedup import ngram_overlap
from course_lib.papers import brown2020

__all__ = ["CONTEXTS", "LongestMatchModel", "cloze", "BenchmarkScore", "benchmark_score", "overlap_by_leak",
           "WindowFilterResult", "window_filter"]

#: the context lengths the model tries, longest first
CONTEXTS = (12, 8, 6, 4, 3, 2, 1)
_MIX = np.uint64(0x9E3779B97F4A7C15)


def _hash(windows: np.ndarray) -> np.ndarray:
    """One 64-bit key per row of word ids (a polynomial hash that wraps around mod 2^64)."""
    h = np.zeros(windows.shape[0], dtype=np.uint64)
    for k in range(windows.shape[1]):
        h = h * _MIX + windows[:, k].astype(np.uint64) + np.uint64(1)
    return h


def cloze(item: str) -> tuple[list[str], str]:
    """Split a test item into (prompt words, answer word), both normalised.

    Used in notebook 06 §3.
    """
    words = normalize(item)
    if len(words) < 2:
        raise ValueError(f"item must have at least 2 words, got {item!r}")
    return words[:-1], words[-1]


class LongestMatchModel:
    """Predict the next word from the longest end of the prompt seen in training.

    Used in notebook 06 §3.

    Parameters
    ----------
    train_docs : sequence of str
    contexts : tuple of int
        Context lengths to try, longest first.
    """

    def __init__(self, train_docs, contexts: tuple[int, ...] = CONTEXTS):
        self.contexts = tuple(check_count("contexts", c) for c in contexts)
        if list(self.contexts) != sorted(set(self.contexts), reverse=True):
            raise ValueError(f"contexts must be distinct lengths, longest first, got {contexts!r}")
        self.vocabulary: dict[str, int] = {}
        ids = []
        for doc in as_documents("train_docs", train_docs):
            for line in doc.split("\n"):
                ids += [self.vocabulary.setdefault(w, len(self.vocabulary)) for w in normalize(line)]
                ids.append(-1)  # no context runs across a line or document break
        if len(self.vocabulary) == 0:
            raise ValueError("train_docs must hold some words (the corpus is empty)")
        tokens = np.asarray(ids, dtype=np.int64)
        self.tables = {}
        for length in self.contexts:
            if len(tokens) <= length:
                continue
            windows = np.lib.stride_tricks.sliding_window_view(tokens, length + 1)
            windows = windows[(windows >= 0).all(axis=1)]
            if len(windows) == 0:
                continue
            keys, nxt = _hash(windows[:, :length]), windows[:, length]
            order = np.lexsort((nxt, keys))
            keys, nxt = keys[order], nxt[order]
            # count each (context, next word); keep the most frequent next word per context
            new_pair = np.concatenate([[True], (keys[1:] != keys[:-1]) | (nxt[1:] != nxt[:-1])])
            starts = np.flatnonzero(new_pair)
            counts = np.diff(np.concatenate([starts, [len(keys)]]))
            pair_keys, pair_next = keys[starts], nxt[starts]
            best = np.lexsort((-counts, pair_keys))  # by context, most frequent next word first
            first = np.concatenate([[True], pair_keys[best][1:] != pair_keys[best][:-1]])
            self.tables[length] = (pair_keys[best][first], pair_next[best][first])
        self.words = np.array(list(self.vocabulary), dtype=object)

    def predict(self, prompts) -> list[str]:
        """The predicted next word of each prompt (a list of normalised words)."""
        return [guess for guess, _ in self._predict(prompts)]

    def context_lengths(self, prompts) -> list[int]:
        """For each prompt, the length of the context the prediction came from (0: none was seen)."""
        return [length for _, length in self._predict(prompts)]

    def _predict(self, prompts) -> list[tuple[str, int]]:
        out: list[tuple[str, int]] = []
        for prompt in prompts:
            ids = np.asarray([self.vocabulary.get(w, -2) for w in prompt], dtype=np.int64)
            guess, used = "", 0
            for length in self.contexts:
                if length > len(ids) or length not in self.tables or (ids[-length:] < 0).any():
                    continue
                keys, nxt = self.tables[length]
                key = _hash(ids[None, -length:])[0]
                pos = int(np.searchsorted(keys, key))
                if pos < len(keys) and keys[pos] == key:
                    guess, used = str(self.words[nxt[pos]]), length
                    break
            out.append((guess, used))
        return out


@dataclass(frozen=True)
class BenchmarkScore:
    """Accuracy of a model on the benchmark, overall and by how each item leaked.

    ``correct`` is per item; ``by_leak`` maps each leak type to (items, accuracy); ``context`` is per
    item the length of the context the prediction came from (0: no context was seen).
    """

    correct: np.ndarray
    by_leak: dict
    context: np.ndarray | None = None

    @property
    def accuracy(self) -> float:
        return float(self.correct.mean())

    def clean_accuracy(self) -> float:
        """Accuracy on the items that did not leak."""
        return self.by_leak["none"][1]


def benchmark_score(corpus: Corpus, train_docs) -> BenchmarkScore:
    """Train :class:`LongestMatchModel` on ``train_docs`` and score it on ``corpus.test_items``.

    Used in notebook 06 §3.
    """
    if not isinstance(corpus, Corpus):
        raise TypeError(f"corpus must be a course_lib.corpus.Corpus, got {type(corpus).__name__}")
    model = LongestMatchModel(train_docs)
    prompts, answers = zip(*(cloze(t) for t in corpus.test_items))
    predictions = model._predict(prompts)
    correct = np.asarray([g == a for (g, _), a in zip(predictions, answers)], dtype=bool)
    context = np.asarray([length for _, length in predictions], dtype=int)
    by_leak = {}
    for leak in ("none", "verbatim", "paraphrase", "short"):
        pick = corpus.test_leak == leak
        by_leak[leak] = (int(pick.sum()), float(correct[pick].mean()) if pick.any() else float("nan"))
    return BenchmarkScore(correct, by_leak, context)


def overlap_by_leak(corpus: Corpus, train_docs, n: int) -> dict[str, tuple[int, float]]:
    """Per leak type, among the test items of at least ``n`` words: (items, share flagged).

    Leak types without an item that long are left out.

    An item is flagged when one of its n-grams occurs in ``train_docs``
    (:func:`course_lib.dedup.ngram_overlap`). Used in notebook 06 §3.
    """
    if not isinstance(corpus, Corpus):
        raise TypeError(f"corpus must be a course_lib.corpus.Corpus, got {type(corpus).__name__}")
    n = check_count("n", n)
    long_enough = np.asarray([len(normalize(t)) >= n for t in corpus.test_items], dtype=bool)
    items = [t for t, ok in zip(corpus.test_items, long_enough) if ok]
    flagged = ngram_overlap(train_docs, items, n=n).contaminated
    leak = corpus.test_leak[long_enough]
    return {kind: (int((leak == kind).sum()), float(flagged[leak == kind].mean()))
            for kind in ("none", "verbatim", "paraphrase", "short") if (leak == kind).any()}


@dataclass(frozen=True)
class WindowFilterResult:
    """What :func:`window_filter` did to each training document.

    ``pieces[i]`` holds the pieces document i was cut into (just the document when untouched,
    nothing when dropped); ``hit`` whether it held a colliding n-gram; ``skipped`` whether it
    held one but was left alone (the ``skip_longer_than`` bug); ``dropped`` whether it was cut
    into more than ``max_pieces`` pieces and removed; ``chars_removed`` the characters removed.
    """

    pieces: tuple[tuple[str, ...], ...]
    hit: np.ndarray
    skipped: np.ndarray
    dropped: np.ndarray
    chars_removed: np.ndarray

    @property
    def docs(self) -> list[str]:
        """Every piece as a training document of its own."""
        return [p for doc in self.pieces for p in doc]


def window_filter(train_docs, test_items, n: int = brown2020.NGRAM, window: int = brown2020.WINDOW_CHARS,
                  min_piece: int = brown2020.MIN_PIECE_CHARS, max_pieces: int = brown2020.MAX_PIECES,
                  max_train_docs: int = brown2020.MAX_TRAIN_DOCS_PER_NGRAM,
                  skip_longer_than: int | None = None) -> WindowFilterResult:
    """GPT-3's final contamination filter (Brown et al. 2020, App. C), on plain strings.

    Every n-gram (normalised words, :func:`course_lib.corpus.normalize`) of a training document
    that also occurs in a test item is cut out with ``window`` characters on each side; the
    document falls apart into pieces, pieces shorter than ``min_piece`` characters are dropped,
    and a document cut into more than ``max_pieces`` pieces is removed entirely. n-grams found
    in more than ``max_train_docs`` training documents are ignored (common phrases, boilerplate).
    ``skip_longer_than`` leaves documents longer than that many characters untouched, as a
    stand-in for the bug GPT-3 reports (its filter failed on long documents such as books).
    Used in notebook 06 §3.
    """
    docs = as_documents("train_docs", train_docs)
    items = as_documents("test_items", test_items)
    n, window = check_count("n", n), check_count("window", window, minimum=0)
    min_piece, max_pieces = check_count("min_piece", min_piece, minimum=0), check_count("max_pieces", max_pieces)
    max_train_docs = check_count("max_train_docs", max_train_docs)
    if skip_longer_than is not None:
        skip_longer_than = check_count("skip_longer_than", skip_longer_than)
    test_grams = set()
    for item in items:
        words = normalize(item)
        test_grams.update(tuple(words[i:i + n]) for i in range(len(words) - n + 1))
    spans_of, grams_of, doc_count = [], [], {}
    for doc in docs:
        tokens = [(m.start(), m.end(), "".join(ch for ch in m.group().lower() if ch.isalnum()))
                  for m in re.finditer(r"\S+", doc)]
        tokens = [t for t in tokens if t[2]]
        words = [t[2] for t in tokens]
        hits = [(i, tuple(words[i:i + n])) for i in range(len(words) - n + 1) if tuple(words[i:i + n]) in test_grams]
        spans_of.append([(tokens[i][0], tokens[i + n - 1][1]) for i, _ in hits])
        grams_of.append([g for _, g in hits])
        for g in set(grams_of[-1]):
            doc_count[g] = doc_count.get(g, 0) + 1
    pieces, hit, skipped, dropped, removed = [], [], [], [], []
    for doc, spans, grams in zip(docs, spans_of, grams_of):
        spans = [sp for sp, g in zip(spans, grams) if doc_count[g] <= max_train_docs]
        hit.append(bool(spans))
        skip = bool(spans) and skip_longer_than is not None and len(doc) > skip_longer_than
        skipped.append(skip)
        if not spans or skip:
            pieces.append((doc,))
            dropped.append(False)
            removed.append(0)
            continue
        cut = sorted((max(0, a - window), min(len(doc), b + window)) for a, b in spans)
        merged = [list(cut[0])]
        for a, b in cut[1:]:
            if a <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], b)
            else:
                merged.append([a, b])
        bounds = [0] + [x for ab in merged for x in ab] + [len(doc)]
        parts = [doc[bounds[k]:bounds[k + 1]].strip() for k in range(0, len(bounds), 2)]
        parts = [p for p in parts if p]
        if len(parts) > max_pieces:
            pieces.append(())
            dropped.append(True)
            removed.append(len(doc))
            continue
        kept = tuple(p for p in parts if len(p) >= min_piece)
        pieces.append(kept)
        dropped.append(False)
        removed.append(len(doc) - sum(len(p) for p in kept))
    return WindowFilterResult(tuple(pieces), np.asarray(hit, bool), np.asarray(skipped, bool),
                              np.asarray(dropped, bool), np.asarray(removed, dtype=np.int64))
