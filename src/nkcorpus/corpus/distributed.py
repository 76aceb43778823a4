"""Dask: workers read the inputs, run the pipeline and write a partitioned Parquet dataset.

>>> from nkcorpus.corpus.distributed import DatasetJob
>>> from nkcorpus.corpus.options import RunOptions
>>> options = RunOptions(engine="dask", workers=2)
>>> job = DatasetJob(["corpus/"], "build/corpus", options=options)   # doctest: +SKIP
>>> summary = job.run()                                                # doctest: +SKIP

:class:`DatasetJob` is what ``nkcorpus process --engine dask`` runs. This process
only lists the input files and cuts them into *partitions*, runs of consecutive files
(:func:`~nkcorpus.corpus.parts.iter_partitions`), as the run goes. It keeps
:attr:`DatasetJob.window` partitions submitted (two per worker thread by default), each
packed into one compressed blob (:class:`~nkcorpus.corpus.parts.PackedPartition`), and
submits the next as one finishes, so the scheduler and this process hold a few
partitions, never the whole plan. The worker that runs a partition
(:func:`~nkcorpus.corpus.parts.run_partition`) reads its files itself (local paths, a
shared folder, or any fsspec URL such as ``s3://bucket/corpus``), runs its warm pipeline
over them in batches and writes one part of the output dataset
(:mod:`nkcorpus.corpus.parts` describes the layout). Documents never pass through this
process; only each part's manifest (counts) comes back. :meth:`DatasetJob.bag` gives
the same work as a ``dask.bag`` to compute on any Dask scheduler.

* Warm workers: :class:`WarmPipeline` builds the pipeline (language profiles,
  gazetteer, models) once in every worker, also in workers that join later, and
  every partition after reuses it; tasks carry the settings (a few hundred bytes),
  never a model.
* Resume: with ``resume=True`` a partition whose part is complete and whose
  manifest names the same inputs and settings is not run again.
* Lost workers: the scheduler runs the partitions of a dead worker again elsewhere
  (a part is written aside and renamed, so a half-written one never counts). A
  partition that kills workers again and again (Dask's ``KilledWorker``) is processed
  again one document per task (:func:`isolate_partition`): the document to blame
  becomes a failed record (stage ``"worker"``) and the run goes on.

``ClientEngine`` is the other way to use a cluster, the
:class:`~nkcorpus.corpus.runner.Runner` engine ``"dask"``: this process reads the
inputs, sends batches to the workers and takes the results back in order, so
it suits documents made in Python rather than files.
"""

from __future__ import annotations

import importlib
import logging
import os
import uuid
from collections.abc import Iterator, Sequence
from typing import Any

import attrs
import dask
from distributed.diagnostics.plugin import WorkerPlugin

from nkcorpus.config import Config
from nkcorpus.corpus.engines import (
    PipelineFactory,
    _crashed,
    _FutureEngine,
    _pipeline_for,
    _serialize,
    process_batch,
)
from nkcorpus.corpus.inputs import ReadOptions
from nkcorpus.corpus.options import RunOptions
from nkcorpus.corpus.parts import (
    PackedPartition,
    Partition,
    PartSettings,
    iter_partitions,
    part_manifest,
    process_items,
    read_partition,
    run_partition,
    settings_key,
    write_json,
    write_part,
)
from nkcorpus.corpus.progress import Progress
from nkcorpus.corpus.result import Result
from nkcorpus.corpus.summary import Summary
from nkcorpus.document import Document
from nkcorpus.errors import ConfigError
from nkcorpus.pipeline import Input, Pipeline
from nkcorpus.validators import whole_number

__all__ = ["DatasetJob", "WarmPipeline", "connect", "isolate_partition"]

logger = logging.getLogger(__name__)

distributed: Any = importlib.import_module("distributed")


class WarmPipeline(WorkerPlugin):
    """Builds the pipeline in every worker when it starts (or joins later), once.

    Args:
        config: the settings.
        torch_threads: torch threads per worker.
        factory: builds the pipeline from ``config`` (a module-level function).
    """

    name = "nkcorpus-pipeline"

    def __init__(
        self, config: Config, torch_threads: int | None, factory: PipelineFactory = Pipeline
    ) -> None:
        self.config = config
        self.torch_threads = torch_threads
        self.factory = factory

    def setup(self, worker: Any) -> None:
        """Build the pipeline in the worker's process."""
        _pipeline_for(self.config, self.torch_threads, self.factory)


