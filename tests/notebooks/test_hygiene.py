"""Notebook conventions (see CONTRIBUTING.md), checked on every notebook in notebooks/.

* file names ``NN_lower_case_words.ipynb``, numbers unique;
* valid nbformat 4, committed stripped (no outputs, no execution counts, no widget state);
* cell 0 is markdown whose first line is the notebook's Open-in-Colab badge;
* cell 1 is the setup cell exactly as ``tools/sync_notebooks.py`` generates it;
* kernelspec ``python3``.

Each check is a function returning a list of problems; the second half of this file runs each
one on small synthetic notebooks to show that it catches what it is meant to catch.
"""
from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest
from IPython.core.inputtransformer2 import TransformerManager

import strip_notebooks
import sync_notebooks

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
#: the Chinese edition's lessons (same names, same header rules, the Chinese setup cell)
ZH_NOTEBOOKS = sorted((ROOT / "notebooks" / "zh").glob("*.ipynb"))
NAME_PATTERN = re.compile(r"^\d\d_[a-z0-9_]+\.ipynb$")

if NOTEBOOKS:
    NOTEBOOK_PARAMS = [pytest.param(p, id=str(p.relative_to(ROOT / "notebooks"))) for p in NOTEBOOKS + ZH_NOTEBOOKS]
else:
    NOTEBOOK_PARAMS = [pytest.param(None, id="no-notebooks", marks=pytest.mark.skip(
        reason="notebooks/ holds no .ipynb yet; the checks run on synthetic notebooks below"))]


# ---- the checks -------------------------------------------------------------------------------

def name_problems(paths: list[Path]) -> list[str]:
    """File names that break the pattern, and lesson numbers used twice."""
    problems = [f"{p.name}: name must match {NAME_PATTERN.pattern}" for p in paths
                if not NAME_PATTERN.match(p.name)]
    numbers = [p.name[:2] for p in paths if NAME_PATTERN.match(p.name)]
    problems += [f"number {n} is used by {numbers.count(n)} notebooks" for n in sorted(set(numbers))
                 if numbers.count(n) > 1]
    return problems


def format_problems(path: Path) -> list[str]:
    """Not valid nbformat 4, or not stripped."""
    try:
        nb = nbformat.read(path, as_version=nbformat.NO_CONVERT)
    except Exception as exc:  # unreadable JSON or not a notebook at all
        return [f"cannot read as a notebook: {exc}"]
    if nb.get("nbformat") != 4:
        return [f"nbformat must be 4, got {nb.get('nbformat')}"]
    problems = []
    try:
        nbformat.validate(nb)
    except nbformat.ValidationError as exc:
        problems.append(f"invalid nbformat 4: {exc.message}")
    if "widgets" in nb.metadata:
        problems.append("metadata.widgets is set (saved widget state): run `make strip`")
    for i, cell in enumerate(nb.cells):
        if cell.cell_type == "code" and (cell.get("outputs") or cell.get("execution_count") is not None):
            problems.append(f"cell {i} has outputs or an execution count: run `make strip`")
    return problems


def header_problems(path: Path) -> list[str]:
    """Cell 0 not starting with the badge, cell 1 not the generated setup cell, other kernel."""
    nb = nbformat.read(path, as_version=4)
    problems = []
    cells = nb.cells
    zh = path.parent.name == "zh"
    badge = sync_notebooks.badge_line(f"zh/{path.name}" if zh else path.name)
    if not cells or cells[0].cell_type != "markdown" or cells[0].source.split("\n")[0] != badge:
        problems.append(f"cell 0 must be markdown whose first line is {badge!r}: run `make sync`")
    if len(cells) < 2 or cells[1].cell_type != "code" or cells[1].source != sync_notebooks.setup_cell_source(
            "zh" if zh else "en"):
        problems.append("cell 1 must be the generated setup cell: run `make sync`")
    kernel = nb.metadata.get("kernelspec", {}).get("name")
    if kernel != "python3":
        problems.append(f"kernelspec name must be 'python3', got {kernel!r}")
    return problems


# ---- the real notebooks -----------------------------------------------------------------------

def test_names_and_numbers():
    if not NOTEBOOKS:
        pytest.skip("notebooks/ holds no .ipynb yet")
    assert name_problems(NOTEBOOKS) == []
    assert [p.name for p in ZH_NOTEBOOKS if p.name not in {q.name for q in NOTEBOOKS}] == [], \
        "a Chinese lesson must have the name of the English lesson it translates"


@pytest.mark.parametrize("path", NOTEBOOK_PARAMS)
def test_valid_and_stripped(path):
    assert format_problems(path) == []


@pytest.mark.parametrize("path", NOTEBOOK_PARAMS)
def test_badge_setup_cell_and_kernel(path):
    assert header_problems(path) == []


