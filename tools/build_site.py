"""Build the course website (``make site``): every lesson executed, with sliders that need no kernel.

Usage::

    python tools/build_site.py [--out build/site] [--jobs 2] [LESSON ...]   # default: every notebook

Steps, all offline:

1. Each notebook in ``notebooks/`` and ``notebooks/zh/`` runs top to bottom on a fresh kernel of this environment
   (:mod:`execute_notebook`, as the lesson tests do) with ``COURSE_SITE_FRAMES`` set, so every panel
   also draws, with its own demo and renderer, the frames of a kernel-free player into
   ``<out>/frames/<lesson>/`` and adds the player as ``text/html`` (see
   :mod:`course_lib.core.interactive`).
   With ``--executed build/executed`` (``make test`` does this), a lesson that the lesson tests
   already ran as it is now, frames included, is taken from there instead of being run again.
2. The executed copies go to ``<out>/src/`` without the widget views (no widget state is saved,
   and rendering them would load the widget manager from a CDN), with the Colab badge (an image
   served by Google) replaced by plain Colab, Binder and GitHub links built from
   :mod:`course_lib.core.repository`.
3. A landing page (the README's lesson table), a glossary page (lesson 00's glossary), the table of
   contents and ``site/_config.yml`` are written beside them, and Jupyter Book 1 builds the HTML
   into ``<out>/html`` with Sphinx's search and MathJax served by the site itself
   (``sphinx-mathjax-offline``, trimmed to what ``tex-chtml.js`` loads).
4. The frames are copied next to the pages; the build prints frames and bytes per lesson, the
   site's size and the time taken, and fails when the site exceeds ``--max-mb``.
"""
from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import re
import shutil
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT))

from course_lib.core import repository  # noqa: E402
from course_lib.core.interactive import SITE_FRAMES_ENV, SITE_FRAMES_URL_ENV  # noqa: E402
from course_lib.core.messages import message  # noqa: E402

__all__ = ["WIDGET_VIEW", "launch_header", "site_notebook", "landing_page",
           "glossary_page", "toc", "config", "frame_stats", "build", "main"]

SITE = ROOT / "site"
NOTEBOOKS = ROOT / "notebooks"
README = ROOT / "README.md"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
#: the site's size limit (issue 22)
MAX_MB = 60.0
#: what of sphinx-mathjax-offline's MathJax copy the pages use: tex-chtml.js and what it loads lazily
MATHJAX_KEEP = ("tex-chtml.js", "input/tex/extensions", "output/chtml", "a11y", "ui", "adaptors")
#: appended to the conf.py that ``jupyter-book config sphinx`` writes from site/_config.yml: Jupyter
#: Book lists every configured list value several times, always loads sphinx-thebe (whose inline
#: script is then declared twice on every page: a console error), and leaves the theme's colour mode
#: unset (another console error); the browser's request for a favicon needs a file to answer it
SPHINX_OVERRIDES = """
# ---- added by tools/build_site.py
extensions = [e for e in dict.fromkeys(extensions) if e not in ("sphinx_thebe", "sphinx_comments")]
html_static_path = ["_static"]
html_js_files = ["course_player.js"]
html_css_files = ["course_player.css"]
html_favicon = "_static/favicon.png"
html_context = {**globals().get("html_context", {}), "default_mode": "light"}
"""
COLAB_BADGE = re.compile(r"^\[!\[Open In Colab\]\([^)]*\)\]\([^)]*\)\s*$", re.MULTILINE)
#: the languages of the site: the English lessons, and the Chinese edition in a folder of its own
LANGUAGES = ("en", "zh")
READMES = {"en": ROOT / "README.md", "zh": ROOT / "README.zh.md"}


def text(key: str, lang: str, **fields) -> str:
    """The site's words (``site.<key>`` of course_lib's message catalogues) in ``lang``."""
    return message(f"site.{key}", lang, **fields)


def language_of(notebook: str) -> str:
    """"zh" for ``zh/NN_name.ipynb``, else "en"."""
    return "zh" if notebook.startswith("zh/") else "en"


