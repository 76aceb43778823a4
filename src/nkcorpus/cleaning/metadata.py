"""Lines that carry metadata: bylines, datelines, signatures, credits and photo credits.

Each matcher takes one stripped line and returns what it found, or ``None``.
They are used by :mod:`nkcorpus.cleaning.layout`, which decides where on the
page a line must be for the matcher to apply (a byline in the header, a
signature in the footer).

>>> byline("By Yi Whan-woo").authors
('Yi Whan-woo',)
>>> byline("홍길동 기자 hong@yna.co.kr").authors
('홍길동',)
>>> credit("(Free NK, Translated by Bohyun Kim)")
Credit(outlet='Free NK', translator='Bohyun Kim')
"""

from __future__ import annotations

import re

import attrs

from nkcorpus.cleaning.authornames import chinese_name, korean_name
from nkcorpus.cleaning.boilerplate import KO_TIPS
from nkcorpus.cleaning.bylines import (
    EMAIL,
    KO_CREW,
    KO_SIGN_OFF,
    Byline,
    read_byline,
    read_stamped_byline,
)
from nkcorpus.cleaning.dates import DATE, DATE_PATTERN, find_date

__all__ = [
    "CJK_PROSE",
    "CREDIT_CHARS",
    "PHOTO_LIBRARY",
    "Byline",
    "Credit",
    "InlineByline",
    "article_reporters",
    "byline",
    "caption_line",
    "credit",
    "credit_line",
    "credited_caption",
    "dateline",
    "emails",
    "headline_like",
    "indented_byline",
    "inline_byline",
    "labeled_date",
    "labeled_field",
    "outlet_for_domain",
    "outlet_name",
    "photo_credit",
    "signature",
    "stamp_date",
    "trailing_byline",
]

#: An email address.
_EMAIL = re.compile(EMAIL)

#: Known outlets by email or web domain.
DOMAINS = {
    "koreatimes.co.kr": "The Korea Times",
    "donga.com": "The Dong-A Ilbo",
    "joongang.co.kr": "Korea JoongAng Daily",
    "joins.com": "Korea JoongAng Daily",
    "yna.co.kr": "Yonhap",
    "yonhapnews.co.kr": "Yonhap",
    "chosun.com": "The Chosun Ilbo",
    "hani.co.kr": "The Hankyoreh",
    "heraldcorp.com": "The Korea Herald",
    "koreaherald.com": "The Korea Herald",
    "kyunghyang.com": "The Kyunghyang Shinmun",
    "hankookilbo.com": "The Hankook Ilbo",
    "newsis.com": "Newsis",
    "news1.kr": "News1",
    "nknews.org": "NK News",
    "dailynk.com": "Daily NK",
    "rfa.org": "Radio Free Asia",
    "voanews.com": "Voice of America",
    "xinhuanet.com": "Xinhua",
    "news.cn": "Xinhua",
    "chinadaily.com.cn": "China Daily",
    "globaltimes.cn": "Global Times",
    "scmp.com": "South China Morning Post",
    "kcna.kp": "KCNA",
    "hrw.org": "Human Rights Watch",
    "amnesty.org": "Amnesty International",
}

#: Outlet names as pages write them, to one spelling.
_OUTLETS = {
    "yonhap": "Yonhap",
    "yonhap news": "Yonhap",
    "yonhap news agency": "Yonhap",
    "연합뉴스": "Yonhap",
    "afp": "AFP",
    "ap": "AP",
    "reuters": "Reuters",
    "xinhua": "Xinhua",
    "新华社": "Xinhua",
    "新華社": "Xinhua",
    "中新社": "China News Service",
    "kyodo": "Kyodo",
    "newsis": "Newsis",
    "뉴시스": "Newsis",
    "news1": "News1",
    "뉴스1": "News1",
    "epa": "EPA",
    "dpa": "dpa",
    "efe": "EFE",
    "nk news": "NK News",
    "daily nk": "Daily NK",
    "free nk": "Free NK",
}
_AGENCY = (
    r"(?:Yonhap(?:\s+News(?:\s+Agency)?)?|AFP|AP|Reuters|Xinhua|Kyodo|EFE|dpa|EPA|Newsis|News1"
    r"|NK News|Daily NK|연합뉴스|뉴시스|뉴스1|新华社|新華社|中新社)"
)


def outlet_name(name: str) -> str:
    """Return the usual spelling of an outlet's name (``"[YONHAP]"`` gives ``"Yonhap"``)."""
    bare = name.strip(" []()").strip()
    return _OUTLETS.get(bare.lower(), bare)


def outlet_for_domain(email_or_domain: str) -> str | None:
    """Return the outlet behind an email address or domain, when it is a known one."""
    domain = email_or_domain.rpartition("@")[2].lower()
    parts = domain.split(".")
    for i in range(len(parts) - 1):
        outlet = DOMAINS.get(".".join(parts[i:]))
        if outlet:
            return outlet
    return None


def emails(text: str) -> list[str]:
    """Return the email addresses in ``text``, once each, in order."""
    found: list[str] = []
    at = text.find("@")
    while at >= 0:
        # Look only around each "@": scanning every word of a long text is slow.
        start = max(0, at - 64)
        for match in _EMAIL.finditer(text, start, min(len(text), at + 256)):
            if match.start() <= at < match.end():
                found.append(match.group())
                break
        at = text.find("@", at + 1)
    return list(dict.fromkeys(found))


