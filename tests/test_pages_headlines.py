"""Headlines and writers: a reworded headline, a documentation heading, a byline's
trailing credits, a Korean or Chinese site's name that ends the title."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nkcorpus.cleaning.authornames import job_title, name_shaped, until_job_title, without_role
from nkcorpus.cleaning.cleaner import clean_text
from nkcorpus.cleaning.htmlmeta import split_authors
from nkcorpus.cleaning.htmlpage import read_page
from nkcorpus.cleaning.titles import choose_title, title_parts

_PROSE = "".join(
    f"<p>Paragraph {i}: the task framework runs millions of callbacks a day across many "
    "hosts, and each one is retried until it succeeds or its deadline passes.</p>"
    for i in range(6)
)


def _meta(head: str, body: str) -> dict[str, object]:
    raw = (
        f"<html lang='en'><head>{head}</head><body><article>{body}{_PROSE}</article></body></html>"
    )
    return dict(clean_text(raw).metadata)


def test_a_headline_that_rewords_the_declared_title_is_the_title() -> None:
    """``og:title`` ``"…Dropbox’s ATF - an async task framework"`` under the headline
    ``"…Dropbox ATF: an async task framework"`` gives the headline, not a part of the title."""
    meta = _meta(
        "<meta property='og:title' content='How we designed Dropbox’s ATF - an async task "
        "framework'><link rel='canonical' href='https://dropbox.tech/atf'>",
        "<h1>How we designed Dropbox ATF: an async task framework</h1>",
    )
    assert meta["title"] == "How we designed Dropbox ATF: an async task framework"


def test_a_headline_that_lost_characters_to_question_marks_gives_way_to_the_title() -> None:
    """An ``h1`` that shows the declared title with question marks where the page's
    encoding lost its characters (``"Planning? Beginner? Guide"``, a university's blog of
    2025) is no rewording: the declared title is the title."""
    title = "What Are The Basics Of Event Planning: Beginner&#x27;s Guide"
    meta = _meta(
        f"<title>{title}</title><meta property='og:title' content=\"{title}\">",
        "<h1>What Are The Basics Of Event Planning? Beginner? Guide</h1>",
    )
    assert meta["title"] == "What Are The Basics Of Event Planning: Beginner's Guide"


def test_a_title_the_page_shows_whole_stays_beside_a_reworded_headline() -> None:
    """A declared title that a block of the page repeats whole is kept as written."""
    title = "How we designed Dropbox’s ATF - an async task framework"
    headline = "How we designed Dropbox ATF: an async task framework"
    assert choose_title(title, [headline], [title], [])[0] == title


def test_a_documentation_heading_with_its_link_mark_is_the_title() -> None:
    """``"Evolve: Shared Mutable History — evolve extension for Mercurial"`` with the site's
    name and the page's heading (``"…History¶"``) both shown as ``h1``: the heading."""
    title, _ = choose_title(
        "Evolve: Shared Mutable History — evolve extension for Mercurial",
        ["evolve extension for Mercurial", "Evolve: Shared Mutable History¶"],
        [],
        [],
    )
    assert title == "Evolve: Shared Mutable History"


def test_a_summary_set_as_the_h1_does_not_replace_the_declared_title() -> None:
    """A page whose ``h1`` is its three-sentence summary (a real renovation lender's page)
    keeps its declared title, which it never shows; a one-line ``h1`` still replaces a
    title the page never shows."""
    head = (
        "<title>The 10 Best Home Improvement ROI Projects of 2023 | RenoFi</title>"
        "<meta property='og:title' content='The 10 Best Home Improvement ROI Projects of 2023'>"
    )
    summary = (
        "Learn which home renovations have the best ROI (return on investment)? Get expert "
        "tips on how to understand and calculate home improvement ROI. We'll help you learn "
        "everything you need to know about the potential value of your project."
    )
    found = _meta(head, f"<h1>{summary}</h1>")
    assert found["title"] == "The 10 Best Home Improvement ROI Projects of 2023"
    headline = "Which renovations pay off most"
    assert _meta(head, f"<h1>{headline}</h1>")["title"] == headline


