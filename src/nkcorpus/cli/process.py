"""``nkcorpus process``: run the pipeline over files, directories or standard input."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from nkcorpus.config import NER_BACKENDS, TRANSLATION_TARGETS, Config

__all__ = ["config_from_args", "register", "run"]


def register(subparsers: Any) -> None:
    """Add the ``process`` subcommand."""
    parser = subparsers.add_parser(
        "process",
        help="process documents into JSON Lines",
        description=(
            "Process documents (files, directories walked recursively, or - for standard "
            "input) and write one JSON record per input, in input order. Inputs that cannot "
            "be processed become records with status 'failed'."
        ),
    )
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help="file, directory, or -")
    parser.add_argument(
        "-o", "--output", default="-", metavar="OUT", help="output JSONL file, or - (default)"
    )
    stages = parser.add_argument_group("stages")
    stages.add_argument("--no-clean", action="store_true", help="keep the decoded text as is")
    stages.add_argument("--no-language", action="store_true", help="skip language detection")
    stages.add_argument(
        "--ner", choices=NER_BACKENDS, default="auto", help="entity backend (default: auto)"
    )
    stages.add_argument(
        "--translate-to", choices=TRANSLATION_TARGETS, default=None, help="translate into"
    )
    run_group = parser.add_argument_group("running")
    run_group.add_argument(
        "--batch-size", type=int, default=64, metavar="N", help="documents per batch (64)"
    )
    run_group.add_argument(
        "--fail-on-error",
        action="store_true",
        help="exit with status 1 when any document failed",
    )
    run_group.add_argument(
        "-q", "--quiet", action="store_true", help="do not print the summary on stderr"
    )
    parser.set_defaults(handler=run)


def config_from_args(args: argparse.Namespace) -> Config:
    """Build the :class:`~nkcorpus.Config` that the command-line options describe."""
    overrides: dict[str, Any] = {"ner": args.ner, "translate_to": args.translate_to}
    if args.no_clean:
        overrides["clean"] = None
    if args.no_language:
        overrides["language"] = None
    return Config(**overrides)


def run(args: argparse.Namespace) -> int:
    """Run ``nkcorpus process``; return the exit status."""
    from nkcorpus.corpus.readers import read_inputs
    from nkcorpus.corpus.summary import Summary
    from nkcorpus.pipeline import Pipeline
    from nkcorpus.serialization import write_jsonl

    pipeline = Pipeline(config_from_args(args))
    summary = Summary()
    documents = summary.watch(pipeline.pipe(read_inputs(args.inputs), batch_size=args.batch_size))
    output = sys.stdout if args.output == "-" else args.output
    write_jsonl(documents, output)
    if not args.quiet:
        print(summary.format(), file=sys.stderr)
        if args.output != "-":
            print(f"  written    {args.output}", file=sys.stderr)
    failed = summary.status.get("failed", 0)
    return 1 if args.fail_on_error and failed else 0
