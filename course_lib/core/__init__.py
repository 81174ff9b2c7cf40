"""Plumbing shared by every lesson; imports nothing from course_lib outside ``core``.

- :mod:`~course_lib.core.environment` -- ``setup()``: version check, BLAS threads, plot style.
- :mod:`~course_lib.core.style` -- palette, figures that show as images, cheap log axes.
- :mod:`~course_lib.core.controls`, :mod:`~course_lib.core.demo`, :mod:`~course_lib.core.interactive`
  -- slider specs, the demo base class, and the one module that wires widgets to a demo.
- :mod:`~course_lib.core.progress` -- progress bars for long work.
- :mod:`~course_lib.core.validation` -- the ``check_*`` argument checks.
- :mod:`~course_lib.core.cache` -- the ``.npz`` format of every lesson's cached results.
- :mod:`~course_lib.core.checking` -- the engine of the exercise checks.
- :mod:`~course_lib.core.score_tables` -- the HTML tables under a demo's figure.
- :mod:`~course_lib.core.repository` -- where the course lives online (badges, Colab install).
"""
