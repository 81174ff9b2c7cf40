"""Lesson 05's exercise checks accept the notebook's own Solution code and reject typical wrong answers."""
import numpy as np

from checker_contract import contract_tests, notebook_solutions
from course_lib.chinchilla import checks
from course_lib.scaling import compute_optimal

SOLUTIONS = notebook_solutions("05_chinchilla.ipynb")


def _n_opt(C, A, B, al, be):
    return ((al * A / (be * B)) ** (1 / (al + be))) * (np.asarray(C) / 6) ** (be / (al + be))


N_OPT_WRONG = {
    "forgot the /6": lambda C, E, A, B, al, be: ((al * A / (be * B)) ** (1 / (al + be))) * np.asarray(C) ** (be / (al + be)),
    "exponent b instead of a": lambda C, E, A, B, al, be: ((al * A / (be * B)) ** (1 / (al + be))) * (np.asarray(C) / 6) ** (al / (al + be)),
    "G inverted": lambda C, E, A, B, al, be: ((be * B / (al * A)) ** (1 / (al + be))) * (np.asarray(C) / 6) ** (be / (al + be)),
    "returned D_opt": lambda C, E, A, B, al, be: np.asarray(C) / (6 * _n_opt(C, A, B, al, be)),
    "works for a scalar only": lambda C, E, A, B, al, be: float(_n_opt(np.ravel(C)[0], A, B, al, be)),
}


def _vertex(N, loss):
    c2, c1, _ = np.polyfit(np.log(N), loss, 2)
    return float(np.exp(-c1 / (2 * c2)))


PARABOLA_WRONG = {
    "fitted against N, not ln N": lambda N, loss: float(-np.polyfit(N, loss, 2)[1] / (2 * np.polyfit(N, loss, 2)[0])),
    "the best trained size": lambda N, loss: float(np.asarray(N)[np.argmin(loss)]),
    "returned ln N": lambda N, loss: float(np.log(_vertex(N, loss))),
    "log10 fit, exp back": lambda N, loss: float(np.exp(-np.polyfit(np.log10(N), loss, 2)[1] / (2 * np.polyfit(np.log10(N), loss, 2)[0]))),
    "vertex sign flipped": lambda N, loss: float(np.exp(np.polyfit(np.log(N), loss, 2)[1] / (2 * np.polyfit(np.log(N), loss, 2)[0]))),
}

LOSS_AT_RATIO_WRONG = {
    "forgot the square root": lambda C, r, law: law.loss(C / (6 * r), C / 6),
    "forgot the 6": lambda C, r, law: law.loss(np.sqrt(C / r), r * np.sqrt(C / r)),
    "D = N / ratio": lambda C, r, law: law.loss(np.sqrt(C / (6 * r)), np.sqrt(C / (6 * r)) / r),
    "the optimum's loss, ignoring the ratio": lambda C, r, law: law.loss(*compute_optimal(C, law)),
    "the excess over the optimum instead of the loss": lambda C, r, law: (
        law.loss(np.sqrt(C / (6 * r)), r * np.sqrt(C / (6 * r)))
        - law.loss(*compute_optimal(C, law))),
}

CHECKS = [(checks.n_opt_by_hand, SOLUTIONS["n_opt_by_hand"], N_OPT_WRONG),
          (checks.parabola_minimum, SOLUTIONS["parabola_minimum"], PARABOLA_WRONG),
          (checks.loss_at_ratio, SOLUTIONS["loss_at_ratio"], LOSS_AT_RATIO_WRONG)]

test_accepts_solution, test_rejects_wrong_answers_with_a_diagnosis, test_stub_and_crash_do_not_raise = \
    contract_tests(CHECKS)


def test_every_exercise_has_a_solution_in_the_notebook():
    assert set(SOLUTIONS) == {"n_opt_by_hand", "parabola_minimum", "loss_at_ratio"}
