"""The article-extraction benchmark's pages and its measure of article bodies.

The data is ``benchmarks/data/article-extraction`` (181 pages with gold bodies, from
the Zyte/ScrapingHub article-extraction benchmark, MIT; see its README),
``benchmarks/data/modern-pages`` (150 pages of 2026 with gold bodies, titles, authors and
dates, from the web content extraction benchmark, Apache-2.0), and
``benchmarks/data/postlight-pages`` (111 English news pages with gold titles, writers and
dates, from Postlight's Mercury parser, MIT or Apache-2.0), and
``benchmarks/data/magic-html`` (52 Chinese and Korean pages with gold bodies, from
magic-html's article benchmark, Apache-2.0), and ``benchmarks/data/daniel-zh`` (398
Chinese news pages of 2011 and 2012 with gold bodies, from the DAniEL corpus as
re-annotated in the waddle repository, GPL-3.0), and ``benchmarks/data/dated-pages`` (189
news pages of 2020 from around the world with their gold publication day, from htmldate's
evaluation set, Apache-2.0). The measure of bodies is
that benchmark's: the 4-gram shingles of ``\\w+`` tokens of the gold and the extracted
body are matched as multisets; each page's true positives, false positives and false
negatives are divided by their sum, so that every page weighs the same; precision and
recall are averaged over the pages (a page with nothing to score on one side is left
out of that average) and F1 is computed from the two averages.
"""

from __future__ import annotations

import gzip
import json
import re
import statistics
from collections import Counter
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent / "data" / "article-extraction"
#: 150 pages of 2026 from the web content extraction benchmark (Apache-2.0; see its README).
MODERN = Path(__file__).resolve().parent / "data" / "modern-pages"
#: 111 English news pages of 2015-2022 with their title, writers and date, from the test
#: fixtures of Postlight's Mercury parser (MIT or Apache-2.0; see its README).
POSTLIGHT = Path(__file__).resolve().parent / "data" / "postlight-pages"
#: 52 Chinese and Korean pages with gold bodies, from magic-html's article benchmark
#: (Apache-2.0; see its README).
MAGIC = Path(__file__).resolve().parent / "data" / "magic-html"
#: 398 Chinese news pages of 2011-2012 with gold bodies, from the DAniEL corpus (GPL-3.0;
#: see its README).
DANIEL = Path(__file__).resolve().parent / "data" / "daniel-zh"
#: 189 news pages of 2020 with the day each was published, from htmldate's evaluation set
#: (Apache-2.0; see its README).
DATED = Path(__file__).resolve().parent / "data" / "dated-pages"
#: 80 Korean and Chinese news pages of 2023 with the title, writers and date that a
#: crawler's parser for each site read (see its README).
KO_ZH_NEWS = Path(__file__).resolve().parent / "data" / "ko-zh-news"
#: 54 English news pages of 2023 with the title, writers and date that a crawler's parser
#: for each site read (see its README).
EN_NEWS = Path(__file__).resolve().parent / "data" / "en-news"

_META = re.compile(r"<meta\b[^>]*>", re.IGNORECASE)
_META_CONTENT = re.compile(r"\scontent\s*=", re.IGNORECASE)
_META_VALUE = re.compile(r"(\s)value(\s*=)", re.IGNORECASE)


def _meta_content(tag: re.Match[str]) -> str:
    """A ``meta`` tag with the ``content`` attribute that Mercury's fixtures renamed
    ``value``, back under its own name (a tag that has ``content`` stays as it is)."""
    if _META_CONTENT.search(tag.group()):
        return tag.group()
    return _META_VALUE.sub(r"\1content\2", tag.group(), count=1)


_WORD = re.compile(r"\w+")


def load_pages() -> list[tuple[str, str, str]]:
    """Every page as ``(key, html, gold body)``, in the order of the gold file."""
    with gzip.open(DATA / "ground-truth.json.gz", "rt", encoding="utf-8") as file:
        gold = json.load(file)
    pages = []
    for key, record in gold.items():
        html = gzip.decompress((DATA / "html" / f"{key}.html.gz").read_bytes())
        pages.append((key, html.decode("utf-8", "replace"), record["articleBody"] or ""))
    return pages


def load_modern_pages() -> list[tuple[str, str, dict[str, str]]]:
    """Every page of :data:`MODERN` as ``(id, html, gold)``; the gold has the page's
    ``main_content``, ``title``, ``author`` and ``publish_date``."""
    with gzip.open(MODERN / "ground-truth.json.gz", "rt", encoding="utf-8") as file:
        gold = json.load(file)
    return [
        (
            key,
            gzip.decompress((MODERN / "html" / f"{key}.html.gz").read_bytes()).decode(
                "utf-8", "replace"
            ),
            record,
        )
        for key, record in sorted(gold.items())
    ]


def load_magic_pages() -> list[tuple[str, bytes, dict[str, str]]]:
    """Every page of :data:`MAGIC` as ``(id, html bytes, gold)``, sorted by id: the pages
    are in the encodings their sites served (GBK among them), for the reader to decode.
    The gold has the page's ``url``, ``content`` (its title and article), ``language``
    (``"zh"``, ``"ko"``) and ``split`` (``"tuning"``, ``"held-out"``)."""
    with gzip.open(MAGIC / "ground-truth.json.gz", "rt", encoding="utf-8") as file:
        gold = json.load(file)
    return [
        (key, gzip.decompress((MAGIC / "html" / f"{key}.html.gz").read_bytes()), record)
        for key, record in sorted(gold.items())
    ]


