"""Keep every notebook's Colab badge and setup cell in step with ``course_lib.core.repository``.

Each notebook in ``notebooks/`` starts with

* cell 0, markdown, whose first line is the Open-in-Colab badge of that notebook, and
* cell 1, the setup code cell, exactly :func:`setup_cell_source`.

The repository address lives only in :mod:`course_lib.core.repository`; this tool writes it into
the notebooks. It inserts the badge line and the setup cell when they are missing, replaces
them when they are stale, and sets the ``python3`` kernelspec if another one is named.

Usage::

    python tools/sync_notebooks.py [--check] [NOTEBOOK ...]   # default: notebooks/*.ipynb

``--check`` changes nothing and exits 1, listing the notebooks that are out of sync.

It also rewrites the README files' Binder badge and Open-in-Colab links (:func:`synced_readme`), so
a fork that changes ``GITHUB_REPO`` runs ``make sync`` once and every link follows.
"""
from __future__ import annotations

import copy
import re
import sys
from pathlib import Path

import nbformat
from nbformat import NotebookNode

import notebook_rewrite
from course_lib.core import repository
from notebook_rewrite import NOTEBOOK_DIR, differing, rewrite_file

__all__ = ["BADGE_PREFIX", "SETUP_FIRST_LINE", "KERNELSPEC", "setup_cell_source", "badge_line",
           "synced", "out_of_sync", "sync_file", "default_notebooks", "main"]


#: how every badge line starts (used to recognise a stale badge)
BADGE_PREFIX = "[![Open In Colab]"
#: first line of the setup cell (used to recognise a stale setup cell)
SETUP_FIRST_LINE = ("# Setup: run this cell first. On Colab it installs course_lib "
                    "(no upgrades of Colab's packages).")
#: the kernelspec every notebook declares (Colab and JupyterLab both know it)
KERNELSPEC = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
SETUP_CELL_ID = "setup"
#: the same first line in the Chinese edition
SETUP_FIRST_LINE_ZH = "# 设置：请先运行本单元。在 Colab 上它会安装 course_lib（不升级 Colab 自带的软件包）。"


def setup_cell_source(language: str = "en") -> str:
    """Return the exact source of the setup cell (cell 1 of every notebook) of a ``language`` lesson.

    The Chinese edition's differs in its comment and in ``setup(language="zh")``, which switches
    every word course_lib shows to Chinese.
    """
    if language not in ("en", "zh"):
        raise ValueError(f"language must be 'en' or 'zh', got {language!r}")
    return "\n".join([
        SETUP_FIRST_LINE if language == "en" else SETUP_FIRST_LINE_ZH,
        "import sys",
        'if "google.colab" in sys.modules:',
        f'    %pip install -q "{repository.pip_spec()}"',
        "import course_lib",
        "course_lib.setup()" if language == "en" else 'course_lib.setup(language="zh")',
    ])


def badge_line(name: str) -> str:
    """Return the badge line for the notebook ``name`` under notebooks/ (``01_emergence.ipynb``,
    or ``zh/01_emergence.ipynb`` for the Chinese edition)."""
    if not isinstance(name, str) or not re.fullmatch(r"(?:zh/)?[^/]+\.ipynb", name):
        raise ValueError(f"name must be a notebook file name like '01_emergence.ipynb' or "
                         f"'zh/01_emergence.ipynb', got {name!r}")
    return repository.colab_badge(name)


def _new_cell(nb: NotebookNode, kind: str, cell_id: str) -> NotebookNode:
    """A new empty cell; with a fixed id when the notebook's format has cell ids (4.5+)."""
    cell = nbformat.v4.new_markdown_cell() if kind == "markdown" else nbformat.v4.new_code_cell()
    if nb.get("nbformat_minor", 0) >= 5:
        cell.id = cell_id
    else:
        cell.pop("id", None)
    return cell


