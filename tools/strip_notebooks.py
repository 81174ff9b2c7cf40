"""Strip notebooks before commit: no outputs, no execution counts, no widget state.

Notebooks are committed stripped, so nbval executes every cell but compares none (see
CONTRIBUTING.md), diffs stay readable, and no saved widget state goes stale.

Usage::

    python tools/strip_notebooks.py [--check] [NOTEBOOK ...]   # default: notebooks/*.ipynb

``--check`` changes nothing and exits 1, listing the notebooks that are not stripped.
"""
from __future__ import annotations

import argparse
import copy
import sys
from pathlib import Path

import nbformat
from nbformat import NotebookNode

__all__ = ["CELL_METADATA_KEYS", "stripped", "not_stripped", "strip_file", "main"]

NOTEBOOK_DIR = Path(__file__).resolve().parents[1] / "notebooks"

#: per-cell metadata written by Jupyter frontends or executors, never meant to be committed
CELL_METADATA_KEYS = ("execution", "ExecuteTime", "collapsed", "scrolled")


def stripped(nb: NotebookNode) -> NotebookNode:
    """Return a copy of ``nb`` without outputs, execution counts and widget state."""
    nb = copy.deepcopy(nb)
    nb.metadata.pop("widgets", None)
    for cell in nb.cells:
        for key in CELL_METADATA_KEYS:
            cell.metadata.pop(key, None)
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    return nb


def not_stripped(paths: list[Path]) -> list[Path]:
    """Return the notebooks among ``paths`` that still carry outputs, counts or widget state."""
    out = []
    for p in paths:
        nb = nbformat.read(p, as_version=4)
        if stripped(nb) != nb:
            out.append(p)
    return out


def strip_file(path: Path) -> bool:
    """Strip one notebook file in place; return True if it changed."""
    nb = nbformat.read(path, as_version=4)
    new = stripped(nb)
    if new == nb:
        return False
    nbformat.write(new, path)
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if not stripped")
    parser.add_argument("notebooks", nargs="*", type=Path, help="default: notebooks/*.ipynb")
    args = parser.parse_args(argv)
    paths = args.notebooks or sorted(NOTEBOOK_DIR.glob("*.ipynb"))
    if args.check:
        dirty = not_stripped(paths)
        for p in dirty:
            print(f"not stripped: {p} (run `make strip`)")
        return 1 if dirty else 0
    changed = [p for p in paths if strip_file(p)]
    for p in changed:
        print(f"stripped: {p}")
    print(f"{len(changed)} of {len(paths)} notebook(s) changed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