def load_daniel_pages() -> list[tuple[str, bytes, dict[str, str]]]:
    """Every page of :data:`DANIEL` as ``(id, html bytes, gold)``, sorted by id, in its
    site's encoding. The gold has the page's ``site``, ``language`` (``"zh-Hans"``,
    ``"zh-Hant"``), ``split`` (``"tuning"``, ``"held-out"``), ``source`` and ``body``."""
    with gzip.open(DANIEL / "ground-truth.json.gz", "rt", encoding="utf-8") as file:
        gold = json.load(file)
    return [
        (key, gzip.decompress((DANIEL / "html" / f"{key}.html.gz").read_bytes()), record)
        for key, record in sorted(gold.items())
    ]


def load_dated_pages() -> list[tuple[str, bytes, dict[str, str]]]:
    """Every page of :data:`DATED` as ``(id, html bytes, gold)``, sorted by id, in its
    site's encoding. The gold has the page's ``url``, its publication ``date``
    (``YYYY-MM-DD``) and its ``split`` (``"tuning"``, ``"held-out"``)."""
    with gzip.open(DATED / "ground-truth.json.gz", "rt", encoding="utf-8") as file:
        gold = json.load(file)
    return [
        (key, gzip.decompress((DATED / "html" / f"{key}.html.gz").read_bytes()), record)
        for key, record in sorted(gold.items())
    ]


def load_news_records(folder: Path) -> list[tuple[str, str, dict[str, Any]]]:
    """Every page of a set of news pages with a crawler's records (:data:`KO_ZH_NEWS`,
    :data:`EN_NEWS`) as ``(id, html, gold)``, sorted by id. The gold has the page's
    ``site``, ``language``, ``title``, ``published`` (ISO 8601: a local time, or an instant
    with its zone), ``authors`` (each ``None`` where not scored) and the ``notes`` on what
    was mended in the crawler's record."""
    with gzip.open(folder / "ground-truth.json.gz", "rt", encoding="utf-8") as file:
        records = json.load(file)
    return [
        (key, gzip.decompress((folder / "html" / f"{key}.html.gz").read_bytes()).decode(), gold)
        for key, gold in sorted(records.items())
    ]


def load_ko_zh_pages() -> list[tuple[str, str, dict[str, Any]]]:
    """The Korean and Chinese pages of :data:`KO_ZH_NEWS` (:func:`load_news_records`); the
    gold's ``language`` is ``"ko"``, ``"zh-Hant"`` or ``"zh-Hans"``, and its ``split``
    (``"tuning"``, ``"held-out"``) the half of the sites its scrape belongs to."""
    return load_news_records(KO_ZH_NEWS)


def load_en_pages() -> list[tuple[str, str, dict[str, Any]]]:
    """The English pages of :data:`EN_NEWS` (:func:`load_news_records`); the gold's
    ``split`` is ``"tuning"`` or ``"held-out"``, by site."""
    return load_news_records(EN_NEWS)


def load_postlight_pages(restored: bool = True) -> list[tuple[str, str, dict[str, Any]]]:
    """Every page of :data:`POSTLIGHT` as ``(name, html, gold)``, sorted by name, each
    ``meta`` element's ``content`` restored (Mercury stores its fixtures with that
    attribute renamed ``value``: as stored, with ``restored`` false, no page declares a
    title, date or writer in its ``meta`` elements). The
    gold has the page's ``title``, ``authors`` (``None``: not scored), ``published`` (UTC,
    ISO 8601), the ``first_words`` of Mercury's content (a photo's caption or credit
    often among them) and its ``split``."""
    with gzip.open(POSTLIGHT / "ground-truth.json.gz", "rt", encoding="utf-8") as file:
        gold = json.load(file)
    pages = []
    for name, record in sorted(gold.items()):
        html = gzip.decompress((POSTLIGHT / "html" / f"{name}.html.gz").read_bytes())
        text = html.decode("utf-8", "replace")
        pages.append((name, _META.sub(_meta_content, text) if restored else text, record))
    return pages


def _shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    tokens = _WORD.findall(text or "")
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens)


def page_counts(gold: str, extracted: str) -> tuple[float, float, float]:
    """One page's true positives, false positives and false negatives, summing to one
    (all zero when neither text has a shingle)."""
    want, got = _shingles(gold), _shingles(extracted)
    tp = float(sum((want & got).values()))
    fp = float(sum((got - want).values()))
    fn = float(sum((want - got).values()))
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def scores(counts: list[tuple[float, float, float]]) -> dict[str, float]:
    """Precision and recall averaged over pages, and F1 from the two averages.

    >>> scores([(1.0, 0.0, 0.0), (0.5, 0.5, 0.0)])
    {'precision': 0.75, 'recall': 1.0, 'f1': 0.857}
    """

    precision = statistics.mean(tp / (tp + fp) for tp, fp, _fn in counts if tp + fp > 0)
    recall = statistics.mean(tp / (tp + fn) for tp, _fp, fn in counts if tp + fn > 0)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3)}
