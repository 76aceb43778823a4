"""Korean tokenization that splits particles (josa) off, for entity recognition.

Korean writes particles onto the word they mark: ``김정은은`` is the name
``김정은`` plus the topic particle ``은``; ``평양에서`` is ``평양`` plus ``에서``.
A tagger that sees whole space-separated words can only return spans that
swallow the particle. :func:`tokenize` splits a known particle (or chain of
particles) off the end of each Hangul word, and separates Hangul from Latin
letters, digits and punctuation (``UN에서`` gives ``UN`` and ``에서``), so an
entity can end where the name ends.

The split is a rule, not a morphological analysis: ``김정은`` alone also becomes
``김정`` + ``은``. That is harmless for recognition because training data goes
through the same rule (:mod:`nkcorpus.entities.train`), so a model learns that
both tokens belong to the name; spans are built from token offsets and always
cover whole names.

>>> from nkcorpus.entities.korean import tokenize
>>> text = "김정은은 평양에서 연설했다."
>>> [[text[s:e] for s, e in sentence] for sentence in tokenize(text)]
[['김정은', '은', '평양', '에서', '연설했다', '.']]
"""

from __future__ import annotations

import re

from nkcorpus.text.hangul import is_hangul_syllable
from nkcorpus.text.scripts import HAN_CHARS, HANGUL_CHARS

__all__ = [
    "COMPOUND_HEADS",
    "HONORIFICS",
    "NAME_PARTICLE_CHAINS",
    "PARTICLES",
    "is_hangul",
    "is_name_tail",
    "is_particle_chain",
    "split_particle",
    "tokenize",
]

#: Particles and particle chains split off the end of a Hangul word, longest first.
PARTICLES: tuple[str, ...] = tuple(
    sorted(
        {
            # case and topic particles
            "은", "는", "이", "가", "을", "를", "의", "에", "께", "도", "만", "와", "과",
            "로", "으로", "에서", "에게", "께서", "한테", "더러", "에게서", "한테서",
            "까지", "부터", "보다", "처럼", "같이", "마저", "조차", "밖에", "마다", "만큼",
            "이나", "나", "이랑", "랑", "하고", "이며", "며", "이든", "든",
            "으로서", "로서", "으로써", "로써", "이라", "라",
            # common chains
            "에서는", "에서도", "에서의", "에서만", "에서부터", "에는", "에도", "에만", "에의",
            "으로는", "로는", "으로도", "로도", "으로의", "로의", "와는", "과는", "와의",
            "과의", "와도", "과도", "에게는", "에게도", "께서는", "께서도", "까지는",
            "까지도", "까지의", "부터는", "부터의", "만은", "만이", "만을", "도는",
            "이라는", "라는", "이라고", "라고", "이란", "란", "이다", "였다", "이었다",
            "입니다", "이었던", "였던", "이고", "이자", "이지만",
        },
        key=lambda p: (-len(p), p),
    )
)
_PARTICLE_SET = frozenset(PARTICLES)

#: Particle chains a name may carry that :func:`split_particle` leaves to its shorter
#: particle (``경찰서로부터`` splits as ``경찰서로`` + ``부터``, as the tokenizer always
#: has): name matching takes them whole (:func:`is_particle_chain`, :func:`is_name_tail`).
NAME_PARTICLE_CHAINS: tuple[str, ...] = (
    "로부터", "으로부터", "로부터의", "으로부터의", "로부터는", "으로부터는", "에게로", "에로",
)
_CHAIN_SET = _PARTICLE_SET | frozenset(NAME_PARTICLE_CHAINS)

#: Honorifics and titles that (North) Korean writing puts straight after a name:
#: ``김일성동지``, ``김정일장군님``, ``김정은원수님께서``.
HONORIFICS: tuple[str, ...] = tuple(
    sorted(
        {
            "동지", "동무", "장군", "장군님", "원수", "원수님", "수령", "수령님", "대원수님",
            "위원장", "위원장님", "총비서", "총비서님", "비서", "주석", "주석님", "님", "씨",
            "선생", "선생님", "여사", "대통령", "총리", "장관", "의원", "대사", "특사",
            "외무상", "부부장", "부장", "국무위원장", "교수", "박사", "대표", "사령관", "총장",
        },
        key=lambda p: (-len(p), p),
    )
)

