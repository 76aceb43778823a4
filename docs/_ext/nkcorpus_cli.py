"""A Sphinx directive that renders the ``--help`` of every nkcorpus command.

``.. nkcorpus-cli::`` expands to one section per command and subcommand with
its help text, taken from the real argument parser, so the reference never
drifts from the code.
"""

from __future__ import annotations

import argparse
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective


def _walk(
    parser: argparse.ArgumentParser, path: list[str]
) -> list[tuple[list[str], argparse.ArgumentParser]]:
    found = [(path, parser)]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found.extend(_walk(sub, [*path, name]))
    return found


class NkcorpusCli(SphinxDirective):
    """Render every command's help as a titled literal block."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        from nkcorpus.cli import build_parser

        result: list[nodes.Node] = []
        for path, parser in _walk(build_parser(), ["nkcorpus"]):
            title = " ".join(path)
            section = nodes.section(ids=[nodes.make_id(title)])
            section += nodes.title(text=title)
            parser.formatter_class = lambda prog: argparse.HelpFormatter(prog, width=88)
            section += nodes.literal_block(text=parser.format_help())
            result.append(section)
        return result


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the directive."""
    app.add_directive("nkcorpus-cli", NkcorpusCli)
    return {"parallel_read_safe": True, "version": "1"}
