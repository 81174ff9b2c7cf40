"""Lesson 00's exercise check accepts the reference solution and rejects typical wrong answers."""
from checker_contract import contract_tests
from course_lib.start_here import checks

PARAMS_WRONG = {"no biases": lambda i, h, o: i * h + h * o, "no output bias": lambda i, h, o: i * h + h + h * o}
CHECKS = [(checks.mlp_param_count, lambda i, h, o: (i + 1) * h + (h + 1) * o, PARAMS_WRONG)]

test_accepts_solution, test_rejects_wrong_answers_with_a_diagnosis, test_stub_and_crash_do_not_raise = \
    contract_tests(CHECKS)
