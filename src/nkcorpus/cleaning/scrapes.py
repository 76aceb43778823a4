"""The article in a scrape of a whole web page: menus and link lists left out.

Scrapers that turn a page into markdown (html2text, Jina Reader, Firecrawl without
its main-content option) keep the whole page: navigation, link lists, share
buttons, the footer, all as short paragraphs and list items. :func:`not_main_lines`
renders the markdown as HTML with markdown-it-py and lets jusText sort its
paragraphs into article and boilerplate (by length, link density and the share of
stop words, with the stop list of the language whose stop words the text uses
most, one for its Han, kana and Hangul words and one for the others); the article's
text is aligned to the lines of the cleaned text the way
:mod:`nkcorpus.cleaning.htmlmain` aligns trafilatura's to the blocks of a page.

A page flattened to plain text (inscriptis, lynx) is read the same way, each of its
lines a paragraph for jusText (:func:`looks_flattened`: long, menus at both ends, a
copyright line or a sign-in link).

Only a scrape of a whole page is read so (:func:`looks_like_scrape`: long, many
menu items, a copyright line or a sign-in link); a README or an article written in
markdown, a report or a testimony in plain text, is left as it is. Nothing is taken out
on a guess: a text with no stop list that fits it (Chinese, or fewer than 50 words), or
whose article jusText finds shorter than a tenth of it, is left whole, and only runs of
five lines or more go.
"""

from __future__ import annotations

import datetime
import functools
import html
import re
from collections import Counter
from itertools import chain, islice, pairwise, takewhile, zip_longest
from typing import Any
from urllib.parse import unquote

import attrs

from nkcorpus.cleaning.authornames import (
    chinese_name,
    job_title,
    job_word,
    korean_name,
    name_shaped,
    role_only,
    without_job_title,
    writer_and_role,
)
from nkcorpus.cleaning.boilerplate import find_boilerplate
from nkcorpus.cleaning.bylines import (
    AGENCY,
    LATER_STAMP,
    Byline,
    read_byline,
    read_dated_byline,
    read_stamped_byline,
    sign_off,
    writer_field,
)
from nkcorpus.cleaning.dates import (
    DATE_PATTERN,
    TIME_PATTERN,
    find_date,
    opens_with_stamp,
    yearless_stamp,
)
from nkcorpus.cleaning.htmlalign import MENU_ITEM, block_key, body_blocks
from nkcorpus.cleaning.htmlattrs import writer_url
from nkcorpus.cleaning.htmlpage import Block
from nkcorpus.cleaning.layout import (
    OPENING_BYLINE_LINES,
    breadcrumb_line,
    furniture_line,
    headline_sized,
    menu_line,
    script_line,
    title_like,
)
from nkcorpus.cleaning.markdown import front_matter_end, parse_unindented
from nkcorpus.cleaning.metadata import (
    PHOTO_LIBRARY,
    credit_line,
    credited_caption,
    headline_like,
    inline_byline,
)
from nkcorpus.cleaning.titles import commented_title, comments_heading
from nkcorpus.document import Span
from nkcorpus.text.scripts import CJK_CHARS, HAN_CHARS, HANGUL_SYLLABLES, KANA_CHARS

__all__ = [
    "BARE_STAMP_TO_PROSE",
    "CONTROLS_OVER_STAMP",
    "CONTROL_RULES",
    "COPY_CHARS",
    "COPY_SENTENCE",
    "COPY_SHARE",
    "CRUMB_LINES",
    "DAY_LINE_CHARS",
    "DECK_HEADLINE_WORDS",
    "GLUED_TITLE_WORDS",
    "GOOD_PARAGRAPH",
    "HANGUL_GOOD_PARAGRAPH",
    "HANGUL_SHORT_PARAGRAPH",
    "HANGUL_STOPWORDS_LOW",
    "HAN_DATE_LINES",
    "HAN_GOOD_PARAGRAPH",
    "HAN_MAIN_SHARE",
    "HAN_MENU_LINES",
    "HAN_SCRAPE_LINES",
    "HAN_SHARE",
    "HAN_STOPWORDS",
    "HAN_STOPWORDS_HIGH",
    "HAN_STOPWORDS_LOW",
    "HEADLINE_BEYOND_STAMP",
    "HEADLINE_IN_PROSE",
    "HEADLINE_LIST_CHARS",
    "HEADLINE_LIST_ITEMS",
    "HEADLINE_LIST_ITEM_CHARS",
    "HEADLINE_OVER_STAMP",
    "HEADLINE_REPEATS",
    "HEADLINE_SHARE_IN_PROSE",
    "HEADLINE_UNDER_STAMP",
    "HEADLINE_WORDS",
    "HEADLINE_WORDS_IN_PROSE",
    "ITEM_LINES",
    "KEY_LETTERS",
    "LINK_TEXT_CHARS",
    "LONG_MENU_RUN",
    "LONG_PARAGRAPH",
    "LONG_PARAGRAPH_LINKS",
    "MAIN_SHARE",
    "MENU_RUN",
    "MENU_SHARE",
    "PROSE_CHARACTERS",
    "PROSE_LINES",
    "PROSE_UNDER_STAMP",
    "SCRAPE_CHARS",
    "SCRAPE_LINES",
    "SLUG_SHARE",
    "SLUG_WORDS",
    "STAMPED_LINES",
    "STAMP_CHARS",
    "STAMP_LINE_CHARS",
    "STOPWORD_SHARE",
    "TEASER_CHARS",
    "WRAPPED_SHARE",
    "ScrapeReading",
    "headline_alone",
    "headline_list",
    "headline_stamps",
    "linked_date",
    "looks_flattened",
    "looks_like_scrape",
    "not_main_lines",
    "prose_line",
    "read_scrape",
    "scrape_html",
    "shown_text",
    "stamped_heading",
    "stamped_headline",
]


@functools.lru_cache(maxsize=1)
def _renderer() -> Any:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": True}).enable("table")


def scrape_html(scrape: str, plain: bool = False) -> str:
    r"""The scrape ``scrape`` as an HTML page: markdown rendered with markdown-it-py
    (CommonMark, HTML and tables on), or, with ``plain``, a text flattened from a page
    with each of its lines a paragraph.

    >>> scrape_html("# Kim\n\nMet *Moon*.")
    '<html><body><h1>Kim</h1>\n<p>Met <em>Moon</em>.</p>\n</body></html>'
    >>> scrape_html("Kim & Moon\n\nmet", plain=True)
    '<html><body><p>Kim &amp; Moon</p><p>met</p></body></html>'
    """
    if plain:
        lines = (line for line in scrape.splitlines() if line.strip())
        body = "".join(f"<p>{html.escape(line)}</p>" for line in lines)
    else:
        renderer = _renderer()
        tokens = parse_unindented(scrape, renderer)
        body = renderer.renderer.render(tokens, renderer.options, {})
    return f"<html><body>{body}</body></html>"


def not_main_lines(markdown: str, text: str) -> list[Span]:
    r"""The lines of ``text`` (the cleaned text of the scrape ``markdown``) that are not
    its article, each with the line break after it.

    >>> menu = [f"* [Section {n}](/s/{n})" for n in range(50)]
    >>> story = ("The council met on Monday and agreed on a plan for the harbour, which "
    ...     "the town has been waiting for since the storm of the winter before. ") * 3
    >>> page = "\n".join([*menu, "", story, "", story, "", "© 2024 The Harbour Times"])
    >>> text = "\n".join(f"Section {n}" for n in range(50)) + "\n\n" + story + "\n\n" + story
    >>> gone = [text[s.start : s.end].strip() for s in not_main_lines(page, text)]
    >>> len(gone), gone[0], story.strip() in gone
    (50, 'Section 0', False)
    """
    return read_scrape(markdown, text).not_main


@attrs.frozen
class ScrapeReading:
    """What :func:`read_scrape` found in a markdown scrape of a whole page.

    Attributes:
        not_main: the lines of the cleaned text that are not its article, each with the
            line break after it (:func:`not_main_lines`).
        prose: where the article's first paragraph of prose starts in the cleaned text
            (``None`` when the scrape was not read).
        copies: the lines of the article's paragraphs that repeat, sentence for sentence,
            what it said before them (the page's second copy of the story, a preview of it,
            a photo's caption shown twice), each with the line break after it.
        whole: the text reads as a whole page (:func:`looks_like_scrape`; for a plain
            text, :func:`looks_flattened`), whether or not anything was found in it.
    """

    not_main: list[Span] = attrs.field(factory=list)
    prose: int | None = None
    copies: list[Span] = attrs.field(factory=list)
    whole: bool = False


def read_scrape(markdown: str, text: str, plain: bool = False) -> ScrapeReading:
    """Read the scrape ``markdown`` whose cleaned text is ``text``: its lines that are not
    the article (:func:`not_main_lines`) and where the article's prose starts (its first
    paragraph of :data:`PROSE_CHARACTERS` characters or more that jusText keeps).

    ``plain``: ``markdown`` is a plain text flattened from a page (inscriptis, lynx), read
    if :func:`looks_flattened`, each of its lines a paragraph for jusText.

    A Chinese text, which jusText has no stop list for, is read with each Han character a
    word and the particles and pronouns of Chinese prose as its stop words
    (:data:`HAN_STOPWORDS`, at the densities :data:`HAN_STOPWORDS_LOW` and
    :data:`HAN_STOPWORDS_HIGH`).

    Nor is a line of other stories' Chinese headlines set side by side (a portal's list
    flattened into one line: :func:`headline_list`), nor a plain text's line of tags alone
    (``<script src=…></script>``, markup that the scraper wrote out as text)."""
    reading = _read_scrape(markdown, text, plain)
    if not reading.whole:
        return reading
    gone: list[Span] = []
    position = 0
    for line in text.splitlines(keepends=True):
        if headline_list(line) or (plain and "<" in line and _TAGS_ALONE.fullmatch(line.strip())):
            gone.append(Span(position, position + len(line)))
        position += len(line)
    if not gone:
        return reading
    not_main = sorted({*reading.not_main, *gone}, key=lambda span: span.start)
    return attrs.evolve(reading, not_main=not_main)


#: The fewest characters of a line of Chinese headlines set side by side
#: (:func:`headline_list`).
HEADLINE_LIST_CHARS = 150
#: The fewest headlines of such a line.
HEADLINE_LIST_ITEMS = 12
#: The longest that most headlines of such a line are (the median's length, in characters).
HEADLINE_LIST_ITEM_CHARS = 12
_SENTENCE_ENDS = re.compile(r"[。！？!?]")


