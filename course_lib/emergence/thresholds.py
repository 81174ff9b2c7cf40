"""Why more digits push the exact-match jump to larger adders: two effects, measured apart.

An answer of ``L`` digits is exactly right about as often as ``p ** L`` (``p`` the per-digit
accuracy), so reaching an exact match of 50% needs ``p >= 0.5 ** (1 / L)``: 0.79 for L = 3, 0.89
for L = 6. That is the "more steps must all be right" effect. But at a fixed width the
per-digit accuracy itself is lower on longer problems, which is the "harder task" effect. Longer
carry chains do not explain it: the tens digit, which waits for one carry at most in every family,
is also less accurate in longer families (lesson 01 §4 measures this per position and seed).

Two ways to split the shift, both in hidden width (where the networks differ only in their task):

- :func:`threshold_decomposition` averages the per-digit accuracy over all ``L`` answer positions
  and asks where it reaches ``0.5 ** (1/L)``. The units digit (always right) and the final carry
  (right about 99.6% of the time) sit in that average, so it hides how hard the middle digits are
  and overstates the "harder digits" factor.
- :func:`hard_position_decomposition` uses only the ``n_digits - 1`` hard positions (tens up to
  the top operand digit): where the 2-digit family's tens digit reaches ``0.5 ** (1/k)`` is the
  width "more digits alone" would call for; the rest of the way to where the family's exact match
  reaches 0.5 is "harder digits". Lesson 01 quotes this one and prints both.
"""
from __future__ import annotations

from typing import Mapping

import numpy as np

from course_lib.core.validation import check_array, check_scalar

__all__ = ["width_reaching", "threshold_decomposition", "hard_position_decomposition"]


def width_reaching(widths, values, level: float) -> float | None:
    """The width at which ``values`` first reaches ``level``, interpolated linearly in log width.

    None if no width reaches it; the smallest width if the first already does.
    """
    w = check_array("widths", widths, ndim=1, dtype=float, minimum=0, include_minimum=False)
    v = check_array("values", values, ndim=1, dtype=float)
    if w.shape != v.shape or np.any(np.diff(w) <= 0):
        raise ValueError(f"widths must increase and match values in shape, got shapes {w.shape} and {v.shape}")
    level = check_scalar("level", level)
    above = np.flatnonzero(v >= level)
    if above.size == 0:
        return None
    i = int(above[0])
    if i == 0:
        return float(w[0])
    t = (level - v[i - 1]) / (v[i] - v[i - 1])
    return float(np.exp(np.log(w[i - 1]) + t * (np.log(w[i]) - np.log(w[i - 1]))))


def _params_at(family, width: float | None) -> float | None:
    """Parameters of the family's network at a (possibly fractional) width: linear in width."""
    if width is None:
        return None
    return float(np.interp(width, family.widths, family.n_params))


def threshold_decomposition(families: Mapping[int, object], level: float = 0.5,
                            reference: int = 2) -> list[dict]:
    """For each number of digits, where the exact match reaches ``level``, and why.

    Used in notebook 01 §4.

    Parameters
    ----------
    families : mapping n_digits -> AdditionFamily
        Direct families on one width grid (the cached ones).
    level : float
        The exact match to reach (0.5).
    reference : int
        The family whose per-digit accuracy stands for "a task as easy per digit as this one".

    Returns
    -------
    list of dict, one per n_digits, with ``n_digits``, ``length`` (L = n + 1), ``p_needed``
    (level ** (1/L)), ``width_exact`` (where exact match reaches the level), ``width_needed_easy``
    (where the *reference* family's per-digit accuracy reaches p_needed: the width more steps
    alone would call for), ``width_needed`` (where this family's per-digit accuracy reaches it),
    and ``params_exact``, ``params_needed_easy``, ``params_needed`` (parameters of this family's
    network at those widths). A width is None when the grid does not reach it.
    """
    level = check_scalar("level", level, minimum=0, maximum=1, include_minimum=False, include_maximum=False)
    if reference not in families:
        raise ValueError(f"families must include the reference {reference}, got {sorted(families)}")
    easy = families[reference]
    rows = []
    for n_digits in sorted(families):
        family = families[n_digits]
        length = n_digits + 1
        p_needed = level ** (1 / length)
        w_exact = width_reaching(family.widths, family.exact_match(), level)
        w_easy = width_reaching(easy.widths, easy.digit_accuracy(), p_needed)
        w_needed = width_reaching(family.widths, family.digit_accuracy(), p_needed)
        rows.append({"n_digits": n_digits, "length": length, "p_needed": p_needed,
                     "width_exact": w_exact, "width_needed_easy": w_easy, "width_needed": w_needed,
                     "params_exact": _params_at(family, w_exact),
                     "params_needed_easy": _params_at(family, w_easy),
                     "params_needed": _params_at(family, w_needed)})
    return rows


def hard_position_decomposition(families: Mapping[int, object], level: float = 0.5,
                                reference: int = 2) -> list[dict]:
    """Split the exact-match threshold shift over the hard answer positions only.

    Used in notebook 01 §4.

    The units digit needs no carry and the final carry is nearly always right, so exact match is
    close to the product of the accuracies of the ``k = n_digits - 1`` middle positions (tens up
    to the top operand digit). If each of them were as easy as the reference family's tens digit
    (its only hard position), exact match would reach ``level`` where that tens digit reaches
    ``level ** (1/k)``.

    Returns
    -------
    list of dict, one per n_digits, with ``n_digits``, ``hard_positions`` (k), ``p_needed``
    (level ** (1/k)), ``width_reference`` (where the reference family's exact match reaches the
    level), ``width_more_digits`` (where the reference family's tens digit reaches p_needed),
    ``width_exact`` (where this family's exact match reaches the level), ``width_hard_product``
    (where this family's product of hard-position accuracies reaches it), and the factors
    ``more_digits`` (width_more_digits / width_reference) and ``harder_digits``
    (width_exact / width_more_digits); a width or factor is None when the grid does not reach it.
    All widths are interpolated in log width (:func:`width_reaching`).
    """
    level = check_scalar("level", level, minimum=0, maximum=1, include_minimum=False, include_maximum=False)
    if reference not in families:
        raise ValueError(f"families must include the reference {reference}, got {sorted(families)}")
    ref = families[reference]
    w_reference = width_reaching(ref.widths, ref.exact_match(), level)
    ref_tens = ref.position_accuracy()[:, 1]
    rows = []
    for n_digits in sorted(families):
        if n_digits < 2:
            raise ValueError(f"families must have at least 2 digits (a hard position), got {n_digits}")
        family = families[n_digits]
        k = n_digits - 1
        p_needed = level ** (1 / k)
        hard = family.position_accuracy()[:, 1:n_digits]
        w_more = width_reaching(ref.widths, ref_tens, p_needed)
        w_exact = width_reaching(family.widths, family.exact_match(), level)
        w_product = width_reaching(family.widths, hard.prod(axis=1), level)
        rows.append({"n_digits": n_digits, "hard_positions": k, "p_needed": p_needed,
                     "width_reference": w_reference, "width_more_digits": w_more, "width_exact": w_exact,
                     "width_hard_product": w_product,
                     "more_digits": None if None in (w_more, w_reference) else w_more / w_reference,
                     "harder_digits": None if None in (w_exact, w_more) else w_exact / w_more})
    return rows
