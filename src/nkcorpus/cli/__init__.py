"""The ``nkcorpus`` command line.

Each subcommand lives in its own module with a ``register(subparsers)``
function that adds its parser and sets ``handler`` to the function that runs it.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence

from nkcorpus._version import __version__
from nkcorpus.errors import NkcorpusError

__all__ = ["build_parser", "main"]

#: Modules that register subcommands, in the order ``--help`` lists them.
COMMAND_MODULES = (
    "nkcorpus.cli.process",
    "nkcorpus.cli.show",
    "nkcorpus.cli.report",
    "nkcorpus.cli.models",
    "nkcorpus.cli.kb",
)

#: Exit status for a usage error (bad arguments or settings).
EXIT_USAGE = 2
#: Exit status when the run could not finish (an input or output error of the system).
EXIT_FAILURE = 1
#: Exit status after Ctrl-C (128 + SIGINT), as shells report it.
EXIT_INTERRUPTED = 130


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser of the ``nkcorpus`` command."""
    parser = argparse.ArgumentParser(
        prog="nkcorpus",
        description="Clean, language-tag, translate and annotate multilingual documents.",
    )
    parser.add_argument("--version", action="version", version=f"nkcorpus {__version__}")
    parser.add_argument(
        "-v", "--verbose", action="count", default=0, help="log more (-v info, -vv debug)"
    )
    subparsers = parser.add_subparsers(title="commands", metavar="COMMAND", required=True)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.verbose:
        logging.basicConfig(
            level=logging.DEBUG if args.verbose > 1 else logging.INFO,
            format="%(levelname)s %(name)s: %(message)s",
        )
    try:
        return int(args.handler(args) or 0)
    except NkcorpusError as error:
        print(f"nkcorpus: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        return 0
    except OSError as error:  # the disk, not the command line: one line, not a traceback
        where = f" ({error.filename})" if error.filename else ""
        print(f"nkcorpus: error: {error.strerror or error}{where}", file=sys.stderr)
        return EXIT_FAILURE
    except KeyboardInterrupt:
        print("nkcorpus: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
