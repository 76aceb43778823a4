"""Korean and Chinese bylines and datelines on web pages and in plain-text scrapes."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nkcorpus.cleaning.bylines import read_byline
from nkcorpus.cleaning.cleaner import clean_text
from nkcorpus.cleaning.htmlmeta import split_authors
from nkcorpus.cleaning.metadata import dateline, labeled_field, stamp_date, trailing_byline
from tests.test_pages_scrape_titles import STORY

_PROSE = "".join(
    f"<p>第{i}段：財政部今天下午將公佈今年1-2月期統一發票中獎清冊，民眾可上網查詢是否中獎，"
    f"兌獎期限為4月6日至7月6日，逾期不得兌領。</p>"
    for i in range(5)
)


def _page(head: str, lead: str) -> str:
    return (
        f"<html lang='zh-Hant'><head><title>發票千萬獎開出18張 - 自由財經</title>{head}</head>"
        f"<body><nav><a href='/'>首頁</a></nav><article><h1>發票千萬獎開出18張</h1>"
        f"<p>{lead}財政部透露，本期千萬中獎張數為18張。</p>{_PROSE}</article></body></html>"
    )


def _authors(raw: str) -> tuple[str, ...]:
    return tuple(dict(clean_text(raw).metadata).get("authors", ()))


def test_a_bracketed_byline_opening_the_article_names_the_reporter() -> None:
    """``〔記者巫其倫／台北報導〕`` at the start of the first paragraph gives the reporter."""
    assert _authors(_page("", "〔記者巫其倫／台北報導〕")) == ("巫其倫",)


def test_a_marked_author_blocks_other_fields_are_no_names() -> None:
    """A forum post's author block holds the member's rank and score under the name
    (``振威将军(从一品)``, ``能力值:545803``, a real Chinese forum of 2005): they are not
    taken for names."""
    block = (
        "<div class='div_author'>作者：<a href='/user.php?id=7'>放飞</a><br>振威将军(从一品)"
        "<br><font>能力值:545803</font></div>"
    )
    authors = _authors(_page("", "").replace("<article>", f"<article>{block}"))
    assert authors in ((), ("放飞",))
    assert not any(mark in name for name in authors for mark in "(:0123456789")


@pytest.mark.parametrize(
    "line",
    [
        # a Chinese blog's entry heading (China-Pub blog, 2005): title, writer, posted at
        "[湖湘文化]陈天华《警世钟》 ggjjzhzz 发表于 2005-9-15 11:46:00",
        "作者：ggjjzhzz 發表於：2005-09-15 11:46",
    ],
)
def test_a_writer_posting_at_a_date_on_a_chinese_blog_is_the_author(line: str) -> None:
    """``名字 发表于 日期`` (*posted at*) names the writer of a blog's or forum's post."""
    page = _page("", "").replace("<article>", f"<article><div class='entry'>{line}</div>")
    assert _authors(page) == ("ggjjzhzz",)


@pytest.mark.parametrize(
    ("lang", "name", "outlet", "prose"),
    [
        ("zh-Hans", "常思颖", "BBC中文", "法国总统马克龙4月5日抵达中国进行为期三天的访问，与习近平会晤。"),
        ("zh-Hans", "李澄欣", "BBC中文记者", "台湾总统蔡英文3月29日展开疫情后首次外访行程。"),
        ("ko", "정인혁", "BBC 코리아", "북한 인권 상황에 대한 유엔 보고서가 오늘 공개됐습니다."),
    ],
)
def test_a_name_over_its_outlets_line_under_the_headline_is_the_writer(
    lang: str, name: str, outlet: str, prose: str
) -> None:
    """BBC's language services set the writer's name alone under the headline, over the
    service's name or the writer's post (``常思颖`` over ``BBC中文``, 2023), the page's JSON-LD
    naming the service as its author: the name is the writer, and both lines leave the text
    as its byline."""
    raw = (
        f"<html lang='{lang}'><head><title>标题 - BBC News 中文</title>"
        "<meta property='og:site_name' content='BBC News 中文'>"
        "<link rel='canonical' href='https://www.bbc.com/zhongwen/simp/world-65195334'>"
        '<script type="application/ld+json">{"@type": "ReportageNewsArticle", '
        '"headline": "标题", "author": {"@type": "NewsMediaOrganization", '
        '"name": "BBC News 中文"}, "datePublished": "2023-04-06T02:13:45.000Z"}</script>'
        "</head><body><main><h1>标题</h1><ul role='list'><li class='bbc-1a3w4ok'>"
        f"{name} </li><li class='bbc-1p92jtu'>{outlet}</li></ul>"
        "<time datetime='2023-04-06'>2023年4月6日</time>"
        + "".join(f"<p>{prose}{'这是第几段。' * n}</p>" for n in range(6))
        + "</main></body></html>"
    )
    cleaned = clean_text(raw)
    assert dict(cleaned.metadata)["authors"] == (name,)
    assert cleaned.text.startswith(prose)
    bylines = [raw[r.raw_span.start : r.raw_span.end].strip() for r in cleaned.removed]
    assert name in bylines and outlet in bylines


def test_a_short_line_under_a_headline_is_no_writer_without_its_outlets_line() -> None:
    """Two or three Han characters alone under the headline (a section's name) over a line
    that is not the outlet's name nor a post name no writer."""
    raw = (
        "<html lang='zh-Hans'><head><title>标题 - BBC News 中文</title>"
        "<link rel='canonical' href='https://www.bbc.com/zhongwen/simp/world-65195334'></head>"
        "<body><main><h1>标题</h1><p>国际</p><p>新华社</p>"
        + "".join(f"<p>法国总统马克龙4月5日抵达中国进行访问。{'这是第几段。' * n}</p>" for n in range(6))
        + "</main></body></html>"
    )
    assert _authors(raw) == ()


def test_the_article_byline_outranks_an_outlet_given_as_author() -> None:
    """A ``meta name=author`` holding the agency's name gives way to the reporter in the text."""
    head = "<meta name='author' content='中央通訊社'>"
    assert _authors(_page(head, "（中央社記者邱俊欽桃園19日電）")) == ("邱俊欽",)


def test_a_metadata_value_that_is_a_whole_byline_gives_its_names() -> None:
    """JSON-LD ``author`` written as a byline (``記者陳嘉寧／桃園機場報導``) gives the name."""
    head = (
        '<script type="application/ld+json">{"@type": "NewsArticle", '
        '"author": {"@type": "Person", "name": "記者陳嘉寧／桃園機場報導"}}</script>'
    )
    assert _authors(_page(head, "")) == ("陳嘉寧",)


@pytest.mark.parametrize(
    ("head", "authors"),
    [
        # a reporter's title and email in the author meta, as Korean sites write it
        ("<meta name='author' content='홍길동 기자 hong@yna.co.kr'>", ("홍길동",)),
        # the author meta of the Dable widget that many Korean news sites carry
        ("<meta property='dable:author' content='홍길동'>", ("홍길동",)),
        # a portal's page: the outlet and the portal name no writer
        ("<meta property='og:article:author' content='연합뉴스 | 네이버'>", ()),
    ],
)
def test_author_meta_values_of_korean_news_pages(head: str, authors: tuple[str, ...]) -> None:
    """Korean news pages' author ``meta`` values give the writer, never a portal."""
    assert _authors(_page(head, "")) == authors


def test_a_portal_named_as_author_gives_way_to_the_reporter_the_page_shows() -> None:
    """A news portal's page names the outlet and itself as the author; the reporter's line
    that it shows under the headline names the writer."""
    head = "<meta property='og:article:author' content='연합뉴스 | 네이버'>"
    lead = "</p><div class='media_end_head_journalist'><em>홍길동 기자</em></div><p>"
    assert _authors(_page(head, lead)) == ("홍길동",)


def test_a_page_without_a_reporter_mark_gets_no_name_from_its_prose() -> None:
    """Names in the article's sentences are never taken for its authors."""
    assert _authors(_page("", "財政部長蘇建榮表示，")) == ()


def test_a_byline_closing_a_paragraph_is_read() -> None:
    """``（王煌忠／台中報導）`` and ``부산=선수민 기자 email`` at a paragraph's end name the reporter."""
    found = trailing_byline("警方已勘驗現場並報請相驗，將進一步釐清死因。（王煌忠／台中報導）")
    assert found is not None and found.authors == ("王煌忠",)
    found = trailing_byline("병살타로 처리했다.부산=선수민 기자 sunsoo@sportschosun.com")
    assert found is not None and found.authors == ("선수민",)
    assert trailing_byline("그는 기자들에게 아무 말도 하지 않았다.") is None


def test_printed_scrape_fields_become_metadata() -> None:
    """A scraper's labeled lines (``標題:``, ``日期:``, ``記者:``) give title, date and reporter."""
    assert labeled_field("記者: 江宏倫") == ("authors", ("江宏倫",))
    assert labeled_field("Title: Flood warnings in Hamgyong") == (
        "title",
        "Flood warnings in Hamgyong",
    )
    assert labeled_field("기자들은 모두 돌아갔다") is None
    text = (
        "頻道: appledaily\n標題: 男子疑久病厭世　學校圍牆上吊輕生亡│即時新聞│20181025│蘋果日報\n"
        "日期: 2018-10-25 12:03:00\n記者: 江宏倫\n內文:\n"
        "台北市北投區西安街二段，昨晚10時許，1名游姓男子坐在學校圍牆邊上吊輕生，路過民眾驚見嚇得趕緊報案。\n"
    )
    metadata = dict(clean_text(text).metadata)
    assert metadata["title"] == "男子疑久病厭世 學校圍牆上吊輕生亡"  # the ideographic space normalized
    assert tuple(metadata["authors"]) == ("江宏倫",)
    assert str(metadata["published"]).startswith("2018-10-25")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("발행일 2023.04.07", "2023-04-07"),
        ("게재 일자 : 2023년 04월 07일", "2023-04-07"),
        ("작성일 2023-04-07", "2023-04-07"),
        ("發布時間：2023-04-07 15:30", "2023-04-07T15:30"),
        ("出版時間 2023/04/07", "2023-04-07"),
        ("2023-04-07 12:11 来源：新华网", "2023-04-07T12:11"),
    ],
)
def test_dateline_labels_of_korean_and_chinese_sites(line: str, expected: str) -> None:
    """The labels sites put before a date (발행일, 게재 일자, 發布時間, ...) make a dateline."""
    assert dateline(line) == expected


def test_a_sentence_after_a_date_is_not_a_dateline() -> None:
    """A date followed by prose is text, not a dateline to remove."""
    assert dateline("2023-04-07 来源：新华网 编辑：张三 这是一段很长的正文内容不应被当成日期行") is None


@pytest.mark.parametrize(
    ("line", "authors", "date"),
    [
        ("이용민 기자 | 2020-03-04 16:52:59", ("이용민",), "2020-03-04T16:52:59"),
        ("기자명 최광민 기자 입력 2026.04.22 17:52 수정 2026.04.22 18:10 댓글 0", ("최광민",), "2026-04-22T17:52"),
        ("记者 张三 发布时间：2020-01-01 10:00", ("张三",), "2020-01-01T10:00"),
        # a Chinese blog's or forum's post stamp, as wenxuecity (2005) and Discuz! write it
        ("由海姑娘张贴 @ 2005-06-14 03:25:55", ("海姑娘",), "2005-06-14T03:25:55"),
        ("放飞&心情 发表于 2006-1-5 10:00 | 只看该作者", ("放飞&心情",), "2006-01-05T10:00"),
        ("海姑娘写于2005年6月12日", ("海姑娘",), "2005-06-12"),
    ],
)
def test_a_byline_with_its_date_stamp_gives_both(
    line: str, authors: tuple[str, ...], date: str
) -> None:
    """A reporter's line that runs on into the date stamp gives the names and the date."""
    from nkcorpus.cleaning.bylines import read_stamped_byline

    found, stamped = read_stamped_byline(line)
    assert found is not None and found.authors == authors
    assert stamped == date


def _board(info: str, title: str = "북한 국경 단속 강화 > 자유게시판 | 탈북민 커뮤니티") -> str:
    """A post on a Korean board as Gnuboard, the most common Korean board software,
    prints it: the title in an ``h2``, a line of fields under it, then the post."""
    post = "".join(
        f"<p>{n}번째 문단: 북한 당국은 이번 조치에 대해 아무런 입장도 밝히지 않았으며, 전문가들은 "
        "국경 지역의 단속이 더욱 강화될 것으로 내다봤다.</p>"
        for n in range(6)
    )
    return (
        f"<html><head><title>{title}</title></head><body><div id='bo_v'><header>"
        "<h2 id='bo_v_title'>북한 국경 단속 강화</h2></header>"
        f"<section id='bo_v_info'>{info}</section><section id='bo_v_atc'>{post}</section>"
        "</div></body></html>"
    )


def test_a_korean_boards_line_of_fields_gives_the_writer_and_the_date() -> None:
    """Gnuboard's line of fields under a post's title (``작성자 홍길동 작성일 20-03-04 14:30
    조회 123``) gives the writer and the date, its two-digit year read as this century's;
    the board's and the site's names leave the page's title."""
    raw = _board(
        "<strong>작성자 홍길동</strong> <strong>작성일 20-03-04 14:30</strong> <strong>조회 123</strong>"
    )
    found = dict(clean_text(raw).metadata)
    assert found["authors"] == ("홍길동",)
    assert found["published"] == "2020-03-04T14:30"
    assert found["title"] == "북한 국경 단속 강화"


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("작성일 20-03-04", "2020-03-04"),
        ("등록일 : 23.04.05 14:30", "2023-04-05T14:30"),
        ("작성일 20-13-04", None),  # no thirteenth month
        ("20-03-04 14:30", None),  # no label: the order of the numbers is not known
    ],
)
def test_a_korean_stamp_with_a_two_digit_year_is_read_year_first(line: str, date: str | None) -> None:
    """A Korean board's stamp writes the year in two digits, then the month and the day."""
    assert dateline(line) == date


def test_a_chinese_blog_posts_stamp_names_its_writer() -> None:
    """A Chinese blog of 2005 (wenxuecity) closes each post with ``"由海姑娘张贴 @ …"``
    ("posted by"): the blogger is the writer, and the stamp leaves the text as a byline;
    the blog's menu, whose entries name the blogger (``"海姑娘的歌声"``), leaves as
    navigation."""
    post = "".join(
        f"<p>第{n}段：小时候我们村里有一个露天电影院，每到周末全村的人都搬着小板凳去看电影，"
        "热闹得像过年一样。</p>"
        for n in range(6)
    )
    raw = (
        "<html><head><title>海姑娘 | blog.wenxuecity.com</title></head><body><div class='nav'>"
        "<ul><li><a href='/c1'>海姑娘的歌声</a></li><li><a href='/c2'>海姑娘的礼物</a></li></ul>"
        f"</div><div class='post'><h2>露天电影院</h2>{post}<div class='postfooter'>"
        "由海姑娘张贴 @ 2005-06-14 03:25:55</div></div></body></html>"
    )
    cleaned = clean_text(raw)
    assert dict(cleaned.metadata)["authors"] == ("海姑娘",)
    removed = {raw[r.raw_span.start : r.raw_span.end]: r.rule for r in cleaned.removed}
    assert removed["由海姑娘张贴 @ 2005-06-14 03:25:55"] == "byline"
    assert removed["海姑娘的歌声"] == "navigation"


def test_a_stamp_without_a_byline_names_no_one() -> None:
    """A dateline alone, or a sentence before a date, is not a byline."""
    from nkcorpus.cleaning.bylines import read_stamped_byline

    assert read_stamped_byline("입력 2020.03.04 16:52") == (None, None)
    assert read_stamped_byline("정부는 2020.03.04 발표했다") == (None, None)
    # a sentence that says when something was published, and a piece's own stamp
    assert read_stamped_byline("该研究发表于2023年5月的《自然》杂志。") == (None, None)
    assert read_stamped_byline("本文发表于 2023-04-05 10:00") == (None, None)


def test_the_korean_reporter_line_of_an_article_page_is_read() -> None:
    """``기자명 X 기자 입력 … 수정 …`` above the article gives the reporter."""
    prose = "".join(f"<p>{i}번째 문단이다. 정부는 오늘 새 대책을 발표했다고 밝혔다.</p>" for i in range(5))
    raw = (
        "<html lang='ko'><head><title>새 대책 발표 - 예시신문</title></head><body><article>"
        "<h1>새 대책 발표</h1><div>기자명 최광민 기자 입력 2026.04.22 17:52 수정 2026.04.22 18:10</div>"
        f"{prose}</article></body></html>"
    )
    assert _authors(raw) == ("최광민",)


def test_an_editor_credit_is_not_an_author() -> None:
    """``责任编辑：孔德明`` names the editor who put the piece out, not a writer."""
    head = "<meta name='author' content='孔德明'>"
    raw = _page(head, "").replace("</article>", "<p>责任编辑：孔德明</p></article>")
    raw = raw.replace("<h1>", "<p>半月谈记者 史卫燕</p><h1>")
    assert _authors(raw) == ("史卫燕",)
    from nkcorpus.cleaning.bylines import read_byline

    found = read_byline("责任编辑：孔德明")
    assert found is not None and found.authors == ()


@pytest.mark.parametrize(
    "value",
    ["No Author", "Published by", "Art Edwards says", "I", "Dec", "Sat", "Written By:",
     "undefined", "null", "Feb 11", "3rd May"],
)  # fmt: skip
def test_placeholders_in_author_fields_are_not_names(value: str) -> None:
    """A placeholder (a template's ``undefined``), a bare label, a commenter's header or a
    month, a month's day or a weekday read from a date in ``meta name=author`` names no one."""
    page = (
        f"<html><head><title>Talks</title><meta name='author' content='{value}'></head><body>"
        "<article><h1>Talks</h1><p>" + "The talks went on for a long while today. " * 9 + "</p>"
        "</article></body></html>"
    )
    assert _authors(page) == ()


@pytest.mark.parametrize(
    ("value", "names"),
    [
        ("Text by Hunter Dukes", ("Hunter Dukes",)),
        ("Written byAAA Travel Editor", ("AAA Travel Editor",)),
        ("This post was written by Danielle Padula", ("Danielle Padula",)),
        ("Post by changingtimes » Sat Dec 13, 2025 4:02 pm", ("changingtimes",)),
        ("Kristian LarsenKristian Larsen", ("Kristian Larsen",)),
        ("Brian Truitt \u00a0 USA TODAY", ("Brian Truitt",)),
        ("Jean\u00a0Dupont", ("Jean\u00a0Dupont",)),
    ],
)
def test_what_stands_around_a_name_in_an_author_field_goes(value: str, names: tuple[str, ...]) -> None:
    """A label before the name (also glued to it), a forum post's date after ``»``, what
    stands after a gap with a no-break space in it, and a name written twice leave only
    the name; a no-break space inside a name stays."""
    assert split_authors(value) == names


@pytest.mark.parametrize("label", ["Written by:", "By:", "Written by: "])
def test_a_byline_label_and_name_side_by_side_name_the_writer(label: str) -> None:
    """A byline whose label and name stand in elements side by side, with no space after
    the colon (``"Written by:Elise Nass"``), names the writer."""
    page = (
        "<html><head><title>Best tutors</title></head><body><article><h1>Best tutors</h1>"
        f"<div class='meta'><span>{label}</span><span>Elise Nass</span></div>"
        + "<p>Tutors who know the syllabus well made the biggest difference to us.</p>" * 5
        + "</article></body></html>"
    )
    assert _authors(page) == ("Elise Nass",)


