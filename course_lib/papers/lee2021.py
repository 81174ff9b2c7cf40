"""Lee, Ippolito, Nystrom, Zhang, Eck, Callison-Burch & Carlini (2021/22), "Deduplicating Training
Data Makes Language Models Better", ACL 2022 (arXiv:2107.06499).

Constants used in lessons 06 and 07. How they were checked:

- The abstract's numbers (:data:`VERBATIM_OUTPUT_SHARE`, :data:`C4_SENTENCE_WORDS`,
  :data:`C4_SENTENCE_REPEATS_OVER`, :data:`MEMORIZED_LESS_FACTOR`, :data:`VALIDATION_OVERLAP_OVER`)
  were read in the abstract itself (verified).
- The method settings (:data:`EXACT_SUBSTRING_TOKENS`, :data:`NEAR_DUP_NGRAM`,
  :data:`NEAR_DUP_NUM_PERM`, :data:`NEAR_DUP_BANDS`, :data:`NEAR_DUP_ROWS`,
  :data:`NEAR_DUP_JACCARD`, :data:`NEAR_DUP_EDIT_SIMILARITY`) and Table 2 / Table 3 are
  corroborated: several independent transcriptions of §4 and the tables agree, and the authors'
  repository README (``google-research/deduplicate-text-datasets``) states the 50-token (100-byte)
  threshold; they were not read in the paper's own PDF here.

The repository README also says that cutting repeated spans can create new duplicates, so "To
generate the result of our paper, we ran the deduplicator twice" (verified in the README; lesson
06 §2b quotes it).

The paper writes the LSH probability with the letters the other way round from this course
(their b = hashes per bucket = our rows, their r = buckets = our bands).
"""
from __future__ import annotations

__all__ = ["CITATION", "VERBATIM_OUTPUT_SHARE", "C4_SENTENCE_WORDS", "C4_SENTENCE_REPEATS_OVER",
           "C4_SENTENCE_REPEATS", "MEMORIZED_LESS_FACTOR", "VALIDATION_OVERLAP_OVER", "EXACT_SUBSTRING_TOKENS",
           "NEAR_DUP_NGRAM", "NEAR_DUP_NUM_PERM", "NEAR_DUP_BANDS", "NEAR_DUP_ROWS", "NEAR_DUP_JACCARD",
           "NEAR_DUP_EDIT_SIMILARITY", "TRAIN_NEAR_DUP_SHARE", "TRAIN_REPEATED_SPAN_TOKEN_SHARE",
           "EXACT_SUBSTRING_KNEE_TOKENS", "EXACT_SUBSTRING_NO_FALSE_POSITIVE_TOKENS"]

CITATION = ("Lee, K., Ippolito, D., Nystrom, A., Zhang, C., Eck, D., Callison-Burch, C., & Carlini, N. "
            "(2022). Deduplicating Training Data Makes Language Models Better. ACL 2022. arXiv:2107.06499.")

#: "over 1% of the unprompted output of language models trained on these datasets is copied
#: verbatim from the training data" (abstract; verified).
VERBATIM_OUTPUT_SHARE = 0.01
#: "a single 61 word English sentence" (abstract; verified) ...
C4_SENTENCE_WORDS = 61
#: ... "that is repeated over 60,000 times" in C4 (abstract; verified).
C4_SENTENCE_REPEATS_OVER = 60_000
#: Exact count of that sentence in C4's training split, §1 (corroborated).
C4_SENTENCE_REPEATS = 61_036
#: Deduplicated models "emit memorized text ten times less frequently" (abstract; verified).
MEMORIZED_LESS_FACTOR = 10
#: Train-test overlap "affects over 4% of the validation set of standard datasets" (abstract; verified).
VALIDATION_OVERLAP_OVER = 0.04

#: ExactSubstr: repeated substrings of at least 50 tokens are removed (§4.1; the repository README
#: says "we used 50 tokens"; corroborated).
EXACT_SUBSTRING_TOKENS = 50
#: NearDup: MinHash over space-tokenised 5-grams (§4.2; corroborated) ...
NEAR_DUP_NGRAM = 5
#: ... with 9,000 hash functions (§4.2; corroborated) ...
NEAR_DUP_NUM_PERM = 9_000
#: ... cut into 450 bands ("buckets") ...
NEAR_DUP_BANDS = 450
#: ... of 20 hashes each (§4.2; corroborated).
NEAR_DUP_ROWS = 20
#: A candidate pair counts as a near duplicate if its Jaccard similarity is above 0.8 ... (§4.2)
NEAR_DUP_JACCARD = 0.8
#: ... and its edit similarity, 1 − (token edit distance) / (longer length), is above 0.8 (§4.2 and
#: App. A; corroborated). Confirmed pairs are then clustered (connected components).
NEAR_DUP_EDIT_SIMILARITY = 0.8

#: Table 2: share of training examples flagged as near duplicates by NearDup (corroborated).
TRAIN_NEAR_DUP_SHARE = {"C4": 0.0304, "RealNews": 0.1363, "LM1B": 0.0486, "Wiki-40B": 0.0039}
#: Table 3: share of training tokens inside repeated 50-token spans (ExactSubstr; corroborated).
TRAIN_REPEATED_SPAN_TOKEN_SHARE = {"C4": 0.0718, "RealNews": 0.194, "LM1B": 0.0076, "Wiki-40B": 0.0276}

#: ExactSubstr's span length (App. B, as an expert review of the lesson read it; not re-read here,
#: unverified): the share of text flagged has its knee near 10 tokens ...
EXACT_SUBSTRING_KNEE_TOKENS = 10
#: ... matches of 25 tokens showed no false positives on inspection, and the authors doubled that
#: to the 50 tokens they used (:data:`EXACT_SUBSTRING_TOKENS`; unverified). Their released tool
#: removes every copy of a repeated span, the first one included (the repository's README; corroborated).
EXACT_SUBSTRING_NO_FALSE_POSITIVE_TOKENS = 25
