"""Tests of the lesson-02 demos (toy model, subset accuracy, reconstruction, multiple choice)
and their shared helpers.

The digits demos get tiny synthetic families, so these tests check the demo logic and
drawing, not the models (see test_digits.py for those).
"""
import numpy as np
import pytest

from course_lib.mirage.autoencoders import AutoencoderFamily
from course_lib.mirage.classifiers import ClassifierFamily, RF_WIDTHS
from course_lib.mirage.digits_demos import SPARSE_COUNT, ReconstructionDemo, SubsetAccuracyDemo
from course_lib.metrics import brier_score, emergence_score, multiple_choice_grade
from course_lib.core.score_tables import emergence_table_html, format_score
from course_lib.metrics import emergence_scores
from course_lib.model_sizes import sparse_grid
from course_lib.mirage.toy_demo import MirageToyDemo
from course_lib.mirage.multiple_choice_demo import MultipleChoiceDemo, keep_options, score_multiple_choice
from course_lib.papers.schaeffer2023 import INSTRUCTGPT_MODEL_SIZES

N_TEST = 40
WIDTHS = np.array([1, 2, 4, 8, 16, 32])


def tiny_classifier_family(name="tiny", seed=0, with_log_probs=True) -> ClassifierFamily:
    """Two seeds x six widths x 40 test items; wider models are more often right."""
    rng = np.random.default_rng(seed)
    labels = rng.integers(0, 10, N_TEST)
    strength = np.log2(WIDTHS)[None, :, None, None]
    logits = rng.normal(size=(2, len(WIDTHS), N_TEST, 10))
    logits[..., np.arange(N_TEST), labels] += strength[..., 0]
    log_probs = logits - np.log(np.exp(logits).sum(axis=-1, keepdims=True))
    correct = log_probs.argmax(axis=-1) == labels
    return ClassifierFamily(name, WIDTHS, np.array([0, 1]), correct, labels,
                            log_probs if with_log_probs else None)


def tiny_autoencoder_family(name="tiny AE", scale=1.0) -> AutoencoderFamily:
    k = np.array([1, 2, 4, 8, 16])
    rng = np.random.default_rng(1)
    errors = scale * 0.06 / k[:, None] ** 0.7 * rng.uniform(0.5, 1.5, size=(len(k), N_TEST))
    return AutoencoderFamily(name, k, errors)


def every_extreme(demo):
    """(control, value) at each control's min, default and max, others at their defaults."""
    return [(name, value) for name, spec in demo.controls.items() for value in spec.extremes()]


def check_every_extreme(demo, lines, check):
    """Update at every extreme; the same Axes and line artists show ``check(state)`` each time."""
    axes = list(demo.fig.axes)
    for name, value in every_extreme(demo):
        state = demo.update(**{name: value})
        assert list(demo.fig.axes) == axes
        assert all(line.axes in axes for line in lines)
        html = demo.summary_html(state)
        assert "<table" in html and "Emergence score" in html
        check(state)


# --- the shared table ---------------------------------------------------------------------

def test_emergence_table_formats_scores_and_checks_rows():
    html = emergence_table_html({"a": {"m1": 2.345, "m2": np.inf}, "b": {"m1": -np.inf, "m2": 0.0}})
    assert "2.3" in html and "+∞" in html and "−∞" in html and html.count("<tr>") == 3
    with pytest.raises(ValueError, match="metrics"):
        emergence_table_html({"a": {"m1": 1.0}, "b": {"m2": 1.0}})
    with pytest.raises(ValueError, match="scores"):
        emergence_table_html({})
    assert format_score(12.0) == "12.0"


def test_emergence_scores_score_every_curve_under_every_metric():
    x = np.array([1.0, 10.0, 100.0, 1000.0])
    step, ramp = np.array([0.0, 0.0, 0.0, 1.0]), np.array([0.0, 1.0, 2.0, 3.0])
    scores = emergence_scores({"a": (x, {"step": step, "ramp": ramp})})
    assert scores == {"a": {"step": np.inf, "ramp": 3.0}}  # ramp: span 3 / median step 1


# --- toy model demo -----------------------------------------------------------------------

def test_mirage_toy_demo_extremes_update_in_place():
    demo = MirageToyDemo()

    def check(state):
        n = state["sizes"]
        np.testing.assert_array_equal(demo.lines["em", "measured"].get_xdata(), n)
        np.testing.assert_array_equal(demo.lines["em", "expected"].get_ydata(), state["exact_match"])
        np.testing.assert_array_equal(demo.lines["ted", "measured"].get_ydata(), state["edit_distance_measured"])
        items = state["n_items"]
        np.testing.assert_allclose(state["exact_match_measured"] * items,
                                   np.round(state["exact_match_measured"] * items))

    check_every_extreme(demo, list(demo.lines.values()), check)


