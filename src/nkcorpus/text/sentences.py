"""The sentence splitter: one for every stage, rule-based, with exact spans.

Language segments and translation both work a sentence at a time, and every sentence
keeps the exact span of the text it came from, so the splitter is deterministic and
returns spans rather than strings:

- a line break always ends a sentence;
- ``. ! ? …`` (and closing quotes or brackets after them) end a sentence when
  whitespace follows and the next word does not start with a lower-case letter;
  a ``.`` after a single letter (``U.N.``, ``Kim J.``) or a known abbreviation of the
  text's language (:data:`ABBREVIATIONS`: ``Mr.``, ``Dr.``, ``No.``, ``Jan.``; ``Nr.``
  in German) does not;
- ``。！？`` end a sentence whether or not a space follows;
- with ``max_chars``, a sentence longer than that is cut at its last space or comma
  before the limit (or at the limit when there is none), so no model input is cut off.

Spans never start or end with whitespace, never overlap, are sorted, and together
cover every non-whitespace character of the range they split. Time is linear in the
length of the text, whatever it holds (long runs of punctuation included).

>>> from nkcorpus.text.sentences import split_sentences
>>> text = "Kim met U.N. envoys. 그들은 만났다.\\n他们见面了。会议结束。"
>>> [text[s.start:s.end] for s in split_sentences(text)]
['Kim met U.N. envoys.', '그들은 만났다.', '他们见面了。', '会议结束。']
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType

from nkcorpus.document import Span
from nkcorpus.text.codes import base_language

__all__ = ["ABBREVIATIONS", "sentence_spans", "split_sentences"]

_ENGLISH = frozenset(
    {
        "mr", "mrs", "ms", "dr", "prof", "st", "no", "nos", "jr", "sr", "vs", "etc", "gen", "gov",
        "sen", "rep", "rev", "lt", "col", "capt", "sgt", "inc", "co", "corp", "ltd", "jan", "feb",
        "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "fig", "vol",
        "art", "para", "approx", "est", "cf", "al", "amb", "adm", "maj", "pres", "dept", "univ",
    }
)  # fmt: skip

#: Words that a ``.`` follows without ending the sentence, lower case, per language
#: (base codes). Texts of other or unknown languages use the English list, the most
#: common inside Korean and Chinese pages as well.
ABBREVIATIONS: Mapping[str, frozenset[str]] = MappingProxyType(
    {
        "en": _ENGLISH,
        "de": _ENGLISH | {"nr", "bzw", "dr", "hr", "fr", "z", "b", "usw", "vgl", "ca", "abs"},
        "fr": _ENGLISH | {"m", "mme", "mlle", "av", "env", "p", "cf", "ex"},
        "es": _ENGLISH | {"sr", "sra", "srta", "ud", "uds", "pág", "núm", "av"},
        "ru": _ENGLISH | {"г", "гг", "т", "д", "ул", "им", "см", "напр"},
    }
)

_LINE = re.compile(r"[^\n\r\u2028\u2029\x0b\x0c\x1c-\x1e\x85]+")
_NONSPACE = re.compile(r"\S")
# A whole run of enders, consumed at once (whether whitespace follows is checked after
# the match, so a long run of dots is read once, never once per starting position).
_ENDER = re.compile(r"[.!?…]+[\"'”’)\]」』»]*|[。！？]+[\"'”’」』）)\]»]*")
_WORD_BEFORE = re.compile(r"([^\W\d_]+)\.$")
_CUT = re.compile(r"[\s,;:，、；]")
#: How far back a word before a ``.`` is looked for (the longest abbreviation and more).
_LOOKBACK = 16


def _is_boundary(line: str, match: re.Match[str], abbreviations: frozenset[str]) -> bool:
    text = match.group()
    if text[0] in "。！？":
        return True
    after = match.end()
    if after < len(line) and not line[after].isspace():
        return False
    following = _NONSPACE.search(line, after)
    if following is not None and following.group().islower():
        return False
    if text == ".":
        word = _WORD_BEFORE.search(line, max(0, match.end() - _LOOKBACK), match.end())
        if word is not None:
            token = word.group(1)
            if len(token) == 1 or token.lower() in abbreviations:
                return False
    return True


def _strip(text: str, start: int, end: int) -> Span | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end) if end > start else None


def _cut_long(text: str, span: Span, max_chars: int) -> list[Span]:
    pieces = []
    start, end = span.start, span.end
    while end - start > max_chars:
        limit = start + max_chars
        cut = None
        for match in _CUT.finditer(text, start + max_chars // 2, limit):
            cut = match.end()
        if cut is None:
            cut = limit
        piece = _strip(text, start, cut)
        if piece is not None:
            pieces.append(piece)
        rest = _strip(text, cut, end)
        if rest is None:
            return pieces
        start = rest.start
    pieces.append(Span(start, end))
    return pieces


def split_sentences(
    text: str,
    start: int = 0,
    end: int | None = None,
    *,
    max_chars: int | None = 400,
    language: str | None = None,
) -> list[Span]:
    """Split ``text[start:end]`` into sentences and return their spans of ``text``.

    Args:
        text: the whole text (spans are positions in it).
        start: where the range to split begins.
        end: where it ends (the end of ``text`` when ``None``).
        max_chars: the longest sentence returned; longer ones are cut (``None``: no limit).
        language: the language of the text, for its abbreviations (English when unknown).

    Returns:
        Sorted, non-overlapping spans without surrounding whitespace that cover
        every non-whitespace character of the range.
    """
    if end is None:
        end = len(text)
    if not 0 <= start <= end <= len(text):
        raise ValueError(f"range {start}:{end} is outside a text of {len(text)} characters")
    if max_chars is not None and max_chars < 1:
        raise ValueError(f"max_chars must be at least 1, got {max_chars}")
    abbreviations = ABBREVIATIONS.get(base_language(language), _ENGLISH)
    spans: list[Span] = []
    for line_match in _LINE.finditer(text, start, end):
        line_start = line_match.start()
        line = line_match.group()
        if _NONSPACE.search(line) is None:
            continue
        sentence_start = 0
        for ender in _ENDER.finditer(line):
            if _is_boundary(line, ender, abbreviations):
                span = _strip(text, line_start + sentence_start, line_start + ender.end())
                if span is not None:
                    spans.append(span)
                sentence_start = ender.end()
        span = _strip(text, line_start + sentence_start, line_start + len(line))
        if span is not None:
            spans.append(span)
    if max_chars is None:
        return spans
    out: list[Span] = []
    for span in spans:
        out.extend(_cut_long(text, span, max_chars) if len(span) > max_chars else [span])
    return out


def sentence_spans(
    text: str, start: int = 0, end: int | None = None, *, language: str | None = None
) -> list[tuple[int, int]]:
    """Return the sentences of ``text[start:end]`` as ``(start, end)`` pairs, trimmed.

    The same sentences as :func:`split_sentences` with no length limit.

    >>> text = "Mr. Kim met U.N. envoys. They left.\\n북한은 침묵했다. 朝鲜沉默。"
    >>> [text[s:e] for s, e in sentence_spans(text)]
    ['Mr. Kim met U.N. envoys.', 'They left.', '북한은 침묵했다.', '朝鲜沉默。']
    """
    return [
        (span.start, span.end)
        for span in split_sentences(text, start, end, max_chars=None, language=language)
    ]
