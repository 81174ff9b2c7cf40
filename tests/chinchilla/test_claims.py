"""Every qualitative sentence of notebook 05 that states a result, recomputed with today's code.

The numbers the prose states are bound to the notebook's printed output by ``tools/prose_numbers.py``
(the lesson run checks them); these tests check the *claims* around them ("falls and rises",
"below the floor", "lowers a") from the published constants, or by refitting the cached RAW
runs (``cache/isoflop_grid.npz``: every run's N, D and final loss, the full grid and the live grid
at three seeds) or the cached bootstrap refits (``cache/bootstrap.npz``: every refit's coefficients;
the percentiles are computed here, and a test refits the first resamples to show the cache is what
today's code computes), never from a derived number stored in a cache and never against a number
copied from an output. Claims about the live grid are checked on all three cached seeds.
:func:`test_cached_live_grid_is_what_the_notebook_trains` retrains one live run to show the
cache holds what the notebook's cell produces.
"""
from __future__ import annotations

import numpy as np
import pytest

from course_lib import scaling
from course_lib.chinchilla.analysis import analyse_grid, count_model_loss
from course_lib.chinchilla.bootstrap import LIVE_BOOTSTRAP_SEEDS, RESAMPLES, load_bootstrap, run_bootstrap
from course_lib.chinchilla.demos import InferenceDemo
from course_lib.chinchilla.grid import LIVE_GRID_WIDTHS, MAIN_BUDGETS, load_grid, load_live_seeds
from course_lib.chinchilla.language import MarkovLanguage
from course_lib.chinchilla.model import embedding_params, n_params, train_model
from course_lib.papers import grattafiori2024, hoffmann2022
from course_lib.scaling import COEFFICIENT_SETS, EPOCH_2024, HOFFMANN_2022, compute_optimal, isoflop_curve

CHINCHILLA_BUDGET = 6 * hoffmann2022.CHINCHILLA[0] * hoffmann2022.CHINCHILLA[1]


@pytest.fixture(scope="module")
def seeds():
    return {seed: analyse_grid(grid) for seed, grid in load_live_seeds().items()}


@pytest.fixture(scope="module")
def full():
    return analyse_grid(load_grid().subset(MAIN_BUDGETS))


def test_s1_six_nd_is_within_ten_percent_and_chinchilla_matches_gophers_compute():
    assert max(abs(r - 1) for r in hoffmann2022.TABLE_A4_FLOP_RATIO.values()) <= 0.10 + 1e-12
    (ng, dg), (nc, dc) = hoffmann2022.GOPHER, hoffmann2022.CHINCHILLA
    assert abs(np.log(nc * dc / (ng * dg))) < np.log(1.25)  # "about the same compute"
    # three counts of Gopher's compute: 6ND is the smallest, the full count the largest, Rae et al.'s between
    assert 6 * ng * dg < hoffmann2022.GOPHER_FLOPS < hoffmann2022.GOPHER_FLOPS_FULL_COUNT


def test_s3_flat_bottom_frontiers_part_and_table_3_sits_closest_to_epoch():
    for law in COEFFICIENT_SETS.values():  # half or twice the optimal size loses < 0.01 nats
        n_opt, _ = compute_optimal(CHINCHILLA_BUDGET, law)
        best = isoflop_curve(CHINCHILLA_BUDGET, n_opt, law)
        assert all(0 < isoflop_curve(CHINCHILLA_BUDGET, n_opt * f, law) - best < 0.01 for f in (0.5, 2.0))
    small, large = hoffmann2022.TABLE_3[0].flops, hoffmann2022.TABLE_3[-1].flops
    ratio = lambda C: compute_optimal(C, EPOCH_2024)[0] / compute_optimal(C, HOFFMANN_2022)[0]
    assert ratio(large) > 2 * ratio(small)  # close slopes, but they part over the decades
    for row in hoffmann2022.TABLE_3:
        gaps = {name: abs(np.log(compute_optimal(row.flops, law)[0] / row.params)) for name, law in COEFFICIENT_SETS.items()}
        assert row.params > compute_optimal(row.flops, HOFFMANN_2022)[0]
        assert min(gaps, key=gaps.get) == "Epoch 2024"


