"""File helpers: atomic writes (temp file + os.replace) and content hashes."""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

TEMP_SUFFIX = ".tmp"
# mkstemp names made by atomic_write_bytes: "." + file name + "." + 8 random characters + suffix
_TEMP_NAME = re.compile(r"^\..+\.[A-Za-z0-9_]{8}" + re.escape(TEMP_SUFFIX) + "$")


def read_bytes(path: Path, what: str = "file") -> bytes:
    """A file's bytes; a directory, a missing or unreadable file raise InputError naming it."""
    from .errors import InputError

    path = Path(path)
    if path.is_dir():
        raise InputError(f"is a directory, not a {what}", path)
    if path.exists() and not path.is_file():
        raise InputError(f"not a regular file (a {what} must be one)", path)  # a FIFO would block
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{what} not found", path) from None
    except OSError as exc:
        raise InputError(f"cannot read {what}: {exc.strerror or exc}", path) from None


def read_utf8(path: Path, what: str = "file") -> str:
    """A UTF-8 file's text (a BOM is dropped); a directory, a missing or unreadable file, a
    UTF-16 file (said so), NUL bytes and undecodable bytes raise InputError naming the file (and,
    for bad bytes, the line)."""
    from .errors import InputError

    path = Path(path)
    data = read_bytes(path, what)
    bom = 3 if data.startswith(b"\xef\xbb\xbf") else 0

    def line_of(offset: int) -> int:
        return data[:offset].replace(b"\r\n", b"\n").replace(b"\r", b"\n").count(b"\n") + 1  # CRLF, CR, LF

    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or (
        len(data) > 3 and b"\x00" in data[:4] and data.count(b"\x00") * 3 > len(data)
    ):
        raise InputError(f"the {what} is UTF-16, not UTF-8: save it as UTF-8", path)
    nul = data.find(b"\x00")
    if nul >= 0:
        raise InputError(f"NUL byte at offset {nul}: not a text file", path, line_of(nul))
    try:
        return data[bom:].decode("utf-8")
    except UnicodeDecodeError as exc:
        offset = bom + exc.start
        message = f"not valid UTF-8 (byte 0x{data[offset]:02x} at offset {offset})"
        raise InputError(message, path, line_of(offset)) from None


def default_mode() -> int:
    """The permissions a new file gets under the current umask."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _output_error(message: str, path: Path) -> Exception:
    from .errors import OutputError

    return OutputError(message, path)


def writable_target(path: Path) -> Path:
    """Where writing `path` must land: a symbolic link's target (a memory shared through a link
    stays shared); OutputError for a read-only file or a folder that is a file."""
    path = Path(path)
    target = path.resolve() if path.is_symlink() else path
    if path.is_symlink() and not target.exists():
        raise _output_error(f"is a link to {target}, which does not exist (a share not mounted?)", path)
    if target.is_dir():
        raise _output_error("is a directory, not a file", path)
    if target.exists() and not target.is_file():
        raise _output_error("is not a regular file", path)
    # no write permission bit at all counts too: root may write anything, but a file someone
    # made read-only (chmod a-w) is protected on purpose
    if target.exists() and (not os.access(target, os.W_OK) or not target.stat().st_mode & 0o222):
        raise _output_error("is read-only; it is left as it is", path)
    parent = target.parent
    for folder in (parent, *parent.parents):
        if folder.exists():
            if not folder.is_dir():
                raise _output_error(f"{folder} is a file, not a folder", path)
            break
    try:
        parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _output_error(f"cannot create the folder: {exc.strerror or exc}", path) from None
    return target


class StagedWrites:
    """Files written under temporary names in their folders, then renamed into place together,
    so that a failure while writing (a full disk) leaves every old file as it was."""

    def __init__(self) -> None:
        self._staged: list[tuple[Path, str]] = []

    def add(self, path: Path, data: bytes) -> None:
        """Write data under a temporary name next to path (or next to a link's target)."""
        target = writable_target(path)
        mode = target.stat().st_mode & 0o777 if target.exists() else default_mode()
        try:
            fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=TEMP_SUFFIX, dir=target.parent)
        except OSError as exc:
            raise _output_error(f"cannot write: {exc.strerror or exc}", path) from None
        self._staged.append((target, tmp))
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
                os.fchmod(handle.fileno(), mode)
        except OSError as exc:
            raise _output_error(f"cannot write: {exc.strerror or exc}", path) from None

    def commit(self) -> None:
        """Rename every staged file into place."""
        for target, tmp in self._staged:
            os.replace(tmp, target)
        self._staged.clear()

    def discard(self) -> None:
        """Remove the temporary files; the old files stay."""
        for _, tmp in self._staged:
            if os.path.exists(tmp):
                os.unlink(tmp)
        self._staged.clear()


@contextmanager
def staged_writes() -> Iterator[StagedWrites]:
    """Stage files with `add`; they replace the old ones together when the block ends, and
    none does if it raises."""
    stage = StagedWrites()
    try:
        yield stage
        stage.commit()
    except BaseException:
        stage.discard()
        raise


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write data to path so that readers see either the old file or the whole new one.

    The file keeps the permissions of the one it replaces (a new one gets the umask's), not the
    private 0600 of the temporary file; a symbolic link is written through to its target; a
    read-only file is refused (OutputError naming it), as is a write that fails (a full disk).
    """
    with staged_writes() as stage:
        stage.add(path, data)


def remove_stale_temp_files(folder: Path) -> list[Path]:
    """Delete the temporary files of atomic writes that a killed run left in folder."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    stale = [p for p in folder.iterdir() if p.is_file() and _TEMP_NAME.match(p.name)]
    for path in stale:
        path.unlink(missing_ok=True)
    return stale


def atomic_write_text(path: Path, text: str) -> None:
    """Write UTF-8 text (LF line ends) atomically."""
    atomic_write_bytes(path, text.encode("utf-8"))


def sha256_stream(handle: IO[bytes]) -> str:
    """Hex SHA-256 of what a binary stream holds, read in 1 MiB chunks."""
    digest = hashlib.sha256()
    for chunk in iter(lambda: handle.read(1 << 20), b""):
        digest.update(chunk)
    return digest.hexdigest()


def sha256_file(path: Path) -> str:
    """Hex SHA-256 of a file's bytes."""
    with open(path, "rb") as handle:
        return sha256_stream(handle)


def names_hash(items: Iterable[tuple[str, str]]) -> str:
    """Hex SHA-256 over (name, file hash) pairs, in name order: the same files give the same hash
    whatever order they come in."""
    digest = hashlib.sha256()
    for name, file_hash in sorted(items):
        digest.update(f"{name}\0{file_hash}\n".encode())
    return digest.hexdigest()


def combined_hash(paths: Iterable[Path]) -> str:
    """A short hash over several files' names and contents (order-independent), or 'none'."""
    items = [(Path(p).name, sha256_file(Path(p))) for p in paths]
    return names_hash(items)[:16] if items else "none"
