"""What a writer's name carries after it in a byline but is not part of it.

:func:`without_role` serves the ``authors`` rule of :mod:`nkcorpus.cleaning.htmlmeta`:
a desk's label (``"張立勳／特稿"``), a staff title (``"Adam Aaronson PhillyVoice Staff"``),
the site's name and what follows it (``"Kelli Miller WebMD Health News"``), an editor's
credit after the writer's (``"Rob Ewaschuk Edited by Betsy Beyer"``). :func:`posted_by`
reads a blog's unmarked ``"Posted by …"`` line. :func:`until_job_title` drops the job
title listed after a name (``"Danielle Padula, Head of Marketing"``) and
:func:`name_shaped` tells a name from other words a block marked as a byline holds
(``"10 mins read"``, ``"Insights from"``), and :func:`credential` a degree or licence
listed after a name (``"Rachael Link, MS, RD"``) from a second name.
"""

from __future__ import annotations

import re
from itertools import takewhile

from nkcorpus.cleaning.dates import DATE
from nkcorpus.cleaning.titles import match_key
from nkcorpus.text.scripts import HAN_CHARS

__all__ = [
    "STAMP_FIELD",
    "by_alone",
    "chinese_name",
    "credential",
    "job_title",
    "job_word",
    "korean_name",
    "name_shaped",
    "posted_by",
    "role_only",
    "until_job_title",
    "without_credits",
    "without_job_title",
    "without_role",
    "writer_and_role",
]

#: What a name carries after it but is not part of it: a desk's label (``"張立勳／特稿"``),
#: a staff title (``"Adam Aaronson PhillyVoice Staff"``, with the site's name before it).
_ROLE_AFTER = re.compile(
    r"\s*[／/]\s*(?:特稿|專題|专题|專欄|专栏|評論|评论|專訪|专访|綜合|综合)$"
    r"|\s+(?:staff(?:\s+(?:writer|reporter))?|contributor|contributing\s+writer|correspondent)$",
    re.IGNORECASE,
)
#: Others credited after the writers, and all after them: their photos, their edits, their
#: additional reporting (``"Rob Ewaschuk Edited by Betsy Beyer"``, ``"Story by Jane Doe,
#: photos by John Smith"``, ``"… with additional reporting by …"``): no part of a name.
_CREDIT_AFTER = re.compile(
    r"[,;]?\s+(?:with\s+)?(?:additional\s+reporting|edited|editing|illustrated|illustrations?"
    r"|photographs|photos?|pictures|images|graphics|video|reviewed|fact[- ]checked)\s+by\b.*$",
    re.IGNORECASE,
)


def without_credits(text: str) -> str:
    """``text`` without the credits of others after the writers (their photos, edits,
    additional reporting).

    >>> without_credits("Story by Jane Doe, photos by John Smith")
    'Story by Jane Doe'
    """
    return _CREDIT_AFTER.sub("", text)
#: An outlet's news desk after the name, the outlet written as an acronym or in camel case
#: (``"WebMD Health News"``, ``"NBC News"``).
_NEWS_AFTER = re.compile(r"\s+[A-Z][\w&]*[A-Z][\w&]*(?:\s+[A-Z][a-z]+)?\s+News$")
#: The labels of the links to a writer's accounts that an author box prints after the
#: name (``"Sarah Lazare Twitter"``).
_ACCOUNTS = frozenset(
    ["twitter", "facebook", "instagram", "linkedin", "email", "e-mail", "bluesky", "threads",
     "mastodon", "tiktok", "youtube"]
)  # fmt: skip


#: An account's label glued to the name before it (``"LazareTwitter"``): a lower-case
#: letter, then the label's capital.
_GLUED_ACCOUNT = re.compile(
    r"(\w*[a-z])(Twitter|Facebook|Instagram|LinkedIn|Email|Bluesky|Threads|Mastodon|TikTok"
    r"|YouTube)$"
)


