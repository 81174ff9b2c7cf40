"""Lesson 00's exercise check accepts the reference solution and rejects typical wrong answers."""
import pytest

from checker_contract import assert_accepts, assert_rejects_with_a_diagnosis, assert_stub_and_crash_do_not_raise
from course_lib.start_here import checks

PARAMS_WRONG = {"no biases": lambda i, h, o: i * h + h * o, "no output bias": lambda i, h, o: i * h + h + h * o}
CHECKS = [(checks.mlp_param_count, lambda i, h, o: (i + 1) * h + (h + 1) * o, PARAMS_WRONG)]


@pytest.mark.parametrize("check, solution, wrong", CHECKS)
def test_accepts_solution(check, solution, wrong, capsys):
    assert_accepts(check, solution, capsys)


@pytest.mark.parametrize("check, solution, wrong", CHECKS)
def test_rejects_wrong_answers_with_a_diagnosis(check, solution, wrong, capsys):
    assert_rejects_with_a_diagnosis(check, wrong, capsys)


@pytest.mark.parametrize("check, solution, wrong", CHECKS)
def test_stub_and_crash_do_not_raise(check, solution, wrong, capsys):
    assert_stub_and_crash_do_not_raise(check, capsys)

