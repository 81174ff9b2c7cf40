"""Every qualitative result notebook 03 states, recomputed with today's code.

The numbers the prose states are bound to printed outputs by ``tools/prose_numbers.py``; these tests
check the sentences around them. Nothing here reads a derived column of a cache or pins a number
copied from an output:

- the live run and its two extra seeds are retrained here (the ``runs`` fixture, about 15 s a seed on
  one core) and their progress measures recomputed with :func:`make_timeline`; the cached timelines
  the notebook prints from must equal them;
- the phase grid's claims are recomputed from its raw curves (train and test accuracy per checkpoint)
  with :func:`first_step_at`, and one cell is retrained to show the curves are today's code's.

Claims about one seed say so ("in this seed"); the others hold for all three seeds.
"""
import numpy as np
import pytest
from threadpoolctl import threadpool_limits

from course_lib import grokking
from course_lib.grokking.fourier import cosine_fit, logit_table
from course_lib.grokking.phase import PHASE_THRESHOLD, load_phase_grid, run_phase_grid
from course_lib.grokking.model import GrokNet
from course_lib.grokking.timeline import (CACHED_SEEDS, LIVE_RUN, NANDA_LR_RUN, before_the_jump,
                                          excluded_loss_minimum_at, final_network, load_nanda_lr_run, load_timeline,
                                          make_timeline, peak_test_loss_at, toy_phases)
from course_lib.grokking.training import first_step_at
from course_lib.papers import nanda2023, power2022

LN_P = np.log(97)


@pytest.fixture(scope="module")
def histories():
    """The live run from seeds 0, 1 and 2, retrained now (one BLAS thread, as the notebook)."""
    with threadpool_limits(limits=1):
        return {seed: grokking.train(**{**LIVE_RUN, "seed": seed}, show_progress=False) for seed in CACHED_SEEDS}


@pytest.fixture(scope="module")
def runs(histories):
    """The retrained runs as timelines, with their final weights."""
    return {seed: {**make_timeline(history), "final_weights": history.net.flat.copy()}
            for seed, history in histories.items()}


@pytest.fixture(scope="module")
def grid():
    return load_phase_grid()


def at(timeline, name, step):
    return float(timeline[name][np.searchsorted(timeline["steps"], step)])


def delay(timeline):
    return (first_step_at(timeline["steps"], timeline["test_accuracy"], 0.95)
            / first_step_at(timeline["steps"], timeline["train_accuracy"], 1.0))


def test_cached_timelines_are_todays_training(runs):
    """§1-§4 print from the cached timelines: they equal what today's code trains and measures."""
    for seed, fresh in runs.items():
        cached = load_timeline(seed)
        for name, values in fresh.items():
            assert np.allclose(cached[name], values, rtol=1e-6, atol=1e-9), (seed, name)


# --- §1: memorise first, generalise later, with a modest delay ---

def test_s1_memorises_long_before_it_generalises(runs):
    """§1: training accuracy reaches 100 % while test accuracy is still near chance, in every seed."""
    for t in runs.values():
        memorised = first_step_at(t["steps"], t["train_accuracy"], 1.0)
        assert at(t, "test_accuracy", memorised) < 2 / 97
        assert first_step_at(t["steps"], t["test_accuracy"], 0.95) > 4 * memorised
        assert t["test_accuracy"][-1] == 1.0


def test_s1_confidently_wrong_while_memorised_in_this_seed(runs):
    """§1 (seed 0, the live run): from memorisation to step 400 the test loss is about three times a uniform
    guess's."""
    t = runs[0]
    memorised = first_step_at(t["steps"], t["train_accuracy"], 1.0)
    flat = (t["steps"] >= memorised) & (t["steps"] <= 400)
    ratio = t["test_loss"][flat] / LN_P
    assert 2.5 < ratio.min() and ratio.max() < 3.5


