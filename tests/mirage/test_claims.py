"""Every result that notebook 02's prose states, computed from the same code and asserted.

One test per stated result; each names its notebook section. Cached families stand in for the
cached ones the notebook loads; the two small live experiments (the random-feature classifiers,
about a second, and one width-3 scratchpad adder, about a second) are rerun with the notebook's
settings. When a retrain or a package upgrade changes a result, a test here fails and the prose
must be fixed.
"""
from __future__ import annotations

import numpy as np
import pytest

from course_lib import metrics
from course_lib.emergence.demos import SPARSE_WIDTHS
from course_lib.emergence.problems import make_problems
from course_lib.emergence.training import load_family, train_model
from course_lib.mirage.adders_demo import AdditionMirageDemo
from course_lib.mirage.autoencoders import load_nonlinear_autoencoder_family, pca_family
from course_lib.mirage.classifiers import load_mlp_family, n_params, random_feature_family
from course_lib.mirage.lengths import prefix_scores, score_on_longer_problems
from course_lib.mirage.multiple_choice_demo import MultipleChoiceDemo, keep_options, score_multiple_choice
from course_lib.mirage.toy import expected_edit_distance, expected_exact_match, model_sizes, per_token_accuracy
from course_lib.mirage.toy_demo import DEFAULT_LENGTH, MirageToyDemo
from course_lib.mirage.digits_demos import SubsetAccuracyDemo
from course_lib.model_sizes import sparse_grid
from course_lib.papers import schaeffer2023 as s23


def toy_scores(length):
    sizes = model_sizes(1e8, 1e12, 25)
    p = per_token_accuracy(sizes, alpha=-0.5)
    return (metrics.emergence_score(sizes, expected_exact_match(p, length)),
            metrics.emergence_score(sizes, -expected_edit_distance(p, length)))


@pytest.fixture(scope="module")
def classifiers():
    return random_feature_family(show_progress=False)


@pytest.fixture(scope="module")
def long_scratchpad():
    """§3: the width-3 scratchpad model trained on 4-digit sums, scored on 10-digit sums."""
    train = make_problems(4, 50_000, np.random.default_rng(0))
    model = train_model(4, 3, "scratchpad", *train, epochs=10, seed=0)
    return prefix_scores(score_on_longer_problems(model, n_digits=10, n_test=20_000, seed=1))


@pytest.fixture(scope="module")
def direct_128():
    family = load_family(5, "direct")
    return prefix_scores(family.correct[list(family.widths).index(128)])


def test_s2_default_length_15_scores_70_against_24():
    """§2: at the default L = 15 exact match scores about 70, edit distance about 24."""
    assert DEFAULT_LENGTH == 15
    em, ted = toy_scores(15)
    assert round(em) == 70 and round(ted) == 24


def test_s2_at_length_5_the_scores_are_close():
    """§2: at L = 5 the two scores are close (22 and 24)."""
    em, ted = toy_scores(5)
    assert (round(em), round(ted)) == (22, 24)


def test_s2_exact_match_near_zero_up_to_1e10_at_length_15():
    """§2: at L = 15 exact match stays near 0 up to about 10^10 parameters, then climbs."""
    sizes = model_sizes(1e8, 1e12, 25)
    em = expected_exact_match(per_token_accuracy(sizes), 15)
    assert np.all(em[sizes <= 1e10] < 0.01) and em[-1] > 0.5


def test_s2_edit_distance_shape_does_not_depend_on_length():
    """§2: edit distance only scales with L: the same score at every L."""
    assert len({round(toy_scores(L)[1], 6) for L in (1, 5, 10, 15, 20)}) == 1


def test_s2_zeros_at_100_and_100000_items():
    """§2: at the defaults 12 of 25 sizes read 0 with 100 items; with 100,000 items 8 still read 0,
    all with an expected exact match below 1e-5."""
    demo = MirageToyDemo()
    assert demo.update(n_items="100")["measured_zeros"] == 12
    state = demo.update(n_items="100000")
    zero = state["exact_match_measured"] == 0
    assert zero.sum() == 8 and np.all(state["exact_match"][zero] < 1e-5)


