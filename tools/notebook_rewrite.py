"""What the notebook tools share: apply a pure rewrite to notebook files, or check them.

``tools/strip_notebooks.py`` and ``tools/sync_notebooks.py`` each define one rewrite
(a function from a notebook and its path to the notebook as it should be committed); this
module finds the files that differ from their rewrite, rewrites them, and runs the
command line both tools offer (``--check`` to change nothing and exit 1 on a difference).
"""
from __future__ import annotations

import argparse
from pathlib import Path
from typing import Callable

import nbformat
from nbformat import NotebookNode

__all__ = ["NOTEBOOK_DIR", "Rewrite", "differing", "rewrite_file", "main"]

NOTEBOOK_DIR = Path(__file__).resolve().parents[1] / "notebooks"
#: the folders of translated editions under notebooks/
TRANSLATIONS = ("zh",)


def course_notebooks() -> list[Path]:
    """Every lesson: ``notebooks/*.ipynb``, then each translation's (``notebooks/zh/*.ipynb``)."""
    return sorted(NOTEBOOK_DIR.glob("*.ipynb")) + [p for lang in TRANSLATIONS
                                                   for p in sorted((NOTEBOOK_DIR / lang).glob("*.ipynb"))]

#: a notebook and its path -> the notebook as it should be committed
Rewrite = Callable[[NotebookNode, Path], NotebookNode]


def differing(paths: list[Path], rewrite: Rewrite) -> list[Path]:
    """The notebooks among ``paths`` that differ from their rewrite."""
    return [p for p in paths if rewrite(nb := nbformat.read(p, as_version=4), p) != nb]


def rewrite_file(path: Path, rewrite: Rewrite) -> bool:
    """Rewrite one notebook file in place; return True if it changed."""
    nb = nbformat.read(path, as_version=4)
    new = rewrite(nb, path)
    if new == nb:
        return False
    nbformat.write(new, path)
    return True


def main(argv: list[str] | None, description: str, rewrite: Rewrite, problem: str,
         make_target: str) -> int:
    """Command line: rewrite the notebooks, or with ``--check`` list those that need it."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--check", action="store_true", help=f"change nothing; exit 1 if any is {problem}")
    parser.add_argument("notebooks", nargs="*", type=Path, help="default: notebooks/*.ipynb and notebooks/zh/*.ipynb")
    args = parser.parse_args(argv)
    paths = args.notebooks or course_notebooks()
    if args.check:
        bad = differing(paths, rewrite)
        for p in bad:
            print(f"{problem}: {p} (run `make {make_target}`)")
        print(f"{len(paths) - len(bad)} of {len(paths)} notebook(s) fine")
        return 1 if bad else 0
    changed = [p for p in paths if rewrite_file(p, rewrite)]
    for p in changed:
        print(f"rewritten: {p}")
    print(f"{len(changed)} of {len(paths)} notebook(s) changed")
    return 0
