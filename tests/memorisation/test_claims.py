"""Every qualitative result the prose of notebooks/07_memorisation.ipynb states, recomputed with today's code.

The numbers the prose states are bound to the notebook's printed output by ``tools/prose_numbers.py``;
these tests check the sentences around them ("flat", "rises faster than linearly up to k = 8, then
saturates", "deduplication does not stop extraction", "the copies hurt") on the notebook's corpus
seed 0 and on corpus seeds 1 and 2, so no claim rests on one draw of the corpus. Nothing here is
read from a cache or pinned from an output. The three families and curves take 15-50 s, the tests of
every-copy deduplication and the per-seed summaries another 20-40 s (machine load).
"""
import numpy as np
import pytest

from course_lib.corpus import make_corpus
from course_lib.memorisation import connections, data, experiment, quantity
from course_lib.memorisation.checks import reference_regurgitation_threshold
from course_lib.ngram import NgramLM

SEEDS = (0, 1, 2)


@pytest.fixture(scope="module")
def families():
    return {s: experiment.train_family(orders=(3, 4, 5, 6), spans=(8, 15, 20), seed=s, show_progress=False,
                                       data=data.build_data(s)) for s in SEEDS}


@pytest.fixture(scope="module")
def curves():
    return {s: quantity.data_quantity_curves(seed=s, show_progress=False) for s in SEEDS}


def means(family, corpus, order, temperature):
    return experiment.mean_by_count(family.canary_copies, family.canary_probabilities(corpus, order, temperature))[1]


def rates(family, corpus, order, temperature):
    return dict(zip((8, 15, 20), family.copy_rates(corpus, order, temperature, spans=(8, 15, 20))))


# ---------------------------------------------------------------------------- §1 the corpus


@pytest.mark.parametrize("seed", SEEDS)
def test_s1_canaries_are_40_words_used_as_their_first_41_tokens(seed):
    corpus, vocab, raw, dedup, canaries = data.build_data(seed)
    assert np.sum(corpus.kind == "clean") == 4000
    assert all(len(c.split()) == 40 for c in corpus.canaries)
    lengths = [len(vocab.encode(c)) for c in corpus.canaries]
    assert canaries.shape[1] == min(lengths) > 40  # full stops are tokens: more tokens than words
    if seed == data.SEED:  # the notebook's corpus: "the other 31" after a 10-token prefix
        assert canaries.shape[1] - experiment.PREFIX == 31
    assert np.array_equal(canaries[0], vocab.encode(corpus.canaries[0])[:canaries.shape[1]])


# ---------------------------------------------------------------------------- §1 copies and chance chaining


@pytest.mark.parametrize("seed", SEEDS)
def test_s1_short_spans_are_chance_chaining_and_20_tokens_separate_them(families, seed):
    f = families[seed]
    d5, r5 = rates(f, "deduplicated", 5, 1.0), rates(f, "raw", 5, 1.0)
    assert d5[8] > 0.2 and d5[15] == d5[20] == 0  # the deduplicated model "copies" 8 tokens by chance only
    assert r5[20] > 0.05                           # the raw model copies 20-token spans
    for order in (3, 4, 5):                        # 20 tokens are enough for n <= 5 ...
        for temperature in (0.5, 1.0):
            assert rates(f, "deduplicated", order, temperature)[20] == 0
    assert rates(f, "deduplicated", 6, 0.5)[20] > 0  # ... and too short for n = 6 at T = 0.5


@pytest.mark.parametrize("seed", SEEDS)
def test_s1_sampling_agrees_with_the_exact_probabilities(families, seed):
    ks, exact, sampled, se = experiment.sampling_check(families[0], "raw", 5, 1.0, draws=100, seed=seed)
    assert np.all(np.abs(sampled - exact) <= 3 * se + 1e-3)


# ---------------------------------------------------------------------------- §1 regurgitation against k


@pytest.mark.parametrize("seed", SEEDS)
def test_s1_raw_rise_is_steep_to_k8_then_saturates(families, seed):
    m = means(families[seed], "raw", 5, 1.0)
    factors = m[1:] / m[:-1]
    assert np.all(factors[:3] > 2)      # k = 1 -> 2 -> 4 -> 8: each doubling more than doubles it
    assert factors[0] > 1e6             # the second copy: many orders of magnitude
    assert np.all(factors[3:] < 3)      # from k = 8 on: it slows down, a small factor per doubling
    assert factors[3:].max() < factors[:3].min()
    assert m[-1] < 1


@pytest.mark.parametrize("seed", SEEDS)
def test_s1_dedup_is_flat_at_the_once_seen_level(families, seed):
    f = families[seed]
    d, r = means(f, "deduplicated", 5, 1.0), means(f, "raw", 5, 1.0)
    assert d.max() / d.min() < 100                    # flat in k ...
    assert np.all((d > r[0] / 10) & (d < r[0] * 100))  # ... at the level of a canary planted once


