"""The memorisation demo on a small family."""
import numpy as np
import pytest

from course_lib.memorisation.demos import CEILING_OF_FLOOR, FLOOR, MemorisationDemo, panel_floor


@pytest.fixture(scope="module")
def demo(small_family):
    return MemorisationDemo(small_family)


def test_every_order_and_the_temperature_extremes(demo, small_family):
    for order in range(demo.controls["order"].min, demo.controls["order"].max + 1):
        for temperature in (0.5, 1.5):
            state = demo.update(order=order, temperature=temperature, n_samples=20)
            probs = small_family.canary_probabilities("raw", order, temperature)
            assert np.allclose(state["raw"]["probabilities"], probs)
            assert np.allclose(demo.points["raw"].get_ydata(), np.maximum(probs, state["floor"]))
            assert "<table" in demo.summary_html(state)


def test_sample_count_uses_the_first_samples(demo, small_family):
    state = demo.update(order=4, temperature=1.0, n_samples=40)
    assert np.allclose(state["raw"]["rates"], small_family.copy_rates("raw", 4, 1.0, 40, tuple(demo.spans)))


def test_data_artists_are_what_moves(demo):
    assert demo.data_artists and all(a.figure is demo.fig for a in demo.data_artists)


def test_family_type_is_checked():
    with pytest.raises(TypeError, match="family"):
        MemorisationDemo(family="not a family")


def test_greedy_end_of_the_temperature_slider(demo, small_family):
    state = demo.update(order=5, temperature=0.0, n_samples=20)
    probs = small_family.canary_probabilities("deduplicated", 5, 0.0)
    assert set(np.unique(state["deduplicated"]["probabilities"])) <= {0.0, 1.0} | set(np.unique(probs))
    assert np.all(demo.points["deduplicated"].get_ydata() >= FLOOR)
    assert state["floor"] <= CEILING_OF_FLOOR and demo.ax_k.get_ylim()[0] == state["floor"] / 30


def test_the_floor_follows_the_data(demo, small_family):
    for order, temperature in ((3, 1.0), (5, 1.0), (5, 0.5)):
        state = demo.update(order=order, temperature=temperature, n_samples=20)
        probs = np.concatenate([small_family.canary_probabilities(c, order, temperature) for c in ("raw", "deduplicated")])
        floor = state["floor"]
        assert FLOOR <= floor <= CEILING_OF_FLOOR
        assert floor < probs.min() or floor == FLOOR        # nothing above 10^-25 is clipped ...
        assert floor > probs.min() / 100 or floor == FLOOR  # ... and the axis ends within two decades of the data
        assert demo.ax_k.get_ylim()[0] == floor / 30 and demo.floor_line.get_ydata()[0] == floor
    assert panel_floor([0.0, 3e-13, 1.0]) == 1e-14
    assert panel_floor([0.0, 1.0]) == CEILING_OF_FLOOR and panel_floor([1e-40]) == FLOOR
