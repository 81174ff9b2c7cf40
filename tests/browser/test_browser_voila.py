"""Voila smoke test: the first lesson as an app (outputs only, run on page load) shows no error,
renders its widgets and figures, and its controls move their figures."""
from __future__ import annotations

import pytest

import harness

LESSONS = harness.discover_notebooks()
FIRST = [harness.lesson_path(LESSONS[0])] if LESSONS else []

pytestmark = [pytest.mark.parametrize("notebook", FIRST, ids=lambda nb: nb.split("/")[-1].removesuffix(".ipynb")),
              pytest.mark.parametrize("frontend", ["voila"])]


def test_voila_renders_the_lesson(lesson_run):
    problems = (harness.problems_errors(lesson_run) + harness.problems_widgets(lesson_run)
                + harness.problems_figures(lesson_run))
    assert not problems, "\n".join(problems)
    assert lesson_run.panels, "Voila shows no interactive panel"


def test_voila_controls_move_their_figures(lesson_run):
    problems = harness.problems_controls(lesson_run) + harness.problems_settling(lesson_run)
    assert not problems, "\n".join(problems)
