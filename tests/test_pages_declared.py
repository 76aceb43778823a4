"""The article a page declares in its JSON-LD: read where the source writes it, and taken as
the text only where the page shows a part of it."""

from __future__ import annotations

import json
import re

from hypothesis import given
from hypothesis import strategies as st

from nkcorpus.cleaning.cleaner import clean_text
from nkcorpus.cleaning.htmldeclared import ARTICLE_BODY_CHARS, declared_article
from nkcorpus.cleaning.offsets import apply_edits
from nkcorpus.document import Span

_ARTICLE = " ".join(
    f"Paragraph {n}: the commission heard defectors describe the camps, the crossing of the "
    "Tumen river and the years of forced labour that came before it."
    for n in range(8)
)


def _page(body: str, shown: str, *, ensure_ascii: bool = True) -> str:
    data = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Camps"}
    data["articleBody"] = body
    script = json.dumps(data, ensure_ascii=ensure_ascii)
    return (
        "<html><head><title>Camps</title>"
        f'<script type="application/ld+json">{script}</script></head>'
        f"<body><nav><a href='/'>Home</a></nav><article><h1>Camps</h1>{shown}</article>"
        "<footer>All rights reserved</footer></body></html>"
    )


@given(
    st.text(min_size=ARTICLE_BODY_CHARS, max_size=900).filter(lambda t: "&" not in t),
    st.booleans(),
)
def test_the_declared_article_reads_back_and_maps_each_character_to_its_source(
    body: str, ensure_ascii: bool
) -> None:
    """Whatever the JSON string holds (quotes, backslashes, line breaks, astral characters,
    written as escapes or as themselves), the text read is the value the JSON parser
    reads, and each of its characters maps to the source that writes it."""
    body = json.loads(json.dumps(body))
    page = _page(body, "", ensure_ascii=ensure_ascii)
    found = declared_article(page, body)
    if re.search("<[a-zA-Z/!]", body):
        assert found is None  # a body that holds markup is not read
        return
    assert found is not None
    assert found.text == body
    edited = apply_edits(page, list(found.edits(len(page))))
    assert edited.text == body
    for at, char in enumerate(body):
        raw = edited.offsets.to_raw(Span(at, at + 1))
        assert json.loads(f'"{page[raw.start : raw.end]}"') == char


def test_character_references_in_the_json_string_are_decoded() -> None:
    """Some sites escape their article for HTML inside the JSON (``&amp;``, ``&#8217;``)."""
    body = "Kim &amp; Lee&#8217;s report. " + "x" * ARTICLE_BODY_CHARS
    found = declared_article(_page(body, ""), body)
    assert found is not None
    assert found.text.startswith("Kim & Lee’s report.")


def test_a_short_or_marked_up_or_missing_body_is_not_read() -> None:
    long = "word " * 200
    assert declared_article(_page("too short", ""), "too short") is None
    assert declared_article(_page(f"<p>{long}</p>", ""), f"<p>{long}</p>") is None
    assert declared_article(_page(long, ""), long + "other") is None
    assert declared_article(_page(long, ""), None) is None


def test_a_teaser_gives_way_to_the_article_its_json_ld_declares() -> None:
    """A paywalled page (a 2020 opinion column) shows a photo caption and a teaser, and its
    JSON-LD holds the whole column: the column is the text, each word maps to the source,
    the teaser leaves with the rule ``superseded``, and the metadata says where the text
    came from."""
    teaser = "".join(f"<p>{part.strip()}</p>" for part in _ARTICLE.split("Paragraph")[1:3])
    page = _page(_ARTICLE, teaser)
    cleaned = clean_text(page)
    assert cleaned.text == _ARTICLE
    assert dict(cleaned.metadata)["extra.text_source"] == "json-ld articleBody"
    rules = {removal.rule for removal in cleaned.removed}
    assert "superseded" in rules
    start = cleaned.text.index("Tumen")
    raw = cleaned.offsets.to_raw(Span(start, start + 5))
    assert page[raw.start : raw.end] == "Tumen"
    assert raw.start < page.index("</script>")


def test_a_page_that_shows_its_whole_article_keeps_its_own_text() -> None:
    """Where the page shows the article its JSON-LD declares, the shown paragraphs stay the
    text (their offsets point into the body, not into the script)."""
    shown = "".join(
        f"<p>Paragraph {n}: the commission heard defectors describe the camps, the crossing of "
        "the Tumen river and the years of forced labour that came before it.</p>"
        for n in range(8)
    )
    page = _page(_ARTICLE, shown)
    cleaned = clean_text(page)
    assert "extra.text_source" not in dict(cleaned.metadata)
    assert "Paragraph 7:" in cleaned.text
    start = cleaned.text.index("Tumen")
    raw = cleaned.offsets.to_raw(Span(start, start + 5))
    assert raw.start > page.index("</script>")
