"""The visible text of an HTML page, block by block, with the raw span of every piece.

:func:`read_page` reads the page source once, left to right, with one regular
expression (so time is linear in the size of the page, however many tags are
left unclosed) and keeps a stack of open elements. Every run of text becomes a
:class:`Piece` that knows its raw span, its decoded text and the block it belongs
to; block elements (``p``, ``div``, ``li``, ``h1``, ``tr``, ...) start a new
block, ``br`` a new line inside it, and the cells of a table row are one block
with `` | `` between them. Text inside ``script`` (but for ``type="text/template"``),
``style``, ``head``, ``template``, ``select`` and elements marked ``hidden`` (but for
streamed parts, ``<div hidden id="S:1">``), ``aria-hidden`` or a class of text for screen
readers alone (``blind``, ``sr-only``) makes no piece; nor does it
end a block (a style sheet or icon inside a link leaves the sentence around it whole).
The items of an ordered list show the numbers a browser shows (``1. ``, ``iv. ``, ``B. ``:
the list's ``start``, ``type`` and ``reversed``, an item's ``value``; none where the list's
own style shows none): :attr:`Piece.marker`, which the clean text gets in place of the
item's start tag (not in :attr:`Block.text`, which is the item's own text).

Each :class:`Block` records the elements around it that matter for what it is:
navigation, header, footer, aside, figure and caption, heading, time, form.
Which blocks are the article is decided elsewhere
(:mod:`nkcorpus.cleaning.htmlmain`); this module only reads.
"""

from __future__ import annotations

import contextlib
import functools
import html
import re
from collections.abc import Iterable, Iterator
from typing import Any

import attrs

from nkcorpus.cleaning.htmlattrs import (
    for_screen_readers,
    links_to_writer,
    read_attributes,
    screen_reader_classes,
)
from nkcorpus.cleaning.offsets import Edit

__all__ = [
    "CROWDED_ELEMENTS",
    "FIELD_BREAK",
    "PAGE_LINKS",
    "Block",
    "Page",
    "Piece",
    "block_fields",
    "load_tree",
    "page_edits",
    "read_page",
    "text_runs",
    "thin_crowded",
]

#: Elements whose content is never shown as text.
HIDDEN = frozenset(
    [
        "script", "style", "noscript", "template", "svg", "math", "head", "iframe", "object",
        "canvas", "select", "textarea", "title", "video", "audio", "map", "datalist",
        # a ruby annotation (目<rp>(</rp><rt>め</rt><rp>)</rp>) is shown above its text,
        # not in the line, and its brackets only where ruby cannot be shown
        "rt", "rp",
    ]
)  # fmt: skip
#: Elements that never have content.
VOID = frozenset(
    [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
        "source", "track", "wbr", "keygen",
    ]
)  # fmt: skip
#: Elements that start and end a block of text.
BLOCK = frozenset(
    [
        "address", "article", "aside", "blockquote", "body", "caption", "center", "dd",
        "details", "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer",
        "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend",
        "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody",
        "tfoot", "thead", "tr", "ul", "option",
    ]
)  # fmt: skip
#: Inline elements that can split a word (``<b>un</b>believable``): no space is put in.
FORMATTING = frozenset(
    [
        "b", "i", "em", "strong", "u", "s", "sup", "sub", "small", "big", "font", "mark", "abbr",
        "code", "q", "cite", "ruby", "rt", "rp", "bdi", "bdo", "kbd", "var", "dfn", "ins", "del",
        "tt", "strike", "span", "time",
    ]
)  # fmt: skip
#: Elements that may stand in ``head``: any other element opening there closes ``head``
#: (and whatever is still open inside it), as a browser does (``<head>...<body>``).
_HEAD_CONTENT = frozenset(
    ["base", "basefont", "bgsound", "link", "meta", "noscript", "script", "style", "template",
     "title", "head", "html"]
)  # fmt: skip
#: Elements that a browser closes when the same element opens again.
_SELF_CLOSING = frozenset(["p", "li", "dt", "dd", "tr", "td", "th", "option"])
#: Roles of the ancestors that :class:`Block` remembers.
ROLES = {
    "nav": "nav", "header": "header", "footer": "footer", "aside": "aside",
    "figure": "figure", "figcaption": "caption", "form": "form", "button": "form",
    "label": "form", "h1": "h1", "h2": "heading", "h3": "heading", "h4": "heading",
    "h5": "heading", "h6": "heading", "time": "time", "li": "list", "td": "table",
    "th": "table", "address": "address", "a": "link", "blockquote": "quote", "pre": "pre",
    "article": "article", "main": "article",
}  # fmt: skip

