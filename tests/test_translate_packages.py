"""Argos package management: where packages live, safe install, listing, download on request."""

from __future__ import annotations

import functools
import http.server
import io
import json
import os
import stat
import sys
import threading
import time
import types
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from nkcorpus.errors import ConfigError, DownloadError, UnsafeArchiveError
from nkcorpus.models.archive import ArchiveLimits
from nkcorpus.models.argos import (
    argos_packages_dir,
    download_argos_pair,
    find_packages,
    install_argos_package,
    installed_pairs,
    uninstall_argos_pair,
)
from nkcorpus.translate.options import TranslateOptions
from nkcorpus.translate.stage import TranslateStage
from tests.tiny_argos import build_package, train_sentencepiece

METADATA = {"package_version": "1.0", "from_code": "en", "to_code": "ko", "type": "translate"}
META = "translate-en_ko-1_0/metadata.json"


@pytest.fixture(scope="module")
def real_packages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Two versions of a tiny real en->ko package and a ko->en one."""
    work = tmp_path_factory.mktemp("argos-real")
    sp_model = train_sentencepiece(work / "sentencepiece")
    return {
        "en-ko 1.0": build_package(work, "en", "ko", sp_model, seed=1, version="1.0"),
        "en-ko 1.1": build_package(work, "en", "ko", sp_model, seed=2, version="1.1"),
        "ko-en 1.0": build_package(
            work, "ko", "en", sp_model, seed=3, version="1.0", minisbd=False
        ),
    }


def write_zip(path: Path, members: dict[str, bytes | None], **infos: zipfile.ZipInfo) -> Path:
    """Write a zip with ``members`` (``None`` makes a folder) and extra raw ``ZipInfo`` members."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            if data is None:
                zf.writestr(zipfile.ZipInfo(name.rstrip("/") + "/"), b"")
            else:
                zf.writestr(name, data)
        for info in infos.values():
            zf.writestr(info, b"/etc/passwd")
    return path


def package_members(
    top: str = "translate-en_ko-1_0", **overrides: bytes | None
) -> dict[str, bytes | None]:
    """The members of a minimal well-formed package (model bytes are placeholders)."""
    members: dict[str, bytes | None] = {
        f"{top}/metadata.json": json.dumps(METADATA).encode(),
        f"{top}/model/model.bin": b"\0" * 64,
        f"{top}/model/config.json": b"{}",
        f"{top}/sentencepiece.model": b"\0" * 16,
        f"{top}/minisbd/en.onnx": b"\0" * 16,
    }
    members.update(overrides)
    return {name: data for name, data in members.items() if data is not None or name.endswith("/")}


