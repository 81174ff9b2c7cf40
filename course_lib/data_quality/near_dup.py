"""Near-duplicate detection measured against the truth: exact Jaccard of every pair, and what LSH
banding finds at each bands × rows split.

:func:`all_pairs_jaccard` computes the exact Jaccard similarity of *every* pair of documents
from an inverted index (shingle -> documents): only shingles shared by two or more documents
contribute to an intersection, so the work is the number of (shingle, pair) incidences, not
n² set comparisons. :func:`banding_study` runs :func:`course_lib.dedup.lsh_candidate_pairs` for
each split and keeps the exact similarity of every candidate, which is all the bands × rows
demo needs.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from course_lib import dedup
from course_lib.core.messages import message
from course_lib.core.progress import progress
from course_lib.core.validation import check_array, check_bool, check_count, check_scalar
from course_lib.corpus import as_documents

__all__ = ["SPLITS", "PairJaccard", "all_pairs_jaccard", "BandingStudy", "banding_study", "minhash_errors",
           "error_ratio", "shortcut_signatures", "wilson_interval", "candidate_rate_by_seed"]

#: the bands × rows splits of 128 hash functions that the demo offers
SPLITS = ((128, 1), (64, 2), (32, 4), (16, 8), (8, 16), (4, 32), (2, 64), (1, 128))
#: edges of the similarity bins of the demo (20 bins of width 0.05)
BIN_EDGES = np.linspace(0.0, 1.0, 21)


@dataclass(frozen=True)
class PairJaccard:
    """Exact Jaccard similarity of every pair of ``n`` documents.

    ``codes`` are the pairs with a shared shingle, coded ``i * n + j`` (i < j), ascending, and
    ``similarity`` their Jaccard similarities; every other pair has similarity 0.
    """

    n: int
    codes: np.ndarray
    similarity: np.ndarray

    @property
    def n_pairs(self) -> int:
        return self.n * (self.n - 1) // 2

    def lookup(self, codes: np.ndarray) -> np.ndarray:
        """Similarity of the pairs ``codes`` (0 for pairs without a shared shingle)."""
        codes = np.asarray(codes, dtype=np.int64)
        pos = np.minimum(np.searchsorted(self.codes, codes), max(len(self.codes) - 1, 0))
        found = self.codes[pos] == codes if len(self.codes) else np.zeros(len(codes), bool)
        return np.where(found, self.similarity[pos] if len(self.codes) else 0.0, 0.0)

    def histogram(self, edges: np.ndarray = BIN_EDGES) -> np.ndarray:
        """Number of pairs per similarity bin, the pairs with similarity 0 included."""
        counts = np.histogram(self.similarity, bins=edges)[0]
        counts[0] += self.n_pairs - len(self.codes)
        return counts

    def count_at_least(self, threshold: float) -> int:
        """Pairs with similarity at least ``threshold`` (> 0)."""
        return int(np.sum(self.similarity >= threshold))


def all_pairs_jaccard(docs, ngram: int = 5) -> PairJaccard:
    """Exact Jaccard similarity of every pair of documents (on :func:`course_lib.dedup.shingles`).

    Used in notebook 06 §2.
    """
    docs = as_documents("docs", docs)
    ngram = check_count("ngram", ngram)
    n = len(docs)
    if n < 2:
        raise ValueError(f"docs must hold at least 2 documents, got {n}")
    owners, shingle_ids = [], []
    for i, doc in enumerate(docs):
        s = dedup.shingles(doc, ngram)
        shingle_ids.append(s)
        owners.append(np.full(len(s), i, dtype=np.int64))
    sizes = np.array([len(s) for s in shingle_ids], dtype=np.int64)
    ids, owner = np.concatenate(shingle_ids), np.concatenate(owners)
    order = np.lexsort((owner, ids))
    ids, owner = ids[order], owner[order]
    start = np.flatnonzero(np.concatenate([[True], ids[1:] != ids[:-1]]))
    df = np.diff(np.concatenate([start, [len(ids)]]))
    codes = []
    for d in np.unique(df[df >= 2]):  # all groups of d documents that share one shingle, at once
        groups = owner[start[df == d][:, None] + np.arange(d)]
        a, b = np.triu_indices(d, 1)
        codes.append(groups[:, a].ravel() * n + groups[:, b].ravel())
    if codes:
        pair_codes, intersection = np.unique(np.concatenate(codes), return_counts=True)
    else:
        pair_codes, intersection = np.zeros(0, np.int64), np.zeros(0, np.int64)
    i, j = pair_codes // n, pair_codes % n
    similarity = intersection / (sizes[i] + sizes[j] - intersection)
    return PairJaccard(n, pair_codes, similarity)


@dataclass(frozen=True)
class BandingStudy:
    """Candidates of each bands × rows split with their exact similarities.

    ``candidates[(b, r)]`` holds the exact Jaccard similarity of every candidate pair of that
    split; ``truth`` the exact similarities of all pairs.
    """

    num_perm: int
    truth: PairJaccard
    candidates: dict

    def rates(self, bands: int, rows: int, edges: np.ndarray = BIN_EDGES) -> np.ndarray:
        """Share of the pairs in each similarity bin that became candidates (NaN for empty bins)."""
        total = self.truth.histogram(edges)
        found = np.histogram(self.candidates[bands, rows], bins=edges)[0]
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.where(total > 0, found / np.maximum(total, 1), np.nan)

    def counts(self, bands: int, rows: int, edges: np.ndarray = BIN_EDGES) -> tuple[np.ndarray, np.ndarray]:
        """Per similarity bin: (pairs, pairs that became candidates)."""
        return self.truth.histogram(edges), np.histogram(self.candidates[bands, rows], bins=edges)[0]

    def expected(self, bands: int, rows: int, edges: np.ndarray = BIN_EDGES) -> np.ndarray:
        """Per bin, the S-curve's mean over the bin's pairs: the candidate rate theory predicts (NaN if empty)."""
        sims = self.truth.similarity
        zero = self.truth.n_pairs - len(sims)  # pairs with similarity 0 have P = 0
        out = np.full(len(edges) - 1, np.nan)
        for k, (lo, hi) in enumerate(zip(edges[:-1], edges[1:])):
            pick = sims[(sims >= lo) & ((sims < hi) if k < len(edges) - 2 else (sims <= hi))]
            total = len(pick) + (zero if k == 0 else 0)
            if total:
                out[k] = dedup.lsh_candidate_probability(pick, bands, rows).sum() / total if len(pick) else 0.0
        return out

    def precision_recall(self, bands: int, rows: int, target: float) -> tuple[int, float, float]:
        """(candidates, precision, recall) when a true near duplicate is a pair with J >= target."""
        target = check_scalar("target", target, 0.0, 1.0, include_minimum=False)
        sims = self.candidates[bands, rows]
        true_pairs = self.truth.count_at_least(target)
        hits = int(np.sum(sims >= target))
        precision = hits / len(sims) if len(sims) else float("nan")
        recall = hits / true_pairs if true_pairs else float("nan")
        return len(sims), precision, recall


def banding_study(signatures: np.ndarray, truth: PairJaccard, splits=SPLITS,
                  show_progress: bool = True) -> BandingStudy:
    """Run LSH banding for every split and look up each candidate's exact similarity.

    Used in notebook 06 §2.
    """
    signatures = check_array("signatures", signatures, ndim=2, kind="iu")
    show_progress = check_bool("show_progress", show_progress)
    if not isinstance(truth, PairJaccard) or truth.n != signatures.shape[0]:
        raise ValueError("truth must be the PairJaccard of the same documents as signatures")
    candidates = {}
    n = truth.n
    for bands, rows in progress(list(splits), label=message("data_quality.banding.progress"), enabled=show_progress):
        pairs = dedup.lsh_candidate_pairs(signatures, bands, rows)
        codes = np.sort(np.fromiter((i * n + j for i, j in pairs), dtype=np.int64, count=len(pairs)))
        candidates[bands, rows] = truth.lookup(codes)
    return BandingStudy(signatures.shape[1], truth, candidates)


def minhash_errors(signatures: np.ndarray, truth: PairJaccard, low: float = 0.2,
                   high: float = 0.8) -> tuple[np.ndarray, np.ndarray]:
    """Exact and estimated Jaccard of every pair with exact similarity in [low, high].

    Used in notebook 06 §2 (the estimate's error against sqrt(J(1 − J)/num_perm)).
    """
    if not isinstance(truth, PairJaccard):
        raise TypeError(f"truth must be a PairJaccard, got {type(truth).__name__}")
    signatures = check_array("signatures", signatures, ndim=2, kind="iu")
    if signatures.shape[0] != truth.n:
        raise ValueError(f"signatures must have one row per document of truth ({truth.n}), got {signatures.shape[0]}")
    low, high = check_scalar("low", low, 0.0, 1.0), check_scalar("high", high, 0.0, 1.0)
    pick = (truth.similarity >= low) & (truth.similarity <= high)
    codes = truth.codes[pick]
    i, j = codes // truth.n, codes % truth.n
    estimate = np.mean(signatures[i] == signatures[j], axis=1)
    return truth.similarity[pick], estimate


def error_ratio(exact: np.ndarray, estimate: np.ndarray, num_perm: int) -> float:
    """Root mean square of (estimate − exact) / sqrt(J(1 − J)/num_perm): 1 when MinHash works as theory says.

    Used in notebook 06 §2.
    """
    exact = check_array("exact", exact, ndim=1, dtype=float, minimum=0, maximum=1, include_minimum=False,
                        include_maximum=False)
    estimate = check_array("estimate", estimate, ndim=1, dtype=float, minimum=0, maximum=1)
    if exact.shape != estimate.shape:
        raise ValueError(f"estimate must match exact's shape {exact.shape}, got {estimate.shape}")
    num_perm = check_count("num_perm", num_perm)
    return float(np.sqrt(np.mean((estimate - exact) ** 2 / (exact * (1 - exact) / num_perm))))


def shortcut_signatures(docs, num_perm: int = 128, ngram: int = 5, seed: int = 0) -> np.ndarray:
    """MinHash with the tempting shortcut: p = 2^61 − 1 but a, b below 2^32 (so a·x fits in 64 bits).

    For comparison only: these hash functions are strongly correlated, and the Jaccard estimate's
    error is several times the theoretical one. Used in notebook 06 §2.
    """
    docs = as_documents("docs", docs)
    num_perm, ngram = check_count("num_perm", num_perm), check_count("ngram", ngram)
    rng = np.random.default_rng(check_count("seed", seed, minimum=0))
    a = rng.integers(1, 2**32, num_perm, dtype=np.uint64)
    b = rng.integers(0, 2**32, num_perm, dtype=np.uint64)
    ids, starts = dedup._shingle_stream(docs, ngram, "docs")
    out = np.empty((num_perm, len(docs)), dtype=np.uint64)
    for k in range(0, num_perm, 16):
        h = (a[k:k + 16, None] * ids[None, :] + b[k:k + 16, None]) % np.uint64(2**61 - 1)
        np.minimum.reduceat(h, starts, axis=1, out=out[k:k + 16])
    return np.ascontiguousarray(out.T)


def wilson_interval(hits, trials, z: float = 1.96) -> tuple[np.ndarray, np.ndarray]:
    """The Wilson score interval of a binomial share hits/trials (95% for z = 1.96); NaN where trials = 0.

    Used in notebook 06 §2 (how far a bin's measured candidate rate may sit from the S-curve by chance).
    """
    k = check_array("hits", hits, minimum=0, dtype=float, scalar=True)
    n = check_array("trials", trials, minimum=0, dtype=float, scalar=True)
    if np.any(k > n):
        raise ValueError("hits must not exceed trials")
    z = check_scalar("z", z, 0.0, include_minimum=False)
    with np.errstate(invalid="ignore", divide="ignore"):
        p = k / n
        centre = (p + z * z / (2 * n)) / (1 + z * z / n)
        half = z * np.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return np.where(n > 0, centre - half, np.nan), np.where(n > 0, centre + half, np.nan)


def candidate_rate_by_seed(docs, truth: PairJaccard, bands: int, rows: int, low: float, high: float,
                           seeds=range(10), num_perm: int = 128) -> tuple[np.ndarray, float, int]:
    """The candidate rate of the pairs with ``low <= J < high``, once per MinHash seed, and the S-curve's.

    One seed's rate is one draw: it can sit outside a bin's binomial interval by chance, and over
    seeds it averages to the S-curve. (Every pair is hashed by the same functions, but pairs that
    share no document are close to independent, so the spread over seeds is about the binomial one.)
    Used in notebook 06 §2.

    Returns
    -------
    rates : float array, one per seed
    expected : float, the S-curve's mean over those pairs
    n_pairs : int
    """
    if not isinstance(truth, PairJaccard):
        raise TypeError(f"truth must be a PairJaccard, got {type(truth).__name__}")
    low, high = check_scalar("low", low, 0.0, 1.0), check_scalar("high", high, 0.0, 1.0)
    pick = (truth.similarity >= low) & (truth.similarity < high)
    codes = truth.codes[pick]
    if not len(codes):
        raise ValueError(f"no pair has {low} <= J < {high}")
    docs = as_documents("docs", docs)
    if len(docs) != truth.n:
        raise ValueError(f"docs must be the {truth.n} documents of truth, got {len(docs)}")
    members, inverse = np.unique(np.concatenate([codes // truth.n, codes % truth.n]), return_inverse=True)
    i, j = inverse[:len(codes)], inverse[len(codes):]  # signatures only for the documents of these pairs
    rates = []
    for seed in seeds:
        sig = dedup.minhash_signatures([docs[m] for m in members], num_perm=num_perm,
                                       seed=check_count("seeds", seed, minimum=0))
        same = (sig[i] == sig[j]).reshape(len(codes), bands, rows)
        rates.append(float(same.all(axis=2).any(axis=1).mean()))
    expected = float(dedup.lsh_candidate_probability(truth.similarity[pick], bands, rows).mean())
    return np.asarray(rates), expected, int(len(codes))
