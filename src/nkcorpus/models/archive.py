"""One set of rules for unpacking model archives (tar and zip) safely, and one reachability check.

Model bundles are tar archives and Argos Translate packages are zip archives;
both are read through :class:`SafeArchive`, which applies the same rules and
the same :class:`ArchiveLimits` to either:

- every member name is a relative path without ``..``, ``.`` or empty parts,
  backslashes, NUL characters or drive letters;
- members are regular files or folders: links, devices, FIFOs, sparse tar
  members and encrypted zip members are refused;
- no name appears twice, and no name is both a file and a folder;
- each member, and all of them together, stay under the size limits, and the
  archive may not unpack to more than :data:`MAX_COMPRESSION_RATIO` times its
  size on disk (per member for zip, where packed sizes are known);
- while unpacking, the bytes actually read are counted: a member that yields
  more or fewer bytes than declared (a lying zip header, a tar cut short) is
  refused, and so is an archive whose real output passes the limits.

:func:`check_reachable` is the one check every download makes first, so an
offline machine fails within :data:`CONNECT_TIMEOUT` seconds.
"""

from __future__ import annotations

import contextlib
import os
import re
import socket
import stat
import tarfile
import urllib.parse
import zipfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

import attrs

from nkcorpus.errors import DownloadError, UnsafeArchiveError

__all__ = [
    "CONNECT_TIMEOUT",
    "MAX_COMPRESSION_RATIO",
    "MAX_MEMBER_BYTES",
    "MAX_TOTAL_BYTES",
    "ArchiveLimits",
    "Member",
    "SafeArchive",
    "Transaction",
    "check_reachable",
    "member_parts",
]

#: The largest single file an archive may unpack to (real model files are up to about 1 GB).
MAX_MEMBER_BYTES = 4 * 1024**3
#: The largest total an archive may unpack to.
MAX_TOTAL_BYTES = 16 * 1024**3
#: The largest ratio of unpacked to packed size (model files barely compress; bombs go far higher).
MAX_COMPRESSION_RATIO = 200
#: Seconds to wait for a download server before giving up.
CONNECT_TIMEOUT = 5.0

_RATIO_FLOOR = 1024**2  # below this many unpacked bytes, ratios are not checked
_DRIVE = re.compile(r"^[A-Za-z]:")
_READ_ERRORS = (tarfile.TarError, zipfile.BadZipFile, zlib.error, EOFError, OSError)


@attrs.frozen
class ArchiveLimits:
    """Size limits applied while checking and unpacking an archive.

    Attributes:
        max_member_bytes: the largest single file.
        max_total_bytes: the largest total of all files.
        max_ratio: the largest ratio of unpacked to packed bytes, checked once
            more than 1 MiB is unpacked.
    """

    max_member_bytes: int = MAX_MEMBER_BYTES
    max_total_bytes: int = MAX_TOTAL_BYTES
    max_ratio: float = MAX_COMPRESSION_RATIO


@attrs.frozen
class Member:
    """One checked archive member.

    Attributes:
        name: the member's path, its parts joined by ``/``.
        parts: the path's parts.
        is_dir: whether it is a folder.
        size: the size the archive declares (checked again while unpacking).
        packed_size: the compressed size (zip), or ``None`` (tar).
        info: the ``TarInfo`` or ``ZipInfo`` it came from.
    """

    name: str
    parts: tuple[str, ...]
    is_dir: bool
    size: int
    packed_size: int | None
    info: Any = attrs.field(eq=False, repr=False)


def member_parts(name: str) -> tuple[str, ...]:
    """Return the parts of a member name, or raise if the name is unsafe.

    A leading ``./`` and a trailing ``/`` are allowed (tar and zip write them).

    >>> member_parts("./stanza/en/ner/x.pt")
    ('stanza', 'en', 'ner', 'x.pt')

    Raises:
        UnsafeArchiveError: for absolute paths, ``..``, empty or ``.`` parts,
            backslashes, NUL characters and drive letters.
    """
    if not name or "\\" in name or "\x00" in name:
        raise UnsafeArchiveError(f"member {name!r} has a backslash, NUL or empty name")
    if name.startswith("/") or _DRIVE.match(name):
        raise UnsafeArchiveError(f"member {name!r} has an absolute path")
    trimmed = name[2:] if name.startswith("./") else name
    parts = tuple(trimmed.rstrip("/").split("/"))
    if ".." in parts:
        raise UnsafeArchiveError(f"member {name!r} reaches outside its folder ('..')")
    if any(part in ("", ".") for part in parts):
        raise UnsafeArchiveError(f"member {name!r} has an empty or '.' part in its path")
    return parts


def _tar_member(info: tarfile.TarInfo) -> Member:
    parts = member_parts(info.name)
    name = "/".join(parts)
    if info.issym() or info.islnk():
        raise UnsafeArchiveError(f"member {name!r} is a link; only files and folders are allowed")
    if info.issparse():
        raise UnsafeArchiveError(f"member {name!r} is a sparse file; only plain files are allowed")
    if not (info.isreg() or info.isdir()):
        raise UnsafeArchiveError(f"member {name!r} is not a regular file or folder")
    return Member(name, parts, info.isdir(), 0 if info.isdir() else info.size, None, info)


