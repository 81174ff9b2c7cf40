"""The base class of every interactive demo.

A demo is a plain Python object: it owns one matplotlib figure whose artists are created
once in ``__init__``, a dict of control specs, and an ``update(**params)`` that

1. validates the parameters and fills in defaults (:meth:`Demo.resolve`),
2. computes what to show from precomputed results (:meth:`Demo.compute`, cheap), and
3. moves the existing artists to show it (:meth:`Demo.draw`).

Nothing here needs a browser; :mod:`course_lib.core.interactive` only wires sliders to ``update``.
"""
from __future__ import annotations

from typing import Any

from matplotlib.figure import Figure

from course_lib.core.controls import Control
from course_lib.core.messages import message

__all__ = ["Demo"]


class Demo:
    """Base class: subclasses set ``controls`` and ``caption_key`` and implement compute/draw."""

    #: parameter name -> control spec
    controls: dict[str, Control] = {}
    #: the message-catalogue key of the caption (:mod:`course_lib.core.messages`)
    caption_key: str = ""
    fig: Figure
    #: the artists whose data a slider move changes (lines, markers, bars, text that moves),
    #: set in ``__init__``. The widget layer redraws only these over a cached background when
    #: nothing else of the figure changed (limits, scales, labels, titles, legend); an empty
    #: list means every move redraws the whole figure.
    data_artists: list = []

    @property
    def caption(self) -> str:
        """One sentence, shown under the figure, saying what the figure shows, in the course's language.

        A subclass whose caption has fields (a size, a count) overrides this property and passes
        them to :func:`~course_lib.core.messages.message`.
        """
        return message(self.caption_key) if self.caption_key else ""

    def defaults(self) -> dict[str, Any]:
        """Every parameter at its control's default."""
        return {name: c.value for name, c in self.controls.items()}

    def resolve(self, params: dict[str, Any]) -> dict[str, Any]:
        """Validate ``params`` against the controls and fill in the defaults."""
        unknown = set(params) - set(self.controls)
        if unknown:
            raise TypeError(f"{type(self).__name__}.update got unknown parameter(s) {sorted(unknown)}; "
                            f"expected some of {sorted(self.controls)}")
        full = self.defaults()
        for name, value in params.items():
            full[name] = self.controls[name].validate(name, value)
        return full

    def compute(self, **params) -> dict[str, Any]:
        """Return everything the figure needs for ``params`` (no drawing)."""
        raise NotImplementedError

    def draw(self, state: dict[str, Any]) -> None:
        """Move the figure's artists to show ``state``."""
        raise NotImplementedError

    def summary_html(self, state: dict[str, Any]) -> str:
        """Optional HTML shown under the figure (a small table, say); empty by default."""
        return ""

    def update(self, **params) -> dict[str, Any]:
        """Validate, compute and redraw; return the computed state."""
        state = self.compute(**self.resolve(params))
        self.draw(state)
        self.state = state
        return state
