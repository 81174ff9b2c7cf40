"""``make lab`` opens lesson 00, and ``make lab LANG=zh`` the Chinese edition's lesson 00."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import lab  # noqa: E402


def test_language_option_picks_lesson_00_and_keeps_the_rest_for_jupyter():
    assert lab.split_language(["--no-browser"]) == ("en", ["--no-browser"])
    assert lab.split_language(["--language", "zh", "--no-browser"]) == ("zh", ["--no-browser"])
    assert lab.split_language(["--language=zh"]) == ("zh", [])
    with pytest.raises(SystemExit, match="--language must be one of"):
        lab.split_language(["--language", "fr"])
    command = lab.lab_command(8888, "t", ["--no-browser"], lab.STARTS["zh"])
    assert command[-2:] == ["--no-browser", "notebooks/zh/00_start_here.ipynb"]
    assert (ROOT / lab.STARTS["en"]).exists()


@pytest.mark.parametrize("variables, language", [
    ({"LANG": "zh"}, "zh"), ({"LANG": "zh_CN.UTF-8"}, "zh"), ({"LANG": "en_GB.UTF-8"}, "en"), ({"LANG": "C.UTF-8"}, "en")])
def test_make_lab_reads_lang(variables, language):
    """What `make lab` would run (make -n), with LANG on the command line as a learner types it."""
    env = {k: v for k, v in os.environ.items() if k not in ("LANG", "MAKEFLAGS", "MFLAGS")}
    out = subprocess.run(["make", "-n", "--no-print-directory", "lab", *(f"{k}={v}" for k, v in variables.items())],
                         cwd=ROOT, env=env, capture_output=True, text=True, check=True).stdout
    line = [row for row in out.splitlines() if "tools/lab.py" in row][-1]
    assert f"--language {language}" in line
    assert "LANG=zh " not in line, "'zh' is no locale: the server must run with a real one"
