"""Lesson 01's demo, figures, checks and progress labels speak the course's language: English as
before, Chinese after setup(language="zh")."""
from __future__ import annotations

import itertools
import re

import pytest

from course_lib.core.style import new_figure
from course_lib.emergence import checks, plots
from course_lib.emergence.demos import GRIDS, METRICS, EmergenceDemo
from course_lib.emergence.training import ALL_KINDS, train_family

CJK = re.compile(r"[\u4e00-\u9fff]")


def drawn_texts(ax) -> list[str]:
    return [ax.get_title(), ax.get_xlabel(), *(t.get_text() for t in ax.get_legend().get_texts())]


def test_the_english_demo_reads_as_before():
    demo = EmergenceDemo()
    state = demo.update(metric="per-digit accuracy", n_digits=3, grid="sparse")
    assert demo.ax.get_title() == "3-digit addition: per-digit accuracy vs model size (sparse grid of sizes)"
    assert demo.ax.get_xlabel() == "parameters (log axis)"
    assert demo.ax.get_ylabel() == "per-digit accuracy"
    assert [t.get_text() for t in demo.ax.get_legend().get_texts()] == [
        "direct answer", "with a scratchpad (carries written out)", "random digits"]
    assert demo.controls["metric"].label == "metric"
    assert demo.controls["metric"].labels == ("exact match", "per-digit accuracy", "edit distance")
    assert demo.controls["grid"].labels == ("dense", "sparse")
    assert demo.caption.startswith("Each marker is one trained model")
    summary = demo.summary_html(state)
    assert summary.startswith("<b>Emergence score</b> of each curve (higher = more sudden;")
    assert "params of the first model at exact match &ge; 0.5" in summary and "direct answer" in summary


def test_the_chinese_demo_speaks_chinese_in_every_state(chinese):
    demo = EmergenceDemo()
    assert CJK.search(demo.caption)
    assert all(CJK.search(spec.label) for spec in demo.controls.values())
    assert demo.controls["metric"].options == tuple(METRICS)  # the values update() takes stay
    assert demo.controls["grid"].options == GRIDS
    assert all(CJK.search(text) for name in ("metric", "grid") for text in demo.controls[name].labels)
    for metric, grid in itertools.product(METRICS, GRIDS):
        state = demo.update(metric=metric, n_digits=5, grid=grid)
        summary = demo.summary_html(state)
        assert CJK.search(summary) and "Emergence" not in summary and "family" not in summary
        drawn = [*drawn_texts(demo.ax), demo.ax.get_ylabel()]
        # figures follow the language where the machine has a font for it, else stay English
        assert all(bool(CJK.search(text)) == chinese for text in drawn), drawn


def test_the_static_figures_speak_chinese(chinese):
    fig, ax = new_figure()
    plots.plot_emergent_scales(ax)
    assert all(bool(CJK.search(text)) == chinese for text in drawn_texts(ax))
    fig, ax = new_figure()
    plots.plot_all_steps_right(ax, steps=(1, 4, 10))
    assert all(bool(CJK.search(text)) == chinese for text in [*drawn_texts(ax), ax.get_ylabel()])


@pytest.mark.parametrize("name, wrong", [("all_steps_right", lambda p, k: p * k),
                                         ("emergence_score", lambda x, y: 1.0),
                                         ("exact_match", lambda p, t: [1] * len(p))])
def test_the_checks_speak_chinese(chinese, capsys, name, wrong):
    assert not getattr(checks, name)(wrong)
    out = capsys.readouterr().out
    assert "提示" in out and CJK.search(out.split("提示")[1]) and "Hint" not in out


def test_every_case_description_is_in_the_catalogue(chinese):
    for cases in (checks._all_steps_cases, checks._emergence_cases, checks._exact_match_cases):
        assert all(CJK.search(description) for description, _, _ in cases())


def test_every_progress_label_has_its_words(chinese, monkeypatch):
    labels = []
    monkeypatch.setattr("course_lib.emergence.training.progress",
                        lambda items, label, enabled: labels.append(label) or items)
    for kind in ALL_KINDS:
        train_family(2, (1,), kind, n_train=50, n_test=20, epochs=1)
    assert len(labels) == len(ALL_KINDS) and all(CJK.search(label) for label in labels)
