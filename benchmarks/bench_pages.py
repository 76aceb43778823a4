"""Real web pages: article text and metadata against trafilatura, and pages per second.

Run: ``python -m benchmarks.bench_pages``. The pages are ``tests/cases/pages``
(public test pages of trafilatura, htmldate, mozilla/readability, the ScrapingHub
article-extraction benchmark, goose3, newspaper4k, GeneralNewsExtractor, twnews,
postlight/parser, fundus, taiwanese_news_parser, somanews-crawler and the Chinese Web
Content Extraction Dataset, and plain-text scrapes of Korean and Chinese pages, each with
its source and licence; see its README).
For each page and each split the run reports, for nkcorpus and for trafilatura 2 in
the same run:

* body F1: 4-gram shingle F1 against the gold body, where the page has one
  (words for Latin script, characters for CJK);
* snippets: the share of "must appear" snippets found plus "must not appear"
  snippets absent, trafilatura's own evaluation style;
* title, date and author accuracy, per language.

The splits: ``held-out`` (pages set aside before any tuning on them, never
read one by one), ``tuned`` and ``former-held-out`` (an earlier held-out third,
now development pages); ``dev`` is the two development splits together. The Chinese
Web Content Extraction Dataset's pages (``fresh-cwce-*``) are scored apart, as
``cwce-held-out`` and ``cwce-tuned``, and so are the English pages from mozilla/readability's
test pages (``fresh-rd-*``), as ``rd-held-out`` and ``rd-tuned``; neither is in the other
groups.

Both are scored on the HTML pages; nkcorpus alone is also scored on every
format (the markdown cases too).

Article bodies are also scored on the 181 pages of the article-extraction benchmark
(``benchmarks/data/article-extraction``) with that benchmark's own measure
(:mod:`benchmarks.article_benchmark`), nkcorpus against ``trafilatura.extract``, on all
of them and on the 166 that are not in the case corpus. Their scrapes, as three
scrapers wrote them (html2text's and mdka's markdown, inscriptis's plain text, stored
by that benchmark), are read back too (:func:`scrape_benchmark`): on the pages that are
in the case corpus in no form, how often the title, date and writers read from the
scrape are those read from the page's HTML, and the body F1 of the article read from the
scrape against ``trafilatura.extract`` on the scrape rendered as HTML and against the
scrape left as it is. Those pages are split in two by their id: the pages whose id ends
in an even hexadecimal digit may be looked at to tune the reading of scrapes, the others
(``held_out``) are not.

Titles, dates and writers are also scored on the 111 English news pages of
``benchmarks/data/postlight-pages`` (Mercury's test fixtures, none in the case corpus), in
two halves by the SHA-1 of the page's name: ``tuning`` (looked at) and ``held-out``
(never), nkcorpus against trafilatura's metadata (:func:`postlight_benchmark`), as
published and as Mercury stores them (their ``meta`` elements unread). And on the 80 Korean
and Chinese news pages of 2023 of ``benchmarks/data/ko-zh-news`` (Korean broadcasters and
dailies, Hong Kong outlets, BBC Chinese; none in the case corpus, none ever tuned on), each
with the record that a crawler's parser for its site made of it (:func:`ko_zh_benchmark`),
and on the same pages as two scrapers wrote them, split by site into a half looked at to
tune the reading of scrapes and one held out (:func:`ko_zh_scrape_benchmark`);
and the same way on 54 English news pages of 2023 of ``benchmarks/data/en-news`` (13 sites,
split by site into a half looked at and one held out: :func:`en_news_benchmark`).

Speed: the whole cleaning stage (:func:`~nkcorpus.cleaning.cleaner.clean_text`
on the decoded page) against ``trafilatura.extract`` alone with its defaults (the goal),
against trafilatura's fast extraction alone (the ceiling: the clean stage runs it on every
page), and against ``trafilatura.extract`` with its metadata (``with_metadata=True``: the
same job, text with title, date and authors, as the clean stage always gives).
"""

from __future__ import annotations

import datetime
import gzip
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs

from benchmarks.harness import Comparison, compare, format_table, quick, save

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "cases" / "pages"

_TOKEN = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7a3\uf900-\ufaff]|[^\W_]+")


def load_cases() -> list[dict[str, Any]]:
    """Every case: its expectations, with ``raw`` (the decoded page) and ``id`` added."""
    from nkcorpus.cleaning.decode import decode

    cases = []
    for path in sorted(CASES.glob("*.json")):
        case = json.loads(path.read_text(encoding="utf-8"))
        data = gzip.decompress((CASES / case["file"]).read_bytes())
        case["raw"] = decode(data).text
        case["id"] = path.stem
        cases.append(case)
    return cases


def shingle_f1(text: str, gold: str, n: int = 4) -> float:
    """F1 of the ``n``-gram shingles (as multisets) of ``text`` against ``gold``."""

    def shingles(value: str) -> Counter[tuple[str, ...]]:
        tokens = _TOKEN.findall(unicodedata.normalize("NFKC", value).casefold())
        return Counter(tuple(tokens[i : i + n]) for i in range(max(0, len(tokens) - n + 1)))

    got, want = shingles(text), shingles(gold)
    common = sum((got & want).values())
    if not common:
        return 0.0
    precision, recall = common / sum(got.values()), common / sum(want.values())
    return 2 * precision * recall / (precision + recall)


def _norm(value: str) -> str:
    value = unicodedata.normalize("NFKC", value).casefold()
    return " ".join(re.sub(r"[\s\"'“”‘’.,:;!?]+", " ", value).split())


def _names(authors: Any) -> set[str]:
    """Names as a set, a list written in one string (``"A, B and C"``) split up."""
    return {
        _norm(part)
        for author in authors
        for part in re.split(r"\s*(?:[,;&]|\band\b)\s*", author)
        if part.strip()
    }


def snippet_score(text: str, case: dict[str, Any]) -> tuple[int, int]:
    """How many snippets are right (found or absent as they should be), out of how many."""
    norm = _norm(text)
    right = sum(1 for s in case["with"] if _norm(s) in norm)
    right += sum(1 for s in case["without"] if _norm(s) not in norm)
    return right, len(case["with"]) + len(case["without"])