def headline_list(line: str) -> bool:
    """Whether ``line`` is a list of other stories' Chinese headlines set side by side, as a
    portal's box of them reads flattened into one line: :data:`HEADLINE_LIST_CHARS`
    characters or more, :data:`HEADLINE_LIST_ITEMS` parts or more set apart by spaces,
    most of them no longer than :data:`HEADLINE_LIST_ITEM_CHARS`, Han characters and no
    sentence's end.

    >>> headline_list("女教師錯愛賤警 舉報如意「狼」君免害人 議員籲事主驗傷留證據 " * 5)
    True
    >>> headline_list("紅磡一個單位遭賊人爆竊，損失財物逾萬元。" * 10)
    False
    """
    text = line.strip()
    if len(text) < HEADLINE_LIST_CHARS or _SENTENCE_ENDS.search(text) or not _HAN_CHAR.search(text):
        return False
    parts = sorted(len(part) for part in text.split())
    return len(parts) >= HEADLINE_LIST_ITEMS and parts[len(parts) // 2] <= HEADLINE_LIST_ITEM_CHARS


def _read_scrape(markdown: str, text: str, plain: bool) -> ScrapeReading:
    """:func:`read_scrape`, but for the lines of other headlines and of tags alone."""
    if not (looks_flattened(markdown) if plain else looks_like_scrape(markdown)):
        return ScrapeReading()
    import justext  # type: ignore[import-untyped]

    source = text if plain else markdown[front_matter_end(markdown) :]
    words = _WORD.findall(text.casefold())
    stoplists = _stoplist(words)
    settings: dict[str, float] = {"length_high": GOOD_PARAGRAPH}
    share = MAIN_SHARE
    if True not in stoplists and _han_text(text):
        # Chinese, which jusText has no list for: each Han character a word of its own, and
        # the particles and pronouns of Chinese prose its stop words; a short news item on
        # a portal's big page is a small share of it
        source = _HAN_CHAR.sub(r"\g<0> ", source)
        stoplists[True] = HAN_STOPWORDS
        settings.update(
            length_high=HAN_GOOD_PARAGRAPH,
            stopwords_low=HAN_STOPWORDS_LOW,
            stopwords_high=HAN_STOPWORDS_HIGH,
        )
        share = HAN_MAIN_SHARE
    elif True in stoplists and _korean_words(words):
        # Korean, whose syllables say about as much as two Latin letters each, in news
        # writing that gives a sentence a paragraph (a broadcaster's script above all)
        settings.update(
            length_low=HANGUL_SHORT_PARAGRAPH,
            length_high=HANGUL_GOOD_PARAGRAPH,
            stopwords_low=HANGUL_STOPWORDS_LOW,
        )
    if not stoplists:
        return ScrapeReading(whole=True)
    page = scrape_html(source, plain)
    stoplist = frozenset().union(*stoplists.values())
    try:
        paragraphs = justext.justext(page, stoplist, **settings)
    except Exception:  # jusText cannot read it: nothing is taken out on a guess
        return ScrapeReading(whole=True)
    length = settings["length_high"]
    main = "\n".join(p.text for p in paragraphs if not p.is_boilerplate or _long_prose(p, length))
    if not main:
        # jusText judged every paragraph by bad neighbours (the layout took out a good one,
        # a portal's disclaimer, beside the article): its paragraphs of a good length that
        # it finds near good, with few links, are the article
        main = "\n".join(p.text for p in paragraphs if _long_prose(p, length, 1))
    blocks: dict[int, Block] = {}
    position = 0
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        if stripped:
            blocks[len(blocks)] = Block(position, position + len(line), stripped)
        position += len(line)
    keys = {index: block_key(block.text) for index, block in blocks.items()}
    if len(main) < share * len(text):
        # Too little for the article (jusText misread the page, or the article is a
        # paywall's teaser): only the site's menus go, runs of their items.
        return ScrapeReading(_menu_runs(text, blocks, keys), whole=True)
    body = body_blocks(blocks, keys, main)
    if not body:
        return ScrapeReading(whole=True)
    # jusText judges a paragraph by the stop words of its languages: the lines of a family
    # of scripts that no stop list was found for (a Korean statement quoted in an English
    # page, with too few words or no list of its own) it cannot judge, and they stay. A
    # line's family is that of most of its letters (not its figures: a Chinese headline's
    # time, "(01/12 17:43)").
    # They stay between the lines it judged the article's, and above the first of those
    # where they end a sentence (a quotation that opens the article; not a menu's item, a
    # style sheet or a script's code); after the last line of the article that says
    # something (:func:`_told`), none stays.
    # (A line of markup that a converter left in, a script's tag, is no statement.)
    said = [i for i in sorted(body) if _told(blocks[i].text)]
    # The readers' comments under a post (from their heading: "34 responses to “…”", "Leave
    # a Reply") end the article, however much prose they hold: they go, and all after them.
    comments = next(
        (i for i in blocks if said and i > said[0] and comments_heading(blocks[i].text)),
        len(blocks),
    )
    body = {i for i in body if i < comments}
    # The paragraphs that repeat what the article said before them leave too (the page
    # shows the story twice, a photo's caption twice); the article ends before them.
    copied = _copies(text, {i: blocks[i] for i in sorted(body)})
    body -= copied
    said = [i for i in said if i < comments and i not in copied]
    last = said[-1] if said else max(body)
    start = min(body)
    body.update(
        i
        for i, key in keys.items()
        if i < last
        and (i > start or _ends_sentence(blocks[i].text))
        and _letters_cjk(key) not in stoplists
        and not _MARKUP_LINE.fullmatch(blocks[i].text)
    )
    # The article ends with its last line that says something: the lines that jusText
    # keeps after it (a list of other stories' headlines, a box's label) say nothing, and
    # go with the runs between them as a run after the article does.
    body = {i for i in body if i <= last}
    # A cookie banner over the article (its consent paragraphs, which jusText keeps as
    # prose, and the lines between them) goes, however short.
    banner = _banner(blocks, body)
    body -= banner
    # Between the article's lines, only runs of lines go (a menu, a link list); a short
    # line alone between its paragraphs stays. Before its first line and after its last,
    # any run goes that says nothing (:func:`_told`): the site's menu on one line, a
    # breadcrumb trail.
    out: list[Span] = [Span(blocks[i].start, blocks[i].end) for i in sorted(banner)]
    out += [Span(blocks[i].start, blocks[i].end) for i in range(comments, len(blocks))]
    run: list[Block] = []
    kept = {blocks[i].start for i in body}
    prose = next(
        (
            m.start()
            for m in _PARAGRAPH.finditer(text)
            if m.start() in kept and _is_prose(m.group())
        ),
        None,
    )
    first = min(body)  # the article's first line: what stands before it goes whole
    for index, block in [*list(blocks.items())[:comments], (-1, None)]:
        if block is not None and index not in body:
            run.append(block)
            continue
        edge = index == first or block is None  # before the article or after it
        if edge and run:
            # the paragraphs of the article that jusText did not keep, right next to it
            # (its first paragraphs above its first line, its last under its last), stay:
            # paragraphs of prose that end a sentence (a line of headlines ends none)
            told = list(takewhile(_sentence, reversed(run) if block else run))
            run = run[: len(run) - len(told)] if block else run[len(told) :]
        if index != first:  # a listicle's items under its paragraphs stay
            run = run[_numbered_list(run) :]
        if len(run) >= MENU_RUN or (run and edge and not any(_told(b.text) for b in run)):
            out.extend(Span(b.start, b.end) for b in run)
        run = []
    copies = [Span(blocks[i].start, blocks[i].end) for i in sorted(copied)]
    gone = set(out).difference(copies)
    return ScrapeReading(sorted(gone, key=lambda span: span.start), prose, copies, whole=True)


#: A line of tags alone, with nothing between them (``<script language='javascript'
#: src='…'></script>``): markup that a scraper wrote out as text.
_TAGS_ALONE = re.compile(r"\s*(?:<[a-zA-Z!/][^<>\n]*>\s*)+")


#: An item of a list numbered in the text (``"1) Lego Star Wars …"``, ``"12. …"``).
_NUMBERED_ITEM = re.compile(r"\s*(?:[*+-]\s+)?(\d{1,3})[.)]\s+\S")
#: The most lines under one item of a numbered list before the next item (its link, its
#: price) or the list's end.
ITEM_LINES = 2


def _numbered_list(run: list[Block]) -> int:
    """How many of the lines that open ``run`` are a list that the text numbers from one in
    order (``"1) …"``, ``"2) …"``: a listicle's items), two items or more, each maybe with
    up to :data:`ITEM_LINES` lines of its own under it (a link, a price); 0 where the run
    opens with no such list.

    >>> items = ["1) Lego Star Wars", "http://amzn.to/2iJFhRj", "2) Polistil Pista", "Tags"]
    >>> _numbered_list([Block(0, 1, text) for text in items])
    3
    >>> _numbered_list([Block(0, 1, text) for text in ["Home", "1. News", "2. Sport"]])
    0
    """
    expected, under, end = 1, 0, 0
    for n, block in enumerate(run):
        item = _NUMBERED_ITEM.match(block.text)
        if item and int(item[1]) == expected:
            expected, under, end = expected + 1, 0, n + 1
        elif expected == 1 or under == ITEM_LINES:
            break  # a line before the first item, or too many under one: the list ends
        else:
            under += 1
    return end if expected > 2 else 0


#: The fewest characters (letters and figures) of a paragraph that is tested for being a
#: copy of what a scrape's article said before it (:attr:`ScrapeReading.copies`), the
#: fewest of a sentence looked for, and the share of the paragraph's characters that its
#: sentences said before must hold.
COPY_CHARS = 80
COPY_SENTENCE = 10
COPY_SHARE = 0.9
_NOT_WORD = re.compile(r"[\W_]+")
#: Where a sentence ends (and the next begins), however the lines are wrapped.
_SENTENCE_BREAK = re.compile(r"(?<=[.!?。！？…])[\"'”’」』)）]*")


def _copies(text: str, kept: dict[int, Block]) -> set[int]:
    """The lines (their indexes in ``kept``) of the paragraphs of the cleaned ``text``, made
    of the ``kept`` lines in order, that repeat what the article said before them: of
    :data:`COPY_CHARS` letters and figures or more, :data:`COPY_SHARE` of which are in
    sentences (:data:`COPY_SENTENCE` characters or more) that the paragraphs kept before it
    hold, letter for letter (the page shows the story twice, its paragraphs run together, a
    photo's caption twice, a preview of the story under it; not a paragraph that only a
    figure or a name sets apart). Each sentence is looked up once: time is linear in the
    text."""
    lines = {block.start: index for index, block in kept.items()}
    said: set[str] = set()
    out: set[int] = set()
    for paragraph in _PARAGRAPH.finditer(text):
        own = [lines[at] for at in _line_starts(paragraph) if at in lines]
        if not own:
            continue
        sentences = _SENTENCE_BREAK.split(" ".join(kept[i].text for i in own).casefold())
        keys = [k for k in (_NOT_WORD.sub("", s) for s in sentences) if len(k) >= COPY_SENTENCE]
        size = sum(len(key) for key in keys)
        if size >= COPY_CHARS and sum(len(k) for k in keys if k in said) >= COPY_SHARE * size:
            out.update(own)
            continue
        said.update(keys)
    return out


def _line_starts(paragraph: re.Match[str]) -> list[int]:
    """Where each line of the ``paragraph`` (a match of :data:`_PARAGRAPH`) starts, its
    lines split as :func:`read_scrape` splits the text's."""
    starts: list[int] = []
    at = paragraph.start()
    for line in paragraph.group().splitlines(keepends=True):
        starts.append(at)
        at += len(line)
    return starts


#: The longest line that is a teaser's headline in a list of them, which goes where
#: jusText's article is too small a share of the page to trust.
TEASER_CHARS = 80


def _menu_runs(text: str, blocks: dict[int, Block], keys: dict[int, str]) -> list[Span]:
    """The runs of :data:`MENU_RUN` lines or more in a row of the cleaned ``text`` that are
    each a menu's item or a teaser's headline and say nothing (:func:`_told`): a few words
    (:data:`MENU_ITEM` characters at most, white space aside), or a paragraph of one line of
    :data:`TEASER_CHARS` at most (a wrapped paragraph's lines are no headlines)."""
    alone = {m.start() for m in _PARAGRAPH.finditer(text) if "\n" not in m.group().rstrip("\n")}
    out: list[Span] = []
    run: list[Block] = []
    for index, block in [*blocks.items(), (-1, None)]:
        if (
            block is not None
            and (
                len(keys[index]) <= MENU_ITEM
                or (block.start in alone and len(block.text) <= TEASER_CHARS)
            )
            and not _told(block.text)
        ):
            run.append(block)
            continue
        if len(run) >= MENU_RUN:
            out.extend(Span(b.start, b.end) for b in run)
        run = []
    return out


#: A paragraph this many times jusText's good length, that it finds near good (its stop
#: words between its two densities) and holds few links, is the article's, whatever its
#: neighbours: a whole article that a layout table's cell writes on one line.
LONG_PARAGRAPH = 4
#: The most share of a long paragraph's text in links (:data:`LONG_PARAGRAPH`).
LONG_PARAGRAPH_LINKS = 0.1


def _letters_cjk(line: str) -> bool:
    """Whether most of the letters of ``line`` are Chinese, Japanese or Korean (not where
    it has none)."""
    letters = sum(1 for c in line if c.isalpha())
    return bool(letters) and 2 * len(_CJK.findall(line)) >= letters


def _long_prose(paragraph: Any, length: float, times: float = LONG_PARAGRAPH) -> bool:
    """Whether jusText's ``paragraph`` (which it took for boilerplate next to boilerplate)
    is one long paragraph of prose: near good, ``times`` (:data:`LONG_PARAGRAPH`) ``length``
    (jusText's good length) long, and few links."""
    return (
        paragraph.cf_class == "neargood"
        and len(paragraph.text) >= times * length
        and paragraph.links_density() <= LONG_PARAGRAPH_LINKS
    )


#: A sentence's end at the end of a line, before the quotes and brackets that close it and
#: a short credit in brackets (``"…解决方案。”（忆松）"``, no figures: not a video's length,
#: ``"(1:12)"``); not an ellipsis (``"正在加载..."``, loading).
_TOLD = re.compile(r"(?<![.])[.。!！?？][」』”\"'’)）]*(?:\s*[(（][^()（）\n\d]{1,12}[)）])?$")
#: A line of markup that a converter left in, tags at both its ends (``<noscript><a …>…</a>
#: </noscript>``).
_MARKUP_LINE = re.compile(r"\s*<[a-zA-Z!/][^\n]*>\s*")


def _says(line: str) -> str | None:
    """What ``line`` says: ``None`` for a line of markup that a converter left in, or of a
    script's code (:func:`~nkcorpus.cleaning.layout.script_line`: ``u_a_width="300";
    u_a_height="200";``), else the line without its markdown links' targets (a link that
    the reader could not read: a script's code with no closing parenthesis on its line,
    ``"javascript:…"``)."""
    if _MARKUP_LINE.fullmatch(line) or script_line(line):
        return None
    return _LINK_TARGET.sub("]", line) if "](" in line else line


def _ends_sentence(line: str, prose: bool = False) -> bool:
    """Whether what ``line`` says (:func:`_says`) ends a sentence and is no menu
    (:func:`_sentence_end`); with ``prose``, a paragraph of prose's length too
    (:func:`_is_prose`)."""
    shown = _says(line)
    return shown is not None and (not prose or _is_prose(shown)) and _sentence_end(shown)


def _sentence_end(shown: str) -> bool:
    """Whether ``shown`` (what a line says) ends a sentence (:data:`_TOLD`) and is no menu."""
    return _TOLD.search(shown) is not None and not menu_line(shown)


def _sentence(block: Block) -> bool:
    """Whether ``block`` is a paragraph of prose that ends a sentence (:func:`_ends_sentence`)."""
    return _ends_sentence(block.text, prose=True)


def _told(line: str) -> bool:
    """Whether ``line`` says something: it is a paragraph of prose (:func:`prose_line`),
    or ends a sentence and is no menu; a menu's or a list's lines do neither, nor does a
    line of markup that a converter left in. A markdown link's target is no part of what
    the line says."""
    shown = _says(line)
    return shown is not None and (prose_line(shown) or _sentence_end(shown))


#: A markdown link's target that the reader left in, after its text: an address, up to
#: the first space after it; a script's code with no closing parenthesis on its line
#: (``[转麻辣微博](javascript:var d=…``), to the end of the line.
_LINK_TARGET = re.compile(r"\]\(\s*(?:javascript:.*|\S*)", re.IGNORECASE)


def _banner(blocks: dict[int, Block], body: set[int]) -> set[int]:
    """The lines of a cookie banner above the article: from its first consent paragraph
    (:func:`_consent`) to its last, before the first paragraph of prose that ``body``
    keeps and is none."""
    consent: list[int] = []
    for index, block in blocks.items():
        if _consent(block.text):
            consent.append(index)
        elif index in body and _is_prose(block.text):
            break
    return set(range(consent[0], consent[-1] + 1)) if consent else set()


#: What a cookie banner is about: cookies, consent, opting out (``쿠키``, ``Cookie``).
_CONSENT_KEY = re.compile(r"\bcookies?\b|쿠키|consent|opt[- ]?out", re.IGNORECASE)
#: How a cookie banner speaks: as the site, to the reader ("we use", "this website", "your
#: browser", "accept all"; 이 사이트, 당사; 本网站, 我们使用), which a news report on cookies or
#: consent does not.
_SITE_VOICE = re.compile(
    r"\bwe\s+(?:and\s+our\s+partners\s+)?use\b|\bour\s+(?:web\s*)?(?:site|partners|consent)"
    r"|\bthis\s+(?:web\s*)?site\b|\byour\s+(?:browser|device|preferences|consent|choices|privacy)"
    r"|\byou\s+can\b|\baccept\s+all\b|\breject\s+all\b|\bmanage\s+(?:preferences|settings|cookies)"
    r"|이\s*사이트|본\s*사이트|당사|本网站|本網站|我们使用|我們使用",
    re.IGNORECASE,
)
#: The longest paragraph read as a cookie banner's.
CONSENT_CHARS = 800


def _consent(paragraph: str) -> bool:
    """Whether ``paragraph`` is a cookie banner's: at most :data:`CONSENT_CHARS`
    characters, about cookies, consent or opting out, in the site's voice to the reader.

    >>> _consent("This website uses essential cookies to enable core website features.")
    True
    >>> _consent("Meta will ask users for consent before tracking them for advertising.")
    False
    """
    if len(paragraph) > CONSENT_CHARS:
        return False
    return _CONSENT_KEY.search(paragraph) is not None and _SITE_VOICE.search(paragraph) is not None


#: A paragraph of the article this long or longer (or with a third as many CJK
#: characters) is prose, not a heading, byline or caption.
PROSE_CHARACTERS = 120
#: A paragraph of the cleaned text: lines without a blank line between them (scrapers
#: wrap a paragraph's lines).
_PARAGRAPH = re.compile(r"(?:[^\n]+\n?)+")


#: The punctuation inside a Chinese or Japanese sentence, or a Korean sentence's end, which
#: a menu's line never holds.
_CJK_PUNCTUATION = re.compile(r"[，。；！？、：]|[가-힣][.!?]")


def _sentences(line: str) -> bool:
    """Whether ``line`` is a paragraph written in sentences (:func:`prose_line`, and the
    punctuation of Chinese sentences or the small words of English ones), not a site's
    menus and links on one line (``"訂閱電子報 udn健康報e報 常春EverGreen …"``)."""
    if not prose_line(line):
        return False
    return bool(_CJK_PUNCTUATION.search(line)) if _CJK.search(line) else _prose(line)


def prose_line(line: str) -> bool:
    """Whether ``line`` has a paragraph's length (:data:`PROSE_CHARACTERS`) and is no menu
    written on one line."""
    return _is_prose(line) and not menu_line(line)


def _is_prose(paragraph: str) -> bool:
    """Whether ``paragraph`` has a paragraph of prose's length: :data:`PROSE_CHARACTERS`
    characters (its runs of white space one each: inscriptis pads a table's lines with
    spaces to its width), a Chinese, Japanese or Korean character counting three."""
    cjk = len(_CJK.findall(paragraph))
    if 3 * cjk >= PROSE_CHARACTERS:
        return True
    if len(paragraph) < PROSE_CHARACTERS:
        return False
    return len(" ".join(paragraph.split())) >= PROSE_CHARACTERS


#: A scrape of a whole page has at least this many lines.
SCRAPE_LINES = 50
#: A scrape of one page has at most this many characters (the 181 pages of the
#: article-extraction benchmark: 76,000 at most as markdown, 64,000 as plain text); a
#: longer text is a book, a report or pages run together, and jusText, whose time grows
#: with the square of the short lines, does not read it.
SCRAPE_CHARS = 100_000
#: At least this share of a scrape's lines are menu items (a list item or a link of a
#: few words).
MENU_SHARE = 0.15
_MENU_ITEM = re.compile(
    r"\s*(?:(?:[*+-]|\d{1,3}[.)])\s+)?(?:\[[^\]\n]{0,60}\]\([^)\n]*\)|(?:\S+\s+){0,3}\S+)\s*"
)
#: What only the furniture of a web page says: a copyright line, the privacy policy, a
#: sign-in link, a newsletter box (in English, Korean and Chinese).
_FURNITURE = re.compile(
    r"©|\ball rights reserved\b|\bprivacy (?:policy|notice)\b|\bterms of (?:use|service)\b"
    r"|\bsign (?:in|up)\b|\blog ?in\b|\bnewsletters?\b|\bcookie"
    r"|무단\s*전재|저작권|개인정보|로그인|구독|版权所有|版權所有|隐私|隱私|登录|登入|訂閱|订阅"
    r"|关于我们|關於我們|联系我们|聯絡我們|聯繫我們|网站地图|網站地圖|免责声明|免責聲明|设为首页"
    r"|設為首頁|广告服务|廣告服務|廣告刊登|\bcopyright\b",
    re.IGNORECASE,
)
_LIST_ITEM = re.compile(r"\s*(?:[*+-]|\d{1,3}[.)])\s")


def looks_like_scrape(markdown: str) -> bool:
    """Whether ``markdown`` is a scrape of a whole page, menus and all: at least
    :data:`SCRAPE_LINES` lines (and :data:`SCRAPE_CHARS` characters at most),
    :data:`MENU_SHARE` of them a list item or a link of four words or fewer, and the page's
    furniture (a copyright line, a privacy policy, a sign-in link, a newsletter box). A
    README or an article written in markdown is not.

    A scraper that writes a menu's links as bare lines (html2text told to leave links out)
    makes a page that reads as one flattened to text: it is a scrape too where
    :func:`looks_flattened` says so (runs of menu entries at both ends).
    """
    if len(markdown) > SCRAPE_CHARS:
        return False
    lines = [line for line in markdown.splitlines() if line.strip()]
    if _han_page(markdown, lines):
        return True
    if len(lines) < SCRAPE_LINES:
        return False
    menus = sum(
        1
        for line in lines
        if _MENU_ITEM.fullmatch(line) and (_LIST_ITEM.match(line) or line.lstrip().startswith("["))
    )
    furniture = _FURNITURE.search(markdown) is not None
    return (menus >= MENU_SHARE * len(lines) and furniture) or looks_flattened(markdown)


#: A line of a flattened page that is a menu's entry: a bullet, then four words at most
#: (and no sentence's end, :data:`_SENTENCE_END`).
_SENTENCE_END = re.compile(r"[.。!！?？]$")
_FLAT_MENU_ITEM = re.compile(r"\s*(?:[*+•o-]\s+|\d{1,3}[.)]\s+)?(?:\S+\s+){0,3}\S+\s*")


def looks_flattened(text: str) -> bool:
    """Whether the plain ``text`` is a whole page flattened to text (inscriptis, lynx, a
    browser's "save as text"), menus and all: at least :data:`SCRAPE_LINES` lines (and
    :data:`SCRAPE_CHARS` characters at most), a run
    of :data:`MENU_RUN` menu entries (four words at most) among its first fifth and
    another among its last (or the heading of a post's readers' comments, which may end
    the page; or, where the footer shows no menu, a run of :data:`LONG_MENU_RUN` at the
    top), :data:`MENU_SHARE` of its lines such entries, and the page's furniture (a
    copyright line, a privacy policy, a sign-in link, a newsletter box)."""
    if len(text) > SCRAPE_CHARS:
        return False
    lines = [line for line in text.splitlines() if line.strip()]
    if _han_page(text, lines):
        return True
    if len(lines) < SCRAPE_LINES or not _FURNITURE.search(text):
        return False
    menu = [
        bool(_FLAT_MENU_ITEM.fullmatch(line)) and not _SENTENCE_END.search(line) for line in lines
    ]
    if sum(menu) < MENU_SHARE * len(lines):
        return False

    def has_run(flags: list[bool], most: int = MENU_RUN) -> bool:
        run = 0
        for flag in flags:
            run = run + 1 if flag else 0
            if run >= most:
                return True
        return False

    fifth = max(len(lines) // 5, MENU_RUN)
    if not has_run(menu[:fifth]):
        return False
    # a post's readers' comments may end the page in place of its menus, and a long menu
    # at its top says as much as two where the footer shows none (cut off, or its links
    # too long for a menu's entries)
    return (
        has_run(menu[-fifth:])
        or any(comments_heading(line) for line in lines)
        or (has_run(menu[:fifth], LONG_MENU_RUN) and not _hard_wrapped(lines))
    )


#: The widths that a converter wraps a text's lines at (html2text: 78 characters).
_WRAP_WIDTHS = range(60, 81)
#: The share of a text's lines of 60 characters or more that hold 80 at most (the widths
#: converters wrap lines at), for its paragraphs to be wrapped over several lines.
WRAPPED_SHARE = 0.9


def _hard_wrapped(lines: list[str]) -> bool:
    """Whether the paragraphs of the text of ``lines`` are wrapped over several lines at a
    fixed width (as html2text writes them), not each a line of its own (as inscriptis does):
    :data:`WRAPPED_SHARE` of its long lines within :data:`_WRAP_WIDTHS`."""
    long = [n for n in map(len, map(str.strip, lines)) if n >= _WRAP_WIDTHS.start]
    return bool(long) and sum(n in _WRAP_WIDTHS for n in long) >= WRAPPED_SHARE * len(long)


#: A paragraph this long (in characters) with enough stop words is article for jusText
#: (its default, 200, takes the short paragraphs of news writing for boilerplate).
GOOD_PARAGRAPH = 140
#: The fewest lines in a row that jusText must leave out for them to go.
MENU_RUN = 5
#: The fewest menu entries in a row near the top of a flattened page that make it one
#: where its footer shows no menu.
LONG_MENU_RUN = 10
#: An article that jusText finds shorter than this share of the text is a misreading.
MAIN_SHARE = 0.1
#: A stop list that holds at least this share of the words is the document's language's.
STOPWORD_SHARE = 0.2
_WORD = re.compile(r"[^\W\d_]+")
_CJK = re.compile(f"[{CJK_CHARS}]")


#: A Han character.
_HAN_CHAR = re.compile(f"[{HAN_CHARS}]")
#: The characters of Chinese prose's particles, pronouns and conjunctions (simplified and
#: traditional), which a menu, a headline's list or a footer seldom holds: jusText's stop
#: words for a Chinese text, one character each.
HAN_STOPWORDS = frozenset(
    "的了是在和也就都而及与與着著或被把这這那他她它们們我你之于於以其将將对對从從为為所但"
    "并並由向到让讓给給说說有不没沒很还還又已此该該等如若因则則即便却卻只更最再个個种種些么麼"
)
#: The stop-word density under which jusText takes a Chinese text's paragraph (each
#: character a word) for boilerplate; a paragraph of the article has a tenth of its
#: characters or more among :data:`HAN_STOPWORDS`, a menu none.
HAN_STOPWORDS_LOW = 0.05
#: The stop-word density from which jusText takes a long Chinese paragraph for the article.
HAN_STOPWORDS_HIGH = 0.09
#: :data:`GOOD_PARAGRAPH` for a Chinese text, each character and the space after it
#: counted: a paragraph of 50 characters, which says as much as 150 of English.
HAN_GOOD_PARAGRAPH = 100
#: The least share of a Chinese page's text that jusText must find as its article.
HAN_MAIN_SHARE = 0.02
#: The share of a text's letters that are Han characters for it to be read as Chinese.
HAN_SHARE = 0.5


def _han_text(text: str) -> bool:
    """Whether ``text`` is written in Chinese: :data:`HAN_SHARE` of its words Han
    characters (each a word, as a run of other letters is one: the addresses and scripts
    that a scraper leaves in its links do not outweigh the page's Chinese), and no Japanese
    kana or Korean Hangul among them to speak of."""
    han = len(_HAN_CHAR.findall(text))
    others = len(_OTHER_WORD.findall(text))
    return (
        han >= 50
        and han >= HAN_SHARE * (han + others)
        and len(_KANA_HANGUL.findall(text)) * 10 < han
    )


#: jusText's good length (:data:`GOOD_PARAGRAPH`) for a Korean text, in characters: a
#: Hangul syllable says about as much as two Latin letters, and Korean news writing gives a
#: sentence a paragraph of its own (``"이 사건의 배후로 지목받아 온 재력가 유 모 씨에 대한
#: 구속영장 심사가 진행됐습니다."``, 47 characters).
HANGUL_GOOD_PARAGRAPH = 70
#: The length under which jusText judges a Korean text's paragraph by its neighbours, in
#: characters (70 by default).
HANGUL_SHORT_PARAGRAPH = 30
#: The stop-word density (its default, 0.3) under which jusText takes a Korean text's
#: paragraph for boilerplate: its Korean list holds word forms with their particles, and a
#: sentence of names and figures has few of them (``"북한은 2020년 6월 대북전단 살포에
#: 반발하며 …"``, 0.24).
HANGUL_STOPWORDS_LOW = 0.2
#: A word with a Hangul syllable.
_HANGUL_WORD = re.compile(f"[{HANGUL_SYLLABLES}]")


def _korean_words(words: list[str]) -> bool:
    """Whether ``words`` (runs of letters) are a Korean text's: :data:`HAN_SHARE` of them at
    least (50 or more) written in Hangul.

    >>> _korean_words(["기자"] * 50 + ["news"] * 10), _korean_words(["기자"] * 20)
    (True, False)
    """
    hangul = sum(1 for word in words if _HANGUL_WORD.search(word))
    return hangul >= 50 and hangul >= HAN_SHARE * len(words)


#: What marks an address: a link's target, a script's call.
_ADDRESS = re.compile(r"://|javascript:|\]\(")


def _without_addresses(text: str) -> str:
    """``text`` without the runs of characters between spaces that hold an address (each
    run looked at once: a pattern that extends an address both ways from each place it
    is tried at took quadratic time on a long run of Chinese)."""
    return " ".join(part for part in text.split() if not _ADDRESS.search(part))


#: A run of letters that are not Han characters.
_OTHER_WORD = re.compile(f"[^\\W\\d_{HAN_CHARS}]+")


_KANA_HANGUL = re.compile(f"[{KANA_CHARS}{HANGUL_SYLLABLES}]")


#: The fewest lines of a Chinese page's scrape; it writes a menu on one line.
HAN_SCRAPE_LINES = 10
#: The menus and breadcrumb trails (a line each) that make a Chinese text a page's scrape
#: without the page's furniture: no article written as text has two.
HAN_MENU_LINES = 2


def _han_page(text: str, lines: list[str]) -> bool:
    """Whether the Chinese ``text`` (its shown ``lines``) is a whole page's scrape: a
    Chinese page writes its menus on a line each (:func:`~nkcorpus.cleaning.layout.menu_line`)
    and its breadcrumb trail on one, so it has fewer lines than :data:`SCRAPE_LINES`; at
    least :data:`HAN_SCRAPE_LINES` lines, Chinese (:func:`_han_text`) without its links'
    addresses, and :data:`HAN_MENU_LINES` menus or breadcrumb trails among them, or one
    and the page's furniture (``版權所有``, ``关于我们``; a scraper often leaves the footer
    out)."""
    if len(lines) < HAN_SCRAPE_LINES or not _han_text(_without_addresses(text)):
        return False
    shown = (_LINK.sub(r"\1", line).strip(" |#*") for line in lines)  # links' text alone
    menus = (line for line in shown if menu_line(line) or breadcrumb_line(line))
    found = sum(1 for _ in islice(menus, HAN_MENU_LINES))
    return found >= HAN_MENU_LINES or (found > 0 and _FURNITURE.search(text) is not None)


def _stoplist(words: list[str]) -> dict[bool, frozenset[str]]:
    """jusText's stop list for each family of scripts (``True``: Han, kana and Hangul;
    ``False``: the others) of the language whose stop words that family's ``words`` use
    most, where a list holds a fifth of them (no family of fewer than 50 words has one:
    a short text; nor a Chinese text, which jusText has no list for: :func:`read_scrape`
    gives it one)."""
    found: dict[bool, frozenset[str]] = {}
    for cjk in (False, True):
        family = [word for word in words if (_CJK.search(word) is not None) == cjk]
        if len(family) < 50:
            continue
        counts = Counter(family)
        share = STOPWORD_SHARE
        for stoplist, written_cjk in _stoplists():
            if written_cjk != cjk:
                continue
            used = sum(n for word, n in counts.items() if word in stoplist) / len(family)
            if used >= share:
                found[cjk], share = stoplist, used
    return found


@functools.lru_cache(maxsize=1)
def _stoplists() -> tuple[tuple[frozenset[str], bool], ...]:
    """Every stop list of jusText, and whether its words are written in Han, kana or Hangul."""
    import justext

    lists = (justext.get_stoplist(name) for name in sorted(justext.get_stoplists()))
    return tuple((words, any(_CJK.search(w) for w in words)) for words in lists)


#: How many lines before and after a scrape's headline its byline and date are looked for.
STAMP_LINES = 10
#: A markdown headline line shorter than this (its links' texts counted, not their
#: targets) is whole: the line right under it is not its rest, wrapped as converters wrap
#: long lines (a plain text's headline may have been wrapped at any width).
WRAPPED_HEADLINE = 60
_HEADLINE = re.compile(r"#[ \t]+\S")
#: A link or image and its target (parentheses balanced one deep). Its text and target
#: hold no square bracket: each "[" is looked at up to the next bracket, and a line of
#: brackets takes linear time.
#: A markdown link or image: its text, and its target (a title after the url included).
_LINK = re.compile(r"!?\[([^\[\]\n]*+)\]\(((?:[^()\[\]\n]++|\([^()\[\]\n]*+\))*+)\)")


_NOT_NEWLINE = re.compile(r"[^\r\n]")
#: The end of a markdown link: its text's closing bracket and its target.
_LINK_END = re.compile(r"\]\(((?:[^()\[\]\n]++|\([^()\[\]\n]*+\))*+)\)")
#: The most characters of a markdown link's text that holds brackets (``[[Review] A
#: night at the theatre](…)``) that are looked back over for the bracket that opens it.
LINK_TEXT_CHARS = 300


def _bracketed_links(line: str) -> str:
    """``line`` with each link whose text holds brackets (``[[The Palace] The Beauty of
    Korea](…)``, which :data:`_LINK` does not read) written as its text.

    >>> _bracketed_links("# [[Review] A night at the theatre](https://example.org/r) now")
    '# [Review] A night at the theatre now'
    """
    if "](" not in line:
        return line
    parts: list[str] = []
    done = 0
    for end in _LINK_END.finditer(line):
        depth, start = 0, None
        for at in range(end.start() - 1, max(done, end.start() - LINK_TEXT_CHARS) - 1, -1):
            if line[at] == "]":
                depth += 1
            elif line[at] == "[":
                if not depth:
                    start = at
                    break
                depth -= 1
        if start is None or line[start - 1 : start] == "!":
            continue  # no text that opens here, or an image's
        parts += [line[done:start], line[start + 1 : end.start()]]
        done = end.end()
    return "".join(parts) + line[done:]


def headline_stamps(
    markdown: str, title: str | None = None, at: int | None = None, known: str | None = None
) -> list[tuple[str, object]]:
    r"""The date and the writers that a scrape shows next to its headline: the heading
    that starts at the raw offset ``at`` when given (the article's, below a site's name),
    else its first level-one heading (none opening a line: the first line that holds
    :data:`HEADLINE_WORDS` of the words of ``known``, the title read from the markdown), or,
    given the ``title`` read from a plain text, the
    first line after the first that holds most of that title's words, else the first line
    that is the title (a text that shows its headline once); where no stamp stands next to
    that line, next to one of the :data:`HEADLINE_REPEATS` next lines that show it again (a
    bar at the page's top shows the headline before the article does).
    ``("published", iso)`` and ``("authors", names)`` pairs, after ``("title", headline)``
    where the plain text shows its headline otherwise worded than ``title``. The writers
    come from a byline (``By`` or a label such as ``Author:`` may stand alone on the line
    before the names, a handle may be glued to a name, an e-mail address may follow it),
    from ``by`` and names
    after a date (``"Monday November 18, 2019 7:45 am PST by Joe Rossignol"``), from a wire
    writer's name and role (``"Steve Peoples, AP National Political Writer"``) or a name and
    its job title, from the writer's field of a Chinese or Korean line of fields (a table's
    row read as its cells), else from the credit that opens one of the article's first
    paragraphs (``"商报讯（记者 丁开艳）…"``; before an editor's line, ``"编辑： 武丹"``), else
    from a name alone on one of the two lines under the headline, or just before the date on
    its line, with a date on its line or the next (not a job title, nor the headline's wrapped
    rest; two names joined by ``and`` and an outlet after a comma are read too: ``"Meg
    Kinnard and Errin Haines, Associated Press"``), else from the names that a line near the
    headline links to their writers' pages (``"[Zac Hall](https://9to5mac.com/author/zh/)"``).
    A name next to the writer's photo or avatar, or alone on the line under an avatar alone,
    reads as a byline. What the scrape glued to a name from the
    page's next element (a job title, figures) is left out.
    The date is that of the stamp nearest the headline among the ``STAMP_LINES`` (ten)
    lines above and under it, under first at the same distance (lines of markup alone, or
    of links that show nothing, count as blank lines), a sentence's date (a photo's
    caption) left out, and a publication's stamp before an update's; none where that
    stamp names no year (``"Monday 5:30PM"``) and the line under it is no day of its own
    (``"Today 5:00 am"`` over ``"May 15, 2023"``, :data:`DAY_LINE_CHARS`).

    >>> headline_stamps("[Home](/)\n\n# Floods in the north\n\nBy [Jane Doe](/a/jd)\n\n"
    ...     "November 19, 2019 / 12:21 AM\n\nThe river rose overnight.")
    [('published', '2019-11-19T00:21'), ('authors', ('Jane Doe',))]
    >>> headline_stamps("Floods hit the north - News\nHome\nWorld\nFloods hit the north "
    ...     "again\nAnalysis by Jane Doe, CNN\nThe river rose.", "Floods hit the north")
    [('title', 'Floods hit the north again'), ('authors', ('Jane Doe',))]
    """
    # The front matter (or a reader service's header) is no line of the page: its lines
    # are blanked, at the same length, so that the raw offset ``at`` still holds.
    header = front_matter_end(markdown)
    if header:
        markdown = _NOT_NEWLINE.sub(" ", markdown[:header]) + markdown[header:]
    lines: list[str] = []
    spaced: list[bool] = []  # whether a blank line stands before each line
    blank = True
    for line in markdown.splitlines():
        shows = _shows_near(line)
        if shows:
            # the markup a converter left in ("<span id=\"main-content\"></span>Published
            # November 20th, 2019"): no part of what the line shows
            lines.append(_TAG.sub("", line).strip() if "<" in line else line.strip())
            spaced.append(blank)
        blank = not shows
    shown: list[tuple[str, object]] = []
    index: int | None
    if at is not None:
        index = sum(1 for line in markdown[:at].splitlines() if _shows_near(line))
    elif title is None:
        index = next((i for i, line in enumerate(lines) if _HEADLINE.match(line)), None)
        if index is None and known:
            # no heading opens a line: the converter wrote the headline after a link or a
            # tag ("[TECH](/tech) # Google Bets on ..."); the line that holds the title
            index = next(
                (
                    i
                    for i, line in enumerate(lines)
                    if not _LIST_ITEM.match(line) and _same_headline(shown_text(line), known)
                ),
                None,
            )
    else:
        index = _repeated_headline(lines, title)
        if index is not None and lines[index] != title and not lines[index].endswith((".", "。")):
            shown.append(("title", lines[index]))  # the headline as the page shows it
        elif index is None:
            # a Chinese headline, one or two runs of characters, which no repeat is looked
            # for by its words, or a headline the text shows once (its first line, as
            # inscriptis writes a Korean paper's page): the line that is the title
            index = next((i for i, line in enumerate(lines) if line == title.strip()), None)
    if index is None:
        return []
    found = _near_stamps(lines, spaced, index, title)
    if not found and title is not None:
        # the headline shown again further down (a bar's copy of it first, at the page's
        # top): the stamp next to one of its next :data:`HEADLINE_REPEATS` showings
        again = (n for n in range(index + 1, len(lines)) if lines[n] == lines[index])
        for later in islice(again, HEADLINE_REPEATS):
            found = _near_stamps(lines, spaced, later, title)
            if found:
                break
    return [*shown, *found]


#: The label of an editor's line (``编辑：``, ``編輯：``): the page's editor, a writer only where
#: no reporter's credit opens the article.
_EDITOR_LABEL = re.compile(r"\s*[（(\[【]?\s*(?:编辑|編輯)\s*[:：]")
#: How many more showings of a plain text's headline are looked at for its stamp, where
#: none stands next to its first.
HEADLINE_REPEATS = 2
#: The longest line read as the day of a stamp with no year over it.
DAY_LINE_CHARS = 40


def _near_stamps(
    lines: list[str], spaced: list[bool], index: int, title: str | None
) -> list[tuple[str, object]]:
    """The ``("published", iso)`` and ``("authors", names)`` pairs of the stamp next to
    the headline on ``lines[index]`` (see :func:`headline_stamps`); ``spaced`` tells which
    lines have a blank line over them."""
    # a table's row is read as its cells ("| 【聯合報╱記者張嘉芳／台北報導】 | 2012.01.12 |")
    start = max(0, index - STAMP_LINES)
    near_lines = [
        line.strip("| ") if line.startswith("|") else line
        for line in lines[start : index + 1 + STAMP_LINES]
    ]
    below_lines = near_lines[index + 1 - start :]
    above_lines = near_lines[: index - start][::-1]  # the nearest first
    under, above = _stamp_lines(below_lines), _stamp_lines(above_lines[::-1])[::-1]
    # the nearest lines first, under the headline before above it at the same distance
    near = [line for pair in zip_longest(under, above) for line in pair if line is not None]
    found: list[tuple[str, object]] = []
    # A stamp line that opens with its date is read however long it is ("November 19, 2019
    # at 9:45 am Filed Under: EEE, health, Michigan, ...").
    stamps = [
        line
        for line in near
        if (len(line) <= 100 or DATE_PATTERN.match(line) is not None)
        # not a sentence, but for a stamp that opens with its label ("Published Jun 04, 2026
        # • Last updated 1 day ago • 2 minute read") and the date and time that open the
        # first paragraph ("November 20, 2019 - 11:28 AMT PanARMENIAN.Net - Verified …")
        and (not _prose(line) or _PUBLISHED_LABEL.match(line) is not None or _dateline(line))
    ]
    if any(_PUBLISHED_LABEL.match(line) for line in stamps):
        # "Posted: Fri 6:45 PM, Feb 16, 2018" before "Updated: Sat 8:31 PM, Feb 17, 2018"
        stamps.sort(key=lambda line: bool(_UPDATE_LABEL.match(line)))
    # the stamp nearest the headline is the article's: where it names no year ("Monday
    # 5:30PM"), a dated stamp further off is a related story's, but the day on the line
    # right under it is its own ("Today 5:00 am" over "May 15, 2023")
    nearest = next((line for line in stamps if find_date(line) or _yearless(line)), None)
    date = find_date(nearest) if nearest is not None else None
    if nearest is not None and not date and nearest in under:
        after = under.index(nearest) + 1
        day = under[after] if after < len(under) else ""
        date = find_date(day) if len(day) <= DAY_LINE_CHARS and not _prose(day) else None
    if date:
        found.append(("published", date))
    signed = next(((line, b) for line in near if (b := _stamp_byline(line)) is not None), None)
    names = signed[1].authors if signed is not None else None
    if signed is None or _EDITOR_LABEL.match(signed[0]):
        # an editor's line under the article ("编辑： 武丹") gives way to the reporter's credit
        # that opens its first paragraph ("南方日报讯 (记者/钟啸 通讯员/王海军)…")
        names = _opening_credit(under) or names
    if names is None:
        # a line right under a long headline, with no blank line between, is its wrapped
        # rest; under a plain text's headline, only where the title read holds it (a
        # flattened page's line under its headline is the next element's: the writer's),
        # a title of a headline's size (not a box's line: "53.9 F" over "New York")
        rest = lines[index + 1] if index + 1 < len(lines) else ""
        wrapped = (
            " ".join(rest.split()) in " ".join(title.split()) or not headline_sized(title)
            if title is not None
            else len(_LINK.sub(r"\1", lines[index])) >= WRAPPED_HEADLINE
        )
        first = 0 if index + 1 < len(spaced) and (spaced[index + 1] or not wrapped) else 1
        if first and len(under) > 1 and _wired(under[0]) and _dated(under[1], 60, False):
            # a writer's name and the wire service over the date ("Tom Davies Associated
            # Press" over "Published 11:34 PM EST Nov 19, 2019"), not the headline's rest
            first = 0
        standfirst = lines[index + 1 + first] if index + 1 + first < len(lines) else ""
        if standfirst.startswith("#") and _prose(standfirst):
            # a standfirst under the headline (a subheading that is a sentence, and its
            # wrapped lines)
            first += 1
            while index + 1 + first < len(lines) and not spaced[index + 1 + first]:
                first += 1
        elif title is not None and _prose(standfirst) and not find_date(standfirst):
            first += 1  # a flattened page's standfirst, a sentence on its own line
        # a photo's caption between (its credit closing it) is no line of the stamp's
        names = _name_over_date([line for line in under[first:] if not credited_caption(line)])
    if names is None:
        names = _han_name_under_date(under)
    if names is None:
        # the nearest line that links names to their writers' pages, as a byline does
        pairs = zip_longest(below_lines, above_lines)
        names = next(
            (linked for pair in pairs for line in pair if line and (linked := _linked_names(line))),
            None,
        )
    if names:
        found.append(("authors", tuple(dict.fromkeys(map(_unglued_name, names)))))
    return found


#: Where a word's lower-case letter meets a capital, as a scrape glues two elements' text.
_GLUE = re.compile(r"(?<=[a-z])(?=[A-Z])")
#: Figures glued to a name's last word (a count, a note's number: ``"Xiaoying You0"``).
_GLUED_FIGURES = re.compile(r"(?<=[a-z])\d+$")
#: The most words of a job title glued to the name before it.
GLUED_TITLE_WORDS = 4


def _unglued_name(name: str) -> str:
    """A writer's ``name`` without what a scrape glued to it from the elements after it, where
    the page set them apart by its markup alone: a job title (``"Sophie FosterTravel News
    Reporter"``, ``"Evan HalperStaff Writer"``; the title runs from the last capital that
    meets a lower-case letter, so ``"MacKenzie"`` stays whole), figures (``"Xiaoying
    You0"``).

    >>> _unglued_name("Sophie FosterTravel News Reporter")
    'Sophie Foster'
    >>> _unglued_name("Emma MacKenzieStaff Writer")
    'Emma MacKenzie'
    >>> _unglued_name("Xiaoying You0"), _unglued_name("Mary MacDonald"), _unglued_name("delta201")
    ('Xiaoying You', 'Mary MacDonald', 'delta201')
    """
    words = name.split()
    if len(words) < 2:
        return name
    for index in range(1, len(words)):
        cuts = [m.start() for m in _GLUE.finditer(words[index])]
        if not cuts:
            continue
        title = [words[index][cuts[-1] :], *words[index + 1 :]]
        if (
            len(title) <= GLUED_TITLE_WORDS
            and job_word(title[-1])
            and all(w[:1].isupper() for w in title)
        ):
            return " ".join([*words[:index], words[index][: cuts[-1]]])
    return _GLUED_FIGURES.sub("", name)


#: An HTML tag that a markdown converter left in a line.
_TAG = re.compile(r"</?[a-zA-Z][^<>\n]*>")
#: A line that shows nothing: markup alone (``<span id="content"></span>``), links or images
#: that show nothing (``[](https://www.example.com)``, ``![](spacer.gif)``), which a markdown
#: converter left in, or a table's rule, its empty cells, a thematic break.
_NOTHING_SHOWN = re.compile(
    r"(?:\s*(?:</?[a-zA-Z][^<>\n]*>|!?\[\]\([^)\n]*\)))*\s*"
    r"|[\s|:*_=-]*"  # "---|---", "|   ", "* * *"
)


def _shows(line: str) -> bool:
    """Whether a scrape's line shows anything (see :data:`_NOTHING_SHOWN`)."""
    return _NOTHING_SHOWN.fullmatch(line) is None


def _shows_near(line: str) -> bool:
    """Whether a line near a scrape's headline counts: it shows something, or it is an
    avatar alone (:data:`_AVATAR`), which marks the name under it as the writer's."""
    return _shows(line) or ("![" in line and _AVATAR.fullmatch(line.strip()) is not None)


#: A line near a headline with this many lower-case words of three letters or more is a
#: sentence (a photo's caption, "In this Dec. 12, 2006, file photo, made available by
#: NASA ..."), not a date stamp.
PROSE_WORDS = 5
_LOWER_WORD = re.compile(r"(?<![\w'’])[a-z]{3,}\b")
#: The label of an update's stamp (``"Updated: Sat 8:31 PM, Feb 17, 2018"``).
_UPDATE_LABEL = re.compile(
    r"\W*(?:last\s+)?(?:updated|modified|edited|revised)\b|\W*(?:수정|更新|最后更新|最後更新)",
    re.IGNORECASE,
)
#: The label of a publication's stamp (``"Posted: Fri 6:45 PM, Feb 16, 2018"``).
_PUBLISHED_LABEL = re.compile(
    r"\W*(?:posted|published|first\s+published)\b|\W*(?:입력|등록|发布|發布|發佈)", re.IGNORECASE
)


def _prose(line: str) -> bool:
    """Whether ``line`` reads as a sentence rather than a stamp (see :data:`PROSE_WORDS`)."""
    return len(_LOWER_WORD.findall(line)) >= PROSE_WORDS


#: A markdown backslash escape (``\-``).
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|])")
#: A handle after the name before it, glued to it or not (``"Chris Pokorny@DawgsByNature"``,
#: ``"Keris Lahiff  @kerisalison"``).
_HANDLE = re.compile(r"(?<=[^\W\d_])\s*@\w+")
#: ``By`` glued to the name after it, where the page set them apart by its markup alone.
_GLUED_BY = re.compile(r"^By(?=[A-Z](?:[a-z]|\.\s?[A-Z]))")  # "ByAlex …", "ByJ.R. Stone"
#: A byline's label alone on its line, its names on the next (``"Author:"`` over ``"The
#: Water Coolest"``).
_LABEL_ALONE = re.compile(
    r"(?:by|authors?(?:\s+of\s+the\s+(?:article|story|post))?|written\s+by|posted\s+by|words"
    r"|text|текст|автор|von|por|par|door):?",
    re.IGNORECASE,
)
#: A bullet before a list item (not a number: ``"13. November 2019"`` is a date; an
#: asterisk is left out with emphasis).
_BULLET = re.compile(r"^[+•-]\s+")
#: An e-mail address and what follows it on a byline (``"By Megan Rowe
#: meganr@spokesman.com(509) 459-5382"``).
_EMAIL_ON = re.compile(r"(?<!\s)\s+[\w.+-]+@[\w-]+\.[\w.]+.*$")  # a run of spaces once
#: The marks of a heading before a byline or a stamp (``"### By Scott Gordon"``).
_HEADING_MARKS = re.compile(r"\A#{1,6}[ \t]+")


