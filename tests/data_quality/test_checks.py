"""Lesson 06's exercise checks accept the notebook's own solutions and reject typical wrong answers."""
import numpy as np

from checker_contract import contract_tests, notebook_solutions
from course_lib import dedup
from course_lib.corpus import normalize
from course_lib.data_quality import checks

SOLUTIONS = notebook_solutions("06_data_and_dedup.ipynb")
P = np.uint64(dedup.PRIME)

MINHASH_WRONG = {
    "forgets the modulo": lambda x, a, b: np.min(a[:, None] * np.asarray(x)[None, :] + b[:, None], axis=1),
    "maximum instead of minimum": lambda x, a, b: np.max((a[:, None] * np.asarray(x)[None, :] + b[:, None]) % P, axis=1),
    "forgets b": lambda x, a, b: np.min((a[:, None] * np.asarray(x)[None, :]) % P, axis=1),
    "minimum over the hash functions": lambda x, a, b: np.min((a[:, None] * np.asarray(x)[None, :] + b[:, None]) % P, axis=0),
    "float64 arithmetic (rounds products above 2^53)": lambda x, a, b: np.min(
        (a.astype(float)[:, None] * np.asarray(x, dtype=float)[None, :] + b.astype(float)[:, None])
        % float(dedup.PRIME), axis=1),
    "modulo 2^31 instead of 2^31 - 1": lambda x, a, b: np.min(
        (a[:, None] * np.asarray(x)[None, :] + b[:, None]) % np.uint64(2**31), axis=1),
}


def _splits(n):
    return [(n // r, r) for r in range(1, n + 1) if n % r == 0]


BANDS_ROWS_WRONG = {
    "(rows, bands) swapped": lambda n, t: SOLUTIONS["choose_bands_rows"](n, t)[::-1],
    "powers of two only": lambda n, t: min(((n // 2 ** k, 2 ** k) for k in range(8) if n % 2 ** k == 0),
                                           key=lambda s: abs((1 / s[0]) ** (1 / s[1]) - t)),
    "threshold b^(-1/r) confused with (1/r)^(1/b)": lambda n, t: min(
        _splits(n), key=lambda s: abs((1 / s[1]) ** (1 / s[0]) - t)),
    "the first split whose threshold is above the target": lambda n, t: next(
        s for s in sorted(_splits(n), key=lambda s: (1 / s[0]) ** (1 / s[1])) if (1 / s[0]) ** (1 / s[1]) >= t),
    "range(1, num_perm) misses rows = num_perm": lambda n, t: min(
        [(n // r, r) for r in range(1, n) if n % r == 0], key=lambda s: abs((1 / s[0]) ** (1 / s[1]) - t)),
}


def _windows(words, n):
    return {tuple(words[i:i + n]) for i in range(len(words) - n + 1)}


NGRAM_WRONG = {
    "substring test on the raw texts": lambda t, i, n: i in t,
    "no normalisation": lambda t, i, n: any(" ".join(i.split()[k:k + n]) in t for k in range(len(i.split()) - n + 1)),
    "substring test on the joined normalised words": lambda t, i, n: any(
        " ".join(normalize(i)[k:k + n]) in " ".join(normalize(t)) for k in range(len(normalize(i)) - n + 1)),
    "windows cut short at the end of each text": lambda t, i, n: bool(
        {tuple(normalize(i)[k:k + n]) for k in range(len(normalize(i)))}
        & {tuple(normalize(t)[k:k + n]) for k in range(len(normalize(t)))}),
    "at least one window even for short texts": lambda t, i, n: bool(
        {tuple(normalize(i)[k:k + n]) for k in range(max(1, len(normalize(i)) - n + 1))}
        & {tuple(normalize(t)[k:k + n]) for k in range(max(1, len(normalize(t)) - n + 1))}),
    "range(len(train) - n) misses the training text's last window": lambda t, i, n: any(
        tuple(normalize(i)[k:k + n]) in {tuple(normalize(t)[j:j + n]) for j in range(len(normalize(t)) - n)}
        for k in range(len(normalize(i)) - n + 1)),
    "one word too many": lambda t, i, n: SOLUTIONS["ngram_hit"](t, i, n + 1),
    "one word too few": lambda t, i, n: SOLUTIONS["ngram_hit"](t, i, n - 1),
    "returns the count of shared windows": lambda t, i, n: len(_windows(normalize(i), n) & _windows(normalize(t), n)),
    "returns None when nothing matches": lambda t, i, n: True if SOLUTIONS["ngram_hit"](t, i, n) else None,
}

CHECKS = [(checks.minhash_signature, SOLUTIONS["minhash_signature"], MINHASH_WRONG),
          (checks.choose_bands_rows, SOLUTIONS["choose_bands_rows"], BANDS_ROWS_WRONG),
          (checks.ngram_hit, SOLUTIONS["ngram_hit"], NGRAM_WRONG)]

test_accepts_solution, test_rejects_wrong_answers_with_a_diagnosis, test_stub_and_crash_do_not_raise = \
    contract_tests(CHECKS)


def test_the_notebook_shows_a_solution_for_every_check():
    assert set(SOLUTIONS) == {"minhash_signature", "choose_bands_rows", "ngram_hit"}


def test_minhash_check_accepts_a_python_loop(capsys):
    def loop(shingle_ids, a, b):
        return np.array([min((int(ak) * int(x) + int(bk)) % dedup.PRIME for x in shingle_ids)
                         for ak, bk in zip(a, b)])
    assert checks.minhash_signature(loop)


def test_ngram_check_names_the_glued_words_case(capsys):
    assert not checks.ngram_hit(NGRAM_WRONG["substring test on the joined normalised words"])
    assert "whole words must match" in capsys.readouterr().out


def test_ngram_check_shows_booleans_as_themselves(capsys):
    assert not checks.ngram_hit(NGRAM_WRONG["returns the count of shared windows"])
    out = capsys.readouterr().out
    assert "expected: True" in out and "bool" in out
