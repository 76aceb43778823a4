"""The article that a page declares in its JSON-LD (``"articleBody"``), read where the page
source writes it, so that each of its characters keeps its offsets.

A page may show only the first lines of its article (a paywall's teaser, "READ FULL
ARTICLE") or break it up among galleries and shop cards, while its JSON-LD holds the whole
text. :func:`declared_article` finds that text in the page source: the JSON string's
escapes (``\\n``, ``\\"``, ``\\u2019``) and character references (``&amp;``) become what
they stand for, each as one edit of the characters that wrote it.

A page drawn by its scripts may show nothing at all, its story in their data (a Next.js
page's props, ``__NEXT_DATA__``); :func:`scripted_article` finds it there as the plain text
that begins with the page's description, and :func:`story_elements` as the story elements of
a page that Arc XP publishes (``Fusion.globalContent``: one JSON string per paragraph).
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from typing import Any

import attrs

from nkcorpus.cleaning.htmlpage import text_runs
from nkcorpus.cleaning.offsets import Edit

__all__ = [
    "ARTICLE_BODY_CHARS",
    "LEAD_CHARS",
    "SCRIPTED_CHARS",
    "DeclaredArticle",
    "declared_article",
    "read_json_string",
    "scripted_article",
    "story_elements",
]

#: The fewest characters of a declared article that :func:`declared_article` reads.
ARTICLE_BODY_CHARS = 500

_LD_SCRIPT = re.compile(r"<script\b[^>]*application/ld\+json[^>]*>", re.IGNORECASE)
_SCRIPT_END = re.compile(r"</script\s*>", re.IGNORECASE)
_ARTICLE_BODY = re.compile(r'"articleBody"\s*:\s*"')
_ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}
_HEX = re.compile(r"[0-9a-fA-F]{4}")
#: A tag: a declared body that holds markup is not plain text, and is not read.
_TAG = re.compile(r"<[a-zA-Z/!]")


@attrs.frozen
class DeclaredArticle:
    """The declared article of a page.

    Attributes:
        start: where its JSON string's characters begin in the page source.
        end: where they end (before the closing quote).
        text: the article's text, escapes and character references decoded.
        changed: ``(start, end, text)`` of each stretch of the source that is written
            other than it reads (an escape, a character reference), in order.
        captions: the captions of the article's photos that the data give beside it
            (story elements'), which are no part of :attr:`text`.
    """

    start: int
    end: int
    text: str
    changed: tuple[tuple[int, int, str], ...]
    captions: tuple[str, ...] = ()

    def edits(self, size: int) -> Iterator[Edit]:
        """The edits that turn a page source of ``size`` characters into :attr:`text`:
        everything around the string deleted, each changed stretch replaced."""
        yield Edit(0, self.start, "")
        for start, end, text in self.changed:
            yield Edit(start, end, text, exact=False)
        yield Edit(self.end, size, "")


def declared_article(source: str, body: object) -> DeclaredArticle | None:
    """Where the page ``source`` writes ``body`` (the ``articleBody`` of its JSON-LD
    article, as the JSON parser read it) in a JSON-LD script, or ``None``: it is not a
    string of at least :data:`ARTICLE_BODY_CHARS` characters, is not written there, or holds
    markup once decoded.

    >>> script = '<script type="application/ld+json">{"articleBody": "Kim\\\\u2019s &amp; ..."}'
    >>> page = script.replace("...", "x" * 500) + "</script>"
    >>> found = declared_article(page, "Kim\\u2019s &amp; " + "x" * 500)
    >>> found.text[:8], [text for _start, _end, text in found.changed]
    ('Kim’s & ', ['’', '&'])
    """
    if not isinstance(body, str) or len(body) < ARTICLE_BODY_CHARS:
        return None
    for script in _LD_SCRIPT.finditer(source):
        closing = _SCRIPT_END.search(source, script.end())
        stop = closing.start() if closing else len(source)
        for found in _ARTICLE_BODY.finditer(source, script.end(), stop):
            read = read_json_string(source, found.end(), stop)
            if read is not None and read[0] == body:
                return _plain_article(source, found.end(), read, ARTICLE_BODY_CHARS)
    return None


#: The fewest characters of a page's description that :func:`scripted_article` looks for,
#: and how many more the article must hold.
LEAD_CHARS = 20
#: The fewest characters of an article that :func:`scripted_article` reads (a short news
#: item's).
SCRIPTED_CHARS = 150
_SCRIPT = re.compile(r"<script\b[^>]*>", re.IGNORECASE)
_ELLIPSIS_END = re.compile(r"\s*(?:\.{2,}|…+)\s*$")
_UPPER_HEX = re.compile(r"\\u[0-9a-f]{4}")  # a JSON escape written in small letters


def _upper(match: re.Match[str]) -> str:
    return "\\u" + match.group()[2:].upper()


def scripted_article(source: str, description: object) -> DeclaredArticle | None:
    r"""The article that the data of the page's scripts hold as plain text, where the page
    shows it only once they run (a Next.js page's ``__NEXT_DATA__``: ``"desc": "…\n\n…"``),
    or ``None``.

    It is the longest JSON string in a script (not JSON-LD, which :func:`declared_article`
    reads) that begins with the page's ``description`` (its first :data:`LEAD_CHARS`
    characters at least, an ellipsis that shortens it left out), goes on for
    :data:`LEAD_CHARS` characters more at least, and holds at least
    :data:`SCRIPTED_CHARS` characters of plain text.

    >>> lead = "美國股市個別發展，道瓊斯工業平均指數表現偏軟，納斯達克指數連跌三日後回穩。"
    >>> page = '<script type="application/json">{"desc":"' + lead + "\\n\\n" + "美股" * 300
    >>> found = scripted_article(page + '"}</script>', lead[:30] + "...")
    >>> found.text[:9], found.text[len(lead) : len(lead) + 2]
    ('美國股市個別發展，', '\n\n')
    """
    if not isinstance(description, str):
        return None
    lead = _ELLIPSIS_END.sub("", " ".join(description.split()))
    if len(lead) < LEAD_CHARS:
        return None
    # The description's opening as a JSON string writes it: as it is, or with every
    # character outside ASCII escaped (``\u7f8e``, as PHP's json_encode and Python's json
    # write it by default; or ``\u7F8E``).
    escaped = json.dumps(lead[:LEAD_CHARS])[1:-1]
    openings = {'"' + lead[:LEAD_CHARS], '"' + escaped, '"' + _UPPER_HEX.sub(_upper, escaped)}
    best: DeclaredArticle | None = None
    for script in _SCRIPT.finditer(source):
        if "ld+json" in script.group().lower():
            continue
        closing = _SCRIPT_END.search(source, script.end())
        stop = closing.start() if closing else len(source)
        for opening in openings:
            at = source.find(opening, script.end(), stop)
            while at != -1:
                read = read_json_string(source, at + 1, stop)
                article = _plain_article(source, at + 1, read, len(lead) + LEAD_CHARS)
                if article is not None and (best is None or len(article.text) > len(best.text)):
                    best = article
                at = source.find(opening, (read[1] if read else at) + 1, stop)
    return best


#: Where a page published with Arc XP's Fusion gives its story to its scripts.
_GLOBAL_CONTENT = re.compile(r"\bFusion\.globalContent\s*=\s*(?=\{)")
#: The key of a story element's text, up to the opening quote of its value.
_CONTENT_KEY = re.compile(r'"content"\s*:\s*"')
#: A tag in a story element's text; ``br`` is a line break.
_MARKUP = re.compile(r"<[a-zA-Z/!][^<>]*>")
_LINE_BREAK = re.compile(r"<br\b", re.IGNORECASE)
#: A story element that holds an embedded page or program, not the story's text.
_EMBEDDED = re.compile(r"<(?:script|iframe|style)\b", re.IGNORECASE)


def story_elements(source: str) -> DeclaredArticle | None:
    r"""The story that a page published with Arc XP gives its scripts as story elements
    (``Fusion.globalContent``'s ``content_elements``: each paragraph's ``"content"`` a JSON
    string of its own), or ``None``: the page has none, or they hold fewer than
    :data:`SCRIPTED_CHARS` characters.

    Paragraphs (``text``), subheadings (``header``) and the items of lists (``list``) are
    read, in order, a blank line between them; images, embeds, links to other stories and
    raw HTML are not. The markup of their text (``<b>``, ``<a href=…>``) goes, ``<br>``
    becomes a line break, character references are decoded. The images' captions are
    :attr:`DeclaredArticle.captions`.

    >>> data = {"content_elements": [{"type": "text", "content": "Kim <b>met</b> Moon."},
    ...                              {"type": "image", "caption": "Kim"},
    ...                              {"type": "header", "content": "Talks &amp; ties"}]}
    >>> page = f"<script>Fusion.globalContent={json.dumps(data)};</script>"
    >>> found = story_elements(page.replace("Moon.", "Moon. " + "x" * 150))
    >>> found.text[:14], found.text[-14:]
    ('Kim met Moon. ', '\n\nTalks & ties')
    """
    opening = _GLOBAL_CONTENT.search(source)
    if opening is None:
        return None
    try:
        story, stop = json.JSONDecoder().raw_decode(source, opening.end())
    except (ValueError, RecursionError):  # not JSON, or nested deeper than it can read
        return None
    elements = story.get("content_elements") if isinstance(story, dict) else None
    if not isinstance(elements, list):
        return None
    wanted = [text for element in elements for text in _element_texts(element)]
    changed: list[tuple[int, int, str]] = []
    pieces: list[str] = []
    start = end = cursor = opening.end()
    for text in wanted:
        for key in _CONTENT_KEY.finditer(source, cursor, stop):
            read = read_json_string(source, key.end(), stop)
            if read is None:
                return None
            cursor = read[1] + 1
            if read[0] == text:
                break
        else:
            return None  # not written where it was read: not this page's story
        if pieces:
            changed.append((end, key.end(), "\n\n"))
            pieces.append("\n\n")
        else:
            start = key.end()
        end = read[1]
        for piece in _without_markup(source, read[2]):
            pieces.append(piece[2])
            if source[piece[0] : piece[1]] != piece[2]:
                changed.append(piece)
    text = "".join(pieces)
    if len(text.strip()) < SCRIPTED_CHARS:
        return None
    return DeclaredArticle(start, end, text, tuple(changed), _captions(elements))


def _captions(elements: list[Any]) -> tuple[str, ...]:
    """The captions of the images among story elements, markup out, references decoded."""
    captions = (
        element.get("caption")
        for element in elements
        if isinstance(element, dict) and element.get("type") == "image"
    )
    plain = (
        " ".join(html.unescape(_MARKUP.sub(" ", caption)).split())
        for caption in captions
        if isinstance(caption, str)
    )
    return tuple(dict.fromkeys(caption for caption in plain if caption))


def _element_texts(element: object) -> list[str]:
    """The texts of a story element that are the story's: a paragraph's, a subheading's,
    a list's items'; none of an element that embeds a page or a program."""
    if not isinstance(element, dict):
        return []
    kind, content = element.get("type"), element.get("content")
    if kind in ("text", "header") and isinstance(content, str):
        return [] if _EMBEDDED.search(content) else [content]
    if kind == "list":
        return [text for item in element.get("items") or [] for text in _element_texts(item)]
    return []


def _without_markup(
    source: str, runs: list[tuple[int, int, str, bool]]
) -> Iterator[tuple[int, int, str]]:
    """The runs of a JSON string that holds HTML (``read_json_string``'s), as ``(start,
    end, text)``: its tags deleted (``<br>`` a line break), the character references of
    the rest decoded. A tag is found in the JSON string's value (``\u003cb\u003e`` is
    one), a character reference in what the source writes (``&lt;b&gt;`` is text)."""
    value = "".join(run[2] for run in runs)
    tags = [(m.start(), m.end(), m.group()) for m in _MARKUP.finditer(value)]
    at = 0  # where the run begins in the value
    tag = 0  # the first tag that does not end before the place looked at
    for start, end, text, escaped in runs:
        run_end = at + len(text)
        cut = at
        while cut < run_end:
            while tag < len(tags) and tags[tag][1] <= cut:
                tag += 1
            inside = tag < len(tags) and tags[tag][0] <= cut
            if tag == len(tags):
                until = run_end
            else:
                until = min(run_end, tags[tag][1] if inside else tags[tag][0])
            # A tag leaves where it begins: a line break for <br>, nothing for the others.
            starts = inside and tags[tag][0] == cut
            gone = "\n" if starts and _LINE_BREAK.match(tags[tag][2]) else ""
            if escaped:  # one character, written as an escape
                yield start, end, gone if inside else text
                break
            piece_start, piece_end = start + cut - at, start + until - at
            if inside:
                yield piece_start, piece_end, gone
            else:
                yield from text_runs(source, piece_start, piece_end)
            cut = until
        at = run_end


def _plain_article(
    source: str,
    start: int,
    read: tuple[str, int, list[tuple[int, int, str, bool]]] | None,
    least: int,
) -> DeclaredArticle | None:
    """The JSON string ``read`` from ``start`` of ``source`` as an article: at least
    :data:`SCRIPTED_CHARS` and ``least`` characters of plain text (no markup)."""
    if read is None or len(read[0]) < max(SCRIPTED_CHARS, least):
        return None
    _value, end, runs = read
    changed = list(_decoded(runs, source))
    text = "".join(text for _start, _end, text in changed)
    if _TAG.search(text):
        return None
    return DeclaredArticle(
        start, end, text, tuple((s, e, t) for s, e, t in changed if source[s:e] != t)
    )


def read_json_string(
    source: str, start: int, stop: int
) -> tuple[str, int, list[tuple[int, int, str, bool]]] | None:
    r"""The JSON string whose characters begin at ``start`` of ``source`` (after its opening
    quote): its value, where it ends (at the closing quote), and its runs ``(start, end,
    text, escaped)``, plain runs and each escape its own; ``None`` if it does not end before
    ``stop`` or holds a broken escape.

    >>> read_json_string(r'"a\u00e9\\"', 1, 99)
    ('aé\\', 10, [(1, 2, 'a', False), (2, 8, 'é', True), (8, 10, '\\', True)])
    >>> read_json_string(r'"unended', 1, 99) is None
    True
    """
    stop = min(stop, len(source))
    runs: list[tuple[int, int, str, bool]] = []
    pos = plain = start
    while pos < stop:
        char = source[pos]
        if char == '"':
            if pos > plain:
                runs.append((plain, pos, source[plain:pos], False))
            return "".join(run[2] for run in runs), pos, runs
        if char != "\\":
            pos += 1
            continue
        if pos > plain:
            runs.append((plain, pos, source[plain:pos], False))
        kind = source[pos + 1 : pos + 2]
        if kind in _ESCAPES:
            runs.append((pos, pos + 2, _ESCAPES[kind], True))
            pos += 2
        elif kind == "u" and _HEX.fullmatch(source, pos + 2, pos + 6):
            code = int(source[pos + 2 : pos + 6], 16)
            end = pos + 6
            low = source[end : end + 6]
            if 0xD800 <= code < 0xDC00 and low[:2] == "\\u" and _HEX.fullmatch(low, 2):
                second = int(low[2:], 16)
                if 0xDC00 <= second < 0xE000:  # a surrogate pair: one character
                    code = 0x10000 + ((code - 0xD800) << 10) + (second - 0xDC00)
                    end += 6
            runs.append((pos, end, chr(code), True))
            pos = end
        else:
            return None
        plain = pos
    return None


def _decoded(runs: list[tuple[int, int, str, bool]], source: str) -> Iterator[tuple[int, int, str]]:
    """The runs of a JSON string with the character references of its plain runs decoded
    (``&amp;`` its own run): ``(start, end, text)``."""
    for start, end, text, escaped in runs:
        if escaped:
            yield start, end, text
        else:
            yield from text_runs(source, start, end)
