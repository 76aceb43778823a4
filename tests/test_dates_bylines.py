"""Dates and bylines read from real lines of Korean, Chinese and English pages.

The table (``tests/cases/datelines/README.md``) holds 118 real lines with their
answers; a quarter of it is held out and was never used to write the rules.
dateparser, the library a user would reach for first, reads the same date lines
in the same run for comparison.
"""

from __future__ import annotations

import csv
import datetime as dt
import warnings
from pathlib import Path

import pytest

import nkcorpus
from nkcorpus.cleaning.bylines import read_byline, read_wire_credits, writer_field
from nkcorpus.cleaning.cleaner import clean_text
from nkcorpus.cleaning.dates import find_date
from nkcorpus.cleaning.metadata import byline, dateline, inline_byline, labeled_field, signature

TABLE = Path(__file__).parent / "cases" / "datelines" / "table.tsv"


def _rows(split: str | None = None) -> list[dict[str, str]]:
    with TABLE.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [row for row in rows if split is None or row["split"] == split]


def _answer(row: dict[str, str]) -> str | None:
    line, kind = row["line"].replace("\\t", "\t"), row["kind"]
    if kind == "date":
        return find_date(line)
    if kind == "inline":
        inline = inline_byline(line)
        return None if inline is None else "|".join(inline.authors)
    found = read_byline(line)
    if found is None:
        return None
    names = {"photo": found.photographers, "translator": found.translators}.get(kind, found.authors)
    return "|".join(names)


def _score(split: str) -> tuple[int, int, list[str]]:
    rows = _rows(split)
    wrong = [f"{r['line']!r}: {_answer(r)!r}" for r in rows if _answer(r) != r["expected"]]
    return len(rows) - len(wrong), len(rows), wrong


def test_the_table_is_large_enough_and_covers_the_languages() -> None:
    """At least 80 real lines, in Korean, both Chinese scripts and English, dates and names."""
    rows = _rows()
    assert len(rows) >= 80
    assert {r["language"] for r in rows} == {"ko", "zh-Hans", "zh-Hant", "en"}
    assert {r["kind"] for r in rows} >= {"date", "byline", "inline", "photo", "translator"}
    assert sum(r["split"] == "heldout" for r in rows) >= 20


@pytest.mark.parametrize("split", ["dev", "heldout"])
def test_dates_and_bylines_are_read_right_95_percent_of_the_time(split: str) -> None:
    """On the lines used to write the rules and on the held-out ones, 95% or more are right."""
    right, total, wrong = _score(split)
    print(f"{split}: {right}/{total} right; wrong: {wrong}")
    assert right >= 0.95 * total


def _dateparser(line: str, language: str) -> dt.datetime | None:
    from dateparser.search import search_dates

    languages = {"ko": ["ko", "en"], "zh-Hans": ["zh", "en"], "zh-Hant": ["zh", "en"]}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        found = search_dates(line, languages=languages.get(language, ["en"]))
    return found[0][1] if found else None


def _agrees(expected: str, found: dt.datetime | None) -> bool:
    """Same day; same hour and minute when a time is expected; same offset when one is."""
    if found is None:
        return False
    want = dt.datetime.fromisoformat(expected)
    if found.date() != want.date():
        return False
    if "T" in expected and (found.hour, found.minute) != (want.hour, want.minute):
        return False
    return want.tzinfo is None or found.utcoffset() == want.utcoffset()


