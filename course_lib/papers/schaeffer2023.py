"""Schaeffer, Miranda & Koyejo (2023), "Are Emergent Abilities of Large Language Models a
Mirage?", NeurIPS 2023 (arXiv:2304.15004).

Constants used in lesson 02. The paper argues that apparent emergent abilities can come from
the researcher's choice of metric (and from too few test items) rather than from a sudden
change in the models. Every constant names the section, figure or footnote it comes from.
"""
from __future__ import annotations

__all__ = ["CITATION", "CLAIM", "SCOPE", "INSTRUCTGPT_MODEL_SIZES", "INSTRUCTGPT_TASKS",
           "BIGBENCH_PREFERRED_METRICS", "METRICS_WITH_EMERGENCE_AT_MOST",
           "METRICS_WITH_EMERGENCE_HAND_ANNOTATED", "TWO_METRICS_SHARE_OF_EMERGENT_CLAIMS",
           "TWO_METRICS", "THREE_FACTORS", "SOURCES"]

CITATION = ("Schaeffer, R., Miranda, B., & Koyejo, S. (2023). Are Emergent Abilities of Large "
            "Language Models a Mirage? NeurIPS 2023. arXiv:2304.15004.")

#: The claim, quoted from the abstract.
CLAIM = ("emergent abilities appear due the researcher's choice of metric rather than due to "
         "fundamental changes in model behavior with scale. Specifically, nonlinear or discontinuous "
         "metrics produce apparent emergent abilities, whereas linear or continuous metrics produce "
         "smooth, continuous, predictable changes in model performance.")

#: What the paper does not claim, quoted from Section 7.
SCOPE = ("nothing in this paper should be interpreted as claiming that large language models "
         "cannot display emergent abilities")

#: The three factors that together produce apparent emergence, quoted from Section 2.
THREE_FACTORS: tuple[str, str, str] = (
    "the researcher choosing a metric that nonlinearly or discontinuously scales the per-token "
    "error rate",
    "having insufficient resolution to estimate model performance in the smaller parameter regime, "
    "with resolution set by 1/test dataset size",
    "insufficiently sampling the larger parameter regime",
)

#: Parameters of the four InstructGPT/GPT-3 models tested in Section 3 (footnote 3):
#: 350M, 1.3B, 6.7B and 175B.
INSTRUCTGPT_MODEL_SIZES: tuple[float, float, float, float] = (350e6, 1.3e9, 6.7e9, 175e9)

#: The two arithmetic tasks of Section 3 (both 2-shot).
INSTRUCTGPT_TASKS: tuple[str, str] = (
    "2-shot multiplication of two 2-digit integers",
    "2-shot addition of two 4-digit integers",
)

#: Number of "preferred" metrics in BIG-bench (Section 4, Figure 5A).
BIGBENCH_PREFERRED_METRICS = 39

#: Of those 39 metrics, at most 5 display emergence (Section 4, Figure 5A).
METRICS_WITH_EMERGENCE_AT_MOST = 5

#: Restricted to the hand-annotated emergent task-metric-model triplets, 4 of the 39
#: metrics show emergence (Section 4, Figure 5B).
METRICS_WITH_EMERGENCE_HAND_ANNOTATED = 4

#: Two metrics account for more than 92% of claimed emergent abilities (Section 4,
#: Figure 5C); the paper says "> 92%", so this is a lower bound.
TWO_METRICS_SHARE_OF_EMERGENT_CLAIMS = 0.92

#: The two metrics of Figure 5C.
TWO_METRICS: tuple[str, str] = ("Multiple Choice Grade", "Exact String Match")

#: constant name -> where the paper states it
SOURCES: dict[str, str] = {
    "CLAIM": "Abstract",
    "SCOPE": "Section 7",
    "THREE_FACTORS": "Section 2",
    "INSTRUCTGPT_MODEL_SIZES": "Section 3, footnote 3",
    "INSTRUCTGPT_TASKS": "Section 3",
    "BIGBENCH_PREFERRED_METRICS": "Section 4, Figure 5A",
    "METRICS_WITH_EMERGENCE_AT_MOST": "Section 4, Figure 5A",
    "METRICS_WITH_EMERGENCE_HAND_ANNOTATED": "Section 4, Figure 5B",
    "TWO_METRICS_SHARE_OF_EMERGENT_CLAIMS": "Section 4, Figure 5C",
    "TWO_METRICS": "Section 4, Figure 5C",
}
