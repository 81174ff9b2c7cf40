"""course_lib.scaling: the published laws, the frontier, and the three fitting approaches."""
from __future__ import annotations

import csv
import warnings
from pathlib import Path

import numpy as np
import pytest

from course_lib import scaling
from course_lib.papers import besiroglu2024, hoffmann2022, sardana2024
from course_lib.scaling import (EPOCH_2024, HOFFMANN_2022, HOFFMANN_2022_UNROUNDED, ScalingLaw, bootstrap_scaling_law,
                                compute_optimal, fit_envelope_frontier, fit_isoflop_parabolas, fit_scaling_law,
                                inference_optimal, isoflop_curve, tokens_per_parameter)

# the repository's sibling shared/ folder (this file is <repo>/tests/test_scaling.py)
REFERENCE = Path(__file__).resolve().parents[1].parent / "shared" / "reference" / "chinchilla"
CHINCHILLA_BUDGET = 6 * 70e9 * 1.4e12


def test_published_coefficients():
    assert HOFFMANN_2022.as_tuple() == (1.69, 406.4, 410.7, 0.34, 0.28)
    assert HOFFMANN_2022_UNROUNDED.E == pytest.approx(1.6934, abs=1e-4)
    assert HOFFMANN_2022_UNROUNDED.A == pytest.approx(406.40, abs=0.01)
    assert HOFFMANN_2022_UNROUNDED.B == pytest.approx(410.72, abs=0.01)
    assert EPOCH_2024.as_tuple() == (1.8172, 482.01, 2085.43, 0.3478, 0.3658)
    # Table 2's Approach-3 exponents follow from the unrounded law
    assert HOFFMANN_2022_UNROUNDED.a == pytest.approx(hoffmann2022.TABLE_2_EXPONENTS["3. Parametric modelling of the loss"][0], abs=0.005)


def test_compute_optimal_is_the_minimum_of_the_isoflop_curve():
    for law in scaling.COEFFICIENT_SETS.values():
        n_opt, d_opt = compute_optimal(1e22, law)
        assert 6 * n_opt * d_opt == pytest.approx(1e22)
        grid = n_opt * np.exp(np.linspace(-1, 1, 2001))
        assert grid[np.argmin(isoflop_curve(1e22, grid, law))] == pytest.approx(n_opt, rel=2e-3)


def test_compute_optimal_broadcasts_and_has_the_closed_form():
    C = np.array([1e20, 1e22, 1e24])
    n_opt, d_opt = compute_optimal(C, HOFFMANN_2022)
    assert n_opt.shape == (3,)
    law = HOFFMANN_2022
    G = (law.alpha * law.A / (law.beta * law.B)) ** (1 / (law.alpha + law.beta))
    np.testing.assert_allclose(n_opt, G * (C / 6) ** (law.beta / (law.alpha + law.beta)))
    np.testing.assert_allclose(d_opt, (C / 6) ** law.b / G)


def test_the_rounding_trap_tokens_per_parameter():
    # facts.md §1.2 (DERIVED): 92.8 rounded, 59.0 TeX values, 18.3 Epoch at 5.88e23 FLOPs
    assert tokens_per_parameter(CHINCHILLA_BUDGET, HOFFMANN_2022) == pytest.approx(92.8, abs=0.1)
    assert tokens_per_parameter(CHINCHILLA_BUDGET, HOFFMANN_2022_UNROUNDED) == pytest.approx(59.0, abs=0.1)
    assert tokens_per_parameter(CHINCHILLA_BUDGET, EPOCH_2024) == pytest.approx(18.3, abs=0.1)


