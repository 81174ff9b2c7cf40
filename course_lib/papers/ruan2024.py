"""Ruan, Maddison & Hashimoto (2024), "Observational Scaling Laws and the Predictability of
Language Model Performance" (arXiv:2405.10938, May 2024).

What was checked, and how: :data:`FINDING` and :data:`EMERGENT` are quoted from the abstract
(Hugging Face papers page of arXiv:2405.10938), found with the course's text search. VERIFIED
(abstract only). The venue was NOT checked, so none is given.
"""
from __future__ import annotations

__all__ = ["CITATION", "FINDING", "EMERGENT", "RELATION", "PREDICTED_FROM"]

CITATION = ("Ruan, Y., Maddison, C. J., & Hashimoto, T. (2024). Observational Scaling Laws and the "
            "Predictability of Language Model Performance. arXiv:2405.10938.")

#: Abstract, verbatim.
FINDING = ("language model performance is a function of a low-dimensional capability space, and model "
           "families only vary in their efficiency in converting training compute to capabilities.")

#: Abstract, verbatim: what this says about emergence.
EMERGENT = ("several emergent phenomena follow a smooth, sigmoidal behavior and are predictable from "
            "small models")

RELATION = ("prediction (2024): about 80 public models placed on a few capability measures from "
            "standard benchmarks, instead of training a family")

#: The quantity from which the paper predicts performance.
PREDICTED_FROM = "a few capability measures read off standard benchmark scores"
