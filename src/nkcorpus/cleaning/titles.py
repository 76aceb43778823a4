"""The title of a page: the site's name cut off, the headline the page shows preferred.

:func:`choose_title` is the ``title`` rule of :mod:`nkcorpus.cleaning.htmlmeta`;
:func:`cut_site_name` also serves plain-text and markdown titles.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from nkcorpus.cleaning.dates import DATE

__all__ = [
    "BREADCRUMB_TRAILS",
    "HEADLINE_DESCRIPTION",
    "PARAGRAPH_HEADING",
    "choose_title",
    "commented_title",
    "comments_heading",
    "cut_site_name",
    "match_key",
    "shown_headline",
    "title_parts",
    "trail_end",
]

#: Separators between a title's parts. A middle dot only between spaces (not in
#: ``"한·미"``, ``"约翰·史密斯"`` or the ellipsis ``"···"``); the Hangul letter ``ㅣ`` that
#: Korean sites write as a bar (``"…-정치ㅣ한국일보"``). Between Han characters a bare hyphen
#: before a site's name (``"标题-新华网"``) is one too, and so is one between Hangul
#: before a section and a bar (``"…커졌다-정치ㅣ한국일보"``).
_SEPARATORS = re.compile(
    r"\s*(?:\||｜|│|ㅣ|--+|::|_|—|–|»|«)\s*|\s+[-:/·]\s+"
    r"|(?<=[\u4e00-\u9fff！？」』”）])-(?=[\u4e00-\u9fff]{1,8}(?:网|網|报|報|新闻|新聞|频道|頻道)$)"
    r"|(?<=[\uac00-\ud7a3\"'”’」』）)!?…])-(?=[\uac00-\ud7a3]{1,6}\s*(?:\||｜|│|ㅣ))"
)
#: ``<`` between spaces, a separator in a title that reads as a path to an article (two
#: steps through a Korean section, or one to ``기사본문``):
#: ``"제목 < 정치 < 기사본문 - 데일리NK"``, never ``"3 < 5"``.
_PATH_STEP = re.compile(r"\s+<\s+")
_PATH = re.compile(r"\s<\s[가-힣][가-힣·/ ]{0,11}\s<\s|\s<\s*기사본문")
#: A part that has the shape of a Chinese or Korean site's name (``新华网``, ``人民日报``,
#: ``央视网(cctv.com)``, ``普通话主页``, ``연합뉴스``, ``네이버 뉴스``, ``조선일보``).
_SITE_SHAPE = re.compile(
    r"[\u4e00-\u9fff]{1,10}(?:网|網|报|報|新闻|新聞|频道|頻道|主页|主頁)"
    # "央视网(cctv.com)", "正北方网（原北方新闻网）"
    r"(?:\s*[(（](?:[a-z0-9.-]+\.[a-z]{2,6}|[\u4e00-\u9fff]{2,12})[)）])?"
    r"|[가-힣A-Za-z0-9]{1,10}\s?(?:뉴스|일보|신문|방송|통신|닷컴|타임스)"
)
#: A title's part of up to three names of that shape between spaces: a site's name and its
#: channel's (``"自由電子報 即時新聞"``, "Liberty Times, breaking news").
_SITE_NAMES = re.compile(rf"(?:{_SITE_SHAPE.pattern})(?:\s(?:{_SITE_SHAPE.pattern})){{0,2}}")
#: An ellipsis that ends a shortened title.
_ELLIPSIS = re.compile(r"\s*(?:\.{3}|…)$")


_NOT_LETTERS = re.compile(r"[\W_]+")


#: Opening quotation marks and the marks that close them.
_QUOTES = {'"': '"', "'": "'", "‘": "’", "“": "”", "«": "»", "「": "」", "『": "』"}


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` of each quotation in ``text``: a mark that opens it at the
    start or after a space, up to the first matching mark that ends a word (so that the
    apostrophes of ``don't`` or ``Disney's`` neither open nor close one)."""
    spans = []
    position = 0
    while position < len(text):
        char = text[position]
        closing = _QUOTES.get(char)
        if closing is None or (position and not text[position - 1].isspace()):
            position += 1
            continue
        end = position + 1
        while (end := text.find(closing, end)) != -1:
            after = text[end + 1 : end + 2]
            if not after or not after.isalnum():
                break
            end += 1
        if end == -1:
            position += 1
            continue
        spans.append((position, end + 1))
        position = end + 1
    return spans


