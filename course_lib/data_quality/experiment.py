"""The lesson's experiment in a few calls: the corpus, the pipeline, the near-duplicate study and
the contaminated benchmark, each with the settings the notebook uses.
"""
from __future__ import annotations

from functools import lru_cache

import numpy as np

from course_lib import dedup
from course_lib.core.validation import check_bool, check_count
from course_lib.corpus import Corpus, make_corpus
from course_lib.data_quality.contamination import BenchmarkScore, benchmark_score
from course_lib.data_quality.near_dup import SPLITS, BandingStudy, PairJaccard, all_pairs_jaccard, banding_study
from course_lib.data_quality.pipeline import PipelineResult, run_pipeline

__all__ = ["SEED", "NUM_PERM", "N_REPETITIVE", "BOOK_DOCS", "contamination_book", "lesson_corpus", "near_dup_documents", "near_dup_study", "build_study",
           "default_study", "contamination_scores"]

#: the corpus seed of the notebook
SEED = 0
#: MinHash signature length of the notebook
NUM_PERM = 128
#: documents joined into the long "book" of the contamination demo
BOOK_DOCS = 50
#: repetitive documents planted for the repetition-removal stage (appended: the rest of the corpus is unchanged)
N_REPETITIVE = 60


def lesson_corpus(seed: int = SEED) -> Corpus:
    """The lesson's corpus: :func:`course_lib.corpus.make_corpus` with its defaults and :data:`N_REPETITIVE`
    repetitive documents. Used in notebook 06 §1."""
    return make_corpus(seed=check_count("seed", seed, minimum=0), n_repetitive=N_REPETITIVE)


def near_dup_documents(result: PipelineResult) -> list[str]:
    """The documents that reached deduplication, with exact duplicates already removed.

    Used in notebook 06 §2.
    """
    if not isinstance(result, PipelineResult):
        raise TypeError(f"result must be a PipelineResult, got {type(result).__name__}")
    docs = list(result.dedup_input)
    keep = np.ones(len(docs), dtype=bool)
    for group in dedup.exact_duplicates(docs):
        keep[group[1:]] = False
    return [d for d, k in zip(docs, keep) if k]


def near_dup_study(docs, num_perm: int = NUM_PERM, splits=SPLITS,
                   show_progress: bool = True) -> tuple[np.ndarray, PairJaccard, BandingStudy]:
    """Signatures, exact Jaccard of every pair, and banding at every split. Used in notebook 06 §2."""
    show_progress = check_bool("show_progress", show_progress)
    signatures = dedup.minhash_signatures(docs, num_perm=num_perm)
    truth = all_pairs_jaccard(docs)
    return signatures, truth, banding_study(signatures, truth, splits, show_progress=show_progress)


def build_study() -> BandingStudy:
    """The notebook's banding study, rebuilt from scratch: corpus, pipeline, signatures, banding."""
    result = run_pipeline(lesson_corpus())
    return near_dup_study(near_dup_documents(result), show_progress=False)[2]


_study = lru_cache(maxsize=1)(build_study)


def default_study() -> BandingStudy:
    """The notebook's banding study (:func:`build_study`), kept for the rest of the session."""
    return _study()


def contamination_scores(corpus: Corpus | None = None,
                         result: PipelineResult | None = None) -> dict[str, BenchmarkScore]:
    """Benchmark scores of the longest-match model trained on the raw corpus and on the cleaned one.

    Used in notebook 06 §3.
    """
    corpus = lesson_corpus() if corpus is None else corpus
    result = run_pipeline(corpus) if result is None else result
    return {"raw corpus": benchmark_score(corpus, corpus.docs),
            "after the pipeline": benchmark_score(corpus, result.docs)}


def contamination_book(corpus: Corpus, result: PipelineResult, n_docs: int = BOOK_DOCS) -> str:
    """A long document ("a book"): the first training document that hosts a verbatim leak,
    followed by the next ``n_docs - 1`` documents that reached the test-set filter, one per line.

    Used in notebook 06 §3 to compare dropping the whole document with GPT-3's window filter.
    """
    if not isinstance(corpus, Corpus) or not isinstance(result, PipelineResult):
        raise TypeError("corpus must be a Corpus and result the PipelineResult of run_pipeline(corpus)")
    n_docs = check_count("n_docs", n_docs, minimum=2)
    hosts = set(corpus.test_hosts[corpus.test_leak == "verbatim"].tolist())
    first = next(k for k, i in enumerate(result.test_source) if int(i) in hosts)
    others = [d for k, (d, i) in enumerate(zip(result.test_input, result.test_source))
              if k != first and int(i) not in set(corpus.test_hosts.tolist())]
    return "\n".join([result.test_input[first]] + others[:n_docs - 1])
