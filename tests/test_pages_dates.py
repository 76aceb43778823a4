"""Publication dates of web pages: which of the markup's date and htmldate's day wins, and
the microdata of a question or an article."""

from __future__ import annotations

from typing import Any

import pytest

from nkcorpus.cleaning import htmlmeta
from nkcorpus.cleaning.cleaner import clean_text

_PROSE = "".join(
    f"<p>Paragraph {i}: the committee heard from defectors who crossed the river in winter "
    "and described the camps, the guards and the long walk to the border in detail.</p>"
    for i in range(6)
)


def _page(head: str, body: str = "") -> str:
    return (
        f"<html lang='en'><head><title>Defectors describe the camps</title>{head}</head>"
        f"<body><article><h1>Defectors describe the camps</h1>{body}{_PROSE}</article>"
        "</body></html>"
    )


def _published(raw: str) -> str | None:
    return dict(clean_text(raw).metadata).get("published")


def _ld(published: str, modified: str) -> str:
    return (
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Defectors '
        f'describe the camps", "datePublished": "{published}", "dateModified": "{modified}"}}'
        "</script>"
    )


@pytest.fixture
def htmldate_says(monkeypatch: pytest.MonkeyPatch) -> object:
    """Make htmldate find the day given (both its quick and its extensive search)."""

    def say(day: str | None) -> None:
        monkeypatch.setattr(htmlmeta, "_htmldate", lambda tree, extensive: day)

    return say


def test_htmldate_falling_back_on_the_modified_day_does_not_replace_the_published_one(
    htmldate_says: object,
) -> None:
    """A forum thread published on 5 March and updated on 10 March: htmldate's day, the
    update's, gives way to the article's ``datePublished``."""
    htmldate_says("2024-03-10")  # type: ignore[operator]
    raw = _page(_ld("2024-03-05T07:02:39+00:00", "2024-03-10T09:46:37+00:00"))
    assert _published(raw) == "2024-03-05T07:02:39+00:00"


def test_htmldate_gives_the_local_day_a_day_from_the_markups_utc_time(
    htmldate_says: object,
) -> None:
    """``datePublished`` late on the 19th in UTC, the page's own day the 20th: htmldate's day."""
    htmldate_says("2020-01-20")  # type: ignore[operator]
    raw = _page(_ld("2020-01-19T23:25:36Z", "2020-01-22T09:49:32Z"))
    assert _published(raw) == "2020-01-20"


def test_a_utc_date_is_given_as_the_page_shows_the_same_moment() -> None:
    """``datePublished`` in UTC late on the 18th; the page's ``time`` element shows the same
    moment at UTC+5, on the 19th (a forum of 2025): the page's own writing of it is kept."""
    shown = (
        "<p>beijingwalker</p><p><time datetime='2025-12-19T04:25:38+0500' "
        "title='Dec 19, 2025 at 4:25 AM'>Dec 19, 2025</time></p>"
    )
    raw = _page(_ld("2025-12-18T23:25:38+00:00", "2025-12-19T08:00:00+00:00"), shown)
    assert _published(raw) == "2025-12-19T04:25:38+05:00"
    # another moment shown in the page (a later reply) changes nothing
    later = shown.replace("04:25:38", "20:08:29")
    raw = _page(_ld("2025-12-18T23:25:38+00:00", "2025-12-19T08:00:00+00:00"), later)
    assert _published(raw) == "2025-12-18T23:25:38+00:00"


def test_the_articles_own_date_beats_a_day_htmldate_found_far_from_it(
    htmldate_says: object,
) -> None:
    """htmldate's day years from the article's ``datePublished`` (a related item's, an
    edit's): the article's own date stays."""
    htmldate_says("2017-03-03")  # type: ignore[operator]
    raw = _page(_ld("2024-02-21 13:00:00", "2024-02-22 12:38:44"))
    assert _published(raw) == "2024-02-21T13:00:00"


def test_htmldate_still_replaces_a_plain_meta_date_far_from_its_day(
    htmldate_says: object,
) -> None:
    """A ``meta name=date`` (often the day the page was built) is not the article's own
    date: htmldate's day replaces it."""
    htmldate_says("2016-07-01")  # type: ignore[operator]
    raw = _page('<meta name="date" content="2024-10-08">')
    assert _published(raw) == "2016-07-01"


