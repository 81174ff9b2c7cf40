"""course_lib.dedup against brute force, the theory, and (where installed) datasketch."""
import itertools

import numpy as np
import pytest

from course_lib import dedup
from course_lib.corpus import make_corpus


@pytest.fixture(scope="module")
def docs():
    c = make_corpus(n_clean=200, exact_copies=10, near_copies=60, edit_rates=(0.02, 0.05, 0.1, 0.2, 0.4),
                    canaries_per_count=1, canary_counts=(1, 2), n_low_quality=0, n_unsafe=0, n_test=9,
                    n_leaked=2, seed=11)
    return list(c.docs)


def brute_suffix_array(tokens):
    return sorted(range(len(tokens)), key=lambda i: tuple(tokens[i:]))


def common_prefix(tokens, i, j):
    k = 0
    while i + k < len(tokens) and j + k < len(tokens) and tokens[i + k] == tokens[j + k]:
        k += 1
    return k


@pytest.mark.parametrize("seed, n, alphabet", [(0, 200, 2), (1, 300, 5), (2, 50, 1), (3, 2, 3)])
def test_suffix_array_and_lcp_match_brute_force(seed, n, alphabet):
    tokens = np.random.default_rng(seed).integers(0, alphabet, n)
    sa, lcp = dedup.suffix_array(tokens)
    assert sa.tolist() == brute_suffix_array(tokens.tolist())
    assert lcp.tolist() == [common_prefix(tokens, sa[k], sa[k + 1]) for k in range(n - 1)]


def test_repeated_substrings_match_brute_force():
    rng = np.random.default_rng(4)
    tokens = rng.integers(0, 4, 300)
    tokens[200:230] = tokens[10:40]  # a planted repeat of 30 tokens
    for m in (3, 8, 25):
        found = dedup.repeated_substrings(tokens, m)
        grams = {}
        for i in range(len(tokens) - m + 1):
            grams.setdefault(tuple(tokens[i:i + m]), []).append(i)
        starts = sorted(i for where in grams.values() if len(where) > 1 for i in where)
        assert found.starts.tolist() == starts
        covered = np.zeros(len(tokens), bool)
        for i in starts:
            covered[i:i + m] = True
        assert np.array_equal(found.covered, covered)
    assert dedup.repeated_substrings(tokens, 25).lengths.max() >= 30


def test_separators_keep_repeats_inside_documents():
    tokens = np.array([1, 2, 3, -1, 1, 2, 3, -2])
    assert dedup.repeated_substrings(tokens, 3).starts.tolist() == [0, 4]
    assert dedup.repeated_substrings(tokens, 4).starts.tolist() == []


def test_exact_duplicates_groups_identical_texts():
    assert dedup.exact_duplicates(["a b", "c", "a b", "c", "d", "a b"]) == [[0, 2, 5], [1, 3]]
    assert dedup.exact_duplicates(["x", "y"]) == []


def test_shingles_and_exact_jaccard():
    a = "w1 w2 w3 w4 w5 w6"
    assert len(dedup.shingles(a, 5)) == 2
    assert dedup.jaccard(a, a) == 1.0
    assert dedup.jaccard(a, "w2 w3 w4 w5 w6 w7") == pytest.approx(1 / 3)
    assert dedup.jaccard(a, "v1 v2 v3 v4 v5") == 0.0


def test_shingle_stream_keeps_only_windows_inside_documents(docs):
    ids, starts = dedup._shingle_stream(docs, 5, "docs")
    for k in (0, 7, len(docs) - 1):
        end = starts[k + 1] if k + 1 < len(docs) else len(ids)
        assert np.array_equal(np.unique(ids[starts[k]:end]), dedup.shingles(docs[k]))


def test_minhash_signatures_shape_range_and_determinism(docs):
    sig = dedup.minhash_signatures(docs[:20], num_perm=64)
    assert sig.shape == (20, 64) and sig.dtype == np.uint64 and sig.max() < dedup.PRIME
    assert np.array_equal(sig, dedup.minhash_signatures(docs[:20], num_perm=64))
    assert not np.array_equal(sig, dedup.minhash_signatures(docs[:20], num_perm=64, seed=1))
    # a document's signature does not depend on the other documents
    assert np.array_equal(dedup.minhash_signatures([docs[3]], num_perm=64)[0], sig[3])


