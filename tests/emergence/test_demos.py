"""Tests of lesson 01's demo and static figures."""
import numpy as np
import pytest

from course_lib.emergence import plots as emergence_plots
from course_lib.emergence.training import load_family
from course_lib.emergence.demos import SPARSE_WIDTHS, EmergenceDemo, family_metrics
from course_lib.model_sizes import first_crossing
from course_lib.core.style import new_figure


@pytest.fixture(scope="module")
def demo():
    return EmergenceDemo()


def test_curves_come_from_the_cached_families(demo):
    state = demo.update(metric="per-digit accuracy", n_digits=3, grid="dense")
    family = load_family(3, "direct")
    assert np.array_equal(state["curves"]["direct"]["per-digit accuracy"], family.digit_accuracy())
    assert np.array_equal(demo.lines["direct"].get_ydata(), family.digit_accuracy())


def test_sparse_grid_keeps_only_sparse_widths(demo):
    state = demo.update(grid="sparse")
    for kind in ("direct", "scratchpad"):
        widths = state["curves"][kind]["widths"]
        assert set(widths) <= set(SPARSE_WIDTHS) and len(widths) >= 3


def test_exact_match_is_more_emergent_than_digit_accuracy(demo):
    """The lesson's claim, on the shipped 4-digit direct family."""
    from course_lib.metrics import emergence_score

    c = demo.update(n_digits=4)["curves"]["direct"]
    assert emergence_score(c["n_params"], c["exact match"]) > 1.5 * emergence_score(c["n_params"], c["per-digit accuracy"])


def test_scratchpad_crosses_at_fewer_parameters(demo):
    for n in range(2, 6):
        c = demo.update(n_digits=n)["curves"]
        direct = first_crossing(c["direct"]["n_params"], c["direct"]["exact match"])
        scratch = first_crossing(c["scratchpad"]["n_params"], c["scratchpad"]["exact match"])
        assert scratch is not None and (direct is None or scratch < direct / 5)


def test_edit_distance_axis_spans_answer_length(demo):
    demo.update(metric="edit distance", n_digits=5)
    assert demo.ax.get_ylim()[1] == pytest.approx(6 * 1.03)
    # the scratchpad family is perfect from width 11 on: most steps flat, an infinite score
    assert "+∞" in demo.summary_html(demo.state)


def test_live_family_replaces_the_cached_one():
    cached = load_family(4, "direct")
    live = cached.subset((4, 16, 64))
    d = EmergenceDemo(families={(4, "direct"): live})
    assert len(d.update(n_digits=4)["curves"]["direct"]["widths"]) == 3


def test_first_crossing():
    assert first_crossing([10, 20, 30], [0.1, 0.6, 0.9]) == 20
    assert first_crossing([10, 20], [0.1, 0.2]) is None


def test_family_metrics_keys():
    m = family_metrics(load_family(2, "scratchpad"))
    assert set(m) == {"widths", "n_params", "exact match", "per-digit accuracy", "edit distance"}


def test_static_figures_draw():
    fig, ax = new_figure()
    emergence_plots.plot_emergent_scales(ax)
    assert len(ax.get_yticks()) == 22  # every named row of Table 1
    fig, ax = new_figure()
    emergence_plots.plot_all_steps_right(ax, steps=(1, 3))
    lines = ax.get_lines()
    assert np.all(lines[1].get_ydata() <= lines[0].get_ydata())
    with pytest.raises(ValueError, match="steps"):
        emergence_plots.plot_all_steps_right(ax, steps=(0,))
