"""The five scraped seed pages: junk out, every article sentence kept, metadata right.

The expectations live in ``tests/cases/clean/<seed>.json``, one file per seed:
the lines removed with their rules, the paragraphs that must stay, the captions
and the metadata.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

import nkcorpus
from nkcorpus.cleaning.cleaner import clean_text
from nkcorpus.document import Document, Span

ROOT = Path(__file__).resolve().parent.parent
CASES = sorted((ROOT / "tests" / "cases" / "clean").glob("*.json"))


def _case_id(path: Path) -> str:
    return path.stem


def _load(path: Path) -> tuple[dict[str, Any], Document]:
    case = json.loads(path.read_text(encoding="utf-8"))
    raw = (ROOT / "seeds" / case["seed"]).read_bytes()
    return case, nkcorpus.clean(raw, source=case["seed"])


@pytest.fixture(scope="module", params=CASES, ids=_case_id)
def seed_case(request: pytest.FixtureRequest) -> tuple[dict[str, Any], Document]:
    """One seed's expectations and its cleaned document."""
    return _load(request.param)


def test_there_is_one_case_file_per_seed(seed_paths: list[Path]) -> None:
    """Every seed page has its case file, so a new seed cannot go untested."""
    assert [p.stem for p in seed_paths] == [p.stem for p in CASES]


def test_each_junk_line_is_removed_by_its_rule(seed_case: tuple[dict[str, Any], Document]) -> None:
    """Each junk line is gone from the text and recorded as a removal with the expected rule."""
    case, doc = seed_case
    assert doc.ok
    removed = [(r.rule, doc.raw[r.raw_span.start : r.raw_span.end].strip()) for r in doc.removed]
    expected = [(item["rule"], item["text"]) for item in case["removed"]]
    assert removed == expected
    body = doc.text.split("\n\n")
    for rule, text in expected:
        if rule in ("duplicate-caption", "duplicate-title"):
            continue
        for line in text.split("\n"):
            assert line.strip() not in body, f"{rule} line still in the text: {line!r}"


def test_every_article_paragraph_is_kept_in_order(
    seed_case: tuple[dict[str, Any], Document],
) -> None:
    """The article's paragraphs are the clean text, in order, each once; captions once each."""
    case, doc = seed_case
    paragraphs = doc.text.split("\n\n")
    body = [p for p in paragraphs if p not in doc.metadata.captions]
    assert body == case["kept"]
    for caption in case["captions"]:
        assert paragraphs.count(caption) == 1


def test_no_raw_line_is_lost_silently(seed_case: tuple[dict[str, Any], Document]) -> None:
    """Every line of the raw page is either in the clean text or inside a recorded removal."""
    _case, doc = seed_case
    removed = [doc.raw[r.raw_span.start : r.raw_span.end] for r in doc.removed]
    clean_words = set(re.findall(r"\w+", doc.text))
    for line in doc.raw.split("\n"):
        words = set(re.findall(r"\w+", line))
        if not words or words <= clean_words:
            continue
        assert any(line.strip() in r for r in removed), f"lost: {line!r}"


def test_metadata_is_read_from_the_page(seed_case: tuple[dict[str, Any], Document]) -> None:
    """Title, subtitle, authors, emails, date, outlet and translator match the page."""
    case, doc = seed_case
    meta = doc.metadata
    got = {
        "title": meta.title,
        "subtitle": meta.subtitle,
        "authors": list(meta.authors),
        "emails": list(meta.emails),
        "published": meta.published,
        "outlet": meta.outlet,
        "translator": meta.translator,
    }
    assert got == case["metadata"]
    assert list(meta.captions) == case["captions"]
    assert meta.encoding == "utf-8"


def test_captions_are_marked_as_regions(seed_case: tuple[dict[str, Any], Document]) -> None:
    """Each caption kept in the text is a caption region covering exactly its text."""
    case, doc = seed_case
    regions = [doc.span_text(r.span) for r in doc.regions if r.kind == "caption"]
    assert regions == case["captions"]


def test_every_clean_paragraph_maps_back_to_raw_that_cleans_to_it(
    seed_case: tuple[dict[str, Any], Document],
) -> None:
    """For each paragraph and each word, cleaning the raw span it maps to gives it back."""
    _case, doc = seed_case
    options = nkcorpus.Config().clean
    for match in re.finditer(r"[^\n]+", doc.text):
        span = Span(match.start(), match.end())
        assert clean_text(doc.raw_text(span), options).text == match.group()
    for match in re.finditer(r"\w+", doc.text):
        raw = doc.raw_text(Span(*match.span()))
        if "'" in doc.text[match.start() - 1 : match.end() + 1]:
            # A word next to a repaired backtick maps to the repair as a whole.
            assert match.group() in clean_text(raw, options).text
        else:
            assert raw == match.group()


def test_cleaning_a_seed_twice_changes_nothing(seed_case: tuple[dict[str, Any], Document]) -> None:
    """Cleaning the clean text again gives the same text: cleaning is idempotent on real pages."""
    _case, doc = seed_case
    assert clean_text(doc.text).text == doc.text


def test_steps_record_the_rules_that_changed_the_page(
    seed_case: tuple[dict[str, Any], Document],
) -> None:
    """Sub-steps ``clean.<rule>`` come before the stage's own ``clean`` step, with counts."""
    _case, doc = seed_case
    names = [s.name for s in doc.steps]
    assert names[-1] == "clean"
    assert all(n.startswith("clean.") for n in names[:-1])
    assert "clean.whitespace" in names
    for step in doc.steps[:-1]:
        assert dict(step.parameters)["changes"] > 0
