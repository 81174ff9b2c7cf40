"""Every result the prose of notebooks/06_data_and_dedup.ipynb states, computed with the same code.

The fixtures rebuild the notebook's experiment once (corpus seed 0, the pipeline with 128 hash
functions in 16 bands of 8 rows, Jaccard > 0.8, 13-grams): a few seconds.
"""
import numpy as np
import pytest

from course_lib import dedup
from course_lib.data_quality import contamination, experiment, near_dup, pipeline, substrings
from course_lib.data_quality.demos import BandingDemo, split_label


@pytest.fixture(scope="module")
def corpus():
    return experiment.lesson_corpus(seed=0)


@pytest.fixture(scope="module")
def result(corpus):
    return pipeline.run_pipeline(corpus, num_perm=128, bands=16, rows=8, threshold=0.8, test_ngram=13)


@pytest.fixture(scope="module")
def stages(result):
    return {s.name: s for s in result.stages}


@pytest.fixture(scope="module")
def study(result):
    return experiment.near_dup_study(experiment.near_dup_documents(result), num_perm=128, show_progress=False)


@pytest.fixture(scope="module")
def coverage(corpus):
    tokens, category, canary_k = substrings.token_categories(corpus)
    suffixes = dedup.suffix_array(tokens)
    table = substrings.coverage_table(tokens, category, (5, 10, 20, 30, 50, 100), suffixes=suffixes)
    found = dedup.repeated_substrings(tokens, 20, suffixes=suffixes)
    return dict(zip((5, 10, 20, 30, 50, 100), table)), substrings.canary_coverage(found.covered, canary_k)


def test_s1_content_filter_removes_the_100_unsafe_documents_and_nothing_else(stages):
    s = stages["content filtering"]
    assert (s.removed, s.planted, s.caught) == (100, 100, 100)


def test_s1_text_extraction_removes_90_percent_of_boilerplate_lines_and_only_boilerplate(stages, corpus):
    s = stages["text extraction"]
    assert s.precision == 1.0 and round(s.recall, 2) == 0.90
    # what it misses: the tagless share line, kept
    share = next(d for d in corpus.docs if "Share this article" in d)
    assert "Share this article" in pipeline.html_to_text(share)[0]
    # every missed boilerplate line is a share line or sits in a near-duplicate copy
    for i, doc in enumerate(corpus.docs):
        if corpus.kind[i] == "unsafe":
            continue
        lines = doc.split("\n")
        missed = set(corpus.junk_lines[i]) - set(pipeline.html_to_text(doc)[1])
        for j in missed:
            assert lines[j].startswith("Share this article") or corpus.kind[i] == "near_duplicate", lines[j]


def test_s1_quality_filter_catches_all_180_low_quality_documents_and_no_clean_one(stages, result, corpus):
    s = stages["quality filtering"]
    assert (s.removed, s.planted, s.caught) == (180, 180, 180)
    assert len(result.quality_problems) == 6  # each kind breaks a different rule


def test_s1_dedup_removes_only_copies_fewer_than_half_falling_with_edit_rate(stages, corpus, result):
    s = stages["deduplication"]
    assert s.precision == 1.0 and s.recall < 0.5
    by_rate = pipeline.dedup_recall_by_edit_rate(corpus, result)
    assert by_rate[0.0][1] == 1.0
    assert round(by_rate[0.01][1], 2) == 0.83 and round(by_rate[0.05][1], 2) == 0.16
    assert all(share == 0 for rate, (_, share) in by_rate.items() if rate >= 0.1)


def test_s1_test_set_filter_removes_30_of_90_hosts_and_nothing_else(stages):
    s = stages["test-set filtering"]
    assert (s.removed, s.planted, s.caught) == (30, 90, 30)


def test_s2a_hashing_finds_exactly_the_planted_exact_duplicates(corpus):
    groups = dedup.exact_duplicates(corpus.docs)
    assert sum(len(g) - 1 for g in groups) == np.sum(corpus.kind == "exact_duplicate")


def test_s2b_suffix_array_span_length_trade_off(coverage):
    table, canaries = coverage
    dup, repeated, single, boiler, other = range(5)
    assert 0.15 < table[5][other] < 0.3  # "a fifth of ordinary text"
    for m in (10, 20, 30):
        assert table[m][other] < 0.01 and table[m][repeated] > 0.99
    assert all(table[m][single] < 0.01 for m in table)
    assert table[50][repeated] < 0.03  # missed at m = 50 (2%)
    assert round(table[50][repeated], 2) == 0.02
    assert canaries[1] < 0.01 and all(v >= 0.99 for k, v in canaries.items() if k > 1)
    assert table[50][dup] < table[5][dup] < 1  # duplicated documents only partly covered


