"""Open the course's notebooks in a real browser and record what a learner sees.

Headless Debian Chromium is driven by PyPI ``playwright`` (``executable_path``, never a browser
download) against three front ends, each a server started on 127.0.0.1 with a token on a free
port, over a temporary copy of the notebooks, and stopped by its own process id:

* ``lab``: JupyterLab 4 with the ipywidgets 8 kernel of the venv running the tests;
* ``classic``: the classic Notebook 6.5 with an ipywidgets 7.7.1 kernel (``.venv-classic``,
  built by ``ci/browser-setup``), the closest local stand-in for Colab's widget stack;
* ``voila``: Voila, the course as an app.

:func:`run_lesson` opens one notebook, runs every cell and returns a :class:`LessonRun`: what
the page shows (errors, broken widgets, figures shown as text, each interactive panel with its
controls, image and caption), a full-page screenshot, how each control changes its panel's
image, and (in JupyterLab) the key-press-to-new-image latency of every panel. The ``problems_*``
functions turn a run into readable failures; the tests only assert that those lists are empty.
:func:`measure_key_latency` is usable on its own, e.g. by a benchmark.

Importable without playwright: :func:`missing_requirements` says what is missing.
"""
from __future__ import annotations

import atexit
import importlib.util
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import traceback
import urllib.error
import urllib.request
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator

REPO = Path(__file__).resolve().parents[2]
COURSE_ROOT = Path(os.environ.get("COURSE_ROOT", REPO)).resolve()
NOTEBOOKS = COURSE_ROOT / "notebooks"
BUILD = REPO / "build" / "browser"
SCREENSHOTS = BUILD / "screenshots" / ("" if COURSE_ROOT == REPO else COURSE_ROOT.name)
CHROMIUM = Path(os.environ.get("COURSE_CHROMIUM", "/usr/bin/chromium"))
CLASSIC_VENV = Path(os.environ.get("COURSE_CLASSIC_VENV", REPO / ".venv-classic"))
PROBE_JS = Path(__file__).with_name("page_probe.js")

SETUP_HINT = ("run make test-browser, or ci/browser-setup --apt (as root: installs Debian's chromium, "
              "playwright and voila into .venv, and .venv-classic)")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-extensions", "--disable-default-apps", "--mute-audio",
                 "--font-render-hinting=none",
                 # no name resolves except the loopback address: pages cannot reach the network
                 "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"]
VIEWPORT = {"width": 1280, "height": 900}
MAX_SCREENSHOT_HEIGHT = 30000
TOKEN = "course-browser-tests"

BURST = 20             # quick key presses in a burst
SETTLE_HOLD = 0.7      # seconds of idle kernel and unchanged image before a panel counts as settled
SETTLE_CONFIRM = 0.8   # seconds after that in which nothing may change
LATE_PATIENCE = 5.0    # seconds a panel may take, once it looked settled, to show an expected picture
MOVE_TIMEOUT = 20.0    # seconds to wait for one control move to change the image
SETTLE_TIMEOUT = 40.0  # seconds to wait for a burst to settle
OPEN_TIMEOUT = 120.0   # seconds to open a notebook and get an idle kernel
RUN_TIMEOUT = 300.0    # seconds for "run all" to finish
IMAGES_TIMEOUT = 30.0  # seconds for every panel to show its image after the run
LATENCY_MOVES = 10


# --------------------------------------------------------------------------- requirements

def missing_requirements() -> str | None:
    """Why the browser suite cannot run here (``None`` when it can)."""
    if importlib.util.find_spec("playwright") is None:
        return f"chromium/playwright not installed: {SETUP_HINT} (python package playwright is missing)"
    if not CHROMIUM.is_file():
        return f"chromium/playwright not installed: {SETUP_HINT} ({CHROMIUM} is missing)"
    return None


def frontend_missing(name: str) -> str | None:
    """Why front end ``name`` cannot be started here (``None`` when it can)."""
    frontend = FRONTENDS[name]
    exe = frontend.bin_dir() / frontend.executable
    if not exe.exists():
        return f"{name}: {exe} is missing: {SETUP_HINT}"
    return None


def discover_notebooks(folder: Path = NOTEBOOKS) -> list[str]:
    """The lesson notebooks in ``folder``, by name, sorted (``zh/NN_name.ipynb`` for a ``zh`` subfolder)."""
    return sorted(str(p.relative_to(NOTEBOOKS)) if folder != NOTEBOOKS and NOTEBOOKS in p.parents else p.name
                  for p in folder.glob("*.ipynb"))


def lesson_path(name: str) -> str:
    """Where a lesson notebook is served: the servers' root holds a copy of it under lessons/."""
    return f"lessons/{name}"


# --------------------------------------------------------------------------- servers

