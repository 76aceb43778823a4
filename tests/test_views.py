"""The HTML document view, the corpus figures and the report, read back with an HTML parser.

What a reader of the views relies on: every character of the clean text is
shown (a long text behind a toggle), entities and language passages are marked
with their ids and ``lang`` attributes, and nothing from a scraped page can
become markup or script. The figures are checked against counts made by hand
from the same documents. The browser checks are in ``test_views_browser.py``.
"""

from __future__ import annotations

import itertools
import json
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import nkcorpus
from nkcorpus.document import (
    Alignment,
    Document,
    Entity,
    Failure,
    Metadata,
    Removal,
    Segment,
    Span,
    Step,
    Translation,
)
from nkcorpus.serialization import write_jsonl
from nkcorpus.views import CorpusStats, document_html, documents_page, report_html
from nkcorpus.views.figures import month_of, source_group

#: Strings that break out of HTML text, attributes, comments or scripts when not escaped.
HOSTILE = (
    "<script>alert('x')</script>",
    '"><img src=x onerror=alert(1)>',
    "'><svg/onload=alert(1)>",
    "</textarea></style></script><script>alert(2)</script>",
    "<!-- --><iframe srcdoc='<script>alert(3)</script>'>",
    "javascript:alert(4)",
    "&lt;b&gt;already escaped&lt;/b&gt;",
    "<a href='javascript:alert(5)'>click</a>",
    "</details></article></div><script>alert(6)</script>",
    "\u2028\u2029</script>",
)


class Tree(HTMLParser):
    """Collects tags, attributes and the text inside elements of given classes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.stack: list[tuple[str, set[str]]] = []
        self.text_parts: list[str] = []

    def handle_starttag(self, tag: str, attrs_: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs_)
        self.tags.append((tag, attributes))
        if tag not in ("br", "meta", "img", "input"):
            self.stack.append((tag, set((attributes.get("class") or "").split())))

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            open_tag, _ = self.stack.pop()
            if open_tag == tag:
                break

    def handle_data(self, data: str) -> None:
        inside_text = any("text" in classes for _, classes in self.stack)
        in_label = any(tag in ("sub", "summary") for tag, _ in self.stack)
        if inside_text and not in_label:
            self.text_parts.append(data)


def parse(html: str) -> Tree:
    """Parse ``html`` with the standard library's parser."""
    tree = Tree()
    tree.feed(html)
    tree.close()
    return tree


def hostile_document() -> Document:
    """A processed document (markup kept as text, as in a plain-text scrape), every field hostile."""
    text = " ".join(HOSTILE) + " Kim Jong Un visited Pyongyang."
    config = nkcorpus.Config(ner="gazetteer", clean=None)
    doc = nkcorpus.process(text, source="<script>src</script>", config=config)
    assert doc.ok and doc.entities
    first = doc.entities[0]
    evil_entity = attrs.evolve(first, canonical_id='Q1"><script>alert(7)</script>', label="<b>X</b>", source="<i>be</i>")
    return attrs.evolve(
        doc,
        metadata=Metadata(
            title=HOSTILE[0], subtitle=HOSTILE[1], authors=(HOSTILE[2],), outlet=HOSTILE[4],
            published=HOSTILE[5], captions=(HOSTILE[8],), extra={"<k>": HOSTILE[3]},
        ),
        language='en"><script>',
        entities=(evil_entity, *doc.entities[1:]),
        segments=(Segment(Span(0, len(doc.text)), '"><script>alert(8)</script>', 0.5),),
        removed=(Removal(Span(0, 10), HOSTILE[6]),),
        translations=(Translation('zh"><script>', HOSTILE[9], (Alignment(Span(0, 5), Span(0, 3)),), model=HOSTILE[7]),),
        steps=(Step(HOSTILE[0], HOSTILE[1], {"x": HOSTILE[2]}),),
        status="failed",
        failure=Failure(HOSTILE[3], HOSTILE[4], HOSTILE[8]),
    )