def test_s4_every_law_prefers_chinchilla():
    for law in COEFFICIENT_SETS.values():
        assert law.loss(*hoffmann2022.CHINCHILLA) < law.loss(*hoffmann2022.GOPHER)
    mmlu, bb = hoffmann2022.MMLU_5_SHOT, hoffmann2022.BIG_BENCH_AVERAGE
    assert mmlu["Chinchilla"] > mmlu["Gopher"] and bb["Chinchilla"] > bb["Gopher"]


def test_cached_live_grid_is_what_the_notebook_trains():
    """§6: the cache's live grid holds the runs of the notebook's widths_by_budget (one retrained per seed)."""
    for seed, grid in load_live_seeds().items():
        assert {b: tuple(int(w) for w in grid.width[grid.budget == b]) for b in grid.budgets} == LIVE_GRID_WIDTHS
        assert grid.settings["seed"] == seed
    grid = load_live_seeds()[1]
    row = int(np.flatnonzero((grid.budget == 3e9) & (grid.width == 48))[0])
    run = train_model(48, int(round(3e9 / (6 * grid.n_params[row]))), MarkovLanguage(), seed=1)
    assert run.tokens == grid.tokens[row]
    assert run.loss == pytest.approx(grid.loss[row], abs=5e-3)


def test_s6_every_budget_has_a_valley_in_every_seed(seeds):
    for x in seeds.values():
        for budget in x.grid.budgets:
            _, loss = x.grid.curve(budget)
            assert 0 < np.argmin(loss) < len(loss) - 1


def test_s6_live_approach_1_is_a_staircase_of_two_sizes(seeds):
    """§6: the envelope picks only two trained sizes, so its a is the slope of one step, and it moves most across seeds."""
    for x in seeds.values():
        assert len(np.unique(x.approach1.n_best)) == 2
        assert set(np.unique(x.approach1.n_best)) <= set(x.grid.n_params)
    spread = lambda get: np.ptp([get(x) for x in seeds.values()])
    assert spread(lambda x: x.approach2.a) < spread(lambda x: x.approach1.a)
    assert spread(lambda x: x.law.a) < spread(lambda x: x.approach1.a)


def test_s6_live_E_below_the_floor_and_indistinguishable_from_it(seeds):
    """§6: E below H in every seed although no run comes near H; fixing E at H fits almost as well, a barely moves."""
    for x in seeds.values():
        H = x.grid.entropy
        assert x.law.E < H < x.grid.loss.min() - 0.5
        assert x.objective <= x.objective_fixed_E < 1.5 * x.objective
        assert abs(x.law_fixed_E.a - x.law.a) < 0.02  # "barely moves": far less than the seeds' spread of Approach 1


def test_s6_a_twelve_run_bootstrap_is_wide_and_H_sits_at_the_upper_edge_of_E():
    """§6: 200 refits at each of three resampling seeds (cached refits; percentiles computed here)."""
    live = load_grid("live_grid")
    H = live.entropy
    for seed in LIVE_BOOTSTRAP_SEEDS:
        boot = load_bootstrap(live, "live", seed=seed)
        assert len(boot.laws) == RESAMPLES
        low, high = boot.interval("a", level=0.8)
        assert low < 0.5 < high and high - low > 0.25  # "agree with 0.5, and with much else"
        e_low, e_high = boot.interval("E", level=0.8)
        assert abs(e_high - H) < 0.02 and e_low < H - 0.5  # H at the upper edge, the interval far wider below


def test_s6_training_noise_moves_a_far_less_than_the_bootstrap(seeds):
    """§6: the seed spread of Approach 3's a is a small fraction of the bootstrap's 10th-90th width."""
    spread = np.ptp([x.law.a for x in seeds.values()])
    low, high = load_bootstrap(load_grid("live_grid"), "live", seed=0).interval("a")
    assert spread < 0.1 * (high - low)