def _without_accounts(name: str) -> str:
    """``name`` without the labels of its accounts' links after it, where two words or
    more stay.

    >>> _without_accounts("Sarah Lazare Twitter"), _without_accounts("Jane Facebook")
    ('Sarah Lazare', 'Jane Facebook')
    >>> _without_accounts("Sarah LazareTwitter")  # the label glued on by a scraper
    'Sarah Lazare'
    """
    name = _GLUED_ACCOUNT.sub(r"\1 \2", name)
    words = name.split()
    if len(words) < 3 or words[-1].casefold() not in _ACCOUNTS:
        return name
    while len(words) > 2 and words[-1].casefold() in _ACCOUNTS:
        words.pop()
    return " ".join(words)


def without_role(name: str, site_keys: set[str]) -> str:
    """``name`` without a desk label or staff title after it, nor the site's name before
    that, nor the labels of its accounts' links (``"Twitter"``); without the site's name
    and the words after it when two words or more come before it; without an outlet's news
    desk (``"WebMD Health News"``) or an editor's credit after it.

    >>> without_role("Adam Aaronson PhillyVoice Staff", {"phillyvoice"})
    'Adam Aaronson'
    >>> without_role("Kelli Miller WebMD Health News", set())
    'Kelli Miller'
    >>> without_role("Anna Lee CityPress Reporter", {"citypress"})
    'Anna Lee'
    >>> without_role("Rob Ewaschuk Edited by Betsy Beyer", set())
    'Rob Ewaschuk'
    >>> without_role("Ars Staff", set())
    ''
    """
    name = without_job_title(_NEWS_AFTER.sub("", _without_accounts(without_credits(name))))
    words = name.split()
    for index in range(2, len(words)):
        # a name's last word before the site's ("Adam Aaronson PhillyVoice Staff"), not a
        # word of a phrase that holds it ("La rédaction de TF1info", its newsroom)
        if match_key(words[index]) in site_keys and not words[index - 1].islower():
            return " ".join(words[:index])
    match = _ROLE_AFTER.search(name)
    if match is None:
        return name
    words = name[: match.start()].split()
    if len(words) == 1 and match.group().strip()[:1].isalpha():
        # one word before a staff title is its outlet's name, not a person's ("Ars Staff",
        # "WIRED Staff", "Guardian staff reporter"): a credit that names no one
        return ""
    for size in (3, 2, 1):
        if len(words) > size and match_key(" ".join(words[-size:])) in site_keys:
            words = words[:-size]
            break
    return " ".join(words)


#: Words that open a job title after a writer's name, before its last word (``"Political
#: Correspondent"``, ``"Deputy Content Hub Director"``, ``"Travel News Reporter"``).
_TITLE_OPENERS = frozenset(
    ["senior", "junior", "deputy", "chief", "staff", "political", "contributing", "associate",
     "assistant", "executive", "managing", "special", "foreign", "travel", "news", "sports",
     "business", "health", "science", "tech", "technology", "economics", "diplomatic",
     "defence", "defense", "security", "investigations", "investigative", "lead", "principal",
     "content", "digital", "freelance", "guest", "regional", "national", "international",
     "global", "local", "community", "culture", "entertainment", "royal", "crime", "education",
     "environment", "climate", "consumer", "money", "legal", "medical", "world", "breaking",
     "trending", "social", "audience", "data", "video", "features", "opinion", "general",
     "parliamentary", "city", "state", "court", "sport", "markets", "energy", "arts", "books",
     "music", "film", "editorial", "lifestyle", "showbiz", "fashion", "food", "property",
     "motoring", "weather", "politics", "finance", "economy", "celebrity", "beauty",
     "shopping", "commerce", "gaming", "wellness", "football", "cricket", "rugby", "tennis",
     "golf", "television", "tv", "radio", "podcast", "parenting"]
)  # fmt: skip


def role_only(credit: str) -> bool:
    """Whether ``credit`` names a post and no person: every word opens a job title or is
    one, the last a job title or ``staff`` (a site's credit, ``"Staff Writer"``, ``"Our
    Senior Correspondent"``, ``"Editorial Staff"``).

    >>> role_only("Staff Writer"), role_only("Our Correspondent"), role_only("Jane Doe")
    (True, True, False)
    """
    words = credit.split()
    if words and words[0].casefold() == "our":
        words = words[1:]
    if not words or not (job_word(words[-1]) or words[-1].casefold() == "staff"):
        return False
    return all(w.casefold() in _TITLE_OPENERS or job_word(w) for w in words[:-1])