def assert_inert(html: str) -> Tree:
    """No script, no event handler, no link except to Wikidata, no javascript: anywhere."""
    tree = parse(html)
    for tag, attributes in tree.tags:
        assert tag not in ("script", "iframe", "img", "svg", "textarea", "a") or (
            tag == "a" and (attributes.get("href") or "").startswith("https://www.wikidata.org/wiki/Q")
        ), (tag, attributes)
        for name, value in attributes.items():
            assert not name.startswith("on"), (tag, name)
            assert "javascript:" not in (value or "") or name in ("title", "data-canonical", "content"), (tag, name, value)
    return tree


def test_document_view_escapes_hostile_strings() -> None:
    """A scraped page's markup shows as text: no tag, handler or link from the page survives."""
    doc = hostile_document()
    html = document_html(doc)
    tree = assert_inert(html)
    shown = "".join(data for data in tree.text_parts)
    assert shown == doc.text  # every character, as text
    for value in HOSTILE:
        if any(ch in value for ch in "<>\"'&"):
            assert value not in html  # never raw in the markup
    assert "alert(7)" in html and "wikidata.org" not in html  # the fake QID is not a link
    page = documents_page([doc, doc])
    assert_inert(page)
    assert "script-src 'none'" in page  # and the page would not run a script anyway


def test_notebooks_show_the_document_view() -> None:
    """``Document._repr_html_`` is the document view, so notebooks render documents."""
    doc = nkcorpus.process("Kim Jong Un met officials in Pyongyang.", config=nkcorpus.Config(ner="gazetteer"))
    assert doc._repr_html_() == document_html(doc)


def segment_document(text: str, cuts: list[int], entity_spans: list[tuple[int, int]]) -> Document:
    """A document whose text is split into segments at ``cuts`` with entities at the spans."""
    points = sorted({0, len(text), *(c for c in cuts if 0 < c < len(text))})
    languages = ["en", "ko", "zh-Hans", "und"]
    segments = [
        Segment(Span(a, b), languages[i % 4], 0.9) for i, (a, b) in enumerate(itertools.pairwise(points))
    ]
    entities = [Entity(Span(a, b), text[a:b], "PER", f"Q{a + 1}", "gazetteer", 0.5) for a, b in entity_spans]
    return attrs.evolve(Document.from_raw(text), segments=segments, entities=entities)


@st.composite
def marked_documents(draw: st.DrawFn) -> tuple[Document, int]:
    """Any text (markup-like characters likely), segments, non-overlapping entities, a preview length."""
    text = draw(st.text(alphabet=st.sampled_from("ab <>&\"'\n김정은金正恩\u2028\x00"), max_size=80))
    cuts = draw(st.lists(st.integers(0, max(len(text), 1)), max_size=5))
    positions = sorted(set(draw(st.lists(st.integers(0, len(text)), max_size=8))))
    spans = [(a, b) for a, b in zip(positions[::2], positions[1::2], strict=False) if a < b]
    return segment_document(text, cuts, spans), draw(st.integers(1, 60))


@given(marked_documents())
def test_every_character_of_the_text_is_shown_once(case: tuple[Document, int]) -> None:
    """Whatever the segments, entities and preview length, the view shows the text, in order, once.

    Control characters HTML cannot hold are shown as U+FFFD.
    """
    doc, preview = case
    html = document_html(doc, preview=preview)
    tree = assert_inert(html)
    expected = "".join("\ufffd" if ch == "\x00" else ch for ch in doc.text)
    assert "".join(tree.text_parts) == expected
    marks = [attributes for tag, attributes in tree.tags if tag == "mark"]
    assert {m["data-canonical"] for m in marks} == {e.canonical_id for e in doc.entities}


