"""Where models live, what is installed, downloads on request, and offline bundles.

nkcorpus never downloads anything on its own. Models are files on disk:

- **Stanza** models live in one *resources folder* laid out as Stanza lays it out
  (``LANG/PROCESSOR/PACKAGE.pt`` plus ``resources.json``). The folder is, in
  order: :attr:`EntityOptions.models_dir
  <nkcorpus.entities.options.EntityOptions.models_dir>`, the environment variable
  ``STANZA_RESOURCES_DIR``, and ``~/stanza_resources`` (see :func:`resources_dir`).
  A folder filled by ``stanza.download`` works with nkcorpus as it is.
- **NER models trained with nkcorpus** (:mod:`nkcorpus.entities.train`, the way
  to Korean NER) go in the same folder and layout (``ko/ner/PACKAGE.pt``,
  ``ko/pretrain/PACKAGE.pt``) and are listed in ``nkcorpus.json`` beside
  ``resources.json``, with the tokenizer they were trained with. Stanza rewrites
  ``resources.json`` on every download; ``nkcorpus.json`` is nkcorpus's own.
- **Argos Translate** packages live where
  :func:`nkcorpus.translate.packages.argos_packages_dir` says.

For a language, a model listed in ``nkcorpus.json`` wins over Stanza's default
NER model. Traditional Chinese uses the Simplified Chinese model (Stanza has no
``zh-hant`` NER model): the recognizer folds the text to Simplified characters
one for one, so spans stay exact.

Only :func:`download_stanza` and :func:`download_translation` touch the network,
and they first check within seconds that the server can be reached.

Bundles move models to machines with no network: :func:`bundle` packs the
Stanza folder and the Argos packages into one tar archive with a manifest of
SHA-256 checksums; :func:`install` checks every member (no absolute paths, no
``..``, no links or special files, size limits, checksums) before anything is
written, then installs.
"""

from __future__ import annotations

import datetime
import hashlib
import io
import json
import logging
import os
import shutil
import socket
import tarfile
import tempfile
import threading
import urllib.parse
import zipfile
from collections.abc import Iterable, Sequence
from pathlib import Path, PurePosixPath
from typing import Any

import attrs

from nkcorpus._version import __version__
from nkcorpus.errors import (
    ConfigError,
    DownloadError,
    ModelNotInstalledError,
    UnsafeArchiveError,
)
from nkcorpus.text.codes import stanza_code

