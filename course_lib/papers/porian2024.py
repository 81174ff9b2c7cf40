"""Porian, Wortsman, Jitsev, Schmidt & Carmon (2024), "Resolving Discrepancies in Compute-Optimal
Scaling of Language Models", NeurIPS 2024, arXiv:2406.19146.

Used in lesson 05 §5. What was checked and how: the abstract (the three factors, "excellent
agreement" with Hoffmann et al., learning-rate decay "not essential") was read in the arXiv HTML
version (v2) and agrees with two abstract copies; the run count and the size range are
corroborated by third-party summaries only (Figure 1 caption "over 900 training runs"; models
from 5M to 901M parameters), not read in the paper itself.
"""
from __future__ import annotations

__all__ = ["CITATION", "FACTORS", "DECAY_ESSENTIAL", "TRAINING_RUNS"]

CITATION = ("Porian, T., Wortsman, M., Jitsev, J., Schmidt, L., & Carmon, Y. (2024). Resolving Discrepancies "
            "in Compute-Optimal Scaling of Language Models. NeurIPS 2024. arXiv:2406.19146.")
#: abstract: the three factors that explain the gap between Kaplan et al.'s and Hoffmann et al.'s laws
FACTORS = ("last layer computational cost", "warmup duration", "scale-dependent optimizer tuning")
#: abstract: "Counter to a hypothesis of Hoffmann et al., we find that careful learning rate decay is not
#: essential for the validity of their scaling law."
DECAY_ESSENTIAL = False
#: Figure 1 caption, as quoted by third parties: "over 900 training runs" (corroborated, not read)
TRAINING_RUNS = 900