def title_parts(text: str) -> list[str]:
    """The parts of a title or a site's name between separators, stripped. A separator
    inside a quotation does not cut it.

    >>> title_parts("中時電子報 - 影視")
    ['中時電子報', '影視']
    >>> title_parts("'I sell holidays - book early' | Daily Star")
    ["'I sell holidays - book early'", 'Daily Star']
    >>> title_parts("Angriff auf Israel: «Die Zurückhaltung hat mit den USA zu tun» | SRF")
    ['Angriff auf Israel: «Die Zurückhaltung hat mit den USA zu tun»', 'SRF']
    """
    quoted = _quoted_spans(text) if any(mark in text for mark in _QUOTES) else []
    parts, start = [], 0
    separators: list[re.Match[str]] = list(_SEPARATORS.finditer(text))
    if "<" in text and _PATH.search(text):
        separators = sorted([*separators, *_PATH_STEP.finditer(text)], key=lambda m: m.start())
    for match in separators:
        if match.end() == match.start() or any(
            a < match.end() and match.start() < b for a, b in quoted
        ):
            continue  # inside a quotation, or one of its guillemets ("Israel: «Die …»")
        parts.append(text[start : match.start()])
        start = match.end()
    parts.append(text[start:])
    return [p.strip() for p in parts if p and p.strip()]


def match_key(text: str) -> str:
    """Return the letters and digits of ``text``, case-folded: how titles, site names
    and author names are compared.

    >>> match_key("Kim Jong-un | NK News")
    'kimjongunnknews'
    """
    return _NOT_LETTERS.sub("", text.casefold())


_SECTION_SEPARATOR = re.compile(
    r"(?:\||｜|│|ㅣ|--+|::|_|»|<|(?<=[\uac00-\ud7a3\"'”’」』）)!?…])-)\s*$"
)
#: A section's name in Han characters (``国际``, ``國際``, ``时政``): after any separator.
_HAN_SECTION = re.compile(r"[\u4e00-\u9fff]{2,4}")


def _is_section(title: str, part: str) -> bool:
    """A short part after a separator that sites use between sections (not a dash of prose),
    or a section's name of a few Han characters after any separator (``"…- 国际 - 新京报"``)."""
    before = title[: title.rfind(part)]
    if _HAN_SECTION.fullmatch(part):
        return True
    return len(part) <= 12 and bool(_SECTION_SEPARATOR.search(before))


#: The count of a post's comments (``"10 thoughts"``, ``"One Response"``, ``"12 Comments"``).
_COMMENTS_COUNT = (
    r"(?:\d{1,5}|one|two|three|four|five|six|seven|eight|nine|ten)\s+"
    r"(?:thoughts?|comments?|responses?|repl(?:y|ies)|reactions?)"
)
#: The heading over a post's comments, which names the post (``"10 thoughts on “How to
#: Adopt an Online Leader Success Mindset”"``, ``"One Response to “…”"``).
_COMMENTS_HEADING = re.compile(
    rf"{_COMMENTS_COUNT}\s+(?:on|to)\s+[“\"‘'«](?P<title>[^“”\"\n]{{3,300}}?)[”\"’'»]\s*:?",
    re.IGNORECASE,
)
#: A line that opens the readers' comments under a post: their count, with the post's title
#: or not (its quotes may hold quotes: ``"34 responses to “Anthony Lynn: “…””"``), or the
#: form to write one (``"Leave a Reply Cancel reply"``).
_COMMENTS_START = re.compile(
    rf"{_COMMENTS_COUNT}(?:\s+(?:on|to)\s+[“\"‘'«].{{3,300}}[”\"’'»])?\s*:?"
    r"|leave\s+a\s+(?:reply|comment)(?:\s+cancel\s+reply)?",
    re.IGNORECASE,
)


def comments_heading(line: str) -> bool:
    """Whether ``line`` opens the readers' comments under a post.

    >>> comments_heading("34 responses to “Anthony Lynn: “We needed to win this game””")
    True
    >>> comments_heading("Leave a Reply"), comments_heading("Comments are closed.")
    (True, False)
    """
    return _COMMENTS_START.fullmatch(line.strip()) is not None


def commented_title(line: str) -> str:
    """The post's title that the heading over its comments names, or ``line`` as it is.

    >>> commented_title("6 thoughts on “How to Adopt an Online Leader Success Mindset”")
    'How to Adopt an Online Leader Success Mindset'
    >>> commented_title("Talks in Geneva")
    'Talks in Geneva'
    """
    match = _COMMENTS_HEADING.fullmatch(line.strip())
    return match["title"].strip() if match else line


#: The stamp that a flattened page may print after its headline on the same line: a date
#: with its time, or a time alone (``"… 2014-04-30 23:54"``, ``"… 19:20"``).
_HEADLINE_STAMP = re.compile(
    r"\s+[【\[（(]?"
    r"(?P<stamp>(?:(?:19|20)\d\d[-/.]\d{1,2}[-/.]\d{1,2}\s+)?\d{1,2}:\d{2}(?::\d{2})?)"
    r"[】\]）)]?\s*$"
)