def test_s2c_five_percent_edits_halve_the_jaccard_similarity(corpus):
    copy = int(np.flatnonzero((corpus.kind == "near_duplicate") & (corpus.edit_rate == 0.05))[0])
    J = dedup.jaccard(corpus.docs[int(corpus.duplicate_of[copy])], corpus.docs[copy])
    assert 0.45 < J < 0.55


def test_s2c_minhash_error_is_the_theoretical_one_and_the_shortcut_six_times_it(study, result):
    signatures, truth, _ = study
    exact, estimate = near_dup.minhash_errors(signatures, truth, low=0.1, high=0.9)
    assert 0.85 < near_dup.error_ratio(exact, estimate, 128) < 1.15  # "near 1"
    shortcut = near_dup.shortcut_signatures(experiment.near_dup_documents(result), num_perm=128)
    _, bad = near_dup.minhash_errors(shortcut, truth, low=0.1, high=0.9)
    assert 5.5 < near_dup.error_ratio(exact, bad, 128) < 7  # "about six times"


def test_s2d_swapping_bands_and_rows_is_a_bug():
    assert round(dedup.lsh_candidate_probability(0.8, 450, 20), 3) == 0.995
    assert dedup.lsh_candidate_probability(0.8, 20, 450) < 1e-40


def test_s2d_measured_rates_follow_the_s_curve(study):
    _, truth, banding = study
    counts = truth.histogram()
    edges = near_dup.BIN_EDGES
    near = (edges[:-1] >= 0.2 - 1e-9) & (edges[1:] <= 0.95 + 1e-9)
    assert near.sum() == 15 and counts[near].min() == 10 and counts[near].max() == 52  # "10 to 52 pairs"
    for split in ((32, 4), (16, 8), (8, 16)):
        rates = banding.rates(*split)
        expected = np.array([dedup.lsh_candidate_probability(
            truth.similarity[(truth.similarity >= lo) & (truth.similarity < hi)], *split).mean()
            if c else np.nan for lo, hi, c in zip(edges[:-1], edges[1:], counts)])
        ok = counts >= 10
        assert np.nanmean(np.abs(rates[ok] - expected[ok])) < 0.1
        assert np.all(rates[ok & (expected < 0.005)] <= 0.05)
        assert np.all(rates[ok & (expected > 0.995)] == 1)


def test_s2d_16x8_candidates_precision_recall_at_0_8(study):
    _, truth, banding = study
    n, precision, recall = banding.precision_recall(16, 8, 0.8)
    assert n == 193 and truth.count_at_least(0.8) == 106
    assert round(truth.n_pairs / 1e6) == 6  # "instead of six million"
    assert recall == 1.0 and round(precision, 2) == 0.55
    assert round(dedup.lsh_threshold(16, 8), 2) == 0.71
    state = BandingDemo(banding).update(split=split_label(16, 8), target=0.8)
    assert state["candidates"] == 193 and state["recall"] == 1.0


def test_s2d_more_rows_fewer_candidates_higher_precision_lower_recall(study):
    _, _, banding = study
    loose, tight = banding.precision_recall(32, 4, 0.8), banding.precision_recall(8, 16, 0.8)
    assert tight[0] < loose[0] and tight[1] > loose[1] and tight[2] < loose[2]


def test_s3_13_gram_filter_catches_verbatim_misses_paraphrase_and_short(corpus):
    at13 = contamination.overlap_by_leak(corpus, corpus.docs, 13)
    assert at13["verbatim"][1] == 1.0 and at13["paraphrase"][1] == 0.0 and at13["none"][1] == 0.0
    assert "short" not in at13  # no short item has 13 words
    at8 = contamination.overlap_by_leak(corpus, corpus.docs, 8)
    assert at8["short"] == (25, 1.0) and at8["none"][1] == 0.0


def test_s3_contaminated_scores(corpus, result):
    scores = experiment.contamination_scores(corpus, result)
    raw, clean = scores["raw corpus"], scores["after the pipeline"]
    assert round(raw.accuracy, 2) == 0.30 and round(raw.by_leak["none"][1], 2) == 0.12
    assert raw.by_leak["verbatim"][1] == 1.0 and round(raw.by_leak["short"][1], 2) == 0.97
    assert raw.accuracy > 2 * raw.by_leak["none"][1]
    assert round(clean.by_leak["verbatim"][1], 2) == 0.27 and round(clean.by_leak["none"][1], 2) == 0.13
    assert round(clean.by_leak["short"][1], 2) == 0.97 and round(clean.accuracy, 2) == 0.24
    assert round(raw.by_leak["paraphrase"][1], 2) == 0.20
