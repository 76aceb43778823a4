"""The pipeline: order, one record per input, failures as data, stage checks."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import nkcorpus
from nkcorpus.document import Document, freeze_mapping
from nkcorpus.entities.options import EntityOptions
from nkcorpus.entities.stage import EntityStage
from nkcorpus.errors import ConfigError, PipelineError
from nkcorpus.pipeline import BUILTIN_STAGES, Pipeline
from nkcorpus.resources import Resources
from nkcorpus.stage import Stage
from nkcorpus.translate.options import TranslateOptions


class Boom(Stage):
    """A stage that fails on documents containing 'boom'."""

    name = "boom"
    requires = frozenset({"text"})

    def process(self, document: Document) -> Document:
        if "boom" in document.text:
            raise ValueError("this document says boom; remove the word and retry")
        return document


class NeedsEntities(Stage):
    name = "needs-entities"
    requires = frozenset({"entities"})


def test_import_loads_no_heavy_library() -> None:
    """``import nkcorpus`` must not import torch, stanza, argostranslate, spacy or dask."""
    code = (
        "import nkcorpus, sys; print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "{'torch','stanza','argostranslate','spacy','dask'}))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_seeds_in_five_documents_out_and_back(seed_paths: list[Path], tmp_path: Path) -> None:
    """The five seeds become five ok documents that read back equal from JSONL."""
    pipeline = nkcorpus.Pipeline()
    docs = list(pipeline.pipe(((p.read_bytes(), str(p)) for p in seed_paths), batch_size=2))
    assert [d.source for d in docs] == [str(p) for p in seed_paths]
    assert all(d.ok for d in docs)
    out = tmp_path / "seeds.jsonl"
    assert nkcorpus.write_jsonl(docs, out) == 5
    assert list(nkcorpus.read_jsonl(out)) == docs


@given(
    st.lists(
        st.sampled_from(["fine text", "boom", "", b"\xff\xfe\x00\x00bad", b"ok bytes"]), max_size=20
    ),
    st.integers(1, 7),
)
def test_one_output_per_input_in_order_whatever_fails(items: list[object], batch_size: int) -> None:
    """N inputs give N documents in input order; a failing one does not stop the rest."""
    stages = [*nkcorpus.Pipeline.default_stages(), Boom()]
    pipeline = nkcorpus.Pipeline(stages=stages)
    docs = list(
        pipeline.pipe(((item, f"#{i}") for i, item in enumerate(items)), batch_size=batch_size)
    )
    assert [d.source for d in docs] == [f"#{i}" for i in range(len(items))]
    for item, doc in zip(items, docs, strict=True):
        if item == "boom":
            assert doc.failure is not None and doc.failure.stage == "boom"
            assert "remove the word" in doc.failure.message
        elif item in ("fine text", b"ok bytes"):
            assert doc.ok
            assert [s.name for s in doc.steps][-1] == "boom"
        else:
            assert not doc.ok


def test_stage_requirements_are_checked_when_the_pipeline_is_built() -> None:
    """A stage that needs a field nobody provides is refused up front, with the fix."""
    with pytest.raises(PipelineError, match="requires \\['entities'\\]"):
        nkcorpus.Pipeline(stages=[NeedsEntities()])


def test_bad_settings_say_what_is_allowed() -> None:
    """Config rejects values it cannot use and lists the choices."""
    with pytest.raises(ConfigError, match="'auto', 'stanza', 'gazetteer', 'off'"):
        nkcorpus.Config(ner="spacy")
    with pytest.raises(ConfigError, match="translate_to"):
        nkcorpus.Config(translate_to="fr")
    with pytest.raises(ConfigError, match="batch_size"):
        list(nkcorpus.Pipeline().pipe(["x"], batch_size=0))


def test_every_builtin_stage_records_its_step(tmp_path: Path) -> None:
    """Every built-in stage that ran leaves one step with its name, its version and exactly
    the parameters it reports, in the order the stages ran."""
    config = nkcorpus.Config(
        translate_to="en",
        translate=TranslateOptions(packages_dir=str(tmp_path / "argos")),
        ner="auto",
        entities=EntityOptions(models_dir=str(tmp_path / "stanza")),
    )
    pipeline = Pipeline(config)
    assert [s.name for s in pipeline.stages] == [name for name, _factory in BUILTIN_STAGES]
    doc = pipeline("Defectors met in Brussels.\r\n")
    assert doc.ok, doc.failure
    top = [step for step in doc.steps if "." not in step.name]
    assert [step.name for step in top] == [stage.name for stage in pipeline.stages]
    for stage, step in zip(pipeline.stages, top, strict=True):
        assert step.version == stage.version
        assert step.parameters == freeze_mapping(stage.parameters())
        assert step.seconds >= 0


def test_each_builtin_stage_names_its_own_version() -> None:
    """Each built-in stage class sets the version of its output itself (the documented rule),
    rather than inheriting the nkcorpus version."""
    config = nkcorpus.Config(translate_to="en", ner="gazetteer")
    for stage in Pipeline.default_stages(config):
        assert "version" in vars(type(stage)), type(stage).__name__
        assert stage.version and isinstance(stage.version, str)


def test_a_pipeline_hands_its_store_to_its_stages() -> None:
    """A pipeline's stages keep their models in the pipeline's store, which close() empties."""
    store = Resources()
    pipeline = Pipeline(nkcorpus.Config(ner="auto"), resources=store)
    (entities,) = [s for s in pipeline.stages if isinstance(s, EntityStage)]
    assert pipeline.resources is store
    assert entities.recognizer is not None and entities.recognizer.resources is store
    store.get("x", object)
    pipeline.close()
    assert len(store) == 0


def test_bad_python_values_become_failed_records() -> None:
    """Something that is not text at all is a failed record, not a crash."""
    docs = list(nkcorpus.Pipeline().pipe([12345, "text"]))  # type: ignore[list-item]
    assert [d.status for d in docs] == ["failed", "ok"]
    assert "pass str, bytes" in docs[0].failure.message  # type: ignore[union-attr]


def test_batch_stage_returning_wrong_count_is_isolated() -> None:
    """A stage that breaks the one-in-one-out rule is caught and reported per document."""

    class Dropper(Stage):
        name = "dropper"

        def process_batch(self, documents: Sequence[Document]) -> list[Document]:
            return list(documents)[:1]

    docs = nkcorpus.Pipeline(stages=[Dropper()]).run_batch(
        [Document.from_raw("a"), Document.from_raw("b")]
    )
    assert [d.ok for d in docs] == [True, True]
    assert [d.text for d in docs] == ["a", "b"]


class _Broken(Stage):
    """A stage that always raises."""

    name = "broken"

    def process(self, document: Document) -> Document:
        raise ZeroDivisionError("broken stage")


def test_on_error_raise_re_raises_for_debugging() -> None:
    """Pipeline(on_error="raise") lets a stage's exception through; the default records it,
    with its traceback, and goes on."""
    with pytest.raises(ZeroDivisionError, match="broken stage"):
        Pipeline(nkcorpus.Config(ner="off"), [_Broken()], on_error="raise")("text")
    doc = Pipeline(nkcorpus.Config(ner="off"), [_Broken()])("text")
    assert doc.failure is not None and doc.failure.error_type == "ZeroDivisionError"
    assert doc.failure.traceback is not None and "in process" in doc.failure.traceback
    with pytest.raises(ConfigError, match="on_error"):
        Pipeline(nkcorpus.Config(ner="off"), [], on_error="ignore")
