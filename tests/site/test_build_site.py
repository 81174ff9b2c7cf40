"""tools/build_site.py: what the site makes of an executed notebook, the README and lesson 00,
and (when ``make site`` has run) what the built site holds."""
from __future__ import annotations

import json
import re
from pathlib import Path

import nbformat
import pytest
import yaml

import build_site
from course_lib.core import repository

ROOT = Path(__file__).resolve().parents[2]
BUILT = ROOT / "build" / "site"
NOTEBOOK_NAMES = sorted(p.name for p in (ROOT / "notebooks").glob("*.ipynb"))
ZH_NAMES = sorted(p.name for p in (ROOT / "notebooks" / "zh").glob("*.ipynb"))


def _executed_like(notebook: str) -> nbformat.NotebookNode:
    """A notebook as the kernel leaves it: a badge and title, a panel output, a progress bar."""
    nb = nbformat.v4.new_notebook()
    badge = repository.colab_badge(notebook)
    nb.cells = [nbformat.v4.new_markdown_cell(f"{badge}\n\n# 01 · A lesson\n\nIntro."),
                nbformat.v4.new_code_cell("show(demo)"), nbformat.v4.new_code_cell("train()")]
    nb.cells[1].outputs = [nbformat.v4.new_output("display_data", data={
        build_site.WIDGET_VIEW: {"model_id": "abc", "version_major": 2, "version_minor": 0},
        "image/png": "iVBORw0KGgo=", "text/plain": "caption", "text/html": "<div class='course-player'></div>"})]
    nb.cells[2].outputs = [nbformat.v4.new_output("display_data", data={
        build_site.WIDGET_VIEW: {"model_id": "def", "version_major": 2, "version_minor": 0}}),
        nbformat.v4.new_output("stream", name="stdout", text="done\n")]
    nb.metadata["widgets"] = {"application/vnd.jupyter.widget-state+json": {"state": {}}}
    return nb


def test_the_site_copy_has_no_widget_views_no_widget_state_and_no_remote_badge():
    nb = build_site.site_notebook(_executed_like("01_x.ipynb"), "01_x.ipynb")
    assert "widgets" not in nb.metadata
    panel, progress = nb.cells[1].outputs, nb.cells[2].outputs
    assert set(panel[0].data) == {"image/png", "text/plain", "text/html"}
    assert [o.output_type for o in progress] == ["stream"]  # a widget-only output is dropped
    first = nb.cells[0].source
    assert "colab-badge.svg" not in first and "![" not in first
    lines = first.splitlines()
    assert lines[0] == "# 01 · A lesson" and build_site.launch_header("01_x.ipynb") in lines


def test_launch_links_come_from_the_repository_module():
    header = build_site.launch_header("03_grokking.ipynb")
    assert f'href="{repository.colab_url("03_grokking.ipynb")}"' in header
    assert (f'href="https://mybinder.org/v2/gh/{repository.GITHUB_REPO}/{repository.BRANCH}'
            f'?urlpath=lab/tree/notebooks/03_grokking.ipynb"') in header
    readme = (ROOT / "README.md").read_text()  # the README's Binder badge opens the same way
    assert repository.binder_url("00_start_here.ipynb") in readme
    assert "<img" not in header and "http://" not in header


def test_landing_page_is_the_readme_lesson_table_with_links():
    readme = (ROOT / "README.md").read_text()
    page = build_site.landing_page(readme, NOTEBOOK_NAMES)
    assert page.startswith("# More Is Different") and "![" not in page
    for name in NOTEBOOK_NAMES:
        assert f"[{name.removesuffix('.ipynb')}]({name})" in page
    fewer = build_site.landing_page(readme, NOTEBOOK_NAMES[:2])
    assert fewer.count("](0") == 2
    with pytest.raises(ValueError, match="Lessons"):
        build_site.landing_page("# x\n\nno table\n", NOTEBOOK_NAMES)


def test_glossary_page_is_lesson_00s_glossary_section():
    nb = nbformat.read(ROOT / "notebooks" / "00_start_here.ipynb", as_version=4)
    page = build_site.glossary_page(nb, "00_start_here.ipynb")
    nbformat.validate(page)
    assert page.cells[0].source.startswith("# Glossary\n") and "(00_start_here.ipynb)" in page.cells[0].source
    assert "Glossary" not in page.cells[0].source.split("\n", 1)[1].split("\n\n", 2)[-1][:20]
    assert not any(c.cell_type == "markdown" and c.source.startswith("## ") for c in page.cells)
    assert all("remove-input" in c.metadata.get("tags", []) for c in page.cells if c.cell_type == "code")
    nb.cells = [c for c in nb.cells if "Glossary" not in c.source]
    with pytest.raises(ValueError, match="Glossary"):
        build_site.glossary_page(nb, "00_start_here.ipynb")


def test_glossary_section_ends_at_the_next_heading():
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("## 4. Exercises"), nbformat.v4.new_markdown_cell("## 5. Glossary\n\nTerms."),
                nbformat.v4.new_code_cell("HTML(table())"), nbformat.v4.new_markdown_cell("## Recap")]
    page = build_site.glossary_page(nb, "00_x.ipynb")
    assert [c.cell_type for c in page.cells] == ["markdown", "code"]
    assert page.cells[0].source.endswith("Terms.")


