"""Corpus runs never destroy data: own files, special outputs, two writers, changed inputs,
a full disk, damaged checkpoints and caches all give one clear error and leave files as they were."""

from __future__ import annotations

import errno
import json
import os
import sqlite3
from pathlib import Path

import pytest

import nkcorpus
from nkcorpus.cli import main
from nkcorpus.corpus.checkpoint import ResumableOutput
from nkcorpus.corpus.guard import OutputLock
from nkcorpus.corpus.job import Job
from nkcorpus.errors import ConfigError, OutputError

CONFIG = nkcorpus.Config(ner="off")


def leftovers(output: Path) -> list[str]:
    """The run's working files next to ``output`` (spool, checkpoint, lock)."""
    return sorted(p.name for p in output.parent.glob(output.name + ".*") if p.suffix != ".parquet")


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    """Run ``nkcorpus process`` quietly; return the exit status and stderr."""
    status = main(["process", *args, "--ner", "off", "-q"])
    return status, capsys.readouterr().err


@pytest.mark.parametrize("suffix", [".txt", ".jsonl"])
def test_output_that_is_the_input_is_refused_and_the_input_kept(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], suffix: str
) -> None:
    """`process a.txt -o a.txt` (and the same with JSON Lines) refuses, keeping a.txt whole."""
    data = '{"text": "Defectors met in Seoul."}\n' if suffix == ".jsonl" else "Defectors met."
    source = tmp_path / f"a{suffix}"
    source.write_text(data, encoding="utf-8")
    status, err = run_cli(capsys, str(source), "-o", str(source))
    assert status != 0
    assert "is the input" in err and "Traceback" not in err
    assert source.read_text(encoding="utf-8") == data
    assert leftovers(source) == []