def test_sync_and_strip_check_modes_agree():
    if not NOTEBOOKS:
        pytest.skip("notebooks/ holds no .ipynb yet")
    assert sync_notebooks.out_of_sync(NOTEBOOKS + ZH_NOTEBOOKS) == []
    assert strip_notebooks.not_stripped(NOTEBOOKS + ZH_NOTEBOOKS) == []


def test_readme_links_follow_the_repository(monkeypatch):
    assert sync_notebooks.readmes_out_of_sync() == []
    readme = sync_notebooks.README_FILES[0].read_text(encoding="utf-8")
    monkeypatch.setattr(sync_notebooks.repository, "GITHUB_REPO", "a-teacher/fork")
    forked = sync_notebooks.synced_readme(readme)
    assert "more-is-different/course" not in forked  # every link follows the one constant
    assert forked.count("github/a-teacher/fork/blob/main/notebooks/") >= 8
    assert "mybinder.org/v2/gh/a-teacher/fork/main?urlpath=lab/tree/notebooks/00_start_here.ipynb" in forked


@pytest.mark.parametrize("language", ["en", "zh"])
def test_setup_cell_is_valid_ipython(language):
    python = TransformerManager().transform_cell(sync_notebooks.setup_cell_source(language))
    assert "get_ipython().run_line_magic('pip'" in python
    assert python.rstrip().endswith("course_lib.setup()" if language == "en" else 'course_lib.setup(language="zh")')
    compile(python, "<setup cell>", "exec")


def test_the_chinese_setup_cell_and_badge(tmp_path):
    folder = tmp_path / "zh"
    folder.mkdir()
    path = folder / "01_x.ipynb"
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("# 第 1 课"), nbformat.v4.new_code_cell("x = 1")]
    nbformat.write(nb, path)
    assert sync_notebooks.sync_file(path)
    cells = nbformat.read(path, as_version=4).cells
    assert cells[0].source.startswith(sync_notebooks.badge_line("zh/01_x.ipynb"))
    assert "/notebooks/zh/01_x.ipynb" in cells[0].source
    assert cells[1].source == sync_notebooks.setup_cell_source("zh")
    assert header_problems(path) == []
    with pytest.raises(ValueError, match="name must be"):
        sync_notebooks.badge_line("fr/de/01_x.ipynb")


# ---- the checks catch bad notebooks -----------------------------------------------------------

def _good(tmp_path: Path, name: str = "07_good_one.ipynb") -> Path:
    """A notebook as `make sync` + `make strip` leave it."""
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("# Title"), nbformat.v4.new_code_cell("x = 1\nx")]
    path = tmp_path / name
    nbformat.write(nb, path)
    sync_notebooks.sync_file(path)
    return path


def _edit(path: Path, change) -> Path:
    nb = nbformat.read(path, as_version=4)
    change(nb)
    nbformat.write(nb, path)
    return path


def test_a_synced_stripped_notebook_passes(tmp_path):
    path = _good(tmp_path)
    assert format_problems(path) == [] and header_problems(path) == []
    assert sync_notebooks.out_of_sync([path]) == [] and strip_notebooks.not_stripped([path]) == []


@pytest.mark.parametrize("names", [["1_intro.ipynb"], ["01_Intro.ipynb"], ["01-intro.ipynb"],
                                   ["01_a.ipynb", "01_b.ipynb"]])
def test_bad_names_are_caught(names):
    assert name_problems([Path(n) for n in names])


def test_good_names_pass():
    assert name_problems([Path("00_start_here.ipynb"), Path("01_emergence.ipynb")]) == []


def _add_output(nb):
    nb.cells[2].outputs = [nbformat.v4.new_output("stream", name="stdout", text="1\n")]
    nb.cells[2].execution_count = 1


def _add_count(nb):
    nb.cells[2].execution_count = 3


def _add_widget_state(nb):
    nb.metadata["widgets"] = {"application/vnd.jupyter.widget-state+json": {"state": {}}}


def _break_schema(nb):
    nb.cells[2]["no_such_field"] = 1


@pytest.mark.parametrize("change", [_add_output, _add_count, _add_widget_state, _break_schema])
def test_unstripped_or_invalid_notebooks_are_caught(tmp_path, change):
    assert format_problems(_edit(_good(tmp_path), change))


def test_non_notebooks_are_caught(tmp_path):
    (tmp_path / "08_json.ipynb").write_text('{"not": "a notebook"}')
    (tmp_path / "09_v3.ipynb").write_text('{"nbformat": 3, "nbformat_minor": 0, "metadata": {}, "worksheets": []}')
    assert format_problems(tmp_path / "08_json.ipynb")
    assert format_problems(tmp_path / "09_v3.ipynb")


