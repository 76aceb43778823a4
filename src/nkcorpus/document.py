"""The document model: frozen attrs classes that every stage reads and returns.

A :class:`Document` is immutable. A stage never changes a document in place; it
returns a new one made with :func:`attrs.evolve`. Every collection inside a
document is a tuple, so nothing reachable from a document can be mutated.

Offsets are the spine of the model. ``Document.raw`` is the decoded input,
``Document.text`` the clean text, and every :class:`Span` that the library
reports (segments, entities, regions, alignments) is a span of ``text``.
``Document.offsets`` maps any such span back to the span of ``raw`` it came
from (:meth:`Document.raw_span`). The only spans of ``raw`` are those of
:class:`Removal` records, which say what cleaning took out and why.

:class:`Span` and :class:`OffsetMap` are defined in :mod:`nkcorpus.spans`, and
:func:`freeze_mapping` in :mod:`nkcorpus.frozen`; all are importable from here as well.

The JSON form (:meth:`Document.to_dict`) uses the attribute names below as keys;
it is a public contract described in :doc:`/concepts`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from typing import Any, Literal

import attrs

from nkcorpus.frozen import JSONValue as JSONValue
from nkcorpus.frozen import freeze_mapping as freeze_mapping
from nkcorpus.spans import OffsetMap as OffsetMap
from nkcorpus.spans import Span as Span

__all__ = [
    "Alignment",
    "Document",
    "Entity",
    "Failure",
    "JSONValue",
    "Metadata",
    "PassageFailure",
    "Region",
    "Removal",
    "Segment",
    "Step",
    "Translation",
    "document_id",
    "freeze_mapping",
]

Status = Literal["ok", "failed"]


def _checked_tuple(value: Iterable[Any], cls: type) -> tuple[Any, ...]:
    """Turn any iterable of ``cls`` instances into a tuple, refusing other items."""
    result = tuple(value)
    for item in result:
        if not isinstance(item, cls):
            raise TypeError(f"expected {cls.__name__} items, got {type(item).__name__}")
    return result


# Named converters (resolved at call time, so they may name classes defined below).
def _alignments(value: Iterable[Alignment]) -> tuple[Alignment, ...]:
    return _checked_tuple(value, Alignment)


def _entities(value: Iterable[Entity]) -> tuple[Entity, ...]:
    return _checked_tuple(value, Entity)


def _segments(value: Iterable[Segment]) -> tuple[Segment, ...]:
    return _checked_tuple(value, Segment)


def _passage_failures(value: Iterable[PassageFailure]) -> tuple[PassageFailure, ...]:
    return _checked_tuple(value, PassageFailure)


def _translations(value: Iterable[Translation]) -> tuple[Translation, ...]:
    return _checked_tuple(value, Translation)


def _steps(value: Iterable[Step]) -> tuple[Step, ...]:
    return _checked_tuple(value, Step)


def _removals(value: Iterable[Removal]) -> tuple[Removal, ...]:
    return _checked_tuple(value, Removal)


def _regions(value: Iterable[Region]) -> tuple[Region, ...]:
    return _checked_tuple(value, Region)


def _str_tuple(value: Iterable[str]) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    return tuple(value)


def document_id(content: str | bytes) -> str:
    """Return the stable id of a document with this raw content.

    The id is the first 16 hex digits of the BLAKE2b hash of the content (text
    is hashed as UTF-8). The same content always gives the same id, in any
    process and on any machine; different content gives a different id.

    >>> from nkcorpus import document_id
    >>> document_id("Pyongyang")
    '64fafbb9637397df'
    """
    data = content.encode("utf-8", "surrogatepass") if isinstance(content, str) else content
    return hashlib.blake2b(data, digest_size=8).hexdigest()


@attrs.frozen
class Segment:
    """A passage of ``Document.text`` in one language.

    Attributes:
        span: where the passage is in ``Document.text``.
        language: a language code (``en``, ``ko``, ``zh-Hans``, ``zh-Hant``, ``zh``, ``ja``,
            ..., or ``und`` when there is no evidence at all, not even around it).
        confidence: how sure the detector is, from 0 to 1.
        level: ``"paragraph"`` or ``"sentence"``.
        method: ``"detected"`` when the passage's own letters gave its language;
            ``"context"`` when it has no linguistic evidence of its own (a date, a
            number, a link, names alone) and took the language of the passages around
            it or of the document.
    """

    span: Span
    language: str
    confidence: float = attrs.field(validator=[attrs.validators.ge(0.0), attrs.validators.le(1.0)])
    level: str = "paragraph"
    method: str = attrs.field(
        default="detected", validator=attrs.validators.in_(("detected", "context"))
    )


@attrs.frozen
class Entity:
    """A named entity found in ``Document.text`` (or in a translation's text).

    Attributes:
        span: where the mention is; ``text[span.start:span.end] == entity.text``.
        text: the mention as written.
        label: ``PER``, ``ORG``, ``LOC``, ``GPE``, ``MISC`` or a model's own label.
        canonical_id: the id of the entity in the alias gazetteer, the same for every
            spelling and script (``"kim-jong-un"`` for Kim Jong Un, 김정은, 金正恩), or
            ``None`` when it is not known.
        source: which backend found it: ``"stanza"``, ``"gazetteer"`` or
            ``"stanza+gazetteer"`` when both agreed.
        score: the backend's confidence when it gives one.
    """

    span: Span
    text: str
    label: str
    canonical_id: str | None = None
    source: str = "gazetteer"
    score: float | None = None


@attrs.frozen
class Alignment:
    """One translated piece and the exact span of the source text it translates.

    Attributes:
        source: a span of ``Document.text``.
        target: a span of :attr:`Translation.text`.
    """

    source: Span
    target: Span


@attrs.frozen
class PassageFailure:
    """A passage that could not be translated; it is copied into the translation unchanged.

    Attributes:
        span: the passage, a span of ``Document.text``.
        language: its language.
        error_type: the exception class name (``"ModelNotInstalledError"``).
        message: what went wrong and how to fix it.
    """

    span: Span
    language: str
    error_type: str
    message: str


@attrs.frozen
class Translation:
    """``Document.text`` (or part of it) in another language.

    Attributes:
        target_language: the language of ``text``.
        text: the translated text.
        alignments: each translated piece with the source span it came from.
        source_languages: the languages translated from, in order of first use.
        entities: entities found in the translated text (spans of ``text``),
            kept apart from the document's own entities.
        model: which model or package pair produced it (``"argos:ko-en+en-zh"``).
        failures: passages that could not be translated (:class:`PassageFailure`);
            they are copied unchanged, and the rest is still translated.
    """

    target_language: str
    text: str
    alignments: tuple[Alignment, ...] = attrs.field(default=(), converter=_alignments)
    source_languages: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple)
    entities: tuple[Entity, ...] = attrs.field(default=(), converter=_entities)
    model: str | None = None
    failures: tuple[PassageFailure, ...] = attrs.field(default=(), converter=_passage_failures)


@attrs.frozen
class Metadata:
    """What cleaning learned about a page besides its body text.

    Attributes:
        title: the headline.
        subtitle: the deck or sub-headline.
        authors: the authors from the byline, in order.
        emails: email addresses found on the page.
        published: publication date (and time when known) in ISO 8601.
        outlet: the publisher (``"The Korea Times"``, ``"Yonhap"``, ``"Free NK"``).
        translator: who translated the article, when the page says.
        encoding: the encoding the raw bytes were decoded from (``None`` for text input).
        encoding_confidence: how sure the decoder was of ``encoding``, from 0 to 1.
        captions: photo captions, once each.
        extra: anything else, as sorted ``(key, value)`` pairs.
    """

    title: str | None = None
    subtitle: str | None = None
    authors: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple)
    emails: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple)
    published: str | None = None
    outlet: str | None = None
    translator: str | None = None
    encoding: str | None = None
    encoding_confidence: float | None = None
    captions: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple)
    extra: tuple[tuple[str, JSONValue], ...] = attrs.field(default=(), converter=freeze_mapping)


@attrs.frozen
class Region:
    """A span of ``Document.text`` with a role other than body text.

    Attributes:
        span: where it is in ``Document.text``.
        kind: its role, for example ``"caption"`` for a photo caption kept once.
    """

    span: Span
    kind: str


@attrs.frozen
class Removal:
    """A span of the *raw* text that cleaning removed, and the rule that removed it.

    Nothing is lost: the removed characters are ``document.raw[raw_span.start:raw_span.end]``.

    Attributes:
        raw_span: the removed span of ``Document.raw``.
        rule: the name of the rule that removed it (``"share-button"``, ``"title"``, ...).
    """

    raw_span: Span
    rule: str


@attrs.frozen
class Step:
    """A stage (or a rule inside a stage) that ran on a document.

    Attributes:
        name: the stage or rule name (``"clean"``, ``"clean.nfc"``, ``"language"``).
        version: the version of the code or model that ran.
        parameters: the settings it ran with, as sorted ``(key, value)`` pairs.
        seconds: how long it took for this document (a batch's time divided
            evenly among its documents when the stage ran in batches).
    """

    name: str
    version: str
    parameters: tuple[tuple[str, JSONValue], ...] = attrs.field(
        default=(), converter=freeze_mapping
    )
    seconds: float = 0.0


@attrs.frozen
class Failure:
    """Why a document could not be processed.

    Attributes:
        stage: the stage that failed (``"read"``, ``"decode"``, ``"clean"``, ...).
        error_type: the exception class name.
        message: what went wrong and how to fix it.
        traceback: the last few frames of where the exception was raised, or
            ``None`` for an error that was never raised (an unreadable input).
    """

    stage: str
    error_type: str
    message: str
    traceback: str | None = None

    @classmethod
    def from_exception(cls, stage: str, error: BaseException) -> Failure:
        """Describe ``error`` raised by ``stage``, with a short traceback when it was raised."""
        return cls(
            stage=stage,
            error_type=type(error).__name__,
            message=str(error) or repr(error),
            traceback=_short_traceback(error),
        )


#: How many frames (innermost) a failure's traceback keeps, and its longest length.
_TRACEBACK_FRAMES = 4
_TRACEBACK_CHARS = 2000


def _short_traceback(error: BaseException) -> str | None:
    if error.__traceback__ is None:
        return None
    import traceback

    frames = traceback.extract_tb(error.__traceback__)[-_TRACEBACK_FRAMES:]
    text = "".join(traceback.format_list(frames)).rstrip()
    text = text.encode("utf-8", "backslashreplace").decode("utf-8")
    return text[-_TRACEBACK_CHARS:]


def _check_status(instance: Document, _attribute: Any, value: str) -> None:
    if value not in ("ok", "failed"):
        raise ValueError(f"status must be 'ok' or 'failed', got {value!r}")
    if (value == "failed") != (instance.failure is not None):
        raise ValueError("a failed document has a failure, and only a failed document has one")


@attrs.frozen
class Document:
    """One input document and everything nkcorpus learned about it.

    Attributes:
        id: stable id derived from the raw content (:func:`document_id`).
        source: where it came from (a path, a URL, a record id), or ``None``.
        raw: the decoded input text, unchanged.
        text: the clean text; every span in the document is a span of this string.
        metadata: title, authors, dates and more (:class:`Metadata`).
        language: the language of the document as a whole, or ``None`` before detection.
        segments: passages in one language each (:class:`Segment`).
        translations: the text in other languages (:class:`Translation`).
        entities: named entities in ``text`` (:class:`Entity`), sorted by span.
        steps: each stage that ran, in order (:class:`Step`).
        status: ``"ok"``, or ``"failed"`` when a stage could not process it.
        failure: why it failed (:class:`Failure`), or ``None``.
        offsets: the map from ``text`` back to ``raw`` (:class:`OffsetMap`).
        removed: what cleaning removed from ``raw`` and why (:class:`Removal`).
        regions: spans of ``text`` with a special role, such as captions (:class:`Region`).
    """

    id: str
    source: str | None = None
    raw: str = ""
    text: str = ""
    metadata: Metadata = attrs.field(factory=Metadata)
    language: str | None = None
    segments: tuple[Segment, ...] = attrs.field(default=(), converter=_segments)
    translations: tuple[Translation, ...] = attrs.field(default=(), converter=_translations)
    entities: tuple[Entity, ...] = attrs.field(default=(), converter=_entities)
    steps: tuple[Step, ...] = attrs.field(default=(), converter=_steps)
    status: Status = attrs.field(default="ok", validator=_check_status)
    failure: Failure | None = None
    offsets: OffsetMap = attrs.field(factory=OffsetMap)
    removed: tuple[Removal, ...] = attrs.field(default=(), converter=_removals)
    regions: tuple[Region, ...] = attrs.field(default=(), converter=_regions)

    @classmethod
    def from_raw(cls, raw: str, source: str | None = None, *, id: str | None = None) -> Document:
        """Make a document whose clean text is still its raw text (before any stage)."""
        return cls(
            id=id if id is not None else document_id(raw),
            source=source,
            raw=raw,
            text=raw,
            offsets=OffsetMap.identity(len(raw)),
        )

    @classmethod
    def failed(
        cls,
        stage: str,
        error: BaseException,
        *,
        source: str | None = None,
        raw: str = "",
        id: str | None = None,
    ) -> Document:
        """Make a failed document for an input that could not even be read or decoded."""
        return cls(
            id=id if id is not None else document_id(raw if raw else (source or "")),
            source=source,
            raw=raw,
            text="",
            status="failed",
            failure=Failure.from_exception(stage, error),
        )

    @property
    def ok(self) -> bool:
        """``True`` when no stage failed on this document."""
        return self.status == "ok"

    def span_text(self, span: Span) -> str:
        """Return the characters of ``text`` inside ``span``."""
        return self.text[span.start : span.end]

    def raw_span(self, span: Span) -> Span:
        """Map a span of ``text`` to the span of ``raw`` it came from."""
        return self.offsets.to_raw(span)

    def raw_text(self, span: Span) -> str:
        """Return the raw characters that the clean ``span`` came from."""
        raw = self.raw_span(span)
        return self.raw[raw.start : raw.end]

    def _repr_html_(self) -> str:
        """Return the document as HTML for notebooks (:func:`nkcorpus.views.document_html`)."""
        from nkcorpus.views.document import document_html

        return document_html(self)

    def with_failure(self, stage: str, error: BaseException) -> Document:
        """Return this document marked failed by ``stage`` with ``error``."""
        return attrs.evolve(self, status="failed", failure=Failure.from_exception(stage, error))

    def to_dict(self) -> dict[str, Any]:
        """Return the document as plain JSON-ready data (dicts, lists, str, numbers, None).

        ``Document.from_dict(doc.to_dict()) == doc`` always holds.
        """
        from nkcorpus.serialization import document_to_dict

        return document_to_dict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Document:
        """Rebuild a document from :meth:`to_dict` output (or parsed JSON of it).

        Raises:
            SerializationError: when ``data`` does not describe a valid document.
        """
        from nkcorpus.serialization import document_from_dict

        return document_from_dict(data)
