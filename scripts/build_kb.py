"""Build ``src/nkcorpus/entities/data/kb.jsonl``, the nkcorpus knowledge base.

Sources, each recorded in the ``source`` of the entities taken from it:

- the hand-curated list of the field's entities in ``scripts/kb_curated.py``
  and ``scripts/kb_curated_more.py`` (each with the Wikipedia article or organisation page its names come from);
- country names in English, Korean, Simplified and Traditional Chinese and
  Japanese from Unicode CLDR (read through Babel's copy of the CLDR data);
- official country names from mledoze/countries (``countries.json``);
- Wikidata QIDs of countries from dr5hn/countries-states-cities-database
  (``contributions/countries/countries.json``);
- world regions and continents from CLDR's numeric territories;
- city names in the same languages from CLDR's time-zone exemplar cities;
- South Korean cities and districts with their QIDs from dr5hn
  (``contributions/cities/KR.json``), where the Korean and English names agree.

Usage (the two repositories checked out or mirrored locally)::

    python scripts/build_kb.py --countries PATH/countries.json \
        --dr5hn PATH/contributions/countries/countries.json \
        --kr-cities PATH/contributions/cities/KR.json

An alias that two entities would share is kept by the first (curated entries
come first) and dropped from the later one; the build prints how many.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

sys.path.insert(0, str(Path(__file__).parent.parent / "src"))

import kb_curated  # noqa: E402
import kb_curated_more  # noqa: E402
from babel import Locale  # noqa: E402
from babel.core import get_cldr_version, get_global  # noqa: E402

from nkcorpus.entities.gazetteer import alias_keys  # noqa: E402

VERSION = 1
OUT = Path(__file__).parent.parent / "src" / "nkcorpus" / "entities" / "data" / "kb.jsonl"
MLEDOZE = "https://github.com/mledoze/countries/blob/{commit}/countries.json"
DR5HN = (
    "https://github.com/dr5hn/countries-states-cities-database/blob/{commit}/"
    "contributions/countries/countries.json"
)
CLDR = "https://github.com/unicode-org/cldr/tree/release-{version}/common/main"
WIKIDATA = "https://www.wikidata.org/wiki/{qid}"
LOCALES = {"en": "en", "ko": "ko", "zh-Hans": "zh", "zh-Hant": "zh_Hant", "ja": "ja"}

#: English names that are also common words or personal names: they need a second cue.
AMBIGUOUS_EN = {
    "Chad", "Georgia", "Jordan", "Turkey", "Jersey", "Israel", "Guinea", "Niger", "Victoria",
    "Regina", "Phoenix", "Dominica", "Eucla", "Mayotte", "Chatham", "Casey", "Davis", "Mawson",
    "Troll", "Vostok", "Palmer", "Macquarie", "Wake", "Midway", "Johnston", "Danmarkshavn",
    "Moncton", "Matamoros", "Nome", "Sitka", "Juneau", "Merida", "Cordoba", "Santiago", "Barnaul",
    "Indianapolis", "Louisville", "Knox", "Vevay", "Marengo", "Tell City", "Petersburg",
    "Vincennes", "Winamac", "Monticello", "Center", "New Salem", "Beulah", "Boise", "Denver",
    "Detroit", "Chicago", "Menominee", "Adak", "Metlakatla", "Yakutat", "Anchorage", "Guernsey",
    "Man", "Reunion", "Martinique", "Guadeloupe", "Aruba", "Curaçao", "Panama", "Mexico",
    "Kingston", "Nassau", "Hamilton", "Stanley", "Norfolk", "Easter", "Christmas", "Cocos",
}


#: Korean names of CLDR cities that are also everyday words or names (치타 "cheetah";
#: 산티아고 a Spanish given name, as Santiago is in English; 다카 begins Japanese given
#: names, 다카시 Takashi; 놈 "fellow"; 리가 reads as 이가 "the one who" in South Korean
#: spelling; 크리스마스 "Christmas"): they need a second cue, the city's country.
AMBIGUOUS_KO_CITIES = {"치타", "산티아고", "다카", "놈", "리가", "크리스마스"}

#: Korean names of countries that are also everyday words (수단 "means"), with the
#: cues that confirm them.
AMBIGUOUS_KO_COUNTRIES = {"수단": ["khartoum", "아프리카"]}


#: Chinese pairs of 中 (China) and a country or continent (美 the US, 非 Africa...): a
#: region's two-character Chinese name that is one of them is read as the pair.
BILATERAL_ZH = {"中" + c for c in "美非日韩韓朝俄英法德欧歐印"}


def slug(name: str) -> str:
    """A readable id from an English name."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    text = text.lower().replace("&", "and").replace("’", "").replace("'", "")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def _clean(name: str) -> str:
    return re.sub(r"\s*[（(].*?[）)]\s*", "", name).strip()


