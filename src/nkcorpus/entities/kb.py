"""The knowledge base: sourced entities with their names in every script, and its files.

nkcorpus ships a versioned knowledge base (``entities/data/kb.jsonl``, built by
``scripts/build_kb.py`` from public data and a sourced hand list). Each line is
one entity; :doc:`/howto/kb-schema` documents every field. In short::

    {"id": "kim-jong-un", "wikidata": null, "type": "person",
     "aliases": {"en": ["Kim Jong Un", "Kim Jong-un"], "ko": ["김정은"],
                 "zh-Hans": ["金正恩"]},
     "role": "General Secretary of the Workers' Party of Korea", "years": "2011-",
     "source": ["https://en.wikipedia.org/wiki/Kim_Jong_Un"]}

:func:`read_entries` reads knowledge-base lines, the shorter alias lines of
:mod:`nkcorpus.entities.gazetteer`, or alias tables (``.tsv``/``.csv``), so
users merge their own files with the built-in knowledge base
(:func:`nkcorpus.entities.gazetteer.load_gazetteer`).

>>> entity = entity_from_json({"id": "seoul", "type": "city", "aliases": {"en": ["Seoul"]},
...                            "source": ["https://example.org"]}, "x")
>>> entity.label, entity.to_entry().names
('GPE', (('en', 'Seoul'),))
"""

from __future__ import annotations

import csv
import json
import os
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from nkcorpus.entities.gazetteer import GazetteerEntry, normalize_name
from nkcorpus.errors import ConfigError

__all__ = [
    "LANGUAGES",
    "TYPES",
    "KBEntity",
    "base_language",
    "entity_from_json",
    "load_entities",
    "local_id",
    "read_entries",
    "read_kb",
    "search",
    "stats",
]

#: Entity types and the entity label each one gets.
TYPES: Mapping[str, str] = {
    "person": "PER",
    "organization": "ORG",
    "country": "GPE",
    "province": "GPE",
    "city": "GPE",
    "county": "GPE",
    "place": "LOC",
    "camp": "LOC",
    "group": "MISC",
}

#: Alias languages (English, South and North Korean, Simplified and Traditional Chinese, Japanese).
LANGUAGES = ("en", "ko", "ko-KP", "zh-Hans", "zh-Hant", "ja")

_ID = re.compile(r"^[a-z0-9][a-z0-9.-]*$")
_QID = re.compile(r"^Q[1-9][0-9]*$")


def base_language(language: str) -> str:
    """Return the language of an alias key without its script or region (``zh-Hant`` → ``zh``)."""
    return language.split("-")[0].lower()


@attrs.frozen
class KBEntity:
    """One entity of the knowledge base (see :doc:`/howto/kb-schema`).

    Attributes:
        id: readable canonical id (``"kim-jong-un"``), used as ``Entity.canonical_id``.
        type: one of :data:`TYPES`.
        aliases: ``(language, alias)`` pairs, languages from :data:`LANGUAGES`.
        source: public URLs where the names were taken from or checked.
        wikidata: the Wikidata QID, when the source gives one.
        acronyms: ``(language, acronym)`` pairs; they match only as written.
        ambiguous: aliases that match only with a second cue nearby.
        cues: entity ids or words that confirm an ambiguous alias.
        missing: ``language: reason`` for each of en, ko, zh with no alias.
        fields: the type-specific fields (``role``, ``years``, ``admin_level``,
            ``parent``, ``country``, ``note``...).
    """

    id: str
    type: str
    aliases: tuple[tuple[str, str], ...]
    source: tuple[str, ...]
    wikidata: str | None = None
    acronyms: tuple[tuple[str, str], ...] = ()
    ambiguous: tuple[str, ...] = ()
    cues: tuple[str, ...] = ()
    missing: tuple[tuple[str, str], ...] = ()
    fields: tuple[tuple[str, Any], ...] = ()

    @property
    def label(self) -> str:
        """The entity label of the type (``PER``, ``ORG``, ``GPE``, ``LOC`` or ``MISC``)."""
        return TYPES[self.type]

    def names(self, language: str | None = None) -> list[str]:
        """Return the aliases and acronyms, all or those of one base language (``"zh"``)."""
        return [
            name
            for lang, name in self.aliases + self.acronyms
            if language is None or base_language(lang) == language
        ]

    def to_entry(self) -> GazetteerEntry:
        """Return the matcher's entry for this entity."""
        fields = dict(self.fields)
        note, country = fields.get("note"), fields.get("country")
        return GazetteerEntry(
            self.id,
            self.label,
            self.aliases + self.acronyms,
            note if isinstance(note, str) else None,
            frozenset(self.ambiguous),
            self.cues,
            self.type,
            country if isinstance(country, str) else "",
        )

    def to_json(self) -> dict[str, Any]:
        """Return the entity as one knowledge-base JSON object."""
        data: dict[str, Any] = {"id": self.id, "wikidata": self.wikidata, "type": self.type}
        data["aliases"] = _group(self.aliases)
        if self.acronyms:
            data["acronyms"] = _group(self.acronyms)
        if self.ambiguous:
            data["ambiguous"] = list(self.ambiguous)
        if self.cues:
            data["cues"] = list(self.cues)
        data.update(self.fields)
        if self.missing:
            data["missing"] = dict(self.missing)
        data["source"] = list(self.source)
        return data


