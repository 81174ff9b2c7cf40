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


@pytest.mark.parametrize("p, n_keys", [(5, 2), (7, 3), (11, 5)])
def test_make_timeline_for_small_primes(p, n_keys):
    """train accepts p = 5 and 7; make_timeline keeps as many key frequencies as there are (p // 2)."""
    history = grokking.train(p=p, train_fraction=0.5, steps=20, log_every=10, show_progress=False)
    timeline = make_timeline(history)
    assert len(timeline["keys"]) == n_keys and len(set(timeline["keys"].tolist())) == n_keys
    with pytest.raises(ValueError, match="n_keys"):
        make_timeline(history, n_keys=p // 2 + 1)


def test_delays_are_generalised_over_memorised():
    grid = run_phase_grid(p=23, fractions=(0.5,), weight_decays=(1.0,), seeds=(0,), budget=20, log_every=10,
                          show_progress=False)
    grid.memorised_at[...] = [[[40]]]
    grid.generalised_at[...] = [[[100]]]
    assert grid.delays()[0, 0, 0] == pytest.approx(2.5) and grid.median_delays()[0, 0] == pytest.approx(2.5)
    grid.generalised_at[...] = [[[-1]]]
    assert np.isnan(grid.delays()[0, 0, 0]) and np.isnan(grid.median_delays()[0, 0])


def test_toy_phases_follow_their_rules():
    from course_lib.grokking.timeline import toy_phases, before_the_jump
    steps = np.arange(0, 100, 10)
    timeline = {"steps": steps,
                "train_accuracy": np.array([0, .5, .9, 1, 1, 1, 1, 1, 1, 1.]),
                "test_accuracy": np.array([0, 0, 0, .01, .02, .04, .06, .5, .96, 1.]),
                "restricted_loss": np.linspace(5, 0, 10), "key_share": np.linspace(0.1, 0.9, 10),
                "excluded_loss": np.linspace(0, 5, 10), "weight_norm": np.linspace(50, 30, 10)}
    assert toy_phases(timeline) == {"memorization": (0, 30), "circuit formation": (30, 60), "cleanup": (60, 80)}
    assert before_the_jump(timeline)["key_share"] == pytest.approx((timeline["key_share"][3], timeline["key_share"][5]))
    with pytest.raises(ValueError, match="95 %"):
        toy_phases({**timeline, "test_accuracy": np.zeros(10)})


def _signature_timeline():
    steps = np.arange(0, 100, 10)
    return {"steps": steps,
            "train_accuracy": np.array([0, .5, .9, 1, 1, 1, 1, 1, 1, 1.]),
            "test_accuracy": np.array([0, 0, 0, .01, .02, .04, .06, .5, .96, 1.]),
            "test_loss": np.array([5, 9, 12, 13, 14, 13.5, 10, 3, .1, .05]),
            "restricted_loss": np.linspace(5, 0, 10), "key_share": np.linspace(0.1, 0.9, 10),
            "excluded_loss": np.array([4, 2, 1, .5, .2, .3, 1, 3, 6, 9.]), "weight_norm": np.linspace(50, 30, 10)}


def test_peak_of_the_test_loss_is_looked_for_between_memorisation_and_generalisation():
    """The peak is searched from the first 100 % training checkpoint (30) to the first 95 % test one (80)."""
    from course_lib.grokking.timeline import before_the_jump, peak_test_loss_at
    timeline = _signature_timeline()
    assert peak_test_loss_at(timeline) == 40
    rising = {**timeline, "test_loss": np.arange(10.0)}
    assert peak_test_loss_at(rising) == 80          # not after the first 95 % test checkpoint
    early = {**timeline, "test_loss": np.array([20, 19, 18, 17, 14, 13, 10, 3, .1, .05])}
    assert peak_test_loss_at(early) == 30          # a higher loss before memorisation does not count
    window = before_the_jump(timeline, until="test loss peak")
    assert window["key_share"] == pytest.approx((timeline["key_share"][3], timeline["key_share"][4]))
    assert window["excluded_loss"] == pytest.approx((0.5, 0.2))
    with pytest.raises(ValueError, match="until"):
        before_the_jump(timeline, until="peak")


def test_excluded_loss_minimum_marks_nandas_end_of_memorisation():
    """Nanda et al.'s marker: the lowest excluded loss up to the first 95 % test checkpoint (not after it)."""
    from course_lib.grokking.timeline import excluded_loss_minimum_at
    timeline = _signature_timeline()
    assert excluded_loss_minimum_at(timeline) == 40
    late = {**timeline, "excluded_loss": np.array([4, 2, 1, .5, .2, .3, 1, 3, 6, .01])}
    assert excluded_loss_minimum_at(late) == 40
    with pytest.raises(ValueError, match="excluded_loss"):
        excluded_loss_minimum_at({k: v for k, v in timeline.items() if k != "excluded_loss"})
