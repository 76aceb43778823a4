"""Web pages and markdown: the article's text, its metadata, and nothing lost on the way."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import pytest

from nkcorpus.cleaning.cleaner import clean_text
from nkcorpus.cleaning.htmlmeta import cut_site_name
from nkcorpus.cleaning.htmlpage import read_page
from nkcorpus.cleaning.options import CleanOptions
from nkcorpus.document import Span
from tests.timing import LINEAR_LIMIT, growth_ratio

_PARAGRAPHS = "".join(
    f"<p>Paragraph {i}: defectors who reached Seoul this year described forced labour, "
    f"food shortages and the crossing of the Tumen river in detail to investigators.</p>"
    for i in range(6)
)

NEWS = f"""<!DOCTYPE html><html lang="en"><head>
<title>Defectors describe forced labour | Reuters</title>
<meta property="og:site_name" content="Reuters">
<meta name="author" content="Kim Min-ji">
<meta property="article:published_time" content="2024-03-05T09:30:00+09:00">
<script type="application/ld+json">{{"@type": "NewsArticle",
 "headline": "Defectors describe forced labour",
 "author": [{{"@type": "Person", "name": "Kim Min-ji"}}, {{"@type": "Person", "name": "Lee Ho"}}],
 "datePublished": "2024-03-05T09:30:00+09:00", "publisher": {{"name": "Reuters"}}}}</script>
</head><body>
<div class="cookie-banner"><p>We use cookies.</p><button>Ok</button></div>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
<article><header><h1>Defectors describe forced labour</h1>
<p class="byline">By Kim Min-ji and Lee Ho</p><time datetime="2024-03-05T09:30:00+09:00">March 5, 2024</time>
</header>
<figure><img src="a.jpg"><figcaption>Defectors at a news conference in Seoul. (Reuters)</figcaption></figure>
{_PARAGRAPHS}
<div class="share"><a href="#">Share on Facebook</a><a href="#">Share on X</a></div>
</article>
<aside><h2>Related articles</h2><ul><li><a href="/x">North Korea fires missile</a></li></ul></aside>
<footer><p>© 2024 Reuters. All rights reserved.</p></footer>
</body></html>"""


@pytest.fixture(scope="module")
def news() -> object:
    """The news page, cleaned once."""
    return clean_text(NEWS)


def test_a_news_page_keeps_its_article_and_nothing_else(news: object) -> None:
    """Navigation, cookie notice, share widget, related list and footer leave the text."""
    text = news.text  # type: ignore[attr-defined]
    assert "Paragraph 0: defectors who reached Seoul" in text
    assert "Paragraph 5:" in text
    for furniture in ("We use cookies", "Home", "Share on", "Related", "missile", "rights reserved"):
        assert furniture not in text


def test_metadata_comes_from_the_markup(news: object) -> None:
    """Title, date, authors and site name come from JSON-LD and meta tags, not a cookie button."""
    meta = dict(news.metadata)  # type: ignore[attr-defined]
    assert meta["title"] == "Defectors describe forced labour"
    assert meta["published"] == "2024-03-05T09:30:00+09:00"
    assert meta["authors"] == ("Kim Min-ji", "Lee Ho")
    assert meta["outlet"] == "Reuters"
    assert "title=json-ld" in meta["extra.metadata_sources"]


def test_header_lines_are_removed_with_their_raw_span(news: object) -> None:
    """Headline, byline and dateline leave the body but are recorded, each with its raw span."""
    rules = {r.rule: NEWS[r.raw_span.start : r.raw_span.end] for r in news.removed}  # type: ignore[attr-defined]
    assert rules["title"] == "Defectors describe forced labour"
    assert "Kim Min-ji and Lee Ho" in rules["byline"]
    assert rules["dateline"] == "March 5, 2024"
    assert "navigation" in rules and "cookie-notice" in rules


def test_a_photo_caption_leaves_the_body_but_is_kept(news: object) -> None:
    """A figcaption is not the first paragraph: it is a removal with rule caption and a caption."""
    assert not news.text.startswith("Defectors at a news")  # type: ignore[attr-defined]
    assert "news conference" not in news.text  # type: ignore[attr-defined]
    meta = dict(news.metadata)  # type: ignore[attr-defined]
    assert meta["captions"] == ("Defectors at a news conference in Seoul. (Reuters)",)
    assert any(r.rule == "caption" for r in news.removed)  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "credit",
    ["Photo: AFP", "(Credit: Clayton Aldern / Grist)", "图片来源：东方IC 版权作品 请勿转载",
     "故宫博物院供图", "[사진=JTBC, 이매진아시아]", "Photo : YONHAP News",
     "[사진 출처 : 산루이스포토시 검찰청 공식 트위터 캡처]", "영상취재:이재석/영상편집:김유진"],
)  # fmt: skip
def test_a_photos_credit_on_a_line_of_its_own_leaves_the_body_but_is_kept(credit: str) -> None:
    """A photo's credit that the page prints as a paragraph of its own, under the picture,
    is its caption's: a removal with rule caption, kept among the captions. So is a
    broadcast story's credit for its camera and editing (``영상편집:김유진``, KBS)."""
    prose = [
        f"<p>Thousands of troops launched joint exercises along the coast, day {n} of {5}.</p>"
        for n in range(1, 6)
    ]
    raw = (
        "<html><head><title>Joint exercises begin</title></head><body><article>"
        f"<h1>Joint exercises begin</h1>{''.join(prose[:2])}<img src='a.jpg'><p>{credit}</p>"
        f"{''.join(prose[2:])}</article></body></html>"
    )
    cleaned = clean_text(raw)
    assert credit not in cleaned.text
    assert dict(cleaned.metadata)["captions"] == (credit,)
    assert [raw[r.raw_span.start : r.raw_span.end] for r in cleaned.removed if r.rule == "caption"] == [
        credit
    ]


def test_a_heading_in_an_element_whose_class_says_caption_is_no_caption() -> None:
    """A Korean broadcaster's story page (2023) sets its headline and stamp in a header box
    whose class says caption (``<div class="landing-caption"><h5>…</h5>``): the headline is
    no photo's caption, and the captions hold the photo's alone."""
    prose = [
        f"<p>{n}번째 문단: 멕시코 도로 한복판에서 행방이 묘연해졌던 실종자들이 모두 발견됐습니다.</p>"
        for n in range(5)
    ]
    raw = (
        "<html lang='ko'><head><title>멕시코 실종자 모두 발견</title></head><body>"
        "<div class='landing-caption'><h5>멕시코 실종자 모두 발견</h5></div><article>"
        f"{''.join(prose[:2])}<figure><img src='a.jpg'><figcaption>검찰이 공개한 승합차"
        f"</figcaption></figure>{''.join(prose[2:])}</article></body></html>"
    )
    assert dict(clean_text(raw).metadata)["captions"] == ("검찰이 공개한 승합차",)


def test_a_share_buttons_label_is_no_caption() -> None:
    """Naver News labels its share button's text with a class that says caption
    (``<span class="naver-splugin-c send_caption">SNS 보내기</span>`` in the share bar's
    link): the label leaves with the share bar, and the captions hold the photo's alone."""
    prose = [
        f"<p>{n}번째 문단: 해외 입양 과정에서 서류 조작과 각종 인권침해가 일어났습니다.</p>"
        for n in range(5)
    ]
    raw = (
        "<html lang='ko'><head><title>해외 입양의 그늘</title></head><body>"
        "<h2 id='title_area'>해외 입양의 그늘</h2><div class='media_end_head_share'>"
        "<a href='#' class='u_btn_sns_share naver-splugin _SHARE_BUTTON'>"
        "<span class='naver-splugin-c send_caption'><span class='u_hc'>SNS 보내기</span>"
        f"</span></a></div><article id='dic_area'>{''.join(prose[:2])}<figure>"
        f"<img src='a.jpg'><figcaption>입양인들이 기자회견을 하고 있다</figcaption></figure>"
        f"{''.join(prose[2:])}</article></body></html>"
    )
    cleaned = clean_text(raw)
    assert dict(cleaned.metadata)["captions"] == ("입양인들이 기자회견을 하고 있다",)
    assert "SNS 보내기" not in cleaned.text
    label = next(r for r in cleaned.removed if raw[r.raw_span.start : r.raw_span.end] == "SNS 보내기")
    assert label.rule == "share-widget"


def test_a_widgets_label_or_a_templates_placeholder_is_no_caption() -> None:
    """An advertisement's slot labelled in an element whose class says caption (the Los
    Angeles Times' ``<div class="google-dfp-ad-caption">Advertisement</div>``), a close
    button in a gallery's caption bar and a gallery template's unfilled ``{{caption}}``
    are no photo's captions; the photo's caption and its credit are."""
    prose = "".join(
        f"<p>Paragraph {n}: defectors who reached Seoul described forced labour in detail.</p>"
        for n in range(5)
    )
    raw = (
        "<html><head><title>Defectors describe forced labour</title></head><body><article>"
        "<h1>Defectors describe forced labour</h1>"
        "<div class='google-dfp-ad-wrapper'><div class='google-dfp-ad-caption'>Advertisement"
        f"</div></div>{prose}<figure><img src='a.jpg'><figcaption>Defectors in Seoul."
        "</figcaption><div class='caption-credit'>© Lucy Nicholson</div></figure>"
        "<div class='gallery-caption'><button>Close</button><p>{{caption}}</p></div>"
        "</article></body></html>"
    )
    cleaned = clean_text(raw)
    assert dict(cleaned.metadata)["captions"] == ("Defectors in Seoul.", "© Lucy Nicholson")
    assert "Advertisement" not in cleaned.text and "{{caption}}" not in cleaned.text


def test_text_that_the_pages_style_sheet_clips_off_the_screen_is_not_read() -> None:
    """BBC News Chinese (2023) labels each photo's credit and caption for screen readers
    (``图像来源，`` "image source,", ``图像加注文字，`` "image caption,") in spans of a
    generated class that its own style sheet clips off the screen: the captions hold what
    the page shows, and the clipped labels are not text; a rule inside ``@media`` hides
    nothing."""
    prose = "".join(
        f"<p>第{n}段：法国总统马克龙4月5日抵达中国进行为期三天的访问，与习近平等人会晤。</p>"
        for n in range(5)
    )
    hidden = (
        "position:absolute;clip-path:inset(100%);clip:rect(1px, 1px, 1px, 1px);"
        "height:1px;width:1px;overflow:hidden"
    )
    raw = (
        "<html lang='zh-Hans'><head><title>马克龙访华</title><style>.bbc-1s1cxbv{color:#fff}"
        f".bbc-1gnhmg2{{{hidden}}}@media print{{.bbc-7x{{{hidden}}}}}</style></head><body>"
        "<main><h1>马克龙访华</h1><figure><img src='a.jpg' alt=''><p role='text' "
        "class='bbc-1s1cxbv'><span class='bbc-1gnhmg2'>图像来源，</span><span>REUTERS</span>"
        "</p><figcaption><span class='bbc-1gnhmg2'>图像加注文字，</span><p>马克龙抵达北京。</p>"
        f"</figcaption></figure>{prose}<p class='bbc-7x'>打印版</p></main></body></html>"
    )
    cleaned = clean_text(raw)
    assert dict(cleaned.metadata)["captions"] == ("REUTERS", "马克龙抵达北京。")
    assert "图像" not in cleaned.text and cleaned.text.endswith("打印版")
    assert not any("图像" in raw[r.raw_span.start : r.raw_span.end] for r in cleaned.removed)


def test_a_sentence_about_photographs_stays_in_the_body() -> None:
    """A paragraph that speaks of photographs is text, not a credit."""
    line = "Photographs of the camp were taken in 2019 by the defectors."
    raw = (
        "<html><head><title>Camp</title></head><body><article><h1>Camp</h1>"
        + f"<p>{line}</p>"
        + "".join(f"<p>The camp held {n} thousand prisoners until it was closed.</p>" for n in "2345")
        + "</article></body></html>"
    )
    assert line in clean_text(raw).text


def test_a_table_in_a_figure_is_article_text_and_its_caption_is_not() -> None:
    """WordPress puts a table in ``<figure class="wp-block-table">`` (a 2026 tax guide);
    its rows are article text, and only the ``figcaption`` is a caption."""
    table = (
        '<figure class="wp-block-table"><table class="has-fixed-layout"><tbody>'
        "<tr><td><strong>Filing Status</strong></td><td><strong>2025 Tax Year</strong></td></tr>"
        "<tr><td>Single</td><td>$15,750</td></tr></tbody></table>"
        "<figcaption>Standard deductions, from the IRS.</figcaption></figure>"
    )
    cleaned = clean_text(NEWS.replace("<p>Paragraph 3: ", table + "<p>Paragraph 3: "))
    assert "Filing Status | 2025 Tax Year" in cleaned.text
    assert "Single | $15,750" in cleaned.text
    assert "Standard deductions" not in cleaned.text
    assert "Standard deductions, from the IRS." in dict(cleaned.metadata)["captions"]


def test_every_row_of_a_table_with_paragraphs_in_its_cells_is_article_text() -> None:
    """A table whose cells hold paragraphs (``<td><p>720</p></td>``, as a 2025 guide to
    business certifications writes it) keeps every row: trafilatura's main text has a rule
    (``|---|``) under the first row that the page never shows, and the short cells after
    it are found all the same."""
    rows = [("CAPM", "720"), ("CBAP", "320"), ("PMP", "21,504")]
    table = (
        "<table><tbody><tr><th><p>Certification</p></th><th><p>Postings</p></th></tr>"
        + "".join(f"<tr><td><p>{name}</p></td><td><p>{count}</p></td></tr>" for name, count in rows)
        + "</tbody></table>"
    )
    cleaned = clean_text(NEWS.replace("<p>Paragraph 3: ", table + "<p>Paragraph 3: "))
    words = cleaned.text.split()
    for name, count in [("Certification", "Postings"), *rows]:
        assert name in words and count in words


def test_a_caption_written_inline_takes_only_its_own_text() -> None:
    """A caption in a span inside a paragraph (as some portals write it) leaves the body,
    and the paragraph's own text after it stays body, not caption."""
    page = NEWS.replace(
        "<p>Paragraph 0: ",
        '<p><span class="img"><img src="b.jpg"><span class="caption">Photo: Yonhap</span>'
        "</span> Paragraph 0: ",
    )
    cleaned = clean_text(page)
    assert "Paragraph 0: defectors who reached Seoul" in cleaned.text
    assert "Photo: Yonhap" not in cleaned.text
    assert "Photo: Yonhap" in dict(cleaned.metadata)["captions"]


def test_a_main_text_that_the_page_shows_nowhere_leaves_the_page_its_text(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Where trafilatura's answer matches no block the page shows (on a podcast's page,
    saved with its player's document inside an ``iframe``, trafilatura read the player's
    lines and left the transcript out), the text is every block but the page's furniture,
    not nothing: the article's paragraphs stay, the menus and footer still leave."""
    import nkcorpus.cleaning.htmlalign as htmlalign
    import nkcorpus.cleaning.htmlmain as htmlmain

    for module in (htmlmain, htmlalign):  # the fast extraction and the full cascade
        monkeypatch.setattr(module, "main_text", lambda tree, fast=True: "The Flip | S2 - BONUS")
    cleaned = clean_text(NEWS)
    assert "Paragraph 5: defectors who reached Seoul" in cleaned.text
    assert "Home" not in cleaned.text and "All rights reserved" not in cleaned.text