def test_packages_dir_setting_order(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Explicit folder, then NKCORPUS_ARGOS_DIR, then ARGOS_PACKAGES_DIR, then the XDG default."""
    monkeypatch.delenv("NKCORPUS_ARGOS_DIR", raising=False)
    monkeypatch.delenv("ARGOS_PACKAGES_DIR", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert argos_packages_dir() == tmp_path / "data" / "argos-translate" / "packages"
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "argos"))
    assert argos_packages_dir() == tmp_path / "argos"
    monkeypatch.setenv("NKCORPUS_ARGOS_DIR", str(tmp_path / "nk"))
    assert argos_packages_dir() == tmp_path / "nk"
    assert argos_packages_dir(tmp_path / "given") == tmp_path / "given"
    assert not (tmp_path / "nk").exists()  # looking never creates anything


def test_a_packages_dir_with_stanza_in_its_path_is_refused(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """'stanza' in the path would make argostranslate download a splitter: refused early."""
    monkeypatch.setenv("NKCORPUS_ARGOS_DIR", str(tmp_path / "stanza_resources" / "argos"))
    with pytest.raises(ConfigError, match=r"contains 'stanza'.*NKCORPUS_ARGOS_DIR"):
        argos_packages_dir()
    with pytest.raises(ConfigError, match="contains 'stanza'"):
        TranslateStage("en", TranslateOptions())  # the pipeline fails when it is built
    with pytest.raises(ConfigError):
        install_argos_package(tmp_path / "any.argosmodel", tmp_path / "Stanza")


def test_nothing_installed(tmp_path: Path) -> None:
    """A missing or empty folder lists no pairs and is not created by listing."""
    assert installed_pairs(tmp_path / "missing") == []
    assert not (tmp_path / "missing").exists()
    assert installed_pairs(tmp_path) == []


def test_install_list_replace_uninstall(real_packages: dict[str, Path], tmp_path: Path) -> None:
    """A real package installs as translate-FROM_TO, a newer one replaces it, uninstall removes."""
    folder = tmp_path / "packages"
    assert install_argos_package(real_packages["en-ko 1.0"], folder) == ("en", "ko")
    assert installed_pairs(folder) == [("en", "ko", "1.0")]
    assert (folder / "translate-en_ko" / "model" / "model.bin").is_file()
    assert install_argos_package(real_packages["en-ko 1.1"], folder) == ("en", "ko")
    assert install_argos_package(real_packages["ko-en 1.0"], folder) == ("ko", "en")
    assert installed_pairs(folder) == [("en", "ko", "1.1"), ("ko", "en", "1.0")]
    assert sorted(p.name for p in folder.iterdir()) == ["translate-en_ko", "translate-ko_en"]
    assert uninstall_argos_pair("en", "ko", folder) == 1
    assert installed_pairs(folder) == [("ko", "en", "1.0")]


def test_packages_installed_by_argospm_are_found(tmp_path: Path) -> None:
    """Any folder with metadata, a model and a tokenizer counts; broken folders are skipped."""
    good = tmp_path / "translate-ko_en-1_9"
    (good / "model").mkdir(parents=True)
    (good / "model" / "model.bin").write_bytes(b"x")
    (good / "sentencepiece.model").write_bytes(b"x")
    ko_en = {**METADATA, "from_code": "ko", "to_code": "en"}
    (good / "metadata.json").write_text(json.dumps(ko_en))
    broken = tmp_path / "translate-en_ja"
    broken.mkdir()
    (broken / "metadata.json").write_text(json.dumps({**METADATA, "to_code": "ja"}))
    (tmp_path / "notes").mkdir()
    assert installed_pairs(tmp_path) == [("ko", "en", "1.0")]
    assert find_packages(tmp_path)["ko", "en"].path == good


@pytest.mark.parametrize(
    ("name", "members", "message"),
    [
        (
            "traversal",
            package_members(**{"translate-en_ko-1_0/../../evil.txt": b"owned"}),
            "reaches outside its folder",
        ),
        ("absolute", package_members(**{"/tmp/nkcorpus-evil.txt": b"owned"}), "absolute path"),
        ("backslash", package_members(**{"translate-en_ko-1_0\\..\\evil": b"x"}), "backslash"),
        ("two tops", package_members(**{"other/readme.txt": b"x"}), "one top-level folder"),
        (
            "no metadata",
            package_members(**{"translate-en_ko-1_0/metadata.json": None}),
            "missing metadata.json",
        ),
        (
            "no model",
            package_members(**{"translate-en_ko-1_0/model/model.bin": None}),
            "missing model/model.bin",
        ),
        (
            "bad code",
            package_members(**{META: json.dumps({**METADATA, "to_code": "../x"}).encode()}),
            "no valid to_code",
        ),
        (
            "not translate",
            package_members(**{META: json.dumps({**METADATA, "type": "sbd"}).encode()}),
            "not a translation one",
        ),
    ],
)
def test_bad_archives_are_refused_before_anything_is_written(
    tmp_path: Path, name: str, members: dict[str, bytes | None], message: str
) -> None:
    """Traversal, absolute paths, stray folders and missing files are refused; nothing lands."""
    archive = write_zip(tmp_path / f"{name.replace(' ', '_')}.argosmodel", members)
    folder = tmp_path / "packages"
    with pytest.raises(UnsafeArchiveError, match=message):
        install_argos_package(archive, folder)
    assert not folder.exists() or list(folder.iterdir()) == []
    assert not Path("/tmp/nkcorpus-evil.txt").exists()
    assert not (tmp_path / "evil.txt").exists()


def test_links_and_special_files_are_refused(tmp_path: Path) -> None:
    """A symbolic link (or a device file) inside a package is refused."""
    link = zipfile.ZipInfo("translate-en_ko-1_0/model/model.bin")
    link.external_attr = (stat.S_IFLNK | 0o777) << 16
    members = package_members(**{"translate-en_ko-1_0/model/model.bin": None})
    archive = write_zip(tmp_path / "link.argosmodel", members, link=link)
    with pytest.raises(UnsafeArchiveError, match="symbolic link"):
        install_argos_package(archive, tmp_path / "packages")
    fifo = zipfile.ZipInfo("translate-en_ko-1_0/pipe")
    fifo.external_attr = (stat.S_IFIFO | 0o644) << 16
    archive = write_zip(tmp_path / "fifo.argosmodel", package_members(), fifo=fifo)
    with pytest.raises(UnsafeArchiveError, match="not a plain file"):
        install_argos_package(archive, tmp_path / "packages")


def test_oversized_members_and_zip_bombs_are_refused(tmp_path: Path) -> None:
    """A member bigger than the limit, or one that inflates hugely, is refused."""
    bomb = package_members(**{"translate-en_ko-1_0/model/model.bin": b"\0" * (4 * 1024**2)})
    archive = write_zip(tmp_path / "bomb.argosmodel", bomb)
    with pytest.raises(UnsafeArchiveError, match="200 times"):
        install_argos_package(archive, tmp_path / "packages")
    archive = write_zip(tmp_path / "big.argosmodel", package_members())
    with pytest.raises(UnsafeArchiveError, match="over the limit of 32"):
        install_argos_package(archive, tmp_path / "packages", limits=ArchiveLimits(32))


def test_not_a_zip_and_missing_file(tmp_path: Path) -> None:
    """A file that is not a zip is refused; a missing file is a FileNotFoundError."""
    text = tmp_path / "page.argosmodel"
    text.write_text("<html>rate limited</html>")
    with pytest.raises(UnsafeArchiveError, match="not one"):
        install_argos_package(text, tmp_path / "packages")
    with pytest.raises(FileNotFoundError):
        install_argos_package(tmp_path / "absent.argosmodel", tmp_path / "packages")


def test_install_clears_argostranslate_caches(
    real_packages: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When argostranslate is loaded, its cached languages are dropped after an install."""
    cleared = []
    fake = types.SimpleNamespace(
        get_installed_languages=types.SimpleNamespace(cache_clear=lambda: cleared.append(1)),
        installed_translates=["stale"],
    )
    monkeypatch.setitem(sys.modules, "argostranslate.translate", fake)
    install_argos_package(real_packages["en-ko 1.0"], tmp_path)
    assert cleared and fake.installed_translates == []


def test_download_fails_fast_offline(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without network the download stops within seconds with the offline install command."""
    monkeypatch.delenv("ARGOS_PACKAGE_INDEX", raising=False)
    started = time.monotonic()
    with pytest.raises(DownloadError, match=r"nkcorpus models install PATH\.argosmodel") as info:
        download_argos_pair("ko", "en", tmp_path)
    assert time.monotonic() - started < 30
    assert isinstance(info.value, ConnectionError)
    assert installed_pairs(tmp_path) == []


@pytest.fixture()
def local_index(
    real_packages: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[str]:
    """An Argos package index served over HTTP on 127.0.0.1 with an en->ko package."""
    served = tmp_path / "served"
    served.mkdir()
    (served / "en_ko.argosmodel").write_bytes(real_packages["en-ko 1.1"].read_bytes())
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(served))
    handler.log_message = lambda *args: None  # type: ignore[attr-defined]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    index = [{**METADATA, "package_version": "1.1", "links": [url + "en_ko.argosmodel"]}]
    (served / "index.json").write_text(json.dumps(index))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    monkeypatch.setenv("ARGOS_PACKAGE_INDEX", url)
    try:
        yield url
    finally:
        server.shutdown()
        server.server_close()


def test_download_from_the_index_installs_the_pair(local_index: str, tmp_path: Path) -> None:
    """With an index reachable, download fetches, checks and installs the package."""
    folder = tmp_path / "packages"
    path = download_argos_pair("en", "ko", folder)
    assert path == folder / "translate-en_ko"
    assert installed_pairs(folder) == [("en", "ko", "1.1")]
    assert sorted(p.name for p in folder.iterdir()) == ["translate-en_ko"]  # no leftovers
    with pytest.raises(DownloadError, match=r"no ko -> zh package.*download ko en and en zh"):
        download_argos_pair("ko", "zh-Hans", folder)


def test_a_download_that_is_not_a_package_is_refused(local_index: str, tmp_path: Path) -> None:
    """What the index links to goes through the same safety checks as a local file."""
    served = tmp_path / "served"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr("../../evil.txt", b"owned")
    (served / "en_ko.argosmodel").write_bytes(buffer.getvalue())
    with pytest.raises(UnsafeArchiveError):
        download_argos_pair("en", "ko", tmp_path / "packages")
    assert os.listdir(tmp_path / "packages") == []