__all__ = [
    "BUNDLE_FORMAT",
    "DEFAULT_LANGUAGES",
    "MAX_BUNDLE_BYTES",
    "MAX_MEMBER_BYTES",
    "REGISTRY_FILE",
    "TOKENIZERS",
    "ModelStatus",
    "NerModel",
    "bundle",
    "download_stanza",
    "download_translation",
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

logger = logging.getLogger(__name__)

#: The file in the resources folder that lists NER models trained with nkcorpus.
REGISTRY_FILE = "nkcorpus.json"
#: The ``format`` value in a bundle's ``manifest.json``.
BUNDLE_FORMAT = "nkcorpus-models"
#: Languages ``nkcorpus models list`` always shows (Stanza codes).
DEFAULT_LANGUAGES = ("en", "ko", "zh-hans")
#: The ways a model's input can be split into tokens, namely Stanza's own tokenizer model,
#: Stanza's spaCy (English) or jieba (Chinese) tokenizers, the Korean
#: particle-splitting tokenizer (:mod:`nkcorpus.entities.korean`), or whitespace.
TOKENIZERS = ("stanza", "spacy", "jieba", "korean", "whitespace")
#: The largest single file a bundle may hold.
MAX_MEMBER_BYTES = 8 * 1024**3
#: The largest total size of a bundle's files.
MAX_BUNDLE_BYTES = 64 * 1024**3
#: Seconds to wait for a download server before giving up.
CONNECT_TIMEOUT = 5.0

_STANZA_RESOURCES_URL = "https://raw.githubusercontent.com/stanfordnlp/stanza-resources/main"
_TOKENIZER_VARIANTS = frozenset({"spacy", "jieba", "pythainlp", "sudachipy"})
_BUNDLE_ROOTS = ("stanza", "argos")


def resources_dir(models_dir: str | os.PathLike[str] | None = None) -> Path:
    """Return the Stanza resources folder nkcorpus reads models from.

    The first that is set wins: ``models_dir`` (from
    :attr:`EntityOptions.models_dir <nkcorpus.entities.options.EntityOptions.models_dir>`),
    ``$STANZA_RESOURCES_DIR``, ``~/stanza_resources``. The folder is not created.
    """
    if models_dir is not None:
        return Path(models_dir).expanduser()
    env = os.environ.get("STANZA_RESOURCES_DIR")
    if env:
        return Path(env).expanduser()
    return Path.home() / "stanza_resources"


def stanza_language(code: str) -> str:
    """Return Stanza's code for an nkcorpus language code (:func:`nkcorpus.text.codes.stanza_code`).

    >>> stanza_language("zh-Hans"), stanza_language("zh"), stanza_language("zh-Hant")
    ('zh-hans', 'zh-hans', 'zh-hant')
    """
    return stanza_code(code)


@attrs.frozen
class NerModel:
    """An installed NER model and everything needed to load it.

    Attributes:
        language: the Stanza language code of the model (``"en"``, ``"zh-hans"``, ``"ko"``).
        package: the package name (file stem) of the model.
        origin: ``"nkcorpus"`` (listed in ``nkcorpus.json``) or ``"stanza"``
            (Stanza's default NER model from ``resources.json``).
        tokenizer: one of :data:`TOKENIZERS`.
        models_dir: the resources folder.
        model_path: the NER model file.
        pretrain_path: its word vectors, or ``None``.
        forward_charlm_path: its forward character language model, or ``None``.
        backward_charlm_path: its backward character language model, or ``None``.
        extra_files: other files it needs (Stanza's tokenizer model).
    """

    language: str
    package: str
    origin: str
    tokenizer: str
    models_dir: Path
    model_path: Path
    pretrain_path: Path | None = None
    forward_charlm_path: Path | None = None
    backward_charlm_path: Path | None = None
    extra_files: tuple[Path, ...] = ()

    def files(self) -> list[Path]:
        """Return every file the model needs."""
        paths = [self.model_path, self.pretrain_path, self.forward_charlm_path]
        paths += [self.backward_charlm_path, *self.extra_files]
        return [p for p in paths if p is not None]

    def missing_files(self) -> list[Path]:
        """Return the files the model needs that are not on disk."""
        return [p for p in self.files() if not p.is_file()]


_JSON_CACHE: dict[tuple[str, int, int], Any] = {}
_JSON_LOCK = threading.Lock()


def _read_json(path: Path) -> Any:
    try:
        stat = path.stat()
    except OSError:
        return None
    key = (str(path), stat.st_mtime_ns, stat.st_size)
    with _JSON_LOCK:
        if key in _JSON_CACHE:
            return _JSON_CACHE[key]
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        logger.warning("cannot read %s: %s", path, error)
        data = None
    with _JSON_LOCK:
        _JSON_CACHE[key] = data
    return data


def _write_json(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".json", dir=path.parent)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(data, handle, indent=2, ensure_ascii=False, sort_keys=True)
        handle.write("\n")
    # mkstemp makes the file private; a models folder may be shared, so use the umask.
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)
    os.replace(tmp, path)


def _registry(models_dir: Path) -> dict[str, Any]:
    data = _read_json(models_dir / REGISTRY_FILE)
    return data.get("ner", {}) if isinstance(data, dict) else {}


def _stanza_resources(models_dir: Path) -> dict[str, Any]:
    data = _read_json(models_dir / "resources.json")
    return data if isinstance(data, dict) else {}