def test_every_clean_character_maps_to_the_page_source(news: object) -> None:
    """Each word of the clean text maps back to the same word in the raw page."""
    text, offsets = news.text, news.offsets  # type: ignore[attr-defined]
    start = 0
    for word in text.split():
        start = text.index(word, start)
        raw = offsets.to_raw(Span(start, start + len(word)))
        assert NEWS[raw.start : raw.end] == word
        start += len(word)


def test_words_in_adjacent_elements_are_not_glued() -> None:
    """Two inline elements side by side keep a space between their words; formatting does not."""
    page = read_page("<div><span>Biography</span><a href='#'>Sarah</a> <b>un</b>believable</div>")
    assert [b.text for b in page.blocks.values()] == ["Biography Sarah unbelievable"]


def test_a_ruby_annotation_is_not_read_into_its_line() -> None:
    """A reading written over Han characters (``<ruby>``, as a Japanese lesson in a 2020
    blog post writes its vocabulary) is shown above the line, and its brackets only where
    ruby cannot be shown: the line reads as its base text, as trafilatura's main text has
    it, so the paragraph is found there."""
    page = read_page(
        "<p><ruby>目<rp>（</rp><rt>め</rt><rp>）</rp></ruby>の<ruby>前<rp>（</rp><rt>まえ</rt>"
        "<rp>）</rp></ruby>で | me no mae de</p><p><ruby>金正恩<rt>김정은</ruby> 위원장</p>"
    )
    assert [b.text for b in page.blocks.values()] == ["目の前で | me no mae de", "金正恩 위원장"]


def test_a_style_sheet_or_an_icon_inside_a_sentence_does_not_break_it() -> None:
    """A component library's link (from a 2026 documentation page) carries its style sheet
    and an icon with a ``title`` inside it; a browser shows the sentence whole, and so does
    nkcorpus, with the link's full stop after it."""
    icon = (
        "<svg role='img'><title>(link takes you to an external page)</title>"
        "<path d='M8.4 4.5'></path></svg>"
    )
    page = read_page(
        "<ul><li><p><a href='https://www.python.org'><span>Install Python"
        "<style data-emotion='css'>.css-1ezs782{display:inline-block;}</style>"
        f"<span>{icon}</span></span></a>.</p></li>"
        "<li><p>Run <script>track()</script>the installer.</p></li></ul>"
    )
    assert [b.text for b in page.blocks.values()] == ["Install Python.", "Run the installer."]


def test_text_for_screen_readers_alone_is_not_shown() -> None:
    """A Korean broadcaster's article (2023) labels its parts for screen readers
    (``<h2 class="blind">기사 본문 영역</h2>``, "the article's body"; ``기자 정보``,
    "about the reporter"), as WordPress's ``screen-reader-text`` and Bootstrap's ``sr-only``
    do: style sheets keep them off the screen, and they are no text. A class that only
    begins with such a word (``blinds``) hides nothing."""
    page = read_page(
        "<div class='c-view'><h2 class='blind'>기사 본문 영역</h2><h3 class=\"title blind\">"
        "상세페이지</h3><p>멕시코에서 실종자들이 모두 발견됐습니다.</p><dl><dt class='blind'>"
        "기자 정보</dt><dd>이동환 기자</dd></dl><span class='screen-reader-text'>Posted on</span>"
        "<p class='sr-only'>Continue reading the main story</p><p class='blinds'>Roller blinds"
        "</p></div>"
    )
    assert [b.text for b in page.blocks.values()] == [
        "멕시코에서 실종자들이 모두 발견됐습니다.",
        "이동환 기자",
        "Roller blinds",
    ]


def test_lists_and_tables_stay_readable() -> None:
    """List items are lines of their own and table cells are separated by a bar."""
    raw = (
        "<html><body><ul><li>first item</li><li>second item</li></ul>"
        "<table><tr><th>Name</th><th>Age</th></tr><tr><td>Kim</td><td>30</td></tr></table>"
        "</body></html>"
    )
    cleaned = clean_text(raw, CleanOptions(main_content=False))
    assert cleaned.text == "first item\n\nsecond item\n\nName | Age\n\nKim | 30"


def test_a_row_of_cells_that_hold_paragraphs_is_one_line() -> None:
    """A table whose cells hold paragraphs (WordPress writes ``<td><p>720</p></td>``) reads
    as a table of plain cells does: a row a line, its cells separated by a bar, two
    paragraphs of one cell on two lines; each word still maps to the page. A row that holds
    a long text (a layout table: the article in one cell, a menu in the next) keeps its
    paragraphs."""
    article = "Defectors described the crossing of the river in detail. " * 8
    raw = (
        "<html><body><table>"
        "<tr><th><p><strong>Certification</strong></p></th><th><p>Postings</p></th></tr>"
        "<tr><td><p>CAPM</p></td><td><p>3,923</p></td></tr>"
        "<tr><td>Kim Jong Un<p>Pyongyang</p></td><td><p>1984</p></td></tr>"
        "</table><table>"
        f"<tr><td><p>{article}</p><p>Second paragraph.</p></td><td><p>Home</p></td></tr>"
        "</table></body></html>"
    )
    cleaned = clean_text(raw, CleanOptions(main_content=False))
    assert cleaned.text.split("\n\n") == [
        "Certification | Postings",
        "CAPM | 3,923",
        "Kim Jong Un\nPyongyang | 1984",
        article.strip(),
        "Second paragraph.",
        "Home",
    ]
    start = cleaned.text.index("3,923")
    span = cleaned.offsets.to_raw(Span(start, start + 5))
    assert raw[span.start : span.end] == "3,923"


def test_an_ordered_lists_numbers_stay_in_html_and_markdown_alike() -> None:
    """An ordered list's items keep their numbers, written by the page (markdown, mapped
    to its own characters) or shown by a browser (HTML); bullets go."""
    html_page = "<html><body><ol><li>Cross the river</li><li>Reach Bangkok</li></ol></body></html>"
    markdown = "# The route\n\n1. Cross the river\n2. Reach Bangkok\n\n- a bullet\n"
    from_html = clean_text(html_page, CleanOptions(main_content=False)).text
    from_markdown = clean_text(markdown)
    assert from_html == "1. Cross the river\n\n2. Reach Bangkok"
    assert from_markdown.text == "1. Cross the river\n2. Reach Bangkok\n\na bullet"
    raw = from_markdown.offsets.to_raw(Span(0, 2))
    assert markdown[raw.start : raw.end] == "1."


@pytest.mark.parametrize(
    "body", ["<pre><td> <td>\n</pre>", "<table><tr><td> </td><td>\n</td></tr></table><p>Kim</p>"]
)
def test_empty_table_cells_show_nothing_and_do_not_fail(body: str) -> None:
    """Cells holding only white space make no block of bars, and reading the page does not fail."""
    raw = f"<html><body>{body}</body></html>"
    for main_content in (True, False):
        cleaned = clean_text(raw, CleanOptions(main_content=main_content))
        assert "|" not in cleaned.text
        assert cleaned.text.strip() in ("", "Kim")


@pytest.mark.parametrize(
    ("title", "sites", "expected"),
    [
        ("北韓發射導彈 - 東方日報", ["東方日報"], "北韓發射導彈"),
        ("习近平会见外宾--时政--人民网", ["人民网"], "习近平会见外宾"),
        ("Defectors speak out | Reuters", [], "Defectors speak out"),
        ("Opinion | Why the talks failed and what comes next", [], "Why the talks failed and what comes next"),
        ("Kim Jong Un: a profile", [], "Kim Jong Un: a profile"),
        ("法国全国大罢工再次严重影响交通-新华网", [], "法国全国大罢工再次严重影响交通"),
        ("中-美关系", [], "中-美关系"),
        ("男子疑久病厭世 學校圍牆上吊輕生亡│即時新聞│20181025│蘋果日報", [], "男子疑久病厭世 學校圍牆上吊輕生亡"),
        # a forum's board and name after spaced slashes (FluxBB); a slash in a word stays
        ("Arch Linux ISO in 2024 / Arch Linux Forums", ["Arch Linux Forums"],
         "Arch Linux ISO in 2024"),
        ("AC/DC and the 24/7 news cycle", [], "AC/DC and the 24/7 news cycle"),
        # Korean sites write the bar as the letter ㅣ, a section after a bare hyphen; a
        # middle dot between words or as an ellipsis is no separator
        ("장동혁 제명했지만… 절연 ·외연 확장 부담 커졌다-정치ㅣ한국일보", ["한국일보"],
         "장동혁 제명했지만… 절연 ·외연 확장 부담 커졌다"),
        ('도입 또다시 불발··· 친청계 "왜 밀어붙이나"-정치ㅣ한국일보', ["한국일보"],
         '도입 또다시 불발··· 친청계 "왜 밀어붙이나"'),
        ("한·미 정상회담 앞두고 北 도발 - 연합뉴스", ["연합뉴스"], "한·미 정상회담 앞두고 北 도발"),
        ("北韩人权·脱北者证言", [], "北韩人权·脱北者证言"),
        ("Defectors speak out · NK Pro", ["NK Pro"], "Defectors speak out"),
        # the path to an article that a common Korean news CMS writes; a "<" in a sentence
        # is no separator
        ("北, 미사일 발사 < 정치 < 뉴스 < 기사본문 - 데일리NK", ["데일리NK"], "北, 미사일 발사"),
        ("北 인권 보고서 < 기사본문 - 통일뉴스", ["통일뉴스"], "北 인권 보고서"),
        ("If x < 3 and y < 4 | Math", ["Math"], "If x < 3 and y < 4"),
        # a Chinese site's name with its host, a homepage's name, a section of Han
        # characters before the site's name after any separator
        ("朝鲜发射导弹_新闻频道_央视网(cctv.com)", [], "朝鲜发射导弹"),
        ("朝鲜发射导弹 — 普通话主页", ["Radio Free Asia"], "朝鲜发射导弹"),
        ("朝鮮發射導彈 - 國際 - 自由時報電子報", [], "朝鮮發射導彈"),
    ],
)
def test_site_names_are_cut_from_titles(title: str, sites: list[str], expected: str) -> None:
    """The site's name and section go from a page title; a colon in a headline stays."""
    assert cut_site_name(title, sites) == expected


def test_a_title_part_the_page_shows_wins() -> None:
    """When the page shows one part of its title as a heading, that part is the title."""
    title = "Gregory Szorc's Digital Home | Mercurial's Journey to Python 3"
    assert cut_site_name(title, [], ["Mercurial's Journey to Python 3"]) == (
        "Mercurial's Journey to Python 3"
    )


def test_a_dash_inside_a_quoted_headline_does_not_cut_it() -> None:
    """A quoted headline stays whole even when the page shows the words after its dash;
    the apostrophes of a word do not open or close a quotation."""
    title = "'I sell Disney World holidays - booking the right day could save you thousands'"
    shown = ["booking the right day could save you thousands"]
    assert cut_site_name(title + " | Daily Star", ["Daily Star"], shown) == title
    assert cut_site_name(title, [], shown) == title
    assert cut_site_name("Kim's sister - Pyongyang's voice | NK News", ["NK News"]) == (
        "Kim's sister - Pyongyang's voice"
    )
    assert cut_site_name("“A quote - with a dash” — The Paper", ["The Paper"]) == (
        "“A quote - with a dash”"
    )


@pytest.mark.parametrize(
    ("title", "headline"),
    [
        ("劳伦斯：一个无法定义的“洛克菲勒”-搜狐财经", "劳伦斯：一个无法定义的“洛克菲勒”"),
        ("土豆不“土” 土豆无“土” 松花江网", "土豆不“土” 土豆无“土”"),
    ],
)
def test_a_shown_chinese_headline_loses_the_site_name_after_it(title: str, headline: str) -> None:
    """A headline the page shows (no ``h1``), then a Chinese site's name after a space or a
    bare hyphen in the page title: the headline is the title."""
    from nkcorpus.cleaning.titles import choose_title

    assert choose_title(title, [], ["首页", headline], []) == (headline, None)
    assert choose_title("土豆 松花江网", [], ["土豆"], []) == ("土豆 松花江网", None)


def test_a_title_cut_short_gives_way_to_the_headline_it_begins() -> None:
    """A declared title ending in an ellipsis yields to the visible headline it shortens."""
    from nkcorpus.cleaning.titles import choose_title

    full = "Taiwan's president has a playbook Hong Kong's leader should read closely"
    short = "Taiwan's president has a playbook Hong Kong's leader..."
    assert choose_title(short, [full], [], ["scmp"]) == (full, "h1")
    assert choose_title(short, [], [], ["scmp"]) == (short, None)


def test_a_kicker_shown_above_the_headline_stays_in_the_title() -> None:
    """``"Nationaler Veteranentag: Orden fürs Morden"`` declared, with the kicker on its own
    line above an ``h1`` that holds the rest: the whole title stays; a title the page never
    shows still gives way to its headline."""
    from nkcorpus.cleaning.titles import choose_title

    title = "Nationaler Veteranentag: Orden fürs Morden"
    headings, shown = ["Orden fürs Morden"], ["Nationaler Veteranentag", "Von Jane Doe"]
    assert choose_title(title, headings, shown, ["jungewelt"]) == (title, None)
    assert choose_title("Startseite", headings, shown, ["jungewelt"]) == ("Orden fürs Morden", "h1")


@pytest.mark.parametrize("piece", ['<div><a href="x">word ', '<a href="x>word ', "<p>word <span>"])
def test_reading_a_page_grows_linearly_with_unclosed_tags(piece: str) -> None:
    """Four times the unclosed tags take about four times as long, not sixteen."""
    small_page, large_page = ("<html><body>" + piece * count for count in (5000, 20000))
    assert growth_ratio(lambda: read_page(small_page), lambda: read_page(large_page)) < LINEAR_LIMIT


@pytest.mark.parametrize("gap", [" ", " \t"])
def test_a_long_run_of_spaces_in_a_paragraph_is_read_in_linear_time(gap: str) -> None:
    """Four times the spaces and tabs inside a paragraph (no line break among them) take
    about four times as long to turn into the clean text, not sixteen."""
    small_page, large_page = (
        f"<html><body><p>Kim said{gap * count}today.</p></body></html>" for count in (5000, 20000)
    )
    assert clean_text(large_page).text == "Kim said today."
    assert growth_ratio(lambda: clean_text(small_page), lambda: clean_text(large_page)) < LINEAR_LIMIT


def _repeating_page(count: int) -> tuple[dict[int, Any], dict[int, str], str]:
    """A page of ``count`` paragraphs, each followed by the same link, and a main text
    that holds every paragraph and the link after every other one."""
    from nkcorpus.cleaning.htmlalign import block_key
    from nkcorpus.cleaning.htmlpage import Block

    blocks = {}
    main = []
    for n in range(count):
        paragraph = f"Paragraph {n} of the report on the camps, as the witness told it."
        blocks[2 * n] = Block(0, 1, paragraph)
        blocks[2 * n + 1] = Block(0, 1, "Continue reading the main story")
        main += [paragraph, "Continue reading the main story"] if n % 2 else [paragraph]
    return blocks, {n: block_key(b.text) for n, b in blocks.items()}, "\n".join(main)