def launch_header(notebook: str, other: bool = True) -> str:
    """A line of plain links (no remote images) that open the lesson in Colab, Binder or on GitHub,
    and (when ``other``) the language switch: the same lesson's page in the other language.

    ``notebook`` is ``NN_name.ipynb`` or, for the Chinese edition, ``zh/NN_name.ipynb``.
    """
    lang = language_of(notebook)
    links = [("colab", repository.colab_url(notebook)), ("binder", repository.binder_url(notebook)),
             ("github", repository.github_url(f"notebooks/{notebook}"))]
    anchors = " ".join(f'<a class="course-launch-{kind}" href="{url}">{text(kind, lang)}</a>' for kind, url in links)
    switch = ""
    if other:
        stem = notebook.removeprefix("zh/").removesuffix(".ipynb")
        href = f"../{stem}.html" if lang == "zh" else f"zh/{stem}.html"
        switch = f' <a class="course-language" href="{href}">{text("other_language", lang)}</a>'
    return f'<div class="course-launch">{text("launch", lang)} {anchors}{switch}</div>'


def site_notebook(nb: nbformat.NotebookNode, notebook: str, header: bool = True,
                  other: bool = True) -> nbformat.NotebookNode:
    """The executed notebook as the site shows it: no widget views or widget state, launch links
    instead of the Colab badge (right under the title; none when ``header`` is false)."""
    nb.metadata.pop("widgets", None)
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        kept = []
        for out in cell.get("outputs", []):
            if out.get("output_type") in ("display_data", "execute_result"):
                out.data.pop(WIDGET_VIEW, None)
                if not out.data:
                    continue
            kept.append(out)
        cell.outputs = kept
    if not header:
        return nb
    first = next(c for c in nb.cells if c.cell_type == "markdown")
    source = COLAB_BADGE.sub("", first.source).lstrip("\n")
    header = launch_header(notebook, other)
    lines = source.split("\n")
    title = next((i for i, line in enumerate(lines) if line.startswith("# ")), None)
    if title is None:
        lines = [header, ""] + lines
    else:
        lines[title + 1:title + 1] = ["", header, ""]
    first.source = "\n".join(lines)
    return nb


def landing_page(readme: str, notebooks: list[str], lang: str = "en", other: bool = False) -> str:
    """The landing page: the README's title and opening paragraph, and its lesson table with each
    notebook name linked to its page (rows of notebooks not in ``notebooks`` are left out).

    ``lang`` "zh" reads README.zh.md's "## 课程" table; ``other`` adds the language switch, a link to
    the other language's landing page.
    """
    intro = readme.split("\n## ", 1)[0]
    # badges and the README's own language link go (the site adds its switch)
    intro = "\n".join(line for line in intro.splitlines()
                      if not line.startswith("[![") and "](README" not in line).strip()
    intro = re.sub(r"\n{3,}", "\n\n", intro)
    heading = text("lessons", lang)
    match = re.search(r"^## " + re.escape(heading) + r"\n+((?:\|.*\n)+)", readme, re.MULTILINE)
    if not match:
        raise ValueError(f"the {lang} README has no '## {heading}' table")
    rows = match.group(1).strip().splitlines()
    table = rows[:2]
    for row in rows[2:]:
        names = re.findall(r"`(\d\d_[\w]+\.ipynb)`", row)
        if names and names[0] in notebooks:
            table.append(row.replace(f"`{names[0]}`", f"[{names[0].removesuffix('.ipynb')}]({names[0]})"))
    if other:
        href = "../intro.md" if lang == "zh" else "zh/intro.md"
        intro += f"\n\n[{text('other_language', lang)}]({href})"
    return f"{intro}\n\n## {heading}\n\n" + "\n".join(table) + "\n"


def glossary_page(nb: nbformat.NotebookNode, notebook: str, lang: str = "en") -> nbformat.NotebookNode:
    """The glossary page: lesson 00's glossary section (from its "## ... Glossary" heading, "## ... 术语表"
    in Chinese, to the next "## " heading) as a notebook of its own, code cells hidden and their
    outputs shown."""
    cells = list(nb.cells)
    title = text("glossary_title", lang)
    heading = re.compile(r"^##\s+(?:\d+\.\s*)?" + re.escape(title) + r"\s*(?:\n|$)")
    start = next((i for i, c in enumerate(cells) if c.cell_type == "markdown" and heading.match(c.source)), None)
    if start is None:
        raise ValueError(f"{notebook} has no markdown cell headed '## ... {title}'")
    end = next((i for i in range(start + 1, len(cells))
                if cells[i].cell_type == "markdown" and cells[i].source.startswith("## ")), len(cells))
    page = nbformat.v4.new_notebook(metadata=nb.metadata)
    first = nbformat.v4.new_markdown_cell(
        f"# {title}\n\n{text('glossary_source', lang, notebook=notebook.removeprefix('zh/'))}\n\n"
        + heading.sub("", cells[start].source, count=1).strip())
    page.cells = [first]
    for cell in cells[start + 1:end]:
        cell = nbformat.from_dict(cell)
        if cell.cell_type == "code":
            cell.metadata.setdefault("tags", []).append("remove-input")
        page.cells.append(cell)
    return page


