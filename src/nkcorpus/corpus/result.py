"""One processed document as it travels back from a worker: its JSON line and a few counts.

Workers serialize documents themselves, so the process that writes the output
only appends lines and adds up counts; it never rebuilds a
:class:`~nkcorpus.Document` unless asked to (:meth:`Result.document`).

The line is made a piece at a time (:func:`~nkcorpus.serialization.iter_document_json`)
and kept as UTF-8 bytes, never as one Python string (which costs two or four bytes a
character as soon as it holds one Korean letter or one emoji). A line longer than
:data:`PACK_ABOVE` bytes is kept compressed (zlib, fastest level: JSON shrinks about
eight times) from its first megabyte on, so that while a large document is
serialized, memory holds the document and a small fraction of its JSON, not both in
full; :meth:`Result.write_to` writes it out a piece at a time (and :attr:`Result.data`
gives it back whole).
"""

from __future__ import annotations

import io
import json
import zlib
from collections.abc import Iterator
from typing import IO, Any

import attrs

from nkcorpus.document import Document
from nkcorpus.errors import SerializationError
from nkcorpus.serialization import iter_document_json

__all__ = [
    "PACK_ABOVE",
    "Result",
    "document_bytes",
    "document_line",
    "printable",
    "without_timings",
]

#: Lines longer than this many bytes travel compressed (:attr:`Result.compressed`).
PACK_ABOVE = 1 << 20
#: How many bytes :meth:`Result.write_to` decompresses at a time.
_PIECE = 1 << 20


def _encoded(document: Document) -> Iterator[bytes]:
    """The JSON line of ``document`` as UTF-8 pieces."""
    for piece in iter_document_json(document):
        try:
            yield piece.encode("utf-8")
        except UnicodeEncodeError as error:
            raise SerializationError(
                f"the document holds the lone surrogate {piece[error.start]!a}, which is not "
                "a character and cannot be written as UTF-8"
            ) from None


def document_bytes(document: Document) -> bytes:
    """Return ``document`` as one line of JSON in UTF-8 (no newline), as JSON Lines files hold it.

    The bytes are those of :func:`document_line`, made without that string: the
    JSON text is encoded a piece at a time.

    Raises:
        SerializationError: when the document holds text that is not valid Unicode
            (a lone surrogate), which no UTF-8 file can hold.
    """
    buffer = io.BytesIO()
    for piece in _encoded(document):
        buffer.write(piece)
    return buffer.getvalue()


def _packed(document: Document) -> tuple[bytes, bool]:
    """The JSON line of ``document``, compressed once it grows past :data:`PACK_ABOVE`;
    and whether it was."""
    buffer = io.BytesIO()
    compressor = None
    out: list[bytes] = []
    for piece in _encoded(document):
        if compressor is None:
            buffer.write(piece)
            if buffer.tell() > PACK_ABOVE:
                compressor = zlib.compressobj(1)
                out.append(compressor.compress(buffer.getbuffer()))
                buffer = io.BytesIO()
        else:
            out.append(compressor.compress(piece))
    if compressor is None:
        return buffer.getvalue(), False
    out.append(compressor.flush())
    return b"".join(out), True


def document_line(document: Document) -> str:
    """Return ``document`` as one line of JSON (no newline), as JSON Lines files hold it.

    The same as ``json.dumps(document.to_dict(), ensure_ascii=False, allow_nan=False)``.

    Raises:
        SerializationError: when the document holds text that is not valid Unicode
            (a lone surrogate), which no UTF-8 file can hold.
    """
    return document_bytes(document).decode("utf-8")