def test_s1_the_delay_is_nandas_not_powers(runs):
    """§1: the toy's delay is close to Nanda et al.'s (within a factor 1.5) and far from Power et al.'s."""
    nanda = nanda2023.GENERALISES_AFTER_EPOCHS / nanda2023.PHASES["memorization"][1]
    for t in runs.values():
        assert 1 / 1.5 < delay(t) / nanda < 1.5
        assert delay(t) < power2022.DELAY_FACTOR / 100


def test_s1_the_exact_memorisation_step_is_before_the_checkpoint(histories):
    """§1: the checkpoints round memorisation up: in every seed the exact step is earlier, so the exact delay
    is longer than the checkpoint delay."""
    for history in histories.values():
        assert history.memorised_step < history.memorised_at()
        assert history.generalised_at() / history.memorised_step > history.generalised_at() / history.memorised_at()


def test_s1_with_nandas_marker_the_toy_memorises_later_and_the_delay_is_shorter(runs):
    """§1: the excluded loss is lowest after the first 100 % training checkpoint and before the accuracy jump, so
    Nanda et al.'s marker gives a shorter delay (2 to 4) than the course's, in every seed."""
    for t in runs.values():
        memorised = first_step_at(t["steps"], t["train_accuracy"], 1.0)
        marker = excluded_loss_minimum_at(t)
        assert memorised < marker < toy_phases(t)["cleanup"][0]
        generalised = first_step_at(t["steps"], t["test_accuracy"], 0.95)
        assert 2 < generalised / marker < 4 < delay(t)


def test_s1_cached_run_at_nandas_learning_rate_is_todays_training():
    """§1: the cached run at lr 1e-3, λ = 1 starts as today's code trains it (its first 1,500 steps retrained)."""
    cached = load_nanda_lr_run()
    with threadpool_limits(limits=1):
        fresh = grokking.train(**{**NANDA_LR_RUN, "steps": 1500, "stop_at": None}, keep_snapshots=False,
                               show_progress=False)
    n = len(fresh.steps)
    for name in ("steps", "train_accuracy", "test_accuracy", "train_loss", "test_loss", "weight_norm"):
        assert np.allclose(cached[name][:n], fresh[name], rtol=1e-6, atol=1e-9), name


def test_s1_at_nandas_learning_rate_the_delay_is_longer(runs):
    """§1: at lr 1e-3, λ = 1 the toy memorises within 1,000 steps and generalises only after 5,000: a delay over
    three times the live run's, still far from Power et al.'s."""
    run = load_nanda_lr_run()
    memorised = first_step_at(run["steps"], run["train_accuracy"], 1.0)
    generalised = first_step_at(run["steps"], run["test_accuracy"], 0.95)
    assert memorised <= 1000 and generalised > 5000
    assert 3 * delay(runs[0]) < generalised / memorised < power2022.DELAY_FACTOR / 10


def test_s1_onset_delay_is_shorter_than_the_95_percent_delay(runs):
    """§1: timed at the onset (5 % test accuracy) the delay is shorter than to 95 %, and still far below Power's."""
    for t in runs.values():
        memorised = first_step_at(t["steps"], t["train_accuracy"], 1.0)
        onset = first_step_at(t["steps"], t["test_accuracy"], 0.05)
        assert 2 < onset / memorised < delay(t) < power2022.DELAY_FACTOR / 100


# --- §2: the spectrum concentrates before the jump; the weight norm falls with it ---

def test_s2_key_frequencies_concentrate_steadily_from_memorisation(runs):
    """§2: from memorisation to 95 % test accuracy the final key frequencies' share grows at every checkpoint,
    starting before the jump."""
    for t in runs.values():
        memorised = first_step_at(t["steps"], t["train_accuracy"], 1.0)
        generalised = first_step_at(t["steps"], t["test_accuracy"], 0.95)
        window = (t["steps"] >= memorised) & (t["steps"] <= generalised)
        assert np.all(np.diff(t["key_share"][window]) > 0)
        start, jump = toy_phases(t)["circuit formation"]
        assert at(t, "key_share", jump) > 1.5 * at(t, "key_share", start)
        assert t["key_share"][0] < 0.15 and t["key_share"][-1] > 0.8


