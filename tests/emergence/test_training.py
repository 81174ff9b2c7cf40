"""Tests of the addition problems, models, families and their shipped cache."""
from __future__ import annotations


import numpy as np
import pytest

from course_lib.core import cache as family_cache
from course_lib.emergence.training import (CACHE_N_DIGITS, CACHE_WIDTHS, KINDS, SEED_FAMILIES, SEED_REPLICATES,
                                           AdditionFamily, family_problems, load_family, load_seeds,
                                 load_ablation_seeds, scratchpad_step_probability, train_family, train_model)
from course_lib.emergence.problems import (HELD_OUT_SHARE, carries, check_operands, digits_to_ints, ints_to_digits,
                                      make_problems, needs_held_out_split, scratchpad_ids, scratchpad_step_inputs,
                                      seen_share, split_problems)
from course_lib.emergence.models import (DirectAdditionModel, ScratchpadAdditionModel,
                                        chain_scratchpad)
from course_lib.metrics import exact_match, token_edit_distances

TINY = dict(n_train=2000, n_test=2000, epochs=2, seed=0, show_progress=False)
TINY_WIDTHS = (4, 16, 64)


@pytest.fixture(scope="module")
def tiny_family() -> AdditionFamily:
    return train_family(2, TINY_WIDTHS, "direct", **TINY)


def tiny_problems(n_digits: int = 2):
    """The training and test problems ``train_family`` draws for the TINY settings."""
    return family_problems(n_digits, TINY["n_train"], TINY["n_test"], TINY["seed"])


# --- problems ---------------------------------------------------------------------------

@pytest.mark.parametrize("n_digits", [1, 2, 5, 19])
def test_problems_add_up(n_digits):
    a, b, s = make_problems(n_digits, 500, np.random.default_rng(1))
    assert a.shape == b.shape == (500, n_digits) and s.shape == (500, n_digits + 1)
    assert a.dtype == b.dtype == s.dtype == np.uint8
    assert (digits_to_ints(a) + digits_to_ints(b) == digits_to_ints(s)).all()
    assert np.array_equal(ints_to_digits(digits_to_ints(s), n_digits + 1), s)


def test_problem_digits_are_uniform_and_reproducible():
    a, b, _ = make_problems(3, 20_000, np.random.default_rng(2))
    counts = np.bincount(a.ravel(), minlength=10)
    assert a.max() == 9 and abs(counts / counts.sum() - 0.1).max() < 0.01
    again = make_problems(3, 20_000, np.random.default_rng(2))
    assert np.array_equal(a, again[0]) and np.array_equal(b, again[1])


@pytest.mark.parametrize("n_digits, n_train", [(1, 500), (2, 2000), (2, 50_000), (3, 50_000)])
def test_held_out_split_never_tests_a_training_problem(n_digits, n_train):
    assert needs_held_out_split(n_digits, n_train)
    train, test = split_problems(n_digits, n_train, 3000, np.random.default_rng(5))
    assert seen_share(train, test) == 0.0
    for a, b, s in (train, test):
        assert (digits_to_ints(a) + digits_to_ints(b) == digits_to_ints(s)).all()
    keys = set((digits_to_ints(test[0]) * 10 ** n_digits + digits_to_ints(test[1])).tolist())
    assert len(keys) <= round(HELD_OUT_SHARE * 10 ** (2 * n_digits))  # drawn from the held-out fifth only
    again = split_problems(n_digits, n_train, 3000, np.random.default_rng(5))
    assert all(np.array_equal(x, y) for x, y in zip(train + test, again[0] + again[1]))


def test_large_problem_spaces_keep_plain_draws():
    """4 digits and more: the split is not needed and the draws are make_problems' (cache unchanged)."""
    assert not needs_held_out_split(4, 50_000)
    train, test = split_problems(4, 1000, 500, np.random.default_rng(3))
    rng = np.random.default_rng(3)
    expected = make_problems(4, 1000, rng) + make_problems(4, 500, rng)
    assert all(np.array_equal(x, y) for x, y in zip(train + test, expected))


