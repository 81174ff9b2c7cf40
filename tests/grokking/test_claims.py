"""Every result the prose of notebook 03 states, computed from the same code (cached runs or short reruns).

Each test names the section whose sentence it backs. The cached runs are the notebook's live run
(seed 0, identical to what §1 trains) and the same run from seeds 1 and 2; the grid is §3's.
"""
import numpy as np
from threadpoolctl import threadpool_limits
import pytest

from course_lib import grokking
from course_lib.grokking.fourier import cosine_fit, logit_table
from course_lib.grokking.phase import load_phase_grid, run_phase_grid
from course_lib.grokking.timeline import LIVE_RUN, final_network, load_timeline
from course_lib.grokking.training import first_step_at

LN_P = np.log(97)


@pytest.fixture(scope="module")
def runs():
    return {seed: load_timeline(seed) for seed in (0, 1, 2)}


@pytest.fixture(scope="module")
def grid():
    return load_phase_grid()


def at(timeline, name, step):
    return float(timeline[name][np.searchsorted(timeline["steps"], step)])


def test_cache_is_what_the_notebook_trains():
    """§1: the cached seed-0 timeline is the live run (its first 60 steps, retrained, agree exactly).

    On one BLAS thread, as the notebook (``course_lib.setup()``) and the cache rebuild run.
    """
    with threadpool_limits(limits=1):
        history = grokking.train(**{**LIVE_RUN, "steps": 60}, show_progress=False)
    cached = load_timeline(0)
    n = len(history.steps)
    for name in ("steps", "train_accuracy", "test_accuracy", "train_loss", "test_loss", "weight_norm"):
        assert np.array_equal(history[name], cached[name][:n]), name


def test_s1_memorises_by_step_100_test_near_chance(runs):
    """§1: train accuracy 100 % by step 100 while test accuracy stays near 1 %."""
    t = runs[0]
    assert first_step_at(t["steps"], t["train_accuracy"], 1.0) == 100
    flat = (t["steps"] >= 100) & (t["steps"] <= 400)
    assert t["test_accuracy"][flat].max() < 0.02


def test_s1_test_loss_about_14_three_times_chance(runs):
    """§1: from step 100 to 400 the test loss sits at about 14, three times ln 97."""
    t = runs[0]
    flat = (t["steps"] >= 100) & (t["steps"] <= 400)
    assert 13.0 <= t["test_loss"][flat].min() and t["test_loss"][flat].max() <= 15.0
    assert t["test_loss"][flat].min() > 2.8 * LN_P


def test_s1_generalises_at_720_about_7x_later(runs):
    """§1: 95 % test accuracy by step 720, about 7 times later than memorisation, then 100 %."""
    t = runs[0]
    assert first_step_at(t["steps"], t["test_accuracy"], 0.95) == 720
    assert t["test_accuracy"][-1] == 1.0


def test_s1_all_three_seeds_grok(runs):
    """§1 and recap: 3 of 3 seeds, train 100 % at step 100, test 95 % at 580-720, 6-7 times later."""
    generalised = []
    for t in runs.values():
        memorised = first_step_at(t["steps"], t["train_accuracy"], 1.0)
        assert memorised == 100
        generalised.append(first_step_at(t["steps"], t["test_accuracy"], 0.95))
        assert 5.5 <= generalised[-1] / memorised < 7.5
    assert min(generalised) == 580 and max(generalised) == 720


def test_s2_key_frequencies_concentrate(runs):
    """§2: the final 5 frequencies hold 12 % (step 0), 14 % (100), 23 % (400), 45 % (600), 75 % (800), 85 % (1000)."""
    t = runs[0]
    for step, share in ((0, 0.12), (100, 0.14), (400, 0.23), (600, 0.45), (800, 0.75), (1000, 0.85)):
        assert at(t, "key_share", step) == pytest.approx(share, abs=0.006), step
    assert at(t, "test_accuracy", 400) < 0.015


def test_s2_weight_norm(runs):
    """§2: weight norm 59 -> 46 during memorisation, near 46 through step 400, 43 (600), 36 (800), 34 (1000)."""
    t = runs[0]
    for step, norm in ((0, 59), (100, 46), (400, 46), (600, 43), (800, 36), (1000, 34)):
        assert round(at(t, "weight_norm", step)) == norm, step


def test_s2_key_frequencies_depend_on_the_seed(runs):
    """§2: the seeds end with {24, 47, 5, 38, 32}, {40, 24, 18, 4, 20} and {3, 30, 29, 21, 13}."""
    expected = {0: {24, 47, 5, 38, 32}, 1: {40, 24, 18, 4, 20}, 2: {3, 30, 29, 21, 13}}
    for seed, t in runs.items():
        assert set(t["keys"].tolist()) == expected[seed]


def test_s3_no_weight_decay_never_groks(grid):
    """§3: with λ = 0 none of 12 runs generalises; all memorise within 60 steps; test accuracy <= 2.2 %."""
    j = list(grid.weight_decays).index(0.0)
    assert (grid.generalised_at[:, j] < 0).all() and grid.generalised_at[:, j].size == 12
    assert (grid.memorised_at[:, j] > 0).all() and grid.memorised_at[:, j].max() <= 60
    assert np.nanmax(grid.test_accuracy[:, j]) <= 0.022


