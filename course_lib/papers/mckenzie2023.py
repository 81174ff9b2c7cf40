"""McKenzie et al. (2023), "Inverse Scaling: When Bigger Isn't Better", TMLR (arXiv:2306.09479).

Constants used in lesson 04: the Inverse Scaling Prize, its 11 winning tasks and the four
causes of inverse scaling the paper names.

What was checked, and how (each constant's mark is in :data:`MARKS`):

- The abstract was read in two copies (the Hugging Face papers page of arXiv:2306.09479 and
  the README of EleutherAI's lm-evaluation-harness ``inverse_scaling`` tasks, which quotes it):
  "11 datasets collected by running a public contest, the Inverse Scaling Prize", the four
  causes word for word, and that the tasks "helped drive the discovery of U-shaped and
  inverted-U scaling trends". **Verified.**
- The task names were read in the same lm-evaluation-harness README: ten multiple-choice tasks
  (``winobias_antistereotype`` there is marked "not an official Inverse Scaling prize winner"
  and is left out here) plus Prompt Injection, the one task scored by loss. **Verified.**
- The prize structure (11 third prizes, 4 in Round 1 and 7 in Round 2; no grand, first or second
  prize) was read in the organisers' two announcement posts (irmckenzie.co.uk/round1: "We decided
  to award 4 Third Prizes"; the Round 2 post, copies on LessWrong/GreaterWrong: "we're awarding 7
  more Third Prizes ... gave out a total of 11 Third Prizes"). **Verified.**
- :data:`NEQA_QUOTE` (Round 1 post, and the ``inverse-scaling/NeQA`` dataset card, word for word),
  :data:`RLHF_QUOTE` (Round 2 post, the Modus Tollens TL;DR), :data:`PROMPT_INJECTION_QUOTE` and
  :data:`SIG_FIGS_QUOTE` (the organisers' Round 2 thread, whose Sig Figs sentence was read only up
  to "decimal places"). **Verified.**
- Which task the paper assigns to which of the four causes (its per-task analysis) was not found
  in any text read: **not verified**, so the lesson does not state the paper's assignment
  (:data:`MARKS`). For two tasks the organisers' own descriptions name a mechanism that matches
  one cause, and the lesson says so, marked as the organisers' descriptions:
  :data:`HINDSIGHT_NEGLECT_QUOTE` (the ``inverse-scaling/hindsight-neglect-10shot`` dataset card,
  read: misleading but valid few-shot examples, cause (iv)) and :data:`MEMO_TRAP_QUOTE` (the
  organisers' Round 2 thread, read: repeating memorized text, cause (i)). **Verified** (the
  quotes); the match to a cause is the course's reading.
- The one-line task descriptions are the course's own summaries. Their marks (verified in an
  organiser post, corroborated by third-party copies only, or partly from memory) are those of
  the research notes and are shown beside each task in the lesson.
"""
from __future__ import annotations

from typing import NamedTuple

__all__ = ["CITATION", "FOUR_CAUSES", "N_WINNING_TASKS", "PRIZE_ROUNDS", "PrizeTask", "WINNING_TASKS",
           "U_TRENDS_QUOTE", "NEQA_QUOTE", "RLHF_QUOTE", "PROMPT_INJECTION_QUOTE", "SIG_FIGS_QUOTE",
           "HINDSIGHT_NEGLECT_QUOTE", "MEMO_TRAP_QUOTE", "MARKS"]

CITATION = ("McKenzie, I. R., Lyzhov, A., et al. (2023). Inverse Scaling: When Bigger Isn't "
            "Better. Transactions on Machine Learning Research. arXiv:2306.09479.")

#: Abstract: "four potential causes of inverse scaling" (quoted word for word).
FOUR_CAUSES = (
    "preference to repeat memorized sequences over following in-context instructions",
    "imitation of undesirable patterns in the training data",
    "tasks containing an easy distractor task which LMs could focus on, rather than the harder real task",
    "correct but misleading few-shot demonstrations of the task",
)
#: Abstract: "11 datasets collected by running a public contest, the Inverse Scaling Prize".
N_WINNING_TASKS = 11
#: Winning tasks per round (Round 1, Round 2): all were third prizes.
PRIZE_ROUNDS = (4, 7)
#: Abstract, last claims.
U_TRENDS_QUOTE = ("Our tasks have helped drive the discovery of U-shaped and inverted-U scaling trends, "
                  "where an initial trend reverses")