def field_right(field: str, got: Any, want: Any) -> bool:
    """Whether an extracted ``title``, ``published`` date or ``authors`` matches the gold one.

    Dates match on their day; where both are moments with a zone, on the day in UTC (a
    page's ``10:01 pm PST, Tuesday, November 19`` is ``2019-11-20T06:01Z``).

    >>> field_right("published", "2019-11-19T22:01-08:00", "2019-11-20T05:57:50+00:00")
    True
    >>> field_right("published", "2019-11-19", "2019-11-20T05:57:50+00:00")
    False
    """
    if field == "published":
        if not got:
            return False
        days = _utc_day(str(got)), _utc_day(str(want))
        if None in days:
            return str(got)[:10] == str(want)[:10]
        return days[0] == days[1]
    if field == "authors":
        return _names(got or ()) == _names(want)
    return bool(got) and _norm(got) == _norm(want)


def _utc_day(value: str) -> str | None:
    """The day in UTC of an ISO 8601 moment with a zone; ``None`` for any other value."""
    try:
        moment = datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None or len(value) <= 10:
        return None
    return moment.astimezone(datetime.UTC).date().isoformat()


def nkcorpus_result(raw: str) -> dict[str, Any]:
    """nkcorpus's body text and metadata for one page."""
    from nkcorpus.cleaning.cleaner import clean_text

    cleaned = clean_text(raw)
    meta = dict(cleaned.metadata)
    return {
        "text": cleaned.text,
        "title": meta.get("title"),
        "published": meta.get("published"),
        "authors": tuple(meta.get("authors", ())),
    }


def trafilatura_result(raw: str) -> dict[str, Any]:
    """trafilatura's body text and metadata for one page, with its defaults."""
    import trafilatura

    found = trafilatura.bare_extraction(raw, with_metadata=True, include_comments=False)
    if found is None:
        return {"text": "", "title": None, "published": None, "authors": ()}
    authors = tuple(a.strip() for a in (found.author or "").split(";") if a.strip())
    return {
        "text": found.text or "",
        "title": found.title,
        "published": found.date,
        "authors": authors,
    }


#: Case sets scored on their own, by name prefix: the group name they are reported under.
SETS = {"fresh-cwce-": "cwce", "fresh-rd-": "rd"}


def _groups(case: dict[str, Any]) -> tuple[str, ...]:
    """The groups a case is scored in: all, its split, its language and (if not held out) dev.

    A case of one of the :data:`SETS` is scored in that set alone (``"cwce"`` and, by split,
    ``"cwce-held-out"`` and ``"cwce-tuned"``; ``"rd"``, ``"rd-held-out"``, ``"rd-tuned"``), so
    the corpus's own figures stay comparable.
    """
    for prefix, name in SETS.items():
        if case["id"].startswith(prefix):
            return (name, f"{name}-{case['split']}")
    dev = ("dev",) if case["split"] != "held-out" else ()
    return ("all", case["split"], case["language"], *dev)


def score(cases: list[dict[str, Any]], extract: Any) -> dict[str, dict[str, float]]:
    """Scores by group (``"all"``, each split, each language): body F1, snippets, fields."""
    sums: dict[str, Counter[str]] = {}
    for case in cases:
        got = extract(case["raw"])
        for group in _groups(case):
            s = sums.setdefault(group, Counter())
            if case.get("body"):
                s["f1"] += shingle_f1(got["text"], case["body"])
                s["f1_n"] += 1
            right, total = snippet_score(got["text"], case)
            s["snip"] += right
            s["snip_n"] += total
            for field in ("title", "published", "authors"):
                if case.get(field):
                    s[field] += field_right(field, got[field], case[field])
                    s[f"{field}_n"] += 1
    out = {}
    for group, s in sums.items():
        out[group] = {
            key: round(s[key] / s[f"{key}_n"], 3)
            for key in ("f1", "snip", "title", "published", "authors")
            if s[f"{key}_n"]
        } | {"pages": sum(1 for c in cases if group in _groups(c))}
    return out


#: A ``meta`` element, and a JSON-LD script: what :func:`undeclared` takes out of a page.
_META_ELEMENT = re.compile(r"<meta\b[^>]*>", re.IGNORECASE)
_JSON_LD = re.compile(
    r"<script[^>]*application/ld\+json[^>]*>.*?</script>", re.IGNORECASE | re.DOTALL
)


def undeclared(page: str) -> str:
    """``page`` without its ``meta`` elements and JSON-LD scripts: what its title, date and
    writers are read from when its markup declares none (the visible headline, dateline
    and byline, the ``title`` and ``time`` elements).

    >>> undeclared('<head><meta name="author" content="Kim"><title>T</title></head>')
    '<head><title>T</title></head>'
    """
    return _JSON_LD.sub("", _META_ELEMENT.sub("", page))


def _summary(ours: dict[str, dict[str, float]], theirs: dict[str, dict[str, float]]) -> str:
    """Quality by split, nkcorpus first and trafilatura in brackets, for the docs table."""
    parts = []
    for group in (
        "held-out",
        "former-held-out",
        "dev",
        "all",
        "cwce-held-out",
        "cwce-tuned",
        "rd-held-out",
        "rd-tuned",
    ):
        if group not in ours:
            continue
        a, b = ours[group], theirs.get(group, {})
        fields = [f"body F1 {a.get('f1', 0):.3f} ({b.get('f1', 0):.3f})"] + [
            f"{label} {a.get(key, 0):.1%} ({b.get(key, 0):.1%})"
            for key, label in (("title", "titles"), ("published", "dates"), ("authors", "authors"))
        ]
        parts.append(f"{group} ({a['pages']} pages): " + ", ".join(fields))
    return "quality, trafilatura in brackets: " + "; ".join(parts)


def _fields(found: dict[str, dict[str, dict[str, float]]], group: str) -> str:
    """Titles, dates and authors of ``group`` in ``found``, trafilatura's in brackets."""
    ours, theirs = found["nkcorpus"].get(group, {}), found["trafilatura"].get(group, {})
    return f"({ours.get('pages', 0)} pages) " + ", ".join(
        f"{label} {ours.get(key, 0):.1%} ({theirs.get(key, 0):.1%})"
        for key, label in (("title", "titles"), ("published", "dates"), ("authors", "authors"))
    )