def toc(notebooks: list[str], glossary: bool, zh_glossary: bool = False) -> str:
    """Jupyter Book's _toc.yml: the landing page, one page per lesson, the glossary; then, when
    ``notebooks`` holds Chinese lessons (``zh/NN_name.ipynb``), a part of their own: the Chinese
    landing page, lessons and glossary."""
    english = [n for n in notebooks if language_of(n) == "en"]
    chinese = [n for n in notebooks if language_of(n) == "zh"]
    lines = ["format: jb-book", "root: intro"]
    if not chinese:
        lines.append("chapters:")
        lines += [f"  - file: {name.removesuffix('.ipynb')}" for name in english]
        if glossary:
            lines.append("  - file: glossary")
        return "\n".join(lines) + "\n"
    lines += ["parts:", f"  - caption: {text('part', 'en')}", "    chapters:"]
    lines += [f"      - file: {name.removesuffix('.ipynb')}" for name in english]
    if glossary:
        lines.append("      - file: glossary")
    lines += [f"  - caption: {text('part', 'zh')}", "    chapters:", "      - file: zh/intro"]
    lines += [f"      - file: {name.removesuffix('.ipynb')}" for name in chinese]
    if zh_glossary:
        lines.append("      - file: zh/glossary")
    return "\n".join(lines) + "\n"


def config() -> str:
    """site/_config.yml with the repository filled in from course_lib/core/repository.py."""
    text = (SITE / "_config.yml").read_text()
    return text.replace("{github_repo}", repository.GITHUB_REPO).replace("{branch}", repository.BRANCH)


def _execute(path: str, frames: str, url: str, timeout: float) -> tuple[nbformat.NotebookNode, float]:
    """Run one notebook on a fresh kernel whose panels write their frames to ``frames``."""
    import execute_notebook

    os.environ[SITE_FRAMES_ENV] = frames
    os.environ[SITE_FRAMES_URL_ENV] = url
    for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS"):
        os.environ.setdefault(var, "1")
    start = time.monotonic()
    nb = execute_notebook.execute(Path(path), timeout=timeout)
    return nb, time.monotonic() - start


def _failed_notebook(path: Path, error: str) -> nbformat.NotebookNode:
    """The notebook unexecuted, with a warning under its title that it failed to run."""
    nb = nbformat.read(path, as_version=4)
    lang = "zh" if path.parent.name == "zh" else "en"
    nb.cells.insert(1, nbformat.v4.new_markdown_cell(text("failed", lang, error=error)))
    return nb


def _prune_mathjax(html: Path) -> None:
    mathjax = html / "_static" / "mathjax"
    if not mathjax.is_dir():
        raise RuntimeError(f"{mathjax} is missing: is sphinx-mathjax-offline installed (pip install -e '.[site]')?")
    for item in mathjax.rglob("*"):
        rel = item.relative_to(mathjax).as_posix()
        if item.is_file() and not any(rel == k or rel.startswith(k + "/") for k in MATHJAX_KEEP):
            item.unlink()
    for source_map in html.glob("_static/**/*.map"):  # only a browser's developer tools ask for these
        source_map.unlink()
    for folder in sorted((p for p in mathjax.rglob("*") if p.is_dir()), key=lambda p: -len(p.parts)):
        if not any(folder.iterdir()):
            folder.rmdir()