def without_job_title(name: str) -> str:
    """``name`` without the job title that a byline's element runs into it, with no comma
    or other mark between them (``"Amy Gibbons Political Correspondent"``): from its first
    word after the name's first two that opens a title or is one, where the last word is a
    job title and every word is capitalized but for the title's own (``"Thabo Mokone
    Parliamentary editor"``; not ``"Written by AAA Travel Editor"``). A
    credit whose words before the title open one too is a role's, not a name's, and stays
    whole (``"AAA Travel Editor"``).

    >>> without_job_title("Steffan Rhys Deputy Content Hub Director")
    'Steffan Rhys'
    >>> without_job_title("Mary Ann Smith Staff Writer"), without_job_title("Jane Doe")
    ('Mary Ann Smith', 'Jane Doe')
    """
    words = name.split()
    if len(words) < 3 or not job_word(words[-1]):
        return name
    for index in range(2, len(words)):
        word = words[index]
        if word.casefold() in _TITLE_OPENERS or job_word(word):
            kept = words[:index]
            # every word capitalized, but for the title's own ("Parliamentary editor")
            shaped = (w[:1].isupper() or job_word(w) for w in words)
            if all(shaped) and not any(w.casefold() in _TITLE_OPENERS for w in kept):
                return " ".join(kept)
            break
    return name


#: A blog's line naming who posted the piece, unmarked as a byline: ``"Posted by Andrew
#: Hayden, Software Engineer on Google Play"``, ``"Posted by kovarex, TOGos on 2019-02-15"``.
_POSTED_BY = re.compile(
    # the date, place or team after the names ("… on 2019-02-15", "… - Safe Browsing team")
    r"^(?:posted|written|published)\s+by:?\s+(?P<names>.+?)(?:,?\s+(?:on|at|in)\s.*|\s+[-–—|]\s.*)?$",
    re.IGNORECASE,
)
#: A Chinese blog's or forum's ``"ggjjzhzz 发表于 2005-9-15 11:46:00"``: a writer's name
#: (a label such as ``作者：`` before it left out), then *posted at* and a date; or
#: ``"由海姑娘张贴 @ 2005-06-14"`` ("posted by"), ``"海姑娘写于2005年6月12日"`` ("written at").
_POSTED_AT = re.compile(
    r"(?:^|[\s:：])(?:由\s*)?(?P<names>[^\s:：\]】》」>|)]{2,20}?)\s*"
    rf"(?:发表于|發表於|张贴于?|張貼於?|写于|寫於)\s*[@＠:：]?\s*(?P<date>{DATE})"
)
#: Words that stand where a poster's name would (``"本文发表于"``: "this piece").
_NOT_POSTERS = frozenset(
    ["本文", "此文", "该文", "該文", "文章", "本帖", "原文", "本站", "首次", "最后", "最後"]
)
#: What a post's stamp never has after its date: a sentence's punctuation or its words
#: (``"该研究发表于2023年5月的《自然》杂志。"``).
_SENTENCE_AFTER = re.compile(r"[。，,；;！？!?]|[\u4e00-\u9fff]{6}")
#: A job title given after a name in such a line: not a name itself.
_JOB = re.compile(
    r"(?:^|\s)(?:senior\s+|staff\s+|principal\s+|lead\s+)?(?:software\s+|product\s+)?"
    r"(?:engineer|developer|manager|director|designer|scientist|researcher|analyst"
    r"|advocate|editor|writer|reporter|intern|president|officer|founder|ceo|cto|marketing"
    r"|communications|specialist|strategist|consultant|coordinator|evangelist)s?$",
    re.IGNORECASE,
)


