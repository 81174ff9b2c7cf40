"""Extra timings of lesson 03 (grokking), printed by :func:`report`.

* one full-batch training step of the live network (p = 97, 30 % of the table), in ms;
* the live run of notebook 03 §1 (``train(**LIVE_RUN)``) and its timeline (progress measures);
* the run of §6 that collapses (lr 1e-3, λ = 10, 600 steps), trained live in the notebook;
* one cell of the phase-diagram grid, and an estimate of the whole grid's rebuild;
* each demo's ``compute`` and a whole slider move (update + PNG) through the course's renderer,
  which redraws only the demo's ``data_artists`` when nothing else changed (target: median < 25 ms).

Usage: ``python bench/grokking.py`` (one BLAS thread, as ``make bench`` runs it).
"""
from __future__ import annotations

import statistics
import time

import numpy as np
from threadpoolctl import threadpool_limits

from course_lib.grokking import train
from course_lib.grokking.data import make_split
from course_lib.grokking.demos import PhaseDiagramDemo, TrainingStepDemo
from course_lib.grokking.model import GrokNet
from course_lib.grokking.phase import PHASE_BUDGET, load_phase_grid, run_phase_grid
from course_lib.grokking.timeline import LIVE_RUN, make_timeline

from course_lib.core.rendering import FigureRenderer


def _seconds(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def _step_ms(repeats: int = 30) -> float:
    rng = np.random.default_rng(0)
    split = make_split(97, 0.3, rng)
    net = GrokNet(97, rng)
    a, b, c = split.a[split.train], split.b[split.train], split.c[split.train]
    eye = np.eye(97, dtype=np.float32)
    oa, ob, grad = eye[a], eye[b], np.zeros_like(net.flat)
    times = [_seconds(lambda: net.loss_and_gradient(a, b, c, oa, ob, out=grad)) for _ in range(repeats)]
    return 1000 * statistics.median(times)


def _demo_times(demo, repeats: int = 3) -> tuple[float, float, str]:
    renderer = FigureRenderer(demo.fig, demo.data_artists)
    render = renderer.render
    render()
    computes, moves, paths = [], [], set()
    for _ in range(repeats):
        for name, spec in demo.controls.items():
            for value in spec.sweep():
                params = demo.resolve({name: value})
                computes.append(_seconds(lambda: demo.compute(**params)))
                moves.append(_seconds(lambda: (demo.update(**{name: value}), render())))
                paths.add(renderer.last_path)
    return 1000 * statistics.median(computes), 1000 * statistics.median(moves), "/".join(sorted(paths))


def report() -> list[str]:
    """Print lesson 03's extra timings; return the targets missed (none are judged here)."""
    with threadpool_limits(limits=1):
        print("\nLesson 03 (grokking) extra timings")
        print(f"  one training step, p = 97, 30 % train (median of 30): {_step_ms():.1f} ms")
        history = None

        def live():
            nonlocal history
            history = train(**LIVE_RUN, show_progress=False)

        print(f"  live run train(**LIVE_RUN), {LIVE_RUN['steps']} steps: {_seconds(live):.1f} s (target < 15 s)")
        print(f"  its timeline (progress measures at {len(history.steps)} checkpoints): "
              f"{_seconds(lambda: make_timeline(history)):.1f} s")
        slow = _seconds(lambda: train(p=97, train_fraction=0.3, weight_decay=10.0, learning_rate=1e-3, steps=600,
                                      seed=0, log_every=100, keep_snapshots=False, show_progress=False))
        print(f"  §6's run at lr 1e-3, λ = 10 (600 steps, weights shrinking towards 0): {slow:.1f} s")
        cell = _seconds(lambda: run_phase_grid(fractions=(0.3,), weight_decays=(1.0,), seeds=(0,),
                                               show_progress=False))
        grid = load_phase_grid()
        steps_run = np.where(grid.generalised_at >= 0, grid.generalised_at, PHASE_BUDGET).sum()
        print(f"  one grid cell (p = 53, fraction 0.3, λ = 1, seed 0): {cell:.1f} s; the shipped grid runs "
              f"{steps_run:,} steps in all")
        for demo in (TrainingStepDemo(), PhaseDiagramDemo()):
            compute, move, paths = _demo_times(demo)
            print(f"  {type(demo).__name__}: compute median {compute:.2f} ms, slider move (update + PNG, "
                  f"{paths}) median {move:.1f} ms (target < 25 ms)")
    return []


if __name__ == "__main__":
    report()
