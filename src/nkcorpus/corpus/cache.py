"""A result cache keyed by content and settings, so reruns skip finished documents.

The key of a result is the :func:`~nkcorpus.document_id` of the input content
together with :meth:`Config.fingerprint() <nkcorpus.Config.fingerprint>` and the
nkcorpus version: the same bytes processed with the same settings by the same
version give the same document, so it is taken from the cache. Changing any
setting, upgrading nkcorpus or editing a file makes a miss. The source (path)
is not part of the key; a hit for a copy of a file under another name gets its
own source.

Only documents that came out ``ok`` are stored. Failed documents are cheap to
fail again and may succeed on a later run (a model installed, a file fixed).

The cache is one SQLite file, ``results.sqlite``, in the directory given. It is
safe to share between runs, also at the same time; delete the directory to
empty it.
"""

from __future__ import annotations

import json
import os
import sqlite3
import zlib
from collections.abc import Iterable, Sequence
from pathlib import Path

from nkcorpus._version import __version__
from nkcorpus.config import Config
from nkcorpus.corpus.result import Result

__all__ = ["ResultCache"]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS results (
    id TEXT NOT NULL,
    settings TEXT NOT NULL,
    source TEXT,
    line BLOB NOT NULL,
    language TEXT,
    labels TEXT NOT NULL,
    characters INTEGER NOT NULL,
    PRIMARY KEY (id, settings)
) WITHOUT ROWID
"""

# SQLite allows at least 999 bound parameters per statement.
_CHUNK = 900


class ResultCache:
    """Processed documents by input content and settings, stored in ``DIRECTORY/results.sqlite``.

    Args:
        directory: where the cache lives; created when missing.
        config: the settings the cached results were (or will be) made with.
    """

    def __init__(self, directory: str | os.PathLike[str], config: Config) -> None:
        self.directory = Path(directory)
        self.directory.mkdir(parents=True, exist_ok=True)
        self.path = self.directory / "results.sqlite"
        self.settings = f"{config.fingerprint()}:{__version__}"
        self._db = sqlite3.connect(self.path, timeout=60, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute(_SCHEMA)

    def __repr__(self) -> str:
        return f"ResultCache({str(self.directory)!r}, settings={self.settings!r})"

    def get_many(self, keys: Sequence[str | None]) -> dict[str, Result]:
        """Return the cached results among ``keys`` (document ids), by key.

        ``None`` keys (inputs that have no content to key) are ignored.
        """
        wanted = sorted({key for key in keys if key is not None})
        found: dict[str, Result] = {}
        for start in range(0, len(wanted), _CHUNK):
            chunk = wanted[start : start + _CHUNK]
            marks = ",".join("?" * len(chunk))
            rows = self._db.execute(
                "SELECT id, source, line, language, labels, characters FROM results "
                f"WHERE settings = ? AND id IN ({marks})",
                (self.settings, *chunk),
            )
            for key, source, line, language, labels, characters in rows:
                found[key] = Result(
                    id=key,
                    source=source,
                    line=zlib.decompress(line).decode("utf-8"),
                    status="ok",
                    language=language,
                    labels=tuple(json.loads(labels)),
                    characters=characters,
                    cached=True,
                )
        return found

    def put_many(self, items: Iterable[tuple[str, Result]]) -> int:
        """Store ``(key, result)`` pairs whose result is ok; return how many were stored."""
        rows = [
            (
                key,
                self.settings,
                result.source,
                zlib.compress(result.line.encode("utf-8"), 1),
                result.language,
                json.dumps(result.labels),
                result.characters,
            )
            for key, result in items
            if result.status == "ok" and not result.cached
        ]
        if rows:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                self._db.executemany(
                    "INSERT OR REPLACE INTO results VALUES (?, ?, ?, ?, ?, ?, ?)", rows
                )
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")
        return len(rows)

    def __len__(self) -> int:
        (count,) = self._db.execute(
            "SELECT COUNT(*) FROM results WHERE settings = ?", (self.settings,)
        ).fetchone()
        return int(count)

    def close(self) -> None:
        """Close the database file."""
        self._db.close()

    def __enter__(self) -> ResultCache:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
