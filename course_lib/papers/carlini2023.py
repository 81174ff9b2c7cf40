"""Carlini, Ippolito, Jagielski, Lee, Tramèr & Zhang (2023), "Quantifying Memorization Across Neural
Language Models", ICLR 2023 (arXiv:2202.07646).

Constants used in lesson 07. How they were checked: :data:`RELATIONSHIP` and :data:`GROWS_WITH` were
read in the abstract (the authors' publication page and the arXiv abstract agree; verified);
:data:`GPT_J_MEMORISED_AT_LEAST` and :data:`GPT_J_PARAMETERS` in the introduction of arXiv v3, read in
the paper's own LaTeX source text (verified). The paper's figures (fraction extractable against model
size, duplicate count and prompt length) were not read: no value from them is used.
"""
from __future__ import annotations

__all__ = ["CITATION", "RELATIONSHIP", "GROWS_WITH", "GPT_J_MEMORISED_AT_LEAST", "GPT_J_PARAMETERS"]

CITATION = ("Carlini, N., Ippolito, D., Jagielski, M., Lee, K., Tramèr, F., & Zhang, C. (2023). Quantifying "
            "Memorization Across Neural Language Models. ICLR 2023. arXiv:2202.07646.")

#: "We describe three log-linear relationships that quantify the degree to which LMs emit memorized
#: training data" (abstract; verified).
RELATIONSHIP = "log-linear"
#: "Memorization significantly grows as we increase (1) the capacity of a model, (2) the number of
#: times an example has been duplicated, and (3) the number of tokens of context used to prompt the
#: model" (abstract; verified).
GROWS_WITH = ("the capacity of the model", "the number of times an example is duplicated",
              "the number of tokens of context in the prompt")
#: "the 6 billion parameter GPT-J model memorizes at least 1% of its training dataset: The Pile"
#: (§1; verified in the arXiv v3 source).
GPT_J_MEMORISED_AT_LEAST = 0.01
#: ... the 6 billion parameters of that model (§1; verified).
GPT_J_PARAMETERS = 6_000_000_000
