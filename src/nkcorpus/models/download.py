"""Downloads on request: Stanza models and Argos Translate packages.

Only :func:`download_stanza` and :func:`download_translation` touch the
network, and only when called. Each first checks what was asked for (a language
Stanza has models for), then checks within seconds that the server can be
reached (:func:`nkcorpus.models.archive.check_reachable`), so a typo is
reported as a typo and an offline machine fails fast with the offline recipe.
"""

from __future__ import annotations

import functools
import importlib.util
import logging
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from nkcorpus.errors import ConfigError, DownloadError, ModelNotInstalledError
from nkcorpus.models.archive import check_reachable
from nkcorpus.models.argos import download_argos_pair
from nkcorpus.models.registry import install_hint, resources_dir, stanza_language

__all__ = ["download_stanza", "download_translation", "stanza_catalogue"]

logger = logging.getLogger(__name__)

_STANZA_RESOURCES_URL = "https://raw.githubusercontent.com/stanfordnlp/stanza-resources/main"
_OFFLINE_HINT = (
    "on a machine with network access run `nkcorpus models download ...` and "
    "`nkcorpus models bundle OUT.tar`, copy the bundle here and run "
    "`nkcorpus models install OUT.tar --sha256 DIGEST`"
)


@functools.lru_cache(maxsize=1)
def stanza_catalogue() -> tuple[frozenset[str], frozenset[str]]:
    """Return the language codes Stanza has models for, and those with a NER model.

    Read from the installed Stanza's own package lists
    (``stanza/resources/default_packages.py``) without importing Stanza (which
    would import torch) and without the network.

    Raises:
        ModelNotInstalledError: when Stanza is not installed.
    """
    spec = importlib.util.find_spec("stanza")
    if spec is None or not spec.submodule_search_locations:
        raise ModelNotInstalledError(
            "downloading Stanza models needs Stanza: pip install 'nkcorpus[ner]'"
        )
    path = Path(next(iter(spec.submodule_search_locations))) / "resources" / "default_packages.py"
    module_spec = importlib.util.spec_from_file_location("_nkcorpus_stanza_packages", path)
    if module_spec is None or module_spec.loader is None:
        raise ModelNotInstalledError(f"cannot read Stanza's package list {path}")
    module = importlib.util.module_from_spec(module_spec)
    module_spec.loader.exec_module(module)
    ners: dict[str, Any] = module.default_ners
    languages = set(module.default_treebanks) | set(ners) | set(module.default_tokenizer)
    return frozenset(languages), frozenset(ners)


def _check_languages(languages: Sequence[str], processors: str) -> list[str]:
    known, with_ner = stanza_catalogue()
    codes = []
    for language in languages:
        lang = stanza_language(language)
        if lang == "zh-hant":
            lang = "zh-hans"
        if lang == "ko" and "ner" in processors.split(","):
            raise ModelNotInstalledError(install_hint("ko"))
        if lang not in known:
            raise ConfigError(
                f"unknown language {language!r}: Stanza has no models for it. Use a code such "
                f"as en, zh-hans or ja; Stanza has NER models for {', '.join(sorted(with_ner))}"
            )
        if "ner" in processors.split(",") and lang not in with_ner:
            raise ModelNotInstalledError(
                f"Stanza publishes no NER model for {language!r}; download other processors "
                "with --processors tokenize, or train one with `nkcorpus models train-ner`"
            )
        codes.append(lang)
    codes = list(dict.fromkeys(codes))
    if not codes:
        raise ConfigError("name at least one language to download, for example `en`")
    return codes


def download_stanza(
    languages: Sequence[str],
    models_dir: str | os.PathLike[str] | None = None,
    *,
    processors: str = "tokenize,ner",
) -> list[str]:
    """Download Stanza's tokenizer and NER models for ``languages`` with ``stanza.download``.

    This is the only place nkcorpus downloads Stanza models, and it runs only
    when called. It checks the languages first (offline, against the installed
    Stanza's package lists), then, within seconds, that Stanza's server can be
    reached. Korean has no Stanza NER model: asking for ``ko`` raises at once
    with the training recipe to use instead. ``zh-Hant`` downloads the
    Simplified Chinese models, which nkcorpus uses for both scripts.

    Returns:
        The Stanza language codes downloaded.

    Raises:
        ConfigError: for a language Stanza does not know.
        ModelNotInstalledError: for a language Stanza has no NER model for.
        DownloadError: offline, or when Stanza's download fails.
    """
    folder = resources_dir(models_dir)
    codes = _check_languages(languages, processors)
    url = os.environ.get("STANZA_RESOURCES_URL", _STANZA_RESOURCES_URL)
    check_reachable(url, "Stanza models", _OFFLINE_HINT)
    import stanza

    folder.mkdir(parents=True, exist_ok=True)
    for lang in codes:
        logger.info("downloading Stanza %s models (%s) into %s", lang, processors, folder)
        try:
            stanza.download(
                lang, model_dir=str(folder), processors=processors, logging_level="WARN"
            )
        except Exception as error:
            raise DownloadError(
                f"Stanza could not download the {lang} models ({type(error).__name__}: "
                f"{error}); check your connection, then try again"
            ) from error
    return codes


def download_translation(
    from_code: str, to_code: str, argos_dir: str | os.PathLike[str] | None = None
) -> Path:
    """Download and install the Argos Translate package ``from_code -> to_code``.

    Raises:
        DownloadError: offline, or when the package index has no such pair.
    """
    return download_argos_pair(from_code, to_code, argos_dir)
