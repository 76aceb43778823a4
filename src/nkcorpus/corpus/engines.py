"""The engines that run batches of a corpus: this process, worker processes, a Dask client.

Used by :class:`~nkcorpus.corpus.runner.Runner`. Each worker builds its
:class:`~nkcorpus.Pipeline` once (:func:`process_batch`) and sends documents back
already serialized; a batch whose worker dies is run again one document at a time, and
the document that kills its worker again becomes a failed record.
"""

from __future__ import annotations

import collections
import logging
from collections import OrderedDict
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import attrs

from nkcorpus.config import Config
from nkcorpus.corpus.result import Result, printable
from nkcorpus.corpus.workers import check_main_guard, watch_parent
from nkcorpus.document import Document, document_id
from nkcorpus.errors import ConfigError, WorkerCrashError
from nkcorpus.pipeline import Input, Pipeline
from nkcorpus.resources import fix_torch_threads

__all__ = ["PipelineFactory", "input_key", "process_batch"]

logger = logging.getLogger(__name__)

#: Builds the pipeline a worker runs from the settings (a module-level function,
#: so that it can be sent to worker processes).
PipelineFactory = Callable[[Config], Pipeline]

# Pipelines built in this process, by settings, each with the key of the files its
# settings named when it was built: a worker builds each once. The least recently used
# is closed past _KEEP_PIPELINES.
_PIPELINES: OrderedDict[tuple[Config, int | None, PipelineFactory], tuple[Pipeline, str]] = (
    OrderedDict()
)
_KEEP_PIPELINES = 4
# The settings of a process-pool worker, set by its initializer.
_WORKER_SETTINGS: tuple[Config, int | None, PipelineFactory] | None = None


def _pipeline_for(
    config: Config,
    torch_threads: int | None,
    factory: PipelineFactory = Pipeline,
    *,
    fresh: bool = False,
) -> Pipeline:
    key = (config, torch_threads, factory)
    kept = _PIPELINES.get(key)
    if kept is not None and fresh and kept[1] != config.resources_key():
        # A new run in this process, and a file the settings name changed: build again.
        kept[0].close()
        kept = None
    if kept is None:
        if torch_threads is not None:
            fix_torch_threads(torch_threads)
        kept = (factory(config), config.resources_key())
        _PIPELINES[key] = kept
        while len(_PIPELINES) > _KEEP_PIPELINES:
            _key, (oldest, _files) = _PIPELINES.popitem(last=False)
            oldest.close()
    _PIPELINES.move_to_end(key)
    return kept[0]


def _source_of(item: Any) -> str | None:
    if isinstance(item, Document):
        return item.source
    if isinstance(item, tuple) and len(item) == 2:
        return item[1] if isinstance(item[1], str) else None
    return None


def _content_of(item: Any) -> str | bytes | None:
    if isinstance(item, tuple) and len(item) == 2:
        item = item[0]
    if isinstance(item, (bytes, bytearray, memoryview)):
        return bytes(item)
    if isinstance(item, str):
        return item
    return None


def input_key(item: Input) -> str | None:
    """Return the cache key of an input: its content id, marked text or bytes.

    Text and bytes are keyed apart (bytes record the encoding they were decoded
    from, so the documents differ). Inputs that are already documents have no key.

    >>> input_key(("Pyongyang", "a.txt"))
    's:64fafbb9637397df'
    """
    content = _content_of(item)
    if content is None:
        return None
    kind = "s" if isinstance(content, str) else "b"
    return f"{kind}:{document_id(content)}"


def _serialize(document: Document) -> Result:
    try:
        return Result.from_document(document)
    except Exception as error:
        logger.info("document %s cannot be serialized: %s", document.id, error)
        raw = document.raw if printable(document.raw) == document.raw else ""
        failed = Document.failed(
            "serialize", error, source=printable(document.source), raw=raw, id=document.id
        )
        return Result.from_document(failed)


