"""Tests of lesson 02's demo on the adder families (resolution and answer length)."""
import numpy as np
import pytest

from course_lib.emergence.training import load_family
from course_lib.mirage.adders_demo import FLOOR, LENGTH_WIDTHS, AdditionMirageDemo


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


def test_exact_match_falls_with_length_and_edit_distance_rises(demo):
    """Prediction 3 on the shipped families: geometric fall, roughly linear rise."""
    em = demo.update(length_metric="exact match")["observed"]
    ed = demo.update(length_metric="edit distance")["observed"]
    for w in LENGTH_WIDTHS:
        assert np.all(np.diff(em[w]) < 0), w
        assert np.all(np.diff(ed[w]) > 0), w
    assert demo.ax_len.get_yscale() == "linear"
    demo.update(length_metric="exact match")
    assert demo.ax_len.get_yscale() == "log"


def test_summary_lists_three_curves(demo):
    html = demo.summary_html(demo.update())
    assert html.count("<td style='padding:2px 10px'>") == 1 and "per-digit accuracy" in html
