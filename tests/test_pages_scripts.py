"""A page whose article travels in its scripts (Next.js's ``self.__next_f.push`` calls) is
read from there, each character still mapped to the source that writes it."""

from __future__ import annotations

import json
import re
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from nkcorpus.cleaning.cleaner import clean_text
from nkcorpus.cleaning.htmlpage import read_page
from nkcorpus.cleaning.htmlscripts import script_page
from nkcorpus.cleaning.offsets import apply_edits
from nkcorpus.document import Span

_PARAGRAPHS = [
    "장동혁 국민의힘 대표가 당권을 위협하던 한동훈 전 대표를 제명했지만, 어깨는 한층 "
    "무거워졌다. 넉 달가량 남은 6·3 지방선거에서 참패할 경우 당대표직을 지키기 힘들어서다.",
    '국민의힘 한 중진 의원은 "국민은 아직 변화를 기다린다"며 장 대표 리더십의 확실한 변화를 '
    "거듭 주문했다. 그는 지선에서 승리할 마지막 기회를 놓치지 말라고 지적했다.",
]


def _next_page(article: str, shown: str = "", ensure_ascii: bool = True) -> str:
    """A Next.js page: its head, a body that shows ``shown``, a data row and ``article``
    streamed as strings of ``self.__next_f.push`` calls."""
    row = '5:["$","$L23",null,{"title":"장동혁, 한동훈 제명했지만"}]\n'

    def push(text: str) -> str:
        return f"<script>self.__next_f.push([1,{json.dumps(text, ensure_ascii=ensure_ascii)}])</script>"

    return (
        '<!DOCTYPE html><html lang="ko"><head><title>장동혁, 한동훈 제명했지만 | 한국일보</title>'
        '<meta property="og:title" content="장동혁, 한동훈 제명했지만"></head>'
        f'<body><div id="__next">{shown}</div>{push(row)}{push(article)}</body></html>'
    )


def test_a_next_js_article_is_read_from_its_script_with_offsets() -> None:
    """A Korean daily's Next.js page (2026) shows nothing without its scripts: the article
    in its script is the text, its photo caption leaves as a caption, the ad's placeholder
    goes, and each word maps to the characters that write it (escapes and all)."""
    article = (
        '<div class="editor-img-box"><img src="a.jpg"><div class="caption"><p>장동혁 대표가 '
        "29일 경례하고 있다. 연합뉴스</p></div></div>$$ARTICLEAD$$"
        + "".join(f'<p class="editor-p">{p}</p>' for p in _PARAGRAPHS)
    )
    page = _next_page(article)
    cleaned = clean_text(page)
    assert cleaned.text == "\n\n".join(_PARAGRAPHS)
    assert "장동혁 대표가 29일 경례하고 있다. 연합뉴스" in dict(cleaned.metadata)["captions"]
    for match in re.finditer(r"\S+", cleaned.text):
        raw = cleaned.offsets.to_raw(Span(match.start(), match.end()))
        assert json.loads(f'"{page[raw.start : raw.end]}"') == match.group()


def test_a_page_that_shows_its_article_is_not_read_from_its_scripts() -> None:
    """A page that shows its article (rendered on the server) is read as it shows it."""
    shown = "".join(f"<p>{p}</p>" for p in _PARAGRAPHS * 2)
    page = _next_page("<p>" + "스크립트의 다른 글. " * 40 + "</p>", shown=shown)
    cleaned = clean_text(page)
    assert "스크립트의 다른 글" not in cleaned.text
    assert _PARAGRAPHS[0][:20] in cleaned.text


_TEXT = st.text(
    alphabet=st.characters(exclude_categories=["Cs"], exclude_characters="<>&"),
    min_size=1,
    max_size=40,
).filter(str.strip)


@given(st.lists(_TEXT, min_size=1, max_size=6), st.booleans())
def test_a_scripts_page_reads_as_its_html_and_maps_each_piece_to_its_source(
    paragraphs: list[str], ensure_ascii: bool
) -> None:
    """Whatever the paragraphs hold (quotes, backslashes, astral characters, written as
    escapes or as themselves), the script's page has the blocks that its HTML has on its
    own, and each piece's source decodes to the piece's text (white space escaped in a
    paragraph, ``\\n``, to the space a browser shows for it)."""
    html = "".join(f"<p>{p}</p>" for p in paragraphs) + "<p>" + "x" * 200 + "</p>"
    page = _next_page(html, ensure_ascii=ensure_ascii)
    read = script_page(page)
    assert read is not None
    assert [b.text for b in read.blocks.values()] == [
        b.text for b in read_page(html).blocks.values()
    ]
    for piece in read.pieces:
        written = json.loads(f'"{page[piece.start : piece.end]}"')
        assert written == piece.text or (piece.text == " " and not written.strip(" \t\r\n\f"))


