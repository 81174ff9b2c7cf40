"""Kandpal, Deng, Roberts, Wallace & Raffel (2023), "Large Language Models Struggle to Learn Long-Tail
Knowledge", ICML 2023 (arXiv:2211.08411).

Used in lesson 07 for its finding only. How it was checked: :data:`FINDING` paraphrases the abstract
(OpenReview's ICML 2023 page and the arXiv abstract agree; verified); :data:`LARGEST_MODEL_PARAMETERS`
is the abstract's example of the model sizes studied (verified). No value from the paper's figures
(accuracy against the number of relevant documents) is used.
"""
from __future__ import annotations

__all__ = ["CITATION", "FINDING", "LARGEST_MODEL_PARAMETERS"]

CITATION = ("Kandpal, N., Deng, H., Roberts, A., Wallace, E., & Raffel, C. (2023). Large Language Models "
            "Struggle to Learn Long-Tail Knowledge. ICML 2023. arXiv:2211.08411.")

#: "a language model's ability to answer a fact-based question relates to how many documents
#: associated with that question were seen during pre-training"; "strong correlational and causal
#: relationships between accuracy and relevant document count"; today's models "must be scaled by
#: many orders of magnitude" for questions with little support (abstract; verified).
FINDING = ("question-answering accuracy rises with the number of pretraining documents about the question; "
           "rare facts would need models many orders of magnitude larger")
#: "model sizes (e.g., 176B parameters)" (abstract; verified).
LARGEST_MODEL_PARAMETERS = 176_000_000_000