def test_a_questions_microdata_date_is_the_pages_and_an_answers_is_not(
    htmldate_says: object,
) -> None:
    """``<time itemprop="dateCreated">`` of a ``Question`` item gives the date; the same on
    an ``Answer`` or a ``Comment`` item does not."""
    htmldate_says(None)  # type: ignore[operator]
    question = (
        '<div itemscope itemtype="https://schema.org/Question"><p>asked '
        '<time itemprop="dateCreated" datetime="2014-03-28 11:38:28Z">11 years ago</time></p>'
        "</div>"
    )
    answer = question.replace("Question", "Answer")
    assert _published(_page("", question)) == "2014-03-28T11:38:28+00:00"
    sources = dict(clean_text(_page("", answer)).metadata)["extra.metadata_sources"]
    assert "published=datecreated" not in sources
    comment = question.replace("Question", "Comment").replace("2014", "2017")
    assert _published(_page("", question + comment)) == "2014-03-28T11:38:28+00:00"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-01-05T14:30:00+0900", "2024-01-05T14:30:00+09:00"),
        ("2024.01.05 14:30", "2024-01-05T14:30"),  # dots and a time, as Korean sites write
        ("20240105143000", "2024-01-05T14:30:00"),  # one run of digits (Daum's og:regDate)
        ("19 Nov 2019 07:09 GMT", "2019-11-19T07:09:00+00:00"),  # RFC 2822, as feeds write
        ("Fri, 05 Jan 2024 14:30:00 +0900", "2024-01-05T14:30:00+09:00"),
        ("2019-11-19 07:47 PM", "2019-11-19"),  # more than a time after it: the day alone
        ("2019-11-19T25:00", "2019-11-19"),  # no such hour
        ("November 19, 2019, 07:47 PM EST", None),  # not a markup date: the page's text is read
        ("20241305", None),
    ],
)
def test_markup_dates_as_sites_write_them(value: str, expected: str | None) -> None:
    """A ``meta`` or JSON-LD date in the forms sites use besides ISO 8601 reads with its
    time; what cannot be read whole gives its day, or nothing."""
    assert htmlmeta.iso_date(value) == expected


def test_a_korean_sites_meta_date_dates_the_page() -> None:
    """Daum's ``og:regDate`` (one run of digits) dates the page."""
    head = '<meta property="og:regDate" content="20240105143000">'
    assert _published(_page(head)) == "2024-01-05T14:30:00"


@pytest.mark.parametrize("placeholder", ["0001-01-01T00:00:00Z", "1970-01-01T00:00:00Z"])
def test_a_placeholder_date_in_the_markup_is_no_date(placeholder: str) -> None:
    """``0001-01-01`` (a null date of .NET, as Gannett's pages write it) or the first day
    of Unix time in JSON-LD is no publication date: the time the page shows is."""
    shown = '<p>Published <time datetime="2019-11-19T23:11:00-05:00">Nov. 19, 2019</time></p>'
    published = _published(_page(_ld(placeholder, placeholder), shown))
    assert published is not None and published.startswith("2019-11-19")


def test_a_labeled_date_dates_a_page_without_a_headline() -> None:
    """A real page with no ``h1`` and no date in its markup (a Chinese site of 2005): its
    line of fields, ``发布日期： 7/5/2005 9:23:57 PM``, gives the date, not htmldate's guess
    at the same numbers day first."""
    import gzip
    from pathlib import Path

    from nkcorpus.cleaning.decode import decode

    path = Path(__file__).parent / "cases" / "pages" / "fresh-cwce-05e98007.html.gz"
    raw = decode(gzip.decompress(path.read_bytes())).text
    assert "<h1" not in raw.lower()
    assert _published(raw) == "2005-07-05T21:23:57"


