"""Lesson 03's demos, figures, checks and progress labels speak the course's language: English as
before, Chinese after setup(language="zh")."""
from __future__ import annotations

import re

import matplotlib.pyplot as plt
import numpy as np
import pytest

from course_lib import grokking
from course_lib.core.messages import message
from course_lib.grokking import checks
from course_lib.grokking.demos import PhaseDiagramDemo, TrainingStepDemo
from course_lib.grokking.figures import plot_history, plot_progress_measures
from course_lib.grokking.timeline import load_timeline, make_timeline, toy_phases

CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def small_history():
    return grokking.train(p=23, train_fraction=0.5, steps=60, log_every=10, show_progress=False)


def axis_texts(ax) -> list[str]:
    """Title, axis labels and legend entries of one axis (the empty ones left out)."""
    legend = ax.get_legend()
    texts = [ax.get_title(), ax.get_xlabel(), ax.get_ylabel(),
             *(t.get_text() for t in (legend.get_texts() if legend else []))]
    return [t for t in texts if t]


def figure_texts(fig) -> list[str]:
    """Every text drawn in a figure: the axes' words, notes, figure legends and colour-bar labels."""
    texts = [t for ax in fig.axes for t in axis_texts(ax)]
    texts += [t.get_text() for ax in fig.axes for t in ax.texts if CJK.search(t.get_text()) or
              re.search(r"[A-Za-z]{3,}", t.get_text())]
    texts += [t.get_text() for legend in fig.legends for t in legend.get_texts()]
    return texts


def test_the_english_demos_read_as_before():
    step = TrainingStepDemo()
    step.update(step=500)
    assert step.caption.startswith("One training run at the chosen step (grey line)")
    assert step.controls["step"].label == "training step"
    assert step.ax_norm.get_title() == "Weight norm" and step.ax_norm.get_ylabel() == "‖all weights‖"
    assert step.ax_spec.get_title() == "Fourier power of the embedding"
    assert [t.get_text() for t in step.ax_spec.get_legend().get_texts()] == [
        "key frequencies of the final network", "other frequencies"]
    assert step.note.get_text().startswith("step 500: train 100%, test ")
    assert "of the power)\nfinal key frequencies (hatched): " in step.note.get_text()
    phase = PhaseDiagramDemo()
    phase.update(train_fraction="0.2", weight_decay="3.0")
    assert phase.caption.startswith("Left: for each training fraction and weight decay")
    assert [c.label for c in phase.controls.values()] == ["training fraction", "weight decay"]
    assert phase.ax_map.get_title() == "Median steps to 95 % test, and delay (p = 53)"
    assert phase.note.get_text().startswith("1 of 3 seeds reach 95 % test\nat steps ")
    assert "never" in [t.get_text() for t in phase.ax_map.texts]
    plt.close("all")


def test_the_english_figures_and_labels_read_as_before(small_history):
    fig = plot_history(small_history)
    assert [ax.get_title() for ax in fig.axes] == ["Accuracy", "Loss"]
    timeline = load_timeline(0)
    fig = plot_progress_measures(timeline, toy_phases(timeline))
    assert [t.get_text() for t in fig.legends[0].get_texts()] == [
        "memorization (steps 0-100)", "circuit formation (steps 100-520)", "cleanup (steps 520-720)"]
    assert fig.axes[1].get_title() == "Share of power at the 5 final key frequencies,\nand test accuracy"
    assert message("grokking.train.progress", p=97, fraction=0.3, weight_decay=1.0) == (
        "training p=97, 30% train, weight decay 1")
    plt.close("all")


def test_the_chinese_demos_speak_chinese_in_every_state(chinese):
    step = TrainingStepDemo()
    assert CJK.search(step.caption) and CJK.search(step.controls["step"].label)
    for value in (0, 500, 1000):
        step.update(step=value)
        drawn = figure_texts(step.fig)
        # figures follow the language where the machine has a font for it, else stay English
        assert all(bool(CJK.search(text)) == chinese for text in drawn), drawn
    phase = PhaseDiagramDemo()
    assert CJK.search(phase.caption) and all(CJK.search(c.label) for c in phase.controls.values())
    assert phase.controls["weight_decay"].options == ("0.0", "0.3", "1.0", "3.0")  # the values update() takes
    for fraction in phase.controls["train_fraction"].options:
        for decay in phase.controls["weight_decay"].options:
            phase.update(train_fraction=fraction, weight_decay=decay)
            drawn = [*figure_texts(phase.fig), *(ax.get_ylabel() for ax in phase.fig.axes if ax.get_ylabel())]
            assert all(bool(CJK.search(text)) == chinese for text in drawn), drawn
    plt.close("all")


def test_the_static_figures_speak_chinese(chinese, small_history):
    timeline = make_timeline(small_history, n_keys=3)
    for fig in (plot_history(small_history), plot_progress_measures(timeline, {"memorization": (0, 10),
                                                                               "cleanup": (10, 60)})):
        drawn = figure_texts(fig)
        assert drawn and all(bool(CJK.search(text)) == chinese for text in drawn), drawn
    plt.close("all")


@pytest.mark.parametrize("name, wrong", [
    ("adamw_step", lambda param, grad, m, v, t, lr, betas, eps, weight_decay: (param, m, v)),
    ("frequency_shares", lambda E: np.ones(E.shape[0] // 2 + 1)),
    ("fourier_answer", lambda a, b, p, keys: (a + b) % p)])
def test_the_checks_speak_chinese(chinese, capsys, name, wrong):
    assert not getattr(checks, name)(wrong)
    out = capsys.readouterr().out
    assert "提示" in out and CJK.search(out.split("提示")[1]) and "Hint" not in out
    description = out.split("提示")[0].split("，", 1)[1]  # after "第 i 个用例（共 n 个，"
    assert CJK.search(description) and not re.search(r"[a-z]{4,} [a-z]{4,}", description), description


def test_the_progress_labels_speak_chinese(chinese):
    assert message("grokking.train.progress", p=97, fraction=0.3, weight_decay=1.0) == (
        "训练 p=97，30% 用于训练，权重衰减 1")
    assert CJK.search(message("grokking.timeline.progress")) and CJK.search(message("grokking.phase_grid.progress"))
