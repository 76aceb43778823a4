"""Corpus readers and writers: every format round-trips, bad records become failed records."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import attrs
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import nkcorpus
from nkcorpus.corpus.atomic import atomic_write
from nkcorpus.corpus.frames import read_frames, to_frames
from nkcorpus.corpus.inputs import detect_format, read_inputs, record_id
from nkcorpus.corpus.outputs import (
    ParquetWriter,
    entities_path,
    output_format,
    read_documents,
    write_documents,
)
from nkcorpus.corpus.tables import DOCUMENT_COLUMNS
from nkcorpus.document import Document, Entity, Span
from nkcorpus.errors import ConfigError
from nkcorpus.pipeline import make_document
from tests.strategies import documents

FUNCTION_TMP = [HealthCheck.function_scoped_fixture]

#: Record texts: any Unicode text except surrogates, with Korean and Chinese mixed in.
record_texts = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8", exclude_characters="\x00"),
        st.sampled_from("김정은 탈북자 金正恩 朝鲜 \r\n\t,\"'"),
    ),
    min_size=1,
    max_size=80,
)
record_ids = st.text(alphabet="abcdefghij0123456789-_", min_size=1, max_size=10)
records = st.lists(st.tuples(record_ids, record_texts), min_size=1, max_size=12)


def texts_of(items: list[object]) -> list[str]:
    """The text each reader item decodes to (as the pipeline would see it)."""
    return [make_document(item).raw for item in items]  # type: ignore[arg-type]


def test_directory_of_text_files_in_any_encoding(tmp_path: Path) -> None:
    """A tree of files in UTF-8, UTF-16, EUC-KR and GB18030 reads back as the same texts, sorted."""
    texts = {
        "a/utf8.txt": ("North Korean defectors met in Brussels.", "utf-8"),
        "a/b/utf16.txt": ("탈북자들이 브뤼셀에서 만났다.", "utf-16"),
        "c_euckr.txt": (
            "북한 인권 상황에 대한 유엔 회의가 열렸다. 탈북자들은 국제사회의 행동을 촉구했다.",
            "euc-kr",
        ),
        "d_gb.txt": ("朝鲜脱北者在布鲁塞尔举行首次全球会议，谴责金正恩政权的人权状况。", "gb18030"),
    }
    for name, (text, encoding) in texts.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode(encoding))
    (tmp_path / ".hidden.txt").write_text("skip me", encoding="utf-8")
    items = list(read_inputs([tmp_path]))
    # Sorted by name, the files of a folder before its subfolders.
    assert [Path(source).relative_to(tmp_path).as_posix() for _, source in items] == [
        "c_euckr.txt",
        "d_gb.txt",
        "a/utf8.txt",
        "a/b/utf16.txt",
    ]
    by_name = {
        Path(src).relative_to(tmp_path).as_posix(): make_document((data, src))
        for data, src in items
    }
    for name, (text, _) in texts.items():
        assert by_name[name].raw == text


@settings(suppress_health_check=FUNCTION_TMP, max_examples=40)
@given(rows=records)
def test_jsonl_records_round_trip(tmp_path: Path, rows: list[tuple[str, str]]) -> None:
    """Records written as JSON Lines read back with their texts and ids, in order."""
    path = tmp_path / "records.jsonl"
    path.write_text(
        "".join(json.dumps({"id": i, "body": t}, ensure_ascii=False) + "\n" for i, t in rows),
        encoding="utf-8",
    )
    items = list(read_inputs([path], text_field="body", id_field="id"))
    assert [text for text, _ in items] == [t for _, t in rows]
    assert [record_id(source) for _, source in items] == [i for i, _ in rows]
    assert all(source.startswith(f"{path}#") for _, source in items)


@settings(suppress_health_check=FUNCTION_TMP, max_examples=40)
@given(rows=records)
def test_csv_records_round_trip(tmp_path: Path, rows: list[tuple[str, str]]) -> None:
    """Records written with the csv module (quotes, commas, newlines) read back unchanged."""
    path = tmp_path / "records.csv"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["doc_id", "text"])
        writer.writerows(rows)
    items = list(read_inputs([path], id_field="doc_id"))
    assert texts_of(items) == [t for _, t in rows]
    assert [record_id(source) for _, source in items] == [i for i, _ in rows]


@settings(suppress_health_check=FUNCTION_TMP, max_examples=40)
@given(rows=records)
def test_parquet_records_round_trip(tmp_path: Path, rows: list[tuple[str, str]]) -> None:
    """Records in a Parquet file read back with their texts, named by row without an id field."""
    path = tmp_path / "records.parquet"
    pq.write_table(pa.table({"key": [i for i, _ in rows], "text": [t for _, t in rows]}), path)
    items = list(read_inputs([path]))
    assert [text for text, _ in items] == [t for _, t in rows]
    assert [source for _, source in items] == [f"{path}:{n}" for n in range(1, len(rows) + 1)]


def test_jsonl_from_stdin_and_csv_with_bad_bytes(tmp_path: Path) -> None:
    """Records come from standard input when a record format is named; CSV bytes that are not
    UTF-8 reach the pipeline as bytes, which detects their encoding."""
    stdin = io.BytesIO(b'{"text": "one"}\n\n{"text": "two"}\n')
    items = list(read_inputs(["-"], stdin, input_format="jsonl"))
    assert items == [("one", "<stdin>:1"), ("two", "<stdin>:3")]
    path = tmp_path / "legacy.csv"
    korean = "북한 인권 상황에 대한 유엔 회의가 뉴욕에서 열렸다"
    path.write_bytes(b"text\n" + korean.encode("euc-kr") + b"\n")
    (item,) = read_inputs([path])
    assert isinstance(item[0], bytes)
    assert make_document(item).raw == korean


def test_broken_records_each_become_one_failed_record(tmp_path: Path) -> None:
    """Broken JSON, non-objects, a missing text field and invalid UTF-8 lines fail one by one;
    the good lines around them are read."""
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(
        b'{"text": "good one"}\n'
        b'{"text": "unterminated\n'
        b"[1, 2, 3]\n"
        b'{"body": "wrong field"}\n'
        b'{"text": null}\n'
        b'{"text": "\xff\xfe not utf-8"}\n'
        b'{"text": "good two"}\n'
    )
    items = list(read_inputs([path]))
    assert len(items) == 7
    assert items[0] == ("good one", f"{path}:1")
    assert items[6] == ("good two", f"{path}:7")
    for item in items[1:6]:
        assert isinstance(item, Document) and item.failure is not None
        assert item.failure.stage == "read"
    assert "not valid JSON" in items[1].failure.message  # type: ignore[union-attr]
    assert "--text-field" in items[3].failure.message  # type: ignore[union-attr]


def test_record_file_without_the_text_column(tmp_path: Path) -> None:
    """A CSV or Parquet file without the text column gives one failed record naming the columns."""
    (tmp_path / "a.csv").write_text("title,body\nx,y\n", encoding="utf-8")
    pq.write_table(pa.table({"body": ["x"]}), tmp_path / "b.parquet")
    (tmp_path / "c.parquet").write_bytes(b"not parquet at all")
    items = list(read_inputs([tmp_path]))
    assert len(items) == 3
    assert all(isinstance(item, Document) and not item.ok for item in items)
    assert "columns: title, body" in items[0].failure.message  # type: ignore[union-attr]
    assert "Parquet" in items[2].failure.message  # type: ignore[union-attr]


@settings(suppress_health_check=FUNCTION_TMP, max_examples=30)
@given(skip=st.integers(0, 12))
def test_skip_leaves_out_exactly_the_first_inputs(
    tmp_path: Path, seed_paths: list[Path], skip: int
) -> None:
    """Skipping k inputs (a resumed run) gives exactly the inputs after the first k."""
    jsonl = tmp_path / "r.jsonl"
    if not jsonl.exists():
        jsonl.write_text("".join(f'{{"text": "t{i}"}}\n' for i in range(4)), encoding="utf-8")
    inputs = [seed_paths[0].parent, jsonl, tmp_path / "missing.txt", seed_paths[1]]
    full = list(read_inputs(inputs))
    assert len(full) == 11
    assert list(read_inputs(inputs, skip=skip)) == full[skip:]


def test_format_names() -> None:
    """Formats come from suffixes unless named; unknown names are usage errors."""
    assert detect_format("x.NDJSON") == "jsonl"
    assert detect_format("x.jsonl", "text") == "text"
    assert output_format("x.parquet") == "parquet"
    assert output_format("x.parquet", "jsonl") == "jsonl"
    with pytest.raises(ConfigError):
        output_format("x", "xml")
    with pytest.raises(ConfigError):
        list(read_inputs(["x"], input_format="xml"))


@settings(suppress_health_check=FUNCTION_TMP, max_examples=50)
@given(docs=st.lists(documents(), max_size=6), fmt=st.sampled_from(["jsonl", "parquet"]))
def test_writers_round_trip(tmp_path: Path, docs: list[Document], fmt: str) -> None:
    """Documents written as JSON Lines or Parquet read back equal, in order."""
    path = tmp_path / f"out.{fmt}"
    assert write_documents(docs, path) == len(docs)
    assert list(read_documents(path)) == docs
    if fmt == "parquet":
        entities = pq.read_table(entities_path(path)).to_pylist()
        assert len(entities) == sum(len(d.entities) for d in docs)
        flat = [(i, e) for i, d in enumerate(docs) for e in d.entities]
        for row, (index, entity) in zip(entities, flat, strict=True):
            raw = docs[index].raw_span(entity.span)
            assert (row["document_index"], row["start"], row["end"]) == (
                index,
                entity.span.start,
                entity.span.end,
            )
            assert (row["raw_start"], row["raw_end"]) == (raw.start, raw.end)
            assert row["label"] == entity.label


def test_failed_write_leaves_the_old_output(tmp_path: Path) -> None:
    """A write that fails halfway leaves the previous file as it was, and no temporary file."""
    path = tmp_path / "out.jsonl"
    path.write_text("old\n", encoding="utf-8")

    def broken() -> object:
        yield Document.from_raw("one")
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        write_documents(broken(), path)  # type: ignore[arg-type]
    assert path.read_text(encoding="utf-8") == "old\n"
    with pytest.raises(RuntimeError), ParquetWriter(tmp_path / "p.parquet") as writer:
        writer.write(Document.from_raw("one"))
        raise RuntimeError("stop")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl"]
    with atomic_write(tmp_path / "x") as handle:
        handle.write(b"x")
    assert (tmp_path / "x").read_bytes() == b"x"


def _with_entities() -> list[Document]:
    """Two processed documents with entities found by string search, and one failed document."""
    docs = []
    for text in ("Kim Jong-un met defectors in Brussels.", "  \r\n김정은 위원장\r\n"):
        doc = nkcorpus.process(text, config=nkcorpus.Config(ner="off"))
        entities = [
            Entity(Span(i, i + len(word)), word, "PER")
            for word in ("Kim Jong-un", "Brussels", "김정은")
            if (i := doc.text.find(word)) >= 0
        ]
        docs.append(attrs.evolve(doc, entities=entities))
    docs.append(nkcorpus.process(b"", config=nkcorpus.Config(ner="off")))
    return docs


def test_frames_from_documents_and_from_files(tmp_path: Path) -> None:
    """DataFrames list each document and each entity with clean and raw spans; the same frames
    come from the documents, a JSONL output and a Parquet output."""
    docs = _with_entities()
    documents_df, entities_df = to_frames(docs)
    assert list(documents_df.columns) == list(DOCUMENT_COLUMNS)
    assert list(documents_df["status"]) == ["ok", "ok", "failed"]
    assert len(entities_df) == sum(len(d.entities) for d in docs)
    for row in entities_df.itertuples():
        doc = docs[row.document_index]
        assert doc.text[row.start : row.end] == row.text
        assert doc.raw[row.raw_start : row.raw_end] == row.text
    for name in ("out.jsonl", "out.parquet"):
        write_documents(docs, tmp_path / name)
        again_docs, again_entities = read_frames(tmp_path / name)
        pd.testing.assert_frame_equal(again_docs, documents_df)
        pd.testing.assert_frame_equal(again_entities, entities_df)
