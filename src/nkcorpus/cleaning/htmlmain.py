"""An HTML page's article: trafilatura decides what is body, nkcorpus keeps the offsets.

:func:`extract_page` reads the page's visible text with
:func:`~nkcorpus.cleaning.htmlpage.read_page` (every piece with its raw span),
asks trafilatura for the page's main content and aligns trafilatura's
paragraphs, which are near-verbatim copies of the page's text, to the visible
blocks: a block that trafilatura kept (whole, or three fifths of it for a block
of 64 characters or more) is body (:mod:`nkcorpus.cleaning.htmlalign`). Where the
blocks shown hold less than :data:`SHOWN_SHARE` of trafilatura's main text, hidden
elements (collapsed panels, tabs) are read too, and count where it has them.
Everything else leaves the text as a removal with a rule name that says what
it was: ``title``, ``byline``, ``dateline``, ``caption``, ``navigation``,
``page-header``, ``page-footer``, ``aside`` (a sidebar's, or the teasers of the site's
other stories that close the article), ``share-widget``,
``cookie-notice``, ``comments``, ``form``, ``link-list``, ``hidden`` or
``not-main-content``. Photo captions (``figure``, ``figcaption``; not a table or code
listing that a ``figure`` holds) leave the body too; their text goes to
:attr:`Metadata.captions <nkcorpus.Metadata.captions>` (except on a page told in its
captions, a slideshow: there they are the body).
Where trafilatura finds no main text, or one that no visible block holds (the document of
a player embedded in the page), every block but the page's furniture (navigation, header,
footer, asides, forms) is the text, not nothing.
Before the first paragraph of prose, the title, byline and dateline leave the
text even when trafilatura kept them. A form's short blocks (its fields' labels and
buttons) leave it too, but on a page that is one form as a whole.

The bylines handed to the metadata are the blocks marked as a byline or author, lines that
say they are one (``"Written by: …"``), date stamps that name their writers after the date
(``"Posted on March 3, 2025 by Jane Doe"``, ``"입력 2023.09.21 14:30 | 홍길동 기자"``), and
Chinese writer's fields (``"作者：郭励弘"``).

The result is a list of edits on the page source, so the clean text keeps an
exact map back to it. The page's metadata comes from
:func:`~nkcorpus.cleaning.htmlmeta.read_metadata`.
"""

from __future__ import annotations

import bisect
import collections
import itertools
import re
from typing import Any

import attrs

from nkcorpus.cleaning.authornames import (
    name_shaped,
    writer_and_role,
)
from nkcorpus.cleaning.boilerplate import find_boilerplate
from nkcorpus.cleaning.bylines import (
    BYLINE_CHARS,
    EMAIL,
    Byline,
    desk_editor_credit,
    read_byline,
    read_dated_byline,
    read_stamped_byline,
    read_wire_credits,
    writer_field,
)
from nkcorpus.cleaning.dates import find_date
from nkcorpus.cleaning.htmlalign import (
    MENU_ITEM,
    PARAGRAPH,
    article_blocks,
    block_key,
    body_blocks,
    enclosed_headings,
    listed_prose,
    main_text,
)
from nkcorpus.cleaning.htmldeclared import declared_article, scripted_article, story_elements
from nkcorpus.cleaning.htmlmeta import (
    PageMetadata,
    iso_date,
    outlet_keys,
    outlet_line,
    read_metadata,
)
from nkcorpus.cleaning.htmlpage import (
    CROWDED_ELEMENTS,
    FIELD_BREAK,
    Block,
    Page,
    block_fields,
    load_tree,
    page_edits,
    read_page,
    thin_crowded,
)
from nkcorpus.cleaning.htmlscripts import script_page
from nkcorpus.cleaning.layout import menu_line
from nkcorpus.cleaning.metadata import (
    CJK_PROSE,
    article_reporters,
    byline,
    caption_line,
    credit_line,
    dateline,
    labeled_date,
    signature,
    stamp_date,
)
from nkcorpus.cleaning.offsets import Edit
from nkcorpus.document import Span

__all__ = [
    "DECLARED_SHARE",
    "LABELED_BLOCKS",
    "NOSCRIPT_BELOW",
    "SCRIPTED_BELOW",
    "SHOWN_SHARE",
    "Extracted",
    "extract_page",
]

_CJK = re.compile(r"[\u4e00-\u9fff\uac00-\ud7a3]")
_BYLINE_ROLES = frozenset(["byline", "author", "writer", "reporter", "journalist"])
#: Roles of blocks that are no byline even inside an element marked as one (a comment's
#: header, a breadcrumb's links in an article wrapper whose class says ``author``, a login
#: box's field label under ``class="author-tips"``, a menu's button in a byline's bar:
#: ``<div class="menu_list"><span>SECTIONS</span>``), and a customer's review or a client's
#: testimonial signed by its giver (``<cite class="featured-review_rating-author">``).
_NOT_BYLINE_ROLES = frozenset(
    ["comment", "breadcrumb", "login", "menu", "nav", "related", "review", "testimonial"]
)
#: A byline's label set apart from the name after it (``<b>By</b><a>Travis Haney</a>``,
#: ``<span>Written by</span><span>…</span>``), and a second ``by`` that the name's element
#: repeats.
_BY_FIELD = re.compile(
    r"^((?:(?:written|posted|reported|words|story|text)\s+)?by:?|authors?:) \| (?:by:?\s+)?",
    re.IGNORECASE,
)
#: The roles of a block that is no stamp of the page's own: a related story's link
#: (``"Horoscope for Wednesday, 11/20/19 by Christopher Renstrom"``), a comment, a menu.
_NOT_STAMP_ROLES = frozenset(["comment", "footer", "nav", "related", "link"])
#: A line that opens with what a byline says of itself (``"Written by:Elise Nass"``: a
#: label and a name in elements side by side, no space between; ``"Posted by Alex Durán,
#: AMP Project Marketing"``, ``"Author: Jacopo Cascioli"``).
_SAYS_BYLINE = re.compile(
    r"(?:(?:By|BY|Written by|Reported by|Words by|Story by|Posted by"
    r"|(?:Opinion|Analysis|Commentary|Interview|Review) by)(?:\s*:\s*|\s+)"
    r"|Authors?\s*:\s*)[A-Z]"
)
#: A byline's label on a line of its own, the writer's name on the next line.
_BYLINE_LABEL = re.compile(
    r"(?:(?:article|post|story|blog\s+post)\s+)?(?:written|posted|authored)\s+by\s*:?"
    r"|authors?\s*:|about\s+the\s+author\s*:?|by",
    re.IGNORECASE,
)
#: A "by" that a byline's name block repeats after its label's (``"By"`` over ``"By Clay"``).
_LEADING_BY = re.compile(r"^by\s+", re.IGNORECASE)
_DATE_LIKE = re.compile(
    r"(?:19|20)\d\d\s*[-./年년]\s*\d{1,2}|\d{1,2}[:시時时]\d\d"
    r"|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}",
    re.IGNORECASE,
)
#: Block roles and the removal rule each one gives, in order of precedence.
_ROLE_RULES = (
    ("hidden", "hidden"),
    ("cookie", "cookie-notice"), ("consent", "cookie-notice"), ("share", "share-widget"),
    ("social", "share-widget"), ("sn", "share-widget"), ("comment", "comments"),
    ("nav", "navigation"), ("menu", "navigation"), ("breadcrumb", "navigation"),
    ("header", "page-header"), ("footer", "page-footer"), ("copyright", "page-footer"),
    ("aside", "aside"), ("sidebar", "aside"), ("related", "aside"), ("promo", "aside"),
    ("newsletter", "aside"), ("subscribe", "aside"), ("ad", "aside"), ("banner", "aside"),
    ("form", "form"), ("login", "form"), ("tag", "link-list"), ("link", "link-list"),
    ("list", "link-list"),
)  # fmt: skip
_RULED_ROLES = frozenset(role for role, _ in _ROLE_RULES)
#: The roles of a page's menus.
_NAVIGATION = frozenset(["nav", "menu", "breadcrumb"])