@pytest.mark.parametrize(
    ("stamp", "published"),
    [
        ("<p>Written: 2023-11-07 15:03:30</p>", "2023-11-07T15:03:30"),
        # a time element's moment, whatever its text shows beside the date (a real
        # institute's page of 2025: "12/19/2025 Friday Philosophy David Gordon")
        (
            "<div><time datetime='2025-12-19T11:02:15Z'>12/19/2025</time> Friday Philosophy"
            " David Gordon</div>",
            "2025-12-19T11:02:15+00:00",
        ),
    ],
)
def test_a_dateline_under_the_headline_dates_a_page_whose_markup_names_no_date(
    stamp: str, published: str
) -> None:
    """``Written: 2023-11-07 15:03:30`` or a ``time`` element under the ``h1`` is the date
    when no meta tag gives one, before an older story's date (and ``time`` element) in the
    page's menu and before htmldate's guess."""
    raw = (
        "<html><head><title>Cold wave</title></head><body><header><h1>KBS</h1></header>"
        "<ul><li><a href='/a'>Older story</a> <span>2023-11-03</span>"
        "<time datetime='2023-11-03T09:00:00Z'>Nov 3</time></li></ul>"
        f"<article><h1>Colder temperatures forecast</h1>{stamp}"
        + "<p>Temperatures will fall sharply across the country on Wednesday morning.</p>" * 5
        + "</article></body></html>"
    )
    assert dict(clean_text(raw).metadata)["published"] == published


def test_a_dateline_in_capitals_is_read_not_a_crash() -> None:
    """A month written in capitals reads like any other dateline."""
    assert dateline("JANUARY 5, 2020") == "2020-01-05"


@pytest.mark.parametrize(
    ("marked", "name"),
    [
        ("October 19, 2019 by <span itemprop='author'>IWB</span>", "IWB"),
        ("<div class='blog_author'><strong>고든</strong></div>", "고든"),
        ("<strong class='writer'>Kim Min-ji</strong>", "Kim Min-ji"),
        ("Posted on May 2 by <a rel='author' href='/u/1'>Lee Ho</a>", "Lee Ho"),
        ("<span class='reporter'>Jane Doe</span>", "Jane Doe"),
    ],
)
def test_an_element_marked_as_the_author_gives_the_name(marked: str, name: str) -> None:
    """The author's element, inside a longer line or named ``blog_author``, ``writer``,
    ``reporter`` or linked with ``rel="author"``."""
    raw = (
        "<html><head><title>Story</title></head><body><article><h1>Story</h1>"
        f"<p>{marked}</p>" + "<p>The long paragraph of the story goes on and on here.</p>" * 6
        + "</article></body></html>"
    )
    assert _authors(raw) == (name,)


def test_links_to_the_writers_pages_name_every_writer() -> None:
    """A line of links to writers' pages (``/report/author/heba/``, a real course site's
    byline) names every writer, where the author meta names the first alone; a writer's
    page linked from a menu's list is no byline."""
    menu = (
        "<ul class='Pend(30px)'><li><a href='/'>Home</a></li>"
        "<li><a href='https://finance.example.com/blogs/author/andy-serwer/'>Andy Serwer</a></li>"
        "</ul>"
    )
    links = ", ".join(
        f"<a class='color-charcoal' href='https://www.example.com/report/author/{slug}/'>{name}</a>"
        for slug, name in (("ruima", "Rui Ma"), ("heba", "Heba Ledwon"), ("suparn", "Suparn Patra"))
    )
    raw = (
        "<html><head><title>Free certificates</title><meta name='author' content='Rui Ma'>"
        f"</head><body><nav>{menu}</nav><article><h1>Free certificates</h1>"
        f"<div class='text-2'>{links}</div>"
        + "<p>The long paragraph of the report on free courses goes on and on here.</p>" * 6
        + "</article></body></html>"
    )
    assert _authors(raw) == ("Rui Ma", "Heba Ledwon", "Suparn Patra")
    alone = raw.replace("<meta name='author' content='Rui Ma'>", "").replace("<nav>", "<div>")
    assert _authors(alone.replace("</nav>", "</div>")) == ("Rui Ma", "Heba Ledwon", "Suparn Patra")


@pytest.mark.parametrize(
    ("lead", "name"),
    [
        ("【丁牧群╱台北報導】", "丁牧群"),  # a box-drawing slash, as Apple Daily wrote it
        ("【聯合晚報╱記者邱瓊平/台北報導】", "邱瓊平"),  # the paper, then the reporter
    ],
)
def test_bylines_with_other_slashes_name_the_reporter(lead: str, name: str) -> None:
    """Taiwanese bylines written with ``╱`` or with the paper first give the reporter."""
    assert _authors(_page("", lead)) == (name,)


def test_the_writer_is_found_behind_an_author_meta_that_names_the_site() -> None:
    """``meta name=author`` holding the paper and a later ``itemprop=author`` holding the
    writer (China Times) give the writer; outlet names and desk labels are not authors."""
    head = (
        "<meta property='og:site_name' content='中時電子報 - 生活'>"
        "<meta name='author' itemprop='author' content='中時電子報'>"
        "<meta itemprop='author' content='溫蘭魁'>"
    )
    assert _authors(_page(head, "")) == ("溫蘭魁",)
    head = "<meta property='article:author' content='張立勳／特稿, 中國時報'>"
    assert _authors(_page(head, "")) == ("張立勳",)


def test_a_staff_title_and_the_site_name_after_an_author_are_cut() -> None:
    """``"Adam Aaronson PhillyVoice Staff"`` (the site's name, then a staff title) is the
    writer alone; ``"Posted by T. V. Raman"`` is the name after the label."""
    body = "".join(f"<p>Paragraph {i} of a report on the summit talks in Hanoi.</p>" for i in range(5))
    page = (
        "<html><head><title>Summit</title><link rel='canonical' href='https://www.phillyvoice.com/a'>"
        "</head><body><article><h1>Summit talks</h1>"
        "<div class='byline'>Adam Aaronson<br>PhillyVoice Staff</div>"
        f"{body}</article></body></html>"
    )
    assert _authors(page) == ("Adam Aaronson",)
    page = page.replace("Adam Aaronson<br>PhillyVoice Staff", "Posted by T. V. Raman")
    assert _authors(page) == ("T. V. Raman",)


@pytest.mark.parametrize(
    ("line", "authors", "photographers"),
    [
        ("記者 張小明 / 攝影 李大華 報導", ("張小明",), ("李大華",)),  # TVBS
        ("記者張小明、攝影李大華／台北報導", ("張小明",), ("李大華",)),
        ("記者張小明、李大華／台北報導", ("張小明", "李大華"), ()),
        ("生活中心／張小明報導", ("張小明",), ()),
        ("政治中心／台北報導", (), ()),  # a desk and a place: no one
        ("〔即時新聞／綜合報導〕", (), ()),  # the breaking-news desk (Liberty Times)
        ("〔財經頻道／綜合報導〕", (), ()),  # a channel
        ("【華視新聞╱報導】", (), ()),  # the outlet's news
        ("聯合新聞網記者張小明／台北報導", ("張小明",), ()),  # 新聞 of the outlet's name
        ("（中央社記者張小明華盛頓21日專電）", ("張小明",), ()),
        ("TVBS新聞 記者 張小明 報導", ("張小明",), ()),
        ("(서울=연합뉴스) 홍길동 기자 =", ("홍길동",), ()),
        ("[데일리NK] 홍길동 기자", ("홍길동",), ()),
        ("글·사진 홍길동 기자", ("홍길동",), ()),
        ("사진=홍길동 기자", (), ("홍길동",)),
        ("홍길동 기자 / hong@naver.com", ("홍길동",), ()),
        ("홍길동 에디터", ("홍길동",), ()),
        ("기자 홍길동", ("홍길동",), ()),
        ("워싱턴-홍알벗 xallsl@rfa.org", ("홍알벗",), ()),  # RFA: a place, a hyphen, an email
        ("記者：張小明 責編：李大華 網編：王小美", ("張小明",), ()),  # editors are not authors
        ("【大紀元2020年04月21日訊】（大紀元記者張小明台北報導）", ("張小明",), ()),
        ("中央社記者張小明、李大華台北21日電", ("張小明", "李大華"), ()),
        ("特約撰稿人：張小明", ("張小明",), ()),
        ("作者：张三 来源：新华网", ("张三",), ()),  # the source is not an author
        ("记者 张三 通讯员 李四", ("张三", "李四"), ()),
        ("【环球时报记者 张三】", ("张三",), ()),
        ("新京报讯（记者 张三）", ("张三",), ()),
        ("新华社北京１月１日电\u3000记者张三", ("张三",), ()),  # no brackets, full-width digits
        ("央视网消息（记者 张三）", ("张三",), ()),
        ("（作者：张三，系中国人民大学教授）", ("张三",), ()),  # a commentary's writer
        # the writer's affiliation glued to the name (chinanews.com, 2020)
        ("(作者：方敏北京大学经济学院教授)", ("方敏",), ()),
        ("（作者：欧阳明系上海社会科学院研究员）", ("欧阳明",), ()),
        ("文/新京报记者 张三", ("张三",), ()),
        ("文、图/张三", ("张三",), ("张三",)),
        ("图/张三", (), ("张三",)),
    ],
)
def test_bylines_of_taiwanese_and_korean_sites(
    line: str, authors: tuple[str, ...], photographers: tuple[str, ...]
) -> None:
    """Reporter lines as Taiwanese and Korean sites write them give the writers, and a
    photographer's credit gives no author."""
    from nkcorpus.cleaning.bylines import read_byline

    found = read_byline(line)
    assert found is not None
    assert (found.authors, found.photographers) == (authors, photographers)


@pytest.mark.parametrize("line", ["기자 수첩", "기자 회견"])
def test_a_column_label_after_the_word_reporter_is_not_a_name(line: str) -> None:
    """``"기자 수첩"`` (a reporter's notebook column) names no one."""
    from nkcorpus.cleaning.bylines import read_byline

    found = read_byline(line)
    assert found is None or not found.authors


@pytest.mark.parametrize(
    "line",
    [
        "Written by Jane Doe on 1 May 2020",
        "By Jane Doe Updated 3:15 PM EST, Mon January 1, 2024",
        "By Jane Doe on May 1, 2020 at 5:00 pm",
        "By Jane Doe | May 1, 2020",
    ],
)
def test_an_english_byline_with_its_date_stamp_gives_the_writer_and_the_day(line: str) -> None:
    """A byline run together with its stamp ("... Updated 3:15 PM EST, Mon January 1,
    2024", "... on 1 May 2020") gives the writer and the date."""
    from nkcorpus.cleaning.bylines import read_stamped_byline

    found, date = read_stamped_byline(line)
    assert found is not None and found.authors == ("Jane Doe",)
    assert date is not None and date[:4] in ("2020", "2024")


def test_a_korean_correspondent_line_closing_the_article_names_the_writer() -> None:
    """``"... /워싱턴=홍길동 특파원 hong@chosun.com"`` at the end of the last paragraph."""
    found = trailing_byline("북한이 미사일을 발사했다. /워싱턴=홍길동 특파원 hong@chosun.com")
    assert found is not None and found.authors == ("홍길동",)


def _own_site(article_class: str, menu: str) -> str:
    """A person's own site: the site, the publisher and the author are the same name."""
    body = "".join(f"<p>Paragraph {i} of an essay on the protests in France this winter.</p>" for i in range(6))
    return (
        "<html><head><title>Yellow Vests and I — Pamela Anderson</title>"
        "<meta property='og:site_name' content='Pamela Anderson'>"
        "<script type='application/ld+json'>{\"@type\": \"Article\", \"headline\": \"Yellow Vests and I\","
        " \"author\": \"Pamela Anderson\", \"publisher\": {\"name\": \"Pamela Anderson\"}}</script>"
        f"</head><body><nav><ul><li><a href='/p'>{menu}</a></li></ul></nav>"
        f"<article class='{article_class}'><h1>Yellow Vests and I</h1>{body}</article></body></html>"
    )


def test_the_site_named_as_the_only_author_is_the_author() -> None:
    """On a person's or an organisation's own site, the site's name given as the author
    (and no one else named) is the author: an outlet's name only gives way to a writer."""
    assert _authors(_own_site("post", "About")) == ("Pamela Anderson",)


def test_an_article_element_classed_after_its_author_is_not_a_byline() -> None:
    """``<article class="author-pamela-anderson">`` does not make its headline a byline,
    and a ``By Pamela`` link in the navigation menu names no author."""
    assert _authors(_own_site("hentry author-pamela-anderson", "By Pamela")) == ("Pamela Anderson",)


def _english_page(head: str, byline: str) -> str:
    body = "".join(f"<p>Paragraph {i} of a report on the talks held in Geneva this week.</p>" for i in range(6))
    return (
        f"<html><head><title>Talks in Geneva</title>{head}</head><body><article>"
        f"<h1>Talks in Geneva</h1>{byline}{body}</article></body></html>"
    )


def test_the_headline_is_the_h1_not_a_list_of_recent_posts_that_names_it() -> None:
    """A blog's list of recent posts names the article before its headline: the writer
    beside the date is read under the ``h1``, not under the list's entry."""
    posts = "".join(f"<li><a href='/{t}'>{t}</a></li>" for t in ("Older news", "Talks in Geneva"))
    page = _english_page(
        "", "<div><span>2025-12-17</span><span>·</span><a><div>Trond Teigen</div></a></div>"
    ).replace("<article>", f"<ul class='recent'>{posts}<li>Our team</li></ul><article>")
    assert _authors(page) == ("Trond Teigen",)


@pytest.mark.parametrize(
    ("head", "byline", "authors"),
    [
        # Yoast SEO's reading labels: "Written by", then the name
        ("<meta name='author' content='d.kuckelkorn@example.com'>"
         "<meta name='twitter:label1' content='Written by'>"
         "<meta name='twitter:data1' content='Dieter Kuckelkorn'>", "", ("Dieter Kuckelkorn",)),
        # camel-case and run-together class names
        ("", "<ul class='metaInfoAuthorList'><li><a href='/a/1'>Nathaniel Flakin</a></li></ul>",
         ("Nathaniel Flakin",)),
        ("", "<div>Thu 25.04.24 | Von <span class='authorname'>Eva Kirchner-Rätsch</span></div>",
         ("Eva Kirchner-Rätsch",)),
        # names joined by a conjunction, a label before them, initials after them
        ("<meta name='author' content='Felix Schröder und Jörg Soldwisch'>", "",
         ("Felix Schröder", "Jörg Soldwisch")),
        ("<meta name='author' content='Author: Monika Bolliger'>", "", ("Monika Bolliger",)),
        ("<meta name='author' content='Elena Oberholzer (obe); Oliver Maksan (oma)'>", "",
         ("Elena Oberholzer", "Oliver Maksan")),
        # library-catalogue metas write the surname first, one person each
        ("<meta name='dc.creator' content='You, Xiaoying'><meta name='dc.creator' "
         "content='Basu, Mohana'>", "", ("Xiaoying You", "Mohana Basu")),
        # the article as the main entity of a WebPage
        ("<script type='application/ld+json'>{\"@type\": \"WebPage\", \"mainEntity\": {\"@type\": "
         "\"NewsArticle\", \"author\": [{\"name\": \"Rachel Brazil\"}]}}</script>"
         "<meta name='dc.creator' content='Brazil, Rachel'>", "", ("Rachel Brazil",)),
        # a wire credit beside a writer, a photo credit, a team, a source line
        ("<meta name='author' content='Adam Vidler, AP'>", "", ("Adam Vidler",)),
        # the wire agency listed as a person beside the writers, named in one string with a
        # capitalized conjunction (CTV News, 2023)
        ("<script type='application/ld+json'>{\"@type\": \"NewsArticle\", \"author\": "
         "[{\"@type\": \"Person\", \"name\": \"The Canadian Press\"}, {\"@type\": "
         "\"Person\", \"name\": \"Brett Bundale\"}]}</script>", "", ("Brett Bundale",)),
        ("<script type='application/ld+json'>{\"@type\": \"NewsArticle\", \"author\": "
         "[{\"@type\": \"Person\", \"name\": \"The Associated Press\"}, {\"@type\": "
         "\"Person\", \"name\": \"Sam Metz And Barbara Ortutay\"}]}</script>", "",
         ("Sam Metz", "Barbara Ortutay")),
        ("<meta name='author' content='Emma Mackenzie; (Image: Getty Images)'>", "", ("Emma Mackenzie",)),
        ("<meta name='author' content='Scott Gilbertson; Gear Team'>", "", ("Scott Gilbertson",)),
        # a forum's first post names its writer in microdata (NodeBB, 2025); a comment's
        # writer does not count
        ("", "<div itemscope itemtype='https://schema.org/Comment'><div itemprop='author' "
         "itemscope itemtype='https://schema.org/Person'><meta itemprop='name' content='kim'>"
         "</div></div><div itemscope itemtype='https://schema.org/DiscussionForumPosting'>"
         "<div itemprop='author' itemscope itemtype='https://schema.org/Person'>"
         "<meta itemprop='name' content='luizjr4'></div></div>", ("luizjr4",)),
        # a team alone is credited: the page names no one else (Camphouse, 2025)
        ("<meta name='author' content='Camphouse Team'>", "", ("Camphouse Team",)),
        ("", "<p class='byline'>Quelle: sid/dpa</p>", ()),
        # a blog's date and writer on one line under the headline, unmarked (2025 pages)
        ("", "<p class='meta'>2025-12-17 · Trond Teigen</p>", ("Trond Teigen",)),
        ("", "<div><span>Dec 17, 2025</span><span>Julian K. Arni</span></div>",
         ("Julian K. Arni",)),
        ("", "<p>Last updated March 3, 2025</p>", ()),
        # JSON-LD names the lead writer, the author meta both (Evening Standard, 2020)
        ("<script type='application/ld+json'>{\"@type\": \"NewsArticle\", \"author\": "
         "{\"@type\": \"Person\", \"name\": \"April Roach\"}}</script>"
         "<meta name='author' content='April Roach, Daniel O&#x27;Mahony'>", "",
         ("April Roach", "Daniel O'Mahony")),
        # the name in an element of its own after the date's separator (2025 pages)
        ("", "<div><span>2025-12-17</span><span>·</span><a title='Trond Teigen'>"
         "<img alt='Trond Teigen' src='a.png'><div>Trond Teigen</div></a></div>",
         ("Trond Teigen",)),
        ("", "<div><span>2025-12-17</span><span>·</span><div>Read more</div></div>", ()),
        # an English paper's byline with its newspaper after a slash, where the markup
        # names its publishing account in Japanese (The Japan News, 2024)
        ("<script type='application/ld+json'>{\"@type\": \"NewsArticle\", \"author\": "
         "{\"@type\": \"Person\", \"name\": \"新間\"}}</script>",
         "<p class='byline'>By Takeo Maeda and Tatsuya Tanoue / Yomiuri Shimbun Staff Writers</p>",
         ("Takeo Maeda", "Tatsuya Tanoue")),
    ],
)
def test_authors_named_in_the_ways_news_sites_name_them(
    head: str, byline: str, authors: tuple[str, ...]
) -> None:
    """Author markup as real news sites write it gives the writers' names alone."""
    assert _authors(_english_page(head, byline)) == authors


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("执笔人：闵乐夫 赵兰波 刘韬", ("闵乐夫", "赵兰波", "刘韬")),
        ("本报记者罗科苏盈发自北京", ("罗科苏盈",)),
        ("顶端新闻·河南商报记者马俊峰/文受访者供图", ("马俊峰",)),
        ("[ 黄宇 ] 来源：[ 国际金融报 ]", ("黄宇",)),
        ("作者： 周思博 (Joel Spolsky)", ("周思博 (Joel Spolsky)",)),
        ("文 张三", ("张三",)),
        # a Hong Kong paper's writer's field, who the writer is after the name (HKET, 2023)
        ("撰文 : 梁耀康 HK Money Club聯合創辦人、CFA", ("梁耀康",)),
        ("撰文 : 蕭悅潾 Money Times", ("蕭悅潾",)),
    ],
)
def test_chinese_writer_credits_of_portals_and_reports(line: str, authors: tuple[str, ...]) -> None:
    """A writer's field (执笔人：), a reporter ``发自`` a place, words ``/文`` with a photo
    credit after, a bracketed name before ``来源：``, a translated name with its original, a
    field whose writer's affiliation follows the name."""
    found = read_byline(line)
    assert found is not None and found.authors == authors


