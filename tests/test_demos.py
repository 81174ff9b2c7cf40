"""Every demo (the tiny one of conftest.py and each in course_lib.catalog.DEMOS), without widgets.

For each demo: ``update`` succeeds at every control's minimum, default and maximum (the other
controls at their defaults) and returns a state; bad parameter names and values raise
TypeError or ValueError; and the figure keeps its Axes and its number of artists, i.e. the
demo moves artists made once instead of drawing new ones on every slider move.
"""
from __future__ import annotations

import pytest
from matplotlib.figure import Figure

from course_lib.core.controls import Choice, FloatSlider, IntSlider


def _artist_counts(fig: Figure) -> list[int]:
    return [len(ax.get_children()) for ax in fig.axes]


def test_demo_is_well_formed(demo_name, make_demo):
    demo = make_demo(demo_name)
    assert isinstance(demo.fig, Figure), "a demo owns one matplotlib Figure as self.fig"
    assert demo.fig.axes, "the figure must have its axes from __init__"
    assert isinstance(demo.caption, str) and demo.caption.strip(), "the caption says what the figure shows"
    assert demo.controls, "a demo has at least one control"
    for name, spec in demo.controls.items():
        assert isinstance(spec, (IntSlider, FloatSlider, Choice)), f"{name}: unknown control spec {spec!r}"


def test_update_at_every_extreme_returns_a_state(demo_name, make_demo):
    demo = make_demo(demo_name)
    for name, spec in demo.controls.items():
        for value in spec.extremes():
            state = demo.update(**{name: value})
            assert isinstance(state, dict) and state, f"update({name}={value!r}) returned {state!r}"
            assert isinstance(demo.summary_html(state), str)


def test_figure_keeps_its_axes_and_artists(demo_name, make_demo):
    demo = make_demo(demo_name)
    demo.update()
    axes = list(demo.fig.axes)
    counts = _artist_counts(demo.fig)
    for name, spec in demo.controls.items():
        for value in spec.extremes():
            demo.update(**{name: value})
    assert all(a is b for a, b in zip(demo.fig.axes, axes)) and len(demo.fig.axes) == len(axes), \
        "update() must move the artists of the axes made in __init__, not make new axes"
    demo.update()
    assert _artist_counts(demo.fig) == counts, \
        "back at the defaults the axes hold a different number of artists: update() adds artists"


def test_unknown_parameter_raises_type_error(demo_name, make_demo):
    demo = make_demo(demo_name)
    with pytest.raises(TypeError):
        demo.update(no_such_parameter=1)


def _bad_values(spec):
    """(value, expected exception) pairs every control must refuse."""
    if isinstance(spec, Choice):
        return [("no such option", ValueError)]
    span = spec.max - spec.min
    out = [(spec.min - span - 1, ValueError), (spec.max + span + 1, ValueError), ("1", TypeError)]
    if isinstance(spec, IntSlider):
        out.append((float(spec.value) + 0.5, TypeError))
    return out


def test_bad_values_raise(demo_name, make_demo):
    demo = make_demo(demo_name)
    for name, spec in demo.controls.items():
        for value, error in _bad_values(spec):
            with pytest.raises(error):
                demo.update(**{name: value})


def test_the_artist_check_catches_a_demo_that_adds_artists(tiny_demo_class):
    class Leaky(tiny_demo_class):
        def draw(self, state):
            self.ax.plot(state["x"], state["y"])  # a new line on every update

    demo = Leaky()
    demo.update()
    before = _artist_counts(demo.fig)
    demo.update(slope=1.0)
    demo.update()
    assert _artist_counts(demo.fig) != before