def _zip_member(info: zipfile.ZipInfo) -> Member:
    parts = member_parts(info.filename)
    name = "/".join(parts)
    mode = info.external_attr >> 16
    if stat.S_ISLNK(mode):
        raise UnsafeArchiveError(f"member {name!r} is a symbolic link")
    if stat.S_IFMT(mode) and not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
        raise UnsafeArchiveError(f"member {name!r} is not a plain file or folder")
    if info.flag_bits & 0x1:
        raise UnsafeArchiveError(f"member {name!r} is encrypted")
    is_dir = info.is_dir()
    return Member(name, parts, is_dir, 0 if is_dir else info.file_size, info.compress_size, info)


class SafeArchive:
    """A tar or zip archive whose members passed the rules in this module's description.

    Opening checks every member's name, kind and declared size before anything
    is unpacked; :meth:`extract` counts the bytes it actually writes.

    Args:
        path: the archive (tar, optionally compressed, or zip).
        limits: the size limits (default :class:`ArchiveLimits`).

    Raises:
        UnsafeArchiveError: when the archive is unreadable, cut short or breaks a rule.
    """

    def __init__(self, path: str | os.PathLike[str], limits: ArchiveLimits | None = None):
        self.path = Path(path)
        self.limits = limits if limits is not None else ArchiveLimits()
        self.packed_bytes = self.path.stat().st_size
        self._written = 0
        self._tar: tarfile.TarFile | None = None
        self._zip: zipfile.ZipFile | None = None
        try:
            with self.path.open("rb") as handle:
                magic = handle.read(4)
            # by the first bytes, not zipfile.is_zipfile: a tar that ends in a .pt (itself
            # a zip) would pass for a zip archive
            if magic in (b"PK\x03\x04", b"PK\x05\x06"):
                self._zip = zipfile.ZipFile(self.path)
                self.members = self._check(map(_zip_member, self._zip.infolist()))
            else:
                self._tar = tarfile.open(self.path, "r:*")  # noqa: SIM115 (closed by close())
                # checked one by one as read: a bomb is refused before it is all inflated
                self.members = self._check(map(_tar_member, self._tar))
        except UnsafeArchiveError as error:
            self.close()
            if str(error).startswith("refusing "):
                raise
            raise UnsafeArchiveError(f"refusing {self.path}: {error}") from None
        except _READ_ERRORS as error:
            self.close()
            raise UnsafeArchiveError(
                f"{self.path} is not a readable tar or zip archive, or it is cut short "
                f"({type(error).__name__}: {error}); copy it again"
            ) from error

    @property
    def kind(self) -> str:
        """``"zip"`` or ``"tar"``."""
        return "zip" if self._zip is not None else "tar"

    def _refuse(self, why: str) -> UnsafeArchiveError:
        return UnsafeArchiveError(f"refusing {self.path}: {why}")

    def _check(self, members: Iterator[Member]) -> list[Member]:
        limits = self.limits
        files: dict[tuple[str, ...], Member] = {}
        folders: set[tuple[str, ...]] = set()
        total = 0
        checked = []
        for member in members:
            checked.append(member)
            folders.update(member.parts[:i] for i in range(1, len(member.parts)))
            if member.is_dir:
                folders.add(member.parts)
                continue
            if member.parts in files:
                raise self._refuse(f"member {member.name!r} appears twice")
            files[member.parts] = member
            if member.size > limits.max_member_bytes:
                raise self._refuse(
                    f"member {member.name!r} is {member.size} bytes, over the limit of "
                    f"{limits.max_member_bytes}"
                )
            packed = member.packed_size
            if (
                packed is not None
                and member.size > _RATIO_FLOOR
                and member.size > limits.max_ratio * max(packed, 1)
            ):
                raise self._refuse(
                    f"member {member.name!r} unpacks to more than {limits.max_ratio:g} times "
                    "its packed size"
                )
            total += member.size
            self._check_total(total, "declares")
        clash = sorted("/".join(parts) for parts in files.keys() & folders)
        if clash:
            raise self._refuse(f"{clash[0]!r} is both a file and a folder")
        return checked

    def _check_total(self, total: int, verb: str) -> None:
        limits = self.limits
        if total > limits.max_total_bytes:
            raise self._refuse(
                f"it {verb} more than {limits.max_total_bytes} bytes unpacked (limit)"
            )
        if total > _RATIO_FLOOR and total > limits.max_ratio * max(self.packed_bytes, 1):
            raise self._refuse(
                f"it {verb} {total} bytes unpacked, more than {limits.max_ratio:g} times its "
                f"{self.packed_bytes} bytes on disk"
            )

    def files(self) -> list[Member]:
        """Return the file members (not folders), in archive order."""
        return [m for m in self.members if not m.is_dir]

    def _open(self, member: Member) -> IO[bytes]:
        if self._zip is not None:
            return self._zip.open(member.info)
        assert self._tar is not None
        handle = self._tar.extractfile(member.info)
        if handle is None:
            raise self._refuse(f"member {member.name!r} cannot be read")
        return handle

    def chunks(self, member: Member, block: int = 1 << 20) -> Iterator[bytes]:
        """Yield the bytes of a file member, counting them against the declared size and limits.

        Raises:
            UnsafeArchiveError: when the member yields more or fewer bytes than
                declared, the total passes the limits, or the archive is damaged.
        """
        count = 0
        try:
            with self._open(member) as handle:
                while chunk := handle.read(block):
                    count += len(chunk)
                    self._written += len(chunk)
                    if count > member.size:
                        raise self._refuse(f"member {member.name!r} is longer than it declares")
                    self._check_total(self._written, "unpacks to")
                    yield chunk
        except _READ_ERRORS as error:
            raise self._refuse(
                f"member {member.name!r} cannot be read ({type(error).__name__}: {error}); "
                "the archive is damaged or cut short"
            ) from error
        if count != member.size:
            raise self._refuse(
                f"member {member.name!r} holds {count} bytes but declares {member.size}; the "
                "archive is damaged or cut short"
            )

    def read(self, member: Member, max_bytes: int = 64 * 1024**2) -> bytes:
        """Return a small file member's bytes (descriptors, manifests).

        Raises:
            UnsafeArchiveError: when it is larger than ``max_bytes`` or unreadable.
        """
        if member.size > max_bytes:
            raise self._refuse(f"member {member.name!r} is too large to be a description")
        return b"".join(self.chunks(member))

    def extract(
        self, member: Member, target: Path, on_chunk: Callable[[bytes], object] | None = None
    ) -> None:
        """Write a file member to ``target`` (which must not exist), counting its bytes.

        The file gets the default permissions of a new file (the umask decides);
        modes and owners recorded in the archive are ignored.
        """
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(target, "xb") as out:
            for chunk in self.chunks(member):
                if on_chunk is not None:
                    on_chunk(chunk)
                out.write(chunk)

    def close(self) -> None:
        """Close the archive file."""
        for handle in (self._tar, self._zip):
            if handle is not None:
                handle.close()

    def __enter__(self) -> SafeArchive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def check_reachable(url: str, what: str, offline_hint: str) -> None:
    """Fail within :data:`CONNECT_TIMEOUT` seconds when the host of ``url`` cannot be reached.

    Args:
        url: an http(s) URL.
        what: what was to be downloaded, for the message.
        offline_hint: how to install it without a network, for the message.

    Raises:
        DownloadError: for a URL that is not http(s), or when the host is out of reach.
    """
    parsed = urllib.parse.urlsplit(url)
    if parsed.scheme not in ("http", "https") or not parsed.hostname:
        raise DownloadError(f"{url!r} is not an http(s) URL; cannot download {what} from it")
    port = parsed.port or (443 if parsed.scheme == "https" else 80)
    try:
        with socket.create_connection((parsed.hostname, port), timeout=CONNECT_TIMEOUT):
            pass
    except Exception as error:  # OSError offline; sandboxes and test guards raise others
        raise DownloadError(
            f"cannot reach {parsed.hostname} to download {what} ({error}). This machine seems "
            f"to be offline: {offline_hint}"
        ) from error