def test_own_files_inside_an_input_folder_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An output, or a cache, inside an input folder would be read as input: refused, named."""
    folder = tmp_path / "d"
    folder.mkdir()
    (folder / "a.txt").write_text("Defectors met.", encoding="utf-8")
    (folder / "out.jsonl").write_text("precious\n", encoding="utf-8")
    status, err = run_cli(capsys, str(folder), "-o", str(folder / "out.jsonl"))
    assert status != 0 and "lies inside the input folder" in err and "-o" in err
    assert (folder / "out.jsonl").read_text(encoding="utf-8") == "precious\n"
    status, err = run_cli(
        capsys, str(folder), "-o", str(tmp_path / "out.jsonl"), "--cache", str(folder / "cache")
    )
    assert status != 0 and "--cache" in err
    assert not (folder / "cache").exists() and leftovers(tmp_path / "out.jsonl") == []
    # A hidden folder is never read as input, so it may hold the output.
    assert run_cli(capsys, str(folder), "-o", str(folder / ".runs" / "out.jsonl"))[0] == 0


def test_special_file_output_is_refused(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """-o naming a device or a named pipe is refused; the device is never replaced."""
    source = tmp_path / "a.txt"
    source.write_text("Defectors met.", encoding="utf-8")
    status, err = run_cli(capsys, str(source), "-o", os.devnull)
    assert status != 0 and "special file" in err
    assert Path(os.devnull).is_char_device()
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    status, err = run_cli(capsys, str(source), "-o", str(fifo))
    assert status != 0 and "special file" in err
    assert leftovers(fifo) == []


def test_a_second_run_on_the_same_output_fails_at_once_naming_the_first(tmp_path: Path) -> None:
    """While one run writes OUT, another fails at once, naming the first's process id; the
    first run's files are untouched, and the lock goes with the run that held it."""
    source = tmp_path / "a.txt"
    source.write_text("Defectors met.", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    with OutputLock(out):
        with pytest.raises(ConfigError, match=rf"process {os.getpid()}, started \d{{4}}-"):
            Job([source], out, CONFIG).run()
        assert not out.exists() and leftovers(out) == ["out.jsonl.lock"]
    summary = Job([source], out, CONFIG).run()
    assert summary.documents == 1 and leftovers(out) == []


def test_resume_after_an_input_was_added_is_refused(tmp_path: Path) -> None:
    """A resume after a file joined the input folder would repeat one record and miss the
    new one; it is refused, and a fresh run writes every input once."""
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(3):
        (folder / f"{i}.txt").write_text(f"Document {i} about Pyongyang.", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    key = Job([folder], out, CONFIG).settings_key()
    from nkcorpus.corpus.guard import inputs_key

    partial = ResumableOutput(out, key, resume=False, inputs=inputs_key([folder]))
    partial.open()
    partial.close()  # a run killed before its first commit
    (folder / "0a.txt").write_text("A new document.", encoding="utf-8")
    with pytest.raises(ConfigError, match="input files changed"):
        Job([folder], out, CONFIG, resume=True).run()
    Job([folder], out, CONFIG).run()
    sources = [json.loads(line)["source"] for line in out.read_text().splitlines()]
    assert sorted(sources) == sorted(str(p) for p in folder.iterdir())


def test_damaged_checkpoint_and_cache_are_clear_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A damaged checkpoint or results.sqlite, or a --cache that is a file: one line, exit != 0."""
    source = tmp_path / "a.txt"
    source.write_text("Defectors met.", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    (tmp_path / "out.jsonl.checkpoint").write_bytes(b"\x00garbage")
    status, err = run_cli(capsys, str(source), "-o", str(out), "--resume")
    assert status != 0 and "is damaged" in err and "without --resume" in err
    assert len(err.strip().splitlines()) == 1
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / "results.sqlite").write_bytes(b"not a database at all" * 100)
    status, err = run_cli(
        capsys, str(source), "-o", str(tmp_path / "o2.jsonl"), "--cache", str(cache)
    )
    assert status != 0 and "damaged" in err and "--no-cache" in err
    assert leftovers(tmp_path / "o2.jsonl") == []
    (tmp_path / "notes.md").write_text("a file", encoding="utf-8")
    status, err = run_cli(
        capsys, str(source), "-o", str(tmp_path / "o3.jsonl"), "--cache", str(tmp_path / "notes.md")
    )
    assert status != 0 and "is a file" in err and "--cache" in err
    assert leftovers(tmp_path / "o3.jsonl") == []
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(cache / "results.sqlite").execute("SELECT 1 FROM lines")


@pytest.mark.parametrize(
    ("code", "hint"),
    [(errno.ENOSPC, "free some space"), (errno.EROFS, "read-only"), (errno.EACCES, "permissions")],
)
def test_a_failing_disk_is_one_clear_line(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    code: int,
    hint: str,
) -> None:
    """Disk full, a read-only or forbidden folder: one line naming the file, exit != 0."""
    source = tmp_path / "a.txt"
    source.write_text("Defectors met.", encoding="utf-8")

    def failing_append(self: ResumableOutput, *args: object, **kwargs: object) -> None:
        raise OSError(code, os.strerror(code), str(self.spool))

    monkeypatch.setattr(ResumableOutput, "append", failing_append)
    status, err = run_cli(capsys, str(source), "-o", str(tmp_path / "out.jsonl"))
    assert status != 0
    assert err.startswith("nkcorpus: error: cannot write") and hint in err
    assert "out.jsonl.part" in err and "Traceback" not in err
    with pytest.raises(OutputError) as info:
        Job([source], tmp_path / "out.jsonl", CONFIG).run()
    assert info.value.errno == code and isinstance(info.value, OSError)


def test_errors_name_the_command_line_flag(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A missing alias file is reported against --gazetteer, not a Python attribute."""
    source = tmp_path / "a.txt"
    source.write_text("Defectors met.", encoding="utf-8")
    status = main(
        ["process", str(source), "-o", str(tmp_path / "o.jsonl"), "--gazetteer", "nope.tsv", "-q"]
    )
    err = capsys.readouterr().err
    assert status != 0 and "--gazetteer" in err and "EntityOptions" not in err
    assert leftovers(tmp_path / "o.jsonl") == []


def test_a_stale_complete_checkpoint_does_not_vouch_for_another_file(tmp_path: Path) -> None:
    """A complete checkpoint left beside its finished output lets --resume end at once; beside
    an output that something else rewrote, --resume refuses instead of reporting success."""
    from nkcorpus.corpus.checkpoint import Checkpoint
    from nkcorpus.corpus.guard import inputs_key

    source = tmp_path / "a.txt"
    source.write_text("Defectors met.", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    Job([source], out, CONFIG).run()
    job = Job([source], out, CONFIG, resume=True)
    stale = Checkpoint(
        job.settings_key(),
        records=1,
        offset=out.stat().st_size,
        complete=True,
        summary={},
        inputs=inputs_key([source]),
    )
    checkpoint = tmp_path / "out.jsonl.checkpoint"
    checkpoint.write_bytes(stale.to_json())
    job.run()  # a power cut between the rename and the checkpoint's removal: done
    checkpoint.write_bytes(stale.to_json())
    out.write_text('{"torn": \n', encoding="utf-8")
    with pytest.raises(ConfigError, match="not the file"):
        Job([source], out, CONFIG, resume=True).run()


def test_a_run_in_another_process_holds_the_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """While another process writes OUT, `nkcorpus process -o OUT` exits non-zero at once,
    naming that process; once it is gone (killed, no clean-up), the next run goes ahead."""
    import signal
    import subprocess
    import sys

    source = tmp_path / "a.txt"
    source.write_text("Defectors met.", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    root = Path(__file__).resolve().parent.parent
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from nkcorpus.corpus.guard import OutputLock; "
            "lock = OutputLock(sys.argv[1]); lock.acquire(); print('held', flush=True); time.sleep(60)",
            str(out),
        ],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(root / "src")},
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        status, err = run_cli(capsys, str(source), "-o", str(out))
        assert status != 0 and f"process {holder.pid}" in err
        assert not out.exists()
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()
    assert run_cli(capsys, str(source), "-o", str(out))[0] == 0
    assert len(out.read_text(encoding="utf-8").splitlines()) == 1


def test_resume_from_standard_input_is_refused(tmp_path: Path) -> None:
    """Standard input cannot be checked against the killed run, so --resume with - is refused."""
    with pytest.raises(ConfigError, match="standard input"):
        Job(["-"], tmp_path / "out.jsonl", CONFIG, resume=True).run()
    assert leftovers(tmp_path / "out.jsonl") == []