def test_a_date_label_in_the_menus_does_not_date_the_page(htmldate_says: Any) -> None:
    """Without a headline, the first labeled date outside the page's menus, header, footer
    and side columns dates the page; one in a menu does not."""
    htmldate_says("2011-01-01")
    prose = "".join(f"<p>第{i}段：脱北者讲述了他们在边境的经历和在收容所的生活。</p>" for i in range(6))
    body = (
        "<nav><p>更新时间：2001-02-03 08:00</p></nav>"
        "<table><tr><td>作者：王明 发布时间：2004-09-17 05:54</td></tr></table>" + prose
    )
    raw = f"<html><head><title>人权报告</title></head><body>{body}</body></html>"
    assert _published(raw) == "2004-09-17T05:54"
    unlabeled = raw.replace("发布时间：", "")
    assert _published(unlabeled) == "2011-01-01"  # no label: htmldate's day, as before


def test_a_copyright_year_alone_gives_no_publication_day() -> None:
    """A page whose only year is its copyright line's has no publication date: htmldate's
    guess of that year's January 1 is not a day the page names."""
    body = "<p>" + "The committee heard testimony from defectors about the camps. " * 8 + "</p>"
    page = (
        "<html><head><title>The camps</title></head><body><h1>The camps</h1>"
        f"{body}<footer><p>© 2006 Example Daily. All rights reserved.</p></footer></body></html>"
    )
    assert "published" not in dict(clean_text(page).metadata)


def test_a_new_years_day_the_page_shows_is_kept() -> None:
    """January 1 stays where the page shows that day."""
    body = "<p>" + "The committee heard testimony from defectors about the camps. " * 8 + "</p>"
    page = (
        "<html><head><title>The camps</title></head><body><h1>The camps</h1>"
        f"<p>January 1, 2020</p>{body}</body></html>"
    )
    assert dict(clean_text(page).metadata)["published"].startswith("2020-01-01")


def test_the_records_moment_in_the_pages_zone_wins_over_the_day_in_its_address() -> None:
    """The article's JSON-LD names its moment in the page's zone (``16:42-04:00`` on July
    29); its address carries the next day's print edition (``/2016/07/30/``, a 2016 page of
    The New York Times), which htmldate would read. The record's day is the page's."""
    record = (
        '<script type="application/ld+json">{"@context": "https://schema.org", '
        '"@type": "NewsArticle", "headline": "Defectors describe the camps", '
        '"datePublished": "%s"}</script>'
        "<link rel='canonical' href='https://www.example.com/2016/07/30/world/camps.html'>"
    )
    assert _published(_page(record % "2016-07-29T16:42:34-04:00")) == "2016-07-29T16:42:34-04:00"


def test_an_articles_meta_moment_in_the_pages_zone_is_its_day_and_htmldate_is_not_asked(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``article:published_time`` written in the page's zone (a Korean page's ``+09:00``)
    names the page's own day: htmldate, which could only move it by a day, is not asked.
    A ``meta name=date`` (often the day the page was built) still is."""
    asked: list[bool] = []

    def htmldate(tree: object, extensive: bool) -> str:
        asked.append(extensive)
        return "2023-04-08"

    monkeypatch.setattr(htmlmeta, "_htmldate", htmldate)
    moment = "2023-04-07T23:20:00+09:00"
    raw = _page(f'<meta property="article:published_time" content="{moment}">')
    assert _published(raw) == moment
    assert asked == []
    raw = _page(f'<meta name="date" content="{moment}">')
    assert _published(raw) == "2023-04-08"
    assert asked


@pytest.mark.parametrize(
    ("stamp", "published"),
    [
        # the update first, then the first publication: the article's date is the second
        ("업데이트 2020.03.05 10:00 입력 2020.03.04 09:00", "2020-03-04T09:00"),
        ("更新時間：2020/03/05 10:00 發佈時間：2020/03/04 09:00", "2020-03-04T09:00"),
        ("Updated March 5, 2020 Published March 4, 2020", "2020-03-04"),
        # the first publication first, as most pages write it
        ("입력 2020.03.04 09:00 수정 2020.03.05 10:00", "2020-03-04T09:00"),
        # a date in Chinese numerals, as official documents and state papers write it
        ("二〇二〇年三月四日", "2020-03-04"),
    ],
)
def test_a_stamp_of_two_dates_gives_the_first_publication_in_any_order(
    stamp: str, published: str
) -> None:
    """A stamp under the headline that gives an update's date before the first
    publication's dates the article by the publication; a date in Chinese numerals is read."""
    assert _published(_page("", f"<p>{stamp}</p>")) == published
