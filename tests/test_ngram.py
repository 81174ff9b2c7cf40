"""course_lib.ngram: the model's probabilities against a direct implementation of the formula,
sampling against the probabilities, and the verbatim-span index."""
from collections import Counter

import numpy as np
import pytest

from course_lib.ngram import NgramLM, VerbatimIndex, window_hashes


def reference_prob(tokens, V, order, D, history, w):
    """Interpolated absolute discounting written out from its definition, with Counters."""
    p = None
    for k in range(1, order + 1):
        if k == 1:
            c = Counter(tokens)
            N = len(tokens)
            p = max(c[w] - D, 0) / N + D * len(c) / N / V
            continue
        if len(history) < k - 1:
            break
        ctx = tuple(history[len(history) - (k - 1):])
        grams = Counter(tuple(tokens[i:i + k]) for i in range(len(tokens) - k + 1))
        total = sum(n for g, n in grams.items() if g[:-1] == ctx)
        if total == 0:
            continue
        types = sum(1 for g in grams if g[:-1] == ctx)
        p = max(grams[ctx + (w,)] - D, 0) / total + D * types / total * p
    return p


@pytest.fixture(scope="module")
def toy():
    rng = np.random.default_rng(0)
    V = 6
    tokens = rng.integers(0, V, 300)
    tokens[100:120] = tokens[10:30]  # a repeated passage
    return tokens, V


@pytest.mark.parametrize("order", [2, 3, 4])
def test_distribution_matches_the_formula(toy, order):
    tokens, V = toy
    model = NgramLM(order, V, 0.6).fit(tokens)
    rng = np.random.default_rng(1)
    histories = np.concatenate([rng.integers(0, V, (6, order - 1)), tokens[None, 10:10 + order - 1]])
    probs = model.next_distribution(histories)
    assert np.allclose(probs.sum(axis=1), 1)
    for h, row in zip(histories, probs):
        expected = [reference_prob(list(tokens), V, order, 0.6, list(h), w) for w in range(V)]
        assert np.allclose(row, expected)


def test_log_prob_is_the_sum_of_conditionals(toy):
    tokens, V = toy
    model = NgramLM(3, V).fit(tokens)
    seq = tokens[None, 40:52]
    expected = sum(np.log(model.next_distribution(seq[:, :t])[0, seq[0, t]]) for t in range(4, 12))
    assert np.isclose(model.log_prob(seq, 4)[0], expected)
    assert np.allclose(model.token_log_probs(seq, 4).sum(axis=1), model.log_prob(seq, 4))


def test_temperature_log_prob_is_of_the_renormalised_power(toy):
    tokens, V = toy
    model = NgramLM(3, V).fit(tokens)
    seq = tokens[None, 40:44]
    p = model.next_distribution(seq[:, :3])[0] ** 2
    assert np.isclose(model.log_prob(seq, 3, temperature=0.5)[0], np.log(p[seq[0, 3]] / p.sum()))
    # over every continuation of one word, the probabilities at any temperature sum to 1
    every = np.stack([np.append(seq[0, :3], w) for w in range(V)])
    assert np.isclose(np.exp(model.log_prob(every, 3, temperature=1.7)).sum(), 1)


def test_sampling_follows_the_distribution(toy):
    tokens, V = toy
    model = NgramLM(3, V).fit(tokens)
    prompt = np.repeat(tokens[None, 5:7], 20_000, axis=0)
    for temperature in (1.0, 0.7):
        drawn = model.sample(prompt, 1, temperature, seed=2)[:, 0]
        p = model.next_distribution(prompt[:1])[0] ** (1 / temperature)
        p /= p.sum()
        freq = np.bincount(drawn, minlength=V) / len(drawn)
        assert np.all(np.abs(freq - p) < 4 * np.sqrt(p * (1 - p) / len(drawn)) + 1e-3)


def test_sampling_is_seeded_and_a_memorised_chain_comes_back():
    tokens = np.tile(np.arange(8), 30)  # 0 1 2 ... 7 0 1 2 ...: every 3-gram context has one continuation
    model = NgramLM(3, 8).fit(tokens)
    a = model.sample(np.array([[0, 1]]), 12, temperature=0.1, seed=5)
    assert np.array_equal(a, model.sample(np.array([[0, 1]]), 12, temperature=0.1, seed=5))
    assert a[0].tolist() == [(2 + i) % 8 for i in range(12)]


def test_boundaries_stop_ngrams_crossing_documents():
    tokens = np.array([0, 1, 2, 3, 0, 1, 2, 3])
    split = NgramLM(2, 4).fit(tokens, boundaries=[0, 4])
    joined = NgramLM(2, 4).fit(tokens)
    assert split.bigram[3, 0] < joined.bigram[3, 0]  # 3 -> 0 only happens across the boundary
    assert np.allclose(split.bigram.sum(axis=1), 1)


def test_arguments_are_validated(toy):
    tokens, V = toy
    with pytest.raises(ValueError, match="order"):
        NgramLM(1, V)
    with pytest.raises(ValueError, match="discount"):
        NgramLM(3, V, discount=1.0)
    with pytest.raises(ValueError, match="2\\^63"):
        NgramLM(8, 300_000)
    with pytest.raises(ValueError, match="not trained"):
        NgramLM(3, V).next_distribution([[0, 1]])
    model = NgramLM(3, V).fit(tokens)
    with pytest.raises(ValueError, match="vocabulary"):
        NgramLM(3, 2).fit(tokens)
    with pytest.raises(ValueError, match="temperature"):
        model.sample([[0, 1]], 3, temperature=0.0)
    with pytest.raises(ValueError, match="temperature"):
        model.log_prob([[0, 1, 2]], 1, temperature=float("nan"))
    with pytest.raises(ValueError, match="prefix_length"):
        model.log_prob([[0, 1, 2]], 3)
    with pytest.raises(ValueError, match="histories"):
        model.next_distribution([[0, V]])


def test_window_hashes_and_the_verbatim_index():
    corpus = np.arange(100) % 37
    h = window_hashes(corpus, 5)
    assert len(h) == 96 and h[0] == h[37] and h[0] != h[1]
    index = VerbatimIndex(corpus, 5)
    copied = np.array([[90, 91, 1, 2, 3, 4, 5, 92], [1, 2, 3, 5, 4, 6, 7, 8]])
    assert index.has_copy(copied).tolist() == [True, False]
    assert index.copied(copied)[0].tolist() == [False, False, True, False]
    with pytest.raises(ValueError, match="length"):
        window_hashes(np.arange(3), 5)