@attrs.frozen
class Extracted:
    """What :func:`extract_page` found.

    Attributes:
        edits: the edits that turn the page source into its clean article text.
        removals: ``(raw span, rule)`` for each visible block left out of the text.
        metadata: ``(name, value)`` pairs for :class:`~nkcorpus.Metadata`.
        captions: the texts of the photo captions, in page order.
    """

    edits: tuple[Edit, ...]
    removals: tuple[tuple[Span, str], ...]
    metadata: tuple[tuple[str, Any], ...]
    captions: tuple[str, ...] = ()


#: A page whose article text, as its blocks show it, is shorter than this share of the
#: article its JSON-LD declares (``articleBody``) takes the declared article as its text.
DECLARED_SHARE = 0.6
#: The article text (characters) below which a page counts as showing next to nothing of
#: its own, and the data of its scripts are searched for the article.
SCRIPTED_BELOW = 200

#: Roles of a figure's content that is no photo's caption: a table (WordPress writes
#: ``<figure class="wp-block-table">``) or a code listing.
_FIGURED_TEXT = frozenset(["table", "pre"])


def _pictured(roles: frozenset[str]) -> bool:
    """Whether a block with these roles is a photo's caption or credit: a caption, or the
    text of a figure but for its tables and code listings.

    >>> _pictured(frozenset(["figure"])), _pictured(frozenset(["figure", "table"]))
    (True, False)
    >>> _pictured(frozenset(["figure", "pre"])), _pictured(frozenset(["table", "caption"]))
    (False, True)

    A heading is no caption, even in an element whose class says ``caption`` (a story's
    header box, ``<div class="landing-caption"><h5>headline</h5>``):

    >>> _pictured(frozenset(["caption", "heading"])), _pictured(frozenset(["figure", "h1"]))
    (False, False)

    Nor is a share button's label (Naver's ``<span class="send_caption">SNS 보내기</span>`` in
    the share bar's link):

    >>> _pictured(frozenset(["caption", "link", "share"]))
    False
    """
    if _HEADINGS & roles or _share_button(roles):
        return False
    return "caption" in roles or ("figure" in roles and not (_FIGURED_TEXT & roles))


_HEADINGS = frozenset(["h1", "heading"])

#: A main text whose captions hold more than this share of it is told in its captions
#: (a slideshow): they stay in the body.
CAPTIONED_SHARE = 0.75


def _told_in_captions(blocks: dict[int, Block], keys: dict[int, str], body: set[int]) -> bool:
    """Whether the captions of the ``body`` blocks hold most of its text (a slideshow)."""
    told = sum(len(keys[i]) for i in body if _pictured(blocks[i].roles))
    return told > CAPTIONED_SHARE * sum(len(keys[i]) for i in body)


#: A page that shows fewer characters than this where scripts run is read again as a
#: browser without scripts shows it, with the content of its ``noscript`` elements.
NOSCRIPT_BELOW = 200
#: When the shown blocks that match trafilatura's main text hold less than this share of
#: it, hidden elements are read too.
SHOWN_SHARE = 0.8
_NOSCRIPT = re.compile(r"<noscript[\s>]", re.IGNORECASE)
#: A template's placeholder left in the text, alone in its block (``$$ARTICLEAD$$``, where
#: the site puts an advertisement; ``{{caption}}`` of a gallery's template): no reader sees it.
_PLACEHOLDER = re.compile(r"(\$\$|%%)\s*[A-Z][A-Z0-9_]*\s*(\$\$|%%)|\{\{\s*[A-Za-z_][\w.]*\s*\}\}")
#: The filler text of a template that the site left in, opening a block ("Lorem ipsum dolor
#: sit amet, …", "Lorem ipsum 2").
_LOREM_IPSUM = re.compile(r"lorem\s+ipsum\b", re.IGNORECASE)


def _reporters(
    blocks: dict[int, Block], body: set[int], opening: tuple[str, ...] = ()
) -> tuple[str, ...]:
    """Reporters that a Korean or Chinese byline in the article names
    (:func:`~nkcorpus.cleaning.metadata.article_reporters`, on the page's blocks, the
    article's marked, a photo's caption or credit never read)."""
    return article_reporters(
        [(b.text, i in body, not _pictured(b.roles)) for i, b in blocks.items()], opening
    )


#: The fewest headings of other stories, each a link, that make the end of the article
#: a run of teasers (:func:`_teaser_tail`), and the most characters of each heading and of
#: the summary under it.
TEASER_CARDS = 3
TEASER_HEADING_CHARS = 200
TEASER_SUMMARY_CHARS = 400
#: The fewest characters of a teaser's card that is one link, headline and summary.
TEASER_CARD_CHARS = 40
#: The most characters of a section's heading or a tag among the teasers.
TEASER_SECTION_CHARS = 40
#: The least text of the article that must stand before a run of teasers.
TEASER_ARTICLE_CHARS = 500


def _teaser_tail(blocks: dict[int, Block], kept: set[int], source: str, url: str) -> list[int]:
    """The kept blocks that end the article as the page's teasers of its site's other
    stories, the last first: a run of :data:`TEASER_CARDS` headings or more that link to a
    page of the site at ``url`` (:func:`_site_link`; a heading may open with a tag, ``"opinion
    | Don Martin: …"``), each with one short paragraph under it at most (its summary: ``"Icy
    moons with vast oceans are the latest candidates for alien life"`` over ``"A new
    mission to Jupiter will examine three of them"``), with short headings of sections
    (``"More from Science & technology"``, ``"IN DEPTH"``) and short tags or links (``"FACT
    CHECK"``) among them, or cards that are one link each, headline and summary
    (:func:`_holding_link`, :data:`TEASER_CARD_CHARS`); or else the site's lists of its
    stories (:func:`_listing_start`); and short lines of the page's footer or navigation
    after the article, its teasers or its lists (:func:`_furniture_role_line`). Teasers
    only after :data:`TEASER_ARTICLE_CHARS` of the article. (Headings that link to other sites, each
    over its summary, are a newsletter's or a guide's own matter.)"""
    order = sorted(kept)
    site = _domain(url)
    end = len(order)
    while end and (
        _furniture_role_line(blocks[order[end - 1]], _FOOTER_NAV)
        or menu_line(blocks[order[end - 1]].text)
    ):
        end -= 1
    cards, start, summary = 0, end, False
    for at in range(end - 1, 0, -1):
        block = blocks[order[at]]
        size = len(block.text)
        marked = bool(block.roles & _TEASER_ROLES)
        if (
            _HEADINGS & block.roles
            and marked
            and size <= TEASER_HEADING_CHARS
            and _headline(block.text)
        ):
            if not _site_link(source, block, site):
                break
            cards, start, summary = cards + 1, at, False
        elif (
            "link" in block.roles
            and size >= TEASER_CARD_CHARS
            and (href := _holding_link(source, block)) is not None
            and _on_site(href, site)
        ):
            # a story's card that is one link to a page of the site, its summary and all
            # ("RISK REMAINS: An official said …")
            cards, start, summary = cards + 1, at, False
        elif cards and size <= TEASER_SECTION_CHARS and (marked or _HEADINGS & block.roles):
            start, summary = at, False  # a section's heading, a story's tag over its own
        elif summary or size > TEASER_SUMMARY_CHARS:
            break
        else:
            summary = True
    teasers = cards >= TEASER_CARDS
    if teasers and sum(len(blocks[i].text) for i in order[:start]) < TEASER_ARTICLE_CHARS:
        teasers = False
    if not teasers:
        start = _listing_start(blocks, order, end, source, site)
    return order[start:][::-1]


#: The fewest words of a teaser's headline (a label of a few words, "Possible Solutions",
#: heads a section of a hub page), and the fewest characters of a Chinese, Japanese or
#: Korean one.
HEADLINE_WORDS = 4
HEADLINE_WIDE_CHARS = 10


def _headline(text: str) -> bool:
    """Whether ``text`` is long enough to be a story's headline (:data:`HEADLINE_WORDS`,
    :data:`HEADLINE_WIDE_CHARS`), not a section's label.

    >>> _headline("Icy moons with vast oceans"), _headline("Possible Solutions")
    (True, False)
    """
    if _CJK.search(text):
        return len(text) >= HEADLINE_WIDE_CHARS
    return len(text.split()) >= HEADLINE_WORDS


