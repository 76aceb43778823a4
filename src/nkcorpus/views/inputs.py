"""Open an output of ``nkcorpus process`` whatever its suffix, with clear errors otherwise.

:func:`read_output` looks at the first bytes of the file rather than trusting
its name: a Parquet file (``PAR1``) is read as the documents table, text as
JSON Lines; a binary file, an entities table, or a Parquet file that nkcorpus
did not write gives an :class:`~nkcorpus.errors.InputError` that says what the
file is and what to pass instead.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from nkcorpus.document import Document
from nkcorpus.errors import InputError
from nkcorpus.serialization import read_records

__all__ = ["read_output", "read_output_records", "sniff"]

_PARQUET_MAGIC = b"PAR1"
_SNIFF_BYTES = 64 * 1024


def sniff(path: str | os.PathLike[str]) -> str:
    """Return ``"parquet"`` or ``"jsonl"`` for an output file, from its content.

    Raises:
        InputError: when the file is missing, a directory, or binary but not Parquet.
    """
    target = Path(path)
    if not target.exists():
        raise InputError(f"{target}: no such file; pass the output of 'nkcorpus process'")
    if target.is_dir():
        raise InputError(f"{target} is a directory; pass the output file of 'nkcorpus process'")
    with open(target, "rb") as handle:
        head = handle.read(_SNIFF_BYTES)
    if head.startswith(_PARQUET_MAGIC):
        return "parquet"
    try:
        head.decode("utf-8")
        binary = b"\x00" in head
    except UnicodeDecodeError as error:
        # A multi-byte character may be cut at the end of the sample.
        binary = error.start < len(head) - 4 or b"\x00" in head
    if binary:
        raise InputError(
            f"{target} is a binary file, not JSON Lines or Parquet written by 'nkcorpus process'; "
            "run 'nkcorpus process' on it first"
        )
    return "jsonl"


def _check_parquet(path: Path) -> None:
    import pyarrow.parquet as pq

    try:
        names = set(pq.ParquetFile(path).schema_arrow.names)
    except Exception as error:  # pyarrow raises several kinds for a damaged file
        raise InputError(f"{path} starts like Parquet but cannot be read: {error}") from error
    if {"raw", "text", "record"} <= names:
        return
    if {"document_id", "label", "canonical_id"} <= names:
        documents = path.with_name(path.name.replace(".entities.parquet", ".parquet"))
        raise InputError(
            f"{path} is the entities table of an nkcorpus output; pass the documents table "
            f"({documents}) instead"
        )
    raise InputError(
        f"{path} is a Parquet file that 'nkcorpus process' did not write (its columns are "
        f"{', '.join(sorted(names)[:8])}); to process its records run "
        f"'nkcorpus process {path} -o out.parquet' first"
    )


def _parquet_records(path: Path) -> Iterator[dict[str, Any]]:
    import pyarrow.parquet as pq

    for batch in pq.ParquetFile(path).iter_batches(batch_size=512, columns=["text", "record"]):
        texts, records = batch.column(0).to_pylist(), batch.column(1).to_pylist()
        for text, record in zip(texts, records, strict=True):
            data = json.loads(record)
            data["text"] = text
            yield data


def _jsonl_records(handle: IO[str]) -> Iterator[dict[str, Any]]:
    for _number, data in read_records(handle):
        yield data


def read_output_records(path: str | os.PathLike[str]) -> Iterator[dict[str, Any]]:
    """Read an nkcorpus output as JSON records (:meth:`Document.to_dict` form), lazily.

    Faster than :func:`read_output` when only some fields are needed. A
    Parquet record holds ``text`` but not ``raw``.

    Raises:
        InputError: for a file that is not such an output (see :func:`sniff`).
        SerializationError: for a JSON Lines line that is not a JSON object.
    """
    if str(path) == "-":
        yield from _jsonl_records(sys.stdin)
        return
    target = Path(path)
    if sniff(target) == "parquet":
        _check_parquet(target)
        yield from _parquet_records(target)
        return
    with open(target, encoding="utf-8", errors="replace") as handle:
        yield from _jsonl_records(handle)


def read_output(path: str | os.PathLike[str]) -> Iterator[Document]:
    """Read the documents of an nkcorpus output (JSON Lines or Parquet, or ``-``), lazily.

    Raises:
        InputError: for a file that is not such an output (see :func:`sniff`).
        SerializationError: for a JSON Lines file with a line that is not a document.
    """
    from nkcorpus.serialization import read_jsonl

    if str(path) == "-":
        return read_jsonl(sys.stdin)
    if sniff(path) == "parquet":
        from nkcorpus.corpus.outputs import read_parquet

        _check_parquet(Path(path))
        return read_parquet(path)
    return read_jsonl(path)
