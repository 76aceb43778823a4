"""Model folders, listing, offline downloads, bundles and their safe installation."""

from __future__ import annotations

import hashlib
import io
import json
import tarfile
import time
from pathlib import Path

import pytest

from nkcorpus.cli import main
from nkcorpus.errors import ConfigError, DownloadError, ModelNotInstalledError, UnsafeArchiveError
from nkcorpus.models import (
    ArchiveLimits,
    bundle,
    download_stanza,
    find_ner_model,
    install,
    list_models,
    read_manifest,
    require_ner_model,
    resources_dir,
)


def pt_bytes(size: int, seed: int = 0) -> bytes:
    """A small real torch file (a dict holding one tensor), as Stanza's model files are."""
    import torch

    buffer = io.BytesIO()
    torch.save({"weights": torch.arange(size, dtype=torch.float32) + seed}, buffer)
    return buffer.getvalue()


def fake_stanza_folder(root: Path) -> Path:
    """A Stanza resources folder as ``stanza.download`` leaves it (small real torch files)."""
    resources = {
        "en": {
            "lang_name": "English",
            "default_processors": {"tokenize": "combined", "ner": "ontonotes"},
            "ner": {"ontonotes": {"dependencies": [{"model": "pretrain", "package": "conll17"}]}},
        },
        "zh": {"alias": "zh-hans"},
    }
    (root / "en" / "tokenize").mkdir(parents=True)
    (root / "en" / "ner").mkdir(parents=True)
    (root / "en" / "pretrain").mkdir(parents=True)
    (root / "en" / "tokenize" / "combined.pt").write_bytes(pt_bytes(100, 1))
    (root / "en" / "ner" / "ontonotes.pt").write_bytes(pt_bytes(1000, 2))
    (root / "en" / "pretrain" / "conll17.pt").write_bytes(pt_bytes(500, 3))
    (root / "resources.json").write_text(json.dumps(resources), encoding="utf-8")
    return root


def fake_argos_folder(root: Path) -> Path:
    """An Argos packages folder with one (stand-in) ko->en package."""
    package = root / "translate-ko_en"
    (package / "model").mkdir(parents=True)
    (package / "model" / "model.bin").write_bytes(b"weights" * 100)
    (package / "sentencepiece.model").write_bytes(b"spm")
    metadata = {"package_version": "1.1", "argos_version": "1.0", "from_code": "ko",
                "to_code": "en", "from_name": "Korean", "to_name": "English",
                "type": "translate"}  # fmt: skip
    (package / "metadata.json").write_text(json.dumps(metadata), encoding="utf-8")
    return root


