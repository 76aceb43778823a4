"""The Stanza-backed recognizer: one pipeline per model and process, bulk tagging.

:class:`StanzaRecognizer` takes ``(text, language)`` pairs from any number of
documents and returns the entities of each text. It:

1. finds the model for each language on disk (:func:`nkcorpus.models.find_ner_model`;
   no Stanza import when there is none);
2. builds one ``stanza.Pipeline`` per model, lazily, once per process, and
   reuses it (keyed by model files, device and batch size);
3. tokenizes each text: with Stanza's tokenizer model for Stanza's downloaded
   models, else with the tokenizer the model was trained with
   (:func:`nkcorpus.entities.tokens.tokenize`: spaCy's blank English, jieba, the
   Korean particle-splitting tokenizer, whitespace), handed to Stanza as
   pretokenized documents that keep each token's offsets;
4. pools the sentences of *all* texts for that model, sorts them by length so
   batches need little padding, and tags them with the NER processor in
   batches of :attr:`EntityOptions.batch_size
   <nkcorpus.entities.options.EntityOptions.batch_size>`;
5. turns BIOES tags into :class:`~nkcorpus.Entity` objects whose spans are
   token offsets into the given text, so ``text[start:end] == entity.text``.

Pipelines are built with ``download_method=None``: Stanza never goes online.
Models listed in ``nkcorpus.json`` are loaded from their explicit file paths
(with an empty resources description, so no default Stanza model is pulled in);
Stanza's own downloaded models are loaded the way Stanza loads them, from
``resources.json``. Traditional Chinese runs through the Simplified model on a
copy of the text folded to Simplified characters one for one.
"""

from __future__ import annotations

import importlib.resources
import logging
import os
import threading
from collections.abc import Sequence
from typing import Any

from nkcorpus.document import Entity, Span
from nkcorpus.entities.gazetteer import simplify
from nkcorpus.entities.options import EntityOptions
from nkcorpus.entities.tokens import tokenize
from nkcorpus.models import NerModel, find_ner_model, require_ner_model, stanza_language

__all__ = ["LABELS", "StanzaRecognizer", "decode_tags", "load_pipeline"]

logger = logging.getLogger(__name__)

#: Stanza labels renamed to nkcorpus's (others are kept as the model gives them).
LABELS = {"PERSON": "PER", "PS": "PER", "LC": "LOC", "OG": "ORG"}

_PIPELINES: dict[tuple[Any, ...], Any] = {}
_PIPELINES_LOCK = threading.Lock()


def _empty_resources() -> str:
    return str(importlib.resources.files("nkcorpus.entities") / "data" / "empty-resources.json")


def _set_threads(threads: int | None) -> None:
    if threads is None:
        return
    import torch

    if torch.get_num_threads() != threads:
        torch.set_num_threads(threads)


def load_pipeline(model: NerModel, options: EntityOptions) -> Any:
    """Return the ``stanza.Pipeline`` for ``model``, built once per process and reused.

    Sets torch's thread count to :attr:`EntityOptions.threads
    <nkcorpus.entities.options.EntityOptions.threads>`.
    """
    key = (
        os.getpid(),
        str(model.model_path),
        model.tokenizer,
        options.device,
        options.batch_size,
        tuple((str(p), p.stat().st_mtime_ns) for p in model.files()),
    )
    with _PIPELINES_LOCK:
        _set_threads(options.threads)
        pipeline = _PIPELINES.get(key)
        if pipeline is not None:
            return pipeline
        import stanza

        kwargs: dict[str, Any] = {
            "lang": model.language,
            "dir": str(model.models_dir),
            "processors": "tokenize,ner",
            "download_method": None,
            "logging_level": "WARN",
            "use_gpu": options.device != "cpu",
            "device": options.device,
            "ner_batch_size": options.batch_size,
        }
        if model.origin != "stanza":
            kwargs.update(
                resources_filepath=_empty_resources(),
                allow_unknown_language=True,
                ner_model_path=str(model.model_path),
            )
            for name, path in (
                ("ner_pretrain_path", model.pretrain_path),
                ("ner_forward_charlm_path", model.forward_charlm_path),
                ("ner_backward_charlm_path", model.backward_charlm_path),
            ):
                if path is not None:
                    kwargs[name] = str(path)
        if model.tokenizer != "stanza":
            kwargs["tokenize_pretokenized"] = True
        logger.info("loading Stanza %s NER model %s", model.language, model.model_path)
        pipeline = stanza.Pipeline(**kwargs)
        _PIPELINES[key] = pipeline
        return pipeline