def _size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def frame_stats(frames: Path) -> dict[str, tuple[int, int, int]]:
    """Lesson ("03_grokking", "zh/03_grokking") -> (frames listed, distinct image files, bytes of those files)."""
    stats = {}
    folders = [p for p in frames.iterdir() if p.is_dir() and p.name not in LANGUAGES]
    folders += [p for lang in LANGUAGES if (frames / lang).is_dir() for p in (frames / lang).iterdir() if p.is_dir()]
    for folder in sorted(folders):
        name = str(folder.relative_to(frames))
        listing = folder / "frames.jsonl"
        listed = len(listing.read_text().splitlines()) if listing.exists() else 0
        images = list(folder.glob("*.webp"))
        stats[name] = (listed, len(images), sum(p.stat().st_size for p in images))
    return stats


def _matches(path: Path, key: str) -> bool:
    """Whether lesson ``key`` ("00", "0", "00_start_here" or the file name) names ``path``."""
    if key.isdigit():
        return path.stem.startswith(f"{int(key):02d}_")
    return key in (path.stem, path.name)


def build_html(src: Path, html: Path, names: list[str]) -> tuple[list[str], float]:
    """Write the landing pages, glossaries, table of contents and configuration beside the executed
    notebooks in ``src`` (``zh/...`` for the Chinese edition) and build the HTML into ``html`` with
    Sphinx; return its warnings and the seconds taken."""
    start = time.monotonic()
    chinese = [n for n in names if language_of(n) == "zh"]
    english = [n for n in names if language_of(n) == "en"]
    both = bool(chinese) and bool(english)
    glossaries = {}
    for lang, lessons, folder in (("en", english, src), ("zh", chinese, src / "zh")):
        if lang == "zh" and not chinese:
            continue
        folder.mkdir(parents=True, exist_ok=True)
        bare = [n.removeprefix("zh/") for n in lessons]
        (folder / "intro.md").write_text(landing_page(READMES[lang].read_text(), bare, lang, other=both))
        glossary = folder / "glossary.ipynb"
        glossary.unlink(missing_ok=True)
        first = [n for n in lessons if n.removeprefix("zh/").startswith("00_")]
        try:
            if not first:
                raise ValueError(f"lesson 00 ({lang}) is not part of this build")
            page = glossary_page(nbformat.read(src / first[0], as_version=4), first[0], lang)
            nbformat.write(site_notebook(page, first[0], header=False), glossary)
        except ValueError as exc:
            print(f"warning: {exc}; the site has no {lang} glossary page")
        glossaries[lang] = glossary.is_file()
    (src / "_toc.yml").write_text(toc(names, glossaries.get("en", False), glossaries.get("zh", False)))
    (src / "_config.yml").write_text(config())
    shutil.rmtree(src / "_static", ignore_errors=True)
    shutil.copytree(SITE / "_static", src / "_static")
    _favicon(src / "_static" / "favicon.png")
    jupyter_book = Path(sys.executable).parent / "jupyter-book"
    run = subprocess.run([str(jupyter_book), "config", "sphinx", str(src)], capture_output=True, text=True)
    if run.returncode != 0:
        raise SystemExit(f"jupyter-book config sphinx failed:\n{run.stdout}\n{run.stderr}")
    with open(src / "conf.py", "a", encoding="utf-8") as conf:
        conf.write(SPHINX_OVERRIDES)
    shutil.rmtree(html, ignore_errors=True)
    run = subprocess.run([sys.executable, "-m", "sphinx", "-b", "html", "-q", "-d", str(src.parent / "doctrees"),
                          str(src), str(html)], capture_output=True, text=True)
    if run.returncode != 0:
        print(run.stdout[-6000:], run.stderr[-6000:], sep="\n")
        raise SystemExit("the Sphinx build failed")
    warnings = [line for line in (run.stdout + run.stderr).splitlines() if "WARNING" in line]
    for line in warnings:
        print("  " + line)
    _prune_mathjax(html)
    return warnings, time.monotonic() - start


def _favicon(path: Path) -> None:
    """A small icon, so the browser's automatic request for one is answered by the site itself."""
    from PIL import Image, ImageDraw

    image = Image.new("RGBA", (32, 32), (61, 111, 182, 255))
    ImageDraw.Draw(image).rectangle([8, 8, 23, 23], fill=(255, 255, 255, 255))
    image.save(path)


