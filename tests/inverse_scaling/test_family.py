"""The distractor task, the random-feature models and their families (lesson 04 §3)."""
import numpy as np
import pytest

import course_lib.inverse_scaling as lesson
from course_lib.inverse_scaling.family import (AgreementGrid, RandomFeatureModel, load_agreement_grid,
                                               train_agreement_grid, train_family, train_seeds)
from course_lib.inverse_scaling.task import HINTS, make_split, true_label

SMALL = (1, 4, 16)


def test_train_family_has_the_fixed_interface():
    family = lesson.train_family([1, 4, 16], agreement=0.8, seed=0, n_train=300, n_test=200)
    assert family.widths.tolist() == [1, 4, 16]
    assert family.test_accuracy.shape == family.in_distribution_accuracy.shape == (3,)
    assert np.all((0 <= family.test_accuracy) & (family.test_accuracy <= 1))


def test_split_distractor_agrees_as_asked_and_is_reversed_on_test():
    train = make_split(5000, 0.8, 0)
    assert abs(train.distractor_agrees.mean() - 0.8) < 0.02
    assert make_split(500, 0.8, 0, "reversed").distractor_agrees.sum() == 0
    assert make_split(500, 1.0, 0).distractor_agrees.all()
    assert np.array_equal(train.y, true_label(train.x[:, 0], train.x[:, 1]))


def test_split_hint_columns():
    widths = {hint: make_split(10, 0.8, 0, hint=hint).x.shape[1] for hint in HINTS}
    assert widths == {"none": 3, "steps": 5, "answer": 4}
    answer = make_split(200, 0.8, 0, hint="answer")
    assert np.array_equal(np.sign(answer.x[:, 3]), answer.y)


def test_agreements_share_positions():
    a, b = make_split(100, 0.8, 3), make_split(100, 0.85, 3)
    assert np.array_equal(a.x[:, :2], b.x[:, :2]) and np.array_equal(np.abs(a.x[:, 2]), np.abs(b.x[:, 2]))


@pytest.mark.parametrize("kwargs, error", [
    ({"n": 0}, ValueError), ({"agreement": 1.5}, ValueError), ({"agreement": float("nan")}, ValueError),
    ({"distractor": "flipped"}, ValueError), ({"hint": "cot"}, ValueError), ({"rng": -1}, ValueError),
    ({"rng": "0"}, TypeError)])
def test_make_split_refuses_bad_arguments(kwargs, error):
    args = {"n": 10, "agreement": 0.8, "rng": 0, **kwargs}
    with pytest.raises(error):
        make_split(**args)


def test_model_learns_an_easy_rule_and_is_deterministic():
    split = make_split(400, 1.0, 0)
    model = RandomFeatureModel(8, seed=0).fit(split.x, split.y)
    assert model.accuracy(split.x, split.y) > 0.9
    again = RandomFeatureModel(8, seed=0).fit(split.x, split.y)
    assert np.array_equal(model.predict(split.x), again.predict(split.x))
    wide = RandomFeatureModel(600, seed=0).fit(split.x, split.y)  # dual form (width > n)
    assert set(np.unique(wide.predict(split.x))) <= {-1.0, 1.0}


@pytest.mark.parametrize("kwargs, error", [({"width": 0}, ValueError), ({"ridge": 0.0}, ValueError),
                                           ({"ridge": float("inf")}, ValueError), ({"seed": 1.5}, TypeError)])
def test_model_refuses_bad_arguments(kwargs, error):
    with pytest.raises(error):
        RandomFeatureModel(**{"width": 4, **kwargs})


def test_a_model_does_not_depend_on_the_other_widths():
    alone = train_family((16,), 0.8, 2, n_train=400, n_test=300)
    together = train_family(SMALL, 0.8, 2, n_train=400, n_test=300)
    assert alone.test_accuracy[0] == together.test_accuracy[-1]


@pytest.mark.parametrize("kwargs", [{"widths": (4, 2)}, {"widths": ()}, {"widths": (0, 1)}, {"agreement": -0.1},
                                    {"seed": -1}, {"hint": "x"}, {"n_train": 1}])
def test_train_family_refuses_bad_arguments(kwargs):
    with pytest.raises((ValueError, TypeError)):
        train_family(**{"widths": SMALL, "n_train": 100, "n_test": 50, **kwargs})


def test_train_seeds_stacks_seeds():
    runs = train_seeds(SMALL, 0.8, (0, 3), n_train=300, n_test=200, show_progress=False)
    assert runs.test_accuracy.shape == (2, 3)
    assert np.array_equal(runs.test_accuracy[1], train_family(SMALL, 0.8, 3, n_train=300, n_test=200).test_accuracy)
    low, high = runs.spread("in distribution")
    assert np.all(low <= runs.mean("in distribution")) and np.all(runs.mean("in distribution") <= high)
    with pytest.raises(ValueError):
        runs.mean("train")
    with pytest.raises(ValueError):
        train_seeds(SMALL, seeds=(1, 1))