_MARKUP = re.compile(
    # A comment up to the first "-->" (CDATA up to the first "]]>") or the end of the page.
    r"<(?:(?P<comment>!--[^-]*+(?:-(?!->)[^-]*+)*+(?:-->|\Z))"
    r"|!\[CDATA\[[^\]]*+(?:\](?!\]>)[^\]]*+)*+(?:\]\]>|\Z)|[!?][^<>]*>?"
    r"|(?P<close>/)?(?P<name>[a-zA-Z][\w:.-]*+)"
    # Attributes: a quoted value after "=", or a quote that starts a name (``"=""``, a
    # parse error that browsers read as an attribute named ``"``).
    r"(?P<attrs>(?:[^<>\"'=]++|=\s*+(?:\"[^<\"]*+\"|'[^<']*+')?|[\"'])*+)>)",
    re.DOTALL,
)
_TEMPLATE = re.compile(r"""\btype\s*=\s*["']?text/(?:template|html|x-template)\b""", re.I)
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});?")
_RAW_TEXT = {
    name: re.compile(rf"</{name}\s*>", re.IGNORECASE)
    for name in ("script", "style", "textarea", "title", "xmp", "noscript", "template")
}
_NO_ATTRIBUTES: dict[str, str] = {}
#: The attributes that number an ordered list's items: the list's first number, its
#: order, its kind of numbers (``type="a"``, ``"i"``), a style that shows none, and an
#: item's own number (not ``data-value`` and the like).
_LIST_START = re.compile(r"""(?<![\w-])start\s*=\s*["']?\s*(-?\d{1,9})""", re.IGNORECASE)
_LIST_REVERSED = re.compile(r"(?<![\w-])reversed(?![\w-])", re.IGNORECASE)
_LIST_TYPE = re.compile(r"""(?<![\w-])type\s*=\s*["']?([aAiI1])\b""")
_LIST_NONE = re.compile(r"list-style(?:-type)?\s*:\s*none", re.IGNORECASE)
_ITEM_VALUE = re.compile(r"""(?<![\w-])value\s*=\s*["']?\s*(-?\d{1,9})""", re.IGNORECASE)
_HIDDEN_ROLE = frozenset(["hidden"])
#: Put after the page for :data:`_MARKUP` to match once more where the page ends.
_SENTINEL = "<!>"
_CELLS = frozenset(["td", "th"])
_AUTHOR_ROLES = frozenset(["author", "byline", "writer", "reporter", "journalist"])  # bylines
_WHOLE = frozenset(["article", "main", "body", "html"])  # whole articles, never a byline
#: The whole page: its class words are the site's settings (``f_ad_refresh_enabled_on``,
#: ``f_alerts_sidebar_on``), never the role of all its text.
_PAGE_ELEMENTS = frozenset(["body", "html"])
_AUTHOR_LINK_ROLE = frozenset(["author"])  # a link to a writer's page
_WHITE = " \t\r\n\f"
_NEWLINES = re.compile(r"(?<![ \t])[ \t]*[\r\n][ \t\r\n\f]*")  # a run of spaces looked at once
_SPACE = re.compile(r"[ \t\r\n\f]+")
_WORD_END = re.compile(r"[A-Za-z0-9\u00c0-\u024f\u0400-\u04ff]$")
_WORD_START = re.compile(r"^[A-Za-z0-9\u00c0-\u024f\u0400-\u04ff]")


@attrs.frozen
class Piece:
    """A run of visible text.

    Attributes:
        start: where its source begins in the page (``&amp;`` counts as five characters).
        end: where its source ends.
        text: the text it shows (character references decoded, spaces as in the source).
        block: the index of its :class:`Block`.
        pre: it is inside ``pre``, where line breaks and spaces count.
        space_before: a space goes before it: white space or an element
            boundary separates it from the previous word.
        line_before: a ``br`` separates it from the previous piece of its block.
        cell_before: a table cell starts with it, after other cells of its row.
        byline: it is inside an element marked as a byline or author
            (``class="author"``, ``itemprop="author"``), or a link to a writer's page
            outside a list (``href="/author/jane-doe/"``).
        marker: the number that a browser shows before it, the first piece of an item of
            an ordered list (``"3. "``); not in :attr:`text`.
    """

    start: int
    end: int
    text: str
    block: int
    pre: bool = False
    space_before: bool = False
    line_before: bool = False
    cell_before: bool = False
    byline: bool = False
    marker: str = ""


@attrs.frozen
class Block:
    """A paragraph of the page as a reader sees it.

    Attributes:
        start: where its first piece begins in the page source.
        end: where its last piece ends.
        text: its text with runs of white space as one space, stripped.
        roles: the roles of its elements and their ancestors (``"nav"``,
            ``"caption"``, ``"h1"``, ``"time"``, ...); a class or id such as
            ``"share-bar"`` adds the word it matched (``"share"``).
        datetime: the ``datetime`` attribute of a ``time`` element around it.
        byline: the text of its pieces inside an element marked as a byline or
            author, when the block as a whole is not marked (``"by IWB"`` of
            ``"October 19, 2019 by IWB"``); the parts of two such elements with other
            text between them are set apart by :data:`FIELD_BREAK`.
    """

    start: int
    end: int
    text: str
    roles: frozenset[str] = frozenset()
    datetime: str | None = None
    byline: str | None = None


