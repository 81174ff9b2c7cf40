"""Checks of lesson 00's exercises (00_start_here.ipynb): ``checks.<exercise>(fn)`` grades the learner's ``fn``.

Each check runs ``fn`` on cases chosen to catch the usual mistakes, prints a diagnosis and
returns a :class:`course_lib.core.checking.CheckResult` (truthy when every case passed).
"""
from __future__ import annotations

from typing import Any, Callable

import numpy as np

from course_lib.core.checking import CheckResult, run_cases
from course_lib.core.messages import message

__all__ = ["mlp_param_count"]


def _mlp_param_cases() -> list[tuple[str, tuple, Any]]:
    raw = [(message("start_here.mlp_param_count.case_tiny"), 2, 3, 1),
           (message("start_here.mlp_param_count.case_no_hidden"), 5, 0, 2),
           (message("start_here.mlp_param_count.case_adder"), 80, 16, 50),
           (message("start_here.mlp_param_count.case_wide"), 784, 1000, 10)]
    return [(d, (i, h, o), i * h + h + h * o + o) for d, i, h, o in raw]


def mlp_param_count(fn: Callable) -> CheckResult:
    """Check ``fn(n_inputs, n_hidden, n_outputs) -> number of weights and biases`` of a 1-hidden-layer MLP.

    Used in notebook 00 §4 (exercise 0.1).
    """
    return run_cases("mlp_param_count", fn, _mlp_param_cases(),
                     hint=message("start_here.mlp_param_count.hint"))