def _group(pairs: tuple[tuple[str, str], ...]) -> dict[str, list[str]]:
    grouped: dict[str, list[str]] = {}
    for lang, name in pairs:
        grouped.setdefault(lang, []).append(name)
    return grouped


def _pairs(data: Any, field: str, where: str) -> tuple[tuple[str, str], ...]:
    if data is None:
        return ()
    if not isinstance(data, dict):
        raise ConfigError(f"{where}: {field!r} must map languages to lists of names")
    pairs: list[tuple[str, str]] = []
    for lang, names in data.items():
        if isinstance(names, str):
            names = [names]
        if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
            raise ConfigError(f"{where}: {field}[{lang!r}] must be a list of strings")
        pairs.extend((str(lang), " ".join(n.split())) for n in names if n.strip())
    return tuple(dict.fromkeys(pairs))


def _strings(data: Any, field: str, where: str) -> tuple[str, ...]:
    if data is None:
        return ()
    if isinstance(data, str):
        data = [data]
    if not isinstance(data, list) or not all(isinstance(v, str) and v.strip() for v in data):
        raise ConfigError(f"{where}: {field!r} must be a list of non-empty strings")
    return tuple(data)


_KNOWN = {"id", "wikidata", "type", "aliases", "acronyms", "ambiguous", "cues", "missing", "source"}


def entity_from_json(data: Any, where: str) -> KBEntity:
    """Return the entity of one knowledge-base JSON object.

    Raises:
        ConfigError: naming ``where`` when a field is missing or malformed.
    """
    if not isinstance(data, dict):
        raise ConfigError(f"{where}: each line must be a JSON object")
    entity_id, kind = data.get("id"), data.get("type")
    if not isinstance(entity_id, str) or not _ID.match(entity_id):
        raise ConfigError(f"{where}: 'id' must be a lowercase slug such as 'kim-jong-un'")
    if kind not in TYPES:
        raise ConfigError(f"{where}: 'type' must be one of {', '.join(TYPES)}, not {kind!r}")
    qid = data.get("wikidata")
    if qid is not None and (not isinstance(qid, str) or not _QID.match(qid)):
        raise ConfigError(f"{where}: 'wikidata' must be a QID such as 'Q423' or null")
    aliases = _pairs(data.get("aliases"), "aliases", where)
    acronyms = _pairs(data.get("acronyms"), "acronyms", where)
    if not aliases and not acronyms:
        raise ConfigError(f"{where}: entity {entity_id!r} has no aliases")
    source = _strings(data.get("source"), "source", where)
    if not source:
        raise ConfigError(f"{where}: entity {entity_id!r} needs a 'source' URL")
    missing = data.get("missing") or {}
    if not isinstance(missing, dict) or not all(isinstance(v, str) for v in missing.values()):
        raise ConfigError(f"{where}: 'missing' must map languages to reasons")
    return KBEntity(
        id=entity_id,
        type=str(kind),
        aliases=aliases,
        source=source,
        wikidata=qid,
        acronyms=acronyms,
        ambiguous=_strings(data.get("ambiguous"), "ambiguous", where),
        cues=_strings(data.get("cues"), "cues", where),
        missing=tuple((str(k), v) for k, v in missing.items()),
        fields=tuple((k, v) for k, v in data.items() if k not in _KNOWN),
    )


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError as error:
        raise ConfigError(
            f"gazetteer file {str(path)!r} does not exist; fix EntityOptions.gazetteers"
        ) from error
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"cannot read gazetteer file {str(path)!r} as UTF-8: {error}") from error


