"""The alias gazetteer: the matcher that finds knowledge-base names in text.

nkcorpus ships a knowledge base of the people, organisations and places of the
field (:mod:`nkcorpus.entities.kb`, ``entities/data/kb.jsonl``); each entity
has a canonical id and its names in English (with romanization variants),
Korean (South and North Korean spellings) and Chinese (Simplified and
Traditional). Users add their own files (:attr:`EntityOptions.gazetteers
<nkcorpus.entities.options.EntityOptions.gazetteers>`): knowledge-base lines
(see :doc:`/howto/kb-schema`) or the short alias format, one JSON object a line::

    {"id": "kim-jong-un", "label": "PER",
     "names": {"en": ["Kim Jong-un", "Kim Jong Un"], "ko": ["김정은"], "zh": ["金正恩"]}}

``names`` may also be a plain list (``"aliases": [...]`` works too). A file
ending in ``.tsv`` or ``.csv`` holds one alias a row: ``alias, id, label``.
An alias given again in a later file replaces the earlier one.

Matching (:meth:`Gazetteer.find`) runs one Aho-Corasick automaton
(``pyahocorasick``) over a folded copy of the text of exactly the same length
(:func:`~nkcorpus.entities.folding.fold`: case, accents, dashes, Traditional Chinese, North Korean
spelling), so every match is an exact span of the original text. A hyphenated
alias also matches spaced or closed up; acronyms match only as written. Latin
names stop at word boundaries; a Hangul name may carry particles, honorifics
and compound heads (:func:`nkcorpus.entities.korean.is_name_tail`), and one of
three syllables or more may start a compound (``조선로동당중앙위원회``);
Chinese names need no boundary but may not cut a word
(:mod:`nkcorpus.entities.kb_context`). Overlaps go to the longest match
(``金日成广场`` the square over ``金日成`` the person), then the leftmost, in one
sweep linear in the text. A body with a ``country`` in the knowledge base written
right after another country (``일본 외교부``) is left out. An alias the knowledge
base marks ambiguous (``Washington``, ``Yodok``) is kept only with a second cue within
:data:`CUE_WINDOW` characters: another name of the same entity, an entity its
``cues`` name, or one of its cue words. :doc:`/howto/gazetteer` shows each rule.
"""

from __future__ import annotations

import bisect
import importlib.resources
import logging
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import attrs

from nkcorpus.document import Entity, Span
from nkcorpus.entities.folding import fold as fold
from nkcorpus.entities.folding import simplify as simplify
from nkcorpus.entities.kb_context import (
    in_chinese_name,
    in_longer_name,
    korean_place_span,
    splits_chinese_word,
    starts_korean_part,
)
from nkcorpus.entities.korean import is_hangul, is_name_tail, is_particle_chain
from nkcorpus.text.scripts import is_han

__all__ = [
    "CUE_WINDOW",
    "Gazetteer",
    "GazetteerEntry",
    "alias_keys",
    "builtin_path",
    "gazetteer_files",
    "load_gazetteer",
    "normalize_name",
    "read_entries",
]

logger = logging.getLogger(__name__)

#: How many characters either side of an ambiguous alias are searched for a cue.
CUE_WINDOW = 300


def _is_latin_word(char: str) -> bool:
    return char.isalnum() and not is_hangul(char) and not is_han(char)


def _is_acronym(alias: str) -> bool:
    return " " not in alias and sum(1 for c in alias if c.isupper()) >= 2


