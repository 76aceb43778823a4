"""Inputs that used to crash or hang a run become failed records: N inputs in, N records out."""

from __future__ import annotations

import json
import os
import sys
import threading
from pathlib import Path

import pytest

import nkcorpus
from nkcorpus.cli import main
from nkcorpus.corpus.inputs import ReadOptions, read_inputs
from nkcorpus.corpus.job import Job
from nkcorpus.document import Document

CONFIG = nkcorpus.Config(ner="off")


def records(path: Path) -> list[dict[str, object]]:
    """The records of a JSON Lines output."""
    return [json.loads(line) for line in path.read_bytes().decode("utf-8").splitlines()]


def test_lone_surrogates_are_failed_records_and_resume_finishes(tmp_path: Path) -> None:
    """A lone surrogate in JSON text, invalid bytes in a CSV id and in a file name do not stop
    the run: each bad record is a failed record, the output is valid UTF-8, and --resume
    of the finished run ends at once."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.jsonl").write_bytes(b'{"text": "\\ud800"}\n{"text": "Seoul talks."}\n')
    (folder / "b.csv").write_bytes(b"id,text\nA\xff,Pyongyang statement.\n")
    (folder / os.fsdecode(b"c\xfe.txt")).write_bytes(b"Defectors met in Brussels.")
    out = tmp_path / "out.jsonl"
    status = main(
        ["process", str(folder), "-o", str(out), "--ner", "off", "-q", "--id-field", "id"]
    )
    assert status == 0
    rows = records(out)
    assert len(rows) == 4
    assert rows[0]["status"] == "failed" and "lone surrogate" in rows[0]["failure"]["message"]
    assert [r["status"] for r in rows[1:]] == ["ok", "ok", "ok"]
    assert rows[2]["source"].endswith("b.csv#A\\xff")
    assert rows[3]["source"].endswith("c\\xfe.txt")
    assert main(["process", str(folder), "-o", str(out), "--ner", "off", "-q", "--resume"]) == 0
    assert len(records(out)) == 4


def test_lone_surrogate_text_input_fails_alone() -> None:
    """Text with a lone surrogate handed to the pipeline is a failed document, not a crash."""
    docs = list(nkcorpus.corpus.process_corpus(["ok text", "bad \ud800 text"], CONFIG))
    assert [d.status for d in docs] == ["ok", "failed"]
    assert docs[1].failure is not None and "surrogate" in docs[1].failure.message


def test_deeply_nested_folders_are_walked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """1,500 nested folders are walked without a RecursionError, the deep file read."""
    monkeypatch.chdir(tmp_path)
    current = Path("deep")
    current.mkdir()
    for _ in range(1500):
        current = current / "d"
        current.mkdir()
    (current / "x.txt").write_text("Deep text.", encoding="utf-8")
    (Path("deep") / "top.txt").write_text("Top text.", encoding="utf-8")
    try:
        items = list(read_inputs(["deep"]))
        texts = [item[0] for item in items if isinstance(item, tuple)]
        assert texts == [b"Top text.", b"Deep text."]
        assert sys.getrecursionlimit() < 1500 * 2
    finally:  # shutil.rmtree recurses too deep for this tree: remove it bottom-up
        (current / "x.txt").unlink()
        while current != Path("."):
            for child in current.iterdir():
                child.unlink()
            current.rmdir()
            current = current.parent


@pytest.mark.timeout(60)
def test_pipes_and_devices_become_failed_records_without_blocking(tmp_path: Path) -> None:
    """A FIFO in an input folder and /dev/zero named as input fail at once, they never block."""
    folder = tmp_path / "in"
    folder.mkdir()
    os.mkfifo(folder / "a.fifo")
    os.mkfifo(folder / "b.jsonl")
    (folder / "c.txt").write_text("Defectors met.", encoding="utf-8")
    result: list[object] = []
    reader = threading.Thread(target=lambda: result.extend(read_inputs([folder, "/dev/zero"])))
    reader.start()
    reader.join(20)
    assert not reader.is_alive(), "reading blocked on a named pipe or device"
    assert len(result) == 4
    failed = [item for item in result if isinstance(item, Document)]
    assert len(failed) == 3
    messages = [d.failure.message for d in failed if d.failure is not None]
    assert sum("named pipe" in m for m in messages) == 2
    assert any("/dev/zero is a device" in m for m in messages)


def test_inputs_over_the_size_limit_are_failed_records(tmp_path: Path) -> None:
    """A file, JSON line or CSV field over --max-input-size is a failed record naming the flag;
    smaller neighbours are read as usual."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "big.txt").write_bytes(b"x" * 5000)
    (folder / "lines.jsonl").write_bytes(
        b'{"text": "' + b"y" * 5000 + b'"}\n{"text": "Small one."}\n'
    )
    (folder / "small.txt").write_bytes(b"Small text.")
    out = tmp_path / "out.jsonl"
    assert (
        main(
            ["process", str(folder), "-o", str(out), "--ner", "off", "-q", "--max-input-size", "1k"]
        )
        == 0
    )
    rows = records(out)
    assert [r["status"] for r in rows] == ["failed", "failed", "ok", "ok"]
    assert all("--max-input-size" in r["failure"]["message"] for r in rows[:2])  # type: ignore[index]
    reading = ReadOptions(max_input_bytes=10_000)
    summary = Job([folder], tmp_path / "o2.jsonl", CONFIG, reading=reading).run()
    assert summary.status.get("failed", 0) == 0
