"""Lesson 03's exercise checks accept the notebook's own solutions and reject typical wrong answers.

The solutions are parsed from the notebook's Solution dropdowns (no kernel), so a checker is tested
against exactly the code a learner is shown; the functions below are the wrong answers (and the
helpers they are built from).
"""
import numpy as np

from checker_contract import contract_tests, notebook_solutions
from course_lib.grokking import checks

SOLUTIONS = notebook_solutions("03_grokking.ipynb")


adamw_solution = SOLUTIONS["adamw_step"]          # the notebook's, to build wrong answers on


def adamw_no_bias_correction(param, grad, m, v, t, lr, betas, eps, weight_decay):
    beta1, beta2 = betas
    m = beta1 * m + (1 - beta1) * grad
    v = beta2 * v + (1 - beta2) * grad ** 2
    return param - lr * (m / (np.sqrt(v) + eps) + weight_decay * param), m, v


def adam_with_l2(param, grad, m, v, t, lr, betas, eps, weight_decay):
    """Coupled decay: λθ added to the gradient (Adam + L2, not AdamW)."""
    return adamw_solution(param, grad + weight_decay * param, m, v, t, lr, betas, eps, 0.0)


def adamw_forgets_decay(param, grad, m, v, t, lr, betas, eps, weight_decay):
    return adamw_solution(param, grad, m, v, t, lr, betas, eps, 0.0)


def adamw_decay_without_lr(param, grad, m, v, t, lr, betas, eps, weight_decay):
    new, m, v = adamw_solution(param, grad, m, v, t, lr, betas, eps, 0.0)
    return new - weight_decay * param, m, v


shares_solution = SOLUTIONS["frequency_shares"]


def shares_not_folded(E):
    p = E.shape[0]
    power = (np.abs(np.fft.fft(E, axis=0)) ** 2).sum(axis=1)[: p // 2 + 1]
    return power / power.sum()


def shares_of_magnitude(E):
    p = E.shape[0]
    mag = np.abs(np.fft.fft(E, axis=0)).sum(axis=1)
    shares = mag[: p // 2 + 1].copy()
    shares[1:] += mag[::-1][: p // 2]
    return shares / shares.sum()


def shares_wrong_axis(E):
    return shares_solution(np.asarray(E).T) if E.shape[1] > 2 else np.zeros(E.shape[0] // 2 + 1)


def answer_difference(a, b, p, keys):
    c = np.arange(p)
    return int(np.argmax(sum(np.cos(2 * np.pi * k * (a - b - c) / p) for k in keys)))


def answer_sine(a, b, p, keys):
    c = np.arange(p)
    return int(np.argmax(sum(np.sin(2 * np.pi * k * (a + b - c) / p) for k in keys)))


def answer_no_modulo(a, b, p, keys):
    return a + b


def answer_by_modulo(a, b, p, keys):
    """Skips the cosines: right for every prime p, wrong where the cosines cannot tell c from c + 5."""
    return (a + b) % p


def answer_argmin(a, b, p, keys):
    c = np.arange(p)
    return int(np.argmin(sum(np.cos(2 * np.pi * k * (a + b - c) / p) for k in keys)))


CHECKS = [
    (checks.adamw_step, SOLUTIONS["adamw_step"], {"no bias correction": adamw_no_bias_correction,
                                         "Adam + L2 (coupled decay)": adam_with_l2,
                                         "no weight decay": adamw_forgets_decay,
                                         "decay not scaled by lr": adamw_decay_without_lr}),
    (checks.frequency_shares, SOLUTIONS["frequency_shares"], {"k and p - k not added": shares_not_folded,
                                                "magnitudes, not power": shares_of_magnitude,
                                                "transform over the wrong axis": shares_wrong_axis}),
    (checks.fourier_answer, SOLUTIONS["fourier_answer"], {"a - b instead of a + b": answer_difference,
                                                          "sines instead of cosines": answer_sine,
                                                          "forgot the modulus": answer_no_modulo,
                                                          "(a + b) % p, no cosines": answer_by_modulo,
                                                          "argmin instead of argmax": answer_argmin}),
]

test_accepts_solution, test_rejects_wrong_answers_with_a_diagnosis, test_stub_and_crash_do_not_raise = \
    contract_tests(CHECKS)


def test_every_exercise_has_a_solution_in_the_notebook():
    assert set(SOLUTIONS) == {"adamw_step", "frequency_shares", "fourier_answer"}


def test_the_course_reference_functions_agree_with_the_checks(capsys):
    """The library functions the notebook points to pass the same checks as the notebook's solutions."""
    from course_lib.grokking.adamw import adamw_step
    from course_lib.grokking.fourier import frequency_power
    assert checks.adamw_step(lambda p, g, m, v, t, lr, betas, eps, wd: adamw_step(p, g, m, v, t, lr, betas, eps, wd))
    assert checks.frequency_shares(frequency_power)
