"""Bylines in Korean, Chinese and English: reporters, translators, photographers, wire credits.

:func:`read_byline` reads one line that is a byline as a whole:

* Korean: ``"홍길동 기자"``, ``"부산=권태완 기자"``, several reporters (``"양인성 기자,
  원종빈 기자"``, ``"이윤구 이수용 기자"``), titles (특파원, 객원기자, 인턴기자, 전문기자,
  칼럼니스트, ...), a school or note in brackets after the title, an email after
  the name;
* Chinese: ``"记者 张三"``, ``"本报记者 李静 青岛报道"``, ``"（記者巫其倫／台北報導）"``,
  ``"（林媛玲／台北報導）"``, desks (``"（政治中心／台北報導）"`` names no one), wire
  datelines (``"新华社北京1月27日电（记者李忠发、潘洁）"``), ``【大紀元...訊】``, photo
  credits (``"新华社记者 才扬 摄"``, ``"圖／張小明"``) and translators (``"譯者：陳曉偉"``);
  an editor's credit (``"责任编辑：孔德明"``) names no author: authors are the writers;
* English: ``"By ..."``, ``"Posted by: ..."``, ``"Written by ..."``, ``"Analysis by ..."``,
  ``"Reporter ..."``, names with particles (``"Ed de Leon"``), several names, a wire
  agency after the names (``"By A and B Reuters"``), photo credits (``"Photo: Oakland
  Zoo"``).

>>> read_byline("대전=우정식 기자, 대전=김석모 기자, 최하연 기자").authors
('우정식', '김석모', '최하연')
>>> read_byline("新华社北京1月27日电（记者李忠发、潘洁）").authors
('李忠发', '潘洁')
>>> read_byline("By Orhan Coskun and Suleiman Al-Khalidi Reuters").outlet
'Reuters'
"""

from __future__ import annotations

import re

import attrs

from nkcorpus.cleaning.authornames import chinese_name, credential, posted_by
from nkcorpus.cleaning.dates import DATE_PATTERN, TIME_PATTERN, find_date

__all__ = [
    "AGENCY",
    "BYLINE_CHARS",
    "EMAIL",
    "KO_CREW",
    "KO_SIGN_OFF",
    "LATER_STAMP",
    "Byline",
    "desk_editor_credit",
    "read_byline",
    "read_dated_byline",
    "read_stamped_byline",
    "read_wire_credits",
    "sign_off",
    "writer_field",
    "written_once",
]

#: The longest line or block read as a byline (several names and a team).
BYLINE_CHARS = 120

#: An email address.
EMAIL = r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"

#: Wire agencies and outlets that sign articles, as pages write them.
AGENCY = (
    r"(?:Yonhap(?:\s+News(?:\s+Agency)?)?|AFP|AP|(?:The\s+)?Associated Press|Reuters|Xinhua"
    r"|Kyodo|EFE|dpa|EPA|Newsis|News1|NK News|Daily NK|연합뉴스|뉴시스|뉴스1|新华社|新華社|中新社"
    r"|(?:The\s+)?Canadian Press|Agence France[- ]Presse|Press Trust of India|PTI|IANS|UPI"
    r"|United Press International|(?:The\s+)?Press Association|PA Media|Jiji Press|KCNA"
    r"|Korean Central News Agency|조선중앙통신|朝鲜中央通讯社|Central News Agency|中央社|TASS"
    r"|Australian Associated Press|AAP|ANSA|Interfax|Bernama|Anadolu Agency)"
)


@attrs.frozen
class Byline:
    """What a byline line says.

    Attributes:
        authors: the names of the writers, in order.
        emails: email addresses on the line.
        translators: names credited as translators.
        photographers: names (or agencies) credited for photos.
        outlet: the outlet or wire agency the line names, when it names one.
    """

    authors: tuple[str, ...]
    emails: tuple[str, ...] = ()
    translators: tuple[str, ...] = ()
    photographers: tuple[str, ...] = ()
    outlet: str | None = None


# --- Korean ---------------------------------------------------------------------------

#: A reporter's rank written apart from the title (``"김수아 인턴 기자"``, ``"수습 기자"``).
_KO_RANK = r"(?:인턴|객원|선임|수습|견습|전문|수석|사진|영상|취재|시민|명예)\s+"
_KO_TITLE = (
    rf"(?:{_KO_RANK})?"
    r"(?:[가-힣]{0,8}?(?:기자|특파원|통신원|칼럼니스트|논설위원|편집위원|논설실장|객원논설위원|에디터)"
    r"|PD)"  # a broadcaster's producer who made the story ("방주희 PD")
)
#: Right after one of :data:`_KO_TITLE`'s titles (a look-behind for each last syllables).
_KO_TITLE_END = "|".join(
    f"(?<={end})" for end in ("기자", "특파원", "통신원", "니스트", "위원", "실장", "에디터", "PD")
)
#: A name: two to four syllables, a word of its own or glued to its title, never a
#: title's first half ("인턴" of "인턴기자").
_KO_NAME = (
    r"(?!(?:인턴|객원|선임|수습|전문|사진|영상|취재|편집|시민|수석|대)?기자|특파원|통신원)"
    rf"(?!{_KO_RANK}(?:기자|특파원))"
    r"[가-힣]{2,4}(?:(?![가-힣])|(?=기자|특파원|통신원))"
)
#: A desk or an outlet between a reporter's name and title (``"홍길동 정치부 기자"``,
#: ``"홍길동 데일리NK 기자"``): a word with Latin letters or digits, or one that ends as a
#: desk's, a paper's or a broadcaster's name does.
_KO_DESK = (
    r"(?:[가-힣]{0,6}[A-Za-z0-9][가-힣A-Za-z0-9]{0,10}"
    r"|[가-힣]{1,8}(?:부|팀|국|뉴스|일보|신문|방송|통신|닷컴|타임스))"
)
#: A desk's name (``"정치부"``, ``"보도국"``): never a reporter's.
_KO_DESK_WORD = r"(?:[가-힣]{1,6}(?:부|팀)|보도국|편집국)"
_KO_PART = re.compile(
    rf"\s*(?:(?P<place>[가-힣]{{1,8}})\s*=\s*)?"
    rf"(?:(?P<outlet>(?:[A-Za-z0-9]{{2,10}}\s+)?[가-힣A-Za-z0-9]{{2,10}})\s+"
    rf"(?=(?!{_KO_DESK_WORD}\s){_KO_NAME}\s*{_KO_TITLE}))?"
    rf"(?P<names>{_KO_NAME}(?:\s*[·ㆍ\s]\s*{_KO_NAME})*?)(?:\s+(?P<desk>{_KO_DESK}))?\s*{_KO_TITLE}"
    rf"(?:\s*\([^)]{{0,40}}\))?(?:\s*[(<]?(?P<email>{EMAIL})[)>]?)?\s*"
)
#: A credit of the words, with its label and no title (``"글 홍길동"``, ``"글=홍길동"``,
#: ``"기고 홍길동"``), or of something else (``"사진 김철수"``, ``"영상편집 김철수"``),
#: in a byline of parts set apart by ``/`` or ``|`` (``"글 홍길동 / 사진 김철수"``).
#: The crew that a broadcaster credits under a story (camera, editing, graphics), as a
#: regular expression: ``"촬영기자:김철수/영상편집:이영희"``.
KO_CREW = (
    r"(?:촬영\s*기자|영상\s*취재|영상\s*편집|영상\s*디자인|그래픽|촬영|CG|자료\s*조사|화면\s*제공)"
)
_KO_LABELED = re.compile(
    rf"\s*(?P<label>글|취재|기고|작성|사진|{KO_CREW}|영상|편집|디자인|일러스트)"
    # a sign or a space between: "취재플러스" (a section's name) is one word
    rf"(?:\s*[=:：/]\s*|\s+)(?P<names>{_KO_NAME}(?:\s*[·ㆍ]\s*{_KO_NAME})*)\s*(?:{_KO_TITLE})?\s*"
)
#: The label of the words' credit with its sign (``"글 / 홍길동"``, ``"글=홍길동"``).
_KO_WORDS_LABEL = re.compile(r"^(글|취재|기고|작성)\s*[=:：/]\s*")
#: What follows a Korean byline but is no part of it: a copyright notice (``"ⓒ 뉴스1"``),
#: an address a CDN hid from robots (``"[email protected]"``).
_KO_TRAILER = re.compile(r"\s*(?:[ⓒ©].*|\[email\s*protected\])\s*$")
#: Where the parts of a byline of several credits meet: a slash or a bar with spaces
#: around it (``"ㅣ"``, a Hangul letter, stands for a bar on Korean sites), or a slash or
#: comma without them before a crew's label (``"촬영기자:김철수/영상편집:이영희"``).
_KO_CREDITS_APART = re.compile(
    rf"\s+/\s+(?!{EMAIL})|\s*[|｜ㅣ]\s*|\s*[/,，]\s*(?={KO_CREW}\s*[=:：])"
)
#: Words that stand where a name would but name no one ("인터넷 기자").
_KO_NOT_NAMES = frozenset(
    [
        "인터넷",
        "온라인",
        "디지털",
        "뉴스",
        "사진",
        "영상",
        "취재",
        "편집",
        "사회부",
        "정치부",
        "경제부",
        "국제부",
        "문화부",
        "산업부",
        "체육부",
        "보도국",
        "뉴스팀",
        "취재팀",
        "편집부",
        "기획팀",
    ]
)