def test_a_line_break_escaped_inside_a_paragraph_reads_as_a_space() -> None:
    """A paragraph that a CMS wrote over two lines (``한층\\n무거워졌다`` in the script's
    string) reads as one line with a space, as the browser shows it, and the space maps
    to the escape that writes it."""
    broken = _PARAGRAPHS[0].replace("한층 ", "한층\n")
    page = _next_page("".join(f"<p>{p}</p>" for p in [broken, *_PARAGRAPHS, *_PARAGRAPHS]))
    cleaned = clean_text(page)
    assert cleaned.text.startswith(_PARAGRAPHS[0] + "\n\n")
    space = cleaned.text.index("한층 ") + 2
    raw = cleaned.offsets.to_raw(Span(space, space + 1))
    assert page[raw.start : raw.end] == "\\n"


_NEWS = [
    "美國股市個別發展，道瓊斯工業平均指數表現偏軟，納斯達克指數連跌三日後回穩。",
    "美國勞工市場數據反映經濟增長可能正放慢，美股受影響。美國上星期新申領失業金人數多過預期，"
    "前星期數字經修訂後，較原先公布高四萬八千。",
    "道指窄幅上落，開市跌61點，跌幅曾經擴大到157點。主要股份類別普遍上升，其中銀行股表現比較好。",
]


def _data_page(desc: str, description: str, shown: str = "財經") -> str:
    """A Next.js page of a Hong Kong broadcaster's news site (2023) that shows a section's
    label alone; its props (``__NEXT_DATA__``) hold the story as plain text (``"desc"``)."""
    data = json.dumps({"props": {"pageProps": {"newsItems": {"title": "美股個別發展", "desc": desc}}}})
    return (
        "<!DOCTYPE html><html lang='zh-HK'><head><title>美股個別發展 | 無綫新聞</title>"
        f"<meta property='og:description' content='{description}'></head>"
        f"<body><div id='__next'><a href='/finance'>{shown}</a></div>"
        f"<script id='__NEXT_DATA__' type='application/json'>{data}</script></body></html>"
    )


def test_an_article_in_the_data_of_a_pages_scripts_is_its_text_with_offsets() -> None:
    """The story in the props, which begins with the page's description (cut short with
    ``...``), is the text where the page shows next to nothing; each paragraph maps to the
    characters that write it (JSON escapes and all)."""
    desc = "\n\n".join(_NEWS)
    page = _data_page(desc, _NEWS[0] + _NEWS[1][:20] + "...")
    cleaned = clean_text(page)
    assert cleaned.text == desc
    assert dict(cleaned.metadata)["extra.text_source"] == "script data"
    for paragraph in _NEWS:
        at = cleaned.text.index(paragraph)
        raw = cleaned.offsets.to_raw(Span(at, at + len(paragraph)))
        assert json.loads(f'"{page[raw.start : raw.end]}"') == paragraph


def test_script_data_that_does_not_begin_with_the_description_is_not_the_article() -> None:
    """Props that hold other text (another story), or a page that shows its article, keep
    the page's own text."""
    other = _data_page("\n\n".join(_NEWS[1:] * 3), _NEWS[0])
    assert "勞工市場" not in clean_text(other).text
    shown = "".join(f"<p>{p}</p>" for p in _NEWS * 3)
    page = _data_page("\n\n".join(_NEWS) + "另一段文字。" * 20, _NEWS[0], shown=shown)
    assert "另一段文字" not in clean_text(page).text


def _arc_page(elements: list[dict[str, object]], ensure_ascii: bool = False) -> str:
    """A page published with Arc XP whose server drew no story (``Could not render
    component``): the story elements are in ``Fusion.globalContent`` alone."""
    story = json.dumps({"_id": "C4TY", "content_elements": elements}, ensure_ascii=ensure_ascii)
    if ensure_ascii:  # as pages write JSON inside a script: no "<" that could end it
        story = story.replace("<", "\\u003c").replace(">", "\\u003e")
    return (
        "<!DOCTYPE html><html lang='ko'><head><title>결혼식 | 조선일보</title>"
        f"<script id='fusion-metadata'>window.Fusion=window.Fusion||{{}};"
        f"Fusion.globalContent={story};Fusion.globalContentConfig={{}};</script></head>"
        "<body><div id='fusion-app'><div>Could not render component</div></div></body></html>"
    )


_WORDS = st.text(
    st.characters(blacklist_characters="<>&\\", blacklist_categories=("Cs", "Cc")),
    min_size=1,
    max_size=40,
).filter(str.strip)


