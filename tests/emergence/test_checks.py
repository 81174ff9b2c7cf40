"""Lesson 01's exercise checks accept the reference solutions and reject typical wrong answers."""
import numpy as np

from checker_contract import contract_tests
from course_lib import metrics
from course_lib.emergence import checks

EXACT_MATCH_WRONG = {
    "ignores length": lambda p, t: np.array([int(list(a)[:len(b)] == list(b)) for a, b in zip(p, t)]),
    "fraction of tokens": lambda p, t: np.array([np.mean([x == y for x, y in zip(a, b)]) for a, b in zip(p, t)]),
    "one number for all": lambda p, t: float(np.mean([list(a) == list(b) for a, b in zip(p, t)])),
}
EMERGENCE_WRONG = {
    "no sorting": lambda x, y: float(np.sign(np.argmax(y) - np.argmin(y)) * (np.max(y) - np.min(y))
                                     / np.sqrt(np.median(np.diff(y) ** 2))),
    "no sign": lambda x, y: metrics.emergence_score(x, y) * np.sign(metrics.emergence_score(x, y)),
    "mean instead of median": lambda x, y: float((max(y) - min(y)) / np.sqrt(np.mean(np.diff(np.asarray(y)[np.argsort(x)]) ** 2))),
}
STEPS_WRONG = {"p times k": lambda p, k: p * k, "p to the k-1": lambda p, k: p ** (k - 1)}

CHECKS = [
    (checks.exact_match, metrics.exact_match, EXACT_MATCH_WRONG),
    (checks.emergence_score, metrics.emergence_score, EMERGENCE_WRONG),
    (checks.all_steps_right, lambda p, k: p ** k, STEPS_WRONG),
]

test_accepts_solution, test_rejects_wrong_answers_with_a_diagnosis, test_stub_and_crash_do_not_raise = \
    contract_tests(CHECKS)


def test_messages_name_the_learners_function_and_round_numbers(capsys):
    def my_emergence_score(scales, values):
        return metrics.emergence_score(scales, values) * 1.01 + 1e-13

    assert not checks.emergence_score(my_emergence_score)
    out = capsys.readouterr().out
    assert out.startswith("my_emergence_score: case 1") and "emergence_score:" not in out.replace("my_emergence_score", "")
    expected_line = next(line for line in out.splitlines() if "expected:" in line)
    assert len(expected_line.split("expected:")[1].strip()) <= 8  # 4.0, not 4.000000000000001


def test_a_lambda_is_named_by_the_exercise(capsys):
    checks.all_steps_right(lambda p, k: p)
    assert capsys.readouterr().out.startswith("all_steps_right: case")
