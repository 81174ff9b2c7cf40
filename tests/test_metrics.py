"""Tests of course_lib.metrics (lesson 01 functions)."""
import itertools
import math

import numpy as np
import pytest

from course_lib import metrics as m
from course_lib.model_sizes import first_crossing, sparse_grid


def brute_levenshtein(a, b):
    """Textbook recursion with memo, independent of the module's implementation."""
    from functools import lru_cache

    @lru_cache(None)
    def d(i, j):
        if i == 0 or j == 0:
            return i + j
        return min(d(i - 1, j) + 1, d(i, j - 1) + 1, d(i - 1, j - 1) + (a[i - 1] != b[j - 1]))

    return d(len(a), len(b))


class TestExactMatch:
    def test_array_and_list_forms_agree(self):
        p = np.array([[1, 2, 3], [1, 2, 4], [0, 0, 0]])
        t = np.array([[1, 2, 3], [1, 2, 3], [0, 0, 0]])
        assert m.exact_match(p, t).tolist() == [1, 0, 1]
        assert m.exact_match(p.tolist(), t.tolist()).tolist() == [1, 0, 1]

    def test_different_lengths_never_match(self):
        assert m.exact_match([[1, 2], [3]], [[1, 2, 0], [3]]).tolist() == [0, 1]

    def test_strings_are_character_sequences(self):
        assert m.exact_match(["123", "124"], ["123", "123"]).tolist() == [1, 0]

    @pytest.mark.parametrize("p, t, word", [
        ([[1]], [[1], [2]], "same length"),
        ([], [], "empty"),
        ("123", "123", "list of token sequences"),
    ])
    def test_bad_input(self, p, t, word):
        with pytest.raises((ValueError, TypeError), match=word):
            m.exact_match(p, t)


class TestEditDistance:
    @pytest.mark.parametrize("a, b, d", [("kitten", "sitting", 3), ("", "abc", 3), ("abc", "abc", 0),
                                         ([1, 2, 3], [1, 3], 1), ([1, 2], [2, 1], 2)])
    def test_known_pairs(self, a, b, d):
        assert m.token_edit_distance(a, b) == d

    def test_matches_brute_force_on_all_short_pairs(self):
        seqs = [s for n in range(4) for s in itertools.product([0, 1, 2], repeat=n)]
        for a in seqs[::3]:
            for b in seqs[::2]:
                assert m.token_edit_distance(a, b) == brute_levenshtein(a, b)

    def test_vectorised_equals_scalar(self):
        rng = np.random.default_rng(0)
        p, t = rng.integers(0, 3, (500, 5)), rng.integers(0, 3, (500, 4))
        got = m.token_edit_distances(p, t)
        assert got.tolist() == [brute_levenshtein(tuple(a), tuple(b)) for a, b in zip(p, t)]

    def test_equal_length_at_most_hamming(self):
        rng = np.random.default_rng(1)
        p, t = rng.integers(0, 10, (300, 6)), rng.integers(0, 10, (300, 6))
        assert np.all(m.token_edit_distances(p, t) <= (p != t).sum(axis=1))

    def test_bad_input(self):
        with pytest.raises(ValueError, match="predictions"):
            m.token_edit_distances(np.zeros(3), np.zeros((3, 2)))
        with pytest.raises(ValueError, match="same number of rows"):
            m.token_edit_distances(np.zeros((3, 2)), np.zeros((4, 2)))
        with pytest.raises(ValueError, match="prediction"):
            m.token_edit_distance([[1, 2]], [1])


class TestSubsetAccuracy:
    def test_exact_formula(self):
        assert m.subset_accuracy(7, 10, 3) == pytest.approx(math.comb(7, 3) / math.comb(10, 3))
        got = m.subset_accuracy([0, 2, 10], 10, 3)
        assert got.tolist() == pytest.approx([0.0, 0.0, 1.0])

    def test_k1_is_plain_accuracy(self):
        assert m.subset_accuracy(899 - 30, 899, 1) == pytest.approx((899 - 30) / 899)

    def test_agrees_with_sampling(self):
        rng = np.random.default_rng(0)
        correct = np.zeros(200, bool)
        correct[:150] = True
        draws = np.array([correct[rng.choice(200, 5, replace=False)].all() for _ in range(20_000)])
        assert draws.mean() == pytest.approx(m.subset_accuracy(150, 200, 5), abs=0.01)

    @pytest.mark.parametrize("args, word", [((5, 10, 11), "k"), ((11, 10, 2), "n_correct"),
                                            ((-1, 10, 2), "n_correct"), ((np.nan, 10, 2), "finite"),
                                            ((2.5, 10, 2), "whole"), (([], 10, 2), "n_correct"),
                                            ((5, 10, 0), "k")])
    def test_bad_input(self, args, word):
        with pytest.raises(ValueError, match=word):
            m.subset_accuracy(*args)


