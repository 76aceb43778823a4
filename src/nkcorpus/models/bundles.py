"""Offline bundles: pack the installed models on one machine, install them on another.

:func:`bundle` packs the model files nkcorpus knows about (each language's NER
model with its tokenizer, word vectors and character models, as described by
``nkcorpus.json`` and ``resources.json``, and the installed Argos packages)
into one tar archive with a ``manifest.json`` listing each file's SHA-256 and
where the bundle was made. Nothing else in the folders goes in: no ``.git``,
backups, caches or half-finished installs.

:func:`install` installs a bundle (or one ``.argosmodel``) all or nothing:

1. *Trust.* The archive is installed only when its own SHA-256 matches the one
   the caller passes (``sha256=``, ``--sha256``; :func:`bundle` prints it), or
   the caller says it trusts the file (``trust=True``, ``--trust``). The
   checksums in the manifest travel inside the same archive: they catch
   damage, not tampering; the origin the manifest records is a claim anyone
   can write.
2. *Safety.* Every member passes the rules of
   :class:`~nkcorpus.models.archive.SafeArchive` (names, kinds, sizes,
   compression ratio, bytes actually read); Stanza members must follow
   Stanza's layout (``LANG/PROCESSOR/PACKAGE.pt``), and the names in the
   bundled ``resources.json`` and ``nkcorpus.json`` must be plain file names.
3. *Staging.* Members are unpacked into a temporary folder inside the target
   folder while their checksums are compared; every ``.pt`` file is checked
   with a safe loader (:mod:`nkcorpus.models.weights`) and every Argos package
   is checked.
4. *Commit.* Only then are files renamed into place; a failure at any point
   puts back what was there before.
"""

from __future__ import annotations

import datetime
import hashlib
import io
import json
import os
import re
import shutil
import socket
import tarfile
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from nkcorpus._version import __version__
from nkcorpus.errors import ConfigError, ModelNotInstalledError, UnsafeArchiveError
from nkcorpus.models.archive import ArchiveLimits, SafeArchive, Transaction
from nkcorpus.models.argos import (
    argos_packages_dir,
    check_package_folder,
    clear_argostranslate_caches,
    install_argos_package,
    place_package,
)
from nkcorpus.models.contents import (
    DESCRIPTORS,
    argos_files,
    check_stanza_descriptors,
    stanza_files,
)
from nkcorpus.models.registry import check_name, read_json, resources_dir, write_json
from nkcorpus.models.weights import check_model_file, check_model_files

__all__ = ["BUNDLE_FORMAT", "bundle", "file_sha256", "install", "read_manifest"]

#: The ``format`` value in a bundle's ``manifest.json``.
BUNDLE_FORMAT = "nkcorpus-models"

_SHA256 = re.compile(r"^[0-9a-f]{64}$")


