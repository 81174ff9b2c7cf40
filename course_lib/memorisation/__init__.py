"""Lesson 07, memorisation and how much data is enough (``notebooks/07_memorisation.ipynb``).

Notebook section -> what it calls:

- §1 Duplicates make models memorise: :mod:`course_lib.papers.lee2021`, :mod:`course_lib.papers.kandpal2022`;
  a corpus from lesson 06's generator (:func:`course_lib.corpus.make_corpus`, this lesson's settings) and
  :func:`course_lib.dedup.exact_duplicates` through :mod:`~course_lib.memorisation.data`
  (:func:`~course_lib.memorisation.data.lesson_corpus`, :func:`~course_lib.memorisation.data.vocabulary`,
  :func:`~course_lib.memorisation.data.token_corpus`, :func:`~course_lib.memorisation.data.deduplicate` (a hybrid:
  first copy kept, no NearDup; ``keep_first=False`` cuts every copy as Lee et al.'s tool does),
  :func:`~course_lib.memorisation.data.clean_spans_cut`,
  :func:`~course_lib.memorisation.data.canary_tokens`); :class:`course_lib.ngram.NgramLM` (``fit``,
  ``next_distribution``, ``sample``, ``log_prob``), :class:`course_lib.ngram.VerbatimIndex`;
  :func:`~course_lib.memorisation.checks.continuation_probability` (exercise 1.1);
  :func:`~course_lib.memorisation.experiment.train_family`,
  :class:`~course_lib.memorisation.experiment.MemorisationFamily`,
  :meth:`~course_lib.memorisation.experiment.MemorisationFamily.canary_probabilities` (T = 0 is greedy),
  :func:`~course_lib.memorisation.experiment.sampling_check`,
  :class:`~course_lib.memorisation.demos.MemorisationDemo`;
  :func:`~course_lib.memorisation.checks.regurgitation_threshold` (exercise 1.2); what deduplication does
  not stop: :mod:`course_lib.papers.carlini2023`,
  :meth:`~course_lib.memorisation.experiment.MemorisationFamily.extraction_rates`,
  :func:`~course_lib.memorisation.experiment.wilson_interval`,
  :func:`~course_lib.memorisation.connections.seed_summary` (corpus seeds 1 and 2).
- §2 How much data is enough: :mod:`course_lib.papers.zhang2021`, :mod:`course_lib.papers.warstadt2020`,
  :mod:`course_lib.papers.kandpal2023`, :mod:`~course_lib.memorisation.quantity`
  (:func:`~course_lib.memorisation.quantity.make_language`, :func:`~course_lib.memorisation.quantity.generate`,
  :func:`~course_lib.memorisation.quantity.syntax_pairs`, :func:`~course_lib.memorisation.quantity.syntax_accuracy`,
  :func:`~course_lib.memorisation.quantity.fact_accuracy`,
  :func:`~course_lib.memorisation.quantity.data_quantity_curves`,
  :func:`~course_lib.memorisation.quantity.tokens_to_reach`, :func:`~course_lib.memorisation.quantity.above_chance`,
  :func:`~course_lib.memorisation.quantity.data_ratio`), :func:`~course_lib.memorisation.figures.quantity_figure`.
- §3 How this connects to lessons 01-05: :mod:`~course_lib.memorisation.connections`
  (:func:`~course_lib.memorisation.connections.per_token_vs_exact`,
  :func:`~course_lib.memorisation.connections.regurgitation_by_order`,
  :func:`~course_lib.memorisation.connections.heldout_documents` (seeded by
  :func:`~course_lib.memorisation.connections.heldout_seed`), :func:`~course_lib.memorisation.connections.heldout_curve`,
  :func:`~course_lib.memorisation.connections.whole_corpus_bits`, :func:`~course_lib.memorisation.connections.bits_by_kind`,
  :func:`~course_lib.memorisation.connections.seed_summary`;
  :mod:`course_lib.papers.hernandez2022`, :mod:`course_lib.papers.muennighoff2023`),
  :func:`~course_lib.memorisation.figures.connections_figure`.

The claims the notebook's prose makes about its results are tested in ``tests/memorisation/test_claims.py``.

No cached results: everything is computed live, the whole notebook in well under a minute (10-45 s measured,
depending on machine load; corpus seeds 1 and 2 included, about 6 s each).
"""
from __future__ import annotations

from pathlib import Path

NOTEBOOK = "07_memorisation.ipynb"
#: demo name -> "module:class" (found by :mod:`course_lib.catalog`)
DEMOS = {"memorisation_canaries": "course_lib.memorisation.demos:MemorisationDemo"}
#: live family name -> "module:function" that trains what the notebook trains live
LIVE_FAMILIES = {
    "n-gram models of orders 3-6 on the raw and the deduplicated corpus":
        "course_lib.memorisation.experiment:build_family",
    "4-gram models on 1k to 1M tokens of the syntax-and-facts language":
        "course_lib.memorisation.quantity:build_curves",
}
#: the demo whose default figure stands for this lesson in the README (``make figures``)
README_DEMO = "memorisation_canaries"


def build_cache(show_progress: bool = False) -> list[Path]:
    """Lesson 07 ships no cache: every result is computed live."""
    return []
