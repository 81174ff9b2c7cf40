"""Section 2: how much data is enough, for syntax and for facts (after Zhang et al. 2021).

A synthetic language with both: ordinary sentences from a fixed word-order grammar
(determiner, optional adjective, noun, verb, determiner, optional adjective, noun, optional
adverb, full stop; words Zipf-distributed within each slot), and fact sentences
"<person> lives in <town> ." where each of :data:`N_PEOPLE` people always lives in the same town
and people are mentioned with Zipf-distributed frequencies (a few famous, most rare).

Two probes, scored on a model without training it for them:

- **syntax** (:func:`syntax_accuracy`): minimal pairs, as BLiMP does: a grammatical sentence and
  the same words with two neighbours of different kinds swapped; the model is right when it gives
  the grammatical one the higher probability (chance: 1/2);
- **facts** (:func:`fact_accuracy`): for every person, is the true town the most probable of all
  towns after "<person> lives in"? Every person counts the same, famous or rare (chance: 1/towns).

:func:`data_quantity_curves` trains one model per training-set size on the first tokens of one
long text and scores both probes.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from course_lib.core.messages import message
from course_lib.core.progress import progress
from course_lib.core.validation import check_array, check_bool, check_count, check_random_state, check_scalar
from course_lib.corpus import SLOTS
from course_lib.ngram import NgramLM

__all__ = ["N_PEOPLE", "N_TOWNS", "FACT_SHARE", "SIZES", "ORDER", "Language", "make_language", "generate",
           "syntax_pairs", "syntax_accuracy", "fact_accuracy", "QuantityCurves", "data_quantity_curves",
           "tokens_to_reach", "build_curves", "RANK_GROUPS", "CHANCE", "above_chance", "data_ratio"]

N_PEOPLE, N_TOWNS = 400, 20
#: chance level of each probe: a coin flip between two sentences; a guess among the towns
CHANCE = {"syntax": 0.5, "facts": 1 / N_TOWNS}
#: share of sentences that state a fact
FACT_SHARE = 0.2
#: training-set sizes of the curves (tokens)
SIZES = (1_000, 3_000, 10_000, 30_000, 100_000, 300_000, 1_000_000)
#: n-gram order of the models ("<person> lives in" is a 3-word context)
ORDER = 4
_SYLLABLES = ("ba", "ko", "mi", "ra", "te", "lu", "so", "ni", "ve", "da", "fo", "gi", "pa", "ru", "ze",
              "ha", "lo", "ki", "me", "tu")
_TOWN_SYLLABLES = ("bel", "cor", "dun", "fal", "gar", "hol", "kel", "mar", "nor", "port", "ros", "sel",
                   "tor", "ul", "var", "wen", "york", "zan", "ash", "brim")
#: the ordinary sentence: slots in order, and whether each may be left out
_TEMPLATE = (("det", False), ("adj", True), ("noun", False), ("verb", False), ("det", False),
             ("adj", True), ("noun", False), ("adv", True))


@dataclass(frozen=True)
class Language:
    """The words, the people, their towns, and the Zipf weights of words and people."""

    words: tuple[str, ...]
    people: np.ndarray        # token ids of the people
    towns: np.ndarray         # token ids of the towns
    home: np.ndarray          # home[i]: index into towns of person i's town
    slot_ids: dict            # slot -> token ids, most frequent first
    exponent: float
    person_exponent: float

    @property
    def vocab_size(self) -> int:
        return len(self.words)

    def id(self, word: str) -> int:
        """The token id of ``word``."""
        return self.words.index(word)

    def decode(self, ids) -> str:
        """The text of token ids, words joined by spaces. Used in notebook 07 §2."""
        return " ".join(self.words[int(i)] for i in np.asarray(ids).ravel())


def _zipf(n: int, exponent: float) -> np.ndarray:
    w = 1.0 / np.arange(1, n + 1) ** exponent
    return w / w.sum()


def make_language(exponent: float = 1.1, person_exponent: float = 1.0,
                  seed: int | np.random.Generator = 0) -> Language:
    """The language: lesson 06's word slots, 400 people, 20 towns, each person's town drawn at random.

    Used in notebook 07 §2.
    """
    exponent = check_scalar("exponent", exponent, 0.0)
    person_exponent = check_scalar("person_exponent", person_exponent, 0.0)
    rng = check_random_state("seed", seed)
    slots = {s: SLOTS[s] for s, _ in _TEMPLATE}
    grammar_words = list(dict.fromkeys(w for ws in slots.values() for w in ws))
    people = [a + b + "n" for a in _SYLLABLES for b in _SYLLABLES][:N_PEOPLE]
    towns = [t + "ton" for t in _TOWN_SYLLABLES][:N_TOWNS]
    words = tuple(grammar_words + [".", "lives", "in"] + people + towns)
    index = {w: i for i, w in enumerate(words)}
    slot_ids = {s: np.array([index[w] for w in ws]) for s, ws in slots.items()}
    return Language(words, np.array([index[p] for p in people]), np.array([index[t] for t in towns]),
                    rng.integers(0, N_TOWNS, N_PEOPLE), slot_ids, exponent, person_exponent)


def _sentences(lang: Language, n: int, rng: np.random.Generator) -> list[np.ndarray]:
    """``n`` ordinary sentences as token-id arrays (each ends with a full stop)."""
    columns = []
    for slot, optional in _TEMPLATE:
        ids = lang.slot_ids[slot]
        col = ids[rng.choice(len(ids), size=n, p=_zipf(len(ids), lang.exponent))]
        if optional:
            col = np.where(rng.random(n) < 0.5, col, -1)
        columns.append(col)
    columns.append(np.full(n, lang.id(".")))
    table = np.stack(columns, axis=1)
    return [row[row >= 0] for row in table]


def generate(lang: Language, n_tokens: int, seed: int | np.random.Generator = 0) -> np.ndarray:
    """A text of at least ``n_tokens`` tokens: ordinary and fact sentences mixed at random.

    Used in notebook 07 §2.
    """
    n_tokens = check_count("n_tokens", n_tokens, minimum=10)
    rng = check_random_state("seed", seed)
    n = int(n_tokens / 6.5) + 10
    while True:
        ordinary = _sentences(lang, n, rng)
        person = rng.choice(N_PEOPLE, size=n, p=_zipf(N_PEOPLE, lang.person_exponent))
        facts = np.stack([lang.people[person], np.full(n, lang.id("lives")), np.full(n, lang.id("in")),
                          lang.towns[lang.home[person]], np.full(n, lang.id("."))], axis=1)
        is_fact = rng.random(n) < FACT_SHARE
        text = np.concatenate([facts[i] if is_fact[i] else ordinary[i] for i in range(n)])
        if len(text) >= n_tokens:
            return text[:n_tokens]
        n *= 2


def syntax_pairs(lang: Language, n_pairs: int = 400, seed: int | np.random.Generator = 1) -> tuple[np.ndarray, np.ndarray]:
    """Minimal pairs: grammatical sentences of 7 words + full stop, and each with two neighbours swapped.

    The swapped neighbours are of different kinds (adjective-noun, noun-verb or verb-determiner),
    so every ungrammatical sentence breaks the word order. Each row starts with a full stop (the end
    of the sentence before). Used in notebook 07 §2.

    Returns
    -------
    good, bad : int64 arrays (n_pairs, 9)
    """
    n_pairs = check_count("n_pairs", n_pairs)
    rng = check_random_state("seed", seed)
    full = [(s, False) for s, _ in _TEMPLATE[:7]]
    columns = [np.full(n_pairs, lang.id("."))]
    for slot, _ in full:
        ids = lang.slot_ids[slot]
        columns.append(ids[rng.choice(len(ids), size=n_pairs, p=_zipf(len(ids), lang.exponent))])
    columns.append(np.full(n_pairs, lang.id(".")))
    good = np.stack(columns, axis=1)
    bad = good.copy()
    # positions (in the row) of adj-noun, noun-verb, verb-det
    swaps = np.array([(2, 3), (3, 4), (4, 5)])[rng.integers(0, 3, n_pairs)]
    rows = np.arange(n_pairs)
    bad[rows, swaps[:, 0]], bad[rows, swaps[:, 1]] = good[rows, swaps[:, 1]], good[rows, swaps[:, 0]]
    return good, bad


def syntax_accuracy(model: NgramLM, good: np.ndarray, bad: np.ndarray) -> float:
    """Share of minimal pairs where the grammatical sentence is the more probable. Used in notebook 07 §2."""
    if not isinstance(model, NgramLM):
        raise TypeError(f"model must be an NgramLM, got {type(model).__name__}")
    lp_good, lp_bad = model.log_prob(good, 1), model.log_prob(bad, 1)
    return float(np.mean(lp_good > lp_bad) + 0.5 * np.mean(lp_good == lp_bad))


def fact_accuracy(model: NgramLM, lang: Language) -> tuple[float, np.ndarray]:
    """Share of people whose true town is the most probable town after "<person> lives in".

    A person never seen in training is not a tie: the model backs off to the context "lives in"
    and picks the town most often lived in overall, which is right for the people who live there
    (with 1,000 training tokens of the lesson's language, 380 of the 400 people are unseen and 4.5%
    of those are right; 1/towns = 5% is the chance level only in expectation). Exact ties among the
    most probable towns, if any, count as 1/(tied towns) right. Used in notebook 07 §2.

    Returns
    -------
    accuracy : float
    right : float array (people,): 1, 0, or the share of a tie
    """
    if not isinstance(model, NgramLM):
        raise TypeError(f"model must be an NgramLM, got {type(model).__name__}")
    hist = np.stack([lang.people, np.full(N_PEOPLE, lang.id("lives")), np.full(N_PEOPLE, lang.id("in"))], axis=1)
    scores = model.next_distribution(hist)[:, lang.towns]
    best = scores.max(axis=1, keepdims=True)
    top = np.isclose(scores, best, rtol=1e-12, atol=0)
    right = top[np.arange(N_PEOPLE), lang.home] / top.sum(axis=1)
    return float(right.mean()), right


@dataclass(frozen=True)
class QuantityCurves:
    """Probe scores against training-set size.

    Attributes
    ----------
    sizes : int array (tokens)
    syntax, facts : float arrays: the two probes' accuracies per size
    fact_by_rank : float array (sizes, 4): fact accuracy for people of mention rank 1-10, 11-50,
        51-200 and 201-400
    """

    sizes: np.ndarray
    syntax: np.ndarray
    facts: np.ndarray
    fact_by_rank: np.ndarray


#: mention-rank groups of :attr:`QuantityCurves.fact_by_rank`
RANK_GROUPS = ((0, 10), (10, 50), (50, 200), (200, 400))


def data_quantity_curves(sizes=SIZES, order: int = ORDER, seed: int = 0,
                         show_progress: bool = True) -> QuantityCurves:
    """Train one n-gram model per size on the first ``size`` tokens of one text; score both probes.

    Used in notebook 07 §2.
    """
    sizes = np.array(sorted(check_count("sizes", s, minimum=10) for s in sizes))
    order = check_count("order", order, minimum=ORDER)
    seed = check_count("seed", seed, minimum=0)
    show_progress = check_bool("show_progress", show_progress)
    lang = make_language(seed=seed)
    text = generate(lang, int(sizes[-1]), seed=seed + 1)
    good, bad = syntax_pairs(lang, seed=seed + 2)
    syntax, facts, by_rank = [], [], []
    for size in progress(sizes, label=message("memorisation.quantity.progress"), enabled=show_progress):
        model = NgramLM(order, lang.vocab_size).fit(text[:size])
        syntax.append(syntax_accuracy(model, good, bad))
        acc, right = fact_accuracy(model, lang)
        facts.append(acc)
        by_rank.append([right[a:b].mean() for a, b in RANK_GROUPS])
    return QuantityCurves(sizes, np.array(syntax), np.array(facts), np.array(by_rank))


def build_curves() -> QuantityCurves:
    """The notebook's curves (:func:`data_quantity_curves` with its defaults), without a progress bar."""
    return data_quantity_curves(show_progress=False)


