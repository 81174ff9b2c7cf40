"""Lesson 06, data quality and deduplication (``notebooks/06_data_and_dedup.ipynb``).

Notebook section -> what it calls:

- §1 The pipeline: :func:`course_lib.corpus.make_corpus` (through
  :func:`~course_lib.data_quality.experiment.lesson_corpus`), :mod:`course_lib.papers.rae2021`,
  :func:`~course_lib.data_quality.pipeline.content_filter`,
  :func:`~course_lib.data_quality.pipeline.html_to_text`,
  :func:`~course_lib.data_quality.pipeline.quality_problem`,
  :func:`~course_lib.data_quality.pipeline.repetition_filter`,
  :func:`~course_lib.data_quality.pipeline.run_pipeline`, :func:`~course_lib.data_quality.pipeline.stage_table`,
  :func:`~course_lib.data_quality.pipeline.dedup_recall_by_edit_rate`.
- §2 Exact, substring and near-duplicate removal: :func:`course_lib.dedup.exact_duplicates`;
  :func:`course_lib.dedup.suffix_array`, :func:`course_lib.dedup.repeated_substrings`,
  :mod:`~course_lib.data_quality.substrings`; :func:`course_lib.dedup.shingles`,
  :func:`course_lib.dedup.minhash_signatures`, :func:`course_lib.dedup.jaccard`,
  :func:`course_lib.dedup.estimate_jaccard`, :func:`~course_lib.data_quality.checks.minhash_signature`
  (exercise 2.1); :func:`course_lib.dedup.lsh_candidate_probability`,
  :func:`~course_lib.data_quality.checks.choose_bands_rows` (exercise 2.2),
  :mod:`course_lib.papers.lee2021`; :func:`~course_lib.data_quality.experiment.near_dup_study`
  (:mod:`~course_lib.data_quality.near_dup`: counts, S-curve, Wilson intervals, rates over seeds),
  :class:`~course_lib.data_quality.demos.BandingDemo`; NearDup's second test and clusters:
  :func:`course_lib.dedup.edit_similarity`, :func:`~course_lib.data_quality.pipeline.union_find`,
  :func:`~course_lib.data_quality.pipeline.near_duplicate_clusters`.
- §3 Test-set contamination: :func:`course_lib.dedup.ngram_overlap`, :mod:`course_lib.papers.brown2020`,
  :func:`~course_lib.data_quality.contamination.window_filter` (GPT-3's final filter, and its bug),
  :func:`~course_lib.data_quality.experiment.contamination_book`,
  :func:`~course_lib.data_quality.checks.ngram_hit` (exercise 3.1),
  :mod:`~course_lib.data_quality.contamination`,
  :func:`~course_lib.data_quality.experiment.contamination_scores`.
- §4 At scale: :mod:`course_lib.papers.penedo2024` (FineWeb), :mod:`course_lib.papers.soldaini2024`
  (Dolma), :mod:`course_lib.papers.penedo2023` (RefinedWeb).

No cached results: everything is computed live in a few seconds.
"""
from __future__ import annotations

from pathlib import Path

NOTEBOOK = "06_data_and_dedup.ipynb"
#: demo name -> "module:class" (found by :mod:`course_lib.catalog`)
DEMOS = {"data_quality_banding": "course_lib.data_quality.demos:BandingDemo"}
#: live family name -> "module:function" that trains what the notebook trains live
LIVE_FAMILIES = {
    "near-duplicate study (pipeline, signatures, exact Jaccard, banding)":
        "course_lib.data_quality.experiment:build_study",
    "longest-match models on the raw and the cleaned corpus":
        "course_lib.data_quality.experiment:contamination_scores",
}
#: the demo whose default figure stands for this lesson in the README (``make figures``)
README_DEMO = "data_quality_banding"


def build_cache(show_progress: bool = False) -> list[Path]:
    """Lesson 06 ships no cache: every result is computed live."""
    return []