def reusable(executed: Path | None, path: Path, name: str) -> nbformat.NotebookNode | None:
    """The run of ``path`` that the lesson tests left in ``executed`` (``executed/<name>``, its frames in
    ``executed/frames/<stem>``), or None when there is none, or it ran other cells than the notebook
    holds now, or it drew no frames where it shows panels."""
    if executed is None or not (executed / name).is_file():
        return None
    nb = nbformat.read(executed / name, as_version=4)
    now = nbformat.read(path, as_version=4)
    if [c.source for c in nb.cells] != [c.source for c in now.cells]:
        return None
    players = any("course-player" in str(o.get("data", {}).get("text/html", ""))
                  for c in nb.cells for o in c.get("outputs", []))
    panels = any("image/png" in o.get("data", {}) and WIDGET_VIEW in o.get("data", {})
                 for c in nb.cells for o in c.get("outputs", []))
    frames = executed / "frames" / name.removesuffix(".ipynb")
    if panels and not (players and (frames / "frames.jsonl").is_file()):
        return None
    return nb


def build(out: Path, lessons: list[str] | None = None, jobs: int = 2, timeout: float = 300,
          max_mb: float = MAX_MB, keep_going: bool = False, html_only: bool = False,
          executed: Path | None = None) -> dict:
    """Build the site into ``out/html``; return what was measured.

    ``executed``: a folder where the lesson tests left their committed runs with frames
    (``build/executed``, when ``make test`` ran them with ``COURSE_TEST_SITE_FRAMES``); a lesson found
    there, run from the notebook as it is now, is not run again.
    """
    start = time.monotonic()
    out = out.resolve()
    src, frames, html = out / "src", out / "frames", out / "html"
    if html_only:
        return _rebuild_html(out, max_mb)
    for folder in (src, frames, html, out / "doctrees"):
        shutil.rmtree(folder, ignore_errors=True)
    src.mkdir(parents=True)
    frames.mkdir(parents=True)
    paths = sorted(NOTEBOOKS.glob("*.ipynb")) + sorted((NOTEBOOKS / "zh").glob("*.ipynb"))
    if lessons:
        paths = [p for p in paths if any(_matches(p, k) for k in lessons)]
        if not paths:
            raise SystemExit(f"no notebook matches {lessons}")
    names = [_name(p) for p in paths]
    stems = [n.removesuffix(".ipynb") for n in names]  # "03_grokking", "zh/03_grokking"

    reused = {name: reusable(executed, path, name) for path, name in zip(paths, names)}
    reused = {name: nb for name, nb in reused.items() if nb is not None}
    for name in reused:
        stem = name.removesuffix(".ipynb")
        if (executed / "frames" / stem).is_dir():
            shutil.copytree(executed / "frames" / stem, frames / stem)
    if reused:
        print(f"reusing the lesson tests' runs of {len(reused)} notebook(s) from {executed}", flush=True)
    todo = [(p, n, s) for p, n, s in zip(paths, names, stems) if n not in reused]
    print(f"executing {len(todo)} notebook(s) on fresh kernels, {jobs} at a time", flush=True)
    # a page's frames are addressed from the page: zh/03_grokking.html reaches frames/zh/03_grokking
    args = {n: (str(p), str(frames / stem), ("../" if stem.startswith("zh/") else "") + f"frames/{stem}", timeout)
            for p, n, stem in todo}
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=max(1, min(jobs, len(todo) or 1)), mp_context=context) as pool:
        futures = {n: pool.submit(_execute, *a) for n, a in args.items()}
        results, failed = [], {}
        for path, name, stem in zip(paths, names, stems):
            if name in reused:
                results.append((reused[name], 0.0))
                continue
            future = futures[name]
            try:
                results.append(future.result())
            except Exception as exc:  # noqa: BLE001 - any failure of a lesson is reported by name
                failed[stem] = f"{type(exc).__name__}: {exc}"
                print(f"FAILED {stem}: {failed[stem]}", flush=True)
                results.append((_failed_notebook(path, failed[stem]), 0.0))
                shutil.rmtree(frames / stem, ignore_errors=True)
    if failed and not keep_going:
        raise SystemExit(f"{len(failed)} notebook(s) failed to run: {sorted(failed)} "
                         "(--keep-going builds the site with those pages unexecuted)")
    seconds = {}
    both = {language_of(n) for n in names} == set(LANGUAGES)
    for name, stem, (nb, took) in zip(names, stems, results):
        seconds[stem] = took
        (src / name).parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(site_notebook(nb, name, other=both), src / name)
    warnings, book_seconds = build_html(src, html, names)
    return _finish(out, stems, seconds, warnings, book_seconds, failed, start, max_mb)


