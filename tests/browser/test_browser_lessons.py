"""Every lesson, as a learner sees it after "run all", in JupyterLab (ipywidgets 8) and in the
classic Notebook with an ipywidgets 7.7.1 kernel (Colab's widget version).

Each test reads one check of the recorded run (see ``harness.problems_*``):
(a) no error, traceback or stderr; (b) every widget renders; (c) no figure shown as text and
an image in every interactive panel; (d) every control present and each move changes its
panel's image, and a burst of quick key presses ends on the picture of the final value;
(e) a caption under every interactive figure. Screenshots: build/browser/screenshots/.

The Chinese edition (``notebooks/zh/``) runs in JupyterLab: its widgets are the English lessons'
own (the same code), so the classic Notebook adds little for it beyond minutes of the suite; its
screenshots are ``zh-NN_name-lab.png``.
"""
from __future__ import annotations

import pytest

import harness

LESSONS = [harness.lesson_path(name) for name in harness.discover_notebooks()]
ZH_LESSONS = [harness.lesson_path(name) for name in harness.discover_notebooks(harness.NOTEBOOKS / "zh")]
FRONTENDS = ["lab", "classic"]
RUNS = [(nb, fe) for fe in FRONTENDS for nb in LESSONS] + [(nb, "lab") for nb in ZH_LESSONS]


def _id(notebook: str) -> str:
    """``03_grokking``, or ``zh-03_grokking`` for the Chinese edition."""
    return notebook.removeprefix("lessons/").replace("/", "-").removesuffix(".ipynb")


pytestmark = [pytest.mark.parametrize("notebook, frontend", RUNS, ids=[f"{_id(nb)}-{fe}" for nb, fe in RUNS])]


def assert_none(problems: list[str], run: harness.LessonRun) -> None:
    """Fail with every problem listed, and where to look."""
    where = f"{run.notebook} in {run.frontend}" + (f" (screenshot {run.screenshot})" if run.screenshot else "")
    assert not problems, f"{where}:\n  " + "\n  ".join(problems)


def test_no_errors_or_stderr(lesson_run):
    assert_none(harness.problems_errors(lesson_run), lesson_run)


def test_every_widget_renders(lesson_run):
    assert_none(harness.problems_widgets(lesson_run), lesson_run)


def test_figures_are_images(lesson_run):
    assert_none(harness.problems_figures(lesson_run), lesson_run)


def test_every_control_moves_its_figure(lesson_run):
    assert_none(harness.problems_controls(lesson_run), lesson_run)


def test_quick_key_presses_settle_on_the_final_value(lesson_run):
    assert_none(harness.problems_settling(lesson_run), lesson_run)


def test_every_interactive_figure_has_its_caption(lesson_run):
    assert_none(harness.problems_captions(lesson_run), lesson_run)


def test_screenshot_saved(lesson_run):
    assert not lesson_run.failure, lesson_run.failure
    assert lesson_run.screenshot and harness.Path(lesson_run.screenshot).stat().st_size > 0
