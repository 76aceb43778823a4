"""Model installs people can trust: poisoned model files, trust, archive bombs, all-or-nothing."""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import shutil
import struct
import tarfile
import zipfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import nkcorpus
from nkcorpus.entities.options import EntityOptions
from nkcorpus.errors import UnsafeArchiveError
from nkcorpus.models import bundle, check_model_file, find_ner_model, install, read_manifest
from nkcorpus.models.archive import SafeArchive, Transaction, member_parts
from tests.test_models import fake_argos_folder, fake_stanza_folder, pt_bytes
from tests.tiny_stanza import build_model, write_poisoned_pt


def _tar(path: Path, members: list[tuple[str, bytes]], mode: str = "w") -> Path:
    with tarfile.open(path, mode) as archive:  # type: ignore[call-overload]
        for name, data in members:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return path


def _bundle_of(files: dict[str, bytes], path: Path) -> Path:
    """A bundle with a manifest that matches ``files`` (checksums correct)."""
    manifest = {
        "format": "nkcorpus-models",
        "format_version": 2,
        "files": [
            {"path": k, "size": len(v), "sha256": hashlib.sha256(v).hexdigest()}
            for k, v in files.items()
        ],
    }
    return _tar(path, [("manifest.json", json.dumps(manifest).encode()), *files.items()])


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


# --------------------------------------------------------------------------- poisoned .pt files


