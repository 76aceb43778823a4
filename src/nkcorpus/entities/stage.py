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
from collections.abc import Mapping, Sequence
from typing import Any

import attrs

from nkcorpus.document import Document, Entity, Step
from nkcorpus.entities.gazetteer import Gazetteer, load_gazetteer
from nkcorpus.entities.merge import merge_entities
from nkcorpus.entities.options import EntityOptions
from nkcorpus.entities.stanza import StanzaRecognizer
from nkcorpus.errors import ConfigError, ModelNotInstalledError
from nkcorpus.stage import Stage

__all__ = ["MODES", "EntityStage"]

logger = logging.getLogger(__name__)

#: The backends :class:`EntityStage` runs (``"off"`` builds no stage).
MODES = ("auto", "stanza", "gazetteer")

# A piece of text to tag: (document index, target, offset, text, language), where
# target is -1 for the document's text and i for its i-th translation.
_Piece = tuple[int, int, int, str, "str | None"]


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
        self.gazetteer = (
            gazetteer
            if gazetteer is not None
            else load_gazetteer(self.options.gazetteers, builtin=self.options.builtin_gazetteer)
        )
        self.recognizer = StanzaRecognizer(self.options) if mode != "gazetteer" else None
        #: Languages that got the gazetteer alone in this process so far.
        self.fallback_languages: set[str] = set()
        if mode == "stanza" and self.recognizer is not None:
            for language in self.options.stanza_languages:
                self.recognizer.require(language)

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
                (index, -1, s.span.start, document.text[s.span.start : s.span.end], s.language)
                for s in document.segments
                if s.span.end > s.span.start
            ]
        return [(index, -1, 0, document.text, document.language)]

    def _pieces(self, index: int, document: Document) -> list[_Piece]:
        pieces = self._document_pieces(index, document)
        if self.options.on_translations:
            for t_index, translation in enumerate(document.translations):
                pieces.append((index, t_index, 0, translation.text, translation.target_language))
        return pieces

    def process_batch(self, documents: Sequence[Document]) -> list[Document]:
        """Tag every document, with Stanza's work pooled across all of them."""
        failures: dict[int, Exception] = {}
        stanza_pieces: list[_Piece] = []
        fallbacks: dict[int, set[str]] = {}
        used: dict[int, set[str]] = {}
        for index, document in enumerate(documents):
            for piece in self._pieces(index, document):
                language = piece[4] or "und"
                if self.recognizer is None:
                    continue
                model = self.recognizer.model_for(language)
                if model is not None:
                    stanza_pieces.append(piece)
                    used.setdefault(index, set()).add(f"{language}:{model.package}")
                    continue
                if self.mode == "stanza" and language != "und":
                    try:
                        self.recognizer.require(language)
                    except ModelNotInstalledError as error:
                        failures[index] = error
                        break
                fallbacks.setdefault(index, set()).add(language)
        live = [p for p in stanza_pieces if p[0] not in failures]
        found = []
        if live and self.recognizer is not None:
            found = self.recognizer.recognize([(p[3], p[4]) for p in live])
        by_target: dict[tuple[int, int], list[Entity]] = {}
        for (index, target, offset, _text, _lang), piece_entities in zip(live, found, strict=False):
            bucket = by_target.setdefault((index, target), [])
            for entity in piece_entities:
                bucket.append(attrs.evolve(entity, span=entity.span.shift(offset)))
        results = []
        for index, document in enumerate(documents):
            if index in failures:
                results.append(document.with_failure(self.name, failures[index]))
                continue
            entities = self._merge(document.text, by_target.get((index, -1), []))
            translations = document.translations
            if self.options.on_translations:
                translations = tuple(
                    attrs.evolve(
                        t, entities=self._merge(t.text, by_target.get((index, t_index), []))
                    )
                    for t_index, t in enumerate(document.translations)
                )
            steps = list(document.steps)
            if index in used:
                steps.append(
                    Step(
                        "entities.stanza",
                        self.version,
                        {
                            "languages": sorted({u.split(":")[0] for u in used[index]}),
                            "models": sorted(used[index]),
                        },
                    )
                )
            if index in fallbacks and self.mode != "gazetteer":
                languages = sorted(fallbacks[index])
                new = set(languages) - self.fallback_languages
                if new:
                    logger.info("no Stanza NER model for %s: gazetteer only", ", ".join(new))
                self.fallback_languages.update(languages)
                steps.append(
                    Step(
                        "entities.gazetteer-only",
                        self.version,
                        {"languages": languages, "reason": "no Stanza NER model for the language"},
                    )
                )
            results.append(
                attrs.evolve(
                    document, entities=entities, translations=translations, steps=tuple(steps)
                )
            )
        return results

    def _merge(self, text: str, stanza: list[Entity]) -> tuple[Entity, ...]:
        exact = [e for e in stanza if text[e.span.start : e.span.end] == e.text]
        merged = merge_entities(exact, self.gazetteer.find(text), self.gazetteer)
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

