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
