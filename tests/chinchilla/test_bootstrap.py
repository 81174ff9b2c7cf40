"""course_lib.chinchilla.bootstrap: cached refits are returned only for the runs they were drawn from."""
from __future__ import annotations

import numpy as np
import pytest

from course_lib.chinchilla import bootstrap
from course_lib.chinchilla.grid import MAIN_BUDGETS, IsoFLOPGrid, load_grid
from course_lib.scaling import BootstrapLaws


def _with_losses(grid: IsoFLOPGrid, loss: np.ndarray) -> IsoFLOPGrid:
    return IsoFLOPGrid(grid.budget, grid.width, grid.n_params, grid.tokens, grid.batch, grid.steps, loss,
                       entropy=grid.entropy, settings=dict(grid.settings))


def test_cached_refits_are_returned_for_the_cached_runs(monkeypatch):
    monkeypatch.setattr(bootstrap, "run_bootstrap", lambda *args, **kwargs: pytest.fail("refitted cached runs"))
    boot = bootstrap.load_bootstrap(load_grid().subset(MAIN_BUDGETS), "full")
    assert isinstance(boot, BootstrapLaws) and len(boot.laws) == bootstrap.RESAMPLES and boot.undetermined == 0


def test_other_runs_are_refitted_not_given_the_cached_interval(monkeypatch, capsys):
    calls = []
    monkeypatch.setattr(bootstrap, "run_bootstrap", lambda grid, scheme, seed: calls.append((grid, scheme, seed)) or "refit")
    live = load_grid("live_grid")
    moved = _with_losses(live, live.loss + 1e-4)  # another machine's last digits
    assert bootstrap.load_bootstrap(moved, "live", seed=1) == "refit"
    assert calls == [(moved, "live", 1)] and "differ from the cached ones" in capsys.readouterr().out
    assert bootstrap.load_bootstrap(live, "live", seed=7) == "refit"  # a seed the cache does not hold
    assert bootstrap.load_bootstrap(live, "full") == "refit"  # the full grid's refits are not the live grid's


@pytest.mark.parametrize("call, error, name", [
    (lambda: bootstrap.load_bootstrap("grid"), TypeError, "grid"),
    (lambda: bootstrap.load_bootstrap(load_grid("live_grid"), "half"), ValueError, "scheme"),
    (lambda: bootstrap.load_bootstrap(load_grid("live_grid"), "live", seed=-1), ValueError, "seed"),
    (lambda: bootstrap.run_bootstrap(load_grid("live_grid"), "live", resamples=0), ValueError, "resamples"),
])
def test_bad_input_is_refused_naming_the_argument(call, error, name):
    with pytest.raises(error, match=name):
        call()