def _stale_badge(nb):
    nb.cells[0].source = nb.cells[0].source.replace("/main/", "/old-branch/")


def _no_badge(nb):
    nb.cells[0].source = "# Title"


def _edited_setup(nb):
    nb.cells[1].source += "\nimport numpy"


def _swapped_cells(nb):
    nb.cells[0], nb.cells[1] = nb.cells[1], nb.cells[0]


def _other_kernel(nb):
    nb.metadata["kernelspec"]["name"] = "my-env"


@pytest.mark.parametrize("change", [_stale_badge, _no_badge, _edited_setup, _swapped_cells, _other_kernel])
def test_bad_headers_are_caught_and_sync_repairs_them(tmp_path, change):
    path = _edit(_good(tmp_path), change)
    assert header_problems(path)
    assert sync_notebooks.out_of_sync([path]) == [path]
    assert sync_notebooks.sync_file(path) is True
    assert header_problems(path) == [] and format_problems(path) == []


def test_badge_of_another_notebook_is_caught(tmp_path):
    path = _good(tmp_path, "03_grokking.ipynb")
    renamed = path.rename(tmp_path / "04_renamed.ipynb")
    assert header_problems(renamed)


def test_sync_inserts_badge_and_setup_cell_and_keeps_the_rest(tmp_path):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("# Lesson\nText."), nbformat.v4.new_code_cell("y = 2")]
    path = tmp_path / "05_chinchilla.ipynb"
    nbformat.write(nb, path)
    assert sync_notebooks.sync_file(path) is True
    cells = nbformat.read(path, as_version=4).cells
    assert cells[0].source == sync_notebooks.badge_line(path.name) + "\n\n# Lesson\nText."
    assert cells[1].source == sync_notebooks.setup_cell_source()
    assert [c.source for c in cells[2:]] == ["y = 2"]
    assert sync_notebooks.sync_file(path) is False  # idempotent


def test_strip_removes_outputs_counts_and_widget_state(tmp_path):
    path = _edit(_edit(_good(tmp_path), _add_output), _add_widget_state)
    assert strip_notebooks.not_stripped([path]) == [path]
    assert strip_notebooks.strip_file(path) is True
    assert format_problems(path) == [] and strip_notebooks.not_stripped([path]) == []


def test_check_modes_exit_1_and_list_the_notebook(tmp_path, capsys):
    path = _edit(_good(tmp_path), _add_output)
    assert strip_notebooks.main(["--check", str(path)]) == 1
    _edit(path, _no_badge)
    assert sync_notebooks.main(["--check", str(path)]) == 1
    assert str(path) in capsys.readouterr().out


# ---- sections -----------------------------------------------------------------------------------

_SECTION = re.compile(r"^## (\d+)\.\s*(.+?)\s*$", re.M)
_TABLE_ROW = re.compile(r"^\|\s*(\d+)\.\s*([^|]+?)\s*\|", re.M)


def section_problems(nb: nbformat.NotebookNode) -> list[str]:
    """Numbered "## N." headings that skip or repeat a number, and rows of cell 0's table of
    sections that name no heading of the lesson (a heading lost in an edit)."""
    heads = [(int(n), title) for cell in nb.cells if cell.cell_type == "markdown"
             for n, title in _SECTION.findall(cell.source)]
    problems = []
    if [n for n, _ in heads] != list(range(1, len(heads) + 1)):
        problems.append(f"section headings are numbered {[n for n, _ in heads]}, not 1, 2, 3, ...")
    titles = dict(heads)
    for n, title in _TABLE_ROW.findall(nb.cells[0].source if nb.cells else ""):
        if titles.get(int(n)) != title:
            problems.append(f"cell 0's table lists section {n} {title!r}, the lesson heads it {titles.get(int(n))!r}")
    return problems


@pytest.mark.parametrize("path", NOTEBOOK_PARAMS)
def test_sections_are_numbered_in_order_and_match_the_table(path):
    assert section_problems(nbformat.read(path, as_version=4)) == []


def test_a_lost_section_heading_is_caught():
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("# 04\n\n| section | time |\n|---|---|\n| 1. One | 5 min |\n"
                                              "| 2. Two | 5 min |"),
                nbformat.v4.new_markdown_cell("## 1. One\n\ntext"), nbformat.v4.new_markdown_cell("text\n\n## 2. Two")]
    assert section_problems(nb) == []
    nb.cells[2].source = "text"
    assert section_problems(nb) == ["cell 0's table lists section 2 'Two', the lesson heads it None"]
    nb.cells[2].source = "## 3. Three"
    assert section_problems(nb)[0] == "section headings are numbered [1, 3], not 1, 2, 3, ..."
