"""Every lesson, and every interactive demo and live model family the lessons declare.

Each lesson package (``course_lib/<lesson>/``, named after its notebook) declares in its
``__init__``: ``NOTEBOOK`` (its notebook's file name), ``DEMOS`` and ``LIVE_FAMILIES`` (name ->
``"module:callable"``), ``README_DEMO`` (the demo drawn for the README) and ``build_cache()``.
This module finds the lessons by looking for those packages, so a new lesson edits no shared
registry. Tests call each demo at every control's minimum, default and maximum, and ``make
bench`` times each demo and each live family, by walking :data:`DEMOS` and :data:`LIVE_FAMILIES`.

Values are ``"module:callable"`` strings, so nothing is trained until asked for.
"""
from __future__ import annotations

import pkgutil
from importlib import import_module
from types import ModuleType
from typing import Callable

import course_lib
from course_lib.core.validation import check_choice

__all__ = ["LESSONS", "DEMOS", "LIVE_FAMILIES", "lesson", "make_demo", "train_live_family"]


def _find_lessons() -> dict[str, ModuleType]:
    found = {}
    for info in pkgutil.iter_modules(course_lib.__path__):
        if info.ispkg:
            package = import_module(f"course_lib.{info.name}")
            if hasattr(package, "NOTEBOOK"):
                found[info.name] = package
    return dict(sorted(found.items(), key=lambda item: item[1].NOTEBOOK))


#: lesson package name -> package, in the order of their notebooks
LESSONS: dict[str, ModuleType] = _find_lessons()
#: demo name -> "module:callable" that returns a new Demo
DEMOS: dict[str, str] = {name: spec for package in LESSONS.values() for name, spec in package.DEMOS.items()}
#: live family name -> "module:callable" that trains the family a notebook trains live
LIVE_FAMILIES: dict[str, str] = {name: spec for package in LESSONS.values()
                                 for name, spec in package.LIVE_FAMILIES.items()}


def lesson(number_or_name: str) -> ModuleType:
    """The lesson package for ``"02"``, ``"2"``, ``"mirage"`` or ``"02_mirage.ipynb"``."""
    key = str(number_or_name).strip()
    for name, package in LESSONS.items():
        stem = package.NOTEBOOK.removesuffix(".ipynb")
        if key in (name, package.NOTEBOOK, stem) or (key.isdigit() and int(key) == int(stem[:2])):
            return package
    known = [package.NOTEBOOK.removesuffix(".ipynb") for package in LESSONS.values()]
    raise ValueError(f"lesson must be a lesson number or name among {known}, got {number_or_name!r}")


def _resolve(table: dict[str, str], name: str) -> Callable:
    check_choice("name", name, sorted(table))
    module, attr = table[name].split(":")
    return getattr(import_module(module), attr)


def make_demo(name: str):
    """Return a new instance of the demo registered as ``name``."""
    return _resolve(DEMOS, name)()


def train_live_family(name: str):
    """Train the live family registered as ``name`` (as its notebook does) and return it."""
    return _resolve(LIVE_FAMILIES, name)()
