"""Where the course lives online: the single place that names the repository.

The Colab setup cell and the Open-in-Colab badges of every notebook are generated from
these constants by ``tools/sync_notebooks.py``; a test fails when a notebook is out of sync.
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
