"""course_lib: the helper package of the *More Is Different* course.

The notebooks keep the science visible; this package holds the plumbing they share:

- :mod:`course_lib.setup_check` -- ``setup()``: version check, BLAS threads, plot style.
- :mod:`course_lib.style` -- colour-blind-safe palette and figure helpers.
- :mod:`course_lib.controls` and :mod:`course_lib.interactive` -- slider specs and the one
  module that wires sliders to a demo.
- :mod:`course_lib.metrics` -- exact match, edit distance, subset accuracy, emergence score.
- :mod:`course_lib.published` -- published numbers, each with its citation.
- :mod:`course_lib.addition` -- the multi-digit addition model family (numpy MLPs).
- :mod:`course_lib.checks` -- exercise checkers.
"""
from __future__ import annotations

__version__ = "0.1.0"

from course_lib.setup_check import setup

__all__ = ["__version__", "setup"]
