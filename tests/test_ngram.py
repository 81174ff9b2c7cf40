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
    with pytest.raises(ValueError, match="tokens must be <= 1"):
        NgramLM(3, 2).fit(tokens)
    with pytest.raises(TypeError, match="tokens"):
        NgramLM(3, V).fit(tokens.astype(float))
    with pytest.raises(ValueError, match="tokens must be >= 0"):
        NgramLM(3, V).fit(tokens - 1)
    with pytest.raises(ValueError, match="boundaries"):
        NgramLM(3, V).fit(tokens, boundaries=[0, -5])
    with pytest.raises(ValueError, match="temperature"):
        model.sample([[0, 1]], 3, temperature=-0.1)
    with pytest.raises(TypeError, match="prompts"):
        model.sample([[0.0, 1.0]], 3)
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


def test_low_temperature_is_greedy_and_never_nan(toy):
    tokens, V = toy
    model = NgramLM(4, V).fit(tokens)
    prompts = tokens[np.arange(0, 200, 7)[:, None] + np.arange(5)]
    # greedy by hand: the most probable next word, word by word
    window, greedy = prompts.copy(), []
    for _ in range(12):
        word = model.next_distribution(window).argmax(axis=1)
        greedy.append(word)
        window = np.concatenate([window, word[:, None]], axis=1)
    greedy = np.stack(greedy, axis=1)
    for temperature in (0.0, 1e-6):
        drawn = model.sample(prompts, 12, temperature=temperature, seed=3)
        assert np.array_equal(drawn, greedy), temperature
        logp = model.log_prob(np.concatenate([prompts, greedy], axis=1), 5, temperature=temperature)
        assert not np.any(np.isnan(logp)) and np.allclose(logp, 0, atol=1e-6)
    # T = 1e-3 is nearly greedy: finite, and the greedy path is the most probable continuation
    logp = model.log_prob(np.concatenate([prompts, greedy], axis=1), 5, temperature=1e-3)
    assert np.all(np.isfinite(logp)) and np.all(logp <= 0) and np.mean(logp > -1e-6) > 0.8
    # a continuation that leaves the greedy path: probability 0 at T = 0 (log -inf, not NaN), tiny at T -> 0
    other = greedy.copy()
    other[:, 0] = (other[:, 0] + 1) % V
    seq = np.concatenate([prompts, other], axis=1)
    assert np.all(model.log_prob(seq, 5, temperature=0.0) == -np.inf)
    small = model.log_prob(seq, 5, temperature=1e-3)
    assert np.all(np.isfinite(small)) and np.all(small < -10)


def test_a_tie_at_zero_temperature_is_shared():
    tokens = np.array([0, 1, 0, 2] * 50)  # after 0 comes 1 or 2, equally often
    model = NgramLM(2, 3).fit(tokens)
    p = np.exp(model.log_prob([[0, 1], [0, 2], [0, 0]], 1, temperature=0.0))
    assert np.allclose(p, [0.5, 0.5, 0.0])
    drawn = model.sample(np.zeros((4000, 1), dtype=int), 1, temperature=0.0, seed=1)[:, 0]
    assert set(drawn.tolist()) == {1, 2} and abs(np.mean(drawn == 1) - 0.5) < 0.04


def test_verbatim_index_refuses_what_is_not_token_ids():
    index = VerbatimIndex(np.arange(100) % 37, 5)
    with pytest.raises(ValueError, match="samples must be >= 0"):
        index.copied(np.array([[-1, 0, 1, 2, 3, 4]]))
    with pytest.raises(TypeError, match="samples"):
        index.copied(np.array([[0.0, 1.0, 2.0, 3.0, 4.0]]))
    with pytest.raises(ValueError, match="tokens must be >= 0"):
        window_hashes(np.array([-2, 0, 1]), 2)
    with pytest.raises(ValueError, match="tokens must be >= 0"):
        VerbatimIndex(np.array([0, 1, -1, 2]), 2)
