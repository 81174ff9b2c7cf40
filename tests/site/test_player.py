"""The kernel-free player of the course website (course_lib.core.interactive, COURSE_SITE_FRAMES).

The central check: every frame the player shows equals, pixel for pixel, the figure a live panel
of a fresh demo shows at the same settings, drawn in full (a new renderer, no cached background),
while the frames were drawn one after the other by the displayed panel's demo, whose state carries
over from frame to frame. It runs for the tiny demo and every registered demo, with the player's
limits lowered so that each demo draws a few dozen frames at most; the build uses the same code
with the real limits.
"""
from __future__ import annotations

import io
import json

import numpy as np
import pytest
from PIL import Image

from course_lib.core import interactive
from course_lib.core.controls import Choice, FloatSlider, IntSlider
from course_lib.core.rendering import FigureRenderer


def _pixels(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGBA"))


def _full_render(demo, settings) -> bytes:
    """What a live panel of ``demo`` shows at ``settings``, drawn in full (no cached background)."""
    demo.update(**settings)
    renderer = FigureRenderer(demo.fig, demo.data_artists)
    png = renderer.render()
    assert renderer.last_path == "full"
    return png


def _player_data(html: str) -> dict:
    start = html.index("<script type='application/json' class='course-player-data'>")
    body = html[html.index(">", start) + 1:html.index("</script>", start)]
    return json.loads(body.replace("<\\/", "</"))


@pytest.fixture
def site_env(tmp_path, monkeypatch):
    folder = tmp_path / "frames" / "lesson"
    monkeypatch.setenv(interactive.SITE_FRAMES_ENV, str(folder))
    monkeypatch.setenv(interactive.SITE_FRAMES_URL_ENV, "frames/lesson")
    return folder


# ---- which values and combinations get a frame -----------------------------------------------

@pytest.mark.parametrize("spec", [
    IntSlider(0, 50, 17), IntSlider(1, 20, 1), IntSlider(0, 5, 5), IntSlider(0, 100, 30, step=10),
    FloatSlider(7.0, 12.0, 8.5, 0.25), FloatSlider(0.0, 1.0, 0.8, 0.05), FloatSlider(-1, -0.1, -0.5, 0.05),
])
def test_slider_values_are_few_sorted_distinct_valid_and_hold_ends_and_default(spec):
    values = interactive.player_values(spec)
    assert len(values) <= interactive.MAX_SLIDER_VALUES
    assert values == sorted(values) and len(set(values)) == len(values)
    assert values[0] == spec.min and values[-1] == pytest.approx(spec.max)
    assert any(v == pytest.approx(spec.value) for v in values)
    for v in values:
        spec.validate("x", v)
        assert (v - spec.min) / spec.step == pytest.approx(round((v - spec.min) / spec.step))


def test_a_short_slider_keeps_every_step_and_a_choice_every_option():
    assert interactive.player_values(IntSlider(2, 9, 4)) == list(range(2, 10))
    assert interactive.player_values(Choice(("a", "b", "c"), "b")) == ["a", "b", "c"]


def test_small_grids_are_full_and_large_ones_move_one_control_at_a_time():
    mode, keys = interactive.frame_keys([2, 3], [0, 1], max_grid=6)
    assert mode == "grid" and sorted(keys) == [(i, j) for i in range(2) for j in range(3)]
    mode, keys = interactive.frame_keys([4, 5, 3], [1, 2, 0], max_grid=59)
    assert mode == "sweep" and keys[0] == (1, 2, 0)
    assert len(keys) == len(set(keys)) == 1 + 3 + 4 + 2
    assert all(sum(a != b for a, b in zip(key, (1, 2, 0))) <= 1 for key in keys)


# ---- the display ----------------------------------------------------------------------------

def test_without_the_variable_the_display_is_unchanged(make_demo, monkeypatch):
    monkeypatch.delenv(interactive.SITE_FRAMES_ENV, raising=False)
    bundle = interactive.Panel(make_demo("tiny")).mimebundle()
    assert set(bundle) == {"application/vnd.jupyter.widget-view+json", "image/png", "text/plain"}


def test_with_the_variable_the_display_adds_a_player_and_leaves_the_panel_as_it_was(make_demo, site_env):
    panel = interactive.Panel(make_demo("tiny"))
    panel.controls["slope"].value = 1.0
    image, values = panel.image.value, panel.values()
    bundle = panel.mimebundle()
    assert set(bundle) == {"application/vnd.jupyter.widget-view+json", "image/png", "text/plain", "text/html"}
    assert panel.values() == values and (_pixels(panel.image.value) == _pixels(image)).all()
    assert panel.demo.state["slope"] == 1.0
    data = _player_data(bundle["text/html"])
    assert data["initial"] == [data["controls"][0]["labels"].index("1.00"), 3, 0]  # the panel's settings
    # the image shown first is the panel's own picture at those settings
    file = data["frames"][",".join(map(str, data["initial"]))][0]
    assert f"src='frames/lesson/{file}'" in bundle["text/html"]
    assert (_pixels((site_env / file).read_bytes()) == _pixels(image)).all()
    assert "<em>" + panel.demo.caption + "</em>" in bundle["text/html"]


def test_every_listed_frame_is_a_file_and_every_file_is_listed(make_demo, site_env):
    panel = interactive.Panel(make_demo("tiny"))
    data = _player_data(panel.mimebundle()["text/html"])
    files = {f for f, _ in data["frames"].values()}
    assert files == {p.name for p in site_env.glob("*.webp")}
    records = [json.loads(line) for line in (site_env / "frames.jsonl").read_text().splitlines()]
    assert len(records) == len(data["frames"])
    assert data["mode"] == "sweep"  # 13 x 11 x 2 settings: too many for the full grid
    summaries = {data["summaries"][s] for _, s in data["frames"].values()}
    assert len(summaries) > 1 and all("slope" in s for s in summaries)


def test_player_frames_equal_a_fresh_demo_pixel_for_pixel(demo_name, make_demo, site_env, monkeypatch):
    monkeypatch.setattr(interactive, "MAX_SLIDER_VALUES", 3)
    monkeypatch.setattr(interactive, "MAX_GRID_FRAMES", 8)
    panel = interactive.Panel(make_demo(demo_name))
    data = _player_data(panel.mimebundle()["text/html"])
    records = [json.loads(line) for line in (site_env / "frames.jsonl").read_text().splitlines()]
    assert len(records) == len(data["frames"]) >= 2
    fresh = make_demo(demo_name)
    for record in records:
        expected = _pixels(_full_render(fresh, record["settings"]))
        frame = _pixels((site_env / record["file"]).read_bytes())
        assert frame.shape == expected.shape, record
        differing = int((frame != expected).any(axis=-1).sum())
        assert differing == 0, f"{demo_name} at {record['settings']}: {differing} pixels differ"
