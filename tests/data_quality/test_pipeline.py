"""The pipeline's stages on small hand-made inputs, and the experiment helpers on a small corpus."""
import numpy as np
import pytest

from course_lib.corpus import make_corpus
from course_lib.data_quality import contamination, near_dup, pipeline, substrings
from course_lib import dedup
from course_lib.papers import rae2021

GOOD = " ".join(["The old man saw the dog and the cat with a friend."] * 6)


def test_content_filter_counts_blocklisted_words():
    keep = pipeline.content_filter(["casino jackpot loans and more", "casino night", GOOD], min_hits=3)
    assert keep.tolist() == [False, True, True]
    with pytest.raises(ValueError, match="min_hits"):
        pipeline.content_filter([GOOD], min_hits=0)


@pytest.mark.parametrize("docs, error, word", [
    ([None], TypeError, "docs\\[0\\] must be a str"), ([], ValueError, "docs must hold at least one"),
    ("casino jackpot loans", TypeError, "not one str"), (42, TypeError, "docs must be a sequence"),
    ([GOOD, b"bytes"], TypeError, "docs\\[1\\]"),
])
def test_content_filter_refuses_bad_documents_clearly(docs, error, word):
    with pytest.raises(error, match=word):
        pipeline.content_filter(docs)


def test_repetition_rules_catch_each_kind_and_spare_clean_text():
    clean = make_corpus(n_clean=40, exact_copies=0, near_copies=0, canaries_per_count=0, n_low_quality=0,
                        n_unsafe=0, n_test=3, n_leaked=0, n_repetitive=30, seed=4)
    keep, problems = pipeline.repetition_filter(clean.docs)
    is_rep = clean.kind == "repetitive"
    assert keep[~is_rep].all()  # no clean document breaks a rule
    lines = is_rep & (clean.low_quality_type == "repeated lines")
    assert all(problems[i] == "duplicate line fraction" for i in np.flatnonzero(lines))
    passage = is_rep & (clean.low_quality_type == "repeated passage")
    assert not keep[passage].any()
    assert pipeline.repetition_problem("x y z w\nx y z w\nx y z w\nfour other words here") == "duplicate line fraction"
    # the most frequent 2-gram holds 9 x 3 of 32 characters: above 0.20
    assert pipeline.repetition_problem("a b a b a b a b a b a b a b a b") == "top 2-gram character fraction"
    # a document over the 5-gram limit only
    # 9 repeated words (89 of 391 characters, above 0.15) whose top 4-gram is only 2 x 35 characters (below 0.16)
    words = [f"word{i:02d}x" for i in range(40)]
    text = " ".join(words[:12] + words[:9] + words[12:40])
    assert pipeline.repetition_problem(text) == "duplicate 5-gram character fraction"
    assert pipeline.repetition_problem(" ".join(words)) == ""
    assert pipeline.repetition_problem(clean.docs[0]) == ""


def test_union_find_chains_links():
    assert pipeline.union_find(5, [(0, 1), (1, 2), (3, 4)]).tolist() == [0, 0, 0, 3, 3]
    assert pipeline.union_find(4, [(2, 3), (0, 3)]).tolist() == [0, 1, 0, 0]
    with pytest.raises(ValueError, match="pairs"):
        pipeline.union_find(3, [(0, 3)])


def test_near_dup_needs_jaccard_and_edit_similarity():
    base = " ".join(f"w{i}" for i in range(60))
    reordered = " ".join(base.split()[10:] + base.split()[:10])  # a block moved: 5-grams kept, 20 edits
    assert dedup.jaccard(base, reordered) > 0.8 and dedup.edit_similarity(base, reordered) < 0.8
    near = pipeline.near_duplicate_clusters([base, reordered], num_perm=128, bands=128, rows=1)
    assert near.jaccard[0] > 0.8 and not near.confirmed.any() and near.cluster.tolist() == [0, 1]
    near = pipeline.near_duplicate_clusters([base, reordered], edit_threshold=0.5, bands=128, rows=1)
    assert near.confirmed.all() and near.cluster.tolist() == [0, 0]


def test_html_to_text_drops_furniture_and_strips_tags():
    page = "<nav> Home | News </nav>\n<p> Some text here. </p>\nShare this article: Facebook\n</body> </html>"
    text, dropped = pipeline.html_to_text(page)
    assert text == "Some text here.\nShare this article: Facebook" and dropped == (0, 3)


