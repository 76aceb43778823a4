"""The article that a page's scripts carry as HTML, read where the script writes it.

A Next.js page (a Korean daily's, for one) may show nothing without its scripts: its
article travels as HTML inside the strings of ``self.__next_f.push([1, "..."])`` calls.
:func:`script_page` reads the string that shows the most text as a page of its own
(:func:`~nkcorpus.cleaning.htmlpage.read_page`), then moves every piece of it to the
characters of the page source that write it: each JSON escape (``\\u003c``, ``\\"``) is a
piece of its own, so every character of the text keeps its offsets.
"""

from __future__ import annotations

import bisect
import re

import attrs

from nkcorpus.cleaning.htmldeclared import read_json_string
from nkcorpus.cleaning.htmlpage import Page, Piece, read_page

__all__ = ["SCRIPT_TEXT_CHARS", "script_page"]

#: The fewest characters of text that a script's HTML must show for :func:`script_page`.
SCRIPT_TEXT_CHARS = 200

_WHITE = " \t\r\n\f"
_PUSH = re.compile(r'self\.__next_f\.push\(\[1,\s*"')
#: HTML from its first character: a text chunk of the stream (its data rows, ``5:["$",…``,
#: are not read).
_HTML = re.compile(r"\s*<[a-zA-Z!]")


def script_page(source: str) -> Page | None:
    """The page that the HTML string of a script in ``source`` shows, in the offsets of
    ``source``: of the strings of ``self.__next_f.push`` calls that are HTML from their
    first character, the one that shows the most text, if it shows at least
    :data:`SCRIPT_TEXT_CHARS` characters (``None`` otherwise)."""
    best: tuple[int, Page, list[tuple[int, int, str, bool]]] | None = None
    for call in _PUSH.finditer(source):
        read = read_json_string(source, call.end(), len(source))
        if read is None or not _HTML.match(read[0]):
            continue
        value, _end, runs = read
        page = read_page(value)
        shown = sum(len(block.text) for block in page.blocks.values())
        if shown >= SCRIPT_TEXT_CHARS and (best is None or shown > best[0]):
            best = (shown, page, runs)
    if best is None:
        return None
    _shown, page, runs = best
    return _in_source(page, runs)


def _in_source(page: Page, runs: list[tuple[int, int, str, bool]]) -> Page:
    """``page``, read from the value of a JSON string, with its pieces and blocks moved to
    the source of the string's ``runs``; a piece that crosses escapes is split there."""
    # Where each run's value begins, and where each run is written.
    starts: list[int] = []
    at = 0
    for _start, _end, text, _escaped in runs:
        starts.append(at)
        at += len(text)
    size = at

    def run_of(position: int) -> int:
        """The run that holds the value's character at ``position``."""
        return max(bisect.bisect_right(starts, position) - 1, 0)

    def raw_start(position: int) -> int:
        index = run_of(position)
        start, _end, _text, escaped = runs[index]
        return start if escaped else start + position - starts[index]

    def raw_end(position: int) -> int:  # the end of the character before ``position``
        if position <= 0:
            return runs[0][0] if runs else 0
        index = run_of(position - 1)
        start, end, _text, escaped = runs[index]
        return end if escaped else start + position - starts[index]

    pieces: list[Piece] = []
    for piece in page.pieces:
        whole = piece.end - piece.start == len(piece.text)
        if not whole or piece.end > size:  # a character reference: one piece, as it is
            pieces.append(
                attrs.evolve(piece, start=raw_start(piece.start), end=raw_end(piece.end))
            )
            continue
        position, first = piece.start, True
        while position < piece.end:
            index = run_of(position)
            start, end, text, escaped = runs[index]
            stop = min(piece.end, starts[index] + len(text))
            part = piece.text[position - piece.start : stop - piece.start]
            if escaped:
                if not piece.pre and not part.strip(_WHITE):
                    # "\n" in running text: white space, which the browser shows as a space
                    part = " "
                moved = attrs.evolve(piece, start=start, end=end, text=part)
            else:
                offset = start - starts[index]
                moved = attrs.evolve(
                    piece, start=position + offset, end=stop + offset, text=part
                )
            if not first:  # the parts after the first continue it
                moved = attrs.evolve(
                    moved, space_before=False, line_before=False, cell_before=False, marker=""
                )
            pieces.append(moved)
            position, first = stop, False
    blocks = {
        index: attrs.evolve(block, start=raw_start(block.start), end=raw_end(block.end))
        for index, block in page.blocks.items()
    }
    return Page(tuple(pieces), blocks, page.lang, page.rows)