def countries(mledoze: Path, dr5hn: Path, commits: dict[str, str]) -> list[dict[str, Any]]:
    """Country entities from CLDR, mledoze/countries and dr5hn QIDs."""
    cldr = CLDR.format(version=get_cldr_version().split(".")[0])
    data = {c["cca2"]: c for c in json.loads(mledoze.read_text(encoding="utf-8"))}
    qids = {
        c["iso2"]: c.get("wikiDataId")
        for c in json.loads(dr5hn.read_text(encoding="utf-8"))
        if c.get("iso2")
    }
    locales = {lang: Locale.parse(code) for lang, code in LOCALES.items()}
    china = {  # the names of the People's Republic, in each language
        lang: {_clean(locale.territories["CN"]), "中华人民共和国", "中華人民共和国", "中華人民共和國"}
        for lang, locale in locales.items()
    }
    out = []
    for code, country in sorted(data.items()):
        aliases: dict[str, list[str]] = {}
        for lang, locale in locales.items():
            name = locale.territories.get(code)
            if name and lang.startswith(("zh", "ja")) and _clean(name) not in china[lang]:
                # CLDR's Chinese and Japanese name of a Chinese special administrative
                # region runs the country's name and its own together (中国香港特别行政区);
                # Chinese text and its NER sets read two names there: left out (the
                # curated list gives 香港特别行政区).
                if any(_clean(name).startswith(n) for n in china[lang]):
                    continue
            if name:
                aliases.setdefault(lang, []).append(_clean(name))
        aliases["en"] = [*aliases.get("en", []), country["name"]["common"]]
        if country.get("independent"):  # a territory's official name holds its country's
            aliases["en"].append(country["name"]["official"])
            for lang, key in (("ko", "kor"), ("zh-Hans", "zho"), ("ja", "jpn")):
                translation = country.get("translations", {}).get(key)
                if translation:
                    aliases.setdefault(lang, []).append(translation["official"])
        aliases = {k: list(dict.fromkeys(v)) for k, v in aliases.items()}
        qid = qids.get(code) or None
        source = [cldr, MLEDOZE.format(commit=commits["mledoze"])]
        if qid:
            source.insert(0, WIKIDATA.format(qid=qid))
        entity: dict[str, Any] = {
            "id": slug(country["name"]["common"]),
            "wikidata": qid,
            "type": "country",
            "aliases": aliases,
            "iso": code,
            "source": source,
        }
        ambiguous = [n for n in aliases.get("ko", []) if n in AMBIGUOUS_KO_COUNTRIES]
        if ambiguous:
            entity["ambiguous"] = ambiguous
            entity["cues"] = [c for n in ambiguous for c in AMBIGUOUS_KO_COUNTRIES[n]]
        out.append(entity)
    return out


