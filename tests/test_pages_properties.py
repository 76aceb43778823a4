"""Properties of page and markdown cleaning on generated input: offsets exact, nothing lost."""

from __future__ import annotations

import html
import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from nkcorpus.cleaning.cleaner import Cleaned, clean_text
from nkcorpus.cleaning.htmlpage import FIELD_BREAK, block_fields, read_page
from nkcorpus.document import Span

_WORDS = st.sampled_from(
    ["Kim", "defectors", "Seoul", "rights", "북한", "인권", "朝鲜", "脱北者", "Tumen", "labour"]
)
_ENTITIES = st.sampled_from(["&amp;", "&lt;", "&#54620;", "&quot;", "&nbsp;"])
_text = st.lists(st.one_of(_WORDS, _ENTITIES, st.just(" "), st.just("\n")), max_size=12).map(
    "".join
)
_PROSE = (
    "Defectors who reached Seoul this year described forced labour and food shortages "
    "and the crossing of the Tumen river to the investigators of the commission. "
)
_ELEMENTS = ["p", "div", "span", "a", "b", "li", "h1", "h2", "nav", "header", "footer",
             "figure", "figcaption", "td", "section", "article", "em", "script", "ol",
             "ul", "tr", "th", "table"]  # fmt: skip


_ATTRIBUTES = [
    "", ' class="share"', ' id="main"', " hidden", ' title="a>b"', ' style="display:none"',
    ' role="tabpanel" hidden', ' aria-hidden="true"', ' start="3" type="i"', ' value="9"',
    " reversed start=2", ' class="nav data-list=" "=""', " alt='x''",
]  # fmt: skip


