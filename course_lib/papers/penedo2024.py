"""Penedo et al. (2024), "The FineWeb Datasets: Decanting the Web for the Finest Text Data at Scale"
(arXiv:2406.17557): how FineWeb deduplicated Common Crawl.

Constants used in lesson 06 ("At scale"). How they were checked:

- :data:`NEAR_DUP_NGRAM`, :data:`NEAR_DUP_BANDS`, :data:`NEAR_DUP_ROWS` and :data:`DEDUP_SCOPE` are
  verified in the authors' released pipeline, ``huggingface/datatrove`` ``examples/fineweb.py``
  ("the code used to process and create the FineWeb dataset"): ``MinhashConfig(num_buckets=14,
  hashes_per_bucket=8, n_grams=5)``, applied "to each individual dump". Not read in the paper.
- The released pipeline has four MinHash stages (signatures, buckets, clustering, filter) and no
  step that confirms a candidate pair by its exact Jaccard similarity (verified in
  ``examples/fineweb.py``: ``MinhashDedupSignature``, ``MinhashDedupBuckets``,
  ``MinhashDedupCluster``, ``MinhashDedupFilter``).
- :data:`PER_DUMP_BEATS_GLOBAL` and :data:`GLOBAL_DEDUP_MAX_REMOVED_OLDEST` (§3.4, Figs. 3 and 5):
  global deduplication showed "little improvement over a model trained on the non-deduplicated
  data, scoring far below RefinedWeb" and removed up to 90% of the oldest snapshots, while
  per-snapshot deduplication "matched RefinedWeb's performance"; clusters are formed transitively
  and one random document per cluster is kept. These are quoted from an expert review of the
  lesson that read the paper; this course's search tools could not reach the paper's text, and a
  third-party summary agrees (global deduplication "erased up to 90 % of tokens in older crawls,
  but still under-performed RefinedWeb"): corroborated only. The paper's LSH probabilities (56%,
  77%, 92%, 98.8% at similarity 0.7, 0.75, 0.8, 0.85) follow from 14 x 8 and are printed by the
  lesson from the formula, not taken from here.
"""
from __future__ import annotations

__all__ = ["CITATION", "NEAR_DUP_NGRAM", "NEAR_DUP_BANDS", "NEAR_DUP_ROWS", "NEAR_DUP_NUM_PERM", "DEDUP_SCOPE",
           "PER_DUMP_BEATS_GLOBAL", "GLOBAL_DEDUP_MAX_REMOVED_OLDEST"]

CITATION = ("Penedo, G., Kydlíček, H., Ben Allal, L., Lozhkov, A., Mitchell, M., Raffel, C., Von Werra, L., & "
            "Wolf, T. (2024). The FineWeb Datasets: Decanting the Web for the Finest Text Data at Scale. "
            "arXiv:2406.17557.")

#: MinHash over word 5-grams (datatrove examples/fineweb.py; verified in the released code) ...
NEAR_DUP_NGRAM = 5
#: ... in 14 buckets (our bands) ...
NEAR_DUP_BANDS = 14
#: ... of 8 hashes each (our rows; verified in the released code) ...
NEAR_DUP_ROWS = 8
#: ... so 112 hash functions in all.
NEAR_DUP_NUM_PERM = NEAR_DUP_BANDS * NEAR_DUP_ROWS
#: MinHash deduplication was run on each Common Crawl dump separately (verified in the released code).
DEDUP_SCOPE = "each dump separately"
#: Deduplicating each dump separately matched RefinedWeb, deduplicating across all dumps scored far
#: below it (§3.4, Figs. 3 and 5; corroborated only; see the module docstring).
PER_DUMP_BEATS_GLOBAL = True
#: Deduplicating all dumps together removed up to 90% of the oldest snapshots (§3.4; corroborated only).
GLOBAL_DEDUP_MAX_REMOVED_OLDEST = 0.90
