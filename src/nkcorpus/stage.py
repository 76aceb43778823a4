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

What a stage produces depends on its code (``version``), its settings
(``parameters``) and the files it reads: models, alias lists
(:meth:`Stage.resources`). :meth:`Stage.fingerprint` combines the three; the
result cache keys results on the fingerprints of every stage, so that editing an
alias file or installing a model makes earlier results miss.

A stage that loads models keeps them in a :class:`~nkcorpus.resources.Resources`
store. The pipeline hands each stage its own store (:meth:`Stage.use`) and releases
it when it is closed (:meth:`Stage.close`).
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, ClassVar

from nkcorpus._version import __version__
from nkcorpus.document import Document
from nkcorpus.resources import Resources
from nkcorpus.resources import resource_identity as resource_identity

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
        version: the version of the stage's output, recorded in steps. Each built-in
            stage sets its own (``"1.0"``, ``"1.1"``, ...) and bumps it when its output
            for the same input and parameters changes; the nkcorpus version is the
            default for a stage that sets none. The result cache keys on the
            nkcorpus version as well, so a release never reuses older results.
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

    def resources(self) -> Sequence[str | os.PathLike[str]]:
        """Return the files and folders this stage reads (models, alias lists); none by default.

        Override it in a stage that reads files, so that a changed file makes
        cached results of the stage miss (see :meth:`fingerprint`).
        """
        return ()

    def fingerprint(self) -> str:
        """Return a key of what decides this stage's output.

        The key covers the stage's class, name, version, parameters and the
        identity (path, size, modification time) of every resource it reads.
        """
        data = {
            "class": f"{type(self).__module__}.{type(self).__qualname__}",
            "name": self.name,
            "version": self.version,
            "parameters": self.parameters(),
            "resources": resource_identity(str(Path(p)) for p in self.resources()),
        }
        text = json.dumps(data, sort_keys=True, default=str)
        return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=12).hexdigest()

    def use(self, resources: Resources) -> None:
        """Keep what this stage loads (models) in ``resources`` from now on.

        The pipeline calls this with the store it owns; the default does nothing,
        for stages that load nothing.
        """

    def close(self) -> None:
        """Release what this stage loaded; it loads again if it is used after.

        The default does nothing, for stages that load nothing.
        """

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