def byline(line: str) -> Byline | None:
    """Read a byline: ``"By Yi Whan-woo"``, ``"홍길동 기자"``, ``"记者 张三"``.

    See :func:`nkcorpus.cleaning.bylines.read_byline` for the forms read; the
    emails of the line are kept with the names.
    """
    found = read_byline(line)
    if found is None:
        return None
    if not found.emails and "@" in line:
        found = attrs.evolve(found, emails=tuple(emails(line)))
    return found


@attrs.frozen
class InlineByline:
    """A byline at the start of the first paragraph (``"(서울=연합뉴스) 홍길동 기자 = "``).

    Attributes:
        end: where the byline ends in the line (the body starts there).
        authors: the names.
        outlet: the outlet, when named.
        published: a date in ISO 8601, when the prefix holds one with a year.
    """

    end: int
    authors: tuple[str, ...]
    outlet: str | None = None
    published: str | None = None


_KO_TITLES = r"(?:기자|특파원|선임기자|객원기자|전문기자|통신원|인턴기자|논설위원|편집위원)"
_KO_NAMES = r"[가-힣]{2,4}(?:\s*[·,\s]\s*[가-힣]{2,4})*?"
_KO_INLINE = re.compile(
    rf"[(\[【]\s*(?P<place>[가-힣A-Za-z]{{1,10}})\s*=\s*(?P<outlet>[^)\]】\n]{{2,12}})\s*[)\]】]"
    rf"\s*(?:(?P<names>{_KO_NAMES})\s*{_KO_TITLES}\s*)?=\s*"
)
#: ``[부산=스포츠조선 선수민 기자]``: the reporter inside the brackets, no ``=`` after.
_KO_INLINE_BRACKET = re.compile(
    rf"[(\[【]\s*(?P<place>[가-힣A-Za-z]{{1,10}})\s*=\s*(?P<outlet>[^)\]】\s]{{2,12}})"
    rf"\s+(?P<names>{_KO_NAMES})\s*{_KO_TITLES}\s*[)\]】]\s*"
)
_ZH_INLINE = re.compile(
    r"(?P<outlet>新华社|新華社|中新社|中新网|人民网|央视网|本报|本報)(?P<place>[\u4e00-\u9fff]{0,8}?)"
    r"(?:(?P<year>\d{4})年)?(?P<month>\d{1,2})月(?P<day>\d{1,2})日[电電]?\s*"
    r"(?:[（(](?:记者|記者)?\s*(?P<names>[^）)\n]{2,30})[）)])?\s*"
)


def inline_byline(line: str) -> InlineByline | None:
    """Read a byline that opens a paragraph, Korean or Chinese wire style; a desk's credit
    in brackets (``"〔即時新聞／綜合報導〕"``) is one that names no one.

    >>> inline_byline("〔記者李欣芳／台北報導〕最新消息").authors
    ('李欣芳',)
    >>> inline_byline("〔即時新聞／綜合報導〕最新消息").authors
    ()
    """
    match = _KO_INLINE.match(line) or _KO_INLINE_BRACKET.match(line)
    if match:
        names = re.split(r"[\s·,]+", match["names"] or "")
        return InlineByline(match.end(), tuple(n for n in names if n), outlet_name(match["outlet"]))
    match = _ZH_INLINE.match(line)
    if match:
        names = re.split(r"[\s、,，]+", match["names"] or "")
        published = None
        if match["year"]:
            published = find_date(f"{match['year']}年{match['month']}月{match['day']}日")
        return InlineByline(
            match.end(), tuple(n for n in names if n), outlet_name(match["outlet"]), published
        )
    match = _CJK_LEAD.match(line)
    if match:
        found = read_byline(match.group().strip())
        # the writers it names, or none where it credits a desk alone (not a photographer)
        if found is not None and (found.authors or not (found.photographers or found.outlet)):
            return InlineByline(match.end(), found.authors, published=find_date(match.group()))
    return None


#: A byline that opens a paragraph in brackets (``〔記者巫其倫／台北報導〕``), or an outlet's
#: dateline with the reporter after it (``长江网10月4日讯（记者陈智 整合）``,
#: ``【大纪元2020年03月04日讯】（大纪元记者张三报导）``, whose date is the article's), with
#: or without its date (``本报讯（记者张航）``, ``中广网海口1月12日消息（记者朱永）``).
_CJK_LEAD = re.compile(
    # "【大纪元2020年03月04日讯】（大纪元记者张三报导）": a dateline, then the byline
    r"\s*(?:【[^【】\n]{2,30}】\s*[（(][^（()）\n]{2,30}[）)]"
    r"|[〔【\[（(][^〔【\[\]】）)〕\n]{2,40}[〕】\]）)]"
    r"|[^（(\n]{0,20}?(?:\d{1,2}月\d{1,2}日)?(?:电|電|讯|訊|消息)\s*[（(][^）)\n]{2,30}[）)])\s*"
)
#: A byline that closes a paragraph: ``（王煌忠／台中報導）``, ``부산=선수민 기자 sunsoo@...``.
_CJK_TAIL = re.compile(
    r"(?:[（(〔][^（(〔）)〕\n]{2,30}[）)〕]"
    # "홍길동 기자 (hong@donga.com)", "[홍길동 기자 hong@kbs.co.kr]"
    rf"|(?:\[\s*)?(?<![가-힣])(?:[가-힣]{{1,8}}\s*=\s*)?[가-힣]{{2,4}}\s*"
    rf"(?:[가-힣]{{0,2}}기자|특파원|통신원|칼럼니스트|PD)(?:\s*[(<]?{EMAIL}[)>]?)?(?:\s*\])?"
    # "칼럼니스트 박생강 pillgoo9@…", "기자 홍길동 hong@rfa.org" (with its email: "기자 질문"
    # ends a sentence)
    rf"|(?<![가-힣])칼럼니스트\s+[가-힣]{{2,4}}(?:\s*{EMAIL})?"
    rf"|(?<![가-힣])기자\s+[가-힣]{{2,4}}\s*[(<]?{EMAIL}[)>]?"
    rf"|(?<![가-힣A-Za-z]){KO_SIGN_OFF}"  # "VOA 뉴스 김영교입니다."
    # "自由亚洲电台记者石山的报道。"
    r"|(?<![\u4e00-\u9fff])[A-Za-z]{0,6}[\u4e00-\u9fff]{0,8}?(?:记者|記者)[\u4e00-\u9fff]{2,4}?"
    r"(?:在[\u4e00-\u9fff]{2,6}?)?的(?:报道|報導|報道)[。.]?"
    r")\s*$"
)


