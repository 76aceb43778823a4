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
from typing import Any

from nkcorpus.entities import korean
from nkcorpus.errors import ConfigError

__all__ = ["TRAINABLE_TOKENIZERS", "tokenize"]

#: Tokenizers a model can be trained with (see :data:`nkcorpus.models.TOKENIZERS`).
TRAINABLE_TOKENIZERS = ("spacy", "jieba", "korean", "whitespace")

_WORD = re.compile(r"\S+")
_JIEBA_SENTENCE_END = frozenset(["。", "！", "？", "!", "?"])


@functools.lru_cache(maxsize=1)
def _spacy_english() -> Any:
    from spacy.lang.en import English

    nlp = English()
    nlp.add_pipe("sentencizer")
    return nlp


def _spacy(text: str) -> list[list[tuple[int, int]]]:
    sentences = []
    for sentence in _spacy_english()(text).sents:
        tokens = [(t.idx, t.idx + len(t.text)) for t in sentence if not t.text.isspace()]
        if tokens:
            sentences.append(tokens)
    return sentences


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
    raise ConfigError(f"unknown tokenizer {kind!r}; use one of {', '.join(TRAINABLE_TOKENIZERS)}")
