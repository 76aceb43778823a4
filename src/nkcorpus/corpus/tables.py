"""The two tables of a corpus, defined once: documents and entity mentions.

The Parquet writer, the Parquet and Dask dataset readers and the pandas frames all take
their columns, types and rows from here, so adding a column is one edit.

- ``documents``: one row per document (:data:`DOCUMENT_TABLE`); Parquet files add the
  :data:`RECORD_COLUMN`, the whole document as JSON, so that it reads back exactly.
- ``entities``: one row per entity mention (:data:`ENTITY_TABLE`), joined to its document
  on ``document_id`` or on ``document_index`` (the document's row number). Spans are
  given in the clean text (``start``, ``end``) and in the raw text (``raw_start``,
  ``raw_end``).

Rows are built from a document's JSON form (:meth:`Document.to_dict
<nkcorpus.Document.to_dict>`), the form that worker processes send back.

>>> import nkcorpus
>>> doc = nkcorpus.Document.from_raw("Kim Jong Un")
>>> document_row(doc.to_dict())["status"]
'ok'
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from nkcorpus.spans import OffsetMap, Span

__all__ = [
    "DOCUMENT_COLUMNS",
    "DOCUMENT_TABLE",
    "ENTITY_COLUMNS",
    "ENTITY_TABLE",
    "RECORD_COLUMN",
    "arrow_schemas",
    "document_row",
    "entity_rows",
    "normalize_frame",
]

#: The columns of the documents table as ``(column, type)`` pairs. The types are
#: ``string``, ``large_string``, ``strings`` (a list of strings), ``int32``, ``int64``
#: and ``float64``.
DOCUMENT_TABLE: tuple[tuple[str, str], ...] = (
    ("id", "string"),
    ("source", "string"),
    ("status", "string"),
    ("language", "string"),
    ("title", "string"),
    ("authors", "strings"),
    ("published", "string"),
    ("outlet", "string"),
    ("failure_stage", "string"),
    ("failure_type", "string"),
    ("failure_message", "string"),
    ("entity_count", "int32"),
    ("raw", "large_string"),
    ("text", "large_string"),
)

#: The columns of the entities table as ``(column, type)`` pairs.
ENTITY_TABLE: tuple[tuple[str, str], ...] = (
    ("document_id", "string"),
    ("document_index", "int64"),
    ("start", "int64"),
    ("end", "int64"),
    ("raw_start", "int64"),
    ("raw_end", "int64"),
    ("text", "string"),
    ("label", "string"),
    ("canonical_id", "string"),
    ("backend", "string"),
    ("score", "float64"),
)

#: The column of Parquet documents tables that holds the whole document as JSON.
RECORD_COLUMN = "record"

#: Columns of the documents frame, in order.
DOCUMENT_COLUMNS = tuple(name for name, _type in DOCUMENT_TABLE)
#: Columns of the entities frame, in order.
ENTITY_COLUMNS = tuple(name for name, _type in ENTITY_TABLE)

_TYPES = {name: kind for name, kind in (*DOCUMENT_TABLE, *ENTITY_TABLE)}


def arrow_schemas() -> tuple[Any, Any]:
    """Return the pyarrow schemas ``(documents, entities)`` of the Parquet tables."""
    import pyarrow as pa

    types = {
        "string": pa.string(),
        "large_string": pa.large_string(),
        "strings": pa.list_(pa.string()),
        "int32": pa.int32(),
        "int64": pa.int64(),
        "float64": pa.float64(),
    }
    documents = pa.schema(
        [(name, types[kind]) for name, kind in DOCUMENT_TABLE]
        + [(RECORD_COLUMN, pa.large_string())]
    )
    entities = pa.schema([(name, types[kind]) for name, kind in ENTITY_TABLE])
    return documents, entities


def document_row(data: Mapping[str, Any], *, record: bool = False) -> dict[str, Any]:
    """Return the documents-table row of a document in its JSON form.

    With ``record``, the row also holds :data:`RECORD_COLUMN`.
    """
    metadata = data["metadata"]
    failure = data["failure"] or {}
    row = {
        "id": data["id"],
        "source": data["source"],
        "status": data["status"],
        "language": data["language"],
        "title": metadata["title"],
        "authors": list(metadata["authors"]),
        "published": metadata["published"],
        "outlet": metadata["outlet"],
        "failure_stage": failure.get("stage"),
        "failure_type": failure.get("error_type"),
        "failure_message": failure.get("message"),
        "entity_count": len(data["entities"]),
        "raw": data["raw"],
        "text": data["text"],
    }
    if record:
        row[RECORD_COLUMN] = json.dumps(data, ensure_ascii=False, allow_nan=False)
    return row


def entity_rows(data: Mapping[str, Any], index: int) -> list[dict[str, Any]]:
    """Return the entities-table rows of a document in its JSON form, row number ``index``."""
    if not data["entities"]:
        return []
    offsets = OffsetMap(tuple(tuple(run) for run in data["offsets"]["runs"]))
    rows = []
    for entity in data["entities"]:
        span = Span(entity["span"]["start"], entity["span"]["end"])
        raw_span = offsets.to_raw(span)
        rows.append(
            {
                "document_id": data["id"],
                "document_index": index,
                "start": span.start,
                "end": span.end,
                "raw_start": raw_span.start,
                "raw_end": raw_span.end,
                "text": entity["text"],
                "label": entity["label"],
                "canonical_id": entity["canonical_id"],
                "backend": entity["source"],
                "score": entity["score"],
            }
        )
    return rows


def normalize_frame(frame: Any) -> Any:
    """Give a frame's columns their table types however it was made.

    Integers are ``int64``, floats ``float64``, ``authors`` holds lists, and text
    columns use pandas' ``string`` dtype (missing values are ``pd.NA``).
    """
    for column in frame.columns:
        kind = _TYPES.get(column, "string")
        if kind in ("int32", "int64"):
            frame[column] = frame[column].astype("int64")
        elif kind == "float64":
            frame[column] = frame[column].astype("float64")
        elif kind == "strings":
            frame[column] = frame[column].map(list)
        else:
            frame[column] = frame[column].astype("string")
    return frame