def test_toc_and_config():
    toc = yaml.safe_load(build_site.toc(NOTEBOOK_NAMES, glossary=True))
    assert toc["root"] == "intro"
    assert [c["file"] for c in toc["chapters"]] == [n.removesuffix(".ipynb") for n in NOTEBOOK_NAMES] + ["glossary"]
    config = yaml.safe_load(build_site.config())
    assert config["repository"]["url"] == f"https://github.com/{repository.GITHUB_REPO}"
    assert config["repository"]["branch"] == repository.BRANCH
    assert config["execute"]["execute_notebooks"] == "off"
    assert "sphinx-mathjax-offline" in config["sphinx"]["extra_extensions"]
    assert "{" not in build_site.config().split("repository:")[1].split("launch_buttons")[0]


def test_the_chinese_edition_gets_its_links_and_a_language_switch():
    header = build_site.launch_header("zh/03_grokking.ipynb")
    assert f'href="{repository.colab_url("zh/03_grokking.ipynb")}"' in header
    assert "notebooks/zh/03_grokking.ipynb" in header and "在 Colab 中打开" in header
    assert '<a class="course-language" href="../03_grokking.html">English</a>' in header
    english = build_site.launch_header("03_grokking.ipynb")
    assert '<a class="course-language" href="zh/03_grokking.html">中文版</a>' in english
    assert "course-language" not in build_site.launch_header("03_grokking.ipynb", other=False)


def test_chinese_landing_page_is_readme_zh_lesson_table():
    readme = (ROOT / "README.zh.md").read_text()
    page = build_site.landing_page(readme, NOTEBOOK_NAMES, "zh", other=True)
    assert page.startswith("# More Is Different") and "## 课程" in page and "![" not in page
    for name in NOTEBOOK_NAMES:
        assert f"[{name.removesuffix('.ipynb')}]({name})" in page
    assert "[English](../intro.md)" in page and "(README.md)" not in page
    english = build_site.landing_page((ROOT / "README.md").read_text(), NOTEBOOK_NAMES, other=True)
    assert "[中文版](zh/intro.md)" in english and "README.zh.md" not in english


def test_toc_puts_the_chinese_edition_in_a_part_of_its_own():
    names = NOTEBOOK_NAMES + [f"zh/{n}" for n in NOTEBOOK_NAMES]
    toc = yaml.safe_load(build_site.toc(names, glossary=True, zh_glossary=True))
    english, chinese = toc["parts"]
    assert [c["file"] for c in english["chapters"]] == [n.removesuffix(".ipynb") for n in NOTEBOOK_NAMES] + ["glossary"]
    assert chinese["caption"] == "中文版"
    assert [c["file"] for c in chinese["chapters"]] == (
        ["zh/intro"] + [f"zh/{n.removesuffix('.ipynb')}" for n in NOTEBOOK_NAMES] + ["zh/glossary"])


# ---- the built site (after `make site`) ---------------------------------------------------------

@pytest.fixture(scope="module")
def built():
    measured = BUILT / "build.json"
    if not (BUILT / "html" / "intro.html").is_file() or not measured.is_file():
        pytest.skip("no built site: run `make site`")
    return json.loads(measured.read_text())


def test_built_site_is_under_the_size_limit_and_has_every_page(built):
    html = BUILT / "html"
    assert built["bytes"] < build_site.MAX_MB * 1e6
    assert sum(f.stat().st_size for f in html.rglob("*") if f.is_file()) == built["bytes"]
    pages = ["intro", "glossary", "search", *[n.removesuffix(".ipynb") for n in NOTEBOOK_NAMES]]
    if ZH_NAMES:
        pages += ["zh/intro", "zh/glossary", *[f"zh/{n.removesuffix('.ipynb')}" for n in ZH_NAMES]]
    for page in pages:
        assert (html / f"{page}.html").is_file(), page


def test_built_pages_load_nothing_from_elsewhere(built):
    remote = re.compile(r"""<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)=["'](?:https?:)?//""", re.I)
    for page in [*(BUILT / "html").glob("*.html"), *(BUILT / "html").glob("zh/*.html")]:
        hits = remote.findall(page.read_text())
        assert not hits, f"{page.name} loads {hits}"


def test_built_players_point_at_frames_that_exist(built):
    html = BUILT / "html"
    for page in [*html.glob("*.html"), *html.glob("zh/*.html")]:
        for src in re.findall(r"src=['\"]((?:\.\./)?frames/[^'\"]+)['\"]", page.read_text()):
            assert (page.parent / src).is_file(), f"{page.name}: {src}"
        for match in re.finditer(r"class='course-player-data'>(.*?)</script>", page.read_text(), re.S):
            data = json.loads(match.group(1).replace("<\\/", "</"))
            for file, _ in data["frames"].values():
                assert (page.parent / data["url"] / file).is_file(), f"{page.name}: {file}"


def test_a_lesson_tests_run_is_reused_only_when_it_ran_todays_notebook_with_frames(tmp_path):
    """``--executed``: the site takes the lesson tests' committed run, but not a stale one, and not
    one whose panels drew no frames (then the lesson is run again)."""
    notebook = tmp_path / "01_x.ipynb"
    nbformat.write(_executed_like("01_x.ipynb"), notebook)
    executed = tmp_path / "executed"
    (executed / "frames" / "01_x").mkdir(parents=True)
    nbformat.write(_executed_like("01_x.ipynb"), executed / "01_x.ipynb")
    assert build_site.reusable(None, notebook, "01_x.ipynb") is None
    assert build_site.reusable(executed, notebook, "01_x.ipynb") is None  # no frames listed
    (executed / "frames" / "01_x" / "frames.jsonl").write_text("{}\n")
    assert build_site.reusable(executed, notebook, "01_x.ipynb") is not None
    changed = _executed_like("01_x.ipynb")
    changed.cells[2].source = "train(steps=10)"
    nbformat.write(changed, notebook)
    assert build_site.reusable(executed, notebook, "01_x.ipynb") is None