def free_port() -> int:
    """A TCP port on 127.0.0.1 that is free right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def copy_notebooks(src: Path, dst: Path) -> Path:
    """Copy the notebook folder ``src`` to ``dst`` (servers autosave: never serve the repo)."""
    shutil.copytree(src, dst, ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"))
    return dst


def _server_env(workdir: Path) -> dict[str, str]:
    """Environment of a server and its kernels: private Jupyter dirs, one BLAS thread."""
    env = dict(os.environ)
    env.pop("MPLBACKEND", None)
    env.update(JUPYTER_CONFIG_DIR=str(workdir / "config"), JUPYTER_DATA_DIR=str(workdir / "data"),
               JUPYTER_RUNTIME_DIR=str(workdir / "runtime"), IPYTHONDIR=str(workdir / "ipython"),
               JUPYTERLAB_WORKSPACES_DIR=str(workdir / "workspaces"),
               PYDEVD_DISABLE_FILE_VALIDATION="1", OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1",
               PYTHONUNBUFFERED="1")
    if COURSE_ROOT != REPO:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(COURSE_ROOT), env.get("PYTHONPATH")]))
    return env


def _lab_settings(workdir: Path) -> Path:
    """JupyterLab user settings: no news toast, every cell attached, no scrolling past the end."""
    settings = workdir / "lab-settings"
    files = {
        "@jupyterlab/apputils-extension/notification.jupyterlab-settings":
            {"fetchNews": "false", "checkForUpdates": False},
        "@jupyterlab/notebook-extension/tracker.jupyterlab-settings":
            {"windowingMode": "none", "scrollPastEnd": False, "kernelShutdown": True},
    }
    for name, value in files.items():
        path = settings / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(value))
    return settings


@dataclass
class Server:
    """A running notebook server: its process, address and log."""

    frontend: str
    process: subprocess.Popen
    port: int
    root: Path
    log: Path

    @property
    def base(self) -> str:
        """The server's address, without a token."""
        return f"http://127.0.0.1:{self.port}"

    def url(self, path: str) -> str:
        """The absolute URL of ``path`` on this server, token included."""
        sep = "&" if "?" in path else "?"
        return f"{self.base}{path}{sep}token={TOKEN}"

    def stop(self, timeout: float = 30.0) -> int | None:
        """Stop the server by its own process id (SIGTERM, then SIGKILL); return its exit code."""
        if self in _RUNNING:
            _RUNNING.remove(self)
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=timeout)
        return self.process.returncode

    def shutdown_kernels(self, notebook: str) -> None:
        """Shut down the kernel sessions of ``notebook`` (other notebooks may be running)."""
        try:
            sessions = json.loads(self._request("GET", "/api/sessions"))
        except (OSError, ValueError):
            return
        for session in sessions:
            if session.get("path") != notebook:
                continue
            try:
                self._request("DELETE", f"/api/sessions/{session['id']}")
            except OSError:
                pass

    def _request(self, method: str, path: str) -> bytes:
        req = urllib.request.Request(self.base + path, method=method,
                                     headers={"Authorization": f"token {TOKEN}"})
        with urllib.request.urlopen(req, timeout=10) as response:
            return response.read()


_RUNNING: list[Server] = []


@atexit.register
def _stop_leftover_servers() -> None:
    """Servers run in their own session: stop any still running when the interpreter exits."""
    for server in list(_RUNNING):
        server.stop(timeout=10)


def start_server(frontend: "Frontend", root: Path, workdir: Path, timeout: float = 90.0) -> Server:
    """Start ``frontend``'s server over ``root`` and wait until it answers."""
    workdir.mkdir(parents=True, exist_ok=True)
    port = free_port()
    log = workdir / f"{frontend.name}-server.log"
    cmd = frontend.command(port, root, workdir)
    with open(log, "w") as out:
        process = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, cwd=root,
                                   env=_server_env(workdir), start_new_session=True)
    server = Server(frontend.name, process, port, root, log)
    _RUNNING.append(server)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{frontend.name} server exited with {process.returncode}: "
                               f"{log.read_text()[-2000:]}")
        try:
            urllib.request.urlopen(server.url(frontend.ready_path), timeout=2).close()
            return server
        except (urllib.error.URLError, OSError):
            time.sleep(0.2)
    server.stop()
    raise TimeoutError(f"{frontend.name} server did not answer in {timeout:.0f} s: {log}")


@contextmanager
def running_server(frontend: "Frontend", root: Path, workdir: Path) -> Iterator[Server]:
    """A server for the duration of a ``with`` block, stopped by its process id afterwards."""
    server = start_server(frontend, root, workdir)
    try:
        yield server
    finally:
        server.stop()


# --------------------------------------------------------------------------- browser

def launch_browser(playwright: Any) -> Any:
    """Debian's Chromium, headless, with no network besides the loopback address."""
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS,
                                      chromium_sandbox=False)


def new_page(browser: Any) -> Any:
    """A page in a fresh context with the in-page probe (``window.coursePage``) installed."""
    context = browser.new_context(viewport=dict(VIEWPORT), device_scale_factor=1)
    context.add_init_script(path=str(PROBE_JS))
    return context.new_page()


def wait_stable(page: Any, expression: str, arg: Any = None, hold: float = 1.0,
                timeout: float = 60.0, interval: float = 0.2) -> Any:
    """Wait until the page expression is truthy and stays so for ``hold`` seconds; return it."""
    deadline = time.monotonic() + timeout
    since = None
    value = None
    while time.monotonic() < deadline:
        value = page.evaluate(expression, arg)
        if value:
            since = since or time.monotonic()
            if time.monotonic() - since >= hold:
                return value
        else:
            since = None
        time.sleep(interval)
    raise TimeoutError(f"page condition not met for {hold} s within {timeout:.0f} s "
                       f"(last value {value!r}): {expression[:120]}")


# --------------------------------------------------------------------------- front ends

_PROMPTS_DONE = """([cellSel, promptSel]) => {
    const prompts = [...document.querySelectorAll(cellSel)].map(c => c.querySelector(promptSel))
        .filter(Boolean).map(p => p.textContent.trim());
    if (!prompts.length || prompts.some(p => p.includes('*'))) return false;
    return prompts.some(p => /\\d/.test(p)) ? prompts.filter(p => !/\\d/.test(p)).length + 1 : false;
}"""


