"""Keep a translated lesson in step with the English one it translates (``make translations``).

A translated notebook ``notebooks/<lang>/NN_name.ipynb`` holds one cell per English cell, in the
same order. Each translated cell records what it translates in its metadata::

    "translation": {"source": "<id of the English cell>", "sha": "<first 16 hex of its SHA-256>"}

Code cells are the English code cells themselves (only the setup cell may differ, since it sets the
language), and so are the fenced code blocks in markdown (the Solution dropdowns' code). When an English cell changes, its hash no longer matches and the translation is *stale*;
an English cell with no translation is *missing*; a translated cell whose English cell is gone is an
*orphan*. ``tests/notebooks/test_translations.py`` fails on any of them, naming both cells.

Usage::

    python tools/translations.py            # list every stale, missing or orphan cell; exit 1 if any
    python tools/translations.py --stamp zh/03_grokking.ipynb   # record the hashes after translating
"""
from __future__ import annotations

import argparse
import hashlib
import re
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
LANGUAGES = ("zh",)
#: a fenced code block in markdown (a Solution dropdown's code): the same in every language
_CODE_BLOCK = re.compile(r"```.*?```", re.S)

__all__ = ["source_hash", "translation_problems", "translated_notebooks", "stamp", "main"]


def source_hash(source: str) -> str:
    """The hash a translation records of the English cell it translates."""
    return hashlib.sha256(source.encode("utf-8")).hexdigest()[:16]


def translated_notebooks(language: str = "zh") -> list[Path]:
    """The translated lessons of ``language``, sorted."""
    return sorted((NOTEBOOKS / language).glob("[0-9][0-9]_*.ipynb"))


def english_of(path: Path) -> Path:
    """The English lesson that ``notebooks/<lang>/NN_name.ipynb`` translates."""
    return path.parent.parent / path.name


def translation_problems(english: nbformat.NotebookNode, translated: nbformat.NotebookNode,
                         name: str = "notebook") -> list[str]:
    """Every stale, missing or orphan translated cell, and code that differs from the English."""
    by_id = {cell.get("id"): (i, cell) for i, cell in enumerate(english.cells)}
    covered: set[str] = set()
    problems = []
    for j, cell in enumerate(translated.cells):
        record = cell.get("metadata", {}).get("translation")
        if not record:
            problems.append(f"{name}: translated cell {j} records no English source (run --stamp after translating)")
            continue
        source = record.get("source")
        if source not in by_id:
            problems.append(f"{name}: translated cell {j} is an orphan: English cell id {source!r} is gone")
            continue
        i, original = by_id[source]
        covered.add(source)
        if record.get("sha") != source_hash(original.source):
            problems.append(f"{name}: translated cell {j} is stale: English cell {i} (id {source!r}) changed "
                            f"since it was translated")
        if original.cell_type != cell.cell_type:
            problems.append(f"{name}: translated cell {j} is {cell.cell_type} but English cell {i} is {original.cell_type}")
        elif original.cell_type == "code" and cell.source != original.source \
                and not original.source.startswith("# Setup:"):
            problems.append(f"{name}: translated code cell {j} differs from English cell {i}: code is not translated")
        elif original.cell_type == "markdown" and _CODE_BLOCK.findall(cell.source) != _CODE_BLOCK.findall(original.source):
            problems.append(f"{name}: translated cell {j} changes a code block of English cell {i} (a solution's or "
                            f"an example's code is not translated)")
    for i, cell in enumerate(english.cells):
        if cell.get("id") not in covered:
            problems.append(f"{name}: English cell {i} (id {cell.get('id')!r}) has no translation")
    return problems


def stamp(path: Path) -> int:
    """Record in each translated cell of ``path`` the hash of its English cell, matched by position."""
    english = nbformat.read(english_of(path), as_version=4)
    translated = nbformat.read(path, as_version=4)
    if len(english.cells) != len(translated.cells):
        raise ValueError(f"{path.name}: {len(translated.cells)} cells but the English has {len(english.cells)}")
    for original, cell in zip(english.cells, translated.cells):
        cell.metadata["translation"] = {"source": original.get("id"), "sha": source_hash(original.source)}
    nbformat.write(translated, path)
    return len(translated.cells)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stamp", type=Path, nargs="*", help="translated notebooks to stamp (paths under notebooks/)")
    args = parser.parse_args(argv)
    if args.stamp:
        for path in args.stamp:
            path = path if path.is_absolute() or path.exists() else NOTEBOOKS / path
            print(f"{path.name}: {stamp(path)} cells stamped")
        return 0
    problems, count = [], 0
    for language in LANGUAGES:
        for path in translated_notebooks(language):
            count += 1
            problems += translation_problems(nbformat.read(english_of(path), as_version=4),
                                             nbformat.read(path, as_version=4), f"{language}/{path.name}")
    for line in problems:
        print(line)
    print(f"{count} translated lesson(s), {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
