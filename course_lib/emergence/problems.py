"""Multi-digit addition problems and how the two model kinds see them.

Numbers are written as digit arrays, least significant digit first ("little-endian"), so
position ``i`` of an answer depends on positions ``0..i`` of the operands. An ``n``-digit
problem has an answer of ``L = n + 1`` digits; the last one is the final carry.

Two encodings:

- *direct*: the whole problem at once, one-hot digits of both operands (``20 n`` inputs);
  the model must produce every answer digit, carries included, in one step.
- *scratchpad*: one digit position at a time, one-hot ``a_i``, one-hot ``b_i`` and the
  incoming carry bit (21 inputs); the target is ``a_i + b_i + c_i`` (0..19), whose tens
  digit is the carry written down for the next position.
"""
from __future__ import annotations

import numpy as np

from course_lib.core.validation import check_array, check_count, check_random_state

__all__ = ["make_problems", "split_problems", "needs_held_out_split", "seen_share", "check_n_digits", "check_operands", "carries", "direct_inputs",
           "scratchpad_ids", "scratchpad_step_inputs", "scratchpad_examples", "digits_to_ints", "ints_to_digits"]

#: inputs of the scratchpad step: one-hot a_i (10), one-hot b_i (10), carry bit (1)
SCRATCHPAD_INPUTS = 21
#: classes of the scratchpad step: the value a_i + b_i + c_i, 0..19
SCRATCHPAD_CLASSES = 20


def check_n_digits(n_digits) -> int:
    """Return ``n_digits`` as an int, or raise if it is not a positive integer."""
    return check_count("n_digits", n_digits)


def check_operands(a, b) -> tuple[np.ndarray, np.ndarray]:
    """Return ``a`` and ``b`` as uint8 digit arrays of one shape (n, n_digits), or raise."""
    arrays = []
    for name, x in (("a", a), ("b", b)):
        arr = check_array(name, x, ndim=2, kind="iu", minimum=0, maximum=9, min_size=0)
        if arr.shape[1] < 1:
            raise ValueError(f"{name} must be a 2-D digit array (n_problems, n_digits), got shape {arr.shape}")
        arrays.append(arr.astype(np.uint8))
    if arrays[0].shape != arrays[1].shape:
        raise ValueError(f"a and b must have the same shape, got {arrays[0].shape} and {arrays[1].shape}")
    return arrays[0], arrays[1]


