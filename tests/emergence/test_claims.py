"""Every qualitative result that notebook 01's prose states, recomputed and asserted.

The numbers the prose quotes are bound to the notebook's printed output by ``tools/prose_numbers.py``
(run by the lesson test); the tests here check the *sentences*: orderings, signs, "in every seed".
Each recomputes its claim with today's code from the experiment (the toy) or from the cached raw
results (which digits of which test answers each model got right), never from a derived column
and never against a number copied from an output. A claim that rests on one seed either runs all
four cached seeds here or says "in this seed" / "seed 0" in the prose.
"""
from __future__ import annotations

import numpy as np
import pytest

from course_lib import metrics
from course_lib.emergence.demos import SPARSE_WIDTHS, curve_scores, family_metrics, sparse_subset
from course_lib.emergence.plots import (TOY_SIZES, all_steps_rise, centred_sizes, plot_all_steps_right,
                                        toy_step_accuracy)
from course_lib.emergence.problems import carries, needs_held_out_split, seen_share
from course_lib.emergence.thresholds import hard_position_decomposition, threshold_decomposition
from course_lib.emergence.models import ScratchpadAdditionModel
from course_lib.emergence.problems import scratchpad_step_inputs
from course_lib.emergence.training import (CACHE_WIDTHS, LIVE_SCRATCHPAD_WIDTHS, LIVE_WIDTHS, _CACHE_SETTINGS,
                                           family_problems, load_ablation, load_ablation_seeds, load_family,
                                           load_seeds, scratchpad_step_probability, train_family)
from course_lib.model_sizes import first_crossing
from course_lib.papers import bigbench2022, wei2022

SEEDS = (0, 1, 2, 3)


@pytest.fixture(scope="module")
def direct_seeds():
    return {n: load_seeds(n, "direct") for n in (2, 3, 4, 5)}


@pytest.fixture(scope="module")
def scratchpad_seeds():
    return load_seeds(4, "scratchpad")


def crossing(family):
    return first_crossing(family.n_params, family.exact_match())


def test_s4_s5_live_families_are_subsets_of_the_cached_ones():
    """§4-§5: the notebook's live settings are the cache's, on widths the cache holds."""
    assert set(LIVE_WIDTHS) <= set(CACHE_WIDTHS["direct"])
    assert set(LIVE_SCRATCHPAD_WIDTHS) <= set(CACHE_WIDTHS["scratchpad"])
    assert _CACHE_SETTINGS == {"n_train": 50_000, "n_test": 100_000, "epochs": 10, "seed": 0}


# --- §1 ------------------------------------------------------------------------------------

def test_s1_table_1_span_and_arithmetic_rows():
    """§1 and recap: Table 1's named rows, 3-digit addition before 4-5 digit, the scratchpad row smallest."""
    rows = {r.ability: r for r in wei2022.TABLE_1}
    assert rows["Addition/subtraction (3 digit)"].params < rows["Addition/subtraction (4-5 digit)"].params
    smallest = min(wei2022.TABLE_1, key=lambda r: r.train_flops)
    assert smallest.ability.startswith("Scratchpad") and "fine-tuning" in smallest.ability
    assert wei2022.table_1_span() == (min(r.train_flops for r in wei2022.TABLE_1),
                                      max(r.train_flops for r in wei2022.TABLE_1))
    assert "product of the success probabilities on each step" in bigbench2022.PRODUCT_OF_STEPS


def test_s1_findings_not_rechecked_say_so():
    """§1: every BIG-bench finding is either a verbatim quote with its page or labelled a paraphrase;
    the Wei et al. quote of cell 3 is in the paper module."""
    for text, where, status in bigbench2022.FINDINGS.values():
        assert status in ("verbatim", "paraphrase, not re-checked") and where
        if status == "verbatim":
            assert where.startswith("p. ")
    for key in ("breakthrough_share", "emoji_movie", "checkmate_in_one"):
        assert bigbench2022.FINDINGS[key][2] == "paraphrase, not re-checked"
    assert "would not have been directly predicted by extrapolating a scaling law" in \
        wei2022.NOT_PREDICTED_BY_EXTRAPOLATION


# --- §2 ------------------------------------------------------------------------------------

def _rise_by_sampling(k, grid=np.linspace(0, 25, 250_001)):
    """log10 sizes where the toy's p^k first reaches 10% and 90%, read off a fine grid (no formula)."""
    y = toy_step_accuracy(10.0 ** grid) ** k
    return grid[np.argmax(y >= 0.1)], grid[np.argmax(y >= 0.9)]