_LABELED = re.compile(
    r"(?P<label>標題|标题|제목|題目|title|headline|記者|记者|기자|작성자|作者|author|reporter)"
    r"\s*[:：]\s*(?P<value>\S.{0,200})",
    re.IGNORECASE,
)


#: The label of a field after the value of another (``"Jo LeePublish date:"``,
#: ``"Jo Lee Updated:"``): a capitalized word (and one more in lower case) and a colon,
#: glued to a lower-case letter or after a space.
_NEXT_FIELD = re.compile(r"(?:(?<=[a-z])|\s+)[A-Z][a-z]+(?:\s[a-z]+)?\s*[:：]")


def labeled_field(line: str) -> tuple[str, str | tuple[str, ...]] | None:
    """A field that a scraper printed with its label (``"標題: ..."``, ``"記者: 江宏倫"``).

    Returns ``("title", text)`` or ``("authors", names)``, or ``None``. The names end
    where another field's label starts, glued to them or not.

    >>> labeled_field("記者: 江宏倫、林志成")
    ('authors', ('江宏倫', '林志成'))
    >>> labeled_field("Author:Jo LeePublish date:Oct 4, 2018")
    ('authors', ('Jo Lee',))
    """
    match = _LABELED.fullmatch(line.strip())
    if match is None:
        return None
    label, value = match["label"].casefold(), match["value"].strip()
    if label in ("標題", "标题", "제목", "題目", "title", "headline"):
        return ("title", value)
    # The names end where the next field's label starts, glued on or not ("Practical
    # Horseman Editorial StaffPublish date:Oct 4, 2018").
    value = _NEXT_FIELD.split(value, 1)[0].strip()
    found = read_byline(value) if value else None
    if found is not None and found.authors:
        return ("authors", found.authors)
    parts = re.split(r"\s*[,，、;；]\s*", value)
    names = tuple(n for n in parts if n and len(n) <= 40 and any(c.isalpha() for c in n))
    return ("authors", names) if names else None


#: The wide indents of a block that holds several paragraphs of an old Chinese page.
_INDENT = re.compile(r"\u3000+|\s{3,}")


def indented_byline(text: str) -> tuple[str, ...]:
    """The writers of a byline paragraph that stands between wide indents inside one block
    of an old Chinese page, among its first paragraphs.

    >>> indented_byline("要加快 \u3000\u3000 本报记者罗科苏盈发自北京 \u3000\u300023日下午")
    ('罗科苏盈',)
    """
    for part in _INDENT.split(text[:400])[:6]:
        part = part.strip()
        if 4 <= len(part) <= 40 and (found := read_byline(part)) is not None and found.authors:
            return found.authors
    return ()


#: What may follow the byline that closes an article's last paragraph: a photo's credit in
#: brackets, a broadcaster's crew, the story's hashtags, notes after ``※``, a request for
#: tips and the end mark, then the outlet's copyright notice (``"[사진=MBC, SBS] 저작권자
#: ⓒ 엔터미디어, 무단전재 및 재배포금지"``).
_AFTER_TAIL = re.compile(
    r"(?:\s*\[(?:사진|영상|그래픽|자료)\s*=[^\]\n]{1,40}\])?"
    # a broadcaster's production credits, line by line ("촬영기자:김철수/영상편집:이영희")
    rf"(?:\s*\(?\s*{KO_CREW}\s*[:：]?\s*[가-힣]{{2,4}}(?:\s*[·,]\s*[가-힣]{{2,4}})*\s*\)?"
    r"\s*[/,]?)*"
    # the story's hashtags ("#전세사기 #금융위"), a note after a reference mark ("※ 우울감
    # 등 … 상담을 받을 수 있습니다.": a helpline's), a line asking for tips, with where to
    # send them ("연합뉴스TV 기사문의 및 제보 : 카톡/라인 jebo23"), and the end mark ("(끝)")
    r"(?:\s*#[^\s#]{1,30})*"
    r"(?:\s*※[^※\n]{1,200}?)*"
    rf"(?:\s*{KO_TIPS})?"
    r"(?:\s*[(\[<〈]\s*끝\s*[)\]>〉])?"
    # "저작권자 ⓒ 엔터미디어, …", "ⓒ 한겨레신문 : …", "[ⓒ 매일경제 & mk.co.kr, …]"
    r"(?:\s*[\[<〈(]?\s*(?:(?:저작권자|copyright)\s*)?(?:ⓒ|©|\(c\))[^\n]{0,120})?\s*$",
    re.IGNORECASE,
)


