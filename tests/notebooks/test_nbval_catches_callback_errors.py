"""nbval fails a notebook when a slider callback raises: the reason the course tests with nbval.

Runners built on nbclient (nbconvert --execute, nbmake, papermill) exit 0 when an exception
is raised inside a widget callback. The fixture notebooks build a course_lib panel for a tiny
demo whose update refuses one value, then set the slider: to that value in
``callback_raises.ipynb`` (nbval must fail and show the exception) and to another value in
``callback_ok.ipynb`` (nbval must pass). Each run starts a kernel (a few seconds), so this
runs in the main venv's suite only.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent / "fixtures"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def nbval_results(tmp_path_factory) -> dict[str, subprocess.CompletedProcess]:
    """Run nbval on each fixture notebook, in its own process, both at once; notebook -> result."""
    tmp = tmp_path_factory.mktemp("nbval")
    env = dict(os.environ, PYDEVD_DISABLE_FILE_VALIDATION="1")
    env.pop("MPLBACKEND", None)
    runs = {}
    for notebook in ("callback_raises.ipynb", "callback_ok.ipynb"):
        copy = shutil.copy(FIXTURES / notebook, tmp / notebook)  # no caches written into tests/
        runs[notebook] = subprocess.Popen(
            [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "--nbval-lax", "--nbval-current-env",
             "--nbval-cell-timeout=60", copy],
            cwd=tmp, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    results = {}
    for notebook, proc in runs.items():
        out, err = proc.communicate(timeout=300)
        results[notebook] = subprocess.CompletedProcess(proc.args, proc.returncode, out, err)
    return results


def test_exception_in_slider_callback_fails_nbval(nbval_results):
    result = nbval_results["callback_raises.ipynb"]
    assert result.returncode != 0, result.stdout
    assert "ValueError" in result.stdout and "Fragile refuses n = 3" in result.stdout, result.stdout


def test_valid_slider_value_passes_nbval(nbval_results):
    result = nbval_results["callback_ok.ipynb"]
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 passed" in result.stdout, result.stdout