class TestEmergenceScore:
    def test_steady_rise_scores_sqrt_of_steps(self):
        y = np.linspace(0, 1, 10)
        assert m.emergence_score(np.arange(1, 11), y) == pytest.approx(9.0)

    def test_jump_scores_higher_than_rise(self):
        x = np.logspace(6, 11, 6)
        assert m.emergence_score(x, [0, .01, 0, .02, .8, .82]) > 5 * m.emergence_score(x, np.linspace(0, .82, 6))

    def test_order_of_points_does_not_matter(self):
        x, y = np.array([1, 2, 3, 4, 5]), np.array([0, .1, .15, .7, .75])
        perm = [3, 0, 4, 1, 2]
        assert m.emergence_score(x[perm], y[perm]) == pytest.approx(m.emergence_score(x, y))

    def test_falling_curve_is_negative(self):
        assert m.emergence_score([1, 2, 3], [1.0, 0.5, 0.2]) < 0

    def test_zero_median_documented_values(self):
        assert m.emergence_score([1, 2, 3, 4], [0, 0, 0, 1]) == np.inf
        assert m.emergence_score([1, 2, 3, 4], [1, 1, 1, 0]) == -np.inf
        assert m.emergence_score([1, 2, 3], [0.3, 0.3, 0.3]) == 0.0

    @pytest.mark.parametrize("x, y, word", [([1, 2, 3], [1, 2], "same length"), ([1], [1], "at least 2"),
                                            ([1, 2], [0, np.nan], "values must be finite"),
                                            ([1, 1], [0, 1], "distinct"), ([[1, 2]], [[0, 1]], "1-D"),
                                            ([0, 1, 2], [0, 1, 2], "scales must be > 0"),
                                            ([-1, 1, 2], [0, 1, 2], "scales must be > 0"),
                                            ([1, np.inf], [0, 1], "scales must be finite"),
                                            ([1, 2, 3], [-1e308, 1e308, 0], "too large"),
                                            ([1, 2, 3], [0, 1e200, 1e200], "too large")])
    def test_bad_input(self, x, y, word):
        with pytest.raises(ValueError, match=word):
            m.emergence_score(x, y)

    @pytest.mark.parametrize("x, y", [(["1", "2"], [0, 1]), ([1, 2], [True, False]), (None, [0, 1])])
    def test_wrong_types_are_type_errors(self, x, y):
        with pytest.raises(TypeError, match="scales|values"):
            m.emergence_score(x, y)

    def test_large_but_safe_values_still_score(self):
        assert m.emergence_score([1, 2, 3], [0, 1e150, 2e150]) == pytest.approx(2.0)


class TestLargestStepShare:
    def test_equal_steps_give_one_over_k_and_one_jump_gives_one(self):
        assert m.largest_step_share([1, 2, 3, 4, 5], [0, .1, .2, .3, .4]) == pytest.approx(0.25)
        assert m.largest_step_share([1, 2, 3, 4], [0, 0, 1, 1]) == pytest.approx(1.0)

    def test_flat_steps_after_saturation_do_not_change_it(self):
        """Unlike the emergence score: appending a flat top leaves the share as it was."""
        x, y = [1, 2, 3, 4], [0.2, 0.3, 0.8, 0.95]
        share = m.largest_step_share(x, y)
        assert share == pytest.approx(0.5 / 0.75)
        assert m.largest_step_share(x + [5, 6, 7, 8], y + [0.95, 0.951, 0.95, 0.952]) == pytest.approx(0.5 / 0.752)
        assert m.emergence_score(x + [5, 6, 7, 8], y + [0.95, 0.951, 0.95, 0.952]) > 10 * m.emergence_score(x, y)

    def test_points_are_sorted_by_scale(self):
        assert m.largest_step_share([4, 1, 3, 2], [1.0, 0.0, 0.9, 0.1]) == pytest.approx(0.8)

    def test_a_falling_curve_has_no_positive_step(self):
        assert m.largest_step_share([1, 2, 3], [1.0, 0.5, 0.0]) == pytest.approx(-0.5)

    @pytest.mark.parametrize("x, y, word", [([1, 2, 3], [1, 2], "same length"), ([1], [1], "at least 2"),
                                            ([1, 2], [0, np.nan], "values must be finite"),
                                            ([1, 1], [0, 1], "distinct"), ([0, 1], [0, 1], "scales must be > 0"),
                                            ([1, 2], [0.3, 0.3], "constant"),
                                            ([1, 2, 3], [-1e308, 1e308, 0], "too large")])
    def test_bad_input(self, x, y, word):
        with pytest.raises(ValueError, match=word):
            m.largest_step_share(x, y)

    @pytest.mark.parametrize("x, y", [(["1", "2"], [0, 1]), ([1, 2], [True, False]), (None, [0, 1])])
    def test_wrong_types_are_type_errors(self, x, y):
        with pytest.raises(TypeError, match="scales|values"):
            m.largest_step_share(x, y)


class TestModelSizes:
    def test_first_crossing_reads_the_first_model_at_or_above_the_level(self):
        assert first_crossing([10, 20, 40, 80], [0.1, 0.5, 0.4, 0.9]) == 20
        assert first_crossing([10, 20], [0.1, 0.49]) is None

    @pytest.mark.parametrize("sizes, values, word", [([10, 20], [0.1, np.nan], "values must be finite"),
                                                     ([10, np.nan], [0.1, 0.6], "sizes must be finite"),
                                                     ([0, 20], [0.1, 0.6], "sizes must be > 0"),
                                                     ([10, 20, 30], [0.1, 0.6], "one length")])
    def test_first_crossing_refuses_bad_values(self, sizes, values, word):
        with pytest.raises(ValueError, match=word):
            first_crossing(sizes, values)

    def test_a_nan_before_the_crossing_is_refused_not_skipped(self):
        with pytest.raises(ValueError, match="values"):
            first_crossing([10, 20, 40], [np.nan, 0.6, 0.9])

    def test_first_crossing_wrong_types(self):
        with pytest.raises(TypeError, match="values"):
            first_crossing([10, 20], ["a", "b"])

    def test_sparse_grid_picks_from_the_log_range_and_refuses_bad_widths(self):
        assert sparse_grid(2 ** np.arange(12)).tolist() == [4, 64, 1024]
        with pytest.raises(ValueError, match="widths must be > 0"):
            sparse_grid([0, 4, 16, 64])
        with pytest.raises(TypeError, match="widths"):
            sparse_grid(["4", "16"])
