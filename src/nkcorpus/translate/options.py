"""Settings of the translation stage."""

from __future__ import annotations

import attrs

__all__ = ["TranslateOptions"]


@attrs.frozen
class TranslateOptions:
    """How translation runs.

    Attributes:
        device: ``"cpu"`` or ``"cuda"`` for CTranslate2.
        threads: CTranslate2 intra-op threads per translator.
    """

    device: str = "cpu"
    threads: int = 1