@pytest.mark.timeout(120)
def test_dates_are_read_at_least_as_well_as_dateparser_reads_them() -> None:
    """On the same real date lines, nkcorpus is right at least as often as dateparser."""
    rows = [r for r in _rows() if r["kind"] == "date"]
    ours = sum(find_date(r["line"]) == r["expected"] for r in rows)
    theirs = sum(_agrees(r["expected"], _dateparser(r["line"], r["language"])) for r in rows)
    print(f"date lines: nkcorpus {ours}/{len(rows)}, dateparser {theirs}/{len(rows)}")
    assert ours >= theirs


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Sat, 17 Aug 2024 20:30:00 +0000", "2024-08-17T20:30:00+00:00"),
        ("Written: 2023-11-07", "2023-11-07"),
        ("Posted March. 14, 2012 07:41", "2012-03-14T07:41"),
        ("입력 2023.04.07 10:11", "2023-04-07T10:11"),
        ("수정 2023-04-07", "2023-04-07"),
        ("2023년 11월 7일 오후 3:20", "2023-11-07T15:20"),
        ("입력 2023.04.07 10:11 KST", "2023-04-07T10:11+09:00"),
        ("發佈時間：2023-04-07 15:30", "2023-04-07T15:30"),
        ("2018年9月20日", "2018-09-20"),
        ("【大紀元2018年09月20日訊】", "2018-09-20"),
        # the Republic of China's era, as Taiwan's government writes its dates
        ("發布日期：中華民國113年1月5日", "2024-01-05"),
        ("民國113年01月05日 14:30", "2024-01-05T14:30"),
        ("更新時間：2023-04-07 15:30 HKT", "2023-04-07T15:30+08:00"),
        # the time and the weekday before the date (SFGATE, 2019)
        ("Updated 3:27 am PST, Wednesday, November 20, 2019", "2019-11-20T03:27-08:00"),
        # a dash between the date and its time (Al Bawaba, 2019)
        ("Published November 20th, 2019 - 07:50 GMT", "2019-11-20T07:50+00:00"),
        ("Nov 18, 2019 | 4:07 PM", "2019-11-18T16:07"),
    ],
)
def test_datelines_are_recognised_and_read(line: str, expected: str) -> None:
    """A line holding only a label, a date and a time is a dateline, read with its zone."""
    assert dateline(line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # stamps with a year of two digits as US pages write them (The Hill, The Republic,
        # Gizmodo, 2019)
        ("By Justine Coleman -11/18/19 11:04 PM EST", "2019-11-18T23:04-05:00"),
        ("11/20/19 6:38 AM", "2019-11-20T06:38"),
        ("Adam Clark Estes 11/13/19 11:00AM", "2019-11-13T11:00"),
        ("18/11/19", "2019-11-18"),  # the day first: it is past 12
        ("04/11/19", None),  # either could be the month
        ("Open 24/7/365", None),  # no year of two digits: a third number follows
        ("/news/11/18/19/story.html", None),  # a path's numbers
    ],
)
def test_a_year_of_two_digits_is_read_where_the_order_is_plain(
    line: str, expected: str | None
) -> None:
    """``11/18/19`` is November 18, 2019: read where the day is past 12, as for four-digit
    years, and only between slashes that nothing but the date's numbers stand around."""
    assert find_date(line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # US software's stamp of a moment (ASP.NET's default, a Chinese site of 2005)
        ("发布日期： 7/5/2005 9:23:57 PM", "2005-07-05T21:23:57"),
        ("Posted 12/3/2019 10:01 a.m.", "2019-12-03T10:01"),
        ("7/05/2005 9:23 PM", None),  # a month of two digits: a day-first convention's
        ("07/05/2005 9:23 PM", None),
        ("7/5/2005 21:23", None),  # a clock of 24 hours says nothing of the order
        ("7/5/2005", None),
        ("2/30/2005 9:23 PM", None),  # no such day
    ],
)
def test_a_us_stamp_is_read_month_first(line: str, expected: str | None) -> None:
    """Month and day without leading zeros, then a clock of 12 hours, is how US software
    writes a moment: read month first even where both numbers could be a month."""
    assert find_date(line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("longshot · 03/03/2026 19:44", "2026-03-03T19:44"),  # a forum's post of 2026
        ("12.12.2020", "2020-12-12"),
        ("1/01/2021", "2021-01-01"),
        ("03/04/2026", None),  # either could be the month
        ("03/04/2026, 05/05/2026", "2026-05-05"),  # the first date whose order is plain
    ],
)
def test_a_date_whose_day_is_its_month_is_read_in_either_order(
    line: str, expected: str | None
) -> None:
    """Where both numbers could be the month but are the same, either order gives the
    same date: it is read."""
    assert find_date(line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # 9to5Mac's stamp: US Pacific time, standard in November and daylight in July
        ("- Nov. 18th 2019 8:54 am PT", "2019-11-18T08:54-08:00"),
        ("July 4, 2019 8:54 am PT", "2019-07-04T08:54-07:00"),
        ("March 3, 2020 at 9:05 a.m. CT", "2020-03-03T09:05-06:00"),
        ("Oct. 1, 2020 12:00 PM MT", "2020-10-01T12:00-06:00"),
    ],
)
def test_a_us_zone_without_standard_or_daylight_follows_the_dates_rules(
    line: str, expected: str
) -> None:
    """``PT``, ``CT``, ``MT`` (as ``ET``) name a US zone without saying whether daylight
    time was on: the date's US daylight-saving rules say so."""
    assert find_date(line) == expected


