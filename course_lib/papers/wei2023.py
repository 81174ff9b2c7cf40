"""Wei, Kim, Tay & Le, "Inverse scaling can become U-shaped" (arXiv:2211.02011, Nov. 2022; EMNLP 2023).

Several versions differ: v1 (4 Round-1 tasks), v2 (11 tasks; its abstract is quoted here), v3
(a Limitations section, known here only from a third-party quote). The quotes below name their
version; :data:`CITATION` says which text they come from.

Constants used in lesson 04. (Not to be confused with :mod:`course_lib.papers.wei2022`, the
emergent-abilities paper.)

What was checked, and how (each constant's mark is in :data:`MARKS`):

- The abstract of the later version (11 Prize tasks) was read in three copies: the Hugging
  Face papers page of arXiv:2211.02011, an arxiv-vanity rendering and a paper-summary page.
  They agree on: models "of up to 540B parameters, trained on five times more compute than
  those evaluated in the Inverse Scaling Prize" (whose models reach 280B parameters and 500
  zettaFLOPs); "only four out of the eleven tasks remain inverse scaling. Six out of the eleven
  tasks exhibit 'U-shaped scaling' ... (the one remaining task displays positive scaling)";
  "1-shot examples and chain-of-thought can help mitigate undesirable scaling patterns even
  further"; the U-shape attributed "to the presence of distractor tasks that only sufficiently
  large models can avoid". **Verified.**
- The first version's abstract (4 Round-1 tasks; read in a deepai copy) states the
  true-task/distractor-task hypothesis and that "inverse scaling task" is under-specified
  (quoted in :data:`HYPOTHESIS` and :data:`UNDER_SPECIFIED`). **Verified.**
- Figure 1 caption, word for word in two copies (an arxiv-vanity rendering and a full-text mirror
  of the EMNLP version): :data:`FIG1_CAPTION`. The figure's legend, as extracted text in the
  arxiv-vanity copy, names the series PaLM, Gopher, Anthropic, Chinchilla and Random
  (:data:`FIG1_SERIES`): the Prize's models and PaLM are different model families. **Verified.**
- :data:`U_DEFINITION`: the abstract's definition of U-shaped scaling. **Verified.**
- :data:`PALM_SIZES`: PaLM 8B, 62B and 540B are in the course's notes from memory; a paper-summary
  page lists PaLM 1B, 8B, 62B and 540B. So each PaLM curve has three or four points.
  **Corroborated only.**
- :data:`LIMITATIONS_QUOTE`: the Limitations paragraph of arXiv v3, quoted word for word in a
  comment on the GreaterWrong copy of the Inverse Scaling Prize "Second Round Winners" post
  (comment YHWxZW9dFgvb7zxow), which says v3 was read. v3 itself was not read: **corroborated
  only (third-party quote)**. Its "nine U-shaped scaling tasks with accuracy as the evaluation
  metric" does not match the v2 abstract's six of eleven U-shaped tasks, so v3 counts in a
  different version or setting; the lesson says so and uses only the quote's qualitative
  content (PaLM 540B often does not do much better than random; Redefine Math stays inverse).
- How far PaLM 540B recovers on each task was not found in any text read: **not verified**.
- *Which* tasks fall in which class were not found in the text read: **not verified**, so the
  lesson does not state them.
"""
from __future__ import annotations

__all__ = ["CITATION", "SCALING_CLASSES", "LARGEST_PARAMS", "PRIZE_LARGEST_PARAMS", "PRIZE_LARGEST_ZETTAFLOPS",
           "COMPUTE_FACTOR", "MITIGATIONS", "HYPOTHESIS", "UNDER_SPECIFIED", "U_DEFINITION", "FIG1_CAPTION",
           "FIG1_SERIES", "PALM_SIZES", "LIMITATIONS_QUOTE", "MARKS"]

CITATION = ("Wei, J., Kim, N., Tay, Y., & Le, Q. V. (2022). Inverse scaling can become U-shaped. "
            "arXiv:2211.02011 (quotes from the abstracts of v1 and v2 and, via a third-party quote, "
            "the Limitations of v3); published at EMNLP 2023.")

