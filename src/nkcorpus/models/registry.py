"""Where Stanza models live, and which NER model nkcorpus uses for a language.

- **Stanza** models live in one *resources folder* laid out as Stanza lays it out
  (``LANG/PROCESSOR/PACKAGE.pt`` plus ``resources.json``). The folder is, in
  order: :attr:`EntityOptions.models_dir
  <nkcorpus.entities.options.EntityOptions.models_dir>`, the environment variable
  ``STANZA_RESOURCES_DIR``, and ``~/stanza_resources`` (see :func:`resources_dir`).
  A folder filled by ``stanza.download`` works with nkcorpus as it is.
- **NER models trained with nkcorpus** (:mod:`nkcorpus.entities.train`) go in
  the same folder and layout (``ko/ner/PACKAGE.pt``, ``ko/pretrain/PACKAGE.pt``)
  and are listed in ``nkcorpus.json`` beside ``resources.json``, with the
  tokenizer they were trained with. Stanza rewrites ``resources.json`` on every
  download; ``nkcorpus.json`` is nkcorpus's own.

For a language, a model listed in ``nkcorpus.json`` wins over Stanza's default
NER model. Traditional Chinese uses the Simplified Chinese model (Stanza has no
``zh-hant`` NER model): the recognizer folds the text to Simplified characters
one for one, so spans stay exact.

Names read from ``resources.json`` and ``nkcorpus.json`` become file paths, so
each must be one plain path component (:func:`check_name`): a description that
names ``../x`` or ``/etc/x`` as a package is ignored here and refused by
:func:`nkcorpus.models.install`.
"""

from __future__ import annotations

import datetime
import json
import logging
import os
import re
import threading
import uuid
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import attrs

from nkcorpus.errors import ConfigError, ModelNotInstalledError
from nkcorpus.text.codes import stanza_code

__all__ = [
    "REGISTRY_FILE",
    "TOKENIZERS",
    "TRAINABLE_TOKENIZERS",
    "NerModel",
    "check_name",
    "find_ner_model",
    "install_hint",
    "ner_candidates",
    "read_json",
    "register_ner_model",
    "registry_entries",
    "require_ner_model",
    "resources_dir",
    "stanza_language",
    "stanza_resources",
    "write_json",
]

logger = logging.getLogger(__name__)

#: The file in the resources folder that lists NER models trained with nkcorpus.
REGISTRY_FILE = "nkcorpus.json"
#: Tokenizers a model can be trained with, namely spaCy's blank English, jieba, the
#: Korean particle-splitting tokenizer and whitespace (:mod:`nkcorpus.entities.tokens`
#: implements them and exports this same tuple).
TRAINABLE_TOKENIZERS = ("spacy", "jieba", "korean", "whitespace")
#: How a model's input can be split into tokens, namely Stanza's own tokenizer model
#: or one of :data:`TRAINABLE_TOKENIZERS`.
TOKENIZERS = ("stanza", *TRAINABLE_TOKENIZERS)

_TOKENIZER_VARIANTS = frozenset({"spacy", "jieba", "pythainlp", "sudachipy"})
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.+-]{0,127}$")


def check_name(name: object, what: str = "name") -> str:
    """Return ``name`` if it is safe as one path component of a model file.

    A package or language name from ``resources.json`` or ``nkcorpus.json``
    becomes part of a path (``LANG/ner/PACKAGE.pt``); it must start with a
    letter or digit and hold only letters, digits and ``_ . + -``, so ``..``,
    ``/``, ``\\`` and absolute paths are impossible.

    >>> check_name("ontonotes-ww-multi_charlm")
    'ontonotes-ww-multi_charlm'

    Raises:
        ConfigError: when it is not.
    """
    if not isinstance(name, str) or not _NAME.match(name) or ".." in name:
        raise ConfigError(
            f"{what} {name!r} is not a plain file name (letters, digits, '_', '.', '+', '-'); "
            "model descriptions may not name paths"
        )
    return name


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
        tokenizer: one of :data:`~nkcorpus.models.registry.TOKENIZERS`.
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


# Parsed JSON files, one entry per path: (modification time, size, data). A changed
# file replaces its entry, so the cache holds no more entries than there are files.
_JSON_CACHE: dict[str, tuple[int, int, Any]] = {}
_JSON_LOCK = threading.Lock()


def read_json(path: Path) -> Any:
    """Return the JSON in ``path`` (cached by modification time), or ``None`` when unreadable."""
    try:
        stat = path.stat()
    except OSError:
        return None
    key, state = str(path), (stat.st_mtime_ns, stat.st_size)
    with _JSON_LOCK:
        cached = _JSON_CACHE.get(key)
        if cached is not None and cached[:2] == state:
            return cached[2]
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        logger.warning("cannot read %s: %s", path, error)
        data = None
    with _JSON_LOCK:
        _JSON_CACHE[key] = (*state, data)
    return data