def test_trailing_credits_are_cut_from_a_byline() -> None:
    """An editor's credit, an outlet's news desk and a weekday before the date are not part
    of the writer's name."""
    assert _meta(
        "", "<h1>Monitoring</h1><p class='byline'>Written by Rob Ewaschuk Edited by Betsy Beyer</p>"
    )["authors"] == ("Rob Ewaschuk",)
    assert _meta(
        "", "<h1>Superbugs</h1><div class='author'>By Kelli Miller WebMD Health News</div>"
    )["authors"] == ("Kelli Miller",)
    assert _meta(
        "",
        "<h1>Raspberry Pi 3</h1><div class='article-author'>Joe Wee Monday, "
        "February 29, 2016 @ 11:10 PM UTC</div>",
    )["authors"] == ("Joe Wee",)


def test_a_surname_that_is_not_a_news_desk_stays() -> None:
    """``"John Smith Fox News"`` keeps its words (the outlet is no acronym); a name alone
    is kept whole."""
    assert without_role("Jane Doe", set()) == "Jane Doe"
    assert without_role("Kim Min-ji Yonhap", {"yonhap"}) == "Kim Min-ji"
    assert without_role("Mark Webmd", {"webmd"}) == "Mark Webmd"


@given(st.text(max_size=80), st.sets(st.text(min_size=1, max_size=8), max_size=3))
def test_cutting_a_role_only_shortens_the_name(name: str, sites: set[str]) -> None:
    """What is left of a name is the start of it, never new text."""
    assert " ".join(name.split()).startswith(" ".join(without_role(name, sites).split()))


def test_a_blogs_posted_by_line_names_the_writer() -> None:
    """A page whose only writer's name is an unmarked ``"Posted by …"`` line under the
    headline gets that name, without the job title and the place after it."""
    meta = _meta(
        "<title>Saving Data: Reducing the size of App Updates</title>",
        "<h1>Saving Data: Reducing the size of App Updates</h1>"
        "<div>Posted by Andrew Hayden, Software Engineer on Google Play</div>",
    )
    assert meta["authors"] == ("Andrew Hayden",)


def test_a_short_documentation_heading_with_an_icon_link_mark_is_the_title() -> None:
    """A short heading (``"Tasks¶"``, ``"Ansible playbooks"`` and an icon font's link
    character) that begins ``"… — Celery 5.6.2 documentation"`` is the title, though the
    sidebar shows the site's name too."""
    docs = "Celery 5.6.2 documentation"
    assert choose_title(f"Tasks — {docs}", ["Tasks¶"], [docs, "Tasks¶"], [])[0] == "Tasks"
    title = "Ansible playbooks — Ansible Community Documentation"
    shown = ["Ansible Community Documentation", "Ansible playbooks\uf0c1"]
    assert choose_title(title, ["Ansible playbooks\uf0c1"], shown, [])[0] == "Ansible playbooks"


def test_a_logo_heading_that_ends_the_title_is_the_site_name() -> None:
    """An ``h1`` that ends the title after a separator and is shorter than the headline
    before it is the site's logo: it is cut, not taken as the title."""
    title = "Defining Shared Behavior with Traits - The Rust Programming Language"
    assert choose_title(title, ["The Rust Programming Language"], [], [])[0] == (
        "Defining Shared Behavior with Traits"
    )
    title = "Reflections on Building a UI Pipeline - Part 1 | Playful Tones"
    assert choose_title(title, ["Playful Tones"], [], [])[0] == (
        "Reflections on Building a UI Pipeline - Part 1"
    )


def test_a_headline_that_ends_the_title_after_the_site_name_is_the_title() -> None:
    """``"NK News - Kim visits a factory in the north"`` under that headline: the headline,
    which is longer than the site's name before it."""
    title = "NK News - Kim visits a new munitions factory in the north"
    headline = "Kim visits a new munitions factory in the north"
    assert choose_title(title, [headline], [], [])[0] == headline


def test_the_part_an_h1_shows_wins_over_a_part_the_navigation_shows() -> None:
    """``"Promise - JavaScript | MDN"``: the ``h1`` shows ``"Promise"``, the navigation
    ``"JavaScript"``; the ``h1``'s part is the title, though it is the shorter one."""
    shown = ["JavaScript", "Promise", "Standard built-in objects"]
    title, _ = choose_title("Promise - JavaScript | MDN", ["Promise"], shown, ["MDN Web Docs"])
    assert title == "Promise"