def test_s2_weight_norm_drops_first_then_rises_then_falls_with_the_jump(runs):
    """§2: the weight norm drops in the first 20 steps, rises while memorising, and falls mainly during the jump."""
    for t in runs.values():
        w = t["weight_norm"]
        memorised = first_step_at(t["steps"], t["train_accuracy"], 1.0)
        assert at(t, "weight_norm", 20) < 0.8 * w[0]
        memorising = (t["steps"] >= 20) & (t["steps"] <= memorised)
        assert w[memorising].max() > at(t, "weight_norm", 20) + 1
        before = before_the_jump(t)["weight_norm"]
        generalised = first_step_at(t["steps"], t["test_accuracy"], 0.95)
        during = before[1] - at(t, "weight_norm", generalised)
        assert before[0] - before[1] < during / 2


def test_s2_first_weight_norm_drop_is_mostly_decay():
    """§2: in the first 20 steps decay alone would shrink the norm more than the gradient alone (λ = 0) does, and
    the trained norm ends below both: mostly decay, partly the gradient. Three seeds."""
    for seed in CACHED_SEEDS:
        with threadpool_limits(limits=1):
            runs = {decay: grokking.train(**{**LIVE_RUN, "seed": seed, "weight_decay": decay, "steps": 20},
                                          keep_snapshots=False, show_progress=False) for decay in (0.0, 1.0)}
        start = runs[1.0].weight_norm[0]
        decay_alone = start * (1 - runs[1.0].settings["learning_rate"]) ** 20
        by_decay, by_gradient = start - decay_alone, start - runs[0.0].weight_norm[-1]
        assert by_decay > by_gradient > 1
        assert runs[1.0].weight_norm[-1] < decay_alone


def test_s2_key_frequencies_depend_on_the_seed(runs):
    """§2: the three seeds end with three different sets of key frequencies."""
    sets = [frozenset(t["keys"].tolist()) for t in runs.values()]
    assert len(set(sets)) == 3


# --- §3: the phase grid, recomputed from its raw curves ---

def steps_to(grid, curve, threshold):
    """First checkpoint step at which ``curve`` [fraction, decay, seed, checkpoint] reaches ``threshold`` (NaN: never)."""
    out = np.full(curve.shape[:3], np.nan)
    for index in np.ndindex(*curve.shape[:3]):
        values = np.nan_to_num(curve[index].astype(float), nan=-1.0)
        step = first_step_at(grid.steps, values, threshold)
        out[index] = np.nan if step is None else step
    return out


@pytest.fixture(scope="module")
def recomputed(grid):
    generalised = steps_to(grid, grid.test_accuracy, PHASE_THRESHOLD)
    memorised = steps_to(grid, grid.train_accuracy, 1.0)
    every = np.all(np.isfinite(generalised), axis=-1)
    median = np.where(every, np.median(generalised, axis=-1), np.nan)
    delays = generalised / memorised
    return {"generalised": generalised, "memorised": memorised, "median": median, "delays": delays,
            "median_delay": np.where(every, np.median(delays, axis=-1), np.nan)}


def cell(grid, fraction, decay):
    return list(grid.fractions).index(fraction), list(grid.weight_decays).index(decay)


def test_s3_grid_cell_retrains_as_shipped(grid):
    """§3: a cell retrained from its arguments comes out as shipped (seed 0 of fraction 0.4, λ = 3, the
    quickest; the notebook retrains fraction 0.5, λ = 1)."""
    i, j = cell(grid, 0.4, 3.0)
    retrained = run_phase_grid(p=53, fractions=(0.4,), weight_decays=(3.0,), seeds=(0,), budget=3000,
                               show_progress=False)
    for name in ("test_accuracy", "train_accuracy"):
        assert np.array_equal(getattr(retrained, name)[0, 0, 0].astype(np.float32), getattr(grid, name)[i, j, 0],
                              equal_nan=True)


