"""The article that a page declares in its JSON-LD (``"articleBody"``), read where the page
source writes it, so that each of its characters keeps its offsets.

A page may show only the first lines of its article (a paywall's teaser, "READ FULL
ARTICLE") or break it up among galleries and shop cards, while its JSON-LD holds the whole
text. :func:`declared_article` finds that text in the page source: the JSON string's
escapes (``\\n``, ``\\"``, ``\\u2019``) and character references (``&amp;``) become what
they stand for, each as one edit of the characters that wrote it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import attrs

from nkcorpus.cleaning.htmlpage import text_runs
from nkcorpus.cleaning.offsets import Edit

__all__ = ["ARTICLE_BODY_CHARS", "DeclaredArticle", "declared_article", "read_json_string"]

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
    """

    start: int
    end: int
    text: str
    changed: tuple[tuple[int, int, str], ...]

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
            if read is None or read[0] != body:
                continue
            _value, end, runs = read
            changed = list(_decoded(runs, source))
            text = "".join(text for _start, _end, text in changed)
            if _TAG.search(text):
                return None
            return DeclaredArticle(
                found.end(),
                end,
                text,
                tuple((s, e, t) for s, e, t in changed if source[s:e] != t),
            )
    return None


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