#: What stands before a Korean byline: a dateline in brackets (``"(서울=연합뉴스)"``), an
#: outlet in brackets (``"[데일리NK]"``), a credit label (``"글·사진"``, ``"글·사진="``),
#: ``"/"``, a bullet (``"▶"``).
_KO_BEFORE = re.compile(
    r"^\s*(?:[\[(（]\s*(?:[가-힣]{1,8}\s*=\s*)?(?P<outlet>[가-힣A-Za-z0-9 ]{1,12}?)\s*[\])）]"
    r"|(?:글|글·사진|글/사진|글ㆍ사진)(?:\s*=|\s)|/|[▶►■□●◆▲☞])\s*"
)
#: What stands after one: the ``=`` that opens a wire story, a slash before the email,
#: the count of writers it leaves unnamed (``"박준석 기자 외 1명"``: and one other).
_KO_AFTER = re.compile(rf"\s*=\s*$|(?<=기자)\s*/\s*(?={EMAIL}\s*$)|\s+외\s*\d{{1,2}}\s*명\s*$")
#: A credit whose "place" says what was made, not where (``"사진=홍길동 기자"``).
_KO_CREDIT = re.compile(r"^\s*(?:사진|영상|그래픽|촬영|편집)\s*=")


#: Where one writer's byline ends and the next begins: a comma, or a middle dot after a
#: title (``"홍길동 기자 · 김철수 기자"``; ``"홍길동·김철수 기자"`` is one byline of two names).
_KO_PARTS = re.compile(rf"\s*[,，]\s*|(?:{_KO_TITLE_END})\s*[·ㆍ]\s*")


def _korean(line: str) -> Byline | None:
    body = line
    if body[:1] in "[(（<〈" and body[-1:] in "])）>〉":
        body = body[1:-1]
    body = _KO_WORDS_LABEL.sub(r"\1 ", _KO_TRAILER.sub("", body).strip())
    body = _NAME_LABEL.sub("", body)  # "기자명 홍길동 기자": a label, not an outlet
    outlet = None
    authors: list[str] = []
    found_emails: list[str] = []
    photographers: list[str] = []
    credits = _KO_CREDITS_APART.split(body)
    for credit in credits:
        labeled = _KO_LABELED.fullmatch(credit)
        if labeled is not None and (len(credits) > 1 or not _KO_PART.fullmatch(credit)):
            # "글 홍길동 / 사진 김철수": the words' credit names the writers, a photo's the
            # photographers, any other (an editor's, a video's) no one of the article
            names = [n for n in re.split(r"[\s·ㆍ]+", labeled["names"]) if n]
            if labeled["label"] in ("글", "취재", "기고", "작성"):
                authors.extend(names)
            elif re.sub(r"\s", "", labeled["label"]) in ("사진", "촬영", "촬영기자"):
                photographers.extend(names)
            continue
        before = _KO_BEFORE.match(credit)
        if before is not None and before.end() < len(credit):
            outlet = outlet or before["outlet"]
            credit = credit[before.end() :]
        credit = _KO_AFTER.sub(lambda m: " " if m.group().strip() == "/" else "", credit)
        for part in _KO_PARTS.split(credit.strip()):
            match = _KO_PART.fullmatch(part)
            if match is None:
                return None
            names = [n for n in re.split(r"[\s·ㆍ]+", match["names"]) if n]
            credited = photographers if _KO_CREDIT.match(part) else authors
            credited.extend(n for n in names if n not in _KO_NOT_NAMES)
            if match["email"]:
                found_emails.append(match["email"])
            outlet = outlet or match["outlet"] or _outlet_desk(match["desk"])
    return Byline(
        tuple(authors), tuple(found_emails), photographers=tuple(photographers), outlet=outlet
    )


def _outlet_desk(desk: str | None) -> str | None:
    """The outlet that a word between a reporter's name and title names, not a desk's."""
    return desk if desk and not re.search(r"(?:부|팀|국)$", desk) else None


# --- Chinese --------------------------------------------------------------------------

