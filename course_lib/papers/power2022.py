"""Power, Burda, Edwards, Babuschkin & Misra (2022), "Grokking: Generalization Beyond Overfitting on
Small Algorithmic Datasets" (arXiv:2201.02177).

Constants used in lesson 03 §1. What was checked and how: the training set-up of App. A.1.2
(transformer size, optimiser, learning rate, weight decay, betas, batch size, budget) was read
in several independent verbatim quotations of that appendix (code comments and notes of
re-implementations), which agree; the PDF itself was not read, so these are **corroborated,
not verified** against the paper. The abstract's wording on weight decay and on smaller data
sets needing more optimisation was read in the arXiv abstract page's text (verified).
"""
from __future__ import annotations

__all__ = ["CITATION", "MODULUS", "SETUP", "SOURCES", "ABSTRACT_ON_DATA_SIZE"]

CITATION = ("Power, A., Burda, Y., Edwards, H., Babuschkin, I., & Misra, V. (2022). Grokking: Generalization "
            "Beyond Overfitting on Small Algorithmic Datasets. arXiv:2201.02177.")

#: the prime modulus of their modular-arithmetic tables (App. A.1.1; corroborated)
MODULUS = 97

#: App. A.1.2, the training set-up (corroborated: verbatim quotations agree; PDF not read)
SETUP = {
    "model": "decoder-only transformer, 2 layers, width 128, 4 attention heads",
    "non_embedding_parameters": 4e5,
    "optimizer": "AdamW",
    "learning_rate": 1e-3,
    "weight_decay": 1.0,
    "betas": (0.9, 0.98),
    "warmup_updates": 10,
    "batch_size": "512 or half the training set, whichever is smaller",
    "budget_updates": 1e5,
}

#: the abstract (verified): the trend with data-set size
ABSTRACT_ON_DATA_SIZE = "smaller datasets require increasing amounts of optimization for generalization"

SOURCES = {"MODULUS": "App. A.1.1 (corroborated)", "SETUP": "App. A.1.2 (corroborated)",
           "ABSTRACT_ON_DATA_SIZE": "abstract (verified)"}
