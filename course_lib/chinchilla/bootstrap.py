"""Bootstrap intervals of the toy grids' fitted law, computed once and shipped with the course.

Two hundred refits of a five-coefficient law take 10 to 50 s on one core (8-13 s of CPU;
more wall time on a busy machine), too long for a notebook cell, so :func:`build_bootstrap_cache` runs them with
:func:`course_lib.scaling.bootstrap_scaling_law` and writes every refit's coefficients, with the
runs they were drawn from, to ``cache/bootstrap.npz``. :func:`load_bootstrap` returns them only
for the very runs they were computed from; for any other runs it refits (and says so), so a
cached interval can never be attached to a grid it did not come from.

Schemes (:data:`SCHEMES`):

- ``"live"``: the live grid's 12 runs (seed 0), ordinary bootstrap (resamples drawn with
  replacement), at bootstrap seeds :data:`LIVE_BOOTSTRAP_SEEDS`, to show how much of an
  interval is the resampling itself;
- ``"full"``: the full grid's 32 analysed runs, ordinary bootstrap;
- ``"full_80"``: the same 32 runs, Hoffmann et al.'s scheme (80 % of the runs, without replacement).
"""
from __future__ import annotations

from pathlib import Path

import numpy as np

from course_lib.chinchilla.grid import MAIN_BUDGETS, IsoFLOPGrid, load_grid
from course_lib.core.messages import message
from course_lib.core.cache import REBUILD, packaged_file, read_family, source_file, write_families
from course_lib.core.validation import check_choice, check_count
from course_lib.scaling import BootstrapLaws, ScalingLaw, bootstrap_scaling_law

__all__ = ["RESAMPLES", "LIVE_BOOTSTRAP_SEEDS", "SCHEMES", "run_bootstrap", "load_bootstrap",
           "build_bootstrap_cache"]

#: resamples per bootstrap (Hoffmann et al. used 100 for Table 2; 20 left the intervals mostly resampling noise)
RESAMPLES = 200
#: the live grid's bootstrap is run at these seeds (of the resampling, not of the training)
LIVE_BOOTSTRAP_SEEDS = (0, 1, 2)
#: scheme -> (fraction of the runs per resample, drawn with replacement)
SCHEMES = {"live": (1.0, True), "full": (1.0, True), "full_80": (0.8, False)}
CACHE_FILE = "bootstrap.npz"
COEFFICIENTS = ("E", "A", "B", "alpha", "beta")
RUNS = ("n_params", "tokens", "loss")


def _family(scheme: str, seed: int) -> str:
    return f"{scheme}_seed{seed}"


def run_bootstrap(grid: IsoFLOPGrid, scheme: str = "full", seed: int = 0, resamples: int = RESAMPLES) -> BootstrapLaws:
    """Refit the law to ``resamples`` resamples of ``grid``'s runs under ``scheme`` (slow: seconds per 20 refits)."""
    if not isinstance(grid, IsoFLOPGrid):
        raise TypeError(f"grid must be an IsoFLOPGrid, got {type(grid).__name__}")
    scheme = check_choice("scheme", scheme, tuple(SCHEMES))
    seed = check_count("seed", seed, minimum=0)
    resamples = check_count("resamples", resamples)
    fraction, replace = SCHEMES[scheme]
    return bootstrap_scaling_law(grid.n_params, grid.tokens, grid.loss, resamples=resamples, fraction=fraction,
                                 replace=replace, seed=seed)


def _same_runs(grid: IsoFLOPGrid, fields: dict[str, np.ndarray]) -> bool:
    return (len(grid) == len(fields["loss"]) and np.array_equal(grid.n_params, fields["n_params"])
            and np.array_equal(grid.tokens, fields["tokens"]) and np.allclose(grid.loss, fields["loss"], rtol=1e-9, atol=0))


def load_bootstrap(grid: IsoFLOPGrid, scheme: str = "full", seed: int = 0) -> BootstrapLaws:
    """The cached bootstrap of ``grid``'s runs under ``scheme`` and ``seed``. Used in notebook 05 §6, §9.

    The cache holds the runs each bootstrap was drawn from; if ``grid`` holds other runs (another
    seed, another machine's last digits) the bootstrap is recomputed with :func:`run_bootstrap`
    (:data:`RESAMPLES` refits, 10 to 50 s on one core) and a line says so.
    """
    if not isinstance(grid, IsoFLOPGrid):
        raise TypeError(f"grid must be an IsoFLOPGrid, got {type(grid).__name__}")
    scheme = check_choice("scheme", scheme, tuple(SCHEMES))
    seed = check_count("seed", seed, minimum=0)
    try:
        fields, settings = read_family(packaged_file(__package__, CACHE_FILE), _family(scheme, seed))
    except FileNotFoundError as err:
        raise FileNotFoundError(f"the bootstrap cache {CACHE_FILE} is missing; rebuild it with {REBUILD}") from err
    except ValueError:  # a family this cache does not hold (another seed)
        fields = None
    if fields is None or not _same_runs(grid, fields):
        print(message("chinchilla.bootstrap.refitting", resamples=RESAMPLES))
        return run_bootstrap(grid, scheme, seed)
    laws = [ScalingLaw(*(float(fields[name][i]) for name in COEFFICIENTS)) for i in range(len(fields["E"]))]
    return BootstrapLaws(laws, int(fields["undetermined"]))


def _arrays(grid: IsoFLOPGrid, boot: BootstrapLaws) -> dict[str, np.ndarray]:
    arrays = {name: boot.values(name) for name in COEFFICIENTS}
    arrays.update({name: getattr(grid, name) for name in RUNS})
    arrays["undetermined"] = np.array(boot.undetermined, dtype=np.int64)
    return arrays


def build_bootstrap_cache(live: IsoFLOPGrid | None = None, full: IsoFLOPGrid | None = None) -> Path:
    """Run every scheme and write ``cache/bootstrap.npz`` (1,000 refits, one to three minutes on one core).

    ``live`` and ``full`` default to the cached live grid (seed 0) and the full grid's analysed budgets.
    """
    live = load_grid("live_grid") if live is None else live
    full = load_grid().subset(MAIN_BUDGETS) if full is None else full
    families = {}
    for seed in LIVE_BOOTSTRAP_SEEDS:
        families[_family("live", seed)] = _arrays(live, run_bootstrap(live, "live", seed))
    for scheme in ("full", "full_80"):
        families[_family(scheme, 0)] = _arrays(full, run_bootstrap(full, scheme, 0))
    settings = {"resamples": RESAMPLES, "schemes": {k: list(v) for k, v in SCHEMES.items()},
                "live_bootstrap_seeds": list(LIVE_BOOTSTRAP_SEEDS)}
    return write_families(source_file(__package__, CACHE_FILE), families, settings)