def test_seen_share_counts_test_problems_found_in_training():
    a, b, s = ints_to_digits([12, 34, 56], 2), ints_to_digits([1, 2, 3], 2), None
    train = (a, b, s)
    test = (ints_to_digits([12, 99, 56, 12], 2), ints_to_digits([1, 2, 3, 2], 2), None)
    assert seen_share(train, test) == pytest.approx(0.5)  # (12, 1) and (56, 3) seen; (99, 2), (12, 2) not


@pytest.mark.parametrize("n_digits, kind", SEED_FAMILIES)
def test_seed_replicates_are_cached_with_their_settings(n_digits, kind):
    families = load_seeds(n_digits, kind)
    assert list(families) == [0, *SEED_REPLICATES]
    for seed, family in families.items():
        assert family.seed == seed and family.widths.tolist() == list(CACHE_WIDTHS[kind])
        assert family.n_test == (100_000 if seed == 0 else 20_000)
        assert not family.correct.flags.writeable
    ems = [f.exact_match() for f in families.values()]
    assert not all(np.array_equal(ems[0], e) for e in ems[1:])  # the seeds differ


def test_a_seed_replicate_matches_a_retrained_model():
    cached = load_seeds(2, "direct")[1].subset([16])
    retrained = train_family(2, [16], "direct", n_test=20_000, seed=1, show_progress=False)
    assert (retrained.correct == cached.correct).mean() > 0.97


def test_seed_replicates_refuse_uncached_families():
    with pytest.raises(ValueError, match="seed-replicated"):
        load_seeds(3, "scratchpad")


def test_carries_are_the_carries_of_column_addition():
    a, b = ints_to_digits([95, 10], 2), ints_to_digits([7, 90], 2)  # 95 + 7 = 102, 10 + 90 = 100
    assert carries(a, b).tolist() == [[0, 1, 1], [0, 0, 1]]


def test_scratchpad_step_inputs_are_numbered_by_their_ids():
    x, v = scratchpad_step_inputs()
    a_i, b_i, carry_in = x[:, :10].argmax(axis=1), x[:, 10:20].argmax(axis=1), x[:, 20]
    assert x.shape == (200, 21) and (x.sum(axis=1) == 2 + carry_in).all()
    assert np.array_equal(scratchpad_ids(a_i, b_i, carry_in), np.arange(200))
    assert np.array_equal(v, a_i + b_i + carry_in)


# --- models -----------------------------------------------------------------------------

@pytest.mark.parametrize("kind", KINDS)
def test_models_beat_chance_after_a_little_training(kind):
    family = train_family(2, (64,), kind, n_train=8000, n_test=2000, epochs=10, seed=0,
                          show_progress=False)
    # chance: 0.1 per digit, 0.505 for the final carry -> 0.235 per digit, 0.005 exact
    assert family.digit_accuracy()[0] > 0.4
    assert family.exact_match()[0] > 0.05


def adder_model(carry_offset: int) -> ScratchpadAdditionModel:
    """A hand-built scratchpad model writing v = a_i + b_i + carry_in + carry_offset (<= 19).

    Hidden layer = the 21 one-hot inputs; logit_v = 20 (2 v t - v**2) with t the target sum,
    so the most likely v (by far) is the one nearest to t.
    """
    model = ScratchpadAdditionModel(21, np.random.default_rng(0))
    p = model.mlp.params
    p["W1"][...] = np.eye(21)
    p["b1"][...] = 0.0
    input_values = np.r_[np.arange(10), np.arange(10), 1.0]  # a_i, b_i, carry bit
    v = np.arange(20.0)
    p["W2"][...] = 20 * 2 * v[:, None] * input_values[None, :]
    p["b2"][...] = 20 * (2 * v * carry_offset - v ** 2)
    return model


def test_a_perfect_scratchpad_step_chains_to_exact_sums():
    a, b, s = make_problems(6, 1000, np.random.default_rng(3))
    assert np.array_equal(adder_model(0).predict(a, b), s)


