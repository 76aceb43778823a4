"""Cleaning rules one by one: what each changes, what it leaves alone, and its switch."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import nkcorpus
from nkcorpus.cleaning.cleaner import clean_text
from nkcorpus.cleaning.options import CleanOptions
from nkcorpus.document import Span
from nkcorpus.errors import ConfigError
from nkcorpus.text.chinese import to_simplified, to_traditional
from nkcorpus.text.hangul import south_korean_spelling
from nkcorpus.text.keys import matching_key

KOREAN_NEWS = (
    "북한 인권 단체들은 21일 서울에서 기자회견을 열고 중국 정부에 탈북민 강제 북송을 중단하라고 "
    '촉구했다.\n\n이들은 "강제 북송은 국제법 위반"이라며 유엔의 적극적인 역할을 요구했다.'
)
CHINESE_NEWS = (
    "朝鲜人权组织21日在首尔举行记者会，敦促中国政府停止强制遣返脱北者。\n\n"
    "他们表示：“强制遣返违反国际法。”（完）"
)
TRADITIONAL_NEWS = "朝鮮人權組織21日在首爾舉行記者會，敦促中國政府停止強制遣返脫北者。"
MIXED = (
    "Kim Jong-un (김정은, 金正恩) met officials in Pyongyang (평양).\n\n"
    "탈북자 Kim said: “We want freedom.” 他说：“我们要自由。”"
)


@pytest.mark.parametrize("text", [KOREAN_NEWS, CHINESE_NEWS, TRADITIONAL_NEWS, MIXED])
def test_clean_text_comes_out_unchanged(text: str) -> None:
    """Korean, Chinese (with its full-width punctuation) and mixed clean text stay as they are."""
    doc = nkcorpus.clean(text)
    assert doc.text == text
    assert doc.removed == ()
    assert [s.name for s in doc.steps] == ["clean"]


def test_clean_text_pays_only_for_documented_rules() -> None:
    """Clean text with curly quotes and an NBSP changes only where a rule says so."""
    doc = nkcorpus.clean("“It’s over,” he said.\u00a0Kim left.")
    assert doc.text == "“It’s over,” he said. Kim left."
    assert [s.name for s in doc.steps] == ["clean.spaces", "clean"]


def test_mojibake_is_repaired_and_each_character_maps_to_its_garble() -> None:
    """UTF-8 read as CP1252 comes back, and a repaired character maps to the bytes it was."""
    raw = "It’s the defectors’ plight in 북한.".encode().decode("latin-1")
    raw = raw.replace("\xe2\x80\x99", "â€™")  # as a CP1252 reader shows it
    doc = nkcorpus.clean(raw)
    assert doc.text == "It’s the defectors’ plight in 북한."
    quote = doc.text.index("’")
    assert doc.raw_text(Span(quote, quote + 1)) == "â€™"
    korean = Span(doc.text.index("북"), doc.text.index("한") + 1)
    assert doc.raw_text(korean) == "북한".encode().decode("latin-1")
    assert "clean.mojibake" in [s.name for s in doc.steps]


def test_mojibake_repair_can_be_switched_off() -> None:
    """With ``mojibake=False`` the garbled text stays garbled, and no step is recorded."""
    doc = nkcorpus.clean("Itâ€™s", options=CleanOptions(mojibake=False))
    assert doc.text == "Itâ€™s"
    assert "clean.mojibake" not in [s.name for s in doc.steps]


def test_invisible_characters_go_and_emoji_joiners_stay() -> None:
    """Zero-width, soft hyphen, bidi and NUL go; the joiner inside a family emoji stays."""
    raw = "Kim\u200b Jong\u00ad-un\u202e said\x00 no 👩\u200d👩\u200d👧"
    assert clean_text(raw).text == "Kim Jong-un said no 👩\u200d👩\u200d👧"
    kept = clean_text(raw, CleanOptions(invisible=False)).text
    assert "\u200b" in kept and "\u00ad" in kept


def test_hangul_jamo_compose_and_map_to_their_jamo() -> None:
    """Decomposed Hangul (as macOS writes file names) composes under NFC, mapped as a whole."""
    raw = "\u1107\u116e\u11a8\u1112\u1161\u11ab 인권"
    doc = nkcorpus.clean(raw)
    assert doc.text == "북한 인권"
    assert doc.raw_text(Span(0, 1)) == raw[:3]
    assert doc.raw_text(Span(3, 5)) == "인권"


def test_cjk_compatibility_ideographs_are_kept_by_setting() -> None:
    """U+F914 becomes U+6A02 under NFC, unless ``keep_cjk_compatibility`` is set."""
    assert clean_text("\uf914").text == "\u6a02"
    assert clean_text("\uf914", CleanOptions(keep_cjk_compatibility=True)).text == "\uf914"


def test_fullwidth_letters_become_ascii_and_cjk_punctuation_stays() -> None:
    """Full-width letters and digits turn into ASCII; full-width Chinese commas stay unless "all"."""
    raw = "ＵＮ　报告，２０２３年"
    assert clean_text(raw).text == "UN 报告，2023年"
    assert clean_text(raw, CleanOptions(fullwidth="all")).text == "UN 报告,2023年"
    assert clean_text(raw, CleanOptions(fullwidth="off", spaces=False)).text == raw


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("白皮书全文约４．３万字", "白皮书全文约4.3万字"),  # a decimal point
        ("十年（１９９５－２００５）", "十年（1995-2005）"),
        ("下午１２：３０开始", "下午12:30开始"),
        ("增长５０％。", "增长50%。"),
        ("第１，２章", "第1，2章"),  # a Chinese comma between numbers stays
    ],
)
def test_a_fullwidth_number_turns_into_ascii_whole(raw: str, expected: str) -> None:
    """The marks inside a full-width number (its decimal point, a range's dash, a clock's
    colon, a percent sign after it) turn into ASCII with its digits, never leaving half of
    it full-width (``4．3``), as 2011 pages of Xinhua write them."""
    assert clean_text(raw).text == expected


def test_backticks_become_apostrophes_and_quotes_straighten_by_setting() -> None:
    """``It`s`` and ``defectors`` `` ` `` become apostrophes; curly quotes straighten on request."""
    assert clean_text("It`s the defectors` plight").text == "It's the defectors' plight"
    assert clean_text("say `hello").text == "say `hello"
    straight = clean_text("“It’s”", CleanOptions(quotes="straighten")).text
    assert straight == '"It\'s"'


def test_a_backtick_that_closes_a_code_span_stays() -> None:
    """A backtick after a letter that closes one opened before it on its line is code or a
    quotation (``"`Kim`"``), not an apostrophe; one inside a word still is."""
    assert clean_text("Use `Kim` and `print(x)` here.").text == "Use `Kim` and `print(x)` here."
    assert clean_text("It`s `a` defectors` plight").text == "It's `a` defectors' plight"
    fenced = "Run:\n\n```\nprint(`x`)\n```"
    assert clean_text(fenced).text == fenced


_WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzKJ", min_size=1, max_size=8)


@given(st.lists(st.tuples(_WORD, st.booleans()), min_size=1, max_size=8))
def test_code_spans_stay_and_backticks_inside_words_become_apostrophes(
    words: list[tuple[str, bool]],
) -> None:
    """Property: in a line of words, each either a code span (``"`kim`"``) or a word with a
    backtick inside it (``"it`s"``), every code span stays as it is and every backtick
    inside a word becomes an apostrophe, however they follow one another."""
    raw = " ".join(f"`{w}`" if code else f"{w}`s" for w, code in words)
    expected = " ".join(f"`{w}`" if code else f"{w}'s" for w, code in words)
    assert clean_text(raw).text == expected


def test_line_endings_and_paragraphs() -> None:
    """CRLF, CR and Unicode separators become \\n; blank-line runs become one paragraph break."""
    raw = "One\r\nline two\rthree\u2028four\n \n\n\t\nFive   words  here "
    assert clean_text(raw).text == "One\nline two\nthree\nfour\n\nFive words here"


def test_korean_byline_dateline_and_signature() -> None:
    """A Korean page: title, reporter byline, 입력 dateline and email signature become metadata."""
    raw = (
        "많이 본 뉴스\n\n탈북민 강제북송 중단 촉구\n\n홍길동 기자\n\n입력 2023.09.21 오후 2:30\n\n"
        + KOREAN_NEWS
        + "\n\n홍길동 기자 hong@yna.co.kr\n\nⓒ 연합뉴스, 무단 전재 및 재배포 금지"
    )
    doc = nkcorpus.clean(raw)
    assert doc.text == KOREAN_NEWS
    meta = doc.metadata
    assert meta.title == "탈북민 강제북송 중단 촉구"
    assert meta.authors == ("홍길동",)
    assert meta.published == "2023-09-21T14:30"
    assert meta.emails == ("hong@yna.co.kr",)
    assert meta.outlet == "Yonhap"
    rules = [r.rule for r in doc.removed]
    assert rules == ["top-stories", "title", "byline", "dateline", "signature", "copyright"]


def test_korean_wire_byline_inside_the_first_paragraph() -> None:
    """``(서울=연합뉴스) 홍길동 기자 =`` is taken off the first paragraph and read."""
    body = "북한이 21일 동해상으로 탄도미사일을 발사했다고 합동참모본부가 밝혔다. 군은 추가 발사에 대비하고 있다."
    doc = nkcorpus.clean(f"(서울=연합뉴스) 홍길동 기자 = {body}")
    assert doc.text == body
    assert doc.metadata.authors == ("홍길동",)
    assert doc.metadata.outlet == "Yonhap"
    assert doc.raw_text(Span(0, 3)) == body[:3]


def test_chinese_byline_and_dateline() -> None:
    """A Chinese page: 记者 byline and 发布时间 dateline become metadata."""
    raw = (
        "首页 > 国际 > 朝鲜\n\n脱北者问题引关注\n\n记者 张三\n\n发布时间：2023年9月21日 10:05\n\n"
        + CHINESE_NEWS
    )
    doc = nkcorpus.clean(raw)
    assert doc.text == CHINESE_NEWS
    assert doc.metadata.title == "脱北者问题引关注"
    assert doc.metadata.authors == ("张三",)
    assert doc.metadata.published == "2023-09-21T10:05"


def test_a_caption_date_is_a_fallback_only() -> None:
    """A date in a photo caption is not the publication date when a dateline exists."""
    caption = "Defectors rally in Seoul on May 20, 2025, in this photo. [YONHAP]"
    body = (
        "North Korean defectors called for action at a rally in Seoul on Tuesday, organizers said."
    )
    with_dateline = nkcorpus.clean(
        f"Title of the story\n\nPosted 2025-06-01 09:00\n\n{caption}\n\n{body}"
    )
    assert with_dateline.metadata.published == "2025-06-01T09:00"
    without = nkcorpus.clean(f"{caption}\n\n{body}")
    assert without.metadata.published == "2025-05-20"
    assert dict(without.metadata.extra)["published_from"] == "caption"


def test_a_letter_without_page_furniture_keeps_its_first_line() -> None:
    """Without a byline, dateline, duplicate or furniture, a letter's salutation is text, not a title."""
    raw = "Dear Special Rapporteur\n\nWe write to ask for your help with the case of our brother, who was returned to North Korea."
    doc = nkcorpus.clean(raw)
    assert doc.text == raw
    assert doc.metadata.title is None