@dataclass(frozen=True)
class Frontend:
    """How to start, open, run and read one notebook front end."""

    name: str
    executable: str
    ready_path: str
    selectors: dict[str, str]
    scroller: str
    kernel_idle: str = ""
    measures_latency: bool = False

    def bin_dir(self) -> Path:
        """The venv folder holding the server's executable (by default the tests' own venv)."""
        return Path(sys.executable).parent

    def command(self, port: int, root: Path, workdir: Path) -> list[str]:
        """The server's command line: 127.0.0.1, ``port``, the token, serving ``root``."""
        raise NotImplementedError

    def open(self, page: Any, server: Server, path: str) -> None:
        """Open notebook ``path`` and wait until its kernel can run cells."""
        raise NotImplementedError

    def run_all(self, page: Any, path: str) -> None:
        """Start running every cell of the open notebook."""
        raise NotImplementedError

    def wait_done(self, page: Any, path: str, timeout: float) -> int:
        """Wait until every queued cell has run; return the number of cells that never ran."""
        done = wait_stable(page, _PROMPTS_DONE, [self.selectors["code_cell"], self.selectors["prompt"]],
                           hold=1.0, timeout=timeout)
        return int(done) - 1


def _allow_root() -> list[str]:
    """Jupyter refuses to run as root without ``--allow-root``."""
    return ["--allow-root"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []


class LabFrontend(Frontend):
    """JupyterLab 4: notebooks run through ``window.jupyterapp`` commands."""

    def command(self, port: int, root: Path, workdir: Path) -> list[str]:
        return [str(self.bin_dir() / self.executable), "--no-browser", *_allow_root(),
                "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}", "--ServerApp.port_retries=0",
                f"--IdentityProvider.token={TOKEN}", f"--ServerApp.root_dir={root}",
                "--LabApp.expose_app_in_browser=True", "--LabApp.news_url=",
                "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
                f"--LabApp.user_settings_dir={_lab_settings(workdir)}"]

    def open(self, page: Any, server: Server, path: str) -> None:
        page.goto(server.url(f"/lab/tree/{path}?reset"))
        page.wait_for_function("""nb => { const w = window.jupyterapp && jupyterapp.shell.currentWidget;
            const k = w && w.context && w.context.path === nb && w.sessionContext.session?.kernel;
            return k && k.status === 'idle'; }""", arg=path, timeout=OPEN_TIMEOUT * 1000)

    def run_all(self, page: Any, path: str) -> None:
        page.evaluate("jupyterapp.commands.execute('notebook:run-all-cells')")

    def wait_done(self, page: Any, path: str, timeout: float) -> int:
        page.wait_for_function("""() => { const k = jupyterapp.shell.currentWidget.sessionContext.session?.kernel;
            return k && k.status === 'idle'; }""", timeout=timeout * 1000)
        return super().wait_done(page, path, timeout)


class ClassicFrontend(Frontend):
    """The classic Notebook 6.5 (ipywidgets 7 kernel): notebooks run through ``Jupyter.notebook``."""

    def bin_dir(self) -> Path:
        return CLASSIC_VENV / "bin"

    def command(self, port: int, root: Path, workdir: Path) -> list[str]:
        return [str(self.bin_dir() / self.executable), "--no-browser", *_allow_root(),
                "--NotebookApp.ip=127.0.0.1", f"--NotebookApp.port={port}", "--NotebookApp.port_retries=0",
                f"--NotebookApp.token={TOKEN}", f"--NotebookApp.notebook_dir={root}"]

    def open(self, page: Any, server: Server, path: str) -> None:
        page.goto(server.url(f"/notebooks/{path}"))
        page.wait_for_function("""() => { const nb = window.Jupyter && Jupyter.notebook;
            const k = nb && nb.kernel;
            return k && k.widget_manager && k.info_reply && k.is_connected(); }""",
                               timeout=OPEN_TIMEOUT * 1000)
        # the widget manager registers its comm targets a moment after it exists; cells run
        # earlier leave the widget areas empty, without an error
        page.wait_for_timeout(2000)

    def run_all(self, page: Any, path: str) -> None:
        page.evaluate("Jupyter.notebook.execute_all_cells()")

    def wait_done(self, page: Any, path: str, timeout: float) -> int:
        page.wait_for_function("""() => !Jupyter.notebook.get_cells().some(c => c.element.hasClass('running'))
            && document.querySelector('#kernel_indicator_icon.kernel_idle_icon') !== null""",
                               timeout=timeout * 1000)
        return super().wait_done(page, path, timeout)


class VoilaFrontend(Frontend):
    """Voila: the notebook rendered as an app (outputs only, executed on page load)."""

    def command(self, port: int, root: Path, workdir: Path) -> list[str]:
        return [str(self.bin_dir() / self.executable), "--no-browser", f"--port={port}",
                "--Voila.ip=127.0.0.1", "--Voila.port_retries=0", f"--Voila.token={TOKEN}",
                "--VoilaConfiguration.show_tracebacks=True",
                f"--Voila.root_dir={root}"]

    def open(self, page: Any, server: Server, path: str) -> None:
        page.goto(server.url(f"/voila/render/{path}"), timeout=OPEN_TIMEOUT * 1000)

    def run_all(self, page: Any, path: str) -> None:
        """Voila runs every cell while it renders the page."""

    def wait_done(self, page: Any, path: str, timeout: float) -> int:
        wait_stable(page, """() => !document.querySelector('.voila-spinner, #loading')
            && document.querySelectorAll('.jp-OutputArea-output').length > 0
            && document.body.innerText.length""", hold=2.0, timeout=timeout)
        return 0


_LAB_SELECTORS = {
    "root": ".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook",
    "output": ".jp-OutputArea-output",
    "stderr": '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]',
    "widgetView": ".jp-OutputArea-output:not([data-mime-type])",
    "code_cell": ".jp-CodeCell",
    "prompt": ".jp-InputPrompt",
}
_CLASSIC_SELECTORS = {
    "root": "#notebook-container",
    "output": ".output_subarea",
    "stderr": ".output_stderr, .output_error",
    "widgetView": ".output_subarea.jupyter-widgets-view",
    "code_cell": ".code_cell",
    "prompt": ".input_prompt",
}
_VOILA_SELECTORS = dict(_LAB_SELECTORS, root="body")

FRONTENDS: dict[str, Frontend] = {
    "lab": LabFrontend("lab", "jupyter-lab", "/api/status", _LAB_SELECTORS,
                       scroller=".jp-NotebookPanel:not(.lm-mod-hidden) .jp-WindowedPanel-outer",
                       kernel_idle="() => jupyterapp.shell.currentWidget.sessionContext.session?.kernel?.status"
                                   " === 'idle'",
                       measures_latency=True),
    "classic": ClassicFrontend("classic", "jupyter-notebook", "/api/status", _CLASSIC_SELECTORS,
                               scroller="#site",
                               kernel_idle="() => !!document.querySelector('#kernel_indicator_icon.kernel_idle_icon')"),
    "voila": VoilaFrontend("voila", "voila", "/", _VOILA_SELECTORS, scroller="#rendered_cells"),
}


# --------------------------------------------------------------------------- observations

@dataclass
class ControlCheck:
    """How one control changed its panel's image; ``failures`` is empty when all went right."""

    panel: int
    control: int
    kind: str
    label: str
    moves: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    settle: str = ""
    settle_failure: str = ""


@dataclass
class LatencyStats:
    """Key press to new image, per move, in milliseconds (``shown``: new URL; ``decoded``)."""

    panel: int
    control: int
    label: str
    shown_ms: list[float]
    decoded_ms: list[float]
    missed: int = 0

    @property
    def median(self) -> float:
        """Median key press to decoded new image, in ms."""
        return statistics.median(self.decoded_ms) if self.decoded_ms else float("nan")

    @property
    def max(self) -> float:
        """Slowest key press to decoded new image, in ms."""
        return max(self.decoded_ms) if self.decoded_ms else float("nan")


@dataclass
class LessonRun:
    """Everything recorded about one notebook in one front end."""

    frontend: str
    notebook: str
    scan: dict = field(default_factory=dict)
    scan_after: dict = field(default_factory=dict)
    unexecuted: int = 0
    screenshot: str = ""
    controls: list[ControlCheck] = field(default_factory=list)
    latency: list[LatencyStats] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    failure: str = ""

    @property
    def panels(self) -> list[dict]:
        """The interactive panels found after "run all" (see ``page_probe.js``)."""
        return self.scan.get("panels", [])

    def to_json(self) -> dict:
        """The run as plain data (for build/browser/report.json)."""
        data = asdict(self)
        for stats, row in zip(self.latency, data["latency"]):
            row.update(median_ms=stats.median, max_ms=stats.max)
        return data


class _Clock:
    """Named wall-clock timings of the steps of a run."""

    def __init__(self, timings: dict[str, float]):
        self.timings = timings
        self.start = time.monotonic()

    @contextmanager
    def step(self, name: str) -> Iterator[None]:
        t0 = time.monotonic()
        try:
            yield
        finally:
            self.timings[name] = round(time.monotonic() - t0, 2)

    def total(self) -> None:
        self.timings["total"] = round(time.monotonic() - self.start, 2)


def scan_page(page: Any, frontend: Frontend) -> dict:
    """Tag the panels and describe the outputs (see ``page_probe.js``)."""
    return page.evaluate("sel => coursePage.scan(sel)", frontend.selectors)


def wait_for_images(page: Any, frontend: Frontend, timeout: float = IMAGES_TIMEOUT) -> bool:
    """Wait until every panel shows a decoded image; return whether they all did in time."""
    try:
        page.wait_for_function("""sel => { const root = document.querySelector(sel.root) || document.body;
            const n = coursePage.tag(root); return coursePage.allImagesShown(n); }""",
                               arg=frontend.selectors, timeout=timeout * 1000)
        return True
    except Exception:  # a timeout: the scan reports the panels without an image
        return False


_FULL_HEIGHT = """sel => { const el = document.querySelector(sel) || document.scrollingElement;
    el.scrollTop = 0;
    const below = window.innerHeight - el.getBoundingClientRect().bottom;
    return Math.ceil(el.getBoundingClientRect().top + el.scrollHeight + Math.max(below, 0)) + 20; }"""


def save_screenshot(page: Any, frontend: Frontend, path: Path) -> Path:
    """A screenshot of the whole notebook: the viewport grows until the front end's scrolling
    panel holds all of it, then shrinks back (a huge viewport makes every later repaint slow)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    height = page.evaluate(_FULL_HEIGHT, frontend.scroller)
    tall = min(max(VIEWPORT["height"], height), MAX_SCREENSHOT_HEIGHT)
    page.set_viewport_size({"width": VIEWPORT["width"], "height": tall})
    page.wait_for_timeout(800)
    page.screenshot(path=str(path), full_page=True)
    page.set_viewport_size(dict(VIEWPORT))
    page.wait_for_timeout(300)
    return path


# --------------------------------------------------------------------------- moving controls

def image_digest(page: Any, panel: int) -> str | None:
    """A digest of panel ``panel``'s image bytes (``None`` when it shows none)."""
    return page.evaluate("i => coursePage.imageDigest(i)", panel)


def readout(page: Any, panel: int, control: int) -> str:
    """The slider's readout text."""
    return page.evaluate("([i, j]) => coursePage.readout(i, j)", [panel, control])


def wait_image_change(page: Any, panel: int, before: str | None, timeout: float = MOVE_TIMEOUT) -> str | None:
    """Wait until the panel's image differs from ``before``; return the new digest (or ``None``)."""
    try:
        page.wait_for_function("([i, before]) => coursePage.imageChanged(i, before)",
                               arg=[panel, before], polling=50, timeout=timeout * 1000)
    except Exception:  # timed out: the image did not change
        return None
    page.wait_for_timeout(150)
    return image_digest(page, panel)


def wait_image(page: Any, panel: int, picture: str | None, timeout: float) -> bool:
    """Wait up to ``timeout`` s for the panel to show ``picture``; return whether it did."""
    try:
        page.wait_for_function("([i, d]) => coursePage.digestNow(i) === d", arg=[panel, picture],
                               polling=100, timeout=timeout * 1000)
        return True
    except Exception:  # timed out: another picture stayed
        return False


def _handle(page: Any, panel: int, control: int) -> Any:
    """The slider handle of control ``control`` of panel ``panel`` (ipywidgets 8 or 7)."""
    return page.locator(f'[data-course-control="{panel}.{control}"]').locator(
        ".noUi-handle, .ui-slider-handle").first


def _focus_handle(page: Any, panel: int, control: int) -> Any:
    """Scroll the slider handle into view and give it the keyboard focus."""
    handle = _handle(page, panel, control)
    handle.scroll_into_view_if_needed()
    handle.focus()
    return handle


def _press(page: Any, key: str, times: int = 1) -> None:
    """Press ``key`` ``times`` times, as fast as the browser takes them."""
    for _ in range(times):
        page.keyboard.press(key)


def _key_with_room(page: Any, panel: int, control: int) -> str:
    """The arrow key that moves the handle towards the longer part of its track."""
    fraction = page.evaluate("([i, j]) => coursePage.handleFraction(i, j)", [panel, control])
    return "ArrowLeft" if fraction is not None and fraction > 0.5 else "ArrowRight"


_OTHER = {"ArrowLeft": "ArrowRight", "ArrowRight": "ArrowLeft"}


class ControlDriver:
    """Moves the controls of a tagged page (see :func:`scan_page`) and watches panel images.

    ``timeout`` is how long one move may take to change its panel's image. Settling means:
    readout and image unchanged *and* the kernel idle, for ``SETTLE_HOLD`` seconds in a row,
    so a slow kernel working through queued updates is never mistaken for a settled one.
    """

    def __init__(self, page: Any, frontend: Frontend, timeout: float = MOVE_TIMEOUT):
        self.page = page
        self.frontend = frontend
        self.timeout = timeout

    def digest(self, panel: int) -> str | None:
        """The digest of the panel's image now."""
        return image_digest(self.page, panel)

    def wait_change(self, panel: int, before: str | None) -> str | None:
        """The digest of the panel's next image (``None`` if none came within the timeout)."""
        return wait_image_change(self.page, panel, before, self.timeout)

    def kernel_idle(self) -> bool:
        """Whether the front end shows the kernel idle (always true where it cannot tell)."""
        return bool(self.page.evaluate(self.frontend.kernel_idle)) if self.frontend.kernel_idle else True

    def wait_settled(self, panel: int, control: int) -> tuple[str, str | None, float]:
        """Wait until the panel has settled; return (readout, digest, seconds it took).

        Settled: kernel idle, readout and image unchanged for ``SETTLE_HOLD`` s, and still the
        same ``SETTLE_CONFIRM`` s later (a front end may hold back a queued value until the
        kernel is idle, then send it late when the machine is busy).
        """
        t0 = time.monotonic()
        while time.monotonic() - t0 < SETTLE_TIMEOUT:
            state = self._quiet(panel, control, t0)
            time.sleep(SETTLE_CONFIRM)
            if (readout(self.page, panel, control), self.digest(panel)) == state[:2] and self.kernel_idle():
                return state
        raise TimeoutError(f"panel {panel}: image or kernel still busy after {SETTLE_TIMEOUT:.0f} s")

    def _quiet(self, panel: int, control: int, t0: float) -> tuple[str, str | None, float]:
        """Wait for ``SETTLE_HOLD`` s of idle kernel and unchanged readout and image."""
        last, since = None, time.monotonic()
        while time.monotonic() - t0 < SETTLE_TIMEOUT:
            now = (readout(self.page, panel, control), self.digest(panel), self.kernel_idle())
            if now != last or not now[2]:
                last, since = now, time.monotonic()
            elif time.monotonic() - since >= SETTLE_HOLD:
                return now[0], now[1], since - t0
            time.sleep(0.1)
        raise TimeoutError(f"panel {panel}: image or kernel still busy after {SETTLE_TIMEOUT:.0f} s")

    def slow_step(self, panel: int, control: int, key: str, before: str | None) -> str | None:
        """Press ``key`` once and wait for the new image (one press, one update: the first new
        image is the final one), as a learner watching it; return its digest."""
        _press(self.page, key)
        return self.wait_change(panel, before)

    def exercise_slider(self, panel: int, control: int, label: str) -> ControlCheck:
        """One step changes the image; after a burst of quick presses the image settles on the
        picture of the final value (the same picture as when that value is reached step by step);
        quick presses back to the first value bring back the first picture."""
        check = ControlCheck(panel, control, "slider", label)
        _focus_handle(self.page, panel, control)
        key = _key_with_room(self.page, panel, control)
        r0, d0 = readout(self.page, panel, control), self.digest(panel)
        d1 = self.slow_step(panel, control, key, d0)
        r1 = readout(self.page, panel, control)
        check.moves.append(f"{key} {r0} -> {r1}: image {'changed' if d1 else 'unchanged'}")
        if r1 == r0:
            check.failures.append(f"{label!r}: {key} on the handle did not move the slider (readout {r0})")
            return check
        if d1 is None:
            check.failures.append(f"{label!r}: moving {r0} -> {r1} did not change the panel's image "
                                  f"within {self.timeout:.0f} s")
            return check
        _press(self.page, key, BURST)
        r_burst, d_burst, seconds = self.wait_settled(panel, control)
        check.settle = f"{BURST} x {key} -> {r_burst}, settled after {seconds:.1f} s"
        d_back = self.slow_step(panel, control, _OTHER[key], d_burst)
        d_slow = self.slow_step(panel, control, key, d_back) if d_back else None
        r_slow = readout(self.page, panel, control)
        if d_back is None or d_slow is None:
            check.failures.append(f"{label!r}: a single step after the burst did not change the image")
        elif r_slow != r_burst or d_slow != d_burst:
            check.settle_failure = (f"{label!r}: {BURST} quick presses ended on readout {r_burst}, but the "
                                    f"image settled on another picture than the one of {r_slow} reached "
                                    f"step by step")
        if not self.return_to(panel, control, _OTHER[key], r0, d0) and not check.settle_failure:
            check.settle_failure = (f"{label!r}: back at its first value {r0} after quick presses, the "
                                    f"panel shows another picture than at the start")
        return check

    def return_to(self, panel: int, control: int, key: str, start: str, picture: str | None) -> bool:
        """Press ``key`` quickly until the readout is ``start`` again (the other controls are then
        tried from the lesson's own state) and let it settle; return whether the panel shows
        ``picture`` again."""
        for _ in range(4 * BURST):
            if readout(self.page, panel, control) == start:
                break
            _press(self.page, key)
        if self.wait_settled(panel, control)[1] == picture:
            return True
        return wait_image(self.page, panel, picture, LATE_PATIENCE)

    def exercise_toggle(self, panel: int, control: int, label: str, options: list[str],
                        selected: list[str]) -> ControlCheck:
        """Clicking each other option changes the image; clicking the first one again restores it."""
        check = ControlCheck(panel, control, "toggle", label)
        start = selected[0] if selected else options[0]
        d_start = self.digest(panel)
        current, d_current = start, d_start
        for option in [o for o in options if o != start] + [start]:
            button = self.page.locator(f'[data-course-control="{panel}.{control}"] button').filter(
                has_text=option).first
            button.click(timeout=self.timeout * 1000)
            d_new = self.wait_change(panel, d_current)
            check.moves.append(f"click {current!r} -> {option!r}: image {'changed' if d_new else 'unchanged'}")
            if d_new is None:
                check.failures.append(f"{label!r}: clicking {option!r} (from {current!r}) did not change the image")
                return check
            current, d_current = option, d_new
        if d_current != d_start:
            check.failures.append(f"{label!r}: back on {start!r} the image differs from the first one")
        return check

    def exercise_all(self, scan: dict) -> list[ControlCheck]:
        """Move every control of every panel, one at a time, in page order."""
        checks = []
        for p in scan["panels"]:
            for j, c in enumerate(p["controls"]):
                try:
                    if c["kind"] == "slider":
                        checks.append(self.exercise_slider(p["index"], j, c["label"]))
                    else:
                        checks.append(self.exercise_toggle(p["index"], j, c["label"], c["options"],
                                                           c["selected"]))
                except Exception as exc:  # a timeout or a detached element: report it, go on
                    check = ControlCheck(p["index"], j, c["kind"], c["label"])
                    check.failures.append(f"{c['label']!r}: {type(exc).__name__}: {str(exc)[:300]}")
                    checks.append(check)
        return checks


# --------------------------------------------------------------------------- latency

def measure_key_latency(page: Any, panel: int, control: int, moves: int = LATENCY_MOVES,
                        label: str = "", timeout: float = 5.0) -> LatencyStats:
    """Press an arrow key on a slider ``moves`` times, each time timing (in the page's clock)
    from the key press to the panel's new image (``shown``) and to its decoding (``decoded``).

    The page must carry the probe (:func:`new_page`) and be tagged (:func:`scan_page`). Moves
    alternate between two neighbouring values, starting towards the longer part of the track.
    """
    stats = LatencyStats(panel, control, label, [], [])
    _focus_handle(page, panel, control)
    key = _key_with_room(page, panel, control)
    for _ in range(moves):
        page.evaluate("i => coursePage.arm(i)", panel)
        page.keyboard.press(key)
        try:
            page.wait_for_function("() => coursePage.latencyReady()", polling=10, timeout=timeout * 1000)
            result = page.evaluate("() => coursePage.latency()")
            stats.shown_ms.append(round(result["shown"], 1))
            stats.decoded_ms.append(round(result["decoded"], 1))
        except Exception:  # this move never showed a new image
            page.evaluate("() => coursePage.disarm()")
            stats.missed += 1
        page.wait_for_timeout(100)
        key = _OTHER[key]
    return stats


def measure_panels_latency(page: Any, scan: dict, moves: int = LATENCY_MOVES,
                           skip: set[int] = frozenset()) -> list[LatencyStats]:
    """Latency of the first slider of every panel that has one (except the panels in ``skip``)."""
    results = []
    for p in scan["panels"]:
        sliders = [j for j, c in enumerate(p["controls"]) if c["kind"] == "slider"]
        if sliders and p["index"] not in skip:
            label = p["controls"][sliders[0]]["label"]
            results.append(measure_key_latency(page, p["index"], sliders[0], moves, label))
    return results


# --------------------------------------------------------------------------- one lesson

def _failure_screenshot(page: Any, frontend: Frontend, notebook: str) -> str:
    """Keep what the page showed when a run broke off; return a line saying where."""
    path = BUILD / "failures" / f"{Path(notebook).stem}-{frontend.name}.png"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(path), timeout=10_000)
    except Exception:  # the page itself is gone
        return ""
    return f"\n(the page at that moment: {path})"