@pytest.mark.parametrize("call, name", [
    (lambda: compute_optimal(-1.0), "C"), (lambda: compute_optimal(np.nan), "C"),
    (lambda: HOFFMANN_2022.loss(0, 1e9), "N"), (lambda: HOFFMANN_2022.loss(1e9, -5), "D"),
    (lambda: isoflop_curve(1e20, [1e9, -1e9]), "N"),
    (lambda: fit_scaling_law([1, 2, 3, 4, 5], [1, 2, 3, 4, 5], [1, 2, 3, 4]), "same length"),
    (lambda: fit_scaling_law([1, 2, 3, 4], [1, 2, 3, 4], [1, 2, 3, 4]), "at least 5"),
    (lambda: fit_scaling_law([1, 2, 3, 4, 5], [1, 2, 3, 4, 5], [1, 2, 0, 4, 5]), "loss"),
    (lambda: fit_scaling_law([1, 2, 3, 4, 5], [1, 2, 3, 4, 5], [2, 2, 3, 4, 5], delta=0), "delta"),
    (lambda: fit_scaling_law([1, 2, 3, 4, 5], [1, 2, 3, 4, 5], [2, 2, 3, 4, 5], fixed_E=3.0), "fixed_E"),
    (lambda: fit_isoflop_parabolas([1, 1, 1], [1, 2, 3], [3, 2, 3]), "2 distinct budgets"),
    (lambda: ScalingLaw(1.0, -1.0, 1.0, 0.3, 0.3), "A"),
    (lambda: inference_optimal(1.5, 1e12, HOFFMANN_2022), "target_loss"),
    (lambda: inference_optimal(2.0, -1.0, HOFFMANN_2022), "inference_tokens"),
])
def test_bad_input_raises_naming_the_argument(call, name):
    with pytest.raises(ValueError, match=name):
        call()


def _synthetic(law, seed=0, noise=0.003):
    rng = np.random.default_rng(seed)
    C = np.repeat([1e18, 3e18, 1e19, 3e19, 1e20, 3e20], 9)
    n_opt, _ = compute_optimal(C, law)
    N = n_opt * np.exp(np.tile(np.linspace(-1.5, 1.5, 9), 6))
    D = C / (6 * N)
    return C, N, D, law.loss(N, D) * np.exp(noise * rng.standard_normal(len(N)))


@pytest.mark.parametrize("law", [HOFFMANN_2022_UNROUNDED, EPOCH_2024])
def test_fit_recovers_known_coefficients_from_noisy_synthetic_data(law):
    _, N, D, loss = _synthetic(law)
    fit = fit_scaling_law(N, D, loss)
    assert fit.E == pytest.approx(law.E, rel=0.03)
    assert fit.alpha == pytest.approx(law.alpha, rel=0.1)
    assert fit.beta == pytest.approx(law.beta, rel=0.1)
    assert fit.a == pytest.approx(law.a, abs=0.02)


def test_fit_with_fixed_E_keeps_it():
    _, N, D, loss = _synthetic(EPOCH_2024)
    fit = fit_scaling_law(N, D, loss, fixed_E=EPOCH_2024.E)
    assert fit.E == EPOCH_2024.E and fit.a == pytest.approx(EPOCH_2024.a, abs=0.02)


def test_isoflop_parabolas_recover_the_exponent():
    C, N, D, loss = _synthetic(EPOCH_2024, noise=0.001)
    fit = fit_isoflop_parabolas(C, N, loss)
    assert fit.a == pytest.approx(EPOCH_2024.a, abs=0.03)
    assert fit.a + fit.b == pytest.approx(1.0, abs=1e-9)
    assert fit_isoflop_parabolas(C, N, loss, points=5).a == pytest.approx(EPOCH_2024.a, abs=0.03)


def test_envelope_frontier_finds_the_exponent_roughly():
    law = EPOCH_2024
    sizes = np.geomspace(1e7, 1e10, 13)
    N = np.repeat(sizes, 12)
    D = np.tile(np.geomspace(1e8, 1e12, 12), 13)
    fit = fit_envelope_frontier(N, 6 * N * D, law.loss(N, D), grid_points=60)
    assert fit.a == pytest.approx(law.a, abs=0.08)


def test_bootstrap_brackets_the_full_fit():
    _, N, D, loss = _synthetic(EPOCH_2024, noise=0.01)
    boot = bootstrap_scaling_law(N, D, loss, resamples=12, seed=1)
    low, high = boot.interval("a", level=0.8)
    assert low < high and len(boot.laws) == 12
    assert low - 0.05 < EPOCH_2024.a < high + 0.05


