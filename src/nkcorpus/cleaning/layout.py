"""The layout of a scraped page: which lines are furniture, captions, title, byline or body.

:func:`read_layout` takes whitespace-normalized text (one stripped line per
line) and decides, line by line, what each is. It only decides; the caller
removes the lines and records the removals.

The page is read in three zones. The *body* runs from the first to the last
line that reads as article prose (long enough, with sentence punctuation).
The *header* is everything before it: title, deck, byline, dateline, a lead
photo's caption. The *footer* is everything after it: signature, credits.
Bylines, titles and credits are only looked for in their zone, so a sentence
in the body is never taken for one; a wire story's closing credits
(``"(Reporting by A; Editing by B)"``, read as a whole line) are the one exception,
since more of the page often follows them. A title needs evidence from the page
itself: it is printed twice, or the header holds furniture, a byline or a
dateline, or the text opens with it: a first line of headline size (three words,
or six Han or Hangul characters) without a sentence's or a salutation's ending,
a line or two above the body (a story saved as plain text), or the header holds
menus as list items (a page flattened to text: the headline is then the last line
of a headline's size above the body that is not a date line). With furniture in the
header and a menu entry first, the headline is the line above the byline. A list
item is never a title. A page without such cues (a letter opening with ``Dear ...``,
a testimony opening with a sentence) keeps its first line as text.
"""

from __future__ import annotations

import re
from typing import Any

import attrs

from nkcorpus.cleaning import metadata as meta
from nkcorpus.cleaning.authornames import writer_and_role
from nkcorpus.cleaning.boilerplate import find_boilerplate
from nkcorpus.cleaning.bylines import (
    BYLINE_CHARS,
    ZH_FIELD_LABEL,
    read_byline,
    read_dated_byline,
    read_stamped_byline,
    read_wire_credits,
    writer_field,
)
from nkcorpus.cleaning.dates import DATE_PATTERN, day_alone, find_date
from nkcorpus.cleaning.htmlmeta import cut_site_name
from nkcorpus.cleaning.titles import commented_title
from nkcorpus.document import Span
from nkcorpus.text.scripts import CJK_CHARS, HAN_CHARS, HANGUL_SYLLABLES

__all__ = [
    "MENU_LINE_ITEMS",
    "MENU_LINE_ITEM_CHARS",
    "Layout",
    "breadcrumb_line",
    "controls_line",
    "furniture_line",
    "headline_sized",
    "menu_line",
    "read_layout",
    "script_line",
    "title_like",
]


@attrs.frozen
class Layout:
    """What :func:`read_layout` found.

    Attributes:
        removals: ``(span, rule)`` for each stretch of the text to remove, in order.
        captions: spans of caption text that stays in the text.
        metadata: values for :class:`~nkcorpus.Metadata` fields (``title``,
            ``authors``, ...) and ``extra`` pairs.
        counts: how many lines each group of rules touched (``boilerplate``,
            ``captions``, ``metadata``).
    """

    removals: tuple[tuple[Span, str], ...] = ()
    captions: tuple[Span, ...] = ()
    metadata: tuple[tuple[str, Any], ...] = ()
    counts: tuple[tuple[str, int], ...] = ()


@attrs.define
class _Line:
    start: int
    end: int
    text: str
    rule: str | None = None  # set when the line is removed
    caption: bool = False


_LINE = re.compile(r"[^\n]+")
_SENTENCE_END = re.compile(r"[.!?。！？…][\"'”’)\]」』]*(?:\s|$)")
_CJK = re.compile(f"[{CJK_CHARS}]")
_TITLE_END = re.compile(r"[.。:：,，;；][\"'”’」』)）]*$")
#: An abbreviation that ends a headline with its full stop, which ends no sentence there
#: (``"… Ambassador to the U.N."``, ``"… Cold Wave Alert Tues."``).
_ABBREVIATION_END = re.compile(
    r"(?<![\w.])(?:(?:[A-Z]\.){2,}|(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun|Jan|Feb|Mar"
    r"|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Jr|Sr|St|Inc|Corp|Ltd|Co)\.)$"
)
#: A line of a page's controls, labels in brackets and nothing else (``"【CNML格式】 【大 中 小】
#: 【打 印】"``: the format, the font's size, print), never a title.
_CONTROLS = re.compile(r"(?:\s*【[^】\n]{1,8}】)+\s*")
#: A Chinese or Japanese full stop with more text after it: two sentences, never a title.
_FULL_STOP_WITHIN = re.compile(r"。(?=.*[^\W\d_])")
_LETTER = re.compile(r"[^\W\d_]")
#: A list item's marker: a menu entry, never a title (``o`` is the marker of a nested
#: item in text that inscriptis or lynx flattened from HTML; ``1.`` an ordered list's).
_LIST_ITEM = re.compile(r"(?:[*•·+-]|o(?= )|\d{1,3}[.)](?= ))\s|[・‧]")
#: The opening of a letter, which is not its title.
_SALUTATION = re.compile(
    r"(?:Dear|Hi|Hello|Greetings)\b|To\s*:|親愛的|亲爱的|尊敬的|존경하는|친애하는"
)


