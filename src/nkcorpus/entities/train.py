"""Train a Stanza NER model from BIO/CoNLL or KLUE-NER data: the way to Korean NER.

Stanza publishes no Korean NER model. This recipe turns annotated data into one
with Stanza's own trainer (``stanza.models.ner_tagger``), installs it in the
Stanza resources folder and lists it in ``nkcorpus.json`` (:mod:`nkcorpus.models`),
after which ``Config(ner="auto")`` or ``"stanza"`` uses it like a downloaded model.

The recipe, from the command line::

    nkcorpus models train-ner --lang ko --format klue \\
        --train klue-ner-v1.1_train.tsv --dev klue-ner-v1.1_dev.tsv \\
        --labels PER,LOC,ORG --pretrain ko.vec --max-steps 20000

or from Python with :func:`load_training_data` and :func:`train_ner`.

Steps:

1. **Read** the data. ``conll``: one token per line with its tag in the last
   column (``B-PER``, ``I-PER``, ``O``; ``BIOES`` and ``IOB1`` also work), a
   blank line between sentences, ``-DOCSTART-`` lines skipped. ``klue``: the
   KLUE-NER files (``## id<TAB>tagged sentence`` headers, then one
   ``character<TAB>tag`` line per character, spaces included), tags ``PS``,
   ``LC``, ``OG``, ``DT``, ``TI``, ``QT`` renamed by :data:`KLUE_LABELS`.
2. **Re-tokenize** every sentence with the tokenizer the model will see at
   recognition time (Korean: :mod:`nkcorpus.entities.korean`, which splits
   particles off; Chinese: jieba; English: spaCy's blank tokenizer). A token
   that an entity boundary cuts is split at the boundary, so entities never
   swallow particles (``평양에서`` is tagged ``평양`` + ``에서``).
3. **Word vectors**: a Stanza ``.pt`` pretrain file, or a word2vec/fastText text
   file (``N DIM`` header) that is converted; without one, random vectors for the
   training vocabulary are made (fine for tests, poor for real use).
4. **Train** with Stanza's trainer (``--lr_decay 0`` is passed: Stanza 1.10's
   learning-rate scheduler fails with recent torch otherwise). The model is
   written to ``LANG/ner/PACKAGE.pt`` when the dev score improves.
5. **Register** the model in ``nkcorpus.json`` with its tokenizer.
"""

from __future__ import annotations

import contextlib
import logging
import os
import random
import shutil
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import attrs

from nkcorpus.entities.tokens import TRAINABLE_TOKENIZERS, tokenize
from nkcorpus.errors import ConfigError, InputError

__all__ = [
    "DEFAULT_TOKENIZERS",
    "FORMATS",
    "KLUE_LABELS",
    "AnnotatedText",
    "TaggedSentence",
    "default_tokenizer",
    "load_training_data",
    "read_conll",
    "read_klue",
    "to_tagged_sentences",
    "train_ner",
]

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

#: KLUE-NER tags and the labels nkcorpus gives them.
KLUE_LABELS = {
    "PS": "PER",
    "LC": "LOC",
    "OG": "ORG",
    "DT": "DATE",
    "TI": "TIME",
    "QT": "QUANTITY",
}
#: Data formats :func:`load_training_data` reads.
FORMATS = ("conll", "klue")
#: The tokenizer each language's models use unless told otherwise.
DEFAULT_TOKENIZERS = {"ko": "korean", "zh-hans": "jieba", "zh-hant": "jieba", "en": "spacy"}


@attrs.frozen
class TaggedSentence:
    """One sentence as tokens and their tags (``B-PER``, ``I-PER``, ``O``)."""

    tokens: tuple[str, ...]
    tags: tuple[str, ...]


@attrs.frozen
class AnnotatedText:
    """A text and its entities as ``(start, end, label)`` character spans."""

    text: str
    entities: tuple[tuple[int, int, str], ...] = ()


def default_tokenizer(language: str) -> str:
    """Return the tokenizer models for ``language`` use by default."""
    from nkcorpus.models import stanza_language

    return DEFAULT_TOKENIZERS.get(stanza_language(language), "whitespace")


