"""The cleaning passes in order, chained into one offset map.

:func:`clean_text` runs every rule that :class:`~nkcorpus.cleaning.options.CleanOptions`
turns on, in an order that makes cleaning idempotent (a rule never creates work
for a rule that ran before it):

1. ``html`` (for HTML input: the article's text, see :mod:`nkcorpus.cleaning.htmlmain`)
or ``markdown`` (see :mod:`nkcorpus.cleaning.markdown`), 2. ``newlines``, 3. ``invisible``,
4. ``fullwidth``, 5. ``nfc``/``nfkc``, 6. ``mojibake`` (then 2 to 5 again if it
repaired anything), 7. ``spaces``, 8. ``apostrophe``, 9. ``quotes``,
10. ``whitespace``, 11. ``boilerplate``,
``captions`` and ``metadata`` (whole lines out, read from the page layout),
then ``whitespace`` once more to close the gaps.

Each pass yields edits; a pass that finds nothing costs one regular-expression
scan and adds nothing to the map.
"""

from __future__ import annotations

import bisect
import re
import time
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

import attrs

from nkcorpus.cleaning import unicode as uni
from nkcorpus.cleaning.layout import Layout, furniture_line, headline_sized, read_layout
from nkcorpus.cleaning.offsets import Edit, apply_edits, chain, to_new
from nkcorpus.cleaning.options import CleanOptions
from nkcorpus.cleaning.titles import shown_headline
from nkcorpus.document import OffsetMap, Region, Removal, Span, Step
from nkcorpus.text.scripts import CJK_CHARS

if TYPE_CHECKING:  # pragma: no cover
    from nkcorpus.cleaning.scrapes import ScrapeReading

__all__ = ["VERSION", "Cleaned", "clean_text"]

#: The version recorded in each ``clean.<rule>`` step; bump it when output changes.
VERSION = "1.0"


@attrs.frozen
class Cleaned:
    """The result of :func:`clean_text`.

    Attributes:
        text: the clean text.
        offsets: the map from ``text`` to the raw text.
        removed: the stretches of raw text removed by page-layout rules.
        regions: caption regions of ``text``.
        metadata: values for :class:`~nkcorpus.Metadata` fields, as ``(name, value)``
            pairs; names starting with ``extra.`` go to :attr:`Metadata.extra`.
        steps: one ``clean.<rule>`` step per rule that changed something.
    """

    text: str
    offsets: OffsetMap
    removed: tuple[Removal, ...] = ()
    regions: tuple[Region, ...] = ()
    metadata: tuple[tuple[str, Any], ...] = ()
    steps: tuple[Step, ...] = ()


class _Run:
    """The text being cleaned, its map to the raw text, and the steps so far."""

    def __init__(self, raw: str):
        self.raw = raw
        self.text = raw
        self.offsets = OffsetMap.identity(len(raw))
        self.steps: list[Step] = []

    def apply(
        self, rule: str, edits: Callable[[str], Iterable[Edit]], **parameters: Any
    ) -> OffsetMap | None:
        started = time.perf_counter()
        result = apply_edits(self.text, edits(self.text))
        if result.text == self.text and result.offsets == OffsetMap.identity(len(self.text)):
            return None
        self.text = result.text
        self.offsets = chain(self.offsets, result.offsets)
        if not result.changes:  # units marked, nothing changed
            return None
        seconds = time.perf_counter() - started
        self.steps.append(
            Step(f"clean.{rule}", VERSION, {**parameters, "changes": result.changes}, seconds)
        )
        return result.offsets


def _explained_mojibake(text: str, explained: list[str]) -> Iterator[Edit]:
    """The mojibake edits of ``text``; ftfy's plan for each repaired line goes to ``explained``.

    Each entry reads ``"line 3: encode sloppy-windows-1252, decode utf-8"``.
    """
    plans: list[dict[str, Any]] = []
    yield from uni.mojibake_edits(text, plans)
    for plan in plans:
        steps = ", ".join(" ".join(str(part) for part in step) for step in plan["plan"])
        explained.append(f"line {plan['line']}: {steps}")


