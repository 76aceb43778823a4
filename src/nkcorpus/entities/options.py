"""Settings of the entity stage."""

from __future__ import annotations

import attrs

__all__ = ["EntityOptions"]


@attrs.frozen
class EntityOptions:
    """How named entities are found.

    Attributes:
        device: ``"cpu"`` or ``"cuda"`` for Stanza.
        threads: torch threads per process (``None`` leaves torch's default).
    """

    device: str = "cpu"
    threads: int | None = 1
