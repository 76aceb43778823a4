"""A partitioned Parquet dataset: plan partitions, read them, write and read back parts.

This is the part of the Dask path (:mod:`nkcorpus.corpus.distributed`) that runs
on the workers, and it needs neither Dask nor a cluster: fsspec (for URLs) and
pyarrow only. A dataset in folder (or URL) ``OUT`` holds::

    OUT/documents/part-000000.parquet   the documents table of part 0
    OUT/entities/part-000000.parquet    the entities table of part 0
    OUT/_parts/part-000000.json         part 0's manifest: inputs key, count, summary
    OUT/_nkcorpus.json                  written last by a finished run: its summary

The tables have the columns of :mod:`nkcorpus.corpus.outputs`, written by its
:class:`~nkcorpus.corpus.outputs.ParquetWriter`; ``document_index`` in a part's
entities table is the row in that part's documents table (:func:`read_dataset_frames`
makes it the row in the whole dataset). Parts in number order hold the documents in
input order, and the records do not depend on how the inputs were partitioned.

A part is written aside and renamed into place when complete; its manifest is
written after it. A part counts as done when its manifest exists, names the same
inputs and settings (:meth:`Partition.key`) and both its tables exist.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import uuid
import zlib
from collections.abc import Iterator, Sequence
from itertools import islice
from pathlib import Path
from typing import Any

import attrs

from nkcorpus._version import __version__
from nkcorpus.config import Config
from nkcorpus.corpus.engines import PipelineFactory, _serialize, process_batch
from nkcorpus.corpus.inputs import (
    Item,
    ReadOptions,
    _unreadable,
    detect_format,
    iter_files,
)
from nkcorpus.corpus.outputs import ParquetWriter, read_parquet
from nkcorpus.corpus.records import display_name, read_records
from nkcorpus.corpus.result import Result
from nkcorpus.corpus.summary import Summary
from nkcorpus.document import Document
from nkcorpus.errors import ConfigError, InputTooLargeError
from nkcorpus.pipeline import Input

__all__ = [
    "InputFile",
    "PackedPartition",
    "PartSettings",
    "Partition",
    "done_parts",
    "iter_partitions",
    "part_manifest",
    "part_paths",
    "plan_partitions",
    "read_dataset",
    "read_dataset_frames",
    "read_partition",
    "run_partition",
    "settings_key",
]

#: How parts are named; six digits sort a million parts in order.
_PART = "part-{:06d}"


@attrs.frozen
class InputFile:
    """One input file as the planner saw it.

    Attributes:
        path: where workers read it: an absolute local path or an fsspec URL.
        source: the name its documents carry (the path as the inputs gave it).
        kind: how to read it: ``"text"``, ``"jsonl"``, ``"csv"`` or ``"parquet"``.
        size: its size in bytes, or ``-1`` when it does not exist.
    """

    path: str
    source: str
    kind: str
    size: int


@attrs.frozen
class Partition:
    """A run of consecutive input files, processed and written as one part.

    Attributes:
        number: the part number; parts in number order hold the inputs in order.
        files: the files, in input order.
    """

    number: int
    files: tuple[InputFile, ...]

    def key(self, settings: str) -> str:
        """Return a key of the inputs (names, sizes, formats) and ``settings``."""
        data = json.dumps([settings, [attrs.astuple(f) for f in self.files]])
        return hashlib.blake2b(data.encode("utf-8"), digest_size=12).hexdigest()


@attrs.frozen
class PackedPartition:
    """A partition as one compressed blob: what a task carries instead of its file objects.

    A partition of a thousand files is a thousand small objects; packed, it is one
    ``bytes`` of some tens of bytes a file, which the scheduler and this process hold
    without scattering small objects over their heaps.

    Attributes:
        number: the part number.
        data: the files, as zlib-compressed JSON rows of :class:`InputFile` fields.
    """

    number: int
    data: bytes

    @classmethod
    def pack(cls, partition: Partition) -> PackedPartition:
        """Return ``partition`` packed."""
        rows = [attrs.astuple(file) for file in partition.files]
        return cls(partition.number, zlib.compress(json.dumps(rows).encode("utf-8")))

    def unpack(self) -> Partition:
        """Return the partition this was packed from."""
        rows = json.loads(zlib.decompress(self.data))
        return Partition(self.number, tuple(InputFile(*row) for row in rows))


def _is_url(path: str) -> bool:
    return "://" in path


def _fs(url: str) -> tuple[Any, str]:
    import fsspec.core  # type: ignore[import-untyped]

    fs, path = fsspec.core.url_to_fs(url)
    return fs, path


def _walk_order(relative: str) -> tuple[tuple[int, str], ...]:
    # The order of a local walk: in each folder its files (sorted), then its subfolders.
    *folders, name = relative.strip("/").split("/")
    return (*((1, folder) for folder in folders), (0, name))


def _list_inputs(
    inputs: Sequence[str | os.PathLike[str]], input_format: str, exclude: str | None
) -> Iterator[InputFile]:
    for item in inputs:
        name = str(item)
        if name == "-":
            raise ConfigError("the dask engine reads files, not standard input (-)")
        if _is_url(name):
            fs, root = _fs(name)
            if fs.isdir(root):
                found = fs.find(root, detail=True)
            elif fs.exists(root):
                found = {root: fs.info(root)}
            else:
                yield InputFile(name, name, detect_format(name, input_format), -1)
                continue
            for path in sorted(found, key=lambda path: _walk_order(path[len(root):])):
                if any(part.startswith(".") for part in path[len(root):].split("/")):
                    continue
                url = fs.unstrip_protocol(path)
                size = int(found[path].get("size") or 0)
                yield InputFile(url, url, detect_format(path, input_format), size)
            continue
        root_path = Path(name)
        if not root_path.exists():
            yield InputFile(os.path.abspath(name), name, detect_format(name, input_format), -1)
            continue
        for path in iter_files(root_path):
            absolute = os.path.abspath(path)
            if exclude and (absolute + os.sep).startswith(exclude + os.sep):
                continue
            size = os.stat(absolute).st_size
            yield InputFile(absolute, str(path), detect_format(path, input_format), size)


def iter_partitions(
    inputs: Sequence[str | os.PathLike[str]],
    *,
    input_format: str = "auto",
    partition_size: int = 1000,
    exclude: str | None = None,
) -> Iterator[Partition]:
    """Yield the partitions of the files of ``inputs`` as the listing finds them, in input order.

    A partition holds up to ``partition_size`` text files (one document each);
    a record file (JSON Lines, CSV, Parquet) is a partition of its own. Only file
    names and sizes are read here; the contents are read by the workers. Only the
    partition being filled is held, so a caller that consumes them one by one holds
    one partition's file list, whatever the size of the corpus.
    """
    run: list[InputFile] = []
    number = 0
    for file in _list_inputs(inputs, input_format, exclude):
        if file.kind != "text" and run:
            yield Partition(number, tuple(run))
            number, run = number + 1, []
        run.append(file)
        if file.kind != "text" or len(run) >= partition_size:
            yield Partition(number, tuple(run))
            number, run = number + 1, []
    if run:
        yield Partition(number, tuple(run))


def plan_partitions(
    inputs: Sequence[str | os.PathLike[str]],
    *,
    input_format: str = "auto",
    partition_size: int = 1000,
    exclude: str | None = None,
) -> list[Partition]:
    """Return the partitions of :func:`iter_partitions` as a list."""
    return list(
        iter_partitions(
            inputs, input_format=input_format, partition_size=partition_size, exclude=exclude
        )
    )


def read_partition(partition: Partition, reading: ReadOptions | None = None) -> Iterator[Item]:
    """Read a partition's inputs where this code runs (on a worker), lazily, in order.

    Yields what :func:`~nkcorpus.corpus.inputs.read_inputs` yields for the same files
    and ``reading`` options; a text file, record or field larger than
    ``reading.max_input_bytes`` is a failed record.
    """
    reading = reading if reading is not None else ReadOptions()
    limit = reading.max_input_bytes
    for file in partition.files:
        if file.size < 0:
            error = FileNotFoundError(f"{file.source} does not exist; check the path")
            yield Document.failed("read", error, source=file.source)
            continue
        fs, path = _fs(file.path)
        try:
            if file.kind == "text":
                if file.size > limit:
                    what = f"{display_name(file.source)} is larger than the limit"
                    too_large = InputTooLargeError(what, limit)
                    yield Document.failed("read", too_large, source=file.source)
                    continue
                yield fs.cat_file(path), file.source
                continue
            handle = fs.open(path, "rb")
        except OSError as error:
            yield _unreadable(file.source, error)
            continue
        with handle:
            yield from read_records(
                handle, file.source, file.kind, reading.text_field, reading.id_field, limit
            )


@attrs.frozen
class PartSettings:
    """What a partition task needs besides its partition: small, sent with every task.

    Attributes:
        config: the pipeline settings.
        torch_threads: torch threads per worker.
        factory: builds the worker's pipeline from ``config`` (a module-level function).
        batch_size: documents per pipeline batch.
        reading: how the inputs are read.
        output: the dataset folder or URL.
        key: :func:`settings_key` of the run.
    """

    config: Config
    torch_threads: int | None
    factory: PipelineFactory
    batch_size: int
    reading: ReadOptions
    output: str
    key: str


def settings_key(config: Config, reading: ReadOptions) -> str:
    """Return a key of what decides a part's content besides its inputs."""
    data = [config.fingerprint(), __version__, attrs.asdict(reading)]
    return hashlib.blake2b(json.dumps(data).encode(), digest_size=12).hexdigest()


