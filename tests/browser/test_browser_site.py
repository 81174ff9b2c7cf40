"""The course website (``make site``, build/site/html) in Chromium, served from 127.0.0.1.

Every page (the landing page, one per lesson, the glossary, a search) is opened once in a fresh
context of the suite's Chromium (``harness.launch_browser``: no name resolves but 127.0.0.1), with
every request, console message and page error recorded. Each test asserts one thing of those
visits: (a) no console error or page error, (b) no request leaves 127.0.0.1 and none fails,
(c) math is typeset by MathJax and no TeX is left as text, (d) every figure is an image that loaded, (e) every exercise
dropdown starts collapsed, (f) every kernel-free slider changes its image and its value label,
(g) Colab and Binder links point at the lesson, (h) the search finds a lesson. A screenshot of
each page is saved under build/browser/site/.
"""
from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path
from urllib.parse import urlparse

import pytest

import harness

HTML = harness.REPO / "build" / "site" / "html"
SCREENSHOTS = harness.BUILD / "site"
LESSONS = [name.removesuffix(".ipynb") for name in harness.discover_notebooks(harness.REPO / "notebooks")]
#: the Chinese edition's pages, under zh/ (its lessons, its landing page and glossary)
ZH_LESSONS = [f"zh/{name}" for name in LESSONS if (harness.REPO / "notebooks" / "zh" / f"{name}.ipynb").exists()]
PAGES = ["intro", *LESSONS, "glossary", "search"] + (["zh/intro", *ZH_LESSONS, "zh/glossary"] if ZH_LESSONS else [])
SEARCH_WORD = "grokking"

#: what each page holds once loaded and typeset: math elements, MathJax output, images, dropdowns
_SCAN = """() => {
  const imgs = [...document.querySelectorAll('article img, .bd-article img, main img')];
  return {
    math: document.querySelectorAll('.math, span.math, div.math').length,
    mathjax: document.querySelectorAll('mjx-container').length,
    mathjaxErrors: document.querySelectorAll('mjx-merror, .MathJax_Error').length,
    images: imgs.map(i => ({src: i.getAttribute('src'), ok: i.complete && i.naturalWidth > 0})),
    details: [...document.querySelectorAll('details')].map(d => ({
      open: d.open, summary: (d.querySelector('summary') || {}).textContent || ''})),
    stray: [...document.querySelectorAll('article p, article li, article td')].map(e => {
      const c = e.cloneNode(true);
      c.querySelectorAll('code, pre, mjx-container, .math').forEach(x => x.remove());
      return c.textContent;
    }).filter(t => t.includes('$')).map(t => t.slice(0, 160)),
    players: document.querySelectorAll('div.course-player').length,
    ready: document.querySelectorAll('div.course-player.course-player-ready').length,
    colab: [...document.querySelectorAll('a.course-launch-colab')].map(a => a.href),
    binder: [...document.querySelectorAll('a.course-launch-binder')].map(a => a.href),
    language: [...document.querySelectorAll('a.course-language')].map(a => a.href),
    searchHits: [...document.querySelectorAll('#search-results li a')].map(a => a.getAttribute('href')),
  };
}"""

