"""Tests of width_reaching and threshold_decomposition."""
import numpy as np
import pytest

from course_lib.emergence.thresholds import hard_position_decomposition, threshold_decomposition, width_reaching
from course_lib.emergence.training import load_family


def test_width_reaching_interpolates_in_log_width():
    assert width_reaching([1, 4], [0.0, 1.0], 0.5) == pytest.approx(2.0)
    assert width_reaching([1, 4], [0.6, 1.0], 0.5) == 1.0
    assert width_reaching([1, 4], [0.1, 0.2], 0.5) is None
    with pytest.raises(ValueError, match="widths"):
        width_reaching([4, 1], [0.0, 1.0], 0.5)
    with pytest.raises(ValueError, match="values must be finite"):
        width_reaching([1, 4], [np.nan, 1.0], 0.5)
    with pytest.raises(ValueError, match="widths must be > 0"):
        width_reaching([0, 4], [0.0, 1.0], 0.5)
    with pytest.raises(TypeError, match="values"):
        width_reaching([1, 4], ["a", "b"], 0.5)


def test_decomposition_rows_are_consistent():
    rows = threshold_decomposition({n: load_family(n, "direct") for n in (2, 3)})
    assert [r["length"] for r in rows] == [3, 4]
    assert rows[0]["width_needed_easy"] == rows[0]["width_needed"]  # the reference against itself
    with pytest.raises(ValueError, match="reference"):
        threshold_decomposition({3: load_family(3, "direct")})


def test_hard_position_decomposition_rows_are_consistent():
    rows = hard_position_decomposition({n: load_family(n, "direct") for n in (2, 3)})
    assert [r["hard_positions"] for r in rows] == [1, 2]
    assert rows[1]["p_needed"] == pytest.approx(0.5 ** 0.5)
    for r in rows:   # the two factors multiply to the shift of the exact-match threshold
        assert r["more_digits"] * r["harder_digits"] == pytest.approx(r["width_exact"] / r["width_reference"])
    with pytest.raises(ValueError, match="reference"):
        hard_position_decomposition({3: load_family(3, "direct")})
    with pytest.raises(ValueError, match="level"):
        hard_position_decomposition({2: load_family(2, "direct")}, level=1.0)