#: How many lines above its stamp (a byline, a date) a flattened page's headline may
#: stand: a standfirst, or a writer's line that is read as no byline, may come between.
HEADLINE_OVER_STAMP = 3
#: How many lines further up than :data:`HEADLINE_OVER_STAMP` a headline is looked for over
#: its standfirst, or where none of the lines between is one that the article tells.
HEADLINE_BEYOND_STAMP = 2
#: How many lines under an article's stamp its first paragraph of prose stands within (a
#: date in a page's header, "Nov. 20, 2019" over its menus, has none so near).
PROSE_UNDER_STAMP = 15
#: How many lines under a date and time written in figures alone (``"2018-02-21 18:03"``)
#: the article's prose starts, for it to be the article's stamp (under a date with no
#: time, the very next line).
BARE_STAMP_TO_PROSE = 4
#: How many lines under a date that no headline stands over the headline may stand (an
#: edition's or a section's short label between them).
HEADLINE_UNDER_STAMP = 2
#: How many lines of a flattened page are looked at for its article's stamp.
STAMPED_LINES = 400
#: The fewest words of a headline over its standfirst (a section's name over a
#: headline, ``"Crime & Legal"``, ``"사회일반"``, has fewer).
DECK_HEADLINE_WORDS = 5
#: The longest line of a flattened page read as a stamp (its links' targets counted).
STAMP_CHARS = 300


