"""``nkcorpus show`` and ``nkcorpus report`` from the command line.

A user points these at whatever file they have: a JSON Lines or Parquet output
works, anything else gets one clear line and exit status 2, never a traceback.
"""

from __future__ import annotations

import json
from pathlib import Path

import attrs
import pytest

import nkcorpus
from nkcorpus.cli import main
from nkcorpus.corpus.outputs import write_documents


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory, seed_paths: list[Path]) -> dict[str, Path]:
    """The seed corpus processed with the gazetteer, as JSON Lines and as Parquet."""
    folder = tmp_path_factory.mktemp("views-cli")
    jsonl, parquet = folder / "seeds.jsonl", folder / "seeds.parquet"
    for out in (jsonl, parquet):
        assert main(["process", str(seed_paths[0].parent), "-o", str(out), "--ner", "gazetteer", "-q"]) == 0
    return {"jsonl": jsonl, "parquet": parquet}


def test_show_prints_labelled_fields(outputs: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    """Each document is a block of labelled fields; into a pipe, with no colour codes."""
    assert main(["show", str(outputs["jsonl"]), "-n", "2"]) == 0
    out = capsys.readouterr().out
    for label in ("status", "source", "title", "outlet", "entities", "removed", "text"):
        assert f"\n{label} " in out
    assert "\x1b[" not in out
    assert out.count("\nid ") == 2


def test_show_is_in_colour_on_a_terminal(outputs: dict[str, Path], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """On a terminal (as rich detects it; FORCE_COLOR stands in for one) entities are coloured."""
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert main(["show", str(outputs["jsonl"]), "-n", "1"]) == 0
    assert "\x1b[" in capsys.readouterr().out


def test_show_reads_parquet_like_jsonl(outputs: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    """A Parquet output shows the same documents as the JSON Lines one."""
    main(["show", str(outputs["jsonl"])])
    from_jsonl = capsys.readouterr().out
    main(["show", str(outputs["parquet"])])
    assert capsys.readouterr().out == from_jsonl


def test_the_figures_are_the_same_from_parquet_and_jsonl(outputs: dict[str, Path]) -> None:
    """The report counts a Parquet output exactly as it counts the same run in JSON Lines."""
    from nkcorpus.views import CorpusStats

    from_jsonl = CorpusStats.from_path(outputs["jsonl"])
    assert from_jsonl.documents == 5 and sum(from_jsonl.mentions.values()) > 100
    assert CorpusStats.from_path(outputs["parquet"]) == from_jsonl
    assert CorpusStats.from_documents(nkcorpus.read_jsonl(outputs["jsonl"])) == from_jsonl


def test_show_refuses_other_files_in_one_line(outputs: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A binary file, an entities table, a foreign Parquet file or a folder: one clear error each."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    binary = tmp_path / "photo.jpg"
    binary.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 40)
    foreign = tmp_path / "table.parquet"
    pq.write_table(pa.table({"a": [1, 2]}), foreign)
    entities = outputs["parquet"].with_name("seeds.entities.parquet")
    cases = {
        binary: "is a binary file",
        foreign: "did not write",
        entities: "is the entities table",
        tmp_path: "is a directory",
        tmp_path / "missing.jsonl": "no such file",
    }
    for path, message in cases.items():
        for command in (["show", str(path)], ["report", str(path), "-o", str(tmp_path / "r.html")]):
            assert main(command) == 2, command
            err = capsys.readouterr().err
            assert err.startswith("nkcorpus: error: ") and message in err, err
            assert "Traceback" not in err and err.count("\n") == 1


def test_show_refuses_a_json_file_that_is_not_documents(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Lines that are JSON but not documents name the line."""
    path = tmp_path / "other.jsonl"
    path.write_text('{"hello": 1}\n', encoding="utf-8")
    assert main(["show", str(path)]) == 2
    assert "line 1" in capsys.readouterr().err
    assert main(["report", str(path), "-o", str(tmp_path / "r.html")]) == 2
    assert "not a document record" in capsys.readouterr().err


def test_terminal_escape_sequences_in_a_page_are_neutralised(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """A page holding terminal escape codes cannot clear or restyle the terminal, nor inject rich markup."""
    monkeypatch.setenv("FORCE_COLOR", "1")
    doc = nkcorpus.process("Clear: \x1b[2J\x1b]0;owned\x07 [bold red]markup[/] Kim Jong Un.", config=nkcorpus.Config(ner="gazetteer", clean=None))
    doc = attrs.evolve(doc, metadata=attrs.evolve(doc.metadata, title="\x1b[31m[link=file:///etc]x[/link]"))
    path = tmp_path / "evil.jsonl"
    write_documents([doc], path)
    assert main(["show", str(path)]) == 0
    out = capsys.readouterr().out
    assert "\x1b[2J" not in out and "\x1b]0;" not in out and "\x07" not in out
    assert "[bold red]markup[/]" in out and "[link=file:///etc]" in out
    assert "\x1b]8;" not in out  # no hyperlink escape either
    assert main(["show", str(path)]) == 0


def test_show_html_and_report_write_pages(outputs: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--html writes one page with every document; report writes one file with its charts."""
    page = tmp_path / "view.html"
    assert main(["show", str(outputs["parquet"]), "--html", str(page)]) == 0
    html = page.read_text(encoding="utf-8")
    assert html.count('<article class="doc"') == 5 and "<script" not in html
    report = tmp_path / "report.html"
    assert main(["report", str(outputs["jsonl"]), "-o", str(report)]) == 0
    text = report.read_text(encoding="utf-8")
    assert text.count('class="chart"') >= 6 and "<script src" not in text and "<link" not in text
    assert main(["report", str(outputs["parquet"])]) == 0
    assert outputs["parquet"].with_name("seeds.parquet.report.html").exists()
    assert "5 documents" in capsys.readouterr().err


def test_the_report_shows_run_files_next_to_the_output(outputs: dict[str, Path], tmp_path: Path) -> None:
    """A JSON file named after the output (a run summary, a manifest) appears in the report."""
    out = tmp_path / "run.jsonl"
    out.write_bytes(outputs["jsonl"].read_bytes())
    (tmp_path / "run.jsonl.summary.json").write_text(json.dumps({"workers": 2, "engine": "<local>"}), encoding="utf-8")
    report = tmp_path / "r.html"
    assert main(["report", str(out), "-o", str(report)]) == 0
    html = report.read_text(encoding="utf-8")
    assert "run.jsonl.summary.json" in html and "&quot;engine&quot;: &quot;&lt;local&gt;&quot;" in html
