"""Exact repeated substrings in the corpus (Lee et al.'s ExactSubstr), against the planted truth.

Every token of the corpus gets a category from the ground truth (:func:`token_categories`):
part of a duplicated document, of a canary planted at least twice, of page boilerplate, of a
page that repeats itself, or other text. :func:`coverage_table` counts, for several minimum span lengths, how many tokens
of each category lie in a span that repeats somewhere else.
"""
from __future__ import annotations

import numpy as np

from course_lib import dedup
from course_lib.core.validation import check_count
from course_lib.corpus import Corpus, concatenate, token_ids

__all__ = ["CATEGORIES", "token_categories", "coverage_table", "canary_coverage"]

#: token categories, in the order of :func:`coverage_table`'s columns
CATEGORIES = ("duplicated document", "repeated canary", "single canary", "boilerplate", "repetitive page",
              "other text")


def token_categories(corpus: Corpus) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The corpus as one token array, with a truth category and a canary count per token.

    Used in notebook 06 §2.

    Returns
    -------
    tokens : int64 array, documents joined by unique separators (:func:`course_lib.corpus.concatenate`)
    category : int array, an index into :data:`CATEGORIES` per token (-1 for separators)
    canary_k : int array, per token the number of planted copies of its canary (0 outside canaries)
    """
    if not isinstance(corpus, Corpus):
        raise TypeError(f"corpus must be a course_lib.corpus.Corpus, got {type(corpus).__name__}")
    ids, _ = token_ids(corpus.docs)
    tokens, starts = concatenate(ids)
    category = np.full(len(tokens), -1, dtype=np.int64)
    canary_k = np.zeros(len(tokens), dtype=np.int64)
    k_of = {text: int(k) for text, k in zip(corpus.canaries, corpus.canary_copies)}
    family = set(corpus.duplicate_of[corpus.duplicate_of >= 0].tolist()) | set(
        np.flatnonzero(corpus.duplicate_of >= 0).tolist())
    for d, (doc, start) in enumerate(zip(corpus.docs, starts)):
        pos = int(start)
        junk = set(corpus.junk_lines[d])
        for li, line in enumerate(doc.split("\n")):
            n = len(line.split())
            bare = line.removeprefix("<p> ").removesuffix(" </p>")
            if d in family:
                cat = 0
            elif bare in k_of:
                cat = 1 if k_of[bare] > 1 else 2
                canary_k[pos:pos + n] = k_of[bare]
            elif li in junk:
                cat = 3
            elif corpus.kind[d] == "repetitive":
                cat = 4
            else:
                cat = 5
            category[pos:pos + n] = cat
            pos += n
    return tokens, category, canary_k


def coverage_table(tokens: np.ndarray, category: np.ndarray, min_lengths=(5, 10, 20, 30, 50),
                   suffixes: tuple | None = None) -> np.ndarray:
    """Share of each category's tokens inside a repeated span, for each minimum length.

    Used in notebook 06 §2.

    Returns
    -------
    array (len(min_lengths), len(CATEGORIES))
    """
    lengths = [check_count("min_lengths", m) for m in min_lengths]
    suffixes = dedup.suffix_array(tokens) if suffixes is None else suffixes
    totals = np.bincount(category[category >= 0], minlength=len(CATEGORIES))
    table = np.zeros((len(lengths), len(CATEGORIES)))
    for row, m in enumerate(lengths):
        covered = dedup.repeated_substrings(tokens, m, suffixes=suffixes).covered & (category >= 0)
        table[row] = np.bincount(category[covered], minlength=len(CATEGORIES)) / np.maximum(totals, 1)
    return table


def canary_coverage(covered: np.ndarray, canary_k: np.ndarray) -> dict[int, float]:
    """Share of canary tokens inside repeated spans, by the number of planted copies.

    Used in notebook 06 §2.
    """
    return {int(k): float(covered[canary_k == k].mean()) for k in np.unique(canary_k[canary_k > 0])}
