"""Each lesson, run twice side by side on fresh kernels: as committed, and as a learner finishes it.

The *committed* run executes the notebook as it is in the repository, where every exercise is
still a stub: each check must report "not implemented yet" and nothing may fail. The *solved*
run replaces each stub by the solution printed in the notebook's own "Solution" dropdown and
appends a cell that moves every control of every panel through all its options (or its
minimum, maximum and default): every check must then pass, and a slider position that only a
browser would reach gets exercised.

The text output (stdout and ``text/plain``, memory addresses and timings masked) of every
code cell that is not part of an exercise must be identical in the two runs. That proves the
lesson is deterministic *and* that no later cell depends on the learner's answer. Both runs
must also show every figure as an image, never as the text ``<Figure size ...>``.

Every number the lesson's prose states must be printed by the committed run, be a published
constant of ``course_lib.papers`` or be on the lesson's allow-list (``tools/prose_numbers.py``).
The executed committed run is written to ``build/executed/`` so the prose can be rechecked with
``tools/prose_numbers.py --executed`` without running the lesson again.

The Chinese edition (``notebooks/zh/``) is run the same way, its checks' words read from the Chinese
message catalogue; its figures must never miss a glyph (matplotlib's "Glyph ... missing" warning
fails the run), so a figure never shows empty boxes in place of characters.

``COURSE_LESSON=02`` (``make test LESSON=02``) restricts the run to one lesson, in both languages.

With ``COURSE_TEST_SITE_FRAMES=<folder>`` (``make test`` sets it), the committed run also draws the
website's kernel-free frames into ``<folder>/<lesson>`` (``<folder>/zh/<lesson>``), so the site build
that follows reuses this run instead of executing every lesson again (``build_site.py --executed``).
The players those frames add are not read as printed numbers (``tools/prose_numbers.py``).
"""
from __future__ import annotations

import os
import re
import shutil
import string
from pathlib import Path

import nbformat
import pytest

from execute_notebook import execute_many, sanitise, text_outputs
from prose_numbers import allow_list_for, read_allow_list, unbound_numbers

from course_lib.core.messages import CATALOGUES, message

ROOT = Path(__file__).resolve().parents[2]
EXECUTED = ROOT / "build" / "executed"
CELL_TIMEOUT = 120  # seconds, as for nbval in `make test`
SOLUTION = re.compile(r"<summary>(?:Solution|参考答案)</summary>.*?```python\n(.*?)```", re.S)
STUB = re.compile(r"^\s*def (\w+)\(.*raise NotImplementedError", re.S)
CHECK_CALL = re.compile(r"^checks\.\w+\(", re.M)
GLYPH_MISSING = re.compile(r"Glyph \d+ .*missing from (?:current )?font")


#: what a check prints when every case passed: the general line, and the lessons' own
PASS_KEYS = ("check.all_pass", "mirage.emergent_metric.passed", "mirage.jump_verdict.passed")


def template_pattern(key: str, lang: str) -> str:
    """A regex for the catalogue sentence ``key`` in ``lang``: its words as they are, each field as
    any text (fields at either end dropped, so a sentence is found inside a line)."""
    parts = []
    for literal, field, _, _ in string.Formatter().parse(CATALOGUES[lang][key]):
        parts.append(re.escape(literal))
        if field is not None:
            parts.append(".*?")
    while parts and parts[0] in (".*?", ""):
        parts.pop(0)
    while parts and parts[-1] in (".*?", ""):
        parts.pop()
    return "".join(parts)


def check_words(lang: str) -> dict[str, re.Pattern]:
    """What a check prints in ``lang``, as patterns: a pass, a stub not filled in, a differing case."""
    return {"passed": re.compile("|".join(template_pattern(k, lang) for k in PASS_KEYS)),
            "not_implemented": re.compile(template_pattern("check.not_implemented", lang)),
            "differs": re.compile(template_pattern("check.differs", lang))}


SITE_FRAMES_FROM_TESTS = "COURSE_TEST_SITE_FRAMES"


def site_frames_env(path: Path) -> dict[str, str] | None:
    """The committed run's extra environment when ``COURSE_TEST_SITE_FRAMES`` names a frames folder:
    where its panels write the website's frames and the address the page reaches them by
    (as ``tools/build_site.py`` sets them); the lesson's old frames are removed first."""
    folder = os.environ.get(SITE_FRAMES_FROM_TESTS, "").strip()
    if not folder:
        return None
    stem = ("zh/" if language_of(path) == "zh" else "") + path.stem
    target = (ROOT / folder / stem).resolve()
    shutil.rmtree(target, ignore_errors=True)
    return {"COURSE_SITE_FRAMES": str(target),
            "COURSE_SITE_FRAMES_URL": ("../" if stem.startswith("zh/") else "") + f"frames/{stem}"}


