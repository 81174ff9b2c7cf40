"""Slider and choice specifications: plain data that describe a demo's controls.

A demo lists its controls as ``{parameter name: spec}``. The specs know their range, so
tests and benchmarks can call a demo at every control's minimum, default and maximum
without a browser, and :mod:`course_lib.core.interactive` turns them into ipywidgets.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Union

import numpy as np

__all__ = ["IntSlider", "FloatSlider", "Choice", "Control"]


@dataclass(frozen=True)
class IntSlider:
    """An integer slider from ``min`` to ``max`` in steps of ``step``, starting at ``value``."""

    min: int
    max: int
    value: int
    step: int = 1
    label: str = ""

    def __post_init__(self):
        if not (self.min <= self.value <= self.max) or self.step <= 0:
            raise ValueError(f"IntSlider needs min <= value <= max and step > 0, got {self}")

    def extremes(self) -> list[int]:
        """Minimum, default and maximum, without repeats."""
        return list(dict.fromkeys([self.min, self.value, self.max]))

    def sweep(self, n: int = 10) -> list[int]:
        """Up to ``n`` evenly spread values over the range (for benchmarks)."""
        grid = np.arange(self.min, self.max + 1, self.step)
        picks = np.unique(np.linspace(0, len(grid) - 1, min(n, len(grid))).round().astype(int))
        return [int(grid[i]) for i in picks]

    def validate(self, name: str, value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
            raise TypeError(f"{name} must be an int, got {type(value).__name__}")
        if not self.min <= value <= self.max:
            raise ValueError(f"{name} must be between {self.min} and {self.max}, got {value}")
        return int(value)


@dataclass(frozen=True)
class FloatSlider:
    """A float slider from ``min`` to ``max`` in steps of ``step``, starting at ``value``."""

    min: float
    max: float
    value: float
    step: float
    label: str = ""
    readout_format: str = ".2f"

    def __post_init__(self):
        if not (self.min <= self.value <= self.max) or self.step <= 0:
            raise ValueError(f"FloatSlider needs min <= value <= max and step > 0, got {self}")

    def extremes(self) -> list[float]:
        """Minimum, default and maximum, without repeats."""
        return list(dict.fromkeys([self.min, self.value, self.max]))

    def sweep(self, n: int = 10) -> list[float]:
        """Up to ``n`` evenly spread values on the slider's own steps (for benchmarks)."""
        count = int(round((self.max - self.min) / self.step)) + 1
        picks = np.unique(np.linspace(0, count - 1, min(n, count)).round().astype(int))
        decimals = max(0, -int(np.floor(np.log10(self.step))) + 6)
        return [float(round(min(self.min + int(i) * self.step, self.max), decimals)) for i in picks]

    def validate(self, name: str, value: Any) -> float:
        if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)):
            raise TypeError(f"{name} must be a number, got {type(value).__name__}")
        value = float(value)
        eps = 1e-9 * max(1.0, abs(self.max - self.min))
        if not (self.min - eps <= value <= self.max + eps):
            raise ValueError(f"{name} must be between {self.min} and {self.max}, got {value}")
        return value


@dataclass(frozen=True)
class Choice:
    """A pick among ``options`` (shown as toggle buttons), starting at ``value``.

    ``labels``, when given, are the buttons' texts, one per option in the same order (say, from the
    message catalogue, so the buttons follow the course's language while ``update`` keeps taking
    the options themselves); by default each button shows its option.
    """

    options: tuple[str, ...]
    value: str
    label: str = ""
    labels: tuple[str, ...] = ()

    def __post_init__(self):
        if self.value not in self.options:
            raise ValueError(f"Choice value {self.value!r} is not among {self.options}")
        if self.labels and len(self.labels) != len(self.options):
            raise ValueError(f"Choice labels must give one text per option ({len(self.options)}), "
                             f"got {len(self.labels)}")

    def display(self, option: str) -> str:
        """The text shown for ``option``."""
        return self.labels[self.options.index(option)] if self.labels else str(option)

    def extremes(self) -> list[str]:
        """First, default and last option, without repeats."""
        return list(dict.fromkeys([self.options[0], self.value, self.options[-1]]))

    def sweep(self, n: int = 10) -> list[str]:
        """Every option (for benchmarks)."""
        return list(self.options)

    def validate(self, name: str, value: Any) -> str:
        if value not in self.options:
            raise ValueError(f"{name} must be one of {list(self.options)}, got {value!r}")
        return value


Control = Union[IntSlider, FloatSlider, Choice]
