"""Character-level rules: each one a function from text to :class:`~.offsets.Edit` objects.

Every rule finds its work with a compiled regular expression over the whole
text, so text that needs nothing from a rule costs one scan at C speed. The
rules are local: whether a character changes depends only on its immediate
neighbours, which is what makes cleaning idempotent and lets any clean span be
re-cleaned from the raw span it maps to.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator
from typing import Literal, cast

from nkcorpus.cleaning.mojibake import KEPT as _KEPT
from nkcorpus.cleaning.mojibake import mojibake_edits
from nkcorpus.cleaning.offsets import Edit

__all__ = [
    "INVISIBLE",
    "ODD_SPACES",
    "apostrophe_edits",
    "fullwidth_edits",
    "invisible_edits",
    "mojibake_edits",
    "newline_edits",
    "normalization_edits",
    "quote_edits",
    "space_edits",
    "whitespace_edits",
]

# --- line endings ---------------------------------------------------------------------

_NEWLINES = re.compile("\r\n|[\r\x0b\x0c\x1c-\x1e\u2028\u2029]")


def newline_edits(text: str) -> Iterator[Edit]:
    """``\\r\\n``, ``\\r`` and the other line separators become ``\\n``.

    ``"\\x85"`` is not among them: on the web it is CP1252's ``…`` read as
    Latin-1 far more often than a line break, and the mojibake rule reads it so
    (with that rule off, it goes with the other C1 controls).
    """
    for match in _NEWLINES.finditer(text):
        yield Edit(match.start(), match.end(), "\n")


# --- invisible and control characters -------------------------------------------------

_EMOJI = "\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff"
#: The characters :func:`invisible_edits` removes, as a regular expression character class.
INVISIBLE = (
    "\x00-\x08\x0e-\x1b\x7f-\x9f\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e"
    "\u200b\u200c\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\u3164\ufdd0-\ufdef"
    "\ufeff\uffa0\ufff9-\ufffb\ufffe\uffff\ud800-\udfff"
)
_ANY_INVISIBLE = re.compile(f"[{INVISIBLE}\u200d]")
_INVISIBLE = re.compile(
    f"[{INVISIBLE}]+"
    # A zero-width joiner stays only between two parts of an emoji sequence.
    f"|(?<![{_EMOJI}\ufe0f\U0001f3fb-\U0001f3ff])\u200d|\u200d(?![{_EMOJI}])"
)


def invisible_edits(text: str, keep_c1: bool = False) -> Iterator[Edit]:
    """Remove zero-width characters, soft hyphens, bidi controls, fillers and controls.

    Tabs and line breaks are not removed here; they are spaces and newlines.
    With ``keep_c1``, C1 controls, and soft hyphens after a non-ASCII letter, stay
    for :func:`mojibake_edits`, which reads them as the bytes of garbled text, as
    CP1252 punctuation, or removes them.
    """
    if not _ANY_INVISIBLE.search(text):
        return
    for match in _INVISIBLE.finditer(text):
        if keep_c1 and _KEPT.search(text, match.start(), match.end()):
            pos = match.start()
            for kept in _KEPT.finditer(text, match.start(), match.end()):
                if kept.start() > pos:
                    yield Edit(pos, kept.start(), "")
                pos = kept.end()
            if pos < match.end():
                yield Edit(pos, match.end(), "")
            continue
        yield Edit(match.start(), match.end(), "")

# --- odd spaces -----------------------------------------------------------------------

#: Characters that :func:`space_edits` turns into a plain space.
ODD_SPACES = "\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
_ODD_SPACES = re.compile(f"[{ODD_SPACES}]+")


def space_edits(text: str) -> Iterator[Edit]:
    """Tabs, no-break spaces and the other odd spaces become plain spaces."""
    for match in _ODD_SPACES.finditer(text):
        yield Edit(match.start(), match.end(), " " * (match.end() - match.start()))


# --- full-width forms -----------------------------------------------------------------

#: Full-width letters and digits, and the marks inside a number or a word that they
#: write (``４．３``, ``１９９５－２００５``, ``１２：３０``, ``Ａ＆Ｍ``, ``５０％``): the whole
#: run turns into ASCII, never half of it (``4．3``).
_FULLWIDTH_ALNUM = "[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]"
_FULLWIDTH = {
    "alnum": re.compile(
        f"{_FULLWIDTH_ALNUM}+(?:[\uff0e\uff0d\uff1a\uff0f\uff06\uff0b\uff3f]"
        f"{_FULLWIDTH_ALNUM}+)*\uff05?"
    ),
    "all": re.compile("[\uff01-\uff5e]+"),
}
_FULLWIDTH_TABLE = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}


def fullwidth_edits(text: str, which: str) -> Iterator[Edit]:
    """Full-width letters and digits (``which="alnum"``; with the marks inside the numbers and
    words they write: ``４．３`` to ``4.3``) or all full-width ASCII to ASCII."""
    pattern = _FULLWIDTH.get(which)
    if pattern is None:
        return
    for match in pattern.finditer(text):
        yield Edit(match.start(), match.end(), match.group().translate(_FULLWIDTH_TABLE))


# --- NFC / NFKC -----------------------------------------------------------------------

_CJK_COMPAT = re.compile("[\uf900-\ufaff\U0002f800-\U0002fa1f]")
_HANGUL_COMPAT = "\u3131-\u318e\uffa0-\uffdc"


def _ranges(codes: list[int]) -> str:
    """A regular-expression character class body for sorted code points."""
    parts: list[str] = []
    start = prev = codes[0]
    for code in [*codes[1:], -2]:
        if code == prev + 1:
            prev = code
            continue
        parts.append(re.escape(chr(start)) + ("-" + re.escape(chr(prev)) if prev > start else ""))
        start = prev = code
    return "".join(parts)


@functools.lru_cache(maxsize=4)
def _unit_pattern(form: Form, keep_cjk: bool) -> re.Pattern[str]:
    """Match the smallest pieces of text that normalize independently of their neighbours.

    A piece is one character followed by characters that combine with what comes
    before them (non-zero combining class, Hangul vowel and final jamo, and the
    second characters of canonical compositions), or one character that the
    normalization form changes on its own.
    """
    combining: list[int] = [*range(0x1161, 0x1176), *range(0x11A8, 0x11C3)]
    changing: list[int] = []
    compatibility = form == "NFKC"
    for code in [*range(0x30000), *range(0xE0000, 0xE0200)]:
        char = chr(code)
        if unicodedata.combining(char):
            combining.append(code)
        decomposition = unicodedata.decomposition(char)
        if not decomposition:
            continue
        canonical = not decomposition.startswith("<")
        if canonical and " " in decomposition:
            combining.append(int(decomposition.split()[-1], 16))
        if (canonical or compatibility) and unicodedata.normalize(form, char) != char:
            changing.append(code)
    skip = set()
    if compatibility:
        skip |= {c for c in changing if re.match(f"[{_HANGUL_COMPAT}]", chr(c))}
    if keep_cjk:
        skip |= {c for c in changing if _CJK_COMPAT.match(chr(c))}
    changing = sorted(set(changing) - skip)
    combining = sorted(set(combining))
    join = _ranges(combining)
    return re.compile(f"[^{join}]?[{join}]+|[{_ranges(changing)}]", re.DOTALL)


#: A normalization form nkcorpus applies.
Form = Literal["NFC", "NFKC"]


def _form(form: str) -> Form:
    if form not in ("NFC", "NFKC"):
        raise ValueError(f"normalization form must be 'NFC' or 'NFKC', got {form!r}")
    return cast(Form, form)


def _normalize_unit(unit: str, form: Form, keep_cjk: bool) -> str:
    if form == "NFKC" and re.match(f"[{_HANGUL_COMPAT}]", unit):
        return unit[0] + unicodedata.normalize(form, unit[1:])
    if keep_cjk and _CJK_COMPAT.match(unit):
        return unit[0] + unicodedata.normalize(form, unit[1:])
    return unicodedata.normalize(form, unit)


def normalization_edits(text: str, form: str, keep_cjk: bool = False) -> Iterator[Edit]:
    """Normalize to ``form`` (``"NFC"`` or ``"NFKC"``), piece by piece.

    Already normalized text costs one check. Otherwise each piece that changes
    (``"e\\u0301"`` to ``"é"``, a Hangul syllable written as jamo) is one edit.
    A line on which piecewise normalization would differ from normalizing the
    whole line (rare compatibility compositions) is replaced as a whole.
    """
    form = _form(form)
    if unicodedata.is_normalized(form, text):
        return
    pattern = _unit_pattern(form, keep_cjk)
    edits: list[Edit] = []
    for match in pattern.finditer(text):
        unit = match.group()
        normal = _normalize_unit(unit, form, keep_cjk)
        if normal != unit:
            edits.append(Edit(match.start(), match.end(), normal, exact=False))
    if not edits:
        return
    yield from _checked_by_line(text, edits, form, keep_cjk)


def _checked_by_line(
    text: str, edits: list[Edit], form: Form, keep_cjk: bool
) -> Iterator[Edit]:
    """Keep the fine edits of each line whose result equals normalizing the line whole."""
    index = 0
    while index < len(edits):
        line_start = text.rfind("\n", 0, edits[index].start) + 1
        line_end = text.find("\n", edits[index].start)
        line_end = len(text) if line_end < 0 else line_end
        group = []
        while index < len(edits) and edits[index].start < line_end:
            group.append(edits[index])
            index += 1
        line = text[line_start:line_end]
        pieces, pos = [], line_start
        for edit in group:
            pieces.append(text[pos : edit.start])
            pieces.append(edit.replacement)
            pos = edit.end
        pieces.append(text[pos:line_end])
        fine = "".join(pieces)
        whole = _whole_line(line, form, keep_cjk)
        if fine == whole:
            yield from group
        else:
            yield Edit(line_start, line_end, whole, exact=False)


def _whole_line(line: str, form: Form, keep_cjk: bool) -> str:
    protected = f"[{_HANGUL_COMPAT}]" if form == "NFKC" else ""
    if keep_cjk:
        protected += ("|" if protected else "") + _CJK_COMPAT.pattern
    if not protected:
        return unicodedata.normalize(form, line)
    out, pos = [], 0
    for match in re.finditer(protected, line):
        out.append(unicodedata.normalize(form, line[pos : match.start()]))
        out.append(match.group())
        pos = match.end()
    out.append(unicodedata.normalize(form, line[pos:]))
    return "".join(out)


# --- apostrophes and quotes -----------------------------------------------------------

_BACKTICK = re.compile(r"(?<=\w)`(?=\w|[\s.,;:!?)\]}\"'”’»])")
#: A line break, or a run of backticks: what :func:`_closing_ticks` looks at.
_TICKS_OR_LINE = re.compile(r"\n|`+")


def apostrophe_edits(text: str) -> Iterator[Edit]:
    """A backtick after a letter (``"It`s"``, ``"defectors` plight"``) becomes ``'``,
    unless it closes a backtick opened before it on its line (a code span, ``"`Kim`"``).

    The characters on both sides are part of the edit, since they are what
    makes the backtick an apostrophe: the three map back to the raw three as
    a whole.

    >>> [e.replacement for e in apostrophe_edits("It`s `print(x)` and defectors` plight")]
    ["t's", "s' "]
    """
    if "`" not in text:
        return
    closing = _closing_ticks(text) if text.count("`") > 1 else frozenset()
    start = end = -1
    ticks: list[int] = []
    for match in _BACKTICK.finditer(text):
        if match.start() in closing:
            continue
        if ticks and match.start() - 1 < end:  # "a`b`c": the units overlap, join them
            end = match.end() + 1
            ticks.append(match.start())
            continue
        if ticks:
            yield _ticked(text, start, end, ticks)
        start, end, ticks = match.start() - 1, match.end() + 1, [match.start()]
    if ticks:
        yield _ticked(text, start, end, ticks)


def _closing_ticks(text: str) -> frozenset[int]:
    """Where a backtick after a letter closes one opened before it on the same line.

    A backtick opens after no letter and before a character that is no space
    (``"`Kim`"``, ``"print(`x`)"``) and closes at the next one after a character that is
    no space. A backtick inside a word (``"It`s"``) neither opens nor closes; runs of
    backticks (``"``quoted''"``, code fences) are left alone."""
    closing: list[int] = []
    opened = False
    size = len(text)
    for match in _TICKS_OR_LINE.finditer(text):
        at, after = match.span()
        if after - at != 1 or text[at] == "\n":
            opened = False if text[at] == "\n" else opened
            continue
        previous = text[at - 1] if at else " "
        following = text[after] if after < size else " "
        after_word = previous.isalnum() or previous == "_"
        if after_word and (following.isalnum() or following == "_"):
            continue  # inside a word: an apostrophe
        if opened and not previous.isspace():
            if after_word:
                closing.append(at)
            opened = False
        elif not after_word and not following.isspace():
            opened = True
    return frozenset(closing)


def _ticked(text: str, start: int, end: int, ticks: list[int]) -> Edit:
    """The unit ``text[start:end]`` with the backticks at ``ticks`` made apostrophes."""
    pieces, pos = [], start
    for tick in ticks:
        pieces.append(text[pos:tick])
        pieces.append("'")
        pos = tick + 1
    pieces.append(text[pos:end])
    return Edit(start, end, "".join(pieces), exact=False)


_QUOTES = re.compile("[\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f]+")
_QUOTE_TABLE = str.maketrans("\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f", "''''\"\"\"\"")


def quote_edits(text: str) -> Iterator[Edit]:
    """Curly single and double quotes become ``'`` and ``"``."""
    for match in _QUOTES.finditer(text):
        yield Edit(match.start(), match.end(), match.group().translate(_QUOTE_TABLE))


