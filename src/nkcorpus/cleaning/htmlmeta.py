"""The metadata of an HTML page, read in one documented order of precedence.

For each field the first source that gives a value wins:

``title``
    JSON-LD ``headline`` of an article, ``og:title``, ``twitter:title``,
    ``<title>``; when a visible ``h1`` begins or ends that title or is one of
    its parts, the ``h1``; a title that the page never shows (``"Home"``, a file
    name) gives way to the first ``h1`` of 12 characters or more that is no summary
    of three sentences and no label in capitals;
    otherwise the title without its site name (:func:`cut_site_name`).
    Without any of these, the first ``h1``.
``published``
    htmldate's quick search of the page (its original date, from the markup)
    gives the day, its extensive search of the text only when the markup names
    no date at all (not its guess of a year's January 1, a copyright line's year, unless
    the page shows that day); the first
    of JSON-LD ``datePublished`` of an article, ``article:published_time`` and
    the other publication-date ``meta`` names (Daum's ``og:regDate`` among them; each read
    in ISO 8601, with dots or slashes, in one run of digits or as RFC 2822), the
    microdata ``datePublished`` or ``dateCreated`` of a ``time`` element of an article or
    a question (not of an answer or a comment), and the ``datetime`` of a ``time``
    element gives the time when it names the same day, and the date when
    htmldate finds none, or when htmldate's day is the markup's modified date (it
    fell back on the update), or when JSON-LD or microdata names a day more than
    one day from htmldate's (a day apart is the markup's UTC time against the
    page's own day); JSON-LD or microdata that names the moment in a zone other than
    UTC's (``"2016-07-29T16:42:34-04:00"``) gives the page's own day, and htmldate is not
    asked (it would read the next day's print edition in the address). When no ``meta``
    element or JSON-LD names a date, a dateline just under the headline (``"Written:
    2023-11-07 15:03"``), or a stamp there whose date stands among other fields (``"December
    15, 2025 // 8 min read"``, ``"October 11, 2023 by Autumn Huerter"``, the publication's
    date where the update's comes first), or a ``time`` element there gives it, before
    htmldate, and before the page's first ``time`` element where that names another
    moment (a comment's, a side column's story's; the same moment gives its time and
    zone); on a page with no headline, so does its first line of fields that labels a date
    (``"发布日期： 7/5/2005 9:23:57 PM"``), outside its menus, header, footer and side
    columns.
``modified`` (in ``extra``)
    JSON-LD ``dateModified``, ``article:modified_time``, ``og:updated_time``.
``authors``
    the reporters of a Korean or Chinese byline in the article (``"〔記者巫其倫／台北報導〕"``,
    ``"(서울=연합뉴스) 홍길동 기자 ="``), JSON-LD ``author`` names of the first
    article that names them (an author given as ``{"@id": ...}`` is looked up
    in the page's JSON-LD; one typed as other than a ``Person``, an ``Organization``,
    counts only with the site below, its name whole), ``meta name=author`` (and ``article:author``,
    ``parsely-author``, ``sailthru.author``, ``dc.creator``, Dable's ``dable:author`` when
    they are not links; a Korean or Chinese value read as a byline; never a portal such
    as ``네이버``), and the ``twitter:data1`` that ``twitter:label1`` labels ``Written by``), the
    microdata ``author`` of the article or of a forum's first post (not of a comment), the
    text of the page's link to the writer's page that an author ``meta`` gives as a URL
    (``article:author`` ``".../editors/jon-fingas"``, the link ``"Jon Fingas"``),
    then the name that a forum thread's ``"Thread starter"`` line under its title gives
    (XenForo's), then the first of the visible blocks (or parts of blocks) marked
    as a byline or author (by a class or by a test hook: ``data-testid``, ``data-qa``,
    ``data-component``, ...), or opening as one (``"Written by: Julie Mollins"``, in the
    article's own footer too), or a byline's label on a line of its own over the name
    (``"Written by"``, ``"By"`` over ``"Vincent Vallet"``),
    that names someone (a block with a part not shaped as a name, such as
    ``"10 mins read"`` or a related article's title, names no one), then a blog's
    unmarked ``"Posted by …"`` line or a Chinese one's ``"名字 发表于 日期"``
    (:func:`~nkcorpus.cleaning.authornames.posted_by`), then an unmarked line that opens
    with ``By`` among the five blocks under the headline
    (:func:`~nkcorpus.cleaning.authornames.by_alone`), then a name alone on one of the two
    lines under the headline over its outlet's name or its post, as BBC's language services
    set a byline (``"常思颖"`` over ``"BBC中文"``: :func:`outlet_line`), then a wire story's closing
    credits (``"(Reporting by Hyonhee Shin; Editing by Ed Davies)"``:
    :func:`~nkcorpus.cleaning.bylines.read_wire_credits`), then a name alone beside the
    date on one of the lines just under the headline or the two above it
    (``"2025-12-17 · Trond Teigen"``, ``"Dec 17, 2025"`` and ``"Julian K. Arni"`` in one
    line, or the name in the next element after a date that ends in a separator, or closing
    the stamp's fields, or before a stamp's label: ``"Jane Roe | Published 4 months
    ago"``), then a name on a line of its own over a date and a reading time, as blog
    platforms set a byline (``"Dr. Allen"``, ``"Jan 4"``, ``"2 min read"``); the
    headline is the ``h1`` that reads as the title, else the first block that does; then
    the writers that the page's audience analytics are told (Chartbeat's
    ``_sf_async_config.authors``: a page drawn by its scripts, its byline in their data
    alone); then the site, its publisher or a team marked as the author with no one else
    named (an outlet's name too, where it is the site's own: ``"巴士的報"`` on Bastillepost;
    never a portal's); then the site's own name that the page's byline or the stamp under
    its headline gives, with no one else named (a person's own site, its host their name:
    ``"By Ben Nadel"`` on bennadel.com; an organisation's page: ``"By Wikimedia
    Foundation"``; not a Chinese or Korean desk); a staff credit in the markup
    (``"Staff Writer"``) gives way to the name a byline shows; then the owner of a personal
    site named after them, whose copyright line names them too (a Chinese or Korean
    person's name: a blog's ``"Copyright © 李建忠"`` under its own name as headline or in
    its ``title``), or of a site named as a person's (``"Derek Seaman's Tech Blog"``, a
    Substack's ``"… 's Substack"``; not ``"Men's Health Blog"``); then, on
    a forum's thread, the writer of its first post (where two or more elements are marked
    by phpBB, XenForo, vBulletin, Flarum or Hacker News as a post's writer, the first of
    them outside comments). A byline block's parts that its elements set apart with no
    space between them (a name, then ``"CEO"`` or ``"@handle"`` on a line of its own) are
    read apart; a slash or a section after the name (``"Saibal Dasgupta / TNN"``,
    ``"Michael Larabel in Valve"``) and the labels of a byline's controls (``"Share"``,
    ``"About The Author"``) are not names, nor are blocks of a breadcrumb, nor the signed
    names of a customer's review or a client's testimonial. A name that is the
    site's name (or its publisher's, or a Korean or Chinese name shaped like an
    outlet's: ``中時電子報``, ``연합뉴스``) or a team's (``"Gear Team"``) is not an author
    where the markup names someone else (alone, it is: ``"By Wikimedia Foundation"``,
    ``"SolutionsHub Editorial Team"``), nor is a desk label or staff
    title after a name (``"張立勳／特稿"``, ``"Adam Aaronson PhillyVoice Staff"``), nor a job
    title listed after the names and what follows it (``"Danielle Padula, Head of
    Marketing"``), nor a phrase of more than five words or with the small words of prose; every
    value of an author ``meta`` counts (``name=author`` may hold the site and a later
    ``itemprop=author`` the writer); a value that is a whole Korean or Chinese
    byline (``"스포츠조선=선수민 기자"``) gives the names it holds; Korean or
    Chinese names that the page never shows give way to a visible byline, and
    the markup's writers give way to a visible byline list that begins with the
    same writer, holds them all and names more, with no job title (a paper's
    authors), else to another marked source's list that does (JSON-LD's one writer, the
    author ``meta``'s two). The markup's writer is written as a visible byline writes them:
    one writer surname first (``"Gillman, Steve"``, the byline ``"by Steve Gillman"``), a
    user name that another source writes with the same letters as a name (``"mikecason"``,
    ``"Mike Cason"``); and a writer that no byline shows (the publisher in ``meta
    name=author``) gives way to another marked source's writers that bylines do show.
    Names that the markup lists and the page credits only for other work than the writing
    (``"Photographed by …; Styled by …"``) and no byline names are not writers. A stamp's
    word alone (``"Updated"``, ``"on"``), a month's day (``"Feb 11"``, an empty byline's
    date) and a template's empty value (``"undefined"``) are no names, and an author box's
    heading ``"About Peter Bell"`` names Peter Bell. Byline blocks that end with ``;`` or
    ``,`` go on in the next block.
``outlet``
    ``og:site_name``, JSON-LD ``publisher`` name, ``application-name``; else the site's name
    that ends the ``title`` element, where it has a Korean or Chinese site's shape (``"… |
    연합뉴스"``, ``"…--人民网"``) or the page's host spells it (``"… | Reuters"`` on reuters.com).
``extra``
    ``description``, ``url`` (canonical or ``og:url``), ``lang`` (the ``html``
    element's ``lang``), ``modified`` and, for each field, the source it came from
    (``metadata_sources``, as ``"title=og:title"`` strings).
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import itertools
import json
import re
import string
from collections.abc import Iterator
from typing import Any

import attrs

from nkcorpus.cleaning.authornames import (
    STAMP_FIELD,
    by_alone,
    chinese_name,
    credential,
    job_title,
    korean_name,
    name_shaped,
    posted_by,
    role_only,
    until_job_title,
    without_credits,
    without_role,
)
from nkcorpus.cleaning.bylines import (
    AGENCY,
    desk_editor_credit,
    read_byline,
    read_dated_byline,
    read_stamped_byline,
    read_wire_credits,
    written_once,
)
from nkcorpus.cleaning.dates import DATE_PATTERN, day_alone, find_date, yearless_stamp
from nkcorpus.cleaning.titles import choose_title, cut_site_name, match_key, title_parts

__all__ = [  # cut_site_name: from titles
    "FIRST_YEAR",
    "PageMetadata",
    "cut_site_name",
    "iso_date",
    "outlet_keys",
    "outlet_line",
    "read_metadata",
]

_ARTICLE_TYPES = re.compile(r"article|posting|report|newsarticle|blog|story", re.IGNORECASE)
#: Microdata item types whose date is the page's (an answer's or a comment's is not).
_ITEM_TYPES = re.compile(r"/(?:\w*Article|BlogPosting|Report|Question|\w*Posting)$", re.IGNORECASE)
#: The sources of a publication date that name the article's own (JSON-LD, microdata).
_ITEM_SOURCES = frozenset(["json-ld", "datepublished", "datecreated"])
#: The sources of the article's own publication moment: its JSON-LD and microdata, and the
#: meta elements of an article (not ``meta name=date``, often the day the page was built).
_OWN_SOURCES = _ITEM_SOURCES | {
    "article:published_time",
    "og:published_time",
    "og:article:published_time",
}
#: A moment written with a zone other than UTC's (``T13:55:00+09:00``).
_LOCAL = re.compile(r"T\d\d:\d\d(?::\d\d(?:\.\d+)?)?[+-](?!00:?00)\d\d:?\d\d$")
_PUBLISHED = (
    "article:published_time", "og:published_time", "og:article:published_time",
    "datepublished", "pubdate", "publishdate", "publish-date", "publish_date", "date",
    "dc.date", "dc.date.issued", "dcterms.date", "dcterms.created", "sailthru.date",
    "parsely-pub-date", "article.published", "published-date", "release_date", "ptime",
    "citation_publication_date", "originalpublicationdate", "datecreated", "og:regdate",
)  # fmt: skip
_MODIFIED = ("article:modified_time", "og:updated_time", "datemodified", "dcterms.modified")
_AUTHOR = (
    "author", "article:author", "parsely-author", "sailthru.author", "dc.creator",
    "dcterms.creator", "byl", "citation_author", "og:article:author", "twitter:written by",
    "microdata:author", "dable:author",
)  # fmt: skip
_CJK = re.compile(r"[\u4e00-\u9fff\uac00-\ud7a3]")
_LEADING_TIME = re.compile(r"^[\d\s:./-]+")
#: The holder that a copyright line names in Hangul or Han after its mark (``"Copyright ©
#: 데일리안. 무단전재 및 재배포 금지."``, ``"ⓒ 뉴시스"``).
_CJK_HOLDER = re.compile(
    r"(?:©|ⓒ|\([cC]\))\s*(?:\d{4}\s*)?(?P<holder>[가-힣\u4e00-\u9fff][가-힣\u4e00-\u9fffA-Za-z0-9]{1,15})"
    r"(?=\s*(?:[.,;|·(]|$|무단|재배포|版权|版權))"
)


def _cjk_holders(shown: list[str]) -> list[str]:
    """Each Korean or Chinese name that a copyright line among ``shown`` gives as its holder
    (``"Copyright © 데일리안. 무단전재 및 재배포 금지."``), in page order."""
    return [m["holder"] for line in shown if (m := _CJK_HOLDER.search(line))]


def _holders(shown: list[str]) -> set[str]:
    """The :func:`match_key` of each of :func:`_cjk_holders`."""
    return {match_key(holder) for holder in _cjk_holders(shown)}


#: The line under a forum thread's title that names who started it (XenForo's).
_THREAD_STARTER = re.compile(r"Thread\s+starter:?\s+(?P<name>\S(?:.{0,38}\S)?)", re.IGNORECASE)


def _thread_starter(shown: list[str]) -> tuple[str, ...]:
    """The name that a forum thread's ``"Thread starter lulug30"`` line among ``shown`` gives.

    >>> _thread_starter(["Home", "Thread starter lulug30", "Start date Jan 10, 2024"])
    ('lulug30',)
    """
    for line in shown:
        match = _THREAD_STARTER.fullmatch(line.strip())
        if match:
            return (match["name"],)
    return ()


#: A site named as its owner's: a person's name (two to four capitalized words) or, on
#: Substack, whose publications bear their writer's user name by default, any name; then
#: ``'s``, up to two words, and the kind of site (``"Derek Seaman's Tech Blog"``), a
#: copyright mark and year before it allowed.
_POSSESSIVE_SITE = re.compile(
    r"(?:(?:copyright\s*)?©\s*(?:\d{4}\s*)?)?"
    r"(?:(?!(?:the|a|an|my|our|your|this|every)\s)"
    r"(?P<name>(?-i:[A-Z][\w.-]*)(?:\s+(?-i:[A-Z][\w.-]*)){1,3})['’]s\s+(?:[\w-]+\s+){0,2}"
    r"(?:blog|weblog|newsletter|journal|notebook|notes|homepage|website|substack)"
    r"|(?P<handle>\S{2,40})['’]s\s+substack)",
    re.IGNORECASE,
)


def _possessive_owner(names: list[str]) -> tuple[str, ...]:
    """The owner whose name the first of ``names`` (the site's names, its ``title``'s
    parts, the page's short lines) that names a site as a person's gives.

    >>> _possessive_owner(["Home", "Copyright © 2025 Derek Seaman's Tech Blog"])
    ('Derek Seaman',)
    >>> _possessive_owner(["Choosing a Web framework", "3d23d65-ddc6-4ce5's Substack"])
    ('3d23d65-ddc6-4ce5',)
    >>> _possessive_owner(["Men's Health Blog", "The World's Best Blog"])
    ()
    """
    for name in names:
        match = _POSSESSIVE_SITE.fullmatch(" ".join(name.split()))
        if match:
            return (match["name"] or match["handle"],)
    return ()


def _site_owner(shown: list[str], named: set[str]) -> tuple[str, ...]:
    """The owner of a personal site: the Chinese or Korean person's name (a common surname
    first, :func:`~nkcorpus.cleaning.authornames.chinese_name`,
    :func:`~nkcorpus.cleaning.authornames.korean_name`) that a copyright line among ``shown``
    gives as its holder, where that name is among the :func:`match_key` of the site's own
    names and headlines, ``named``: a blog named after its writer. An outlet's name
    (``"Copyright © 人民网"``) has no person's shape.

    >>> _site_owner(["Powered by: 博客堂 Copyright © 李建忠"], {"李建忠"})
    ('李建忠',)
    >>> _site_owner(["Copyright © 李建忠"], {"博客堂"}), _site_owner(["© 人民网"], {"人民网"})
    ((), ())
    """
    for holder in _cjk_holders(shown):
        if (chinese_name(holder) or korean_name(holder)) and match_key(holder) in named:
            return (holder,)
    return ()


_BARE_NAME = re.compile(r"[\u4e00-\u9fff]{2,4}|[가-힣]{2,4}")
_NOT_NAME = re.compile(r"https?://|www\.|@|\.com\b|^\W*$|[?？!！]", re.IGNORECASE)
#: Values that stand where a name would but name no writer: placeholders, a label left
#: alone, a commenter's header ("Art Edwards says"), a lone letter.
_NOT_PERSON = re.compile(
    r"^(?:no\s+author|unknown(?:\s+author)?|anonymous|author|published\s+by|posted\s+by|by|von"
    # a template's value left empty ("undefined" in JSON-LD)
    r"|undefined|null|none|n/a"
    # a stamp's label, read from the date after it ("Published 11:11 PM EST Nov 19, 2019")
    r"|published|updated|posted|modified|last\s+updated|date"
    r"|par|por|door|av|af|(?:source|quelle|fuente)\s*:.*"
    # "Art Edwards says", in lower case: "Carolyn Said" and "Edward Said" are names
    r"|written\s+by|.):?$|\s(?-i:says|said|wrote):?$"
    # a month or a day of the week, read from a date next to the name ("Dec", "Sat")
    r"|^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|june?|july?|aug(?:ust)?"
    r"|sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|mon(?:day)?|tue(?:s|sday)?"
    r"|wed(?:nesday)?|thu(?:rs|rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)\.?$"
    r"|^\(|\b(?:image|photo|picture)s?\s*:"
    # a control or a box's label in the byline's element ("Share", "About The Author")
    r"|^(?:home|share(?:\s+this)?|about(?:\s+the)?\s+authors?|follow(?:\s+(?:us|author))?"
    r"|subscribe|e-?mail|print|comments?|menu|search|more|twitter|facebook|linkedin|instagram"
    r"|whatsapp|reddit|pinterest|bookmarks?|save"
    # or a section's ("News", "Opinion"), which some sites put in the byline's element
    r"|news|opinions?|travel|sports?|business|politics|world|culture|lifestyle|health"
    r"|science|tech|technology|entertainment|money|analysis|editorial|features?|live)$",
    re.IGNORECASE,
)
#: A wire agency's credit: not a writer beside a named one.
_WIRE = re.compile(AGENCY, re.IGNORECASE)
#: A team or desk credited as the author (``"SolutionsHub Editorial Team"``): an author only
#: where the markup names no one else.
_TEAM = re.compile(r"\s(?:team|desk|newsroom)$", re.IGNORECASE)
#: A Chinese desk or channel credited as the author (``"大陸新聞組"``, ``"中国经济网 财经频道"``,
#: ``"编辑部"``): like a team, an author only where the markup names no one else.
_CJK_TEAM = re.compile(r"新[聞闻][組组]|[编編][辑輯]部|[频頻]道|[栏欄]目[组組]?")
#: Words never in a Chinese writer's name: a page's controls (a comment box's sign-in,
#: ``"点击登录"``, ``"个人设置"``; a link to its mobile version, ``"手机版"``) and its
#: anonymous users (``"中新网友"``, of a forum's post: a netizen).
_CJK_NO_NAME = re.compile(
    r"[登註注][录錄陆陸入册冊]|[设設][置定]|[昵暱]稱|昵称|手[机機]版|客[户戶]端|[订訂][阅閱]|分享"
    r"|收藏|打印|列印|[评評][论論]|跟[贴帖]|[关關][闭閉]|返回|[点點][击擊]|[网網]友|[读讀]者"
)
#: Portals that carry other outlets' stories: never an author.
_PORTAL = re.compile(r"네이버|다음|네이트|新浪|网易|網易|搜狐|腾讯|騰訊|百度|雅虎|Naver|Daum|Nate")
#: A Korean or Chinese name that is an outlet's: a paper, a site, a channel, a magazine,
#: or a portal that carries the outlets' stories (``"연합뉴스 | 네이버"``).
_OUTLET = re.compile(
    r"[\u4e00-\u9fff]{1,10}(?:報|报|網|网|社|新聞|新闻|電視台|电视台|週刊|周刊|雜誌|杂志|日報|晚報)"
    r"|[가-힣A-Za-z0-9]{1,10}(?:뉴스|일보|신문|방송|통신|닷컴|타임스|매거진)"
    rf"|{_PORTAL.pattern}"
)
#: A short note in brackets after a name: initials, a handle (``"Elena Oberholzer (obe)"``).
_INITIALS_AFTER = re.compile(r"\s*\([^()]{1,12}\)$")
#: A note in brackets that ends a byline's value, commas and all: the writer's place and post
#: (``"Gilles Rof (Marseille, correspondant)"``), their outlet (``"(Reuters)"``).
_NOTE_AFTER = re.compile(r"\s*\([^()]{1,40}\)\s*$")
_ABBREVIATION = re.compile(r"[A-Z][A-Z.]{1,6}")


def _abbreviations(part: str) -> bool:
    """Whether a part of a byline's list after a name is its degrees or its outlet, not a
    second name: one word in capitals (``"FACLM"``, ``"CNN"``), or words in capitals among
    which a degree (``"M.D. FACLM"``; not ``"DAVID CAPLAN"``, a name in capitals)."""
    words = part.split()
    if not all(_ABBREVIATION.fullmatch(word) for word in words):
        return False
    return len(words) == 1 or any(credential(word) for word in words)


#: Words of a byline's list that are no name (a title, a staff credit, a label).
#: A word left alone where a name would be: a title, a label, the ``"From"`` of a source's
#: credit whose agency was cut (``"From Reuters"``).
_NO_NAME_WORD = re.compile(r"^(?:dr|staff|posted|by|from|via)\.?$", re.IGNORECASE)
#: A wire agency after a name, with no comma between (``"Vasilisa Stepanenko The Associated
#: Press"``): the agency the writer files for, not part of the name.
_AGENCY_AFTER = re.compile(rf"(?<=[a-z.])(?<!\bThe)\s+{AGENCY}$")
_WHITE_RUN = re.compile(r"\s{2,}")  # a lone no-break space stays (in "Jean\u00a0Dupont")
_AUTHOR_SPLIT = re.compile(r"\s*(?:;|,|、|\band\b|\bAND\b|\bAnd\b|&|\|)\s*|\s+(?:und|og|och|et)\s+")
_BYLINE_TAIL = re.compile(
    # a date's label after the name, with or without its colon ("Updated: March 22, 2023")
    r"\s+(?:[-–—|·•/]|on|at|posted|(?:last\s+)?updated|published|says)[:：]?(?:\s.*)?$"
    r"|^(?:last\s+)?(?:updated|published|posted)\s*[:：].*$"  # that label alone
    # the section or place after the name ("Written by Michael Larabel in Valve on …"), a
    # capital after "in" ("Human in the Loop", a blog's name, stays whole)
    r"|\s+in\s+(?-i:[A-Z]).*$"
    r"|,?\s+(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d.*$"
    # a date or count after the name, but not the digits that end a user name ("user447274")
    r"|,?\s*(?<!\w)\d.*$|(?<=[^\W\d])\d+\D.*$",
    re.IGNORECASE,
)
_BY = re.compile(
    r"^(?:(?:by|von|par|por|(?:this\s+(?:post|article|story)\s+(?:was\s+)?)?"
    r"(?:written|reported|posted)\s+by|words by|story by|text by|post by|authors?"
    r"|(?:opinion|analysis|commentary|interview|review)\s+by"
    r"|autor(?:in)?|auteur)\s*:?"
    r"|text:|기자|记者|記者"
    r"|(?:view\s+)?(?:all\s+|more\s+)?(?:posts|articles|stories)\s+by"
    # an about-the-author box's heading ("Meet Wes Bos", "More from Jane Doe")
    r"|(?:meet|more\s+(?:from|by))(?!\s+(?:the|our|us)\b))(?:\s+|(?-i:(?=[A-Z])))",
    re.IGNORECASE,
)
#: What follows a name in a forum's post header (``"changingtimes » Sat Dec 13"``), or after
#: a gap of spaces with a no-break space in it (``"Brian Truitt \u00a0 USA TODAY"``).
_AFTER_NAME = re.compile(
    # each alternative starts where a run of spaces starts, so that a long run is looked
    # at once, not once from each of its spaces
    r"(?<!\s)\s+»\s.*$|(?<!\s)\s+»$|(?<!\s)(?=\s*\u00a0)(?=\s\s)\s+\S.*$"
)


@attrs.frozen
class PageMetadata:
    """What :func:`read_metadata` found.

    Attributes:
        title: the article's title.
        published: the publication date (ISO 8601, with the time when the page gives it).
        authors: the authors' names.
        outlet: the site's name.
        extra: ``(name, value)`` pairs for :attr:`Metadata.extra <nkcorpus.Metadata.extra>`.
        article_body: the ``articleBody`` of the first JSON-LD article that has one, as the
            JSON holds it (``None`` if none has).
    """

    title: str | None = None
    published: str | None = None
    authors: tuple[str, ...] = ()
    outlet: str | None = None
    extra: tuple[tuple[str, Any], ...] = ()
    article_body: Any = None


#: Characters that do not print (zero-width spaces, word joiners, byte order marks) with
#: the white space around them at a value's ends: the headline's ``h1`` of a Pikabu page
#: ends with two word joiners.
_INVISIBLE_ENDS = re.compile(
    r"^[\s\u200b-\u200f\u2060-\u2064\ufeff]+|[\s\u200b-\u200f\u2060-\u2064\ufeff]+$"
)


#: Characters that do not print wherever they stand in a title: soft hyphens (LTO's
#: ``"Ver\u00adfas\u00adsungs\u00adbe\u00adschwerde"``), zero-width spaces, word joiners,
#: byte order marks (not the joiners that some scripts need, U+200C and U+200D).
_INVISIBLE = re.compile("[\u00ad\u200b\u2060\ufeff]")


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    if "&" in value:  # escaped twice in the page source
        value = html.unescape(value)
    value = " ".join(value.split())
    return value or None


def _meta(tree: Any) -> dict[str, str]:
    """``meta`` values by lower-cased name or property; the first one of each name wins,
    except for authors: the distinct values of an author name are joined with ``"; "``
    (``meta name=author`` may hold the site, a later ``itemprop=author`` the writer)."""
    out: dict[str, str] = {}
    authors: dict[str, dict[str, None]] = {}  # each author name's distinct values, in order
    for element in tree.iter("meta"):
        content = element.get("content")
        if content is None:
            continue
        for key in ("property", "name", "itemprop", "http-equiv"):
            name = element.get(key)
            if name and (value := _clean(content)):
                name = name.strip().lower()
                out.setdefault(name, value)
                if name in _AUTHOR:
                    authors.setdefault(name, {})[value] = None
    out.update((name, "; ".join(values)) for name, values in authors.items())
    # Microdata on a time element of the article or question itself (a question's
    # <time itemprop="dateCreated" datetime=…>), not of a comment or an answer.
    for element in tree.iter("time"):
        prop = (element.get("itemprop") or "").strip().lower()
        if prop in ("datepublished", "datecreated") and prop not in out:
            value = _clean(element.get("datetime"))
            if value and _ITEM_TYPES.search(_item_type(element)):
                out[prop] = value
    # The microdata author of the article or of a forum's first post (a Person item with
    # its name: <div itemprop="author" itemscope><meta itemprop="name" content=…>), not
    # of a comment.
    for element in tree.xpath(".//*[@itemscope and @itemprop='author']"):
        if not _ITEM_TYPES.search(_item_type(element)):
            continue
        named = element.xpath(".//*[@itemprop='name']")
        if named:
            value = _clean(named[0].get("content") or named[0].text_content())
            if value:
                out["microdata:author"] = value
                break
    for n in "12":  # Yoast SEO: twitter:label1 "Written by", twitter:data1 the name
        if out.get(f"twitter:label{n}", "").casefold() == "written by":
            out.setdefault("twitter:written by", out.get(f"twitter:data{n}", ""))
    if "twitter:misc:written by" in out:
        out.setdefault("twitter:written by", out["twitter:misc:written by"])
    return out


def _item_type(element: Any) -> str:
    """The ``itemtype`` of the microdata item ``element`` belongs to (``""`` if none)."""
    for ancestor in element.iterancestors():
        if ancestor.get("itemscope") is not None:
            return str(ancestor.get("itemtype") or "")
    return ""


def _json_ld(tree: Any) -> Iterator[dict[str, Any]]:
    """Every JSON-LD object of the page, nested ``@graph`` entries and the ``mainEntity``
    of a page (a ``WebPage`` whose main entity is the article) included."""
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        try:  # strict=False: line breaks inside strings, as pages write them, are read
            data = json.loads(script.text, strict=False)
        except (ValueError, RecursionError):  # not JSON, or nested deeper than it can read
            continue
        todo = [data]
        while todo:
            item = todo.pop()
            if isinstance(item, list):
                todo.extend(reversed(item))
            elif isinstance(item, dict):
                yield item
                todo.extend(item[key] for key in ("mainEntity", "@graph") if key in item)


def _names(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return _names(value.get("name"))
    if isinstance(value, list):
        return [name for item in value for name in _names(item)]
    return []


def _articles(objects: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The JSON-LD objects that are articles (``NewsArticle``, ``BlogPosting``, ...), in order."""
    out = []
    for item in objects:
        kind = item.get("@type")
        kinds = kind if isinstance(kind, list) else [kind]
        if any(isinstance(k, str) and _ARTICLE_TYPES.search(k) for k in kinds):
            out.append(item)
    return out


