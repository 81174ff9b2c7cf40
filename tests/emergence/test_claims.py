"""Every result that notebook 01's prose states, computed from the same code and asserted.

One test per stated result; each names its notebook section. The live families of §4-§5 are
trained with the cached families' settings on widths the cache holds, so the cached families
stand in for them here (fast). When a retrain or a package upgrade changes a result, a test
here fails and the prose must be fixed.
"""
from __future__ import annotations

import numpy as np
import pytest

from course_lib import metrics
from course_lib.emergence.demos import EmergenceDemo, SPARSE_WIDTHS
from course_lib.emergence.plots import toy_step_accuracy
from course_lib.emergence.thresholds import threshold_decomposition
from course_lib.emergence.training import (CACHE_WIDTHS, LIVE_SCRATCHPAD_WIDTHS, LIVE_WIDTHS, _CACHE_SETTINGS,
                                           load_ablation, load_family)
from course_lib.model_sizes import first_crossing
from course_lib.papers import bigbench2022, wei2022

NOTEBOOK_DIRECT = dict(widths=(4, 8, 16, 32, 64, 128, 256))
NOTEBOOK_SCRATCHPAD = dict(widths=(1, 2, 3, 4, 6, 8, 16))


@pytest.fixture(scope="module")
def live_direct():
    """The family §4 trains live: the cached 4-digit family at the notebook's widths."""
    return load_family(4, "direct").subset(NOTEBOOK_DIRECT["widths"])


@pytest.fixture(scope="module")
def live_scratchpad():
    """The scratchpad family §4-§5 train live: the cached one at the notebook's widths."""
    return load_family(4, "scratchpad").subset(NOTEBOOK_SCRATCHPAD["widths"])


def score(family, metric):
    return metrics.emergence_score(family.n_params, metric)


def test_s4_s5_live_families_are_subsets_of_the_cached_ones():
    """§4-§5: the notebook's live settings are the cache's, on widths the cache holds."""
    assert tuple(LIVE_WIDTHS) == NOTEBOOK_DIRECT["widths"] and set(LIVE_WIDTHS) <= set(CACHE_WIDTHS["direct"])
    assert tuple(LIVE_SCRATCHPAD_WIDTHS) == NOTEBOOK_SCRATCHPAD["widths"]
    assert set(LIVE_SCRATCHPAD_WIDTHS) <= set(CACHE_WIDTHS["scratchpad"])
    assert _CACHE_SETTINGS == {"n_train": 50_000, "n_test": 100_000, "epochs": 10, "seed": 0}


def test_s1_table_1_has_22_named_rows_spanning_9e19_to_2_5e24():
    """§1: "22 named abilities"; recap: "span 8.9·10¹⁹ to 2.5·10²⁴ training FLOPs (40M to 540B)"."""
    assert len(wei2022.TABLE_1) == 22
    assert wei2022.table_1_span() == (8.9e19, 2.5e24)
    params = [r.params for r in wei2022.TABLE_1]
    assert min(params) == 40e6 and max(params) == 540e9


def test_s1_arithmetic_and_chain_of_thought_thresholds():
    """§1: 3-digit addition at 13B GPT-3, 4-5 digit at 175B, chain of thought on math from 68B (LaMDA)."""
    rows = {r.ability: r for r in wei2022.TABLE_1}
    assert rows["Addition/subtraction (3 digit)"].params == 13e9
    assert rows["Addition/subtraction (4-5 digit)"].params == 175e9
    cot = rows["Chain of thought: math word problems"]
    assert cot.params == 68e9 and cot.model == "LaMDA"
    smallest = min(wei2022.TABLE_1, key=lambda r: r.train_flops)
    assert smallest.ability.startswith("Scratchpad") and "fine-tuning" in smallest.ability


def test_s1_bigbench_product_of_steps_is_quoted():
    """§1: BIG-bench's explanation, success scales like the product of per-step successes."""
    assert "product of the success probabilities on each step" in bigbench2022.PRODUCT_OF_STEPS


