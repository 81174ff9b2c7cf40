"""Nanda, Chan, Lieberum, Smith & Steinhardt (2023), "Progress measures for grokking via mechanistic
interpretability", ICLR 2023 (arXiv:2301.05217).

Constants used in lesson 03 §2 and §4. What was checked and how:

- ``SETUP`` (p, training fraction, widths, optimiser, learning rate, weight decay, betas, epochs,
  warmup): **verified** in the authors' code, ``mechanistic-interpretability-grokking/progress-measures-paper``,
  file ``transformers.py`` (commit 5bf4dad): ``Config`` has ``num_epochs = 50000``, and the
  ``Trainer`` uses ``torch.optim.AdamW`` (decay scaled by the learning rate) and warms the learning rate up over 10 steps (``LambdaLR(..., lambda step: min(step/10, 1))``).
  §3 of the paper, as transcribed by others (the PDF itself was not read), says 40,000 epochs:
  ``EPOCHS_SECTION_3`` (corroborated).
- ``RESTRICTED_LOSS_PAIRS``: **verified** in the same file: ``calculate_trig_loss`` (the restricted
  loss) is called with its default ``mode='all'``, i.e. on all p² pairs; the excluded loss uses
  ``mode='train'``. ``WEIGHT_NORM``: the code's ``sum_of_squared_weights`` (verified).
- ``KEY_FREQUENCIES``: **corroborated**. Read in a copy of the authors' figure script (its comment
  "Of the six non-zero frequencies, five frequencies appear in later parts of the network,
  corresponding to k ∈ {14, 35, 41, 42, 52}") and in many independent notes that agree; §4.1 of
  the PDF was not read. They belong to *one* training run: other seeds use other frequencies, and
  only 3 or 4 of them (App. C.2.1: ``OTHER_SEEDS_KEY_FREQUENCIES_QUOTE``, corroborated in a verbatim
  transcription of the appendix whose Table 3 lists 4, 3 and 4 frequencies for seeds 1-3).
- ``GENERALISES_AFTER_EPOCHS`` and the phase boundaries: **corroborated** (a verbatim
  transcription of §3 and §5.2, not the PDF).
- ``ABSTRACT_ALGORITHM`` and ``ABSTRACT_PHASES``: **verified** (the arXiv abstract, several copies).
"""
from __future__ import annotations

__all__ = ["CITATION", "SETUP", "EPOCHS_SECTION_3", "RESTRICTED_LOSS_PAIRS", "WEIGHT_NORM", "KEY_FREQUENCIES", "OTHER_SEEDS_KEY_FREQUENCIES_QUOTE",
           "GENERALISES_AFTER_EPOCHS", "PHASES", "ABSTRACT_ALGORITHM",
           "ABSTRACT_PHASES", "SOURCES"]

CITATION = ("Nanda, N., Chan, L., Lieberum, T., Smith, J., & Steinhardt, J. (2023). Progress measures for "
            "grokking via mechanistic interpretability. ICLR 2023. arXiv:2301.05217.")

#: §3 and the authors' transformers.py (verified in the code)
SETUP = {
    "p": 113,
    "train_fraction": 0.3,
    "model": "one-layer ReLU transformer, no LayerNorm, d_model 128, 4 heads of 32, MLP of 512",
    "optimizer": "AdamW, full batch",
    "learning_rate": 1e-3,
    "weight_decay": 1.0,
    "betas": (0.9, 0.98),
    "warmup_steps": 10,
    "epochs": 50_000,
}

#: §3's number of epochs (corroborated); the code's default is SETUP["epochs"]
EPOCHS_SECTION_3 = 40_000

#: which pairs the restricted loss is measured on in the authors' code (verified)
RESTRICTED_LOSS_PAIRS = "all p² pairs (calculate_trig_loss, mode='all')"
#: what the authors' code logs as the weight norm (verified)
WEIGHT_NORM = "sum of the squared weights of every parameter"

#: §4.1: the frequencies k (w_k = 2πk/p) the mainline run uses (corroborated; one seed's run)
KEY_FREQUENCIES = (14, 35, 41, 42, 52)

#: §3: "After around 10,000 epochs, the network generalizes" (corroborated)
GENERALISES_AFTER_EPOCHS = 10_000

#: App. C.2.1, on the four other seeds (corroborated: a verbatim transcription of the appendix in
#: re-implementation notes; Table 3 there lists 4, 3, 4 frequencies for seeds 1-3)
OTHER_SEEDS_KEY_FREQUENCIES_QUOTE = ("The matrices are sparse in the Fourier basis, enabling us to identify 3 or 4 key "
                                     "frequencies for each of the seeds.")

#: §5.2: the three phases of the mainline run, in epochs (corroborated)
PHASES = {"memorization": (0, 1_400), "circuit formation": (1_400, 9_400), "cleanup": (9_400, 14_000)}

#: the abstract (verified)
ABSTRACT_ALGORITHM = ("uses discrete Fourier transforms and trigonometric identities to convert addition to "
                      "rotation about a circle")
ABSTRACT_PHASES = ("grokking, rather than being a sudden shift, arises from the gradual amplification of "
                   "structured mechanisms encoded in the weights, followed by the later removal of "
                   "memorizing components")

SOURCES = {"SETUP": "authors' transformers.py (verified)", "EPOCHS_SECTION_3": "§3 (corroborated)",
           "RESTRICTED_LOSS_PAIRS": "authors' transformers.py (verified)",
           "WEIGHT_NORM": "authors' transformers.py (verified)", "KEY_FREQUENCIES": "§4.1 (corroborated)",
           "OTHER_SEEDS_KEY_FREQUENCIES_QUOTE": "App. C.2.1 (corroborated)",
           "GENERALISES_AFTER_EPOCHS": "§3 (corroborated)", "PHASES": "§5.2 (corroborated)",
           "ABSTRACT_ALGORITHM": "abstract (verified)", "ABSTRACT_PHASES": "abstract (verified)"}
