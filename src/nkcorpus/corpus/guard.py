"""Checks that keep a run from destroying data: its own files, special files, a second run.

Before a run writes anything, :func:`check_paths` refuses an output (or its
spool, checkpoint, lock, entities table or the result cache) that is one of
the inputs or lies inside an input folder, where the run would read what it
writes; and an output that is a device, a named pipe or another special file,
which renaming a finished file over it would replace. :class:`OutputLock` makes
sure one run at a time writes an output: a second run fails at once and names
the first (its process id and start time). :func:`inputs_key` summarises the
files the inputs name, so that a resume after inputs changed is refused.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import stat
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import IO

from nkcorpus.corpus.inputs import display_name, input_files
from nkcorpus.errors import ConfigError, OutputError

__all__ = ["OutputLock", "check_paths", "inputs_key", "output_error"]


def _inside(path: str, folder: str) -> bool:
    """Whether ``path`` is ``folder`` or lies below it without a hidden part (walks skip those)."""
    if path == folder:
        return True
    try:
        relative = os.path.relpath(path, folder)
    except ValueError:  # another drive
        return False
    if relative == os.pardir or relative.startswith(os.pardir + os.sep):
        return False
    return not any(part.startswith(".") for part in Path(relative).parts)


def check_paths(
    inputs: Sequence[str | os.PathLike[str]],
    own: dict[str, str | os.PathLike[str]],
) -> None:
    """Refuse own files that are inputs or inside input folders, and special-file outputs.

    Args:
        inputs: the run's inputs (files, folders, ``"-"``).
        own: what the run writes, by what to call it in a message (``"the output"``,
            ``"the result cache (--cache)"``); the first entry is the output.

    Raises:
        ConfigError: naming the file, the input it collides with, and the fix.
    """
    roots = [(str(item), os.path.realpath(item)) for item in inputs if str(item) != "-"]
    for role, path in own.items():
        real = os.path.realpath(path)
        for given, root in roots:
            if real == root or (os.path.isdir(root) and _inside(real, root)):
                where = "is the input" if real == root else "lies inside the input folder"
                raise ConfigError(
                    f"{role} {display_name(str(path))} {where} {display_name(given)}: the run "
                    "would read what it writes and lose data; write it outside the inputs"
                )
    output = next(iter(own.values()), None)
    if output is not None and os.path.lexists(output):
        mode = os.stat(output).st_mode if os.path.exists(output) else 0
        if os.path.isdir(output):
            raise ConfigError(
                f"the output {display_name(str(output))} is a directory; name a file (-o)"
            )
        if mode and not stat.S_ISREG(mode):
            raise ConfigError(
                f"the output {display_name(str(output))} is a device, pipe or other special "
                "file that a finished run would replace; write to a regular file, or use "
                "-o - and redirect standard output"
            )


def inputs_key(inputs: Iterable[str | os.PathLike[str]]) -> str:
    """Return a key of every file the inputs name: path, size and modification time.

    Two listings give the same key only when no file was added, removed,
    renamed or rewritten in between. Standard input counts by name only.
    """
    digest = hashlib.blake2b(digest_size=12)
    for name, status in input_files(inputs):
        if status is None:
            entry = f"{name}\0-\n"
        else:
            entry = f"{name}\0{status.st_size}\0{status.st_mtime_ns}\n"
        digest.update(entry.encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


def output_error(path: str | os.PathLike[str], error: OSError) -> OutputError:
    """Return a one-line :class:`~nkcorpus.errors.OutputError` for a failed write of ``path``."""
    reason = error.strerror or str(error)
    hints = {
        errno.ENOSPC: "free some space or write elsewhere",
        errno.EDQUOT: "free some space or write elsewhere",
        errno.EROFS: "the file system is read-only; write elsewhere (-o)",
        errno.EACCES: "check the permissions of the folder, or write elsewhere (-o)",
        errno.EPERM: "check the permissions of the folder, or write elsewhere (-o)",
    }
    hint = hints.get(error.errno or 0, "check the folder and the disk")
    where = display_name(str(getattr(error, "filename", None) or path))
    failure = OutputError(f"cannot write {where}: {reason}; {hint}")
    failure.errno = error.errno
    return failure


class OutputLock:
    """An exclusive lock on one output, held in ``OUT.lock`` for as long as the run writes.

    The lock is an advisory ``flock`` on the lock file, so it goes away with its
    process however that ends (even SIGKILL); the file holds the process id and
    start time of the run that holds it, for the message a second run shows.
    Where ``fcntl`` is missing (Windows) the file is created exclusively instead.

    Args:
        path: the output file; the lock is ``path`` with ``.lock`` appended.
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        target = Path(path)
        self.path = target.with_name(target.name + ".lock")
        self._handle: IO[bytes] | None = None

    def _holder(self) -> str:
        try:
            text = self.path.read_text(encoding="utf-8").split()
            pid, started = text[0], float(text[1])
        except (OSError, ValueError, IndexError):
            return "another run"
        when = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(started))
        return f"another run (process {pid}, started {when})"

    def _refuse(self) -> ConfigError:
        return ConfigError(
            f"{self._holder()} is writing the same output ({self.path.name[:-5]}); wait for it "
            f"to finish or stop it (if no such run is alive, delete {self.path})"
        )

    def acquire(self) -> None:
        """Take the lock, or raise at once when another run holds it.

        Raises:
            ConfigError: naming the run that holds the lock.
            OutputError: when the lock file cannot be written.
        """
        try:
            import fcntl
        except ImportError:  # pragma: no cover - Windows
            self._acquire_exclusive()
            return
        while True:
            try:
                handle = open(self.path, "a+b")  # noqa: SIM115 - closed in release()
            except OSError as error:
                raise output_error(self.path, error) from error
            try:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                handle.close()
                raise self._refuse() from None
            # The holder before us may have removed the file after we opened it.
            try:
                same = os.path.samestat(os.fstat(handle.fileno()), os.stat(self.path))
            except FileNotFoundError:
                same = False
            if same:
                break
            handle.close()
        self._write(handle)

    def _write(self, handle: IO[bytes]) -> None:
        try:
            handle.truncate(0)
            handle.write(f"{os.getpid()} {time.time():.3f}\n".encode())
            handle.flush()
        except OSError as error:
            handle.close()
            raise output_error(self.path, error) from error
        self._handle = handle

    def _acquire_exclusive(self) -> None:  # pragma: no cover - Windows
        try:
            fd = os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_RDWR)
        except FileExistsError:
            raise self._refuse() from None
        except OSError as error:
            raise output_error(self.path, error) from error
        self._write(open(fd, "r+b"))  # noqa: SIM115 - closed in release()

    def release(self) -> None:
        """Remove the lock file and let go of the lock."""
        if self._handle is None:
            return
        with contextlib.suppress(OSError):
            self.path.unlink()
        self._handle.close()
        self._handle = None

    def __enter__(self) -> OutputLock:
        self.acquire()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.release()
