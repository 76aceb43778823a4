"""``nkcorpus process`` at corpus scale: formats, resume after SIGKILL, bad input, usage errors."""

from __future__ import annotations

import io
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import nkcorpus
from nkcorpus.cli import main
from nkcorpus.corpus.checkpoint import ResumableOutput
from nkcorpus.corpus.job import Job
from nkcorpus.corpus.options import RunOptions
from nkcorpus.corpus.outputs import entities_path, read_documents
from nkcorpus.corpus.progress import Progress
from nkcorpus.corpus.result import without_timings
from nkcorpus.corpus.summary import Summary

ROOT = Path(__file__).resolve().parent.parent
SECONDS = re.compile(rb'"seconds": [0-9.eE+-]+')


def without_seconds(data: bytes) -> bytes:
    """Output bytes with every step duration set to 0 (the one thing that differs between runs)."""
    return SECONDS.sub(b'"seconds": 0', data)


def make_text_corpus(directory: Path, count: int) -> Path:
    """``count`` small English, Korean and Chinese documents, one file each."""
    directory.mkdir(parents=True, exist_ok=True)
    lines = (
        "North Korean defectors met in Brussels, denouncing the regime.",
        "탈북자들이 브뤼셀에서 만나 북한 인권 상황을 규탄했다.",
        "朝鲜脱北者在布鲁塞尔会面，谴责人权状况。",
    )
    for i in range(count):
        text = f"Document {i}.\n" + "\n".join(lines[(i + k) % 3] for k in range(4)) + "\n"
        (directory / f"{i:05d}.txt").write_text(text, encoding="utf-8")
    return directory


def nkcorpus_command(*args: str) -> list[str]:
    """The command line that runs ``nkcorpus`` from this checkout."""
    return [
        sys.executable,
        "-c",
        "import sys; from nkcorpus.cli import main; sys.exit(main())",
        *args,
    ]


