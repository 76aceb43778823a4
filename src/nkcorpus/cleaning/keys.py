"""Matching keys: spellings folded together for lookup, without touching the text.

Later stages (the alias gazetteer, deduplication) compare names and words
across the spellings of North and South Korea and across Traditional and
Simplified Chinese. They compare *keys*; ``Document.text`` keeps what the page
wrote. Every key function here returns a string of the same length as its
input, so a span found in a key is the same span of the text.

>>> south_korean_spelling("로동신문은 력사를 리용했다")
'노동신문은 역사를 이용했다'
>>> to_simplified("朝鮮人權")
'朝鲜人权'
>>> matching_key("Kim Jong-un 김정은 金正恩 로동당")
'kim jong-un 김정은 金正恩 노동당'
"""

from __future__ import annotations

import functools
import re
import threading
from typing import Any

__all__ = ["matching_key", "south_korean_spelling", "to_simplified", "to_traditional"]

# Hangul syllable arithmetic: syllable = 0xAC00 + (initial * 21 + medial) * 28 + final.
_BASE, _MEDIALS, _FINALS = 0xAC00, 21, 28
_RIEUL, _NIEUN, _IEUNG = 5, 2, 11  # initial consonant indexes of ㄹ, ㄴ, ㅇ
#: Medial vowels before which an initial ㄹ or ㄴ drops to ㅇ: ㅑ ㅒ ㅕ ㅖ ㅛ ㅠ ㅣ.
_Y_VOWELS = frozenset({2, 3, 6, 7, 12, 17, 20})

# A syllable with initial ㄹ or ㄴ at the start of a word (not after another Hangul syllable).
_WORD_INITIAL = re.compile(r"(?<![\uac00-\ud7a3])[\ub098-\ub2e3\ub77c-\ub9c7]")


def _initial_rule(match: re.Match[str]) -> str:
    return _initial_syllable(match.group())


def _initial_syllable(syllable: str) -> str:
    code = ord(syllable) - _BASE
    initial, rest = divmod(code, _MEDIALS * _FINALS)
    medial = rest // _FINALS
    if initial == _RIEUL:
        initial = _IEUNG if medial in _Y_VOWELS else _NIEUN
    elif initial == _NIEUN and medial in _Y_VOWELS:
        initial = _IEUNG
    return chr(_BASE + initial * _MEDIALS * _FINALS + rest)


#: North Korean word stems that keep their initial ㄹ/ㄴ inside compounds
#: (조선로동당), where the South writes the stem as it would at a word start.
_STEMS = (
    "로동", "력사", "리론", "령도", "련합", "래일", "로인", "녀성", "력량", "리익", "량심",
    "례의", "렬사", "론설", "련맹", "로선", "리념", "령토", "력도", "류학", "리해", "련대",
    "량식", "료리", "리용", "녀자", "락원", "뉴대",
)  # fmt: skip
_STEM = re.compile("|".join(sorted(_STEMS, key=len, reverse=True)))


def south_korean_spelling(text: str) -> str:
    """Apply the South Korean initial-sound rule (두음법칙) to every word of ``text``.

    North Korea writes an initial ㄹ and ㄴ as pronounced in the middle of a
    word; South Korea changes them at the start of a word: ㄹ before ㅣ, ㅑ, ㅕ,
    ㅖ, ㅛ, ㅠ becomes ㅇ (력사 to 역사, 리용 to 이용), any other initial ㄹ becomes
    ㄴ (로동 to 노동, 락원 to 낙원), and ㄴ before those vowels becomes ㅇ (녀자 to
    여자). Common stems get the same change inside compounds (조선로동당 to
    조선노동당). Applied to both sides of a comparison it is a matching key: loanwords
    that keep an initial ㄹ in the South (라디오) change the same way on both
    sides. The length of the text never changes.
    """
    text = _WORD_INITIAL.sub(_initial_rule, text)
    return _STEM.sub(lambda m: _initial_syllable(m.group()[0]) + m.group()[1:], text)


_CONVERTERS: dict[str, Any] = {}
_LOCK = threading.Lock()


def _convert(config: str, text: str) -> str:
    converter = _CONVERTERS.get(config)
    if converter is None:
        import opencc

        with _LOCK:
            converter = _CONVERTERS.setdefault(config, opencc.OpenCC(config))
    converted = str(converter.convert(text))
    if len(converted) == len(text):
        return converted
    # A phrase changed length: convert character by character to keep spans aligned.
    return "".join(_convert_char(config, ch) for ch in text)


@functools.lru_cache(maxsize=65536)
def _convert_char(config: str, char: str) -> str:
    converted = str(_CONVERTERS[config].convert(char))
    return converted if len(converted) == 1 else char


def to_simplified(text: str) -> str:
    """Traditional Chinese characters to Simplified ones (OpenCC ``t2s``), same length."""
    return _convert("t2s", text)


def to_traditional(text: str) -> str:
    """Simplified Chinese characters to Traditional ones (OpenCC ``s2t``), same length."""
    return _convert("s2t", text)


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
    if re.search(r"[\u3400-\u9fff\uf900-\ufaff]", key):
        key = to_simplified(key)
    return key
