"""A real Dask cluster: a scheduler and two workers as separate processes on this machine.

The workers read the corpus and write the Parquet parts themselves; the result is the
local engine's, record for record, even when a worker is killed in the middle of the
run or a document kills every worker that takes it.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import dask
import distributed
import psutil
import pytest
from distributed.diagnostics.plugin import SchedulerPlugin
from hypothesis import given, settings
from hypothesis import strategies as st

import nkcorpus
from nkcorpus.cli import main
from nkcorpus.config import Config
from nkcorpus.corpus import engines as engines_module
from nkcorpus.corpus import parts as parts_module
from nkcorpus.corpus.distributed import DatasetJob, connect
from nkcorpus.corpus.inputs import iter_files, read_inputs
from nkcorpus.corpus.job import Job
from nkcorpus.corpus.options import RunOptions
from nkcorpus.corpus.outputs import read_documents
from nkcorpus.corpus.parts import (
    PackedPartition,
    plan_partitions,
    read_dataset,
    read_dataset_frames,
)
from nkcorpus.corpus.result import without_timings
from nkcorpus.corpus.runner import Runner
from nkcorpus.document import Document
from nkcorpus.errors import ConfigError
from tests.stages import crashing_pipeline, paced_pipeline

pytestmark = pytest.mark.timeout(300)

SRC = Path(nkcorpus.__file__).resolve().parents[1]
ROOT = Path(__file__).resolve().parent.parent
CONFIG = Config(ner="gazetteer")
KOREAN = "탈북자 대표들이 브뤼셀에서 세계 대회를 열고 북한 정권의 인권 탄압을 규탄했다."
CHINESE = "联合国调查委员会呼吁调查政治犯收容所的情况。"


def _dask() -> list[str]:
    found = Path(sys.executable).with_name("dask")
    return [str(found)] if found.exists() else [shutil.which("dask") or "dask"]


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=15)


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, object]]:
    """``dask scheduler`` and two ``dask worker`` processes (one thread each), always stopped."""
    folder = tmp_path_factory.mktemp("cluster")
    scheduler_file = folder / "scheduler.json"
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(SRC), str(ROOT)]),
        # A task whose worker died twice counts as the killer (Dask's KilledWorker).
        "DASK_DISTRIBUTED__SCHEDULER__ALLOWED_FAILURES": "1",
    }
    logs = (folder / "cluster.log").open("wb")
    processes: list[subprocess.Popen[bytes]] = []
    try:
        processes.append(subprocess.Popen(
            [*_dask(), "scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
             "--scheduler-file", str(scheduler_file)],
            env=env, stdout=logs, stderr=subprocess.STDOUT,
        ))
        deadline = time.monotonic() + 60
        while not scheduler_file.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        address = json.loads(scheduler_file.read_text())["address"]
        for name in ("one", "two"):
            processes.append(subprocess.Popen(
                [*_dask(), "worker", address, "--nthreads", "1", "--name", name,
                 "--no-dashboard", "--memory-limit", "0", "--host", "127.0.0.1"],
                env=env, stdout=logs, stderr=subprocess.STDOUT,
            ))
        with distributed.Client(address, timeout=60) as client:
            client.wait_for_workers(2, timeout=120)
        yield {"address": address, "workers": processes[1:], "folder": folder}
    finally:
        for process in reversed(processes):
            _stop(process)
        logs.close()


def _worker_pid(address: str, name: str) -> int:
    """The process id of the worker called ``name``, asked of the scheduler.

    A second client that connects while the job's own client keeps the scheduler busy
    can meet a reply that distributed reads as two messages (an ``AssertionError`` in
    ``Client._ensure_connected``); it connects again.
    """
    for attempt in range(3):
        try:
            with distributed.Client(address, timeout=60) as client:
                workers = client.scheduler_info()["workers"]
                pids = client.run(os.getpid)
            return next(pids[a] for a, info in workers.items() if info["name"] == name)
        except (AssertionError, OSError):
            if attempt == 2:
                raise
            time.sleep(1)
    raise AssertionError("unreachable")


@pytest.fixture(scope="module")
def corpus_dir(tmp_path_factory: pytest.TempPathFactory, seed_paths: list[Path]) -> Path:
    """Seeds, Korean and Chinese files, a legacy encoding, a record file with bad records."""
    root = tmp_path_factory.mktemp("corpus")
    for index, path in enumerate(seed_paths):
        shutil.copy(path, root / f"a{index}.txt")
    (root / "b" / "c").mkdir(parents=True)
    for index in range(24):
        text = (KOREAN, CHINESE, f"Defector testimony {index} given in Seoul.")[index % 3]
        (root / "b" / f"t{index:02d}.txt").write_text(text, encoding="utf-8")
    (root / "b" / "euckr.txt").write_bytes(KOREAN.encode("euc-kr"))
    (root / "b" / "empty.txt").write_bytes(b"")
    lines = ['{"text": "Kim Jong Un spoke in Pyongyang."}', "not json", '{"body": 1}']
    (root / "b" / "c" / "records.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


@given(size=st.integers(min_value=1, max_value=40))
@settings(max_examples=25)
def test_partitions_hold_the_inputs_in_order_whatever_their_size(
    corpus_dir: Path, size: int
) -> None:
    """Partitions, read one after the other, are the input files in the order the local
    reader walks them, as local paths or as file:// URLs; a record file is a partition alone
    and no partition holds more than the size asked for."""
    expected = [str(path) for path in iter_files(corpus_dir)]
    for given_as, prefix in ((str(corpus_dir), ""), (f"file://{corpus_dir}", "file://")):
        partitions = plan_partitions([given_as], partition_size=size)
        files = [file for partition in partitions for file in partition.files]
        assert [file.source for file in files] == [prefix + name for name in expected]
        assert [partition.number for partition in partitions] == list(range(len(partitions)))
        for partition in partitions:
            assert 1 <= len(partition.files) <= size
            kinds = {file.kind for file in partition.files}
            assert kinds == {"text"} or len(partition.files) == 1


@given(size=st.integers(min_value=1, max_value=40))
@settings(max_examples=10)
def test_a_packed_partition_unpacks_to_the_same_files(corpus_dir: Path, size: int) -> None:
    """What a task carries (a partition packed into one blob) unpacks on the worker to the
    same files, names, sizes and formats, so the part and its resume key are the same."""
    for partition in plan_partitions([corpus_dir, corpus_dir / "missing.txt"],
                                     partition_size=size):
        packed = PackedPartition.pack(partition)
        assert packed.unpack() == partition
        assert packed.unpack().key("settings") == partition.key("settings")


#: A scheduler address nothing listens on.
NOWHERE = RunOptions(engine="dask", scheduler="tcp://127.0.0.1:9")


def dask_options(cluster: dict[str, object], **changes: int) -> RunOptions:
    """The run settings of a job on the test's cluster."""
    return RunOptions(engine="dask", scheduler=str(cluster["address"]), **changes)


