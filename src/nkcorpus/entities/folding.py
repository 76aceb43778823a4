"""Folding: the matching form of a text, the same length as the text.

The knowledge base matches names on a folded copy of the text
(:func:`fold`): case, accents, dashes and apostrophes, Traditional Chinese
and North Korean spelling are made one, character for character, so every
offset into the folded copy is an offset into the text.
"""

from __future__ import annotations

import re
import threading
import unicodedata

from nkcorpus.entities.korean import is_hangul
from nkcorpus.text.chinese import to_simplified
from nkcorpus.text.hangul import south_korean_spelling
from nkcorpus.text.scripts import HANGUL_SYLLABLES, is_han

__all__ = ["fold", "simplify"]

_DASHES = frozenset("-‐‑‒–—―−﹘﹣－")
_APOSTROPHES = frozenset("'‘’‛ʼ`´′＇")


_FOLD_LOCK = threading.Lock()


def _translate(text: str, table: dict[int, str]) -> str:
    """``str.translate`` with a table that other threads may be filling in."""
    try:
        return text.translate(table)
    except RuntimeError:  # the table grew while another thread translated
        with _FOLD_LOCK:
            return text.translate(table)


def simplify(text: str) -> str:
    """Return ``text`` with Traditional Chinese characters made Simplified, one for one.

    The result has the same length as ``text``, so offsets into it are offsets
    into ``text`` (:func:`nkcorpus.text.chinese.to_simplified`).

    >>> simplify("習近平與金正恩")
    '习近平与金正恩'
    """
    return to_simplified(text)


class _FoldTable(dict[int, str]):
    """A ``str.translate`` table that works out each character's folded form once."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        out = char
        if char in _DASHES:
            out = "-"
        elif char in _APOSTROPHES:
            out = "'"
        elif char.isspace():
            out = " "
        elif is_hangul(char):
            out = char
        elif is_han(char):
            out = simplify(char)
        else:
            base = "".join(
                c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c)
            )
            if len(base) == 1:
                lower = base.lower()
                out = lower if len(lower) == 1 else base
            else:
                lower = char.lower()
                out = lower if len(lower) == 1 else char
        self[code] = out
        return out


_FOLD = _FoldTable()


_HANGUL_RANGE = re.compile(f"[{HANGUL_SYLLABLES}]")


def fold(text: str) -> str:
    """Return the matching form of ``text``: same length, one character for one.

    Korean is put in South Korean spelling
    (:func:`nkcorpus.text.hangul.south_korean_spelling`), so North Korean
    ``조선로동당`` and ``리설주`` match ``조선노동당`` and ``이설주``.

    >>> fold("Kim Jŏng–Ŭn’s 金正恩 習近平 조선로동당")
    "kim jong-un's 金正恩 习近平 조선노동당"
    """
    folded = _translate(text, _FOLD)
    return south_korean_spelling(folded) if _HANGUL_RANGE.search(folded) else folded
