"""Train a Stanza NER model and install it: the way to Korean NER.

Stanza publishes no Korean NER model. :func:`train_ner` turns tagged sentences
(:mod:`nkcorpus.entities.nerdata` reads CoNLL/BIO, KLUE-NER and KMOU files and
tokenizes them the way the model will see text) into one with Stanza's own model
code, installs it in the Stanza resources folder and lists it in
``nkcorpus.json`` (:mod:`nkcorpus.models`), after which ``Config(ner="auto")`` or
``"stanza"`` uses it like a downloaded model. :mod:`nkcorpus.entities.recipes`
wraps this in one command on public Korean data.

From the command line::

    nkcorpus models train-ner ko --recipe klue --accept-licence
    nkcorpus models train-ner --lang ko --format klue \\
        --train klue-ner-v1.1_train.tsv --dev dev.tsv --labels PER,LOC,ORG

Steps:

1. **Word vectors**: a Stanza ``.pt`` pretrain file, or a word2vec/fastText text
   file (``N DIM`` header) that is converted; without one, random vectors for the
   training vocabulary are made (fine for tests, poor for real use).
2. **Train** in :func:`nkcorpus.entities.trainloop.run_training`: dev precision,
   recall and F1 every ``eval_interval`` steps, progress with the time left, the
   best model kept at ``LANG/ner/PACKAGE.pt``, a checkpoint to resume from.
3. **Register** the model in ``nkcorpus.json`` with its tokenizer and best dev scores.

The names of :mod:`nkcorpus.entities.nerdata` (``load_training_data``,
``read_klue``, ``TaggedSentence``...) can also be imported from this module.
"""

from __future__ import annotations

import contextlib
import logging
import os
import random
import shutil
import tempfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import attrs

from nkcorpus.entities import nerdata as _nerdata
from nkcorpus.entities.tokens import TRAINABLE_TOKENIZERS
from nkcorpus.errors import ConfigError, InputError

__all__ = ["TrainOptions", "train_ner"]

# The data readers moved to nkcorpus.entities.nerdata; they stay importable from here.
DEFAULT_TOKENIZERS = _nerdata.DEFAULT_TOKENIZERS
FORMATS = _nerdata.FORMATS
KLUE_LABELS = _nerdata.KLUE_LABELS
AnnotatedText = _nerdata.AnnotatedText
TaggedSentence = _nerdata.TaggedSentence
default_tokenizer = _nerdata.default_tokenizer
load_training_data = _nerdata.load_training_data
read_conll = _nerdata.read_conll
read_klue = _nerdata.read_klue
read_kmou = _nerdata.read_kmou
to_tagged_sentences = _nerdata.to_tagged_sentences


logger = logging.getLogger(__name__)


@contextlib.contextmanager
def _stanza_log_level(level: int) -> Iterator[None]:
    """Set the level of Stanza's own logger for a while (its trainer logs every setting)."""
    stanza_logger = logging.getLogger("stanza")
    before = stanza_logger.level
    stanza_logger.setLevel(level)
    try:
        yield
    finally:
        stanza_logger.setLevel(before)


def _write_stanza_json(sentences: Sequence[TaggedSentence], path: Path) -> None:
    import json

    data = [
        [{"text": token, "ner": tag} for token, tag in zip(s.tokens, s.tags, strict=False)]
        for s in sentences
    ]
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def _random_vectors(sentences: Sequence[TaggedSentence], path: Path, dim: int, seed: int) -> None:
    rng = random.Random(seed)
    vocab = sorted({token.lower() for s in sentences for token in s.tokens if " " not in token})
    with path.open("w", encoding="utf-8") as handle:
        handle.write(f"{len(vocab)} {dim}\n")
        for word in vocab:
            values = " ".join(f"{rng.uniform(-1, 1):.4f}" for _ in range(dim))
            handle.write(f"{word} {values}\n")


@contextlib.contextmanager
def _torch_threads(threads: int | None) -> Iterator[None]:
    import torch

    before = torch.get_num_threads()
    if threads is not None:
        torch.set_num_threads(threads)
    try:
        yield
    finally:
        torch.set_num_threads(before)


def _positive(instance: Any, attribute: attrs.Attribute[int], value: int) -> None:
    if value < 1:
        raise ConfigError(f"{attribute.name} must be at least 1; got {value}")


