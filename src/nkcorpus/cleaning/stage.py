"""The cleaning stage."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import attrs

from nkcorpus.config import Config
from nkcorpus.document import Document, OffsetMap
from nkcorpus.stage import Stage

__all__ = ["CleanStage", "build_stage"]

_NEWLINE = re.compile(r"\r\n?")


class CleanStage(Stage):
    """Normalize the decoded text into the clean text, keeping the offset map."""

    name = "clean"
    version = "0.1"
    requires = frozenset({"raw"})
    provides = frozenset({"text", "clean"})

    def __init__(self, config: Config):
        assert config.clean is not None
        self.options = config.clean

    def parameters(self) -> Mapping[str, Any]:
        return attrs.asdict(self.options)

    def process(self, document: Document) -> Document:
        raw = document.raw
        runs, pieces, clean_pos, raw_pos = [], [], 0, 0
        for match in _NEWLINE.finditer(raw) if self.options.unify_newlines else ():
            if match.start() > raw_pos:
                n = match.start() - raw_pos
                runs.append((clean_pos, clean_pos + n, raw_pos, match.start()))
                pieces.append(raw[raw_pos : match.start()])
                clean_pos += n
            runs.append((clean_pos, clean_pos + 1, match.start(), match.end()))
            pieces.append("\n")
            clean_pos += 1
            raw_pos = match.end()
        if raw_pos < len(raw):
            runs.append((clean_pos, clean_pos + len(raw) - raw_pos, raw_pos, len(raw)))
            pieces.append(raw[raw_pos:])
        return attrs.evolve(document, text="".join(pieces), offsets=OffsetMap(runs))


def build_stage(config: Config) -> CleanStage | None:
    """Return the cleaning stage, or ``None`` when ``config.clean`` is ``None``."""
    return CleanStage(config) if config.clean is not None else None