def test_s2_exact_match_climbs_from_the_smallest_sizes_on_a_log_axis():
    """§2: on a log axis exact match climbs from the very smallest sizes on, fastest there."""
    sizes = model_sizes(1e8, 1e12, 25)
    log_em = np.log10(expected_exact_match(per_token_accuracy(sizes), 15))
    steps = np.diff(log_em)
    assert np.all(steps > 0) and np.argmax(steps) == 0 and np.all(np.diff(steps) < 0)


def test_s3_prediction_1_exact_match_small_then_sharp():
    """§3: exact match below 1% for the five smallest models, below 6% for the first eight; equal to
    the product of per-position accuracies to two or three digits; score more than twice the others."""
    fam = load_family(4, "direct")
    em = fam.exact_match()
    assert np.all(em[:5] < 0.01) and np.all(em[:8] < 0.06)
    assert np.max(np.abs(em - fam.position_accuracy().prod(axis=1))) < 0.005
    em_score = metrics.emergence_score(fam.n_params, em)
    assert em_score > 2 * metrics.emergence_score(fam.n_params, fam.digit_accuracy())
    assert em_score > 2 * metrics.emergence_score(fam.n_params, -fam.mean_edit_distance())


def test_s3_prediction_2_five_zeros_at_100_none_at_100000():
    """§3: with 100 problems five of 13 read 0 (first block), which ones depends on the block; with
    100,000 every model reads above zero, the smallest 37 of 100,000."""
    demo = AdditionMirageDemo()
    first = demo.update(n_items="100", block=0)
    assert first["n_zero"] == 5
    zero_sets = {tuple(demo.update(n_items="100", block=b)["measured"] == 0) for b in range(10)}
    assert len(zero_sets) > 1
    full = demo.update(n_items="100000")
    assert full["n_zero"] == 0 and load_family(4, "direct").exact_match_count()[0] == 37


def test_s3_prediction_3_scratchpad_geometric_with_the_carry_digits_rate(long_scratchpad):
    """§3: exact match falls by about 0.72 per extra digit; p at length 1 is 0.78; p^k overestimates:
    at k = 10 it predicts 0.085, the model scores 0.041; the final carry is almost never wrong."""
    r = long_scratchpad
    ratios = r["exact_match"][1:10] / r["exact_match"][:9]
    assert np.all(np.abs(ratios - 0.72) < 0.015)
    assert round(r["p_first"], 2) == 0.78
    assert round(r["geometric"][9], 3) == 0.085 and round(r["exact_match"][9], 3) == 0.041
    assert r["exact_match"][10] >= 0.99 * r["exact_match"][9]


def test_s3_prediction_3_scratchpad_digits_wrong_linear_with_slope_0_28(long_scratchpad):
    """§3: the digits wrong grow in a straight line with slope about 0.28 per digit, not 1 - p = 0.22."""
    r = long_scratchpad
    steps = np.diff(r["digits_wrong"][:10])
    assert np.all(np.abs(steps - 0.28) < 0.015)
    assert round(1 - r["p_first"], 2) == 0.22


def test_s3_prediction_3_direct_model_units_digit_always_right(direct_128):
    """§3: the direct model's units digit is always right (p = 1.000), yet exact match falls to 0.65
    at k = 2 and 0.20 at k = 5."""
    r = direct_128
    assert round(r["p_first"], 3) == 1.0 and np.all(r["geometric"] == r["p_first"] ** r["lengths"])
    assert round(r["exact_match"][1], 2) == 0.65 and round(r["exact_match"][4], 2) == 0.20


def test_s3_per_digit_accuracy_at_width_256_falls_with_length():
    """§3: per-digit accuracy of the width-256 adders for 2-5 digits: 0.996, 0.975, 0.942, 0.893."""
    acc = [load_family(n, "direct").subset((256,)).digit_accuracy()[0] for n in (2, 3, 4, 5)]
    assert [round(a, 3) for a in acc] == [0.996, 0.975, 0.942, 0.893]


def test_s4a_learned_parameters_are_about_7_times_fewer(classifiers):
    """§4a: the learned count 10w + 10 is about 7 times smaller than 75w + 10."""
    ratio = classifiers.n_params / classifiers.n_learned_params
    assert np.all(ratio[classifiers.widths >= 8] > 6.5) and np.all(ratio < 7.5)