def stamped_headline(text: str, title: str | None = None, header: bool = False) -> Span | None:
    r"""Where the headline of a page flattened to plain text (``text``: inscriptis, lynx) is,
    found by its stamp; ``None`` when no line of the first :data:`STAMPED_LINES` is a stamp
    with a headline over it.

    The stamp is the first line that is a byline (as a scrape's headline has it: see
    :func:`headline_stamps`; ``By`` alone on its line over the name too) or a date, with
    or without its year, alone (not a sentence; a bare ``1:41`` is a video's length, not a
    time; a date in figures alone, ``2020-01-16``, right over the article's prose, or with
    its time a few lines over it, :data:`BARE_STAMP_TO_PROSE`, and not one of a list's
    dates) and has a headline over it: a line of a
    headline's size (:func:`~nkcorpus.cleaning.layout.headline_sized`) that may be a title
    (:func:`~nkcorpus.cleaning.layout.title_like`), among the :data:`HEADLINE_OVER_STAMP`
    lines above it, none of them a stamp nor a list item of a headline's size (such an item
    is a teaser, and the stamp its own). A photo's caption closed by its credit
    (:func:`~nkcorpus.cleaning.metadata.credited_caption`) or its credit alone
    (:func:`~nkcorpus.cleaning.metadata.credit_line`, a photo agency's name) is no such
    line and is not counted, nor is a line of the page's buttons (:data:`CONTROL_RULES`:
    ``"字級："``, ``"* 分享"``; up to :data:`CONTROLS_OVER_STAMP`; not with ``header``); a
    writer's job alone
    (:func:`~nkcorpus.cleaning.authornames.role_only`: ``"Freelance sports writer"``) and a
    teaser's line that opens with its stamp (``"3h ago Why …"``) are none either. A
    broadcaster's sign-off (``"KBS 뉴스 김수연입니다."``) closes its story and is no stamp. Of
    several such lines (a
    standfirst, a writer's line that reads as no byline, a menu's line) those whose words
    the article's prose under the stamp uses come first (:data:`HEADLINE_IN_PROSE` of their
    words: not a site's motto, a section's kicker, the writer's name; the heading over a
    post's comments names the post), and of those the headline is the
    one that holds :data:`HEADLINE_WORDS` of the words of the ``title`` read so far (one of
    a headline's size: a kicker's word, ``"AI"``, is in many lines), else the longest;
    where that one is a sentence (a standfirst), a shorter line over it of
    :data:`DECK_HEADLINE_WORDS` words or more that is no sentence, set in as far (or less
    far, where the article tells it), is the headline, up to :data:`HEADLINE_BEYOND_STAMP`
    lines further up where the article tells it; where the article tells none of the lines
    near the stamp (a photo's credit between, ``"The Yomiuri Shimbun"``), one that it tells
    in those lines further up is, and so where none of the lines near it may be the headline
    (a standfirst too long for one, the writer's name twice) and none stands under the
    stamp either. A breadcrumb trail glued onto the headline (``"HomeNewsPortugal emerges
    as …"``) gives way to the line of the headline alone. Under a stamp of several lines
    (a byline, the writer's job, a date), the headline is the one over its first line.
    ``None`` when it is that title. Pages print related stories' headlines in their menus,
    above the article's own; the article's stamp stands under its headline.

    ``header``: look only above the text's first paragraph of prose (a text that is not
    a whole page flattened, whose dates further down are a letter's or a testimony's), or
    its second where no ``title`` was read (the first may be a photo's caption).

    >>> page = "* Home\n* World\nFox News\nFloods hit the north\nBy Jane Doe | Fox News\n"
    >>> span = stamped_headline(page)
    >>> page[span.start : span.end]
    'Floods hit the north\n'
    """
    opening = front_matter_end(text)  # front matter, a reader service's header: no page line
    lines = [line for line in _shown_lines(text) if line[0] >= opening]
    # a title read so far of a headline's size (a kicker's word, "AI", is in many lines)
    sized = title if title and headline_sized(title) else None
    stamps: dict[int, bool] = {}

    def stamp(at: int) -> bool:
        if at in stamps:
            return stamps[at]
        label = lines[at][1].strip()
        if _LABEL_ALONE.fullmatch(label) and at + 1 < len(lines):
            # "By" alone over the name ("By" / "* Rachel Brazil"): the two are one byline
            name = _BULLET.sub("", lines[at + 1][1].strip())
            stamps[at] = _stamp_byline(_stamp_lines([label, name])[0]) is not None
        else:
            # a broadcaster's sign-off ends the story ("KBS 뉴스 김수연입니다."), with no
            # headline over it
            line = lines[at][1]
            stamps[at] = _is_stamp(line) and not sign_off(line) and not unstamped_date(at)
        return stamps[at]

    def unstamped_date(at: int) -> bool:
        """Whether line ``at`` is a date alone (no word) that is no article's stamp over its
        prose: a list's, under each of its teasers, or the day's date under a paper's name
        (which shows no time, and no prose right under it)."""
        line = lines[at][1]
        return _bare_date(line) and (
            any(_bare_date(lines[n][1]) for n in (at - 2, at + 2) if 0 <= n < len(lines))
            or (prose := _prose_under(lines, at)) is None
            or prose - at > (BARE_STAMP_TO_PROSE if TIME_PATTERN.search(line) else 1)
        )

    def headline_over(at: int, further: bool = False) -> tuple[int, str, str] | None:
        """The headline over the stamp on line ``at``: its offset, its line and what the
        line shows, or ``None``. ``further``: where no line near the stamp may be the
        headline, one that the article tells in the few lines further up is (over a stamp
        that is no sentence: ``"一、自2012年1月1日至…"`` opens a paragraph)."""
        over: list[tuple[int, str]] = []  # (line, what it shows)
        beyond: list[tuple[int, str]] = []  # the same, in the few lines further up
        # a page's buttons are passed over on a whole page flattened, not in a text's header
        above, left, controls = at, HEADLINE_OVER_STAMP, 0 if header else CONTROLS_OVER_STAMP
        left += HEADLINE_BEYOND_STAMP
        while above > 0 and left > 0:
            above -= 1
            shown = lines[above][1].strip()
            if _photo_line(shown):
                continue  # a photo's caption or credit between them, not counted
            if controls and _control(shown):
                controls -= 1  # a button's label between them ("字級：", "* 分享"), not counted
                continue
            left -= 1
            found = over if left >= HEADLINE_BEYOND_STAMP else beyond
            if _LIST_ITEM.match(shown):
                if headline_sized(shown):
                    break  # a teaser's headline: the stamp is the teaser's
                continue
            if _MARKED.search(shown):  # a markdown line: its text, not its links' targets
                shown = shown_text(shown)
            # not the writers' line between them ("Meg Kinnard and Errin Haines, AP"): names
            # joined by "and", or an outlet after them, or a wire service ("Tom Davies
            # Associated Press"; a headline of a few capitalized words alone, "Breaking News
            # Emails", may stay)
            writers = (
                _wired(shown)
                or (_WRITERS_JOINED.search(shown) is not None and _names_alone(shown) is not None)
                or _MORE_WRITERS.match(shown) is not None  # "& Sylvia Torres-Guillén, Director …"
            )
            # nor a layout table's row of several cells ("时政快报: | ·…"): a headline is a
            # cell alone
            cells = " | " in shown.strip(" |")
            if (
                title_like(shown)
                and headline_sized(shown)
                and not stamp(above)
                and not writers
                and not cells
                and not role_only(shown)  # the writer's job under the byline
                and not opens_with_stamp(shown)  # "3h ago Why …": a teaser's line
            ):
                found.append((above, shown))
        if not over and not (further and beyond and not _sentences(lines[at][1].strip())):
            return None
        # a line whose words the article's prose under the stamp uses (not a site's motto,
        # a box's label, the writer's name; the comments' heading names the post), then the
        # title read so far, then the longest
        prose = _prose_keys(lines, at)
        told = {
            o[0]
            for o in (*over, *beyond)
            if commented_title(o[1]) != o[1] or _told_below(o[1], prose)
        }  # the lines the article tells, by their number
        if (
            prose
            and told.isdisjoint(o[0] for o in over)
            and told.intersection(o[0] for o in beyond)
        ):
            over = [o for o in beyond if o[0] in told]  # the headline stands further up
        if not over:
            return None
        chosen, shown = max(
            over, key=lambda o: (o[0] in told, _same_headline(o[1], sized), len(o[1]))
        )
        # a breadcrumb trail glued onto the headline ("HomeNewsPortugal emerges as …" over
        # "Portugal emerges as …"): the headline is the line it ends with
        chosen, shown = next(
            (
                o
                for o in over
                if o[0] != chosen
                and len(o[1].split()) >= 3
                and shown.endswith(o[1])
                and (o[0] in told) == (chosen in told)
            ),
            (chosen, shown),
        )
        # a headline over a longer standfirst (a sentence; the title read so far may be
        # that standfirst, the line over the byline): the line over it, shorter, of a
        # headline's words and no sentence, set in as far (inscriptis sets a line in as
        # deep as its element stands: a teaser of another list stands elsewhere) or less far
        # where the article tells it, is the headline; so is one of the few lines further
        # up that the article tells
        candidates = {o[0]: o for o in (*over, *beyond) if o in over or o[0] in told}
        higher = iter(
            o for at_line, o in sorted(candidates.items(), reverse=True) if at_line < chosen
        )
        while (
            (_prose(shown) or not headline_like(shown))
            and (upper := next(higher, None)) is not None  # nearest first
            and len(upper[1]) < len(shown)
            and _letter_words(upper[1]) >= DECK_HEADLINE_WORDS
            and headline_like(upper[1])
            and (
                _indent(lines[upper[0]][1]) == _indent(lines[chosen][1])
                or (_indent(lines[upper[0]][1]) < _indent(lines[chosen][1]) and upper[0] in told)
            )
        ):
            chosen, shown = upper
        return lines[chosen][0], lines[chosen][1], shown

    def headline_under(at: int) -> tuple[int, str, str] | None:
        """The headline under the stamp on line ``at``, a date, where none stands over it
        (a section's name, the date, then the headline: ``國際`` over ``2023-03-30
        11:19:00`` over it; an edition's short label may stand between, ``日報``), with
        the article's prose within a few lines under it: its offset, its line and what the
        line shows, or ``None``."""
        if not find_date(_stamp_lines([lines[at][1].strip()])[0]):
            return None  # a byline's stamp (a broadcaster's sign-off, a crew's credit under it)
        if at and stamp(at - 1):
            return None  # the last line of a stamp of several (a byline, then the date)
        for below in range(at + 1, min(len(lines), at + 1 + HEADLINE_UNDER_STAMP)):
            line = lines[below][1].strip()
            shown = shown_text(line) if _MARKED.search(line) else line
            if not headline_sized(shown):
                continue  # a label between them
            if (
                title_like(shown)
                and headline_like(shown)
                and not _prose(shown)
                and not stamp(below)
                and not opens_with_stamp(shown)
                and not _UPDATE_LABEL.match(shown)  # "Last updated 6 hours ago"
                # no line of links or addresses ("歡迎來信提供新聞 [news@…](mailto:…) ，…")
                and len(_LINK.findall(line)) <= (1 if line.startswith(("#", "[")) else 0)
                and _prose_under(lines, below) is not None
            ):
                return lines[below][0], lines[below][1], shown
            return None  # the line of a headline's size under the stamp is none
        return None

    # The stamps with a headline over them (or under them), in order: (the stamp's line,
    # the headline).
    stamped: list[tuple[int, tuple[int, str, str]]] = []
    # the paragraphs of prose that end the header: the first, or with no title read so
    # far the second (the first may be a photo's caption over the headline), where a
    # stamp under the first has prose under it (not a letter's closing date)
    ending = 1 if title else 2
    told = 0  # the paragraphs of prose above
    for at in range(len(lines)):
        if header and _sentences(lines[at][1].strip()):
            told += 1
            if told == ending:
                break  # the text's first paragraph
        if (
            stamp(at)
            and (headline := headline_over(at) or headline_under(at) or headline_over(at, True))
            is not None
        ):
            if header and told and _prose_under(lines, at) is None:
                continue  # under a paragraph, with none under it: a letter's closing date
            stamped.append((at, headline))
    if not stamped:
        return None
    chosen, chosen_at = stamped[0][1], stamped[0][0]
    for n, (at, headline) in enumerate(stamped):
        # the article's stamp: its first paragraph of prose follows within a few lines (a
        # page's header has its date over menus), and no other stamp stands nearer to it
        prose = _prose_under(lines, at)
        if prose is not None and (n + 1 == len(stamped) or stamped[n + 1][0] > prose):
            # a stamp of several lines (a byline, the writer's job, a date): the headline
            # over its first line, not a line between the headline and the stamp's last
            while n and headline[0] < lines[stamped[n - 1][0]][0]:
                n -= 1
                headline = stamped[n][1]
            chosen, chosen_at = headline, stamped[n][0]
            break
    start, line, shown = chosen
    if any(
        _same_headline(headline[2], sized)
        and 0 <= chosen_at - at <= PROSE_UNDER_STAMP
        and len(headline[2]) >= len(shown)
        for at, headline in stamped
    ):
        # the title read so far stands over a stamp of the article's header, and is the
        # longer line (not a banner's over the day's date: "Today's PaperPlace an Ad")
        return None
    return Span(start, start + len(line))


