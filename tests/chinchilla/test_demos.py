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


def test_toy_grid_demo_toggles_what_n_counts():
    demo = ToyGridDemo(analyse_grid(load_grid("live_grid")))
    plain = demo.update(fit="E free", parameters="non-embedding")
    counted = demo.update(fit="E free", parameters="all")
    assert counted["analysis"].parameters == "all" and plain["analysis"].parameters == "non-embedding"
    assert np.all(counted["analysis"].grid.n_params > plain["analysis"].grid.n_params)
    assert counted["analysis"].approach2.a != plain["analysis"].approach2.a
    x, _ = demo.markers[0].get_data()  # the markers moved to the new N
    assert np.allclose(np.sort(x), np.sort(counted["analysis"].grid.curve(counted["analysis"].grid.budgets[0])[0]))
    assert "all parameters" in demo.summary_html(counted)


def test_inference_demo_labels_tokens_per_parameter():
    demo = InferenceDemo()
    state = demo.update(log10_inference_tokens=14.0, coefficients="Epoch 2024")
    assert demo.best_label.get_text() == f"{state['best'].tokens_per_parameter:.0f} tokens/param"
    assert demo.chinchilla_label.get_text() == f"{state['plain'].tokens_per_parameter:.0f} tokens/param"