def _organisation(value: Any) -> bool:
    """Whether a JSON-LD author is typed as something other than a person (an
    ``Organization``, a ``Corporation``: ``{"@type": "Organization", "name": "Morgan &
    Morgan"}``)."""
    if not isinstance(value, dict) or "@type" not in value:
        return False
    kind = value["@type"]
    kinds = kind if isinstance(kind, list) else [kind]
    return not any(isinstance(k, str) and k.casefold() == "person" for k in kinds)


def _json_ld_authors(
    articles: list[dict[str, Any]], objects: list[dict[str, Any]]
) -> tuple[list[str], list[str]]:
    """The names of the people and of the organisations that the first article that
    names its authors gives; ``{"@id": ...}`` is looked up."""
    by_id = {o["@id"]: o for o in objects if isinstance(o.get("@id"), str) and "name" in o}
    for article in articles:
        value = article.get("author")
        values = value if isinstance(value, list) else [value]
        resolved = [
            by_id.get(v["@id"], v) if isinstance(v, dict) and "name" not in v and "@id" in v else v
            for v in values
        ]
        people = _names([v for v in resolved if not _organisation(v)])
        organisations = _names([v for v in resolved if _organisation(v)])
        if people or organisations:
            return people, organisations
    return [], []


def iso_date(value: str | None) -> str | None:
    """``value`` as ISO 8601 (``2024-03-01`` or ``2024-03-01T09:30:00+09:00``), or ``None``,
    also for a placeholder that stands for no date: a year before :data:`FIRST_YEAR`
    (``0001-01-01T00:00:00Z``, a null date of .NET) or the first day of Unix time.

    >>> iso_date("2024-03-01T09:30:00Z"), iso_date("0001-01-01T00:00:00Z"), iso_date("1970-01-01")
    ('2024-03-01T09:30:00+00:00', None, None)
    """
    found = _iso_date(value)
    if found is None or int(found[:4]) < FIRST_YEAR or found.startswith("1970-01-01"):
        return None
    return found


