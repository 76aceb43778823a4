"""Korean and Chinese news pages as scrapers write them: what nkcorpus reads from them.

The pages are the tuning half of ``benchmarks/data/ko-zh-news`` (news sites of 2023, each
page with the record a crawler's parser for its site made of it), written by html2text
(markdown) and inscriptis (plain text) as that set stores them.
"""

from __future__ import annotations

import datetime
import gzip
import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nkcorpus.cleaning.bylines import read_byline
from nkcorpus.cleaning.cleaner import clean_text
from nkcorpus.cleaning.scrapes import linked_date, read_scrape, stamped_heading


def _records() -> dict[str, dict[str, Any]]:
    from benchmarks.article_benchmark import KO_ZH_NEWS

    with gzip.open(KO_ZH_NEWS / "ground-truth.json.gz", "rt", encoding="utf-8") as file:
        records: dict[str, dict[str, Any]] = json.load(file)
    return records


def _right(field: str, got: Any, want: Any) -> bool:
    """Whether ``got`` is the record's ``want``, as the page benchmark scores it (white
    space as one space; a day in a zone as the day some clock showed)."""
    from benchmarks.bench_pages import record_right

    return record_right(field, got, want)


def _scrape(scraper: str, key: str) -> str:
    from benchmarks.article_benchmark import KO_ZH_NEWS

    path = KO_ZH_NEWS / "scrapes" / f"{scraper}.json.gz"
    with gzip.open(path, "rt", encoding="utf-8") as file:
        scrape: str = json.load(file)[key]
    return scrape


def test_the_pages_looked_at_are_the_tuning_half() -> None:
    records = _records()
    for key in ("kbs-01", "kbs-02", "kbs-03", "orientaldaily-01", "mbc-05"):
        assert records[key]["split"] == "tuning"


@pytest.mark.parametrize("key", ["kbs-01", "kbs-02", "kbs-03"])
def test_a_broadcasters_story_one_sentence_a_paragraph_is_read_as_its_article(key: str) -> None:
    """KBS writes a story as its anchor and reporter speak it, a sentence a paragraph: read
    by English lengths, jusText finds no paragraph long enough to be the article, and the
    headline (a level-five heading under the site's logo and a screen reader's landmark,
    ``## 기사 본문 영역``) and its stamp were never found."""
    raw = _scrape("html2text", key)
    record = _records()[key]
    cleaned = clean_text(raw)
    found = dict(cleaned.metadata)
    assert found.get("title") == record["title"]
    assert str(found.get("published"))[:16] == record["published"][:16]
    assert read_scrape(raw, cleaned.text).prose is not None
    assert "기사 본문 영역" not in str(found.get("title"))


def test_the_heading_over_the_stamp_is_found_among_headings_of_every_level() -> None:
    raw = _scrape("html2text", "kbs-01")
    span = stamped_heading(raw)
    assert span is not None
    assert raw[span.start : span.end] == "##### ‘배후’ 자산가 구속?…납치 살해사건 수사 속보"
    # nothing before the heading's own line: the page's other headings have no stamp
    assert stamped_heading(raw, 0, span.start) is None


@pytest.mark.parametrize("scraper", ["html2text", "inscriptis"])
@pytest.mark.parametrize("key", ["orientaldaily-01", "orientaldaily-02", "orientaldaily-03"])
def test_a_link_to_the_article_with_a_date_in_figures_dates_it(scraper: str, key: str) -> None:
    """Oriental Daily's pages show no date near the headline, but end with the story's own
    address (``本文連結 : https://orientaldaily.on.cc/content/要聞港聞/odn-20230329-…/北都擬開
    編外位--議員質疑疊床架屋``): its path holds the day in figures after a code, and the
    headline's words after it. The markdown writes it as a link, the plain text as is."""
    record = _records()[key]
    found = dict(clean_text(_scrape(scraper, key)).metadata)
    assert found.get("published") == record["published"]