#: How many lines under a stamp are read for the words of the article's prose.
PROSE_LINES = 40
#: The share of a line's words that the article's prose under its stamp must use for the
#: line to read as the article's headline rather than the page's furniture.
HEADLINE_IN_PROSE = 0.5
#: How many of a line's words the article's prose under its stamp may use instead, where
#: they are :data:`HEADLINE_SHARE_IN_PROSE` of them at least.
HEADLINE_WORDS_IN_PROSE = 4
#: The least share of a line's words that :data:`HEADLINE_WORDS_IN_PROSE` of them must be
#: (not a long line of links, a few of whose words any article uses).
HEADLINE_SHARE_IN_PROSE = 0.25
#: How many letters of a word are compared, where a line's words are looked for in the
#: article's prose (a word's forms share them: ``"teamster"`` in ``"teamsters"``).
KEY_LETTERS = 5
_KEY_WORD = re.compile(rf"[^\W\d_{CJK_CHARS}]{{4,}}|[{CJK_CHARS}]+")
_ENGLISH_STOPWORDS = frozenset(
    ["about", "after", "also", "been", "being", "from", "have", "into", "more", "over", "says",
     "than", "that", "their", "them", "they", "this", "what", "when", "which", "will", "with",
     "your"]
)  # fmt: skip