def write_json(path: Path, data: Any) -> None:
    """Write ``data`` to ``path`` as JSON, atomically (a temporary file, then a rename).

    The file is created with mode ``0o666`` so the process umask alone sets its
    permissions, as for any other file: a models folder may be shared.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.parent / f".tmp-{uuid.uuid4().hex}.json"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(data, handle, indent=2, ensure_ascii=False, sort_keys=True)
            handle.write("\n")
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def registry_entries(models_dir: Path) -> dict[str, Any]:
    """Return the ``ner`` entries of ``nkcorpus.json`` by Stanza language code."""
    data = read_json(models_dir / REGISTRY_FILE)
    return data.get("ner", {}) if isinstance(data, dict) else {}


def stanza_resources(models_dir: Path) -> dict[str, Any]:
    """Return the contents of ``resources.json`` (empty when there is none)."""
    data = read_json(models_dir / "resources.json")
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
    lang = check_name(stanza_language(language), "language")
    check_name(package, "package")
    if pretrain is not None:
        check_name(pretrain, "pretrain")
    entry = {
        "package": package,
        "pretrain": pretrain,
        "tokenizer": tokenizer,
        "labels": sorted(labels),
        "registered": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        **(details or {}),
    }
    model = _registry_model(folder, lang, entry)
    missing = model.missing_files()
    if missing:
        raise ModelNotInstalledError(
            f"cannot register {lang} model {package!r}: missing {', '.join(map(str, missing))}"
        )
    path = folder / REGISTRY_FILE
    data = read_json(path)
    data = dict(data) if isinstance(data, dict) else {}
    ner = dict(data.get("ner", {}))
    ner[lang] = entry
    data["ner"] = ner
    data["format"] = "nkcorpus-registry"
    write_json(path, data)
    return model


def _registry_model(models_dir: Path, lang: str, entry: dict[str, Any]) -> NerModel:
    package = check_name(entry["package"], f"the {lang} package in {REGISTRY_FILE}")
    pretrain = entry.get("pretrain")
    if pretrain is not None:
        check_name(pretrain, f"the {lang} pretrain in {REGISTRY_FILE}")
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
    resources = stanza_resources(models_dir)
    info = resources.get(lang)
    if isinstance(info, dict) and "alias" in info:
        lang = check_name(info["alias"], f"the alias of {lang!r} in resources.json")
        info = resources.get(lang)
    if not isinstance(info, dict):
        return None
    defaults = info.get("default_processors", {})
    listed = defaults.get("ner") if isinstance(defaults, dict) else None
    packages = listed if isinstance(listed, list) else [listed]
    if not packages or not all(isinstance(name, str) for name in packages):
        return None
    where = f"the {lang} models in resources.json"
    names = [check_name(name, where) for name in packages]
    package = names[0]
    ner_infos = info.get("ner") if isinstance(info.get("ner"), dict) else {}

    def dependencies(name: str) -> dict[str, Path]:
        details = ner_infos.get(name, {}) if isinstance(ner_infos, dict) else {}
        found = {}
        for dependency in (details.get("dependencies") or []) if isinstance(details, dict) else []:
            kind, dep_package = dependency.get("model"), dependency.get("package")
            if kind and dep_package:
                found[str(kind)] = (
                    models_dir
                    / lang
                    / check_name(kind, where)
                    / (check_name(dep_package, where) + ".pt")
                )
        return found

    paths = dependencies(package)
    extra = []
    # Stanza loads every NER package listed, each with its own dependencies.
    for other in names[1:]:
        extra.append(models_dir / lang / "ner" / f"{other}.pt")
        extra += [path for path in dependencies(other).values() if path not in extra]
    tokenize = defaults.get("tokenize")
    if isinstance(tokenize, str) and tokenize not in _TOKENIZER_VARIANTS:
        extra.append(models_dir / lang / "tokenize" / f"{check_name(tokenize, where)}.pt")
        mwt = defaults.get("mwt")
        if isinstance(mwt, str):
            extra.append(models_dir / lang / "mwt" / f"{check_name(mwt, where)}.pt")
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


def ner_candidates(language: str, models_dir: Path, *, strict: bool = False) -> list[NerModel]:
    """Return the NER models described for ``language`` in ``models_dir``, installed or not.

    The model in ``nkcorpus.json`` comes first, then Stanza's default; for
    ``zh-hant``, the ``zh-hans`` models follow. A description naming an unsafe
    path (see :func:`check_name`) is skipped with a warning, or raised when
    ``strict``.

    Raises:
        ConfigError: with ``strict``, for an unsafe description.
    """
    lang = stanza_language(language)
    langs = [lang, "zh-hans"] if lang == "zh-hant" else [lang]
    found = []
    for code in langs:
        try:
            check_name(code, "language")
            entry = registry_entries(models_dir).get(code)
            if isinstance(entry, dict) and entry.get("package"):
                found.append(_registry_model(models_dir, code, entry))
            model = _stanza_model(models_dir, code)
        except ConfigError as error:
            if strict:
                raise
            logger.warning("ignoring the %s NER model described in %s: %s", code, models_dir, error)
            continue
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
    for model in ner_candidates(language, resources_dir(models_dir)):
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
            "or install a bundle that holds one with `nkcorpus models install BUNDLE "
            "--sha256 DIGEST`"
        )
    shown = "zh-hans" if lang == "zh-hant" else lang
    return (
        f"run `nkcorpus models download {shown}` (or, offline, `nkcorpus models install "
        "BUNDLE --sha256 DIGEST` with a bundle made by `nkcorpus models bundle` on a connected "
        "machine)"
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
    partial = [m for m in ner_candidates(language, folder) if m.missing_files()]
    detail = ""
    if partial:
        missing = ", ".join(str(p) for p in partial[0].missing_files()[:3])
        detail = f" (package {partial[0].package!r} is listed but misses {missing})"
    raise ModelNotInstalledError(
        f"no Stanza NER model for {language!r} in {folder}{detail}; {install_hint(language)}. "
        "Set EntityOptions.models_dir or STANZA_RESOURCES_DIR if your models are elsewhere, "
        "or use Config(ner='auto') to fall back to the alias gazetteer"
    )
