"""Run the pipeline over a corpus: in this process, in worker processes, or on a Dask cluster.

>>> import nkcorpus
>>> from nkcorpus.corpus.runner import Runner
>>> with Runner(nkcorpus.Config(ner="off")) as runner:
...     docs = list(runner.documents(["Defectors met in Brussels.", b""]))
>>> [doc.status for doc in docs]
['ok', 'failed']

Whatever the engine, every input gives exactly one document, in input order.
Each worker builds its :class:`~nkcorpus.Pipeline` once, so models load once
per worker, and sends documents back already serialized
(:class:`~nkcorpus.corpus.result.Result`). When a worker process dies on a
document (out of memory, a crash in native code), the batch it held is
processed again one document at a time in a fresh worker, and the document
that kills its worker again becomes a failed record (stage ``"worker"``,
:class:`~nkcorpus.errors.WorkerCrashError`); the run goes on.

Engines:

* ``"local"`` with ``workers=1`` runs in this process; with ``workers=N`` it
  runs N worker processes (:class:`concurrent.futures.ProcessPoolExecutor`).
* ``"dask"`` runs batches as tasks on a Dask ``distributed`` cluster
  (:mod:`nkcorpus.corpus.distributed`): the scheduler at
  ``scheduler`` when given, otherwise a ``LocalCluster`` of ``workers``
  single-threaded worker processes started for the run. Workers need nkcorpus
  (and the models the settings use) installed. To have the workers read the
  inputs and write the output themselves, use
  :class:`~nkcorpus.corpus.distributed.DatasetJob`.
"""

from __future__ import annotations

import itertools
import logging
import os
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from nkcorpus.config import Config
from nkcorpus.corpus.cache import ResultCache
from nkcorpus.corpus.engines import (
    PipelineFactory,
    _dask_engine,
    _InProcess,
    _pipeline_for,
    _ProcessPool,
    _serialize,
    _source_of,
    _Task,
    input_key,
)
from nkcorpus.corpus.options import ENGINES, RunOptions
from nkcorpus.corpus.result import Result
from nkcorpus.document import Document
from nkcorpus.pipeline import Input, Pipeline

__all__ = ["ENGINES", "Runner", "process_corpus"]

logger = logging.getLogger(__name__)

