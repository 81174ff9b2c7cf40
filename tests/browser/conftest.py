"""Set-up of the browser suite: skip cleanly where it cannot run, otherwise look at every
selected notebook once per front end, front ends in parallel, before the tests assert.

Tests ask for a run with the ``frontend`` and ``notebook`` parameters and the ``lesson_run``
fixture. At the first such test, the ``browser_results`` fixture reads which (front end,
notebook) pairs the selected tests need, starts one server per front end, and hands the
notebooks, longest first, to COURSE_BROWSER_WORKERS (default 4) worker threads with one browser
each. Tests then only wait for their run and assert on what it recorded.
Timings and latencies are printed at the end and written to build/browser/report.json.
"""
from __future__ import annotations

import json
import os
import sys
import threading
import time
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:  # the suite's helper modules, under any --import-mode
    sys.path.insert(0, str(HERE))

import harness  # noqa: E402
import synthetic  # noqa: E402

WORKERS = int(os.environ.get("COURSE_BROWSER_WORKERS", "4"))
SYNTHETIC_MOVE_TIMEOUT = 6.0

_session: dict = {}


def pytest_configure(config):
    """Register the suite's marker."""
    config.addinivalue_line("markers", "browser: drives a real browser (needs chromium and playwright)")


def _in_suite(item) -> bool:
    """Whether a collected test belongs to this folder."""
    return HERE in Path(item.path).resolve().parents


def pytest_collection_modifyitems(config, items):
    """Mark the suite's tests; skip them all without chromium/playwright, or per front end."""
    missing = harness.missing_requirements()
    for item in items:
        if not _in_suite(item):
            continue
        item.add_marker(pytest.mark.browser)
        frontend = getattr(item, "callspec", None) and item.callspec.params.get("frontend")
        reason = missing or (frontend and harness.frontend_missing(frontend))
        if reason:
            item.add_marker(pytest.mark.skip(reason=reason))


def _needed_runs(items) -> dict[str, list[str]]:
    """Front end -> notebooks, from the parameters of the selected, not skipped tests."""
    plan: dict[str, list[str]] = {}
    for item in items:
        params = getattr(item, "callspec", None) and item.callspec.params
        if not params or "notebook" not in params or item.get_closest_marker("skip"):
            continue
        notebooks = plan.setdefault(params["frontend"], [])
        if params["notebook"] not in notebooks:
            notebooks.append(params["notebook"])
    return plan


def _job(frontend: str, notebook: str) -> harness.Job:
    """Lessons get a screenshot and latency timing; synthetic notebooks a shorter move timeout."""
    if notebook in synthetic.NOTEBOOKS:
        return harness.Job(notebook, move_timeout=SYNTHETIC_MOVE_TIMEOUT)
    return harness.Job(notebook, screenshot=harness.screenshot_path(frontend, notebook), latency=True)


def _cost(frontend: str, notebook: str) -> tuple:
    """Longest first: lessons by size (bigger notebooks hold more panels), then the synthetic
    notebooks, Voila last; JupyterLab before the classic Notebook."""
    not_lab = frontend != "lab"
    if frontend == "voila":
        return (3, 0, not_lab, notebook)
    if notebook in synthetic.NOTEBOOKS:
        return (1 if notebook == synthetic.BROKEN else 2, 0, not_lab, notebook)
    size = (harness.NOTEBOOKS / notebook.split("/", 1)[1]).stat().st_size
    return (0, -size, not_lab, notebook)


def prepare_root(folder: Path) -> Path:
    """What every server serves: a copy of the lessons, and the synthetic notebooks."""
    harness.copy_notebooks(harness.NOTEBOOKS, folder / "lessons")
    synthetic.write_all(folder)
    return folder


@pytest.fixture(scope="session")
def browser_results(request) -> harness.Results:
    """Start looking at every needed notebook (once); results arrive while tests wait."""
    needed = _needed_runs(request.session.items)
    plan = sorted(((fe, nb) for fe, notebooks in needed.items() for nb in notebooks), key=lambda p: _cost(*p))
    results = harness.Results()
    _session.update(results=results, started=time.monotonic())
    thread = threading.Thread(target=harness.run_jobs, name="browser-suite", daemon=True,
                              args=([(fe, _job(fe, nb)) for fe, nb in plan], prepare_root, results, WORKERS))
    thread.start()
    yield results
    thread.join(timeout=600)
    _session["seconds"] = round(time.monotonic() - _session["started"], 1)


@pytest.fixture
def lesson_run(browser_results, frontend, notebook) -> harness.LessonRun:
    """The recorded run of ``notebook`` in ``frontend`` (waits until it is done)."""
    return browser_results.get(frontend, notebook)


def pytest_terminal_summary(terminalreporter):
    """Per front end and notebook: seconds per step; per panel: key-press latency."""
    results: harness.Results | None = _session.get("results")
    if results is None:
        return
    runs = sorted(results.all(), key=lambda r: (r.frontend, r.notebook))
    write = terminalreporter.write_line
    terminalreporter.section("browser suite timings")
    for name, seconds in sorted(results.frontend_seconds.items()):
        busy = sum(run.timings.get("total", 0.0) for run in runs if run.frontend == name)
        write(f"{name:8s} last notebook done after {seconds:6.1f} s; its notebooks took {busy:6.1f} s "
              f"of browser time in all")
    if "seconds" in _session:
        write(f"all front ends, in parallel: {_session['seconds']:.1f} s")
    for run in runs:
        steps = ", ".join(f"{k} {v:.1f}" for k, v in run.timings.items())
        write(f"{run.frontend:8s} {run.notebook:34s} {steps}")
    latencies = [(run, stats) for run in runs for stats in run.latency]
    if latencies:
        terminalreporter.section("key press -> new image (ms, decoded)")
        for run, stats in latencies:
            write(f"{run.frontend:8s} {Path(run.notebook).stem:16s} panel {stats.panel} {stats.label[:34]:34s} "
                  f"median {stats.median:6.0f}  max {stats.max:6.0f}  n={len(stats.decoded_ms)}"
                  + (f"  missed {stats.missed}" if stats.missed else ""))
    report = {"seconds": _session.get("seconds"), "frontend_seconds": results.frontend_seconds,
              "runs": [run.to_json() for run in runs]}
    harness.BUILD.mkdir(parents=True, exist_ok=True)
    (harness.BUILD / "report.json").write_text(json.dumps(report, indent=1, default=str))
    write(f"report: {harness.BUILD / 'report.json'}; screenshots: {harness.SCREENSHOTS}")
