"""The message catalogues: the same keys and fields in every language, and every key asked for exists."""
from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest

from course_lib.core import language
from course_lib.core.messages import CATALOGUES, message

COURSE_LIB = Path(__file__).resolve().parents[2] / "course_lib"


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def keys_asked_for() -> dict[str, str]:
    """Every literal key passed to ``message(...)`` or ``figure_message(...)`` in course_lib, or set as
    a demo's ``caption_key``, with where it is asked for."""
    found = {}
    for path in COURSE_LIB.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", None))
                    in ("message", "figure_message") and node.args
                    and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
                found[node.args[0].value] = f"{path.relative_to(COURSE_LIB)}:{node.lineno}"
            if (isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "caption_key" for t in node.targets)
                    and isinstance(node.value, ast.Constant) and node.value.value):
                found[node.value.value] = f"{path.relative_to(COURSE_LIB)}:{node.lineno}"
    return found


def named_in_code() -> tuple[set[str], set[str]]:
    """Every string literal of course_lib and tools (a key may be picked into a variable before
    ``message(key)``), and the constant beginnings of strings built at run time
    (``f"site.{key}"``, ``"player." + mode``); the catalogues themselves are not read."""
    literals, prefixes = set(), set()
    paths = [p for p in COURSE_LIB.rglob("*.py") if "messages" not in p.parts]
    for path in paths + sorted((COURSE_LIB.parent / "tools").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                literals.add(node.value)
            elif isinstance(node, ast.JoinedStr) and node.values and isinstance(node.values[0], ast.Constant):
                prefixes.add(node.values[0].value)
            elif (isinstance(node, ast.BinOp) and isinstance(node.left, ast.Constant)
                  and isinstance(node.left.value, str)):
                prefixes.add(node.left.value)
    return literals, {p for p in prefixes if re.fullmatch(r"[a-z0-9_]+\.[a-z0-9_.]*", p)}


def unused_keys(catalogue: dict[str, str], asked: set[str], prefixes: set[str]) -> list[str]:
    return sorted(k for k in catalogue if k not in asked and not k.startswith(tuple(prefixes)))


def missing_keys(catalogues: dict[str, dict[str, str]]) -> list[str]:
    every = set().union(*catalogues.values())
    return [f"{lang}: {key}" for lang, cat in catalogues.items() for key in sorted(every - set(cat))]


def test_every_catalogue_has_every_key():
    assert missing_keys(CATALOGUES) == []


def test_a_missing_key_would_be_caught():
    assert missing_keys({"en": {"a": "A", "b": "B"}, "zh": {"a": "甲"}}) == ["zh: b"]


@pytest.mark.parametrize("key", sorted(CATALOGUES["en"]))
def test_fields_agree_across_languages(key):
    assert {lang: fields(cat[key]) for lang, cat in CATALOGUES.items()} == {
        lang: fields(CATALOGUES["en"][key]) for lang in CATALOGUES}


def test_every_key_asked_for_exists():
    asked = keys_asked_for()
    assert asked, "no message() call found: the scan is broken"
    assert {k: where for k, where in asked.items() if k not in CATALOGUES["en"]} == {}


def test_every_key_is_asked_for():
    """No dead sentence: each key is asked for by name, or by a beginning built on at run time."""
    literals, prefixes = named_in_code()
    assert "site." in prefixes and "player." in prefixes, "the scan of built keys is broken"
    assert unused_keys(CATALOGUES["en"], literals, prefixes) == []


def test_an_unused_key_would_be_caught():
    assert unused_keys({"a.b": "", "site.x": "", "c.d": ""}, {"a.b"}, {"site."}) == ["c.d"]


def test_message_follows_the_language_and_fills_fields():
    try:
        assert message("check.all_pass", count=3) == "all 3 cases pass. Well done!"
        language.set_language("zh")
        assert message("check.all_pass", count=3) == "全部 3 个用例通过，做得好！"
        assert message("check.all_pass", "en", count=3) == "all 3 cases pass. Well done!"
    finally:
        language.set_language("en")
    with pytest.raises(KeyError, match="no.such.key"):
        message("no.such.key")
