"""Training recipes: public Korean NER data in, a scored and installed model out.

A recipe names its data sources (with their licences), how they are split into
training, dev and held-out parts, and the labels kept. :func:`run_recipe` reads
the files from a data folder, trains with :func:`nkcorpus.entities.train.train_ner`
(progress, dev scores, best model, checkpoints), scores the installed model once
on the held-out part, and records those scores in ``nkcorpus.json``.

Nothing is downloaded unless asked: :func:`fetch_recipe_data` fetches the files
that are missing from the data folder only when the licence was accepted
(``accept_licence=True``, ``--accept-licence`` on the command line). Files you
place in the folder yourself are used as they are.

Recipes (:data:`RECIPES`):

``klue``
    KLUE-NER v1.1 (CC BY-SA 4.0): trains on the training file less every 20th
    sentence, which is the dev part used to pick the best step; the KLUE dev file
    is the held-out part, never used for any choice.
``kmou``
    The KMOU NER corpus, ``2016klp`` files (MIT licence for non-commercial use
    only): its train, dev and test files as training, dev and held-out parts.
"""

from __future__ import annotations

import logging
import os
import tempfile
import urllib.request
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import attrs

from nkcorpus.entities.nerdata import TaggedSentence, load_training_data
from nkcorpus.entities.train import (
    TrainOptions,
    _stanza_log_level,
    _torch_threads,
    _write_stanza_json,
    train_ner,
)
from nkcorpus.errors import ConfigError, InputError

__all__ = [
    "RECIPES",
    "DataFile",
    "Recipe",
    "RecipeResult",
    "default_data_dir",
    "describe",
    "fetch_recipe_data",
    "missing_files",
    "recipe",
    "run_recipe",
]


@attrs.frozen
class DataFile:
    """One file a recipe reads: its name in the data folder and where it comes from."""

    name: str
    url: str


@attrs.frozen
class Recipe:
    """A public NER dataset and how to train on it.

    Attributes:
        name: the recipe's name (``--recipe``).
        language: the language of the data.
        data_format: the format of its files (:data:`nkcorpus.entities.nerdata.FORMATS`).
        licence: the data's licence, shown before anything is downloaded.
        source: where the data is published.
        train: the training file.
        held_out: the held-out file, scored once at the end.
        dev: the dev file; ``None`` takes every ``dev_every``-th training sentence.
        dev_every: see ``dev``.
        labels: the labels kept.
    """

    name: str
    language: str
    data_format: str
    licence: str
    source: str
    train: DataFile
    held_out: DataFile
    dev: DataFile | None = None
    dev_every: int = 20
    labels: tuple[str, ...] = ("PER", "LOC", "ORG")

    def files(self) -> list[DataFile]:
        """Every file the recipe reads."""
        return [f for f in (self.train, self.dev, self.held_out) if f is not None]


_KLUE = "https://raw.githubusercontent.com/KLUE-benchmark/KLUE/main/klue_benchmark/klue-ner-v1.1/"
_KMOU = "https://raw.githubusercontent.com/kmounlp/NER/master/2016klp/"

#: The recipes by name.
RECIPES = {
    "klue": Recipe(
        name="klue",
        language="ko",
        data_format="klue",
        licence="CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/)",
        source="https://github.com/KLUE-benchmark/KLUE (klue_benchmark/klue-ner-v1.1/)",
        train=DataFile("klue-ner-v1.1_train.tsv", _KLUE + "klue-ner-v1.1_train.tsv"),
        held_out=DataFile("klue-ner-v1.1_dev.tsv", _KLUE + "klue-ner-v1.1_dev.tsv"),
    ),
    "kmou": Recipe(
        name="kmou",
        language="ko",
        data_format="kmou",
        licence="MIT licence for non-commercial use only; no commercial use "
        "(https://github.com/kmounlp/NER/blob/master/LICENSE)",
        source="https://github.com/kmounlp/NER (2016klp/)",
        train=DataFile("ner.train", _KMOU + "ner.train"),
        dev=DataFile("ner.dev", _KMOU + "ner.dev"),
        held_out=DataFile("ner.test", _KMOU + "ner.test"),
    ),
}


@attrs.frozen
class RecipeResult:
    """What :func:`run_recipe` trained and how it scored.

    Attributes:
        model: the installed :class:`nkcorpus.models.NerModel`.
        dev: the best dev scores (``precision``, ``recall``, ``f1``, ``step``).
        held_out: the held-out scores (``precision``, ``recall``, ``f1``).
        train_seconds: seconds spent training.
    """

    model: Any
    dev: dict[str, float]
    held_out: dict[str, float]
    train_seconds: float


def recipe(name: str) -> Recipe:
    """The recipe called ``name``.

    Raises:
        ConfigError: for an unknown name.
    """
    if name not in RECIPES:
        raise ConfigError(f"unknown recipe {name!r}; choose from {', '.join(sorted(RECIPES))}")
    return RECIPES[name]


def default_data_dir(name: str) -> Path:
    """Where a recipe's files are kept: ``$NKCORPUS_DATA_DIR/ner/NAME`` or ``~/.cache/...``."""
    base = os.environ.get("NKCORPUS_DATA_DIR") or Path.home() / ".cache" / "nkcorpus"
    return Path(base) / "ner" / name


def missing_files(chosen: Recipe, data_dir: str | os.PathLike[str]) -> list[DataFile]:
    """The recipe's files not yet in ``data_dir``."""
    return [f for f in chosen.files() if not (Path(data_dir) / f.name).is_file()]


