"""Hangul: syllables, and the spelling of North Korea turned into that of the South.

North Korean texts (KCNA, Rodong Sinmun) keep an initial ㄹ and ㄴ where South Korean
spelling drops them (로동/노동, 력사/역사, 리용/이용). :func:`south_korean_spelling`
applies the South's initial-sound rule so both spellings give the same key.

>>> south_korean_spelling("로동신문은 력사를 리용했다")
'노동신문은 역사를 이용했다'
>>> is_hangul_syllable("김"), is_hangul_syllable("金")
(True, False)
"""

from __future__ import annotations

import re

from nkcorpus.text.scripts import HANGUL_SYLLABLES

__all__ = ["is_hangul_syllable", "south_korean_spelling"]


def is_hangul_syllable(char: str) -> bool:
    """Whether ``char`` is a precomposed Hangul syllable (가 to 힣)."""
    return "\uac00" <= char <= "\ud7a3"


# Hangul syllable arithmetic: syllable = 0xAC00 + (initial * 21 + medial) * 28 + final.
_BASE, _MEDIALS, _FINALS = 0xAC00, 21, 28
_RIEUL, _NIEUN, _IEUNG = 5, 2, 11  # initial consonant indexes of ㄹ, ㄴ, ㅇ
#: Medial vowels before which an initial ㄹ or ㄴ drops to ㅇ: ㅑ ㅒ ㅕ ㅖ ㅛ ㅠ ㅣ.
_Y_VOWELS = frozenset({2, 3, 6, 7, 12, 17, 20})

# A syllable with initial ㄹ or ㄴ at the start of a word (not after another Hangul syllable).
_WORD_INITIAL = re.compile(f"(?<![{HANGUL_SYLLABLES}])[\ub098-\ub2e3\ub77c-\ub9c7]")


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