def _split_tag(tag: str, where: str) -> tuple[str, str | None]:
    if tag == "O":
        return "O", None
    prefix, sep, label = tag.partition("-")
    if not sep or prefix not in ("B", "I", "E", "S") or not label:
        raise InputError(
            f"{where}: tag {tag!r} is not BIO; use O, B-LABEL, I-LABEL (E- and S- also work)"
        )
    return prefix, label


def _spans_from_tags(tags: Sequence[str], where: str) -> list[tuple[int, int, str]]:
    """Entity spans (token indexes) from BIO, BIOES or IOB1 tags."""
    spans: list[tuple[int, int, str]] = []
    start, label = -1, None
    for index, tag in enumerate([*tags, "O"]):
        prefix, tag_label = _split_tag(tag, where)
        continues = prefix in ("I", "E") and tag_label == label and label is not None
        if label is not None and not continues:
            spans.append((start, index, label))
            label = None
        if prefix != "O" and not continues:
            start, label = index, tag_label
        if prefix in ("E", "S") and label is not None:
            spans.append((start, index + 1, label))
            label = None
    return spans


def read_conll(path: str | os.PathLike[str]) -> list[AnnotatedText]:
    """Read CoNLL/BIO data: a token and its tag per line, blank lines between sentences.

    Tokens are joined with single spaces into the sentence text.

    Raises:
        InputError: for a line without a tag or a tag that is not BIO.
    """
    texts = []
    tokens: list[str] = []
    tags: list[str] = []
    source = Path(path)

    def flush(line_number: int) -> None:
        if tokens:
            texts.append(_annotated(tokens, tags, f"{source}:{line_number}"))
        tokens.clear()
        tags.clear()

    with source.open(encoding="utf-8") as handle:
        number = 0
        for number, line in enumerate(handle, 1):
            line = line.rstrip("\n")
            if not line.strip():
                flush(number)
                continue
            if line.startswith("-DOCSTART-"):
                continue
            parts = line.split("\t") if "\t" in line else line.split()
            if len(parts) < 2:
                raise InputError(f"{source}:{number}: expected a token and a tag, got {line!r}")
            tokens.append(parts[0])
            tags.append(parts[-1].strip())
        flush(number)
    return texts


def _annotated(tokens: Sequence[str], tags: Sequence[str], where: str) -> AnnotatedText:
    offsets = []
    position = 0
    for token in tokens:
        offsets.append((position, position + len(token)))
        position += len(token) + 1
    entities = tuple(
        (offsets[a][0], offsets[b - 1][1], label) for a, b, label in _spans_from_tags(tags, where)
    )
    return AnnotatedText(" ".join(tokens), entities)


def read_klue(path: str | os.PathLike[str]) -> list[AnnotatedText]:
    """Read KLUE-NER data (character-level tags, ``##`` header lines).

    Labels are renamed with :data:`KLUE_LABELS`.

    Raises:
        InputError: for a malformed line.
    """
    texts = []
    chars: list[str] = []
    tags: list[str] = []
    source = Path(path)

    def flush(where: str) -> None:
        if chars:
            spans = _spans_from_tags(tags, where)
            entities = tuple((a, b, KLUE_LABELS.get(label, label)) for a, b, label in spans)
            texts.append(AnnotatedText("".join(chars), entities))
        chars.clear()
        tags.clear()

    with source.open(encoding="utf-8") as handle:
        number = 0
        for number, line in enumerate(handle, 1):
            line = line.rstrip("\n").rstrip("\r")
            if line.startswith("##"):
                flush(f"{source}:{number}")
                continue
            if not line.strip("\t"):
                if not line:
                    flush(f"{source}:{number}")
                continue
            char, sep, tag = line.rpartition("\t")
            if not sep or len(char) != 1:
                raise InputError(
                    f"{source}:{number}: expected one character, a tab and a tag; got {line!r}"
                )
            chars.append(char)
            tags.append(tag.strip())
        flush(f"{source}:{number}")
    return texts


