"""Corpus figures gathered in one streaming pass, each available as a DataFrame.

:class:`CorpusStats` looks at each document once, as it streams past, and
keeps counts: documents by language, status, source, outlet and month, entity
mentions by canonical id (and by month), failures by stage and error type, and
the steps that ran with their versions and settings. Its time is linear in the
size of the corpus. Its memory holds the counts (one entry per distinct
language, source, outlet, month, entity and kind of failure) plus, for the
co-mention figure, the distinct entities of each document as small integers
(about 4 bytes per distinct entity per document); no text is kept.

>>> import nkcorpus
>>> from nkcorpus.views import CorpusStats
>>> config = nkcorpus.Config(ner="gazetteer")
>>> docs = [nkcorpus.process(text, config=config) for text in
...         ["Kim Jong Un visited Pyongyang.", "김정은 위원장이 평양에 도착했다."]]
>>> stats = CorpusStats.from_documents(docs)
>>> stats.top_entities(2)[["canonical_id", "mentions", "documents"]].values.tolist()
[['kim-jong-un', 2, 2], ['pyongyang', 2, 2]]

pandas is imported only when a frame is asked for.
"""

from __future__ import annotations

import json
import re
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import urlsplit

import attrs

from nkcorpus.document import Document
from nkcorpus.errors import SerializationError
from nkcorpus.views.style import wikidata_url

__all__ = ["FIELDS", "UNKNOWN", "CorpusStats", "month_of", "source_group"]

#: The fields :meth:`CorpusStats.documents_by` counts documents by.
FIELDS = ("language", "status", "source", "outlet", "month")
#: The value counted for a document that lacks a field.
UNKNOWN = "unknown"

_MONTH = re.compile(r"^(\d{4})-(\d{2})")
_MAX_NAMES = 16
_MAX_EXAMPLES = 3
_MAX_PARAMETER_SETS = 8


def month_of(published: str | None) -> str:
    """Return the ``YYYY-MM`` of an ISO 8601 date, or :data:`~nkcorpus.views.figures.UNKNOWN`.

    >>> month_of("2016-07-26T09:00:00+09:00"), month_of(None)
    ('2016-07', 'unknown')
    """
    match = _MONTH.match(published or "")
    if not match or not 1 <= int(match.group(2)) <= 12:
        return UNKNOWN
    return f"{match.group(1)}-{match.group(2)}"


def source_group(source: str | None) -> str:
    """Return what a document's source is counted under: a web site, a file or a folder.

    A URL counts under its host, a record of a record file (``FILE#ID`` or
    ``FILE:N``) under the file, and a file under its folder.

    >>> source_group("https://www.koreatimes.co.kr/a/1"), source_group("data/in.jsonl:7")
    ('www.koreatimes.co.kr', 'data/in.jsonl')
    >>> source_group("seeds/000.txt"), source_group(None)
    ('seeds', 'unknown')
    """
    if not source:
        return UNKNOWN
    if "://" in source:
        return urlsplit(source).netloc or source
    record = re.match(r"^(.*\.(?:jsonl|ndjson|csv|parquet))(?:#.*|:\d+)$", source)
    if record:
        return record.group(1)
    folder, _sep, _name = source.replace("\\", "/").rpartition("/")
    return folder or "."


