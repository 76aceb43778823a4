"""HTML input: tags out, text kept, every character still traceable to the page source.

Tags, comments and the contents of ``script``, ``style``, ``head``, ``nav``,
``header``, ``footer``, ``aside``, ``form`` and similar elements are removed;
block elements (``p``, ``div``, ``h1``, ``li``, ``figcaption``, ...) become
paragraph breaks and ``br`` a line break; character references (``&amp;``,
``&#54620;``) are decoded; line breaks inside running text become spaces, as a
browser shows them. Each of these is one edit, so the offset map leads from
any clean character back to the exact place in the page source.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

from nkcorpus.cleaning.offsets import Edit

__all__ = ["html_edits", "looks_like_html"]

_SNIFF = re.compile(
    r"<!doctype\s+html|<html[\s>]|<body[\s>]|<head[\s>]|<(?:p|div|br|span|a|article|h[1-6])\b[^>]*>",
    re.IGNORECASE,
)
_TAG_COUNT = re.compile(r"</?[a-zA-Z][\w:-]*\b[^<>]*>")

_SKIPPED = (
    "script|style|noscript|template|svg|head|nav|header|footer|aside|form|button|select|iframe"
    "|object|canvas|menu"
)
_BLOCK = {
    "address", "article", "blockquote", "dd", "div", "dl", "dt", "figcaption", "figure",
    "h1", "h2", "h3", "h4", "h5", "h6", "hr", "li", "main", "ol", "p", "pre", "section",
    "table", "tbody", "thead", "tfoot", "tr", "td", "th", "ul", "caption", "body", "html",
}  # fmt: skip

_TOKENS = re.compile(
    r"(?P<comment><!--.*?(?:-->|\Z))"
    rf"|(?P<skipped><(?P<skip>{_SKIPPED})\b[^>]*>.*?(?:</(?P=skip)\s*>|\Z))"
    r"|(?P<cdata><!\[CDATA\[.*?(?:\]\]>|\Z))"
    r"|(?P<decl><[!?][^>]*>)"
    r"|(?P<tag></?(?P<name>[a-zA-Z][\w:-]*)\b(?:[^>\"']|\"[^\"]*\"|'[^']*')*>)"
    r"|(?P<entity>&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});?)"
    r"|(?P<newline>[ \t]*[\r\n][\s]*)",
    re.IGNORECASE | re.DOTALL,
)


def looks_like_html(text: str) -> bool:
    """Whether ``text`` is an HTML page or fragment (and not prose that mentions a tag)."""
    head = text[:4096]
    if not _SNIFF.search(head):
        return False
    return len(_TAG_COUNT.findall(head)) >= 3


def html_edits(text: str) -> Iterator[Edit]:
    """Edits that turn an HTML page into its text, with paragraph breaks for blocks."""
    for match in _TOKENS.finditer(text):
        kind = match.lastgroup
        start, end = match.span()
        if kind == "tag" or (kind == "name" and match["tag"]):
            name = match["name"].lower()
            if name == "br":
                yield Edit(start, end, "\n", exact=False)
            elif name in _BLOCK:
                yield Edit(start, end, "\n\n", exact=False)
            else:
                yield Edit(start, end, "")
        elif kind == "entity":
            entity = match.group()
            decoded = html.unescape(entity)
            if decoded != entity:
                yield Edit(start, end, decoded, exact=False)
        elif kind == "newline":
            yield Edit(start, end, " ", exact=False)
        else:
            yield Edit(start, end, "")
