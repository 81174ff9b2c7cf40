"""Lesson 05's exercise checks accept the reference solutions and reject typical wrong answers."""
import numpy as np

from checker_contract import contract_tests
from course_lib.chinchilla import checks
from course_lib.scaling import compute_optimal


def n_opt_solution(C, E, A, B, alpha, beta):
    G = (alpha * A / (beta * B)) ** (1 / (alpha + beta))
    return G * (np.asarray(C) / 6) ** (beta / (alpha + beta))


N_OPT_WRONG = {
    "forgot the /6": lambda C, E, A, B, al, be: ((al * A / (be * B)) ** (1 / (al + be))) * np.asarray(C) ** (be / (al + be)),
    "exponent b instead of a": lambda C, E, A, B, al, be: ((al * A / (be * B)) ** (1 / (al + be))) * (np.asarray(C) / 6) ** (al / (al + be)),
    "G inverted": lambda C, E, A, B, al, be: ((be * B / (al * A)) ** (1 / (al + be))) * (np.asarray(C) / 6) ** (be / (al + be)),
    "returned D_opt": lambda C, E, A, B, al, be: np.asarray(C) / (6 * n_opt_solution(C, E, A, B, al, be)),
}


def parabola_solution(N, loss):
    c2, c1, _ = np.polyfit(np.log(N), loss, 2)
    return float(np.exp(-c1 / (2 * c2)))


PARABOLA_WRONG = {
    "fitted against N, not ln N": lambda N, loss: float(-np.polyfit(N, loss, 2)[1] / (2 * np.polyfit(N, loss, 2)[0])),
    "the best trained size": lambda N, loss: float(np.asarray(N)[np.argmin(loss)]),
    "returned ln N": lambda N, loss: float(np.log(parabola_solution(N, loss))),
    "log10 fit, exp back": lambda N, loss: float(np.exp(-np.polyfit(np.log10(N), loss, 2)[1] / (2 * np.polyfit(np.log10(N), loss, 2)[0]))),
}


def tokens_solution(C, law):
    n_opt, d_opt = compute_optimal(C, law)
    return d_opt / n_opt


TOKENS_WRONG = {
    "always 20": lambda C, law: 20.0,
    "N over D": lambda C, law: 1 / tokens_solution(C, law),
    "forgot the 6 in D = C/(6N)": lambda C, law: 6 * tokens_solution(C, law),
}

CHECKS = [(checks.n_opt_by_hand, n_opt_solution, N_OPT_WRONG),
          (checks.parabola_minimum, parabola_solution, PARABOLA_WRONG),
          (checks.tokens_per_param, tokens_solution, TOKENS_WRONG)]

test_accepts_solution, test_rejects_wrong_answers_with_a_diagnosis, test_stub_and_crash_do_not_raise = \
    contract_tests(CHECKS)