#: Heads of compounds a two-syllable name starts (``북한주민``, ``평양시``, ``중국정부``).
COMPOUND_HEADS: tuple[str, ...] = tuple(
    sorted(
        {
            "시", "도", "군", "측", "내", "당", "인", "정부", "정권", "당국", "주민", "인권",
            "사람", "국경", "체제", "경제", "문제", "여성", "노동자", "로동자", "대사관",
            "외무성", "국적", "이탈주민", "탈북민", "지역", "시내", "당국자", "관리소", "수용소",
            "들",
        },
        key=lambda p: (-len(p), p),
    )
)
_HONORIFIC_SET = frozenset(HONORIFICS)
_HEAD_SET = frozenset(COMPOUND_HEADS)
_LONGEST_TAIL = max(len(p) for p in HONORIFICS + COMPOUND_HEADS)
_LONGEST = max(len(p) for p in PARTICLES)

# One token: a run of Hangul, a run of letters/digits of other scripts (Han
# characters one by one), or one other visible character.
_TOKEN = re.compile(
    f"[{HANGUL_CHARS}]+"
    f"|[{HAN_CHARS}]"
    r"|(?:[A-Za-z]\.){2,}"
    f"|[^\\W{HANGUL_CHARS}{HAN_CHARS}]+"
    r"|\S"
)
_SENTENCE_END = frozenset(".!?。！？")


def is_hangul(char: str) -> bool:
    """Whether ``char`` is a precomposed Hangul syllable."""
    return is_hangul_syllable(char)


def is_particle_chain(text: str) -> bool:
    """Whether ``text`` is empty or one particle (or chain) from :data:`PARTICLES` or
    :data:`NAME_PARTICLE_CHAINS`.

    >>> is_particle_chain("에서는"), is_particle_chain("로부터"), is_particle_chain("어")
    (True, True, False)
    """
    return not text or text in _CHAIN_SET


def is_name_tail(text: str, *, heads: bool = True, honorifics: bool = True) -> bool:
    """Whether the Hangul ``text`` written right after a name still leaves the name whole.

    That is: honorifics or titles (:data:`HONORIFICS`), with ``heads`` also
    compound heads (:data:`COMPOUND_HEADS`), any number of them, then at most
    one particle chain; with ``honorifics`` false (after the name of a place or
    a body: ``국회의원`` is a member of parliament, not the parliament) no titles.
    Runs in time linear in ``len(text)``.

    >>> is_name_tail("동지께서"), is_name_tail("원수님께서는")
    (True, True)
    >>> is_name_tail("주민들"), is_name_tail("어"), is_name_tail("주민들", heads=False)
    (True, False, False)
    """
    at = 0
    while at < len(text):
        if text[at:] in _CHAIN_SET:
            return True
        for size in range(min(_LONGEST_TAIL, len(text) - at), 0, -1):
            piece = text[at : at + size]
            if (honorifics and piece in _HONORIFIC_SET) or (heads and piece in _HEAD_SET):
                at += size
                break
        else:
            return False
    return True


def split_particle(word: str) -> int:
    """Return where a trailing particle starts in the Hangul ``word`` (``len(word)`` if none).

    A one-syllable particle is split only from a word of three syllables or more,
    a longer one from a word of two or more, so short words stay whole.

    >>> split_particle("평양에서"), split_particle("서울"), split_particle("북한은")
    (2, 2, 2)
    """
    for size in range(min(_LONGEST, len(word) - 1), 0, -1):
        tail = word[-size:]
        if tail in _PARTICLE_SET and len(word) - size >= (2 if size == 1 else 1):
            return len(word) - size
    return len(word)


def tokenize(text: str) -> list[list[tuple[int, int]]]:
    """Split ``text`` into sentences of ``(start, end)`` token offsets into ``text``.

    Sentences end after ``. ! ?`` (and their full-width forms) and at line
    breaks. Every token is a non-empty span of ``text`` without whitespace.
    """
    sentences: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    last_end = 0
    for match in _TOKEN.finditer(text):
        start, end = match.span()
        if current and "\n" in text[last_end:start]:
            sentences.append(current)
            current = []
        token = match.group()
        if is_hangul(token[0]) and len(token) > 1:
            cut = split_particle(token)
            if cut < len(token):
                current.append((start, start + cut))
                current.append((start + cut, end))
            else:
                current.append((start, end))
        else:
            current.append((start, end))
        last_end = end
        if token in _SENTENCE_END:
            sentences.append(current)
            current = []
    if current:
        sentences.append(current)
    return sentences