def trailing_byline(line: str) -> Byline | None:
    """Read a byline that closes a paragraph (``"...不治。（王煌忠／台中報導）"``), or ``None``;
    a photo's credit and a copyright notice after it are passed over.

    >>> trailing_byline("…인상까지 든다. 칼럼니스트 박생강 pillgoo9@gmail.com [사진=MBC, SBS] "
    ...     "저작권자 ⓒ 엔터미디어, 무단전재 및 재배포금지").authors
    ('박생강',)
    """
    line = line[-300:]
    after = _AFTER_TAIL.search(line)
    if after is not None:
        line = line[: after.start()]
    match = _CJK_TAIL.search(line[-80:])
    if match is None:
        return None
    found = read_byline(match.group().strip())
    return found if found is not None and found.authors else None


_DATELINE = re.compile(
    r"(?:(?:posted|published|updated|modified|last\s+updated|created|written|date|dated|입력"
    r"|수정|등록|승인|업데이트|기사입력|최종수정|송고|발행일|발행|게재\s*일자|게재일|작성일|작성"
    r"|发布时间|发布日期|發佈時間|發佈日期|發布時間|發布日期|首次發佈時間|出版時間|出版时间"
    r"|更新时间|更新時間|发表时间|發表時間|发表日期|發表日期|时间|時間|日期|更新)"
    r"\s*(?:on|at)?\s*[:：]?\s*)?"
    r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s*)?"
    r"(?:\d{1,2}\s*[:h]\s*\d\d\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4}\b)?,?\s*)?"
    r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s*)?"  # "3:27 am PST, Wednesday, …"
    rf"(?P<date>{DATE})[^\n]{{0,60}}$",
    re.IGNORECASE,
)
#: ``【大紀元2018年09月20日訊】``: an outlet's dateline in lenticular brackets.
_WIRE_DATELINE = re.compile(rf"【\s*[\u4e00-\u9fff]{{0,6}}?(?P<date>{DATE})\s*[訊讯电電]?\s*】")
_DATELINE_REST = re.compile(
    # "@" before the time ("Nov 18, 2019 @17:19 PM"), a scrape's emphasis marks around it
    r"(?:[\s,.|:·()/–—@_*-]*(?:\d{1,2}\s*[:시时時h]\s*\d{2}(?:\s*[:분分]\s*\d{2})?\s*(?:분|分|秒|초)?"
    r"|오전|오후|上午|下午|at|a\.?m\.?|p\.?m\.?|KST|UTC|GMT|JST|HKT|E[SD]T|C[SD]T|M[SD]T|P[SD]T|[ECMP]T"
    r"|(?-i:[A-Z]{1,4}T)(?![A-Za-z])"  # any zone in capitals that ends in T ("AEDT", "IST")
    r"|[+-]\d\d:?\d\d|updated|수정|업데이트|更新|最後更新時間|截止時間"
    # the first publication's label after an update's ("업데이트 … 입력 …")
    r"|입력|등록|게재|송고|published|posted|发布时间|發佈時間|發布時間|发表时间|發表時間"
    # a clock's zone written out: "格林尼治标准时间10:41" (GMT), "北京时间", "한국시간"
    r"|格林尼治标准时间|格林尼治標準時間|(?:北京|台北|香港|平壤|首尔|首爾|东京|東京)(?:时间|時間)"
    r"|(?:한국|평양|현지)\s?시간"
    r"|[(（](?:[월화수목금토일月火水木金土日一二三四五六]|星期[一二三四五六日天])[)）]|T(?=\d)"
    rf"|최종수정|{DATE}))*[\s,.|:·)_*]*"
    r"(?:(?:来源|來源|출처|source)\s*[:：]\s*[^\s，。,.]{1,20}\s*)?$",
    re.IGNORECASE,
)


#: A date given with its label in a line of the page's fields (``"时间：2004年10月21日14:18"``).
_LABELED_DATE = re.compile(
    r"(?:发布时间|發佈時間|发表时间|發表時間|发布日期|發佈日期|时间|時間|日期)\s*[:：]\s*(?=\d)"
)


#: A publication's date label, read before any other label (``"更新時間：… 發佈時間：…"``).
_PUBLISHED_DATE = re.compile(
    r"(?:发布时间|發佈時間|發布時間|发表时间|發表時間|发布日期|發佈日期|發布日期)\s*[:：]\s*(?=\d)"
)


def labeled_date(line: str) -> str | None:
    """The date after a Chinese or Korean date label anywhere in ``line`` (a line of
    fields: ``"时间：2004年10月21日14:18  作者：郭励弘"``, ``"작성자 홍길동 작성일 20-03-04 14:30
    조회 123"``, a Korean board's with its two-digit year), in ISO 8601, or ``None``."""
    match = _PUBLISHED_DATE.search(line) or _LABELED_DATE.search(line)
    if match:
        return find_date(line[match.end() :])
    if short := _KO_SHORT_YEAR_FIELD.search(line):
        return _short_year_date(short)
    match = _KO_DATE_LABEL.search(line)
    return find_date(line[match.end() :]) if match else None


def dateline(line: str) -> str | None:
    """Read a dateline (``"Posted March. 14, 2012 07:41"``, ``"입력 2023.09.21 14:30"``).

    The line must hold nothing but the label, dates and times. Returns the
    first date in ISO 8601, or ``None``.
    """
    if len(line) > 100:
        return None
    wire = _WIRE_DATELINE.fullmatch(line)
    if wire:
        return find_date(wire["date"])
    if short := _KO_SHORT_YEAR.fullmatch(line):
        return _short_year_date(short)
    match = _DATELINE.match(line)
    if not match:
        return None
    date = DATE_PATTERN.match(line, match.start("date"))
    if date is None:
        return None
    date_end = date.end()
    if line[date_end : date_end + 1].isdigit() and line[date_end - 1] not in "日일":
        return None  # "2004-07-161...", but "2004年7月16日08:19" has its time glued on
    if not _DATELINE_REST.match(line, date_end):
        return None
    if _UPDATED_FIRST.match(line):
        # "업데이트 2020.03.05 10:00 입력 2020.03.04 09:00": the update first, then the
        # first publication, whose date is the article's
        published = _PUBLISHED_LABEL.search(line, date_end)
        if published is not None and (found := find_date(line[published.end() :])):
            return found
    return find_date(line)


