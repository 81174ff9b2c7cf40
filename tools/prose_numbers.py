"""Every number a lesson's prose states must be a number the lesson printed.

The rule (``tests/notebooks/test_lessons.py`` applies it to every executed lesson): each number in a
markdown cell that states something is bound to one of

(a) a number printed by a code cell of the same lesson (stdout, ``text/plain``, ``text/html`` or
    ``text/markdown`` outputs) that runs before the markdown cell or is the first code cell after it
    (a result is stated once it is printed), compared after the rounding the prose uses;
(b) a constant of ``course_lib.papers`` (a published, cited number, or a number inside a cited quote);
(c) an entry of the lesson's allow-list ``tests/notebooks/prose_allow/<notebook stem>.txt``: one line
    ``<number as written> | <reason>`` per number (a setting, a worked example's input, ...).

Not checked, because they state nothing measured: single-digit integers (counts and ordinals such as
"3 seeds"), years, lesson, section, table, figure, appendix, equation, cell and exercise numbers,
arXiv identifiers, version numbers, durations ("8 minutes", "10 s"), and anything inside code
(fenced blocks, inline code), link targets, HTML tags and LaTeX commands.

Rounding (half up, as a reader rounds): "0.39" matches any printed value that rounds to 0.39 at two
decimals; "72 %" also
matches a printed fraction 0.72; an integer with trailing zeros ("1,300") matches at the precision
its zeros allow, keeping at least two significant figures; "3·10⁻¹³" matches at its mantissa's
precision. Signs are ignored ("falls by 0.3" binds to a printed -0.3).

Run it on one lesson while writing (it executes the lesson, about as long as the lesson takes)::

    .venv/bin/python tools/prose_numbers.py notebooks/03_grokking.ipynb
    .venv/bin/python tools/prose_numbers.py build/executed/03_grokking.ipynb --executed

``make test`` writes every executed lesson to ``build/executed/``.
"""
from __future__ import annotations

import argparse
import decimal
import html
import importlib
import math
import pkgutil
import re
import sys
from dataclasses import dataclass, fields, is_dataclass
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
ALLOW_DIR = ROOT / "tests" / "notebooks" / "prose_allow"

__all__ = ["ProseNumber", "prose_numbers", "printed_values", "paper_values", "read_allow_list",
           "unbound_numbers", "parse_numbers"]

_SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻", "0123456789-")
_SUP = "⁰¹²³⁴⁵⁶⁷⁸⁹⁻"
# a number: thousands groups or plain digits, optional decimals, then an optional power of ten
# ("e-12", "·10⁻¹³", "× 10^5") or a superscript power ("97²", "10⁻²")
# a letter or digit of an alphabet: Chinese characters are word characters to ``re`` but a number
# written next to them ("第720步") is still a number
_CJK = "\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF"
_LATIN_WORD = r"(?:(?![" + _CJK + r"])\w)"
_NUMBER = re.compile(
    r"(?<![.\u00B7])(?<!" + _LATIN_WORD + r")"            # not glued to a word or a decimal point
    r"(?P<sign>[−-])?"
    r"(?P<int>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?P<dec>\d+))?"
    r"(?:(?P<e>[eE][+−-]?\d+)"
    r"|\s?[·×x*]\s?10(?:\^\{?(?P<pow1>[−-]?\d+)\}?|(?P<sup1>[" + _SUP + r"]+))"
    r"|(?P<sup2>[" + _SUP + r"]+))?"
    r"(?P<pct>\s?[%％])?"
    r"(?!" + _LATIN_WORD + r")")

# contexts whose number labels something rather than stating it
_LABEL_WORDS = (r"§|Sec\.|Section|Sections|Table|Tables|Fig\.|Figs\.|Figure|Figures|App\.|Appendix|"
                r"Eq\.|Eqs\.|Equation|cell|cells|Cell|Cells|Exercise|Exercises|exercise|exercises|"
                r"[Ll]essons?|[Pp]art|[Cc]hapter|[Ss]tep \d+ of|arXiv:?|ipywidgets|Python|[Nn]otebook|"
                r"JupyterLab|Jupyter|numpy|matplotlib|version|v|[Pp]rediction|[Oo]bjective|[Ii]ssue|page|p\.|pp\.")
_LABELLED = re.compile(r"(?:" + _LABEL_WORDS + r")\s?(?:[A-Z]\.)?\d+(?:\.\d+)*(?:[a-z])?"
                       r"(?:\s?(?:[–,-]|and|or|to)\s?(?:[A-Z]\.)?\d+(?:\.\d+)*)*")
