"""The shared numpy network helpers: weight views of one flat vector."""
import numpy as np
import pytest

from course_lib.nets import flat_views


def test_views_share_the_flat_vector_in_order():
    flat = np.arange(10.0)
    views = flat_views(flat, {"W": (2, 3), "b": (4,)})
    assert views["W"].tolist() == [[0, 1, 2], [3, 4, 5]] and views["b"].tolist() == [6, 7, 8, 9]
    views["b"][0] = -1
    assert flat[6] == -1


def test_a_size_mismatch_is_refused():
    with pytest.raises(ValueError, match="flat must hold 10"):
        flat_views(np.zeros(9), {"W": (2, 3), "b": (4,)})
