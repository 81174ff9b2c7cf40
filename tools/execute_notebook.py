"""Execute notebooks on fresh kernels of *this* Python environment.

Used by ``tests/notebooks/test_lessons.py`` and ``bench/run_bench.py``. A notebook's kernelspec
says ``python3``, which Jupyter resolves through its kernel search path, where a user's own
``python3`` kernelspec may point at another environment. Like ``nbval --nbval-current-env``,
this module starts the kernel with ``sys.executable`` instead, in the notebook's folder.

Cells are run with jupyter_client's blocking client (as nbval does), polling in short steps.
nbclient's asyncio client was tried first: now and then it noticed a cell's reply only when
the whole cell timeout had passed (2 runs in 6 stalled for 120 s on this machine). The
kernel's own log lines (its process's stderr) are discarded; what cells print to stderr is
kept in the outputs.
"""
from __future__ import annotations

import multiprocessing
import os
import re
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from queue import Empty

import nbformat
from jupyter_client.kernelspec import KernelSpec, KernelSpecManager
from jupyter_client.manager import KernelManager
from nbformat import NotebookNode

__all__ = ["NotebookRunError", "execute", "execute_many", "text_outputs", "sanitise"]

_KERNEL_NAME = "course-current-env"
_STARTUP_TIMEOUT = 60.0
_POLL = 0.5  # seconds between liveness and deadline checks while a cell runs


class NotebookRunError(RuntimeError):
    """A cell raised, timed out, or the kernel died."""


class _CurrentEnvSpecs(KernelSpecManager):
    """A kernel spec manager that knows one kernel: ipykernel in this interpreter."""

    def get_kernel_spec(self, kernel_name: str) -> KernelSpec:
        return KernelSpec(argv=[sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
                          display_name="Python (current environment)", language="python",
                          resource_dir=str(Path(__file__).parent))


def _add_output(outputs: list, msg: dict, clear_pending: bool) -> bool:
    """Apply one iopub message to ``outputs``; return whether a clear_output(wait=True) is pending."""
    kind = msg["msg_type"]
    if kind == "clear_output":
        if msg["content"].get("wait"):
            return True
        outputs.clear()
        return False
    if kind in ("stream", "display_data", "execute_result", "error"):
        if clear_pending:
            outputs.clear()
        outputs.append(nbformat.v4.output_from_msg(msg))
        return False
    return clear_pending


def _run_cell(km: KernelManager, kc, cell: NotebookNode, index: int, path: Path, timeout: float) -> None:
    msg_id = kc.execute(cell.source, allow_stdin=False, store_history=True)
    deadline = time.monotonic() + timeout
    outputs: list = []
    clear_pending, idle, reply = False, False, None
    while not (idle and reply is not None):
        if time.monotonic() > deadline:
            km.interrupt_kernel()
            raise NotebookRunError(f"{path.name}: code cell {index} ran longer than {timeout} s")
        if not km.is_alive():
            raise NotebookRunError(f"{path.name}: the kernel died in code cell {index}")
        try:
            msg = kc.get_iopub_msg(timeout=0 if idle else _POLL)
            if msg["parent_header"].get("msg_id") == msg_id:
                if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                    idle = True
                else:
                    clear_pending = _add_output(outputs, msg, clear_pending)
        except Empty:
            pass
        if reply is None:
            try:
                msg = kc.get_shell_msg(timeout=0 if not idle else _POLL)
                if msg["parent_header"].get("msg_id") == msg_id:
                    reply = msg
            except Empty:
                pass
    cell.outputs = outputs
    cell.execution_count = reply["content"].get("execution_count")
    if reply["content"]["status"] != "ok":
        content = reply["content"]
        raise NotebookRunError(f"{path.name}: code cell {index} raised "
                               f"{content.get('ename', '')}: {content.get('evalue', '')}")


def execute(path: Path, timeout: float = 120, env: dict[str, str] | None = None) -> NotebookNode:
    """Execute one notebook on a fresh kernel and return it with its outputs.

    ``env``: variables added to this process's environment for the kernel (say, where panels
    write the website's frames).

    Raises :class:`NotebookRunError` if a cell raises, runs longer than ``timeout`` seconds
    or kills the kernel.
    """
    if not isinstance(timeout, (int, float)) or timeout <= 0:
        raise ValueError(f"timeout must be a positive number of seconds, got {timeout!r}")
    path = Path(path)
    if not path.is_file():
        raise ValueError(f"path must be an existing notebook file, got {path}")
    nb = nbformat.read(path, as_version=4)
    km = KernelManager(kernel_name=_KERNEL_NAME, kernel_spec_manager=_CurrentEnvSpecs())
    km.start_kernel(cwd=str(path.parent.resolve()), stderr=subprocess.DEVNULL,
                    **({"env": {**os.environ, **env}} if env else {}))
    kc = km.client()
    try:
        kc.start_channels()
        kc.wait_for_ready(timeout=_STARTUP_TIMEOUT)
        code_cells = [c for c in nb.cells if c.cell_type == "code"]
        for index, cell in enumerate(code_cells):
            _run_cell(km, kc, cell, index, path, timeout)
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    return nb


def execute_many(paths: list[Path], timeout: float = 120,
                 envs: list[dict[str, str] | None] | None = None) -> list[NotebookNode]:
    """Execute ``paths`` at the same time, each in its own process on a fresh kernel (with the
    matching entry of ``envs`` added to its environment)."""
    paths = [Path(p) for p in paths]
    envs = list(envs) if envs is not None else [None] * len(paths)
    if len(envs) != len(paths):
        raise ValueError(f"envs must give one entry per path ({len(paths)}), got {len(envs)}")
    if len(paths) == 1:
        return [execute(paths[0], timeout, envs[0])]
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=max(1, len(paths)), mp_context=context) as pool:
        return list(pool.map(execute, paths, [timeout] * len(paths), envs))


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