#: The marks of the table cells around a line (and the spaces between them).
_CELL_MARKS = re.compile(r"^[\s|]+|[\s|]+$")
#: The gap between the cells of a layout table's row that a flattened page sets side by
#: side on one line (five spaces or more).
_CELL_GAP = re.compile(r"[ \t\u3000]{5,}")
#: A mark that points at a headline before it (``"》春節全家出遊…"``, ``"» Floods …"``): a
#: closing bracket or an arrow can open no headline.
_POINTER_BEFORE = re.compile(r"^[》»›〉＞>]+\s*")


def shown_headline(line: str) -> tuple[str, str | None]:
    """The headline that a scrape's line shows, and the stamp printed after it on that line
    (a date with its time, or a time alone; ``None``: none): the line without the marks of
    the table cells around it (``"| Headline |"``, as html2text writes a layout table's row)
    nor a mark that points at it (``"》"``, ``"»"``); of the cells of a flattened layout
    table's row on that line (set apart by five spaces or more), the longest.

    >>> shown_headline("馮光遠：郝因「劫機」被打成秀斗搞獨裁 2014-04-30 23:54")
    ('馮光遠：郝因「劫機」被打成秀斗搞獨裁', '2014-04-30 23:54')
    >>> shown_headline("貧血 小心大腸癌上身 【11:25】")
    ('貧血 小心大腸癌上身', '11:25')
    >>> shown_headline("| | 拿起跨界“指挥棒”她跟学生“较着劲儿”成长 |"), shown_headline("Kim | Moon")
    (('拿起跨界“指挥棒”她跟学生“较着劲儿”成长', None), ('Kim | Moon', None))
    >>> shown_headline("》春節全家出遊 別忘了「旅用護理包」" + " " * 40 + "本週最新文章")
    ('春節全家出遊 別忘了「旅用護理包」', None)
    >>> shown_headline("流感再奪2命 累計20死" + " " * 9 + "本週最新" + " " * 9 + "2012-01-11 08:05")
    ('流感再奪2命 累計20死', '2012-01-11 08:05')
    """
    text = _CELL_MARKS.sub("", line)
    stamp = None
    match = _HEADLINE_STAMP.search(text)
    if match is not None and match.start():
        text, stamp = text[: match.start()], match["stamp"]
    if _CELL_GAP.search(text):
        # cells that a flattened layout table sets side by side: the headline's the longest
        text = max(_CELL_GAP.split(text), key=len)
    return _POINTER_BEFORE.sub("", text) or text, stamp


#: What sets a breadcrumb trail's steps apart (``>``, ``>>``, ``»``, ``〉``, ``›``).
_TRAIL_STEP = re.compile(r"\s*(?:>>?|»|〉|›|＞)\s*")


def trail_end(line: str) -> str:
    """The page's own place that ends the breadcrumb trail ``line`` (three steps or more),
    where it has a headline's size (:func:`~nkcorpus.cleaning.layout.headline_sized`): a
    scrape's heading that is the trail over the story. Else ``line``.

    >>> trail_end("uho優活健康網 〉檢視火線新聞 〉春節全家出遊 別忘了「旅用護理包」")
    '春節全家出遊 別忘了「旅用護理包」'
    >>> trail_end("Home > News > Health"), trail_end("Kim > Moon: a summit")
    ('Home > News > Health', 'Kim > Moon: a summit')
    """
    last = _trail_last(line)
    return last if last is not None and _headline_sized(last) else line


def _trail_last(line: str) -> str | None:
    """The last step of ``line`` where it is a breadcrumb trail of three steps or more
    (:data:`_TRAIL_STEP`), else ``None``."""
    steps = _TRAIL_STEP.split(line.strip())
    return steps[-1] if len(steps) >= 3 and steps[-1] else None


def _headline_sized(text: str) -> bool:
    """:func:`~nkcorpus.cleaning.layout.headline_sized` (imported when first needed: the
    layout module imports this one)."""
    from nkcorpus.cleaning.layout import headline_sized

    return headline_sized(text)


