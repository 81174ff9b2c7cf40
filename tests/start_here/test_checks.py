"""Lesson 00's exercise check accepts the notebook's own solution and rejects typical wrong answers."""
from checker_contract import contract_tests, notebook_solutions
from course_lib.start_here import checks

SOLUTION = notebook_solutions("00_start_here.ipynb")["mlp_param_count"]
PARAMS_WRONG = {
    "no biases": lambda i, h, o: i * h + h * o,
    "no output bias": lambda i, h, o: i * h + h + h * o,
    "no hidden bias": lambda i, h, o: i * h + h * o + o,
    "biases counted once per layer": lambda i, h, o: i * h + h * o + 2,
    "a float": lambda i, h, o: float(i * h + h + h * o + o) + 0.5,
}
CHECKS = [(checks.mlp_param_count, SOLUTION, PARAMS_WRONG)]

test_accepts_solution, test_rejects_wrong_answers_with_a_diagnosis, test_stub_and_crash_do_not_raise = \
    contract_tests(CHECKS)