#: What sets a stamp's fields apart (``"December 15, 2025 // 8 min read"``, ``"On Behalf of
#: O'Malley Tunstall PLLC | Apr 21, 2017 | Products Liability"``), and a byline before or
#: after the date (``"October 11, 2023 by Autumn Huerter"``), a field of its own.
_STAMP_FIELDS = re.compile(r"\s+(?:\||//|·|•|│|｜|–|—)\s+|\s+(?=by\s)", re.IGNORECASE)
#: The word before a date in a stamp's field (``"on December 18, 2025"``).
_STAMP_ON = re.compile(r"^on\s+", re.IGNORECASE)


def stamp_date(line: str) -> str | None:
    """The date of a stamp under a headline whose fields are set apart, a date among them
    (:func:`dateline`'s, a leading ``on`` allowed), the others a byline, a reading time,
    a section: the publication's date where an update's comes first, in ISO 8601, or
    ``None``.

    >>> stamp_date("December 15, 2025 // 8 min read"), stamp_date("on December 18, 2025")
    ('2025-12-15', '2025-12-18')
    >>> stamp_date("Updated Dec 16, 2025 | Published Dec 15, 2025 | 3 min read")
    '2025-12-15'
    >>> stamp_date("October 11, 2023 by Autumn Huerter"), stamp_date("By Jo Lee | Dec 1, 2025")
    ('2023-10-11', '2025-12-01')
    >>> stamp_date("Read more | Share")
    """
    if len(line) > 100:
        return None
    found: list[tuple[bool, str]] = []
    for field in _STAMP_FIELDS.split(" ".join(line.split())):
        if field[:3].casefold() == "by ":
            continue  # the byline
        date = dateline(_STAMP_ON.sub("", field))
        if date is not None:
            found.append((_UPDATED_FIRST.match(field) is not None, date))
    first = next((date for updated, date in found if not updated), None)
    return first or (found[0][1] if found else None)


#: A Korean board's stamp with a two-digit year after its label (``"작성일 20-03-04 14:30"``,
#: Gnuboard's): year, month, day, as Korean dates are written.
_KO_SHORT_STAMP = (
    r"(?:작성일|등록일|게시일|입력|수정|날짜|작성|등록)\s*[:：]?\s*"
    r"(?P<y>\d\d)(?P<sep>[-./])(?P<m>\d\d)(?P=sep)(?P<d>\d\d)(?:\s+\d\d:\d\d(?::\d\d)?)?"
)
#: :data:`_KO_SHORT_STAMP` as a line of its own.
_KO_SHORT_YEAR = re.compile(rf"\s*{_KO_SHORT_STAMP}\s*")
#: :data:`_KO_SHORT_STAMP` inside a line of fields, up to the next one.
_KO_SHORT_YEAR_FIELD = re.compile(rf"(?<![가-힣]){_KO_SHORT_STAMP}(?!\d)")
#: A Korean board's date label in a line of fields (``"작성일 2020-03-04"``).
_KO_DATE_LABEL = re.compile(r"(?<![가-힣])(?:작성일|등록일|게시일)\s*[:：]?\s*(?=\d)")


def _short_year_date(match: re.Match[str]) -> str | None:
    """The ISO 8601 date (and time) of :data:`_KO_SHORT_YEAR`'s stamp, in this century, as
    :func:`~nkcorpus.cleaning.dates.find_date` reads it with the year written whole;
    ``None`` where no such day is.

    >>> _short_year_date(_KO_SHORT_YEAR.fullmatch("작성일 20-03-04 14:30"))
    '2020-03-04T14:30'
    """
    whole = f"20{match['y']}-{match['m']}-{match['d']}"
    return find_date(whole + match.string[match.end("d") : match.end()])


#: A label that says the date after it is the article's first publication.
_PUBLISHED_LABEL = re.compile(
    r"(?:최초\s*)?(?:입력|등록|게재|송고)(?:일시|시간)?\s*[:：]?\s*"
    r"|(?:发布|發佈|發布|发表|發表)(?:时间|時間|日期)\s*[:：]?\s*"
    r"|(?:published|posted|first\s+published)(?:\s+on)?\s*:?\s*",
    re.IGNORECASE,
)
#: A line that opens with an update's label.
_UPDATED_FIRST = re.compile(
    r"\s*[(\[]?\s*(?:최종\s*)?(?:수정|업데이트)|\s*[(\[]?\s*(?:更新|最後更新)"
    r"|\s*[(\[]?\s*(?:last\s+)?(?:updated|modified)",
    re.IGNORECASE,
)


_SIGNATURE = re.compile(rf"(?:(?P<name>[^\n@]{{2,40}}?)\s*[,/|]?\s+)?[(<]?(?P<email>{EMAIL})[)>]?")


