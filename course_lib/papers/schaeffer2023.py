"""Schaeffer, Miranda & Koyejo (2023), "Are Emergent Abilities of Large Language Models a
Mirage?", NeurIPS 2023 (arXiv:2304.15004).

Constants used in lesson 02. The paper argues that apparent emergent abilities can come from
the researcher's choice of metric (and from too few test items) rather than from a sudden
change in the models. Every constant names the section, figure or footnote it comes from.

What was checked, and how: the quotes and numbers were read in the arXiv v2 HTML (22 May 2023)
of the paper, main text and Appendices A-B, found with the course's text search, and the figure
captions in a PDF copy (p. 7); section numbers are those of v2. The NeurIPS camera-ready was not
read, so whether it keeps the "~10^6" and the strong wording is NOT VERIFIED. The product
220 x 40 x 10 = 88,000 (:data:`MULTIPLE_COMPARISONS_PRODUCT`) is computed here, not taken from
the paper: the paper's "~10^6" is about 11 times too large.
"""
from __future__ import annotations

__all__ = ["CITATION", "CLAIM", "SCOPE", "STRONG_CLAIMS", "MULTIPLE_COMPARISONS", "MULTIPLE_COMPARISONS_PRODUCT",
           "MULTIPLE_COMPARISONS_STATED", "EMERGENCE_SCORE_HEDGE", "PREDICTION_3", "INSTRUCTGPT_MODEL_SIZES", "INSTRUCTGPT_TASKS",
           "BIGBENCH_PREFERRED_METRICS", "METRICS_WITH_EMERGENCE_AT_MOST",
           "METRICS_WITH_EMERGENCE_HAND_ANNOTATED", "TWO_METRICS_SHARE_OF_EMERGENT_CLAIMS",
           "TWO_METRICS", "THREE_FACTORS", "APPENDIX_EDIT_DISTANCE", "SOURCES"]

CITATION = ("Schaeffer, R., Miranda, B., & Koyejo, S. (2023). Are Emergent Abilities of Large "
            "Language Models a Mirage? NeurIPS 2023. arXiv:2304.15004.")

#: The claim, quoted from the abstract, with its scope ("for a particular task and model family,
#: when analyzing fixed model outputs"). Verbatim from the abstract (Hugging Face papers page of
#: arXiv:2304.15004 and a second copy of the abstract), including "continuous predictable".
CLAIM = ("for a particular task and model family, when analyzing fixed model outputs, emergent abilities "
         "appear due to the researcher's choice of metric rather than due to fundamental changes in model "
         "behavior with scale. Specifically, nonlinear or discontinuous metrics produce apparent emergent "
         "abilities, whereas linear or continuous metrics produce smooth, continuous predictable changes in "
         "model performance.")

#: What the paper does not claim, quoted from Section 7.
SCOPE = ("nothing in this paper should be interpreted as claiming that large language models "
         "cannot display emergent abilities")

#: The paper's strongest wording (section -> verbatim words), to set beside :data:`SCOPE`.
STRONG_CLAIMS: dict[str, str] = {
    "Section 2": "sharp and unpredictable changes with increasing scale can be fully explained by three "
                 "interpretable factors",
    "Section 6": "metric choice is likely wholly responsible for emergent abilities",
}

#: §7, the third of its four implications ("Firstly" ... "Fourthly"; VERIFIED in two full-text
#: copies): claims of emergence should control for multiple comparisons. (tasks, metrics per task,
#: model families), as the paper writes them: "≥ 220 tasks, ∼ 40 metrics per task, ∼ 10 model
#: families". The "40 metrics per task" does not square with the paper's own §4: 39 preferred metrics
#: across all of BIG-bench (:data:`BIGBENCH_PREFERRED_METRICS`, Fig. 5A), a few of them per task.
MULTIPLE_COMPARISONS: tuple[int, int, int] = (220, 40, 10)
#: What the paper states the product to be ("~10^6 task-metric-model family triplets").
MULTIPLE_COMPARISONS_STATED = 1e6
#: The product itself, 220 x 40 x 10 = 88,000 (computed here): the paper's 10^6 is an error.
MULTIPLE_COMPARISONS_PRODUCT = MULTIPLE_COMPARISONS[0] * MULTIPLE_COMPARISONS[1] * MULTIPLE_COMPARISONS[2]

#: §4, verbatim: the paper's own caveat on using the emergence score as a detector (Fig. 5A).
EMERGENCE_SCORE_HEDGE = ("Because emergence score only suggests emergence, we also analyzed hand-annotated "
                         "task-metric-model family triplets")

#: §3, prediction 3, verbatim.
PREDICTION_3 = ("Regardless of metric, increasing the target string length should predictably affect the "
                "model's performance as a function of the length-1 target performance: approximately "
                "geometrically for accuracy and approximately quasilinearly for token edit distance.")

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

#: Appendix A.2 (its last equation): the expected token edit distance of an L-token answer as the
#: paper writes it, with epsilon the per-token *error* rate (§2's notation); §2's model gives
#: L * epsilon. Lesson 02 notes the slip in exercise 2.1's Solution. Read in the arXiv v2 HTML
#: in an earlier revision; NOT re-read in this one (corroborated only).
APPENDIX_EDIT_DISTANCE = "L(1 - epsilon)"

#: constant name -> where the paper states it
SOURCES: dict[str, str] = {
    "CLAIM": "Abstract",
    "STRONG_CLAIMS": "Sections 2 and 6",
    "MULTIPLE_COMPARISONS": "Section 7",
    "MULTIPLE_COMPARISONS_STATED": "Section 7",
    "MULTIPLE_COMPARISONS_PRODUCT": "computed from Section 7's numbers (not stated in the paper)",
    "EMERGENCE_SCORE_HEDGE": "Section 4",
    "PREDICTION_3": "Section 3",
    "SCOPE": "Section 7",
    "THREE_FACTORS": "Section 2",
    "INSTRUCTGPT_MODEL_SIZES": "Section 3, footnote 3",
    "INSTRUCTGPT_TASKS": "Section 3",
    "BIGBENCH_PREFERRED_METRICS": "Section 4, Figure 5A",
    "METRICS_WITH_EMERGENCE_AT_MOST": "Section 4, Figure 5A",
    "METRICS_WITH_EMERGENCE_HAND_ANNOTATED": "Section 4, Figure 5B",
    "TWO_METRICS_SHARE_OF_EMERGENT_CLAIMS": "Section 4, Figure 5C",
    "TWO_METRICS": "Section 4, Figure 5C",
    "APPENDIX_EDIT_DISTANCE": "Appendix A.2 (corroborated only)",
}