def _line_keys(line: str) -> frozenset[str]:
    """The words of ``line`` that tell what it is about: words of four letters or more but
    for a few of English's most common (their first :data:`KEY_LETTERS` letters: a word's
    forms share them), and each pair of CJK characters side by side.

    >>> sorted(_line_keys("Kim met Moon at the borders"))
    ['borde', 'moon']
    >>> sorted(_line_keys("金正恩会见"))
    ['会见', '恩会', '正恩', '金正']
    """
    keys: set[str] = set()
    for word in _KEY_WORD.findall(line.casefold()):
        if _CJK.match(word):
            keys.update(word[n : n + 2] for n in range(max(1, len(word) - 1)))
        elif word not in _ENGLISH_STOPWORDS:
            keys.add(word[:KEY_LETTERS])  # "teamster" in "teamsters", "rebellion" in "rebels"
    return frozenset(keys)


def _prose_keys(lines: list[tuple[int, str]], at: int) -> frozenset[str]:
    """The words (:func:`_line_keys`) of the paragraphs of prose among the
    :data:`PROSE_LINES` lines under line ``at``."""
    keys: set[str] = set()
    for below in range(at + 1, min(len(lines), at + 1 + PROSE_LINES)):
        line = lines[below][1].strip()
        if prose_line(line):
            keys |= _line_keys(line)
    return frozenset(keys)


def _told_below(line: str, prose: frozenset[str]) -> bool:
    """Whether the article's ``prose`` uses :data:`HEADLINE_IN_PROSE` of ``line``'s words,
    or :data:`HEADLINE_WORDS_IN_PROSE` of them and :data:`HEADLINE_SHARE_IN_PROSE` (a
    Chinese headline's pairs of characters that span two words are in no sentence).

    >>> prose = _line_keys("Apple was pulled into the enterprise, Tim Cook said on Tuesday.")
    >>> _told_below("Tim Cook On Apple Being Pulled Into The Enterprise", prose)
    True
    >>> _told_below("News, Analysis and Perspective for Solution Providers", prose)
    False
    """
    keys = _line_keys(line)
    told = len(keys & prose)
    return bool(keys) and (
        told >= HEADLINE_IN_PROSE * len(keys)
        or (told >= HEADLINE_WORDS_IN_PROSE and told >= HEADLINE_SHARE_IN_PROSE * len(keys))
    )


def headline_alone(text: str) -> str | None:
    r"""The headline of a scrape of a whole page (:func:`looks_flattened`,
    :func:`looks_like_scrape`) that shows no article (a page whose scripts draw its story,
    scraped without them: its menus, its headline, its footer): where none of its first
    :data:`STAMPED_LINES` lines is a paragraph of prose, the first line of a headline's
    size that may be a title and reads as a headline (not the site's name, a section's,
    a menu's line); ``None`` where a line is prose, or no line is such.

    >>> footer = ("隨時隨地觀看新聞，立即下載\n條款及細則 Terms of Use\n私隱聲明 Privacy Notice\n"
    ...     "Cookies 政策 Cookies Policy\n常見問題 FAQ\n")
    >>> headline_alone("繁 简\n無綫新聞\n港澳\n政府研允建造業輸入外勞 據悉擬不設人數上限\n"
    ...     + footer + "Copyright 2023 Television Broadcasts Limited")
    '政府研允建造業輸入外勞 據悉擬不設人數上限'
    >>> headline_alone("Dear Special Rapporteur\n\nWe write to ask for your help.") is None
    True
    """
    if not (looks_flattened(text) or looks_like_scrape(text)):
        return None  # a letter, a note: no page's scrape ("Dear Special Rapporteur")
    lines = [shown_text(line) for _at, line in _shown_lines(text)]
    if any(prose_line(line) for line in lines):
        return None
    return next(
        (
            line
            for line in lines
            if headline_sized(line)
            and title_like(line)
            and headline_like(line)
            and not _LIST_ITEM.match(line)
            and next(find_boilerplate(line), None) is None  # no line of the page's furniture
        ),
        None,
    )


def _prose_under(lines: list[tuple[int, str]], at: int) -> int | None:
    """The first of the :data:`PROSE_UNDER_STAMP` ``lines`` under line ``at`` that is a
    paragraph of prose (:func:`prose_line`), or ``None``."""
    return next(
        (
            below
            for below in range(at + 1, min(len(lines), at + 1 + PROSE_UNDER_STAMP))
            if prose_line(lines[below][1].strip())
        ),
        None,
    )


#: The markup of a markdown line: a link or an image, emphasis, a heading's or a table's marks.
_MARKED = re.compile(r"\]\(|\*\*|__|^#{1,6}\s|^\|")
#: The opening of a line that goes on with the writers of the line over it (``"& Sylvia
#: Torres-Guillén, Director of Education Equity"``).
_MORE_WRITERS = re.compile(r"(?:&|and\s)\s*[A-Z]")
#: What a writers' line holds besides names: ``and`` between two, an outlet after a comma.
_WRITERS_JOINED = re.compile(r"\s(?:and|&)\s|,\s|\S\s{2,}\S")


def _same_headline(line: str, title: str | None) -> bool:
    """Whether ``line`` holds :data:`HEADLINE_WORDS` of the words of ``title``."""
    if not title:
        return False
    words = set(title.casefold().split())
    return len(words & set(line.casefold().split())) >= HEADLINE_WORDS * len(words)


def _shown_lines(text: str, most: int = STAMPED_LINES) -> list[tuple[int, str]]:
    """The first ``most`` lines of ``text`` that show something (not a line of markup alone
    or of links that show nothing, :func:`_shows`), each with its offset."""
    lines: list[tuple[int, str]] = []
    position = 0
    for line in text.splitlines(keepends=True):
        if line.strip() and _shows(line):
            lines.append((position, line))
            if len(lines) >= most:
                break
        position += len(line)
    return lines


_LETTERS = re.compile(r"[^\W\d_]")


#: A photo agency's name alone on its line, a photographer's or a collection after it
#: (``"Getty Images"``, ``"Getty Images/Cultura RF"``): a photo's credit.
_AGENCY_ALONE = re.compile(
    rf"(?:{PHOTO_LIBRARY}|AFP|Reuters|AP|EPA|PA(?:\s+Wire)?)(?:\s*(?:/|via)\s*[^\n]{{1,40}})?"
)


#: The page's controls that a flattened page shows between its headline and its stamp:
#: what the boilerplate rules of these names find there (a share button, the font size's
#: buttons, a line of tools).
CONTROL_RULES = frozenset(
    ["share-button", "font-size-widget", "menu", "comment-prompt", "go-top", "close-button"]
)
#: How many lines of the page's controls (:data:`CONTROL_RULES`) between a flattened
#: page's headline and its stamp are passed over, uncounted among
#: :data:`HEADLINE_OVER_STAMP`.
CONTROLS_OVER_STAMP = 8
_NO_LETTER = re.compile(r"[^\w]*")


def _control(line: str) -> bool:
    """Whether ``line`` shows one of the page's controls (:data:`CONTROL_RULES`) or a
    bullet, a bar alone (``"* |"``)."""
    if _NO_LETTER.fullmatch(line):
        return True
    found = next(find_boilerplate(_BULLET.sub("", line.lstrip("* "))), None)
    return found is not None and found[0] in CONTROL_RULES


def _photo_line(line: str) -> bool:
    """Whether ``line`` is a photo's: a caption closed by its credit
    (:func:`~nkcorpus.cleaning.metadata.credited_caption`), a credit on its own line
    (:func:`~nkcorpus.cleaning.metadata.credit_line`), a photo agency's name alone.

    >>> _photo_line("Getty Images"), _photo_line("Photo: AFP"), _photo_line("AP finds a way")
    (True, True, False)
    """
    return bool(
        credited_caption(line) or credit_line(line) or _AGENCY_ALONE.fullmatch(line.strip())
    )


def _indent(line: str) -> int:
    """How far ``line`` is set in: the white space it opens with."""
    return len(line) - len(line.lstrip())


def _letter_words(line: str) -> int:
    """How many words of ``line`` have letters (``"&"``, ``"3.0"`` have none)."""
    return sum(1 for word in line.split() if _LETTERS.search(word))


def _is_stamp(line: str) -> bool:
    """Whether a line of a flattened page is a stamp (see :func:`stamped_headline`)."""
    line = line.strip()  # inscriptis pads a table's lines to its width with spaces
    if len(line) > STAMP_CHARS:
        return False  # a paragraph, not a stamp (and no long line for the patterns to read)
    shown = _stamp_lines([line])[0]
    if not _LETTERS.search(shown):
        return _bare_date(shown)  # "2020-01-16"; not "1:41", "18:08": a video's length
    if len(shown) <= 100 and not _prose(shown) and (find_date(shown) or _yearless(shown)):
        return True
    return _stamp_byline(shown) is not None


#: A markdown heading's line, of any level.
_HEADING_LINE = re.compile(r"[ \t]{0,3}#{1,6}[ \t]+\S")