#: The fewest short lines of a run of the site's lists (:func:`_listing_start`), and the
#: most characters of each.
LISTING_LINES = 8
LISTING_LINE_CHARS = 40
#: A date or a count alone on a line of a list of stories ("01/17 02:00", "[21:26] 01-17",
#: "585640").
_STAMP_ALONE = re.compile(r"[\d/:.\s()\[\]-]+")
#: A date alone, with its time or not (``"2020年07月08日 13:36:14"``, ``"2012-01-17"``): in
#: a list of stories, the time of a headline that was a link and went.
_DATE_ALONE = re.compile(
    r"\s*\d{2,4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*"
)
#: A headline's date or time that ends its line in a list of stories ("… (01/17 06:41)",
#: "… 2012-1-17 21:30:00", "… 2012-01-17", "… (01/17)"), or opens it before a bullet
#: ("01-17・宝钢股份：…", "21:36 ・南洋科技…") or with the day and the time ("01/11 17:57
#: 4张/秒…"): the line leads to a story as a link does.
_STAMPED = re.compile(
    r"(?:\d{1,4}[-/.]\d{1,2}(?:[-/.]\d{1,2})?\s+\d{1,2}:\d{2}(?::\d{2})?"
    r"|\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?|[(（]\d{1,2}[-/.]\d{1,2}[)）])[)）\]]?$"
    r"|^(?:\d{1,2}[-/.]\d{1,2}|\d{1,2}:\d{2})\s*[・·•]|^\d{1,2}[-/.]\d{1,2}\s+\d{1,2}:\d{2}"
)
#: A line cut short with an ellipsis ("被爆食材劣等 燒肉店擬提.."), which ends no sentence,
#: and one that a link to the rest follows ("…安潔莉娜裘莉、莎...«全文»"): a teaser's summary.
_CUT_SHORT = re.compile(
    r"(?:\.{2,}|…|⋯)(?P<more>\s*[«»<>\[【(（]*\s*(?:全文|更多|詳細|详细|more)\b[«»<>\]】)）]*)?$"
)

#: What sets apart the stories of a list written on one line ("·希腊债务问题谈判陷入僵局 …").
_STORY_BULLET = re.compile(r"\s*[·•・]\s*")
#: The fewest stories of such a line.
STORIES_IN_LINE = 3


def _stories_line(text: str) -> int:
    """How many stories a list of them written on one line holds (``"·希腊债务问题谈判陷入
    僵局 违约风险提高 2012.01.17 ·希腊债务减记谈判破裂 2012.01.16 …"``): :data:`STORIES_IN_LINE`
    items or more after bullets, each a short headline (:data:`LISTING_LINE_CHARS`) that its
    date or time ends or opens; else 0.

    >>> _stories_line("·A rise in prices 2012.01.17 ·Talks fail 2012.01.16 ·Oil 2011.11.11")
    3
    """
    items = [item for item in _STORY_BULLET.split(text) if item]
    if len(items) < STORIES_IN_LINE:
        return 0
    for item in items:
        stamp = _STAMPED.search(item)
        if stamp is None or len(item) - len(stamp.group()) > LISTING_LINE_CHARS:
            return 0
    return len(items)


#: The roles of a line of a list, or of a heading over one.
_LISTED_ROLES = _HEADINGS | {"list"}
#: A line that ends with an exclamation or a question mark.
_CALLS_OUT = re.compile(r"[!?！？][\"'”’)）]?$")
#: The fewest lines of a shorter run of the site's stories, each with its time ("·希腊债务
#: 问题谈判陷入僵局 违约风险提高 2012.01.17"), a heading over them at most.
LISTING_STAMPED_LINES = 4
#: The fewest links, tags, dates or counts alone in such a run (a list of short items
#: alone, the key points or the names that close a story, stays).
LISTING_LINKS = 2


def _listing_start(
    blocks: dict[int, Block], order: list[int], end: int, source: str, site: str | None
) -> int:
    """Where, in the kept blocks ``order`` up to ``end``, a run of the site's lists of its
    stories begins that closes the article, as an older Chinese portal's page sets them
    under it (the latest headlines with their times, the most read with their counts,
    its channels); ``end`` where there is none.

    The run is :data:`LISTING_LINES` lines or more after a paragraph of the article
    (:data:`LISTING_STAMPED_LINES` where each is a headline with its time, a date alone, the
    time of a headline that went as a link, or a heading; such lines may also end a run too
    short, and are then the run), each
    short (:data:`LISTING_LINE_CHARS`, a headline's time not counted; a summary cut short
    with a link to the rest, :data:`TEASER_SUMMARY_CHARS`) and ending no sentence (a line
    cut short with an ellipsis ends none; a linked headline may end with ``！`` or ``？``).
    A longer line that a boilerplate rule takes out (a portal's disclaimer) or that is a
    menu (:func:`~nkcorpus.cleaning.layout.menu_line`) is passed over; one that is a list of
    stories (:func:`_stories_line`) counts as its stories. Half of the lines at least are a link, a
    list's item, a heading or a tag, a date or a count alone, a line that a headline's time
    ends or opens, or one that holds a link to the site (on the domain ``site``,
    :func:`_on_site`; where that is not known, the one most of the page's links lead to,
    :func:`_linked_site`); :data:`LISTING_LINKS` of them at least are more than a list's
    item or a heading alone."""
    start, marked, linked, passed, stamped, more = end, 0, 0, 0, 0, 0
    stamped_start, stamped_links = end, 0  # where the run of stamped lines that ends it begins
    looked = site is not None  # whether the site is known or was looked for
    for at in range(end - 1, 0, -1):
        block = blocks[order[at]]
        text = block.text
        stamp = _STAMPED.search(text) or _DATE_ALONE.fullmatch(text)
        cut = _CUT_SHORT.search(text)
        size = len(text) - (len(stamp.group()) if stamp else 0)
        limit = TEASER_SUMMARY_CHARS if cut and cut.group("more") else LISTING_LINE_CHARS
        if size > limit:
            if _furniture_line(text) or menu_line(text):
                passed += 1  # a portal's disclaimer or menu among its lists
                continue
            stories = _stories_line(text)
            if not stories:
                break
            start, more = at, more + stories - 1  # each story a line of the run
            marked, linked, stamped = marked + stories, linked + stories, stamped + stories
            continue
        # A link inside the line, after a bullet, a count or a name.
        inside = _LINK_TAG.search(source, block.start, block.end)
        if inside is not None and not looked:
            site, looked = _linked_site(source), True
        link = (
            bool(block.roles & _TEASER_ROLES)  # a link, a tag
            or bool(_STAMP_ALONE.fullmatch(text))
            or stamp is not None
            or (inside is not None and _on_site(inside[1], site))
        )
        # A headline may end as a sentence does when it calls out ("…300人搶應徵！").
        if not cut and _ENDS_SENTENCE.search(text) and not (link and _CALLS_OUT.search(text)):
            break
        start = at
        marked += link or bool(_LISTED_ROLES & block.roles)
        linked += link
        stamped += stamp is not None or bool(_HEADINGS & block.roles)
        if stamped == end - start - passed + more:
            # the run so far is of stamped headlines (or their times alone) and headings
            stamped_start, stamped_links = start, linked
    lines = end - start - passed + more
    if lines < LISTING_LINES and not (lines >= LISTING_STAMPED_LINES and stamped == lines):
        # a shorter run of stamped lines at the end of a longer one that is too short
        if stamped_start < end and stamped_links >= LISTING_LINKS:
            lines, start = end - stamped_start, stamped_start
        if lines < LISTING_STAMPED_LINES or start != stamped_start:
            return end
    if 2 * marked < lines or linked < LISTING_LINKS:
        return end
    before = (blocks[i].text for i in order[:start])
    return start if any(len(t) >= 80 or _ENDS_SENTENCE.search(t) for t in before) else end


#: A link's opening tag, with its address.
_LINK_TAG = re.compile(r"<a\b[^>]*?\bhref\s*=\s*[\"']?([^\"'\s>]*)[^>]*>", re.IGNORECASE)
_LINK_CLOSE = re.compile(r"</a\s*>", re.IGNORECASE)
#: How far before a block the opening tag of a link around it is looked for.
LINK_TAG_REACH = 2000


