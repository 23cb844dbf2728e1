"""File helpers: atomic writes (temp file + os.replace) and content hashes."""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from collections.abc import Iterable
from pathlib import Path

TEMP_SUFFIX = ".tmp"
# mkstemp names made by atomic_write_bytes: "." + file name + "." + 8 random characters + suffix
_TEMP_NAME = re.compile(r"^\..+\.[A-Za-z0-9_]{8}" + re.escape(TEMP_SUFFIX) + "$")


def read_utf8(path: Path, what: str = "file") -> str:
    """A UTF-8 file's text (a BOM is dropped); a directory, a missing or unreadable file and
    undecodable bytes raise InputError naming the file (and, for bad bytes, the line)."""
    from .errors import InputError

    path = Path(path)
    if path.is_dir():
        raise InputError(f"is a directory, not a {what}", path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{what} not found", path) from None
    except OSError as exc:
        raise InputError(f"cannot read {what}: {exc.strerror or exc}", path) from None
    bom = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    try:
        return data[bom:].decode("utf-8")
    except UnicodeDecodeError as exc:
        offset = bom + exc.start
        head = data[:offset].replace(b"\r\n", b"\n").replace(b"\r", b"\n")  # CRLF, CR, LF
        message = f"not valid UTF-8 (byte 0x{data[offset]:02x} at offset {offset})"
        raise InputError(message, path, head.count(b"\n") + 1) from None


def default_mode() -> int:
    """The permissions a new file gets under the current umask."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write data to path so that readers see either the old file or the whole new one.

    The file keeps the permissions of the one it replaces (a new one gets the umask's), not the
    private 0600 of the temporary file.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = path.stat().st_mode & 0o777 if path.exists() else default_mode()
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TEMP_SUFFIX, dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
            os.fchmod(handle.fileno(), mode)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


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


def sha256_file(path: Path) -> str:
    """Hex SHA-256 of a file's bytes."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def combined_hash(paths: Iterable[Path]) -> str:
    """A short hash over several files' names and contents (order-independent), or 'none'."""
    items = sorted((Path(p).name, sha256_file(Path(p))) for p in paths)
    if not items:
        return "none"
    digest = hashlib.sha256()
    for name, file_hash in items:
        digest.update(f"{name}\0{file_hash}\n".encode())
    return digest.hexdigest()[:16]
