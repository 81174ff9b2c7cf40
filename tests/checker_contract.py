"""What every table-driven exercise check must do, shared by the lessons' ``test_checks.py``.

For a check, its reference solution and a dict of typical wrong answers: the solution passes;
each wrong answer fails with a diagnosis (expected, got, a hint); a stub and a crashing
function fail with a message instead of raising.
"""
from __future__ import annotations

from typing import Callable

import pytest


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