def test_s6_s7_the_huber_fit_is_effectively_least_absolute_deviation(seeds, full):
    """§6: at delta = 1e-3 most residuals of the fitted law lie in Huber's absolute branch."""
    for x in [full, *seeds.values()]:
        residuals = np.log(x.law.loss(x.grid.n_params, x.grid.tokens) / x.grid.loss)
        assert np.mean(np.abs(residuals) > hoffmann2022.HUBER_DELTA) > 0.5


def test_s7_counting_all_parameters_lowers_a(seeds, full):
    """§7: with the embedding table in N, Approach 2's a falls on the full grid and on the live grid (every seed)."""
    for x in [full, *seeds.values()]:
        assert analyse_grid(x.grid, parameters="all").approach2.a < x.approach2.a


def test_s7_full_grid_approaches_agree_near_half_but_E_is_below_H(full, seeds):
    assert all(0.45 < a < 0.55 for a in (full.approach1.a, full.approach2.a, full.law.a))
    H = full.grid.entropy
    assert full.law.E < H and H - full.law.E > H - seeds[0].law.E  # further off than the live grid
    relative = full.law.loss(full.grid.n_params, full.grid.tokens) / full.grid.loss - 1
    assert np.sqrt(np.mean(relative ** 2)) < 0.015 and np.abs(relative).max() < 0.03
    assert full.objective_fixed_E > 2 * full.objective  # fixing E costs a visibly worse fit ...
    assert abs(full.law_fixed_E.a - full.law.a) < 0.01  # ... and leaves the allocation alone
    assert len(full.grid) == 32 and len(load_grid()) == 39


def test_s7_the_1e12_bottom_is_flatter_than_every_analysed_budget():
    grid = load_grid()
    _, loss = grid.curve(1e12)
    flat = np.ptp(loss[1:6])
    for budget in MAIN_BUDGETS:
        _, other = grid.curve(budget)
        best = int(np.argmin(other))
        assert flat < np.ptp(other[max(best - 2, 0):best + 3])


def test_s7_a_count_table_beats_every_trained_model():
    grid = load_grid()
    best = int(np.argmin(grid.loss))
    table = count_model_loss(MarkovLanguage(), int(grid.tokens[best]))
    assert table < grid.loss.min() and table - grid.entropy < 0.2 * (grid.loss[best] - grid.entropy)


def test_s7_s9_bootstrap_interval_of_E_excludes_the_entropy(full):
    """§7 and §9: E's 10th-90th percentile interval lies below H with ordinary and with 80 % resamples."""
    g = full.grid
    for scheme in ("full", "full_80"):
        low, high = load_bootstrap(g, scheme).interval("E", level=0.8)
        assert low < full.law.E < high < g.entropy


def test_s9_the_cached_bootstraps_are_what_todays_code_computes(full):
    """The cache's refits are the first resamples today's bootstrap draws and fits (same seed, same order)."""
    live = load_grid("live_grid")
    for grid, scheme, seed in ((full.grid, "full", 0), (full.grid, "full_80", 0), (live, "live", 2)):
        cached = load_bootstrap(grid, scheme, seed=seed)
        fresh = run_bootstrap(grid, scheme, seed=seed, resamples=3)
        for name in ("E", "alpha", "beta", "a"):
            assert fresh.values(name) == pytest.approx(cached.values(name)[:3], rel=1e-4)