_HAN = r"[\u4e00-\u9fff]"
_ZH_NAMES = rf"{_HAN}{{2,4}}(?:\s*[、，,\s&＆]\s*{_HAN}{{2,4}}){{0,5}}"
#: :data:`_ZH_NAMES`, as few as the rest of the line lets through.
_ZH_FEW_NAMES = rf"{_HAN}{{2,4}}(?:\s*[、，,\s&＆]\s*{_HAN}{{2,4}}){{0,5}}?"
#: Words after the names that say how the piece was put together, not who wrote it.
_ZH_HOW = r"(?:\s*(?:整合|整理|综合|綜合|编译|編譯|采写|採寫))?"
#: A bare ``文`` (words by) only before a name or a separator, never as a word's first
#: character (``文章``, ``文化``).
_REPORTER = (
    r"(?:记者|記者|特约记者|特約記者|特派员|特派員|通讯员|通訊員|编辑|編輯|撰稿|撰文|作者"
    r"|文(?![\u4e00-\u9fff]))"
)
_REPORT = r"(?:即時報導|即时报道|綜合報導|综合报道|報導|报道|報道|电|電)"
#: A desk, a channel or the outlet's news before a slash (``政治中心／``, ``即時新聞／`` the
#: breaking-news desk, ``財經頻道／``, ``華視新聞╱``), up to where a reporter's name would
#: start; not the 新聞 of an outlet's name that goes on (``聯合新聞網``).
_DESK = re.compile(
    r"^.*?(?:中心|組|组|部|社|台|網|网|報|报|頻道|频道|(?:新聞|新闻)(?![網网台社組组部中]))"
)
#: ``本報``, ``本报``: "this paper", before its reporter (``本報記者林宸誼``).
_OWN_PAPER = r"(?:本報|本报)"
#: A reporter's title before a name that a desk left (``記者林宸誼`` of ``本報記者林宸誼``).
_TITLE_BEFORE = re.compile(r"^(?:特约记者|特約記者|特派员|特派員|记者|記者)")
#: ``（記者巫其倫／台北報導）``, ``（突發中心江宏倫／台北報導）``, ``聯合報 記者林宸誼／即時報導``.
_ZH_SLASH = re.compile(
    rf"(?:.*?\d\d:\d\d)?\s*(?:[〔（(【]\s*(?={_HAN}{{2,6}}?\s*[/／]\s*{_OWN_PAPER}?{_REPORTER}))?"
    rf"(?:(?P<outlet>{_HAN}{{2,6}}?)(?![員员])\s*[/／]?\s*)?[〔（(【]?\s*"
    rf"{_REPORTER}?\s*"
    rf"(?P<names>{_HAN}{{2,10}}?(?:\s*[、，,]\s*{_HAN}{{2,6}}?){{0,4}})"
    rf"\s*[／/]\s*(?P<place>{_HAN}{{0,6}}?){_REPORT}"
    r"\s*[〕）)】]?"
)
#: ``新华社北京1月27日电（记者李忠发、潘洁）``,
#: ``【大紀元2015年06月10日訊】（大紀元記者魏文彬綜合報導）``.
_ZH_WIRE = re.compile(
    rf"(?P<outlet>.{{0,20}}?)(?:(?:\d{{4}}年)?\d{{1,2}}月\d{{1,2}}日)?(?:电|電|訊|讯|消息)】?"
    rf"\s*(?P<open>[（(])?\s*"
    rf"(?:{_HAN}{{0,4}}?){_REPORTER}\s*(?P<names>{_HAN}{{3}}(?={_HAN}{{2}}{_REPORT})|{_ZH_NAMES}?)"
    rf"{_ZH_HOW}\s*(?:{_HAN}{{0,4}}{_REPORT})?"
    r"\s*(?(open)[）)])"
)
#: ``（中央社記者邱俊欽桃園19日電）``: reporter, place and day run together (a three-character
#: name is read first).
_ZH_CNA = re.compile(
    rf"[（(]?\s*(?P<outlet>{_HAN}{{0,4}}?)(?:记者|記者)(?P<names>(?:{_HAN}{{2,3}}、)*(?:{_HAN}{{3}}|{_HAN}{{2}}))"
    rf"(?P<place>{_HAN}{{2,3}})(?:\d{{1,2}}日)?(?:专电|專電|电|電|傳真|传真)(?:\s*\d{{2,4}}年\d{{1,2}}月\d{{1,2}}日)?"
    r"\s*[）)]?"
)
#: The labels before a Chinese writer's name in a line of fields: the writer's, a
#: reporter's, and the poster's of a forum thread, a blog or a site's notice (``楼主``,
#: ``博主``, ``发布者``).
_ZH_WRITER_LABEL = (
    r"作者|文章作者|记者|記者|撰文|执笔人|執筆人|执笔|執筆|撰稿人|特約撰稿人|特约撰稿人"
    r"|发布者|發佈者|發布者|发布人|發佈人|發布人|发表者|發表者|发表人|發表人|发文者|發文者"
    r"|楼主|樓主|博主"
)
#: ``作者：李在山`` at the end of a line of page furniture, ``执笔/叨叨姐、胡一刀&李小飞刀``,
#: ``执笔人：闵乐夫 赵兰波``; a name given with its original spelling after it
#: (``作者：周思博 (Joel Spolsky)``) keeps it; who the writer is, after a space and opening
#: with a Latin capital, goes (``撰文 : 梁耀康 HK Money Club聯合創辦人、CFA``).
_ZH_LABELED = re.compile(
    rf".{{0,50}}?[【\[]?(?:{_ZH_WRITER_LABEL})(?:\s*[:：︰/／]|[】\]])\s*"
    rf"(?:(?P<names>{_ZH_NAMES})(?:\s*[（(][^()（）A-Za-z]{{1,30}}[)）]|\s+[A-Z][^\n]{{0,60}})?"
    rf"|(?P<name>{_HAN}{{2,4}}\s*[(（][A-Za-z][A-Za-z .'’-]{{1,40}}[)）]))"
)
#: Where the affiliation that a commentary's closing credit glues to its writer's name
#: begins: a country, province or city of China, or a national body or university.
_ZH_AFFILIATION_START = (
    r"中国|中國|中央|中共|国家|國家|国务院|國務院|全国|全國|北京|上海|天津|重庆|重慶|河北|山西"
    r"|辽宁|遼寧|吉林|黑龙江|黑龍江|江苏|江蘇|浙江|安徽|福建|江西|山东|山東|河南|湖北|湖南|广东"
    r"|廣東|海南|四川|贵州|貴州|云南|雲南|陕西|陝西|甘肃|甘肅|青海|台湾|臺灣|台灣|内蒙古|內蒙古"
    r"|广西|廣西|西藏|宁夏|寧夏|新疆|香港|澳门|澳門|南京|武汉|武漢|广州|廣州|深圳|杭州|成都|西安"
    r"|厦门|廈門|清华|清華|复旦|復旦|南开|南開|同济|同濟|人民|社科|社会科学|社會科學"
)
#: The post that ends such an affiliation (``教授``, ``研究员``).
_ZH_POST = (
    r"教授|副教授|研究员|研究員|副研究员|副研究員|讲师|講師|博士|博士生|博士后|博士後|院长|院長"
    r"|所长|所長|主任|学者|學者|专家|專家|评论员|評論員|会长|會長|理事|秘书长|秘書長|委员|委員"
)
#: ``（作者：张三，系中国人民大学教授）``: a commentary's writer and who they are; the
#: affiliation may follow the name with nothing between them (``(作者：方敏北京大学经济学院教授)``)
#: where it opens with a place or a national body and ends with a post.
_ZH_AUTHOR_NOTE = re.compile(
    rf"[（(]\s*(?:作者|作者简介|作者簡介)\s*[:：]\s*(?:"
    rf"(?P<names>{_HAN}{{2,4}}(?:[、]{_HAN}{{2,4}})*)\s*[，,]\s*[^（()）]{{1,60}}"
    rf"|(?P<name>{_HAN}{{2,3}}?)系?(?:{_ZH_AFFILIATION_START}){_HAN}{{0,30}}?(?:{_ZH_POST}))[）)]"
)
#: ``文/新京报记者 张三``, ``文、图/张三``, ``采写：南都记者 方南``: a credit for the words (and the
#: pictures) first.
_ZH_WORDS_BY = re.compile(
    r"^(?:文|文字|采写|採寫)"
    r"(?:(?P<photos>\s*[、/／]\s*(?:图|圖))(?:\s*[/／｜|:：]\s*|\s+)|\s*[/／｜|:：]\s*)"
)
#: ``张三/文``, ``张三／文、图``: the names first, then what they are credited for.
_ZH_NAMES_WORDS = re.compile(
    rf"(?P<names>{_ZH_NAMES})\s*[/／]\s*(?:文|文字)(?P<photos>\s*[、/／]\s*(?:图|圖))?"
)
#: ``图/张三``, ``圖／張小明``: a photo credit alone.
_ZH_PHOTO_CREDIT = re.compile(rf"(?:图|圖|图片|圖片|摄影|攝影)\s*[/／:：]\s*(?P<names>{_ZH_NAMES})")
#: ``石佳/中国青年报``: the writer, a slash, the paper the piece first ran in.
_ZH_NAME_OUTLET = re.compile(
    rf"(?P<names>{_HAN}{{2,4}})\s*[／/]\s*(?P<outlet>{_HAN}{{1,10}}(?:报|報|网|網|社|台|新闻|新聞|周刊|週刊))"
)
#: ``中國時報 張立勳``, ``中廣 溫蘭魁``: a paper's or broadcaster's name, then its
#: reporter's (the name ends as a paper's or a broadcaster's does: ``報``, ``社``, ``台``,
#: ``視``, ``廣``; not as a portal's, ``網``, whose breadcrumbs read ``新华网 正文``).
_ZH_OUTLET_NAME = re.compile(
    rf"(?P<outlet>{_HAN}{{1,8}}(?:报|報|社|台|臺|视|視|广|廣))\s+(?P<names>{_ZH_NAMES})"
)
#: How the name of a paper, an edition or a section ends, never a person's (``新民周刊``,
#: ``大学生版``, ``美国版``: a menu of a paper's editions after its name, ``晚报数字报``).
_PUBLICATION_END = re.compile(r"[报報刊版网網社台臺页頁区區栏欄]$")
#: ``张三 新京报记者``: the reporter's name, then the paper's reporter's title.
_ZH_NAME_TITLE = re.compile(
    rf"(?P<names>{_HAN}{{2,4}}(?<![报報社台臺网網视視广廣]))\s+"
    rf"(?P<outlet>{_HAN}{{1,8}}?)(?:记者|記者|特派员|特派員)"
)
#: A contributor's title with a colon after the reporter (``"记者：张三 通讯员：李四"``).
_CONTRIBUTOR_COLON = re.compile(r"(?<=通讯员|通訊員|实习生|實習生)\s*[:：]?\s*")
#: ``生活中心／張小明報導``: a desk, a slash, a reporter of three characters (two would
#: be a place: ``政治中心／台北報導``).
_ZH_DESK_NAME = re.compile(
    rf"[（(〔【]?{_HAN}{{0,6}}(?:中心|組|组|部)\s*[／/]\s*"
    rf"(?P<names>{_HAN}{{3}})(?<![縣县市區区鄉乡鎮镇])(?:報導|报道)[）)〕】]?"
)
_PHOTO = re.compile(r"^(?:攝影|摄影)\s*")
#: A name of two or three characters run into ``摄`` (photographed by) after it.
_PHOTO_AFTER = re.compile(rf"{_HAN}{{2,3}}[摄攝]")
#: ``[ 黄宇 ] 来源：[ 国际金融报 ]``: the writer in brackets, then the paper it came from.
_ZH_NAME_SOURCE = re.compile(
    rf"[\[【]\s*(?P<names>{_HAN}{{2,4}})\s*[\]】]\s*(?:来源|來源)\s*[:：]\s*[\[【]?[^\[\]【】]{{1,20}}[\]】]?"
)
#: ``上報快訊／范姜佳鈺``: a news desk, a slash, the reporter.
_ZH_DESK_SLASH = re.compile(
    rf"{_HAN}{{0,6}}(?:快訊|快讯|即時|即时|專訊|专讯)\s*[／/]\s*(?P<names>{_HAN}{{2,4}})"
)
#: ``本报记者 李静 青岛报道``, ``半月谈记者 史卫燕``, ``记者 张三``, ``新华社记者 才扬 摄``,
#: ``本报记者罗科苏盈发自北京``, ``顶端新闻·河南商报记者马俊峰/文受访者供图``.
_ZH_PLAIN = re.compile(
    rf"[□■●◆▲△○◎◇★☆]?\s*[（(【]?\s*"
    rf"(?P<outlet>[A-Za-z]{{0,6}}(?:{_HAN}{{1,6}}[·・-])?(?:{_HAN}{{1,6}}[0-9]{{1,3}}|{_HAN}{{0,6}}?))"
    rf"\s*{_REPORTER}\s*[:：/／|｜]?\s*"
    rf"(?P<names>{_ZH_NAMES}?)"
    rf"(?:\s*(?P<place>{_HAN}{{2,4}}){_REPORT}|\s+{_REPORT}"
    rf"|(?:\s*[/／]\s*|\s+)(?:文|文字)(?:\s*[/／、]\s*(?:图|圖))?|\s*(?P<photo>摄|攝)"
    rf"|\s*(?:发自|發自)\s*{_HAN}{{2,6}})?"
    rf"(?:\s*{_HAN}{{0,6}}(?:供图|供圖))?"
    rf"(?:\s*(?:校对|校對|责编|責編|编辑|編輯)\s*{_ZH_NAMES})?"
    rf"(?:\s*[／/]?\s*(?:图|圖|攝影|摄影)\s*[／/:：]?\s*(?P<photographer>{_ZH_FEW_NAMES}))?"
    rf"(?:\s*{_REPORT})?\s*[）)】]?"
)
#: ``作者`` run into the words after it: a link's label (``作者一覽``, the list of
#: writers; ``作者简介``, about the writer), not a writer's credit, which sets the name
#: apart (``作者：张三``, ``作者 张三``).
_AUTHOR_WORD = re.compile(rf"^[□■●◆▲△○◎◇★☆]?\s*[（(【]?\s*作者(?={_HAN})")
#: A broadcaster's closing line: ``以上是自由亚洲电台记者石山的报道。``,
#: ``美国之音记者张三在首尔的报道``.
_ZH_SIGN_OFF = re.compile(
    rf"(?:以上是|以上為|以上为)?\s*(?P<outlet>[A-Za-z]{{0,6}}{_HAN}{{0,8}}?)\s*(?:记者|記者)\s*"
    rf"(?P<names>{_HAN}{{2,4}}?)(?:\s*在{_HAN}{{2,6}}?)?\s*的(?:报道|報導|報道)[。.]?"
)
_ZH_TRANSLATOR = re.compile(
    rf"(?:譯者|译者|翻譯|翻译|編譯|编译)\s*[:：/／]\s*(?P<names>{_ZH_NAMES})"
)
_ZH_EDITOR = re.compile(rf"^{_HAN}{{0,6}}?(?:編輯|编辑)(?P<names>{_HAN}{{2,4}})$")