def test_s4a_random_features_scores_by_k(classifiers):
    """§4a: accuracy scores about 23, K up to 12 between 19 and 25, then rising steadily with K, to
    about 128 for K = 20 and 965 for K = 30; accuracy rises smoothly over three decades."""
    x = classifiers.n_params
    acc = classifiers.accuracy().mean(axis=0)
    assert round(metrics.emergence_score(x, acc)) == 23 and np.all(np.diff(acc) > 0)
    k_scores = [metrics.emergence_score(x, classifiers.subset_accuracy(k).mean(axis=0)) for k in range(1, 31)]
    assert all(19 <= s_k <= 25.5 for s_k in k_scores[:12])
    assert np.all(np.diff(k_scores[11:]) > 0)
    assert round(metrics.emergence_score(x, classifiers.subset_accuracy(20).mean(axis=0))) == 128
    assert round(metrics.emergence_score(x, classifiers.subset_accuracy(30).mean(axis=0))) == 965


def test_s4a_mlp_accuracy_jumps_and_outscores_every_k():
    """§4a: MLP accuracy jumps 0.30 -> 0.71 between widths 2 and 3, scores 55, higher than "all K
    correct" for every K (41 for K = 5, 23 for K = 10, 14 for K = 30)."""
    mlp = load_mlp_family()
    acc = mlp.accuracy().mean(axis=0)
    w = mlp.widths.tolist()
    assert (round(acc[w.index(2)], 2), round(acc[w.index(3)], 2)) == (0.30, 0.71)
    acc_score = metrics.emergence_score(mlp.n_params, acc)
    assert round(acc_score) == 55
    k_scores = {k: metrics.emergence_score(mlp.n_params, mlp.subset_accuracy(k).mean(axis=0)) for k in range(1, 31)}
    assert all(s <= acc_score + 1e-9 for s in k_scores.values())
    assert all(s < acc_score for k, s in k_scores.items() if k > 1)
    assert [round(k_scores[k]) for k in (5, 10, 30)] == [41, 23, 14]


def test_s4b_small_c_sharpest_generous_c_below_the_mean_error():
    """§4b: PCA scores 52 at c = 0.010 against 9.7 for the mean error; c = 0.035 or more scores below
    the mean error (7.8 at 0.035), for both families."""
    pca = pca_family()
    k = pca.bottlenecks
    assert round(metrics.emergence_score(k, pca.reconstruction_rate(0.010))) == 52
    assert round(metrics.emergence_score(k, -pca.mean_error()), 1) == 9.7
    assert round(metrics.emergence_score(k, pca.reconstruction_rate(0.035)), 1) == 7.8
    for fam in (pca, load_nonlinear_autoencoder_family()):
        mean_score = metrics.emergence_score(fam.bottlenecks, -fam.mean_error())
        for c in (0.035, 0.04):
            assert metrics.emergence_score(fam.bottlenecks, fam.reconstruction_rate(c)) < mean_score


def test_s4b_exercise_width_16_accuracy_about_0_7(classifiers):
    """§4b exercise 4.2: at width 16 plain accuracy (seed 0) is already about 0.7."""
    acc = classifiers.accuracy()[0][classifiers.widths.tolist().index(16)]
    assert 0.65 <= acc <= 0.75


def test_s5_grade_brier_and_correct_log_prob_jump_together():
    """§5: with 10 options the grade, the Brier score and the log-probability of the correct option
    all take their largest step from width 2 to 3 (grade 0.30 -> 0.71, log-prob -1.69 -> -0.94);
    scores 55, 36, 43; the gap scores lowest, 15."""
    mlp = load_mlp_family()
    m = {k: v.mean(axis=0) for k, v in score_multiple_choice(mlp.log_probs, mlp.labels,
                                                             keep_options(mlp.labels, 10)).items()}
    w = mlp.widths.tolist()
    for key in ("grade", "brier", "lp_correct"):
        assert w[1 + int(np.argmax(np.abs(np.diff(m[key]))))] == 3, key
    assert (round(m["grade"][1], 2), round(m["grade"][2], 2)) == (0.30, 0.71)
    assert (round(m["lp_correct"][1], 2), round(m["lp_correct"][2], 2)) == (-1.69, -0.94)
    scores = MultipleChoiceDemo(family=mlp).update(n_options=10)["scores"]
    row = next(iter(scores.values()))
    assert [round(row[k]) for k in ("multiple-choice grade", "Brier score (negated)", "log-prob of correct",
                                    "log-prob gap")] == [55, 36, 43, 15]