def language_of(path: Path) -> str:
    """"zh" for a lesson of the Chinese edition (``notebooks/zh/``), else "en"."""
    return "zh" if path.parent.name == "zh" else "en"
FIGURE_AS_TEXT = re.compile(r"<\w*Figure size [\d.]+x[\d.]+ with \d+ Axes>")
SWEEP = '''
_moved = 0
for _name, _panel in list(globals().items()):
    if type(_panel).__name__ == "Panel" and not _name.startswith("_"):
        for _control in _panel.controls.values():
            _start = _control.value
            # a toggle's values (its options may be (text, value) pairs)
            _values = list(_control._options_values) if hasattr(_control, "options") else [_control.min, _control.max]
            for _value in _values + [_start]:
                _control.value = _value
                _moved += 1
print("controls moved:", _moved)
'''


def lesson_notebooks() -> list[Path]:
    """The notebooks under test: all, or the one lesson named by ``COURSE_LESSON``."""
    chosen = os.environ.get("COURSE_LESSON", "").strip()
    paths = sorted((ROOT / "notebooks").glob("*.ipynb")) + sorted((ROOT / "notebooks" / "zh").glob("*.ipynb"))
    if chosen:
        paths = [p for p in paths if p.name[:2] == chosen.zfill(2) or p.stem[3:] == chosen]
    return paths


def is_exercise_cell(source: str) -> bool:
    """A stub the learner fills in, or the cell that checks it."""
    return bool(STUB.match(source) or CHECK_CALL.search(source))


def solved_copy(path: Path, folder: Path) -> tuple[Path, int]:
    """Write ``path`` with every stub replaced by its solution and the sweep cell appended."""
    nb = nbformat.read(path, as_version=4)
    solutions = {}
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for code in SOLUTION.findall(cell.source):
                solutions[re.search(r"def (\w+)\(", code).group(1)] = code
    replaced = 0
    for cell in nb.cells:
        stub = STUB.match(cell.source) if cell.cell_type == "code" else None
        if stub:
            assert stub.group(1) in solutions, f"{path.name}: no solution shown for {stub.group(1)}"
            cell.source = solutions[stub.group(1)]
            replaced += 1
    nb.cells.append(nbformat.v4.new_code_cell(SWEEP))
    copy = folder / path.name
    nbformat.write(nb, copy)
    return copy, replaced


def figures_shown_as_text(nb: nbformat.NotebookNode) -> list[str]:
    """Code cells that display a figure as its text repr instead of an image."""
    found = []
    code_cells = [c for c in nb.cells if c.cell_type == "code"]
    for index, cell in enumerate(code_cells):
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            text = data.get("text/plain", "") if out.output_type in ("display_data", "execute_result") else ""
            text += out.get("text", "") if out.output_type == "stream" else ""
            if FIGURE_AS_TEXT.search(text) and "image/png" not in data:
                found.append(f"code cell {index}: {FIGURE_AS_TEXT.search(text).group(0)}")
    return found


WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


WIDGET_REPR = re.compile(r"^[A-Z]\w*\(")  # "VBox(children=...)": ipywidgets' own text, no fallback


def panels_without_png(nb: nbformat.NotebookNode) -> tuple[int, list[str]]:
    """How many panels (widget views with a PNG) the notebook shows, and widget views with no static fallback.

    A panel must carry an ``image/png`` of its figure; a progress bar a line of text of its own.
    A widget view with neither shows nothing outside a live kernel.
    """
    count, missing = 0, []
    code_cells = [c for c in nb.cells if c.cell_type == "code"]
    for index, cell in enumerate(code_cells):
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            if WIDGET_VIEW not in data:
                continue
            if data.get("image/png"):
                count += 1
            elif WIDGET_REPR.match(data.get("text/plain", "")) or not data.get("text/plain"):
                missing.append(f"code cell {index}: a widget view with no image/png or text for static views")
    return count, missing