BODY = (
    "노소영 아트센터 나비 관장이 최태원 SK그룹 회장의 동거인 김희영 티앤씨재단 이사장을 상대로 "
    "낸 위자료 소송의 첫 정식 변론을 하루 앞두고 최 회장 측이 1000억원 증여 의혹을 전면 반박했다.\n\n"
    "최 회장의 대리인단은 17일 입장문을 통해 \"노 관장 측이 언론에 근거로 제시한 자료는 최 회장 "
    '개인 부동산, 미술품 구입, 벤처 투자금, 사회공헌 기부금이 대부분"이라고 말했다.'
)


@pytest.mark.parametrize(
    ("opening", "title"),
    [
        ('최태원 "동거인에 6억 지출…노소영 1000억 증여 주장 허위"', None),
        ("Testimony of a former prisoner of Camp 15", None),
        ("Why do the families of abductees still wait?", None),
        ("Dear friends of the campaign", "no title"),
        ("To: the Special Rapporteur on North Korea", "no title"),
        ("To Catch a Smuggler on the Tumen River", None),
        ("We met in Seoul on Monday, as we had planned.", "no title"),
        ("Report", "no title"),  # a word alone: a label, not a headline
    ],
)
def test_a_plain_story_opening_with_its_headline_has_that_title(
    opening: str, title: str | None
) -> None:
    """A plain text that opens with a headline-sized line, right before the body, has that
    line as its title (a story saved as text); the line leaves the text and its removal is
    recorded. A salutation, a sentence or a lone word stays text."""
    raw = f"{opening}\n\n{BODY}"
    doc = nkcorpus.clean(raw)
    if title is None:
        assert doc.metadata.title == opening
        assert doc.text == BODY
        assert [r.rule for r in doc.removed] == ["title"]
        assert raw[doc.removed[0].raw_span.start : doc.removed[0].raw_span.end] == opening
    else:
        assert doc.metadata.title is None
        assert doc.text == raw


