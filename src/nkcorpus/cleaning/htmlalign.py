"""Which blocks of an HTML page are its article: trafilatura's main text, aligned to them.

trafilatura gives the page's main content as text without offsets. Its paragraphs are
near-verbatim copies of the page's text, so :func:`body_blocks` finds each block of
:func:`~nkcorpus.cleaning.htmlpage.read_page` in it: a block whose text (compared by
:func:`block_key`, without white space) the main text holds, whole or for three fifths of
its chunks when it has 64 characters or more, is body. :func:`article_blocks` asks
trafilatura's fast extractor first and its full cascade where that found little or kept
the page with it (its menus, or the menu items of its sidebars and footers: a blog's
archive of months), on a page of up to :data:`FULL_CASCADE_BLOCKS` blocks.
:func:`listed_prose` adds the items of a list written in sentences that the article's
paragraphs enclose and trafilatura left out.
"""

from __future__ import annotations

import bisect
import heapq
import re
import unicodedata
from collections.abc import Collection
from typing import Any

from nkcorpus.cleaning.htmlpage import Block, Page
from nkcorpus.text.scripts import CJK_CHARS

__all__ = [
    "FULL_CASCADE_BLOCKS",
    "FURNISHED_BLOCKS",
    "LIST_PROSE_CHARS",
    "MENU_ITEM",
    "PARAGRAPH",
    "SECTION_HEADING_CHARS",
    "SHORT_MAIN_TEXT",
    "SMALL_PAGE_BLOCKS",
    "SMALL_SHARE",
    "WHOLE_PAGE_BLOCKS",
    "WHOLE_PAGE_SHARE",
    "article_blocks",
    "block_key",
    "body_blocks",
    "enclosed_headings",
    "listed_prose",
    "main_text",
]

_CHUNK = 16
_FURNITURE = frozenset(
    [
        "nav", "menu", "aside", "sidebar", "promo", "related", "share", "social", "sn", "footer",
        "header", "link", "comment", "hidden",
    ]
)  # fmt: skip
_MARKER = re.compile(r"^\s*(?:[-*•]|\d+\.)\s+|^\|\s*|\s*\|$")  # list items and table rows
#: The line that trafilatura writes under a table's first row (``|---|---|``): no block
#: shows it, and short cells that follow each other are found one after another.
_TABLE_RULE = re.compile(r"^\|(?:---\|)+[ \t]*$", re.MULTILINE)


#: A main text of at least this many blocks, half of them shorter than
#: :data:`MENU_ITEM` characters, is the page's menus (and all the rest), not its article,
#: unless blocks of :data:`PARAGRAPH` characters or more hold half of its text.
WHOLE_PAGE_BLOCKS = 100
#: A main text that holds this share of a small page's blocks (and at least
#: :data:`SMALL_PAGE_BLOCKS` of them) is its whole page too, under the same test.
WHOLE_PAGE_SHARE = 0.6
#: The fewest blocks of a main text that is a small page's whole page.
SMALL_PAGE_BLOCKS = 10
#: The length (in characters, without white space) under which a block is a menu item.
MENU_ITEM = 20
#: The length (in characters, without white space) from which a block is a paragraph.
PARAGRAPH = 80
#: A main text shorter than this is looked for again. Its length is counted in characters,
#: a Han, kana or Hangul character counting three (as many as a Latin word's letters).
SHORT_MAIN_TEXT = 1500
#: A main text that holds less than this share of the page's shown text is looked for
#: again too (a documentation page whose fast extraction keeps one section).
SMALL_SHARE = 0.1
#: A page of more blocks than this is not looked for again with trafilatura's full cascade:
#: its jusText pass compares each short paragraph with its neighbours over and over, so
#: its time grows with the square of their number (minutes for a long page of short lines).
#: No page of the benchmarks' 1,471 has more than 3,100 blocks.
FULL_CASCADE_BLOCKS = 4000
_WIDE = re.compile(f"[{CJK_CHARS}]")