def test_agreement_grid_matches_train_family_and_indexes_by_value():
    grid = train_agreement_grid(SMALL, (0.5, 0.9), (0,), ("none", "answer"), n_train=300, n_test=200,
                                show_progress=False)
    row = grid.family("answer", 0.9)
    assert np.array_equal(row.test_accuracy[0],
                          train_family(SMALL, 0.9, 0, "answer", n_train=300, n_test=200).test_accuracy)
    with pytest.raises(ValueError):
        grid.family("none", 0.7)
    with pytest.raises(ValueError):
        grid.family("steps", 0.5)


def test_shipped_grid_has_its_documented_shape():
    grid = load_agreement_grid()
    assert isinstance(grid, AgreementGrid)
    assert grid.test_accuracy.shape == (3, 11, 5, 18) == grid.in_distribution_accuracy.shape
    assert grid.hints == HINTS and np.allclose(grid.agreements, np.arange(0.5, 1.001, 0.05))


def test_lesson_package_contract():
    assert lesson.NOTEBOOK == "04_inverse_scaling.ipynb"
    assert lesson.README_DEMO in lesson.DEMOS
    assert all(":" in spec for spec in list(lesson.DEMOS.values()) + list(lesson.LIVE_FAMILIES.values()))


@pytest.mark.parametrize("widths, error, words", [
    ((4, 2), ValueError, "increasing"), ((2, 2), ValueError, "increasing"), ((), ValueError, "at least 1"),
    ((0, 1), ValueError, ">= 1"), ((1.0, 4.0), TypeError, "integers"), ([[1, 2]], ValueError, "1-D"),
    ((True, False), TypeError, "booleans"), ("16", TypeError, "widths")])
def test_train_family_names_the_bad_widths(widths, error, words):
    with pytest.raises(error, match="widths") as info:
        train_family(widths, n_train=100, n_test=50)
    assert words in str(info.value)


@pytest.mark.parametrize("seeds, error", [((1, 1), ValueError), ((-1,), ValueError), ((0.5,), TypeError),
                                          (None, TypeError)])
def test_train_seeds_names_the_bad_seeds(seeds, error):
    with pytest.raises(error, match="seeds"):
        train_seeds(SMALL, seeds=seeds, n_train=100, n_test=50, show_progress=False)


@pytest.mark.parametrize("x, y, error, name", [
    (np.zeros(5), np.zeros(5), ValueError, "x"), (np.zeros((5, 3)), np.zeros(4), ValueError, "y"),
    (np.full((5, 3), np.nan), np.zeros(5), ValueError, "x"), (np.zeros((5, 3)), ["a"] * 5, TypeError, "y"),
    (np.zeros((5, 3)), np.zeros((5, 1)), ValueError, "y")])
def test_fit_names_the_bad_array(x, y, error, name):
    with pytest.raises(error, match=f"^{name} "):
        RandomFeatureModel(4).fit(x, y)


def test_counter_examples_add_reversed_training_examples():
    base = train_family(SMALL, 0.8, 1, n_train=300, n_test=200)
    assert np.array_equal(train_family(SMALL, 0.8, 1, n_train=300, n_test=200, counter_examples=0).test_accuracy,
                          base.test_accuracy)
    many = train_family(SMALL, 0.8, 1, n_train=300, n_test=200, counter_examples=300)
    assert many.settings["counter_examples"] == 300
    assert not np.array_equal(many.test_accuracy, base.test_accuracy)
    with pytest.raises(ValueError, match="counter_examples"):
        train_family(SMALL, counter_examples=-1)
    with pytest.raises(TypeError, match="counter_examples"):
        train_family(SMALL, counter_examples=1.5)


def test_hint_scale_multiplies_the_hint_columns_and_defaults_to_the_table():
    """The hint's strength is a parameter: the default is HINT_SCALES, another value rescales the columns."""
    from course_lib.inverse_scaling.task import HINT_SCALES
    for hint, first in (("steps", 3), ("answer", 3)):
        default = make_split(50, 0.8, 0, hint=hint)
        one = make_split(50, 0.8, 0, hint=hint, hint_scale=1.0)
        assert np.array_equal(default.x[:, :3], one.x[:, :3])
        assert np.allclose(default.x[:, first:], HINT_SCALES[hint] * one.x[:, first:])
    weak = train_family(SMALL, 0.8, 0, hint="answer", n_train=300, n_test=200, hint_scale=0.5)
    assert weak.settings["hint_scale"] == 0.5
    assert train_family(SMALL, 0.8, 0, hint="answer", n_train=300, n_test=200).settings["hint_scale"] == \
        HINT_SCALES["answer"]


@pytest.mark.parametrize("kwargs, error", [
    ({"hint": "none", "hint_scale": 1.0}, ValueError), ({"hint": "steps", "hint_scale": 0.0}, ValueError),
    ({"hint": "answer", "hint_scale": -1.0}, ValueError), ({"hint": "answer", "hint_scale": float("nan")}, ValueError),
    ({"hint": "answer", "hint_scale": "2"}, TypeError)])
def test_hint_scale_refuses_bad_values(kwargs, error):
    with pytest.raises(error, match="hint_scale"):
        make_split(10, 0.8, 0, **kwargs)
    with pytest.raises(error, match="hint_scale"):
        train_family(SMALL, n_train=30, n_test=20, **kwargs)