def test_s7_the_law_extrapolates_too_low_to_the_held_out_1e12_runs(full):
    """§7: fitted on 1e10-3e11, the law under-predicts the 1e12 runs by more than its worst in-sample error,
    and fitting the 1e12 runs too raises E (the flattening pushes E up, not down)."""
    grid = load_grid()
    held = grid.subset([1e12])
    held_error = full.law.loss(held.n_params, held.tokens) / held.loss - 1
    in_sample = full.law.loss(full.grid.n_params, full.grid.tokens) / full.grid.loss - 1
    assert held_error.min() < -np.abs(in_sample).max()  # too low, beyond anything in-sample
    assert np.all(held_error[np.abs(held_error) > 0.01] < 0)  # every sizeable miss is an under-prediction
    assert scaling.fit_scaling_law(grid.n_params, grid.tokens, grid.loss).E > full.law.E


def test_s3_s8_what_a_wrong_ratio_costs():
    """§3 and exercise 8.1: 5 tokens per parameter costs more under the rounded law than under Epoch's, and
    training at the rounded law's optimum costs a few thousandths of a nat under Epoch's law."""
    def loss_at(ratio, law):
        n = np.sqrt(CHINCHILLA_BUDGET / (6 * ratio))
        return law.loss(n, ratio * n)
    cost = {name: loss_at(5, law) - law.loss(*compute_optimal(CHINCHILLA_BUDGET, law))
            for name, law in COEFFICIENT_SETS.items()}
    assert cost["Hoffmann (rounded)"] > cost["Hoffmann (unrounded)"] > cost["Epoch 2024"] > 0
    rounded = scaling.tokens_per_parameter(CHINCHILLA_BUDGET, HOFFMANN_2022)
    epoch = scaling.tokens_per_parameter(CHINCHILLA_BUDGET, EPOCH_2024)
    assert 0.001 < loss_at(rounded, EPOCH_2024) - loss_at(epoch, EPOCH_2024) < 0.02


def test_s8_rounding_moves_the_optimum_and_epoch_is_nearest_twenty():
    ratios = {name: scaling.tokens_per_parameter(CHINCHILLA_BUDGET, law) for name, law in COEFFICIENT_SETS.items()}
    assert ratios["Hoffmann (rounded)"] > ratios["Hoffmann (unrounded)"] > ratios["Epoch 2024"]
    assert min(ratios, key=lambda k: abs(ratios[k] - 20)) == "Epoch 2024"


def test_s9_table_2_approach_3_interval_is_the_narrowest():
    widths = {k: v[1][1] - v[1][0] for k, v in hoffmann2022.TABLE_2_EXPONENTS.items() if v[1]}
    assert min(widths, key=widths.get) == "3. Parametric modelling of the loss"


def test_s10_inference_demand_moves_the_optimum():
    """§10: with little demand the markers coincide; with more the model shrinks, trains longer, saves more."""
    demo = InferenceDemo()
    for name in COEFFICIENT_SETS:
        low = demo.update(log10_inference_tokens=9.0, coefficients=name)
        high = demo.update(log10_inference_tokens=14.0, coefficients=name)
        assert low["best"].n_params / low["plain"].n_params > 0.99
        assert high["best"].n_params < 0.35 * high["plain"].n_params
        assert high["best"].tokens_per_parameter > 10 * high["plain"].tokens_per_parameter
        assert high["best_relative"] < low["best_relative"]


def test_s11_heavy_use_justifies_training_far_past_twenty_but_llama_goes_further():
    target = EPOCH_2024.loss(*hoffmann2022.CHINCHILLA)
    ratios = [scaling.inference_optimal(target, d, EPOCH_2024).tokens_per_parameter for d in (0, 1e12, 1e13, 1e14)]
    assert np.all(np.diff(ratios) > 0) and ratios[-1] > 10 * 20
    n8, d8 = grattafiori2024.LLAMA3_8B
    assert d8 / n8 > ratios[-1]


def test_s6_embeddings_would_add_3_to_20_percent():
    """§6: counting the embedding table (as Hoffmann et al. do) adds the most to the smallest models."""
    widths = sorted(set(load_grid().width.tolist()) | set(load_grid("live_grid").width.tolist()))
    shares = [embedding_params(w) / n_params(w) for w in widths]
    assert np.all(np.diff(shares) < 0)
