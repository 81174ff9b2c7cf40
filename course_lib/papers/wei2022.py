"""Wei et al. (2022), "Emergent Abilities of Large Language Models", TMLR (arXiv:2206.07682).

Constants used in lesson 01. Table 1 lists, for each emergent ability, the scale at which the
paper saw it emerge (training FLOPs, parameters, model family). Figure 2 shows eight few-shot
tasks whose performance is near random until a threshold and then rises.

What was checked, and how:

- :data:`TABLE_1`: every one of the 22 named rows, cell by cell, against two PDF-text copies
  of the TMLR version (08/2022), found with the course's text search; the copies agree. Blank
  cells in the paper carry down from the row above (the model of "Addition/subtraction (4-5
  digit)", "Truthfulness" and "MMLU (26 topics)"). The table's 23rd row, "Many BIG-Bench tasks
  (see Appendix E)", gives no single scale and is kept as :data:`TABLE_1_BIG_BENCH_ROW`.
  VERIFIED.
- :data:`FIGURE_2_TASKS`: panel labels and y-axis metrics read off the same copies (A
  accuracy, B BLEU, C and D exact match, E-H accuracy). VERIFIED.
- :data:`SCRATCHPAD_HELPS_FROM_FLOPS` and the quote :data:`SCRATCHPAD_QUOTE`: §4, "Program
  execution", read in the same copies. VERIFIED.
- :data:`AUGMENTED_EMERGENT_DEFINITION`: §4, introduction. VERIFIED.
- :data:`NOT_PREDICTED_BY_EXTRAPOLATION`: §2, the sentence after the definition, read in a
  PDF-text copy of the paper (found with the course's text search) and, word for word, in two
  independent notes on the paper. VERIFIED.
- :data:`METRIC_EXPLANATION_LIMITS` (§5.1): NOT read in a copy of the paper (the copies found
  stop after Table 1). Several independent notes quote these words verbatim and place them in
  §5.1; CORROBORATED only. The notebook paraphrases it and says where it is from.
"""
from __future__ import annotations

from typing import NamedTuple

__all__ = ["CITATION", "DEFINITION", "EmergentScale", "TABLE_1", "TABLE_1_BIG_BENCH_ROW", "FIGURE_2_TASKS",
           "SCRATCHPAD_HELPS_FROM_FLOPS", "SCRATCHPAD_HELPS_FROM_PARAMS", "SCRATCHPAD_QUOTE",
           "AUGMENTED_EMERGENT_DEFINITION", "NOT_PREDICTED_BY_EXTRAPOLATION", "METRIC_EXPLANATION_LIMITS", "table_1_rows", "table_1_span"]

CITATION = ("Wei, J., Tay, Y., Bommasani, R., et al. (2022). Emergent Abilities of Large Language "
            "Models. Transactions on Machine Learning Research. arXiv:2206.07682.")

#: The paper's definition (Section 2).
DEFINITION = ("An ability is emergent if it is not present in smaller models but is present in "
              "larger models.")

#: §2, verbatim, the sentence after the definition.
NOT_PREDICTED_BY_EXTRAPOLATION = ("Emergent abilities would not have been directly predicted by extrapolating "
                                  "a scaling law (i.e. consistent performance improvements) from small-scale "
                                  "models.")


class EmergentScale(NamedTuple):
    """One row of Wei et al. (2022) Table 1."""

    ability: str
    kind: str          # "few-shot" (a task) or "augmented" (a prompting or fine-tuning method)
    train_flops: float
    params: float
    model: str
    reference: str = ""