def article_benchmark() -> dict[str, dict[str, dict[str, float]]]:
    """Body scores of nkcorpus and ``trafilatura.extract`` on the article-extraction
    benchmark's pages, with its measure (:mod:`benchmarks.article_benchmark`): on all
    of them, and on those that are not in the case corpus (``unseen``)."""
    import trafilatura

    from benchmarks.article_benchmark import load_pages, page_counts, scores
    from nkcorpus.cleaning.cleaner import clean_text

    pages = load_pages()
    if quick():
        pages = pages[::10]
    in_cases = {
        json.loads(p.read_text(encoding="utf-8"))["origin"].rsplit("/", 1)[-1].split(".")[0]
        for p in CASES.glob("sh-*.json")
    }
    counts: dict[str, list[tuple[float, float, float]]] = {"nkcorpus": [], "trafilatura": []}
    for _key, html, gold in pages:
        counts["nkcorpus"].append(page_counts(gold, clean_text(html).text))
        counts["trafilatura"].append(page_counts(gold, trafilatura.extract(html) or ""))
    unseen = [n for n, (key, _html, _gold) in enumerate(pages) if key not in in_cases]
    return {
        "all": {name: scores(found) | {"pages": len(pages)} for name, found in counts.items()},
        "unseen": {
            name: scores([found[n] for n in unseen]) | {"pages": len(unseen)}
            for name, found in counts.items()
        },
    }


def _scored_bodies(
    pages: list[tuple[str, bytes, dict[str, str]]],
    body_field: str,
    groups: Callable[[dict[str, str]], tuple[str, ...]],
    fold: Callable[[str], str] = str,
    titled: bool = False,
    reporter: Callable[[str], str | None] | None = None,
) -> dict[str, dict[str, dict[str, float]]]:
    """Body scores of nkcorpus and ``trafilatura.extract`` on ``pages`` (``(id, html bytes,
    gold)``, read as nkcorpus's decoder decodes them), with the article-extraction
    benchmark's measure on the gold's ``body_field`` and both outputs, each passed through
    ``fold`` first; by each group that ``groups`` names for a page's gold. With ``titled``,
    titles too (``title``: the share right), where the gold's first paragraph, its
    headline, is 60 characters or fewer; trafilatura's title is that of its extraction with
    metadata. With ``reporter`` (the reporter that a gold body names, or ``None``), writers
    too (``writers``: the share of the pages with a reporter whose writers include that
    one; a name of two characters matches one of three that begins with it, as the gold's
    credits run the name into the text after it)."""
    import trafilatura

    from benchmarks.article_benchmark import page_counts, scores
    from nkcorpus.cleaning.decode import decode

    found: dict[str, dict[str, list[tuple[float, float, float]]]] = {}
    titles: dict[str, dict[str, list[bool]]] = {}
    credited: dict[str, dict[str, list[bool]]] = {}
    for _key, data, gold in pages:
        html = decode(data).text
        ours = nkcorpus_result(html)
        body = fold(gold[body_field])
        counts = {
            "nkcorpus": page_counts(body, fold(ours["text"])),
            "trafilatura": page_counts(body, fold(trafilatura.extract(html) or "")),
        }
        headline = gold[body_field].split("\n\n", 1)[0].strip()
        named = reporter(gold[body_field]) if reporter is not None else None
        theirs = trafilatura_result(html) if (titled and len(headline) <= 60) or named else {}
        right = (
            {
                "nkcorpus": field_right("title", ours["title"], headline),
                "trafilatura": field_right("title", theirs["title"], headline),
            }
            if titled and len(headline) <= 60
            else {}
        )
        writers = (
            {
                name: _names_reporter(got["authors"], named)
                for name, got in (("nkcorpus", ours), ("trafilatura", theirs))
            }
            if named
            else {}
        )
        for group in groups(gold):
            for name, got in counts.items():
                found.setdefault(group, {}).setdefault(name, []).append(got)
            for name, ok in right.items():
                titles.setdefault(group, {}).setdefault(name, []).append(ok)
            for name, ok in writers.items():
                credited.setdefault(group, {}).setdefault(name, []).append(ok)
    return {
        group: {
            name: scores(got)
            | {"pages": len(got)}
            | ({"title": _share(titles.get(group, {}).get(name, []))} if titled else {})
            | (
                {
                    "writers": _share(credited.get(group, {}).get(name, [])),
                    "credited": len(credited.get(group, {}).get(name, [])),
                }
                if reporter is not None
                else {}
            )
            for name, got in counts.items()
        }
        for group, counts in sorted(found.items())
    }


def _names_reporter(authors: Any, name: str) -> bool:
    """Whether ``authors`` hold the reporter ``name`` (or a name that begins with it, or
    that it begins with: see :func:`_scored_bodies`)."""
    return any(a == name or a.startswith(name) or name.startswith(a) for a in authors if a)


#: A reporter's credit in the opening of a Chinese story: after an opening bracket
#: (``本报讯（记者张航）``, ``中新社北京1月17日電 (記者 杜燕)``) or before a slash
#: (``記者孫慶璋／嘉義報導``), the title for reporters and the name's two or three characters.
_REPORTER_CREDIT = re.compile(
    r"[（(【〔]\s*[^）)】〕\n]{0,12}?(?:记者|記者)\s*[/／]?\s*([\u4e00-\u9fff]{2,3})"
    r"|(?:记者|記者)([\u4e00-\u9fff]{2,3})[／/]"
)


def opening_reporter(body: str) -> str | None:
    r"""The reporter that the first 400 characters of a Chinese gold body credit, or ``None``.

    >>> opening_reporter("标题\n\n本报讯（记者张航）从今天起"), opening_reporter("记者今天获悉")
    ('张航', None)
    """
    match = _REPORTER_CREDIT.search(body[:400])
    return (match.group(1) or match.group(2)) if match else None


def _share(right: list[bool]) -> float:
    """The share of ``right`` that is true (0 for none)."""
    return round(sum(right) / len(right), 3) if right else 0.0


def magic_benchmark() -> dict[str, dict[str, dict[str, float]]]:
    """Body scores of nkcorpus and ``trafilatura.extract`` on magic-html's Chinese and
    Korean pages (``benchmarks/data/magic-html``), by split (``tuning``, ``held-out``) and
    in all, with the article-extraction benchmark's measure. Both read the same text:
    the page decoded by nkcorpus's decoder (the pages are in their sites' encodings)."""
    from benchmarks.article_benchmark import load_magic_pages

    pages = load_magic_pages()
    return _scored_bodies(pages[::10] if quick() else pages, "content", _by_split)


