"""course_lib.scaling: the published laws, the frontier, and the three fitting approaches."""
from __future__ import annotations

import csv
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
