"""Every package that course_lib imports at run time is declared in pyproject.toml.

Imports are read with ``ast`` from every module of course_lib (function-level ones included);
each top-level name that is not the standard library or course_lib itself must map to a
distribution in ``[project] dependencies``.
"""
from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

try:
    import tomllib
except ImportError:  # Python 3.10
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]
#: import name -> distribution name, where they differ
DISTRIBUTION = {"sklearn": "scikit-learn", "IPython": "ipython", "PIL": "pillow"}


def imported_packages(root: Path) -> set[str]:
    """Top-level names of every module imported anywhere under ``root``."""
    found = set()
    for path in root.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Import):
                found |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
                found.add(node.module.split(".")[0])
    return found


def undeclared(imports: set[str], declared: set[str]) -> list[str]:
    third_party = {name for name in imports if name not in sys.stdlib_module_names
                   and name not in ("__future__", "course_lib")}
    return sorted(name for name in third_party if DISTRIBUTION.get(name, name).lower() not in declared)


def declared_distributions() -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    return {re.split(r"[<>=!~;\[ ]", requirement, maxsplit=1)[0].lower() for requirement in project["dependencies"]}


def test_every_runtime_import_is_declared():
    assert undeclared(imported_packages(ROOT / "course_lib"), declared_distributions()) == []


def test_an_undeclared_import_is_caught():
    assert undeclared({"numpy", "os", "threadpoolctl", "sklearn"}, {"numpy", "scikit-learn"}) == ["threadpoolctl"]
