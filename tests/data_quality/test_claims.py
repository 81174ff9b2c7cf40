"""Every qualitative result the prose of notebooks/06_data_and_dedup.ipynb states, recomputed with today's code.

The numbers the prose quotes are bound to the notebook's printed output by tools/prose_numbers.py;
these tests check the statements around them. Statements about the pipeline hold on three corpus
seeds (0, the lesson's, and 1 and 2); statements the prose makes "in this seed" run on seed 0 only.
"""
import numpy as np
import pytest

from course_lib import dedup
from course_lib.data_quality import contamination, experiment, near_dup, pipeline, substrings

SEEDS = (0, 1, 2)


@pytest.fixture(scope="module")
def runs():
    out = {}
    for seed in SEEDS:
        corpus = experiment.lesson_corpus(seed=seed)
        out[seed] = corpus, pipeline.run_pipeline(corpus, num_perm=128, bands=16, rows=8, threshold=0.8,
                                                  test_ngram=13)
    return out


@pytest.fixture(scope="module")
def corpus(runs):
    return runs[0][0]


@pytest.fixture(scope="module")
def result(runs):
    return runs[0][1]


@pytest.fixture(scope="module")
def study(result):
    docs = experiment.near_dup_documents(result)
    return (docs,) + experiment.near_dup_study(docs, num_perm=128, show_progress=False)


def _stages(result):
    return {s.name: s for s in result.stages}


@pytest.mark.parametrize("seed", SEEDS)
def test_s1_content_quality_and_repetition_stages_remove_only_what_was_planted(runs, seed):
    corpus, result = runs[seed]
    s = _stages(result)
    assert s["content filtering"].precision == 1 and s["content filtering"].recall == 1
    assert s["quality filtering"].precision == 1 and s["quality filtering"].recall == 1
    rep = s["repetition removal"]
    assert rep.precision == 1 and 0.5 < rep.recall < 1  # most repetitive pages, no clean one
    removed = set(sum(result.repetition_problems.values(), []))
    missed = [i for i in np.flatnonzero(corpus.kind == "repetitive") if i not in removed]
    assert missed and set(corpus.low_quality_type[missed]) == {"repeated phrase"}  # only the stuffed phrases


@pytest.mark.parametrize("seed", SEEDS)
def test_s1_text_extraction_removes_only_boilerplate_and_misses_tagless_lines(runs, seed):
    corpus, result = runs[seed]
    s = _stages(result)["text extraction"]
    assert s.precision == 1 and 0.8 < s.recall < 1
    for i, doc in enumerate(corpus.docs):
        if corpus.kind[i] == "unsafe":
            continue
        lines = doc.split("\n")
        for j in set(corpus.junk_lines[i]) - set(pipeline.html_to_text(doc)[1]):
            assert lines[j].startswith("Share this article") or corpus.kind[i] == "near_duplicate", lines[j]


@pytest.mark.parametrize("seed", SEEDS)
def test_s1_dedup_removes_only_copies_fewer_than_half_every_identical_one_and_fewer_as_edits_grow(runs, seed):
    corpus, result = runs[seed]
    s = _stages(result)["document deduplication"]
    assert s.precision == 1 and s.recall < 0.5
    groups = pipeline.dedup_recall_by_edit_rate(corpus, result)
    assert groups["exact copies"][1] == 1 and groups["identical near copies"][1] == 1
    assert result.dedup_info["exact_removed"] == groups["exact copies"][0] + groups["identical near copies"][0]
    shares = [share for name, (_, share) in groups.items() if name.startswith("edit rate")]
    rates = [float(name.split()[-1]) for name in groups if name.startswith("edit rate")]
    assert all(a >= b for a, b in zip(shares, shares[1:]))  # fewer removed as the edit rate rises
    assert all(share == 0 for r, share in zip(rates, shares) if r >= 0.1) and shares[0] > 0.5
    # the identical near copies: those planted identical, plus those made identical by text extraction
    planted_identical = np.sum((corpus.kind == "exact_duplicate") & (corpus.edit_rate > 0))
    assert groups["identical near copies"][0] >= planted_identical


