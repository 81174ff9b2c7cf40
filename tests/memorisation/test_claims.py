"""Every result the prose of notebooks/07_memorisation.ipynb states, computed with the same code.

The fixtures rebuild the notebook's experiment once (corpus seed 0; n-gram orders 3-6 on the raw
and the deduplicated corpus; 200 prompts of 10 tokens, 50 generated; the data-quantity curves):
a few seconds.
"""
import numpy as np
import pytest

from course_lib.memorisation import connections, data, experiment, quantity
from course_lib.memorisation.checks import reference_regurgitation_threshold


@pytest.fixture(scope="module")
def family():
    return experiment.train_family(orders=(3, 4, 5, 6), spans=(8, 10, 12, 15, 20, 30), seed=0, show_progress=False)


def means(family, corpus, order, temperature):
    return experiment.mean_by_count(family.canary_copies, family.canary_probabilities(corpus, order, temperature))[1]


def rates(family, corpus, order, temperature):
    return dict(zip(experiment.SPANS, family.copy_rates(corpus, order, temperature)))


@pytest.fixture(scope="module")
def curves():
    return quantity.data_quantity_curves(sizes=quantity.SIZES, order=4, seed=0, show_progress=False)


def test_s1_corpus_4000_clean_documents_and_60_canaries_planted_1_to_32_times():
    corpus, vocab, raw, dedup, canaries = data.lesson_data(0)
    assert np.sum(corpus.kind == "clean") == 4000
    assert len(corpus.canaries) == 60 and all(len(c.split()) == 40 for c in corpus.canaries)
    assert sorted(set(corpus.canary_copies.tolist())) == [1, 2, 4, 8, 16, 32]
    assert canaries.shape[1] - experiment.PREFIX == 31  # "the other 31" tokens after a 10-token prefix


def test_s1_span_length_chance_chaining_and_copies_at_20_tokens(family):
    r, d = rates(family, "raw", 5, 1.0), rates(family, "deduplicated", 5, 1.0)
    assert round(d[8], 2) == 0.45                      # 45% of dedup samples "copy" 8 tokens
    assert round(d[12], 2) == 0.01 and d[15] == d[20] == d[30] == 0
    assert round(r[20], 2) == 0.15                     # the raw model stays at 15% at m = 20


def test_s1_sampling_agrees_with_the_exact_probabilities(family):
    exact = means(family, "raw", 5, 1.0)
    prompts = np.repeat(family.canaries[:, :experiment.PREFIX], 20, axis=0)
    targets = np.repeat(family.canaries[:, experiment.PREFIX:], 20, axis=0)
    drawn = family.models["raw", 5].sample(prompts, targets.shape[1], temperature=1.0, seed=0)
    hits = np.all(drawn == targets, axis=1).reshape(len(family.canaries), 20).mean(axis=1)
    sampled = experiment.mean_by_count(family.canary_copies, hits)[1]
    se = np.sqrt(exact * (1 - exact) / 200)
    assert np.all(np.abs(sampled - exact) < 3 * se + 0.02)


def test_s1_raw_5gram_rise_with_k_and_one_extra_copy(family):
    m = means(family, "raw", 5, 1.0)
    assert f"{m[0]:.0e}" == "3e-13" and round(m[1], 3) == 0.001
    assert round(m[2], 2) == 0.05 and round(m[3], 2) == 0.35 and round(m[5], 2) == 0.78
    assert 2e9 < m[1] / m[0] < 4e9                      # "about 3·10⁹"
    assert 0.5e12 < m[3] / m[0] < 2e12                  # table: 8 copies about 10¹² times 1 copy


def test_s1_dedup_is_flat_at_the_once_seen_level_and_makes_no_20_token_copies(family):
    d = means(family, "deduplicated", 5, 1.0)
    assert np.all((d > 2e-13) & (d < 3e-12))
    assert rates(family, "deduplicated", 5, 1.0)[20] == 0


def test_s1_temperature(family):
    low, mid, high = means(family, "raw", 5, 0.5), means(family, "raw", 5, 1.0), means(family, "raw", 5, 1.5)
    assert round(low[1], 2) == 0.31 and round(low[2], 2) == 0.57
    assert np.all(high[:5] < mid[:5] / 10) and np.all(high[:3] < mid[:3] / 100)  # "orders of magnitude"


def test_s1_order(family):
    assert means(family, "raw", 3, 1.0).max() < 1e-13
    assert round(means(family, "raw", 6, 1.0)[1], 2) == 0.08
    assert round(rates(family, "deduplicated", 6, 0.5)[20], 3) == 0.085


def test_s1_exercise_thresholds(family):
    def threshold(order, temperature):
        return reference_regurgitation_threshold(family.canary_copies,
                                                 family.canary_probabilities("raw", order, temperature))
    assert threshold(5, 1.0) == 32 and threshold(6, 1.0) == 4
    assert threshold(5, 0.5) == 4 and threshold(6, 0.5) == 2
    assert threshold(3, 1.0) is None and threshold(4, 1.0) is None
    assert threshold(3, 0.5) is None and threshold(4, 0.5) is None


def test_s2_syntax_early_facts_about_40_times_later(curves):
    assert round(curves.syntax[0], 2) == 0.82 and curves.sizes[0] == 1000
    syn90, fac90 = (quantity.tokens_to_reach(curves.sizes, v, 0.9) for v in (curves.syntax, curves.facts))
    assert 2000 < syn90 < 2800 and 90_000 < fac90 < 110_000
    assert 35 < fac90 / syn90 < 45                      # "about 40 times more"
    syn95, fac95 = (quantity.tokens_to_reach(curves.sizes, v, 0.95) for v in (curves.syntax, curves.facts))
    assert round(fac95 / syn95) == 19


def test_s2_famous_people_early_rare_ones_late(curves):
    i3k, i300k = list(curves.sizes).index(3000), list(curves.sizes).index(300_000)
    assert curves.fact_by_rank[i3k, 0] == 1.0
    assert round(curves.fact_by_rank[i300k, 3], 2) == 0.98


def test_s3_per_token_smooth_exact_match_sharp(family):
    ks, per_token, exact = connections.per_token_vs_exact(family, 5, 1.0)
    assert np.round(per_token[:4], 2).tolist() == [0.36, 0.78, 0.89, 0.95]
    assert exact[1] < 0.01 and round(exact[3], 2) == 0.35


def test_s3_regurgitation_jumps_with_order_and_not_after_dedup(family):
    by_order = connections.regurgitation_by_order(family, k=8, temperature=1.0)
    assert f"{by_order['raw'][0]:.0e}" == "3e-21" and f"{by_order['raw'][1]:.0e}" == "5e-04"
    assert round(by_order["raw"][2], 2) == 0.35
    assert f"{by_order['deduplicated'][3]:.0e}" == "2e-08" and by_order["deduplicated"].max() < 1e-7


def test_s3_dedup_gives_a_lower_heldout_loss_at_every_size():
    corpus, vocab, raw, dedup, _ = data.lesson_data(0)
    curve = connections.heldout_curve(raw, dedup, connections.heldout_stream(vocab, 300, 1), len(vocab), 4,
                                      sizes=(10_000, 30_000, 100_000, 300_000, 550_000))
    gap = curve.bits["raw"] - curve.bits["deduplicated"]
    assert np.all(gap > 0) and np.all(np.diff(gap) > 0)
    assert round(curve.bits["deduplicated"][3], 3) == 5.003 and round(curve.bits["raw"][4], 3) == 5.053