@pytest.fixture(scope="module")
def tiny_en(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A resources folder with a tiny real English NER model trained by nkcorpus."""
    folder = tmp_path_factory.mktemp("tiny-en")
    build_model("en", folder)
    return folder


def test_the_poisoned_file_is_real(tmp_path: Path) -> None:
    """The test payload really runs a shell command when unpickled the way Stanza falls back to."""
    import torch

    marker = tmp_path / "ran"
    poisoned = write_poisoned_pt(tmp_path / "x.pt", marker)
    torch.load(poisoned, weights_only=False)
    assert marker.exists()
    marker.unlink()
    with pytest.raises(UnsafeArchiveError, match=r"can run code.*posix\.system"):
        check_model_file(poisoned)
    assert not marker.exists()


@pytest.mark.slow
def test_poisoned_pretrain_is_refused_at_bundle_and_install(tiny_en: Path, tmp_path: Path) -> None:
    """A bundle whose word vectors would run code is refused, even trusted; nothing is installed."""
    marker = tmp_path / "payload-ran"
    model = find_ner_model("en", tiny_en)
    assert model is not None and model.pretrain_path is not None
    poisoned_dir = tmp_path / "poisoned"
    shutil.copytree(tiny_en, poisoned_dir)
    pretrain = poisoned_dir / model.pretrain_path.relative_to(tiny_en)
    write_poisoned_pt(pretrain, marker)
    with pytest.raises(UnsafeArchiveError, match="can run code"):
        bundle(tmp_path / "refused.tar", poisoned_dir, include_argos=False)
    # the same bundle made by hand (as an attacker would) with correct checksums
    files = {
        f"stanza/{p.relative_to(poisoned_dir).as_posix()}": p.read_bytes()
        for p in sorted(poisoned_dir.rglob("*"))
        if p.is_file() and (p.suffix == ".pt" or p.name == "nkcorpus.json")
    }
    archive = _bundle_of(files, tmp_path / "poisoned.tar")
    target = tmp_path / "target"
    with pytest.raises(UnsafeArchiveError, match=r"refusing the model file .*pretrain.*can run"):
        install(archive, target, trust=True)
    assert not marker.exists()
    assert not [p for p in target.rglob("*") if p.is_file()]


@pytest.mark.slow
def test_poisoned_pretrain_never_loads_in_a_run(tiny_en: Path, tmp_path: Path) -> None:
    """A poisoned file placed in the models folder is refused when a run loads it: no payload."""
    marker = tmp_path / "payload-ran"
    text = "Kim Jong-un visited Seoul on Monday. Officials in Pyongyang met Xi Jinping."

    def run(folder: Path) -> nkcorpus.Document:
        options = EntityOptions(models_dir=str(folder), threads=1)
        config = nkcorpus.Config(ner="auto", translate_to=None, entities=options)
        return nkcorpus.process(text, config=config)

    clean = run(tiny_en)  # the real tiny model still loads through the check
    assert clean.ok and "entities.stanza" in {step.name for step in clean.steps}
    assert any(e.source != "gazetteer" for e in clean.entities)
    poisoned_dir = tmp_path / "poisoned"
    shutil.copytree(tiny_en, poisoned_dir)
    model = find_ner_model("en", poisoned_dir)
    assert model is not None and model.pretrain_path is not None
    write_poisoned_pt(model.pretrain_path, marker)
    document = run(poisoned_dir)
    assert not marker.exists()
    assert document.failure is not None
    assert "can run code" in document.failure.message
    assert "posix.system" in document.failure.message


# --------------------------------------------------------------------------- trust


def test_install_needs_a_digest_or_explicit_trust(tmp_path: Path) -> None:
    """Unverified bundles are refused with their claimed origin; a matching SHA-256 installs."""
    folder = fake_stanza_folder(tmp_path / "stanza")
    made = bundle(tmp_path / "b.tar", folder, include_argos=False)
    assert made["sha256"] == hashlib.sha256((tmp_path / "b.tar").read_bytes()).hexdigest()
    assert read_manifest(tmp_path / "b.tar")["origin"]["made_by"].startswith("nkcorpus")
    target = tmp_path / "target"
    with pytest.raises(UnsafeArchiveError, match=r"not verified\. It says it was made by nkcorpus"):
        install(tmp_path / "b.tar", target)
    with pytest.raises(UnsafeArchiveError, match="not the file you meant"):
        install(tmp_path / "b.tar", target, sha256="0" * 64)
    assert not target.exists() or not any(target.iterdir())
    assert install(tmp_path / "b.tar", target, sha256=made["sha256"].upper())
    assert find_ner_model("en", target) is not None
    package = tmp_path / "p.argosmodel"
    with zipfile.ZipFile(package, "w") as zf:
        zf.writestr("p/metadata.json", "{}")
    with pytest.raises(UnsafeArchiveError, match="not verified"):
        install(package, target)


# --------------------------------------------------------------------------- archive bombs


def _sparse_tar(path: Path, name: str, real_size: int) -> Path:
    """A GNU sparse tar member: 512 stored bytes that stand for ``real_size`` bytes."""
    info = tarfile.TarInfo(name)
    info.type = tarfile.GNUTYPE_SPARSE
    info.size = 512
    header = bytearray(info.tobuf(tarfile.GNU_FORMAT, "utf-8", "surrogateescape"))
    header[386:398] = b"%011o\0" % (real_size - 512)  # one data block at the end
    header[398:410] = b"%011o\0" % 512
    header[483:495] = b"%011o\0" % real_size
    header[148:156] = b"        "
    header[148:156] = b"%06o\0 " % sum(header[:512])
    path.write_bytes(bytes(header) + b"x" * 512 + b"\0" * 1024)
    return path


def test_sparse_tar_members_are_refused(tmp_path: Path) -> None:
    """A 2 KB sparse tar that would unpack to 2 GB is refused before anything is written."""
    archive = _sparse_tar(tmp_path / "sparse.tar", "stanza/en/ner/x.pt", 2 * 1024**3)
    with tarfile.open(archive) as check:
        assert check.getmembers()[0].issparse() and check.getmembers()[0].size == 2 * 1024**3
    target = tmp_path / "target"
    with pytest.raises(UnsafeArchiveError, match="sparse"):
        install(archive, target, trust=True)
    assert not target.exists() or not any(target.rglob("*"))


def test_compressed_tar_bombs_are_refused(tmp_path: Path) -> None:
    """A gzip tar whose members inflate hundreds of times over is refused by its ratio."""
    zeros = b"\0" * (40 * 1024**2)
    archive = _tar(tmp_path / "bomb.tar.gz", [("stanza/en/ner/x.pt", zeros)], "w:gz")
    assert archive.stat().st_size < 1024**2
    with pytest.raises(UnsafeArchiveError, match="more than 200 times"):
        install(archive, tmp_path / "target", trust=True)


def _set_zip_size(path: Path, name: str, size: int) -> None:
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as zf:
        offset = zf.getinfo(name).header_offset
    struct.pack_into("<I", data, offset + 22, size)
    at = data.find(b"PK\x01\x02")
    while at != -1:
        length = struct.unpack_from("<H", data, at + 28)[0]
        if data[at + 46 : at + 46 + length] == name.encode():
            struct.pack_into("<I", data, at + 24, size)
        at = data.find(b"PK\x01\x02", at + 1)
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("declared", [1000, 500_000])
def test_zip_members_lying_about_their_size_are_refused(tmp_path: Path, declared: int) -> None:
    """A zip whose headers declare another size than its data holds installs nothing."""
    top = "translate-en_ko"
    meta = {"from_code": "en", "to_code": "ko", "type": "translate", "package_version": "1"}
    package = tmp_path / "lying.argosmodel"
    with zipfile.ZipFile(package, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(f"{top}/metadata.json", json.dumps(meta))
        zf.writestr(f"{top}/sentencepiece.model", b"spm")
        zf.writestr(f"{top}/model/model.bin", bytes(range(256)) * 40)
    _set_zip_size(package, f"{top}/model/model.bin", declared)
    folder = tmp_path / "argos"
    with pytest.raises(UnsafeArchiveError, match=r"damaged|declares"):
        install(package, argos_dir=folder, trust=True)
    assert list(folder.iterdir()) == []


def test_truncated_tar_and_name_clashes_give_clear_errors(tmp_path: Path) -> None:
    """A bundle cut short, and a name that is both a file and a folder, are refused clearly."""
    folder = fake_stanza_folder(tmp_path / "stanza")
    whole = tmp_path / "whole.tar"
    bundle(whole, folder, include_argos=False)
    cut = tmp_path / "cut.tar"
    cut.write_bytes(whole.read_bytes()[: whole.stat().st_size * 2 // 3])
    with pytest.raises(UnsafeArchiveError, match="cut short"):
        install(cut, tmp_path / "target", trust=True)
    clash = _tar(
        tmp_path / "clash.tar",
        [("stanza/en/ner/x.pt", b"a"), ("stanza/en/ner/x.pt/y.pt", b"b")],
    )
    with pytest.raises(UnsafeArchiveError, match="both a file and a folder"):
        install(clash, tmp_path / "target", trust=True)
    twice = _tar(tmp_path / "twice.tar", [("manifest.json", b"{}"), ("manifest.json", b"{}")])
    with pytest.raises(UnsafeArchiveError, match="appears twice"):
        SafeArchive(twice)


@given(st.text(alphabet="ab./\\\0:C", max_size=12))
def test_accepted_member_names_stay_inside_the_target(name: str) -> None:
    """Whatever the name, a member either is refused or lands strictly inside the target."""
    root = Path("/srv/models")
    try:
        parts = member_parts(name)
    except UnsafeArchiveError:
        return
    joined = root.joinpath(*parts)
    assert joined.parts[: len(root.parts)] == root.parts and len(joined.parts) > len(root.parts)
    assert ".." not in parts and "." not in parts and "" not in parts


# --------------------------------------------------------------------------- descriptors, contents


@pytest.mark.parametrize(
    "descriptor",
    [
        ("nkcorpus.json", {"ner": {"en": {"package": "../../../../tmp/evil"}}}),
        ("nkcorpus.json", {"ner": {"../en": {"package": "tiny"}}}),
        ("resources.json", {"en": {"default_processors": {"ner": "/etc/passwd"}}}),
        ("resources.json", {"en": {"ner": {"x": {"dependencies": [{"model": "pretrain",
                                                                   "package": "../x"}]}}}}),
    ],
)  # fmt: skip
def test_descriptions_naming_paths_are_refused(
    tmp_path: Path, descriptor: tuple[str, dict[str, object]]
) -> None:
    """A bundled nkcorpus.json or resources.json with '../' or absolute package names is refused."""
    name, data = descriptor
    files = {f"stanza/{name}": json.dumps(data).encode(), "stanza/en/ner/x.pt": pt_bytes(4)}
    target = tmp_path / "target"
    with pytest.raises(UnsafeArchiveError, match="not a plain file name"):
        install(_bundle_of(files, tmp_path / "b.tar"), target, trust=True)
    assert not [p for p in target.rglob("*") if p.is_file()]


def test_bundle_holds_only_model_files(tmp_path: Path) -> None:
    """Credentials, backups, caches, stray files and half-finished installs stay out of bundles."""
    folder = fake_stanza_folder(tmp_path / "stanza")
    junk = [
        ".git/credentials",
        "en/ner/ontonotes.pt.bak",
        "en/ner/old-experiment.pt",
        ".tmp-install-x1/en/ner/half.pt",
        "notes.txt",
        "fr/ner/unlisted.pt",
    ]
    for path in junk:
        (folder / path).parent.mkdir(parents=True, exist_ok=True)
        (folder / path).write_bytes(b"secret")
    argos = fake_argos_folder(tmp_path / "argos")
    for path in ("translate-ko_en/.git/config", "translate-ko_en/model/model.bin~"):
        (argos / path).parent.mkdir(parents=True, exist_ok=True)
        (argos / path).write_bytes(b"secret")
    (argos / ".installing-x").mkdir()
    (argos / ".installing-x" / "half").write_bytes(b"x")
    manifest = bundle(tmp_path / "b.tar", folder, argos_dir=argos)
    assert sorted(item["path"] for item in manifest["files"]) == [
        "argos/translate-ko_en/metadata.json",
        "argos/translate-ko_en/model/model.bin",
        "argos/translate-ko_en/sentencepiece.model",
        "stanza/en/ner/ontonotes.pt",
        "stanza/en/pretrain/conll17.pt",
        "stanza/en/tokenize/combined.pt",
        "stanza/resources.json",
    ]
    with tarfile.open(tmp_path / "b.tar") as archive:
        resources = json.load(archive.extractfile("stanza/resources.json"))  # type: ignore[arg-type]
    assert set(resources) == {"en"}  # the zh alias points at a language not bundled


# --------------------------------------------------------------------------- all or nothing


def test_a_failure_while_placing_files_puts_everything_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """If placing files fails halfway, the models folder is exactly as it was before."""
    source = fake_stanza_folder(tmp_path / "stanza")
    archive = tmp_path / "b.tar"
    bundle(archive, source, include_argos=False)
    target = tmp_path / "target"
    (target / "en" / "ner").mkdir(parents=True)
    (target / "en" / "ner" / "ontonotes.pt").write_bytes(pt_bytes(3, 9))
    (target / "resources.json").write_text(json.dumps({"fr": {"lang_name": "French"}}))
    before = _snapshot(target)
    real_place = Transaction.place
    calls = []

    def failing_place(self: Transaction, staged: Path, final: Path) -> None:
        calls.append(final)
        if len(calls) == 3:
            raise OSError("disk full")
        real_place(self, staged, final)

    monkeypatch.setattr(Transaction, "place", failing_place)
    with pytest.raises(OSError, match="disk full"):
        install(archive, target, trust=True)
    assert _snapshot(target) == before
    assert sorted(p.name for p in target.iterdir()) == ["en", "resources.json"]
    monkeypatch.setattr(Transaction, "place", real_place)
    install(archive, target, trust=True)
    assert set(json.loads((target / "resources.json").read_text())) == {"fr", "en"}


def test_a_bad_package_late_in_a_bundle_installs_nothing(tmp_path: Path) -> None:
    """Stanza files are not installed when an Argos package later in the bundle is broken."""
    files = {
        "stanza/en/ner/x.pt": pt_bytes(4),
        "argos/translate-ko_en/metadata.json": b'{"from_code": "ko", "to_code": "en"}',
    }
    target, argos = tmp_path / "target", tmp_path / "argos"
    with pytest.raises(UnsafeArchiveError, match=r"missing model/model\.bin"):
        install(_bundle_of(files, tmp_path / "b.tar"), target, argos_dir=argos, trust=True)
    assert not [p for p in target.rglob("*") if p.is_file()]
    assert not [p for p in argos.rglob("*") if p.is_file()]


def test_gzip_bundles_round_trip(tmp_path: Path) -> None:
    """A .tar.gz bundle installs like a plain one (its ratio is far below the limit)."""
    folder = fake_stanza_folder(tmp_path / "stanza")
    made = bundle(tmp_path / "b.tar.gz", folder, include_argos=False)
    with gzip.open(tmp_path / "b.tar.gz") as handle:
        assert handle.read(1)
    install(tmp_path / "b.tar.gz", tmp_path / "target", sha256=made["sha256"])
    assert find_ner_model("en", tmp_path / "target") is not None


def test_installed_files_follow_the_umask(tmp_path: Path) -> None:
    """Installed files and folders get the usual permissions (umask), not the archive's or 0600."""
    import os

    folder = fake_stanza_folder(tmp_path / "stanza")
    made = bundle(tmp_path / "b.tar", folder, include_argos=False)
    old = os.umask(0o022)
    try:
        install(tmp_path / "b.tar", tmp_path / "target", sha256=made["sha256"])
    finally:
        os.umask(old)
    ner = tmp_path / "target" / "en" / "ner"
    assert (ner / "ontonotes.pt").stat().st_mode & 0o777 == 0o644
    assert ner.stat().st_mode & 0o777 == 0o755
    assert (tmp_path / "target" / "resources.json").stat().st_mode & 0o777 == 0o644