@attrs.frozen(kw_only=True)
class TrainOptions:
    """How :func:`train_ner` trains and where it installs the model.

    Attributes:
        language: the language code (``"ko"``, ``"en"``, ``"zh-Hans"``).
        models_dir: the Stanza resources folder to install into
            (default: :func:`nkcorpus.models.resources_dir`).
        package: the model's name; its files are ``LANG/ner/PACKAGE.pt`` and
            ``LANG/pretrain/PACKAGE.pt``.
        tokenizer: the tokenizer the data was tokenized with and the model will
            use (default: :func:`~nkcorpus.entities.nerdata.default_tokenizer`).
        pretrain: word vectors: a Stanza ``.pt`` pretrain or a word2vec text file.
            ``None`` makes random vectors for the training vocabulary.
        max_steps: training steps at most.
        eval_interval: steps between dev evaluations (and checkpoints).
        patience: stop after this many steps without a better dev F1.
        batch_size: sentences per training step.
        hidden_dim: size of the tagger's LSTM.
        char_hidden_dim: size of the character LSTM.
        char_emb_dim: size of character embeddings.
        word_emb_dim: size of the random word vectors when ``pretrain`` is ``None``.
        threads: torch threads while training (``None``: torch's default).
        device: ``"auto"`` (a GPU when torch sees one), ``"cpu"`` or a torch device.
        checkpoint_dir: where a checkpoint is kept after each evaluation so that an
            interrupted run can continue (``None``: a folder next to the model,
            removed when training ends).
        resume: continue from the checkpoint in ``checkpoint_dir`` if there is one.
        seed: random seed.
        extra_args: more ``stanza.models.ner_tagger`` arguments, passed as given.
    """

    language: str
    models_dir: str | os.PathLike[str] | None = None
    package: str = "nkcorpus"
    tokenizer: str | None = None
    pretrain: str | os.PathLike[str] | None = None
    max_steps: int = attrs.field(default=20000, validator=_positive)
    eval_interval: int = attrs.field(default=500, validator=_positive)
    patience: int = attrs.field(default=2500, validator=_positive)
    batch_size: int = attrs.field(default=32, validator=_positive)
    hidden_dim: int = attrs.field(default=256, validator=_positive)
    char_hidden_dim: int = attrs.field(default=100, validator=_positive)
    char_emb_dim: int = attrs.field(default=100, validator=_positive)
    word_emb_dim: int = attrs.field(default=100, validator=_positive)
    threads: int | None = 1
    device: str = "auto"
    checkpoint_dir: str | os.PathLike[str] | None = None
    resume: bool = False
    seed: int = 1234
    extra_args: tuple[str, ...] = attrs.field(default=(), converter=tuple)


def _device(choice: str) -> str:
    if choice != "auto":
        return choice
    import torch

    return "cuda" if torch.cuda.is_available() else "cpu"