def stamped_heading(markdown: str, start: int = 0, end: int | None = None) -> Span | None:
    r"""The last markdown heading between the offsets ``start`` and ``end`` of ``markdown``
    (of any level, of a headline's size: :func:`~nkcorpus.cleaning.layout.headline_sized`)
    whose next line that shows something is a stamp (a date or a byline, as
    :func:`stamped_headline` reads one): the article's headline over its stamp, where a
    page's scrape heads the article with a heading of a lower level than its other
    headings (``##### …`` over ``_입력 2023.04.07 (19:09)_``); ``None`` where none is.

    >>> page = "# Site\n\n## Menu\n\n##### Floods hit the north again\n\n_2023.04.07 19:09_\n"
    >>> span = stamped_heading(page)
    >>> page[span.start : span.end]
    '##### Floods hit the north again'
    """
    stop = len(markdown) if end is None else end
    lines = [line for line in _shown_lines(markdown[:stop], len(markdown)) if line[0] >= start]
    found: Span | None = None
    for (at, line), (_next_at, after) in pairwise(lines):
        if _HEADING_LINE.match(line) and _is_stamp(shown_text(after)):
            shown = shown_text(line)
            # a heading of the page's controls ("Comments Close comments menu") is none
            if shown and headline_sized(shown) and not (furniture_line(shown) or _is_stamp(shown)):
                found = Span(at, at + len(line.rstrip("\r\n")))
    return found


def _bare_date(line: str) -> bool:
    """Whether ``line`` is a date with its year and no word (``"2020-01-16"``, ``"2019.03.18
    23:59"``), not a video's length or a score (``"1:41"``)."""
    line = line.strip()
    return len(line) <= 40 and not _LETTERS.search(line) and find_date(line) is not None


def shown_text(line: str) -> str:
    """What a markdown line shows: its links' and emphasis's text, no image, no tag a
    converter left in, no heading's or table's marks.

    >>> shown_text('<span id="x"></span># [Floods](https://example.org/f) in the *north* |')
    'Floods in the north'
    """
    line = _HEADING_MARKS.sub("", _TAG.sub("", line).strip())
    return " ".join(_stamp_lines([line])[0].strip(" |").split())


_OF_THE_ARTICLE = re.compile(r"\s+of\s+the\s+\w+$", re.IGNORECASE)
_LEADING_BY = re.compile(r"by\s", re.IGNORECASE)


#: An image that its description says is the writer's photo, opening a line (``![기자이미지](…)``,
#: ``![Author photo](…)``), and what follows it on the line.
_WRITER_PHOTO = re.compile(
    r"\s*!\[\s*(?:기자\s*(?:이미지|사진|프로필)|작성자\s*(?:이미지|사진)"
    r"|(?:author|reporter|writer)(?:'s)?\s+(?:photo|image|picture|avatar|headshot)"
    r"|作者头像|作者頭像|记者照片|記者照片)\s*\]\([^()\n]*\)\s*(?P<rest>.*)",
    re.IGNORECASE,
)
#: An image that its address says is a person's picture: an avatar (Gravatar's, a site's
#: ``/avatars/``) or a user's or author's icon (``../images/user.svg``), as blogs set it
#: before the writer's name.
_AVATAR = re.compile(
    r"!\[[^\]\n]*\]\([^()\s]*?(?:avatar|/(?:user|author|profile)[\w-]*\.(?:svg|png|jpe?g|gif|webp))"
    r"[^()\n]*\)",
    re.IGNORECASE,
)
#: What a line of markdown shows around an image: brackets, emphasis and white space.
_MARKS_AROUND = re.compile(r"[\s\[\]*_]+")
#: A Korean name alone (two to four syllables).
_KO_NAME_ALONE = re.compile(r"[가-힣]{2,4}")
#: A name in Latin letters alone: two or three capitalized words.
_LATIN_NAME_ALONE = re.compile(r"[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,2}")


def _writer_photo(line: str) -> str:
    """``line`` as a byline where it opens with the writer's photo and the name alone
    follows it (``"![기자이미지](…) 임소정"``: ``"임소정 기자"``; ``"![Author photo](…) Jane
    Doe"``: ``"By Jane Doe"``) or shows an avatar (:data:`_AVATAR`) and a name alone; as
    nothing where the avatar stands alone on its line (:func:`_stamp_lines` reads a name
    alone on the next as the writer's); else as it is.

    >>> _writer_photo("![기자이미지](//img.example/w.png) 임소정")
    '임소정 기자'
    >>> _writer_photo("![기자이미지](//img.example/w.png) iMBC 연예")
    '![기자이미지](//img.example/w.png) iMBC 연예'
    >>> _writer_photo("[ ![](../images/user.svg) Matthew Davis  ](../)")
    'By Matthew Davis'
    >>> _writer_photo("![](https://2.gravatar.com/avatar/b38c7dd01895?s=64&d=retro)")
    ''
    """
    match = _WRITER_PHOTO.fullmatch(line)
    if match is not None:
        rest = match["rest"].strip()
    elif _AVATAR.search(line):
        # what the line shows besides its images, the names its links show
        shown = _LINK.sub(r"\1", _LINK.sub(lambda link: "" if link[0][0] == "!" else link[0], line))
        rest = _MARKS_AROUND.sub(" ", shown).strip()
        if not rest:
            return ""  # the avatar alone: the name may stand on the next line
    else:
        return line
    if _KO_NAME_ALONE.fullmatch(rest):
        return f"{rest} 기자"
    if _LATIN_NAME_ALONE.fullmatch(rest):
        return f"By {rest}"
    return line


#: A markdown link to a script that its code left unread as a link, and the rest of its line.
_SCRIPT_LINK = re.compile(r"\[[^\[\]\n]*\]\(\s*javascript:.*", re.IGNORECASE)


def _stamp_lines(lines: list[str]) -> list[str]:
    """Lines near a headline as text: the markup of links, emphasis and escapes left out
    (an image with its description; a link to a script that its code left unread as a
    link, with the rest of its line), handles cut off the names they are glued to, a
    ``By`` alone on its line joined to the next, and a name alone under an avatar alone
    read as a byline (:func:`_writer_photo`)."""
    out: list[str] = []
    avatar = False  # the line before was an avatar alone
    for line in lines:
        under_avatar, avatar = avatar, False
        if "![" in line:  # an image's description is no part of a stamp or a byline
            line = _writer_photo(line)
            avatar = not line
            line = _LINK.sub(lambda link: "" if link[0][0] == "!" else link[1], line)
        line = _bracketed_links(_LINK.sub(r"\1", line))
        if "javascript:" in line:
            # a link to a script whose code nests brackets too deep to read as a link (a share
            # button's): it and the rest of the line, its code, show nothing
            line = _SCRIPT_LINK.sub("", line)
        line = line.replace("*", "").replace("_", " ")
        line = _HANDLE.sub("", _EMAIL_ON.sub("", _ESCAPE.sub(r"\1", line))).strip()
        line = _GLUED_BY.sub("By ", line)  # "ByAlex Bozarjian"
        if under_avatar and (_LATIN_NAME_ALONE.fullmatch(line) or _KO_NAME_ALONE.fullmatch(line)):
            line = f"By {line}"  # the writer's avatar over the name
        if out and _LABEL_ALONE.fullmatch(out[-1]):
            if _LEADING_BY.match(line):  # "Author of the article:" over "By Ben Andrews"
                out[-1] = line
                continue
            # "Author of the article:" is the author's label ("Author:")
            label = _OF_THE_ARTICLE.sub("", out[-1].rstrip(":"))
            out[-1] = f"By {line}" if label.casefold() == "by" else f"{label}: {line}"
        else:
            out.append(line)
    return out


def _opening_credit(lines: list[str]) -> tuple[str, ...] | None:
    """The writers that the article's first paragraph credits as it opens, as Chinese,
    Taiwanese and Korean papers and wire services print them (``"商报讯（记者 丁开艳
    张慧敏）昨日，…"``, ``"新華社柏林1月10日電 (記者郭洋)德國…"``, ``"(서울=연합뉴스)
    홍길동 기자 = …"``: :func:`~nkcorpus.cleaning.metadata.inline_byline`): of ``lines``,
    the lines under the headline, one of the first
    :data:`~nkcorpus.cleaning.layout.OPENING_BYLINE_LINES` paragraphs in sentences (a
    photo's caption may come first); ``None`` where none of them opens with a writer's
    credit.

    >>> opening = "昨日，北京市政府发布意见，表示将增加应急物资的储备。" * 2
    >>> _opening_credit(["点击图片查看详细数据", "商报讯（记者 丁开艳）" + opening])
    ('丁开艳',)
    >>> _opening_credit([opening] * 3 + ["商报讯（记者 丁开艳）" + opening])
    """
    paragraphs = 0
    for line in lines:
        if not _sentences(line):
            continue  # no paragraph ("( 编辑： 张轶群 )", an editor's note under the article)
        credit = inline_byline(line)
        if credit is not None and credit.authors:
            return credit.authors
        paragraphs += 1
        if paragraphs >= OPENING_BYLINE_LINES:
            return None
    return None


def _stamp_byline(line: str) -> Byline | None:
    """The byline of a line near the headline (:func:`_any_byline`), or the writers after
    ``by`` at the end of a line that opens with a date, or a name and its job title alone
    (``"Amy Gibbons Political Correspondent"``), or the writer's field of a Chinese or
    Korean page's line of fields (:func:`~nkcorpus.cleaning.bylines.writer_field`); a
    heading's marks before it are let be (``"### By Scott Gordon"``)."""
    line = _HEADING_MARKS.sub("", line)
    if len(line) > 80:
        return None
    found = _any_byline(line)
    if found is None:
        found = read_dated_byline(line)
    if found is None and (writer := writer_and_role(line)) is not None:
        found = Byline((writer,))  # "Steve Peoples, AP National Political Writer"
    if found is None and (named := without_job_title(line)) != line:
        # "Amy Gibbons Political Correspondent", "By Sophie Foster Travel News Reporter"
        found = _any_byline(named) or (Byline((named,)) if name_shaped(named) else None)
    if found is None and (stamped := _name_before_stamp(line)) is not None:
        found = Byline(stamped)  # "Nizaar Kinsella 2 minutes ago"
    if found is None and (field := writer_field(line)) is not None:
        # a Chinese page's line of fields ("2012-01-17 19:34 来源：新民网 作者：李晓亮 编辑：刘景"):
        # its people's names alone (not "手机版", a link where the field is empty)
        read = read_byline(field)
        names = [n for n in read.authors if chinese_name(n) or korean_name(n)] if read else []
        found = Byline(tuple(names)) if names else None
    return found if found is not None and found.authors else None


_DIGIT = re.compile(r"\d")
#: The separators between a writer's name and the stamp after it.
_NAME_STAMP_SEPARATORS = " \t|·•/-–—"


def _name_before_stamp(line: str) -> tuple[str, ...] | None:
    """The writers named before a stamp that names no year, with its label or not
    (:func:`~nkcorpus.cleaning.dates.yearless_stamp`: ``"Nizaar Kinsella 2 minutes ago"``,
    ``"Jane Doe | Published 4 months ago"``).

    A relative time after a name may leave out its ``ago`` (``"Kyle Wiggers 7 hours"``,
    ``"Catherine Shu / 2 days"``, as TechCrunch prints its byline), and a slash may stand
    between them.

    >>> _name_before_stamp("Dylan Jones 5 hours ago"), _name_before_stamp("Seoul 5 hours ago")
    (('Dylan Jones',), None)
    >>> _name_before_stamp("Kyle Wiggers 7 hours"), _name_before_stamp("Open 24 hours")
    (('Kyle Wiggers',), None)
    >>> _name_before_stamp("Elliot Brownstein Florida Today")
    """
    words = line.split()
    for cut in range(2, min(len(words), 4)):
        tail = " ".join(words[cut:]).lstrip(_NAME_STAMP_SEPARATORS)
        # not "Today" (Florida Today)
        if _DIGIT.search(tail) and (_yearless(tail) or _AGO_LEFT_OUT.fullmatch(tail)):
            return _names_alone(" ".join(words[:cut]).rstrip(_NAME_STAMP_SEPARATORS))
    return None


#: A relative time with its ``ago`` left out (``"7 hours"``, ``"2 days"``), read only after a
#: writer's name.
_AGO_LEFT_OUT = re.compile(r"\d{1,2}\s*(?:minutes?|mins?|hours?|hrs?|days?)", re.IGNORECASE)


#: A path to a writer's page besides those of
#: :func:`~nkcorpus.cleaning.htmlattrs.writer_url`: a writer's, a contributor's, a
#: columnist's, a staff member's or a profile's page (``/writer/nathanael-johnson``,
#: ``/staff/ryan-devereaux/``, ``/profile/dan-jervis-bardy``), or a page named after its
#: author (``/toireporter/author-Aashish-Saxena-479265942.cms``). Read only on a line near
#: a scrape's headline whose links' texts are names.
_WRITER_PAGE = re.compile(
    r"/(?:writers?|contributors?|columnists?|journalists?|staff|profiles?)/[^/?#\s]"
    r"|/author-[^/?#\s]",
    re.IGNORECASE,
)


def _linked_names(line: str) -> tuple[str, ...] | None:
    """The writers that a scrape's line links to their pages (see
    :func:`~nkcorpus.cleaning.htmlattrs.writer_url`, and :data:`_WRITER_PAGE`), as a
    byline links its names (``"By [Jane Doe](/author/jane-doe)"``, ``"[13/06/2014](…)
    [Tony Carter](/author/tony-carter/) [Books](/category/books/)"``, ``"[吳玫穎](…/reporter/
    1372)"``, ``"[Dan Jervis-Bardy](/profile/dan-jervis-bardy)"``); each such link's text
    must be a name (a Chinese or Korean one, or as :func:`_names_alone` reads them); a
    later link to a page already linked is a label on it (``"View More Articles"``)."""
    names: list[str] = []
    pages: set[str] = set()
    for link in _LINK.finditer(line):
        url = link[2].split()[0] if link[2].strip() else ""
        writer = writer_url(url) or _WRITER_PAGE.search(url) is not None
        if link[0][0] != "!" and writer and url not in pages:
            pages.add(url)  # a second link to the same page is a label on it
            text = _ESCAPE.sub(r"\1", link[1]).strip()
            # a Chinese or Korean name alone ("[吳玫穎](…/reporter/1372)"), or Latin ones
            found = (text,) if chinese_name(text) or korean_name(text) else _names_alone(text)
            if found is None:
                return None
            names.extend(found)
    return tuple(dict.fromkeys(names)) or None