@pytest.mark.parametrize("seed", SEEDS)
def test_s1_test_set_filter_removes_exactly_the_hosts_of_verbatim_leaks(runs, seed):
    corpus, result = runs[seed]
    s = _stages(result)["test-set filtering"]
    assert s.precision == 1
    verbatim_hosts = set(corpus.test_hosts[corpus.test_leak == "verbatim"].tolist())
    assert set(result.test_removed.tolist()) == verbatim_hosts


def test_s2a_hashing_finds_exactly_the_planted_exact_duplicates(corpus):
    groups = dedup.exact_duplicates(corpus.docs)
    assert sum(len(g) - 1 for g in groups) == np.sum(corpus.kind == "exact_duplicate")


def test_s2b_suffix_array_span_length_trade_off(corpus):
    tokens, category, canary_k = substrings.token_categories(corpus)
    suffixes = dedup.suffix_array(tokens)
    lengths = (5, 10, 20, 30, 40, 50)
    table = dict(zip(lengths, substrings.coverage_table(tokens, category, lengths, suffixes=suffixes)))
    col = {name: k for k, name in enumerate(substrings.CATEGORIES)}
    other, repeated, single, dup = col["other text"], col["repeated canary"], col["single canary"], \
        col["duplicated document"]
    assert 0.15 < table[5][other] < 0.3  # "a fifth of ordinary text"
    for m in (10, 20, 30, 40):  # "from m = 10 to 40": under 1% of ordinary text, every repeated canary
        assert table[m][other] < 0.01 and table[m][repeated] > 0.99
    assert all(table[m][single] < 0.01 for m in table)
    assert table[50][repeated] < 0.05  # longer than the canaries: missed
    assert table[50][dup] < table[5][dup] < 1  # duplicated documents only partly covered
    found = dedup.repeated_substrings(tokens, 20, suffixes=suffixes)
    cover = substrings.canary_coverage(found.covered, canary_k)
    assert cover[1] < 0.01 and all(v >= 0.99 for k, v in cover.items() if k > 1)


def test_s2c_five_percent_edits_cut_the_jaccard_similarity_as_broken_shingles_predict(corpus):
    copies = np.flatnonzero((corpus.kind == "near_duplicate") & (corpus.edit_rate == 0.05))
    J = [dedup.jaccard(corpus.docs[int(corpus.duplicate_of[c])], corpus.docs[c]) for c in copies]
    intact = 0.95 ** 5  # a shingle survives when none of its five words is edited
    assert abs(np.median(J) - intact / (2 - intact)) < 0.05
    first = dedup.jaccard(corpus.docs[int(corpus.duplicate_of[copies[0]])], corpus.docs[copies[0]])
    assert first < np.median(J)  # the notebook's example pair lies below the typical one


def test_s2c_minhash_error_is_the_theoretical_one_and_the_shortcut_several_times_it(study):
    docs, signatures, truth, _ = study
    exact, estimate = near_dup.minhash_errors(signatures, truth, low=0.1, high=0.9)
    ours = near_dup.error_ratio(exact, estimate, 128)
    assert 0.85 < ours < 1.15  # "near 1"
    _, bad = near_dup.minhash_errors(near_dup.shortcut_signatures(docs, num_perm=128), truth, low=0.1, high=0.9)
    assert near_dup.error_ratio(exact, bad, 128) > 4 * ours


