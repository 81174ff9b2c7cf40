"""Small notebooks, written at test time, that prove the browser checks catch what they claim to.

Their panels are built like the course's own (a VBox of controls, an Output holding the figure
as a PNG, an HTML summary and an HTML caption) with plain ipywidgets and matplotlib, so they
depend on nothing in ``course_lib``. ``clean.ipynb`` must pass every check; ``broken.ipynb``
breaks one thing per panel or cell (see :data:`BROKEN_PANELS`), with the clean panel first.
"""
from __future__ import annotations

from pathlib import Path

CLEAN = "synthetic/clean.ipynb"
BROKEN = "synthetic/broken.ipynb"
NOTEBOOKS = (CLEAN, BROKEN)

# panel index in broken.ipynb -> what is wrong with it
BROKEN_PANELS = {
    0: "nothing (a clean panel next to the broken ones)",
    1: "the slider's callback was detached: moving it no longer updates the figure",
    2: "a move renders 3 s later and moves made meanwhile are lost: after a burst an older figure stays",
    3: "no caption",
}

PANEL_CODE = '''\
import base64
import io
import threading
import time

import ipywidgets as widgets
import numpy as np
from IPython.display import display
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure


def make_panel(title, caption=True, racing=False):
    """A panel like the course's: slider and toggle buttons, figure in an Output, summary, caption.

    ``racing``: a change renders in a thread after 3 s, and changes that arrive while a render is
    pending are dropped, so after a quick burst the figure shows the burst's first value, not its
    last (whatever the machine's load: a burst of key presses takes well under 3 s).
    """
    fig = Figure(figsize=(4, 2.5), dpi=80)
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    x = np.linspace(0, 2 * np.pi, 200)
    freq = widgets.IntSlider(value=3, min=1, max=30, description="frequency", continuous_update=True)
    shape = widgets.ToggleButtons(options=["sin", "cos"], value="sin", description="shape")
    out, summary = widgets.Output(), widgets.HTML()
    lock = threading.Lock()

    def render(f, s):
        with lock:
            ax.clear()
            ax.plot(x, (np.sin if s == "sin" else np.cos)(f * x))
            ax.set_title(f"{title}: {s}({f} x)")
            buf = io.BytesIO()
            fig.canvas.print_png(buf)
            png = base64.b64encode(buf.getvalue()).decode()
            out.outputs = ({"output_type": "display_data", "metadata": {},
                            "data": {"image/png": png, "text/plain": "<figure>"}},)
            summary.value = f"<table><tr><td>frequency</td><td>{f}</td></tr></table>"

    pending = threading.Event()

    def late_render(f, s):
        time.sleep(3.0)
        render(f, s)
        pending.clear()

    def draw(change=None):
        if racing and change is not None:
            if not pending.is_set():  # a change during a pending render is lost
                pending.set()
                threading.Thread(target=late_render, args=(freq.value, shape.value)).start()
        else:
            render(freq.value, shape.value)

    for w in (freq, shape):
        w.observe(draw, names="value")
    draw()
    children = [freq, shape, out, summary]
    if caption:
        children.append(widgets.HTML(f"<p><em>{title}: a wave whose frequency the slider sets.</em></p>"))
    box = widgets.VBox(children)
    box.draw = draw
    return box, freq
'''

BROKEN_WIDGET_CODE = '''\
from traitlets import Unicode


class NowhereWidget(widgets.DOMWidget):
    """A widget whose front-end code exists nowhere: it cannot render."""

    _model_name = Unicode("NowhereModel").tag(sync=True)
    _model_module = Unicode("course-nowhere-widget").tag(sync=True)
    _model_module_version = Unicode("0.0.1").tag(sync=True)
    _view_name = Unicode("NowhereView").tag(sync=True)
    _view_module = Unicode("course-nowhere-widget").tag(sync=True)
    _view_module_version = Unicode("0.0.1").tag(sync=True)


display(NowhereWidget())
'''


def clean_notebook():
    """One panel, one plain print: every check passes."""
    from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

    return new_notebook(cells=[
        new_markdown_cell("# A clean synthetic lesson"),
        new_code_cell(PANEL_CODE),
        new_code_cell('clean, _ = make_panel("clean")\ndisplay(clean)'),
        new_code_cell('print("done")'),
    ], metadata=_metadata())


def broken_notebook():
    """Panels broken as :data:`BROKEN_PANELS` says, plus cell-level defects:
    a figure shown as text, a widget shown as its text repr, a widget that cannot render,
    a line on stderr and, last, a traceback."""
    from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

    return new_notebook(cells=[
        new_markdown_cell("# A broken synthetic lesson"),
        new_code_cell(PANEL_CODE),
        new_code_cell('ok, _ = make_panel("ok")\ndisplay(ok)'),
        new_code_cell('stale, freq = make_panel("stale")\nfreq.unobserve(stale.draw, names="value")\n'
                      'display(stale)'),
        new_code_cell('racing, _ = make_panel("racing", racing=True)\ndisplay(racing)'),
        new_code_cell('uncaptioned, _ = make_panel("uncaptioned", caption=False)\ndisplay(uncaptioned)'),
        new_code_cell('fig = Figure(figsize=(3, 2))\nfig.add_subplot().plot([0, 1])\ndisplay(fig)'),
        new_code_cell('display({"text/plain": repr(widgets.VBox([widgets.IntSlider()]))}, raw=True)'),
        new_code_cell(BROKEN_WIDGET_CODE),
        new_code_cell('import sys\nprint("a warning on stderr", file=sys.stderr)'),
        new_code_cell('raise ValueError("a cell that fails")'),
    ], metadata=_metadata())


def _metadata() -> dict:
    return {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
            "language_info": {"name": "python"}}


def write_all(root: Path) -> list[Path]:
    """Write the synthetic notebooks under ``root`` (at their relative paths); return them."""
    import nbformat

    paths = []
    for rel, nb in ((CLEAN, clean_notebook()), (BROKEN, broken_notebook())):
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(nb, path)
        paths.append(path)
    return paths
