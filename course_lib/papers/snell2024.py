"""Snell, Wallace, Klein & Levine (2024), "Predicting Emergent Capabilities by Finetuning"
(arXiv:2411.16035, November 2024).

What was checked, and how: :data:`FINDING` and :data:`SCOPE` are quoted from the abstract (arXiv
HTML v1), found with the course's text search. VERIFIED (abstract only). An early version
appeared at COLM 2024 (the first author's announcement): CORROBORATED only, so no venue is given.
"""
from __future__ import annotations

__all__ = ["CITATION", "FINDING", "SCOPE", "RELATION", "PREDICTED_FROM"]

CITATION = ("Snell, C., Wallace, E., Klein, D., & Levine, S. (2024). Predicting Emergent Capabilities "
            "by Finetuning. arXiv:2411.16035.")

#: Abstract, verbatim.
FINDING = ("finetuning LLMs on a given task can shift the point in scaling at which emergence occurs "
           "towards less capable models.")

#: Abstract, verbatim: how far ahead the prediction worked.
SCOPE = ("Using only small-scale LLMs, we find that, in some cases, we can accurately predict whether "
         "models trained with up to 4x more compute have emerged.")

RELATION = ("prediction (2024): models that still score at chance few-shot are finetuned on the task, "
            "and the shift of the point of emergence is extrapolated")

#: The quantity from which the paper predicts emergence.
PREDICTED_FROM = "how far finetuning on more task data moves the point of emergence"
