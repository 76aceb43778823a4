"""The pipeline: inputs in, one :class:`~nkcorpus.Document` out for each, in order.

>>> import nkcorpus
>>> config = nkcorpus.Config(ner="off")
>>> doc = nkcorpus.process("North Korean defectors met in Brussels.", config=config)
>>> doc.status
'ok'

:class:`Pipeline` builds its stages from a :class:`~nkcorpus.Config` (or takes
stages you give it), checks when it is built that every stage gets the fields it
requires, and runs documents through the stages in batches. A document that a
stage cannot handle becomes a failed document with a
:class:`~nkcorpus.Failure` (exception type, message and a short traceback); the
run goes on, and no input is ever dropped. ``Pipeline(on_error="raise")``
raises the stage's exception instead, for debugging.

The models the stages load are kept in the pipeline's
:class:`~nkcorpus.resources.Resources` store and released by
:meth:`Pipeline.close` (or at the end of a ``with Pipeline(...) as pipeline:``
block).
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import islice
from typing import TypeAlias

import attrs

from nkcorpus.cleaning.options import CleanOptions
from nkcorpus.cleaning.stage import CleanStage
from nkcorpus.config import Config
from nkcorpus.document import Document, Step, document_id, freeze_mapping
from nkcorpus.entities.stage import EntityStage
from nkcorpus.errors import ConfigError, EmptyDocumentError, InputError, PipelineError
from nkcorpus.language.stage import LanguageStage
from nkcorpus.resources import Resources
from nkcorpus.stage import FIELDS, Stage
from nkcorpus.translate.stage import TranslateStage

__all__ = ["BUILTIN_STAGES", "ON_ERROR", "Input", "Pipeline", "clean", "make_document", "process"]

#: The values ``Pipeline(on_error=...)`` accepts.
ON_ERROR = ("record", "raise")

logger = logging.getLogger(__name__)

#: The inputs the pipeline accepts, namely text, bytes (decoded by the pipeline),
#: a :class:`Document` (from a reader, possibly already failed), or a
#: ``(content, source)`` pair.
Input: TypeAlias = str | bytes | Document | tuple[str | bytes, str | None]


def _clean_stage(config: Config) -> Stage | None:
    return CleanStage(config.clean) if config.clean is not None else None


def _language_stage(config: Config) -> Stage | None:
    return LanguageStage(config.language) if config.language is not None else None


def _translate_stage(config: Config) -> Stage | None:
    if config.translate_to is None:
        return None
    return TranslateStage(config.translate_to, config.translate)


def _entity_stage(config: Config) -> Stage | None:
    return EntityStage(config.ner, config.entities) if config.ner != "off" else None


#: The built-in stages in the order they run, as ``(name, factory)``. Each factory
#: maps the fields of a :class:`Config` to its stage's own options and returns the
#: stage, or ``None`` when the config turns it off. Importing the stage modules loads
#: no model: models load when a stage first needs them.
BUILTIN_STAGES: tuple[tuple[str, Callable[[Config], Stage | None]], ...] = (
    ("clean", _clean_stage),
    ("language", _language_stage),
    ("translate", _translate_stage),
    ("entities", _entity_stage),
)

#: Fields every document has before any stage runs.
INITIAL_FIELDS = frozenset({"raw", "text"})


def build_stages(config: Config) -> list[Stage]:
    """Return the built-in stages that ``config`` turns on, in order."""
    stages = []
    for _name, factory in BUILTIN_STAGES:
        stage = factory(config)
        if stage is not None:
            stages.append(stage)
    return stages


def make_document(item: Input, source: str | None = None) -> Document:
    """Turn one input into a document before any stage runs.

    Bytes are decoded (the encoding is detected and recorded in
    :attr:`Metadata.encoding`). Input that cannot be decoded, or that holds no
    text, becomes a failed document; this function never raises for bad input.
    """
    from nkcorpus.cleaning.decode import decode

    if isinstance(item, Document):
        return item
    if isinstance(item, tuple):
        item, source = item
    if not isinstance(item, (str, bytes, bytearray, memoryview)):
        error = TypeError(
            f"cannot process a {type(item).__name__}; pass str, bytes, a Document "
            "or a (content, source) pair"
        )
        return Document.failed("input", error, source=source)
    if isinstance(item, str):
        try:
            item.encode("utf-8")
        except UnicodeEncodeError as error:
            bad = InputError(
                f"the text holds the lone surrogate {item[error.start]!a} at position "
                f"{error.start}, which is not a character; fix the input (or pass bytes)"
            )
            return Document.failed("input", bad, source=source, id=document_id(item))
        document = Document.from_raw(item, source)
    else:
        data = bytes(item)
        try:
            decoded = decode(data)
        except Exception as error:
            return Document.failed("decode", error, source=source, id=document_id(data))
        document = Document.from_raw(decoded.text, source, id=document_id(data))
        document = attrs.evolve(
            document,
            metadata=attrs.evolve(
                document.metadata,
                encoding=decoded.encoding,
                encoding_confidence=decoded.confidence,
                extra=(("encoding_note", decoded.note),) if decoded.note else (),
            ),
        )
    if not document.raw.strip():
        what = "empty" if not document.raw else "only whitespace"
        empty = EmptyDocumentError(
            f"the document is {what}; remove it from the input or check how it was scraped"
        )
        return document.with_failure("input", empty)
    return document


class Pipeline:
    """A configured sequence of stages.

    Args:
        config: the settings; the default :class:`Config` when ``None``.
        stages: stages to run instead of the ones ``config`` builds, for custom
            or replaced stages. Use ``Pipeline.default_stages(config)`` to start
            from the built-in ones.
        on_error: ``"record"`` (the default) turns a stage's exception into a failed
            document, after retrying a failed batch one document at a time;
            ``"raise"`` lets it propagate, for debugging.
        resources: the store the stages keep their models in; a new one when
            ``None``. Pass one store to several pipelines to share loaded models.
            :meth:`close` releases it either way (a later use loads again).

    Raises:
        PipelineError: when a stage requires a field no earlier stage provides.
    """

    def __init__(
        self,
        config: Config | None = None,
        stages: Sequence[Stage] | None = None,
        *,
        on_error: str = "record",
        resources: Resources | None = None,
    ):
        if on_error not in ON_ERROR:
            raise ConfigError(f"on_error must be one of {', '.join(ON_ERROR)}; got {on_error!r}")
        self.on_error = on_error
        self.config = config if config is not None else Config()
        if not isinstance(self.config, Config):
            raise ConfigError(f"config must be a nkcorpus.Config, got {type(config).__name__}")
        self.stages: tuple[Stage, ...] = tuple(
            build_stages(self.config) if stages is None else stages
        )
        self._check_stages()
        self.resources = resources if resources is not None else Resources()
        for stage in self.stages:
            stage.use(self.resources)
        # After use(): what a stage reports may need what it loads into the store.
        self._parameters = {id(stage): freeze_mapping(stage.parameters()) for stage in self.stages}

    def close(self) -> None:
        """Release the models the stages loaded. The pipeline stays usable and loads again."""
        for stage in self.stages:
            stage.close()
        self.resources.close()

    def __enter__(self) -> Pipeline:
        return self

    def __exit__(self, *_exc_info: object) -> None:
        self.close()

    @staticmethod
    def default_stages(config: Config | None = None) -> list[Stage]:
        """Return the built-in stages for ``config``, to extend or reorder."""
        return build_stages(config if config is not None else Config())

    def _check_stages(self) -> None:
        available = set(INITIAL_FIELDS)
        for stage in self.stages:
            unknown = (stage.requires | stage.provides) - FIELDS
            if unknown:
                raise PipelineError(
                    f"stage {stage.name!r} names unknown fields {sorted(unknown)}; "
                    f"use names from {sorted(FIELDS)}"
                )
            missing = stage.requires - available
            if missing:
                raise PipelineError(
                    f"stage {stage.name!r} requires {sorted(missing)}, which no earlier stage "
                    f"provides; add a stage that provides them before {stage.name!r}"
                )
            available |= stage.provides

    def fingerprint(self) -> str:
        """Return a key of what decides this pipeline's output.

        It covers every stage's :meth:`~nkcorpus.stage.Stage.fingerprint` (name,
        version, parameters, resources read) in order, the files the settings
        name (:meth:`Config.resources <nkcorpus.Config.resources>`) and the
        nkcorpus version. The result cache keys results on it.
        """
        from nkcorpus._version import __version__

        data = {
            "stages": [stage.fingerprint() for stage in self.stages],
            "resources": self.config.resources_key(),
            "version": __version__,
        }
        text = json.dumps(data, sort_keys=True)
        return hashlib.blake2b(text.encode("utf-8"), digest_size=12).hexdigest()

    def __repr__(self) -> str:
        names = ", ".join(stage.name for stage in self.stages)
        return f"Pipeline([{names}])"

    def __call__(self, item: Input, source: str | None = None) -> Document:
        """Process one input and return its document."""
        return self.run_batch([make_document(item, source)])[0]

    def pipe(self, items: Iterable[Input], batch_size: int = 64) -> Iterator[Document]:
        """Process many inputs lazily, yielding one document per input in input order.

        Args:
            items: texts, bytes, documents or ``(content, source)`` pairs.
            batch_size: how many documents go through each stage together.
        """
        if batch_size < 1:
            raise ConfigError(f"batch_size must be at least 1, got {batch_size}")
        iterator = iter(items)
        while True:
            batch = [make_document(item) for item in islice(iterator, batch_size)]
            if not batch:
                return
            yield from self.run_batch(batch)

    def run_batch(self, documents: Sequence[Document]) -> list[Document]:
        """Run every stage over ``documents`` and return them in the same order.

        Documents that have already failed pass through untouched.
        """
        docs = list(documents)
        for stage in self.stages:
            docs = self._run_stage(stage, docs)
        return docs

    def _run_stage(self, stage: Stage, docs: list[Document]) -> list[Document]:
        live = [i for i, doc in enumerate(docs) if doc.ok]
        if not live:
            return docs
        batch = [docs[i] for i in live]
        started = time.perf_counter()
        try:
            results = stage.process_batch(batch)
            if len(results) != len(batch):
                raise PipelineError(
                    f"stage {stage.name!r} returned {len(results)} documents for {len(batch)}; "
                    "a stage must return one document per input, in order"
                )
            per_doc = (time.perf_counter() - started) / len(batch)
            timed = [(result, per_doc) for result in results]
        except Exception:
            if self.on_error == "raise":
                raise
            logger.debug(
                "stage %s failed on a batch; retrying one by one", stage.name, exc_info=True
            )
            timed = [self._run_one(stage, doc) for doc in batch]
        out = list(docs)
        parameters = self._parameters.get(id(stage)) or freeze_mapping(stage.parameters())
        for index, (result, seconds) in zip(live, timed, strict=True):
            step = Step(stage.name, stage.version, parameters, seconds)
            out[index] = attrs.evolve(result, steps=(*result.steps, step))
        return out

    @staticmethod
    def _run_one(stage: Stage, doc: Document) -> tuple[Document, float]:
        started = time.perf_counter()
        try:
            (result,) = stage.process_batch([doc])
        except Exception as error:
            logger.info("stage %s failed on document %s: %s", stage.name, doc.id, error)
            result = doc.with_failure(stage.name, error)
        return result, time.perf_counter() - started


#: The pipelines :func:`process` and :func:`clean` built, by their settings (the eight
#: and sixteen most recently used; an older one is closed).
_PROCESS_PIPELINES = Resources(limit=8)
_CLEAN_PIPELINES = Resources(limit=16)


def _close(pipeline: Pipeline) -> None:
    pipeline.close()


def process(
    text_or_bytes: str | bytes, source: str | None = None, config: Config | None = None
) -> Document:
    """Process one document with the stages ``config`` turns on.

    The pipeline for a config is built once per process and reused, so models
    load once however often this is called.

    Args:
        text_or_bytes: the document; bytes are decoded with encoding detection.
        source: where it came from (kept in :attr:`Document.source`).
        config: the settings; the default :class:`Config` when ``None``.

    Returns:
        The document. Bad input gives a failed document, not an exception.
    """
    config = config if config is not None else Config()
    pipeline = _PROCESS_PIPELINES.get(config, lambda: Pipeline(config), release=_close)
    return pipeline(text_or_bytes, source)


def clean(
    text_or_bytes: str | bytes, source: str | None = None, options: CleanOptions | None = None
) -> Document:
    """Decode (for bytes) and clean one document, and return it.

    This is the first stage of :func:`nkcorpus.process` on its own: the result
    has the clean ``text``, the offset map to ``raw``, the removed stretches
    with their rules, caption regions, and the page's metadata.

    >>> import nkcorpus
    >>> doc = nkcorpus.clean("By Kim Min-ji\\n\\nDefectors met in Brussels on Tuesday, it`s said, "
    ...                      "to call for action on North Korea.")
    >>> doc.text
    "Defectors met in Brussels on Tuesday, it's said, to call for action on North Korea."
    >>> doc.metadata.authors
    ('Kim Min-ji',)

    Args:
        text_or_bytes: the document; bytes are decoded with encoding detection.
        source: where it came from (kept in :attr:`Document.source <nkcorpus.Document.source>`).
        options: which rules run; all of them when ``None``.

    Returns:
        The document. Input that cannot be decoded or holds no text gives a
        failed document, not an exception.
    """
    options = options if options is not None else CleanOptions()
    pipeline = _CLEAN_PIPELINES.get(
        options, lambda: Pipeline(stages=[CleanStage(options)]), release=_close
    )
    return pipeline(text_or_bytes, source)
