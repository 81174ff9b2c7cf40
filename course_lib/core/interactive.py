"""The one module that wires sliders to a demo (ipywidgets 7.7 and 8, inline backend).

``show(demo)`` builds a widget for each control spec, an ``Image`` widget that shows the figure,
an HTML line for the demo's summary and its caption, and calls ``demo.update`` whenever a
control moves. The figure's artists are updated in place by the demo; this module renders the
figure with :class:`course_lib.core.rendering.FigureRenderer` (only the data artists are redrawn
when nothing else moved) and replaces the image's PNG bytes, which a browser shows faster than a
cleared and re-filled output area. The image is shown at the figure's own pixel size. Only widget
API common to ipywidgets 7.7.1 and 8.x is used (no ``tooltip``, no ``titles=``, no HTML
descriptions).

With ``continuous_update`` every intermediate slider value is drawn while dragging; a move
costs a few tens of milliseconds in the kernel, so a burst of key presses settles on the last
value without a backlog.

The panel is displayed as one output that holds both the live widget view and a PNG of the figure
at the state it was displayed in (``image/png``), with the caption as its text. JupyterLab, the
classic Notebook and Colab render the widget view (their widget managers rank it first); a view
without a kernel or a widget manager (GitHub, nbviewer, an exported page, the course website) shows
the PNG, so every figure is visible in an executed notebook opened anywhere.

An exception in ``demo.update`` is not swallowed: it propagates when a control is set from
code (so a notebook test fails) and is shown in the output when a learner moves a slider.
"""
from __future__ import annotations

import base64
import html
import re
from typing import Any

import ipywidgets as widgets
from IPython.display import display

from course_lib.core.controls import Choice, Control, FloatSlider, IntSlider
from course_lib.core.demo import Demo
from course_lib.core.rendering import FigureRenderer

__all__ = ["make_widget", "Panel", "show"]

_STYLE = {"description_width": "initial"}
#: caption and summary text at the size and line height of the notebook's markdown (JupyterLab's
#: variables, with the classic front end's values as fallbacks); a widget's own line is 28 px
_TEXT = ("font-size:var(--jp-content-font-size1, 14px);line-height:var(--jp-content-line-height, 1.5);"
         "margin:4px 0")
_LAYOUT = {"width": "420px"}


def make_widget(name: str, spec: Control) -> widgets.Widget:
    """Return the ipywidget for one control spec."""
    label = spec.label or name.replace("_", " ")
    if isinstance(spec, IntSlider):
        return widgets.IntSlider(value=spec.value, min=spec.min, max=spec.max, step=spec.step,
                                 description=label, continuous_update=True, style=_STYLE,
                                 layout=widgets.Layout(**_LAYOUT))
    if isinstance(spec, FloatSlider):
        return widgets.FloatSlider(value=spec.value, min=spec.min, max=spec.max, step=spec.step,
                                   description=label, continuous_update=True, style=_STYLE,
                                   readout_format=spec.readout_format, layout=widgets.Layout(**_LAYOUT))
    if isinstance(spec, Choice):
        # buttons as wide as their labels: a fixed width cut "Hoffmann (rounded)" to "Hoffmann (round..."
        return widgets.ToggleButtons(options=list(spec.options), value=spec.value,
                                     description=label, style={**_STYLE, "button_width": "auto"})
    raise TypeError(f"spec must be an IntSlider, FloatSlider or Choice, got {type(spec).__name__}")


class Panel:
    """The widgets of one demo: ``controls`` (name -> widget), ``image``, ``summary``, ``box``.

    After :meth:`refresh`, ``image.value`` holds the PNG bytes on screen.
    """

    def __init__(self, demo: Demo):
        if not isinstance(demo, Demo):
            raise TypeError(f"demo must be a course_lib Demo, got {type(demo).__name__}")
        self.demo = demo
        self.renderer = FigureRenderer(demo.fig, demo.data_artists)
        self.controls = {name: make_widget(name, spec) for name, spec in demo.controls.items()}
        width, height = demo.fig.canvas.get_width_height()
        self.image = widgets.Image(format="png", layout=widgets.Layout(width=f"{width}px", height=f"{height}px"))
        self.summary = widgets.HTML()
        caption = widgets.HTML(f"<div style='{_TEXT};max-width:{max(width, 480)}px'><em>{demo.caption}</em></div>")
        self.box = widgets.VBox(list(self.controls.values()) + [self.image, self.summary, caption])
        for w in self.controls.values():
            w.observe(self._on_change, names="value")
        self.refresh()

    def values(self) -> dict[str, Any]:
        """The current value of every control."""
        return {name: w.value for name, w in self.controls.items()}

    def refresh(self) -> dict[str, Any]:
        """Update the demo from the controls and re-show its figure and summary."""
        state = self.demo.update(**self.values())
        self.image.value = self.renderer.render()
        summary = self.demo.summary_html(state)
        self.summary.value = f"<div style='{_TEXT}'>{summary}</div>" if summary else ""
        return state

    def _on_change(self, change: dict) -> None:
        self.refresh()

    def mimebundle(self) -> dict[str, Any]:
        """The panel as one display: the widget view, a PNG of the figure now, the caption as text."""
        caption = html.unescape(re.sub(r"<[^>]+>", "", self.demo.caption))
        return {
            "application/vnd.jupyter.widget-view+json": {"version_major": 2, "version_minor": 0,
                                                         "model_id": self.box.model_id},
            "image/png": base64.b64encode(self.image.value).decode("ascii"),
            "text/plain": caption,
        }

    def _ipython_display_(self):
        display(self.mimebundle(), raw=True)


def show(demo: Demo) -> Panel:
    """Build the panel for ``demo``, display it, and return it.

    Used in notebook 00 §3, 01 §4, 02 §2-§5, and by every later lesson's panels.
    """
    panel = Panel(demo)
    display(panel.mimebundle(), raw=True)
    return panel