#: The first year a web page's date may name; earlier ones are placeholders.
FIRST_YEAR = 1900


def _iso_date(value: str | None) -> str | None:
    if not value:
        return None
    text = value.strip().replace("Z", "+00:00").replace(" ", "T", 1)
    text = re.sub(r"([+-]\d\d)(\d\d)$", r"\1:\2", text)
    try:
        parsed = dt.datetime.fromisoformat(text)
    except ValueError:
        return _other_date(value.strip())
    if len(text) <= 10:
        return parsed.date().isoformat()
    return parsed.isoformat()


#: A date as sites write it in their ``meta`` besides ISO 8601: with dots or slashes and
#: a time (``2024.01.05 14:30``), or in one run of digits (``20240105143000``, Daum's
#: ``og:regDate``).
_OTHER_DATE = re.compile(
    r"(?P<y>(?:19|20)\d\d)(?:[-/.](?P<m>\d\d?)[-/.](?P<d>\d\d?)\.?|(?P<m2>\d\d)(?P<d2>\d\d)(?=\d{4}|$))"
    r"(?:[T\s]*(?P<h>\d\d?):?(?P<i>\d\d)(?::?(?P<s>\d\d))?)?\s*"
)


_RFC_2822 = re.compile(
    r"(?:[A-Z][a-z]{2},\s*)?\d{1,2}\s+[A-Z][a-z]{2}\s+\d{4}\s+\d\d:\d\d(?::\d\d)?"
    r"(?:\s*(?:[+-]\d{4}|GMT|UTC?|[ECMP][SD]T))?"
)