def decode_tags(tags: Sequence[tuple[str, int, int]]) -> list[tuple[int, int, str]]:
    """Turn one sentence's ``(tag, start, end)`` tokens into ``(start, end, label)`` entities.

    Tags may be BIOES (Stanza's output) or BIO; a broken sequence (``I`` after
    ``O``) starts a new entity rather than being dropped.

    >>> decode_tags([("B-PER", 0, 3), ("E-PER", 4, 11), ("O", 12, 16), ("S-LOC", 17, 22)])
    [(0, 11, 'PER'), (17, 22, 'LOC')]
    """
    out: list[tuple[int, int, str]] = []
    start, end, label = -1, -1, None
    for tag, t_start, t_end in tags:
        prefix, _, tag_label = tag.partition("-")
        if prefix not in ("B", "I", "E", "S") or not tag_label:
            if label is not None:
                out.append((start, end, label))
            label = None
            continue
        if prefix in ("I", "E") and label == tag_label:
            end = t_end
        else:
            if label is not None:
                out.append((start, end, label))
            start, end, label = t_start, t_end, tag_label
        if prefix in ("E", "S"):
            out.append((start, end, label))
            label = None
    if label is not None:
        out.append((start, end, label))
    return out


class StanzaRecognizer:
    """Find entities with Stanza NER models, in bulk across documents.

    Args:
        options: device, threads, models folder and batch size.
    """

    def __init__(self, options: EntityOptions | None = None):
        self.options = options if options is not None else EntityOptions()
        self._models: dict[str, NerModel | None] = {}

    def model_for(self, language: str | None) -> NerModel | None:
        """Return the installed model for ``language`` (cached), or ``None``.

        Only looks at files; never imports Stanza.
        """
        if not language or language == "und":
            return None
        lang = stanza_language(language)
        if lang not in self._models:
            self._models[lang] = find_ner_model(lang, self.options.models_dir)
        return self._models[lang]

    def require(self, language: str) -> NerModel:
        """Return the model for ``language``.

        Raises:
            ModelNotInstalledError: when none is installed.
        """
        model = self.model_for(language)
        if model is None:
            return require_ner_model(language, self.options.models_dir)
        return model

    def _stanza_document(self, pipeline: Any, model: NerModel, text: str) -> Any:
        from stanza.models.common.doc import Document as StanzaDocument

        if model.tokenizer != "stanza":
            sentences = [
                [
                    {"id": (i,), "text": text[s:e], "misc": f"start_char={s}|end_char={e}"}
                    for i, (s, e) in enumerate(sentence, 1)
                ]
                for sentence in tokenize(text, model.tokenizer)
            ]
            return StanzaDocument(sentences, text=text)
        document = pipeline.processors["tokenize"].process(StanzaDocument([], text=text))
        if "mwt" in pipeline.processors:
            document = pipeline.processors["mwt"].process(document)
        return document

    def _tag(self, pipeline: Any, documents: list[Any]) -> None:
        from stanza.models.common.doc import Document as StanzaDocument

        sentences = [s for d in documents for s in d.sentences if s.tokens]
        if not sentences:
            return
        sentences.sort(key=lambda s: len(s.tokens))
        pooled = StanzaDocument([])
        pooled.sentences = sentences
        pooled.num_tokens = sum(len(s.tokens) for s in sentences)
        pooled.num_words = sum(len(s.words) for s in sentences)
        pipeline.processors["ner"].process(pooled)

    def recognize(self, items: Sequence[tuple[str, str | None]]) -> list[list[Entity]]:
        """Return the entities of each ``(text, language)`` pair, in order.

        Texts whose language has no installed model get an empty list; use
        :meth:`model_for` first to tell. Spans are spans of each given text.

        Raises:
            ModelNotInstalledError: never for a missing model (those are
                skipped); Stanza's own errors propagate.
        """
        results: list[list[Entity]] = [[] for _ in items]
        groups: dict[str, list[int]] = {}
        models: dict[str, NerModel] = {}
        for index, (text, language) in enumerate(items):
            model = self.model_for(language)
            if model is None or not text.strip():
                continue
            key = str(model.model_path)
            models[key] = model
            groups.setdefault(key, []).append(index)
        for key, indexes in groups.items():
            model = models[key]
            pipeline = load_pipeline(model, self.options)
            documents = []
            for index in indexes:
                text, language = items[index]
                if language is not None and stanza_language(language) == "zh-hant":
                    text = simplify(text)
                documents.append(self._stanza_document(pipeline, model, text))
            self._tag(pipeline, documents)
            for index, document in zip(indexes, documents, strict=False):
                text = items[index][0]
                found = []
                for sentence in document.sentences:
                    tags = [
                        (t.ner or "O", t.start_char, t.end_char)
                        for t in sentence.tokens
                        if not t.text.isspace()
                    ]
                    for start, end, label in decode_tags(tags):
                        if start is None or end is None or not 0 <= start < end <= len(text):
                            continue
                        found.append(
                            Entity(
                                span=Span(start, end),
                                text=text[start:end],
                                label=LABELS.get(label, label),
                                source="stanza",
                            )
                        )
                results[index] = found
        return results