def test_relative_dates_need_an_anchor() -> None:
    """"3시간 전" has no date of its own: it is read only against the moment of fetching."""
    anchor = dt.datetime(2023, 4, 7, 15, 0)
    assert find_date("3시간 전") is None
    assert find_date("3시간 전", anchor=anchor) == "2023-04-07T12:00"
    assert find_date("昨天", anchor=anchor) == "2023-04-06"
    assert find_date("2 days ago", anchor=anchor) == "2023-04-05"


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("순천=조홍복 기자", ("조홍복",)),
        ("안준현 기자, 장윤 기자", ("안준현", "장윤")),
        ("워싱턴=김진명 특파원 kim@chosun.com", ("김진명",)),
        ("홍길동 객원기자", ("홍길동",)),
        ("（記者陳麗婷／台北報導）", ("陳麗婷",)),
        ("记者 张三 李四", ("张三", "李四")),
        # "this paper's reporter", in a print edition's brackets and after a words credit
        ("【聯合報╱本報記者林宸誼／台北報導】", ("林宸誼",)),
        ("【本報記者林宸誼／台北報導】", ("林宸誼",)),
        ("文/本报记者 张三", ("张三",)),
        ("文丨张三", ("张三",)),  # a stroke for a bar, as portals write it
        ("글·사진=홍길동 기자", ("홍길동",)),
        ("▶홍길동 기자", ("홍길동",)),
        # a broadcaster's closing line
        ("以上是自由亚洲电台记者石山的报道。", ("石山",)),
        ("美国之音记者张三在首尔的报道", ("张三",)),
        ("VOA 뉴스 김영교입니다.", ("김영교",)),
        ("워싱턴에서 자유아시아방송 홍알벗입니다", ("홍알벗",)),
        # Korean broadcasters' sign-offs and closing lines as their sites print them (2023)
        ("YTN 홍길동[hong@ytn.co.kr]입니다.", ("홍길동",)),
        ("YTN 홍길동 (hong@ytn.co.kr)", ("홍길동",)),
        ("연합뉴스TV 신새롬입니다. (romi@yna.co.kr)", ("신새롬",)),
        ("연합뉴스 이준삼입니다.", ("이준삼",)),
        ("TV조선 홍길동입니다.", ("홍길동",)),
        ("G1뉴스 홍길동입니다.", ("홍길동",)),
        ("방주희 PD (nanjuhee@yna.co.kr)", ("방주희",)),
        # a crew's credits name no writer
        ("촬영기자:김철수/영상편집:이영희", ()),
        ("(영상취재 : 김철수, 영상편집 : 이영희)", ()),
        ("By Kim Tong-hyung and Hyung-jin Kim", ("Kim Tong-hyung", "Hyung-jin Kim")),
        ("Reporter Lee Min-ji", ("Lee Min-ji",)),
        # a byline written as a sentence, its full stop no part of the name (City Limits,
        # 2023); an initial's and a suffix's stay
        ("By Tatyana Turner.", ("Tatyana Turner",)),
        ("By Jane Doe and John Smith Jr.", ("Jane Doe", "John Smith Jr.")),
        # credits as Chinese portals printed them in 2012 (DAniEL corpus): a two-character
        # name set as wide as three after the label (ifeng)
        ("2012年01月17日 06:33 来源：证券日报 作者：马 燕", ("马燕",)),
        # the portal's link to the paper's microblog after its name (Sina)
        ("成都商报(微博)记者 余文龙 实习生 向英子", ("余文龙", "向英子")),
        # "采写" (reported and written by) before the paper's reporter (ChinaByte)
        ("采写：南都记者 方南", ("方南",)),
        # a bullet that sets the credit off (Uho)
        ("◎ 記者林又旻/採訪報導", ("林又旻",)),
    ],
)
def test_bylines_give_their_authors(line: str, authors: tuple[str, ...]) -> None:
    """Korean, Chinese and English bylines, with places, titles and emails, give the names."""
    found = byline(line)
    assert found is not None and found.authors == authors


