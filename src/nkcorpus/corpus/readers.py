"""Readers: turn paths, directories and standard input into pipeline inputs.

Four kinds of input are read, each streamed so that memory stays flat however
large the corpus is:

* a text file (any encoding; the pipeline detects it) is one document;
* a directory is walked recursively, names sorted, the files of a folder
  before its subfolders, hidden entries skipped;
* a JSON Lines file (``.jsonl``, ``.ndjson``), a CSV file (``.csv``) or a
  Parquet file (``.parquet``) holds one document per record, its text in the
  *text field* (``"text"`` unless told otherwise);
* ``"-"`` is standard input: one document, or records when a record format is named.

A reader never raises for one bad file or record: whatever cannot be read
becomes a failed :class:`~nkcorpus.Document` (stage ``"read"``) in its place, so
the count of outputs always equals the count of inputs.

Record ids. :attr:`Document.id <nkcorpus.Document.id>` is always derived from the
content, so identical texts share an id wherever they come from. The id a
record carries in its *id field* is kept in :attr:`Document.source
<nkcorpus.Document.source>` as ``"PATH#ID"``; a record without an id field is
named by its position, ``"PATH:N"`` (N is the line number in a JSON Lines
file, the data row number in a CSV file, the row number in a Parquet file, all
counted from 1). :func:`record_id` gives the id part back.
"""

from __future__ import annotations

import csv
import io
import json
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO, Union

from nkcorpus.document import Document, document_id
from nkcorpus.errors import ConfigError, InputError

__all__ = [
    "INPUT_FORMATS",
    "Item",
    "detect_format",
    "iter_files",
    "read_inputs",
    "record_id",
]

#: The values ``input_format`` accepts. ``"auto"`` reads ``.jsonl``/``.ndjson``,
#: ``.csv`` and ``.parquet`` files as records and anything else as one document.
INPUT_FORMATS = ("auto", "text", "jsonl", "csv", "parquet")

_SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".parquet": "parquet"}

#: The items a reader yields, ``(content, source)`` pairs or failed documents.
Item = Union[tuple[Union[bytes, str], str], Document]  # noqa: UP007 - a runtime alias on 3.10


def iter_files(path: Path) -> Iterator[Path]:
    """Yield the files under ``path`` (itself if a file), sorted, skipping hidden ones."""
    for name in _file_names(path):
        yield Path(name)


def _file_names(path: Path) -> Iterator[str]:
    # Like iter_files, as strings: str(Path(root) / name) without a Path per file.
    if not path.is_dir():
        yield str(path)
        return
    for root, dirs, files in os.walk(path):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        folder = str(Path(root))
        prefix = "" if folder == "." else os.path.join(folder, "")
        for name in sorted(files):
            if not name.startswith("."):
                yield prefix + name


def _read_file(name: str) -> bytes:
    with open(name, "rb", buffering=0) as handle:
        return handle.readall()


def detect_format(path: str | os.PathLike[str], requested: str = "auto") -> str:
    """Return how to read ``path``: ``"text"``, ``"jsonl"``, ``"csv"`` or ``"parquet"``.

    >>> detect_format("letters/2019.jsonl"), detect_format("page.txt")
    ('jsonl', 'text')
    """
    if requested not in INPUT_FORMATS:
        raise ConfigError(
            f"input format must be one of {', '.join(INPUT_FORMATS)}; got {requested!r}"
        )
    if requested != "auto":
        return requested
    return _SUFFIXES.get(Path(path).suffix.lower(), "text")


def record_id(source: str | None) -> str | None:
    """Return the record id kept in a source such as ``"corpus.jsonl#A-17"``, or ``None``.

    >>> record_id("corpus.jsonl#A-17"), record_id("corpus.jsonl:3"), record_id(None)
    ('A-17', None, None)
    """
    if not source or "#" not in source:
        return None
    return source.rpartition("#")[2]


class _Skip:
    """Counts down the inputs a resumed run has already written."""

    def __init__(self, count: int) -> None:
        self.remaining = count

    def take(self) -> bool:
        if self.remaining > 0:
            self.remaining -= 1
            return True
        return False