def clean_text(raw: str, options: CleanOptions | None = None) -> Cleaned:
    """Clean ``raw`` text with ``options`` (all rules on when ``None``).

    >>> clean_text("It`s  here.\\r\\n").text
    "It's here."
    """
    options = options if options is not None else CleanOptions()
    run = _Run(raw)
    page = False
    removed: list[Removal] = []
    page_metadata: tuple[tuple[str, Any], ...] = ()
    if options.html:
        from nkcorpus.cleaning.html import looks_like_html

        page = looks_like_html(raw) and not (options.markdown and _markdown_first(raw))
        if page:
            from nkcorpus.cleaning.htmlmain import extract_page

            extracted = extract_page(raw, main_content=options.main_content)
            run.apply("html", lambda _text: extracted.edits)
            removed = [Removal(span, rule) for span, rule in extracted.removals]
            page_metadata = extracted.metadata
    markdown = False
    if options.markdown and not page:
        from nkcorpus.cleaning.markdown import looks_like_markdown, read_markdown

        if looks_like_markdown(raw):
            markdown = True
            document = read_markdown(raw)
            run.apply("markdown", lambda _text: document.edits)
            removed = [Removal(span, rule) for span, rule in document.removals]
            page_metadata = document.metadata
    _character_passes(run, options)
    explained: list[str] = []  # ftfy's explanation of each repaired line, for the step
    if options.mojibake and run.apply(
        "mojibake", lambda t: _explained_mojibake(t, explained), explanations=explained
    ):
        # A repair can bring back what the first passes take out or normalize (a
        # zero-width space garbled as "â€‹", decomposed letters).
        _character_passes(run, options)
    if options.spaces:
        run.apply("spaces", uni.space_edits)
    if options.backtick_apostrophe:
        run.apply("apostrophe", uni.apostrophe_edits)
    if options.quotes == "straighten":
        run.apply("quotes", uni.quote_edits)
    if options.collapse_whitespace:
        run.apply("whitespace", uni.whitespace_edits)
    regions: list[Region] = []
    metadata: tuple[tuple[str, Any], ...] = ()
    headline_at: int | None = None  # where a scrape's headline is, when not its first heading
    if options.boilerplate or options.captions or options.metadata:
        started = time.perf_counter()
        layout = read_layout(
            run.text,
            boilerplate=options.boilerplate,
            captions=options.captions,
            # An HTML page's metadata comes from its markup (nkcorpus.cleaning.htmlmeta).
            metadata=options.metadata and not page,
            page=page,
            # Its writers are read from the markup; the byline that opens the article's
            # first paragraph leaves the text as the plain-text reader's does.
            opening_byline=options.metadata and page and options.main_content,
        )
        seconds = time.perf_counter() - started
        metadata = layout.metadata
        removed.extend(Removal(run.offsets.to_raw(span), rule) for span, rule in layout.removals)
        captions = _apply_layout(run, layout, options, seconds)
        headline = None
        if not page and not markdown and options.main_content:  # a page flattened to text
            title = dict(metadata).get("title")
            captions, headline = _flattened_article(run, captions, removed, options, title)
        elif markdown and options.main_content:  # a scrape of a whole page: its article
            from nkcorpus.cleaning.markdown import front_matter_end

            # a title that front matter (or a reader service's header) declares
            front_title = bool(front_matter_end(raw)) and "title" in dict(document.metadata)
            captions, headline = _scrape_article(
                run, raw, document.headings, captions, removed, options, front_title
            )
        if headline is not None and options.metadata:
            from nkcorpus.cleaning.titles import commented_title, trail_end

            # "6 thoughts on “Headline”"; "Site 〉 News 〉 Headline"
            title_field = ("title", commented_title(trail_end(headline[0])))
            page_metadata = (*(f for f in page_metadata if f[0] != "title"), title_field)
            metadata = tuple(f for f in metadata if f[0] != "title")
            headline_at = headline[1].start
        regions = [Region(span, "caption") for span in captions]
        if regions:
            texts = tuple(dict.fromkeys(run.text[r.span.start : r.span.end] for r in regions))
            metadata = (*metadata, ("captions", texts))
    if page_metadata and options.metadata:
        if options.mojibake:  # the markup's values are garbled as its text is
            page_metadata = _repaired(page_metadata)
        metadata = _merge_metadata(page_metadata, metadata)
    found = dict(metadata)
    if not page and options.metadata and options.main_content and not found.get("title"):
        from nkcorpus.cleaning.scrapes import headline_alone

        # a scrape of a page whose scripts draw its story: its headline among its menus
        if (alone := headline_alone(raw)) is not None:
            found["title"] = alone
            metadata = tuple(sorted(found.items()))
    title = None if markdown else found.get("title")
    if not page and options.metadata and (markdown or title):  # what the headline shows
        from nkcorpus.cleaning.scrapes import headline_stamps

        # What stands next to the headline comes first: not a dated line of the related
        # stories further down, nor a site's header above the article's own headline.
        known = found.get("title") if markdown else None
        declared = dict(page_metadata).get("published") if options.metadata else None
        for name, value in headline_stamps(raw, title, headline_at, known):
            if name == "published" and declared and str(value)[:10] == str(declared)[:10]:
                continue  # the front matter's moment of the day shown, with its zone
            found[name] = value
        metadata = tuple(sorted(found.items()))
    if not page and options.metadata and isinstance(found.get("title"), str):
        metadata = _shown_headline(metadata, raw, markdown)
    if not page and options.metadata and not dict(metadata).get("authors"):
        from nkcorpus.cleaning.authornames import posted_by

        # a blog's "Posted by …" line in the article (Blogger's under the post)
        if names := posted_by(run.text.splitlines()):
            metadata = tuple(sorted({**dict(metadata), "authors": names}.items()))
    if not page and options.metadata and dict(metadata).get("authors"):
        metadata = _plain_names(metadata)
    if not page and options.metadata and not dict(metadata).get("published"):
        from nkcorpus.cleaning.scrapes import linked_date

        # the day in the scrape's own address, or in its links (or the addresses a plain
        # text writes out) to the article itself
        found = dict(metadata)
        url = found.get("extra.url")
        day = linked_date(raw, found.get("title"), url if isinstance(url, str) else None)
        if day is not None:
            metadata = tuple(sorted({**found, "published": day}.items()))
    removed.sort(key=lambda r: (r.raw_span.start, r.raw_span.end))
    return Cleaned(
        run.text, run.offsets, tuple(removed), tuple(regions), metadata, tuple(run.steps)
    )


