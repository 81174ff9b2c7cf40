"""The README states each lesson's time as the lesson itself does (one estimate, in two places)."""
from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
TIME = re.compile(r"[Aa]bout (\d+(?:[–-]\d+)?) min")


def notebook_time(path: Path) -> str:
    found = TIME.findall(nbformat.read(path, as_version=4).cells[0].source)
    assert found, f"{path.name}: its first cell states no time ('about N minutes')"
    return found[0].replace("-", "–")


def readme_time(path: Path, readme: str) -> str | None:
    row = next((line for line in readme.splitlines() if f"`{path.name}`" in line), "")
    found = TIME.findall(row)
    return found[0].replace("-", "–") if found else None


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_readme_states_the_lessons_own_time(path):
    assert readme_time(path, (ROOT / "README.md").read_text(encoding="utf-8")) == notebook_time(path)


def test_a_stale_time_would_be_caught():
    row = "| 03 | `03_grokking.ipynb` | grokking | ready (about 45 min) |"
    assert readme_time(ROOT / "notebooks" / "03_grokking.ipynb", row) == "45"
