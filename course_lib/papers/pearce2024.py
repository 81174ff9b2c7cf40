"""Pearce & Song (2024), "Reconciling Kaplan and Chinchilla Scaling Laws", arXiv:2406.12907 (TMLR 2024).

Used in lesson 05 §5. What was checked and how: the abstract was read in the arXiv HTML versions
v1-v3 ("much of this discrepancy can be attributed to Kaplan counting non-embedding rather than
total parameters, combined with their analysis being performed at small scale"; Kaplan
N_opt ∝ C^0.73, Chinchilla N_opt ∝ C^0.50; the recommendation to use total parameters and compute).
"""
from __future__ import annotations

__all__ = ["CITATION", "KAPLAN_EXPONENT", "CHINCHILLA_EXPONENT", "CAUSE", "RECOMMENDATION"]

CITATION = ("Pearce, T., & Song, J. (2024). Reconciling Kaplan and Chinchilla Scaling Laws. "
            "arXiv:2406.12907.")
#: abstract: the two exponents of N_opt ∝ C^a being reconciled
KAPLAN_EXPONENT, CHINCHILLA_EXPONENT = 0.73, 0.50
#: abstract, paraphrased
CAUSE = "counting non-embedding rather than total parameters, with the analysis done at small scale"
#: abstract: "we recommend that future scaling studies use total parameters and compute"
RECOMMENDATION = "use total parameters and total compute"
