"""The corpus runner: engines agree, order holds, crashes and the cache lose nothing."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import nkcorpus
from nkcorpus import pipeline as pipeline_module
from nkcorpus.config import Config
from nkcorpus.corpus import cache as cache_module
from nkcorpus.corpus.cache import ResultCache
from nkcorpus.corpus.inputs import read_inputs
from nkcorpus.corpus.job import Job
from nkcorpus.corpus.options import RunOptions
from nkcorpus.corpus.result import Result, without_timings
from nkcorpus.corpus.runner import Runner, input_key, process_corpus
from nkcorpus.corpus.summary import Summary
from nkcorpus.document import Document
from nkcorpus.errors import ConfigError
from nkcorpus.stage import Stage
from tests.stages import crashing_pipeline

FAST = Config(ner="off")
SECONDS = re.compile(rb'"seconds": [0-9.eE+-]+')


def without_seconds(data: bytes) -> bytes:
    """Output bytes with every step duration set to 0 (the one thing that differs between runs)."""
    return SECONDS.sub(b'"seconds": 0', data)


def corpus(seed_paths: list[Path], tmp_path: Path) -> list[object]:
    """Seeds, Korean and Chinese texts, and bad inputs, as a reader yields them."""
    items: list[object] = list(read_inputs([seed_paths[0].parent, tmp_path / "missing.txt"]))
    items += [
        "김정은 위원장은 인권 문제에 대해 침묵했다.",
        "朝鲜脱北者在布鲁塞尔会面。",
        b"",
        b"\x00\x01\x02\xff" * 50,
    ]
    items += [(f"Defector testimony number {i}.", f"testimony-{i}") for i in range(40)]
    return items


def comparable(documents: Sequence[Document]) -> list[Document]:
    """Documents with step timings cleared: the only field that differs between runs."""
    return [without_timings(document) for document in documents]


def test_workers_give_the_same_documents_in_order(seed_paths: list[Path], tmp_path: Path) -> None:
    """Two worker processes give exactly what one process gives, in input order."""
    items = corpus(seed_paths, tmp_path)
    with Runner(FAST, batch_size=7) as runner:
        alone = list(runner.documents(items))
    with Runner(FAST, workers=2, batch_size=7) as runner:
        parallel = list(runner.documents(items))
    assert len(alone) == len(items)
    assert comparable(parallel) == comparable(alone)
    assert [d.source for d in alone[:5]] == [str(p) for p in seed_paths]
    assert [d.status for d in alone[5:10]] == ["failed", "ok", "ok", "failed", "failed"]


@pytest.mark.slow
def test_dask_local_cluster_matches_local_engine(seed_paths: list[Path], tmp_path: Path) -> None:
    """The Dask engine on a LocalCluster gives the same documents as the local engine."""
    items = corpus(seed_paths, tmp_path)
    with Runner(FAST, batch_size=5) as runner:
        local = list(runner.documents(items))
    with Runner(FAST, engine="dask", workers=2, batch_size=5) as runner:
        distributed = list(runner.documents(items))
    assert comparable(distributed) == comparable(local)


def test_a_document_that_kills_its_worker_becomes_a_failed_record() -> None:
    """A worker that dies takes only its poison document with it: every other document of the
    run comes out ok, in order, and each poison one is a failed record of stage 'worker'."""
    items = [f"document {i}" for i in range(30)]
    items[11] = "this one says CRASH"
    items[25] = "CRASH again, in another batch"
    # Language detection off: every restarted worker loads the stages again.
    config = Config(ner="off", language=None)
    with Runner(config, workers=2, batch_size=4, start_method="fork",
                pipeline=crashing_pipeline) as runner:
        docs = list(runner.documents(items))
    assert len(docs) == 30
    assert [d.raw for d in docs] == items
    assert [i for i, d in enumerate(docs) if not d.ok] == [11, 25]
    for poison in (docs[11], docs[25]):
        assert poison.failure.stage == "worker"  # type: ignore[union-attr]
        assert poison.failure.error_type == "WorkerCrashError"  # type: ignore[union-attr]
    assert docs[11].id == nkcorpus.document_id(items[11])


def test_cache_skips_finished_documents(seed_paths: list[Path], tmp_path: Path) -> None:
    """A rerun with the same settings takes every ok document from the cache and gives the same
    output; other settings miss; a copy under another name gets its own source."""
    items = corpus(seed_paths, tmp_path)
    with Runner(FAST, cache=tmp_path / "cache") as runner:
        first = list(runner.results(items))
    with Runner(FAST, cache=tmp_path / "cache") as runner:
        again = list(runner.results(items))
    ok = sum(result.status == "ok" for result in first)
    assert sum(result.cached for result in again) == ok
    assert [r.line for r in again] == [r.line for r in first]
    with ResultCache(tmp_path / "cache", Config(ner="off", language=None)) as other:
        assert other.get_many([input_key(item) for item in items]) == {}
    copy = (seed_paths[0].read_bytes(), "elsewhere/copy.txt")
    with Runner(FAST, cache=tmp_path / "cache") as runner:
        (result,) = runner.results([copy])
    assert result.cached
    assert result.document().source == "elsewhere/copy.txt"
    assert result.document().id == first[0].document().id


def test_text_and_bytes_are_cached_apart() -> None:
    """The same content as text and as bytes has different cache keys (bytes record an encoding)."""
    assert input_key("abc") != input_key(b"abc")
    assert input_key(Document.from_raw("abc")) is None


def test_process_corpus_and_bad_settings() -> None:
    """The functional shortcut yields one document per input; bad settings are usage errors."""
    docs = list(process_corpus(["One.", b"", ("Two.", "t")], FAST))
    assert [d.status for d in docs] == ["ok", "failed", "ok"]
    assert docs[2].source == "t"
    for kwargs in (
        {"engine": "spark"},
        {"workers": 0},
        {"batch_size": 0},
        {"scheduler": "tcp://x:1"},
    ):
        with pytest.raises(ConfigError):
            Runner(FAST, **kwargs)  # type: ignore[arg-type]


class ShoutStage(Stage):
    """A custom stage: the clean text in upper case (same length, so offsets still hold)."""

    name = "shout"
    requires = frozenset({"text"})
    provides = frozenset({"text"})

    def process(self, document: Document) -> Document:
        import attrs

        return attrs.evolve(document, text=document.text.upper())


def shouting_pipeline(config: Config) -> pipeline_module.Pipeline:
    """The built-in stages of ``config`` followed by :class:`ShoutStage`."""
    stages = pipeline_module.Pipeline.default_stages(config)
    return pipeline_module.Pipeline(config, stages=[*stages, ShoutStage()])


def test_custom_pipeline_runs_in_spawned_workers() -> None:
    """A pipeline factory runs custom stages in every worker process, once built per worker."""
    items = [f"defector {i}" for i in range(12)]
    config = Config(ner="off", language=None)
    with Runner(config, workers=2, batch_size=3, pipeline=shouting_pipeline) as runner:
        docs = list(runner.documents(items))
    assert [d.text for d in docs] == [item.upper() for item in items]
    assert all(d.steps[-1].name == "shout" for d in docs)


def _cached_job(corpus_dir: Path, out: Path, cache: Path) -> Summary:
    """Run a job over ``corpus_dir`` into ``out`` with the result cache at ``cache``."""
    return Job([corpus_dir], out, FAST, RunOptions(batch_size=4), cache=cache).run()


def _bad_and_good_corpus(seed_paths: list[Path], folder: Path) -> Path:
    """The seed pages, a Korean page, a copy under another name, an empty and a binary file."""
    folder.mkdir()
    for path in seed_paths:
        (folder / path.name).write_bytes(path.read_bytes())
    (folder / "copy.txt").write_bytes(seed_paths[1].read_bytes())
    (folder / "ko.txt").write_text("김정은 위원장은 인권 문제에 대해 침묵했다.", encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.bin").write_bytes(b"\x00\x01\x02\xff" * 50)
    return folder


def test_cached_rerun_writes_the_first_runs_output(seed_paths: list[Path], tmp_path: Path) -> None:
    """A rerun that the cache answers writes the same bytes as the first run (every ok record is
    the stored line; failed ones are processed again and differ at most in step timings), and
    its summary counts are the first run's, with the hits counted as cached."""
    folder = _bad_and_good_corpus(seed_paths, tmp_path / "corpus")
    first = _cached_job(folder, tmp_path / "first.jsonl", tmp_path / "cache")
    again = _cached_job(folder, tmp_path / "again.jsonl", tmp_path / "cache")
    first_bytes = (tmp_path / "first.jsonl").read_bytes()
    again_bytes = (tmp_path / "again.jsonl").read_bytes()
    first_lines, again_lines = first_bytes.splitlines(), again_bytes.splitlines()
    assert len(first_lines) == len(again_lines) == 9
    statuses = [json.loads(line)["status"] for line in first_lines]
    for before, after, status in zip(first_lines, again_lines, statuses, strict=True):
        if status == "ok":
            assert after == before
    assert without_seconds(again_bytes) == without_seconds(first_bytes)
    assert first.cached == 1  # the copy: its original was stored by an earlier batch
    assert again.cached == statuses.count("ok") == 7
    assert attrs.evolve(again, cached=1) == first
    assert json.loads(again_lines[6])["source"] == str(folder / "copy.txt")