def _width(text: str) -> int:
    """The length of ``text`` with every Han, kana and Hangul character counted three times.

    >>> _width("Kim met Moon"), _width("金正恩会见文在寅")
    (12, 24)
    """
    return len(text) + 2 * len(_WIDE.findall(text))


def block_key(text: str) -> str:
    """``text`` without white space and ``|``: how blocks and trafilatura's lines are compared.

    Characters that trafilatura drops (those that do not print: controls, zero-width and
    format characters) are dropped too, and the key is in NFC, as trafilatura's text is.

    >>> block_key(" a b\u00a0| c\u200b\x80")
    'abc'
    """
    # str.split() splits at the characters that "\s" matches.
    key = "".join(text.split()).replace("|", "")
    if not key.isprintable():
        key = "".join(c for c in key if c.isprintable())
    if not unicodedata.is_normalized("NFC", key):
        key = unicodedata.normalize("NFC", key)
    return key


def main_text(tree: Any, fast: bool = True) -> str | None:
    """Trafilatura's main text for the parsed page (``None`` when it found none).

    ``fast``: trafilatura's own extractor alone, without the comparison with
    readability and jusText that it otherwise makes.
    """
    import trafilatura

    try:
        found = trafilatura.bare_extraction(
            tree, include_comments=False, fast=fast, include_tables=True
        )
    except Exception:
        return None
    if found is None:
        return None
    text = found.text if hasattr(found, "text") else found.get("text")
    return text or None


def body_blocks(blocks: dict[int, Block], keys: dict[int, str], main: str) -> set[int]:
    """The blocks that trafilatura's main text holds, whole or for three fifths of their chunks.

    ``keys`` holds the :func:`block_key` of each block's text. Each place in the main text
    stands for one block: where a text repeats on the page more often than in the
    main text ("Continue reading", "Advertisement"), the blocks nearest to where the
    main text has it are kept, and the others are not.
    """
    if "|---|" in main:
        main = _TABLE_RULE.sub("", main)
    target = block_key(main)
    line_keys = [block_key(_MARKER.sub("", line)) for line in main.splitlines()]
    places = _places(target, keys.values(), line_keys)
    wanted: dict[str, int] = {}
    for key in keys.values():
        wanted[key] = wanted.get(key, 0) + 1
    # The chunks of the blocks that the main text may hold in part, all looked for at once.
    chunks = {
        index: [key[i : i + _CHUNK] for i in range(0, len(key) - _CHUNK + 1, _CHUNK)]
        for index, key in keys.items()
        if len(key) >= 4 * _CHUNK and key not in places and not blocks[index].roles & _FURNITURE
    }
    held = _occurrences(target, {chunk for parts in chunks.values() for chunk in parts})
    body: set[int] = set()
    contested: dict[str, list[tuple[int, int]]] = {}  # key: (block, where it would be)
    cursor = 0
    for index, block in blocks.items():
        key = keys[index]
        found_at = places.get(key)
        if found_at is not None:
            if wanted[key] > len(found_at):
                contested.setdefault(key, []).append((index, cursor))
                continue
            body.add(index)
            if len(key) >= 12:  # its places are in order: the first at or after the cursor
                after = bisect.bisect_left(found_at, cursor)
                cursor = found_at[min(after, len(found_at) - 1)] + len(key)
            elif target.startswith(key, cursor):
                cursor += len(key)
            continue
        if len(key) < 12:
            if key and target.startswith(key, cursor) and not block.roles & _FURNITURE:
                # A short block that the main text has right where the last one ended (the
                # price of a product card that trafilatura runs into one line); not a
                # link ("Europe", "9 hrs ago" of a list of related stories).
                body.add(index)
                cursor += len(key)
            continue
        parts = chunks.get(index)
        if parts and 5 * sum(part in held for part in parts) >= 3 * len(parts):
            body.add(index)
    for key, candidates in contested.items():
        # The nearest blocks first, a hidden copy after every shown one.
        shown = [
            (index, where) for index, where in candidates if "hidden" not in blocks[index].roles
        ]
        hidden = [(index, where) for index, where in candidates if "hidden" in blocks[index].roles]
        left = list(enumerate(places[key]))
        for group in (shown, hidden):
            matched = _nearest_first(left, group)
            body.update(index for _n, index in matched)
            used = {n for n, _index in matched}
            left = [(n, place) for n, place in left if n not in used]
    return body


