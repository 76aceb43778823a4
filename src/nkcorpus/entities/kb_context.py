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
from collections.abc import Iterator
from typing import Any

from nkcorpus.entities.korean import is_hangul, is_name_tail, is_particle_chain, split_particle

__all__ = [
    "CHINESE_NAME_HEADS",
    "CJK_WINDOW",
    "KOREAN_ADDRESS_ENDS",
    "KOREAN_NAME_HEADS",
    "KOREAN_PART_HEADS",
    "KOREAN_PLACE_RELATIONS",
    "KOREAN_UNIT_SUFFIXES",
    "NEIGHBOUR_WORDS",
    "in_chinese_name",
    "in_longer_name",
    "is_han_text",
    "korean_place_span",
    "splits_chinese_word",
    "starts_korean_part",
]

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


#: Suffixes of Korean administrative units written onto a place name (``서울시``,
#: ``강남구``): the span takes them in, as the unit's full name.
KOREAN_UNIT_SUFFIXES = ("특별시", "광역시", "자치구", "시", "구")

#: Korean words ending an address after a place (``서울 강서구 화곡동``): the
#: neighbourhood, town, township, village or district the address goes on to
#: (a name of two syllables or more before the suffix, or a district named by its
#: direction, ``남구``).
KOREAN_ADDRESS_ENDS = ("동", "읍", "면", "리", "구")

#: Heads of Korean names of bodies and buildings that a place starts (``일본대사관``,
#: ``부산 동래경찰서``, ``미국 법무부``, ``중국 정부``): the place is then part of that
#: longer name, as ``Japan`` is in ``Bank of Japan``.
KOREAN_NAME_HEADS = tuple(
    sorted(
        """
        정부 당국 경찰 검찰 경찰서 경찰청 검찰청 법원 지검 지법 의회 하원 상원 연방 군부 대표단
        대사관 영사관 총영사관 외무성 국방성 국무부 외교부 법무부 국방부 보위부 교육청 시청 구청
        도청 군청 공항 항공 항공사 병원 대학교 대학 대 신문 뉴스 방송 일보 타임스 투데이 호텔
        센터 리조트 공원 현충원 철도 은행 그룹 인민군 망명정부 시당 도당 협회 연합회 협의회
        위원회 재단 학회 연구소 상담소 후원회 연맹 노조 조합 교회 박물관 미술관 도서관
        형무소 교도소 구치소 사무소
        """.split(),  # noqa: SIM905
        key=len,
        reverse=True,
    )
)


def _hangul_run(text: str, at: int, limit: int = 16) -> int:
    stop = at
    while stop < len(text) and stop - at < limit and is_hangul(text[stop]):
        stop += 1
    return stop


def _ends_with_head(word: str) -> bool:
    """Whether the Hangul ``word`` ends in one of :data:`KOREAN_NAME_HEADS`, then particles."""
    for cut in range(len(word), 0, -1):
        rest = word[cut:]
        if rest.startswith("측"):
            rest = rest[1:]
        if is_particle_chain(rest) and word[:cut].endswith(KOREAN_NAME_HEADS):
            return True
    return False


def _address_word(word: str) -> str | None:
    """The address part (``삼산동``) of a Hangul ``word`` (``삼산동에서``), or ``None``."""
    for cut in range(len(word), 1, -1):
        name = word[:cut]
        if (
            name.endswith(KOREAN_ADDRESS_ENDS)
            and (cut >= 3 or (name[1] == "구" and name[0] in "동서남북중"))
            and is_particle_chain(word[cut:])
        ):
            return name
    return None


#: Words that relate what follows to a place without making a name with it
#: (``블라디보스토크 주재 한국총영사관``, ``마드리드 교외``): a name is not looked for past them.
KOREAN_PLACE_RELATIONS = frozenset(
    "주재 소재 출신 거주 인근 근교 교외 일대 부근".split()  # noqa: SIM905
)


def _words_after(text: str, end: int, limit: int) -> Iterator[str]:
    """The Hangul words one space apart after ``text[:end]``, at most two, up to ``limit``.

    The run stops after a word that ends in a particle (the noun phrase ends there) or
    that punctuation, a digit or a letter follows, and before one of
    :data:`KOREAN_PLACE_RELATIONS`.
    """
    for _ in range(2):
        if end + 1 >= min(len(text), limit) or text[end] != " " or not is_hangul(text[end + 1]):
            return
        word_end = _hangul_run(text, end + 1)
        word = text[end + 1 : word_end]
        if word in KOREAN_PLACE_RELATIONS:
            return
        yield word
        if split_particle(word) < len(word) or word_end >= len(text) or text[word_end] != " ":
            return
        end = word_end


