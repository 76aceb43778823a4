"""NER training: options, progress with dev scores, checkpoints and resume, the recipe command."""

from __future__ import annotations

import json
from pathlib import Path

import attrs
import pytest

from nkcorpus import Document
from nkcorpus.cli import main
from nkcorpus.entities import recipes
from nkcorpus.entities.nerdata import parse_inline, read_kmou, to_tagged_sentences
from nkcorpus.entities.options import EntityOptions
from nkcorpus.entities.stage import EntityStage
from nkcorpus.entities.train import TrainOptions, train_ner
from nkcorpus.entities.trainloop import Progress, entity_scores
from nkcorpus.errors import ConfigError
from nkcorpus.models import find_ner_model
from tests.tiny_stanza import examples

pytestmark = pytest.mark.slow

TINY = {"hidden_dim": 16, "char_hidden_dim": 8, "char_emb_dim": 8, "word_emb_dim": 16}


def _klue_lines(items: list, prefix: str) -> str:
    """Write annotated texts in KLUE-NER's character format."""
    lines = []
    for number, item in enumerate(items):
        lines.append(f"## klue-ner-v1_{prefix}_{number:05d}_news\t{item.text}")
        tags = ["O"] * len(item.text)
        for start, end, label in item.entities:
            klue = {"PER": "PS", "LOC": "LC", "ORG": "OG"}[label]
            tags[start:end] = [f"B-{klue}"] + [f"I-{klue}"] * (end - start - 1)
        lines += [f"{char}\t{tag}" for char, tag in zip(item.text, tags, strict=False)]
        lines.append("")
    return "\n".join(lines) + "\n"


def test_options_validate_and_old_keywords_still_work(tmp_path: Path) -> None:
    """TrainOptions rejects impossible settings; the keyword form builds the same options."""
    with pytest.raises(ConfigError, match="max_steps"):
        TrainOptions(language="ko", max_steps=0)
    options = TrainOptions(language="ko", extra_args=["--dropout", "0.3"])
    assert options.extra_args == ("--dropout", "0.3")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        options.max_steps = 5  # type: ignore[misc]
    train = to_tagged_sentences(examples("ko", 40, seed=1), "korean")
    with pytest.raises(TypeError):
        train_ner(train, train, language="ko", no_such_option=1)


def test_entity_scores_are_exact_span_micro_averages() -> None:
    """Dev scores count a span only when start, end and label all match."""
    gold = [["B-PER", "I-PER", "O", "B-LOC"], ["B-ORG"]]
    assert entity_scores(gold, gold) == (1.0, 1.0, 1.0)
    shifted = [["B-PER", "O", "O", "B-LOC"], ["B-LOC"]]
    precision, recall, _f1 = entity_scores(shifted, gold)
    assert (precision, recall) == (1 / 3, 1 / 3)
    assert entity_scores([["O"]], [["O"]]) == (0.0, 0.0, 0.0)


def test_inline_marks_and_kmou_lines(tmp_path: Path) -> None:
    """KMOU's `$` lines give the plain sentence and its entity spans, renamed to PER/LOC/ORG."""
    item = parse_inline("<김정은:PS>은 <평양:LC>에서 <유엔:OG>을")
    assert item.text == "김정은은 평양에서 유엔을"
    assert [item.text[a:b] + ":" + label for a, b, label in item.entities] == [
        "김정은:PER", "평양:LOC", "유엔:ORG"
    ]  # fmt: skip
    data = tmp_path / "ner.train"
    data.write_text(
        "; 김정은은 평양에서\n$<김정은:PS>은 <평양:LC>에서\n1\t김정은\tNNP\tB_PS\n\n"
        "; 비 온다\n$비 온다\n1\t비\tNNG\tO\n",
        encoding="utf-8",
    )
    texts = read_kmou(data)
    assert [t.text for t in texts] == ["김정은은 평양에서", "비 온다"]
    assert texts[1].entities == ()


def test_progress_checkpoint_and_resume(tmp_path: Path) -> None:
    """Dev P/R/F1 come at every interval; a resumed run continues the step count and history."""
    train = to_tagged_sentences(examples("ko", 120, seed=1), "korean")
    dev = to_tagged_sentences(examples("ko", 20, seed=2), "korean")
    checkpoints = tmp_path / "checkpoint"
    options = TrainOptions(
        language="ko", models_dir=tmp_path / "models", package="resumed", max_steps=20,
        eval_interval=10, batch_size=16, checkpoint_dir=checkpoints, **TINY,
    )  # fmt: skip
    reports: list[Progress] = []
    train_ner(train, dev, options, progress=reports.append)
    first = [r.score for r in reports if r.score is not None]
    assert [s.step for s in first] == [10, 20]
    assert all(0.0 <= v <= 1.0 for s in first for v in (s.precision, s.recall, s.f1))
    assert reports[-1].eta == 0.0 and reports[-1].best is not None
    assert (checkpoints / "checkpoint_state.pt").is_file()
    reports.clear()
    model = train_ner(train, dev, attrs.evolve(options, max_steps=40, resume=True),
                      progress=reports.append)  # fmt: skip
    second = [r.score for r in reports if r.score is not None]
    assert [s.step for s in second] == [30, 40]
    registry = json.loads((tmp_path / "models" / "nkcorpus.json").read_text(encoding="utf-8"))
    entry = registry["ner"]["ko"]
    assert entry["steps"] == 40
    best = max([*first, *second], key=lambda s: s.f1)
    assert entry["dev"]["f1"] == round(best.f1, 4)
    assert model.model_path.is_file()