def _shown_headline(
    metadata: tuple[tuple[str, Any], ...], raw: str, markdown: bool
) -> tuple[tuple[str, Any], ...]:
    """``metadata`` of a text or markdown document with the headline that its title line
    shows (:func:`~nkcorpus.cleaning.titles.shown_headline`: no table cell's marks, no
    stamp after it) and, where no date was found, the date of that stamp. A title that
    front matter declares is kept as it is."""
    from nkcorpus.cleaning.dates import find_date
    from nkcorpus.cleaning.markdown import front_matter_end

    found = dict(metadata)
    if markdown and front_matter_end(raw):
        return metadata
    title, stamp = shown_headline(found["title"])
    found["title"] = title or found["title"]
    if stamp is not None and not found.get("published") and (date := find_date(stamp)):
        found["published"] = date
    return tuple(sorted(found.items()))


def _plain_names(metadata: tuple[tuple[str, Any], ...]) -> tuple[tuple[str, Any], ...]:
    """``metadata`` of a text or markdown document with its writers' names as an HTML
    page's are (:func:`~nkcorpus.cleaning.authornames.without_role`): no job title, desk or
    account's label that the scrape printed after a name (``"Evan Halper Staff Writer"``,
    ``"Sarah Lazare Twitter"``), and no staff credit that names no one (``"Ars Staff"``)."""
    from nkcorpus.cleaning.authornames import without_role

    found = dict(metadata)
    names = found["authors"]
    if not isinstance(names, tuple):
        return metadata
    plain = tuple(dict.fromkeys(n for n in (without_role(name, set()) for name in names) if n))
    if plain == names:
        return metadata
    found["authors"] = plain
    if not plain:
        del found["authors"]
    return tuple(sorted(found.items()))


def _merge_metadata(
    page: tuple[tuple[str, Any], ...], layout: tuple[tuple[str, Any], ...]
) -> tuple[tuple[str, Any], ...]:
    """The page's metadata, with what the layout found added where the page had nothing."""
    merged = dict(page)
    for name, value in layout:
        if name == "captions" and name in merged:
            merged[name] = tuple(dict.fromkeys((*merged[name], *value)))
        else:
            merged.setdefault(name, value)
    return tuple(sorted(merged.items()))


