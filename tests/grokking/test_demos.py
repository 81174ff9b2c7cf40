"""Lesson 03's demos built from what a notebook trains (not only the caches), and their moves."""
import numpy as np
import pytest

from course_lib.core.rendering import FigureRenderer

from course_lib import grokking
from course_lib.grokking.demos import PhaseDiagramDemo, TrainingStepDemo
from course_lib.grokking.phase import run_phase_grid
from course_lib.grokking.timeline import make_timeline


@pytest.fixture(scope="module")
def small_timeline():
    history = grokking.train(p=23, train_fraction=0.5, steps=60, log_every=10, show_progress=False)
    return make_timeline(history, n_keys=3)


def test_step_demo_follows_the_given_run(small_timeline):
    demo = TrainingStepDemo(small_timeline)
    assert demo.controls["step"].max == 60 and demo.controls["step"].step == 10
    state = demo.update(step=30)
    assert state["step"] == 30 and len(demo.bars) == 12
    assert np.allclose([bar.get_height() for bar in demo.bars], small_timeline["spectrum"][3])
    assert state["test_accuracy"] == small_timeline["test_accuracy"][3]


def test_phase_demo_on_a_live_grid():
    grid = run_phase_grid(p=23, fractions=(0.5, 0.6), weight_decays=(0.0, 1.0), seeds=(0, 1), budget=40,
                          log_every=10, show_progress=False)
    demo = PhaseDiagramDemo(grid)
    assert demo.controls["train_fraction"].options == ("0.5", "0.6")
    state = demo.update(train_fraction="0.6", weight_decay="0.0")
    assert state["cell"] == (1, 0) and state["test"].shape == (2, 4)


@pytest.mark.parametrize("make", [TrainingStepDemo, PhaseDiagramDemo])
def test_moves_are_data_only(make):
    demo = make()
    renderer = FigureRenderer(demo.fig, demo.data_artists)
    renderer.render()
    for name, spec in demo.controls.items():
        for value in spec.extremes():
            demo.update(**{name: value})
            renderer.render()
            assert renderer.last_path == "blit", (name, value)


def test_no_control_label_is_part_of_another():
    demo = PhaseDiagramDemo()
    for spec in demo.controls.values():
        for label in spec.options:
            assert [other for other in spec.options if label in other] == [label]


def test_make_timeline_needs_snapshots():
    history = grokking.train(p=23, train_fraction=0.5, steps=10, keep_snapshots=False, show_progress=False)
    with pytest.raises(ValueError, match="snapshots"):
        make_timeline(history)
    with pytest.raises(TypeError, match="history"):
        make_timeline({"steps": []})


def test_phase_grid_refuses_bad_settings():
    with pytest.raises(ValueError, match="p"):
        run_phase_grid(p=21)
    with pytest.raises(ValueError, match="fractions"):
        run_phase_grid(fractions=(0.0,))
    with pytest.raises(ValueError, match="weight_decays"):
        run_phase_grid(weight_decays=(-1.0,))