def test_inference_optimal_reproduces_sardanas_worked_example():
    law = ScalingLaw(*sardana2024.REPO_COEFFICIENTS)
    ex = sardana2024.WORKED_EXAMPLE
    chinchilla = inference_optimal(ex["loss"], 0.0, law)
    best = inference_optimal(ex["loss"], ex["inference_tokens"], law)
    assert best.n_params == pytest.approx(ex["params"], rel=1e-3)
    assert best.train_tokens == pytest.approx(ex["train_tokens"], rel=1e-3)
    assert best.n_params / chinchilla.n_params == pytest.approx(ex["share_of_params"], abs=2e-4)
    assert best.train_tokens / chinchilla.train_tokens == pytest.approx(ex["share_of_tokens"], abs=2e-4)
    cost_of_chinchilla = chinchilla.train_flops + 2 * chinchilla.n_params * ex["inference_tokens"]
    assert best.total_flops / cost_of_chinchilla == pytest.approx(ex["share_of_cost"], abs=2e-4)
    # with no inference demand the answer is the compute-optimal model of that loss
    n_opt, _ = compute_optimal(chinchilla.train_flops, law)
    assert chinchilla.n_params == pytest.approx(n_opt, rel=1e-4)


def _epoch_points():
    path = REFERENCE / "svg_extracted_data.csv"
    if not path.is_file():
        pytest.skip(f"Epoch's digitised Chinchilla data is not at {path} (the repository's sibling shared/ folder)")
    with path.open() as handle:
        rows = list(csv.DictReader(handle))
    N = np.array([float(r["Model Size"]) for r in rows])
    C = np.array([float(r["Training FLOP"]) for r in rows])
    loss = np.array([float(r["loss"]) for r in rows])
    assert len(rows) == besiroglu2024.POINTS_EXTRACTED
    keep = np.argsort(loss, kind="stable")[:besiroglu2024.POINTS_FITTED]  # drop the 5 highest losses
    return N[keep], C[keep] / (6 * N[keep]), loss[keep]


def test_fit_reproduces_epochs_replicate_exactly_values():
    N, D, loss = _epoch_points()
    fit = fit_scaling_law(N, D, loss)
    target = besiroglu2024.REPLICATE_EXACTLY
    for name in ("E", "alpha", "beta", "A", "B"):
        assert getattr(fit, name) == pytest.approx(target[name], rel=0.01), name


# --- the objective, robustness to outliers, and data that cannot determine the law ----------

def test_objective_gradient_matches_finite_differences():
    """The analytic gradient of the summed Huber objective (E free and E fixed) against scipy's check_grad."""
    from scipy.optimize import check_grad
    _, N, D, loss = _synthetic(EPOCH_2024, noise=0.02)
    data = (np.log(N), np.log(D), np.log(loss))
    rng = np.random.default_rng(0)
    for fixed_e, size in ((None, 5), (np.log(1.7), 4)):
        for _ in range(3):
            theta = np.concatenate([rng.uniform(4, 8, size - 2), rng.uniform(0.2, 0.5, 2)])
            if fixed_e is None:
                theta[2] = rng.uniform(0.3, 0.7)
            value = lambda t: scaling._objective(t, *data, 1e-3, fixed_e)[0]
            grad = lambda t: scaling._objective(t, *data, 1e-3, fixed_e)[1]
            error = check_grad(value, grad, theta, epsilon=1e-7)
            assert error < 1e-4 * max(1.0, np.linalg.norm(grad(theta)))


def test_huber_fit_ignores_an_outlier_that_drags_a_squared_fit():
    """One run 30% off: the Huber fit (delta 1e-3) still recovers the law; a squared loss (huge delta) does not."""
    _, N, D, loss = _synthetic(EPOCH_2024, noise=0.0)
    loss = loss.copy()
    loss[20] *= 1.3
    huber = fit_scaling_law(N, D, loss)
    squared = fit_scaling_law(N, D, loss, delta=10.0)
    assert huber.E == pytest.approx(EPOCH_2024.E, rel=0.01)
    assert huber.a == pytest.approx(EPOCH_2024.a, abs=0.005)
    assert abs(squared.E - EPOCH_2024.E) > 5 * abs(huber.E - EPOCH_2024.E)


@pytest.mark.parametrize("N, D, match", [
    ([1e8] * 6, [1e9, 2e9, 3e9, 4e9, 5e9, 6e9], "N holds a single value"),
    ([1e8, 2e8, 3e8, 4e8, 5e8, 6e8], [1e9] * 6, "D holds a single value"),
    ([1e8, 2e8, 3e8, 4e8, 1e8, 2e8], [1e9, 2e9, 3e9, 4e9, 1e9, 2e9], "only 4 distinct runs"),
])
def test_a_fit_refuses_runs_that_cannot_determine_the_law(N, D, match):
    loss = EPOCH_2024.loss(np.array(N, float), np.array(D, float))
    with pytest.raises(scaling.UndeterminedLawError, match=match):
        fit_scaling_law(N, D, loss)


