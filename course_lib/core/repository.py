"""Where the course lives online: the single place that names the repository.

The Colab setup cell and the Open-in-Colab badges of every notebook, and the README's Binder badge
and Colab links, are generated from these constants by ``tools/sync_notebooks.py`` (``make sync``);
a test fails when a notebook or the README is out of sync. The website's Colab, Binder and source
links are made from the same functions. A fork changes ``GITHUB_REPO`` (and ``BRANCH``) here and
runs ``make sync``.
"""
from __future__ import annotations

GITHUB_REPO = "more-is-different/course"
BRANCH = "main"


def pip_spec() -> str:
    """Return the pip requirement that installs course_lib from the repository."""
    return f"course_lib @ git+https://github.com/{GITHUB_REPO}@{BRANCH}"


def colab_url(notebook: str) -> str:
    """Return the Open-in-Colab address of ``notebooks/<notebook>``."""
    return f"https://colab.research.google.com/github/{GITHUB_REPO}/blob/{BRANCH}/notebooks/{notebook}"


def colab_badge(notebook: str) -> str:
    """Return the markdown of the Open-in-Colab badge for ``notebooks/<notebook>``."""
    return (f"[![Open In Colab](https://colab.research.google.com/assets/colab-badge.svg)]"
            f"({colab_url(notebook)})")


def binder_url(notebook: str) -> str:
    """Return the Binder address that opens ``notebooks/<notebook>`` in JupyterLab."""
    return f"https://mybinder.org/v2/gh/{GITHUB_REPO}/{BRANCH}?urlpath=lab/tree/notebooks/{notebook}"


def binder_badge(notebook: str) -> str:
    """Return the markdown of the Binder badge that opens ``notebooks/<notebook>``."""
    return f"[![Binder](https://mybinder.org/badge_logo.svg)]({binder_url(notebook)})"


def github_url(path: str = "") -> str:
    """Return the address of ``path`` (a file of the repository) on GitHub, or of the repository."""
    return f"https://github.com/{GITHUB_REPO}" + (f"/blob/{BRANCH}/{path}" if path else "")


def pages_url() -> str:
    """Return the address GitHub Pages publishes the course website at (``make site``, from main)."""
    owner, name = GITHUB_REPO.split("/")
    return f"https://{owner.lower()}.github.io/{name}/"