def test_entities_languages_and_links() -> None:
    """Mentions carry id, backend and score; QIDs link to Wikidata; passages carry lang."""
    text = "Kim Jong Un spoke.\n\n김정은 위원장이 말했다.\n\n金正恩说。"
    ko, zh = text.index("김"), text.index("金")
    doc = attrs.evolve(
        Document.from_raw(text),
        segments=(
            Segment(Span(0, 18), "en", 0.99),
            Segment(Span(ko, ko + 14), "ko", 0.98),
            Segment(Span(zh, len(text)), "zh-Hans", 0.97),
        ),
        entities=(
            Entity(Span(0, 11), "Kim Jong Un", "PER", "Q56226", "stanza+gazetteer", 0.93),
            Entity(Span(ko, ko + 3), "김정은", "PER", "Q56226", "gazetteer", None),
            Entity(Span(zh, zh + 3), "金正恩", "PER", "kim-jong-un", "stanza", 0.71),
        ),
    )
    tree = parse(document_html(doc))
    langs = [a.get("lang") for t, a in tree.tags if t == "span" and a.get("class") == "seg"]
    assert langs == ["en", "ko", "zh-Hans"]
    links = [a["href"] for t, a in tree.tags if t == "a"]
    assert links == ["https://www.wikidata.org/wiki/Q56226"]  # one row per entity; the slug is not a link
    titles = [a["title"] for t, a in tree.tags if t == "mark"]
    assert titles[0] == "PER · Q56226 · stanza+gazetteer · score 0.93"
    assert titles[1].endswith("gazetteer · no score")
    html = document_html(doc)
    assert "word-break:keep-all" in html and "Malgun Gothic" in html and "Microsoft YaHei" in html


def megabyte_document() -> Document:
    """A 1 MB Korean, English and Chinese text, a segment per paragraph, an entity in each."""
    paragraphs, size, i = [], 0, 0
    while size < 1_050_000:
        i += 1
        paragraph = f"{i}번째 보고서는 정치범 수용소 {i * 7}곳을 다룬다. Kim Jong Un, report {i}. 第{i}份报告提到金正恩。"
        paragraphs.append(paragraph)
        size += len(paragraph.encode("utf-8")) + 2
    text = "\n\n".join(paragraphs)
    segments, entities, position = [], [], 0
    for paragraph in paragraphs:
        segments.append(Segment(Span(position, position + len(paragraph)), "ko", 0.8))
        at = position + paragraph.index("Kim Jong Un")
        entities.append(Entity(Span(at, at + 11), "Kim Jong Un", "PER", "Q56226", "gazetteer", None))
        position += len(paragraph) + 2
    return attrs.evolve(Document.from_raw(text), language="ko", segments=segments, entities=entities)


def test_a_one_megabyte_document_opens_as_a_preview() -> None:
    """A 1 MB text shows its start and puts the rest behind one toggle, losing nothing."""
    doc = megabyte_document()
    assert len(doc.text.encode("utf-8")) > 1_000_000
    html = document_html(doc)
    tree = parse(html)
    assert html.count('<details class="more">') == 1
    assert "".join(tree.text_parts) == doc.text
    head = html[: html.index('<details class="more">')]
    assert 10_000 < len(head) < 400_000  # the preview is a small part of the page


def test_removals_and_translations_are_shown_with_their_rules_and_sources(seed_document: Document) -> None:
    """Each removal shows its rule and removed text; each translated passage sits beside its source."""
    tree = parse(document_html(seed_document))
    rules = [a["data-rule"] for t, a in tree.tags if t == "li" and "data-rule" in a]
    assert rules == [r.rule for r in sorted(seed_document.removed, key=lambda r: r.raw_span.start)]
    source = "탈북민 대표 30여 명이 브뤼셀에서 처음으로 세계 총회를 열었다."
    doc = attrs.evolve(
        Document.from_raw(source),
        language="ko",
        segments=(Segment(Span(0, len(source)), "ko", 0.99),),
        translations=(Translation("en", "Defector delegates met.", (Alignment(Span(0, len(source)), Span(0, 23)),), ("ko",), model="argos:ko-en"),),
    )
    html = document_html(doc)
    row = html[html.index('<tr class="aligned">') :]
    assert row.startswith(f'<tr class="aligned"><td lang="ko">{source}</td><td lang="en">Defector delegates met.</td></tr>')


def test_a_failure_is_shown() -> None:
    """A failed document says where and why it failed."""
    doc = nkcorpus.process(b"\x00\x01\x02\xff\xfe binary", source="blob.bin")
    assert not doc.ok
    html = document_html(doc)
    assert 'role="alert"' in html and doc.failure is not None and doc.failure.error_type in html


