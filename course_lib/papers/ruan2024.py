"""Ruan, Maddison & Hashimoto (2024), "Observational Scaling Laws and the Predictability of
Language Model Performance" (arXiv:2405.10938, May 2024).

What was checked, and how: :data:`FINDING` and :data:`EMERGENT` are quoted from the abstract
(Hugging Face papers page of arXiv:2405.10938), found with the course's text search. VERIFIED
(abstract only). The venue was NOT checked, so none is given. :data:`PUBLIC_MODELS`: the abstract
of v1 (as mirrored by arxivlens) says "~80 publically available models", that of v3 (arxiv.org/html
/2405.10938v3) "~100"; both VERIFIED in the abstract text found with the course's text search.
"""
from __future__ import annotations

__all__ = ["CITATION", "FINDING", "EMERGENT", "RELATION", "PREDICTED_FROM", "PUBLIC_MODELS"]

CITATION = ("Ruan, Y., Maddison, C. J., & Hashimoto, T. (2024). Observational Scaling Laws and the "
            "Predictability of Language Model Performance. arXiv:2405.10938.")

#: Abstract, verbatim.
FINDING = ("language model performance is a function of a low-dimensional capability space, and model "
           "families only vary in their efficiency in converting training compute to capabilities.")

#: Abstract, verbatim: what this says about emergence.
EMERGENT = ("several emergent phenomena follow a smooth, sigmoidal behavior and are predictable from "
            "small models")

#: Public models the scaling laws are built from, as each version of the abstract states it (approximate).
PUBLIC_MODELS = {"v1 (May 2024)": 80, "v3": 100}

RELATION = ("prediction (2024): about 80 public models (v1; about 100 in v3) placed on a few capability measures from "
            "standard benchmarks, instead of training a family")

#: The quantity from which the paper predicts performance.
PREDICTED_FROM = "a few capability measures read off standard benchmark scores"
