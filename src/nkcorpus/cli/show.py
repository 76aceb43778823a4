"""``nkcorpus show``: the documents of an output file, in the terminal or as an HTML page.

In the terminal each document is a block of labelled fields (in colour when
standard output is a terminal, plain text otherwise). With ``--html FILE`` the
documents go to one self-contained HTML page instead (:mod:`nkcorpus.views.document`).
The file may be JSON Lines or Parquet; anything else gives a clear error.
"""

from __future__ import annotations

import argparse
import sys
from itertools import islice
from typing import Any

__all__ = ["format_document", "register", "run"]

_TERMINAL_LIMIT = 20


def register(subparsers: Any) -> None:
    """Add the ``show`` subcommand."""
    parser = subparsers.add_parser(
        "show",
        help="show the documents of an output file, in the terminal or as HTML",
        description=(
            "Show the documents of a JSON Lines or Parquet file written by 'nkcorpus process': "
            "labelled fields in the terminal (in colour on a terminal), or with --html one "
            "self-contained HTML page with entities highlighted, passages marked by language, "
            "what cleaning removed and translations beside their source."
        ),
    )
    parser.add_argument(
        "path", metavar="FILE", help="JSONL or Parquet output, or - for standard input"
    )
    parser.add_argument(
        "-n",
        "--limit",
        type=int,
        default=None,
        metavar="N",
        help=f"show at most N documents (default {_TERMINAL_LIMIT}; all with --html)",
    )
    parser.add_argument("--html", metavar="OUT", help="write an HTML page to OUT instead")
    parser.set_defaults(handler=run)


def _short(text: str | None, width: int = 70) -> str:
    if not text:
        return "-"
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def format_document(document: Any) -> str:
    """Return a few plain lines describing one document (no colour, no markup)."""
    from nkcorpus.views.terminal import safe

    meta = document.metadata
    lines = [
        f"{document.id}  {document.status:<6}  {document.language or '-':<8}  "
        f"{document.source or '-'}"
    ]
    if document.failure is not None:
        failure = document.failure
        lines.append(f"    failed in {failure.stage}: {failure.error_type}: {failure.message}")
        return safe("\n".join(lines))
    lines.append(f"    title      {_short(meta.title)}")
    if meta.authors or meta.published or meta.outlet:
        lines.append(
            f"    by         {', '.join(meta.authors) or '-'}; {meta.published or '-'}; "
            f"{meta.outlet or '-'}"
        )
    languages = sorted({segment.language for segment in document.segments})
    lines.append(
        f"    text       {len(document.text)} chars from {len(document.raw)} raw; "
        f"{len(document.removed)} removals; segments {', '.join(languages) or '-'}"
    )
    if document.entities:
        names = []
        for entity in document.entities:
            name = f"{entity.text} ({entity.label})"
            if name not in names:
                names.append(name)
        lines.append(f"    entities   {_short('; '.join(names), 200)}")
    for translation in document.translations:
        lines.append(f"    {translation.target_language:<10} {_short(translation.text)}")
    return safe("\n".join(lines))


def run(args: argparse.Namespace) -> int:
    """Run ``nkcorpus show``; return the exit status."""
    from nkcorpus.views.inputs import read_output

    documents = read_output(args.path)
    if args.html:
        from nkcorpus.corpus.atomic import atomic_write
        from nkcorpus.views.document import iter_documents_page

        if args.limit is not None:
            documents = islice(documents, args.limit)
        name = "standard input" if args.path == "-" else args.path
        with atomic_write(args.html) as handle:
            for chunk in iter_documents_page(documents, title=f"nkcorpus: {name}"):
                handle.write(chunk.encode("utf-8"))
        print(f"nkcorpus: wrote {args.html}", file=sys.stderr)
        return 0

    from rich.console import Console
    from rich.rule import Rule
    from rich.text import Text

    from nkcorpus.views.terminal import document_renderable, safe

    console = Console(highlight=False, soft_wrap=False)
    limit = _TERMINAL_LIMIT if args.limit is None else args.limit
    for number, document in enumerate(islice(documents, limit), start=1):
        title = safe(document.metadata.title or document.source or document.id)
        heading = f"{number}. {title}" if len(title) < 100 else f"{number}. {title[:99]}…"
        console.print(Rule(Text(heading, style="bold"), align="left", style="dim"))
        console.print(document_renderable(document))
    return 0
