"""``nkcorpus report``: one self-contained HTML report of an output file.

The report (:mod:`nkcorpus.views.report`) reads the file once and needs
nothing from the network to open: its charts' JavaScript is inside the file.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

__all__ = ["register", "run"]


def register(subparsers: Any) -> None:
    """Add the ``report`` subcommand."""
    parser = subparsers.add_parser(
        "report",
        help="write a self-contained HTML report of an output file",
        description=(
            "Write one self-contained HTML file about a JSON Lines or Parquet output of "
            "'nkcorpus process': documents by language, source, outlet and month; the top "
            "entities and their mentions over time; which entities appear together; failures "
            "by stage and error; the settings and versions of the run. The file loads nothing "
            "from the network."
        ),
    )
    parser.add_argument(
        "path", metavar="FILE", help="JSONL or Parquet output of 'nkcorpus process'"
    )
    parser.add_argument(
        "-o", "--output", metavar="OUT", help="the HTML file to write (default: FILE.report.html)"
    )
    parser.add_argument("--title", help="the report's title (default: from the file name)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Run ``nkcorpus report``; return the exit status."""
    from nkcorpus.corpus.atomic import atomic_write
    from nkcorpus.views.figures import CorpusStats
    from nkcorpus.views.report import find_run_files, report_html

    source = Path(args.path)
    output = Path(args.output) if args.output else source.with_name(source.name + ".report.html")
    stats = CorpusStats.from_path(source)
    text = report_html(
        stats,
        title=args.title or f"nkcorpus report: {source.name}",
        run_files=find_run_files(source),
    )
    with atomic_write(output) as handle:
        handle.write(text.encode("utf-8"))
    print(f"nkcorpus: {stats.documents:,} documents; wrote {output}", file=sys.stderr)
    return 0