@pytest.mark.parametrize("seed", SEEDS)
def test_s1_lower_temperature_extracts_more(families, seed):
    low, mid, high = (means(families[seed], "raw", 5, t) for t in (0.5, 1.0, 1.5))
    assert np.all(low[1:] > mid[1:]) and np.all(mid > high)
    assert np.all(high[:3] < mid[:3] / 100)  # "orders of magnitude" at T = 1.5


@pytest.mark.parametrize("seed", SEEDS)
def test_s1_more_context_memorises_from_fewer_copies(families, seed):
    f = families[seed]
    assert means(f, "raw", 3, 1.0).max() < 1e-10  # order 3 memorises nothing
    assert means(f, "raw", 6, 1.0)[1] > means(f, "raw", 5, 1.0)[1] * 10

    def threshold(order, temperature):
        return reference_regurgitation_threshold(f.canary_copies, f.canary_probabilities("raw", order, temperature))
    for temperature in (0.5, 1.0):
        assert threshold(3, temperature) is None
        assert threshold(6, temperature) is not None and threshold(5, temperature) is not None
        assert threshold(6, temperature) <= threshold(5, temperature)
    assert threshold(4, 1.0) is None
    assert threshold(5, 0.5) <= threshold(5, 1.0) and threshold(6, 0.5) <= threshold(6, 1.0)


# ---------------------------------------------------------------------------- §1 what deduplication does not stop


@pytest.mark.parametrize("seed", SEEDS)
def test_s1_greedy_extraction_from_the_deduplicated_model(families, seed):
    f = families[seed]
    lengths = (1, 2, 3, 5, 10)
    six = f.extraction_rates("deduplicated", 6, lengths)
    assert np.all(six[-1] >= 0.2)              # a once-seen canary comes out of every count group
    assert np.all(six[0] == 0)                 # with one token of prompt, nothing
    assert np.all(np.diff(six, axis=0) >= 0)   # longer prompts extract at least as much ...
    assert np.array_equal(six[3], six[4])      # ... up to the model's context (5 tokens), then no change
    assert np.all(f.extraction_rates("deduplicated", 4, lengths) == 0)
    assert f.extraction_rates("deduplicated", 5, (10,)).max() < six[-1].min()
    low = means(f, "deduplicated", 6, 0.5)
    assert np.all((low > 1e-3) & (low < 0.2))  # low temperature: about 1e-2 for every k


@pytest.mark.parametrize("seed", SEEDS)
def test_s1_about_half_or_more_of_the_once_seen_canaries_come_out(families, seed):
    f = families[seed]
    written = f.canary_probabilities("deduplicated", 6, 0.0) == 1.0
    low, high = experiment.wilson_interval(int(written.sum()), len(written))
    assert 0.4 <= written.mean() <= 0.75 and low > 0.3  # pooled over 60 canaries: clearly not rare
    # the per-seed summary of the notebook (trained separately) finds the same canaries
    assert connections.seed_summary(seed).greedy_hits == written.sum()
    # a group of 10 is too small to tell groups apart: the groups' intervals overlap
    rates = f.extraction_rates("deduplicated", 6, (experiment.PREFIX,))[0]
    lo = max(experiment.wilson_interval(int(round(10 * r)), 10)[0] for r in rates)
    hi = min(experiment.wilson_interval(int(round(10 * r)), 10)[1] for r in rates)
    assert lo < hi


@pytest.mark.parametrize("seed", SEEDS)
def test_s1_every_copy_cut_still_leaves_once_seen_canaries_to_extract(families, seed):
    corpus, vocab, raw, hybrid, canaries = data.build_data(seed)
    every = data.deduplicate(corpus, vocab, keep_first=False)
    assert every.n_tokens < hybrid.n_tokens
    f = experiment.train_family(orders=(6,), spans=(2,), seed=seed, show_progress=False,
                                data=(corpus, vocab, raw, every, canaries))
    rates = f.extraction_rates("deduplicated", 6, (experiment.PREFIX,))[0]
    assert rates[0] > 0 and np.all(rates[1:] == 0)  # once-seen: some come out; repeated: all gone


# ---------------------------------------------------------------------------- §2 how much data is enough


def test_s2_the_single_model_is_the_curves_10k_point(curves):
    lang = quantity.make_language(seed=0)
    text = quantity.generate(lang, quantity.SIZES[-1], seed=1)
    good, bad = quantity.syntax_pairs(lang, n_pairs=400, seed=2)
    small = NgramLM(order=4, vocab_size=lang.vocab_size).fit(text[:10_000])
    i = list(curves[0].sizes).index(10_000)
    assert quantity.syntax_accuracy(small, good, bad) == curves[0].syntax[i]
    assert quantity.fact_accuracy(small, lang)[0] == curves[0].facts[i]