#: What sets a stamp's fields apart (``" | "``, ``" · "``): after a byline's names, or
#: before the writer's name that closes a stamp.
STAMP_FIELD = re.compile(r"\s+[|·•│｜]\s+")
#: A line that opens with ``By`` alone (``"by: Ziyi Xu, Dec 17, 2025"``), up to its date.
_BY_ALONE = re.compile(
    rf"^by:?\s+(?P<names>.+?)"
    # the date after them, and its label ("on", "Updated:")
    rf"(?:[\s,|·•–-]*(?:on\s+|(?:(?:last\s+)?updated|published|posted):?\s+)?{DATE}.*)?$",
    re.IGNORECASE,
)


def _posted_at(text: str) -> re.Match[str] | None:
    """:data:`_POSTED_AT` in ``text``, where it is a post's stamp and not a sentence."""
    match = _POSTED_AT.search(text)
    if match is None or match["names"] in _NOT_POSTERS:
        return None
    return None if _SENTENCE_AFTER.search(text, match.end("date")) else match


def posted_by(lines: list[str]) -> tuple[str, ...]:
    """The names of the first ``"Posted by …"`` line among ``lines`` (up to 120 characters),
    without the date or place after them nor a job title among them.

    >>> posted_by(["Home", "Posted by Andrew Hayden, Software Engineer on Google Play"])
    ('Andrew Hayden',)
    >>> posted_by(["Posted by kovarex, TOGos, Ernestas, Albert on 2019-02-15, all posts"])
    ('kovarex', 'TOGos', 'Ernestas', 'Albert')
    >>> posted_by(["Posted by Nathan Parker and Eric Mill - Chrome Safe Browsing team"])
    ('Nathan Parker', 'Eric Mill')
    >>> posted_by(["Posted by Alex Durán, AMP Project Marketing, Google"])
    ('Alex Durán',)

    Chinese blogs and forums write the name before *posted at* (``发表于``) and the date:

    >>> posted_by(["[湖湘文化]陈天华《警世钟》 ggjjzhzz 发表于 2005-9-15 11:46:00"])
    ('ggjjzhzz',)
    >>> posted_by(["由海姑娘张贴 @ 2005-06-14 03:25:55"]), posted_by(["本文发表于 2005-06-14"])
    (('海姑娘',), ())
    """
    for line in lines:
        text = " ".join(line.split()) if len(line) <= 120 else ""
        match = _POSTED_BY.match(text) or _posted_at(text)
        if match:
            # "&" parts names only with spaces around it: "放飞&心情" is one member's name
            parts = re.split(r"\s*(?:,|;|\band\b)\s*|\s+&\s+", match["names"])
            # a job title ends the names: what follows it is the writer's employer
            names = [
                p
                for p in takewhile(lambda p: not _JOB.search(p), parts)
                if p and len(p.split()) <= 4
            ]
            if names:
                return tuple(names)
    return ()


def by_alone(lines: list[str]) -> tuple[str, ...]:
    """The names of the first line among ``lines`` (up to 80 characters) that opens with
    ``By`` alone, unmarked as a byline (``"by: Ziyi Xu, Dec 17, 2025"``), when every name
    it gives before its date is shaped as a name (:func:`name_shaped`: not ``"By clicking
    Subscribe, you agree"``). Meant for the lines just under the headline: elsewhere a
    ``"By …"`` line is as often a menu's item (``"By Pamela"``, a brand).

    >>> by_alone(["By clicking Subscribe, you agree", "by: Ziyi Xu, Dec 17, 2025"])
    ('Ziyi Xu',)
    >>> by_alone(["by Jason Rostar | SEO | 8 min Read"])
    ('Jason Rostar',)
    """
    for line in lines:
        match = _BY_ALONE.match(" ".join(line.split())) if len(line) <= 80 else None
        if match:
            # the stamp's other fields after the names ("by Jason Rostar | SEO | 8 min Read")
            written = STAMP_FIELD.split(match["names"], maxsplit=1)[0]
            parts = until_job_title(re.split(r"\s*(?:,|;|&|\band\b)\s*", written))
            names = [p.strip() for p in parts if p.strip()]
            if names and all(name_shaped(n) and len(n.split()) <= 4 for n in names):
                return tuple(names)
    return ()