def _repaired(metadata: tuple[tuple[str, Any], ...]) -> tuple[tuple[str, Any], ...]:
    """``metadata`` with its text values (title, names, captions) repaired of mojibake."""
    from nkcorpus.cleaning.mojibake import repair_value

    def repair(value: Any) -> Any:
        if isinstance(value, str):
            return repair_value(value)
        if isinstance(value, tuple) and all(isinstance(v, str) for v in value):
            return tuple(repair_value(v) for v in value)
        return value

    return tuple((name, repair(value)) for name, value in metadata)


def _markdown_first(raw: str) -> bool:
    """Markdown with HTML in it: it has front matter, or starts with text or with an
    inline element (``<span id="root"></span>``, an anchor some writers put first), not
    with a page's or a block's tag."""
    from nkcorpus.cleaning.markdown import looks_like_markdown

    head = raw.lstrip()
    if head[:1] == "<" and not _INLINE_TAG.match(head):
        return False
    return looks_like_markdown(raw)


_INLINE_TAG = re.compile(r"<(?:span|a|img|br|em|strong|b|i|small|sup|sub|abbr)\b", re.IGNORECASE)


def _character_passes(run: _Run, options: CleanOptions) -> None:
    """Line endings, invisible characters, full-width forms and normalization."""
    if options.unify_newlines:
        run.apply("newlines", uni.newline_edits)
    if options.invisible:
        keep = options.mojibake
        run.apply("invisible", lambda t: uni.invisible_edits(t, keep_c1=keep))
    if options.fullwidth != "off":
        which = options.fullwidth
        run.apply("fullwidth", lambda t: uni.fullwidth_edits(t, which), fullwidth=which)
    if options.normalization:
        form, keep_cjk = options.normalization, options.keep_cjk_compatibility
        run.apply(
            form.lower(),
            lambda t: uni.normalization_edits(t, form, keep_cjk),
            keep_cjk_compatibility=keep_cjk,
        )


def _apply_layout(run: _Run, layout: Layout, options: CleanOptions, seconds: float) -> list[Span]:
    """Remove the layout's stretches, record its steps, return caption spans in the new text."""
    counts = dict(layout.counts)
    for group, enabled in (
        ("boilerplate", options.boilerplate),
        ("captions", options.captions),
        ("metadata", options.metadata),
    ):
        if enabled and counts.get(group):
            share = seconds / max(1, sum(1 for v in counts.values() if v))
            run.steps.append(Step(f"clean.{group}", VERSION, {"changes": counts[group]}, share))
    captions = list(layout.captions)
    if not layout.removals:
        return captions
    maps = []
    edits = [Edit(span.start, span.end, "") for span, _rule in _merged(layout.removals)]
    result = apply_edits(run.text, edits)
    run.text, run.offsets = result.text, chain(run.offsets, result.offsets)
    maps.append(result.offsets)
    if options.collapse_whitespace:
        again = apply_edits(run.text, uni.whitespace_edits(run.text))
        if again.changes:
            run.text, run.offsets = again.text, chain(run.offsets, again.offsets)
            maps.append(again.offsets)
    return _moved(captions, maps)


def _moved(spans: list[Span], maps: Iterable[OffsetMap | None]) -> list[Span]:
    """``spans`` carried through the edits behind each of ``maps`` (gone where cut out)."""
    for offsets in maps:
        if offsets is not None:
            ends = [run[3] for run in offsets.runs]
            spans = [s for s in (to_new(offsets, span, ends) for span in spans) if s is not None]
    return spans


def _scrape_article(
    run: _Run,
    raw: str,
    headings: tuple[tuple[Span, int, str], ...],
    captions: list[Span],
    removed: list[Removal],
    options: CleanOptions,
    declared: bool = False,
) -> tuple[list[Span], tuple[str, Span] | None]:
    """Leave out the lines of a markdown scrape that are not its article
    (:func:`~nkcorpus.cleaning.scrapes.read_scrape`); return the captions' new spans and,
    when the article's headline is another heading than the title read so far (a site's
    name in a level-one heading above it), or else another line over the article's stamp
    where that title is none, no title at all, or a Chinese, Japanese or Korean one of a
    name's length (:func:`_stamped_scrape_headline`; not where the front matter
    ``declared`` a title), the headline and its raw span."""
    from nkcorpus.cleaning.scrapes import read_scrape

    reading = read_scrape(raw, run.text)
    rules = dict.fromkeys(reading.not_main, "not-main-content")
    rules.update(dict.fromkeys(reading.copies, "duplicate-paragraph"))
    found = None
    if options.metadata and reading.not_main:
        found = _article_headline(run, raw, headings, reading, removed)
    headline = None
    if found is None and options.metadata and not declared:
        headline = _stamped_scrape_headline(run, raw, rules, removed)
    elif found is not None:
        headline = found[1:]
        for line in found[0]:
            rules.pop(next((s for s in rules if s.start <= line.start < s.end), line), None)
            rules[line] = "title"
        _not_titles(removed, found[2])  # the heading above the headline is the site's
    return _leave_out_lines(run, rules, captions, removed, options), headline