def regions() -> list[dict[str, Any]]:
    """World regions and continents (CLDR's numeric territories), but for the world itself
    and Middle Africa, whose Chinese name 中非 also means "China-Africa"."""
    cldr = CLDR.format(version=get_cldr_version().split(".")[0])
    locales = {lang: Locale.parse(code) for lang, code in LOCALES.items()}
    out = []
    for code in sorted(c for c in locales["en"].territories if c.isdigit()):
        if code in ("001", "017"):
            continue
        aliases = {
            lang: [_clean(locale.territories[code])]
            for lang, locale in locales.items()
            if locale.territories.get(code)
        }
        # 中 and the one-character name of a country or continent reads as the pair
        # "China and X" (中美 "China and the US", not Central America): left out
        aliases = {
            lang: names
            for lang, names in aliases.items()
            if not (lang.startswith("zh") and names[0] in BILATERAL_ZH)
        }
        out.append(
            {
                "id": slug(aliases["en"][0]),
                "wikidata": None,
                "type": "place",
                "aliases": aliases,
                "un_m49": code,
                "source": [cldr],
            }
        )
    return out


def cities() -> list[dict[str, Any]]:
    """City entities from CLDR's time-zone exemplar cities."""
    cldr = CLDR.format(version=get_cldr_version().split(".")[0])
    territories = get_global("zone_territories")
    locales = {lang: Locale.parse(code) for lang, code in LOCALES.items()}
    english_countries = Locale.parse("en").territories
    out = []
    for zone in sorted(locales["ko"].time_zones):
        if not zone.count("/") or zone.startswith(("Etc/", "Antarctica/")):
            continue
        aliases: dict[str, list[str]] = {}
        for lang, locale in locales.items():
            info = locale.time_zones.get(zone)
            city = info.get("city") if info else None
            if lang == "en" and not city:
                city = zone.rsplit("/", 1)[1].replace("_", " ")
            if city:
                aliases[lang] = [_clean(city)]
        if len({k.split("-")[0] for k in aliases}) < 3:
            continue
        territory = territories.get(zone)
        entity: dict[str, Any] = {
            "id": slug(aliases["en"][0]),
            "wikidata": None,
            "type": "city",
            "aliases": aliases,
            "country": slug(english_countries.get(territory, "")) if territory else None,
            "time_zone": zone,
            "source": [cldr],
        }
        ambiguous = [aliases["en"][0]] if aliases["en"][0] in AMBIGUOUS_EN else []
        ambiguous += [n for n in aliases.get("ko", []) if n in AMBIGUOUS_KO_CITIES]
        if ambiguous:
            entity["ambiguous"] = ambiguous
            if entity["country"] and any(n in AMBIGUOUS_KO_CITIES for n in ambiguous):
                entity["cues"] = [entity["country"]]
        out.append(entity)
    return out


_INITIALS = "g kk n d tt r m b pp s ss - j jj ch k t p h".split()
_VOWELS = "a ae ya yae eo e yeo ye o wa wae oe yo u wo we wi yu eu ui i".split()
_FINALS = [""] + "k k k n n n t l k m l l l l l m p p t t ng t t k t p t".split()