def test_identical_points_are_refused():
    with pytest.raises(scaling.UndeterminedLawError, match="single value"):
        fit_scaling_law([1e8] * 6, [1e9] * 6, [2.5] * 6)


def test_a_fit_driving_alpha_onto_zero_is_refused_clearly():
    N = np.repeat([1e6, 3e6, 1e7, 3e7], 4)
    D = np.tile([1e8, 3e8, 1e9, 3e9], 4)
    loss = 2 + 0.01 * np.log(N) + 400 / D ** 0.3  # the loss rises with N: the best alpha is 0
    with pytest.raises(scaling.UndeterminedLawError, match="alpha onto 0"):
        fit_scaling_law(N, D, loss)


def test_a_bootstrap_counts_resamples_that_cannot_determine_the_law():
    """Issue 20.9: a resample whose fit drives alpha onto 0 no longer crashes the bootstrap."""
    rng = np.random.default_rng(1)
    N, D = np.repeat([1e8, 2e8, 4e8], 4), np.tile([1e9, 3e9, 1e10, 3e10], 3)
    law = EPOCH_2024
    loss = (law.E + 0.02 * (N / 1e8) ** -0.3 + law.B / D ** law.beta) * np.exp(0.004 * rng.standard_normal(12))
    with pytest.warns(RuntimeWarning, match="could not determine"):
        boot = bootstrap_scaling_law(N, D, loss, resamples=10, seed=0)
    assert boot.undetermined >= 1 and len(boot.laws) + boot.undetermined == 10
    assert all(x.alpha > 0 and x.beta > 0 for x in boot.laws)


def test_a_fit_with_no_degree_of_freedom_warns():
    """Five distinct runs for five coefficients: the fit interpolates them, so it says so."""
    rng = np.random.default_rng(0)
    N, D = np.array([1e8, 3e8, 1e9, 3e9, 1e10]), np.array([1e10, 3e9, 3e10, 1e11, 3e11])
    loss = EPOCH_2024.loss(N, D) * np.exp(0.02 * rng.standard_normal(5))
    with pytest.warns(scaling.WeakFitWarning, match="no degree of freedom"):
        fit_scaling_law(N, D, loss)
    with warnings.catch_warnings():  # one more run (or E held fixed) leaves a degree of freedom: no warning
        warnings.simplefilter("error", scaling.WeakFitWarning)
        fit_scaling_law(np.append(N, 3e10), np.append(D, 1e12), np.append(loss, EPOCH_2024.loss(3e10, 1e12)))
        fit_scaling_law(N, D, loss, fixed_E=1.0)


def test_a_fit_that_drives_E_onto_zero_warns():
    """A noisy fit may place E at 1e-8 (its bound 0): not a measured floor, and it says so."""
    rng = np.random.default_rng(0)
    rng.normal(0, 0.02, 5)  # skip the draws of the test above: this seed then gives E = 2e-8
    N, D = np.geomspace(1e8, 1e10, 8), np.geomspace(1e11, 1e9, 8)
    loss = EPOCH_2024.loss(N, D) * np.exp(rng.normal(0, 0.03, 8))
    with pytest.warns(scaling.WeakFitWarning, match="E onto its bound 0") as record:
        law = fit_scaling_law(N, D, loss)
    assert law.E < scaling.E_BOUND_FRACTION * loss.min()
    assert len(record) == 1
    with warnings.catch_warnings():  # data that do determine E: no warning
        warnings.simplefilter("error", scaling.WeakFitWarning)
        grid_N, grid_D = np.repeat(np.geomspace(1e8, 1e10, 4), 4), np.tile(np.geomspace(1e9, 1e12, 4), 4)
        assert fit_scaling_law(grid_N, grid_D, EPOCH_2024.loss(grid_N, grid_D)).E == pytest.approx(EPOCH_2024.E, rel=1e-3)


# --- the parabola vertex, the bootstrap interval, and the fits' other attributes ------------

