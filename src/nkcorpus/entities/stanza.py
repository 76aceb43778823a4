"""The Stanza-backed recognizer: one pipeline per model and store, bulk tagging.

:class:`StanzaRecognizer` takes ``(text, language)`` pairs from any number of
documents and returns the entities of each text. It:

1. finds the model for each language on disk (:func:`nkcorpus.models.find_ner_model`;
   no Stanza import when there is none);
2. builds one ``stanza.Pipeline`` per model, lazily, and keeps it in the
   recognizer's :class:`~nkcorpus.resources.Resources` store (the pipeline's
   own, when a :class:`~nkcorpus.Pipeline` runs it), keyed by model files,
   device and batch size, until the store is closed;
3. tokenizes the texts: with Stanza's tokenizer model for Stanza's downloaded
   models, else with the tokenizer the model was trained with, all texts in one
   pass (:func:`nkcorpus.entities.tokens.tokenize_many`: spaCy's blank English,
   jieba, the Korean particle-splitting tokenizer, whitespace), keeping each
   token's offsets;
4. pools the sentences of *all* texts for that model, sorts them by length so
   batches need little padding, and tags them with the models of the
   pipeline's NER processor in batches of :attr:`EntityOptions.batch_size
   <nkcorpus.entities.options.EntityOptions.batch_size>`
   (:func:`tag_sentences`: the processor's own batching, models and tag merge,
   fed token lists directly rather than ``stanza.Document`` objects, whose
   construction cost as much as the tagging);
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

import functools
import importlib.resources
import logging
from collections.abc import Sequence
from typing import Any

from nkcorpus.document import Entity, Span
from nkcorpus.entities.gazetteer import simplify
from nkcorpus.entities.kb import local_id
from nkcorpus.entities.options import EntityOptions
from nkcorpus.entities.tokens import tokenize_many
from nkcorpus.models import NerModel, find_ner_model, require_ner_model, stanza_language
from nkcorpus.models.weights import check_model_files, stanza_safe_globals
from nkcorpus.resources import Resources, set_torch_threads

__all__ = ["LABELS", "StanzaRecognizer", "decode_tags", "load_pipeline", "tag_sentences"]

logger = logging.getLogger(__name__)

#: Stanza labels renamed to nkcorpus's (others are kept as the model gives them).
LABELS = {"PERSON": "PER", "PS": "PER", "LC": "LOC", "OG": "ORG"}

# One sentence: its tokens as (text, start, end) in the text it came from.
_Sentence = list[tuple[str, int, int]]


def _empty_resources() -> str:
    return str(importlib.resources.files("nkcorpus.entities") / "data" / "empty-resources.json")


def load_pipeline(model: NerModel, options: EntityOptions, resources: Resources) -> Any:
    """Return the ``stanza.Pipeline`` for ``model``, loaded once into ``resources`` and reused.

    The pipeline is kept under the model, its tokenizer, the device and the batch
    size, and loaded again when a file of the model changes. Every ``.pt`` file of
    the model is checked with a safe loader first
    (:func:`nkcorpus.models.weights.check_model_files`), so a file that would run
    code when unpickled is refused before Stanza reads it. The first load in a
    process sets torch's thread count to :attr:`EntityOptions.threads
    <nkcorpus.entities.options.EntityOptions.threads>`
    (:func:`~nkcorpus.resources.set_torch_threads`).

    Raises:
        UnsafeArchiveError: when a model file fails that check.
    """
    key = (
        "stanza",
        str(model.model_path),
        model.tokenizer,
        options.device,
        options.batch_size,
    )
    files = model.files()
    return resources.get(key, lambda: _load(model, options), files=files)


def _load(model: NerModel, options: EntityOptions) -> Any:
    set_torch_threads(options.threads)
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
    # Stanza falls back to an unsafe torch.load for word vectors it cannot load
    # safely: check every file first, and let its safe load accept what we checked.
    check_model_files(model.files())
    logger.info("loading Stanza %s NER model %s", model.language, model.model_path)
    with stanza_safe_globals():
        return stanza.Pipeline(**kwargs)


@functools.lru_cache(maxsize=1)
def _token_loader() -> type:
    """Stanza's NER batch loader, fed token lists instead of a ``stanza.Document``."""
    from stanza.models.ner.data import DataLoader

    class TokenLoader(DataLoader):  # type: ignore[misc]
        # Stanza's loader reads (text, tag) pairs from a Document; these come from
        # plain token lists, and each distinct word's characters are mapped once.
        def _load_doc(self, doc: list[list[str]], scheme: Any) -> list[Any]:
            return [[[token, (None,)] for token in sentence] for sentence in doc]

        def preprocess(self, data: list[Any], vocab: Any, args: Any) -> list[Any]:
            lower = bool(args.get("char_lowercase", False))
            char_map = vocab["char"].map
            no_tag = vocab["tag"].map([(None,)])[0]
            chars: dict[str, list[int]] = {}
            processed = []
            for sentence in data:
                words = [w[0] for w in sentence]
                word_chars = []
                for word in words:
                    mapped = chars.get(word)
                    if mapped is None:
                        units = [c.lower() for c in word] if lower else list(word)
                        mapped = chars[word] = char_map(units)
                    word_chars.append(mapped)
                processed.append([words, word_chars, [no_tag] * len(words)])
            return processed

    return TokenLoader


def tag_sentences(pipeline: Any, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
    """Tag tokenized sentences with the NER models of a ``stanza.Pipeline``.

    Does what the pipeline's NER processor does for a document (the same
    batches of ``ner_batch_size`` sentences, the same models and the same merge
    of their tags), without building a ``stanza.Document``. The sentences are
    sorted by length first so each batch needs little padding.

    Args:
        pipeline: a pipeline with an ``ner`` processor.
        sentences: sentences as lists of token strings.

    Returns:
        One BIOES tag per token, for each sentence in the order given.
    """
    import torch
    from stanza.models.ner.utils import merge_tags

    out: list[list[str]] = [[] for _ in sentences]
    order = sorted((i for i, s in enumerate(sentences) if s), key=lambda i: len(sentences[i]))
    if not order:
        return out
    processor = pipeline.processors["ner"]
    tokens = [list(sentences[i]) for i in order]
    predictions = []
    with torch.no_grad():
        for trainer, config in zip(processor.trainers, processor.configs, strict=True):
            loader = _token_loader()(
                tokens,
                config["batch_size"],
                config,
                vocab=trainer.vocab,
                evaluation=True,
                preprocess_tags=False,
                bert_tokenizer=trainer.model.bert_tokenizer,
            )
            tags: list[list[str]] = []
            for batch in loader:
                tags += trainer.predict(batch)
            if len(tags) != len(tokens):
                raise RuntimeError(
                    f"the NER model tagged {len(tags)} of {len(tokens)} sentences (sentences "
                    "too long for its transformer are dropped); split the text into shorter "
                    "sentences"
                )
            predictions.append(tags)
    for index, merged in zip(order, zip(*predictions, strict=True), strict=True):
        out[index] = list(merge_tags(*merged))
    return out


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
        resources: where loaded Stanza pipelines are kept; a store of its own when
            ``None``. :meth:`close` releases them.
    """

    def __init__(self, options: EntityOptions | None = None, resources: Resources | None = None):
        self.options = options if options is not None else EntityOptions()
        self.resources = resources if resources is not None else Resources()
        self._models: dict[str, NerModel | None] = {}

    def use(self, resources: Resources) -> None:
        """Keep loaded Stanza pipelines in ``resources`` from now on."""
        self.resources = resources

    def close(self) -> None:
        """Release the loaded Stanza pipelines; they load again when next needed."""
        self.resources.close()

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

    def _stanza_tokens(self, pipeline: Any, texts: list[str]) -> list[list[_Sentence]]:
        from stanza.models.common.doc import Document as StanzaDocument

        out = []
        for text in texts:
            document = pipeline.processors["tokenize"].process(StanzaDocument([], text=text))
            if "mwt" in pipeline.processors:
                document = pipeline.processors["mwt"].process(document)
            out.append(
                [
                    [(t.text, t.start_char, t.end_char) for t in sentence.tokens]
                    for sentence in document.sentences
                    if sentence.tokens
                ]
            )
        return out

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
            pipeline = load_pipeline(model, self.options, self.resources)
            texts = []
            for index in indexes:
                text, language = items[index]
                if language is not None and stanza_language(language) == "zh-hant":
                    text = simplify(text)
                texts.append(text)
            if model.tokenizer == "stanza":
                documents = self._stanza_tokens(pipeline, texts)
            else:
                documents = [
                    [[(text[s:e], s, e) for s, e in sentence] for sentence in sentences]
                    for text, sentences in zip(
                        texts, tokenize_many(texts, model.tokenizer), strict=True
                    )
                ]
            pooled = [sentence for sentences in documents for sentence in sentences]
            tags = iter(tag_sentences(pipeline, [[t[0] for t in s] for s in pooled]))
            for index, sentences in zip(indexes, documents, strict=True):
                text = items[index][0]
                found = []
                for sentence in sentences:
                    decoded = decode_tags(
                        [
                            (tag, start, end)
                            for tag, (token, start, end) in zip(next(tags), sentence, strict=True)
                            if not token.isspace()
                        ]
                    )
                    for start, end, label in decoded:
                        if start is None or end is None or not 0 <= start < end <= len(text):
                            continue
                        found.append(
                            Entity(
                                span=Span(start, end),
                                text=text[start:end],
                                label=LABELS.get(label, label),
                                canonical_id=local_id(text[start:end], items[index][1]),
                                source="stanza",
                            )
                        )
                results[index] = found
        return results