@given(
    st.dates(min_value=datetime.date(1995, 1, 1), max_value=datetime.date.today()),
    st.sampled_from(["", "odn-", "news_", "a-"]),
)
def test_a_day_in_figures_in_an_articles_address_is_read(day: datetime.date, code: str) -> None:
    text = (
        "North Koreans sent back from China\n\nSee "
        f"https://example.org/content/{code}{day:%Y%m%d}-0329_001/north-koreans-sent-back\n"
    )
    assert linked_date(text, "North Koreans sent back from China") == day.isoformat()


def test_an_address_with_no_such_day_or_a_day_to_come_gives_none() -> None:
    title = "North Koreans sent back from China"
    for path in ("20231399", f"{datetime.date.today().year + 1}0101"):
        text = f"https://example.org/{path}-1/north-koreans-sent-back-from-china\n"
        assert linked_date(text, title) is None


@pytest.mark.parametrize(
    "line",
    [
        "기자 정보",  # KBS: "the reporter's details", the label over the reporter's box
        "취재플러스",  # MBC: a section's name ("coverage plus"), one word
    ],
)
def test_a_label_or_a_sections_name_is_no_korean_writer(line: str) -> None:
    found = read_byline(line)
    assert found is None or not found.authors


@pytest.mark.parametrize(
    ("line", "writer"),
    [("취재 홍길동", "홍길동"), ("글=홍길동", "홍길동"), ("기자 홍길동", "홍길동")],
)
def test_a_labelled_korean_writer_is_still_read(line: str, writer: str) -> None:
    found = read_byline(line)
    assert found is not None
    assert found.authors == (writer,)


@pytest.mark.parametrize(("scraper", "key"), [("html2text", "kbs-03"), ("html2text", "mbc-05")])
def test_a_pages_labels_are_not_read_as_its_writers(scraper: str, key: str) -> None:
    authors = dict(clean_text(_scrape(scraper, key)).metadata).get("authors") or ()
    assert "정보" not in authors
    assert "플러스" not in authors


@pytest.mark.parametrize("key", ["stheadline-01", "stheadline-02", "stheadline-03"])
def test_a_line_of_linked_sites_after_its_label_is_no_title(key: str) -> None:
    """Sing Tao's pages, flattened, print ``相關連結 星島頭條網 頭條日報 新聞搜尋 東周網 The
    Standard 星島海外地產`` (related links, then the group's sites) over the day's date in
    the page's header: no title, and no headline over a stamp."""
    record = _records()[key]
    found = dict(clean_text(_scrape("inscriptis", key)).metadata)
    assert _right("title", found.get("title"), record["title"])


def test_a_kicker_before_the_headline_stays_with_it() -> None:
    """``巴西總統盧拉訪華｜專家稱開啟中巴關係新時刻 …``: a short part before the bar is the
    headline's kicker, not a site's name, where nothing names the site."""
    record = _records()["stheadline-06"]
    found = dict(clean_text(_scrape("inscriptis", "stheadline-06")).metadata)
    assert _right("title", found.get("title"), record["title"])
    assert "｜" in record["title"]


@pytest.mark.parametrize("key", ["am730-01", "am730-02", "am730-03", "am730-04"])
def test_a_headline_under_its_date_is_found(key: str) -> None:
    """am730 prints the section, then the date and time, then the headline over a photo's
    caption and the article: no headline stands over the stamp, the one under it is the
    article's (not the promotion the page's menu printed first, ``傑出上市公司大獎``)."""
    record = _records()[key]
    found = dict(clean_text(_scrape("inscriptis", key)).metadata)
    assert _right("title", found.get("title"), record["title"])


def test_a_writers_photo_before_the_name_marks_the_writer() -> None:
    """MBC prints the reporter's photo (``![기자이미지](…)``, "reporter's image") and the
    name on one line over the headline; on its entertainment pages the same photo stands
    before the desk's name (``iMBC 연예``), which is no writer."""
    record = _records()["mbc-05"]
    found = dict(clean_text(_scrape("html2text", "mbc-05")).metadata)
    assert list(found.get("authors") or ()) == record["authors"]
    desk = dict(clean_text(_scrape("html2text", "mbc-01")).metadata)
    assert not any("iMBC" in name for name in desk.get("authors") or ())