@pytest.mark.parametrize("doc, rule", [
    ("a b c", "word count"),
    (" ".join(["abcdefghijklmn"] * 60), "mean word length"),
    (" ".join(["#tag the"] * 40), "symbol ratio"),
    ("\n".join(["• the golden harbour"] * 20), "bullet lines"),
    ("\n".join(["the golden harbour and the castle near the quiet meadow were calm today ..."] * 10), "ellipsis lines"),
    (" ".join(["123 456 789 the"] * 20), "alphabetic words"),
    (" ".join(["old dog cat"] * 30), "stop words"),
    (GOOD, ""),
])
def test_quality_rules(doc, rule):
    assert pipeline.quality_problem(doc) == rule


def test_deduplicate_removes_exact_and_near_copies_and_keeps_the_first():
    rng = np.random.default_rng(0)
    words = [f"w{i}" for i in rng.integers(0, 500, 120)]
    base = " ".join(words)
    near = " ".join(words[:60] + ["changed"] + words[61:])
    other = " ".join(f"v{i}" for i in rng.integers(0, 500, 120))
    keep, info = pipeline.deduplicate([base, other, base, near])
    assert keep.tolist() == [True, True, False, False]
    assert info["exact_removed"] == 1 and info["confirmed"] == 1


def test_test_set_filter_skips_short_items():
    docs = ["x " + " ".join(f"w{i}" for i in range(20)), "nothing to see"]
    items = [" ".join(f"w{i}" for i in range(3, 17)), "w1 w2"]
    keep, checked = pipeline.test_set_filter(docs, items, n=13)
    assert keep.tolist() == [False, True] and checked.tolist() == [True, False]


@pytest.fixture(scope="module")
def small():
    c = make_corpus(n_clean=400, exact_copies=20, near_copies=40, canaries_per_count=2, canary_counts=(1, 2, 4),
                    n_low_quality=12, n_unsafe=6, n_test=30, n_leaked=4, seed=2)
    return c, pipeline.run_pipeline(c)


def test_run_pipeline_on_a_small_corpus(small):
    c, result = small
    names = [s.name for s in result.stages]
    assert tuple(names) == rae2021.PIPELINE_STAGES and len(names) == 6
    for stage in result.stages:
        assert 0 <= stage.caught <= min(stage.removed, stage.planted)
    assert result.stages[0].recall == 1 and result.stages[2].recall == 1
    assert len(result.docs) == len(result.source)
    assert "stage" in pipeline.stage_table(result.stages)
    rates = pipeline.dedup_recall_by_edit_rate(c, result)
    assert rates["exact copies"][1] == 1.0


def test_all_pairs_jaccard_matches_pairwise_jaccard(small):
    _, result = small
    docs = list(result.dedup_input[:60])
    truth = near_dup.all_pairs_jaccard(docs)
    for i in range(0, 60, 7):
        for j in range(i + 1, 60, 5):
            assert truth.lookup([i * 60 + j])[0] == pytest.approx(dedup.jaccard(docs[i], docs[j]))
    assert truth.histogram().sum() == truth.n_pairs


def test_banding_study_rates_and_precision_recall(small):
    _, result = small
    docs = list(result.dedup_input)
    sig = dedup.minhash_signatures(docs)
    truth = near_dup.all_pairs_jaccard(docs)
    study = near_dup.banding_study(sig, truth, ((16, 8), (8, 16)), show_progress=False)
    n, precision, recall = study.precision_recall(16, 8, 0.8)
    assert n == len(dedup.lsh_candidate_pairs(sig, 16, 8)) and 0 <= precision <= 1 and 0 <= recall <= 1
    rates = study.rates(16, 8)
    assert np.nanmax(rates) <= 1 and rates[-1] == 1.0


def test_token_categories_cover_every_token(small):
    c, _ = small
    tokens, category, canary_k = substrings.token_categories(c)
    assert np.all((category >= 0) == (tokens >= 0))
    assert set(np.unique(canary_k)) == {0, 1, 2, 4}


def test_longest_match_model_recalls_what_it_saw():
    model = contamination.LongestMatchModel(["the old man saw the red dog today", "a cat saw the blue bird"])
    prompts = [["old", "man", "saw", "the", "red"], ["cat", "saw", "the"], ["unknown"]]
    assert model.predict(prompts) == ["dog", "blue", ""]
    assert model.context_lengths(prompts) == [4, 3, 0]  # the longest context length <= the prompt that was seen
    with pytest.raises(ValueError, match="longest first"):
        contamination.LongestMatchModel(["a b"], contexts=(1, 2))


def test_benchmark_score_by_leak(small):
    c, result = small
    score = contamination.benchmark_score(c, c.docs)
    assert score.by_leak["verbatim"] == (4, 1.0)
    assert set(score.by_leak) == {"none", "verbatim", "paraphrase", "short"}


