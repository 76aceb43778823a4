"""Hypothesis strategies for nkcorpus documents and their parts."""

from __future__ import annotations

import attrs
from hypothesis import strategies as st

from nkcorpus.document import (
    Alignment,
    Document,
    Entity,
    Failure,
    Metadata,
    OffsetMap,
    Region,
    Removal,
    Segment,
    Span,
    Step,
    Translation,
    document_id,
)

#: Text that looks like the corpus: Latin, Hangul, Han, kana, combining marks,
#: emoji, controls and anything else Unicode allows except surrogates.
texts = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8"),
        st.sampled_from(
            "가나다김정은金正恩朝鲜脱北者ひらがなカタカナ\u0301\u200b\u00a0\r\n\t `’“”"
        ),
    ),
    max_size=200,
)
small_texts = st.text(max_size=30)
names = st.text(alphabet=st.characters(categories=["L", "N"]), min_size=1, max_size=12)
finite = st.floats(allow_nan=False, allow_infinity=False, width=32)
scores = st.floats(min_value=0.0, max_value=1.0)
json_scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-(2**53), 2**53), finite, small_texts
)
json_values = st.one_of(json_scalars, st.lists(json_scalars, max_size=3))
params = st.dictionaries(small_texts, json_values, max_size=4)


@st.composite
def spans(draw: st.DrawFn, length: int) -> Span:
    """A span of a string of ``length`` characters."""
    start = draw(st.integers(0, length))
    return Span(start, draw(st.integers(start, length)))


@st.composite
def offset_maps(draw: st.DrawFn, clean_length: int) -> OffsetMap:
    """A valid map over a clean text of ``clean_length`` characters."""
    runs, clean, raw = [], 0, 0
    while clean < clean_length:
        size = draw(st.integers(1, clean_length - clean))
        raw += draw(st.integers(0, 5))
        exact = draw(st.booleans())
        raw_size = size if exact else draw(st.integers(0, 8))
        runs.append((clean, clean + size, raw, raw + raw_size, exact))
        clean, raw = clean + size, raw + raw_size
    return OffsetMap(runs)


@st.composite
def documents(draw: st.DrawFn) -> Document:
    """A document with every field filled by arbitrary but valid values."""
    raw = draw(texts)
    text = draw(texts)
    n = len(text)
    entity_spans = draw(st.lists(spans(n), max_size=3))
    failed = draw(st.booleans())
    translation_text = draw(small_texts)
    return Document(
        id=document_id(raw),
        source=draw(st.none() | small_texts),
        raw=raw,
        text=text,
        metadata=Metadata(
            title=draw(st.none() | small_texts),
            subtitle=draw(st.none() | small_texts),
            authors=draw(st.lists(names, max_size=2)),
            emails=draw(st.lists(small_texts, max_size=2)),
            published=draw(st.none() | st.dates().map(lambda d: d.isoformat())),
            outlet=draw(st.none() | small_texts),
            translator=draw(st.none() | names),
            encoding=draw(st.none() | st.sampled_from(["utf-8", "cp949", "gb18030"])),
            encoding_confidence=draw(st.none() | scores),
            captions=draw(st.lists(small_texts, max_size=2)),
            extra=draw(params),
        ),
        language=draw(st.none() | st.sampled_from(["en", "ko", "zh-Hans", "und"])),
        segments=[
            Segment(span, draw(st.sampled_from(["en", "ko"])), draw(scores))
            for span in draw(st.lists(spans(n), max_size=3))
        ],
        translations=draw(
            st.lists(
                st.builds(
                    Translation,
                    target_language=st.sampled_from(["en", "ko", "zh"]),
                    text=st.just(translation_text),
                    alignments=st.lists(
                        st.builds(Alignment, spans(n), spans(len(translation_text))), max_size=2
                    ),
                    source_languages=st.lists(st.sampled_from(["en", "ko"]), max_size=2),
                    model=st.none() | small_texts,
                ),
                max_size=2,
            )
        ),
        entities=[
            Entity(
                span,
                span.of(text),
                draw(st.sampled_from(["PER", "ORG", "LOC"])),
                draw(st.none() | names),
                draw(st.sampled_from(["stanza", "gazetteer"])),
                draw(st.none() | scores),
            )
            for span in entity_spans
        ],
        steps=draw(
            st.lists(st.builds(Step, names, small_texts, params, st.floats(0, 10)), max_size=3)
        ),
        status="failed" if failed else "ok",
        failure=Failure(draw(names), draw(names), draw(small_texts)) if failed else None,
        offsets=draw(offset_maps(n)),
        removed=[
            Removal(span, draw(names)) for span in draw(st.lists(spans(len(raw)), max_size=3))
        ],
        regions=[Region(span, "caption") for span in draw(st.lists(spans(n), max_size=2))],
    )


def evolve_unchanged(document: Document) -> Document:
    """``attrs.evolve`` with no changes."""
    return attrs.evolve(document)