@attrs.define
class CorpusStats:
    """Counts of a corpus, gathered one document at a time (see the module docs).

    Attributes:
        documents: documents counted.
        characters: characters of clean text.
        counts: documents by field (:data:`~nkcorpus.views.figures.FIELDS`), then by value.
        month_language: documents by ``(month, language)``.
        failures: failed documents by ``(stage, error_type)``.
        failure_examples: up to three ``(id, source, message)`` per kind of failure.
        mentions: entity mentions by entity key (the canonical id, or
            ``"text:"`` and the mention for an entity without one).
        entity_documents: documents that mention each entity key.
        entity_labels: the labels each entity key was given, counted.
        entity_names: how each entity key was written, counted (the most
            frequent forms).
        entity_months: mentions by ``(entity key, month)``.
        steps: documents by ``(step name, version)``.
        step_settings: documents by ``(step name, settings as JSON)``, a few per step.
    """

    documents: int = 0
    characters: int = 0
    counts: dict[str, Counter[str]] = attrs.field(factory=lambda: {f: Counter() for f in FIELDS})
    month_language: Counter[tuple[str, str]] = attrs.field(factory=Counter)
    failures: Counter[tuple[str, str]] = attrs.field(factory=Counter)
    failure_examples: dict[tuple[str, str], list[tuple[str, str, str]]] = attrs.field(factory=dict)
    mentions: Counter[str] = attrs.field(factory=Counter)
    entity_documents: Counter[str] = attrs.field(factory=Counter)
    entity_labels: dict[str, Counter[str]] = attrs.field(factory=lambda: defaultdict(Counter))
    entity_names: dict[str, Counter[str]] = attrs.field(factory=lambda: defaultdict(Counter))
    entity_months: Counter[tuple[str, str]] = attrs.field(factory=Counter)
    steps: Counter[tuple[str, str]] = attrs.field(factory=Counter)
    step_settings: Counter[tuple[str, str]] = attrs.field(factory=Counter)
    _settings_per_step: Counter[str] = attrs.field(factory=Counter, repr=False)
    _ids: dict[str, int] = attrs.field(factory=dict, repr=False)
    _keys: list[str] = attrs.field(factory=list, repr=False)
    _members: array[int] = attrs.field(factory=lambda: array("I"), repr=False)
    _ends: array[int] = attrs.field(factory=lambda: array("Q"), repr=False)

    @classmethod
    def from_documents(cls, documents: Iterable[Document]) -> CorpusStats:
        """Count every document of ``documents`` (any iterable, read once)."""
        stats = cls()
        for document in documents:
            stats.add(document)
        return stats

    @classmethod
    def from_path(cls, path: Any) -> CorpusStats:
        """Count the documents of an output file written by nkcorpus (JSON Lines or Parquet).

        The records are counted as JSON, without building :class:`~nkcorpus.Document`
        objects, which makes this several times faster than :meth:`from_documents`.
        """
        from nkcorpus.views.inputs import read_output_records

        stats = cls()
        for record in read_output_records(path):
            stats.add_record(record)
        return stats

    def add(self, document: Document) -> None:
        """Count one document."""
        failure = document.failure
        meta = document.metadata
        self._count(
            document.id,
            len(document.text),
            document.language,
            document.status,
            document.source,
            meta.published,
            meta.outlet,
            (failure.stage, failure.error_type, failure.message) if failure else None,
            [(e.text, e.label, e.canonical_id) for e in document.entities],
            [(s.name, s.version, dict(s.parameters)) for s in document.steps],
        )

    def add_record(self, record: Mapping[str, Any]) -> None:
        """Count one document given in its JSON form (:meth:`Document.to_dict`).

        Raises:
            SerializationError: when ``record`` lacks what a document has.
        """
        try:
            meta = record.get("metadata") or {}
            failure = record.get("failure")
            self._count(
                str(record["id"]),
                len(record.get("text") or ""),
                record.get("language"),
                str(record.get("status", "ok")),
                record.get("source"),
                meta.get("published"),
                meta.get("outlet"),
                (failure["stage"], failure["error_type"], failure["message"]) if failure else None,
                [
                    (e["text"], e["label"], e.get("canonical_id"))
                    for e in record.get("entities", ())
                ],
                [
                    (s["name"], s.get("version", ""), s.get("parameters") or {})
                    for s in record.get("steps", ())
                ],
            )
        except (KeyError, TypeError, AttributeError) as error:
            raise SerializationError(
                f"not a document record ({type(error).__name__}: {error}); pass the output "
                "of 'nkcorpus process'"
            ) from error

    def _count(
        self,
        document_id: str,
        characters: int,
        language: str | None,
        status: str,
        source: str | None,
        published: str | None,
        outlet: str | None,
        failure: tuple[str, str, str] | None,
        entities: list[tuple[str, str, str | None]],
        steps: list[tuple[str, str, Mapping[str, Any]]],
    ) -> None:
        self.documents += 1
        self.characters += characters
        month = month_of(published)
        language = language or UNKNOWN
        counts = self.counts
        counts["language"][language] += 1
        counts["status"][status] += 1
        counts["source"][source_group(source)] += 1
        counts["outlet"][outlet or UNKNOWN] += 1
        counts["month"][month] += 1
        self.month_language[(month, language)] += 1
        if failure is not None:
            kind = (failure[0], failure[1])
            self.failures[kind] += 1
            examples = self.failure_examples.setdefault(kind, [])
            if len(examples) < _MAX_EXAMPLES:
                examples.append((document_id, source or "", failure[2]))
        self._add_entities(entities, month)
        for name, version, parameters in steps:
            self.steps[(name, version)] += 1
            settings = json.dumps(parameters, sort_keys=True, ensure_ascii=False)
            key = (name, settings)
            if key in self.step_settings:
                self.step_settings[key] += 1
            elif self._settings_per_step[name] < _MAX_PARAMETER_SETS:
                self._settings_per_step[name] += 1
                self.step_settings[key] += 1

    def _add_entities(self, entities: list[tuple[str, str, str | None]], month: str) -> None:
        seen: set[int] = set()
        for text, label, canonical_id in entities:
            key = canonical_id or f"text:{text}"
            self.mentions[key] += 1
            self.entity_labels[key][label] += 1
            names = self.entity_names[key]
            if text in names or len(names) < _MAX_NAMES:
                names[text] += 1
            if month != UNKNOWN:
                self.entity_months[(key, month)] += 1
            number = self._ids.get(key)
            if number is None:
                number = self._ids[key] = len(self._keys)
                self._keys.append(key)
            if number not in seen:
                seen.add(number)
                self.entity_documents[key] += 1
                self._members.append(number)
        self._ends.append(len(self._members))

    # The figures, as DataFrames.

    def documents_by(self, field: str) -> Any:
        """Return documents counted by ``field``, largest first.

        ``field`` is one of :data:`~nkcorpus.views.figures.FIELDS`.

        Months come in date order instead, the unknown month last.
        """
        import pandas as pd

        if field not in FIELDS:
            raise ValueError(f"field must be one of {', '.join(FIELDS)}; got {field!r}")
        items = self.counts[field].most_common()
        if field == "month":
            items = sorted(items, key=lambda item: (item[0] == UNKNOWN, item[0]))
        return pd.DataFrame(items, columns=[field, "documents"])

    def documents_by_month_and_language(self) -> Any:
        """Return documents by month and language.

        Columns ``month``, ``language`` and ``documents``, months in date order.
        """
        import pandas as pd

        rows = sorted(
            ((month, language, count) for (month, language), count in self.month_language.items()),
            key=lambda row: (row[0] == UNKNOWN, row[0], row[1]),
        )
        return pd.DataFrame(rows, columns=["month", "language", "documents"])

    def name(self, key: str) -> str:
        """Return how the entity ``key`` is most often written."""
        names = self.entity_names.get(key)
        if names:
            return names.most_common(1)[0][0]
        return key.removeprefix("text:")

    def top_keys(self, n: int) -> list[str]:
        """Return the ``n`` most mentioned entity keys (ties by key, so the order is stable)."""
        return [key for key, _ in sorted(self.mentions.items(), key=lambda kv: (-kv[1], kv[0]))[:n]]

    def top_entities(self, n: int = 20) -> Any:
        """Return the ``n`` most mentioned entities.

        Columns: ``canonical_id`` (missing for an entity without one), ``name``
        (the most frequent form), ``label``, ``mentions``, ``documents``,
        ``forms`` (the forms seen, most frequent first) and ``wikidata``
        (the Wikidata page when the id is a QID).
        """
        import pandas as pd

        rows = []
        for key in self.top_keys(n):
            canonical = None if key.startswith("text:") else key
            rows.append(
                {
                    "canonical_id": canonical,
                    "name": self.name(key),
                    "label": self.entity_labels[key].most_common(1)[0][0],
                    "mentions": self.mentions[key],
                    "documents": self.entity_documents[key],
                    "forms": [form for form, _ in self.entity_names[key].most_common()],
                    "wikidata": wikidata_url(canonical),
                }
            )
        columns = ["canonical_id", "name", "label", "mentions", "documents", "forms", "wikidata"]
        return pd.DataFrame(rows, columns=columns)

    def mentions_over_time(self, n: int = 10) -> Any:
        """Return monthly mentions of the ``n`` most mentioned entities, in long form.

        Columns ``key``, ``name``, ``month``, ``mentions``; months without a
        mention of an entity are given as 0, so each line of the figure is whole.
        Documents without a publication date are left out.
        """
        import pandas as pd

        months = sorted({month for _, month in self.entity_months})
        rows = [
            (key, self.name(key), month, self.entity_months.get((key, month), 0))
            for key in self.top_keys(n)
            for month in months
        ]
        return pd.DataFrame(rows, columns=["key", "name", "month", "mentions"])

    def co_mentions(self, n: int = 20) -> Any:
        """Return how many documents mention both of two top entities, as a square frame.

        Rows and columns are the ``n`` most mentioned entities (by name, with
        their key in the ``keys`` attribute of the frame); the diagonal holds
        the documents that mention each one.
        """
        import pandas as pd

        keys = self.top_keys(n)
        index = {self._ids[key]: i for i, key in enumerate(keys)}
        matrix = [[0] * len(keys) for _ in keys]
        start = 0
        members = self._members
        for end in self._ends:
            present = [index[m] for m in members[start:end] if m in index]
            for a in present:
                row = matrix[a]
                for b in present:
                    row[b] += 1
            start = end
        names = _unique_names([self.name(key) for key in keys], keys)
        frame = pd.DataFrame(matrix, index=names, columns=names)
        frame.attrs["keys"] = keys
        return frame

    def failures_frame(self) -> Any:
        """Return failed documents by stage and error type, with an example message each."""
        import pandas as pd

        rows = [
            (stage, error_type, count, self.failure_examples[(stage, error_type)][0][2])
            for (stage, error_type), count in self.failures.most_common()
        ]
        return pd.DataFrame(rows, columns=["stage", "error_type", "documents", "example"])

    def steps_frame(self) -> Any:
        """Return the steps that ran: name, version, settings (JSON) and documents.

        A step that ran with different versions or settings over the corpus
        has one row for each.
        """
        import pandas as pd

        rows = []
        for (name, version), count in sorted(self.steps.items()):
            settings = [s for (step, s), _ in self.step_settings.most_common() if step == name]
            rows.append((name, version, "; ".join(settings), count))
        return pd.DataFrame(rows, columns=["step", "version", "settings", "documents"])


def _unique_names(names: list[str], keys: list[str]) -> list[str]:
    """Names for axis labels; a name used by two entities gets its key added."""
    seen = Counter(names)
    return [
        name if seen[name] == 1 else f"{name} ({key})"
        for name, key in zip(names, keys, strict=True)
    ]
