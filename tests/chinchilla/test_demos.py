"""Lesson 05's demos: what they show at their defaults and extremes (the generic demo tests cover the rest)."""
from __future__ import annotations

import numpy as np
import pytest

from course_lib.chinchilla.analysis import analyse_grid
from course_lib.chinchilla.demos import InferenceDemo, IsoFLOPDemo, ToyGridDemo
from course_lib.chinchilla.grid import load_grid
from course_lib.scaling import COEFFICIENT_SETS, compute_optimal


def test_isoflop_demo_marks_the_optimum():
    demo = IsoFLOPDemo()
    for name in COEFFICIENT_SETS:
        state = demo.update(coefficients=name, log10_compute=22.0, tokens_per_param="20")
        n_opt, _ = compute_optimal(1e22, COEFFICIENT_SETS[name])
        assert state["n_opt"] == pytest.approx(n_opt)
        assert state["loss_yours"] >= state["loss_opt"] - 1e-12
        assert min(state["loss"]) >= state["loss_opt"] - 1e-12
    assert "tokens per parameter" in demo.summary_html(state)


def test_toy_grid_demo_switches_fits():
    demo = ToyGridDemo(analyse_grid(load_grid("live_grid")))
    free = demo.update(fit="E free")
    fixed = demo.update(fit="E fixed to H")
    assert fixed["law"].E == pytest.approx(demo.analysis.grid.entropy)
    assert free["law"].E < fixed["law"].E
    with pytest.raises(TypeError, match="analysis"):
        ToyGridDemo("not an analysis")


def test_inference_demo_cheapest_is_never_dearer():
    demo = InferenceDemo()
    state = demo.update(log10_inference_tokens=13.0)
    assert state["best_relative"] <= 1.0 + 1e-9
    assert np.nanmin(state["relative"]) >= state["best_relative"] - 1e-6