def _names(text: str) -> tuple[str, ...]:
    names = (_REPORTED.sub("", n) for n in re.split(r"[\s、，,&＆]+", text))
    return tuple(
        n
        for n in names
        if n
        and n not in _ZH_NOT_NAMES
        and not n.endswith(_ZH_ROLES)
        and not _ZH_NO_ONE.fullmatch(n)
        and not re.fullmatch(_ZH_HOW, n)
    )


#: ``报道`` run into the name before it (``记者张三报道``): the name is the rest.
_REPORTED = re.compile(rf"(?<={_HAN}{{2}})(?:报道|報導|報道|报导)$")


#: What stands in a writer's field of an older Chinese site but names no one: anonymous
#: (``佚名``, ``匿名``, ``未知``), the site itself or its staff (``本站``, ``本站原创``,
#: ``本站编辑``, ``管理员``), a netizen, the web, and the words that say where a piece
#: comes from (``出自``, ``摘自``).
_ZH_NO_ONE = re.compile(
    r"佚名|匿名|未知|不详|不詳|无名|無名|网友|網友|网络|網絡|互联网|互聯網|原创|原創|转载|轉載"
    # where the piece comes from, read as a name after the writer's ("赵婕 出自")
    r"|出自|摘自|选自|選自|转自|轉自|引自|来自|來自|来源|來源"
    r"|(?:本站|本网|本網|本台|本刊|网站|網站)\w{0,4}|\w{0,4}(?:管理员|管理員|编辑部|編輯部|小编|小編)"
)