def daniel_benchmark() -> dict[str, dict[str, dict[str, float]]]:
    """Body scores of nkcorpus and ``trafilatura.extract`` on the DAniEL corpus's Chinese
    news pages (``benchmarks/data/daniel-zh``), by split, by language and in all, with the
    article-extraction benchmark's measure on the gold and both outputs folded to NFKC
    (the pages write digits full-width, which nkcorpus writes in ASCII). Both read the
    page as nkcorpus's decoder decodes it. Titles too (``title``: the share right), where
    the gold's first paragraph, its headline, is 60 characters or fewer; trafilatura's
    title is that of its extraction with metadata. Writers too (``writers``), on the pages
    whose gold opens with a reporter's credit (:func:`opening_reporter`): the share whose
    writers include that reporter, of both."""
    from benchmarks.article_benchmark import load_daniel_pages

    def folded(text: str) -> str:
        return unicodedata.normalize("NFKC", text)

    def groups(gold: dict[str, str]) -> tuple[str, ...]:
        return (*_by_split(gold), f"{gold['split']} {gold['language']}")

    pages = load_daniel_pages()
    pages = pages[::20] if quick() else pages
    return _scored_bodies(
        pages, "body", groups, fold=folded, titled=True, reporter=opening_reporter
    )


def dated_benchmark() -> dict[str, dict[str, float]]:
    """Publication days right, of nkcorpus, trafilatura (its extraction with metadata) and
    htmldate (``find_date`` as htmldate's own evaluation runs it: extensive search, the
    original date), on the news pages of htmldate's evaluation set
    (``benchmarks/data/dated-pages``), by split and in all. All three read the page as
    nkcorpus's decoder decodes it; a date is right when its day (the first ten characters
    of its ISO 8601 form) is the gold's, as in htmldate's evaluation."""
    import htmldate

    from benchmarks.article_benchmark import load_dated_pages
    from nkcorpus.cleaning.decode import decode

    pages = load_dated_pages()
    if quick():
        pages = pages[::10]
    right: dict[str, Counter[str]] = {}
    counts: Counter[str] = Counter()
    for _key, data, gold in pages:
        html = decode(data).text
        try:
            searched = htmldate.find_date(html, extensive_search=True, original_date=True)
        except Exception:  # a page htmldate cannot read: no date
            searched = None
        found = {
            "nkcorpus": nkcorpus_result(html)["published"],
            "trafilatura": trafilatura_result(html)["published"],
            "htmldate": searched,
        }
        for group in _by_split(gold):
            counts[group] += 1
            for name, got in found.items():
                ok = bool(got) and str(got)[:10] == gold["date"]
                right.setdefault(group, Counter())[name] += ok
    return {
        group: {name: round(right[group][name] / n, 3) for name in _DATERS} | {"pages": n}
        for group, n in counts.items()
    }


def _by_split(gold: dict[str, str]) -> tuple[str, ...]:
    """The groups a page is scored in: all, and its split."""
    return ("all", gold["split"])


#: The date readers that :func:`dated_benchmark` scores, in the order it prints them.
_DATERS = ("nkcorpus", "trafilatura", "htmldate")


def _split_scores(found: dict[str, dict[str, dict[str, float]]]) -> str:
    """Each group's (but ``all``) body F1 and, where scored, titles and writers right, of
    nkcorpus and trafilatura in brackets, for the notes of the benchmark's table."""
    return "; ".join(
        f"{group} ({got['nkcorpus']['pages']} pages) {got['nkcorpus']['f1']:.3f} "
        f"(trafilatura {got['trafilatura']['f1']:.3f})"
        + (
            f", titles {got['nkcorpus']['title']:.1%} ({got['trafilatura']['title']:.1%})"
            if "title" in got["nkcorpus"]
            else ""
        )
        + (
            f", writers {got['nkcorpus']['writers']:.1%} ({got['trafilatura']['writers']:.1%})"
            f" of {got['nkcorpus']['credited']} pages whose gold opens with a reporter's credit"
            if got["nkcorpus"].get("credited")
            else ""
        )
        for group, got in found.items()
        if group != "all"
    )


#: The scrapers whose output of the article-extraction benchmark's pages is read back.
SCRAPERS = ("html2text", "mdka", "inscriptis")


def _held_out(key: str) -> bool:
    """Whether an article-extraction benchmark page is in the half of its scrapes that is
    never tuned on: its id (hexadecimal) ends in an odd digit."""
    return int(key[-1], 16) % 2 == 1


def scrape_benchmark() -> dict[str, dict[str, float]]:
    """How often the title, date and writers that nkcorpus reads from a scrape of a page
    (html2text's and mdka's markdown, inscriptis's plain text, as the article-extraction
    benchmark stored them) are the ones it reads from the page's HTML, on the pages of
    that benchmark that are not in the case corpus in any form. The HTML's metadata is
    the reference, not a gold: the measure is how much a user loses by having only a
    scrape. Dates and writers count on the pages whose HTML gives one; each figure is given
    for the held-out half too (``title_held_out``, ...: :func:`_held_out`). The article text
    read from each scrape is scored against that benchmark's gold body (``f1``, its
    shingle F1), on all those pages and on the tuning and held-out halves (``f1_tuned``,
    ``f1_held_out``: :func:`_held_out`), beside ``trafilatura.extract`` on the scrape
    rendered as HTML (``trafilatura_f1``, with the same halves) and the scrape left as it
    is (``raw_f1``: what a user has without either)."""
    import trafilatura

    from benchmarks.article_benchmark import DATA, load_pages, page_counts, scores
    from nkcorpus.cleaning.scrapes import scrape_html

    used = {
        key
        for path in CASES.glob("*.json")
        for key in re.findall(r"[0-9a-f]{64}", json.loads(path.read_text("utf-8"))["origin"])
    }
    pages = [(key, html, gold) for key, html, gold in load_pages() if key not in used]
    if quick():
        pages = pages[::10]
    out: dict[str, dict[str, float]] = {}
    references = {key: nkcorpus_result(html) for key, html, _gold in pages}
    for scraper in SCRAPERS:
        with gzip.open(DATA / "scrapes" / f"{scraper}.json.gz", "rt", encoding="utf-8") as file:
            scrapes = json.load(file)
        right: Counter[str] = Counter()
        wanted: Counter[str] = Counter()  # per field, and per field in the held-out half
        counts: dict[str, list[tuple[float, float, float]]] = {"read": [], "peer": [], "raw": []}
        halves: list[bool] = []
        for key, _html, gold in pages:
            scrape = scrapes[key]
            reference, got = references[key], nkcorpus_result(scrape)
            peer = trafilatura.extract(scrape_html(scrape, plain=scraper == "inscriptis")) or ""
            counts["read"].append(page_counts(gold, got["text"]))
            counts["peer"].append(page_counts(gold, peer))
            counts["raw"].append(page_counts(gold, scrape))
            halves.append(_held_out(key))
            for field in ("title", "published", "authors"):
                if reference[field]:
                    hit = field_right(field, got[field], reference[field])
                    for name in (field, f"{field}_held_out") if _held_out(key) else (field,):
                        wanted[name] += 1
                        right[name] += hit
        found: dict[str, float] = {f: round(right[f] / n, 3) for f, n in wanted.items()}
        for name, prefix in (("read", ""), ("peer", "trafilatura_")):
            found[f"{prefix}f1"] = scores(counts[name])["f1"]
            for half, label in ((False, "tuned"), (True, "held_out")):
                part = [c for c, held in zip(counts[name], halves, strict=True) if held == half]
                if part:
                    found[f"{prefix}f1_{label}"] = scores(part)["f1"]
        out[scraper] = found | {"raw_f1": scores(counts["raw"])["f1"], "pages": len(pages)}
    return out