def connect(scheduler: str | None, workers: int) -> tuple[Any, Any]:
    """Return ``(client, cluster)``: a client of ``scheduler`` or of a new ``LocalCluster``.

    ``cluster`` is ``None`` when ``scheduler`` is given; otherwise it is a cluster of
    ``workers`` single-threaded processes that the caller closes, with the workers'
    statistical profiler off (nothing shows it without a dashboard, and its history
    grows with the length of the run).

    Raises:
        ConfigError: when the scheduler cannot be reached.
    """
    if scheduler:
        try:
            return distributed.Client(scheduler), None
        except (OSError, TimeoutError) as error:
            raise ConfigError(
                f"cannot reach the Dask scheduler at {scheduler} ({error}); check the address "
                "and that `dask scheduler` runs there"
            ) from error
    # Without a dashboard nothing reads the workers' statistical profile, and its history
    # (a call tree a second, kept for up to 1,000 seconds) is what grows with the run.
    with dask.config.set({"distributed.worker.profile.enabled": False}):
        cluster = distributed.LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.ERROR,
        )
    return distributed.Client(cluster), cluster


def isolate_partition(client: Any, partition: Partition, settings: PartSettings) -> dict[str, Any]:
    """Process ``partition`` one document per task, then write its part; return the manifest.

    For a partition whose task killed several workers: the document that kills its
    worker again becomes a failed record (stage ``"worker"``); the others are
    processed as usual. The partition's documents pass through this process, which
    is the price of this rare path; every other partition stays on the workers.
    """
    items = client.submit(_read_all, partition, settings, pure=False).result()
    results: list[Result] = []
    for item in items:
        if isinstance(item, Document) and not item.ok:
            results.append(_serialize(item))
            continue
        try:
            (result,) = client.submit(process_items, settings, [item], pure=False).result()
        except Exception as error:
            result = _crashed(item, f"{type(error).__name__}: {error}")
        results.append(result)
    manifest: dict[str, Any] = client.submit(
        _write_all, partition, settings, results, pure=False
    ).result()
    return manifest


def _read_all(partition: Partition, settings: PartSettings) -> list[Any]:
    return list(read_partition(partition, settings.reading))


def _write_all(
    partition: Partition, settings: PartSettings, results: list[Result]
) -> dict[str, Any]:
    return write_part(partition, settings, iter(results))