def _other_date(value: str) -> str | None:
    """A ``meta`` date that is not ISO 8601 (:data:`_OTHER_DATE`, or RFC 2822 as feeds
    write it: ``Fri, 05 Jan 2024 14:30:00 +0900``) in ISO 8601, or ``None``; of a date
    followed by more than a time (``2019-11-19 07:47 PM``), the date alone."""
    from email.utils import parsedate_to_datetime

    match = _OTHER_DATE.fullmatch(value)
    if match is None and _RFC_2822.fullmatch(value):
        try:
            return parsedate_to_datetime(value).isoformat()
        except (TypeError, ValueError, IndexError):
            return None
    timed = match is not None  # else the date that begins it, the rest ("07:47 PM") unread
    match = match or _OTHER_DATE.match(value)
    if match is None:
        return None
    try:
        month, day_of_month = int(match["m"] or match["m2"]), int(match["d"] or match["d2"])
        day = dt.date(int(match["y"]), month, day_of_month)
    except ValueError:
        return None
    if not timed or match["h"] is None:
        return day.isoformat()
    try:
        clock = dt.time(int(match["h"]), int(match["i"]), int(match["s"] or 0))
    except ValueError:
        return day.isoformat()  # no such time: the day alone
    moment = dt.datetime.combine(day, clock)
    return moment.isoformat(timespec="seconds" if match["s"] else "minutes")


def _shown_offset(published: str | None, times: list[str]) -> str | None:
    """``published`` as the page's ``time`` element writes the same moment, where
    ``published`` is in UTC and the element gives the page's own offset: a story the
    markup dates ``2025-12-18T23:25:38+00:00`` is shown as ``Dec 19`` where it was
    published (``datetime="2025-12-19T04:25:38+0500"``).

    >>> _shown_offset("2025-12-18T23:25:38+00:00", ["2025-12-19T04:25:38+0500"])
    '2025-12-19T04:25:38+05:00'
    """
    if not published or not published.endswith("+00:00"):
        return published
    moment = dt.datetime.fromisoformat(published)
    for value in times:
        local = iso_date(value)
        if local is None or len(local) <= 10 or local.endswith("+00:00"):
            continue
        shown = dt.datetime.fromisoformat(local)
        if shown.tzinfo is not None and shown == moment:
            return local
    return published


def _before_date(value: str) -> str:
    """``value`` up to the date it goes on with, which names no one (``"By Mike Isaac New
    York Times ,May 3, 2016, 2:58 p.m."``); a value that opens with its date stays whole.

    >>> _before_date("Mike Isaac ,May 3, 2016, 2:58 p.m.")
    'Mike Isaac ,'
    """
    date = DATE_PATTERN.search(value)
    if date is None or date.start() == 0:
        return value
    return _WEEKDAY_END.sub("", value[: date.start()])  # "Joe Wee Monday, February 29, …"


_WEEKDAY_END = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s*$", re.IGNORECASE)


def split_authors(value: str, shown: bool = False) -> tuple[str, ...]:
    """Names in a byline value (``"Kim Min-ji and Lee Ho"``, ``"A; B"``), up to a job
    title after them (:func:`~nkcorpus.cleaning.authornames.until_job_title`), without
    the parts not shaped as a name (:func:`~nkcorpus.cleaning.authornames.name_shaped`).

    With ``shown`` (a block the page shows as a byline), names are capitalized, and one
    part not shaped as a name means the block is no byline: no names at all. Degrees after a
    name, and capitals alone after one (an outlet, ``"CNN"``), are no names.

    >>> split_authors("Dylan Bailey, MS, RD, FAND"), split_authors("Jane Doe, CNN")
    (('Dylan Bailey',), ('Jane Doe',))
    """
    names: list[str] = []
    if "://" in value:
        return ()
    # What follows the name goes first (two spaces, one of them no-break, before it); then
    # one space stands for each run of two or more: the patterns below open with "\s*",
    # which is tried again from every space of a long run (quadratic time).
    value = _NOTE_AFTER.sub("", _WHITE_RUN.sub(" ", _AFTER_NAME.sub("", _before_date(value))))
    value = without_credits(value)
    for part in until_job_title(_AUTHOR_SPLIT.split(value)):
        part = _INITIALS_AFTER.sub("", _BY.sub("", part.strip(" .·-/")))
        part = written_once(part)
        agency = _AGENCY_AFTER.search(part)
        if agency is not None and not part[: agency.start()].split()[-1].islower():
            # a writer, then the agency they file for; not an outlet's credit that names
            # the agency it drew on ("franceinfo avec AFP"): that stays whole
            part = part[: agency.start()]
        if (
            not part
            or _NOT_NAME.search(part)
            or _NO_NAME_WORD.match(part)
            or credential(part)
            or len(part) > 60
            or (names and _abbreviations(part))
        ):
            continue
        bare = without_role(part, set())
        if not bare:
            continue  # a staff credit that names no one ("Ars Staff")
        if name_shaped(bare, cased=shown):
            names.append(part)
        elif shown:
            return ()
    if _filed_from(names, value):
        names.pop()  # the place the writers file from ("By Jane Doe, Seoul")
    return tuple(dict.fromkeys(names))


def _filed_from(names: list[str], value: str) -> bool:
    """Whether the last of ``names`` is the place the others file from: one word after a
    comma at the end of ``value``, after names of two words or more."""
    if len(names) < 2 or len(names[-1].split()) != 1:
        return False
    if not all(len(name.split()) > 1 for name in names[:-1]):
        return False
    return re.search(rf",\s*{re.escape(names[-1])}\W*$", value) is not None


#: A part of an author ``meta`` value that credits a maker of the site by their role
#: (``"design: Scott McDaniel"``).
_ROLE_CREDIT = re.compile(r"^(?!(?:author|by|written by|posted by)\s*:)[a-z][a-z ]{1,20}:\s*\S")


#: A site's name written as its domain (``"hessenschau.de"``, ``"ORF.at"``).
_DOMAIN = re.compile(r"(?:[\w-]+\.)+[a-z]{2,6}", re.IGNORECASE)


def _meta_names(value: str) -> tuple[str, ...]:
    """The names of an author ``meta`` value: a Korean or Chinese byline as a whole
    (``"홍길동 기자 hong@yna.co.kr"``, ``"本报记者 张三"``), else its names
    (:func:`split_authors`); none from the site's credits, two parts or more that name a
    role (``"content: MarketingSherpa; design: Scott McDaniel; code: Steve Beger"``), and
    none from a value that opens with the site's domain (its address after it), nor from
    a Chinese or Japanese sentence (a site's description).

    >>> _meta_names("content: MarketingSherpa; design: Scott McDaniel; code: Steve Beger")
    ()
    >>> _meta_names("hessenschau.de, Frankfurt, Germany"), _meta_names("Jane Doe, cnn.com")
    ((), ('Jane Doe',))
    >>> _meta_names("nocutnews.co.kr, 홍길동 기자"), _meta_names("cnn.com, Jane Doe")
    (('홍길동',), ('Jane Doe',))
    """
    parts = _AUTHOR_SPLIT.split(value)
    if sum(1 for part in parts if _ROLE_CREDIT.match(part.strip())) >= 2:
        return ()
    if _DOMAIN.fullmatch(parts[0].strip()):
        # The site alone ("CSDN.NET"), then its address ("hessenschau.de, Frankfurt,
        # Germany": one word each) or its writer ("nocutnews.co.kr, 홍길동 기자").
        value = ", ".join(p for p in parts[1:] if len(p.split()) >= 2 or _CJK.search(p))
        if not value:
            return ()
    if _CJK.search(value):
        if _CJK_SENTENCE.search(value):
            return ()  # a sentence: the site's description ("…金融资讯，以及个人理财咨询等服务")
        byline = read_byline(value)
        if byline is not None and byline.authors:
            return byline.authors
    return split_authors(value)