def test_an_h1_that_begins_an_unshown_title_is_preferred_to_the_first_h1() -> None:
    """A title the page never shows gives way to the ``h1`` that begins it, not to the
    first ``h1`` (a site's banner)."""
    headings = ["Erik Demaine's Folding and Unfolding:", "The Fold-and-Cut Problem"]
    title, by = choose_title("The Fold-and-Cut Problem (Erik Demaine)", headings, [], [])
    assert (title, by) == ("The Fold-and-Cut Problem", "h1")


def _authors(body: str, head: str = "") -> tuple[str, ...]:
    return tuple(_meta(head, f"<h1>How we designed an async task framework</h1>{body}").get(
        "authors", ()
    ))


def test_a_job_title_after_the_writer_is_not_a_name() -> None:
    """``"…written by Danielle Padula, Head of Marketing and Community Development"``: the
    title and what the title goes on with are not writers."""
    byline = (
        "<p class='byline'>This post was written by Danielle Padula, Head of Marketing and "
        "Community Development</p>"
    )
    assert _authors(byline) == ("Danielle Padula",)
    assert split_authors("Liza Burke, Marketing Director") == ("Liza Burke",)


def test_a_block_marked_as_byline_that_is_not_a_name_gives_way_to_the_next() -> None:
    """Blocks marked as the author that hold a reading time or a label (``"10 mins read"``,
    ``"Insights from"``) name no one; the next block's name is the writer."""
    blocks = (
        "<div class='author'>Insights from</div><div class='author'>Liza Burke</div>"
        "<div class='author'>Marketing Director</div>"
    )
    assert _authors(blocks) == ("Liza Burke",)
    assert _authors("<span class='author'>10 mins read</span>") == ()


def test_a_user_name_keeps_its_digits_and_a_date_after_a_name_goes() -> None:
    """``"user447274"`` is a user name whole; ``"Jane Doe, 3 hours ago"`` is Jane Doe."""
    assert _authors("<div class='author'>user447274</div>") == ("user447274",)
    assert _authors("<div class='byline'>Jane Doe, 3 hours ago</div>") == ("Jane Doe",)


def test_a_phrase_listed_with_the_author_in_markup_is_not_a_name() -> None:
    """A JSON-LD author list whose second entry is a phrase (``"… Network on Facebook"``)
    gives the person alone."""
    assert split_authors("By Arlene Marturano; South Carolina Learning Network on Facebook") == (
        "Arlene Marturano",
    )


_WORD = st.from_regex(r"[A-Z][a-z]{2,9}", fullmatch=True).filter(
    lambda w: not job_title(w) and w.lower() not in {"and", "by", "von", "par", "por"}
)


@given(st.lists(st.lists(_WORD, min_size=2, max_size=3).map(" ".join), min_size=1, max_size=3))
def test_capitalized_names_are_shaped_as_names_and_split_whole(names: list[str]) -> None:
    """Names of two or three capitalized words pass :func:`name_shaped`, and a list of them
    written ``"A, B and C"`` splits into the same names, in a block the page shows too."""
    assert all(name_shaped(n) for n in names)
    written = ", ".join(names[:-1]) + (" and " if len(names) > 1 else "") + names[-1]
    assert split_authors(written, shown=True) == tuple(dict.fromkeys(names))


@given(st.lists(st.text(min_size=1, max_size=20), max_size=6))
def test_until_job_title_keeps_a_prefix_and_the_first_part(parts: list[str]) -> None:
    """The names before a job title are a prefix of the list, never empty when it is not."""
    kept = until_job_title(parts)
    assert kept == parts[: len(kept)]
    assert bool(kept) == bool(parts)


def test_a_name_that_begins_with_by_keeps_its_first_letters() -> None:
    """``"Byron Smith"``, ``"Parker Jones"``: the ``By``/``Par`` that a name begins with is
    no label, though ``"ByJohn Smith"`` (a label glued to the name) still loses it."""
    assert split_authors("Byron Smith; Parker Jones") == ("Byron Smith", "Parker Jones")
    assert split_authors("ByJohn Smith") == ("John Smith",)