def test_html_input_keeps_text_and_offsets() -> None:
    """An HTML page loses tags, scripts and navigation; each word maps into the page source."""
    raw = (
        "<!DOCTYPE html><html><head><title>t</title><script>var x = '<p>';</script></head>"
        "<body><nav>Home &gt; News</nav><h1>Defectors meet</h1><p>Defectors met in "
        "Brussels &amp; Geneva on\nTuesday to ask for help.</p><p>They asked the U.N. to act.<br>Kim&#8217;s "
        "group agreed.</p><footer>© 2024</footer></body></html>"
    )
    doc = nkcorpus.clean(raw)
    assert doc.text == (
        "Defectors met in Brussels & Geneva on Tuesday to ask for help.\n\nThey asked the U.N. to act.\n"
        "Kim’s group agreed."
    )
    assert doc.metadata.title == "Defectors meet"
    start = doc.text.index("Brussels")
    assert doc.raw_text(Span(start, start + 8)) == "Brussels"
    amp = doc.text.index("&")
    assert doc.raw_text(Span(amp, amp + 1)) == "&amp;"


def test_prose_that_mentions_a_tag_is_not_html() -> None:
    """A sentence that mentions ``<p>`` is not stripped as markup."""
    text = "Use the <p> tag for paragraphs, she said."
    assert clean_text(text).text == text


