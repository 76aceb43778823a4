"""The hand-curated part of the nkcorpus knowledge base: entities specific to North Korea.

Each row: id, type, English names, Korean names (South; North spellings with
``kp:``), Chinese names (Simplified; Traditional forms are added by the build
from OpenCC when they differ), the Wikipedia article the names were taken from,
and optional fields. A language with no attested name is listed in ``missing``.
Read by ``scripts/build_kb.py``.
"""

from __future__ import annotations

from typing import Any


def W(title: str) -> str:
    """The English Wikipedia URL of an article title."""
    return "https://en.wikipedia.org/wiki/" + title.replace(" ", "_")


NO_ZH = {"zh": "no Chinese name attested in the source"}
NO_KO = {"ko": "no Korean name attested in the source"}


def E(
    id: str, type: str, en: str, ko: str, zh: str, source: str, **fields: Any
) -> dict[str, Any]:
    """One entity; names are separated by ``|``; a Korean name ``kp:X`` is North Korean spelling."""
    aliases: dict[str, list[str]] = {"en": [n for n in en.split("|") if n]}
    for name in (n for n in ko.split("|") if n):
        key = "ko-KP" if name.startswith("kp:") else "ko"
        aliases.setdefault(key, []).append(name.removeprefix("kp:"))
    if zh:
        aliases["zh-Hans"] = zh.split("|")
    entity: dict[str, Any] = {"id": id, "type": type, "aliases": aliases, "source": [source]}
    missing = dict(fields.pop("missing", {}))
    if not ko and "ko" not in missing:
        missing.update(NO_KO)
    if not zh and "zh" not in missing:
        missing.update(NO_ZH)
    if missing:
        entity["missing"] = missing
    entity.update(fields)
    return entity


P, O, C, L = "person", "organization", "city", "place"