def comparable(documents: Iterator[Document] | list[Document]) -> list[Document]:
    """Documents with step timings cleared: the only field that differs between runs."""
    return [without_timings(document) for document in documents]


@pytest.mark.slow
def test_workers_read_and_write_the_same_records_as_the_local_engine(
    cluster: dict[str, object], corpus_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``nkcorpus process --scheduler`` on a real cluster writes, through its workers, the
    records the local engine writes, in input order, however the inputs are partitioned;
    this process never reads a document nor writes a part."""
    Job([corpus_dir, corpus_dir / "missing.txt"], tmp_path / "local.jsonl", CONFIG).run()
    local = comparable(read_documents(tmp_path / "local.jsonl"))
    assert len(local) == 5 + 24 + 2 + 3 + 1

    def not_here(*args: object, **kwargs: object) -> None:
        raise AssertionError("the client process read or processed documents itself")

    monkeypatch.setattr(parts_module, "read_partition", not_here)
    monkeypatch.setattr(parts_module, "write_part", not_here)
    monkeypatch.setattr(engines_module, "process_batch", not_here)
    for size in (4, 7):
        out = tmp_path / f"out{size}"
        status = main([
            "process", str(corpus_dir), str(corpus_dir / "missing.txt"), "-o", str(out),
            "--scheduler", str(cluster["address"]), "--partition-size", str(size),
            "--ner", "gazetteer", "-q",
        ])
        assert status == 0
        assert comparable(read_dataset(out)) == local
        planned = plan_partitions([corpus_dir, corpus_dir / "missing.txt"], partition_size=size)
        assert len(list((out / "documents").iterdir())) == len(planned)
    documents, entities = read_dataset_frames(tmp_path / "out4")
    assert list(documents["id"]) == [d.id for d in local]
    assert len(entities) == sum(len(d.entities) for d in local)
    assert set(entities["document_index"]) <= set(range(len(local)))


@pytest.mark.slow
def test_a_worker_killed_mid_run_loses_no_document(
    cluster: dict[str, object], corpus_dir: Path, tmp_path: Path
) -> None:
    """SIGKILL of a worker process in the middle of a run: its partitions run again on the
    other worker and every document is in the dataset exactly once, as the local engine has
    them."""
    inputs = [corpus_dir]
    with Runner(CONFIG, pipeline=paced_pipeline) as runner:
        local = comparable(runner.documents(read_inputs(inputs)))
    out = tmp_path / "out"
    job = DatasetJob(inputs, out, CONFIG, dask_options(cluster, partition_size=2),
                     pipeline=paced_pipeline)
    planned = len(job.plan())
    errors: list[BaseException] = []

    def run() -> None:
        try:
            job.run()
        except BaseException as error:  # handed to the test thread
            errors.append(error)

    thread = threading.Thread(target=run)
    thread.start()
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and len(list(out.glob("_parts/*.json"))) < 2:
        time.sleep(0.02)
    done_at_kill = len(list(out.glob("_parts/*.json")))
    pid = _worker_pid(str(cluster["address"]), "one")
    worker = psutil.Process(pid)
    os.kill(pid, signal.SIGKILL)
    thread.join(timeout=240)
    assert not thread.is_alive() and not errors, errors
    assert 2 <= done_at_kill < planned
    assert not psutil.pid_exists(worker.pid) or worker.status() == psutil.STATUS_ZOMBIE
    assert comparable(read_dataset(out)) == local


@pytest.mark.slow
def test_a_document_that_kills_every_worker_becomes_a_failed_record(
    cluster: dict[str, object], tmp_path: Path
) -> None:
    """A document that kills each worker that takes it becomes a failed record of stage
    'worker'; the rest of its partition and of the run comes out ok, in order."""
    folder = tmp_path / "in"
    folder.mkdir()
    texts = [f"Testimony {i} recorded in Seoul." for i in range(8)]
    texts[5] = "This testimony says CRASH."
    for index, text in enumerate(texts):
        (folder / f"{index}.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    summary = DatasetJob([folder], out, Config(ner="off", language=None),
                         dask_options(cluster, partition_size=4),
                         pipeline=crashing_pipeline).run()
    documents = list(read_dataset(out))
    assert [d.raw for d in documents] == texts
    assert [i for i, d in enumerate(documents) if not d.ok] == [5]
    assert documents[5].failure.stage == "worker"  # type: ignore[union-attr]
    assert summary.documents == 8 and summary.status["failed"] == 1


@pytest.mark.slow
def test_resume_redoes_only_the_parts_whose_inputs_changed_or_are_missing(
    cluster: dict[str, object], corpus_dir: Path, tmp_path: Path
) -> None:
    """A rerun with resume keeps each part whose inputs and settings match, redoes a part
    whose file changed and one whose part file is gone, and ends with what a fresh run
    writes; inputs given as fsspec URLs are read by the workers the same way."""
    folder = tmp_path / "in"
    shutil.copytree(corpus_dir / "b", folder)
    url = f"file://{folder}"
    job = DatasetJob([url], tmp_path / "out", CONFIG, dask_options(cluster, partition_size=6),
                     resume=True)
    first = job.run()
    manifests = sorted((tmp_path / "out" / "_parts").glob("*.json"))
    assert len(manifests) == len(job.plan()) == 6
    stamps = {path.name: path.stat().st_mtime_ns for path in manifests}
    (folder / "t01.txt").write_text("Defectors met again in Brussels.", encoding="utf-8")
    (tmp_path / "out" / "documents" / "part-000003.parquet").unlink()
    again = job.run()
    changed = {path.name for path in manifests if path.stat().st_mtime_ns != stamps[path.name]}
    assert changed == {"part-000000.json", "part-000003.json"}
    fresh = DatasetJob([url], tmp_path / "fresh", CONFIG, dask_options(cluster, partition_size=6)).run()
    resumed = comparable(read_dataset(tmp_path / "out"))
    assert resumed == comparable(read_dataset(tmp_path / "fresh"))
    assert resumed[0].source == f"{url}/empty.txt"
    assert resumed[-1].source == f"{url}/c/records.jsonl:3"
    assert again.documents == first.documents == fresh.documents == len(resumed)


def test_outputs_that_are_not_a_dataset_folder_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The dask engine writes a folder of parts: a file name, standard output or a folder
    holding other files is a clear usage error before any cluster starts, and nothing of
    the user's is deleted."""
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "keep.txt").write_text("mine", encoding="utf-8")
    for output, message in (
        (tmp_path / "out.jsonl", "not the file"),
        ("-", "name a folder"),
        (tmp_path / "notes", "not an nkcorpus dataset"),
    ):
        with pytest.raises(ConfigError, match=message):
            DatasetJob([tmp_path], output, options=NOWHERE).run()
    assert (tmp_path / "notes" / "keep.txt").read_text(encoding="utf-8") == "mine"
    with dask.config.set({"distributed.comm.timeouts.connect": "2s"}), pytest.raises(
        ConfigError, match="cannot reach the Dask scheduler"
    ):
        DatasetJob([tmp_path / "notes"], tmp_path / "out", options=NOWHERE).run()
    status = main(["process", str(tmp_path), "-o", str(tmp_path / "o"), "--engine", "dask",
                   "--cache", str(tmp_path / "cache")])
    assert status == 2
    assert "--cache and --format apply to the local engine" in capsys.readouterr().err