def _is_local(fs: Any) -> bool:
    protocols = (fs.protocol,) if isinstance(fs.protocol, str) else tuple(fs.protocol)
    return "file" in protocols


def part_paths(output: str, number: int) -> tuple[str, str, str]:
    """Return the documents table, entities table and manifest of part ``number`` of ``output``."""
    name = _PART.format(number)
    root = output.rstrip("/")
    return (
        f"{root}/documents/{name}.parquet",
        f"{root}/entities/{name}.parquet",
        f"{root}/_parts/{name}.json",
    )


def process_items(settings: PartSettings, items: Sequence[Input | Item]) -> list[Result]:
    """Run this worker's pipeline over ``items``; a failed input stays a failed record."""
    todo = [i for i in items if not (isinstance(i, Document) and not i.ok)]
    done = iter(
        process_batch(settings.config, settings.torch_threads, todo, settings.factory)
        if todo
        else []
    )
    return [_serialize(i) if isinstance(i, Document) and not i.ok else next(done) for i in items]


def write_part(
    partition: Partition, settings: PartSettings, results: Iterator[Result]
) -> dict[str, Any]:
    """Write one part aside, move it into place, then write its manifest; return the manifest."""
    fs, root = _fs(settings.output)
    local = _is_local(fs)
    documents, entities, manifest_path = part_paths(root, partition.number)
    if local:
        for path in (documents, entities, manifest_path):
            os.makedirs(os.path.dirname(path), exist_ok=True)
    name = _PART.format(partition.number)
    stage = os.path.join(
        os.path.join(root, "_staging") if local else tempfile.gettempdir(),
        f"{name}-{uuid.uuid4().hex}",
    )
    os.makedirs(stage)
    summary = Summary()
    try:
        with ParquetWriter(os.path.join(stage, "part.parquet")) as writer:
            for result in results:
                writer.write_line(result.data)
                summary.add_result(result)
        for file, target in (("part.parquet", documents), ("part.entities.parquet", entities)):
            if local:
                os.replace(os.path.join(stage, file), target)
            else:
                fs.put_file(os.path.join(stage, file), target)
    finally:
        shutil.rmtree(stage, ignore_errors=True)
    manifest = {
        "part": partition.number,
        "key": partition.key(settings.key),
        "documents": writer.count,
        "summary": summary.to_dict(),
    }
    write_json(fs, manifest_path, manifest)
    return manifest