def cut_site_name(
    title: str,
    sites: list[str],
    headings: Sequence[str] = (),
    headlines: Sequence[str] = (),
) -> str:
    """Cut the site's name and section from a page title.

    The title is split at separators (``|`` and the Korean ``ㅣ``, ``-`` or ``·`` between
    spaces, ``_``, ``--``, ``::``, ``–``, ``—``, ``»``). A title that a visible heading
    repeats whole stays whole; otherwise a part that one repeats wins (the
    longest, when several do), unless it names the site (its logo shows the
    name) or it is a section's name after a first part three times as long (``"Headline |
    India News - Times of India"``, the section shown as a link: it goes with the site's
    name); a part that one of ``headlines`` (the page's ``h1`` elements) repeats comes
    first, unless it ends the title and is shorter than what comes before it (a logo).
    Otherwise parts at either end
    that name the site (``sites``: ``og:site_name``, the publisher, the host
    name, or a Chinese or Korean part shaped like a site's name: ``新华网``, ``人民日报``,
    ``연합뉴스``, or up to three such names, a site's and its channel's: ``自由電子報 即時新聞``)
    go,
    with a short section name before them after ``|``, ``_``, ``--``, ``::`` or
    ``»``, and the rest stays as written; when no part names the site, the
    longest part stays if it is at least twice as long as any other, but for a short part
    before a full-width bar, a kicker that Hong Kong and Taiwanese papers print with the
    headline (``"英國王室｜亨利王子獲邀出席查理斯三世加冕典禮"``): the title stays whole.

    >>> cut_site_name("Colder Temperatures Forecast | KBS WORLD", ["KBS WORLD Radio"])
    'Colder Temperatures Forecast'
    >>> cut_site_name("Insurance for Rideshare Drivers | Uber", ["Uber"], ["Uber", "Sign up"])
    'Insurance for Rideshare Drivers'
    >>> cut_site_name("习近平会见外宾--时政--人民网", ["人民网"])
    '习近平会见外宾'
    >>> cut_site_name("法国全国大罢工再次严重影响交通-新华网", [])
    '法国全国大罢工再次严重影响交通'
    >>> cut_site_name("英國王室｜亨利王子獲邀出席查理斯三世加冕典禮", [])
    '英國王室｜亨利王子獲邀出席查理斯三世加冕典禮'
    """
    parts = title_parts(title)
    if len(parts) < 2:
        return title
    keys = [match_key(p) for p in parts]
    shown = {match_key(h) for h in headings}
    if match_key(title) in shown:  # the page shows the title whole: nothing to cut
        return title
    site_keys = [k for k in (match_key(s) for s in sites) if k]

    def is_site(index: int) -> bool:
        key = keys[index]
        named = any(s in key or key in s for s in site_keys)
        return bool(key) and (named or bool(_SITE_NAMES.fullmatch(parts[index].strip())))

    # A part that the page shows wins, but not the site's name (which its logo shows), nor
    # a section's name after a headline three times its length ("Headline | India News |
    # Site", the section shown as a link, the headline reworded in the page's h1).
    sections = {n for n, k in enumerate(keys) if n and k in shown and 3 * len(k) < len(keys[0])}
    matches = [
        p
        for n, (p, k) in enumerate(zip(parts, keys, strict=True))
        if k and k in shown and not is_site(n) and n not in sections
    ]
    if matches:
        own = {match_key(h) for h in headlines}
        headline = [p for p in matches if match_key(p) in own and not _logo(title, p)]
        return max(headline or matches, key=len)
    first, last = 0, len(parts)
    while last - first > 1 and is_site(last - 1):
        last -= 1
    while last - first > 1 and is_site(first):
        first += 1
    if last < len(parts):  # a section before the site's name: "Headline--Politics--Site"
        while last - first > 1 and (_is_section(title, parts[last - 1]) or last - 1 in sections):
            last -= 1
    if (first, last) != (0, len(parts)):  # the site's name went: keep the rest as written
        start = title.find(parts[first])
        end = title.rfind(parts[last - 1]) + len(parts[last - 1])
        return title[start:end].strip() if 0 <= start < end else parts[first]
    longest = max(parts, key=len)
    if longest is not parts[0] and _KICKER_BAR.match(title, title.find(parts[0]) + len(parts[0])):
        return title  # "英國王室｜亨利王子獲邀…": a kicker before a full-width bar
    if all(len(longest) >= 2 * len(p) for p in parts if p is not longest):
        return longest
    return title


#: A full-width bar after a title's first part (``｜``, ``︱``): a kicker's, not a site's.
_KICKER_BAR = re.compile(r"\s*[｜︱]")


def _visible(title: str, texts: list[str]) -> bool:
    key = match_key(title)
    return bool(key) and any(key in match_key(text) for text in texts)


def _kicker(title: str, headings: list[str], shown: list[str]) -> bool:
    """Whether ``title`` is a kicker the page shows on its own line, then a heading
    (``"Nationaler Veteranentag: Orden fürs Morden"``, the ``h1`` the second part)."""
    key = match_key(title)
    lines = {match_key(text) for text in shown}
    for heading in headings:
        ending = match_key(heading)
        if ending and key.endswith(ending) and key != ending and key[: -len(ending)] in lines:
            return True
    return False


def _named_after_site(title: str, headings: list[str]) -> str | None:
    """The part of ``"Blog Name: Post Title"`` after the colon, where the page shows each
    part as a heading of its own, the blog's name first (a blog's ``title``, as Blogger
    writes it).

    >>> _named_after_site("Emacspeak: Using Defadvice", ["Emacspeak", "Using defadvice"])
    'Using Defadvice'
    >>> _named_after_site("Brexit: What Now", ["Brexit: What Now"]) is None
    True
    """
    site, colon, post = title.partition(": ")
    if not colon or not post:
        return None
    keys = [match_key(h) for h in headings]
    site_key, post_key = match_key(site), match_key(post)
    if site_key in keys and post_key in keys and keys.index(site_key) < keys.index(post_key):
        return post
    return None


