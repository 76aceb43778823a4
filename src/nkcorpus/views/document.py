"""A document as HTML: metadata, highlighted text, removals, translations, failure.

:func:`document_html` returns one document as an HTML fragment (what
``Document._repr_html_`` shows in a notebook); :func:`documents_page` returns a
whole page for many documents (what ``nkcorpus show FILE --html view.html``
writes). Neither runs a script: the toggles are ``<details>`` elements.

What a document view shows:

* the metadata with labels (title, authors, date, outlet, source, ...);
* the clean text, each passage tinted by its language and tagged with a
  ``lang`` attribute, each entity mention highlighted by type with its label;
  hovering a mention gives its canonical id, the backend that found it and its
  score, and a table lists every entity with a link to Wikidata when its id is
  a QID;
* a long text as a preview with the rest behind a toggle;
* what cleaning removed, behind a toggle: each removed span in its context with
  the rule that removed it;
* each translation beside its source, passage by passage;
* the failure, when a stage failed.

>>> import nkcorpus
>>> from nkcorpus.views import document_html
>>> doc = nkcorpus.process("Kim Jong Un met <b>officials</b> in Pyongyang.",
...                        config=nkcorpus.Config(ner="gazetteer"))
>>> html = document_html(doc)
>>> 'data-canonical="kim-jong-un"' in html, "<b>" in html
(True, False)
"""

from __future__ import annotations

import bisect
import itertools
import json
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Any

from nkcorpus.document import Document, Entity, Segment, Translation
from nkcorpus.views.style import CSS, PAGE_TAIL, esc, language_colour, page_head, wikidata_url

__all__ = ["PREVIEW_CHARACTERS", "document_html", "documents_page", "iter_documents_page"]

#: Characters of clean text shown before the rest is put behind a toggle.
PREVIEW_CHARACTERS = 20_000
_MAX_REMOVALS = 400
_MAX_ENTITY_ROWS = 300
_MAX_ALIGNMENT_ROWS = 400
_CONTEXT = 40
_MAX_REMOVED_SHOWN = 400


def _lang(code: str | None) -> str:
    """Return a safe ``lang`` attribute value (BCP 47 letters, digits and hyphens)."""
    if not code:
        return "und"
    cleaned = "".join(ch for ch in code if ch.isascii() and (ch.isalnum() or ch == "-"))
    return cleaned or "und"


def _base(code: str | None) -> str:
    return _lang(code).split("-")[0].lower()


def _segments(document: Document) -> list[Segment]:
    """Non-overlapping segments in text order, sentence level preferred over paragraphs."""
    length = len(document.text)
    ordered = sorted(
        (s for s in document.segments if s.span.end <= length and len(s.span)),
        key=lambda s: (s.level != "sentence", s.span.start),
    )
    starts: list[int] = []
    kept: list[Segment] = []
    for segment in ordered:
        i = bisect.bisect_right(starts, segment.span.start)
        if i and kept[i - 1].span.end > segment.span.start:
            continue
        if i < len(kept) and kept[i].span.start < segment.span.end:
            continue
        starts.insert(i, segment.span.start)
        kept.insert(i, segment)
    return kept


def _entities(document: Document) -> list[Entity]:
    """Entities in text order without overlaps (the first of two overlapping ones wins)."""
    length = len(document.text)
    kept: list[Entity] = []
    for entity in sorted(document.entities, key=lambda e: (e.span.start, -e.span.end)):
        if entity.span.end > length or not len(entity.span):
            continue
        if kept and entity.span.start < kept[-1].span.end:
            continue
        kept.append(entity)
    return kept


def _entity_title(entity: Entity) -> str:
    score = "no score" if entity.score is None else f"score {entity.score:.2f}"
    return (
        f"{entity.label} · {entity.canonical_id or 'no canonical id'} · {entity.source} · {score}"
    )


def _entity_info(entity: Entity) -> str:
    score = "" if entity.score is None else f" {entity.score:.2f}"
    return f"{entity.canonical_id or '?'} · {entity.source}{score}"


def _split_point(document: Document, entities: list[Entity], preview: int) -> int | None:
    """Where the preview ends: at or after ``preview``, never inside an entity."""
    text = document.text
    if len(text) <= preview * 1.25:
        return None
    point = preview
    newline = text.find("\n", point, point + 2000)
    if newline != -1:
        point = newline
    i = bisect.bisect_right([e.span.start for e in entities], point) - 1
    if i >= 0 and entities[i].span.end > point:
        point = entities[i].span.end
    return point if point < len(text) else None