def test_a_byline_may_name_its_outlet_after_a_slash() -> None:
    """``By A / Outlet``: the writers, and the wire agency where the outlet is one."""
    staff = read_byline("By Takeo Maeda / Yomiuri Shimbun Staff Writer")
    assert staff is not None and staff.authors == ("Takeo Maeda",) and staff.outlet is None
    wire = read_byline("By Kim Tong-Hyung / AP")
    assert wire is not None and wire.authors == ("Kim Tong-Hyung",) and wire.outlet == "AP"
    dashed = read_byline("By Kim Tong-Hyung - AP")
    assert dashed is not None and dashed.outlet == "AP"


@pytest.mark.parametrize("line", ["文章处理费", "文化", "文章"])
def test_a_word_opening_with_wen_is_not_a_words_credit(line: str) -> None:
    """``文`` credits the words only before a name or a separator: ``文章`` names no one."""
    assert read_byline(line) is None


def test_a_chinese_date_with_its_time_glued_on_is_a_dateline() -> None:
    """``2004年7月16日08:19``: the time right after ``日`` belongs to the date."""
    assert dateline("2004年7月16日08:19") == "2004-07-16T08:19"
    assert dateline("时间：2004年10月21日14:18") == "2004-10-21T14:18"


def _portal(fields: str, infobox: str = "") -> str:
    """An old portal page: tables, no ``h1``, the headline in a cell, a line of fields under it."""
    return (
        "<html><head><title>民间资本成投资活动的主体 民间资本路在何方-搜狐财经</title></head><body>"
        "<table><tr><td><a href='/'>搜狐首页</a> - <a href='/n'>新闻</a></td></tr></table>"
        f"<table><tr><td>民间资本成投资活动的主体 民间资本路在何方</td></tr>{infobox}"
        f"<tr><td>{fields}</td></tr></table><table>"
        + "<tr><td>伴随着国务院关于投资体制改革的决定出台，确立了民间资本成为投资活动的主体之一。"
        "放宽社会资本的投资领域的规定，给民间资本发展开拓了新空间。</td></tr>" * 5
        + "</table></body></html>"
    )


@pytest.mark.parametrize(
    ("fields", "published", "authors"),
    [
        ("时间：2004年10月21日14:18\u3000\u3000作者：郭励弘 | 我来说两句(0)", "2004-10-21", ("郭励弘",)),
        ("BUSINESS.SOHU.COM\u30002004年7月16日08:19 [ 黄宇 ] 来源：[ 国际金融报 ]", "2004-07-16", ("黄宇",)),
        ("编辑： 金金 | 来源： 21世纪经济报道 | 作者：宋怡 杨志华", None, ("宋怡", "杨志华")),
    ],
)
def test_the_line_of_fields_under_a_headline_with_no_h1_dates_and_signs_the_page(
    fields: str, published: str | None, authors: tuple[str, ...]
) -> None:
    """A page whose headline is a table cell (no ``h1``) is dated by the line of fields under
    it, and its writer's field (``作者：``, ``[ 黄宇 ] 来源：``) names the author, not its editor."""
    found = dict(clean_text(_portal(fields)).metadata)
    if published:
        assert str(found.get("published"))[:10] == published
    assert tuple(found.get("authors", ())) == authors


def test_a_birth_date_in_a_list_under_the_headline_does_not_date_the_page() -> None:
    """A list item's date with no time (an infobox's birth date) is not the page's date."""
    page = _portal("分享到", infobox="<tr><td><ul><li>1975年1月28日（农历1974年腊月十七）</li></ul></td></tr>")
    assert not str(dict(clean_text(page).metadata).get("published", "")).startswith("1975")


def test_a_page_that_is_one_form_keeps_its_article() -> None:
    """An ASP.NET page wraps everything in one ``form``; stored as a crawl wrapped it (no
    ``html`` or ``body`` element, but a page's many links), its article text is kept and its
    navigation left out. A fragment of markup without them keeps all its text."""
    prose = [
        f"第{i}段：承蒙开心就好的邀请，很高兴入住博客堂。作为微软技术的知名社区，博客堂是一个做技术的好地方。"
        for i in range(3)
    ]
    raw = (
        "<text id='http://blog.example.com/archive/41810.aspx' title='很高兴入住博客堂'>"
        "<form id='Form1' method='post'><h1>李建忠</h1><h3>导航</h3>"
        "<ul><li><a href='/'>首页</a></li><li><a href='/c'>联系</a></li></ul>"
        + "".join(f"<div class='post'><p>{p}</p></div>" for p in prose)
        + "<ul>"
        + "".join(f"<li><a href='/archive/{i}.aspx'>文章{i}</a></li>" for i in range(60))
        + "</ul></form></text>"
    )
    text = clean_text(raw).text
    assert all(p in text for p in prose)
    assert "导航" not in text
    assert "文章7" not in text
    fragment = "<p>Kim Jong Un <script>alert(1)</script> visited Pyongyang.</p>"
    # A script inside a sentence is no break in it, as a browser shows it.
    assert clean_text(fragment).text == "Kim Jong Un visited Pyongyang."


def test_a_link_to_the_writers_articles_names_no_one_and_an_icon_between_fields_is_skipped() -> None:
    """``■该作者文章`` (the writer's other articles), marked as the author, is no name; the
    writer's field beside a private-use icon (``[ 黄宇 ]\\ue5c2 来源：``) names the writer."""
    fields = "BUSINESS.SOHU.COM\u30002004年7月16日08:19 [ 黄宇 ]\ue5c2 来源：[ 国际金融报 ]\ue5c2"
    page = _portal(fields).replace(
        "</table></body>", "<tr><td class='author'>■该作者文章</td></tr></table></body>"
    )
    assert tuple(dict(clean_text(page).metadata).get("authors", ())) == ("黄宇",)
    for line in ("■该作者文章", "作者简介", "作者一覽"):
        found = read_byline(line)
        assert found is not None and found.authors == ()


def test_a_writers_field_that_reads_as_no_names_gives_none() -> None:
    """A forum's ``作者：`` field followed by the poster's rank and scores is not split into
    names: no author rather than a wrong one."""
    page = _portal("作者：放飞&心情 振威将军(从一品) 能力值:545803")
    assert tuple(dict(clean_text(page).metadata).get("authors", ())) == ()


def test_a_byline_between_wide_indents_in_the_first_block_names_the_reporter() -> None:
    """An old page runs its deck, byline and first paragraphs into one block, split by
    ideographic-space indents: the byline between them names the reporter."""
    lead = (
        "中国社会科学院金融研究所所长李扬说，宏观政策应该相对稳定 \u3000\u3000 本报记者罗科苏盈发自北京"
        " \u3000 \u3000\u300023日下午，在北大万众楼二层，北大中国经济研究中心向社会作了第一次报告会。"
    )
    raw = (
        "<html><head><title>CCER经济学人分析中国经济热度</title></head><body>"
        f"<h1>CCER经济学人分析中国经济热度</h1><table><tr><td>{lead}</td></tr>"
        + "<tr><td>据悉，中心将持续十年进行这样的季度报告会，经济偏热或偏冷的程度为实际生产水平与其趋势的偏差。</td></tr>"
        * 4
        + "</table></body></html>"
    )
    assert _authors(raw) == ("罗科苏盈",)


_WIRE_STORY = (
    "<html><head><title>North Korea fires missile into sea</title>{head}</head><body>"
    "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav><article>"
    "<h1>North Korea fires missile into sea</h1>"
    "<p>SEOUL (Reuters) - North Korea fired a ballistic missile into the sea off its east "
    "coast on Thursday, South Korea's military said, in the latest of a series of launches.</p>"
    "<p>The launch came days after the allies ended their joint drills, and it was the third "
    "this month, the Joint Chiefs of Staff said in a statement.</p>"
    "<p>(Reporting by Hyonhee Shin and Josh Smith; Editing by Ed Davies)</p>"
    "</article></body></html>"
)


def test_a_wire_storys_closing_credits_name_its_writers_when_the_markup_names_no_one() -> None:
    """A Reuters story whose page names no author: its closing credits give the reporters,
    the editor left out; an author the markup names still comes first."""
    page = _WIRE_STORY.format(head="")
    assert _authors(page) == ("Hyonhee Shin", "Josh Smith")
    recorded = dict(clean_text(page).metadata)["extra.metadata_sources"]
    sources = dict(source.split("=", 1) for source in recorded)
    assert sources["authors"] == "wire-credits"
    named = _WIRE_STORY.format(head="<meta name='author' content='Josh Smith'>")
    assert _authors(named) == ("Josh Smith",)


def test_a_stamps_label_in_a_byline_block_is_no_writer() -> None:
    """Gannett's byline block holds an empty author, the wire credit and ``"Published
    11:11 PM EST Nov 19, 2019"``: ``Published`` is a stamp's label, not a writer."""
    block = (
        '<div class="byline-section"><div class="attribution"><span class="author"></span>'
        '<span class="publication">Detroit News wire services</span></div>'
        '<div class="publish-date">Published 11:11 PM EST Nov 19, 2019</div></div>'
    )
    page = _WIRE_STORY.format(head="").replace("<article>", f"<article>{block}")
    page = page.replace("<p>(Reporting by Hyonhee Shin and Josh Smith; Editing by Ed Davies)</p>", "")
    assert "Published" not in _authors(page)


_POST = (
    '<div class="post"><dl class="postprofile"><dt><a href="./memberlist.php?u={n}" '
    'class="{cls}">{name}</a></dt></dl><div class="content">{text}</div></div>'
)
_REPLY = (
    "I had the same question last winter, and the answer from the maintainers was that "
    "the installer grew because of the firmware packages that ship with it now."
)


@pytest.mark.parametrize("cls", ["username", "username-coloured username", "bigusername"])
def test_a_forum_threads_author_is_the_writer_of_its_first_post(cls: str) -> None:
    """A thread (phpBB, vBulletin: each post's writer marked as a user name), no other
    writer named: its first post's writer is the author, not a later one's."""
    posts = [("b.scherer", "Why did the installer grow so much this year? " * 4), ("kaz", _REPLY)]
    body = "".join(
        _POST.format(n=n, cls=cls, name=name, text=text) for n, (name, text) in enumerate(posts)
    )
    raw = f"<html><head><title>Installer size</title></head><body>{body}</body></html>"
    assert dict(clean_text(raw).metadata)["authors"] == ("b.scherer",)


def test_a_stories_submitter_above_its_comment_tree_is_its_author() -> None:
    """A Hacker News item: the story's submitter (``class="hnuser"``) above a table of
    comments (``class="comment-tree"``) whose writers are marked the same way is the
    author; none of the commenters is."""
    comment = (
        '<tr class="athing comtr"><td><span class="comhead"><a href="user?id={name}" '
        'class="hnuser">{name}</a></span><div class="commtext">{text}</div></td></tr>'
    )
    raw = (
        "<html><head><title>Ask HN: What are your predictions for 2024?</title></head><body>"
        '<table class="fatitem"><tr><td class="subtext">89 points by <a href="user?id=koconder"'
        ' class="hnuser">koconder</a></td></tr><tr><td>'
        + "Looking forward to see what 2024 has in store for economics and technology. " * 3
        + '</td></tr></table><table class="comment-tree">'
        + comment.format(name="caprock", text=_REPLY)
        + comment.format(name="samstave", text=_REPLY)
        + "</table></body></html>"
    )
    assert dict(clean_text(raw).metadata)["authors"] == ("koconder",)


def test_one_user_name_on_a_page_is_no_author() -> None:
    """A signed-in user's name in a page's header (one element marked as a user name) is
    not a thread's first poster."""
    raw = (
        '<html><head><title>Floods</title></head><body><header><span class="username">'
        "guest42</span></header><article><p>"
        + "The river rose overnight and the town's lower streets were under water by dawn. " * 5
        + "</p></article></body></html>"
    )
    assert "authors" not in dict(clean_text(raw).metadata)


def _ld_page(author: str, byline: str = "") -> str:
    return (
        "<html><head><title>Gym injuries</title><script type='application/ld+json'>"
        f'{{"@type": "Article", "headline": "Gym injuries", "author": {author}}}</script>'
        "</head><body><article><h1>Gym injuries</h1>"
        + byline
        + "<p>Injuries at the gym are more common than most members of gyms think.</p>" * 5
        + "</article></body></html>"
    )


def test_an_organisation_as_json_ld_author_gives_way_to_a_named_writer() -> None:
    """A JSON-LD author typed as an organisation is no writer: the byline's name wins, and
    with no one named the organisation is the author, its name whole (not split at ``&``);
    a person typed in lower case is a person."""
    firm = '{"@type": "Organization", "name": "Morgan & Morgan"}'
    assert _authors(_ld_page(firm, "<p class='byline'>By Jane Doe</p>")) == ("Jane Doe",)
    assert _authors(_ld_page(firm)) == ("Morgan & Morgan",)
    person = '[{"@type": "person", "name": "Tom Krisher"}]'
    assert _authors(_ld_page(person, "<p class='byline'>By Jane Doe</p>")) == ("Tom Krisher",)


def _en_page(byline: str, head: str = "", title: str = "Fed lifts rates") -> str:
    return (
        f"<html><head><title>{title}</title>{head}</head><body><article><h1>Fed lifts rates</h1>"
        f"{byline}"
        + "<p>The Federal Reserve raised interest rates on Wednesday for the first time.</p>" * 5
        + "</article></body></html>"
    )


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        # a name and a job title in spans a style sheet shows on two lines (postlight.com)
        (
            "<div class='byline__text'><span class='byline__author'><span class='byline__name'>"
            "Gina Trapani</span><span class='byline__title'>CEO</span></span></div>",
            ("Gina Trapani",),
        ),
        # the writer's handle right after the name, then the date (Vox Media's sites)
        (
            "<div class='c-byline'>By <span class='c-byline__item'><a href='/authors/aja'>Aja"
            " Romano</a></span><span class='c-byline__item'><a href='https://twitter.com/aja'>"
            "@ajaromano</a></span> Dec 10, 2016, 10:20am EST</div>",
            ("Aja Romano",),
        ),
        # an icon's label and the job title after the name (uproxx.com)
        (
            "<span class='author vcard'><a rel='author' href='/author/andrew-husband/'>Andrew"
            " Husband</a><a href='https://twitter.com/AndrewHusband'><i>Twitter</i></a></span>"
            "<span class='author-title'>News &amp; Culture Writer</span>",
            ("Andrew Husband",),
        ),
        # "By" in an element of its own, the name's element saying "by" again (ABC News)
        (
            "<div class='ShareByline'><span>By</span><span>by JOSH HASKELL, DAVID CAPLAN and"
            " PATRICK REEVELL</span></div>",
            ("JOSH HASKELL", "DAVID CAPLAN", "PATRICK REEVELL"),
        ),
        # the label in an element of its own, the name in the next (AAA, 2024)
        (
            "<div class='byline'><span>Written by</span><span>Sherry Mims</span></div>",
            ("Sherry Mims",),
        ),
        # the wire's credit after the names is no writer
        (
            "<p class='author'>Paul Wiseman, Fatima Hussein, The Associated Press</p>",
            ("Paul Wiseman", "Fatima Hussein"),
        ),
        # the outlet and the time after a slash (The Times of India), the share button after
        (
            "<div class='byline'><span>Saibal Dasgupta / TNN / Updated: Oct 9, 2019, 11:05 IST"
            "</span><div class='share'><span>Share</span></div></div>",
            ("Saibal Dasgupta",),
        ),
        # the section after the name; the author box's heading is no name (Phoronix)
        (
            "<div class='author'>Written by Michael Larabel in Valve on 1 June 2019 at 08:34 PM"
            " EDT. 51 Comments</div><div id='about-author'><header>About The Author</header>"
            "</div>",
            ("Michael Larabel",),
        ),
    ],
)
def test_what_a_byline_element_shows_beside_the_name_is_not_part_of_it(
    byline: str, names: tuple[str, ...]
) -> None:
    """Job titles, handles and icons set apart from the name only by the style sheet
    (elements that meet with no space between them), a slash before the outlet, a section,
    a wire's credit and the labels of a byline's controls: the names alone are the authors."""
    assert _authors(_en_page(byline)) == names


def test_a_breadcrumb_inside_an_element_marked_author_is_no_byline() -> None:
    """An article wrapper whose class holds ``author`` (``a-article-author-ruler``,
    Deadline) marks the breadcrumb's links too: they are no byline, the byline is."""
    raw = _en_page("").replace(
        "<article>",
        "<article><div class='a-article-grid a-article-author-ruler'><nav class='breadcrumb'>"
        "<ul><li><a href='/'>Home</a></li><li><a href='/b'>Business</a></li></ul></nav>"
        "<div class='author__byline'>By Lisa de Moraes</div></div>",
    )
    assert _authors(raw) == ("Lisa de Moraes",)


@pytest.mark.parametrize(
    ("head", "byline", "names"),
    [
        # the markup writes the one writer surname first (The Penny Hoarder's parsely-author)
        (
            "<meta name='parsely-author' content='Gillman, Steve'>",
            "<p class='byline'>by Steve Gillman</p>",
            ("Steve Gillman",),
        ),
        # the markup gives a user name that the byline writes as a name (AL.com)
        (
            "<meta name='sailthru.author' content='mikecason'>",
            "<p class='byline'>Mike Cason | mcason@al.com</p>",
            ("Mike Cason",),
        ),
        # the author meta names the publisher, the article:author meta the writer shown
        (
            "<meta name='author' content='Condé Nast'>"
            "<meta name='article:author' content='Alex Hutchinson'>",
            "<p class='byline'>By Alex Hutchinson</p>",
            ("Alex Hutchinson",),
        ),
    ],
)
def test_the_markups_writer_is_named_as_the_byline_shows_them(
    head: str, byline: str, names: tuple[str, ...]
) -> None:
    """Where the markup names the writer otherwise than the page's byline (surname first,
    a user name, the publisher in one meta and the writer in another), the byline's form
    of a name the markup gives wins."""
    assert _authors(_en_page(byline, head)) == names


def test_an_author_meta_giving_the_writers_page_names_the_writer_its_link_shows() -> None:
    """``article:author`` as the URL of the writer's page (Engadget): the page's link to a
    page of that name gives the writer's name; a link whose text is not the name does not."""
    head = "<meta property='article:author' content='https://www.engadget.com/editors/jon-fingas'>"
    byline = (
        "<div class='th-meta'><a href='https://www.engadget.com/about/editors/jon-fingas/'>"
        "Jon Fingas</a>, <a href='https://twitter.com/jonfingas'>@jonfingas</a></div>"
    )
    assert _authors(_en_page(byline, head)) == ("Jon Fingas",)
    other = byline.replace(">Jon Fingas<", ">More from him<")
    assert _authors(_en_page(other, head)) == ()


def test_the_sites_credits_are_no_authors_and_a_long_author_element_names_the_writer() -> None:
    """An author ``meta`` that credits the site's makers by role (MarketingSherpa's
    ``"content: …; design: …; code: …"``) names no writer; the writer's element, a name
    and a long job title after it, does."""
    head = (
        "<meta name='author' content='content: MarketingSherpa; design: Scott McDaniel; "
        "code: Steve Beger; MECLABS'>"
    )
    byline = (
        "<div id='content_authors'>by <span class='author'><a href='/about#daniel'>Daniel "
        "Burstein</a>, Senior Director, Content &amp; Marketing, MarketingSherpa and MECLABS "
        "Institute</span></div>"
    )
    assert _authors(_en_page(byline, head)) == ("Daniel Burstein",)
    assert _authors(_en_page("", head)) == ()


