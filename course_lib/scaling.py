"""Compute-optimal scaling laws: Hoffmann et al.'s parametric loss, its frontier and its fits.

The law (Hoffmann et al. 2022, Eq. 2) models the final loss of a model of N parameters trained
on D tokens as

    L(N, D) = E + A / N^alpha + B / D^beta

(E the irreducible loss, A / N^alpha the cost of a finite model, B / D^beta the cost of training
on D tokens only: in Hoffmann et al.'s reading (§3.3, App. D.2) the finitely many optimisation
steps that D tokens allow, not a shortage of information). Under a compute budget C = 6 N D its minimum lies on the frontier (Eq. 4)

    N_opt(C) = G (C / 6)^a,  D_opt(C) = G^-1 (C / 6)^b,
    G = (alpha A / (beta B))^(1 / (alpha + beta)),  a = beta / (alpha + beta),  b = 1 - a.

This module holds the published coefficient sets (:data:`HOFFMANN_2022`,
:data:`HOFFMANN_2022_UNROUNDED`, :data:`EPOCH_2024`), the frontier (:func:`compute_optimal`), the
loss along an IsoFLOP line (:func:`isoflop_curve`), the three ways of estimating the frontier
from training runs (Approach 1 :func:`fit_envelope_frontier`, Approach 2
:func:`fit_isoflop_parabolas`, Approach 3 :func:`fit_scaling_law` and
:func:`bootstrap_scaling_law`), and the inference-aware optimum of Sardana et al. 2024
(:func:`inference_optimal`).

Every function refuses non-positive or non-finite N, D, C and losses, mismatched lengths and
too few points with a ValueError naming the argument (through
:func:`course_lib.core.validation.check_array`). A fit whose runs cannot determine the law (a
single model size or token count, too few distinct runs, or an optimum that drives alpha or beta
onto 0) raises :class:`UndeterminedLawError`; a bootstrap counts such resamples instead of crashing.
A fit that is determined but weak (E driven onto its bound 0, or exactly as many distinct runs
as coefficients, so no degree of freedom is left) warns with :class:`WeakFitWarning`.
"""
from __future__ import annotations

import warnings
from dataclasses import dataclass

import numpy as np
from scipy.optimize import minimize, minimize_scalar

from course_lib.core.validation import check_array, check_count, check_random_state, check_scalar
from course_lib.papers import besiroglu2024, hoffmann2022

__all__ = ["ScalingLaw", "HOFFMANN_2022", "HOFFMANN_2022_UNROUNDED", "EPOCH_2024", "COEFFICIENT_SETS",
           "HOFFMANN_INIT_GRID", "compute_optimal", "tokens_per_parameter", "isoflop_curve", "huber_objective",
           "fit_scaling_law", "UndeterminedLawError", "WeakFitWarning", "E_BOUND_FRACTION", "bootstrap_scaling_law", "BootstrapLaws", "IsoFLOPFit", "parabola_vertex", "fit_isoflop_parabolas",
           "EnvelopeFit", "fit_envelope_frontier", "fit_power_law", "InferenceOptimum", "inference_optimal",
           "tokens_for_loss"]


def _positive(name: str, value, scalar: bool = True) -> np.ndarray:
    """``value`` as a float array of finite positive numbers (a bare number too when ``scalar``)."""
    return check_array(name, value, ndim=None if scalar else 1, scalar=scalar, dtype=float, minimum=0,
                       include_minimum=False)


