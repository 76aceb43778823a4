"""Unicode script evidence: which writing systems a text uses, counted in compiled code.

Every character gets a script class from a lookup table indexed by code point
(a NumPy gather over the text's UTF-32 code points, never a Python loop over
characters). Only letters count: digits, punctuation, symbols, spaces, combining
marks, and the characters of URLs and e-mail addresses are *neutral*.

Han characters are split three ways from OpenCC's character tables: those that
exist only in Simplified Chinese (``鲜``, ``国``), those that exist only in
Traditional Chinese (``鮮``, ``國``), and those shared by both (``金``, ``正``),
which say nothing about the standard. The table is built once per process, on
first use (about a quarter of a second).

>>> from nkcorpus.text.scripts import script_profile
>>> profile = script_profile("김정은 (金正恩) met 2 envoys.")
>>> profile.count("Hangul"), profile.count("Han"), profile.count("Latin")
(3, 3, 9)
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from typing import TYPE_CHECKING

import attrs

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np
    import numpy.typing as npt

__all__ = [
    "ALPHABETIC",
    "CHUNK",
    "CJK",
    "CJK_CHARS",
    "HANGUL_CHARS",
    "HANGUL_SYLLABLES",
    "HAN_CHARS",
    "KANA_CHARS",
    "NEUTRAL",
    "SCRIPT_NAMES",
    "WEIGHTS",
    "ScriptProfile",
    "class_counts",
    "classify",
    "is_han",
    "link_spans",
    "script_profile",
]

#: Class codes of the lookup table. ``NEUTRAL`` is everything that is not a letter.
NEUTRAL = 0
LATIN = 1
HANGUL = 2
HAN = 3
HAN_SIMPLIFIED = 4
HAN_TRADITIONAL = 5
HIRAGANA = 6
KATAKANA = 7
CYRILLIC = 8
GREEK = 9
ARABIC = 10
HEBREW = 11
DEVANAGARI = 12
THAI = 13
BENGALI = 14
GURMUKHI = 15
GUJARATI = 16
TAMIL = 17
TELUGU = 18
KANNADA = 19
MALAYALAM = 20
GEORGIAN = 21
ARMENIAN = 22
OTHER = 23

#: The name of each class code, as reported in :class:`ScriptProfile`. The three Han
#: classes are all reported as ``"Han"``; the split is in ``simplified``/``traditional``.
SCRIPT_NAMES: tuple[str, ...] = (
    "Neutral",
    "Latin",
    "Hangul",
    "Han",
    "Han",
    "Han",
    "Hiragana",
    "Katakana",
    "Cyrillic",
    "Greek",
    "Arabic",
    "Hebrew",
    "Devanagari",
    "Thai",
    "Bengali",
    "Gurmukhi",
    "Gujarati",
    "Tamil",
    "Telugu",
    "Kannada",
    "Malayalam",
    "Georgian",
    "Armenian",
    "Other",
)

#: Class codes of the East Asian scripts (decided by script alone).
CJK = frozenset({HANGUL, HAN, HAN_SIMPLIFIED, HAN_TRADITIONAL, HIRAGANA, KATAKANA})
#: Class codes of letters written with an alphabet or abugida (everything else).
ALPHABETIC = frozenset(range(1, len(SCRIPT_NAMES))) - CJK

#: How much one letter of each class weighs when texts in different scripts are
#: compared: a Hangul syllable carries about two Latin letters' worth of text and a
#: Han character or kana about three (a news story of 1,000 Han characters is about
#: as long as one of 3,000 Latin letters).
WEIGHTS: tuple[float, ...] = tuple(
    0.0 if code == NEUTRAL else 2.0 if code == HANGUL else 3.0 if code in CJK else 1.0
    for code in range(len(SCRIPT_NAMES))
)

#: Regular-expression class bodies (use inside ``[...]``) of the East Asian scripts:
#: Hangul syllables; all Hangul (syllables and jamo); Han characters (CJK ideographs
#: with extensions and compatibility forms, and the iteration mark 々); kana.
HANGUL_SYLLABLES = "\uac00-\ud7a3"
HANGUL_CHARS = "\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\uac00-\ud7af\ud7b0-\ud7ff\uffa0-\uffdc"
HAN_CHARS = "\u3005\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U000323af"
KANA_CHARS = "\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f"
CJK_CHARS = HANGUL_CHARS + HAN_CHARS + KANA_CHARS
_HAN_CHAR = re.compile(f"[{HAN_CHARS}]")


def is_han(char: str) -> bool:
    """Whether ``char`` is a Han character (a Chinese character, hanja or kanji).

    >>> is_han("金"), is_han("김"), is_han("a")
    (True, False, False)
    """
    return _HAN_CHAR.match(char) is not None


#: The characters a URL or e-mail address may run on with (up to a space or a bracket).
_LINK_BODY = re.compile(r"[^\s<>\"'“”‘’()\[\]{}]+")
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]{0,15}$")
_MAIL_USER = re.compile(r"[\w.+-]{1,64}$")
_MAIL_HOST = re.compile(r"[\w-]+(?:\.[\w-]+)+")
_MARKERS = ("://", "www.", "WWW.", "@")


def link_spans(text: str) -> list[tuple[int, int]]:
    """Return the ``(start, end)`` spans of URLs and e-mail addresses in ``text``.

    The search anchors on ``://``, ``www.`` and ``@`` (found by fast substring
    search) and grows each link from there, so a text without links costs almost
    nothing.

    >>> text = "See https://nk.org/a or mail kim@un.org."
    >>> [text[s:e] for s, e in link_spans(text)]
    ['https://nk.org/a', 'kim@un.org']
    """
    found = [token for token in _MARKERS if token in text]
    if not found:
        return []
    markers = sorted(
        (match.start(), token) for token in found for match in re.finditer(re.escape(token), text)
    )
    spans: list[tuple[int, int]] = []
    covered = 0
    for at, token in markers:
        if at < covered:
            continue
        if token == "@":
            user = _MAIL_USER.search(text, max(0, at - 64), at)
            host = _MAIL_HOST.match(text, at + 1)
            if user is None or host is None:
                continue
            start, end = user.start(), host.end()
        else:
            start = at
            if token == "://":
                scheme = _SCHEME.search(text, max(0, at - 16), at)
                if scheme is None:
                    continue
                start = scheme.start()
            body = _LINK_BODY.match(text, at + len(token))
            if body is None:
                continue
            end = body.end()
            while end > at + len(token) and text[end - 1] in ".,;:!?":
                end -= 1  # sentence punctuation after a link is not part of it
        spans.append((max(start, covered), end))
        covered = end
    return spans


# Code point ranges of each script, inclusive.
_RANGES: tuple[tuple[int, int, int], ...] = (
    (0x0041, 0x024F, LATIN),
    (0x0250, 0x02AF, LATIN),
    (0x1D00, 0x1DBF, LATIN),
    (0x1E00, 0x1EFF, LATIN),
    (0x2C60, 0x2C7F, LATIN),
    (0xA720, 0xA7FF, LATIN),
    (0xAB30, 0xAB6F, LATIN),
    (0xFB00, 0xFB06, LATIN),
    (0xFF21, 0xFF3A, LATIN),
    (0xFF41, 0xFF5A, LATIN),
    (0x0370, 0x03FF, GREEK),
    (0x1F00, 0x1FFF, GREEK),
    (0x0400, 0x052F, CYRILLIC),
    (0x1C80, 0x1C8F, CYRILLIC),
    (0x2DE0, 0x2DFF, CYRILLIC),
    (0xA640, 0xA69F, CYRILLIC),
    (0x0530, 0x058F, ARMENIAN),
    (0x0590, 0x05FF, HEBREW),
    (0xFB1D, 0xFB4F, HEBREW),
    (0x0600, 0x06FF, ARABIC),
    (0x0750, 0x077F, ARABIC),
    (0x08A0, 0x08FF, ARABIC),
    (0xFB50, 0xFDFF, ARABIC),
    (0xFE70, 0xFEFF, ARABIC),
    (0x0900, 0x097F, DEVANAGARI),
    (0x0980, 0x09FF, BENGALI),
    (0x0A00, 0x0A7F, GURMUKHI),
    (0x0A80, 0x0AFF, GUJARATI),
    (0x0B80, 0x0BFF, TAMIL),
    (0x0C00, 0x0C7F, TELUGU),
    (0x0C80, 0x0CFF, KANNADA),
    (0x0D00, 0x0D7F, MALAYALAM),
    (0x0E00, 0x0E7F, THAI),
    (0x10A0, 0x10FF, GEORGIAN),
    (0x1C90, 0x1CBF, GEORGIAN),
    (0x1100, 0x11FF, HANGUL),
    (0x3130, 0x318F, HANGUL),
    (0xA960, 0xA97F, HANGUL),
    (0xAC00, 0xD7AF, HANGUL),
    (0xD7B0, 0xD7FF, HANGUL),
    (0xFFA0, 0xFFDC, HANGUL),
    (0x3040, 0x309F, HIRAGANA),
    (0x30A0, 0x30FF, KATAKANA),
    (0x31F0, 0x31FF, KATAKANA),
    (0xFF66, 0xFF9F, KATAKANA),
    (0x3005, 0x3005, HAN),
    (0x3400, 0x4DBF, HAN),
    (0x4E00, 0x9FFF, HAN),
    (0xF900, 0xFAFF, HAN),
    (0x20000, 0x323AF, HAN),
)

#: Code points at or above this share the class of ``_TABLE_SIZE - 1`` (neutral).
_TABLE_SIZE = 0x323B1
# Han ranges whose characters are checked against OpenCC (the rest stay shared Han).
_OPENCC_RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF))


@functools.lru_cache(maxsize=1)
def _table() -> npt.NDArray[np.uint8]:
    """Build the code point -> class table once per process."""
    import numpy as np

    table = np.zeros(_TABLE_SIZE, dtype=np.uint8)
    letters = {"Lu", "Ll", "Lt", "Lm", "Lo"}
    category = unicodedata.category
    # Any letter outside the listed ranges is OTHER; listed ranges overwrite it below.
    for cp in range(0x80, 0x20000):
        if category(chr(cp)) in letters:
            table[cp] = OTHER
    for first, last, code in _RANGES:
        block = range(first, last + 1)
        if code == HAN:
            table[first : last + 1] = HAN
            continue
        for cp in block:
            if category(chr(cp)) in letters:
                table[cp] = code
            elif table[cp] == OTHER:
                table[cp] = NEUTRAL
    for cp in range(0x41, 0x80):
        table[cp] = LATIN if chr(cp).isalpha() else NEUTRAL
    simplified, traditional = _han_variants()
    table[simplified] = HAN_SIMPLIFIED
    table[traditional] = HAN_TRADITIONAL
    table.setflags(write=False)
    return table


def _han_variants() -> tuple[list[int], list[int]]:
    """Han code points used only in Simplified, and only in Traditional, Chinese (OpenCC).

    A character is Traditional only when OpenCC's ``t2s`` changes it and ``s2t`` keeps it
    (``會``, ``國``). A character is Simplified only when ``t2s`` keeps it and ``s2t``,
    ``s2tw`` and ``s2hk`` all change it: ``峰`` is no evidence, since ``s2t`` writes the
    variant ``峯`` while Taiwan and Hong Kong write ``峰`` too.
    """
    from nkcorpus.text.chinese import converter

    chars = [chr(cp) for first, last in _OPENCC_RANGES for cp in range(first, last + 1)]
    joined = "\n".join(chars)
    to_simplified = converter("t2s").convert(joined).split("\n")
    to_traditional = converter("s2t").convert(joined).split("\n")
    if not len(chars) == len(to_simplified) == len(to_traditional):  # pragma: no cover
        raise RuntimeError("OpenCC changed the number of lines; check the opencc installation")
    simplified, traditional = [], []
    for char, simp, trad in zip(chars, to_simplified, to_traditional, strict=False):
        only_traditional = simp != char
        only_simplified = trad != char
        if only_traditional and not only_simplified:
            traditional.append(ord(char))
        elif only_simplified and not only_traditional:
            simplified.append(ord(char))
    # Variants that Taiwan or Hong Kong write as they are are no evidence of Simplified.
    candidates = "\n".join(chr(cp) for cp in simplified)
    regional = [converter(config).convert(candidates).split("\n") for config in ("s2tw", "s2hk")]
    kept = [
        cp
        for cp, taiwan, hong_kong in zip(simplified, *regional, strict=True)
        if taiwan != chr(cp) and hong_kong != chr(cp)
    ]
    return kept, traditional


def classify(text: str, *, links: bool = True) -> npt.NDArray[np.uint8]:
    """Return the script class code of every character of ``text``.

    Args:
        text: any string (lone surrogates are allowed and are neutral).
        links: when true, the characters of URLs and e-mail addresses are neutral.

    Returns:
        A new NumPy array of ``len(text)`` class codes (``NEUTRAL``, ``LATIN``,
        ``HANGUL``, ...), one per character.
    """
    import numpy as np

    table = _table()
    classes: npt.NDArray[np.uint8]
    if len(text) <= CHUNK:
        # One piece: the gathered classes are the result.
        points = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype="<u4")
        # Code points past the table share its last entry (neutral): "clip" maps them there.
        classes = table.take(points, mode="clip")
        if links:
            for start, end in link_spans(text):
                classes[start:end] = NEUTRAL
        return classes
    classes = np.empty(len(text), dtype=np.uint8)
    # Piece by piece: the code points of the whole text at once would take 8 bytes a
    # character on top of the text.
    for start in range(0, len(text), CHUNK):
        piece = text[start : start + CHUNK]
        points = np.frombuffer(piece.encode("utf-32-le", "surrogatepass"), dtype="<u4")
        table.take(points, mode="clip", out=classes[start : start + len(piece)])
    if links:
        for start, end in link_spans(text):
            classes[start:end] = NEUTRAL
    return classes


#: How many characters the array functions of this module read at a time, so that what
#: they allocate besides their result stays under a few megabytes for any text.
CHUNK = 1 << 16


def class_counts(classes: npt.NDArray[np.uint8]) -> list[int]:
    """Return how many characters of each class code :func:`classify` found.

    The same as ``numpy.bincount(classes, minlength=len(SCRIPT_NAMES)).tolist()``,
    counted a piece at a time (``bincount`` copies its input into 8-byte integers).

    >>> class_counts(classify("Kim 김"))[:3]
    [1, 3, 1]
    """
    import numpy as np

    totals = np.zeros(len(SCRIPT_NAMES), dtype=np.int64)
    for start in range(0, len(classes), CHUNK):
        totals += np.bincount(classes[start : start + CHUNK], minlength=len(SCRIPT_NAMES))
    result: list[int] = totals.tolist()
    return result


@attrs.frozen
class ScriptProfile:
    """How many letters of each script a text holds.

    Attributes:
        counts: ``(script, letters)`` pairs for every script present, most letters first
            (ties by name); ``"Han"`` counts all Han characters.
        simplified: Han characters that exist only in Simplified Chinese.
        traditional: Han characters that exist only in Traditional Chinese.
        neutral: characters that are not letters (digits, punctuation, spaces, links).
    """

    counts: tuple[tuple[str, int], ...] = ()
    simplified: int = 0
    traditional: int = 0
    neutral: int = 0

    @property
    def letters(self) -> int:
        """The number of letters in all scripts together."""
        return sum(n for _script, n in self.counts)

    def count(self, script: str) -> int:
        """Return the number of letters of ``script`` (``"Latin"``, ``"Hangul"``, ...)."""
        for name, n in self.counts:
            if name == script:
                return n
        return 0

    def share(self, script: str) -> float:
        """Return the fraction of all letters that are in ``script`` (0 without letters)."""
        letters = self.letters
        return self.count(script) / letters if letters else 0.0

    @property
    def main(self) -> str | None:
        """The script with the most letters, or ``None`` when there are no letters."""
        return self.counts[0][0] if self.counts else None

    @classmethod
    def from_classes(cls, classes: npt.NDArray[np.uint8]) -> ScriptProfile:
        """Build the profile of a text from its :func:`classify` codes."""
        return cls.from_counts(class_counts(classes))

    @classmethod
    def from_counts(cls, bins: list[int]) -> ScriptProfile:
        """Build the profile of a text from its characters per class code."""
        totals: dict[str, int] = {}
        # Only the classes present (found in compiled code), the neutral one left out.
        for code in itertools.compress(_CODES, bins):
            if code:
                name = SCRIPT_NAMES[code]
                totals[name] = totals.get(name, 0) + bins[code]
        if len(totals) < 2:
            counts: tuple[tuple[str, int], ...] = tuple(totals.items())
        else:
            counts = tuple(sorted(totals.items(), key=_by_letters))
        return cls(
            counts=counts,
            simplified=bins[HAN_SIMPLIFIED],
            traditional=bins[HAN_TRADITIONAL],
            neutral=bins[NEUTRAL],
        )


_CODES = range(len(SCRIPT_NAMES))


def _by_letters(item: tuple[str, int]) -> tuple[int, str]:
    return -item[1], item[0]


def script_profile(text: str) -> ScriptProfile:
    """Return the :class:`ScriptProfile` of ``text`` (links are neutral).

    >>> script_profile("朝鲜 朝鮮").simplified, script_profile("朝鲜 朝鮮").traditional
    (1, 1)
    """
    return ScriptProfile.from_classes(classify(text))