@dataclass(frozen=True)
class Job:
    """One notebook to look at: where its screenshot goes, whether to time key presses, and
    how long one control move may take to change the image."""

    notebook: str
    screenshot: Path | None = None
    latency: bool = False
    move_timeout: float = MOVE_TIMEOUT


def run_lesson(browser: Any, frontend: Frontend, server: Server, job: Job) -> LessonRun:
    """Open the job's notebook on ``server``, run it, look at it, screenshot it, move every
    control, time the key presses (if asked and the front end measures latency), look again."""
    run = LessonRun(frontend.name, job.notebook)
    clock = _Clock(run.timings)
    page = new_page(browser)
    try:
        with clock.step("open"):
            frontend.open(page, server, job.notebook)
        with clock.step("run"):
            frontend.run_all(page, job.notebook)
            run.unexecuted = frontend.wait_done(page, job.notebook, RUN_TIMEOUT)
        with clock.step("images"):
            wait_for_images(page, frontend)
        run.scan = scan_page(page, frontend)
        if job.screenshot is not None:
            with clock.step("screenshot"):
                run.screenshot = str(save_screenshot(page, frontend, job.screenshot))
        with clock.step("controls"):
            run.controls = ControlDriver(page, frontend, job.move_timeout).exercise_all(run.scan)
        if job.latency and frontend.measures_latency:
            broken = {c.panel for c in run.controls if c.failures or c.settle_failure}
            with clock.step("latency"):
                run.latency = measure_panels_latency(page, run.scan, skip=broken)
        run.scan_after = scan_page(page, frontend)
    except Exception:
        run.failure = traceback.format_exc(limit=6) + _failure_screenshot(page, frontend, job.notebook)
    finally:
        page.context.close()
        server.shutdown_kernels(job.notebook)
        clock.total()
    return run