def _open_link(source: str, block: Block) -> str | None:
    """The address of the link that holds ``block``'s first piece (the nearest opening tag
    before it, within :data:`LINK_TAG_REACH`, not closed before it), or ``None``."""
    before = source[max(0, block.start - LINK_TAG_REACH) : block.start]
    last = collections.deque(_LINK_TAG.finditer(before), maxlen=1)  # the nearest
    if not last or _LINK_CLOSE.search(before, last[0].end()):
        return None
    return str(last[0][1])


def _site_link(source: str, block: Block, site: str | None) -> bool:
    """Whether the link that holds ``block``'s first piece (:func:`_open_link`), or else the
    first link in it, leads to a page of the site on the domain ``site`` (the page's own):
    a relative address, or one on that domain (``edmonton.ctvnews.ca`` for
    ``www.ctvnews.ca``)."""
    href = _open_link(source, block)
    if href is None:
        inside = _LINK_TAG.search(source, block.start, block.end)
        if inside is None:
            return False
        href = inside[1]
    return _on_site(href, site)


def _holding_link(source: str, block: Block) -> str | None:
    """The address of the link that holds all of ``block`` (the link around its first
    piece, :func:`_open_link`, closes at its end or after it), or ``None``."""
    href = _open_link(source, block)
    if href is None:
        return None
    close = _LINK_CLOSE.search(source, block.start)
    return href if close is not None and close.start() >= block.end else None


#: The roles of a block that links to its own place: a heading's or a table's anchor.
_OWN_ANCHORS = frozenset(["h1", "heading", "table"])
#: The most characters of an entry of a page's table of contents.
CONTENTS_ENTRY_CHARS = 120


def _in_page_link(source: str, block: Block) -> bool:
    """Whether ``block`` is one link to a place on the page itself (``href="#ways-to-
    help"``), :data:`CONTENTS_ENTRY_CHARS` at most, no heading and no table's cell: an entry
    of its table of contents."""
    if (
        "link" not in block.roles
        or block.roles & _OWN_ANCHORS
        or len(block.text) > CONTENTS_ENTRY_CHARS
    ):
        return False  # a heading or a table's cell that links to itself is the article's
    href = _holding_link(source, block)
    return href is not None and href.startswith("#") and len(href) > 1


def _on_site(href: str, site: str | None) -> bool:
    """Whether the link address ``href`` leads to a page of the site on the domain
    ``site``: a relative address, or one on that domain."""
    if not re.match(r"[a-z][a-z0-9+.-]*:|//", href, re.IGNORECASE):
        return True  # an address on this site
    domain = _domain(href)
    return domain is not None and domain == site


#: The fewest links to one domain that make it the page's own site, where the page's
#: address is not known (:func:`_linked_site`).
SITE_LINKS = 5


def _linked_site(source: str) -> str | None:
    """The domain that most of the page's links lead to, with :data:`SITE_LINKS` links at
    least: the site of a page whose own address is not known (a portal links to its own
    pages throughout)."""
    counts = collections.Counter(
        _domain(match[1]) for match in _LINK_TAG.finditer(source) if "//" in match[1]
    )
    counts.pop(None, None)
    if not counts:
        return None
    domain, links = counts.most_common(1)[0]
    return domain if links >= SITE_LINKS else None


def _domain(address: str) -> str | None:
    """The domain that ``address`` is on, without its host's own labels (``ctvnews.ca``,
    ``bbc.co.uk``)."""
    host = re.sub(r"^(?:[a-z][a-z0-9+.-]*:)?//([^/:?#]+).*$", r"\1", address, flags=re.I)
    labels = host.casefold().split(".")
    if host == address or len(labels) < 2:
        return None
    second_level = len(labels) >= 3 and len(labels[-1]) == 2 and len(labels[-2]) <= 3
    return ".".join(labels[-3:] if second_level else labels[-2:])


#: The roles of a teaser's heading: a link to the story, or a tag over its headline.
_TEASER_ROLES = frozenset(["link", "tag"])
#: The roles of the page's footer and navigation.
_FOOTER_NAV = frozenset(["footer", "nav"])


def _furniture_role_line(block: Block, roles: frozenset[str]) -> bool:
    """Whether ``block`` is a short line (:data:`TEASER_SECTION_CHARS`) that ends no
    sentence in an element of one of ``roles``: the page's menus (:data:`_NAVIGATION`:
    ``"Politics News"``) or its footer and navigation (:data:`_FOOTER_NAV`: the site's
    name, ``"The Economist"``)."""
    return (
        bool(block.roles & roles)
        and len(block.text) <= TEASER_SECTION_CHARS
        and not _ENDS_SENTENCE.search(block.text)
    )


#: The most kept blocks at the end of the article that :func:`_closing_lines` looks at.
CLOSING_BLOCKS = 3
#: The most characters of a link alone that :func:`_closing_lines` takes out.
CLOSING_LINK_CHARS = 30
_ENDS_SENTENCE = re.compile(r"[.!?。！？…][\"'”’)）]?$")


def _closing_lines(
    blocks: dict[int, Block], kept: set[int], authors: tuple[str, ...]
) -> list[tuple[int, str]]:
    """The kept blocks that close the article as no part of it, up to
    :data:`CLOSING_BLOCKS` of them, each with its removal rule, the last first: a byline
    that names only the page's ``authors`` (a Korean article's closing ``"이동환 기자
    leedong@kbs.co.kr"``) or a short line in an element marked as the writer's (their box's
    ``"김수연 기자의 기사 모음"``, "the reporter's articles") or an e-mail address alone
    (the writer's, under a story of Yonhap's English service), ``"byline"``; a short link
    alone that ends no sentence (``"뉴스 7 전체보기"``), ``"link-list"``. A paragraph longer
    than :data:`~nkcorpus.cleaning.bylines.BYLINE_CHARS`, or another writer's line (a quoted
    credit), ends them."""
    named = {block_key(a).casefold() for a in authors}
    found = []
    for index in sorted(kept)[-CLOSING_BLOCKS:][::-1]:
        block = blocks[index]
        text = block.text
        if len(text) > BYLINE_CHARS:
            break
        by = _closing_byline(text) if named else None
        if by is not None and by.authors:
            if not all(block_key(a).casefold() in named for a in by.authors):
                break  # another writer's line: a part of the article (a quoted credit)
            found.append((index, "byline"))
        elif _BYLINE_ROLES & block.roles or desk_editor_credit(text):
            found.append((index, "byline"))  # the writer's box, or the editor's credit
        elif _EMAIL_ALONE.fullmatch(text):
            found.append((index, "byline"))  # the writer's address ("hague@yna.co.kr")
        elif (
            "link" in block.roles
            and len(text) <= CLOSING_LINK_CHARS
            and not _ENDS_SENTENCE.search(text)
        ):
            found.append((index, "link-list"))
    return found


def _closing_byline(text: str) -> Byline | None:
    """``text`` read as a line that closes an article with its writers: a signature
    (``"이동환 기자 leedong@kbs.co.kr"``), a byline, a wire story's credits
    (``"Reporting by Hyonhee Shin; Editing by Ed Davies"``), or credits in brackets set
    apart by slashes, each a byline (``"( 취재 : 안서현 / 영상편집 : 동준엽 )"``)."""
    found = signature(text) or byline(text) or read_wire_credits(text)
    if found is not None:
        return found
    bracketed = _BRACKETED.fullmatch(text)
    if bracketed is None:
        return None
    parts = bracketed["inner"].split("/")
    read = [byline(part) for part in parts]
    if len(parts) < 2 or not all(
        by is not None or _CREDIT_FIELD.fullmatch(part)
        for by, part in zip(read, parts, strict=True)
    ):
        return None
    names = tuple(name for by in read if by is not None for name in by.authors)
    return Byline(authors=names) if names else None


#: A line in brackets (round or square), and what they hold.
_BRACKETED = re.compile(r"\s*[(（\[]\s*(?P<inner>[^()（）\[\]]{4,120}?)\s*[)）\]]\s*")
#: A labeled credit among a story's credits (``"제작 : D뉴스플랫폼부"``, a desk).
_CREDIT_FIELD = re.compile(r"\s*[^\W\d_]{1,8}\s*[:：=]\s*[^\s:：=][^:：=]{0,30}")