def alias_keys(alias: str) -> set[str]:
    """Return the folded keys an alias matches under: as written, hyphens as space or closed,
    and a Korean name's spaces closed up (Korean spacing varies: ``남아프리카 공화국``).

    >>> sorted(alias_keys("Kim Jong-un")), sorted(alias_keys("요덕 수용소"))
    (['kim jong un', 'kim jong-un', 'kim jongun'], ['요덕 수용소', '요덕수용소'])
    """
    key = " ".join(fold(alias).split())
    keys = {key}
    if "-" in key and not _is_acronym(alias):
        keys.add(key.replace("-", " "))
        keys.add(key.replace("-", ""))
    if " " in key and any(is_hangul(c) for c in key):
        keys.add(key.replace(" ", ""))
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
        ambiguous: aliases that match only with a second cue nearby.
        cues: entity ids or words that confirm an ambiguous alias.
        kind: the knowledge-base type (``country``, ``city``...), when known.
        country: the id of the country the entity belongs to, when the knowledge
            base says (``south-korea`` for ``외교부``).
    """

    id: str
    label: str
    names: tuple[tuple[str, str], ...] = ()
    note: str | None = None
    ambiguous: frozenset[str] = frozenset()
    cues: tuple[str, ...] = ()
    kind: str = ""
    country: str = ""

    def aliases(self, language: str | None = None) -> list[str]:
        """Return the names, all of them or those of one language."""
        return [alias for lang, alias in self.names if language is None or lang == language]


def builtin_path() -> Path:
    """Return the path of the knowledge base shipped with nkcorpus."""
    return Path(str(importlib.resources.files("nkcorpus.entities") / "data" / "kb.jsonl"))


def read_entries(path: str | os.PathLike[str]) -> list[GazetteerEntry]:
    """Read the entries of one file: knowledge-base or alias JSON lines, or ``.tsv``/``.csv`` rows.

    See :func:`nkcorpus.entities.kb.read_entries`.

    Raises:
        ConfigError: when the file is missing or a line is malformed (the
            message names the file and line).
    """
    from nkcorpus.entities import kb

    return kb.read_entries(path)


@attrs.frozen
class _Alias:
    entry: int  # index into Gazetteer.entries
    length: int  # length of the folded key
    exact: str | None  # acronyms match only as written
    latin_start: bool
    latin_end: bool
    hangul_start: bool
    hangul_end: bool
    compound: bool  # a Hangul name of three syllables or more that may start a compound
    place: bool  # a Hangul or Chinese name of a place (GPE or LOC)
    person: bool  # titles and honorifics may follow it
    org: bool  # the name of an organisation
    ambiguous: bool
    capital: bool  # a Latin alias written with a capital matches only capitalised
    chinese: bool  # starts and ends with a Chinese character


_SPACES = re.compile(r"\s+")
_KOREAS = frozenset({"", "south-korea", "north-korea"})  # "": a curated North Korean place
_CLOSING = frozenset(")]}）」』》〉>\"'”’")


def normalize_name(name: str) -> str:
    """Return the lookup form of a name: folded, spaces collapsed, a Korean tail cut off.

    A Hangul name loses honorifics and particles written onto it, so
    ``김정은동지께서`` and ``김정은`` have the same form.

    >>> normalize_name("김정은원수님께서"), normalize_name("  Kim  Jŏng-un ")
    ('김정은', 'kim jong-un')
    """
    key = " ".join(fold(name).split())
    word = len(key)
    while word and is_hangul(key[word - 1]):
        word -= 1
    for cut in range(word + 2, len(key)):
        if is_name_tail(key[cut:], heads=False):
            return key[:cut]
    return key


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
            ambiguous = {" ".join(fold(a).split()) for a in entry.ambiguous}
            place = entry.label in ("GPE", "LOC")
            for _lang, alias in entry.names:
                alias = _SPACES.sub(" ", alias)
                exact = alias if _is_acronym(alias) else None
                for key in alias_keys(alias):
                    # how many Hangul syllables the key ends with
                    tail = next((i for i, c in enumerate(key[::-1]) if not is_hangul(c)), len(key))
                    table.setdefault(key, {})[exact] = _Alias(
                        entry=index,
                        length=len(key),
                        exact=exact,
                        latin_start=_is_latin_word(key[0]),
                        latin_end=_is_latin_word(key[-1]),
                        hangul_start=is_hangul(key[0]),
                        hangul_end=is_hangul(key[-1]),
                        compound=tail >= 3 and not place,
                        place=place and (tail > 0 or is_han(key[-1])),
                        person=entry.label == "PER",
                        org=entry.label == "ORG",
                        ambiguous=" ".join(fold(alias).split()) in ambiguous,
                        capital=alias[0].isupper() and _is_latin_word(alias[0]),
                        chinese=is_han(key[0]) and is_han(key[-1]),
                    )
        self._keys = {key: idx.entry for key, found in table.items() for idx in found.values()}
        self._automaton = ahocorasick.Automaton()
        for key, found in table.items():
            self._automaton.add_word(key, tuple(found.values()))
        if table:
            self._automaton.make_automaton()
        self._longest = max((len(key) for key in table), default=0)
        self.alias_count = sum(len(found) for found in table.values())
        self._cue_ids: dict[int, frozenset[str]] = {}
        self._cue_words: dict[int, tuple[str, ...]] = {}
        for index, entry in enumerate(self.entries):
            if entry.ambiguous:
                ids = {c for c in entry.cues if c in self._by_id}
                self._cue_ids[index] = frozenset(ids | {entry.id})
                words = {" ".join(fold(c).split()) for c in entry.cues if c not in ids}
                words -= {" ".join(fold(a).split()) for a in entry.ambiguous}  # not its own cue
                self._cue_words[index] = tuple(sorted(w for w in words if w))

    def __len__(self) -> int:
        return len(self.entries)

    def __repr__(self) -> str:
        return f"<Gazetteer {len(self.entries)} entries, {self.alias_count} alias keys>"

    def entry(self, canonical_id: str) -> GazetteerEntry | None:
        """Return the first entry with ``canonical_id``, or ``None``."""
        return self._by_id.get(canonical_id)

    def lookup(self, name: str) -> GazetteerEntry | None:
        """Return the entry whose alias is exactly ``name`` (after folding), or ``None``.

        Honorifics and particles written onto a Korean name are cut off first
        (:func:`normalize_name`). Acronyms are not told apart by case here.
        """
        index = self._keys.get(" ".join(fold(name).split()))
        if index is None:
            index = self._keys.get(normalize_name(name))
        return None if index is None else self.entries[index]

    def _fits(self, text: str, folded: str, start: int, end: int, alias: _Alias) -> bool:
        if alias.exact is not None and text[start:end] != alias.exact:
            return False
        if alias.capital and not text[start].isupper():
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
            if is_hangul(after):  # Korean writes particles onto Latin names (UN에서), not words
                return self._tail_fits(folded, end, alias)
        if alias.hangul_start and before and (is_hangul(before) or is_han(before)):
            return False  # inside a word, or after Hanja written onto it (東아시아)
        if alias.hangul_start and before in _CLOSING and is_particle_chain(text[start:end]):
            return False  # a particle written after brackets: [새벽]이란
        if alias.hangul_end and after and is_hangul(after) and not alias.compound:
            return self._tail_fits(folded, end, alias)
        return True

    @staticmethod
    def _tail_fits(folded: str, end: int, alias: _Alias) -> bool:
        """Whether the Hangul written right after a name leaves it whole (at most 12 syllables)."""
        stop = end
        while stop < len(folded) and is_hangul(folded[stop]) and stop - end < 12:
            stop += 1
        if stop < len(folded) and is_hangul(folded[stop]):
            return False
        return is_name_tail(folded[end:stop], honorifics=alias.person)

    def _matches(self, text: str, folded: str) -> Iterator[tuple[int, int, _Alias]]:
        # A window at a time: the automaton copies what it reads, 4 bytes a character.
        for first in range(0, len(folded), _WINDOW):
            offset = max(0, first - self._longest + 1)
            for last, aliases in self._automaton.iter(folded[offset : first + _WINDOW]):
                if last + offset >= first:
                    for alias in aliases:
                        start, end = last + offset + 1 - alias.length, last + offset + 1
                        if self._fits(text, folded, start, end, alias):
                            yield start, end, alias

    def find(self, text: str) -> list[Entity]:
        """Return the gazetteer's mentions in ``text``, sorted and non-overlapping.

        Each entity's span is an exact span of ``text``, its ``source`` is
        ``"gazetteer"`` and its ``canonical_id`` the entry's id. Time is linear
        in ``len(text)`` (times the longest alias).
        """
        if not self.alias_count or not text:
            return []
        folded = fold(text)
        # Candidates come out in order of their end; grouped by length, each group
        # is also in order of start, so "longest first, then leftmost" needs no sort.
        by_length: dict[int, list[tuple[int, int, _Alias]]] = {}
        for match in self._matches(text, folded):
            by_length.setdefault(match[1] - match[0], []).append(match)
        taken = bytearray(len(text))
        chosen: list[tuple[int, int, _Alias]] = []
        for length in sorted(by_length, reverse=True):
            for match in by_length[length]:
                if taken.find(1, match[0], match[1]) != -1:
                    continue
                taken[match[0] : match[1]] = b"\x01" * length
                chosen.append(match)
        del by_length, taken  # the candidates left out go before the entities are made
        chosen.sort(key=lambda m: m[0])  # a merge of one sorted run per length
        # names inside longer ones (한국 in 한국 정부) are left out but still count as cues
        sure = [(s, self.entries[a.entry].id) for s, _e, a in chosen if not a.ambiguous]
        chosen, confirmed = self._not_inside_names(text, chosen)
        if any(alias.ambiguous for _s, _e, alias in chosen):
            chosen = self._confirmed(chosen, folded, confirmed, sure)
        # One string per distinct mention (a long text repeats the same few names).
        mentions: dict[str, str] = {}
        return [
            Entity(
                span=Span(start, end),
                text=mentions.setdefault(mention := text[start:end], mention),
                label=self.entries[alias.entry].label,
                canonical_id=self.entries[alias.entry].id,
                source="gazetteer",
            )
            for start, end, alias in chosen
        ]

    def _not_inside_names(
        self, text: str, chosen: list[tuple[int, int, _Alias]]
    ) -> tuple[list[tuple[int, int, _Alias]], set[int]]:
        """Drop place matches inside longer names (``Real Madrid``, ``일본대사관``) or across
        Chinese words; a Korean place takes in its unit suffix or the address it starts.

        Also returns the starts of ambiguous matches that the country written right
        before them confirms (``남조선 외교부``); a body of one country written right
        after another country (``일본 외교부``) is left out.
        """
        ends = {end for _s, end, _a in chosen}
        starts = {start for start, _e, _a in chosen}
        kept: list[tuple[int, int, _Alias]] = []
        confirmed: set[int] = set()
        owner: dict[int, str] = {}  # start of a body -> the country written right before it
        absorbed = 0  # matches starting before this are part of an address already kept
        for index, (start, end, alias) in enumerate(chosen):
            if start < absorbed:
                continue
            following = chosen[index + 1][0] if index + 1 < len(chosen) else len(text)
            entry = self.entries[alias.entry]
            if alias.place and alias.hangul_end:
                country = entry.kind == "country"
                span = korean_place_span(text, start, end, country=country, limit=following)
                if span is None:
                    continue
                after = chosen[index + 1][2] if index + 1 < len(chosen) else None
                if following == end + 1 and after and after.hangul_start and after.org:
                    if country:
                        owner[following] = entry.id
                    continue  # a body of the place: 일본 인터폴, 북한 보위부
                suffix = span[1] > end and is_hangul(text[end])
                if alias.ambiguous and suffix and entry.country in _KOREAS:
                    confirmed.add(start)  # its unit suffix written on: 나선시, 개성시
                if span[1] <= following:
                    end = span[1]
                elif self._address_parts(chosen, index + 1, span[1]):
                    end = absorbed = span[1]  # 서울 강서구 화곡동: the districts are its parts
            if alias.org and alias.hangul_end and starts_korean_part(text, end, following):
                continue  # a part of the body: 국회 개헌특위, 서울대 수의학과
            if start in owner and entry.country:
                if owner[start] != entry.country:
                    continue  # another country's body: 일본 외교부, 러시아 국회
                confirmed.add(start)
            if (
                alias.latin_start
                and alias.latin_end
                and entry.label in ("GPE", "LOC")
                and not {start - 1, start - 4, start - 8} & ends  # "X Seoul", "X of (the) Seoul"
                and end + 1 not in starts
                and in_longer_name(text, start, end)
            ):
                continue
            if alias.chinese and (
                splits_chinese_word(text, start, end)
                or (alias.place and in_chinese_name(text, start, end))
            ):
                continue
            kept.append((start, end, alias))
        return kept, confirmed

    @staticmethod
    def _address_parts(chosen: list[tuple[int, int, _Alias]], first: int, end: int) -> bool:
        """Whether the matches from ``chosen[first]`` on that start before ``end`` are places
        ending by ``end``: the districts of an address (``강서구 화곡동``)."""
        for start, stop, alias in chosen[first:]:
            if start >= end:
                break
            if stop > end or not alias.place:
                return False
        return True

    def _confirmed(
        self,
        chosen: list[tuple[int, int, _Alias]],
        folded: str,
        confirmed: set[int],
        sure: list[tuple[int, str]],
    ) -> list[tuple[int, int, _Alias]]:
        """Drop ambiguous matches with no cue within :data:`CUE_WINDOW` characters: no
        entity of ``sure`` (``(start, id)`` of the unambiguous names, in order) among its
        cues, no cue word. Those starting at ``confirmed`` are kept."""
        starts = [s for s, _id in sure]
        kept = []
        for start, end, alias in chosen:
            if alias.ambiguous and start not in confirmed:
                low, high = max(start - CUE_WINDOW, 0), end + CUE_WINDOW
                ids = self._cue_ids.get(alias.entry, frozenset())
                lo, hi = bisect.bisect_left(starts, low), bisect.bisect_right(starts, high)
                near = any(sure[i][1] in ids for i in range(lo, hi))
                if not near:
                    window = folded[low:high]
                    near = any(w in window for w in self._cue_words.get(alias.entry, ()))
                if not near:
                    continue
            kept.append((start, end, alias))
        return kept


_WINDOW = 1 << 16  # characters per window; each also rereads the longest key's length


def gazetteer_files(
    paths: Sequence[str | os.PathLike[str]] = (), *, builtin: bool = True
) -> list[str]:
    """Return the files a gazetteer is built from: the built-in list (when ``builtin``),
    then ``paths``, in that order."""
    files = [str(builtin_path())] if builtin else []
    files.extend(os.fspath(p) for p in paths)
    return files


def load_gazetteer(
    paths: Sequence[str | os.PathLike[str]] = (), *, builtin: bool = True
) -> Gazetteer:
    """Build the gazetteer of the built-in list (when ``builtin``) and ``paths``, in that order.

    Each call reads the files and builds a new matcher; the entity stage keeps the one
    it uses in its pipeline's :class:`~nkcorpus.resources.Resources` store, which builds
    it again only when one of the files changes.

    Raises:
        ConfigError: when a file is missing or malformed.
    """
    files = gazetteer_files(paths, builtin=builtin)
    entries: list[GazetteerEntry] = []
    for file in files:
        entries.extend(read_entries(file))
    gazetteer = Gazetteer(entries)
    logger.debug("loaded %r from %d files", gazetteer, len(files))
    return gazetteer