def register_ner_model(
    models_dir: str | os.PathLike[str],
    language: str,
    package: str,
    *,
    tokenizer: str,
    pretrain: str | None = None,
    labels: Sequence[str] = (),
    details: dict[str, Any] | None = None,
) -> NerModel:
    """List a NER model in ``nkcorpus.json`` so nkcorpus uses it for ``language``.

    The files must already be at ``LANG/ner/PACKAGE.pt`` (and
    ``LANG/pretrain/PRETRAIN.pt``) in ``models_dir``. An earlier model listed
    for the language is replaced.

    Raises:
        ConfigError: for an unknown tokenizer.
        ModelNotInstalledError: when the model files are not there.
    """
    if tokenizer not in TOKENIZERS:
        raise ConfigError(f"tokenizer must be one of {', '.join(TOKENIZERS)}; got {tokenizer!r}")
    folder = Path(models_dir)
    lang = stanza_language(language)
    entry = {
        "package": package,
        "pretrain": pretrain,
        "tokenizer": tokenizer,
        "labels": sorted(labels),
        "registered": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        **(details or {}),
    }
    model = _registry_model(folder, lang, entry)
    missing = model.missing_files()
    if missing:
        raise ModelNotInstalledError(
            f"cannot register {lang} model {package!r}: missing {', '.join(map(str, missing))}"
        )
    path = folder / REGISTRY_FILE
    data = _read_json(path)
    data = dict(data) if isinstance(data, dict) else {}
    ner = dict(data.get("ner", {}))
    ner[lang] = entry
    data["ner"] = ner
    data["format"] = "nkcorpus-registry"
    _write_json(path, data)
    return model


def _registry_model(models_dir: Path, lang: str, entry: dict[str, Any]) -> NerModel:
    package = str(entry["package"])
    pretrain = entry.get("pretrain")
    return NerModel(
        language=lang,
        package=package,
        origin="nkcorpus",
        tokenizer=str(entry.get("tokenizer", "whitespace")),
        models_dir=models_dir,
        model_path=models_dir / lang / "ner" / f"{package}.pt",
        pretrain_path=models_dir / lang / "pretrain" / f"{pretrain}.pt" if pretrain else None,
    )


def _stanza_model(models_dir: Path, lang: str) -> NerModel | None:
    resources = _stanza_resources(models_dir)
    info = resources.get(lang)
    if isinstance(info, dict) and "alias" in info:
        lang = str(info["alias"])
        info = resources.get(lang)
    if not isinstance(info, dict):
        return None
    defaults = info.get("default_processors", {})
    package = defaults.get("ner") if isinstance(defaults, dict) else None
    if isinstance(package, list):
        package = package[0] if package else None
    if not isinstance(package, str):
        return None
    paths: dict[str, Path] = {}
    ner_info = info.get("ner", {}).get(package, {}) if isinstance(info.get("ner"), dict) else {}
    for dependency in ner_info.get("dependencies", []) or []:
        kind, dep_package = dependency.get("model"), dependency.get("package")
        if kind and dep_package:
            paths[kind] = models_dir / lang / kind / f"{dep_package}.pt"
    extra = []
    tokenize = defaults.get("tokenize")
    if isinstance(tokenize, str) and tokenize not in _TOKENIZER_VARIANTS:
        extra.append(models_dir / lang / "tokenize" / f"{tokenize}.pt")
        mwt = defaults.get("mwt")
        if isinstance(mwt, str):
            extra.append(models_dir / lang / "mwt" / f"{mwt}.pt")
    return NerModel(
        language=lang,
        package=package,
        origin="stanza",
        tokenizer="stanza" if tokenize not in _TOKENIZER_VARIANTS else str(tokenize),
        models_dir=models_dir,
        model_path=models_dir / lang / "ner" / f"{package}.pt",
        pretrain_path=paths.get("pretrain"),
        forward_charlm_path=paths.get("forward_charlm"),
        backward_charlm_path=paths.get("backward_charlm"),
        extra_files=tuple(extra),
    )


def _candidates(language: str, models_dir: Path) -> list[NerModel]:
    lang = stanza_language(language)
    langs = [lang, "zh-hans"] if lang == "zh-hant" else [lang]
    found = []
    for code in langs:
        entry = _registry(models_dir).get(code)
        if isinstance(entry, dict) and entry.get("package"):
            found.append(_registry_model(models_dir, code, entry))
        model = _stanza_model(models_dir, code)
        if model is not None:
            found.append(model)
    return found


def find_ner_model(
    language: str, models_dir: str | os.PathLike[str] | None = None
) -> NerModel | None:
    """Return the installed NER model for ``language``, or ``None``.

    Reads files only (never imports Stanza or torch). A model listed in
    ``nkcorpus.json`` wins over Stanza's default; a model with a missing file
    does not count. ``zh-Hant`` falls back to the ``zh-hans`` model.
    """
    for model in _candidates(language, resources_dir(models_dir)):
        if not model.missing_files():
            return model
    return None


