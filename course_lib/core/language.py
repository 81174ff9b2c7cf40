"""The language a learner reads the course in, and a font that can draw it.

``course_lib.setup(language="zh")`` (the setup cell of the Chinese lessons) calls
:func:`set_language`. Figures in Chinese need a font with CJK glyphs: :func:`find_cjk_font` looks
for one among matplotlib's fonts and, since matplotlib's font cache does not notice fonts installed
after it was built, among the system's font files. Where the machine has none, figures keep their
English labels (:func:`figure_language` says ``"en"``) and :func:`set_language` returns False, so
``setup`` prints a one-line note: a figure never shows empty boxes in place of characters.
"""
from __future__ import annotations

import re

import matplotlib as mpl
from matplotlib import font_manager

from course_lib.core.validation import check_choice

__all__ = ["LANGUAGES", "CJK_FAMILIES", "set_language", "language", "figure_language", "find_cjk_font"]

#: the languages the course is written in
LANGUAGES = ("en", "zh")
#: font families with simplified-Chinese glyphs, best first (Debian's fonts-noto-cjk gives the first)
CJK_FAMILIES = ("Noto Sans CJK SC", "Noto Serif CJK SC", "Source Han Sans SC", "WenQuanYi Zen Hei",
                "WenQuanYi Micro Hei", "Microsoft YaHei", "SimHei", "PingFang SC", "Heiti SC",
                "Noto Sans CJK JP", "Arial Unicode MS")
_CJK_FILE = re.compile(r"(NotoSansCJK|NotoSerifCJK|SourceHanSans|wqy|msyh|simhei|PingFang|STHeiti)", re.I)

_STATE = {"language": "en", "figures": "en"}


def find_cjk_font() -> str | None:
    """The family name of an installed font that draws Chinese, or None.

    Looks in matplotlib's font list first, then registers CJK font files of the system that the
    list does not know yet (fonts installed after matplotlib built its cache).
    """
    known = {f.name for f in font_manager.fontManager.ttflist}
    for family in CJK_FAMILIES:
        if family in known:
            return family
    for path in font_manager.findSystemFonts():
        if _CJK_FILE.search(path):
            try:
                font_manager.fontManager.addfont(path)
            except (OSError, RuntimeError, ValueError):  # an unreadable font file: try the next
                continue
    known = {f.name for f in font_manager.fontManager.ttflist}
    return next((family for family in CJK_FAMILIES if family in known), None)


def set_language(value: str) -> bool:
    """Make ``value`` ("en" or "zh") the course's language; return whether figures can follow it.

    For Chinese, the first CJK font found is put in front of the sans-serif fonts, so figure
    titles, axes and legends can be drawn in Chinese. Without one, figures stay in English and
    this returns False.
    """
    value = check_choice("language", value, LANGUAGES)
    _STATE["language"] = value
    _STATE["figures"] = "en"
    for key in ("font.family", "font.sans-serif", "axes.unicode_minus"):
        mpl.rcParams[key] = mpl.rcParamsDefault[key]
    if value == "en":
        return True
    font = find_cjk_font()
    if font is None:
        return False
    fonts = [f for f in mpl.rcParams["font.sans-serif"] if f != font]
    mpl.rcParams["font.sans-serif"] = [font] + fonts
    # the CJK font first, and matplotlib's own DejaVu Sans (always there) for the glyphs it lacks,
    # such as superscript digits: matplotlib falls back along a list of families, not a generic one
    mpl.rcParams["font.family"] = [font, "DejaVu Sans"]
    mpl.rcParams["axes.unicode_minus"] = False  # CJK fonts often lack U+2212
    _STATE["figures"] = value
    return True


def language() -> str:
    """The language set by :func:`set_language` ("en" until then)."""
    return _STATE["language"]


def figure_language() -> str:
    """The language figures are labelled in: :func:`language`, or "en" where no font can draw it."""
    return _STATE["figures"]