def stream_text(nb: nbformat.NotebookNode, name: str = "stdout") -> str:
    """Everything the code cells wrote to ``name`` ("stdout" or "stderr")."""
    return "\n".join(out.get("text", "") for cell in nb.cells if cell.cell_type == "code"
                     for out in cell.outputs if out.get("output_type") == "stream" and out.get("name") == name)


def differing_cells(first: list[list[str]], second: list[list[str]], skip: set[int]) -> list[str]:
    """Describe each code cell outside ``skip`` whose text outputs differ between two runs."""
    return [f"code cell {i}: {a!r} != {b!r}" for i, (a, b) in enumerate(zip(first, second))
            if i not in skip and a != b]


NOTEBOOKS = lesson_notebooks()
if NOTEBOOKS:
    PARAMS = [pytest.param(p, id=str(p.relative_to(ROOT / "notebooks"))) for p in NOTEBOOKS]
else:
    PARAMS = [pytest.param(None, id="no-notebooks", marks=pytest.mark.skip(
        reason="no notebook matches: nothing to execute"))]


@pytest.mark.slow
@pytest.mark.parametrize("path", PARAMS)
def test_lesson_as_committed_and_as_finished(path, tmp_path):
    solved, n_exercises = solved_copy(path, tmp_path)
    committed_nb, solved_nb = execute_many([path, solved], timeout=CELL_TIMEOUT, envs=[site_frames_env(path), None])

    code = [c.source for c in committed_nb.cells if c.cell_type == "code"]
    exercise_cells = {i for i, source in enumerate(code) if is_exercise_cell(source)}
    n_checks = sum(bool(CHECK_CALL.search(source)) for source in code)
    assert n_exercises >= 1, f"{path.name} has no exercise"
    assert n_checks == n_exercises, f"{path.name}: {n_exercises} stubs but {n_checks} check cells"

    words = check_words(language_of(path))
    committed_text = stream_text(committed_nb)
    assert len(words["not_implemented"].findall(committed_text)) == n_exercises, committed_text
    assert not words["passed"].search(committed_text), committed_text

    solved_text = stream_text(solved_nb)
    assert len(words["passed"].findall(solved_text)) == n_exercises, solved_text
    assert not words["not_implemented"].search(solved_text) and not words["differs"].search(solved_text)
    for nb in (committed_nb, solved_nb):
        glyphs = GLYPH_MISSING.findall(stream_text(nb, "stderr"))
        assert glyphs == [], f"{path.name}: a figure misses glyphs of its font: {glyphs[:3]}"
    moved = int(re.search(r"controls moved: (\d+)", solved_text).group(1))
    assert moved > 0, f"{path.name}: no panel found to move"

    assert differing_cells(text_outputs(committed_nb), text_outputs(solved_nb), exercise_cells) == []
    assert figures_shown_as_text(committed_nb) == []
    assert figures_shown_as_text(solved_nb) == []
    n_panels, missing = panels_without_png(committed_nb)
    assert n_panels >= 1 and missing == [], missing or f"{path.name}: no panel displayed"

    executed = EXECUTED / "zh" if language_of(path) == "zh" else EXECUTED
    executed.mkdir(parents=True, exist_ok=True)
    nbformat.write(committed_nb, executed / path.name)
    problems, unused, _ = unbound_numbers(committed_nb, read_allow_list(allow_list_for(path)), name=path.name)
    unused = [f"{path.name}: allow-list entry {entry!r} is used by no prose number" for entry in unused]
    assert problems + unused == [], "\n".join(problems + unused)


# ---- the runner's own checks, on small synthetic notebooks -----------------------------------

def test_sanitise_hides_addresses_and_timings_only():
    assert sanitise("<Obj at 0x7f3a2b1c9d10> took 5.3 s, then 12 ms") == "<Obj at 0xADDRESS> took <TIME>, then <TIME>"
    assert sanitise("<Figure size 640x480 with 1 Axes>") == "<Figure size 640x480 with 1 Axes>"
    assert sanitise("accuracy 0.53 at 3 seeds") == "accuracy 0.53 at 3 seeds"


def test_a_difference_outside_the_exercises_is_reported():
    first, second = [["stdout: 1\n"], ["stdout: a\n"]], [["stdout: 2\n"], ["stdout: b\n"]]
    assert differing_cells(first, second, skip={1}) == ["code cell 0: ['stdout: 1\\n'] != ['stdout: 2\\n']"]
    assert differing_cells(first, second, skip={0, 1}) == []