def test_an_unmarked_by_line_under_the_headline_names_the_writer() -> None:
    """``"by: Ziyi Xu, Dec 17, 2025"`` just under the ``h1``, marked as nothing, gives the
    writer; a menu's ``"By Pamela"`` before the headline does not."""
    raw = (
        "<html lang='en'><head><title>Mini-SGLang in a Nutshell</title></head><body>"
        "<nav><ul><li><a href='/a'>Books</a></li><li><a href='/b'>By Pamela</a></li></ul></nav>"
        "<main><h1>Mini-SGLang in a Nutshell</h1><p>by: Ziyi Xu, Dec 17, 2025</p>"
        f"{_PROSE}</main></body></html>"
    )
    assert dict(clean_text(raw).metadata)["authors"] == ("Ziyi Xu",)
    assert "authors" not in dict(clean_text(raw.replace("by: Ziyi Xu, ", "")).metadata)


def test_a_papers_authors_one_block_each_are_all_read() -> None:
    """Byline blocks that end with ``;`` go on in the next block (``"Jennifer Huberty1, PhD
    ;"``, ``"Jeni Green1, MS ;"``, ``"Chong Lee1, PhD"``), and that list, which begins with
    the ``dc.creator`` writer, replaces her alone."""
    blocks = "".join(
        f"<div class='author'>{name}</div>"
        for name in ("Jennifer Huberty1, PhD\xa0;", "Jeni Green1, MS\xa0;", "Chong Lee1, PhD")
    )
    head = "<meta name='dc.creator' content='Jennifer Huberty'>"
    assert _authors(blocks, head) == ("Jennifer Huberty", "Jeni Green", "Chong Lee")


def test_a_shown_byline_with_job_titles_does_not_replace_the_markups_writer() -> None:
    """A byline block list that goes on into job titles (``"Print Managing Editor"``) leaves
    the markup's writer alone."""
    blocks = (
        "<div class='author'>Audrey Huang,</div><div class='author'>Print Managing Editor</div>"
    )
    head = "<meta name='author' content='Audrey Huang'>"
    assert _authors(blocks, head) == ("Audrey Huang",)


def test_a_reporters_title_after_the_name_is_no_writer() -> None:
    """``"Jane Doe, Staff Reporter"`` and ``"Jane Doe, Korea Herald Writer"``: the writer
    alone."""
    assert split_authors("Jane Doe, Staff Reporter") == ("Jane Doe",)
    assert split_authors("Jane Doe, Korea Herald Writer") == ("Jane Doe",)


def test_a_section_the_page_links_to_is_not_the_title() -> None:
    """``"Headline | India News - Times of India"`` on a page that links to its section
    ``India News`` and shows the headline reworded in its ``h1``: the headline, never the
    section's name."""
    raw = (
        "<html><head><title>Kashmir issue: China snubs Imran Khan, says resolve Jammu and"
        " Kashmir bilaterally | India News - Times of India</title>"
        "<meta property='og:site_name' content='The Times of India'></head><body>"
        "<nav><a href='/india'>India News</a></nav><article>"
        "<h1>China snubs Imran Khan, says resolve J&amp;K bilaterally</h1>"
        + "<p>China on Tuesday asked India and Pakistan to resolve the issue by talks.</p>" * 5
        + "</article></body></html>"
    )
    title = dict(clean_text(raw).metadata)["title"]
    assert title == "China snubs Imran Khan, says resolve J&K bilaterally"


def test_a_label_in_capitals_does_not_replace_a_declared_title_the_page_never_shows() -> None:
    """An ``h1`` written in capitals (``"SUPPORTING GAAP COMPLIANCE"``, a section's label
    over the article, AccountingDepartment.com) does not stand in for the declared title
    that the page does not show: the declared title stays."""
    declared = "GAAP Compliance: Applying Accounting Best Practices To Your Business"
    raw = (
        f"<html><head><title>{declared}</title>"
        f"<meta property='og:title' content='{declared}'></head><body><article>"
        "<h1>SUPPORTING GAAP COMPLIANCE</h1>"
        + "<p>Generally accepted accounting principles guide how a business keeps its books.</p>"
        * 5
        + "</article></body></html>"
    )
    assert dict(clean_text(raw).metadata)["title"] == declared