def _text_html(document: Document, preview: int) -> str:
    """The clean text with language passages and entity mentions marked."""
    text = document.text
    segments = _segments(document)
    entities = _entities(document)
    split = _split_point(document, entities, preview)
    cuts = {0, len(text)}
    for passage in segments:
        cuts.update((passage.span.start, passage.span.end))
    for mention in entities:
        cuts.update((mention.span.start, mention.span.end))
    if split is not None:
        cuts.add(split)
    points = sorted(cuts)
    out: list[str] = ['<div class="text" lang="', _lang(document.language), '">']
    si = ei = 0
    open_segment: Segment | None = None
    for start, end in itertools.pairwise(points):
        if start == split:
            if open_segment is not None:
                out.append("</span>")
            out.append(
                f'</div><details class="more"><summary>Show the remaining '
                f"{len(text) - split:,} characters</summary>"
                f'<div class="text" lang="{_lang(document.language)}">'
            )
            if open_segment is not None:
                out.append(_open_segment(open_segment))
        while si < len(segments) and segments[si].span.end <= start:
            si += 1
        segment = segments[si] if si < len(segments) and segments[si].span.start <= start else None
        if segment is not open_segment:
            if open_segment is not None:
                out.append("</span>")
            if segment is not None:
                out.append(_open_segment(segment))
            open_segment = segment
        while ei < len(entities) and entities[ei].span.end <= start:
            ei += 1
        entity = entities[ei] if ei < len(entities) and entities[ei].span.start <= start else None
        piece = esc(text[start:end])
        if entity is None:
            out.append(piece)
            continue
        out.append(
            f'<mark class="ent" data-label="{esc(entity.label)}" '
            f'data-canonical="{esc(entity.canonical_id or "")}" '
            f'data-backend="{esc(entity.source)}" data-info="{esc(_entity_info(entity))}" '
            f'title="{esc(_entity_title(entity))}">{piece}'
        )
        if end == entity.span.end:
            out.append(f"<sub>{esc(entity.label)}</sub>")
        out.append("</mark>")
    if open_segment is not None:
        out.append("</span>")
    out.append("</div>")
    if split is not None:
        out.append("</details>")
    return "".join(out)


def _open_segment(segment: Segment) -> str:
    return (
        f'<span class="seg" lang="{_lang(segment.language)}" data-lang="{_base(segment.language)}" '
        f'title="{esc(segment.language)} ({segment.confidence:.2f}, {esc(segment.level)})">'
    )


def _meta_html(document: Document) -> str:
    meta = document.metadata
    rows: list[tuple[str, str]] = []

    def add(label: str, value: object) -> None:
        if value not in (None, "", ()):
            rows.append((label, esc(value)))

    add("Subtitle", meta.subtitle)
    add("Authors", ", ".join(meta.authors))
    add("Translator", meta.translator)
    add("Published", meta.published)
    add("Outlet", meta.outlet)
    add("Emails", ", ".join(meta.emails))
    add("Source", document.source)
    rows.append(("Document id", f"<code>{esc(document.id)}</code>"))
    rows.append(
        ("Status", f'<span class="status-{esc(document.status)}">{esc(document.status)}</span>')
    )
    add("Language", document.language)
    if meta.encoding:
        confidence = (
            "" if meta.encoding_confidence is None else f" ({meta.encoding_confidence:.2f})"
        )
        add("Encoding", f"{meta.encoding}{confidence}")
    rows.append(("Characters", f"{len(document.text):,} clean from {len(document.raw):,} raw"))
    for caption in meta.captions:
        add("Caption", caption)
    for key, value in meta.extra:
        add(key, value if isinstance(value, str) else json.dumps(value, ensure_ascii=False))
    body = "".join(f"<dt>{label}</dt><dd>{value}</dd>" for label, value in rows)
    return f'<dl class="meta">{body}</dl>'


def _legend_html(document: Document) -> str:
    languages = sorted({_lang(s.language) for s in document.segments})
    labels = sorted({e.label for e in document.entities})
    if not languages and not labels:
        return ""
    parts = ['<div class="legend">']
    if languages:
        parts.append("Passages: ")
    for language in languages:
        background, border = language_colour(language)
        parts.append(
            f'<span class="lang-key" data-lang="{_base(language)}" lang="{language}" '
            f'style="background:{background};border-color:{border}">{esc(language)}</span>'
        )
    if labels:
        parts.append(" Entities: ")
    for label in labels:
        parts.append(f'<span class="ent-key" data-label="{esc(label)}">{esc(label)}</span>')
    parts.append("</div>")
    return "".join(parts)