def test_a_character_reference_inside_the_writers_link_leaves_the_name_whole() -> None:
    """``Andr&#xE9; Mindermann`` in the link to the writer's page, after a date in the same
    line (OTRS's magazine): ``"André Mindermann"``, not ``"Andr é Mindermann"``."""
    byline = (
        "<div class='dateplusauthor'><span>18/03/2019</span> | <a href='https://otrs.com/"
        "otrsmag/author/andremindermann/' rel='author'>Andr&#xE9; Mindermann</a></div>"
    )
    assert _authors(_en_page(byline)) == ("André Mindermann",)


@pytest.mark.parametrize(
    ("value", "names"),
    [
        ("Dylan Bailey, MS, RD, FAND", ("Dylan Bailey",)),  # degrees after the name
        ("Michael Greger, M.D. FACLM", ("Michael Greger",)),
        ("Jane Doe, CNN", ("Jane Doe",)),  # the outlet after the name
        ("JOSH HASKELL, DAVID CAPLAN", ("JOSH HASKELL", "DAVID CAPLAN")),  # names in capitals
        ("AP", ("AP",)),  # an outlet alone is what the value names
    ],
)
def test_a_writers_degrees_and_outlet_are_no_writers(value: str, names: tuple[str, ...]) -> None:
    """Capitals after a writer's name in an author list are degrees or an outlet, not a
    second writer; names written in capitals stay names."""
    assert split_authors(value) == names


@pytest.mark.parametrize(
    "stamp",
    [
        '<p class="meta">Posted on March 3, 2025 by Jane Doe</p>',
        "<div>March 3, 2025 | by Jane Doe</div>",
        # a personal page's closing stamp (an MIT professor's, 2025)
        '<p><i>Last updated March  3, 2025 by <a href="http://example.org/">Jane Doe</a>.</i></p>',
    ],
)
def test_a_date_stamp_that_names_its_writer_after_it_gives_the_writer(stamp: str) -> None:
    """A page's date stamp followed by ``by`` and a name (a blog's ``Posted on … by …``)
    names the writer where the markup names none."""
    body = "<p>" + "The committee heard testimony from defectors about the camps. " * 8 + "</p>"
    page = f"<html><head><title>The camps</title></head><body><h1>The camps</h1>{stamp}{body}"
    assert dict(clean_text(page + "</body></html>").metadata)["authors"] == ("Jane Doe",)


def test_a_sentence_with_a_date_and_by_names_no_writer() -> None:
    """``by`` after a date in a sentence is no byline."""
    body = "<p>On March 3, 2025 by the river, the defectors met the committee's staff.</p>"
    page = f"<html><head><title>The camps</title></head><body><h1>The camps</h1>{body * 4}"
    assert "authors" not in dict(clean_text(page + "</body></html>").metadata)


@pytest.mark.parametrize(
    ("stamp", "names"),
    [
        ("<p>입력 2023.09.21 14:30 | 홍길동 기자</p>", ("홍길동",)),
        ("<p>2023-09-21 14:30 홍길동 기자 hong@yna.co.kr</p>", ("홍길동",)),
        ("<div>발행일 2023.09.21 · 김철수 기자</div>", ("김철수",)),
        ("<p>2023-09-21 14:30 来源：新华社 记者 王小明</p>", ("王小明",)),
    ],
)
def test_a_korean_or_chinese_stamp_that_names_its_reporter_after_the_date_gives_the_reporter(
    stamp: str, names: tuple[str, ...]
) -> None:
    """A stamp whose reporter comes after the date and time (``입력 … | 홍길동 기자``)
    names the writer, and leaves the article text."""
    body = "<p>" + "북한 인권 문제에 대한 유엔 보고서가 공개되었다. 탈북자들은 증언했다. " * 6
    page = f"<html><head><title>보고서</title></head><body><h1>보고서 공개</h1>{stamp}{body}</p>"
    cleaned = clean_text(page + "</body></html>")
    assert dict(cleaned.metadata)["authors"] == names
    assert names[0] not in cleaned.text


def test_a_related_storys_dated_link_names_no_writer() -> None:
    """A link to another story with its date and writer (a sidebar's list) is not this
    page's byline."""
    body = "<p>" + "The committee heard testimony from defectors about the camps. " * 8 + "</p>"
    related = (
        '<ul><li><h3><a href="/horoscope">Horoscope for Wednesday, 11/20/19 by Christopher '
        "Renstrom</a></h3></li></ul>"
    )
    page = f"<html><head><title>The camps</title></head><body><h1>The camps</h1>{body}{related}"
    assert "authors" not in dict(clean_text(page + "</body></html>").metadata)


def test_a_stamp_under_share_buttons_below_the_headline_dates_the_page() -> None:
    """A row of share buttons between the headline and its stamp ("페이스북 공유하기") does not
    push the stamp out of reach: the page is dated by it, not by the footer's registration
    date."""
    shares = "".join(
        f"<li class='sns'><a href='#'>{name} 공유하기</a></li>"
        for name in ("페이스북", "트위터", "카카오스토리", "네이버블로그")
    )
    raw = (
        "<html><head><title>사회자, 알고 보니 공화당원 - 경향신문</title></head><body>"
        "<h1>사회자, 알고 보니 공화당원</h1><p>정환보 기자</p>"
        f"<ul>{shares}</ul><div class='byline'><em>입력 : 2016.09.26 22:18:01</em></div>"
        + "<p>미국 대선 첫 토론회의 사회자가 공화당원으로 등록된 것으로 확인됐다.</p>" * 5
        + "<footer><span>등록일자: 2012.03.22</span></footer></body></html>"
    )
    metadata = dict(clean_text(raw).metadata)
    assert metadata["published"] == "2016-09-26T22:18:01"
    assert "published=dateline" in metadata["extra.metadata_sources"]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("更新时间\xa02012年12月10日, 格林尼治标准时间10:41", "2012-12-10"),
        ("发布时间：2023年9月21日 北京时间14:30", "2023-09-21"),
        ("입력 2023.09.21 14:30 (한국시간)", "2023-09-21T14:30"),
    ],
)
def test_a_dateline_with_its_zone_written_out_is_a_dateline(line: str, expected: str) -> None:
    """A stamp whose clock's zone is written out in words (格林尼治标准时间, GMT; 北京时间;
    한국시간) is a dateline."""
    assert dateline(line) == expected


def test_a_korean_byline_that_leaves_writers_unnamed_gives_way_to_the_full_list() -> None:
    """``"박준석 기자 외 1명"`` (and one other) names its first writer; where the JSON-LD names
    him and the other, the page's writers are both."""
    found = read_byline("박준석 기자 외 1명")
    assert found is not None and found.authors == ("박준석",)
    ld = (
        '{"@context":"https://schema.org","@type":"NewsArticle","headline":"선호투표제 불발",'
        '"author":[{"@type":"Person","name":"박준석"},{"@type":"Person","name":"김태연"}]}'
    )
    raw = (
        f"<html><head><script type='application/ld+json'>{ld}</script></head><body>"
        "<h1>선호투표제 불발</h1><p>박준석 기자 외 1명</p>"
        + "<p>더불어민주당의 당규 개정안이 중앙위원회에서 또다시 부결됐다.</p>" * 5
        + "</body></html>"
    )
    assert _authors(raw) == ("박준석", "김태연")


@pytest.mark.parametrize(
    ("byline", "authors"),
    [
        # a section's label marked as the byline's first part: a full name comes first
        ("<div class='byline'>News</div><div class='author'>Steffan Rhys</div>", ("Steffan Rhys",)),
        # a control's tooltip in the byline's element: a question is no name
        ("<span class='author'>What's This?</span><p class='author'>By Jane Doe</p>", ("Jane Doe",)),
        # a job title run into the name, with no comma between them
        ("<p class='byline'>Amy Gibbons Political Correspondent</p>", ("Amy Gibbons",)),
        # the stamp's "Last updated" after the name
        ("<p class='byline'>By Alejandro Villamor Last updated Nov 8, 2023</p>", ("Alejandro Villamor",)),
        # the wire agency after the second name, with no comma
        (
            "<p class='byline'>By Samya Kullab and Vasilisa Stepanenko The Associated Press</p>",
            ("Samya Kullab", "Vasilisa Stepanenko"),
        ),
        # a last letter that the style sheet spaces apart: one word
        ("<p class='byline'><a href='/c/wk'>Will Knigh<span>t</span></a></p>", ("Will Knight",)),
        # a job title in small letters after the name
        ("<p class='author'>Thabo Mokone Parliamentary editor</p>", ("Thabo Mokone",)),
        # the byline's date before "by"
        ("<p class='byline'>Oct 30 2020 by Emily Co</p>", ("Emily Co",)),
        # "Written by" as the last of a line of fields
        (
            "<p>National, News | Published: 5 hours ago | Written by Eliaser Ndeyanale</p>",
            ("Eliaser Ndeyanale",),
        ),
    ],
)
def test_a_visible_english_byline_names_the_writer_where_the_markup_names_none(
    byline: str, authors: tuple[str, ...]
) -> None:
    """Where no meta element or JSON-LD names the writer, the byline the page shows does,
    without what its elements hold around the name."""
    assert _authors(_english_page("", byline)) == authors


def test_the_agency_alone_is_not_cut_to_its_article() -> None:
    """``"The Associated Press"`` as the byline is the agency, not a writer named "The"."""
    assert split_authors("The Associated Press", shown=True) == ("The Associated Press",)


def test_the_headlines_stamp_dates_the_page_before_a_side_columns_time_element() -> None:
    """Where no meta element names a date, the stamp under the headline dates the page,
    not the ``time`` element of a story listed before the article (a day later, and
    another time of day)."""
    side = (
        "<div class='recent'><p><time datetime='2020-08-15T09:35:53-07:00'>Aug 15</time> "
        "<a href='/b'>Budget vote</a></p></div>"
    )
    page = _english_page("", "<p>By Evan Symon, August 14, 2020 2:30 pm</p>").replace(
        "<article>", f"{side}<article>"
    )
    metadata = dict(clean_text(page).metadata)
    assert metadata["published"] == "2020-08-14T14:30"
    assert "published=dateline" in metadata["extra.metadata_sources"]


def test_a_date_alone_above_the_headline_dates_the_page() -> None:
    """A magazine's date printed over its kicker and headline ("03 November 2025", "NEWS
    FEATURE") dates the page where no meta element does; a date in a list of links above
    it (another story's) does not."""
    top = (
        "<ul class='related'><li><a href='/old'>12 October 2025</a></li></ul>"
        "<ul class='meta'><li>03 November 2025</li><li>NEWS FEATURE</li></ul>"
    )
    page = _english_page("", "").replace("<h1>", f"{top}<h1>")
    metadata = dict(clean_text(page).metadata)
    assert metadata["published"] == "2025-11-03"
    assert "published=dateline" in metadata["extra.metadata_sources"]


def test_the_headline_that_rewords_the_title_wins_over_sponsored_headings_before_it() -> None:
    """Where the ``title`` (its site's name cut) words the headline a little differently
    ("… over Boston Celtics | PhillyVoice", headline "… over Celtics"), that headline is
    the title, not the first ``h1`` of the sponsored stories above it."""
    promos = "".join(
        f"<div class='promo'><h1>{t}</h1></div>"
        for t in ("Visit Harford County this fall", "See wild horses in the Outer Banks")
    )
    page = (
        "<html><head><title>Sixers game notes: Joel Embiid leads Sixers to statement victory "
        "over Boston Celtics | PhillyVoice</title></head><body>"
        f"{promos}<article><h1>Sixers game notes: Joel Embiid leads Sixers to statement "
        "victory over Celtics</h1>"
        + "<p>Joel Embiid scored 38 points as the Sixers beat the Celtics on Tuesday night.</p>"
        * 5
        + "</article></body></html>"
    )
    assert dict(clean_text(page).metadata)["title"] == (
        "Sixers game notes: Joel Embiid leads Sixers to statement victory over Celtics"
    )


def test_a_papers_byline_with_a_features_mark_names_the_reporter() -> None:
    """``中國時報 張立勳／特稿`` (the paper, its reporter, "feature") names the reporter alone."""
    page = _page("", "").replace(
        "<h1>發票千萬獎開出18張</h1>",
        "<h1>發票千萬獎開出18張</h1><div class='reporter'><a href='/p'>中國時報</a> "
        "<cite><a href='/r/1' rel='author'>張立勳</a></cite>／特稿</div>",
    )
    assert _authors(page) == ("張立勳",)


def test_a_login_boxs_field_label_is_no_writer() -> None:
    """A comment box's login fields under ``class="author-name"`` (``账号``, account, as a
    NetEase page of 2015 has it) name no one: the writer is the one the closing source line
    names (``本文来源：21世纪经济报道 作者：何苗 张梦洁``)."""
    login = (
        "<div class='js-loginInput'><div class='author-name'><input type='text'>"
        "<div class='author-tips'>账号</div></div></div>"
    )
    page = _page("", "").replace(
        "</article>",
        "<div class='ep-source'><span>本文来源：21世纪经济报道 作者：何苗 张梦洁</span></div>"
        f"</article><div class='tie'>{login}</div>",
    )
    assert _authors(page) == ("何苗", "张梦洁")


def test_a_writers_line_after_an_editors_credit_and_a_sites_name_names_the_writers() -> None:
    """Marked blocks that name no writer (a desk editor's ``[责任编辑：朱家浒 PN054]``, the
    site's ``中国新闻网``, as an ifeng page of 2019 marks them) do not hide the writers'
    line after them (``作者：上官云 宋宇晟``)."""
    page = _page("", "").replace(
        "<h1>發票千萬獎開出18張</h1>",
        "<h1>發票千萬獎開出18張</h1><p class='author'>[责任编辑：朱家浒 PN054]</p>"
        "<p class='author'>中国新闻网</p>",
    ).replace("</article>", "<p>作者：上官云 宋宇晟</p></article>")
    assert _authors(page) == ("上官云", "宋宇晟")


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("김수아 인턴 기자", ("김수아",)),  # an intern reporter, the rank apart from the title
        ("[서울=뉴시스]김수아 인턴 기자 =", ("김수아",)),
        ("홍길동 수습 기자", ("홍길동",)),
        ("홍길동 기자 · 김철수 선임 기자", ("홍길동", "김철수")),
        ("칼럼니스트 박생강 pillgoo9@gmail.com", ("박생강",)),  # the title before the name
        ("作者：潞源（实习）", ("潞源",)),  # an intern's mark after the name
    ],
)
def test_a_reporters_rank_is_not_taken_for_the_name(line: str, names: tuple[str, ...]) -> None:
    found = read_byline(line)
    assert found is not None
    assert found.authors == names


_KO_PROSE = "".join(
    f"<p>{i}번째 문단: 노정연 대구고검장과 한석리 울산지검장이 13일 잇따라 사의를 표명하는 등 "
    "검찰 고위간부 인사가 임박했다는 관측이 나오고 있다.</p>"
    for i in range(5)
)


def test_a_portals_outlet_as_author_gives_way_to_the_name_beside_the_date() -> None:
    """A portal's copy of an outlet's story (Daum, 2024) marks the outlet as its author
    (``og:article:author`` ``데일리안``, the holder its copyright line names) and shows the
    reporter beside the date under the headline: the reporter is the writer."""
    page = (
        "<html><head><meta property='og:article:author' content='데일리안'>"
        "<meta property='og:title' content='차기 서울중앙지검장, 이창수 거론'></head><body>"
        "<h3 class='tit_view'>차기 서울중앙지검장, 이창수 거론</h3><div class='info_view'>"
        "<span class='txt_info'>박상우</span> <span class='txt_info'>2024. 5. 13. 12:52</span>"
        f"</div><section>{_KO_PROSE}<p>Copyright © 데일리안. 무단전재 및 재배포 금지.</p>"
        "</section></body></html>"
    )
    assert _authors(page) == ("박상우",)
    # Without the copyright line naming it, the author meta stands.
    assert _authors(page.replace("Copyright © 데일리안.", "")) == ("데일리안",)


def test_a_columnists_sign_off_before_a_photo_credit_and_the_copyright_names_the_writer() -> (
    None
):
    """A column's last paragraph ends with its writer and their address, then the photos'
    credit and the outlet's copyright notice (Entermedia, 2018)."""
    page = (
        f"<html><body><h1>남상미 연기가 돋보인 이유</h1><div class='article'>{_KO_PROSE}"
        "<p>막장극 여주인공 캐릭터를 소화하는 새로운 요리법을 발견해낸 인상까지 든다.<br><br>"
        "칼럼니스트 박생강 <a href='mailto:pillgoo9@gmail.com'>pillgoo9@gmail.com</a><br><br>"
        "[사진=MBC, SBS]<br><br>저작권자 ⓒ 엔터미디어(www.entermedia.co.kr), 무단전재 및 "
        "재배포금지</p></div></body></html>"
    )
    assert _authors(page) == ("박생강",)


_ENGLISH_PROSE = "".join(
    f"<p>Paragraph {i}: the company said its systems were both faster and more power-efficient "
    "than comparable systems, and that it had run them in its data centres since 2020.</p>"
    for i in range(6)
)


def _byline_bar(credit: str, body_class: str = "") -> str:
    """An article whose element marked as the byline is a bar that holds a menu's button,
    the headline (repeated for a sticky header), the credit and the share buttons, as a
    financial daily's pages of 2023 are written."""
    return (
        "<html lang='en'><head><title>Google says its AI supercomputer is faster</title></head>"
        f"<body class='{body_class}'><article><h1>Google says its AI supercomputer is faster</h1>"
        "<div class='artByline'><div class='menu_list'><span>SECTIONS</span></div>"
        "<div class='arttitle'>Google says its AI supercomputer is faster</div>"
        f"<div>{credit} | Last Updated: Apr 05, 2023, 09:13 AM IST</div>"
        "<div class='rating'>Rate Story</div><div class='share'>Share</div></div>"
        f"{_ENGLISH_PROSE}</article></body></html>"
    )


def test_a_byline_bars_menu_button_headline_and_buttons_name_no_one() -> None:
    """Neither the menu's button (``<div class="menu_list">``: words of a class name set
    apart by ``_`` count), nor the headline the bar repeats (``"Google says …"`` is no
    byline of ``"Google"``), nor the buttons after a credit to a web site name a writer; an
    agency's credit does."""
    assert _authors(_byline_bar("ETMarkets.com")) == ()
    assert _authors(_byline_bar("Reuters")) == ("Reuters",)


def test_the_class_words_of_the_page_as_a_whole_give_its_text_no_role() -> None:
    """A ``body`` whose class lists the site's settings (``comment-open``,
    ``f_alerts_sidebar_on``) marks none of the page as comments, a sidebar or an ad: the
    byline still names the writer."""
    settings = "permalink has-sidebar comment-open f_ad_refresh_enabled_on f_alerts_sidebar_on"
    page = (
        f"<html lang='en'><head><title>The Nationals Are Stuck</title></head>"
        f"<body class='{settings}'><article><h1>The Nationals Are Stuck</h1>"
        "<div class='byline'><a href='/author/jane-doe'>Jane Doe</a></div>"
        f"{_ENGLISH_PROSE}</article></body></html>"
    )
    assert _authors(page) == ("Jane Doe",)


def test_the_writer_a_pages_analytics_are_told_names_it_where_nothing_else_does() -> None:
    """A page drawn by its scripts (a Korean daily's of 2023) shows no byline; its Chartbeat
    configuration names the reporter (``_sf_async_config.authors = "박선민 기자"``)."""
    prose = "".join(
        f"<p>{i}번째 문단: 이탈리아 북부의 한 병원 앞에서 부활절 아침 신생아가 발견됐다고 현지 언론이 "
        "보도했다. 아기는 건강한 상태로 알려졌다.</p>"
        for i in range(5)
    )
    page = (
        "<html lang='ko'><head><title>부활절에 버려진 신생아 사연</title><script>"
        'var _sf_async_config = {}; _sf_async_config.sections = "국제";'
        '_sf_async_config.authors = "박선민 기자";</script></head><body><article>'
        f"<h1>부활절에 버려진 신생아 사연</h1>{prose}</article></body></html>"
    )
    assert _authors(page) == ("박선민",)
    assert _authors(page.replace("박선민 기자", "")) == ()