@pytest.mark.parametrize(
    ("title", "headline", "outlet"),
    [
        ("北 인권보고서 공개 | 연합뉴스", "北 인권보고서 공개", "연합뉴스"),
        ("北 인권보고서 공개 : 네이버 뉴스", "北 인권보고서 공개", None),  # a portal
        ("联合国发布朝鲜人权报告--国际--人民网", "联合国发布朝鲜人权报告", "人民网"),
        ("聯合國發布北韓人權報告 - 自由時報電子報", "聯合國發布北韓人權報告", "自由時報電子報"),
        # the site's name, then its channel's (a Liberty Times page of 2012)
        ("聯合國發布北韓人權報告 - 自由電子報 即時新聞", "聯合國發布北韓人權報告", "自由電子報"),
        ("Kim meets Putin | Reuters", "Kim meets Putin", None),  # no shape tells a site
    ],
)
def test_a_korean_or_chinese_sites_name_ending_the_title_is_cut_and_is_the_outlet(
    title: str, headline: str, outlet: str | None
) -> None:
    """A page that declares no site name: the Korean or Chinese site's name that ends its
    ``title`` (``"… | 연합뉴스"``) leaves the title and names the outlet."""
    body = "<p>" + "북한 인권 문제에 대한 유엔 보고서가 공개되었다. 탈북자들은 증언했다. " * 6
    page = f"<html><head><title>{title}</title></head><body>{body}</p></body></html>"
    meta = dict(clean_text(page).metadata)
    assert meta["title"] == headline
    assert meta.get("outlet") == outlet


def test_a_site_name_that_the_pages_host_spells_is_the_outlet() -> None:
    """``"… | Reuters"`` on reuters.com names the outlet where the markup names none; on
    another host it stays unnamed."""
    body = "<p>" + "The report describes the camps and the testimony of defectors. " * 8
    for host, outlet in (("https://www.reuters.com/world/kim", "Reuters"), ("https://x.org/a", None)):
        head = f'<title>Kim meets Putin | Reuters</title><link rel="canonical" href="{host}">'
        page = f"<html><head>{head}</head><body><h1>Kim meets Putin</h1>{body}</p></body></html>"
        meta = dict(clean_text(page).metadata)
        assert (meta["title"], meta.get("outlet")) == ("Kim meets Putin", outlet)


def test_a_blogs_title_gives_the_post_after_the_blogs_name() -> None:
    """``"Blog Name: Post Title"`` (Blogger's ``title``), where the page shows the blog's name
    and then the post's as headings of their own, is the post's title; a title whose colon
    is part of its headline keeps it whole."""
    headings = ["EMACSPEAK The Complete Audio Desktop", "Meta-Programming In Emacs Using defadvice"]
    found = choose_title(
        "EMACSPEAK The Complete Audio Desktop: Meta-Programming In Emacs Using Defadvice",
        headings,
        headings,
        [],
    )
    assert found[0] == "Meta-Programming In Emacs Using Defadvice"
    whole = "Tony Blair: Why there has to be compromise in Ukraine"
    assert choose_title(whole, [whole], [whole], [])[0] == whole


def test_a_title_with_its_article_part_left_empty_gives_way_to_the_headline() -> None:
    """A template that left the article's part of ``<title>`` empty (``-铜雀历史网``: a
    separator, then the site's name, as a Chinese history site of 2022 serves it)."""
    page = (
        "<html><head><title>-铜雀历史网</title></head><body><a href='/'>铜雀历史网</a>"
        "<h1>疫情一刀切政策怎么投诉举报</h1>"
        + "<p>有关疫情一刀切的防疫政策也是疫情期间民众最为关注的，对于部分地区疫情一刀切民众都在"
        "咨询相关的解决办法。</p>" * 4
        + "</body></html>"
    )
    assert dict(clean_text(page).metadata)["title"] == "疫情一刀切政策怎么投诉举报"