#: The punctuation inside or at the end of a Chinese or Japanese sentence, which no list
#: of names holds (it lists them with ``、`` or spaces).
_CJK_SENTENCE = re.compile(r"[，。；！？]")


#: Author ``meta`` names of library catalogues: one person each, ``"Brazil, Rachel"``.
_CATALOGUE = frozenset(["dc.creator", "dcterms.creator", "citation_author"])
_SURNAME_FIRST = re.compile(r"([^\W\d][\w'’-]*),\s*([^\W\d][\w'’.-]*(?:\s+[^\W\d][\w'’.-]*)?)")


def _catalogue_names(value: str) -> tuple[str, ...]:
    """The names of catalogue ``meta`` values: ``"You, Xiaoying; Basu, Mohana"`` gives
    ``("Xiaoying You", "Mohana Basu")``."""
    if "://" in value:
        return ()
    names: list[str] = []
    for part in value.split(";"):
        match = _SURNAME_FIRST.fullmatch(part.strip())
        names.extend((f"{match[2]} {match[1]}",) if match else split_authors(part))
    return tuple(dict.fromkeys(names))


def _htmldate(tree: Any, extensive: bool) -> str | None:
    """htmldate's original publication date of the page, or ``None``."""
    import htmldate

    try:
        found = htmldate.find_date(tree, extensive_search=extensive, original_date=True)
    except Exception:  # a page htmldate cannot read has no date from it
        return None
    return iso_date(found)


def _shows_day(shown: list[str], day: str) -> bool:
    """Whether one of the page's ``shown`` blocks gives the date ``day`` (``YYYY-MM-DD``)."""
    year = day[:4]
    return any(
        find_date(match.group()) == day
        for text in shown
        if year in text
        for match in DATE_PATTERN.finditer(text)
    )


def _searched_wins(
    searched: str, structured: str, sources: dict[str, str], modified: str | None
) -> bool:
    """Whether htmldate's day replaces the markup's publication date ``structured``.

    It does when the two name days a day apart at most (the markup's time in UTC, the
    page's own day in its zone) or when the markup's date is a ``time`` element's; not when
    htmldate's day is the markup's modified date (it fell back on the update), nor when
    JSON-LD or a ``meta`` element names a day further apart (a date htmldate found
    elsewhere: an edit, a related item).
    """
    if searched == structured[:10] or (modified and searched == modified[:10]):
        return False
    if sources.get("published") not in _ITEM_SOURCES:
        return True
    apart = _days_apart(searched, structured)
    return apart is None or apart <= 1


def _days_apart(first: str, second: str) -> int | None:
    """How many days apart the days of two ISO 8601 values are (``None``: one is no day).

    >>> _days_apart("2016-12-23T00:47:00Z", "2016-12-22T18:47"), _days_apart("2020", "2020")
    (1, None)
    """
    try:
        apart = dt.date.fromisoformat(first[:10]) - dt.date.fromisoformat(second[:10])
    except ValueError:
        return None
    return abs(apart.days)


def _same_moment(timed: str, dated: str) -> bool:
    """Whether a time element's ISO 8601 value and a dateline's name the same moment as a
    page shows them: the same day, or days side by side with the same minutes past the hour
    (the markup's UTC time against the page's local one).

    >>> _same_moment("2016-12-23T00:47:00Z", "2016-12-22T18:47")
    True
    >>> _same_moment("2020-08-15T09:35:53-07:00", "2020-08-14T14:30")
    False
    """
    if timed[:10] == dated[:10]:
        return True
    minutes = timed[13:16], dated[13:16]  # ":47" of "…T00:47"
    return (
        _days_apart(timed, dated) == 1 and minutes[0] == minutes[1] and minutes[0].startswith(":")
    )


def _byline_names(bylines: list[str]) -> tuple[str, ...]:
    """The names a Korean or Chinese byline block gives (``"聯合報 記者林宸誼／即時報導"``).

    The first two blocks are read, but for blocks that are no byline at all (a site's name,
    ``"中国新闻网"``) and desk editors' credits (``"[责任编辑：朱家浒]"``): the blocks after
    them are read in their place (``"作者：上官云 宋宇晟"``), up to the sixth.
    """
    read = 0  # the blocks read that count as one of the two
    for line in bylines[:6]:
        line = line.strip()
        if not _CJK.search(line):
            read += 1
        else:
            found = (
                read_byline(line)
                or read_byline(_LEADING_TIME.sub("", line))
                or read_stamped_byline(line)[0]
            )
            if found is not None and found.authors:
                return found.authors
            if _BARE_NAME.fullmatch(line):
                return (line,)
            if found is not None and not desk_editor_credit(line):
                read += 1
        if read == 2:
            break
    return ()


def _latin_byline_names(bylines: list[str]) -> tuple[str, ...]:
    """The names that the first of the first two byline blocks without Han or Hangul that
    reads as a byline gives (``"By Takeo Maeda / Yomiuri Shimbun Staff Writer"``)."""
    for line in bylines[:2]:
        if not _CJK.search(line):
            found = read_byline(line)
            if found is not None and found.authors:
                return found.authors
    return ()


def _listed(bylines: list[str], index: int) -> tuple[str, ...]:
    """The names of the byline block at ``index``, and of the blocks after it while each
    ends with a list's ``;`` or ``,`` (a paper's authors, one block each:
    ``"Jennifer Huberty1, PhD ;"``, ``"Jeni Green1, MS ;"``, ``"Chong Lee1, PhD"``)."""
    line = bylines[index]
    # a line that opens with its date names writers after it, if any ("May 4, 2016 This
    # story originally appeared on Reuters": none, not "May")
    dated_first = DATE_PATTERN.match(line.lstrip()) is not None
    names = () if dated_first else split_authors(_BYLINE_TAIL.sub("", _before_date(line)), True)
    if not names and (dated := read_dated_byline(line)) is not None:
        names = dated.authors  # "Oct 30 2020 by Emily Co"
    while names and bylines[index].rstrip().endswith((";", ",")) and index + 1 < len(bylines):
        index += 1
        more = split_authors(_BYLINE_TAIL.sub("", bylines[index]), shown=True)
        if not more:
            break
        names += more
    return names


def _linked_writers(tree: Any, pages: list[str]) -> tuple[str, ...]:
    """The writer whose page an author ``meta`` gives as a URL (``article:author``
    ``"https://www.engadget.com/editors/jon-fingas"``): the text of the page's first link
    to a page of the same name (``<a href=".../about/editors/jon-fingas/">Jon Fingas</a>``),
    where its letters are the name's."""
    for page in pages:
        if "://" not in page:
            continue
        slug = page.split("?")[0].rstrip("/").rsplit("/", 1)[-1].casefold()
        key = match_key(slug)
        if len(key) < 3:
            continue
        for link in tree.iter("a"):
            href = (link.get("href") or "").split("?")[0].rstrip("/")
            if href.rsplit("/", 1)[-1].casefold() == slug:
                text = " ".join(str(link.text_content()).split())
                if match_key(text) == key and name_shaped(text):
                    return (text,)
    return ()


def _as_shown(
    authors: tuple[str, ...], others: list[tuple[str, tuple[str, ...]]], bylines: list[str]
) -> tuple[tuple[str, ...], str] | None:
    """The markup's Latin-script ``authors`` as the page's ``bylines`` show them, with the
    source that names them so, where the markup writes them otherwise (else ``None``):

    * one writer written surname first (``"Gillman, Steve"``, read as two names), where
      a byline shows ``"Steve Gillman"``;
    * a user name (``"mikecason"``) that another source ``others`` writes as a name with
      the same letters (``"Mike Cason"``);
    * names that no byline shows (the publisher, ``"Condé Nast"``), where another marked
      source (not a byline) names writers that bylines do show.

    >>> _as_shown(("Gillman", "Steve"), [], ["by Steve Gillman", "Contributor"])
    (('Steve Gillman',), 'byline')
    >>> _as_shown(("mikecason",), [("byline", ("Mike Cason",))], ["Mike Cason | mcason"])
    (('Mike Cason',), 'byline')
    """
    if any(_CJK.search(a) for a in authors):
        return None
    shown = match_key(" ".join(bylines))
    if len(authors) == 2 and all(len(a.split()) == 1 for a in authors):
        turned = f"{authors[1]} {authors[0]}"
        if match_key(turned) in shown and match_key(" ".join(authors)) not in shown:
            return (turned,), "byline"
    if len(authors) == 1 and authors[0].islower() and " " not in authors[0]:
        key = match_key(authors[0])
        for source, names in others:
            if len(names) == 1 and " " in names[0] and match_key(names[0]) == key:
                return names, source
    if not any(match_key(a) in shown for a in authors):
        for source, names in others:
            if source == "byline":  # a byline of the page's other articles, as likely
                continue
            if names and all(match_key(n) in shown for n in names):
                return names, source
    return None


def _names_more(listed: tuple[str, ...], authors: tuple[str, ...], within: bool = False) -> bool:
    """Whether ``listed`` begins with the lead writer of ``authors``, holds them all and
    names more (``within``: a writer's key may be part of a listed one's, as a byline
    block's text may hold more than the name).

    >>> _names_more(("April Roach", "Daniel O'Mahony"), ("April Roach",))
    True
    """
    if len(listed) <= len(authors):
        return False
    keys = [match_key(n) for n in listed]

    def holds(key: str, listed_key: str) -> bool:
        return key in listed_key if within else key == listed_key

    wanted = [match_key(a) for a in authors]
    return holds(wanted[0], keys[0]) and all(any(holds(w, k) for k in keys) for w in wanted)


def _headline_at(
    title: str | None, shown: list[str], headings_at: tuple[int, ...] = ()
) -> int | None:
    """The index of the first ``h1`` block (at ``headings_at`` in ``shown``) that reads as
    ``title``, else of the first block the page shows that does (a list of recent posts
    beside the article may name it before its headline).

    >>> _headline_at("Landed", ["Landed", "Older post", "Landed", "2025-12-17"], (2,))
    2
    """
    key = match_key(title or "")
    if not key:
        return None
    for at in headings_at:
        if match_key(shown[at]) == key:
            return at
    return next((i for i, text in enumerate(shown) if match_key(text) == key), None)


