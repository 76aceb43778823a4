"""Segments: passages of a document in each language, and the language stage in the pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import nkcorpus
from nkcorpus.config import Config
from nkcorpus.document import Document, Segment
from nkcorpus.language.options import LanguageOptions
from nkcorpus.language.segment import analyze, paragraph_spans
from nkcorpus.language.stage import LanguageStage
from nkcorpus.pipeline import BUILTIN_STAGES, Pipeline
from nkcorpus.text.sentences import sentence_spans
from tests.strategies import texts

CHINESE_TITLE = "朝鲜脱北者在布鲁塞尔举行首次全球会议"
KOREAN_QUOTE = "“우리는 자유를 원합니다.”"

MIXED_ARTICLE = (
    f"{CHINESE_TITLE}\n\n"
    "Over 30 delegates leading groups of North Korean defectors worldwide met in Brussels on "
    "Tuesday, denouncing the regime's repressive rule. One of the organisers said: "
    f"{KOREAN_QUOTE} The participants adopted a joint statement calling for accountability.\n\n"
    "They said the murder of Kim Jong-nam should be defined as state-sponsored terrorism and "
    "urged the United Nations to open an investigation into the case."
)


def _check_segments(text: str, segments: tuple[Segment, ...]) -> None:
    """Sorted, non-overlapping, trimmed, and covering every non-whitespace character."""
    covered = [False] * len(text)
    previous_end = 0
    for segment in segments:
        start, end = segment.span.start, segment.span.end
        assert previous_end <= start < end <= len(text)
        assert not text[start].isspace() and not text[end - 1].isspace()
        assert segment.level in ("paragraph", "sentence")
        for i in range(start, end):
            covered[i] = True
        previous_end = end
    assert all(covered[i] or char.isspace() for i, char in enumerate(text))


def test_english_article_with_korean_quote_and_chinese_title() -> None:
    """The Chinese title is zh, the Korean quote ko, exactly there; the rest and the document en."""
    doc = nkcorpus.process(MIXED_ARTICLE, config=Config(ner="off", clean=None))
    assert doc.ok
    assert doc.language == "en"
    _check_segments(doc.text, doc.segments)
    found = [(doc.span_text(s.span), s.language) for s in doc.segments]
    assert (CHINESE_TITLE, "zh-Hans") in found
    assert (KOREAN_QUOTE, "ko") in found
    others = [language for text, language in found if text not in (CHINESE_TITLE, KOREAN_QUOTE)]
    assert others and set(others) == {"en"}
    title = doc.segments[0]
    assert title.level == "paragraph"
    quote = next(s for s in doc.segments if s.language == "ko")
    assert quote.level == "sentence"
    # Segments map back to the raw text.
    assert doc.raw_text(quote.span) == KOREAN_QUOTE


def test_korean_article_quoting_an_english_sentence() -> None:
    """A Korean paragraph with an English sentence gets an en passage for that sentence only."""
    english = "We will never stop speaking about the prison camps until they are closed."
    text = (
        "유엔 총회에서 북한 인권 문제를 다루는 첫 고위급 회의가 열렸다. 탈북민 증언자는 이렇게 말했다. "
        f"{english} 회의에는 여러 나라 대표들이 참석했다."
    )
    analysis = analyze(text, LanguageOptions())
    assert analysis.language == "ko"
    _check_segments(text, analysis.segments)
    found = [(text[s.span.start : s.span.end], s.language) for s in analysis.segments]
    assert (english, "en") in found
    assert {language for _t, language in found} == {"ko", "en"}


def test_a_french_sentence_in_an_english_paragraph_is_its_own_passage() -> None:
    """Sentences in another Latin-script language are split out; the paragraph stays en."""
    french = "Le régime nord-coréen doit rendre des comptes devant la justice internationale."
    text = (
        "The envoy spoke to reporters after the meeting in Geneva on Monday. "
        f"{french} He then repeated the statement in English for the international press."
    )
    analysis = analyze(text, LanguageOptions())
    found = [(text[s.span.start : s.span.end], s.language) for s in analysis.segments]
    assert (french, "fr") in found
    assert [language for _t, language in found] == ["en", "fr", "en"]


def test_names_acronyms_and_numbers_stay_inside_their_passage() -> None:
    """A name, an acronym or a date line does not become a passage of its own."""
    text = (
        "Kang Gyu-ri, a North Korean escapee, speaks during a high-level UN General Assembly "
        "meeting at UN headquarters in New York on May 20. [YONHAP]\n\n"
        "Posted March. 14, 2012 07:41,"
    )
    analysis = analyze(text, LanguageOptions())
    assert [(s.language, s.level) for s in analysis.segments] == [
        ("en", "paragraph"),
        ("en", "paragraph"),
    ]


def test_text_without_letters_is_one_undetermined_segment() -> None:
    """A paragraph of numbers and bullets is ``und`` with confidence 0, and still covered."""
    text = "• -2\n  • -1\n  • 0\n  • +1"
    analysis = analyze(text, LanguageOptions())
    assert analysis.language == "und"
    assert [(s.language, s.confidence, s.span.start, s.span.end) for s in analysis.segments] == [
        ("und", 0.0, 0, len(text))
    ]


def test_paragraphs_and_sentences() -> None:
    """Paragraphs split at blank lines; sentences at end marks but not after abbreviations."""
    text = "Mr. Kim met U.N. envoys in the U.S. on Monday. They left.\n\n북한은 침묵했다. 朝鲜沉默。中国"
    assert [text[s:e] for s, e in paragraph_spans(text)] == [
        "Mr. Kim met U.N. envoys in the U.S. on Monday. They left.",
        "북한은 침묵했다. 朝鲜沉默。中国",
    ]
    start, end = paragraph_spans(text)[1]
    assert [text[s:e] for s, e in sentence_spans(text, start, end)] == [
        "북한은 침묵했다.",
        "朝鲜沉默。",
        "中国",
    ]
    assert [text[s:e] for s, e in sentence_spans(text, *paragraph_spans(text)[0])] == [
        "Mr. Kim met U.N. envoys in the U.S. on Monday.",
        "They left.",
    ]


@given(texts)
def test_segments_tile_any_text(text: str) -> None:
    """For any text: segments are sorted, disjoint, trimmed and cover all non-whitespace."""
    analysis = analyze(text, LanguageOptions())
    _check_segments(text, analysis.segments)
    for segment in analysis.segments:
        assert (segment.language == "und") == (segment.confidence == 0.0)


@given(st.lists(st.sampled_from([CHINESE_TITLE, KOREAN_QUOTE, MIXED_ARTICLE, "Kim Jong-un",
                                 "유엔은 중국에 탈북민 강제 북송을 중단하라고 촉구했다.", "2012"]),
                min_size=1, max_size=6),
       st.sampled_from(["\n\n", " ", "\n"]))  # fmt: skip
def test_segments_of_mixed_pieces_tile_the_text(pieces: list[str], separator: str) -> None:
    """Texts glued from mixed pieces are tiled the same way, and neighbours differ in language."""
    text = separator.join(pieces)
    analysis = analyze(text, LanguageOptions())
    _check_segments(text, analysis.segments)
    paragraphs = paragraph_spans(text)
    for left, right in zip(analysis.segments, analysis.segments[1:], strict=False):
        same_paragraph = any(
            s <= left.span.start and right.span.end <= e for s, e in paragraphs
        )
        if same_paragraph:
            assert left.language != right.language


def test_seeds_are_english_with_no_false_passages(seed_paths: list[Path]) -> None:
    """The five English seed pages are en, with no passage in any language but en, ko or und."""
    docs = list(nkcorpus.Pipeline(Config(ner="off")).pipe(p.read_bytes() for p in seed_paths))
    for doc in docs:
        assert doc.ok, doc.failure
        assert doc.language == "en" == nkcorpus.detect(doc.text).language
        _check_segments(doc.text, doc.segments)
        assert {s.language for s in doc.segments} <= {"en", "ko", "und"}
        for segment in doc.segments:
            if segment.language == "ko":
                assert doc.span_text(segment.span) == "한국어"
        names = [s.name for s in doc.steps]
        assert names.index("language") == names.index("clean") + 1


def test_stage_from_config_and_options() -> None:
    """The stage is registered after cleaning, can be turned off, and can skip segments."""
    names = [name for name, _spec in BUILTIN_STAGES]
    assert names.index("language") == names.index("clean") + 1
    assert "language" not in [s.name for s in Pipeline.default_stages(Config(language=None))]
    (stage,) = [
        s
        for s in Pipeline.default_stages(Config(language=LanguageOptions(segments=False)))
        if s.name == "language"
    ]
    assert isinstance(stage, LanguageStage)
    doc = stage.process(Document.from_raw("유엔은 중국에 탈북민 강제 북송을 중단하라고 촉구했다."))
    assert doc.language == "ko"
    assert doc.segments == ()
    assert dict(stage.parameters())["segments"] is False


def test_documents_round_trip_with_segments(tmp_path: Path) -> None:
    """Language and segments survive JSONL serialization."""
    doc = nkcorpus.process(MIXED_ARTICLE, config=Config(ner="off"))
    out = tmp_path / "docs.jsonl"
    nkcorpus.write_jsonl([doc], out)
    (back,) = nkcorpus.read_jsonl(out)
    assert back == doc
    assert back.segments == doc.segments


@pytest.mark.parametrize("batch_size", [1, 3])
def test_batches_do_not_change_results(batch_size: int) -> None:
    """The same documents give the same languages and segments in any batch size."""
    items = [MIXED_ARTICLE, "김정은", "Kim Jong-un", "朝鮮脫北者", MIXED_ARTICLE[::-1]]
    single = [nkcorpus.process(item, config=Config(ner="off")) for item in items]
    piped = list(nkcorpus.Pipeline(Config(ner="off")).pipe(items, batch_size=batch_size))
    assert [(d.language, d.segments) for d in piped] == [(d.language, d.segments) for d in single]