@pytest.mark.parametrize("value", ["成就一亿技术人!", "快来领取红包！", "Want to write for us?"])
def test_an_exclamation_or_a_question_names_no_one(value: str) -> None:
    """A slogan in a pop-up's element marked as the author (``成就一亿技术人!``, a blog
    platform's red-packet window) or a question names no writer."""
    assert split_authors(value) == ()


@pytest.mark.parametrize(
    ("title", "headline"),
    [
        ("姚明婉拒雨伞冒雨护送大熊猫进入野放过渡区-文娱-中国网滨海高新", "姚明婉拒雨伞冒雨护送大熊猫进入野放过渡区"),
        ("江西：伦敦奥运会确保再夺金牌-奥运", "江西：伦敦奥运会确保再夺金牌"),
        ("富士康：武汉工厂员工威胁跳楼事件已解决-《财经网》", "富士康：武汉工厂员工威胁跳楼事件已解决"),
        (
            "治公款消费 莫患“茅台焦虑症”-茅台酒,公款消费,公款吃喝,人大代表,五粮液,奢侈品,焦虑症,"
            "人民-北方网-新闻中心",
            "治公款消费 莫患“茅台焦虑症”",
        ),
        (
            "圣元奶粉陷入致死门 公司称将积极应对 网友最新评论-圣元奶粉致死,圣元奶粉河北,圣元奶粉集宁,"
            "圣元奶粉衡水,圣元奶粉活-滚动新闻",
            "圣元奶粉陷入致死门 公司称将积极应对 网友最新评论",
        ),
    ],
)
def test_a_chinese_sites_name_after_its_sections_leaves_the_shown_headline(
    title: str, headline: str
) -> None:
    """The section's name and the site's after the headline (Chinese sites of 2012), and
    before them the keywords written for search engines, where the page shows the headline
    as a block of its own."""
    assert choose_title(title, [], ["首页", headline, "正文"], [])[0] == headline


@pytest.mark.parametrize(
    ("title", "headline"),
    [
        ("中國評論新聞：福州某醫院稱看病滿2000元就送火車票", "福州某醫院稱看病滿2000元就送火車票"),
        ("中新视频-崔永元缺席中国慈善年会 给农民工主持晚会", "崔永元缺席中国慈善年会 给农民工主持晚会"),
    ],
)
def test_a_chinese_sites_name_before_the_shown_headline_leaves(title: str, headline: str) -> None:
    """A site's or channel's name before the headline, after a colon or a dash (Chinese
    sites of 2012), where the page shows the rest whole; a title whose rest the page does
    not show stays as it is."""
    assert choose_title(title, [], ["首页", headline], [])[0] == headline
    assert choose_title(title, [], ["首页"], [])[0] == title


def test_a_chinese_sites_name_before_a_headline_shown_with_other_spaces_leaves() -> None:
    """The rest of ``中國評論新聞：…`` written with an ideographic space, shown with a plain
    one (a 2012 page of China Review News)."""
    title = "中國評論新聞：“看病送火車票”\u3000折射春運之殤"
    assert choose_title(title, [], ["首页", "“看病送火車票” 折射春運之殤"], [])[0] == (
        "“看病送火車票”\u3000折射春運之殤"
    )


def test_a_sites_name_with_its_former_name_in_brackets_is_cut() -> None:
    """``正北方网（原北方新闻网）``: a Chinese site's name, its former name after it, and the
    section's name before it leave the title (a 2012 page of northnews.cn)."""
    title = "内蒙古确保两节前农牧民工工资基本无拖欠_要闻_正北方网（原北方新闻网）"
    assert choose_title(title, [], [], [])[0] == "内蒙古确保两节前农牧民工工资基本无拖欠"