def test_exercise_cells_are_recognised():
    assert is_exercise_cell("def f(x):\n    # fill in\n    raise NotImplementedError")
    assert is_exercise_cell("from course_lib.mirage import checks\n\nchecks.toy_exact_match(toy_exact_match)")
    assert not is_exercise_cell("print(metrics.exact_match([[1]], [[1]]))")


def _notebook(tmp_path: Path, name: str, *sources: str) -> Path:
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(s) for s in sources]
    path = tmp_path / name
    nbformat.write(nb, path)
    return path


@pytest.mark.slow
def test_an_unseeded_notebook_and_a_figure_shown_as_text_are_caught(tmp_path):
    unseeded = _notebook(tmp_path, "unseeded.ipynb", "import random\nprint(random.random())")
    figure = _notebook(tmp_path, "figure.ipynb",
                       "from matplotlib.figure import Figure\nfig = Figure(figsize=(2, 1))\nfig.subplots()\nfig",
                       "from course_lib.core.style import new_figure\nnew_figure()[0]")
    first, second, shown = execute_many([unseeded, unseeded, figure], timeout=60)
    assert differing_cells(text_outputs(first), text_outputs(second), skip=set())
    assert figures_shown_as_text(shown) == ["code cell 0: <Figure size 200x100 with 1 Axes>"]


@pytest.mark.slow
def test_a_panel_without_a_png_fallback_is_caught(tmp_path):
    """A bare widget (as ``display(panel.box)`` showed panels before) has nothing for a static view;
    a panel and a progress bar have."""
    path = _notebook(tmp_path, "panels.ipynb",
                     "import ipywidgets\nfrom IPython.display import display\ndisplay(ipywidgets.VBox())",
                     "from course_lib.core.interactive import show\nfrom course_lib.start_here.demos import LogAxisDemo\n"
                     "panel = show(LogAxisDemo())",
                     "from course_lib.core.progress import progress\nfor _ in progress(range(2), label='steps'):\n    pass")
    nb = execute_many([path], timeout=60)[0]
    assert "a progress bar in a live notebook" in nb.cells[2].outputs[0].data["text/plain"]
    assert panels_without_png(nb) == (1, ["code cell 0: a widget view with no image/png or text for static views"])


@pytest.mark.slow
def test_chinese_drawn_without_a_cjk_font_is_caught_and_with_one_is_not(tmp_path):
    """The zh runs' glyph guard: a Chinese title in a font without CJK glyphs warns, and the runner
    reads that warning from the cell's stderr; ``course_lib.setup(language="zh")`` prevents it."""
    draw = ("from matplotlib.figure import Figure\nimport io\nfig = Figure()\nax = fig.subplots()\n"
            "ax.set_title('顿悟')\nfig.savefig(io.BytesIO(), format='png')")
    bare = _notebook(tmp_path, "bare.ipynb", "import matplotlib as mpl\nmpl.rcParams['font.family'] = ['DejaVu Sans']",
                     draw)
    fonted = _notebook(tmp_path, "fonted.ipynb", "import course_lib\nprint(course_lib.setup(verbose=False, language='zh'))",
                       draw)
    without, with_font = execute_many([bare, fonted], timeout=60)
    assert GLYPH_MISSING.search(stream_text(without, "stderr")), stream_text(without, "stderr")
    assert not GLYPH_MISSING.search(stream_text(with_font, "stderr")), stream_text(with_font, "stderr")


def test_check_words_follow_the_language():
    en, zh = check_words("en"), check_words("zh")
    assert en["passed"].search("adamw_step: all 5 cases pass. Well done!")
    assert len(en["passed"].findall("f: all 5 cases pass, every verdict right. Why:\ng: emergent! At most 0.010 up"
                                    " to width 16, 0.90 at width 64, while plain accuracy rose smoothly from 0.2 to 0.9.")) == 2
    assert not en["passed"].search("f: not implemented yet. Fill in the function above")
    assert len(zh["passed"].findall(message("mirage.jump_verdict.passed", "zh", name="f", count=5))) == 1
    assert zh["passed"].search(message("check.all_pass", "zh", count=5))
    assert zh["not_implemented"].search(message("check.not_implemented", "zh"))
    assert zh["differs"].search(message("check.differs", "zh", case="case 2 of 5 (x)"))
    assert language_of(ROOT / "notebooks" / "zh" / "03_grokking.ipynb") == "zh"
    assert language_of(ROOT / "notebooks" / "03_grokking.ipynb") == "en"
