"""Lesson 00, start here (``notebooks/00_start_here.ipynb``).

Notebook section -> what it calls:

- §1 The environment: :func:`course_lib.setup`, :mod:`course_lib.core.environment`.
- §3 How a demo works: :class:`~course_lib.start_here.demos.LogAxisDemo` in
  :func:`course_lib.core.interactive.show`.
- §4 How exercises work: :func:`~course_lib.start_here.checks.mlp_param_count`.
"""
from __future__ import annotations

NOTEBOOK = "00_start_here.ipynb"
#: demo name -> "module:class" (found by :mod:`course_lib.catalog`)
DEMOS = {"log_axis": "course_lib.start_here.demos:LogAxisDemo"}
#: live family name -> "module:function" that trains what the notebook trains live
LIVE_FAMILIES: dict[str, str] = {}
#: the demo whose default figure stands for this lesson in the README (``make figures``)
README_DEMO = "log_axis"


def build_cache() -> list:
    """This lesson ships no cached results: nothing to rebuild."""
    return []
