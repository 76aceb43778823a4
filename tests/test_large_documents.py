"""Large documents: memory that grows with the input by a bounded number of bytes per byte.

The bounds are ratios measured inside the test (Python's allocations, traced with
:mod:`tracemalloc`, per input byte), never wall-clock or machine-dependent figures.
``benchmarks/bench_large.py`` reports the same in peak RSS per input MB at 1 to 50 MB.
"""

from __future__ import annotations

import gc
import io
import json
import tracemalloc
from collections.abc import Iterator
from pathlib import Path
from unittest import mock

import numpy as np
import pytest
from benchmarks.bench_large import make_document as make_large_document
from hypothesis import given
from hypothesis import strategies as st

from nkcorpus import serialization
from nkcorpus.corpus import result as result_module
from nkcorpus.corpus.result import Result, document_bytes
from nkcorpus.document import Document
from nkcorpus.entities import gazetteer as gazetteer_module
from nkcorpus.errors import SerializationError
from nkcorpus.language import evidence, segment
from nkcorpus.pipeline import Pipeline
from nkcorpus.text import scripts

from .strategies import documents

#: The size of the document the memory tests run the default pipeline on.
SIZE = 256 * 1024
#: The most the pipeline may hold at once, in bytes per input byte (the goal for
#: peak memory is under 20 bytes per input byte; before the language evidence was
#: kept per paragraph and the JSON line written in pieces, this was about 38).
PEAK_PER_BYTE = 20.0