_DURATION = re.compile(r"\d+(?:[.,]\d+)?(?:\s?[–-]\s?\d+(?:[.,]\d+)?)?\s?"
                       r"(?:s|ms|seconds?|min|mins|minutes?|hours?|h)\b")
# the same in Chinese: 图 1, 表 2, 附录 A.1, 练习 2.1, 第 3 节, 第 4 课, 第 393–396 页 ("第 720 步" is a result)
_ZH_NUMBERS = r"(?:[A-Z]\.)?\d+(?:\.\d+)*[a-z]?(?:\s?(?:[–,、-]|和|或|到|至)\s?(?:[A-Z]\.)?\d+(?:\.\d+)*)*"
_LABELLED_ZH = re.compile(r"(?:图|表|附录|公式|练习|单元|课程|§)\s?" + _ZH_NUMBERS
                          + r"|第\s?" + _ZH_NUMBERS + r"\s?(?:节|章|课|部分|页|段|行|列|个单元)")
_DURATION_ZH = re.compile(r"\d+(?:[.,]\d+)?(?:\s?[–-]\s?\d+(?:[.,]\d+)?)?\s?(?:毫秒|秒|分钟|小时)")
_ARXIV = re.compile(r"\b\d{4}\.\d{4,5}\b")
_BITS = re.compile(r"\b\d+-bit\b|\d+\s?位(?=\s?(?:哈希|整数|浮点|二进制))")  # a data type ("64-bit hashes",
# "64 位哈希值"), not a result
_VERSION = re.compile(r"\b\d+\.\d+\.\d+\b")
_HEADING_NUMBER = re.compile(r"^(#+\s*)\d+(?:\.\d+)*\.?", re.M)
_CODE_FENCE = re.compile(r"```.*?```", re.S)
_INLINE_CODE = re.compile(r"`[^`]*`")
_LINK_TARGET = re.compile(r"\]\([^)]*\)")
_HTML_TAG = re.compile(r"<[^>]+>")
_LATEX_COMMAND = re.compile(r"\\[A-Za-z]+")
_YEAR = re.compile(r"^(19|20)\d\d$")


@dataclass(frozen=True)
class ProseNumber:
    """One number as the prose writes it, with what it means for matching."""

    text: str          # as written, e.g. "1,280", "72 %", "3·10⁻¹³"
    value: float       # its absolute value, as a fraction-free number (72 % -> 72.0)
    decimals: int      # digits after the decimal point (of the mantissa when there is a power)
    exponent: int      # the power of ten written, or 0
    percent: bool
    context: str       # the surrounding words

    def matches(self, value: float) -> bool:
        """Whether a printed or published ``value`` reads as this number at its rounding."""
        value = abs(value)
        if self.exponent:
            scale = 10.0 ** self.exponent
            mantissa = self.value / scale
            return _same(_round_half_up(value / scale, self.decimals), mantissa)
        if self.decimals == 0 and self.value >= 100:
            digits = len(str(int(self.value)))
            zeros = len(str(int(self.value))) - len(str(int(self.value)).rstrip("0"))
            places = -min(zeros, digits - 2)
            return _same(_round_half_up(value, places), self.value)
        return _same(_round_half_up(value, self.decimals), self.value)


def _round_half_up(value: float, places: int) -> float:
    """``value`` rounded to ``places`` decimals (negative: tens, hundreds), halves away from zero.

    Python's ``round`` rounds halves to even and works on the binary value (64.5 -> 64); a
    reader rounds the printed decimal 64.5 to 65.
    """
    if not math.isfinite(value):
        return value
    with decimal.localcontext(decimal.Context(prec=400)):  # room for 1e308 at 12 places
        exact = decimal.Decimal(repr(value))
        return float(exact.quantize(decimal.Decimal(1).scaleb(-places), rounding=decimal.ROUND_HALF_UP))


def _same(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)


def _strip_markup(source: str) -> str:
    """Markdown with code, link targets, tags, LaTeX commands and labelled numbers blanked out."""
    text = _CODE_FENCE.sub(" ", source)
    text = _INLINE_CODE.sub(" ", text)
    text = _LINK_TARGET.sub("]", text)
    text = _HTML_TAG.sub(" ", text)
    text = html.unescape(text)
    text = _LATEX_COMMAND.sub(" ", text)
    text = _HEADING_NUMBER.sub(r"\1", text)
    for pattern in (_ARXIV, _VERSION, _BITS, _LABELLED, _DURATION, _LABELLED_ZH, _DURATION_ZH):
        text = pattern.sub(lambda m: " " * len(m.group(0)), text)
    return text