def test_s3_stored_outcomes_match_the_curves(grid, recomputed):
    """The grid's stored first-step columns agree with the steps recomputed from its curves."""
    assert np.array_equal(np.where(np.isnan(recomputed["generalised"]), -1, recomputed["generalised"]),
                          grid.generalised_at)
    assert np.array_equal(np.where(np.isnan(recomputed["memorised"]), -1, recomputed["memorised"]), grid.memorised_at)


def test_s3_no_weight_decay_never_groks(grid, recomputed):
    """§3: with λ = 0 no run generalises, every run memorises early, and test accuracy stays near chance."""
    j = list(grid.weight_decays).index(0.0)
    assert np.all(np.isnan(recomputed["generalised"][:, j]))
    assert np.nanmax(recomputed["memorised"][:, j]) <= 100
    assert np.nanmax(grid.test_accuracy[:, j]) < 1.5 / grid.p


def test_s3_more_decay_earlier_jump(grid, recomputed):
    """§3: at fractions 0.3 and 0.4 the median steps fall as λ grows (never, or later, at the smallest λ)."""
    for fraction in (0.3, 0.4):
        i = list(grid.fractions).index(fraction)
        medians = [recomputed["median"][i, j] for j in range(1, len(grid.weight_decays))]   # λ > 0
        finite = [m for m in medians if np.isfinite(m)]
        assert finite == sorted(finite, reverse=True) and len(finite) >= 2
        assert np.isfinite(medians[-1])


def test_s3_more_data_earlier_jump_until_lambda_3(grid, recomputed):
    """§3: at λ = 0.3 and 1 the median falls with more data; at λ = 3 it does not (0.5 is no faster than 0.4),
    and one seed of that cell memorises late."""
    for decay in (0.3, 1.0):
        j = list(grid.weight_decays).index(decay)
        finite = [m for m in recomputed["median"][:, j] if np.isfinite(m)]
        assert finite == sorted(finite, reverse=True) and len(finite) >= 2
    i4, j = cell(grid, 0.4, 3.0)
    i5, _ = cell(grid, 0.5, 3.0)
    assert recomputed["median"][i5, j] >= recomputed["median"][i4, j]
    slow = np.nanargmax(recomputed["generalised"][i5, j])
    assert recomputed["memorised"][i5, j, slow] > 0.8 * recomputed["generalised"][i5, j, slow]


def test_s3_strong_decay_removes_the_delay(grid, recomputed):
    """§3: the longest median delays are at scarce data and weak decay; at λ = 3 with fractions 0.4 and 0.5
    every run generalises less than twice as late as it memorises."""
    j3 = list(grid.weight_decays).index(3.0)
    for fraction in (0.4, 0.5):
        assert np.all(recomputed["delays"][list(grid.fractions).index(fraction), j3] < 2)
    longest = np.unravel_index(np.nanargmax(recomputed["median_delay"]), recomputed["median_delay"].shape)
    assert grid.weight_decays[longest[1]] < 3 and grid.fractions[longest[0]] < 0.5
    assert np.nanmax(recomputed["median_delay"]) > 10 * np.nanmax(recomputed["median_delay"][:, j3][2:])


def test_s3_a_delay_remains_at_strong_decay_with_less_data(grid, recomputed):
    """§3: at λ = 3 a delay of over 2 remains at fraction 0.3 (every seed), and over 10 for the run that groks at 0.2."""
    j3 = list(grid.weight_decays).index(3.0)
    assert np.all(recomputed["delays"][list(grid.fractions).index(0.3), j3] > 2)
    at_02 = recomputed["delays"][list(grid.fractions).index(0.2), j3]
    assert np.nanmax(at_02) > 10


