"""Traditional and Simplified Chinese, converted with OpenCC.

Two kinds of conversion, for two jobs:

- :func:`convert` converts phrases (OpenCC's full tables: ``乾燥`` and ``乾隆`` differ),
  for text that a model reads, such as a Traditional passage sent to a Simplified
  translation model. The length may change.
- :func:`to_simplified` and :func:`to_traditional` convert character by character and
  never change the length, so a span found in the converted text is the same span of
  the original: the form matching keys need.

>>> to_simplified("朝鮮人權"), to_traditional("朝鲜人权")
('朝鲜人权', '朝鮮人權')
"""

from __future__ import annotations

import threading
from typing import Any

__all__ = ["convert", "converter", "to_simplified", "to_traditional"]

_CONVERTERS: dict[str, Any] = {}
_LOCK = threading.Lock()


def converter(config: str) -> Any:
    """Return the process's OpenCC converter for ``config`` (``"t2s"``, ``"s2t"``, ...)."""
    found = _CONVERTERS.get(config)
    if found is None:
        import opencc

        with _LOCK:
            found = _CONVERTERS.get(config)
            if found is None:
                found = _CONVERTERS[config] = opencc.OpenCC(config)
    return found


def convert(text: str, config: str = "t2s") -> str:
    """Convert ``text`` phrase by phrase with OpenCC's ``config``; the length may change.

    >>> convert("頭髮乾燥", "t2s")
    '头发干燥'
    """
    return str(converter(config).convert(text))


class _CharTable(dict[int, str]):
    """A ``str.translate`` table that converts each character once, one for one."""

    def __init__(self, config: str) -> None:
        super().__init__()
        self.config = config

    def __missing__(self, code: int) -> str:
        char = chr(code)
        out = char
        if code >= 0x2E80:  # below that no character converts
            converted = convert(char, self.config)
            out = converted if len(converted) == 1 else char
        self[code] = out
        return out


_TABLES = {"t2s": _CharTable("t2s"), "s2t": _CharTable("s2t")}


def _translate(text: str, table: _CharTable) -> str:
    try:
        return text.translate(table)
    except RuntimeError:  # the table grew while another thread read it
        with _LOCK:
            return text.translate(table)


def to_simplified(text: str) -> str:
    """Return ``text`` with Traditional characters made Simplified, one for one, same length.

    >>> to_simplified("習近平與金正恩")
    '习近平与金正恩'
    """
    return _translate(text, _TABLES["t2s"])


def to_traditional(text: str) -> str:
    """Return ``text`` with Simplified characters made Traditional, one for one, same length.

    Phrase conversion is used where it keeps the length (it picks 後 or 后 by context);
    otherwise each character is converted on its own.
    """
    converted = convert(text, "s2t")
    if len(converted) == len(text):
        return converted
    return _translate(text, _TABLES["s2t"])
