"""Tests of the digits split, the classifier and autoencoder families, and their caches."""
import numpy as np
import pytest

from course_lib.mirage.autoencoders import (BOTTLENECKS, AutoencoderFamily,
                                            load_nonlinear_autoencoder_family,
                                            nonlinear_autoencoder_family, pca_family)
from course_lib.mirage.classifiers import (MLP_WIDTHS, ClassifierFamily, _log_softmax_outputs,
                                           load_mlp_family, mlp_family, n_params,
                                           random_feature_family)
from course_lib.mirage.digits import cache_path, load_digits_split, read_cache
from course_lib.metrics import reconstruction_rate, subset_accuracy


# --- the split ---------------------------------------------------------------------------

def test_split_shapes_range_and_stratification():
    data = load_digits_split()
    assert data.x_train.shape == (898, 64) and data.x_test.shape == (899, 64)
    assert data.x_train.min() == 0.0 and data.x_train.max() == 1.0
    train_counts, test_counts = np.bincount(data.y_train), np.bincount(data.y_test)
    assert np.all(np.abs(train_counts - test_counts) <= 1)


def test_split_is_read_only_and_deterministic():
    data = load_digits_split()
    with pytest.raises(ValueError):
        data.x_test[0, 0] = 1.0
    load_digits_split.cache_clear()
    again = load_digits_split()
    np.testing.assert_array_equal(data.y_test, again.y_test)
    with pytest.raises(ValueError, match="seed"):
        load_digits_split(-1)


# --- classifier families -----------------------------------------------------------------

def test_n_params_counts_a_64_h_10_network():
    assert n_params(1) == 85
    np.testing.assert_array_equal(n_params([4, 512]), [310, 38410])


def test_random_feature_family_shapes_and_determinism():
    a = random_feature_family(widths=(2, 64), seeds=(0, 1), show_progress=False)
    b = random_feature_family(widths=(2, 64), seeds=(0, 1), show_progress=False)
    assert a.correct.shape == (2, 2, 899) and a.correct.dtype == bool
    assert a.log_probs is None
    np.testing.assert_array_equal(a.correct, b.correct)
    accuracy = a.accuracy()
    assert np.all(accuracy[:, 1] > accuracy[:, 0] + 0.3)  # 64 random features beat 2 by far


def test_random_feature_model_does_not_depend_on_the_other_widths():
    both = random_feature_family(widths=(2, 64), seeds=(1,), show_progress=False)
    alone = random_feature_family(widths=(64,), seeds=(1,), show_progress=False)
    np.testing.assert_array_equal(both.correct[:, 1], alone.correct[:, 0])


def test_family_subset_accuracy_and_select():
    family = random_feature_family(widths=(4, 32, 128), seeds=(0,), show_progress=False)
    np.testing.assert_allclose(family.subset_accuracy(1), family.accuracy())
    counts = family.correct.sum(axis=-1)
    np.testing.assert_allclose(family.subset_accuracy(5), subset_accuracy(counts, 899, 5))
    picked = family.select([128, 4])
    np.testing.assert_array_equal(picked.widths, [4, 128])
    np.testing.assert_array_equal(picked.correct, family.correct[:, [0, 2]])
    with pytest.raises(ValueError, match="widths"):
        family.select([5])


def test_classifier_family_checks_shapes():
    with pytest.raises(ValueError, match="correct"):
        ClassifierFamily("x", np.array([1, 2]), np.array([0]), np.zeros((1, 3, 4), bool), np.zeros(4, int))
    with pytest.raises(ValueError, match="widths"):
        ClassifierFamily("x", np.array([2, 1]), np.array([0]), np.zeros((1, 2, 4), bool), np.zeros(4, int))


@pytest.mark.parametrize("kwargs, word", [
    ({"widths": (4, 2)}, "widths"),
    ({"widths": np.array([], dtype=int)}, "widths"),
    ({"widths": (0, 2)}, "widths"),
    ({"seeds": (0, 0)}, "seeds"),
    ({"seeds": (-1,)}, "seeds"),
    ({"ridge": 0.0}, "ridge"),
])
def test_random_feature_family_validation(kwargs, word):
    with pytest.raises(ValueError, match=word):
        random_feature_family(**{"widths": (2,), "seeds": (0,), "show_progress": False, **kwargs})


@pytest.mark.parametrize("kwargs, word", [({"widths": (2.5, 4)}, "widths"), ({"seeds": ("a",)}, "seeds"),
                                          ({"widths": (True, False)}, "widths")])
def test_random_feature_family_wrong_types(kwargs, word):
    with pytest.raises(TypeError, match=word):
        random_feature_family(**{"widths": (2,), "seeds": (0,), "show_progress": False, **kwargs})


