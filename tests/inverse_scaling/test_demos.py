"""Lesson 04 demos: what each update shows, at every control's extremes, on small grids."""
import numpy as np
import pytest

from course_lib.inverse_scaling.family import AgreementGrid, load_agreement_grid
from course_lib.inverse_scaling.family_demo import DistractorFamilyDemo
from course_lib.inverse_scaling.mixture_demo import MixtureDemo
from course_lib.inverse_scaling.sparse_demo import SparseSizesDemo


def every_extreme(demo):
    return [(name, value) for name, spec in demo.controls.items() for value in spec.extremes()]


def tiny_grid() -> AgreementGrid:
    widths = np.array([1, 4, 16, 64])
    shape = (2, 3, 2, 4)
    test = np.broadcast_to(np.array([0.4, 0.1, 0.05, 0.8]), shape).copy()
    same = np.broadcast_to(np.array([0.5, 0.7, 0.8, 0.9]), shape).copy()
    return AgreementGrid(("none", "answer"), np.array([0.5, 0.75, 1.0]), np.array([0, 1]), widths, test, same)


def test_mixture_demo_shapes_follow_the_onsets():
    demo = MixtureDemo()
    assert demo.update()["shape"] == "U-shaped"
    assert demo.update(true_onset=14.0)["shape"] == "inverse"
    assert demo.update(distractor_onset=12.0, true_onset=9.0)["shape"] == "positive"
    assert demo.update(attraction=0.0)["lowest"] >= 0.5 - 1e-9
    for name, value in every_extreme(demo):
        state = demo.update(**{name: value})
        assert np.all((state["accuracy"] >= 0) & (state["accuracy"] <= 1))
        assert "Emergence score" in demo.summary_html(state)
    x, y = demo.line_acc.get_data()
    assert len(x) == 41


def test_family_demo_on_the_shipped_grid():
    demo = DistractorFamilyDemo()
    state = demo.update()
    assert state["shape"] == "U-shaped" and state["seed_shapes"] == ["U-shaped"] * 5
    assert demo.update(largest_width="16")["shape"] == "inverse"
    assert demo.update(agreement=0.5)["shape"] == "positive"
    assert demo.update(agreement=1.0)["shape"] == "inverse"
    for name, value in every_extreme(demo):
        state = demo.update(**{name: value})
        assert len(demo.mean_line.get_xdata()) == len(state["widths"])
        assert "seed" in demo.summary_html(state)


def test_family_demo_on_a_tiny_grid_and_bad_grids():
    demo = DistractorFamilyDemo(tiny_grid())
    assert demo.controls["largest_width"].options == ("16", "64")
    assert demo.update()["shape"] == "U-shaped"
    assert demo.update(largest_width="16")["shape"] == "inverse"
    with pytest.raises(ValueError):
        demo.update(agreement=0.6)  # not a grid value
    with pytest.raises(TypeError):
        DistractorFamilyDemo(grid="cache")


def test_sparse_demo_reads_three_widths():
    demo = SparseSizesDemo()
    state = demo.update()
    assert state["sparse_widths"].tolist() == [1, 4, 16] and state["sparse_shape"] == "inverse"
    assert state["dense_shape"] == "U-shaped"
    assert demo.update(largest=17)["sparse_shape"] == "U-shaped"
    assert demo.update(smallest=0, middle=0, largest=0)["sparse_shape"] == "one size: no curve"
    for name, value in every_extreme(demo):
        demo.update(**{name: value})
    with pytest.raises(TypeError):
        SparseSizesDemo(grid=np.zeros(3))


def test_demos_share_the_grid_they_are_given():
    grid = load_agreement_grid()
    assert DistractorFamilyDemo(grid).grid is grid and SparseSizesDemo(grid).grid is grid


def test_sparse_demo_says_when_its_sliders_are_out_of_order():
    demo = SparseSizesDemo()
    w = demo.grid.widths
    state = demo.update(smallest=11, middle=3, largest=7)  # positions, not widths: 64, 4, 16
    assert state["sparse_widths"].tolist() == [int(w[3]), int(w[7]), int(w[11])]
    assert state["in_order"] is False and "out of order" in demo.shape_text.get_text()
    assert "4, 16, 64" in demo.shape_text.get_text()
    state = demo.update(smallest=3, middle=7, largest=11)
    assert state["in_order"] is True and "out of order" not in demo.shape_text.get_text()
    assert all("list position" in spec.label for name, spec in demo.controls.items() if name != "hint")


def test_sparse_demo_legend_counts_distinct_picks_and_text_sits_above_the_axes():
    """Repeated positions count once in the legend; the shape text is above the plot, clear of any line."""
    demo = SparseSizesDemo()
    demo.update(smallest=7, middle=7, largest=17)
    labels = [t.get_text() for t in demo.ax.get_legend().get_texts()]
    assert "2 widths picked" in labels and "count once" in demo.shape_text.get_text()
    demo.update(smallest=17, middle=7, largest=0)
    assert "3 widths picked" in [t.get_text() for t in demo.ax.get_legend().get_texts()]
    assert demo.shape_text.get_position()[1] > 1 and demo.shape_text.get_transform() == demo.ax.transAxes
