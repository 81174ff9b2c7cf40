"""Deduplication and contamination detection, in plain numpy.

Four tools of the web-data pipeline, as Lee et al. (2021) and Brown et al. (2020) describe them:

- :func:`exact_duplicates`: documents with identical text, grouped by a hash of the text.
- :func:`repeated_substrings`: every span of at least ``min_length`` tokens that occurs more
  than once, found with a suffix array (Lee et al.'s ExactSubstr).
- :func:`minhash_signatures`, :func:`estimate_jaccard`, :func:`jaccard`, :func:`edit_similarity`,
  :func:`lsh_candidate_pairs`, :func:`lsh_candidate_probability`: near duplicates with MinHash
  and locality-sensitive hashing, confirmed by Jaccard and edit similarity (Lee et al.'s NearDup).
- :func:`ngram_overlap`: GPT-3's 13-gram test-set contamination check.

Documents are strings of whitespace-separated words. A *shingle* is a word n-gram, identified
by a 31-bit hash of its words (:func:`shingles`). MinHash uses the textbook universal hashes
``h(x) = (a·x + b) mod p`` with the Mersenne prime ``p = 2^31 − 1`` and ``a, b`` uniform in
``[1, p)``: with 31-bit shingle ids every product fits in 64 bits, so the arithmetic is exact.
(A 61-bit prime with ``a`` kept below 2^32 so that ``a·x`` fits in 64 bits gives strongly
correlated hash functions: on lesson 06's corpus, 6.4 times the theoretical error.)
"""
from __future__ import annotations

import hashlib
import zlib
from dataclasses import dataclass
from itertools import chain

import numpy as np

from course_lib.core.validation import check_array, check_count
from course_lib.corpus import as_documents, normalize

__all__ = ["PRIME", "shingles", "exact_duplicates", "RepeatedSubstrings", "suffix_array",
           "repeated_substrings", "minhash_parameters", "minhash_signatures", "estimate_jaccard",
           "jaccard", "edit_similarity", "lsh_candidate_pairs", "lsh_candidate_probability", "lsh_threshold",
           "NgramOverlap", "ngram_overlap"]

#: the Mersenne prime 2^31 - 1 of the MinHash hash functions (a·x + b) mod PRIME
PRIME = 2**31 - 1
_P = np.uint64(PRIME)
_SHIFT = np.uint64(31)
#: multiplier that combines word hashes into an n-gram hash (mod PRIME)
_BASE = np.uint64(1_000_003)
#: about this many shingles are hashed at once (the work stays in the CPU's cache)
_BLOCK_SHINGLES = 2048


class _WordHash(dict):
    """word -> crc32(word) mod PRIME, computed once per distinct word."""

    def __missing__(self, word: str) -> int:
        value = zlib.crc32(word.encode("utf-8")) % PRIME
        self[word] = value
        return value


_WORD_HASH = _WordHash()


def _shingle_stream(docs: list[str], ngram: int, name: str) -> tuple[np.ndarray, np.ndarray]:
    """All n-gram ids of all documents, concatenated, and where each document's ids start."""
    words = [d.split() for d in docs]
    lengths = np.fromiter(map(len, words), dtype=np.int64, count=len(words))
    short = np.flatnonzero(lengths < ngram)
    if short.size:
        raise ValueError(f"ngram={ngram} is longer than document {name}[{short[0]}] "
                         f"({lengths[short[0]]} words); every document needs at least ngram words")
    w = np.fromiter(map(_WORD_HASH.__getitem__, chain.from_iterable(words)), dtype=np.uint64,
                    count=int(lengths.sum()))
    n_windows = len(w) - ngram + 1
    h = w[:n_windows].copy()
    t = np.empty_like(h)
    for k in range(1, ngram):  # h = (h·BASE + w) mod p; h·BASE + w < 2^52, so one fold and one subtraction
        h *= _BASE
        h += w[k:k + n_windows]
        np.right_shift(h, _SHIFT, out=t)
        h &= _P
        h += t
        np.subtract(h, _P, out=t)
        np.minimum(h, t, out=h)
    # keep the windows that lie inside one document
    doc_starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
    counts = lengths - ngram + 1
    keep = np.ones(n_windows, dtype=bool)
    ends = doc_starts + lengths
    for back in range(1, ngram):  # the windows starting in the last ngram-1 words of a document
        idx = ends - back
        keep[idx[idx < n_windows]] = False
    ids = h[keep]
    starts = np.concatenate([[0], np.cumsum(counts)[:-1]])
    return ids, starts


