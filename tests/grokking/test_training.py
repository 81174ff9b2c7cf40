"""The data, the network's hand-written backprop, AdamW, and the training loop of lesson 03."""
import numpy as np
import pytest

from course_lib import grokking
from course_lib.grokking.adamw import AdamW, adamw_step
from course_lib.grokking.data import is_prime, labels, make_split
from course_lib.grokking.model import GrokNet


# --- data ---

def test_labels_of_each_operation():
    a, b = np.array([3, 5, 0]), np.array([6, 2, 4])
    assert labels(a, b, 7, "add").tolist() == [2, 0, 4]
    assert labels(a, b, 7, "subtract").tolist() == [4, 3, 3]
    assert labels(a, b, 7, "multiply").tolist() == [4, 3, 0]


def test_split_covers_every_pair_once():
    split = make_split(11, 0.3, seed=1)
    assert len(split.train) == round(0.3 * 121)
    assert sorted(np.concatenate([split.train, split.test]).tolist()) == list(range(121))
    assert (split.c == (split.a + split.b) % 11).all()


def test_is_prime():
    assert [n for n in range(20) if is_prime(n)] == [2, 3, 5, 7, 11, 13, 17, 19]


# --- backprop: the hand-written gradient against central finite differences ---

@pytest.mark.parametrize("operation", ["add", "multiply"])
def test_gradient_matches_finite_differences(operation):
    rng = np.random.default_rng(0)
    p = 7
    net = GrokNet(p, rng, embed_dim=4, hidden=6, dtype=np.float64)
    split = make_split(p, 0.5, seed=2, operation=operation)
    a, b, c = split.a[split.train], split.b[split.train], split.c[split.train]
    _, _, grad = net.loss_and_gradient(a, b, c)
    numeric = np.zeros_like(net.flat)
    h = 1e-6
    for i in range(net.flat.size):
        old = net.flat[i]
        net.flat[i] = old + h
        up = net.loss_and_gradient(a, b, c)[0]
        net.flat[i] = old - h
        down = net.loss_and_gradient(a, b, c)[0]
        net.flat[i] = old
        numeric[i] = (up - down) / (2 * h)
    assert np.allclose(grad, numeric, rtol=1e-5, atol=1e-8)
    # every block of weights takes part (the check is not vacuous)
    for name, block in net.views(grad).items():
        assert np.abs(block).max() > 1e-4, name


def test_precomputed_one_hots_give_the_same_gradient():
    rng = np.random.default_rng(1)
    net = GrokNet(11, rng, embed_dim=3, hidden=5, dtype=np.float64)
    split = make_split(11, 0.4, seed=0)
    a, b, c = split.a[split.train], split.b[split.train], split.c[split.train]
    eye = np.eye(11)
    assert np.array_equal(net.loss_and_gradient(a, b, c)[2], net.loss_and_gradient(a, b, c, eye[a], eye[b])[2])


# --- AdamW ---

def test_adamw_first_step_by_hand():
    # m = 0.1 * 0.5 = 0.05, v = 0.02 * 0.25 = 0.005; m_hat = 0.05 / 0.1 = 0.5, v_hat = 0.005 / 0.02 = 0.25;
    # param = 1 - 0.1 * (0.5 / (0.5 + 1e-8) + 1.0 * 1) = 1 - 0.1 * (0.99999998 + 1) = 0.800000002
    param, m, v = adamw_step(np.array([1.0]), np.array([0.5]), np.zeros(1), np.zeros(1), t=1,
                             learning_rate=0.1, betas=(0.9, 0.98), eps=1e-8, weight_decay=1.0)
    assert m[0] == pytest.approx(0.05) and v[0] == pytest.approx(0.005)
    assert param[0] == pytest.approx(0.800000002, rel=1e-12)
    flat = np.array([1.0])
    AdamW(flat, 0.1, (0.9, 0.98), 1e-8, 1.0).step(np.array([0.5]))
    assert flat[0] == pytest.approx(0.800000002, rel=1e-12)


def test_adamw_second_step_by_hand():
    # step 2 with gradient -1 after the step above: m = 0.9*0.05 - 0.1 = -0.055, v = 0.98*0.005 + 0.02 = 0.0249
    # m_hat = -0.055 / 0.19, v_hat = 0.0249 / 0.0396; param = 0.800000002 - 0.1*(m_hat/(sqrt(v_hat)+eps) + 0.800000002)
    flat = np.array([1.0])
    opt = AdamW(flat, 0.1, (0.9, 0.98), 1e-8, 1.0)
    opt.step(np.array([0.5]))
    opt.step(np.array([-1.0]))
    m_hat, v_hat = -0.055 / 0.19, 0.0249 / 0.0396
    expected = 0.800000002 - 0.1 * (m_hat / (np.sqrt(v_hat) + 1e-8) + 0.800000002)
    assert flat[0] == pytest.approx(expected, rel=1e-12)