#: Round 1 announcement (organisers), NeQA: near random, then worse than random.
NEQA_QUOTE = ("smaller language models display approximately random performance whereas the performance "
              "of larger models become significantly worse than random")
#: Round 2 announcement (organisers), Modus Tollens TL;DR: the trend survives human-feedback fine-tuning.
RLHF_QUOTE = ("Inverse scaling trends hold across both pretrained LMs and LMs finetuned with human feedback "
              "via RL from Human Feedback (RLHF) and Feedback Made Easy (FeedME).")
#: Round 2 thread (organisers), Prompt Injection: the middle sizes do best, an inverted U.
PROMPT_INJECTION_QUOTE = "Medium-sized LMs are oddly least susceptible to such attacks."
#: Dataset card of inverse-scaling/hindsight-neglect-10shot (organisers): valid examples, spurious correlation.
HINDSIGHT_NEGLECT_QUOTE = ("perfectly valid few shot examples can still cause the model to answer incorrectly by "
                           "demonstrating a spurious correlation")
#: Round 2 thread (organisers), Memo Trap: memorized text wins over the instruction.
MEMO_TRAP_QUOTE = ("Larger LMs are more likely to continue with the famous quote, suggesting they struggle to "
                   "avoid repeating memorized text.")
#: Round 2 thread (organisers), Sig Figs: *some* larger LMs (read up to "decimal places").
SIG_FIGS_QUOTE = "Some Larger LMs consistently round numbers based on the number of decimal places"


class PrizeTask(NamedTuple):
    """One winning task: its name, a one-line description, how sure we are of the description."""

    name: str
    description: str
    mark: str


#: The 11 winning tasks (names verified in the lm-evaluation-harness task list).
WINNING_TASKS: tuple[PrizeTask, ...] = (
    PrizeTask("NeQA", "multiple-choice questions with a negation inserted; small models about random, larger "
              "ones worse than random", "verified (organiser post)"),
    PrizeTask("Quote Repetition", "repeat a famous quote that has been altered; larger models complete the real quote",
              "corroborated only"),
    PrizeTask("Redefine Math", "a symbol is redefined (\"let e be 312\"); larger models keep its usual meaning",
              "corroborated only"),
    PrizeTask("Hindsight Neglect (10-shot)", "judge a bet by expected value; every example's good bet paid off, "
              "the last one does not", "corroborated only"),
    PrizeTask("Modus Tollens", "infer not-P from 'if P then Q' and not-Q", "verified (organiser post)"),
    PrizeTask("Memo Trap", "write a phrase that starts like a famous quote but ends differently",
              "verified (organiser post)"),
    PrizeTask("Prompt Injection", "later user instructions override the deployer's (scored by loss); "
              "medium-sized models resist best (an inverted U)", "verified (organiser post)"),
    PrizeTask("Into the Unknown", "pick which of two pieces of information would help answer a question",
              "verified (organiser post)"),
    PrizeTask("Pattern Matching Suppression", "continue a repetitive pattern so as to break it, as told",
              "verified (organiser post)"),
    PrizeTask("Sig Figs", "round numbers to a number of significant figures; some larger models round to "
              "decimal places instead", "verified (organiser post)"),
    PrizeTask("Repetitive Algebra", "few-shot algebra questions whose examples share one answer",
              "name verified; description partly from memory"),
)

#: constant name -> how it was checked
MARKS = {
    "FOUR_CAUSES": "verified: abstract, two copies",
    "N_WINNING_TASKS": "verified: abstract",
    "U_TRENDS_QUOTE": "verified: abstract",
    "WINNING_TASKS (names)": "verified: an evaluation suite's task list",
    "WINNING_TASKS (descriptions)": "see each task's mark",
    "PRIZE_ROUNDS": "verified: organisers' Round 1 and Round 2 posts",
    "NEQA_QUOTE, RLHF_QUOTE, PROMPT_INJECTION_QUOTE, SIG_FIGS_QUOTE": "verified: organisers' posts",
    "HINDSIGHT_NEGLECT_QUOTE": "verified: the task's dataset card (inverse-scaling on Hugging Face)",
    "MEMO_TRAP_QUOTE": "verified: organisers' Round 2 thread",
    "which task has which cause (the paper's assignment)": "not verified (two tasks are matched to a cause "
                                                           "from the organisers' descriptions only)",
}
