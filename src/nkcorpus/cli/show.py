"""``nkcorpus show``: a readable table of the documents in a JSONL file."""

from __future__ import annotations

import argparse
import sys
from typing import Any

__all__ = ["format_document", "register", "run"]


def register(subparsers: Any) -> None:
    """Add the ``show`` subcommand."""
    parser = subparsers.add_parser(
        "show",
        help="print a readable summary of each document in a JSONL file",
        description="Print one block per document of a JSONL file written by 'nkcorpus process'.",
    )
    parser.add_argument("path", metavar="FILE", help="JSONL file, or - for standard input")
    parser.add_argument(
        "-n", "--limit", type=int, default=20, metavar="N", help="show at most N documents (20)"
    )
    parser.set_defaults(handler=run)


def _short(text: str | None, width: int = 70) -> str:
    if not text:
        return "-"
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def format_document(document: Any) -> str:
    """Return a few lines describing one document."""
    meta = document.metadata
    lines = [
        f"{document.id}  {document.status:<6}  {document.language or '-':<8}  "
        f"{document.source or '-'}"
    ]
    if document.failure is not None:
        failure = document.failure
        lines.append(f"    failed in {failure.stage}: {failure.error_type}: {failure.message}")
        return "\n".join(lines)
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
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    """Run ``nkcorpus show``; return the exit status."""
    from itertools import islice

    from nkcorpus.serialization import read_jsonl

    source = sys.stdin if args.path == "-" else args.path
    for document in islice(read_jsonl(source), args.limit):
        print(format_document(document))
    return 0