def write_json(fs: Any, path: str, data: dict[str, Any]) -> None:
    """Write ``data`` as JSON to ``path`` on ``fs``, atomically on a local disk."""
    text = json.dumps(data, sort_keys=True).encode("utf-8")
    if _is_local(fs):
        from nkcorpus.corpus.atomic import atomic_write

        with atomic_write(path) as handle:
            handle.write(text)
    else:
        fs.pipe_file(path, text)


def run_partition(
    partition: Partition | PackedPartition, settings: PartSettings
) -> dict[str, Any]:
    """Read, process and write one partition where it runs (a worker); return its manifest."""
    if isinstance(partition, PackedPartition):
        partition = partition.unpack()
    items = read_partition(partition, settings.reading)

    def results() -> Iterator[Result]:
        while batch := list(islice(items, settings.batch_size)):
            yield from process_items(settings, batch)

    return write_part(partition, settings, results())


def part_manifest(output: str, partition: Partition, key: str) -> dict[str, Any] | None:
    """Return the manifest of ``partition``'s part of ``output`` when it is done, else ``None``.

    A part counts when its manifest matches its partition's inputs and ``key`` and
    both its tables exist.
    """
    fs, root = _fs(output)
    documents, entities, manifest_path = part_paths(root, partition.number)
    try:
        manifest: dict[str, Any] = json.loads(fs.cat_file(manifest_path))
    except (OSError, ValueError):
        return None
    if manifest.get("key") != partition.key(key):
        return None
    if fs.exists(documents) and fs.exists(entities):
        return manifest
    return None


