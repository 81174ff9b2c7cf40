"""Blitting never goes stale: a blitted frame equals a full redraw of the same state, pixel for pixel.

For the tiny demo and every registered demo: draw the defaults, then move each control to each
of its extremes in turn (from wherever the last move left the figure) and render. Each frame is
compared with a full redraw of the same state by a fresh renderer. Both draw the data artists
last, so they must agree exactly; a stale background (an artist that changed but was not
redrawn) shows up as differing pixels.
"""
from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image

from course_lib.core.rendering import FigureRenderer, encode_png
from course_lib.core.style import new_figure


def pixels(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGBA"))


def full_redraw(demo) -> bytes:
    return FigureRenderer(demo.fig, demo.data_artists).render()


def test_blitted_frames_equal_full_redraws(demo_name, make_demo):
    demo = make_demo(demo_name)
    renderer = FigureRenderer(demo.fig, demo.data_artists)
    demo.update()
    renderer.render()
    paths = []
    for name, spec in demo.controls.items():
        for value in spec.extremes() + [spec.value]:
            demo.update(**{name: value})
            frame = renderer.render()
            paths.append(renderer.last_path)
            reference = full_redraw(demo)
            different = np.any(pixels(frame) != pixels(reference), axis=-1)
            assert not different.any(), (f"{name}={value!r} ({renderer.last_path}): {different.sum()} pixels differ "
                                         f"from a full redraw")


def test_data_only_moves_blit_and_layout_changes_redraw(make_demo):
    demo = make_demo("tiny")
    renderer = FigureRenderer(demo.fig, demo.data_artists)
    demo.update()
    renderer.render()
    assert renderer.last_path == "full"
    demo.line.set_ydata(0 * demo.line.get_ydata())  # data only
    renderer.render()
    assert renderer.last_path == "blit"
    demo.ax.set_ylim(-2, 3)  # a limit moved
    renderer.render()
    assert renderer.last_path == "full"
    demo.ax.set_title("another title")  # a non-data artist changed
    renderer.render()
    assert renderer.last_path == "full"
    renderer.render()
    assert renderer.last_path == "blit"


def test_a_stale_background_would_be_caught():
    """If an artist that is not declared as data moves, the renderer must redraw everything."""
    fig, ax = new_figure(figsize=(2, 1.5))
    data, = ax.plot([0, 1], [0, 1])
    undeclared, = ax.plot([0, 1], [1, 0])
    ax.set_xlim(0, 1), ax.set_ylim(0, 1)
    renderer = FigureRenderer(fig, [data])
    renderer.render()
    undeclared.set_ydata([0.5, 0.5])
    frame = renderer.render()
    assert renderer.last_path == "full"
    assert np.array_equal(pixels(frame), pixels(FigureRenderer(fig, [data]).render()))


def test_bad_arguments_are_refused():
    fig, ax = new_figure(figsize=(2, 1.5))
    other, = new_figure(figsize=(2, 1.5))[1].plot([0], [0])
    with pytest.raises(ValueError, match="data_artists"):
        FigureRenderer(fig, [other])
    with pytest.raises(TypeError, match="fig"):
        FigureRenderer("figure", [])
    fig.canvas.draw()
    assert encode_png(fig.canvas)[:4] == b"\x89PNG"


def _rendered_figure():
    fig, ax = new_figure(figsize=(2, 1.5))
    data, = ax.plot([0, 1], [0, 1])
    ax.set_xlim(0, 1), ax.set_ylim(0, 1)
    ax.set_title("title")
    bar = ax.bar([0.5], [0.5])[0]
    renderer = FigureRenderer(fig, [data])
    assert renderer.needs_full_draw()  # no background yet
    renderer.render()
    return fig, ax, data, bar, renderer


def test_needs_full_draw_is_false_for_data_only_moves_and_same_value_setters():
    fig, ax, data, bar, renderer = _rendered_figure()
    assert not renderer.needs_full_draw()
    data.set_ydata([1, 0])
    assert not renderer.needs_full_draw()
    ax.set_title("title")  # a setter with the same value marks the title stale, but nothing changed
    assert ax.title.stale and not renderer.needs_full_draw()


@pytest.mark.parametrize("change", [
    lambda ax, bar: ax.set_xlim(0, 2),                    # a limit
    lambda ax, bar: ax.set_yscale("log"),                 # a scale
    lambda ax, bar: ax.set_title("another title"),        # a text's appearance
    lambda ax, bar: ax.text(0.5, 0.5, "new"),             # an artist added
    lambda ax, bar: bar.set_height(0.9),                  # an artist whose looks are not compared: any call counts
    lambda ax, bar: ax.axhline(0.5),                      # a reference line added
    lambda ax, bar: ax.legend(["made anew"]),            # a new legend: new artists in place of none
])
def test_needs_full_draw_notices_every_other_change(change):
    fig, ax, data, bar, renderer = _rendered_figure()
    change(ax, bar)
    assert renderer.needs_full_draw()
    renderer.render()
    assert renderer.last_path == "full" and not renderer.needs_full_draw()


def test_without_data_artists_every_render_is_full():
    fig, ax = new_figure(figsize=(2, 1.5))
    ax.plot([0, 1], [0, 1])
    renderer = FigureRenderer(fig, [])
    renderer.render()
    assert renderer.needs_full_draw()
    renderer.render()
    assert renderer.last_path == "full"


def test_a_legend_made_anew_with_as_many_artists_redraws():
    """A demo that calls ``ax.legend(...)`` in ``draw`` replaces its artists one for one."""
    fig, ax, data, bar, renderer = _rendered_figure()
    ax.legend([data], ["first label"])
    renderer.render()
    ax.legend([data], ["second label"])  # the same number of artists, different ones
    assert renderer.needs_full_draw()
    frame = renderer.render()
    assert np.array_equal(pixels(frame), pixels(FigureRenderer(fig, [data]).render()))
