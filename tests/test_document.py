"""The document model: immutability, ids, offsets and the JSON round-trip."""

from __future__ import annotations

import io
import json
import re

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import nkcorpus
from nkcorpus.document import Document, Entity, OffsetMap, Span, Step, document_id
from nkcorpus.errors import SerializationError

from .strategies import documents, offset_maps, spans, texts


@given(documents())
def test_json_round_trip_is_lossless(document: Document) -> None:
    """A document survives to_dict, JSON text and from_dict unchanged."""
    data = json.loads(json.dumps(document.to_dict(), ensure_ascii=False))
    assert Document.from_dict(data) == document


def _json_types_only(value: object) -> bool:
    if isinstance(value, dict):
        return all(isinstance(k, str) and _json_types_only(v) for k, v in value.items())
    if isinstance(value, list):
        return all(_json_types_only(v) for v in value)
    return value is None or isinstance(value, (str, int, float, bool))


@given(documents())
def test_to_dict_is_plain_json(document: Document) -> None:
    """to_dict() holds only JSON types: what JSON reads back is equal to it, and it rebuilds."""
    data = document.to_dict()
    assert _json_types_only(data)
    assert json.loads(json.dumps(data)) == data
    assert Document.from_dict(data) == document


@given(st.lists(documents(), max_size=4))
def test_records_read_back_from_jsonl_round_trip(docs: list[Document]) -> None:
    """A record read from a JSONL file equals to_dict() of the document read from it."""
    buffer = io.StringIO()
    nkcorpus.write_jsonl(docs, buffer)
    records = [json.loads(line) for line in buffer.getvalue().split("\n") if line]
    assert len(records) == len(docs)
    for record, document in zip(records, docs, strict=True):
        assert Document.from_dict(record).to_dict() == record
        assert Document.from_dict(record) == document


@given(documents())
def test_evolve_without_changes_is_equal(document: Document) -> None:
    """attrs.evolve with no changes gives an equal document with an equal hash."""
    copy = attrs.evolve(document)
    assert copy == document
    assert hash(copy) == hash(document)


@given(texts)
def test_ids_are_stable(text: str) -> None:
    """The same content always gives the same id, for str and for its UTF-8 bytes."""
    assert document_id(text) == document_id(text)
    assert document_id(text) == document_id(text.encode("utf-8", "surrogatepass"))


@given(texts, texts)
def test_ids_differ_for_different_content(a: str, b: str) -> None:
    """Different content gives different ids."""
    if a != b:
        assert document_id(a) != document_id(b)


def test_documents_are_deeply_frozen() -> None:
    """No attribute of a document, or of what it holds, can be set, and lists become tuples."""
    doc = Document.from_raw("Kim Jong-un")
    doc = attrs.evolve(doc, entities=[Entity(Span(0, 11), "Kim Jong-un", "PER")])
    assert isinstance(doc.entities, tuple)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        doc.text = "x"  # type: ignore[misc]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        doc.entities[0].label = "ORG"  # type: ignore[misc]
    step = Step("clean", "1", {"rules": ["a", "b"]})
    assert step.parameters == (("rules", ("a", "b")),)


def test_status_and_failure_agree() -> None:
    """A failed document must carry a failure, and an ok one must not."""
    with pytest.raises(ValueError, match="failure"):
        Document(id="x", status="failed")
    with pytest.raises(ValueError, match="status"):
        Document(id="x", status="broken")  # type: ignore[arg-type]


def test_from_dict_rejects_bad_data_with_a_clear_message() -> None:
    """Broken input gives a SerializationError that says what is wrong."""
    data = Document.from_raw("text").to_dict()
    data["steps"] = [{"name": "x"}]
    with pytest.raises(SerializationError, match="not a valid nkcorpus document"):
        Document.from_dict(data)
    with pytest.raises(SerializationError, match="colour"):
        Document.from_dict({**Document.from_raw("t").to_dict(), "colour": 1})


@given(st.data(), st.integers(1, 60))
def test_offset_map_spans_stay_inside_raw_and_keep_order(data: st.DataObject, n: int) -> None:
    """Mapped spans are ordered like the clean spans they come from."""
    offsets = data.draw(offset_maps(n))
    a = data.draw(spans(n))
    b = data.draw(spans(n))
    ra, rb = offsets.to_raw(a), offsets.to_raw(b)
    assert ra.start <= ra.end <= offsets.runs[-1][3]
    if a.end <= b.start:
        assert ra.end <= rb.start or (len(a) == 0 or len(b) == 0) or ra.end <= rb.end


@given(texts)
def test_identity_map_maps_every_span_to_itself(text: str) -> None:
    """Before cleaning, text is raw and every span maps to itself."""
    doc = Document.from_raw(text)
    for start in range(0, len(text), 7):
        span = Span(start, min(len(text), start + 5))
        assert doc.raw_text(span) == doc.span_text(span)


