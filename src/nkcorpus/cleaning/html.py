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

__all__ = ["html_edits", "looks_like_html"]

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


def looks_like_html(text: str) -> bool:
    """Whether ``text`` is an HTML page or fragment (and not prose that mentions a tag)."""
    if _START.match(text):
        return True
    head = text[:4096]
    if not _SNIFF.search(head):
        return False
    return len(_TAG_COUNT.findall(head)) >= 3


def html_edits(text: str) -> Iterator[Edit]:
    """Edits that turn an HTML page into all of its visible text, a paragraph per block."""
    page = read_page(text)
    return page_edits(text, page, set(page.blocks))
