"""A result cache keyed by content and settings, so reruns skip finished documents.

The key of a result is the :func:`~nkcorpus.document_id` of the input content
together with the key of what produced it,
:meth:`Pipeline.fingerprint() <nkcorpus.Pipeline.fingerprint>`: every stage's
name, version and parameters, the identity (path, size, modification time) of
every file the stages read (alias lists, model folders) and the nkcorpus
version. The same bytes processed by the same stages with the same files give
the same document, so it is taken from the cache. Changing any setting,
editing an alias file, installing a model, running other stages, upgrading
nkcorpus or editing an input makes a miss. The source (path)
is not part of the key; a hit for a copy of a file under another name gets its
own source.

Only documents that came out ``ok`` are stored. Failed documents are cheap to
fail again and may succeed on a later run (a model installed, a file fixed).

A result is stored as the exact JSON line the first run wrote, with the few
counts a summary needs beside it, so a hit costs one row read per document
(looked up a batch at a time, in one query) and no :class:`~nkcorpus.Document`
is rebuilt: the line goes to the output as it is, only its ``source`` changed
when the same content comes from another file. Lines are stored uncompressed (as
UTF-8 bytes), so the cache takes about as much disk as the JSON Lines output of the
documents it holds.

The cache is one SQLite file, ``results.sqlite``, in the directory given
(write-ahead logging on). It is safe to share between runs, also at the same
time; delete the directory to empty it. A damaged database file, or a cache
path that is not a folder, is a clear :class:`~nkcorpus.errors.ConfigError`.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable, Sequence
from pathlib import Path

from nkcorpus._version import __version__
from nkcorpus.config import Config
from nkcorpus.corpus.result import Result
from nkcorpus.errors import ConfigError

__all__ = ["ResultCache"]

# The layout of the stored rows; part of every key, so that rows another layout
# wrote are never read as this one.
_LAYOUT = "lines1"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS lines (
    id TEXT NOT NULL,
    settings TEXT NOT NULL,
    source TEXT,
    line TEXT NOT NULL,
    language TEXT,
    labels TEXT NOT NULL,
    characters INTEGER NOT NULL,
    PRIMARY KEY (id, settings)
) WITHOUT ROWID
"""

# SQLite allows at least 999 bound parameters per statement.
_CHUNK = 900

# Entity labels are stored joined by this character; a result with an empty label
# or one that holds it is not stored (labels are short names such as PER or GPE).
_LABEL_SEPARATOR = "\x1f"


def _labels(text: str) -> tuple[str, ...]:
    return tuple(text.split(_LABEL_SEPARATOR)) if text else ()


class ResultCache:
    """Processed documents by input content and settings, stored in ``DIRECTORY/results.sqlite``.

    Args:
        directory: where the cache lives; created when missing.
        config: the settings the cached results were (or will be) made with.
        key: the key of what produces the results,
            :meth:`Pipeline.fingerprint() <nkcorpus.Pipeline.fingerprint>`; by default
            that of ``Pipeline(config)``.

    Raises:
        ConfigError: when ``directory`` is a file, cannot be created, or holds a
            damaged database.
    """

    def __init__(
        self, directory: str | os.PathLike[str], config: Config, *, key: str | None = None
    ) -> None:
        self.directory = Path(directory)
        if self.directory.exists() and not self.directory.is_dir():
            raise ConfigError(
                f"the result cache {self.directory} (--cache) is a file, not a folder; name a "
                "folder, or run with --no-cache"
            )
        if key is None:
            from nkcorpus.pipeline import Pipeline

            key = Pipeline(config).fingerprint()
        self.path = self.directory / "results.sqlite"
        self.settings = f"{key}:{__version__}:{_LAYOUT}"
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path, timeout=60, isolation_level=None)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute(_SCHEMA)
        except (OSError, sqlite3.Error) as error:
            raise self._damaged(error) from error

    def _damaged(self, error: Exception) -> ConfigError:
        if isinstance(error, sqlite3.DatabaseError) and not isinstance(
            error, sqlite3.OperationalError
        ):
            return ConfigError(
                f"the result cache {self.path} is damaged ({error}); delete {self.directory} "
                "to start an empty cache, or run with --no-cache"
            )
        return ConfigError(
            f"cannot use the result cache {self.path} (--cache): {error}; choose another "
            "folder, or run with --no-cache"
        )

    def __repr__(self) -> str:
        return f"ResultCache({str(self.directory)!r}, settings={self.settings!r})"

    def get_many(self, keys: Sequence[str | None]) -> dict[str, Result]:
        """Return the cached results among ``keys`` (document ids), by key.

        ``None`` keys (inputs that have no content to key) are ignored. Up to 900
        keys are looked up in one query.
        """
        wanted = list({key: None for key in keys if key is not None})
        found: dict[str, Result] = {}
        for start in range(0, len(wanted), _CHUNK):
            chunk = wanted[start : start + _CHUNK]
            marks = ",".join("?" * len(chunk))
            try:
                rows = self._db.execute(
                    "SELECT id, source, line, language, labels, characters FROM lines "
                    f"WHERE settings = ? AND id IN ({marks})",
                    (self.settings, *chunk),
                ).fetchall()
            except sqlite3.Error as error:
                raise self._damaged(error) from error
            for key, source, line, language, labels, characters in rows:
                data = line if isinstance(line, bytes) else line.encode("utf-8")
                found[key] = Result(
                    key, source, data, "ok", language, _labels(labels), None, characters, True
                )
        return found

    def put_many(self, items: Iterable[tuple[str, Result]]) -> int:
        """Store ``(key, result)`` pairs whose result is ok; return how many were stored."""
        rows = [
            (
                key,
                self.settings,
                result.source,
                result.data,  # UTF-8 bytes as they are, not a Python string of them
                result.language,
                _LABEL_SEPARATOR.join(result.labels),
                result.characters,
            )
            for key, result in items
            if result.status == "ok"
            and not result.cached
            and not any(_LABEL_SEPARATOR in label or not label for label in result.labels)
        ]
        if rows:
            try:
                self._db.execute("BEGIN IMMEDIATE")
                try:
                    self._db.executemany(
                        "INSERT OR REPLACE INTO lines VALUES (?, ?, ?, ?, ?, ?, ?)", rows
                    )
                except BaseException:
                    self._db.execute("ROLLBACK")
                    raise
                self._db.execute("COMMIT")
            except sqlite3.Error as error:
                raise self._damaged(error) from error
        return len(rows)

    def __len__(self) -> int:
        (count,) = self._db.execute(
            "SELECT COUNT(*) FROM lines WHERE settings = ?", (self.settings,)
        ).fetchone()
        return int(count)

    def close(self) -> None:
        """Close the database file."""
        self._db.close()

    def __enter__(self) -> ResultCache:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
