"""Records of JSON Lines, CSV and Parquet files as pipeline inputs, one item per record.

Used by :func:`~nkcorpus.corpus.inputs.read_inputs`; every record gives one item,
a ``(content, source)`` pair or a failed :class:`~nkcorpus.Document` (stage
``"read"``) for a record that cannot be read. A record larger than the input size
limit, or whose text holds lone surrogates, is a failed record.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any, BinaryIO, Union

from nkcorpus.document import Document, document_id
from nkcorpus.errors import InputError, InputTooLargeError

__all__ = ["Item", "display_name", "read_records"]

#: The items a reader yields, ``(content, source)`` pairs or failed documents.
Item = Union[tuple[Union[bytes, str], str], Document]  # noqa: UP007 - a runtime alias on 3.10


def display_name(name: str) -> str:
    """Return a file name as valid text: undecodable bytes of the name shown as ``\\xNN``.

    >>> display_name(b"caf\\xe9.txt".decode("utf-8", "surrogateescape"))
    'caf\\\\xe9.txt'
    """
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return name


def _surrogate_error(text: str, what: str) -> InputError | None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        character = ascii(text[error.start])
        return InputError(
            f"{what} holds the lone surrogate {character} at position {error.start}, which is "
            "not a character and cannot be written as UTF-8; fix the escape in the input"
        )
    return None


def read_records(
    stream: BinaryIO, name: str, kind: str, text_field: str, id_field: str | None, limit: int
) -> Iterator[Item]:
    """Yield one item per record of ``stream``, a ``"jsonl"``, ``"csv"`` or ``"parquet"`` file.

    Args:
        stream: the open file (binary).
        name: the file name shown in sources and messages.
        kind: the file format.
        text_field: the field (column) that holds the text.
        id_field: the field that holds the record id, or ``None``.
        limit: the largest record read, in bytes (a CSV field: characters).
    """
    if kind == "jsonl":
        return _read_jsonl(stream, name, text_field, id_field, limit)
    if kind == "csv":
        return _read_csv(stream, name, text_field, id_field, limit)
    return _read_parquet(stream, name, text_field, id_field, limit)


def _source(name: str, number: int, identifier: Any) -> str:
    if identifier is None or identifier == "":
        return f"{name}:{number}"
    if isinstance(identifier, bytes):
        identifier = identifier.decode("utf-8", "backslashreplace")
    return display_name(f"{name}#{identifier}")


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
    if isinstance(text, bytes):
        return text, source
    if isinstance(text, str):
        error = _surrogate_error(text, f"the text of {what} {number} of {name}")
        if error is not None:
            return Document.failed("read", error, source=source)
        return text, source
    found = "missing" if text_field not in record else f"a {type(text).__name__}, not text"
    fields = display_name(", ".join(sorted(map(str, record)))) or "none"
    error = InputError(
        f"{what} {number} of {name}: the text field {text_field!r} is {found} "
        f"(fields: {fields}); name the right one with --text-field"
    )
    return Document.failed("read", error, source=source)


def _read_jsonl(
    stream: BinaryIO, name: str, text_field: str, id_field: str | None, limit: int
) -> Iterator[Item]:
    number = 0
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        number += 1
        if len(line) > limit and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):  # skip the rest of the long line
                line = stream.readline(1024 * 1024)
            error = InputTooLargeError(f"line {number} of {name} is longer than the limit", limit)
            yield Document.failed("read", error, source=f"{name}:{number}")
            continue
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


def _read_csv(
    stream: BinaryIO, name: str, text_field: str, id_field: str | None, limit: int
) -> Iterator[Item]:
    csv.field_size_limit(min(limit, 2**31 - 1))
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
        columns = display_name(", ".join(header or ())) or "none"
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
    stream: BinaryIO, name: str, text_field: str, id_field: str | None, limit: int
) -> Iterator[Item]:
    import pyarrow.parquet as pq

    try:
        source_file: Any = stream if stream.seekable() else io.BytesIO(stream.read())
        parquet = pq.ParquetFile(source_file)
    except Exception as error:  # pyarrow raises many kinds on a damaged file
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
                if isinstance(value, (str, bytes)) and len(value) > limit:
                    what = f"row {number} of {name} is larger than the limit"
                    too_large = InputTooLargeError(what, limit)
                    source = _source(name, number, identifier)
                    yield Document.failed("read", too_large, source=source)
                    continue
                yield _record_item(
                    {text_field: value, **({id_field: identifier} if id_field else {})},
                    name,
                    number,
                    text_field,
                    id_field,
                    "row",
                )
    except Exception as error:  # pyarrow raises many kinds on a damaged file
        yield _bad_record(
            name,
            number + 1,
            f"{name} cannot be read past row {number} ({error}); "
            "the rest of the file is skipped; check the file",
        )
