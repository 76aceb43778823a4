"""The language stage: :attr:`~nkcorpus.Document.language` and :attr:`~nkcorpus.Document.segments`.

It reads ``Document.text`` only, so it runs on whatever the cleaning stage left
(or on raw text when cleaning is off). What the segments cover is described in
:mod:`nkcorpus.language.segment`; the rules that pick a language in
:mod:`nkcorpus.language.decide`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from nkcorpus.document import Document
from nkcorpus.language.options import LanguageOptions
from nkcorpus.language.segment import analyze
from nkcorpus.stage import Stage

__all__ = ["LanguageStage"]


class LanguageStage(Stage):
    """Detect the language of each document and of each passage in it.

    Args:
        options: the language settings; the defaults when ``None``.
    """

    name = "language"
    version = "1.1"
    requires = frozenset({"text"})
    provides = frozenset({"language", "segments"})

    def __init__(self, options: LanguageOptions | None = None) -> None:
        self.options = options if options is not None else LanguageOptions()

    def parameters(self) -> Mapping[str, Any]:
        """Return the settings recorded in each document's steps."""
        return attrs.asdict(self.options)

    def process(self, document: Document) -> Document:
        """Return ``document`` with its language (and segments, unless turned off)."""
        analysis = analyze(document.text, self.options)
        segments = analysis.segments if self.options.segments else ()
        return attrs.evolve(document, language=analysis.language, segments=segments)

