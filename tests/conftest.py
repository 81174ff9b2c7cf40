"""Shared test set-up: tools/ and test helpers on the import path, a tiny demo, demo parametrisation.

Any test that takes a ``demo_name`` argument runs once for the tiny demo defined here (so the
machinery is exercised even before any lesson registers a demo) and once for every demo in
:data:`course_lib.catalog.DEMOS`; the ``make_demo`` fixture builds a fresh demo by name.
"""
from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

from course_lib import catalog
from course_lib.core.controls import Choice, FloatSlider, IntSlider
from course_lib.core.demo import Demo
from course_lib.core.style import new_figure

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT / "tests"))  # shared test helpers (checker_contract)

TINY = "tiny"


class TinyDemo(Demo):
    """A line with a slope, a number of points and a shape: one control of each kind."""

    controls = {
        "slope": FloatSlider(-1.0, 2.0, 0.5, 0.25),
        "points": IntSlider(2, 12, 5),
        "shape": Choice(("line", "steps"), "line"),
    }
    caption = "A straight line or a staircase with the chosen slope, drawn through a few points."

    def __init__(self, fail_at_points: int | None = None):
        self.fail_at_points = fail_at_points
        self.fig, self.ax = new_figure(figsize=(3.0, 2.0))
        self.line, = self.ax.plot([0.0, 1.0], [0.0, 0.0])
        self.ax.set_xlim(0, 1)
        self.ax.set_ylim(-1.1, 2.1)
        self.data_artists = [self.line]

    def compute(self, slope: float, points: int, shape: str) -> dict:
        if points == self.fail_at_points:
            raise ValueError(f"points={points} is refused by this test demo")
        x = np.linspace(0.0, 1.0, points)
        y = slope * (np.floor(x * 3) / 3 if shape == "steps" else x)
        return {"x": x, "y": y, "slope": slope}

    def draw(self, state: dict) -> None:
        self.line.set_data(state["x"], state["y"])
        self.ax.set_title(f"slope {state['slope']:.2f}")

    def summary_html(self, state: dict) -> str:
        return f"<table><tr><td>slope</td><td>{state['slope']:.2f}</td></tr></table>"


def pytest_configure(config):
    config.addinivalue_line("markers", "slow: executes notebooks or starts kernels (seconds, not ms)")


def pytest_generate_tests(metafunc):
    if "demo_name" in metafunc.fixturenames:
        registered = [pytest.param(name, id=name) for name in sorted(catalog.DEMOS)]
        if not registered:
            registered = [pytest.param(None, id="no-registered-demos", marks=pytest.mark.skip(
                reason="course_lib.catalog.DEMOS is empty: no lesson has registered a demo yet"))]
        metafunc.parametrize("demo_name", [pytest.param(TINY, id=TINY)] + registered)


@pytest.fixture
def make_demo():
    """Return a function that builds a fresh demo by name (``"tiny"`` or a catalog name)."""
    def build(name: str) -> Demo:
        return TinyDemo() if name == TINY else catalog.make_demo(name)
    return build


@pytest.fixture
def tiny_demo_class():
    """The tiny demo class (to build variants, e.g. one that fails at a given value)."""
    return TinyDemo


@pytest.fixture
def chinese():
    """The course in Chinese for one test (``course_lib.setup(language="zh")``'s switch), then back
    to English; yields whether figures can be drawn in Chinese on this machine."""
    from course_lib.core import language

    figures_follow = language.set_language("zh")
    try:
        yield figures_follow
    finally:
        language.set_language("en")
