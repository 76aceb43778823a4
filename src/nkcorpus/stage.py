"""The stage interface: a stage turns documents into new documents.

A stage is an object with a ``name``, a ``version``, the document fields it
``requires`` and ``provides``, its ``parameters`` (recorded in every
:class:`~nkcorpus.Step`), and :meth:`Stage.process_batch`. Subclass
:class:`Stage` and override :meth:`Stage.process` (one document at a time) or
:meth:`Stage.process_batch` (when batching pays, as for a neural model).

A stage may raise on a document it cannot handle; the pipeline then records the
document as failed and goes on with the others. A stage must not change the
documents it is given (they are frozen anyway); it returns new ones.

The fields a stage can require or provide are the names in :data:`FIELDS`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, ClassVar

from nkcorpus._version import __version__
from nkcorpus.document import Document

__all__ = ["FIELDS", "Stage"]

#: Document fields that stages require and provide. ``raw`` and ``text`` exist
#: from the start (``text`` equals ``raw`` until a cleaning stage runs).
FIELDS = frozenset(
    {"raw", "text", "clean", "metadata", "language", "segments", "translations", "entities"}
)


class Stage:
    """Base class of pipeline stages.

    Attributes:
        name: the stage's name, recorded in steps and failures.
        version: the version recorded in steps; bump it when output changes.
        requires: the fields that earlier stages must provide.
        provides: the fields this stage fills in.
    """

    name: ClassVar[str] = "stage"
    version: ClassVar[str] = __version__
    requires: ClassVar[frozenset[str]] = frozenset()
    provides: ClassVar[frozenset[str]] = frozenset()

    def parameters(self) -> Mapping[str, Any]:
        """Return the settings this stage runs with (JSON values only)."""
        return {}

    def process(self, document: Document) -> Document:
        """Return a new document with this stage's work done on ``document``."""
        raise NotImplementedError(
            f"{type(self).__name__} must override process() or process_batch()"
        )

    def process_batch(self, documents: Sequence[Document]) -> list[Document]:
        """Process many documents at once, returning them in the same order.

        The default calls :meth:`process` on each; stages that gain from
        batching (neural models) override this.
        """
        return [self.process(document) for document in documents]

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name} {self.version}>"