def install_hint(language: str) -> str:
    """Return the command that installs a NER model for ``language``."""
    lang = stanza_language(language)
    if lang == "ko":
        return (
            "Stanza publishes no Korean NER model: train one with `nkcorpus models train-ner "
            "--lang ko --format klue --train TRAIN.tsv --dev DEV.tsv` (KLUE-NER or BIO data), "
            "or install a bundle that holds one with `nkcorpus models install BUNDLE`"
        )
    shown = "zh-hans" if lang == "zh-hant" else lang
    return (
        f"run `nkcorpus models download {shown}` (or, offline, `nkcorpus models install "
        "BUNDLE` with a bundle made by `nkcorpus models bundle` on a connected machine)"
    )


def require_ner_model(language: str, models_dir: str | os.PathLike[str] | None = None) -> NerModel:
    """Return the installed NER model for ``language``.

    Raises:
        ModelNotInstalledError: when there is none; the message names the folder
            searched and the command that installs one.
    """
    model = find_ner_model(language, models_dir)
    if model is not None:
        return model
    folder = resources_dir(models_dir)
    partial = [m for m in _candidates(language, folder) if m.missing_files()]
    detail = ""
    if partial:
        missing = ", ".join(str(p) for p in partial[0].missing_files()[:3])
        detail = f" (package {partial[0].package!r} is listed but misses {missing})"
    raise ModelNotInstalledError(
        f"no Stanza NER model for {language!r} in {folder}{detail}; {install_hint(language)}. "
        "Set EntityOptions.models_dir or STANZA_RESOURCES_DIR if your models are elsewhere, "
        "or use Config(ner='auto') to fall back to the alias gazetteer"
    )


@attrs.frozen
class ModelStatus:
    """One line of :func:`list_models`.

    Attributes:
        kind: ``"stanza"`` or ``"argos"``.
        language: the language (Stanza code) or translation pair (``"ko->en"``).
        processor: ``"tokenize"``, ``"ner"`` or ``"translate"``.
        package: the package name, or ``None`` when none is known.
        installed: whether every file it needs is on disk.
        origin: ``"stanza"``, ``"nkcorpus"`` or ``"argos"``.
        detail: what is missing, the tokenizer, or the package version.
    """

    kind: str
    language: str
    processor: str
    package: str | None
    installed: bool
    origin: str = ""
    detail: str = ""


def _stanza_statuses(models_dir: Path, languages: Iterable[str]) -> list[ModelStatus]:
    rows = []
    for lang in languages:
        candidates = _candidates(lang, models_dir)
        model = next((m for m in candidates if not m.missing_files()), None)
        if model is not None and model.language != lang:
            note = f"uses the {model.language} model; "
        else:
            note = ""
        if model is None and candidates:
            model = candidates[0]
        if model is None:
            rows.append(ModelStatus("stanza", lang, "ner", None, False, "", install_hint(lang)))
            continue
        if model.tokenizer == "stanza":
            tok_files = [p for p in model.extra_files if p.parent.name == "tokenize"]
            tok_missing = [p for p in tok_files if not p.is_file()]
            rows.append(
                ModelStatus(
                    "stanza",
                    lang,
                    "tokenize",
                    tok_files[0].stem if tok_files else None,
                    not tok_missing,
                    model.origin,
                    f"missing {tok_missing[0]}" if tok_missing else "",
                )
            )
        else:
            rows.append(
                ModelStatus(
                    "stanza", lang, "tokenize", model.tokenizer, True, "nkcorpus", "rule-based"
                )
            )
        missing = model.missing_files()
        detail = note + (f"missing {missing[0]}" if missing else f"tokenizer {model.tokenizer}")
        rows.append(
            ModelStatus("stanza", lang, "ner", model.package, not missing, model.origin, detail)
        )
    return rows


def _argos_statuses(argos_dir: str | os.PathLike[str] | None) -> list[ModelStatus]:
    from nkcorpus.translate.packages import installed_pairs

    try:
        pairs = installed_pairs(argos_dir)
    except ConfigError as error:
        return [ModelStatus("argos", "-", "translate", None, False, "argos", str(error))]
    rows = [
        ModelStatus("argos", f"{a}->{b}", "translate", f"translate-{a}_{b}", True, "argos", v)
        for a, b, v in pairs
    ]
    have = {(a, b) for a, b, _v in pairs}
    for pair in (("ko", "en"), ("en", "ko"), ("zh", "en"), ("en", "zh")):
        if pair not in have:
            rows.append(
                ModelStatus(
                    "argos",
                    f"{pair[0]}->{pair[1]}",
                    "translate",
                    None,
                    False,
                    "argos",
                    f"run `nkcorpus models download --translate {pair[0]} {pair[1]}`",
                )
            )
    return rows