def test_every_rule_can_be_switched_off() -> None:
    """With every switch off, the text is the raw text and the map is the identity."""
    off = CleanOptions(
        html=False, mojibake=False, invisible=False, unify_newlines=False, spaces=False,
        fullwidth="off", normalization=None, backtick_apostrophe=False,
        collapse_whitespace=False, boilerplate=False, captions=False, metadata=False,
    )  # fmt: skip
    raw = "Settings\r\n\r\nIt`s  Ｘ\u200b e\u0301\n\n\n\nTop 10 Stories "
    cleaned = clean_text(raw, off)
    assert cleaned.text == raw
    assert cleaned.steps == ()


def test_bad_option_values_are_refused_with_the_choices() -> None:
    """An unknown option value raises ConfigError naming the setting and its choices."""
    with pytest.raises(ConfigError, match="normalization"):
        CleanOptions(normalization="NFD")
    with pytest.raises(ConfigError, match="quotes"):
        CleanOptions(quotes="curl")
    with pytest.raises(ConfigError, match="True or False"):
        CleanOptions(html="yes")  # type: ignore[arg-type]


def test_the_stage_declares_what_it_needs_and_gives() -> None:
    """The stage requires raw and provides text, clean and metadata, under the name clean."""
    stage = nkcorpus.Pipeline.default_stages(nkcorpus.Config(language=None, ner="off"))[0]
    assert stage.name == "clean"
    assert stage.requires == {"raw"}
    assert stage.provides == {"text", "clean", "metadata"}