def test_s2_more_steps_move_the_rise_and_barely_sharpen_it():
    """§2 and theory corner: more steps rise later; the 10-90% rise shrinks only a little, and never
    below about 3 decades (it is no step function of log size)."""
    rises = {k: _rise_by_sampling(k) for k in (1, 4, 10, 100)}
    starts = [rises[k][0] for k in (1, 4, 10, 100)]
    widths = [rises[k][1] - rises[k][0] for k in (1, 4, 10, 100)]
    assert np.all(np.diff(starts) > 0.5)            # later and later
    assert np.all(np.diff(widths) < 0)               # a little sharper each time
    assert min(widths) > 3.0 and widths[2] > 0.7 * widths[0]
    for k, (low, high) in rises.items():             # the notebook's formula agrees with sampling
        assert all_steps_rise(k) == pytest.approx((low, high), abs=1e-3)
    low, high = all_steps_rise(10 ** 6)
    assert 3.0 < high - low < widths[-1]


def test_s2_the_figure_draws_the_sizes_the_score_scores():
    """§2-§3: both use the same 15 sizes from 10^2 to 10^9 (issue: two ranges for the same curves)."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    fig, ax = plt.subplots()
    plot_all_steps_right(ax)
    for line in ax.get_lines():
        assert np.array_equal(line.get_xdata(), TOY_SIZES)
    plt.close(fig)
    assert TOY_SIZES[0] == 1e2 and TOY_SIZES[-1] == pytest.approx(1e9)


def test_s2_the_ten_step_curve_reaches_90_percent_beyond_the_sizes_drawn():
    """§2: "the 10-step curve reaches 90% only beyond the largest size drawn"."""
    assert np.all(toy_step_accuracy(TOY_SIZES) ** 10 < 0.9)


def test_s3_the_ten_step_score_comes_mostly_from_where_the_sizes_sit():
    """§3 and recap: on the sizes drawn more steps score much higher, but on sizes centred on each curve's
    own rise the three scores are close; most of the 10-step curve's extra is the sampling."""
    p = toy_step_accuracy(TOY_SIZES)
    drawn = [metrics.emergence_score(TOY_SIZES, p ** k) for k in (1, 4, 10)]
    centred = [metrics.emergence_score(centred_sizes(k), toy_step_accuracy(centred_sizes(k)) ** k) for k in (1, 4, 10)]
    assert drawn[2] > 2 * drawn[0]
    assert max(centred) < 1.3 * min(centred)
    assert drawn[2] - centred[2] > 2 * (centred[2] - centred[0])   # most of the extra is the sampling
    for k in (1, 4, 10):                                            # same points, same decades, moved
        logs = np.log10(centred_sizes(k))
        assert len(logs) == len(TOY_SIZES) and np.ptp(logs) == pytest.approx(np.ptp(np.log10(TOY_SIZES)))
        assert (logs[0] + logs[-1]) / 2 == pytest.approx(np.mean(_rise_by_sampling(k)), abs=1e-3)


def test_s3_equal_steps_score_the_number_of_steps():
    """§3: a curve that climbs in equal steps scores exactly the number of steps."""
    assert metrics.emergence_score(np.arange(1, 8), np.arange(7) * 0.1) == pytest.approx(6)


# --- §4 ------------------------------------------------------------------------------------

def test_s4_two_and_three_digit_test_problems_are_never_trained_on():
    """§4: 50,000 plain draws would see almost all 2-digit problems; the held-out split sees none."""
    rng = np.random.default_rng(0)
    space = 10 ** 4
    plain_train = set(rng.integers(0, space, 50_000).tolist())
    assert len(plain_train) / space > 0.9
    for n in (2, 3):
        assert needs_held_out_split(n, 50_000)
        assert seen_share(*family_problems(n)) == 0.0
    assert not needs_held_out_split(4, 50_000)


@pytest.mark.parametrize("seed", SEEDS)
def test_s4_live_family_per_digit_steady_exact_match_late_in_every_seed(direct_seeds, seed):
    """§4: per-digit accuracy climbs steadily; exact match stays small up to width 32, then rises fast;
    exact match is close to the product of the per-position accuracies."""
    live = direct_seeds[4][seed].subset(LIVE_WIDTHS)
    widths = live.widths.tolist()
    assert np.all(np.diff(live.digit_accuracy()) > 0)
    em = live.exact_match()
    assert np.all(em[: widths.index(32) + 1] < 0.03) and em[-1] > 0.7
    assert np.max(np.abs(em - live.position_accuracy().prod(axis=1))) < 0.01


