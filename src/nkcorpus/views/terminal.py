"""A document in the terminal: labelled fields, entities in colour when it is a terminal.

:func:`document_renderable` builds a rich renderable of one document; rich
prints it in colour on a terminal and as plain text into a pipe or file.
Corpus text is never read as rich markup, and terminal control characters in
it (such as escape sequences from a scraped page) are shown as U+FFFD, so a
document cannot restyle or take over the terminal.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from nkcorpus.document import Document

__all__ = ["EXCERPT_CHARACTERS", "document_renderable", "safe"]

#: Characters of clean text shown per document.
EXCERPT_CHARACTERS = 600

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_LABEL_STYLES = {
    "PER": "bold magenta",
    "ORG": "bold cyan",
    "GPE": "bold green",
    "LOC": "bold yellow",
}
_LANGUAGE_STYLES = {"en": "blue", "ko": "green", "zh": "dark_orange"}


def safe(text: object) -> str:
    """Return ``text`` with terminal control characters replaced (newlines and tabs kept).

    >>> safe("ok\\x1b[2Jgone")
    'ok\\ufffd[2Jgone'
    """
    return _CONTROL.sub("\ufffd", "" if text is None else str(text))


def _excerpt(document: Document, limit: int) -> Any:
    from rich.text import Text

    text = document.text[:limit]
    excerpt = Text(safe(text))
    for entity in document.entities:
        if entity.span.end <= len(text):
            excerpt.stylize(
                _LABEL_STYLES.get(entity.label, "bold"), entity.span.start, entity.span.end
            )
    if len(document.text) > limit:
        excerpt.append(f" … ({len(document.text) - limit:,} more characters)", style="dim")
    return excerpt


def document_renderable(document: Document, *, excerpt: int = EXCERPT_CHARACTERS) -> Any:
    """Return one document as a rich renderable of labelled fields."""
    from rich.table import Table
    from rich.text import Text

    meta = document.metadata
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(overflow="fold")

    def add(label: str, value: object, style: str = "") -> None:
        if value not in (None, "", ()):
            grid.add_row(label, Text(safe(value), style=style))

    status_style = "bold green" if document.ok else "bold red"
    add("id", document.id, "dim")
    add("status", document.status, status_style)
    add("source", document.source)
    add("language", document.language, _LANGUAGE_STYLES.get((document.language or "")[:2], ""))
    add("title", meta.title, "bold")
    add("subtitle", meta.subtitle)
    add("authors", ", ".join(meta.authors))
    add("published", meta.published)
    add("outlet", meta.outlet)
    add("translator", meta.translator)
    if document.failure is not None:
        failure = document.failure
        add("failure", f"{failure.stage}: {failure.error_type}: {failure.message}", "red")
    if document.ok:
        add("characters", f"{len(document.text):,} clean from {len(document.raw):,} raw")
    segments = Counter(segment.language for segment in document.segments)
    add("segments", ", ".join(f"{lang} {n}" for lang, n in segments.most_common()))
    removed = Counter(removal.rule for removal in document.removed)
    add("removed", ", ".join(f"{rule} {n}" for rule, n in removed.most_common()))
    if document.entities:
        names: Counter[tuple[str, str, str]] = Counter(
            (e.text, e.label, e.canonical_id or "-") for e in document.entities
        )
        line = Text()
        for i, ((text, label, canonical), count) in enumerate(names.most_common(12)):
            if i:
                line.append("; ")
            line.append(safe(text), style=_LABEL_STYLES.get(label, "bold"))
            line.append(safe(f" {label} {canonical}" + (f" ×{count}" if count > 1 else "")), "dim")
        if len(names) > 12:
            line.append(f"; and {len(names) - 12} more", style="dim")
        grid.add_row("entities", line)
    for translation in document.translations:
        add(f"→ {safe(translation.target_language)}", translation.text[:excerpt])
    if document.text:
        grid.add_row("text", _excerpt(document, excerpt))
    return grid
