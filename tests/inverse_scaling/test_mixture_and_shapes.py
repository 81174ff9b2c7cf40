"""The phenomenological mixture model (§2) and the shape rule (§2-§4)."""
import numpy as np
import pytest

from course_lib.inverse_scaling.mixture import ability, mixture_accuracy, model_sizes
from course_lib.inverse_scaling.shapes import SHAPES, scaling_shape


def test_ability_is_a_sigmoid_in_log_n():
    assert ability(1e9, 9.0, 3.0) == pytest.approx(0.5)
    values = ability(model_sizes(1e6, 1e12, 7), 9.0, 1.0)
    assert np.all(np.diff(values) > 0) and values[0] < 0.05 and values[-1] > 0.95


def test_mixture_limits():
    assert mixture_accuracy(1.0, 1.0, 1.0) == 1.0
    assert mixture_accuracy(0.0, 0.0, 1.0, 0.25) == 0.25
    assert mixture_accuracy(0.0, 1.0, 1.0) == 0.0
    assert mixture_accuracy(0.0, 1.0, 0.0) == 0.5


@pytest.mark.parametrize("call", [
    lambda: ability(0.0, 9, 1), lambda: ability(1e9, 9, 0), lambda: ability(1e9, float("nan"), 1),
    lambda: mixture_accuracy(1.2, 0.0, 0.5), lambda: mixture_accuracy([0.1, 0.2], [0.1], 0.5),
    lambda: mixture_accuracy(0.1, 0.1, 1.5), lambda: mixture_accuracy(0.1, 0.1, 0.5, -0.1),
    lambda: model_sizes(1e9, 1e8, 3), lambda: model_sizes(1e8, 1e9, 1)])
def test_bad_arguments_are_refused(call):
    with pytest.raises((ValueError, TypeError)):
        call()


@pytest.mark.parametrize("values, tol, shape", [
    ([0.5, 0.2, 0.7], 0.05, "U-shaped"), ([0.3, 0.7, 0.4], 0.05, "inverted-U"), ([0.1, 0.5], 0.05, "positive"),
    ([0.5, 0.1], 0.05, "inverse"), ([0.5, 0.52, 0.49], 0.05, "flat"), ([0.6, 0.2, 0.23], 0.05, "inverse"),
    ([0.5, 0.47, 0.9], 0.05, "positive"), ([0.5, 0.47, 0.9], 0.01, "U-shaped")])
def test_scaling_shape(values, tol, shape):
    assert scaling_shape(values, tol) == shape and shape in SHAPES


@pytest.mark.parametrize("values, tol", [([0.5], 0.05), ([[0.1, 0.2]], 0.05), ([0.1, np.nan], 0.05),
                                         ([0.1, 0.2], -1.0)])
def test_scaling_shape_refuses_bad_input(values, tol):
    with pytest.raises(ValueError):
        scaling_shape(values, tol)


@pytest.mark.parametrize("call, error, name", [
    (lambda: mixture_accuracy([0.1, np.nan], [0.1, 0.1], 0.5), ValueError, "true_ability"),
    (lambda: mixture_accuracy([0.1, 0.2], [0.1, -0.2], 0.5), ValueError, "distractor_ability"),
    (lambda: mixture_accuracy([True, False], [0.1, 0.1], 0.5), TypeError, "true_ability"),
    (lambda: mixture_accuracy("0.5", 0.1, 0.5), TypeError, "true_ability"),
    (lambda: mixture_accuracy(None, 0.1, 0.5), TypeError, "true_ability"),
    (lambda: mixture_accuracy(0.1, 0.1, True), TypeError, "attraction"),
    (lambda: ability([1e9, -1.0], 9, 1), ValueError, "n_params"),
    (lambda: ability(["1e9"], 9, 1), TypeError, "n_params"),
    (lambda: scaling_shape(["a", "b"]), TypeError, "values"),
    (lambda: scaling_shape(None), TypeError, "values"),
    (lambda: scaling_shape([0.1, np.inf]), ValueError, "values")])
def test_bad_input_is_refused_with_the_right_error_naming_the_argument(call, error, name):
    with pytest.raises(error, match=f"^{name} "):
        call()


def test_mixture_accepts_scalars_and_arrays_alike():
    assert float(mixture_accuracy(0.2, 0.5, 0.8, 0.5)) == pytest.approx(0.2 + 0.8 * 0.6 * 0.5)
    assert mixture_accuracy([0.2, 0.2], [0.5, 0.5], 0.8).shape == (2,)
