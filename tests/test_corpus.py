"""course_lib.corpus: a seeded corpus whose ground truth matches what was planted."""
import numpy as np
import pytest

from course_lib import corpus as cp

SMALL = dict(n_clean=300, exact_copies=20, near_copies=40, canaries_per_count=2, canary_counts=(1, 2, 4),
             n_low_quality=12, n_unsafe=6, n_test=30, n_leaked=4, seed=5)


@pytest.fixture(scope="module")
def small():
    return cp.make_corpus(**SMALL)


def test_same_seed_same_corpus_and_another_seed_another(small):
    again = cp.make_corpus(**SMALL)
    assert again.docs == small.docs and again.test_items == small.test_items
    assert np.array_equal(again.duplicate_of, small.duplicate_of)
    assert cp.make_corpus(**{**SMALL, "seed": 6}).docs != small.docs


def test_counts_match_the_settings(small):
    kinds = dict(zip(*np.unique(small.kind, return_counts=True)))
    assert kinds["low_quality"] == 12 and kinds["unsafe"] == 6
    assert kinds["exact_duplicate"] + kinds["near_duplicate"] == 60
    assert kinds["clean"] == 300
    assert len(small) == 300 + 60 + 12 + 6
    assert small.n_tokens == sum(len(d.split()) for d in small.docs)


def test_every_copy_follows_its_original_and_exact_copies_are_identical(small):
    copies = np.flatnonzero(small.duplicate_of >= 0)
    assert np.all(small.duplicate_of[copies] < copies)
    for i in copies:
        original = small.duplicate_of[i]
        assert small.kind[original] == "clean"
        same = small.docs[i] == small.docs[original]
        assert same == (small.kind[i] == "exact_duplicate")
        assert not np.isnan(small.edit_rate[i])
    assert np.all(np.isnan(small.edit_rate[small.duplicate_of < 0]))
    assert np.all(small.edit_rate[small.kind == "exact_duplicate"] <= 0.05)


def test_canaries_sit_in_their_hosts_k_times(small):
    assert len(small.canaries) == 3 * 2
    for text, k, hosts in zip(small.canaries, small.canary_copies, small.canary_hosts):
        assert len(text.split()) == 40 and len(hosts) == k
        holders = [i for i, d in enumerate(small.docs) if text in d]
        assert set(hosts.tolist()) <= set(holders)
        assert all(small.kind[h] == "clean" for h in hosts)


def test_leaked_items_sit_in_their_hosts(small):
    for item, leak, host in zip(small.test_items, small.test_leak, small.test_hosts):
        if leak == "none":
            assert host == -1
            continue
        if leak == "paraphrase":
            assert item not in small.docs[host]
            assert item.split()[-1] in small.docs[host]  # the answer word is kept
        else:
            assert item in small.docs[host]
    assert np.sum(small.test_leak == "short") == 4
    assert all(len(t.split()) <= 12 for t, l in zip(small.test_items, small.test_leak) if l == "short")


def test_junk_lines_are_page_furniture(small):
    for doc, junk, html in zip(small.docs, small.junk_lines, small.html):
        lines = doc.split("\n")
        assert all(0 <= j < len(lines) for j in junk)
        assert bool(junk) == bool(html)


def test_normalize_lowercases_and_strips_punctuation():
    assert cp.normalize("The Old, old man... SAW it!") == ["the", "old", "old", "man", "saw", "it"]
    assert cp.normalize("-- !!") == []
    with pytest.raises(TypeError, match="text"):
        cp.normalize(3)


def test_token_ids_and_concatenate():
    ids, vocab = cp.token_ids(["a b a", "b c"])
    assert [i.tolist() for i in ids] == [[0, 1, 0], [1, 2]] and vocab == {"a": 0, "b": 1, "c": 2}
    tokens, starts = cp.concatenate(ids)
    assert tokens.tolist() == [0, 1, 0, -1, 1, 2, -2] and starts.tolist() == [0, 4]
    with pytest.raises(ValueError, match="empty"):
        cp.token_ids([])
    with pytest.raises(ValueError, match="doc_tokens\\[0\\] must be >= 0"):
        cp.concatenate([np.array([-3])])
    with pytest.raises(TypeError, match="doc_tokens\\[1\\] must hold integers"):
        cp.concatenate([np.array([1]), np.array([1.5])])
    with pytest.raises(TypeError, match="docs\\[0\\] must be a str"):
        cp.token_ids([None])


def test_repetitive_documents_are_appended_and_leave_the_rest_unchanged():
    without = cp.make_corpus(**SMALL)
    with_rep = cp.make_corpus(**{**SMALL, "n_repetitive": 6})
    n = len(without)
    assert with_rep.docs[:n] == without.docs and len(with_rep) == n + 6
    assert (with_rep.kind[n:] == "repetitive").all() and (with_rep.duplicate_of[n:] == -1).all()
    assert set(with_rep.low_quality_type[n:]) == set(cp.REPETITIVE_TYPES)
    assert np.array_equal(with_rep.duplicate_of[:n], without.duplicate_of)


@pytest.mark.parametrize("kwargs, word", [
    ({"n_clean": 2}, "n_clean"), ({"n_clean": 10.5}, "n_clean"), ({"html_fraction": 1.5}, "html_fraction"),
    ({"edit_rates": (0.0,)}, "edit_rates"), ({"seed": -1}, "seed"), ({"n_leaked": 50, "n_test": 30}, "n_leaked"),
    ({"n_clean": 40}, "n_clean"),
])
def test_bad_settings_are_refused(kwargs, word):
    with pytest.raises((ValueError, TypeError), match=word):
        cp.make_corpus(**{**SMALL, **kwargs})