def _stamped_scrape_headline(
    run: _Run, raw: str, rules: dict[Span, str], removed: list[Removal]
) -> tuple[str, Span] | None:
    """The headline of a markdown scrape over its article's stamp
    (:func:`~nkcorpus.cleaning.scrapes.stamped_headline`) and its raw span, its line in
    ``rules`` as the title's, where the title read so far is none, no title at all
    (a table's rule, a menu), or a Chinese, Japanese or Korean one of a name's length (a
    site's: ``"新浪军事"``; an English headline may be as short as a name), or a line that
    is no heading (a menu's, a section's name), where the headline stands above the
    article's first paragraph of prose (not a related story's further down)."""
    from nkcorpus.cleaning.layout import title_like
    from nkcorpus.cleaning.scrapes import shown_text, stamped_headline
    from nkcorpus.cleaning.titles import commented_title

    title = next((r.raw_span for r in removed if r.rule == "title"), None)
    shown = shown_text(raw[title.start : title.end]) if title is not None else ""
    titled = bool(shown) and title_like(shown) and not (_name_sized(shown) and _CJK.search(shown))
    if titled and title is not None and _heading_line(raw, title):
        return None
    line = stamped_headline(raw, shown or None)
    if line is None:
        return None
    if (
        titled
        and (start := _article_start(run, rules)) is not None
        and line.start > start
        # the heading over the comments names the post
        and commented_title(heading := shown_text(raw[line.start : line.end])) == heading
    ):
        return None  # a related story's headline under the article, not the article's
    taken = next(
        (r.raw_span for r in removed if r.rule == "title" and _within(r.raw_span, line)), None
    )
    if taken is None:
        found = _flattened_headline(run, line, rules, removed)
        return (shown_text(found[0]), found[1]) if found is not None else None
    # the layout read that line as the title, and the markdown's own heading (the site's
    # name) stood first: the line is the headline, as it shows without its markup
    _not_titles(removed, taken)
    return shown_text(raw[taken.start : taken.end]), taken


#: A markdown heading's marks on a line (after a tag or a link a converter left before
#: them: ``<span id="top"></span># …``, ``[TECH](/tech) # …``).
_HEADING_ON_LINE = re.compile(r"(?:^|[\s>)])#{1,6}[ \t]")
_MARKS_ALONE = re.compile(r"#{1,6}")


def _heading_line(raw: str, span: Span) -> bool:
    r"""Whether the raw line that holds ``span`` is a markdown heading (a scrape's line of
    text that is no heading, a menu's or a banner's, is weaker evidence of a title), or
    the text of one whose marks stand alone on the line over it (html2text writes a
    heading that opens with a line break so: ``"#"``, a blank line, the headline).

    >>> page = "* [Home](/)\n\n#\n\nFloods hit the north\n\nMenu entry\n"
    >>> [_heading_line(page, Span(page.index(t), page.index(t) + 4)) for t in ("Floods", "Menu")]
    [True, False]
    """
    start = raw.rfind("\n", 0, span.start) + 1
    end = raw.find("\n", span.start)
    if _HEADING_ON_LINE.search(raw[start : end if end >= 0 else len(raw)]) is not None:
        return True
    above = raw[:start].rstrip().rpartition("\n")[2]
    return _MARKS_ALONE.fullmatch(above.strip()) is not None


def _article_start(run: _Run, rules: dict[Span, str]) -> int | None:
    """The raw offset of the first line of ``run``'s text that is a paragraph of prose
    (:func:`~nkcorpus.cleaning.scrapes.prose_line`) and stays in the article (no line of
    ``rules``); ``None`` where there is none."""
    from nkcorpus.cleaning.scrapes import prose_line

    gone = sorted(rules)
    starts = [span.start for span in gone]
    position = 0
    for text_line in run.text.splitlines(keepends=True):
        where = Span(position, position + len(text_line))
        position = where.end
        before = bisect.bisect_right(starts, where.start) - 1
        if before >= 0 and where.start < gone[before].end:
            continue  # a line left out
        if prose_line(text_line.strip()):
            return run.offsets.to_raw(where).start
    return None


