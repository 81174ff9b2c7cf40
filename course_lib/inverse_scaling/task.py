"""The distractor task: a hard true rule, an easy spurious feature that misleads at test time.

Each example has three inputs (and optionally a hint, below):

- ``x0, x1`` uniform in [-pi, pi]. The **true rule** is a checkerboard,
  ``y = +1 if sin(2 x0) sin(2 x1) > 0 else -1``: 16 squares, so a model needs many features
  to represent it.
- ``x2``, the **distractor**: ``s * |z|`` with ``z ~ N(1, 0.5)``, whose sign ``s`` agrees with
  ``y`` on a fraction ``agreement`` of the training examples. It is easy (one linear feature).
  On the **reversed** test set it always disagrees (``s = -y``), so a model that follows it
  scores below chance, and a model that follows the true rule is not hurt.

The hints are extra input columns computed *outside* the model from the true rule, so neither
is a prompt a language model could be given: ``"steps"`` adds the two intermediate quantities
``sin(2 x0)`` and ``sin(2 x1)`` (the true rule becomes "do their signs agree?"; a chain of
thought the model does not have to produce itself), ``"answer"`` adds their product, whose sign
*is* the label (an oracle: it gives the answer away, unlike a one-shot example). Both are
multiplied by a hand-set strength, :data:`HINT_SCALES` unless ``hint_scale`` is given: how
strongly a hint is presented changes how deep the dip stays (notebook 04 §3 prints a table).
The toy's analogue of a few demonstrations is ``counter_examples`` in
:func:`course_lib.inverse_scaling.family.train_family` (training examples whose distractor is
reversed).

A task is drawn from one seed: the positions, the distractor's magnitudes and the uniform
draws that decide agreement are shared by every ``agreement``, so the sets for q = 0.8 and
q = 0.85 differ only in the signs the threshold flips.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from course_lib.core.messages import message
from course_lib.core.validation import check_choice, check_count, check_random_state, check_scalar

__all__ = ["HINTS", "HINT_SCALES", "Split", "true_label", "make_split", "resolve_hint_scale", "hint_name"]

#: extra inputs computed from the true rule: none, the intermediate steps, or the answer itself (an oracle)
HINTS = ("none", "steps", "answer")
#: how strongly each hint's columns are scaled by default (set by hand; the dip depends on it, see notebook 04 §3)
HINT_SCALES = {"none": 0.0, "steps": 2.0, "answer": 3.0}
#: each hint's catalogue key: the code takes the English values, buttons and progress bars show the catalogue's
_HINT_KEYS = {"none": "inverse_scaling.hint.none", "steps": "inverse_scaling.hint.steps",
              "answer": "inverse_scaling.hint.answer"}
#: what the distractor does in each kind of split
DISTRACTOR_MODES = ("as in training", "reversed")


@dataclass(frozen=True)
class Split:
    """Inputs ``x`` (n, 3 + hint columns) and labels ``y`` (n,) in {-1, +1}."""

    x: np.ndarray
    y: np.ndarray

    @property
    def distractor_agrees(self) -> np.ndarray:
        """Whether the distractor's sign (column 2) agrees with the label, per example.

        Used in notebook 04 §3.
        """
        return np.sign(self.x[:, 2]) == self.y


def true_label(x0, x1) -> np.ndarray:
    """The true rule: +1 where ``sin(2 x0) sin(2 x1) > 0``, else -1 (a 4 x 4 checkerboard)."""
    return np.where(np.sin(2 * np.asarray(x0, float)) * np.sin(2 * np.asarray(x1, float)) > 0, 1.0, -1.0)


def make_split(n: int, agreement: float, rng, distractor: str = "as in training",
               hint: str = "none", hint_scale: float | None = None) -> Split:
    """Draw ``n`` examples of the distractor task.

    Used in notebook 04 §3.

    Parameters
    ----------
    n : int
        Number of examples, >= 1.
    agreement : float in [0, 1]
        Share of examples whose distractor agrees with the label (used when ``distractor`` is
        ``"as in training"``).
    rng : numpy.random.Generator or int
        Source of randomness (an int is used as a seed).
    distractor : {"as in training", "reversed"}
        ``"reversed"`` makes the distractor disagree with the label on every example.
    hint : {"none", "steps", "answer"}
        Extra input columns (see the module docstring).
    hint_scale : float > 0, optional
        Strength of the hint's columns; :data:`HINT_SCALES` ``[hint]`` when omitted. Only with a
        hint other than ``"none"``.
    """
    n = check_count("n", n)
    agreement = check_scalar("agreement", agreement, minimum=0.0, maximum=1.0)
    rng = check_random_state("rng", rng)
    check_choice("distractor", distractor, DISTRACTOR_MODES)
    check_choice("hint", hint, HINTS)
    scale = resolve_hint_scale(hint, hint_scale)
    positions = rng.uniform(-np.pi, np.pi, size=(n, 2))
    magnitude = np.abs(rng.normal(1.0, 0.5, size=n))
    draw = rng.uniform(size=n)
    y = true_label(positions[:, 0], positions[:, 1])
    sign = -y if distractor == "reversed" else np.where(draw < agreement, y, -y)
    columns = [positions, (sign * magnitude)[:, None]]
    step0, step1 = np.sin(2 * positions[:, 0]), np.sin(2 * positions[:, 1])
    if hint == "steps":
        columns.append(scale * np.column_stack([step0, step1]))
    elif hint == "answer":
        columns.append(scale * (step0 * step1)[:, None])
    return Split(np.hstack(columns), y)


def resolve_hint_scale(hint: str, hint_scale: float | None) -> float:
    """The strength of ``hint``'s columns: ``hint_scale`` if given (> 0), else :data:`HINT_SCALES`."""
    check_choice("hint", hint, HINTS)
    if hint_scale is None:
        return HINT_SCALES[hint]
    if hint == "none":
        raise ValueError("hint_scale needs a hint ('steps' or 'answer'); hint is 'none'")
    return check_scalar("hint_scale", hint_scale, minimum=0.0, include_minimum=False)


def hint_name(hint: str) -> str:
    """``hint`` (one of :data:`HINTS`) as a learner reads it on a button, in the course's language."""
    return message(_HINT_KEYS[check_choice("hint", hint, HINTS)])
