"""Open the course in JupyterLab at lesson 00, with a quiet first screen (``make lab``).

``--language zh`` (``make lab LANG=zh``) opens lesson 00 of the Chinese edition instead.

JupyterLab's own start-up log (extension notices, server banners) reads like errors to a
newcomer, and the address it prints lands on the Launcher. This prints only what a learner
needs, the address of lesson 00 and how to stop, then hands over to ``jupyter lab`` with
warnings and errors still shown. Extra arguments (``--no-browser``, say) go to ``jupyter lab``.
"""
from __future__ import annotations

import os
import re
import secrets
import signal
import socket
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
START = "notebooks/00_start_here.ipynb"
#: lesson 00 in each language the course is written in
STARTS = {"en": START, "zh": "notebooks/zh/00_start_here.ipynb"}


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def lab_command(port: int, token: str, extra: list[str], start: str = START) -> list[str]:
    """The ``jupyter lab`` command line for the course folder, opening ``start``."""
    command = [sys.executable, "-m", "jupyterlab", f"--ServerApp.root_dir={ROOT}", "--ServerApp.ip=127.0.0.1",
               f"--ServerApp.port={port}", "--ServerApp.port_retries=0", f"--IdentityProvider.token={token}",
               "--ServerApp.log_level=WARN", "--LabApp.log_level=WARN", "--JupyterApp.answer_yes=True",
               "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"]
    if os.geteuid() == 0:
        command.append("--allow-root")
    return command + extra + [start]


#: jupyter_server's deprecation notices (for its developers, not for learners): the line and its source line
_NOISE = re.compile(r"DeprecationWarning|^\s+return self\._get_trait_default_generator")


def split_language(argv: list[str]) -> tuple[str, list[str]]:
    """``--language en|zh`` (default en) and the arguments left for ``jupyter lab``."""
    language, extra = "en", []
    args = iter(argv)
    for arg in args:
        if arg == "--language" or arg.startswith("--language="):
            language = arg.partition("=")[2] or next(args, "")
            if language not in STARTS:
                raise SystemExit(f"--language must be one of {sorted(STARTS)}, got {language!r}")
        else:
            extra.append(arg)
    return language, extra


def main(argv: list[str]) -> int:
    language, extra = split_language(argv)
    start = STARTS[language]
    port, token = free_port(), secrets.token_hex(16)
    print(("Lesson 00 opens at" if language == "en" else "第 00 课的地址：") +
          f"  http://127.0.0.1:{port}/lab/tree/{start}?token={token}\n" +
          ("Stop the server with Ctrl+C in this terminal." if language == "en" else
           "在本终端按 Ctrl+C 停止服务器。"), flush=True)
    server = subprocess.Popen(lab_command(port, token, extra, start), stderr=subprocess.PIPE, text=True)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C reaches the server, which stops at once
    for line in server.stderr:
        if not _NOISE.search(line):
            sys.stderr.write(line)
    return server.wait()


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