#: Words that stand where a name would after ``作者`` but name no one (a link to "该作者文章",
#: the writer's other articles, or "作者简介", about the writer), or after a site's name in
#: its breadcrumbs (``新华网 正文``, the article's page), or after ``编辑`` in a box's
#: heading (``编辑推荐``, the editors' picks).
_ZH_NOT_NAMES = frozenset(
    ["文章", "简介", "簡介", "专栏", "專欄", "其他文章", "更多文章", "介绍", "介紹", "主页", "主頁",
     "正文", "首页", "首頁", "推荐", "推薦", "精选", "精選"]
)  # fmt: skip


#: Words between the names of a byline that credit a role, not a person
#: (``"记者 张三 通讯员 李四"``), also after the paper's name (``"文/本报记者 张三"``).
_ZH_ROLES = ("通讯员", "通訊員", "实习生", "實習生", "记者", "記者")


#: ``责任编辑：孔德明``: the editor who put the piece out, not one of its writers.
_ZH_DESK_EDITOR = re.compile(r"[（(\[【]?\s*(?:责任编辑|責任編輯|责编|責編)\s*[:：/／]?")


def desk_editor_credit(line: str) -> bool:
    """Whether ``line`` credits the editor who put the piece out, not a writer.

    >>> desk_editor_credit("[责任编辑：朱家浒 PN054]"), desk_editor_credit("作者：上官云")
    (True, False)
    """
    return _ZH_DESK_EDITOR.match(line.strip()) is not None


#: The credits of others after the writers' (an editor's, a proofreader's, a video's, a
#: photo's or a graphic's maker: ``"记者 张三 | 编辑 李四 校对 王五"``, ``"… 李四/图"``): not
#: the piece's writers.
_OTHER_CREDITS = re.compile(
    rf"(?:(?:\s*[|｜丨]\s*|\s+)(?:(?:责任编辑|責任編輯|编辑|編輯|责编|責編|校对|校對|视频|視頻|摄像|攝像"
    rf"|制图|製圖|设计|設計|统筹|統籌|监制|監製|策划|策劃|海报|海報)\s*[:：/／|｜丨]?\s*{_ZH_FEW_NAMES}"
    rf"|(?:摄影|攝影)\s*[:：]\s*{_ZH_FEW_NAMES}|{_HAN}{{2,4}}\s*[/／]\s*(?:图|圖|摄|攝)))+$"
)
#: The label of the outlet a byline opens with (``来源：新京报 记者 张三``).
_SOURCE_LABEL = re.compile(rf"^(?:来源|來源)\s*[:：]\s*(?={_HAN}{{1,10}}?\s*(?:记者|記者))")
#: ``本报`` before a contributor's title (``本报通讯员 李四``): the paper's, as for its reporter.
_OWN_CONTRIBUTOR = re.compile(r"(?:本报|本報)(?=通讯员|通訊員|实习生|實習生)")
#: A two-character name set as wide as a three-character one, a space between its
#: characters (``记者 张 三``, ``作者：马 燕``), at the end of a reporter's byline.
_PADDED_NAME = re.compile(rf"((?:记者|記者|作者)\s*[:：]?\s*{_HAN})[ \u3000]({_HAN})$")
#: The label that a portal links after a name with an account on its microblog
#: (``成都商报(微博)记者 余文龙``): no part of the name.
_MICROBLOG = re.compile(r"\s*[（(](?:微博|微博客)[)）]")
#: A writer's rank in brackets after the name (``"作者：潞源（实习）"``: an intern).
_ZH_RANK = re.compile(r"\s*[（(](?:实习生?|實習生?|见习|見習|特约|特約)(?:记者|記者)?[)）]")
#: A slash between a reporter's title and the name (``"记者/钟啸 通讯员/王海军"``): the title
#: and the name, as ``"记者钟啸"`` writes them.
_TITLE_SLASH = re.compile(r"(?<=记者|記者)\s*[/／]\s*|(?<=通讯员|通訊員)\s*[/／]\s*")


def _chinese(line: str) -> Byline | None:
    if desk_editor_credit(line):
        return Byline(())
    line = _TITLE_SLASH.sub("", _ZH_RANK.sub("", _MICROBLOG.sub("", line)))
    line = _OTHER_CREDITS.sub("", _OWN_CONTRIBUTOR.sub("", _SOURCE_LABEL.sub("", line)))
    line = _CONTRIBUTOR_COLON.sub(" ", line)
    line = _PADDED_NAME.sub(r"\1\2", line)
    words_by = _ZH_WORDS_BY.match(line)
    if words_by and words_by.end() < len(line):
        rest = line[words_by.end() :]
        found = Byline(_names(rest)) if re.fullmatch(_ZH_NAMES, rest) else _chinese(rest)
        if found is not None and words_by["photos"]:
            found = attrs.evolve(found, photographers=found.photographers or found.authors)
        if found is not None:
            return found
    match = _ZH_PHOTO_CREDIT.fullmatch(line)
    if match:
        return Byline((), photographers=_names(match["names"]))
    match = _ZH_AUTHOR_NOTE.fullmatch(line)
    if match:
        return Byline(_names(match["names"] or match["name"]))
    match = _ZH_TRANSLATOR.fullmatch(line)
    if match:
        return Byline((), translators=_names(match["names"]))
    match = _ZH_WIRE.fullmatch(line)
    if match:
        return Byline(_names(match["names"]), outlet=_outlet(match["outlet"]))
    match = _ZH_DESK_NAME.fullmatch(line)
    if match:
        return Byline((match["names"],))
    match = _ZH_SLASH.fullmatch(line)
    if match:
        first, *others = re.split(r"\s*[、，,]\s*", match["names"])
        desk = _DESK.match(first)
        if desk:
            first = _TITLE_BEFORE.sub("", first[desk.end() :])
        writers = [n for n in (first, *others) if 2 <= len(n) <= 4 and not _PHOTO.match(n)]
        photos = tuple(_PHOTO.sub("", n) for n in others if _PHOTO.match(n))
        return Byline(tuple(writers), photographers=photos, outlet=_outlet(match["outlet"]))
    match = _ZH_SIGN_OFF.fullmatch(line)
    if match:
        return Byline((match["names"],), outlet=_outlet(match["outlet"]))
    match = _ZH_PLAIN.fullmatch(line)
    if match and _AUTHOR_WORD.match(line):
        return Byline(())  # a link's label about the writer, which names no one
    if match:
        names = _names(match["names"])
        photographer = _names(match["photographer"] or "")
        glued = not match["photo"] and len(names) == 1 and _PHOTO_AFTER.fullmatch(names[0])
        if glued:
            names = (names[0][:-1],)  # "新华社记者廖宇杰摄": 摄 run into the name
        if match["photo"] or glued:
            return Byline((), photographers=names, outlet=_outlet(match["outlet"]))
        return Byline(names, photographers=photographer, outlet=_outlet(match["outlet"]))
    match = _ZH_EDITOR.fullmatch(line)
    if match:
        return Byline(_names(match["names"]))
    match = _ZH_CNA.fullmatch(line)
    if match:
        return Byline(_names(match["names"]), outlet=_outlet(match["outlet"]))
    match = _ZH_LABELED.fullmatch(line)
    if match and match["name"]:
        return Byline((re.sub(r"\s*[(（]\s*(.*?)\s*[)）]$", r" (\1)", match["name"]),))
    match = match or _ZH_DESK_SLASH.fullmatch(line)
    if match:
        return Byline(_names(match["names"]))
    match = _ZH_NAME_SOURCE.fullmatch(line)
    if match:
        return Byline((match["names"],))
    match = _ZH_NAMES_WORDS.fullmatch(line)
    if match:
        names = _names(match["names"])
        return Byline(names, photographers=names if match["photos"] else ())
    match = _ZH_NAME_OUTLET.fullmatch(line)
    if match:
        return Byline((match["names"],), outlet=match["outlet"])
    match = _ZH_NAME_TITLE.fullmatch(line)
    if match and not any(_PUBLICATION_END.search(name) for name in _names(match["names"])):
        return Byline(_names(match["names"]), outlet=_outlet(match["outlet"]))
    match = _ZH_OUTLET_NAME.fullmatch(line)
    if match and all(chinese_name(name) for name in _names(match["names"])):
        # a paper's name and its writers' with no reporter's title between: each a name
        # (not "版權所有 不得轉載", the paper's notice, nor its editions' names)
        return Byline(_names(match["names"]), outlet=_outlet(match["outlet"]))
    return None


