"""The exercise-checking engine: argument checks and how values are compared."""
import numpy as np
import pytest

from course_lib.core import checking


def test_run_cases_rejects_non_callable():
    with pytest.raises(TypeError, match="fn"):
        checking.run_cases("x", 3, [])


def test_infinities_must_match_in_sign():
    assert checking._same_values(np.inf, np.inf, 1e-9)
    assert not checking._same_values(np.inf, -np.inf, 1e-9)
    assert not checking._same_values([1.0, 2.0], [1.0], 1e-9)