def _nearest_first(
    places: list[tuple[int, int]], blocks: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Pair ``places`` (``(number, place)``) with ``blocks`` (``(index, where)``) nearest
    first (at equal distances, the lowest number, then the lowest index), each once, until
    one side runs out: the ``(number, index)`` pairs.

    The nearest pair left always stands side by side in the order of positions (those at
    one position taken as one, lowest first), so a heap of neighbours finds each in
    logarithmic time: a page that repeats a line thousands of times stays fast.

    >>> _nearest_first([(0, 10), (1, 50)], [(7, 12), (8, 30), (9, 49)])
    [(1, 9), (0, 7)]
    >>> _nearest_first([(0, 10)], [(5, 3), (4, 3)])
    [(0, 4)]
    """
    grouped: dict[tuple[int, int], list[int]] = {}
    for number, place in places:
        grouped.setdefault((place, 0), []).append(number)
    for index, where in blocks:
        grouped.setdefault((where, 1), []).append(index)
    points = sorted(grouped)
    waiting = [sorted(grouped[point], reverse=True) for point in points]  # lowest last
    size = len(points)
    before = list(range(-1, size - 1))
    after = list(range(1, size + 1))
    heap: list[tuple[int, int, int, int, int]] = []

    def push(a: int, b: int) -> None:
        if 0 <= a < b < size and waiting[a] and waiting[b] and points[a][1] != points[b][1]:
            place, block = (a, b) if points[a][1] == 0 else (b, a)
            distance = abs(points[a][0] - points[b][0])
            heapq.heappush(heap, (distance, waiting[place][-1], waiting[block][-1], a, b))

    for a in range(size - 1):
        push(a, a + 1)
    pairs: list[tuple[int, int]] = []
    while heap:
        _distance, number, index, a, b = heapq.heappop(heap)
        place, block = (a, b) if points[a][1] == 0 else (b, a)
        if not (
            after[a] == b
            and waiting[a]
            and waiting[b]
            and waiting[place][-1] == number
            and waiting[block][-1] == index
        ):
            continue  # gone, or no longer the nearest of its position
        pairs.append((number, index))
        waiting[place].pop()
        waiting[block].pop()
        for point in (a, b):
            if not waiting[point]:  # all taken: its neighbours become neighbours
                left, right = before[point], after[point]
                if left >= 0:
                    after[left] = right
                if right < size:
                    before[right] = left
        for point in (a, b):
            if waiting[point]:
                push(before[point], point)
                push(point, after[point])
            else:
                push(before[point], after[point])
    return pairs


def _places(target: str, keys: Collection[str], line_keys: list[str]) -> dict[str, list[int]]:
    """Where in ``target`` each of ``keys`` stands: every place of a key of 12 characters
    or more; for a shorter key, the places of the main text's lines that are that key."""
    places = _occurrences(target, {key for key in keys if len(key) >= 12})
    short = {key for key in keys if 0 < len(key) < 12}
    pos = 0
    for line in line_keys:
        at = target.find(line, pos) if line else -1
        if at >= 0:
            pos = at + len(line)
        if line in short:
            places.setdefault(line, []).append(max(at, 0))
    return places


#: How many of a key's first characters :func:`_occurrences` looks for at once; the rest
#: of a key is compared where its head stands. The automaton's work at each character of
#: the text grows with the depth of the keys it holds when a key repeats itself (a
#: paragraph of one word written ten thousand times): bounded, the scan stays linear.
HEAD_CHARS = 64


def _occurrences(target: str, keys: set[str]) -> dict[str, list[int]]:
    """Every place of each of ``keys`` in ``target`` that it holds, from left to right
    without overlaps (as repeated ``str.find`` calls would give them), in one pass over
    ``target`` (an Aho-Corasick automaton of the keys' first :data:`HEAD_CHARS` characters:
    a page of thousands of paragraphs is read in linear time, not once per paragraph).

    A key whose head stands somewhere without the key itself is looked for from there
    with ``str.find``, once, and its later heads are not compared again: a repetitive
    key and text (``"ha ha ha …"``) never cost the square of their length.

    >>> sorted(_occurrences("abcabcxabc", {"abc", "cab", "zzz"}).items())
    [('abc', [0, 3, 7]), ('cab', [2])]
    """
    found: dict[str, list[int]] = {}
    if not keys or not target:
        return found
    import ahocorasick

    heads: dict[str, list[str]] = {}
    for key in keys:
        heads.setdefault(key[:HEAD_CHARS], []).append(key)
    automaton = ahocorasick.Automaton()
    for head, group in heads.items():
        automaton.add_word(head, (len(head), group))
    automaton.make_automaton()
    searched: set[str] = set()  # the keys whose places str.find has given
    for end, (size, group) in automaton.iter(target):
        start = end - size + 1
        for key in group:
            if key in searched:
                continue
            where = found.get(key)
            if where is not None and start < where[-1] + len(key):
                continue  # inside its last place
            if len(key) == size or target.startswith(key, start):
                if where is None:
                    found[key] = [start]
                else:
                    where.append(start)
                continue
            searched.add(key)
            places = where if where is not None else []
            at = target.find(key, start + 1)
            while at >= 0:
                places.append(at)
                at = target.find(key, at + len(key))
            if places and where is None:
                found[key] = places
    return found


def _whole_page(keys: dict[int, str], body: set[int]) -> bool:
    """Whether the ``body`` blocks are mostly menu items, and most of their text is in
    blocks shorter than paragraphs: the page, menus and all. Only a body of
    :data:`WHOLE_PAGE_BLOCKS` blocks, or of :data:`WHOLE_PAGE_SHARE` of a smaller page's
    (:data:`SMALL_PAGE_BLOCKS` at least), is tested."""
    page_share = max(SMALL_PAGE_BLOCKS, WHOLE_PAGE_SHARE * len(keys))
    if len(body) < min(WHOLE_PAGE_BLOCKS, page_share):
        return False
    menus = sum(1 for i in body if len(keys[i]) < MENU_ITEM)
    if 2 * menus < len(body):
        return False
    # Paragraphs between short blocks (the posts of a thread between their writers' names
    # and "reply" links) are content: most of the text must be in lines for menus.
    lines = sum(len(keys[i]) for i in body if len(keys[i]) < PARAGRAPH)
    return 2 * lines >= sum(len(keys[i]) for i in body)


#: The least blocks of a body that :func:`_linked` tests, and the share of its text in
#: links that makes it the page's link lists.
LINKED_BLOCKS = 30
LINKED_SHARE = 2 / 3


def _linked(blocks: dict[int, Block], keys: dict[int, str], body: set[int]) -> bool:
    """Whether the ``body`` blocks (:data:`LINKED_BLOCKS` or more, and
    :data:`WHOLE_PAGE_SHARE` of the page's) hold their text mostly in links
    (:data:`LINKED_SHARE`): the whole page, its lists of other stories (a Chinese portal's
    headlines, too long to count as menu items) with the article among them. (A body that
    is one region of links is a listing page's content.)"""
    if len(body) < max(LINKED_BLOCKS, WHOLE_PAGE_SHARE * len(blocks)):
        return False
    return _role_share(blocks, keys, body, "link") >= LINKED_SHARE


#: The share of a body's text in table cells that makes it a layout table's.
LAID_OUT_SHARE = 0.95


def _laid_out(blocks: dict[int, Block], keys: dict[int, str], body: set[int]) -> bool:
    """Whether the ``body`` blocks (:data:`SMALL_PAGE_BLOCKS` or more) hold their text
    mostly (:data:`LAID_OUT_SHARE`) in table cells, with menu items among them: an older
    page laid out in a table, whose cells of menus trafilatura's fast extraction keeps
    with the article's."""
    if len(body) < SMALL_PAGE_BLOCKS or not any(len(keys[i]) < MENU_ITEM for i in body):
        return False
    return _role_share(blocks, keys, body, "table") >= LAID_OUT_SHARE


#: The fewest menu items of the page's furniture (in a sidebar, menu, navigation or footer)
#: in a main text that make trafilatura's full cascade look again.
FURNISHED_BLOCKS = 30


def _furnished(blocks: dict[int, Block], keys: dict[int, str], body: set[int]) -> bool:
    """Whether the ``body`` holds the page's furniture: :data:`FURNISHED_BLOCKS` menu items
    (:data:`MENU_ITEM`) or more in a sidebar, menu, navigation or footer, a third of its
    blocks at least (a Blogger page's archive of months, kept by the fast extraction with
    the post)."""
    items = sum(
        1 for i in body if len(keys[i]) < MENU_ITEM and blocks[i].roles & _FURNITURE
    )
    return items >= FURNISHED_BLOCKS and 3 * items >= len(body)


def _role_share(blocks: dict[int, Block], keys: dict[int, str], body: set[int], role: str) -> float:
    """The share of the ``body`` blocks' text in blocks with ``role``."""
    total = sum(len(keys[i]) for i in body)
    return sum(len(keys[i]) for i in body if role in blocks[i].roles) / total if total else 0.0


def article_blocks(page: Page, keys: dict[int, str], tree: Any, main: str) -> tuple[set[int], str]:
    """The blocks of the article that trafilatura's fast ``main`` text finds, and the main
    text they were found with (its full cascade's, when the fast one is short or the
    whole page and the page has no more than :data:`FULL_CASCADE_BLOCKS` blocks)."""
    body = body_blocks(page.blocks, keys, main)
    whole = (
        _whole_page(keys, body)
        or _linked(page.blocks, keys, body)
        or _laid_out(page.blocks, keys, body)
        or _furnished(page.blocks, keys, body)
    )
    shown = sum(len(block.text) for block in page.blocks.values())
    if len(page.blocks) > FULL_CASCADE_BLOCKS:
        return _unfurnished(page, keys, body, whole, main)
    if whole or _width(main) < SHORT_MAIN_TEXT or len(main) < SMALL_SHARE * shown:
        # trafilatura's fast extractor found little, or fell back on the whole page:
        # its full comparison with readability and jusText looks again.
        fuller = main_text(tree, fast=False)  # trafilatura reads a copy of it
        if fuller is None or len(fuller) == len(main):
            return _unfurnished(page, keys, body, whole, main)
        if (len(fuller) < len(main)) == whole:
            return body_blocks(page.blocks, keys, fuller), fuller
        if whole and not _prose(keys, body):
            # Not the whole page but its menus alone, with no paragraph of the article: a
            # longer main text that holds paragraphs is the article.
            found = body_blocks(page.blocks, keys, fuller)
            if _prose(keys, found):
                return found, fuller
    return _unfurnished(page, keys, body, whole, main)


#: The roles of a page's own furniture, never an article's: what leaves a main text that
#: holds the whole page.
_PAGE_FURNITURE = frozenset(["nav", "menu", "breadcrumb", "footer", "form", "sidebar", "aside"])


def _unfurnished(
    page: Page, keys: dict[int, str], body: set[int], whole: bool, main: str
) -> tuple[set[int], str]:
    """The ``body`` without the page's furniture (:data:`_PAGE_FURNITURE`: its menus,
    navigation, forms and footer) where it is the ``whole`` page with the article, as
    trafilatura's extractions kept it, and a paragraph or a sentence stays, with the text of
    the blocks kept as its main text; else the ``body`` and trafilatura's ``main`` text."""
    if not whole:
        return body, main
    furniture = _PAGE_FURNITURE
    if 2 * sum(1 for b in page.blocks.values() if "form" in b.roles) > len(page.blocks):
        furniture = furniture - {"form"}  # the whole page is one form (ASP.NET pages)
    rest = {i for i in body if furniture.isdisjoint(page.blocks[i].roles)}
    sentences = any(
        len(keys[i]) >= MENU_ITEM and _SENTENCE_END.search(page.blocks[i].text) for i in rest
    )
    if not (sentences or _prose(keys, rest)):
        return body, main
    return rest, "\n".join(page.blocks[i].text for i in sorted(rest))


def _prose(keys: dict[int, str], body: set[int]) -> bool:
    """Whether one of the ``body`` blocks at least is a paragraph (:data:`PARAGRAPH`)."""
    return any(len(keys[index]) >= PARAGRAPH for index in body)


#: The least characters of each item of a list that :func:`listed_prose` adds to the body.
LIST_PROSE_CHARS = 60
#: The end of a sentence, a closing quote or bracket after it allowed.
_SENTENCE_END = re.compile(r"[.!?。！？][\"'”’)）]?$")


def listed_prose(blocks: dict[int, Block], body: set[int]) -> set[int]:
    """``body`` with the items of the lists written in sentences that it encloses.

    trafilatura's fast extractor can leave out a list inside the article (``<li><strong>
    Cost:</strong> $225 for members ...</li>``). A run of shown list items that are not
    body is added when the shown blocks just before and after it are body paragraphs that
    are no list items themselves, and when each item is a sentence of at least
    :data:`LIST_PROSE_CHARS` characters outside the page's furniture (menus, asides,
    links, comments): not a list of links to other stories, nor a menu.
    """
    shown = [index for index, block in blocks.items() if "hidden" not in block.roles]
    added: set[int] = set()
    at = 0
    while at < len(shown):
        if shown[at] in body or "list" not in blocks[shown[at]].roles:
            at += 1
            continue
        end = at
        while end < len(shown) and shown[end] not in body and "list" in blocks[shown[end]].roles:
            end += 1
        run = shown[at:end]
        enclosed = at > 0 and end < len(shown) and all(
            shown[n] in body and "list" not in blocks[shown[n]].roles for n in (at - 1, end)
        )
        if enclosed and all(_sentence_item(blocks[index]) for index in run):
            added.update(run)
        at = end
    return body | added if added else body


#: The most characters of a section heading that :func:`enclosed_headings` adds.
SECTION_HEADING_CHARS = 150


def enclosed_headings(blocks: dict[int, Block], body: set[int]) -> set[int]:
    """``body`` with the section headings (``h2`` to ``h6``) that stand inside the article:
    after a body block and just before another, outside the page's furniture.

    trafilatura's fast extractor can leave out an article's section headings (a
    documentation page's ``<h2>`` set in a ``section`` of its own) while it keeps the
    paragraphs under them. A heading over a heading taken so is taken too where the run
    of them stands over a paragraph of prose (:data:`PARAGRAPH` characters, or a sentence):
    a section's heading over its first subsection's. A heading followed by anything else (a
    list of other stories, the comments) stays out.
    """
    shown = [index for index, block in blocks.items() if "hidden" not in block.roles]
    first = next((at for at, index in enumerate(shown) if index in body), len(shown))
    added: set[int] = set()
    prose = False  # whether the heading under the one looked at stands over a paragraph
    # from the end: a heading over one taken that stands over a paragraph of the article
    # (a section's over its subsection's, "Requirements" over "Hardware") is taken too
    for at in range(len(shown) - 2, first, -1):
        index, under = shown[at], shown[at + 1]
        block = blocks[index]
        if (
            index not in body
            and (under in body or (under in added and prose))
            and "heading" in block.roles
            and "h1" not in block.roles
            and len(block.text) <= SECTION_HEADING_CHARS
            and not block.roles & _FURNITURE
        ):
            added.add(index)
            prose = under in added or _paragraph(blocks[under].text)
    return body | added if added else body


def _paragraph(text: str) -> bool:
    """Whether ``text`` is a paragraph of prose: :data:`PARAGRAPH` characters, or a sentence."""
    return len(text) >= PARAGRAPH or _SENTENCE_END.search(text.strip()) is not None


def _sentence_item(block: Block) -> bool:
    """Whether a list item is a sentence of :data:`LIST_PROSE_CHARS` characters or more,
    outside the page's furniture."""
    text = block.text.strip()
    return (
        len(text) >= LIST_PROSE_CHARS
        and not block.roles & _FURNITURE
        and _SENTENCE_END.search(text) is not None
    )
