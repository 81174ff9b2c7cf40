"""Srivastava et al. (2022), "Beyond the Imitation Game" (BIG-bench), TMLR 2023 (arXiv:2206.04615).

Lesson 01 quotes its findings on which tasks improve smoothly and which break through, and its
own explanation of breakthroughs on multi-step tasks.

What was checked, and how: :data:`PRODUCT_OF_STEPS` and the two :data:`FINDINGS` marked
"verbatim" are quoted from a verbatim highlight copy of the PDF (pages 13, 14 and 25), found with
the course's text search; one copy, so VERIFIED-in-one-copy; section numbers were not confirmed,
so the findings give pages. The paper calls the product of steps "one possible explanation", not a
finding. The three findings marked "paraphrase, not re-checked" (the share of breakthrough tasks,
emoji_movie under two metrics, checkmate_in_one's partial progress) were searched for again for
this revision (text search of stored pages and code for the wording, the task names and
"breakthroughness") and NOT found in a copy of the paper: they are earlier paraphrases, and the
notebook prints them with that label.
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

#: Findings, each as (text, where in the paper, status); status is "verbatim" (read in the copy
#: above) or "paraphrase, not re-checked".
FINDINGS: dict[str, tuple[str, str, str]] = {
    "breakthrough_tasks": ("Tasks that see strong breakthrough behavior include those that are composite in "
                           "nature, meaning that they require a model to apply several distinct skills or "
                           "perform multiple discrete steps in order to come up with the correct answer.",
                           "p. 13", "verbatim"),
    "exact_match": ("The exact_str_match metric can lead to apparent sudden breakthroughs because of its "
                    "inherent all-or-nothing discontinuity.", "p. 14", "verbatim"),
    "breakthrough_share": ("Around 5% of BIG-bench tasks see sudden score breakthroughs with increasing scale.",
                           "Section 3", "paraphrase, not re-checked"),
    "emoji_movie": ("emoji_movie breaks through under exact string match but improves gradually under a "
                    "multiple-choice metric.", "Figure 9", "paraphrase, not re-checked"),
    "checkmate_in_one": ("On checkmate_in_one, models learn to propose valid chess moves well before they find "
                         "the mating move.", "the discussion of breakthroughs", "paraphrase, not re-checked"),
}