def _outlet(text: str | None) -> str | None:
    text = (text or "").strip(" 【】[]/")
    return text if text and not _TITLE_BEFORE.fullmatch(text) else None


# --- English --------------------------------------------------------------------------

_PARTICLE = r"(?:de|da|del|della|der|den|di|du|la|le|van|von|bin|al|el|dos|das|y)"
_WORD = rf"(?!{AGENCY}\b)[A-Z\u00c0-\u00de][\w'’.-]*"
_EN_NAME = rf"{_WORD}(?:\s+(?:{_PARTICLE}\s+)?{_WORD}){{0,3}}"
_EN_PREFIX = (
    r"(?:By|BY|by|Written\s+by|Posted\s+by|Reported\s+by|Words\s+by|Story\s+by|Reporter"
    r"|Reporting\s+by|Author|(?:Analysis|Opinion|Commentary|Interview|Review|Text)\s+by)\s*:?"
)
_EN_BYLINE = re.compile(
    rf"{_EN_PREFIX}(?:(?<=:)\s*|\s+)(?P<names>{_EN_NAME}(?:(?:\s*,\s*{_EN_NAME})*\s*,?\s*(?:and|&)\s+{_EN_NAME})?)"
    rf"(?P<rest>\s*(?:,|\||-|–|—|\s/)\s*.{{0,60}}|\s+{AGENCY}|\s*\(?(?P<email>{EMAIL})\)?)?"
)
_EN_PHOTO = re.compile(
    r"[(\[]?\s*(?:Photo|Photos|Photograph|Picture|Image)(?:\s+by|\s+courtesy\s+of)?\s*[:：]?\s+"
    r"(?P<names>[^()\[\]\n]{2,60}?)\s*[)\]]?"
)
_EN_TRANSLATOR = re.compile(
    rf"[(\[]?\s*(?:Translated\s+by|Translation\s+by|Translator)\s*:?\s+(?P<names>{_EN_NAME}"
    rf"(?:\s*(?:,|and|&)\s*{_EN_NAME})*)\s*[)\]]?\.?"
)


def _english(line: str) -> Byline | None:
    match = _EN_TRANSLATOR.fullmatch(line)
    if match:
        return Byline((), translators=_en_names(match["names"], True))
    match = _EN_BYLINE.fullmatch(line)
    if match:
        rest = (match["rest"] or "").strip(" ,|-–—/")
        outlet = rest if re.fullmatch(AGENCY, rest) else None
        authors = _en_names(match["names"], True)
        return Byline(authors, (match["email"],) if match["email"] else (), outlet=outlet)
    match = _EN_PHOTO.fullmatch(line)
    if match and len(match["names"].split()) <= 6:
        return Byline((), photographers=(match["names"].strip(),))
    return None


#: The roles of a wire story's closing credits (``"Reporting by A in Seoul; Editing by
#: B"``): whose names are its writers, and whose are not (editors, contributors).
_WIRE_ROLE = re.compile(
    r"(?P<additional>(?:additional|further|other)\s+)?"
    r"(?P<role>(?:reporting|writing)(?:\s+and\s+(?:reporting|writing))?|editing|compiled|compiling"
    r"|graphics|production|research|fact-checking|translation|translated|photos|video)"
    r"(?:\s+by)\s+(?P<names>.+)",
    re.IGNORECASE,
)
_WIRE_START = re.compile(r"\s*[(\[]?\s*(?:reporting|writing)\s", re.IGNORECASE)
#: A place after a name (``"in Seoul"``, ``"in New York"``).
_IN_PLACE = re.compile(r"\s+in\s+[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)*$")


def read_wire_credits(line: str) -> Byline | None:
    """Read the closing credits of a wire story: ``"(Reporting by Hyonhee Shin in Seoul;
    Editing by Ed Davies)"``.

    The line must be credits as a whole: clauses separated by ``;``, each a role then
    ``by`` and names, the first one reporting or writing. Its authors are the reporters
    and writers, in order, the place after their names left out; editors, producers and
    those credited with *additional* reporting are not authors. Returns ``None`` for any
    other line.

    >>> credits = "(Reporting by Josh Smith and Hyonhee Shin in Seoul; Editing by Ed Davies.)"
    >>> read_wire_credits(credits).authors
    ('Josh Smith', 'Hyonhee Shin')
    >>> read_wire_credits("Editing by Ed Davies") is None
    True
    """
    if not _WIRE_START.match(line):
        return None
    text = line.strip().strip("()[]").strip().rstrip(".").strip()
    clauses = [c.strip() for c in text.split(";")]
    authors: list[str] = []
    for number, clause in enumerate(clauses):
        match = _WIRE_ROLE.fullmatch(clause)
        if match is None:
            return None
        writers = match["role"].lower().startswith(("reporting", "writing"))
        if number == 0 and (match["additional"] or not writers):
            return None
        if writers and not match["additional"]:
            names = [_IN_PLACE.sub("", name) for name in _en_names(match["names"], True)]
            if not all(re.fullmatch(_EN_NAME, name) for name in names):
                return None
            authors.extend(names)
    return Byline(tuple(dict.fromkeys(authors))) if authors else None


def _en_names(text: str, listed: bool) -> tuple[str, ...]:
    parts = [p.strip() for p in re.split(r"\s*(?:,\s*(?:and|&)\s+|,|\band\b|&)\s*", text)]
    if parts:
        parts[-1] = _without_full_stop(parts[-1])  # "By Tatyana Turner."
    # a degree after a name ("Jane Doe, MD, and John Roe, RN") is no name of its own
    return tuple(written_once(p) for p in parts if p and not credential(p))


#: The abbreviations that a name ends with, their full stop theirs (``"John Smith Jr."``).
_NAME_ABBREVIATIONS = frozenset(["jr", "sr", "esq", "inc", "ltd", "corp", "bros", "co"])


def _without_full_stop(name: str) -> str:
    """``name`` without the full stop of the sentence that a byline ends (``"Tatyana
    Turner."``); an initial's or an abbreviation's stays (``"Sarah E."``, ``"Jr."``).

    >>> _without_full_stop("Tatyana Turner."), _without_full_stop("John Smith Jr.")
    ('Tatyana Turner', 'John Smith Jr.')
    """
    words = name.split()
    if not name.endswith(".") or not words:
        return name
    last = words[-1][:-1]
    if len(last) < 3 or not last.isalpha() or last.casefold() in _NAME_ABBREVIATIONS:
        return name
    return name[:-1]


#: The longest text looked at as a name written twice.
TWICE_CHARS = 160
#: A name written twice, glued (``"Kristian LarsenKristian Larsen"``) or, a name of two
#: words or more, after a space (``"Sean Martin Sean Martin"``: a name and its link).
_TWICE = re.compile(r"(\S.{2,}?)\1|(\S+(?:\s\S+)+)\s\2")


def written_once(name: str) -> str:
    """``name`` once where a page writes it twice.

    >>> written_once("Sean Martin Sean Martin"), written_once("Kristian LarsenKristian Larsen")
    ('Sean Martin', 'Kristian Larsen')
    >>> written_once("Li Li"), written_once("Jane Doe")
    ('Li Li', 'Jane Doe')
    """
    if len(name) > TWICE_CHARS:
        return name  # no name written twice is that long; the pattern is not tried on it
    twice = _TWICE.fullmatch(name)
    return str(twice[1] or twice[2]) if twice else name


