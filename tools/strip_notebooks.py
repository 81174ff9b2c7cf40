"""Strip notebooks before commit: no outputs, no execution counts, no widget state.

Notebooks are committed stripped, so nbval executes every cell but compares none (see
CONTRIBUTING.md), diffs stay readable, and no saved widget state goes stale.

Usage::

    python tools/strip_notebooks.py [--check] [NOTEBOOK ...]   # default: notebooks/*.ipynb

``--check`` changes nothing and exits 1, listing the notebooks that are not stripped.
"""
from __future__ import annotations

import copy
import sys
from pathlib import Path

from nbformat import NotebookNode

import notebook_rewrite
from notebook_rewrite import differing, rewrite_file

__all__ = ["CELL_METADATA_KEYS", "stripped", "not_stripped", "strip_file", "main"]

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
    return differing(paths, _rewrite)


def strip_file(path: Path) -> bool:
    """Strip one notebook file in place; return True if it changed."""
    return rewrite_file(path, _rewrite)


def _rewrite(nb: NotebookNode, path: Path) -> NotebookNode:
    return stripped(nb)


def main(argv: list[str] | None = None) -> int:
    return notebook_rewrite.main(argv, __doc__.split("\n")[0], _rewrite, "not stripped", "strip")


if __name__ == "__main__":
    sys.exit(main())