class Transaction:
    """Move staged files or folders into place all together, or put everything back.

    Each :meth:`place` renames a staged path over its target (the same
    filesystem, so each step is one rename); a target already there is first
    renamed into ``backup_dir``. :meth:`rollback` undoes every step in reverse
    order, so a failure halfway leaves the folders as they were.

    Args:
        backup_dir: where replaced targets wait until the transaction ends;
            on the same filesystem as the targets.
    """

    def __init__(self, backup_dir: Path):
        self.backup_dir = backup_dir
        self._steps: list[tuple[Path, Path | None]] = []
        self._created: list[Path] = []

    def _make_parents(self, folder: Path) -> None:
        missing = []
        while not folder.exists():
            missing.append(folder)
            folder = folder.parent
        for path in reversed(missing):
            path.mkdir()
            self._created.append(path)

    def remove(self, target: Path) -> None:
        """Move ``target`` out of the way (into the backup folder) as one step."""
        self.backup_dir.mkdir(parents=True, exist_ok=True)
        backup = self.backup_dir / str(len(self._steps))
        os.replace(target, backup)
        self._steps.append((target, backup))

    def place(self, staged: Path, target: Path) -> None:
        """Rename ``staged`` to ``target``, keeping a backup of what was there."""
        self._make_parents(target.parent)
        if target.exists() or target.is_symlink():
            self.remove(target)
        os.replace(staged, target)
        self._steps.append((target, None))

    def rollback(self) -> None:
        """Undo every step, newest first."""
        import shutil

        for target, backup in reversed(self._steps):
            if backup is None:
                if target.is_dir() and not target.is_symlink():
                    shutil.rmtree(target, ignore_errors=True)
                else:
                    target.unlink(missing_ok=True)
            else:
                os.replace(backup, target)
        for folder in reversed(self._created):
            with contextlib.suppress(OSError):
                folder.rmdir()
        self._steps.clear()
        self._created.clear()
