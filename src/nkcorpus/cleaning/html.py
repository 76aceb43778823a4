"""HTML input: is it a page, and its visible text with every character traceable.

:func:`looks_like_html` tells a page from prose that mentions a tag.
:func:`html_edits` keeps every visible block of a page (scripts, styles and
hidden elements go, block elements become paragraph breaks, character
references are decoded), as edits on the page source. The cleaning stage
normally goes further and keeps only the article
(:mod:`nkcorpus.cleaning.htmlmain`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nkcorpus.cleaning.htmlpage import page_edits, read_page
from nkcorpus.cleaning.offsets import Edit

__all__ = ["TAGGED_LINES", "html_edits", "looks_like_html"]

_SNIFF = re.compile(
    r"<!doctype\s+html|<html[\s>]|<body[\s>]|<head[\s>]|<(?:p|div|br|span|a|article|h[1-6])\b[^>]*>",
    re.IGNORECASE,
)
_START = re.compile(
    r"\ufeff?\s*<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>]|style[\s>]|script[\s>]|meta\s"
    r"|link\s|!--)",
    re.IGNORECASE,
)
_TAG_COUNT = re.compile(r"</?[a-zA-Z][\w:-]*\b[^<>]*>")


#: A comment, or a script or style sheet whole (to the end of the text where it runs on).
_UNSHOWN = re.compile(
    r"<!--.*?(?:-->|\Z)|<(script|style)\b.*?(?:</\1\s*>|\Z)", re.IGNORECASE | re.DOTALL
)
#: The least share of a fragment's lines that hold a tag. HTML's lines hold tags, while a
#: text flattened from a page holds a few that its converter printed (a ``noscript``'s
#: tracking image) on a line or two among lines of text.
TAGGED_LINES = 0.25


def looks_like_html(text: str) -> bool:
    r"""Whether ``text`` is an HTML page or fragment: it opens as a page does, or its first
    4 KB hold at least three tags, one of an element that shows text, on at least
    :data:`TAGGED_LINES` of their lines (not prose that mentions a tag, nor a plain text
    with a few stray tags).

    >>> looks_like_html("<p>Kim met Moon.</p>\n<p>They talked.</p><br>")
    True
    >>> looks_like_html("Kim met Moon.\n\nThey talked.\n\n" * 3 + "<p><a href='/'>x</a></p>")
    False
    """
    if _START.match(text):
        return True
    head = text[:4096]
    if not _SNIFF.search(head):
        return False
    if len(_TAG_COUNT.findall(head)) < 3:
        return False
    # a comment, a script or a style sheet counts as one tag, its lines with it
    lines = [line for line in _UNSHOWN.sub("<x>", head).splitlines() if line.strip()]
    tagged = sum(1 for line in lines if _TAG_COUNT.search(line))
    return tagged >= TAGGED_LINES * len(lines)


def html_edits(text: str) -> Iterator[Edit]:
    """Edits that turn an HTML page into all of its visible text, a paragraph per block."""
    page = read_page(text)
    return page_edits(text, page, set(page.blocks))