def list_models(
    models_dir: str | os.PathLike[str] | None = None,
    languages: Sequence[str] | None = None,
    *,
    argos_dir: str | os.PathLike[str] | None = None,
    include_argos: bool = True,
) -> list[ModelStatus]:
    """Return what is installed and what is missing, per language and processor.

    Offline: reads files only. Stanza rows cover ``languages`` (default
    :data:`DEFAULT_LANGUAGES` plus every language with a NER model in the
    folder); Argos rows cover every installed pair and the pairs between
    English and Korean or Chinese that are missing.
    """
    folder = resources_dir(models_dir)
    if languages is None:
        langs = list(DEFAULT_LANGUAGES)
        langs += sorted(_registry(folder))
        for code, info in _stanza_resources(folder).items():
            if (
                isinstance(info, dict)
                and isinstance(info.get("default_processors"), dict)
                and "ner" in info["default_processors"]
                and (folder / code / "ner").is_dir()
            ):
                langs.append(code)
    else:
        langs = [stanza_language(code) for code in languages]
    langs = list(dict.fromkeys(langs))
    rows = _stanza_statuses(folder, langs)
    if include_argos:
        rows += _argos_statuses(argos_dir)
    return rows


def _check_reachable(url: str, what: str) -> None:
    parsed = urllib.parse.urlsplit(url)
    host = parsed.hostname or ""
    port = parsed.port or (443 if parsed.scheme == "https" else 80)
    try:
        with socket.create_connection((host, port), timeout=CONNECT_TIMEOUT):
            pass
    except Exception as error:  # OSError offline; sandboxes and test guards raise others
        raise DownloadError(
            f"cannot reach {host} to download {what} ({error}). This machine seems to be "
            "offline: on a machine with network access run `nkcorpus models download ...` and "
            "`nkcorpus models bundle OUT.tar`, copy the bundle here and run "
            "`nkcorpus models install OUT.tar`"
        ) from error


def download_stanza(
    languages: Sequence[str],
    models_dir: str | os.PathLike[str] | None = None,
    *,
    processors: str = "tokenize,ner",
) -> list[str]:
    """Download Stanza's tokenizer and NER models for ``languages`` with ``stanza.download``.

    This is the only place nkcorpus downloads Stanza models, and it runs only
    when called. It checks first, within seconds, that Stanza's server can be
    reached. Korean has no Stanza NER model: asking for ``ko`` raises at once
    with the training recipe to use instead. ``zh-Hant`` downloads the
    Simplified Chinese models, which nkcorpus uses for both scripts.

    Returns:
        The Stanza language codes downloaded.

    Raises:
        DownloadError: offline, or when Stanza's download fails.
        ModelNotInstalledError: for a language Stanza has no NER model for.
    """
    folder = resources_dir(models_dir)
    codes = []
    for language in languages:
        lang = stanza_language(language)
        if lang == "zh-hant":
            lang = "zh-hans"
        if lang == "ko" and "ner" in processors.split(","):
            raise ModelNotInstalledError(install_hint("ko"))
        codes.append(lang)
    codes = list(dict.fromkeys(codes))
    if not codes:
        raise ConfigError("name at least one language to download, for example `en`")
    url = os.environ.get("STANZA_RESOURCES_URL", _STANZA_RESOURCES_URL)
    _check_reachable(url, "Stanza models")
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
                f"{error}); check the language code and your connection, then try again"
            ) from error
    return codes


def download_translation(
    from_code: str, to_code: str, argos_dir: str | os.PathLike[str] | None = None
) -> Path:
    """Download and install the Argos Translate package ``from_code -> to_code``.

    Raises:
        DownloadError: offline, or when the package index has no such pair.
    """
    from nkcorpus.translate.packages import download_argos_pair

    return download_argos_pair(from_code, to_code, argos_dir)


