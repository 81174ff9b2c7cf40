"""The family: exact probabilities, samples, copy rates, and §3's views on a small corpus."""
import numpy as np
import pytest

from course_lib.memorisation import connections, experiment


def test_canary_probabilities_are_exact_products(small_family):
    model = small_family.models["raw", 5]
    p = small_family.canary_probabilities("raw", 5, 1.0)
    assert np.allclose(np.log(p), model.log_prob(small_family.canaries, experiment.PREFIX))
    assert np.all((p > 0) & (p <= 1))


def test_samples_are_seeded_by_the_settings_and_reused(small_family):
    a = small_family.samples("raw", 4, 0.8)
    assert a.shape == (experiment.N_PROMPTS, experiment.SAMPLE_LENGTH)
    assert small_family.samples("raw", 4, 0.8) is a
    fresh = small_family.models["raw", 4].sample(small_family.prompts, experiment.SAMPLE_LENGTH, 0.8, 4080)
    assert np.array_equal(a, fresh)


def test_copy_rates_fall_with_the_span_length(small_family):
    rates = small_family.copy_rates("raw", 5, 1.0, 100, spans=(8, 20))
    assert rates.shape == (2,) and rates[0] >= rates[1]
    with pytest.raises(ValueError, match="spans"):
        small_family.copy_rates("raw", 5, 1.0, 100, spans=(9,))
    with pytest.raises(ValueError, match="order"):
        small_family.canary_probabilities("raw", 7)
    with pytest.raises(ValueError, match="corpus"):
        small_family.canary_probabilities("cleaned", 5)
    with pytest.raises(ValueError, match="n_samples"):
        small_family.copy_rates("raw", 5, 1.0, 1000)


def test_mean_by_count():
    ks, means = experiment.mean_by_count([2, 1, 2, 1], [0.5, 0.1, 0.7, 0.3])
    assert ks.tolist() == [1, 2] and np.allclose(means, [0.2, 0.6])
    with pytest.raises(ValueError, match="counts"):
        experiment.mean_by_count([1, 2], [0.1])


def test_connections_on_the_small_family(small_family, small_data):
    ks, per_token, exact = connections.per_token_vs_exact(small_family, 5)
    assert np.all(per_token >= exact)  # a geometric mean of terms <= 1 is at least their product
    by_order = connections.regurgitation_by_order(small_family, k=8)
    assert set(by_order) == {"raw", "deduplicated"} and len(by_order["raw"]) == 3
    with pytest.raises(ValueError, match="k must"):
        connections.regurgitation_by_order(small_family, k=4)
    _, vocab, raw, dd, _ = small_data
    curve = connections.heldout_curve(raw, dd, connections.heldout_stream(vocab, 30), len(vocab), 3,
                                      sizes=(1000, 5000))
    assert curve.bits["raw"].shape == (2,) and np.all(curve.bits["raw"] > 0)
    with pytest.raises(ValueError, match="sizes"):
        connections.heldout_curve(raw, dd, connections.heldout_stream(vocab, 30), len(vocab), 3, sizes=(10**7,))


def test_zero_temperature_is_greedy_and_matches_the_model(small_family):
    model = small_family.models["raw", 5]
    p0 = small_family.canary_probabilities("raw", 5, 0.0)
    assert np.allclose(p0, np.exp(model.log_prob(small_family.canaries, experiment.PREFIX, temperature=0.0)))
    # greedy writes a canary out exactly when every word is the most probable: then P = 1
    out = model.sample(small_family.canaries[:, :experiment.PREFIX], small_family.canaries.shape[1] - experiment.PREFIX,
                       temperature=0.0, seed=0)
    written = np.all(out == small_family.canaries[:, experiment.PREFIX:], axis=1)
    assert np.array_equal(written, p0 == 1.0)
    # small T is close to the greedy limit and never NaN
    tiny = small_family.canary_probabilities("raw", 5, 1e-4)
    assert not np.any(np.isnan(tiny)) and np.allclose(tiny[p0 == 1.0], 1.0, atol=1e-3)


def test_prompt_length_uses_only_that_many_tokens(small_family):
    model = small_family.models["raw", 4]
    seq = small_family.canaries[:, experiment.PREFIX - 2:]
    assert np.allclose(np.log(small_family.canary_probabilities("raw", 4, 1.0, prompt_length=2)),
                       model.log_prob(seq, 2))
    rates = small_family.extraction_rates("raw", 4, (1, 2, 3, 10))
    assert rates.shape == (4, 3) and np.array_equal(rates[2], rates[3])  # order 4 reads 3 tokens: 3 == 10
    with pytest.raises(ValueError, match="prompt_length"):
        small_family.canary_probabilities("raw", 4, 1.0, prompt_length=experiment.PREFIX + 1)
    with pytest.raises(ValueError, match="temperature"):
        small_family.canary_probabilities("raw", 4, -0.5)


def test_sampling_check_on_the_small_family(small_family):
    ks, exact, sampled, se = experiment.sampling_check(small_family, "raw", 5, 1.0, draws=50, seed=1)
    assert ks.tolist() == [1, 2, 8] and np.all(se >= 0) and np.all((sampled >= 0) & (sampled <= 1))
    hits = small_family.sampled_regurgitation("raw", 5, 1.0, draws=50, seed=1)
    assert np.allclose(experiment.mean_by_count(small_family.canary_copies, hits)[1], sampled)
    with pytest.raises(TypeError, match="family"):
        experiment.sampling_check("family")


def test_wilson_interval():
    # textbook values of the Wilson score interval (z = 1.96)
    assert np.allclose(experiment.wilson_interval(3, 10), (0.1078, 0.6032), atol=1e-4)
    assert np.allclose(experiment.wilson_interval(0, 10), (0.0, 0.2775), atol=1e-4)
    assert np.allclose(experiment.wilson_interval(10, 10), (0.7225, 1.0), atol=1e-4)
    low, high = experiment.wilson_interval(37, 60)
    assert low < 37 / 60 < high and high - low < experiment.wilson_interval(3, 10)[1] - experiment.wilson_interval(3, 10)[0]
    with pytest.raises(ValueError, match="hits"):
        experiment.wilson_interval(11, 10)
    with pytest.raises(ValueError, match="trials"):
        experiment.wilson_interval(0, 0)
    with pytest.raises(ValueError, match="z"):
        experiment.wilson_interval(3, 10, z=0)