def test_scratchpad_reads_back_the_carries_it_wrote():
    # This step always writes a carry (v = a + b + c + 10 for small digits), although the true
    # sums below never carry. Chained on its own carries, every digit above the units is one
    # too big and the answer gains a leading 1; fed the true carries it would be right.
    rng = np.random.default_rng(4)
    a = rng.integers(0, 5, size=(300, 4), dtype=np.uint8)
    b = rng.integers(0, 4, size=(300, 4), dtype=np.uint8)
    expected = np.concatenate([(a + b)[:, :1], (a + b + 1)[:, 1:], np.ones((300, 1), np.uint8)], axis=1)
    assert np.array_equal(adder_model(10).predict(a, b), expected)
    digits, written = chain_scratchpad(lambda x, y, c: x + y + c + 10, a, b)
    assert np.array_equal(digits, expected) and (written[:, 1:] == 1).all() and (written[:, 0] == 0).all()


def test_probabilities_match_predictions():
    (a, b, s), (ta, tb, ts) = tiny_problems()
    direct = train_model(2, 16, "direct", a, b, s, epochs=2, seed=0)
    proba = direct.predict_proba(ta, tb)
    assert proba.shape == (len(ta), 3, 10) and np.allclose(proba.sum(axis=2), 1.0, atol=1e-5)
    assert np.array_equal(proba.argmax(axis=2), direct.predict(ta, tb))
    scratchpad = train_model(2, 16, "scratchpad", a, b, s, epochs=2, seed=0)
    proba = scratchpad.predict_proba(ta, tb)
    assert proba.shape == (len(ta), 3, 10) and np.allclose(proba.sum(axis=2), 1.0, atol=1e-5)
    assert (proba[:, -1, 2:] == 0).all()  # the final carry is 0 or 1
    adder_proba = adder_model(0).predict_proba(ta, tb)
    assert np.array_equal(adder_proba.argmax(axis=2), ts) and adder_proba.max(axis=2).min() > 0.99


def test_scratchpad_has_far_fewer_parameters():
    rng = np.random.default_rng(0)
    direct, scratchpad = DirectAdditionModel(4, 64, rng), ScratchpadAdditionModel(64, rng)
    assert direct.n_params == (80 * 64 + 64) + (64 * 50 + 50)
    assert scratchpad.n_params == (21 * 64 + 64) + (64 * 20 + 20)


# --- families ---------------------------------------------------------------------------

def test_training_is_deterministic_and_independent_of_the_other_widths(tiny_family):
    again = train_family(2, TINY_WIDTHS, "direct", **TINY)
    for name in ("widths", "n_params", "correct", "edit_distance"):
        assert np.array_equal(getattr(tiny_family, name), getattr(again, name)), name
    alone = train_family(2, (16,), "direct", **TINY)
    assert np.array_equal(alone.correct[0], tiny_family.correct[1])


def test_family_methods_agree_with_the_metrics(tiny_family):
    (a, b, s), (ta, tb, ts) = tiny_problems()
    for i, width in enumerate(TINY_WIDTHS):
        predicted = train_model(2, width, "direct", a, b, s, epochs=TINY["epochs"], seed=TINY["seed"]).predict(ta, tb)
        assert np.array_equal(tiny_family.correct[i], predicted == ts)
        assert np.array_equal(tiny_family.edit_distance[i], token_edit_distances(predicted, ts))
        assert tiny_family.exact_match()[i] == exact_match(predicted, ts).mean()
        assert tiny_family.exact_match(100)[i] == exact_match(predicted[:100], ts[:100]).mean()
        assert tiny_family.digit_accuracy()[i] == pytest.approx((predicted == ts).mean())
        assert np.allclose(tiny_family.position_accuracy()[i], (predicted == ts).mean(axis=0))
    assert np.array_equal(tiny_family.exact_match(), tiny_family.correct.all(axis=2).mean(axis=1))
    assert np.allclose(tiny_family.mean_edit_distance(), tiny_family.edit_distance.mean(axis=1))