def signature(line: str) -> Byline | None:
    """Read a signature line: an email alone, or a name then an email. A field's label
    before the address (``"E-mail: info@ascom.com"``, ``"Contact："``) names no one.

    >>> signature("E-mail: info@ascom.com").authors, signature("Jane Doe jane@x.org").authors
    ((), ('Jane Doe',))
    """
    if len(line) > 100:
        return None
    match = _SIGNATURE.fullmatch(line)
    if not match:
        return None
    name = match["name"]
    if name is None or name.rstrip().endswith((":", "：")):
        return Byline((), (match["email"],))
    found = byline(name) or byline(f"By {name}")
    if found is None:
        return None
    return Byline(found.authors, (match["email"],))


@attrs.frozen
class Credit:
    """A credit line at the end of an article.

    Attributes:
        outlet: the outlet credited, or ``None``.
        translator: the translator credited, or ``None``.
    """

    outlet: str | None = None
    translator: str | None = None


_TRANSLATED = re.compile(
    r"[(\[]?\s*(?:(?P<outlet>[^,()\[\]\n]{2,40}?)\s*[,;]\s*)?(?:translated\s+by|translation\s+by"
    r"|번역\s*[:：]?|翻译\s*[:：]?|翻譯\s*[:：]?)\s*(?P<translator>[^()\[\]\n]{2,40}?)\s*[)\]]?\.?",
    re.IGNORECASE,
)
_AGENCY_LINE = re.compile(rf"[(\[]?\s*(?P<outlet>{_AGENCY})\s*[)\]]?\.?", re.IGNORECASE)
_SOURCE_LINE = re.compile(
    r"(?:source|출처|来源|來源)\s*[:：]\s*(?P<outlet>[^\n]{2,40}?)\.?", re.IGNORECASE
)


def credit(line: str) -> Credit | None:
    """Read a credit line: ``"(Free NK, Translated by Bohyun Kim)"``, ``"Yonhap"``."""
    if len(line) > 100:
        return None
    match = _TRANSLATED.fullmatch(line)
    if match:
        outlet = match["outlet"]
        return Credit(outlet_name(outlet) if outlet else None, match["translator"].strip())
    match = _AGENCY_LINE.fullmatch(line) or _SOURCE_LINE.fullmatch(line)
    if match:
        return Credit(outlet_name(match["outlet"]))
    return None


_PHOTO_CREDIT = re.compile(
    r"(?:\[(?P<bracket>[A-Z0-9][A-Z0-9 .&/-]{1,40}|(?:Photo|Courtesy|사진|图|圖)[^\]\n]{0,60})\]"
    rf"|(?<=[.!?\"”’)] )(?P<agency>{_AGENCY}(?:[-/](?:Yonhap|연합뉴스))?)"
    r"|/\s*(?P<courtesy>Courtesy\s+of\s+[^\n]{2,60})"
    r"|[(（](?:사진|출처|图片来源|圖片來源|图|圖)\s*[=:：]\s*(?P<paren>[^)）\n]{1,40})[)）])$"
)


#: The last characters a photo credit can end with.
_CREDIT_ENDS = frozenset("])）abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789스신社")


def photo_credit(line: str) -> str | None:
    """Return the photo credit that ends a caption (``"[YONHAP]"``, ``"AFP-Yonhap"``).

    Returns ``None`` when the line does not end with one.
    """
    if len(line) < 20 or line[-1] not in _CREDIT_ENDS:
        return None
    match = _PHOTO_CREDIT.search(line, max(0, len(line) - 90))
    if not match:
        return None
    return next(group for group in match.groups() if group)


#: The photo libraries whose names credit a photo (``"Getty Images"``, ``"Shutterstock"``),
#: as a regular expression.
PHOTO_LIBRARY = r"Getty\s+Images|Shutterstock|Alamy|iStock(?:photo)?"
#: The credit that closes an English photo's caption: labeled, in brackets (``"(Photo:
#: Getty/AP)"``, ``"(Picture: Claudio Bresciani)"``), or after a dash that follows the
#: caption's sentence (``"… on November 19, 2024. — Picture by Yusof Mat Isa"``), or a
#: photographer's name and a photo agency after a slash (``"… Leonhard Foeger / Reuters
#: file"``).
_CAPTION_CREDIT = re.compile(
    r"(?:[(\[]\s*(?i:photo(?:graph)?s?|pictures?|images?|illustrations?)(?i:\s+credit)?"
    r"\s*(?:[:：]|(?i:by)\s)\s*[^()\[\]\n]{2,60}[)\]]"
    r"|(?<=[.!?\"”’)] )(?:[—–-]\s*)?(?i:photo(?:graph)?s?|pictures?|images?)"
    r"(?:\s+(?i:by)\s+|\s*(?i:\s+credit)?:\s*)[^\n]{2,60}"
    # a photo agency's name in brackets, a photographer's before it or not ("(Saul
    # Loeb/AFP/Getty Images)", "(AP Photo/Evan Vucci)"); not a wire's "(AP)" alone
    rf"|[(\[][^()\[\]\n]{{0,40}}\b(?:{PHOTO_LIBRARY}|PA\s+Wire"
    r"|AP\s+Photo|Reuters/|/Reuters|AFP/|/AFP|EPA/|/EPA)\b[^()\[\]\n]{0,40}[)\]]"
    # a photographer's name, a slash and the agency after the caption's sentence, with no
    # brackets ("… Braunau am Inn, Austria. Leonhard Foeger / Reuters file")
    r"|(?<=[.!?\"”’)] )[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s*/\s*"
    rf"(?:{PHOTO_LIBRARY}|AP|AFP|Reuters|EPA|Getty)(?:\s+(?:[Ff]ile|[Pp]hoto))?)$"
)