def shingles(doc: str, ngram: int = 5) -> np.ndarray:
    """The sorted distinct shingle ids (31-bit hashes of word n-grams) of one document.

    Used in notebook 06 §2.

    Parameters
    ----------
    doc : str
    ngram : int
        Words per shingle.
    """
    if not isinstance(doc, str):
        raise TypeError(f"doc must be a str, got {type(doc).__name__}")
    ngram = check_count("ngram", ngram)
    ids, _ = _shingle_stream([doc], ngram, "doc")
    return np.unique(ids)


def exact_duplicates(docs) -> list[list[int]]:
    """Groups of identical documents, found by hashing each document's text.

    Used in notebook 06 §1-§2.

    Parameters
    ----------
    docs : sequence of str

    Returns
    -------
    list of list of int
        One group per text that occurs more than once: the indices of its copies, ascending;
        groups ordered by their first index. Keeping ``group[0]`` and dropping the rest
        deduplicates the corpus.
    """
    docs = as_documents("docs", docs)
    groups: dict[bytes, list[int]] = {}
    for i, doc in enumerate(docs):
        groups.setdefault(hashlib.blake2b(doc.encode("utf-8"), digest_size=16).digest(), []).append(i)
    return sorted((g for g in groups.values() if len(g) > 1), key=lambda g: g[0])


def _tokens(tokens) -> np.ndarray:
    return check_array("tokens", tokens, ndim=1, kind="iu", dtype=np.int64)


def suffix_array(tokens) -> tuple[np.ndarray, np.ndarray]:
    """The suffix array of a token sequence and the LCP of neighbouring suffixes.

    Prefix doubling: sort the suffixes by their first token, then by their first 2, 4, 8, ...
    tokens, each round sorting pairs (rank of the first half, rank of the second half), until
    every suffix has its own rank. The ranks of every round are kept, so the longest common
    prefix of two suffixes can be read off them, longest power of two first.

    Used in notebook 06 §2.

    Parameters
    ----------
    tokens : 1-d integer array

    Returns
    -------
    sa : int64 array
        ``sa[k]`` is the start of the k-th suffix in sorted order.
    lcp : int64 array
        ``lcp[k]``: the number of tokens suffixes ``sa[k]`` and ``sa[k + 1]`` share at their start
        (length ``len(tokens) - 1``).
    """
    tokens = _tokens(tokens)
    n = len(tokens)
    rank = np.unique(tokens, return_inverse=True)[1].astype(np.int64).ravel()
    ranks = [rank]  # ranks[j]: rank of the first 2**j tokens of each suffix
    step = 1
    sa = np.argsort(rank, kind="stable")
    while rank.max() < n - 1:
        second = np.zeros(n, dtype=np.int64)
        second[:n - step] = rank[step:] + 1  # 0 = past the end, which sorts first
        key = rank * (n + 1) + second
        sa = np.argsort(key, kind="stable")
        sorted_key = key[sa]
        new_rank = np.empty(n, dtype=np.int64)
        new_rank[sa] = np.concatenate([[0], np.cumsum(sorted_key[1:] != sorted_key[:-1])])
        rank = new_rank
        ranks.append(rank)
        step *= 2
    # LCP of neighbours: extend by 2**j tokens while the 2**j-prefixes have the same rank
    left, right = sa[:-1].copy(), sa[1:].copy()
    lcp = np.zeros(n - 1, dtype=np.int64)
    for j in range(len(ranks) - 1, -1, -1):
        length = 1 << j
        a, b = left + lcp, right + lcp
        ok = (a < n) & (b < n)
        same = np.zeros(n - 1, dtype=bool)
        same[ok] = ranks[j][a[ok]] == ranks[j][b[ok]]
        same &= (a + length <= n) & (b + length <= n)
        lcp[same] += length
    return sa, lcp