def test_process_runs_cleaning_first_and_keeps_the_encoding() -> None:
    """nkcorpus.process cleans legacy bytes and records encoding and clean steps."""
    doc = nkcorpus.process(("홍길동 기자\n\n" + KOREAN_NEWS).encode("euc-kr"))
    assert doc.ok
    assert doc.text.startswith("북한 인권")
    assert doc.metadata.encoding == "cp949"
    assert doc.metadata.authors == ("홍길동",)
    names = [s.name for s in doc.steps]
    assert names.index("clean") > names.index("clean.metadata")


# --- matching keys --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("north", "south"),
    [
        ("로동신문", "노동신문"),
        ("력사", "역사"),
        ("리용", "이용"),
        ("녀자", "여자"),
        ("락원", "낙원"),
        ("조선로동당", "조선노동당"),
        ("리설주", "이설주"),
        ("나라", "나라"),
        ("우리 력사와 로동", "우리 역사와 노동"),
    ],
)
def test_north_korean_spelling_folds_to_south_korean(north: str, south: str) -> None:
    """Initial ㄹ/ㄴ rules (and common stems inside compounds) give the South Korean spelling."""
    assert south_korean_spelling(north) == south


def test_chinese_scripts_fold_both_ways() -> None:
    """OpenCC turns Traditional into Simplified and back for matching."""
    assert to_simplified(TRADITIONAL_NEWS) == CHINESE_NEWS.split("\n")[0]
    assert to_traditional("朝鲜人权") == "朝鮮人權"


@given(st.text(max_size=60))
def test_keys_keep_the_length_and_never_touch_the_text(text: str) -> None:
    """A key has the length of its text, so spans carry over; the key of a key is itself."""
    key = matching_key(text)
    assert len(key) == len(text)
    assert len(south_korean_spelling(text)) == len(text)
    assert matching_key(key) == key or len(key.lower()) != len(key)