class Runner:
    """Processes a corpus with one of the engines, a result cache optional.

    >>> from nkcorpus.corpus.options import RunOptions
    >>> Runner(options=RunOptions(workers=2))
    Runner(engine='local', workers=2)
    >>> Runner(workers=2, batch_size=16).options.batch_size
    16

    Args:
        config: the settings; the default :class:`~nkcorpus.Config` when ``None``.
        options: the engine, worker count, batch size and thread settings
            (:class:`~nkcorpus.corpus.options.RunOptions`; its defaults when ``None``).
        cache: a :class:`~nkcorpus.corpus.cache.ResultCache` (or a directory for one)
            to take finished documents from and store new ones in.
        pipeline: builds each worker's :class:`~nkcorpus.Pipeline` from ``config``
            (default: ``Pipeline(config)``). Give a module-level function to run custom
            stages; it must be importable in the workers.
        **changes: fields of :class:`~nkcorpus.corpus.options.RunOptions` to change
            (``workers=4``), a shorthand for ``options=RunOptions(workers=4)``.

    Raises:
        ConfigError: for a setting that is not a run setting, or a bad value.
    """

    def __init__(
        self,
        config: Config | None = None,
        options: RunOptions | None = None,
        *,
        cache: ResultCache | str | os.PathLike[str] | None = None,
        pipeline: PipelineFactory = Pipeline,
        **changes: Any,
    ) -> None:
        self.config = config if config is not None else Config()
        self.options = (options if options is not None else RunOptions()).updated(**changes)
        self.pipeline = pipeline
        self._owns_cache = cache is not None and not isinstance(cache, ResultCache)
        self.cache: ResultCache | None = (
            cache
            if cache is None or isinstance(cache, ResultCache)
            else ResultCache(cache, self.config, key=self.fingerprint())
        )
        self._engine: Any = None

    def __repr__(self) -> str:
        return f"Runner(engine={self.options.engine!r}, workers={self.options.workers})"

    def fingerprint(self) -> str:
        """Return the key of what this runner's pipeline produces (the result cache's key).

        The pipeline is built here once to ask its stages (models load lazily, on
        first use): see :meth:`Pipeline.fingerprint <nkcorpus.Pipeline.fingerprint>`.
        """
        threads = self.options.torch_threads
        pipeline = _pipeline_for(self.config, threads, self.pipeline, fresh=True)
        return str(pipeline.fingerprint())

    def _start(self) -> Any:
        if self._engine is None:
            options = self.options
            threads = options.worker_threads(self.config)
            if options.engine == "dask":
                self._engine = _dask_engine(
                    self.config, options.workers, threads, options.scheduler, self.pipeline
                )
            elif options.workers > 1:
                self._engine = _ProcessPool(
                    self.config, options.workers, threads, options.start_method, self.pipeline
                )
            else:
                self._engine = _InProcess(self.config, options.torch_threads, self.pipeline)
        return self._engine

    def _plan(self, items: Iterable[Input]) -> Iterator[_Task]:
        iterator = iter(items)
        while True:
            batch = list(islice(iterator, self.options.batch_size))
            if not batch:
                return
            keys: list[str | None] = (
                [input_key(item) for item in batch]
                if self.cache is not None
                else [None] * len(batch)
            )
            hits = self.cache.get_many(keys) if self.cache is not None else {}
            ready: dict[int, Result] = {}
            todo: list[Input] = []
            for index, (item, key) in enumerate(zip(batch, keys, strict=True)):
                if isinstance(item, Document) and not item.ok:
                    ready[index] = _serialize(item)
                elif key is not None and key in hits:
                    ready[index] = hits[key].with_source(_source_of(item))
                else:
                    todo.append(item)
            yield _Task(batch, keys, ready, todo)

    def _map(self, tasks: Iterator[_Task]) -> Iterator[tuple[_Task, list[Result]]]:
        # Workers (and their models) start with the first document that needs
        # processing: a rerun that the cache answers in full loads no model at all.
        for task in tasks:
            if not task.todo and self._engine is None:
                yield task, []
                continue
            yield from self._start().map(itertools.chain([task], tasks))
            return

    def results(self, items: Iterable[Input]) -> Iterator[Result]:
        """Process ``items`` lazily, yielding one :class:`~nkcorpus.corpus.result.Result` each.

        Results come in input order.

        Args:
            items: texts, bytes, documents or ``(content, source)`` pairs, such as
                :func:`~nkcorpus.corpus.inputs.read_inputs` yields.
        """
        for task, computed in self._map(self._plan(items)):
            if len(computed) != len(task.todo):  # pragma: no cover - process_batch keeps counts
                raise RuntimeError(f"{len(computed)} results for {len(task.todo)} documents")
            done = iter(computed)
            batch = [
                task.ready[index] if index in task.ready else next(done)
                for index in range(len(task.items))
            ]
            if self.cache is not None:
                self.cache.put_many(
                    (key, result)
                    for index, (key, result) in enumerate(zip(task.keys, batch, strict=True))
                    if key is not None and index not in task.ready
                )
            yield from batch

    def documents(self, items: Iterable[Input]) -> Iterator[Document]:
        """Process ``items`` lazily; yield one :class:`~nkcorpus.Document` each, in order."""
        for result in self.results(items):
            yield result.document()

    def close(self) -> None:
        """Stop the workers (and the cluster this runner started) and close the cache."""
        if self._engine is not None:
            self._engine.close()
            self._engine = None
        if self.cache is not None and self._owns_cache:
            self.cache.close()

    def __enter__(self) -> Runner:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def process_corpus(
    items: Iterable[Input],
    config: Config | None = None,
    options: RunOptions | None = None,
    *,
    cache: str | os.PathLike[str] | None = None,
    **changes: Any,
) -> Iterator[Document]:
    """Process many inputs, yielding one document per input in input order.

    A shortcut for :class:`Runner` (which takes the same arguments): the workers
    stop when the iterator is used up or closed.

    >>> import nkcorpus
    >>> from nkcorpus.corpus.runner import process_corpus
    >>> [d.ok for d in process_corpus(["One.", "Two."], nkcorpus.Config(ner="off"))]
    [True, True]
    """
    with Runner(config, options, cache=cache, **changes) as runner:
        yield from runner.documents(items)