def test_mlp_family_tiny_rebuild_is_deterministic_and_consistent():
    a = mlp_family(widths=(2, 8), seeds=(0,), max_iter=15, show_progress=False)
    b = mlp_family(widths=(2, 8), seeds=(0,), max_iter=15, show_progress=False)
    np.testing.assert_array_equal(a.log_probs, b.log_probs)
    np.testing.assert_array_equal(a.correct, a.log_probs.argmax(axis=-1) == a.labels)
    np.testing.assert_allclose(np.exp(a.log_probs).sum(axis=-1), 1.0)
    with pytest.raises(ValueError, match="learning_rate"):
        mlp_family(widths=(2,), seeds=(0,), learning_rate=0.0, show_progress=False)


def test_log_softmax_outputs_match_sklearn():
    from sklearn.neural_network import MLPClassifier

    data = load_digits_split()
    model = MLPClassifier(hidden_layer_sizes=(6,), max_iter=30, random_state=0)
    with pytest.warns(Warning):  # stops early on purpose
        model.fit(data.x_train, data.y_train)
    np.testing.assert_allclose(_log_softmax_outputs(model, data.x_test[:50]),
                               model.predict_log_proba(data.x_test[:50]), atol=1e-10)


def test_mlp_cache_has_the_documented_shapes():
    family = load_mlp_family()
    assert family.correct.shape == (3, len(MLP_WIDTHS), 899) and family.correct.dtype == bool
    assert family.log_probs.shape == (3, len(MLP_WIDTHS), 899, 10)
    assert family.log_probs.dtype == np.float16
    np.testing.assert_array_equal(family.widths, MLP_WIDTHS)
    np.testing.assert_array_equal(family.labels, load_digits_split().y_test)
    assert family.settings["max_iter"] == 200 and "sklearn" in family.settings
    np.testing.assert_allclose(np.exp(family.log_probs.astype(float)).sum(axis=-1), 1.0, atol=0.02)
    agree = family.log_probs.astype(float).argmax(axis=-1) == family.labels
    assert np.mean(agree == family.correct) > 0.999  # float16 rounding may break a rare near-tie


def test_mlp_cache_matches_a_rebuild_of_one_model():
    cached = load_mlp_family().select([4])
    rebuilt = mlp_family(widths=(4,), seeds=(0,), max_iter=cached.settings["max_iter"],
                         learning_rate=cached.settings["learning_rate_init"], show_progress=False)
    assert abs(rebuilt.accuracy()[0, 0] - cached.accuracy()[0, 0]) < 0.02


# --- autoencoder families ----------------------------------------------------------------

def test_pca_family_matches_sklearn_pca():
    from sklearn.decomposition import PCA

    data = load_digits_split()
    family = pca_family((3,))
    pca = PCA(n_components=3).fit(data.x_train)
    rebuilt = pca.inverse_transform(pca.transform(data.x_test))
    np.testing.assert_allclose(family.errors[0], np.mean((data.x_test - rebuilt) ** 2, axis=1), atol=1e-12)


def test_pca_family_error_falls_with_the_bottleneck():
    family = pca_family()
    assert family.errors.shape == (len(BOTTLENECKS), 899)
    assert np.all(np.diff(family.mean_error()) < 0)
    np.testing.assert_allclose(family.reconstruction_rate(0.015), reconstruction_rate(family.errors, 0.015))


def test_nonlinear_autoencoder_tiny_rebuild_is_deterministic():
    a = nonlinear_autoencoder_family((2, 4), seed=0, max_iter=5, show_progress=False)
    b = nonlinear_autoencoder_family((2, 4), seed=0, max_iter=5, show_progress=False)
    assert a.errors.shape == (2, 899)
    np.testing.assert_array_equal(a.errors, b.errors)


def test_autoencoder_cache_has_the_documented_shapes():
    family = load_nonlinear_autoencoder_family()
    np.testing.assert_array_equal(family.bottlenecks, BOTTLENECKS)
    assert family.errors.shape == (len(BOTTLENECKS), 899) and family.errors.dtype == np.float32
    assert family.settings["max_iter"] == 1000
    assert family.mean_error()[-1] < family.mean_error()[0] / 5


@pytest.mark.parametrize("call, word", [
    (lambda: pca_family((64,)), "bottlenecks"),
    (lambda: pca_family((4, 2)), "bottlenecks"),
    (lambda: nonlinear_autoencoder_family((2,), seed=-1, show_progress=False), "seed"),
    (lambda: nonlinear_autoencoder_family((2,), max_iter=0, show_progress=False), "max_iter"),
    (lambda: AutoencoderFamily("x", np.array([1, 2]), np.zeros((3, 5))), "errors"),
    (lambda: cache_path("../elsewhere.npz"), "name"),
])
def test_autoencoder_and_cache_validation(call, word):
    with pytest.raises(ValueError, match=word):
        call()


def test_missing_cache_says_how_to_rebuild():
    with pytest.raises(FileNotFoundError, match="make cache"):
        read_cache("digits_no_such_family.npz")