@attrs.define
class DatasetJob:
    """One run over a corpus into a partitioned Parquet dataset, on a Dask cluster.

    Attributes:
        inputs: files, directories or fsspec URLs (``"s3://bucket/corpus/"``); read by
            the workers, so every worker must reach them under the same names.
        output: the dataset folder or fsspec URL, reachable by every worker.
        config: the pipeline settings.
        options: the run settings (:class:`~nkcorpus.corpus.options.RunOptions`): the
            scheduler address (or ``None`` for a ``LocalCluster`` of ``workers``
            processes), text files per partition (a record file is a partition of its
            own), documents per pipeline batch in a worker, torch threads per worker.
        reading: how the workers read the inputs (:class:`~nkcorpus.corpus.inputs.ReadOptions`).
        resume: keep the parts a killed run finished; otherwise the dataset is rewritten.
        pipeline: builds each worker's pipeline from ``config`` (a module-level function).
        progress: the progress reporter, or ``None`` for none.
        window: partitions submitted to the cluster at a time, or ``None`` for two per
            worker thread (one running, one waiting); the next partition is listed and
            submitted as one finishes, so the scheduler and this process hold the file
            lists of at most this many partitions, whatever the size of the corpus.
    """

    inputs: Sequence[str | os.PathLike[str]]
    output: str | os.PathLike[str]
    config: Config = attrs.field(factory=Config)
    options: RunOptions = attrs.field(factory=lambda: RunOptions(engine="dask"))
    reading: ReadOptions = attrs.field(factory=ReadOptions)
    resume: bool = False
    pipeline: PipelineFactory = Pipeline
    progress: Progress | None = None
    window: int | None = attrs.field(default=None, validator=whole_number(1, optional=True))

    def _output(self) -> str:
        name = str(self.output)
        if name == "-":
            raise ConfigError("the dask engine writes a Parquet dataset: name a folder with -o")
        if name.endswith((".jsonl", ".ndjson", ".parquet")):
            raise ConfigError(
                f"the dask engine writes a Parquet dataset (a folder of parts), not the file "
                f"{name}; name a folder with -o (such as {name.rsplit('.', 1)[0]})"
            )
        return name if "://" in name else os.path.abspath(name)

    def settings(self) -> PartSettings:
        """Return what every partition task gets besides its partition."""
        threads = self.options.worker_threads(self.config)
        key = settings_key(self.config, self.reading)
        return PartSettings(
            self.config, threads, self.pipeline, self.options.batch_size, self.reading,
            self._output(), key,
        )

    def plan(self) -> list[Partition]:
        """List the input files and split them into partitions (no content is read)."""
        return list(self.partitions())

    def partitions(self) -> Iterator[Partition]:
        """Yield the partitions of :meth:`plan` as the listing finds them (no content is read)."""
        output = self._output()
        return iter_partitions(
            self.inputs,
            input_format=self.reading.input_format,
            partition_size=self.options.partition_size,
            exclude=None if "://" in output else output,
        )

    def bag(self, partitions: Sequence[Partition]) -> Any:
        """Return a :class:`dask.bag.Bag` that runs ``partitions``: one manifest each.

        Computing it (on any Dask scheduler) reads, processes and writes the parts.
        """
        bag: Any = importlib.import_module("dask.bag")
        settings = self.settings()
        return bag.from_sequence(list(partitions), partition_size=1).map(
            run_partition, settings
        )

    def _prepare(self, fs: Any, root: str) -> None:
        marker = f"{root}/_nkcorpus.json"
        if fs.exists(root) and fs.ls(root) and not fs.exists(f"{root}/_parts"):
            raise ConfigError(
                f"{root} exists and holds files that are not an nkcorpus dataset; "
                "name a new or empty folder"
            )
        if not self.resume:
            for folder in ("documents", "entities", "_parts", "_staging"):
                if fs.exists(f"{root}/{folder}"):
                    fs.rm(f"{root}/{folder}", recursive=True)
        if fs.exists(marker):
            fs.rm(marker)
        for folder in ("documents", "entities", "_parts"):
            fs.makedirs(f"{root}/{folder}", exist_ok=True)

    def run(self) -> Summary:
        """Run the job on the cluster and return the summary of the whole dataset.

        The partitions are listed as the run goes and submitted :attr:`window` at a
        time; only each part's manifest comes back.

        Raises:
            ConfigError: for an output that is not a dataset folder or a bad setting.
        """
        from nkcorpus.corpus.parts import _fs

        settings = self.settings()
        fs, root = _fs(settings.output)
        self._prepare(fs, root)
        progress = self.progress or Progress(enabled=False)
        summary = Summary()
        progress.start(summary)
        session = _Session(self.options, settings)
        planned = 0
        try:
            for manifest in self._manifests(session, settings):
                planned = max(planned, int(manifest["part"]) + 1)
                _add(summary, manifest)
                progress.update(summary)
        finally:
            session.close()
        self._finish(fs, root, planned, summary)
        progress.close(summary)
        return summary

    def _manifests(self, session: _Session, settings: PartSettings) -> Iterator[dict[str, Any]]:
        # Kept parts first come back as they are listed; the others as their tasks finish.
        window: dict[Any, PackedPartition] = {}
        for partition in self.partitions():
            manifest = (
                part_manifest(settings.output, partition, settings.key) if self.resume else None
            )
            if manifest is not None:
                yield manifest
                continue
            packed = PackedPartition.pack(partition)
            del partition  # only the packed form outlives the listing
            while window and len(window) >= (self.window or session.slots()):
                yield self._collect(session, window, settings)
            window[session.submit(packed)] = packed
        while window:
            yield self._collect(session, window, settings)

    def _collect(
        self, session: _Session, window: dict[Any, PackedPartition], settings: PartSettings
    ) -> dict[str, Any]:
        # The manifest of the next partition to finish.
        future = session.next_done()
        partition = window.pop(future)
        killed = future.status == "error" and isinstance(
            future.exception(), distributed.KilledWorker
        )
        manifest = None if killed else future.result()  # any other error stops the run
        # The scheduler forgets the task before the next is submitted (a dropped future is
        # released later, from the client's event loop): it holds the window and no more.
        session.client.cancel(future)
        if manifest is None:
            logger.warning("part %d killed its workers; processing it one document at a "
                           "time", partition.number)
            manifest = isolate_partition(session.client, partition.unpack(), settings)
        return manifest

    def _finish(self, fs: Any, root: str, parts: int, summary: Summary) -> None:
        # Parts past the plan are left from an earlier run over more inputs.
        for folder, suffix in (("documents", ".parquet"), ("entities", ".parquet"),
                               ("_parts", ".json")):
            for path in fs.ls(f"{root}/{folder}", detail=False):
                name = os.path.basename(str(path))
                number = name[len("part-"):-len(suffix)]
                if not name.startswith("part-") or not number.isdigit() or int(number) >= parts:
                    fs.rm(path)
        if fs.exists(f"{root}/_staging"):
            fs.rm(f"{root}/_staging", recursive=True)
        write_json(fs, f"{root}/_nkcorpus.json", {"parts": parts, "summary": summary.to_dict()})