def test_matching_keys_join_spellings_of_one_name() -> None:
    """North and South Korean spellings, Traditional and Simplified script share a key."""
    assert matching_key("조선로동당") == matching_key("조선노동당")
    assert matching_key("朝鮮勞動黨") == matching_key("朝鲜劳动党")
    assert matching_key("Kim Jong-Un") == matching_key("kim jong-un")


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("Skip to Article", "skip-link"),
        ("Jump directly to the content", "skip-link"),
        ("Close the menu", "close-button"),
        ("Settings Log out", "login-prompt"),
        ("Share this on WhatsApp", "share-button"),
        ("Subscribe now Free for 30 days", "newsletter"),
        ("Latest News", "top-stories"),
        ("Tempo de leitura: 1 minuto", "reading-time"),
        ("5 min read", "reading-time"),
        # a Korean story's closing furniture (2023)
        ("#전세사기 #금융위 #저리대출", "hashtags"),
        ("연합뉴스TV 기사문의 및 제보 : 카톡/라인 jebo23", "tip-line"),
        ("■ 제보하기", "tip-line"),
        ("▷ 전화 : 02-781-1234", "tip-line"),
        ("(끝)", "end-mark"),
        ("(END)", "end-mark"),  # Yonhap's English service (2023)
        # the story's own address under it (Oriental Daily, 2023)
        ("本文連結 : https://orientaldaily.on.cc/content/20230405/00282_043.html", "permalink"),
        # calls to follow the outlet elsewhere (Taiwanese, Korean, English sites)
        ("看更多！請加入自由時報粉絲團", "promo"),
        ("下載「蘋果新聞網APP」", "promo"),
        ("▶ 기자와 1:1 소통, 카카오톡 채널 추가", "promo"),
        ("[연합뉴스 유튜브 구독하기]", "promo"),
        ("Follow us on Twitter and Facebook", "promo"),
        ("Download the NK News app", "promo"),
        # a podcast's apps, a call to the site's sections, a subscription's offer (2023)
        ("Listen on: Apple Podcasts | Spotify | Google | Stitcher | TuneIn", "promo"),
        ("Check out our sports section for the latest news and analysis. Care for a wager? "
         "Head to our sports betting section for news and odds.", "promo"),
        ("For full access to print, digital and audio editions of The Economist, subscribe "
         "here", "promo"),
        # a Korean news page's tools and portal buttons
        ("▶ 관련기사 보기", "related-links"),
        ("[관련기사]", "related-links"),
        ("좋아요 0 훈훈해요 0 슬퍼요 0 화나요 0", "share-button"),
        ("이 기사를 추천합니다", "share-button"),
        ("기사 공유하기", "share-button"),
        ("본문 글자 크기 조정", "font-size-widget"),
        ("가 가 가 가 가", "font-size-widget"),
        ("프린트", "menu"),
        ("카카오톡 @연합뉴스 제보 okjebo", "tip-line"),
        # Chinese news pages' and portals' furniture
        ("【相关阅读】", "related-links"),
        ("延伸閱讀：", "related-links"),
        ("分享到：", "share-button"),
        ("打开APP阅读全文", "promo"),
        ("点击阅读更多精彩财经新闻", "promo"),
        ("上一篇：北韓加強邊境管控", "pager"),
        ("【字体：大 中 小】", "font-size-widget"),
        ("字級：", "font-size-widget"),  # the label alone, its buttons pictures (Apple Daily)
        ("声明：该文观点仅代表作者本人，搜狐号系信息发布平台，搜狐仅提供信息存储空间服务。", "disclaimer"),
        ("声明：证券之星发布此信息目的在于传播更多信息，与本网站立场无关。", "disclaimer"),
        ("腾讯声明：频道所载文章、数据等内容纯属作者个人观点，仅供投资者参考，并不构成投资建议。", "disclaimer"),
        ("【免责声明】本文仅代表作者本人观点，与和讯网无关。", "disclaimer"),
        ("新華網版權與免責聲明：", "disclaimer"),
        ("版权声明：", "disclaimer"),
        ("(聲明：刊用《中國新聞周刊》稿件務經書面授權)", "disclaimer"),
        ("• 凡注明为其他媒体来源的信息，均为转载自其他媒体，转载并不代表本网赞同其观点。", "disclaimer"),
        ("本站所有文章、数据仅供参考，使用前务请仔细阅读法律声明，风险自负", "disclaimer"),
        ("网友评论仅供其表达个人看法，并不表明网易同意其观点或证实其描述。", "disclaimer"),
        ("凡本网注明“来源：新民网”的所有作品，版权均属于新民网。", "copyright"),
        ("3 如本網轉載稿涉及版權等問題，請作者在兩周內速來電或來函聯繫。", "copyright"),
        ("正在加载...", "widget-label"),
        ("Table of Contents", "widget-label"),
        ("目录", "widget-label"),
        ("跟贴读取中...", "widget-label"),
        ("《电子公告服务许可证》编号：闽通信互联网 [2008]1 号", "copyright"),
        ("沪ICP备05050403号-1 网络文化经营许可证：沪网文[2009]005号", "copyright"),
        # English news pages' furniture
        ("Read more:", "related-links"),
        ("READ MORE: First look at Thorpe Park's terrifying new rollercoaster", "related-links"),
        ("Related: Chicago is America's most segregated city", "related-links"),
        ("Join our commenting forum", "comment-prompt"),
        ("You may also like", "related-links"),
        ("Story continues below advertisement", "widget-label"),
        ("View 6 Images", "widget-label"),
        ("사진 확대", "widget-label"),
        ("点击查看大图", "widget-label"),
        ("分享工具", "share-button"),
        ("A A A", "font-size-widget"),
        ("繁", "language-switch"),
        ("※ '당신의 제보가 뉴스가 됩니다'", "tip-line"),
        ("[전화] 02-398-8585 [메일] social@ytn.co.kr", "tip-line"),
        ("爆料熱線：", "tip-line"),
        ("爆料熱線：\n(852) 3600 3600", "tip-line"),  # the number under its label
        ("你的獨家報料一旦被採用及報導，將獲得乙份獎品。", "tip-line"),
        ("《星島頭條》APP經已推出最新版本，請立即更新，瀏覽更精彩內容：https://bit.ly/3yLrgYZ", "promo"),
        ("- 閱讀更多 -", "related-links"),
        ("▼點擊圖片放大", "widget-label"),
        ("欲看完整內容，訂戶可登入繼續瀏覽。", "login-prompt"),
        ("Next article", "pager"),
        ("Leave a Reply", "comment-prompt"),
        ("Get the latest news delivered to your inbox", "newsletter"),
    ],
)
def test_page_furniture_lines_of_scrapes_are_named(line: str, rule: str) -> None:
    """Lines that flattened pages (inscriptis, 2019) show around their article leave the
    text with the rule that names them; a headline opening with the same word stays."""
    raw = f"{line}\n\nLatest figures show a rise in defections\n\n{KOREAN_NEWS}"
    cleaned = clean_text(raw)
    assert [(r.rule, raw[r.raw_span.start : r.raw_span.end]) for r in cleaned.removed][:1] == [
        (rule, line)
    ]
    assert "Latest figures show a rise in defections" in cleaned.text + str(cleaned.metadata)