def file_sha256(path: str | os.PathLike[str]) -> str:
    """Return the SHA-256 of a file as 64 hex digits."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def bundle(
    out: str | os.PathLike[str],
    models_dir: str | os.PathLike[str] | None = None,
    *,
    languages: Sequence[str] | None = None,
    argos_dir: str | os.PathLike[str] | None = None,
    include_argos: bool = True,
) -> dict[str, Any]:
    """Pack the installed models into one tar archive with a checksum manifest.

    The archive holds ``manifest.json`` first, then the Stanza model files under
    ``stanza/`` (with a ``resources.json`` and ``nkcorpus.json`` that describe
    just those models) and the Argos packages under ``argos/``. A name ending
    in ``.tar.gz`` or ``.tgz`` is gzip-compressed (model files barely compress,
    so plain ``.tar`` is the faster choice). Every ``.pt`` file is checked with
    :func:`~nkcorpus.models.weights.check_model_file` before it is packed.

    Args:
        out: the archive to write.
        models_dir: the Stanza resources folder (default:
            :func:`~nkcorpus.models.registry.resources_dir`).
        languages: only these Stanza languages; ``None`` for every language
            with a NER model installed.
        argos_dir: the Argos packages folder (default: ``argos_packages_dir()``).
        include_argos: whether to pack the Argos packages.

    Returns:
        The manifest written into the archive, plus ``sha256``: the archive's
        own SHA-256, to pass to :func:`~nkcorpus.models.bundles.install` on the other machine.

    Raises:
        ModelNotInstalledError: when there is nothing to pack, or a language
            asked for has no complete model.
        UnsafeArchiveError: when a model file fails the safe-load check.
    """
    folder = resources_dir(models_dir)
    entries, descriptors, stanza_langs = stanza_files(folder, languages)
    check_model_files(path for _name, path in entries)
    argos_pairs: list[list[str]] = []
    if include_argos:
        argos_entries, argos_pairs = argos_files(argos_dir)
        entries += argos_entries
    if not entries:
        raise ModelNotInstalledError(
            f"nothing to bundle: no models in {folder}"
            + (" or in the Argos packages folder" if include_argos else "")
            + "; download them first with `nkcorpus models download LANG`"
        )
    blobs = {
        name: json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True).encode("utf-8")
        for name, data in descriptors.items()
    }
    files = [
        {"path": name, "size": len(data), "sha256": hashlib.sha256(data).hexdigest()}
        for name, data in blobs.items()
    ]
    files += [
        {"path": name, "size": path.stat().st_size, "sha256": file_sha256(path)}
        for name, path in entries
    ]
    manifest = {
        "format": BUNDLE_FORMAT,
        "format_version": 2,
        "nkcorpus_version": __version__,
        "created": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "origin": {"made_by": f"nkcorpus {__version__}", "host": socket.gethostname()},
        "stanza_languages": stanza_langs,
        "argos_pairs": argos_pairs,
        "files": files,
    }
    out_path = Path(out)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    mode = "w:gz" if out_path.name.endswith((".tar.gz", ".tgz")) else "w"
    tmp = out_path.with_name(f".tmp-{out_path.name}")
    try:
        with tarfile.open(tmp, mode, format=tarfile.PAX_FORMAT) as archive:  # type: ignore[call-overload]
            data = json.dumps(manifest, indent=2, ensure_ascii=False).encode("utf-8")
            for name, blob in [("manifest.json", data), *blobs.items()]:
                info = tarfile.TarInfo(name)
                info.size, info.mode = len(blob), 0o644
                archive.addfile(info, io.BytesIO(blob))
            for name, path in entries:
                info = tarfile.TarInfo(name)
                info.size, info.mode = path.stat().st_size, 0o644
                with path.open("rb") as handle:
                    archive.addfile(info, handle)
        digest = file_sha256(tmp)
        os.replace(tmp, out_path)
    finally:
        tmp.unlink(missing_ok=True)
    return {**manifest, "sha256": digest}


def _check_layout(name: str) -> None:
    parts = name.split("/")
    try:
        if parts[0] == "stanza" and len(parts) == 2 and parts[1] in DESCRIPTORS:
            return
        if parts[0] == "stanza" and len(parts) == 4 and parts[3].endswith(".pt"):
            for part in parts[1:]:
                check_name(part)
            return
        if parts[0] == "argos" and len(parts) >= 3:
            check_name(parts[1])
            return
    except ConfigError as error:
        raise UnsafeArchiveError(f"bundle member {name!r}: {error}") from None
    raise UnsafeArchiveError(
        f"bundle member {name!r} is not a model file: a bundle holds stanza/resources.json, "
        "stanza/nkcorpus.json, stanza/LANG/PROCESSOR/PACKAGE.pt and argos/PACKAGE/..."
    )


def _read_bundle(archive: SafeArchive) -> tuple[dict[str, Any], dict[str, str]]:
    """Check a bundle's manifest against its members; return it and each file's SHA-256."""
    files = {member.name: member for member in archive.files()}
    if "manifest.json" not in files:
        raise UnsafeArchiveError(
            "the archive has no manifest.json: it is not a bundle made by `nkcorpus models bundle`"
        )
    try:
        manifest = json.loads(archive.read(files.pop("manifest.json")).decode("utf-8"))
    except (ValueError, UnicodeDecodeError) as error:
        raise UnsafeArchiveError(f"the bundle's manifest.json is not valid JSON: {error}") from None
    if not isinstance(manifest, dict) or manifest.get("format") != BUNDLE_FORMAT:
        raise UnsafeArchiveError(f"manifest.json does not describe an {BUNDLE_FORMAT} bundle")
    listed: dict[str, dict[str, Any]] = {}
    for item in manifest.get("files", []):
        if not isinstance(item, dict) or not isinstance(item.get("path"), str):
            raise UnsafeArchiveError("manifest.json has a malformed file entry")
        if not isinstance(item.get("sha256"), str) or not _SHA256.match(item["sha256"]):
            raise UnsafeArchiveError(f"manifest.json has no SHA-256 for {item['path']!r}")
        listed[item["path"]] = item
    if set(listed) != set(files):
        extra = sorted(set(files) - set(listed))[:3]
        absent = sorted(set(listed) - set(files))[:3]
        raise UnsafeArchiveError(
            f"the bundle does not match its manifest (not listed: {extra}, missing: {absent}); "
            "the archive was changed or cut short: make it again"
        )
    for name, member in files.items():
        _check_layout(name)
        if member.size != listed[name].get("size"):
            raise UnsafeArchiveError(f"bundle member {name!r} has a size the manifest does not")
    return manifest, {name: str(item["sha256"]) for name, item in listed.items()}


def read_manifest(
    path: str | os.PathLike[str], *, limits: ArchiveLimits | None = None
) -> dict[str, Any]:
    """Check a bundle's members against the safety rules and return its manifest.

    Checksums are verified by :func:`~nkcorpus.models.bundles.install` while it unpacks.

    Raises:
        UnsafeArchiveError: for links, special files, absolute paths, ``..``,
            oversized members, or members that do not match the manifest.
    """
    with SafeArchive(path, limits) as archive:
        manifest, _digests = _read_bundle(archive)
    return manifest


def _verify_trust(source: Path, sha256: str | None, trust: bool, claim: str) -> None:
    if sha256 is not None:
        wanted = sha256.strip().lower()
        if not _SHA256.match(wanted):
            raise ConfigError(f"sha256 must be 64 hex digits; got {sha256!r}")
        actual = file_sha256(source)
        if actual != wanted:
            raise UnsafeArchiveError(
                f"refusing {source}: its SHA-256 is {actual}, not the {wanted} you gave. It is "
                "not the file you meant to install (changed, damaged or replaced); get it again"
            )
        return
    if not trust:
        raise UnsafeArchiveError(
            f"refusing {source}: it is not verified. {claim}, but anything inside the archive "
            "can be forged, and its checksums only catch damage. Pass the SHA-256 that "
            "`nkcorpus models bundle` printed where it was made (--sha256 DIGEST, sha256=), "
            "or --trust (trust=True) if you trust where the file came from"
        )


def _merge_descriptor(target: Path, incoming: Path) -> None:
    """Merge a bundled resources.json or nkcorpus.json into the one installed (in ``incoming``)."""
    current = read_json(target) if target.exists() else None
    new = json.loads(incoming.read_text(encoding="utf-8"))
    if not isinstance(current, dict) or not isinstance(new, dict):
        return
    merged = dict(current)
    for key, value in new.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = {**merged[key], **value}
        else:
            merged[key] = value
    write_json(incoming, merged)


def install(
    path: str | os.PathLike[str],
    models_dir: str | os.PathLike[str] | None = None,
    *,
    argos_dir: str | os.PathLike[str] | None = None,
    sha256: str | None = None,
    trust: bool = False,
    limits: ArchiveLimits | None = None,
) -> list[str]:
    """Install a bundle (from :func:`bundle`) or one ``.argosmodel`` package, all or nothing.

    See the module description for the checks, in order. Stanza files go into
    the resources folder (``resources.json`` and ``nkcorpus.json`` are merged
    with the ones there), Argos packages into the Argos folder as
    ``translate-FROM_TO``.

    Args:
        path: the bundle or ``.argosmodel`` file.
        models_dir: the Stanza resources folder (default:
            :func:`~nkcorpus.models.registry.resources_dir`).
        argos_dir: the Argos packages folder.
        sha256: the SHA-256 the file must have (from a source you trust).
        trust: install without ``sha256``, trusting where the file came from.
        limits: size limits (default :class:`~nkcorpus.models.archive.ArchiveLimits`).

    Returns:
        One line per installed item, for display.

    Raises:
        UnsafeArchiveError: when the file is not verified, breaks a rule, a
            checksum differs or a model file fails the safe-load check;
            nothing is then changed.
        ModelNotInstalledError: when ``path`` does not exist.
    """
    source = Path(path)
    if not source.is_file():
        raise ModelNotInstalledError(f"{source} does not exist; give the path of a bundle")
    with source.open("rb") as handle:
        is_zip = handle.read(4) == b"PK\x03\x04"
    if is_zip or source.suffix == ".argosmodel":
        _verify_trust(source, sha256, trust, "It is an Argos package")
        pair = install_argos_package(source, argos_dir, limits=limits)
        return [f"argos {pair[0]}->{pair[1]}"]
    with SafeArchive(source, limits) as archive:
        manifest, digests = _read_bundle(archive)
        origin = manifest.get("origin")
        origin = origin if isinstance(origin, dict) else {}
        claim = (
            f"It says it was made by {origin.get('made_by', 'an unknown program')} on "
            f"{origin.get('host', 'an unknown host')} at {manifest.get('created', '?')}"
        )
        _verify_trust(source, sha256, trust, claim)
        return _install_checked(archive, digests, resources_dir(models_dir), argos_dir)


def _install_checked(
    archive: SafeArchive,
    digests: dict[str, str],
    folder: Path,
    argos_dir: str | os.PathLike[str] | None,
) -> list[str]:
    members = [m for m in archive.files() if m.name != "manifest.json"]
    has_argos = any(m.parts[0] == "argos" for m in members)
    argos_root = argos_packages_dir(argos_dir) if has_argos else None
    folder.mkdir(parents=True, exist_ok=True)
    stage = Path(tempfile.mkdtemp(prefix=".tmp-install-", dir=folder))
    argos_stage = None
    if argos_root is not None:
        argos_root.mkdir(parents=True, exist_ok=True)
        argos_stage = Path(tempfile.mkdtemp(prefix=".installing-", dir=argos_root))
    stanza_txn = Transaction(stage / ".replaced")
    argos_txn = Transaction(argos_stage / ".replaced") if argos_stage else None
    report: list[str] = []
    try:
        for member in members:
            root = argos_stage if member.parts[0] == "argos" else stage
            assert root is not None
            digest = hashlib.sha256()
            archive.extract(member, root.joinpath(*member.parts), digest.update)
            if digest.hexdigest() != digests[member.name]:
                raise UnsafeArchiveError(
                    f"checksum mismatch for {member.name!r}: the bundle is damaged; copy it again"
                )
        stanza_root = stage / "stanza"
        languages: list[str] = []
        if stanza_root.is_dir():
            languages = check_stanza_descriptors(stanza_root)
            for file in sorted(stanza_root.rglob("*.pt")):
                name = f"stanza/{file.relative_to(stanza_root).as_posix()}"
                check_model_file(file, f"{name!r} in {archive.path}")
        packages = []
        if argos_stage is not None:
            for package in sorted((argos_stage / "argos").iterdir()):
                packages.append((package, check_package_folder(package, archive.path)))
        try:
            if stanza_root.is_dir():
                for name in DESCRIPTORS:
                    if (stanza_root / name).is_file():
                        _merge_descriptor(folder / name, stanza_root / name)
                for file in sorted(stanza_root.rglob("*")):
                    if file.is_file():
                        stanza_txn.place(file, folder / file.relative_to(stanza_root))
                report += [f"stanza {lang} -> {folder / lang}" for lang in languages]
            for package, metadata in packages:
                assert argos_root is not None and argos_txn is not None
                place_package(package, metadata, argos_root, argos_txn)
                report.append(f"argos {metadata['from_code']}->{metadata['to_code']}")
        except BaseException:
            if argos_txn is not None:
                argos_txn.rollback()
            stanza_txn.rollback()
            raise
    finally:
        shutil.rmtree(stage, ignore_errors=True)
        if argos_stage is not None:
            shutil.rmtree(argos_stage, ignore_errors=True)
    if packages:
        clear_argostranslate_caches()
    return report