# --------------------------------------------------------------------------- problems

def _incomplete(run: LessonRun) -> list[str]:
    """A run that broke off proves nothing: every check reports it."""
    return [f"the run did not complete: {run.failure}"] if run.failure else []


def problems_errors(run: LessonRun) -> list[str]:
    """(a) errors, tracebacks and stderr, before and after the controls moved; cells not run."""
    found = _incomplete(run)
    found += [f"error/stderr output: {t}" for t in run.scan.get("errors", [])]
    found += [f"error/stderr output after moving the controls: {t}"
              for t in run.scan_after.get("errors", []) if t not in run.scan.get("errors", [])]
    if run.unexecuted:
        found.append(f"{run.unexecuted} code cell(s) never ran (run all stopped early)")
    return found


def problems_widgets(run: LessonRun) -> list[str]:
    """(b) widgets that failed to render or are shown as their text repr."""
    found = _incomplete(run)
    for scan in (run.scan, run.scan_after):
        found += [f"widget error: {t}" for t in scan.get("widgetErrors", [])]
        found += [f"widget shown as text: {t[:160]}" for t in scan.get("widgetsAsText", [])]
        if scan.get("unrenderedWidgets"):
            found.append(f"{scan['unrenderedWidgets']} of {scan['widgetViews']} widget outputs show no widget")
    return list(dict.fromkeys(found))