ENTITIES: list[dict[str, Any]] = [
    # --- the Kim family
    E("kim-il-sung", P, "Kim Il-sung|Kim Il Sung|Kim Il-sŏng|Kim Ilsung|Kim Song-ju", "김일성", "金日成", W("Kim Il Sung"), role="founder of North Korea", years="1948-1994"),
    E("kim-jong-il", P, "Kim Jong-il|Kim Jong Il|Kim Chong-il|Kim Jŏng-il", "김정일", "金正日", W("Kim Jong Il"), role="leader of North Korea", years="1994-2011"),
    E("kim-jong-un", P, "Kim Jong-un|Kim Jong Un|Kim Jŏng-ŭn|Kim Jong-eun|Kim Chong-un", "김정은", "金正恩", W("Kim Jong Un"), role="leader of North Korea", years="2011-"),
    E("kim-jong-nam", P, "Kim Jong-nam|Kim Jong Nam|Kim Jŏng-nam", "김정남", "金正男", W("Kim Jong Nam")),
    E("kim-yo-jong", P, "Kim Yo-jong|Kim Yo Jong|Kim Yŏ-jŏng", "김여정", "金与正", W("Kim Yo Jong"), role="Vice Department Director of the WPK Central Committee"),
    E("kim-ju-ae", P, "Kim Ju-ae|Kim Ju Ae", "김주애", "金主爱", W("Kim Ju Ae")),
    E("ri-sol-ju", P, "Ri Sol-ju|Ri Sol Ju|Lee Sol-ju|Ri Sŏl-chu", "이설주|kp:리설주", "李雪主", W("Ri Sol-ju")),
    E("kim-jong-chol", P, "Kim Jong-chol|Kim Jong Chol", "김정철", "金正哲", W("Kim Jong Chol")),
    E("kim-kyong-hui", P, "Kim Kyong-hui|Kim Kyong Hui|Kim Kyŏng-hŭi", "김경희", "金敬姬", W("Kim Kyong-hui")),
    E("jang-song-thaek", P, "Jang Song-thaek|Jang Song Thaek|Chang Song-thaek|Jang Sung-taek", "장성택", "张成泽", W("Jang Song-thaek"), status="executed 2013"),
    E("ko-yong-hui", P, "Ko Yong-hui|Ko Yong Hui|Ko Young-hee", "고용희", "高英姬", W("Ko Yong-hui")),
    E("kim-han-sol", P, "Kim Han-sol|Kim Han Sol", "김한솔", "金韩松", W("Kim Han-sol")),
    E("kim-pyong-il", P, "Kim Pyong-il|Kim Pyong Il|Kim Pyŏng-il", "김평일", "金平日", W("Kim Pyong-il")),
    E("kim-jong-suk", P, "Kim Jong-suk|Kim Jong Suk|Kim Chŏng-suk", "김정숙", "金正淑", W("Kim Jong-suk"), note="mother of Kim Jong Il"),
    # --- North Korean leadership, ministers, ambassadors, commanders
    E("choe-ryong-hae", P, "Choe Ryong-hae|Choe Ryong Hae|Choi Ryong-hae", "최용해|kp:최룡해", "崔龙海", W("Choe Ryong-hae")),
    E("choe-son-hui", P, "Choe Son-hui|Choe Son Hui|Choe Sŏn-hŭi|Choe Sun-hee|Choi Son-hui", "최선희", "崔善姬", W("Choe Son-hui"), role="Minister of Foreign Affairs", years="2022-"),
    E("pak-pong-ju", P, "Pak Pong-ju|Pak Pong Ju|Park Bong-ju", "박봉주", "朴奉珠", W("Pak Pong-ju"), role="Premier", years="2013-2019"),
    E("kim-tok-hun", P, "Kim Tok-hun|Kim Tok Hun|Kim Deok-hun", "김덕훈", "金德训", W("Kim Tok-hun"), role="Premier", years="2020-2024"),
    E("pak-thae-song", P, "Pak Thae-song|Pak Thae Song|Park Tae-seong", "박태성", "朴泰成", W("Pak Thae-song"), role="Premier", years="2024-"),
    E("jo-yong-won", P, "Jo Yong-won|Jo Yong Won|Cho Yong-won", "조용원", "赵甬元", W("Jo Yong-won")),
    E("ri-pyong-chol", P, "Ri Pyong-chol|Ri Pyong Chol|Lee Byong-chol", "이병철|kp:리병철", "李炳哲", W("Ri Pyong-chol")),
    E("pak-jong-chon", P, "Pak Jong-chon|Pak Jong Chon|Park Jong-chon", "박정천", "朴正天", W("Pak Jong-chon")),
    E("ri-yong-ho", P, "Ri Yong-ho|Ri Yong Ho", "이용호|kp:리용호", "李容浩", W("Ri Yong-ho (diplomat)"), role="Minister of Foreign Affairs", years="2016-2020"),
    E("ri-son-gwon", P, "Ri Son-gwon|Ri Son Gwon|Ri Son-kwon", "이선권|kp:리선권", "李善权", W("Ri Son-gwon"), role="Minister of Foreign Affairs", years="2020-2022"),
    E("kim-yong-chol", P, "Kim Yong-chol|Kim Yong Chol|Kim Young-chol", "김영철", "金英哲", W("Kim Yong-chol")),
    E("kim-yong-nam", P, "Kim Yong-nam|Kim Yong Nam|Kim Yŏng-nam", "김영남", "金永南", W("Kim Yong-nam"), role="President of the SPA Presidium", years="1998-2019"),
    E("hwang-pyong-so", P, "Hwang Pyong-so|Hwang Pyong So", "황병서", "黄炳誓", W("Hwang Pyong-so")),
    E("choe-thae-bok", P, "Choe Thae-bok|Choe Thae Bok", "최태복", "崔泰福", W("Choe Thae-bok")),
    E("kim-jae-ryong", P, "Kim Jae-ryong|Kim Jae Ryong", "김재룡", "金才龙", W("Kim Jae-ryong")),
    E("ri-il-hwan", P, "Ri Il-hwan|Ri Il Hwan", "이일환|kp:리일환", "李日焕", W("Ri Il-hwan")),
    E("o-su-yong", P, "O Su-yong|O Su Yong", "오수용", "吴秀容", W("O Su-yong")),
    E("ri-su-yong", P, "Ri Su-yong|Ri Su Yong|Ri Chol", "이수용|kp:리수용", "李洙墉", W("Ri Su-yong")),
    E("kim-kye-gwan", P, "Kim Kye-gwan|Kim Kye Gwan", "김계관", "金桂冠", W("Kim Kye-gwan")),
    E("ri-yong-gil", P, "Ri Yong-gil|Ri Yong Gil", "이영길|kp:리영길", "李永吉", W("Ri Yong-gil")),
    E("hyon-yong-chol", P, "Hyon Yong-chol|Hyon Yong Chol", "현영철", "玄永哲", W("Hyon Yong-chol"), status="reported executed 2015"),
    E("kim-jong-gak", P, "Kim Jong-gak|Kim Jong Gak", "김정각", "金正角", W("Kim Jong-gak")),
    E("jong-kyong-thaek", P, "Jong Kyong-thaek|Jong Kyong Thaek", "정경택", "郑京择", W("Jong Kyong-thaek"), role="Minister of State Security"),
    E("ja-song-nam", P, "Ja Song-nam|Ja Song Nam", "자성남", "慈成男", W("Ja Song-nam"), role="Ambassador to the United Nations"),
    E("han-tae-song", P, "Han Tae-song|Han Tae Song", "한대성", "韩大成", W("Han Tae-song"), role="Ambassador to the UN in Geneva"),
    E("kim-song", P, "Kim Song", "김성", "", W("Kim Song (diplomat)"), role="Ambassador to the United Nations"),
    E("ri-man-gon", P, "Ri Man-gon|Ri Man Gon", "이만건|kp:리만건", "李万建", W("Ri Man-gon")),
    E("ri-chun-hee", P, "Ri Chun-hee|Ri Chun Hee|Ri Chun-hui", "이춘희|kp:리춘히", "李春姬", W("Ri Chun-hee"), role="news presenter, Korean Central Television"),
    E("kang-sok-ju", P, "Kang Sok-ju|Kang Sok Ju", "강석주", "姜锡柱", W("Kang Sok-ju")),
    E("kim-yong-ju", P, "Kim Yong-ju|Kim Yong Ju", "김영주", "金英柱", W("Kim Yong-ju")),
    E("o-jin-u", P, "O Jin-u|O Jin U", "오진우", "吴振宇", W("O Jin-u")),
    E("kim-hyong-jik", P, "Kim Hyong-jik|Kim Hyong Jik", "김형직", "金亨稷", W("Kim Hyong-jik")),
    # --- South Korea
    E("moon-jae-in", P, "Moon Jae-in|Moon Jae In|Moon Jaein", "문재인", "文在寅", W("Moon Jae-in"), role="President of South Korea", years="2017-2022"),
    E("yoon-suk-yeol", P, "Yoon Suk-yeol|Yoon Suk Yeol|Yoon Seok-youl", "윤석열", "尹锡悦", W("Yoon Suk Yeol"), role="President of South Korea", years="2022-2025"),
    E("lee-jae-myung", P, "Lee Jae-myung|Lee Jae Myung", "이재명", "李在明", W("Lee Jae-myung"), role="President of South Korea", years="2025-"),
    E("park-geun-hye", P, "Park Geun-hye|Park Geun Hye", "박근혜", "朴槿惠", W("Park Geun-hye"), role="President of South Korea", years="2013-2017"),
    E("lee-myung-bak", P, "Lee Myung-bak|Lee Myung Bak", "이명박", "李明博", W("Lee Myung-bak"), role="President of South Korea", years="2008-2013"),
    E("roh-moo-hyun", P, "Roh Moo-hyun|Roh Moo Hyun", "노무현", "卢武铉", W("Roh Moo-hyun"), role="President of South Korea", years="2003-2008"),
    E("kim-dae-jung", P, "Kim Dae-jung|Kim Dae Jung", "김대중", "金大中", W("Kim Dae-jung"), role="President of South Korea", years="1998-2003"),
    E("chung-eui-yong", P, "Chung Eui-yong|Chung Eui Yong", "정의용", "郑义溶", W("Chung Eui-yong")),
    E("chung-dong-young", P, "Chung Dong-young|Chung Dong Young", "정동영", "郑东泳", W("Chung Dong-young"), role="Minister of Unification"),
    E("han-duck-soo", P, "Han Duck-soo|Han Duck Soo", "한덕수", "韩德洙", W("Han Duck-soo"), role="Prime Minister of South Korea"),
    E("ban-ki-moon", P, "Ban Ki-moon|Ban Ki Moon", "반기문", "潘基文", W("Ban Ki-moon"), role="UN Secretary-General", years="2007-2016"),
    E("lee-yang-hee", P, "Lee Yang-hee|Yanghee Lee|Lee Yanghee", "이양희", "李亮喜", W("Yanghee Lee"), role="UN Special Rapporteur on human rights in North Korea", years="2014-2016"),
    E("hwang-joon-kook", P, "Hwang Joon-kook|Hwang Joon Kook", "황준국", "黄浚局", W("Hwang Joon-kook")),
    # --- United States
    E("donald-trump", P, "Donald Trump|Donald J. Trump|Trump", "도널드 트럼프|트럼프", "唐纳德·特朗普|特朗普|川普", W("Donald Trump"), role="President of the United States", years="2017-2021, 2025-"),
    E("joe-biden", P, "Joe Biden|Joseph Biden|Biden", "조 바이든|바이든", "乔·拜登|拜登", W("Joe Biden"), role="President of the United States", years="2021-2025"),
    E("barack-obama", P, "Barack Obama|Obama", "버락 오바마|오바마", "巴拉克·奥巴马|奥巴马", W("Barack Obama"), role="President of the United States", years="2009-2017"),
    E("mike-pompeo", P, "Mike Pompeo|Pompeo", "마이크 폼페이오|폼페이오", "迈克·蓬佩奥|蓬佩奥", W("Mike Pompeo"), role="US Secretary of State", years="2018-2021"),
    E("antony-blinken", P, "Antony Blinken|Blinken", "토니 블링컨|블링컨", "安东尼·布林肯|布林肯", W("Antony Blinken"), role="US Secretary of State", years="2021-2025"),
    E("marco-rubio", P, "Marco Rubio|Rubio", "마코 루비오|루비오", "马可·卢比奥|卢比奥", W("Marco Rubio"), role="US Secretary of State", years="2025-"),
    E("john-bolton", P, "John Bolton|Bolton", "존 볼턴|볼턴", "约翰·博尔顿|博尔顿", W("John Bolton")),
    E("stephen-biegun", P, "Stephen Biegun|Biegun", "스티븐 비건", "史蒂芬·比根|比根", W("Stephen Biegun")),
    E("robert-king", P, "Robert King|Robert R. King", "로버트 킹", "罗伯特·金", W("Robert R. King"), role="US Special Envoy for North Korean Human Rights Issues"),
    E("otto-warmbier", P, "Otto Warmbier|Warmbier", "오토 웜비어|웜비어", "奥托·瓦姆比尔", W("Death of Otto Warmbier")),
    # --- China, Japan, Russia
    E("xi-jinping", P, "Xi Jinping|Xi Jin-ping", "시진핑", "习近平", W("Xi Jinping"), role="General Secretary of the Chinese Communist Party", years="2012-"),
    E("wang-yi", P, "Wang Yi", "왕이", "王毅", W("Wang Yi"), role="Minister of Foreign Affairs of China"),
    E("li-qiang", P, "Li Qiang", "리창", "李强", W("Li Qiang"), role="Premier of China", years="2023-"),
    E("li-keqiang", P, "Li Keqiang", "리커창", "李克强", W("Li Keqiang"), role="Premier of China", years="2013-2023"),
    E("hu-jintao", P, "Hu Jintao", "후진타오", "胡锦涛", W("Hu Jintao")),
    E("mao-zedong", P, "Mao Zedong|Mao Tse-tung", "마오쩌둥", "毛泽东", W("Mao Zedong")),
    E("shinzo-abe", P, "Shinzo Abe|Shinzō Abe", "아베 신조", "安倍晋三", W("Shinzo Abe"), ja=["安倍晋三"]),
    E("fumio-kishida", P, "Fumio Kishida|Kishida", "기시다 후미오", "岸田文雄", W("Fumio Kishida")),
    E("shigeru-ishiba", P, "Shigeru Ishiba|Ishiba", "이시바 시게루", "石破茂", W("Shigeru Ishiba")),
    E("megumi-yokota", P, "Megumi Yokota", "요코타 메구미", "横田惠", W("Megumi Yokota"), note="abducted by North Korea in 1977"),
    E("vladimir-putin", P, "Vladimir Putin|Putin", "블라디미르 푸틴|푸틴", "弗拉基米尔·普京|普京|普丁", W("Vladimir Putin"), role="President of Russia"),
    E("sergey-lavrov", P, "Sergey Lavrov|Sergei Lavrov|Lavrov", "세르게이 라브로프|라브로프", "谢尔盖·拉夫罗夫|拉夫罗夫", W("Sergey Lavrov")),
    E("sergei-shoigu", P, "Sergei Shoigu|Sergey Shoygu|Shoigu", "세르게이 쇼이구|쇼이구", "谢尔盖·绍伊古|绍伊古", W("Sergei Shoigu")),
    # --- UN officials, rapporteurs and the Commission of Inquiry
    E("antonio-guterres", P, "António Guterres|Antonio Guterres|Guterres", "안토니우 구테흐스|구테흐스", "安东尼奥·古特雷斯|古特雷斯", W("António Guterres"), role="UN Secretary-General", years="2017-"),
    E("volker-turk", P, "Volker Türk|Volker Turk", "폴커 튀르크", "福尔克尔·蒂尔克", W("Volker Türk"), role="UN High Commissioner for Human Rights", years="2022-"),
    E("michelle-bachelet", P, "Michelle Bachelet|Bachelet", "미첼 바첼레트|바첼레트", "米歇尔·巴切莱特|巴切莱特", W("Michelle Bachelet"), role="UN High Commissioner for Human Rights", years="2018-2022"),
    E("marzuki-darusman", P, "Marzuki Darusman|Darusman", "마르주키 다루스만|다루스만", "马尔祖基·达鲁斯曼", W("Marzuki Darusman"), role="UN Special Rapporteur on human rights in North Korea", years="2010-2016"),
    E("tomas-ojea-quintana", P, "Tomás Ojea Quintana|Tomas Ojea Quintana|Ojea Quintana|Quintana", "토마스 오헤아 킨타나|오헤아 킨타나|킨타나|토마스 오헤아 퀸타나|퀸타나", "托马斯·奥赫亚·金塔纳|金塔纳", W("Tomás Ojea Quintana"), role="UN Special Rapporteur on human rights in North Korea", years="2016-2022", ambiguous=["Quintana"], cues=["north-korea", "united-nations", "rapporteur", "인권", "人权"]),
    E("elizabeth-salmon", P, "Elizabeth Salmón|Elizabeth Salmon", "엘리자베스 살몬|살몬", "伊丽莎白·萨尔蒙", W("Elizabeth Salmón"), role="UN Special Rapporteur on human rights in North Korea", years="2022-"),
    E("vitit-muntarbhorn", P, "Vitit Muntarbhorn", "비팃 문타폰", "维提·蒙塔蓬", W("Vitit Muntarbhorn"), role="UN Special Rapporteur on human rights in North Korea", years="2004-2010"),
    E("michael-kirby", P, "Michael Kirby|Michael Donald Kirby", "마이클 커비", "迈克尔·柯比", W("Michael Kirby (judge)"), role="Chair of the UN Commission of Inquiry on North Korea", years="2013-2014"),
    E("sonja-biserko", P, "Sonja Biserko", "소냐 비세르코", "索尼娅·比塞尔科", W("Sonja Biserko"), role="member of the UN Commission of Inquiry on North Korea"),
    # --- defectors and activists
    E("yeonmi-park", P, "Yeonmi Park|Park Yeon-mi|Park Yeonmi", "박연미", "", W("Yeonmi Park")),
    E("thae-yong-ho", P, "Thae Yong-ho|Thae Yong Ho|Tae Yong-ho|Thae Ku-min", "태영호|태구민", "太永浩", W("Thae Yong-ho")),
    E("shin-dong-hyuk", P, "Shin Dong-hyuk|Shin Dong Hyuk", "신동혁", "申东赫", W("Shin Dong-hyuk")),
    E("ji-seong-ho", P, "Ji Seong-ho|Ji Seong Ho", "지성호", "池成浩", W("Ji Seong-ho")),
    E("hyeonseo-lee", P, "Hyeonseo Lee|Lee Hyeon-seo", "이현서", "", W("Hyeonseo Lee")),
    E("kang-chol-hwan", P, "Kang Chol-hwan|Kang Chol Hwan", "강철환", "姜哲焕", W("Kang Chol-hwan")),
    E("hwang-jang-yop", P, "Hwang Jang-yop|Hwang Jang Yop|Hwang Jang-yeop", "황장엽", "黄长烨", W("Hwang Jang-yop")),
    E("jang-jin-sung", P, "Jang Jin-sung|Jang Jin Sung", "장진성", "张真晟", W("Jang Jin-sung")),
    E("kim-hyon-hui", P, "Kim Hyon-hui|Kim Hyon Hui|Kim Hyun-hee", "김현희", "金贤姬", W("Kim Hyon-hui")),
    E("park-sang-hak", P, "Park Sang-hak|Park Sang Hak", "박상학", "朴相学", W("Park Sang-hak")),
    E("greg-scarlatoiu", P, "Greg Scarlatoiu|Scarlatoiu", "그레그 스칼라튜|스칼라튜", "", W("Committee for Human Rights in North Korea")),
    E("roberta-cohen", P, "Roberta Cohen", "로버타 코언", "", W("Roberta Cohen")),
    E("suzanne-scholte", P, "Suzanne Scholte", "수잔 숄티", "", W("Suzanne Scholte")),
    E("david-alton", P, "David Alton|Lord Alton", "데이비드 앨턴", "", W("David Alton, Baron Alton of Liverpool")),
    # --- the UN, other international bodies
    E("united-nations", O, "United Nations", "유엔|국제연합", "联合国", W("United Nations"), acronyms={"en": ["UN", "U.N."]}),
    E("un-general-assembly", O, "UN General Assembly|U.N. General Assembly|United Nations General Assembly|General Assembly", "유엔 총회|유엔총회", "联合国大会|联大", W("United Nations General Assembly"), acronyms={"en": ["UNGA"]}, ambiguous=["General Assembly"], cues=["united-nations", "resolution", "결의"]),
    E("un-security-council", O, "UN Security Council|U.N. Security Council|United Nations Security Council|Security Council", "유엔 안전보장이사회|유엔 안보리|안보리", "联合国安全理事会|联合国安理会|安理会", W("United Nations Security Council"), acronyms={"en": ["UNSC"]}, ambiguous=["Security Council"], cues=["united-nations", "sanctions", "resolution", "제재"]),
    E("un-human-rights-council", O, "UN Human Rights Council|U.N. Human Rights Council|United Nations Human Rights Council|Human Rights Council", "유엔 인권이사회|유엔인권이사회|인권이사회", "联合国人权理事会|人权理事会", W("United Nations Human Rights Council"), acronyms={"en": ["UNHRC"]}, ambiguous=["Human Rights Council", "인권이사회", "人权理事会"], cues=["united-nations", "geneva", "resolution", "결의"]),
    E("ohchr", O, "Office of the High Commissioner for Human Rights|UN Human Rights Office|U.N. Human Rights Office", "유엔 인권최고대표사무소|유엔인권사무소", "联合国人权事务高级专员办事处", W("Office of the United Nations High Commissioner for Human Rights"), acronyms={"en": ["OHCHR"]}),
    E("un-coi-dprk", O, "UN Commission of Inquiry on Human Rights in the Democratic People's Republic of Korea|Commission of Inquiry on Human Rights in the Democratic People's Republic of Korea|UN Commission of Inquiry|U.N. Commission of Inquiry|Commission of Inquiry", "유엔 북한인권조사위원회|북한인권조사위원회", "联合国朝鲜人权调查委员会", W("United Nations Commission of Inquiry on Human Rights in the Democratic People's Republic of Korea"), ambiguous=["Commission of Inquiry"], cues=["north-korea", "united-nations"]),
    E("un-special-rapporteur-dprk", O, "UN Special Rapporteur on Human Rights in North Korea|U.N. Special Rapporteur on Human Rights in North Korea|Special Rapporteur on the situation of human rights in the Democratic People's Republic of Korea", "유엔 북한인권특별보고관|북한인권특별보고관", "联合国朝鲜人权问题特别报告员", W("Special Rapporteur on the situation of human rights in the Democratic People's Republic of Korea")),
    E("unhcr", O, "UN Refugee Agency|United Nations High Commissioner for Refugees", "유엔난민기구|유엔 난민기구", "联合国难民署|联合国难民事务高级专员办事处", W("United Nations High Commissioner for Refugees"), acronyms={"en": ["UNHCR"]}),
    E("unicef", O, "United Nations Children's Fund", "유니세프|유엔아동기금", "联合国儿童基金会", W("UNICEF"), acronyms={"en": ["UNICEF"]}),
    E("wfp", O, "World Food Programme|World Food Program", "세계식량계획", "世界粮食计划署", W("World Food Programme"), acronyms={"en": ["WFP"]}),
    E("iaea", O, "International Atomic Energy Agency", "국제원자력기구", "国际原子能机构", W("International Atomic Energy Agency"), acronyms={"en": ["IAEA"]}),
    E("icc", O, "International Criminal Court", "국제형사재판소", "国际刑事法院", W("International Criminal Court"), acronyms={"en": ["ICC"]}),
    E("icrc", O, "International Committee of the Red Cross", "국제적십자위원회", "红十字国际委员会", W("International Committee of the Red Cross"), acronyms={"en": ["ICRC"]}),
    E("european-union", O, "European Union", "유럽연합|유럽 연합", "欧盟|欧洲联盟", W("European Union"), acronyms={"en": ["EU"]}),
    E("european-parliament", O, "European Parliament", "유럽의회|유럽 의회", "欧洲议会", W("European Parliament")),
    # --- NGOs, think tanks and media of the field
    E("human-rights-watch", O, "Human Rights Watch", "휴먼라이츠워치|휴먼 라이츠 워치", "人权观察", W("Human Rights Watch"), acronyms={"en": ["HRW"]}),
    E("amnesty-international", O, "Amnesty International|Amnesty", "국제앰네스티|국제 앰네스티|앰네스티", "国际特赦组织", W("Amnesty International"), ambiguous=["Amnesty"], cues=["human rights", "report"]),
    E("hrnk", O, "Committee for Human Rights in North Korea", "미국 북한인권위원회|북한인권위원회", "美国朝鲜人权委员会", W("Committee for Human Rights in North Korea"), acronyms={"en": ["HRNK", "CHRNK"]}),
    E("nkdb", O, "Database Center for North Korean Human Rights", "북한인권정보센터", "北韩人权信息中心", W("Database Center for North Korean Human Rights"), acronyms={"en": ["NKDB"]}),
    E("nkhr", O, "Citizens' Alliance for North Korean Human Rights|Citizens Alliance for North Korean Human Rights", "북한인권시민연합", "", W("Citizens' Alliance for North Korean Human Rights"), acronyms={"en": ["NKHR"]}),
    E("tjwg", O, "Transitional Justice Working Group", "전환기정의워킹그룹", "", "https://en.tjwg.org/", acronyms={"en": ["TJWG"]}),
    E("korea-future", O, "Korea Future", "코리아퓨처", "", "https://www.koreafuture.org/"),
    E("hanvoice", O, "HanVoice", "한보이스", "", "https://www.hanvoice.ca/"),
    E("liberty-in-north-korea", O, "Liberty in North Korea", "", "", W("Liberty in North Korea"), acronyms={"en": ["LiNK"]}, missing={"ko": "the organisation uses its English name"}),
    E("nkre", O, "North Korean Residents in Europe Society", "", "", "https://nkre.eu/", acronyms={"en": ["NKRE"]}),
    E("defense-forum-foundation", O, "Defense Forum Foundation", "디펜스포럼재단|디펜스 포럼 재단", "", W("Suzanne Scholte")),
    E("daily-nk", O, "Daily NK", "데일리NK|데일리엔케이", "", W("Daily NK")),
    E("nk-news", O, "NK News", "NK뉴스", "", W("NK News")),
    E("free-north-korea-radio", O, "Free North Korea Radio", "자유북한방송", "", W("Free North Korea Radio")),
    E("free-nk", O, "Free NK", "자유북한", "", "https://www.freenk.net/"),
    E("radio-free-asia", O, "Radio Free Asia", "자유아시아방송", "自由亚洲电台", W("Radio Free Asia"), acronyms={"en": ["RFA"]}),
    E("voice-of-america", O, "Voice of America", "미국의소리|미국의 소리", "美国之音", W("Voice of America"), acronyms={"en": ["VOA"]}),
    E("38-north", O, "38 North", "38노스", "", W("38 North")),
    E("csis", O, "Center for Strategic and International Studies", "전략국제문제연구소", "战略与国际研究中心", W("Center for Strategic and International Studies"), acronyms={"en": ["CSIS"]}),
    E("kinu", O, "Korea Institute for National Unification", "통일연구원", "韩国统一研究院", W("Korea Institute for National Unification"), acronyms={"en": ["KINU"]}),
    E("brookings", O, "Brookings Institution", "브루킹스연구소", "布鲁金斯学会", W("Brookings Institution")),
    E("yonhap", O, "Yonhap News Agency|Yonhap", "연합뉴스", "韩联社", W("Yonhap News Agency")),
    E("korea-times", O, "The Korea Times|Korea Times", "코리아타임스", "", W("The Korea Times")),
    E("korea-joongang-daily", O, "Korea JoongAng Daily|JoongAng Daily", "코리아중앙데일리", "", W("Korea JoongAng Daily")),
    E("dong-a-ilbo", O, "The Dong-A Ilbo|Dong-A Ilbo|Donga Ilbo", "동아일보", "东亚日报", W("The Dong-A Ilbo")),
    E("seoul-national-university", O, "Seoul National University", "서울대학교|서울대", "首尔大学", W("Seoul National University"), acronyms={"en": ["SNU"]}),
    # --- South Korean state bodies
    E("ministry-of-unification", O, "Ministry of Unification|Unification Ministry", "통일부", "统一部", W("Ministry of Unification")),
    E("national-intelligence-service", O, "National Intelligence Service", "국가정보원|국정원", "国家情报院", W("National Intelligence Service (South Korea)"), acronyms={"en": ["NIS"]}),
    E("korea-hana-foundation", O, "Korea Hana Foundation", "남북하나재단", "", W("Korea Hana Foundation")),
    # --- North Korean party, state and military organs, media
    E("workers-party-of-korea", O, "Workers' Party of Korea|Workers Party of Korea|Korean Workers' Party|Korean Workers Party", "조선노동당|kp:조선로동당|노동당|kp:로동당", "朝鲜劳动党|劳动党", W("Workers' Party of Korea"), acronyms={"en": ["WPK", "KWP"]}),
    E("wpk-central-committee", O, "Central Committee of the Workers' Party of Korea|WPK Central Committee", "조선노동당 중앙위원회|kp:조선로동당 중앙위원회|당중앙위원회", "朝鲜劳动党中央委员会", W("Central Committee of the Workers' Party of Korea")),
    E("organization-and-guidance-department", O, "Organization and Guidance Department|Organisation and Guidance Department", "조직지도부", "组织指导部", W("Organization and Guidance Department"), acronyms={"en": ["OGD"]}),
    E("propaganda-and-agitation-department", O, "Propaganda and Agitation Department", "선전선동부", "宣传鼓动部", W("Propaganda and Agitation Department"), acronyms={"en": ["PAD"]}),
    E("united-front-department", O, "United Front Department", "통일전선부", "统一战线部", W("United Front Department"), acronyms={"en": ["UFD"]}),
    E("central-military-commission-wpk", O, "Central Military Commission of the Workers' Party of Korea", "당중앙군사위원회|조선노동당 중앙군사위원회", "朝鲜劳动党中央军事委员会", W("Central Military Commission of the Workers' Party of Korea")),
    E("reconnaissance-general-bureau", O, "Reconnaissance General Bureau", "정찰총국", "侦察总局", W("Reconnaissance General Bureau"), acronyms={"en": ["RGB"]}),
    E("office-39", O, "Office 39|Room 39|Bureau 39", "39호실", "39号室", W("Office 39")),
    E("state-affairs-commission", O, "State Affairs Commission", "국무위원회", "国务委员会", W("State Affairs Commission")),
    E("state-security-department", O, "Ministry of State Security|State Security Department|State Security Ministry|Bowibu", "국가보위성|국가안전보위부|국가보위부|보위부", "国家保卫省|国家安全保卫部", W("Ministry of State Security (North Korea)"), acronyms={"en": ["MSS", "SSD"]}),
    E("ministry-of-social-security", O, "Ministry of Social Security|Ministry of People's Security|Ministry of People's Safety", "사회안전성|인민보안성|인민보안부", "社会安全省|人民保安省", W("Ministry of Social Security (North Korea)"), acronyms={"en": ["MPS"]}),
    E("dprk-ministry-of-foreign-affairs", O, "Ministry of Foreign Affairs of North Korea|North Korean Foreign Ministry", "외무성", "朝鲜外务省|外务省", W("Ministry of Foreign Affairs (North Korea)")),
    E("korean-peoples-army", O, "Korean People's Army|Korean Peoples Army", "조선인민군|인민군", "朝鲜人民军", W("Korean People's Army"), acronyms={"en": ["KPA"]}),
    E("supreme-peoples-assembly", O, "Supreme People's Assembly", "최고인민회의", "最高人民会议", W("Supreme People's Assembly"), acronyms={"en": ["SPA"]}),
    E("cprf", O, "Committee for the Peaceful Reunification of the Fatherland", "조국평화통일위원회|조평통", "祖国和平统一委员会", W("Committee for the Peaceful Reunification of the Fatherland")),
    E("kcna", O, "Korean Central News Agency", "조선중앙통신|조선중앙통신사", "朝中社|朝鲜中央通讯社", W("Korean Central News Agency"), acronyms={"en": ["KCNA"]}),
    E("kctv", O, "Korean Central Television", "조선중앙텔레비전|조선중앙TV", "朝鲜中央电视台", W("Korean Central Television"), acronyms={"en": ["KCTV"]}),
    E("rodong-sinmun", O, "Rodong Sinmun|Rodong Shinmun|Nodong Sinmun", "노동신문|kp:로동신문", "劳动新闻", W("Rodong Sinmun")),
    E("minju-joson", O, "Minju Joson", "민주조선", "民主朝鲜", W("Minju Choson")),
    E("uriminzokkiri", O, "Uriminzokkiri|Uriminjokkiri", "우리민족끼리", "我们民族之间", W("Uriminzokkiri")),
    E("kim-il-sung-university", O, "Kim Il Sung University|Kim Il-sung University", "김일성종합대학", "金日成综合大学", W("Kim Il Sung University")),
    E("chongryon", O, "Chongryon|Chongryun|Chōsen Sōren|General Association of Korean Residents in Japan", "조총련|재일본조선인총련합회|총련", "朝鲜总联|在日本朝鲜人总联合会", W("Chongryon"), ja=["朝鮮総連", "在日本朝鮮人総聯合会"], ambiguous=["총련"], cues=["japan", "재일", "조선"]),
    E("koryo-tours", O, "Koryo Tours", "고려투어", "", W("Koryo Tours")),
    # --- countries and capitals whose curated aliases extend the generated ones
    E("north-korea", "country", "North Korea|Democratic People's Republic of Korea|N. Korea|N.Korea", "북한|북조선|조선민주주의인민공화국|kp:조선", "朝鲜|朝鲜民主主义人民共和国|北朝鲜|北韩", W("North Korea"), acronyms={"en": ["DPRK", "D.P.R.K."]}, ambiguous=["조선"], cues=["로동당", "인민", "평양", "김정은", "김일성"]),
    E("south-korea", "country", "South Korea|Republic of Korea|S. Korea", "한국|대한민국|남한|kp:남조선", "韩国|大韩民国|南韩", W("South Korea"), acronyms={"en": ["ROK"]}),
    E("pyongyang", C, "Pyongyang|P'yŏngyang|Pyeongyang", "평양", "平壤", W("Pyongyang"), admin_level=1, parent="north-korea"),
    E("seoul", C, "Seoul", "서울", "首尔|汉城", W("Seoul"), parent="south-korea"),
    E("beijing", C, "Beijing|Peking", "베이징|북경", "北京", W("Beijing"), parent="china"),
    E("geneva", C, "Geneva|Genève", "제네바", "日内瓦", W("Geneva"), parent="switzerland"),
    E("brussels", C, "Brussels|Bruxelles", "브뤼셀", "布鲁塞尔", W("Brussels"), parent="belgium"),
    E("washington-dc", C, "Washington, D.C.|Washington DC|Washington", "워싱턴", "华盛顿", W("Washington, D.C."), ambiguous=["Washington", "워싱턴", "华盛顿"], cues=["united-states", "north-korea", "pyongyang", "seoul", "beijing", "White House", "백악관", "白宫"]),
    # --- North Korean provinces, special cities, cities and counties
    E("south-pyongan", "province", "South Pyongan Province|South Pyongan|South P'yŏngan", "평안남도", "平安南道", W("South Pyongan Province"), admin_level=1, parent="north-korea"),
    E("north-pyongan", "province", "North Pyongan Province|North Pyongan|North P'yŏngan", "평안북도", "平安北道", W("North Pyongan Province"), admin_level=1, parent="north-korea"),
    E("chagang", "province", "Chagang Province|Chagang", "자강도", "慈江道", W("Chagang Province"), admin_level=1, parent="north-korea"),
    E("south-hwanghae", "province", "South Hwanghae Province|South Hwanghae", "황해남도", "黄海南道", W("South Hwanghae Province"), admin_level=1, parent="north-korea"),
    E("north-hwanghae", "province", "North Hwanghae Province|North Hwanghae", "황해북도", "黄海北道", W("North Hwanghae Province"), admin_level=1, parent="north-korea"),
    E("kangwon-nk", "province", "Kangwon Province (North Korea)|Kangwon Province", "강원도", "江原道", W("Kangwon Province (North Korea)"), admin_level=1, parent="north-korea", ambiguous=["Kangwon Province", "강원도", "江原道"], cues=["north-korea", "wonsan", "원산", "元山"]),
    E("south-hamgyong", "province", "South Hamgyong Province|South Hamgyong|South Hamgyŏng", "함경남도", "咸镜南道", W("South Hamgyong Province"), admin_level=1, parent="north-korea"),
    E("north-hamgyong", "province", "North Hamgyong Province|North Hamgyong|North Hamgyŏng", "함경북도", "咸镜北道", W("North Hamgyong Province"), admin_level=1, parent="north-korea"),
    E("ryanggang", "province", "Ryanggang Province|Ryanggang|Yanggang", "양강도|kp:량강도", "两江道", W("Ryanggang Province"), admin_level=1, parent="north-korea"),
    E("rason", C, "Rason|Rasŏn|Rason Special Economic Zone", "나선|kp:라선", "罗先", W("Rason"), admin_level=1, parent="north-korea"),
    E("nampo", C, "Nampo|Namp'o", "남포", "南浦", W("Nampo"), admin_level=1, parent="north-korea"),
    E("kaesong", C, "Kaesong|Kaesŏng", "개성", "开城", W("Kaesong"), parent="north-korea"),
    E("hamhung", C, "Hamhung|Hamhŭng", "함흥", "咸兴", W("Hamhung"), parent="south-hamgyong"),
    E("wonsan", C, "Wonsan|Wŏnsan", "원산", "元山", W("Wonsan"), parent="kangwon-nk"),
    E("sariwon", C, "Sariwon|Sariwŏn", "사리원", "沙里院", W("Sariwon"), parent="north-hwanghae"),
    E("kanggye", C, "Kanggye", "강계", "江界", W("Kanggye"), parent="chagang"),
    E("haeju", C, "Haeju", "해주", "海州", W("Haeju"), parent="south-hwanghae"),
    E("kimchaek", C, "Kimchaek|Kimch'aek", "김책", "金策", W("Kimchaek"), parent="north-hamgyong"),
    E("tanchon", C, "Tanchon|Tanch'ŏn", "단천", "端川", W("Tanchon"), parent="south-hamgyong"),
    E("manpo", C, "Manpo|Manp'o", "만포", "满浦", W("Manpo"), parent="chagang"),
    E("pyongsong", C, "Pyongsong|P'yŏngsŏng", "평성", "平城", W("Pyongsong"), parent="south-pyongan"),
    E("anju", C, "Anju", "안주", "安州", W("Anju, South Pyongan"), parent="south-pyongan"),
    E("songnim", C, "Songnim|Songrim", "송림", "松林", W("Songnim"), parent="north-hwanghae"),
    E("tokchon", C, "Tokchon|Tŏkch'ŏn", "덕천", "德川", W("Tokchon"), parent="south-pyongan"),
    E("kaechon", C, "Kaechon|Kaech'ŏn", "개천", "价川", W("Kaechon"), parent="south-pyongan"),
    E("chongjin", C, "Chongjin|Ch'ŏngjin", "청진", "清津", W("Chongjin"), parent="north-hamgyong"),
    E("hoeryong", C, "Hoeryong|Hoeryŏng", "회령", "会宁", W("Hoeryong"), parent="north-hamgyong"),
    E("musan", "county", "Musan County|Musan", "무산군|무산", "茂山郡|茂山", W("Musan County"), parent="north-hamgyong"),
    E("onsong", "county", "Onsong County|Onsong", "온성군|온성", "稳城郡", W("Onsong County"), parent="north-hamgyong"),
    E("hyesan", C, "Hyesan", "혜산", "惠山", W("Hyesan"), parent="ryanggang"),
    E("sinuiju", C, "Sinuiju|Sinŭiju", "신의주", "新义州", W("Sinuiju"), parent="north-pyongan"),
    E("sunchon", C, "Sunchon|Sunch'ŏn", "순천", "顺川", W("Sunchon"), parent="south-pyongan", ambiguous=["순천"], cues=["north-korea", "평안남도"]),
    E("yodok", "county", "Yodok County|Yodok|Yodŏk", "요덕군|요덕", "耀德郡|耀德", W("Yodok County"), parent="south-hamgyong", ambiguous=["Yodok", "Yodŏk", "요덕", "耀德"], cues=["north-korea", "camp", "prison", "kwalliso", "수용소", "관리소", "정치범", "集中营", "收容所"]),
    E("samjiyon", "county", "Samjiyon|Samjiyŏn", "삼지연", "三池渊", W("Samjiyon"), parent="ryanggang"),
    E("punggye-ri", L, "Punggye-ri|Punggye-ri Nuclear Test Site", "풍계리", "丰溪里", W("Punggye-ri Nuclear Test Site"), parent="north-hamgyong"),
    E("yongbyon", L, "Yongbyon|Yŏngbyŏn|Yongbyon Nuclear Scientific Research Center", "영변|kp:녕변", "宁边", W("Yongbyon Nuclear Scientific Research Center"), parent="north-pyongan"),
    E("sohae", L, "Sohae Satellite Launching Station|Sohae", "서해위성발사장", "西海卫星发射场", W("Sohae Satellite Launching Station"), parent="north-pyongan"),
    E("panmunjom", L, "Panmunjom|Panmunjeom|P'anmunjŏm", "판문점", "板门店", W("Panmunjom")),
    E("dmz", L, "Korean Demilitarized Zone|Demilitarized Zone", "비무장지대|비무장 지대", "朝韩非军事区|非军事区", W("Korean Demilitarized Zone"), acronyms={"en": ["DMZ"]}),
    E("kaesong-industrial-region", L, "Kaesong Industrial Region|Kaesong Industrial Complex", "개성공단|개성공업지구", "开城工业园区", W("Kaesong Industrial Region")),
    E("mount-paektu", L, "Mount Paektu|Paektu Mountain|Mount Baekdu|Changbai Mountain", "백두산", "白头山|长白山", W("Paektu Mountain")),
    E("mount-kumgang", L, "Mount Kumgang|Kumgangsan|Mount Geumgang", "금강산", "金刚山", W("Kumgangsan")),
    E("kim-il-sung-square", L, "Kim Il Sung Square|Kim Il-sung Square", "김일성광장", "金日成广场", W("Kim Il Sung Square"), parent="pyongyang"),
    E("kumsusan-palace", L, "Kumsusan Palace of the Sun|Kumsusan Memorial Palace", "금수산태양궁전", "锦绣山太阳宫", W("Kumsusan Palace of the Sun"), parent="pyongyang"),
    E("ryugyong-hotel", L, "Ryugyong Hotel", "류경호텔|유경호텔", "柳京饭店", W("Ryugyong Hotel"), parent="pyongyang"),
    E("tumen-river", L, "Tumen River|Tuman River", "두만강", "图们江", W("Tumen River")),
    E("yalu-river", L, "Yalu River|Amnok River", "압록강", "鸭绿江", W("Yalu River")),
    E("korean-peninsula", L, "Korean Peninsula", "한반도|kp:조선반도", "朝鲜半岛", W("Korean Peninsula")),
    # --- Chinese and Russian border regions
    E("dandong", C, "Dandong", "단둥|단동", "丹东", W("Dandong"), parent="liaoning", country="china"),
    E("shenyang", C, "Shenyang|Mukden", "선양|심양", "沈阳", W("Shenyang"), parent="liaoning", country="china"),
    E("yanji", C, "Yanji", "옌지|연길", "延吉", W("Yanji"), parent="yanbian", country="china"),
    E("tumen-city", C, "Tumen City", "투먼|도문", "图们市|图们", W("Tumen, Jilin"), parent="yanbian", country="china"),
    E("hunchun", C, "Hunchun", "훈춘", "珲春", W("Hunchun"), parent="yanbian", country="china"),
    E("longjing", C, "Longjing", "룽징|용정", "龙井", W("Longjing"), parent="yanbian", country="china"),
    E("helong", C, "Helong", "허룽|화룡", "和龙", W("Helong"), parent="yanbian", country="china"),
    E("changbai", "county", "Changbai County|Changbai Korean Autonomous County", "창바이|장백", "长白朝鲜族自治县|长白县", W("Changbai Korean Autonomous County"), parent="jilin", country="china"),
    E("jian", C, "Ji'an", "지안|집안", "集安", W("Ji'an, Jilin"), parent="jilin", country="china"),
    E("linjiang", C, "Linjiang", "린장|임강", "临江", W("Linjiang"), parent="jilin", country="china"),
    E("yanbian", "province", "Yanbian Korean Autonomous Prefecture|Yanbian", "옌볜 조선족 자치주|옌볜|연변", "延边朝鲜族自治州|延边", W("Yanbian Korean Autonomous Prefecture"), parent="jilin", country="china"),
    E("jilin", "province", "Jilin Province|Jilin", "지린성|길림성", "吉林省", W("Jilin"), admin_level=1, country="china"),
    E("liaoning", "province", "Liaoning Province|Liaoning", "랴오닝성|요녕성|랴오닝", "辽宁省|辽宁", W("Liaoning"), admin_level=1, country="china"),
    E("hangzhou", C, "Hangzhou", "항저우", "杭州", W("Hangzhou"), country="china"),
    E("jinhua", C, "Jinhua", "진화", "金华", W("Jinhua"), country="china"),
    E("khasan", L, "Khasan", "하산", "哈桑", W("Khasan (urban-type settlement)"), country="russia", ambiguous=["하산", "Khasan"], cues=["russia", "north-korea", "rason", "tumen-river"]),
    # --- prison camps
    E("camp-14", "camp", "Camp 14|Kaechon internment camp|Kaechon camp|Kwalliso No. 14|Kwalliso 14", "개천 관리소|14호 관리소|개천 14호 관리소|14호관리소", "价川集中营|第14号政治犯收容所", W("Kaechon internment camp"), camp_kind="kwalliso", number=14, parent="kaechon"),
    E("camp-15", "camp", "Camp 15|Yodok camp|Yodok concentration camp|Kwalliso No. 15|Kwalliso 15", "요덕 수용소|요덕수용소|요덕 관리소|15호 관리소|15호관리소", "耀德集中营|耀德政治犯收容所|第15号管理所", W("Yodok concentration camp"), camp_kind="kwalliso", number=15, parent="yodok"),
    E("camp-16", "camp", "Camp 16|Hwasong concentration camp|Hwasong camp|Kwalliso No. 16|Kwalliso 16", "화성 관리소|16호 관리소|16호관리소", "花城集中营", W("Hwasong concentration camp"), camp_kind="kwalliso", number=16),
    E("camp-18", "camp", "Camp 18|Pukchang camp|Pukchang internment camp|Kwalliso No. 18", "북창 관리소|18호 관리소|18호관리소", "北仓集中营", W("Pukchang internment camp"), camp_kind="kwalliso", number=18),
    E("camp-22", "camp", "Camp 22|Hoeryong concentration camp|Haengyong camp|Kwalliso No. 22", "회령 관리소|22호 관리소|22호관리소", "会宁集中营", W("Hoeryong concentration camp"), camp_kind="kwalliso", number=22, parent="hoeryong"),
    E("camp-25", "camp", "Camp 25|Chongjin political prison|Chongjin concentration camp|Kwalliso No. 25", "25호 관리소|청진 25호 관리소|25호관리소", "清津集中营", W("Chongjin concentration camp"), camp_kind="kwalliso", number=25, parent="chongjin"),
    E("chongori-kyohwaso", "camp", "Chongori re-education camp|Chongori prison camp|Chongori|Kyohwaso No. 12", "전거리 교화소|전거리교화소|12호 교화소", "", W("Chongori concentration camp"), camp_kind="kyohwaso", number=12),
    E("kaechon-kyohwaso", "camp", "Kaechon re-education camp|Kaechon prison camp|Kyohwaso No. 1", "개천 교화소|개천교화소|1호 교화소", "", W("Kaechon concentration camp"), camp_kind="kyohwaso", number=1, parent="kaechon"),
    # --- groups
    E("korean-chinese", "group", "Korean Chinese|Chaoxianzu|Joseonjok|Chosŏnjok", "조선족|중국 동포", "朝鲜族", W("Koreans in China")),
    E("zainichi-koreans", "group", "Zainichi Koreans|Koreans in Japan", "재일 조선인|재일동포|재일 한국인", "在日朝鲜人|在日韩国人", W("Zainichi Koreans"), ja=["在日韓国・朝鮮人"]),
]