def test_s2_solution_numbers_for_p_0_9():
    """§2 solution: with p = 0.9, 4 steps 66%, 10 steps 35%, 20 steps 12%."""
    assert [round(100 * 0.9 ** k) for k in (4, 10, 20)] == [66, 35, 12]


def test_s2_more_steps_rise_later_and_sharper():
    """§2: the all-steps curves stay near zero longer and climb more steeply, the more steps."""
    sizes = np.logspace(2, 8, 25)
    p = toy_step_accuracy(sizes)
    crossings = [first_crossing(sizes, p ** k) for k in (1, 4, 10)]
    assert crossings[0] < crossings[1] < crossings[2]
    steepest = [np.max(np.diff(p ** k)) for k in (1, 4, 10)]
    assert steepest[0] < steepest[1] < steepest[2]
    assert p[0] < 0.05 and p[-1] > 0.95  # the per-step curve rises over the six decades shown


def test_s3_equal_steps_score_the_number_of_steps():
    """§3: a curve that climbs in equal steps scores exactly the number of steps."""
    assert metrics.emergence_score(np.arange(1, 8), np.arange(7) * 0.1) == pytest.approx(6)


def test_s3_more_steps_score_higher():
    """§3 cell: the emergence score of the toy all-k-steps curve grows with k (14.8, 17.1, 33.0)."""
    sizes = np.logspace(2, 9, 15)
    p = toy_step_accuracy(sizes)
    scores = [metrics.emergence_score(sizes, p ** k) for k in (1, 4, 10)]
    assert [round(s, 1) for s in scores] == [14.8, 17.1, 33.0]


def test_s4_per_digit_accuracy_climbs_from_0_32_to_0_94(live_direct):
    """§4: "Per-digit accuracy climbs steadily, from 0.32 at width 4 to 0.94 at width 256"."""
    acc = live_direct.digit_accuracy()
    assert np.all(np.diff(acc) > 0)
    assert round(acc[0], 2) == 0.32 and round(acc[-1], 2) == 0.94


def test_s4_exact_match_below_3_percent_up_to_width_32_then_fast(live_direct):
    """§4: exact match below 3% up to width 32 (4,242 params), 0.28 at width 64, 0.74 at 256."""
    em = live_direct.exact_match()
    widths = live_direct.widths.tolist()
    assert np.all(em[: widths.index(32) + 1] < 0.03) and live_direct.n_params[widths.index(32)] == 4242
    assert round(em[widths.index(64)], 2) == 0.28 and round(em[-1], 2) == 0.74


def test_s4_exact_match_is_close_to_the_product_of_position_accuracies(live_direct):
    """§4: exact match is close to the product of the five per-position accuracies."""
    product = live_direct.position_accuracy().prod(axis=1)
    assert np.max(np.abs(live_direct.exact_match() - product)) < 0.005


def test_s4_exact_match_outscores_per_digit_for_3_to_5_digits_not_2():
    """§4: scores 21.6 vs 13.1, 31.3 vs 13.1, 41.7 vs 11.4; for 2 digits 14.1 vs 17.5."""
    expected = {2: (14.1, 17.5), 3: (21.6, 13.1), 4: (31.3, 13.1), 5: (41.7, 11.4)}
    for n, (em_score, acc_score) in expected.items():
        fam = load_family(n, "direct")
        assert round(score(fam, fam.exact_match()), 1) == em_score, n
        assert round(score(fam, fam.digit_accuracy()), 1) == acc_score, n


def test_s4_two_digits_cross_near_1700_five_digits_reach_only_0_498():
    """§4: 50% near 1,700 parameters for 2 digits; the 5-digit family reaches only 0.498 at 41,276."""
    two, five = load_family(2, "direct"), load_family(5, "direct")
    assert 1500 <= first_crossing(two.n_params, two.exact_match()) <= 1900
    assert round(five.exact_match().max(), 3) == 0.498 and five.n_params[-1] == 41_276
    assert first_crossing(five.n_params, five.exact_match()) is None