def tokens_to_reach(sizes, scores, level: float) -> float:
    """The training-set size where ``scores`` first reach ``level``, interpolated on a log scale.

    NaN if they never do. Used in notebook 07 §2.
    """
    sizes, scores = np.asarray(sizes, dtype=float), np.asarray(scores, dtype=float)
    level = check_scalar("level", level)
    above = np.flatnonzero(scores >= level)
    if not above.size:
        return float("nan")
    i = int(above[0])
    if i == 0:
        return float(sizes[0])
    x0, x1, y0, y1 = np.log(sizes[i - 1]), np.log(sizes[i]), scores[i - 1], scores[i]
    return float(np.exp(x0 + (level - y0) / (y1 - y0) * (x1 - x0)))


def above_chance(scores, chance: float) -> np.ndarray:
    """Accuracy rescaled so that chance is 0 and perfect is 1: (score − chance) / (1 − chance).

    Two probes with different chance levels (1/2 for a minimal pair, 1/20 for a town) can only be
    compared on this scale. Used in notebook 07 §2.
    """
    chance = check_scalar("chance", chance, 0.0, 1.0, include_maximum=False)
    scores = check_array("scores", scores, ndim=(0, 1), kind="iuf", dtype=float, minimum=0.0, maximum=1.0,
                         scalar=True)
    return (scores - chance) / (1 - chance)


def data_ratio(curves: QuantityCurves, level: float, normalise: bool = True) -> tuple[float, float, float]:
    """(tokens for syntax, tokens for facts, their ratio) to reach ``level``.

    With ``normalise`` the level is on the above-chance scale of :func:`above_chance` (0.9 means 90%
    of the way from chance to perfect); without, it is raw accuracy. Used in notebook 07 §2.
    """
    if not isinstance(curves, QuantityCurves):
        raise TypeError(f"curves must be QuantityCurves, got {type(curves).__name__}")
    level = check_scalar("level", level, 0.0, 1.0)
    syntax, facts = curves.syntax, curves.facts
    if normalise:
        syntax, facts = above_chance(syntax, CHANCE["syntax"]), above_chance(facts, CHANCE["facts"])
    syn, fac = tokens_to_reach(curves.sizes, syntax, level), tokens_to_reach(curves.sizes, facts, level)
    return syn, fac, fac / syn
