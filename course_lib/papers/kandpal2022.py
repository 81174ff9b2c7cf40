"""Kandpal, Wallace & Raffel (2022), "Deduplicating Training Data Mitigates Privacy Risks in
Language Models", ICML 2022, PMLR 162, pp. 10697-10707 (arXiv:2202.06539).

Constants used in lesson 07. How they were checked: every number below was read in the
paper's abstract (the ICML proceedings page and the arXiv abstract, which agree word for word on
these sentences). The paper's figures (regeneration rate against duplicate count per model
size) were not read here, so no number from them is used.
"""
from __future__ import annotations

__all__ = ["CITATION", "DUPLICATES_COMPARED", "GENERATION_RATIO", "RELATION"]

CITATION = ("Kandpal, N., Wallace, E., & Raffel, C. (2022). Deduplicating Training Data Mitigates Privacy "
            "Risks in Language Models. ICML 2022 (PMLR 162), 10697-10707. arXiv:2202.06539.")

#: "a sequence that is present 10 times in the training data is on average generated ~1000 times
#: more often than a sequence that is present only once" (abstract; verified): the counts compared ...
DUPLICATES_COMPARED = (1, 10)
#: ... and how many times more often the 10-times sequence is generated (abstract; verified; "~").
GENERATION_RATIO = 1000
#: "the rate at which language models regenerate training sequences is superlinearly related to a
#: sequence's count in the training set" (abstract; verified).
RELATION = "superlinear"
