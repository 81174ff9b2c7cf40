"""Lesson 05 in the course's language: what course_lib shows follows ``setup(language=...)``, English unchanged."""
from __future__ import annotations

import pytest

from course_lib.chinchilla import checks
from course_lib.chinchilla.analysis import analyse_grid, seed_table
from course_lib.chinchilla.demos import InferenceDemo, IsoFLOPDemo, ToyGridDemo
from course_lib.chinchilla.grid import MAIN_BUDGETS, PARAMETER_COUNTS, load_grid, load_live_seeds
from course_lib.chinchilla.names import FIT_KEYS, LAW_KEYS, PARAMETER_KEYS
from course_lib.core.messages import CATALOGUES, figure_message
from course_lib.scaling import COEFFICIENT_SETS


def test_every_named_choice_has_words():
    assert set(LAW_KEYS) == set(COEFFICIENT_SETS)
    assert set(PARAMETER_KEYS) == set(PARAMETER_COUNTS)
    assert set(FIT_KEYS) == {"E free", "E fixed to H"}
    for key in (*LAW_KEYS.values(), *PARAMETER_KEYS.values(), *FIT_KEYS.values()):
        assert all(key in catalogue for catalogue in CATALOGUES.values()), key


def test_the_english_output_is_unchanged():
    analysis = analyse_grid(load_grid().subset(MAIN_BUDGETS))
    lines = analysis.summary().splitlines()
    assert lines[0] == "runs used: 32 of 32; budgets 1e+10, 3e+10, 1e+11, 3e+11; N counts non-embedding parameters"
    assert lines[1].startswith("Approach 1 (envelope):       a = ")
    assert seed_table(load_live_seeds())[1].splitlines()[0] == (
        "seed   a (1: envelope)  a (2: parabolas)  a (3: law)   E (law)")
    demo = ToyGridDemo(analysis)
    assert demo.controls["fit"].display("E fixed to H") == "E fixed to H"
    assert "E free; N counts all parameters" in demo.summary_html(demo.update(parameters="all"))


def test_demos_checks_and_summaries_follow_the_language(chinese, capsys):
    iso = IsoFLOPDemo()
    assert iso.caption.startswith("左图")
    assert iso.controls["coefficients"].display("Hoffmann (rounded)") == "Hoffmann 四舍五入值"
    assert "最优的每参数词元数" in iso.summary_html(iso.update())
    assert iso.ax.get_title() == figure_message("chinchilla.isoflop.title_line")

    analysis = analyse_grid(load_grid("live_grid"))
    toy = ToyGridDemo(analysis)
    state = toy.update(fit="E fixed to H", parameters="all")  # the options stay the English values
    assert "E 固定为 H；N 计入全部参数" in toy.summary_html(state)
    assert toy.ax.get_xlabel() == figure_message("chinchilla.toy.xlabel",
                                                 parameters=figure_message("chinchilla.parameters.all"))
    assert analysis.summary().startswith("使用的训练：12 次中的 12 次")
    assert seed_table(load_live_seeds())[1].splitlines()[-1].startswith("差异")

    inference = InferenceDemo()
    assert "计算最优模型的" in inference.summary_html(inference.update())

    checks.loss_at_ratio(lambda C, ratio, law: 1.0)
    out = capsys.readouterr().out
    assert "每参数 93 个词元" in out and "提示" in out