def test_the_bag_runs_on_any_dask_scheduler(corpus_dir: Path, tmp_path: Path) -> None:
    """The job's dask.bag computes on Dask's in-process scheduler too: one manifest per
    partition, and the parts hold the local engine's records in input order."""
    with Runner(CONFIG) as runner:
        local = comparable(runner.documents(read_inputs([corpus_dir])))
    job = DatasetJob([corpus_dir], tmp_path / "out", CONFIG, RunOptions(partition_size=10))
    partitions = job.plan()
    manifests = job.bag(partitions).compute(scheduler="synchronous")
    assert [m["part"] for m in manifests] == [p.number for p in partitions]
    assert sum(m["documents"] for m in manifests) == len(local)
    documents = [
        doc for path in sorted((tmp_path / "out" / "documents").iterdir())
        for doc in read_documents(path)
    ]
    assert comparable(documents) == local


class PartitionsHeld(SchedulerPlugin):
    """Counts, each time a graph reaches the scheduler, the partition tasks it holds."""

    name = "nkcorpus-test-partitions-held"

    def __init__(self) -> None:
        self.counts: list[int] = []

    def update_graph(self, scheduler: distributed.Scheduler, **kwargs: object) -> None:
        """Record how many partition tasks the scheduler holds now."""
        self.counts.append(sum(
            1 for key in scheduler.tasks
            if isinstance(key, tuple) and str(key[0]).startswith("nkcorpus-part-")
        ))


