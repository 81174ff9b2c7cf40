"""Rae et al. (2021), "Scaling Language Models: Methods, Analysis & Insights from Training Gopher"
(arXiv:2112.11446): the MassiveWeb data pipeline (Appendix A).

Constants used in lesson 06. How they were checked:

- :data:`PIPELINE_STAGES` (the order of the stages) is taken from Appendix A.1.1 from memory of
  the paper and not re-read here: treat it as unverified.
- The quality-filter thresholds (:data:`QUALITY_RULES`, :data:`STOP_WORDS`,
  :data:`MIN_STOP_WORDS`) are corroborated by the defaults of the open re-implementation
  ``huggingface/datatrove`` (``pipeline/filters/gopher_quality_filter.py``), which cites the
  paper; they were not read in the paper itself.
"""
from __future__ import annotations

__all__ = ["CITATION", "PIPELINE_STAGES", "QUALITY_RULES", "STOP_WORDS", "MIN_STOP_WORDS"]

CITATION = ("Rae, J. W., et al. (2021). Scaling Language Models: Methods, Analysis & Insights from "
            "Training Gopher. arXiv:2112.11446.")

#: MassiveWeb's stages in order (App. A.1.1; unverified, from memory of the paper). The paper
#: also removes documents with much internal repetition before deduplication.
PIPELINE_STAGES = ("content filtering", "text extraction", "quality filtering", "deduplication",
                   "test-set filtering")

#: The quality heuristics (App. A; corroborated through datatrove's defaults).
QUALITY_RULES = {
    "min_words": 50,            # keep documents with 50 ...
    "max_words": 100_000,       # ... to 100,000 words
    "min_mean_word_length": 3,  # mean word length 3 to 10 characters
    "max_mean_word_length": 10,
    "max_symbol_word_ratio": 0.1,    # "#" and "..." per word
    "max_bullet_lines_ratio": 0.9,   # remove if more than 90% of lines start with a bullet
    "max_ellipsis_lines_ratio": 0.3,  # remove if more than 30% of lines end with an ellipsis
    "min_alpha_words_ratio": 0.8,    # at least 80% of words contain an alphabetic character
}
#: The stop words of the rule below (corroborated through datatrove).
STOP_WORDS = ("the", "be", "to", "of", "and", "that", "have", "with")
#: A document must contain at least this many of :data:`STOP_WORDS` (corroborated through datatrove).
MIN_STOP_WORDS = 2