def _points(N, D, loss, minimum: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    N, D, loss = (_positive(n, v, scalar=False) for n, v in (("N", N), ("D", D), ("loss", loss)))
    if not len(N) == len(D) == len(loss):
        raise ValueError(f"N, D and loss must have the same length, got {len(N)}, {len(D)}, {len(loss)}")
    if len(N) < minimum:
        raise ValueError(f"N, D and loss need at least {minimum} points (one per fitted parameter), got {len(N)}")
    return N, D, loss


@dataclass(frozen=True)
class ScalingLaw:
    """``L(N, D) = E + A / N**alpha + B / D**beta`` (Hoffmann et al. 2022, Eq. 2).

    Used in notebook 05 §2-§9.
    """

    E: float
    A: float
    B: float
    alpha: float
    beta: float

    def __post_init__(self):
        for name in ("E", "A", "B", "alpha", "beta"):
            value = check_scalar(name, getattr(self, name), minimum=0, include_minimum=name == "E")
            object.__setattr__(self, name, value)

    def loss(self, N, D) -> np.ndarray | float:
        """Predicted loss of N parameters trained on D tokens (broadcasts)."""
        N, D = _positive("N", N), _positive("D", D)
        out = self.E + self.A / N ** self.alpha + self.B / D ** self.beta
        return float(out) if out.ndim == 0 else out

    @property
    def a(self) -> float:
        """Exponent of N_opt ∝ C^a: beta / (alpha + beta)."""
        return self.beta / (self.alpha + self.beta)

    @property
    def b(self) -> float:
        """Exponent of D_opt ∝ C^b: alpha / (alpha + beta)."""
        return self.alpha / (self.alpha + self.beta)

    @property
    def G(self) -> float:
        """Prefactor G = (alpha A / (beta B))^(1 / (alpha + beta)) of N_opt = G (C / 6)^a."""
        return (self.alpha * self.A / (self.beta * self.B)) ** (1.0 / (self.alpha + self.beta))

    def as_tuple(self) -> tuple[float, float, float, float, float]:
        return (self.E, self.A, self.B, self.alpha, self.beta)

    def __str__(self) -> str:
        return (f"E = {self.E:.4g}, A = {self.A:.4g}, B = {self.B:.4g}, "
                f"alpha = {self.alpha:.4g}, beta = {self.beta:.4g}")


#: Hoffmann et al. (2022), Eq. (10), the rounded values printed in the paper (see
#: :data:`course_lib.papers.hoffmann2022.PARAMETRIC_FIT` for the source and what was checked).
HOFFMANN_2022 = ScalingLaw(**hoffmann2022.PARAMETRIC_FIT)
#: The same fit un-rounded (:data:`course_lib.papers.hoffmann2022.PARAMETRIC_FIT_UNROUNDED`).
HOFFMANN_2022_UNROUNDED = ScalingLaw(**hoffmann2022.PARAMETRIC_FIT_UNROUNDED)
#: Besiroglu, Erdil, Barnett & You (2024), Epoch AI's refit (:data:`course_lib.papers.besiroglu2024.PARAMETRIC_FIT`).
EPOCH_2024 = ScalingLaw(**besiroglu2024.PARAMETRIC_FIT)
#: name -> law, the coefficient sets the lesson compares
COEFFICIENT_SETS = {"Hoffmann (rounded)": HOFFMANN_2022, "Hoffmann (unrounded)": HOFFMANN_2022_UNROUNDED,
                    "Epoch 2024": EPOCH_2024}

#: Hoffmann et al. (2022), App. D.2: the grid of initialisations of the L-BFGS fit
#: (alpha, beta in {0, 0.5, ..., 2}; e in {-1, -0.5, ..., 1}; a, b in {0, 5, ..., 25}), 4,500 starts.
HOFFMANN_INIT_GRID = {"alpha": np.arange(0, 2.01, 0.5), "beta": np.arange(0, 2.01, 0.5),
                      "e": np.arange(-1, 1.01, 0.5), "a": np.arange(0, 25.1, 5), "b": np.arange(0, 25.1, 5)}


def _check_law(law) -> ScalingLaw:
    if not isinstance(law, ScalingLaw):
        raise TypeError(f"law must be a ScalingLaw, got {type(law).__name__}")
    return law


def compute_optimal(C, law: ScalingLaw = HOFFMANN_2022) -> tuple:
    """The loss-minimising (N_opt, D_opt) for compute C = 6 N D (Hoffmann et al. 2022, Eq. 4).

    Used in notebook 05 §3, §8.

    ``N_opt = G (C/6)^a`` and ``D_opt = C / (6 N_opt)``; arrays broadcast, a scalar gives floats.
    """
    law = _check_law(law)
    C = _positive("C", C)
    n_opt = law.G * (C / 6.0) ** law.a
    d_opt = C / (6.0 * n_opt)
    if C.ndim == 0:
        return float(n_opt), float(d_opt)
    return n_opt, d_opt


def tokens_per_parameter(C, law: ScalingLaw = HOFFMANN_2022):
    """D_opt / N_opt at compute C. Used in notebook 05 §8."""
    n_opt, d_opt = compute_optimal(C, law)
    return d_opt / n_opt


def isoflop_curve(C, N, law: ScalingLaw = HOFFMANN_2022):
    """Loss along the IsoFLOP line C = 6 N D: ``law.loss(N, C / (6 N))`` (broadcasts).

    Used in notebook 05 §3.
    """
    law = _check_law(law)
    C, N = _positive("C", C), _positive("N", N)
    return law.loss(N, C / (6.0 * N))


# --- Approach 3: the parametric fit -------------------------------------------------------

def _huber(r: np.ndarray, delta: float) -> tuple[np.ndarray, np.ndarray]:
    small = np.abs(r) <= delta
    value = np.where(small, 0.5 * r ** 2, delta * (np.abs(r) - 0.5 * delta))
    slope = np.where(small, r, delta * np.sign(r))
    return value, slope


def _objective(theta: np.ndarray, log_n, log_d, log_loss, delta, fixed_e):
    """Summed Huber loss of LSE(a - alpha log N, b - beta log D, e) - log L and its gradient.

    ``theta`` is (a, b, e, alpha, beta), or (a, b, alpha, beta) when e is fixed; it may carry a
    leading batch axis (many starts at once), in which case only the values are returned.
    """
    theta = np.asarray(theta, dtype=float)
    if fixed_e is None:
        a, b, e, alpha, beta = np.moveaxis(theta, -1, 0)
    else:
        a, b, alpha, beta = np.moveaxis(theta, -1, 0)
        e = np.full_like(a, fixed_e)
    terms = np.stack(np.broadcast_arrays(a[..., None] - alpha[..., None] * log_n,
                                         b[..., None] - beta[..., None] * log_d, e[..., None] + 0 * log_n))
    top = terms.max(axis=0)
    weights = np.exp(terms - top)
    total = weights.sum(axis=0)
    lse = top + np.log(total)
    value, slope = _huber(lse - log_loss, delta)
    if theta.ndim > 1:
        return value.sum(axis=-1)
    weights /= total
    grad_a, grad_b, grad_e = (slope * w for w in weights)
    grads = [grad_a.sum(), grad_b.sum()]
    if fixed_e is None:
        grads.append(grad_e.sum())
    grads += [-(grad_a * log_n).sum(), -(grad_b * log_d).sum()]
    return float(value.sum()), np.array(grads)


class UndeterminedLawError(ValueError):
    """The runs cannot determine ``L = E + A/N^alpha + B/D^beta`` (see :func:`fit_scaling_law`)."""


class WeakFitWarning(RuntimeWarning):
    """A fit the runs determine only weakly: E on its bound 0, or no degree of freedom left."""


#: a fitted E below this fraction of the smallest loss counts as driven onto its bound 0
E_BOUND_FRACTION = 1e-6


def _law_from_theta(theta, fixed_e) -> ScalingLaw:
    alpha, beta = theta[-2], theta[-1]
    for name, value, size in (("alpha", alpha, "model size N"), ("beta", beta, "token count D")):
        if not value > 1e-9:
            raise UndeterminedLawError(
                f"the runs do not determine the law: the best fit drives {name} onto 0 (the loss does not "
                f"fall with {size} across these runs), where A/N^alpha or B/D^beta is a constant "
                f"indistinguishable from E")
    if fixed_e is None:
        a, b, e, alpha, beta = theta
        return ScalingLaw(E=float(np.exp(e)), A=float(np.exp(a)), B=float(np.exp(b)), alpha=float(alpha),
                          beta=float(beta))
    a, b, alpha, beta = theta
    return ScalingLaw(E=float(fixed_e), A=float(np.exp(a)), B=float(np.exp(b)), alpha=float(alpha),
                      beta=float(beta))


def _theta_from_law(law: ScalingLaw, fixed_e) -> np.ndarray:
    head = [np.log(law.A), np.log(law.B)] + ([] if fixed_e is not None else [np.log(law.E)])
    return np.array(head + [law.alpha, law.beta])


def huber_objective(law: ScalingLaw, N, D, loss, delta: float = 1e-3) -> float:
    """The fit objective of :func:`fit_scaling_law` at ``law``: summed Huber loss on log-loss.

    Used in notebook 05 §7.
    """
    law = _check_law(law)
    N, D, loss = _points(N, D, loss, minimum=1)
    delta = check_scalar("delta", delta, minimum=0, include_minimum=False)
    value, _ = _objective(_theta_from_law(law, None), np.log(N), np.log(D), np.log(loss), delta, None)
    return value


def _grid_starts(fixed_e) -> np.ndarray:
    g = HOFFMANN_INIT_GRID
    axes = [g["a"], g["b"]] + ([] if fixed_e is not None else [g["e"]]) + [g["alpha"], g["beta"]]
    return np.stack(np.meshgrid(*axes, indexing="ij"), axis=-1).reshape(-1, len(axes))


def _refine(start, data, delta, fixed_e):
    bounds = [(None, None)] * (2 if fixed_e is not None else 3) + [(0, None), (0, None)]
    result = minimize(_objective, start, args=(*data, delta, fixed_e), jac=True, method="L-BFGS-B",
                      bounds=bounds, options={"maxiter": 5000, "ftol": 1e-15, "gtol": 1e-12})
    return result.fun, result.x


def _check_determined(N: np.ndarray, D: np.ndarray, n_free: int) -> None:
    """Refuse runs that cannot pin down ``n_free`` coefficients (UndeterminedLawError)."""
    for name, values, term in (("N", N, "A/N^alpha"), ("D", D, "B/D^beta")):
        if len(np.unique(values)) < 2:
            raise UndeterminedLawError(f"{name} holds a single value ({values[0]:g}): runs of one {name} cannot "
                                       f"separate {term} from E; the law is not determined")
    distinct = len(np.unique(np.stack([N, D]), axis=1).T)
    if distinct < n_free:
        raise UndeterminedLawError(f"N and D hold only {distinct} distinct runs (repeats of the same (N, D) add no "
                                   f"information); fitting {n_free} coefficients needs at least {n_free}")


def fit_scaling_law(N, D, loss, delta: float = 1e-3, fixed_E: float | None = None, starts: int = 30,
                    init: ScalingLaw | None = None) -> ScalingLaw:
    """Fit ``L = E + A/N^alpha + B/D^beta`` to runs: Hoffmann et al.'s Approach 3.

    Used in notebook 05 §6-§7.

    The objective (Hoffmann et al. 2022, Eq. 3, App. D.2) is the Huber loss (``delta``) of
    ``LSE(a - alpha log N, b - beta log D, e) - log L``, **summed** over the runs as Besiroglu et
    al. (2024) do, with A, B, E = exp(a), exp(b), exp(e), minimised by L-BFGS(-B, with alpha,
    beta >= 0). Rather than running L-BFGS from each of the paper's 4,500 grid starts
    (:data:`HOFFMANN_INIT_GRID`), the objective is evaluated on the whole grid at once and the
    ``starts`` best grid points are refined; on Epoch's 240 points this finds the same optimum as
    refining every start (see ``bench/chinchilla.py``).

    Parameters
    ----------
    N, D, loss : 1-D arrays
        Parameters, training tokens and final loss of each run (all positive).
    delta : float, default 1e-3
        Huber threshold on the log-loss residual.
    fixed_E : float, optional
        Hold E at this value (e.g. a known entropy) and fit the other four.
    starts : int, default 30
        Grid points to refine with L-BFGS.
    init : ScalingLaw, optional
        An extra starting point, refined too (a bootstrap passes the full-data fit).

    Returns
    -------
    ScalingLaw
        The best fit found.

    Raises
    ------
    UndeterminedLawError
        (a ValueError) when the runs cannot determine the law: one distinct N or D, fewer
        distinct (N, D) runs than coefficients, or a best fit with alpha or beta on 0.

    Warns
    -----
    WeakFitWarning
        (a RuntimeWarning) when exactly as many distinct runs as coefficients are given (zero
        degrees of freedom), or when E is driven onto its bound 0 (below
        :data:`E_BOUND_FRACTION` of the smallest loss).
    """
    n_free = 5 if fixed_E is None else 4
    N, D, loss = _points(N, D, loss, minimum=n_free)
    _check_determined(N, D, n_free)
    delta = check_scalar("delta", delta, minimum=0, include_minimum=False)
    if fixed_E is not None:
        fixed_E = check_scalar("fixed_E", fixed_E, minimum=0, include_minimum=False)
        if fixed_E >= loss.min():
            raise ValueError(f"fixed_E must be below every loss (the smallest is {loss.min():.4g}), got {fixed_E:g}")
        fixed_E = float(np.log(fixed_E))
    starts = check_count("starts", starts, minimum=0)
    data = (np.log(N), np.log(D), np.log(loss))
    candidates = []
    if starts:
        grid = _grid_starts(fixed_E)
        values = np.concatenate([_objective(chunk, *data, delta, fixed_E) for chunk in np.array_split(grid, 10)])
        candidates += list(grid[np.argsort(values, kind="stable")[:starts]])
    if init is not None:
        candidates.append(_theta_from_law(_check_law(init), fixed_E))
    if not candidates:
        raise ValueError("starts must be at least 1 when no init is given")
    best_value, best_theta = np.inf, None
    for start in candidates:
        value, theta = _refine(start, data, delta, fixed_E)
        if value < best_value:
            best_value, best_theta = value, theta
    law = _law_from_theta(best_theta, None if fixed_E is None else np.exp(fixed_E))
    distinct = len(np.unique(np.stack([N, D]), axis=1).T)
    if distinct == n_free:
        warnings.warn(f"the runs hold exactly {distinct} distinct (N, D) points for {n_free} coefficients: the fit "
                      f"has no degree of freedom left, passes through the runs and says nothing about its own error",
                      WeakFitWarning, stacklevel=2)
    if fixed_E is None and law.E < E_BOUND_FRACTION * loss.min():
        warnings.warn(f"the fit drove E onto its bound 0 (E = {law.E:.3g}, the smallest loss is {loss.min():.4g}): "
                      f"these runs do not determine the irreducible loss; fix E or add runs", WeakFitWarning,
                      stacklevel=2)
    return law


@dataclass
class BootstrapLaws:
    """Scaling laws refitted to resamples of the runs. Used in notebook 05 §6, §9.

    ``undetermined`` counts the resamples whose runs could not determine the law
    (:class:`UndeterminedLawError`); they are left out of ``laws``.
    """

    laws: list[ScalingLaw]
    undetermined: int = 0

    def values(self, name: str) -> np.ndarray:
        """One coefficient (``"E"``, ``"A"``, ``"B"``, ``"alpha"``, ``"beta"``, ``"a"``, ``"b"``) per resample."""
        if name not in ("E", "A", "B", "alpha", "beta", "a", "b"):
            raise ValueError(f"name must be a coefficient of ScalingLaw or 'a'/'b', got {name!r}")
        return np.array([getattr(law, name) for law in self.laws])

    def interval(self, name: str, level: float = 0.8) -> tuple[float, float]:
        """Central percentile interval of a coefficient (Hoffmann et al. report 10th-90th: level 0.8)."""
        level = check_scalar("level", level, minimum=0, maximum=1, include_minimum=False, include_maximum=False)
        low, high = np.percentile(self.values(name), [50 * (1 - level), 50 * (1 + level)])
        return float(low), float(high)


def bootstrap_scaling_law(N, D, loss, resamples: int = 100, fraction: float = 1.0, replace: bool = True,
                          seed=0, delta: float = 1e-3, fixed_E: float | None = None,
                          starts: int = 3) -> BootstrapLaws:
    """Refit the law to ``resamples`` resamples of the runs, for intervals on its coefficients.

    Used in notebook 05 §9.

    ``fraction=1, replace=True`` is the ordinary bootstrap (Besiroglu et al. 2024);
    ``fraction=0.8, replace=False`` is Hoffmann et al.'s "bootstrapping 80% of the data" (Table 2).
    Each resample is refitted from the full-data fit and its ``starts`` best grid points. A
    resample whose runs cannot determine the law (few distinct runs, or a fit driving alpha or
    beta onto 0) is counted in ``undetermined`` with a RuntimeWarning, not fitted; if none is
    left, UndeterminedLawError is raised.
    """
    N, D, loss = _points(N, D, loss, minimum=5 if fixed_E is None else 4)
    resamples = check_count("resamples", resamples)
    fraction = check_scalar("fraction", fraction, minimum=0, maximum=1, include_minimum=False)
    rng = check_random_state("seed", seed)
    size = int(round(fraction * len(N)))
    if size < (5 if fixed_E is None else 4):
        raise ValueError(f"fraction leaves {size} points per resample, fewer than the fitted parameters")
    full = fit_scaling_law(N, D, loss, delta=delta, fixed_E=fixed_E)
    laws, undetermined = [], 0
    for _ in range(resamples):
        rows = rng.choice(len(N), size=size, replace=bool(replace))
        try:
            with warnings.catch_warnings():  # a resample may repeat runs down to one per coefficient
                warnings.simplefilter("ignore", WeakFitWarning)
                laws.append(fit_scaling_law(N[rows], D[rows], loss[rows], delta=delta, fixed_E=fixed_E,
                                            starts=starts, init=full))
        except UndeterminedLawError:
            undetermined += 1
    if not laws:
        raise UndeterminedLawError(f"none of the {resamples} resamples determines the law")
    if undetermined:
        warnings.warn(f"{undetermined} of {resamples} resamples could not determine the law and were left out "
                      f"(BootstrapLaws.undetermined)", RuntimeWarning, stacklevel=2)
    return BootstrapLaws(laws, undetermined)


# --- Approach 2: IsoFLOP parabolas ---------------------------------------------------------

def fit_power_law(x, y) -> tuple[float, float]:
    """Least-squares fit of ``y = k x^p`` in log-log; returns (k, p). Used in notebook 05 §6."""
    x, y = _positive("x", x, scalar=False), _positive("y", y, scalar=False)
    if x.shape != y.shape or x.ndim != 1:
        raise ValueError(f"x and y must be 1-D arrays of the same length, got {x.shape} and {y.shape}")
    if len(np.unique(x)) < 2:
        raise ValueError("x needs at least 2 distinct values to fit a power law")
    p, log_k = np.polyfit(np.log(x), np.log(y), 1)
    return float(np.exp(log_k)), float(p)


def parabola_vertex(N, loss) -> tuple[float, float, np.ndarray]:
    """Fit ``loss = c2 x^2 + c1 x + c0`` with x = ln N; return (N at the vertex, loss there, (c2, c1, c0)).

    Used in notebook 05 §6. Raises ValueError if the parabola opens downward (no minimum) or N
    has fewer than 3 distinct sizes; warns (RuntimeWarning) when the vertex lies outside the
    sampled sizes, where it is an extrapolation of the parabola rather than a measured bottom.
    """
    N, _, loss = _points(N, np.ones(np.size(N)), loss, minimum=3)
    if len(np.unique(N)) < 3:
        raise ValueError(f"N must hold at least 3 distinct sizes to fit a parabola, got {len(np.unique(N))}")
    c2, c1, c0 = np.polyfit(np.log(N), loss, 2)
    if c2 <= 0:
        raise ValueError("loss must be U-shaped in ln N: the fitted parabola opens downward")
    vertex = float(np.exp(-c1 / (2 * c2)))
    if not N.min() <= vertex <= N.max():
        warnings.warn(f"the parabola's vertex N = {vertex:.4g} lies outside the sampled sizes "
                      f"[{N.min():.4g}, {N.max():.4g}]: an extrapolation, not a measured bottom",
                      RuntimeWarning, stacklevel=2)
    return vertex, float(c0 - c1 ** 2 / (4 * c2)), np.array([c2, c1, c0])


@dataclass
class IsoFLOPFit:
    """Approach 2: one parabola in log N per budget, and the power laws through their minima.

    Attributes
    ----------
    budgets, n_opt, d_opt, loss_min : arrays
        Per budget: the parabola's minimum (N_opt, D_opt = C / (6 N_opt)) and its loss there.
    parabolas : (budgets, 3) array
        Coefficients (c2, c1, c0) of ``loss = c2 x^2 + c1 x + c0``, x = ln N.
    a, b : float
        Exponents of N_opt ∝ C^a and D_opt ∝ C^b.
    n_prefactor : float
        k of N_opt = k C^a.
    """

    budgets: np.ndarray
    n_opt: np.ndarray
    d_opt: np.ndarray
    loss_min: np.ndarray
    parabolas: np.ndarray
    a: float
    b: float
    n_prefactor: float

    def n_opt_at(self, C):
        """N_opt predicted by the fitted power law at compute C."""
        return self.n_prefactor * _positive("C", C) ** self.a


def fit_isoflop_parabolas(C, N, loss, points: int | None = None) -> IsoFLOPFit:
    """Hoffmann et al.'s Approach 2: a parabola in log N per IsoFLOP curve, then N_opt ∝ C^a.

    Used in notebook 05 §6.

    Parameters
    ----------
    C, N, loss : 1-D arrays
        The budget of each run (runs of one budget share exactly the same C), its parameters and loss.
    points : int, optional
        Fit each parabola to only the ``points`` runs nearest (in rank) to the budget's lowest
        loss; all of the budget's runs by default.
    """
    C, N, loss = _points(C, N, loss, minimum=3)
    if points is not None:
        points = check_count("points", points, minimum=3)
    budgets = np.unique(C)
    if len(budgets) < 2:
        raise ValueError(f"C must hold at least 2 distinct budgets to fit an exponent, got {len(budgets)}")
    n_opt, loss_min, parabolas = [], [], []
    for budget in budgets:
        rows = C == budget
        n, l = N[rows], loss[rows]
        order = np.argsort(n)
        n, l = n[order], l[order]
        if points is not None and len(n) > points:
            best = int(np.argmin(l))
            start = int(np.clip(best - points // 2, 0, len(n) - points))
            n, l = n[start:start + points], l[start:start + points]
        if len(n) < 3:
            raise ValueError(f"the budget C = {budget:g} has {len(n)} runs; a parabola needs at least 3")
        try:
            vertex, lowest, coefficients = parabola_vertex(n, l)
        except ValueError as err:
            raise ValueError(f"the IsoFLOP curve at C = {budget:g} is not U-shaped (its parabola opens downward)") from err
        n_opt.append(vertex)
        loss_min.append(lowest)
        parabolas.append(coefficients)
    n_opt = np.array(n_opt)
    d_opt = budgets / (6 * n_opt)
    k, a = fit_power_law(budgets, n_opt)
    _, b = fit_power_law(budgets, d_opt)
    return IsoFLOPFit(budgets=budgets, n_opt=n_opt, d_opt=d_opt, loss_min=np.array(loss_min),
                      parabolas=np.array(parabolas), a=a, b=b, n_prefactor=k)


# --- Approach 1: the envelope of loss against compute --------------------------------------

@dataclass
class EnvelopeFit:
    """Approach 1: at each compute value, the model size whose loss curve is lowest."""

    flops: np.ndarray
    n_best: np.ndarray
    loss_best: np.ndarray
    a: float
    n_prefactor: float


def fit_envelope_frontier(N, flops, loss, grid_points: int = 50) -> EnvelopeFit:
    """Hoffmann et al.'s Approach 1 on final losses: the minimum over each model size's loss-vs-compute curve.

    Used in notebook 05 §6.

    Each model size trained for several token counts gives a curve of final loss against
    compute 6ND; the curves are interpolated linearly in (log C, loss), and at ``grid_points``
    log-spaced compute values covered by at least two sizes, the size with the lowest loss is
    taken as N_opt. (Hoffmann et al. used the smoothed training curves of runs with 4 cosine
    lengths per size; here each size's points are the final losses of separate runs.)
    """
    N, flops, loss = _points(N, flops, loss, minimum=4)
    grid_points = check_count("grid_points", grid_points, minimum=2)
    sizes = np.unique(N)
    curves = []
    for n in sizes:
        rows = N == n
        order = np.argsort(flops[rows])
        if rows.sum() >= 2:
            curves.append((n, np.log(flops[rows][order]), loss[rows][order]))
    if len(curves) < 2:
        raise ValueError("N must hold at least 2 sizes each trained at 2 or more compute values")
    grid = np.linspace(np.log(flops.min()), np.log(flops.max()), grid_points)
    table = np.full((len(curves), grid_points), np.inf)
    for i, (_, x, y) in enumerate(curves):
        inside = (grid >= x[0]) & (grid <= x[-1])
        table[i, inside] = np.interp(grid[inside], x, y)
    covered = np.isfinite(table).sum(axis=0) >= 2
    if covered.sum() < 2:
        raise ValueError("too few compute values are covered by two or more model sizes")
    best = np.argmin(table[:, covered], axis=0)
    n_best = np.array([curves[i][0] for i in best])
    c_grid = np.exp(grid[covered])
    k, a = fit_power_law(c_grid, n_best) if len(np.unique(n_best)) > 1 else (float(n_best[0]), 0.0)
    return EnvelopeFit(flops=c_grid, n_best=n_best, loss_best=table[best, np.flatnonzero(covered)], a=a,
                       n_prefactor=k)


# --- Inference-aware optimum (Sardana et al. 2024) -----------------------------------------

@dataclass
class InferenceOptimum:
    """A model that reaches ``target_loss`` at the least lifetime compute. Used in notebook 05 §10."""

    n_params: float
    train_tokens: float
    inference_tokens: float
    train_flops: float
    inference_flops: float

    @property
    def total_flops(self) -> float:
        return self.train_flops + self.inference_flops

    @property
    def tokens_per_parameter(self) -> float:
        return self.train_tokens / self.n_params


def tokens_for_loss(N, target_loss: float, law: ScalingLaw = HOFFMANN_2022):
    """Training tokens D at which a model of N parameters reaches ``target_loss`` (inf if it never does).

    Used in notebook 05 §10.
    """
    law = _check_law(law)
    N = _positive("N", N)
    target = check_scalar("target_loss", target_loss, minimum=law.E, include_minimum=False)
    gap = target - law.E - law.A / N ** law.alpha
    with np.errstate(divide="ignore", invalid="ignore"):
        out = np.where(gap > 0, (law.B / np.where(gap > 0, gap, 1.0)) ** (1.0 / law.beta), np.inf)
    return float(out) if out.ndim == 0 else out


def inference_optimal(target_loss: float, inference_tokens: float, law: ScalingLaw = HOFFMANN_2022) -> InferenceOptimum:
    """Minimise lifetime compute ``6 N D_train + 2 N D_inference`` at ``L(N, D_train) = target_loss``.

    Used in notebook 05 §10.

    Sardana et al. (2024), "Beyond Chinchilla-Optimal": every training token costs 6N FLOPs and
    every inference token 2N, so with inference demand the best model is smaller and trained on
    more tokens than the compute-optimal (Chinchilla) model of the same loss, which is the
    answer at ``inference_tokens = 0``.
    """
    law = _check_law(law)
    target = check_scalar("target_loss", target_loss, minimum=law.E, include_minimum=False)
    inference = check_scalar("inference_tokens", inference_tokens, minimum=0)
    n_min = (law.A / (target - law.E)) ** (1.0 / law.alpha)  # the size that reaches the target with infinite data

    def log_cost(log_n):
        n = np.exp(log_n)
        return np.log(6 * n * tokens_for_loss(n, target, law) + 2 * n * inference)

    # the cost is convex in log N beyond n_min; bracket the optimum generously above it
    low, high = np.log(n_min) + 1e-9, np.log(n_min) + 40.0
    result = minimize_scalar(log_cost, bounds=(low, high), method="bounded", options={"xatol": 1e-10})
    n = float(np.exp(result.x))
    d = float(tokens_for_loss(n, target, law))
    return InferenceOptimum(n_params=n, train_tokens=d, inference_tokens=inference, train_flops=6 * n * d,
                            inference_flops=2 * n * inference)