def test_a_title_that_only_names_the_site_gives_way_to_a_shown_description() -> None:
    """A page whose ``og:title`` and ``<title>`` are its site's name (a 2012 page of the
    Taiwanese Public Television Service) and whose ``og:description`` is the headline it
    shows; a description that is a summary (a sentence) or that the page does not show
    stays out."""
    headline = "中市衛生局 突擊檢查傳統市場"
    page = (
        "<html><head><title>公共電視台 新聞網</title>"
        "<meta property='og:title' content='公視新聞網'/>"
        "<meta property='og:description' content='{description}'/></head><body><table>"
        "<tr><td>{shown}</td></tr><tr><td>"
        + "台中市衛生局今天突擊檢查傳統市場，抽驗年節食品，提醒民眾選購時注意標示與保存期限。" * 4
        + "</td></tr></table></body></html>"
    )
    found = dict(clean_text(page.format(description=headline, shown=headline)).metadata)
    assert found["title"] == headline
    assert found["extra.description"] == headline
    summary = "台中市衛生局今天突擊檢查傳統市場。"
    assert dict(clean_text(page.format(description=summary, shown=summary)).metadata)[
        "title"
    ] == "公視新聞網"
    assert dict(clean_text(page.format(description=headline, shown="")).metadata)[
        "title"
    ] == "公視新聞網"


def test_a_declared_title_is_written_with_the_marks_its_headline_shows() -> None:
    """Korean sites write each quote of a headline as a double prime in their attributes
    (``og:title`` ``…실사단 ″K팝스타 된 기분″``, a 2023 page of MBN), where a straight quote
    would end the value; the page's ``h1`` shows the quotes. The title is written as shown,
    its spaces plain; a headline that differs only in letter case leaves the title as
    declared."""
    declared = "사직구장 같은 화끈한 응원…부산 찾은 엑스포 실사단 ″K팝스타 된 기분″"
    shown = '사직구장 같은 화끈한 응원…부산 찾은 엑스포 실사단 "K팝스타 된\u00a0기분"'
    assert choose_title(declared, [shown], [], [])[0] == shown.replace("\u00a0", " ")
    title = "Meta-Programming In Emacs Using Defadvice"
    assert choose_title(title, ["Meta-Programming In Emacs Using defadvice"], [], [])[0] == title


def test_a_declared_headline_cut_at_a_length_limit_gives_way_to_the_h1_that_goes_on() -> None:
    """JSON-LD's ``headline`` is cut at 110 characters, without an ellipsis (a France
    Télévisions page): the ``h1`` that goes on from where it stops is the title, not the
    part before its first colon that a menu also shows (``"Golf"``). An ``h1`` that runs a
    subtitle on after the title (a capital where the title stops) is not."""
    headline = (
        'Golf : "Je veux juste apprécier le temps que je passe ici", assure, sans pression, '
        "Tiger Woods avant le Masters d'Augusta"
    )
    assert choose_title(headline[:110], [headline], ["Golf", "Tennis"], [])[0] == headline
    title = "Dezuka Suisan: Deep-Fried Fish Cakes, Hot and Fresh"
    subtitled = f"{title} Welcome to the Flavor Capital of Northern Japan"
    assert choose_title(title, [subtitled], [], [])[0] == title


def test_a_page_title_cut_short_before_its_site_name_gives_way_to_the_h1_that_goes_on() -> None:
    """A ``<title>`` that shortens the headline and adds the site's name (National Post:
    ``"India fires missiles into Pakistani-controlled territory | National Post"``, the
    ``h1`` going on ``", killing at least 26"``) gives the ``h1``; a short title that a
    longer ``h1`` begins (a kicker) stays as the part before the site's name."""
    h1 = "India fires missiles into Pakistani-controlled territory, killing at least 26"
    declared = "India fires missiles into Pakistani-controlled territory | National Post"
    assert choose_title(declared, [h1], [], ["National Post"]) == (h1, "h1")
    assert choose_title("Golf | France Info", ["Golf, le Masters"], [], ["France Info"]) == (
        "Golf",
        None,
    )


def test_an_h1_without_the_colon_that_only_screen_readers_read_keeps_the_declared_title() -> None:
    """A kicker and a headline that the ``h1`` sets apart, the colon between them for
    screen readers alone (ZEIT ONLINE): the declared title keeps its colon, and the ``h1``
    reads as two words where the kicker ends, not one."""
    kicker, headline = '"Rat Saw God" von Wednesday', "Pommes ohne Gabel, Fanta mit Beigeschmack"
    body = "<p>" + "Das Album klingt nach Sommer und nach Staub, sagt die Band. " * 6 + "</p>"
    page = (
        f"<html><head><meta property='og:title' content='{kicker}: {headline}'></head><body>"
        f"<article><h1><span class='kicker'>{kicker}</span><span class='visually-hidden'>: "
        f"</span><span>{headline}</span></h1>{body}</article></body></html>"
    )
    assert dict(clean_text(page).metadata)["title"] == f"{kicker}: {headline}"
    blocks = read_page(page).blocks.values()
    assert [b.text for b in blocks if "h1" in b.roles] == [f"{kicker} {headline}"]