@pytest.mark.parametrize(
    ("paragraph", "authors"),
    [
        (
            "북한 당국은 이번 조치에 대해 아무런 입장도 밝히지 않았습니다. VOA 뉴스 김영교입니다.",
            ("김영교",),
        ),
        ("他说，当局没有回应。自由亚洲电台记者石山的报道。", ("石山",)),
        # the crew's credits, hashtags, a helpline's note, a request for tips and the end
        # mark after the sign-off, as one paragraph of a Korean broadcaster's page (2023)
        (
            "정부는 다음 주까지 상황을 지켜볼 계획입니다. KBS 뉴스 김수연입니다. "
            "촬영기자:김철수/영상편집:이영희",
            ("김수연",),
        ),
        (
            "방안도 시행하기로 했습니다. 이재동 기자 (trigger@yna.co.kr) #전세사기 #금융위 "
            "※ 우울감 등 말하기 어려운 고민이 있으면 상담전화 1393에 전화하세요. "
            "연합뉴스TV 기사문의 및 제보 : 카톡/라인 jebo23 (끝)",
            ("이재동",),
        ),
        ("그는 이렇게 말했습니다. 저는 홍길동입니다.", None),  # no broadcaster: no sign-off
        ("我们在首尔的报道。", None),
    ],
)
def test_a_broadcasters_sign_off_closes_its_story(
    paragraph: str, authors: tuple[str, ...] | None
) -> None:
    """The sign-off that ends a broadcaster's story on its site names its reporter; a
    sentence that merely ends the same way names no one."""
    from nkcorpus.cleaning.metadata import trailing_byline

    found = trailing_byline(paragraph)
    assert (found.authors if found else None) == authors


@pytest.mark.parametrize(
    ("line", "authors", "outlet"),
    [
        # two Korean writers each with a title, set apart by a middle dot: "기자" is no name
        ("홍길동 기자 · 김철수 기자", ("홍길동", "김철수"), None),
        ("김철수 특파원·홍길동 기자", ("김철수", "홍길동"), None),
        ("<홍길동 기자>", ("홍길동",), None),
        # a label before the name ("reporter's name", "written by"): no outlet
        ("기자명 홍길동 기자", ("홍길동",), None),
        ("작성자 : 홍길동 기자", ("홍길동",), None),
        ("취재기자 홍길동", ("홍길동",), None),
        # a paper's or broadcaster's name, then its reporter's
        ("中國時報 張立勳", ("張立勳",), "中國時報"),
        ("中廣 溫蘭魁", ("溫蘭魁",), "中廣"),
        # the reporter's name, then the paper's reporter's title
        ("张三 新京报记者", ("张三",), "新京报"),
        # a correspondent ("特派員") is a reporter; the title is not part of the name
        ("特派員張三／東京報導", ("張三",), None),
        # an outlet whose name has digits (HK01)
        ("香港01記者 張三", ("張三",), "香港01"),
        # a contributor's title with a colon
        ("记者：张三 通讯员：李四", ("张三", "李四"), None),
    ],
)
def test_more_korean_and_chinese_bylines_give_their_writers(
    line: str, authors: tuple[str, ...], outlet: str | None
) -> None:
    """Korean and Chinese bylines of the shapes news sites print give their writers and the
    outlet, not a title or the outlet's name as a writer."""
    found = read_byline(line)
    assert found is not None and (found.authors, found.outlet) == (authors, outlet)


@pytest.mark.parametrize(
    "line",
    [
        "新华网 正文",
        "人民网 北京",
        "国际新闻 政治要闻",
        "晚报数字报 新民周刊 大学生版 美国版",
        "自由時報 版權所有 不得轉載",
    ],
)
def test_a_portals_breadcrumbs_name_no_writer(line: str) -> None:
    """A portal's breadcrumbs (its name, then the page's section or "正文", the article), or
    a paper's menu of its editions or its notice after its name ("新民周刊", "大学生版";
    "版權所有 不得轉載", all rights reserved: no person's name, which a Chinese surname
    opens), are not a byline of an outlet and its reporter."""
    found = read_byline(line)
    assert found is None or not found.authors


def test_a_reporters_title_is_never_the_outlet() -> None:
    """A byline that starts with the reporter's title names no outlet (not "記者")."""
    found = read_byline("記者林宸誼╱台北報導")
    assert found is not None and found.authors == ("林宸誼",) and found.outlet is None
    paper = read_byline("【聯合報╱記者林宸誼／台北報導】")
    assert paper is not None and paper.outlet == "聯合報"


