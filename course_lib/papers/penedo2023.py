"""Penedo et al. (2023), "The RefinedWeb Dataset for Falcon LLM: Outperforming Curated Corpora with
Web Data, and Web Data Only" (arXiv:2306.01116): how RefinedWeb deduplicated.

Used in lesson 06 ("At scale"). RefinedWeb ran fuzzy deduplication with MinHash and then exact
substring deduplication with Lee et al.'s suffix-array tool. This is corroborated only (it is
how later work such as FineWeb and many summaries describe RefinedWeb); the paper was not
re-read here, so none of its settings or removal rates is stated in the lesson.
"""
from __future__ import annotations

__all__ = ["CITATION", "DEDUP_STAGES"]

CITATION = ("Penedo, G., Malartic, Q., Hesslow, D., Cojocaru, R., Cappelli, A., Alobeidli, H., Pannier, B., "
            "Almazrouei, E., & Launay, J. (2023). The RefinedWeb Dataset for Falcon LLM: Outperforming Curated "
            "Corpora with Web Data, and Web Data Only. arXiv:2306.01116.")

#: Fuzzy (MinHash) then exact-substring deduplication (corroborated only).
DEDUP_STAGES = ("MinHash near-duplicate removal", "exact substring removal (suffix array)")
