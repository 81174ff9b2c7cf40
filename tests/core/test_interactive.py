"""The slider wiring (course_lib.core.interactive) for the tiny demo and every registered demo.

Runs under ipywidgets 8 (.venv) and 7.7.1 (.venv-colab, as on Colab); widgets are created
outside a kernel, which both versions allow. Widget construction must not emit a
DeprecationWarning: ipywidgets 7.7.1 ignores keywords it does not know (8-only styling) with
nothing but that warning, so here the warning is an error.
"""
from __future__ import annotations

import base64

import contextlib
import warnings

import ipywidgets
import pytest

from course_lib.core import interactive
from course_lib.core.controls import Choice

IPYWIDGETS_MAJOR = int(ipywidgets.__version__.split(".")[0])


@contextlib.contextmanager
def deprecations_are_errors():
    """DeprecationWarning raises, except from rendering (matplotlib's mathtext under new pyparsing)."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", DeprecationWarning)
        warnings.filterwarnings("ignore", category=DeprecationWarning, module=r"(matplotlib|pyparsing)\b")
        yield


def _panel(demo):
    with deprecations_are_errors():
        return interactive.Panel(demo)


@pytest.fixture
def recorder(monkeypatch):
    """Record each PNG the panel renders."""
    pngs = []
    render = interactive.FigureRenderer.render

    def recording_render(self):
        pngs.append(render(self))
        return pngs[-1]

    monkeypatch.setattr(interactive.FigureRenderer, "render", recording_render)
    return pngs


def _ends(spec):
    return (spec.options[0], spec.options[-1]) if isinstance(spec, Choice) else (spec.min, spec.max)


def test_panel_builds_without_deprecation_warnings(demo_name, make_demo):
    panel = _panel(make_demo(demo_name))
    assert set(panel.controls) == set(panel.demo.controls)
    assert panel.box.children[:len(panel.controls)] == tuple(panel.controls.values())


def test_widgets_match_the_control_specs(demo_name, make_demo):
    panel = _panel(make_demo(demo_name))
    for name, spec in panel.demo.controls.items():
        w = panel.controls[name]
        assert w.value == spec.value
        if isinstance(spec, Choice):
            assert tuple(w._options_values) == spec.options
            assert tuple(w._options_labels) == tuple(spec.display(o) for o in spec.options)
        else:
            assert (w.min, w.max, w.step) == (spec.min, spec.max, spec.step)


def test_moving_each_control_updates_the_demo_and_what_is_shown(demo_name, make_demo, recorder):
    panel = _panel(make_demo(demo_name))
    for name, spec in panel.demo.controls.items():
        low, high = _ends(spec)
        order = (high, low) if panel.controls[name].value != high else (low, high)
        shown = {}
        for value in order:  # each assignment changes the value, so the observer must fire
            renders = len(recorder)
            panel.controls[name].value = value
            assert len(recorder) == renders + 1, f"setting {name}={value!r} did not redraw once"
            assert panel.values()[name] == value
            shown[value] = (recorder[-1], panel.summary.value)
        assert shown[low] != shown[high], f"moving {name} from {low!r} to {high!r} changed nothing shown"
        panel.controls[name].value = spec.value


def test_each_move_calls_update_with_the_new_value(make_demo, monkeypatch):
    demo = make_demo("tiny")
    calls = []
    original = demo.update
    monkeypatch.setattr(demo, "update", lambda **p: calls.append(p) or original(**p))
    panel = _panel(demo)
    panel.controls["points"].value = 12
    panel.controls["shape"].value = "steps"
    assert calls[-2]["points"] == 12 and calls[-1] == {"slope": 0.5, "points": 12, "shape": "steps"}


def test_show_displays_and_returns_the_panel(make_demo, capsys):
    with deprecations_are_errors():
        panel = interactive.show(make_demo("tiny"))
    assert isinstance(panel, interactive.Panel)
    out = capsys.readouterr().out  # outside a kernel display() prints the bundle
    assert "image/png" in out and panel.demo.caption in out


def test_the_display_carries_the_widget_view_and_a_png_of_the_figure(make_demo):
    panel = _panel(make_demo("tiny"))
    bundle = panel.mimebundle()
    assert bundle["application/vnd.jupyter.widget-view+json"]["model_id"] == panel.box.model_id
    assert base64.b64decode(bundle["image/png"]) == panel.image.value
    assert base64.b64decode(bundle["image/png"])[:4] == b"\x89PNG"
    panel.controls["slope"].value = 2.0  # the fallback shows the figure as it is when displayed
    assert base64.b64decode(panel.mimebundle()["image/png"]) == panel.image.value != base64.b64decode(bundle["image/png"])


def test_an_exception_in_update_propagates_when_set_from_code(tiny_demo_class):
    panel = _panel(tiny_demo_class(fail_at_points=7))
    with pytest.raises(ValueError, match="points=7 is refused"):
        panel.controls["points"].value = 7


@pytest.mark.skipif(IPYWIDGETS_MAJOR != 7, reason="only ipywidgets 7 ignores unknown keywords")
def test_the_warning_guard_catches_an_8_only_keyword_under_7():
    with deprecations_are_errors(), pytest.raises(DeprecationWarning):
        ipywidgets.IntSlider(value=1, behavior="drag-tap")  # 'behavior' exists only in ipywidgets 8


def test_ipywidgets_version_is_supported():
    assert IPYWIDGETS_MAJOR in (7, 8), ipywidgets.__version__
