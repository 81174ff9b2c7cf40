"""Wei et al. (2022), "Emergent Abilities of Large Language Models", TMLR (arXiv:2206.07682).

Constants used in lesson 01. Table 1 lists, for each emergent ability, the smallest scale
at which the paper saw it (training FLOPs, parameters, model family). Figure 2 shows eight
few-shot tasks whose performance is near random until a threshold and then rises.
"""
from __future__ import annotations

from typing import NamedTuple

__all__ = ["CITATION", "DEFINITION", "EmergentScale", "TABLE_1", "FIGURE_2_TASKS", "table_1_rows"]

CITATION = ("Wei, J., Tay, Y., Bommasani, R., et al. (2022). Emergent Abilities of Large Language "
            "Models. Transactions on Machine Learning Research. arXiv:2206.07682.")

#: The paper's definition (Section 2).
DEFINITION = ("An ability is emergent if it is not present in smaller models but is present in "
              "larger models.")


class EmergentScale(NamedTuple):
    """One row of Wei et al. (2022) Table 1."""

    ability: str
    kind: str          # "few-shot" (a task) or "augmented" (a prompting or fine-tuning method)
    train_flops: float
    params: float
    model: str


_B = 1e9
#: Wei et al. (2022), Table 1: emergent scale (training FLOPs, parameters, model).
TABLE_1: tuple[EmergentScale, ...] = (
    EmergentScale("Addition/subtraction (3 digit)", "few-shot", 2.3e22, 13 * _B, "GPT-3"),
    EmergentScale("Addition/subtraction (4-5 digit)", "few-shot", 3.1e23, 175 * _B, "GPT-3"),
    EmergentScale("MMLU benchmark (57 topic avg.)", "few-shot", 3.1e23, 175 * _B, "GPT-3"),
    EmergentScale("Toxicity classification", "few-shot", 1.3e22, 7.1 * _B, "Gopher"),
    EmergentScale("Truthfulness (TruthfulQA)", "few-shot", 5.0e23, 280 * _B, "Gopher"),
    EmergentScale("MMLU benchmark (26 topics)", "few-shot", 5.0e23, 280 * _B, "Gopher"),
    EmergentScale("Grounded conceptual mappings", "few-shot", 3.1e23, 175 * _B, "GPT-3"),
    EmergentScale("MMLU benchmark (30 topics)", "few-shot", 5.0e23, 70 * _B, "Chinchilla"),
    EmergentScale("Word in Context (WiC)", "few-shot", 2.5e24, 540 * _B, "PaLM"),
    EmergentScale("Instruction following (fine-tuning)", "augmented", 1.3e23, 68 * _B, "FLAN"),
    EmergentScale("Scratchpad: 8-digit addition (fine-tuning)", "augmented", 8.9e19, 0.04 * _B, "LaMDA"),
    EmergentScale("Chain of thought: math word problems", "augmented", 1.3e23, 68 * _B, "LaMDA"),
    EmergentScale("Chain of thought: StrategyQA", "augmented", 2.9e23, 62 * _B, "PaLM"),
    EmergentScale("Self-consistency decoding", "augmented", 1.3e23, 68 * _B, "LaMDA"),
    EmergentScale("Calibration via P(True)", "augmented", 2.6e23, 52 * _B, "Anthropic"),
)

#: Wei et al. (2022), Figure 2: the eight few-shot tasks (panel, task, metric).
FIGURE_2_TASKS: tuple[tuple[str, str, str], ...] = (
    ("A", "Modified arithmetic (3-digit add/subtract, 2-digit multiply; BIG-Bench)", "exact match"),
    ("B", "IPA transliterate (BIG-Bench)", "BLEU"),
    ("C", "Word unscramble (BIG-Bench)", "exact match"),
    ("D", "Persian QA (BIG-Bench)", "exact match"),
    ("E", "TruthfulQA", "accuracy"),
    ("F", "Grounded conceptual mappings", "accuracy"),
    ("G", "Multi-task NLU (MMLU)", "accuracy"),
    ("H", "Word in Context", "accuracy"),
)


def table_1_rows(kind: str | None = None) -> list[EmergentScale]:
    """Rows of Table 1, sorted by training FLOPs; only one ``kind`` if given."""
    if kind not in (None, "few-shot", "augmented"):
        raise ValueError(f"kind must be None, 'few-shot' or 'augmented', got {kind!r}")
    rows = [r for r in TABLE_1 if kind is None or r.kind == kind]
    return sorted(rows, key=lambda r: r.train_flops)