# --------------------------------------------------------------------------- bundles


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _walk_files(root: Path) -> list[Path]:
    files = []
    for folder, dirs, names in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".tmp-"))
        for name in sorted(names):
            path = Path(folder) / name
            if path.is_symlink() or not path.is_file():
                logger.warning("skipping %s: not a regular file", path)
                continue
            files.append(path)
    return files


def bundle(
    out: str | os.PathLike[str],
    models_dir: str | os.PathLike[str] | None = None,
    *,
    languages: Sequence[str] | None = None,
    argos_dir: str | os.PathLike[str] | None = None,
    include_argos: bool = True,
) -> dict[str, Any]:
    """Pack the installed models into one tar archive with a checksum manifest.

    The archive holds ``manifest.json`` first, then the Stanza resources folder
    under ``stanza/`` and the Argos packages under ``argos/``. A name ending in
    ``.tar.gz`` or ``.tgz`` is gzip-compressed (model files barely compress, so
    plain ``.tar`` is the faster choice).

    Args:
        out: the archive to write.
        models_dir: the Stanza resources folder (default: :func:`resources_dir`).
        languages: only these Stanza languages (``resources.json`` and
            ``nkcorpus.json`` always go in); ``None`` for all.
        argos_dir: the Argos packages folder (default: ``argos_packages_dir()``).
        include_argos: whether to pack the Argos packages.

    Returns:
        The manifest written into the archive.

    Raises:
        ModelNotInstalledError: when there is nothing to pack.
    """
    folder = resources_dir(models_dir)
    entries: list[tuple[str, Path]] = []
    if folder.is_dir():
        keep = None if languages is None else {stanza_language(code) for code in languages}
        for path in _walk_files(folder):
            relative = path.relative_to(folder)
            top = relative.parts[0]
            if len(relative.parts) > 1 and keep is not None and top not in keep:
                continue
            if len(relative.parts) == 1 and top not in ("resources.json", REGISTRY_FILE):
                continue
            entries.append((f"stanza/{relative.as_posix()}", path))
    argos_pairs: list[list[str]] = []
    if include_argos:
        from nkcorpus.translate.packages import argos_packages_dir, installed_pairs

        argos = argos_packages_dir(argos_dir)
        if argos.is_dir():
            for path in _walk_files(argos):
                entries.append((f"argos/{path.relative_to(argos).as_posix()}", path))
            argos_pairs = [[a, b, v] for a, b, v in installed_pairs(argos)]
    if not entries:
        raise ModelNotInstalledError(
            f"nothing to bundle: no models in {folder}"
            + (" or in the Argos packages folder" if include_argos else "")
            + "; download them first with `nkcorpus models download LANG`"
        )
    files = [
        {"path": name, "size": path.stat().st_size, "sha256": _sha256(path)}
        for name, path in entries
    ]
    manifest = {
        "format": BUNDLE_FORMAT,
        "format_version": 1,
        "nkcorpus_version": __version__,
        "created": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "stanza_languages": sorted(
            {name.split("/")[1] for name, _ in entries if name.count("/") >= 2}
            & {p.name for p in folder.iterdir() if p.is_dir()}
        )
        if folder.is_dir()
        else [],
        "argos_pairs": argos_pairs,
        "files": files,
    }
    out_path = Path(out)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    mode = "w:gz" if out_path.name.endswith((".tar.gz", ".tgz")) else "w"
    tmp = out_path.with_name(f".tmp-{out_path.name}")
    with tarfile.open(tmp, mode) as archive:  # type: ignore[call-overload]
        data = json.dumps(manifest, indent=2, ensure_ascii=False).encode("utf-8")
        info = tarfile.TarInfo("manifest.json")
        info.size, info.mode = len(data), 0o644
        archive.addfile(info, io.BytesIO(data))
        for name, path in entries:
            info = tarfile.TarInfo(name)
            info.size, info.mode = path.stat().st_size, 0o644
            with path.open("rb") as handle:
                archive.addfile(info, handle)
    os.replace(tmp, out_path)
    return manifest