#: Abstract (arXiv v2): the 11 Prize tasks evaluated up to 540B parameters, by shape.
SCALING_CLASSES = {"U-shaped": 6, "inverse": 4, "positive": 1}
#: Abstract: largest model evaluated (PaLM 540B).
LARGEST_PARAMS = 540e9
#: Abstract: the Prize's models reach 280B parameters ...
PRIZE_LARGEST_PARAMS = 280e9
#: ... and 500 zettaFLOPs of training compute.
PRIZE_LARGEST_ZETTAFLOPS = 500
#: Abstract: "trained on five times more compute than those evaluated in the Inverse Scaling Prize".
COMPUTE_FACTOR = 5
#: Abstract (arXiv v2): what helps "mitigate undesirable scaling patterns even further".
MITIGATIONS = ("1-shot examples", "chain-of-thought prompting")
#: Abstract of v1 (4 Round-1 tasks), quoted.
HYPOTHESIS = ("U-shaped scaling occurs when a task comprises a 'true task' and a 'distractor task'. "
              "Medium-size models can do the distractor task, which hurts performance, while only "
              "large-enough models can ignore the distractor task and do the true task.")
#: Abstract of v1, quoted.
UNDER_SPECIFIED = ("the term 'inverse scaling task' is under-specified - a given task may be inverse "
                   "scaling for one prompt but positive or U-shaped scaling for a different prompt.")

#: Abstract (arXiv v2): what "U-shaped scaling" means.
U_DEFINITION = ("performance decreases up to a certain size, and then increases again up to the largest "
                "model evaluated")
#: Figure 1 caption, quoted.
FIG1_CAPTION = ("Across ten tasks from the Inverse Scaling Prize (McKenzie et al., 2022a), PaLM on average "
                "exhibits U-shaped scaling, which means that performance first decreases and then increases "
                "again. Scaling can be viewed through the axis of either compute (zettaFLOPs for pre-training: "
                "left) or model size (# of parameters: right). All results use the exact prompts and evaluation "
                "format specified by McKenzie et al. (2022a). The y-axis denotes the average accuracy of ten "
                "tasks that use accuracy as the metric, excluding Prompt Injection that uses loss as the metric.")
#: Figure 1 legend (extracted text): the model families plotted, and the chance line.
FIG1_SERIES = ("PaLM", "Gopher", "Anthropic", "Chinchilla", "Random")
#: Limitations (arXiv v3), as quoted by a third party (GreaterWrong comment on the Prize's Round 2 post).
LIMITATIONS_QUOTE = ("although PaLM 540B increases performance compared to PaLM 62B, it often still does not do "
                     "much better than random performance, as is the case for five of the nine U-shaped scaling "
                     "tasks with accuracy as the evaluation metric. [...] Additionally, the Redefine Math task is "
                     "inverse scaling for all models families tested.")
#: PaLM sizes evaluated (corroborated only; a summary page also lists a 1B model).
PALM_SIZES = (8e9, 62e9, 540e9)

#: constant name -> how it was checked
MARKS = {
    "SCALING_CLASSES": "verified: abstract (v2), three copies",
    "LARGEST_PARAMS": "verified: abstract (v2)",
    "PRIZE_LARGEST_PARAMS": "verified: abstract (v2)",
    "PRIZE_LARGEST_ZETTAFLOPS": "verified: abstract (v2)",
    "COMPUTE_FACTOR": "verified: abstract (v2)",
    "MITIGATIONS": "verified: abstract (arXiv v2)",
    "HYPOTHESIS": "verified: abstract (v1)",
    "UNDER_SPECIFIED": "verified: abstract (v1)",
    "U_DEFINITION": "verified: abstract (arXiv v2)",
    "FIG1_CAPTION": "verified: Fig. 1 caption, two copies",
    "FIG1_SERIES": "verified: Fig. 1 legend (extracted text, one copy)",
    "PALM_SIZES": "corroborated only: course notes and a summary page (which adds a 1B)",
    "LIMITATIONS_QUOTE": "corroborated only: Limitations of arXiv v3, quoted by a third party (v3 not read); "
                         "its nine U-shaped tasks differ from the v2 abstract's six",
    "how far PaLM 540B recovers on each task": "not verified (not stated in the lesson)",
    "which task is in which class": "not verified (not stated in the lesson)",
}