def test_adamw_class_matches_the_function_over_several_steps():
    rng = np.random.default_rng(4)
    flat = rng.standard_normal(8)
    param, m, v = flat.copy(), np.zeros(8), np.zeros(8)
    opt = AdamW(flat, 0.03, (0.9, 0.98), 1e-8, 0.5)
    for t in range(1, 6):
        grad = rng.standard_normal(8)
        opt.step(grad)
        param, m, v = adamw_step(param, grad, m, v, t, 0.03, (0.9, 0.98), 1e-8, 0.5)
    assert np.allclose(flat, param, rtol=1e-12)


def test_weight_decay_is_decoupled():
    # with a zero gradient Adam's part is 0 and every weight shrinks by the same factor 1 - lr * wd
    flat = np.array([2.0, -3.0, 0.5])
    AdamW(flat, 0.1, weight_decay=0.5).step(np.zeros(3))
    assert np.allclose(flat, np.array([2.0, -3.0, 0.5]) * 0.95)


def test_adamw_refuses_bad_settings():
    with pytest.raises(ValueError, match="weight_decay"):
        AdamW(np.zeros(2), 0.1, weight_decay=-1)
    with pytest.raises(ValueError, match="learning_rate"):
        adamw_step(np.zeros(1), np.zeros(1), np.zeros(1), np.zeros(1), 1, learning_rate=0)
    with pytest.raises(ValueError, match="t"):
        adamw_step(np.zeros(1), np.zeros(1), np.zeros(1), np.zeros(1), 0)


# --- the training loop ---

def small_run(**kw):
    return grokking.train(**{"p": 23, "train_fraction": 0.5, "steps": 40, "seed": 3, "log_every": 10,
                             "show_progress": False, **kw})


def test_train_returns_equal_length_curves():
    history = small_run()
    lengths = {name: len(history[name]) for name in ("steps", "train_accuracy", "test_accuracy", "train_loss",
                                                    "test_loss", "weight_norm")}
    assert set(lengths.values()) == {5}
    assert history.steps.tolist() == [0, 10, 20, 30, 40]
    assert history.spectrum.shape == (5, 12) and np.allclose(history.spectrum.sum(axis=1), 1)
    assert history.snapshots.shape == (5, history.net.flat.size)
    assert np.array_equal(history.snapshots[-1], history.net.flat)


def test_train_is_exactly_reproducible():
    first, second = small_run(), small_run()
    for name in ("train_accuracy", "test_accuracy", "train_loss", "test_loss", "weight_norm"):
        assert np.array_equal(first[name], second[name]), name
    assert not np.array_equal(first.test_loss, small_run(seed=4).test_loss)


def test_other_operations_train():
    for operation in ("subtract", "multiply"):
        history = small_run(operation=operation, steps=20)
        assert history.settings["operation"] == operation
        assert history.train_loss[-1] < history.train_loss[0]


def test_stop_at_ends_the_run_early():
    history = small_run(steps=200, stop_at=0.0)
    assert history.steps.tolist() == [0]


@pytest.mark.parametrize("kwargs, name", [
    ({"p": 91}, "p"), ({"p": 4}, "p"), ({"p": 1}, "p"),
    ({"train_fraction": 0.0}, "train_fraction"), ({"train_fraction": 1.0}, "train_fraction"),
    ({"train_fraction": 1.5}, "train_fraction"), ({"train_fraction": float("nan")}, "train_fraction"),
    ({"weight_decay": -0.1}, "weight_decay"), ({"weight_decay": float("inf")}, "weight_decay"),
    ({"steps": -5}, "steps"), ({"steps": 0}, "steps"), ({"seed": -1}, "seed"),
    ({"operation": "divide"}, "operation"), ({"learning_rate": 0.0}, "learning_rate"),
])
def test_bad_arguments_raise_value_error_naming_them(kwargs, name):
    with pytest.raises(ValueError, match=name):
        small_run(**kwargs)


def test_wrong_types_raise_type_error():
    with pytest.raises(TypeError, match="steps"):
        small_run(steps=10.5)
    with pytest.raises(TypeError, match="p"):
        small_run(p="97")


