"""Srivastava et al. (2022), "Beyond the Imitation Game" (BIG-bench), TMLR 2023 (arXiv:2206.04615).

Lesson 01 quotes its findings on which tasks improve smoothly and which break through, and its
own explanation of breakthroughs on multi-step tasks.

What was checked, and how: :data:`PRODUCT_OF_STEPS` is quoted verbatim from a verbatim
highlight copy of the PDF (page 25, the paper's discussion of breakthrough behaviour), found
with the course's text search; one copy, so VERIFIED-in-one-copy; the section number was not
confirmed. The paper calls it "one possible explanation", not a finding. The "exact_match" and
"composite" wording of :data:`FINDINGS` was read in the same copy (pages 13-14). The
"breakthrough_share" and "checkmate_in_one" items are paraphrases not re-checked for this
revision.
"""
from __future__ import annotations

__all__ = ["CITATION", "FINDINGS", "PRODUCT_OF_STEPS"]

CITATION = ("Srivastava, A., Rastogi, A., Rao, A., et al. (2022). Beyond the Imitation Game: "
            "Quantifying and extrapolating the capabilities of language models. TMLR 2023. "
            "arXiv:2206.04615.")

#: BIG-bench's own explanation of breakthroughs on multi-step tasks (PDF p. 25), verbatim.
PRODUCT_OF_STEPS = ("One possible explanation for the breakthrough phenomenon on multistep tasks is that "
                    "the probability of success on the task scales like the product of the success "
                    "probabilities on each step. If the probabilities of each of k steps increase linearly, "
                    "their product will increase like a kth-order polynomial, which will be nearly flat "
                    "until a sudden increase.")

#: Short findings, each with where the paper says it.
FINDINGS: dict[str, str] = {
    "breakthrough_share": "Around 5% of BIG-bench tasks see sudden score breakthroughs with "
                          "increasing scale (Section 3).",
    "breakthrough_tasks": "Tasks that see strong breakthrough behaviour are often composite: they "
                          "require several distinct skills or multiple discrete steps; the most linear "
                          "tasks are knowledge-based, such as qa_wikidata (Section 3, Figure 7).",
    "exact_match": "The exact_str_match metric can lead to apparent sudden breakthroughs because of "
                   "its all-or-nothing discontinuity; emoji_movie breaks through under exact string "
                   "match but improves gradually under a multiple-choice metric (Figure 9).",
    "checkmate_in_one": "On checkmate_in_one, models learn to propose valid chess moves well before "
                        "they find the mating move (the paper's discussion of partial progress behind "
                        "breakthroughs).",
}
