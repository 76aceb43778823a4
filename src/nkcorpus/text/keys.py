"""Matching keys: spellings folded together for lookup, without touching the text.

Later stages (the alias gazetteer, deduplication) compare names and words
across the spellings of North and South Korea and across Traditional and
Simplified Chinese. They compare *keys*; ``Document.text`` keeps what the page
wrote. Every key function here returns a string of the same length as its
input, so a span found in a key is the same span of the text.

>>> matching_key("Kim Jong-un 김정은 金正恩 로동당")
'kim jong-un 김정은 金正恩 노동당'
"""

from __future__ import annotations

import re

from nkcorpus.text.chinese import to_simplified
from nkcorpus.text.hangul import south_korean_spelling
from nkcorpus.text.scripts import HAN_CHARS

__all__ = ["matching_key"]

_HAN = re.compile(f"[{HAN_CHARS}]")


def matching_key(text: str) -> str:
    """Return the key of ``text`` for matching across spellings and scripts.

    The key is lower case (where that keeps the length), South Korean in
    spelling (:func:`south_korean_spelling`) and Simplified Chinese in script
    (:func:`to_simplified`). It has the same length as ``text``.
    """
    lower = text.lower()
    if len(lower) != len(text):
        lower = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    key = south_korean_spelling(lower)
    if _HAN.search(key):
        key = to_simplified(key)
    return key