def _name_over_date(under: list[str]) -> tuple[str, ...] | None:
    """A writer's name alone on the first or second line under the headline (and its
    standfirst), with a date on its line (after a separator, not before a sentence), on the
    next (or a stamp with no year: ``"Ed Cara"`` over ``"Monday 6:30PM"``), or, for the
    second, on the first: ``"Dallas Robinson"`` over ``"Nov 18, 2019 @17:19 PM"``, ``"Chris
    Davies - Nov 19, 2019, 8:15 pm CST"``, ``"Carlos Nadalim 27/09/2018 Comente!"``,
    ``"Natasha Turak"`` under ``"Published Wed, Nov 20 2019 4:29 AM EST"``. An item of a
    list is one where its date is the list's next or last item (``"- Tanza Loudenback ,
    Business Insider"`` over ``"- 13.11.2019, 23:06"``; not ``"- [Next Post](…)"`` over a
    stamp line); a line of the page's buttons (``"Share Save"``) names no one."""
    for at, line in enumerate(under[:2]):
        item = _BULLET.match(line)
        if item:
            line = line[item.end() :]
        head = _BEFORE_DATE.split(line, 1)[0].strip()
        if head == line and (date := DATE_PATTERN.search(line)) and date.start():
            head = line[: date.start()].strip()  # "Carlos Nadalim 27/09/2018 Comente!"
            # a stamp's label before the date is no part of a name ("Crime Published On")
            head = LATER_STAMP.sub("", head)
        if head != line and _prose(line[len(head) :]):
            continue  # "New York, NY – With content engagement migrating from desktop ..."
        dated = (
            (head != line and find_date(line))
            or (at + 1 < len(under) and _dated(under[at + 1], 60, bool(item)))
            # under the date: not a section's label in capitals ("CAR REVIEWS")
            or (at == 1 and not head.isupper() and _dated(under[0], 100, bool(item)))
        )
        # a line of buttons ("Share Save") names no one
        if dated and (names := _names_alone(head)) and not _control(head):
            return names
    return None


def _han_name_under_date(under: list[str]) -> tuple[str, ...] | None:
    """A Chinese writer's name of three characters alone on one of the two lines under the
    date, where that date stands on one of the :data:`HAN_DATE_LINES` lines under the
    headline (China Times: ``"2014年09月23日 20:46"`` over ``"吳玫穎"``, or over the
    paper's short name and then the writer's, ``"中時"`` over ``"謝明俊"``).

    >>> _han_name_under_date(["稍後再讀", "2014年09月23日 20:46", "吳玫穎", "* 小字型"])
    ('吳玫穎',)
    >>> _han_name_under_date(["2014年09月23日 20:46", "國際新聞"])
    """
    for at, line in enumerate(under[:HAN_DATE_LINES]):
        if len(line) <= DAY_LINE_CHARS and find_date(line):
            names = (name for name in under[at + 1 : at + 3] if len(name) == 3)
            return next(((name,) for name in names if chinese_name(name)), None)
    return None


#: How many lines under a headline its date is looked for in, for the writer's name under it.
HAN_DATE_LINES = 3
#: The longest line of a stamp that opens with its label (``"Published November 18, 2024
#: 9:26pm Updated November 19, 2024 4:23pm"``) read as a date's line.
STAMP_LINE_CHARS = 100


def _dated(line: str, most: int, item: bool) -> bool:
    """Whether ``line`` is a date's line of at most ``most`` characters (of
    :data:`STAMP_LINE_CHARS` where it opens with a publication's label; with ``item``, an
    item of a list too), or a stamp alone with no year (``"Monday 5:30PM"``, ``"1 day
    ago"``: a writer's name over it is read, though no date is)."""
    labeled = _PUBLISHED_LABEL.match(line) is not None  # "Published … Updated …"
    if len(line) > (STAMP_LINE_CHARS if labeled else most) or (item and not _BULLET.match(line)):
        return False
    return bool(find_date(line)) or _yearless(_BULLET.sub("", line))


def _dateline(line: str) -> bool:
    """Whether ``line`` opens with a date and its time right after it, as a dateline opens
    the first paragraph of a story.

    >>> _dateline("November 20, 2019 - 11:28 AMT PanARMENIAN.Net - Verified video footage")
    True
    >>> _dateline("November 20, 2019 was the day the footage was verified by reporters")
    False
    """
    date = DATE_PATTERN.match(line)
    return date is not None and TIME_PATTERN.match(line, date.end()) is not None


def _yearless(line: str) -> bool:
    """Whether ``line`` is a stamp that names no year
    (:func:`~nkcorpus.cleaning.dates.yearless_stamp`), after a publication's or an update's
    label or not (``"Published 3 hours ago"``, ``"Updated: 5 minutes ago"``).

    >>> _yearless("Published 3 seconds ago"), _yearless("Published in Science")
    (True, False)
    """
    label = _PUBLISHED_LABEL.match(line) or _UPDATE_LABEL.match(line)
    return yearless_stamp(line[label.end() :].lstrip(" :") if label else line)


#: The longest line read as writers' names alone.
NAMES_CHARS = 120
#: Writers' names alone on a line, two joined by ``and``, and an outlet after a comma or a
#: gap of spaces (``"Meg Kinnard and Errin Haines, Associated Press"``, ``"Tanza Loudenback,
#: Business Insider"``, ``"Tom Davies  Associated Press"``: name and outlet in elements of
#: their own).
_NAMES_OUTLET = re.compile(
    r"(?P<names>[^,&]+?(?:\s+(?:and|&)\s+[^,&]+?)?)"
    r"(?:(?:,\s+|\s{2,}+)(?P<outlet>[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3})"
    rf"|\s+(?P<agency>{AGENCY}))?"
)


def _wired(line: str) -> bool:
    """Whether ``line`` is writers' names and the wire service they write for (``"Tom Davies
    Associated Press"``, ``"Hyonhee Shin, Reuters"``)."""
    match = _NAMES_OUTLET.fullmatch(line) if len(line) <= NAMES_CHARS else None
    return bool(match and (match["agency"] or _WIRE.fullmatch(match["outlet"] or "")))


def _names_alone(head: str) -> tuple[str, ...] | None:
    """The writers of a line that holds their names alone (two or three capitalized words
    each, not a job title), or two joined by ``and`` (a wire service joined so, ``"Adam
    Vidler and AP"``, is no writer), and maybe an outlet after a comma
    (not a dateline's place: in capitals, ``"NEW YORK, New York"``, or before a bureau,
    ``"New Delhi, News Nation Bureau"``)."""
    if len(head) > NAMES_CHARS:
        return None  # a paragraph, not names (and no long line for the pattern to try)
    match = _NAMES_OUTLET.fullmatch(head)
    if match is None or (
        match["outlet"] and (match["names"].isupper() or _BUREAU.search(match["outlet"]))
    ):
        return None
    names = tuple(n.strip() for n in re.split(r"\s+(?:and|&)\s+", match["names"]))
    if len(names) > 1:  # a wire service credited beside the writer ("Adam Vidler and AP")
        names = tuple(n for n in names if not _WIRE.fullmatch(n)) or names
    for name in names:
        words = name.split()
        if not (
            2 <= len(words) <= 3
            # a romanized Korean name's hyphen ("Kim Tong-hyung") or an apostrophe ("O'Neil")
            and all(w[:1].isupper() and _NAME_MARKS.sub("", w).isalpha() for w in words)
            and name_shaped(name)
            and not job_title(name)
        ):
            return None
    return names


#: A wire service's name alone (``"Associated Press"``, ``"Reuters"``).
_WIRE = re.compile(AGENCY)
#: The marks inside a word of a name: a hyphen, an apostrophe.
_NAME_MARKS = re.compile(r"(?<=\w)[-'’](?=\w)")
#: An outlet's office at a place, which a dateline names after the place.
_BUREAU = re.compile(r"\b(?:Bureau|Desk)$")
#: A separator before a date on a writer's line.
_BEFORE_DATE = re.compile(r"(?<!\s)\s+[-–—|·•/]\s+")  # a run of spaces looked at once


#: The share of a title's words that a line must hold to be its headline.
HEADLINE_WORDS = 0.8


#: How many lines under a breadcrumb trail that ends with the headline are looked at for
#: the headline on a line of its own.
CRUMB_LINES = 4


def _repeated_headline(lines: list[str], title: str) -> int | None:
    """The index of the first line after the first that holds :data:`HEADLINE_WORDS`
    of ``title``'s words (:func:`_same_headline`) and not twice as many words, not a list's
    item: the headline a plain-text scrape repeats under its menus (``"Why you just can't
    trust ..."`` for the page title ``"Why you can't trust ..."``); where that line is a
    breadcrumb trail that ends with the headline, the headline's own line under it (among
    the next :data:`CRUMB_LINES`)."""
    words = set(title.casefold().split())
    if len(words) < 3:
        return None
    for index, line in enumerate(lines[1:], start=1):
        if _LIST_ITEM.match(line):
            continue  # a menu's or a breadcrumb's entry ("3. Sweden drops ...")
        if len(line.split()) < 2 * len(words) and _same_headline(line, title):
            # a breadcrumb trail flattened onto one line ends with the headline that a line
            # of its own shows just under it ("Home News Ascom announces ..." over "Ascom
            # announces ...")
            after = lines[index + 1 : index + 1 + CRUMB_LINES]
            return next(
                (
                    index + 1 + at
                    for at, below in enumerate(after)
                    if len(below.split()) >= 3 and line != below and line.endswith(below)
                ),
                index,
            )
    return None


def _any_byline(line: str) -> Byline | None:
    """Read a line that may be a byline with a stamp after it:
    :func:`~nkcorpus.cleaning.bylines.read_byline`, else
    :func:`~nkcorpus.cleaning.bylines.read_stamped_byline`, else the names before an
    English stamp label whose date cannot be read (``"By Jane Doe On 04/11/19 at 4:00 PM
    EST"``: either number may be the month, the date is left unread, the writer is still
    named).

    >>> _any_byline("By  Jane Doe On 04/11/19 at 4:00 PM EST").authors
    ('Jane Doe',)
    >>> _any_byline("By Jane Doe  Last updated Nov 8, 2023").authors
    ('Jane Doe',)
    >>> _any_byline("Updated on 04/11/19") is None
    True
    """
    found = read_byline(line)
    if found is None:
        found = read_stamped_byline(line)[0]
    if found is None:
        head = LATER_STAMP.sub("", line)
        found = read_byline(head) if head != line else None
    return found if found is not None and found.authors else None


#: The fewest words of a link's path after its date that a headline must share with it for
#: the link to be the article's own (``/2019/08/02/json-parsing-simdjson-vs-json-for-modern-
#: c/`` under "JSON parsing: simdjson vs. JSON for Modern C++").
SLUG_WORDS = 2
#: The least share of the words of that path that the headline must hold.
SLUG_SHARE = 0.5
#: A date in a path (``/2019/08/02/``, ``/2012-01/17/``, ``/20200104-``), as htmldate reads it.
#: A date in an address's path (``/2023/09/21/``, ``/2012-01/17/``, ``/odn-20230329-…``:
#: a short code before it).
_PATH_DATE = re.compile(
    r"/(?:[A-Za-z]{1,10}[_-])?((?:19|20)\d\d)[/-]?([01]\d)[/-]?([0-3]\d)(?=[/_.-])"
)
#: An address written out in a plain text (a flattened page's "本文連結 : https://…").
_BARE_URL = re.compile(r"https?://[^\s<>\"'()\[\]]+")
_SLUG_WORD = re.compile(r"[^\W_]+")
#: Words of a path that say nothing of its article.
_PATH_WORDS = frozenset(
    ["the", "a", "an", "of", "to", "in", "on", "for", "and", "is", "at", "by", "with",
     "from", "as", "html", "htm", "shtml", "php", "asp", "aspx", "amp", "www", "com"]
)  # fmt: skip


def _url_day(url: str) -> str | None:
    """The day that htmldate reads in the path of ``url`` (``YYYY-MM-DD``), else the day
    that a date in figures alone in it names (``/odn-20230329-…``, which htmldate does not
    read), up to today; or ``None``.

    >>> _url_day("https://orientaldaily.on.cc/content/x/odn-20230329-0329_00176_202/a")
    '2023-03-29'
    >>> _url_day("https://example.org/a/20231399/b") is None
    True
    """
    import htmldate

    try:
        found = htmldate.find_date("<html></html>", url=url, extensive_search=False)
    except Exception:  # an address htmldate cannot read names no day
        found = None
    if found:
        return str(found)
    match = _PATH_DATE.search(url)
    if match is None:
        return None
    try:
        day = datetime.date(*(int(part) for part in match.groups()))
    except ValueError:  # no such day
        return None
    return day.isoformat() if day <= datetime.date.today() else None


def linked_date(markdown: str, title: str | None = None, url: str | None = None) -> str | None:
    """The day of a scrape's article that its address gives (``YYYY-MM-DD``): the page's own
    ``url`` (its front matter's, a reader service's ``URL Source``: ``…/2023/09/21/…``,
    ``…/2012-01/17/…``), else the one day of the scrape's links to the article itself (a
    share or print button's, a comment's reply link, an address written out in a plain
    text: a path whose words after its date are at least :data:`SLUG_WORDS` of the
    ``title``'s, and :data:`SLUG_SHARE` of them); ``None`` where none does, or where those
    links give different days.

    >>> linked_date("x", url="https://example.org/news/2023/09/21/floods-hit-the-north")
    '2023-09-21'
    >>> page = "[Reply](https://lemire.me/blog/2019/08/02/json-parsing-simdjson-vs-json/?r=1)"
    >>> linked_date(page, "JSON parsing: simdjson vs. JSON for Modern C++")
    '2019-08-02'
    >>> linked_date(page, "Kim meets Moon in Panmunjom") is None
    True
    >>> linked_date("本文連結 : https://x.on.cc/content/odn-20230329-0329_176/北都擬開編外位--議員質疑",
    ...     "北都擬開編外位 議員質疑")
    '2023-03-29'
    """
    if url and _PATH_DATE.search(url) and (day := _url_day(url)):
        return day
    if not title:
        return None
    words = {w for w in _SLUG_WORD.findall(title.casefold()) if w not in _PATH_WORDS}
    # the addresses up to their dates, each read once (a page's reply links share one)
    dated: set[str] = set()
    targets = (
        match.group(2).split()[0].strip("<>") if match.group(2).strip() else ""
        for match in _LINK.finditer(markdown)
    )
    for target in chain(targets, _BARE_URL.findall(markdown)):
        target = unquote(target)
        date = _PATH_DATE.search(target)
        if date is None:
            continue
        slug = target[date.end() :].split("?")[0].casefold()
        path = {w for w in _SLUG_WORD.findall(slug) if w not in _PATH_WORDS and not w.isdigit()}
        shared = len(path & words)
        if len(path) >= SLUG_WORDS and shared >= max(SLUG_WORDS, SLUG_SHARE * len(path)):
            dated.add(target[: date.end() + 1])
    days = {day for prefix in dated if (day := _url_day(prefix))}
    return days.pop() if len(days) == 1 else None