@dataclass(frozen=True)
class RepeatedSubstrings:
    """Where spans of at least ``min_length`` tokens repeat.

    Attributes
    ----------
    min_length : int
    starts : int64 array
        Every position where a span of at least ``min_length`` tokens begins that also occurs
        somewhere else, ascending.
    lengths : int64 array
        For each start, the length of the longest span beginning there that occurs elsewhere.
    covered : bool array
        Per token, whether it lies in such a span (what ExactSubstr would remove).
    """

    min_length: int
    starts: np.ndarray
    lengths: np.ndarray
    covered: np.ndarray

    @property
    def n_covered(self) -> int:
        """Tokens inside repeated spans."""
        return int(self.covered.sum())


def repeated_substrings(tokens, min_length: int = 50, suffixes: tuple | None = None) -> RepeatedSubstrings:
    """Every span of at least ``min_length`` tokens that occurs more than once.

    Two suffixes that share their first L tokens sit next to each other in the suffix array
    (or have only such suffixes between them), so every repeat is a neighbour pair with
    ``lcp >= min_length``. Used in notebook 06 §2.

    Parameters
    ----------
    tokens : 1-d integer array
        Token ids. To keep spans inside documents, put a unique separator between documents
        (:func:`course_lib.corpus.concatenate` does).
    min_length : int
        Shortest span that counts (Lee et al. 2021 used 50 tokens).
    suffixes : (sa, lcp), optional
        :func:`suffix_array` of ``tokens``, to reuse it for several ``min_length``.

    Returns
    -------
    RepeatedSubstrings
    """
    tokens = _tokens(tokens)
    min_length = check_count("min_length", min_length)
    if min_length > len(tokens):
        raise ValueError(f"min_length={min_length} is longer than tokens ({len(tokens)} tokens)")
    n = len(tokens)
    longest = np.zeros(n, dtype=np.int64)
    if n > 1:
        sa, lcp = suffix_array(tokens) if suffixes is None else (np.asarray(a) for a in suffixes)
        if len(sa) != n or len(lcp) != n - 1:
            raise ValueError(f"suffixes must be the suffix array and LCP of tokens (lengths {n} and {n - 1})")
        # the longest repeat starting at sa[k] is the larger LCP with its two neighbours
        np.maximum.at(longest, sa[:-1], lcp)
        np.maximum.at(longest, sa[1:], lcp)
    starts = np.flatnonzero(longest >= min_length)
    lengths = longest[starts]
    # cover [start, start + length) for every start: +1 at starts, -1 at ends, running sum
    delta = np.zeros(n + 1, dtype=np.int64)
    np.add.at(delta, starts, 1)
    np.add.at(delta, starts + lengths, -1)
    covered = np.cumsum(delta[:-1]) > 0
    return RepeatedSubstrings(min_length, starts, lengths, covered)


