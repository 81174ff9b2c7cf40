"""Every lesson has its README figure in assets/ (``make figures``) and the README shows it."""
from __future__ import annotations

from pathlib import Path

import pytest

from course_lib import catalog
from make_figures import figure_path

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text()


@pytest.mark.parametrize("name", list(catalog.LESSONS))
def test_lesson_figure_exists_and_is_shown(name):
    package = catalog.LESSONS[name]
    path = figure_path(package)
    assert path.is_file(), f"{path.relative_to(ROOT)} is missing: run `make figures`"
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", f"{path.name} is not a PNG"
    assert f"assets/{path.name}" in README, f"README.md does not show assets/{path.name}"


def test_every_readme_demo_is_a_registered_demo():
    for package in catalog.LESSONS.values():
        assert package.README_DEMO in package.DEMOS, package.__name__
