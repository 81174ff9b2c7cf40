"""Execute notebooks on fresh kernels of *this* Python environment (nbclient).

Used by ``tests/test_determinism.py`` and ``bench/run_bench.py``. A notebook's kernelspec
says ``python3``, which Jupyter resolves through its kernel search path, where a user's own
``python3`` kernelspec may point at another environment. Like ``nbval --nbval-current-env``,
this module starts the kernel with ``sys.executable`` instead. The kernel's working
directory is the notebook's folder, as in JupyterLab. The kernels' own log lines (stderr of
the kernel process, e.g. ipykernel's transport warnings) are discarded; what cells print to
stderr is still recorded in the outputs, and a dying kernel still raises ``DeadKernelError``.
"""
from __future__ import annotations

import multiprocessing
import re
import subprocess
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import nbformat
from jupyter_client.kernelspec import KernelSpec, KernelSpecManager
from jupyter_client.manager import AsyncKernelManager
from nbclient import NotebookClient
from nbformat import NotebookNode

__all__ = ["execute", "execute_many", "text_outputs", "sanitise"]

_KERNEL_NAME = "course-current-env"


class _CurrentEnvSpecs(KernelSpecManager):
    """A kernel spec manager that knows one kernel: ipykernel in this interpreter."""

    def get_kernel_spec(self, kernel_name: str) -> KernelSpec:
        return KernelSpec(argv=[sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
                          display_name="Python (current environment)", language="python",
                          resource_dir=str(Path(__file__).parent))


def _client(path: Path, timeout: float) -> NotebookClient:
    if not isinstance(timeout, (int, float)) or timeout <= 0:
        raise ValueError(f"timeout must be a positive number of seconds, got {timeout!r}")
    path = Path(path)
    if not path.is_file():
        raise ValueError(f"path must be an existing notebook file, got {path}")
    nb = nbformat.read(path, as_version=4)
    km = AsyncKernelManager(kernel_name=_KERNEL_NAME, kernel_spec_manager=_CurrentEnvSpecs())
    return NotebookClient(nb, km=km, timeout=timeout, kernel_name=_KERNEL_NAME,
                          resources={"metadata": {"path": str(path.parent)}})


def execute(path: Path, timeout: float = 120) -> NotebookNode:
    """Execute one notebook on a fresh kernel and return it with its outputs.

    Raises ``nbclient.exceptions.CellExecutionError`` if a cell fails, or
    ``CellTimeoutError`` if one runs longer than ``timeout`` seconds.
    """
    return _client(path, timeout).execute(stderr=subprocess.DEVNULL)


def execute_many(paths: list[Path], timeout: float = 120) -> list[NotebookNode]:
    """Execute ``paths`` at the same time, each in its own process on a fresh kernel.

    One process per notebook, not one event loop for all: with two notebook clients in one
    asyncio loop, a reply was now and then noticed only when the cell timeout expired
    (seen: 1 run in 4 stalled for the full 120 s).
    """
    paths = [Path(p) for p in paths]
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=max(1, len(paths)), mp_context=context) as pool:
        return list(pool.map(execute, paths, [timeout] * len(paths)))


#: (pattern, replacement) applied to every text output before runs are compared
_SANITISERS = (
    (re.compile(r"\b0x[0-9a-fA-F]{6,}\b"), "0xADDRESS"),  # memory addresses, not "640x480"
    (re.compile(r"\b\d+(?:\.\d+)?\s?(?:s|ms|µs|us|ns|sec|seconds?|min|minutes?)\b"), "<TIME>"),
)


def sanitise(text: str) -> str:
    """Replace memory addresses and elapsed-time figures ("5.3 s", "12 ms") by placeholders."""
    for pattern, replacement in _SANITISERS:
        text = pattern.sub(replacement, text)
    return text


def text_outputs(nb: NotebookNode) -> list[list[str]]:
    """Per code cell, the sanitised stdout and ``text/plain`` outputs, in order.

    Consecutive stdout chunks are joined: how a kernel splits a stream into messages depends
    on timing, not on what the cell printed.
    """
    cells = []
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        texts = []
        for out in cell.get("outputs", []):
            if out.output_type == "stream" and out.name == "stdout":
                if texts and texts[-1].startswith("stdout: "):
                    texts[-1] += out.text
                else:
                    texts.append("stdout: " + out.text)
            elif out.output_type in ("execute_result", "display_data") and "text/plain" in out.data:
                texts.append("text/plain: " + out.data["text/plain"])
        cells.append([sanitise(t) for t in texts])
    return cells
