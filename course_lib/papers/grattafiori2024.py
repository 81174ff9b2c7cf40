"""Llama 3: Meta AI, "Introducing Meta Llama 3" (blog, April 2024) and Grattafiori et al. (2024),
"The Llama 3 Herd of Models", arXiv:2407.21783.

Used in lesson 05 "In practice": a real model trained far past 20 tokens per parameter. What was
checked and how: the 8B model's "over 15T tokens" and the blog's "Chinchilla-optimal amount of
training compute for an 8B parameter model corresponds to ~200B tokens", with both the 8B and
70B models continuing "to improve log-linearly after we trained them on up to 15T tokens", are
corroborated by several quotations of the blog (news articles, model summaries); the blog and
the paper were not read directly here.
"""
from __future__ import annotations

__all__ = ["CITATION", "LLAMA3_8B", "CHINCHILLA_TOKENS_8B"]

CITATION = ("Grattafiori, A., et al. (2024). The Llama 3 Herd of Models. arXiv:2407.21783; and Meta AI (2024), "
            "Introducing Meta Llama 3 (blog post, 18 April 2024).")
#: (parameters, pre-training tokens) of Llama 3 8B: "over 15T tokens" (corroborated)
LLAMA3_8B = (8e9, 15e12)
#: Meta's blog: the Chinchilla-optimal data for an 8B model is "~200B tokens" (corroborated)
CHINCHILLA_TOKENS_8B = 200e9
