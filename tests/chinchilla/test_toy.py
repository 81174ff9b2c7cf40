"""The synthetic language, the tiny model and the grid runner of lesson 05."""
from __future__ import annotations

import numpy as np
import pytest

from course_lib.chinchilla.analysis import count_model_loss, window_rows
from course_lib.chinchilla.grid import MIN_STEPS, load_grid, run_grid
from course_lib.chinchilla.language import MarkovLanguage
from course_lib.chinchilla.model import TinyLM, batch_size, n_params, train_model


@pytest.fixture(scope="module")
def language():
    return MarkovLanguage()


def test_language_is_seeded_and_its_entropy_is_the_floor(language):
    again = MarkovLanguage()
    np.testing.assert_array_equal(language.next_symbols, again.next_symbols)
    assert language.stationary.sum() == pytest.approx(1.0)
    # the true distribution scores exactly H; any other scores more
    true = np.full((64 ** 2, 64), 1e-300)
    np.put_along_axis(true, language.next_symbols, language.next_probs, axis=1)
    assert language.population_loss(np.log(true)) == pytest.approx(language.entropy_rate)
    assert language.population_loss(np.full((64 ** 2, 64), -np.log(64))) > language.entropy_rate
    assert language.entropy_rate < language.unigram_entropy() < np.log(64)


def test_samples_follow_the_chain(language):
    context, target = language.sample(200_000, seed=3)
    assert context.shape == target.shape == (200_000,)
    # a Monte-Carlo estimate of the entropy rate agrees with the exact one
    true = np.zeros((64 ** 2, 64))
    np.put_along_axis(true, language.next_symbols, language.next_probs, axis=1)
    assert -np.mean(np.log(true[context, target])) == pytest.approx(language.entropy_rate, abs=0.02)


def test_parameter_count():
    assert n_params(128) == 2 * 32 * 128 + 128 + 128 * 64 + 64
    model = TinyLM(128)
    assert model.flat.size == n_params(128) + 64 * 32  # plus the embedding table


def test_gradient_matches_finite_differences(language):
    model = TinyLM(16, seed=1)
    model.flat[:] = model.flat.astype(np.float64).astype(np.float32)
    context, target = language.sample(64, seed=2)
    model.loss_and_grad(context, target)
    grad = model.grad.copy()
    rng = np.random.default_rng(0)
    for i in rng.choice(model.flat.size, 12, replace=False):
        old = model.flat[i]
        model.flat[i] = old + 1e-2
        up = model.loss_and_grad(context, target)
        model.flat[i] = old - 1e-2
        down = model.loss_and_grad(context, target)
        model.flat[i] = old
        assert (up - down) / 2e-2 == pytest.approx(grad[i], abs=2e-3)


def test_training_learns_and_is_deterministic(language):
    first = train_model(32, 40_000, language, seed=0)
    second = train_model(32, 40_000, language, seed=0)
    assert first.loss == second.loss
    assert language.entropy_rate < first.loss < language.unigram_entropy()
    assert first.flops == 6 * first.n_params * first.tokens
    assert batch_size(1e6) == 128 and batch_size(1e9) == 1024


def test_grid_skips_short_runs_and_validates(language):
    grid = run_grid({1e8: (16, 1024)}, language=language, show_progress=False)
    assert list(grid.width) == [16] and grid.steps.min() >= MIN_STEPS
    with pytest.raises(ValueError, match="widths_by_budget"):
        run_grid({}, language=language)
    with pytest.raises(ValueError, match="MIN_STEPS"):
        run_grid({1e8: (1024,)}, language=language)
    with pytest.raises(ValueError, match="budget"):
        grid.curve(3.0)


def test_cached_grid_and_windows():
    grid = load_grid()
    assert len(grid) == 39 and set(grid.budgets) == {1e10, 3e10, 1e11, 3e11, 1e12}
    assert np.all(grid.loss > grid.entropy)
    np.testing.assert_allclose(grid.flops / grid.budget, 1, atol=0.02)
    near = window_rows(grid.subset([1e10, 3e10]), 4)
    assert 0 < near.sum() < 16
    with pytest.raises(ValueError, match="name"):
        load_grid("nope")


def test_count_table_validates(language):
    with pytest.raises(ValueError, match="smoothing"):
        count_model_loss(language, 1000, smoothing=0)
    assert count_model_loss(language, 1_000_000) < count_model_loss(language, 10_000)


def test_counting_all_parameters_adds_the_embedding_table_and_goes_back():
    from course_lib.chinchilla.model import embedding_params
    grid = load_grid("live_grid")
    every = grid.counting("all")
    assert every.parameters == "all" and grid.parameters == "non-embedding"
    np.testing.assert_array_equal(every.n_params - grid.n_params, [embedding_params(int(w)) for w in grid.width])
    np.testing.assert_array_equal(every.tokens, grid.tokens)
    np.testing.assert_array_equal(every.counting("non-embedding").n_params, grid.n_params)
    assert grid.counting("non-embedding") is grid
    with pytest.raises(ValueError, match="parameters"):
        grid.counting("embedding")


def test_live_seeds_are_cached_and_differ():
    from course_lib.chinchilla.grid import LIVE_SEEDS, load_live_seeds
    seeds = load_live_seeds()
    assert tuple(seeds) == LIVE_SEEDS
    assert not np.array_equal(seeds[0].loss, seeds[1].loss)
    np.testing.assert_array_equal(seeds[0].tokens, seeds[2].tokens)


def test_seed_table_and_analyse_grid_validate():
    from course_lib.chinchilla.analysis import analyse_grid, seed_table
    with pytest.raises(ValueError, match="grids"):
        seed_table({})
    with pytest.raises(TypeError, match="grid"):
        analyse_grid("grid")
    with pytest.raises(ValueError, match="parameters"):
        analyse_grid(load_grid("live_grid"), parameters="some")