#: A symbol that sets a credit off as an item (``"◎ 記者林又旻/採訪報導"``): no part of it.
#: Not ``•``, which sites also write between words (``"購物•udn"``, ``"•作者一覽"``).
_BULLET = re.compile(r"^[◎●○◉■□◆◇★☆▲△▶►※]\s*")


def read_byline(line: str) -> Byline | None:
    """Read ``line`` as a byline, or return ``None`` when it is not one as a whole.

    A line that is a byline but names no one (``"（政治中心／台北報導）"``,
    ``"인터넷 기자"``) gives a :class:`Byline` with no authors.
    """
    line = _BULLET.sub("", re.sub(r"\s+", " ", line).strip().translate(_SLASHES))
    if not line or len(line) > 140:
        return None
    line = _EDITORS_AFTER.sub("", line) or line  # "記者：張三 責編：李四 網編：王五"
    if match := _KO_NAME_ONLY.fullmatch(line):  # "기자 홍길동", "워싱턴-홍알벗 hong@rfa.org"
        email = match["email"] or match["email2"]
        return Byline((match["name"] or match["name2"],), (email,) if email else ())
    if match := _KO_SIGN_OFF.fullmatch(line):
        email = match["email"] or match["email2"]
        return Byline((match["name"],), (email,) if email else (), outlet=match["outlet"])
    if re.search("[가-힣]", line):
        found = _korean(line)
        if found is not None:
            return found
    if re.search(_HAN, line):
        found = _chinese(line)
        if found is not None:
            return found
    return _english(line)


#: Editors and sources credited after the writers: they are not authors.
_EDITORS_AFTER = re.compile(
    r"(?:\s+(?:責編|责编|網編|网编|編輯|编辑|校對|校对|来源|來源)\s*[:：]\s*\S+)+$"
)
#: The closing line of a broadcaster's story on its site, as its scripts end it
#: (``"VOA 뉴스 김영교입니다."``, ``"워싱턴에서 자유아시아방송 홍알벗입니다"``,
#: ``"MBC뉴스 홍길동입니다."``, ``"YTN 홍길동[hong@ytn.co.kr]입니다."``), or as its site ends
#: the story with the reporter's address (``"YTN 홍길동 (hong@ytn.co.kr)"``), as a regular
#: expression with the groups ``place``, ``outlet``, ``name`` and ``email`` (or ``email2``,
#: after the words: ``"연합뉴스TV 신새롬입니다. (romi@yna.co.kr)"``).
KO_SIGN_OFF = (
    r"(?:(?P<place>[가-힣]{1,8})에서\s*)?"
    r"(?P<outlet>[A-Z][A-Z0-9]{1,4}(?:TV)?|TV조선|연합뉴스(?:TV)?|채널A|자유아시아방송|미국의\s?소리)"
    r"\s*(?:뉴스\s*)?(?P<name>[가-힣]{2,4})"
    rf"(?:\s*[\[(（<]\s*(?P<email>{EMAIL})\s*[\])）>])?"
    # the address alone ends it only in its brackets; it may follow the words too
    rf"(?:입니다\.?(?:\s*[\[(（<]\s*(?P<email2>{EMAIL})\s*[\])）>])?|(?<=[\])）>]))"
)
_KO_SIGN_OFF = re.compile(KO_SIGN_OFF)


def sign_off(line: str) -> bool:
    """Whether ``line`` is a broadcaster's sign-off (:data:`KO_SIGN_OFF`), the last line of
    its story, not a stamp under its headline.

    >>> sign_off("KBS 뉴스 김수연입니다."), sign_off("입력 2023.04.07 (19:13)")
    (True, False)
    """
    return _KO_SIGN_OFF.fullmatch(" ".join(line.split())) is not None


#: The labels that Korean pages write before a writer's name ("reporter's name", "writer",
#: "reporting reporter", "written by"), as a regular expression.
_KO_NAME_LABELS = r"취재\s*기자|기자명|작성자|글쓴이"
#: A Korean writer with the title before the name, or after a place and a hyphen with
#: an email (``"기자 홍길동"``, ``"칼럼니스트 박생강 pillgoo9@gmail.com"``,
#: ``"워싱턴-홍알벗 hong@rfa.org"``).
_KO_NAME_ONLY = re.compile(
    rf"(?:{_KO_NAME_LABELS}|기자|칼럼니스트)\s*[:：]?\s*"
    rf"(?!(?:수첩|회견|간담회|칼럼|소개|모집|채용|페이지|구독|정보|프로필|목록|모음)$)"
    rf"(?P<name>[가-힣]{{2,4}})(?:\s+(?P<email>{EMAIL}))?"
    rf"|[가-힣]{{2,6}}\s*-\s*(?P<name2>[가-힣]{{2,4}})\s+(?P<email2>{EMAIL})"
)
#: Slashes that bylines write instead of ``／`` (``"【丁牧群╱台北報導】"``), and
#: ``丨`` (a stroke that portals write for ``｜``: ``文丨张三``) too.
_SLASHES = str.maketrans(
    {"\u2571": "／", "\u2215": "／", "\u2044": "／", "\u29f8": "／", "\u4e28": "｜"}
)

#: A label before the names (``"기자명 홍길동 기자"``, ``"작성자: ..."``).
_NAME_LABEL = re.compile(rf"^(?:{_KO_NAME_LABELS})\s*[:：]?\s*")
#: A label before the date of a stamp (``"입력 2020.03.04"``, ``"发布时间：..."``).
_STAMP_LABEL = re.compile(
    r"(?:기사\s*)?(?:입력|수정|승인|등록|업데이트|최종\s*수정|송고|발행|게재)\s*(?:일시|시간)?"
    r"\s*[:：]?\s*$|(?:发布|發佈|發布|发表|發表|发稿|發稿|更新)?(?:时间|時間|日期)\s*[:：]?\s*$"
    r"|(?:posted|published|updated)"
    r"(?:\s+on)?\s*:?\s*$",
    re.IGNORECASE,
)
#: An English stamp label after the names, with what follows it up to the date
#: (``"By Jane Doe Updated 3:15 PM EST, Mon"``, ``"Written by Jane Doe on"``).
LATER_STAMP = re.compile(
    r"(?<=[\w.])\s+(?:last\s+updated|updated|published|posted|on)\b(?!\s+by\b).*$",
    re.IGNORECASE,
)


def read_stamped_byline(line: str) -> tuple[Byline | None, str | None]:
    """Read a byline followed by its date stamp: ``"이용민 기자 | 2020-03-04 16:52:59"``,
    ``"기자명 최광민 기자 입력 2026.04.22 17:52 수정 2026.04.22 18:00"``.

    The line is cut at its first date (with the label before it, ``입력``,
    ``Posted``, ``发布时间``, and a separator, ``|``, ``·``); the part before must
    be a byline as a whole (:func:`read_byline`, after a label such as
    ``기자명``) that names someone. Returns the byline and the first date of
    the stamp in ISO 8601, or ``(None, None)``.

    >>> found, date = read_stamped_byline("기자명 최광민 기자 입력 2026.04.22 17:52 댓글 0")
    >>> found.authors, date
    (('최광민',), '2026-04-22T17:52')
    """
    if len(line) > 200:
        return None, None
    match = DATE_PATTERN.search(line)
    if match is None:
        return None, None
    if posters := posted_by([line]):  # "由海姑娘张贴 @ 2005-06-14 03:25:55"
        return Byline(posters), find_date(line[match.start() :])
    head = _STAMP_LABEL.sub("", LATER_STAMP.sub("", line[: match.start()]))
    head = head.rstrip(" \t|│｜ㅣ·•/-–—,")  # "ㅣ", a Hangul letter, stands for a bar
    head = _NAME_LABEL.sub("", head.strip())
    found = read_byline(head) if head else None
    if found is None or not found.authors:
        return None, None
    return found, find_date(line[match.start() :])


