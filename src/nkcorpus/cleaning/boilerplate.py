"""The furniture of scraped pages, as named whole-line rules.

A rule matches a whole line (or a short block of lines, such as ``X`` over
``CLOSE``), never part of a sentence, and no rule matches a line longer than
:data:`MAX_LINE` characters, so article text cannot be taken for boilerplate.
All rules are compiled into one regular expression that runs over the whole
text; the name of the group that matched is the rule recorded with the removal.

>>> [name for name, _ in find_boilerplate("Top 10 Stories\\n\\nKim met Moon.\\n\\ngo top")]
['top-stories', 'go-top']
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nkcorpus.document import Span

__all__ = ["KO_TIPS", "MAX_LINE", "RULES", "find_boilerplate"]

#: Lines longer than this are never boilerplate.
MAX_LINE = 160

_BULLET = r"(?:[•·▪◦‣∙*▶►▷■□◆◇○●]\s*|[-–]\s+)?"

#: A line that asks readers for tips and says where to send them (``"■ 제보하기 ▷ 카카오톡 :
#: 'KBS제보' 검색 ▷ 전화 : 02-781-1234"``, ``"연합뉴스TV 기사문의 및 제보 : 카톡/라인 jebo23"``),
#: as a regular expression: the asking word and a way to reach the newsroom, in either order
#: (``"카카오톡 @연합뉴스 제보 okjebo"``).
KO_TIPS = (
    # atomic: once the asking word and the way to reach are found, they stay found (a
    # search over a line of many of them is linear, not cubic)
    r"(?:■\s*)?(?>[^\n■]{0,16}?제보(?:하기)?[^\n■]{0,40}?(?:카톡|카카오톡|라인|전화|메일|@)"
    r"|[^\n■]{0,8}?(?:카톡|카카오톡|라인|전화|메일)[^\n■]{0,30}?제보)[^\n■]{0,160}?"
)
#: The marks that point at a call to action (``"☞"``, ``"👉"``, ``"【"``) besides the bullets.
_POINTER = r"[☞⇨👉➤➡→\[【]\s*"
#: The social networks and messengers that outlets ask readers to follow them on.
_SOCIAL = (
    r"(?:twitter|facebook|instagram|x|linkedin|youtube|telegram|threads|tiktok|bluesky|mastodon"
    r"|whatsapp|line|kakaotalk|weibo|wechat)"
)
#: The apps that play podcasts, as a podcast's page lists where to listen to it.
_PODCAST_APPS = (
    r"(?:apple\s+podcasts|spotify|google(?:\s+podcasts)?|stitcher|tunein|amazon\s+music"
    r"|pocket\s+casts|overcast|youtube(?:\s+music)?|castbox|iheart(?:radio)?|podcast\s+addict|rss)"
)
#: ``(rule, pattern)`` pairs; each pattern must match a whole line (after the bullet).
RULES: tuple[tuple[str, str], ...] = (
    (
        "share-button",
        r"(?:facebook|twitter|x|kakao(?:talk|story)?|mail|e-?mail|link|url|line|naver|band"
        r"|telegram|whatsapp|linkedin|pinterest|reddit|weibo|wechat|qq)\s+share(?:\s+button)?"
        r"|share(?:\s+this(?:\s+(?:article|story|page|post))?)?(?:\s+(?:on|via|to|with)\s+\w+)?"
        r"|(?:페이스북|트위터|카카오톡|카카오스토리|네이버|밴드|링크|이메일|메일|URL)\s*(?:공유(?:하기)?|복사)"
        r"|tweet(?:\s+this)?|(?:기사\s*)?공유(?:하기)?|分享(?:到|工具)?\s*[:：]?\s*(?:微信|微博|QQ空间|QQ|朋友圈)?"
        r"|(?:扫一扫|掃一掃)[^\n。]{0,20}"
        # a Korean portal's buttons to recommend the story or react to it
        r"|(?:이\s*기사를\s*)?추천(?:합니다|하기)|기사\s*추천(?:하기)?"
        r"|(?:(?:좋아요|훈훈해요|슬퍼요|화나요|놀랐어요|추천해요|후속\s*기사\s*원해요|응원해요)"
        r"\s*\d*[ ]*){2,}",
    ),
    (
        "font-size-widget",
        r"settings|ⓕ?\s*font[- ]?size|text\s*size"
        r"|(?:본문\s*)?(?:글자|글씨)\s*크기(?:\s*(?:조정|조절|변경))?|字号|字級|字级|字體大小|字体大小"
        # the label alone, its buttons drawn as pictures ("字級："), or with them
        r"|[【\[]?\s*字(?:体|體|号|號|級|级)\s*[:：]\s*(?:大\s*中\s*小\s*)?[】\]]?|(?<=[•·▪◦‣∙*])\s*[-+]?[0-4]|가\s*[-+]\s*가\s*[-+]"
        r"|가(?:[ ]+가){2,5}|A(?:[ ]+A){2,4}",  # the buttons' letters, one per size
    ),
    (
        "breadcrumb",
        r"(?:home|홈|首页|首頁)(?:\s*[>›»]\s*[^\n>›».!?]{1,40}){1,6}"
        r"|[^\n>›».!?]{1,30}(?:\s[>›»]\s[^\n>›».!?]{1,30}){2,6}",
    ),
    (
        "top-stories",
        r"top\s*\d+\s*(?:stories|news|articles)|most\s+(?:popular|viewed|read|shared)"
        r"(?:\s+(?:stories|news|articles))?|trending(?:\s+now)?|editor'?s\s+picks?"
        r"|latest(?:\s+(?:news|stories|headlines|articles))?"
        r"|많이\s*본\s*(?:뉴스|기사)|인기\s*기사|热门(?:新闻|文章)?|熱門(?:新聞|文章)?|热点新闻|排行榜",
    ),
    (
        "go-top",
        r"(?:go\s+(?:to\s+)?top|back\s+to\s+top|to\s+top|top\s*[▲↑]|맨\s*위로|위로\s*가기"
        r"|返回顶部|回到顶部)(?:\s+[A-Z]{2,12}){0,3}",
    ),
    ("close-button", r"x\n+close|close(?:\s+(?:the\s+)?menu)?|닫기|关闭|關閉|[✕✖]"),
    (
        "skip-link",
        r"(?:go|skip|jump)\s+(?:directly\s+)?to\s+(?:the\s+)?(?:main\s+)?"
        r"(?:contents?|navigation|menu|search|article|story)"
        r"|본문\s*바로\s*가기|주\s*메뉴\s*바로\s*가기|跳(?:到|至)(?:主要)?(?:内容|正文)",
    ),
    (
        "language-switch",
        r"(?:(?:한국어|English|中文|日本語|简体中文|繁體中文|简体|繁體|Español|Français|Русский"
        r"|Deutsch|العربية|Tiếng Việt|KOR|ENG|CHN|JPN|繁|简|簡)(?:[ ]*[|/·][ ]*|[ ]+|$)){1,8}",
    ),
    (
        "login-prompt",
        r"(?:please\s+)?(?:log\s*-?in|sign\s*-?in|sign\s+up)\b[^\n]{0,80}(?:\n+with\s+the\s[^\n]{1,60})?"
        r"|(?:settings\s+)?(?:log\s*-?\s*out|sign\s*-?\s*out)"
        r"|to\s+(?:write|post|leave)\s+(?:a\s+)?comments?,?\s+please\s+(?:log\s*-?in|sign\s*-?in)"
        r"[^\n]{0,60}|로그인(?:이\s*필요합니다\.?|\s*후\s*[^\n]{0,30}|하기)?|登录|登錄|注册|註冊"
        # a paywall's prompt ("欲看完整內容，訂戶可登入繼續瀏覽。")
        r"|[^\n]{0,16}(?:訂戶|订户|會員|会员)[^\n]{0,6}(?:登入|登錄|登录)[^\n]{0,16}",
    ),
    (
        "comment-prompt",
        r"(?:help-image\s*)?social\s+comments?\s*\??|help-image[^\n]{0,40}"
        r"|comments?\s*(?:\(\d+\)|\d+)?|(?:write|post|leave|add|view|show|read)\s+(?:a\s+|all\s+)?"
        r"comments?|leave\s+a\s+reply|\d+\s+comments?|댓글(?:\s*\d+|\s*쓰기|\s*달기|\s*보기)?|评论(?:\s*\d+)?|发表评论|网友评论"
        r"|join\s+(?:our|the)\s+(?:commenting\s+forum|conversation|discussion)",
    ),
    (
        "comment-policy",
        r"(?:standards\s+board\s+)?(?:comment(?:ing)?|community|standards\s+board)\s+"
        r"(?:policy|guidelines|rules|standards)[^\n]{0,40}"
        r"|[^\n]{0,40}\(\s*\d+\s*/\s*\d+\s*(?:자|字|characters|chars|bytes)?\s*\)",
    ),
    (
        "menu",
        r"(?:(?:print|dictionary|email|e-mail|share|font|size|listen|translate|subscribe|bookmark"
        r"|save|scrap|more|a\+|a-|text|인쇄|스크랩|공유|글자|듣기|번역|打印|收藏|分享|字号|打印本页"
        r"|关闭窗口|關閉視窗|列印|关闭|關閉)"
        r"(?:[ ]+|$)){2,8}"
        r"|북마크|프린트|인쇄(?:하기)?|스크랩(?:하기)?",  # a Korean page's tool alone on its line
    ),
    (
        "related-links",
        r"related\s+(?:articles?|news|stories|links|content|posts)|recommended(?:\s+(?:stories|"
        r"articles|for\s+you))?|more\s+(?:stories|news)|see\s+also|read\s+more:?|related:"
        # a link to another story under its label ("READ MORE: First look at Thorpe Park's
        # new rollercoaster", "RELATED: …", "Read next: …")
        r"|(?:read\s+(?:more|next|also)|also\s+read|related|see\s+also)\s*:\s*[^\n]{1,160}"
        r"|you\s+(?:may|might)\s+also\s+like|what\s+to\s+read\s+next|more\s+on\s+this\s+story"
        r"|[\[【]?(?:관련|추천)\s*기사(?:\s*(?:더\s*)?보기)?[\]】]?"
        r"|[【\[]?(?:相关|相關)(?:新闻|新聞|文章|阅读|閱讀|報導|报道|链接|連結)[】\]]?[:：]?"
        r"|延伸(?:阅读|閱讀)[:：]?|推荐阅读|推薦閱讀|[【\[]?更多(?:新闻|新聞)[】\]]?"
        r"|-?\s*(?:閱讀|阅读)更多\s*-?|往下看更多文章"
        r"|(?:看)?更多(?:相关|相關)(?:新闻|新聞|文章)|更多(?:新闻|新聞)(?:请看|請看)[:：]?",
    ),
    (
        "widget-label",
        r"(?:[\w-]+[- ])?icon|advertisement|ad|광고|广告|廣告|loading\.{0,3}"
        # the label of the article's table of contents ("Table of Contents", "目录")
        r"|table\s+of\s+contents|contents|in\s+this\s+(?:article|guide|story)|on\s+this\s+page"
        r"|jump\s+to(?:\s+section)?:?|目录|目錄|목차"
        # a widget still loading ("正在加载...", "跟贴读取中...", "正在验证用户信息...")
        r"|正在[^\n\s。，,]{1,8}(?:\.{2,3}|…{1,2})|(?:跟[贴帖])?(?:读取|讀取|加载|加載|載入)中(?:\.{2,3}|…{1,2})?"
        r"|story\s+continues\s+below(?:\s+this)?\s+advertisement|skip\s+ad(?:vertisement)?"
        r"|continue\s+reading\s+(?:the\s+main\s+story|below)"
        # a photo's zoom and a gallery's count ("사진 확대", "View 6 Images", "Image 1 of 23")
        r"|expand|enlarge(?:\s+(?:image|photo))?|view\s+\d+\s+(?:images|photos)"
        r"|image\s+\d+\s+of\s+\d+|(?:사진|이미지)\s*(?:확대|크게\s*보기)(?:\s*보기)?"
        r"|[▼▲]?\s*(?:(?:点击|點擊)?(?:查看)?(?:大图|大圖)|(?:点击|點擊)(?:图片|圖片)?放大)",
    ),
    (
        "reading-time",
        r"\d+\s*(?:min(?:ute)?s?\.?)\s+read|(?:reading\s+time|read\s+time|tempo\s+de\s+leitura"
        r"|tiempo\s+de\s+lectura|temps\s+de\s+lecture|lesezeit)\s*:?\s*\d+\s*\w+\.?"
        r"|\d+\s*분\s*(?:소요|읽기)|阅读(?:时间|时长)?\s*[:：]?\s*\d+\s*分钟",
    ),
    (
        "newsletter",
        r"subscribe(?:\s+(?:now|today|to\s+(?:our|the)\s+newsletter))?|subscribe\s+now\b[^\n]{0,40}"
        r"|newsletter|click\s+here\s+to\s+subscribe|[^\n]{0,40}delivered\s+(?:straight\s+)?to\s+your"
        r"\s+inbox[^\n]{0,40}|sign\s+up\s+for"
        r"[^\n]{0,60}newsletter|뉴스레터(?:\s*구독)?|구독(?:하기)?|订阅",
    ),
    # The story's hashtags, two or more on a line of their own ("#전세사기 #금융위
    # #저리대출"); never one alone, which can be a section's heading ("#洞窟艺术"), nor a
    # markdown heading ("# Title": a space after the mark).
    ("hashtags", r"#[^\s#]{1,40}(?:[ ]*#[^\s#]{1,40}){1,14}"),
    # A request for tips with where to send them ("연합뉴스TV 기사문의 및 제보 : 카톡/라인
    # jebo23", "■ 제보하기"), and the lines of contacts in a list under it ("▷ 전화 :
    # 02-781-1234").
    (
        "tip-line",
        rf"{KO_TIPS}|제보하기|[▷▶]\s*(?:전화|이메일|메일|카카오톡|카톡|라인|(?:뉴스\s*)?홈페이지|팩스)"
        r"\s*[:：][^\n]{1,80}"
        # a broadcaster's call for tips and the ways to send them ("※ '당신의 제보가 뉴스가
        # 됩니다'", "[전화] 02-398-8585 [메일] social@ytn.co.kr")
        r"|(?:※\s*)?['‘\"]?[^\n'’\"]{0,10}제보가\s*뉴스가\s*됩니다['’\"]?"
        r"|(?:\[(?:전화|메일|이메일|카카오톡|카톡|팩스)\]\s*[^\[\]\n]{3,60}\s*){1,4}"
        # a Hong Kong paper's tip line ("人人做記者", "爆料熱線：", "立即報料: https://…",
        # "你的獨家報料一旦被採用及報導，將獲得乙份獎品。") and its numbers
        # (a number alone is a tip line only under the label that asks for tips: an address
        # book's or a directory's numbers are its matter)
        r"|人人做(?:記者|记者)|(?:立即)?(?:爆料|報料|报料)(?:方法|熱線|热线|電話|电话|快線|快线|專線|专线)?"
        r"\s*[:：](?:[^\n]{0,60}|\s*\n\s*\(\d{2,4}\)\s*\d{3,4}[ -]?\d{4})"
        r"|[^\n]{0,24}(?:報料|爆料|报料)[^\n]{0,24}(?:獎品|奖品|獎賞|奖赏)[^\n]{0,12}"
        r"|(?:傳\s*真|传\s*真|SMS|WhatsApp|電話|电话)\s*[:：]\s*(?:\(\d{2,4}\)\s*)?[\d -]{0,16}",
    ),
    # A call to follow the outlet elsewhere: download its app, join, follow or subscribe to
    # its page or channel ("Follow us on Twitter", "看更多！請加入自由時報粉絲團", "▶ 기자와
    # 1:1 소통, 카카오톡 채널 추가"); never a sentence ("。", "다.").
    (
        "promo",
        rf"(?:{_POINTER})?(?:"
        # where to listen to a podcast ("Listen on: Apple Podcasts | Spotify | Google"), a
        # call to the site's own sections ("Check out our sports section for the latest
        # news and analysis."), a subscription's offer ("For full access to print, digital
        # and audio editions of The Economist, subscribe here")
        rf"(?:listen|subscribe|follow)\s+(?:on|via)\s*:?\s*{_PODCAST_APPS}"
        rf"(?:\s*(?:[|,/·•]|and|or)\s*{_PODCAST_APPS})*\.?"
        r"|check\s+out\s+our\s+(?:[\w&-]+\s+){0,3}sections?\b[^\n]{0,160}"
        r"|for\s+(?:full|unlimited)\s+access\s+to\b[^\n]{0,100}\bsubscribe\b[^\n]{0,40}"
        r"|"
        r"(?:download|get)\s+(?:the|our)\s+[^\n]{0,40}?\bapps?\b[^\n]{0,40}"
        r"|(?:follow|like|join|find)\s+(?:us|[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})\s+on\s+"
        rf"{_SOCIAL}(?:\s*(?:,|and|&|or)\s*{_SOCIAL})*[^\n]{{0,40}}"
        r"|[^\n。]{0,8}(?:下載|下载)[^\n。]{0,20}(?:APP|App|app|應用程式|客戶端|客户端)[^\n。]{0,20}"
        # an app's new version, and where to get it ("《星島頭條》APP經已推出最新版本，請立即
        # 更新，瀏覽更精彩內容：https://bit.ly/3yLrgYZ")
        r"|[^\n]{0,30}(?:APP|App|app)[^\n]{0,80}?(?:立即|請|请)(?:更新|下載|下载)[^\n]{0,60}"
        r"|[^\n]{0,30}(?:APP|App)[^\n]{0,30}[:：]\s*https?://\S+"
        r"|(?:打开|打開)(?:APP|App|app|客户端|客戶端)[^\n。]{0,12}|(?:手机|手機)看(?:新闻|新聞)"
        r"|返回搜狐[^\n。]{0,12}|(?:点击|點擊|点我|點我)(?:这里|這裡|此处|此處|进入|進入|查看|看|阅读|閱讀"
        r"|收听|收聽|观看|觀看)[^\n。]{0,12}"
        r"|[^\n。]{0,12}(?:加入|追蹤|追踪|關注|关注|訂閱|订阅|按讚|点赞|點讚)[^\n。]{0,24}"
        r"(?:粉絲團|粉丝团|粉專|好友|公眾號|公众号|頻道|频道|YouTube|LINE|Line|IG|Instagram|臉書|脸书"
        r"|Facebook|微博|微信|抖音)[^\n。]{0,20}"
        r"|(?=[^\n]{0,40}(?:네이버|카카오|카톡|유튜브|텔레그램|인스타그램|페이스북|채널))"
        r"[^\n]{0,40}?(?:구독|친구\s*추가|채널\s*추가)(?:하기)?(?:\s*클릭)?[!！]?"
        r")(?<![다요]\.)(?:\s*[\]】])?",
    ),
    # Links to the site's previous and next pieces ("上一篇：…", "Next article").
    (
        "pager",
        r"(?:上一篇|下一篇|上一页|下一页|上一頁|下一頁)(?:\s*[:：][^\n]{0,80})?"
        r"|(?:previous|next)\s+(?:article|post|story|page)",
    ),
    # A portal's disclaimer under the piece ("声明：该文观点仅代表作者本人，…平台…",
    # "【免责声明】本文仅代表作者本人观点，与和讯网无关…"), the site's own ("腾讯声明：…仅供投资
    # 者参考，并不构成投资建议…", "…与本网站立场无关"), the heading over one ("版权声明：",
    # "新華網版權與免責聲明：", "声明：") and a note on reprints ("(聲明：刊用…稿件務經書面授權)").
    (
        "disclaimer",
        r"(?:免[责責])?(?:声明|聲明)[:：][^\n]{0,60}"
        r"(?:仅代表|僅代表|观点|觀點|平台|版权|版權|立场无关|立場無關)[^\n]{0,160}"
        r"|[【\[]免?[责責]?(?:声明|聲明)[】\]][^\n]{0,60}"
        r"(?:仅代表|僅代表|观点|觀點|立场|立場|无关|無關)[^\n]{0,200}"
        r"|[^\n\s，。:：]{1,10}(?:声明|聲明)[:：][^\n]{0,60}"
        r"(?:仅供(?:投资者)?参考|僅供(?:投資者)?參考|不构成投资建议|不構成投資建議|风险自担|風險自擔"
        r"|不代表本[网站網]|[与與]本[网站網])[^\n]{0,160}"
        r"|[^\n\s，。:：]{0,10}?版[权權](?:与|與|和|及)?免[责責](?:声明|聲明)[:：]?"
        r"|版[权權](?:声明|聲明)[:：](?:[^\n]{0,60}(?:版权|版權|授权|授權|转载|轉載)[^\n]{0,200})?"
        r"|免[责責](?:声明|聲明)[:：]?|(?:声明|聲明)[:：]"
        r"|[(（](?:声明|聲明)[:：][^\n]{0,60}(?:授权|授權|转载|轉載)[^\n]{0,40}[)）]"
        # a note that reprints are not the site's view ("凡注明为其他媒体来源的信息，均为转载
        # 自其他媒体，转载并不代表本网赞同其观点…"), a note that all is for reference alone
        # ("本站所有文章、数据仅供参考，…风险自负"), and one that readers' comments are theirs
        # ("网友评论仅供其表达个人看法，并不表明网易同意其观点或证实其描述。")
        r"|[^\n]{0,60}(?:转载|轉載)[^\n]{0,30}不代表本[网站網](?:赞同|贊同|观点|觀點|立场|立場)"
        r"[^\n]{0,160}"
        r"|(?:网友|網友)?(?:评论|評論|跟贴|跟帖)[^\n]{0,20}并?不(?:表明|代表)[^\n]{0,8}(?:同意|赞同|贊同)"
        r"其(?:观点|觀點)[^\n]{0,40}"
        r"|[^\n]{0,30}(?:仅供参考|僅供參考)[^\n]{0,60}"
        r"(?:风险自[负担]|風險自[負擔]|不构成投资建议|不構成投資建議)[^\n]{0,60}",
    ),
    # The mark that ends a wire story ("(끝)", Yonhap's English "(END)").
    ("end-mark", r"[(\[<〈]\s*(?:끝|END)\s*[)\]>〉]"),
    # The page's own address under the story, labelled ("本文連結 : https://…").
    (
        "permalink",
        r"(?:本文|原文|文章|永久)(?:連結|链接|網址|网址|出處|出处)\s*[:：]\s*https?://\S+"
        r"|(?:permalink|source\s+url|article\s+url)\s*:\s*https?://\S+",
    ),
    (
        "copyright",
        r"(?:©|ⓒ|\(c\)|copyright)\s*[^\n]{0,120}|[^\n]{0,80}all\s+rights\s+reserved\.?[^\n]{0,60}"
        r"|[^\n]{0,60}무단\s*(?:전재|복제)[^\n]{0,80}|[^\n]{0,40}(?:版权所有|未经授权)[^\n]{0,60}"
        # a Chinese site's notes on its copyright and reprints ("凡本网注明“来源：…”的所有作品，
        # 版权均属…", "本網未注明…均為轉載稿", "如本網轉載稿涉及版權等問題…"), numbered or not
        r"|(?:\d{1,2}[.、．]?\s*)?(?:凡本[网網站]注明|本[网網站]未注明|如本[网網站](?:转载|轉載))"
        r"[^\n]{0,200}"
        # a Chinese site's licence numbers ("京ICP证030173号", "《电子公告服务许可证》编号：闽通信
        # 互联网 [2008]1 号")
        r"|[^\n]{0,40}(?:ICP[证證备備]\s*(?:第\s*)?|(?:许可证|許可證)(?:》\s*(?:编号|編號)?|\s*(?:编号|編號))\s*[:：]"
        r"[^\n\d]{0,20})\d[^\n]{0,60}",
    ),
)


def _compile() -> re.Pattern[str]:
    groups = "|".join(f"(?P<{name.replace('-', '_')}>{pattern})" for name, pattern in RULES)
    return re.compile(rf"{_BULLET}(?:{groups})[ ]*", re.IGNORECASE)


_BOILERPLATE = _compile()
_LINES = re.compile(r"[^\n]+")


def find_boilerplate(text: str) -> Iterator[tuple[str, Span]]:
    """Yield ``(rule, span)`` for each boilerplate line (or block of lines) in ``text``.

    ``text`` should have one line per line of the page, stripped of surrounding
    spaces, as the whitespace rule leaves it. Only lines up to
    :data:`MAX_LINE` characters are tried, so long article paragraphs cost
    nothing; a block rule tries a short line together with the next one.
    """
    lines = [m.span() for m in _LINES.finditer(text) if m.end() - m.start() <= MAX_LINE]
    skip_to = -1
    for index, (start, end) in enumerate(lines):
        if start < skip_to:
            continue
        match = None
        if index + 1 < len(lines) and end - start <= 60:
            # A block of two lines ("X" over "CLOSE", a prompt broken over two lines).
            next_start, next_end = lines[index + 1]
            if not text[end:next_start].strip("\n"):
                match = _BOILERPLATE.fullmatch(text, start, next_end)
                if match is not None and match.lastgroup not in (
                    "close_button",
                    "login_prompt",
                    "tip_line",
                ):
                    match = None
        if match is None:
            match = _BOILERPLATE.fullmatch(text, start, end)
        if match is None or match.lastgroup is None:
            continue
        skip_to = match.end()
        yield match.lastgroup.replace("_", "-"), Span(match.start(), match.end())
