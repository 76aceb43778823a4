"""NER training data: read CoNLL/BIO, KLUE-NER and KMOU files and tag tokens with BIO.

Formats:

* ``conll``: one token per line with its tag in the last column (``B-PER``,
  ``I-PER``, ``O``; ``BIOES`` and ``IOB1`` also work), a blank line between
  sentences, ``-DOCSTART-`` lines skipped.
* ``klue``: the KLUE-NER files (``## id<TAB>tagged sentence`` headers, then one
  ``character<TAB>tag`` line per character, spaces included).
* ``kmou``: the Korea Maritime and Ocean University NER corpus
  (``github.com/kmounlp/NER``): each sentence has a line starting with ``$``
  that marks entities inline, ``<홍길동:PS>이보다는``; the morpheme lines
  below it are not needed.

KLUE and KMOU tags ``PS``, ``LC``, ``OG``, ``DT``, ``TI``, ``QT`` are renamed by
:data:`KLUE_LABELS`. :func:`to_tagged_sentences` then tokenizes each sentence
with the tokenizer the model will use and cuts tokens at entity boundaries.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

import attrs

from nkcorpus.entities.tokens import TRAINABLE_TOKENIZERS, tokenize
from nkcorpus.errors import ConfigError, InputError

__all__ = [
    "DEFAULT_TOKENIZERS",
    "FORMATS",
    "KLUE_LABELS",
    "AnnotatedText",
    "TaggedSentence",
    "default_tokenizer",
    "load_training_data",
    "parse_inline",
    "read_conll",
    "read_klue",
    "read_kmou",
    "to_tagged_sentences",
]

#: KLUE-NER tags and the labels nkcorpus gives them.
KLUE_LABELS = {
    "PS": "PER",
    "LC": "LOC",
    "OG": "ORG",
    "DT": "DATE",
    "TI": "TIME",
    "QT": "QUANTITY",
}
#: Data formats :func:`load_training_data` reads.
FORMATS = ("conll", "klue", "kmou")
#: The tokenizer each language's models use unless told otherwise.
DEFAULT_TOKENIZERS = {"ko": "korean", "zh-hans": "jieba", "zh-hant": "jieba", "en": "spacy"}


@attrs.frozen
class TaggedSentence:
    """One sentence as tokens and their tags (``B-PER``, ``I-PER``, ``O``)."""

    tokens: tuple[str, ...]
    tags: tuple[str, ...]


@attrs.frozen
class AnnotatedText:
    """A text and its entities as ``(start, end, label)`` character spans."""

    text: str
    entities: tuple[tuple[int, int, str], ...] = ()


def default_tokenizer(language: str) -> str:
    """Return the tokenizer models for ``language`` use by default."""
    from nkcorpus.models import stanza_language

    return DEFAULT_TOKENIZERS.get(stanza_language(language), "whitespace")


def _split_tag(tag: str, where: str) -> tuple[str, str | None]:
    if tag == "O":
        return "O", None
    prefix, sep, label = tag.partition("-")
    if not sep or prefix not in ("B", "I", "E", "S") or not label:
        raise InputError(
            f"{where}: tag {tag!r} is not BIO; use O, B-LABEL, I-LABEL (E- and S- also work)"
        )
    return prefix, label


def _spans_from_tags(tags: Sequence[str], where: str) -> list[tuple[int, int, str]]:
    """Entity spans (token indexes) from BIO, BIOES or IOB1 tags."""
    spans: list[tuple[int, int, str]] = []
    start, label = -1, None
    for index, tag in enumerate([*tags, "O"]):
        prefix, tag_label = _split_tag(tag, where)
        continues = prefix in ("I", "E") and tag_label == label and label is not None
        if label is not None and not continues:
            spans.append((start, index, label))
            label = None
        if prefix != "O" and not continues:
            start, label = index, tag_label
        if prefix in ("E", "S") and label is not None:
            spans.append((start, index + 1, label))
            label = None
    return spans


def read_conll(path: str | os.PathLike[str]) -> list[AnnotatedText]:
    """Read CoNLL/BIO data: a token and its tag per line, blank lines between sentences.

    Tokens are joined with single spaces into the sentence text.

    Raises:
        InputError: for a line without a tag or a tag that is not BIO.
    """
    texts = []
    tokens: list[str] = []
    tags: list[str] = []
    source = Path(path)

    def flush(line_number: int) -> None:
        if tokens:
            texts.append(_annotated(tokens, tags, f"{source}:{line_number}"))
        tokens.clear()
        tags.clear()

    with source.open(encoding="utf-8") as handle:
        number = 0
        for number, line in enumerate(handle, 1):
            line = line.rstrip("\n")
            if not line.strip():
                flush(number)
                continue
            if line.startswith("-DOCSTART-"):
                continue
            parts = line.split("\t") if "\t" in line else line.split()
            if len(parts) < 2:
                raise InputError(f"{source}:{number}: expected a token and a tag, got {line!r}")
            tokens.append(parts[0])
            tags.append(parts[-1].strip())
        flush(number)
    return texts


def _annotated(tokens: Sequence[str], tags: Sequence[str], where: str) -> AnnotatedText:
    offsets = []
    position = 0
    for token in tokens:
        offsets.append((position, position + len(token)))
        position += len(token) + 1
    entities = tuple(
        (offsets[a][0], offsets[b - 1][1], label) for a, b, label in _spans_from_tags(tags, where)
    )
    return AnnotatedText(" ".join(tokens), entities)


def read_klue(path: str | os.PathLike[str]) -> list[AnnotatedText]:
    """Read KLUE-NER data (character-level tags, ``##`` header lines).

    Labels are renamed with :data:`KLUE_LABELS`.

    Raises:
        InputError: for a malformed line.
    """
    texts = []
    chars: list[str] = []
    tags: list[str] = []
    source = Path(path)

    def flush(where: str) -> None:
        if chars:
            spans = _spans_from_tags(tags, where)
            entities = tuple((a, b, KLUE_LABELS.get(label, label)) for a, b, label in spans)
            texts.append(AnnotatedText("".join(chars), entities))
        chars.clear()
        tags.clear()

    with source.open(encoding="utf-8") as handle:
        number = 0
        for number, line in enumerate(handle, 1):
            line = line.rstrip("\n").rstrip("\r")
            if line.startswith("##"):
                flush(f"{source}:{number}")
                continue
            if not line.strip("\t"):
                if not line:
                    flush(f"{source}:{number}")
                continue
            char, sep, tag = line.rpartition("\t")
            if not sep or len(char) != 1:
                raise InputError(
                    f"{source}:{number}: expected one character, a tab and a tag; got {line!r}"
                )
            chars.append(char)
            tags.append(tag.strip())
        flush(f"{source}:{number}")
    return texts


_INLINE = re.compile(r"<([^<>:]+):([A-Z]{2,3})>")


def parse_inline(line: str) -> AnnotatedText:
    """Read a sentence with inline entity marks, ``<평양:LC>에서``, as KLUE and KMOU write them.

    >>> parse_inline("<김정은:PS>은 <평양:LC>에서")
    AnnotatedText(text='김정은은 평양에서', entities=((0, 3, 'PER'), (5, 7, 'LOC')))
    """
    text: list[str] = []
    entities = []
    position = 0
    length = 0
    for match in _INLINE.finditer(line):
        plain = line[position : match.start()]
        text.append(plain)
        length += len(plain)
        name, tag = match.group(1), match.group(2)
        entities.append((length, length + len(name), KLUE_LABELS.get(tag, tag)))
        text.append(name)
        length += len(name)
        position = match.end()
    text.append(line[position:])
    return AnnotatedText("".join(text), tuple(entities))


def read_kmou(path: str | os.PathLike[str]) -> list[AnnotatedText]:
    """Read the KMOU NER corpus: the ``$`` line of each sentence, entities marked inline.

    Labels are renamed with :data:`KLUE_LABELS`.
    """
    texts = []
    with Path(path).open(encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("$"):
                item = parse_inline(line[1:].rstrip("\n").rstrip("\r"))
                if item.text.strip():
                    texts.append(item)
    return texts


def to_tagged_sentences(
    texts: Iterable[AnnotatedText],
    tokenizer: str,
    *,
    labels: Sequence[str] | None = None,
) -> list[TaggedSentence]:
    """Tokenize annotated texts and tag the tokens with BIO.

    A token that an entity boundary cuts is split at the boundary. Entities
    whose label is not in ``labels`` (when given) are dropped.
    """
    keep = None if labels is None else set(labels)
    sentences = []
    for item in texts:
        entities = [e for e in item.entities if keep is None or e[2] in keep]
        cuts = {p for start, end, _label in entities for p in (start, end)}
        for sentence in tokenize(item.text, tokenizer):
            tokens: list[str] = []
            tags: list[str] = []
            for start, end in sentence:
                inner = sorted(p for p in cuts if start < p < end)
                for a, b in zip([start, *inner], [*inner, end], strict=False):
                    piece = item.text[a:b]
                    if not piece.strip():
                        continue
                    tag = "O"
                    for e_start, e_end, label in entities:
                        if e_start <= a < e_end:
                            tag = ("B-" if a == e_start else "I-") + label
                            break
                    tokens.append(piece.strip() or piece)
                    tags.append(tag)
            if tokens:
                sentences.append(TaggedSentence(tuple(tokens), tuple(tags)))
    return sentences


def load_training_data(
    path: str | os.PathLike[str],
    data_format: str,
    tokenizer: str,
    *,
    labels: Sequence[str] | None = None,
) -> list[TaggedSentence]:
    """Read ``path`` in ``data_format`` (one of :data:`FORMATS`) and tokenize it.

    Raises:
        ConfigError: for an unknown format or tokenizer.
        InputError: for malformed data or a file without sentences.
    """
    if data_format not in FORMATS:
        raise ConfigError(f"data format must be one of {', '.join(FORMATS)}; got {data_format!r}")
    if tokenizer not in TRAINABLE_TOKENIZERS:
        raise ConfigError(
            f"tokenizer must be one of {', '.join(TRAINABLE_TOKENIZERS)}; got {tokenizer!r}"
        )
    try:
        readers = {"klue": read_klue, "kmou": read_kmou, "conll": read_conll}
        texts = readers[data_format](path)
    except FileNotFoundError as error:
        raise InputError(f"training data file {str(path)!r} does not exist") from error
    sentences = to_tagged_sentences(texts, tokenizer, labels=labels)
    if not sentences:
        raise InputError(f"{path} holds no sentences in {data_format} format")
    return sentences