@given(
    st.lists(st.tuples(_WORDS, st.sampled_from(["", "b", "i", "a"]), _WORDS), min_size=1, max_size=6),
    st.booleans(),
)
def test_story_elements_are_the_text_without_their_markup_each_character_mapped(
    paragraphs: list[tuple[str, str, str]], ensure_ascii: bool
) -> None:
    """Each paragraph's text, its markup gone (``<b>``, ``<a href=…>``), a blank line between
    paragraphs; every character maps to the characters of the source that write it, however
    the JSON writes them (escaped or not, ``<`` as ``\\u003c``)."""
    from nkcorpus.cleaning.htmldeclared import SCRIPTED_CHARS, story_elements

    def marked(before: str, tag: str, after: str) -> str:
        if not tag:
            return before + after
        opening = '<a href="/x?a=1&amp;b=2">' if tag == "a" else f"<{tag}>"
        return f"{before}{opening}{after}</{tag}>"

    padding = "x" * SCRIPTED_CHARS
    elements = [
        {"_id": str(n), "type": "text", "content": marked(*parts)}
        for n, parts in enumerate([*paragraphs, ("", "", padding)])
    ]
    elements.insert(1, {"_id": "img", "type": "image", "caption": "not the story"})
    page = _arc_page(elements, ensure_ascii)
    found = story_elements(page)
    assert found is not None
    expected = [before + after for before, _tag, after in paragraphs] + [padding]
    assert found.text == "\n\n".join(expected)
    edited = apply_edits(page, list(found.edits(len(page))))
    assert edited.text == found.text
    at = 0
    for paragraph in expected:
        for offset, char in enumerate(paragraph):
            raw = edited.offsets.to_raw(Span(at + offset, at + offset + 1))
            assert json.loads(f'"{page[raw.start : raw.end]}"') == char
        at += len(paragraph) + 2


def test_a_story_drawn_by_no_server_is_read_from_its_story_elements() -> None:
    """A real page published with Arc XP (a South African daily's, from fundus's test data)
    whose rendered story is taken out, as a server that fails to draw it leaves it: the
    story elements give the article (fundus's gold body), as the whole page gave it."""
    import gzip

    from benchmarks.bench_pages import shingle_f1

    cases = Path(__file__).parent / "cases" / "pages"
    name = "fresh-fundus-timeslive-2025-11-10"
    raw = gzip.decompress((cases / f"{name}.html.gz").read_bytes()).decode()
    case = json.loads((cases / f"{name}.json").read_text())
    start = raw.index('<article class="b-article-body')
    end = raw.index("</article>", start) + len("</article>")
    broken = raw[:start] + "<div>Could not render component</div>" + raw[end:]
    whole, drawn = clean_text(raw), clean_text(broken)
    assert "extra.text_source" not in dict(whole.metadata)  # what the page shows is its text
    assert dict(drawn.metadata)["extra.text_source"] == "script data"
    assert shingle_f1(drawn.text, case["body"]) >= 0.95
    assert all(snippet in drawn.text for snippet in case["with"])
    assert shingle_f1(clean_text(broken.replace("Fusion.globalContent", "x")).text, case["body"]) < 0.5


def test_story_elements_of_embeds_images_and_short_stories_are_not_the_text() -> None:
    """Embedded programs, images and raw HTML are no part of the story, and story elements
    that hold less than a short news item's text are not read."""
    from nkcorpus.cleaning.htmldeclared import story_elements

    story = "북한 인권 보고서가 공개되었다. " * 12
    elements = [
        {"type": "text", "content": story},
        {"type": "text", "content": "<script>alert(1)</script>"},
        {"type": "raw_html", "content": "<div>Advertisement</div>"},
        {"type": "list", "items": [{"type": "text", "content": "첫째 항목"}]},
    ]
    found = story_elements(_arc_page(elements))
    assert found is not None and found.text == story + "\n\n첫째 항목"
    assert story_elements(_arc_page([{"type": "text", "content": "짧은 기사"}])) is None
    assert story_elements("<script>Fusion.globalContent={broken</script>") is None


def test_the_photos_captions_in_story_elements_are_kept_among_the_captions() -> None:
    """An image element's caption is no part of the story's text, and is kept as the
    page's captions are (markup out, references decoded, each once)."""
    story = "북한 인권 보고서가 공개되었다. 탈북자들은 수용소의 실상을 증언했다. " * 6
    caption = "유엔 인권이사회 회의 <b>모습</b> &amp; 참석자들"
    elements = [
        {"type": "image", "caption": caption, "url": "https://example.com/a.jpg"},
        {"type": "text", "content": story},
        {"type": "image", "caption": caption},
    ]
    cleaned = clean_text(_arc_page(elements))
    assert cleaned.text == story.strip()
    assert dict(cleaned.metadata)["captions"] == ("유엔 인권이사회 회의 모습 & 참석자들",)