def _is_body(line: _Line) -> bool:
    if line.rule is not None or line.caption:
        return False
    text = line.text
    if not _SENTENCE_END.search(text) or meta.headline_like(text):
        return False
    if read_wire_credits(text):
        return False  # "(Reporting by A; Editing by B.)" closes a story, it is not prose
    return len(text) >= 60 or len(_CJK.findall(text)) >= 15


#: A paragraph of at least this many characters (or a third as many Han and Hangul ones)
#: is the article's own, not a teaser's sentence in a menu.
ARTICLE_PARAGRAPH = 100


def _article_start(lines: list[_Line], body: list[int]) -> int:
    """The first line of the body: the first line of prose, except in a flattened page
    whose menus (list items) stand above its first long paragraph
    (:data:`ARTICLE_PARAGRAPH`): there the teasers between the menus that end as
    sentences do (``"PG&E hasn't confirmed precise outage timing. Here's when
    counties"``) are still header, and the body starts at that paragraph."""
    long = next(
        (
            i
            for i in body
            if len(lines[i].text) >= ARTICLE_PARAGRAPH
            or 3 * len(_CJK.findall(lines[i].text)) >= ARTICLE_PARAGRAPH
        ),
        None,
    )
    if long is not None and long != body[0] and _menus(lines, list(range(long))):
        return long
    return body[0]


def headline_sized(text: str) -> bool:
    """Whether ``text`` has a headline's size: three words with letters or more, or six
    Han or Hangul characters; what a headline has and a menu item or a label
    (``"Share"``, ``"Food & Drink"``) does not.

    >>> headline_sized("Food & Drink"), headline_sized("Kim meets Moon")
    (False, True)
    """
    return sum(1 for word in text.split() if _LETTER.search(word)) >= 3 or len(
        _CJK.findall(text)
    ) >= 6


#: What sets the items of a menu written on one line apart ("首页 - 新闻 - 体育", "关于我们 |
#: About us | 联系我们").
_MENU_SEPARATOR = re.compile(r"\s*[|｜┊┆│·•/-]\s*|\s+、\s+")
#: A bar between a menu's items (not a dash or a slash, which a date holds too).
_MENU_BAR = re.compile(r"[|｜┊┆│]")
#: A Han character; a Hangul syllable.
_HAN = re.compile(f"[{HAN_CHARS}]")
_HANGUL = re.compile(f"[{HANGUL_SYLLABLES}]")
#: The fewest items of a menu written on one line.
MENU_LINE_ITEMS = 5
#: The most characters of each item of a menu written on one line.
MENU_LINE_ITEM_CHARS = 12
#: A line's end that ends a sentence (a closing quote or bracket after it allowed).
_ENDS_SENTENCE = re.compile(r"[.!?。！？…][\"'”’)）]?$")


#: A Chinese menu written with spaces alone: four items or more of a few characters each
#: (``股票 基金 港股 美股``); a Chinese headline sets two clauses apart so, a Korean line its
#: words (not read here).
_MENU_WORD = f"[{HAN_CHARS}A-Za-z0-9]{{1,6}}(?:・[{HAN_CHARS}A-Za-z0-9]{{1,6}})?"
_SPACED_HAN_MENU = re.compile(rf"{_MENU_WORD}(?:\s+{_MENU_WORD}){{3,}}")


#: A statement of a script's code: a call, or a variable given a value, ended by a
#: semicolon (``gen_header_sln_info();``, ``u_a_width="300";``).
_STATEMENT = re.compile(r"""(?:\)|\w\s*=\s*(?:"[^"\n]*"|'[^'\n]*'|[\w.]+))\s*;""")


def script_line(text: str) -> bool:
    """Whether ``text`` is a line of a script's code that a converter left in a page's
    text: two statements or more.

    >>> script_line("_gaq.push(['_setAccount', 'UA-1725443-12']); _gaq.push(['_trackPageview']);")
    True
    >>> script_line("He left (for good); she stayed (for now).")
    False
    """
    return len(_STATEMENT.findall(text)) >= 2


def menu_line(text: str) -> bool:
    """Whether ``text`` is a menu written on one line: :data:`MENU_LINE_ITEMS` short items
    or more (:data:`MENU_LINE_ITEM_CHARS`) set apart by bars, dashes, dots or slashes, or a
    Chinese menu of four items or more set apart by spaces.

    >>> menu_line("首页 - 新闻 - 体育- 娱乐 - 财经 - 汽车"), menu_line("Kim-Jong-un met Moon.")
    (True, False)
    >>> menu_line("股票 基金 港股 美股"), menu_line("健檢漏胸腺瘤 醫院判賠522萬")
    (True, False)
    >>> menu_line("时政・要闻 社会・法治 军事・科技 财经・消费 教育・健康")
    True
    """
    stripped = text.strip()
    han = _HAN.search(stripped) is not None and not _HANGUL.search(stripped)
    if han and _SPACED_HAN_MENU.fullmatch(stripped):
        return True
    # in a Chinese menu with bars, spaces too set its items apart ("新華網首頁 | 新華論壇
    # 博客 微博"); a line of clauses with spaces alone is no menu ("【流感新增四死 全是B型…】")
    parts = _MENU_SEPARATOR.split(text)
    spaced = han and _MENU_BAR.search(text) is not None  # not a date's dashes and slashes
    items = [item for part in parts for item in (part.split() if spaced else [part]) if item]
    return (
        len(items) >= MENU_LINE_ITEMS
        and all(len(item) <= MENU_LINE_ITEM_CHARS for item in items)
        and not _ENDS_SENTENCE.search(text)
    )