#: The scrapers whose writing of DAniEL's Chinese pages ``benchmarks/data/daniel-zh/scrapes``
#: stores (markdown, plain text).
CHINESE_SCRAPERS = ("html2text", "inscriptis")


def daniel_scrape_benchmark() -> dict[str, dict[str, dict[str, float]]]:
    """How nkcorpus reads DAniEL's Chinese news pages as scrapers wrote them (html2text's
    markdown, inscriptis's plain text, ``benchmarks/data/daniel-zh/scrapes``), by scraper
    and split: body F1 against the gold (folded to NFKC, as :func:`daniel_benchmark`
    scores the pages), beside ``trafilatura.extract`` on the scrape rendered as HTML and
    the scrape as it is; and how often the title, date and writers read from the scrape
    are those nkcorpus reads from the page's HTML (the reference, not a gold: what a user
    loses by having only a scrape), on the pages whose HTML gives one."""
    import trafilatura

    from benchmarks.article_benchmark import DANIEL, load_daniel_pages, page_counts, scores
    from nkcorpus.cleaning.decode import decode
    from nkcorpus.cleaning.scrapes import scrape_html

    def folded(text: str) -> str:
        return unicodedata.normalize("NFKC", text)

    pages = load_daniel_pages()
    if quick():
        pages = pages[::20]
    references = {key: nkcorpus_result(decode(data).text) for key, data, _gold in pages}
    out: dict[str, dict[str, dict[str, float]]] = {}
    for scraper in CHINESE_SCRAPERS:
        path = DANIEL / "scrapes" / f"{scraper}.json.gz"
        with gzip.open(path, "rt", encoding="utf-8") as file:
            scrapes = json.load(file)
        counts: dict[tuple[str, str], list[tuple[float, float, float]]] = {}
        right: Counter[tuple[str, str]] = Counter()
        wanted: Counter[tuple[str, str]] = Counter()
        for key, _data, gold in pages:
            scrape, split = scrapes[key], gold["split"]
            got = nkcorpus_result(scrape)
            peer = trafilatura.extract(scrape_html(scrape, plain=scraper == "inscriptis")) or ""
            body = folded(gold["body"])
            for name, text in (("f1", got["text"]), ("trafilatura_f1", peer), ("raw_f1", scrape)):
                counts.setdefault((split, name), []).append(page_counts(body, folded(text)))
            for field in ("title", "published", "authors"):
                if references[key][field]:
                    wanted[split, field] += 1
                    right[split, field] += field_right(field, got[field], references[key][field])
        splits = sorted({gold["split"] for *_, gold in pages}, reverse=True)  # tuning first
        out[scraper] = {
            split: {
                name: scores(found)["f1"] for (at, name), found in counts.items() if at == split
            }
            | {
                field: round(right[at, field] / n, 3)
                for (at, field), n in wanted.items()
                if at == split
            }
            | {"pages": sum(1 for *_, gold in pages if gold["split"] == split)}
            for split in splits
        }
    return out


def modern_benchmark() -> dict[str, dict[str, float]]:
    """Body scores (the article-extraction benchmark's measure) and dates and authors
    right, of nkcorpus and ``trafilatura.extract``, on the 150 pages of 2026 in
    ``benchmarks/data/modern-pages``. Titles are not scored: that gold keeps the site's
    name in the title, which nkcorpus cuts."""
    import trafilatura

    from benchmarks.article_benchmark import load_modern_pages, page_counts, scores

    pages = load_modern_pages()
    if quick():
        pages = pages[::10]
    counts: dict[str, list[tuple[float, float, float]]] = {"nkcorpus": [], "trafilatura": []}
    right: dict[str, Counter[str]] = {"nkcorpus": Counter(), "trafilatura": Counter()}
    wanted: Counter[str] = Counter()
    for _key, html, gold in pages:
        found = {"nkcorpus": nkcorpus_result(html), "trafilatura": trafilatura_result(html)}
        for name, got in found.items():
            # trafilatura.extract's body, as in the speed comparison; the metadata of
            # trafilatura_result comes from the same extraction with metadata asked for.
            text = got["text"] if name == "nkcorpus" else trafilatura.extract(html) or ""
            counts[name].append(page_counts(gold["main_content"], text))
        for field, key in (("published", "publish_date"), ("authors", "author")):
            want: Any = gold.get(key)
            if not want:
                continue
            if field == "authors":
                want = [a.strip() for a in re.split(r",|\band\b|&", want) if a.strip()]
            wanted[field] += 1
            for name, got in found.items():
                right[name][field] += field_right(field, got[field], want)
    return {
        name: scores(found)
        | {field: round(right[name][field] / n, 3) for field, n in wanted.items()}
        | {"pages": len(pages)}
        for name, found in counts.items()
    }


