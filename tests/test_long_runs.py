"""Long runs of one character, anywhere in a document, are cleaned in linear time.

A scrape padded with spaces, a line of brackets or backticks, an author field of blank
space: each of these once met a pattern that was tried again from every character of the
run (quadratic time or worse; 16,000 backticks took minutes). Each case below grows four
times and must take well under sixteen times as long (:data:`tests.timing.LINEAR_LIMIT`).
"""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from nkcorpus.cleaning.cleaner import clean_text
from nkcorpus.cleaning.dates import yearless_stamp
from tests.timing import LINEAR_LIMIT, growth_ratio

STORY = "Kim met Moon today in Seoul for talks that went on until late at night."


def _html_with_json_ld(run: str) -> str:
    ld = {"@type": "NewsArticle", "headline": run, "author": {"@type": "Person", "name": run}}
    return (
        f'<html><head><title>Talks</title><script type="application/ld+json">{json.dumps(ld)}'
        f"</script></head><body><article><h1>Talks</h1><p>{STORY}</p></article></body></html>"
    )


#: (what the document is, how it is built around a run, the run's character)
CASES: list[tuple[str, Callable[[str], str], str]] = [
    # telling markdown from text: a table rule's two runs of spaces were split every way
    ("text opening with a line of spaces", lambda run: f"{run}\n\n{STORY}", " "),
    ("text opening with a line of tabs", lambda run: f"Talks\n\n{run}!\n\n{STORY}", "\t"),
    # telling markdown from text: each "[" was looked at up to the end of its line
    ("text holding a line of brackets", lambda run: f"Talks\n\n{run}\n\n{STORY}", "["),
    # an author's name split at separators that open with a run of white space
    ("page whose JSON-LD author is blank space", _html_with_json_ld, " "),
    ("page whose JSON-LD author is blank lines", _html_with_json_ld, "\n"),
    # a code span: a run of backticks split into opening, text and closing every way
    ("scrape with a byline of backticks", lambda run: f"# Talks\n\n**By {run}**\n\n{STORY}\n", "`"),
    # a link's opening bracket looked for its closing one up to the end of the line
    ("scrape with a byline of brackets", lambda run: f"# Talks\n\n**By {run}**\n\n{STORY}\n", "["),
    ("scrape with a list item of links", lambda run: f"# Talks\n\n- {run}\n\n{STORY}\n", "[a]("),
    ("scrape with a line of images", lambda run: f"# Talks\n\n{run}\n\n{STORY}\n", "!["),
    # a heading after a link on its line, each looked for from the paragraph's start
    ("scrape with a line of headings after links", lambda run: f"# Talks\n\n{run}\n\n{STORY}\n", "[a](b) # c "),
    # a link's target looked for a writer's page from each "href" of a tag's attributes
    (
        "page with a link of many hrefs",
        lambda run: f"<html><body><a x={run}/authorsx>Kim</a><p>{STORY}</p></body></html>",
        "href=",
    ),
    # a page's scripts streaming many strings of HTML, each read as a page of its own
    (
        "page whose scripts push many strings",
        lambda run: f"<html><body><script>{run}</script><p>{STORY}</p></body></html>",
        'self.__next_f.push([1,"<p>\\u003cb\\u003e x</p>"]);',
    ),
    # an indented block of links, judged prose (not code) and read again unindented
    ("scrape with an indented line of links", lambda run: f"# Talks\n\n    {run}\n\n{STORY}\n", "[a](b) "),
    # a Chinese scrape's words counted without its addresses, each address extended both
    # ways from every character of a run it was looked for in
    (
        "Chinese scrape with a long run of Han characters",
        lambda run: "首页 | 新闻 | 体育 | 财经 | 娱乐\n\n网易 > 新闻中心 > 正文\n\n"
        + "".join(f"第{n}条新闻的标题\n\n" for n in range(10))
        + f"{run}\n\n{STORY}\n",
        "中",
    ),
    # a heading's closing "#"s looked for from each tab of a run before its end
    (
        "scrape whose heading ends in tabs",
        lambda run: f"---\ntitle: Talks\n---\n\n# Talks{run}!\n\n{STORY}\n",
        "\t",
    ),
]


@pytest.mark.parametrize(("shape", "build", "char"), CASES, ids=[case[0] for case in CASES])
def test_a_long_run_is_cleaned_in_linear_time(
    shape: str, build: Callable[[str], str], char: str
) -> None:
    """Four times the run takes about four times as long to clean, and the story stays."""
    small, large = (build(char * (size // len(char))) for size in (3000, 12000))
    assert STORY in clean_text(large).text
    assert growth_ratio(lambda: clean_text(small), lambda: clean_text(large)) < LINEAR_LIMIT


def test_a_stamp_padded_with_spaces_is_read_in_linear_time() -> None:
    """A time and its zone with a long run of spaces between them: the two runs of spaces
    that the stamp's pattern allows there are not split every way."""
    small, large = ("5:30" + " " * size + "PM?" for size in (3000, 12000))
    assert not yearless_stamp(large)
    assert yearless_stamp("5:30" + " " * 3000 + "PM")
    assert growth_ratio(lambda: yearless_stamp(small), lambda: yearless_stamp(large)) < LINEAR_LIMIT


@pytest.mark.parametrize(
    ("source", "text"),
    [
        # a badge: an image inside a link
        ("# Talks\n\n[![PyPI](https://img.shields.io/pypi/v/x.svg)](https://pypi.org/x) ok\n", "ok"),
        # a url with parentheses, balanced (a Wikipedia article's)
        ("# Talks\n\nSee [Mercury](https://en.wikipedia.org/wiki/Mercury_(planet)) now.\n", "See Mercury now."),
        # a link whose text holds brackets of its own, which it shows
        ("# Talks\n\nRead [the [full] text](https://example.org/t).\n", "Read the [full] text."),
        # code spans close on a run of as many backticks, not on part of a longer run
        ("# Talks\n\nRun ``a ` b`` and `c`.\n", "Run a ` b and c."),
    ],
)
def test_links_images_and_code_spans_keep_their_text(source: str, text: str) -> None:
    """Links keep their text (an image, brackets of its own) and lose their url, one of
    balanced parentheses included; code spans keep theirs, a shorter run of backticks
    inside included."""
    assert clean_text(source).text.splitlines()[-1] == text
