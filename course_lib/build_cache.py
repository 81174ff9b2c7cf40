"""Rebuild every cached result shipped in ``course_lib/data`` (``make cache``).

The notebooks train small families live; the larger ones (every answer length of the adder
families, the trained digit classifiers and autoencoders) are trained once by the same code
and saved as package data, so a pip-installed course_lib (on Colab, say) has them. Run::

    python -m course_lib.build_cache

It takes about two minutes on one core and prints one line per family.
"""
from __future__ import annotations

import time

from threadpoolctl import threadpool_limits

__all__ = ["build_all"]


def build_all() -> None:
    """Retrain and rewrite every cache, on one BLAS thread (bitwise reproducible)."""
    from course_lib import addition, digits_families

    with threadpool_limits(limits=1):
        start = time.perf_counter()
        addition.build_cache()
        for written in digits_families.build_cache(show_progress=False):
            print(f"wrote {written} ({written.stat().st_size / 1e3:.0f} kB)")
        print(f"all caches rebuilt in {time.perf_counter() - start:.0f} s")


if __name__ == "__main__":
    build_all()
