"""Lesson 00's demo and check speak the course's language: English as before, Chinese after setup(language="zh")."""
from __future__ import annotations

import re

import pytest

from course_lib.start_here import checks
from course_lib.start_here.demos import LogAxisDemo

CJK = re.compile(r"[\u4e00-\u9fff]")


def test_the_english_demo_reads_as_before():
    demo = LogAxisDemo()
    state = demo.update(x_axis="linear")
    assert demo.ax.get_title() == "Same 13 models, linear x-axis"
    assert demo.ax.get_xlabel() == "parameters (linear axis)"
    assert demo.ax.get_ylabel() == "score (toy model)"
    assert demo.summary_html(state) == "<p>On this linear axis 10 of the 13 models sit in the leftmost 5% of the width.</p>"
    assert demo.controls["x_axis"].label == "x-axis" and demo.controls["x_axis"].labels == ("linear", "log")
    assert demo.caption.startswith("A toy score (a logistic curve in log10 of model size")


def test_the_chinese_demo_speaks_chinese(chinese):
    demo = LogAxisDemo()
    state = demo.update(x_axis="log")
    assert CJK.search(demo.caption) and CJK.search(demo.summary_html(state))
    assert all(CJK.search(spec.label) for spec in demo.controls.values())
    assert demo.controls["x_axis"].options == ("linear", "log")  # the values update() takes stay
    assert all(CJK.search(text) for text in demo.controls["x_axis"].labels)
    drawn = [demo.ax.get_title(), demo.ax.get_xlabel(), demo.ax.get_ylabel(),
             demo.ax.get_legend().get_texts()[0].get_text()]
    # figures follow the language where the machine has a font for it, else stay English
    assert all(bool(CJK.search(text)) == chinese for text in drawn), drawn


def test_the_check_speaks_chinese(chinese, capsys):
    assert not checks.mlp_param_count(lambda i, h, o: i * h + h * o)
    out = capsys.readouterr().out
    assert "提示" in out and "偏置" in out and "Hint" not in out
