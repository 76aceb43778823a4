"""What goes into a model bundle, and the checks on the descriptions a bundle carries.

A bundle holds only model files nkcorpus knows about: for each language, the
files of its NER model as ``nkcorpus.json`` or ``resources.json`` describe it
(:meth:`NerModel.files <nkcorpus.models.registry.NerModel.files>`: the model,
its word vectors, character models, Stanza tokenizer), and the files of each
installed Argos package, without hidden files, editor backups or caches. The
bundled ``resources.json`` and ``nkcorpus.json`` describe just those models.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from nkcorpus.errors import ConfigError, ModelNotInstalledError, UnsafeArchiveError
from nkcorpus.models.argos import find_packages
from nkcorpus.models.registry import (
    REGISTRY_FILE,
    check_name,
    ner_candidates,
    registry_entries,
    stanza_language,
    stanza_resources,
)

__all__ = ["DESCRIPTORS", "argos_files", "check_stanza_descriptors", "stanza_files"]

logger = logging.getLogger(__name__)

#: The description files a bundle's ``stanza/`` folder may hold.
DESCRIPTORS = ("resources.json", REGISTRY_FILE)

_JUNK_SUFFIXES = ("~", ".bak", ".orig", ".swp", ".tmp", ".part", ".pyc")


def _languages(folder: Path, languages: Sequence[str] | None) -> list[str]:
    if languages is not None:
        codes = [stanza_language(code) for code in languages]
        return list(dict.fromkeys("zh-hans" if c == "zh-hant" else c for c in codes))
    found = set(registry_entries(folder))
    for code, info in stanza_resources(folder).items():
        defaults = info.get("default_processors") if isinstance(info, dict) else None
        if isinstance(defaults, dict) and "ner" in defaults:
            found.add(code)
    return sorted(found)


def stanza_files(
    folder: Path, languages: Sequence[str] | None
) -> tuple[list[tuple[str, Path]], dict[str, Any], list[str]]:
    """Return the Stanza files to bundle, the descriptions to write, and the languages.

    Args:
        folder: the Stanza resources folder.
        languages: the languages asked for, or ``None`` for every language
            with a complete NER model.

    Returns:
        ``(entries, descriptors, languages)``: ``(member name, file)`` pairs,
        ``{member name: JSON data}`` for ``resources.json`` and
        ``nkcorpus.json``, and the Stanza codes packed.

    Raises:
        ModelNotInstalledError: when a language asked for has no complete model.
        ConfigError: when the folder's descriptions name unsafe paths.
    """
    if not folder.is_dir():
        if languages:
            raise ModelNotInstalledError(f"no models folder {folder} to bundle from")
        return [], {}, []
    registry = registry_entries(folder)
    resources = stanza_resources(folder)
    entries: dict[str, Path] = {}
    new_resources: dict[str, Any] = {}
    new_registry: dict[str, Any] = {}
    for lang in _languages(folder, languages):
        complete = [m for m in ner_candidates(lang, folder, strict=True) if not m.missing_files()]
        if not complete:
            if languages is not None:
                raise ModelNotInstalledError(f"no complete {lang} NER model in {folder} to bundle")
            logger.warning("not bundling %s: its NER model misses files", lang)
            continue
        for model in complete:
            for path in model.files():
                entries[f"stanza/{path.relative_to(folder).as_posix()}"] = path
            if model.origin == "nkcorpus":
                new_registry[model.language] = registry[model.language]
            else:
                new_resources[model.language] = resources[model.language]
    for key, value in resources.items():
        if isinstance(value, dict) and value.get("alias") in new_resources:
            new_resources[key] = value
    descriptors: dict[str, Any] = {}
    if new_resources:
        descriptors["stanza/resources.json"] = new_resources
    if new_registry:
        descriptors[f"stanza/{REGISTRY_FILE}"] = {
            "format": "nkcorpus-registry",
            "ner": new_registry,
        }
    packed = sorted({name.split("/")[1] for name in entries})
    return sorted(entries.items()), descriptors, packed


def _package_files(root: Path) -> list[Path]:
    files = []
    for folder, dirs, names in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d != "__pycache__")
        for name in sorted(names):
            path = Path(folder) / name
            if name.startswith(".") or name.endswith(_JUNK_SUFFIXES):
                continue
            if path.is_symlink() or not path.is_file():
                logger.warning("not bundling %s: not a regular file", path)
                continue
            files.append(path)
    return files


def argos_files(
    argos_dir: str | os.PathLike[str] | None,
) -> tuple[list[tuple[str, Path]], list[list[str]]]:
    """Return the files of the installed Argos packages to bundle, and their pairs.

    Returns:
        ``(entries, pairs)``: ``(member name, file)`` pairs and
        ``[from_code, to_code, version]`` per package.
    """
    entries: list[tuple[str, Path]] = []
    pairs: list[list[str]] = []
    for (from_code, to_code), package in sorted(find_packages(argos_dir).items()):
        try:
            name = check_name(package.path.name)
        except ConfigError:
            name = f"translate-{from_code}_{to_code}"
        for path in _package_files(package.path):
            entries.append((f"argos/{name}/{path.relative_to(package.path).as_posix()}", path))
        pairs.append([from_code, to_code, package.version])
    return entries, pairs


def _check_resources(data: dict[str, Any]) -> None:
    for lang, info in data.items():
        if not isinstance(info, dict):
            continue
        check_name(lang, "language")
        if "alias" in info:
            check_name(info["alias"], f"the alias of {lang!r}")
        defaults = info.get("default_processors", {})
        for processor, package in defaults.items() if isinstance(defaults, dict) else ():
            check_name(processor, f"a {lang} processor")
            for name in package if isinstance(package, list) else [package]:
                if isinstance(name, str):
                    check_name(name, f"the {lang} {processor} package")
        for processor, packages in info.items():
            if processor.startswith("default_") or not isinstance(packages, dict):
                continue
            for package, details in packages.items():
                if not isinstance(details, dict):
                    continue
                check_name(processor, f"a {lang} processor")
                check_name(package, f"the {lang} {processor} package")
                for dependency in details.get("dependencies") or []:
                    if isinstance(dependency, dict):
                        check_name(dependency.get("model"), f"a {lang} dependency")
                        check_name(dependency.get("package"), f"a {lang} dependency")


def check_stanza_descriptors(stanza_root: Path) -> list[str]:
    """Check the ``resources.json`` and ``nkcorpus.json`` unpacked from a bundle.

    Every language, package and dependency name they hold must be a plain
    file name (:func:`~nkcorpus.models.registry.check_name`): a package named
    ``../../x`` or ``/etc/x`` is refused.

    Returns:
        The language folders the bundle holds.

    Raises:
        UnsafeArchiveError: for an unreadable description or an unsafe name.
    """
    for name in DESCRIPTORS:
        path = stanza_root / name
        if not path.is_file():
            continue
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (ValueError, UnicodeDecodeError) as error:
            raise UnsafeArchiveError(f"the bundled {name} is not valid JSON: {error}") from None
        if not isinstance(data, dict):
            raise UnsafeArchiveError(f"the bundled {name} is not a JSON object")
        try:
            if name == REGISTRY_FILE:
                ner = data.get("ner", {})
                for lang in ner if isinstance(ner, dict) else ():
                    ner_candidates(check_name(lang, "language"), stanza_root, strict=True)
            else:
                _check_resources(data)
                for lang in data:
                    ner_candidates(lang, stanza_root, strict=True)
        except ConfigError as error:
            raise UnsafeArchiveError(
                f"refusing the bundle: its {name} is unsafe: {error}"
            ) from None
    return sorted(p.name for p in stanza_root.iterdir() if p.is_dir())