def to_tagged_sentences(
    texts: Iterable[AnnotatedText],
    tokenizer: str,
    *,
    labels: Sequence[str] | None = None,
) -> list[TaggedSentence]:
    """Tokenize annotated texts and tag the tokens with BIO.

    A token that an entity boundary cuts is split at the boundary. Entities
    whose label is not in ``labels`` (when given) are dropped.
    """
    keep = None if labels is None else set(labels)
    sentences = []
    for item in texts:
        entities = [e for e in item.entities if keep is None or e[2] in keep]
        cuts = {p for start, end, _label in entities for p in (start, end)}
        for sentence in tokenize(item.text, tokenizer):
            tokens: list[str] = []
            tags: list[str] = []
            for start, end in sentence:
                inner = sorted(p for p in cuts if start < p < end)
                for a, b in zip([start, *inner], [*inner, end], strict=False):
                    piece = item.text[a:b]
                    if not piece.strip():
                        continue
                    tag = "O"
                    for e_start, e_end, label in entities:
                        if e_start <= a < e_end:
                            tag = ("B-" if a == e_start else "I-") + label
                            break
                    tokens.append(piece.strip() or piece)
                    tags.append(tag)
            if tokens:
                sentences.append(TaggedSentence(tuple(tokens), tuple(tags)))
    return sentences


def load_training_data(
    path: str | os.PathLike[str],
    data_format: str,
    tokenizer: str,
    *,
    labels: Sequence[str] | None = None,
) -> list[TaggedSentence]:
    """Read ``path`` in ``data_format`` (``"conll"`` or ``"klue"``) and tokenize it.

    Raises:
        ConfigError: for an unknown format or tokenizer.
        InputError: for malformed data or a file without sentences.
    """
    if data_format not in FORMATS:
        raise ConfigError(f"data format must be one of {', '.join(FORMATS)}; got {data_format!r}")
    if tokenizer not in TRAINABLE_TOKENIZERS:
        raise ConfigError(
            f"tokenizer must be one of {', '.join(TRAINABLE_TOKENIZERS)}; got {tokenizer!r}"
        )
    try:
        texts = read_klue(path) if data_format == "klue" else read_conll(path)
    except FileNotFoundError as error:
        raise InputError(f"training data file {str(path)!r} does not exist") from error
    sentences = to_tagged_sentences(texts, tokenizer, labels=labels)
    if not sentences:
        raise InputError(f"{path} holds no sentences in {data_format} format")
    return sentences


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


