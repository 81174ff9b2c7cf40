"""Warstadt, Zhang, Li, Liu & Bowman (2020), "Learning Which Features Matter: RoBERTa Acquires a
Preference for Linguistic Generalizations (Eventually)", EMNLP 2020, pp. 217-235.

The paper that pretrained the MiniBERTas which Zhang et al. (2021) probed (Zhang et al. cite them as
"the MiniBERTas (Warstadt et al., 2020b)": arXiv v1 of Zhang et al., §1; verified). How the constants
were checked: read in the ACL Anthology abstract (verified).
"""
from __future__ import annotations

__all__ = ["CITATION", "PRETRAINING_WORDS_RANGE", "ROBERTA_BASE_WORDS"]

CITATION = ("Warstadt, A., Zhang, Y., Li, X., Liu, H., & Bowman, S. R. (2020). Learning Which Features Matter: "
            "RoBERTa Acquires a Preference for Linguistic Generalizations (Eventually). EMNLP 2020, 217-235.")

#: "We pretrain RoBERTa from scratch on quantities of data ranging from 1M to 1B words" (abstract; verified).
PRETRAINING_WORDS_RANGE = (1_000_000, 1_000_000_000)
#: RoBERTa-base's "about 30B words of pretraining data" (abstract; verified).
ROBERTA_BASE_WORDS = 30_000_000_000