def test_content_settings_and_version_decide_a_hit(
    seed_paths: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An edited file misses while the others hit; other settings or another nkcorpus version
    miss every document."""
    folder = _bad_and_good_corpus(seed_paths, tmp_path / "corpus")
    cache = tmp_path / "cache"
    _cached_job(folder, tmp_path / "a.jsonl", cache)
    edited = folder / seed_paths[2].name
    edited.write_bytes(edited.read_bytes() + b"\nOne more paragraph about Kaesong.\n")
    summary = _cached_job(folder, tmp_path / "b.jsonl", cache)
    assert summary.cached == 6
    (line,) = [
        json.loads(text)
        for text in (tmp_path / "b.jsonl").read_text(encoding="utf-8").splitlines()
        if json.loads(text)["source"] == str(edited)
    ]
    assert line["raw"].endswith("Kaesong.\n")
    # One batch: a copy cannot hit its original, stored by an earlier batch of the run.
    other = Job([folder], tmp_path / "c.jsonl", Config(ner="off", language=None), cache=cache)
    assert other.run().cached == 0
    monkeypatch.setattr(cache_module, "__version__", "999.0")
    assert Job([folder], tmp_path / "d.jsonl", FAST, cache=cache).run().cached == 0


@settings(max_examples=30)
@given(source=st.one_of(st.none(), st.text()), other=st.one_of(st.none(), st.text()))
def test_with_source_changes_only_the_source(source: str | None, other: str | None) -> None:
    """A cached line given another source is the line JSON would write for it: every other
    field is unchanged, whatever characters the sources hold."""
    document = Document.from_raw("Defectors met in Brussels.", source)
    result = Result.from_document(document)
    moved = result.with_source(other)
    expected = json.loads(result.line)
    expected["source"] = other
    assert moved.line == json.dumps(expected, ensure_ascii=False)
    assert moved.source == other
    assert moved.with_source(source).line == result.line


def test_a_rerun_the_cache_answers_starts_no_worker(tmp_path: Path) -> None:
    """When every document is in the cache, no worker process starts (and no model loads)."""
    import multiprocessing

    items = [(f"Defector testimony number {i}.", f"t-{i}") for i in range(20)]
    with Runner(FAST, cache=tmp_path / "cache") as runner:
        first = list(runner.results(items))
    with Runner(FAST, workers=2, cache=tmp_path / "cache", batch_size=4) as runner:
        again = []
        for result in runner.results(items):
            assert multiprocessing.active_children() == []
            again.append(result)
    assert all(result.cached for result in again)
    assert [r.line for r in again] == [r.line for r in first]