#: A job title: a word only job titles hold, or ``"Head of …"`` (``"Head of Marketing"``,
#: ``"Marketing Director"``, ``"Senior Software Engineer"``).
_JOB_TITLE = re.compile(
    r"\b(?:head\s+of|vice\s+president|director|manager|marketing|editor-in-chief|officer"
    r"|founder|co-?founder|ceo|cto|coo|cfo|cmo|vp|president|specialist|strategist|consultant"
    r"|analyst|engineer|developer|designer|copywriter|contributor|correspondent|columnist"
    r"|researcher|scientist|intern|evangelist|advocate|coordinator|executive|architect"
    r"|partner|associate|assistant|editor|expert|reporter|writer|journalist|photographer)s?"
    r"(?-i:(?![a-z]))",
    re.IGNORECASE,
)


#: Degrees, licences and suffixes that a byline lists after a name, each between commas
#: (``"Rachael Link, MS, RD"``, ``"Jane Doe, PhD"``, ``"John Roe, Jr."``).
_CREDENTIAL = re.compile(
    r"(?:ph\.?\s?d|m\.?d|d\.?o|m\.?s|m\.?sc|m\.?a|m\.?b\.?a|m\.?p\.?h|m\.?f\.?a|r\.?n|r\.?d|r\.?d\.?n"
    r"|l\.?d|n\.?p|d\.?d\.?s|d\.?m\.?d|d\.?v\.?m|j\.?d|ll\.?m|ed\.?d|psy\.?d|c\.?p\.?a|lcsw|lpc|bsn"
    r"|msn|aprn|cnm|facp|faap|cscs|cde|b\.?a|b\.?s|b\.?sc|esq|jr|sr|ii|iii|iv)\.?",
    re.IGNORECASE,
)


def credential(part: str) -> bool:
    """Whether ``part``, one item of a byline's list, is a degree, a licence or a suffix
    after a name rather than a name of its own.

    >>> [credential(p) for p in ("MS", "RD", "Ph.D.", "Jr.", "Mo Dao", "AP")]
    [True, True, True, True, False, False]
    """
    return _CREDENTIAL.fullmatch(part.strip()) is not None


def job_word(word: str) -> bool:
    """Whether ``word`` alone is the word of a job (``"Reporter"``, ``"editors"``), as a job
    title ends.

    >>> job_word("Reporter"), job_word("Reporters"), job_word("Reporting")
    (True, True, False)
    """
    return _JOB_TITLE.fullmatch(word) is not None


def job_title(part: str) -> bool:
    """Whether ``part`` is a job title rather than a name (``"Head of Marketing"``).

    >>> job_title("Head of Marketing"), job_title("Danielle Padula")
    (True, False)
    """
    return bool(_JOB_TITLE.search(part))


def until_job_title(parts: list[str]) -> list[str]:
    """The names of a list up to its first job title: what follows a name's job title
    is more of that title (``"Head of Marketing and Community Development"``).

    >>> until_job_title(["Danielle Padula", "Head of Marketing", "Community Development"])
    ['Danielle Padula']

    A list that starts with a job title is kept whole: the title is dropped later, if at all.
    A name that runs into its job title ends the list there, without the title
    (:func:`without_job_title`):

    >>> until_job_title(["Catherine Boeckmann Executive Digital Editor", "Master Gardener"])
    ['Catherine Boeckmann']
    """
    for index, part in enumerate(parts):
        if index and job_title(part):
            return parts[:index]
        name = without_job_title(part)
        if name != part:
            return [*parts[:index], name]
    return parts


#: Small words that a name in Latin letters never holds in lower case (its particles
#: do: ``de``, ``van``, ``bin``), and the words of a reading time.
_NOT_IN_NAME = frozenset(
    ["a", "an", "the", "of", "for", "from", "to", "in", "on", "at", "with", "and", "or", "is",
     "are", "was", "our", "your", "their", "this", "that", "read", "reads", "reading", "min",
     "mins", "minute", "minutes", "views", "comments", "share", "follow"]
)  # fmt: skip
_PARTICLES = frozenset(
    ["de", "da", "del", "della", "der", "den", "di", "du", "la", "le", "van", "von", "bin", "al",
     "el", "dos", "das", "y"]
)  # fmt: skip


