"""Readers: turn paths, directories and standard input into pipeline inputs.

A reader never raises for one bad file: a file that cannot be read becomes a
failed :class:`~nkcorpus.Document` (stage ``"read"``) in its place, so the
count of outputs always equals the count of inputs.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from nkcorpus.document import Document

__all__ = ["iter_files", "read_inputs"]


def iter_files(path: Path) -> Iterator[Path]:
    """Yield the files under ``path`` (itself if a file), sorted, skipping hidden ones."""
    if not path.is_dir():
        yield path
        return
    for root, dirs, files in os.walk(path):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root) / name


def read_inputs(
    inputs: Iterable[str | os.PathLike[str]], stdin: BinaryIO | None = None
) -> Iterator[tuple[bytes, str] | Document]:
    """Yield ``(bytes, source)`` for each file named by ``inputs``, in order.

    Directories are walked recursively in sorted order; ``"-"`` reads standard
    input as one document. A path that does not exist or cannot be read yields
    a failed document instead, with a message that names the path.
    """
    for item in inputs:
        if str(item) == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield stream.read(), "<stdin>"
            continue
        root = Path(item)
        if not root.exists():
            error = FileNotFoundError(f"{root} does not exist; check the path")
            yield Document.failed("read", error, source=str(root))
            continue
        for path in iter_files(root):
            try:
                data = path.read_bytes()
            except OSError as error:
                reason = error.strerror or str(error)
                failure = type(error)(f"cannot read {path}: {reason}; check its permissions")
                yield Document.failed("read", failure, source=str(path))
                continue
            yield data, str(path)