def problems_figures(run: LessonRun) -> list[str]:
    """(c) figures shown as text anywhere; interactive panels without an image."""
    found = _incomplete(run)
    for scan in (run.scan, run.scan_after):
        found += [f"figure shown as text: {t[:160]}" for t in scan.get("figuresAsText", [])]
    found += _unchecked_widgets(run, "figures")
    for p in run.panels:
        img = p["image"]
        if not img.get("present"):
            found.append(f"panel {p['index']} ({_panel_name(p)}) shows no image")
        elif not img.get("naturalWidth"):
            found.append(f"panel {p['index']} ({_panel_name(p)}) has an image that did not load")
    return list(dict.fromkeys(found))


def problems_controls(run: LessonRun) -> list[str]:
    """(d) every control present, visible and labelled; each move changes the panel's image."""
    found = _incomplete(run) + _unchecked_widgets(run, "controls")
    for p in run.panels:
        if not p["controls"]:
            found.append(f"panel {p['index']} has no controls")
        for c in p["controls"]:
            found += [f"panel {p['index']}: {m}" for m in _control_defects(c)]
    found += [f"panel {c.panel}: {f}" for c in run.controls for f in c.failures]
    exercised = {(c.panel, c.control) for c in run.controls}
    expected = {(p["index"], j) for p in run.panels for j in range(len(p["controls"]))}
    if run.controls or expected:
        found += [f"panel {i} control {j} was never moved" for i, j in sorted(expected - exercised)]
    return found