@attrs.frozen
class Page:
    """The visible text of a page.

    Attributes:
        pieces: the runs of text, in page order.
        blocks: the paragraphs they make, in page order (empty ones left out of
            ``blocks`` but their index kept by :attr:`Piece.block`).
        lang: the ``lang`` attribute of the ``html`` element.
        rows: the ``(row, first cell, last cell)`` of each block of a short table row
            whose cells hold paragraphs, numbered in page order: the blocks of one row
            are written as one line, its cells separated as plain cells are.
    """

    pieces: tuple[Piece, ...]
    blocks: dict[int, Block]
    lang: str | None = None
    rows: dict[int, tuple[int, int, int]] = attrs.field(factory=dict)


#: What an element does to the text around it when it opens: a ``br`` starts a
#: line, a table cell a cell, a block element a block; a formatting element
#: nothing; any other element marks a boundary between words.
_LINE, _CELL, _BLOCK, _NOTHING, _BOUNDARY = range(5)


def _opening(name: str) -> tuple[int, bool, frozenset[str], bool, bool]:
    """What opening ``name`` does: its effect, whether it is void, its role, hidden, raw text."""
    effect = (
        _LINE
        if name == "br"
        else _CELL
        if name in _CELLS
        else _BLOCK
        if name in BLOCK
        else _NOTHING
        if name in FORMATTING
        else _BOUNDARY
    )
    role = ROLES.get(name)
    return (
        effect,
        name in VOID,
        frozenset([role]) if role is not None else frozenset(),
        name in HIDDEN,
        name in _RAW_TEXT,
    )


#: :func:`_opening` of every element name that :func:`read_page` treats specially.
_OPENING = {
    name: _opening(name)
    for name in (*HIDDEN, *VOID, *BLOCK, *FORMATTING, *_SELF_CLOSING, *ROLES, *_RAW_TEXT)
}
_OTHER = _opening("#other")
#: :data:`_OPENING` as a browser without scripts reads it: ``noscript`` shows its content.
_OPENING_WITHOUT_SCRIPTS = {**_OPENING, "noscript": (_BLOCK, False, frozenset(), False, False)}


