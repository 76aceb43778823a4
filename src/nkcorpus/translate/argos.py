"""The translator: Argos Translate packages run straight on CTranslate2, in big batches.

Argos Translate's own ``translate()`` splits a text into paragraphs and sends
each paragraph's sentences to CTranslate2 on its own, so a document of thirty
one-sentence paragraphs makes thirty model calls. :class:`ArgosTranslator`
loads the same files a package holds (``model/`` for
:class:`ctranslate2.Translator`, ``sentencepiece.model`` for the tokenizer,
``metadata.json``) and sends every sentence for one language pair, from any
number of segments and documents, to the model in one call, which sorts them by
length and cuts them into batches of
:attr:`~nkcorpus.translate.options.TranslateOptions.batch_size`. Identical
sentences are translated once.

Pairs without a package of their own go through English when both halves are
installed (``ko -> en -> zh``), as Argos Translate does. Traditional Chinese
is read by ``zh`` packages after conversion to Simplified with OpenCC, and
becomes Simplified (with OpenCC, no model) when Chinese is the target.

``argostranslate`` itself is never imported, so none of its import-time
settings, module-level caches or downloads come into play.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

import attrs

from nkcorpus.errors import ModelNotInstalledError
from nkcorpus.models.argos import (
    ArgosPackage,
    argos_packages_dir,
    find_packages,
)
from nkcorpus.resources import Resources
from nkcorpus.text.chinese import convert
from nkcorpus.text.codes import argos_code, target_code
from nkcorpus.translate.options import TRANSLATION_TARGETS, TranslateOptions

__all__ = ["ARGOS_PREFIX", "PIVOT", "TO_SIMPLIFIED", "ArgosTranslator", "Route", "target_code"]

logger = logging.getLogger(__name__)

#: The language Argos Translate pivots through.
PIVOT = "en"
#: How a route that converts Traditional Chinese to Simplified (with OpenCC) is labelled.
TO_SIMPLIFIED = "opencc:t2s"
#: The prefix of the label of a route through Argos packages (``"argos:ko-en+en-zh"``).
ARGOS_PREFIX = "argos:"


@attrs.frozen
class Route:
    """How text in one language becomes text in another.

    Attributes:
        source: the nkcorpus code of the source language (``"zh-Hant"``, ``"ko"``).
        target: the Argos code of the target language.
        packages: the packages applied in order (two when pivoting through English;
            none when only the script changes).
        to_simplified: convert Traditional Chinese to Simplified with OpenCC first.
    """

    source: str
    target: str
    packages: tuple[ArgosPackage, ...] = ()
    to_simplified: bool = False

    @property
    def chain(self) -> str:
        """The packages as ``"ko-en+en-zh"`` (``""`` when none is used)."""
        return "+".join(p.name for p in self.packages)

    @property
    def name(self) -> str:
        """A short label such as ``"argos:ko-en+en-zh"`` or ``"opencc:t2s"``."""
        steps = []
        if self.to_simplified:
            steps.append(TO_SIMPLIFIED)
        if self.packages:
            steps.append(ARGOS_PREFIX + self.chain)
        return ",".join(steps)


@attrs.define
class _LoadedModel:
    translator: Any
    tokenizer: Any
    target_prefix: str


class ArgosTranslator:
    """Translates sentences with installed Argos packages, batching across everything given.

    Models load on first use and stay in the translator's
    :class:`~nkcorpus.resources.Resources` store (the pipeline's own, when a
    :class:`~nkcorpus.Pipeline` runs it) until :meth:`close`; a model whose files
    change loads again.

    Args:
        options: device, threads, beam size, batch size and packages folder.
        resources: where loaded models are kept; a store of its own when ``None``.
    """

    def __init__(
        self, options: TranslateOptions | None = None, resources: Resources | None = None
    ) -> None:
        self.options = options if options is not None else TranslateOptions()
        self.resources = resources if resources is not None else Resources()
        self._packages: dict[tuple[str, str], ArgosPackage] | None = None

    def use(self, resources: Resources) -> None:
        """Keep loaded models in ``resources`` from now on."""
        self.resources = resources

    def close(self) -> None:
        """Release the loaded models; they load again when next needed."""
        self.resources.close()

    # -- packages and routes -------------------------------------------------------------

    def packages(self, *, refresh: bool = False) -> dict[tuple[str, str], ArgosPackage]:
        """Return the installed packages by pair, scanning the packages folder once."""
        if self._packages is None or refresh:
            self._packages = find_packages(self.options.packages_dir)
        return self._packages

    def route(self, source: str, target: str) -> Route:
        """Return how to translate from ``source`` (an nkcorpus code) into ``target``.

        Raises:
            ModelNotInstalledError: when no installed package, direct or through
                English, translates the pair; the message names the commands
                that install the missing packages.
        """
        src, tgt = argos_code(source), argos_code(target)
        simplify = source == "zh-Hant"
        if src == tgt:
            return Route(source, tgt, (), to_simplified=simplify)
        for refresh in (False, True):
            packages = self.packages(refresh=refresh)
            if (src, tgt) in packages:
                return Route(source, tgt, (packages[src, tgt],), to_simplified=simplify)
            if PIVOT not in (src, tgt) and (src, PIVOT) in packages and (PIVOT, tgt) in packages:
                legs = (packages[src, PIVOT], packages[PIVOT, tgt])
                return Route(source, tgt, legs, to_simplified=simplify)
        raise self._missing(src, tgt)

    def _missing(self, src: str, tgt: str) -> ModelNotInstalledError:
        packages = self.packages()
        installed = ", ".join(f"{a}-{b}" for a, b in sorted(packages)) or "none"
        supported = tuple(argos_code(code) for code in TRANSLATION_TARGETS)
        if src not in supported or tgt not in supported:
            return ModelNotInstalledError(
                f"nkcorpus does not translate {src} -> {tgt}: it translates between "
                f"{', '.join(supported)} only (installed: {installed})"
            )
        if PIVOT in (src, tgt):
            fix = f"`nkcorpus models download --translate {src} {tgt}`"
        else:
            legs = [(src, PIVOT), (PIVOT, tgt)]
            missing = [leg for leg in legs if leg not in packages]
            fix = (
                f"`nkcorpus models download --translate {src} {tgt}`, or for the route "
                "through English "
                + " and ".join(
                    f"`nkcorpus models download --translate {a} {b}`" for a, b in missing
                )
            )
        where = argos_packages_dir(self.options.packages_dir)
        return ModelNotInstalledError(
            f"no Argos Translate package translates {src} -> {tgt} in {where} "
            f"(installed: {installed}). "
            "Install a downloaded file with "
            "`nkcorpus models install PATH.argosmodel --sha256 DIGEST`, "
            f"or run {fix}"
        )

    # -- models ------------------------------------------------------------------------------

    def _model(self, package: ArgosPackage) -> _LoadedModel:
        options = self.options
        key = (
            "argos",
            str(package.path),
            package.version,
            options.device,
            options.compute_type,
            options.threads,
            options.inter_threads,
        )
        return self.resources.get(
            key,
            lambda: self._load(package),
            files=(package.path / "model", package.path / "sentencepiece.model"),
        )

    def _load(self, package: ArgosPackage) -> _LoadedModel:
        import ctranslate2
        import sentencepiece

        logger.info("loading Argos package %s from %s", package.name, package.path)
        translator = ctranslate2.Translator(
            str(package.path / "model"),
            device=self.options.device,
            compute_type=self.options.compute_type,
            intra_threads=self.options.threads,
            inter_threads=self.options.inter_threads,
        )
        tokenizer = sentencepiece.SentencePieceProcessor(
            model_file=str(package.path / "sentencepiece.model")
        )
        return _LoadedModel(translator, tokenizer, package.target_prefix)

    def _to_simplified(self, texts: list[str]) -> list[str]:
        return [convert(text, "t2s") for text in texts]

    def translate_with(self, package: ArgosPackage, sentences: Sequence[str]) -> list[str]:
        """Translate ``sentences`` with one package in one batched model call.

        Each string is translated as one sentence (no further splitting);
        identical strings are translated once.
        """
        unique = list(dict.fromkeys(sentences))
        if not unique:
            return []
        model = self._model(package)
        tokens = model.tokenizer.encode(unique, out_type=str)
        prefix = [[model.target_prefix] for _ in unique] if model.target_prefix else None
        results = model.translator.translate_batch(
            tokens,
            target_prefix=prefix,
            max_batch_size=self.options.batch_size,
            batch_type="examples",
            beam_size=self.options.beam_size,
            num_hypotheses=1,
            length_penalty=0.2,
            max_input_length=0,
            max_decoding_length=self.options.max_decoding_length,
            replace_unknowns=True,
        )
        decoded = {}
        for text, result in zip(unique, results, strict=True):
            value = model.tokenizer.decode_pieces(result.hypotheses[0])
            if model.target_prefix and value.startswith(model.target_prefix):
                value = value[len(model.target_prefix) :]
            decoded[text] = value.strip()
        return [decoded[text] for text in sentences]

    def translate(self, requests: Sequence[tuple[str, str, str]]) -> list[str]:
        """Translate many sentences at once.

        Args:
            requests: ``(source_language, target_language, sentence)`` triples
                with nkcorpus language codes (``"zh-Hant"`` is fine).

        Returns:
            The translations, in the order of ``requests``.

        Raises:
            ModelNotInstalledError: when a pair has no installed route.
        """
        routes = [self.route(source, target) for source, target, _ in requests]
        texts = [sentence for _, _, sentence in requests]
        simplify = [i for i, route in enumerate(routes) if route.to_simplified]
        for i, text in zip(
            simplify, self._to_simplified([texts[i] for i in simplify]), strict=True
        ):
            texts[i] = text
        # Each round applies one package to every sentence that needs it next, so the
        # first legs of all routes run before any second leg (pivots through English).
        # A package that some route still needs later (en -> zh after ko -> en) waits for
        # that round, so that it runs once on all its sentences.
        step = [0] * len(requests)
        while True:
            groups: dict[tuple[str, str], list[int]] = {}
            later: set[tuple[str, str]] = set()
            for i, route in enumerate(routes):
                if step[i] < len(route.packages):
                    groups.setdefault(route.packages[step[i]].pair, []).append(i)
                    later.update(p.pair for p in route.packages[step[i] + 1 :])
            if not groups:
                return texts
            ready = [pair for pair in groups if pair not in later] or list(groups)
            for pair in ready:
                indexes = groups[pair]
                package = routes[indexes[0]].packages[step[indexes[0]]]
                outputs = self.translate_with(package, [texts[i] for i in indexes])
                for i, output in zip(indexes, outputs, strict=True):
                    texts[i] = output
                    step[i] += 1