def carries(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """The carry into each position of ``a + b``: shape (n, n_digits + 1), uint8.

    Column 0 is 0 (nothing comes into the units digit); column ``n_digits`` is the final
    carry, which is also the last digit of the sum.
    """
    a, b = check_operands(a, b)
    carry = np.zeros((a.shape[0], a.shape[1] + 1), dtype=np.uint8)
    for i in range(a.shape[1]):
        carry[:, i + 1] = (a[:, i] + b[:, i] + carry[:, i]) // 10
    return carry


def make_problems(n_digits: int, n_problems: int, rng: np.random.Generator
                  ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Draw random addition problems with uniformly random ``n_digits``-digit operands.

    Each operand is uniform on 0 .. 10**n_digits - 1, zero-padded to ``n_digits`` digits
    (drawing every digit uniformly gives exactly that distribution).

    Parameters
    ----------
    n_digits : int
        Digits per operand, at least 1.
    n_problems : int
        Number of problems, at least 1.
    rng : numpy.random.Generator or int
        Source of randomness (an int seeds a new Generator).

    Returns
    -------
    a, b : ndarray of uint8, shape (n_problems, n_digits)
        Operand digits, least significant first.
    s : ndarray of uint8, shape (n_problems, n_digits + 1)
        Digits of ``a + b``, least significant first.
    """
    n_digits = check_n_digits(n_digits)
    n_problems = check_count("n_problems", n_problems)
    rng = check_random_state("rng", rng)
    a = rng.integers(0, 10, size=(n_problems, n_digits), dtype=np.uint8)
    b = rng.integers(0, 10, size=(n_problems, n_digits), dtype=np.uint8)
    carry = carries(a, b)
    s = np.empty((n_problems, n_digits + 1), dtype=np.uint8)
    s[:, :n_digits] = (a + b + carry[:, :n_digits]) % 10
    s[:, n_digits] = carry[:, n_digits]
    return a, b, s


#: the share of the problem space held out for testing when training would cover much of it
HELD_OUT_SHARE = 0.2
#: hold problems out when more than this share of fresh test problems would also be drawn for training
MAX_EXPECTED_SEEN = 0.01


def needs_held_out_split(n_digits: int, n_train: int) -> bool:
    """Whether ``n_train`` uniform draws would cover more than 1% of all ``n_digits``-digit problems.

    There are ``10 ** (2 n_digits)`` problems; after ``n_train`` draws a fresh problem was seen in
    training with probability ``1 - exp(-n_train / 10 ** (2 n_digits))``: 99.3% for 2 digits and
    50,000 draws, 4.9% for 3 digits, 0.05% for 4 digits.
    """
    n_digits, n_train = check_n_digits(n_digits), check_count("n_train", n_train)
    return -np.expm1(-n_train / 10.0 ** (2 * n_digits)) > MAX_EXPECTED_SEEN


def _ids_to_problems(ids: np.ndarray, n_digits: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Problem numbers ``a * 10**n + b`` -> little-endian digit arrays a, b and their sum s."""
    powers = 10 ** np.arange(n_digits, dtype=np.int64)
    a_int, b_int = np.divmod(ids.astype(np.int64), 10 ** n_digits)
    a = ((a_int[:, None] // powers) % 10).astype(np.uint8)
    b = ((b_int[:, None] // powers) % 10).astype(np.uint8)
    carry = carries(a, b)
    s = np.empty((len(ids), n_digits + 1), dtype=np.uint8)
    s[:, :n_digits] = (a + b + carry[:, :n_digits]) % 10
    s[:, n_digits] = carry[:, n_digits]
    return a, b, s


def split_problems(n_digits: int, n_train: int, n_test: int, rng: np.random.Generator):
    """Training and test problems that never share a problem.

    When training would cover much of the problem space (:func:`needs_held_out_split`: 2 and 3
    digits with 50,000 draws), a random :data:`HELD_OUT_SHARE` of all problems is held out: the
    training problems are drawn from the rest and the test problems from the held-out part (both
    uniformly, with replacement). Otherwise both are plain :func:`make_problems` draws, training
    first (a fresh problem was then seen in training with probability below 1%).

    Returns
    -------
    (a, b, s) for training, (a, b, s) for testing: as :func:`make_problems`.
    """
    n_digits = check_n_digits(n_digits)
    n_train, n_test = check_count("n_train", n_train), check_count("n_test", n_test)
    rng = check_random_state("rng", rng)
    if not needs_held_out_split(n_digits, n_train):
        return make_problems(n_digits, n_train, rng), make_problems(n_digits, n_test, rng)
    space = 10 ** (2 * n_digits)
    order = rng.permutation(space)
    n_held_out = int(round(HELD_OUT_SHARE * space))
    test_pool, train_pool = order[:n_held_out], order[n_held_out:]
    train = _ids_to_problems(rng.choice(train_pool, size=n_train), n_digits)
    test = _ids_to_problems(rng.choice(test_pool, size=n_test), n_digits)
    return train, test


def seen_share(train: tuple, test: tuple) -> float:
    """The share of test problems (with repeats) that also occur among the training problems."""
    def keys(problems):
        a, b = check_operands(problems[0], problems[1])
        powers = 10 ** np.arange(a.shape[1], dtype=np.int64)
        return (a.astype(np.int64) @ powers) * 10 ** a.shape[1] + b.astype(np.int64) @ powers
    return float(np.isin(keys(test), keys(train)).mean())


def direct_inputs(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """One-hot encode whole problems: float32 array (n, 20 * n_digits).

    Columns ``10 i + d`` say "digit i of a is d"; columns ``10 (n_digits + i) + d`` the
    same for b.
    """
    a, b = check_operands(a, b)
    n, n_digits = a.shape
    x = np.zeros((n, 20 * n_digits), dtype=np.float32)
    rows = np.arange(n)[:, None]
    offsets = 10 * np.arange(n_digits)
    x[rows, offsets + a] = 1.0
    x[rows, 10 * n_digits + offsets + b] = 1.0
    return x


def scratchpad_ids(a_i, b_i, carry_in) -> np.ndarray:
    """Number each scratchpad step input: ``id = 20 a_i + 2 b_i + carry_in`` (0..199)."""
    return (20 * np.asarray(a_i, dtype=np.intp) + 2 * np.asarray(b_i, dtype=np.intp)
            + np.asarray(carry_in, dtype=np.intp))


def scratchpad_step_inputs() -> tuple[np.ndarray, np.ndarray]:
    """All 200 distinct scratchpad step inputs, in :func:`scratchpad_ids` order.

    Returns
    -------
    x : ndarray of float32, shape (200, 21)
        One-hot ``a_i`` (columns 0..9), one-hot ``b_i`` (10..19), carry bit (column 20).
    v : ndarray of uint8, shape (200,)
        The correct step output ``a_i + b_i + carry_in``.
    """
    a_i, b_i, carry_in = (g.ravel() for g in np.meshgrid(np.arange(10), np.arange(10), np.arange(2),
                                                          indexing="ij"))
    x = np.zeros((200, SCRATCHPAD_INPUTS), dtype=np.float32)
    rows = np.arange(200)
    x[rows, a_i] = 1.0
    x[rows, 10 + b_i] = 1.0
    x[:, 20] = carry_in
    return x, (a_i + b_i + carry_in).astype(np.uint8)


def scratchpad_examples(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Training examples of the scratchpad step, with the true carries written in.

    Every digit position of every problem is one example (teacher forcing), given as its
    :func:`scratchpad_ids` number: shape (n * n_digits,), problem-major.
    """
    a, b = check_operands(a, b)
    return scratchpad_ids(a, b, carries(a, b)[:, :-1]).ravel()


def digits_to_ints(digits) -> np.ndarray:
    """Little-endian digit rows -> Python-sized integers (object array; for display)."""
    d = np.asarray(digits)
    weights = [10 ** i for i in range(d.shape[1])]
    return np.array([sum(int(x) * w for x, w in zip(row, weights)) for row in d], dtype=object)


def ints_to_digits(numbers, n_digits: int) -> np.ndarray:
    """Non-negative integers -> little-endian uint8 digit rows of width ``n_digits``.

    Raises ValueError if a number is negative or needs more than ``n_digits`` digits.
    """
    n_digits = check_n_digits(n_digits)
    values = [int(x) for x in np.atleast_1d(np.asarray(numbers, dtype=object))]
    if any(v < 0 or v >= 10 ** n_digits for v in values):
        raise ValueError(f"numbers must lie in 0..{10 ** n_digits - 1} for n_digits={n_digits}, got {values}")
    return np.array([[(v // 10 ** i) % 10 for i in range(n_digits)] for v in values], dtype=np.uint8)
