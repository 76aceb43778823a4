"""One processed document as it travels back from a worker: its JSON line and a few counts.

Workers serialize documents themselves, so the process that writes the output
only appends lines and adds up counts; it never rebuilds a
:class:`~nkcorpus.Document` unless asked to (:meth:`Result.document`).
"""

from __future__ import annotations

import json
from typing import Any

import attrs

from nkcorpus.document import Document
from nkcorpus.errors import SerializationError

__all__ = ["Result", "document_line", "printable", "without_timings"]


def document_line(document: Document) -> str:
    """Return ``document`` as one line of JSON (no newline), as JSON Lines files hold it.

    Raises:
        SerializationError: when the document holds text that is not valid Unicode
            (a lone surrogate), which no UTF-8 file can hold.
    """
    line = json.dumps(document.to_dict(), ensure_ascii=False, allow_nan=False)
    try:
        line.encode("utf-8")
    except UnicodeEncodeError as error:
        raise SerializationError(
            f"the document holds the lone surrogate {line[error.start]!a}, which is not a "
            "character and cannot be written as UTF-8"
        ) from None
    return line


def printable(text: str | None) -> str | None:
    """Return ``text`` with anything UTF-8 cannot hold (lone surrogates) shown as ``\\udXXX``."""
    if text is None:
        return None
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


@attrs.frozen
class Result:
    """A processed document in transport form.

    Attributes:
        id: the document id.
        source: where the document came from.
        line: the document as one line of JSON (see :func:`document_line`).
        status: ``"ok"`` or ``"failed"``.
        language: the document language, or ``None``.
        labels: the label of each entity mention, in order.
        failure: ``"stage: ErrorType"`` for a failed document, else ``None``.
        characters: length of the clean text.
        cached: whether the result came from the result cache.
    """

    id: str
    source: str | None
    line: str
    status: str
    language: str | None = None
    labels: tuple[str, ...] = ()
    failure: str | None = None
    characters: int = 0
    cached: bool = False

    @classmethod
    def from_document(cls, document: Document) -> Result:
        """Serialize ``document`` and note what a summary counts."""
        failure = None
        if document.failure is not None:
            failure = f"{document.failure.stage}: {document.failure.error_type}"
        return cls(
            id=document.id,
            source=document.source,
            line=document_line(document),
            status=document.status,
            language=document.language,
            labels=tuple(entity.label for entity in document.entities),
            failure=failure,
            characters=len(document.text),
        )

    def document(self) -> Document:
        """Rebuild the :class:`~nkcorpus.Document`."""
        return Document.from_dict(json.loads(self.line))

    def with_source(self, source: str | None) -> Result:
        """Return the same result for an identical document that came from ``source``.

        Only the ``source`` field of the line changes; the rest stays byte for byte.
        """
        if source == self.source:
            return self
        # document_line writes "id" first and "source" second: swap just that head.
        head = _head(self.id, self.source)
        if self.line.startswith(head):
            line = _head(self.id, source) + self.line[len(head) :]
        else:  # pragma: no cover - a line written another way
            data: dict[str, Any] = json.loads(self.line)
            data["source"] = source
            line = json.dumps(data, ensure_ascii=False, allow_nan=False)
        return attrs.evolve(self, source=source, line=line)


def _head(identifier: str, source: str | None) -> str:
    encode = json.JSONEncoder(ensure_ascii=False).encode
    return f'{{"id": {encode(identifier)}, "source": {encode(source)}'


def without_timings(document: Document) -> Document:
    """Return ``document`` with every :attr:`Step.seconds <nkcorpus.Step.seconds>` set to 0.

    Two runs over the same input give the same document except for how long
    each step took; compare documents through this function to check that
    runs (a resumed one and an uninterrupted one, one worker and four) agree.
    """
    steps = tuple(attrs.evolve(step, seconds=0.0) for step in document.steps)
    return attrs.evolve(document, steps=steps)
