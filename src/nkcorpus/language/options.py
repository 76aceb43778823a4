"""Settings of the language stage."""

from __future__ import annotations

import attrs

from nkcorpus.validators import between

__all__ = ["LanguageOptions"]


@attrs.frozen
class LanguageOptions:
    """How languages are detected.

    Attributes:
        segments: also split the document into passages in one language each
            (:attr:`~nkcorpus.Document.segments`); when false only
            :attr:`~nkcorpus.Document.language` is set.
        min_confidence: a passage whose best language is less likely than this is
            labelled ``und`` (undetermined). Lower it to get more guesses for short
            Latin-script text, raise it to label only what is clear.
        max_chars: how many characters of each passage the n-gram profiles read
            (Latin, Cyrillic, Arabic and Devanagari text; scripts decide the rest).
    """

    segments: bool = True
    min_confidence: float = attrs.field(default=0.5, validator=between(0.0, 1.0))
    max_chars: int = attrs.field(default=2000, validator=between(1, 10**9))
