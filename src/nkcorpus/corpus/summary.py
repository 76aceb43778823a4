"""A readable summary of a run: counts by status, language, entity label and failure."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, Counter  # noqa: UP035 - an alias the API docs resolve

import attrs

from nkcorpus.document import Document

if TYPE_CHECKING:  # pragma: no cover
    from nkcorpus.corpus.result import Result

__all__ = ["Summary"]


@attrs.define
class Summary:
    """Counts gathered while documents stream past.

    The counts stay small however large the corpus (one entry per status,
    language, label and kind of failure), so a summary never grows with it.

    >>> import nkcorpus
    >>> summary = Summary()
    >>> docs = list(summary.watch([nkcorpus.Document.from_raw("text")]))
    >>> summary.documents
    1

    Attributes:
        documents: documents counted.
        status: documents by status (``ok``, ``failed``).
        languages: documents by language.
        labels: entity mentions by label.
        failures: failed documents by ``"stage: ErrorType"``.
        characters: characters of clean text.
        cached: documents taken from the result cache instead of processed.
    """

    documents: int = 0
    status: Counter[str] = attrs.field(factory=Counter)
    languages: Counter[str] = attrs.field(factory=Counter)
    labels: Counter[str] = attrs.field(factory=Counter)
    failures: Counter[str] = attrs.field(factory=Counter)
    characters: int = 0
    cached: int = 0

    def add(self, document: Document) -> None:
        """Count one document."""
        failure = None
        if document.failure is not None:
            failure = f"{document.failure.stage}: {document.failure.error_type}"
        self._count(
            document.status,
            document.language,
            (entity.label for entity in document.entities),
            failure,
            len(document.text),
        )

    def add_result(self, result: Result) -> None:
        """Count one :class:`~nkcorpus.corpus.result.Result` of a corpus run."""
        self._count(
            result.status, result.language, result.labels, result.failure, result.characters
        )
        if result.cached:
            self.cached += 1

    def _count(
        self,
        status: str,
        language: str | None,
        labels: Iterable[str],
        failure: str | None,
        characters: int,
    ) -> None:
        self.documents += 1
        self.status[status] += 1
        self.characters += characters
        if language:
            self.languages[language] += 1
        if labels:
            self.labels.update(labels)
        if failure is not None:
            self.failures[failure] += 1

    def watch(self, documents: Iterable[Document]) -> Iterator[Document]:
        """Count documents as they pass through, yielding each unchanged."""
        for document in documents:
            self.add(document)
            yield document

    def to_dict(self) -> dict[str, Any]:
        """Return the counts as JSON-ready data (read back with :meth:`from_dict`)."""
        return {
            "documents": self.documents,
            "status": dict(self.status),
            "languages": dict(self.languages),
            "labels": dict(self.labels),
            "failures": dict(self.failures),
            "characters": self.characters,
            "cached": self.cached,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Summary:
        """Rebuild a summary from :meth:`to_dict` output."""
        return cls(
            documents=int(data.get("documents", 0)),
            status=Counter(data.get("status", {})),
            languages=Counter(data.get("languages", {})),
            labels=Counter(data.get("labels", {})),
            failures=Counter(data.get("failures", {})),
            characters=int(data.get("characters", 0)),
            cached=int(data.get("cached", 0)),
        )

    def format(self) -> str:
        """Return the summary as a few aligned lines of text."""

        def line(title: str, counts: Counter[str]) -> str:
            body = ", ".join(f"{key} {value}" for key, value in counts.most_common()) or "none"
            return f"  {title:<10} {body}"

        lines = [
            f"nkcorpus: {self.documents} documents, {self.characters} characters of clean text",
            line("status", self.status),
            line("languages", self.languages),
            line("entities", self.labels),
            line("failures", self.failures),
        ]
        if self.cached:
            lines.append(f"  {'cached':<10} {self.cached} documents from the result cache")
        return "\n".join(lines)