def train_ner(
    train: Sequence[TaggedSentence],
    dev: Sequence[TaggedSentence],
    *,
    language: str,
    models_dir: str | os.PathLike[str] | None = None,
    package: str = "nkcorpus",
    tokenizer: str | None = None,
    pretrain: str | os.PathLike[str] | None = None,
    max_steps: int = 20000,
    eval_interval: int = 500,
    batch_size: int = 32,
    hidden_dim: int = 256,
    char_hidden_dim: int = 100,
    char_emb_dim: int = 100,
    word_emb_dim: int = 100,
    threads: int | None = 1,
    seed: int = 1234,
    extra_args: Sequence[str] = (),
) -> Any:
    """Train a Stanza NER model and install it for ``language``.

    Args:
        train: training sentences (from :func:`load_training_data`).
        dev: development sentences; the model is saved when their score improves.
        language: the language code (``"ko"``, ``"en"``, ``"zh-Hans"``).
        models_dir: the Stanza resources folder to install into
            (default: :func:`nkcorpus.models.resources_dir`).
        package: the model's name; its files are ``LANG/ner/PACKAGE.pt`` and
            ``LANG/pretrain/PACKAGE.pt``.
        tokenizer: the tokenizer the data was tokenized with and the model will
            use (default: :func:`default_tokenizer`).
        pretrain: word vectors: a Stanza ``.pt`` pretrain or a word2vec text file.
            ``None`` makes random vectors for the training vocabulary.
        max_steps: training steps.
        eval_interval: steps between dev evaluations.
        batch_size: sentences per training step.
        hidden_dim: size of the tagger's LSTM.
        char_hidden_dim: size of the character LSTM.
        char_emb_dim: size of character embeddings.
        word_emb_dim: size of the random word vectors when ``pretrain`` is ``None``.
        threads: torch threads while training (``None``: torch's default).
        seed: random seed.
        extra_args: more ``stanza.models.ner_tagger`` arguments, passed as given.

    Returns:
        The installed :class:`nkcorpus.models.NerModel`.

    Raises:
        InputError: when there is no training or dev data.
        ModelNotInstalledError: when training saved no model.
    """
    from nkcorpus.models import register_ner_model, resources_dir, stanza_language

    if not train or not dev:
        raise InputError("training needs at least one training and one dev sentence")
    lang = stanza_language(language)
    tokenizer = tokenizer or default_tokenizer(lang)
    if tokenizer not in TRAINABLE_TOKENIZERS:
        raise ConfigError(
            f"tokenizer must be one of {', '.join(TRAINABLE_TOKENIZERS)}; got {tokenizer!r}"
        )
    if not package.replace("-", "").replace("_", "").isalnum():
        raise ConfigError(f"package names use letters, digits, - and _ only; got {package!r}")
    folder = resources_dir(models_dir)
    ner_dir = folder / lang / "ner"
    pretrain_dir = folder / lang / "pretrain"
    ner_dir.mkdir(parents=True, exist_ok=True)
    pretrain_dir.mkdir(parents=True, exist_ok=True)
    pretrain_path = pretrain_dir / f"{package}.pt"
    labels = sorted({tag.split("-", 1)[1] for s in train for tag in s.tags if tag != "O"})

    from stanza.models import ner_tagger
    from stanza.models.common.pretrain import Pretrain

    with tempfile.TemporaryDirectory(prefix="nkcorpus-train-") as work, _torch_threads(threads):
        work_dir = Path(work)
        train_file, dev_file = work_dir / "train.json", work_dir / "dev.json"
        _write_stanza_json(train, train_file)
        _write_stanza_json(dev, dev_file)
        if pretrain is not None and str(pretrain).endswith(".pt"):
            shutil.copyfile(pretrain, pretrain_path)
        else:
            vectors = Path(pretrain) if pretrain is not None else work_dir / "vectors.txt"
            if pretrain is None:
                logger.warning(
                    "training %s NER with random word vectors; pass pretrain= for real use", lang
                )
                _random_vectors(train, vectors, word_emb_dim, seed)
            Pretrain(str(pretrain_path), str(vectors), max_vocab=-1, save_to_file=True).load()
        model_path = ner_dir / f"{package}.pt"
        if model_path.exists():
            model_path.unlink()
        args = [
            "--mode", "train",
            "--shorthand", f"{lang}_{package}",
            "--train_file", str(train_file),
            "--eval_file", str(dev_file),
            "--wordvec_pretrain_file", str(pretrain_path),
            "--save_dir", str(ner_dir),
            "--save_name", model_path.name,
            "--max_steps", str(max_steps),
            "--eval_interval", str(eval_interval),
            "--batch_size", str(batch_size),
            "--hidden_dim", str(hidden_dim),
            "--char_hidden_dim", str(char_hidden_dim),
            "--char_emb_dim", str(char_emb_dim),
            "--word_emb_dim", str(word_emb_dim),
            "--lr_decay", "0",
            "--seed", str(seed),
            "--log_step", str(max(max_steps, 1)),
        ]  # fmt: skip
        import torch

        if not torch.cuda.is_available():
            args.append("--cpu")
        args.extend(extra_args)
        logger.info("training %s NER model %s on %d sentences", lang, package, len(train))
        level = logging.INFO if logger.isEnabledFor(logging.INFO) else logging.WARNING
        with _stanza_log_level(level):
            ner_tagger.main(args)
    if not model_path.is_file():
        from nkcorpus.errors import ModelNotInstalledError

        raise ModelNotInstalledError(
            f"Stanza's trainer saved no model at {model_path}; give more steps or dev data"
        )
    return register_ner_model(
        folder,
        lang,
        package,
        tokenizer=tokenizer,
        pretrain=package,
        labels=labels,
        details={"train_sentences": len(train), "dev_sentences": len(dev), "steps": max_steps},
    )