#: A breadcrumb trail: two steps or more (``网易 > 新闻中心 > 正文``, ``Home » World »``), or
#: one that ends with the page's place, "main text" (``首页 >> 正文``).
_BREADCRUMB = re.compile(
    r"[>＞»〉›→].*[>＞»〉›→]|[>＞»〉›→]\s*(?:正文|內文|内文|本文)\s*$|^您(?:的|现在的|現在的|当前的|當前的)?位置"
)


def breadcrumb_line(text: str) -> bool:
    """Whether ``text`` is a breadcrumb trail: two steps or more set apart by ``>``, ``»``
    or ``〉``, or one that ends with the page's place (``正文``, the article), or a line that
    says where the reader is (``您现在的位置：…``).

    >>> breadcrumb_line("网易 > 新闻中心 > 正文"), breadcrumb_line("S&P 500 > 4,000")
    (True, False)
    """
    return _BREADCRUMB.search(text) is not None


#: The labels of a page's controls and the entries of its menus that a page prints on a line
#: of their own, next to the headline (``Search``, ``Subscribe``, ``My Account``, ``Dark
#: Mode``, ``首页``, ``免費註冊``, ``列印``, ``로그인``): a line of them alone is no headline.
_CONTROL_WORDS = (
    r"(?:perform\s+)?search|subscribe|subscriptions?|sign\s*-?\s*(?:in|up|out)"
    r"|log\s*-?\s*(?:in|out)|login|logout|register|(?:my\s+)?account|(?:main\s+)?menu"
    r"|(?:toggle\s+)?navigation|newsletters?|podcasts?|(?:dark|light)\s+mode"
    r"|(?:go|back)\s+(?:to\s+)?top|view\s+all(?:\s+results?)?|(?:no\s+)?results?|latest"
    r"|home(?:\s*page)?|share|print|e-?mail|donate|skip\s+to\s+(?:main\s+)?content|sections"
    r"|contact(?:\s+us)?|about\s+us|advertise|follow\s+us|close|settings|cart|sitemap"
    r"|site\s+map|e-?paper|today'?s\s+paper|bookmark|comments?|reply|faq|rss"
    # a site's name may stand before its home page's (中国网首页, 东北新闻网首页)
    rf"|[{HAN_CHARS}]{{0,6}}(?:首页|首頁|主页|主頁)|回首[页頁]|返回首[页頁]"
    r"|(?:本站|站内|站內)?(?:搜索|搜尋|搜寻|检索|檢索)|登入|登录|登錄|(?:免费|免費)?(?:注册|註冊)"
    r"|会员|會員|列印|打印|转寄|轉寄|字型|字号|字號|字级|字級|看?(?:推荐|推薦)|收藏|分享"
    r"|网站导航|網站導覽|导航|導航|导览|導覽|网站地图|網站地圖|订阅|訂閱|粉丝团|粉絲團"
    r"|客户端|客戶端|手机版|手機版|留言板?|发言|發言|关闭|關閉|上一[页頁]|下一[页頁]"
    r"|联系我们|聯絡我們|聯繫我們|关于我们|關於我們|节目|節目"
    r"|홈|검색|로그인|회원가입|구독|전체\s*메뉴|메뉴|닫기|공유|인쇄|스크랩"
)
#: What may stand between the labels: white space, bars, bullets, arrows, a date.
_CONTROL_GAP = r"(?:[\s|｜∣┊│/·•,，、:：+\-–—>»›▼▲▾()]|\d{4}-\d{1,2}-\d{1,2})*"
_CONTROL_LINE = re.compile(rf"{_CONTROL_GAP}(?:(?:{_CONTROL_WORDS}){_CONTROL_GAP})+", re.IGNORECASE)
#: A Chinese menu of short entries set apart by spaces: three of two characters each
#: (``股票 基金 新闻``; a headline spelled out one character at a time has one each).
_SHORT_HAN_MENU = re.compile(rf"[{HAN_CHARS}]{{2}}(?:[ \u3000]+[{HAN_CHARS}]{{2}}){{2,}}")


