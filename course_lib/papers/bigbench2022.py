"""Srivastava et al. (2022), "Beyond the Imitation Game" (BIG-bench), TMLR 2023 (arXiv:2206.04615).

Lesson 01 quotes its findings on which tasks improve smoothly and which break through.
"""
from __future__ import annotations

__all__ = ["CITATION", "FINDINGS"]

CITATION = ("Srivastava, A., Rastogi, A., Rao, A., et al. (2022). Beyond the Imitation Game: "
            "Quantifying and extrapolating the capabilities of language models. TMLR 2023. "
            "arXiv:2206.04615.")

#: Short findings, each with where the paper says it.
FINDINGS: dict[str, str] = {
    "breakthrough_share": "Around 5% of BIG-bench tasks see sudden score breakthroughs with "
                          "increasing scale (Section 3).",
    "breakthrough_tasks": "Tasks with high breakthroughness generally require sequential steps or "
                          "logical reasoning; the most linear tasks are knowledge-based, such as "
                          "qa_wikidata (Section 3, Figure 7).",
    "exact_match": "The exact_str_match metric can lead to apparent sudden breakthroughs because of "
                   "its all-or-nothing discontinuity; emoji_movie breaks through under exact string "
                   "match but improves gradually under a multiple-choice metric (Figure 9).",
    "checkmate_in_one": "On checkmate_in_one, models learn to propose valid chess moves well before "
                        "they find the mating move (the paper's discussion of partial progress behind "
                        "breakthroughs).",
}