def credited_caption(line: str) -> bool:
    """Whether ``line`` is an English photo's caption closed by the photo's credit.

    >>> credited_caption("All six players won on Tuesday at the US Open (Photos: Getty/AP)")
    True
    >>> credited_caption("Fadzil at Menara KWSP on November 19. — Picture by Yusof Mat Isa")
    True
    >>> credited_caption("Doctors at Al-Shifa Hospital on Oct. 21. Photo: Ali Jadallah/Anadolu")
    True
    >>> credited_caption("Paul Volcker and President Obama in 2009. (Saul Loeb/AFP/Getty Images)")
    True
    >>> credited_caption("Photographs are no evidence (he said) of anything")
    False
    >>> credited_caption("Kim Jong Un visits a fertilizer factory in Hungnam (AP)")
    False
    >>> credited_caption("The house where he was born, Austria. Leonhard Foeger / Reuters file")
    True
    """
    return len(line) >= 20 and _CAPTION_CREDIT.search(line, max(0, len(line) - 90)) is not None


#: A photo's credit on a line of its own: ``"Photo: AFP"``, ``"(Image credit: NASA)"``,
#: ``"Photo by Joan Bardeletti"``, ``"图片来源：东方IC"``, ``"故宫博物院供图"``, ``"[사진=JTBC]"``.
_CREDIT_LINE = re.compile(
    r"[\[(（<]?\s*(?:"
    r"(?i:photo(?:graph)?|image|picture|illustration)(?i:\s+credit)?\s*(?:(?i:by)\s|[:：])\s*[^.!?。！？]{2,60}"
    r"|(?i:credit|courtesy)\s*[:：]\s*[^.!?。！？]{2,60}"
    r"|(?:图片来源|圖片來源|图片|圖片|图|圖|摄影|攝影)\s*[:：/／]\s*[^。！？]{2,40}"
    r"|[^\s，。、记者記者]{2,12}(?:供图|供圖)"
    r"|(?:사진|그래픽)\s*(?:제공|출처)?\s*[=:：]\s*[^.!?]{2,60}"
    # a broadcast story's camera and editing credits ("영상취재:이재석/영상편집:김유진")
    r"|(?:영상|촬영|화면)\s*(?:취재|편집|기자|출처|제공)?\s*[=:：]\s*[^.!?]{2,60}"
    r")\s*[\])）>]?"
)


def credit_line(line: str) -> bool:
    """Whether ``line`` is a photo's credit on its own (``"Photo: AFP"``, ``"图片来源：东方IC
    版权作品 请勿转载"``, ``"[사진=JTBC, 이매진아시아]"``): a caption's, not the article's.

    >>> credit_line("Photo by James Martin/CNET"), credit_line("故宫博物院供图")
    (True, True)
    >>> credit_line("Photographs of the camp were taken in 2019 by the defectors.")
    False
    >>> credit_line("[사진 출처 : 검찰청 트위터 캡처]"), credit_line("영상편집:김유진")
    (True, True)
    """
    return len(line) <= 80 and _CREDIT_LINE.fullmatch(line.strip()) is not None


#: A Korean photo's caption set in the text: a caption's mark first (``▲``, ``↑``), the
#: photo's credit last (``"(사진=연합뉴스)"``, ``"사진=KBS2 일일드라마 캡처"``).
_MARKED_CAPTION = re.compile(
    r"[▲△↑]\s*\S[^\n]{2,200}?\s*(?:[(\[]\s*사진\s*(?:출처)?\s*[=:：/][^)\]\n]{1,40}[)\]]"
    r"|사진\s*(?:출처)?\s*[=:：]\s*\S[^\n=]{0,50})"
)


def caption_line(line: str) -> bool:
    """Whether ``line`` is a photo's caption that a Korean site sets in the article's text:
    marked as one (``▲``, ``↑``: the photo above) and closed by the photo's credit.

    >>> caption_line("▲ 윤석열 대통령이 연설하고 있다. (사진=연합뉴스)")
    True
    >>> caption_line("↑ ‘비밀의 여자’ 신고은 사진=KBS2 일일드라마 ‘비밀의 여자’ 캡처")
    True
    >>> caption_line("▲ 첫째, 보험료율을 올린다. ▲ 둘째, 소득대체율을 지킨다.")
    False
    """
    return len(line) <= 240 and _MARKED_CAPTION.fullmatch(line.strip()) is not None


#: Characters that end a sentence, not a headline (an ellipsis or a middle dot joins
#: the two halves of a Korean or Chinese headline: "…그게 제 보람이죠").
_FINAL = re.compile(r"[.。:：,，;；、][\"'”’」』)\]）]*$")
#: A sentence end followed by another sentence (not the full stop of an initial or an
#: abbreviation in capitals: ``"U.S. emissions"``, ``"J. R. Stone"``).
_TWO_SENTENCES = re.compile(
    r"(?<![\s.][A-Z])(?<!^[A-Z])[.!?。！？][\"'”’」』)\]）]*\s+\S|[。！？]\S"
)
_WIDE = re.compile(r"[\u1100-\u11ff\u3040-\u30ff\u3400-\u9fff\uac00-\ud7a3\uf900-\ufaff]")