def minhash_parameters(num_perm: int = 128, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """The ``num_perm`` hash functions ``(a·x + b) mod (2^31 − 1)``: arrays ``a`` and ``b``.

    ``a`` and ``b`` are drawn uniformly from ``[1, p)`` with ``numpy.random.default_rng(seed)``.
    Used in notebook 06 §2.
    """
    num_perm = check_count("num_perm", num_perm)
    seed = check_count("seed", seed, minimum=0)
    rng = np.random.default_rng(seed)
    a = rng.integers(1, PRIME, num_perm, dtype=np.uint64)
    b = rng.integers(1, PRIME, num_perm, dtype=np.uint64)
    return a, b


def _hash_block(x: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """(a·x + b) mod p for every (hash function, shingle), exactly, in uint64.

    ``a·x + b < 2^62 + 2^31``; since ``2^31 ≡ 1 (mod p)``, ``v ≡ (v >> 31) + (v & p)``: two such
    folds bring v below ``p + 2``, and one conditional subtraction finishes the job (a shift, a
    mask and an add are much cheaper than numpy's 64-bit remainder).
    """
    h = a[:, None] * x[None, :]
    h += b[:, None]
    for _ in range(2):
        t = h >> _SHIFT
        h &= _P
        h += t
    np.minimum(h, h - _P, out=h)  # h - p wraps around to a huge value when h < p
    return h


def minhash_signatures(docs, num_perm: int = 128, ngram: int = 5, seed: int = 0) -> np.ndarray:
    """MinHash signatures: for each document and hash function, the smallest hash of a shingle.

    Two documents agree at one hash function with probability equal to the Jaccard similarity
    of their shingle sets, so the share of agreeing positions estimates it
    (:func:`estimate_jaccard`). Used in notebook 06 §2.

    Parameters
    ----------
    docs : sequence of str
    num_perm : int
        Number of hash functions (signature length).
    ngram : int
        Words per shingle (Lee et al. 2021: 5).
    seed : int
        Seed of the hash functions (:func:`minhash_parameters`); compare only signatures made
        with the same seed and num_perm.

    Returns
    -------
    uint64 array of shape (n_docs, num_perm), values in [0, 2^31 − 1)
    """
    docs = as_documents("docs", docs)
    num_perm = check_count("num_perm", num_perm)
    ngram = check_count("ngram", ngram)
    a, b = minhash_parameters(num_perm, seed)
    ids, starts = _shingle_stream(docs, ngram, "docs")
    n = len(docs)
    ends = np.concatenate([starts[1:], [len(ids)]])
    out = np.empty((num_perm, n), dtype=np.uint64)  # one row per hash function: contiguous writes
    # blocks of whole documents holding about _BLOCK_SHINGLES shingles each
    cuts = np.unique(np.concatenate([np.searchsorted(starts, np.arange(0, len(ids), _BLOCK_SHINGLES)), [n]]))
    for lo, hi in zip(cuts[:-1], cuts[1:]):
        h = _hash_block(ids[starts[lo]:ends[hi - 1]], a, b)
        np.minimum.reduceat(h, starts[lo:hi] - starts[lo], axis=1, out=out[:, lo:hi])
    return np.ascontiguousarray(out.T)


def estimate_jaccard(sig_a, sig_b) -> float | np.ndarray:
    """The MinHash estimate of Jaccard similarity: the share of positions where signatures agree.

    Used in notebook 06 §2. Rows of 2-d inputs are compared pairwise (broadcasting), giving
    one estimate per row.
    """
    sig_a = check_array("sig_a", sig_a, ndim=(1, 2), kind="iu")
    sig_b = check_array("sig_b", sig_b, ndim=(1, 2), kind="iu")
    if sig_a.shape[-1] != sig_b.shape[-1]:
        raise ValueError(f"sig_b must have as many hash values as sig_a ({sig_a.shape[-1]}), "
                         f"got {sig_b.shape[-1]}")
    agree = np.mean(sig_a == sig_b, axis=-1)
    return float(agree) if np.ndim(agree) == 0 else agree


def jaccard(doc_a: str, doc_b: str, ngram: int = 5) -> float:
    """Exact Jaccard similarity |A ∩ B| / |A ∪ B| of two documents' shingle sets.

    The same shingles as :func:`minhash_signatures`. Used in notebook 06 §2.
    """
    for name, doc in (("doc_a", doc_a), ("doc_b", doc_b)):
        if not isinstance(doc, str):
            raise TypeError(f"{name} must be a str, got {type(doc).__name__}")
    ngram = check_count("ngram", ngram)
    a = _shingle_stream([doc_a], ngram, "doc_a")[0]
    b = _shingle_stream([doc_b], ngram, "doc_b")[0]
    a, b = np.unique(a), np.unique(b)
    inter = len(np.intersect1d(a, b, assume_unique=True))
    return inter / (len(a) + len(b) - inter)


def edit_similarity(doc_a: str, doc_b: str) -> float:
    """Lee et al.'s edit similarity of two documents: 1 − (token edit distance) / (longer length).

    The edit distance counts the fewest single-word insertions, deletions and substitutions
    that turn one document's whitespace-separated words into the other's. NearDup (Lee et al.
    2021, App. A) counts a candidate pair as near duplicates only if this is above 0.8 as well as
    its Jaccard similarity. Computed row by row in numpy: within a row, the insertion chain is a
    running minimum (``d[j] = min_k (t[k] + j − k)``). Used in notebook 06 §1-§2.
    """
    for name, doc in (("doc_a", doc_a), ("doc_b", doc_b)):
        if not isinstance(doc, str):
            raise TypeError(f"{name} must be a str, got {type(doc).__name__}")
    vocabulary: dict[str, int] = {}
    a = np.array([vocabulary.setdefault(w, len(vocabulary)) for w in doc_a.split()], dtype=np.int64)
    b = np.array([vocabulary.setdefault(w, len(vocabulary)) for w in doc_b.split()], dtype=np.int64)
    longest = max(len(a), len(b))
    if longest == 0:
        return 1.0
    j = np.arange(len(b) + 1)
    row = j.copy()  # distances from the empty prefix of a
    for i, word in enumerate(a, start=1):
        t = np.empty_like(row)
        t[0] = i
        t[1:] = np.minimum(row[1:] + 1, row[:-1] + (b != word))  # deletion, substitution or match
        row = np.minimum.accumulate(t - j) + j  # then insertions along the row
    return 1.0 - float(row[-1]) / longest


def _check_bands_rows(bands, rows, num_perm: int | None = None) -> tuple[int, int]:
    bands, rows = check_count("bands", bands), check_count("rows", rows)
    if num_perm is not None and bands * rows != num_perm:
        raise ValueError(f"bands * rows must equal num_perm = {num_perm} (the signature length), "
                         f"got bands={bands}, rows={rows} ({bands * rows})")
    return bands, rows


def lsh_candidate_pairs(signatures, bands: int, rows: int) -> set[tuple[int, int]]:
    """Candidate near-duplicate pairs from LSH banding.

    Cut each signature into ``bands`` bands of ``rows`` values; two documents are candidates
    when they agree on every value of at least one band. Used in notebook 06 §2.

    Parameters
    ----------
    signatures : integer array (n_docs, num_perm)
    bands, rows : int
        ``bands * rows`` must equal ``num_perm``.

    Returns
    -------
    set of (i, j) with i < j
    """
    sig = check_array("signatures", signatures, ndim=2, kind="iu")
    bands, rows = _check_bands_rows(bands, rows, sig.shape[1])
    n = sig.shape[0]
    pairs = []
    for band in range(bands):
        block = np.ascontiguousarray(sig[:, band * rows:(band + 1) * rows])
        # documents with the same band share a row of `block`: group them by sorting
        keys = block.view(np.dtype((np.void, block.dtype.itemsize * rows))).ravel()
        order = np.argsort(keys, kind="stable")
        sorted_keys = keys[order]
        new_group = np.concatenate([[True], sorted_keys[1:] != sorted_keys[:-1]])
        group_start = np.flatnonzero(new_group)
        sizes = np.diff(np.concatenate([group_start, [n]]))
        for start, size in zip(group_start[sizes > 1], sizes[sizes > 1]):
            members = np.sort(order[start:start + size])
            i, j = np.triu_indices(size, 1)
            pairs.append(members[i] * n + members[j])
    if not pairs:
        return set()
    codes = np.unique(np.concatenate(pairs))
    return set(zip((codes // n).tolist(), (codes % n).tolist()))


def lsh_candidate_probability(s, bands: int, rows: int):
    """Probability that two documents of Jaccard similarity ``s`` become candidates: 1 − (1 − s^r)^b.

    Used in notebook 06 §2.
    """
    bands, rows = _check_bands_rows(bands, rows)
    s_arr = check_array("s", s, minimum=0, maximum=1, dtype=float, scalar=True)
    with np.errstate(divide="ignore"):  # s = 1: log1p(-1) = -inf, and P = 1
        p = -np.expm1(bands * np.log1p(-(s_arr ** rows)))  # accurate where P is tiny
    return float(p) if p.ndim == 0 else p


def lsh_threshold(bands: int, rows: int) -> float:
    """The similarity where the S-curve is steepest, about where P crosses 1/2: (1/b)^(1/r).

    Used in notebook 06 §2.
    """
    bands, rows = _check_bands_rows(bands, rows)
    return (1.0 / bands) ** (1.0 / rows)


@dataclass(frozen=True)
class NgramOverlap:
    """Result of :func:`ngram_overlap`.

    Attributes
    ----------
    n : int
    matches : int array
        Per test document, how many of its n-grams occur in the training documents.
    totals : int array
        Per test document, how many n-grams it has.
    contaminated : bool array
        Per test document, whether at least one n-gram occurs in training.
    train_hits : int array
        Per training document, how many distinct test n-grams it contains.
    """

    n: int
    matches: np.ndarray
    totals: np.ndarray
    contaminated: np.ndarray
    train_hits: np.ndarray


def _ngram_keys(docs: list[list[str]], n: int) -> tuple[np.ndarray, np.ndarray]:
    """64-bit keys of every n-gram of each document, and which document each comes from."""
    keys, owner = [], []
    for i, words in enumerate(docs):
        w = np.fromiter(map(_WORD_HASH.__getitem__, words), dtype=np.uint64, count=len(words))
        m = len(w) - n + 1
        if m <= 0:
            continue
        h = w[:m].copy()
        for k in range(1, n):  # a polynomial hash mod 2^64 (wraps): 64-bit keys, few collisions
            h *= np.uint64(0x100000001B3)
            h ^= w[k:k + m]
        keys.append(h)
        owner.append(np.full(m, i, dtype=np.int64))
    if not keys:
        return np.zeros(0, np.uint64), np.zeros(0, np.int64)
    return np.concatenate(keys), np.concatenate(owner)


def ngram_overlap(train_docs, test_docs, n: int = 13) -> NgramOverlap:
    """GPT-3's contamination check: which test documents share an n-gram with the training data.

    As Brown et al. (2020, App. C), a gram is a lowercase, whitespace-delimited word with its
    punctuation removed. Used in notebook 06 §1 and §3.

    Parameters
    ----------
    train_docs, test_docs : sequence of str
    n : int
        Words per n-gram (GPT-3: 13). Every test document needs at least n words (a shorter
        one cannot be checked: ValueError); a training document shorter than n simply has no
        n-grams.

    Returns
    -------
    NgramOverlap
    """
    train = [normalize(d) for d in as_documents("train_docs", train_docs)]
    test = [normalize(d) for d in as_documents("test_docs", test_docs)]
    n = check_count("n", n)
    short = [i for i, words in enumerate(test) if len(words) < n]
    if short:
        raise ValueError(f"n={n} is longer than test_docs[{short[0]}] ({len(test[short[0]])} words); "
                         f"a test document shorter than n cannot be checked")
    train_keys, train_owner = _ngram_keys(train, n)
    test_keys, test_owner = _ngram_keys(test, n)
    order = np.argsort(train_keys, kind="stable")
    sorted_keys = train_keys[order]
    pos = np.searchsorted(sorted_keys, test_keys)
    found = (pos < len(sorted_keys)) & (sorted_keys[np.minimum(pos, len(sorted_keys) - 1)] == test_keys)
    matches = np.bincount(test_owner, weights=found, minlength=len(test)).astype(np.int64)
    totals = np.bincount(test_owner, minlength=len(test)).astype(np.int64)
    test_set = np.unique(test_keys)
    in_test = np.isin(train_keys, test_set)
    hit_keys = np.unique(np.stack([train_owner[in_test].astype(np.uint64), train_keys[in_test]]), axis=1)
    train_hits = np.bincount(hit_keys[0].astype(np.int64), minlength=len(train)).astype(np.int64)
    return NgramOverlap(n, matches, totals, matches > 0, train_hits)
