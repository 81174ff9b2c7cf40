"""The README states each lesson's time as the lesson itself does (one estimate, in two places), and
README.zh.md and each Chinese lesson state the English lesson's time ("约 N 分钟")."""
from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
TIME = re.compile(r"[Aa]bout (\d+(?:[–-]\d+)?) min")
TIME_ZH = re.compile(r"约\s?(\d+(?:[–-]\d+)?)\s?分钟")


def notebook_time(path: Path, pattern: re.Pattern = TIME) -> str:
    found = pattern.findall(nbformat.read(path, as_version=4).cells[0].source)
    assert found, f"{path.name}: its first cell states no time ('about N minutes' / '约 N 分钟')"
    return found[0].replace("-", "–")


def readme_time(path: Path, readme: str, pattern: re.Pattern = TIME) -> str | None:
    row = next((line for line in readme.splitlines() if f"`{path.name}`" in line), "")
    found = pattern.findall(row)
    return found[0].replace("-", "–") if found else None


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_readme_states_the_lessons_own_time(path):
    assert readme_time(path, (ROOT / "README.md").read_text(encoding="utf-8")) == notebook_time(path)


def test_a_stale_time_would_be_caught():
    row = "| 03 | `03_grokking.ipynb` | grokking | ready (about 45 min) |"
    assert readme_time(ROOT / "notebooks" / "03_grokking.ipynb", row) == "45"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_the_chinese_edition_states_the_same_time(path):
    readme = (ROOT / "README.zh.md").read_text(encoding="utf-8")
    assert readme_time(path, readme, TIME_ZH) == notebook_time(path)
    chinese = ROOT / "notebooks" / "zh" / path.name
    if chinese.exists():  # the translation test requires every lesson to be translated
        assert notebook_time(chinese, TIME_ZH) == notebook_time(path)


def test_a_stale_chinese_time_would_be_caught():
    row = "| 03 | `03_grokking.ipynb` | 顿悟 | 完成（约 45 分钟） |"
    assert readme_time(ROOT / "notebooks" / "03_grokking.ipynb", row, TIME_ZH) == "45"