def test_mirage_toy_demo_sparse_grid_is_the_published_family_and_scores_match():
    demo = MirageToyDemo()
    state = demo.update(sizes="sparse", length=8, n_items="10")
    np.testing.assert_array_equal(state["sizes"], INSTRUCTGPT_MODEL_SIZES)
    assert state["scores"]["model (expected)"]["exact match"] == emergence_score(state["sizes"], state["exact_match"])
    assert "measured (10 items)" in state["scores"]
    assert demo.zero_note.get_text().startswith(f"exact match measured 0 at {state['measured_zeros']} of 4")
    assert demo.update(accuracy_axis="log") and demo.ax_em.get_yscale() == "log"
    assert demo.update(accuracy_axis="linear") and demo.ax_em.get_yscale() == "linear"


def test_mirage_toy_demo_rescaled_sizes_do_not_score_or_draw_an_underflowed_exact_match():
    """On sizes divided by L^(1/|alpha|) exact match falls to 1e-300 and below: its score would be a
    rounding artefact (about 3.7e22 at L = 15), so it is neither scored nor drawn there."""
    from course_lib.mirage.toy_demo import RESCALED
    demo = MirageToyDemo()
    state = demo.update(sizes=RESCALED)
    assert state["exact_match"].min() < 1e-300
    assert all(list(row) == ["edit distance (negated)"] for row in state["scores"].values())
    assert not demo.lines["em", "expected"].get_visible() and not demo.lines["em", "measured"].get_visible()
    assert "not shown" in demo.em_note.get_text() and "n/a" in demo.summary_html(state)
    state = demo.update(sizes="dense")
    assert "exact match" in state["scores"]["model (expected)"] and demo.lines["em", "expected"].get_visible()
    assert demo.em_note.get_text() == "" and "n/a" not in demo.summary_html(state)


def test_mirage_toy_demo_validates_its_arguments():
    with pytest.raises(ValueError, match="sparse_sizes"):
        MirageToyDemo(sparse_sizes=[1e9])
    with pytest.raises(ValueError, match="n_min"):
        MirageToyDemo(n_min=1e12, n_max=1e8)


# --- subset accuracy demo -----------------------------------------------------------------

def test_sparse_grid_picks_three_widths_spread_in_log():
    np.testing.assert_array_equal(sparse_grid(RF_WIDTHS), [4, 64, 1024])
    np.testing.assert_array_equal(sparse_grid([1, 2, 3]), [1, 2, 3])
    with pytest.raises(ValueError, match="count"):
        sparse_grid(RF_WIDTHS, count=1)
    with pytest.raises(ValueError, match="widths"):
        sparse_grid([])


def test_subset_accuracy_demo_extremes_update_in_place():
    live, trained = tiny_classifier_family("live", 0, False), tiny_classifier_family("trained", 1)
    demo = SubsetAccuracyDemo(live_family=live, trained_family=trained)

    def check(state):
        family = demo.families[state["family"]]
        widths = family.widths if state["grid"] == "dense" else sparse_grid(family.widths, SPARSE_COUNT)
        chosen = family.select(widths)
        np.testing.assert_allclose(demo.line_subset.get_ydata(), chosen.subset_accuracy(state["k"]).mean(axis=0))
        np.testing.assert_allclose(demo.line_acc.get_ydata(), chosen.accuracy().mean(axis=0))
        np.testing.assert_array_equal(demo.line_acc.get_xdata(), chosen.n_params)

    check_every_extreme(demo, [demo.line_acc, demo.line_subset], check)


def test_subset_accuracy_demo_k1_equals_accuracy_and_sparse_has_four_points():
    demo = SubsetAccuracyDemo(tiny_classifier_family(), tiny_classifier_family(seed=2))
    state = demo.update(k=1, grid="sparse")
    np.testing.assert_allclose(state["subset_accuracy"], state["accuracy"])
    assert len(state["n_params"]) == SPARSE_COUNT == 4
    with pytest.raises(TypeError, match="live_family"):
        SubsetAccuracyDemo(live_family="not a family", trained_family=tiny_classifier_family())


# --- reconstruction demo ------------------------------------------------------------------