def _under(at: int | None, shown: list[str]) -> list[str]:
    """The five blocks the page shows after the headline's (at ``at``)."""
    return shown[at + 1 : at + 6] if at is not None else []


def _around(at: int | None, shown: list[str]) -> tuple[list[str], list[str]]:
    """The three blocks the page shows after the headline's (at ``at``), and the two
    before it."""
    if at is None:
        return [], []
    return shown[at + 1 : at + 4], shown[max(0, at - 2) : at]


def _name_beside_date(groups: tuple[list[str], ...]) -> tuple[str, ...]:
    """A writer's name alone beside a date, in the first of ``groups`` of lines that has
    one: on the date's line (up to 80 characters), before or after it, a separator between
    them or none, or on the next line after a date line that ends in a separator alone. A
    name is two to four capitalized words (initials too), shaped as a name,
    no job title, not in capitals, not opening with ``By``. (A name on a line of its own
    next to a date alone is not read: a subheading there has a name's shape as often.)

    >>> _name_beside_date((["Share", "Dec 17, 2025 Julian K. Arni"],))
    ('Julian K. Arni',)
    >>> _name_beside_date((["2025-12-17 · Trond Teigen"],))
    ('Trond Teigen',)

    A date that ends in a separator alone goes on in the next line (a name in an element
    of its own):

    >>> _name_beside_date((["2025-12-17 ·", "Trond Teigen"],))
    ('Trond Teigen',)
    >>> _name_beside_date((["March 3, 2025 Updates", "Read more"],))
    ()

    A stamp's label stands for a date that the line tells in words a date has none of:

    >>> _name_beside_date((["Fouzia Van Der Fort|Published 4 months ago"],))
    ('Fouzia Van Der Fort',)

    The name may close the stamp's fields after the date:

    >>> _name_beside_date((["December 15, 2025 · 30 min · 6279 words · Ash Vardanian"],))
    ('Ash Vardanian',)
    >>> _name_beside_date((["January 13, 2020 | categories: Python | View Comments"],))
    ()
    """
    for lines in groups:
        texts = [" ".join(line.split()) for line in lines]
        for at, text in enumerate(texts):
            match = DATE_PATTERN.search(text) if len(text) <= 80 else None
            if match is None:
                label = _STAMP_LABEL.search(text) if len(text) <= 80 else None
                name = _name_alone(text[: label.start()].strip(_BESIDE)) if label else ""
                if name:
                    return (name,)
                continue
            before = text[: match.start()].strip(_BESIDE)
            rest = _TIME_AFTER.sub("", text[match.end() :])
            after = rest.strip(_BESIDE)
            if not (before or after) and rest.strip() and at + 1 < len(texts):
                # The date ends in a separator alone: its line goes on in the next element.
                after = texts[at + 1]
            name = _name_alone(before or after) if not (before and after) else ""
            if not name and after and not before and STAMP_FIELD.search(after):
                # the stamp's fields after the date, the name the last of them ("December
                # 15, 2025 · 30 min · 6279 words · Ash Vardanian")
                name = _name_alone(STAMP_FIELD.split(after)[-1].strip(_BESIDE))
            if name:
                return (name,)
    return ()


#: A reading time, as blogs print it under the date (``"6 min read"``).
_READING_TIME = re.compile(r"\d{1,3}\s*min(?:ute)?s?\s+read", re.IGNORECASE)


def _name_over_stamp(lines: list[str]) -> tuple[str, ...]:
    """The writer's name on a line of its own over a date and a reading time, each a line of
    their own, as blog platforms set a post's byline (``"Dr. Allen"``, ``"Jan 4"``, ``"2 min
    read"``; ``"Ben"``, ``"2 days ago"``, ``"6 min read"``).

    >>> _name_over_stamp(["Dr. Allen", "Jan 4", "2 min read", "As we welcome 2025, …"])
    ('Dr. Allen',)
    >>> _name_over_stamp(["Tips for winter", "Jan 4", "Share"])
    ()
    """
    for name, date, reading in zip(lines, lines[1:], lines[2:], strict=False):
        words = name.split()
        if (
            _READING_TIME.fullmatch(reading.strip())
            and (find_date(date) or day_alone(date) or yearless_stamp(date))
            and 1 <= len(words) <= 4
            and words[0].casefold() not in _STAMP_WORDS  # "By Clay": by_alone's
            and all(word[:1].isupper() for word in words)
            and name_shaped(name)
            and not job_title(name)
            and not any(word.casefold() in _CONTROL_WORDS for word in words)
        ):
            return (name,)
    return ()


def _name_alone(text: str) -> str:
    """``text`` when it is a writer's name alone (see :func:`_name_beside_date`), or a Korean
    name alone (``"박상우 2024. 5. 13. 12:52"``, :func:`korean_name`), else ""."""
    if korean_name(text):
        return text
    words = text.split()
    if (
        2 <= len(words) <= 4
        and all(_NAME_WORD.fullmatch(word) for word in words)
        and not text.isupper()
        and words[0].casefold() not in _STAMP_WORDS  # "By …": by_alone's, or a site
        and not any(word.casefold() in _CONTROL_WORDS for word in words)  # "View Comments"
        and name_shaped(text)
        and not job_title(text)
    ):
        return text
    return ""


#: A Chinese name written alone: two or three Han characters (a middle dot between the
#: parts of a transcribed one).
_HAN_NAME = re.compile(r"[\u4e00-\u9fff]{2,3}|[\u4e00-\u9fff]{1,4}·[\u4e00-\u9fff]{1,4}")
#: A reporter's post in Chinese or Korean, as the line under the name gives it.
_POST = re.compile(r"(?:记者|記者|特派员|特派員|通讯员|通訊員|編輯|编辑|기자|특파원|에디터)$")
#: The most characters of the outlet's line under a writer's name.
OUTLET_LINE_CHARS = 30


def outlet_line(text: str, keys: set[str]) -> bool:
    """Whether ``text`` is the line that a byline sets under its writer's name: the outlet's
    name or its service's (its letters begin with one of the site's ``keys``, three
    characters at least: ``"BBC中文"`` on ``bbc.com``), or the writer's post (``"BBC中文记者"``,
    ``"China correspondent"``); short, with no digit.

    >>> outlet_line("BBC中文", {"bbc"}), outlet_line("China correspondent", set())
    (True, True)
    >>> outlet_line("国际", {"bbc"}), outlet_line("2023年4月6日", {"bbc"})
    (False, False)
    """
    text = " ".join(text.split())
    if not text or len(text) > OUTLET_LINE_CHARS or any(c.isdigit() for c in text):
        return False
    key = match_key(text)
    return (
        any(len(k) >= 3 and key.startswith(k) for k in keys)
        or bool(_POST.search(text))
        or (job_title(text) and len(text.split()) <= 3)
    )


def outlet_keys(found: PageMetadata) -> set[str]:
    """The keys (:func:`~nkcorpus.cleaning.titles.match_key`) of the names of the site
    that ``found`` describes: its outlet, its host and the host's first label."""
    url = dict(found.extra).get("url") or ""
    host = re.sub(r"^www\.", "", re.sub(r"^\w+://([^/]+).*$", r"\1", str(url)))
    names = [found.outlet, host, host.split(".")[0] if host else None]
    return {k for k in (match_key(n) for n in names if n) if k}


def _name_over_outlet(lines: list[str], keys: set[str]) -> tuple[str, ...]:
    """A writer's name alone on one of the two lines under the headline, over its outlet's
    line (:func:`outlet_line`), as BBC's language services set a byline: ``"常思颖"`` over
    ``"BBC中文"``, ``"정인혁"`` over ``"BBC 코리아"``. A name is a Chinese one of two or three
    Han characters, a Korean one (:func:`korean_name`) or two to four capitalized words.

    >>> _name_over_outlet(["常思颖", "BBC中文", "2023年4月6日"], {"bbc"})
    ('常思颖',)
    >>> _name_over_outlet(["国际", "新闻", "正文"], {"bbc"})
    ()
    """
    texts = [" ".join(line.split()) for line in lines[:3]]
    for name, below in itertools.pairwise(texts):
        shaped = _HAN_NAME.fullmatch(name) or _name_alone(name)
        if shaped and outlet_line(below, keys) and match_key(name) not in keys:
            return (name,)
    return ()


_STAMP_WORDS = frozenset(["by", "posted", "written", "published", "updated", "on", "last"])
#: "About" before a writer's name, as an author box's heading writes it ("About Peter Bell").
_ABOUT = re.compile(r"^About\s+(?!(?i:the|our|this|my|us)\b)(?=[A-Z][a-z]+\s+[A-Z])")
#: The label of a page's stamp after a writer's name on its line, where the stamp names no
#: date with a year (``"Jane Roe | Published 4 months ago"``, ``"Updated yesterday"``).
_STAMP_LABEL = re.compile(
    r"(?:^|(?<=[\s|│｜·•/–—-]))(?:Published|Updated|Last updated|Posted)\b", re.IGNORECASE
)
#: The words of a page's controls, which a stamp's line may end with: no name's.
_CONTROL_WORDS = frozenset(
    [
        "view", "comments", "comment", "share", "reply", "read", "more", "print", "email",
        "follow", "subscribe", "like", "tweet", "login", "sign", "menu", "next", "previous",
        "back", "top", "edit", "save", "link", "copy",
    ]
)  # fmt: skip
#: Separators between a date and a name on one line.
_BESIDE = " \t|│｜·•/-–—,"
#: The time after a date (``"at 4:25 PM"``, ``"11:47am EST"``).
_TIME_AFTER = re.compile(
    r"^\s*(?:at\s+)?\d{1,2}:\d\d(?::\d\d)?\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,4}\b)?", re.IGNORECASE
)
#: A word of a name: capitalized letters (``O'Brien``, ``Jean-Luc``) or an initial (``K.``).
_NAME_WORD = re.compile(r"[A-Z][a-z]+(?:['’-][A-Z]?[a-z]+)*|[A-Z]\.")