# in printed output a unit may be glued to a number ("47.3x", "12ms"): read the number anyway
_PRINTED_NUMBER = re.compile(_NUMBER.pattern.removesuffix(r"(?!" + _LATIN_WORD + r")"))


def parse_numbers(text: str, printed: bool = False) -> list[tuple[str, float, int, int, bool, int]]:
    """Every number in ``text``: (as written, |value|, decimals, exponent, percent, position).

    ``printed``: the text is a code cell's output, where units may be glued to numbers.
    """
    found = []
    for m in (_PRINTED_NUMBER if printed else _NUMBER).finditer(text):
        integer = m.group("int").replace(",", "")
        decimals = len(m.group("dec") or "")
        mantissa = float(integer + ("." + m.group("dec") if decimals else ""))
        exponent = 0
        if m.group("e"):
            exponent = int(m.group("e")[1:].replace("−", "-"))
        elif m.group("pow1") or m.group("sup1"):
            exponent = int((m.group("pow1") or m.group("sup1").translate(_SUPERSCRIPT)).replace("−", "-"))
        elif m.group("sup2"):
            power = m.group("sup2").translate(_SUPERSCRIPT)
            if not re.fullmatch(r"-?\d+", power):
                continue
            if integer == "10" and not decimals:  # 10⁻² is a power of ten
                mantissa, exponent = 1.0, int(power)
            else:                                   # 97² is a square
                mantissa = mantissa ** int(power)
                decimals = 0
        try:
            value = mantissa * 10.0 ** exponent if exponent else mantissa
        except OverflowError:  # "3e9999": no number a lesson states
            continue
        found.append((m.group(0).strip(), abs(value), decimals, exponent, bool(m.group("pct")), m.start()))
    return found


def prose_numbers(source: str) -> list[ProseNumber]:
    """The numbers of one markdown cell that must be bound to an output, a paper or the allow-list."""
    text = _strip_markup(source)
    result = []
    for written, value, decimals, exponent, percent, start in parse_numbers(text):
        plain_integer = decimals == 0 and exponent == 0 and not percent and "." not in written
        if plain_integer and value < 10:
            continue  # counts and ordinals
        if plain_integer and "," not in written and _YEAR.match(written.lstrip("−-")):
            continue
        if plain_integer and written.lstrip("−-").startswith("0") and len(written.lstrip("−-")) > 1:
            continue  # "01": a lesson number
        context = " ".join(text[max(0, start - 60): start + len(written) + 40].split())
        result.append(ProseNumber(written, value, decimals, exponent, percent, context))
    return result


def _output_texts(cell) -> list[str]:
    texts = []
    for out in cell.get("outputs", []):
        if out.get("output_type") == "stream":
            texts.append(out.get("text", ""))
        elif out.get("output_type") in ("display_data", "execute_result"):
            data = out.get("data", {})
            for mime in ("text/plain", "text/markdown"):
                if mime in data:
                    texts.append(data[mime])
            # the website's kernel-free player (``COURSE_SITE_FRAMES``) is not what the lesson
            # prints: its frame names and settings would only add chance candidates
            if "text/html" in data and "course-player" not in data["text/html"]:
                texts.append(html.unescape(_HTML_TAG.sub(" ", data["text/html"])))
    return texts


def printed_values(nb) -> list[tuple[float, int]]:
    """Every number printed by a code cell: (|value|, code cell index); percentages also as fractions."""
    values = []
    index = -1
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        index += 1
        for text in _output_texts(cell):
            for _, value, _, _, percent, _ in parse_numbers(text, printed=True):
                values.append((value, index))
                if percent:
                    values.append((value / 100.0, index))
    return values


def _walk(obj, out: list[float], depth: int = 0) -> None:
    if depth > 8:
        return
    if isinstance(obj, bool) or obj is None:
        return
    if isinstance(obj, (int, float)):
        if math.isfinite(obj):
            out.append(abs(float(obj)))
    elif isinstance(obj, str):
        out.extend(v for _, v, _, _, _, _ in parse_numbers(obj))
    elif isinstance(obj, dict):
        for key, item in obj.items():
            _walk(key, out, depth + 1)
            _walk(item, out, depth + 1)
    elif isinstance(obj, (list, tuple, set, frozenset)):
        for item in obj:
            _walk(item, out, depth + 1)
    elif is_dataclass(obj) and not isinstance(obj, type):
        for field in fields(obj):
            _walk(getattr(obj, field.name), out, depth + 1)
    elif hasattr(obj, "tolist") and hasattr(obj, "dtype"):  # numpy arrays and scalars
        _walk(obj.tolist(), out, depth + 1)