def _heading_part(title: str, headings: list[str]) -> str | None:
    """The heading that begins or ends ``title`` before or after a separator
    (``"Headline : News : Site"``, not ``"Headline (with more words)"``). One that begins
    it comes first: a site's name that a page also shows as a heading follows the headline
    (``"Evolve: Shared Mutable History — evolve extension for Mercurial"``)."""
    for heading in headings:
        starts = heading != title and title.startswith(heading)
        if starts and _SEPARATORS.match(title, len(heading)):
            return heading
    for heading in headings:
        ends = heading != title and title.endswith(heading) and not _logo(title, heading)
        if ends and _SEPARATOR_BEFORE.search(title[: -len(heading)]):
            return heading
    return None


def _logo(title: str, heading: str) -> bool:
    """Whether ``heading`` ends ``title`` after a separator and is shorter than what comes
    before it: the site's name, which a page shows as its logo (``"Reflections on … Part 1
    | Playful Tones"``, ``h1`` ``"Playful Tones"``)."""
    if heading == title or not title.endswith(heading):
        return False
    before = _SEPARATOR_BEFORE.search(title[: -len(heading)])
    if before is None:
        return False
    return len(match_key(heading)) < len(match_key(title[: before.start()]))


_WORDS = re.compile(r"[^\W_]+")


def _reworded_heading(title: str, headings: list[str]) -> str | None:
    """The ``h1`` that words the declared title a little differently: nine in ten of the
    title's words and of its own are the other's (``"How we designed Dropbox’s ATF - an
    async task framework"``, headline ``"How we designed Dropbox ATF: an async task
    framework"``); not a copy with characters lost (:func:`_garbled_copy`)."""
    for heading in headings:
        if _rewords(title, heading) and not _garbled_copy(title, heading):
            return heading
    return None


def _rewords(title: str, heading: str) -> bool:
    """Whether ``heading`` words ``title`` a little differently: nine in ten of the title's
    words (four at least) and of its own are the other's."""
    words = set(_WORDS.findall(title.casefold()))
    if len(words) < 4:
        return False
    own = set(_WORDS.findall(heading.casefold()))
    common = len(words & own)
    return common * 10 >= 9 * len(words) - 1 and common * 10 >= 9 * len(own) - 1


def _garbled_copy(title: str, heading: str) -> bool:
    """Whether ``heading`` is ``title`` with question marks standing for characters that
    the page's encoding lost: more question marks than the title has, its words otherwise
    the title's (:func:`_rewords`).

    >>> title = "What Are The Basics Of Event Planning: Beginner's Guide"
    >>> _garbled_copy(title, "What Are The Basics Of Event Planning? Beginner? Guide")
    True
    >>> _garbled_copy(title, "What Are The Basics Of Event Planning: A Beginner's Guide")
    False
    """
    return heading.count("?") > title.count("?") and _rewords(title, heading)


#: The mark a documentation page puts after a heading as its link (``"Setting up¶"``, or
#: an icon font's character of the private use area).
_HEADERLINK = re.compile(r"\s*[¶\ue000-\uf8ff]$")
_SEPARATOR_BEFORE = re.compile(rf"(?:{_SEPARATORS.pattern})$")
#: A date and time that a headline element shows after the headline.
_STAMP_AFTER = re.compile(rf"\s+{DATE}(?:\s+\d{{1,2}}:\d\d(?::\d\d)?)?$", re.IGNORECASE)


#: A sentence's end with another sentence after it.
_SENTENCE_BREAK = re.compile(r"[.!?][\"'”’)]?\s+[\"'“‘(]?[A-Z]")
#: A heading longer than this that holds two sentence breaks or more is a paragraph.
PARAGRAPH_HEADING = 100


def _paragraph(heading: str) -> bool:
    """Whether an ``h1`` reads as a paragraph, not a headline: more than
    :data:`PARAGRAPH_HEADING` characters and three sentences or more (a page's summary
    set as its ``h1``).

    >>> _paragraph("Learn which renovations pay off? Get expert tips on the returns. We'll "
    ...            "help you learn everything you need to know about your project.")
    True
    >>> _paragraph("Kim Jong Un meets Putin. Talks on arms go on for a second day in Vladivostok")
    False
    """
    return len(heading) > PARAGRAPH_HEADING and len(_SENTENCE_BREAK.findall(heading)) >= 2


