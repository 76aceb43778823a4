"""Text that says nothing about a language: markup tags and dates written with numbers.

Links and e-mail addresses are already neutral in
:func:`~nkcorpus.text.scripts.classify`. Two more kinds of letters carry no
linguistic evidence and are made neutral before a passage is judged:

* markup tags left in text (``<figure>``, ``</div>``, ``<img src="a.jpg">``):
  a ``<`` followed by a tag name, attributes and ``>``;
* dates and times whose only words are month or weekday names, their abbreviations,
  ordinal suffixes and ``am``/``pm`` next to numbers (``May 24, 2018``,
  ``Tuesday, 24 May 2018 10:30 KST``, ``3 p.m.``, ``1er mars 2019``): such a date is English,
  French or Tagalog alike, and a name of a month alone is not evidence enough.

A passage whose letters are all neutral is ``und``; in a document it takes the
language of the passages around it (:mod:`nkcorpus.language.segment`).

>>> text = "May 24, 2018 <figure> Seoul"
>>> [text[s:e] for s, e in neutral_spans(text)]
['May 24, 2018', '<figure>']
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from nkcorpus.text.scripts import classify as classify_scripts
from nkcorpus.text.scripts import link_spans

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np
    import numpy.typing as npt

__all__ = [
    "TYPOGRAPHIC",
    "ascii_blanked",
    "classify",
    "neutral_spans",
    "plain_ascii_letters",
    "typeset_blanked",
]

# A tag name, then attributes as markup writes them: a name of letters, digits and
# ``-_:.@`` (``data-id``, ``xml:lang``, ``@click``), with a value or without, so that prose
# in angle brackets (``<Embedded Picture (Device Independent Bitmap)>``) is not a tag.
_TAG = re.compile(
    r"</?[A-Za-z][A-Za-z0-9:-]{0,20}"
    r"(?:\s+[A-Za-z_:@][\w:.@-]{0,100}"
    r"(?:\s*=\s*(?:\"[^\"<>]{0,500}\"|'[^'<>]{0,500}'|[^\s\"'=<>`]{1,500}))?){0,50}"
    r"\s*/?>"
)

_MONTHS = (
    # English, French, German, Spanish, Italian, Portuguese, Dutch (full and short forms).
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|"
    "décembre|decembre|januar|jänner|februar|märz|juni|juli|oktober|dezember|enero|febrero|"
    "marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|"
    "gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|janeiro|"
    "fevereiro|março|maio|junho|julho|setembro|outubro|dezembro|januari|februari|maart|mei|"
    "augustus|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|janv|févr|avr|juil|déc|"
    "ene|abr|ago|dic|okt|dez"
)
_WEEKDAYS = (
    "monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|"
    "thurs|fri|sat|sun|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|montag|dienstag|"
    "mittwoch|donnerstag|freitag|samstag|sonntag|lunes|martes|miércoles|jueves|viernes|"
    "sábado|domingo"
)
_ZONES = "utc|gmt|kst|jst|cst|hkt|est|edt|pst|pdt|cet|cest|bst|ist|sgt"
_PART = re.compile(
    rf"(?:{_MONTHS}|{_WEEKDAYS}|{_ZONES})\.?|\d{{1,4}}(?:st|nd|rd|th|er|e|º|°)?|[ap]\.?m\.?"
    r"|\d{1,4}(?:[:./-]\d{1,4}){1,2}(?:[ap]\.?m\.?)?",
    re.IGNORECASE,
)
# Tokens are cut at whitespace and commas; each is matched once, so the search is linear.
_TOKEN = re.compile(r"[^\s,]+")
_DIGITS = re.compile(r"\d+")
# In ASCII text: a whole word just before a number (as _WORD_BEFORE reads it, whose ``$``
# also allows a line break before the number), written backwards to be read in the
# reversed text, and a word just after a number.
_ASCII_WORD_BEFORE_REVERSED = re.compile(r"[0-9]\n?\s{0,2},?\.?([A-Za-z]++)")
_ASCII_WORD_AFTER = re.compile(r"[0-9],?\s{0,2}([A-Za-z]+)")
_WORD_BEFORE = re.compile(r"([^\W\d_]+)\.?,?\s{0,2}$")
_WORD_AFTER = re.compile(r",?\s{0,2}([^\W\d_]+)")
_SUFFIXES = ("am", "pm", "a", "p", "st", "nd", "rd", "th", "er", "e")
_DATE_WORDS = frozenset(
    [*_MONTHS.split("|"), *_WEEKDAYS.split("|"), *_ZONES.split("|"), *_SUFFIXES]
)
_PART_WORDS = _DATE_WORDS | {"a.m", "p.m"}
_HAS_LETTER = re.compile(r"[^\W\d_]")
_DATE_LETTER = re.compile("[A-Za-z\u00c0-\u00ff]")
_EDGES = "()[]{}.;:\"'“”‘’"


def neutral_spans(text: str) -> list[tuple[int, int]]:
    """Return the ``(start, end)`` spans of markup tags and of dates with letters in them.

    Only dates that contain a letter are returned (plain numbers are neutral anyway).
    """
    spans: list[tuple[int, int]] = []
    if "<" in text:
        spans.extend(match.span() for match in _TAG.finditer(text))
    if _has_date_word(text):
        spans.extend(_date_spans(text))
    spans.sort()
    return spans


def _has_date_word(text: str) -> bool:
    """Whether a month or weekday name (or am/pm, an ordinal suffix) touches a number."""
    if text.isascii():
        return _has_ascii_date_word(text)
    return _has_date_word_near_numbers(text)


def _has_date_word_near_numbers(text: str) -> bool:
    """:func:`_has_date_word` for any text: the words around each number are read."""
    if _DATE_LETTER.search(text) is None:
        return False  # every date word is written in Latin letters
    for match in _DIGITS.finditer(text):
        start, end = match.span()
        before = _WORD_BEFORE.search(text, max(0, start - 16), start)
        if before is not None and before.group(1).lower() in _DATE_WORDS:
            return True
        after = _WORD_AFTER.match(text, end, end + 16)
        if after is not None and after.group(1).lower() in _DATE_WORDS:
            return True
    return False


def _has_ascii_date_word(text: str) -> bool:
    """:func:`_has_date_word` of an ASCII text: each word next to a number is found in
    one pass (the words are whole, as in the general search: every date word is shorter
    than the sixteen characters it looks at)."""
    if not _has_ascii_digit(text):
        return False  # a date word must touch a number
    # The words before a number are read in the reversed text, where the search can
    # start at the number (a search from each letter would try every word).
    for match in _ASCII_WORD_BEFORE_REVERSED.finditer(text[::-1]):
        if match.group(1)[::-1].lower() in _DATE_WORDS:
            return True
    return any(match.group(1).lower() in _DATE_WORDS for match in _ASCII_WORD_AFTER.finditer(text))


def _has_ascii_digit(text: str) -> bool:
    """Whether ``text`` holds a digit from 0 to 9 (ten substring searches, faster than a
    regular expression that tries every position)."""
    return (
        "0" in text
        or "1" in text
        or "2" in text
        or "3" in text
        or "4" in text
        or "5" in text
        or "6" in text
        or "7" in text
        or "8" in text
        or "9" in text
    )


def _is_part(token: str) -> bool:
    """Whether ``token`` can be part of a date (the regular expression only where a
    number or a date word makes it possible)."""
    if not token or not (token[0].isdigit() or token.lower().rstrip(".") in _PART_WORDS):
        return False
    return _PART.fullmatch(token) is not None


def _date_spans(text: str) -> list[tuple[int, int]]:
    """Runs of date tokens with at least one number and one letter."""
    spans: list[tuple[int, int]] = []
    run_start = run_end = -1
    digits = letters = False
    part_words = _PART_WORDS
    for match in _TOKEN.finditer(text):
        token = match.group().strip(_EDGES)
        # _is_part, inline: most tokens are neither numbers nor date words (and the edges
        # stripped include the full stop, which _is_part strips at the end).
        if not token or not (token[0].isdigit() or token.lower() in part_words):
            if run_end < 0:
                continue  # no run to end, none to start
            part = False
        else:
            part = _PART.fullmatch(token) is not None
        between = text[run_end : match.start()] if run_end >= 0 else ""
        if part and (run_end < 0 or len(between) <= 3):
            if run_end < 0:
                run_start = match.start()
            run_end = match.end()
            digits = digits or any(c.isdigit() for c in token)
            letters = letters or bool(_HAS_LETTER.search(token))
            continue
        if run_end >= 0 and digits and letters:
            spans.append((run_start, run_end))
        run_start = run_end = -1
        digits = letters = False
        if part:
            run_start, run_end = match.start(), match.end()
            digits = any(c.isdigit() for c in token)
            letters = bool(_HAS_LETTER.search(token))
    if run_end >= 0 and digits and letters:
        spans.append((run_start, run_end))
    return spans


_LETTERS = bytes(range(ord("A"), ord("Z") + 1)) + bytes(range(ord("a"), ord("z") + 1))


def plain_ascii_letters(text: str) -> int | None:
    """The number of letters of an ASCII ``text`` without links, tags or dates, else
    ``None``: such a text's classes are known without a table (letters are Latin, the
    rest neutral), which spares short English sentences the classification."""
    if not text.isascii():
        return None
    if "://" in text or "www." in text or "WWW." in text or "@" in text or "<" in text:
        return None
    if _has_ascii_digit(text) and _has_ascii_date_word(text):
        return None
    data = text.encode("ascii")
    return len(data) - len(data.translate(None, _LETTERS))


def ascii_blanked(text: str) -> tuple[str, int] | None:
    """For an ASCII ``text``: the text with links, markup tags and dates blanked, as
    :func:`classify` returns it, and the number of letters left (all Latin; the other
    characters are neutral). ``None`` for a text that is not ASCII.

    The same as :func:`classify` for such a text, without a table of classes.
    """
    if not text.isascii():
        return None
    # plain_ascii_letters(), inline: most texts are plain, and they are many.
    dated = _has_ascii_digit(text) and _has_ascii_date_word(text)
    if not (
        dated or "://" in text or "www." in text or "WWW." in text or "@" in text or "<" in text
    ):
        data = text.encode("ascii")
        return text, len(data) - len(data.translate(None, _LETTERS))
    # The spans of classify(), with the date words known already (as neutral_spans finds them).
    spans = link_spans(text)
    if "<" in text:
        spans.extend(match.span() for match in _TAG.finditer(text))
    if dated:
        spans.extend(_date_spans(text))
    blanked = _blank(text, sorted(spans))
    data = blanked.encode("ascii")
    return blanked, len(data) - len(data.translate(None, _LETTERS))


#: The characters outside ASCII that typeset English is full of, none of them a letter of
#: any script: the no-break space, guillemets, the degree, pound, euro, copyright,
#: registered and trade mark signs, the multiplication sign, hyphens and dashes, curly
#: quotes and apostrophes, the bullet, the ellipsis and primes. A text of ASCII characters
#: and these is read without a table of classes (:func:`typeset_blanked`).
TYPOGRAPHIC = (
    "\u00a0\u00ab\u00bb\u00b0\u00a3\u00a9\u00ae\u00d7\u2010\u2011\u2012\u2013\u2014\u2015"
    "\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u2022\u2026\u2032\u2033\u20ac\u2122"
)
# A character that is neither ASCII nor typographic.
_NOT_TYPOGRAPHIC = re.compile(f"[^\\x00-\\x7f{TYPOGRAPHIC}]")


def typeset_blanked(text: str) -> tuple[str, int] | None:
    """:func:`ascii_blanked` of a text that is not ASCII but whose characters beyond ASCII
    are all :data:`TYPOGRAPHIC` (``It’s “fine” — really…``): the text with links, markup
    tags and dates blanked, as :func:`classify` returns it, and the number of letters left
    (all Latin; every other character is neutral). ``None`` for any other text, ASCII
    text included (:func:`ascii_blanked` reads it).

    >>> typeset_blanked("It’s “fine” since May 24, 2018")
    ('It’s “fine” since             ', 12)
    >>> typeset_blanked("Il était là.") is None, typeset_blanked("Fine.") is None
    (True, True)
    """
    if text.isascii() or _NOT_TYPOGRAPHIC.search(text) is not None:
        return None
    # The spans of classify(), found as it finds them (for text that is not ASCII).
    spans = [*link_spans(text), *neutral_spans(text)]
    blanked = _blank(text, sorted(spans)) if spans else text
    # A character beyond ASCII is several bytes of UTF-8, none of them a letter's.
    data = blanked.encode("utf-8")
    return blanked, len(data) - len(data.translate(None, _LETTERS))


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with the characters of the sorted ``spans`` made spaces."""
    parts, pos = [], 0
    for start, end in spans:
        start = max(start, pos)
        if end <= start:
            continue
        parts.append(text[pos:start])
        parts.append(" " * (end - start))
        pos = end
    parts.append(text[pos:])
    return "".join(parts)


def classify(text: str) -> tuple[npt.NDArray[np.uint8], str]:
    """Script classes of ``text`` with links, markup tags and dates neutral, and the text
    with those blanked out (spaces, same length): what every language decision reads.

    The classes are :func:`~nkcorpus.text.scripts.classify`'s, links included.
    """
    classes = classify_scripts(text, links=False)
    spans = sorted([*link_spans(text), *neutral_spans(text)])
    if not spans:
        return classes, text
    for start, end in spans:
        classes[start:end] = 0
    return classes, _blank(text, spans)