# --- whitespace layout ----------------------------------------------------------------

#: Runs of two or more spaces and line breaks: the only whitespace inside a text
#: that can differ from its clean form (a single space or line break is clean).
_LAYOUT = re.compile(r"[ \n]{2,}")
_EDGE = re.compile(r"[ \n]+")


def whitespace_edits(text: str) -> Iterator[Edit]:
    """Strip lines, collapse spaces, keep line breaks, make paragraph breaks ``\\n\\n``.

    Spaces and newlines that stay keep their own positions in the map; the
    others are deleted, so no replacement is ever inexact.
    """
    if not text:
        return
    lead = _EDGE.match(text)
    lead_end = lead.end() if lead else 0
    if lead_end == len(text):
        yield Edit(0, len(text), "")
        return
    if lead_end:
        yield Edit(0, lead_end, "")
    trail = len(text) - (len(text) - len(text.rstrip(" \n")))
    for match in _LAYOUT.finditer(text, lead_end, trail):
        start, end = match.span()
        chunk = match.group()
        if chunk == "\n\n":
            continue
        first = chunk.find("\n")
        if first < 0:  # a run of spaces inside a line: keep the first
            yield Edit(start + 1, end, "")
            continue
        second = chunk.find("\n", first + 1)
        keep = [first] if second < 0 else [first, second]
        pos = 0
        for index in keep:
            if index > pos:
                yield Edit(start + pos, start + index, "")
            pos = index + 1
        if pos < len(chunk):
            yield Edit(start + pos, end, "")
    if trail < len(text):
        yield Edit(trail, len(text), "")