@pytest.fixture(scope="module")
def large_input(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """A mixed English, Korean and Chinese document of about :data:`SIZE` bytes."""
    return make_large_document(SIZE, tmp_path_factory.mktemp("large")).read_bytes()


@pytest.fixture(scope="module")
def pipeline(large_input: bytes) -> Iterator[Pipeline]:
    """The default pipeline, its models loaded (they are a fixed cost, not per byte)."""
    with Pipeline() as warm:
        warm(large_input[:20000])
        yield warm


@pytest.fixture(scope="module")
def processed(pipeline: Pipeline, large_input: bytes) -> Document:
    """The large document through the default pipeline."""
    return pipeline((large_input, "large.txt"))


def _traced(function: object, *args: object) -> tuple[object, int, int]:
    """Run ``function(*args)``; return its result, the traced memory before it and the
    peak during it, in bytes."""
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        result = function(*args)  # type: ignore[operator]
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return result, before, peak


def test_peak_memory_per_input_byte_is_bounded(pipeline: Pipeline, large_input: bytes) -> None:
    """A large document goes through the default pipeline and into its JSON line holding
    fewer than 20 bytes per input byte at any moment (it was about 38)."""

    def run(data: bytes) -> Result:
        return Result.from_document(pipeline((data, "large.txt")))

    result, before, peak = _traced(run, large_input)
    assert isinstance(result, Result) and result.status == "ok"
    per_byte = (peak - before) / len(large_input)
    assert per_byte < PEAK_PER_BYTE, f"{per_byte:.1f} bytes per input byte"


def test_the_json_line_of_a_large_document_is_made_without_a_second_copy(
    processed: Document,
) -> None:
    """Serializing a processed document holds its JSON line once (as UTF-8), not the
    dicts of ``to_dict()`` plus a string plus its encoding."""
    document = processed
    data, before, peak = _traced(document_bytes, document)
    assert isinstance(data, bytes)
    assert peak - before < 1.3 * len(data) + 2**20, (peak - before) / len(data)
    assert json.loads(data) == document.to_dict()


@given(documents())
def test_json_pieces_join_into_the_json_of_to_dict(document: Document) -> None:
    """The JSON written a piece at a time is exactly ``json.dumps(doc.to_dict())``, with
    texts and lists cut into many pieces."""
    with (
        mock.patch.object(serialization, "_ITEMS_PER_PIECE", 2),
        mock.patch.object(serialization, "_CHARACTERS_PER_PIECE", 3),
    ):
        expected = json.dumps(document.to_dict(), ensure_ascii=False, allow_nan=False)
        assert "".join(serialization.iter_document_json(document)) == expected
        try:
            encoded = expected.encode("utf-8")
        except UnicodeEncodeError:
            with pytest.raises(SerializationError, match="lone surrogate"):
                document_bytes(document)
        else:
            assert document_bytes(document) == encoded
            assert Result.from_document(document).line == expected


@given(documents(), st.integers(0, 400), st.integers(1, 64), st.sampled_from([None, "b.txt"]))
def test_a_compressed_line_writes_and_reads_back_the_same(
    document: Document, pack_above: int, piece: int, source: str | None
) -> None:
    """A long line travels compressed; written out (a piece at a time), read back, or
    given another source, it is byte for byte the line a short one would be."""
    try:
        expected = json.dumps(document.to_dict(), ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return  # a lone surrogate: refused, as tested above
    with (
        mock.patch.object(result_module, "PACK_ABOVE", pack_above),
        mock.patch.object(result_module, "_PIECE", piece),
    ):
        result = Result.from_document(document)
        assert result.compressed == (len(expected) > pack_above)
        assert result.data == expected and result.line == expected.decode("utf-8")
        handle = io.BytesIO()
        result.write_to(handle)
        assert handle.getvalue() == expected + b"\n"
        assert result.document() == document
        moved = result.with_source(source)
        assert json.loads(moved.data) == {**json.loads(expected), "source": source}
        assert moved.compressed == result.compressed


def test_a_lone_surrogate_is_named_in_the_error() -> None:
    """A document that holds a lone surrogate cannot become UTF-8; the error names it."""
    document = Document.from_raw("North Korea \ud800 report")
    with pytest.raises(SerializationError, match=r"lone surrogate '\\ud800'"):
        document_bytes(document)


_SCRIPT_TEXT = st.text(
    alphabet=st.sampled_from(list("ab Z.,1\n김정은金正恩国國あアЖ")), max_size=80
)


@given(_SCRIPT_TEXT, st.integers(1, 9), st.lists(st.integers(0, 80), max_size=6))
def test_script_arrays_read_in_pieces_agree_with_the_whole_text(
    text: str, chunk: int, cuts: list[int]
) -> None:
    """Script classes, class counts, letter runs and running counts are the same whether
    the text is read in pieces of any size or all at once."""
    whole = scripts.classify(text)
    runs = segment._letter_runs(whole)
    positions = np.asarray(sorted(min(c, len(text)) for c in cuts), dtype=np.intp)
    with mock.patch.object(scripts, "CHUNK", chunk):
        pieces = scripts.classify(text)
        assert pieces.tolist() == whole.tolist()
        assert (
            scripts.class_counts(pieces)
            == np.bincount(whole, minlength=len(scripts.SCRIPT_NAMES)).tolist()
        )
        assert segment._letter_runs(pieces) == runs
        for code in (scripts.LATIN, scripts.HANGUL, scripts.HAN):
            counted = evidence._running_counts(pieces, code, positions[::-1])
            expected = [int((whole[:p] == code).sum()) for p in positions[::-1]]
            assert counted.tolist() == expected


#: Names in the three scripts (an ambiguous one too), with words and spaces around them.
_WORDS = (
    "Kim Jong-un|김정은|金正恩|North Korea|북한|朝鲜|Pyongyang|Seoul|DPRK|UN"
    "| |, |의 |위원장|在|平壤|Washington|\n\n|said"
)
_NAME_TEXT = st.lists(st.sampled_from(_WORDS.split("|")), max_size=30)


@given(_NAME_TEXT, st.integers(1, 12))
def test_names_found_a_window_at_a_time_are_those_of_the_whole_text(
    words: list[str], window: int
) -> None:
    """The gazetteer's automaton reads a long text a window at a time; the mentions it
    finds are the same for any window size."""
    gazetteer = gazetteer_module.load_gazetteer()
    text = "".join(words)
    whole = gazetteer.find(text)
    with mock.patch.object(gazetteer_module, "_WINDOW", window):
        assert gazetteer.find(text) == whole


def test_a_large_document_output_file_is_its_json_line(processed: Document, tmp_path: Path) -> None:
    """The line written for a large document reads back as the same document."""
    from nkcorpus.corpus.outputs import read_documents, write_documents

    document = processed
    out = tmp_path / "out.jsonl"
    assert write_documents([Result.from_document(document)], out) == 1
    (again,) = read_documents(out)
    assert again == document