# --- training accuracy counts the argmax, as test accuracy does ---

def test_a_collapsed_network_is_not_100_percent_right():
    """All weights zero: every logit is equal. Ties go to the first answer (c = 0), as for the test pairs,
    so training accuracy is the share of pairs with c = 0, not 100 % (the bug counted every tie as right)."""
    p = 97
    net = GrokNet(p, np.random.default_rng(0))
    net.flat[...] = 0.0
    split = make_split(p, 0.3, seed=0)
    a, b, c = split.a[split.train], split.b[split.train], split.c[split.train]
    loss, accuracy, _ = net.loss_and_gradient(a, b, c)
    assert loss == pytest.approx(np.log(p), rel=1e-5)
    assert accuracy == pytest.approx(np.mean(c == 0)) and accuracy < 0.05


def test_training_accuracy_is_the_argmax_accuracy():
    """A random network: the accuracy loss_and_gradient returns is the argmax accuracy of its logits."""
    net = GrokNet(23, np.random.default_rng(5), embed_dim=6, hidden=10)
    split = make_split(23, 0.5, seed=1)
    a, b, c = split.a[split.train], split.b[split.train], split.c[split.train]
    expected = np.mean(net.logits(a, b).argmax(axis=1) == c)
    assert 0 < expected < 1
    assert net.loss_and_gradient(a, b, c)[1] == pytest.approx(expected)


# --- AdamW refuses what it cannot step ---

@pytest.mark.parametrize("name, args", [
    ("param", (np.array([np.nan, 1.0]), np.zeros(2), np.zeros(2), np.zeros(2))),
    ("grad", (np.zeros(2), np.array([1.0, np.inf]), np.zeros(2), np.zeros(2))),
    ("grad", (np.zeros(2), np.zeros(3), np.zeros(2), np.zeros(2))),
    ("m", (np.zeros(2), np.zeros(2), np.zeros((2, 1)), np.zeros(2))),
    ("v", (np.zeros(2), np.zeros(2), np.zeros(2), -np.ones(2))),
])
def test_adamw_step_refuses_nan_and_mismatched_shapes(name, args):
    with pytest.raises(ValueError, match=name):
        adamw_step(*args, t=1)


def test_adamw_step_refuses_non_numbers():
    with pytest.raises(TypeError, match="grad"):
        adamw_step(np.zeros(2), ["a", "b"], np.zeros(2), np.zeros(2), t=1)


def test_adamw_class_refuses_a_gradient_of_another_shape():
    with pytest.raises(ValueError, match="grad"):
        AdamW(np.zeros(3), 0.1).step(np.zeros(4))


def test_labels_and_first_step_refuse_bad_input():
    from course_lib.grokking.training import first_step_at
    with pytest.raises(ValueError, match="a"):
        labels(np.array([7]), np.array([0]), 7)
    with pytest.raises(TypeError, match="b"):
        labels(np.array([1]), np.array([0.5]), 7)
    with pytest.raises(ValueError, match="one shape"):
        labels(np.array([1, 2]), np.array([0]), 7)
    assert first_step_at([0, 10, 20], [0.1, np.nan, 0.9], 0.5) == 20
    assert first_step_at([0, 10], [0.1, 0.2], 0.5) is None
    with pytest.raises(ValueError, match="one length"):
        first_step_at([0, 10, 20], [0.1, 0.9], 0.5)
    with pytest.raises(TypeError, match="steps"):
        first_step_at([0.5, 1.5], [0.1, 0.9], 0.5)


def test_memorised_step_is_exact_and_the_checkpoint_rounds_it_up():
    """train records the exact first step with 100 % training accuracy; the checkpoint step rounds it up, and a
    run logged every step finds the same step."""
    coarse = grokking.train(p=11, train_fraction=0.5, steps=200, seed=0, log_every=20, keep_snapshots=False,
                            show_progress=False)
    fine = grokking.train(p=11, train_fraction=0.5, steps=200, seed=0, log_every=1, keep_snapshots=False,
                          show_progress=False)
    assert fine.memorised_step is not None
    assert coarse.memorised_step == fine.memorised_step == fine.memorised_at()
    assert coarse.memorised_at() - 20 < coarse.memorised_step <= coarse.memorised_at()
    never = grokking.train(p=11, train_fraction=0.5, steps=1, seed=0, keep_snapshots=False, show_progress=False)
    assert never.memorised_step is None