def korean_place_span(
    text: str, start: int, end: int, *, country: bool, limit: int | None = None
) -> tuple[int, int] | None:
    """The span of a Korean place name found at ``text[start:end]``, or ``None`` when it is not one.

    - An administrative suffix written onto the name is part of it: ``서울시는``
      gives ``서울시`` (:data:`KOREAN_UNIT_SUFFIXES`).
    - A demonym (``미국인``) is a people, not the place: ``None``; so is a country's
      army (``일본군``).
    - A place that starts the name of a body or building, written on or one space
      apart (``일본대사관``, ``부산 동래경찰서``, ``중국 정부``), is part of that name:
      ``None`` (:data:`KOREAN_NAME_HEADS`). The name may run over two more words
      (``미국 수사 당국``, ``일본 마이니치 신문``), up to ``limit`` (where the next
      name found in the text starts) and up to a word that ends in a particle.
    - A city or county (not a ``country``) that an address goes on from, one space
      apart (``울산 남구 삼산동``), spans the address (:data:`KOREAN_ADDRESS_ENDS`).

    Looks at most a few words ahead, so a whole text is checked in linear time.

    >>> text = "서울시는 일본대사관 앞 울산 남구 삼산동에서"
    >>> korean_place_span(text, 0, 2, country=False), korean_place_span(text, 5, 7, country=True)
    ((0, 3), None)
    >>> text[slice(*korean_place_span(text, 13, 15, country=False))]
    '울산 남구 삼산동'
    >>> korean_place_span("미국 수사 당국 관계자", 0, 2, country=True) is None
    True
    """
    stop = _hangul_run(text, end)
    tail = text[end:stop]
    if tail:
        if tail.startswith("인") and (is_particle_chain(tail[1:]) or tail[1:].startswith("들")):
            return None
        if country and tail.startswith("군") and is_name_tail(tail[1:], honorifics=False):
            return None
        for suffix in KOREAN_UNIT_SUFFIXES:
            rest = tail[len(suffix) :]
            if not country and tail.startswith(suffix) and is_particle_chain(rest):
                end += len(suffix)
                tail = tail[len(suffix) :]
                break
        if tail and _ends_with_head(tail):
            return None
    if tail:
        return start, end
    if any(_ends_with_head(word) for word in _words_after(text, end, limit or len(text))):
        return None
    for _ in range(4):  # the address after it, one space apart
        if country or end + 1 >= len(text) or text[end] != " " or not is_hangul(text[end + 1]):
            break
        word_end = _hangul_run(text, end + 1)
        word = text[end + 1 : word_end]
        if word_end < len(text) and (text[word_end].isalnum() or text[word_end] in "(（"):
            break
        name = _address_word(word)
        if name is None:
            break
        end = end + 1 + len(name)
        if name != word:
            break
    return start, end


#: Heads of Korean names of a part of a body (``국회 개헌특위``, ``서울대 수의학과``,
#: ``국무부 청사``): a body whose name the next word (one space apart) ends in one of
#: them is part of that longer name, and is left out (:func:`starts_korean_part`).
KOREAN_PART_HEADS = tuple(
    sorted(
        """
        위원회 특위 특별위원회 소위 소위원회 상임위 분과 학과 학부 대학원 청사
        """.split(),  # noqa: SIM905
        key=len,
        reverse=True,
    )
)


def starts_korean_part(text: str, end: int, limit: int | None = None) -> bool:
    """Whether the Korean name of a body that ends at ``end`` starts the name of one of its parts.

    That is: the next word, one space apart and before ``limit``, ends in one of
    :data:`KOREAN_PART_HEADS` (then particles).

    >>> starts_korean_part("국회 개헌특위를 구성", 2), starts_korean_part("국회 의원들이", 2)
    (True, False)
    """
    word = next(_words_after(text, end, limit or len(text)), "")
    return any(
        is_particle_chain(word[cut:]) and word[:cut].endswith(KOREAN_PART_HEADS)
        for cut in range(len(word), 0, -1)
    )


#: Words that, written right after a place in Chinese, make it part of the name of a
#: body (``墨西哥参议院``, ``俄罗斯外交部``, ``智利共产党``): the place is then left out.
CHINESE_NAME_HEADS = tuple(
    """
    参议院 众议院 议会 国会 使馆 大使馆 领事馆 总领事馆 外交部 国防部 共产党 自由党 工党
    民主党 共和党 委员会 代表团 军团 协会 商会 银行 公司 集团 大学 学院 研究所 研究院
    研究中心 通讯社 电视台 电台 日报 友好协会 友协
    """.split()  # noqa: SIM905
)

_DASH_RUN = frozenset("—－-–")


@functools.lru_cache(maxsize=8192)
def _first_word(window: str) -> str:
    for word in _jieba().cut(window, HMM=False):
        return str(word)
    return ""


def in_chinese_name(text: str, start: int, end: int) -> bool:
    """Whether the Chinese place at ``text[start:end]`` is part of the name of a body.

    That is: the jieba word right after it starts with one of
    :data:`CHINESE_NAME_HEADS`, or a dash joins it to more Chinese characters on either
    side (``苏丹—中国友好协会``).

    >>> in_chinese_name("江主席在墨西哥参议院演讲", 4, 7), in_chinese_name("在墨西哥会见", 1, 4)
    (True, False)
    >>> in_chinese_name("苏丹—中国友好协会主席", 0, 2)
    True
    """
    if end < len(text) and text[end] in _DASH_RUN and is_han_text(text[end + 1 : end + 2]):
        return True
    if start >= 2 and text[start - 1] in _DASH_RUN and is_han_text(text[start - 2 : start - 1]):
        return True
    return _first_word(text[end : end + CJK_WINDOW]).startswith(CHINESE_NAME_HEADS)


def is_han_text(text: str) -> bool:
    """Whether ``text`` is non-empty and all Chinese characters."""
    from nkcorpus.text.scripts import is_han

    return bool(text) and all(is_han(c) for c in text)
