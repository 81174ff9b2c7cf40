"""Hu et al. (2024), "Predicting Emergent Abilities with Infinite Resolution Evaluation", ICLR 2024
(arXiv:2310.03262). A reply to the mirage critique's resolution factor (it came later).

What was checked, and how: :data:`FINDING` and :data:`ACCELERATED` are quoted from the abstract
(arXiv HTML copy), found with the course's text search. VERIFIED (abstract only). Acceptance at
ICLR 2024 is CORROBORATED (several listings), not checked on the proceedings page.
"""
from __future__ import annotations

__all__ = ["CITATION", "FINDING", "ACCELERATED", "RELATION", "PREDICTED_FROM"]

CITATION = ("Hu, S., Liu, X., Han, X., et al. (2024). Predicting Emergent Abilities with Infinite "
            "Resolution Evaluation. ICLR 2024. arXiv:2310.03262.")

#: Abstract, verbatim: PassUntil, evaluation by massive sampling.
FINDING = ("we introduce PassUntil, an evaluation strategy with theoretically infinite resolution, "
           "through massive sampling in the decoding phase.")

#: Abstract, verbatim: what remains with (near) unlimited resolution.
ACCELERATED = ("We identify a kind of accelerated emergence whose scaling curve cannot be fitted by "
               "standard scaling law function and has a increasing speed.")

RELATION = ("later work (2023-24): with near-unlimited resolution small models show steady, predictable gains "
            "on some tasks, and 'accelerated emergence' that no standard scaling law fits on others")

#: The quantity from which the paper predicts task performance.
PREDICTED_FROM = "tiny pass rates of small models, measured by sampling until a success"
