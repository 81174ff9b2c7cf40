"""Draw each lesson's README figure into ``assets/`` (``make figures``).

Every lesson package names, as ``README_DEMO``, the demo whose default view stands for the
lesson in the README's lesson table; this script builds that demo from the course's own code,
draws it at its defaults and writes ``assets/<notebook name>.png`` (``assets/02_mirage.png``).
``tests/test_readme_figures.py`` fails when a lesson's figure is missing or the README does
not show it.
"""
from __future__ import annotations

from pathlib import Path

from course_lib import catalog
from course_lib.core.style import render_png

ASSETS = Path(__file__).resolve().parents[1] / "assets"


def figure_path(package) -> Path:
    """Where the README figure of a lesson package goes."""
    return ASSETS / (package.NOTEBOOK.removesuffix(".ipynb") + ".png")


def main() -> None:
    ASSETS.mkdir(exist_ok=True)
    for package in catalog.LESSONS.values():
        demo = catalog.make_demo(package.README_DEMO)
        demo.update()
        path = figure_path(package)
        path.write_bytes(render_png(demo.fig))
        print(f"wrote {path.relative_to(ASSETS.parent)} ({path.stat().st_size / 1e3:.0f} kB)")


if __name__ == "__main__":
    main()
