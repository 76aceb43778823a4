"""The cleaning stage: the decoded text in, the clean body, its metadata and its map out."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

import attrs

from nkcorpus.cleaning.cleaner import VERSION, clean_text
from nkcorpus.cleaning.options import CleanOptions
from nkcorpus.document import Document, Metadata
from nkcorpus.stage import Stage

__all__ = ["CleanStage"]

logger = logging.getLogger(__name__)

_FIELDS = frozenset(f.name for f in attrs.fields(Metadata)) - {"extra", "encoding"}


class CleanStage(Stage):
    """Normalize the decoded text into the clean body text, keeping the offset map.

    The stage reads ``Document.raw`` (never an earlier ``text``), so running it
    twice gives the same document. It fills ``text``, ``offsets``, ``removed``,
    ``regions`` and the page's :class:`~nkcorpus.Metadata`, keeping the
    encoding fields that decoding recorded, and appends one ``clean.<rule>``
    step for each rule that changed something.

    Args:
        options: the rules to run; all rules when ``None``.
    """

    name = "clean"
    version = VERSION
    requires = frozenset({"raw"})
    provides = frozenset({"text", "clean", "metadata"})

    def __init__(self, options: CleanOptions | None = None):
        self.options = options if options is not None else CleanOptions()

    def parameters(self) -> Mapping[str, Any]:
        """The cleaning options, as recorded in the ``clean`` step."""
        return attrs.asdict(self.options)

    def process(self, document: Document) -> Document:
        """Return ``document`` with its clean text, map, removals, regions and metadata."""
        cleaned = clean_text(document.raw, self.options)
        values: dict[str, Any] = {}
        extra: dict[str, Any] = dict(document.metadata.extra)
        for key, value in cleaned.metadata:
            if key.startswith("extra."):
                extra[key[len("extra.") :]] = list(value) if isinstance(value, tuple) else value
            elif key in _FIELDS:
                values[key] = value
        metadata = attrs.evolve(document.metadata, **values, extra=extra)
        return attrs.evolve(
            document,
            text=cleaned.text,
            offsets=cleaned.offsets,
            removed=cleaned.removed,
            regions=cleaned.regions,
            metadata=metadata,
            steps=(*document.steps, *cleaned.steps),
        )