#: What follows a Chinese headline in its page title: a site's name after a space or a bare
#: hyphen (``" 松花江网"``, ``"-搜狐财经"``), or a Korean board's and site's after a mark
#: (``" > 자유게시판 | 탈북민 커뮤니티"``), after its section's up to two
#: (``"-文娱-中国网滨海高新"``), and before them the page's keywords, three or more between
#: commas (``"-茅台酒,公款消费,公款吃喝-北方网-新闻中心"``: written for search engines).
_SITE_AFTER = re.compile(
    r"(?:\s*[-_]\s*[^\s,，_-]{1,16}(?:[,，][^\s,，_-]{1,16}){2,})?"
    r"(?:(?:(?:\s+|\s*[-_]\s*)[\u4e00-\u9fff《》（）()]{2,16}"
    # a Korean board's and site's names, each after a mark (" > 자유게시판 | 탈북민 커뮤니티")
    r"|\s*[-_>|｜·:]\s*[\uac00-\ud7a3][\uac00-\ud7a3A-Za-z0-9]{1,11}"
    r"(?:\s[\uac00-\ud7a3A-Za-z0-9]{2,12})?)){0,3}"
)


#: A Chinese site's or channel's name before the headline, a colon or a dash after it
#: (``"中國評論新聞：…"``, ``"中新视频-…"``).
_SITE_BEFORE = re.compile(
    r"[\u4e00-\u9fff]{2,10}(?:新聞|新闻|网|網|報|报|社|视频|視頻|频道|頻道|电台|電台)\s*[：:\-－]\s*"
)
#: A title whose article part is empty: a separator first (``"-铜雀历史网"``,
#: ``" | Site Name"``).
_EMPTY_PART = re.compile(r"\s*(?:[-|｜│_—–»:·]+)\s*\S")


def _shown_whole(text: str, shown: list[str]) -> bool:
    """Whether the page shows ``text`` as a block or heading of its own, spaces aside
    (``"“看病送火車票”\u3000折射春運之殤"``, shown with a plain space)."""
    key = match_key(text)
    return bool(key) and any(match_key(block) == key for block in shown)


def _shown_before_site(title: str, shown: list[str]) -> str | None:
    """A block the page shows (its headline, six characters or more) that begins ``title``,
    the rest being a Chinese site's name, after its section's up to two
    (``"土豆无“土” 松花江网"``, ``"…洛克菲勒”-搜狐财经"``, ``"…过渡区-文娱-中国网滨海高新"``)."""
    for text in shown:
        text = text.strip()
        if len(text) >= 6 and title.startswith(text) and _SITE_AFTER.fullmatch(title[len(text) :]):
            return text
    return None


#: The most characters of a description that can be a headline.
HEADLINE_DESCRIPTION = 80
_SENTENCE_END = re.compile(r"[.!?。！？…]\W*$")


def _headline_description(
    title: str, description: str, shown: list[str], site_keys: set[str]
) -> bool:
    """Whether ``description`` is the page's headline and ``title`` only the site's name: the
    title names the site (one of ``site_keys``, or a Chinese or Korean site's shape:
    ``"公視新聞網"``), and the description is short (:data:`HEADLINE_DESCRIPTION`), ends
    with no sentence's end (not a summary) and stands whole as a line of the page.

    >>> line = "中市衛生局 突擊檢查傳統市場"
    >>> _headline_description("公視新聞網", line, [line], set())
    True
    >>> _headline_description("公視新聞網", "食品抽驗結果出爐。", ["食品抽驗結果出爐。"], set())
    False
    """
    text = description.strip()
    return (
        _names_site(title, site_keys)
        and 6 <= len(text) <= HEADLINE_DESCRIPTION
        and not _SENTENCE_END.search(text)
        and _shown_whole(text, shown)
    )


def _names_site(title: str, site_keys: set[str]) -> bool:
    """Whether ``title`` only names the site: one of ``site_keys``, or a Chinese or Korean
    site's shape (``"公視新聞網"``, ``"中國廣播公司全球資訊網"``)."""
    return match_key(title) in site_keys or bool(_SITE_SHAPE.fullmatch(title.strip()))


def _breadcrumb_headline(shown: list[str]) -> str | None:
    """The headline that a breadcrumb trail among the ``shown`` lines ends with (the page's
    own place), where the page also shows it as a line of its own and it has a headline's
    size (:func:`~nkcorpus.cleaning.layout.headline_sized`). A trail has three steps or
    more (:func:`trail_end`), or opens with the home page's
    link (``首頁``, ``Home``) where its marks between the steps are pictures.

    >>> _breadcrumb_headline(["首頁 > 新聞 > 大掃除 清潔劑千萬別混用", "大掃除 清潔劑千萬別混用"])
    '大掃除 清潔劑千萬別混用'
    >>> _breadcrumb_headline(["首頁\xa0 新聞 \xa0 大掃除 清潔劑千萬別混用",
    ...  "大掃除 清潔劑千萬別混用"])
    '大掃除 清潔劑千萬別混用'
    >>> _breadcrumb_headline(["首頁 > 新聞總覽 > 健康", "健康"]) is None
    True
    """
    lines = [(match_key(line), line.strip()) for line in shown]
    keys = {key for key, _line in lines}
    trails = 0
    for key, line in lines:
        last = _trail_last(line)
        if last is None and _HOME.match(line) and trails < BREADCRUMB_TRAILS:
            # the longest line of its own that the trail ends with
            trails += 1
            ends = [o for k, o in lines if k and k != key and key.endswith(k)]
            if not ends:
                continue
            last = max(ends, key=len)
        if last is not None and _headline_sized(last) and match_key(last) in keys:
            return last
    return None


