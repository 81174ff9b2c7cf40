"""The MassiveText-style cleaning pipeline, stage by stage, scored against the planted truth.

Gopher's MassiveWeb pipeline (Rae et al. 2021, App. A) runs six stages in order: content
filtering, text extraction from HTML, quality filtering, repetition removal, document
deduplication and test-set filtering. The last two are a hybrid here, labelled as such in the
lesson: Lee et al.'s NearDup (MinHash on word 5-grams, Jaccard and edit similarity above 0.8)
where Gopher used MinHash on 13-grams, and GPT-3's 13-gram overlap test where Gopher used
13-gram Jaccard similarity. Each stage here
is a small function on plain strings; :func:`run_pipeline` applies them in order to a
:class:`course_lib.corpus.Corpus` and scores what each removed against the ground truth of what
that stage should remove (precision: how much of what it removed was a planted problem;
recall: how much of the planted problem it removed).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import numpy as np

from course_lib import dedup
from course_lib.core.messages import message
from course_lib.core.validation import check_count, check_scalar
from course_lib.corpus import BLOCKLIST, Corpus, as_documents
from course_lib.papers import brown2020, lee2021, rae2021

__all__ = ["BOILERPLATE_OPENERS", "StageResult", "PipelineResult", "content_filter", "html_to_text",
           "quality_problem", "quality_filter", "repetition_problem", "repetition_filter", "union_find",
           "NearDupResult", "near_duplicate_clusters", "deduplicate",
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
    docs = as_documents("docs", docs)
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
    problems = [quality_problem(d) for d in as_documents("docs", docs)]
    return np.asarray([p == "" for p in problems], dtype=bool), problems


def _duplicates(items: list[str]) -> tuple[int, int]:
    """How many items repeat an earlier one, and how many characters those repeats hold."""
    seen, count, chars = set(), 0, 0
    for item in items:
        if item in seen:
            count += 1
            chars += len(item)
        else:
            seen.add(item)
    return count, chars


def _ngram_char_fractions(docs: list[str]) -> dict[str, np.ndarray]:
    """Per document, Table A1's n-gram measures, for every document at once (numpy, no loop over documents).

    ``top n`` (n = 2-4): characters of the most frequent n-gram times its count; ``duplicate n``
    (n = 5-10): characters of the words inside an n-gram that repeats an earlier one of the
    same document (overlapping repeats counted once). Both divided by the document's length.
    """
    vocabulary: dict[str, int] = {}
    words = [d.split() for d in docs]
    lengths = np.array([len(w) for w in words], dtype=np.int64)
    flat = [w for ws in words for w in ws]
    ids = np.array([vocabulary.setdefault(w, len(vocabulary)) for w in flat], dtype=np.uint64) + np.uint64(1)
    wlen = np.array([len(w) for w in flat], dtype=np.int64)
    doc_of = np.repeat(np.arange(len(docs)), lengths)
    chars = np.concatenate([[0], np.cumsum(wlen + 1)])  # a gram of words i..i+n-1 has chars[i+n]-chars[i]-1
    size = np.maximum(np.array([len(d) for d in docs], dtype=float), 1.0)
    out = {}
    total = len(flat)
    h = ids.copy()
    for n in range(2, 11):
        m = total - n + 1
        if m <= 0:
            for name in ("top", "duplicate"):
                out[f"{name} {n}"] = np.zeros(len(docs))
            continue
        h = h[:m] * np.uint64(0x100000001B3) + ids[n - 1:n - 1 + m]  # a 64-bit polynomial hash (wraps)
        start = np.flatnonzero(doc_of[:m] == doc_of[n - 1:n - 1 + m])  # windows inside one document
        key, doc = h[start], doc_of[start]
        order = np.lexsort((start, key, doc))
        key, doc, start = key[order], doc[order], start[order]
        first = np.concatenate([[True], (key[1:] != key[:-1]) | (doc[1:] != doc[:-1])])
        if n in rae2021.TOP_NGRAM_CHAR_FRACTION:
            group = np.cumsum(first) - 1
            count = np.bincount(group)
            gram_chars = chars[start[first] + n] - chars[start[first]] - 1
            top = np.zeros(len(docs))
            np.maximum.at(top, doc[first], count * gram_chars)
            out[f"top {n}"] = top / size
        if n in rae2021.DUPLICATE_NGRAM_CHAR_FRACTION:
            repeat = start[~first]
            delta = np.zeros(total + 1, dtype=np.int64)
            np.add.at(delta, repeat, 1)
            np.add.at(delta, repeat + n, -1)
            covered = np.cumsum(delta[:-1]) > 0
            dup = np.bincount(doc_of[covered], weights=wlen[covered] + 1, minlength=len(docs))
            out[f"duplicate {n}"] = dup / size
    return out


def repetition_filter(docs) -> tuple[np.ndarray, list[str]]:
    """Keep the documents that break no Gopher repetition rule; say which rule each other breaks.

    Rules and thresholds: Rae et al. (2021), Table A1 (:data:`course_lib.papers.rae2021.REPETITION_RULES`,
    :data:`~course_lib.papers.rae2021.TOP_NGRAM_CHAR_FRACTION`,
    :data:`~course_lib.papers.rae2021.DUPLICATE_NGRAM_CHAR_FRACTION`), measured much as the open
    ``datatrove`` re-implementation does, on whitespace-separated words. Paragraphs are separated
    by blank lines; in this course's corpus a line is a paragraph (text extraction drops blank
    lines), so the paragraph rules see one paragraph per document. Used in notebook 06 §1.

    Returns
    -------
    keep : bool array
    problems : list of str, the first rule each document breaks (``""`` if none)
    """
    docs = as_documents("docs", docs)
    rules = rae2021.REPETITION_RULES
    ngram = _ngram_char_fractions(docs)
    problems = []
    for k, doc in enumerate(docs):
        problem, size = "", max(len(doc), 1)
        for unit, parts in (("paragraph", re.split(r"\n{2,}", doc.strip())), ("line", doc.splitlines() or [""])):
            count, chars = _duplicates(parts)
            if count / len(parts) > rules[f"duplicate {unit} fraction"]:
                problem = f"duplicate {unit} fraction"
            elif chars / size > rules[f"duplicate {unit} character fraction"]:
                problem = f"duplicate {unit} character fraction"
            if problem:
                break
        if not problem:
            limits = [(f"top {n}", f"top {n}-gram character fraction", v)
                      for n, v in rae2021.TOP_NGRAM_CHAR_FRACTION.items()]
            limits += [(f"duplicate {n}", f"duplicate {n}-gram character fraction", v)
                       for n, v in rae2021.DUPLICATE_NGRAM_CHAR_FRACTION.items()]
            problem = next((name for key, name, v in limits if ngram[key][k] > v), "")
        problems.append(problem)
    return np.asarray([p == "" for p in problems], dtype=bool), problems


def repetition_problem(doc: str) -> str:
    """The first Gopher repetition rule (Table A1) ``doc`` breaks, or ``""``: :func:`repetition_filter` of one document.

    Used in notebook 06 §1.
    """
    if not isinstance(doc, str):
        raise TypeError(f"doc must be a str, got {type(doc).__name__}")
    return repetition_filter([doc])[1][0]


def union_find(n: int, pairs) -> np.ndarray:
    """Clusters of ``n`` items linked by ``pairs`` (union-find): each item's smallest cluster member.

    Links chain: if A~B and B~C, then A, B and C are one cluster even when A and C are not
    similar. NearDup (Lee et al. 2021) clusters its confirmed pairs this way and keeps one
    document per cluster. Used in notebook 06 §2.
    """
    n = check_count("n", n, minimum=0)
    parent = list(range(n))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in pairs:
        if not (0 <= i < n and 0 <= j < n):
            raise ValueError(f"pairs must hold indices in [0, {n}), got ({i}, {j})")
        ri, rj = root(int(i)), root(int(j))
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)
    return np.asarray([root(i) for i in range(n)], dtype=np.int64)


@dataclass(frozen=True)
class NearDupResult:
    """What :func:`near_duplicate_clusters` found.

    ``cluster[k]`` is the smallest index in document k's cluster; ``candidates`` the LSH
    candidate pairs; ``jaccard`` and ``edit`` their exact Jaccard and edit similarities;
    ``confirmed`` which candidates passed both tests.
    """

    cluster: np.ndarray
    candidates: tuple
    jaccard: np.ndarray
    edit: np.ndarray
    confirmed: np.ndarray


def near_duplicate_clusters(docs, num_perm: int = 128, bands: int = 16, rows: int = 8,
                            threshold: float = lee2021.NEAR_DUP_JACCARD,
                            edit_threshold: float = lee2021.NEAR_DUP_EDIT_SIMILARITY,
                            ngram: int = lee2021.NEAR_DUP_NGRAM, seed: int = 0) -> NearDupResult:
    """NearDup: MinHash + LSH candidates, confirmed by exact Jaccard *and* edit similarity, then union-find.

    As Lee et al. (2021, App. A): a candidate pair is a near duplicate when its Jaccard
    similarity is above ``threshold`` and its edit similarity (:func:`course_lib.dedup.edit_similarity`)
    above ``edit_threshold``. Used in notebook 06 §1-§2.
    """
    docs = as_documents("docs", docs)
    threshold = check_scalar("threshold", threshold, 0.0, 1.0)
    edit_threshold = check_scalar("edit_threshold", edit_threshold, 0.0, 1.0)
    signatures = dedup.minhash_signatures(docs, num_perm=num_perm, ngram=ngram, seed=seed)
    candidates = tuple(sorted(dedup.lsh_candidate_pairs(signatures, bands, rows)))
    jac = np.array([dedup.jaccard(docs[i], docs[j], ngram) for i, j in candidates], dtype=float)
    # the edit distance is the costly test: only for pairs that pass the Jaccard test
    edit = np.array([dedup.edit_similarity(docs[i], docs[j]) if J > threshold else np.nan
                     for (i, j), J in zip(candidates, jac)], dtype=float)
    confirmed = (jac > threshold) & (np.nan_to_num(edit, nan=0.0) > edit_threshold)
    cluster = union_find(len(docs), [p for p, ok in zip(candidates, confirmed) if ok])
    return NearDupResult(cluster, candidates, jac, edit, confirmed)


def deduplicate(docs, **near_dup_settings) -> tuple[np.ndarray, dict]:
    """Exact dedup (hash of the text), then near dedup (:func:`near_duplicate_clusters`).

    Keeps the first document of each group or cluster. Used in notebook 06 §1.

    Returns
    -------
    keep : bool array
    info : dict: exact groups and copies removed; candidate pairs, pairs with Jaccard above the
        threshold, pairs confirmed by both tests, clusters of two or more, near copies removed
    """
    docs = as_documents("docs", docs)
    keep = np.ones(len(docs), dtype=bool)
    groups = dedup.exact_duplicates(docs)
    for group in groups:
        keep[group[1:]] = False
    survivors = np.flatnonzero(keep)
    near = near_duplicate_clusters([docs[i] for i in survivors], **near_dup_settings)
    drop = near.cluster != np.arange(len(survivors))
    keep[survivors[drop]] = False
    threshold = near_dup_settings.get("threshold", lee2021.NEAR_DUP_JACCARD)
    sizes = np.bincount(near.cluster, minlength=len(survivors))
    return keep, {"exact_groups": len(groups), "exact_removed": sum(len(g) - 1 for g in groups),
                  "candidates": len(near.candidates), "jaccard_above": int(np.sum(near.jaccard > threshold)),
                  "confirmed": int(near.confirmed.sum()), "clusters": int(np.sum(sizes >= 2)),
                  "near_removed": int(drop.sum())}


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
    deduplication; ``dedup_info`` what :func:`deduplicate` reported; ``quality_problems`` and
    ``repetition_problems`` map each quality or repetition rule to the documents it removed;
    ``test_input`` and ``test_source`` the texts (and corpus indices) that reached the test-set filter; ``test_checked`` says which test items were
    long enough for the test-set filter; ``test_removed`` the documents that filter removed.
    """

    stages: tuple[StageResult, ...]
    docs: tuple[str, ...]
    source: np.ndarray
    dedup_input: tuple[str, ...]
    dedup_source: np.ndarray
    dedup_info: dict
    quality_problems: dict
    repetition_problems: dict
    test_input: tuple[str, ...]
    test_source: np.ndarray
    test_checked: np.ndarray
    test_removed: np.ndarray