def _safe_name(name: str) -> str:
    if not name or "\\" in name or "\x00" in name:
        raise UnsafeArchiveError(f"bundle member {name!r} has an unsafe name")
    path = PurePosixPath(name)
    if path.is_absolute() or name.startswith("/") or ":" in path.parts[0]:
        raise UnsafeArchiveError(f"bundle member {name!r} is an absolute path")
    if any(part in ("..", ".", "") for part in name.split("/")):
        raise UnsafeArchiveError(f"bundle member {name!r} steps out of its folder ('..')")
    return name


def _check_members(
    archive: tarfile.TarFile, max_member_bytes: int, max_total_bytes: int
) -> tuple[dict[str, Any], dict[str, tarfile.TarInfo]]:
    members: dict[str, tarfile.TarInfo] = {}
    manifest_info = None
    total = 0
    for info in archive.getmembers():
        name = _safe_name(info.name.rstrip("/") if info.isdir() else info.name)
        if info.issym() or info.islnk():
            raise UnsafeArchiveError(f"bundle member {name!r} is a link; bundles hold files only")
        if info.isdir():
            continue
        if not info.isfile():
            raise UnsafeArchiveError(f"bundle member {name!r} is not a regular file")
        if name in members or (name == "manifest.json" and manifest_info is not None):
            raise UnsafeArchiveError(f"bundle member {name!r} appears twice")
        if info.size > max_member_bytes:
            raise UnsafeArchiveError(
                f"bundle member {name!r} is {info.size} bytes, over the {max_member_bytes} limit"
            )
        total += info.size
        if total > max_total_bytes:
            raise UnsafeArchiveError(f"the bundle unpacks to over {max_total_bytes} bytes")
        if name == "manifest.json":
            manifest_info = info
            continue
        if name.split("/")[0] not in _BUNDLE_ROOTS or "/" not in name:
            raise UnsafeArchiveError(
                f"bundle member {name!r} is outside the stanza/ and argos/ folders"
            )
        members[name] = info
    if manifest_info is None:
        raise UnsafeArchiveError(
            "the archive has no manifest.json: it is not a bundle made by `nkcorpus models bundle`"
        )
    handle = archive.extractfile(manifest_info)
    if handle is None or manifest_info.size > 64 * 1024**2:
        raise UnsafeArchiveError("the bundle's manifest.json cannot be read")
    try:
        manifest = json.loads(handle.read().decode("utf-8"))
    except ValueError as error:
        raise UnsafeArchiveError(
            f"the bundle's manifest.json is not valid JSON: {error}"
        ) from error
    if not isinstance(manifest, dict) or manifest.get("format") != BUNDLE_FORMAT:
        raise UnsafeArchiveError(f"manifest.json does not describe an {BUNDLE_FORMAT} bundle")
    listed = {}
    for item in manifest.get("files", []):
        if not isinstance(item, dict) or not isinstance(item.get("path"), str):
            raise UnsafeArchiveError("manifest.json has a malformed file entry")
        listed[_safe_name(item["path"])] = item
    if set(listed) != set(members):
        extra = sorted(set(members) - set(listed))[:3]
        absent = sorted(set(listed) - set(members))[:3]
        raise UnsafeArchiveError(
            f"the bundle does not match its manifest (not listed: {extra}, missing: {absent}); "
            "the archive was changed or cut short: make it again"
        )
    for name, info in members.items():
        if info.size != listed[name].get("size"):
            raise UnsafeArchiveError(f"bundle member {name!r} has a size the manifest does not")
    return manifest, members


def read_manifest(
    path: str | os.PathLike[str],
    *,
    max_member_bytes: int = MAX_MEMBER_BYTES,
    max_total_bytes: int = MAX_BUNDLE_BYTES,
) -> dict[str, Any]:
    """Check a bundle's members against the safety rules and return its manifest.

    Checksums are verified by :func:`install` while it unpacks.

    Raises:
        UnsafeArchiveError: for links, special files, absolute paths, ``..``,
            oversized members, or members that do not match the manifest.
    """
    try:
        with tarfile.open(path, "r:*") as archive:
            manifest, _members = _check_members(archive, max_member_bytes, max_total_bytes)
    except tarfile.TarError as error:
        raise UnsafeArchiveError(f"{path} is not a readable tar archive: {error}") from error
    return manifest


