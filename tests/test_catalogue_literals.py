"""Every sentence course_lib shows a learner comes from the message catalogues, none from code.

``course_lib/core/messages/{en,zh}.py`` hold the course's words in each language. This test reads
course_lib's source and fails on an English text literal where a learner would read it:

- drawn in a figure: ``set_title``, ``set_xlabel``, ``set_ylabel``, ``suptitle``, ``set_label``,
  ``text``, ``set_text``, ``annotate``, ``figtext``, and any ``label=``/``title=`` argument;
- printed (``print``), shown in a table (``table_html``), or a control's ``label``;
- a demo's ``caption``, a check's ``hint=``, or the description of an exercise check's case (the
  first text of a tuple built in a function whose name has ``cases`` in it);
- returned from a demo's ``summary_html``.

Error messages (``raise ...``) stay English, like numpy's and scikit-learn's; docstrings and
comments are for readers of the code. A literal counts as text when, with its ``{fields}`` and
HTML tags removed, it still holds a word of three letters or more that is not a maths name.
"""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

COURSE_LIB = Path(__file__).resolve().parents[1] / "course_lib"
#: where no learner-facing text lives: the catalogues themselves, published constants (their
#: quotes are the papers' words), the glossary (its own two-language table), and the maintainers'
#: ``make cache`` report
EXEMPT = ("core/messages/", "papers/", "glossary.py", "build_cache.py")
TEXT_METHODS = {"set_title", "set_xlabel", "set_ylabel", "suptitle", "set_label", "text", "set_text",
                "annotate", "figtext", "print", "table_html", "supxlabel", "supylabel"}
TEXT_KEYWORDS = {"label", "title", "xlabel", "ylabel", "hint", "caption", "description"}
MATHS = {"log", "exp", "mod", "cos", "sin", "max", "min", "std", "argmax", "sqrt"}
_WORD = re.compile(r"[A-Za-z]{3,}")
_KEY = re.compile(r"[a-z0-9_]+(\.[a-z0-9_]+)+")


def is_text(value: str) -> bool:
    """Whether a literal reads as words a learner would read (and so belongs in a catalogue)."""
    if _KEY.fullmatch(value):  # a catalogue key, say "grokking.step.title"
        return False
    # fields, HTML tags (whole or cut by a field), entities and CSS properties ("max-width:12px")
    stripped = re.sub(r"\{[^}]*\}|<[^>]*>?|&\w+;|[a-z-]+:(?=\S|$)", " ", value)
    return any(word.lower() not in MATHS for word in _WORD.findall(stripped))


def _strings(node: ast.AST) -> list[ast.Constant]:
    """The string constants in an expression, f-strings' literal parts included (format specs not)."""
    found = []
    for sub in ast.walk(node):
        if isinstance(sub, ast.FormattedValue) and sub.format_spec is not None:
            continue
        if isinstance(sub, ast.Constant) and isinstance(sub.value, str):
            found.append(sub)
    specs = {id(c) for sub in ast.walk(node) if isinstance(sub, ast.FormattedValue) and sub.format_spec
             for c in ast.walk(sub.format_spec)}
    keys = {id(sub.slice) for sub in ast.walk(node) if isinstance(sub, ast.Subscript)}  # state["x_axis"]
    return [c for c in found if id(c) not in specs and id(c) not in keys]


def literal_texts(source: str) -> list[tuple[int, str]]:
    """(line, text) of every learner-facing English literal in ``source`` (see the module docstring)."""
    tree = ast.parse(source)
    in_raise: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Raise):
            in_raise.update(id(sub) for sub in ast.walk(node))
    sinks: list[ast.AST] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = getattr(node.func, "attr", getattr(node.func, "id", None))
            if name in TEXT_METHODS:
                sinks.extend(node.args)
            sinks.extend(k.value for k in node.keywords if k.arg in TEXT_KEYWORDS)
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(getattr(t, "id", getattr(t, "attr", None)) == "caption" for t in targets) and node.value:
                sinks.append(node.value)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            if "cases" in node.name:
                sinks.extend(t.elts[0] for t in ast.walk(node) if isinstance(t, ast.Tuple) and t.elts)
            if node.name == "summary_html":
                sinks.extend(r.value for r in ast.walk(node) if isinstance(r, ast.Return) and r.value)
    found = set()
    for sink in sinks:
        if id(sink) in in_raise:
            continue
        for const in _strings(sink):
            if is_text(const.value):
                found.add((const.lineno, const.value))
    return sorted(found)


def modules() -> list[str]:
    return sorted(str(p.relative_to(COURSE_LIB)) for p in COURSE_LIB.rglob("*.py")
                  if not str(p.relative_to(COURSE_LIB)).startswith(EXEMPT)
                  and not str(p.relative_to(COURSE_LIB)).endswith(EXEMPT))


@pytest.mark.parametrize("module", modules())
def test_learner_text_comes_from_the_catalogues(module):
    texts = literal_texts((COURSE_LIB / module).read_text(encoding="utf-8"))
    assert texts == [], (f"course_lib/{module} shows a learner text written in the code; put it in "
                         f"course_lib/core/messages/en.py and zh.py and use message()/figure_message():\n"
                         + "\n".join(f"  line {line}: {text[:90]!r}" for line, text in texts))


@pytest.mark.parametrize("source, expected", [
    ('ax.set_title("Weight norm")', [(1, "Weight norm")]),
    ('ax.plot(x, y, label="train")', [(1, "train")]),
    ('print(f"step {s}: train {a:.0%}")', [(1, ": train "), (1, "step ")]),
    ('class D:\n    caption = ("One run " "at a step")', [(2, "One run at a step")]),
    ('def _adamw_cases():\n    return [("the first step", (1,), 2)]', [(2, "the first step")]),
    ('run_cases("f", fn, c, hint="update m first")', [(1, "update m first")]),
    ('Choice(("a", "b"), "a", label="weight decay")', [(1, "weight decay")]),
])
def test_the_scan_finds_text_in_every_kind_of_place(source, expected):
    assert literal_texts(source) == expected


@pytest.mark.parametrize("source", [
    'raise ValueError(f"p must be prime, got {p}")',
    'ax.set_title(figure_message("grokking.norm.title"))',
    'ax.set_xlabel("log10 p")',
    'ax.legend(loc="upper left")',
    'ax.text(0, 1, f"{value:.0%}", ha="right")',
    'label = "training fraction"',
    'print(f"<div style=\'{css};max-width:{w}px\'>{state[\'x_axis\']}</div>")',
])
def test_the_scan_leaves_code_alone(source):
    assert literal_texts(source) == []
