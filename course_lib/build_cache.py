"""Rebuild every lesson's cached results (``make cache``, the one rebuild command).

The notebooks train small families live; the larger ones are trained once by the same code
and saved as package data in each lesson's ``cache/`` folder, so a pip-installed course_lib
(on Colab, say) has them. Run::

    python -m course_lib.build_cache [LESSON ...]

with no argument for every lesson, or lesson numbers or names (``01``, ``mirage``). It runs
on one BLAS thread, so a rebuild on the same machine with the same package versions writes
byte-identical files. All lessons take about two minutes on one core.
"""
from __future__ import annotations

import sys
import time

from threadpoolctl import threadpool_limits

from course_lib import catalog

__all__ = ["build_all"]


def build_all(lessons: list[str] | None = None) -> None:
    """Retrain and rewrite the caches of ``lessons`` (default: every lesson), one line per file."""
    packages = list(catalog.LESSONS.values()) if not lessons else [catalog.lesson(name) for name in lessons]
    with threadpool_limits(limits=1):
        start = time.perf_counter()
        for package in packages:
            for written in package.build_cache():
                print(f"{package.NOTEBOOK}: wrote {written} ({written.stat().st_size / 1e3:.0f} kB)",
                      flush=True)
        print(f"caches rebuilt in {time.perf_counter() - start:.0f} s")


if __name__ == "__main__":
    build_all(sys.argv[1:])