def read_page(source: str, scripts: bool = True, hidden_role: bool = False) -> Page:
    """Read the visible text of the HTML page ``source`` into pieces and blocks.

    ``scripts``: read the page as a browser that runs scripts shows it, where ``noscript``
    shows nothing; with ``False``, as one without scripts, where it shows its content
    (forums and shops that serve their text to readers without scripts there).
    ``hidden_role``: read the elements that their attributes hide (``hidden``,
    ``aria-hidden="true"``, ``display: none``: collapsed panels, closed dialogs) too, their
    blocks with the role ``"hidden"``, instead of leaving them out.
    """
    opening = _OPENING if scripts else _OPENING_WITHOUT_SCRIPTS
    # The page's own classes of text for screen readers alone (a CSS-in-JS site's
    # generated ones), which its style sheets clip off the screen.
    unseen = screen_reader_classes(source) if "clip" in source else frozenset()
    # Open elements as (name, roles, hidden, datetime); the top one's also in top_*.
    root: tuple[str, frozenset[str], bool, str | None] = ("#root", frozenset(), False, None)
    stack = [root]
    top_name, top_roles, top_hidden, top_datetime = root
    counts: dict[str, int] = {}
    pieces: list[Piece] = []
    add = pieces.append
    # Each spelling of a tag name met so far: its lower-case name and _opening().
    tags: dict[str, tuple[str, int, bool, frozenset[str], bool, bool]] = {}
    block = 0
    block_roles: dict[int, frozenset[str]] = {}
    block_time: dict[int, str] = {}
    boundary = False  # an element boundary since the last piece
    line = False  # a br since the last piece
    cell = False  # a table cell opened since the last piece
    spaced = False  # white space between tags since the last piece
    lang: str | None = None
    last: Piece | None = None  # the last piece
    last_block = -1  # the block of the last piece
    # The open lists, innermost last: each a [next number, step, kind] of an ordered list
    # that shows its numbers, or None (an unordered list, or numbers hidden).
    lists: list[list[Any] | None] = []
    marker = ""  # the number of a list item opened since the last piece
    # The open table rows and cells, innermost last: each (row, cell), numbered in page
    # order (0: no row or no cell open), and the (row, cell) of each piece inside a table.
    cells: list[tuple[int, int]] = []
    tables = 0  # the rows and cells opened so far
    piece_cells: dict[int, tuple[int, int]] = {}
    pos = 0
    size = len(source)
    # The sentinel ends the last run of text as a tag would (an unclosed comment runs
    # into it and ends the page, as it would without it).
    scanned = source + _SENTINEL
    while pos < size:  # one scan, started again after the text of each raw-text element
        for match in _MARKUP.finditer(scanned, pos):
            text_end, after = match.span()
            if text_end > pos and not top_hidden:
                pre = "pre" in top_roles
                chunk = source[pos:text_end]
                runs: Iterable[tuple[int, int, str]]
                if not pre and not chunk.strip(_WHITE):
                    boundary = spaced = True  # only white space between the tags
                    runs = ()
                elif "&" in chunk:
                    runs = text_runs(source, pos, text_end)
                else:
                    runs = ((pos, text_end, chunk),)
                for start, end, text in runs:
                    if not pre and not text.strip(_WHITE):
                        boundary = spaced = True
                        continue
                    if block not in block_roles:
                        block_roles[block] = top_roles
                        if top_datetime:
                            block_time[block] = top_datetime
                    same = last_block == block
                    space = same and (
                        spaced
                        or (
                            boundary
                            and bool(_WORD_END.search(last.text))  # type: ignore[union-attr]
                            and bool(_WORD_START.match(text))
                        )
                    )
                    marked = bool(_AUTHOR_ROLES & top_roles)
                    last = Piece(
                        start,
                        end,
                        text,
                        block,
                        pre,
                        space,
                        line and same,
                        cell and same,
                        marked,
                        marker,
                    )
                    last_block = block
                    if cells:
                        piece_cells[len(pieces)] = cells[-1]
                    add(last)
                    boundary = line = cell = spaced = False
                    marker = ""
            pos = after
            _comment, close, name, source_attributes = match.groups()
            if name is None:
                continue
            tag = tags.get(name)
            if tag is None:  # the first time this spelling of a name is met
                lower = name.lower()
                tag = tags[name] = (lower, *opening.get(lower, _OTHER))
            name, effect, void, role, hidden, raw = tag
            if close:
                if not counts.get(name):
                    continue  # a stray end tag closes nothing
                while True:
                    entry = stack.pop()
                    closed = entry[0]
                    counts[closed] -= 1
                    if closed in _LISTS:
                        lists.pop()
                    elif closed in _TABLE_PARTS:
                        cells.pop()
                    if closed == name:
                        break
                top_name, top_roles, top_hidden, top_datetime = stack[-1]
                if effect == _BLOCK or ("caption" in entry[1] and "caption" not in top_roles):
                    block += 1  # a block, or a caption written inline, ends
                elif effect != _NOTHING:  # td, th and br end as any other element
                    boundary = True
                continue
            if name not in _HEAD_CONTENT and counts.get("head"):
                # A browser ends an unclosed head at the first element that cannot be in it.
                while True:
                    closed = stack.pop()[0]
                    counts[closed] -= 1
                    if closed in _LISTS:
                        lists.pop()
                    elif closed in _TABLE_PARTS:
                        cells.pop()
                    if closed == "head":
                        break
                top_name, top_roles, top_hidden, top_datetime = stack[-1]
                block += 1
            if top_name == name and name in _SELF_CLOSING:
                stack.pop()
                counts[name] -= 1
                if name in _TABLE_PARTS:
                    cells.pop()
                top_name, top_roles, top_hidden, top_datetime = stack[-1]
            if effect == _BLOCK:
                block += 1
            elif effect == _BOUNDARY:
                boundary = True
            elif effect == _LINE:
                line = True
            elif effect == _CELL:
                cell = True
            if void or (source_attributes.endswith("/") and not raw):
                # "/>" closes an element here, as XHTML and SVG write it, but not a raw-text
                # one: a browser reads <style type="text/css" /> as opening it, and the
                # style sheet after it, up to </style>, is no text.
                continue
            if top_hidden:  # nothing inside is shown: its roles, time and language never count
                if raw:
                    closing = _RAW_TEXT[name].search(source, pos)
                    pos = closing.end() if closing else size
                    break  # scan again after the raw text
                stack.append((name, top_roles, True, top_datetime))
                counts[name] = counts.get(name, 0) + 1
                top_name = name
                if name in _LISTS:
                    lists.append(None)
                elif name in _TABLE_PARTS:
                    tables += 1
                    cells.append(_table_part(name, tables, cells))
                continue
            if raw and hidden and not (name == "script" and _TEMPLATE.search(source_attributes)):
                # Nothing in it shows, and it ends no paragraph: a style sheet or script
                # inside a link or a sentence is not a break in the text around it.
                closing = _RAW_TEXT[name].search(source, pos)
                pos = closing.end() if closing else size
                break  # scan again after the raw text
            roles = top_roles | role if role else top_roles
            attributes: dict[str, str] = _NO_ATTRIBUTES
            if source_attributes and not source_attributes.isspace():
                attributes, found, hides = read_attributes(source_attributes)
                # A class that the page's style sheets clip off the screen.
                unread = bool(unseen) and not unseen.isdisjoint(attributes.get("class", "").split())
                hides = hides or unread
                if found and name in _WHOLE:  # "<article class='author-jane'>": not a byline
                    found = frozenset() if name in _PAGE_ELEMENTS else found - _AUTHOR_ROLES
                if found:
                    roles = roles | found
                if (
                    name == "a"
                    and not lists  # not in a list: a menu, related stories
                    and ("/author" in source_attributes or "/reporter" in source_attributes)
                    and links_to_writer(source_attributes)
                ):
                    roles = roles | _AUTHOR_LINK_ROLE
                if hides and hidden_role:
                    roles = roles | _HIDDEN_ROLE  # read, and marked as hidden
                else:
                    hidden = hidden or hides
                # Text for screen readers alone parts the words around it (a kicker, ": ",
                # the headline: "Wednesday", then "Pommes", not "WednesdayPommes"); text
                # hidden inside a word to foil copying ("Pyong<span hidden>x</span>yang") not.
                boundary = boundary or unread or (hides and for_screen_readers(attributes))
            if raw and name == "script" and _TEMPLATE.search(source_attributes):
                raw = hidden = False  # markup that the page's scripts show
            if name == "html" and lang is None:
                lang = attributes.get("lang") or attributes.get("xml:lang")
            datetime = attributes.get("datetime") if name == "time" else top_datetime
            if raw:
                closing = _RAW_TEXT[name].search(source, pos)
                end = closing.end() if closing else size
                if not hidden:  # title in the body, textarea: show its text as one piece
                    inner = source[pos : closing.start() if closing else size]
                    if inner.strip():
                        block_roles.setdefault(block, roles)
                        last = Piece(pos, pos + len(inner), html.unescape(inner), block)
                        last_block = block
                        add(last)
                pos = end
                block += 1
                break  # scan again after the raw text
            if "caption" in roles and "caption" not in top_roles and effect != _BLOCK:
                # A caption written inline (<span class="caption"> in a paragraph) is a
                # block of its own: the text around it is not caption.
                block += 1
            if name in _LISTS:
                lists.append(_numbering(source_attributes) if name == "ol" else None)
            elif name in _TABLE_PARTS:
                tables += 1
                cells.append(_table_part(name, tables, cells))
            elif name == "li" and lists and lists[-1] is not None:
                marker = _item_number(lists[-1], source_attributes)
            top_name, top_roles, top_hidden, top_datetime = name, roles, hidden, datetime
            stack.append((name, roles, hidden, datetime))
            counts[name] = counts.get(name, 0) + 1
        else:
            break  # the scan reached the end of the page
    rows = _table_rows(pieces, piece_cells, block_roles) if piece_cells else {}
    return Page(tuple(pieces), _blocks(pieces, block_roles, block_time), lang, rows)