def test_s4_sparse_grid_lowers_the_score_31_3_to_2_7():
    """§4: on the sparse grid the 4-digit exact-match score drops from 31.3 to 2.7."""
    demo = EmergenceDemo()
    dense = demo.update(metric="exact match", n_digits=4, grid="dense")["curves"]["direct"]
    sparse = demo.update(grid="sparse")["curves"]["direct"]
    assert round(metrics.emergence_score(dense["n_params"], dense["exact match"]), 1) == 31.3
    assert round(metrics.emergence_score(sparse["n_params"], sparse["exact match"]), 1) == 2.7


def test_s4_live_scratchpad_keeps_three_widths_on_the_sparse_grid():
    """§4: the live scratchpad family keeps only 3 of its 7 widths (1, 4, 16) on the sparse grid."""
    kept = [w for w in NOTEBOOK_SCRATCHPAD["widths"] if w in SPARSE_WIDTHS]
    assert kept == [1, 4, 16]


def test_s4_threshold_shift_is_mostly_the_harder_task():
    """§4: width needed 20 -> 250; more steps x1.7 (20 -> 33), harder task x7.6 (33 -> 251);
    params about 1,400 -> 40,000."""
    rows = {r["n_digits"]: r for r in threshold_decomposition({n: load_family(n, "direct") for n in (2, 3, 4, 5)})}
    two, five = rows[2], rows[5]
    assert round(two["width_needed"]) == 20 and round(five["width_needed"]) == 251
    assert round(five["width_needed_easy"]) == 33
    assert 1.6 <= five["width_needed_easy"] / two["width_needed"] <= 1.8
    assert 7.4 <= five["width_needed"] / five["width_needed_easy"] <= 7.8
    assert 1300 <= two["params_needed"] <= 1500 and 39_000 <= five["params_needed"] <= 41_000
    assert [round(r["p_needed"], 2) for r in (two, five)] == [0.79, 0.89]


def test_s5_live_crossings_188_and_33586(live_direct, live_scratchpad):
    """§5: the live scratchpad crosses 50% at 188 parameters (width 4); the live direct family only
    at its widest, 33,586 (cached grid: 23,761)."""
    assert first_crossing(live_scratchpad.n_params, live_scratchpad.exact_match()) == 188
    assert live_scratchpad.widths[np.argmax(live_scratchpad.exact_match() >= 0.5)] == 4
    assert first_crossing(live_direct.n_params, live_direct.exact_match()) == 33_586
    cached = load_family(4, "direct")
    assert first_crossing(cached.n_params, cached.exact_match()) == 23_761


def test_s5_ablations_carries_4x_step_network_32x():
    """§5: carries move the direct threshold down about 4x (23,761 -> 6,080); the step network with
    its carries needs another 32x fewer (188)."""
    direct, carries = load_family(4, "direct"), load_ablation("direct_carries")
    step = load_family(4, "scratchpad")
    x_direct = first_crossing(direct.n_params, direct.exact_match())
    x_carries = first_crossing(carries.n_params, carries.exact_match())
    x_step = first_crossing(step.n_params, step.exact_match())
    assert (x_carries, x_step) == (6_080, 188)
    assert round(x_direct / x_carries) == 4 and round(x_carries / x_step) == 32


def test_s5_step_network_without_carry_never_passes_17_percent():
    """§5: without its carry the step network never gets past 17%; 0.55³ ≈ 0.166."""
    em = load_ablation("step_no_carry").exact_match()
    assert em.max() < 0.17 and abs(em.max() - 0.55 ** 3) < 0.002
    assert first_crossing(load_ablation("step_no_carry").n_params, em) is None


def test_s5_scratchpad_width_6_dips_below_width_4(live_scratchpad):
    """§5: near the threshold one scratchpad width dips below a smaller one (6 below 4)."""
    em = dict(zip(live_scratchpad.widths.tolist(), live_scratchpad.exact_match()))
    assert em[6] < em[4]


def test_recap_scratchpad_about_100x_earlier():
    """Recap: the scratchpad family crosses 50% exact match about 100x earlier in parameters."""
    direct, step = load_family(4, "direct"), load_family(4, "scratchpad")
    ratio = first_crossing(direct.n_params, direct.exact_match()) / first_crossing(step.n_params, step.exact_match())
    assert 60 <= ratio <= 200
