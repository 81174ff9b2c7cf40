"""course_lib imports only downwards: core < shared science < lessons (in notebook order) < catalog.

Every module's imports are read with ``ast`` (nothing is imported), function-level imports
included, and each import of a course_lib module must respect the floors:

- ``course_lib.core.*`` (and the package ``__init__``) import only ``core``;
- the shared science (``metrics``, ``papers``, ``nets``, ``model_sizes``, and any other module
  or package at the top level that is not a lesson) imports only ``core`` and the shared floor;
- a lesson imports core, the shared floor, itself, and the task, model and family code of
  *earlier* lessons: never a later lesson, and never another lesson's demos or checks;
- ``catalog`` and ``build_cache`` sit on top and may import anything.

There are no function-level imports of course_lib, and no import circles. The second half
of this file plants violations in a scratch package and shows that each one is caught.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "course_lib"
TOP = ("course_lib.catalog", "course_lib.build_cache")
#: modules of a lesson that no other lesson may import
LESSON_PRIVATE = ("demos", "checks")


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def read_imports(path: Path, root: Path) -> list[tuple[str, int, bool]]:
    """(imported course_lib module, line, at module level?) for every import in ``path``."""
    name = module_name(path, root)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    tree = ast.parse(path.read_text(), filename=str(path))
    top_level = {id(node) for node in tree.body}
    found = []
    for node in ast.walk(tree):
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            # "from course_lib.x import y" may import the module course_lib.x.y
            targets = [f"{base}.{alias.name}" for alias in node.names] + [base]
        for target in targets:
            if target == root.name or target.startswith(root.name + "."):
                found.append((target, node.lineno, id(node) in top_level))
    return found


def existing_module(target: str, modules: set[str]) -> str | None:
    """The longest prefix of ``target`` that is a module of the package."""
    parts = target.split(".")
    for end in range(len(parts), 0, -1):
        candidate = ".".join(parts[:end])
        if candidate in modules:
            return candidate
    return None


def lessons_in_order(root: Path) -> list[str]:
    """Lesson packages (their ``__init__`` sets NOTEBOOK), ordered by notebook number."""
    found = []
    for init in root.glob("*/__init__.py"):
        tree = ast.parse(init.read_text())
        for node in tree.body:
            if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "NOTEBOOK" for t in node.targets):
                found.append((node.value.value, f"{root.name}.{init.parent.name}"))
    return [name for _, name in sorted(found)]


def floor_of(module: str, lessons: list[str], root_name: str) -> tuple[int, int]:
    """(floor, lesson rank): 0 core, 1 shared, 2 lesson (rank = notebook order), 3 top."""
    if module in (f"{root_name}.catalog", f"{root_name}.build_cache"):
        return 3, 0
    if module == root_name or module.startswith(f"{root_name}.core"):
        return 0, 0
    for rank, lesson in enumerate(lessons):
        if module == lesson or module.startswith(lesson + "."):
            return 2, rank
    return 1, 0


def violations(root: Path) -> list[str]:
    """Every import in the package at ``root`` that breaks a floor, hides in a function or closes a circle."""
    paths = sorted(root.rglob("*.py"))
    modules = {module_name(p, root) for p in paths}
    lessons = lessons_in_order(root)
    graph: dict[str, set[str]] = {m: set() for m in modules}
    problems = []
    for path in paths:
        source = module_name(path, root)
        src_floor, src_rank = floor_of(source, lessons, root.name)
        for target, line, top_level in read_imports(path, root):
            imported = existing_module(target, modules)
            if imported is None or imported == source:
                continue
            where = f"{path.relative_to(root.parent)}:{line} imports {imported}"
            if not top_level:
                problems.append(f"{where} inside a function or block (import at module level)")
            graph[source].add(imported)
            dst_floor, dst_rank = floor_of(imported, lessons, root.name)
            if dst_floor > src_floor:
                problems.append(f"{where}: a higher floor")
            elif src_floor == dst_floor == 2 and dst_rank != src_rank:
                if dst_rank > src_rank:
                    problems.append(f"{where}: a later lesson")
                elif imported.rpartition(".")[2] in LESSON_PRIVATE:
                    problems.append(f"{where}: another lesson's {imported.rpartition('.')[2]}")
    problems += [f"import circle: {' -> '.join(cycle)}" for cycle in circles(graph)]
    return problems


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One cycle per strongly connected group of modules that import each other."""
    found, state = [], {}

    def visit(node: str, stack: list[str]) -> None:
        state[node] = "open"
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == "open":
                found.append(stack[stack.index(nxt):] + [nxt])
            elif nxt not in state:
                visit(nxt, stack)
        stack.pop()
        state[node] = "done"

    for node in sorted(graph):
        if node not in state:
            visit(node, [])
    return found


def test_course_lib_respects_the_floors():
    assert violations(PACKAGE) == []


def test_every_floor_is_populated():
    modules = {module_name(p, PACKAGE) for p in PACKAGE.rglob("*.py")}
    lessons = lessons_in_order(PACKAGE)
    floors = {floor_of(m, lessons, "course_lib")[0] for m in modules}
    assert floors == {0, 1, 2, 3}
    assert lessons[:3] == ["course_lib.start_here", "course_lib.emergence", "course_lib.mirage"]


# ---- the checker, on planted violations -----------------------------------------------------

def write_package(root: Path, files: dict[str, str]) -> Path:
    package = root / "course_lib"
    for relative, text in files.items():
        path = package / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return package


CLEAN = {
    "__init__.py": "from course_lib.core.base import thing\n",
    "core/__init__.py": "",
    "core/base.py": "thing = 1\n",
    "metrics.py": "from course_lib.core import base\n",
    "one/__init__.py": "NOTEBOOK = '01_one.ipynb'\nfrom course_lib.one import models\n",
    "one/models.py": "from course_lib import metrics\n",
    "one/demos.py": "from course_lib.one.models import x\n",
    "two/__init__.py": "NOTEBOOK = '02_two.ipynb'\n",
    "two/demos.py": "from course_lib.one.models import x\nfrom course_lib.two import extra\n",
    "two/extra.py": "import numpy\n",
    "catalog.py": "import course_lib.two.demos\nfrom course_lib.one import demos\n",
}


@pytest.mark.parametrize("planted, expected", [
    ({"core/base.py": "from course_lib import metrics\n"}, "a higher floor"),
    ({"metrics.py": "from course_lib.one import models\n"}, "a higher floor"),
    ({"one/models.py": "from course_lib.two import extra\n"}, "a later lesson"),
    ({"two/extra.py": "from course_lib.one.demos import y\n"}, "another lesson's demos"),
    ({"two/extra.py": "from course_lib.one import checks\n", "one/checks.py": ""}, "another lesson's checks"),
    ({"two/extra.py": "def f():\n    from course_lib import metrics\n"}, "inside a function"),
    ({"two/extra.py": "from course_lib.two import demos\n"}, "import circle"),
    ({"core/base.py": "from . import other\n", "core/other.py": "from .base import thing\n"}, "import circle"),
    ({"metrics.py": "from course_lib.catalog import x\n"}, "a higher floor"),
])
def test_a_planted_violation_is_caught(tmp_path, planted, expected):
    assert violations(write_package(tmp_path, CLEAN)) == []
    package = write_package(tmp_path / "planted", {**CLEAN, **planted})
    found = violations(package)
    assert any(expected in problem for problem in found), found
