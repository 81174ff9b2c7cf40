"""``setup()``: the call every notebook makes first.

It checks that the installed packages fall within the ranges the course is tested on,
limits BLAS to one thread (two threads made these small workloads up to 10x slower on a
busy 2-core machine), applies the plot style and prints the environment.
"""
from __future__ import annotations

import os
import platform
import sys
import warnings
from importlib import metadata

from threadpoolctl import threadpool_limits

from course_lib.core.language import set_language
from course_lib.core.messages import message
from course_lib.core.style import apply_style
from course_lib.core.validation import check_bool

__all__ = ["VERSION", "setup", "package_versions", "version_problems", "TESTED_RANGES"]

#: course_lib's version (``course_lib.__version__``; pyproject.toml says the same, a test checks)
VERSION = "0.1.0"

#: package -> (lowest tested version, first version *not* supported)
TESTED_RANGES: dict[str, tuple[str, str | None]] = {
    "numpy": ("1.26", None),
    "matplotlib": ("3.8", None),
    "scikit-learn": ("1.4", None),
    "ipywidgets": ("7.7", "9"),
}

_THREAD_VARS = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


def _vtuple(version: str) -> tuple[int, ...]:
    parts = []
    for piece in version.split(".")[:3]:
        digits = "".join(ch for ch in piece if ch.isdigit())
        parts.append(int(digits) if digits else 0)
    return tuple(parts)


def package_versions() -> dict[str, str]:
    """Return the installed version of Python, course_lib and each course dependency.

    Used in notebook 00 §1.
    """
    versions = {"python": platform.python_version(), "course_lib": VERSION}
    for name in TESTED_RANGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "missing"
    return versions


def version_problems(versions: dict[str, str]) -> list[str]:
    """Return one sentence per package outside its tested range (empty when all is well).

    Used in notebook 00 §1.
    """
    found = []
    if sys.version_info < (3, 10):
        found.append(message("setup.python_old", version=versions["python"]))
    for name, (low, high) in TESTED_RANGES.items():
        v = versions[name]
        if v == "missing":
            found.append(message("setup.missing", name=name))
        elif _vtuple(v) < _vtuple(low) or (high and _vtuple(v) >= _vtuple(high)):
            found.append(message("setup.out_of_range", name=name, version=v,
                                 range=f">={low}" + (f",<{high}" if high else "")))
    return found


def setup(verbose: bool = True, language: str = "en") -> None:
    """Prepare this kernel for the course and print what it runs on.

    Used in every notebook's setup cell; 00 §1.

    Parameters
    ----------
    verbose : bool, default True
        Print one line of versions (and any warning).
    language : {"en", "zh"}, default "en"
        The language of the course (:func:`course_lib.core.language.set_language`); the Chinese
        lessons pass "zh". Where no font can draw Chinese, figures stay in English and a line
        says so.

    The versions themselves are returned by :func:`package_versions`.
    """
    verbose = check_bool("verbose", verbose)
    for var in _THREAD_VARS:
        os.environ[var] = "1"
    threadpool_limits(limits=1)
    apply_style()
    if not set_language(language):
        print(message("language.no_font"))
    versions = package_versions()
    problems = version_problems(versions)
    for problem in problems:
        warnings.warn(message("setup.problem_warning", problem=problem), stacklevel=2)
    if verbose:
        colab = "google.colab" in sys.modules
        print(message("setup.environment", versions=", ".join(f"{k} {v}" for k, v in versions.items()),
                      colab=message("setup.yes" if colab else "setup.no")))
        print(message("setup.in_range") if not problems else message("setup.problems", count=len(problems)))