def controls_line(text: str) -> bool:
    """Whether ``text`` is a line of a page's controls and menu entries alone (``Subscribe
    Search My Account``, ``Dark Mode Go Top``, ``中国网首页 本站搜索 回首页``, ``+粉絲團
    免費註冊|登入``), or a Chinese menu of three short entries (``股票 基金 新闻``): what a page
    flattened to text prints around its headline, never a headline.

    >>> controls_line("Subscribe Search My Account"), controls_line("Search for the missing")
    (True, False)
    >>> controls_line("中国网首页 本站搜索 回首页"), controls_line("股票 基金 新闻")
    (True, True)
    >>> controls_line("东北新闻网首页"), controls_line("新闻首页改版")
    (True, False)
    >>> controls_line("紅 磡 及 九 龍 城 發 生 三 宗 爆 竊 案")
    False
    """
    stripped = text.strip()
    return (
        _CONTROL_LINE.fullmatch(stripped) is not None
        or _SHORT_HAN_MENU.fullmatch(stripped) is not None
    )


def furniture_line(text: str) -> bool:
    """Whether ``text`` is a line of the page's furniture that no heading over an article
    is: a menu written on one line (:func:`menu_line`), a breadcrumb trail
    (:func:`breadcrumb_line`) or a line of controls (:func:`controls_line`: a panel's
    heading written with its buttons' labels, ``Comments Close comments menu``).

    >>> furniture_line("Comments Close comments menu"), furniture_line("So Do We.")
    (True, False)
    """
    return menu_line(text) or breadcrumb_line(text) or controls_line(text)


#: A tag that a converter left in the text (``<script language='javascript' …>``).
_MARKUP = re.compile(r"</?[a-zA-Z][a-zA-Z0-9-]*(?:\s[^<>]*)?/?>")
#: The mark that opens a photo's caption in Chinese and Korean news (``▲新北市衛生局…``).
_CAPTION_MARK = re.compile(r"^\s*[▲△▼▽↑]")


def title_like(text: str) -> bool:
    """Whether a line may be a title: 2 to 200 characters, a letter at least, 30 words at
    most, no sentence's end (a full stop, a closing quote after it too, but for an
    abbreviation's, ``"U.N."``, ``"Tues."``; a question or an exclamation may end a
    headline; a Chinese full stop with words after it, where two sentences meet), no list
    item (a Chinese one may open with ``・``), no line of tags, keywords or linked sites
    after its label, no link to a writer's archive nor a box's label (``"More from …"``),
    no field of a Chinese page's stamp (``来源：澎湃新闻网``), no date stamp (a Chinese
    page's line of fields with a date: ``来源:中新网``), no day with no year (``"November
    20"``: :func:`~nkcorpus.cleaning.dates.day_alone`); no menu written on one line
    (:func:`menu_line`), no breadcrumb trail (``网易 > 新闻中心 > 正文``), no markup or
    script's code (:func:`script_line`) a converter left in, no photo's caption marked as
    such (``▲``), no line of a page's controls (labels in brackets alone, or their labels
    and menu entries alone: :func:`controls_line`).

    >>> title_like("Kim meets Moon in Panmunjom"), title_like("* Home")
    (True, False)
    >>> title_like("网易 > 新闻中心 > 正文"), title_like("首页 - 新闻 - 体育 - 娱乐 - 财经")
    (False, False)
    >>> title_like("公园今日开园。作品将与公众见面"), title_like("“兵马俑”坐镇 巧克力梦公园(图)")
    (False, True)
    >>> title_like('google_ad_client = "pub-534"; google_ad_width = 300; /* 300x250 */')
    False
    >>> title_like("【CNML格式】 【大 中 小】 【打 印】"), title_like("【独家】朝鲜公布新法")
    (False, True)
    >>> [title_like(line) for line in (
    ...     "政治│社會│科技│國際│財經│生活", "关键词: 新闻 财经 体育 娱乐", "来源： 澎湃新闻网",
    ...     "2012-1-17 13:08:57 来源:中新网", "・古怪展览名人器官", "“快要600岁了。”",
    ... )]
    [False, False, False, False, False, False]
    >>> title_like("来源不明的病毒"), title_like("“无法用科学解释”")
    (True, True)
    >>> title_like("Nikki Haley to Resign as Trump’s Ambassador to the U.N.")
    True
    >>> title_like("相關連結 星島頭條網 頭條日報 新聞搜尋 東周網 The Standard 星島海外地產")
    False
    >>> title_like("View all posts by Paul Fitzgerald"), title_like("Latest from the nation")
    (False, False)
    """
    return (
        2 <= len(text) <= 200
        and len(text.split()) <= 30
        and _LETTER.search(text) is not None  # not a table's rule ("---"), a number alone
        and not (_TITLE_END.search(text) and not _ABBREVIATION_END.search(text))
        and not _FULL_STOP_WITHIN.search(text)
        and not _CONTROLS.fullmatch(text)
        and not _LIST_ITEM.match(text)
        and not _TAGS.match(text)
        and not _BOX_LABEL.fullmatch(text.strip())
        and not ZH_FIELD_LABEL.match(text)  # "来源：澎湃新闻网": a field of the page's stamp
        and not _stamp_line(text)
        and not day_alone(text)
        and not breadcrumb_line(text)
        and not _MARKUP.search(text)
        and not _CAPTION_MARK.match(text)
        and not menu_line(text)
        and not script_line(text)
        and not controls_line(text)
    )