def test_minhash_matches_the_definition(docs):
    a, b = dedup.minhash_parameters(32, seed=0)
    x = dedup.shingles(docs[0]).astype(object)
    expected = [min((int(ak) * int(xi) + int(bk)) % dedup.PRIME for xi in x) for ak, bk in zip(a, b)]
    assert dedup.minhash_signatures([docs[0]], num_perm=32)[0].tolist() == expected


def test_minhash_error_matches_the_theory(docs):
    sig = dedup.minhash_signatures(docs, num_perm=256)
    exact, estimate = [], []
    for i, j in itertools.combinations(range(len(docs)), 2):
        if docs[i].split()[:3] == docs[j].split()[:3]:  # likely relatives: original and copies
            J = dedup.jaccard(docs[i], docs[j])
            if 0.1 <= J <= 0.9:
                exact.append(J)
                estimate.append(dedup.estimate_jaccard(sig[i], sig[j]))
    exact, estimate = np.array(exact), np.array(estimate)
    assert len(exact) >= 30
    ratio = np.sqrt(np.mean((estimate - exact) ** 2 / (exact * (1 - exact) / 256)))
    assert 0.7 < ratio < 1.3


def test_lsh_candidate_pairs_match_brute_force_banding():
    rng = np.random.default_rng(0)
    sig = rng.integers(0, 3, size=(40, 6)).astype(np.uint64)
    for bands, rows in ((3, 2), (2, 3), (6, 1), (1, 6)):
        expected = {(i, j) for i, j in itertools.combinations(range(40), 2)
                    if any(np.array_equal(sig[i, k * rows:(k + 1) * rows], sig[j, k * rows:(k + 1) * rows])
                           for k in range(bands))}
        assert dedup.lsh_candidate_pairs(sig, bands, rows) == expected


def test_lsh_probability_and_threshold():
    assert dedup.lsh_candidate_probability(0.8, 450, 20) == pytest.approx(0.9946, abs=1e-4)
    assert dedup.lsh_candidate_probability(0.5, 450, 20) == pytest.approx(0.00043, rel=0.01)
    assert dedup.lsh_candidate_probability(0.8, 20, 450) == pytest.approx(4.9e-43, rel=0.02)
    s = np.array([0.0, 0.3, 1.0])
    assert np.allclose(dedup.lsh_candidate_probability(s, 4, 3), 1 - (1 - s ** 3) ** 4)
    assert dedup.lsh_threshold(450, 20) == pytest.approx(0.737, abs=1e-3)


def test_ngram_overlap_matches_brute_force():
    train = ["The cat sat on the mat, and then the dog barked loudly at it.", "Nothing to see here at all."]
    test = ["the CAT sat on the mat and", "a dog barked loudly at it now", "see here at all or not",
            "nothing here to see at all"]
    out = dedup.ngram_overlap(train, test, n=4)
    assert out.contaminated.tolist() == [True, True, True, False]
    assert out.matches.tolist() == [4, 2, 1, 0] and out.totals.tolist() == [4, 4, 3, 3]
    assert out.train_hits.tolist() == [6, 1]


def test_ngram_overlap_train_hits_count_distinct_test_ngrams():
    # the training document holds the same test 3-gram three times, and a second one once:
    # two distinct hits, not four occurrences
    train = ["a b c x a b c y a b c z d e f", "nothing in common here"]
    out = dedup.ngram_overlap(train, ["a b c", "d e f"], n=3)
    assert out.train_hits.tolist() == [2, 0]
    # two test documents sharing one 3-gram: still one distinct 3-gram hit in training
    out = dedup.ngram_overlap(train, ["a b c", "q a b c"], n=3)
    assert out.train_hits.tolist() == [1, 0]


def test_edit_similarity_matches_a_python_levenshtein():
    def reference(a, b):
        a, b = a.split(), b.split()
        row = list(range(len(b) + 1))
        for i, x in enumerate(a, 1):
            prev, row = row, [i] + [0] * len(b)
            for j, y in enumerate(b, 1):
                row[j] = min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (x != y))
        return 1 - row[-1] / max(len(a), len(b), 1)
    rng = np.random.default_rng(0)
    for _ in range(200):
        a = " ".join(rng.choice(list("abc"), size=int(rng.integers(0, 12))))
        b = " ".join(rng.choice(list("abc"), size=int(rng.integers(1, 12))))
        assert dedup.edit_similarity(a, b) == pytest.approx(reference(a, b))
    assert dedup.edit_similarity("the old man", "the old man") == 1.0
    assert dedup.edit_similarity("a b c d e", "a b x d e") == pytest.approx(0.8)


