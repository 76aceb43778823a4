"""Fuzzing the readers and Document.from_dict: no exception escapes, N inputs give N items."""

from __future__ import annotations

import contextlib
import io
import json
import os
import string
import tempfile
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
from hypothesis import given, settings
from hypothesis import strategies as st

from nkcorpus.corpus.inputs import read_inputs
from nkcorpus.document import Document
from nkcorpus.errors import SerializationError
from nkcorpus.pipeline import make_document
from tests.strategies import documents

# JSON values as json.loads gives them, lone surrogates included.
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=8,
)


def written(item: Any) -> None:
    """Each item becomes a document whose record can be written as UTF-8 JSON."""
    document = make_document(item)
    json.dumps(document.to_dict(), ensure_ascii=False).encode("utf-8")


@settings(max_examples=60)
@given(st.lists(st.binary(max_size=60) | json_values.map(json.dumps), max_size=8))
def test_jsonl_lines_give_one_item_each(lines: list[Any]) -> None:
    """Any JSON Lines bytes: one item per non-blank line, none raises, every item writable."""
    data = b"\n".join(
        line.replace(b"\n", b" ")
        if isinstance(line, bytes)
        else line.encode("utf-8", "surrogatepass")
        for line in lines
    )
    items = list(read_inputs(["-"], io.BytesIO(data), input_format="jsonl"))
    assert len(items) == sum(1 for line in data.split(b"\n") if line.strip())
    for item in items:
        written(item)


@settings(max_examples=60)
@given(
    st.lists(st.tuples(st.binary(max_size=20), st.binary(max_size=40)), max_size=6),
)
def test_csv_rows_give_one_item_each(rows: list[tuple[bytes, bytes]]) -> None:
    """A CSV of arbitrary bytes (quoted fields): one item per row, or one failed record for a
    file that cannot be read further; nothing raises."""

    def quote(value: bytes) -> bytes:
        return b'"' + value.replace(b'"', b'""') + b'"'

    data = b"id,text\r\n" + b"".join(quote(a) + b"," + quote(b) + b"\r\n" for a, b in rows)
    items = list(read_inputs(["-"], io.BytesIO(data), input_format="csv", id_field="id"))
    assert len(items) == len(rows) or isinstance(items[-1], Document)
    for item in items:
        written(item)


@settings(max_examples=30)
@given(
    st.lists(st.none() | st.text(max_size=30) | st.integers(-(2**63), 2**63 - 1), max_size=6),
    st.binary(max_size=8),
)
def test_parquet_rows_give_one_item_each(values: list[Any], tail: bytes) -> None:
    """Parquet rows of text, nulls or numbers: one item each; a damaged file is one failed record."""
    kinds = {type(v) for v in values if v is not None}
    if len(kinds) > 1:
        values = [None if v is None else str(v) for v in values]
    buffer = io.BytesIO()
    pq.write_table(pa.table({"text": pa.array(values)}), buffer)
    items = list(read_inputs(["-"], io.BytesIO(buffer.getvalue()), input_format="parquet"))
    assert len(items) == len(values)
    for item in items:
        written(item)
    damaged = list(
        read_inputs(["-"], io.BytesIO(buffer.getvalue()[:-12] + tail), input_format="parquet")
    )
    assert damaged and all(isinstance(item, (tuple, Document)) for item in damaged)


names = st.text(alphabet=string.ascii_letters + "._-", min_size=1, max_size=8).filter(
    lambda n: n not in (".", "..")
)


@settings(max_examples=30)
@given(
    st.dictionaries(
        st.lists(names, min_size=1, max_size=3).map(tuple), st.binary(max_size=30), max_size=6
    )
)
def test_folders_give_one_item_per_visible_file(tree: dict[tuple[str, ...], bytes]) -> None:
    """Any folder tree: one item per file not hidden, names sorted, nothing raises."""
    with tempfile.TemporaryDirectory() as root:
        made = []
        for parts, data in tree.items():
            path = Path(root, *parts)
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(data)
            except (FileExistsError, NotADirectoryError, IsADirectoryError):
                continue
            made.append(path)
        visible = [
            p
            for p in Path(root).rglob("*")
            if p.is_file() and not any(part.startswith(".") for part in p.relative_to(root).parts)
        ]
        items = list(read_inputs([root], input_format="text"))
        assert len(items) == len(visible)
        for item in items:
            written(item)
        assert os.path.isdir(root)


@settings(max_examples=100)
@given(json_values)
def test_from_dict_gives_a_document_or_a_serialization_error(data: Any) -> None:
    """Document.from_dict on any JSON value: a document or SerializationError, nothing else."""
    with contextlib.suppress(SerializationError):
        Document.from_dict(data)


@settings(max_examples=60)
@given(
    documents(),
    st.sampled_from(["raw", "text", "id", "status", "entities", "offsets"]),
    json_values,
)
def test_from_dict_with_one_field_replaced(document: Document, field: str, value: Any) -> None:
    """A valid document with one field swapped for any JSON value: it round-trips or fails
    with SerializationError, and a document it gives back is valid again."""
    data = document.to_dict()
    assert Document.from_dict(data) == document
    data[field] = value
    try:
        rebuilt = Document.from_dict(data)
    except SerializationError:
        return
    assert Document.from_dict(rebuilt.to_dict()) == rebuilt
