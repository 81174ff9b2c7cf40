"""The glossary is the one list of terms: lesson 00 shows it, and each term's first lesson is true."""
from __future__ import annotations

import html
import re
from pathlib import Path

import nbformat
import pytest

from course_lib.core import language
from course_lib.core.messages import message
from course_lib.glossary import TERMS, glossary_html

ROOT = Path(__file__).resolve().parents[1]
LESSONS = {p.name[:2]: p for p in sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))}
CJK = re.compile(r"[\u4e00-\u9fff]")


def prose(number: str) -> str:
    nb = nbformat.read(LESSONS[number], as_version=4)
    return " ".join(c.source for c in nb.cells if c.cell_type == "markdown").lower()


def uses(text: str, term: str) -> bool:
    return re.search(r"\b" + re.escape(term.lower()), text) is not None


def first_use(term: str, lessons: dict[str, str]) -> str | None:
    return next((n for n in sorted(lessons) if n != "00" and uses(lessons[n], term)), None)


def test_terms_are_unique_and_each_has_chinese():
    assert len({t.english for t in TERMS}) == len(TERMS)
    assert len({t.chinese for t in TERMS}) == len(TERMS)
    assert all(CJK.search(t.chinese) and not CJK.search(t.english) for t in TERMS)
    assert all(t.first_lesson in LESSONS for t in TERMS)


@pytest.mark.parametrize("term", TERMS, ids=lambda t: t.english)
def test_each_term_is_first_used_in_the_lesson_it_names(term):
    lessons = {n: prose(n) for n in LESSONS}
    assert first_use(term.english, lessons) == term.first_lesson, (
        f"glossary: {term.english!r} is first used in lesson {first_use(term.english, lessons)}, "
        f"the glossary says {term.first_lesson} (course_lib/glossary.py)")


def test_a_wrong_first_lesson_would_be_caught():
    lessons = {"00": "", "01": "the mirage of emergence", "02": "grokking"}
    assert first_use("grokking", lessons) == "02" and first_use("mirage", lessons) == "01"
    assert first_use("scratchpad", lessons) is None


def test_lesson_00_shows_the_glossary_from_this_list():
    nb = nbformat.read(LESSONS["00"], as_version=4)
    assert any("glossary_html()" in c.source for c in nb.cells if c.cell_type == "code")
    assert not any("| 涌现 |" in c.source for c in nb.cells if c.cell_type == "markdown"), "a second copy"
    table = glossary_html()
    assert all(t.chinese in table and t.english in table for t in TERMS)


def test_the_glossary_reads_as_words_in_lesson_order():
    table = glossary_html()
    assert "text-align:right" not in table  # every column holds words, none is a number column
    lessons = re.findall(r">(\d\d)</td>", table)
    assert lessons == sorted(lessons) and len(lessons) == len(TERMS)


def test_each_term_has_a_chinese_meaning():
    assert all(CJK.search(t.meaning_zh) for t in TERMS)
    assert len({t.meaning_zh for t in TERMS}) == len(TERMS)


def test_the_chinese_lessons_show_the_glossary_in_chinese():
    english = glossary_html()
    try:
        language.set_language("zh")
        table = glossary_html()
    finally:
        language.set_language("en")
    assert table != english and glossary_html() == english
    headers = re.findall(r"<th[^>]*>(.*?)</th>", table)
    assert headers == [message(f"start_here.glossary.header_{what}", "zh")
                       for what in ("term", "other", "first_lesson", "meaning")]
    assert all(CJK.search(h) for h in headers) and "中文" not in headers
    assert all(t.meaning_zh in table and t.chinese in table and t.english in table for t in TERMS)
    assert not any(html.escape(t.meaning) in table for t in TERMS)
    first_cells = re.findall(r"<tr><td[^>]*>(.*?)</td>", table)
    assert first_cells == [f"<span style='white-space:nowrap'>{t.chinese}</span>"
                           for t in sorted(TERMS, key=lambda t: t.first_lesson)], "the Chinese term leads"
    lessons = re.findall(r">(\d\d)</td>", table)
    assert lessons == sorted(lessons) and len(lessons) == len(TERMS)


ZH_LESSONS = {p.name[:2]: p for p in sorted((ROOT / "notebooks" / "zh").glob("[0-9][0-9]_*.ipynb"))}


def zh_prose(number: str) -> str:
    nb = nbformat.read(ZH_LESSONS[number], as_version=4)
    return " ".join(c.source for c in nb.cells if c.cell_type == "markdown")


@pytest.mark.parametrize("term", TERMS, ids=lambda t: t.english)
def test_the_chinese_edition_uses_the_glossary_term_where_it_is_first_used(term):
    """The Chinese lesson that translates a term's first lesson writes the glossary's Chinese for it."""
    if term.first_lesson not in ZH_LESSONS:
        pytest.skip(f"lesson {term.first_lesson} has no Chinese edition")
    assert term.chinese in zh_prose(term.first_lesson), (
        f"glossary: zh lesson {term.first_lesson} never writes {term.chinese!r} for {term.english!r}")
