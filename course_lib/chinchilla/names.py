"""The message keys of lesson 05's named choices, so that every place showing one shows the same words.

The choices themselves (the coefficient sets' names, what N counts, the toy grid's two fits) stay
the English strings that code and tests pass around; :func:`law_name` and the key tables turn
them into the text a learner reads in the course's language (:mod:`course_lib.core.messages`).
"""
from __future__ import annotations

from course_lib.core.messages import figure_message, message

__all__ = ["LAW_KEYS", "PARAMETER_KEYS", "FIT_KEYS", "law_name"]

#: each coefficient set of :data:`course_lib.scaling.COEFFICIENT_SETS` -> its message key
LAW_KEYS = {"Hoffmann (rounded)": "chinchilla.law.rounded", "Hoffmann (unrounded)": "chinchilla.law.unrounded",
            "Epoch 2024": "chinchilla.law.epoch"}
#: what N counts (:data:`course_lib.chinchilla.grid.PARAMETER_COUNTS`) -> its message key
PARAMETER_KEYS = {"non-embedding": "chinchilla.parameters.non_embedding", "all": "chinchilla.parameters.all"}
#: the toy grid's two fits of the law -> their message keys
FIT_KEYS = {"E free": "chinchilla.toy.fit_free", "E fixed to H": "chinchilla.toy.fit_fixed"}


def law_name(name: str, figure: bool = False) -> str:
    """The coefficient set ``name`` in the course's language (in the figures' language if ``figure``)."""
    return (figure_message if figure else message)(LAW_KEYS[name])
