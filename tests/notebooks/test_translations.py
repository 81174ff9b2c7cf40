"""Translated lessons cannot drift from the English: each translated cell records the hash of the
English cell it translates, and a changed, added or removed English cell is reported by name."""
from __future__ import annotations

import copy

import nbformat
import pytest

import translations
from translations import source_hash, stamp, translation_problems


def english() -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("# 03 · Grokking\n\nA network memorises, then generalises."),
                nbformat.v4.new_code_cell("# Setup: run this cell first.\ncourse_lib.setup()"),
                nbformat.v4.new_code_cell("result = train(p=97)"),
                nbformat.v4.new_markdown_cell("Test accuracy jumps at step 720.")]
    for i, cell in enumerate(nb.cells):
        cell.id = f"cell-{i}"
    return nb


def chinese(source: nbformat.NotebookNode) -> nbformat.NotebookNode:
    nb = copy.deepcopy(source)
    nb.cells[0].source = "# 03 · 顿悟\n\n网络先记住训练数据，然后才泛化。"
    nb.cells[1].source = '# Setup: run this cell first.\ncourse_lib.setup(language="zh")'
    nb.cells[3].source = "测试准确率在第 720 步跃升。"
    for original, cell in zip(source.cells, nb.cells):
        cell.metadata["translation"] = {"source": original.id, "sha": source_hash(original.source)}
    return nb


def test_a_stamped_translation_is_in_step():
    assert translation_problems(english(), chinese(english()), "zh/03.ipynb") == []


def test_an_edited_english_cell_makes_its_translation_stale_naming_both():
    en = english()
    zh = chinese(en)
    en.cells[3].source = "Test accuracy jumps at step 740."
    assert translation_problems(en, zh, "zh/03.ipynb") == [
        "zh/03.ipynb: translated cell 3 is stale: English cell 3 (id 'cell-3') changed since it was translated"]


def test_added_and_removed_english_cells_are_reported():
    en = english()
    zh = chinese(en)
    removed = en.cells.pop(3)
    added = nbformat.v4.new_markdown_cell("A new paragraph.")
    added.id = "cell-new"
    en.cells.append(added)
    problems = translation_problems(en, zh, "zh/03.ipynb")
    assert f"zh/03.ipynb: translated cell 3 is an orphan: English cell id {removed.id!r} is gone" in problems
    assert "zh/03.ipynb: English cell 3 (id 'cell-new') has no translation" in problems


def test_code_is_not_translated_except_the_setup_cell():
    en = english()
    zh = chinese(en)
    zh.cells[2].source = "结果 = train(p=97)"
    assert translation_problems(en, zh, "zh/03.ipynb") == [
        "zh/03.ipynb: translated code cell 2 differs from English cell 2: code is not translated"]


def test_a_solutions_code_is_not_translated_and_cell_kinds_agree():
    en = english()
    solution = "<details><summary>Solution</summary>\n\n```python\ndef f(x):\n    return x  # the input\n```\n</details>"
    en.cells[3].source = solution
    zh = chinese(en)
    zh.cells[3].source = solution.replace("Solution", "参考答案")
    assert translation_problems(en, zh, "zh/03.ipynb") == []
    zh.cells[3].source = zh.cells[3].source.replace("# the input", "# 输入")
    zh.cells[0].cell_type = "raw"
    assert translation_problems(en, zh, "zh/03.ipynb") == [
        "zh/03.ipynb: translated cell 0 is raw but English cell 0 is markdown",
        "zh/03.ipynb: translated cell 3 changes a code block of English cell 3 (a solution's or an example's "
        "code is not translated)"]


def test_stamp_records_the_english_hashes(tmp_path, monkeypatch):
    (tmp_path / "zh").mkdir()
    en = english()
    nbformat.write(en, tmp_path / "03_grokking.ipynb")
    zh = chinese(en)
    for cell in zh.cells:
        cell.metadata.pop("translation")
    nbformat.write(zh, tmp_path / "zh" / "03_grokking.ipynb")
    assert stamp(tmp_path / "zh" / "03_grokking.ipynb") == 4
    stamped = nbformat.read(tmp_path / "zh" / "03_grokking.ipynb", as_version=4)
    assert translation_problems(en, stamped) == []


@pytest.mark.parametrize("language", translations.LANGUAGES)
def test_the_course_translations_are_in_step(language):
    paths = translations.translated_notebooks(language)
    problems = [p for path in paths for p in translation_problems(
        nbformat.read(translations.english_of(path), as_version=4), nbformat.read(path, as_version=4),
        f"{language}/{path.name}")]
    assert problems == [], "\n".join(problems) + "\n(run `make translations` to list them)"


def test_every_english_lesson_has_its_chinese_edition():
    english = sorted(p.name for p in translations.NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))
    assert english, "no English lesson found: the scan is broken"
    assert [p.name for p in translations.translated_notebooks("zh")] == english
