"""Hernandez, Brown, Conerly, DasSarma, Drain, El-Showk, Elhage, Hatfield-Dodds, Henighan, Hume,
Johnston, Mann, Olah, Olsson, Amodei, Joseph, Kaplan & McCandlish (2022), "Scaling Laws and
Interpretability of Learning from Repeated Data" (arXiv:2205.10487).

Constants used in lesson 07. How they were checked: every number below was read in the abstract
(Anthropic's publication page and the arXiv v1 text agree word for word on this sentence; verified).
No value from the paper's figures is used.
"""
from __future__ import annotations

__all__ = ["CITATION", "MODEL_PARAMETERS", "DEGRADED_TO_PARAMETERS", "REPEATED_SHARE", "REPEATS",
           "UNIQUE_TOKEN_SHARE"]

CITATION = ("Hernandez, D., Brown, T., Conerly, T., et al. (2022). Scaling Laws and Interpretability of "
            "Learning from Repeated Data. arXiv:2205.10487.")

#: "performance of an 800M parameter model can be degraded to that of a 2x smaller model (400M
#: params) by repeating 0.1% of the data 100 times, despite the other 90% of the training tokens
#: remaining unique" (abstract; verified): the model ...
MODEL_PARAMETERS = 800_000_000
#: ... the size whose performance it fell to ...
DEGRADED_TO_PARAMETERS = 400_000_000
#: ... the share of the data repeated ...
REPEATED_SHARE = 0.001
#: ... how many times it was repeated ...
REPEATS = 100
#: ... and the share of training tokens that stayed unique.
UNIQUE_TOKEN_SHARE = 0.9
