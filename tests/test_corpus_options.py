"""Run settings: one frozen object, checked once, used alike by the CLI, Runner and jobs."""

from __future__ import annotations

import re
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from nkcorpus.cli import main
from nkcorpus.config import Config, EntityOptions
from nkcorpus.corpus.distributed import DatasetJob
from nkcorpus.corpus.inputs import ReadOptions, read_inputs
from nkcorpus.corpus.job import Job
from nkcorpus.corpus.options import RunOptions
from nkcorpus.corpus.outputs import read_documents
from nkcorpus.corpus.runner import Runner
from nkcorpus.errors import ConfigError, InputTooLargeError

CONFIG = Config(ner="off", language=None)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"workers": 0}, "RunOptions.workers must be a whole number of at least 1"),
        ({"batch_size": -3}, "RunOptions.batch_size"),
        ({"torch_threads": 0}, "RunOptions.torch_threads"),
        ({"partition_size": 0}, "RunOptions.partition_size"),
        ({"engine": "spark"}, "RunOptions.engine must be one of 'local', 'dask'"),
        ({"start_method": "thread"}, "RunOptions.start_method"),
        ({"scheduler": "tcp://127.0.0.1:8786"}, "needs engine='dask'"),
        ({"nworkers": 2}, "has no setting 'nworkers'; its settings are batch_size"),
    ],
)
def test_bad_run_settings_are_refused_by_name(changes: dict[str, object], message: str) -> None:
    """A bad value or an unknown name is a ConfigError that names the setting, the same
    whether it is given to RunOptions, to the Runner or as a change of existing options."""
    with pytest.raises(ConfigError, match=re.escape(message)):
        RunOptions().updated(**changes)
    with pytest.raises(ConfigError, match=re.escape(message)):
        Runner(CONFIG, **changes)


def test_bad_reading_settings_are_refused_by_name() -> None:
    """Reading settings are checked when they are made, before any file is opened."""
    with pytest.raises(ConfigError, match=r"ReadOptions\.input_format must be one of"):
        ReadOptions(input_format="xml")
    with pytest.raises(ConfigError, match=r"ReadOptions\.max_input_bytes"):
        list(read_inputs(["nothing-here"], max_input_bytes=0))
    with pytest.raises(ConfigError, match="has no setting 'format'"):
        list(read_inputs(["nothing-here"], format="jsonl"))


@given(
    workers=st.integers(1, 8),
    batch_size=st.integers(1, 512),
    torch_threads=st.none() | st.integers(1, 8),
)
def test_keyword_changes_are_the_same_options(
    workers: int, batch_size: int, torch_threads: int | None
) -> None:
    """Runner(workers=..., ...) is exactly Runner(options=RunOptions(workers=..., ...)),
    and options are frozen values: equal settings compare equal and hash alike."""
    given_options = RunOptions(workers=workers, batch_size=batch_size, torch_threads=torch_threads)
    by_keywords = Runner(CONFIG, workers=workers, batch_size=batch_size,
                         torch_threads=torch_threads).options
    assert by_keywords == given_options == Runner(CONFIG, given_options).options
    assert hash(by_keywords) == hash(given_options)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        by_keywords.workers = 3  # type: ignore[misc]


def test_worker_threads_come_from_the_options_or_the_config() -> None:
    """torch_threads wins; without it each worker takes the entity settings' threads."""
    config = Config(ner="off", entities=EntityOptions(threads=3))
    assert RunOptions().worker_threads(config) == 3
    assert RunOptions(torch_threads=1).worker_threads(config) == 1


def test_cli_names_flags_in_run_setting_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The command line reports a bad combination with its flags, not Python names."""
    (tmp_path / "a.txt").write_text("Defectors met in Brussels.", encoding="utf-8")
    status = main(["process", str(tmp_path / "a.txt"), "-o", str(tmp_path / "o.jsonl"),
                   "--engine", "local", "--scheduler", "tcp://127.0.0.1:9"])
    assert status == 2
    assert "needs --engine dask" in capsys.readouterr().err
    assert not (tmp_path / "o.jsonl").exists()


def test_the_same_reading_settings_give_the_same_failures_on_both_engines(
    tmp_path: Path,
) -> None:
    """max_input_bytes holds on the workers of a dask dataset job as in a local job: a
    text file or a record over the limit is a failed record in its place, N in, N out."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a-big.txt").write_text("Defectors met in Brussels. " * 80, encoding="utf-8")
    (folder / "b-small.txt").write_text("Defectors met in Seoul.", encoding="utf-8")
    (folder / "c.jsonl").write_text(
        '{"text": "' + "y" * 3000 + '"}\n{"text": "Small one."}\n', encoding="utf-8"
    )
    reading = ReadOptions(max_input_bytes=1024)
    local = Job([folder], tmp_path / "local.jsonl", CONFIG, reading=reading)
    local.run()
    job = DatasetJob([folder], tmp_path / "out", CONFIG, RunOptions(partition_size=1),
                     reading=reading)
    job.bag(job.plan()).compute(scheduler="synchronous")
    documents = [
        doc for path in sorted((tmp_path / "out" / "documents").iterdir())
        for doc in read_documents(path)
    ]
    assert [d.status for d in documents] == ["failed", "ok", "failed", "ok"]
    failures = [d.failure for d in documents if d.failure is not None]
    assert [f.error_type for f in failures] == [InputTooLargeError.__name__] * 2
    assert [d.status for d in read_documents(tmp_path / "local.jsonl")] == [
        d.status for d in documents
    ]
