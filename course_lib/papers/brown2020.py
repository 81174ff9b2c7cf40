"""Brown et al. (2020), "Language Models are Few-Shot Learners" (GPT-3; arXiv:2005.14165),
Appendix C: the test-set contamination filter.

Constants used in lesson 06. Checked: Appendix C ("Details of Test Set Contamination Studies",
pp. 43-45) was read in a text extraction of the arXiv PDF for every constant and quote here
(verified): the four filter settings, the first policy and why it was abandoned ("overly penalized
long documents such as books for false positives. An example of a false positive might be a test
set based on Wikipedia, in which the Wikipedia article quotes a single line from a book"), the
overlap analysis's N ("a minimum value of 8 on non-synthetic tasks", at most 13; Table C.1 lists
N = 7 for Symbol Insertion and N = 2 for the anagram, reversed-words and cycled-letters tasks),
and the bug ("filtering described above failed on long documents such as books. Because of cost
considerations it was infeasible to retrain the model ... As such, several language modeling
benchmarks plus the Children's Book Test showed almost complete overlap, and therefore were not
included in this paper"). The same four settings are the documented defaults of EleutherAI's
re-implementation (lm-evaluation-harness ``scripts/clean_training_data``), which says "OpenAI
used: ngram_n = 13, window_to_remove = 200, minimum_slice_length = 200, too_dirty_cutoff = 10".
"""
from __future__ import annotations

__all__ = ["CITATION", "NGRAM", "WINDOW_CHARS", "MIN_PIECE_CHARS", "MAX_PIECES", "MAX_TRAIN_DOCS_PER_NGRAM",
           "ANALYSIS_MIN_NGRAM", "FIRST_POLICY", "FIRST_POLICY_PROBLEM", "BUG"]

CITATION = ("Brown, T. B., et al. (2020). Language Models are Few-Shot Learners. NeurIPS 2020. "
            "arXiv:2005.14165.")

#: Overlaps were searched as 13-grams of lowercase words without punctuation (App. C; verified).
NGRAM = 13
#: The colliding 13-gram and a 200-character window around it are removed (App. C; verified).
WINDOW_CHARS = 200
#: Pieces shorter than 200 characters are discarded (App. C; verified).
MIN_PIECE_CHARS = 200
#: Documents split into more than 10 pieces are removed entirely (App. C; verified).
MAX_PIECES = 10
#: 13-grams that match more than 10 training documents are ignored (App. C; verified).
MAX_TRAIN_DOCS_PER_NGRAM = 10
#: For the overlap *analysis*, N was the 5th-percentile example length in words, at most 13 and
#: "a minimum value of 8 on non-synthetic tasks" (App. C; verified); Table C.1 goes lower for
#: synthetic tasks (N = 7 for Symbol Insertion, N = 2 for anagrams, reversed and cycled letters;
#: verified). The overlap metric gives many false positives on "examples less than 8 words long,
#: which we ignored in our filtering process (except for words scrambling tasks)" (App. C; verified).
ANALYSIS_MIN_NGRAM = 8

#: GPT-3's first policy, later abandoned: drop a whole training document on a single colliding
#: 13-gram (App. C; verified).
FIRST_POLICY = "drop the whole document on one collision"
#: Why it was abandoned: it "overly penalized long documents such as books for false positives. An
#: example of a false positive might be a test set based on Wikipedia, in which the Wikipedia article
#: quotes a single line from a book" (App. C; verified).
FIRST_POLICY_PROBLEM = "overly penalized long documents such as books for false positives"
#: The admitted bug: the filtering failed on long documents such as books, and retraining was not
#: feasible, so some overlaps stayed in the training data; as a consequence "several language
#: modeling benchmarks plus the Children's Book Test showed almost complete overlap, and therefore
#: were not included in this paper" (App. C; verified).
BUG = "the filter failed on long documents such as books; the model was not retrained"
