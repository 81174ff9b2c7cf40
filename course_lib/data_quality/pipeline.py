"""The MassiveText-style cleaning pipeline, stage by stage, scored against the planted truth.

Gopher's MassiveWeb pipeline (Rae et al. 2021, App. A) runs, in order: content filtering, text
extraction from HTML, quality filtering, deduplication and test-set filtering. Each stage here
is a small function on plain strings; :func:`run_pipeline` applies them in order to a
:class:`course_lib.corpus.Corpus` and scores what each removed against the ground truth of what
that stage should remove (precision: how much of what it removed was a planted problem;
recall: how much of the planted problem it removed).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from course_lib import dedup
from course_lib.core.validation import check_count, check_scalar
from course_lib.corpus import BLOCKLIST, Corpus
from course_lib.papers import brown2020, lee2021, rae2021

__all__ = ["BOILERPLATE_OPENERS", "StageResult", "PipelineResult", "content_filter", "html_to_text",
           "quality_problem", "quality_filter", "near_duplicate_clusters", "deduplicate",
           "test_set_filter", "run_pipeline", "stage_table", "dedup_recall_by_edit_rate"]

#: lines that open one of these elements are page furniture, not content
BOILERPLATE_OPENERS = ("<html>", "<head>", "<nav>", "<footer>", "<script>", "<div class=cookie>")
_BULLETS = ("•", "-", "*", "‣")


def content_filter(docs, blocklist=BLOCKLIST, min_hits: int = 3) -> np.ndarray:
    """Keep a document unless it contains at least ``min_hits`` blocklisted words.

    A stand-in for Gopher's SafeSearch filter. Used in notebook 06 §1.

    Returns
    -------
    bool array: True = keep
    """
    min_hits = check_count("min_hits", min_hits)
    blocked = {w.lower() for w in blocklist}
    keep = []
    for doc in docs:
        words = (w.strip(".,!?:;").lower() for w in doc.split())
        keep.append(sum(w in blocked for w in words) < min_hits)
    return np.asarray(keep, dtype=bool)


def html_to_text(doc: str) -> tuple[str, tuple[int, ...]]:
    """Extract the text of an HTML-like page: drop page furniture, strip the remaining tags.

    A line that opens a navigation bar, footer, script, head or cookie banner is dropped; the
    tags of other lines are removed, and lines left empty are dropped. Boilerplate without a
    tag (a "Share this article" line) stays: the extractor cannot tell it from content.
    Used in notebook 06 §1.

    Returns
    -------
    text : str
    dropped : tuple of int, the indices of the dropped lines
    """
    if not isinstance(doc, str):
        raise TypeError(f"doc must be a str, got {type(doc).__name__}")
    kept, dropped = [], []
    for i, line in enumerate(doc.split("\n")):
        if line.startswith(BOILERPLATE_OPENERS):
            dropped.append(i)
            continue
        words = [w for w in line.split() if not (w.startswith("<") and w.endswith(">"))]
        if not words:
            dropped.append(i)
            continue
        kept.append(" ".join(words))
    return "\n".join(kept), tuple(dropped)


def quality_problem(doc: str, rules: dict | None = None) -> str:
    """The first Gopher quality rule ``doc`` breaks, or ``""`` if it passes them all.

    Rules and thresholds: :data:`course_lib.papers.rae2021.QUALITY_RULES`. Used in notebook 06 §1.
    """
    if not isinstance(doc, str):
        raise TypeError(f"doc must be a str, got {type(doc).__name__}")
    r = {**rae2021.QUALITY_RULES, **(rules or {})}
    words = doc.split()
    n = len(words)
    if not r["min_words"] <= n <= r["max_words"]:
        return "word count"
    mean_length = sum(map(len, words)) / n
    if not r["min_mean_word_length"] <= mean_length <= r["max_mean_word_length"]:
        return "mean word length"
    if (doc.count("#") + doc.count("...")) / n > r["max_symbol_word_ratio"]:
        return "symbol ratio"
    lines = [line for line in doc.split("\n") if line.strip()]
    if sum(line.lstrip().startswith(_BULLETS) for line in lines) / len(lines) > r["max_bullet_lines_ratio"]:
        return "bullet lines"
    if sum(line.rstrip().endswith(("...", "…")) for line in lines) / len(lines) > r["max_ellipsis_lines_ratio"]:
        return "ellipsis lines"
    if sum(any(ch.isalpha() for ch in w) for w in words) / n < r["min_alpha_words_ratio"]:
        return "alphabetic words"
    stop = set(rae2021.STOP_WORDS)
    if sum(w.lower() in stop for w in words) < rae2021.MIN_STOP_WORDS:
        return "stop words"
    return ""


def quality_filter(docs) -> tuple[np.ndarray, list[str]]:
    """Keep the documents that pass every Gopher quality rule; say which rule each other breaks.

    Used in notebook 06 §1.
    """
    problems = [quality_problem(d) for d in docs]
    return np.asarray([p == "" for p in problems], dtype=bool), problems


def _components(n: int, pairs) -> np.ndarray:
    """Connected components (union-find): the smallest member's index for every document."""
    parent = list(range(n))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in pairs:
        ri, rj = root(i), root(j)
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)
    return np.asarray([root(i) for i in range(n)])


