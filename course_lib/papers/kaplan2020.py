"""Kaplan et al. (2020), "Scaling Laws for Neural Language Models", arXiv:2001.08361.

Constants used in lesson 05. Checked by the course's fact sheet against a full-text copy of
the paper (§1.2-1.3, §2; Eqs. 1.1-1.5); one OCR copy misprints D_c and C_c, the values below
are the paper's. The reason the allocation differs from Chinchilla's is Hoffmann et al.'s (§2),
quoted in :data:`WHY_DIFFERENT`.
"""
from __future__ import annotations

__all__ = ["CITATION", "ALPHA_N", "N_C", "ALPHA_D", "D_C", "N_OPT_EXPONENT", "D_OPT_EXPONENT", "WHY_DIFFERENT",
           "LARGEST_NON_EMBEDDING", "TOKENIZATION_CAVEAT"]

CITATION = ("Kaplan, J., McCandlish, S., Henighan, T., et al. (2020). Scaling Laws for Neural Language "
            "Models. arXiv:2001.08361.")
#: Eq. 1.1: L(N) = (N_c / N)^alpha_N, N non-embedding parameters
ALPHA_N, N_C = 0.076, 8.8e13
#: Eq. 1.2: L(D) = (D_c / D)^alpha_D
ALPHA_D, D_C = 0.095, 5.4e13
#: §1.2 / Hoffmann et al. Table 2: compute-optimal N ∝ C^0.73, D ∝ C^0.27
N_OPT_EXPONENT, D_OPT_EXPONENT = 0.73, 0.27
#: Hoffmann et al. (2022) §2 and §3, paraphrased: why the two allocations differ (their explanation of
#: 2022; Porian et al. 2024 and Pearce & Song 2024 found other causes, see those modules). The fixed
#: schedule is in the course's fact sheet (verified). The run sizes: Hoffmann et al. §2 say that "the
#: majority" of Kaplan et al.'s runs were significantly smaller than 500M parameters (the word "majority"
#: as a reviewer quotes §2; not re-read here), although Kaplan et al. trained up to about 1.5B
#: non-embedding parameters (:data:`LARGEST_NON_EMBEDDING`). The curvature point is Hoffmann et al.'s
#: App. E as the course's review reads it (not re-read here): their compute-optimal frontier bends at
#: large budgets, which fits made on small models cannot see.
WHY_DIFFERENT = ("Kaplan et al. used a fixed number of training tokens and learning-rate schedule for all "
                 "models, so the losses of shorter runs were read off runs whose cosine schedule had not "
                 "finished, overestimating them; most of their runs were well under 500M parameters (many "
                 "under 100M; their largest about 1.5B non-embedding), and the compute-optimal frontier "
                 "curves at larger budgets (App. E), which fits on small models cannot see.")
#: §2: their largest model, about 1.5B non-embedding parameters (third-party summaries, e.g. the README of
#: shehper/scaling_laws: "the largest model having 1.5B parameters"; corroborated, not read in the paper here)
LARGEST_NON_EMBEDDING = 1.5e9
#: §1.2, after Eqs. 1.1-1.3: "The precise numerical values of N_c, C_c^min, and D_c depend on the vocabulary
#: size and tokenization and hence do not have a fundamental meaning." (read in a full-text copy of the paper;
#: verified)
TOKENIZATION_CAVEAT = "depend on the vocabulary size and tokenization"
