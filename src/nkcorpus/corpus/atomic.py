"""Atomic file writes: a reader sees the old file or the whole new one, never half of one.

Data goes to a temporary file in the same directory, is flushed and fsynced,
and is then renamed over the target (``os.replace`` is atomic on POSIX and
Windows). The directory is fsynced too, so the rename survives a power cut.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import IO

__all__ = ["atomic_write", "fsync_directory", "temporary_path"]


def temporary_path(path: str | os.PathLike[str]) -> Path:
    """Return the temporary name :func:`atomic_write` uses for ``path`` in this process."""
    target = Path(path)
    return target.with_name(f".{target.name}.{os.getpid()}.tmp")


def fsync_directory(path: str | os.PathLike[str]) -> None:
    """Flush the directory entry of ``path`` to disk (a no-op where that is impossible)."""
    directory = Path(path).parent
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:  # Windows cannot open directories
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


@contextlib.contextmanager
def atomic_write(
    path: str | os.PathLike[str], mode: str = "wb", *, sync_directory: bool = True
) -> Iterator[IO[bytes]]:
    """Open a temporary file that replaces ``path`` only when the block ends without error.

    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "out.txt"
    >>> with atomic_write(target) as handle:
    ...     _ = handle.write(b"done")
    >>> target.read_bytes()
    b'done'

    Args:
        path: the file to create or replace.
        mode: ``"wb"`` (the default); the handle is a binary file.
        sync_directory: also fsync the directory, so that the rename itself survives a
            power cut. Leave it off only where the previous version of the file is
            still a valid state to come back to (a checkpoint).

    Yields:
        The open temporary file. On an exception it is removed and ``path`` is left as it was.
    """
    if mode != "wb":
        raise ValueError(f"atomic_write opens files in 'wb' mode only, got {mode!r}")
    target = Path(path)
    tmp = temporary_path(target)
    handle = open(tmp, "wb")  # noqa: SIM115 - closed below on every path
    try:
        yield handle
        handle.flush()
        os.fsync(handle.fileno())
        handle.close()
        os.replace(tmp, target)
        if sync_directory:
            fsync_directory(target)
    except BaseException:
        handle.close()
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise
