"""The shared numpy network helpers: weight views of one flat vector."""
import numpy as np
import pytest

from course_lib.nets import flat_views


def test_views_share_the_flat_vector_in_order():
    flat = np.arange(10.0)
    views = flat_views(flat, {"W": (2, 3), "b": (4,)})
    assert views["W"].tolist() == [[0, 1, 2], [3, 4, 5]] and views["b"].tolist() == [6, 7, 8, 9]
    views["b"][0] = -1
    assert flat[6] == -1


def test_a_size_mismatch_is_refused():
    with pytest.raises(ValueError, match="flat must hold 10"):
        flat_views(np.zeros(9), {"W": (2, 3), "b": (4,)})


# --- SoftmaxMLP: gradients against finite differences, bad sizes refused -----------------------

from course_lib.nets import Adam, SoftmaxMLP  # noqa: E402


def float64_model(n_inputs=5, width=4, n_heads=2, n_classes=3, seed=0):
    """A small SoftmaxMLP with its weights copied to float64 (finite differences need the precision)."""
    model = SoftmaxMLP(n_inputs, width, n_heads, n_classes, np.random.default_rng(seed))
    model.flat = model.flat.astype(np.float64)
    model.params = model._views(model.flat)
    rng = np.random.default_rng(seed + 1)
    model.flat += 0.1 * rng.standard_normal(model.flat.size)  # nonzero biases, hidden units on both sides of 0
    return model


def weighted_loss(model, x, y_heads_by_row, row_weights):
    """sum_j row_weights[j] * sum_h -log p(y[j, h]) computed from the probabilities alone."""
    proba = model.probabilities(x).astype(np.float64)  # (n, heads, classes)
    n = len(x)
    picked = proba[np.arange(n)[:, None], np.arange(model.n_heads)[None, :], y_heads_by_row]
    return float(np.sum(np.asarray(row_weights) * -np.log(picked).sum(axis=1)))


@pytest.mark.parametrize("row_weights", ["mean", "counts"])
def test_softmax_mlp_gradients_match_finite_differences(row_weights):
    model = float64_model()
    rng = np.random.default_rng(7)
    x = rng.standard_normal((6, 5))
    y = rng.integers(0, 3, size=(6, 2))  # (n, heads)
    w = np.full(6, 1 / 6) if row_weights == "mean" else np.array([0.5, 0.0, 1.0, 0.25, 2.0, 0.125])
    analytic = model.gradients(x, np.ascontiguousarray(y.T), w)
    numeric = np.empty_like(analytic)
    h = 1e-6
    for i in range(model.flat.size):
        saved = model.flat[i]
        model.flat[i] = saved + h
        up = weighted_loss(model, x, y, w)
        model.flat[i] = saved - h
        down = weighted_loss(model, x, y, w)
        model.flat[i] = saved
        numeric[i] = (up - down) / (2 * h)
    assert np.abs(analytic).max() > 0.1  # a test on a non-trivial gradient
    np.testing.assert_allclose(analytic, numeric, rtol=1e-5, atol=1e-7)


@pytest.mark.parametrize("kwargs, exc, word", [
    ({"n_classes": 0}, ValueError, "n_classes"),
    ({"n_classes": 1}, ValueError, "n_classes"),
    ({"n_classes": 257}, ValueError, "n_classes"),
    ({"n_inputs": -1}, ValueError, "n_inputs"),
    ({"n_inputs": 0}, ValueError, "n_inputs"),
    ({"n_heads": 0}, ValueError, "n_heads"),
    ({"width": 0}, ValueError, "width"),
    ({"n_inputs": 2.0}, TypeError, "n_inputs"),
    ({"n_classes": True}, TypeError, "n_classes"),
])
def test_softmax_mlp_refuses_bad_sizes(kwargs, exc, word):
    sizes = {"n_inputs": 3, "width": 2, "n_heads": 1, "n_classes": 4, **kwargs}
    with pytest.raises(exc, match=word):
        SoftmaxMLP(**sizes, rng=np.random.default_rng(0))


def test_softmax_mlp_counts_its_parameters():
    model = SoftmaxMLP(3, 2, 2, 4, np.random.default_rng(0))
    assert model.n_params == 2 * 3 + 2 + 8 * 2 + 8


# --- Adam: its update against a hand computation ------------------------------------------------

