"""Readers: turn paths, directories and standard input into pipeline inputs.

Four kinds of input are read, each streamed so that memory stays flat however
large the corpus is:

* a text file (any encoding; the pipeline detects it) is one document;
* a directory is walked recursively, names sorted, the files of a folder
  before its subfolders, hidden entries skipped;
* a JSON Lines file (``.jsonl``, ``.ndjson``), a CSV file (``.csv``) or a
  Parquet file (``.parquet``) holds one document per record, its text in the
  *text field* (``"text"`` unless told otherwise);
* ``"-"`` is standard input: one document, or records when a record format is named.

A reader never raises for one bad file or record: whatever cannot be read
becomes a failed :class:`~nkcorpus.Document` (stage ``"read"``) in its place, so
the count of outputs always equals the count of inputs.

Record ids. :attr:`Document.id <nkcorpus.Document.id>` is always derived from the
content, so identical texts share an id wherever they come from. The id a
record carries in its *id field* is kept in :attr:`Document.source
<nkcorpus.Document.source>` as ``"PATH#ID"``; a record without an id field is
named by its position, ``"PATH:N"`` (N is the line number in a JSON Lines
file, the data row number in a CSV file, the row number in a Parquet file, all
counted from 1). :func:`record_id` gives the id part back.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

import attrs

from nkcorpus.corpus.records import Item, display_name, read_records
from nkcorpus.document import Document
from nkcorpus.errors import ConfigError, InputError, InputTooLargeError
from nkcorpus.validators import changed, one_of, whole_number

__all__ = [
    "DEFAULT_MAX_INPUT_BYTES",
    "INPUT_FORMATS",
    "InputTooLargeError",
    "Item",
    "ReadOptions",
    "detect_format",
    "display_name",
    "input_files",
    "iter_files",
    "read_inputs",
    "record_id",
]

#: The values ``input_format`` accepts. ``"auto"`` reads ``.jsonl``/``.ndjson``,
#: ``.csv`` and ``.parquet`` files as records and anything else as one document.
INPUT_FORMATS = ("auto", "text", "jsonl", "csv", "parquet")

_SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".parquet": "parquet"}


def iter_files(path: Path) -> Iterator[Path]:
    """Yield the files under ``path`` (itself if a file), sorted, skipping hidden ones.

    The walk keeps its own stack, so folders nested thousands deep are walked
    like shallow ones; a folder that cannot be listed is left out.
    """
    for name in _file_names(path):
        yield Path(name)


def _file_names(path: Path, errors: list[tuple[str, OSError]] | None = None) -> Iterator[str]:
    # Depth first, names sorted, the files of a folder before its subfolders; iterative
    # (no recursion limit). Symbolic links to folders are not followed (no cycles).
    if not path.is_dir():
        yield str(path)
        return
    stack: list[Iterator[str]] = [iter([str(path)])]
    while stack:
        folder = next(stack[-1], None)
        if folder is None:
            stack.pop()
            continue
        try:
            with os.scandir(folder) as entries:
                listing = [(entry.name, entry.is_dir(follow_symlinks=False)) for entry in entries]
        except OSError as error:
            if errors is not None:
                errors.append((folder, error))
            continue
        listing.sort()
        prefix = "" if folder == "." else os.path.join(folder, "")
        yield from (prefix + name for name, is_dir in listing if not is_dir and name[0] != ".")
        stack.append(iter([prefix + name for name, is_dir in listing if is_dir and name[0] != "."]))


#: The largest input read by default (256 MiB). A text file, a JSON Lines line, a CSV field
#: or a Parquet value above this many bytes becomes a failed record (``--max-input-size``).
DEFAULT_MAX_INPUT_BYTES = 256 * 1024 * 1024


@attrs.frozen(kw_only=True)
class ReadOptions:
    """How inputs are read: by :func:`read_inputs`, a :class:`~nkcorpus.corpus.job.Job`
    and the workers of a :class:`~nkcorpus.corpus.distributed.DatasetJob`.

    >>> ReadOptions(input_format="jsonl", text_field="body").max_input_bytes == 256 * 1024**2
    True

    Attributes:
        input_format: ``"auto"`` (by file suffix), ``"text"``, ``"jsonl"``, ``"csv"`` or
            ``"parquet"``; ``"-"`` is one text document unless a record format is named.
        text_field: the field (column) of a record that holds the document text.
        id_field: the field of a record that holds its id, kept in the source as
            ``"PATH#ID"``; records are named ``"PATH:N"`` without one.
        max_input_bytes: the largest text file, JSON line, CSV field or Parquet value
            read; a larger one becomes a failed record.

    Raises:
        ConfigError: for an unknown format or a size below 1.
    """

    input_format: str = attrs.field(default="auto", validator=one_of(INPUT_FORMATS))
    text_field: str = "text"
    id_field: str | None = None
    max_input_bytes: int = attrs.field(default=DEFAULT_MAX_INPUT_BYTES, validator=whole_number(1))

    def updated(self, **changes: Any) -> ReadOptions:
        """Return a copy with ``changes`` applied (and checked).

        Raises:
            ConfigError: for a name that is not a reading setting, or a bad value.
        """
        updated: ReadOptions = changed(self, changes)
        return updated


def _read_file(name: str, limit: int) -> bytes:
    # O_NONBLOCK: opening a FIFO must not wait for a writer; the fstat below refuses it.
    fd = os.open(name, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    with open(fd, "rb", buffering=0) as handle:
        _check_regular(name, os.fstat(fd), limit)
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        data = handle.read(limit + 1)
        if data is None:  # pragma: no cover - a regular file never blocks
            data = b""
    if len(data) > limit:
        raise InputTooLargeError(f"{display_name(name)} is larger than the limit", limit)
    return data


def _check_regular(name: str, status: os.stat_result, limit: int | None) -> None:
    if not stat.S_ISREG(status.st_mode):
        kind = (
            "a named pipe (FIFO)"
            if stat.S_ISFIFO(status.st_mode)
            else "a device"
            if stat.S_ISCHR(status.st_mode) or stat.S_ISBLK(status.st_mode)
            else "a socket"
            if stat.S_ISSOCK(status.st_mode)
            else "not a regular file"
        )
        raise InputError(
            f"{display_name(name)} is {kind}, not a regular file; nkcorpus reads regular files "
            "only (pipe a stream in with - instead)"
        )
    if limit is not None and status.st_size > limit:
        raise InputTooLargeError(f"{display_name(name)} is larger than the limit", limit)


def detect_format(path: str | os.PathLike[str], requested: str = "auto") -> str:
    """Return how to read ``path``: ``"text"``, ``"jsonl"``, ``"csv"`` or ``"parquet"``.

    >>> detect_format("letters/2019.jsonl"), detect_format("page.txt")
    ('jsonl', 'text')
    """
    if requested not in INPUT_FORMATS:
        raise ConfigError(
            f"input format must be one of {', '.join(INPUT_FORMATS)}; got {requested!r}"
        )
    if requested != "auto":
        return requested
    return _SUFFIXES.get(Path(path).suffix.lower(), "text")


def record_id(source: str | None) -> str | None:
    """Return the record id kept in a source such as ``"corpus.jsonl#A-17"``, or ``None``.

    >>> record_id("corpus.jsonl#A-17"), record_id("corpus.jsonl:3"), record_id(None)
    ('A-17', None, None)
    """
    if not source or "#" not in source:
        return None
    return source.rpartition("#")[2]


class _Skip:
    """Counts down the inputs a resumed run has already written."""

    def __init__(self, count: int) -> None:
        self.remaining = count

    def take(self) -> bool:
        if self.remaining > 0:
            self.remaining -= 1
            return True
        return False


def input_files(
    inputs: Iterable[str | os.PathLike[str]],
) -> Iterator[tuple[str, os.stat_result | None]]:
    """Yield every file the inputs name (in reading order) with its status, ``None`` if gone.

    ``"-"`` is yielded as it is, with no status. A run uses this listing to tell
    whether its inputs changed between a killed run and its resume.
    """
    for item in inputs:
        if str(item) == "-":
            yield "-", None
            continue
        for name in _file_names(Path(item)):
            try:
                yield name, os.stat(name)
            except OSError:
                yield name, None


def read_inputs(
    inputs: Iterable[str | os.PathLike[str]],
    stdin: BinaryIO | None = None,
    options: ReadOptions | None = None,
    *,
    skip: int = 0,
    **changes: Any,
) -> Iterator[Item]:
    """Yield one pipeline input per document named by ``inputs``, in order.

    Args:
        inputs: files, directories (walked in sorted order, however deep) or ``"-"``.
        stdin: the stream ``"-"`` reads (default: the process's standard input).
        options: how to read (:class:`ReadOptions`; its defaults when ``None``).
        skip: leave out the first ``skip`` inputs (a resumed run); text files among
            them are not even read.
        **changes: fields of :class:`ReadOptions` to change (``text_field="body"``).

    Yields:
        ``(bytes or str, source)`` pairs, or failed documents for what cannot be
        read: a missing path, an unreadable file, a named pipe or device, a file
        over the size limit, a broken JSON line, a record without its text field,
        text holding lone surrogates. Sources are always valid text (undecodable
        bytes of a file name are shown as ``\\xNN``).

    Raises:
        ConfigError: for a setting that is not a reading setting, or a bad value.
    """
    settings = (options if options is not None else ReadOptions()).updated(**changes)
    input_format, text_field, id_field = (
        settings.input_format, settings.text_field, settings.id_field
    )
    skipper = _Skip(skip)
    limit = settings.max_input_bytes
    for item in inputs:
        if str(item) == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            if input_format in ("auto", "text"):
                if not skipper.take():
                    data = stream.read(limit + 1)
                    if len(data) > limit:
                        big = InputTooLargeError("standard input is larger than the limit", limit)
                        yield Document.failed("read", big, source="<stdin>")
                    else:
                        yield data, "<stdin>"
                continue
            records = read_records(stream, "<stdin>", input_format, text_field, id_field, limit)
            yield from _drop(skipper, records)
            continue
        root = Path(item)
        if not os.path.lexists(root):
            if not skipper.take():
                missing = display_name(str(root))
                error = FileNotFoundError(f"{missing} does not exist; check the path")
                yield Document.failed("read", error, source=display_name(str(root)))
            continue
        walk_errors: list[tuple[str, OSError]] = []
        for path in _file_names(root, walk_errors):
            while walk_errors:
                folder, walk_error = walk_errors.pop(0)
                if not skipper.take():
                    yield _unreadable(folder, walk_error)
            if input_format == "auto":
                kind = _SUFFIXES.get(os.path.splitext(path)[1].lower(), "text")
            else:
                kind = input_format
            if kind == "text":
                if skipper.take():
                    continue
                try:
                    data = _read_file(path, limit)
                except InputError as error:
                    yield Document.failed("read", error, source=display_name(path))
                    continue
                except OSError as error:
                    yield _unreadable(path, error)
                    continue
                yield data, display_name(path)
                continue
            try:
                fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
            except OSError as error:
                if not skipper.take():
                    yield _unreadable(path, error)
                continue
            handle = open(fd, "rb")  # noqa: SIM115 - closed in finally
            try:
                try:
                    _check_regular(path, os.fstat(fd), None)
                    os.set_blocking(fd, True)
                except InputError as error:
                    if not skipper.take():
                        yield Document.failed("read", error, source=display_name(path))
                    continue
                name = display_name(path)
                records = read_records(handle, name, kind, text_field, id_field, limit)
                yield from _drop(skipper, records)
            finally:
                handle.close()
        while walk_errors:
            folder, walk_error = walk_errors.pop(0)
            if not skipper.take():
                yield _unreadable(folder, walk_error)


def _drop(skipper: _Skip, items: Iterator[Item]) -> Iterator[Item]:
    for item in items:
        if not skipper.take():
            yield item


def _unreadable(path: str, error: OSError) -> Document:
    reason = error.strerror or str(error)
    name = display_name(path)
    failure = InputError(f"cannot read {name}: {reason} ({type(error).__name__}); check it")
    return Document.failed("read", failure, source=name)
