"""The result cache answers only for what the same stages with the same files produced."""

from __future__ import annotations

import json
import os
from pathlib import Path

import attrs

import nkcorpus
from nkcorpus.config import Config
from nkcorpus.corpus.runner import Runner
from nkcorpus.entities.options import EntityOptions
from nkcorpus.pipeline import Pipeline
from nkcorpus.stage import Stage

TEXT = "Kim Yo Jong spoke in Pyongyang about Hwang Ha Nul."


def labels(runner: Runner) -> list[tuple[str, str | None]]:
    """The entities (text, canonical id) the runner gives for TEXT."""
    (doc,) = runner.documents([TEXT])
    return [(e.text, e.canonical_id) for e in doc.entities]


def test_editing_a_gazetteer_file_makes_a_miss(tmp_path: Path) -> None:
    """After a user alias file is edited, a rerun with the same settings gets the new entities,
    not the cached ones."""
    aliases = tmp_path / "aliases.tsv"
    aliases.write_text("Hwang Ha Nul\thwang-ha-nul\tPER\n", encoding="utf-8")
    config = Config(ner="gazetteer", entities=EntityOptions(gazetteers=(str(aliases),)))
    cache = tmp_path / "cache"
    with Runner(config, cache=cache) as runner:
        assert ("Hwang Ha Nul", "hwang-ha-nul") in labels(runner)
    aliases.write_text("Hwang Ha Nul\tactivist-hwang\tPER\n", encoding="utf-8")
    os.utime(aliases, ns=(1, 1))  # even a restored modification time: the size changed
    with Runner(config, cache=cache) as runner:
        found = labels(runner)
    assert ("Hwang Ha Nul", "activist-hwang") in found
    assert ("Hwang Ha Nul", "hwang-ha-nul") not in found


def test_installing_a_model_changes_the_key(tmp_path: Path) -> None:
    """ner="auto" uses Stanza models once installed: a file appearing in the models folder
    changes the key, so results made without the model are not reused."""
    models = tmp_path / "stanza"
    models.mkdir()
    config = Config(ner="auto", entities=EntityOptions(models_dir=str(models)))
    before = Runner(config).fingerprint()
    (models / "ko").mkdir()
    (models / "ko" / "ner.pt").write_bytes(b"weights")
    assert Runner(config).fingerprint() != before
    assert Runner(config).fingerprint() == Runner(config).fingerprint()


class Upper(Stage):
    """A custom stage: upper-cases the text."""

    name = "upper"

    def process(self, document: nkcorpus.Document) -> nkcorpus.Document:
        return attrs.evolve(document, text=document.text.upper())


def upper_pipeline(config: Config) -> Pipeline:
    """The default stages plus the custom one."""
    return Pipeline(config, [*Pipeline.default_stages(config), Upper()])


def test_a_custom_pipeline_does_not_share_the_default_pipelines_results(tmp_path: Path) -> None:
    """A custom pipeline with the same Config gets its own results from the shared cache."""
    config = Config(ner="off")
    cache = tmp_path / "cache"
    with Runner(config, cache=cache) as runner:
        (plain,) = runner.documents(["Seoul and Pyongyang."])
    with Runner(config, cache=cache, pipeline=upper_pipeline) as runner:
        (custom,) = runner.documents(["Seoul and Pyongyang."])
        assert runner.fingerprint() != Runner(config).fingerprint()
    assert plain.text == "Seoul and Pyongyang." and custom.text == "SEOUL AND PYONGYANG."
    step = json.loads(json.dumps(custom.to_dict()))["steps"][-1]
    assert step["name"] == "upper"
