"""The store of loaded models: one load per key and file state, released on close."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest

import nkcorpus
from nkcorpus.resources import Resources
from nkcorpus.stage import Stage
from nkcorpus.translate.options import TranslateOptions


class Loader:
    """Counts its calls, and makes a new object on each."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self) -> list[int]:
        self.calls += 1
        return [self.calls]


def test_an_object_loads_once_per_key() -> None:
    """Asking twice for a key loads once; another key loads its own object."""
    store, load = Resources(), Loader()
    first = store.get("a", load)
    assert store.get("a", load) is first
    assert store.get("b", load) is not first
    assert load.calls == 2 and len(store) == 2


def test_a_changed_file_loads_again_and_releases_the_old_object(tmp_path: Path) -> None:
    """Editing a file the object was loaded from makes the next get load it anew,
    and the stale object is released."""
    path = tmp_path / "model.bin"
    path.write_bytes(b"one")
    store, load, released = Resources(), Loader(), []
    first = store.get("m", load, files=[path], release=released.append)
    assert store.get("m", load, files=[path], release=released.append) is first
    path.write_bytes(b"three")
    os.utime(path, ns=(1, 1))
    second = store.get("m", load, files=[path], release=released.append)
    assert second is not first and released == [first] and len(store) == 1


def test_close_releases_everything_and_the_store_loads_again() -> None:
    """close() calls each release once; a later get loads again."""
    released: list[object] = []
    with Resources() as store:
        a = store.get("a", Loader(), release=released.append)
        b = store.get("b", Loader(), release=released.append)
    assert sorted(map(id, released)) == sorted([id(a), id(b)]) and len(store) == 0
    load = Loader()
    store.get("a", load)
    assert load.calls == 1


def test_a_limit_releases_the_least_recently_used() -> None:
    """With a limit, the object used least recently is released to make room."""
    store, released = Resources(limit=2), []
    a = store.get("a", Loader(), release=released.append)
    store.get("b", Loader(), release=released.append)
    store.get("a", Loader())  # a is now the most recent
    store.get("c", Loader(), release=released.append)
    assert len(store) == 2 and len(released) == 1 and released[0] is not a


def test_a_failing_release_does_not_keep_the_others() -> None:
    """One object that fails to let go does not stop the store releasing the rest."""

    def fail(_value: object) -> None:
        raise RuntimeError("stuck")

    store, released = Resources(), []
    store.get("a", Loader(), release=fail)
    store.get("b", Loader(), release=released.append)
    store.close()
    assert len(released) == 1 and len(store) == 0


def test_a_pickled_store_arrives_empty() -> None:
    """A store sent to another process (a pipeline sent to a worker) carries its limit and no
    loaded object: the worker loads its own."""
    store = Resources(limit=3)
    store.get("a", Loader())
    copy = pickle.loads(pickle.dumps(store))
    assert copy.limit == 3 and len(copy) == 0 and len(store) == 1
    assert copy.get("a", Loader()) == [1]


def test_a_bad_limit_is_refused() -> None:
    """A limit below one is a clear error."""
    with pytest.raises(ValueError, match="limit"):
        Resources(limit=0)


class Recording(Stage):
    """A stage that keeps a loaded object in the store it is given."""

    name = "recording"

    def __init__(self) -> None:
        self.store = Resources()

    def use(self, resources: Resources) -> None:
        self.store = resources

    def close(self) -> None:
        self.store.close()

    def process(self, document: nkcorpus.Document) -> nkcorpus.Document:
        self.store.get("model", object)
        return document


def test_a_pipeline_hands_its_store_to_its_stages_and_closes_it() -> None:
    """Stages load into the pipeline's store; closing the pipeline releases it, and a
    store passed in is the one used."""
    shared = Resources()
    stage = Recording()
    with nkcorpus.Pipeline(stages=[stage], resources=shared) as pipeline:
        assert pipeline.resources is shared and stage.store is shared
        assert pipeline("text").ok
        assert len(shared) == 1
    assert len(shared) == 0
    assert pipeline("text").ok and len(shared) == 1


def test_the_built_in_model_stages_use_the_pipeline_store(tmp_path: Path) -> None:
    """The entity and translation stages keep their models in the pipeline's store."""
    config = nkcorpus.Config(
        translate_to="en",
        translate=TranslateOptions(packages_dir=str(tmp_path)),
    )
    pipeline = nkcorpus.Pipeline(config)
    entities = next(s for s in pipeline.stages if s.name == "entities")
    translate = next(s for s in pipeline.stages if s.name == "translate")
    assert entities.recognizer.resources is pipeline.resources  # type: ignore[attr-defined]
    assert translate.translator.resources is pipeline.resources  # type: ignore[attr-defined]


def test_the_gazetteer_lives_in_the_pipeline_store(tmp_path: Path) -> None:
    """The entity stage's alias matcher is built once per store: two pipelines sharing a
    store share it, an edited user gazetteer is read again on next use, and closing the
    pipeline lets it go (a later document builds it again)."""
    from nkcorpus.entities.options import EntityOptions

    user = tmp_path / "mine.jsonl"
    user.write_text('{"id": "x-1", "type": "organization", "aliases": {"en": ["Zorblat Union"]}, "source": ["https://example.org/z"]}\n',
                    encoding="utf-8")
    config = nkcorpus.Config(ner="gazetteer", language=None,
                             entities=EntityOptions(gazetteers=(str(user),)))
    store = Resources()
    first = nkcorpus.Pipeline(config, resources=store)
    second = nkcorpus.Pipeline(config, resources=store)
    stage_a, stage_b = (p.stages[-1] for p in (first, second))
    matcher = stage_a.gazetteer  # type: ignore[attr-defined]
    assert stage_b.gazetteer is matcher  # type: ignore[attr-defined]
    assert len(store) == 1
    def ids(pipeline: nkcorpus.Pipeline, text: str) -> list[str | None]:
        (doc,) = pipeline.pipe([text])
        return [entity.canonical_id for entity in doc.entities]

    assert ids(first, "The Zorblat Union met.") == ["x-1"]
    user.write_text('{"id": "x-2", "type": "organization", "aliases": {"en": ["Quux League"]}, "source": ["https://example.org/q"]}\n',
                    encoding="utf-8")
    os.utime(user, ns=(1, 1))  # a new modification time even within the clock's resolution
    assert ids(first, "The Quux League met.") == ["x-2"]
    assert stage_a.gazetteer is not matcher  # type: ignore[attr-defined]
    first.close()
    assert len(store) == 0
    assert ids(second, "The Quux League met.") == ["x-2"]


def test_a_worker_fixes_torch_threads_without_loading_torch_or_writing_the_environment() -> None:
    """A worker started with a thread count loads no torch for it and leaves the
    environment alone; when a stage later loads torch and asks for its own count, the
    worker's count is what torch gets."""
    from tests.fresh_process import run_fresh

    code = (
        "import json, os, sys\n"
        "from nkcorpus.corpus.engines import _pipeline_for\n"
        "from nkcorpus.config import Config\n"
        "env = dict(os.environ)\n"
        "_pipeline_for(Config(ner='gazetteer', language=None), 1)\n"
        "loaded = 'torch' in sys.modules\n"
        "from nkcorpus.resources import set_torch_threads\n"
        "import torch\n"
        "set_torch_threads(3)  # what a stage with threads=3 asks when it loads a model\n"
        "print(json.dumps([loaded, env == dict(os.environ), torch.get_num_threads()]))\n"
    )
    assert run_fresh(code, None) == [False, True, 1]