def test_resources_dir_precedence(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The setting wins over STANZA_RESOURCES_DIR, which wins over ~/stanza_resources."""
    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(tmp_path / "env"))
    assert resources_dir() == tmp_path / "env"
    assert resources_dir(tmp_path / "set") == tmp_path / "set"
    monkeypatch.delenv("STANZA_RESOURCES_DIR")
    assert resources_dir() == Path.home() / "stanza_resources"


def test_stanza_downloaded_models_are_found(tmp_path: Path) -> None:
    """A folder laid out by stanza.download is read from resources.json, files checked."""
    folder = fake_stanza_folder(tmp_path)
    model = find_ner_model("en", folder)
    assert model is not None
    assert (model.origin, model.package, model.tokenizer) == ("stanza", "ontonotes", "stanza")
    assert model.pretrain_path == folder / "en" / "pretrain" / "conll17.pt"
    rows = {(r.language, r.processor): r for r in list_models(folder, include_argos=False)}
    assert rows["en", "ner"].installed and rows["en", "tokenize"].installed
    assert not rows["ko", "ner"].installed and "train-ner" in rows["ko", "ner"].detail
    (folder / "en" / "pretrain" / "conll17.pt").unlink()
    assert find_ner_model("en", folder) is None
    with pytest.raises(ModelNotInstalledError, match=r"conll17\.pt") as error:
        require_ner_model("en", folder)
    assert "nkcorpus models download en" in str(error.value)
    assert isinstance(error.value, FileNotFoundError)


def test_download_fails_fast_offline(tmp_path: Path) -> None:
    """Offline (the socket guard), a download fails within seconds with a clear message."""
    started = time.perf_counter()
    with pytest.raises(DownloadError, match="offline") as error:
        download_stanza(["en"], tmp_path)
    assert time.perf_counter() - started < 10
    assert "nkcorpus models bundle" in str(error.value)
    assert isinstance(error.value, ConnectionError)
    with pytest.raises(ModelNotInstalledError, match="train-ner"):
        download_stanza(["ko"], tmp_path)


def test_cli_list_and_download(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`models list` shows installed and missing rows; offline `download` exits 2 with a hint."""
    folder = fake_stanza_folder(tmp_path / "stanza")
    argos = fake_argos_folder(tmp_path / "argos")
    assert main(["models", "--models-dir", str(folder), "--argos-dir", str(argos), "list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    rows = {tuple(line.split()[:5]) for line in lines[2:]}
    assert ("stanza", "en", "ner", "ontonotes", "installed") in rows
    assert ("stanza", "en", "tokenize", "combined", "installed") in rows
    assert ("stanza", "ko", "ner", "-", "MISSING") in rows
    assert ("argos", "ko->en", "translate", "translate-ko_en", "installed") in rows
    assert ("argos", "en->zh", "translate", "-", "MISSING") in rows
    assert main(["models", "--models-dir", str(folder), "list", "--json", "en"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert {
        (r["language"], r["processor"], r["installed"]) for r in rows if r["kind"] == "stanza"
    } == {
        ("en", "tokenize", True),
        ("en", "ner", True),
    }
    assert main(["models", "--models-dir", str(folder), "download", "en"]) == 2
    assert "offline" in capsys.readouterr().err
    assert main(["models", "--models-dir", str(folder), "download", "xx"]) == 2
    assert "unknown language 'xx'" in capsys.readouterr().err
    assert main(["models", "--models-dir", str(folder), "download", "--translate", "ko", "en"]) == 2
    assert "offline" in capsys.readouterr().err


def test_bundle_round_trip(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A bundle carries Stanza and Argos models with checksums and installs them elsewhere."""
    folder = fake_stanza_folder(tmp_path / "stanza")
    argos = fake_argos_folder(tmp_path / "argos")
    out = tmp_path / "models.tar"
    code = ["models", "--models-dir", str(folder), "--argos-dir", str(argos), "bundle", str(out)]
    assert main(code) == 0
    printed = capsys.readouterr().out
    assert "Argos ko->en" in printed
    digest = hashlib.sha256(out.read_bytes()).hexdigest()
    assert f"--sha256 {digest}" in printed
    manifest = read_manifest(out)
    paths = {item["path"]: item for item in manifest["files"]}
    ner = folder / "en" / "ner" / "ontonotes.pt"
    assert (
        paths["stanza/en/ner/ontonotes.pt"]["sha256"]
        == hashlib.sha256(ner.read_bytes()).hexdigest()
    )
    assert "argos/translate-ko_en/model/model.bin" in paths

    target = tmp_path / "offline"
    (target).mkdir()
    (target / "resources.json").write_text(json.dumps({"fr": {"lang_name": "French"}}))
    target_argos = tmp_path / "offline-argos"
    code = ["models", "--models-dir", str(target), "--argos-dir", str(target_argos), "install"]
    assert main([*code, str(out)]) == 2
    assert "not verified" in capsys.readouterr().err
    assert not (target / "en").exists()
    assert main([*code, str(out), "--sha256", digest]) == 0
    printed = capsys.readouterr().out
    assert "stanza en" in printed and "argos ko->en" in printed
    assert (target / "en" / "ner" / "ontonotes.pt").read_bytes() == ner.read_bytes()
    merged = json.loads((target / "resources.json").read_text())
    assert set(merged) == {"fr", "en"}  # the zh alias points at a language not bundled
    assert find_ner_model("en", target) is not None
    assert (target_argos / "translate-ko_en" / "metadata.json").is_file()
    assert not [p for p in target.iterdir() if p.name.startswith(".tmp")]


def _tar(path: Path, members: list[tuple[tarfile.TarInfo, bytes | None]]) -> Path:
    with tarfile.open(path, "w") as archive:
        for info, data in members:
            archive.addfile(info, io.BytesIO(data) if data is not None else None)
    return path


def _file(name: str, data: bytes) -> tuple[tarfile.TarInfo, bytes]:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    return info, data


def _manifest(files: dict[str, bytes]) -> tuple[tarfile.TarInfo, bytes]:
    data = json.dumps(
        {
            "format": "nkcorpus-models",
            "format_version": 1,
            "files": [
                {"path": k, "size": len(v), "sha256": hashlib.sha256(v).hexdigest()}
                for k, v in files.items()
            ],
        }
    ).encode()
    return _file("manifest.json", data)


@pytest.mark.parametrize(
    ("name", "match"),
    [
        ("stanza/../../evil.pt", "reaches outside"),
        ("/etc/evil.pt", "absolute"),
        ("stanza/en/./x.pt", "'.' part"),
        ("elsewhere/x.pt", "not a model file"),
        ("stanza/.git/config", "not a model file"),
        ("stanza/en/ner/../../x.pt", "reaches outside"),
        ("stanza\\..\\x.pt", "backslash"),
    ],
)
def test_install_refuses_unsafe_names(tmp_path: Path, name: str, match: str) -> None:
    """Members with traversal, absolute or foreign paths are refused before anything is written."""
    data = b"payload"
    archive = _tar(tmp_path / "bad.tar", [_manifest({name: data}), _file(name, data)])
    target = tmp_path / "target"
    with pytest.raises(UnsafeArchiveError, match=match):
        install(archive, target, trust=True)
    assert not (tmp_path / "evil.pt").exists()
    assert not [p for p in target.rglob("*") if p.is_file()]


def test_install_refuses_links_and_special_files(tmp_path: Path) -> None:
    """Symbolic links, hard links and devices are refused."""
    kinds = ((tarfile.SYMTYPE, "link"), (tarfile.LNKTYPE, "link"), (tarfile.CHRTYPE, "regular"))
    for kind, match in kinds:
        info = tarfile.TarInfo("stanza/en/ner/x.pt")
        info.type = kind
        info.linkname = "/etc/passwd"
        archive = _tar(tmp_path / f"{kind!r}.tar", [_manifest({}), (info, None)])
        with pytest.raises(UnsafeArchiveError, match=match):
            install(archive, tmp_path / "target", trust=True)


def test_install_checks_manifest_and_checksums(tmp_path: Path) -> None:
    """A changed file, an unlisted member, an oversized member or a missing manifest are refused."""
    good = pt_bytes(8)
    target = tmp_path / "target"
    changed = _tar(
        tmp_path / "changed.tar",
        [_manifest({"stanza/en/ner/x.pt": good}), _file("stanza/en/ner/x.pt", pt_bytes(8, 1))],
    )
    with pytest.raises(UnsafeArchiveError, match="checksum"):
        install(changed, target, trust=True)
    assert not (target / "en").exists()
    unlisted = _tar(
        tmp_path / "unlisted.tar",
        [_manifest({}), _file("stanza/en/ner/x.pt", good)],
    )
    with pytest.raises(UnsafeArchiveError, match="does not match its manifest"):
        install(unlisted, target, trust=True)
    big = _tar(
        tmp_path / "big.tar",
        [_manifest({"stanza/en/ner/x.pt": good}), _file("stanza/en/ner/x.pt", good)],
    )
    with pytest.raises(UnsafeArchiveError, match="over the limit of 4"):
        install(big, target, trust=True, limits=ArchiveLimits(max_member_bytes=4))
    bare = _tar(tmp_path / "bare.tar", [_file("stanza/en/ner/x.pt", good)])
    with pytest.raises(UnsafeArchiveError, match="manifest"):
        install(bare, target, trust=True)
    not_tar = tmp_path / "junk.tar"
    not_tar.write_bytes(b"not an archive at all")
    with pytest.raises(UnsafeArchiveError, match="not a readable tar or zip"):
        install(not_tar, target, trust=True)
    not_torch = _tar(
        tmp_path / "not-torch.tar",
        [_manifest({"stanza/en/ner/x.pt": b"weights"}), _file("stanza/en/ner/x.pt", b"weights")],
    )
    with pytest.raises(UnsafeArchiveError, match="not a readable torch model file"):
        install(not_torch, target, trust=True)
    ok = _tar(
        tmp_path / "ok.tar",
        [_manifest({"stanza/en/ner/x.pt": good}), _file("stanza/en/ner/x.pt", good)],
    )
    assert install(ok, target, trust=True) == [f"stanza en -> {target / 'en'}"]
    assert (target / "en" / "ner" / "x.pt").read_bytes() == good
    assert sorted(p.name for p in target.iterdir()) == ["en"]  # no staging left behind


def test_bundle_of_nothing_fails(tmp_path: Path) -> None:
    """Bundling an empty folder says what to do instead of writing an empty archive."""
    with pytest.raises(ModelNotInstalledError, match="nothing to bundle"):
        bundle(tmp_path / "out.tar", tmp_path / "empty", include_argos=False)


def test_model_registry_is_readable_by_others_sharing_the_folder(tmp_path: Path) -> None:
    """nkcorpus.json follows the umask, so a shared models folder works for every user."""
    import os

    from nkcorpus.models import REGISTRY_FILE, register_ner_model

    (tmp_path / "ko" / "ner").mkdir(parents=True)
    (tmp_path / "ko" / "ner" / "tiny.pt").write_bytes(b"model")
    old = os.umask(0o022)
    try:
        register_ner_model(tmp_path, "ko", "tiny", tokenizer="korean")
    finally:
        os.umask(old)
    assert (tmp_path / REGISTRY_FILE).stat().st_mode & 0o777 == 0o644


def test_download_checks_the_language_before_the_network(tmp_path: Path) -> None:
    """A language Stanza does not know is reported as such, not as being offline."""
    with pytest.raises(ConfigError, match="unknown language 'xx'"):
        download_stanza(["xx"], tmp_path)
    with pytest.raises(ModelNotInstalledError, match="no NER model for 'la'"):
        download_stanza(["la"], tmp_path)
    with pytest.raises(DownloadError, match="offline"):
        download_stanza(["la"], tmp_path, processors="tokenize")


def test_descriptions_naming_paths_are_ignored(tmp_path: Path) -> None:
    """A package named '../x' or '/etc/x' in nkcorpus.json or resources.json never becomes a path."""
    from nkcorpus.models import REGISTRY_FILE, register_ner_model

    folder = fake_stanza_folder(tmp_path / "stanza")
    resources = json.loads((folder / "resources.json").read_text())
    resources["en"]["default_processors"]["ner"] = "../../../ner/ontonotes"
    (folder / "resources.json").write_text(json.dumps(resources))
    assert find_ner_model("en", folder) is None
    registry = {"ner": {"ko": {"package": "/etc/passwd", "tokenizer": "korean"}}}
    (folder / REGISTRY_FILE).write_text(json.dumps(registry))
    assert find_ner_model("ko", folder) is None
    with pytest.raises(ConfigError, match="not a plain file name"):
        register_ner_model(folder, "ko", "../tiny", tokenizer="korean")


def test_every_listed_stanza_ner_package_counts(tmp_path: Path) -> None:
    """When resources.json lists several NER packages, each one's files are needed and checked."""
    folder = fake_stanza_folder(tmp_path / "stanza")
    resources = json.loads((folder / "resources.json").read_text())
    resources["en"]["default_processors"]["ner"] = ["ontonotes", "conll03"]
    resources["en"]["ner"]["conll03"] = {
        "dependencies": [{"model": "forward_charlm", "package": "1billion"}]
    }
    (folder / "resources.json").write_text(json.dumps(resources))
    assert find_ner_model("en", folder) is None  # conll03 and its charlm are missing
    (folder / "en" / "ner" / "conll03.pt").write_bytes(pt_bytes(10, 4))
    (folder / "en" / "forward_charlm").mkdir()
    (folder / "en" / "forward_charlm" / "1billion.pt").write_bytes(pt_bytes(10, 5))
    model = find_ner_model("en", folder)
    assert model is not None and model.package == "ontonotes"
    assert folder / "en" / "forward_charlm" / "1billion.pt" in model.files()
    manifest = bundle(tmp_path / "b.tar", folder, include_argos=False)
    assert "stanza/en/ner/conll03.pt" in {item["path"] for item in manifest["files"]}