def local_dates(instant: str) -> set[str]:
    """The dates (``YYYY-MM-DD``) that clocks somewhere on Earth (UTC-12 to UTC+14) showed
    at ``instant`` (ISO 8601 with a zone): a page dated in its own zone is right if it gives
    one of them.

    >>> sorted(local_dates("2016-12-15T20:33:00.000Z"))
    ['2016-12-15', '2016-12-16']
    """
    moment = datetime.datetime.fromisoformat(instant.replace("Z", "+00:00"))
    return {
        (moment + datetime.timedelta(hours=hours)).date().isoformat() for hours in range(-12, 15)
    }


def postlight_benchmark(restored: bool = True) -> dict[str, dict[str, dict[str, float]]]:
    """Titles, dates and writers right, for nkcorpus and trafilatura on the pages of
    ``benchmarks/data/postlight-pages`` by split (``tuning``: looked at; ``held-out``:
    never), from the same extraction with metadata (:func:`trafilatura_result`). A date is
    right if it is the gold instant's date in some time zone (:func:`local_dates`).
    ``restored`` false: the pages as Mercury stores them, their ``meta`` elements unread
    (what the page shows and its JSON-LD are all there is)."""
    from benchmarks.article_benchmark import load_postlight_pages

    pages = load_postlight_pages(restored)
    if quick():
        pages = pages[::10]

    def right(field: str, got: Any, want: Any) -> bool:
        if field == "published":
            return bool(got) and str(got)[:10] in local_dates(want)
        return field_right(field, got, want)

    return _fields_right(pages, lambda gold: (gold["split"], "all"), right)


def _fields_right(
    pages: list[tuple[str, str, dict[str, Any]]],
    groups: Callable[[dict[str, Any]], tuple[str, ...]],
    right: Callable[[str, Any, Any], bool],
    as_html: Callable[[str], str] = str,
) -> dict[str, dict[str, dict[str, float]]]:
    """The share of the ``pages`` (``(key, html, gold)``) whose ``title``, ``published``
    date and ``authors`` are right (``right(field, got, want)``), for nkcorpus and for
    trafilatura's extraction with metadata (:func:`trafilatura_result`, on the page as
    ``as_html`` renders it: a scrape as HTML), in each group that ``groups`` names for a
    page's gold; a field the gold leaves empty is not scored."""
    hits: dict[tuple[str, str], Counter[str]] = {}
    wanted: dict[str, Counter[str]] = {}
    for _key, html, gold in pages:
        found = {
            "nkcorpus": nkcorpus_result(html),
            "trafilatura": trafilatura_result(as_html(html)),
        }
        for group in groups(gold):
            counts = wanted.setdefault(group, Counter())
            for field in ("title", "published", "authors"):
                want = gold.get(field)
                if not want:
                    continue
                counts[field] += 1
                for name, got in found.items():
                    hit = right(field, got[field], want)
                    hits.setdefault((group, name), Counter())[field] += hit
    return {
        group: {
            name: {field: round(hits[group, name][field] / n, 3) for field, n in counts.items()}
            | {"pages": sum(1 for *_, g in pages if group in groups(g))}
            for name in ("nkcorpus", "trafilatura")
        }
        for group, counts in wanted.items()
    }


def record_right(field: str, got: Any, want: Any) -> bool:
    """Whether a ``title``, ``published`` date or ``authors`` matches a site's own record: as
    :func:`field_right`, but a date given with its zone is right if it is the date that a
    clock somewhere showed at that instant (:func:`local_dates`), a local one if it is the
    same day.

    >>> record_right("published", "2023-04-20T07:35:45+09:00", "2023-04-19T22:35:45Z")
    True
    >>> record_right("published", "2023-04-20T16:25", "2023-04-21T16:25")
    False
    """
    if field != "published":
        return field_right(field, got, want)
    day = str(got or "")[:10]
    zoned = len(want) > 16 and re.search(r"(?:Z|[+-]\d\d:\d\d)$", want)
    return bool(day) and (day in local_dates(want) if zoned else day == want[:10])


def ko_zh_benchmark() -> dict[str, dict[str, dict[str, float]]]:
    """Titles, dates and writers right, for nkcorpus and trafilatura (from the same
    extraction with metadata: :func:`trafilatura_result`) on the Korean and Chinese news
    pages of ``benchmarks/data/ko-zh-news``, by language and in all; none of them was ever
    tuned on (:func:`record_right`)."""
    from benchmarks.article_benchmark import load_ko_zh_pages

    pages = load_ko_zh_pages()
    if quick():
        pages = pages[::10]
    found = _fields_right(pages, lambda gold: (gold["language"], "all"), record_right)
    return dict(sorted(found.items(), key=lambda item: item[0] != "all"))


def ko_zh_scrape_benchmark() -> dict[str, dict[str, dict[str, dict[str, float]]]]:
    """The pages of :func:`ko_zh_benchmark` as scrapers wrote them (html2text's markdown,
    inscriptis's plain text: ``benchmarks/data/ko-zh-news/scrapes``), by scraper: titles,
    dates and writers right against the crawler's records, for nkcorpus reading the scrape
    and for trafilatura's extraction with metadata on the scrape rendered as HTML, by
    language and in all, and in the halves by site (the gold's ``split``) whose scrapes
    were looked at to tune the reading of scrapes (``tuning``) and never (``held-out``)."""
    from benchmarks.article_benchmark import KO_ZH_NEWS, load_ko_zh_pages
    from nkcorpus.cleaning.scrapes import scrape_html

    pages = load_ko_zh_pages()
    if quick():
        pages = pages[::10]
    out: dict[str, dict[str, dict[str, dict[str, float]]]] = {}
    for scraper in CHINESE_SCRAPERS:
        path = KO_ZH_NEWS / "scrapes" / f"{scraper}.json.gz"
        with gzip.open(path, "rt", encoding="utf-8") as file:
            scrapes = json.load(file)
        plain = scraper == "inscriptis"
        found = _fields_right(
            [(key, scrapes[key], gold) for key, _html, gold in pages],
            lambda gold: (
                gold["language"],
                "all",
                gold["split"],
                f"{gold['language']} {gold['split']}",
            ),
            record_right,
            lambda scrape, plain=plain: scrape_html(scrape, plain=plain),
        )
        out[scraper] = dict(sorted(found.items(), key=lambda item: item[0] != "all"))
    return out