#: The most lines opening with the home page's link that are read as breadcrumb trails
#: whose marks are pictures, where a title that only names the site looks for the
#: headline at a trail's end (each such line is compared with every line the page shows).
BREADCRUMB_TRAILS = 3
#: The home page's link that opens a breadcrumb trail.
_HOME = re.compile(r"(?:首頁|首页|主頁|主页|Home|홈)\s", re.IGNORECASE)


#: The fewest letters and digits of a declared title that :func:`_cut_short` reads as cut
#: short: a shorter one is as likely the kicker or the first words of a longer headline.
CUT_TITLE_KEY = 40


def _cut_short(title: str, headings: list[str]) -> str | None:
    """The ``h1`` that goes on from where the declared ``title`` stops, without an ellipsis:
    a headline cut at a length limit (JSON-LD's ``headline``, of 110 characters at most,
    ``"Golf : « Je veux juste apprécier … », assure, sans pression, Tiger Woods avant le
    Master"``, the ``h1`` ending ``"… le Masters d'Augusta"``). The title holds
    :data:`CUT_TITLE_KEY` letters and digits at least, and the ``h1`` at most twice as many
    (not a paragraph set as a heading), a date stamp after it left out; what it adds begins
    with no capital (a subtitle that the ``h1`` runs on with: ``"… Hot and Fresh Welcome to
    the Flavor Capital"``).

    >>> _cut_short("Kim Jong Un meets Vladimir Putin in Vladivostok for t",
    ...            ["Kim Jong Un meets Vladimir Putin in Vladivostok for talks"])
    'Kim Jong Un meets Vladimir Putin in Vladivostok for talks'
    """
    key = match_key(title)
    if len(key) < CUT_TITLE_KEY:
        return None
    for heading in headings:
        heading = _STAMP_AFTER.sub("", heading).strip()
        shown = match_key(heading)
        if len(key) < len(shown) <= 2 * len(key) and shown.startswith(key):
            rest = _after_key(heading, len(key)).lstrip()
            if rest[:1].isupper() or _paragraph(heading):
                return None  # a subtitle after it ("… Hot and Fresh Welcome to …")
            return heading
    return None


def _after_key(text: str, size: int) -> str:
    """What ``text`` holds after the letters and digits of its first ``size`` in
    :func:`match_key`."""
    count = 0
    for at, char in enumerate(text):
        count += len(match_key(char))
        if count >= size:
            return text[at + 1 :]
    return ""


def _marked_as_shown(title: str, headings: list[str]) -> str | None:
    """The ``h1`` that shows ``title`` with the same letters and digits but other marks
    (quotes, an ellipsis), its spaces made plain: an attribute's ``"″K팝스타 된 기분″"`` (a
    double prime for each quote, which the attribute cannot hold) under the headline
    ``'"K팝스타 된 기분"'``. Not one that differs only in its spaces or letter case, nor one
    that shows fewer marks (a kicker and its headline that the ``h1`` sets on lines of their
    own, the colon between them for screen readers alone) but for an ellipsis that ends the
    title.

    >>> _marked_as_shown("실사단 ″K팝스타 된 기분″", ['실사단 "K팝스타 된 기분"'])
    '실사단 "K팝스타 된 기분"'
    >>> _marked_as_shown("Using Defadvice", ["Using defadvice"]) is None
    True
    >>> _marked_as_shown("Wednesday: Pommes ohne Gabel", ["Wednesday Pommes ohne Gabel"]) is None
    True
    """
    key = match_key(title)
    marks = "".join(title.split()).casefold()
    for heading in headings:
        written = "".join(heading.split()).casefold()
        if match_key(heading) != key or written == marks:
            continue
        if len(written) >= len(marks) or _ELLIPSIS.search(title):  # "… have?..." as "… have?"
            return " ".join(heading.split())
    return None