def _held_counts(dask_scheduler: distributed.Scheduler) -> list[int]:
    plugin = dask_scheduler.plugins[PartitionsHeld.name]
    assert isinstance(plugin, PartitionsHeld)
    return plugin.counts


@pytest.mark.slow
def test_the_scheduler_never_holds_more_than_the_window_of_partitions(
    cluster: dict[str, object], corpus_dir: Path, tmp_path: Path
) -> None:
    """However many partitions a corpus makes, the scheduler holds at most the job's window
    of them at any time (the next is submitted as one finishes), so its memory does not grow
    with the corpus; the dataset is still the local engine's, in input order."""
    with Runner(CONFIG) as runner:
        local = comparable(runner.documents(read_inputs([corpus_dir])))
    job = DatasetJob([corpus_dir], tmp_path / "out", CONFIG,
                     dask_options(cluster, partition_size=2), window=3)
    planned = len(job.plan())
    assert planned >= 10
    with distributed.Client(str(cluster["address"]), timeout=60) as client:
        client.register_plugin(PartitionsHeld())
        try:
            summary = job.run()
            counts = client.run_on_scheduler(_held_counts)
        finally:
            client.unregister_scheduler_plugin(PartitionsHeld.name)
    assert len(counts) >= planned  # one graph per partition
    assert max(counts) == 3
    assert summary.documents == len(local)
    assert comparable(read_dataset(tmp_path / "out")) == local


@pytest.mark.slow
@given(window=st.integers(min_value=1, max_value=4), size=st.integers(min_value=1, max_value=12))
@settings(max_examples=5)
def test_the_dataset_is_the_same_whatever_the_window_and_partition_size(
    cluster: dict[str, object], corpus_dir: Path, window: int, size: int
) -> None:
    """Partitions submitted one, two or more at a time, whatever their size, give the same
    records in the same order: the local engine's."""
    global _LOCAL
    if _LOCAL is None:
        with Runner(CONFIG) as runner:
            _LOCAL = comparable(runner.documents(read_inputs([corpus_dir])))
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "out"
        job = DatasetJob([corpus_dir], out, CONFIG,
                         dask_options(cluster, partition_size=size), window=window)
        summary = job.run()
        assert comparable(read_dataset(out)) == _LOCAL
        assert summary.documents == len(_LOCAL)
        assert len(list((out / "_parts").iterdir())) == len(job.plan())


#: The local engine's records of ``corpus_dir``, computed once for the property above.
_LOCAL: list[Document] | None = None


def test_a_window_below_one_partition_is_refused(tmp_path: Path) -> None:
    """A window of zero partitions could never run anything: it is a clear usage error."""
    with pytest.raises(ConfigError, match="window must be a whole number of at least 1"):
        DatasetJob([tmp_path], tmp_path / "out", window=0)


@pytest.mark.slow
def test_the_local_cluster_keeps_no_growing_profile_in_its_workers() -> None:
    """The cluster a run starts for itself has its workers' statistical profiler off: with
    no dashboard nothing reads it, and its history of call trees grows with the run."""
    client, cluster = connect(None, 1)
    try:
        profiling = client.run(lambda dask_worker: "profile" in dask_worker.periodic_callbacks)
        histories = client.run(lambda dask_worker: len(dask_worker.profile_history))
    finally:
        client.close()
        cluster.close()
    assert list(profiling.values()) == [False]
    assert list(histories.values()) == [0]
