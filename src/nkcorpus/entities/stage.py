"""The entity stage: Stanza NER where a model is installed, the alias gazetteer everywhere.

:attr:`Config.ner <nkcorpus.Config.ner>` picks the backend:

- ``"auto"`` (default): Stanza for every passage whose language has an
  installed model, the gazetteer alone for the others. Which languages fell
  back is recorded in a step named ``entities.gazetteer-only`` on the document
  (and in :attr:`EntityStage.fallback_languages`). No Stanza or torch import
  happens unless some passage has a model.
- ``"stanza"``: Stanza is required. Languages in
  :attr:`EntityOptions.stanza_languages
  <nkcorpus.entities.options.EntityOptions.stanza_languages>` are checked when
  the pipeline is built (a missing model raises
  :class:`~nkcorpus.errors.ModelNotInstalledError` at once); any other
  language is checked on first use, and a document in a language without a
  model fails with that error (the run goes on). Passages of unknown language
  (``und`` or no language at all) cannot pick a model: they get the gazetteer
  alone, recorded like fallbacks.
- ``"gazetteer"``: the alias gazetteer alone.
- ``"off"``: no stage.

In ``"auto"`` and ``"stanza"`` the gazetteer runs too and the two merge by the
rule in :mod:`nkcorpus.entities.merge`, which is what gives Stanza's entities
their canonical ids.

Languages come from :attr:`Document.segments <nkcorpus.Document.segments>` when
the language stage ran (each segment is tagged in its own language), else from
:attr:`Document.language <nkcorpus.Document.language>`. With
:attr:`EntityOptions.on_translations
<nkcorpus.entities.options.EntityOptions.on_translations>`, each translation is
tagged too (in its target language) and its entities kept in
:attr:`Translation.entities <nkcorpus.Translation.entities>`.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping, Sequence
from typing import Any

import attrs

from nkcorpus.document import Document, Entity, Step
from nkcorpus.entities.gazetteer import Gazetteer, gazetteer_files, load_gazetteer
from nkcorpus.entities.merge import merge_entities
from nkcorpus.entities.options import EntityOptions
from nkcorpus.entities.stanza import StanzaRecognizer
from nkcorpus.errors import ConfigError, ModelNotInstalledError
from nkcorpus.resources import Resources
from nkcorpus.stage import Stage

__all__ = ["FALLBACK_STEP", "MODES", "STANZA_STEP", "EntityStage"]

logger = logging.getLogger(__name__)

#: The backends :class:`EntityStage` runs (``"off"`` builds no stage).
MODES = ("auto", "stanza", "gazetteer")

#: The name of the step recording which Stanza models tagged a document.
STANZA_STEP = "entities.stanza"
#: The name of the step recording the languages that got the gazetteer alone.
FALLBACK_STEP = "entities.gazetteer-only"
#: The target of a piece taken from the document's own text (not a translation).
_DOCUMENT = -1


@attrs.frozen
class _Piece:
    """A piece of text to tag.

    Attributes:
        document: the index of its document in the batch.
        target: ``_DOCUMENT`` for the document's text, ``i`` for its ``i``-th translation.
        offset: where the piece starts in that text.
        text: the piece.
        language: its language, ``None`` when unknown.
    """

    document: int
    target: int
    offset: int
    text: str
    language: str | None


@attrs.define
class _BatchPlan:
    """What the stage does with one batch, worked out before any model runs.

    Attributes:
        stanza: the pieces Stanza tags (those of failed documents left out).
        failures: documents that cannot be tagged, with the reason.
        fallbacks: per document, the languages that got the gazetteer alone.
        models: per document, the ``(language, package)`` of each Stanza model used.
    """

    stanza: list[_Piece] = attrs.Factory(list)
    failures: dict[int, Exception] = attrs.Factory(dict)
    fallbacks: dict[int, set[str]] = attrs.Factory(dict)
    models: dict[int, set[tuple[str, str]]] = attrs.Factory(dict)


class EntityStage(Stage):
    """Find named entities and give them canonical ids.

    Args:
        mode: ``"auto"``, ``"stanza"`` or ``"gazetteer"`` (see the module docs).
        options: the entity settings.
        gazetteer: a gazetteer to use instead of loading the one ``options`` names.

    Raises:
        ConfigError: for an unknown mode or a bad gazetteer file.
        ModelNotInstalledError: in ``"stanza"`` mode, when a language of
            ``options.stanza_languages`` has no model.
    """

    name = "entities"
    version = "1.0"
    requires = frozenset({"text"})
    provides = frozenset({"entities"})

    def __init__(
        self,
        mode: str = "auto",
        options: EntityOptions | None = None,
        *,
        gazetteer: Gazetteer | None = None,
    ):
        if mode not in MODES:
            raise ConfigError(f"entity mode must be one of {', '.join(MODES)}; got {mode!r}")
        self.mode = mode
        self.options = options if options is not None else EntityOptions()
        self._given = gazetteer
        self._files = gazetteer_files(
            self.options.gazetteers, builtin=self.options.builtin_gazetteer
        )
        for path in self._files:  # read on first use; a missing file is refused now
            if not os.path.isfile(path):
                raise ConfigError(
                    f"gazetteer file {path!r} does not exist; fix EntityOptions.gazetteers"
                )
        self._resources: Resources | None = None
        self.recognizer = StanzaRecognizer(self.options) if mode != "gazetteer" else None
        #: Languages that got the gazetteer alone in this process so far.
        self.fallback_languages: set[str] = set()
        if mode == "stanza" and self.recognizer is not None:
            for language in self.options.stanza_languages:
                self.recognizer.require(language)

    @property
    def gazetteer(self) -> Gazetteer:
        """The alias matcher in use, the one given or the one built from the gazetteer files.

        A built one is kept in the store of :meth:`use` (a store of its own until a
        pipeline hands one over), under the files' identity: an edited file is read
        again on next use, and :meth:`Pipeline.close <nkcorpus.Pipeline.close>` lets it go.

        Raises:
            ConfigError: when a gazetteer file is missing or malformed.
        """
        if self._given is not None:
            return self._given
        if self._resources is None:
            self._resources = Resources()
        options = self.options
        return self._resources.get(
            ("gazetteer", tuple(self._files)),
            lambda: load_gazetteer(options.gazetteers, builtin=options.builtin_gazetteer),
            files=self._files,
        )

    def use(self, resources: Resources) -> None:
        """Keep the gazetteer and loaded Stanza pipelines in ``resources`` (the pipeline's)."""
        self._resources = resources
        if self.recognizer is not None:
            self.recognizer.use(resources)

    def close(self) -> None:
        """Release the loaded Stanza pipelines; they load again when next needed."""
        if self.recognizer is not None:
            self.recognizer.close()

    def parameters(self) -> Mapping[str, Any]:
        """Return the settings recorded in each document's ``entities`` step."""
        params: dict[str, Any] = {
            "ner": self.mode,
            "gazetteer_entries": len(self.gazetteer),
            "gazetteers": list(self.options.gazetteers),
            "builtin_gazetteer": self.options.builtin_gazetteer,
            "on_translations": self.options.on_translations,
        }
        if self.mode != "gazetteer":
            params.update(
                device=self.options.device,
                threads=self.options.threads,
                batch_size=self.options.batch_size,
            )
        return params

    @staticmethod
    def _document_pieces(index: int, document: Document) -> list[_Piece]:
        if document.segments:
            return [
                _Piece(index, _DOCUMENT, s.span.start, s.span.of(document.text), s.language)
                for s in document.segments
                if s.span.end > s.span.start
            ]
        return [_Piece(index, _DOCUMENT, 0, document.text, document.language)]

    def _pieces(self, index: int, document: Document) -> list[_Piece]:
        pieces = self._document_pieces(index, document)
        if self.options.on_translations:
            for t_index, translation in enumerate(document.translations):
                pieces.append(
                    _Piece(index, t_index, 0, translation.text, translation.target_language)
                )
        return pieces

    def _plan(self, documents: Sequence[Document]) -> _BatchPlan:
        plan = _BatchPlan()
        if self.recognizer is None:
            return plan
        for index, document in enumerate(documents):
            for piece in self._pieces(index, document):
                language = piece.language or "und"
                model = self.recognizer.model_for(language)
                if model is not None:
                    plan.stanza.append(piece)
                    plan.models.setdefault(index, set()).add((language, model.package))
                    continue
                if self.mode == "stanza" and language != "und":
                    try:
                        self.recognizer.require(language)
                    except ModelNotInstalledError as error:
                        plan.failures[index] = error
                        break
                plan.fallbacks.setdefault(index, set()).add(language)
        plan.stanza = [p for p in plan.stanza if p.document not in plan.failures]
        return plan

    def _tag(self, pieces: list[_Piece]) -> dict[tuple[int, int], list[Entity]]:
        """Stanza's entities of every piece, by (document, target), spans of that text."""
        if not pieces or self.recognizer is None:
            return {}
        found = self.recognizer.recognize([(p.text, p.language) for p in pieces])
        by_target: dict[tuple[int, int], list[Entity]] = {}
        for piece, entities in zip(pieces, found, strict=True):
            bucket = by_target.setdefault((piece.document, piece.target), [])
            bucket.extend(attrs.evolve(e, span=e.span.shift(piece.offset)) for e in entities)
        return by_target

    def _steps(self, index: int, plan: _BatchPlan) -> list[Step]:
        """The sub-steps of one document: Stanza models used, languages that fell back."""
        steps = []
        if index in plan.models:
            used = plan.models[index]
            languages = sorted({language for language, _package in used})
            models = sorted(f"{language}:{package}" for language, package in used)
            steps.append(
                Step(STANZA_STEP, self.version, {"languages": languages, "models": models})
            )
        if index in plan.fallbacks and self.mode != "gazetteer":
            languages = sorted(plan.fallbacks[index])
            new = set(languages) - self.fallback_languages
            if new:
                logger.info("no Stanza NER model for %s: gazetteer only", ", ".join(new))
            self.fallback_languages.update(languages)
            reason = "no Stanza NER model for the language"
            steps.append(
                Step(FALLBACK_STEP, self.version, {"languages": languages, "reason": reason})
            )
        return steps

    def process_batch(self, documents: Sequence[Document]) -> list[Document]:
        """Tag every document, with Stanza's work pooled across all of them."""
        plan = self._plan(documents)
        by_target = self._tag(plan.stanza)
        results = []
        for index, document in enumerate(documents):
            if index in plan.failures:
                results.append(document.with_failure(self.name, plan.failures[index]))
                continue
            entities = self._merge(document.text, by_target.get((index, _DOCUMENT), []))
            translations = document.translations
            if self.options.on_translations:
                translations = tuple(
                    attrs.evolve(t, entities=self._merge(t.text, by_target.get((index, i), [])))
                    for i, t in enumerate(document.translations)
                )
            steps = (*document.steps, *self._steps(index, plan))
            results.append(
                attrs.evolve(document, entities=entities, translations=translations, steps=steps)
            )
        return results

    def _merge(self, text: str, stanza: list[Entity]) -> tuple[Entity, ...]:
        exact = [e for e in stanza if text[e.span.start : e.span.end] == e.text]
        gazetteer = self.gazetteer
        merged = merge_entities(exact, gazetteer.find(text), gazetteer)
        return tuple(merged)

    def find(self, text: str, language: str | None = None) -> list[Entity]:
        """Return the entities of one text, as the stage would give them.

        >>> stage = EntityStage("gazetteer")
        >>> [(e.text, e.canonical_id) for e in stage.find("金正恩在平壤")]
        [('金正恩', 'kim-jong-un'), ('平壤', 'pyongyang')]
        """
        document = Document.from_raw(text)
        document = attrs.evolve(document, language=language)
        (result,) = self.process_batch([document])
        if result.failure is not None:
            raise ModelNotInstalledError(result.failure.message)
        return list(result.entities)
