"""pandas interop: documents and their entities as DataFrames.

>>> import nkcorpus
>>> from nkcorpus.corpus.frames import to_frames
>>> docs = [nkcorpus.process("Defectors met in Brussels.", config=nkcorpus.Config(ner="off"))]
>>> documents, entities = to_frames(docs)
>>> list(documents["status"]), len(entities)
(['ok'], 0)

The columns are those of the Parquet tables (:mod:`nkcorpus.corpus.writers`),
without the ``record`` column, text columns with pandas' ``string`` dtype: one
row per document in ``documents`` and one row per entity mention in
``entities``, joined on ``document_id`` (or on ``document_index``, the row
number of the document). Entity spans are given in
the clean text (``start``, ``end``) and in the raw text (``raw_start``,
``raw_end``). pandas is imported only when these functions run.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import Any

from nkcorpus.document import Document

__all__ = [
    "DOCUMENT_COLUMNS",
    "ENTITY_COLUMNS",
    "documents_frame",
    "entities_frame",
    "read_frames",
    "to_frames",
]

#: Columns of the documents frame, in order.
DOCUMENT_COLUMNS = (
    "id",
    "source",
    "status",
    "language",
    "title",
    "authors",
    "published",
    "outlet",
    "failure_stage",
    "failure_type",
    "failure_message",
    "entity_count",
    "raw",
    "text",
)

#: Columns of the entities frame, in order.
ENTITY_COLUMNS = (
    "document_id",
    "document_index",
    "start",
    "end",
    "raw_start",
    "raw_end",
    "text",
    "label",
    "canonical_id",
    "backend",
    "score",
)


def _document_row(document: Document) -> dict[str, Any]:
    failure = document.failure
    meta = document.metadata
    return {
        "id": document.id,
        "source": document.source,
        "status": document.status,
        "language": document.language,
        "title": meta.title,
        "authors": list(meta.authors),
        "published": meta.published,
        "outlet": meta.outlet,
        "failure_stage": failure.stage if failure else None,
        "failure_type": failure.error_type if failure else None,
        "failure_message": failure.message if failure else None,
        "entity_count": len(document.entities),
        "raw": document.raw,
        "text": document.text,
    }


def _entity_rows(document: Document, index: int) -> list[dict[str, Any]]:
    rows = []
    for entity in document.entities:
        raw = document.raw_span(entity.span)
        rows.append(
            {
                "document_id": document.id,
                "document_index": index,
                "start": entity.span.start,
                "end": entity.span.end,
                "raw_start": raw.start,
                "raw_end": raw.end,
                "text": entity.text,
                "label": entity.label,
                "canonical_id": entity.canonical_id,
                "backend": entity.source,
                "score": entity.score,
            }
        )
    return rows


_INTEGER_COLUMNS = ("document_index", "start", "end", "raw_start", "raw_end", "entity_count")


def _normalize(frame: Any) -> Any:
    """Give the columns the same dtypes however the frame was made.

    Integers are ``int64``, ``score`` is ``float64``, ``authors`` holds lists,
    and text columns use pandas' ``string`` dtype (missing values are ``pd.NA``).
    """
    for column in frame.columns:
        if column in _INTEGER_COLUMNS:
            frame[column] = frame[column].astype("int64")
        elif column == "score":
            frame[column] = frame[column].astype("float64")
        elif column == "authors":
            frame[column] = frame[column].map(list)
        else:
            frame[column] = frame[column].astype("string")
    return frame


def _frame(rows: list[dict[str, Any]], columns: tuple[str, ...]) -> Any:
    import pandas as pd

    return _normalize(pd.DataFrame.from_records(rows, columns=list(columns)))


def to_frames(documents: Iterable[Document]) -> tuple[Any, Any]:
    """Return ``(documents, entities)`` as two :class:`pandas.DataFrame` objects, in one pass.

    Args:
        documents: any iterable of documents, such as
            :func:`~nkcorpus.corpus.writers.read_documents` or a runner's output.
    """
    document_rows: list[dict[str, Any]] = []
    entity_rows: list[dict[str, Any]] = []
    for index, document in enumerate(documents):
        document_rows.append(_document_row(document))
        entity_rows.extend(_entity_rows(document, index))
    return _frame(document_rows, DOCUMENT_COLUMNS), _frame(entity_rows, ENTITY_COLUMNS)


def documents_frame(documents: Iterable[Document]) -> Any:
    """Return one row per document as a :class:`pandas.DataFrame` (see :data:`DOCUMENT_COLUMNS`)."""
    return _frame([_document_row(document) for document in documents], DOCUMENT_COLUMNS)


def entities_frame(documents: Iterable[Document]) -> Any:
    """Return one row per entity mention as a :class:`pandas.DataFrame` (:data:`ENTITY_COLUMNS`)."""
    rows: list[dict[str, Any]] = []
    for index, document in enumerate(documents):
        rows.extend(_entity_rows(document, index))
    return _frame(rows, ENTITY_COLUMNS)


def read_frames(path: str | os.PathLike[str], format: str | None = None) -> tuple[Any, Any]:
    """Return ``(documents, entities)`` frames of an output file written by nkcorpus.

    A Parquet output is read as the tables it holds (without the ``record``
    column); a JSON Lines output is read document by document.
    """
    from nkcorpus.corpus.writers import entities_path, output_format, read_documents

    if output_format(path, format) == "parquet":
        import pandas as pd

        documents = pd.read_parquet(path, columns=list(DOCUMENT_COLUMNS))
        entities = pd.read_parquet(entities_path(path), columns=list(ENTITY_COLUMNS))
        return _normalize(documents), _normalize(entities)
    return to_frames(read_documents(path, format))
