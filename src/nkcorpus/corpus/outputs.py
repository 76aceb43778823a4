"""Writers: processed documents to JSON Lines (the default) or Parquet, atomically.

JSON Lines holds one document per line in the form of
:meth:`Document.to_dict() <nkcorpus.Document.to_dict>`.

Parquet output is two files: the *documents table* at the path given and the
*entities table* next to it (``OUT.parquet`` and ``OUT.entities.parquet``, see
:func:`entities_path`).

Documents table, one row per document in input order: ``id``, ``source``,
``status``, ``language``, ``title``, ``authors`` (list of strings),
``published``, ``outlet``, ``failure_stage``, ``failure_type``,
``failure_message``, ``entity_count``, ``raw``, ``text`` and ``record``: the
rest of the document as JSON, so that :func:`read_parquet` rebuilds every
document exactly.

Entities table, one row per mention: ``document_id``, ``document_index`` (the
row of its document), ``start``, ``end`` (a span of the document ``text``),
``raw_start``, ``raw_end`` (the same mention in ``raw``), ``text``, ``label``,
``canonical_id``, ``backend`` (which backend found it) and ``score``.

Both writers stream: memory holds one row group at most. A file appears under
its name only when it is complete (written to a temporary file, fsynced,
renamed).
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from nkcorpus.corpus.atomic import atomic_write, fsync_directory, temporary_path
from nkcorpus.corpus.result import Result, document_bytes
from nkcorpus.corpus.tables import arrow_schemas, document_row, entity_rows
from nkcorpus.document import Document
from nkcorpus.errors import ConfigError

__all__ = [
    "OUTPUT_FORMATS",
    "ParquetWriter",
    "entities_path",
    "output_format",
    "read_documents",
    "read_parquet",
    "write_documents",
]

#: The values ``format`` accepts.
OUTPUT_FORMATS = ("jsonl", "parquet")

_ROW_GROUP_DOCUMENTS = 2000
_ROW_GROUP_CHARACTERS = 64 * 1024 * 1024


def output_format(path: str | os.PathLike[str] | None, requested: str | None = None) -> str:
    """Return the output format: ``requested``, else by the suffix of ``path``.

    A ``.parquet`` path gives ``"parquet"``, anything else ``"jsonl"``.

    >>> output_format("run.parquet"), output_format("run.jsonl"), output_format("-")
    ('parquet', 'jsonl', 'jsonl')
    """
    if requested is not None:
        if requested not in OUTPUT_FORMATS:
            raise ConfigError(
                f"output format must be one of {', '.join(OUTPUT_FORMATS)}; got {requested!r}"
            )
        return requested
    if path is not None and str(path) != "-" and Path(path).suffix.lower() == ".parquet":
        return "parquet"
    return "jsonl"


def entities_path(path: str | os.PathLike[str]) -> Path:
    """Return where the entities table of the Parquet output ``path`` goes.

    >>> str(entities_path("out/run.parquet"))
    'out/run.entities.parquet'
    """
    target = Path(path)
    stem = target.name[: -len(".parquet")] if target.name.endswith(".parquet") else target.name
    return target.with_name(f"{stem}.entities.parquet")


class ParquetWriter:
    """Streams documents into the documents table and the entities table.

    Use as a context manager; both files appear, complete, when it closes
    without an error. On an error neither is written.

    Args:
        path: the documents table; the entities table goes to :func:`entities_path`.
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        import pyarrow.parquet as pq

        self.path = Path(path)
        self.entities = entities_path(self.path)
        self._documents_schema, self._entities_schema = arrow_schemas()
        self._tmp = (temporary_path(self.path), temporary_path(self.entities))
        self._writers = (
            pq.ParquetWriter(self._tmp[0], self._documents_schema, compression="zstd"),
            pq.ParquetWriter(self._tmp[1], self._entities_schema, compression="zstd"),
        )
        self._rows: list[dict[str, Any]] = []
        self._entity_rows: list[dict[str, Any]] = []
        self._characters = 0
        self.count = 0

    def write(self, document: Document) -> None:
        """Append one document."""
        self.write_line(document_bytes(document))

    def write_line(self, line: str | bytes) -> None:
        """Append one document given as a line of JSON (text, or UTF-8 bytes).

        That is the form a :class:`~nkcorpus.corpus.result.Result` holds it in.
        """
        data = json.loads(line)
        self._entity_rows.extend(entity_rows(data, self.count))
        self._rows.append(document_row(data, record=True))
        raw, text = data["raw"], data["text"]
        self.count += 1
        self._characters += len(raw) + len(text)
        if len(self._rows) >= _ROW_GROUP_DOCUMENTS or self._characters >= _ROW_GROUP_CHARACTERS:
            self._flush()

    def _flush(self) -> None:
        import pyarrow as pa

        if self._rows:
            table = pa.Table.from_pylist(self._rows, schema=self._documents_schema)
            self._writers[0].write_table(table)
        if self._entity_rows:
            table = pa.Table.from_pylist(self._entity_rows, schema=self._entities_schema)
            self._writers[1].write_table(table)
        self._rows, self._entity_rows, self._characters = [], [], 0

    def close(self) -> None:
        """Write what is left and put both files in place."""
        self._flush()
        for writer in self._writers:
            writer.close()
        for tmp, target in zip(self._tmp, (self.path, self.entities), strict=True):
            with open(tmp, "rb") as handle:
                os.fsync(handle.fileno())
            os.replace(tmp, target)
            fsync_directory(target)

    def abort(self) -> None:
        """Drop what was written; leave any earlier output as it was."""
        for writer in self._writers:
            with contextlib.suppress(Exception):  # already failing; the files go next
                writer.close()
        for tmp in self._tmp:
            tmp.unlink(missing_ok=True)

    def __enter__(self) -> ParquetWriter:
        return self

    def __exit__(self, exc_type: object, *_rest: object) -> None:
        if exc_type is None:
            self.close()
        else:
            self.abort()


