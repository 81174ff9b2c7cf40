"""The two numpy model kinds of the addition lessons: *direct* and *scratchpad*.

Both are the same small network, :class:`course_lib.nets.SoftmaxMLP`: one ReLU
hidden layer of width ``h`` and softmax heads, trained with Adam (lr 3e-3, batch 512).

- :class:`DirectAdditionModel` reads both whole operands and has one 10-way head per answer
  digit, so it must work out every carry internally in a single step.
- :class:`DirectWithCarriesModel` (an ablation) is the direct model also given the true carries
  into positions 1..n-1 as extra inputs, at training *and* test time: the intermediate results
  without weight sharing or a small input.
- :class:`StepWithoutCarryModel` (an ablation) is the weight-shared step network that reads only
  the digit pair, not the carry: weight sharing and a small input without the intermediate result.
- :class:`ScratchpadAdditionModel` reads one digit pair plus the carry written in its
  scratchpad and predicts ``a_i + b_i + c_i`` (20 classes). Training gives it the true
  carries (teacher forcing); at test time :func:`chain_scratchpad` runs it from the units
  digit up, feeding back the carry it wrote itself. Its weights are shared across
  positions, so it is far smaller than a direct model of the same width.
"""
from __future__ import annotations

from typing import Callable

import numpy as np

from course_lib.emergence.problems import (SCRATCHPAD_CLASSES, SCRATCHPAD_INPUTS, carries, check_n_digits,
                                      check_operands, direct_inputs, scratchpad_examples,
                                      scratchpad_ids, scratchpad_step_inputs)
from course_lib.nets import SoftmaxMLP

__all__ = ["DirectAdditionModel", "DirectWithCarriesModel", "ScratchpadAdditionModel", "StepWithoutCarryModel",
           "chain_scratchpad"]

#: test problems per forward pass when predicting (bounds memory, not results)
_PREDICT_CHUNK = 25_000


class DirectAdditionModel:
    """Reads both whole operands, writes every answer digit at once (one head per digit).

    Parameters
    ----------
    n_digits : int
        Digits per operand; the model has ``20 n_digits`` inputs and ``n_digits + 1`` heads.
    width : int
        Hidden units.
    rng : numpy.random.Generator
        Draws the initial weights.
    """

    kind = "direct"

    def __init__(self, n_digits: int, width: int, rng: np.random.Generator):
        self.n_digits = check_n_digits(n_digits)
        self.mlp = SoftmaxMLP(20 * n_digits, width, n_digits + 1, 10, rng)

    @property
    def n_params(self) -> int:
        """Number of weights and biases."""
        return self.mlp.n_params

    def _check(self, a, b) -> tuple[np.ndarray, np.ndarray]:
        a, b = check_operands(a, b)
        if a.shape[1] != self.n_digits:
            raise ValueError(f"a must have {self.n_digits} digit columns, got {a.shape[1]}")
        return a, b

    def fit(self, a, b, s, epochs: int, rng: np.random.Generator) -> "DirectAdditionModel":
        """Train on problems ``a + b = s`` (digit arrays as from ``make_problems``)."""
        a, b = self._check(a, b)
        s = np.asarray(s)
        if s.shape != (len(a), self.n_digits + 1):
            raise ValueError(f"s must have shape {(len(a), self.n_digits + 1)}, got {s.shape}")
        self.mlp.fit(direct_inputs(a, b), s, epochs, rng)
        return self

    def predict_proba(self, a, b) -> np.ndarray:
        """Probability of each digit 0..9 at each answer position: (n, n_digits + 1, 10)."""
        a, b = self._check(a, b)
        return np.concatenate([self.mlp.probabilities(direct_inputs(a[i:i + _PREDICT_CHUNK],
                                                                    b[i:i + _PREDICT_CHUNK]))
                               for i in range(0, len(a), _PREDICT_CHUNK)])

    def predict(self, a, b) -> np.ndarray:
        """Most likely answer digits, little-endian: uint8 array (n, n_digits + 1)."""
        a, b = self._check(a, b)
        return np.concatenate([self.mlp.predict_classes(direct_inputs(a[i:i + _PREDICT_CHUNK],
                                                                      b[i:i + _PREDICT_CHUNK]))
                               for i in range(0, len(a), _PREDICT_CHUNK)])


