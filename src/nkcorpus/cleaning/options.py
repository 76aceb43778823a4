"""Settings of the cleaning stage."""

from __future__ import annotations

import attrs

__all__ = ["CleanOptions"]


@attrs.frozen
class CleanOptions:
    """Which cleaning rules run. Every rule is on by default except where noted.

    Attributes:
        unify_newlines: turn ``\\r\\n`` and ``\\r`` into ``\\n``.
    """

    unify_newlines: bool = True
