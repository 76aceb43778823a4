"""``nkcorpus.clean``: decoding and cleaning alone, without the later stages."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from nkcorpus.cleaning.options import CleanOptions
from nkcorpus.document import Document

if TYPE_CHECKING:  # pragma: no cover
    from nkcorpus.pipeline import Pipeline

__all__ = ["clean"]


@functools.lru_cache(maxsize=16)
def _pipeline(options: CleanOptions) -> Pipeline:
    from nkcorpus.cleaning.stage import CleanStage
    from nkcorpus.pipeline import Pipeline

    return Pipeline(stages=[CleanStage(options)])


def clean(
    text_or_bytes: str | bytes, source: str | None = None, options: CleanOptions | None = None
) -> Document:
    """Decode (for bytes) and clean one document, and return it.

    This is the first stage of :func:`nkcorpus.process` on its own: the result
    has the clean ``text``, the offset map to ``raw``, the removed stretches
    with their rules, caption regions, and the page's metadata.

    >>> import nkcorpus
    >>> doc = nkcorpus.clean("By Kim Min-ji\\n\\nDefectors met in Brussels on Tuesday, it`s said, "
    ...                      "to call for action on North Korea.")
    >>> doc.text
    "Defectors met in Brussels on Tuesday, it's said, to call for action on North Korea."
    >>> doc.metadata.authors
    ('Kim Min-ji',)

    Args:
        text_or_bytes: the document; bytes are decoded with encoding detection.
        source: where it came from (kept in :attr:`Document.source <nkcorpus.Document.source>`).
        options: which rules run; all of them when ``None``.

    Returns:
        The document. Input that cannot be decoded or holds no text gives a
        failed document, not an exception.
    """
    return _pipeline(options if options is not None else CleanOptions())(text_or_bytes, source)