def process_batch(
    config: Config,
    torch_threads: int | None,
    items: Sequence[Input],
    factory: PipelineFactory = Pipeline,
) -> list[Result]:
    """Process ``items`` with this process's pipeline for ``config``; one result per item.

    This is the function workers run. The pipeline for ``config`` (built by
    ``factory``) is built on the first call in a process and reused after.
    """
    pipeline = _pipeline_for(config, torch_threads, factory)
    try:
        documents = list(pipeline.pipe(items, batch_size=max(1, len(items))))
    except Exception:
        if getattr(pipeline, "on_error", "record") == "raise":
            raise
        logger.warning("a batch failed as a whole; processing it one document at a time",
                       exc_info=True)
        documents = []
        for item in items:
            try:
                documents.append(pipeline(item))
            except Exception as error:
                content = _content_of(item)
                documents.append(
                    Document.failed(
                        "pipeline",
                        error,
                        source=_source_of(item),
                        id=document_id(content) if content is not None else None,
                    )
                )
    return [_serialize(document) for document in documents]


def _init_worker(config: Config, torch_threads: int | None, factory: PipelineFactory) -> None:
    global _WORKER_SETTINGS
    watch_parent()
    _WORKER_SETTINGS = (config, torch_threads, factory)
    _pipeline_for(config, torch_threads, factory)


def _pool_task(items: Sequence[Input]) -> list[Result]:
    if _WORKER_SETTINGS is None:  # pragma: no cover - the initializer always ran
        raise RuntimeError("worker started without settings")
    config, torch_threads, factory = _WORKER_SETTINGS
    return process_batch(config, torch_threads, items, factory)


def _crashed(item: Input, detail: str) -> Result:
    content = _content_of(item)
    error = WorkerCrashError(
        f"the worker process died while processing this document ({detail}); it may need "
        "more memory than a worker has, or a native library crashed on it. Process it "
        "alone with one worker to see the error"
    )
    raw = ""
    if isinstance(content, str):
        raw = content
    elif content is not None:
        try:
            raw = content.decode("utf-8")
        except UnicodeDecodeError:
            raw = ""  # the encoding was never detected; the id still names the bytes
    document = Document.failed(
        "worker",
        error,
        source=_source_of(item),
        raw=raw,
        id=document_id(content) if content is not None else None,
    )
    return Result.from_document(document)


@attrs.define
class _Task:
    """One batch of inputs: results known up front (cache hits, failed inputs) and work."""

    items: list[Input]
    keys: list[str | None]
    ready: dict[int, Result]
    todo: list[Input]


class _InProcess:
    """Runs batches in this process."""

    def __init__(
        self, config: Config, torch_threads: int | None, factory: PipelineFactory
    ) -> None:
        self.config = config
        self.torch_threads = torch_threads
        self.factory = factory
        _pipeline_for(config, torch_threads, factory, fresh=True)

    def map(self, tasks: Iterator[_Task]) -> Iterator[tuple[_Task, list[Result]]]:
        for task in tasks:
            if not task.todo:
                yield task, []
                continue
            yield task, process_batch(self.config, self.torch_threads, task.todo, self.factory)

    def close(self) -> None:
        pass