class DirectWithCarriesModel(DirectAdditionModel):
    """The direct model, also given the true carries into positions 1..n-1 (an ablation).

    Same network and heads as :class:`DirectAdditionModel`, with ``n_digits - 1`` extra 0/1
    inputs: the carry into each position but the units (always 0) and the final carry (which is
    the answer's last digit). The carries are the true ones at test time too, so this is a
    generous oracle: the intermediate results are supplied, nothing is shared across positions.
    """

    kind = "direct_carries"

    def __init__(self, n_digits: int, width: int, rng: np.random.Generator):
        self.n_digits = check_n_digits(n_digits)
        self.mlp = SoftmaxMLP(21 * n_digits - 1, width, n_digits + 1, 10, rng)

    def _inputs(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        c = carries(a, b)[:, 1:self.n_digits].astype(np.float32)
        return np.concatenate([direct_inputs(a, b), c], axis=1)

    def fit(self, a, b, s, epochs: int, rng: np.random.Generator) -> "DirectWithCarriesModel":
        """Train on problems ``a + b = s``, with their true carries as extra inputs."""
        a, b = self._check(a, b)
        s = np.asarray(s)
        if s.shape != (len(a), self.n_digits + 1):
            raise ValueError(f"s must have shape {(len(a), self.n_digits + 1)}, got {s.shape}")
        self.mlp.fit(self._inputs(a, b), s, epochs, rng)
        return self

    def predict_proba(self, a, b) -> np.ndarray:
        """Probability of each digit at each answer position, given the true carries."""
        a, b = self._check(a, b)
        return np.concatenate([self.mlp.probabilities(self._inputs(a[i:i + _PREDICT_CHUNK], b[i:i + _PREDICT_CHUNK]))
                               for i in range(0, len(a), _PREDICT_CHUNK)])

    def predict(self, a, b) -> np.ndarray:
        """Most likely answer digits given the true carries: uint8 array (n, n_digits + 1)."""
        a, b = self._check(a, b)
        return np.concatenate([self.mlp.predict_classes(self._inputs(a[i:i + _PREDICT_CHUNK], b[i:i + _PREDICT_CHUNK]))
                               for i in range(0, len(a), _PREDICT_CHUNK)])


def chain_scratchpad(step: Callable[[np.ndarray, np.ndarray, np.ndarray], np.ndarray],
                     a: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Run a digit step from the units digit up, feeding back the carries it writes.

    Parameters
    ----------
    step : callable
        ``step(a_i, b_i, carry_in) -> v``: for 1-D arrays of one position of every problem,
        the value (0..19) the step writes; its digit is ``v % 10`` and the carry it writes
        for the next position is ``v // 10``.
    a, b : digit arrays (n, n_digits)

    Returns
    -------
    digits : uint8 array (n, n_digits + 1)
        The answer; the last digit is the carry written after the top position.
    carries_written : uint8 array (n, n_digits + 1)
        The carry fed into each position (column 0 is 0) and, last, the final carry.
    """
    a, b = check_operands(a, b)
    n, n_digits = a.shape
    digits = np.zeros((n, n_digits + 1), dtype=np.uint8)
    written = np.zeros((n, n_digits + 1), dtype=np.uint8)
    for i in range(n_digits):
        v = np.asarray(step(a[:, i], b[:, i], written[:, i]))
        digits[:, i] = v % 10
        written[:, i + 1] = v // 10
    digits[:, n_digits] = written[:, n_digits]
    return digits, written


class ScratchpadAdditionModel:
    """One digit step ``(a_i, b_i, carry) -> a_i + b_i + carry``, shared by all positions.

    Parameters
    ----------
    width : int
        Hidden units. The weights do not depend on the number of digits.
    rng : numpy.random.Generator
        Draws the initial weights.
    """

    kind = "scratchpad"

    def __init__(self, width: int, rng: np.random.Generator):
        self.mlp = SoftmaxMLP(SCRATCHPAD_INPUTS, width, 1, SCRATCHPAD_CLASSES, rng)

    @property
    def n_params(self) -> int:
        """Number of weights and biases."""
        return self.mlp.n_params

    def fit(self, a, b, s, epochs: int, rng: np.random.Generator) -> "ScratchpadAdditionModel":
        """Train on every position of problems ``a + b = s``, given the true carries.

        ``s`` is not needed (the targets follow from ``a``, ``b`` and the carries); it is
        accepted so both model kinds are trained the same way. There are only 200 distinct
        step inputs, so each minibatch gradient is computed once per distinct input.
        """
        step_x, step_v = scratchpad_step_inputs()
        self.mlp.fit(step_x, step_v, epochs, rng, example_ids=scratchpad_examples(a, b))
        return self

    def step_table(self) -> np.ndarray:
        """Probabilities of the values 0..19 for every step input: (200, 20), by step id."""
        return self.mlp.probabilities(scratchpad_step_inputs()[0])[:, 0, :]

    def step(self, a_i, b_i, carry_in) -> np.ndarray:
        """The most likely value 0..19 for one position (the model's scratchpad entry).

        The network is evaluated on all 200 possible step inputs and the answers looked up.
        """
        return self.step_table().argmax(axis=1).astype(np.uint8)[scratchpad_ids(a_i, b_i, carry_in)]

    def predict(self, a, b) -> np.ndarray:
        """Answer digits (n, n_digits + 1), chaining the carries the model writes itself."""
        return chain_scratchpad(self.step, a, b)[0]

    def predict_proba(self, a, b) -> np.ndarray:
        """Probability of each digit at each answer position, given the carries written.

        Position ``i < n_digits`` gets P(v % 10 = d) with the carry the model wrote at
        ``i - 1``; the last position gets P(final carry = d) for d = 0, 1 (0 for d >= 2).
        :meth:`predict` writes the most likely *value* v, whose digit is almost always,
        but not by definition, the most likely digit here. Shape (n, n_digits + 1, 10).
        """
        a, b = check_operands(a, b)
        n, n_digits = a.shape
        _, written = chain_scratchpad(self.step, a, b)
        table = self.step_table()
        proba = np.zeros((n, n_digits + 1, 10), dtype=np.float32)
        for i in range(n_digits):
            p = table[scratchpad_ids(a[:, i], b[:, i], written[:, i])]
            proba[:, i] = p[:, :10] + p[:, 10:]
            if i == n_digits - 1:
                proba[:, n_digits, 1] = p[:, 10:].sum(axis=1)
                proba[:, n_digits, 0] = p[:, :10].sum(axis=1)
        return proba


class StepWithoutCarryModel:
    """The scratchpad's step network without its carry input (an ablation).

    One weight-shared step ``(a_i, b_i) -> a_i + b_i + c_i`` (20 classes), trained on every
    position with the true value as target but never shown the carry ``c_i``. It can at best
    guess the carry from the digit pair, so it fails on every problem whose carry it guesses
    wrong: weight sharing and a small input without the written-down intermediate result.

    Parameters
    ----------
    width : int
        Hidden units.
    rng : numpy.random.Generator
        Draws the initial weights.
    """

    kind = "step_no_carry"

    def __init__(self, width: int, rng: np.random.Generator):
        self.mlp = SoftmaxMLP(20, width, 1, SCRATCHPAD_CLASSES, rng)

    @staticmethod
    def _pair_inputs() -> np.ndarray:
        """The 100 digit pairs, one-hot a_i then one-hot b_i, in order ``10 a_i + b_i``."""
        x = np.zeros((100, 20), dtype=np.float32)
        pairs = np.arange(100)
        x[pairs, pairs // 10] = 1.0
        x[pairs, 10 + pairs % 10] = 1.0
        return x

    @property
    def n_params(self) -> int:
        """Number of weights and biases."""
        return self.mlp.n_params

    def fit(self, a, b, s, epochs: int, rng: np.random.Generator) -> "StepWithoutCarryModel":
        """Train on every position of problems ``a + b = s`` (target a_i + b_i + c_i, no carry shown)."""
        a, b = check_operands(a, b)
        # the 200 distinct examples are numbered as in the scratchpad, 20 a + 2 b + c; the
        # network sees only the pair 10 a + b = id // 2, and must output a + b + c
        _, step_v = scratchpad_step_inputs()
        x = self._pair_inputs()[np.arange(200) // 2]
        self.mlp.fit(x, step_v, epochs, rng, example_ids=scratchpad_examples(a, b))
        return self

    def step(self, a_i, b_i, carry_in) -> np.ndarray:
        """The most likely value 0..19 for one position; ``carry_in`` is ignored."""
        table = self.mlp.probabilities(self._pair_inputs())[:, 0, :].argmax(axis=1).astype(np.uint8)
        return table[10 * np.asarray(a_i, dtype=np.intp) + np.asarray(b_i, dtype=np.intp)]

    def predict(self, a, b) -> np.ndarray:
        """Answer digits (n, n_digits + 1), one step per position, no carry read."""
        return chain_scratchpad(self.step, a, b)[0]