#: The metadata fields scored against records, and their names in the summary.
_FIELD_LABELS = (("title", "titles"), ("published", "dates"), ("authors", "writers"))


def _records_summary(found: dict[str, dict[str, dict[str, float]]]) -> str:
    """The figures of :func:`_fields_right` as a line: each group's pages, then nkcorpus's
    titles, dates and writers right with trafilatura's in brackets."""
    return "; ".join(
        f"{group} ({got['nkcorpus']['pages']} pages) "
        + ", ".join(
            f"{label} {got['nkcorpus'].get(field, 0):.1%} ({got['trafilatura'].get(field, 0):.1%})"
            for field, label in _FIELD_LABELS
            if field in got["nkcorpus"]
        )
        for group, got in found.items()
    )


def en_news_benchmark() -> dict[str, dict[str, dict[str, float]]]:
    """Titles, dates and writers right, for nkcorpus and trafilatura, on the English news
    pages of ``benchmarks/data/en-news`` (13 sites of 2023, each page's record made by a
    parser for its site), in all and in the halves by site that were looked at
    (``tuning``) and never (``held-out``), as :func:`ko_zh_benchmark` scores its pages."""
    from benchmarks.article_benchmark import load_en_pages

    pages = load_en_pages()
    if quick():
        pages = pages[::10]
    return _fields_right(pages, lambda gold: ("all", gold["split"]), record_right)


