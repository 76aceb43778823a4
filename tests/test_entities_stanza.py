"""Stanza NER with tiny real models trained by nkcorpus's recipe: offsets, batching, merging, errors."""

from __future__ import annotations

import itertools
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import nkcorpus
from nkcorpus import Document
from nkcorpus.cli import main
from nkcorpus.entities.options import EntityOptions
from nkcorpus.entities.stage import EntityStage
from nkcorpus.entities.stanza import StanzaRecognizer, load_pipeline, tag_sentences
from nkcorpus.entities.tokens import TRAINABLE_TOKENIZERS, tokenize, tokenize_many
from nkcorpus.errors import ConfigError, ModelNotInstalledError
from nkcorpus.models import bundle, find_ner_model, install
from nkcorpus.resources import Resources
from tests.strategies import texts
from tests.tiny_stanza import build_models

pytestmark = pytest.mark.slow


@pytest.fixture(scope="session")
def models_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A Stanza resources folder holding tiny en, zh-hans and ko NER models."""
    return build_models(tmp_path_factory.mktemp("stanza_resources"))


@pytest.fixture(scope="session")
def options(models_dir: Path) -> EntityOptions:
    """Entity settings that read the tiny models, one torch thread."""
    return EntityOptions(models_dir=str(models_dir), threads=1, batch_size=16)


TEXTS = {
    "en": "Kim Jong-un visited Seoul on Monday. Officials in Pyongyang met Xi Jinping last week.",
    "ko": "김정은은 월요일 서울을 방문했다. 시진핑은 평양에서 연설했다.",
    "zh-Hans": "金正恩周一访问了首尔。习近平在平壤发表了讲话。",
    "zh-Hant": "金正恩周一訪問了首爾。習近平在平壤發表了講話。",
}


def test_models_are_found_on_disk(models_dir: Path) -> None:
    """The trained models are listed in nkcorpus.json with their tokenizers."""
    assert find_ner_model("en", models_dir).tokenizer == "spacy"
    assert find_ner_model("ko", models_dir).tokenizer == "korean"
    assert find_ner_model("zh-Hant", models_dir).language == "zh-hans"
    assert find_ner_model("ja", models_dir) is None


def test_spans_are_exact_and_link_across_languages(options: EntityOptions) -> None:
    """Entities are exact spans, Stanza finds them, and ids link one person across scripts."""
    stage = EntityStage("stanza", options)
    by_language = {}
    for language, text in TEXTS.items():
        doc = attrs.evolve(Document.from_raw(text), language=language)
        (result,) = stage.process_batch([doc])
        assert result.ok
        for entity in result.entities:
            assert text[entity.span.start : entity.span.end] == entity.text
        assert any("stanza" in e.source for e in result.entities), language
        by_language[language] = {e.canonical_id for e in result.entities}
        steps = {s.name: dict(s.parameters) for s in result.steps}
        assert "entities.stanza" in steps
    for language, found in by_language.items():
        assert {"kim-jong-un", "xi-jinping", "pyongyang"} <= found, language


def test_korean_spans_exclude_particles(options: EntityOptions) -> None:
    """The Korean model tags names without their particles."""
    recognizer = StanzaRecognizer(options)
    (found,) = recognizer.recognize([(TEXTS["ko"], "ko")])
    texts = {e.text for e in found}
    assert {"김정은", "평양"} <= texts
    assert not any(t.endswith(("은", "에서", "을")) and t not in ("김정은",) for t in texts)


def test_seeds_through_the_pipeline(options: EntityOptions, seed_paths: list[Path]) -> None:
    """On the seeds, every Stanza and gazetteer span is exact and maps back to raw text."""
    config = nkcorpus.Config(ner="stanza", entities=options)
    docs = list(nkcorpus.Pipeline(config).pipe([p.read_bytes() for p in seed_paths]))
    assert len(docs) == len(seed_paths)
    sources = set()
    for doc in docs:
        assert doc.ok, doc.failure
        for entity in doc.entities:
            assert doc.text[entity.span.start : entity.span.end] == entity.text
            raw = doc.raw_span(entity.span)
            assert raw.end <= len(doc.raw)
            sources.add(entity.source)
        spans = [(e.span.start, e.span.end) for e in doc.entities]
        assert spans == sorted(spans)
        assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))
    assert {"stanza", "gazetteer"} <= {s for source in sources for s in source.split("+")}
    gazetteer = EntityStage("gazetteer").gazetteer
    for doc in docs:
        kept = {(e.span.start, e.span.end): e for e in doc.entities}
        for match in gazetteer.find(doc.text):
            span = (match.span.start, match.span.end)
            if span in kept:
                assert kept[span].canonical_id == match.canonical_id
                assert kept[span].source in ("gazetteer", "stanza+gazetteer")
            else:  # the merge rule: only a longer Stanza entity displaces a gazetteer match
                rivals = [
                    e for e in doc.entities if e.span.start < span[1] and span[0] < e.span.end
                ]
                assert rivals and all(len(e.span) > len(match.span) for e in rivals)
                assert all(e.source == "stanza" for e in rivals)


def test_bulk_equals_one_by_one(options: EntityOptions, seed_paths: list[Path]) -> None:
    """Tagging many texts in one pooled call gives what tagging each alone gives."""
    recognizer = StanzaRecognizer(options)
    items = [(p.read_text(encoding="utf-8"), "en") for p in seed_paths]
    items += [(TEXTS["ko"], "ko"), (TEXTS["zh-Hant"], "zh-Hant"), ("", "en"), ("x", "ja")]
    bulk = recognizer.recognize(items)
    alone = [recognizer.recognize([item])[0] for item in items]
    assert bulk == alone
    assert bulk[-1] == [] and bulk[-2] == []


def test_pipeline_is_loaded_once_per_store(options: EntityOptions, models_dir: Path) -> None:
    """One Stanza pipeline per model and store, reused until the store is closed."""
    model = find_ner_model("en", models_dir)
    store, other = Resources(), Resources()
    first = load_pipeline(model, options, store)
    assert load_pipeline(model, options, store) is first
    assert load_pipeline(model, attrs.evolve(options), store) is first
    assert load_pipeline(model, options, other) is not first
    store.close()
    assert len(store) == 0
    assert load_pipeline(model, options, store) is not first


def test_a_pipeline_owns_the_models_its_stages_load(options: EntityOptions) -> None:
    """Pipeline.close releases the Stanza model and the gazetteer the entity stage
    loaded, and the pipeline still works afterwards (it loads them again)."""
    config = nkcorpus.Config(ner="stanza", entities=options)
    with nkcorpus.Pipeline(config) as pipeline:
        stage = pipeline.stages[-1]
        assert isinstance(stage, EntityStage) and stage.recognizer is not None
        assert stage.recognizer.resources is pipeline.resources
        before = pipeline(TEXTS["en"])
        assert len(pipeline.resources) == 2  # the Stanza model and the gazetteer
        pipeline.close()
        assert len(pipeline.resources) == 0
        after = pipeline(TEXTS["en"])
        assert len(pipeline.resources) == 2
        assert after.entities == before.entities and before.entities
    assert len(pipeline.resources) == 0


def test_missing_model_errors(options: EntityOptions) -> None:
    """ner='stanza' names the command for a missing language, at build or per document."""
    with pytest.raises(ModelNotInstalledError, match="nkcorpus models download ja"):
        EntityStage("stanza", attrs.evolve(options, stanza_languages=("en", "ja")))
    stage = EntityStage("stanza", options)
    docs = [
        attrs.evolve(Document.from_raw("日本の金正恩"), language="ja"),
        attrs.evolve(Document.from_raw(TEXTS["en"]), language="en"),
        Document.from_raw("Kim Jong-un in Pyongyang"),
    ]
    failed, good, unknown = stage.process_batch(docs)
    assert failed.failure.error_type == "ModelNotInstalledError"
    assert "nkcorpus models download ja" in failed.failure.message
    assert good.ok and good.entities
    assert unknown.ok and {e.source for e in unknown.entities} == {"gazetteer"}
    assert dict(unknown.steps[-1].parameters)["languages"] == ("und",)


def test_auto_records_fallback_languages(models_dir: Path, tmp_path: Path) -> None:
    """ner='auto' uses Stanza where a model exists and records languages that fell back."""
    only_en = tmp_path / "only_en"
    install(_bundle_of(models_dir, tmp_path, ["en"]), only_en, trust=True)
    stage = EntityStage("auto", EntityOptions(models_dir=str(only_en)))
    doc = Document.from_raw(TEXTS["en"] + "\n\n" + TEXTS["ko"])
    en_end = len(TEXTS["en"])
    segments = [
        nkcorpus.Segment(nkcorpus.Span(0, en_end), "en", 0.99),
        nkcorpus.Segment(nkcorpus.Span(en_end + 2, len(doc.text)), "ko", 0.99),
    ]
    doc = attrs.evolve(doc, segments=segments, language="en")
    (result,) = stage.process_batch([doc])
    steps = {s.name: dict(s.parameters) for s in result.steps}
    assert steps["entities.stanza"]["languages"] == ("en",)
    assert steps["entities.gazetteer-only"]["languages"] == ("ko",)
    assert stage.fallback_languages == {"ko"}
    ko_entities = [e for e in result.entities if e.span.start > en_end]
    assert ko_entities and {e.source for e in ko_entities} == {"gazetteer"}
    assert any(e.source != "gazetteer" for e in result.entities if e.span.end <= en_end)


def _bundle_of(models_dir: Path, tmp_path: Path, languages: list[str]) -> Path:
    out = tmp_path / f"bundle-{'-'.join(languages)}.tar"
    bundle(out, models_dir, languages=languages, include_argos=False)
    return out


def test_bundle_installs_working_models(models_dir: Path, tmp_path: Path) -> None:
    """Models moved by bundle and install recognize the same entities on the other side."""
    target = tmp_path / "offline"
    install(_bundle_of(models_dir, tmp_path, ["ko"]), target, trust=True)
    here = StanzaRecognizer(EntityOptions(models_dir=str(models_dir)))
    there = StanzaRecognizer(EntityOptions(models_dir=str(target)))
    item = [(TEXTS["ko"], "ko")]
    assert there.recognize(item) == here.recognize(item)
    assert there.model_for("en") is None


def test_cli_train_ner_from_klue(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`models train-ner --format klue` trains, installs and registers a Korean model."""
    from tests.tiny_stanza import examples

    lines = []
    for number, item in enumerate(examples("ko", 60, seed=5)):
        lines.append(f"## klue-ner-v1_train_{number:05d}_news\t{item.text}")
        tags = ["O"] * len(item.text)
        for start, end, label in item.entities:
            klue = {"PER": "PS", "LOC": "LC"}[label]
            tags[start:end] = [f"B-{klue}"] + [f"I-{klue}"] * (end - start - 1)
        lines += [f"{char}\t{tag}" for char, tag in zip(item.text, tags, strict=False)]
        lines.append("")
    data = tmp_path / "klue.tsv"
    data.write_text("\n".join(lines) + "\n", encoding="utf-8")
    folder = tmp_path / "models"
    code = main([
        "models", "--models-dir", str(folder), "train-ner", "--lang", "ko", "--format", "klue",
        "--train", str(data), "--dev", str(data), "--package", "klue-tiny", "--labels", "PER,LOC",
        "--max-steps", "20", "--eval-interval", "10", "--hidden-dim", "16", "--threads", "1",
    ])  # fmt: skip
    assert code == 0
    assert "klue-tiny" in capsys.readouterr().out
    model = find_ner_model("ko", folder)
    assert model is not None and model.package == "klue-tiny" and model.tokenizer == "korean"
    assert main(["models", "--models-dir", str(folder), "list", "ko"]) == 0
    assert "klue-tiny" in capsys.readouterr().out