def _json_lines(path: Path) -> list[tuple[str, Any]]:
    rows = []
    for number, line in enumerate(_read_text(path).splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        where = f"{path}:{number}"
        try:
            rows.append((where, json.loads(line)))
        except json.JSONDecodeError as error:
            raise ConfigError(f"{where}: not valid JSON ({error.msg})") from error
    return rows


def _is_kb(data: Any) -> bool:
    return isinstance(data, dict) and "type" in data and isinstance(data.get("aliases"), dict)


def read_kb(path: str | os.PathLike[str]) -> list[KBEntity]:
    """Read a knowledge-base file: one entity a line (:func:`entity_from_json`).

    Raises:
        ConfigError: when the file is missing or a line is malformed.
    """
    return [entity_from_json(data, where) for where, data in _json_lines(Path(path))]


def _entry_from_json(data: Any, where: str) -> GazetteerEntry:
    if not isinstance(data, dict):
        raise ConfigError(f"{where}: each line must be a JSON object with 'id', 'label', 'names'")
    entry_id, label = data.get("id"), data.get("label")
    if not isinstance(entry_id, str) or not entry_id.strip():
        raise ConfigError(f"{where}: 'id' must be a non-empty string")
    if not isinstance(label, str) or not label.strip():
        raise ConfigError(f"{where}: 'label' must be a non-empty string such as 'PER' or 'ORG'")
    raw_names = data.get("names", data.get("aliases"))
    names: list[tuple[str, str]] = []
    if isinstance(raw_names, dict):
        for lang, aliases in raw_names.items():
            if isinstance(aliases, str):
                aliases = [aliases]
            if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
                raise ConfigError(f"{where}: names[{lang!r}] must be a list of strings")
            names.extend((str(lang), a) for a in aliases)
    elif isinstance(raw_names, list) and all(isinstance(a, str) for a in raw_names):
        names.extend(("", a) for a in raw_names)
    else:
        raise ConfigError(
            f"{where}: 'names' must map languages to lists of names, or be a list of names"
        )
    names = [(lang, alias.strip()) for lang, alias in names if alias.strip()]
    if not names:
        raise ConfigError(f"{where}: entry {entry_id!r} has no names")
    note = data.get("note")
    return GazetteerEntry(entry_id.strip(), label.strip(), tuple(names), note)


def read_entries(path: str | os.PathLike[str]) -> list[GazetteerEntry]:
    """Read the matcher entries of one file.

    A JSON-lines file may mix knowledge-base lines (with ``type`` and an
    ``aliases`` object) and alias lines (``id``, ``label``, ``names``); a file
    ending in ``.tsv`` or ``.csv`` holds ``alias, id, label`` rows.

    Raises:
        ConfigError: when the file is missing or a line is malformed (the
            message names the file and line).
    """
    path = Path(path)
    if path.suffix.lower() in (".tsv", ".csv"):
        return _entries_from_rows(_read_text(path), path)
    return [
        entity_from_json(data, where).to_entry() if _is_kb(data) else _entry_from_json(data, where)
        for where, data in _json_lines(path)
    ]


def _entries_from_rows(content: str, path: Path) -> list[GazetteerEntry]:
    dialect = "excel-tab" if path.suffix.lower() == ".tsv" else "excel"
    grouped: dict[str, tuple[str, list[tuple[str, str]]]] = {}
    for number, row in enumerate(csv.reader(content.splitlines(), dialect=dialect), 1):
        if not row or not "".join(row).strip() or row[0].lstrip().startswith("#"):
            continue
        if len(row) < 3 or not all(cell.strip() for cell in row[:3]):
            raise ConfigError(f"{path}:{number}: a row needs three columns: alias, id, label")
        alias, entry_id, label = (cell.strip() for cell in row[:3])
        grouped.setdefault(entry_id, (label, []))[1].append(("", alias))
    return [GazetteerEntry(i, label, tuple(names)) for i, (label, names) in grouped.items()]


def local_id(text: str, language: str | None) -> str:
    """Return a stable id for a name the knowledge base lacks: ``language:normalized name``.

    >>> local_id("홍길동씨", "ko"), local_id("John  SMITH", None)
    ('ko:홍길동', 'und:john smith')
    """
    return f"{base_language(language or 'und')}:{normalize_name(text)}"


_LABEL_TYPES = {"PER": "person", "ORG": "organization", "GPE": "city", "LOC": "place"}


def _as_entity(entry: GazetteerEntry, file: Path) -> KBEntity:
    return KBEntity(
        id=entry.id,
        type=_LABEL_TYPES.get(entry.label, "group"),
        aliases=tuple((lang or "und", name) for lang, name in entry.names),
        source=(str(file),),
    )


def load_entities(
    paths: Sequence[str | os.PathLike[str]] = (), *, builtin: bool = True
) -> list[KBEntity]:
    """Return the entities of the built-in knowledge base (when ``builtin``) and ``paths``.

    Lines in the alias format become entities of the type their label suggests
    (``PER`` a person, ``ORG`` an organization, ``GPE`` a city, ``LOC`` a place,
    others a group), with the file as their source. A later entity with the same
    id replaces an earlier one.

    Raises:
        ConfigError: when a file is missing or malformed.
    """
    from nkcorpus.entities.gazetteer import builtin_path

    files = [builtin_path()] if builtin else []
    files.extend(Path(p) for p in paths)
    by_id: dict[str, KBEntity] = {}
    for file in files:
        items: list[KBEntity | GazetteerEntry]
        if file.suffix.lower() in (".tsv", ".csv"):
            items = list(read_entries(file))
        else:
            items = [
                entity_from_json(data, where) if _is_kb(data) else _entry_from_json(data, where)
                for where, data in _json_lines(file)
            ]
        for item in items:
            if isinstance(item, GazetteerEntry):
                item = _as_entity(item, file)
            by_id[item.id] = item
    return list(by_id.values())


def search(name: str, entities: Sequence[KBEntity]) -> list[KBEntity]:
    """Return the entities one of whose names is ``name``, contains it, or is found in it.

    Names are compared in their folded form (:func:`nkcorpus.entities.folding.fold`),
    so any script, spelling or case finds the entity: exact names first.

    >>> [e.id for e in search("特朗普", load_entities())][:1]
    ['donald-trump']
    """
    from nkcorpus.entities.gazetteer import Gazetteer

    query = normalize_name(name)
    if not query:
        return []
    exact, partial = [], []
    for entity in entities:
        keys = [normalize_name(n) for n in entity.names()]
        if query in keys:
            exact.append(entity)
        elif any(query in key for key in keys):
            partial.append(entity)
    by_id = {e.id: e for e in entities}
    inside = [
        by_id[e.canonical_id]
        for e in Gazetteer(e.to_entry() for e in entities).find(name)
        if e.canonical_id in by_id
    ]
    return list({e.id: e for e in exact + inside + partial}.values())


def stats(entities: Sequence[KBEntity]) -> dict[str, dict[str, int]]:
    """Return, per type, the number of entities and of names per alias language.

    >>> stats(load_entities())["person"]["entities"] > 0
    True
    """
    table: dict[str, dict[str, int]] = {}
    for entity in entities:
        row = table.setdefault(entity.type, {"entities": 0})
        row["entities"] += 1
        for lang, _name in entity.aliases + entity.acronyms:
            row[lang] = row.get(lang, 0) + 1
    return dict(sorted(table.items()))