_PLAYER_STATE = """([p, c]) => {
  const root = document.querySelectorAll('div.course-player')[p];
  const img = root.querySelector('img.course-player-image');
  return {src: img.getAttribute('src'), loaded: img.complete && img.naturalWidth > 0,
          label: root.querySelector(`output[data-control='${c}']`).textContent};
}"""


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def site_url():
    if not (HTML / "intro.html").is_file():
        pytest.fail(f"{HTML} holds no built site: run `make site` first (make test-browser does)")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0),
                                             functools.partial(_QuietHandler, directory=str(HTML)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def _wait_typeset(page) -> None:
    page.wait_for_function("() => !window.MathJax || (window.MathJax.startup && window.MathJax.startup.promise)",
                           timeout=30000)
    page.evaluate("() => window.MathJax && window.MathJax.startup ? window.MathJax.startup.promise : null")
    page.wait_for_function("() => [...document.images].every(i => i.complete)", timeout=30000)


def _move_controls(page, players: int) -> list[dict]:
    """Move every control of every player; per control: label and image before and after."""
    moves = []
    for p in range(players):
        root = page.locator("div.course-player").nth(p)
        count = root.locator(".course-player-row").count()
        for c in range(count):
            before = page.evaluate(_PLAYER_STATE, [p, c])
            slider = root.locator(f"input[type=range][data-control='{c}']")
            changed = None
            if slider.count():
                slider.scroll_into_view_if_needed()
                top = slider.get_attribute("max")
                tries = ["End", "Home"] if slider.input_value() != top else ["Home", "End"]
                for key in tries:  # the far end, then the other (a control may not change some pictures)
                    slider.focus()
                    page.keyboard.press(key)
                    page.wait_for_function("([p, c]) => { const i = document.querySelectorAll('div.course-player')[p]"
                                           ".querySelector('img.course-player-image'); return i.complete; }",
                                           arg=[p, c], timeout=10000)
                    changed = page.evaluate(_PLAYER_STATE, [p, c])
                    if changed["src"] != before["src"]:
                        break
                kind = "slider"
            else:
                buttons = root.locator(f"button[data-control='{c}']")
                for b in range(buttons.count()):
                    if buttons.nth(b).get_attribute("aria-pressed") == "true":
                        continue
                    buttons.nth(b).scroll_into_view_if_needed()
                    buttons.nth(b).click()
                    page.wait_for_function("([p]) => [...document.querySelectorAll('div.course-player')[p]"
                                           ".querySelectorAll('img')].every(i => i.complete)", arg=[p], timeout=10000)
                    changed = page.evaluate(_PLAYER_STATE, [p, c])
                    if changed["src"] != before["src"]:
                        break
                kind = "buttons"
            moves.append({"player": p, "control": c, "kind": kind, "before": before, "after": changed})
    return moves


def _visit(browser, base: str, name: str) -> dict:
    context = browser.new_context(viewport=dict(harness.VIEWPORT), device_scale_factor=1)
    page = context.new_page()
    record = {"requests": [], "failed": [], "bad_status": [], "console": [], "page_errors": []}
    page.on("request", lambda r: record["requests"].append(r.url))
    page.on("requestfailed", lambda r: record["failed"].append(f"{r.url} ({r.failure})"))
    page.on("response", lambda r: r.status >= 400 and record["bad_status"].append(f"{r.url} {r.status}"))
    page.on("console", lambda m: m.type == "error" and record["console"].append(m.text))
    page.on("pageerror", lambda e: record["page_errors"].append(str(e)))
    try:
        url = f"{base}/{name}.html" + (f"?q={SEARCH_WORD}" if name == "search" else "")
        page.goto(url, wait_until="load", timeout=60000)
        if name == "search":
            page.wait_for_selector("#search-results li a", timeout=30000)
        _wait_typeset(page)
        record["scan"] = page.evaluate(_SCAN)
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        record["screenshot"] = str(SCREENSHOTS / f"{name.replace('/', '-')}.png")
        page.screenshot(path=record["screenshot"], full_page=True)
        record["moves"] = _move_controls(page, record["scan"]["players"])
        record["after_moves_images"] = page.evaluate(_SCAN)["images"]
    except Exception as exc:  # reported by every test of the page
        record["failure"] = f"{type(exc).__name__}: {exc}"
    finally:
        context.close()
    return record


@pytest.fixture(scope="module")
def visits(site_url):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = harness.launch_browser(playwright)
        try:
            yield {name: _visit(browser, site_url, name) for name in PAGES}
        finally:
            browser.close()


@pytest.fixture(params=PAGES)
def visit(request, visits) -> dict:
    record = visits[request.param]
    assert "failure" not in record, f"{request.param}: {record['failure']}"
    record["name"] = request.param
    return record


def test_no_console_or_page_errors(visit):
    assert not visit["console"] and not visit["page_errors"], (visit["console"], visit["page_errors"])


def test_no_request_leaves_the_machine_and_none_fails(visit):
    outside = [u for u in visit["requests"]
               if urlparse(u).scheme not in ("data", "blob", "about") and urlparse(u).hostname != "127.0.0.1"]
    assert not outside, f"{visit['name']} asked for {outside}"
    assert not visit["failed"] and not visit["bad_status"], (visit["failed"], visit["bad_status"])


def test_math_is_typeset(visit):
    scan = visit["scan"]
    assert scan["mathjaxErrors"] == 0
    assert scan["mathjax"] >= scan["math"], f"{scan['math']} math elements, {scan['mathjax']} typeset"
    if visit["name"] in LESSONS[1:]:  # every lesson after 00 has formulas
        assert scan["mathjax"] > 0, f"{visit['name']}: no MathJax output"


def test_no_tex_is_left_as_text(visit):
    assert not visit["scan"]["stray"], f"{visit['name']}: prose with a '$' left untypeset: {visit['scan']['stray']}"


def test_every_figure_is_an_image_that_loaded(visit):
    broken = [i["src"] for i in visit["scan"]["images"] + visit["after_moves_images"] if not i["ok"]]
    assert not broken, f"{visit['name']}: images that did not load: {broken}"
    if visit["name"] in LESSONS:
        assert visit["scan"]["images"], f"{visit['name']} shows no figure"


def test_exercise_dropdowns_start_collapsed(visit):
    opened = [d["summary"] for d in visit["scan"]["details"] if d["open"]]
    assert not opened, f"{visit['name']}: dropdowns open at load: {opened}"
    if visit["name"] in LESSONS:
        summaries = {d["summary"].strip() for d in visit["scan"]["details"]}
        assert {"Hint", "Solution"} <= summaries, f"{visit['name']}: dropdowns {sorted(summaries)}"


def test_every_kernel_free_slider_changes_its_image_and_label(visit):
    scan = visit["scan"]
    assert scan["ready"] == scan["players"], f"{scan['players']} players, {scan['ready']} set up by the script"
    stuck = [m for m in visit["moves"] if m["after"] is None or m["after"]["src"] == m["before"]["src"]
             or m["after"]["label"] == m["before"]["label"] or not m["after"]["loaded"]]
    assert not stuck, f"{visit['name']}: controls that did not change image and label: {stuck}"


def test_lesson_pages_have_their_panels_and_launch_links(visit):
    if visit["name"] not in LESSONS + ZH_LESSONS:
        pytest.skip("not a lesson page")
    from course_lib.core import repository

    notebook = f"{visit['name']}.ipynb"
    other = visit["name"].removeprefix("zh/") if visit["name"].startswith("zh/") else f"zh/{visit['name']}"
    if ZH_LESSONS:  # the language switch leads to the same lesson in the other language, and it loads
        assert [urlparse(h).path for h in visit["scan"]["language"]] == [f"/{other}.html"] and other in PAGES
    assert visit["scan"]["colab"] == [repository.colab_url(notebook)]
    assert len(visit["scan"]["binder"]) == 1
    binder = urlparse(visit["scan"]["binder"][0])
    assert binder.hostname == "mybinder.org" and repository.GITHUB_REPO in binder.path
    assert binder.query.endswith(f"notebooks/{notebook}")
    assert visit["scan"]["players"] >= 1, f"{visit['name']}: no kernel-free panel"


def test_search_finds_a_lesson(visits):
    hits = visits["search"].get("scan", {}).get("searchHits", [])
    assert any(h.split("?")[0].split("#")[0].removesuffix(".html") in LESSONS for h in hits), hits