@pytest.mark.parametrize("seed", SEEDS)
def test_s2_facts_need_more_data_and_chance_shrinks_the_factor(curves, seed):
    c = curves[seed]
    assert np.all(c.syntax[:-1] > c.facts[:-1])
    for level in (0.8, 0.9, 0.95):
        assert quantity.data_ratio(c, level)[2] > 3          # facts always need several times more
    raw90, normalised90 = quantity.data_ratio(c, 0.9, normalise=False)[2], quantity.data_ratio(c, 0.9)[2]
    assert raw90 > normalised90                                # chance correction lowers the factor
    ratios = [quantity.data_ratio(c, level)[2] for level in (0.8, 0.9, 0.95)]
    assert max(ratios) / min(ratios) > 1.5                     # "depends on the threshold"


def test_s2_the_factor_depends_on_the_seed(curves):
    at90 = [quantity.data_ratio(curves[s], 0.9)[2] for s in SEEDS]
    assert max(at90) / min(at90) > 1.5


@pytest.mark.parametrize("seed", SEEDS)
def test_s2_famous_people_are_known_before_rare_ones(curves, seed):
    by_rank = curves[seed].fact_by_rank
    assert np.all(by_rank[:, 0] >= by_rank[:, 3])
    i3k = list(curves[seed].sizes).index(3000)
    assert by_rank[i3k, 0] == 1.0 and by_rank[i3k, 3] < 0.5


# ---------------------------------------------------------------------------- §3 connections


@pytest.mark.parametrize("seed", SEEDS)
def test_s3_per_token_smooth_exact_match_sharp(families, seed):
    ks, per_token, exact = connections.per_token_vs_exact(families[seed], 5, 1.0)
    assert np.all(np.diff(per_token) > 0) and np.all(per_token >= exact)
    assert per_token[0] > 0.2 and exact[1] < 0.01 and exact[3] > 0.1
    step = per_token[1:] / per_token[:-1]
    assert np.argmax(step) == 0 and step[0] > 1.5  # the per-token jump comes first, at k = 1 -> 2 ...
    assert exact[1] < 0.01                          # ... where exact match is still near zero


@pytest.mark.parametrize("seed", SEEDS)
def test_s3_regurgitation_jumps_with_order_and_not_after_dedup_at_t1(families, seed):
    by_order = connections.regurgitation_by_order(families[seed], k=8, temperature=1.0)
    assert np.all(np.diff(np.log(by_order["raw"])) > 0)
    assert by_order["raw"][0] < 1e-15 and by_order["raw"][2] > 0.1
    assert by_order["deduplicated"].max() < 1e-4


@pytest.mark.parametrize("seed", SEEDS)
def test_s3_heldout_set_shares_no_document_with_training(seed):
    corpus = data.lesson_corpus(seed)
    docs = connections.heldout_documents(300, corpus_seed=seed)
    assert connections.heldout_seed(seed) not in SEEDS
    assert connections.shared_documents(docs, corpus.docs) == 0


def test_s3_the_trap_the_derived_seed_avoids():
    # held-out documents drawn with the corpus's own seed are mostly training text
    trap = make_corpus(n_clean=300, html_fraction=0.0, exact_copies=0, near_copies=0, canaries_per_count=0,
                       n_low_quality=0, n_unsafe=0, n_test=3, n_leaked=0, seed=1)
    assert connections.shared_documents(trap.docs[:300], data.lesson_corpus(1).docs) > 150


@pytest.mark.parametrize("seed", SEEDS)
def test_s3_duplicates_hurt_the_heldout_loss(seed):
    corpus, vocab, raw, dedup, _ = data.build_data(seed)
    heldout = connections.heldout_stream(vocab, 300, corpus_seed=seed)
    curve = connections.heldout_curve(raw, dedup, heldout, len(vocab), 4, sizes=(10_000, 100_000, 300_000, 550_000))
    gap = curve.bits["raw"] - curve.bits["deduplicated"]
    assert np.all(gap > 0) and gap[-1] > gap[0]
    whole = connections.whole_corpus_bits(raw, dedup, heldout, len(vocab), 4)
    assert whole["deduplicated"][0] < whole["raw"][0] and whole["deduplicated"][1] < whole["raw"][1]
    kinds = connections.bits_by_kind(corpus, vocab, heldout, 4)
    clean = kinds["clean documents"][1]
    assert kinds["clean + exact copies"][1] > clean and kinds["clean + near copies"][1] > clean
    assert kinds["raw (all three)"][1] > clean
    # no copies at all is best; the deduplicated corpus keeps near-copy remnants that cost held-out loss
    none_tokens, none_bits = kinds[connections.CLEAN_CUT]
    assert none_tokens < whole["deduplicated"][0] and none_bits < whole["deduplicated"][1]
    assert none_bits < clean and none_tokens < kinds["clean documents"][0]
