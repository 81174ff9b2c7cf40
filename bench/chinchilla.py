"""Extra timings of lesson 05 (``report()``): the scaling-law fit, its start strategy, and the grids.

* ``fit_scaling_law`` on Epoch AI's 240 digitised Chinchilla points (target < 5 s), read from the
  repository's sibling ``shared/reference/chinchilla/`` (skipped where it is absent);
* the same fit with L-BFGS run from every one of Hoffmann et al.'s 4,500 grid starts (the naive
  strategy, about 40 s; only with ``all_starts=True``), to show both reach the same optimum;
* the 200-resample bootstraps that notebook 05 §6 and §9 read precomputed (``cache/bootstrap.npz``):
  on the live grid's 12 runs and on the cached 32-run grid (the notebook states "10 to 50 s");
* one slider move of each lesson-05 demo (compute alone and update + PNG, medians);
* the live grid (notebook 05 §6) and, with ``full_grid=True``, the full cached grid (target < 10 min).

Usage: ``python bench/chinchilla.py [--all-starts] [--full-grid]``. A report, never a test.
"""
from __future__ import annotations

import csv
import statistics
import sys
import time
from pathlib import Path

import numpy as np
from threadpoolctl import threadpool_limits

from course_lib import scaling
from course_lib.chinchilla.bootstrap import RESAMPLES, run_bootstrap
from course_lib.chinchilla.demos import InferenceDemo, IsoFLOPDemo, ToyGridDemo
from course_lib.chinchilla.grid import MAIN_BUDGETS, full_grid, live_grid, load_grid
from course_lib.core.style import render_png

REFERENCE = Path(__file__).resolve().parents[1].parent / "shared" / "reference" / "chinchilla" / "svg_extracted_data.csv"


def _timed(fn):
    start = time.perf_counter()
    out = fn()
    return time.perf_counter() - start, out


def _epoch_points():
    with REFERENCE.open() as handle:
        rows = list(csv.DictReader(handle))
    N = np.array([float(r["Model Size"]) for r in rows])
    C = np.array([float(r["Training FLOP"]) for r in rows])
    loss = np.array([float(r["loss"]) for r in rows])
    keep = np.argsort(loss, kind="stable")[:240]
    return N[keep], C[keep] / (6 * N[keep]), loss[keep]


def _demo_lines() -> list[str]:
    lines = []
    for demo in (IsoFLOPDemo(), ToyGridDemo(), InferenceDemo()):
        demo.update()
        render_png(demo.fig)
        computes, updates = [], []
        for name, spec in demo.controls.items():
            for value in spec.sweep():
                params = demo.resolve({name: value})
                computes.append(_timed(lambda: demo.compute(**params))[0])
                updates.append(_timed(lambda: (demo.update(**params), render_png(demo.fig)))[0])
        lines.append(f"{type(demo).__name__:14s} compute median {1e3 * statistics.median(computes):6.2f} ms, "
                     f"update + PNG median {1e3 * statistics.median(updates):6.1f} ms ({len(updates)} moves)")
    return lines


def report(all_starts: bool = False, with_full_grid: bool = False) -> list[str]:
    """Print lesson 05's measurements (see the module docstring); return the targets missed."""
    missed = []
    for line in measurements(all_starts, with_full_grid):
        print("  " + line, flush=True)
        if "target < 5 s" in line and float(line.split(": ")[1].split(" s")[0]) >= 5:
            missed.append("lesson 05: fit_scaling_law on 240 points")
    return missed


def measurements(all_starts: bool = False, with_full_grid: bool = False) -> list[str]:
    """Lines of the report (see the module docstring)."""
    lines = []
    with threadpool_limits(limits=1):
        if REFERENCE.is_file():
            N, D, loss = _epoch_points()
            seconds, law = _timed(lambda: scaling.fit_scaling_law(N, D, loss))
            lines.append(f"fit_scaling_law, 240 points, best 30 of 4,500 grid starts refined: {seconds:.2f} s "
                         f"(target < 5 s): {law}")
            if all_starts:
                seconds, every = _timed(lambda: scaling.fit_scaling_law(N, D, loss, starts=4500))
                same = np.allclose(law.as_tuple(), every.as_tuple(), rtol=1e-4)
                lines.append(f"  every start refined: {seconds:.1f} s: {every} (same optimum: {same})")
        else:
            lines.append(f"fit_scaling_law on Epoch's points: skipped, {REFERENCE} is absent")
        main = load_grid().subset(MAIN_BUDGETS)
        seconds, _ = _timed(lambda: run_bootstrap(main, "full"))
        lines.append(f"bootstrap, {RESAMPLES} resamples of 32 runs (notebook §9, shipped precomputed): {seconds:.1f} s")
        live = load_grid("live_grid")
        seconds, _ = _timed(lambda: run_bootstrap(live, "live"))
        lines.append(f"bootstrap, {RESAMPLES} resamples of the live grid's 12 runs (notebook §6, shipped precomputed): "
                     f"{seconds:.1f} s")
        lines += _demo_lines()
        seconds, grid = _timed(live_grid)
        lines.append(f"live grid, {len(grid)} runs (notebook §6): {seconds:.1f} s")
        if with_full_grid:
            seconds, grid = _timed(lambda: full_grid(show_progress=False))
            lines.append(f"full grid, {len(grid)} runs (the cache): {seconds:.0f} s (target < 600 s)")
    return lines


if __name__ == "__main__":
    report(all_starts="--all-starts" in sys.argv, with_full_grid="--full-grid" in sys.argv)
