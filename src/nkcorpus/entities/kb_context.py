"""Context rules: when a name found in text is only part of a longer word or name.

English writes organisations, teams and events around the place they come
from: ``Real Madrid``, ``London Newsroom``, ``Bank of Japan``, ``Zimbabwe Open``.
A knowledge-base match of a place that a capitalised word joins on either side
(one space apart, or ``X of`` before it) is taken to be part of such a longer
name and is left out (:func:`in_longer_name`), unless that word is one that
commonly stands next to a place without making a name with it
(:data:`NEIGHBOUR_WORDS`: articles, prepositions, pronouns, days, months and
titles such as ``President``) or is itself part of another match.

Chinese has no spaces, so a name can be read across a word boundary: ``中国``
in ``发展中国家`` ("developing countries") or ``其中国有企业``.
:func:`splits_chinese_word` segments a few characters around a match with
jieba and rejects a match that cuts a word in two.

>>> in_longer_name("Real Madrid won", 5, 11), in_longer_name("In Madrid, he won", 3, 9)
(True, False)
>>> in_longer_name("the Bank of Japan said", 12, 17)
True
"""

from __future__ import annotations

import functools
import re
from typing import Any

__all__ = ["CJK_WINDOW", "NEIGHBOUR_WORDS", "in_longer_name", "splits_chinese_word"]

#: Capitalised words that stand next to a place without making a longer name with it.
NEIGHBOUR_WORDS = frozenset(
    """
    A An The In At On From To For And But Or Of By With As After Before Since While When
    Both Unlike Like Across Inside Outside Near Via Into Over Under Between Against About
    During Until Through Within Without Despite Also If So Yet Then Now Meanwhile However
    He She It They We I You His Her Its Their Our My This That These Those There Here
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April
    May June July August September October November December
    President Prime Minister Foreign Ambassador Secretary Supreme Leader Chairman Chairwoman
    Vice Deputy Defense Defence Mr Mrs Ms Dr Premier King Queen Emperor Chancellor Governor
    Mayor Senator Envoy Special Representative Minister's Embassy Consulate Consul
    Mission Delegation Delegate Officials Official Authorities Government Forces Troops
    Police Army Navy Military State Parliament Congress Court
    """.split()  # noqa: SIM905 (a word list reads best as text)
)

_BEFORE = re.compile(r"(?:^|[^\w'.-])([A-Z][\w'.-]*) (?:of (?:the )?)?$")
_AFTER = re.compile(r"^ ([A-Z][\w'-]*)")


def _joins(word: str | None) -> bool:
    if not word or word in NEIGHBOUR_WORDS or word.isupper():
        return False
    # a possessive ("Korea's Yodok") or the end of a sentence ("... Kim Jong Un. Pyongyang")
    return not word.endswith(("'s", "’s", "s'", "."))


def in_longer_name(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` has a capitalised word right before or after it that joins it.

    Looks at most 40 characters either side, so a whole text is checked in linear time.
    """
    before = _BEFORE.search(text[max(start - 40, 0) : start])
    after = _AFTER.match(text[end : end + 40])
    return _joins(before.group(1) if before else None) or _joins(after.group(1) if after else None)


@functools.lru_cache(maxsize=1)
def _jieba() -> Any:
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    return jieba


#: How many characters either side of a Chinese match are segmented.
CJK_WINDOW = 6


@functools.lru_cache(maxsize=8192)
def _boundaries(window: str) -> frozenset[int]:
    """Where jieba's words start and end in ``window`` (cached: news repeats its phrases)."""
    cuts = {0, len(window)}
    for _word, left, right in _jieba().tokenize(window, HMM=False):
        cuts.add(left)
        cuts.add(right)
    return frozenset(cuts)


def splits_chinese_word(text: str, start: int, end: int) -> bool:
    """Whether a jieba word of the text around ``text[start:end]`` crosses its start or end.

    Only :data:`CJK_WINDOW` characters either side are segmented, so the check
    costs the same for every match.

    >>> splits_chinese_word("发展中国家", 2, 4), splits_chinese_word("中国和朝鲜", 0, 2)
    (True, False)
    """
    low = max(start - CJK_WINDOW, 0)
    cuts = _boundaries(text[low : min(end + CJK_WINDOW, len(text))])
    return start - low not in cuts or end - low not in cuts
