"""JSON form of documents: ``to_dict``/``from_dict`` and JSON Lines files.

The JSON keys are the attribute names of the classes in :mod:`nkcorpus.document`.
Tuples become JSON lists; :attr:`Step.parameters` and :attr:`Metadata.extra`
become JSON objects; a :class:`~nkcorpus.Span` is ``{"start": S, "end": E}``; an
:class:`~nkcorpus.OffsetMap` is ``{"runs": [[clean_start, clean_end, raw_start,
raw_end], ...]}``. Reading back gives an equal document.

:func:`iter_document_json` gives the same JSON text in pieces, so that a large
document is written without the whole of its JSON form (or the dicts behind it) in
memory at once.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from json.encoder import encode_basestring
from pathlib import Path
from typing import IO, Any

import attrs
import cattrs
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from nkcorpus.document import (
    Document,
    JSONValue,
    Metadata,
    OffsetMap,
    Span,
    Step,
    freeze_mapping,
)
from nkcorpus.errors import SerializationError

__all__ = [
    "document_from_dict",
    "document_to_dict",
    "iter_document_json",
    "read_jsonl",
    "read_records",
    "write_jsonl",
]


def _thaw(value: JSONValue) -> Any:
    if isinstance(value, tuple):
        return [_thaw(v) for v in value]
    return value


def _pairs_to_dict(pairs: tuple[tuple[str, JSONValue], ...]) -> dict[str, Any]:
    return {key: _thaw(value) for key, value in pairs}


def _dict_to_pairs(value: Any, _type: Any) -> tuple[tuple[str, JSONValue], ...]:
    if not isinstance(value, Mapping):
        raise TypeError(f"expected a JSON object, got {type(value).__name__}")
    return freeze_mapping(value)


def _strict(kind: type, name: str) -> Any:
    def structure(value: Any, _type: Any) -> Any:
        # bool is an int in Python but not in a document; ints are fine where floats go.
        ok = isinstance(value, kind) and not (kind is not bool and isinstance(value, bool))
        if kind is float and isinstance(value, int) and not isinstance(value, bool):
            return float(value)
        if not ok:
            raise TypeError(f"expected {name}, got {type(value).__name__} {value!r:.40}")
        return value

    return structure


def _make_converter() -> cattrs.Converter:
    converter = cattrs.Converter(forbid_extra_keys=True)
    # No coercion: null must not become "None", nor 5 become "5".
    for kind, name in (
        (str, "a string"),
        (int, "an integer"),
        (float, "a number"),
        (bool, "true or false"),
    ):
        converter.register_structure_hook(kind, _strict(kind, name))
    for cls, field in ((Step, "parameters"), (Metadata, "extra")):
        hooks: dict[str, Any] = {
            field: override(unstruct_hook=_pairs_to_dict, struct_hook=_dict_to_pairs)
        }
        converter.register_unstructure_hook(cls, make_dict_unstructure_fn(cls, converter, **hooks))
        converter.register_structure_hook(
            cls, make_dict_structure_fn(cls, converter, _cattrs_forbid_extra_keys=True, **hooks)
        )
    # Runs are tuples inside the map; JSON has lists, and to_dict() gives what JSON holds.
    converter.register_unstructure_hook(
        OffsetMap, lambda offsets: {"runs": [list(run) for run in offsets.runs]}
    )
    return converter


_CONVERTER = _make_converter()


def document_to_dict(document: Document) -> dict[str, Any]:
    """Return ``document`` as JSON-ready data. Same as :meth:`Document.to_dict`."""
    data: dict[str, Any] = _CONVERTER.unstructure(document)
    return data


#: The fields of a document that grow with its length, written a piece at a time.
_TEXT_FIELDS = ("raw", "text")
_LIST_FIELDS = ("segments", "translations", "entities", "removed", "regions")
#: How many list items, and how many characters of text, each piece holds.
_ITEMS_PER_PIECE = 256
_CHARACTERS_PER_PIECE = 1 << 16


def iter_document_json(document: Document) -> Iterator[str]:
    """Yield the JSON text of ``document`` in pieces, lazily.

    Joined, the pieces are exactly ``json.dumps(document.to_dict(), ensure_ascii=False,
    allow_nan=False)``. The texts, lists and offset runs of the document are
    converted a few hundred items (or some 65,000 characters) at a time, so memory
    holds one piece besides the document, however long it is.

    Raises:
        ValueError: for a number that JSON cannot hold (NaN or infinity), as
            ``json.dumps`` does.
    """
    empty: dict[str, Any] = {**dict.fromkeys(_TEXT_FIELDS, ""), **dict.fromkeys(_LIST_FIELDS, ())}
    head = _CONVERTER.unstructure(attrs.evolve(document, offsets=OffsetMap(), **empty))
    for number, (key, value) in enumerate(head.items()):
        yield ("{" if number == 0 else ", ") + encode_basestring(key) + ": "
        if key in _TEXT_FIELDS:
            yield from _string_pieces(getattr(document, key))
        elif key in _LIST_FIELDS:
            yield from _list_pieces(getattr(document, key), _CONVERTER.unstructure)
        elif key == "offsets":
            yield '{"runs": '
            yield from _list_pieces(document.offsets.runs, list)
            yield "}"
        else:
            yield _dumps(value)
    yield "}"


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, allow_nan=False)


def _string_pieces(text: str) -> Iterator[str]:
    """A JSON string in pieces (escaping is character by character, so pieces may cut anywhere)."""
    yield '"'
    for start in range(0, len(text), _CHARACTERS_PER_PIECE):
        yield encode_basestring(text[start : start + _CHARACTERS_PER_PIECE])[1:-1]
    yield '"'


def _list_pieces(items: Sequence[Any], convert: Any) -> Iterator[str]:
    """A JSON list in pieces, as :func:`json.dumps` separates its items."""
    yield "["
    for start in range(0, len(items), _ITEMS_PER_PIECE):
        chunk = _dumps([convert(item) for item in items[start : start + _ITEMS_PER_PIECE]])
        yield (", " if start else "") + chunk[1:-1]
    yield "]"


def document_from_dict(data: Mapping[str, Any]) -> Document:
    """Rebuild a document from its JSON form. Same as :meth:`Document.from_dict`.

    Raises:
        SerializationError: when ``data`` is not a valid document, with the reason.
    """
    try:
        if not isinstance(data, Mapping):
            raise TypeError(f"expected a JSON object, got {type(data).__name__}")
        document = _CONVERTER.structure(dict(data), Document)
        _check_spans(document)
        return document
    except Exception as error:  # cattrs wraps errors in exception groups
        detail = (
            "; ".join(cattrs.transform_error(error))
            if isinstance(error, (cattrs.BaseValidationError, cattrs.ClassValidationError))
            else str(error)
        )
        raise SerializationError(
            f"not a valid nkcorpus document: {detail}. Pass data written by "
            "Document.to_dict() or nkcorpus.write_jsonl()."
        ) from error


def _check_span(span: Span, length: int, what: str) -> None:
    if span.end > length:
        raise ValueError(f"{what} {span} reaches past the end of its text ({length} characters)")


def _check_spans(document: Document) -> None:
    """Refuse spans outside the text they point into."""
    text, raw = len(document.text), len(document.raw)
    for segment in document.segments:
        _check_span(segment.span, text, "a segment span")
    for entity in document.entities:
        _check_span(entity.span, text, "an entity span")
    for region in document.regions:
        _check_span(region.span, text, "a region span")
    for removal in document.removed:
        _check_span(removal.raw_span, raw, "a removed span")
    if document.offsets.runs and document.offsets.clean_length != text:
        raise ValueError(
            f"the offset map covers {document.offsets.clean_length} characters, the text has {text}"
        )
    for translation in document.translations:
        for alignment in translation.alignments:
            _check_span(alignment.source, text, "an alignment source span")
            _check_span(alignment.target, len(translation.text), "an alignment target span")
        for entity in translation.entities:
            _check_span(entity.span, len(translation.text), "a translation entity span")
        for failure in translation.failures:
            _check_span(failure.span, text, "an untranslated passage span")


def _open_text(path: str | os.PathLike[str] | IO[str], mode: str) -> tuple[IO[str], bool]:
    if isinstance(path, (str, os.PathLike)):
        return open(Path(path), mode, encoding="utf-8", newline="\n"), True
    return path, False


def write_jsonl(documents: Iterable[Document], path: str | os.PathLike[str] | IO[str]) -> int:
    """Write documents to a JSON Lines file, one document per line, in order.

    Args:
        documents: the documents to write (any iterable, consumed lazily).
        path: a file path, or an open text file such as ``sys.stdout``.

    Returns:
        The number of documents written.
    """
    handle, owned = _open_text(path, "w")
    count = 0
    try:
        for document in documents:
            handle.write(json.dumps(document.to_dict(), ensure_ascii=False, allow_nan=False))
            handle.write("\n")
            count += 1
    finally:
        if owned:
            handle.close()
        else:
            handle.flush()
    return count


def read_records(handle: IO[str]) -> Iterator[tuple[int, dict[str, Any]]]:
    """Read the JSON objects of an open JSON Lines file as ``(line number, object)``, lazily.

    Blank lines are skipped. The objects are not checked as documents; use
    :func:`read_jsonl` for documents.

    Raises:
        SerializationError: on a line that is not a JSON object; the message gives the
            line number.
    """
    for number, line in enumerate(handle, start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as error:
            raise SerializationError(
                f"line {number} is not valid JSON ({error.msg} at column {error.colno}); "
                "each line must hold one document written by nkcorpus.write_jsonl()"
            ) from error
        if not isinstance(data, dict):
            raise SerializationError(f"line {number} is not a document (a JSON object)")
        yield number, data


def read_jsonl(path: str | os.PathLike[str] | IO[str]) -> Iterator[Document]:
    """Read documents written by :func:`write_jsonl`, lazily, in file order.

    Raises:
        SerializationError: on a line that is not valid JSON or not a document;
            the message gives the line number.
    """
    handle, owned = _open_text(path, "r")
    try:
        for number, data in read_records(handle):
            try:
                yield document_from_dict(data)
            except SerializationError as error:
                raise SerializationError(f"line {number}: {error}") from error
    finally:
        if owned:
            handle.close()