def _entity_table(document: Document) -> str:
    groups: dict[tuple[str, str], dict[str, Any]] = {}
    for mention in document.entities:
        key = (mention.canonical_id or f"text:{mention.text}", mention.label)
        group = groups.setdefault(
            key, {"entity": mention, "forms": Counter(), "backends": set(), "scores": []}
        )
        group["forms"][mention.text] += 1
        group["backends"].add(mention.source)
        if mention.score is not None:
            group["scores"].append(mention.score)
    if not groups:
        return ""
    ranked = sorted(groups.values(), key=lambda g: -sum(g["forms"].values()))
    rows = []
    for group in ranked[:_MAX_ENTITY_ROWS]:
        entity: Entity = group["entity"]
        canonical = entity.canonical_id
        url = wikidata_url(canonical)
        if url:
            id_cell = (
                f'<a class="qid" href="{esc(url)}" rel="noopener noreferrer">{esc(canonical)}</a>'
            )
        else:
            id_cell = (
                f"<code>{esc(canonical)}</code>" if canonical else '<span class="muted">none</span>'
            )
        scores = group["scores"]
        score = (
            f"{min(scores):.2f}–{max(scores):.2f}"
            if len(scores) > 1 and min(scores) != max(scores)
            else f"{scores[0]:.2f}"
            if scores
            else "–"
        )
        forms = ", ".join(esc(form) for form, _ in group["forms"].most_common(5))
        label, backends = esc(entity.label), esc(", ".join(sorted(group["backends"])))
        rows.append(
            f'<tr class="entity-row" data-canonical="{esc(canonical or "")}">'
            f'<td><span class="ent-key" data-label="{label}">{label}</span></td>'
            f"<td>{forms}</td><td>{id_cell}</td><td>{backends}</td>"
            f"<td>{score}</td><td>{sum(group['forms'].values())}</td></tr>"
        )
    more = len(ranked) - _MAX_ENTITY_ROWS
    note = f'<p class="muted">and {more:,} more entities</p>' if more > 0 else ""
    return (
        f"<details open><summary>Entities ({len(document.entities):,} mentions of "
        f'{len(groups):,})</summary><table class="entities"><tr><th>Type</th><th>As written</th>'
        "<th>Canonical id</th><th>Found by</th><th>Score</th><th>Mentions</th></tr>"
        f"{''.join(rows)}</table>{note}</details>"
    )


def _clip(text: str, limit: int) -> str:
    if len(text) <= limit:
        return esc(text)
    return (
        f'{esc(text[:limit])}<span class="muted"> … ({len(text) - limit:,} more characters)</span>'
    )


def _removals_html(document: Document) -> str:
    removals = sorted(document.removed, key=lambda r: r.raw_span.start)
    if not removals:
        return ""
    raw = document.raw
    counts = Counter(r.rule for r in removals)
    summary = ", ".join(f"{esc(rule)} {count}" for rule, count in counts.most_common())
    items = []
    for removal in removals[:_MAX_REMOVALS]:
        span = removal.raw_span
        before = raw[max(0, span.start - _CONTEXT) : span.start]
        after = raw[span.end : span.end + _CONTEXT]
        items.append(
            f'<li data-rule="{esc(removal.rule)}"><span class="rule">{esc(removal.rule)}</span>'
            f'<span class="ctx">{esc(before)}</span>'
            f"<del>{_clip(raw[span.start : span.end], _MAX_REMOVED_SHOWN)}</del>"
            f'<span class="ctx">{esc(after)}</span></li>'
        )
    more = len(removals) - _MAX_REMOVALS
    note = f'<p class="muted">and {more:,} more removals</p>' if more > 0 else ""
    return (
        f'<details class="removals"><summary>Removed by cleaning: {len(removals):,} '
        f"span{'' if len(removals) == 1 else 's'} "
        f"({summary})</summary>"
        f'<ol class="removed" lang="{_lang(document.language)}">{"".join(items)}</ol>'
        f"{note}</details>"
    )


