"""Du, Zeng, Dong & Tang (2024), "Understanding Emergent Abilities of Language Models from the Loss
Perspective", NeurIPS 2024 (arXiv:2403.15796). A reply to the mirage critique (it came later).

What was checked, and how: :data:`FINDING` is quoted from the paper's abstract on its OpenReview
page (forum 35DAviqMFo), found with the course's text search. VERIFIED (abstract only). Its
scope, stated in the same abstract: one data corpus, tokenization and architecture. The number
of models and tasks, and the loss threshold's value, were NOT checked and are not used.
"""
from __future__ import annotations

__all__ = ["CITATION", "FINDING", "RELATION", "PREDICTED_FROM"]

CITATION = ("Du, Z., Zeng, A., Dong, Y., & Tang, J. (2024). Understanding Emergent Abilities of Language "
            "Models from the Loss Perspective. NeurIPS 2024. arXiv:2403.15796.")

#: Abstract, verbatim.
FINDING = ("a model exhibits emergent abilities on certain tasks—regardless of the continuity of "
           "metrics—when its pre-training loss falls below a specific threshold. Before reaching this "
           "threshold, its performance remains at the level of random guessing.")

RELATION = "later work (2024): abilities appear at a pre-training loss threshold, under continuous metrics too"

#: The quantity from which the paper says the ability can be predicted.
PREDICTED_FROM = "the pre-training loss, not the model size"
