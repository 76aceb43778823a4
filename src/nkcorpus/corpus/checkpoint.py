"""Output that survives a killed run: an append-only spool and a checkpoint of what is done.

While a run writes ``OUT``, documents are appended as JSON lines to
``OUT.part`` (the *spool*). About once a second (and at the end) the spool is
flushed and fsynced, and only then is ``OUT.checkpoint`` replaced atomically
with the number of records written, the byte length of the spool that holds
them, the settings of the run and the summary counts so far. Lines past that
length were written by a run that died before it could commit them; a resumed
run writes them again.

Resuming (``--resume``) reads the checkpoint, checks the settings and the
input files (names, sizes, modification times) are the same,
cuts the spool back to the committed length, and carries on with the input
after the last committed record. The output is then the same as an
uninterrupted run's: no record twice, none missing. (Documents carry how long
each step took, :attr:`Step.seconds <nkcorpus.Step.seconds>`; those differ from
run to run; everything else is identical.)

When every record is in, the checkpoint is marked complete, the spool becomes
``OUT`` (renamed for JSON Lines, converted for Parquet), and the checkpoint is
removed. ``OUT`` therefore appears only when it is whole.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any

import attrs

from nkcorpus.corpus.atomic import atomic_write, fsync_directory
from nkcorpus.corpus.result import Result
from nkcorpus.corpus.summary import Summary
from nkcorpus.errors import ConfigError

__all__ = ["Checkpoint", "ResumableOutput"]


@attrs.frozen
class Checkpoint:
    """What a run has committed.

    Attributes:
        settings: a key of the run's settings and inputs; a resume must match it.
        records: how many records (inputs) are done.
        offset: the byte length of the spool that holds those records.
        complete: whether every input is done.
        summary: the summary counts of the committed records.
        inputs: a key of the input files (see :func:`~nkcorpus.corpus.guard.inputs_key`).
    """

    settings: str
    records: int = 0
    offset: int = 0
    complete: bool = False
    summary: dict[str, Any] = attrs.field(factory=dict, hash=False)
    inputs: str = ""

    def to_json(self) -> bytes:
        """Return the checkpoint as JSON bytes."""
        return json.dumps(attrs.asdict(self), sort_keys=True).encode("utf-8")

    @classmethod
    def from_json(cls, data: bytes) -> Checkpoint:
        """Read a checkpoint written by :meth:`to_json`.

        Raises:
            ValueError: when ``data`` is not a checkpoint (a damaged file).
        """
        values = json.loads(data)
        if not isinstance(values, dict):
            raise ValueError(f"a JSON {type(values).__name__}, not an object")
        checkpoint = cls(
            settings=str(values["settings"]),
            records=int(values["records"]),
            offset=int(values["offset"]),
            complete=bool(values["complete"]),
            summary=dict(values.get("summary") or {}),
            inputs=str(values.get("inputs", "")),
        )
        if checkpoint.records < 0 or checkpoint.offset < 0:
            raise ValueError("negative counts")
        return checkpoint


class ResumableOutput:
    """The spool and checkpoint of one output file.

    Args:
        path: the final output file.
        settings: a key of everything that decides the output (settings, inputs);
            :meth:`open` refuses to resume a run made with other settings.
        resume: carry on from the checkpoint when there is one; otherwise start over.
        commit_seconds: the least time between two commits (0 commits every append).
        inputs: a key of the input files; :meth:`open` refuses to resume when it changed.
        renamed: whether the output is the spool renamed (JSON Lines), so that a finished
            output must have the spool's committed length.
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        settings: str,
        *,
        resume: bool,
        commit_seconds: float = 1.0,
        inputs: str = "",
        renamed: bool = False,
    ) -> None:
        self.renamed = renamed
        self.path = Path(path)
        self.spool = self.path.with_name(self.path.name + ".part")
        self.checkpoint_path = self.path.with_name(self.path.name + ".checkpoint")
        self.settings = settings
        self.inputs = inputs
        self.resume = resume
        self.state = Checkpoint(settings, inputs=inputs)
        self.commit_seconds = commit_seconds
        self._handle: IO[bytes] | None = None
        self._records = 0
        self._last_commit = 0.0

    def open(self) -> tuple[int, Summary]:
        """Prepare the spool; return how many records are already done and their summary.

        Raises:
            ConfigError: when resuming a run that had other settings or inputs.
        """
        state = Checkpoint(self.settings, inputs=self.inputs)
        if self.resume and self.checkpoint_path.exists():
            found = self._read_checkpoint()
            if found.settings != self.settings:
                raise ConfigError(
                    f"{self.checkpoint_path} belongs to a run with other settings or inputs; "
                    "resume with the same command line, or run without --resume to start over"
                )
            if found.inputs != self.inputs:
                raise ConfigError(
                    "the input files changed since the run being resumed (files added, "
                    "removed or rewritten), so a resume would repeat or miss records; run "
                    "without --resume to start over"
                )
            state = found
        if state.complete and not self.spool.exists() and self.path.exists():
            if self.renamed and self.path.stat().st_size != state.offset:
                raise ConfigError(
                    f"{self.path} is not the file {self.checkpoint_path} describes (it has "
                    f"{self.path.stat().st_size:,} bytes, not {state.offset:,}); something else "
                    "wrote it. Run without --resume to start over"
                )
            self.state = state
            return state.records, Summary.from_dict(state.summary)
        if state.records and (not self.spool.exists() or self.spool.stat().st_size < state.offset):
            raise ConfigError(
                f"{self.spool} is missing or shorter than {self.checkpoint_path} records; "
                "run without --resume to start over"
            )
        try:
            self._open_spool(state)
        except BaseException:
            if not state.records:  # nothing of an earlier run is at stake
                self.spool.unlink(missing_ok=True)
                self.checkpoint_path.unlink(missing_ok=True)
            raise
        return state.records, Summary.from_dict(state.summary)

    def _read_checkpoint(self) -> Checkpoint:
        try:
            return Checkpoint.from_json(self.checkpoint_path.read_bytes())
        except (ValueError, KeyError, TypeError) as error:
            raise ConfigError(
                f"{self.checkpoint_path} is damaged ({type(error).__name__}: {error}); "
                "run without --resume to start over"
            ) from error

    def _open_spool(self, state: Checkpoint) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        mode = "r+b" if state.records and self.spool.exists() else "w+b"
        handle = open(self.spool, mode)  # noqa: SIM115 - closed in finish()/close()
        handle.truncate(state.offset)
        handle.seek(state.offset)
        self._handle = handle
        self.state = state
        self._records = state.records
        self._last_commit = time.monotonic()  # the first commit comes a period from now
        if not self.resume or not state.records:
            # From now on a checkpoint names this run's settings, so that a resume with
            # other settings is refused even before the first records are committed.
            self._commit(state)

    @property
    def appended(self) -> int:
        """How many records the spool holds, committed or not (0 before the first append)."""
        return self._records

    @property
    def complete(self) -> bool:
        """Whether every record was committed (only the final file may be missing)."""
        return self.state.complete

    def append(
        self,
        lines: Sequence[str | bytes | Result],
        summary: Summary,
        *,
        commit: bool = False,
        complete: bool = False,
    ) -> None:
        """Append JSON lines; commit them (and all before) when due or when ``commit`` is set.

        A line is text or UTF-8 bytes without its newline, or a
        :class:`~nkcorpus.corpus.result.Result` (written by :meth:`Result.write_to
        <nkcorpus.corpus.result.Result.write_to>`). A long line is encoded (or
        decompressed) a piece at a time, never copied whole.

        A commit makes the spool durable (fsync) and then records it in the checkpoint.
        ``summary`` must count every record appended so far. ``complete`` commits and
        marks the checkpoint complete (every input is in).
        """
        if self._handle is None:
            raise RuntimeError("call open() before append()")
        if lines:
            for line in lines:
                _write_line(self._handle, line)
            self._handle.flush()
            self._records += len(lines)
        now = time.monotonic()
        if self._records == self.state.records and not complete:
            return
        if commit or complete or now - self._last_commit >= self.commit_seconds:
            os.fsync(self._handle.fileno())
            self._commit(
                attrs.evolve(
                    self.state,
                    records=self._records,
                    offset=self._handle.tell(),
                    complete=complete or self.state.complete,
                    summary=summary.to_dict(),
                )
            )
            self._last_commit = now

    def _commit(self, state: Checkpoint) -> None:
        # Without a directory fsync a power cut may bring back the previous
        # checkpoint; that is still consistent (it names less of the fsynced spool).
        with atomic_write(self.checkpoint_path, sync_directory=False) as handle:
            handle.write(state.to_json())
        self.state = state

    def finish(self, summary: Summary) -> Path | None:
        """Mark every record committed, close the spool and return it (``None``: already final)."""
        if self._handle is not None:
            if not self.state.complete:
                self.append([], summary, complete=True)
            self._handle.close()
            self._handle = None
        if self.state.complete and not self.spool.exists():
            return None
        if not self.state.complete:
            self._commit(attrs.evolve(self.state, complete=True, summary=summary.to_dict()))
        return self.spool

    def install(self) -> None:
        """Make the spool the output file (JSON Lines) and remove the checkpoint."""
        if self.spool.exists():
            os.replace(self.spool, self.path)
            fsync_directory(self.path)
        # Should this removal be lost in a power cut, the complete checkpoint that comes
        # back names no spool and an existing output: a resume takes that as done.
        self.checkpoint_path.unlink(missing_ok=True)

    def discard(self) -> None:
        """Remove the spool (when it was converted into the output) and the checkpoint."""
        self.spool.unlink(missing_ok=True)
        self.checkpoint_path.unlink(missing_ok=True)
        fsync_directory(self.path)

    def close(self) -> None:
        """Close the spool without finishing (the run stopped early; it can be resumed)."""
        if self._handle is not None:
            self._handle.close()
            self._handle = None


#: How many characters of a text line are encoded at a time.
_CHARACTERS_PER_WRITE = 1 << 16


def _write_line(handle: IO[bytes], line: str | bytes | Result) -> None:
    """Write one line and its newline; text is encoded a piece at a time."""
    if isinstance(line, Result):
        line.write_to(handle)
        return
    if isinstance(line, str):
        for start in range(0, len(line), _CHARACTERS_PER_WRITE):
            handle.write(line[start : start + _CHARACTERS_PER_WRITE].encode("utf-8"))
    else:
        handle.write(line)
    handle.write(b"\n")