def _processor_tags(pipeline: object, text: str, sentences: list) -> list[list[str]]:
    """Tag one text's tokens with Stanza's own NER processor on a ``stanza.Document``."""
    from stanza.models.common.doc import Document as StanzaDocument

    document = StanzaDocument(
        [
            [
                {"id": (i,), "text": text[s:e], "misc": f"start_char={s}|end_char={e}"}
                for i, (s, e) in enumerate(sentence, 1)
            ]
            for sentence in sentences
        ],
        text=text,
    )
    document = pipeline.processors["ner"].process(document)
    return [[t.ner for t in sentence.tokens] for sentence in document.sentences]


def test_tag_sentences_matches_stanza_processor(
    options: EntityOptions, models_dir: Path, seed_paths: list[Path]
) -> None:
    """Pooled token lists get exactly the tags Stanza's NER processor gives each document."""
    cases = {
        "en": [p.read_text(encoding="utf-8") for p in seed_paths] + [TEXTS["en"]],
        "ko": [TEXTS["ko"], "김정은 위원장은 평양을 떠나 베이징에 도착했다."],
        "zh-Hans": [TEXTS["zh-Hans"], "金正恩离开平壤到达北京。"],
    }
    store = Resources()
    for language, documents in cases.items():
        model = find_ner_model(language, models_dir)
        pipeline = load_pipeline(model, options, store)
        split = tokenize_many(documents, model.tokenizer)
        expected = [
            tags
            for text, sentences in zip(documents, split, strict=True)
            for tags in _processor_tags(pipeline, text, sentences)
        ]
        pooled = [
            [text[s:e] for s, e in sentence]
            for text, sentences in zip(documents, split, strict=True)
            for sentence in sentences
        ]
        assert tag_sentences(pipeline, pooled) == expected, language
        assert any(tag != "O" for tags in expected for tag in tags), language
        assert tag_sentences(pipeline, [[], *pooled[:1], []]) == [[], expected[0], []]


