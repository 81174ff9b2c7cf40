"""Zhang, Warstadt, Li & Bowman (2021), "When Do You Need Billions of Words of Pretraining
Data?", ACL-IJCNLP 2021, pp. 1112-1125 (arXiv:2011.04946).

Constants used in lesson 07. How they were checked: the model sizes and the headline result
were read in the ACL Anthology abstract and in the arXiv v1 abstract and introduction (v1 says
"about 10M or 100M words", the ACL version "about 10M to 100M words"). No learning-curve value
from the paper's figures is used: none was read here.
"""
from __future__ import annotations

__all__ = ["CITATION", "PRETRAINING_WORDS", "ROBERTA_BASE_WORDS", "SYNTAX_SEMANTICS_WORDS", "FINDING",
           "MODELS_FROM", "PROBES"]

CITATION = ("Zhang, Y., Warstadt, A., Li, X., & Bowman, S. R. (2021). When Do You Need Billions of Words of "
            "Pretraining Data? ACL-IJCNLP 2021, 1112-1125. arXiv:2011.04946.")

#: The MiniBERTas were pretrained on 1M, 10M, 100M and 1B words (abstract; verified).
PRETRAINING_WORDS = (1_000_000, 10_000_000, 100_000_000, 1_000_000_000)
#: RoBERTa-base, the comparison, was pretrained on "about 30B words" (arXiv v1 introduction; verified).
ROBERTA_BASE_WORDS = 30_000_000_000
#: "only about 10M to 100M words to learn to reliably encode most syntactic and semantic features
#: we test" (ACL abstract; verified).
SYNTAX_SEMANTICS_WORDS = (10_000_000, 100_000_000)
#: "They need a much larger quantity of data in order to acquire enough commonsense knowledge and
#: other skills required to master typical downstream NLU tasks" (ACL abstract; verified).
FINDING = ("syntactic and semantic features: about 10M to 100M words; commonsense knowledge and "
           "downstream NLU skills: much more")

#: The models probed are the MiniBERTas of Warstadt et al. (2020) (arXiv v1 §1, "we probe the MiniBERTas
#: (Warstadt et al., 2020b)"; verified): see :mod:`course_lib.papers.warstadt2020`.
MODELS_FROM = "Warstadt et al. (2020)"
#: The ACL version's five styles of evaluation (ACL abstract; verified): classifier probing,
#: information-theoretic probing, unsupervised relative acceptability judgments (BLiMP),
#: unsupervised language-model knowledge probing (cloze questions about facts) and fine-tuning on
#: NLU tasks. None of them splits facts by how often they occur in the pretraining data.
PROBES = ("classifier probing", "information-theoretic probing", "acceptability judgments (BLiMP)",
          "language-model knowledge probing", "fine-tuning on NLU tasks")