@given(st.data(), st.integers(1, 40), st.integers(1, 40))
def test_composing_maps_agrees_with_mapping_twice(data: st.DataObject, n: int, m: int) -> None:
    """compose() gives the same raw spans as mapping through both maps for copy runs."""
    outer = data.draw(offset_maps(n))
    # inner: a text of k chars made from outer's clean text by deleting characters
    k = min(m, n)
    keep = sorted(data.draw(st.lists(st.integers(0, n - 1), min_size=k, max_size=k, unique=True)))
    inner = OffsetMap([(i, i + 1, b, b + 1) for i, b in enumerate(keep)])
    composed = outer.compose(inner)
    for i in range(k):
        assert composed.to_raw(Span(i, i + 1)) == outer.to_raw(inner.to_raw(Span(i, i + 1)))


def _compose_by_search(outer: OffsetMap, inner: OffsetMap) -> OffsetMap:
    """compose() as a search of ``outer`` for every position (the obvious, slower way)."""
    from nkcorpus.spans import _merge_runs

    runs = []
    for cs, ce, bs, be, exact in inner.runs:
        if not exact:
            raw = outer.to_raw(Span(bs, be))
            runs.append((cs, ce, raw.start, raw.end, False))
            continue
        for pos in range(cs, ce):
            b = bs + pos - cs
            raw = outer.to_raw(Span(b, b + 1))
            exact_there = outer.runs[outer._run_index(b)][4]  # copied, or part of a rewrite
            runs.append((pos, pos + 1, raw.start, raw.end, exact_there))
    return OffsetMap(_merge_runs(runs))


@st.composite
def _inner_maps(draw: st.DrawFn, length: int) -> OffsetMap:
    """A map of some text onto a text of ``length`` characters: copies, rewrites, insertions."""
    runs, clean, raw = [], 0, 0
    while raw < length and len(runs) < 12:
        raw += draw(st.integers(0, min(3, length - raw)))
        exact = draw(st.booleans())
        size = draw(st.integers(1, 6))
        raw_size = min(size, length - raw) if exact else draw(st.integers(0, length - raw))
        if exact and raw_size == 0:
            break
        size = raw_size if exact else size
        runs.append((clean, clean + size, raw, raw + raw_size, exact))
        clean, raw = clean + size, raw + raw_size
    return OffsetMap(runs)


@given(st.data(), st.integers(1, 40))
def test_composing_maps_agrees_with_searching_each_position(data: st.DataObject, n: int) -> None:
    """compose(), which walks both maps once, maps every span of the newest text to the
    same raw span as searching the older map for each position does, for copies,
    rewrites and insertions alike."""
    outer = data.draw(offset_maps(n))
    inner = data.draw(_inner_maps(n))
    composed, searched = outer.compose(inner), _compose_by_search(outer, inner)
    length = inner.clean_length
    for start in range(length + 1):
        for end in range(start, length + 1):
            assert composed.to_raw(Span(start, end)) == searched.to_raw(Span(start, end))


def test_public_names_have_docstrings() -> None:
    """Every public name of the package documents itself."""
    for name in nkcorpus.__all__:
        obj = getattr(nkcorpus, name)
        assert (obj.__doc__ or "").strip(), name


def test_from_dict_refuses_wrong_types_and_spans_outside_the_text() -> None:
    """raw=None is not the text "None", text=5 is not "5", and an entity span ending at 10**9
    in a 5-character text is refused: each with a SerializationError saying where."""
    from nkcorpus.errors import SerializationError

    data = Document.from_raw("hello").to_dict()
    entity = {
        "span": {"start": 0, "end": 10**9},
        "text": "hello",
        "label": "PER",
        "canonical_id": None,
        "source": "gazetteer",
        "score": None,
    }
    for bad, where in (
        ({**data, "raw": None}, "$.raw"),
        ({**data, "text": 5}, "$.text"),
        ({**data, "entities": [entity]}, "reaches past the end"),
        ({**data, "status": True}, "status"),
    ):
        with pytest.raises(SerializationError, match=re.escape(where)):
            Document.from_dict(bad)
    assert Document.from_dict(data) == Document.from_raw("hello")


def test_failures_keep_type_message_and_a_short_traceback() -> None:
    """A failed document says which exception, what it said, and where it was raised."""

    def broken() -> None:
        raise KeyError("no such field")

    try:
        broken()
    except KeyError as error:
        failure = Document.failed("clean", error).failure
    assert failure is not None
    assert failure.error_type == "KeyError" and "no such field" in failure.message
    assert failure.traceback is not None and "in broken" in failure.traceback
    assert len(failure.traceback) <= 2000
    assert Document.failed("read", OSError("never raised")).failure.traceback is None  # type: ignore[union-attr]