def near_duplicate_clusters(docs, num_perm: int = 128, bands: int = 16, rows: int = 8,
                            threshold: float = lee2021.NEAR_DUP_JACCARD, ngram: int = lee2021.NEAR_DUP_NGRAM,
                            seed: int = 0) -> tuple[np.ndarray, int, int]:
    """NearDup: MinHash + LSH candidates, confirmed by exact Jaccard, then connected components.

    Used in notebook 06 §1.

    Returns
    -------
    cluster : int array, the smallest index of each document's cluster (itself if alone)
    n_candidates : int, candidate pairs from banding
    n_confirmed : int, candidate pairs with exact Jaccard above ``threshold``
    """
    threshold = check_scalar("threshold", threshold, 0.0, 1.0)
    docs = list(docs)
    signatures = dedup.minhash_signatures(docs, num_perm=num_perm, ngram=ngram, seed=seed)
    candidates = sorted(dedup.lsh_candidate_pairs(signatures, bands, rows))
    confirmed = [(i, j) for i, j in candidates if dedup.jaccard(docs[i], docs[j], ngram) > threshold]
    return _components(len(docs), confirmed), len(candidates), len(confirmed)


def deduplicate(docs, **near_dup_settings) -> tuple[np.ndarray, dict]:
    """Exact dedup (hash of the text), then near dedup (:func:`near_duplicate_clusters`).

    Keeps the first document of each group. Used in notebook 06 §1.

    Returns
    -------
    keep : bool array
    info : dict with the number of exact groups, candidate and confirmed pairs
    """
    docs = list(docs)
    keep = np.ones(len(docs), dtype=bool)
    groups = dedup.exact_duplicates(docs)
    for group in groups:
        keep[group[1:]] = False
    survivors = np.flatnonzero(keep)
    cluster, n_candidates, n_confirmed = near_duplicate_clusters([docs[i] for i in survivors],
                                                                 **near_dup_settings)
    keep[survivors[cluster != np.arange(len(survivors))]] = False
    return keep, {"exact_groups": len(groups), "exact_removed": sum(len(g) - 1 for g in groups),
                  "candidates": n_candidates, "confirmed": n_confirmed}


def test_set_filter(docs, test_items, n: int = brown2020.NGRAM) -> tuple[np.ndarray, np.ndarray]:
    """Drop every training document that shares an n-gram with a test item (GPT-3's 13-gram test).

    Items shorter than ``n`` words cannot be checked and are skipped. (GPT-3 removed the
    colliding 13-gram with a 200-character window and split the document; dropping the whole
    document is the simpler variant.) Used in notebook 06 §1.

    Returns
    -------
    keep : bool array over ``docs``
    checked : bool array over ``test_items``, whether the item was long enough to check
    """
    n = check_count("n", n)
    checked = np.asarray([len(t.split()) >= n for t in test_items], dtype=bool)
    items = [t for t, ok in zip(test_items, checked) if ok]
    if not items:
        return np.ones(len(docs), dtype=bool), checked
    overlap = dedup.ngram_overlap(docs, items, n=n)
    return overlap.train_hits == 0, checked


@dataclass(frozen=True)
class StageResult:
    """What one stage removed, against what it should have removed.

    ``unit`` is what is counted: documents, or lines for text extraction. ``planted`` counts the
    planted problems of this stage among the units that reached it; ``removed`` what it
    removed; ``caught`` the planted ones among the removed.
    """

    name: str
    unit: str
    n_in: int
    removed: int
    planted: int
    caught: int

    @property
    def precision(self) -> float:
        return self.caught / self.removed if self.removed else float("nan")

    @property
    def recall(self) -> float:
        return self.caught / self.planted if self.planted else float("nan")


@dataclass(frozen=True)
class PipelineResult:
    """Every stage's :class:`StageResult`, and the documents that came through.

    ``docs`` are the cleaned texts; ``source[k]`` is the corpus index of ``docs[k]``;
    ``dedup_input`` and ``dedup_source`` the texts (and corpus indices) that reached
    deduplication; ``dedup_info`` what :func:`deduplicate` reported; ``quality_problems``
    maps each rule to the documents it removed; ``test_checked`` says which test items were
    long enough for the test-set filter; ``test_removed`` the documents that filter removed.
    """

    stages: tuple[StageResult, ...]
    docs: tuple[str, ...]
    source: np.ndarray
    dedup_input: tuple[str, ...]
    dedup_source: np.ndarray
    dedup_info: dict
    quality_problems: dict
    test_checked: np.ndarray
    test_removed: np.ndarray


