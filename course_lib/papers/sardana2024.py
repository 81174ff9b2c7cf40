"""Sardana, Portes, Doubov & Frankle (2024), "Beyond Chinchilla-Optimal: Accounting for Inference
in Language Model Scaling Laws", ICML 2024, arXiv:2401.00448.

Constants used in lesson 05. The abstract was checked against an ICML-version abstract copy;
the worked example and the coefficients against the README and code of the authors' repository
(nikhilsardana/beyond-chinchilla, commit 190f70e); :func:`course_lib.scaling.inference_optimal`
reproduces the worked example (tests/test_scaling.py). The objective "6 N D_train + 2 N D_inference
at a fixed loss" is quoted from a secondary source (not read in the paper itself).
"""
from __future__ import annotations

__all__ = ["CITATION", "REPO_COEFFICIENTS", "WORKED_EXAMPLE", "CLAIM", "INFERENCE_TOKENS", "COST_ANALYSIS",
           "EXTREME_TOKENS_PER_PARAMETER", "EXTREME_RATIO_FINDINGS"]

CITATION = ("Sardana, N., Portes, J., Doubov, S., & Frankle, J. (2024). Beyond Chinchilla-Optimal: "
            "Accounting for Inference in Language Model Scaling Laws. ICML 2024. arXiv:2401.00448.")
#: the repository's default law (E, A, B, alpha, beta): neither Hoffmann's rounded nor TeX exponents
REPO_COEFFICIENTS = (1.69, 406.4, 410.7, 0.336, 0.283)
#: README worked example: a loss of 1.947 with 2e12 inference tokens
WORKED_EXAMPLE = {"loss": 1.947, "inference_tokens": 2e12, "params": 2.418e10, "train_tokens": 2.657e12,
                  "share_of_params": 0.7096, "share_of_tokens": 1.4677, "share_of_cost": 0.9522}
#: abstract
CLAIM = ("LLM researchers expecting reasonably large inference demand (~1B requests) should train models "
         "smaller and longer than Chinchilla-optimal.")
#: what D_inference counts: every token the model processes in use, the prompts' (input) tokens as
#: well as the generated (output) ones, each at 2N FLOPs (from the course's review of §2; not re-read here)
INFERENCE_TOKENS = "input and output tokens"
#: arXiv v1 abstract (read in the arXiv HTML version): "We conduct our analysis both in terms of a compute
#: budget and real-world costs" (hardware utilisation differs between training and inference)
COST_ANALYSIS = ("compute budget", "real-world costs")
#: ICML 2024 abstract (PMLR v235, sardana24a.pdf, read; verified): "model quality continues to improve as we
#: scale tokens per parameter to extreme ranges (up to 10,000)"
EXTREME_TOKENS_PER_PARAMETER = 10_000
#: the same abstract, both findings quoted (verified)
EXTREME_RATIO_FINDINGS = ("model quality continues to improve as we scale tokens per parameter to extreme ranges "
                          "(up to 10,000)", "developing scaling laws only from data collected at typical "
                          "token/parameter ratios overestimates the impact of additional tokens at these extreme ranges")