#: The label of a page's line of tags or keywords (``"关键词: 新闻 财经 体育"``), or of its
#: list of linked sites, the entries after it (``"相關連結 星島頭條網 頭條日報 東周網 The
#: Standard"``, ``"友情链接：…"``, ``"Related links …"``).
_TAGS = re.compile(
    r"(?:关键词|關鍵詞|关键字|關鍵字|标签|標籤|tags?|keywords?)\s*[:：]"
    r"|(?:相關連結|相关链接|相關鏈接|友情链接|友情連結|相關網站|相关网站|合作媒體|合作媒体"
    r"|姊妹網站|关联网站|관련\s*사이트|패밀리\s*사이트|related\s+(?:links|sites)"
    r"|quick\s+links|our\s+sites|partner\s+sites)\s*[:：|]?\s+\S",
    re.IGNORECASE,
)
#: A link to a writer's archive (``"View all posts by Paul Fitzgerald"``) or a box's label
#: (``"Latest from the nation"``, ``"More from Reuters"``): what a page prints near its
#: headline, never a headline.
_BOX_LABEL = re.compile(
    r"(?:view\s+|see\s+)?(?:all\s+|more\s+)?(?:posts|articles|stories)\s+by\s.*"
    r"|(?:latest|more)\s+(?:news\s+|stories\s+)?(?:from|in|on)\s+(?:the\s+)?[\w.&'’-]+"
    r"(?:\s+[\w.&'’-]+)?",
    re.IGNORECASE,
)
_BY_TAIL = re.compile(r"\bby:?\s.*$", re.IGNORECASE)
_STAMP_WORDS = frozenset(["updated", "posted", "published", "last", "on", "at", "am", "pm"])


def _stamp_line(text: str) -> bool:
    """Whether ``text`` is a date stamp, not a headline: a date, and besides it (and a
    ``by`` and names after it) nothing but a stamp's words and one more word at most
    (``"November 12, 2018 | BY: Beachbody"``, ``"Nov. November 18, 2019 12:02 PM"``).

    >>> _stamp_line("November 12, 2018 | BY: Beachbody"), _stamp_line("Opening Bell 11.18.19")
    (True, False)
    """
    if find_date(text) is None:
        return False
    if ZH_FIELD_LABEL.search(text):
        return True  # "2012-1-17 13:08:57 来源:中新网 栏目:国内新闻": the page's fields
    rest = _BY_TAIL.sub("", DATE_PATTERN.sub(" ", text))
    words = [w.strip(".,;:|").casefold() for w in rest.split() if _LETTER.search(w)]
    return sum(1 for w in words if w not in _STAMP_WORDS) <= 1


def read_layout(
    text: str,
    *,
    boilerplate: bool = True,
    captions: bool = True,
    metadata: bool = True,
    page: bool = False,
    opening_byline: bool = False,
) -> Layout:
    """Read the layout of ``text`` and return what to remove, what is a caption, and metadata.

    Args:
        text: whitespace-normalized text.
        boilerplate: look for page furniture.
        captions: look for photo captions, printed twice or ending with a photo credit.
        metadata: look for title, subtitle, byline, dateline, signature and credits.
        page: the text came from a marked-up page (HTML), so the lines before the
            body are its header even without other cues.
        opening_byline: with ``metadata`` off (a marked-up page's article, whose
            metadata its markup gives), take out the byline that opens the article's
            first paragraph (``"(서울=연합뉴스) 홍길동 기자 = …"``), the paragraph kept.
    """
    lines = [_Line(m.start(), m.end(), m.group()) for m in _LINE.finditer(text)]
    removals: list[tuple[Span, str]] = []
    counts = {"boilerplate": 0, "captions": 0, "metadata": 0}
    if boilerplate:
        counts["boilerplate"] = _mark_boilerplate(text, lines, removals)
    if captions:
        counts["captions"] = _mark_captions(lines, removals)
    found: dict[str, Any] = {}
    if metadata:
        counts["metadata"] = _read_metadata(text, lines, removals, found, page)
    elif opening_byline:
        counts["metadata"] = _opening_byline(lines, removals)
    removals.sort(key=lambda item: item[0].start)
    caption_spans = tuple(Span(line.start, line.end) for line in lines if line.caption)
    return Layout(
        tuple(removals),
        caption_spans,
        tuple(sorted(found.items())),
        tuple(sorted(counts.items())),
    )


def _mark_boilerplate(text: str, lines: list[_Line], removals: list[tuple[Span, str]]) -> int:
    starts = {line.start: i for i, line in enumerate(lines)}
    count = 0
    for rule, span in find_boilerplate(text):
        index = starts.get(span.start)
        if index is None:
            continue
        while index < len(lines) and lines[index].start < span.end:
            lines[index].rule = rule
            index += 1
        removals.append((span, rule))
        count += 1
    if not count:
        return 0
    # A stray widget letter ("s", "X") between two removed lines is part of the widget.
    for i, line in enumerate(lines):
        if line.rule is None and len(line.text) <= 3 and not _CJK.search(line.text):
            before = i == 0 or lines[i - 1].rule is not None
            after = i == len(lines) - 1 or lines[i + 1].rule is not None
            if before and after and (i > 0 or i < len(lines) - 1):
                line.rule = "widget-fragment"
                removals.append((Span(line.start, line.end), line.rule))
                count += 1
    return count