def _with_badge(nb: NotebookNode, cell: NotebookNode | None, name: str) -> list[NotebookNode]:
    """The cell(s) that replace the first cell so that it starts with the badge."""
    badge = badge_line(name)
    if cell is None or cell.cell_type != "markdown":
        new = _new_cell(nb, "markdown", "colab-badge")
        new.source = badge
        return [new] if cell is None else [new, cell]
    lines = cell.source.split("\n")
    if lines[0].startswith(BADGE_PREFIX):
        lines[0] = badge
        cell.source = "\n".join(lines)
    else:
        cell.source = badge + "\n\n" + cell.source
    return [cell]


def _is_setup_cell(cell: NotebookNode) -> bool:
    return cell.cell_type == "code" and cell.source.startswith(("# Setup:", "# 设置："))


def synced(nb: NotebookNode, name: str) -> NotebookNode:
    """Return a copy of ``nb`` with the badge, setup cell and kernelspec of notebook ``name``
    (``zh/NN_name.ipynb`` for a lesson of the Chinese edition)."""
    nb = copy.deepcopy(nb)
    cells = [c for c in nb.cells if not _is_setup_cell(c)]
    first = _with_badge(nb, cells[0] if cells else None, name)
    cells = first + cells[1:]
    setup = next((c for c in nb.cells if _is_setup_cell(c)), None)
    if setup is None:
        setup = _new_cell(nb, "code", SETUP_CELL_ID)
    setup.source = setup_cell_source("zh" if name.startswith("zh/") else "en")
    nb.cells = cells[:1] + [setup] + cells[1:]
    if nb.metadata.get("kernelspec", {}).get("name") != KERNELSPEC["name"]:
        nb.metadata["kernelspec"] = dict(KERNELSPEC)
    return nb


def _rewrite(nb: NotebookNode, path: Path) -> NotebookNode:
    return synced(nb, f"zh/{path.name}" if path.parent.name == "zh" else path.name)


def out_of_sync(paths: list[Path]) -> list[Path]:
    """Return the notebooks among ``paths`` whose badge, setup cell or kernelspec is stale."""
    return differing(paths, _rewrite)


def sync_file(path: Path) -> bool:
    """Bring one notebook file in sync; return True if it changed."""
    return rewrite_file(path, _rewrite)


def default_notebooks() -> list[Path]:
    """Every notebook in ``notebooks/`` and ``notebooks/zh/``, sorted by name."""
    return notebook_rewrite.course_notebooks()


README_FILES = [NOTEBOOK_DIR.parent / "README.md", NOTEBOOK_DIR.parent / "README.zh.md"]
_COLAB_LINK = re.compile(r"https://colab\.research\.google\.com/github/[\w.-]+/[\w.-]+/blob/[\w./-]+?/notebooks/"
                         r"((?:zh/)?\d\d_\w+\.ipynb)")
_BINDER_BADGE = re.compile(r"\[!\[Binder\]\(https://mybinder\.org/badge_logo\.svg\)\]\(https://mybinder\.org/v2/gh/"
                           r"[^)]*?notebooks/((?:zh/)?\d\d_\w+\.ipynb)\)")


def synced_readme(text: str) -> str:
    """``text`` (a README) with every Colab link and Binder badge made from ``course_lib.core.repository``."""
    text = _COLAB_LINK.sub(lambda m: repository.colab_url(m.group(1)), text)
    return _BINDER_BADGE.sub(lambda m: repository.binder_badge(m.group(1)), text)


def readmes_out_of_sync() -> list[Path]:
    """The README files whose links do not name the repository of ``course_lib.core.repository``."""
    return [p for p in README_FILES if p.exists() and synced_readme(p.read_text(encoding="utf-8"))
            != p.read_text(encoding="utf-8")]


def main(argv: list[str] | None = None) -> int:
    status = notebook_rewrite.main(argv, __doc__.split("\n")[0], _rewrite, "out of sync", "sync")
    check = "--check" in (argv if argv is not None else sys.argv[1:])
    for path in README_FILES:
        if not path.exists():
            continue
        text = path.read_text(encoding="utf-8")
        if synced_readme(text) == text:
            continue
        if check:
            print(f"out of sync: {path.name}'s Colab or Binder links (run `make sync`)")
            status = 1
        else:
            path.write_text(synced_readme(text), encoding="utf-8")
            print(f"rewritten: {path.name}'s Colab and Binder links")
    return status


if __name__ == "__main__":
    sys.exit(main())
