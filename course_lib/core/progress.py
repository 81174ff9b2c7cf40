"""A minimal progress bar for long work (training a model family).

In a Jupyter kernel it shows an ``ipywidgets.IntProgress`` with a label; elsewhere (tests,
scripts) it stays silent unless asked to print. No ``tqdm.notebook`` (unreliable on Colab).
"""
from __future__ import annotations

import time
from typing import Iterable, Iterator, TypeVar

from course_lib.core.messages import message

T = TypeVar("T")

__all__ = ["progress", "in_notebook"]


def in_notebook() -> bool:
    """True inside a Jupyter kernel (JupyterLab, Colab, nbval), False in a plain interpreter."""
    try:
        from IPython import get_ipython
    except ImportError:
        return False
    ip = get_ipython()
    return ip is not None and hasattr(ip, "kernel")


def progress(items: Iterable[T], total: int | None = None, label: str = "",
             enabled: bool = True) -> Iterator[T]:
    """Yield from ``items`` while showing how far along it is.

    Parameters
    ----------
    items : iterable
    total : int, optional
        Number of items; taken from ``len(items)`` when omitted.
    label : str
        Text shown beside the bar.
    enabled : bool
        Show nothing when False.
    """
    items = list(items) if total is None else items
    total = len(items) if total is None else total
    if not isinstance(total, int) or total < 0:
        raise ValueError(f"total must be a non-negative int, got {total!r}")
    show = enabled and in_notebook()
    if show:
        import ipywidgets as widgets
        from IPython.display import display

        bar = widgets.IntProgress(value=0, min=0, max=max(total, 1))
        text = widgets.Label(f"{label} 0/{total}")
        box = widgets.HBox([bar, text])
        # a static view (no kernel, no widget manager) shows this line instead of the live bar
        display({"application/vnd.jupyter.widget-view+json": {"version_major": 2, "version_minor": 0,
                                                              "model_id": box.model_id},
                 "text/plain": message("progress.static", label=label, total=total)},
                raw=True)
    start = time.perf_counter()
    for i, item in enumerate(items, 1):
        yield item
        if show:
            bar.value = i
            text.value = f"{label} {i}/{total} ({time.perf_counter() - start:.1f} s)"
    if show:
        bar.bar_style = "success"
