"""Markdown input: plain text with every character traceable to the source.

markdown-it-py parses the document into blocks with their source lines
(headings, paragraphs, lists, quotes, tables, code, HTML blocks, rules); the
markup of each block is then removed as edits on the source, so the offset map
leads back to it:

* YAML (``---``) or TOML (``+++``) front matter leaves the text and becomes
  metadata (``title``, ``date``, ``author``/``authors``, the rest in ``extra``);
* heading markers, bullets, quote markers, emphasis, inline code
  backticks, backslash escapes and table rules go (an ordered list keeps its numbers,
  as HTML's do); table cells keep `` | ``
  between them; fenced code keeps its lines without the fences;
* an indented block that is a page's prose or links, not code (a converter kept the page's
  indent: it holds markdown links, or is written in Chinese, Japanese or Korean), is read
  as markdown;
* a link keeps its text, its URL goes to ``extra.links`` (a link to a script, a share
  button's ``javascript:`` code, keeps its text alone); an image leaves the
  text (rule ``image``), its URL goes to ``extra.images`` and its alt text to
  the captions; link reference definitions go (rule ``link-reference``);
* HTML anywhere (blocks and inline tags) is read as HTML: its visible text stays; a tag
  alone on its line goes, and does not open an HTML block that would take in the
  markdown under it;
* the first level-one heading is the title (rule ``title``), when the front
  matter gives none or gives the same; with none, the last step of a breadcrumb trail
  written as headings of one level (each a link but the last) is.
"""

from __future__ import annotations

import functools
import html
import re
from typing import Any

import attrs

from nkcorpus.cleaning.htmlpage import page_edits, read_page
from nkcorpus.cleaning.offsets import Edit
from nkcorpus.cleaning.titles import trail_end
from nkcorpus.document import Span
from nkcorpus.text.scripts import CJK_CHARS

__all__ = [
    "MarkdownPage",
    "front_matter_end",
    "looks_like_markdown",
    "parse_unindented",
    "read_markdown",
]

