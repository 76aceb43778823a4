"""English headlines and writers: a reworded headline, a documentation heading, a byline's
trailing credits."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from nkcorpus.cleaning.authornames import without_role
from nkcorpus.cleaning.cleaner import clean_text
from nkcorpus.cleaning.titles import choose_title

_PROSE = "".join(
    f"<p>Paragraph {i}: the task framework runs millions of callbacks a day across many "
    "hosts, and each one is retried until it succeeds or its deadline passes.</p>"
    for i in range(6)
)


def _meta(head: str, body: str) -> dict[str, object]:
    raw = (
        f"<html lang='en'><head>{head}</head><body><article>{body}{_PROSE}</article></body></html>"
    )
    return dict(clean_text(raw).metadata)


def test_a_headline_that_rewords_the_declared_title_is_the_title() -> None:
    """``og:title`` ``"…Dropbox’s ATF - an async task framework"`` under the headline
    ``"…Dropbox ATF: an async task framework"`` gives the headline, not a part of the title."""
    meta = _meta(
        "<meta property='og:title' content='How we designed Dropbox’s ATF - an async task "
        "framework'><link rel='canonical' href='https://dropbox.tech/atf'>",
        "<h1>How we designed Dropbox ATF: an async task framework</h1>",
    )
    assert meta["title"] == "How we designed Dropbox ATF: an async task framework"


def test_a_title_the_page_shows_whole_stays_beside_a_reworded_headline() -> None:
    """A declared title that a block of the page repeats whole is kept as written."""
    title = "How we designed Dropbox’s ATF - an async task framework"
    headline = "How we designed Dropbox ATF: an async task framework"
    assert choose_title(title, [headline], [title], [])[0] == title


def test_a_documentation_heading_with_its_link_mark_is_the_title() -> None:
    """``"Evolve: Shared Mutable History — evolve extension for Mercurial"`` with the site's
    name and the page's heading (``"…History¶"``) both shown as ``h1``: the heading."""
    title, _ = choose_title(
        "Evolve: Shared Mutable History — evolve extension for Mercurial",
        ["evolve extension for Mercurial", "Evolve: Shared Mutable History¶"],
        [],
        [],
    )
    assert title == "Evolve: Shared Mutable History"


def test_trailing_credits_are_cut_from_a_byline() -> None:
    """An editor's credit, an outlet's news desk and a weekday before the date are not part
    of the writer's name."""
    assert _meta(
        "", "<h1>Monitoring</h1><p class='byline'>Written by Rob Ewaschuk Edited by Betsy Beyer</p>"
    )["authors"] == ("Rob Ewaschuk",)
    assert _meta(
        "", "<h1>Superbugs</h1><div class='author'>By Kelli Miller WebMD Health News</div>"
    )["authors"] == ("Kelli Miller",)
    assert _meta(
        "",
        "<h1>Raspberry Pi 3</h1><div class='article-author'>Joe Wee Monday, "
        "February 29, 2016 @ 11:10 PM UTC</div>",
    )["authors"] == ("Joe Wee",)


def test_a_surname_that_is_not_a_news_desk_stays() -> None:
    """``"John Smith Fox News"`` keeps its words (the outlet is no acronym); a name alone
    is kept whole."""
    assert without_role("Jane Doe", set()) == "Jane Doe"
    assert without_role("Kim Min-ji Yonhap", {"yonhap"}) == "Kim Min-ji"
    assert without_role("Mark Webmd", {"webmd"}) == "Mark Webmd"


@given(st.text(max_size=80), st.sets(st.text(min_size=1, max_size=8), max_size=3))
def test_cutting_a_role_only_shortens_the_name(name: str, sites: set[str]) -> None:
    """What is left of a name is the start of it, never new text."""
    assert " ".join(name.split()).startswith(" ".join(without_role(name, sites).split()))


def test_a_blogs_posted_by_line_names_the_writer() -> None:
    """A page whose only writer's name is an unmarked ``"Posted by …"`` line under the
    headline gets that name, without the job title and the place after it."""
    meta = _meta(
        "<title>Saving Data: Reducing the size of App Updates</title>",
        "<h1>Saving Data: Reducing the size of App Updates</h1>"
        "<div>Posted by Andrew Hayden, Software Engineer on Google Play</div>",
    )
    assert meta["authors"] == ("Andrew Hayden",)