def test_sigkill_then_resume_gives_the_uninterrupted_output(tmp_path: Path) -> None:
    """A run killed with SIGKILL partway and resumed with --resume writes exactly the output of
    an uninterrupted run: no record twice, none missing, same order (step timings aside)."""
    corpus = make_text_corpus(tmp_path / "corpus", 1500)
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    common = ["--ner", "off", "-q"]
    reference = tmp_path / "reference.jsonl"
    subprocess.run(
        nkcorpus_command("process", str(corpus), "-o", str(reference), *common), check=True, env=env
    )
    out = tmp_path / "out.jsonl"
    part = out.with_name("out.jsonl.part")
    process = subprocess.Popen(
        nkcorpus_command("process", str(corpus), "-o", str(out), "--batch-size", "1", *common),
        env=env,
        start_new_session=True,
    )
    checkpoint = out.with_name("out.jsonl.checkpoint")
    deadline = time.monotonic() + 120
    lines = committed = 0
    while time.monotonic() < deadline and process.poll() is None:
        if part.exists() and checkpoint.exists():
            with open(part, "rb") as handle:
                lines = handle.read().count(b"\n")
            committed = json.loads(checkpoint.read_bytes())["records"]
            if lines >= 200 and committed > 0:
                break
        time.sleep(0.002)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    assert 200 <= lines < 1500, "the run was not killed partway"
    assert not out.exists()
    committed = json.loads(checkpoint.read_bytes())["records"]
    assert 0 < committed < 1500
    result = subprocess.run(
        nkcorpus_command("process", str(corpus), "-o", str(out), "--resume", "--ner", "off"),
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert "1500 documents" in result.stderr
    assert without_seconds(out.read_bytes()) == without_seconds(reference.read_bytes())
    assert not part.exists() and not out.with_name("out.jsonl.checkpoint").exists()


class StopAfter(Progress):
    """A progress reporter that interrupts the run after some documents, as Ctrl-C would."""

    def __init__(self, count: int) -> None:
        super().__init__(io.StringIO(), enabled=True, interval=0)
        self.count = count

    def update(self, summary: Summary) -> None:
        if summary.documents >= self.count:
            raise KeyboardInterrupt
        super().update(summary)


@pytest.mark.parametrize("workers", [1, 2])
def test_interrupted_parquet_job_resumes_to_the_same_tables(
    tmp_path: Path, seed_paths: list[Path], workers: int
) -> None:
    """A Parquet job interrupted twice and resumed gives the tables of an uninterrupted job."""
    corpus = make_text_corpus(tmp_path / "corpus", 150)
    inputs = [corpus, seed_paths[0].parent]
    config = nkcorpus.Config(ner="off")
    whole = Job(inputs, tmp_path / "whole.parquet", config, RunOptions(batch_size=16)).run()
    out = tmp_path / "out.parquet"
    for stop in (40, 90):
        job = Job(inputs, out, config, RunOptions(batch_size=16, workers=workers),
                  progress=StopAfter(stop))
        job.resume = stop != 40
        with pytest.raises(KeyboardInterrupt):
            job.run()
        assert not out.exists()
    resumed = Job(inputs, out, config, RunOptions(batch_size=16), resume=True).run()
    assert resumed.to_dict() == whole.to_dict()
    got = [without_timings(d) for d in read_documents(out)]
    assert got == [without_timings(d) for d in read_documents(tmp_path / "whole.parquet")]
    assert len(got) == 155
    assert entities_path(out).exists()


def test_resume_refuses_a_checkpoint_of_other_settings(tmp_path: Path) -> None:
    """Resuming with other settings is a usage error that says how to start over."""
    corpus = make_text_corpus(tmp_path / "corpus", 20)
    out = tmp_path / "out.jsonl"
    job = Job([corpus], out, nkcorpus.Config(ner="off"), RunOptions(batch_size=4),
              progress=StopAfter(10))
    with pytest.raises(KeyboardInterrupt):
        job.run()
    code = main(["process", str(corpus), "-o", str(out), "--resume", "--no-clean", "--ner", "off"])
    assert code == 2
    assert main(["process", str(corpus), "-o", str(out), "--resume", "--ner", "off", "-q"]) == 0
    assert len(list(read_documents(out))) == 20


def test_bad_input_corpus_gives_one_record_each(tmp_path: Path) -> None:
    """Empty files, binary files, invalid bytes, a 50 MB document, broken JSONL lines, NUL bytes
    and bidi controls: one ok or failed record for each, the run finishes, exit status 0.
    (Entity and language stages are off: this checks reading, decoding, cleaning and writing.)"""
    corpus = tmp_path / "bad"
    corpus.mkdir()
    (corpus / "01_empty.txt").write_bytes(b"")
    (corpus / "02_whitespace.txt").write_bytes(b" \r\n\t ")
    (corpus / "03_binary.bin").write_bytes(bytes(range(256)) * 64)
    (corpus / "04_invalid.txt").write_bytes(b"Kim Jong-un \xff\xfe\xfa\x81 regime \xc3")
    big = b"North Korean defectors met in Brussels. " * (50 * 1024 * 1024 // 40)
    (corpus / "05_big.txt").write_bytes(big)
    (corpus / "06_nul.txt").write_bytes(b"Kim\x00Jong-un\x00 visited Pyongyang.")
    (corpus / "07_bidi.txt").write_text(
        "Defectors \u202eyalp\u202c met \u2066in\u2069 Brussels \u200f\u061c.", encoding="utf-8"
    )
    (corpus / "08_records.jsonl").write_bytes(
        b'{"text": "good"}\n{"text": \n\xff\xfe\n{"text": "\\u0000 nul and \\u202e bidi"}\n[]\n'
    )
    out = tmp_path / "out.jsonl"
    assert (
        main(["process", str(corpus), "-o", str(out), "--ner", "off", "--no-language", "-q"]) == 0
    )
    docs = list(read_documents(out))
    assert len(docs) == 7 + 5
    by_source = {Path(d.source or "").name: d for d in docs}
    assert by_source["01_empty.txt"].failure.error_type == "EmptyDocumentError"  # type: ignore[union-attr]
    assert not by_source["02_whitespace.txt"].ok
    assert by_source["03_binary.bin"].failure.stage == "decode"  # type: ignore[union-attr]
    # Invalid UTF-8 is either decoded with another detected encoding or fails in "decode".
    invalid = by_source["04_invalid.txt"]
    assert (
        invalid.metadata.encoding not in (None, "utf-8")
        if invalid.ok
        else (
            invalid.failure.stage == "decode"  # type: ignore[union-attr]
        )
    )
    assert by_source["05_big.txt"].ok and len(by_source["05_big.txt"].text) > 0.99 * len(big)
    assert by_source["06_nul.txt"].ok
    assert "\u202e" in by_source["07_bidi.txt"].raw
    records = [d for d in docs if "08_records.jsonl" in (d.source or "")]
    assert [d.ok for d in records] == [True, False, False, True, False]


def test_record_inputs_and_parquet_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """JSONL, CSV and Parquet record files with named text and id fields go to a Parquet output
    (inferred from the suffix); record ids are kept in the source."""
    (tmp_path / "a.jsonl").write_text(
        json.dumps({"uid": "L-1", "body": "김정은 위원장"}, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    (tmp_path / "b.csv").write_text('uid,body\nC-1,"Defectors, activists"\n', encoding="utf-8")
    pq.write_table(pa.table({"uid": ["P-1"], "body": ["朝鲜脱北者"]}), tmp_path / "c.parquet")
    out = tmp_path / "result.parquet"
    inputs = [str(tmp_path / n) for n in ("a.jsonl", "b.csv", "c.parquet")]
    code = main(["process", *inputs, "-o", str(out), "--text-field", "body", "--id-field", "uid"])
    assert code == 0
    docs = list(read_documents(out))
    assert [d.source for d in docs] == [f"{inputs[0]}#L-1", f"{inputs[1]}#C-1", f"{inputs[2]}#P-1"]
    assert [d.raw for d in docs] == ["김정은 위원장", "Defectors, activists", "朝鲜脱北者"]
    err = capsys.readouterr().err
    assert "3 documents" in err and "result.entities.parquet" in err
    table = pq.read_table(out)
    assert table.column("id").to_pylist() == [d.id for d in docs]


def test_workers_cache_and_stdout(
    tmp_path: Path, seed_paths: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """Two workers write the same JSONL to stdout as one; a cached rerun reports its hits."""
    corpus = str(seed_paths[0].parent)
    assert main(["process", corpus, "--ner", "off", "-q"]) == 0
    alone = capsys.readouterr().out.encode()
    assert (
        main(["process", corpus, "--ner", "off", "-q", "--workers", "2", "--batch-size", "2"]) == 0
    )
    assert without_seconds(capsys.readouterr().out.encode()) == without_seconds(alone)
    cache = str(tmp_path / "cache")
    out = str(tmp_path / "o.jsonl")
    assert main(["process", corpus, "-o", out, "--ner", "off", "--cache", cache]) == 0
    capsys.readouterr()
    assert main(["process", corpus, "-o", out, "--ner", "off", "--cache", cache]) == 0
    assert "cached     5 documents" in capsys.readouterr().err
    assert without_seconds(Path(out).read_bytes()) == without_seconds(alone)


@pytest.mark.parametrize(
    "argv",
    [
        ["process", "x", "--resume"],
        ["process", "x", "--format", "parquet"],
        ["process", "x", "--engine", "local", "--scheduler", "tcp://127.0.0.1:1"],
    ],
)
def test_usage_errors_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    """Options that cannot work together exit with status 2 and say why."""
    assert main(argv) == 2
    assert "nkcorpus: error:" in capsys.readouterr().err


def test_bad_numbers_are_rejected_by_the_parser() -> None:
    """--workers 0 and --batch-size -1 are usage errors."""
    for argv in (["process", "x", "--workers", "0"], ["process", "x", "--batch-size", "-1"]):
        with pytest.raises(SystemExit) as info:
            main(argv)
        assert info.value.code == 2


def test_progress_lines() -> None:
    """Progress goes to a pipe as plain lines and to a terminal as one redrawn line."""

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    summary = Summary()
    for stream in (io.StringIO(), Terminal()):
        progress = Progress(stream, interval=0)
        progress.start(summary)
        summary.add(nkcorpus.Document.from_raw("x"))
        summary.add(nkcorpus.Document.failed("read", OSError("gone")))
        progress.update(summary)
        progress.close(summary)
        text = stream.getvalue()
        assert "documents/s" in text and "1 failed" in text
        assert ("\r" in text) == isinstance(stream, Terminal)
        summary = Summary()


def test_summary_state_round_trips() -> None:
    """A summary saved in a checkpoint reads back equal."""
    summary = Summary()
    summary.add(nkcorpus.Document.from_raw("x"))
    summary.add(nkcorpus.Document.failed("read", OSError("gone")))
    assert Summary.from_dict(json.loads(json.dumps(summary.to_dict()))) == summary


def test_checkpoint_cuts_uncommitted_lines(tmp_path: Path) -> None:
    """Lines written after the last commit (a run killed mid-write) are cut on resume."""
    out = ResumableOutput(tmp_path / "o.jsonl", "key", resume=False)
    out.open()
    out.append(["{}", "{}"], Summary(), commit=True)
    out.append(["{}"], Summary())  # written, not yet committed
    out.close()
    with open(out.spool, "ab") as handle:
        handle.write(b'{"half": ')
    again = ResumableOutput(tmp_path / "o.jsonl", "key", resume=True)
    done, _ = again.open()
    assert done == 2
    again.append(["[]"], Summary())
    again.finish(Summary())
    again.install()
    assert (tmp_path / "o.jsonl").read_bytes() == b"{}\n{}\n[]\n"


def test_output_inside_an_input_folder_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An output inside the folder being processed would be read back as input (or dropped
    from it): both formats are refused with a message, and nothing is written."""
    for name in ("out.jsonl", "out.parquet"):
        corpus = make_text_corpus(tmp_path / name.replace(".", "-"), 6)
        code = main(["process", str(corpus), "-o", str(corpus / name), "--ner", "off", "-q"])
        assert code != 0
        assert "lies inside the input folder" in capsys.readouterr().err
        assert sorted(p.name for p in corpus.iterdir()) == [f"{i:05d}.txt" for i in range(6)]
