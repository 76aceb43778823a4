"""The translation stage: every passage not already in the target language, translated.

The stage reads :attr:`Document.segments <nkcorpus.Document.segments>` (from
the language stage) and adds one :class:`~nkcorpus.Translation` per document:
the whole document in :attr:`Config.translate_to <nkcorpus.Config.translate_to>`.
It is off by default (``translate_to=None``).

How the translation is built:

- Each segment is split into sentences (:func:`~nkcorpus.text.sentences.split_sentences`).
  A sentence in a segment of another language is translated; a segment already
  in the target language is copied unchanged. A segment in ``und`` (too short
  to tell) is taken to be in the document's language when it holds letters (a
  short heading) and copied when it holds none (dates, numbers, symbols) or the
  document has no language. Traditional Chinese becomes Simplified (OpenCC)
  when the target is Chinese.
- Every sentence, translated or copied, gets an :class:`~nkcorpus.Alignment`
  from its exact span of ``Document.text`` to its span of ``Translation.text``.
- Text between segments (paragraph breaks) is copied unchanged. Between the
  sentences of a translated segment, a line break is kept as it was and other
  spacing becomes one space (none for Chinese).
- A document without segments is taken as one segment in
  :attr:`Document.language <nkcorpus.Document.language>`.
- A translation into the same target replaces an earlier one.

:attr:`Translation.source_languages <nkcorpus.Translation.source_languages>`
lists the segment languages translated from, and
:attr:`Translation.model <nkcorpus.Translation.model>` the routes used
(``"argos:ko-en+en-zh,zh-en"``, and ``"opencc:t2s"`` after a ``;`` when
Traditional Chinese was converted). A passage whose language has no installed
package (or that nkcorpus does not translate) is copied unchanged and listed in
:attr:`Translation.failures <nkcorpus.Translation.failures>` with the reason
(for a missing package, the command that installs it); the rest of the document
is translated, the document stays ``ok`` and later stages run on it.

All sentences of all documents in a batch go to the model together
(:class:`~nkcorpus.translate.argos.ArgosTranslator`).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping, Sequence
from typing import Any

import attrs

from nkcorpus.document import Alignment, Document, PassageFailure, Segment, Span, Translation
from nkcorpus.errors import InputError, NkcorpusError
from nkcorpus.models.argos import argos_code, argos_packages_dir
from nkcorpus.resources import Resources
from nkcorpus.stage import Stage
from nkcorpus.text.sentences import split_sentences
from nkcorpus.translate.argos import (
    ARGOS_PREFIX,
    TO_SIMPLIFIED,
    ArgosTranslator,
    Route,
    target_code,
)
from nkcorpus.translate.options import TranslateOptions

__all__ = ["COPIED_LANGUAGES", "TranslateStage"]

logger = logging.getLogger(__name__)

#: Segment languages copied into the translation as they are (unless they hold letters
#: and the document has a language: see the module docstring).
COPIED_LANGUAGES = frozenset({"und"})
_LETTER = re.compile(r"[^\W\d_]")


@attrs.frozen
class _Piece:
    """One piece of a translation: fixed text, or the result of a request."""

    source: Span | None
    text: str = ""
    request: int | None = None


@attrs.frozen
class _Plan:
    pieces: tuple[_Piece, ...]
    languages: tuple[str, ...]
    routes: tuple[str, ...]
    failures: tuple[PassageFailure, ...] = ()


class TranslateStage(Stage):
    """Adds a :class:`~nkcorpus.Translation` of each document into one target language.

    Args:
        target: ``"en"``, ``"ko"`` or ``"zh"``.
        options: how the models run; the defaults when ``None``.
        translator: a translator to share (one is made from ``options`` when ``None``).
    """

    name = "translate"
    version = "1.0"
    requires = frozenset({"text", "segments"})
    provides = frozenset({"translations"})

    def __init__(
        self,
        target: str,
        options: TranslateOptions | None = None,
        translator: ArgosTranslator | None = None,
    ) -> None:
        self.target = argos_code(target)
        self.options = options if options is not None else TranslateOptions()
        argos_packages_dir(self.options.packages_dir)  # a bad folder setting fails here, early
        self.translator = translator if translator is not None else ArgosTranslator(self.options)

    def use(self, resources: Resources) -> None:
        """Keep loaded translation models in ``resources`` (the pipeline's store)."""
        self.translator.use(resources)

    def close(self) -> None:
        """Release the loaded translation models; they load again when next needed."""
        self.translator.close()

    def parameters(self) -> Mapping[str, Any]:
        """The target, the model settings and the installed packages (pair and version)."""
        try:
            packages = [
                f"{p.name} {p.version}" for _pair, p in sorted(self.translator.packages().items())
            ]
        except NkcorpusError:
            packages = []
        return {
            "target": self.target,
            "device": self.options.device,
            "threads": self.options.threads,
            "beam_size": self.options.beam_size,
            "batch_size": self.options.batch_size,
            "max_decoding_length": self.options.max_decoding_length,
            "compute_type": self.options.compute_type,
            "packages": packages,
        }

    # -- planning ------------------------------------------------------------------------

    def _segments(self, document: Document) -> tuple[Segment, ...]:
        if document.segments:
            return tuple(sorted(document.segments, key=lambda s: (s.span.start, s.span.end)))
        if not document.text.strip():
            return ()
        if document.language is None:
            raise InputError(
                "the document has no segments and no language; run the language stage before "
                "translation (Config(language=LanguageOptions()))"
            )
        return (Segment(Span(0, len(document.text)), document.language, 1.0),)

    def _plan(self, document: Document, requests: list[tuple[str, str, str]]) -> _Plan:
        text = document.text
        pieces: list[_Piece] = []
        languages: list[str] = []
        routes: list[str] = []
        failures: list[PassageFailure] = []
        position = 0
        separator = "" if self.target == "zh" else " "
        for segment in self._segments(document):
            span = segment.span
            if span.start < position or span.end > len(text):
                raise InputError(
                    f"segment {span} overlaps the one before it or lies outside the text; "
                    "the language stage must give sorted, non-overlapping segments"
                )
            if span.start > position:
                pieces.append(_Piece(None, text[position : span.start]))
            position = span.end
            sentences = split_sentences(
                text, span.start, span.end, max_chars=self.options.max_sentence_chars
            )
            language = segment.language
            if language in COPIED_LANGUAGES and _LETTER.search(text, span.start, span.end):
                language = document.language or language  # a heading too short to tell
            route: Route | None = None
            if language not in COPIED_LANGUAGES:
                try:
                    route = self.translator.route(language, self.target)
                except NkcorpusError as error:  # this passage only: copied, recorded
                    failures.append(
                        PassageFailure(span, language, type(error).__name__, str(error))
                    )
                    pieces.append(_Piece(None, text[span.start : span.end]))
                    continue
                if not route.packages and not route.to_simplified:
                    route = None  # already in the target language: copied
            if route is not None:
                if language not in languages:
                    languages.append(language)
                for step in (route.chain, TO_SIMPLIFIED if route.to_simplified else ""):
                    if step and step not in routes:
                        routes.append(step)
            cursor = span.start
            for sentence in sentences:
                if sentence.start > cursor:
                    gap = text[cursor : sentence.start]
                    rejoin = route is not None and route.packages and cursor > span.start
                    pieces.append(_Piece(None, separator if rejoin and "\n" not in gap else gap))
                if route is None:
                    pieces.append(_Piece(sentence, sentence.of(text)))
                else:
                    requests.append((language, self.target, sentence.of(text)))
                    pieces.append(_Piece(sentence, request=len(requests) - 1))
                cursor = sentence.end
            if span.end > cursor:
                pieces.append(_Piece(None, text[cursor : span.end]))
        if position < len(text):
            pieces.append(_Piece(None, text[position:]))
        return _Plan(tuple(pieces), tuple(languages), tuple(routes), tuple(failures))

    # -- assembling ----------------------------------------------------------------------

    def _assemble(self, document: Document, plan: _Plan, results: Sequence[str]) -> Document:
        parts: list[str] = []
        alignments: list[Alignment] = []
        length = 0
        for piece in plan.pieces:
            value = piece.text if piece.request is None else results[piece.request]
            if piece.source is not None:
                alignments.append(Alignment(piece.source, Span(length, length + len(value))))
            parts.append(value)
            length += len(value)
        translation = Translation(
            target_language=target_code(self.target),
            text="".join(parts),
            alignments=tuple(alignments),
            source_languages=plan.languages,
            model=_model_label(plan.routes),
            failures=plan.failures,
        )
        kept = tuple(
            t for t in document.translations if t.target_language != translation.target_language
        )
        return attrs.evolve(document, translations=(*kept, translation))

    def process(self, document: Document) -> Document:
        """Translate one document (see :meth:`process_batch`)."""
        return self.process_batch([document])[0]

    def process_batch(self, documents: Sequence[Document]) -> list[Document]:
        """Translate all documents together; a document that cannot be planned fails alone."""
        requests: list[tuple[str, str, str]] = []
        plans: list[_Plan | Exception] = []
        for document in documents:
            mark = len(requests)
            try:
                plans.append(self._plan(document, requests))
            except NkcorpusError as error:
                del requests[mark:]
                plans.append(error)
        results = self.translator.translate(requests)
        out = []
        for document, plan in zip(documents, plans, strict=True):
            if isinstance(plan, Exception):
                logger.info("cannot translate document %s: %s", document.id, plan)
                out.append(document.with_failure(self.name, plan))
            else:
                out.append(self._assemble(document, plan, results))
        return out


def _model_label(routes: Sequence[str]) -> str | None:
    """``"argos:ko-en+en-zh,zh-en"``, with ``"opencc:t2s"`` after a ``;`` when it was used."""
    chains = [route for route in routes if route != TO_SIMPLIFIED]
    labels = ([ARGOS_PREFIX + ",".join(chains)] if chains else []) + [
        route for route in routes if route == TO_SIMPLIFIED
    ]
    return ";".join(labels) or None
