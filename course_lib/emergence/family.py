"""The test results of a family of addition models, and the scores lessons read off them.

An :class:`AdditionFamily` holds, for every model of a family (one per hidden width), which
digits of which test answers it got right and the edit distance of each answer. Every score
the lessons plot is a cheap reduction of these arrays (microseconds once computed): per-digit
accuracy, per-position accuracy, exact match on the first ``n_items`` test problems (the
resolution of a small benchmark) and mean edit distance.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Sequence

import numpy as np

from course_lib.core.validation import check_count

__all__ = ["AdditionFamily", "check_widths"]


def check_widths(widths) -> list[int]:
    """Return ``widths`` as a list of distinct positive ints, or raise naming the bad entry."""
    if isinstance(widths, (str, bytes)) or not hasattr(widths, "__len__"):
        raise TypeError(f"widths must be a sequence of ints, got {type(widths).__name__}")
    if len(widths) == 0:
        raise ValueError("widths must not be empty")
    checked = [check_count(f"widths[{i}]", w) for i, w in enumerate(widths)]
    if len(set(checked)) != len(checked):
        raise ValueError(f"widths must be distinct, got {checked}")
    return checked


@dataclass(frozen=True, eq=False)
class AdditionFamily:
    """The test results of one family of addition models, one row per width.

    Attributes
    ----------
    n_digits : int
        Digits per operand; answers have ``L = n_digits + 1`` digits.
    kind : str
        ``"direct"`` or ``"scratchpad"``.
    widths, n_params : int arrays (n_models,)
        Hidden width and number of weights and biases of each model.
    correct : bool array (n_models, n_test, L)
        Whether each model got each digit (little-endian position) of each test problem right.
    edit_distance : uint8 array (n_models, n_test)
        Token edit distance between each predicted and true answer.
    n_train, epochs, seed : int
        How the family was trained (``n_train`` problems, ``epochs`` passes, ``seed``).

    The score methods reduce these arrays once (tens of ms for 100,000 test problems) and
    then answer in microseconds, so they can run on every slider move.
    """

    n_digits: int
    kind: str
    widths: np.ndarray
    n_params: np.ndarray
    correct: np.ndarray
    edit_distance: np.ndarray
    n_train: int
    epochs: int
    seed: int

    def __post_init__(self):
        n_models = len(self.widths)
        if self.correct.shape[0] != n_models or self.correct.shape[2] != self.n_digits + 1:
            raise ValueError(f"correct must have shape ({n_models}, n_test, {self.n_digits + 1}), "
                             f"got {self.correct.shape}")
        if self.edit_distance.shape != self.correct.shape[:2] or len(self.n_params) != n_models:
            raise ValueError("edit_distance must have shape (n_models, n_test) and n_params one entry per width")

    @property
    def n_test(self) -> int:
        """Number of test problems."""
        return self.correct.shape[1]

    @cached_property
    def _position_counts(self) -> np.ndarray:
        return self.correct.sum(axis=1)

    @cached_property
    def _exact_cumulative(self) -> np.ndarray:
        exact = self.correct.all(axis=2)
        counts = np.zeros((len(self.widths), self.n_test + 1), dtype=np.int64)
        np.cumsum(exact, axis=1, out=counts[:, 1:])
        return counts

    @cached_property
    def _edit_distance_totals(self) -> np.ndarray:
        return self.edit_distance.sum(axis=1, dtype=np.int64)

    def digit_accuracy(self) -> np.ndarray:
        """Fraction of answer digits right, over all positions and test problems: (n_models,)."""
        return self._position_counts.sum(axis=1) / self.correct[0].size

    def position_accuracy(self) -> np.ndarray:
        """Fraction right at each answer position, units first: (n_models, L)."""
        return self._position_counts / self.n_test

    def exact_match_count(self, n_items: int | None = None) -> np.ndarray:
        """Number of the first ``n_items`` test problems answered exactly: (n_models,)."""
        if n_items is None:
            n_items = self.n_test
        n_items = check_count("n_items", n_items)
        if not 1 <= n_items <= self.n_test:
            raise ValueError(f"n_items must be between 1 and n_test={self.n_test}, got {n_items}")
        return self._exact_cumulative[:, n_items]

    def exact_match(self, n_items: int | None = None) -> np.ndarray:
        """Fraction of the first ``n_items`` test problems answered exactly: (n_models,).

        With ``n_items=None`` all test problems count. Fewer items means coarser resolution:
        with 100 items nothing below 1% can show.
        """
        n = self.n_test if n_items is None else n_items
        return self.exact_match_count(n_items) / n

    def mean_edit_distance(self) -> np.ndarray:
        """Mean token edit distance between predicted and true answers: (n_models,)."""
        return self._edit_distance_totals / self.n_test

    def subset(self, widths: Sequence[int]) -> "AdditionFamily":
        """The same results for only some of the widths (kept in this family's order)."""
        wanted = check_widths(widths)
        missing = sorted(set(wanted) - set(self.widths.tolist()))
        if missing:
            raise ValueError(f"widths must be among this family's widths {self.widths.tolist()}, "
                             f"not {missing}")
        rows = np.flatnonzero(np.isin(self.widths, wanted))
        part = AdditionFamily(self.n_digits, self.kind, self.widths[rows], self.n_params[rows],
                              self.correct[rows], self.edit_distance[rows], self.n_train, self.epochs,
                              self.seed)
        for name in ("_position_counts", "_exact_cumulative", "_edit_distance_totals"):
            if name in self.__dict__:  # already computed here: slice it rather than recompute
                part.__dict__[name] = self.__dict__[name][rows]
        return part