@pytest.mark.parametrize(
    ("site", "author", "expected"),
    [
        ("Bastillepost 巴士的報", "巴士的報", ("巴士的報",)),
        ("網易新聞", "網易", ()),
        ("Bastillepost 巴士的報", "頭條日報", ()),
    ],
)
def test_the_sites_own_outlet_marked_as_the_author_is_the_author(
    site: str, author: str, expected: tuple[str, ...]
) -> None:
    """A Hong Kong site's JSON-LD names its own outlet as the article's author, and the page
    names no one else: the outlet is the author, as the site's record says (a 2023 page of
    Bastillepost). A portal's name never is, nor another outlet's."""
    record = (
        '{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "賈曉晨拍片談家庭生活", '
        f'"author": {{"@type": "Person", "name": "{author}"}}}}'
    )
    head = (
        f"<meta property='og:site_name' content='{site}'>"
        f"<script type='application/ld+json'>{record}</script>"
    )
    page = _page(head, "").replace("<h1>發票千萬獎開出18張</h1>", "<h1>賈曉晨拍片談家庭生活</h1>")
    assert _authors(page) == expected


def test_the_writers_line_that_closes_the_article_leaves_the_text() -> None:
    """A Korean article closes with its reporter's line (``김윤종 기자 zozo@donga.com``, a
    2016 page of the Dong-a Ilbo): it names the page's writer, and leaves the text as the
    byline under a headline does."""
    prose = "".join(
        f"<p>{i}번째 문단: 국민연금 개편안을 두고 정부와 국회가 다시 논의를 시작했다. 보험료율을 "
        "올리는 방안과 소득대체율을 지키는 방안이 함께 검토되고 있다.</p>"
        for i in range(5)
    )

    def page(closing: str) -> str:
        return (
            "<html lang='ko'><head><title>국민연금 개편 논의 재개</title>"
            "<meta name='author' content='김윤종 기자'></head><body><article>"
            f"<h1>국민연금 개편 논의 재개</h1>{prose}<p>{closing}</p></article></body></html>"
        )

    cleaned = clean_text(page("김윤종 기자 zozo@donga.com"))
    assert "zozo@donga.com" not in cleaned.text
    assert cleaned.text.endswith("검토되고 있다.")
    assert dict(cleaned.metadata)["authors"] == ("김윤종",)
    assert any(r.rule == "byline" for r in cleaned.removed)


def test_the_writers_box_and_a_lone_link_that_close_the_article_leave_the_text() -> None:
    """A Korean broadcaster's story (2023) closes with a link to its programme
    (``뉴스 7 전체보기``) and the reporter's box (``<dl class="news-writer">``: the reporter's
    line and ``김수연 기자의 기사 모음``, "the reporter's articles"), which trafilatura keeps
    with the article: they close it and are no part of it. A closing paragraph of prose, and
    a closing line that names another writer, stay."""
    from nkcorpus.cleaning.htmlmain import _closing_lines
    from nkcorpus.cleaning.htmlpage import Block

    texts = [
        ("남북을 연결하는 통신선이 종일 끊어졌습니다. 정부는 상황을 지켜본다는 입장입니다.", set()),
        ("KBS 뉴스 김수연입니다.", set()),
        ("뉴스 7 전체보기", {"link"}),
        ("김수연 기자 sykbs@kbs.co.kr", {"list", "writer"}),
        ("김수연 기자의 기사 모음", {"link", "list", "writer"}),
    ]
    blocks = {
        n: Block(10 * n, 10 * n + 5, text, frozenset(roles)) for n, (text, roles) in enumerate(texts)
    }
    found = _closing_lines(blocks, set(blocks), ("김수연",))
    assert sorted(found) == [(2, "link-list"), (3, "byline"), (4, "byline")]
    assert _closing_lines(blocks, {0, 1, 3}, ("박홍두",)) == []


def _broadcast(closing: str) -> str:
    """A Korean broadcaster's story as its site writes it (KBS, 2023): one element, its
    lines set apart by ``br``."""
    lines = [
        "남북을 연결하는 통신선이 종일 끊어졌습니다.",
        "정부는 북한이 연락을 받지 않는 이유를 분석하고 있다고 밝혔습니다.",
        "통일부는 주말에는 연락사무소 간 통화가 이뤄지지 않는다고 설명했습니다.",
        "정부는 다음 주까지 상황을 지켜볼 계획입니다.",
    ]
    story = "<br><br>".join(line * 2 for line in lines)
    return (
        "<html lang='ko'><head><title>남북 통신선 끊겨</title></head><body><article>"
        f"<h1>남북 통신선 끊겨</h1><div id='cont_newstext'>{story}<br><br>{closing}</div>"
        "</article></body></html>"
    )


def test_closing_lines_inside_the_last_paragraph_leave_the_text() -> None:
    """The sign-off, the crew's credits and a request for tips close a broadcaster's
    story inside its one element (lines set apart by ``br``): the reporter is its writer,
    and the lines leave the text, each recorded with its rule. A credit line alone (a
    photo's, at the end of a slide) stays."""
    closing = (
        "KBS 뉴스 김수연입니다.<br><br>촬영기자:김철수/영상편집:이영희<br><br>"
        "■ 제보하기<br>▷ 카카오톡 : 'KBS제보' 검색<br>▷ 전화 : 02-781-1234"
    )
    raw = _broadcast(closing)
    cleaned = clean_text(raw)
    assert dict(cleaned.metadata)["authors"] == ("김수연",)
    assert cleaned.text.endswith("지켜볼 계획입니다.")
    removed = {raw[r.raw_span.start : r.raw_span.end]: r.rule for r in cleaned.removed}
    assert removed["KBS 뉴스 김수연입니다."] == "byline"
    assert removed["촬영기자:김철수/영상편집:이영희"] == "byline"
    assert removed["■ 제보하기"] == "tip-line"
    alone = clean_text(_broadcast("사진 제공: 통일부"))
    assert alone.text.endswith("사진 제공: 통일부")


@pytest.mark.parametrize(
    ("closing", "after", "lines"),
    [
        # MBN (2023): the sign-off, the reporter's address, then the crew's credits
        (
            "MBN뉴스 김수연입니다.<br>[sykim@mbn.co.kr]<br><br>영상취재: 변성중<br>영상편집: 송지영",
            "",
            ["MBN뉴스 김수연입니다.", "[sykim@mbn.co.kr]", "영상취재: 변성중", "영상편집: 송지영"],
        ),
        # KBS (2023): the sign-off and the crew's credit, then a block of the ways to send
        # tips after the story's element
        (
            "KBS 뉴스 김수연입니다.<br><br>영상편집:김선영",
            "<p>▷ 카카오톡 : 'KBS제보' 검색<br>▷ 전화 : 02-781-1234</p>",
            ["KBS 뉴스 김수연입니다.", "영상편집:김선영"],
        ),
        # SBS (2023): the credits in brackets, set apart by slashes
        (
            "( 취재 : 김수연 / 영상편집 : 동준엽 / 제작 : D뉴스플랫폼부 )",
            "",
            ["( 취재 : 김수연 / 영상편집 : 동준엽 / 제작 : D뉴스플랫폼부 )"],
        ),
    ],
)
def test_a_broadcasters_sign_off_and_crew_credits_close_the_story(
    closing: str, after: str, lines: list[str]
) -> None:
    """Korean broadcasters close a story written in one element with the reporter's
    sign-off, address and the crew's credits (or all of them in brackets), before the page's
    furniture: every line of them leaves the text as the byline."""
    raw = (
        _broadcast(closing)
        .replace("</title>", "</title><meta name='author' content='김수연 기자'>")
        .replace("</div>", f"</div>{after}")
    )
    cleaned = clean_text(raw)
    assert dict(cleaned.metadata)["authors"] == ("김수연",)
    assert cleaned.text.endswith("지켜볼 계획입니다.")
    removed = {raw[r.raw_span.start : r.raw_span.end].strip(): r.rule for r in cleaned.removed}
    for line in lines:
        assert removed.get(line) == "byline", line


def test_an_editors_credit_closing_a_page_leaves_its_text() -> None:
    """A Hong Kong or mainland page closes with the credit of the editor who put it out
    (``責任編輯：陳俊賢``, HKET 2023): it names no writer, and leaves the text."""
    raw = (
        "<html lang='zh-Hant'><head><title>人行副行長談加密貨幣</title></head><body><article>"
        "<h1>人行副行長談加密貨幣</h1>"
        + "".join(
            f"<p>第{n}段：中國人民銀行副行長在博鰲亞洲論壇表示，加密貨幣未解決信用貨幣存在的問題，還潛藏很多風險。</p>"
            for n in range(5)
        )
        + "<p>責任編輯：陳俊賢</p></article></body></html>"
    )
    cleaned = clean_text(raw)
    assert cleaned.text.endswith("還潛藏很多風險。")
    assert "authors" not in dict(cleaned.metadata)


@pytest.mark.parametrize(
    ("opening", "authors", "day"),
    [
        ("홍길동 기자<br>입력 2023.04.05 14:30<br><br>", ("홍길동",), "2023-04-05"),
        ("[서울=뉴시스] 홍길동 기자<br><br>", ("홍길동",), None),
        ("記者張三／台北報導<br><br>", ("張三",), None),
        ("2023-04-05 14:30 來源：中央社<br><br>", None, "2023-04-05"),
        ("Posted on March 3, 2024 by Jane Doe<br><br>", ("Jane Doe",), "2024-03-03"),
        ("Jane Doe, Staff Writer<br><br>", ("Jane Doe",), None),
    ],
)
def test_the_lines_that_open_a_story_in_one_element_are_its_byline_and_dateline(
    opening: str, authors: tuple[str, ...] | None, day: str | None
) -> None:
    """A story written in one element with its lines set apart by ``br`` (older Korean
    and Chinese news sites) opens with its byline and dateline on lines of their own:
    they give the writers and the date, and leave the text, each with its rule."""
    raw = _broadcast("").replace("<div id='cont_newstext'>", f"<div>{opening}")
    cleaned = clean_text(raw)
    found = dict(cleaned.metadata)
    assert found.get("authors") == authors
    assert str(found.get("published"))[:10] == str(day)[:10]
    assert cleaned.text.startswith("남북을 연결하는")
    lines = [line for line in opening.split("<br>") if line]
    removed = [raw[r.raw_span.start : r.raw_span.end] for r in cleaned.removed]
    assert all(line in removed for line in lines)


def test_a_short_first_line_that_is_no_byline_stays() -> None:
    """A story's first line that names no writer and gives no date (a short lead sentence)
    stays in the text."""
    cleaned = clean_text(_broadcast("").replace("<div id='cont_newstext'>", "<div>북한이 또 쐈다.<br>"))
    assert cleaned.text.startswith("북한이 또 쐈다.\n남북을 연결하는")


def _reprint(headline: str, under: str) -> str:
    """A Chinese essay as a reprint site of 2005 prints it: tables, no ``h1``, the site's
    name as the page's title, the headline, then the lines under it."""
    essay = "".join(
        f"<tr><td>第{n}段：一九八九年四月，我在湖南开一个全省教学研究会议，会议安排了一天时间，"
        "让与会者去风景点游玩观赏。</td></tr>"
        for n in range(6)
    )
    return (
        "<html><head><title>谢谢您访问关注中国中心</title></head><body><table>"
        "<tr><td><a href='/'>首页</a> <a href='/zz'>时政研讨</a></td></tr></table><table>"
        f"<tr><td><b>{headline}</b></td></tr>{under}{essay}</table></body></html>"
    )


@pytest.mark.parametrize(
    ("headline", "under", "authors"),
    [
        # the essay's title again, then its writer's name alone
        (
            "茉莉：我是怎样卷入八九民运的",
            "<tr><td>我是怎样卷入八九民运的</td></tr><tr><td>茉莉</td></tr>",
            ("茉莉",),
        ),
        # a news headline that opens with its speaker: no line of the name alone
        ("王毅：中方坚决反对任何形式的制裁", "<tr><td>外交部发布</td></tr>", None),
        # the name alone as a link (a tag, a list of related stories) is no writer's line
        (
            "王毅：中方坚决反对任何形式的制裁",
            "<tr><td>中方坚决反对任何形式的制裁</td></tr><tr><td><a href='/t'>王毅</a></td></tr>",
            None,
        ),
    ],
)
def test_a_reprinted_essay_under_its_writers_name_gives_the_writer(
    headline: str, under: str, authors: tuple[str, ...] | None
) -> None:
    """Chinese reprint sites print an essay under ``"NAME：TITLE"`` with the writer's name
    alone on a line below: the name is the writer. A headline that opens with a speaker's
    name names no writer."""
    assert dict(clean_text(_reprint(headline, under)).metadata).get("authors") == authors


def test_a_wire_storys_closing_credits_leave_the_text() -> None:
    """A wire story closes with its credits (``"(Reporting by Hyonhee Shin; Editing by Ed
    Davies)"``): its reporter is the writer, and the line leaves the text as the byline
    under the headline does; credits naming another reporter stay."""

    story = "".join(
        f"<p>Paragraph {n} of the report: officials from both Koreas met at the border village "
        f"on Tuesday and agreed to hold further talks next month.</p>"
        for n in range(5)
    )

    def page(credits: str) -> str:
        return (
            "<html><head><title>Talks resume</title><meta name='author' content='Hyonhee Shin'>"
            f"</head><body><article><h1>Talks resume</h1>{story}<p>{credits}</p></article>"
            "</body></html>"
        )

    raw = page("(Reporting by Hyonhee Shin; Editing by Ed Davies)")
    cleaned = clean_text(raw)
    assert dict(cleaned.metadata)["authors"] == ("Hyonhee Shin",)
    assert "Editing by" not in cleaned.text
    assert any(
        r.rule == "byline" and "Editing by" in raw[r.raw_span.start : r.raw_span.end]
        for r in cleaned.removed
    )
    assert "Editing by" in clean_text(page("(Reporting by Josh Smith; Editing by Ed Davies)")).text


def test_a_staff_credit_in_the_markup_gives_way_to_the_name_a_byline_shows() -> None:
    """An Asian business weekly's JSON-LD credits ``"Staff Writer"`` (2023); its byline
    shows the reporter. The name is the writer; with no byline, the credit stays, as the
    site's record gives it."""
    record = (
        '<script type="application/ld+json">{"@context": "https://schema.org", "@type": '
        '"NewsArticle", "headline": "Toyota to invest in Brazil", '
        '"author": {"@type": "Person", "name": "Staff Writer"}}</script>'
    )

    def page(byline: str) -> str:
        return (
            f"<html lang='en'><head><title>Toyota to invest in Brazil</title>{record}</head>"
            f"<body><article><h1>Toyota to invest in Brazil</h1>{byline}{_ENGLISH_PROSE}"
            "</article></body></html>"
        )

    assert _authors(page("<div class='article-author'>HIDETAKE MIYAMOTO</div>")) == (
        "HIDETAKE MIYAMOTO",
    )
    assert _authors(page("")) == ("Staff Writer",)


_RELEASE_REPORT = "".join(
    f"<p>Paragraph {n}: the court heard that the lawyer had paid the rent he owed after the "
    "settlement, and the judge ordered his release from the jail that afternoon.</p>"
    for n in range(5)
)


def _bar_page(byline: str) -> str:
    """A page whose byline bar (``class='share'``) holds ``byline``."""
    return (
        "<html lang='en'><head><title>Lawyer released | The Daily</title></head><body>"
        f"<article><h1>Lawyer released</h1><div class='share'>{byline}</div>{_RELEASE_REPORT}"
        "</article></body></html>"
    )


@pytest.mark.parametrize(
    ("byline", "authors"),
    [
        # an Indian daily's byline bar: the date's label, colon and all, is no part of a name
        ("By: Express News Service Updated: March 22, 2023 15:39 IST", ("Express News Service",)),
        ("By: Jane Doe Published: March 22, 2023 10:50 IST", ("Jane Doe",)),
        ("Last Updated: January 7, 2025", ()),  # a date's label alone names no one
        ("Posted by Nathan Parker and Eric Mill", ("Nathan Parker", "Eric Mill")),  # no label alone
    ],
)
def test_a_dates_label_after_the_name_is_no_part_of_it(
    byline: str, authors: tuple[str, ...]
) -> None:
    """``"Updated:"`` and ``"Published:"`` before the date that follows a byline's names leave
    with the date."""
    assert _authors(_bar_page(byline)) == authors


@pytest.mark.parametrize(
    ("value", "names"),
    [
        # a writer's place and post in brackets after the name, commas and all (Le Monde)
        ("Gilles Rof(Marseille, correspondant)", ("Gilles Rof",)),
        ("Jane Doe (Reuters)", ("Jane Doe",)),
        ("Vasilisa Stepanenko The Associated Press", ("Vasilisa Stepanenko",)),
        # an outlet's credit that names the agency it drew on stays whole: no writer's name
        # is left with a dangling word ("franceinfo avec")
        ("franceinfo avec AFP", ("franceinfo avec AFP",)),
    ],
)
def test_what_follows_a_writers_name_goes_and_an_outlets_credit_stays_whole(
    value: str, names: tuple[str, ...]
) -> None:
    assert split_authors(value) == names


def test_a_site_named_inside_a_newsrooms_credit_is_not_cut_from_it() -> None:
    """A site's name after a name's last word goes (``"Adam Aaronson PhillyVoice Staff"``);
    inside a phrase (``"La rédaction de TF1info"``, its newsroom) it stays, and no credit
    ends in a dangling ``"de"``."""
    from nkcorpus.cleaning.authornames import without_role

    assert without_role("Adam Aaronson PhillyVoice Staff", {"phillyvoice"}) == "Adam Aaronson"
    assert without_role("La rédaction de TF1info", {"tf1info"}) == "La rédaction de TF1info"


def test_an_outlets_staff_credit_names_no_writer() -> None:
    """``"Ars Staff"`` (one word, the outlet, before a staff title) credits no one: not
    ``"Ars"``; the writer the byline shows is the author, and with no byline there is none.
    A CJK desk label after a name is cut as before, the name kept."""
    from nkcorpus.cleaning.authornames import without_role

    assert without_role("Ars Staff", set()) == ""
    assert without_role("Guardian staff reporter", set()) == ""
    assert without_role("張立勳／特稿", set()) == "張立勳"
    staff = '{"@type": "Person", "name": "Ars Staff"}'
    byline = "<p class='byline'><a class='author' href='/author/chris'>Chris Stokel-Walker</a></p>"
    assert _authors(_ld_page(staff, byline)) == ("Chris Stokel-Walker",)
    assert _authors(_ld_page(staff)) == ()
    assert split_authors("By Jane Doe, Ars Staff", shown=True) == ("Jane Doe",)


def test_an_about_the_author_boxs_heading_names_the_writer() -> None:
    """``"Meet Wes Bos"``, the heading of a box about the writer, names Wes Bos; ``"Meet
    the team"`` names no one."""
    box = "<div class='aboutTheAuthor'><h2>{}</h2><p>Teaches web development.</p></div>"
    assert _authors(_english_page("", box.format("Meet Wes Bos"))) == ("Wes Bos",)
    assert split_authors("More from Jane Doe", shown=True) == ("Jane Doe",)
    assert split_authors("Meet the team", shown=True) == ()


def test_a_by_line_under_the_headline_ends_before_the_dates_label() -> None:
    from nkcorpus.cleaning.authornames import by_alone

    assert by_alone(["By: Sports Desk Updated: March 22, 2023 15:15 IST"]) == ("Sports Desk",)


def test_a_posted_by_line_ends_before_the_team_after_a_dash() -> None:
    """``"Posted by A and B - Chrome Safe Browsing team"`` (a Google blog's byline): both
    writers, the team after the dash left out (the second name was lost with it)."""
    byline = "Posted by Nathan Parker and Eric Mill - Chrome Safe Browsing team"
    assert _authors(_bar_page(byline)) == ("Nathan Parker", "Eric Mill")