def write_documents(
    documents: Iterable[Document | Result],
    path: str | os.PathLike[str],
    format: str | None = None,
) -> int:
    """Write documents to ``path`` in input order, atomically; return how many were written.

    Args:
        documents: documents (or :class:`~nkcorpus.corpus.result.Result` objects).
        path: the output file; with Parquet the entities table goes next to it.
        format: ``"jsonl"`` or ``"parquet"``; by default from the suffix of ``path``.
    """

    def line(item: Document | Result) -> bytes:
        return item.data if isinstance(item, Result) else document_bytes(item)

    if output_format(path, format) == "parquet":
        with ParquetWriter(path) as writer:
            for item in documents:
                writer.write_line(line(item))
        return writer.count
    count = 0
    with atomic_write(path) as handle:
        for item in documents:
            (item if isinstance(item, Result) else Result.from_document(item)).write_to(handle)
            count += 1
    return count


def read_parquet(path: str | os.PathLike[str]) -> Iterator[Document]:
    """Read the documents table written by :class:`ParquetWriter`, lazily, in order."""
    import pyarrow.parquet as pq

    columns = ["raw", "text", "record"]
    for batch in pq.ParquetFile(path).iter_batches(batch_size=256, columns=columns):
        raws, texts, records = (batch.column(i).to_pylist() for i in range(3))
        for raw, text, record in zip(raws, texts, records, strict=True):
            data = json.loads(record)
            data["raw"], data["text"] = raw, text
            yield Document.from_dict(data)


def read_documents(path: str | os.PathLike[str], format: str | None = None) -> Iterator[Document]:
    """Read documents that nkcorpus wrote (JSON Lines or Parquet), lazily, in order."""
    if output_format(path, format) == "parquet":
        return read_parquet(path)
    from nkcorpus.serialization import read_jsonl

    return read_jsonl(path)