def test_s2d_swapping_bands_and_rows_is_a_bug_and_the_threshold_belongs_below_the_target():
    assert dedup.lsh_candidate_probability(0.8, 450, 20) > 0.99
    assert dedup.lsh_candidate_probability(0.8, 20, 450) < 1e-40
    # exercise 2.2's split puts the threshold at the target and catches a minority of pairs there;
    # the pipeline's split puts it below and catches nearly all
    assert dedup.lsh_threshold(8, 16) > 0.8 > dedup.lsh_threshold(16, 8)
    assert dedup.lsh_candidate_probability(0.8, 8, 16) < 0.25 < 0.9 < dedup.lsh_candidate_probability(0.8, 16, 8)
    for b, r in ((8, 16), (16, 8)):  # "about two thirds" become candidates at the threshold itself
        assert 0.6 < dedup.lsh_candidate_probability(dedup.lsh_threshold(b, r), b, r) < 0.7


def test_s2d_rates_follow_the_s_curve_far_from_the_threshold(study):
    _, _, truth, banding = study
    for split in ((32, 4), (16, 8), (8, 16)):
        pairs, found = banding.counts(*split)
        expected = banding.expected(*split)
        ok = pairs >= 10
        rate = found / np.maximum(pairs, 1)
        assert np.all(rate[ok & (expected < 0.005)] <= 0.05)
        assert np.all(rate[ok & (expected > 0.995)] == 1)