def choose_title(
    raw_title: str | None,
    headings: list[str],
    shown: list[str],
    sites: list[str],
    description: str | None = None,
) -> tuple[str | None, str | None]:
    """The page's title from its declared title (JSON-LD, ``og:title``, ``<title>``).

    A visible ``h1`` that begins or ends the declared title wins; otherwise
    the title loses its site's name (:func:`cut_site_name`), and a title the
    page never shows (``"Home"``, a file name) gives way to the first ``h1`` of
    12 characters or more that does not read as a paragraph
    (:data:`PARAGRAPH_HEADING`) and is not written in capitals (a section's label).
    A title shortened with an ellipsis (``"... Hong Kong leader..."``) gives way to a
    visible heading or block that it begins. Without a declared title, or with one whose
    article part is empty (``"-铜雀历史网"``: a separator, then the site's name), the first
    ``h1``. A declared title that only names the site (``"公視新聞網"``) gives way to the
    page's ``description`` where the page shows that whole as a line of its own and it
    reads as a headline (short, :data:`HEADLINE_DESCRIPTION` characters at most, and no
    sentence). A declared title that an ``h1`` shows with the same letters and digits but
    other marks is written as the ``h1`` writes it (its quotes; spaces made plain). One cut
    short without an ellipsis, with or without its site's name after it, gives way to the
    ``h1`` that goes on from where it stops (a title of 40 letters and digits at least,
    ``CUT_TITLE_KEY``).

    Returns the title and, when a heading gave it, ``"h1"`` (``"description"`` when the
    description did).
    """
    if raw_title and headings and _EMPTY_PART.match(raw_title):
        # The template's title with its article part left empty ("-铜雀历史网"): the rest
        # is the site's name, and the page's headline is its title.
        raw_title = None
    site_keys = {match_key(s) for s in sites}
    if (
        raw_title
        and description
        and _headline_description(raw_title, description, shown, site_keys)
    ):
        return description.strip(), "description"
    if raw_title and not headings and _names_site(raw_title, site_keys):
        crumb = _breadcrumb_headline(shown)
        if crumb is not None:
            return crumb, "breadcrumb"
    linked = {_HEADERLINK.sub("", h) for h in headings if _HEADERLINK.search(h)}
    headings = [_HEADERLINK.sub("", h) for h in headings]
    if not raw_title:
        return (headings[0], "h1") if headings else (None, None)
    if as_shown := _marked_as_shown(raw_title, headings) or _cut_short(raw_title, headings):
        return as_shown, "h1"
    # A short heading may be a logo, not the headline; one with its own link mark is not.
    lead = [h for h in headings if len(h) * 10 >= len(raw_title) * 3 or h in linked]
    if shown_part := _heading_part(raw_title, lead) or _shown_before_site(raw_title, shown):
        return shown_part, None
    if (before := _SITE_BEFORE.match(raw_title)) and _shown_whole(
        raw_title[before.end() :], [*headings, *shown]
    ):
        return raw_title[before.end() :], None  # "中國評論新聞：…", the rest shown whole
    if not _visible(raw_title, [*headings, *shown]) and (
        reworded := _reworded_heading(raw_title, lead)
    ):
        return reworded, "h1"
    sites = [*sites, *(h for h in headings if _logo(raw_title, h))]
    site_keys |= {match_key(s) for s in sites}
    title = cut_site_name(raw_title, sites, [*headings, *shown], headings)
    if title != raw_title and (going_on := _cut_short(title, headings)):
        # The title without its site's name is cut short too ("India fires missiles into
        # Pakistani-controlled territory | National Post", the h1 going on ", killing …").
        return going_on, "h1"
    by = None
    if _ELLIPSIS.search(title):
        stem = match_key(_ELLIPSIS.sub("", title))
        longer = (t for t in [*headings, *shown] if len(match_key(t)) > len(stem) >= 12)
        whole = next((t for t in longer if match_key(t).startswith(stem)), None)
        if whole is not None:
            return whole, "h1" if whole in headings else "shown"
    if named := _named_after_site(title, headings):
        return named, None
    visible = _visible(title, [*headings, *shown]) or _kicker(title, headings, shown)
    if headings and not visible and any(_garbled_copy(title, h) for h in headings):
        return title, None  # the headline shows it with characters lost ("Beginner? Guide")
    if headings and not visible:
        # The headline that words the title without its site's name a little differently
        # ("… over Boston Celtics | PhillyVoice", headline "… over Celtics"), among the
        # headings of the sponsored stories above it.
        if reworded := _reworded_heading(title, lead):
            return reworded, "h1"
        # A part of the title that a heading shows ("Headline - Section - Site").
        parts = [p for p in title_parts(title) if len(match_key(p)) >= 6]
        if in_heading := [p for p in parts if _visible(p, headings)]:
            return max(in_heading, key=len), None
        # A title the page never shows ("Home", a file name) gives way to its headline.
        long_enough = [
            h
            for h in headings
            if len(h) >= 12
            and match_key(h) not in site_keys
            and not _paragraph(h)
            and not h.isupper()  # a label in capitals ("SUPPORTING GAAP COMPLIANCE")
        ]
        # One that begins the title first ("The Fold-and-Cut Problem (Erik Demaine)").
        key = match_key(title)
        begins = (h for h in long_enough if key.startswith(match_key(h)))
        headline = next(begins, None) or next(iter(long_enough), None)
        if headline:
            title, by = _STAMP_AFTER.sub("", headline), "h1"
    return title, by