def done_parts(output: str, partitions: Sequence[Partition], key: str) -> dict[int, dict[str, Any]]:
    """Return the manifests of the parts of ``output`` already written for these partitions.

    See :func:`part_manifest` for when a part counts.
    """
    found: dict[int, dict[str, Any]] = {}
    for partition in partitions:
        manifest = part_manifest(output, partition, key)
        if manifest is not None:
            found[partition.number] = manifest
    return found


def _part_files(output: str, table: str) -> tuple[Any, list[str]]:
    fs, root = _fs(output)
    marker = f"{root.rstrip('/')}/_nkcorpus.json"
    try:
        parts = int(json.loads(fs.cat_file(marker))["parts"])
    except (OSError, ValueError, KeyError) as error:
        raise ConfigError(
            f"{output} is not a finished nkcorpus dataset (no readable {marker}); "
            "run it to the end, or rerun it with --resume"
        ) from error
    column = 0 if table == "documents" else 1
    return fs, [part_paths(root, number)[column] for number in range(parts)]


def read_dataset(output: str | os.PathLike[str]) -> Iterator[Document]:
    """Read the documents of a finished dataset, lazily, in input order.

    Args:
        output: the dataset folder or URL that :class:`~nkcorpus.corpus.distributed.DatasetJob`
            wrote.

    Raises:
        ConfigError: when ``output`` holds no finished run.
    """
    fs, files = _part_files(str(output), "documents")
    for path in files:
        if _is_local(fs):
            yield from read_parquet(path)
            continue
        with fs.open(path, "rb") as handle:
            yield from read_parquet(handle)


def read_dataset_frames(output: str | os.PathLike[str]) -> tuple[Any, Any]:
    """Return ``(documents, entities)`` frames of a finished dataset, in input order.

    The columns are those of :func:`~nkcorpus.corpus.frames.read_frames`; ``document_index``
    is the row of the document in the whole ``documents`` frame.
    """
    import pandas as pd

    from nkcorpus.corpus.tables import DOCUMENT_COLUMNS, ENTITY_COLUMNS
    from nkcorpus.corpus.tables import normalize_frame as _normalize

    fs, documents = _part_files(str(output), "documents")
    _, entities = _part_files(str(output), "entities")
    document_frames, entity_frames, offset = [], [], 0
    for documents_path, entities_path in zip(documents, entities, strict=True):
        with fs.open(documents_path, "rb") as handle:
            frame = pd.read_parquet(handle, columns=list(DOCUMENT_COLUMNS))
        with fs.open(entities_path, "rb") as handle:
            mentions = pd.read_parquet(handle, columns=list(ENTITY_COLUMNS))
        mentions["document_index"] += offset
        offset += len(frame)
        document_frames.append(frame)
        entity_frames.append(mentions)
    if not document_frames:
        return (
            _normalize(pd.DataFrame(columns=list(DOCUMENT_COLUMNS))),
            _normalize(pd.DataFrame(columns=list(ENTITY_COLUMNS))),
        )
    return (
        _normalize(pd.concat(document_frames, ignore_index=True)),
        _normalize(pd.concat(entity_frames, ignore_index=True)),
    )