_TABLE_PARTS = frozenset(["tr", "td", "th"])
#: The most characters of a table row whose cells hold paragraphs that :func:`page_edits`
#: writes as one line (``CAPM | 720 | 3,923``): a longer row is a layout table's (the
#: article in one cell, the menu in the next), and its paragraphs stay paragraphs.
ROW_CHARS = 300
_HEADINGS = frozenset(["h1", "heading"])


def _table_part(name: str, number: int, cells: list[tuple[int, int]]) -> tuple[int, int]:
    """The ``(row, cell)`` that a ``tr``, ``td`` or ``th`` numbered ``number`` opens."""
    if name == "tr":
        return (number, 0)
    return (cells[-1][0] if cells else 0, number)


def _table_rows(
    pieces: list[Piece], piece_cells: dict[int, tuple[int, int]], roles: dict[int, frozenset[str]]
) -> dict[int, tuple[int, int, int]]:
    """The ``(row, first cell, last cell)`` of each block of a table row whose cells hold
    paragraphs (``<td><p>CAPM</p></td><td><p>720</p></td>``) and that reads as one line: a
    row of several cells, no longer than :data:`ROW_CHARS`, no heading in it."""
    # The blocks that hold table pieces, in page order: block: [first piece, last piece,
    # the row of all its pieces, or 0 where they are in more than one or some in none].
    found: dict[int, list[int]] = {}
    for n, (row, _cell) in piece_cells.items():
        block = pieces[n].block
        entry = found.get(block)
        if entry is None:
            found[block] = [n, n, row]
        else:
            if n != entry[1] + 1 or entry[2] != row:
                entry[2] = 0
            entry[1] = n
    size = len(pieces)
    spans = [
        (block, first, last + 1, row)
        for block, (first, last, row) in found.items()
        if not (first and pieces[first - 1].block == block)
        and not (last + 1 < size and pieces[last + 1].block == block)
    ]
    out: dict[int, tuple[int, int, int]] = {}
    at = 0
    while at < len(spans):
        row = spans[at][3]
        end = at + 1
        # the blocks of the row, one after another with no other piece between them
        while (
            end < len(spans) and row and spans[end][3] == row and spans[end][1] == spans[end - 1][2]
        ):
            end += 1
        run = spans[at:end]
        at = end
        if len(run) < 2:
            continue
        numbers = range(run[0][1], run[-1][2])
        if (
            len({piece_cells[n][1] for n in numbers}) >= 2
            and sum(len(pieces[n].text.strip()) for n in numbers) <= ROW_CHARS
            and not any(roles.get(block, frozenset()) & _HEADINGS for block, *_ in run)
        ):
            out.update(
                (block, (row, piece_cells[start][1], piece_cells[stop - 1][1]))
                for block, start, stop, _row in run
            )
    return out


_LISTS = frozenset(["ol", "ul", "menu"])
#: The largest number written in Roman numerals; a larger one is written in digits, as
#: browsers do (so a list's ``start`` cannot blow a marker up to a million letters).
ROMAN_LIMIT = 3999