def test_subset_keeps_the_rows_of_the_chosen_widths(tiny_family):
    tiny_family.exact_match()  # fill the summaries, which subset slices
    part = tiny_family.subset([64, 4])
    assert part.widths.tolist() == [4, 64]
    assert np.array_equal(part.correct, tiny_family.correct[[0, 2]])
    assert np.array_equal(part.exact_match(50), tiny_family.exact_match(50)[[0, 2]])
    assert np.array_equal(part.mean_edit_distance(), tiny_family.mean_edit_distance()[[0, 2]])


# --- the shipped cache ------------------------------------------------------------------

@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("n_digits", CACHE_N_DIGITS)
def test_cache_holds_every_documented_family(n_digits, kind):
    family = load_family(n_digits, kind)
    widths = CACHE_WIDTHS[kind]
    assert family.widths.tolist() == list(widths) and (family.n_digits, family.kind) == (n_digits, kind)
    assert family.correct.shape == (len(widths), 100_000, n_digits + 1) and family.correct.dtype == bool
    assert family.edit_distance.shape == (len(widths), 100_000)
    assert (family.n_train, family.epochs, family.seed) == (50_000, 10, 0)
    rng = np.random.default_rng(0)
    n_params = [(DirectAdditionModel(n_digits, w, rng) if kind == "direct" else ScratchpadAdditionModel(w, rng)).n_params
                for w in widths]
    assert family.n_params.tolist() == n_params
    wrong = (~family.correct).sum(axis=2)  # edit distance <= Hamming distance, 0 only if exact
    assert (family.edit_distance <= wrong).all() and np.array_equal(family.edit_distance == 0, wrong == 0)
    assert load_family(n_digits, kind) is family  # memoised


def test_cache_shows_what_the_lessons_rely_on():
    direct, scratchpad = load_family(4, "direct"), load_family(4, "scratchpad")
    assert direct.exact_match_count()[0] > 0 and direct.exact_match(100)[0] == 0  # resolution
    assert direct.digit_accuracy()[0] < 0.4 and direct.digit_accuracy()[-1] > 0.9
    # the scratchpad reaches 50% exact match with far fewer parameters
    first_params = [f.n_params[np.argmax(f.exact_match() >= 0.5)] for f in (direct, scratchpad)]
    assert 10 * first_params[1] < first_params[0]


def test_cache_matches_a_retrained_model():
    cached = load_family(2, "direct").subset([16])
    retrained = train_family(2, [16], "direct", show_progress=False)
    # Identical on the machine that built the cache; other CPUs may round float32 sums
    # differently and end training a little apart, so compare up to a small tolerance.
    assert (retrained.correct == cached.correct).mean() > 0.97
    assert abs(retrained.exact_match()[0] - cached.exact_match()[0]) < 0.03


def test_train_family_defaults_are_the_cache_settings(monkeypatch):
    import inspect

    from course_lib.emergence import training as addition

    defaults = {k: v.default for k, v in inspect.signature(train_family).parameters.items()}
    assert all(defaults[key] == value for key, value in addition._CACHE_SETTINGS.items())
    monkeypatch.setitem(addition._CACHE_SETTINGS, "epochs", 11)
    with pytest.raises(RuntimeError, match="rebuild"):
        load_family.__wrapped__(2, "direct")  # the file no longer matches the documented settings


# --- input validation -------------------------------------------------------------------