def _kept(lines: list[_Line]) -> list[int]:
    return [i for i, line in enumerate(lines) if line.rule is None]


def _mark_captions(lines: list[_Line], removals: list[tuple[Span, str]]) -> int:
    kept = _kept(lines)
    count = 0
    k = 0
    while k < len(kept):
        line = lines[kept[k]]
        group = [kept[k]]
        while k + len(group) < len(kept) and lines[kept[k + len(group)]].text == line.text:
            group.append(kept[k + len(group)])
        credit = meta.photo_credit(line.text)
        sentence = len(line.text) >= 40 and _SENTENCE_END.search(line.text)
        if len(group) > 1 and (sentence or credit):
            line.caption = True
            for index in group[1:]:
                lines[index].rule = "duplicate-caption"
                removals.append((Span(lines[index].start, lines[index].end), "duplicate-caption"))
            count += len(group)
        elif credit and len(line.text) <= 600:
            line.caption = True
            count += 1
        k += len(group)
    return count


#: The most lines of an article that :func:`_opening_byline` looks at: a subtitle or a
#: summary may stand above the paragraph that the byline opens.
OPENING_BYLINE_LINES = 3


def _opening_byline(lines: list[_Line], removals: list[tuple[Span, str]]) -> int:
    """Take out the byline that opens the first paragraph of an article, as wire stories
    and Korean, Chinese and Taiwanese dailies print it (``"(서울=연합뉴스) 홍길동 기자 =
    북한이 …"``, ``"〔記者李欣芳／台北報導〕最新消息…"``,
    :func:`~nkcorpus.cleaning.metadata.inline_byline`), as a ``"byline"`` removal: the
    words leave the text, the paragraph stays. A desk's credit that names no one
    (``"〔即時新聞／綜合報導〕"``) leaves too; an agency's dateline alone
    (``"新华社北京4月24日电"``: its outlet or date, no writer) stays. Only in one of the
    first :data:`OPENING_BYLINE_LINES` lines kept, up to the first paragraph of prose.
    Returns how many were taken out (0 or 1)."""
    kept = [line for line in lines if line.rule is None and not line.caption]
    for line in kept[:OPENING_BYLINE_LINES]:
        inline = meta.inline_byline(line.text)
        # writers named, or a desk's credit: not an agency's dateline (outlet or date alone)
        credit = inline is not None and (inline.authors or not (inline.outlet or inline.published))
        if inline is not None and credit and line.text[inline.end :].strip():
            removals.append((Span(line.start, line.start + inline.end), "byline"))
            return 1
        if _is_body(line):
            return 0
    return 0


def _remove(line: _Line, rule: str, removals: list[tuple[Span, str]]) -> None:
    line.rule = rule
    removals.append((Span(line.start, line.end), rule))


def _read_metadata(
    text: str,
    lines: list[_Line],
    removals: list[tuple[Span, str]],
    found: dict[str, Any],
    page: bool,
) -> int:
    before = len(removals)
    body = [i for i, line in enumerate(lines) if _is_body(line)]
    authors: list[str] = []
    published: str | None = None
    outlet: str | None = None
    if body:
        first, last = _article_start(lines, body), body[-1]
        evidence = page or any(line.rule is not None for line in lines[:first])
        header = [i for i in range(first) if lines[i].rule is None and not lines[i].caption]
        for i in header:
            line = lines[i]
            field = meta.labeled_field(line.text)
            if field is not None:
                if field[0] == "title":
                    found["title"] = cut_site_name(str(field[1]), [])
                    _remove(line, "title", removals)
                else:
                    authors.extend(field[1])
                    # "2020年03月04日 10:00 来源：新华网 作者：张三": the line's date too
                    published = published or _line_date(line.text)
                    _remove(line, "byline", removals)
                evidence = True
                continue
            by = meta.byline(line.text)
            if by is not None:
                authors.extend(by.authors)
                # "By Jane Doe | March 4, 2020": the line's date too
                published = published or _line_date(line.text)
                _remove(line, "byline", removals)
                evidence = True
                continue
            writer = writer_and_role(line.text)  # "Steve Peoples, AP Political Writer"
            if writer is not None:
                authors.append(writer)
                _remove(line, "byline", removals)
                evidence = True
                continue
            by, stamped = read_stamped_byline(line.text)  # "홍길동 기자 입력 2023.09.21 14:30"
            if by is not None:
                authors.extend(by.authors)
                published = published or stamped
                _remove(line, "byline", removals)
                evidence = True
                continue
            dated = read_dated_byline(line.text)  # "입력 2020.03.04 09:00 | 홍길동 기자"
            if dated is not None and dated.authors:
                authors.extend(dated.authors)
                published = published or _line_date(line.text)
                _remove(line, "byline", removals)
                evidence = True
                continue
            date = meta.dateline(line.text)
            if date is not None:
                published = published or date
                _remove(line, "dateline", removals)
                evidence = True
        if "title" not in found:
            _read_title(lines, header, evidence, removals, found)
        if "title" not in found and published is None and not authors:
            anchored = _stamped_headline(lines, removals, found)
            if anchored is not None:
                published, names = anchored
                authors.extend(names)
        for i in range(last + 1, len(lines)):
            line = lines[i]
            if line.rule is not None or line.caption:
                continue
            outlet = _read_footer_line(line, removals, found, authors, outlet)
            if line.rule == "dateline" and published is None:
                published = meta.dateline(line.text)
        for i in range(first + 1, last):  # wire credits, with more of the page after them
            line = lines[i]
            if line.rule is None:
                wire = read_wire_credits(line.text)
                if wire is not None:
                    authors.extend(() if authors else wire.authors)
                    _remove(line, "byline", removals)
        inline = meta.inline_byline(lines[first].text)
        if inline is not None:
            removals.append((Span(lines[first].start, lines[first].start + inline.end), "byline"))
            authors.extend(inline.authors)
            outlet = outlet or inline.outlet
            published = published or inline.published
        if not authors:
            # a Korean or Chinese reporter's byline in the article (its lines from its
            # first to its last paragraph), else a writer's field in a line of fields
            article = [
                (line.text, first <= i <= last and line.rule is None, not line.caption)
                for i, line in enumerate(lines)
            ]
            authors.extend(meta.article_reporters(article))
        if not authors:
            authors.extend(_field_writers(lines[first:], removals))
    addresses = meta.emails(text)
    if authors:
        found["authors"] = tuple(dict.fromkeys(authors))
    if addresses:
        found["emails"] = tuple(addresses)
    outlet = outlet or next(filter(None, map(meta.outlet_for_domain, addresses)), None)
    credits = [c for c in (meta.photo_credit(line.text) for line in lines if line.caption) if c]
    if credits:
        found["extra.photo_credits"] = tuple(dict.fromkeys(meta.outlet_name(c) for c in credits))
        outlet = outlet or meta.outlet_name(credits[0])
    if outlet:
        found["outlet"] = outlet
    if published is None:
        for line in lines:
            date = find_date(line.text) if line.caption else None
            if date:
                published = date
                found["extra.published_from"] = "caption"
                break
    if published:
        found["published"] = published
    return len(removals) - before