def _spacy_by_token(text: str) -> list[list[tuple[int, int]]]:
    """spaCy's sentences and non-space tokens, read token by token."""
    from nkcorpus.entities.tokens import _spacy_english

    sentences = []
    for sentence in _spacy_english()(text).sents:
        tokens = [(t.idx, t.idx + len(t.text)) for t in sentence if not t.text.isspace()]
        if tokens:
            sentences.append(tokens)
    return sentences


@given(st.lists(texts, max_size=4))
def test_tokenize_many_equals_tokenize(items: list[str]) -> None:
    """Tokenizing many texts at once gives each text's own tokens, for every tokenizer."""
    for kind in TRAINABLE_TOKENIZERS:
        assert tokenize_many(items, kind) == [tokenize(text, kind) for text in items], kind
    assert [tokenize(text, "spacy") for text in items] == [_spacy_by_token(t) for t in items]


def test_tokenize_many_seeds_and_errors(seed_paths: list[Path]) -> None:
    """On the seeds spaCy's stream gives the token-by-token split; a bad kind is refused."""
    seeds = [p.read_text(encoding="utf-8") for p in seed_paths]
    split = tokenize_many(seeds, "spacy")
    assert split == [_spacy_by_token(text) for text in seeds]
    for text, sentences in zip(seeds, split, strict=True):
        assert all(
            text[s:e].strip() == text[s:e] != "" for sentence in sentences for s, e in sentence
        )
    with pytest.raises(ConfigError, match="unknown tokenizer"):
        tokenize_many([], "nltk")
