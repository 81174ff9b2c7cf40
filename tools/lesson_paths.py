"""Print what `make test LESSON=NN` runs for one lesson: its test folder or its notebook.

Usage::

    python tools/lesson_paths.py tests 02      # -> tests/mirage
    python tools/lesson_paths.py notebook 02   # -> notebooks/02_mirage.ipynb

The lesson may be given by number (``2`` or ``02``) or by package name (``mirage``).
"""
from __future__ import annotations

import sys

from course_lib import catalog


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
    print(f"tests/{name}" if argv[0] == "tests" else f"notebooks/{package.NOTEBOOK}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
