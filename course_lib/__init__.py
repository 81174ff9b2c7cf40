"""course_lib: the helper package of the *More Is Different* course.

The notebooks keep the science visible; this package holds the plumbing they share:

Shared by every lesson:

- :mod:`course_lib.setup_check` -- ``setup()``: version check, BLAS threads, plot style.
- :mod:`course_lib.style` -- colour-blind-safe palette and figure helpers.
- :mod:`course_lib.controls`, :mod:`course_lib.demo` and :mod:`course_lib.interactive` --
  slider specs, the demo base class, and the one module that wires sliders to a demo.
- :mod:`course_lib.catalog` -- every demo and live model family (for tests and benchmarks).
- :mod:`course_lib.metrics` -- exact match, edit distance, subset accuracy, emergence score,
  Brier score, multiple-choice grade, reconstruction rate.
- :mod:`course_lib.papers` -- published numbers, one module per paper, each with its citation.
- :mod:`course_lib.checks` -- exercise checkers.
- :mod:`course_lib.progress`, :mod:`course_lib.family_cache`, :mod:`course_lib.build_cache` --
  progress bars, the cache format, and ``make cache``.

Lesson 01 (emergence): :mod:`course_lib.addition` (adder families, numpy MLPs),
:mod:`course_lib.emergence_demo`, :mod:`course_lib.emergence_plots`.
Lesson 02 (the mirage): :mod:`course_lib.mirage_toy`, :mod:`course_lib.mirage_demos`,
:mod:`course_lib.addition_mirage_demo`, :mod:`course_lib.digits_classifiers`,
:mod:`course_lib.digits_autoencoders`, :mod:`course_lib.digits_demos`,
:mod:`course_lib.multiple_choice_demo`.
"""
from __future__ import annotations

__version__ = "0.1.0"

from course_lib.setup_check import setup

__all__ = ["__version__", "setup"]