def test_finding_the_article_grows_linearly_with_paragraphs_and_repeated_lines() -> None:
    """Four times the paragraphs, with a line that repeats after each, take about four
    times as long to find in the main text, not sixteen; each repeated line the main
    text has goes to one block."""
    from nkcorpus.cleaning.htmlalign import body_blocks

    small, large = _repeating_page(2000), _repeating_page(8000)
    kept = body_blocks(*large)
    assert len(kept) == 8000 + 4000
    assert growth_ratio(lambda: body_blocks(*small), lambda: body_blocks(*large)) < LINEAR_LIMIT


@pytest.mark.parametrize("ending", ["", " word-end"])
def test_a_paragraph_of_one_word_repeated_is_found_in_linear_time(ending: str) -> None:
    """A paragraph that repeats itself (one word written thousands of times: a key whose
    every part is the same) is found in the main text in linear time, whether the main
    text holds it whole or all but its last word; a key as long as the paragraph once
    made each character of the text cost as much as the key's length (4,000 words took
    eight seconds)."""
    from nkcorpus.cleaning.htmlalign import _occurrences, block_key

    def page(count: int) -> tuple[str, str]:
        paragraph = block_key("word " * count + ending)
        return block_key("word " * count), paragraph

    (small_main, small_key), (large_main, large_key) = page(5000), page(20000)
    assert bool(_occurrences(large_main, {large_key})) == (ending == "")
    assert (
        growth_ratio(
            lambda: _occurrences(small_main, {small_key}),
            lambda: _occurrences(large_main, {large_key}),
        )
        < LINEAR_LIMIT
    )


def test_a_page_of_one_long_repeated_paragraph_is_cleaned_in_linear_time() -> None:
    """The whole clean stage on a page whose article is one word repeated: four times as
    long takes about four times as long, and the article is all there."""
    small_page, large_page = (
        f"<html><head><title>T</title></head><body><p>{'word ' * count}</p></body></html>"
        for count in (2500, 10000)
    )
    assert clean_text(large_page).text == ("word " * 10000).strip()
    assert growth_ratio(lambda: clean_text(small_page), lambda: clean_text(large_page)) < LINEAR_LIMIT


@pytest.mark.parametrize(
    ("opening", "item", "closing"),
    [
        ("<p>", "<a href='/tag'>tag</a> ", "</p>"),  # a link farm's paragraph
        ("<div>", "<b>tag</b> ", "</div>"),
        ("<p><span>", "<a href='/tag'>tag</a> ", "</span></p>"),
    ],
)
def test_a_paragraph_of_thousands_of_links_is_cleaned_in_linear_time(
    opening: str, item: str, closing: str
) -> None:
    """A paragraph of thousands of links (or other inline elements) is cleaned in linear
    time with all its words: trafilatura's extractor and htmldate took time growing with
    the square of their number (32,000 links: over three minutes), so their markup is
    unwrapped in the tree given to them, the page's text untouched."""
    prose = "".join(f"<p>Paragraph {n} of the witness's account of the camp.</p>" for n in range(5))

    def page(count: int) -> str:
        return (
            "<html><head><title>Tags</title></head><body><article><h1>Tags</h1>"
            f"{opening}{item * count}{closing}{prose}</article></body></html>"
        )

    small_page, large_page = page(2500), page(10000)
    cleaned = clean_text(large_page)
    assert cleaned.text.count("tag") == 10000
    assert "Paragraph 4 of the witness's account of the camp." in cleaned.text
    assert growth_ratio(lambda: clean_text(small_page), lambda: clean_text(large_page)) < LINEAR_LIMIT


