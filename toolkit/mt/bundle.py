"""Carry models to a machine without network: `models bundle --out models.tar` writes every
package of the toolkit's models dir as `<name>.argosmodel` plus `models.lock.json` (their lock
entries) into one tar; `models install models.tar` checks and installs them all.

A bundle is read member by member, never with extractall: only regular files named
`<name>.argosmodel` or `models.lock.json` at the top, each within the size cap, are copied out
(into a temporary folder inside the models dir); every archive is validated and its files must
hash to the `tree_sha256` the bundle's lock file records before anything is installed.
"""

from __future__ import annotations

import json
import os
import shutil
import tarfile
import tempfile
import zipfile
from pathlib import Path

from ..errors import InputError, OutputError
from ..fsutil import writable_target
from .lockfile import LOCK_NAME, LockEntry, archive_tree_hash, now_iso, read_lock, record, tree_hash
from .packages import MAX_UNPACKED_BYTES, ModelPackage, install_package, list_packages, models_folder, validate_archive

MAX_MEMBERS = 1000
ZIP_DATE = (2020, 1, 1, 0, 0, 0)


def _zip_package(folder: Path, dest: Path) -> None:
    """A package folder as an .argosmodel (stored, fixed dates, sorted: the same bytes every time)."""
    with zipfile.ZipFile(dest, "w", zipfile.ZIP_STORED) as zf:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and not path.is_symlink():
                info = zipfile.ZipInfo(f"{folder.name}/{path.relative_to(folder).as_posix()}", ZIP_DATE)
                info.external_attr = 0o644 << 16
                with open(path, "rb") as src, zf.open(info, "w") as dst:
                    shutil.copyfileobj(src, dst, 1 << 20)


def make_bundle(models_dir: Path | None, out: Path) -> list[str]:
    """Write the bundle atomically; a package whose files differ from the lock file is refused
    (run `models verify`). Returns the package names."""
    folder = models_folder(models_dir)
    packages = list_packages(folder, include_argos=False)
    if not packages:
        raise InputError("no packages to bundle", folder)
    locked = read_lock(folder)
    target = writable_target(Path(out))
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    entries: dict[str, dict[str, str | int]] = {}
    try:
        with tempfile.TemporaryDirectory(prefix=".bundle-", dir=folder) as work, tarfile.open(tmp, "w") as tar:
            for package in packages:
                tree = tree_hash(package.path)
                entry = locked.get(package.name)
                if entry is not None and entry.tree_sha256 != tree:
                    raise InputError(f"{package.name} differs from the lock file: run `toolkit models verify`", folder)
                if entry is None:
                    entry = LockEntry(
                        package.name, package.pair, package.version, "", 0, str(package.path), now_iso(), tree
                    )
                entries[package.name] = entry.to_json()
                archive = Path(work) / f"{package.name}.argosmodel"
                _zip_package(package.path, archive)
                tar.add(archive, arcname=archive.name, recursive=False, filter=_plain)
                archive.unlink()
            lock = json.dumps({"version": 1, "packages": entries}, indent=2).encode() + b"\n"
            lock_file = Path(work) / LOCK_NAME
            lock_file.write_bytes(lock)
            tar.add(lock_file, arcname=LOCK_NAME, filter=_plain)
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except OSError as exc:
        raise OutputError(f"cannot write the bundle: {exc.strerror or exc}", out) from None
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return [p.name for p in packages]


def _plain(info: tarfile.TarInfo) -> tarfile.TarInfo:
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    info.mtime = 0
    info.mode = 0o644
    return info


def _members(tar: tarfile.TarFile, bundle: Path) -> list[tarfile.TarInfo]:
    members = tar.getmembers()
    if len(members) > MAX_MEMBERS:
        raise InputError(f"more than {MAX_MEMBERS} members: not a models bundle", bundle)
    total = 0
    for info in members:
        name = info.name
        if not info.isreg():
            raise InputError(f"{name!r} is not a regular file (links and folders are refused)", bundle)
        if "/" in name or "\\" in name or name.startswith(".") or ".." in name:
            raise InputError(f"unsafe or nested path {name!r} (a bundle holds files at its top only)", bundle)
        if name != LOCK_NAME and not name.endswith(".argosmodel"):
            raise InputError(f"unexpected member {name!r} (a bundle holds .argosmodel files and {LOCK_NAME})", bundle)
        total += info.size
        if total > MAX_UNPACKED_BYTES:
            raise InputError("unpacks to more than 8 GiB", bundle)
    return members


def install_bundle(bundle: Path, models_dir: Path | None = None) -> list[ModelPackage]:
    """Check every package of a bundle, then install them all and record them in the lock file."""
    bundle = Path(bundle)
    if not bundle.is_file():
        raise InputError("bundle file not found" if not bundle.exists() else "not a regular file", bundle)
    folder = models_folder(models_dir)
    read_lock(folder) if folder.is_dir() else None  # a broken lock file fails before anything
    folder.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".bundle-", dir=folder))
    try:
        try:
            with tarfile.open(bundle, "r:") as tar:
                members = _members(tar, bundle)
                for info in members:
                    source = tar.extractfile(info)
                    assert source is not None
                    with source, open(staging / info.name, "xb") as dst:
                        shutil.copyfileobj(source, dst, 1 << 20)
        except (tarfile.TarError, EOFError) as exc:
            raise InputError(f"not a readable tar file: {exc}", bundle) from None
        except FileExistsError:
            raise InputError("a member appears twice", bundle) from None
        if not (staging / LOCK_NAME).is_file():
            raise InputError(f"no {LOCK_NAME} in the bundle", bundle)
        try:
            entries = read_lock(staging)
        except InputError as exc:
            raise InputError(f"{LOCK_NAME}: {exc.message}", bundle) from None
        archives = sorted(staging.glob("*.argosmodel"))
        if not archives:
            raise InputError("no packages in the bundle", bundle)
        checked: list[tuple[Path, LockEntry]] = []
        for archive in archives:
            try:
                top, _ = validate_archive(archive)
            except InputError as exc:
                raise InputError(f"{archive.name}: {exc.message}", bundle) from None
            entry = entries.get(top)
            if entry is None or archive.name != f"{top}.argosmodel":
                raise InputError(f"{archive.name}: not recorded in the bundle's {LOCK_NAME}", bundle)
            if archive_tree_hash(archive, top) != entry.tree_sha256:
                raise InputError(f"{archive.name}: its files differ from the bundle's {LOCK_NAME}", bundle)
            checked.append((archive, entry))
        installed = [install_package(archive, folder) for archive, _ in checked]
        record(folder, [entry for _, entry in checked])
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return installed
