"""A page whose article travels in its scripts (Next.js's ``self.__next_f.push`` calls) is
read from there, each character still mapped to the source that writes it."""

from __future__ import annotations

import json
import re

from hypothesis import given
from hypothesis import strategies as st

from nkcorpus.cleaning.cleaner import clean_text
from nkcorpus.cleaning.htmlpage import read_page
from nkcorpus.cleaning.htmlscripts import script_page
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
