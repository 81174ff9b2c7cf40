"""Extra timings of lesson 07 (memorisation), printed by :func:`report`.

* retraining the n-gram model when its order changes: ``NgramLM(n).fit`` on the raw corpus
  (about 630,000 tokens) for n = 3 to 6 (target < 0.5 s each);
* one temperature or sample-count update of the live experiment for one model: 200 prompts ×
  50 tokens sampled, then the 20-token verbatim check (target: median < 100 ms);
* the exact regurgitation probabilities of all 60 canaries for one model;
* the demo through the course's renderer: a move to a temperature not seen before (0 to 1.5; both corpora
  sampled, uncached: the real cost of a temperature move), a first move to another order, a move
  back to a temperature already drawn, and a sample-count move (target: median < 100 ms for each);
* wall and CPU time side by side: on a shared machine the wall time of a move includes waiting
  for a core.

Usage: ``python bench/memorisation.py [repeats]`` (one BLAS thread, as ``make bench`` runs it).
A report, never a test.
"""
from __future__ import annotations

import statistics
import sys
import time

from threadpoolctl import threadpool_limits

from course_lib.core.rendering import FigureRenderer
from course_lib.memorisation import data, experiment
from course_lib.memorisation.demos import MemorisationDemo
from course_lib.ngram import NgramLM


def _timed(fn) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - wall, time.process_time() - cpu


def _medians(times: list[tuple[float, float]]) -> tuple[float, float]:
    return statistics.median(t[0] for t in times), statistics.median(t[1] for t in times)


def _line(label: str, times, target: float, missed: list[str]) -> None:
    wall, cpu = _medians(times)
    verdict = "PASS" if wall < target else "MISS"
    print(f"  {label:<58} wall {wall * 1000:7.1f} ms  cpu {cpu * 1000:7.1f} ms  "
          f"[target < {target * 1000:.0f} ms: {verdict}]")
    if verdict == "MISS":
        missed.append(f"memorisation: {label} {wall * 1000:.0f} ms >= {target * 1000:.0f} ms")


def report(repeats: int = 5) -> list[str]:
    """Print lesson 07's measurements; return the targets missed."""
    missed: list[str] = []
    with threadpool_limits(1):
        corpus, vocab, raw, dedup, canaries = data.lesson_data()
        print(f"corpus: {raw.n_tokens:,} raw tokens, {dedup.n_tokens:,} after deduplication, vocabulary {len(vocab)}")
        for order in (3, 4, 5, 6):
            _line(f"fit NgramLM(order={order}) on the raw corpus",
                  [_timed(lambda: NgramLM(order, len(vocab)).fit(raw.tokens, raw.starts)) for _ in range(repeats)],
                  0.5, missed)
        family = experiment.default_family()
        model, index = family.models["raw", 5], family.indexes["raw", experiment.SPAN]
        temps = [0.55 + 0.1 * i for i in range(repeats)]
        _line("5-gram: 200 prompts x 50 tokens sampled + verbatim check",
              [_timed(lambda: index.has_copy(model.sample(family.prompts, 50, t, seed=1))) for t in temps], 0.1, missed)
        _line("5-gram: exact probabilities of the 60 canaries",
              [_timed(lambda: model.log_prob(family.canaries, experiment.PREFIX, 0.8)) for _ in range(repeats)],
              0.1, missed)

        demo = MemorisationDemo(family)
        renderer = FigureRenderer(demo.fig, demo.data_artists)
        demo.update()
        renderer.render()

        def move(**params):
            demo.update(**params)
            renderer.render()

        new_t = [_timed(lambda: move(temperature=round(0.1 * i, 1), n_samples=200))
                 for i in range(16) if i != 10]  # first visit of every slider temperature, 0 (greedy) to 1.5
        _line("demo: a move to a new temperature (both corpora sampled)", new_t, 0.1, missed)
        first_orders = [_timed(lambda: move(order=n, temperature=1.2)) for n in family.orders if n != 5]
        _line("demo: a move to another order (first visit, T = 1.2)", first_orders, 0.1, missed)
        _line("demo: a move back to a temperature already drawn",
              [_timed(lambda: move(temperature=1.0)) for _ in range(repeats)], 0.1, missed)
        _line("demo: a sample-count move",
              [_timed(lambda: move(n_samples=20 * (1 + i % 10))) for i in range(repeats)], 0.1, missed)
        print(f"  (renderer path of the last move: {renderer.last_path})")
    return missed


if __name__ == "__main__":
    missed = report(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
    print("missed:", missed or "none")
