"""Where models live, what is installed, downloads on request, and offline bundles.

nkcorpus never downloads anything on its own. Models are files on disk:

- **Stanza** models and **NER models trained with nkcorpus** live in one
  resources folder (:mod:`nkcorpus.models.registry`: :func:`resources_dir`,
  :func:`find_ner_model`, :func:`register_ner_model`).
- **Argos Translate** packages live where
  :func:`nkcorpus.models.argos.argos_packages_dir` says.

The parts, each in its own module and all importable from here:

- :mod:`nkcorpus.models.registry`: the folder, ``nkcorpus.json``, and which NER
  model serves a language;
- :mod:`nkcorpus.models.status`: what is installed and missing
  (:func:`list_models`, the rows of ``nkcorpus models list``);
- :mod:`nkcorpus.models.download`: the only code that touches the network
  (:func:`download_stanza`, :func:`download_translation`), on request only;
- :mod:`nkcorpus.models.bundles`: :func:`bundle` and :func:`install` for
  machines without a network, all or nothing, verified against a SHA-256 you
  pass or explicitly trusted;
- :mod:`nkcorpus.models.contents`: which files a bundle holds;
- :mod:`nkcorpus.models.archive`: the one set of rules and limits for unpacking
  tar and zip archives;
- :mod:`nkcorpus.models.weights`: the safe-load check every Stanza ``.pt`` file
  passes before Stanza reads it.
"""

from __future__ import annotations

from nkcorpus.models import archive as _archive
from nkcorpus.models import bundles as _bundles
from nkcorpus.models import registry as _registry
from nkcorpus.models import status as _status
from nkcorpus.models.archive import ArchiveLimits
from nkcorpus.models.bundles import bundle, file_sha256, install, read_manifest
from nkcorpus.models.download import download_stanza, download_translation
from nkcorpus.models.registry import (
    NerModel,
    find_ner_model,
    install_hint,
    register_ner_model,
    require_ner_model,
    resources_dir,
    stanza_language,
)
from nkcorpus.models.status import ModelStatus, list_models
from nkcorpus.models.weights import check_model_file, check_model_files

__all__ = [
    "BUNDLE_FORMAT",
    "CONNECT_TIMEOUT",
    "DEFAULT_LANGUAGES",
    "MAX_BUNDLE_BYTES",
    "MAX_COMPRESSION_RATIO",
    "MAX_MEMBER_BYTES",
    "MAX_TOTAL_BYTES",
    "REGISTRY_FILE",
    "TOKENIZERS",
    "ArchiveLimits",
    "ModelStatus",
    "NerModel",
    "bundle",
    "check_model_file",
    "check_model_files",
    "download_stanza",
    "download_translation",
    "file_sha256",
    "find_ner_model",
    "install",
    "install_hint",
    "list_models",
    "read_manifest",
    "register_ner_model",
    "require_ner_model",
    "resources_dir",
    "stanza_language",
]

#: How a model's input can be split into tokens (:data:`nkcorpus.models.registry.TOKENIZERS`).
TOKENIZERS = _registry.TOKENIZERS
#: The registry of trained NER models (:data:`nkcorpus.models.registry.REGISTRY_FILE`).
REGISTRY_FILE = _registry.REGISTRY_FILE
#: The ``format`` of a bundle's manifest (:data:`nkcorpus.models.bundles.BUNDLE_FORMAT`).
BUNDLE_FORMAT = _bundles.BUNDLE_FORMAT
#: Languages ``models list`` always shows (:data:`nkcorpus.models.status.DEFAULT_LANGUAGES`).
DEFAULT_LANGUAGES = _status.DEFAULT_LANGUAGES
#: The largest file an archive may unpack to (:data:`nkcorpus.models.archive.MAX_MEMBER_BYTES`).
MAX_MEMBER_BYTES = _archive.MAX_MEMBER_BYTES
#: The largest total an archive may unpack to (:data:`nkcorpus.models.archive.MAX_TOTAL_BYTES`).
MAX_TOTAL_BYTES = _archive.MAX_TOTAL_BYTES
#: The same limit, by the name it had for bundles.
MAX_BUNDLE_BYTES = _archive.MAX_TOTAL_BYTES
#: The largest unpacked-to-packed ratio (:data:`nkcorpus.models.archive.MAX_COMPRESSION_RATIO`).
MAX_COMPRESSION_RATIO = _archive.MAX_COMPRESSION_RATIO
#: Seconds a download waits for its server (:data:`nkcorpus.models.archive.CONNECT_TIMEOUT`).
CONNECT_TIMEOUT = _archive.CONNECT_TIMEOUT