def test_translators_and_photographers_have_their_own_fields() -> None:
    """A translator or photographer credit never lands among the authors."""
    translated = read_byline("Translated by Bohyun Kim")
    assert translated is not None and translated.translators == ("Bohyun Kim",)
    assert translated.authors == ()
    photo = read_byline("新华社记者 才扬 摄")
    assert photo is not None and photo.photographers == ("才扬",) and photo.authors == ()


def test_a_photographers_name_run_into_its_credit_is_no_writer() -> None:
    """``新华社记者廖宇杰摄`` (a caption's credit, xinmin.cn 2011): 摄, photographed by, run
    into the name, is the photographer's credit, not a writer named 廖宇杰摄."""
    photo = read_byline("新华社记者廖宇杰摄")
    assert photo is not None and photo.photographers == ("廖宇杰",) and photo.authors == ()
    writer = read_byline("新华社记者廖宇杰")
    assert writer is not None and writer.authors == ("廖宇杰",)


@pytest.mark.parametrize(
    "line",
    [
        "作者：  责任编辑：易清",  # an empty writer's field, the desk editor's after it
        "作者：来源：新华社",
        "编辑推荐",  # a box's heading: the editors' picks
    ],
)
def test_a_label_after_an_empty_writers_field_names_no_one(line: str) -> None:
    """An empty writer's field with the next field's label right after it (cnwnews.com,
    2012: ``作者：责任编辑：易清`` gave the writer 责任), and the heading of the editors'
    picks (``编辑推荐``: the writer 推荐), name no writer."""
    field = writer_field(line)
    found = read_byline(field if field is not None else line)
    assert found is None or found.authors == ()


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        # The closing line of a Reuters story in the case corpus (fresh-md-aeb-reuters-oil).
        (
            "Reporting by Rodrigo Campos; additional reporting by Stephanie Kelly, Saqib "
            "Iqbal Ahmed and Gertrude Chavez-Dreyfuss; Editing by Nick Zieminski and Dan Grebler",
            ("Rodrigo Campos",),
        ),
        ("(Reporting by Hyonhee Shin in Seoul; Editing by Ed Davies)", ("Hyonhee Shin",)),
        (
            "(Reporting by Josh Smith in Seoul and David Brunnstrom in Washington; "
            "Writing by Ju-min Park; Editing by Gerry Doyle.)",
            ("Josh Smith", "David Brunnstrom", "Ju-min Park"),
        ),
        ("(Editing by Ed Davies)", None),  # an editor is not a writer
        ("(Additional reporting by Ju-min Park in Tokyo; Editing by Ed Davies)", None),
        ("Reporting by the Seoul bureau; Editing by Ed Davies", None),
        ("Reporting by Josh Smith means going where the story is.", None),
    ],
)
def test_wire_credits_name_their_reporters_and_writers(
    line: str, authors: tuple[str, ...] | None
) -> None:
    """A wire story's closing credits give its reporters and writers, places left out;
    editors and additional reporting are not authors, and only credits as a whole count."""
    found = read_wire_credits(line)
    assert (found.authors if found is not None else None) == authors


@pytest.mark.parametrize(
    "after",
    [
        "Our Standards: The Thomson Reuters Trust Principles.",
        "Japan's coast guard said the missile appeared to have landed outside its waters.",
    ],
)
def test_a_plain_wire_story_gives_its_credits_as_authors(after: str) -> None:
    """The credits line closing a story saved as text becomes its authors and leaves the
    text, whether the page ends after it or goes on with a sentence of its own."""
    story = (
        "North Korea fires missile into sea\n\n"
        "SEOUL (Reuters) - North Korea fired a ballistic missile into the sea off its east "
        "coast on Thursday, South Korea's military said.\n\n"
        "The launch came days after the allies ended their drills, the third this month.\n\n"
        "(Reporting by Hyonhee Shin and Josh Smith; Editing by Ed Davies.)\n\n" + after
    )
    doc = nkcorpus.clean(story)
    assert doc.metadata.authors == ("Hyonhee Shin", "Josh Smith")
    assert "Reporting by" not in doc.text and "third this month." in doc.text
    credits = next(r for r in doc.removed if r.rule == "byline")
    assert story[credits.raw_span.start : credits.raw_span.end].startswith("(Reporting by")


