"""The alias gazetteer: canonical ids for the people, organisations and places of the field.

Every entry has a canonical id (``"kim-jong-un"``), a label (``PER``, ``ORG``,
``GPE``, ``LOC``) and its names in English (with romanization variants),
Korean (South and North Korean spellings) and Chinese (Simplified and
Traditional). nkcorpus ships such a list (``entities/data/gazetteer.jsonl``);
users add their own files (:attr:`EntityOptions.gazetteers
<nkcorpus.entities.options.EntityOptions.gazetteers>`).

File format, one JSON object per line::

    {"id": "kim-jong-un", "label": "PER",
     "names": {"en": ["Kim Jong-un", "Kim Jong Un"], "ko": ["김정은"], "zh": ["金正恩"]}}

``names`` may also be a plain list (``"aliases": [...]`` works too). A file
ending in ``.tsv`` or ``.csv`` holds one alias a row: ``alias, id, label``.
Lines starting with ``#`` and blank lines are skipped. An alias given again in
a later file replaces the earlier one (user files are read after the built-in
list), so users can re-point an alias to their own id.

Matching (:meth:`Gazetteer.find`) runs one Aho-Corasick automaton
(``pyahocorasick``) over a folded copy of the text that has exactly the same
length, so every match is an exact span of the original text. Folding
(:func:`fold`) lowercases, strips accents (``Jŏng`` = ``Jong``), unifies dashes,
apostrophes and spaces, and turns Traditional Chinese characters into Simplified
ones one character at a time. Aliases with a hyphen also match written with a
space or closed up (``Kim Jong-un``, ``Kim Jong Un``, ``Kim Jongun``). Acronyms
(two or more capitals and no space: ``UN``, ``U.N.``, ``DPRK``) match only as
written, so ``un`` in other words or languages does not.

Boundaries depend on the script at each end of an alias:

- Latin letters and digits: the neighbouring character must not be a Latin
  letter or digit, and a hyphen joining more letters on the right also blocks
  (``Kim Song`` does not match inside ``Kim Song-ju``; ``North Korea`` does not
  match in ``North Korean``).
- Hangul: the character before must not be Hangul, and the Hangul right after
  must be nothing or a particle chain (:data:`nkcorpus.entities.korean.PARTICLES`):
  ``김정은은`` and ``평양에서`` match, ``한국어`` does not match ``한국``.
- Chinese characters: no boundary (Chinese has no spaces); the longest match wins.

Overlapping matches are resolved longest first (``UN General Assembly`` over
``UN``), then leftmost.
"""

from __future__ import annotations

import csv
import importlib.resources
import json
import logging
import os
import re
import threading
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import attrs

from nkcorpus.document import Entity, Span
from nkcorpus.entities.korean import is_hangul, is_particle_chain
from nkcorpus.errors import ConfigError
from nkcorpus.text.chinese import to_simplified
from nkcorpus.text.scripts import is_han

__all__ = [
    "Gazetteer",
    "GazetteerEntry",
    "alias_keys",
    "builtin_path",
    "fold",
    "load_gazetteer",
    "read_entries",
    "simplify",
]

logger = logging.getLogger(__name__)

_DASHES = frozenset("-‐‑‒–—―−﹘﹣－")
_APOSTROPHES = frozenset("'‘’‛ʼ`´′＇")


_FOLD_LOCK = threading.Lock()


def _is_latin_word(char: str) -> bool:
    return char.isalnum() and not is_hangul(char) and not is_han(char)


def _translate(text: str, table: dict[int, str]) -> str:
    """``str.translate`` with a table that other threads may be filling in."""
    try:
        return text.translate(table)
    except RuntimeError:  # the table grew while another thread translated
        with _FOLD_LOCK:
            return text.translate(table)


def simplify(text: str) -> str:
    """Return ``text`` with Traditional Chinese characters made Simplified, one for one.

    The result has the same length as ``text``, so offsets into it are offsets
    into ``text`` (:func:`nkcorpus.text.chinese.to_simplified`).

    >>> simplify("習近平與金正恩")
    '习近平与金正恩'
    """
    return to_simplified(text)


