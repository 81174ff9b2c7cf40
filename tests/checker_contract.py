"""What every table-driven exercise check must do, shared by the lessons' ``test_checks.py``.

For a check, its reference solution and a dict of typical wrong answers: the solution passes;
each wrong answer fails with a diagnosis (expected, got, a hint); a stub and a crashing
function fail with a message instead of raising.
"""
from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Callable

import nbformat
import pytest

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
_SOLUTION = re.compile(r"<summary>Solution</summary>.*?```python\n(.*?)```", re.S)


def stub(*args):
    raise NotImplementedError


def crashes(*args):
    raise IndexError("list index out of range")


def assert_accepts(check: Callable, solution: Callable, capsys) -> None:
    assert check(solution)
    assert "all" in capsys.readouterr().out


def assert_rejects_with_a_diagnosis(check: Callable, wrong: dict[str, Callable], capsys) -> None:
    for name, fn in wrong.items():
        result = check(fn)
        out = capsys.readouterr().out
        assert not result, name
        assert "expected" in out and "got" in out and "Hint" in out, name


def assert_stub_and_crash_do_not_raise(check: Callable, capsys) -> None:
    assert not check(stub)
    assert "not implemented yet" in capsys.readouterr().out
    assert not check(crashes)
    assert "IndexError" in capsys.readouterr().out


def contract_tests(checks: list[tuple[Callable, Callable, dict[str, Callable]]]):
    """The three contract tests, parametrised over ``checks`` = [(check, solution, wrong answers)].

    A lesson's ``test_checks.py`` binds them to module-level ``test_*`` names for pytest.
    """
    parametrise = pytest.mark.parametrize("check, solution, wrong", checks)

    @parametrise
    def test_accepts_solution(check, solution, wrong, capsys):
        assert_accepts(check, solution, capsys)

    @parametrise
    def test_rejects_wrong_answers_with_a_diagnosis(check, solution, wrong, capsys):
        assert_rejects_with_a_diagnosis(check, wrong, capsys)

    @parametrise
    def test_stub_and_crash_do_not_raise(check, solution, wrong, capsys):
        assert_stub_and_crash_do_not_raise(check, capsys)

    return test_accepts_solution, test_rejects_wrong_answers_with_a_diagnosis, test_stub_and_crash_do_not_raise


def notebook_solutions(notebook: str) -> dict[str, Callable]:
    """The functions of a lesson's own "Solution" dropdowns, parsed from the notebook (no kernel).

    Each solution is executed in a namespace holding the imports of the notebook's code cells,
    so a checker is tested against exactly the code a learner is shown. ``notebook`` is a file
    name in ``notebooks/`` such as ``"03_grokking.ipynb"``.
    """
    nb = nbformat.read(NOTEBOOKS / notebook, as_version=4)
    namespace: dict = {}
    imports = []
    for cell in nb.cells:
        if cell.cell_type == "code":
            try:
                tree = ast.parse(cell.source)
            except SyntaxError:  # IPython magics
                continue
            imports += [ast.unparse(node) for node in tree.body if isinstance(node, (ast.Import, ast.ImportFrom))]
    exec("\n".join(imports), namespace)  # noqa: S102 - the course's own notebook
    found: dict[str, Callable] = {}
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        for code in _SOLUTION.findall(cell.source):
            names = re.findall(r"^def (\w+)\(", code, re.M)
            exec(code, namespace)  # noqa: S102
            for name in names:
                found[name] = namespace[name]
    if not found:
        raise ValueError(f"{notebook} shows no solution")
    return found