@pytest.mark.parametrize(
    "line",
    [
        "#洞窟艺术",  # one alone: a section's heading that a page writes so
        "# Latest figures",  # a markdown heading
        "경찰은 시민들의 제보를 바탕으로 수사를 이어가고 있다.",  # tips in a sentence, no address
        # sentences about following or subscribing
        "他呼籲民眾關注官方微博的最新公告。",
        "그는 유튜브 채널을 구독하기 시작했다.",
        "Follow the money, she said, and you find the ministry.",
        # sentences about related stories and recommending
        "그는 관련 기사를 모두 읽고 나서 이 기사를 추천합니다.",
        "点击量突破一亿次",  # the clicks a video got, not a call to click
        "声明：公司将于下周召开股东大会",  # a company's statement, no disclaimer
        "声明：双方立场不同，但愿继续对话",  # a statement of two sides' stances
        "富士康在声明中表示，导致该事件发生的运营变动，完全符合相关法律和规章。",
        "外交部声明：中方观点一贯，立场明确。",  # a ministry's statement, quoted
        "朝鲜外务省声明：美国的挑衅与本地区和平无关。",
        "公司获得增值电信业务经营许可证后，业务迅速扩张。",  # news of a licence, no number
        "该公司去年取得ICP证，用户增长3倍。",
        "该公司的许可证：2019年到期。",
        "专家表示，转载的报道不代表本网记者的采访。",
        "正在调查中，警方表示。",  # a sentence, no widget loading
        "(415) 861-5449",  # a number alone: a directory's, no tip line
        "Related to this, the ministry said: no talks.",
        "Contents of the report were leaked to the press.",
        "Read more about the talks in our explainer on the border.",
        "字級：報紙內文採用十級字",  # a page about type sizes, not the widget's label
        "本文連結的網址在文末。",  # a sentence about the link, no link
        "I listen on Spotify every day, mostly to news.",
        "Check out our new policy on refugees, which the section head wrote.",
        "He said (END) was the last word.",
    ],
)
def test_lines_like_furniture_stay(line: str) -> None:
    """A section heading written with ``#``, a markdown heading, and sentences about tips
    or about following someone are no page furniture."""
    raw = f"Latest figures show a rise in defections\n\n{KOREAN_NEWS}\n\n{line}\n"
    rules = {r.rule for r in clean_text(raw).removed}
    furniture = {
        "hashtags", "tip-line", "end-mark", "promo", "related-links", "share-button", "disclaimer",
        "pager", "permalink",
    }
    assert not rules & furniture