def cell(grid, fraction, decay):
    return list(grid.fractions).index(fraction), list(grid.weight_decays).index(decay)


def test_s3_more_decay_earlier_jump(grid):
    """§3: at fraction 0.3, median 1,620 steps at λ = 1, 560 at λ = 3, none of 3 at λ = 0.3."""
    median, grokked = grid.median_steps(), grid.grokked()
    assert median[cell(grid, 0.3, 1.0)] == 1620 and median[cell(grid, 0.3, 3.0)] == 560
    assert grokked[cell(grid, 0.3, 0.3)] == 0


def test_s3_more_data_earlier_jump_until_lambda_3(grid):
    """§3: λ = 1: 1,620 / 640 / 380; λ = 0.3: 2,440 / 1,280; λ = 3: 220 and 280, one seed at 1,220 after
    memorising in over 1,000 steps."""
    median = grid.median_steps()
    assert [median[cell(grid, f, 1.0)] for f in (0.3, 0.4, 0.5)] == [1620, 640, 380]
    assert [median[cell(grid, f, 0.3)] for f in (0.4, 0.5)] == [2440, 1280]
    assert [median[cell(grid, f, 3.0)] for f in (0.4, 0.5)] == [220, 280]
    slow = grid.generalised_at[cell(grid, 0.5, 3.0)]
    assert slow.max() == 1220 and grid.memorised_at[cell(grid, 0.5, 3.0)][slow.argmax()] > 1000


def test_s3_little_data_not_robust(grid):
    """§3: with 20 % of the data no run groks within the budget; at λ = 3 two of three end at 16 % and 72 %;
    seeds of one cell differ up to 2x (1,280 to 2,540 steps at fraction 0.3, λ = 1)."""
    i, j = cell(grid, 0.2, 3.0)
    assert grid.grokked()[i].tolist() == [0, 0, 0, 0]
    final = np.sort(np.nanmax(grid.test_accuracy[i, j], axis=-1))
    assert final[0] < 0.03 and round(final[1], 2) == 0.16 and round(final[2], 2) == 0.72
    steps = grid.generalised_at[cell(grid, 0.3, 1.0)]
    assert steps.min() == 1280 and steps.max() == 2540


def test_s3_grid_cell_retrains_as_shipped(grid):
    """§3: a cell retrained from its arguments comes out as shipped (seed 0 of fraction 0.4, λ = 3, the
    quickest; the notebook retrains fraction 0.5, λ = 1)."""
    retrained = run_phase_grid(p=53, fractions=(0.4,), weight_decays=(3.0,), seeds=(0,), budget=3000,
                               show_progress=False)
    assert retrained.generalised_at[0, 0, 0] == grid.generalised_at[cell(grid, 0.4, 3.0)][0] == 180
    shipped = grid.test_accuracy[cell(grid, 0.4, 3.0)][0]
    assert np.array_equal(retrained.test_accuracy[0, 0, 0].astype(np.float32), shipped, equal_nan=True)


@pytest.fixture(scope="module")
def fits(runs):
    return {seed: cosine_fit(logit_table(final_network(t).logits, 97), t["keys"]) for seed, t in runs.items()}


def test_s4_five_cosines_fit_the_logits(fits):
    """§4: 5 cosines explain 88 % (seed 0; 95 % and 96 % for seeds 1 and 2) and give 100 % right answers;
    the largest coefficient is the embedding's strongest frequency."""
    assert round(100 * fits[0].r2) == 88 and round(100 * fits[1].r2) == 95 and round(100 * fits[2].r2) == 96
    assert all(fit.accuracy == 1.0 for fit in fits.values())
    assert np.argmax(fits[0].alphas) == 0


def test_s4_restricted_loss_falls_before_the_jump(runs):
    """§4: restricted loss falls at every checkpoint from step 100 (all seeds); 5.3 at step 100, 3.1 at 400,
    while test accuracy is 1 % and the test loss 13-14."""
    for t in runs.values():
        later = t["steps"] >= 100
        assert np.all(np.diff(t["restricted_loss"][later]) <= 0)
    t = runs[0]
    assert round(at(t, "restricted_loss", 100), 1) == 5.3 and round(at(t, "restricted_loss", 400), 1) == 3.1
    assert round(at(t, "test_accuracy", 400), 2) == 0.01 and 13 <= at(t, "test_loss", 400) <= 14


def test_s4_excluded_loss_rises_after_step_400(runs):
    """§4: the excluded loss stays near 0.1 until step 400, passes 4 by step 600; the train loss keeps falling."""
    t = runs[0]
    early = (t["steps"] >= 100) & (t["steps"] <= 400)
    assert t["excluded_loss"][early].max() < 0.2
    assert at(t, "excluded_loss", 600) > 4
    assert at(t, "train_loss", 600) < at(t, "train_loss", 400)


def test_s5_test_loss_above_chance_until_500(runs):
    """§5: the test loss stays above ln 97 through step 500 and is below 0.2 by step 700."""
    t = runs[0]
    assert t["test_loss"][t["steps"] <= 500].min() > LN_P
    assert at(t, "test_loss", 700) < 0.2
