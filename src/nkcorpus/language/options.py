"""Settings of the language stage."""

from __future__ import annotations

import attrs

__all__ = ["LanguageOptions"]


@attrs.frozen
class LanguageOptions:
    """How languages are detected.

    Attributes:
        segments: also split the document into passages in one language each.
    """

    segments: bool = True