_NOT_IN_OTHER_NAME = re.compile(r"[\d()（）:：\[\]【】，。；！？]")


#: The most common Korean surnames (nine in ten Koreans bear one of the first twenty),
#: and the two-syllable ones.
_KO_SURNAMES = frozenset(
    "김이박최정강조윤장임한오서신권황안송류유전홍고문양손배백허남심노하곽성차주우구민진나지엄"
    "채원천방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용예경봉"
)
_KO_DOUBLE_SURNAMES = ("남궁", "황보", "제갈", "선우", "독고", "사공", "서문")
_KO_NOT_NAME_ENDINGS = ("부", "팀", "국", "과", "실", "청", "처", "사")  # 정치부, 보도국, 신문사


def korean_name(text: str) -> bool:
    """Whether ``text`` is a Korean person's name written alone: three syllables, a common
    surname first (``"박상우"``), or four after a two-syllable surname (``"남궁민수"``); not
    a desk or an office (``"정치부"``, ``"보도국"``).

    >>> korean_name("박상우"), korean_name("정치부"), korean_name("기사입력"), korean_name("사회")
    (True, False, False, False)
    """
    if not all("\uac00" <= c <= "\ud7a3" for c in text) or text.endswith(_KO_NOT_NAME_ENDINGS):
        return False
    if len(text) == 3:
        return text[0] in _KO_SURNAMES
    return len(text) == 4 and text.startswith(_KO_DOUBLE_SURNAMES)


#: The common Chinese surnames, in simplified and traditional characters (nearly every
#: Chinese person bears one of them), and the two-character ones.
_ZH_SURNAMES = frozenset(
    "王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫马馬朱胡郭何高林罗羅郑鄭梁谢謝宋唐许許韩韓冯馮邓鄧"
    "曹彭曾肖萧蕭田董袁潘于蒋蔣蔡余杜叶葉程苏蘇魏吕呂丁任沈姚卢盧姜崔钟鍾谭譚陆陸汪范金石廖贾賈"
    "夏韦韋付傅方白邹鄒孟熊秦邱江尹薛闫閻段雷侯龙龍史陶黎贺賀顾顧毛郝龚龔邵万萬钱錢严嚴覃武戴莫"
    "孔向汤湯常温溫康施文牛樊葛邢安齐齊易乔喬伍庞龐颜顏倪庄莊聂聶章鲁魯岳翟殷詹申欧歐耿关關兰蘭"
    "焦俞左柳甘祝包宁寧尚符舒阮柯纪紀梅童凌毕畢单單季裴霍涂成苗谷盛曲翁冉骆駱蓝藍路游辛靳管柴蒙"
    "鲍鮑华華喻祁蒲房滕屈饶饒解牟艾尤阳陽时時穆农農司卓古吉缪繆简簡车車项項连連芦蘆麦麥褚娄婁窦竇"
    "戚岑景党黨宫宮费費卜冷晏席卫衛米柏宗瞿桂全佟应應臧闵閔苟邬鄔边邊卞姬师師和仇栾欒隋商刁沙荣榮"
    "巫寇桑郎甄丛叢仲虞敖巩鞏明佘池查麻苑迟遲邝鄺官封谈談匡鞠惠荆荊乐樂冀郁胥南班储儲原栗燕楚鄢"
    "劳勞谌諶奚皮粟冼蔺藺楼樓盘盤满滿闻聞位厉厲伊仝区區郜海阚闞花权權强強帅帥屠豆朴盖蓋练練廉禹井"
    "祖漆巴丰支卿国國狄平计計索宣晋晉相初门門云容敬来來扈晁芮都普阙闕浦戈伏鹿薄邸雍辜羊阿乌烏母裘"
    "亓修邰赫杭况況那宿鲜鮮印逯隆茹诸諸战戰慕危玉银銀亢嵇公哈湛宾賓戎勾茅利於呼居揭干但尉冶斯元束"
    "檀衣信展阴陰昝智幸奉植衡富尧堯由洪賴赖蕭鄒游"
)
_ZH_DOUBLE_SURNAMES = (
    "欧阳", "歐陽", "司马", "司馬", "上官", "诸葛", "諸葛", "东方", "東方", "皇甫", "尉迟", "尉遲",
    "公孙", "公孫", "慕容", "长孙", "長孫", "宇文", "司徒", "夏侯", "令狐", "端木",
)  # fmt: skip