@pytest.fixture(scope="module")
def seed_document(seed_paths: list[Path]) -> Document:
    """The first seed page, processed with the gazetteer."""
    return nkcorpus.process(seed_paths[0].read_bytes(), source=str(seed_paths[0]), config=nkcorpus.Config(ner="gazetteer"))


# The figures.


def test_months_and_sources() -> None:
    """Documents count under their month of publication and the site, file or folder they came from."""
    assert month_of("2017-13-01") == "unknown" and month_of("2017-02") == "2017-02"
    assert source_group("letters.csv#A-17") == "letters.csv"
    assert source_group("C:\\data\\a.txt") == "C:/data"
    assert source_group("a.txt") == "."


def brute_co_mentions(documents: list[Document], keys: list[str]) -> list[list[int]]:
    """Documents that mention both, counted the slow, obvious way."""
    sets = [{e.canonical_id or f"text:{e.text}" for e in d.entities} for d in documents]
    return [[sum(1 for s in sets if a in s and b in s) for b in keys] for a in keys]


entity_choice = st.sampled_from(
    [("Kim Jong Un", "PER", "kim-jong-un"), ("Pyongyang", "GPE", "pyongyang"), ("UN", "ORG", "Q1065"), ("Seoul", "GPE", None), ("Kim", "PER", None)]
)


@st.composite
def corpora(draw: st.DrawFn) -> list[Document]:
    """Small corpora of documents with entities, months, outlets and some failures."""
    documents = []
    for i in range(draw(st.integers(0, 12))):
        chosen = draw(st.lists(entity_choice, max_size=6))
        text = " ".join(name for name, _, _ in chosen)
        entities, position = [], 0
        for name, label, canonical in chosen:
            entities.append(Entity(Span(position, position + len(name)), name, label, canonical, "gazetteer", None))
            position += len(name) + 1
        published = draw(st.sampled_from([None, "2016-07-26", "2016-08-01T10:00", "2017-01"]))
        doc = attrs.evolve(
            Document.from_raw(text, f"site/{i % 3}.txt"),
            id=f"{i:016x}",
            language=draw(st.sampled_from([None, "en", "ko"])),
            entities=entities,
            metadata=Metadata(published=published, outlet=draw(st.sampled_from([None, "Yonhap", "<NK>"]))),
        )
        if draw(st.booleans()) and i % 4 == 0:
            doc = doc.with_failure("language", ValueError("too short"))
        documents.append(doc)
    return documents


@given(corpora())
def test_figures_match_counts_made_by_hand(documents: list[Document]) -> None:
    """Each figure equals the obvious count over the documents, from objects and from JSON alike."""
    stats = CorpusStats.from_documents(documents)
    from_json = CorpusStats()
    for doc in documents:
        from_json.add_record(json.loads(json.dumps(doc.to_dict())))
    assert from_json == stats
    assert stats.documents == len(documents)
    by_language = dict(stats.documents_by("language").values.tolist())
    assert sum(by_language.values()) == len(documents)
    assert by_language.get("en", 0) == sum(d.language == "en" for d in documents)
    keys = stats.top_keys(20)
    frame = stats.co_mentions(20)
    assert frame.values.tolist() == brute_co_mentions(documents, keys)
    top = stats.top_entities(20)
    assert list(top["mentions"]) == [stats.mentions[k] for k in keys]
    assert sorted(top["mentions"], reverse=True) == list(top["mentions"])
    over_time = stats.mentions_over_time(5)
    dated = sum(
        1 for d in documents if month_of(d.metadata.published) != "unknown"
        for e in d.entities if (e.canonical_id or f"text:{e.text}") in keys[:5]
    )
    assert over_time["mentions"].sum() == dated
    failures = stats.failures_frame()
    assert failures["documents"].sum() == sum(not d.ok for d in documents)