def problems_settling(run: LessonRun) -> list[str]:
    """(d) after a burst of quick key presses the image shows the final value."""
    return _incomplete(run) + [f"panel {c.panel}: {c.settle_failure}" for c in run.controls if c.settle_failure]


def problems_captions(run: LessonRun) -> list[str]:
    """(e) every interactive figure has one caption, below its image."""
    found = _incomplete(run) + _unchecked_widgets(run, "captions")
    for p in run.panels:
        if not p["captions"]:
            found.append(f"panel {p['index']} ({_panel_name(p)}) has no caption")
        elif not p["captionAfterImage"]:
            found.append(f"panel {p['index']} ({_panel_name(p)}): the caption is not below the image")
        elif len(p["captions"]) > 1:
            found.append(f"panel {p['index']} ({_panel_name(p)}) has {len(p['captions'])} captions")
    return found


def _unchecked_widgets(run: LessonRun, what: str) -> list[str]:
    """Widgets that did not render hide their panels: the per-panel checks say so too."""
    n = run.scan.get("unrenderedWidgets", 0)
    return [f"{n} widget output(s) show no widget: their {what} could not be checked"] if n else []


def _panel_name(panel: dict) -> str:
    """A panel named by its controls' labels, for messages."""
    return ", ".join(c["label"] for c in panel["controls"]) or "no controls"


