"""Michaud, Liu, Girit & Tegmark (2023), "The Quantization Model of Neural Scaling", NeurIPS 2023
(arXiv:2303.13506, March 2023). An alternative account of emergence that *predates* the mirage
paper (April 2023), which cites it; not a reply to it.

What was checked, and how: :data:`FINDING` is quoted from the abstract (NeurIPS text copy) and
:data:`LIMITATION` from the paper's limitations (a full-text copy), both found with the course's
text search. VERIFIED.
"""
from __future__ import annotations

__all__ = ["CITATION", "FINDING", "LIMITATION", "RELATION"]

CITATION = ("Michaud, E. J., Liu, Z., Girit, U., & Tegmark, M. (2023). The Quantization Model of Neural "
            "Scaling. NeurIPS 2023. arXiv:2303.13506.")

#: Abstract, verbatim.
FINDING = ("network knowledge and skills are \"quantized\" into discrete chunks (quanta)")

#: Limitations, verbatim.
LIMITATION = ("Gradual scaling seems typical in LLMs [Schaeffer et al., 2023], and it could be more "
              "parsimonious to model neural scaling as an underlying smooth process")

RELATION = ("alternative account (March 2023, before the critique): skills are learned as discrete "
            "quanta, so one skill can switch on at a size while the loss falls smoothly")
