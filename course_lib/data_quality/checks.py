"""Checks of lesson 06's exercises (06_data_and_dedup.ipynb): ``checks.<exercise>(fn)`` grades ``fn``.

Each check runs ``fn`` on cases chosen to catch the usual mistakes, prints a diagnosis and
returns a :class:`course_lib.core.checking.CheckResult` (truthy when every case passed).
"""
from __future__ import annotations

from typing import Any, Callable

import numpy as np

from course_lib import dedup
from course_lib.core.checking import CheckResult, run_cases
from course_lib.core.messages import message
from course_lib.corpus import make_corpus, normalize

__all__ = ["minhash_signature", "choose_bands_rows", "ngram_hit",
           "reference_minhash_signature", "reference_choose_bands_rows", "reference_ngram_hit"]


def reference_minhash_signature(shingle_ids, a, b) -> np.ndarray:
    """The course's answer to exercise 2.1."""
    x = np.asarray(shingle_ids, dtype=np.uint64)
    return np.min((a[:, None] * x[None, :] + b[:, None]) % np.uint64(dedup.PRIME), axis=1)


def _minhash_cases() -> list[tuple[str, tuple, Any]]:
    a, b = dedup.minhash_parameters(8, seed=1)
    cases = [(message("data_quality.minhash_signature.case_one"), (np.array([12345], dtype=np.uint64), a, b)),
             (message("data_quality.minhash_signature.case_repeated"),
              (np.array([7, 2_000_000_000, 7], dtype=np.uint64), a, b)),
             (message("data_quality.minhash_signature.case_large"),
              (np.array([2**31 - 2, 2**30 + 3, 99], dtype=np.uint64), a, b))]
    out = [(d, args, reference_minhash_signature(*args)) for d, args in cases]
    doc = make_corpus(n_clean=10, exact_copies=0, near_copies=0, canaries_per_count=0, n_low_quality=0,
                      n_unsafe=0, n_test=3, n_leaked=0, seed=3).docs[0]
    a, b = dedup.minhash_parameters(128, seed=0)
    out.append((message("data_quality.minhash_signature.case_corpus"),
                (dedup.shingles(doc), a, b), dedup.minhash_signatures([doc])[0]))
    return out


def minhash_signature(fn: Callable) -> CheckResult:
    """Check ``fn(shingle_ids, a, b) -> for each hash function k, min over x of (a[k]·x + b[k]) mod p``.

    Used in notebook 06 §2 (exercise 2.1).
    """
    return run_cases("minhash_signature", fn, _minhash_cases(), rtol=0,
                     hint=message("data_quality.minhash_signature.hint"))


def reference_choose_bands_rows(num_perm: int, threshold: float) -> tuple[int, int]:
    """The course's answer to exercise 2.2."""
    splits = [(num_perm // r, r) for r in range(1, num_perm + 1) if num_perm % r == 0]
    return min(splits, key=lambda s: abs((1 / s[0]) ** (1 / s[1]) - threshold))


def choose_bands_rows(fn: Callable) -> CheckResult:
    """Check ``fn(num_perm, threshold) -> (bands, rows)``: bands·rows = num_perm, (1/b)^(1/r) closest.

    Used in notebook 06 §2 (exercise 2.2).
    """
    raw = [(message("data_quality.choose_bands_rows.case", num_perm=n, threshold=t), (n, t))
           for n, t in ((128, 0.8), (128, 0.5), (100, 0.6))]
    raw += [(message("data_quality.choose_bands_rows.case_one_band"), (16, 0.97)),
            (message("data_quality.choose_bands_rows.case_fineweb"), (112, 0.75)),
            (message("data_quality.choose_bands_rows.case_lee"), (9000, 0.74))]
    cases = [(d, args, np.asarray(reference_choose_bands_rows(*args))) for d, args in raw]
    return run_cases("choose_bands_rows", lambda n, t: np.asarray(fn(n, t)), cases, rtol=0,
                     hint=message("data_quality.choose_bands_rows.hint"))


def reference_ngram_hit(train_text: str, item: str, n: int = 13) -> bool:
    """The course's answer to exercise 3.1."""
    train, words = normalize(train_text), normalize(item)
    seen = {tuple(train[i:i + n]) for i in range(len(train) - n + 1)}
    return any(tuple(words[i:i + n]) in seen for i in range(len(words) - n + 1))


def ngram_hit(fn: Callable) -> CheckResult:
    """Check ``fn(train_text, item, n) -> whether item shares an n-gram of normalised words with train_text``.

    Used in notebook 06 §3 (exercise 3.1).
    """
    item = "the old man saw a small dog near the river bank and the dog ran away quickly"
    words = item.split()
    glued = "he old man walked to the big red barn and sat down there today"  # 13 words
    raw = [
        (message("data_quality.ngram_hit.case_copied"),
         ("We read a story. " + item + ". Then we went home.", item, 13)),
        (message("data_quality.ngram_hit.case_capitals"),
         ("We read: " + " ".join(w.capitalize() + "," for w in words) + " the end", item, 13)),
        (message("data_quality.ngram_hit.case_12_words"), ("x " + " ".join(words[:12]) + " y", item, 13)),
        (message("data_quality.ngram_hit.case_13_words"), ("z " + " ".join(words[-13:]) + " z", item, 13)),
        (message("data_quality.ngram_hit.case_last_window"), ("z " + " ".join(words[-13:]), item, 13)),
        (message("data_quality.ngram_hit.case_inside_words"), ("Then t" + glued + "s and more.", glued, 13)),
        (message("data_quality.ngram_hit.case_short"), ("the old man saw a small dog", "the old man saw", 13)),
        (message("data_quality.ngram_hit.case_short_at_end"), ("we saw that the old man saw", "the old man saw", 13)),
        (message("data_quality.ngram_hit.case_short_equal"), ("The old man saw.", "the old man saw", 13)),
        (message("data_quality.ngram_hit.case_nothing"), ("a b c d e f g h i j k l m n o p", item, 13)),
        (message("data_quality.ngram_hit.case_paraphrase"),
         ("one old man saw a small cat", "the old man saw a small dog", 4)),
        (message("data_quality.ngram_hit.case_cut_short"), ("we met the old man", "the old man saw a small dog", 4)),
    ]
    cases = [(d, args, bool(reference_ngram_hit(*args))) for d, args in raw]
    return run_cases("ngram_hit", lambda t, i, n: fn(t, i, n), cases, rtol=0, learner=fn,
                     hint=message("data_quality.ngram_hit.hint"))
