"""What is installed and what is missing: the rows of ``nkcorpus models list``.

Reads files only, offline; never imports Stanza, torch or Argos Translate.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path

import attrs

from nkcorpus.errors import ConfigError
from nkcorpus.models.argos import installed_pairs
from nkcorpus.models.registry import (
    install_hint,
    ner_candidates,
    registry_entries,
    resources_dir,
    stanza_language,
    stanza_resources,
)

__all__ = ["DEFAULT_LANGUAGES", "ModelStatus", "list_models"]

#: Languages ``nkcorpus models list`` always shows (Stanza codes).
DEFAULT_LANGUAGES = ("en", "ko", "zh-hans")


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
        candidates = ner_candidates(lang, models_dir)
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
    :data:`~nkcorpus.models.status.DEFAULT_LANGUAGES` plus every language with a NER model in the
    folder); Argos rows cover every installed pair and the pairs between
    English and Korean or Chinese that are missing.
    """
    folder = resources_dir(models_dir)
    if languages is None:
        langs = list(DEFAULT_LANGUAGES)
        langs += sorted(registry_entries(folder))
        for code, info in stanza_resources(folder).items():
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