def test_the_report_shows_corpus_strings_as_text() -> None:
    """Outlet, entity and failure names from a scraped corpus never become markup in the report.

    The report's only scripts are plotly's: the library, then one call per chart, whose
    data escapes ``<`` so a name cannot close the script element.
    """
    docs = []
    for i, value in enumerate(HOSTILE):
        doc = attrs.evolve(
            Document.from_raw(f"{value} is named", source=value),
            id=f"{i:016x}",
            language="en",
            metadata=Metadata(outlet=value, published="2016-07-01"),
            entities=(Entity(Span(0, len(value)), value, value[:5], value, "gazetteer", None),),
            steps=(Step(value, value, {value: value}),),
        )
        docs.append(doc.with_failure(value, ValueError(value)) if i % 2 else doc)
    html = report_html(CorpusStats.from_documents(docs), title=HOSTILE[0])
    tree = parse(html)
    scripts = [a for t, a in tree.tags if t == "script"]
    assert all(not a for a in scripts)  # inline, no src
    for tag, attributes in tree.tags:
        assert tag not in ("iframe", "img", "svg", "textarea"), tag
        assert not any(name.startswith("on") for name in attributes)
        if tag == "a":
            assert (attributes.get("href") or "").startswith("https://www.wikidata.org/wiki/Q")
    for value in HOSTILE:
        if "<" in value:
            assert value not in html
    bodies = html.split("<script")[1:]
    assert len(bodies) == 2 + html.count('class="chart"')  # plotly config and library, one per chart


def test_an_empty_corpus_has_a_report() -> None:
    """An empty output gives a report that says so rather than an error."""
    html = report_html(CorpusStats())
    assert "0 documents" in html and "No document failed." in html


def generated_corpus(path: Path, count: int) -> Path:
    """``count`` generated records with entities, dates, outlets and steps, as JSON Lines."""
    names = [("Kim Jong Un", "PER", "kim-jong-un"), ("Pyongyang", "GPE", "pyongyang"), ("김정은", "PER", "kim-jong-un"), ("联合国", "ORG", "Q1065")]

    def documents() -> Any:
        for i in range(count):
            chosen = [names[(i + j) % 4] for j in range(4)] + [(f"Person {i % 301}", "PER", None)]
            text = ". ".join(name for name, _, _ in chosen)
            entities, position = [], 0
            for name, label, canonical in chosen:
                entities.append(Entity(Span(position, position + len(name)), name, label, canonical, "gazetteer", None))
                position += len(name) + 2
            yield Document(
                id=f"{i:016x}", source=f"https://site{i % 7}.example/{i}", raw=text, text=text,
                metadata=Metadata(outlet=f"Outlet {i % 5}", published=f"20{10 + i % 12}-{1 + i % 12:02d}-01"),
                language=("en", "ko", "zh-Hans")[i % 3], segments=(Segment(Span(0, len(text)), "en", 0.9),),
                entities=entities, steps=(Step("clean", "1.0", {"rules": 12}),),
            )

    write_jsonl(documents(), path)
    return path


def executed_lines(call: Any) -> int:
    """How many lines of nkcorpus's own code ``call()`` runs: a count of work that load does not change."""
    package = str(Path(nkcorpus.__file__).parent)
    count = 0

    def on_line(frame: Any, event: str, arg: Any) -> Any:
        nonlocal count
        if event == "line":
            count += 1
        return on_line

    def on_call(frame: Any, event: str, arg: Any) -> Any:
        return on_line if frame.f_code.co_filename.startswith(package) else None

    previous = sys.gettrace()
    sys.settrace(on_call)
    try:
        call()
    finally:
        sys.settrace(previous)
    return count


def test_the_report_pass_is_linear_in_corpus_size(tmp_path: Path) -> None:
    """Eight times the records run at most 8.5 times the lines of nkcorpus code (counted, not timed)."""
    small = generated_corpus(tmp_path / "small.jsonl", 400)
    large = generated_corpus(tmp_path / "large.jsonl", 3200)

    def report(path: Path) -> None:
        stats = CorpusStats.from_path(path)
        stats.co_mentions(20), stats.mentions_over_time(10), stats.top_entities(20)

    report(small)  # imports and caches outside the count
    ratio = executed_lines(lambda: report(large)) / executed_lines(lambda: report(small))
    assert 4 < ratio < 8.5, f"8x the records ran {ratio:.2f}x the lines"