class _Session:
    """The cluster of one run, connected when the first partition is submitted."""

    def __init__(self, options: RunOptions, settings: PartSettings) -> None:
        self.options = options
        self.settings = settings
        self.client: Any = None
        self.cluster: Any = None
        self.completed: Any = None
        # One task group for the run's partitions; the part number tells them apart.
        self.name = f"nkcorpus-part-{uuid.uuid4().hex}"

    def _connect(self) -> Any:
        if self.client is None:
            self.client, self.cluster = connect(self.options.scheduler, self.options.workers)
            self.client.register_plugin(WarmPipeline(
                self.settings.config, self.settings.torch_threads, self.settings.factory
            ))
            # This client's loop, not the default client's: another client may live in
            # this process (one made after this one becomes the default).
            self.completed = distributed.as_completed(loop=self.client.loop)
        return self.client

    def slots(self) -> int:
        """Return two partitions per worker thread of the cluster now (at least two)."""
        threads = int(sum(self._connect().nthreads().values()))
        return max(2, 2 * threads)

    def submit(self, partition: PackedPartition) -> Any:
        """Submit ``partition`` to run on a worker; return its future (of its manifest)."""
        future = self._connect().submit(
            run_partition, partition, self.settings, key=(self.name, partition.number),
            pure=False,
        )
        self.completed.add(future)
        return future

    def next_done(self) -> Any:
        """Wait for a submitted partition to finish (or fail); return its future."""
        return next(self.completed)

    def close(self) -> None:
        """Disconnect, and stop the local cluster if this run started one."""
        if self.client is not None:
            self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def _add(summary: Summary, manifest: dict[str, Any]) -> None:
    part = Summary.from_dict(manifest["summary"])
    summary.documents += part.documents
    summary.status.update(part.status)
    summary.languages.update(part.languages)
    summary.labels.update(part.labels)
    summary.failures.update(part.failures)
    summary.characters += part.characters
    summary.cached += part.cached


class ClientEngine(_FutureEngine):
    """The runner's ``"dask"`` engine: this process sends batches to the cluster's workers.

    Args:
        config: the settings.
        workers: workers of the ``LocalCluster`` started when ``scheduler`` is ``None``.
        torch_threads: torch threads per worker.
        scheduler: a scheduler address such as ``"tcp://host:8786"``, or ``None``.
        factory: builds each worker's pipeline from ``config``.
    """

    def __init__(
        self,
        config: Config,
        workers: int,
        torch_threads: int | None,
        scheduler: str | None,
        factory: PipelineFactory,
    ) -> None:
        super().__init__()
        self.factory = factory
        self.config = config
        self.torch_threads = torch_threads
        self._client, self._cluster = connect(scheduler, workers)
        self._client.register_plugin(WarmPipeline(config, torch_threads, factory))
        slots = sum(self._client.nthreads().values()) or workers
        self.window = 2 * slots

    def _submit(self, items: list[Input]) -> Any:
        return self._client.submit(
            process_batch, self.config, self.torch_threads, items, self.factory, pure=False
        )

    def _submit_alone(self, item: Input) -> Any:
        # The scheduler retries a task whose worker died on other workers and gives
        # up (KilledWorker) only on a task that killed several: that task's own doing.
        return self._submit([item])

    def _is_crash(self, error: BaseException) -> bool:
        return False  # the scheduler reschedules tasks of dead workers itself

    def _restart(self) -> None:  # pragma: no cover - never a crash, see _is_crash
        pass

    def close(self) -> None:
        """Disconnect, and stop the local cluster if this engine started one."""
        self._client.close()
        if self._cluster is not None:
            self._cluster.close()