@pytest.mark.parametrize(
    ("line", "name"),
    [
        # the AMP blog's line under its post (the marketing role and company after a comma)
        ("Posted by Alex Durán, AMP Project Marketing, Google", "Alex Durán"),
        ("Author: Jacopo Cascioli", "Jacopo Cascioli"),
        ("Authors: Jane Doe and Lee Ho", "Jane Doe"),
    ],
)
def test_a_line_that_says_it_is_a_byline_names_the_writer_on_a_page_without_markup(
    line: str, name: str
) -> None:
    """``Posted by …`` and ``Author: …`` lines are bylines as ``Written by …`` is, wherever
    they stand in the article, on a page whose markup names no writer."""
    raw = (
        "<html><head><title>Axios and AMP</title></head><body><article><h1>Axios and AMP</h1>"
        + "<p>Using a library in a page that loads fast took some care in the end.</p>" * 5
        + f"<p>{line}</p></article></body></html>"
    )
    assert name in _authors(raw)


@pytest.mark.parametrize(
    "line",
    [
        "<p>Author Spotlight</p>",
        # a blog template's byline whose name is left empty (a real plumbing blog of 2019)
        "<div class='author'>Written By Feb 11, 2019 · 3 min read</div>",
    ],
)
def test_a_line_that_names_a_byline_only_in_its_words_is_none(line: str) -> None:
    """``Author Spotlight`` (no colon), ``posted by`` inside a sentence and an empty
    byline over its date (the month's day is no name) name no writer."""
    raw = (
        "<html><head><title>Spotlight</title></head><body><article><h1>Spotlight</h1>"
        + line
        + "<p>The letter was posted by Mary Jones to every member of the board last week.</p>" * 5
        + "</article></body></html>"
    )
    assert _authors(raw) == ()


def test_a_byline_marked_by_its_test_id_names_the_writer() -> None:
    """``data-testid="byline-contributors"`` (BBC's pages, React sites) marks the byline
    whose classes are generated (``sc-e56a85d5-1``): its name is the writer."""
    byline = (
        "<div class='sc-e56a85d5-1 jqaVzV'><span data-testid='byline-contributors'>"
        "<div data-testid='byline-contributors-contributor-0'><span class='sc-e56a85d5-8'>"
        "Duncan Walker</span></div></span></div>"
    )
    assert _authors(_english_page("", byline)) == ("Duncan Walker",)


@pytest.mark.parametrize(
    ("value", "names"),
    [
        # the Boston Globe's byline, its time after the writer's outlet
        ("By Mike Isaac ,May 3, 2016, 2:58 p.m.", ("Mike Isaac",)),
        ("Will Leitch/November 5, 2018", ("Will Leitch",)),
        ("From Reuters", ()),
        ("Via AP", ()),
    ],
)
def test_a_byline_value_names_writers_not_its_date_nor_its_source(
    value: str, names: tuple[str, ...]
) -> None:
    """A date after the names names no one (``"May"`` was read as a name), nor the word
    left when a wire agency is cut from a source's credit (``"From"``)."""
    assert split_authors(value) == names


def _reuters_story(bar: str) -> str:
    return (
        "<html><head><title>Robots are coming</title></head><body><article>"
        "<h1>Robots are coming for our jobs</h1>"
        f"<div class='byline'>{bar}</div>"
        + "<p>Executives at the conference warned that automation would cut many jobs.</p>" * 5
        + "<p>(Reporting by Olivia Oran in Los Angeles; Writing by Lauren Tara LaCapra in New"
        " York)</p></article></body></html>"
    )


def test_a_source_credit_and_a_dated_note_in_the_byline_bar_give_way_to_the_wire_credits() -> (
    None
):
    """Entrepreneur's bar over a Reuters story: ``"From Reuters"``, a related story's kicker
    (``"Performance Ignited"``) and ``"May 4, 2016 This story originally appeared on
    Reuters"`` name no one; the reporters are those that the story's closing credits name."""
    bar = (
        "<div>From <a href='http://www.reuters.com/'>Reuters</a></div>"
        "<div class='related'><a class='kicker' href='/topic/x'>Performance Ignited</a></div>"
        "<div>May 4, 2016 This story originally appeared on Reuters</div>"
    )
    assert _authors(_reuters_story(bar)) == ("Olivia Oran", "Lauren Tara LaCapra")


def test_a_headline_that_ends_with_word_joiners_is_the_title_without_them() -> None:
    """Pikabu's ``h1`` ends with two word joiners (U+2060), which do not print."""
    raw = (
        "<html><head><meta property='og:title' content='7 интересных наблюдений'>"
        "<title>7 интересных наблюдений | Пикабу</title></head><body><article>"
        "<h1>7 интересных наблюдений\u2060\u2060</h1>"
        + "<p>Первая Матрица вышла в 1999 году и с тех пор её пересматривают снова.</p>" * 5
        + "</article></body></html>"
    )
    assert dict(clean_text(raw).metadata)["title"] == "7 интересных наблюдений"


def test_a_writer_whose_surname_is_a_verb_is_named() -> None:
    """``"By Carolyn Said"`` (the San Francisco Chronicle) names her: only ``"says"`` and
    ``"said"`` in lower case end a commenter's header (``"Art Edwards says"``)."""
    byline = "<p>By Carolyn Said Updated April 25, 2016 4:38 p.m.</p>"
    assert _authors(_english_page("", byline)) == ("Carolyn Said",)


def test_a_region_labelled_as_the_byline_leaves_the_text_with_its_role_line() -> None:
    """BBC World Service pages label their byline's region with an element whose id says
    so (``aria-labelledby="article-byline"``), and its lines say ``"Author, 李雨梦"`` and
    ``"Role, BBC中文记者"`` with their labels set apart by class alone: the writer is named
    and neither line opens the article's text."""
    raw = (
        "<html lang='zh-Hans'><head><title>大火幸存者 - BBC News 中文</title></head><body>"
        "<main><h1>大火幸存者：第一次觉得死亡和我有关</h1>"
        "<section role='region' aria-labelledby='article-byline'>"
        "<strong id='article-byline' aria-hidden='true'>Article Information</strong><ul>"
        "<li><span role='text'><span class='css-m04vo2'>Author, </span>"
        "<span class='css-1rh127s'>李雨梦</span></span></li>"
        "<li><span role='text'><span class='css-m04vo2'>Role, </span>"
        "<span class='css-15gut0e'>BBC中文记者</span></span></li></ul></section>"
        + "<p>“那一刻，我见到熊熊烈火的时候……第一次觉得死亡和我有关系。”幸存者李先生在获救之后告诉记者。</p>" * 4
        + "</main></body></html>"
    )
    cleaned = clean_text(raw)
    assert dict(cleaned.metadata)["authors"] == ("李雨梦",)
    assert cleaned.text.startswith("“那一刻")


def test_an_author_meta_that_opens_with_the_sites_domain_names_no_one() -> None:
    """hessenschau.de's ``meta name=author`` is ``"hessenschau.de, Frankfurt, Germany"``:
    the site and its address, not two writers named Frankfurt and Germany."""
    raw = _english_page("<meta name='author' content='hessenschau.de, Frankfurt, Germany'>", "")
    assert _authors(raw) == ()


def test_a_slug_in_the_analytics_authors_field_is_no_writer() -> None:
    """Focus Online's Chartbeat configuration gives ``authors = 'content-commerce'``, the
    kind of page; a writer's name there still counts."""
    head = "<script>_sf_async_config.authors = '{}';</script>"
    assert _authors(_english_page(head.format("content-commerce"), "")) == ()
    assert _authors(_english_page(head.format("Jane Doe"), "")) == ("Jane Doe",)


def test_names_one_to_an_element_in_a_byline_are_each_a_writer() -> None:
    """Der Standard's byline sets each writer in an element of their own, with spaces
    between: three writers, not one line of eight words that is no name. Two elements that
    split one name (``<span>Jane</span> <span>Doe</span>``) stay one name."""
    names = ["Birgit Baumann", "Anna Giulia Fink", "Jan Michael Marchart"]
    spans = "\n".join(f"<span class='simple'>{name}</span>" for name in names)
    page = _english_page("", f"<div class='article-byline'>{spans}</div>")
    assert _authors(page) == tuple(names)
    split = _english_page("", "<div class='article-byline'><span>Jane</span> <span>Doe</span></div>")
    assert _authors(split) == ("Jane Doe",)


def test_the_outlet_named_as_the_only_author_stays_whole() -> None:
    """TVB's pages name ``"無綫新聞\u00a0TVB\u00a0News"`` as the article's author in JSON-LD
    and as the site: the outlet is the author as the site's record writes it, not
    ``"無綫新聞"`` (its ``"TVB News"`` cut as a news desk after a name), its spaces plain."""
    outlet = "無綫新聞\u00a0TVB\u00a0News"
    head = (
        f"<meta property='og:site_name' content='{outlet}'>"
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "美股個別發展", '
        f'"author": [{{"@type": "Person", "name": "{outlet}"}}]}}</script>'
    )
    assert _authors(_page(head, "")) == ("無綫新聞 TVB News",)


def test_a_writers_name_with_a_no_break_space_is_written_plain() -> None:
    """Daring Fireball writes ``John&nbsp;Gruber``: the name has a plain space."""
    head = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Talks", '
        '"author": {"@type": "Person", "name": "John\u00a0Gruber"}}</script>'
    )
    assert _authors(_english_page(head, "")) == ("John Gruber",)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Nov 18, 2019 @17:19 PM · _Updated: Nov 18, 2019 @17:26 PM _", "2019-11-18T17:19"),
        ("November 20, 2019 - 11:28 AMT", "2019-11-20T11:28"),
        ("March 3, 2020 8:15 AEDT", "2020-03-03T08:15"),
    ],
)
def test_a_dateline_with_an_at_sign_or_a_zone_in_capitals_is_read(line: str, expected: str) -> None:
    """A scrape's stamp under the headline with ``@`` before its time and its update in
    emphasis marks, or a time zone in capitals that no list names (Armenia's ``AMT``)."""
    assert dateline(line) == expected


def test_a_date_followed_by_words_is_no_dateline() -> None:
    """Words after the date, in small letters or capitals, are no zone: not a dateline."""
    assert dateline("March 3, 2020 at last") is None
    assert dateline("May 2, 2020 Tonight") is None


_ZH_STORY = "".join(
    f"<p>第{i}段：该系列的前两部作品都取得了不错的票房，并凭借喜剧风格和颇具传播力的台词，"
    "成为了爆款电影，上映不到两周已经突破十五亿元。</p>"
    for i in range(6)
)


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        # a forum thread's, a blog's or a site notice's poster
        ("发布者：张三", ("张三",)),
        ("發佈者：張三", ("張三",)),
        ("发表者：张三 发表时间：2020-01-01 12:00", ("张三",)),
        ("楼主：张三", ("张三",)),
        ("博主：张三", ("张三",)),
        # a label in brackets, a colon of Hong Kong and Taiwan (U+FE30)
        ("【作者】张三", ("张三",)),
        ("作者︰張三 來源︰中央社", ("張三",)),
        # who the writer is, in brackets after the name
        ("作者：张三（北京大学教授）", ("张三",)),
        # an older CMS's line of fields, in brackets; its time labels end the name
        ("[作者:张三 转贴自:新华网 点击数:123 更新时间:2005-1-1]", ("张三",)),
        ("作者：张三 发布时间：2020-01-01", ("张三",)),
        # words and pictures by; the names before what they are credited for
        ("文/图 张三", ("张三",)),
        ("张三/文", ("张三",)),
        # a correspondent's title run into the name; the city the report is sent from
        ("本报讯 记者张三 通讯员李四", ("张三", "李四")),
        ("记者 张三 发自 北京", ("张三",)),
        # others' credits after the writer's: an editor, a proofreader, a video's maker
        ("记者 张三 | 编辑 李四", ("张三",)),
        ("来源：新京报 记者 张三 编辑 李四 校对 王五", ("张三",)),
        ("记者 张三 视频 李四", ("张三",)),
        # a line of fields that goes on with the page's tools, or where the piece is from
        ("作者：张三 【字体：大 中 小】", ("张三",)),
        ("作者：张三 出自：《读者》", ("张三",)),
        # the paper's correspondent, a mark before the byline, how the piece was made
        ("本报记者 张三 本报通讯员 李四", ("张三", "李四")),
        ("◎ 记者 张三", ("张三",)),
        ("本报记者 张三 整理", ("张三",)),
        ("记者张三报道", ("张三",)),
        ("本报记者 张三 文", ("张三",)),
        ("记者 张三 文/图", ("张三",)),
        # a two-character name set as wide as a three-character one
        ("记者 张 三", ("张三",)),
        # an outlet joined to its site by a hyphen; a bar after the label; the words' and
        # the photos' credits side by side
        ("人民网-人民日报 记者 张三", ("张三",)),
        ("来源 | 新华社 作者 | 张三", ("张三",)),
        ("记者｜张三 编辑｜李四", ("张三",)),
        ("文字：张三 摄影：李四", ("张三",)),
        ("记者 张三/文 李四/图", ("张三",)),
        # anonymous, or the site's own staff: no one
        ("作者：佚名 来源：本站原创", None),
        ("作者：本站编辑", None),
        ("作者：管理员", None),
    ],
)
def test_the_writers_fields_of_chinese_sites_forums_and_blogs_name_the_writer(
    line: str, authors: tuple[str, ...] | None
) -> None:
    """The forms of a writer's field that Chinese news sites, older CMSs, forums and blogs
    print under the headline give the writer, and none where the field names no one."""
    page = (
        "<html><head><title>前任3累计票房超17亿</title></head><body><div class='main'>"
        f"<h1>前任3累计票房超17亿</h1><div>{line}</div>{_ZH_STORY}</div></body></html>"
    )
    assert dict(clean_text(page).metadata).get("authors") == authors


_KO_STORY = "".join(
    f"<p>{i}번째 문단: 북한 당국은 이번 조치에 대해 아무런 입장도 밝히지 않았으며, 전문가들은 "
    "국경 지역의 단속이 더욱 강화될 것으로 내다봤다.</p>"
    for i in range(6)
)


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        # credits set apart by a slash or a bar: the words' credit names the writer
        ("글 홍길동 / 사진 김철수", ("홍길동",)),
        ("취재 홍길동 기자 / 영상편집 김철수", ("홍길동",)),
        ("편집 김철수 | 홍길동 기자", ("홍길동",)),
        ("글 / 홍길동", ("홍길동",)),
        ("글=홍길동", ("홍길동",)),
        ("기고 홍길동", ("홍길동",)),
        # a desk or the outlet between the name and the title, or two words of the outlet
        ("홍길동 정치부 기자", ("홍길동",)),
        ("홍길동 데일리NK 기자", ("홍길동",)),
        ("RFA 자유아시아방송 홍길동 기자", ("홍길동",)),
        # a copyright notice, an address a CDN hid, a Hangul letter as a bar before the date
        ("홍길동 기자 ⓒ 뉴스1", ("홍길동",)),
        ("홍길동 기자 [email\u00a0protected]", ("홍길동",)),
        ("홍길동 기자 ㅣ 2020-01-01", ("홍길동",)),
    ],
)
def test_korean_bylines_of_several_credits_and_with_what_follows_them_name_the_writer(
    line: str, authors: tuple[str, ...]
) -> None:
    """Korean bylines as news sites and magazines print them under the headline give the
    writer: not the photographer, the video's editor or the desk."""
    page = (
        "<html><head><title>북한 국경 단속 강화</title></head><body><div class='main'>"
        f"<h1>북한 국경 단속 강화</h1><div>{line}</div>{_KO_STORY}</div></body></html>"
    )
    assert dict(clean_text(page).metadata).get("authors") == authors


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("홍길동 기자 (hong@donga.com)", ("홍길동",)),
        ("[홍길동 기자 hong@kbs.co.kr]", ("홍길동",)),
        ("기자 홍길동 hong@rfa.org", ("홍길동",)),
        ("홍길동 기자 ⓒ 한겨레신문 : 무단전재 및 재배포 금지", ("홍길동",)),
        ("홍길동 기자 hong@mk.co.kr [ⓒ 매일경제 &amp; mk.co.kr, 무단전재 및 재배포 금지]", ("홍길동",)),
        # a sentence that ends in "기자" and a noun names no one
        ("이 문제는 다음 주 브리핑에서 다시 다룰 예정이라고 그가 기자 질문", None),
    ],
)
def test_a_korean_reporters_line_that_closes_the_article_names_the_writer(
    line: str, authors: tuple[str, ...] | None
) -> None:
    """The reporter's line under a Korean article, with the email in brackets, the line in
    brackets, the title before the name, or the paper's copyright notice after it, names
    the writer."""
    page = (
        "<html><head><title>북한 국경 단속 강화</title></head><body><div class='main'>"
        f"<h1>북한 국경 단속 강화</h1>{_KO_STORY}<p>{line}</p></div></body></html>"
    )
    assert dict(clean_text(page).metadata).get("authors") == authors


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("Opinion by Jane Doe", ("Jane Doe",)),
        ("Analysis by Jane Doe, CNN", ("Jane Doe",)),
        ("BY JANE DOE AND JOHN SMITH", ("JANE DOE", "JOHN SMITH")),
        # others credited after the writer: no writers of the article
        ("Story by Jane Doe, photos by John Smith", ("Jane Doe",)),
        ("By Jane Doe with additional reporting by John Smith", ("Jane Doe",)),
        # the place the writer files from, after a comma
        ("By Jane Doe, Seoul", ("Jane Doe",)),
        ("By Jane Doe, John Smith and Ann Lee", ("Jane Doe", "John Smith", "Ann Lee")),
    ],
)
def test_an_english_byline_line_under_the_headline_names_its_writers_only(
    line: str, authors: tuple[str, ...]
) -> None:
    """A byline under the headline in an element with no class names the writers: an
    opinion's or an analysis's, in capitals, without the photographer, the additional
    reporting's credit or the city the writer files from."""
    assert _authors(_english_page("", f"<div>{line}</div>")) == authors


@pytest.mark.parametrize(
    ("byline", "authors"),
    [
        ("〔記者巫其倫／台北報導〕", ("巫其倫",)),  # Liberty Times
        ("【王家俊／台北報導】", ("王家俊",)),  # Apple Daily (Taiwan)
        ("（中央社記者楊思瑞台南4日電）", ("楊思瑞",)),  # CNA
        ("新华社巴黎12月9日电（记者唐霁）", ("唐霁",)),  # Xinhua
        # a paper's own news with no date ("本报讯"), a dateline in traditional characters
        # ("日電"), a broadcaster's "消息" in place of "电", a slash after the titles
        ("本报讯（记者张航）", ("张航",)),
        ("中新社北京1月17日電 (記者 杜燕)", ("杜燕",)),
        ("中广网海口1月12日消息（记者朱永 通讯员王娅）", ("朱永", "王娅")),
        ("南方日报讯 (记者/钟啸 通讯员/王海军)", ("钟啸", "王海军")),
    ],
)
def test_a_byline_opening_the_first_paragraph_of_a_chinese_page_leaves_the_text(
    byline: str, authors: tuple[str, ...]
) -> None:
    """A wire or daily's byline at the start of the article's first paragraph names the
    reporter and leaves the text as a ``byline`` removal, as a plain-text scrape's does;
    the paragraph's words stay."""
    page = _page("", byline)
    cleaned = clean_text(page)
    assert dict(cleaned.metadata).get("authors") == authors
    assert byline not in cleaned.text
    assert cleaned.text.startswith("財政部透露，本期千萬中獎張數為18張。")
    removed = [page[r.raw_span.start : r.raw_span.end].strip() for r in cleaned.removed]
    assert byline in removed
    scrape = clean_text(f"發票千萬獎開出18張\n\n{byline}財政部透露，本期千萬中獎張數為18張。")
    assert byline not in scrape.text