class _FutureEngine:
    """Keeps a bounded window of batches in flight and hands results back in order."""

    window = 2

    def __init__(self) -> None:
        self._pending: collections.deque[tuple[_Task, Any]] = collections.deque()

    # Subclasses provide these four.
    def _submit(self, items: list[Input]) -> Any:
        raise NotImplementedError

    def _submit_alone(self, item: Input) -> Any:
        """Submit one document where nothing else runs, so that a crash is its own."""
        raise NotImplementedError

    def _is_crash(self, error: BaseException) -> bool:
        raise NotImplementedError

    def _restart(self) -> None:
        raise NotImplementedError

    def map(self, tasks: Iterator[_Task]) -> Iterator[tuple[_Task, list[Result]]]:
        pending = self._pending
        pending.clear()

        def submit_next() -> bool:
            task = next(tasks, None)
            if task is None:
                return False
            pending.append((task, self._submit(task.todo) if task.todo else None))
            return True

        while len(pending) < self.window and submit_next():
            pass
        while pending:
            task, future = pending.popleft()
            yield task, self._collect(task, future)
            while len(pending) < self.window and submit_next():
                pass

    def _collect(self, task: _Task, future: Any) -> list[Result]:
        if future is None:
            return []
        try:
            results: list[Result] = future.result()
            return results
        except Exception as error:
            logger.warning(
                "a batch of %d documents failed in a worker (%s: %s); "
                "processing them one at a time",
                len(task.todo),
                type(error).__name__,
                error,
            )
            if self._is_crash(error):
                self._recover()
            return self._isolate(task.todo)

    def _recover(self) -> None:
        """Start fresh workers and resubmit the batches the dead ones held."""
        self._restart()
        for index, (task, future) in enumerate(self._pending):
            if future is None:
                continue
            if future.done() and not future.cancelled() and future.exception() is None:
                continue
            self._pending[index] = (task, self._submit(task.todo))

    def _isolate(self, items: list[Input]) -> list[Result]:
        results = []
        for item in items:
            try:
                (result,) = self._submit_alone(item).result()
            except Exception as error:
                results.append(_crashed(item, f"{type(error).__name__}: {error}"))
                continue
            results.append(result)
        return results


class _ProcessPool(_FutureEngine):
    """Runs batches in worker processes, each with its own pipeline."""

    def __init__(
        self,
        config: Config,
        workers: int,
        torch_threads: int | None,
        start_method: str,
        factory: PipelineFactory,
    ) -> None:
        super().__init__()
        import multiprocessing

        self.factory = factory
        self.config = config
        self.workers = workers
        self.torch_threads = torch_threads
        check_main_guard(start_method)
        self.context = multiprocessing.get_context(start_method)
        self.window = 2 * workers
        self._pool = self._new_pool(workers)
        self._alone: Any = None

    def _new_pool(self, workers: int) -> Any:
        from concurrent.futures import ProcessPoolExecutor

        return ProcessPoolExecutor(
            max_workers=workers,
            mp_context=self.context,
            initializer=_init_worker,
            initargs=(self.config, self.torch_threads, self.factory),
        )

    @staticmethod
    def _safe_submit(pool: Any, items: list[Input]) -> Any:
        from concurrent.futures import Future
        from concurrent.futures.process import BrokenProcessPool

        try:
            return pool.submit(_pool_task, items)
        except BrokenProcessPool as error:  # a worker died before this batch went in
            future: Future[list[Result]] = Future()
            future.set_exception(error)
            return future

    def _submit(self, items: list[Input]) -> Any:
        return self._safe_submit(self._pool, items)

    def _submit_alone(self, item: Input) -> Any:
        # A pool of its own with one worker: nothing else runs there, so if the
        # worker dies, this document killed it.
        if self._alone is None or getattr(self._alone, "_broken", False):
            if self._alone is not None:
                self._alone.shutdown(wait=False, cancel_futures=True)
            self._alone = self._new_pool(1)
        return self._safe_submit(self._alone, [item])

    def _is_crash(self, error: BaseException) -> bool:
        from concurrent.futures.process import BrokenProcessPool

        return isinstance(error, BrokenProcessPool)

    def _restart(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
        self._pool = self._new_pool(self.workers)

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)
        if self._alone is not None:
            self._alone.shutdown(wait=True, cancel_futures=True)


def _dask_engine(
    config: Config,
    workers: int,
    torch_threads: int | None,
    scheduler: str | None,
    factory: PipelineFactory,
) -> Any:
    try:
        from nkcorpus.corpus.distributed import ClientEngine  # needs dask.distributed
    except ImportError as error:
        raise ConfigError(
            "the dask engine needs dask.distributed; install it with "
            "pip install 'nkcorpus[distributed]'"
        ) from error
    return ClientEngine(config, workers, torch_threads, scheduler, factory)