@pytest.mark.parametrize("call, word", [
    (lambda: dedup.lsh_candidate_pairs(np.zeros((3, 8), np.uint64), 3, 3), "bands \\* rows"),
    (lambda: dedup.minhash_signatures(["a b c"], ngram=5), "ngram"),
    (lambda: dedup.minhash_signatures([]), "empty"),
    (lambda: dedup.lsh_candidate_probability(0.5, 2, 0), "rows"),
    (lambda: dedup.lsh_candidate_probability(1.5, 2, 2), "s must"),
    (lambda: dedup.repeated_substrings(np.array([1, 2, 3]), 4), "min_length"),
    (lambda: dedup.repeated_substrings(np.array([], dtype=int), 2), "tokens must have at least 1"),
    (lambda: dedup.repeated_substrings(np.zeros((2, 2), dtype=int), 2), "tokens must be a 1-D"),
    (lambda: dedup.lsh_candidate_probability(np.nan, 2, 2), "s must be finite"),
    (lambda: dedup.lsh_candidate_pairs(np.zeros((0, 8), np.uint64), 2, 4), "signatures must have at least"),
    (lambda: dedup.ngram_overlap(["a b c"], ["a b"], n=3), "n=3 is longer than test_docs"),
    (lambda: dedup.ngram_overlap([], ["a b c"], n=2), "empty"),
    (lambda: dedup.exact_duplicates([]), "empty"),
    (lambda: dedup.estimate_jaccard(np.zeros(4, int), np.zeros(5, int)), "sig_b"),
])
def test_bad_input_raises_value_error_naming_the_argument(call, word):
    with pytest.raises(ValueError, match=word):
        call()


@pytest.mark.parametrize("call, word", [
    (lambda: dedup.minhash_signatures(["a b c d e f"], num_perm=12.0), "num_perm must be an int"),
    (lambda: dedup.minhash_signatures(["a b c d e f"], ngram=2.5), "ngram must be an int"),
    (lambda: dedup.lsh_candidate_pairs(np.zeros((3, 8), np.uint64), 4.0, 2), "bands must be an int"),
    (lambda: dedup.repeated_substrings(np.array([1.5, 2.0]), 1), "tokens must hold integers"),
    (lambda: dedup.repeated_substrings(np.array([1, 2, 3]), 2.0), "min_length must be an int"),
    (lambda: dedup.ngram_overlap(["a b c"], ["a b c"], n=2.0), "n must be an int"),
    (lambda: dedup.estimate_jaccard(np.zeros(4), np.zeros(4)), "sig_a must hold integers"),
    (lambda: dedup.lsh_candidate_probability("0.5", 2, 2), "s must be an array"),
    (lambda: dedup.edit_similarity("a b", None), "doc_b must be a str"),
])
def test_wrong_types_raise_type_error_naming_the_argument(call, word):
    with pytest.raises(TypeError, match=word):
        call()


def test_wrong_types_raise_type_error():
    with pytest.raises(TypeError, match="docs"):
        dedup.minhash_signatures("one string")
    with pytest.raises(TypeError, match="docs\\[1\\]"):
        dedup.exact_duplicates(["a", 3])


def test_same_error_as_datasketch_on_the_same_documents(docs):
    datasketch = pytest.importorskip("datasketch")
    num_perm = 128
    sig = dedup.minhash_signatures(docs, num_perm=num_perm)
    hashes = [[int(x).to_bytes(4, "little") for x in dedup.shingles(d)] for d in docs]
    theirs = datasketch.MinHash.bulk(hashes, num_perm=num_perm, seed=1)
    ours_err, theirs_err, theory = [], [], []
    for i, j in itertools.combinations(range(len(docs)), 2):
        if docs[i].split()[:3] == docs[j].split()[:3]:
            J = dedup.jaccard(docs[i], docs[j])
            if 0.1 <= J <= 0.9:
                ours_err.append(abs(dedup.estimate_jaccard(sig[i], sig[j]) - J))
                theirs_err.append(abs(theirs[i].jaccard(theirs[j]) - J))
                theory.append(np.sqrt(J * (1 - J) / num_perm) * np.sqrt(2 / np.pi))
    assert len(theory) >= 30
    assert 0.75 < np.mean(ours_err) / np.mean(theory) < 1.25
    assert 0.75 < np.mean(theirs_err) / np.mean(theory) < 1.25
