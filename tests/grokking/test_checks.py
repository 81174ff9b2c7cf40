"""Lesson 03's exercise checks accept the reference solutions and reject typical wrong answers."""
import numpy as np

from checker_contract import contract_tests
from course_lib.grokking import checks


def adamw_solution(param, grad, m, v, t, lr, betas, eps, weight_decay):
    beta1, beta2 = betas
    m = beta1 * m + (1 - beta1) * grad
    v = beta2 * v + (1 - beta2) * grad ** 2
    m_hat, v_hat = m / (1 - beta1 ** t), v / (1 - beta2 ** t)
    return param - lr * (m_hat / (np.sqrt(v_hat) + eps) + weight_decay * param), m, v


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


def shares_solution(E):
    p = E.shape[0]
    power = (np.abs(np.fft.fft(E, axis=0)) ** 2).sum(axis=1)
    shares = power[: p // 2 + 1].copy()
    shares[1:] += power[::-1][: p // 2]
    return shares / shares.sum()


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


def answer_solution(a, b, p, keys):
    c = np.arange(p)
    return int(np.argmax(sum(np.cos(2 * np.pi * k * (a + b - c) / p) for k in keys)))


def answer_difference(a, b, p, keys):
    c = np.arange(p)
    return int(np.argmax(sum(np.cos(2 * np.pi * k * (a - b - c) / p) for k in keys)))


def answer_sine(a, b, p, keys):
    c = np.arange(p)
    return int(np.argmax(sum(np.sin(2 * np.pi * k * (a + b - c) / p) for k in keys)))


def answer_no_modulo(a, b, p, keys):
    return a + b


CHECKS = [
    (checks.adamw_step, adamw_solution, {"no bias correction": adamw_no_bias_correction,
                                         "Adam + L2 (coupled decay)": adam_with_l2,
                                         "no weight decay": adamw_forgets_decay,
                                         "decay not scaled by lr": adamw_decay_without_lr}),
    (checks.frequency_shares, shares_solution, {"k and p - k not added": shares_not_folded,
                                                "magnitudes, not power": shares_of_magnitude,
                                                "transform over the wrong axis": shares_wrong_axis}),
    (checks.fourier_answer, answer_solution, {"a - b instead of a + b": answer_difference,
                                              "sines instead of cosines": answer_sine,
                                              "forgot the modulus": answer_no_modulo}),
]

test_accepts_solution, test_rejects_wrong_answers_with_a_diagnosis, test_stub_and_crash_do_not_raise = \
    contract_tests(CHECKS)
