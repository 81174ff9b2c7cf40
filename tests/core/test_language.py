"""The course's language and a font that draws it: Chinese figures never show missing glyphs."""
from __future__ import annotations

import warnings

import pytest

import course_lib
from course_lib.core import language
from course_lib.core.style import new_figure, render_png

TITLE = "涌现：模型规模与准确率"


@pytest.fixture(autouse=True)
def back_to_english():
    yield
    language.set_language("en")


def glyph_warnings(title: str) -> list[str]:
    """Draw a figure titled ``title`` and return matplotlib's missing-glyph warnings."""
    fig, ax = new_figure(figsize=(3, 2))
    ax.set_title(title)
    ax.set_xlabel("参数数量")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        render_png(fig)
    return [str(w.message) for w in caught if "missing from font" in str(w.message) or "Glyph" in str(w.message)]


def test_language_is_checked():
    with pytest.raises(ValueError, match="language must be one of"):
        language.set_language("fr")
    assert language.set_language("en") is True and language.language() == "en"


def test_without_a_cjk_font_chinese_text_shows_missing_glyphs():
    """The check below can fail: the default font draws boxes for Chinese and says so."""
    language.set_language("en")
    assert glyph_warnings(TITLE)


def test_chinese_figures_use_a_cjk_font_and_miss_no_glyph():
    if language.find_cjk_font() is None:
        pytest.skip("no CJK font on this machine (CI installs fonts-noto-cjk: ci/browser-setup --apt)")
    assert language.set_language("zh") is True
    assert language.language() == language.figure_language() == "zh"
    assert glyph_warnings(TITLE) == []
    # what the CJK font lacks (superscript digits, as in "10⁶ parameters") falls back to DejaVu Sans
    assert glyph_warnings("参数 10⁶–10⁸，x² − 1") == []


def test_without_a_font_figures_stay_english_with_a_note(monkeypatch, capsys):
    monkeypatch.setattr(language, "find_cjk_font", lambda: None)
    assert language.set_language("zh") is False
    assert language.language() == "zh" and language.figure_language() == "en"
    course_lib.setup(verbose=False, language="zh")
    assert "中文字体" in capsys.readouterr().out


def test_back_to_english_restores_the_default_fonts():
    import matplotlib as mpl
    default = list(mpl.rcParamsDefault["font.sans-serif"])
    language.set_language("zh")
    language.set_language("en")
    assert list(mpl.rcParams["font.sans-serif"]) == default
