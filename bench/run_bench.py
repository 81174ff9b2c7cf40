"""Time what a learner waits for, against the course's targets (``make bench``).

* every demo in ``course_lib.catalog.DEMOS``: ``compute`` alone (target: median < 30 ms) and
  ``update`` + PNG render, i.e. one slider move (target: median < 100 ms), over each control's
  ``sweep()`` values with the other controls at their defaults, several repeats;
* every entry in ``course_lib.catalog.LIVE_FAMILIES``: the training a notebook runs live
  (target < 10 s);
* every notebook in ``notebooks/``: execution top to bottom on a fresh kernel (target < 60 s).

It prints a table per part and PASS/MISS per target. It is a report, not a test: it exits 0
even when a target is missed, unless ``--strict`` is given.

Usage::

    python bench/run_bench.py [--repeats N] [--only demos,families,notebooks] [--strict]
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path
from typing import Callable

from course_lib import catalog
from course_lib.core.style import render_png

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

from execute_notebook import execute  # noqa: E402  (needs tools/ on the path)

#: target name -> limit in seconds
TARGETS = {"update median": 0.100, "compute median": 0.030, "live training": 10.0, "notebook run": 60.0}
PARTS = ("demos", "families", "notebooks")


def _timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def _verdict(seconds: float, target: str) -> str:
    return "PASS" if seconds < TARGETS[target] else "MISS"


def _ms(seconds: float) -> str:
    return f"{1000 * seconds:8.1f}"


def bench_demo(name: str, repeats: int) -> dict[str, list[float]]:
    """Times (s) of ``compute`` and of ``update`` + render over every control's sweep."""
    demo = catalog.make_demo(name)
    times: dict[str, list[float]] = {"compute": [], "update": []}
    for _ in range(repeats):
        for control, spec in demo.controls.items():
            for value in spec.sweep():
                params = demo.resolve({control: value})
                times["compute"].append(_timed(lambda: demo.compute(**params)))
                times["update"].append(_timed(lambda: (demo.update(**{control: value}), render_png(demo.fig))))
    return times


def report_demos(repeats: int) -> list[str]:
    """Print the demo table; return the missed targets."""
    names = sorted(catalog.DEMOS)
    print(f"\nDemos ({len(names)} registered; {repeats} repeats over each control's sweep; ms)")
    if not names:
        print("  none registered in course_lib.catalog.DEMOS")
        return []
    width = max(len(n) for n in names + ["demo"]) + 2
    print(f"  {'demo':<{width}}{'compute med':>12}{'max':>9}{'update+png med':>16}{'max':>9}  verdict")
    missed = []
    for name in names:
        t = bench_demo(name, repeats)
        c_med, u_med = statistics.median(t["compute"]), statistics.median(t["update"])
        verdicts = [_verdict(c_med, "compute median"), _verdict(u_med, "update median")]
        print(f"  {name:<{width}}{_ms(c_med):>12}{_ms(max(t['compute'])):>9}{_ms(u_med):>16}"
              f"{_ms(max(t['update'])):>9}  compute {verdicts[0]}, update {verdicts[1]}")
        missed += [f"demo {name}: {what}" for what, v in zip(("compute", "update"), verdicts) if v == "MISS"]
    return missed


def report_families() -> list[str]:
    """Print the live-training table; return the missed targets."""
    names = sorted(catalog.LIVE_FAMILIES)
    print(f"\nLive training ({len(names)} registered; s)")
    if not names:
        print("  none registered in course_lib.catalog.LIVE_FAMILIES")
        return []
    missed = []
    width = max(len(n) for n in names) + 2
    for name in names:
        seconds = _timed(lambda: catalog.train_live_family(name))
        verdict = _verdict(seconds, "live training")
        print(f"  {name:<{width}}{seconds:8.2f}  {verdict}")
        if verdict == "MISS":
            missed.append(f"live family {name}")
    return missed


def report_notebooks() -> list[str]:
    """Print the notebook table; return the missed targets."""
    paths = sorted((ROOT / "notebooks").glob("*.ipynb"))
    print(f"\nNotebooks ({len(paths)}; fresh kernel, top to bottom; s)")
    if not paths:
        print("  none in notebooks/")
        return []
    missed = []
    width = max(len(p.name) for p in paths) + 2
    for path in paths:
        seconds = _timed(lambda: execute(path, timeout=TARGETS["notebook run"] * 2))
        verdict = _verdict(seconds, "notebook run")
        print(f"  {path.name:<{width}}{seconds:8.2f}  {verdict}")
        if verdict == "MISS":
            missed.append(f"notebook {path.name}")
    return missed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Time demos, live training and notebooks against targets.")
    parser.add_argument("--repeats", type=int, default=3, help="repeats of each demo sweep (default 3)")
    parser.add_argument("--only", default=",".join(PARTS), help=f"comma-separated subset of {','.join(PARTS)}")
    parser.add_argument("--strict", action="store_true", help="exit 1 if any target is missed")
    args = parser.parse_args(argv)
    parts = [p.strip() for p in args.only.split(",") if p.strip()]
    unknown = set(parts) - set(PARTS)
    if unknown or args.repeats < 1:
        parser.error(f"--only takes {','.join(PARTS)} (got {sorted(unknown)}); --repeats must be >= 1")
    print("Targets: " + ", ".join(f"{k} < {v * 1000:.0f} ms" if v < 1 else f"{k} < {v:.0f} s"
                                  for k, v in TARGETS.items()))
    missed = []
    if "demos" in parts:
        missed += report_demos(args.repeats)
    if "families" in parts:
        missed += report_families()
    if "notebooks" in parts:
        missed += report_notebooks()
    print(f"\n{'MISS: ' + '; '.join(missed) if missed else 'PASS: every target met'}")
    return 1 if missed and args.strict else 0


if __name__ == "__main__":
    sys.exit(main())