def _numbering(attributes: str) -> list[Any] | None:
    """``[first number, step, kind]`` of an ordered list with these start-tag attributes,
    or ``None`` where its style shows no numbers (``list-style: none``).

    >>> _numbering(' start="4" type="i"'), _numbering(' style="list-style:none"')
    ([4, 1, 'i'], None)
    >>> _numbering(' data-start="4" data-type="i"')
    [1, 1, '1']
    >>> _item_number([4000, 1, "i"], "")
    '4000. '
    """
    if _LIST_NONE.search(attributes):
        return None
    start = _LIST_START.search(attributes)
    kind = _LIST_TYPE.search(attributes)
    step = -1 if _LIST_REVERSED.search(attributes) else 1
    # A reversed list without a start counts down from its number of items, which is
    # not known here: its numbers are left out.
    if step < 0 and start is None:
        return None
    return [int(start.group(1)) if start else 1, step, kind.group(1) if kind else "1"]


def _item_number(numbering: list[Any], attributes: str) -> str:
    """The marker a browser shows before the next item of an ordered list (``"2. "``,
    ``"b. "``, ``"iv. "``), its ``value`` attribute first; the list's count moves on."""
    value = _ITEM_VALUE.search(attributes) if attributes else None
    number = int(value.group(1)) if value else numbering[0]
    numbering[0] = number + numbering[1]
    kind = numbering[2]
    if kind == "1" or number < 1 or (kind in "iI" and number > ROMAN_LIMIT):
        return f"{number}. "  # browsers write Roman numerals up to ROMAN_LIMIT only
    if kind in "aA":
        letters = ""
        while number:
            number, rest = divmod(number - 1, 26)
            letters = chr(ord("a") + rest) + letters
        return f"{letters.upper() if kind == 'A' else letters}. "
    roman = _roman(number)
    return f"{roman.upper() if kind == 'I' else roman}. "