@attrs.frozen
class Result:
    """A processed document in transport form.

    Attributes:
        id: the document id.
        source: where the document came from.
        packed: the document as one line of JSON in UTF-8 (see :func:`document_bytes`),
            zlib-compressed when ``compressed``; read it through :attr:`data`.
        status: ``"ok"`` or ``"failed"``.
        language: the document language, or ``None``.
        labels: the label of each entity mention, in order.
        failure: ``"stage: ErrorType"`` for a failed document, else ``None``.
        characters: length of the clean text.
        cached: whether the result came from the result cache.
        compressed: whether ``packed`` is compressed (lines longer than :data:`PACK_ABOVE`).
    """

    id: str
    source: str | None
    packed: bytes
    status: str
    language: str | None = None
    labels: tuple[str, ...] = ()
    failure: str | None = None
    characters: int = 0
    cached: bool = False
    compressed: bool = False

    @property
    def data(self) -> bytes:
        """The document as one line of JSON in UTF-8, without its newline."""
        return zlib.decompress(self.packed) if self.compressed else self.packed

    @property
    def line(self) -> str:
        """The document as one line of JSON (:func:`document_line`)."""
        return self.data.decode("utf-8")

    def write_to(self, handle: IO[bytes]) -> None:
        """Write the line and a newline to a binary file, a piece at a time.

        A compressed line is decompressed as it is written, never whole in memory.
        """
        if self.compressed:
            inflater = zlib.decompressobj()
            view = memoryview(self.packed)
            for start in range(0, len(view), _PIECE):
                handle.write(inflater.decompress(view[start : start + _PIECE], _PIECE))
                while inflater.unconsumed_tail:
                    handle.write(inflater.decompress(inflater.unconsumed_tail, _PIECE))
            handle.write(inflater.flush())
        else:
            handle.write(self.packed)
        handle.write(b"\n")

    @classmethod
    def from_document(cls, document: Document) -> Result:
        """Serialize ``document`` and note what a summary counts."""
        failure = None
        if document.failure is not None:
            failure = f"{document.failure.stage}: {document.failure.error_type}"
        packed, compressed = _packed(document)
        return cls(
            id=document.id,
            source=document.source,
            packed=packed,
            status=document.status,
            language=document.language,
            labels=tuple(entity.label for entity in document.entities),
            failure=failure,
            characters=len(document.text),
            compressed=compressed,
        )

    def document(self) -> Document:
        """Rebuild the :class:`~nkcorpus.Document`."""
        return Document.from_dict(json.loads(self.data))

    def with_source(self, source: str | None) -> Result:
        """Return the same result for an identical document that came from ``source``.

        Only the ``source`` field of the line changes; the rest stays byte for byte.
        """
        if source == self.source:
            return self
        line = self.data
        # document_bytes writes "id" first and "source" second: swap just that head.
        head = _head(self.id, self.source)
        if line.startswith(head):
            line = b"".join((_head(self.id, source), memoryview(line)[len(head) :]))
        else:  # pragma: no cover - a line written another way
            found: dict[str, Any] = json.loads(line)
            found["source"] = source
            line = json.dumps(found, ensure_ascii=False, allow_nan=False).encode("utf-8")
        packed = zlib.compress(line, 1) if self.compressed else line
        return attrs.evolve(self, source=source, packed=packed)


def _head(identifier: str, source: str | None) -> bytes:
    encode = json.JSONEncoder(ensure_ascii=False).encode
    return f'{{"id": {encode(identifier)}, "source": {encode(source)}'.encode()


def printable(text: str | None) -> str | None:
    """Return ``text`` with anything UTF-8 cannot hold (lone surrogates) shown as ``\\udXXX``."""
    if text is None:
        return None
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def without_timings(document: Document) -> Document:
    """Return ``document`` with every :attr:`Step.seconds <nkcorpus.Step.seconds>` set to 0.

    Two runs over the same input give the same document except for how long
    each step took; compare documents through this function to check that
    runs (a resumed one and an uninterrupted one, one worker and four) agree.
    """
    steps = tuple(attrs.evolve(step, seconds=0.0) for step in document.steps)
    return attrs.evolve(document, steps=steps)