def fetch_recipe_data(
    chosen: Recipe,
    data_dir: str | os.PathLike[str],
    *,
    accept_licence: bool,
    opener: Callable[[str], Any] = urllib.request.urlopen,
) -> list[Path]:
    """Download the recipe's missing files into ``data_dir``; return the files written.

    Raises:
        ConfigError: when files are missing and the licence was not accepted
            (the message shows the licence and the source).
        InputError: when a download fails.
    """
    missing = missing_files(chosen, data_dir)
    if not missing:
        return []
    if not accept_licence:
        names = ", ".join(f.name for f in missing)
        raise ConfigError(
            f"recipe {chosen.name!r} needs {names} in {data_dir}. The data is published at "
            f"{chosen.source} under {chosen.licence}. Accept the licence to download it "
            "(--accept-licence), or put the files there yourself."
        )
    folder = Path(data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for item in missing:
        target = folder / item.name
        partial = folder / (item.name + ".part")
        try:
            with opener(item.url) as response, partial.open("wb") as out:
                while chunk := response.read(1 << 20):
                    out.write(chunk)
        except OSError as error:
            partial.unlink(missing_ok=True)
            raise InputError(f"could not download {item.url}: {error}") from error
        partial.replace(target)
        written.append(target)
    return written


def _split(
    chosen: Recipe, data_dir: Path, tokenizer: str
) -> tuple[list[TaggedSentence], list[TaggedSentence], list[TaggedSentence]]:
    def read(item: DataFile) -> list[TaggedSentence]:
        return load_training_data(
            data_dir / item.name, chosen.data_format, tokenizer, labels=chosen.labels
        )

    train = read(chosen.train)
    held_out = read(chosen.held_out)
    if chosen.dev is not None:
        return train, read(chosen.dev), held_out
    dev = train[:: chosen.dev_every]
    rest = [s for i, s in enumerate(train) if i % chosen.dev_every]
    if not rest:
        raise InputError(f"{chosen.train.name} has too few sentences to keep a dev part")
    return rest, dev, held_out


def run_recipe(
    name: str,
    options: TrainOptions,
    *,
    data_dir: str | os.PathLike[str] | None = None,
    accept_licence: bool = False,
    progress: Callable[[Any], None] | None = None,
    opener: Callable[[str], Any] = urllib.request.urlopen,
) -> RecipeResult:
    """Fetch (if accepted), train, score on the held-out part and install a model.

    Args:
        name: a recipe in :data:`RECIPES`.
        options: training options; ``language`` must be the recipe's.
        data_dir: the folder with the recipe's files (default: :func:`default_data_dir`).
        accept_licence: allow downloading missing files under the recipe's licence.
        progress: called with training progress (see :func:`nkcorpus.entities.train.train_ner`).
        opener: opens a URL (for other transports).

    Returns:
        The installed model with its dev and held-out scores, which are also
        recorded in ``nkcorpus.json`` under the model's entry.
    """
    import time

    from nkcorpus.entities.nerdata import default_tokenizer
    from nkcorpus.entities.trainloop import evaluate_model
    from nkcorpus.models import register_ner_model, stanza_language

    chosen = recipe(name)
    if stanza_language(options.language) != chosen.language:
        raise ConfigError(f"recipe {name!r} trains {chosen.language}, not {options.language!r}")
    folder = Path(data_dir) if data_dir is not None else default_data_dir(name)
    fetch_recipe_data(chosen, folder, accept_licence=accept_licence, opener=opener)
    tokenizer = options.tokenizer or default_tokenizer(chosen.language)
    train, dev, held_out = _split(chosen, folder, tokenizer)
    history: list[Any] = []

    def keep(report: Any) -> None:
        if report.score is not None:
            history.append(report.score)
        if progress is not None:
            progress(report)

    started = time.perf_counter()
    model = train_ner(train, dev, attrs.evolve(options, tokenizer=tokenizer), progress=keep)
    seconds = time.perf_counter() - started
    with tempfile.TemporaryDirectory(prefix="nkcorpus-heldout-") as work:
        held_file = Path(work) / "held_out.json"
        _write_stanza_json(held_out, held_file)
        with _stanza_log_level(logging.WARNING), _torch_threads(options.threads):
            precision, recall, f1 = evaluate_model(
                model.model_path, model.pretrain_path, held_file, device="cpu"
            )
    best = max(history, key=lambda s: s.f1)
    dev_scores = {"step": best.step, "precision": round(best.precision, 4),
                  "recall": round(best.recall, 4), "f1": round(best.f1, 4)}  # fmt: skip
    held_scores = {"precision": round(precision, 4), "recall": round(recall, 4),
                   "f1": round(f1, 4), "sentences": len(held_out)}  # fmt: skip
    model = register_ner_model(
        model.models_dir,
        model.language,
        model.package,
        tokenizer=tokenizer,
        pretrain=model.package,
        labels=sorted(chosen.labels),
        details={
            "recipe": name,
            "data_licence": chosen.licence,
            "data_source": chosen.source,
            "train_sentences": len(train),
            "dev_sentences": len(dev),
            "steps": history[-1].step if history else 0,
            "train_seconds": round(seconds),
            "dev": dev_scores,
            "held_out": held_scores,
        },
    )
    return RecipeResult(model, dev_scores, held_scores, seconds)


def describe(chosen: Recipe) -> str:
    """A short text naming the recipe's data, source and licence."""
    files: Sequence[str] = [f.name for f in chosen.files()]
    return (
        f"recipe {chosen.name}: {chosen.language} NER on {', '.join(files)} from {chosen.source}; "
        f"licence: {chosen.licence}"
    )