def test_s3_rule_predicts_no_grokking_within_the_budget_at_lambda_03(grid, recomputed):
    """§3: at fraction 0.3 the steps × λ rule puts λ = 0.3 beyond the budget, and no seed groks there."""
    i = list(grid.fractions).index(0.3)
    rule = np.nanmean(recomputed["median"][i] * grid.weight_decays)
    assert rule / 0.3 > grid.budget
    assert np.all(np.isnan(recomputed["generalised"][i, list(grid.weight_decays).index(0.3)]))


def test_s3_little_data_not_robust(grid, recomputed):
    """§3: with 20 % of the data at most one run of twelve generalises; at λ = 3 the seeds disagree (one
    generalises, the others end far apart); within a cell where all seeds grok, seeds differ by over 5 times."""
    i = list(grid.fractions).index(0.2)
    assert np.isfinite(recomputed["generalised"][i]).sum() <= 1
    j3 = list(grid.weight_decays).index(3.0)
    final = np.array([curve[np.isfinite(curve)][-1] for curve in grid.test_accuracy[i, j3]])
    assert final.max() >= PHASE_THRESHOLD and np.sort(final)[1] > 3 * np.sort(final)[0]
    every = np.all(np.isfinite(recomputed["generalised"]), axis=-1)
    steps = recomputed["generalised"][every]
    assert (steps.max(axis=-1) / steps.min(axis=-1)).max() > 5


def test_s3_steps_times_decay_roughly_constant_at_one_fraction(grid, recomputed):
    """§3: median steps × λ is within 15 % across λ at fraction 0.4 (and 0.3), and breaks at 0.5, λ = 3."""
    product = recomputed["median"] * grid.weight_decays[None, :]
    for fraction in (0.3, 0.4):
        values = product[list(grid.fractions).index(fraction)]
        values = values[np.isfinite(values) & (grid.weight_decays > 0)]
        assert len(values) >= 2 and values.max() / values.min() < 1.15
    row = product[list(grid.fractions).index(0.5)]
    assert row[-1] > 1.5 * np.nanmax(row[1:-1])


# --- §4: the cosine circuit, the progress measures, the causal check ---

@pytest.fixture(scope="module")
def fits(runs):
    return {seed: cosine_fit(logit_table(final_network(t).logits, 97), t["keys"]) for seed, t in runs.items()}


def test_s4_five_cosines_fit_the_logits(fits):
    """§4: in every seed a few cosines explain most of the logits' variance at the end, and the largest
    coefficient is the strongest frequency's; in seed 1 the fifth frequency's α is about 0."""
    for fit in fits.values():
        assert fit.r2 > 0.85
        assert np.argmax(fit.alphas) == 0
    assert abs(fits[1].alphas[4]) < 0.05 and min(abs(a) for a in fits[1].alphas[:4]) > 1


def test_s4_cosines_do_not_fit_the_memorising_network(histories, runs):
    """§4: at step 100 (memorised, test accuracy near chance) the same fit explains almost nothing, in every seed."""
    for seed, history in histories.items():
        i = int(np.searchsorted(history.steps, 100))
        early = cosine_fit(logit_table(history.net_at(i).logits, 97), runs[seed]["keys"])
        assert early.r2 < 0.05 and history.test_accuracy[i] < 2 / 97


def test_s4_before_the_test_loss_peak_only_restricted_loss_and_spectrum_move_in_seed_0(runs):
    """§4 (seed 0): the test loss peaks after memorisation; up to its peak the restricted loss falls and the key
    share rises, while the excluded loss falls and the weight norm moves by under 1. Seeds 1 and 2: the peak is at
    memorisation. In every seed the test loss peaks before test accuracy reaches 5 %."""
    for t in runs.values():
        assert peak_test_loss_at(t) < toy_phases(t)["cleanup"][0]
    t = runs[0]
    assert peak_test_loss_at(t) > toy_phases(t)["memorization"][1]
    window = before_the_jump(t, until="test loss peak")
    assert window["restricted_loss"][1] < window["restricted_loss"][0] - 0.5
    assert window["key_share"][1] > window["key_share"][0] + 0.02
    assert window["excluded_loss"][1] < window["excluded_loss"][0]
    assert abs(window["weight_norm"][1] - window["weight_norm"][0]) < 1
    assert excluded_loss_minimum_at(t) >= peak_test_loss_at(t)
    for seed in (1, 2):
        assert peak_test_loss_at(runs[seed]) == toy_phases(runs[seed])["memorization"][1]