def _name(path: Path) -> str:
    """``NN_name.ipynb``, or ``zh/NN_name.ipynb`` for a lesson of the Chinese edition."""
    return f"zh/{path.name}" if path.parent.name == "zh" else path.name


def _rebuild_html(out: Path, max_mb: float) -> dict:
    """Only the HTML again, from the executed notebooks and frames of the last build."""
    start = time.monotonic()
    src = out / "src"
    names = sorted(p.name for p in src.glob("[0-9][0-9]_*.ipynb")) + sorted(
        f"zh/{p.name}" for p in src.glob("zh/[0-9][0-9]_*.ipynb"))
    if not names:
        raise SystemExit(f"{src} holds no executed lessons: run a full build first")
    last = json.loads((out / "build.json").read_text()) if (out / "build.json").is_file() else {}
    warnings, book_seconds = build_html(src, out / "html", names)
    return _finish(out, [n.removesuffix(".ipynb") for n in names], last.get("run_seconds", {}), warnings,
                   book_seconds, last.get("failed", {}), start, max_mb)


def _finish(out: Path, stems: list[str], seconds: dict, warnings: list[str], book_seconds: float,
            failed: dict, start: float, max_mb: float) -> dict:
    """Copy the frames next to the pages, print and save what was measured, enforce the size limit."""
    frames, html = out / "frames", out / "html"
    shutil.copytree(frames, html / "frames", ignore=shutil.ignore_patterns("frames.jsonl"))
    stats = frame_stats(frames)
    total = _size(html)
    elapsed = time.monotonic() - start
    print(f"\n{'lesson':<22}{'run s':>7}{'frames':>8}{'files':>7}{'MB':>8}")
    for stem in stems:
        listed, files, size = stats.get(stem, (0, 0, 0))
        print(f"{stem:<22}{seconds.get(stem, 0.0):>7.1f}{listed:>8}{files:>7}{size / 1e6:>8.2f}")
    print(f"{'all frames':<29}{sum(s[0] for s in stats.values()):>8}{sum(s[1] for s in stats.values()):>7}"
          f"{sum(s[2] for s in stats.values()) / 1e6:>8.2f}")
    print(f"Sphinx warnings: {len(warnings)}; HTML build {book_seconds:.0f} s")
    print(f"site: {html} ({total / 1e6:.1f} MB, of which MathJax "
          f"{_size(html / '_static' / 'mathjax') / 1e6:.1f} MB); built in {elapsed:.0f} s")
    measured = {"seconds": elapsed, "bytes": total, "frames": stats, "warnings": warnings,
                "run_seconds": seconds, "failed": failed}
    (out / "build.json").write_text(json.dumps(measured, indent=1))
    if failed:
        print(f"built with {len(failed)} lesson(s) unexecuted: {sorted(failed)}")
    if total > max_mb * 1e6:
        raise SystemExit(f"the site is {total / 1e6:.1f} MB, over the {max_mb} MB limit")
    return measured


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("lessons", nargs="*", help="lesson numbers or notebook names (default: all)")
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "site")
    parser.add_argument("--jobs", type=int, default=2, help="notebooks executed at the same time")
    parser.add_argument("--timeout", type=float, default=300, help="seconds a cell may run")
    parser.add_argument("--max-mb", type=float, default=MAX_MB)
    parser.add_argument("--keep-going", action="store_true",
                        help="build even when a notebook fails to run (its page is left unexecuted, with a warning)")
    parser.add_argument("--html-only", action="store_true",
                        help="rebuild only the HTML from the last build's executed notebooks and frames")
    parser.add_argument("--executed", type=Path, default=None,
                        help="reuse the lesson tests' committed runs and frames in this folder (make test: build/executed)")
    args = parser.parse_args(argv)
    build(args.out, args.lessons, args.jobs, args.timeout, args.max_mb, args.keep_going, args.html_only,
          args.executed.resolve() if args.executed else None)
    return 0


if __name__ == "__main__":
    sys.exit(main())