def run_pipeline(corpus: Corpus, num_perm: int = 128, bands: int = 16, rows: int = 8,
                 threshold: float = lee2021.NEAR_DUP_JACCARD, test_ngram: int = brown2020.NGRAM) -> PipelineResult:
    """Apply the five stages in order to ``corpus`` and score each against the planted truth.

    Used in notebook 06 §1.
    """
    if not isinstance(corpus, Corpus):
        raise TypeError(f"corpus must be a course_lib.corpus.Corpus, got {type(corpus).__name__}")
    stages = []
    idx = np.arange(len(corpus))
    docs = list(corpus.docs)

    keep = content_filter(docs)
    truth = corpus.kind[idx] == "unsafe"
    stages.append(StageResult("content filtering", "documents", len(idx), int((~keep).sum()),
                              int(truth.sum()), int((~keep & truth).sum())))
    idx, docs = idx[keep], [d for d, k in zip(docs, keep) if k]

    extracted, lines_in, lines_removed, planted, caught = [], 0, 0, 0, 0
    for i, doc in zip(idx, docs):
        text, dropped = html_to_text(doc)
        junk = set(corpus.junk_lines[i])
        lines_in += doc.count("\n") + 1
        lines_removed += len(dropped)
        planted += len(junk)
        caught += len(junk & set(dropped))
        extracted.append(text)
    stages.append(StageResult("text extraction", "lines", lines_in, lines_removed, planted, caught))
    docs = extracted

    keep, problems = quality_filter(docs)
    truth = corpus.kind[idx] == "low_quality"
    stages.append(StageResult("quality filtering", "documents", len(idx), int((~keep).sum()),
                              int(truth.sum()), int((~keep & truth).sum())))
    by_rule: dict[str, list[int]] = {}
    for i, p in zip(idx, problems):
        if p:
            by_rule.setdefault(p, []).append(int(i))
    idx, docs = idx[keep], [d for d, k in zip(docs, keep) if k]

    dedup_input, dedup_source = tuple(docs), idx.copy()
    keep, info = deduplicate(docs, num_perm=num_perm, bands=bands, rows=rows, threshold=threshold)
    truth = corpus.duplicate_of[idx] >= 0
    stages.append(StageResult("deduplication", "documents", len(idx), int((~keep).sum()),
                              int(truth.sum()), int((~keep & truth).sum())))
    idx, docs = idx[keep], [d for d, k in zip(docs, keep) if k]

    keep, checked = test_set_filter(docs, corpus.test_items, n=test_ngram)
    hosts = set(corpus.test_hosts[corpus.test_hosts >= 0].tolist())
    truth = np.asarray([i in hosts for i in idx], dtype=bool)
    stages.append(StageResult("test-set filtering", "documents", len(idx), int((~keep).sum()),
                              int(truth.sum()), int((~keep & truth).sum())))
    test_removed = idx[~keep]
    idx, docs = idx[keep], [d for d, k in zip(docs, keep) if k]
    return PipelineResult(tuple(stages), tuple(docs), idx, dedup_input, dedup_source, info, by_rule, checked,
                          test_removed)


def _pct(x: float) -> str:
    return "   —" if np.isnan(x) else f"{100 * x:4.0f}%"


def stage_table(stages) -> str:
    """The stages as a plain-text table (name, unit, in, removed, planted, precision, recall).

    Used in notebook 06 §1.
    """
    head = f"{'stage':<20}{'unit':<11}{'in':>7}{'removed':>9}{'planted':>9}{'precision':>11}{'recall':>8}"
    rows = [head, "-" * len(head)]
    for s in stages:
        rows.append(f"{s.name:<20}{s.unit:<11}{s.n_in:>7}{s.removed:>9}{s.planted:>9}"
                    f"{_pct(s.precision):>11}{_pct(s.recall):>8}")
    return "\n".join(rows)


def dedup_recall_by_edit_rate(corpus: Corpus, result: PipelineResult) -> dict[float, tuple[int, float]]:
    """Per edit rate of the planted copies that reached deduplication: (copies, share removed).

    Used in notebook 06 §1.
    """
    if not isinstance(corpus, Corpus) or not isinstance(result, PipelineResult):
        raise TypeError("corpus must be a Corpus and result the PipelineResult of run_pipeline(corpus)")
    kept = np.zeros(len(corpus), dtype=bool)
    kept[result.source] = True
    reached = result.dedup_source[corpus.duplicate_of[result.dedup_source] >= 0]
    out = {}
    for rate in np.unique(corpus.edit_rate[reached]):
        copies = reached[corpus.edit_rate[reached] == rate]
        # removed at deduplication: reached it, and not among the final documents or the test filter's drops
        removed_later = set(result.test_removed.tolist())
        gone = [not kept[i] and i not in removed_later for i in copies]
        out[float(rate)] = (len(copies), float(np.mean(gone)))
    return out