def test_s4_exact_match_is_more_reliably_the_sharper_curve_for_longer_answers(direct_seeds):
    """§4: over seeds, exact match outscores per-digit in more seeds the longer the answer (every seed
    for 4 and 5 digits, not for 2); seed 0 outscores for 3-5 digits; 2-digit scores are close;
    per-digit scores vary less across seeds than exact-match scores."""
    wins, em_spread, acc_spread = {}, [], []
    for n, families in direct_seeds.items():
        em = [metrics.emergence_score(f.n_params, f.exact_match()) for f in families.values()]
        acc = [metrics.emergence_score(f.n_params, f.digit_accuracy()) for f in families.values()]
        wins[n] = sum(e > a for e, a in zip(em, acc))
        em_spread.append(max(em) - min(em))
        acc_spread.append(max(acc) - min(acc))
        if n >= 3:
            assert em[0] > acc[0], n
        else:
            assert abs(em[0] - acc[0]) < 0.1 * acc[0]
    assert wins[2] < wins[3] <= wins[4] == wins[5] == len(SEEDS)
    assert max(acc_spread) < max(em_spread)


def test_s4_seed_0_is_the_most_extreme_four_digit_exact_match_score(direct_seeds):
    """§4: for 4 digits, seed 0's exact-match score is the largest of the four seeds."""
    em = [metrics.emergence_score(f.n_params, f.exact_match()) for f in direct_seeds[4].values()]
    assert int(np.argmax(em)) == 0 and em[0] > 2 * min(em)


def test_s4_sparse_grid_makes_the_score_unstable_not_low(direct_seeds, scratchpad_seeds):
    """§4: direct curves score lower on the sparse grid; 3-5 digit scratchpad curves score +inf on the
    dense grid and finite, widely spread values on the sparse one."""
    for n in (2, 3, 4, 5):
        direct = load_family(n, "direct")
        assert curve_scores(family_metrics(sparse_subset(direct)))["exact match"] < \
            curve_scores(family_metrics(direct))["exact match"]
    sparse_scores = []
    for n in (2, 3, 4, 5):
        pad = load_family(n, "scratchpad")
        dense = curve_scores(family_metrics(pad))
        sparse = curve_scores(family_metrics(sparse_subset(pad)))
        if n >= 3:
            assert all(np.isposinf(v) for v in dense.values())
        assert all(np.isfinite(v) for v in sparse.values())
        sparse_scores += list(sparse.values())
    assert max(sparse_scores) > 5 * min(sparse_scores)
    per_seed = [curve_scores(family_metrics(sparse_subset(f)))["per-digit accuracy"] for f in scratchpad_seeds.values()]
    assert max(per_seed) > 5 * min(per_seed)
    assert set(sparse_subset(load_family(4, "scratchpad")).widths.tolist()) == set(SPARSE_WIDTHS)


def _hard_split(direct_seeds, seed):
    """The split recomputed from the raw per-digit results, independently of hard_position_decomposition."""
    def reach(widths, values, level):
        i = int(np.argmax(values >= level))
        assert values[i] >= level and i > 0
        t = (level - values[i - 1]) / (values[i] - values[i - 1])
        return np.exp(np.log(widths[i - 1]) + t * np.log(widths[i] / widths[i - 1]))

    ref = direct_seeds[2][seed]
    base = reach(ref.widths, ref.correct.all(axis=2).mean(axis=1), 0.5)
    split = {}
    for n in (3, 4, 5):
        fam = direct_seeds[n][seed]
        more = reach(ref.widths, ref.correct[:, :, 1].mean(axis=1), 0.5 ** (1 / (n - 1)))
        needed = reach(fam.widths, fam.correct.all(axis=2).mean(axis=1), 0.5)
        split[n] = (more / base, needed / more)
    return split


