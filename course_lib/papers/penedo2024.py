"""Penedo et al. (2024), "The FineWeb Datasets: Decanting the Web for the Finest Text Data at Scale"
(arXiv:2406.17557): how FineWeb deduplicated Common Crawl.

Constants used in lesson 06 ("At scale"). How they were checked:

- :data:`NEAR_DUP_NGRAM`, :data:`NEAR_DUP_BANDS`, :data:`NEAR_DUP_ROWS` and :data:`DEDUP_SCOPE` are
  verified in the authors' released pipeline, ``huggingface/datatrove`` ``examples/fineweb.py``
  ("the code used to process and create the FineWeb dataset"): ``MinhashConfig(num_buckets=14,
  hashes_per_bucket=8, n_grams=5)``, applied "to each individual dump". Not read in the paper.
- :data:`PER_DUMP_BEATS_GLOBAL` (deduplicating each dump on its own gave better models than
  deduplicating all dumps together) is corroborated only: the FineWeb maintainers say on the
  dataset's discussion pages that FineWeb "only does individual dump deduplication", and the
  blog post's section on it is known to this course only through such summaries, not re-read.
"""
from __future__ import annotations

__all__ = ["CITATION", "NEAR_DUP_NGRAM", "NEAR_DUP_BANDS", "NEAR_DUP_ROWS", "NEAR_DUP_NUM_PERM", "DEDUP_SCOPE",
           "PER_DUMP_BEATS_GLOBAL"]

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
#: Deduplicating each dump separately gave better models than deduplicating across all dumps
#: (corroborated only; see the module docstring).
PER_DUMP_BEATS_GLOBAL = True