def read_inputs(
    inputs: Iterable[str | os.PathLike[str]],
    stdin: BinaryIO | None = None,
    *,
    input_format: str = "auto",
    text_field: str = "text",
    id_field: str | None = None,
    skip: int = 0,
    exclude: Iterable[str | os.PathLike[str]] = (),
) -> Iterator[Item]:
    """Yield one pipeline input per document named by ``inputs``, in order.

    Args:
        inputs: files, directories (walked recursively in sorted order) or ``"-"``.
        stdin: the stream ``"-"`` reads (default: the process's standard input).
        input_format: ``"auto"`` (by file suffix), ``"text"``, ``"jsonl"``, ``"csv"``
            or ``"parquet"``; ``"-"`` is one text document unless a record format is named.
        text_field: the field (column) of a record that holds the document text.
        id_field: the field of a record that holds its id, kept in the source as
            ``"PATH#ID"``; records are named ``"PATH:N"`` without one.
        skip: leave out the first ``skip`` inputs (a resumed run); text files among
            them are not even read.
        exclude: files that directories may hold but that are not inputs (the run's
            own output and checkpoint when they are written inside an input folder).

    Yields:
        ``(bytes or str, source)`` pairs, or failed documents for what cannot be
        read: a missing path, an unreadable file, a broken JSON line, a record
        without its text field.
    """
    detect_format("-", input_format)  # validates the name early
    skipper = _Skip(skip)
    excluded = {os.path.realpath(path) for path in exclude}
    excluded_names = {os.path.basename(path) for path in excluded}
    for item in inputs:
        if str(item) == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            if input_format in ("auto", "text"):
                if not skipper.take():
                    yield stream.read(), "<stdin>"
                continue
            records = _read_records(stream, "<stdin>", input_format, text_field, id_field)
            yield from _drop(skipper, records)
            continue
        root = Path(item)
        if not root.exists():
            if not skipper.take():
                error = FileNotFoundError(f"{root} does not exist; check the path")
                yield Document.failed("read", error, source=str(root))
            continue
        for path in _file_names(root):
            if os.path.basename(path) in excluded_names and os.path.realpath(path) in excluded:
                continue
            if input_format == "auto":
                kind = _SUFFIXES.get(os.path.splitext(path)[1].lower(), "text")
            else:
                kind = input_format
            if kind == "text":
                if skipper.take():
                    continue
                try:
                    data = _read_file(path)
                except OSError as error:
                    yield _unreadable(path, error)
                    continue
                yield data, path
                continue
            try:
                handle = open(path, "rb")  # noqa: SIM115 - closed in finally
            except OSError as error:
                if not skipper.take():
                    yield _unreadable(path, error)
                continue
            try:
                records = _read_records(handle, path, kind, text_field, id_field)
                yield from _drop(skipper, records)
            finally:
                handle.close()


def _drop(skipper: _Skip, items: Iterator[Item]) -> Iterator[Item]:
    for item in items:
        if not skipper.take():
            yield item


def _unreadable(path: str, error: OSError) -> Document:
    reason = error.strerror or str(error)
    failure = type(error)(f"cannot read {path}: {reason}; check its permissions")
    return Document.failed("read", failure, source=str(path))


def _read_records(
    stream: BinaryIO, name: str, kind: str, text_field: str, id_field: str | None
) -> Iterator[Item]:
    if kind == "jsonl":
        return _read_jsonl(stream, name, text_field, id_field)
    if kind == "csv":
        return _read_csv(stream, name, text_field, id_field)
    return _read_parquet(stream, name, text_field, id_field)


def _source(name: str, number: int, identifier: Any) -> str:
    if identifier is None or identifier == "":
        return f"{name}:{number}"
    return f"{name}#{identifier}"


def _bad_record(name: str, number: int, message: str, raw: bytes | None = None) -> Document:
    error = InputError(message)
    ident = document_id(raw) if raw is not None else None
    return Document.failed("read", error, source=f"{name}:{number}", id=ident)