_B = 1e9
#: Wei et al. (2022), Table 1: all 22 named rows (emergent scale: training FLOPs, parameters,
#: model, the paper that reported it), in the paper's order.
TABLE_1: tuple[EmergentScale, ...] = (
    EmergentScale("Addition/subtraction (3 digit)", "few-shot", 2.3e22, 13 * _B, "GPT-3", "Brown et al. (2020)"),
    EmergentScale("Addition/subtraction (4-5 digit)", "few-shot", 3.1e23, 175 * _B, "GPT-3", "Brown et al. (2020)"),
    EmergentScale("MMLU benchmark (57 topic avg.)", "few-shot", 3.1e23, 175 * _B, "GPT-3", "Hendrycks et al. (2021a)"),
    EmergentScale("Toxicity classification (CivilComments)", "few-shot", 1.3e22, 7.1 * _B, "Gopher", "Rae et al. (2021)"),
    EmergentScale("Truthfulness (TruthfulQA)", "few-shot", 5.0e23, 280 * _B, "Gopher", "Rae et al. (2021)"),
    EmergentScale("MMLU benchmark (26 topics)", "few-shot", 5.0e23, 280 * _B, "Gopher", "Rae et al. (2021)"),
    EmergentScale("Grounded conceptual mappings", "few-shot", 3.1e23, 175 * _B, "GPT-3", "Patel & Pavlick (2022)"),
    EmergentScale("MMLU benchmark (30 topics)", "few-shot", 5.0e23, 70 * _B, "Chinchilla", "Hoffmann et al. (2022)"),
    EmergentScale("Word in Context (WiC)", "few-shot", 2.5e24, 540 * _B, "PaLM", "Chowdhery et al. (2022)"),
    EmergentScale("Instruction following (fine-tuning)", "augmented", 1.3e23, 68 * _B, "FLAN", "Wei et al. (2022a)"),
    EmergentScale("Scratchpad: 8-digit addition (fine-tuning)", "augmented", 8.9e19, 0.04 * _B, "LaMDA", "Nye et al. (2021)"),
    EmergentScale("Open-book knowledge for fact checking", "augmented", 1.3e22, 7.1 * _B, "Gopher", "Rae et al. (2021)"),
    EmergentScale("Chain of thought: math word problems", "augmented", 1.3e23, 68 * _B, "LaMDA", "Wei et al. (2022b)"),
    EmergentScale("Chain of thought: StrategyQA", "augmented", 2.9e23, 62 * _B, "PaLM", "Chowdhery et al. (2022)"),
    EmergentScale("Differentiable search index", "augmented", 3.3e22, 11 * _B, "T5", "Tay et al. (2022b)"),
    EmergentScale("Self-consistency decoding", "augmented", 1.3e23, 68 * _B, "LaMDA", "Wang et al. (2022b)"),
    EmergentScale("Leveraging explanations in prompting", "augmented", 5.0e23, 280 * _B, "Gopher", "Lampinen et al. (2022)"),
    EmergentScale("Least-to-most prompting", "augmented", 3.1e23, 175 * _B, "GPT-3", "Zhou et al. (2022)"),
    EmergentScale("Zero-shot chain of thought", "augmented", 3.1e23, 175 * _B, "GPT-3", "Kojima et al. (2022)"),
    EmergentScale("Calibration via P(True)", "augmented", 2.6e23, 52 * _B, "Anthropic", "Kadavath et al. (2022)"),
    EmergentScale("Multilingual chain of thought", "augmented", 2.9e23, 62 * _B, "PaLM", "Shi et al. (2022)"),
    EmergentScale("Ask-me-anything prompting", "augmented", 1.4e22, 6 * _B, "EleutherAI", "Arora et al. (2022)"),
)

#: Table 1's remaining row, which names no single scale.
TABLE_1_BIG_BENCH_ROW = "Many BIG-Bench tasks (see Appendix E): FLOPs, parameters and model 'Many'"

#: Wei et al. (2022), Figure 2: the eight few-shot tasks (panel, task, y-axis metric).
FIGURE_2_TASKS: tuple[tuple[str, str, str], ...] = (
    ("A", "Modified arithmetic (3-digit add/subtract, 2-digit multiply; BIG-Bench)", "accuracy"),
    ("B", "IPA transliterate (BIG-Bench)", "BLEU"),
    ("C", "Word unscramble (BIG-Bench)", "exact match"),
    ("D", "Persian QA (BIG-Bench)", "exact match"),
    ("E", "TruthfulQA", "accuracy"),
    ("F", "Grounded conceptual mappings", "accuracy"),
    ("G", "Multi-task NLU (MMLU)", "accuracy"),
    ("H", "Word in Context", "accuracy"),
)

#: §4: a scratchpad *helps only from* about 9e19 training FLOPs (40M parameters), LaMDA, Fig. 3C.
SCRATCHPAD_HELPS_FROM_FLOPS = 9e19
SCRATCHPAD_HELPS_FROM_PARAMS = 40e6
#: §4, "Program execution", verbatim.
SCRATCHPAD_QUOTE = ("on 8-digit addition, using a scratchpad only helps for models of ∼9 · 10¹⁹ training "
                    "FLOPs (40M parameters) or larger.")

#: §4, introduction, verbatim: why prompting and fine-tuning methods count as emergent.
AUGMENTED_EMERGENT_DEFINITION = (
    "If a technique shows no improvement or is harmful when compared to the baseline of not using the "
    "technique until applied to a model of a large-enough scale, we also consider the technique an "
    "emergent ability.")

#: §5.1 (CORROBORATED, not read in a copy of the paper): metrics without partial credit are
#: "at best an incomplete explanation, because emergent abilities are still observed on many
#: classification tasks".
METRIC_EXPLANATION_LIMITS = ("metrics that do not give partial credit are at best an incomplete "
                             "explanation, because emergent abilities are still observed on many "
                             "classification tasks")


def table_1_rows(kind: str | None = None) -> list[EmergentScale]:
    """Rows of Table 1, sorted by training FLOPs; only one ``kind`` if given.

    Used in notebook 01 §1.
    """
    if kind not in (None, "few-shot", "augmented"):
        raise ValueError(f"kind must be None, 'few-shot' or 'augmented', got {kind!r}")
    rows = [r for r in TABLE_1 if kind is None or r.kind == kind]
    return sorted(rows, key=lambda r: r.train_flops)


def table_1_span() -> tuple[float, float]:
    """The smallest and largest training FLOPs of Table 1's named rows: (8.9e19, 2.5e24).

    Used in notebook 01 §1.
    """
    flops = [r.train_flops for r in TABLE_1]
    return min(flops), max(flops)