def _roman(number: int) -> str:
    """``number`` in lower-case Roman numerals (``4`` is ``"iv"``)."""
    out = ""
    for value, numeral in (
        (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
        (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
    ):  # fmt: skip
        count, number = divmod(number, value)
        out += numeral * count
    return out


def text_runs(source: str, start: int, end: int) -> Iterator[tuple[int, int, str]]:
    """The runs ``(start, end, text)`` of ``source[start:end]``: plain runs, and each
    character reference (``&amp;``) a run of its own, decoded.

    >>> list(text_runs("<p>Kim &amp; Lee</p>", 3, 16))
    [(3, 7, 'Kim '), (7, 12, '&'), (12, 16, ' Lee')]
    """
    text = source[start:end]
    if "&" not in text:
        yield start, end, text
        return
    pos = start
    for match in _ENTITY.finditer(source, start, end):
        if match.start() > pos:
            yield pos, match.start(), source[pos : match.start()]
        yield match.start(), match.end(), html.unescape(match.group())
        pos = match.end()
    if pos < end:
        yield pos, end, source[pos:end]


def _blocks(
    pieces: list[Piece], roles: dict[int, frozenset[str]], times: dict[int, str]
) -> dict[int, Block]:
    out: dict[int, Block] = {}
    size = len(pieces)
    first = 0
    while first < size:
        piece = pieces[first]
        index = piece.block
        after = first + 1
        while after < size and pieces[after].block == index:
            after += 1
        own = roles.get(index, frozenset())
        if after == first + 1:  # one piece: no separators, the usual case
            text = _SPACE.sub(" ", piece.text).strip()
            if text:
                byline = text if piece.byline and not (_AUTHOR_ROLES & own) else None
                out[index] = Block(piece.start, piece.end, text, own, times.get(index), byline)
            first = after
            continue
        group = pieces[first:after]
        parts = [
            (" | " if p.cell_before else " " if p.space_before or p.line_before else "") + p.text
            for p in group
        ]
        text = _SPACE.sub(" ", "".join(parts)).strip()
        shown = [p for p in group if p.text.strip()]
        if text and shown:  # cell separators alone (``<td> <td>``) show nothing
            byline = None
            if not (_AUTHOR_ROLES & own) and any(p.byline for p in group):
                byline = _byline_text(group)
            out[index] = Block(
                shown[0].start, shown[-1].end, text, own, times.get(index), byline or None
            )
        first = after
    return out


#: What :func:`block_fields` writes where two elements meet with no space between them.
FIELD_BREAK = " | "
_TAGS = re.compile(r"<[^<>]*+>")


_LONE_LETTER = re.compile(r"[a-z](?![^\W\d_])")


def _glued(source: str, previous: Piece, piece: Piece) -> bool:
    """Whether ``piece`` follows ``previous`` in another element with no space between
    them, a letter or digit on each side (or a handle's ``@`` after); not where it goes on
    with a small letter alone (``Will Knigh<span>t</span>``, a last letter spaced apart by
    the style sheet: one word)."""
    if not previous.text[-1:].isalnum() or not (piece.text[:1].isalnum() or piece.text[:1] == "@"):
        return False
    if _LONE_LETTER.match(piece.text) and previous.text[-1:].isalpha():
        return False
    gap = source[previous.end : piece.start]
    return "<" in gap and not _SPACE.search(_TAGS.sub("", gap))


def block_fields(source: str, page: Page, indices: Iterable[int]) -> dict[int, str]:
    r"""The text of each block of ``indices`` with :data:`FIELD_BREAK` where two of its
    elements meet with no space between them, a letter or digit on each side (or a
    handle's ``@`` after), for the blocks whose parts a style sheet sets apart (a byline's
    ``<span>Gina Trapani</span><span>CEO</span>`` shows on two lines, ``"Gina
    TrapaniCEO"`` in :attr:`Block.text`); a ``br`` breaks it too. The text that a
    character reference splits (``AT&amp;T``) stays whole, and so does a name before
    the comma of a list (``<a>Lee</a>, <a>Kim</a>``).

    >>> source = '<p class="byline"><b>Gina Trapani</b><i>CEO</i> at AT&amp;T</p>'
    >>> page = read_page(source)
    >>> list(block_fields(source, page, page.blocks).values())
    ['Gina Trapani | CEO at AT&T']
    """
    wanted = set(indices)
    parts: dict[int, list[str]] = {}
    previous: Piece | None = None
    for piece in page.pieces:
        if piece.block not in wanted:
            previous = None
            continue
        found = parts.setdefault(piece.block, [])
        if not found and not piece.text.strip():
            continue  # white space that opens the block ("&nbsp;" before a br) opens no field
        if found and previous is not None:
            if piece.cell_before or piece.line_before or _glued(source, previous, piece):
                found.append(FIELD_BREAK)
            elif piece.space_before:
                found.append(" ")
        found.append(piece.text)
        previous = piece
    return {index: _SPACE.sub(" ", "".join(found)).strip() for index, found in parts.items()}


def _byline_text(group: list[Piece]) -> str:
    """The text of the pieces of ``group`` inside a byline's element: pieces that follow
    each other joined as the block joins them (``Andr&#xE9;`` stays ``"André"``),
    :data:`FIELD_BREAK` where other pieces stand between them (``"By <a>Scott Levine</a> –
    Updated … | Fact-checked by <a>Frank Bass</a>"``)."""
    parts: list[str] = []
    previous = False
    for piece in group:
        if piece.byline:
            if parts:
                if not previous:
                    parts.append(FIELD_BREAK)  # another element: another writer, or a checker
                elif piece.space_before or piece.line_before:
                    parts.append(" ")
            parts.append(piece.text)
        previous = piece.byline
    return _SPACE.sub(" ", "".join(parts)).strip()


#: Two ``br`` with nothing but white space and other tags between them.
_DOUBLE_BREAK = re.compile(r"<br\b[^>]*>(?:\s|&nbsp;|<(?!br\b)[^<>]*>)*<br\b", re.IGNORECASE)


def page_edits(
    source: str, page: Page, kept: set[int], dropped: frozenset[int] = frozenset()
) -> Iterator[Edit]:
    """Edits that turn ``source`` into the text of the ``kept`` blocks of its ``page``.

    Markup and the other blocks are deleted, blocks are separated by a paragraph
    break, character references are decoded and line breaks outside ``pre``
    become spaces; a line break (``br``) starts a line, two in a row a paragraph; each edit
    covers the source it replaces. ``dropped``: the places in
    :attr:`Page.pieces` of pieces of kept blocks that are deleted too (a closing line
    inside the article's last paragraph).
    """
    pos = 0
    last_block: int | None = None
    rows = page.rows
    for at, piece in enumerate(page.pieces):
        if piece.block not in kept or at in dropped:
            continue
        if last_block is None:
            gap = ""
        elif piece.block != last_block:
            gap = "\n\n"
            if rows:
                here, there = rows.get(piece.block), rows.get(last_block)
                if here is not None and there is not None and here[0] == there[0]:
                    gap = "\n" if here[1] == there[2] else " | "  # a row of one line
        elif piece.cell_before:
            gap = " | "
        elif piece.line_before:
            # two line breaks in a row ("<br><br>") part paragraphs, as a reader sees them
            gap = "\n\n" if _DOUBLE_BREAK.search(source, pos, piece.start) else "\n"
        else:
            gap = " " if piece.space_before else ""
        gap += piece.marker
        if piece.start > pos or gap:
            yield Edit(pos, piece.start, gap, exact=False)
        last_block = piece.block
        raw = source[piece.start : piece.end]
        if piece.text != raw:
            yield Edit(piece.start, piece.end, piece.text, exact=False)
        elif not piece.pre:
            for match in _NEWLINES.finditer(raw):
                yield Edit(piece.start + match.start(), piece.start + match.end(), " ", exact=False)
        pos = piece.end
    if pos < len(source):
        yield Edit(pos, len(source), "")


def load_tree(source: str) -> Any:
    """The page parsed as trafilatura's ``load_html`` parses it, or ``None``.

    A whole page with no ``html`` element near its start (a stored crawl's
    ``<text id=...>`` wrapper) is parsed inside one. A fragment (no ``head``, ``body`` or
    ``title`` element, and fewer than :data:`PAGE_LINKS` links: a paragraph, an article
    body exported from a CMS) is not a page, and gives ``None``: it keeps all its text.
    Its drawings (``svg``) and style sheets are left out of the tree, and so are lone
    surrogates (a ``str`` decoded with ``surrogateescape``), at which lxml would stop.
    """
    from lxml import etree  # type: ignore[import-untyped]

    if _lone_surrogates(source):
        # lxml stops reading a page at a lone surrogate (no UTF-8 can hold one), and the
        # article would end there; the tree gives text to compare, not offsets.
        source = _LONE_SURROGATE.sub("", source)
    tree = _parse(source)
    if tree is None and (
        _WHOLE_PAGE.search(source) or len(_LINK_TAG.findall(source)) >= PAGE_LINKS
    ):
        tree = _parse(f"<html><body>{source}</body></html>")
    if tree is not None:
        # Drawings and style sheets hold no text or metadata, and trafilatura would copy
        # them three times before it drops them (an icon's path is a node each).
        etree.strip_elements(tree, *_UNREAD, with_tail=False)
    return tree


def _parse(source: str) -> Any:
    """``source`` parsed with the settings, repairs and checks of trafilatura's
    ``load_html``, into lxml's HTML elements; ``None`` where it is no HTML page.

    One difference: every element is a plain ``HtmlElement`` (no ``FormElement``, no
    ``InputElement``), chosen by lxml itself. lxml's own HTML parser asks a Python method
    which class each element gets, each time Python first touches it, and trafilatura
    touches every element of a page many times.
    """
    from lxml import etree
    from lxml import html as lxml_html
    from trafilatura.utils import is_dubious_html, repair_faulty_html

    beginning = source[:50].lower()
    source = repair_faulty_html(source, beginning)
    parser = _html_parser()
    tree = None
    # A str that declares its encoding is read from bytes only, below.
    with contextlib.suppress(ValueError, etree.LxmlError):
        tree = lxml_html.fromstring(source, parser=parser)
    if tree is None or len(tree) < 1:
        try:
            tree = lxml_html.fromstring(source.encode("utf-8", "surrogatepass"), parser=parser)
        except (ValueError, etree.LxmlError):
            return None
    if is_dubious_html(beginning) and len(tree) < 2:
        return None  # not well-formed HTML: a fragment, or no markup at all
    return tree


@functools.cache
def _html_parser() -> Any:
    """trafilatura's HTML parser settings, with lxml choosing each element's class in C."""
    from lxml import etree
    from lxml import html as lxml_html

    parser = lxml_html.HTMLParser(
        collect_ids=False,
        default_doctype=False,
        encoding="utf-8",
        remove_comments=True,
        remove_pis=True,
    )
    parser.set_element_class_lookup(
        etree.ElementDefaultClassLookup(
            element=lxml_html.HtmlElement,
            comment=lxml_html.HtmlComment,
            pi=lxml_html.HtmlProcessingInstruction,
            entity=lxml_html.HtmlEntity,
        )
    )
    return parser


def _lone_surrogates(text: str) -> bool:
    """Whether ``text`` holds a lone surrogate: the one thing that UTF-8 cannot encode (and
    encoding, which stops at the first, is quicker than searching a page for one).

    >>> _lone_surrogates("a\\udc80b"), _lone_surrogates("金正恩 \\U0001f600")
    (True, False)
    """
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


_UNREAD = ("svg", "{http://www.w3.org/2000/svg}svg", "style")
#: The most elements inside one paragraph, or inline elements directly inside one
#: division, that a page's tree keeps for trafilatura: its extractor's time grows with the
#: square of their number (a paragraph of 8,000 links took 5 s, of 32,000 over a minute).
#: Real pages stay far below it (the most in 1,660 benchmark pages: 418, most of them
#: ``br``).
CROWDED_ELEMENTS = 2000
_INLINE = (
    "a", "abbr", "b", "big", "cite", "code", "del", "em", "font", "i", "ins", "kbd", "label",
    "mark", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "tt", "u",
)  # fmt: skip


def thin_crowded(tree: Any) -> int:
    """Unwrap the inline elements of the paragraphs (and divisions) of ``tree`` that hold
    more than :data:`CROWDED_ELEMENTS` of them, their text kept where it stands, so that
    trafilatura reads the page in linear time; return how many were thinned. The text the
    tree holds is the same; only the markup inside those paragraphs goes (a link farm's
    paragraph of thousands of links reads as one paragraph of their words)."""
    from lxml import etree

    inline = "|".join(_INLINE)
    crowded = tree.xpath(
        f"//p[count(.//*) > {CROWDED_ELEMENTS}] | //div[count({inline}) > {CROWDED_ELEMENTS}]"
    )
    for element in crowded:
        etree.strip_tags(element, *_INLINE)
        # The unwrapped elements leave their text in runs of text nodes side by side, which
        # lxml joins again each time a text is read (quadratic for htmldate): one node each.
        for inner in element.iter():
            inner.text = inner.text
            if inner is not element:
                inner.tail = inner.tail
    return len(crowded)


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
#: The links that make markup without a ``head``, ``body`` or ``title`` a whole page (its
#: menus and link lists) rather than a fragment.
PAGE_LINKS = 50
_WHOLE_PAGE = re.compile(r"<(?:head|body|title)[\s>]", re.IGNORECASE)
_LINK_TAG = re.compile(r"<a\s", re.IGNORECASE)
