"""Lu, Bigoulaeva, Sachdeva, Tayyar Madabushi & Gurevych (2024), "Are Emergent Abilities in Large
Language Models just In-Context Learning?", ACL 2024 (Long Papers), pp. 5098-5139 (arXiv:2309.01809).

What was checked, and how: :data:`FINDING` is quoted from the abstract on the ACL Anthology page
(2024.acl-long.279), found with the course's text search. VERIFIED (abstract only).
"""
from __future__ import annotations

__all__ = ["CITATION", "FINDING", "RELATION"]

CITATION = ("Lu, S., Bigoulaeva, I., Sachdeva, R., Tayyar Madabushi, H., & Gurevych, I. (2024). Are "
            "Emergent Abilities in Large Language Models just In-Context Learning? ACL 2024, 5098-5139. "
            "arXiv:2309.01809.")

#: ACL abstract, verbatim.
FINDING = ("purported emergent abilities are not truly emergent, but result from a combination of "
           "in-context learning, model memory, and linguistic knowledge.")

RELATION = ("independent sceptical paper (2023-24), not a reply to the mirage critique: claimed emergent abilities "
            "largely explained by in-context learning, memory and linguistic knowledge")