def _record_item(
    record: Any, name: str, number: int, text_field: str, id_field: str | None, what: str
) -> Item:
    if not isinstance(record, dict):
        return _bad_record(
            name,
            number,
            f"{what} {number} of {name} is a JSON {type(record).__name__}, not an object; "
            f"each record must be an object with a {text_field!r} field",
        )
    identifier = record.get(id_field) if id_field else None
    source = _source(name, number, identifier)
    text = record.get(text_field)
    if isinstance(text, (str, bytes)):
        return text, source
    found = "missing" if text_field not in record else f"a {type(text).__name__}, not text"
    fields = ", ".join(sorted(map(str, record))) or "none"
    error = InputError(
        f"{what} {number} of {name}: the text field {text_field!r} is {found} "
        f"(fields: {fields}); name the right one with --text-field"
    )
    return Document.failed("read", error, source=source)


def _read_jsonl(
    stream: BinaryIO, name: str, text_field: str, id_field: str | None
) -> Iterator[Item]:
    for number, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except (ValueError, RecursionError) as error:
            reason = error.msg if isinstance(error, json.JSONDecodeError) else str(error)
            yield _bad_record(
                name,
                number,
                f"line {number} of {name} is not valid JSON ({reason}); "
                "fix or remove the line (each line holds one JSON object)",
                raw=line,
            )
            continue
        yield _record_item(record, name, number, text_field, id_field, "line")


def _read_csv(stream: BinaryIO, name: str, text_field: str, id_field: str | None) -> Iterator[Item]:
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    # Undecodable bytes survive as surrogates and go to the pipeline as bytes,
    # where encoding detection (and a clear failure) happens per record.
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", errors="surrogateescape", newline="")
    reader = csv.DictReader(text)
    try:
        header = reader.fieldnames
    except csv.Error as error:
        yield _bad_record(name, 1, f"{name} is not a readable CSV file ({error}); check its format")
        return
    if not header or text_field not in header:
        columns = ", ".join(header or ()) or "none"
        yield _bad_record(
            name,
            1,
            f"{name} has no column {text_field!r} (columns: {columns}); "
            "name the text column with --text-field",
        )
        return
    number = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            yield _bad_record(
                name,
                number + 1,
                f"{name} cannot be read past line {reader.line_num} ({error}); "
                "the rest of the file is skipped; fix the file and run again",
            )
            return
        number += 1
        value = row.get(text_field)
        identifier = row.get(id_field) if id_field else None
        source = _source(name, number, identifier)
        if value is None:
            missing = InputError(
                f"row {number} of {name} has no value in column {text_field!r}; "
                "check the row for missing fields"
            )
            yield Document.failed("read", missing, source=source)
            continue
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            yield value.encode("utf-8", "surrogateescape"), source
            continue
        yield value, source


def _read_parquet(
    stream: BinaryIO, name: str, text_field: str, id_field: str | None
) -> Iterator[Item]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        source_file: Any = stream if stream.seekable() else io.BytesIO(stream.read())
        parquet = pq.ParquetFile(source_file)
    except (pa.ArrowException, OSError, ValueError) as error:
        yield _bad_record(name, 1, f"{name} is not a readable Parquet file ({error})")
        return
    columns = parquet.schema_arrow.names
    if text_field not in columns:
        yield _bad_record(
            name,
            1,
            f"{name} has no column {text_field!r} (columns: {', '.join(columns)}); "
            "name the text column with --text-field",
        )
        return
    wanted = [text_field] + ([id_field] if id_field and id_field in columns else [])
    number = 0
    try:
        for batch in parquet.iter_batches(batch_size=1024, columns=wanted):
            texts = batch.column(0).to_pylist()
            ids = batch.column(1).to_pylist() if len(wanted) > 1 else [None] * len(texts)
            for value, identifier in zip(texts, ids, strict=True):
                number += 1
                yield _record_item(
                    {text_field: value, **({id_field: identifier} if id_field else {})},
                    name,
                    number,
                    text_field,
                    id_field,
                    "row",
                )
    except (pa.ArrowException, OSError) as error:
        yield _bad_record(
            name,
            number + 1,
            f"{name} cannot be read past row {number} ({error}); "
            "the rest of the file is skipped; check the file",
        )
