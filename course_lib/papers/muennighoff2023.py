"""Muennighoff, Rush, Barak, Le Scao, Piktus, Tazi, Pyysalo, Wolf & Raffel (2023), "Scaling
Data-Constrained Language Models", NeurIPS 2023 (arXiv:2305.16264).

Used in lessons 05 and 07. How it was checked: :data:`NEGLIGIBLE_EPOCHS` was read in the abstract ("training
with up to 4 epochs of repeated data yields negligible changes to loss compared to having unique
data"; the arXiv abstract and the JMLR record agree; verified), and :data:`BEYOND` in the same abstract
(JMLR record; verified).
"""
from __future__ import annotations

__all__ = ["CITATION", "NEGLIGIBLE_EPOCHS", "BEYOND"]

CITATION = ("Muennighoff, N., Rush, A. M., Barak, B., Le Scao, T., Piktus, A., Tazi, N., Pyysalo, S., Wolf, T., "
            "& Raffel, C. (2023). Scaling Data-Constrained Language Models. NeurIPS 2023. arXiv:2305.16264.")

#: With a fixed compute budget, up to this many epochs of repeated data change the loss negligibly
#: compared with unique data (abstract; verified).
NEGLIGIBLE_EPOCHS = 4
#: abstract, the next sentence: what happens with more repetition (verified)
BEYOND = "with more repetition, the value of adding compute eventually decays to zero"