#: The class names that forum engines give a post's writer: phpBB, XenForo and vBulletin 4
#: (``username``), vBulletin 3 (``bigusername``), Flarum (``PostUser-name``), Hacker News
#: (``hnuser``).
_POSTER_CLASSES = ("username", "bigusername", "postuser-name", "hnuser")
_POSTER_WORDS = frozenset(_POSTER_CLASSES)
#: The elements whose class may name one of :data:`_POSTER_CLASSES` (all hold "user"): one
#: quick look at each element's class; the exact words are checked on the few it finds.
_POSTER_CANDIDATES = "//*[contains(translate(@class, 'USER', 'user'), 'user')]"
_CLASS_SPACE = re.compile(r"[ \t\r\n]+")  # the white space between the words of a class
_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)
#: A thread shows at least this many posts' writers.
THREAD_POSTS = 2


@functools.cache
def _compiled(path: str) -> Any:
    """The XPath expression ``path``, compiled once."""
    from lxml import etree  # type: ignore[import-untyped]

    return etree.XPath(path)


def _first_poster(tree: Any) -> tuple[str, ...]:
    """The writer of the first post of a forum's thread: where :data:`THREAD_POSTS` or more
    elements are marked by a forum engine as a post's writer, the first of them outside
    comments (a one-word user name, or a name): the writer of a Hacker News story above
    its ``comment-tree``."""
    found = [
        (" ".join(str(e.text_content()).split()), e)
        for e in _compiled(_POSTER_CANDIDATES)(tree)
        if not _POSTER_WORDS.isdisjoint(_CLASS_SPACE.split(e.get("class").translate(_ASCII_LOWER)))
    ]
    found = [(name, e) for name, e in found if 1 < len(name) <= 40 and name_shaped(name)]
    if len(found) < THREAD_POSTS:
        return ()
    for name, element in found:
        if not any("comment" in (a.get("class") or "").lower() for a in element.iterancestors()):
            return (name,)
    return ()


def _wire_credits(shown: list[str]) -> tuple[str, ...]:
    """The reporters and writers that a wire story's closing credits name
    (:func:`~nkcorpus.cleaning.bylines.read_wire_credits`)."""
    for line in shown:
        credits = read_wire_credits(line)
        if credits is not None:
            return credits.authors
    return ()


#: A byline block that credits a web site, its host name first (``"ETMarkets.com | Last
#: Updated: Apr 05, 2023"``).
_SITE_CREDIT = re.compile(
    r"\s*(?:www\.)?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[a-z]{2,6}(?:\s*[|·,]|\s*$)"
)


#: Chartbeat's configuration of a page's analytics, its ``authors`` field:
#: ``_sf_async_config.authors = "박선민 기자";``.
_CHARTBEAT_AUTHORS = re.compile(
    r"""_sf_async_config(?:\.authors|\[["']authors["']\])\s*=\s*(["'])([^"'\n]{1,200})\1"""
)


def _chartbeat_authors(tree: Any) -> tuple[str, ...]:
    """The writers a page's Chartbeat configuration names (news sites' audience analytics,
    set by the site's publishing system), read as an author ``meta`` value is.

    >>> from lxml import html
    >>> page = '<script>_sf_async_config.authors = "박선민 기자";</script>'
    >>> _chartbeat_authors(html.fromstring(f"<html><body>{page}</body></html>"))
    ('박선민',)
    """
    for script in tree.iter("script"):
        text = script.text or ""
        if "_sf_async_config" in text and (found := _CHARTBEAT_AUTHORS.search(text)):
            # not a slug (Focus's "content-commerce", the page's kind of content)
            names = _meta_names(html.unescape(found.group(2)))
            return tuple(name for name in names if not _SLUG.fullmatch(name))
    return ()


#: A slug: lower-case words joined by hyphens (``"content-commerce"``).
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)+")


def _names_site(name: str, site_keys: set[str]) -> bool:
    """Whether ``name`` is the site's name or a part of it (``"巴士的報"`` of ``"Bastillepost
    巴士的報"``)."""
    key = match_key(name)
    return bool(key) and any(key in site for site in site_keys)


#: A credit for other work than the writing, and the name after it, up to the next
#: credit: a magazine's shoot (``"Photographed by Sharokh Mirzai; Styled by Bethie Girmai;
#: Makeup by …"``), illustrations, video.
_CRAFT_CREDIT = re.compile(
    r"\b(?:photographed|photographs|photos?|photography|illustrat(?:ed|ions?)|styled|styling"
    r"|hair|make-?up|nails|grooming|modell?ed|video|graphics|set\s+design|produced)"
    r"\s+by\s+(?P<name>[^;|,.]{2,80})",
    re.IGNORECASE,
)


def _crafts_only(
    authors: tuple[str, ...], shown: list[str], bylines: list[str]
) -> tuple[str, ...] | None:
    """``authors`` without those the page credits only for other work than the writing
    (its photos, styling, makeup: :data:`_CRAFT_CREDIT`) and no byline names, where one
    writer at least stays; else ``None``.

    >>> _crafts_only(
    ...     ("Connie Wang", "Sharokh Mirzai"),
    ...     ["Photographed by Sharokh Mirzai; Styled by Bethie Girmai"],
    ...     ["written by Connie Wang"],
    ... )
    ('Connie Wang',)
    """
    credited = {
        match_key(m["name"]) for line in shown if "by" in line for m in _CRAFT_CREDIT.finditer(line)
    }
    if len(authors) < 2 or not credited:
        return None
    named = match_key(" ".join(bylines))
    kept = tuple(a for a in authors if (key := match_key(a)) in named or key not in credited)
    return kept if kept and len(kept) < len(authors) else None


def _names_no_one(line: str) -> bool:
    """Whether ``line`` is a Korean or Chinese byline that names no one (``"■该作者文章"``, a
    link to the writer's other articles; ``"（政治中心／台北報導）"``, a desk)."""
    if not _CJK.search(line):
        return False
    found = read_byline(line)
    return found is not None and not found.authors