def test_s4_threshold_shift_over_the_hard_digits_in_every_seed(direct_seeds):
    """§4 and recap: counted over the middle digits, both factors exceed 1 for 4 and 5 digits and the
    more-digits factor is the larger, in every seed; the all-position average gives the opposite split
    for 5 digits; the function the notebook calls agrees with an independent recomputation; and the
    first model at or above 0.5 grows with the number of digits (the widest model for 5 digits)."""
    for seed in SEEDS:
        split = _hard_split(direct_seeds, seed)
        rows = {r["n_digits"]: r for r in hard_position_decomposition({n: direct_seeds[n][seed] for n in direct_seeds})}
        for n in (3, 4, 5):
            assert (rows[n]["more_digits"], rows[n]["harder_digits"]) == pytest.approx(split[n], rel=1e-9)
        for n in (4, 5):
            more, harder = split[n]
            assert more > harder > 1, (seed, n)
        old = {r["n_digits"]: r for r in threshold_decomposition({n: direct_seeds[n][seed] for n in direct_seeds})}
        old_steps = old[5]["width_needed_easy"] / old[2]["width_needed"]
        old_digits = old[5]["width_needed"] / old[5]["width_needed_easy"]
        assert old_digits > old_steps, seed
        firsts = [crossing(direct_seeds[n][seed]) for n in (2, 3, 4, 5)]
        assert all(f is not None for f in firsts) and np.all(np.diff(firsts) > 0)
        assert firsts[-1] == direct_seeds[5][seed].n_params[-1]


def test_s4_units_and_final_carry_are_nearly_always_right_where_exact_match_crosses(direct_seeds):
    """§4: the premise of the hard-digit split, for 3-5 digits in every seed, at the first model at or
    above 0.5 exact match: units digit >= 0.999, final carry >= 0.99, every middle digit below 0.95."""
    for n in (3, 4, 5):
        for seed, fam in direct_seeds[n].items():
            i = int(np.argmax(fam.correct.all(axis=2).mean(axis=1) >= 0.5))
            acc = fam.correct[i].mean(axis=0)
            assert acc[0] >= 0.999 and acc[-1] >= 0.99 and acc[1:n].max() < 0.95, (n, seed)


def test_s4_carry_chains_do_not_explain_the_harder_digits(direct_seeds):
    """§4: at width 64 the tens digit (one carry at most) is less accurate in every longer family than
    in the 2-digit family, and the 5-digit family's fifth digit is at least as easy as its tens digit,
    in every seed."""
    def position_accuracy(family):
        return family.position_accuracy()[family.widths.tolist().index(64)]

    for seed in SEEDS:
        tens = {n: position_accuracy(direct_seeds[n][seed])[1] for n in direct_seeds}
        assert tens[2] > max(tens[3], tens[4], tens[5]), seed
        five = position_accuracy(direct_seeds[5][seed])
        assert five[4] >= five[1] - 1e-9, seed


# --- §5 ------------------------------------------------------------------------------------

def test_s5_scratchpad_crosses_two_orders_of_magnitude_earlier_in_every_seed(direct_seeds, scratchpad_seeds):
    """§5 and recap: in every seed the scratchpad crosses 50% exact match about 100x (126-163x) earlier;
    the width-3 model's exact match depends strongly on the seed."""
    for seed in SEEDS:
        ratio = crossing(direct_seeds[4][seed]) / crossing(scratchpad_seeds[seed])
        assert 100 <= ratio <= 200, seed
    width3 = [f.exact_match()[f.widths.tolist().index(3)] for f in scratchpad_seeds.values()]
    assert max(width3) - min(width3) > 0.3 and min(width3) < 0.5 < max(width3)


def test_s5_live_scratchpad_crosses_at_width_4_and_width_6_dips_below_it():
    """§5 (seed 0, the live table): the first scratchpad model at or above 0.5 has width 4, and width 6
    dips below width 4; the live direct family crosses only at its widest model."""
    pad = load_family(4, "scratchpad").subset(LIVE_SCRATCHPAD_WIDTHS)
    em = dict(zip(pad.widths.tolist(), pad.exact_match()))
    assert pad.widths[np.argmax(pad.exact_match() >= 0.5)] == 4 and em[6] < em[4]
    live = load_family(4, "direct").subset(LIVE_WIDTHS)
    assert crossing(live) == live.n_params[-1]