_FRONT = re.compile(  # its lines end as markdown-it's do: "\n", "\r\n" or a lone "\r"
    r"\A\ufeff?(---|\+\+\+)[ \t]*(?:\r\n?|\n)(.*?)(?:\r\n?|\n)\1[ \t]*(?:\r\n?|\n|\Z)", re.DOTALL
)
#: The header that reader services write above the markdown of a page they fetched: its
#: title, address and date on lines of their own (``Title: …``, ``URL Source: …``,
#: ``Published Time: …``), then ``Markdown Content:`` on the line before the document.
_READER_HEADER = re.compile(
    r"\A\ufeff?[ \t]*(?P<fields>Title:[^\r\n]*(?:(?:\r\n?|\n)+[ \t]*(?!Markdown Content:)"
    r"[A-Z][A-Za-z ]{1,30}:[^\r\n]*){0,12})"
    r"(?:\r\n?|\n)+[ \t]*Markdown Content:[ \t]*(?:\r\n?|\n|\Z)"
)
#: A field of that header: its name, its value.
_READER_FIELD = re.compile(r"^[ \t]*([A-Z][A-Za-z ]{1,30}):[ \t]*(.*?)[ \t]*$", re.MULTILINE)
_SIGNS = (
    re.compile(r"^#{1,6}[ \t]+\S", re.MULTILINE),
    # a link's text and target hold no bracket: each "[" is looked at up to the next one, not
    # to the end of the line (a line of brackets would take quadratic time)
    re.compile(r"!?\[[^\[\]\n]+\]\([^\[\])\s]+(?:\s+\"[^\"\n]*\")?\)"),
    re.compile(r"^```|^~~~", re.MULTILINE),
    re.compile(r"\*\*\S[^*\n]*\*\*|__\S[^_\n]*__"),
    # within one line ([ \t], not \s): \s would run on over every blank line below each
    # line start, and a page of blank lines would take quadratic time or worse; the runs of
    # spaces are possessive (*+): tried once, not split between the two runs in every way
    re.compile(r"^[ \t]*+\|?[ \t]*+:?-{3,}+:?[ \t]*+\|", re.MULTILINE),
    re.compile(r"^[ \t]*(?:[-*+]|\d{1,9}\.)[ \t]+\S", re.MULTILINE),
)
#: A first line (after blank ones) that is an ATX heading with words.
_OPENING_HEADING = re.compile(r"\s*#{1,6}[ \t]+\w")
#: What opens a line of a block: quote markers and a bullet (with a task's box), all left
#: out; an ordered list's number (``1.``, ``2)``) stays, as a reader sees it.
_LINE_PREFIX = re.compile(r"[ \t]*(?:>[ \t]?)*[ \t]*(?:[-*+][ \t]+(?:\[[ xX]\][ \t]+)?)?")
_HEADING = re.compile(r"[ \t]*#{1,6}(?:[ \t]+|$)")
_TAG_NAME = r"(?!(?:pre|script|style|textarea)\b)[A-Za-z][A-Za-z0-9-]*"
#: At the start of a line, tags that show nothing: one start or end tag (or an empty
#: element) alone on the line, or empty elements (``<span id="a"></span>``) before text
#: that is not markup. Not of an element whose content is raw text.
_LEADING_TAGS = re.compile(
    rf"(?m)^[ \t]*(?:</?{_TAG_NAME}(?:\s[^<>\n]*)?/?>(?:</[A-Za-z][A-Za-z0-9-]*>)?[ \t]*$"
    rf"|(?:<(?P<name>{_TAG_NAME})(?:\s[^<>\n]*)?>[ \t]*</(?P=name)>[ \t]*)+(?=[^<\s]))"
)
_TABLE_RULE = re.compile(  # possessive (*+): a long run of spaces is read once
    r"^[ \t]*+\|?[ \t]*+:?-++:?[ \t]*+(?:\|[ \t]*+:?-++:?[ \t]*+)*+\|?[ \t]*+$"
)
#: A link's or image's url: no white space, parentheses balanced one deep
#: (``https://en.wikipedia.org/wiki/Mercury_(planet)``).
_URL = r"(?:[^()\[\]\s]++|\([^()\[\]\s]*+\))*+"
#: A link's target after its text: ``(url "title")`` or a reference ``[label]``. The url
#: and the label hold no square bracket (nor the text, but for one pair), so that each
#: bracket is looked at up to the next one and a line of brackets takes linear time.
_TARGET = rf"""(?:\([ \t]*+(?P<href>{_URL})(?:\s++"[^"\n]*+")?[ \t]*+\)|\[[^\[\]\n]*+\])"""
_INLINE = re.compile(
    # a code span opens and closes with runs of as many backticks (CommonMark), each run
    # read whole (a line of backticks took time cubic in its length)
    r"(?P<code>(?<!`)(?P<ticks>`++)(?P<codetext>.+?)(?<!`)(?P=ticks)(?!`))"
    rf"|(?P<image>!\[(?P<alt>[^\[\]\n]*+)\]\([ \t]*+(?P<src>{_URL})(?:\s++\"[^\"\n]*+\")?[ \t]*+\))"
    # a link's text may hold one pair of brackets: an image ("[![badge](svg)](url)")
    rf"|(?P<linkopen>\[)(?=(?:[^\[\]\n]++|\[[^\[\]\n]*+\])*+\]{_TARGET.replace('?P<href>', '')})"
    rf"|(?P<linkclose>\]{_TARGET})"
    r"|(?P<autolink><(?P<url>(?:https?|mailto|ftp):[^<>\s]+)>)"
    r"|(?P<tag></?[a-zA-Z][\w:-]*(?:\s[^<>]*)?/?>)"
    r"|(?P<entity>&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});)"
    r"|(?P<escape>\\(?=[!-/:-@\[-`{-~]))"
    r"|(?P<emphasis>\*{1,3}(?=\S)|(?<=\S)\*{1,3}|(?<![\w])_{1,3}(?=\S)|(?<=\S)_{1,3}(?!\w)|~~)"
)
_LINE_BREAK = re.compile(r"\r\n?|\n")  # as markdown-it ends a line
_REFERENCE = re.compile(r"[ \t]{0,3}\[[^\]]+\]:[ \t]*\S")


@attrs.frozen
class MarkdownPage:
    r"""What :func:`read_markdown` found.

    Attributes:
        edits: the edits that turn the source into plain text.
        removals: ``(span, rule)`` for each stretch of the source left out.
        metadata: ``(name, value)`` pairs for :class:`~nkcorpus.Metadata`.
        headings: the source span, level and plain text of each heading of levels one
            and two that has words and stands at the top level (not in a list or a
            quote), with the line a markdown writer wrapped its text onto (a long
            headline that html2text cut in two).

    >>> read_markdown("# Site\n\nMenu\n\n## The [story](/s)\n\nText.\n\n#\n").headings
    ((Span(start=0, end=6), 1, 'Site'), (Span(start=14, end=32), 2, 'The story'))
    """

    edits: tuple[Edit, ...]
    removals: tuple[tuple[Span, str], ...]
    metadata: tuple[tuple[str, Any], ...]
    headings: tuple[tuple[Span, int, str], ...] = ()