def _closing_tail(
    page: Page, kept: set[int], authors: tuple[str, ...], signed: bool = False
) -> tuple[frozenset[int], list[tuple[Span, str]]]:
    """The lines that close the article's last kept block as no part of it, when the
    block's lines are set apart by ``br`` (a broadcaster's story in one element: ``"…
    계획입니다.<br>KBS 뉴스 김수연입니다.<br>영상편집:김유진"``): the places in
    :attr:`Page.pieces` of their pieces, and a ``"byline"`` removal for each. A closing
    line is a byline that names only the page's ``authors``, or no one (a crew's credit, an
    address alone: ``"[jang.gahui@mbn.co.kr]"``, an editor's credit) next to one that names
    them, as :func:`_closing_lines` reads a block; the page's furniture between them
    (hashtags, a request for tips), which the text's boilerplate rules take out, and notes
    after ``※`` (a helpline's), which stay, are passed over. A block's first line stays,
    unless every line of the block closes the article (the crew's credits in an element of
    their own after the sign-off's: then the block before it is read too), or it is the
    writer's address alone over a wire story's end mark (``"hague@yna.co.kr<br>(END)"``), which
    signs the article as a byline does. ``signed``: a block that names the writers closed
    the article already (:func:`_closing_lines`)."""
    if not kept or not authors:
        return frozenset(), []
    named = {block_key(a).casefold() for a in authors}
    dropped: list[int] = []
    removals: list[tuple[Span, str]] = []
    for index in sorted(kept)[-CLOSING_BLOCKS:][::-1]:
        lines = _block_lines(page, index)
        texts = [_line_text(page, places) for places in lines]
        if all(_furniture_line(text) for text in texts):
            # a block of the page's furniture after the article (a broadcaster's lines for
            # tips, "▷ 전화 : 02-781-1234", which the text's boilerplate rules take out)
            continue
        whole = True  # every line of the block closes the article
        passed = False  # a line passed over: the block is not all closing lines
        for at in range(len(lines) - 1, -1, -1):
            text = texts[at]
            if not text or text.startswith("※") or _furniture_line(text):
                passed = passed or bool(text)
                continue  # furniture, or a note (a helpline's) that stays
            by = _closing_line(text)
            if by is None or not all(block_key(a).casefold() in named for a in by.authors):
                whole = False
                break
            address = _EMAIL_ALONE.fullmatch(text) is not None  # the writer's own
            if at == 0 and passed and not address:  # the block's first line stays
                whole = False
                break
            signed = signed or bool(by.authors) or address
            dropped += lines[at]
            first, last = page.pieces[lines[at][0]], page.pieces[lines[at][-1]]
            removals.append((Span(first.start, last.end), "byline"))
        if not whole:
            break
    if not signed:  # credits alone (a photo's, at the end of each of a slideshow's slides)
        return frozenset(), []
    return frozenset(dropped), removals


#: An e-mail address alone on a line, in brackets or not (a reporter's, under the sign-off).
_EMAIL_ALONE = re.compile(rf"[\[(<（]?\s*{EMAIL}\s*[\])>）]?")


def _closing_line(text: str) -> Byline | None:
    """``text`` read as a closing line of :func:`_closing_tail`: a byline
    (:func:`_closing_byline`) or, naming no one, an address alone or an editor's credit."""
    if len(text) > BYLINE_CHARS:
        return None
    found = _closing_byline(text)
    if found is None and (_EMAIL_ALONE.fullmatch(text) or desk_editor_credit(text)):
        return Byline(authors=())
    return found


def _block_lines(page: Page, index: int) -> list[list[int]]:
    """The lines of the block ``index`` (set apart by ``br``), each as the places in
    :attr:`Page.pieces` of its pieces."""
    lines: list[list[int]] = []
    pieces = page.pieces
    # A block's pieces follow each other, in page order, from its start.
    at = bisect.bisect_left(pieces, page.blocks[index].start, key=lambda piece: piece.start)
    while at < len(pieces) and pieces[at].block <= index:
        if pieces[at].block == index:
            if not lines or pieces[at].line_before:
                lines.append([])
            lines[-1].append(at)
        at += 1
    return lines


def _line_text(page: Page, places: list[int]) -> str:
    """The text of a line of :func:`_block_lines`, its spaces squeezed."""
    return " ".join("".join(page.pieces[at].text for at in places).split())


#: The most lines that open an article's paragraph as its byline and dateline.
OPENING_LINES = 3


@attrs.frozen
class _Opening:
    """What the lines opening the article's first paragraph give (:func:`_opening_lines`)."""

    block: int | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None
    dropped: frozenset[int] = frozenset()
    removals: tuple[tuple[Span, str], ...] = ()


def _opening_lines(page: Page, body: set[int]) -> _Opening:
    """The byline and dateline that open the article's first paragraph on lines of their
    own, set apart by ``br``, where the page writes its story in one element (``"홍길동
    기자<br>입력 2023.04.05 14:30<br><br>본문…"``, ``"記者張三／台北報導<br><br>…"``): the
    writers and date they give, and the places in :attr:`Page.pieces` of their pieces,
    each line with a ``"byline"`` or ``"dateline"`` removal. The paragraph is the first of
    the article's first three paragraphs (blocks of :data:`PARAGRAPH` characters or more;
    the headline, a kicker or a site's label above them not counted) that holds more than
    one line; up to :data:`OPENING_LINES` lines are read, each a byline with its writers
    (:func:`_opening_byline`) or a dateline, and its last line always stays."""
    paragraphs = [
        index
        for index, block in page.blocks.items()
        if index in body and len(block.text) >= PARAGRAPH
    ][:3]
    index, lines = next(
        ((i, lines) for i in paragraphs if len(lines := _block_lines(page, i)) > 1), (None, [])
    )
    if index is None:
        return _Opening()
    authors: list[str] = []
    published: str | None = None
    dropped: list[int] = []
    removals: list[tuple[Span, str]] = []
    for places in lines[:-1][:OPENING_LINES]:
        text = _line_text(page, places)
        if not text:
            continue
        if len(text) > BYLINE_CHARS:
            break
        names, stamp = _opening_byline(text)
        if names:
            authors.extend(names)
            published = published or stamp
            rule = "byline"
        elif (date := dateline(text)) is not None:
            published = published or date
            rule = "dateline"
        else:
            break
        dropped += places
        span = Span(page.pieces[places[0]].start, page.pieces[places[-1]].end)
        removals.append((span, rule))
    if not removals:
        return _Opening()
    return _Opening(index, tuple(authors), published, frozenset(dropped), tuple(removals))


def _opening_byline(text: str) -> tuple[tuple[str, ...], str | None]:
    """The writers that a line opening an article names, and the date it gives with them:
    a byline (``"By Jane Doe"``, ``"記者張三／台北報導"``), a byline with its date stamp
    after it (``"홍길동 기자 입력 2023.04.05 14:30"``) or before it (``"Posted on March 3,
    2024 by Jane Doe"``), or a writer with their job (``"Jane Doe, Staff Writer"``)."""
    by = byline(text)
    if by is not None and by.authors:
        return by.authors, None
    by, stamp = read_stamped_byline(text)
    if by is not None and by.authors:
        return by.authors, stamp
    dated = read_dated_byline(text)
    if dated is not None and dated.authors:
        return dated.authors, dateline(text) or find_date(text)
    writer = writer_and_role(text)
    return ((writer,), None) if writer else ((), None)


def _furniture_line(text: str) -> bool:
    """Whether a boilerplate rule takes ``text`` out as a whole line."""
    return bool(_furniture_rule(text))


def _furniture_rule(text: str) -> str:
    """The boilerplate rule (:func:`~nkcorpus.cleaning.boilerplate.find_boilerplate`) that
    takes ``text`` out as a whole line (``"Advertisement"``: ``widget-label``), else ``""``.

    >>> _furniture_rule("Advertisement"), _furniture_rule("Kim Jong Un in Pyongyang, 2019")
    ('widget-label', '')
    """
    return next(
        (rule for rule, span in find_boilerplate(text) if span.end - span.start == len(text)), ""
    )


