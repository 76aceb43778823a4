"""A corpus job: read inputs, process them with a :class:`~nkcorpus.corpus.runner.Runner`, write.

This is what ``nkcorpus process`` runs, and it can be called from Python:

>>> import nkcorpus, tempfile, pathlib
>>> from nkcorpus.corpus.job import Job
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "a.txt").write_text("Defectors met in Brussels.", encoding="utf-8")
>>> out = pathlib.Path(tempfile.mkdtemp()) / "out.jsonl"
>>> summary = Job([folder], out, nkcorpus.Config(ner="off")).run()
>>> summary.documents, summary.status["ok"]
(1, 1)

Every input gives one record in the output, in input order. A file output is
written through a spool and a checkpoint (:mod:`nkcorpus.corpus.checkpoint`),
so a killed job resumes with ``resume=True`` and ends with the same output an
uninterrupted one would have written. A resume after the inputs changed is
refused, as is a second job writing the same output at the same time, and an
output (or spool, checkpoint, cache) that is an input or lies inside an input
folder (:mod:`nkcorpus.corpus.guard`). A refused job writes nothing.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

import attrs

from nkcorpus._version import __version__
from nkcorpus.config import Config
from nkcorpus.corpus.checkpoint import ResumableOutput
from nkcorpus.corpus.guard import OutputLock, check_paths, inputs_key, output_error
from nkcorpus.corpus.inputs import Item, ReadOptions, read_inputs
from nkcorpus.corpus.options import RunOptions
from nkcorpus.corpus.outputs import ParquetWriter, entities_path, output_format
from nkcorpus.corpus.progress import Progress
from nkcorpus.corpus.result import Result
from nkcorpus.corpus.runner import Runner
from nkcorpus.corpus.summary import Summary
from nkcorpus.errors import ConfigError, NkcorpusError

__all__ = ["Job"]


@attrs.define
class Job:
    """One run over a corpus into one output.

    Attributes:
        inputs: files, directories or ``"-"`` (see :func:`~nkcorpus.corpus.inputs.read_inputs`).
        output: the output file, or ``"-"`` for standard output (JSON Lines only).
        config: the pipeline settings.
        options: the engine, workers, batch size and threads
            (:class:`~nkcorpus.corpus.options.RunOptions`).
        reading: how inputs are read (:class:`~nkcorpus.corpus.inputs.ReadOptions`).
        format: ``"jsonl"`` or ``"parquet"``; ``None`` infers it from the output suffix.
        cache: a result cache directory, or ``None`` for no cache.
        resume: carry on from the checkpoint of a killed run of the same job.
        progress: the progress reporter, or ``None`` for none.
        stdin: the stream ``"-"`` reads (default: standard input).
        stdout: where ``"-"`` output goes (default: standard output).
    """

    inputs: Sequence[str | os.PathLike[str]]
    output: str | os.PathLike[str]
    config: Config = attrs.field(factory=Config)
    options: RunOptions = attrs.field(factory=RunOptions)
    reading: ReadOptions = attrs.field(factory=ReadOptions)
    format: str | None = None
    cache: str | os.PathLike[str] | None = None
    resume: bool = False
    progress: Progress | None = None
    stdin: BinaryIO | None = None
    stdout: BinaryIO | None = None

    def settings_key(self) -> str:
        """Return a key of what decides the output: settings, version, inputs, formats."""
        data = {
            "config": self.config.fingerprint(),
            "resources": self.config.resources_key(),
            "version": __version__,
            "inputs": [
                str(item) if str(item) == "-" else os.path.abspath(item) for item in self.inputs
            ],
            "reading": attrs.asdict(self.reading),
            "format": output_format(self.output, self.format),
        }
        text = json.dumps(data, sort_keys=True)
        return hashlib.blake2b(text.encode("utf-8"), digest_size=12).hexdigest()

    def _check(self) -> str:
        fmt = output_format(self.output, self.format)
        if self.resume and any(str(item) == "-" for item in self.inputs):
            raise ConfigError(
                "--resume cannot tell whether standard input holds what the killed run read; "
                "save the input to a file and process that file"
            )
        if str(self.output) == "-":
            if self.resume:
                raise ConfigError("--resume needs an output file (-o OUT), not standard output")
            if fmt == "parquet":
                raise ConfigError(
                    "Parquet output needs a file (-o OUT.parquet), not standard output"
                )
        else:
            check_paths(self.inputs, self._own_files(fmt))
        return fmt

    def _own_files(self, fmt: str) -> dict[str, str | os.PathLike[str]]:
        out = ResumableOutput(self.output, "", resume=False)
        own: dict[str, str | os.PathLike[str]] = {
            "the output (-o)": out.path,
            "the spool of the output": out.spool,
            "the checkpoint of the output": out.checkpoint_path,
            "the lock of the output": OutputLock(out.path).path,
        }
        if fmt == "parquet":
            own["the entities table of the output"] = entities_path(out.path)
        if self.cache is not None:
            own["the result cache (--cache)"] = self.cache
        return own

    def _runner(self) -> Runner:
        return Runner(self.config, self.options, cache=self.cache)

    def run(self) -> Summary:
        """Run the job and return its summary (of the whole output, resumed part included).

        Raises:
            ConfigError: for settings that cannot work together, or a checkpoint of another job.
        """
        fmt = self._check()
        progress = self.progress if self.progress is not None else Progress(enabled=False)
        if str(self.output) == "-":
            return self._to_stream(progress)
        lock = OutputLock(self.output)
        try:
            Path(self.output).parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise output_error(self.output, error) from error
        lock.acquire()
        try:
            return self._run_locked(fmt, progress)
        except NkcorpusError:
            raise
        except OSError as error:
            raise output_error(self.output, error) from error
        finally:
            lock.release()

    def _run_locked(self, fmt: str, progress: Progress) -> Summary:
        out = ResumableOutput(
            self.output,
            self.settings_key(),
            resume=self.resume,
            inputs=inputs_key(self.inputs),
            renamed=fmt == "jsonl",
        )
        # The runner (and its cache) first: a refused cache leaves no spool behind.
        with self._runner() as runner:
            done, summary = out.open()
            progress.start(summary)
            try:
                if not out.complete:
                    self._to_spool(runner, out, done, summary, progress)
                spool = out.finish(summary)
            except BaseException:
                out.close()
                if not out.appended:  # failed before the first record: leave no working files
                    out.discard()
                raise
            finally:
                out.close()
        progress.close(summary)
        if spool is None:
            return summary
        if fmt == "parquet":
            with ParquetWriter(self.output) as writer, open(spool, encoding="utf-8") as lines:
                for line in lines:
                    writer.write_line(line)
            out.discard()
        else:
            out.install()
        return summary

    def _items(self, skip: int = 0) -> Iterator[Item]:
        return read_inputs(self.inputs, self.stdin, self.reading, skip=skip)

    def _to_spool(
        self,
        runner: Runner,
        out: ResumableOutput,
        done: int,
        summary: Summary,
        progress: Progress,
    ) -> None:
        buffer: list[Result] = []
        for result in runner.results(self._items(skip=done)):
            buffer.append(result)
            summary.add_result(result)
            progress.update(summary)
            if len(buffer) >= self.options.batch_size:
                out.append(buffer, summary)
                buffer = []
        out.append(buffer, summary)  # finish() commits the rest

    def _to_stream(self, progress: Progress) -> Summary:
        summary = Summary()
        stream = self.stdout
        if stream is None:
            sys.stdout.flush()
            stream = sys.stdout.buffer
        with self._runner() as runner:
            for result in runner.results(self._items()):
                result.write_to(stream)
                summary.add_result(result)
                progress.update(summary)
        stream.flush()
        progress.close(summary)
        return summary
