"""Loaded models and other costly objects, held by whoever owns them and released on request.

A :class:`Resources` store holds what stages load from files: Stanza pipelines,
CTranslate2 translators, whole pipelines. Each object is kept under a key and the
identity of the files it was loaded from (path, size and modification time of
each, :func:`resource_identity`): when a file changes, the next :meth:`Resources.get`
loads the object again. :meth:`Resources.close` releases everything; a later
:meth:`~Resources.get` loads again.

A :class:`~nkcorpus.Pipeline` owns one store (its own, or one passed in to share
models between pipelines), hands it to its stages and closes it in
:meth:`Pipeline.close() <nkcorpus.Pipeline.close>`.

>>> store = Resources()
>>> store.get("answer", lambda: 42)
42
>>> store.get("answer", lambda: 0)  # already loaded
42
>>> store.close()
>>> len(store)
0
"""

from __future__ import annotations

import hashlib
import logging
import os
import sys
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable
from typing import Any, TypeVar, cast

import attrs

__all__ = ["Resources", "T", "fix_torch_threads", "resource_identity", "set_torch_threads"]

logger = logging.getLogger(__name__)

#: The type of an object a :class:`Resources` store keeps (the ``loader``'s result).
T = TypeVar("T")

# Folders with more files than this count by their own entry only (a model folder
# holds a few dozen files; a home directory named by mistake is not walked).
_MAX_FILES = 10_000


def resource_identity(paths: Iterable[str | os.PathLike[str]]) -> str:
    """Return a key of the files ``paths`` name: each file's path, size and modification time.

    A folder counts by every file below it (walked without recursion, up to 10,000
    files). A missing path counts as missing, so installing it changes the key.

    >>> resource_identity([]) == resource_identity([])
    True
    """
    digest = hashlib.blake2b(digest_size=12)
    for item in paths:
        root = os.path.abspath(item)
        entries = []
        stack = [root]
        steps = 0
        while stack and steps < _MAX_FILES:
            steps += 1
            path = stack.pop()
            try:
                status = os.stat(path)
            except OSError:
                entries.append(f"{path}\0missing")
                continue
            if os.path.isdir(path) and (path == root or not os.path.islink(path)):
                try:
                    stack.extend(os.path.join(path, name) for name in os.listdir(path))
                except OSError:
                    entries.append(f"{path}\0unreadable")
            else:
                entries.append(f"{path}\0{status.st_size}\0{status.st_mtime_ns}")
        for entry in sorted(entries):
            digest.update(entry.encode("utf-8", "surrogateescape") + b"\n")
    return digest.hexdigest()


# The torch thread count this process set, as (process id, threads).
_TORCH_THREADS: tuple[int, int] | None = None
# The count a worker process was started with, as (process id, threads): it wins over
# the count a stage asks for.
_FIXED_THREADS: tuple[int, int] | None = None
_TORCH_LOCK = threading.Lock()


def fix_torch_threads(threads: int | None) -> None:
    """Fix torch's thread count for this process (a worker, when it starts).

    Set at once when torch is already loaded, otherwise when a stage first loads a torch
    model (:func:`set_torch_threads`); the stages' own thread settings no longer change
    it. Nothing is imported here, and no environment variable is written: a worker that
    runs no torch model never loads torch. ``None`` leaves the count to the stages.
    """
    global _FIXED_THREADS
    _FIXED_THREADS = None if threads is None else (os.getpid(), threads)
    if threads is not None and "torch" in sys.modules:
        set_torch_threads(threads)


def set_torch_threads(threads: int | None) -> None:
    """Set torch's thread count for this process, once: later calls with the same count do nothing.

    ``None`` leaves torch's default. Called when a stage first loads a torch model
    in a process, not on every use of the model.
    """
    global _TORCH_THREADS
    if _FIXED_THREADS is not None and _FIXED_THREADS[0] == os.getpid():
        threads = _FIXED_THREADS[1]
    if threads is None:
        return
    with _TORCH_LOCK:
        if (os.getpid(), threads) == _TORCH_THREADS:
            return
        import torch

        if torch.get_num_threads() != threads:
            torch.set_num_threads(threads)
        _TORCH_THREADS = (os.getpid(), threads)


@attrs.define
class _Entry:
    identity: str
    value: Any
    release: Callable[[Any], None] | None


class Resources:
    """A store of loaded objects, each kept under a key and the identity of its files.

    Args:
        limit: the most objects kept; the least recently used one is released to
            make room. ``None`` keeps everything until :meth:`close`.

    The store is safe to share between threads (loading happens under a lock, so
    one object is loaded once). Objects loaded in another process are never used:
    a forked child loads its own, and a pickled store (a pipeline sent to a worker)
    arrives empty, with its limit.
    """

    def __init__(self, limit: int | None = None) -> None:
        if limit is not None and limit < 1:
            raise ValueError(f"limit must be at least 1 or None, got {limit}")
        self.limit = limit
        self._entries: OrderedDict[Hashable, _Entry] = OrderedDict()
        self._lock = threading.RLock()
        self._pid = os.getpid()

    def __getstate__(self) -> dict[str, Any]:
        return {"limit": self.limit}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["limit"])  # type: ignore[misc]

    def __len__(self) -> int:
        with self._lock:
            self._check_process()
            return len(self._entries)

    def __repr__(self) -> str:
        return f"<Resources: {len(self)} loaded>"

    def _check_process(self) -> None:
        if os.getpid() != self._pid:
            # Forked: the parent's objects (and their threads) are not ours to use or release.
            self._entries = OrderedDict()
            self._pid = os.getpid()

    def get(
        self,
        key: Hashable,
        loader: Callable[[], T],
        *,
        files: Iterable[str | os.PathLike[str]] = (),
        release: Callable[[T], None] | None = None,
    ) -> T:
        """Return the object kept under ``key``, loading it with ``loader`` when needed.

        Args:
            key: what identifies the object besides its files (a model path and the
                settings it was loaded with).
            loader: makes the object; called when there is none under ``key`` or when
                the identity of ``files`` changed since it was loaded.
            files: the files and folders the object is loaded from.
            release: called with the object when the store lets it go (:meth:`close`,
                a changed file, the ``limit``); nothing is called when ``None``.
        """
        identity = resource_identity(files)
        with self._lock:
            self._check_process()
            entry = self._entries.get(key)
            if entry is not None and entry.identity == identity:
                self._entries.move_to_end(key)
                return cast(T, entry.value)
            if entry is not None:
                logger.info("a file of %r changed: loading it again", key)
                self._release(self._entries.pop(key))
            value = loader()
            self._entries[key] = _Entry(identity, value, cast("Callable[[Any], None]", release))
            while self.limit is not None and len(self._entries) > self.limit:
                _key, oldest = self._entries.popitem(last=False)
                self._release(oldest)
            return value

    @staticmethod
    def _release(entry: _Entry) -> None:
        if entry.release is None:
            return
        try:
            entry.release(entry.value)
        except Exception:  # one object that fails to let go must not keep the others
            logger.warning("releasing %r failed", entry.value, exc_info=True)

    def close(self) -> None:
        """Release every object; the store stays usable and loads again when asked."""
        with self._lock:
            self._check_process()
            entries = list(self._entries.values())
            self._entries.clear()
        for entry in entries:
            self._release(entry)

    def __enter__(self) -> Resources:
        return self

    def __exit__(self, *_exc_info: object) -> None:
        self.close()