def test_s4_restricted_loss_and_spectrum_move_before_the_jump(runs):
    """§4: before the jump (test accuracy < 5 %) the restricted loss falls at every checkpoint after
    memorisation, to under a third, and the key share more than doubles, in every seed."""
    for t in runs.values():
        start, jump = toy_phases(t)["circuit formation"]
        window = (t["steps"] >= start) & (t["steps"] < jump)
        assert np.all(np.diff(t["restricted_loss"][window]) < 0)
        measures = before_the_jump(t)
        assert measures["restricted_loss"][1] < measures["restricted_loss"][0] / 3
        assert measures["key_share"][1] > 2 * measures["key_share"][0]
        assert t["test_accuracy"][window].max() < 0.05


def test_s4_excluded_loss_rises_before_the_jump_late_in_seed_0(runs):
    """§4: the excluded loss ends circuit formation higher than it began, in every seed; in seed 0 it first
    falls to under half its value at memorisation."""
    for t in runs.values():
        before = before_the_jump(t)["excluded_loss"]
        assert before[1] > 3 * before[0]
    t = runs[0]
    start, jump = toy_phases(t)["circuit formation"]
    window = (t["steps"] >= start) & (t["steps"] < jump)
    assert t["excluded_loss"][window].min() < before_the_jump(t)["excluded_loss"][0] / 2


def test_s4_removing_the_key_frequencies_destroys_the_training_fit(runs):
    """§4, the causal check: at the end the training loss is near zero, and with the key-frequency waves
    removed it is worse than a uniform guess, in every seed."""
    for t in runs.values():
        assert t["train_loss"][-1] < 1e-3
        assert t["excluded_loss"][-1] > LN_P


def test_s5_test_loss_above_chance_until_500_in_this_seed(runs):
    """§5 (seed 0, the live run): the test loss stays above ln 97 through step 500 and is below 0.2 by step 700."""
    t = runs[0]
    assert t["test_loss"][t["steps"] <= 500].min() > LN_P
    assert at(t, "test_loss", 700) < 0.2


def test_s6_logits_scale_as_the_fifth_power_of_the_weights(runs):
    """§6: the network has no biases: scaling every weight by s scales the logits by s⁵ and keeps their ranking."""
    net = final_network(runs[0])
    a, b = np.arange(97), np.arange(97)[::-1]
    for scale in (0.1, 0.5):
        scaled = GrokNet.from_weights(97, net.flat * scale)
        assert np.allclose(scaled.logits(a, b), scale ** 5 * net.logits(a, b), rtol=1e-4, atol=1e-6)
        assert np.array_equal(scaled.logits(a, b).argmax(axis=1), net.logits(a, b).argmax(axis=1))


def test_s6_same_lr_times_decay_smaller_lr_collapses():
    """§6: lr 1e-3 with λ = 10 (lr·λ of §1) shrinks the weights towards 0 and never memorises: the training
    loss ends at a uniform guess's."""
    with threadpool_limits(limits=1):
        slow = grokking.train(p=97, train_fraction=0.3, weight_decay=10.0, learning_rate=1e-3, steps=600, seed=0,
                              log_every=100, keep_snapshots=False, show_progress=False)
    assert slow.weight_norm[-1] < 0.01 * slow.weight_norm[0]
    assert slow.train_loss[-1] == pytest.approx(LN_P, abs=0.01)
    assert slow.memorised_at() is None and slow.generalised_at() is None
    assert slow.train_accuracy[-1] > 2 / 97          # the ranking survives the shrinking