def test_without_a_checkpoint_dir_nothing_is_left_behind(tmp_path: Path) -> None:
    """A run without checkpoint_dir removes its temporary checkpoint when it ends."""
    train = to_tagged_sentences(examples("ko", 60, seed=1), "korean")
    model = train_ner(train, train, language="ko", models_dir=tmp_path, package="plain",
                      max_steps=10, eval_interval=10, **TINY)  # fmt: skip
    leftovers = [p.name for p in model.model_path.parent.iterdir()]
    assert leftovers == ["plain.pt"]


def test_recipe_needs_accepted_licence_and_no_network(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Missing recipe files are never fetched without --accept-licence; the error shows the licence."""
    code = main(["models", "--models-dir", str(tmp_path / "m"), "train-ner", "ko", "--recipe",
                 "klue", "--data-dir", str(tmp_path / "none")])  # fmt: skip
    assert code != 0
    assert "CC BY-SA 4.0" in capsys.readouterr().err
    assert not (tmp_path / "none").exists() and not (tmp_path / "m").exists()
    with pytest.raises(ConfigError, match=r"CC BY-SA 4\.0.*--accept-licence"):
        recipes.fetch_recipe_data(recipes.RECIPES["klue"], tmp_path / "none", accept_licence=False)
    with pytest.raises(ConfigError, match="unknown recipe"):
        recipes.recipe("nope")


def test_recipe_fetches_through_the_opener_when_accepted(tmp_path: Path) -> None:
    """With the licence accepted, missing files are fetched into the data folder, others kept."""
    source = tmp_path / "published"
    source.mkdir()
    (source / "ner.train").write_text("$<평양:LC>\n", encoding="utf-8")
    (source / "ner.dev").write_text("$<서울:LC>\n", encoding="utf-8")
    data = tmp_path / "data"
    data.mkdir()
    (data / "ner.test").write_text("$mine\n", encoding="utf-8")
    asked = []

    def opener(url: str) -> object:
        asked.append(url)
        return (source / url.rsplit("/", 1)[1]).open("rb")

    written = recipes.fetch_recipe_data(
        recipes.RECIPES["kmou"], data, accept_licence=True, opener=opener
    )
    assert sorted(p.name for p in written) == ["ner.dev", "ner.train"]
    assert all(url.startswith("https://raw.githubusercontent.com/kmounlp/NER/") for url in asked)
    assert (data / "ner.test").read_text(encoding="utf-8") == "$mine\n"


def test_recipe_command_trains_scores_and_auto_uses_the_model(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`train-ner ko --recipe klue` on local files installs a scored model that ner='auto' uses."""
    data = tmp_path / "klue"
    data.mkdir()
    train_name = recipes.RECIPES["klue"].train.name
    held_name = recipes.RECIPES["klue"].held_out.name
    (data / train_name).write_text(_klue_lines(examples("ko", 160, seed=3), "train"), "utf-8")
    (data / held_name).write_text(_klue_lines(examples("ko", 30, seed=4), "dev"), "utf-8")
    folder = tmp_path / "models"
    code = main([
        "models", "--models-dir", str(folder), "train-ner", "ko", "--recipe", "klue",
        "--data-dir", str(data), "--max-steps", "60", "--eval-interval", "30",
        "--hidden-dim", "32", "--batch-size", "16", "--threads", "1", "--device", "cpu",
    ])  # fmt: skip
    assert code == 0
    captured = capsys.readouterr()
    assert "held-out klue-ner-v1.1_dev.tsv: P" in captured.out
    assert "dev at step 30: P" in captured.err and "CC BY-SA 4.0" in captured.err
    entry = json.loads((folder / "nkcorpus.json").read_text(encoding="utf-8"))["ner"]["ko"]
    assert entry["recipe"] == "klue" and entry["held_out"]["sentences"] == 30
    assert 0.0 <= entry["held_out"]["f1"] <= 1.0 and entry["dev_sentences"] == 8
    model = find_ner_model("ko", folder)
    assert model is not None and model.tokenizer == "korean"
    stage = EntityStage("auto", EntityOptions(models_dir=str(folder), threads=1))
    text = "김정은은 월요일 서울을 방문했다."
    doc = attrs.evolve(Document.from_raw(text), language="ko")
    (result,) = stage.process_batch([doc])
    steps = {s.name: dict(s.parameters) for s in result.steps}
    assert steps["entities.stanza"]["languages"] == ("ko",)
    assert "ko:nkcorpus" in steps["entities.stanza"]["models"]
    assert {e.canonical_id for e in result.entities} >= {"kim-jong-un"}
