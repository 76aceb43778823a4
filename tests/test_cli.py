"""The ``nkcorpus`` command line on real files, bad files included."""

from __future__ import annotations

import io
import json
import os
import sys
from pathlib import Path

import pytest

import nkcorpus
from nkcorpus.cli import main


def run_cli(*argv: str, stdin: bytes = b"", monkeypatch: pytest.MonkeyPatch | None = None) -> int:
    return main(list(argv))


def test_process_seeds_to_jsonl(
    seed_paths: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The seeds directory gives five ok records and a summary on stderr."""
    out = tmp_path / "seeds.jsonl"
    assert main(["process", str(seed_paths[0].parent), "-o", str(out)]) == 0
    docs = list(nkcorpus.read_jsonl(out))
    assert len(docs) == 5
    assert [d.source for d in docs] == [str(p) for p in seed_paths]
    assert "5 documents" in capsys.readouterr().err


def test_bad_inputs_become_failed_records(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Empty, binary, invalid UTF-8 and unreadable files: one record each, no crash."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a_empty.txt").write_bytes(b"")
    (corpus / "b_binary.bin").write_bytes(bytes(range(256)) * 8)
    (corpus / "c_invalid.txt").write_bytes(b"Kim Jong-un \xff\xfe\xfa\x00\x81 regime")
    (corpus / "d_good.txt").write_text("Defectors met in Brussels.", encoding="utf-8")
    unreadable = corpus / "e_unreadable.txt"
    unreadable.write_text("secret", encoding="utf-8")
    unreadable.chmod(0)
    out = tmp_path / "out.jsonl"
    try:
        code = main(["process", str(corpus), str(tmp_path / "missing.txt"), "-o", str(out)])
    finally:
        unreadable.chmod(0o644)
    assert code == 0
    docs = list(nkcorpus.read_jsonl(out))
    assert len(docs) == 6
    by_name = {Path(d.source or "").name: d for d in docs}
    assert by_name["a_empty.txt"].failure.error_type == "EmptyDocumentError"  # type: ignore[union-attr]
    assert by_name["b_binary.bin"].failure.stage == "decode"  # type: ignore[union-attr]
    assert by_name["c_invalid.txt"].failure.stage == "decode"  # type: ignore[union-attr]
    assert by_name["d_good.txt"].ok
    if os.geteuid() != 0:  # root can read a file with mode 000
        assert by_name["e_unreadable.txt"].failure.stage == "read"  # type: ignore[union-attr]
    assert "does not exist" in by_name["missing.txt"].failure.message  # type: ignore[union-attr]
    assert (
        main(["process", str(corpus / "a_empty.txt"), "-o", str(out), "--fail-on-error", "-q"]) == 1
    )


def test_stdin_to_stdout(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``-`` reads one document from standard input and writes JSONL to standard output."""
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("김정은 위원장\r\n".encode())))
    assert main(["process", "-", "-q"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["source"] == "<stdin>"
    assert record["raw"] == "김정은 위원장\r\n"


def test_help_everywhere(capsys: pytest.CaptureFixture[str]) -> None:
    """Every command answers --help."""
    for argv in (["--help"], ["process", "--help"], ["show", "--help"]):
        with pytest.raises(SystemExit) as exit_info:
            main(argv)
        assert exit_info.value.code == 0
    assert "usage: nkcorpus show" in capsys.readouterr().out


def test_show_prints_each_document(
    tmp_path: Path, seed_paths: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """``nkcorpus show`` prints one block per document."""
    out = tmp_path / "o.jsonl"
    main(["process", str(seed_paths[0]), "-o", str(out), "-q"])
    capsys.readouterr()
    assert main(["show", str(out)]) == 0
    assert seed_paths[0].name in capsys.readouterr().out


def test_ctrl_c_exits_130_without_a_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """An interrupted run says so in one line and exits with the shell's Ctrl-C status."""
    import nkcorpus.cli.process as process_command

    def interrupted(_args: object) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(process_command, "run", interrupted)
    assert main(["process", "x"]) == 130
    assert capsys.readouterr().err.strip() == "nkcorpus: interrupted"


def test_process_options_reach_the_stages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--gazetteer, --models-dir and the other model options configure the real stages."""
    aliases = tmp_path / "aliases.jsonl"
    entry = {"id": "my-ngo", "label": "ORG", "aliases": {"en": ["My NGO"], "ko": ["마이엔지오"]}}
    aliases.write_text(json.dumps(entry, ensure_ascii=False) + "\n", encoding="utf-8")
    doc_path = tmp_path / "doc.txt"
    doc_path.write_text("My NGO published a report on Pyongyang.", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    empty_models = tmp_path / "models"
    empty_models.mkdir()
    argv = ["process", str(doc_path), "-o", str(out), "-q", "--models-dir", str(empty_models)]
    assert main([*argv, "--gazetteer", str(aliases)]) == 0
    (doc,) = nkcorpus.read_jsonl(out)
    assert {(e.text, e.canonical_id) for e in doc.entities} >= {("My NGO", "my-ngo")}
    assert main(argv) == 0
    (doc,) = nkcorpus.read_jsonl(out)
    assert "my-ngo" not in {e.canonical_id for e in doc.entities}
    assert main([*argv, "--gazetteer", str(tmp_path / "missing.jsonl")]) == 2
    assert "missing.jsonl" in capsys.readouterr().err
    assert main([*argv, "--ner", "stanza"]) == 0
    (doc,) = nkcorpus.read_jsonl(out)
    assert doc.failure is not None and doc.failure.error_type == "ModelNotInstalledError"
    assert str(empty_models) in doc.failure.message
    assert "nkcorpus models download en" in doc.failure.message