def test_s2d_in_this_seed_the_bins_near_0_6_sit_above_the_curve_but_not_over_seeds(study):
    docs, _, truth, banding = study
    pairs, found = banding.counts(16, 8)
    low, high = near_dup.wilson_interval(found, pairs)
    expected = banding.expected(16, 8)
    for k in (11, 12):  # the bins 0.55-0.60 and 0.60-0.65
        assert expected[k] < low[k]  # outside the 95% interval, above
    rates, curve, _ = near_dup.candidate_rate_by_seed(docs, truth, 16, 8, 0.55, 0.65, seeds=range(30))
    assert abs(rates.mean() - curve) < 0.05  # on the curve over seeds
    assert rates[0] > rates[1:].max()  # seed 0 is an unusually high draw: the highest of 30
    middle = (truth.similarity >= 0.55) & (truth.similarity < 0.65)
    p = dedup.lsh_candidate_probability(truth.similarity[middle], 16, 8)
    independent_sd = np.sqrt(np.sum(p * (1 - p))) / len(p)
    assert (rates[0] - curve) / independent_sd > 3  # several standard errors above the curve
    # the pairs share no document, and the spread over seeds is about that of independent pairs
    members = np.concatenate([truth.codes[middle] // truth.n, truth.codes[middle] % truth.n])
    assert len(np.unique(members)) == len(members)
    assert 0.8 < rates.std(ddof=1) / independent_sd < 1.25


def test_s2d_16x8_catches_every_pair_above_0_8_and_the_pipeline_confirms_the_strict_ones(study, result):
    _, _, truth, banding = study
    n, precision, recall = banding.precision_recall(16, 8, 0.8)
    assert recall == 1 and 0.4 < precision < 0.7  # "about half" of the candidates are such pairs
    assert n == result.dedup_info["candidates"]
    sims = truth.similarity
    assert result.dedup_info["confirmed"] == np.sum(sims > 0.8)
    assert np.sum(sims >= 0.8) - np.sum(sims > 0.8) == np.sum(sims == 0.8) >= 1  # the pair at exactly 0.8


def test_s2d_more_rows_fewer_candidates_higher_precision_lower_recall(study):
    banding = study[3]
    loose, tight = banding.precision_recall(32, 4, 0.8), banding.precision_recall(8, 16, 0.8)
    assert tight[0] < loose[0] and tight[1] > loose[1] and tight[2] < loose[2]


def test_s2e_edit_similarity_changes_nothing_here_and_clusters_chain(study):
    docs = study[0]
    near = pipeline.near_duplicate_clusters(docs, num_perm=128, bands=16, rows=8)
    above = near.jaccard > 0.8
    assert np.array_equal(near.confirmed, above) and np.nanmin(near.edit[above]) > 0.95
    # every cluster is connected through confirmed pairs, and some members are joined only through a chain
    sizes = np.bincount(near.cluster, minlength=len(docs))
    chained = [(a, b) for c in np.flatnonzero(sizes >= 3) for a in np.flatnonzero(near.cluster == c)
               for b in np.flatnonzero(near.cluster == c) if a < b and dedup.jaccard(docs[a], docs[b]) <= 0.8]
    assert chained


@pytest.mark.parametrize("seed", SEEDS)
def test_s3_13_gram_filter_catches_verbatim_misses_paraphrase_and_short(runs, seed):
    corpus, _ = runs[seed]
    at13 = contamination.overlap_by_leak(corpus, corpus.docs, 13)
    assert at13["verbatim"][1] == 1 and at13["paraphrase"][1] == 0 and at13["none"][1] == 0
    assert "short" not in at13  # no short item has 13 words
    at8 = contamination.overlap_by_leak(corpus, corpus.docs, 8)
    assert at8["short"][1] == 1
    # no false alarm at n = 8 in the lesson's seed; on the others at most one clean item in a hundred
    assert at8["none"][1] == 0 if seed == 0 else at8["none"][1] <= 0.01


def test_s3_cutting_windows_spares_long_documents_and_a_skipped_book_keeps_its_leak(corpus, result):
    book = experiment.contamination_book(corpus, result)
    assert not pipeline.test_set_filter([book], corpus.test_items)[0][0]  # dropped whole
    cut = contamination.window_filter([book], corpus.test_items)
    left = sum(len(p.split()) for p in cut.pieces[0])
    assert len(book.split()) - left < 0.05 * len(book.split())  # "about 100 words instead of all of it"
    assert contamination.overlap_by_leak(corpus, cut.docs, 13)["verbatim"][1] == 0
    docs = list(result.test_input)
    words = sum(len(d.split()) for d in docs)
    dropped = sum(len(d.split()) for d, i in zip(docs, result.test_source) if i in set(result.test_removed))
    windowed = words - sum(len(d.split()) for d in contamination.window_filter(docs, corpus.test_items).docs)
    assert 0.6 < windowed / dropped < 0.9  # "about three quarters"
    buggy = contamination.window_filter([book] + docs, corpus.test_items, skip_longer_than=5000)
    assert buggy.skipped.tolist() == [True] + [False] * len(docs)
    assert round(contamination.overlap_by_leak(corpus, buggy.docs, 13)["verbatim"][1] * 30) == 1


@pytest.mark.parametrize("seed", SEEDS)
def test_s3_leaks_inflate_the_score_and_the_filter_removes_only_the_verbatim_gain(runs, seed):
    corpus, result = runs[seed]
    scores = experiment.contamination_scores(corpus, result)
    raw, clean = scores["raw corpus"], scores["after the pipeline"]
    score = {name: {k: v[1] for k, v in s.by_leak.items()} for name, s in scores.items()}
    raw_s, clean_s = score["raw corpus"], score["after the pipeline"]
    assert raw_s["verbatim"] == 1 and raw_s["short"] > 0.9
    # "more than twice its clean score" in the lesson's seed, "about twice" on the others
    assert raw.accuracy > (2 if seed == 0 else 1.9) * raw_s["none"]
    assert clean_s["verbatim"] < raw_s["none"] + 0.2  # the verbatim gain is gone
    assert clean_s["short"] > 0.9 and clean.accuracy > clean_s["none"] + 0.05  # still overstated
    assert abs(raw_s["paraphrase"] - raw_s["none"]) < 0.15  # too literal to profit from paraphrases
    # after the pipeline the verbatim items still answered right come from short contexts, as clean
    # items do, and the clean rate lies at (or just below) the lower end of their 95% interval
    verbatim = corpus.test_leak == "verbatim"
    right = verbatim & clean.correct
    assert right.any() and clean.context[right].max() <= 4
    low, high = near_dup.wilson_interval(np.array([right.sum()]), np.array([verbatim.sum()]))
    assert low[0] - 0.02 <= clean_s["none"] <= high[0]