def _line_date(text: str) -> str | None:
    """The date of a byline's line: after its date's label, else its first."""
    return meta.labeled_date(text) or find_date(text)


#: How many list items a header needs to be a flattened page's menus.
MENU_ITEMS = 5


def _menus(lines: list[_Line], header: list[int]) -> bool:
    """Whether the header holds menus: :data:`MENU_ITEMS` list items or more."""
    return sum(1 for i in header if _LIST_ITEM.match(lines[i].text)) >= MENU_ITEMS


def _headline_in_header(lines: list[_Line], header: list[int], candidates: list[int]) -> int:
    """The headline among a header's candidate lines: the first, when it has a headline's
    size; else (a menu entry first) the line just above the byline, else the first of a
    headline's size after the last page furniture (menus, share buttons), else the first."""
    if headline_sized(lines[candidates[0]].text):
        return candidates[0]
    above = _above_byline(lines, candidates)
    if above is not None:
        return above
    furniture = max(
        (i for i in range(header[-1]) if lines[i].rule not in (None, *_HEADER_RULES)),
        default=-1,
    )
    after = [i for i in candidates if i > furniture and headline_sized(lines[i].text)]
    return after[0] if after else candidates[0]


def _above_byline(lines: list[_Line], candidates: list[int]) -> int | None:
    """The line of a headline's size just above the header's first byline or dateline
    (at most :data:`BYLINE_GAP` lines above it), where a page prints its headline."""
    marked = next((i for i, line in enumerate(lines) if line.rule in ("byline", "dateline")), None)
    if marked is None:
        return None
    near = range(marked - BYLINE_GAP, marked)
    above = [i for i in candidates if i in near and headline_sized(lines[i].text)]
    return above[-1] if above else None


#: A text that opens with a headline has at most this many lines above its body (the
#: headline, then a byline or a date that was not read as one).
OPENING_LINES = 3
#: How many lines above a byline or dateline its headline may stand (a deck between).
BYLINE_GAP = 3
#: The rules that read a header's lines as metadata, not furniture.
_HEADER_RULES = ("title", "duplicate-title", "byline", "dateline", "signature", "credit")


#: How many lines of a flattened page :func:`_stamped_headline` reads, and how many lines
#: under the stamp the article's first long paragraph may start.
STAMP_SEARCH_LINES = 400
STAMP_TO_ARTICLE = 6


