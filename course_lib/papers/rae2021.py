"""Rae et al. (2021), "Scaling Language Models: Methods, Analysis & Insights from Training Gopher"
(arXiv:2112.11446): the MassiveWeb data pipeline (Appendix A).

Constants used in lesson 06. How they were checked:

- :data:`PIPELINE_STAGES`: six stages in this order (App. A.1.1), as an expert review of the lesson
  read them in the paper; not re-read in the paper here (corroborated only: the open
  re-implementation ``huggingface/datatrove`` has a Gopher quality filter and a Gopher repetition
  filter, and its FineWeb pipeline runs them in this order).
- :data:`REPETITION_RULES`, :data:`TOP_NGRAM_CHAR_FRACTION`, :data:`DUPLICATE_NGRAM_CHAR_FRACTION`
  (Table A1) are corroborated by datatrove's ``pipeline/filters/gopher_repetition_filter.py``,
  which copies "Table A1 from https://arxiv.org/pdf/2112.11446.pdf" into its source and uses
  the same values as defaults; not read in the paper itself.
- :data:`DEDUP_NGRAM`, :data:`DEDUP_JACCARD`, :data:`TEST_FILTER_NGRAM` (MinHash on 13-grams at
  Jaccard 0.8; test-set filtering by 13-gram Jaccard similarity) come from the same review of
  App. A.1.1; not re-read here (unverified).
- The quality-filter thresholds (:data:`QUALITY_RULES`, :data:`STOP_WORDS`,
  :data:`MIN_STOP_WORDS`) are corroborated by the defaults of the open re-implementation
  ``huggingface/datatrove`` (``pipeline/filters/gopher_quality_filter.py``), which cites the
  paper; they were not read in the paper itself.
"""
from __future__ import annotations

__all__ = ["CITATION", "PIPELINE_STAGES", "QUALITY_RULES", "STOP_WORDS", "MIN_STOP_WORDS", "REPETITION_RULES",
           "TOP_NGRAM_CHAR_FRACTION", "DUPLICATE_NGRAM_CHAR_FRACTION", "DEDUP_NGRAM", "DEDUP_JACCARD",
           "TEST_FILTER_NGRAM"]

CITATION = ("Rae, J. W., et al. (2021). Scaling Language Models: Methods, Analysis & Insights from "
            "Training Gopher. arXiv:2112.11446.")

#: MassiveWeb's six stages in order (App. A.1.1; corroborated, see the module docstring).
PIPELINE_STAGES = ("content filtering", "text extraction", "quality filtering", "repetition removal",
                   "document deduplication", "test-set filtering")

#: Repetition removal, Table A1 (corroborated through datatrove): a document is removed when more
#: than this share of its lines (paragraphs) are duplicates of another line (paragraph) of it, or
#: when the duplicated lines (paragraphs) hold more than this share of its characters.
REPETITION_RULES = {
    "duplicate line fraction": 0.30,
    "duplicate paragraph fraction": 0.30,
    "duplicate line character fraction": 0.20,
    "duplicate paragraph character fraction": 0.20,
}
#: Table A1: remove when the most frequent n-gram covers more than this share of the characters.
TOP_NGRAM_CHAR_FRACTION = {2: 0.20, 3: 0.18, 4: 0.16}
#: Table A1: remove when the n-grams that occur more than once cover more than this share of the characters.
DUPLICATE_NGRAM_CHAR_FRACTION = {5: 0.15, 6: 0.14, 7: 0.13, 8: 0.12, 9: 0.11, 10: 0.10}

#: Document deduplication: MinHash on word 13-grams (App. A.1.1; unverified) ...
DEDUP_NGRAM = 13
#: ... removing documents above Jaccard similarity 0.8 with another (App. A.1.1; unverified).
DEDUP_JACCARD = 0.8
#: Test-set filtering by 13-gram Jaccard similarity with test documents (App. A.1.1; unverified).
TEST_FILTER_NGRAM = 13

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