@pytest.mark.parametrize("key", ["tvb-01", "tvb-02", "tvb-03"])
def test_the_last_step_of_a_trail_of_headings_is_the_title(key: str) -> None:
    """TVB's pages draw their article with scripts: the scrape keeps the breadcrumb trail,
    written as level-five headings, each a link but the last, the story's headline
    (``##### [無綫新聞](/tc)``, ``##### [港澳](/tc/local)``, ``##### 政府研允建造業輸入外勞 …``)."""
    record = _records()[key]
    found = dict(clean_text(_scrape("html2text", key)).metadata)
    assert _right("title", found.get("title"), record["title"])


def test_a_row_of_linked_headings_alone_gives_no_title() -> None:
    page = "##### [News](/n)\n\n##### [Asia](/n/a)\n\n##### [Sport](/n/s)\n\n" + "Text.\n" * 3
    assert dict(clean_text(page).metadata).get("title") is None


@pytest.mark.parametrize("key", ["tvb-01", "tvb-03"])
def test_a_scrape_of_a_page_that_its_scripts_draw_has_its_headline_for_title(key: str) -> None:
    """TVB's news pages draw their story with scripts: scraped without them, the page
    shows its menus, its section, the headline and its footer, no paragraph. The headline
    is the title; the site's and the section's names and the app's call are not."""
    title = dict(clean_text(_scrape("inscriptis", key)).metadata).get("title")
    assert _right("title", title, _records()[key]["title"])


def test_a_scrape_with_an_article_takes_no_headline_from_its_menus() -> None:
    """Where a scrape shows a paragraph of prose, the line taken for its headline is not
    the first line of a headline's size among its menus: no title is better than one
    that a menu gives."""
    from nkcorpus.cleaning.scrapes import headline_alone

    # the first paragraph of HKET's page (hket-01, as inscriptis writes it)
    prose = next(
        line.strip() for line in _scrape("inscriptis", "hket-01").splitlines() if "宣昌能" in line
    )
    page = _scrape("inscriptis", "tvb-01")
    assert headline_alone(page) == _records()["tvb-01"]["title"]
    headline = page.index(_records()["tvb-01"]["title"])
    with_prose = page[:headline] + prose + "\n\n" + page[headline:]
    assert headline_alone(with_prose) is None


@pytest.mark.parametrize("scraper", ["html2text", "inscriptis"])
def test_a_reporter_listed_in_the_box_of_the_reporters_details_is_the_writer(
    scraper: str,
) -> None:
    """KBS closes a story with a box of its reporter's details (``기자 정보``), a list whose
    item is the name, the title and the address: inscriptis writes it as a list's item
    (``* 이동환 기자 leedong@kbs.co.kr``), whose marker kept the signature from being read."""
    record = _records()["kbs-03"]
    found = dict(clean_text(_scrape(scraper, "kbs-03")).metadata)
    assert list(found.get("authors") or ()) == record["authors"] == ["이동환"]


@pytest.mark.parametrize("scraper", ["html2text", "inscriptis"])
def test_a_headline_over_its_standfirst_tags_and_show_is_found_over_the_stamp(
    scraper: str,
) -> None:
    """HKET's video page: the headline, then its standfirst (too long for a headline), a
    line of tags and the show's name, then the date. None of the lines near the stamp may
    be the headline, and the headline further up was not looked for: the title was a
    menu's line and the date an older video's."""
    record = _records()["hket-03"]
    found = dict(clean_text(_scrape(scraper, "hket-03")).metadata)
    assert _right("title", found.get("title"), record["title"])
    assert _right("published", found.get("published"), record["published"])


@pytest.mark.parametrize("scraper", ["html2text", "inscriptis"])
def test_a_broadcasters_sign_off_is_no_stamp_with_a_headline_over_it(scraper: str) -> None:
    """KBS's story of 2023 ends with its reporter's sign-off (``KBS 뉴스 김수연입니다.``),
    which reads as a byline: taken for the article's stamp, the quote over it was read as
    the headline. A sign-off closes the story; the headline is the one over the story's
    stamp, and the sign-off still names the writer."""
    record = _records()["kbs-02"]
    found = dict(clean_text(_scrape(scraper, "kbs-02")).metadata)
    assert _right("title", found.get("title"), record["title"])
    assert list(found.get("authors") or ()) == record["authors"] == ["김수연"]