def read_metadata(
    tree: Any,
    headings: list[str],
    times: list[str],
    shown: list[str] = (),  # type: ignore[assignment]
    bylines: list[str] = (),  # type: ignore[assignment]
    reporters: tuple[str, ...] = (),
    dated: str | None = None,
    headings_at: tuple[int, ...] = (),
) -> PageMetadata:
    """Read the page's metadata in the order the module describes.

    Args:
        tree: the parsed page.
        headings: the texts of the visible ``h1`` elements, in page order.
        times: the ``datetime`` values of visible ``time`` elements, in page order.
        shown: the texts of the page's other short visible blocks; a part of the
            page title that one of them repeats is the title.
        bylines: the texts of visible blocks marked as a byline or author.
        reporters: the names a Korean or Chinese byline in the article gives
            (``"〔記者巫其倫／台北報導〕"``); they come before every other source.
        dated: the date of a dateline just under the headline (``"Written:
            2023-11-07 15:03"``); it comes after the dates of the meta elements and
            JSON-LD, before htmldate's, and before the first time element's where that
            names another moment.
        headings_at: the places in ``shown`` of the visible ``h1`` elements: where the
            headline stands, for the byline and the date beside it.
    """
    meta = _meta(tree)
    objects = list(_json_ld(tree))
    articles = _articles(objects)
    article = articles[0] if articles else {}
    sources: dict[str, str] = {}

    def first(field: str, candidates: list[tuple[str, Any]]) -> Any:
        for source, value in candidates:
            if value:
                sources[field] = source
                return value
        return None

    title_element = tree.find(".//title")
    page_title = _clean(title_element.text_content()) if title_element is not None else None
    if page_title and len(page_title) < 4 and page_title.isascii():
        page_title = None  # "t", "Ok": not a title
    headline = article.get("headline")
    raw_title = first(
        "title",
        [
            ("json-ld", _clean(headline) if isinstance(headline, str) else None),
            ("og:title", meta.get("og:title")),
            ("twitter:title", meta.get("twitter:title")),
            ("title", page_title),
        ],
    )
    publisher = article.get("publisher")
    outlet = first(
        "outlet",
        [
            ("og:site_name", meta.get("og:site_name")),
            ("json-ld", _clean(next(iter(_names(publisher)), None))),
            ("application-name", meta.get("application-name")),
        ],
    )
    url = meta.get("og:url")
    for link in tree.iter("link"):
        if (link.get("rel") or "").lower() == "canonical" and link.get("href"):
            url = link.get("href")
            break
    host = re.sub(r"^www\.", "", re.sub(r"^\w+://([^/]+).*$", r"\1", url or ""))
    sites = [s for s in (outlet, host.split(".")[0] if host else None, host) if s]
    description = meta.get("og:description") or meta.get("description")
    title, by = choose_title(raw_title, headings, shown, sites, description)
    if title:
        title = _INVISIBLE.sub("", _INVISIBLE_ENDS.sub("", title)).replace("\u00a0", " ") or None
    if title:
        # The headline that a byline's bar repeats (a sticky header inside the element marked
        # as the byline) names no one: "Google says its AI supercomputer is faster" is no
        # byline of "Google".
        headline_key = match_key(title)
        bylines = [line for line in bylines if match_key(line) != headline_key]
    if outlet is None and title and page_title and page_title != title:
        # The site's name that the page's <title> ends with ("… | 연합뉴스", "…--人民网").
        ending = title_parts(page_title)[-1].strip()
        names = ending.split()
        if 1 < len(names) <= 3 and all(_OUTLET.fullmatch(name) for name in names):
            ending = names[0]  # the site's name, then its channel's: "自由電子報 即時新聞"
        # or the name the page's host spells ("… | Reuters" on reuters.com)
        named_host = bool(host) and match_key(ending) == match_key(host.split(".")[0])
        if ending not in title and (_OUTLET.fullmatch(ending) or named_host):
            outlet, sources["outlet"] = ending, "title"
    # Not authors: the site, its parts ("中時電子報 - 影視"), its publisher.
    named = [*sites, *title_parts(outlet or "")]
    named += [_clean(n) or "" for n in _names(publisher)]
    site_keys = {k for k in map(match_key, named) if k}
    if by:
        sources["title"] = by
    structured = first(
        "published",
        [("json-ld", iso_date(str(article.get("datePublished") or "")))]
        + [(name, iso_date(meta.get(name))) for name in _PUBLISHED],
    )
    timed = iso_date(times[0]) if times and not structured else None
    if dated and not structured and not (timed and _same_moment(timed, dated)):
        # The headline's dateline, when no meta element names a date, and the page's first
        # time element names none or another moment (a comment's, a side column's story's).
        structured, sources["published"] = dated, "dateline"
        searched = None
    elif dated and not structured:
        # The first time element, where it names the dateline's moment, with its time and
        # zone; the headline's dateline confirms it, and htmldate is not asked.
        structured = first("published", [("time", timed)])
        searched = None
    elif structured and sources.get("published") in _OWN_SOURCES and _LOCAL.search(structured):
        # The article's own record (JSON-LD, microdata or a meta element) names the moment
        # in the page's zone: its day is the page's, and htmldate, which could only move it
        # by a day, is not asked.
        searched = None
    else:
        structured = structured or first("published", [("time", timed)])
        searched = _htmldate(tree, extensive=False)
        if not searched and not structured:
            searched = _htmldate(tree, extensive=True)
            if searched and searched.endswith("-01-01") and not _shows_day(shown, searched):
                searched = None  # a year alone (a copyright line's) names no day
    published = structured
    modified = first(
        "modified",
        [("json-ld", iso_date(str(article.get("dateModified") or "")))]
        + [(name, iso_date(meta.get(name))) for name in _MODIFIED],
    )
    if searched and (not structured or _searched_wins(searched, structured, sources, modified)):
        published = searched
        sources["published"] = "htmldate"
    published = _shown_offset(published, times)

    def people(names: tuple[str, ...], sites_too: bool = False) -> tuple[str, ...]:
        not_authors = set() if sites_too else site_keys
        read: list[str] = []
        for name in names:
            byline = None
            if _CJK.search(name):
                byline = read_byline(name) or read_byline(without_role(name, set()))
            # "스포츠조선=선수민 기자", "記者陳嘉寧／桃園機場報導", "中國時報 張立勳／特稿" (a
            # feature's mark after it): the names the byline gives.
            read.extend(byline.authors if byline is not None and byline.authors else (name,))
        # An author box's heading ("About Peter Bell"): the name after "About".
        read = [_ABOUT.sub("", name) for name in read]
        found = tuple(
            dict.fromkeys(
                n
                # the site's own name stays whole ("無綫新聞 TVB News", not "無綫新聞")
                for n in (
                    name if match_key(name) in site_keys else without_role(name, site_keys)
                    for name in read
                )
                if n
                and n.strip().casefold() not in _STAMP_WORDS  # "Updated", "on": no one
                and match_key(n) not in not_authors
                and not _NOT_PERSON.search(n)
                and not day_alone(n)  # "Feb 11", an empty byline's date: no one
                and not (_CJK.search(n) and _CJK_NO_NAME.search(n))
                and (sites_too or not (_TEAM.search(n) or _CJK_TEAM.search(n)))
                # an outlet's name only where it is the site's own, marked as the author
                # with no one else named ("巴士的報" on Bastillepost); never a portal's
                and (
                    not _OUTLET.fullmatch(n)
                    or (sites_too and _names_site(n, site_keys) and not _PORTAL.fullmatch(n))
                )
            )
        )
        writers = tuple(n for n in found if not _WIRE.fullmatch(n))  # "Adam Vidler, AP"
        # no-break spaces written plain ("John\u00a0Gruber")
        return tuple(name.replace("\u00a0", " ") for name in writers or found)

    ld_people, ld_organisations = _json_ld_authors(articles, objects)
    marked = [
        ("article-byline", reporters),
        ("json-ld", tuple(n for a in ld_people for n in split_authors(a))),
        *(
            (name, (_catalogue_names if name in _CATALOGUE else _meta_names)(meta[name]))
            for name in _AUTHOR
            if name in meta
        ),
        ("author-link", _linked_writers(tree, [meta.get(n, "") for n in _AUTHOR])),
    ]
    marked_people = [(source, people(names)) for source, names in marked]
    # The names of each of the first byline blocks, with the blocks after it that go on.
    read_bylines = [_listed(bylines, i) for i in range(min(len(bylines), 12))]
    listed_bylines = [people(names) for names in read_bylines]
    # The byline blocks up to one that credits a web site ("ETMarkets.com | Last Updated:
    # …"): the byline names no writer, and the blocks after it are its bar's buttons ("Rate
    # Story"); each block's names as read and as people, but for blocks that name no one.
    credited = next((n for n, line in enumerate(bylines) if _SITE_CREDIT.match(line)), None)
    crediting = [
        (names, listed)
        for line, names, listed in zip(
            bylines[:credited], read_bylines, listed_bylines, strict=False
        )
        if not _names_no_one(line)
    ]
    authors = first("authors", marked_people)
    if authors and sources["authors"] != "article-byline" and bylines:
        others = marked_people + [("byline", listed) for listed in listed_bylines]
        shown_as = _as_shown(authors, others, bylines)
        if shown_as is not None:
            authors, sources["authors"] = shown_as
    shown_names = people(_byline_names(bylines))
    if authors and all(map(role_only, authors)):
        # A staff credit in the markup ("Staff Writer") gives way to the name a byline shows
        # ("HIDETAKE MIYAMOTO").
        in_byline = shown_names or next((listed for listed in listed_bylines if listed), ())
        if in_byline and not any(map(role_only, in_byline)):
            authors, sources["authors"] = in_byline, "byline"
    cjk_authors = bool(authors) and all(_CJK.search(a) for a in authors)
    # An English page's byline, where the markup names a writer in Han or Hangul (a
    # publishing account's name, "新間", above "By Takeo Maeda / Yomiuri Shimbun").
    byline_names = shown_names or (people(_latin_byline_names(bylines)) if cjk_authors else ())
    if cjk_authors and byline_names:
        page_key = match_key(" ".join([*headings, *shown, *bylines]))
        never_shown = not any(match_key(a) in page_key for a in authors)
    else:
        never_shown = False
    if never_shown:
        # Korean or Chinese names the page never shows give way to its byline.
        authors = byline_names
        sources["authors"] = "byline"
    if authors and len(authors) < 6:
        longer: tuple[tuple[str, ...], str] | None = None
        if sources["authors"] != "article-byline":
            # A byline the page shows that names the markup's writers and more: its list.
            longer = next(
                (
                    (listed, "byline")
                    for listed in listed_bylines
                    if _names_more(listed, authors, within=True) and not any(map(job_title, listed))
                ),
                None,
            )
        if longer is None:
            # Another marked source that names the same writers and more ("April Roach"
            # in JSON-LD, "April Roach, Daniel O'Mahony" in the author meta; "박준석 기자 외
            # 1명", and one other, in the article's byline): its list.
            longer = next(
                (
                    (listed, source)
                    for source, listed in marked_people
                    if _names_more(listed, authors)
                ),
                None,
            )
        if longer is not None:
            authors, sources["authors"] = longer
    if not authors:
        # A forum's thread names who started it under its title ("Thread starter lulug30",
        # as XenForo shows it): the writer, where the markup names no one, before the posters
        # that its replies and side columns mark.
        authors = first("authors", [("thread-starter", people(_thread_starter(shown)))])
    if not authors:
        authors = first(
            "authors",
            [("byline", shown_names)] + [("byline", listed) for _names, listed in crediting],
        )
    if authors and (writers := _crafts_only(authors, shown, bylines)) is not None:
        authors = writers
    headline = _headline_at(title, shown, headings_at)
    if authors and (holders := _holders(shown)) and all(match_key(a) in holders for a in authors):
        # The outlet that the page's copyright line names, as a portal's copy of its story
        # marks it ("데일리안" in the author meta, "Copyright © 데일리안."), gives way to a
        # writer's name beside the date under the headline ("박상우 2024. 5. 13. 12:52").
        beside = people(_name_beside_date(_around(headline, shown)))
        if beside:
            authors, sources["authors"] = beside, "date-line"
    if not authors:  # a blog's unmarked "Posted by …" line, or "By …" under the headline
        authors = first(
            "authors",
            [
                ("posted-by", people(posted_by(shown[:80]))),
                ("by-line", people(by_alone(_under(headline, shown)))),
                ("name-over-outlet", people(_name_over_outlet(_under(headline, shown), site_keys))),
                ("wire-credits", people(_wire_credits(shown))),
                ("date-line", people(_name_beside_date(_around(headline, shown)))),
                ("name-over-stamp", people(_name_over_stamp(_under(headline, shown)))),
            ],
        )
    if not authors:
        # The writers the site tells its audience analytics (a page that its scripts draw,
        # its byline in their data alone).
        authors = first("authors", [("chartbeat", people(_chartbeat_authors(tree)))])
    if not authors:
        # The site, its publisher or a team marked as the author, and no one else named:
        # an organisation's own page ("By Wikimedia Foundation", a person's own site).
        authors = first(
            "authors",
            [(source, people(names, sites_too=True)) for source, names in marked]
            + [("json-ld", people(tuple(ld_organisations), sites_too=True))],
        )
    if not authors:
        # The site's own name in the page's byline, and no one else named: a person's own
        # site, its host their name ("By Ben Nadel" on bennadel.com), an organisation's page
        # ("By Wikimedia Foundation"). Not a Chinese or Korean desk ("大陸新聞組"), which
        # counts only where the markup names it.
        authors = first(
            "authors",
            [
                (source, tuple(n for n in people(names, sites_too=True) if not _CJK.search(n)))
                for source, names in [
                    *(("byline", names) for names, _listed_people in crediting),
                    ("date-line", _name_beside_date(_around(headline, shown))),
                ]
            ],
        )
    if not authors:
        # A personal site, named after its owner, whose copyright line names them too (a
        # Chinese blog's "Copyright © 李建忠" under its own name, 李建忠, as its headline
        # or among the parts of its <title>: "文章 - 李建忠 - 博客园").
        titled = title_parts(page_title or "")
        owner = _site_owner(shown, {*site_keys, *map(match_key, [title or "", *headings, *titled])})
        # Or a site named as its owner's ("Derek Seaman's Tech Blog", "Jo Lee's Substack").
        owner = owner or _possessive_owner([*sites, *titled, *shown])
        authors = first("authors", [("site-owner", people(owner, sites_too=True))])
    if not authors:
        # A forum's thread: the writer of its first post.
        authors = first("authors", [("first-poster", people(_first_poster(tree)))])
    lang = tree.get("lang") or tree.get("xml:lang")
    extra: dict[str, Any] = {
        "description": description,
        "url": url,
        "lang": lang,
        "modified": modified,
    }
    extra = {k: v for k, v in extra.items() if v}
    extra["metadata_sources"] = tuple(f"{k}={v}" for k, v in sorted(sources.items()))
    body = next((a["articleBody"] for a in articles if "articleBody" in a), None)
    return PageMetadata(title, published, authors or (), outlet, tuple(sorted(extra.items())), body)