def _not_titles(removed: list[Removal], kept: Span | None = None) -> None:
    """Relabel the removals taken as the title, but for those inside the raw span ``kept``
    (the headline's), as what they were: lines of the page's furniture."""
    for index, removal in enumerate(removed):
        if removal.rule == "title" and (kept is None or not _within(removal.raw_span, kept)):
            removed[index] = attrs.evolve(removal, rule="not-main-content")


def _leave_out_lines(
    run: _Run,
    rules: dict[Span, str],
    captions: list[Span],
    removed: list[Removal],
    options: CleanOptions,
) -> list[Span]:
    """Take the lines ``rules`` names (each with its line break) out of the text, each a
    :class:`Removal` with its rule; return the captions' new spans (as they were where
    ``rules`` names none: the text is left as it is, with no step)."""
    if not rules:
        return captions
    spans = sorted(rules, key=lambda span: span.start)
    for span in spans:  # the line without its line break, in the raw text
        end = span.end - (run.text[span.end - 1] == "\n")
        removed.append(Removal(run.offsets.to_raw(Span(span.start, end)), rules[span]))
    maps = [run.apply("main-content", lambda _text: [Edit(s.start, s.end, "") for s in spans])]
    if options.collapse_whitespace:
        maps.append(run.apply("whitespace", uni.whitespace_edits))
    return _moved(captions, maps)


def _flattened_article(
    run: _Run,
    captions: list[Span],
    removed: list[Removal],
    options: CleanOptions,
    title: str | None = None,
) -> tuple[list[Span], tuple[str, Span] | None]:
    """Leave out the runs of lines of a page flattened to plain text that are not its
    article (:func:`~nkcorpus.cleaning.scrapes.read_scrape`); return the captions' new
    spans and, when the headline found by the article's stamp
    (:func:`~nkcorpus.cleaning.scrapes.stamped_headline`: anywhere in a whole page
    flattened, above the first paragraph of prose in another text) is another line than the title
    read so far (``title``: a site's name, a menu's line), the headline and its raw span."""
    from nkcorpus.cleaning.scrapes import read_scrape, stamped_headline

    reading = read_scrape(run.raw, run.text, plain=True)
    rules = dict.fromkeys(reading.not_main, "not-main-content")
    rules.update(dict.fromkeys(reading.copies, "duplicate-paragraph"))
    found = None
    if options.metadata:
        # a text that is no whole page flattened: its stamp is in its header, above its
        # prose (a date further down is a letter's or a testimony's)
        found = stamped_headline(run.raw, title, header=not reading.whole)
    headline = _flattened_headline(run, found, rules, removed) if found is not None else None
    return _leave_out_lines(run, rules, captions, removed, options), headline


def _flattened_headline(
    run: _Run, line: Span, rules: dict[Span, str], removed: list[Removal]
) -> tuple[str, Span] | None:
    """The headline on the raw ``line`` of a flattened page (or a markdown scrape), as the
    cleaned text shows it, and its raw span; ``None`` when it is the title read already.
    Its line in the cleaned text is to leave as the title (``rules``), and a title read
    before it is relabeled as what it was, a line of the page's furniture."""
    raw = run.raw[line.start : line.end]
    start = line.start + len(raw) - len(raw.lstrip())
    span = Span(start, start + len(raw.strip()))
    if any(r.rule == "title" and line.start <= r.raw_span.start < line.end for r in removed):
        return None  # the layout read it as the title
    position, shown = 0, None
    for text_line in run.text.splitlines(keepends=True):
        where = Span(position, position + len(text_line))
        position = where.end
        if text_line.strip() and _within(run.offsets.to_raw(where), Span(line.start, line.end)):
            shown = (where, text_line.strip())
            break
    _not_titles(removed)
    if shown is None:  # left out of the text already, for another reason
        return " ".join(raw.split()), span
    rules.pop(next((s for s in rules if s.start <= shown[0].start < s.end), shown[0]), None)
    rules[shown[0]] = "title"
    return shown[1], span


def _within(inner: Span, outer: Span) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end


