"""course_lib: the helper package of the *More Is Different* course.

The notebooks keep the science visible; this package holds what they share, in floors that
import only downwards (a test walks every import and enforces them):

1. :mod:`course_lib.core` -- plumbing every lesson shares and nothing lesson-specific:
   ``setup()`` (:mod:`~course_lib.core.environment`), plot style and figures, slider specs,
   the :class:`~course_lib.core.demo.Demo` base and its widget wiring, progress bars,
   argument validation, the cache format, the exercise-checking engine, score tables.
2. The shared science: :mod:`course_lib.metrics`, :mod:`course_lib.papers` (published numbers,
   one module per paper, each with its citation), :mod:`course_lib.nets` (the numpy network
   and Adam), :mod:`course_lib.model_sizes` (sparse grids, first crossings).
3. One subpackage per lesson, named after its notebook, holding its tasks, models, families,
   figures, demos, its ``checks`` and its ``cache/``: :mod:`course_lib.start_here` (00),
   :mod:`course_lib.emergence` (01), :mod:`course_lib.mirage` (02). A lesson uses core, the
   shared science and earlier lessons' model code, never their demos or checks.
4. :mod:`course_lib.catalog` (finds every lesson's demos and live families) and
   :mod:`course_lib.build_cache` (``make cache``).
"""
from __future__ import annotations

from course_lib.core.environment import VERSION as __version__
from course_lib.core.environment import setup

__all__ = ["__version__", "setup"]