def _stamped_headline(
    lines: list[_Line], removals: list[tuple[Span, str]], found: dict[str, Any]
) -> tuple[str | None, tuple[str, ...]] | None:
    """A flattened page's headline found by its stamp, where its header gave none: the
    first dateline or byline, in a page with menus (list items) above it, that has a
    line of a headline's size at most :data:`BYLINE_GAP` lines above it and a long
    paragraph (:data:`ARTICLE_PARAGRAPH`) at most :data:`STAMP_TO_ARTICLE` lines under
    it, where the article starts (teasers between menus end as sentences too, so the
    header may end at one of them). Sets the title; returns the stamp's date and names."""
    for i, line in enumerate(lines[:STAMP_SEARCH_LINES]):
        if line.rule is not None or line.caption or len(line.text) > 100:
            continue
        date = meta.dateline(line.text)
        by = meta.byline(line.text) if date is None else None
        if date is None and (by is None or not by.authors):
            continue
        under = lines[i + 1 : i + 1 + STAMP_TO_ARTICLE]
        if not any(len(u.text) >= ARTICLE_PARAGRAPH and _is_body(u) for u in under):
            continue
        above = [
            j
            for j in range(max(0, i - BYLINE_GAP), i)
            if lines[j].rule is None
            and not lines[j].caption
            and title_like(lines[j].text)
            and headline_sized(lines[j].text)
            and not _is_body(lines[j])
        ]
        if not above or not _menus(lines, list(range(above[-1]))):
            continue
        title = lines[above[-1]]
        found["title"] = cut_site_name(title.text, [])
        _remove(title, "title", removals)
        _remove(line, "dateline" if date is not None else "byline", removals)
        return date, by.authors if by is not None else ()
    return None


def _read_title(
    lines: list[_Line],
    header: list[int],
    evidence: bool,
    removals: list[tuple[Span, str]],
    found: dict[str, Any],
) -> None:
    candidates = [i for i in header if lines[i].rule is None and title_like(lines[i].text)]
    title_index = None
    menus = bool(candidates) and _menus(lines, header)
    if menus:
        # A flattened page: its menus and teasers may print a line twice, and a menu
        # entry or a promotion may have a headline's size; its headline stands above
        # its byline or date stamp.
        title_index = _above_byline(lines, candidates)
    seen: dict[str, int] = {}
    for i in candidates if title_index is None else ():
        text = lines[i].text
        if not headline_sized(text):
            continue  # a menu item printed twice ("45", "Congress") is not the title
        if text in seen:
            title_index = seen[text]
            break
        seen[text] = i
    if title_index is None and evidence and candidates:
        title_index = _headline_in_header(lines, header, candidates)
    if title_index is None and menus:
        # A flattened page whose menus are list items: its headline is the last line of
        # a headline's size above the body that is not a date line.
        near = [i for i in candidates if headline_sized(lines[i].text)]
        near = [i for i in near if not find_date(lines[i].text)]
        title_index = near[-1] if near else None
    if title_index is None and header == list(range(len(header)))[:OPENING_LINES]:
        opening = lines[0].text
        if candidates[:1] == [0] and headline_sized(opening) and not _SALUTATION.match(opening):
            title_index = 0  # the text opens with its headline, a line or two above the body
    if title_index is None:
        return
    title = commented_title(lines[title_index].text)  # "6 thoughts on “Headline”"
    found["title"] = cut_site_name(title, [])  # "Headline - Breaking News - The Paper"
    for i in candidates:
        if lines[i].text == title:
            _remove(lines[i], "title" if i == title_index else "duplicate-title", removals)
    rest = [i for i in candidates if lines[i].rule is None and i > title_index]
    if rest:
        found["subtitle"] = lines[rest[0]].text
        _remove(lines[rest[0]], "subtitle", removals)


def _field_writers(lines: list[_Line], removals: list[tuple[Span, str]]) -> tuple[str, ...]:
    """The writers of the first Chinese or Korean writer's field in a short line of the
    article's fields among ``lines`` (:func:`~nkcorpus.cleaning.bylines.writer_field`:
    ``"本文来源：新华网 作者：黄晓南 谢彬彬 责任编辑：NF055"`` under the article, ``"作者：上官云
    宋宇晟"`` under its last paragraph), its line taken out as a ``"byline"``; none where
    no such line names a writer."""
    for line in lines:
        if line.rule is not None or line.caption or len(line.text) > BYLINE_CHARS:
            continue
        field = writer_field(line.text)
        found = read_byline(field) if field else None
        if found is not None and found.authors:
            _remove(line, "byline", removals)
            return found.authors
    return ()


def _read_footer_line(
    line: _Line,
    removals: list[tuple[Span, str]],
    found: dict[str, Any],
    authors: list[str],
    outlet: str | None,
) -> str | None:
    # a list's item is read without its marker ("* 이동환 기자 leedong@kbs.co.kr" in a box of
    # the reporter's details)
    item = _LIST_ITEM.match(line.text)
    signed = meta.signature(line.text[item.end() :] if item else line.text)
    if signed is not None:
        if not authors:
            authors.extend(signed.authors)
        _remove(line, "signature", removals)
        return outlet
    given = meta.credit(line.text)
    if given is not None:
        if given.translator:
            found["translator"] = given.translator
        _remove(line, "credit", removals)
        return outlet or given.outlet
    by = meta.byline(line.text) or read_wire_credits(line.text)
    if by is not None:
        if not authors:
            authors.extend(by.authors)
        _remove(line, "byline", removals)
        return outlet
    if meta.dateline(line.text) is not None:
        _remove(line, "dateline", removals)
    return outlet