#: ``by`` and the writers at the end of a line that opens with its date
#: (``"Monday November 18, 2019 7:45 am PST by Joe Rossignol"``, ``"… | BY: Jo Lee"``,
#: ``"October 9, 2018|by Olivia Larsen"``).
_BY_AFTER = re.compile(r"(?<![^\s|])by:?\s+(?P<names>[^\d|/]{3,60})$", re.IGNORECASE)
#: A credit's word for a photo or a drawing right before ``by`` (not the writer's).
_CREDIT_BEFORE = re.compile(
    r"\b(?:photos?|photographs?|pictures?|images?|art|artwork|illustrations?|graphics?|video)\s*$",
    re.IGNORECASE,
)
#: The next field of a stamp after the writers' names, past a bullet (``"• Art by Koichi"``).
_NEXT_CREDIT = re.compile(r"\s+[•·]\s.*$")


def read_dated_byline(line: str) -> Byline | None:
    """The writers that a date stamp names after it: ``"Posted on March 3, 2025 by Jane
    Doe"``, ``"October 9, 2018|by Olivia Larsen"``, ``"입력 2023.09.21 14:30 | 홍길동 기자"``,
    ``"2023-09-21 14:30 来源：新华社 记者 王小明"``; ``None`` where no date comes before the
    names or what follows the date names no one (``"March 3, 2025 by the river"``).

    >>> read_dated_byline("Posted on March 3, 2025 by Jane Doe").authors
    ('Jane Doe',)
    >>> read_dated_byline("입력 2023.09.21 14:30 | 홍길동 기자").authors
    ('홍길동',)
    >>> read_dated_byline("Updated by Jane Doe") is None
    True
    >>> read_dated_byline("Posted on August 2, 2019 Author Daniel Lemire Categories").authors
    ('Daniel Lemire',)
    >>> read_dated_byline("February 4, 2020 • words written by Kanae Nakamine • Art by Koichi")
    Byline(authors=('Kanae Nakamine',), emails=(), translators=(), photographers=(), outlet=None)
    >>> read_dated_byline("May 5, 2020 • Photos by Jane Roe") is None
    True
    """
    if len(line) > 200:
        return None
    match = _BY_AFTER.search(line)
    if (
        match is not None
        and find_date(line[: match.start()]) is not None
        and not _CREDIT_BEFORE.search(line[: match.start()])  # "Photos by …", "Art by …"
    ):
        names = _NEXT_CREDIT.sub("", match["names"])  # "Kanae Nakamine • Art by Koichi"
        found = read_byline(f"By {names.strip().rstrip('.')}")
        return found if found is not None and found.authors else None
    dates = list(DATE_PATTERN.finditer(line))
    if not dates:
        return None
    # What follows the last date of the stamp, its time and the separators left out.
    rest = line[dates[-1].end() :]
    time = TIME_PATTERN.match(rest)
    rest = rest[time.end() :] if time else rest
    rest = _SOURCE_FIELD.sub("", rest.lstrip(_STAMP_SEPARATORS)).strip()
    rest = _NEXT_FIELD.sub("", rest)  # "Author Daniel Lemire Categories"
    found = read_byline(rest) if rest else None
    return found if found is not None and found.authors else None


#: The label of a blog's next field after the writer's (its categories, its tags, its
#: comments), where the page left the field's values out.
_NEXT_FIELD = re.compile(
    r"\s+(?:categories|category|tags|filed\s+under|posted\s+in|\d*\s*comments?"
    r"|leave\s+a\s+(?:comment|reply))\b.*$",
    re.IGNORECASE,
)
#: What separates a stamp's date and time from the writer after them (``" | "``, ``" · "``).
_STAMP_SEPARATORS = " \t,|│｜·•/()[]–—-"
#: A source's field before the writer (``"来源：新华社 "``), whose outlet names no writer.
_SOURCE_FIELD = re.compile(r"^(?:来源|來源|출처)\s*[:：]\s*\S+\s+")


#: A Chinese writer's field in a line of the page's fields (``"时间：2004年10月21日 作者：郭励弘 |
#: 我来说两句"``, ``"[ 黄宇 ] 来源：[ 国际金融报 ]"``): up to the next field, a bar or a wide gap.
#: The label of a page's next field after the writer's (its source, its time, its editor).
_ZH_NEXT_LABEL = (
    r"(?:来源|來源|(?:发布|發佈|發布|发表|發表|更新|发稿|發稿)?(?:时间|時間|日期)"
    r"|发布|發佈|发表|發表|编辑|編輯|责任编辑|責任編輯|责编|責編|译|譯|转贴自|轉貼自|转载自|轉載自"
    r"|出自|摘自|选自|選自|转自|轉自|引自|出处|出處|(?:点击|點擊|浏览|瀏覽|阅读|閱讀)(?:数|數|次数|次數|量)?)"
    r"\s*[:：︰]"
)
#: The label of a field of a Chinese page's stamp line, other than its writer's
#: (``"2012-1-17 13:08:57 来源:中新网 栏目:国内新闻"``).
ZH_FIELD_LABEL = re.compile(rf"{_ZH_NEXT_LABEL}|(?:栏目|欄目)\s*[:：︰]")
_ZH_WRITER_FIELD = re.compile(
    # an empty writer's field, the next field's label right after it, names no one
    rf"[【\[]?(?:{_ZH_WRITER_LABEL})(?:\s*[:：︰|｜丨]|[】\]])\s*(?!{_ZH_NEXT_LABEL})"
    rf"[\u4e00-\u9fff][^|｜\n]*?(?=\s{{2,}}|[|｜\]】\[【]|\s*{_ZH_NEXT_LABEL}|$)"
    r"|[\[【]\s*[\u4e00-\u9fff]{2,4}\s*[\]】]\W{0,3}(?:来源|來源)\s*[:：]\s*[\[【]?[^\[\]【】|｜]{1,20}[\]】]?"
)
#: Characters of the private use area, which some pages put between fields as icons.
_PRIVATE_USE = re.compile("[\ue000-\uf8ff]")


#: A Korean board's writer field in a line of fields (Gnuboard's ``"작성자 홍길동 작성일
#: 20-03-04 14:30 조회 123"``): the label, then a name of two to four syllables.
_KO_WRITER_FIELD = re.compile(
    rf"(?<![가-힣])(?:{_KO_NAME_LABELS})\s*[:：]?\s*[가-힣]{{2,4}}(?![가-힣])"
)


def writer_field(line: str) -> str | None:
    """The Chinese or Korean writer's field in a line of a page's fields, for
    :func:`read_byline`.

    >>> writer_field("时间：2004年10月21日14:18  作者：郭励弘 | 我来说两句(0)")
    '作者：郭励弘'
    >>> writer_field("작성자 홍길동 작성일 20-03-04 14:30 조회 123")
    '작성자 홍길동'

    Returns ``None`` when the line has no ``作者：``, ``记者：``, ``执笔人：`` field and no
    bracketed name before ``来源：``; private-use characters (icons) are left out.
    """
    match = _ZH_WRITER_FIELD.search(line) or _KO_WRITER_FIELD.search(line)
    return _PRIVATE_USE.sub("", match.group()).strip() if match else None