def test_a_korean_wire_byline_opening_the_first_paragraph_leaves_the_text() -> None:
    """Yonhap's ``(서울=연합뉴스) 홍길동 기자 =`` opens its stories' first paragraph: the
    reporter is the writer, the words leave the text (recorded as a ``byline``
    removal), and the sentence after them stays whole."""
    lead = "(서울=연합뉴스) 홍길동 기자 = 북한이 국경 지역의 단속을 강화했다고 정부 당국자가 밝혔다."
    page = (
        "<html lang='ko'><head><title>북한 국경 단속 강화 | 연합뉴스</title></head><body>"
        f"<article><h1>북한 국경 단속 강화</h1><p>{lead}</p>{_KO_STORY}</article></body></html>"
    )
    cleaned = clean_text(page)
    assert dict(cleaned.metadata).get("authors") == ("홍길동",)
    assert cleaned.text.startswith("북한이 국경 지역의 단속을 강화했다고 정부 당국자가 밝혔다.")
    bylines = [r for r in cleaned.removed if r.rule == "byline"]
    assert [page[r.raw_span.start : r.raw_span.end].strip() for r in bylines] == [
        "(서울=연합뉴스) 홍길동 기자 ="
    ]


def test_a_dateline_alone_opening_the_first_paragraph_stays() -> None:
    """An agency's dateline that names no reporter (``新华社北京4月24日电``) stays in the
    text: it is where the story was filed, no byline."""
    cleaned = clean_text(_page("", "新华社北京4月24日电 "))
    assert cleaned.text.startswith("新华社北京4月24日电 財政部透露")


def test_news_in_brackets_opening_the_first_paragraph_is_no_byline() -> None:
    """A first sentence that names news (``消息``) with an aside in brackets after it is no
    outlet's dateline: it names no writer and stays whole."""
    lead = "他说这个消息（来自朋友）很重要，"
    cleaned = clean_text(_page("", lead))
    assert not dict(cleaned.metadata).get("authors")
    assert cleaned.text.startswith(lead + "財政部透露")


def test_the_byline_opening_the_article_is_read_under_a_sites_labels() -> None:
    """NOWnews's page (2012, DAniEL corpus) puts its section's labels (``台灣味``,
    ``速報>>``) and the headline above the article, whose one block opens with the
    reporter's line (``記者孫慶璋／嘉義報導``, then ``<br>``): the writer is read and the
    line leaves the text as a byline, under those labels as under a headline alone."""
    from benchmarks.article_benchmark import load_daniel_pages

    from nkcorpus.cleaning.decode import decode

    key = "member.nownews.com-173e8ed8c3f2"
    page = decode(next(d for k, d, _gold in load_daniel_pages() if k == key)).text
    cleaned = clean_text(page)
    assert dict(cleaned.metadata)["authors"] == ("孫慶璋",)
    assert "記者孫慶璋" not in cleaned.text
    assert "今年農曆新年來得早" in cleaned.text
    bylines = [r for r in cleaned.removed if r.rule == "byline"]
    assert "記者孫慶璋／嘉義報導" in [page[r.raw_span.start : r.raw_span.end] for r in bylines]


def test_a_link_about_the_writers_under_a_scrapes_headline_is_no_stamp() -> None:
    """udn.com's page (2012, DAniEL corpus) as html2text writes it: the site's menus list
    ``•作者一覽`` (the list of writers) under the shop's link ``購物•udn 買東西``; neither the
    dot nor the label makes that a byline, and the scrape's headline and date are the
    story's, over its own byline and stamp."""
    from tests.test_pages import _daniel_scrape

    raw = _daniel_scrape("html2text", "udn.com-2f4215a549c4")
    metadata = dict(clean_text(raw).metadata)
    assert metadata["title"] == "春遊突生病 隨身護理包自救"
    assert metadata["published"] == "2012-01-12T03:14"


def test_a_reporters_credit_before_a_box_the_article_keeps_names_the_writers() -> None:
    """Sina's page (2012, DAniEL corpus) ends its story with the reporters' credit on a
    line of its own (``"成都商报(微博)记者 余文龙 实习生 向英子"``, with the portal's
    ``(微博)`` link after the paper), then a box of the pandas' profiles that the article
    keeps: the credit, neither opening nor closing the article, names the writers."""
    from benchmarks.article_benchmark import load_daniel_pages

    from nkcorpus.cleaning.decode import decode

    key = "go.rss.sina.com.cn-68ce56ded0f1"
    data = next(d for k, d, _gold in load_daniel_pages() if k == key)
    assert dict(clean_text(decode(data).text).metadata)["authors"] == ("余文龙", "向英子")


def test_a_related_headline_with_reporters_in_it_names_no_writer() -> None:
    """A related story's headline inside the article that holds the word for reporters
    (``"陈市长泪洒记者招待会"``, the mayor's tears at a press conference) is no credit:
    ``招待会`` is no one's name."""
    page = _page("", "").replace("</article>", "<p>陈市长泪洒记者招待会</p></article>")
    assert not dict(clean_text(page).metadata).get("authors")


def test_a_blogs_name_linked_as_its_author_names_no_writer() -> None:
    """A blog's header names the blog with a link marked as its author (Write.as:
    ``<a rel="author">Human in the Loop</a>``): the blog's name is no writer, and no part of
    it is (``"Human"`` was read, the rest cut as the place a writer files from); a place
    with its capital after ``in`` is still cut."""
    head = "<meta property='og:site_name' content='Human in the Loop'>"
    page = _english_page(head, "").replace(
        "<article>", "<header><h1><a rel='author' href='/'>Human in the Loop</a></h1></header><article>"
    )
    assert _authors(page) == ()
    assert _authors(_english_page("", "<div class='byline'>By Jane Doe in Seoul</div>")) == (
        "Jane Doe",
    )


def test_a_desks_credit_opening_the_first_paragraph_leaves_the_text() -> None:
    """A desk's credit that names no one at the start of the first paragraph
    (``〔即時新聞／綜合報導〕``, the Liberty Times's breaking-news desk) names no writer and
    leaves the text, from a page and from a plain-text scrape alike."""
    credit = "〔即時新聞／綜合報導〕"
    cleaned = clean_text(_page("", credit))
    assert not dict(cleaned.metadata).get("authors")
    assert cleaned.text.startswith("財政部透露，本期千萬中獎張數為18張。")
    scrape = clean_text(f"發票千萬獎開出18張\n\n{credit}財政部透露，本期千萬中獎張數為18張。")
    assert credit not in scrape.text


@pytest.mark.parametrize(
    "key",
    [
        # its author meta: the site's name, then a sentence describing the site
        "life.caixun.com-6af116fbdd9c",
        # a photo's caption credit: "新华社记者廖宇杰摄"
        "sports.xinmin.cn-9ab32765396b",
        # a box of the editors' picks, "编辑推荐"
        "www.chinanews.com-03727cff74eb",
        # an empty writer's field before the desk editor's: "作者： 责任编辑：易清"
        "www.cnwnews.com-6e9c8a6ddd6a",
    ],
)
def test_a_chinese_pages_labels_and_descriptions_name_no_writer(key: str) -> None:
    """Chinese news pages (2011-2012, DAniEL corpus) whose markup or fields hold no writer's
    name where one is looked for: a site's description in its author meta, a photographer's
    credit, the heading of the editors' picks, an empty writer's field. They name no one
    (they gave the writers 财讯网_提供股票, 廖宇杰摄, 推荐 and 责任)."""
    from benchmarks.article_benchmark import load_daniel_pages

    from nkcorpus.cleaning.decode import decode

    data = next(d for k, d, _gold in load_daniel_pages() if k == key)
    assert "authors" not in dict(clean_text(decode(data).text).metadata)


@pytest.mark.parametrize(
    ("key", "junk"),
    [
        # a comment box's sign-in in an element classed "tie-author"
        ("news.163.com-423dcc6f1890", "点击登录"),
        # a link to the page's mobile version in an empty writer's field: "作者: 手机版"
        ("www.iask.ca-6460accad123", "手机版"),
        # a desk's dateline in an hCard's name: "大陸新聞組北京17日電"
        ("www.worldjournal.com-ec606962b3e4", "大陸新聞組北京"),
        # a forum's promotion in an element with the id "jhtb-author": "中新网友的原贴"
        ("www.chinanews.com-c33212fef738", "中新网友"),
    ],
)
def test_a_chinese_pages_controls_desks_and_netizens_name_no_writer(key: str, junk: str) -> None:
    """Chinese news pages (2011-2012, DAniEL corpus) that mark as their author what is no
    person: a comment box's controls; a link's label; a news desk's dateline; a netizen.
    They gave these as their writers; no writer is read from them now."""
    from benchmarks.article_benchmark import load_daniel_pages

    from nkcorpus.cleaning.decode import decode

    data = next(d for k, d, _gold in load_daniel_pages() if k == key)
    authors = dict(clean_text(decode(data).text).metadata).get("authors", ())
    assert junk not in authors
    assert not any("登录" in a or "设置" in a for a in authors)


def test_a_closing_credit_after_the_last_paragraph_is_read_past_a_list_after_it() -> None:
    """Sina's page (2012, DAniEL corpus) ends its last paragraph with the reporter's credit
    (``"…意义重大、影响深远。(记者余建斌)"``), and three short blocks that are no prose
    follow it where the writers are looked for (a share bar, the page's controls, which the
    article leaves out later); the credit is read from the blocks from the article's last
    paragraph of prose on, as from its last three blocks."""
    from benchmarks.article_benchmark import load_daniel_pages

    from nkcorpus.cleaning.decode import decode

    key = "mil.news.sina.com.cn-29ccce1a9b85"
    data = next(d for k, d, _gold in load_daniel_pages() if k == key)
    assert dict(clean_text(decode(data).text).metadata)["authors"] == ("余建斌",)


@pytest.mark.parametrize(
    ("attributes", "roles"),
    [
        (' data-component="byline-block"', {"byline"}),  # BBC
        (' data-qa="author-byline"', {"author", "byline"}),  # The Washington Post
        (' data-test="author-name"', {"author"}),  # The Telegraph, Nature
        (' data-ui-testid="header-byline"', {"byline"}),  # Nine News
        (' data-cy="author-text"', {"author"}),  # CBC
        (' data-id="byline"', set()),  # a value for the page's scripts alone
    ],
)
def test_the_hooks_sites_name_elements_by_for_their_tests_give_roles(
    attributes: str, roles: set[str]
) -> None:
    """The attributes that name an element for a site's own scripts and tests say what it
    is as a class does."""
    from nkcorpus.cleaning.htmlattrs import read_attributes

    assert read_attributes(attributes)[1] == roles


def test_a_byline_marked_by_a_test_hook_names_the_writer_without_the_metadata() -> None:
    """Nine News (a real page, 2026) marks its byline ``data-ui-testid="header-byline"``
    alone (``Adam Vidler and AP``, a link to the writer and the wire's name); with its meta
    elements and JSON-LD taken out, the byline names the writer, and the wire stays out."""
    from benchmarks.bench_pages import undeclared

    from tests.test_pages import _case

    _expected, raw = _case("fresh-fundus-ninenews-2026-07-04")
    assert _authors(undeclared(raw)) == ("Adam Vidler",)


def test_a_byline_inside_a_wrapper_named_nav_around_the_article_is_read() -> None:
    """POPSUGAR (a real page, 2020) wraps its whole article in ``<div
    id="m-shared-nav-content-inner">``; its byline (``<span class="byline"
    itemprop="author"> by Emily Co``) is no menu's for that, as the headline under the same
    wrapper shows. With its meta elements and JSON-LD taken out, the byline names her."""
    from benchmarks.bench_pages import undeclared

    from tests.test_pages import _case

    _expected, raw = _case("fresh-traf-popsugar-co-uk-halloween")
    assert _authors(undeclared(raw)) == ("Emily Co",)


def test_a_byline_in_a_menu_beside_the_article_is_no_writer() -> None:
    """A byline-marked line inside the page's menu, outside the article whose headline has
    no menu around it, names no writer."""
    raw = (
        "<html><head><title>Floods close the border road</title></head><body>"
        "<div class='menu'><div class='author'>Jane Roe</div></div>"
        "<article><h1>Floods close the border road</h1>"
        f"<p>{'Rain fell on the border town for a week and closed its road. ' * 4}</p>"
        "</article></body></html>"
    )
    assert _authors(raw) == ()


def test_a_byline_in_the_articles_own_footer_is_read() -> None:
    """Strange Machines (a real blog page) puts ``Author: Jacopo Cascioli`` in the footer of
    its ``<article>``, the article's own, not the page's: with its meta elements and JSON-LD
    taken out, that line names the writer."""
    from benchmarks.bench_pages import undeclared

    from tests.test_pages import _case

    _expected, raw = _case("fresh-traf-strangemachines-io-performant")
    assert _authors(undeclared(raw)) == ("Jacopo Cascioli",)


def test_a_by_line_in_the_pages_footer_names_no_writer() -> None:
    """A line of the page's own footer (outside the article) that says it names an author
    (the site's) names no writer of the article."""
    raw = (
        "<html><head><title>Floods close the border road</title></head><body>"
        "<article><h1>Floods close the border road</h1>"
        f"<p>{'Rain fell on the border town for a week and closed its road. ' * 4}</p>"
        "</article><footer><p>Author: Studio Nord</p></footer></body></html>"
    )
    assert _authors(raw) == ()


def test_a_name_before_a_stamps_label_under_the_headline_is_the_writer() -> None:
    """Durban Local (a real page, 2025) shows ``Fouzia Van Der Fort|Published 4 months ago``
    under its headline: a stamp with no date a reader of dates can place, its label after
    the name. With its meta elements and JSON-LD taken out, the name is the writer."""
    from benchmarks.bench_pages import undeclared

    from tests.test_pages import _case

    _expected, raw = _case("fresh-fundus-durbanlocal-2025-11-09")
    assert _authors(undeclared(raw)) == ("Fouzia Van Der Fort",)


def test_the_shoots_credits_in_the_author_meta_are_no_writers() -> None:
    """Refinery29 (a real page, 2016, from Mercury's tests) lists in its author meta the
    writer and the shoot's crew; the page credits the crew for their work (``Photographed
    by Sharokh Mirzai; … Styled by Bethie Girmai; … Makeup by …``) and bylines the writer
    (``written by Connie Wang``): she alone is the author."""
    from benchmarks.article_benchmark import load_postlight_pages

    html = next(h for k, h, _gold in load_postlight_pages() if k == "www.refinery29.com")
    assert _authors(html) == ("Connie Wang",)


def test_a_byline_label_on_a_line_of_its_own_names_the_writer_on_the_next() -> None:
    """A page that writes its byline's label and the name in blocks of their own (``Article
    written by:`` over ``Doris Roe, MD``) names that writer; a label over a sentence names
    no one."""
    prose = f"<p>{'Rain fell on the border town for a week and closed its road. ' * 4}</p>"
    head = "<html><head><title>Floods close the border road</title></head><body><article>"
    labelled = (
        f"{head}<h1>Floods close the border road</h1>{prose}"
        "<h2>Article written by:</h2><h3>Doris Roe, MD</h3></article></body></html>"
    )
    assert _authors(labelled) == ("Doris Roe",)
    unnamed = (
        f"{head}<h1>Floods close the border road</h1>{prose}"
        "<h2>Authors:</h2><p>We thank everyone who wrote to us about the road.</p>"
        "</article></body></html>"
    )
    assert _authors(unnamed) == ()


def test_a_writers_name_under_its_label_on_a_real_page_is_read() -> None:
    """A Medium post (a real page of readability's tests) closes with ``Written by`` over
    the writer's name, each a block of its own; with its meta elements and JSON-LD taken
    out, that name is the writer."""
    from benchmarks.bench_pages import undeclared

    from tests.test_pages import _case

    expected, raw = _case("fresh-rd-lazy-image-1")
    assert _authors(undeclared(raw)) == tuple(expected["authors"])


@pytest.mark.parametrize(
    ("box", "authors"),
    [
        # a stamp's word in a byline block is no one's name
        ("<div class='byline'>Updated Dec. 23, 2024, 1:24 PM EST</div>", ()),
        ("<div class='byline'>on December 18, 2025</div>", ()),
        # an author box's heading: the name after "About"
        ("<h3 class='author-name'>About Peter Bell</h3>", ("Peter Bell",)),
        ("<h3 class='author-name'>About The Author</h3>", ()),
    ],
)
def test_a_byline_blocks_stamp_word_or_about_heading_is_no_name(
    box: str, authors: tuple[str, ...]
) -> None:
    """A byline block that holds a stamp's word alone before its date names no one (not
    ``Updated``, not ``on``); an author box's heading ``About Peter Bell`` names him, and
    ``About The Author`` no one."""
    raw = (
        "<html><head><title>Floods close the border road</title></head><body><article>"
        "<h1>Floods close the border road</h1>"
        f"<p>{'Rain fell on the border town for a week and closed its road. ' * 4}</p>"
        f"{box}</article></body></html>"
    )
    assert _authors(raw) == authors


def test_an_organisations_page_bylined_with_its_own_name_is_by_it() -> None:
    """The Wikimedia Foundation's news page (a real page, 2020) bylines itself
    (``By Wikimedia Foundation``) and names no one else: the foundation is the author."""
    from tests.test_pages import _case

    expected, raw = _case("traf-wikimediafoundation-org-turkey")
    assert _authors(raw) == tuple(expected["authors"]) == ("Wikimedia Foundation",)


def test_a_chinese_desk_in_the_byline_is_no_author_of_its_own() -> None:
    """A Chinese news desk in the page's byline with no one named (``大陸新聞組``) is no
    author: a desk counts only where the markup names it."""
    raw = (
        "<html><head><title>北京春節出行人數創新高 | 世界新聞網</title></head><body><article>"
        "<h1>北京春節出行人數創新高</h1><div class='author'>大陸新聞組北京</div>"
        f"<p>{'春節期間北京鐵路和航空出行人數創下新高，交通部門增加班次應對。' * 3}</p>"
        "</article></body></html>"
    )
    assert _authors(raw) == ()


def test_a_name_closing_the_stamps_fields_under_the_headline_is_the_writer() -> None:
    """A blog's stamp under its headline lists the date, the reading time, the words and
    the writer (``December 15, 2025 · 30 min · 6279 words · Ash Vardanian``), its host
    the writer's name: the last field names the writer; a stamp closed by a control
    (``| View Comments``) names no one."""

    def page(stamp: str) -> str:
        return (
            "<html><head><title>Full Unicode Search | Ash Vardanian</title>"
            "<link rel='canonical' href='https://ashvardanian.com/posts/search/'></head>"
            "<body><article><h1>Full Unicode Search</h1>"
            f"<p>{stamp}</p><p>{'ICU gets Unicode right and pays for it in speed. ' * 4}</p>"
            "</article></body></html>"
        )

    assert _authors(page("December 15, 2025 · 30 min · 6279 words · Ash Vardanian")) == (
        "Ash Vardanian",
    )
    assert _authors(page("January 13, 2020 | categories: Python | View Comments")) == ()


@pytest.mark.parametrize(
    ("lines", "authors"),
    [
        (("Dr. Allen", "Jan 4", "2 min read"), ("Dr. Allen",)),  # a Wix blog's post
        (("Ben", "2 days ago", "6 min read"), ("Ben",)),
        (("By Clay", "Mar 14, 2024", "34 min read"), ("Clay",)),  # a byline's own
        (("Winter tips", "Jan 4", "Share"), ()),  # no reading time: a subheading's date
    ],
)
def test_a_name_over_a_date_and_a_reading_time_is_the_writer(
    lines: tuple[str, ...], authors: tuple[str, ...]
) -> None:
    """A blog platform's byline under the headline: the writer's name, the date and the
    reading time, each a line of its own."""
    blocks = "".join(f"<div>{line}</div>" for line in lines)
    raw = (
        "<html><head><title>New Year, New Smile</title></head><body><article>"
        f"<h1>New Year, New Smile</h1>{blocks}"
        f"<p>{'As we welcome the new year, it is the time to set goals for a smile. ' * 4}</p>"
        "</article></body></html>"
    )
    assert _authors(raw) == authors