def test_a_declared_title_with_an_ellipsis_the_h1_does_not_show_is_written_as_shown() -> None:
    """``"… do couple have?..."`` in JSON-LD, ``"… do couple have?"`` in the ``h1``."""
    headline = "Who is Man City star Phil Foden's girlfriend and how many children do couple have?"
    assert choose_title(headline + "...", [headline], [], [])[0] == headline


def test_a_quotation_in_guillemets_is_no_separator_of_the_title() -> None:
    """Swiss and French headlines quote with guillemets (SRF: ``"Iranischer Angriff auf
    Israel: «Die israelische Zurückhaltung hat viel mit den USA zu tun»"``): the quotation
    keeps its opening mark, where ``«`` and ``»`` between spaces still part a breadcrumb."""
    quote = "«Die israelische Zurückhaltung hat viel mit den USA zu tun»"
    h1 = f"Eskalation im Nahen Osten {quote}"
    title, _ = choose_title(f"Iranischer Angriff auf Israel: {quote}", [h1], [], ["SRF"])
    assert title is not None and title.endswith(quote)
    assert title_parts("News » World » Talks in Geneva") == ["News", "World", "Talks in Geneva"]


def test_soft_hyphens_in_a_headline_do_not_stay_in_the_title() -> None:
    """LTO breaks its headline's long words with soft hyphens (U+00AD), which show only at
    a line's end: the title holds the words whole."""
    h1 = "<h1>Palästinenser legt Ver\u00adfas\u00adsungs\u00adbe\u00adschwerde ein</h1>"
    assert _meta("<title>LTO</title>", h1)["title"] == "Palästinenser legt Verfassungsbeschwerde ein"


@pytest.mark.parametrize(
    ("title", "shown", "expected"),
    [
        # a Korean board's title: the post's, then the board's and the site's names
        ("북한 국경 단속 강화 > 자유게시판 | 탈북민 커뮤니티", "북한 국경 단속 강화", "북한 국경 단속 강화"),
        # a headline that goes on past a line the page shows, in Korean and in English
        ("북한 국경 단속 강화 조치 발표", "북한 국경 단속 강화", "북한 국경 단속 강화 조치 발표"),
        ("Talks resume: Seoul agrees", "Talks resume", "Talks resume: Seoul agrees"),
    ],
)
def test_a_boards_and_sites_names_after_a_shown_headline_leave_the_title(
    title: str, shown: str, expected: str
) -> None:
    """The names of a Korean board and site after the headline that the page shows, each
    after a mark, are cut from the title; a title that goes on in words is kept whole."""
    assert choose_title(title, [], [shown], [])[0] == expected



@pytest.mark.parametrize(
    ("key", "title"),
    [
        ("www.bcc.com.tw-b135ef130c1b", "大掃除 清潔劑千萬別混用 以免產生毒氣"),
        ("www.bcc.com.tw-1adf7f2fd9d2", "春節就醫急診無休 門診初五恢復常態"),
    ],
)
def test_a_title_that_names_the_site_gives_way_to_the_breadcrumbs_last_step(
    key: str, title: str
) -> None:
    """BCC's news pages (2012, DAniEL corpus) have the site's name alone as their
    ``<title>`` (``"中國廣播公司全球資訊網"``) and no ``h1``; the breadcrumb trail over the story
    (``"首頁 › 新聞總覽 › …"``, its marks pictures) ends with the headline, which the page
    also shows as a line of its own: that is the title, not the site's name."""
    from benchmarks.article_benchmark import load_daniel_pages

    from nkcorpus.cleaning.decode import decode

    data = next(d for k, d, _gold in load_daniel_pages() if k == key)
    assert dict(clean_text(decode(data).text).metadata)["title"] == title