@pytest.mark.parametrize("call, error, word", [
    (lambda: make_problems(0, 5, np.random.default_rng()), ValueError, "n_digits"),
    (lambda: make_problems(2.0, 5, np.random.default_rng()), TypeError, "n_digits"),
    (lambda: make_problems(True, 5, np.random.default_rng()), TypeError, "n_digits"),
    (lambda: make_problems(2, 0, np.random.default_rng()), ValueError, "n_problems"),
    (lambda: make_problems(2, 5, "0"), TypeError, "rng"),
    (lambda: check_operands([[1, 10]], [[1, 1]]), ValueError, "a must be <= 9"),
    (lambda: check_operands([[1, 1]], [[-1, 1]]), ValueError, "b must be >= 0"),
    (lambda: check_operands([[1, 2]], [[1, 2, 3]]), ValueError, "same shape"),
    (lambda: check_operands([[1.0, 2.0]], [[1, 2]]), TypeError, "a must hold integers"),
    (lambda: ints_to_digits([100], 2), ValueError, "numbers"),
    (lambda: train_family(0, [4]), ValueError, "n_digits"),
    (lambda: train_family(2, [4, 0]), ValueError, "widths[1]"),
    (lambda: train_family(2, [4.0]), TypeError, "widths[0]"),
    (lambda: train_family(2, "48"), TypeError, "widths"),
    (lambda: train_family(2, []), ValueError, "widths"),
    (lambda: train_family(2, [4, 4]), ValueError, "distinct"),
    (lambda: train_family(2, [4], kind="cot"), ValueError, "kind"),
    (lambda: train_family(2, [4], n_train=0), ValueError, "n_train"),
    (lambda: train_family(2, [4], n_test=1.5), TypeError, "n_test"),
    (lambda: train_family(2, [4], epochs=0), ValueError, "epochs"),
    (lambda: train_family(2, [4], seed=-1), ValueError, "seed"),
    (lambda: train_family(2, [4], show_progress="yes"), TypeError, "show_progress"),
    (lambda: train_model(2, 0, "direct", *make_problems(2, 5, np.random.default_rng()), epochs=1, seed=0),
     ValueError, "width"),
    (lambda: load_family(6), ValueError, "n_digits"),
    (lambda: scratchpad_step_probability(-1), ValueError, "seed"),
    (lambda: load_ablation_seeds("direct"), ValueError, "kind"),
    (lambda: scratchpad_step_probability(0, [2, 0]), ValueError, "widths[1]"),
    (lambda: scratchpad_step_probability(0.5), TypeError, "seed"),
    (lambda: load_family(4, "cot"), ValueError, "kind"),
    (lambda: DirectAdditionModel(2, 4, np.random.default_rng()).predict([[1, 2, 3]], [[1, 2, 3]]),
     ValueError, "digit columns"),
    (lambda: family_cache.packaged_file("course_lib.emergence", "../x.npz"), ValueError, "filename"),
])
def test_bad_input_is_refused_by_name(call, error, word):
    with pytest.raises(error, match=word.replace("[", r"\[").replace("]", r"\]").replace(".", r"\.")):
        call()


@pytest.mark.parametrize("method, arg, error", [
    ("exact_match", 0, ValueError), ("exact_match", 2001, ValueError),
    ("exact_match", 10.0, TypeError), ("exact_match_count", True, TypeError),
    ("subset", [5], ValueError), ("subset", [], ValueError),
])
def test_family_methods_refuse_bad_arguments(tiny_family, method, arg, error):
    with pytest.raises(error, match="n_items" if method.startswith("exact") else "widths"):
        getattr(tiny_family, method)(arg)


@pytest.mark.parametrize("kind", ["direct_carries", "step_no_carry"])
def test_ablation_models_train_and_predict(kind):
    family = train_family(3, (32,), kind, n_train=4000, n_test=1000, epochs=10, seed=0, show_progress=False)
    assert family.kind == kind and family.correct.shape == (1, 1000, 4)
    assert family.digit_accuracy()[0] > 0.25  # chance is about 0.2


def test_step_without_carry_ignores_the_carry():
    from course_lib.emergence.models import StepWithoutCarryModel
    model = StepWithoutCarryModel(8, np.random.default_rng(0))
    a_i, b_i = np.array([3, 3]), np.array([4, 4])
    assert np.array_equal(model.step(a_i, b_i, np.array([0, 1])), model.step(a_i, b_i, np.array([1, 0])))


def test_cached_ablations_load_with_their_widths():
    from course_lib.emergence.training import ABLATION_WIDTHS, load_ablation
    for kind, widths in ABLATION_WIDTHS.items():
        family = load_ablation(kind)
        assert family.widths.tolist() == list(widths) and family.n_test == 100_000