@attrs.frozen
class _Known:
    """The page's title and authors as :func:`_rule` compares them (squeezed, case-folded)."""

    title: str
    authors: tuple[str, ...]

    @classmethod
    def of(cls, found: PageMetadata) -> _Known:
        authors = tuple(k for k in (block_key(a).casefold() for a in found.authors) if k)
        return cls(block_key(found.title).casefold() if found.title else "", authors)


def _lead_date(blocks: dict[int, Block], page_title: str = "") -> str | None:
    """The date of a dateline among the four blocks after the headline (the first three
    tried; share buttons between them not counted; a stamp's fields among the first three,
    :func:`~nkcorpus.cleaning.metadata.stamp_date`; a ``time`` element's moment), or else
    alone on one of the two lines
    above the first: an ``h1``, or a block that shows the start of the page's ``title`` (a
    page with no ``h1``: ``"民间资本路在何方"`` of ``"民间资本路在何方-搜狐财经"``). On a
    page without either, the date of the first line of fields that labels it
    (``"发布日期： 7/5/2005 9:23:57 PM"``) among the first :data:`LABELED_BLOCKS` blocks."""
    keys = list(blocks)
    title_key = block_key(page_title)
    heads = [
        n
        for n, i in enumerate(keys)
        if "h1" in blocks[i].roles
        or (
            len(key := block_key(blocks[i].text)) >= 6
            and (title_key.startswith(key) or title_key.endswith(key))
        )
    ][:3]
    for first in heads:
        # The four blocks after it, share buttons between the headline and its stamp
        # not counted ("페이스북 공유하기", "트위터 공유하기").
        after = (i for i in keys[first + 1 :] if not _share_button(blocks[i].roles))
        for n, index in enumerate(itertools.islice(after, 4)):
            text = blocks[index].text
            if len(text) > 100:
                continue
            found = (
                dateline(text)
                or read_stamped_byline(text)[1]
                or labeled_date(text)
                or (_fields_date(blocks[index]) if n < 2 else None)
                # a stamp's fields: "December 15, 2025 // 8 min read", "on December 18, 2025"
                or (stamp_date(text) if n < 3 else None)
                # a time element's moment ("12/19/2025 Friday Philosophy David Gordon")
                or iso_date(blocks[index].datetime)
            )
            if found:
                return found
    for first in heads[:1]:
        # A date alone on its line just above the headline, as a magazine prints it over
        # its kicker ("03 November 2025", "NEWS FEATURE", then the headline).
        for index in reversed(keys[max(0, first - 2) : first]):
            block = blocks[index]
            if block.roles & _NOT_ABOVE_HEADLINE:
                continue
            found = dateline(block.text)
            if found:
                return found
    if heads:
        return None
    # No headline to stand under: the first line of fields that labels its date
    # ("发布日期： 7/5/2005 9:23:57 PM"), outside the page's menus, header, footer and
    # side columns.
    for index in keys[:LABELED_BLOCKS]:
        block = blocks[index]
        if len(block.text) <= 100 and not block.roles & _NOT_ARTICLE:
            found = labeled_date(block.text)
            if found:
                return found
    return None


#: Roles of the blocks above a headline whose date is not the article's: menus, links
#: (a list of other stories), side columns.
_NOT_ABOVE_HEADLINE = frozenset(["nav", "menu", "link", "aside", "sidebar", "footer"])
#: Roles of share bars and social links.
_SHARING = frozenset(["share", "social", "sn"])


def _share_button(roles: frozenset[str]) -> bool:
    """Whether a block with these roles is a share button: a link in a share bar (not the
    byline or stamp that a class such as ``"article-share"`` may hold as well).

    >>> _share_button(frozenset(["link", "list", "sn"])), _share_button(frozenset(["share"]))
    (True, False)
    """
    return "link" in roles and not roles.isdisjoint(_SHARING)


#: How many blocks from the top of a page without a headline are searched for a date label.
LABELED_BLOCKS = 60
_NOT_ARTICLE = frozenset(["nav", "menu", "header", "footer", "aside", "comment", "sidebar"])


def _fields_date(block: Block) -> str | None:
    """The date of a line of fields just under the headline (``"AUTO.SOHU.COM
    2003年11月12日16:36 金羊网"``, ``"作者：周思博 译：Chen Bin 2005年1月2日"``): not prose,
    not a list item, and the date has its time or the line names the writer."""
    if CJK_PROSE.search(block.text) or "list" in block.roles:
        return None
    found = find_date(block.text)
    if found and ("T" in found or writer_field(block.text)):
        return found
    return None


#: A Chinese essay's headline that opens with its writer's name (``"茉莉：我是怎样卷入
#: 八九民运的"``), as reprint sites print it.
_ESSAY_HEADLINE = re.compile(r"(?P<name>[\u4e00-\u9fff·]{2,5})\s*[：:]\s*\S")
#: The most blocks after such a headline where the writer's name stands alone.
ESSAY_NAME_GAP = 6


def _essay_writer(blocks: list[Block], page_title: str) -> list[str]:
    """``["作者：NAME"]`` where the page's headline opens with a name and a colon,
    ``"NAME：TITLE"``, and a line that is the name alone (no link) follows within
    :data:`ESSAY_NAME_GAP` blocks: a reprinted essay's writer. The headline is an ``h1``, a
    line that the page's ``title`` element holds, or one whose ``TITLE`` a line of its own
    repeats after it. A news headline that opens with a speaker (``"王毅：中方坚决反对…"``)
    has no line of the name alone."""
    for at, block in enumerate(blocks):
        text = block.text
        match = _ESSAY_HEADLINE.match(text) if len(text) <= BYLINE_CHARS else None
        if match is None:
            continue
        name, rest = match["name"], text[match.end() - 1 :]
        after = [b.text for b in blocks[at + 1 : at + 1 + ESSAY_NAME_GAP] if "link" not in b.roles]
        headline = "h1" in block.roles or (page_title and text in page_title) or rest in after
        if headline and name in after:
            return [f"作者：{name}"]
    return []


def _page_title(tree: Any) -> str:
    """The text of the page's ``title`` element ("" when it has none)."""
    element = tree.find(".//title") if tree is not None else None
    return str(element.text_content()) if element is not None else ""


def _rule(block: Block, key: str, known: _Known, article: bool = False) -> str:
    """The removal rule for ``block``, whose text has the key ``key``
    (:func:`~nkcorpus.cleaning.htmlalign.block_key`); ``article``: the block is one of the
    article's, where a line that names the writer is a byline whatever its element."""
    roles = block.roles
    if _PLACEHOLDER.fullmatch(block.text):
        return "not-main-content"  # no caption, whatever its element: no reader sees it
    if _pictured(roles):
        # A widget's label alone in a caption's element (an advertisement's slot,
        # "<div class='google-dfp-ad-caption'>Advertisement</div>") is no caption; a
        # copyright line there is the photo's credit ("© Lucy Nicholson").
        furniture = _furniture_rule(" ".join(block.text.split()))
        return furniture if furniture not in ("", "copyright") else "caption"
    if known.title and (
        "h1" in roles or (len(block.text) >= len(known.title) and key.casefold() == known.title)
    ):
        return "title"
    short = len(block.text) <= 120
    if short and not _BYLINE_ROLES.isdisjoint(roles):
        return "byline"
    menu = not article and not roles.isdisjoint(_NAVIGATION)
    # A sentence is no byline: in the article, a Korean one too (a short first paragraph
    # that a wire byline opens, "(서울=연합뉴스) 홍길동 기자 = 북한이 … 밝혔다.", whose byline
    # alone leaves the text).
    prose = CJK_PROSE.search(block.text) if article else "。" in block.text
    if short and known.authors and not prose and not menu:
        # a line that names the writer, not a menu's entry that does ("海姑娘的歌声", a
        # blog's categories named after its writer)
        folded = key.casefold()
        if any(name in folded for name in known.authors):
            return "byline"
    if (
        len(block.text) <= 80
        and (
            block.datetime
            or "time" in roles
            or "dateline" in roles
            or _DATE_LIKE.search(block.text)
        )
        and not _sentence(block.text)
    ):
        return "dateline"
    if not roles.isdisjoint(_RULED_ROLES):
        for role, rule in _ROLE_RULES:
            if role in roles:
                return rule
    return "not-main-content"