def run() -> list[Comparison]:
    """Measure quality (saved with the results) and speed (the returned comparison)."""
    import trafilatura

    from nkcorpus.cleaning.cleaner import clean_text

    cases = load_cases()
    if quick():  # the smoke run: every tenth case
        cases = cases[::10]
    pages = [c for c in cases if c["format"] == "html"]
    # Speed first, on a fresh heap: the quality passes below leave caches and results
    # alive, and a larger heap slows trafilatura's many small allocations more than
    # nkcorpus's, which would flatter the ratio.
    sample = pages[:12] if quick() else pages
    raws = [c["raw"] for c in sample]
    timed = compare(
        "real pages: clean stage vs trafilatura.extract",
        lambda: [clean_text(p) for p in raws],
        lambda: [trafilatura.extract(p) for p in raws],
        items=len(raws),
        unit="pages",
        repeat=1 if quick() else 3,
        goal=1.0,
    )
    # What the clean stage's ratio can reach at most: it runs trafilatura's fast extraction
    # on every page (with its full cascade where that finds little), so this row's ratio
    # is its ceiling, and the gap between the two rows is nkcorpus's own work (the page
    # read with offsets, the alignment, the metadata, the clean text).
    fast = compare(
        "real pages: trafilatura's fast extraction alone vs trafilatura.extract",
        lambda: [
            trafilatura.bare_extraction(p, fast=True, include_comments=False, include_tables=True)
            for p in raws
        ],
        lambda: [trafilatura.extract(p) for p in raws],
        items=len(raws),
        unit="pages",
        repeat=1 if quick() else 3,
        notes="the ceiling of the row above: the extraction that the clean stage runs on "
        "every page, without nkcorpus's own work",
    )
    # The same job as the clean stage's: trafilatura's text with the metadata it reads
    # (title, date, authors, site name), which the clean stage gives with every page.
    same_job = compare(
        "real pages: clean stage vs trafilatura.extract with its metadata",
        lambda: [clean_text(p) for p in raws],
        lambda: [trafilatura.extract(p, with_metadata=True) for p in raws],
        items=len(raws),
        unit="pages",
        repeat=1 if quick() else 3,
        notes="text and metadata on both sides: trafilatura's title, date, author and site "
        "name beside its text, as the clean stage reads them beside its own",
    )
    quality = {
        "nkcorpus": score(pages, nkcorpus_result),
        "trafilatura": score(pages, trafilatura_result),
        "nkcorpus_all_formats": score(cases, nkcorpus_result),
        # markdown and plain-text scrapes: trafilatura reads HTML only
        "nkcorpus_scrapes": score([c for c in cases if c["format"] != "html"], nkcorpus_result),
    }
    for group in quality["nkcorpus"]:
        print(f"{group:10} nkcorpus    {quality['nkcorpus'][group]}")
        print(f"{group:10} trafilatura {quality['trafilatura'][group]}")
    print(f"all formats nkcorpus {quality['nkcorpus_all_formats']['all']}")
    for group in ("tuned", "held-out"):
        if group in quality["nkcorpus_scrapes"]:
            print(f"scrapes {group:8} nkcorpus {quality['nkcorpus_scrapes'][group]}")
    # The same pages with nothing declared: how well the visible readers generalize.
    bare = [{**case, "raw": undeclared(case["raw"])} for case in pages]
    quality["undeclared"] = {
        "nkcorpus": score(bare, nkcorpus_result),
        "trafilatura": score(bare, trafilatura_result),
    }
    for group in ("dev", "held-out"):
        print(f"meta elements and JSON-LD removed, {group}:", _fields(quality["undeclared"], group))
    quality["article_benchmark"] = article_benchmark()
    for group, found in quality["article_benchmark"].items():
        print(f"article-extraction benchmark, {group}: {found}")
    quality["magic_pages"] = magic_benchmark()
    for group, got in quality["magic_pages"].items():
        print(f"magic-html's Chinese and Korean pages, {group}: {got}")
    quality["daniel_pages"] = daniel_benchmark()
    for group, got in quality["daniel_pages"].items():
        print(f"DAniEL's Chinese news pages, {group}: {got}")
    quality["modern_pages"] = modern_benchmark()
    print(f"modern pages: {quality['modern_pages']}")
    quality["postlight_pages"] = postlight_benchmark()
    print(f"Mercury's pages: {quality['postlight_pages']}")
    quality["postlight_pages_undeclared"] = postlight_benchmark(restored=False)
    print(f"Mercury's pages, meta elements unread: {quality['postlight_pages_undeclared']}")
    quality["ko_zh_pages"] = ko_zh_benchmark()
    print(f"Korean and Chinese news pages with a crawler's records: {quality['ko_zh_pages']}")
    quality["ko_zh_scrapes"] = ko_zh_scrape_benchmark()
    print(f"Korean and Chinese news pages as scrapes: {quality['ko_zh_scrapes']}")
    quality["en_pages"] = en_news_benchmark()
    print(f"English news pages with a crawler's records: {quality['en_pages']}")
    quality["scrapes_vs_html"] = scrape_benchmark()
    print(f"scrapes against their page's HTML: {quality['scrapes_vs_html']}")
    quality["daniel_scrapes"] = daniel_scrape_benchmark()
    print(f"DAniEL's Chinese pages as scrapes: {quality['daniel_scrapes']}")
    quality["dated_pages"] = dated_benchmark()
    for group, got in quality["dated_pages"].items():
        print(f"htmldate's news pages, dates right, {group}: {got}")
    comparison = attrs.evolve(
        timed,
        notes="article text, metadata and offset map against trafilatura.extract defaults; "
        + _summary(quality["nkcorpus"], quality["trafilatura"])
        + "; markdown and text scrapes (nkcorpus only), held-out: "
        + ", ".join(
            f"{k} {v:.3f}"
            for k, v in quality["nkcorpus_scrapes"].get("held-out", {}).items()
            if k in ("f1", "snip", "title")
        )
        + "; the same HTML pages with their meta elements and JSON-LD removed (titles, dates "
        "and authors from what the page shows): "
        + "; ".join(
            f"{group} {_fields(quality['undeclared'], group)}" for group in ("held-out", "dev")
        )
        + "; article-extraction benchmark body F1 (pages not in the case corpus): "
        + "{nkcorpus} (trafilatura {trafilatura})".format(
            **{k: v["f1"] for k, v in quality["article_benchmark"]["unseen"].items()}
        )
        + "; Chinese and Korean pages of magic-html's benchmark (not in the case corpus), "
        "body F1: "
        + _split_scores(quality["magic_pages"])
        + "; Chinese news pages of 2011-2012 of the DAniEL corpus (not in the case corpus), "
        "body F1: "
        + _split_scores(quality["daniel_pages"])
        + "; modern pages of 2026 ({pages} pages never tuned on): body F1 {f1:.3f} ({t[f1]:.3f}), "
        "dates {published:.1%} ({t[published]:.1%}), authors {authors:.1%} "
        "({t[authors]:.1%})".format(
            **quality["modern_pages"]["nkcorpus"], t=quality["modern_pages"]["trafilatura"]
        )
        + "; news pages of Mercury's tests (English, 2015-2022), titles, dates and writers: "
        + "; ".join(
            f"{split} ({split_found['nkcorpus']['pages']} pages) "
            + ", ".join(
                f"{label} {split_found['nkcorpus'].get(field, 0):.1%} "
                f"({split_found['trafilatura'].get(field, 0):.1%})"
                for field, label in (
                    ("title", "titles"),
                    ("published", "dates"),
                    ("authors", "writers"),
                )
            )
            for split, split_found in quality["postlight_pages"].items()
            if split != "all"
        )
        + "; the same pages with their meta elements unread (as Mercury stores them), held "
        "out: titles {title:.1%} ({t[title]:.1%}), dates {published:.1%} ({t[published]:.1%}), "
        "writers {authors:.1%} ({t[authors]:.1%})".format(
            **quality["postlight_pages_undeclared"]["held-out"]["nkcorpus"],
            t=quality["postlight_pages_undeclared"]["held-out"]["trafilatura"],
        )
        + "; Korean and Chinese news pages of 2023 (18 sites, never tuned on) with a crawler's "
        "records, titles, dates and writers: "
        + _records_summary(quality["ko_zh_pages"])
        + "; the same Korean and Chinese pages as scrapers wrote them (split by site: the "
        "tuning half's scrapes were looked at to tune the reading of scrapes, the held-out "
        "half's never), titles, dates and writers, nkcorpus reading the scrape (trafilatura "
        "on the scrape rendered as HTML): "
        + "; ".join(
            f"{name}: {_records_summary(found)}" for name, found in quality["ko_zh_scrapes"].items()
        )
        + "; English news pages of 2023 (13 sites, split by site) with a crawler's records, "
        "titles, dates and writers: "
        + _records_summary(quality["en_pages"])
        + "; scrapes of the article-extraction benchmark's pages (not in the case corpus), "
        "title, date and writers as read from the page's HTML, and body F1 against "
        "that benchmark's gold: "
        + "; ".join(
            f"{name} ({found['pages']} pages) titles {found['title']:.1%}, dates "
            f"{found['published']:.1%}, writers {found['authors']:.1%} (held out: "
            f"{found.get('title_held_out', 0):.1%}, {found.get('published_held_out', 0):.1%}, "
            f"{found.get('authors_held_out', 0):.1%}), body F1 "
            f"{found['f1']:.3f} (held out {found.get('f1_held_out', 0):.3f}; trafilatura on "
            f"the scrape rendered as HTML {found['trafilatura_f1']:.3f}, held out "
            f"{found.get('trafilatura_f1_held_out', 0):.3f}; the scrape as it is "
            f"{found['raw_f1']:.3f})"
            for name, found in quality["scrapes_vs_html"].items()
        )
        + "; DAniEL's Chinese news pages as scrapers wrote them, body F1 against its gold "
        "(trafilatura on the scrape rendered as HTML; the scrape as it is), and title, date "
        "and writers as read from the page's HTML: "
        + "; ".join(
            f"{name} {split} ({found['pages']} pages) body F1 {found['f1']:.3f} "
            f"({found['trafilatura_f1']:.3f}; {found['raw_f1']:.3f}), titles "
            f"{found.get('title', 0):.1%}, dates {found.get('published', 0):.1%}, writers "
            f"{found.get('authors', 0):.1%}"
            for name, splits in quality["daniel_scrapes"].items()
            for split, found in splits.items()
        )
        + "; news pages of htmldate's evaluation set (2020, many languages, not in the case "
        "corpus), publication days right, nkcorpus (trafilatura, htmldate): "
        + "; ".join(
            f"{group} ({got['pages']} pages) {got['nkcorpus']:.1%} ({got['trafilatura']:.1%}, "
            f"{got['htmldate']:.1%})"
            for group, got in quality["dated_pages"].items()
            if group != "all"
        ),
    )
    save("pages", [comparison, fast, same_job], {"quality": quality})
    return [comparison, fast, same_job]


def main() -> None:
    """Run, print the table and save JSON results."""
    comparisons = run()
    print(format_table(comparisons))


if __name__ == "__main__":
    main()