#: A title of at most this many words (and twice as many CJK characters) may be a
#: site's name rather than the article's headline.
NAME_WORDS = 4
_CJK = re.compile(f"[{CJK_CHARS}]")
_WORD = re.compile(r"[^\W_]")


def _words(text: str) -> int:
    """How many words with letters or digits ``text`` has (a ``#`` or ``&`` is none)."""
    return sum(1 for word in text.split() if _WORD.search(word))


def _name_sized(title: str) -> bool:
    """Whether a heading is no longer than a name (:data:`NAME_WORDS`)."""
    return _words(title) <= NAME_WORDS and len(_CJK.findall(title)) <= 2 * NAME_WORDS


def _article_headline(
    run: _Run,
    raw: str,
    headings: tuple[tuple[Span, int, str], ...],
    reading: ScrapeReading,
    removed: list[Removal],
) -> tuple[list[Span], str, Span] | None:
    """The lines of the cleaned text that are the article's headline (none when another
    rule took them as the title already), its text and its raw span, when
    another heading than the title read so far is: a site's name heads the page, the
    article's own headline comes later. It is the last level-one heading of a headline's
    size between that title and the article's first paragraph of prose; else, when the
    title is missing, below that paragraph or no longer than a name
    (:data:`NAME_WORDS`), the last heading of any level right over the article's stamp
    above the paragraph (:func:`~nkcorpus.cleaning.scrapes.stamped_heading`), or the last
    level-two heading above the paragraph, if page furniture (menus) stands between it and
    the title (or the top of the page) and it is no furniture itself (a panel's heading
    written with its buttons' labels: :func:`~nkcorpus.cleaning.layout.furniture_line`)."""
    from nkcorpus.cleaning.scrapes import shown_text, stamped_heading

    if reading.prose is None:
        return None
    above = run.offsets.to_raw(Span(reading.prose, reading.prose)).start
    title = next((r.raw_span for r in removed if r.rule == "title"), None)
    if title is not None and title.start >= above:
        title = None  # a heading below the article's start (a related story's) is no title
    after = title.end if title is not None else 0
    between = [h for h in headings if after <= h[0].start < above]
    ones = [h for h in between if h[1] == 1]
    chosen = ones[-1] if ones and headline_sized(ones[-1][2]) else None
    if title is not None:  # the title's words, without the markup of its heading
        words = raw[title.start : title.end]
        words = next((h[2] for h in headings if _within(title, h[0])), words)
        if not _name_sized(words):  # a headline's length: the article's own, unless a
            between = []  # level-one heading follows
    if chosen is None and between:
        # a heading of another level right over the article's stamp, below the title
        stamped = stamped_heading(raw, after, above)
        if stamped is not None:
            chosen = (stamped, 0, shown_text(raw[stamped.start : stamped.end]))
        elif headline_sized(between[-1][2]) and not furniture_line(between[-1][2]):
            # the last level-two heading, not a panel's ("Comments Close comments menu"),
            # with page furniture between it and the title
            furniture = [run.offsets.to_raw(span) for span in reading.not_main]
            last = between[-1][0]
            if any(after <= span.start and span.end <= last.start for span in furniture):
                chosen = between[-1]
    if chosen is None:
        return None
    heading, _level, text = chosen
    if any(r.rule == "title" and _within(r.raw_span, heading) for r in removed):
        return [], text, heading  # the layout took the heading's line as the title
    lines: list[Span] = []
    start = 0
    for line in run.text[: reading.prose].splitlines(keepends=True):
        span = Span(start, start + len(line))
        start = span.end
        if not line.strip():
            continue
        shown = run.offsets.to_raw(Span(span.start, span.start + len(line.rstrip("\n"))))
        if _within(shown, heading):
            lines.append(span)
    if not lines:
        return None  # another rule took the heading's lines
    return lines, " ".join(run.text[line.start : line.end].strip() for line in lines), heading


def _merged(removals: Iterable[tuple[Span, str]]) -> list[tuple[Span, str]]:
    """Sorted removals with overlaps joined (a block rule may cover a line another rule named)."""
    out: list[tuple[Span, str]] = []
    for span, rule in sorted(removals, key=lambda item: (item[0].start, -item[0].end)):
        if out and span.start < out[-1][0].end:
            last, last_rule = out[-1]
            out[-1] = (Span(last.start, max(last.end, span.end)), last_rule)
            continue
        out.append((span, rule))
    return out
