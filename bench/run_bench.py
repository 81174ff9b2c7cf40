"""Time what a learner waits for, against the course's targets (``make bench``).

* every demo in ``course_lib.catalog.DEMOS``, through the same renderer the panels use
  (:class:`course_lib.core.rendering.FigureRenderer`), over each control's ``sweep()`` values
  with the other controls at their defaults, several repeats: ``compute`` alone (target: median
  < 10 ms), a data-only slider move (compute, blitted redraw, PNG; target: median < 25 ms) and a
  move that redraws the whole figure (target: median < 100 ms), medians and maxima;
* every entry in ``course_lib.catalog.LIVE_FAMILIES``: the training a notebook runs live
  (target < 10 s);
* every notebook in ``notebooks/``: execution top to bottom on a fresh kernel (target < 60 s);
* with Chromium installed, every panel of every lesson in JupyterLab: key press to new image
  (target: median < 80 ms, max < 150 ms), from the browser suite's harness;
* each lesson's own extra measurements: ``bench/<lesson>.py`` files with a ``report()``.

It prints a table per part and PASS/MISS per target. It is a report, not a test: it exits 0
even when a target is missed, unless ``--strict`` is given. The machine is shared and noisy:
read medians, and compare numbers from one run.

Usage::

    python bench/run_bench.py [--repeats N] [--only demos,families,notebooks,browser,lessons] [--strict]
"""
from __future__ import annotations

import argparse
import importlib.util
import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Callable

from course_lib import catalog
from course_lib.core.rendering import FigureRenderer

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

from execute_notebook import execute  # noqa: E402  (needs tools/ on the path)

#: target name -> limit in seconds
TARGETS = {"compute median": 0.010, "data-only move median": 0.025, "full redraw median": 0.100,
           "live training": 10.0, "notebook run": 60.0, "browser median": 0.080, "browser max": 0.150}
PARTS = ("demos", "families", "notebooks", "browser", "lessons")


def _timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def _verdict(seconds: float, target: str) -> str:
    return "PASS" if seconds < TARGETS[target] else "MISS"


def _ms(seconds: float) -> str:
    return f"{1000 * seconds:8.1f}"


def bench_demo(name: str, repeats: int) -> dict[str, list[float]]:
    """Times (s) of ``compute``, and of whole moves by the path the renderer took ("blit", "full")."""
    demo = catalog.make_demo(name)
    renderer = FigureRenderer(demo.fig, demo.data_artists)
    demo.update()
    renderer.render()
    times: dict[str, list[float]] = {"compute": [], "blit": [], "full": []}
    for _ in range(repeats):
        for control, spec in demo.controls.items():
            for value in spec.sweep() + [spec.value]:
                params = demo.resolve({control: value})
                times["compute"].append(_timed(lambda: demo.compute(**params)))
                seconds = _timed(lambda: (demo.update(**{control: value}), renderer.render()))
                times[renderer.last_path].append(seconds)
    return times


def _stats(values: list[float]) -> tuple[str, str]:
    if not values:
        return f"{'-':>8}", f"{'-':>8}"
    return _ms(statistics.median(values)), _ms(max(values))


def report_demos(repeats: int) -> list[str]:
    """Print the demo table; return the missed targets."""
    names = sorted(catalog.DEMOS)
    print(f"\nDemos ({len(names)} registered; {repeats} repeats over each control's sweep; ms; "
          "n = moves that took that path)")
    if not names:
        print("  none registered in course_lib.catalog.DEMOS")
        return []
    width = max(len(n) for n in names + ["demo"]) + 2
    print(f"  {'demo':<{width}}{'compute med':>12}{'data-only med':>14}{'max':>8}{'n':>5}"
          f"{'full med':>10}{'max':>8}{'n':>5}  verdict")
    missed = []
    for name in names:
        t = bench_demo(name, repeats)
        checks = [("compute", "compute median", t["compute"]), ("data-only move", "data-only move median", t["blit"]),
                  ("full redraw", "full redraw median", t["full"])]
        verdicts = [(what, _verdict(statistics.median(v), target) if v else "n/a") for what, target, v in checks]
        blit_med, blit_max = _stats(t["blit"])
        full_med, full_max = _stats(t["full"])
        print(f"  {name:<{width}}{_ms(statistics.median(t['compute'])):>12}{blit_med:>14}{blit_max:>8}"
              f"{len(t['blit']):>5}{full_med:>10}{full_max:>8}{len(t['full']):>5}  "
              + ", ".join(f"{what} {v}" for what, v in verdicts))
        missed += [f"demo {name}: {what}" for what, v in verdicts if v == "MISS"]
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


def report_browser() -> list[str]:
    """Key press to new image per panel in JupyterLab, measured by the browser suite's harness.

    Runs the suite's JupyterLab lessons alone on one browser (``COURSE_BROWSER_WORKERS=1``), so
    the numbers are not inflated by other lessons running beside them, and reads its latency table.
    """
    print("\nBrowser latency (JupyterLab, headless Chromium, one lesson at a time; key press to new image; ms)")
    if not Path("/usr/bin/chromium").exists():
        print("  skipped: /usr/bin/chromium is not installed (as root: ci/browser-setup --apt)")
        return []
    env = dict(os.environ, COURSE_BROWSER_WORKERS="1")
    run = subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", "-s", str(ROOT / "tests" / "browser"),
                          "-k", "lab and test_screenshot_saved"], cwd=ROOT, env=env, capture_output=True, text=True)
    rows = [line for line in run.stdout.splitlines() if re.search(r"median\s+\d+\s+max\s+\d+", line)]
    if not rows:
        print(f"  no latency measured (exit code {run.returncode}); the suite said:\n{run.stdout[-2000:]}")
        return ["browser latency: not measured"]
    missed = []
    for line in rows:
        med, top = (float(v) / 1000 for v in re.search(r"median\s+(\d+)\s+max\s+(\d+)", line).groups())
        verdicts = [_verdict(med, "browser median"), _verdict(top, "browser max")]
        print(f"  {line.strip()}   median {verdicts[0]}, max {verdicts[1]}")
        missed += [f"browser {line.split()[1]} {' '.join(line.split()[2:4])}: {what}"
                   for what, v in zip(("median", "max"), verdicts) if v == "MISS"]
    return missed


def report_lessons() -> list[str]:
    """Each lesson's own measurements (``bench/<lesson>.py`` with a ``report()`` returning misses)."""
    missed = []
    for path in sorted(Path(__file__).parent.glob("*.py")):
        if path.name == Path(__file__).name:
            continue
        spec = importlib.util.spec_from_file_location(f"bench_{path.stem}", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        print(f"\nLesson measurements: {path.stem}")
        missed += list(module.report() or [])
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
    if "browser" in parts:
        missed += report_browser()
    if "lessons" in parts:
        missed += report_lessons()
    print(f"\n{'MISS: ' + '; '.join(missed) if missed else 'PASS: every target met'}")
    return 1 if missed and args.strict else 0


if __name__ == "__main__":
    sys.exit(main())
