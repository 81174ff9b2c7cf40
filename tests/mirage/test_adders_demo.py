"""Tests of lesson 02's demo on the adder families (resolution and answer length)."""
import numpy as np
import pytest

from course_lib.emergence.training import load_family
from course_lib.mirage.adders_demo import FLOOR, AdditionMirageDemo


@pytest.fixture(scope="module")
def demo():
    return AdditionMirageDemo()


def test_full_test_set_matches_the_family(demo):
    state = demo.update(n_items="100000")
    assert np.allclose(state["measured"], load_family(4, "direct").exact_match())
    assert state["n_zero"] == 0


def test_small_test_sets_read_zero_for_small_models(demo):
    """Prediction 2: with 100 problems several small models read exactly 0."""
    state = demo.update(n_items="100", block=0)
    assert state["n_zero"] >= 3
    assert np.all(demo.zeros.get_ydata() == FLOOR) and len(demo.zeros.get_xdata()) == state["n_zero"]


def test_blocks_are_disjoint_windows(demo):
    a = demo.update(n_items="1000", block=0)["measured"]
    b = demo.update(n_items="1000", block=1)["measured"]
    fam = load_family(4, "direct")
    exact = fam.correct.all(axis=2)
    assert np.allclose(b, exact[:, 1000:2000].mean(axis=1)) and not np.allclose(a, b)


def test_right_panel_scores_one_fixed_model_on_prefixes(demo):
    """Prediction 3 on one model: exact match of the first k digits falls, digits wrong rise."""
    em = demo.update(length_model="scratchpad", length_metric="exact match")
    assert np.all(np.diff(em["observed"]) <= 0) and em["predicted"][0] == em["observed"][0]
    assert demo.ax_len.get_yscale() == "log"
    wrong = demo.update(length_metric="digits wrong")
    assert np.all(np.diff(wrong["observed"]) >= 0)
    assert np.allclose(wrong["predicted"], wrong["lengths"] * (1 - wrong["p_first"]))
    assert demo.ax_len.get_yscale() == "linear"


def test_length_models_must_name_both_models():
    with pytest.raises(ValueError, match="length_models"):
        AdditionMirageDemo(length_models={"scratchpad": np.ones((5, 3), bool)})


def test_summary_lists_three_curves(demo):
    html = demo.summary_html(demo.update())
    assert html.count("<tr>") == 2 and "per-digit accuracy" in html
