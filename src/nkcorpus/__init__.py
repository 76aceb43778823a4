"""nkcorpus: clean, language-tag, translate and annotate documents about North Korean human rights.

>>> import nkcorpus
>>> doc = nkcorpus.process("Defectors met in Brussels.", config=nkcorpus.Config(ner="off"))
>>> doc.status
'ok'

The public names below load on first use, so ``import nkcorpus`` stays light:
no torch, Stanza, Argos Translate, spaCy or Dask until a stage needs them.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from nkcorpus._exports import lazy_exports
from nkcorpus._version import __version__

logging.getLogger(__name__).addHandler(logging.NullHandler())

#: Public name -> module that defines it.
_EXPORTS = {
    "Alignment": "nkcorpus.document",
    "Document": "nkcorpus.document",
    "Entity": "nkcorpus.document",
    "Failure": "nkcorpus.document",
    "Metadata": "nkcorpus.document",
    "OffsetMap": "nkcorpus.spans",
    "Region": "nkcorpus.document",
    "Removal": "nkcorpus.document",
    "Segment": "nkcorpus.document",
    "Span": "nkcorpus.spans",
    "Step": "nkcorpus.document",
    "Translation": "nkcorpus.document",
    "document_id": "nkcorpus.document",
    "clean": "nkcorpus.pipeline",
    "Config": "nkcorpus.config",
    "Detection": "nkcorpus.language.detect",
    "detect": "nkcorpus.language.detect",
    "Pipeline": "nkcorpus.pipeline",
    "process": "nkcorpus.pipeline",
    "Stage": "nkcorpus.stage",
    "read_jsonl": "nkcorpus.serialization",
    "write_jsonl": "nkcorpus.serialization",
}

__all__ = ["__version__", "errors", *sorted(_EXPORTS)]

if TYPE_CHECKING:  # pragma: no cover
    from nkcorpus import errors
    from nkcorpus.config import Config
    from nkcorpus.document import (
        Alignment,
        Document,
        Entity,
        Failure,
        Metadata,
        Region,
        Removal,
        Segment,
        Step,
        Translation,
        document_id,
    )
    from nkcorpus.language.detect import Detection, detect
    from nkcorpus.pipeline import Pipeline, clean, process
    from nkcorpus.serialization import read_jsonl, write_jsonl
    from nkcorpus.spans import OffsetMap, Span
    from nkcorpus.stage import Stage


__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS, {"errors": "nkcorpus.errors"})
