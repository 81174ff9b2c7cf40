"""Caballero, Gupta, Rish & Krueger (2023), "Broken Neural Scaling Laws", ICLR 2023
(arXiv:2210.14891, October 2022). An alternative account that *predates* the mirage paper, which
cites it ("emergent abilities are real, caused by a change in the governing power law"); not a
reply to it.

What was checked, and how: :data:`FINDING` is quoted from the abstract (ICLR 2023 text copy),
found with the course's text search. VERIFIED (abstract only). It is a functional form fitted to
scaling curves, not a mechanism.
"""
from __future__ import annotations

__all__ = ["CITATION", "FINDING", "RELATION"]

CITATION = ("Caballero, E., Gupta, K., Rish, I., & Krueger, D. (2023). Broken Neural Scaling Laws. "
            "ICLR 2023. arXiv:2210.14891.")

#: Abstract, verbatim.
FINDING = ("the delayed, sharp inflection points present in the scaling behavior of tasks such as "
           "arithmetic")

RELATION = ("alternative account (October 2022, before the critique): a smoothly broken power law fits "
            "curves with sharp inflections, such as arithmetic")
