"""Soldaini et al. (2024), "Dolma: an Open Corpus of Three Trillion Tokens for Language Model
Pretraining Research" (arXiv:2402.00159): how Dolma deduplicated.

Used in lesson 06 ("At scale"). Checked: the Dolma toolkit's documentation
(``allenai/dolma``, ``docs/deduplication.md``) says that ``dolma dedupe`` deduplicates documents
(by a key such as the URL) or paragraphs ("identified by splitting the text field by newline
characters") "via an in-memory Bloom Filter, so there is a possibility of false positives"
(verified in the toolkit's docs). That Dolma's web data went through URL, document and
paragraph deduplication in this way is what the paper reports as summarised elsewhere; the
paper was not re-read here (corroborated only). No number of the paper is used.
"""
from __future__ import annotations

__all__ = ["CITATION", "DEDUP_UNITS", "DEDUP_STRUCTURE"]

CITATION = ("Soldaini, L., et al. (2024). Dolma: an Open Corpus of Three Trillion Tokens for Language Model "
            "Pretraining Research. ACL 2024. arXiv:2402.00159.")

#: What the toolkit can deduplicate: whole documents by a key (a URL, say) or newline-separated paragraphs.
DEDUP_UNITS = ("document key", "paragraph")
#: The structure that remembers what was seen: a Bloom filter (false positives possible, no false negatives).
DEDUP_STRUCTURE = "Bloom filter"