def romanize(hangul: str) -> str:
    """Revised Romanization of Hangul syllables, letter by letter (no sound changes)."""
    out = []
    for char in hangul:
        code = ord(char) - 0xAC00
        if not 0 <= code < 11172:
            return ""
        initial = _INITIALS[code // 588]
        out.append(("" if initial == "-" else initial) + _VOWELS[code % 588 // 28] + _FINALS[code % 28])
    return "".join(out)


_SUFFIXES = {"-si": "시", "-gun": "군", "-gu": "구"}
METROPOLITAN = ["seoul", "busan-kr", "daegu-kr", "incheon-kr", "gwangju-kr", "daejeon-kr", "ulsan-kr"]

#: Korean place names that are also everyday words or names (영광 "glory", 공주
#: "princess", 세종 the king): they need a second cue.
AMBIGUOUS_KO = {
    "영광", "화원", "공주", "진주", "세종", "전주", "상주", "양산", "대전", "광주", "고성", "구미",
    "보성", "사천", "태안", "부안", "정선", "단양", "청도", "영주", "의성", "신현", "중앙", "동해",
    "서해", "남해", "광양", "무안", "예산", "제주", "강서", "강남", "강북", "성북", "동작", "중랑",
    "금천", "남동", "북구", "수영", "연수", "계양", "부평", "서초", "송파", "마포", "용산", "종로",
    # everyday words: 기장 "captain", 강진 "strong earthquake", 여주 "heroine", 연일
    # "day after day", 고양(이) "cat", 진도 "progress", 음성 "voice", 화성 "Mars",
    # 이천 "two thousand", 경주 "race",
    # 구리 "copper", 보은 "repaying", 고령 "old age", 양주 "liquor", 장수 "long life",
    # 장성 "general", 부여 "granting", 거창 "grand", 신안 "new plan", 성주 "lord",
    # 광명 "light", 봉화 "beacon", 영동 (a region), 고창 "singing aloud", 함양 "cultivation"
    "기장", "강진", "여주", "연일", "고양", "진도", "음성", "화성", "구리", "보은", "고령", "양주",
    "장수", "장성", "부여", "거창", "신안", "성주", "광명", "봉화", "영동", "고창", "함양",
    "이천", "경주",
}


def korean_cities(path: Path, commit: str) -> list[dict[str, Any]]:
    """South Korean cities and districts from dr5hn, kept when the Korean name romanizes to the English one.

    The English name must be the Revised Romanization of the Korean name (so a
    pair that does not agree is left out); a Chinese name is kept only when it
    has one character per Korean syllable, as Hanja names do.
    """
    source = (
        "https://github.com/dr5hn/countries-states-cities-database/blob/"
        f"{commit}/contributions/cities/KR.json"
    )
    out = []
    for city in json.loads(path.read_text(encoding="utf-8")):
        english, korean, qid = city["name"], city.get("native") or "", city.get("wikiDataId")
        chinese = (city.get("translations") or {}).get("zh-CN", "")
        short_en, short_ko = english, korean
        for suffix, hangul in _SUFFIXES.items():
            if english.endswith(suffix) and korean.endswith(hangul):
                short_en, short_ko = english[: -len(suffix)], korean[: -len(hangul)]
        if len(short_ko) < 2 or romanize(short_ko) != short_en.lower().replace("-", ""):
            continue
        aliases: dict[str, list[str]] = {"en": list(dict.fromkeys([english, short_en]))}
        aliases["ko"] = list(dict.fromkeys([korean, short_ko]))
        if len(chinese) == len(korean) and all("\u4e00" <= c <= "\u9fff" for c in chinese):
            aliases["zh-Hans"] = [chinese]
        entity: dict[str, Any] = {
            "id": slug(short_en) + "-kr",
            "wikidata": qid if qid and re.fullmatch(r"Q[1-9][0-9]*", qid) else None,
            "type": "county" if english.endswith(("-gun", "-gu")) else "city",
            "aliases": aliases,
            "country": "south-korea",
            "source": ([WIKIDATA.format(qid=qid)] if qid else []) + [source],
        }
        if short_ko in AMBIGUOUS_KO or english.endswith("-gu"):
            # an everyday word, or a district name several cities share: only
            # with its full form (강남구) or, for a district, its city nearby
            entity["ambiguous"] = [short_ko, short_en]
            cues = [n for n in (korean, english) if n not in (short_ko, short_en)]
            entity["cues"] = cues + (METROPOLITAN if english.endswith("-gu") else [])
        out.append(entity)
    return out


def curated() -> list[dict[str, Any]]:
    """The hand-curated entities, in the knowledge-base layout."""
    out = []
    for raw in kb_curated.ENTITIES + kb_curated_more.ENTITIES:
        entity = dict(raw)
        aliases = {k: list(v) for k, v in entity["aliases"].items()}
        if "ja" in entity:
            aliases["ja"] = entity.pop("ja")
        entity["aliases"] = aliases
        entity.setdefault("wikidata", None)
        out.append(entity)
    return out


def _key(name: str) -> str:
    return " ".join(name.lower().split())


def merge(groups: list[list[dict[str, Any]]]) -> tuple[list[dict[str, Any]], int]:
    """Merge entities by id (the first keeps its fields) and drop aliases already taken."""
    by_id: dict[str, dict[str, Any]] = {}
    for group in groups:
        for entity in group:
            old = by_id.get(entity["id"])
            if old is None:
                by_id[entity["id"]] = entity
                continue
            for lang, names in entity["aliases"].items():
                old["aliases"][lang] = list(dict.fromkeys(old["aliases"].get(lang, []) + names))
            old["wikidata"] = old.get("wikidata") or entity.get("wikidata")
            old["source"] = list(dict.fromkeys(old["source"] + entity["source"]))
            for field in ("ambiguous",):  # a name ambiguous in one source stays so
                if field in entity:
                    old[field] = list(dict.fromkeys(old.get(field, []) + entity[field]))
            for field, value in entity.items():
                old.setdefault(field, value)
    owner: dict[str, str] = {}
    dropped = 0
    for entity in by_id.values():
        for field in ("aliases", "acronyms"):
            for lang, names in list(entity.get(field, {}).items()):
                kept = []
                for name in names:
                    keys = {name} if field == "acronyms" else alias_keys(name)
                    if all(owner.setdefault(k, entity["id"]) == entity["id"] for k in keys):
                        kept.append(name)
                    else:
                        dropped += 1
                entity[field][lang] = kept
            entity[field] = {k: v for k, v in entity.get(field, {}).items() if v}
        if not entity.get("acronyms"):
            entity.pop("acronyms", None)
        if "ambiguous" in entity:
            names = {_key(n) for v in entity["aliases"].values() for n in v}
            entity["ambiguous"] = [a for a in entity["ambiguous"] if _key(a) in names]
    out = []
    for entity in by_id.values():
        if "en" not in entity["aliases"]:
            continue  # its English name is taken by an entity listed earlier
        present = {lang.split("-")[0] for lang in entity["aliases"]}
        present |= {lang.split("-")[0] for lang in entity.get("acronyms", {})}
        missing = {k: v for k, v in entity.get("missing", {}).items() if k not in present}
        for lang in ("en", "ko", "zh"):
            if lang not in present and lang not in missing:
                missing[lang] = "no name in this language in the sources"
        entity.pop("missing", None)
        if missing:
            entity["missing"] = missing
        out.append(entity)
    return out, dropped


def order(entity: dict[str, Any]) -> dict[str, Any]:
    """The entity's fields in the documented order."""
    first = ["id", "wikidata", "type", "aliases", "acronyms", "ambiguous", "cues"]
    last = ["missing", "source"]
    keys = [k for k in first if k in entity]
    keys += [k for k in entity if k not in first and k not in last]
    keys += [k for k in last if k in entity]
    return {k: entity[k] for k in keys if entity[k] is not None}


def main() -> None:
    """Build the knowledge base file."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--countries", type=Path, required=True, help="mledoze countries.json")
    parser.add_argument("--countries-commit", default="HEAD")
    parser.add_argument("--dr5hn", type=Path, required=True, help="dr5hn countries.json")
    parser.add_argument("--dr5hn-commit", default="HEAD")
    parser.add_argument("--kr-cities", type=Path, required=True, help="dr5hn cities/KR.json")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    commits = {"mledoze": args.countries_commit, "dr5hn": args.dr5hn_commit}
    entities, dropped = merge(
        [
            curated(),
            countries(args.countries, args.dr5hn, commits),
            regions(),
            cities(),
            korean_cities(args.kr_cities, commits["dr5hn"]),
        ]
    )
    header = (
        f"# nkcorpus knowledge base, version {VERSION}: {len(entities)} entities, built by "
        f"scripts/build_kb.py from the sources named in each entity (CLDR {get_cldr_version()})"
    )
    lines = [header] + [json.dumps(order(e), ensure_ascii=False) for e in entities]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(entities)} entities, {dropped} aliases dropped as taken by another entity")


if __name__ == "__main__":
    main()