def train_ner(
    train: Sequence[TaggedSentence],
    dev: Sequence[TaggedSentence],
    options: TrainOptions | None = None,
    *,
    progress: Callable[[Any], None] | None = None,
    **fields: Any,
) -> Any:
    """Train a Stanza NER model and install it for ``options.language``.

    Every ``eval_interval`` steps the dev set is scored (entity-level precision,
    recall, F1), the best model so far is kept, and a checkpoint is written;
    ``progress`` receives a :class:`nkcorpus.entities.trainloop.Progress` as
    training goes (see :mod:`nkcorpus.entities.trainloop`).

    Args:
        train: training sentences (from :func:`~nkcorpus.entities.nerdata.load_training_data`).
        dev: development sentences; the model is saved when their score improves.
        options: how to train (:class:`TrainOptions`).
        progress: called with progress reports.
        **fields: :class:`TrainOptions` fields, instead of ``options``
            (``train_ner(train, dev, language="ko", max_steps=100)``).

    Returns:
        The installed :class:`nkcorpus.models.NerModel`; its ``details`` hold the
        best dev scores and the dev history.

    Raises:
        InputError: when there is no training or dev data.
        ConfigError: for an unknown tokenizer, a bad package name or bad options.
        ModelNotInstalledError: when training saved no model.
    """
    from nkcorpus.entities.trainloop import run_training
    from nkcorpus.models import register_ner_model, resources_dir, stanza_language

    if options is None:
        options = TrainOptions(**fields)
    elif fields:
        options = attrs.evolve(options, **fields)
    if not train or not dev:
        raise InputError("training needs at least one training and one dev sentence")
    lang = stanza_language(options.language)
    tokenizer = options.tokenizer or default_tokenizer(lang)
    if tokenizer not in TRAINABLE_TOKENIZERS:
        raise ConfigError(
            f"tokenizer must be one of {', '.join(TRAINABLE_TOKENIZERS)}; got {tokenizer!r}"
        )
    package = options.package
    if not package.replace("-", "").replace("_", "").isalnum():
        raise ConfigError(f"package names use letters, digits, - and _ only; got {package!r}")
    folder = resources_dir(options.models_dir)
    ner_dir = folder / lang / "ner"
    pretrain_dir = folder / lang / "pretrain"
    ner_dir.mkdir(parents=True, exist_ok=True)
    pretrain_dir.mkdir(parents=True, exist_ok=True)
    pretrain_path = pretrain_dir / f"{package}.pt"
    model_path = ner_dir / f"{package}.pt"
    labels = sorted({tag.split("-", 1)[1] for s in train for tag in s.tags if tag != "O"})
    keep_checkpoint = options.checkpoint_dir is not None
    checkpoint_dir = (
        Path(options.checkpoint_dir)
        if options.checkpoint_dir is not None
        else ner_dir / f".{package}.checkpoint"
    )
    resuming = options.resume and (checkpoint_dir / "checkpoint_state.pt").is_file()

    from stanza.models import ner_tagger  # noqa: F401  (sets Stanza's log level on import)
    from stanza.models.common.pretrain import Pretrain

    level = logging.INFO if logger.isEnabledFor(logging.INFO) else logging.WARNING
    with (
        tempfile.TemporaryDirectory(prefix="nkcorpus-train-") as work,
        _torch_threads(options.threads),
        _stanza_log_level(level),
    ):
        work_dir = Path(work)
        train_file, dev_file = work_dir / "train.json", work_dir / "dev.json"
        _write_stanza_json(train, train_file)
        _write_stanza_json(dev, dev_file)
        if resuming and pretrain_path.is_file():
            pass  # the checkpoint was trained with these vectors
        elif options.pretrain is not None and str(options.pretrain).endswith(".pt"):
            shutil.copyfile(options.pretrain, pretrain_path)
        else:
            vectors = Path(options.pretrain) if options.pretrain else work_dir / "vectors.txt"
            if options.pretrain is None:
                logger.warning(
                    "training %s NER with random word vectors; pass pretrain= for real use", lang
                )
                _random_vectors(train, vectors, options.word_emb_dim, options.seed)
            Pretrain(str(pretrain_path), str(vectors), max_vocab=-1, save_to_file=True).load()
        if model_path.exists() and not resuming:
            model_path.unlink()
        args = [
            "--mode", "train",
            "--shorthand", f"{lang}_{package}",
            "--train_file", str(train_file),
            "--eval_file", str(dev_file),
            "--wordvec_pretrain_file", str(pretrain_path),
            "--save_dir", str(ner_dir),
            "--save_name", model_path.name,
            "--max_steps", str(options.max_steps),
            "--eval_interval", str(options.eval_interval),
            "--max_steps_no_improve", str(options.patience),
            "--batch_size", str(options.batch_size),
            "--hidden_dim", str(options.hidden_dim),
            "--char_hidden_dim", str(options.char_hidden_dim),
            "--char_emb_dim", str(options.char_emb_dim),
            "--word_emb_dim", str(options.word_emb_dim),
            "--lr_decay", "0",
            "--seed", str(options.seed),
            "--device", _device(options.device),
            *options.extra_args,
        ]  # fmt: skip
        logger.info("training %s NER model %s on %d sentences", lang, package, len(train))
        history = run_training(
            args,
            model_path=model_path,
            checkpoint_dir=checkpoint_dir,
            resume=options.resume,
            report=progress,
        )
    if not keep_checkpoint:
        shutil.rmtree(checkpoint_dir, ignore_errors=True)
    if not model_path.is_file() or not history:
        from nkcorpus.errors import ModelNotInstalledError

        raise ModelNotInstalledError(
            f"Stanza's trainer saved no model at {model_path}; give more steps or dev data"
        )
    best = max(history, key=lambda score: score.f1)
    return register_ner_model(
        folder,
        lang,
        package,
        tokenizer=tokenizer,
        pretrain=package,
        labels=labels,
        details={
            "train_sentences": len(train),
            "dev_sentences": len(dev),
            "steps": history[-1].step,
            "dev": {"step": best.step, "precision": round(best.precision, 4),
                    "recall": round(best.recall, 4), "f1": round(best.f1, 4)},
        },
    )  # fmt: skip
