"""Argos Translate packages on disk: where they live, which are installed, safe install.

The translation stage (:mod:`nkcorpus.translate`) reads its packages through
this module.

Everything here works offline and without importing ``argostranslate``. The
package folder has the layout Argos Translate itself uses (one folder per
package holding ``metadata.json``, ``model/``, ``sentencepiece.model``), so a
folder filled by ``argospm`` works with nkcorpus, and one filled by nkcorpus
works with ``argostranslate``.

Only :func:`download_argos_pair` touches the network, and only when called.
It checks first that the package index can be reached at all and fails within
seconds when it cannot, instead of letting a download hang or recurse.

>>> from nkcorpus.models.argos import argos_code
>>> argos_code("zh-Hant")
'zh'
"""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import sys
import tempfile
import urllib.parse
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs

from nkcorpus.errors import ConfigError, DownloadError, UnsafeArchiveError
from nkcorpus.models.archive import (
    MAX_MEMBER_BYTES,
    MAX_TOTAL_BYTES,
    ArchiveLimits,
    SafeArchive,
    Transaction,
    check_reachable,
)
from nkcorpus.text.codes import argos_code

__all__ = [
    "DEFAULT_PACKAGE_INDEX",
    "MAX_MEMBER_BYTES",
    "MAX_PACKAGE_BYTES",
    "ArgosPackage",
    "argos_code",
    "argos_packages_dir",
    "check_package_folder",
    "clear_argostranslate_caches",
    "download_argos_pair",
    "find_packages",
    "install_argos_package",
    "installed_pairs",
    "place_package",
    "uninstall_argos_pair",
]

logger = logging.getLogger(__name__)

#: The Argos Translate package index used by :func:`download_argos_pair` when
#: ``ARGOS_PACKAGE_INDEX`` is not set.
DEFAULT_PACKAGE_INDEX = "https://raw.githubusercontent.com/argosopentech/argospm-index/main/"
#: The largest total size of a package once unpacked (the same limit as for bundles,
#: :data:`nkcorpus.models.archive.MAX_TOTAL_BYTES`).
MAX_PACKAGE_BYTES = MAX_TOTAL_BYTES

_CODE = re.compile(r"^[a-z]{2,3}(?:[-_][A-Za-z]{2,8})?$")
_PACKAGE_DIR_PREFIX = "translate-"


def argos_packages_dir(packages_dir: str | os.PathLike[str] | None = None) -> Path:
    """Return the folder where nkcorpus looks for and installs Argos packages.

    The first of these that is set wins: ``packages_dir`` (from
    :attr:`~nkcorpus.translate.options.TranslateOptions.packages_dir`), the
    environment variable ``NKCORPUS_ARGOS_DIR``, ``ARGOS_PACKAGES_DIR`` (the one
    Argos Translate reads), and the per-user folder Argos Translate uses by
    default, ``$XDG_DATA_HOME/argos-translate/packages`` (``~/.local/share/...``).
    The folder is not created here.

    Raises:
        ConfigError: when the path contains ``"stanza"``: Argos Translate then
            switches to a Stanza sentence splitter that downloads models.
    """
    if packages_dir is not None:
        path, origin = Path(packages_dir), "TranslateOptions.packages_dir"
    elif os.environ.get("NKCORPUS_ARGOS_DIR"):
        path, origin = Path(os.environ["NKCORPUS_ARGOS_DIR"]), "NKCORPUS_ARGOS_DIR"
    elif os.environ.get("ARGOS_PACKAGES_DIR"):
        path, origin = Path(os.environ["ARGOS_PACKAGES_DIR"]), "ARGOS_PACKAGES_DIR"
    else:
        data_home = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
        path, origin = Path(data_home) / "argos-translate" / "packages", "the default"
    path = path.expanduser()
    if "stanza" in str(path).lower():
        raise ConfigError(
            f"the Argos packages folder {str(path)!r} ({origin}) contains 'stanza'; Argos "
            "Translate then uses a Stanza sentence splitter that goes online. Choose a folder "
            "without 'stanza' in its path (set NKCORPUS_ARGOS_DIR or "
            "TranslateOptions.packages_dir)"
        )
    return path


