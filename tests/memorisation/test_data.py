"""Lesson 07's data: the tokens, and what deduplication removes."""
import numpy as np
import pytest

from course_lib import dedup
from course_lib.memorisation import data
from course_lib.ngram import window_hashes


def occurrences(stream, canary):
    return int(np.sum(window_hashes(stream.tokens, len(canary)) == window_hashes(canary, len(canary))[0]))


def test_vocabulary_round_trip_and_end_marks(small_data):
    corpus, vocab, raw, _, _ = small_data
    assert vocab.decode(vocab.encode("The old man.")) == "the old man ."
    assert np.sum(raw.tokens == vocab.ids[data.END]) == len(corpus.docs)
    assert raw.tokens[raw.starts[1] - 1] == vocab.ids[data.END]


def test_raw_holds_each_canary_k_times_and_dedup_once(small_data):
    corpus, vocab, raw, dd, canaries = small_data
    for canary, k in zip(canaries, corpus.canary_copies):
        assert occurrences(raw, canary) == k
        assert occurrences(dd, canary) == 1


def test_dedup_removes_only_repeated_spans_and_exact_copies(small_data):
    corpus, vocab, raw, dd, _ = small_data
    # no 20-token window occurs twice after deduplication
    h = window_hashes(dd.tokens, data.DEDUP_SPAN)
    assert len(np.unique(h)) == len(h)
    # what went is exact copies plus tokens inside repeats that repeated_substrings finds
    keep = np.ones(len(corpus.docs), dtype=bool)
    for group in dedup.exact_duplicates(corpus.docs):
        keep[group[1:]] = False
    kept = data.tokenize([d for d, k in zip(corpus.docs, keep) if k], vocab)
    covered = dedup.repeated_substrings(kept.tokens, data.DEDUP_SPAN).covered
    assert dd.n_tokens < kept.n_tokens
    assert kept.n_tokens - dd.n_tokens <= covered.sum()
    assert len(dd.starts) == keep.sum()


def test_arguments_are_validated(small_data):
    corpus, vocab, *_ = small_data
    with pytest.raises(ValueError, match="span"):
        data.deduplicate(corpus, vocab, span=1)
    with pytest.raises(TypeError, match="docs"):
        data.tokenize("one string", vocab)


def test_every_copy_cut_removes_repeated_canaries_and_leaves_once_seen_ones(small_data):
    corpus, vocab, raw, _, canaries = small_data
    every = data.deduplicate(corpus, vocab, keep_first=False)
    for canary, k in zip(canaries, corpus.canary_copies):
        assert occurrences(every, canary) == (1 if k == 1 else 0)
    # no window of the span survives that occurred twice before the cut
    kept = data.deduplicate(corpus, vocab)
    assert every.n_tokens < kept.n_tokens


def test_clean_spans_cut_has_no_copies_and_every_canary_once(small_data):
    corpus, vocab, _, dd, canaries = small_data
    cut = data.clean_spans_cut(corpus, vocab)
    h = window_hashes(cut.tokens, data.DEDUP_SPAN)
    assert len(np.unique(h)) == len(h)
    assert all(occurrences(cut, canary) == 1 for canary in canaries)
    assert cut.n_tokens < dd.n_tokens  # the deduplicated corpus keeps near-copy remnants
    with pytest.raises(TypeError, match="stream"):
        data.cut_repeated_spans(cut.tokens, vocab)
    with pytest.raises(TypeError, match="keep_first"):
        data.cut_repeated_spans(cut, vocab, keep_first="no")
