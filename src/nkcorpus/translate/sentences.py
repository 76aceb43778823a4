"""The sentence splitter the translation stage uses, with exact spans.

Translation models work a sentence at a time, and every translated sentence
keeps the exact span of ``Document.text`` it came from, so the splitter is
deterministic, rule-based and returns spans rather than strings:

- a line break always ends a sentence;
- ``. ! ? …`` (and closing quotes or brackets after them) end a sentence when
  whitespace follows and the next word does not start with a lower-case letter;
  a ``.`` after a single letter (``U.N.``, ``Kim J.``) or a common abbreviation
  (``Mr.``, ``Dr.``, ``No.``, ``Jan.``) does not;
- ``。！？`` end a sentence whether or not a space follows;
- a sentence longer than ``max_chars`` is cut at its last space or comma before
  the limit (or at the limit when there is none), so no model input is cut off.

Spans never start or end with whitespace, never overlap, are sorted, and
together cover every non-whitespace character of the range they split.

>>> from nkcorpus.translate.sentences import split_sentences
>>> text = "Kim met U.N. envoys. 그들은 만났다.\\n他们见面了。会议结束。"
>>> [text[s.start:s.end] for s in split_sentences(text)]
['Kim met U.N. envoys.', '그들은 만났다.', '他们见面了。', '会议结束。']
"""

from __future__ import annotations

import re

from nkcorpus.document import Span

__all__ = ["split_sentences"]

_ABBREVIATIONS = frozenset(
    {
        "mr", "mrs", "ms", "dr", "prof", "st", "no", "nos", "jr", "sr", "vs", "etc", "gen", "gov",
        "sen", "rep", "lt", "col", "capt", "sgt", "inc", "co", "corp", "ltd", "jan", "feb", "mar",
        "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "fig", "vol", "art", "para",
        "approx", "est",
    }
)
_LINE = re.compile(r"[^\n\r\u2028\u2029\x0b\x0c\x1c-\x1e\x85]+")
_NONSPACE = re.compile(r"\S")
# A run of Latin-style enders (needing whitespace after) or CJK enders (not needing it).
_ENDER = re.compile(r"[.!?…]+[\"'”’)\]»]*(?=\s)|[。！？]+[\"'”’」』）)\]]*")
_WORD_BEFORE = re.compile(r"([^\W\d_]+)\.$")
_CUT = re.compile(r"[\s,;:，、；]")


def _is_boundary(line: str, match: re.Match[str]) -> bool:
    text = match.group()
    if text[0] in "。！？":
        return True
    following = line[match.end() :].lstrip()
    if following and following[0].islower():
        return False
    if text == ".":
        word = _WORD_BEFORE.search(line, 0, match.end())
        if word is not None:
            token = word.group(1)
            if len(token) == 1 or token.lower() in _ABBREVIATIONS:
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
    text: str, start: int = 0, end: int | None = None, *, max_chars: int = 400
) -> list[Span]:
    """Split ``text[start:end]`` into sentences and return their spans of ``text``.

    Args:
        text: the whole text (spans are positions in it).
        start: where the range to split begins.
        end: where it ends (the end of ``text`` when ``None``).
        max_chars: the longest sentence returned; longer ones are cut.

    Returns:
        Sorted, non-overlapping spans without surrounding whitespace that cover
        every non-whitespace character of the range.
    """
    if end is None:
        end = len(text)
    if not 0 <= start <= end <= len(text):
        raise ValueError(f"range {start}:{end} is outside a text of {len(text)} characters")
    if max_chars < 1:
        raise ValueError(f"max_chars must be at least 1, got {max_chars}")
    spans: list[Span] = []
    for line_match in _LINE.finditer(text, start, end):
        line_start = line_match.start()
        line = line_match.group()
        if _NONSPACE.search(line) is None:
            continue
        sentence_start = 0
        for ender in _ENDER.finditer(line):
            if _is_boundary(line, ender):
                span = _strip(text, line_start + sentence_start, line_start + ender.end())
                if span is not None:
                    spans.append(span)
                sentence_start = ender.end()
        span = _strip(text, line_start + sentence_start, line_start + len(line))
        if span is not None:
            spans.append(span)
    out: list[Span] = []
    for span in spans:
        out.extend(_cut_long(text, span, max_chars) if len(span) > max_chars else [span])
    return out
