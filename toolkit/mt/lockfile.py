"""The models lock file, `<models dir>/models.lock.json`: for each package the toolkit installed,
the sha256 and size of the archive it came from, where it came from, when, and a hash of the
installed files (`tree_sha256`), so that `toolkit models verify` can recheck the installed tree
without the archive.

tree_sha256 is the sha256 of the lines `<path>\\0<sha256 of the file>\\n`, sorted by path, over
every regular file of the package (paths relative to the package folder, `/`-separated). It is
computed the same way from an archive's members and from the installed folder, so a package can
be checked before it is installed (a bundle) and after (verify).
"""

from __future__ import annotations

import json
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from ..errors import InputError
from ..fsutil import atomic_write_text, names_hash, read_utf8, sha256_stream

LOCK_NAME = "models.lock.json"
LOCK_VERSION = 1


def tree_hash(folder: Path) -> str:
    """tree_sha256 of an installed package folder (links and other non-regular files count as
    a mismatch: they are hashed as their kind, not followed)."""
    items: list[tuple[str, str]] = []
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).as_posix()
        if path.is_symlink():
            items.append((rel, "link"))
        elif path.is_file():
            with open(path, "rb") as handle:
                items.append((rel, sha256_stream(handle)))
    return names_hash(items)


def archive_tree_hash(archive: Path, top: str) -> str:
    """tree_sha256 of the package inside a (validated) .argosmodel archive."""
    items: list[tuple[str, str]] = []
    with zipfile.ZipFile(archive) as zf:
        for info in zf.infolist():
            if info.is_dir():
                continue
            with zf.open(info) as handle:
                items.append((info.filename[len(top) + 1 :], sha256_stream(handle)))
    return names_hash(items)


@dataclass(frozen=True)
class LockEntry:
    """What the lock file records about one installed package (keyed by its folder name)."""

    name: str
    pair: str
    version: str
    sha256: str  # of the archive
    size: int
    source: str  # URL or file it came from
    installed: str  # ISO date (UTC)
    tree_sha256: str

    def to_json(self) -> dict[str, str | int]:
        return {
            "pair": self.pair,
            "version": self.version,
            "sha256": self.sha256,
            "size": self.size,
            "source": self.source,
            "installed": self.installed,
            "tree_sha256": self.tree_sha256,
        }


def now_iso() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def lock_path(models_dir: Path) -> Path:
    return Path(models_dir) / LOCK_NAME


def read_lock(models_dir: Path) -> dict[str, LockEntry]:
    """The lock file's entries by package folder name; {} when there is none. A lock file that
    cannot be read raises InputError naming it."""
    path = lock_path(models_dir)
    if not path.exists() and not path.is_symlink():
        return {}
    text = read_utf8(path, "lock file")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"not valid JSON: {exc.msg}", path, exc.lineno) from None
    packages = data.get("packages") if isinstance(data, dict) else None
    if not isinstance(packages, dict):
        raise InputError('not a models lock file (no "packages" object)', path)
    entries: dict[str, LockEntry] = {}
    for name, raw in packages.items():
        try:
            entries[name] = LockEntry(
                name=name,
                pair=str(raw["pair"]),
                version=str(raw["version"]),
                sha256=str(raw["sha256"]),
                size=int(raw["size"]),
                source=str(raw["source"]),
                installed=str(raw["installed"]),
                tree_sha256=str(raw["tree_sha256"]),
            )
        except (KeyError, TypeError, ValueError):
            raise InputError(f"entry {name!r} lacks a field or has a wrong one", path) from None
    return entries


def write_lock(models_dir: Path, entries: dict[str, LockEntry]) -> None:
    """Write the lock file atomically, entries sorted by name."""
    data = {
        "version": LOCK_VERSION,
        "packages": {name: entries[name].to_json() for name in sorted(entries)},
    }
    atomic_write_text(lock_path(models_dir), json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def record(models_dir: Path, new: list[LockEntry]) -> None:
    """Add or replace entries in the lock file."""
    entries = read_lock(models_dir)
    for entry in new:
        entries[entry.name] = entry
    write_lock(models_dir, entries)


def forget(models_dir: Path, name: str) -> None:
    """Drop a package's entry (after `models remove`)."""
    entries = read_lock(models_dir)
    if entries.pop(name, None) is not None:
        write_lock(models_dir, entries)


@dataclass(frozen=True)
class VerifyResult:
    name: str
    status: str  # "ok", "modified", "missing", "unlocked"

    @property
    def ok(self) -> bool:
        return self.status in ("ok", "unlocked")


def verify(models_dir: Path) -> list[VerifyResult]:
    """Recheck every package the lock file records against its installed files ("ok",
    "modified" or "missing"), and name the installed packages it does not record ("unlocked":
    installed before the lock file existed or by hand; not a failure)."""
    models_dir = Path(models_dir)
    entries = read_lock(models_dir)
    results: list[VerifyResult] = []
    for name, entry in sorted(entries.items()):
        folder = models_dir / name
        if not folder.is_dir():
            results.append(VerifyResult(name, "missing"))
        else:
            results.append(VerifyResult(name, "ok" if tree_hash(folder) == entry.tree_sha256 else "modified"))
    if models_dir.is_dir():
        for child in sorted(models_dir.iterdir()):
            known = child.name.startswith(".") or child.name in entries
            if not known and (child / "metadata.json").is_file():
                results.append(VerifyResult(child.name, "unlocked"))
    return results