def test_a_sentence_is_not_a_byline() -> None:
    """Body text that mentions a reporter is not read as a byline."""
    assert byline("북한 인권 단체들은 21일 서울에서 기자회견을 열고 중국 정부에 촉구했다.") is None
    assert byline("The reporter said the defectors met in Seoul on Tuesday.") is None
    assert byline("新华社北京1月27日电（记者李忠发、潘洁）中共中央总书记习近平会见代表团。") is None


#: Real headlines and first sentences: the Chosun Ilbo RSS feed, Yonhap leads, a
#: United Daily News list (sources in tests/cases/datelines/README.md).
HEADLINES = [
    "“잠재적 범죄자 취급하냐”…배달원 분노 부른 아파트 ‘헬멧’ 공지",
    "배우 이선균 협박해 3억원 뜯어낸 유흥업소 실장 보석",
    "[단독] ‘한밤중 KT 소액 결제’ 불법 통신 장비 연결 발견, 조직적 해킹 가능성",
    "3년 만에 韓 찾는 빌 게이츠, ‘유 퀴즈’ 나온다",
    "롯데손보 '운명의 날'…경영개선안 조건부 승인으로 고비 넘나",
    "CU, 호주 위스키 'NED' 출시…\"가성비 위스키 확대\"",
    "索尼、鎧俠業績遭波及 已向美申請供貨華為",
    "香港國泰航空傳解雇400員工、700機師 公司拒回應",
    "苦情戲可逆轉選戰 陸媒：川普確診對大陸並非好事",
]
SENTENCES = [
    "한 아파트에서 배달원을 대상으로 ‘헬멧을 벗고 출입하라’는 공지를 붙여 온라인상에서 여러 의견이 오가고 있다.",
    "편의점 CU는 호주산 'NED' 위스키를 국내 최초로 출시하는 등 가성비 위스키 라인업을 확대한다고 6일 밝혔다.",
    "報導指出，截至10月3日，沒有跡象顯示這兩家公司的申請已獲得批准。",
    "이번 주 한국을 방문하는 마이크로소프트(MS) 창업자 빌 게이츠 ‘게이츠 재단’ 이사장이 한국 예능 프로그램에 출연한다. 그의 방한은 2022년 이후 3년 만이다.",
]


@pytest.mark.parametrize("line", HEADLINES)
def test_headlines_without_english_punctuation_are_headlines(line: str) -> None:
    """Korean and Chinese headlines (ellipses, quotes, commas inside, no final period) read as headlines."""
    from nkcorpus.cleaning.metadata import headline_like

    assert headline_like(line)


@pytest.mark.parametrize("line", SENTENCES)
def test_sentences_are_not_headlines(line: str) -> None:
    """A sentence of running text, with its final period or full stop, is not a headline."""
    from nkcorpus.cleaning.metadata import headline_like

    assert not headline_like(line)


@pytest.mark.parametrize(
    "line", ["E-mail: info@ascom.com", "E-Mail: stats@catchitkansas.com", "Contact： desk@x.kr"]
)
def test_a_fields_label_before_an_address_names_no_one(line: str) -> None:
    """A contact line's label (``E-mail:``) is no writer's name: the address is kept, and
    no author named ``E`` comes of it."""
    found = signature(line)
    assert found is not None and found.authors == ()
    assert found.emails == (line.split()[-1],)


@pytest.mark.parametrize(
    ("line", "names"),
    [
        # inscriptis glues the next field's label to the names (Practical Horseman, 2018)
        ("Author:Practical Horseman Editorial StaffPublish date:Oct 4, 2018",
         ("Practical Horseman Editorial Staff",)),
        ("Author: Jo Lee Updated: Nov 3, 2019", ("Jo Lee",)),
        ("Author: McDonald Smith", ("McDonald Smith",)),
    ],
)  # fmt: skip
def test_a_labeled_writers_field_ends_where_the_next_field_starts(
    line: str, names: tuple[str, ...]
) -> None:
    """The names of an ``Author:`` field end at the next field's label, glued on or not;
    no date's number is taken for a name."""
    assert labeled_field(line) == ("authors", names)


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Written by Rachael Link, MS, RD on November 14, 2019", ("Rachael Link",)),
        ("By Jane Doe, MD, and John Roe, RN", ("Jane Doe", "John Roe")),
        ("By Ilana Muhlstein, MS, RDN", ("Ilana Muhlstein",)),
        ("By Martin Luther King, Jr.", ("Martin Luther King",)),
    ],
)
def test_degrees_after_a_writers_name_are_no_writers(line: str, names: tuple[str, ...]) -> None:
    """A degree, a licence or a suffix listed after a name (``MS``, ``RD``, ``Jr.``) is not
    read as a writer of its own."""
    found = read_byline(line) or read_byline(line.split(" on ")[0])
    assert found is not None and found.authors == names