def textbook_adam(params, grads, lr, beta1, beta2, eps):
    """Kingma & Ba (2015), Algorithm 1, with the efficient form of its footnote (eps added after the
    step size's bias correction), written out step by step in float64."""
    m = np.zeros_like(params)
    v = np.zeros_like(params)
    theta = params.copy()
    for t, g in enumerate(grads, start=1):
        m = beta1 * m + (1 - beta1) * g
        v = beta2 * v + (1 - beta2) * g * g
        alpha_t = lr * np.sqrt(1 - beta2 ** t) / (1 - beta1 ** t)
        theta = theta - alpha_t * m / (np.sqrt(v) + eps)
    return theta


def test_adam_update_matches_a_hand_computation():
    rng = np.random.default_rng(3)
    start = rng.standard_normal(7)
    grads = [rng.standard_normal(7) * scale for scale in (1.0, 0.1, 3.0, 0.5)]
    params = start.copy()
    adam = Adam(params, learning_rate=0.01, betas=(0.8, 0.95), eps=1e-3)
    for g in grads:
        adam.step(g)
    np.testing.assert_allclose(params, textbook_adam(start, grads, 0.01, 0.8, 0.95, 1e-3), rtol=1e-12)
    assert adam.t == 4


def test_adam_first_step_moves_each_weight_by_about_the_learning_rate():
    """The first bias-corrected step is lr * g / (|g| + eps'): about lr against the gradient's sign."""
    params = np.zeros(3)
    Adam(params, learning_rate=0.5, eps=1e-12).step(np.array([2.0, -0.001, 40.0]))
    np.testing.assert_allclose(params, [-0.5, 0.5, -0.5], rtol=1e-6)


def test_adam_minimises_a_quadratic():
    target = np.array([1.0, -2.0, 0.5])
    params = np.zeros(3)
    adam = Adam(params, learning_rate=0.05)
    for _ in range(2000):
        adam.step(2 * (params - target))
    np.testing.assert_allclose(params, target, atol=1e-3)


@pytest.mark.parametrize("kwargs, exc, word", [
    ({"learning_rate": 0.0}, ValueError, "learning_rate"),
    ({"betas": (1.0, 0.999)}, ValueError, "betas"),
    ({"betas": (0.9,)}, ValueError, "betas"),
    ({"eps": -1e-8}, ValueError, "eps"),
    ({"params": [0.0, 1.0]}, TypeError, "params"),
    ({"params": np.zeros(3, dtype=int)}, TypeError, "params"),
])
def test_adam_refuses_bad_settings(kwargs, exc, word):
    args = {"params": np.zeros(3), "learning_rate": 0.1, **kwargs}
    with pytest.raises(exc, match=word):
        Adam(**args)


def test_softmax_mlp_fit_learns_a_separable_problem():
    rng = np.random.default_rng(0)
    x = rng.standard_normal((400, 3)).astype(np.float32)
    y = (x[:, 0] > 0).astype(np.int64)
    model = SoftmaxMLP(3, 8, 1, 2, np.random.default_rng(1)).fit(x, y, epochs=30, rng=rng, batch_size=64)
    assert (model.predict_classes(x)[:, 0] == y).mean() > 0.95


@pytest.mark.parametrize("x, y, ids, exc, word", [
    (np.zeros((4, 2), np.float32), np.zeros(4, int), None, ValueError, "columns"),
    (np.zeros((4, 3), np.float32), np.zeros(5, int), None, ValueError, "one class per head"),
    (np.zeros((4, 3), np.float32), np.full(4, 4), None, ValueError, "y must be <= 3"),
    (np.zeros((4, 3), np.float32), np.zeros(4), None, TypeError, "y must hold"),
    (np.full((4, 3), np.nan, np.float32), np.zeros(4, int), None, ValueError, "x must be finite"),
    (np.zeros((4, 3), int), np.zeros(4, int), None, TypeError, "x must hold"),
    (np.zeros((4, 3), np.float32), np.zeros(4, int), np.array([0, 4]), ValueError, "example_ids"),
])
def test_softmax_mlp_fit_refuses_bad_data(x, y, ids, exc, word):
    model = SoftmaxMLP(3, 2, 1, 4, np.random.default_rng(0))
    with pytest.raises(exc, match=word):
        model.fit(x, y, epochs=1, rng=np.random.default_rng(0), example_ids=ids)