@attrs.frozen
class ArgosPackage:
    """An installed Argos Translate package.

    Attributes:
        path: the package folder (holding ``metadata.json``).
        from_code: the Argos code of the source language (``"ko"``).
        to_code: the Argos code of the target language (``"en"``).
        version: the ``package_version`` from ``metadata.json``.
        target_prefix: a token the model expects at the start of every output
            (``""`` for most packages).
    """

    path: Path
    from_code: str
    to_code: str
    version: str
    target_prefix: str = ""

    @property
    def pair(self) -> tuple[str, str]:
        """``(from_code, to_code)``."""
        return (self.from_code, self.to_code)

    @property
    def name(self) -> str:
        """``"from-to"``, as recorded in :attr:`nkcorpus.Translation.model`."""
        return f"{self.from_code}-{self.to_code}"


def _read_metadata(folder: Path) -> dict[str, Any] | None:
    try:
        data = json.loads((folder / "metadata.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _package_from_metadata(folder: Path, data: dict[str, Any]) -> ArgosPackage | None:
    if data.get("type", "translate") != "translate":
        return None
    from_code, to_code = data.get("from_code"), data.get("to_code")
    if not isinstance(from_code, str) or not isinstance(to_code, str):
        return None
    prefix = data.get("target_prefix") or ""
    return ArgosPackage(
        path=folder,
        from_code=from_code,
        to_code=to_code,
        version=str(data.get("package_version", "")),
        target_prefix=str(prefix),
    )


def find_packages(
    packages_dir: str | os.PathLike[str] | None = None,
) -> dict[tuple[str, str], ArgosPackage]:
    """Return the installed translation packages by ``(from_code, to_code)``.

    Reads ``metadata.json`` of each folder in :func:`argos_packages_dir`; never
    imports ``argostranslate`` and never touches the network. Folders that are
    not translation packages, or lack a CTranslate2 model and a SentencePiece
    model, are skipped. When two folders hold the same pair, the first in name
    order wins (as in Argos Translate).
    """
    root = argos_packages_dir(packages_dir)
    found: dict[tuple[str, str], ArgosPackage] = {}
    if not root.is_dir():
        return found
    for folder in sorted(root.iterdir()):
        if not folder.is_dir() or folder.name.startswith("."):
            continue
        data = _read_metadata(folder)
        package = _package_from_metadata(folder, data) if data is not None else None
        if package is None:
            continue
        if not (folder / "model" / "model.bin").is_file():
            logger.warning("skipping Argos package %s: it has no model/model.bin", folder)
            continue
        if not (folder / "sentencepiece.model").is_file():
            logger.warning(
                "skipping Argos package %s: nkcorpus needs a sentencepiece.model tokenizer", folder
            )
            continue
        found.setdefault(package.pair, package)
    return found


def installed_pairs(
    packages_dir: str | os.PathLike[str] | None = None,
) -> list[tuple[str, str, str]]:
    """Return ``(from_code, to_code, package_version)`` of each installed package, sorted.

    Offline: reads the package folder only (see :func:`find_packages`).
    """
    return sorted((p.from_code, p.to_code, p.version) for p in find_packages(packages_dir).values())


def clear_argostranslate_caches() -> None:
    """Forget what an already imported ``argostranslate`` cached about installed packages."""
    module = sys.modules.get("argostranslate.translate")
    if module is None:
        return
    try:
        module.get_installed_languages.cache_clear()
        module.installed_translates.clear()
    except AttributeError:  # another argostranslate version: nothing we know to clear
        logger.debug("argostranslate has no caches we know how to clear", exc_info=True)


def check_package_folder(folder: Path, where: str | os.PathLike[str]) -> dict[str, Any]:
    """Check an unpacked Argos package folder and return its ``metadata.json``.

    It must hold ``metadata.json`` (a translation package with valid language
    codes), ``model/model.bin`` and ``sentencepiece.model``.

    Args:
        folder: the unpacked package.
        where: the archive it came from, for messages.

    Raises:
        UnsafeArchiveError: when it is not a package nkcorpus can run.
    """
    missing = [
        needed
        for needed in ("metadata.json", "model/model.bin", "sentencepiece.model")
        if not (folder / needed).is_file()
    ]
    if missing:
        raise UnsafeArchiveError(
            f"refusing {where}: it is not an Argos translation package nkcorpus can run "
            f"(missing {', '.join(missing)} in {folder.name}/)"
        )
    if not (folder / "minisbd").is_dir():
        logger.warning(
            "%s has no minisbd/ sentence splitter: nkcorpus does not need one, but "
            "argostranslate's own translate() would try to download one",
            where,
        )
    try:
        metadata = json.loads((folder / "metadata.json").read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as error:
        raise UnsafeArchiveError(
            f"refusing {where}: metadata.json is not valid JSON ({error})"
        ) from error
    if not isinstance(metadata, dict):
        raise UnsafeArchiveError(f"refusing {where}: metadata.json is not a JSON object")
    if metadata.get("type", "translate") != "translate":
        raise UnsafeArchiveError(
            f"refusing {where}: it is a {metadata.get('type')!r} package, not a translation one"
        )
    for key in ("from_code", "to_code"):
        code = metadata.get(key)
        if not isinstance(code, str) or not _CODE.match(code):
            raise UnsafeArchiveError(
                f"refusing {where}: metadata.json has no valid {key} (got {code!r})"
            )
    return metadata


def place_package(
    staged: Path, metadata: dict[str, Any], root: Path, transaction: Transaction
) -> Path:
    """Move a checked, staged package folder into ``root`` as ``translate-FROM_TO``.

    Every installed folder for the same pair is first moved aside within
    ``transaction``, so a later failure can put it back.

    Returns:
        The package's final folder.
    """
    from_code, to_code = metadata["from_code"], metadata["to_code"]
    for folder in sorted(root.iterdir()):
        if not folder.is_dir() or folder.is_symlink() or folder.name.startswith("."):
            continue
        data = _read_metadata(folder)
        if data is not None and (data.get("from_code"), data.get("to_code")) == (
            from_code,
            to_code,
        ):
            transaction.remove(folder)
    final = root / f"{_PACKAGE_DIR_PREFIX}{from_code}_{to_code}"
    transaction.place(staged, final)
    return final


def install_argos_package(
    path: str | os.PathLike[str],
    packages_dir: str | os.PathLike[str] | None = None,
    *,
    limits: ArchiveLimits | None = None,
) -> tuple[str, str]:
    """Install one ``.argosmodel`` file safely, replacing any package of the same pair.

    The archive is read with :class:`nkcorpus.models.archive.SafeArchive`:
    absolute paths, ``..``, links and other special files, oversized members,
    zip bombs and members whose real size differs from the declared one are
    refused, as are archives without one top-level folder holding
    ``metadata.json``, ``model/model.bin`` and ``sentencepiece.model``. The
    package is unpacked into a temporary folder beside the others and moved
    into place as ``translate-FROM_TO``; on any failure the folder is left as it
    was. File permissions from the archive are not applied. Caches of an
    already imported ``argostranslate`` are cleared.

    Args:
        path: the ``.argosmodel`` file.
        packages_dir: where to install (default: :func:`argos_packages_dir`).
        limits: size limits (default :class:`~nkcorpus.models.archive.ArchiveLimits`).

    Returns:
        ``(from_code, to_code)`` of the installed package.

    Raises:
        FileNotFoundError: when ``path`` does not exist.
        UnsafeArchiveError: when the archive is refused (the message says why).
    """
    root = argos_packages_dir(packages_dir)
    archive = Path(path)
    if not archive.is_file():
        raise FileNotFoundError(f"no such package file: {archive}")
    with archive.open("rb") as handle:
        if handle.read(4) != b"PK\x03\x04":
            raise UnsafeArchiveError(
                f"refusing {archive}: an .argosmodel is a zip archive and this file is not one"
            )
    with SafeArchive(archive, limits) as safe:
        tops = {member.parts[0] for member in safe.members}
        if len(tops) != 1 or any(len(m.parts) == 1 and not m.is_dir for m in safe.members):
            raise UnsafeArchiveError(
                f"refusing {archive}: an .argosmodel holds exactly one top-level folder, this "
                f"one holds {sorted(tops)}"
            )
        root.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".installing-", dir=root))
        transaction = Transaction(staging / "replaced")
        try:
            package = staging / "package"
            package.mkdir()
            for member in safe.files():
                safe.extract(member, package.joinpath(*member.parts[1:]))
            metadata = check_package_folder(package, archive)
            try:
                final = place_package(package, metadata, root, transaction)
            except BaseException:
                transaction.rollback()
                raise
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    clear_argostranslate_caches()
    from_code, to_code = metadata["from_code"], metadata["to_code"]
    logger.info("installed Argos package %s -> %s in %s", from_code, to_code, final)
    return (from_code, to_code)


def uninstall_argos_pair(
    from_code: str, to_code: str, packages_dir: str | os.PathLike[str] | None = None
) -> int:
    """Remove every installed package for ``from_code -> to_code``; return how many.

    Caches of an already imported ``argostranslate`` are cleared.
    """
    root = argos_packages_dir(packages_dir)
    removed = 0
    if root.is_dir():
        for folder in sorted(root.iterdir()):
            if not folder.is_dir() or folder.is_symlink() or folder.name.startswith("."):
                continue
            data = _read_metadata(folder)
            if data is None:
                continue
            if (data.get("from_code"), data.get("to_code")) == (from_code, to_code):
                shutil.rmtree(folder)
                removed += 1
    if removed:
        clear_argostranslate_caches()
    return removed


def _package_index_url() -> str:
    index = os.environ.get("ARGOS_PACKAGE_INDEX") or DEFAULT_PACKAGE_INDEX
    return index if index.endswith("/") else index + "/"


def _fetch(url: str, timeout: float) -> bytes:
    import urllib.request  # only downloads need it; keep the stage's import light

    request = urllib.request.Request(url, headers={"User-Agent": "nkcorpus"})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        data: bytes = response.read()
    return data


def _index_entries(index_url: str) -> Iterator[dict[str, Any]]:
    try:
        entries = json.loads(_fetch(index_url + "index.json", timeout=30))
    except Exception as error:
        raise DownloadError(
            f"could not read the Argos package index {index_url}index.json ({error}); try again "
            "later or install a downloaded file with `nkcorpus models install PATH.argosmodel "
            "--sha256 DIGEST`"
        ) from error
    if not isinstance(entries, list):
        raise DownloadError(f"the Argos package index {index_url}index.json is not a list")
    yield from (entry for entry in entries if isinstance(entry, dict))


def download_argos_pair(
    from_code: str, to_code: str, packages_dir: str | os.PathLike[str] | None = None
) -> Path:
    """Download the Argos package for ``from_code -> to_code`` and install it.

    This is the only function in nkcorpus that reads Argos Translate's package
    index (``ARGOS_PACKAGE_INDEX`` or :data:`DEFAULT_PACKAGE_INDEX`). It first
    checks within seconds that the index host can be reached. The downloaded
    archive goes through :func:`install_argos_package`.

    Returns:
        The folder of the installed package.

    Raises:
        DownloadError: offline, when the index or the download fails, or when
            the index has no package for the pair.
    """
    from_code, to_code = argos_code(from_code), argos_code(to_code)
    index_url = _package_index_url()
    check_reachable(
        index_url,
        "Argos Translate packages",
        "download the .argosmodel file on a machine with network access and install it here "
        "with `nkcorpus models install PATH.argosmodel --sha256 DIGEST`",
    )
    candidates = [
        entry
        for entry in _index_entries(index_url)
        if entry.get("type", "translate") == "translate"
        and entry.get("from_code") == from_code
        and entry.get("to_code") == to_code
    ]
    if not candidates:
        hint = (
            f"; Argos pivots through English: download {from_code} en and en {to_code}"
            if "en" not in (from_code, to_code)
            else ""
        )
        raise DownloadError(
            f"the Argos package index has no {from_code} -> {to_code} package{hint}"
        )
    links = [link for link in candidates[-1].get("links", []) if isinstance(link, str)]
    errors = []
    root = argos_packages_dir(packages_dir)
    root.mkdir(parents=True, exist_ok=True)
    for link in links:
        if urllib.parse.urlsplit(link).scheme not in ("http", "https"):
            continue
        with tempfile.TemporaryDirectory(prefix=".download-", dir=root) as work:
            target = Path(work) / f"translate-{from_code}_{to_code}.argosmodel"
            try:
                target.write_bytes(_fetch(link, timeout=600))
            except Exception as error:
                errors.append(f"{link}: {error}")
                continue
            install_argos_package(target, packages_dir)
        return root / f"{_PACKAGE_DIR_PREFIX}{from_code}_{to_code}"
    raise DownloadError(
        f"could not download the {from_code} -> {to_code} package ("
        + ("; ".join(errors) or "the index lists no http(s) link")
        + "); try again later or install a downloaded file with "
        "`nkcorpus models install PATH.argosmodel --sha256 DIGEST`"
    )