def _control_defects(c: dict) -> list[str]:
    """What is missing from one control as the page shows it."""
    name = c["label"] or "(unlabelled)"
    found = [] if c["label"] else [f"a {c['kind']} without a label"]
    if not c["visible"]:
        found.append(f"{name!r} is not visible")
    if c["kind"] == "slider" and not (c["hasHandle"] and c["readout"]):
        found.append(f"{name!r} has no handle or no readout")
    if c["kind"] == "toggle" and (len(c["options"]) < 2 or len(c["selected"]) != 1):
        found.append(f"{name!r} has options {c['options']} with {c['selected']} selected")
    return found


CHECKS: dict[str, Callable[[LessonRun], list[str]]] = {
    "errors": problems_errors,
    "widgets": problems_widgets,
    "figures": problems_figures,
    "controls": problems_controls,
    "settling": problems_settling,
    "captions": problems_captions,
}


# --------------------------------------------------------------------------- many lessons at once

class Results:
    """Lesson runs as they finish, from any thread; :meth:`get` waits for one."""

    def __init__(self):
        self._runs: dict[tuple[str, str], LessonRun] = {}
        self._changed = threading.Condition()
        self.frontend_seconds: dict[str, float] = {}
        self.started = time.monotonic()

    def put(self, run: LessonRun) -> None:
        with self._changed:
            self._runs[(run.frontend, run.notebook)] = run
            self._changed.notify_all()

    def put_missing(self, run: LessonRun) -> None:
        """Record ``run`` only if its notebook has no result yet (so no test waits forever)."""
        with self._changed:
            if (run.frontend, run.notebook) not in self._runs:
                self._runs[(run.frontend, run.notebook)] = run
                self._changed.notify_all()

    def get(self, frontend: str, notebook: str, timeout: float = 900.0) -> LessonRun:
        with self._changed:
            if not self._changed.wait_for(lambda: (frontend, notebook) in self._runs, timeout):
                raise TimeoutError(f"no result for {notebook} in {frontend} after {timeout:.0f} s")
            return self._runs[(frontend, notebook)]

    def all(self) -> list[LessonRun]:
        with self._changed:
            return list(self._runs.values())


def screenshot_path(frontend: str, notebook: str) -> Path:
    """Where the screenshot of ``notebook`` in ``frontend`` goes."""
    edition = "zh-" if Path(notebook).parent.name == "zh" else ""
    return SCREENSHOTS / f"{edition}{Path(notebook).stem}-{frontend}.png"


def start_servers(names: list[str], prepare_root: Callable[[Path], Path]) -> dict[str, Server]:
    """One server per front end, each over a fresh folder under build/browser that
    ``prepare_root(folder)`` fills with the notebooks to serve; started side by side."""
    BUILD.mkdir(parents=True, exist_ok=True)
    servers: dict[str, Server] = {}
    errors: dict[str, str] = {}

    def start(name: str) -> None:
        workdir = Path(tempfile.mkdtemp(prefix=f"work-{name}-", dir=BUILD))
        try:
            servers[name] = start_server(FRONTENDS[name], prepare_root(workdir / "root"), workdir)
        except Exception:
            errors[name] = traceback.format_exc(limit=4)

    threads = [threading.Thread(target=start, args=(name,)) for name in names]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        for server in servers.values():
            server.stop()
        raise RuntimeError("\n".join(f"{name}: {error}" for name, error in errors.items()))
    return servers


def stop_servers(servers: dict[str, Server]) -> None:
    """Stop every server by its process id; remove the notebook copies, keep the logs."""
    for server in servers.values():
        server.stop()
        shutil.rmtree(server.root, ignore_errors=True)


def _work(queue: list[tuple[str, Job]], lock: threading.Lock, servers: dict[str, Server],
          results: Results) -> None:
    """A worker: one browser, jobs taken from the shared queue until it is empty."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = launch_browser(p)
        while True:
            with lock:
                if not queue:
                    break
                name, job = queue.pop(0)
            run = run_lesson(browser, FRONTENDS[name], servers[name], job)
            results.put(run)
            results.frontend_seconds[name] = round(time.monotonic() - results.started, 1)
        browser.close()


def run_jobs(plan: list[tuple[str, Job]], prepare_root: Callable[[Path], Path], results: Results,
             workers: int = 3) -> None:
    """Run every (front end, job) of ``plan``, in that order, on ``workers`` browsers at once.

    One server per front end serves all its notebooks; each worker thread has its own browser
    and takes the next job when it finishes one. Servers are stopped when every job is done.
    A failure to start a server or a browser is recorded as the failure of the jobs concerned.
    """
    results.started = time.monotonic()
    try:
        servers = start_servers(sorted({name for name, _ in plan}), prepare_root)
    except Exception:
        failure = traceback.format_exc(limit=6)
        for name, job in plan:
            results.put(LessonRun(name, job.notebook, failure=failure))
        return
    queue, lock = list(plan), threading.Lock()
    try:
        threads = [threading.Thread(target=_work, args=(queue, lock, servers, results),
                                    name=f"browser-worker-{k}", daemon=True) for k in range(workers)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        stop_servers(servers)
        failure = "the browser workers stopped before this run (see the output above)"
        for name, job in plan:
            results.put_missing(LessonRun(name, job.notebook, failure=failure))