def test_a_pages_byline_with_degrees_names_the_writer_alone() -> None:
    """An HTML byline that lists degrees after the name (a health site's) gives the writer
    alone, from the markup's author and from the byline block."""
    page = (
        "<html><head><title>15 Tips</title></head><body><article><h1>15 Tips</h1>"
        '<p class="byline">Written by <a href="/authors/rachael-link">Rachael Link, MS, RD</a>'
        " on November 14, 2019</p>"
        + "<p>Binge eating disorder is the most common eating disorder in the country.</p>" * 8
        + "</article></body></html>"
    )
    assert dict(clean_text(page).metadata)["authors"] == ("Rachael Link",)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # North Korea's state media date by the Juche era, with the common era's year in
        # brackets or without it (Rodong Sinmun, KCNA's Korean and Chinese services)
        ("주체112(2023)년 9월 21일 목요일", "2023-09-21"),
        ("주체112년 9월 21일", "2023-09-21"),
        ("主体112（2023）年9月21日", "2023-09-21"),
        # a weekday in brackets between a date and its time
        ("2023년 09월 21일(목) 14:30", "2023-09-21T14:30"),
        ("2023.09.21(목) 오후 2:30", "2023-09-21T14:30"),
        ("2023年9月21日（四） 14:30", "2023-09-21T14:30"),
        ("2023-09-21T14:30:00+09:00", "2023-09-21T14:30:00+09:00"),
        ("By Mike Wall 2019-11-18T20:51:19Z Science", "2019-11-18T20:51:19+00:00"),
    ],
)
def test_juche_years_and_bracketed_weekdays_are_read(line: str, expected: str) -> None:
    """A Juche-era year is the common era's year less 1911; a weekday in brackets after the
    date leaves its time readable."""
    assert find_date(line) == expected


_KO_PARAGRAPHS = "\n\n".join(
    f"{i}번째 문단: 북한 당국은 이번 조치에 대해 아무런 입장도 밝히지 않았으며, 전문가들은 국경 "
    "지역의 단속이 더욱 강화될 것으로 내다봤다."
    for i in range(5)
)
_ZH_PARAGRAPHS = "\n\n".join(
    f"第{i}段：该系列的前两部作品都取得了不错的票房，并凭借喜剧风格和颇具传播力的台词，"
    "成为了爆款电影，上映不到两周已经突破十五亿元。"
    for i in range(5)
)


@pytest.mark.parametrize(
    ("text", "published", "authors"),
    [
        # the stamp's date first, then the writer, on the line under the headline
        (f"北 국경 단속 강화\n입력 2020.03.04 09:00 | 홍길동 기자\n\n{_KO_PARAGRAPHS}\n",
         "2020-03-04T09:00", ("홍길동",)),
        # a line of fields with the date and the writer's label
        (f"朝鲜加强边境管控\n\n2020年03月04日 10:00 来源：新华网 作者：张三\n\n{_ZH_PARAGRAPHS}\n",
         "2020-03-04T10:00", ("张三",)),
        # an outlet's dateline in brackets and the byline after it, opening the article
        (f"朝鲜加强边境管控\n\n【大纪元2020年03月04日讯】（大纪元记者张三报导）{_ZH_PARAGRAPHS}\n",
         "2020-03-04", ("张三",)),
    ],
)  # fmt: skip
def test_a_plain_text_articles_stamp_gives_its_date_with_its_writer(
    text: str, published: str, authors: tuple[str, ...]
) -> None:
    """A Korean or Chinese article copied as plain text: the line under the headline, or
    the opening of its first paragraph, that names the writer gives its date too."""
    cleaned = clean_text(text)
    meta = dict(cleaned.metadata)
    assert (meta.get("published"), meta.get("authors")) == (published, authors)
    assert cleaned.text.startswith(("0번째 문단", "第0段"))
