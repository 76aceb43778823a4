"""pandas interop: documents and their entities as DataFrames.

>>> import nkcorpus
>>> from nkcorpus.corpus.frames import to_frames
>>> docs = [nkcorpus.process("Defectors met in Brussels.", config=nkcorpus.Config(ner="off"))]
>>> documents, entities = to_frames(docs)
>>> list(documents["status"]), len(entities)
(['ok'], 0)

The columns are those of the Parquet tables (:mod:`nkcorpus.corpus.tables`),
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

from nkcorpus.corpus.tables import DOCUMENT_COLUMNS, ENTITY_COLUMNS, document_row, normalize_frame
from nkcorpus.corpus.tables import entity_rows as rows_of_entities
from nkcorpus.document import Document

__all__ = [
    "documents_frame",
    "entities_frame",
    "read_frames",
    "to_frames",
]

def _frame(rows: list[dict[str, Any]], columns: tuple[str, ...]) -> Any:
    import pandas as pd

    return normalize_frame(pd.DataFrame.from_records(rows, columns=list(columns)))


def to_frames(documents: Iterable[Document]) -> tuple[Any, Any]:
    """Return ``(documents, entities)`` as two :class:`pandas.DataFrame` objects, in one pass.

    Args:
        documents: any iterable of documents, such as
            :func:`~nkcorpus.corpus.outputs.read_documents` or a runner's output.
    """
    document_rows: list[dict[str, Any]] = []
    entity_rows: list[dict[str, Any]] = []
    for index, document in enumerate(documents):
        data = document.to_dict()
        document_rows.append(document_row(data))
        entity_rows.extend(rows_of_entities(data, index))
    return _frame(document_rows, DOCUMENT_COLUMNS), _frame(entity_rows, ENTITY_COLUMNS)


def documents_frame(documents: Iterable[Document]) -> Any:
    """Return one row per document as a :class:`pandas.DataFrame`.

    The columns are :data:`~nkcorpus.corpus.tables.DOCUMENT_COLUMNS`.
    """
    return _frame([document_row(document.to_dict()) for document in documents], DOCUMENT_COLUMNS)


def entities_frame(documents: Iterable[Document]) -> Any:
    """Return one row per entity mention as a :class:`pandas.DataFrame`.

    The columns are :data:`~nkcorpus.corpus.tables.ENTITY_COLUMNS`.
    """
    rows: list[dict[str, Any]] = []
    for index, document in enumerate(documents):
        rows.extend(rows_of_entities(document.to_dict(), index))
    return _frame(rows, ENTITY_COLUMNS)


def read_frames(path: str | os.PathLike[str], format: str | None = None) -> tuple[Any, Any]:
    """Return ``(documents, entities)`` frames of an output file written by nkcorpus.

    A Parquet output is read as the tables it holds (without the ``record``
    column); a JSON Lines output is read document by document.
    """
    from nkcorpus.corpus.outputs import entities_path, output_format, read_documents

    if output_format(path, format) == "parquet":
        import pandas as pd

        documents = pd.read_parquet(path, columns=list(DOCUMENT_COLUMNS))
        entities = pd.read_parquet(entities_path(path), columns=list(ENTITY_COLUMNS))
        return normalize_frame(documents), normalize_frame(entities)
    return to_frames(read_documents(path, format))
