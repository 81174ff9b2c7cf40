"""The browser checks can fail: each defect of ``synthetic.broken_notebook`` is caught, in both
front ends, while ``synthetic.clean_notebook`` and the clean panel next to the broken ones pass."""
from __future__ import annotations

import pytest

import harness
import synthetic

pytestmark = pytest.mark.parametrize("frontend", ["lab", "classic"])

CLEAN = pytest.mark.parametrize("notebook", [synthetic.CLEAN], ids=["clean"])
BROKEN = pytest.mark.parametrize("notebook", [synthetic.BROKEN], ids=["broken"])


def panels_named(problems: list[str]) -> set[int]:
    """The panel numbers the problems are about."""
    return {int(p.split()[1].rstrip(":")) for p in problems if p.startswith("panel ")}


def completed(run: harness.LessonRun) -> harness.LessonRun:
    """The run, once it is clear that it went through and found every synthetic panel."""
    assert not run.failure, run.failure
    assert len(run.panels) == (1 if run.notebook == synthetic.CLEAN else len(synthetic.BROKEN_PANELS))
    return run


@CLEAN
def test_clean_notebook_passes_every_check(lesson_run):
    run = completed(lesson_run)
    problems = {name: check(run) for name, check in harness.CHECKS.items()}
    assert not any(problems.values()), problems


@BROKEN
def test_catches_traceback_and_stderr(lesson_run):
    problems = "\n".join(harness.problems_errors(completed(lesson_run)))
    assert "ValueError: a cell that fails" in problems
    assert "a warning on stderr" in problems


@BROKEN
def test_catches_figure_shown_as_text(lesson_run):
    problems = harness.problems_figures(completed(lesson_run))
    as_text = [p for p in problems if p.startswith("figure shown as text")]
    assert as_text == ["figure shown as text: <Figure size 300x200 with 1 Axes>"], problems


@BROKEN
def test_catches_widget_shown_as_text(lesson_run):
    problems = harness.problems_widgets(completed(lesson_run))
    assert any("widget shown as text: VBox(children=(IntSlider(" in p for p in problems), problems


@BROKEN
def test_catches_widget_that_does_not_render(lesson_run):
    problems = harness.problems_widgets(completed(lesson_run))
    assert any(p.startswith("1 of ") and p.endswith("widget outputs show no widget") for p in problems), problems


@BROKEN
def test_catches_control_that_stopped_updating_its_figure(lesson_run):
    problems = harness.problems_controls(completed(lesson_run))
    assert any("'frequency': moving" in p and "did not change the panel's image" in p for p in problems), problems
    assert 0 not in panels_named(problems) and 1 in panels_named(problems)


@BROKEN
def test_catches_burst_that_ends_on_a_stale_figure(lesson_run):
    problems = harness.problems_settling(completed(lesson_run))
    assert panels_named(problems) == {2}, problems


@BROKEN
def test_catches_missing_caption(lesson_run):
    problems = harness.problems_captions(completed(lesson_run))
    assert panels_named(problems) == {3}, problems