def test_about_the_score_demanding_metrics_score_far_higher():
    """§5, about the score: exact match of 4- and 5-digit sums, the toy at L = 15, K = 20 or 30, and
    c = 0.010 score far above (more than twice) their smooth counterparts on the same dense grid."""
    for n in (4, 5):
        fam = load_family(n, "direct")
        assert metrics.emergence_score(fam.n_params, fam.exact_match()) > 2 * metrics.emergence_score(
            fam.n_params, fam.digit_accuracy())
    em, ted = toy_scores(15)
    assert em > 2 * ted
    rf = random_feature_family(show_progress=False)
    acc_score = metrics.emergence_score(rf.n_params, rf.accuracy().mean(axis=0))
    for k in (20, 30):
        assert metrics.emergence_score(rf.n_params, rf.subset_accuracy(k).mean(axis=0)) > 2 * acc_score
    pca = pca_family()
    assert metrics.emergence_score(pca.bottlenecks, pca.reconstruction_rate(0.010)) > 2 * metrics.emergence_score(
        pca.bottlenecks, -pca.mean_error())


def test_about_the_score_undemanding_metrics_do_not():
    """§5, about the score: the toy at L = 5, K up to 12 and c of 0.035 or more do not score far above."""
    em, ted = toy_scores(5)
    assert em < ted
    rf = random_feature_family(show_progress=False)
    acc_score = metrics.emergence_score(rf.n_params, rf.accuracy().mean(axis=0))
    for k in range(1, 13):
        assert metrics.emergence_score(rf.n_params, rf.subset_accuracy(k).mean(axis=0)) < 1.2 * acc_score


def test_about_the_score_sparse_grids_score_low():
    """§5, about the score: on a sparse grid, 1.5-2 on the digit families' three widths, 2-6 on the
    adders' four."""
    values = []
    subset = SubsetAccuracyDemo()
    for fam in ("random features", "trained MLP"):
        for k in range(1, 31):
            for curve, row in subset.update(k=k, family=fam, grid="sparse")["scores"].items():
                if curve.startswith("sparse"):
                    values += list(row.values())
    choice = MultipleChoiceDemo()
    for m in range(2, 11):
        values += [v for row in choice.update(n_options=m, grid="sparse")["scores"].values() for v in row.values()]
    assert 1.45 <= min(values) and max(values) <= 2.0
    adder_values = []
    for n in (2, 3, 4, 5):
        fam = load_family(n, "direct").subset([w for w in SPARSE_WIDTHS if w in CACHE_DIRECT])
        for y in (fam.exact_match(), fam.digit_accuracy(), -fam.mean_edit_distance()):
            adder_values.append(metrics.emergence_score(fam.n_params, y))
    assert len(fam.widths) == 4 and 2 <= min(adder_values) and max(adder_values) <= 6


CACHE_DIRECT = (4, 6, 8, 11, 16, 23, 32, 45, 64, 91, 128, 181, 256)


def test_s5_paper_uses_the_score_as_a_detector_with_a_hedge():
    """§5, about the score: at most 5 of 39 metrics (Fig. 5A), and the paper's own hedge."""
    assert (s23.METRICS_WITH_EMERGENCE_AT_MOST, s23.BIGBENCH_PREFERRED_METRICS) == (5, 39)
    assert s23.EMERGENCE_SCORE_HEDGE.startswith("Because emergence score only suggests emergence")


def test_s6_many_comparisons_product_is_88000_not_1e6():
    """§6: 220 x 40 x 10 = 88,000, about 9·10⁴; the paper's 10⁶ is about 11 times too large."""
    assert s23.MULTIPLE_COMPARISONS_PRODUCT == 88_000
    assert round(s23.MULTIPLE_COMPARISONS_STATED / s23.MULTIPLE_COMPARISONS_PRODUCT) == 11
