"""Lesson 06's exercise checks accept the reference solutions and reject typical wrong answers."""
import numpy as np

from checker_contract import contract_tests
from course_lib import dedup
from course_lib.corpus import normalize
from course_lib.data_quality import checks

P = np.uint64(dedup.PRIME)

MINHASH_WRONG = {
    "forgets the modulo": lambda x, a, b: np.min(a[:, None] * np.asarray(x)[None, :] + b[:, None], axis=1),
    "maximum instead of minimum": lambda x, a, b: np.max((a[:, None] * np.asarray(x)[None, :] + b[:, None]) % P, axis=1),
    "forgets b": lambda x, a, b: np.min((a[:, None] * np.asarray(x)[None, :]) % P, axis=1),
    "minimum over the hash functions": lambda x, a, b: np.min((a[:, None] * np.asarray(x)[None, :] + b[:, None]) % P, axis=0),
}


def solution_bands_rows(num_perm, threshold):
    splits = [(num_perm // r, r) for r in range(1, num_perm + 1) if num_perm % r == 0]
    return min(splits, key=lambda s: abs((1 / s[0]) ** (1 / s[1]) - threshold))


BANDS_ROWS_WRONG = {
    "(rows, bands) swapped": lambda n, t: solution_bands_rows(n, t)[::-1],
    "powers of two only": lambda n, t: min(((n // 2 ** k, 2 ** k) for k in range(8) if n % 2 ** k == 0),
                                           key=lambda s: abs((1 / s[0]) ** (1 / s[1]) - t)),
    "threshold b^(-1/r) confused with (1/r)^(1/b)": lambda n, t: min(
        [(n // r, r) for r in range(1, n + 1) if n % r == 0], key=lambda s: abs((1 / s[1]) ** (1 / s[0]) - t)),
}


def solution_ngram_hit(train_text, item, n=13):
    train, words = normalize(train_text), normalize(item)
    seen = {tuple(train[i:i + n]) for i in range(len(train) - n + 1)}
    return any(tuple(words[i:i + n]) in seen for i in range(len(words) - n + 1))


NGRAM_WRONG = {
    "substring test": lambda t, i, n: i in t,
    "no normalisation": lambda t, i, n: any(" ".join(i.split()[k:k + n]) in t for k in range(len(i.split()) - n + 1)),
    "one word too many": lambda t, i, n: solution_ngram_hit(t, i, n + 1),
    "one word too few": lambda t, i, n: solution_ngram_hit(t, i, n - 1),
}

CHECKS = [(checks.minhash_signature, checks.reference_minhash_signature, MINHASH_WRONG),
          (checks.choose_bands_rows, solution_bands_rows, BANDS_ROWS_WRONG),
          (checks.ngram_hit, solution_ngram_hit, NGRAM_WRONG)]

test_accepts_solution, test_rejects_wrong_answers_with_a_diagnosis, test_stub_and_crash_do_not_raise = \
    contract_tests(CHECKS)


def test_minhash_check_accepts_a_python_loop(capsys):
    def loop(shingle_ids, a, b):
        return np.array([min((int(ak) * int(x) + int(bk)) % dedup.PRIME for x in shingle_ids)
                         for ak, bk in zip(a, b)])
    assert checks.minhash_signature(loop)