def headline_like(line: str) -> bool:
    """Whether ``line`` reads as a headline rather than a sentence, in any of the three languages.

    A headline has no final period, colon or comma (in ASCII or full-width
    forms), holds one sentence at most, and is short: at most 60 Hangul or Han
    characters and 150 characters in all. An ellipsis, a middle dot, quotes and
    question or exclamation marks inside or at the end are headline style, not
    sentence ends.

    >>> headline_like("“잠재적 범죄자 취급하냐”…배달원 분노 부른 아파트 ‘헬멧’ 공지")
    True
    >>> headline_like("한 아파트에서 배달원을 대상으로 공지를 붙여 여러 의견이 오가고 있다.")
    False
    >>> headline_like("Despite everything, U.S. emissions dipped in 2019")
    True
    >>> headline_like("Coal is dying. Emissions dipped in 2019")
    False
    """
    text = line.strip()
    if len(text) < 4 or len(text) > 150 or len(text.split()) > 30:
        return False
    if len(_WIDE.findall(text)) > 60:
        return False
    return not _FINAL.search(text) and not _TWO_SENTENCES.search(text)


#: The end of a sentence of Korean or Chinese prose, which makes a block a paragraph.
CJK_PROSE = re.compile(r"[。！？]|[가-힣][다요]\.")
_HAN_OR_HANGUL = re.compile(r"[\u4e00-\u9fff\uac00-\ud7a3]")
#: ``（王煌忠／台中報導）``: a Taiwanese byline in brackets, wherever it stands.
_BRACKET_REPORT = re.compile(r"[（(〔][^（(〔）)〕\n]{2,20}(?:報導|报道|報道)[）)〕]")
#: The most characters of a reporter's credit on a block of its own inside the article.
CREDIT_CHARS = 40
#: A reporter's title in Chinese or Korean: what makes a short block a credit.
_REPORTER_TITLE = re.compile(r"记者|記者|기자")
#: How many blocks before each of the article's first paragraphs a byline block is looked
#: for in, and the longest such block read.
_BYLINE_REACH, _BYLINE_BLOCK = 8, 80


def article_reporters(
    blocks: list[tuple[str, bool, bool]], opening: tuple[str, ...] = ()
) -> tuple[str, ...]:
    """Reporters that a Korean or Chinese byline in an article names.

    ``blocks``: the page's blocks (a plain text's lines), in order, each as its text,
    whether it is the article's, and whether it may be read (a photo's caption or credit
    may not).

    The byline is a short block of its own just before one of the article's
    first paragraphs (``"記者林悅／南市報導"``, ``"이용민 기자 | 2020-03-04 16:52"``),
    opens one of them
    (``"〔記者巫其倫／台北報導〕財政部..."``), stands in brackets inside a
    paragraph (``"...（王煌忠／台中報導）《蘋果》關心你"``), closes one of the
    last (``"...부산=선수민 기자 sunsoo@..."``) or stands on a block of its own further in
    (``"本报记者 高薇"`` over a box of facts that the article keeps). Only bylines with a
    reporter's mark (기자, 記者, 報導, ...) count, so a name in the prose is never taken.
    The ``opening`` writers (a byline on a line of its own that opens the first paragraph)
    come after a byline block and before bylines in brackets or closing.

    >>> article_reporters([("記者林悅／南市報導", False, True), ("台南今天地震。", True, True)])
    ('林悅',)
    >>> article_reporters([("北京今天下雪。", True, True), ("本报记者 高薇", True, True)])
    ('高薇',)
    """
    order = [n for n, (_text, article, readable) in enumerate(blocks) if article and readable]
    prose = [n for n in order if CJK_PROSE.search(blocks[n][0])][:6]
    if not prose:
        return opening
    near = {n for i in prose[:3] for n in range(max(0, i - _BYLINE_REACH), i)}
    window = [
        n
        for n, (text, _article, readable) in enumerate(blocks[: prose[-1] + 1])
        if readable and (n in prose or (n in near and len(text) <= _BYLINE_BLOCK))
    ]
    for n in window:
        text = blocks[n][0]
        if not _HAN_OR_HANGUL.search(text):
            continue
        found = read_byline(text) if len(text) <= _BYLINE_BLOCK else None
        if found is None:
            found = read_stamped_byline(text)[0]  # "이용민 기자 | 2020-03-04 16:52:59"
        if found is not None and found.authors:
            return found.authors
        inline = inline_byline(text)
        if inline is not None and inline.authors:
            return inline.authors
        if names := indented_byline(text):
            return names
    if opening:  # the byline on a line of its own that opens the first paragraph
        return opening
    for n in order:
        for match in _BRACKET_REPORT.finditer(blocks[n][0]):
            found = read_byline(match.group())
            if found is not None and found.authors:
                return found.authors
    # The closing credit: in one of the article's last blocks, or of the blocks right after
    # its last paragraph of prose (a list of other stories' dates may follow it).
    last_prose = next(
        (k for k in range(len(order) - 1, -1, -1) if CJK_PROSE.search(blocks[order[k]][0])),
        None,
    )
    closing = order[-3:]
    if last_prose is not None and last_prose < len(order) - 3:
        closing = order[last_prose : last_prose + 3] + closing
    for n in reversed(closing):
        tail = trailing_byline(blocks[n][0])
        if tail is not None:
            return tail.authors
    # A reporter's credit on a block of its own further in: the story's end, where a box of
    # facts or profiles that the article keeps follows it ("成都商报记者 余文龙 实习生 向英子");
    # each name a person's ("陈市长泪洒记者招待会", a related story's headline, names none).
    for n in order:
        text = blocks[n][0]
        if len(text) <= CREDIT_CHARS and _REPORTER_TITLE.search(text):
            found = read_byline(text)
            if found is not None and found.authors and all(map(_person, found.authors)):
                return found.authors
    return ()


def _person(name: str) -> bool:
    """Whether ``name`` is a Chinese or a Korean person's name written alone."""
    return chinese_name(name) or korean_name(name)
