"""A readable summary of a run: counts by status, language, entity label and failure."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator

import attrs

from nkcorpus.document import Document

__all__ = ["Summary"]


@attrs.define
class Summary:
    """Counts gathered while documents stream past.

    >>> import nkcorpus
    >>> from nkcorpus.corpus.summary import Summary
    >>> summary = Summary()
    >>> docs = list(summary.watch([nkcorpus.Document.from_raw("text")]))
    >>> summary.documents
    1
    """

    documents: int = 0
    status: Counter[str] = attrs.field(factory=Counter)
    languages: Counter[str] = attrs.field(factory=Counter)
    labels: Counter[str] = attrs.field(factory=Counter)
    failures: Counter[str] = attrs.field(factory=Counter)
    characters: int = 0

    def add(self, document: Document) -> None:
        """Count one document."""
        self.documents += 1
        self.status[document.status] += 1
        self.characters += len(document.text)
        if document.language:
            self.languages[document.language] += 1
        self.labels.update(entity.label for entity in document.entities)
        if document.failure is not None:
            self.failures[f"{document.failure.stage}: {document.failure.error_type}"] += 1

    def watch(self, documents: Iterable[Document]) -> Iterator[Document]:
        """Count documents as they pass through, yielding each unchanged."""
        for document in documents:
            self.add(document)
            yield document

    def format(self) -> str:
        """Return the summary as a few aligned lines of text."""

        def line(title: str, counts: Counter[str]) -> str:
            body = ", ".join(f"{key} {value}" for key, value in counts.most_common()) or "none"
            return f"  {title:<10} {body}"

        return "\n".join(
            [
                f"nkcorpus: {self.documents} documents, {self.characters} characters of clean text",
                line("status", self.status),
                line("languages", self.languages),
                line("entities", self.labels),
                line("failures", self.failures),
            ]
        )