@pytest.mark.parametrize(
    ("title", "head", "byline", "authors"),
    [
        # a person's own site, its host their name: the site's name, as no one else is named
        (
            "Code Kata: Formatting Strings | Ben Nadel",
            "<link rel='canonical' href='https://www.bennadel.com/blog/4800-code-kata.htm'>",
            "<div class='byline'>By Ben Nadel</div>",
            ("Ben Nadel",),
        ),
        # "By" alone in a block, the name with credentials in the next (a review site's)
        (
            "Code Kata: Formatting Strings",
            "",
            "<div><span>By</span></div><div><span>Genevieve Carlton, Ph.D.</span></div>"
            "<div>Updated on July 9, 2025</div>",
            ("Genevieve Carlton",),
        ),
    ],
)
def test_a_byline_under_the_headline_names_the_writer(
    title: str, head: str, byline: str, authors: tuple[str, ...]
) -> None:
    """``By Ben Nadel`` on bennadel.com names the writer though the name is the site's, and
    ``By`` over a block of its own with the name names the writer."""
    raw = (
        f"<html><head><title>{title}</title>{head}</head><body><article>"
        f"<h1>Code Kata: Formatting Strings</h1>{byline}"
        f"<p>{'Earlier this week I wrote about formatting strings in a template. ' * 4}</p>"
        "</article></body></html>"
    )
    assert _authors(raw) == authors


def test_a_personal_blog_named_after_its_owner_names_them_as_the_writer() -> None:
    """A Chinese blog of 2004 (a real page) names no writer in its entry: the blog bears its
    owner's name as its headline, 李建忠, and its footer says ``Copyright © 李建忠``."""
    from tests.test_pages import _case

    _expected, raw = _case("fresh-cwce-54e89e4e")
    assert _authors(raw) == ("李建忠",)


@pytest.mark.parametrize(
    ("site", "holder", "authors"),
    [
        ("張立勳", "張立勳", ("張立勳",)),  # the site bears the holder's name
        ("自由財經", "張立勳", ()),  # a person holds the copyright of another's site
        ("自由財經", "自由財經", ()),  # an outlet holds its own site's
    ],
)
def test_a_copyright_holder_is_the_writer_only_of_a_site_named_after_them(
    site: str, holder: str, authors: tuple[str, ...]
) -> None:
    """A copyright line's holder names the writer where the holder is a person whose name
    the site bears (a personal site), never an outlet."""
    raw = (
        _page("", "")
        .replace("發票千萬獎開出18張 - 自由財經", f"發票千萬獎開出18張 - {site}")
        .replace("</body>", f"<footer>Copyright © {holder}</footer></body>")
    )
    assert _authors(raw) == authors


def test_the_names_of_customer_reviews_and_testimonials_are_no_writers() -> None:
    """A shop's product page shows its customers' reviews, each signed (``<cite
    class="featured-review_rating-author">Ash C.</cite>``, as real shop pages of 2026 mark
    them), and a firm's page its clients' testimonials: none of them wrote the page."""
    reviews = "".join(
        f"<blockquote class='featured-review'><p>Great taste, would buy again.</p>"
        f"<cite class='featured-review_rating-author'>{name}</cite></blockquote>"
        for name in ("Ash C.", "Laura B.")
    )
    testimonial = (
        "<div class='testimonials'><p>A one-stop shop for all of my event needs.</p>"
        "<div class='author'>Marisa Vickers</div></div>"
    )
    raw = (
        "<html><head><title>Relax Berries</title></head><body><article><h1>Relax Berries</h1>"
        + "<p>Thirty chewable berries in a tin, each with a calming herbal blend.</p>" * 4
        + reviews
        + testimonial
        + "</article></body></html>"
    )
    assert _authors(raw) == ()


def test_a_review_articles_byline_inside_its_review_wrapper_is_read() -> None:
    """A critic's review whose whole article, headline too, is wrapped in ``<div
    class="review">`` keeps its byline: the wrapper's role is the article's own."""
    raw = (
        "<html><head><title>Sundara headphones review</title></head><body>"
        "<div class='review'><article><h1>Sundara headphones review</h1>"
        "<div class='byline'>By Andrew Park</div>"
        + "<p>The planar magnetic drivers give a wide and even sound for the price.</p>" * 5
        + "</article></div></body></html>"
    )
    assert _authors(raw) == ("Andrew Park",)


@pytest.mark.parametrize(
    ("stamp", "published"),
    [
        # real stamps under headlines of 2017-2025 (a blog, a firm's news, GitHub's changelog)
        ("December 15, 2025 // 8 min read", "2025-12-15"),
        ("September 12, 2025 | 14 min read", "2025-09-12"),
        ("October 11, 2023 by Autumn Huerter", "2023-10-11"),
        ("On Behalf of O’Malley Tunstall PLLC | Apr 21, 2017 | Products Liability", "2017-04-21"),
        ("Updated Dec 16, 2025 | Published Dec 15, 2025", "2025-12-15"),
    ],
)
def test_a_stamps_date_under_the_headline_dates_a_page_whose_markup_names_none(
    stamp: str, published: str
) -> None:
    """A stamp under the headline whose date stands among other fields (a reading time, a
    byline, a section), set apart by ``|``, ``//`` or ``by``, dates the page; where it
    gives the update first, the publication's date is the page's."""
    raw = (
        "<html><head><title>Billing changes</title></head><body><article>"
        f"<h1>Billing changes</h1><div>{stamp}</div>"
        + "<p>We are postponing the announced billing change for self-hosted runners.</p>" * 5
        + "</article><aside><p>Last updated: August 25, 2025</p></aside></body></html>"
    )
    assert dict(clean_text(raw).metadata)["published"][:10] == published


@given(
    st.dates(min_value=datetime.date(1990, 1, 1), max_value=datetime.date(2035, 12, 31)),
    st.lists(
        st.sampled_from(["8 min read", "By Jo Lee", "Products Liability", "Opinion", "2 comments"]),
        max_size=3,
        unique=True,
    ),
    st.sampled_from([" | ", " // ", " · ", " • "]),
    st.integers(min_value=0, max_value=3),
)
def test_a_stamps_date_is_found_among_its_fields_in_any_order(
    day: datetime.date, others: list[str], separator: str, at: int
) -> None:
    """Wherever the date stands among a stamp's other fields, it is the stamp's date."""
    fields = list(others)
    fields.insert(min(at, len(fields)), day.strftime("%B ") + f"{day.day}, {day.year}")
    assert stamp_date(separator.join(fields)) == day.isoformat()


def test_a_forum_threads_starter_is_its_writer_not_a_replys_poster() -> None:
    """A forum's thread (XenForo's layout, as real threads of 2024 show it) names who started
    it under its title; the posters its side column and replies mark as authors did not
    write it."""
    raw = (
        "<html><head><title>Help with MND</title></head><body>"
        "<aside><div class='message-author'><a class='username'>ShiftKicker</a></div>"
        "<div>Moderator</div></aside>"
        "<div class='p-body-header'><h1>Help with MND</h1><ul class='listInline'>"
        "<li><i class='fa-user'><svg role='img'><title>Thread starter</title></svg></i>"
        "<span class='u-srOnly'>Thread starter</span> <a class='username'>lulug30</a></li>"
        "<li><span class='u-srOnly'>Start date</span> <time>Jan 10, 2024</time></li>"
        "</ul></div>"
        "<article class='message'><p>"
        + "My father was diagnosed last month and we are looking for advice on care. " * 4
        + "</p></article><article class='message'><div class='message-author'>"
        "<a class='username'>ShiftKicker</a></div><p>Welcome to the forum, we can help.</p>"
        "</article></body></html>"
    )
    assert _authors(raw) == ("lulug30",)


def test_a_lower_case_by_over_a_stamps_fields_names_the_writer() -> None:
    """``by Jason Rostar | SEO | 8 min Read`` under the headline (an agency's blog of 2025)
    names the writer; the section and the reading time after it are no names."""
    raw = (
        "<html><head><title>Top SEO strategies</title></head><body><article>"
        "<h1>Top SEO strategies</h1><div>by Jason Rostar | SEO | 8 min Read</div>"
        + "<p>Search engines reward pages that answer the question a reader came with.</p>" * 5
        + "</article></body></html>"
    )
    assert _authors(raw) == ("Jason Rostar",)


@pytest.mark.parametrize(
    ("site", "authors"),
    [
        ("Jo Lee's Substack", ("Jo Lee",)),
        ("Derek Seaman's Tech Blog", ("Derek Seaman",)),
        ("Men's Health Blog", ()),  # a kind of reader, not a person
        ("The World's Best Blog", ()),
    ],
)
def test_a_site_named_as_its_owners_names_the_writer_of_an_unsigned_page(
    site: str, authors: tuple[str, ...]
) -> None:
    """A page that names no writer on a site named as a person's (``"Derek Seaman's Tech
    Blog"``, a Substack's default ``"… 's Substack"``, real sites of 2025) was written by
    its owner; a site named for its readers or with an article first names no one."""
    raw = (
        f"<html><head><title>Choosing a web framework - {site}</title></head><body><article>"
        "<h1>Choosing a web framework</h1>"
        + "<p>Every framework trades the speed of the first week for the ease of the tenth.</p>"
        * 5
        + f"</article><footer>Copyright © 2025 {site}</footer></body></html>"
    )
    assert _authors(raw) == authors


# Lines of real pages as html2text writes them: NetEase's page of a China News Service story
# (tests/cases/pages/cx-163-36, its closing line of fields) and a ChinaByte page of the DAniEL
# corpus (benchmarks/data/daniel-zh: a reporter's credit over a box the article keeps).
_NETEASE_SCRAPE = (
    "[网易首页](http://www.163.com/) > [财经频道](http://money.163.com/) > "
    "[宏观新闻](http://money.163.com/special/00252G50/macro.html) > 正文\n\n"
    "# 多地高温津贴数年未涨 发放落实遭遇尴尬(表)\n\n"
    "2015-07-04 00:12:00 来源: [中国新闻网](http://www.chinanews.com/cj/2015/07-04/"
    "7384010.shtml)(北京)\n\n"
    "高温津贴为何落实不到位？中国社科院人口与劳动经济所所长张车伟此前在接受中新网记者采访时表示，"
    "目前高温天气的劳动保护主要依靠劳动监察部门、工会组织监督，监督管理工作比较乏力，惩处方面的欠缺，"
    "使得用人单位违法成本较低。\n\n"
    "支振锋认为，高温维权要有法所依，就要把相关的权利义务法律化，今后可以考虑将高温津贴等高温劳动保护"
    "措施列入《劳动法》，提高其执行效力。同时，要明晰监管责任，加大监管和处罚力度，保证政策的刚性和"
    "权威性。\n\n"
    "[![netease](http://img1.cache.netease.com/cnews/css13/img/end_money.png)]"
    "(http://money.163.com/) 本文来源：中国新闻网 作者：李金磊 责任编辑：NF055\n\n"
    "分享到：\n\n"
    '  * [__](javascript:; "分享到网易热")\n'
    '  * [__](javascript:; "分享到易信")\n'
)
_CHINABYTE_SCRAPE = (
    "位置： [比特网](http://www.chinabyte.com/) > [业界](http://it.chinabyte.com/) > 正文\n\n"
    "# 柯达垂死自救宣布重组节流 抓住售卖专利稻草\n\n"
    "2012-01-12 10:18博客佚名\n\n"
    "抓住“售卖专利”最后稻草 破产风险居高不下\n\n"
    "经历了情节如“过山车”般的濒临破产事件，昔日影像业巨头柯达公司的一只脚，试图迈出“泥潭”。昨日，"
    "柯达宣布将对公司业务结构进行重组，希望藉此实现业务复苏。受此影响，消息公布当日柯达股价大涨。\n\n"
    "业务部门大手笔重组\n\n"
    "声明还透露，该重组计划实质上已于今年1月1日正式生效，并表示此举可为公司节省资金，同时加快该公司"
    "将自身业务扭亏为盈的步伐。\n\n"
    "然而事与愿违，整个2011年，各类所谓“转型”并未为柯达带来太大的实质性帮助。\n\n"
    "市值仅为历史高点的1%\n\n"
    "值得注意的是，对比1997年2月的最高市值(310亿美元)，目前柯达市值仅为当时的1%。在2011年12月"
    "《财富》杂志评选“美国500强10大烂股”中，柯达以85%的跌幅名列第三。\n\n"
    "可用现金即将耗尽\n\n"
    "对柯达来说，目前唯一的好消息是资本市场表现出对此次业务结构重组的认同。据了解，消息公布当日，"
    "柯达股票出现暴涨，但距离纽交所规定的股价达标，仍有相当的距离。\n\n"
    "而如今，出售专利组合这最后的“救命稻草”，也出现了问题―――原因是柯达可能申请破产保护的现状，"
    "让潜在买家感到担心。\n\n"
    "采写：南都记者 方南\n\n"
    "链接\n\n"
    "柯达VS富士：养尊处优VS负重转型\n\n"
    "在胶片相片时代，柯达曾占据过全球2/3的市场份额，鼎盛时期拥有全球超过14 .5万名员工。回顾2000年"
    "左右，在中国城市的大街小巷，你仍能在各种地方看到黄色为主的柯达冲印店。\n\n"
    "不过，和胶片时代的老对手富士相比，柯达更愿意躺在一直以来获利颇丰的胶片业务上，而不是加速业务"
    "转型，最终积重难返。\n\n"
    "[责任编辑：自由之翼]\n"
)


#: The same page flattened to plain text, as inscriptis writes it.
_NETEASE_FLATTENED = (
    "网易首页 > 财经频道 > 宏观新闻 > 正文\n"
    "多地高温津贴数年未涨 发放落实遭遇尴尬(表)\n"
    "2015-07-04 00:12:00 来源: 中国新闻网(北京)\n"
    + "".join(
        line + "\n"
        for line in _NETEASE_SCRAPE.splitlines()
        if line.startswith(("高温津贴为何", "支振锋认为"))
    )
    + "本文来源：中国新闻网 作者：李金磊 责任编辑：NF055\n"
    "分享到：\n"
)


@pytest.mark.parametrize("raw", [_NETEASE_SCRAPE, _NETEASE_FLATTENED])
def test_a_scrapes_closing_line_of_fields_names_its_writer(raw: str) -> None:
    cleaned = clean_text(raw)
    assert dict(cleaned.metadata).get("authors") == ("李金磊",)
    assert "作者" not in cleaned.text  # the line of fields is no part of the article


def test_a_reporters_credit_over_a_box_the_article_keeps_names_the_writer() -> None:
    cleaned = clean_text(_CHINABYTE_SCRAPE)
    assert dict(cleaned.metadata).get("authors") == ("方南",)
    assert "柯达更愿意躺在" in cleaned.text


_CREDIT_LINES = st.sampled_from(
    [
        "本报记者 高薇",
        "采写：南都记者 方南",
        "（記者林悅／南市報導）",
        "이용민 기자 | 2020-03-04 16:52",
        "成都商报记者 余文龙 实习生 向英子",
        "陈市长泪洒记者招待会",
        "作者：上官云",
    ]
)
_PROSE_LINES = st.sampled_from(
    [
        "台南市虱目魚養殖協會今天舉辦銷陸虱目魚契作戶抽籤。",
        "北京今天下雪，气温降到零下五度。",
        "정부는 이날 대책을 발표했다.",
        "分享到：",
        "Related stories",
    ]
)


@given(
    st.lists(
        st.tuples(st.one_of(_CREDIT_LINES, _PROSE_LINES), st.booleans(), st.booleans()),
        max_size=12,
    )
)
def test_the_reporters_of_an_article_are_named_on_its_lines(
    blocks: list[tuple[str, bool, bool]],
) -> None:
    """Whatever the lines and which of them are the article's: every reporter read is
    named, letter for letter, on a line that may be read."""
    from nkcorpus.cleaning.metadata import article_reporters

    shown = "".join(text for text, _article, readable in blocks if readable).replace(" ", "")
    for name in article_reporters(blocks):
        assert name.replace(" ", "") in shown


# Lines under the headline of pages of the case corpus as html2text writes them (tests/cases/
# pages: fresh-fundus-timesofindia-2024-09-02, fresh-fundus-westaustralian-2024-11-26, from
# fundus's test data, MIT; traf-salon-com-emissions, from trafilatura's evaluation data,
# Apache-2.0): the writer's name links to a reporter's, a profile's or a writer's page.
@pytest.mark.parametrize(
    ("headline", "under", "writer"),
    [
        (
            "# Anti-terror op turns sinister: Pakistani netizens being 'walled off' as army "
            "raises spectre of 'digital terrorism'",
            "[Aashish Saxena](https://timesofindia.indiatimes.com/toireporter/author-Aashish-"
            "Saxena-479265942.cms) / TIMESOFINDIA.COM /  Sep 2, 2024, 17:07 IST\n\n __Share",
            "Aashish Saxena",
        ),
        (
            "# Climate change: Labor on track to hit 2030 target as Chris Bowen heralds "
            "‘pragmatic’ approach to energy shift",
            "[![Headshot of Dan Jervis-Bardy](https://images.thewest.com.au/assets/profiles/"
            "DanJervisBardy_thumb.png?imwidth=110&impolicy=wan_v3)](/profile/dan-jervis-bardy)"
            "\n\n[Dan Jervis-Bardy](/profile/dan-jervis-bardy)The West Australian\n\n"
            "Tue, 26 November 2024 9:27PM",
            "Dan Jervis-Bardy",
        ),
        (
            "# Despite everything, U.S. emissions dipped in 2019\n\n## Coal has been in a "
            "slow-motion death spiral over the past ten years",
            "\\--\n\n### Shares\n\n#####  [Nathanael Johnson](/writer/nathanael-johnson)\n\n"
            "###### January 10, 2020 9:00AM (UTC)",
            "Nathanael Johnson",
        ),
    ],
)
def test_a_scrapes_link_to_a_writers_page_under_the_headline_names_its_writer(
    headline: str, under: str, writer: str
) -> None:
    raw = f"{headline}\n\n{under}\n\n{STORY}"
    assert dict(clean_text(raw).metadata).get("authors") == (writer,)


# Bylines of pages of the case corpus as inscriptis writes them (traf-latimes-com-bloomberg,
# trafilatura's evaluation data, Apache-2.0; fresh-fundus-themirror-2024-04-28 and
# fresh-fundus-thenation-2023-05-15, fundus's test data, MIT): a job title, or the label of
# the writer's account, printed after the name.
@pytest.mark.parametrize(
    ("byline", "writer"),
    [
        ("                By Evan Halper Staff Writer\n                Feb. 19, 2020", "Evan Halper"),
        (
            "        By\n          Emma Mackenzie Lifestyle Writer\n        * 14:00, 28 Apr 2024",
            "Emma Mackenzie",
        ),
        ("By Sarah Lazare Twitter\nMay 15, 2023", "Sarah Lazare"),
    ],
)
def test_a_flattened_bylines_job_title_or_account_is_no_part_of_the_name(
    byline: str, writer: str
) -> None:
    raw = f"Floods hit the north as rivers rise over their banks\n{byline}\n{STORY}"
    assert dict(clean_text(raw).metadata).get("authors") == (writer,)


@given(
    first=st.sampled_from(["Sarah", "Evan", "Mi-rae", "José", "Li"]),
    last=st.sampled_from(["Lazare", "Halper", "Kim", "O'Mahony", "Jervis-Bardy"]),
    labels=st.lists(st.sampled_from(["Twitter", "Email", "LinkedIn", "Instagram"]), max_size=3),
)
def test_the_labels_of_a_writers_accounts_after_the_name_leave_it(
    first: str, last: str, labels: list[str]
) -> None:
    from nkcorpus.cleaning.authornames import without_role

    name = f"{first} {last}"
    assert without_role(" ".join([name, *labels]), set()) == name