def run_pipeline(corpus: Corpus, num_perm: int = 128, bands: int = 16, rows: int = 8,
                 threshold: float = lee2021.NEAR_DUP_JACCARD, test_ngram: int = brown2020.NGRAM) -> PipelineResult:
    """Apply the six stages in order to ``corpus`` and score each against the planted truth.

    The stages are Gopher's (Rae et al. 2021, App. A), but deduplication and test-set filtering
    are a hybrid: Lee et al.'s NearDup on word 5-grams (Gopher used MinHash on 13-grams) and
    GPT-3's 13-gram overlap test (Gopher used 13-gram Jaccard similarity).

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
    repetition_problems: dict[str, list[int]] = {}
    for i, p in zip(idx, problems):
        if p:
            by_rule.setdefault(p, []).append(int(i))
    idx, docs = idx[keep], [d for d, k in zip(docs, keep) if k]

    keep, problems = repetition_filter(docs)
    truth = corpus.kind[idx] == "repetitive"
    stages.append(StageResult("repetition removal", "documents", len(idx), int((~keep).sum()),
                              int(truth.sum()), int((~keep & truth).sum())))
    for i, p in zip(idx, problems):
        if p:
            repetition_problems.setdefault(p, []).append(int(i))
    idx, docs = idx[keep], [d for d, k in zip(docs, keep) if k]

    dedup_input, dedup_source = tuple(docs), idx.copy()
    keep, info = deduplicate(docs, num_perm=num_perm, bands=bands, rows=rows, threshold=threshold)
    truth = corpus.duplicate_of[idx] >= 0
    stages.append(StageResult("document deduplication", "documents", len(idx), int((~keep).sum()),
                              int(truth.sum()), int((~keep & truth).sum())))
    idx, docs = idx[keep], [d for d, k in zip(docs, keep) if k]

    test_input, test_source = tuple(docs), idx.copy()
    keep, checked = test_set_filter(docs, corpus.test_items, n=test_ngram)
    hosts = set(corpus.test_hosts[corpus.test_hosts >= 0].tolist())
    truth = np.asarray([i in hosts for i in idx], dtype=bool)
    stages.append(StageResult("test-set filtering", "documents", len(idx), int((~keep).sum()),
                              int(truth.sum()), int((~keep & truth).sum())))
    test_removed = idx[~keep]
    idx, docs = idx[keep], [d for d, k in zip(docs, keep) if k]
    return PipelineResult(tuple(stages), tuple(docs), idx, dedup_input, dedup_source, info, by_rule,
                          repetition_problems, test_input, test_source, checked, test_removed)


def _pct(x: float) -> str:
    return "   —" if np.isnan(x) else f"{100 * x:4.0f}%"


def _width(text: str) -> int:
    """Columns ``text`` takes in a monospaced font (a Chinese character takes two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _cell(text: str, width: int, right: bool = False) -> str:
    pad = " " * max(0, width - _width(text))
    return pad + text if right else text + pad


def _stage_text(name: str) -> str:
    """A stage's or a unit's name in the course's language (``StageResult`` keeps the English one)."""
    texts = {"content filtering": message("data_quality.stages.content_filtering"),
             "text extraction": message("data_quality.stages.text_extraction"),
             "quality filtering": message("data_quality.stages.quality_filtering"),
             "repetition removal": message("data_quality.stages.repetition_removal"),
             "document deduplication": message("data_quality.stages.document_deduplication"),
             "test-set filtering": message("data_quality.stages.test_set_filtering"),
             "documents": message("data_quality.stages.unit_documents"),
             "lines": message("data_quality.stages.unit_lines")}
    return texts.get(name, name)


def stage_table(stages) -> str:
    """The stages as a plain-text table (name, unit, in, removed, planted, precision, recall).

    Used in notebook 06 §1.
    """
    widths = (24, 11, 7, 9, 9, 11, 8)
    headers = (message("data_quality.stages.header_stage"), message("data_quality.stages.header_unit"),
               message("data_quality.stages.header_in"), message("data_quality.stages.header_removed"),
               message("data_quality.stages.header_planted"), message("data_quality.stages.header_precision"),
               message("data_quality.stages.header_recall"))
    head = "".join(_cell(text, w, right=k >= 2) for k, (text, w) in enumerate(zip(headers, widths)))
    rows = [head, "-" * _width(head)]
    for s in stages:
        cells = (_stage_text(s.name), _stage_text(s.unit), f"{s.n_in}", f"{s.removed}", f"{s.planted}",
                 _pct(s.precision), _pct(s.recall))
        rows.append("".join(_cell(text, w, right=k >= 2) for k, (text, w) in enumerate(zip(cells, widths))))
    return "\n".join(rows)


def dedup_recall_by_edit_rate(corpus: Corpus, result: PipelineResult) -> dict[str, tuple[int, float]]:
    """Planted copies that reached deduplication, and the share of them it removed, by how they were made.

    Rows: ``"exact copies"`` (planted at edit rate 0), ``"identical near copies"`` (planted with
    an edit rate but identical to their original after text extraction: the edits changed
    nothing, or only page furniture), then one row ``"edit rate 0.01"`` ... per edit rate for the
    near copies that differ from their original. Used in notebook 06 §1.
    """
    if not isinstance(corpus, Corpus) or not isinstance(result, PipelineResult):
        raise TypeError("corpus must be a Corpus and result the PipelineResult of run_pipeline(corpus)")
    removed = np.zeros(len(corpus), dtype=bool)
    removed[result.dedup_source] = True
    removed[result.source] = False
    removed[result.test_removed] = False  # removed later, by the test-set filter
    text_of = dict(zip(result.dedup_source.tolist(), result.dedup_input))
    reached = result.dedup_source[corpus.duplicate_of[result.dedup_source] >= 0]
    rate = corpus.edit_rate[reached]
    identical = np.array([text_of[int(i)] == text_of.get(int(corpus.duplicate_of[i])) for i in reached], bool)
    groups = {"exact copies": rate == 0, "identical near copies": (rate > 0) & identical}
    for r in np.unique(rate[rate > 0]):
        groups[f"edit rate {r:.2f}"] = (rate == r) & ~identical
    return {name: (int(pick.sum()), float(removed[reached[pick]].mean()) if pick.any() else float("nan"))
            for name, pick in groups.items()}
