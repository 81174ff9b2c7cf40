"""Print what `make test LESSON=NN` runs for one lesson: its test folder or its notebook.

Usage::

    python tools/lesson_paths.py tests 02      # -> tests/mirage
    python tools/lesson_paths.py notebook 02   # -> notebooks/02_mirage.ipynb notebooks/zh/02_mirage.ipynb

The lesson may be given by number (``2`` or ``02``) or by package name (``mirage``).
"""
from __future__ import annotations

import sys
from pathlib import Path

from course_lib import catalog

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] not in ("tests", "notebook"):
        print(__doc__, file=sys.stderr)
        return 2
    try:
        package = catalog.lesson(argv[1])
    except ValueError as err:
        print(err, file=sys.stderr)
        return 2
    name = package.__name__.rpartition(".")[2]
    if argv[0] == "tests":
        print(f"tests/{name}")
    else:  # the lesson and, where it exists, its Chinese edition
        print(" ".join(f"notebooks/{folder}{package.NOTEBOOK}" for folder in ("", "zh/")
                       if (ROOT / "notebooks" / f"{folder}{package.NOTEBOOK}").exists()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