def test_reconstruction_demo_extremes_update_in_place():
    pca, ae = tiny_autoencoder_family("pca"), tiny_autoencoder_family("ae", 1.2)
    demo = ReconstructionDemo(pca=pca, nonlinear=ae)

    def check(state):
        family = demo.families[state["family"]]
        np.testing.assert_allclose(demo.line_rate.get_ydata(), family.reconstruction_rate(state["c"]))
        np.testing.assert_allclose(demo.line_mse.get_ydata(), family.mean_error())
        assert demo.line_c.get_ydata()[0] == state["c"]

    check_every_extreme(demo, [demo.line_mse, demo.line_rate, demo.line_c], check)


def test_reconstruction_demo_rate_rises_with_c():
    demo = ReconstructionDemo(pca=tiny_autoencoder_family(), nonlinear=tiny_autoencoder_family())
    low, high = demo.update(c=0.005)["rate"], demo.update(c=0.04)["rate"]
    assert np.all(high >= low) and high.sum() > low.sum()


# --- multiple-choice demo -----------------------------------------------------------------

def test_multiple_choice_demo_extremes_update_in_place():
    demo = MultipleChoiceDemo(tiny_classifier_family())
    lines = [demo.line_grade, demo.line_brier, demo.line_lp_correct, demo.line_lp_wrong]

    def check(state):
        np.testing.assert_allclose(demo.line_grade.get_ydata(), state["grade"])
        np.testing.assert_allclose(demo.line_brier_chance.get_ydata()[0], 1 - 1 / state["n_options"])
        assert np.all(state["log_prob_correct"] <= 0) and np.all(state["log_prob_best_wrong"] <= 0)

    check_every_extreme(demo, lines, check)


def test_multiple_choice_demo_with_all_options_matches_the_metrics():
    family = tiny_classifier_family()
    state = MultipleChoiceDemo(family).update(n_options=10)
    flat = family.log_probs.reshape(-1, 10)
    labels = np.tile(family.labels, 2 * len(WIDTHS))
    grade = multiple_choice_grade(flat, labels).reshape(2, len(WIDTHS), N_TEST)
    brier = brier_score(np.exp(flat), labels, atol=1e-9).reshape(2, len(WIDTHS), N_TEST)
    np.testing.assert_allclose(state["grade"], grade.mean(axis=-1).mean(axis=0))
    np.testing.assert_allclose(state["brier"], brier.mean(axis=-1).mean(axis=0))
    correct_lp = family.log_probs[..., np.arange(N_TEST), family.labels]
    np.testing.assert_allclose(state["log_prob_correct"], correct_lp.mean(axis=-1).mean(axis=0))


def test_multiple_choice_demo_fewer_options_only_turn_wrong_answers_right():
    demo = MultipleChoiceDemo(tiny_classifier_family(), option_seed=3)
    grades = [demo.update(n_options=m)["grade"] for m in (10, 5, 2)]
    # dropping wrong options keeps a right answer right and may make a wrong one right
    assert np.all(grades[1] >= grades[0] - 1e-12) and np.all(grades[2] >= grades[1] - 1e-12)
    assert demo.line_grade_chance.get_ydata()[0] == 0.5


def test_multiple_choice_demo_needs_log_probs():
    with pytest.raises(ValueError, match="log_probs"):
        MultipleChoiceDemo(tiny_classifier_family(with_log_probs=False))
    with pytest.raises(ValueError, match="option_seed"):
        MultipleChoiceDemo(tiny_classifier_family(), option_seed=-1)


@pytest.mark.parametrize("call, exc, word", [
    (lambda: keep_options([0, 1.5], 2), TypeError, "labels"),
    (lambda: keep_options([0, 10], 2), ValueError, "labels"),
    (lambda: keep_options([[0, 1]], 2), ValueError, "labels"),
    (lambda: score_multiple_choice(np.full((2, 3), np.nan), [0, 1], np.ones((2, 3), bool)), ValueError, "log_probs"),
    (lambda: score_multiple_choice(np.full((2, 3), 0.5), [0, 1], np.ones((2, 3), bool)), ValueError, "log_probs"),
    (lambda: score_multiple_choice(np.zeros((2, 3)), [0, 1], np.ones((2, 3))), TypeError, "kept"),
    (lambda: score_multiple_choice(np.zeros((2, 3)), [0.0, 1.0], np.ones((2, 3), bool)), TypeError, "labels"),
])
def test_multiple_choice_scoring_refuses_bad_input(call, exc, word):
    with pytest.raises(exc, match=word):
        call()


# --- the shipped defaults -----------------------------------------------------------------

def test_default_demos_load_the_shipped_caches():
    assert ReconstructionDemo().update()["bottlenecks"].tolist() == [1, 2, 3, 4, 6, 8, 12, 16, 24, 32]
    state = MultipleChoiceDemo().update()
    assert len(state["grade"]) == 16 and state["grade"][-1] > 0.9
