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

For the course website (``make site``, ``tools/build_site.py``) the environment variable
``COURSE_SITE_FRAMES`` names a folder: each panel's display then also renders, with the same demo
and renderer, the frames a kernel-free player needs (:func:`player_values`, :func:`frame_keys`),
writes them there as PNG files named by their content, and adds a ``text/html`` player that swaps
those images (``site/_static/course_player.js``). ``COURSE_SITE_FRAMES_URL`` is the folder's
address as the page sees it. With the variable unset the display is exactly the one above.
"""
from __future__ import annotations

import base64
import hashlib
import html
import io
import itertools
import json
import math
import os
import re
from pathlib import Path
from typing import Any

import ipywidgets as widgets
from IPython.display import display
from PIL import Image as PILImage

from course_lib.core.controls import Choice, Control, FloatSlider, IntSlider
from course_lib.core.demo import Demo
from course_lib.core.messages import message
from course_lib.core.rendering import FigureRenderer

__all__ = ["make_widget", "Panel", "show", "player_values", "frame_keys"]

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
        return widgets.ToggleButtons(options=[(spec.display(o), o) for o in spec.options], value=spec.value,
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
        bundle = {
            "application/vnd.jupyter.widget-view+json": {"version_major": 2, "version_minor": 0,
                                                         "model_id": self.box.model_id},
            "image/png": base64.b64encode(self.image.value).decode("ascii"),
            "text/plain": caption,
        }
        folder = os.environ.get(SITE_FRAMES_ENV)
        if folder:
            bundle["text/html"] = self.site_player(folder, os.environ.get(SITE_FRAMES_URL_ENV, "frames"))
        return bundle

    def site_player(self, folder: str | os.PathLike, url: str) -> str:
        """Render the kernel-free player's frames into ``folder`` and return the player's HTML.

        Every frame is drawn by this panel's demo (``demo.update``) and a full draw of its figure
        (a new :class:`FigureRenderer`, so no frame depends on a background cached at an earlier
        setting), saved as a PNG named by its content (a picture shared by two settings is stored
        once) and listed in ``folder/frames.jsonl`` with its settings. The panel is left as it was.
        """
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        specs = self.demo.controls
        names = list(specs)
        values = {name: player_values(spec, _value_count(spec)) for name, spec in specs.items()}
        if math.prod(len(v) for v in values.values()) > MAX_GRID_FRAMES:  # too many: subsample long sliders
            values = {name: player_values(spec) for name, spec in specs.items()}
        mode, keys = frame_keys([len(values[n]) for n in names],
                                [_nearest(values[n], specs[n].value) for n in names])
        start = self.values()
        frames, summaries, records = {}, [], []
        try:
            for key in keys:
                settings = {n: values[n][i] for n, i in zip(names, key)}
                state = self.demo.update(**settings)
                # a full draw for every frame: a new renderer has no cached background to blit onto
                file = _save_frame(folder, FigureRenderer(self.demo.fig, self.demo.data_artists).render())
                summary = self.demo.summary_html(state) or ""
                if summary not in summaries:
                    summaries.append(summary)
                label = ",".join(map(str, key))
                frames[label] = [file, summaries.index(summary)]
                records.append({"demo": f"{type(self.demo).__module__}:{type(self.demo).__qualname__}",
                                "settings": settings, "file": file})
        finally:  # back to the panel's settings, drawn in full by a renderer with no stale background
            self.renderer = FigureRenderer(self.demo.fig, self.demo.data_artists)
            self.refresh()
        with open(folder / "frames.jsonl", "a", encoding="utf-8") as out:
            for record in records:
                out.write(json.dumps(record) + "\n")
        initial = [_nearest(values[n], start[n]) for n in names]
        controls = [{"name": n, "label": specs[n].label or n.replace("_", " "),
                     "kind": "choice" if isinstance(specs[n], Choice) else "slider",
                     "labels": [_value_label(specs[n], v) for v in values[n]],
                     "of": _value_count(specs[n])} for n in names]
        data = {"mode": mode, "controls": controls, "frames": frames, "summaries": summaries,
                "initial": initial, "url": url.rstrip("/")}
        return _player_html(data, self.demo.caption, self.demo.fig.canvas.get_width_height())

    def _ipython_display_(self):
        display(self.mimebundle(), raw=True)


def show(demo: Demo) -> Panel:
    """Build the panel for ``demo``, display it, and return it.

    Used in notebook 00 §3, 01 §4, 02 §2-§5, and by every later lesson's panels.
    """
    panel = Panel(demo)
    display(panel.mimebundle(), raw=True)
    return panel


# --------------------------------------------------------------------------- the kernel-free player

#: folder the site's frames are written to; unset (the default) means no player is made
SITE_FRAMES_ENV = "COURSE_SITE_FRAMES"
#: that folder's address as the page sees it
SITE_FRAMES_URL_ENV = "COURSE_SITE_FRAMES_URL"
#: a panel whose full grid of control values (every slider step, or if that is too many, the
#: subsampled sliders) holds at most this many frames gets every combination
MAX_GRID_FRAMES = 60
#: a slider with more values than this offers this many, evenly spread, its default among them
MAX_SLIDER_VALUES = 12
#: how the stored frames are encoded: lossless WebP (the pixels are those the panel rendered) takes
#: about 40 % of the bytes of a PNG at zlib level 9, and encodes faster at this effort (method 2)
FRAME_FORMAT = {"format": "webp", "lossless": True, "method": 2, "quality": 50}



def _value_count(spec: Control) -> int:
    if isinstance(spec, Choice):
        return len(spec.options)
    return int(round((spec.max - spec.min) / spec.step)) + 1


def player_values(spec: Control, limit: int = MAX_SLIDER_VALUES) -> list:
    """The values the player offers for one control: every option or slider step, or, for a
    slider with more than ``limit`` steps, ``limit`` steps evenly spread with the default among them.
    """
    if isinstance(spec, Choice):
        return list(spec.options)
    if _value_count(spec) <= limit:
        return spec.sweep(_value_count(spec))
    values = spec.sweep(limit)
    if not any(math.isclose(v, spec.value, rel_tol=1e-9, abs_tol=1e-12) for v in values):
        # the inner value nearest the default gives way to it (the ends stay)
        inner = min(range(1, len(values) - 1), key=lambda i: abs(values[i] - spec.value))
        values[inner] = spec.value
    return values


def _nearest(values: list, value: Any) -> int:
    """Index of ``value`` in ``values`` (the closest one for numbers)."""
    if value in values:
        return values.index(value)
    return min(range(len(values)), key=lambda i: abs(values[i] - value))


def frame_keys(counts: list[int], defaults: list[int], max_grid: int = MAX_GRID_FRAMES) -> tuple[str, list]:
    """Which combinations of value indices get a frame: ``("grid", all of them)`` when there are
    at most ``max_grid``, else ``("sweep", ...)``: the defaults, and each control moved alone.
    """
    if math.prod(counts) <= max_grid:
        return "grid", list(itertools.product(*[range(c) for c in counts]))
    keys = [tuple(defaults)]
    for position, count in enumerate(counts):
        for index in range(count):
            key = tuple(defaults[:position]) + (index,) + tuple(defaults[position + 1:])
            if key not in keys:
                keys.append(key)
    return "sweep", keys


def _value_label(spec: Control, value: Any) -> str:
    if isinstance(spec, Choice):
        return spec.display(value)
    if isinstance(spec, FloatSlider):
        return format(value, spec.readout_format)
    return str(value)


def _save_frame(folder: Path, png: bytes) -> str:
    """Store one frame (re-encoded as lossless WebP, same pixels) under a name made from its pixels;
    return the name."""
    image = PILImage.open(io.BytesIO(png))
    image.load()
    name = hashlib.sha256(image.tobytes() + repr(image.size).encode()).hexdigest()[:20] + ".webp"
    path = folder / name
    if not path.exists():
        image.save(path, **FRAME_FORMAT)
    return name


def _player_html(data: dict, caption: str, size: tuple[int, int]) -> str:
    """The player's markup: controls, the image at the initial settings, summary, caption, a note.

    ``site/_static/course_player.js`` wires it up; without script the initial frame still shows.
    """
    width, height = size
    key = ",".join(map(str, data["initial"]))
    file, summary = data["frames"][key]
    rows = []
    for position, control in enumerate(data["controls"]):
        index = data["initial"][position]
        name = html.escape(control["label"])
        shown = len(control["labels"])
        note = ""
        if shown < control["of"]:
            note = f" <span class='course-player-of'>({message('player.subsampled', shown=shown, total=control['of'])})</span>"
        value = html.escape(control["labels"][index])
        if control["kind"] == "slider":
            widget = (f"<input type='range' min='0' max='{shown - 1}' step='1' value='{index}' "
                      f"data-control='{position}' aria-label='{name}'>")
        else:
            widget = "".join(
                f"<button type='button' data-control='{position}' data-index='{i}' "
                f"aria-pressed='{'true' if i == index else 'false'}'>{html.escape(label)}</button>"
                for i, label in enumerate(control["labels"]))
        rows.append(f"<div class='course-player-row'><span class='course-player-name'>{name}</span>"
                    f"<span class='course-player-widget'>{widget}</span>"
                    f"<output class='course-player-value' data-control='{position}'>{value}</output>{note}</div>")
    payload = json.dumps(data, separators=(",", ":")).replace("</", "<\\/")
    alt = html.escape(html.unescape(re.sub(r"<[^>]+>", "", caption)), quote=True)
    return (f"<div class='course-player' data-mode='{data['mode']}'>"
            f"<script type='application/json' class='course-player-data'>{payload}</script>"
            f"{''.join(rows)}"
            f"<img class='course-player-image' src='{data['url']}/{file}' width='{width}' height='{height}' alt='{alt}'>"
            f"<div class='course-player-summary'>{data['summaries'][summary]}</div>"
            f"<div class='course-player-caption'><em>{caption}</em></div>"
            f"<div class='course-player-note'>{message('player.' + data['mode'])}</div></div>")
