"""Schaeffer, Schoelkopf, Miranda, et al. (2024), "Why Has Predicting Downstream Capabilities of
Frontier AI Models with Scale Remained Elusive?" (arXiv:2406.04391, June 2024). The mirage
paper's first author, a year on: why multiple-choice scores are hard to predict from scale.

What was checked, and how: :data:`FINDING` is quoted from the arXiv abstract of arXiv:2406.04391
as mirrored from arXiv (the paper's own text, and the same wording on OpenReview's CoRR entry),
found with the course's text search. VERIFIED (abstract only). An earlier wording of the abstract,
seen on a third-party page, ends "on specific incorrect choices with scale"; the arXiv text reads
"on the alternative incorrect choices with scale", quoted here. The venue
was NOT checked, so none is given; the full author list was not checked beyond the first three.
"""
from __future__ import annotations

__all__ = ["CITATION", "FINDING", "RELATION", "PREDICTED_FROM"]

CITATION = ("Schaeffer, R., Schoelkopf, H., Miranda, B., et al. (2024). Why Has Predicting Downstream "
            "Capabilities of Frontier AI Models with Scale Remained Elusive? arXiv:2406.04391.")

#: Abstract, verbatim.
FINDING = ("downstream metrics require comparing the correct choice against a small number of specific "
           "incorrect choices, meaning accurately predicting downstream capabilities requires predicting "
           "not just how probability mass concentrates on the correct choice with scale, but also how "
           "probability mass fluctuates on the alternative incorrect choices with scale.")

RELATION = ("follow-up by the critique's first author (2024): a multiple-choice score depends on the "
            "probability left on the wrong options, not only on the correct one")

#: The quantity from which the paper says a capability can (or cannot) be predicted.
PREDICTED_FROM = "the probability on the correct choice and on the alternative incorrect choices"