#: A sentence in Latin letters: ten words or more and a final stop.
_LATIN_SENTENCE = re.compile(r"^(?:\S+\s+){9,}\S*[.!?][\"'”’)]?$")


def _sentence(text: str) -> bool:
    """Whether ``text`` is prose, not a stamp: a Korean or Chinese sentence's end
    (``"…该影片还在上映中。"``, a short first paragraph that names a date), or ten words
    and more with a final stop.

    >>> _sentence("华谊兄弟15日晚间公告，截至2018年1月14日，营业收入约为4.5亿元。")
    True
    >>> _sentence("2018-01-15 20:16:00 来源：第一财经"), _sentence("Published Jan. 5, 2020.")
    (False, False)
    """
    return bool(CJK_PROSE.search(text) or _LATIN_SENTENCE.match(text.strip()))


def _last_field(text: str) -> str:
    """The line itself where it says it is a byline, else the last of its fields set apart
    by bars (or the line where it has none).

    >>> _last_field("News | Published: 5 hours ago | Written by Jo Lee")
    'Written by Jo Lee'
    >>> _last_field("By Jo Lee | 12/10/2020")
    'By Jo Lee | 12/10/2020'
    """
    if _SAYS_BYLINE.match(text) or " | " not in text:
        return text
    return text.rsplit(" | ", 1)[-1]


def _named_pieces(page: Page, indices: list[int]) -> dict[int, str]:
    """The names of each byline block of ``indices`` whose elements each hold one, listed
    with commas (Der Standard's ``<span>Birgit Baumann</span> <span>Anna Giulia Fink</span>
    …``, one line of words in its text): a block of two elements or more, each a name of
    two to four capitalized words."""
    wanted = set(indices)
    texts: dict[int, list[str]] = {}
    for piece in page.pieces:
        if piece.block in wanted and (text := " ".join(piece.text.split())):
            texts.setdefault(piece.block, []).append(text)
    return {
        index: ", ".join(found)
        for index, found in texts.items()
        if len(found) >= 2 and all(_capitalized_name(text) for text in found)
    }


def _fields_or_names(fields: str | None, names: str | None) -> str | None:
    """A byline block's ``fields`` (:func:`~nkcorpus.cleaning.htmlpage.block_fields`), or its
    ``names`` one to an element (:func:`_named_pieces`) where no field is set apart."""
    if names is not None and (fields is None or FIELD_BREAK not in fields):
        return names
    return fields


def _capitalized_name(text: str) -> bool:
    """Whether ``text`` is a name of two to four words, each capitalized."""
    words = text.split()
    return 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words) and name_shaped(text)


def _without_form_labels(
    blocks: dict[int, Block], keys: dict[int, str], body: set[int]
) -> set[int]:
    """``body`` without the short blocks of a form (its fields' labels and buttons: ``"Your
    Name"``, ``"Submit"``), which trafilatura's main text can hold where a comment form
    follows the article; not on a page that is one form as a whole (ASP.NET's)."""
    forms = [index for index, block in blocks.items() if "form" in block.roles]
    if 2 * len(forms) > len(blocks):
        return body
    labels = {index for index in forms if index in body and len(keys[index]) < MENU_ITEM}
    return body - labels if labels else body


def _crowded(page: Page) -> bool:
    """Whether a block of ``page`` has more pieces than
    :data:`~nkcorpus.cleaning.htmlpage.CROWDED_ELEMENTS` (each inline element with text is
    one): the cheap sign, looked at first, of a paragraph that
    :func:`~nkcorpus.cleaning.htmlpage.thin_crowded` thins."""
    if len(page.pieces) <= CROWDED_ELEMENTS:
        return False
    counts = collections.Counter(piece.block for piece in page.pieces)
    return counts.most_common(1)[0][1] > CROWDED_ELEMENTS


def _read(source: str, hidden: bool) -> tuple[Page, bool]:
    """The page as :func:`~nkcorpus.cleaning.htmlpage.read_page` reads it (``hidden``: hidden
    elements too, with the role ``"hidden"``), and whether it was read from a script's HTML.

    A page that shows next to nothing where scripts run is read as readers without scripts
    see it (``noscript``), or else as the HTML its scripts carry shows it
    (:func:`~nkcorpus.cleaning.htmlscripts.script_page`: a Next.js page's article).
    """
    page = read_page(source, hidden_role=hidden)
    shown = [b for b in page.blocks.values() if "hidden" not in b.roles]
    if sum(len(b.text) for b in shown) < NOSCRIPT_BELOW:
        if _NOSCRIPT.search(source):
            without = read_page(source, scripts=False, hidden_role=hidden)
            if sum(1 for b in without.blocks.values() if "hidden" not in b.roles) > len(shown):
                return without, False
        if "__next_f" in source:
            scripted = script_page(source)
            if scripted is not None:
                return scripted, True
    return page, False