def front_matter_end(source: str) -> int:
    """Where the YAML (``---``) or TOML (``+++``) front matter of ``source`` ends, or a reader
    service's header (``Title: …`` down to ``Markdown Content:``) (0: none)."""
    match = _FRONT.match(source) or _READER_HEADER.match(source)
    return match.end() if match else 0


def looks_like_markdown(text: str) -> bool:
    """Whether ``text`` is a markdown document: front matter or a reader service's header,
    a heading on its first line (``"# Title"``), or two kinds of markdown syntax."""
    if _FRONT.match(text) or _READER_HEADER.match(text) or _OPENING_HEADING.match(text):
        return True
    head = text[:20000]
    return sum(1 for sign in _SIGNS if sign.search(head)) >= 2


def _front_matter(kind: str, source: str) -> dict[str, Any] | None:
    try:
        if kind == "+++":
            import tomllib

            data: Any = tomllib.loads(source)
        else:
            import importlib

            yaml = importlib.import_module("yaml")
            # libyaml's loader where PyYAML was built with it: the same safe subset, and a
            # deeply nested value fails at once instead of after a second of recursion
            data = yaml.load(source, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except Exception:
        return None
    return data if isinstance(data, dict) else None


def _reader_fields(fields: str) -> dict[str, Any]:
    r"""The fields of a reader service's header as front matter's keys (``Published Time``
    as ``published``, ``URL Source`` as ``url``).

    >>> _reader_fields("Title: Talks\n\nURL Source: https://x.org/a\n\nPublished Time: 2020-03-04")
    {'title': 'Talks', 'url': 'https://x.org/a', 'published': '2020-03-04'}
    """
    names = {"url source": "url", "published time": "published"}
    data: dict[str, Any] = {}
    for name, value in _READER_FIELD.findall(fields):
        key = names.get(name.lower(), name.lower())
        if value and key not in data:
            data[key] = value
    return data


def _front_metadata(data: dict[str, Any]) -> list[tuple[str, Any]]:
    from nkcorpus.cleaning.htmlmeta import iso_date, split_authors

    out: list[tuple[str, Any]] = []
    lowered = {str(k).lower(): v for k, v in data.items()}
    title = lowered.pop("title", None)
    if isinstance(title, str) and title.strip():
        out.append(("title", " ".join(title.split())))
    for key in ("date", "published", "pubdate", "publishdate"):
        value = lowered.pop(key, None)
        if value is not None and (date := iso_date(str(value))):
            out.append(("published", date))
            break
    names: list[str] = []
    for key in ("author", "authors", "byline"):
        value = lowered.pop(key, None)
        values = value if isinstance(value, list) else [value]
        for item in values:
            if isinstance(item, dict):
                item = item.get("name")
            if isinstance(item, str):
                names.extend(split_authors(item))
    if names:
        out.append(("authors", tuple(dict.fromkeys(names))))
    for key, value in lowered.items():
        if isinstance(value, (str, int, float, bool)):
            out.append((f"extra.{key}", value if not isinstance(value, str) else value.strip()))
        elif isinstance(value, list) and all(isinstance(v, (str, int, float)) for v in value):
            out.append((f"extra.{key}", tuple(value)))
        else:
            out.append((f"extra.{key}", str(value)))
    return out


#: A heading written on the line of the link or tag before it (mdka: ``[TECH](/tech) #
#: Google Bets on ...``): the space between them, where the heading's line starts.
_GLUED_HEADING = re.compile(r"(?<=[)>]) (?=#{1,6}[ \t]+\S)")


def read_markdown(source: str) -> MarkdownPage:
    r"""Read the markdown document ``source`` into edits, removals and metadata.

    A heading that a converter wrote after a link or a tag on one line of a paragraph
    (``[TECH](/tech) # Google Bets on ...``; not in code) is read as a heading on a line of
    its own: the space before it becomes a paragraph break.

    >>> page = read_markdown("[TECH](/tech) # Google Bets on Stadia\n\nIt launched.\n")
    >>> page.headings
    ((Span(start=14, end=37), 1, 'Google Bets on Stadia'),)
    """
    page, paragraphs = _read_markdown(source)
    breaks: list[int] = []
    for span in paragraphs:
        ticks, counted = 0, span.start  # backticks before each space: in a code span or not
        for found in _GLUED_HEADING.finditer(source, span.start, span.end):
            at = found.start()
            ticks, counted = ticks + source.count("`", counted, at), at
            if ticks % 2 == 0 and _after_link_or_tag(source[max(span.start, at - LINK_CHARS) : at]):
                breaks.append(at)
    if not breaks:
        return page
    split = list(source)
    for at in breaks:
        split[at] = "\n"  # the same length: every offset holds
    page, _ = _read_markdown("".join(split))
    breaks_as_paragraphs = (Edit(at, at + 1, "\n\n") for at in breaks)
    return attrs.evolve(page, edits=_sorted([*page.edits, *breaks_as_paragraphs]))


_LINK_END = re.compile(rf"\]\({_URL}\)")
#: How far before a glued heading its link's target is looked for (a long url's length).
LINK_CHARS = 1000


def _after_link_or_tag(before: str) -> bool:
    """Whether ``before`` ends with a link's or an image's target, or a tag."""
    if before.endswith(">"):
        return True
    opening = before.rfind("](")
    return opening >= 0 and _LINK_END.fullmatch(before, opening) is not None


def _read_markdown(source: str) -> tuple[MarkdownPage, list[Span]]:
    """:func:`read_markdown` of ``source`` as it is, and the spans of its paragraphs' lines."""
    edits: list[Edit] = []
    removals: list[tuple[Span, str]] = []
    metadata: list[tuple[str, Any]] = []
    body_start = 0
    front = _FRONT.match(source)
    header = _READER_HEADER.match(source)
    data: dict[str, Any] | None = None
    if front:
        data = _front_matter(front.group(1), front.group(2))
        body_start = front.end() if data is not None else 0
    elif header is not None:
        data, body_start = _reader_fields(header["fields"]), header.end()
    if data is not None:
        edits.append(Edit(0, body_start, ""))
        removals.append((Span(0, body_start), "front-matter"))
        metadata.extend(_front_metadata(data))
    # The lines as markdown-it numbers them: a line ends at "\n", "\r\n" or a lone "\r" (an
    # old Mac file), so that its token maps name these lines.
    starts = [body_start]
    ends: list[int] = []  # where the text of each line ends, before its line break
    for newline in _LINE_BREAK.finditer(source, body_start):
        ends.append(newline.start())
        starts.append(newline.end())
    ends.append(len(source))
    starts.append(len(source))

    def line(index: int) -> tuple[int, int]:
        if index >= len(ends):
            return len(source), len(source)
        return starts[index], ends[index]

    # Tags that show nothing at the start of a line leave the text, and markdown-it reads
    # the line without them (same lines, so its line numbers still hold): a tag alone on
    # its line would open an HTML block that takes in the markdown under it (mdka writes
    # "</span>" right over a heading), empty elements before a list's bullet would make
    # the item a paragraph ('<span id="menu-item-1"></span>- [News](/news)').
    body = source[body_start:]
    kept: list[str] = []
    pos = 0
    after_tags: dict[int, int] = {}  # a line's start: where its text starts after them
    for found in _LEADING_TAGS.finditer(body):
        start, end = body_start + found.start(), body_start + found.end()
        edits.append(Edit(start, end, ""))
        after_tags[start] = end
        kept.append(body[pos : found.start()])
        pos = found.end()
    kept.append(body[pos:])
    tokens = parse_unindented("".join(kept))
    covered = [False] * (len(starts) - 1)
    paragraphs: list[Span] = []
    links: list[str] = []
    images: list[str] = []
    captions: list[str] = []
    gathered = _Found(edits, links, images, captions, removals)
    have_title = any(name == "title" for name, _ in metadata)
    heading: str | None = None
    skip = -1  # the inline token of a wrapped headline's last line, read with the headline
    for i, token in enumerate(tokens):
        if token.map is None or token.nesting == -1 or i == skip:
            continue
        first, last = token.map
        if token.type in ("fence", "code_block", "html_block", "hr") or token.type == "inline":
            for n in range(first, last):
                covered[n] = True
        if token.type == "table_open" and first + 1 < last:
            start, end = line(first + 1)
            if _TABLE_RULE.match(source[start:end]):
                edits.append(Edit(start, starts[first + 2], ""))  # with its line break
                covered[first + 1] = True
        if token.type == "fence":
            for n in (first, last - 1):
                fence = source[slice(*line(n))].lstrip()
                if first <= n < last and fence.startswith(("```", "~~~")):
                    edits.append(Edit(*line(n), ""))
        elif token.type == "hr":
            edits.append(Edit(*line(first), ""))
        elif token.type == "html_block":
            start, end = starts[first], line(last - 1)[1]
            page = read_page(source[start:end])
            for edit in page_edits(source[start:end], page, set(page.blocks)):
                edits.append(attrs.evolve(edit, start=edit.start + start, end=edit.end + start))
        elif token.type == "inline":
            parent = tokens[i - 1] if i else None
            is_heading = parent is not None and parent.type == "heading_open"
            in_table = parent is not None and parent.type in ("th_open", "td_open")
            if parent is not None and parent.type == "paragraph_open":
                paragraphs.append(Span(starts[first], line(last - 1)[1]))
            if in_table:
                if i >= 2 and tokens[i - 2].type == "tr_open":
                    _table_row(source, line(first), edits)
                    _inline(source, *line(first), gathered)
                continue
            markup = parent.markup if is_heading and parent is not None else ""
            underline = _setext_underline(parent) if markup in ("=", "-") else None
            if underline is not None:  # below the heading's text, which its inline holds
                edits.append(Edit(*line(underline), ""))
                covered[underline] = True
            for n in range(first, last):
                start, end = line(n)
                if n == underline:  # where the inline's lines take the underline in too
                    continue
                start = after_tags.get(start, start)
                prefix = _HEADING if markup.startswith("#") else _LINE_PREFIX
                marker = prefix.match(source, start, end)
                text_start = marker.end() if marker else start
                text_end = end
                if is_heading:
                    text_end = _heading_text_end(source, text_start, end)
                    if text_end < end:
                        edits.append(Edit(text_end, end, "", exact=False))
                if text_start > start:
                    edits.append(Edit(start, text_start, ""))
                _inline(source, text_start, text_end, gathered)
            title_key = _key(dict(metadata).get("title") or "")
            if (
                is_heading
                and parent is not None
                and parent.tag == "h1"
                and token.content.strip()  # an empty "#" line is no title
                and (not have_title or _key(token.content) == title_key)
                and not heading
            ):
                # the heading's lines, a setext heading's underline with them
                span = Span(starts[first], line(last - 1 if underline is None else underline)[1])
                heading = _plain(token)
                wrapped = _wrapped_rest(tokens, i, heading)
                if wrapped is not None:
                    skip = i + 3
                    heading = f"{heading} {wrapped}"
                    span = Span(span.start, line(last)[1])
                have_title = True
                edits[:] = [e for e in edits if not (span.start <= e.start < span.end)]
                edits.append(Edit(span.start, span.end, ""))
                removals.append((span, "title"))
    for n, done in enumerate(covered):
        start, end = line(n)
        if not done and _REFERENCE.match(source, start, end):
            edits.append(Edit(start, end, ""))
            removals.append((Span(start, end), "link-reference"))
    if not any(name == "title" for name, _ in metadata):
        # with no level-one heading, a trail of headings ("##### [Site](/)", "##### …")
        heading = heading or _heading_trail(tokens)
        if heading:
            metadata.append(("title", trail_end(heading)))  # "Site 〉 News 〉 Headline"
    if links:
        metadata.append(("extra.links", tuple(dict.fromkeys(links))))
    if images:
        metadata.append(("extra.images", tuple(dict.fromkeys(images))))
    if captions:
        metadata.append(("captions", tuple(dict.fromkeys(captions))))
    read = MarkdownPage(
        _sorted(edits), tuple(sorted(removals)), tuple(metadata), _headings(tokens, line)
    )
    return read, paragraphs


#: The fewest linked steps of a breadcrumb trail written as headings before its last.
TRAIL_HEADINGS = 2


def _heading_trail(tokens: list[Any]) -> str | None:
    r"""The last step of a breadcrumb trail that a page writes as headings of one level,
    one under the other, each a link to its place but the last, the page's own (TVB's
    ``##### [無綫新聞](/tc)``, ``##### [港澳](/tc/local)``, then the headline): the
    headline where no level-one heading gives the title; at least :data:`TRAIL_HEADINGS`
    linked steps before it, and longer than each of them. ``None`` where no such trail is.

    >>> page = "##### [News](/n)\n\n##### [Asia](/n/a)\n\n##### Floods hit the north\n"
    >>> _heading_trail(parse_unindented(page))
    'Floods hit the north'
    """
    steps: list[tuple[str, Any]] = []  # (the heading's tag, its inline token), in a row
    for i, token in enumerate([*tokens, None]):
        if token is None or token.type not in ("heading_open", "inline", "heading_close"):
            if len(steps) > TRAIL_HEADINGS:  # the row of headings ends: a trail?
                *linked, (_tag, last) = steps
                text = _plain(last)
                if (
                    text
                    and not _has_link(last)
                    and all(_link_alone(inline) for _tag, inline in linked)
                    and all(len(_plain(inline)) < len(text) for _tag, inline in linked)
                ):
                    return text
            steps = []
        elif token.type == "heading_open" and i + 1 < len(tokens) and not token.level:
            if steps and steps[-1][0] != token.tag:
                steps = []
            steps.append((token.tag, tokens[i + 1]))
    return None


def _link_alone(inline: Any) -> bool:
    """Whether an inline token is one link and nothing else (white space aside)."""
    children = [
        c for c in inline.children or () if not (c.type == "text" and not c.content.strip())
    ]
    return (
        len(children) >= 2
        and children[0].type == "link_open"
        and children[-1].type == "link_close"
        and sum(1 for c in children if c.type == "link_open") == 1
    )


def _has_link(inline: Any) -> bool:
    """Whether an inline token holds a link."""
    return any(c.type == "link_open" for c in inline.children or ())


#: A level-one heading at least this long may have been wrapped by the tool that wrote
#: the markdown (html2text wraps lines at 78 characters, headings too) ...
WRAPPED_HEADING = 60
#: ... and the line after it no longer than this, or than the heading (a wrapped line).
WRAPPED_LINE = 80
_SENTENCE_END = re.compile(r"[.!?。！？:：]$")


def _wrapped_rest(tokens: list[Any], at: int, heading: str) -> str | None:
    """The rest of a headline that a markdown writer wrapped onto the next line: a
    paragraph of one line right under a heading of :data:`WRAPPED_HEADING` characters or
    more that ends without a sentence's end, the line no longer than the heading or
    :data:`WRAPPED_LINE` (``None`` otherwise). The rest may end as a headline does
    (``"... Why You Shouldn't"`` then ``"Worry."``).

    ``# Emirates inks $9 billion order for 30 Boeing 787 jets, will restart plans to``
    followed by ``expand airline by early 2020s``: one headline, cut by html2text.
    """
    if len(heading) < WRAPPED_HEADING or _SENTENCE_END.search(heading):
        return None
    if at + 3 >= len(tokens) or tokens[at + 2].type != "paragraph_open":
        return None
    paragraph, rest = tokens[at + 2], tokens[at + 3]
    heading_map = tokens[at].map
    if paragraph.map is None or heading_map is None or rest.type != "inline":
        return None
    if paragraph.map != [heading_map[1], heading_map[1] + 1]:
        return None  # not the very next line, or more than one line
    text = " ".join(rest.content.split())
    if not text or len(text) > max(len(heading), WRAPPED_LINE) or "[" in text:
        return None
    return text


#: A markdown link or image whole (``[text](url)``): what no indented code holds.
_MARKDOWN_LINK = re.compile(r"!?\[[^\[\]\n]*+\]\([^()\s]++\)")
_CJK_LETTER = re.compile(f"[{CJK_CHARS}]")


def _prose_not_code(code: str) -> bool:
    """Whether the text of an indented code block is a page's prose or links that a
    converter indented (html2text keeps a paragraph's indent: Chinese pages open each
    paragraph with spaces), not code: it holds a markdown link or image, or most of its
    letters are Chinese, Japanese or Korean."""
    if _MARKDOWN_LINK.search(code):
        return True
    cjk = len(_CJK_LETTER.findall(code))
    return cjk > 0 and 2 * cjk > sum(1 for c in code if c.isalpha())


@functools.lru_cache(maxsize=1)
def _parser() -> Any:
    """markdown-it's CommonMark parser, with tables."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable("table")


def _prose_blocks(lines: list[str], tokens: list[Any]) -> list[tuple[int, int]]:
    """The lines (``[first, end)``) of each part of an indented code block among ``tokens``
    (markdown-it's of the markdown whose ``lines`` they are) that is prose
    (:func:`_prose_not_code`); its parts are its runs of lines between blank lines, which
    CommonMark's code block runs over."""
    found = []
    for token in tokens:
        if token.type != "code_block" or not token.map:
            continue
        n, end = token.map[0], min(token.map[1], len(lines))
        while n < end:
            if not lines[n].strip():
                n += 1
                continue
            start = n
            while n < end and lines[n].strip():
                n += 1
            if _prose_not_code("\n".join(lines[start:n])):
                found.append((start, n))
    return found


def parse_unindented(markdown: str, parser: Any = None) -> list[Any]:
    r"""markdown-it's tokens of ``markdown`` (``parser``: a ``MarkdownIt``, CommonMark with
    tables by default), with each indented code block that is a page's prose or links, not
    code (it holds a markdown link, or its letters are mostly Chinese, Japanese or Korean),
    read without its indent: html2text keeps a page's indent, which CommonMark reads as code.

    >>> [t.type for t in parse_unindented("Menu\n\n    [Home](/)\n\n    x = 1\n")][3:6]
    ['paragraph_open', 'inline', 'paragraph_close']
    """
    parser = parser or _parser()
    tokens: list[Any] = parser.parse(markdown)
    if not any(token.type == "code_block" for token in tokens):
        return tokens
    lines = _LINE_BREAK.split(markdown)
    found = _prose_blocks(lines, tokens)
    if not found:
        return tokens
    for first, end in found:
        for n in range(first, end):
            lines[n] = lines[n].lstrip(" \t")
    breaks = [*_LINE_BREAK.findall(markdown), ""]  # the same lines, each where it was
    return list(parser.parse("".join(a + b for a, b in zip(lines, breaks, strict=True))))


def _setext_underline(heading: Any) -> int | None:
    """The line of a setext heading's underline (``===`` or ``---`` under its text): the
    last line of the ``heading_open`` token, below the lines of its inline text."""
    if heading is None or heading.map is None:
        return None
    first, last = heading.map
    return last - 1 if last - 1 > first else None


def _headings(tokens: list[Any], line: Any) -> tuple[tuple[Span, int, str], ...]:
    """The headings of levels one and two among ``tokens`` (see :class:`MarkdownPage`);
    ``line(n)`` gives the start and the text's end of source line ``n``."""
    found = []
    for i, token in enumerate(tokens):
        if token.type != "heading_open" or token.tag not in ("h1", "h2") or token.map is None:
            continue
        content = _plain(tokens[i + 1])
        if not content or token.level:
            continue
        first, last = token.map
        wrapped = _wrapped_rest(tokens, i + 1, content)
        if wrapped is not None:
            last += 1
            content = f"{content} {wrapped}"
        found.append((Span(line(first)[0], line(last - 1)[1]), int(token.tag[1]), content))
    return tuple(found)


def _plain(inline: Any) -> str:
    """The text of an inline token, without its markup: a link's or emphasis's words,
    an image's description, no inline HTML (``[Title](https://…)`` is ``Title``)."""
    parts = []
    for child in inline.children or ():
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "image":
            parts.append(child.content)
    return " ".join("".join(parts).split())


def _key(text: str) -> str:
    return re.sub(r"\W+", "", text).casefold()


def _table_row(source: str, bounds: tuple[int, int], edits: list[Edit]) -> None:
    start, end = bounds
    row = source[start:end]
    if _TABLE_RULE.match(row):
        edits.append(Edit(start, end, ""))
        return
    stripped = row.strip()
    lead = start + row.index(stripped) if stripped else start
    if stripped.startswith("|"):
        edits.append(Edit(start, lead + 1, ""))
    if stripped.endswith("|") and len(stripped) > 1:
        edits.append(Edit(lead + len(stripped) - 1, end, ""))


@attrs.define
class _Found:
    """What reading a markdown document's inline markup gathers: the edits that leave its
    text, the links' and images' addresses, the images' alt texts, the removals."""

    edits: list[Edit]
    links: list[str]
    images: list[str]
    captions: list[str]
    removals: list[tuple[Span, str]]


def _inline(source: str, start: int, end: int, found: _Found) -> None:
    """The edits that leave the text of the inline markdown ``source[start:end]``: its
    links' text without their targets, code without its backticks, no image, tag, escape or
    emphasis mark; the links' and images' addresses and the images' alt texts are gathered.
    A link to a script (:func:`_script_links`) is read apart, its code no part of the text."""
    at = start
    for opening, target, close in _script_links(source, start, end):
        _inline_markup(source, at, opening, found)
        found.edits.append(Edit(opening, opening + 1, ""))
        _inline_markup(source, opening + 1, target, found)
        found.edits.append(Edit(target, close, ""))
        at = close
    _inline_markup(source, at, end, found)


#: Where a link's target that is a script begins (``](javascript:``).
_SCRIPT_TARGET = re.compile(r"\]\(\s*javascript:", re.IGNORECASE)
#: A piece of a script as :func:`_script_end` reads it: a run of other characters, a
#: quoted string (its escapes in it), an escaped character (html2text writes ``\\(``), a
#: parenthesis, or a lone quote.
_SCRIPT_PIECE = re.compile(
    r"""[^()'"\\]++|'(?:[^'\\]|\\.)*+'|"(?:[^"\\]|\\.)*+"|\\.?|[()'"]"""
)


def _script_links(source: str, start: int, end: int) -> list[tuple[int, int, int]]:
    """The links to a script in ``source[start:end]``, each as the places of its opening
    bracket, of its target (from ``](``) and of the end of that target: the share buttons
    that html2text writes as ``[](javascript:window.open('…?url='+encodeURIComponent(
    document.location), '', 'width=700, height=680'); void 0; "分享到QQ空間")``. Markdown
    reads no such link (its target holds spaces and parentheses nested deeper than an
    address's), and its code would stay in the text; the target ends at the parenthesis
    that closes it, those of the code's calls and strings let be. Each bracket and each
    character of code is looked at once."""
    found: list[tuple[int, int, int]] = []
    at = start
    while (target := _SCRIPT_TARGET.search(source, at, end)) is not None:
        close = _script_end(source, target.end(), end)
        if close is None:
            break  # no end on the line: no link, and none after it
        opening = _opening_bracket(source, at, target.start())
        if opening is not None:
            found.append((opening, target.start(), close))
        at = close
    return found


def _opening_bracket(source: str, start: int, end: int) -> int | None:
    """Where the bracket opens that the one at ``end`` closes, after ``start`` (a link's
    text may hold brackets in pairs: an image, ``[![Share](icon.png)](javascript:…)``)."""
    depth = 0
    for at in range(end - 1, start - 1, -1):
        mark = source[at]
        if mark == "]":
            depth += 1
        elif mark == "[":
            if not depth:
                return at
            depth -= 1
        elif mark == "\n":
            break
    return None


def _script_end(source: str, start: int, end: int) -> int | None:
    """Where the target of a link to a script whose code begins at ``start`` ends: after
    the first closing parenthesis outside the code's strings that no opening one in it
    matches (``None``: none before ``end``)."""
    depth = 0
    for piece in _SCRIPT_PIECE.finditer(source, start, end):
        mark = piece.group()
        if mark == "(":
            depth += 1
        elif mark == ")":
            if not depth:
                return piece.end()
            depth -= 1
    return None


def _inline_markup(source: str, start: int, end: int, found: _Found) -> None:
    """:func:`_inline` of a stretch with no link to a script."""
    edits, links, images, captions = found.edits, found.links, found.images, found.captions
    removals = found.removals
    for match in _INLINE.finditer(source, start, end):
        kind = match.lastgroup
        s, e = match.span()
        if match.group("code") is not None:
            ticks = len(match.group("ticks"))
            edits.append(Edit(s, s + ticks, ""))
            edits.append(Edit(e - ticks, e, ""))
        elif match.group("image") is not None:
            edits.append(Edit(s, e, ""))
            removals.append((Span(s, e), "image"))
            images.append(match.group("src"))
            if match.group("alt").strip():
                captions.append(match.group("alt").strip())
        elif match.group("linkclose") is not None:
            edits.append(Edit(s, e, ""))
            if match.group("href"):
                links.append(match.group("href"))
        elif match.group("autolink") is not None:
            edits.append(Edit(s, s + 1, ""))
            edits.append(Edit(e - 1, e, ""))
            links.append(match.group("url"))
        elif match.group("entity") is not None:
            edits.append(Edit(s, e, html.unescape(match.group()), exact=False))
        elif kind == "tag" and match.group().lower().startswith("<br"):
            edits.append(Edit(s, e, "\n", exact=False))
        else:  # link opening bracket, tag, escape, emphasis
            edits.append(Edit(s, e, ""))


def _heading_text_end(source: str, start: int, end: int) -> int:
    """Where the text of the heading line ``source[start:end]`` (without its line break)
    ends: before the spaces and tabs at its end, and before its closing ``#`` run and the
    spaces or tabs before that run (CommonMark). Read from the end of the line once, so a
    long run of spaces costs linear time (a pattern tried from each of its spaces took
    quadratic time).

    >>> line = "Talks end ##  "
    >>> line[: _heading_text_end(line, 0, len(line))]
    'Talks end'
    >>> line = "C# "
    >>> line[: _heading_text_end(line, 0, len(line))]
    'C#'
    """
    text = source[start:end].rstrip(" \t")
    bare = text.rstrip("#")
    if len(bare) < len(text) and bare[-1:] in (" ", "\t"):
        return start + len(bare.rstrip(" \t"))
    return start + len(text)


def _sorted(edits: list[Edit]) -> tuple[Edit, ...]:
    """Edits in order, an edit inside one already taken (a tag in a removed line) left out."""
    out: list[Edit] = []
    for edit in sorted(edits, key=lambda e: (e.start, -(e.end - e.start))):
        if out and edit.start < out[-1].end:
            continue
        if out and edit.start == edit.end == out[-1].end == out[-1].start:
            continue
        out.append(edit)
    return tuple(out)
