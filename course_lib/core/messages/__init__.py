"""The course's message catalogues: every sentence course_lib shows a learner, one catalogue per language.

``message(key, **fields)`` returns the sentence ``key`` in the language set by
``course_lib.setup(language=...)`` (:mod:`course_lib.core.language`), with ``fields`` filled in by
:meth:`str.format`. The catalogues are ``en.py`` and ``zh.py`` beside this file, each a dict
``MESSAGES``; ``tests/core/test_messages.py`` fails when a key is missing in one of them, when
their fields differ, or when code asks for a key no catalogue has.
"""
from __future__ import annotations

from course_lib.core.language import figure_language, language
from course_lib.core.messages import en, zh

__all__ = ["CATALOGUES", "message", "figure_message"]

CATALOGUES: dict[str, dict[str, str]] = {"en": en.MESSAGES, "zh": zh.MESSAGES}


def message(key: str, lang: str | None = None, **fields) -> str:
    """The sentence ``key`` in ``lang`` (default: the course's language), with ``fields`` filled in.

    Raises
    ------
    KeyError
        ``key`` is in no catalogue (a test keeps every key in both).
    """
    catalogue = CATALOGUES[lang or language()]
    if key not in catalogue:
        raise KeyError(f"message key {key!r} is not in the {lang or language()!r} catalogue "
                       f"(course_lib/core/messages/)")
    return catalogue[key].format(**fields) if fields else catalogue[key]


def figure_message(key: str, **fields) -> str:
    """The sentence ``key`` for text drawn in a figure (titles, axes, legends, notes).

    Like :func:`message`, in the language figures can be drawn in: the course's language, or
    English where the machine has no font for it (:func:`course_lib.core.language.figure_language`).
    """
    return message(key, figure_language(), **fields)