def test_s5_ablations_in_every_seed(direct_seeds, scratchpad_seeds):
    """§5 and recap, seeds 0-3: the carries lower the direct threshold; the step network with its carries
    is lower still, by more; without its carry it never reaches 0.5, and its best exact match is the
    chance that the three inner carries of a test problem are all 0."""
    with_carries, no_carry = load_ablation_seeds("direct_carries"), load_ablation_seeds("step_no_carry")
    for seed in SEEDS:
        x_direct, x_carries = crossing(direct_seeds[4][seed]), crossing(with_carries[seed])
        x_step = crossing(scratchpad_seeds[seed])
        assert x_direct > x_carries > x_step and x_carries / x_step > x_direct / x_carries, seed
        assert crossing(no_carry[seed]) is None, seed
        _, (a, b, _) = family_problems(4, n_test=no_carry[seed].n_test, seed=seed)
        all_zero = np.mean(~carries(a, b)[:, 1:4].any(axis=1))
        assert abs(no_carry[seed].exact_match().max() - all_zero) < 0.01, seed
    digit_pairs = np.arange(100)
    _, (a, b, _) = family_problems(4)
    assert abs(np.mean(digit_pairs // 10 + digit_pairs % 10 < 10) ** 3
               - np.mean(~carries(a, b)[:, 1:4].any(axis=1))) < 0.005


def test_ablation_seed_replicates_match_a_retrained_model():
    """The cached seed replicates of the ablations are what train_family trains with their settings."""
    cached = load_ablation_seeds("step_no_carry")[2]
    fresh = train_family(4, [2], "step_no_carry", n_test=20_000, seed=2, show_progress=False)
    assert np.array_equal(fresh.correct[0], cached.correct[cached.widths.tolist().index(2)])


@pytest.fixture(scope="module")
def step_probabilities():
    """Mean probability on the correct step value, widths 1-4, seeds 0-3 (retrains 16 tiny networks)."""
    return {seed: scratchpad_step_probability(seed) for seed in SEEDS}


def test_s5_the_scratchpad_per_digit_rise_is_mostly_one_step_in_every_seed(direct_seeds, scratchpad_seeds):
    """§5 "not every jump is made by the metric": in every seed the largest step of the scratchpad's
    per-digit curve is more than half its rise and more than twice the direct family's share; the
    emergence score on 8 widths is inflated by the flat steps after saturation (widths 1-4 alone score
    about their 3 steps). In seed 0 the jump is from below 0.3 at width 2 to above 0.95 at width 4."""
    def share(family):
        y = family.correct.mean(axis=(1, 2))[np.argsort(family.n_params)]
        return np.diff(y).max() / np.ptp(y)

    for seed in SEEDS:
        pad, direct = scratchpad_seeds[seed], direct_seeds[4][seed]
        assert share(pad) > 0.5 and share(pad) > 2 * share(direct), seed
        assert metrics.largest_step_share(pad.n_params, pad.digit_accuracy()) == pytest.approx(share(pad))
        y = pad.correct.mean(axis=(1, 2))
        first8 = metrics.emergence_score(pad.n_params[:8], y[:8])
        first4 = metrics.emergence_score(pad.n_params[:4], y[:4])
        assert first8 > 1.5 * 7 and first4 < 2 * 3, seed
        assert np.median(np.abs(np.diff(y[:8]))) < 0.05, seed
        assert np.isposinf(metrics.emergence_score(pad.n_params, y))
        acc = dict(zip(pad.widths.tolist(), y))
        assert acc[2] < 0.78 and acc[4] > 0.93, seed
    acc0 = dict(zip(scratchpad_seeds[0].widths.tolist(), scratchpad_seeds[0].correct.mean(axis=(1, 2))))
    assert acc0[2] < 0.3 and acc0[4] > 0.95


def test_s5_step_probability_is_the_cached_networks_and_jumps_sharply_only_in_seed_0(scratchpad_seeds,
                                                                                     step_probabilities):
    """§5: the retrained step networks are the cached ones (same per-digit accuracy); the probability
    on the correct value rises with width in every seed, to most of the weight at width 4; its rise from
    width 2 to 4 is larger in seed 0 than in any other seed, where it starts higher."""
    (a, b, s), (ta, tb, ts) = family_problems(4, n_test=2_000, seed=0)
    rng = np.random.default_rng([0, 3])
    model = ScratchpadAdditionModel(3, rng).fit(a, b, s, _CACHE_SETTINGS["epochs"], rng)
    _, values = scratchpad_step_inputs()
    assert model.step_table()[np.arange(200), values].mean() == pytest.approx(step_probabilities[0][2], rel=1e-6)
    cached = load_family(4, "scratchpad")
    assert np.mean(model.predict(ta, tb) == ts) == pytest.approx(cached.digit_accuracy()[2], abs=0.01)
    rise = {seed: p[3] - p[1] for seed, p in step_probabilities.items()}
    for seed, p in step_probabilities.items():
        assert np.all(np.diff(p) > 0) and p[3] > 0.6, seed
        if seed:
            assert rise[0] > rise[seed] + 0.1 and p[0] > step_probabilities[0][0] + 0.1, seed