def _element(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    def build(name: str, inner: list[str], closed: bool, attribute: str) -> str:
        return f"<{name}{attribute}>{''.join(inner)}" + (f"</{name}>" if closed else "")

    return st.builds(
        build,
        st.sampled_from(_ELEMENTS),
        st.lists(children, max_size=4),
        st.booleans(),
        st.sampled_from(_ATTRIBUTES),
    )


_nodes = st.recursive(
    st.one_of(_text, st.just(_PROSE * 3), st.just("<br>")), _element, max_leaves=25
)
pages = st.builds(
    lambda head, parts: head + "".join(parts),
    # A head that is closed, and one that the body start ends (as a browser ends it).
    st.sampled_from(
        [
            "<html><head><title>A page</title></head><body>",
            "<html><head><meta charset='utf-8'><title>A page</title><link rel='icon'><body>",
        ]
    ),
    st.lists(_nodes, min_size=1, max_size=6),
)

_TAG = re.compile(r"<[^<>]*>")
#: The number of an ordered list's item, which stands for the item's start tag.
_MARKER = re.compile(r"(?:^|(?<=\n))(?:-?\d+|[a-z]+|[A-Z]+)\. ")


def _visible(raw: str) -> str:
    return " ".join(html.unescape(_TAG.sub(" ", raw)).split())


def _check_runs(raw: str, cleaned: Cleaned) -> None:
    """Exact runs copy the raw text; any other run shows what its raw text shows."""
    for cs, ce, rs, re_, exact in cleaned.offsets.runs:
        piece = cleaned.text[cs:ce]
        if exact:
            assert piece == raw[rs:re_]
            continue
        if re.search(r"<li\b", raw[rs:re_], re.IGNORECASE):
            piece = _MARKER.sub("", piece)  # "3. ": the number a browser shows for the item
        shown = " ".join(piece.replace("|", " ").split())
        if shown:
            assert shown in _visible(raw[rs:re_]) or shown in " ".join(
                raw[rs:re_].split()
            ), (piece, raw[rs:re_])


@given(pages)
def test_page_text_maps_back_to_the_same_characters(raw: str) -> None:
    """Every run of a page's clean text maps to raw characters showing the same text."""
    _check_runs(raw, clean_text(raw))


@given(pages)
def test_page_text_is_kept_or_recorded_as_removed(raw: str) -> None:
    """Each visible character of a page is in the clean text's map or in a removal."""
    cleaned = clean_text(raw)
    covered = bytearray(len(raw) + 1)
    for _cs, _ce, rs, re_, _exact in cleaned.offsets.runs:
        covered[rs:re_] = b"\x01" * (re_ - rs)
    for removal in cleaned.removed:
        span = removal.raw_span
        covered[span.start : span.end] = b"\x01" * (span.end - span.start)
    for piece in read_page(raw).pieces:
        if not piece.text.strip():
            continue  # white space, also when written as &nbsp;
        for i in range(piece.start, piece.end):
            if not raw[i].isspace():
                assert covered[i], (raw[piece.start : piece.end], cleaned.text)


@settings(max_examples=60)
@given(
    st.one_of(
        pages,
        _nodes,
        pages.map(lambda page: page.encode().decode("latin-1")),  # mojibake
        # a doctype and a control character, which lxml cannot read as they are
        pages.map(lambda page: "<!DOCTYPE html>\n" + page.replace("Seoul", "Seoul\x0c")),
    )
)
def test_the_parsed_page_is_the_tree_trafilatura_would_parse(raw: str) -> None:
    """nkcorpus parses a page (whole, a fragment, mojibake, a doctype) into the tree that
    trafilatura's own ``load_html`` gives, drawings and style sheets left out: the
    extractors read the same page as when they parse it themselves."""
    from lxml import etree
    from trafilatura import load_html

    from nkcorpus.cleaning.htmlpage import load_tree

    ours, theirs = load_tree(raw), load_html(raw)
    if theirs is None:
        if ours is not None:  # only a fragment with a page's worth of links is wrapped
            assert load_html(f"<html><body>{raw}</body></html>") is not None
        return
    etree.strip_elements(theirs, "svg", "{http://www.w3.org/2000/svg}svg", "style", with_tail=False)
    assert etree.tostring(ours, encoding="unicode") == etree.tostring(theirs, encoding="unicode")


_inline = st.lists(
    st.one_of(
        _WORDS,
        _WORDS.map(lambda w: f"**{w}**"),
        _WORDS.map(lambda w: f"*{w}*"),
        _WORDS.map(lambda w: f"[{w}](https://example.org/{len(w)})"),
        _WORDS.map(lambda w: f"![{w}](https://example.org/{w}.png)"),
        # a share button's link to a script, as html2text writes it
        _WORDS.map(
            lambda w: f"[{w}](javascript:window.open\\('https://example.org/{w}', 'width=7'\\); void 0)"
        ),
        _WORDS.map(lambda w: f"`{w}`"),
        _WORDS.map(lambda w: f"<b>{w}</b>"),
        st.just("&amp;"),
    ),
    min_size=1,
    max_size=8,
).map(" ".join)
_blocks = st.one_of(
    _inline,
    _inline.map(lambda t: "# " + t),
    _inline.map(lambda t: "## " + t),
    # setext headings: the text on its lines, the underline under them
    st.tuples(st.lists(_inline, min_size=1, max_size=2), st.sampled_from(["===", "---", "-"])).map(
        lambda h: "\n".join([*h[0], h[1]])
    ),
    st.lists(_inline, min_size=1, max_size=3).map(lambda items: "\n".join("- " + i for i in items)),
    # indented: code, or a page's prose and links that a converter indented
    st.lists(
        st.lists(
            st.one_of(
                _WORDS,
                _WORDS.map(lambda w: f"**{w}**"),
                _WORDS.map(lambda w: f"[{w}](https://example.org/{len(w)})"),
            ),
            min_size=1,
            max_size=5,
        ).map(" ".join),
        min_size=1,
        max_size=3,
    ).map(lambda lines: "\n".join("    " + line for line in lines)),
    _inline.map(lambda t: "> " + t),
    st.tuples(_WORDS, _WORDS).map(lambda c: f"| {c[0]} | {c[1]} |\n|---|---|\n| {c[1]} | {c[0]} |"),
    _WORDS.map(lambda w: f"```\n{w}\n```"),
    _WORDS.map(lambda w: f"<div><p>{w}</p></div>"),
    st.just("---"),
)
documents = st.tuples(
    st.booleans(), _WORDS, st.lists(_blocks, min_size=2, max_size=8)
).map(
    lambda d: ("---\ntitle: " + d[1] + "\n---\n\n" if d[0] else "")
    + "# heading\n\nSome **bold** text with a [link](https://example.org).\n\n"
    + "\n\n".join(d[2])
    + "\n"
)


#: The words of the generated markup and of links' targets (addresses, a script's code).
_MARKUP_WORDS = frozenset(
    ["https", "example", "org", "png", "title", "b", "div", "p", "javascript", "window", "open",
     "width", "void"]
)  # fmt: skip


@given(documents)
def test_markdown_text_maps_back_and_keeps_every_word(raw: str) -> None:
    """Markdown's clean runs show their raw text, and each word is kept or recorded as removed;
    no link's target (an address, a script's code) is in the text."""
    cleaned = clean_text(raw)
    assert "javascript" not in cleaned.text and "https" not in cleaned.text
    _check_runs(raw, cleaned)
    removed = " ".join(raw[r.raw_span.start : r.raw_span.end] for r in cleaned.removed)
    for word in re.findall(r"[^\W\d_]+", html.unescape(_TAG.sub(" ", raw))):
        if word in _MARKUP_WORDS:
            continue
        assert word in cleaned.text or word in removed, (word, cleaned.text)


@given(documents, st.sampled_from(["\r\n", "\r"]))
def test_markdown_reads_the_same_with_windows_or_old_mac_line_endings(
    raw: str, ending: str
) -> None:
    """A markdown document saved with Windows ("\\r\\n") or old Mac ("\\r") line endings
    cleans to the text and metadata it has with "\\n" (markdown-it reads all three as line
    breaks; a lone "\\r" once made the reader index past its lines), its runs still exact."""
    saved = raw.replace("\n", ending)
    cleaned = clean_text(saved)
    _check_runs(saved.replace("\r", "\n"), cleaned)  # "\r" becomes "\n" one for one
    assert cleaned.text == clean_text(raw).text
    assert dict(cleaned.metadata).get("title") == dict(clean_text(raw).metadata).get("title")


_LINES = [
    "Continue reading the main story",
    "Advertisement",
    "Share",
    "The minister spoke to reporters in Seoul on Monday about the talks.",
    "Talks with the North are expected to resume later in the year.",
    "기자회견은 오후 세 시에 열렸다고 통일부가 밝혔다.",
]


@given(
    page=st.lists(st.sampled_from(_LINES), min_size=1, max_size=12),
    main=st.lists(st.sampled_from(_LINES), max_size=12),
)
def test_each_line_of_the_article_stands_for_one_block_at_most(
    page: list[str], main: list[str]
) -> None:
    """However often a line repeats on the page, the article keeps it no more often than
    trafilatura's text has it, and a line the text has as often as the page is always kept."""
    from collections import Counter

    from nkcorpus.cleaning.htmlalign import block_key, body_blocks
    from nkcorpus.cleaning.htmlpage import Block

    blocks = {n: Block(n * 100, n * 100 + len(t), t) for n, t in enumerate(page)}
    keys = {n: block_key(b.text) for n, b in blocks.items()}
    kept = Counter(page[n] for n in body_blocks(blocks, keys, "\n".join(main)))
    shown, had = Counter(page), Counter(main)
    for line in shown:
        assert kept[line] <= had[line], line
        if had[line] >= shown[line]:
            assert kept[line] == shown[line], line


def _nearest_pairs_by_sorting(
    places: list[tuple[int, int]], blocks: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Every pair sorted by distance, number and index, each taken while both are free."""
    taken_places: set[int] = set()
    taken_blocks: set[int] = set()
    pairs = []
    for _distance, number, index in sorted(
        (abs(where - place), number, index) for number, place in places for index, where in blocks
    ):
        if number not in taken_places and index not in taken_blocks:
            taken_places.add(number)
            taken_blocks.add(index)
            pairs.append((number, index))
    return pairs


@given(
    places=st.lists(st.integers(0, 40), max_size=8),
    blocks=st.lists(st.integers(0, 40), max_size=8),
)
def test_repeated_lines_go_to_the_nearest_blocks_as_sorting_every_pair_would(
    places: list[int], blocks: list[int]
) -> None:
    """The places of a repeated line in the article go to the nearest blocks that show it
    (ties to the first), exactly as sorting every pair by distance would, without the
    pairs a long page would make by the million."""
    from nkcorpus.cleaning.htmlalign import _nearest_first

    numbered = list(enumerate(places))
    indexed = [(100 + n, where) for n, where in enumerate(blocks)]
    assert sorted(_nearest_first(numbered, indexed)) == sorted(
        _nearest_pairs_by_sorting(numbered, indexed)
    )


def _searched_places(target: str, keys: set[str]) -> dict[str, list[int]]:
    """The places of each key in ``target`` as searching again after each place finds them."""
    expected = {}
    for key in keys:
        found, places = target.find(key), []
        while found >= 0:
            places.append(found)
            found = target.find(key, found + len(key))
        if places:
            expected[key] = places
    return expected


@given(
    target=st.text("abc", max_size=30),
    keys=st.sets(st.text("abc", min_size=1, max_size=4), max_size=6),
)
def test_every_place_of_a_block_is_found_as_repeated_searches_find_it(
    target: str, keys: set[str]
) -> None:
    """One pass finds each block's places in the article left to right without overlaps,
    as searching again after each place would."""
    from nkcorpus.cleaning.htmlalign import _occurrences

    expected = _searched_places(target, keys)
    assert _occurrences(target, keys) == expected


@given(
    target=st.text("ab", max_size=40),
    keys=st.sets(st.text("ab", min_size=1, max_size=7), max_size=6),
)
def test_keys_longer_than_their_looked_for_head_are_found_as_repeated_searches_find_them(
    target: str, keys: set[str]
) -> None:
    """Keys are looked for by their first HEAD_CHARS characters and compared whole where
    those stand; with a head of two characters, keys and texts of two letters put every
    case in reach (heads shared by several keys, heads that stand without their key,
    places that overlap)."""
    from nkcorpus.cleaning import htmlalign

    expected = _searched_places(target, keys)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(htmlalign, "HEAD_CHARS", 2)
        assert htmlalign._occurrences(target, keys) == expected


_ARTICLE = [
    "Hong Kong police laid siege to a university campus on Monday as protesters held out "
    "against officers who fired tear gas and rubber bullets through the night.",
    "The standoff at the Polytechnic University was the latest escalation in months of "
    "unrest that began with protests against a bill allowing extradition to the mainland.",
    "Dozens of people were taken to hospital, and the authorities said a police officer had "
    "been struck in the leg by an arrow fired from the campus.",
    "Students and their supporters said they had been trapped inside with dwindling supplies "
    "of food and water, and appealed to the city government to let them leave safely.",
]
_MENU = st.lists(
    st.sampled_from(["Home", "World", "Politics", "Business", "Opinion", "Sport", "Culture",
                     "Video", "Newsletters", "Subscribe", "Sign in", "Search", "Asia", "Europe",
                     "Americas", "Africa", "Middle East", "Science", "Technology", "Health",
                     "Climate", "Travel", "Style", "Food", "Books", "Music", "Film", "Podcasts",
                     "Crosswords", "Obituaries", "Weather", "Markets", "Tech", "Media",
                     "Education", "Society", "Law", "Jobs", "Events", "Contact us"]),
    min_size=30, max_size=40, unique=True,
)  # fmt: skip


_QUOTED = [
    "탈북자 대표들이 브뤼셀에서 처음으로 세계 대회를 열고 북한 정권의 인권 탄압을 규탄했다.",
    "서울과 워싱턴의 인권 단체들은 국제사회의 공동 대응을 요구했다.",
    "해외에 파견된 북한 노동자들의 착취 문제도 논의되었다.",
    "朝鲜脱北者代表在布鲁塞尔举行首次全球会议，谴责朝鲜政权的人权状况。",
    "联合国调查委员会呼吁调查政治犯收容所的情况。",
    "北朝鮮の人権状況について国連の調査委員会が報告した。",
]


@settings(max_examples=10, deadline=None)  # each example runs jusText on a whole page
@given(
    _MENU,
    st.lists(st.sampled_from(_QUOTED), min_size=5, max_size=12),
    st.integers(0, len(_ARTICLE) - 1),
)
def test_a_scrape_keeps_the_korean_and_chinese_lines_it_quotes(
    menu: list[str], quoted: list[str], at: int
) -> None:
    """An English markdown scrape that quotes a run of Korean, Chinese or Japanese lines
    keeps them: jusText's English stop list cannot judge them, so they are not taken for
    boilerplate (the menus still go)."""
    lines = [f"* [{n}](/{n.lower()})" for n in menu]
    lines += ["", "# Police lay siege to a campus in Hong Kong", ""]
    for n, paragraph in enumerate(_ARTICLE):
        lines += [*quoted, ""] if n == at else []
        lines += [paragraph, ""]
    lines += [f"* [{n}](/{n.lower()})" for n in menu]
    lines += ["", "© 2019 Guardian News & Media Limited. All rights reserved."]
    cleaned = clean_text("\n".join(lines))
    for line in [*quoted, *_ARTICLE]:
        assert line in cleaned.text
    assert sum(1 for r in cleaned.removed if r.rule == "not-main-content") >= len(menu)


@settings(max_examples=10, deadline=None)  # each example runs jusText on a whole page
@given(
    _MENU,
    _MENU,
    st.booleans(),
    st.sampled_from(["* [{}](/{})", "  * [{}](https://example.com/{})", "- {}"]),
)
def test_a_scrape_never_loses_its_article_whatever_its_menus(
    top: list[str], bottom: list[str], linked: bool, item: str
) -> None:
    """However long the menus of a markdown scrape above and below the article, every
    article paragraph stays whole, nothing inside the article leaves, and most of the
    menu above it does, each line recorded as a removal."""
    def menu(names: list[str]) -> list[str]:
        return [item.format(n, n.lower()) if linked or "[" not in item else f"- {n}" for n in names]

    lines = [*menu(top), "", "# Police lay siege to a campus in Hong Kong", ""]
    for paragraph in _ARTICLE:
        lines += [paragraph, ""]
    lines += [*menu(bottom), "", "© 2019 Guardian News & Media Limited. All rights reserved."]
    raw = "\n".join(lines)
    cleaned = clean_text(raw)
    for paragraph in _ARTICLE:
        assert paragraph in cleaned.text
    gone = [raw[r.raw_span.start : r.raw_span.end] for r in cleaned.removed]
    assert all(not any(p in g for p in _ARTICLE) for g in gone)
    article = range(raw.index(_ARTICLE[0]), raw.index(_ARTICLE[-1]) + len(_ARTICLE[-1]))
    menu_gone = [r.raw_span for r in cleaned.removed if r.rule == "not-main-content"]
    assert all(s.end <= article.start or s.start >= article.stop for s in menu_gone)
    assert sum(1 for s in menu_gone if s.end <= article.start) >= len(top) // 2  # most go


@settings(max_examples=10, deadline=None)  # each example runs jusText on a whole page
@given(_MENU, _MENU, st.integers(min_value=1, max_value=len(_ARTICLE)), st.booleans())
def test_a_scrapes_copy_of_its_article_leaves_recorded_and_the_article_stays_once(
    top: list[str], bottom: list[str], copied: int, joined: bool
) -> None:
    """A scrape that shows its article again under it (its first paragraphs, one by one or
    run together into one, as a preview of the story): the copy leaves as
    ``duplicate-paragraph``, each paragraph of the article stays, once."""
    lines = [*(f"* [{n}](/{n.lower()})" for n in top), "", "# Police lay siege to a campus", ""]
    for paragraph in _ARTICLE:
        lines += [paragraph, ""]
    copy = _ARTICLE[:copied]
    lines += [" ".join(copy), ""] if joined else [line for p in copy for line in (p, "")]
    lines += [*(f"* [{n}](/{n.lower()})" for n in bottom), "", "© 2019 Guardian News & Media."]
    raw = "\n".join(lines)
    cleaned = clean_text(raw)
    for paragraph in _ARTICLE:
        assert cleaned.text.count(paragraph) == 1
    copies = [
        raw[r.raw_span.start : r.raw_span.end]
        for r in cleaned.removed
        if r.rule == "duplicate-paragraph"
    ]
    assert " ".join(copies).split() == " ".join(copy).split()


_STEPS = (
    "<p>Defectors described the route they took across the border in three stages, each "
    "with its own dangers, to the investigators of the commission in Seoul.</p>"
)


def _steps_page(lists: str) -> str:
    return (
        "<html><head><title>The route</title></head><body><article><h1>The route</h1>"
        f"{_STEPS}{lists}{_STEPS}</article></body></html>"
    )


def test_ordered_list_items_show_the_numbers_a_browser_shows() -> None:
    """An ordered list's items keep their numbers (its ``start``, ``type``, an item's
    ``value``), each mapped to the markup that ends with the item's start tag; an unordered list, a list whose style
    shows no numbers and a reversed list without a start show none."""
    rivers = ["Tumen", "Yalu", "Imjin", "Taedong", "Han", "Mekong", "Amnok", "Songhua",
              "Liao", "Ussuri", "Chongchon", "Nakdong"]  # fmt: skip
    lists = [f"<li>Crossing the {river} at night</li>" for river in rivers]
    raw = _steps_page(
        f"<ol>{lists[0]}<li value='7'>Reaching Bangkok by bus</li>{lists[1]}</ol>"
        f"<ol start='3' type='i'>{lists[2]}{lists[3]}</ol><ol type='A'>{lists[4]}{lists[5]}</ol>"
        f"<ul>{lists[6]}{lists[7]}</ul><ol style='list-style: none'>{lists[8]}{lists[9]}</ol>"
        f"<ol reversed>{lists[10]}{lists[11]}</ol>"
    )
    cleaned = clean_text(raw)
    shown = [f"Crossing the {river} at night" for river in rivers]
    assert [line for line in cleaned.text.split("\n") if line and "Defectors" not in line] == [
        f"1. {shown[0]}", "7. Reaching Bangkok by bus", f"8. {shown[1]}",
        f"iii. {shown[2]}", f"iv. {shown[3]}", f"A. {shown[4]}", f"B. {shown[5]}", *shown[6:],
    ]  # fmt: skip
    at = cleaned.text.index("iii. ")
    span = cleaned.offsets.to_raw(Span(at, at + 5))
    assert raw[span.start : span.end].endswith("<ol start='3' type='i'><li>")
    _check_runs(raw, cleaned)


def _bare(text: str) -> str:
    return re.sub(r"[\s|]", "", text)


@given(pages)
@example("<html><head><title>A page</title></head><body><p>&nbsp;<br>Kim")  # no "| Kim"
def test_block_fields_set_apart_what_the_block_text_joins_and_nothing_else(raw: str) -> None:
    """:func:`~nkcorpus.cleaning.htmlpage.block_fields` writes each block's text with
    breaks between its elements: the same characters as :attr:`Block.text` but for white
    space and the breaks."""
    page = read_page(raw)
    fields = block_fields(raw, page, page.blocks)
    for index, block in page.blocks.items():
        assert _bare(fields[index]) == _bare(block.text)
        assert not fields[index].startswith(FIELD_BREAK.strip())


def test_a_quote_that_starts_an_attribute_name_leaves_the_tag_a_tag() -> None:
    """``<ul class="o-nav__list data-dropdown-list=" "="">`` (Deadline's menus) and
    ``<a href='…''>`` (Dong-a Ilbo's links): a browser reads an attribute named ``"`` or
    ``'``, and so does nkcorpus; the tag is not shown as text."""
    raw = (
        '<html><body><ul class="o-nav__list data-dropdown-list=" "=""><li><a href="/">Home'
        "</a></li></ul><p><a href='http://photo.example.com/view?id=1''>Photo</a> of the day"
        "</p></body></html>"
    )
    shown = " ".join(b.text for b in read_page(raw).blocks.values())
    assert "<" not in shown
    assert shown.split() == ["Home", "Photo", "of", "the", "day"]
