"""The list of every interactive demo and every live model family in the course.

Tests call each demo's ``update`` at every control's minimum, default and maximum, and the
benchmark script (``make bench``) times each demo over its slider ranges and each live
family's training, by walking these two dicts. A lesson that adds a demo registers it here.

Values are zero-argument factories, so nothing is imported or trained until needed.
"""
from __future__ import annotations

from importlib import import_module
from typing import Callable

__all__ = ["DEMOS", "LIVE_FAMILIES", "make_demo", "train_live_family"]

#: demo name -> "module:callable" that returns a new Demo
DEMOS: dict[str, str] = {
    "log_axis": "course_lib.log_axis_demo:LogAxisDemo",
    "emergence": "course_lib.emergence_demo:EmergenceDemo",
    "mirage_toy": "course_lib.mirage_demos:MirageToyDemo",
    "mirage_adders": "course_lib.addition_mirage_demo:AdditionMirageDemo",
    "mirage_subset_accuracy": "course_lib.digits_demos:SubsetAccuracyDemo",
    "mirage_reconstruction": "course_lib.digits_demos:ReconstructionDemo",
    "mirage_multiple_choice": "course_lib.multiple_choice_demo:MultipleChoiceDemo",
}

#: live family name -> "module:callable" that trains the family a notebook trains live
LIVE_FAMILIES: dict[str, str] = {
    "adders, 4 digits, direct": "course_lib.addition:train_live_direct",
    "adders, 4 digits, scratchpad": "course_lib.addition:train_live_scratchpad",
    "digits, random-feature classifiers": "course_lib.digits_classifiers:random_feature_family",
}


def _resolve(table: dict[str, str], name: str, what: str) -> Callable:
    if name not in table:
        raise ValueError(f"{what} must be one of {sorted(table)}, got {name!r}")
    module, attr = table[name].split(":")
    return getattr(import_module(module), attr)


def make_demo(name: str):
    """Return a new instance of the demo registered as ``name``."""
    return _resolve(DEMOS, name, "name")()


def train_live_family(name: str):
    """Train the live family registered as ``name`` (as its notebook does) and return it."""
    return _resolve(LIVE_FAMILIES, name, "name")()