def test_a_page_of_very_many_blocks_is_not_read_again_by_the_full_cascade(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """trafilatura's full cascade (its jusText pass is quadratic in short paragraphs) runs
    again on a page whose fast main text is short, unless the page has more than
    FULL_CASCADE_BLOCKS blocks."""
    from nkcorpus.cleaning import htmlalign

    calls = []
    monkeypatch.setattr(htmlalign, "main_text", lambda tree, fast=True: calls.append(fast))
    for lines, runs in ((10, 1), (htmlalign.FULL_CASCADE_BLOCKS + 1, 0)):
        page = read_page("<html><body>" + "<p>A short dated line</p>" * lines + "</body></html>")
        keys = {n: htmlalign.block_key(b.text) for n, b in page.blocks.items()}
        calls.clear()
        htmlalign.article_blocks(page, keys, None, "A short dated line")
        assert calls == [False] * runs


def test_a_lone_surrogate_in_a_page_does_not_cut_its_article_short() -> None:
    """A ``str`` page may hold a lone surrogate (bytes decoded with ``surrogateescape``,
    a JSON ``\\udc80`` escape); the parser would stop there and the article with it."""
    paragraphs = [
        f"Witness {n} told the commission how the guards at the camp treated the prisoners."
        for n in range(12)
    ]
    paragraphs[0] = paragraphs[0].replace("guards", "guards \udc80")
    raw = "<html><head><title>Testimony</title></head><body><article>" + "".join(
        f"<p>{p}</p>" for p in paragraphs
    )
    text = clean_text(raw + "</article></body></html>").text
    assert all(p[:30] in text for p in paragraphs)


MARKDOWN = (
    "---\ntitle: Defectors speak in Seoul\ndate: 2024-03-05\nauthor: [Kim Min-ji, Lee Ho]\n---\n\n"
    "Some **bold** text with a [link](https://example.org/a) and `code`.\n\n"
    "![A photo of the hall](https://example.org/p.jpg)\n\n"
    + "A long paragraph of plain prose about the hearing. " * 100
    + "\n\n<div><p>Embedded <b>HTML</b> late in the file.</p></div>\n\n- item one\n- item two\n"
)


def test_markdown_front_matter_becomes_metadata() -> None:
    """Front matter leaves the text and gives title, date and authors; ``---`` is no title."""
    cleaned = clean_text(MARKDOWN)
    meta = dict(cleaned.metadata)
    assert meta["title"] == "Defectors speak in Seoul"
    assert meta["published"] == "2024-03-05"
    assert meta["authors"] == ("Kim Min-ji", "Lee Ho")
    assert "---" not in cleaned.text and "title:" not in cleaned.text
    assert cleaned.removed[0].rule == "front-matter"


def test_markdown_syntax_and_late_html_become_plain_text() -> None:
    """Links keep their text (URL to metadata), images leave, HTML after 4 KB loses its tags."""
    cleaned = clean_text(MARKDOWN)
    text = cleaned.text
    assert text.startswith("Some bold text with a link and code.")
    assert "Embedded HTML late in the file." in text
    assert "item one\nitem two" in text or "item one\n\nitem two" in text
    for syntax in ("**", "](", "![", "<p>", "`"):
        assert syntax not in text
    meta = dict(cleaned.metadata)
    assert meta["extra.links"] == ("https://example.org/a",)
    assert meta["extra.images"] == ("https://example.org/p.jpg",)
    link = text.index("link")
    raw = cleaned.offsets.to_raw(Span(link, link + 4))
    assert MARKDOWN[raw.start : raw.end] == "link"


def test_a_setext_headings_text_stays_and_its_underline_goes() -> None:
    """A heading underlined with ``---`` or ``===`` (as html2text writes a one-cell table's
    row, or a writer a section's name) keeps its text; the underline alone leaves."""
    raw = (
        "# The report\n\nSome **bold** text with a [link](https://example.org/a).\n\n"
        "Defectors describe the camps in detail\n---\n\nMore text under it.\n\n"
        "Two lines of\nthe next section\n===\n\nThe end.\n"
    )
    cleaned = clean_text(raw)
    assert "Defectors describe the camps in detail" in cleaned.text
    assert "Two lines of\nthe next section" in cleaned.text
    assert "---" not in cleaned.text and "===" not in cleaned.text
    at = cleaned.text.index("the next section")
    span = cleaned.offsets.to_raw(Span(at, at + len("the next section")))
    assert raw[span.start : span.end] == "the next section"
    # a setext heading as the title leaves with its underline
    titled = clean_text("The report\n===\n\nSome **bold** text, a [link](https://e.org).\n")
    assert dict(titled.metadata)["title"] == "The report"
    assert "=" not in titled.text and "The report" not in titled.text


def test_prose_with_a_list_is_not_markdown() -> None:
    """A plain letter with one bulleted list keeps its text untouched."""
    text = "Dear friends,\n\n- we met on Tuesday\n- we wrote to the U.N.\n\nThank you."
    assert clean_text(text).text == text


def _case(name: str) -> tuple[dict[str, Any], str]:
    """A real page of the case corpus: its expectations and its source."""
    cases = Path(__file__).parent / "cases" / "pages"
    case = json.loads((cases / f"{name}.json").read_text(encoding="utf-8"))
    return case, gzip.decompress((cases / case["file"]).read_bytes()).decode("utf-8")


def test_a_line_repeated_on_the_page_is_kept_as_often_as_the_article_has_it() -> None:
    """A page that repeats "Continue reading the main story" keeps it no more often than
    trafilatura's article text has it (a real New York Times page): not at all, as the line
    is for screen readers alone (``class="visually-hidden"``), and the article stays whole."""
    import trafilatura

    case, raw = _case("rd-nytimes-1")
    line = "Continue reading the main story"
    assert raw.count(line) >= 2
    main = trafilatura.bare_extraction(
        trafilatura.load_html(raw), include_comments=False, fast=True, include_tables=True
    )
    assert main is not None
    text = clean_text(raw).text
    assert text.count(line) == 0 < main.text.count(line)
    assert case["body"].split("\n")[3][:60] in text


def test_of_repeated_blocks_the_one_where_the_article_has_it_is_kept() -> None:
    """Of two blocks with the same text, the one in the article's order is kept."""
    from nkcorpus.cleaning.htmlalign import block_key, body_blocks
    from nkcorpus.cleaning.htmlpage import Block

    texts = [
        "Continue reading the main story",
        "The minister spoke to reporters in Seoul on Monday morning about it.",
        "Continue reading the main story",
        "Talks with the North are expected to resume later in the year, he said.",
    ]
    blocks = {n: Block(n * 100, n * 100 + len(t), t) for n, t in enumerate(texts)}
    keys = {n: block_key(b.text) for n, b in blocks.items()}
    main = "\n".join(texts[1:])
    assert body_blocks(blocks, keys, main) == {1, 2, 3}
    assert body_blocks(blocks, keys, "\n".join(texts)) == {0, 1, 2, 3}


def test_short_blocks_that_continue_the_main_text_where_it_stands_are_kept() -> None:
    """Product cards that trafilatura runs into one line ("Top RatedColemanCascade
    Camp Stove$275.00") keep their short parts ("Top Rated", "$275.00"); a short
    link that the main text also has there ("Europe" of a related story) does not."""
    from nkcorpus.cleaning.htmlalign import block_key, body_blocks
    from nkcorpus.cleaning.htmlpage import Block

    cards = [
        (["Top Rated", "Coleman Cascade 3-in-1 Camp Stove", "$275.00"], frozenset(["list"])),
        (["Coleman Cascade Classic Camp Stove", "$130.00"], frozenset(["list"])),
    ]
    texts = [(t, roles) for texts, roles in cards for t in texts]
    texts += [("Lanterns glow after dark in the old town square.", frozenset())]
    texts += [("Europe", frozenset(["link"]))]
    blocks = {n: Block(n * 100, n * 100 + len(t), t, roles) for n, (t, roles) in enumerate(texts)}
    keys = {n: block_key(b.text) for n, b in blocks.items()}
    main = "\n".join(["".join(texts) for texts, _roles in cards] + [texts[5][0] + "Europe"])
    assert body_blocks(blocks, keys, main) == {0, 1, 2, 3, 4, 5}


def test_a_list_of_sentences_inside_the_article_is_body() -> None:
    """A list whose items are sentences, between two paragraphs of the article, is body
    where trafilatura left it out (a real business page's "Why it matters: ...", "Cost:
    ..."); a list of links, a list of short labels, a list after the article and items
    inside a list that holds the article too are not added."""
    from nkcorpus.cleaning.htmlalign import listed_prose
    from nkcorpus.cleaning.htmlpage import Block

    item = frozenset(["list"])
    paragraph = "The institute has helped workers build careers in project management since 1969."
    texts = [
        (paragraph, frozenset()),
        ("Why it matters: The certificate is for project managers who want to earn more.", item),
        ("Cost: $225 for members or $300 for others, and it is valid for five years.", item),
        (paragraph, frozenset()),
        ("Read next: North Korea's new missile and what it means for the region today.", item | {"link"}),
        (paragraph, frozenset()),
        ("Free certifications for project managers and business analysts", item),
        (paragraph, frozenset()),
        ("Subscribe: The weekly letter with the news from Seoul, sent every Friday morning.", item),
    ]
    blocks = {n: Block(n * 100, n * 100 + len(t), t, roles) for n, (t, roles) in enumerate(texts)}
    body = {0, 3, 5, 7}
    assert listed_prose(blocks, body) == body | {1, 2}
    # inside a list that holds the article as well: its neighbours are list items too
    inside = {n: Block(b.start, b.end, b.text, b.roles | item) for n, b in blocks.items()}
    assert listed_prose(inside, body) == body


def test_a_section_heading_inside_the_article_is_body() -> None:
    """A section heading (``h2`` to ``h6``) after a body paragraph and just before another is
    body where trafilatura left it out (a documentation page's ``<h2>`` in a section of its
    own, Twilio's quickstart); the headline, a heading before a list of other stories, one
    before the article, one in an aside and one ending the page are not added."""
    from nkcorpus.cleaning.htmlalign import enclosed_headings
    from nkcorpus.cleaning.htmlpage import Block

    heading = frozenset(["heading"])
    paragraph = "Follow these steps to send a message from your phone number to the virtual phone."
    texts = [
        ("Contents", heading),
        ("SMS developer quickstart", frozenset(["h1"])),
        (paragraph, frozenset()),
        ("Open the Twilio Virtual Phone", heading),
        (paragraph, frozenset()),
        ("Send an outbound SMS message", heading),
        (paragraph, frozenset()),
        ("Related guides", heading),
        ("How to send a message with a template", frozenset(["list", "link"])),
        ("Rate this page", heading | {"aside"}),
        (paragraph, frozenset()),
        ("Need help?", heading),
    ]
    blocks = {n: Block(n * 100, n * 100 + len(t), t, roles) for n, (t, roles) in enumerate(texts)}
    body = {2, 4, 6, 10}
    assert enclosed_headings(blocks, body) == body | {3, 5}
    assert enclosed_headings(blocks, set()) == set()


def test_a_sections_heading_over_its_subsections_heading_is_body() -> None:
    """A section's heading over its first subsection's heading, the two over a paragraph of
    the article, are both body; a run of headings over a short line that is no sentence (a
    side column's labels over a link kept with the article) takes in only the nearest."""
    from nkcorpus.cleaning.htmlalign import enclosed_headings
    from nkcorpus.cleaning.htmlpage import Block

    heading = frozenset(["heading"])
    paragraph = "Install the command-line tools first, then sign in with the account you made."
    texts = [
        (paragraph, frozenset()),
        ("Requirements", heading),
        ("Hardware", heading),
        (paragraph, frozenset()),
        ("Markets", heading),
        ("Finance", heading),
        ("Top stories", heading),
        ("Shares rise", frozenset()),
        (paragraph, frozenset()),
    ]
    blocks = {n: Block(n * 100, n * 100 + len(t), t, roles) for n, (t, roles) in enumerate(texts)}
    body = {0, 3, 7, 8}
    assert enclosed_headings(blocks, body) == body | {1, 2, 6}


def test_drawings_and_style_sheets_are_left_out_of_the_parsed_page() -> None:
    """The parsed page that trafilatura and the metadata readers get has no ``svg`` or
    ``style`` element (an icon's paths are nodes that trafilatura would copy three
    times), keeps the text after them and the JSON-LD, and the page gives the same
    text and metadata with its icons as without them."""
    from nkcorpus.cleaning.htmlpage import load_tree

    icon = (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">'
        '<path d="M12 2L2 7l10 5 10-5-10-5z"/><path d="M2 17l10 5 10-5"/></svg>'
    )
    story = "".join(
        f"<p>Paragraph {n} of the report on the detention camps, written for the annual "
        "review of the council and read to its members in Geneva.</p>"
        for n in range(8)
    )
    ld = '{"@type": "NewsArticle", "headline": "Camp report", "datePublished": "2024-03-05"}'

    def page(drawn: bool) -> str:
        mark = icon if drawn else ""
        style = "<style>.menu{color:red}</style>" if drawn else ""
        return (
            f"<html><head><title>Camp report</title>{style}"
            f'<script type="application/ld+json">{ld}</script></head><body>'
            f"<nav><a href='/'>{mark}Home</a> <a href='/news'>{mark}News</a></nav>"
            f"<article><h1>Camp report</h1>{story}</article></body></html>"
        )

    tree = load_tree(page(True))
    assert not tree.xpath("//*[local-name()='svg' or local-name()='style']")
    assert tree.xpath("//nav/a")[0].text_content() == "Home"
    assert tree.xpath("//script[@type='application/ld+json']")
    drawn, plain = clean_text(page(True)), clean_text(page(False))
    assert drawn.text == plain.text and "Paragraph 7" in drawn.text
    assert drawn.metadata == plain.metadata
    assert dict(drawn.metadata)["published"].startswith("2024-03-05")


def test_a_thread_of_long_posts_between_short_lines_is_not_taken_for_menus() -> None:
    """A main text of hundreds of blocks, most of them short, is the page's menus only
    when the short blocks also hold most of its text: a discussion thread, where each
    long post stands between its writer's name and a "reply" link, is content."""
    from nkcorpus.cleaning.htmlalign import WHOLE_PAGE_BLOCKS, _whole_page, block_key

    post = (
        "I expect the talks to resume in spring; the last round ended without a date, "
        "but both sides kept their liaison offices open through the winter."
    )
    thread = [t for n in range(WHOLE_PAGE_BLOCKS) for t in (f"user{n}", "3 hours ago", post)]
    menus = [f"Section {n}" for n in range(2 * WHOLE_PAGE_BLOCKS)] + [post] * 10
    for texts, whole in ((thread, False), (menus, True)):
        keys = {n: block_key(t) for n, t in enumerate(texts)}
        assert _whole_page(keys, set(keys)) is whole


def test_the_menus_of_a_small_page_are_its_whole_page_too() -> None:
    """On a page of few blocks, a main text that holds most of them, nearly all menu
    items, is that page's menus (a link post under its site's header); a few short lines
    of such a page are not."""
    from nkcorpus.cleaning.htmlalign import SMALL_PAGE_BLOCKS, _whole_page, block_key

    lines = ["Skip to main content", "Open menu", "Log In", "r/technology", "Share"]
    texts = [*(lines * 4), "FCC chair warns Europe over satellite rules"]
    keys = {n: block_key(t) for n, t in enumerate(texts)}
    assert _whole_page(keys, set(range(len(texts) - 1)))
    assert not _whole_page(keys, set(range(SMALL_PAGE_BLOCKS - 1)))
    assert not _whole_page(keys, {n for n in keys if n % 3 == 0})  # a third of its blocks


@pytest.mark.parametrize(
    ("name", "article", "navigation"),
    [
        # The fast extraction falls back on the whole page: navigation and all.
        ("fresh-soma-donga-ssireum-budget", "영화 제작자인 이앤엠필름 김동현 대표는", "동아닷컴을 시작페이지로"),
        # The fast extraction finds a promotion box; the article is in photo captions.
        ("fresh-traf-economictimes-indiatimes-com-slideshow", "The latest iPhone from Apple", "#TougherTogether"),
        # The fast extraction takes the menus and lists of a small page of short lines.
        ("gne-stcn", "当升科技：9614.5万元竞得常州市工业用地", "点击排行"),
    ],
)
def test_a_page_the_fast_extraction_misreads_still_gives_its_article(
    name: str, article: str, navigation: str
) -> None:
    """Real pages where trafilatura's fast extractor takes the whole page or a stray box:
    nkcorpus looks again with trafilatura's full comparison and keeps the article only."""
    _expected, raw = _case(name)
    text = clean_text(raw).text
    assert article in text
    assert navigation not in text


def test_markup_in_a_script_template_is_read() -> None:
    """A blog post whose body sits in ``<script type="text/template">`` (Blogger) gives
    its paragraphs, each mapped to the raw page; other scripts stay invisible."""
    paragraph = "Over the past few years threats on the web have become more sophisticated."
    page = (
        "<html><body><script>var x = 'not text';</script><div class='post-body'>"
        f"<script type='text/template'><p>{paragraph}</p><p>{paragraph}</p></script>"
        "</div></body></html>"
    )
    found = read_page(page)
    texts = [b.text for b in found.blocks.values()]
    assert texts == [paragraph, paragraph]
    assert all(page[p.start : p.end] == p.text for p in found.pieces)


def test_the_parts_a_react_page_streams_in_are_read() -> None:
    """A server-rendered React page (Next.js) keeps its article in ``<div hidden
    id="S:0">`` blocks that a script moves into place: they are read, and a plain
    ``hidden`` element still is not."""
    paragraph = "Diyanet İşleri Başkanı Safi Arpaguş açıkladı, kurban bedeli belirlendi."
    page = (
        "<html><body><div hidden=''><!--$?--><template id='B:0'></template><!--/$--></div>"
        "<div hidden>Not shown at all</div><script>$RC('B:0','S:0')</script>"
        f"<div hidden id='S:0'><article><p>{paragraph}</p><p>{paragraph}</p></article></div>"
        "</body></html>"
    )
    found = read_page(page)
    assert [b.text for b in found.blocks.values()] == [paragraph, paragraph]
    assert all(page[p.start : p.end] == p.text for p in found.pieces)


def test_a_head_left_open_ends_where_the_body_begins() -> None:
    """A page that never closes ``head`` (``<link ...><body>``) shows its body, as a
    browser does; what stands in the head stays invisible."""
    paragraph = "Django is a high-level Python web framework that encourages rapid development."
    page = (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>Frameworks</title>"
        "<link rel='stylesheet' href='/site.css'><style>p {color: red}</style>"
        f"<body><div id='body'><h1>Top frameworks</h1><p>{paragraph}</p></div></body></html>"
    )
    found = read_page(page)
    assert [b.text for b in found.blocks.values()] == ["Top frameworks", paragraph]
    assert paragraph in clean_text(page).text
    # An element that may stand in the head does not end it.
    assert read_page("<head><meta charset='utf-8'><noscript>x</noscript>").blocks == {}


def test_a_page_shown_only_to_readers_without_scripts_gives_its_text() -> None:
    """A forum page that serves its posts inside ``noscript`` (Discourse) and shows
    nothing else gives those posts, each character mapped to the raw page; a page
    with text of its own keeps ``noscript`` out."""
    posts = [
        "We are on Teams and whatever version was released last night is broken.",
        "Same here: document reviews fail and basic grammar checks refer us elsewhere.",
    ]
    page = (
        "<html><head><title>Update broken - Bugs</title></head><body>"
        "<noscript><img src='/pixel.gif'></noscript>"
        "<noscript data-path='/t/update-broken/1'><div id='main-outlet' role='main'>"
        "<h1>Update broken</h1>"
        + "".join(f"<div class='post'><p>{post}</p></div>" for post in posts)
        + "</div></noscript><div id='app'></div></body></html>"
    )
    cleaned = clean_text(page)
    for post in posts:
        assert post in cleaned.text
        start = cleaned.text.index(post)
        raw = cleaned.offsets.to_raw(Span(start, start + len(post)))
        assert page[raw.start : raw.end] == post
    assert read_page(page).blocks == {}
    own = " ".join(posts * 2)  # a page that shows text of its own where scripts run
    shown = page.replace("<div id='app'></div>", f"<div id='app'><p>{own}</p></div>")
    assert clean_text(shown).text == own


def test_tab_panels_not_chosen_yet_are_read_and_hidden_elements_are_not() -> None:
    """The panels of a tab widget that wait for a click (``role="tabpanel" hidden``) and
    text that find-in-page reveals (``hidden="until-found"``) are the page's text; a
    plain ``hidden`` element is not."""
    page = (
        "<html><body><div role='tabpanel' id='tab-1'><p>Coverage when you are offline.</p></div>"
        "<div role='tabpanel' id='tab-2' hidden=''><p>Coverage when you are on a trip.</p></div>"
        "<div hidden='until-found'><p>Answers to common questions.</p></div>"
        "<div hidden><p>A dialog nobody opened.</p></div></body></html>"
    )
    assert [b.text for b in read_page(page).blocks.values()] == [
        "Coverage when you are offline.",
        "Coverage when you are on a trip.",
        "Answers to common questions.",
    ]


def test_article_text_in_a_collapsed_panel_is_kept_and_a_hidden_copy_is_not() -> None:
    """A shop page whose description sits in a collapsed accordion panel
    (``display:none``), which trafilatura keeps, gives that description once: the
    hidden schema.org copy of it leaves with the rule ``hidden``."""
    paragraphs = [
        "From the team that created the most popular smokeless fire pit comes our most "
        "advanced design yet, with taller and brighter flames than ever before.",
        "At the heart of the new design is a cone that lights a fire in seconds, and an "
        "upgraded airflow that burns the smoke before it leaves the pit.",
        "A built-in stand lets this portable fire pit burn safely on nearly any surface, "
        "including grass, turf, or decking, without scorching it.",
    ]
    copy = " ".join(paragraphs)
    page = (
        "<html><head><title>Summit 24 Fire Pit</title></head><body><nav><a href='/'>Home</a> "
        "<a href='/shop'>Shop</a> <a href='/sale'>Sale</a></nav><main><h1>Summit 24 Fire Pit</h1>"
        "<p>Our easiest fire pit to use.</p><div class='accordion'><button>Description</button>"
        "<div class='collapse' style='overflow:hidden;display:none'><div role='region'>"
        + "<br><br>".join(paragraphs)
        + "</div></div></div></main><div style='display:none' itemscope "
        f"itemtype='http://schema.org/Product'><div itemprop='description'>{copy}</div></div>"
        "<footer><a href='/about'>About us</a></footer></body></html>"
    )
    cleaned = clean_text(page)
    for paragraph in paragraphs:
        assert cleaned.text.count(paragraph) == 1
    hidden = [page[r.raw_span.start : r.raw_span.end] for r in cleaned.removed if r.rule == "hidden"]
    assert hidden == [copy]


def test_two_line_breaks_in_a_row_part_paragraphs() -> None:
    """A story written in one element with ``<br><br>`` between its paragraphs (Korean
    broadcasters' and Chinese portals' pages) gives paragraphs apart by a blank line, as a
    reader sees them; a single ``br`` breaks the line within a paragraph."""
    first = "통일부는 남북 통신선이 종일 끊어졌다고 밝혔습니다. 정부는 원인을 분석하고 있습니다."
    second = "전문가들은 북한이 연락을 받지 않는 이유로 내부 사정을 꼽았습니다. 상황은 유동적입니다."
    third = "정부는 다음 주까지 상황을 지켜볼 계획입니다. 통일부는 추가 조치를 검토하고 있습니다."
    page = (
        "<html lang='ko'><head><title>남북 통신선 끊겨</title></head><body><article>"
        f"<h1>남북 통신선 끊겨</h1><div>{first}<br><br>\n<span></span><br>{second}<br>"
        f"{third}</div></article></body></html>"
    )
    text = clean_text(page).text
    assert f"{first}\n\n{second}\n{third}" in text


def test_paragraphs_with_characters_that_do_not_print_stay_in_the_article() -> None:
    """A page stored with double-encoded quotes (``you\u00e2\x80\x99ll``: C1 controls
    in the text) keeps its paragraphs, although trafilatura's text drops those
    characters (the cleaning stage drops them later, as rule ``clean.invisible``)."""
    words = (
        "Ownership is a set of rules that govern how a program manages memory, and "
        "you\u00e2\x80\x99ll learn them with examples that focus on a very common data structure"
    )
    paragraphs = [f"{words}: part {n}." for n in range(6)]
    page = (
        "<html class='sidebar-visible'><head><title>Ownership</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/book'>Book</a></nav><main><h1>Ownership</h1>"
        + "".join(f"<p>{p}</p>" for p in paragraphs)
        + "</main></body></html>"
    )
    cleaned = clean_text(page, CleanOptions(mojibake=False))
    for paragraph in paragraphs:
        assert paragraph.replace("\x80", "").replace("\x99", "") in cleaned.text


def test_a_garbled_title_is_repaired_as_the_text_is() -> None:
    """A page stored with its UTF-8 read as Latin-1 (``â\x80\x94`` for an em dash)
    gives its title and its text repaired alike."""
    dash = "\u2014".encode().decode("latin-1")
    title = f"itertools {dash} Functions creating iterators for efficient looping"
    body = f"This module implements a number of iterator building blocks {dash} each fast."
    page = f"<html><head><title>{title}</title></head><body><h1>{title}</h1><p>{body}</p></body></html>"
    cleaned = clean_text(page)
    assert dict(cleaned.metadata)["title"] == title.replace(dash, "\u2014")
    assert "building blocks \u2014 each fast" in cleaned.text
    assert clean_text(page, CleanOptions(mojibake=False)).metadata == tuple(
        (name, value.replace("\u2014", dash) if name == "title" else value)
        for name, value in cleaned.metadata
    )


def test_a_fast_extraction_of_menu_items_gives_way_to_the_article() -> None:
    """A city hall page (from the article-extraction benchmark) whose fast extraction is
    hundreds of menu items gives its short news article, not the menus."""
    from benchmarks.article_benchmark import load_pages

    html = next(h for key, h, _gold in load_pages() if key.startswith("f6ac15a4"))
    text = clean_text(html).text
    assert "A equipe do Serviço de Atendimento Domiciliar (SAD)" in text
    assert "Ortofotos de 2005" not in text


def test_a_markdown_scrape_of_a_whole_page_keeps_its_article_only() -> None:
    """html2text's markdown of a whole Guardian page (menus, link lists, footer): the
    article stays, the menus leave as ``not-main-content`` removals that point at their
    raw lines, every kept word still maps to the scrape, and the date shown next to the
    headline is the date."""
    expected, raw = _case("fresh-md-aeb-guardian-hongkong")
    cleaned = clean_text(raw)
    from benchmarks.bench_pages import snippet_score

    snippets = len(expected["with"]) + len(expected["without"])
    assert snippet_score(cleaned.text, expected) == (snippets, snippets)
    assert dict(cleaned.metadata)["published"][:10] == expected["published"]  # by the headline
    gone = [r for r in cleaned.removed if r.rule == "not-main-content"]
    assert len(gone) >= 20
    assert all(raw[r.raw_span.start : r.raw_span.end].strip() for r in gone)
    text, start = cleaned.text, 0
    for word in text.split():  # each kept word maps to itself in the scrape
        start = text.index(word, start)
        span = cleaned.offsets.to_raw(Span(start, start + len(word)))
        assert raw[span.start : span.end] == word
        start += len(word)


def test_a_headline_wrapped_by_html2text_is_read_whole() -> None:
    """html2text wraps a long headline onto a second line: the title is the whole
    headline, both lines leave the body as the ``title`` removal, and the writer named
    beside a stamp whose date cannot be read is still found."""
    expected, raw = _case("fresh-md-aeb-cnbc-emirates")
    cleaned = clean_text(raw)
    assert dict(cleaned.metadata)["title"] == expected["title"]
    assert "expand airline by early 2020s" not in cleaned.text.split("\n\n")[0]
    titles = [raw[r.raw_span.start : r.raw_span.end] for r in cleaned.removed if r.rule == "title"]
    assert any(t.startswith("# Emirates") and t.endswith("early 2020s") for t in titles)
    short = "# A headline that is short\nA first paragraph right under it, no blank line\n"
    markdown = "[Home](/)\n\n[News](/news)\n\n" + short + "\nMore text. " * 3
    assert dict(clean_text(markdown).metadata).get("title") != (
        "A headline that is short A first paragraph right under it, no blank line"
    )
    _expected, raw = _case("fresh-md-aeb-space-europa")
    assert dict(clean_text(raw).metadata)["authors"] == ("Mike Wall",)


def test_a_plain_text_scrape_gives_the_headline_it_shows_and_the_writer_under_it() -> None:
    """A plain-text scrape of a whole CNN page, menus first: the title is the headline
    as the page shows it (not a menu item printed twice, not the page title's wording),
    and the writer and date under it are found ("Analysis by ...")."""
    expected, raw = _case("fresh-txt-aeb-cnn-trump-health")
    found = dict(clean_text(raw).metadata)
    assert found["title"] == expected["title"]
    assert found["authors"] == tuple(expected["authors"])
    assert found["published"][:10] == expected["published"]


def test_a_scrape_whose_menus_are_bare_lines_leaves_them() -> None:
    """html2text told to leave links out writes a page's menus as bare lines (no list
    markers, no link markup): the scrape is still read as a whole page, and its menus leave
    as not the article while its paragraphs stay."""
    from nkcorpus.cleaning.scrapes import looks_like_scrape

    expected, raw = _case("fresh-md-aeb-smithsonian-plague")
    assert looks_like_scrape(raw)
    cleaned = clean_text(raw)
    lines = cleaned.text.splitlines()
    for menu in ("Accessibility Navigation", "GIVE A GIFT (Left)", "Future of Space Exploration"):
        assert menu not in lines
    gone = [raw[r.raw_span.start : r.raw_span.end] for r in cleaned.removed]
    assert any("Future of Space Exploration" in text for text in gone)
    flowing = " ".join(cleaned.text.split())  # the scrape wraps its paragraphs' lines
    assert all(snippet in flowing for snippet in expected["with"])


def test_a_readme_written_in_markdown_is_not_taken_for_a_scrape() -> None:
    """A README (lists, code, links) is a document of its own: nothing leaves it as
    not the article."""
    from nkcorpus.cleaning.scrapes import looks_like_scrape

    _expected, raw = _case("md-trafilatura-readme")
    assert not looks_like_scrape(raw)
    assert not [r for r in clean_text(raw).removed if r.rule == "not-main-content"]


def test_a_text_scrape_titled_with_the_site_name_gives_the_headline() -> None:
    """A plain-text scrape whose first line is the page's title with its section and
    site ("... - Breaking News - The Jerusalem post") gives the headline alone."""
    expected, raw = _case("fresh-txt-aeb-jpost-weizsaecker")
    assert dict(clean_text(raw).metadata)["title"] == expected["title"]


@pytest.mark.parametrize(
    ("page", "shown"),
    [
        ("<p>before<!-- hidden --> after</p>", ["before after"]),
        ("<p>a<!-- x ---> b --> c</p>", ["a b --> c"]),  # the comment ends at its first -->
        ("<p>a<!----->b</p>", ["ab"]),
        ("<p>kept</p><!-- never closed <p>lost</p>", ["kept"]),
        ("<p>x<![CDATA[ y ]] ]]]>z</p>", ["xz"]),
        ("<p>kept</p><![CDATA[ never closed <p>lost</p>", ["kept"]),
        ("<p>one</p>tail text", ["one", "tail text"]),  # no tag after the last text
        ("<p>less</p>a < b <", ["less", "a < b <"]),  # a "<" that starts no tag is text
        ("<p>x</p><div class='a", ["x", "<div class='a"]),  # a tag left open at the end
        ("<p>a</p><script>var s = '<p>no</p>';</script><p>b</p>", ["a", "b"]),
        ("<p>a</p><script>never closed <p>no</p>", ["a"]),
    ],
)
def test_comments_cdata_and_the_end_of_the_page(page: str, shown: list[str]) -> None:
    """Comments and CDATA show nothing up to where they first close (or to the end of the
    page when they never do), raw text of scripts never shows, and text after the last tag,
    even a stray "<" or a tag cut off by the end of the page, is read as text."""
    assert [b.text for b in read_page(page).blocks.values()] == shown


def test_a_text_of_many_blank_lines_is_read_in_linear_time() -> None:
    """Four times the lines that hold a space alone (a scrape's padding) take about four
    times as long to clean, not sixteen or more: telling markdown from plain text looks
    within each line."""
    body = "\n\nThe talks went on for a long while today and the delegates left late." * 3
    small_text, large_text = ("Talks resume\n\n" + " \n" * count + body for count in (2000, 8000))
    assert "The talks went on" in clean_text(large_text).text
    assert growth_ratio(lambda: clean_text(small_text), lambda: clean_text(large_text)) < LINEAR_LIMIT


def test_a_comment_forms_labels_after_the_article_stay_out_of_the_text() -> None:
    """The labels and buttons of a form after the article (``Your Name``, ``Submit``) are
    not article text, even where trafilatura's main text holds them; on a page that is one
    form as a whole (ASP.NET's), short paragraphs stay."""
    story = "".join(
        f"<p>Paragraph {i}: the committee heard from defectors who crossed the river in "
        "winter and described the camps and the long walk to the border.</p>"
        for i in range(6)
    )
    # a blog's comment form, as Simon Tatham's blog writes it (2025)
    form = (
        '<h3>Add A Comment</h3><blockquote><form action="/cgi-bin/comments.cgi" method="post">'
        "<table><tr><td>Your Name</td><td><input name=name></td></tr>"
        "<tr><td>Your Email</td><td><input name=mail></td></tr>"
        '<tr><td colspan="2">Your Comment<br><textarea name=body></textarea></td></tr>'
        "</table></form><p>Comments that relate only to other comments are not approved, "
        "and your email address will not be displayed.</p></blockquote>"
    )
    layout = (  # the blog's layout: a table, the article and its form in one cell
        f"<table><tr><td valign=top><fieldset><div>{story}</div>{form}</fieldset></td>"
        "<td valign=top><fieldset><legend>Search</legend><form><input name=q></form>"
        "</fieldset></td></tr></table>"
    )
    page = f"<html><head><title>Camps</title></head><body><h1>Camps</h1>{layout}"
    text = clean_text(page + "</body></html>").text
    assert "Paragraph 5" in text
    assert "Your Name" not in text and "Your Email" not in text
    whole = f"<html><head><title>Camps</title></head><body><form><h1>Camps</h1>{story}"
    whole += "<p>Short note.</p><p>Sincerely.</p></form></body></html>"
    assert "Short note." in clean_text(whole).text


def test_a_portals_page_of_headline_links_gives_its_article_not_its_lists() -> None:
    """A TV station's news page of 2012 (Taiwan, from the DAniEL corpus) whose fast
    extraction keeps the whole page, the article among lists of long headline links (too
    long to count as menu items), gives the article; the style sheet written after a
    self-closed ``<style type="text/css" />`` is no text, as a browser reads it."""
    from benchmarks.article_benchmark import DANIEL

    from nkcorpus.cleaning.decode import decode

    page = DANIEL / "html" / "www.ttv.com.tw-cb231cb6f6db.html.gz"
    text = clean_text(decode(gzip.decompress(page.read_bytes())).text).text
    assert "今天陽光終於露臉了" in text
    assert "MARGIN: 0 0 0 0" not in text
    assert "蔡英文敗選" not in text  # a headline of the lists beside the article
    assert len(text) < 1500


def test_a_self_closed_raw_text_element_holds_its_text_as_a_browser_reads_it() -> None:
    """``<style/>`` and ``<script/>`` open their element (only void elements close with
    ``/>`` in HTML): the style sheet or script after them, up to their end tag, is no text."""
    page = (
        "<html><body><p>Before the style.</p><style type='text/css' />body { margin: 0 }"
        "</style><p>Between them.</p><script src='a.js' />var shown = 1;</script>"
        "<p>After the script.</p></body></html>"
    )
    blocks = [block.text for block in read_page(page).blocks.values()]
    assert blocks == ["Before the style.", "Between them.", "After the script."]


def test_a_page_laid_out_in_a_table_gives_its_article_not_its_menus() -> None:
    """Xinhua's Big5 edition of 2012 (from the DAniEL corpus) lays the whole page out in
    tables; the fast extraction keeps the cells of menus and tools with the article's, so
    the full cascade looks again: the article stays, the menus and the font-size tools
    leave."""
    from benchmarks.article_benchmark import DANIEL

    from nkcorpus.cleaning.decode import decode

    page = DANIEL / "html" / "big5.xinhuanet.com-d246f0bbe881.html.gz"
    text = clean_text(decode(gzip.decompress(page.read_bytes())).text).text
    assert "哈佛大學公共衛生學院的研究人員對馬薩諸塞州的787名戒煙人進行了追蹤調查" in text
    assert "新華網首頁" not in text
    assert "【字號：大 中 小】" not in text


@pytest.mark.parametrize(
    "lead",
    [
        # a financial site's first paragraph of 2018, shorter than 80 characters
        "华谊兄弟15日晚间公告，截至2018年1月14日，公司来源于该影片的营业收入约为4.5亿元至5.5亿元。",
        "On Jan. 5 the committee heard from three defectors who crossed the river.",
    ],
)
def test_a_short_first_paragraph_that_names_a_date_stays_in_the_article(lead: str) -> None:
    """A first paragraph short enough for a dateline, naming a date, is the article's
    first sentence, not a stamp: it stays in the text; the stamp above it leaves."""
    story = "".join(
        f"<p>第{i}段：该系列的前两部作品都取得了不错的票房，并凭借喜剧风格和颇具传播力的台词，"
        "成为了爆款电影，上映不到两周已经突破十五亿元。</p>"
        for i in range(5)
    )
    page = (
        "<html><head><title>前任3累计票房超17亿</title></head><body><article>"
        "<h1>前任3累计票房超17亿</h1><p><span>第一财经</span> <em>2018-01-15 20:16:00</em></p>"
        f"<p>{lead}</p>{story}</article></body></html>"
    )
    cleaned = clean_text(page)
    assert lead in cleaned.text
    assert "2018-01-15 20:16:00" not in cleaned.text


def test_text_hidden_inside_a_word_to_foil_copying_leaves_the_word_whole() -> None:
    """A hidden element inside a word (text hidden to foil copying) parts nothing; text for
    screen readers alone between two words does."""
    page = read_page(
        "<html><body><p>Pyong<span style='display:none'>xq</span>yang and Kae"
        "<span hidden>z</span>song</p><p>Kicker<span class='sr-only'>: </span>"
        "<span>Headline</span></p></body></html>"
    )
    assert [b.text for b in page.blocks.values()] == ["Pyongyang and Kaesong", "Kicker Headline"]


def test_json_nested_deeper_than_the_parser_reads_is_no_crash() -> None:
    """JSON-LD, or a script's story data, nested a hundred thousand levels deep (which
    Python's JSON parser cannot read) is left aside; the page's article is read."""
    article = "<p>" + "The commission heard testimony about the camps and forced labour. " * 3
    depth = 100_000
    page = (
        "<html><head><title>Camps</title><script type='application/ld+json'>"
        + "[" * depth
        + "]" * depth
        + "</script><script>Fusion.globalContent="
        + '{"a":' * depth
        + "1"
        + "}" * depth
        + f";</script></head><body>{article}</p></body></html>"
    )
    assert clean_text(page).text.startswith("The commission heard testimony")


def test_many_author_meta_elements_are_read_in_linear_time() -> None:
    """Each distinct ``meta name=author`` value is a writer, once; four times as many
    elements take about four times as long (each value was looked for in the joined
    values before: quadratic)."""
    article = "<p>" + "The commission heard testimony about the camps and forced labour. " * 3

    def page(count: int) -> str:
        metas = "".join(f"<meta name='author' content='Jane{n % (count // 2)} Doe'>" for n in range(count))
        return f"<html><head><title>T</title>{metas}</head><body>{article}</p></body></html>"

    small, large = page(4000), page(16000)
    authors = dict(clean_text(large).metadata)["authors"]
    assert len(authors) == 8000 and authors[:2] == ("Jane0 Doe", "Jane1 Doe")
    assert growth_ratio(lambda: clean_text(small), lambda: clean_text(large)) < LINEAR_LIMIT


def test_a_main_text_that_keeps_the_pages_menus_is_looked_for_again() -> None:
    """trafilatura's fast extraction keeps a 2013 Dong-a Ilbo page whole, its menus, login
    links and photo teasers with the interview (the page is goose3's test page): so many
    menu items of the page's furniture in the main text make its full cascade look again,
    and the text is the interview without them."""
    cases = Path(__file__).parent / "cases" / "pages"
    raw = gzip.decompress((cases / "goose-donga-korean.html.gz").read_bytes()).decode()
    text = clean_text(raw).text
    assert "경기도 용인에 자리 잡은 민간 시험인증 전문기업" in text[:200]
    assert all(item not in text for item in ("로그인 |", "회원가입 |", "포토 핫 이슈", "MLB파크"))


def test_a_main_text_of_menus_alone_gives_way_to_the_article_the_full_cascade_finds() -> None:
    """A page whose article stands inside an unclosed ``aside`` (a sidebar's markup that
    never ends, as on a Washington Times page of 2023): trafilatura's fast extraction
    drops the sidebar, article and all, and keeps the navigation's menu, no paragraph in
    it. That is not the whole page, whose full cascade should be shorter: the full
    cascade's longer main text, which holds the paragraphs, is the article."""
    menu = "".join(f"<li><a href='/s{i}'>Section {i}</a></li>" for i in range(30))
    story = "".join(
        f"<p>Paragraph {i}: the committee heard testimony from former detainees about the "
        "conditions in the camps, and its members asked for access to them.</p>"
        for i in range(8)
    )
    page = (
        f"<html><head><title>Budget passes</title></head><body><header><nav><ul>{menu}"
        "</ul></nav></header><div id='main'><aside id='secondary'><div>Advertisement</div>"
        f"<section><article><h1>Budget passes</h1>{story}</article></section></div>"
        "</body></html>"
    )
    text = clean_text(page).text
    assert text.startswith("Paragraph 0: the committee heard testimony")
    assert "Paragraph 7" in text
    assert "Section 3" not in text


def test_a_reader_services_header_above_the_markdown_becomes_metadata() -> None:
    """The header that reader services write above a page's markdown (``Title:``, ``URL
    Source:``, ``Published Time:``, then ``Markdown Content:``) leaves the text as front
    matter does and gives the title, the date and the address; the markdown under it is
    read as markdown (its heading's ``#`` goes), each word still at its place."""
    story = "\n\n".join(
        f"Paragraph {n}: the committee heard from defectors who crossed the river in winter."
        for n in range(4)
    )
    scrape = (
        "Title: Defectors speak in Seoul\n\nURL Source: https://example.org/news/1\n\n"
        "Published Time: 2024-03-05T09:00:00+09:00\n\nMarkdown Content:\n"
        f"# Defectors speak in Seoul\n\nBy Kim Min-ji\n\n{story}\n"
    )
    cleaned = clean_text(scrape)
    meta = dict(cleaned.metadata)
    assert meta["title"] == "Defectors speak in Seoul"
    assert meta["published"] == "2024-03-05T09:00:00+09:00"
    assert meta["extra.url"] == "https://example.org/news/1"
    assert meta["authors"] == ("Kim Min-ji",)
    assert cleaned.text.startswith("Paragraph 0: the committee")
    assert "URL Source" not in cleaned.text and "#" not in cleaned.text
    assert cleaned.removed[0].rule == "front-matter"
    word = cleaned.text.index("defectors")
    raw = cleaned.offsets.to_raw(Span(word, word + len("defectors")))
    assert scrape[raw.start : raw.end] == "defectors"


@pytest.mark.parametrize(
    "head",
    [
        "Title: Defectors speak in Seoul\n\nPublished Time: 2018-02-20T17:06:46.844-05:00\n\n"
        "Markdown Content:\n",
        "---\ntitle: Defectors speak in Seoul\ndate: 2018-02-20T17:06:46.844-05:00\n---\n\n",
    ],
)
def test_a_scrapes_declared_moment_keeps_its_zone_where_the_page_shows_its_day(head: str) -> None:
    """The moment that a scrape's front matter (or a reader service's header) declares
    stays whole, seconds and zone, where the stamp under the headline shows the same day
    (``Feb 20, 2018 5:06 PM``); the header's own lines are no stamp near the headline."""
    story = "\n\n".join(
        f"Paragraph {n}: the committee heard from defectors who crossed the river in winter."
        for n in range(4)
    )
    for shown in ("Feb 20, 2018 5:06 PM\n\n", ""):
        scrape = f"{head}# Defectors speak in Seoul\n\n{shown}{story}\n"
        published = dict(clean_text(scrape).metadata)["published"]
        assert published == "2018-02-20T17:06:46.844000-05:00"


def test_a_cookie_banner_over_a_scraped_article_leaves_with_the_pages_furniture() -> None:
    """A whole page scraped to markdown with its cookie banner first (consent paragraphs
    that jusText keeps as prose, and the short lines between them): the banner leaves with
    the menus, however short; the article stays, with its own paragraph about cookies
    under its first one (a banner stands above the article)."""
    banner = (
        "Privacy Center\n\nCurrently, only residents of some countries and states can opt out "
        "of the tracking technologies that we use through our consent platform. Additional "
        "options regarding these technologies may be available on your device, in your "
        "browser, or through the options of the industry. Please see our Privacy Policy for "
        "more information about all of them.\n\nSocial Media\n\nOn\n\nThese cookies are set "
        "by a range of social media services that we have added to the site to enable you to "
        "share our content with your friends and networks. They are capable of tracking your "
        "browser across other sites and of building up a profile of your interests.\n\nOK\n\n"
    )
    menu = "".join(f"[Section {n}](https://example.org/s{n})\n\n" for n in range(24))
    story = "".join(
        f"Paragraph {n}: the committee heard from defectors who crossed the river in winter "
        "and described the camps, the guards and the long walk to the border in detail.\n\n"
        for n in range(8)
    )
    footer = "".join(f"[Footer link {n}](https://example.org/f{n})\n\n" for n in range(24))
    # the article's own paragraph about cookies and tracking, under its first paragraph
    own = "Their phones, one said, were checked for cookies and tracking apps at every post.\n\n"
    scrape = (
        "Title: Defectors speak in Seoul\n\nURL Source: https://example.org/a\n\n"
        f"Markdown Content:\n{banner}{menu}# Defectors speak in Seoul\n\n{story}{own}{footer}"
    )
    cleaned = clean_text(scrape)
    assert "social media services" not in cleaned.text and "Privacy Center" not in cleaned.text
    assert cleaned.text.startswith("Paragraph 0: the committee")
    assert "Paragraph 7" in cleaned.text and own.strip() in cleaned.text


def test_the_pages_menus_leave_where_trafilatura_kept_the_whole_page() -> None:
    """RTHK's news pages (2023) hold a short story of a few sentences under a long menu;
    both of trafilatura's extractions keep the whole page, menus and all. The menus, the
    navigation and the footer leave; the story's sentences stay."""
    from benchmarks.article_benchmark import load_ko_zh_pages

    raw = next(html for key, html, _gold in load_ko_zh_pages() if key == "rthk-02")
    text = clean_text(raw).text
    assert "美國3月出口物價按月跌0.3%，跌幅多過市場預期的0.1%。" in text
    assert "期內，進口物價按月跌0.6%，跌幅多過預期的0.1%。" in text
    for menu_item in ("新聞主頁", "普通話新聞", "報料快線", "選單"):
        assert menu_item not in text


def test_a_korean_photos_caption_set_in_the_text_is_a_caption() -> None:
    """Korean sites set a photo's caption in the article's text, marked with ``▲`` or
    ``↑`` and closed by the photo's credit (``사진=세종시 제공``, Daejon Ilbo 2020): it
    leaves the text and is kept among the captions. A paragraph of items each marked with
    ``▲`` stays."""
    caption = "▲4일 세종시청에서 특별모금 성금 전달식이 열렸다. 사진=세종시 제공"
    items = "▲ 첫째, 보험료율을 올린다. ▲ 둘째, 소득대체율을 지킨다."
    prose = "".join(
        f"<p>{n}번째 문단: 코로나19 극복을 위한 특별모금에 기업과 단체의 성금 기탁이 이어지고 있다.</p>"
        for n in range(5)
    )
    raw = (
        "<html lang='ko'><head><title>특별모금 성금 전달</title></head><body><article>"
        f"<h1>특별모금 성금 전달</h1><p>{caption}</p>{prose}<p>{items}</p></article></body></html>"
    )
    cleaned = clean_text(raw)
    assert dict(cleaned.metadata)["captions"] == (caption,)
    assert caption not in cleaned.text and cleaned.text.endswith(items)



def test_teasers_of_the_sites_other_stories_after_the_article_leave_it() -> None:
    """CTV News and The Economist (2023) close a story with teasers of other stories of
    the site, each a linked headline over its summary, under headings of their own ("More
    from Science & technology"), which trafilatura keeps as the article's: they leave the
    text with the story's last paragraphs kept, and each leaves as a removal."""
    from benchmarks.article_benchmark import load_en_pages

    pages = {key: html for key, html, _gold in load_en_pages()}
    cleaned = clean_text(pages["ctv-02"])
    assert cleaned.text.rstrip().endswith(
        "This report by The Canadian Press was first published March 24, 2023."
    )
    assert "cut back." in cleaned.text
    for teaser in ("Most elephants eat bananas", "Don Martin", "FACT CHECK", "IN DEPTH"):
        assert teaser not in cleaned.text
    removed = [pages["ctv-02"][r.raw_span.start : r.raw_span.end] for r in cleaned.removed]
    assert any("Most elephants eat bananas" in text for text in removed)
    economist = clean_text(pages["economist-01"]).text
    assert "Angie Hinrichs" in economist
    assert "More from Science & technology" not in economist
    assert "Icy moons with vast oceans" not in economist


def test_teaser_cards_that_are_one_link_each_leave_the_article() -> None:
    """The Taipei Times (2024) closes a story with cards of its other stories, each one
    link to the story around its headline, date and a long summary ("RISK REMAINS: An
    official said …"); trafilatura keeps the summaries. They leave the text, and the
    story's last paragraph stays."""
    from benchmarks.bench_pages import load_cases

    raw = next(c["raw"] for c in load_cases() if c["id"] == "fresh-fundus-taipeitimes-2024-10-15")
    cleaned = clean_text(raw)
    assert cleaned.text.rstrip().endswith("damaged in clashes with Chinese vessels this year.")
    for card in ("RISK REMAINS", "FIVE-YEAR WINDOW", "REACTION TO LAI"):
        assert card not in cleaned.text
    assert any("RISK REMAINS" in raw[r.raw_span.start : r.raw_span.end] for r in cleaned.removed)


def test_a_hub_pages_sections_that_link_to_its_own_pages_stay() -> None:
    """A government agency's page on a topic ends with its sections, each a short label
    that links to a page of the site over a line on it ("Training" over "When employees
    are trained…"): labels, not the headlines of other stories, and the page's matter."""
    intro = "".join(
        f"<p>Electrical hazards part {n}: workers face shocks, burns and arc flashes on the "
        "job, and employers must protect them under the agency's standards.</p>"
        for n in range(5)
    )
    sections = "".join(
        f"<h2><a href='/electrical/{slug}'>{label}</a></h2><p>{line}</p>"
        for slug, label, line in (
            ("hazards", "Hazards", "Hazards that workers meet when they work on live parts."),
            ("solutions", "Possible Solutions", "Ways to reduce or end the risk of injury."),
            ("training", "Training", "When employees are trained, they avoid most injuries."),
            ("resources", "Additional Resources", "Sources of help on electrical safety."),
        )
    )
    raw = (
        "<html><head><link rel='canonical' href='https://www.agency.example.gov/electrical'>"
        f"</head><body><main><h1>Electrical</h1>{intro}{sections}</main></body></html>"
    )
    text = clean_text(raw).text
    for line in ("Hazards", "Possible Solutions", "Training", "When employees are trained"):
        assert line in text


def test_headings_that_link_to_other_sites_stay() -> None:
    """A newsletter's sections (cron.weekly in Mercury's fixtures: each tool's name, a
    link to its own site, over a line on it) end the page as teasers do, but link away
    from the site: they are the newsletter's matter and stay."""
    from benchmarks.article_benchmark import load_postlight_pages

    raw = next(html for name, html, _gold in load_postlight_pages() if name == "ma.ttias.be")
    text = clean_text(raw).text
    assert "Keycloak is an Open Source Identity and Access Management solution" in text
    assert "Why does cron only offer minute granularity?" in text


def test_menu_items_above_the_article_leave_it() -> None:
    """Republic World (2023) sets its menus' items just above the story ("Politics News",
    "Quick links:"), and trafilatura keeps them with its first lines: they leave the text
    as navigation. A short heading within a Chinese story whose paragraphs are all short
    ("“郑重道歉”", BBC Chinese, 2012) stays, though its element is marked as a menu's."""
    from benchmarks.article_benchmark import load_en_pages
    from benchmarks.bench_pages import load_cases

    raw = next(html for key, html, _gold in load_en_pages() if key == "republicworld-02")
    cleaned = clean_text(raw)
    assert cleaned.text.startswith("Prime Minister Narendra Modi on Friday")
    lines = set(cleaned.text.split("\n"))
    for item in ("Politics News", "Education News", "Quick links:"):
        assert item not in lines
    rules = {raw[r.raw_span.start : r.raw_span.end]: r.rule for r in cleaned.removed}
    assert rules["Quick links:"] == "navigation"
    chinese = next(case["raw"] for case in load_cases() if case["id"] == "goose-bbc-chinese")
    assert "\n“郑重道歉”\n" in clean_text(chinese).text


def test_the_writers_address_over_a_wire_storys_end_mark_leaves_the_text() -> None:
    """Yonhap's English service (2023) closes a story with its writer's address alone and
    the wire's end mark, one element split by ``br`` (``"sshluck@yna.co.kr<br/>(END)"``):
    the address leaves the text as the byline, the end mark as furniture."""
    from benchmarks.article_benchmark import load_en_pages

    raw = next(html for key, html, _gold in load_en_pages() if key == "yonhap-en-04")
    cleaned = clean_text(raw)
    assert cleaned.text.rstrip().endswith("peace and stability in the war-torn country.")
    assert "sshluck@yna.co.kr" not in cleaned.text and "(END)" not in cleaned.text
    rules = {raw[r.raw_span.start : r.raw_span.end].strip(): r.rule for r in cleaned.removed}
    assert rules["sshluck@yna.co.kr"] == "byline" and rules["(END)"] == "end-mark"


def test_a_pages_announcements_to_screen_readers_are_not_shown() -> None:
    """CBC's pages (2023) announce to screen readers that a story loaded, in a region of
    class ``a11y`` (``"Flames eliminated … | CBC Sports Loaded"``); utility classes write
    ``u-visually-hidden``, Drupal ``element-invisible``. None of it is shown; a class that
    only begins with such a word (``a11y-menu``, a menu for keyboards) hides nothing."""
    from benchmarks.article_benchmark import load_en_pages

    raw = next(html for key, html, _gold in load_en_pages() if key == "cbc-02")
    assert "Loaded" not in clean_text(raw).text
    page = read_page(
        "<div id='a11yNotification' class='a11y' role='alert'>Story Loaded</div>"
        "<p class='u-visually-hidden'>Opens in a new window</p>"
        "<span class='element-invisible'>Skip</span><p>The talks went on.</p>"
        "<ul class='a11y-menu'><li>Sections</li></ul>"
    )
    assert [b.text for b in page.blocks.values()] == ["The talks went on.", "Sections"]


def test_a_portals_lists_of_stories_under_the_article_leave_it() -> None:
    """ifeng.com's finance pages (2012, DAniEL corpus) set the site's lists of stories
    under the article: its channels, the latest headlines each over its time, the most
    read each under its count. trafilatura keeps them; they leave the text, and so does
    the portal's disclaimer, while the article's paragraphs stay."""
    from benchmarks.article_benchmark import load_daniel_pages

    from nkcorpus.cleaning.decode import decode

    data = next(d for key, d, _g in load_daniel_pages() if key == "finance.ifeng.com-4310b3265d50")
    text = clean_text(decode(data).text).text
    assert text.rstrip().endswith("此前的13日，该机构宣布下调法国等9个欧元区国家的长期信用评级。")
    for listed in ("48小时点击排行", "01/17 02:00", "585640", "潘石屹", "免责声明"):
        assert listed not in text


def test_a_portals_most_read_headlines_with_their_times_leave_the_article() -> None:
    """NOWnews's pages (2012, DAniEL corpus) end with the most read stories, each a heading
    that opens with a bullet outside its link and ends with its time (``"． 北韓政權交棒
    女主播世代交替 (01/17 06:44)"``). trafilatura keeps them; the time that ends each line
    marks the list as the site's stories, and it leaves the text."""
    from benchmarks.article_benchmark import load_daniel_pages

    from nkcorpus.cleaning.decode import decode

    data = next(d for key, d, _g in load_daniel_pages() if key == "www.nownews.com-5f1738258a38")
    raw = decode(data).text
    cleaned = clean_text(raw)
    assert cleaned.text.rstrip().endswith("然而這些都可以轉化成較高的收入")
    assert "女主播世代交替" not in cleaned.text and "(01/17 06:44)" not in cleaned.text
    assert any(
        r.rule == "aside" and "女主播世代交替" in raw[r.raw_span.start : r.raw_span.end]
        for r in cleaned.removed
    )


@pytest.mark.parametrize(
    ("key", "last", "listed"),
    [
        # headlines cut short ("..") each over its time in brackets, and summaries cut short
        # with a link to the rest ("...«全文»")
        (
            "n.yam.com-f0b07bc7f9ea",
            "健檢後一定要索取病歷資料，才能保障自己的權利。",
            ("[21:26] 01-17", "«全文»", "熱門討論", "燒肉店擬提.."),
        ),
        # the latest headlines, each link after a bullet and a tag ("·[新闻] …")
        ("www.jfdaily.com-a163a9d32674", None, ("·[新闻] 洋山保税港区拟扩区",)),
        # headlines that open with their day and time ("01/11 17:57 4张/秒…") under a
        # heading, the portal's empty widgets' headings, and its disclaimer at the end
        (
            "tech.hexun.com-1e16b8da0988",
            "尤为令人期待。",
            ("尼康D5100仅4750元", "科技精品推荐", "精彩焦点图鉴", "免责声明"),
        ),
        # linked headlines over the site's menu written on one line ("首页 - 新闻 - 体育- …")
        (
            "news.syd.com.cn-54b6565dec0b",
            "以免耽误行程。",
            ("沈阳部署春节期间打假工作", "首页 - 新闻"),
        ),
        # four headlines only, each with its time, under a heading of related stories
        (
            "mil.news.sina.com.cn-29ccce1a9b85",
            "意义重大、影响深远。(记者余建斌)",
            ("火星-500试验第一乘组将模拟登陆", "更多关于 中国 火星500 王跃 的新闻"),
        ),
        # the story's tags at the very end, set apart by spaced commas ("蔡英文 、 民進黨 、 …")
        ("web.pts.org.tw-2f8947293f33", "(2012-01-17 12:00) 中晝新聞", ("民進黨 、 國民黨",)),
        # related stories each with its date, in one paragraph split by line breaks
        ("tech.qq.com-efe7ac9c9cfe", "孰轻孰重，值得深思。", ("家电以旧换新本月31日截止",)),
        # the links of a portal's widgets after a bar ("• | 最新研究報告")
        ("udn.com-324143b9afb5", "都有機會受惠。", ("最新研究報告", "訂閱電子報")),
    ],
)
def test_a_portals_lists_of_cut_short_or_bulleted_headlines_leave_the_article(
    key: str, last: str | None, listed: tuple[str, ...]
) -> None:
    """Portals (2012, DAniEL corpus) set their lists of stories under the article in shapes
    that no link opens: a bullet or a tag before the link, a headline cut short with
    ``..`` over its time, a summary cut short with a link to the rest. trafilatura keeps
    them; they leave the text, and the article's last paragraph stays."""
    from benchmarks.article_benchmark import load_daniel_pages

    from nkcorpus.cleaning.decode import decode

    data = next(d for k, d, _g in load_daniel_pages() if k == key)
    text = clean_text(decode(data).text).text
    for line in listed:
        assert line not in text
    if last is not None:
        assert text.rstrip().endswith(last)


def _daniel_scrape(scraper: str, key: str) -> str:
    """The stored scrape that ``scraper`` (html2text, inscriptis) wrote of DAniEL's page
    ``key`` (``benchmarks/data/daniel-zh/scrapes``)."""
    import gzip
    import json

    from benchmarks.article_benchmark import DANIEL

    with gzip.open(DANIEL / "scrapes" / f"{scraper}.json.gz", "rt", encoding="utf-8") as file:
        scrapes: dict[str, str] = json.load(file)
    return scrapes[key]


def test_a_scrapes_article_written_on_one_line_between_menus_stays() -> None:
    """jiangxi.jxnews.com.cn's page (2012, DAniEL corpus) as html2text writes it: the
    article, a layout table's cell, is one line of 1,500 characters between the site's
    menus and link lists. jusText finds it near good (a report full of names and figures
    has few of the stop words it counts) and, next to boilerplate, took it for boilerplate;
    one long paragraph of prose with few links is the article, whatever its neighbours."""
    raw = _daniel_scrape("html2text", "jiangxi.jxnews.com.cn-751d65a6c83d")
    text = clean_text(raw).text
    assert "省体育局局长刘鹰作全省体育工作报告" in text
    assert "由运动会组委会组织实施" in text
    assert "最年轻“国手”冲射击金牌未果" not in text  # the related stories' links leave


def test_a_scrapes_short_menus_before_and_after_its_article_leave() -> None:
    """china.huanqiu.com's page (2011, DAniEL corpus) as html2text writes it: the site's
    menu on one line and its breadcrumb trail over the article, the menu again at the very
    end. Fewer than five lines in a row, they stayed, as a short line between two of the
    article's paragraphs does; before the article's first line and after its last, what
    jusText leaves out goes however short, unless it says something (a sentence)."""
    raw = _daniel_scrape("html2text", "china.huanqiu.com-1a3c15007326")
    text = clean_text(raw).text
    assert "环球网首页" not in text and "中国热点>正文" not in text
    assert "近来韩国娱乐圈的负面新闻不断" in text and "后悔当初被骗。" in text


def test_a_chinese_scrapes_headlines_with_their_times_are_judged_as_chinese() -> None:
    """NOWnews's page (2012, DAniEL corpus) as html2text writes it: twenty linked headlines,
    each with its time (``"Y染色體漸消失 男性恐瀕絕種？ (01/12 17:43)"``). Counted by its
    characters, figures and all, such a line was not Chinese, so no stop list could judge
    it and it stayed; a line's family is that of most of its letters."""
    raw = _daniel_scrape("html2text", "www.nownews.com-bc1bd14d807d")
    text = clean_text(raw).text
    assert "Y染色體漸消失" not in text and "新春加碼7億" not in text
    assert "一名70歲老先生" in text and "才徹底解決尿不出來的問題" in text


def test_a_chinese_scrape_without_its_footer_is_known_by_its_menus() -> None:
    """newssc.org's page (2012, DAniEL corpus) as html2text writes it: the site's menus,
    its list of cities on one line, a breadcrumb trail, then the article; the scraper left
    the footer out, so no copyright line or "about us" said it was a whole page, and
    nothing was taken out. Two menus or breadcrumb trails make a Chinese text a page's
    scrape (no article written as text has two: none of DAniEL's 398 gold articles)."""
    raw = _daniel_scrape("html2text", "ent.newssc.org-1d9c93f4f983")
    text = clean_text(raw).text
    for furniture in ("成都 绵阳 德阳", "您当前的位置", "刘恺威向杨幂高调示爱"):
        assert furniture not in text
    assert "崔永元缺席了1月8日举行的中国慈善年会" in text
    assert text.rstrip().endswith("有属于他们自己的重要时刻。")


def test_a_scrapes_share_buttons_leave_with_their_scripts() -> None:
    """Xinhua's Big5 page (2012, DAniEL corpus) as html2text writes it: share buttons
    above the article, each a link to a script whose code holds spaces and nested calls
    (``[![分享到騰訊微博](qqwb.png)](javascript:window.open\\('…?url='+encodeURIComponent(
    document.location)…, 'width=700, height=680'…); void 0; "分享到騰訊微博")``). Markdown
    reads no such link, and the code stayed in the text, with the share bar around it; a
    link to a script keeps its text alone, and the bar, which then says nothing, leaves."""
    raw = _daniel_scrape("html2text", "big5.xinhuanet.com-2c2fb8d2e9a8")
    text = clean_text(raw).text
    assert "javascript" not in text and "window.open" not in text and "分享到" not in text
    assert text.startswith("牙好，胃口好，笑容也更加迷人。")


def test_a_link_to_a_script_keeps_its_text_and_no_code() -> None:
    """A markdown link whose target is a script keeps its text, wherever it stands on its
    line and whatever the code holds (strings with parentheses, parentheses escaped); the
    script is no address for ``extra.links``, and the links after it are read as before."""
    # html2text escapes the code's parentheses; a string may hold one unpaired
    code = "window.open\\('https://e.org/s?u='+encodeURI\\(location\\), 'a (b', 'w=7, h=6'\\)"
    cleaned = clean_text(
        "# Notes\n\n"
        f"Share [on **Weibo**]({'javascript:' + code}; void 0; \"Share\") or [print](JavaScript:"
        "window.print()) this [report](https://example.org/r) (page 3).\n"
    )
    assert cleaned.text == "Share on Weibo or print this report (page 3)."
    assert dict(cleaned.metadata)["extra.links"] == ("https://example.org/r",)
    # no end on its line: not read as a link, nothing taken out
    unclosed = clean_text("# Notes\n\nSee [this](javascript:open('a') and more.\n")
    assert unclosed.text == "See [this](javascript:open('a') and more."


def test_a_link_with_spaces_around_its_address_is_a_link() -> None:
    """html2text writes some links with a space before the address (``[突发]( http://…)``),
    which CommonMark allows around a link's destination: the link keeps its text, the
    address goes to ``extra.links``, an image's too."""
    cleaned = clean_text(
        "# 新民网\n\n民生 [突发]( http://t.xinmin.cn/tufa ) [社区](http://t.xinmin.cn/she)"
        " ![图]( http://image.xinmin.cn/a.jpg ) 完\n"
    )
    assert cleaned.text == "民生 突发 社区 完"
    meta = dict(cleaned.metadata)
    assert meta["extra.links"] == ("http://t.xinmin.cn/tufa", "http://t.xinmin.cn/she")
    assert meta["extra.images"] == ("http://image.xinmin.cn/a.jpg",)


def test_a_scrapes_paragraph_of_two_sentences_is_no_subtitle() -> None:
    """xinmin.cn's photo story (2011, DAniEL corpus) as html2text writes it: the headline,
    a stamp, the photo, then its one paragraph of prose. Read as a page's lines, that
    paragraph (two sentences, a Chinese full stop between them) was taken for the
    headline's subtitle and left the text, and the scrape had no article; a line where two
    sentences meet is no title, nor a subtitle."""
    raw = _daniel_scrape("html2text", "ent.xinmin.cn-1cd6050e9f77")
    cleaned = clean_text(raw)
    assert cleaned.text.startswith("以巧克力为主题的“上海世界巧克力梦公园”今日将在上海浦东正式开园。")
    assert dict(cleaned.metadata)["title"] == "“兵马俑”坐镇 巧克力梦公园(图)"
    assert "上海滩爆料平台" not in cleaned.text  # the page's furniture leaves


def test_a_scripts_code_left_under_a_scrapes_article_leaves() -> None:
    """dayoo.com's page (2012, DAniEL corpus) as html2text writes it: under the article,
    the page's scripts as lines of text (``var _gaq = _gaq || []; _gaq.push([…]);``, an
    ad's settings). Long lines, they counted as prose and the article ran on to the last of
    them; a line of statements says nothing, and the article ends before them."""
    raw = _daniel_scrape("html2text", "news.dayoo.com-53bc99dd6fc2")
    text = clean_text(raw).text
    assert "_gaq" not in text and "youdao_client" not in text
    assert text.rstrip().endswith("加速企业国际化战略升级。")


def test_a_scrape_whose_article_is_a_teaser_loses_its_menus() -> None:
    """The Wall Street Journal's page behind its paywall (the article-extraction benchmark's,
    as html2text writes it): three paragraphs of a teaser under hundreds of menu items.
    jusText's article is too small a share of the page to trust, and the whole page stayed;
    the runs of the menus' items (five or more in a row, a few words each that say nothing)
    now go, and every paragraph stays."""
    text = clean_text(_article_extraction_scrape("html2text", "042bb7b5fedab6ea")).text
    for item in ("BigCharts", "Mansion Global", "Venture Capital", "Heard on the Street"):
        assert item not in text
    assert "Gaming used to be so simple." in text
    assert "virtual perks. We play on phones and\ntablets while socializing" in text


def _article_extraction_scrape(scraper: str, page: str) -> str:
    """The stored scrape that ``scraper`` wrote of the article-extraction benchmark's page
    whose key starts with ``page`` (``benchmarks/data/article-extraction/scrapes``)."""
    from benchmarks.article_benchmark import DATA

    with gzip.open(DATA / "scrapes" / f"{scraper}.json.gz", "rt", encoding="utf-8") as file:
        scrapes: dict[str, str] = json.load(file)
    return next(text for key, text in scrapes.items() if key.startswith(page))


def test_a_short_storys_scrape_loses_its_lists_of_teasers() -> None:
    """An Associated Press story of five short paragraphs on the San Antonio Express-News's
    page (the article-extraction benchmark's, as html2text writes it), under lists of the
    site's other stories: each a headline cut short on a line of its own. jusText's article
    is too small a share of the page to trust, and the lists stayed; five such lines in a
    row or more go, as a menu's items do, and the story's paragraphs stay."""
    text = clean_text(_article_extraction_scrape("html2text", "ef2b3f268a67")).text
    assert "Texas seeks to stamp out distracted driving" not in text
    assert "Sabor CocinaBar Mexican restaurant sets reopening date at former" not in text
    assert "SANTA FE, N.M. (AP) — A cat who has been missing for five years" in text
    assert "Usov says the family thought they’d never see the cat again." in text


def test_a_scrapes_second_copy_of_its_article_leaves() -> None:
    """Business Insider's "10 things in tech" (the article-extraction benchmark's page, as
    html2text writes it) shows its ten items, then the same text again run together under a
    preview's heading, then its first paragraphs once more: the copies leave as
    ``duplicate-paragraph``, and each item stays once."""
    scrape = _article_extraction_scrape("html2text", "fde930b01859")
    cleaned = clean_text(scrape)
    item = "T-Mobile CEO John Legere is stepping down in May 2020."
    assert cleaned.text.count(item) == 1
    assert cleaned.text.count("Good morning! This is the tech news you need to know") == 1
    assert any(r.rule == "duplicate-paragraph" for r in cleaned.removed)


def test_a_scrapes_comments_end_its_article() -> None:
    """ProFootballTalk's post (the article-extraction benchmark's, as html2text writes it)
    ends with its readers' comments under their heading ("34 responses to “Anthony Lynn:
    …”"), a numbered list of prose that jusText keeps as the article's; the comments end the
    article, and go with all after them. A count of comments above the article (a byline's
    "12 Comments" on a line of its own) ends nothing. The same page flattened to plain text
    ends with its comments in place of menus, and is read as a page all the same."""
    scrape = _article_extraction_scrape("html2text", "8e3efab59f48")
    text = clean_text(scrape).text
    assert "34 responses to" not in text and "thelastchargersfan" not in text
    assert "Chargers coach Anthony Lynn recognizes" in text
    assert text.rstrip().endswith("Lynn is right: The\nChargers needed to win that game.")
    counted = scrape.replace("\n\nGetty Images\n\n", "\n\n12 Comments\n\nGetty Images\n\n", 1)
    assert "Chargers coach Anthony Lynn recognizes" in clean_text(counted).text
    # flattened to plain text (inscriptis), the page ends with the comments, not with
    # menus: it is still a page, read as one
    flat = clean_text(_article_extraction_scrape("inscriptis", "8e3efab59f48")).text
    assert "thelastchargersfan" not in flat and "Chargers coach Anthony Lynn recognizes" in flat


def test_links_to_scripts_with_no_end_take_linear_time() -> None:
    """A line of link openings to scripts that never close is read in time linear in its
    length: each opening's code is read once to its line's end, and no later one is tried
    after a link with no end."""
    line = "[a](javascript:f(x) [b](javascript:g('(') "

    def page(n: int) -> str:
        return "# Notes\n\n" + line * n + "\n"

    small, large = page(500), page(4000)
    assert growth_ratio(lambda: clean_text(small), lambda: clean_text(large)) < LINEAR_LIMIT


def test_a_scrapes_indented_prose_reads_as_markdown_and_its_code_as_code() -> None:
    """big5.xinhuanet.com's page (2012, DAniEL corpus) as html2text writes it: the article's
    paragraphs keep the page's indent, four spaces and more, which CommonMark reads as
    code, so its emphasis stayed as ``**藥品降價幅度大**``. An indented block that holds
    markdown links or is written in Chinese, Japanese or Korean is prose; code stays code."""
    raw = _daniel_scrape("html2text", "big5.xinhuanet.com-6b134d37a1ef")
    text = clean_text(raw).text
    assert "藥品降價幅度大" in text and "**" not in text
    linked = clean_text("# Links\n\nSee [these](https://example.org/a).\n\n    [Home](/)\n")
    assert linked.text.endswith("Home")
    code = "# Code\n\nRun **this** and [that](https://e.org).\n\n    x = f(**y)\n"
    assert "x = f(**y)" in clean_text(code).text


def test_a_flattened_page_with_a_few_stray_tags_is_read_as_text() -> None:
    """news.sina.com.tw's page (2012, DAniEL corpus) as inscriptis flattens it: text, with
    the markup of the page's three ``noscript`` tracking images printed on lines of their
    own. Three tags made it HTML, read as one run of text with no title; a few tagged lines
    among lines of text are a text, read with its headline and its stamp's time."""
    raw = _daniel_scrape("inscriptis", "news.sina.com.tw-314ab855cf44")
    cleaned = clean_text(raw)
    assert "clean.html" not in [step.name for step in cleaned.steps]
    meta = dict(cleaned.metadata)
    assert meta["title"] == "健檢漏胸腺瘤 醫院判賠522萬"
    assert str(meta["published"]).startswith("2012-01-17T14:55")


@pytest.mark.parametrize(
    "head", ["<link rel='canonical' href='https://news.example.org/guide'>", ""]
)
def test_a_numbered_list_of_items_linking_to_other_sites_stays(head: str) -> None:
    """A shopping guide's numbered items, each linking to a shop on another site, are the
    article's own list, not the site's stories, whether the page's address is known or
    not (then the site is the one most of its links lead to, and none here does)."""
    prose = "".join(
        f"<p>Paragraph {n}: we put together an illustrated guide for the holidays.</p>"
        for n in range(4)
    )
    shops = ["Net-A-Porter", "Modcloth", "Levi's", "Etsy", "ASOS", "Go Jane", "Kohl's", "Gap"]
    items = "".join(
        f"<p>{n + 1}. Wrap blouse, <a href='https://www.shop{n}.com/item'>{shop}</a>, $8</p>"
        for n, shop in enumerate(shops)
    )
    raw = (
        f"<html><head>{head}</head><body><article><h1>Guide</h1>{prose}"
        f"<p>Shop the illustration here:</p>{items}</article></body></html>"
    )
    text = clean_text(raw).text
    assert text.endswith("8. Wrap blouse, Gap, $8") and "Paragraph 3" in text


def test_a_list_of_short_items_that_closes_an_article_stays() -> None:
    """Short items that close a story, no links among them (the names of the detained), are
    no list of the site's stories."""
    prose = "".join(
        f"<p>Paragraph {n}: the committee heard from former prisoners of the camp.</p>"
        for n in range(4)
    )
    items = "".join(f"<li>Point {n} of the report</li>" for n in range(10))
    raw = f"<html><body><article><h1>Hearing</h1>{prose}<ul>{items}</ul></article></body></html>"
    text = clean_text(raw).text
    assert "Point 9 of the report" in text and "Paragraph 3" in text


def test_a_templates_filler_text_leaves_the_article() -> None:
    """A site's template left with its filler text (a carousel never filled in: "Lorem
    ipsum dolor sit amet, …" under "Head Line 1") is no part of the article; a sentence
    that names the filler text later on stays."""
    filler = (
        "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor "
        "incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam."
    )
    prose = "".join(
        f"<p>Paragraph {n}: the rankings of the insurers were released this week by analysts.</p>"
        for n in range(4)
    )
    raw = (
        f"<html><body><article><h1>Rankings</h1>{prose}<p>{filler}</p><p>Lorem ipsum 1</p>"
        "<p>Designers call the filler text Lorem ipsum, and it should never ship.</p>"
        "</article></body></html>"
    )
    cleaned = clean_text(raw)
    assert "consectetur" not in cleaned.text and "Lorem ipsum 1" not in cleaned.text
    assert "Designers call the filler text Lorem ipsum" in cleaned.text
    assert "Paragraph 3" in cleaned.text
    assert "not-main-content" in {r.rule for r in cleaned.removed}


def test_an_articles_table_of_contents_leaves_it_and_its_headings_stay() -> None:
    """A report's table of contents (its label, then links to places on the page itself,
    ``href="#…"``) is navigation: it leaves the text as such and is recorded. The headings
    it leads to stay, though each links to itself (a permalink's anchor)."""
    paragraphs = "".join(
        f"<h2 id='part-{n}'><a href='#part-{n}'>Part {n} of the report</a></h2>"
        f"<p>Part {n}: the witnesses described forced labour in the camps, and the "
        "commission heard each of them in turn over several days.</p>"
        for n in range(1, 4)
    )
    contents = "".join(
        f"<li><a href='#part-{n}'>Part {n} of the report</a></li>" for n in range(1, 4)
    )
    raw = (
        "<html><body><article><h1>Report</h1><p>Table of contents</p>"
        f"<ul>{contents}</ul>{paragraphs}</article></body></html>"
    )
    cleaned = clean_text(raw)
    assert "Table of contents" not in cleaned.text
    assert "\nPart 2 of the report\n" in cleaned.text  # the heading, once
    assert cleaned.text.count("Part 2 of the report") == 1
    assert "Part 3: the witnesses" in cleaned.text
    rules = {(raw[r.raw_span.start : r.raw_span.end], r.rule) for r in cleaned.removed}
    assert ("Table of contents", "widget-label") in rules
    assert ("Part 1 of the report", "navigation") in rules


def test_a_list_of_stories_whose_headlines_went_leaves_no_times_behind() -> None:
    """A chinanews.com commentary (2020, Gerapy's sample page): under the article, the
    site's picks (``"理论新闻精选："``) list five stories, each a linked headline over its
    time. The headlines go as links; their times alone (``"2020年07月08日 13:36:14"``),
    which trafilatura keeps too, went with them only in a run of eight lines. A run of four
    lines or more that are a heading and dates alone ends the article, after the closing
    credit, which is the writer's (方敏) and leaves the text as a closing byline does."""
    cases = Path(__file__).parent / "cases" / "pages"
    raw = gzip.decompress((cases / "gerapy-chinanews.html.gz").read_bytes()).decode()
    cleaned = clean_text(raw)
    assert cleaned.text.endswith("中国经济这艘大船一定能够乘风破浪，行稳致远！")
    assert dict(cleaned.metadata)["authors"] == ("方敏",)
    time = "2020年07月08日 13:36:14"
    rules = {r.rule for r in cleaned.removed if time in raw[r.raw_span.start : r.raw_span.end]}
    assert rules and rules <= {"aside", "link-list"}


def test_a_scrapes_heading_that_is_a_breadcrumb_trail_gives_its_last_step() -> None:
    """uho.com.tw's page (2012, DAniEL corpus) as html2text writes it: the page's first
    heading is the breadcrumb trail over the story (``"# [uho優活健康網](…) 〉[檢視火線新聞](…)
    〉春節全家出遊 別忘了「旅用護理包」"``). The title is the trail's last step, the
    story's headline, not the trail; the trail still leaves the text as the title's line."""
    raw = _daniel_scrape("html2text", "www.uho.com.tw-2c3f2218e0d3")
    cleaned = clean_text(raw)
    assert dict(cleaned.metadata)["title"] == "春節全家出遊 別忘了「旅用護理包」"
    assert "檢視火線新聞" not in cleaned.text


def test_a_scrapes_article_ends_with_its_last_line_that_says_something() -> None:
    """xinmin.cn's page (2012, DAniEL corpus) as inscriptis flattens it: jusText keeps, far
    under the article, the headlines of the site's car stories (``"* 第九代雅阁即将到来 …"``)
    and a box's label, so every line between stayed (the rating widget, the ads' script
    tags the converter left in, a menu). The article ends with its last line that says
    something (prose, or a sentence's end); what jusText keeps after it goes as a run
    after the article does, and a line of markup says nothing, there or above."""
    raw = _daniel_scrape("inscriptis", "news.xinmin.cn-14ecfdc14c84")
    text = clean_text(raw).text
    assert text.startswith("17日15时，“重庆微政务”政务微博群开通仪式")
    assert text.endswith("以及江北、南岸、荣昌、云阳、巫山等部分区县政府官方微博。(记者 刘轶)")


def test_an_ellipsis_and_a_line_of_markup_say_nothing_after_a_scrapes_article() -> None:
    """21cn.com's page (2012, DAniEL corpus) as inscriptis flattens it: under the article,
    ``"正在加载..."`` (loading) ends with dots but no sentence, and the tracking image's
    ``<noscript>`` markup is long enough for a paragraph; neither says anything, so the
    site's lists above them go with them. The paper's byline that opens the article
    (``"本报讯（记者张航）"``) names its writer and leaves the text."""
    raw = _daniel_scrape("inscriptis", "it.21cn.com-47bb405693c7")
    cleaned = clean_text(raw)
    text = cleaned.text
    assert text.startswith("从今天起，市民通过登录北京市环境保护监测中心网站")
    assert dict(cleaned.metadata)["authors"] == ("张航",)
    assert all(junk not in text for junk in ("正在加载", "<noscript>", "iPad专区", "关注我们"))


def test_a_scrapes_article_that_jusText_judges_by_bad_neighbours_is_found() -> None:
    """qq.com's page (2012, DAniEL corpus) as inscriptis flattens it: once the layout has
    taken out the portal's disclaimer beside the article, jusText judges the article's two
    paragraphs, near good, by bad neighbours and keeps nothing, and the whole page stayed,
    its menus and link lists. Where jusText keeps nothing, its near-good paragraphs of a
    good length with few links are the article; its second paragraph, shorter than that,
    stays as a paragraph of prose that ends a sentence right under the article's last line
    (its closing credit in brackets after the sentence's end: ``"…解决方案。”（忆松）"``), and
    a line jusText cannot judge (``"* NBA"``, no Chinese in it) goes above the article."""
    raw = _daniel_scrape("inscriptis", "finance.qq.com-445b422fb229")
    text = clean_text(raw).text
    assert text.startswith("腾讯财经讯 北京时间1月17日凌晨消息，国际评级机构标准普尔公司")
    assert text.endswith("我也不确定，在本轮谈判结束后是否能够探讨出一个解决方案。”（忆松）")
    assert all(junk not in text for junk in ("腾讯网首页", "* 天气", "推荐微博", "NBA"))


def test_a_share_bar_of_script_links_says_nothing_next_to_a_scrapes_article() -> None:
    """Xinhua's traditional-character page (2012, DAniEL corpus) as html2text writes it:
    the share bar right under the article is one line of links whose targets are scripts
    (``[](javascript:window.open('…', 'width=700, …'); void 0; "分享到騰訊微博")``), long
    enough for a paragraph and ending in a bracket. A link's target is no part of what a
    line says, so the bar is no paragraph of the article and goes."""
    raw = _daniel_scrape("html2text", "big5.xinhuanet.com-702859ad6bf0")
    text = clean_text(raw).text
    assert text.startswith("“頸椎病、鼠標手、椎間盤突出等病，今後可能會列入職業病范疇了。”")
    assert text.endswith("導致的“經典”職業病有區別。（仲崇山）")
    assert "分享" not in text and "javascript" not in text


def test_a_flattened_portals_line_of_other_headlines_is_no_part_of_the_article() -> None:
    """Sina Hong Kong's page (2012, DAniEL's tuning pages) as inscriptis flattens it: a box
    of the day's other headlines, written as one line of 2,000 characters, stands right
    over a story of three short paragraphs, and was kept as its text. A line of Chinese
    headlines side by side is no paragraph of the article; the story stays."""
    cleaned = clean_text(_daniel_scrape("inscriptis", "news.sina.com.hk-e96aad2b52dc"))
    assert "紅磡一個單位遭賊人爆竊，損失財物逾萬元。" in cleaned.text
    assert "女教師錯愛賤警 舉報如意「狼」君免害人" not in cleaned.text


def test_a_flattened_pages_lines_of_tags_alone_are_no_part_of_the_article() -> None:
    """Xinmin's sports page (2012, DAniEL's tuning pages) as inscriptis flattens it: the
    page wrote its advertisements' script tags out as text, and two lines of them opened
    the article. A plain text's line of tags alone is markup, not the article's."""
    cleaned = clean_text(_daniel_scrape("inscriptis", "sports.xinmin.cn-9ab32765396b"))
    assert cleaned.text.startswith("12月15日，提名奖揭晓仪式现场。")
    assert "<script" not in cleaned.text


@pytest.mark.parametrize("scraper", ["html2text", "inscriptis"])
def test_the_reporters_opening_credit_outranks_the_editors_line_under_it(scraper: str) -> None:
    """Shenyang Daily's page (2012, DAniEL's tuning pages) as scrapers write it: the
    reprinted story opens with its reporters' credit (``南方日报讯 (记者/钟啸 通讯员/王海军)``)
    and the page's editor is named under it (``编辑： 武丹``), near enough to the headline
    to be read first. An editor's line names a writer only where no reporter's credit opens
    the article."""
    found = dict(clean_text(_daniel_scrape(scraper, "news.syd.com.cn-54b6565dec0b")).metadata)
    assert found["authors"] == ("钟啸", "王海军")


def test_a_menus_link_to_the_sites_home_page_is_no_title_and_a_script_link_hides_no_date() -> None:
    """Northeast News's page (2012, DAniEL's tuning pages) as html2text writes it: its menu
    opens with a link to the site's home page (``[  东北新闻网首页](…)``, the site's name of
    five characters before ``首页``), which was read as the title; the stamp under the
    headline ends with a share button's link to a script whose code nests brackets
    (``[](javascript:void((function(s,d,e,…){…``), which hid the stamp's date."""
    found = dict(clean_text(_daniel_scrape("html2text", "news.nen.com.cn-a94a3937aff8")).metadata)
    assert found["title"] == "我国餐饮食品安全实施量化分级 以卡通形象公示"
    assert str(found["published"]).startswith("2012-01-12")