def paper_values() -> list[float]:
    """Every number held by a public constant of ``course_lib.papers`` (cited numbers and quotes)."""
    import course_lib.papers as papers

    values: list[float] = []
    for info in pkgutil.iter_modules(papers.__path__):
        module = importlib.import_module(f"course_lib.papers.{info.name}")
        for name in getattr(module, "__all__", [n for n in vars(module) if n.isupper()]):
            if name.isupper() or name[0].isupper():
                _walk(getattr(module, name), values)
    return values


def read_allow_list(path: Path) -> dict[str, str]:
    """``{number as written: reason}`` from an allow-list file; every line needs a reason."""
    allowed: dict[str, str] = {}
    if not path.exists():
        return allowed
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        number, sep, reason = line.partition("|")
        if not sep or not reason.strip() or not number.strip():
            raise ValueError(f"{path.name}:{lineno}: write '<number> | <reason>', got {line!r}")
        allowed[number.strip()] = reason.strip()
    return allowed


def _nearest(number: ProseNumber, printed: list[tuple[float, int]], count: int = 3) -> str:
    target = number.value / 100.0 if number.percent and number.value > 1 else number.value
    pool = sorted(printed, key=lambda vc: min(abs(vc[0] - number.value), abs(vc[0] - target)))
    seen, shown = set(), []
    for value, cell in pool:
        if (value, cell) in seen:
            continue
        seen.add((value, cell))
        shown.append(f"{value:g} (code cell {cell})")
        if len(shown) == count:
            break
    return ", ".join(shown) or "nothing printed"


def unbound_numbers(nb, allow: dict[str, str] | None = None, papers: list[float] | None = None,
                    name: str = "notebook") -> tuple[list[str], list[str], int]:
    """Check one executed notebook.

    Returns ``(problems, unused_allow_entries, numbers_checked)``: a message for each prose number
    bound to nothing (naming the cell, the number and the nearest printed candidates), and the
    allow-list entries that no prose number used.
    """
    allow = dict(allow or {})
    papers = paper_values() if papers is None else papers
    printed = printed_values(nb)
    used: set[str] = set()
    problems, checked = [], 0
    markdown_index = -1
    code_seen = 0
    for cell in nb.cells:
        if cell.cell_type == "code":
            code_seen += 1
            continue
        if cell.cell_type != "markdown":
            continue
        markdown_index += 1
        for number in prose_numbers(cell.source):
            checked += 1
            if number.text in allow or number.text.replace(" ", "") in allow:
                used.add(number.text if number.text in allow else number.text.replace(" ", ""))
                continue
            # printed by a code cell before this markdown cell, or by the first one after it
            seen = [(v, c) for v, c in printed if c <= code_seen]
            if any(number.matches(v) for v, _ in seen):
                continue
            if any(number.matches(v) for v in papers):
                continue
            if number.percent and any(number.matches(100.0 * v) for v, _ in seen):
                continue
            later = [c for v, c in printed if c > code_seen and number.matches(v)]
            where = f" (printed only later, by code cell {later[0]})" if later else ""
            problems.append(f"{name}: markdown cell {markdown_index} (after code cell {code_seen - 1}): "
                            f"{number.text!r} in \"...{number.context}...\" is not printed by a code "
                            f"cell before it or the one right after it{where}, not in course_lib.papers "
                            f"and not allowed; nearest printed: {_nearest(number, seen)}")
    unused = sorted(set(allow) - used)
    return problems, unused, checked


def allow_list_for(notebook: Path) -> Path:
    """``prose_allow/<stem>.txt``, or ``prose_allow/zh/<stem>.txt`` for a lesson under a ``zh`` folder."""
    notebook = Path(notebook)
    folder = ALLOW_DIR / "zh" if notebook.parent.name == "zh" else ALLOW_DIR
    return folder / f"{notebook.stem}.txt"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("notebooks", nargs="+", type=Path)
    parser.add_argument("--executed", action="store_true",
                        help="the notebooks are executed already (e.g. build/executed/*.ipynb)")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT / "tools"))
    failed = False
    for path in args.notebooks:
        if args.executed:
            nb = nbformat.read(path, as_version=4)
        else:
            from execute_notebook import execute
            nb = execute(path)
        problems, unused, checked = unbound_numbers(nb, read_allow_list(allow_list_for(path)), name=path.name)
        for line in problems:
            print(line)
        for entry in unused:
            print(f"{path.name}: allow-list entry {entry!r} is not used by the prose: remove it")
        print(f"{path.name}: {checked} numbers checked, {len(problems)} unbound, {len(unused)} unused allow-list entries")
        failed |= bool(problems or unused)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