def _merge_resources(target: Path, incoming: Path) -> None:
    current = _read_json(target)
    new = json.loads(incoming.read_text(encoding="utf-8"))
    if not isinstance(current, dict) or not isinstance(new, dict):
        shutil.copyfile(incoming, target)
        return
    merged = dict(current)
    for key, value in new.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = {**merged[key], **value}
        else:
            merged[key] = value
    _write_json(target, merged)


def _zip_argos_package(folder: Path, out: Path) -> None:
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as archive:
        for path in _walk_files(folder):
            archive.write(path, f"{folder.name}/{path.relative_to(folder).as_posix()}")


def install(
    path: str | os.PathLike[str],
    models_dir: str | os.PathLike[str] | None = None,
    *,
    argos_dir: str | os.PathLike[str] | None = None,
    max_member_bytes: int = MAX_MEMBER_BYTES,
    max_total_bytes: int = MAX_BUNDLE_BYTES,
) -> list[str]:
    """Install a bundle (from :func:`bundle`) or one ``.argosmodel`` package.

    A bundle is checked completely before anything is installed: every member
    must be a regular file under ``stanza/`` or ``argos/`` with a safe relative
    name, listed in the manifest with its size, and within the size limits.
    Files are unpacked into a staging folder while their SHA-256 is checked;
    only when all match are they moved into the Stanza folder (``resources.json``
    and ``nkcorpus.json`` are merged with the ones there) and the Argos packages
    installed with :func:`nkcorpus.translate.packages.install_argos_package`.

    Returns:
        One line per installed item, for display.

    Raises:
        UnsafeArchiveError: when the bundle breaks a rule or a checksum differs.
    """
    source = Path(path)
    if source.suffix == ".argosmodel":
        from nkcorpus.translate.packages import install_argos_package

        pair = install_argos_package(source, argos_dir)
        return [f"argos {pair[0]}->{pair[1]}"]
    if not source.is_file():
        raise ModelNotInstalledError(f"{source} does not exist; give the path of a bundle")
    folder = resources_dir(models_dir)
    folder.mkdir(parents=True, exist_ok=True)
    try:
        archive = tarfile.open(source, "r:*")  # noqa: SIM115 (closed by the with below)
    except tarfile.TarError as error:
        raise UnsafeArchiveError(f"{source} is not a readable tar archive: {error}") from error
    report: list[str] = []
    with archive, tempfile.TemporaryDirectory(prefix=".tmp-install-", dir=folder) as staging:
        manifest, members = _check_members(archive, max_member_bytes, max_total_bytes)
        expected = {item["path"]: item.get("sha256") for item in manifest["files"]}
        stage = Path(staging)
        for name, info in members.items():
            handle = archive.extractfile(info)
            if handle is None:
                raise UnsafeArchiveError(f"bundle member {name!r} cannot be read")
            target = stage.joinpath(*name.split("/"))
            target.parent.mkdir(parents=True, exist_ok=True)
            digest = hashlib.sha256()
            written = 0
            with target.open("wb") as out:
                for block in iter(lambda h=handle: h.read(1 << 20), b""):  # type: ignore[misc]
                    written += len(block)
                    if written > info.size:
                        raise UnsafeArchiveError(f"bundle member {name!r} is longer than declared")
                    digest.update(block)
                    out.write(block)
            if digest.hexdigest() != expected[name]:
                raise UnsafeArchiveError(
                    f"checksum mismatch for {name!r}: the bundle is damaged; copy it again"
                )
        stanza_root = stage / "stanza"
        if stanza_root.is_dir():
            for file in _walk_files(stanza_root):
                relative = file.relative_to(stanza_root)
                target = folder / relative
                target.parent.mkdir(parents=True, exist_ok=True)
                if relative.as_posix() in ("resources.json", REGISTRY_FILE) and target.exists():
                    _merge_resources(target, file)
                else:
                    os.replace(file, target)
            languages = sorted({p.name for p in stanza_root.iterdir() if p.is_dir()})
            report += [f"stanza {lang} -> {folder / lang}" for lang in languages]
        argos_root = stage / "argos"
        if argos_root.is_dir():
            from nkcorpus.translate.packages import install_argos_package

            for package in sorted(p for p in argos_root.iterdir() if p.is_dir()):
                packed = stage / f"{package.name}.argosmodel"
                _zip_argos_package(package, packed)
                pair = install_argos_package(packed, argos_dir)
                report.append(f"argos {pair[0]}->{pair[1]}")
    return report
