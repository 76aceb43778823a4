"""Tokenizers shared by NER training and recognition, as offsets into the text.

The same tokenizer must split text when a model is trained and when it is used;
:func:`tokenize` is that single place: training data goes through it, and so
does every text the recognizer hands to a model trained with nkcorpus.

>>> from nkcorpus.entities.tokens import tokenize
>>> tokenize("Kim met Xi. Then left.", "whitespace")
[[(0, 3), (4, 7), (8, 11)], [(12, 16), (17, 22)]]
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import Any

from nkcorpus.entities import korean
from nkcorpus.errors import ConfigError
from nkcorpus.models import registry as _registry

__all__ = ["TRAINABLE_TOKENIZERS", "tokenize", "tokenize_many"]

#: Tokenizers a model can be trained with; the one list is
#: :data:`nkcorpus.models.registry.TRAINABLE_TOKENIZERS`.
TRAINABLE_TOKENIZERS = _registry.TRAINABLE_TOKENIZERS

_WORD = re.compile(r"\S+")
_JIEBA_SENTENCE_END = frozenset(["。", "！", "？", "!", "?"])


@functools.lru_cache(maxsize=1)
def _spacy_english() -> Any:
    from spacy.lang.en import English

    nlp = English()
    nlp.add_pipe("sentencizer")
    return nlp


def _spacy_sentences(doc: Any) -> list[list[tuple[int, int]]]:
    from spacy.attrs import IDX, IS_SPACE, LENGTH, SENT_START

    sentences = []
    current: list[tuple[int, int]] = []
    rows = doc.to_array([IDX, LENGTH, IS_SPACE, SENT_START]).tolist()
    for start, length, space, sent_start in rows:
        if sent_start == 1 and current:
            sentences.append(current)
            current = []
        if not space:
            current.append((start, start + length))
    if current:
        sentences.append(current)
    return sentences


def _spacy(text: str) -> list[list[tuple[int, int]]]:
    return _spacy_sentences(_spacy_english()(text))


def _jieba(text: str) -> list[list[tuple[int, int]]]:
    import jieba

    sentences: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    offset = 0
    for piece in jieba.cut(text, cut_all=False):
        start, offset = offset, offset + len(piece)
        if piece.isspace() or not piece:
            continue
        current.append((start, offset))
        if piece in _JIEBA_SENTENCE_END:
            sentences.append(current)
            current = []
    if current:
        sentences.append(current)
    return sentences


def _whitespace(text: str) -> list[list[tuple[int, int]]]:
    sentences: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    for match in _WORD.finditer(text):
        word = match.group()
        start, end = match.span()
        if current and "\n" in text[current[-1][1] : start]:
            sentences.append(current)
            current = []
        current.append((start, end))
        if word[-1] in ".!?。！？":
            sentences.append(current)
            current = []
    if current:
        sentences.append(current)
    return sentences


def tokenize(text: str, kind: str) -> list[list[tuple[int, int]]]:
    """Split ``text`` into sentences of ``(start, end)`` token offsets.

    Args:
        text: the text.
        kind: ``"spacy"`` (spaCy's blank English tokenizer and sentencizer, as
            Stanza's ``tokenize_with_spacy``), ``"jieba"`` (as Stanza's
            ``tokenize_with_jieba``), ``"korean"`` (:func:`nkcorpus.entities.korean.tokenize`)
            or ``"whitespace"``.

    Raises:
        ConfigError: for another ``kind``.
    """
    if kind == "korean":
        return korean.tokenize(text)
    if kind == "whitespace":
        return _whitespace(text)
    if kind == "spacy":
        return _spacy(text)
    if kind == "jieba":
        return _jieba(text)
    raise _unknown(kind)


def _unknown(kind: str) -> ConfigError:
    return ConfigError(f"unknown tokenizer {kind!r}; use one of {', '.join(TRAINABLE_TOKENIZERS)}")


def tokenize_many(texts: Sequence[str], kind: str) -> list[list[list[tuple[int, int]]]]:
    """Split each of ``texts`` as :func:`tokenize` does, in one pass where the tokenizer allows.

    Gives exactly ``[tokenize(text, kind) for text in texts]``; spaCy runs its
    tokenizer and sentencizer over the texts as one stream (``Language.pipe``).

    >>> tokenize_many(["Kim met Xi.", "Then left."], "spacy")
    [[[(0, 3), (4, 7), (8, 10), (10, 11)]], [[(0, 4), (5, 9), (9, 10)]]]

    Raises:
        ConfigError: for an unknown ``kind``.
    """
    if kind == "spacy":
        return [_spacy_sentences(doc) for doc in _spacy_english().pipe(texts)]
    if kind not in TRAINABLE_TOKENIZERS:
        raise _unknown(kind)
    return [tokenize(text, kind) for text in texts]