def test_window_filter_cuts_the_colliding_ngram_with_its_window_and_keeps_long_pieces():
    item = "the old man saw a small dog near the river bank and the dog ran away quickly"
    left, right = "alpha " * 60, " omega" * 60  # 360 characters on each side
    doc = left + item.capitalize() + "." + right
    out = contamination.window_filter([doc, "nothing to see here " * 20], [item], n=13, window=20, min_piece=100)
    assert out.hit.tolist() == [True, False] and not out.dropped.any()
    pieces = out.pieces[0]
    assert len(pieces) == 2 and all("dog" not in p for p in pieces)
    assert pieces[0].startswith("alpha") and pieces[1].endswith("omega")
    assert out.pieces[1] == ("nothing to see here " * 20,) and out.chars_removed[1] == 0
    # pieces shorter than min_piece are dropped; more than max_pieces pieces drop the document
    assert contamination.window_filter([doc], [item], window=20, min_piece=1000).pieces[0] == ()
    many = " | ".join([item] * 4)
    assert contamination.window_filter([many], [item], window=0, min_piece=0, max_pieces=2).dropped.tolist() == [True]
    # an n-gram found in more training documents than allowed is ignored
    assert not contamination.window_filter([doc] * 3, [item], max_train_docs=2).hit.any()
    # the bug: long documents skipped
    skipped = contamination.window_filter([doc], [item], skip_longer_than=100)
    assert skipped.skipped.tolist() == [True] and skipped.pieces[0] == (doc,)
    with pytest.raises(TypeError, match="test_items\\[0\\]"):
        contamination.window_filter([doc], [None])


def test_wilson_interval_matches_the_formula_and_refuses_bad_counts():
    low, high = near_dup.wilson_interval(np.array([0, 5, 10]), np.array([10, 10, 10]))
    assert low[0] == pytest.approx(0, abs=1e-12) and high[2] == pytest.approx(1)
    assert low[1] == pytest.approx(0.2366, abs=1e-4) and high[1] == pytest.approx(0.7634, abs=1e-4)
    assert np.isnan(near_dup.wilson_interval(0, 0)[0])
    with pytest.raises(ValueError, match="hits must not exceed"):
        near_dup.wilson_interval(3, 2)
    with pytest.raises(ValueError, match="trials"):
        near_dup.wilson_interval(1, -1)


def test_candidate_rate_by_seed_on_identical_and_disjoint_pairs():
    words = [f"w{i}" for i in range(40)]
    docs = [" ".join(words), " ".join(words[:20] + ["x"] + words[21:]), " ".join(f"v{i}" for i in range(40))]
    truth = near_dup.all_pairs_jaccard(docs)  # the first two share 31 of 41 5-grams
    rates, expected, n = near_dup.candidate_rate_by_seed(docs, truth, 128, 1, 0.7, 0.8, seeds=range(3))
    assert n == 1 and expected > 0.999 and rates.tolist() == [1.0, 1.0, 1.0]
    rates, expected, n = near_dup.candidate_rate_by_seed(docs, truth, 1, 128, 0.7, 0.8, seeds=range(3))
    assert expected < 1e-10 and rates.tolist() == [0.0, 0.0, 0.0]
    with pytest.raises(ValueError, match="no pair"):
        near_dup.candidate_rate_by_seed(docs, truth, 16, 8, 0.4, 0.6)


@pytest.mark.parametrize("call, error, word", [
    (lambda: contamination.LongestMatchModel(["a b c", None]), TypeError, "train_docs\\[1\\] must be a str"),
    (lambda: contamination.LongestMatchModel([]), ValueError, "train_docs must hold at least one"),
    (lambda: near_dup.all_pairs_jaccard("one string"), TypeError, "docs must be a sequence"),
    (lambda: near_dup.banding_study(np.zeros((2, 8)), None), TypeError, "signatures must hold integers"),
    (lambda: near_dup.minhash_errors(np.zeros((2, 8), np.uint64), "truth"), TypeError, "truth must be a PairJaccard"),
    (lambda: near_dup.shortcut_signatures([3]), TypeError, "docs\\[0\\] must be a str"),
    (lambda: near_dup.error_ratio([0.5, 1.0], [0.5, 0.5], 8), ValueError, "exact must be < 1"),
    (lambda: near_dup.error_ratio([0.5], [0.5, 0.5], 8), ValueError, "estimate must match"),
])
def test_near_dup_and_contamination_refuse_bad_input_naming_the_argument(call, error, word):
    with pytest.raises(error, match=word):
        call()