_HAN_NAME = re.compile(f"[{HAN_CHARS}]+")


def chinese_name(text: str) -> bool:
    """Whether ``text`` is a Chinese person's name written alone: two to four Han
    characters, a common surname first (``"张立勋"``, ``"欧阳娜娜"``); not a paper's notice
    (``"版權所有"``, all rights reserved; ``"不得轉載"``) nor an edition's name (``"美国版"``).

    >>> chinese_name("張立勳"), chinese_name("欧阳娜娜"), chinese_name("版權所有")
    (True, True, False)
    """
    if not 2 <= len(text) <= 4 or not _HAN_NAME.fullmatch(text):
        return False
    return text[0] in _ZH_SURNAMES or (len(text) >= 3 and text.startswith(_ZH_DOUBLE_SURNAMES))


def name_shaped(name: str, cased: bool = True) -> bool:
    """Whether ``name`` has the shape of a person's name in a block marked as a byline.

    A name in Latin letters holds five words at most, each capitalized but for its
    particles (``van``, ``de``; with ``cased`` false, as markup may write a name in lower
    case, any case), and none of the small words of prose; a single word (a user name:
    ``chunix64``) passes. A name in other scripts holds three words at most and no digit,
    bracket, colon or sentence's punctuation.

    >>> name_shaped("Marna van der Merwe"), name_shaped("mins read"), name_shaped("koconder")
    (True, False, True)
    >>> name_shaped("Insights from"), name_shaped("AI platform for healthcare")
    (False, False)
    >>> name_shaped("郭励弘"), name_shaped("买买提·艾力"), name_shaped("振威将军(从一品) 能力值:")
    (True, True, False)
    >>> name_shaped(""), name_shaped("  ")
    (False, False)
    """
    words = name.split()
    if not words:
        return False
    if not any("a" <= c <= "z" for c in name.lower()):
        # Another script: a name has no digits, brackets or colons, which a block's other
        # fields have ("振威将军(从一品) 能力值:", a forum member's rank under the name),
        # nor a sentence's punctuation (a site's description in its author meta).
        return len(words) <= 3 and _NOT_IN_OTHER_NAME.search(name) is None
    if len(words) < 2:
        return True
    if len(words) > 5:
        return False
    for word in words:
        bare = word.strip(".,'’()\"")
        if bare in _NOT_IN_NAME:  # in lower case only: "A. J. Neal" holds an initial
            return False
        if cased and bare[:1].islower() and bare not in _PARTICLES:
            return False
    return True


#: A writer's role after the name, as a wire story's signature gives it.
_WRITER_ROLE = re.compile(
    r"(?:[A-Z][\w.&'’-]*\s+){0,4}"
    r"(?:Writer|Reporter|Correspondent|Editor|Columnist|Contributor|Journalist)s?",
    re.IGNORECASE,
)


def writer_and_role(text: str) -> str | None:
    """The writer's name of a line that holds a name and, after a comma, a writer's role
    alone, without ``By`` (``"Greg Beacham, AP Sports Writer"``), else ``None``.

    >>> writer_and_role("Greg Beacham, AP Sports Writer")
    'Greg Beacham'
    >>> writer_and_role("Kim Jong Un, Chairman of the State Affairs Commission") is None
    True
    """
    name, comma, role = text.partition(", ")
    if not comma or not 2 <= len(name.split()) <= 4 or _WRITER_ROLE.fullmatch(role) is None:
        return None
    return name if name_shaped(name) else None