def extract_page(source: str, main_content: bool = True) -> Extracted:
    """Read the page ``source``: its article text as edits, what was left out, its metadata.

    Args:
        source: the page's HTML.
        main_content: keep only the article (``False``: keep every visible block
            but the page's navigation, header and footer elements).
    """
    page, scripted = _read(source, hidden=False)
    visible = page.blocks  # the shown blocks: metadata comes from these alone
    keys = {index: block_key(block.text) for index, block in page.blocks.items()}
    tree = load_tree(source)
    if tree is not None and _crowded(page):
        thin_crowded(tree)  # thousands of links in one paragraph: trafilatura's time squared
    headings = [b.text for b in visible.values() if "h1" in b.roles]
    times = [b.datetime for b in visible.values() if b.datetime]
    short = [b for b in visible.values() if len(b.text) <= 300]
    shown = [b.text for b in short]
    headings_at = tuple(at for at, b in enumerate(short) if "h1" in b.roles)
    # A role that the article's headline has too is a wrapper's around the whole article
    # (``<div id="m-shared-nav-content-inner"><article>``), not the byline's own.
    wrapped = next(
        (b.roles & _NOT_BYLINE_ROLES for b in visible.values() if {"h1", "article"} <= b.roles),
        frozenset(),
    )
    not_byline = _NOT_BYLINE_ROLES - wrapped
    marked = [
        index
        for index, b in visible.items()
        if len(b.text) <= BYLINE_CHARS
        and _BYLINE_ROLES & b.roles
        and not_byline.isdisjoint(b.roles)
    ]
    # Each with its parts set apart where elements meet with no space between them (a
    # name, then a job title or handle the style sheet shows on a line of its own).
    fielded = {} if scripted else block_fields(source, page, marked)
    named = _named_pieces(page, marked)
    bylines = [
        _BY_FIELD.sub(
            r"\1 ", _fields_or_names(fielded.get(index), named.get(index)) or visible[index].text
        )
        for index in marked
    ]
    # The part of a block marked as the author ("by IWB" of "October 19, 2019 by IWB").
    bylines += [
        b.byline
        for b in visible.values()
        if b.byline and len(b.byline) <= BYLINE_CHARS and "comment" not in b.roles
    ]
    # A line that says it is a byline ("Written by: Julie Mollins"), wherever it stands (in
    # the article's own footer too: "Author: Jacopo Cascioli" in <article><footer>, not in
    # the page's), or that ends a line of fields ("News | Published: 5 hours ago | Written
    # by Jo Lee").
    readable = [
        b.text
        for b in visible.values()
        if len(b.text) <= 200
        and not ({"comment", "nav"} & b.roles)
        and ("footer" not in b.roles or "article" in b.roles)
    ]
    said = (
        # a label on a line of its own, the name on the next ("Article written by:" over
        # "Doris Munoz-Mantilla, MD"), as one line
        f"Written by {_LEADING_BY.sub('', after)}"
        if after and _BYLINE_LABEL.fullmatch(text)
        else _last_field(text)
        for text, after in itertools.pairwise([*readable, ""])
    )
    bylines += [
        text
        for text in said
        if len(text) <= 80 and _SAYS_BYLINE.match(text) and text not in bylines
    ]
    # A date stamp that names its writers after it ("Posted on March 3, 2025 by Jane Doe",
    # "입력 2023.09.21 14:30 | 홍길동 기자").
    dated = (
        read_dated_byline(b.text)
        for b in visible.values()
        if len(b.text) <= BYLINE_CHARS
        and _NOT_STAMP_ROLES.isdisjoint(b.roles)
        and _DATE_LIKE.search(b.text)
    )
    bylines += [f"By {', '.join(by.authors)}" for by in dated if by is not None][:2]
    # The first two Chinese writer's fields ("作者：郭励弘") in lines of the page's fields.
    fields = (
        writer_field(b.text)
        for b in visible.values()
        if len(b.text) <= BYLINE_CHARS and not ({"comment", "footer", "nav"} & b.roles)
    )
    bylines += [f for f in fields if f and (by := read_byline(f)) is not None and by.authors][:2]
    # A Chinese essay reprinted under its writer's name ("茉莉：我是怎样卷入八九民运的"), the
    # name alone on a line under the headline.
    page_title = _page_title(tree)
    bylines += _essay_writer(list(visible.values()), page_title)
    # A script's HTML is the article itself: trafilatura, which reads the page's own
    # markup, has nothing of it to say.
    main = main_text(tree) if (tree is not None and main_content and not scripted) else None
    if main is not None:
        body, main = article_blocks(page, keys, tree, main)
        if sum(len(keys[i]) for i in body) < SHOWN_SHARE * len(block_key(main)):
            # trafilatura's main text holds much that the page does not show: look for it in
            # hidden elements too (collapsed panels, tabs, "read more" parts).
            page, _scripted = _read(source, hidden=True)
            keys = {index: block_key(block.text) for index, block in page.blocks.items()}
            body = body_blocks(page.blocks, keys, main)
        body = enclosed_headings(page.blocks, listed_prose(page.blocks, body))
        body = _without_form_labels(page.blocks, keys, body)
    if main is None or not body:
        # No main text, or one that the page shows nowhere (a player's embedded document,
        # trafilatura's whole answer on a podcast's page whose transcript it left out):
        # every block but the page's furniture.
        furniture = {"nav", "header", "footer", "aside", "form", "menu"}
        if 2 * sum(1 for b in page.blocks.values() if "form" in b.roles) > len(page.blocks):
            furniture.discard("form")  # the whole page is one form (ASP.NET pages)
        body = {
            i
            for i, b in page.blocks.items()
            if not (b.roles & furniture) and not _PLACEHOLDER.fullmatch(b.text)
        }
    opening = _opening_lines(page, body)
    found = (
        read_metadata(
            tree,
            headings,
            times,
            shown,
            bylines,
            _reporters(page.blocks, body, opening.authors),
            _lead_date(visible, page_title) or opening.published,
            headings_at,
        )
        if tree is not None
        else PageMetadata(title=headings[0] if headings else None)
    )
    removals: list[tuple[Span, str]] = []
    captions: list[str] = []
    kept: set[int] = set()
    lead = True  # before the first paragraph of prose: title, byline and dateline go
    known = _Known.of(found)
    sites = outlet_keys(found)
    slideshow = _told_in_captions(page.blocks, keys, body)  # its captions stay
    byline_above = False  # the article's block before this one left as a byline
    told = False  # a sentence of the article kept (or a paragraph): no menu line after it
    for index, block in page.blocks.items():
        if index in body and (slideshow or not _pictured(block.roles)):
            if _LOREM_IPSUM.match(block.text):
                # a template's text that the site never filled in
                removals.append((Span(block.start, block.end), "not-main-content"))
                continue
            if _in_page_link(source, block):
                # an entry of the article's table of contents, "Back to top": a link to a
                # place on the page itself
                removals.append((Span(block.start, block.end), "navigation"))
                continue
            rule = _rule(block, keys[index], known, article=True) if lead else ""
            if lead and byline_above and outlet_line(block.text, sites):
                rule = "byline"  # the outlet's line under the writer's ("BBC中文")
            byline_above = rule == "byline"
            if rule in ("title", "byline", "dateline"):
                removals.append((Span(block.start, block.end), rule))
                continue
            if not told and _furniture_role_line(block, _NAVIGATION):
                # the items of the site's menus above the article ("Politics News", "Quick
                # links:"), which trafilatura can keep with its first lines
                removals.append((Span(block.start, block.end), "navigation"))
                continue
            if not slideshow and (credit_line(block.text) or caption_line(block.text)):
                # A photo's credit on a line of its own ("Photo: AFP", "故宫博物院供图"): its
                # caption's, out of the article but kept, as a figure's caption is.
                removals.append((Span(block.start, block.end), "caption"))
                captions.append(block.text)
                continue
            if len(block.text) >= 80:
                lead = False
            told = told or len(block.text) >= 80 or bool(_ENDS_SENTENCE.search(block.text))
            kept.add(index)
            continue
        rule = _rule(block, keys[index], known)
        removals.append((Span(block.start, block.end), rule))
        if rule == "caption":
            captions.append(block.text)
    for index in _teaser_tail(page.blocks, kept, source, str(dict(found.extra).get("url", ""))):
        # Teasers of the site's other stories after the article, each a linked headline
        # over its summary, or its lists of them, and the page's footer after them: the
        # page's, not the story's.
        kept.discard(index)
        block = page.blocks[index]
        footer = _furniture_role_line(block, _FOOTER_NAV)
        rule = (
            _rule(block, keys[index], known) if footer else _furniture_rule(block.text) or "aside"
        )
        removals.append((Span(block.start, block.end), rule))
    signed = False  # a closing block names the writers
    for index, rule in _closing_lines(page.blocks, kept, found.authors):
        # The writer's line that closes the article ("이동환 기자 leedong@kbs.co.kr"), its
        # box's link ("김수연 기자의 기사 모음") and a lone link after it ("뉴스 7 전체보기"):
        # out of the text, as the byline under the headline is.
        kept.discard(index)
        removals.append((Span(page.blocks[index].start, page.blocks[index].end), rule))
        by = _closing_byline(page.blocks[index].text) if rule == "byline" else None
        signed = signed or (by is not None and bool(by.authors))
    dropped, tail = _closing_tail(page, kept, found.authors, signed)
    removals += tail
    if opening.block in kept:  # the byline and dateline lines that open the article
        dropped |= opening.dropped
        removals += opening.removals
    removals.sort(key=lambda removal: removal[0].start)
    edits: tuple[Edit, ...] | None = None
    if main_content:
        declared = declared_article(source, found.article_body)
        kept_chars = sum(len(page.blocks[index].text) for index in kept)
        text_source = "json-ld articleBody"
        if declared is None and kept_chars < SCRIPTED_BELOW:
            # Next to nothing shown: the article may be in the data of the page's scripts,
            # which draw it: story elements (Arc XP's, a paragraph each), or a Next.js page's
            # props, beginning with its description.
            declared = story_elements(source) or scripted_article(
                source, dict(found.extra).get("description")
            )
            text_source = "script data"
        if declared is not None and kept_chars < DECLARED_SHARE * len(declared.text):
            # The page shows a part of the article its JSON-LD (or its scripts' data) holds
            # whole (a paywall's teaser): the declared article is the text, and what the
            # page shows of it leaves, superseded.
            shown_blocks = (page.blocks[index] for index in kept)
            removals += [(Span(block.start, block.end), "superseded") for block in shown_blocks]
            removals.sort(key=lambda removal: removal[0].start)
            edits = tuple(declared.edits(len(source)))
            captions += declared.captions  # the photos' captions that the story's data give
    metadata: list[tuple[str, Any]] = []
    for name in ("title", "published", "outlet"):
        value = getattr(found, name)
        if value:
            metadata.append((name, value))
    if found.authors:
        metadata.append(("authors", found.authors))
    if captions:
        metadata.append(("captions", tuple(dict.fromkeys(captions))))
    metadata.extend((f"extra.{name}", value) for name, value in found.extra)
    if edits is not None:
        metadata.append(("extra.text_source", text_source))
    else:
        edits = tuple(page_edits(source, page, kept, dropped))
    return Extracted(edits, tuple(removals), tuple(metadata), tuple(captions))
