"""Section 2's language, probes and curves."""
import numpy as np
import pytest

from course_lib.memorisation import quantity
from course_lib.ngram import NgramLM


@pytest.fixture(scope="module")
def lang():
    return quantity.make_language(seed=0)


def test_text_mixes_grammar_and_facts_that_are_always_true(lang):
    text = quantity.generate(lang, 5000, seed=1)
    assert len(text) == 5000
    lives = np.flatnonzero(text[:-3] == lang.id("lives"))
    person = np.searchsorted(lang.people, text[lives - 1])
    assert np.all(lang.people[person] == text[lives - 1])
    assert np.all(text[lives + 2] == lang.towns[lang.home[person]])


def test_minimal_pairs_differ_by_one_swap(lang):
    good, bad = quantity.syntax_pairs(lang, 50, seed=2)
    diff = good != bad
    assert np.all(diff.sum(axis=1) == 2)
    cols = np.array([np.flatnonzero(row) for row in diff])
    assert np.all(cols[:, 1] == cols[:, 0] + 1)
    assert np.all(np.sort(good, axis=1) == np.sort(bad, axis=1))


def test_probes_at_their_extremes(lang):
    empty = NgramLM(4, lang.vocab_size).fit(quantity.generate(lang, 20, seed=0))
    acc, right = quantity.fact_accuracy(empty, lang)
    assert acc < 0.2
    big = NgramLM(4, lang.vocab_size).fit(quantity.generate(lang, 400_000, seed=1))
    assert quantity.fact_accuracy(big, lang)[0] > 0.95
    good, bad = quantity.syntax_pairs(lang, 200, seed=2)
    assert quantity.syntax_accuracy(big, good, bad) > 0.95


def test_tokens_to_reach():
    sizes = [10, 100, 1000]
    assert quantity.tokens_to_reach(sizes, [0.2, 0.6, 1.0], 0.6) == pytest.approx(100)
    assert quantity.tokens_to_reach(sizes, [0.2, 0.6, 1.0], 0.4) == pytest.approx(np.sqrt(10 * 100))
    assert quantity.tokens_to_reach(sizes, [0.7, 0.8, 0.9], 0.5) == 10
    assert np.isnan(quantity.tokens_to_reach(sizes, [0.1, 0.2, 0.3], 0.5))


def test_curves_and_validation():
    curves = quantity.data_quantity_curves(sizes=(1000, 20_000), show_progress=False)
    assert curves.syntax.shape == curves.facts.shape == (2,) and curves.fact_by_rank.shape == (2, 4)
    with pytest.raises(ValueError, match="order"):
        quantity.data_quantity_curves(order=3, show_progress=False)


def test_above_chance_and_the_data_ratio():
    assert np.allclose(quantity.above_chance([0.5, 0.75, 1.0], 0.5), [0, 0.5, 1])
    assert np.isclose(quantity.above_chance(0.05, quantity.CHANCE["facts"]), 0)
    with pytest.raises(ValueError, match="scores"):
        quantity.above_chance([1.2], 0.5)
    with pytest.raises(ValueError, match="chance"):
        quantity.above_chance([0.5], 1.0)
    curves = quantity.QuantityCurves(np.array([10, 100, 1000]), np.array([0.6, 0.9, 1.0]),
                                     np.array([0.05, 0.5, 1.0]), np.zeros((3, 4)))
    syn, fac, ratio = quantity.data_ratio(curves, 0.8)  # syntax 0.8 above chance at 100; facts 0.8 -> 0.81
    assert syn == pytest.approx(100) and fac > 100 and ratio == pytest.approx(fac / syn)
    raw = quantity.data_ratio(curves, 0.8, normalise=False)
    assert raw[0] < syn  # raw accuracy reaches 0.8 sooner than 0.8 of the way above chance
    with pytest.raises(TypeError, match="curves"):
        quantity.data_ratio("curves", 0.9)