class _FoldTable(dict[int, str]):
    """A ``str.translate`` table that works out each character's folded form once."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        out = char
        if char in _DASHES:
            out = "-"
        elif char in _APOSTROPHES:
            out = "'"
        elif char.isspace():
            out = " "
        elif is_hangul(char):
            out = char
        elif is_han(char):
            out = simplify(char)
        else:
            base = "".join(
                c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c)
            )
            if len(base) == 1:
                lower = base.lower()
                out = lower if len(lower) == 1 else base
            else:
                lower = char.lower()
                out = lower if len(lower) == 1 else char
        self[code] = out
        return out


_FOLD = _FoldTable()


def fold(text: str) -> str:
    """Return the matching form of ``text``: same length, one character for one.

    >>> fold("Kim Jŏng–Ŭn’s 金正恩 習近平")
    "kim jong-un's 金正恩 习近平"
    """
    return _translate(text, _FOLD)


def _is_acronym(alias: str) -> bool:
    return " " not in alias and sum(1 for c in alias if c.isupper()) >= 2


def alias_keys(alias: str) -> set[str]:
    """Return the folded keys an alias matches under: as written, and hyphens as space or closed.

    >>> sorted(alias_keys("Kim Jong-un"))
    ['kim jong un', 'kim jong-un', 'kim jongun']
    """
    key = " ".join(fold(alias).split())
    keys = {key}
    if "-" in key and not _is_acronym(alias):
        keys.add(key.replace("-", " "))
        keys.add(key.replace("-", ""))
    return {k for k in keys if k}


@attrs.frozen
class GazetteerEntry:
    """One person, organisation or place, with all its names.

    Attributes:
        id: the canonical id, the same in every language (``"kim-jong-un"``).
        label: ``PER``, ``ORG``, ``GPE``, ``LOC`` or ``MISC``.
        names: ``(language, alias)`` pairs; language is ``en``, ``ko``, ``zh``
            or ``""`` when the file does not say.
        note: a short description, when the file gives one.
    """

    id: str
    label: str
    names: tuple[tuple[str, str], ...] = ()
    note: str | None = None

    def aliases(self, language: str | None = None) -> list[str]:
        """Return the names, all of them or those of one language."""
        return [alias for lang, alias in self.names if language is None or lang == language]


def builtin_path() -> Path:
    """Return the path of the alias list shipped with nkcorpus."""
    return Path(str(importlib.resources.files("nkcorpus.entities") / "data" / "gazetteer.jsonl"))


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
    """Read the entries of one gazetteer file (JSON lines, or ``.tsv``/``.csv`` rows).

    Raises:
        ConfigError: when the file is missing or a line is malformed (the
            message names the file and line).
    """
    path = Path(path)
    try:
        content = path.read_text(encoding="utf-8")
    except FileNotFoundError as error:
        raise ConfigError(
            f"gazetteer file {str(path)!r} does not exist; fix EntityOptions.gazetteers"
        ) from error
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"cannot read gazetteer file {str(path)!r} as UTF-8: {error}") from error
    if path.suffix.lower() in (".tsv", ".csv"):
        return _entries_from_rows(content, path)
    entries = []
    for number, line in enumerate(content.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        where = f"{path}:{number}"
        try:
            data = json.loads(line)
        except json.JSONDecodeError as error:
            raise ConfigError(f"{where}: not valid JSON ({error.msg})") from error
        entries.append(_entry_from_json(data, where))
    return entries


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


@attrs.frozen
class _Alias:
    entry: int  # index into Gazetteer.entries
    length: int  # length of the folded key
    exact: str | None  # acronyms match only as written
    latin_start: bool
    latin_end: bool
    hangul_start: bool
    hangul_end: bool


_SPACES = re.compile(r"\s+")


class Gazetteer:
    """A set of entries and a fast matcher over all their aliases.

    Build one with :func:`load_gazetteer` (cached) or from entries directly.

    Args:
        entries: the entries; an alias of a later entry replaces the same alias
            of an earlier one.
    """

    def __init__(self, entries: Iterable[GazetteerEntry]):
        import ahocorasick

        self.entries: tuple[GazetteerEntry, ...] = tuple(entries)
        self._by_id: dict[str, GazetteerEntry] = {}
        table: dict[str, dict[str | None, _Alias]] = {}
        for index, entry in enumerate(self.entries):
            self._by_id.setdefault(entry.id, entry)
            for _lang, alias in entry.names:
                alias = _SPACES.sub(" ", alias)
                exact = alias if _is_acronym(alias) else None
                for key in alias_keys(alias):
                    table.setdefault(key, {})[exact] = _Alias(
                        entry=index,
                        length=len(key),
                        exact=exact,
                        latin_start=_is_latin_word(key[0]),
                        latin_end=_is_latin_word(key[-1]),
                        hangul_start=is_hangul(key[0]),
                        hangul_end=is_hangul(key[-1]),
                    )
        self._keys = {key: idx.entry for key, found in table.items() for idx in found.values()}
        self._automaton = ahocorasick.Automaton()
        for key, found in table.items():
            self._automaton.add_word(key, tuple(found.values()))
        if table:
            self._automaton.make_automaton()
        self.alias_count = sum(len(found) for found in table.values())

    def __len__(self) -> int:
        return len(self.entries)

    def __repr__(self) -> str:
        return f"<Gazetteer {len(self.entries)} entries, {self.alias_count} alias keys>"

    def entry(self, canonical_id: str) -> GazetteerEntry | None:
        """Return the first entry with ``canonical_id``, or ``None``."""
        return self._by_id.get(canonical_id)

    def lookup(self, name: str) -> GazetteerEntry | None:
        """Return the entry whose alias is exactly ``name`` (after folding), or ``None``.

        Acronyms are not told apart by case here.
        """
        index = self._keys.get(" ".join(fold(name).split()))
        return None if index is None else self.entries[index]

    def _fits(self, text: str, folded: str, start: int, end: int, alias: _Alias) -> bool:
        if alias.exact is not None and text[start:end] != alias.exact:
            return False
        before = folded[start - 1] if start else ""
        after = folded[end] if end < len(folded) else ""
        if alias.latin_start and before and _is_latin_word(before):
            return False
        if alias.latin_end and after:
            if _is_latin_word(after):
                return False
            if after == "-" and end + 1 < len(folded) and _is_latin_word(folded[end + 1]):
                return False
        if alias.hangul_start and before and is_hangul(before):
            return False
        if alias.hangul_end and after and is_hangul(after):
            stop = end
            while stop < len(folded) and is_hangul(folded[stop]):
                stop += 1
            if not is_particle_chain(folded[end:stop]):
                return False
        return True

    def _matches(self, text: str) -> Iterator[tuple[int, int, _Alias]]:
        if not self.alias_count or not text:
            return
        folded = fold(text)
        for last, aliases in self._automaton.iter(folded):
            for alias in aliases:
                start, end = last + 1 - alias.length, last + 1
                if self._fits(text, folded, start, end, alias):
                    yield start, end, alias

    def find(self, text: str) -> list[Entity]:
        """Return the gazetteer's mentions in ``text``, sorted and non-overlapping.

        Each entity's span is an exact span of ``text``, its ``source`` is
        ``"gazetteer"`` and its ``canonical_id`` the entry's id.
        """
        found = sorted(self._matches(text), key=lambda m: (m[0] - m[1], m[0]))
        taken: list[tuple[int, int]] = []
        chosen = []
        for start, end, alias in found:
            if any(start < t_end and t_start < end for t_start, t_end in taken):
                continue
            taken.append((start, end))
            entry = self.entries[alias.entry]
            chosen.append(
                Entity(
                    span=Span(start, end),
                    text=text[start:end],
                    label=entry.label,
                    canonical_id=entry.id,
                    source="gazetteer",
                )
            )
        chosen.sort(key=lambda e: (e.span.start, e.span.end))
        return chosen


_CACHE: dict[tuple[Any, ...], Gazetteer] = {}
_CACHE_LOCK = threading.Lock()


def _file_key(path: str) -> tuple[str, int, int]:
    try:
        stat = os.stat(path)
    except OSError:
        return (path, -1, -1)
    return (path, stat.st_mtime_ns, stat.st_size)


def load_gazetteer(
    paths: Sequence[str | os.PathLike[str]] = (), *, builtin: bool = True
) -> Gazetteer:
    """Return the gazetteer of the built-in list (when ``builtin``) and ``paths``, in that order.

    The result is cached per process until one of the files changes.

    Raises:
        ConfigError: when a file is missing or malformed.
    """
    files = [str(builtin_path())] if builtin else []
    files.extend(os.fspath(p) for p in paths)
    key = tuple(_file_key(f) for f in files)
    with _CACHE_LOCK:
        cached = _CACHE.get(key)
        if cached is not None:
            return cached
    entries: list[GazetteerEntry] = []
    for file in files:
        entries.extend(read_entries(file))
    gazetteer = Gazetteer(entries)
    logger.debug("loaded %r from %d files", gazetteer, len(files))
    with _CACHE_LOCK:
        _CACHE[key] = gazetteer
    return gazetteer
