"""Penedo et al. (2024), "The FineWeb Datasets: Decanting the Web for the Finest Text Data at Scale"
(arXiv:2406.17557): how FineWeb deduplicated Common Crawl.

Constants used in lesson 06 ("At scale"). How they were checked:

- :data:`NEAR_DUP_NGRAM`, :data:`NEAR_DUP_BANDS`, :data:`NEAR_DUP_ROWS` and :data:`DEDUP_SCOPE` are
  verified in the authors' released pipeline, ``huggingface/datatrove`` ``examples/fineweb.py``
  ("the code used to process and create the FineWeb dataset"): ``MinhashConfig(num_buckets=14,
  hashes_per_bucket=8, n_grams=5)``, applied "to each individual dump". The paper's §3.4 states the same settings (verified).
- The released pipeline has four MinHash stages (signatures, buckets, clustering, filter) and no
  step that confirms a candidate pair by its exact Jaccard similarity (verified in
  ``examples/fineweb.py``: ``MinhashDedupSignature``, ``MinhashDedupBuckets``,
  ``MinhashDedupCluster``, ``MinhashDedupFilter``).
- :data:`PER_DUMP_BEATS_GLOBAL`, :data:`GLOBAL_DEDUP_MAX_REMOVED_OLDEST` and the clustering are
  verified in the paper's §3.4 (read in a text extraction of the arXiv PDF): 112 hash functions
  "split into 14 buckets of 8 hashes each — targeting documents that are at least 75% similar";
  "a transitive clustering step"; "One (randomly chosen) document is kept per duplicate cluster";
  global deduplication "removed as much as 90% of the original base filtered data" of the oldest
  snapshots and the models "showed little improvement over a model trained on the
  non-deduplicated data, scoring far below RefinedWeb on our aggregate of tasks" (Fig. 3), while
  individually deduplicating each snapshot "matched RefinedWeb's performance" (Fig. 5).
"""
from __future__ import annotations

__all__ = ["CITATION", "NEAR_DUP_NGRAM", "NEAR_DUP_BANDS", "NEAR_DUP_ROWS", "NEAR_DUP_NUM_PERM", "DEDUP_SCOPE",
           "PER_DUMP_BEATS_GLOBAL", "GLOBAL_DEDUP_MAX_REMOVED_OLDEST", "NEAR_DUP_TARGET_SIMILARITY"]

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
#: below it (§3.4, Figs. 3 and 5; verified).
PER_DUMP_BEATS_GLOBAL = True
#: Deduplicating all dumps together removed up to 90% of the oldest snapshots (§3.4; verified).
GLOBAL_DEDUP_MAX_REMOVED_OLDEST = 0.90
#: The 14 x 8 split targets "documents that are at least 75% similar" (§3.4; verified).
NEAR_DUP_TARGET_SIMILARITY = 0.75