def test_parabola_vertex_returns_the_minimum_and_its_loss():
    N = np.geomspace(1e3, 1e6, 7)
    loss = 0.05 * (np.log(N) - np.log(3e4)) ** 2 + 2.0
    vertex, lowest, (c2, c1, c0) = scaling.parabola_vertex(N, loss)
    assert vertex == pytest.approx(3e4, rel=1e-9)
    assert lowest == pytest.approx(2.0, abs=1e-12)
    assert c2 == pytest.approx(0.05)


def test_parabola_vertex_outside_the_sampled_sizes_warns():
    N = np.geomspace(1e3, 1e5, 5)
    loss = 0.05 * (np.log(N) - np.log(1e6)) ** 2 + 2.0  # still falling at the largest size
    with pytest.warns(RuntimeWarning, match="outside the sampled sizes"):
        scaling.parabola_vertex(N, loss)
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        scaling.parabola_vertex(N, 0.05 * (np.log(N) - np.log(1e4)) ** 2 + 2.0)
    with pytest.raises(ValueError, match="3 distinct"):
        scaling.parabola_vertex([1e3, 1e3, 1e4, 1e4], [2.1, 2.1, 2.0, 2.0])


def test_bootstrap_interval_follows_its_level():
    boot = scaling.BootstrapLaws([ScalingLaw(E=float(e), A=1.0, B=1.0, alpha=0.3, beta=0.3) for e in range(1, 102)])
    assert boot.interval("E", level=0.8) == pytest.approx((11.0, 91.0))
    assert boot.interval("E", level=0.5) == pytest.approx((26.0, 76.0))
    with pytest.raises(ValueError, match="level"):
        boot.interval("E", level=1.0)
    with pytest.raises(ValueError, match="name"):
        boot.values("gamma")


def test_isoflop_fit_reports_each_parabola_its_minimum_and_the_power_law():
    C, N, D, loss = _synthetic(EPOCH_2024, noise=0.0)
    fit = fit_isoflop_parabolas(C, N, loss)
    assert fit.parabolas.shape == (len(fit.budgets), 3)
    for budget, n_opt, low, (c2, c1, c0) in zip(fit.budgets, fit.n_opt, fit.loss_min, fit.parabolas):
        x = np.log(n_opt)
        assert low == pytest.approx(c2 * x ** 2 + c1 * x + c0, rel=1e-12)
        assert low == pytest.approx(isoflop_curve(budget, compute_optimal(budget, EPOCH_2024)[0], EPOCH_2024), rel=2e-3)
    np.testing.assert_allclose(fit.n_opt_at(fit.budgets), fit.n_opt, rtol=0.05)
    assert fit.n_opt_at(1e21) == pytest.approx(fit.n_prefactor * 1e21 ** fit.a)


def test_envelope_reports_the_lowest_loss_at_each_compute():
    law = EPOCH_2024
    sizes = np.geomspace(1e7, 1e10, 13)
    N, D = np.repeat(sizes, 12), np.tile(np.geomspace(1e8, 1e12, 12), 13)
    flops, loss = 6 * N * D, law.loss(N, D)
    fit = fit_envelope_frontier(N, flops, loss, grid_points=40)
    for c, n_best, low in zip(fit.flops, fit.n_best, fit.loss_best):
        rows = N == n_best
        order = np.argsort(flops[rows])
        assert low == pytest.approx(np.interp(np.log(c), np.log(flops[rows][order]), loss[rows][order]))
        for n in sizes:  # no other size, where its curve reaches this compute, is lower
            r = N == n
            f = np.log(flops[r])
            if f.min() <= np.log(c) <= f.max():
                assert np.interp(np.log(c), f, loss[r]) >= low - 1e-12


@pytest.mark.parametrize("call, error, name", [
    (lambda: compute_optimal("big"), TypeError, "C"),
    (lambda: fit_scaling_law([[1, 2, 3, 4, 5]], [1, 2, 3, 4, 5], [1, 2, 3, 4, 5]), ValueError, "N"),
    (lambda: scaling.fit_power_law([1, 2, np.inf], [1, 2, 3]), ValueError, "x"),
    (lambda: scaling.tokens_for_loss([1e9, 0], 2.0), ValueError, "N"),
])
def test_bad_arrays_are_refused_by_type_and_value(call, error, name):
    with pytest.raises(error, match=name):
        call()