def _translation_html(document: Document, translation: Translation, preview: int) -> str:
    source_lang = _lang(document.language)
    target_lang = _lang(translation.target_language)
    title = (
        f"Translation into {esc(translation.target_language)}"
        f" from {esc(', '.join(translation.source_languages) or document.language or '?')}"
        f"{f' ({esc(translation.model)})' if translation.model else ''}"
    )
    head = f"<tr><th>Source</th><th>Translation ({esc(target_lang)})</th></tr>"
    rows = []
    alignments = sorted(translation.alignments, key=lambda a: a.source.start)
    if alignments:
        segments = _segments(document)
        starts = [segment.span.start for segment in segments]
        for alignment in alignments[:_MAX_ALIGNMENT_ROWS]:
            i = bisect.bisect_right(starts, alignment.source.start) - 1
            inside = i >= 0 and segments[i].span.end > alignment.source.start
            lang = _lang(segments[i].language) if inside else source_lang
            source = _clip(alignment.source.of(document.text), preview)
            target = _clip(alignment.target.of(translation.text), preview)
            rows.append(
                f'<tr class="aligned"><td lang="{lang}">{source}</td>'
                f'<td lang="{target_lang}">{target}</td></tr>'
            )
    else:
        rows.append(
            f'<tr><td lang="{source_lang}">{_clip(document.text, preview)}</td>'
            f'<td lang="{target_lang}">{_clip(translation.text, preview)}</td></tr>'
        )
    more = len(alignments) - _MAX_ALIGNMENT_ROWS
    note = f'<p class="muted">and {more:,} more aligned passages</p>' if more > 0 else ""
    opened = " open" if len(alignments) <= 40 else ""
    return (
        f'<details class="translation"{opened}><summary>{title}</summary>'
        f'<table class="align">{head}{"".join(rows)}</table>{note}</details>'
    )


def _steps_html(document: Document) -> str:
    if not document.steps:
        return ""
    rows = "".join(
        f"<tr><td><code>{esc(step.name)}</code></td><td>{esc(step.version)}</td>"
        f"<td><code>{esc(json.dumps(dict(step.parameters), ensure_ascii=False))}</code></td>"
        f"<td>{step.seconds * 1000:.1f} ms</td></tr>"
        for step in document.steps
    )
    return (
        f"<details><summary>Steps ({len(document.steps)})</summary><table><tr><th>Step</th>"
        f"<th>Version</th><th>Settings</th><th>Time</th></tr>{rows}</table></details>"
    )


def document_html(
    document: Document, *, preview: int = PREVIEW_CHARACTERS, style: bool = True
) -> str:
    """Return one document as an HTML fragment.

    Args:
        document: the document to show.
        preview: characters of clean text shown at first; the rest (of a longer
            text) is behind a toggle.
        style: include the style sheet (needed unless the page already has it,
            as :func:`documents_page` does).
    """
    title = document.metadata.title or document.source or document.id
    parts = [f"<style>{CSS}</style>" if style else "", '<div class="nk">' if style else ""]
    parts.append(
        f'<article class="doc" id="doc-{esc(document.id)}" data-status="{esc(document.status)}">'
        f'<h2 lang="{_lang(document.language)}">{esc(title)}</h2>'
    )
    parts.append(_meta_html(document))
    if document.failure is not None:
        failure = document.failure
        parts.append(
            f'<div class="failure" role="alert"><strong>Failed in {esc(failure.stage)}: '
            f"{esc(failure.error_type)}</strong>\n{esc(failure.message)}</div>"
        )
    parts.append(_legend_html(document))
    if document.text:
        if document.entities:
            parts.append(
                '<label class="ids-toggle"><input type="checkbox" class="show-ids"> '
                "show each entity's id, backend and score in the text</label>"
            )
        parts.append(_text_html(document, preview))
    parts.append(_entity_table(document))
    for translation in document.translations:
        parts.append(_translation_html(document, translation, preview))
    parts.append(_removals_html(document))
    parts.append(_steps_html(document))
    parts.append("</article>")
    if style:
        parts.append("</div>")
    return "".join(parts)


def iter_documents_page(
    documents: Iterable[Document],
    *,
    title: str = "nkcorpus documents",
    preview: int = PREVIEW_CHARACTERS,
) -> Iterator[str]:
    """Yield a self-contained HTML page that shows each document in turn, piece by piece.

    One document is in memory at a time, so a page of any length can be
    written as it is made. The page runs no scripts.
    """
    yield page_head(title)
    yield f"<h1>{esc(title)}</h1>"
    count = 0
    for document in documents:
        yield document_html(document, preview=preview, style=False)
        count += 1
    yield f'<p class="muted">{count:,} documents</p>{PAGE_TAIL}'


def documents_page(
    documents: Iterable[Document],
    *,
    title: str = "nkcorpus documents",
    preview: int = PREVIEW_CHARACTERS,
) -> str:
    """Return :func:`iter_documents_page` as one string."""
    return "".join(iter_documents_page(documents, title=title, preview=preview))
