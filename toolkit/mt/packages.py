"""Argos translation packages: validate, install into the toolkit's models dir, list, remove.

Metadata is read with `argostranslate.package.Package` (pure Python; the translate module, which
imports stanza and torch, is never imported). Nothing here downloads (see download.py).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import stat
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ..errors import InputError, ToolkitError, UsageError
from ..fsutil import sha256_file

MODELS_ENV = "TOOLKIT_MODELS_DIR"
MAX_UNPACKED_BYTES = 8 << 30
# model weights hardly compress (int8 or float weights); a package that unpacks to 50 times its
# size is a zip bomb, not a model
MAX_RATIO = 50
LANGUAGE_CODE = re.compile(r"[a-z]{2,3}")


@dataclass(frozen=True)
class ModelPackage:
    """An installed argos package: language pair, version, files and where it was found."""

    path: Path
    from_code: str
    to_code: str
    version: str
    name: str
    origin: str  # "toolkit" or "argos"
    target_prefix: str = ""

    @property
    def pair(self) -> str:
        return f"{self.from_code}->{self.to_code}"

    @property
    def model_dir(self) -> Path:
        return self.path / "model"

    @property
    def sp_model(self) -> Path:
        return self.path / "sentencepiece.model"

    @property
    def model_id(self) -> str:
        """A stable id for signatures: pair, version and a short hash of the model weights."""
        weights = self.model_dir / "model.bin"
        digest = weights_digest(weights)[:12] if weights.is_file() else "missing"
        return f"argos:{self.from_code}_{self.to_code}@{self.version}#{digest}"


_DIGESTS: dict[tuple[str, int, int], str] = {}


def weights_digest(weights: Path) -> str:
    """sha256 of a weights file, computed once per process for a given path, size and mtime."""
    stat = weights.stat()
    key = (str(weights.resolve()), stat.st_size, stat.st_mtime_ns)
    if key not in _DIGESTS:
        _DIGESTS[key] = sha256_file(weights)
    return _DIGESTS[key]


def default_models_dir() -> Path:
    """TOOLKIT_MODELS_DIR, else the toolkit's folder in the user's data dir."""
    env = os.environ.get(MODELS_ENV)
    if env:
        return models_folder(Path(env), f"${MODELS_ENV}")
    from platformdirs import user_data_dir

    return Path(user_data_dir("press-toolkit")) / "models"


def models_folder(path: Path | None, what: str = "--models-dir") -> Path:
    """The models folder to use (the default one when path is None); UsageError when it names a
    file (or anything but a folder) instead of being silently ignored."""
    if path is None:
        return default_models_dir()
    path = Path(path)
    if path.exists() and not path.is_dir():
        raise UsageError(f"{what} {path} is a file, not a folder of models")
    return path


def argos_package_dirs() -> list[Path]:
    """Folders where argostranslate itself installs packages (so existing installs are found)."""
    from argostranslate import settings

    return [Path(p) for p in settings.package_dirs]


def _check_member(info: zipfile.ZipInfo, archive: Path) -> PurePosixPath:
    name = info.filename
    if "\\" in name or name.startswith("/") or (len(name) > 1 and name[1] == ":"):
        raise InputError(f"unsafe path in package: {name!r} (absolute paths are refused)", archive)
    pure = PurePosixPath(name)
    if any(part == ".." for part in pure.parts):
        raise InputError(f"unsafe path in package: {name!r} ('..' is refused)", archive)
    mode = info.external_attr >> 16
    if stat.S_ISLNK(mode):
        raise InputError(f"symbolic link in package: {name!r}", archive)
    return pure


def validate_archive(archive: Path) -> tuple[str, dict]:
    """Check an .argosmodel file without extracting it; return (top folder, metadata)."""
    archive = Path(archive)
    if not archive.is_file():
        raise InputError("package file not found", archive)
    if not zipfile.is_zipfile(archive):
        raise InputError("not an argos package (not a zip archive)", archive)
    try:
        with zipfile.ZipFile(archive) as zf:
            infos = zf.infolist()
            paths = [_check_member(info, archive) for info in infos]
            tops = {p.parts[0] for p in paths if p.parts}
            if len(tops) != 1 or not any(len(p.parts) > 1 for p in paths):
                raise InputError(f"an argos package holds exactly one top-level folder (found {len(tops)})", archive)
            top = tops.pop()
            unpacked = sum(info.file_size for info in infos)
            if unpacked > MAX_UNPACKED_BYTES:
                raise InputError("package unpacks to more than 8 GiB", archive)
            if unpacked > MAX_RATIO * max(1, archive.stat().st_size) and unpacked > 1 << 20:
                raise InputError(
                    f"package unpacks to {unpacked:,} bytes from {archive.stat().st_size:,} "
                    f"(more than {MAX_RATIO} times its size): refused as a zip bomb",
                    archive,
                )
            names = {str(p) for p in paths}
            for required in ("metadata.json", "model/model.bin"):
                if f"{top}/{required}" not in names:
                    raise InputError(f"package lacks {top}/{required}", archive)
            if f"{top}/sentencepiece.model" not in names:
                raise InputError(
                    f"package lacks {top}/sentencepiece.model (only SentencePiece tokenizers are supported)",
                    archive,
                )
            try:
                metadata = json.loads(zf.read(f"{top}/metadata.json").decode("utf-8"))
            except (UnicodeDecodeError, json.JSONDecodeError) as exc:
                raise InputError(f"{top}/metadata.json is not valid JSON: {exc}", archive) from None
    except zipfile.BadZipFile as exc:
        raise InputError(f"corrupt zip archive: {exc}", archive) from None
    if not isinstance(metadata, dict):
        raise InputError(f"{top}/metadata.json is not a JSON object", archive)
    for key in ("from_code", "to_code"):
        if not isinstance(metadata.get(key), str) or not metadata[key].strip():
            raise InputError(f"{top}/metadata.json lacks {key}", archive)
        if not LANGUAGE_CODE.fullmatch(metadata[key]):
            raise InputError(f"{top}/metadata.json: {key} {metadata[key]!r} is not a language code (ISO 639)", archive)
    if metadata.get("type", "translate") != "translate":
        raise InputError(f"not a translation package (type {metadata.get('type')!r})", archive)
    return top, metadata


def _load(path: Path, origin: str) -> ModelPackage | None:
    from argostranslate.package import Package

    try:
        pkg = Package(path)
    except (OSError, ValueError, KeyError, TypeError, json.JSONDecodeError):
        return None
    if getattr(pkg, "type", "translate") != "translate" or not pkg.from_code or not pkg.to_code:
        return None
    if not (path / "model" / "model.bin").is_file() or not (path / "sentencepiece.model").is_file():
        return None
    return ModelPackage(
        path=path,
        from_code=pkg.from_code,
        to_code=pkg.to_code,
        version=str(pkg.package_version or "0"),
        name=path.name,
        origin=origin,
        target_prefix=getattr(pkg, "target_prefix", "") or "",
    )


def install_package(archive: Path, models_dir: Path | None = None) -> ModelPackage:
    """Validate and install an .argosmodel file; an existing package of the same folder is replaced.

    The archive is extracted into a temporary folder inside the models dir and moved into place
    with os.replace, so a failure leaves the models dir as it was.
    """
    archive = Path(archive)
    top, _metadata = validate_archive(archive)
    models_dir = models_folder(models_dir)
    models_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".install-", dir=models_dir))
    try:
        with zipfile.ZipFile(archive) as zf:
            zf.extractall(staging)
        package = _load(staging / top, "toolkit")
        if package is None:
            raise InputError("argostranslate cannot load this package's metadata", archive)
        final = models_dir / top
        trash = None
        if final.exists():
            trash = Path(tempfile.mkdtemp(prefix=".old-", dir=models_dir))
            os.replace(final, trash / top)
        os.replace(staging / top, final)
        if trash is not None:
            shutil.rmtree(trash, ignore_errors=True)
    except zipfile.BadZipFile as exc:
        raise InputError(f"corrupt zip archive: {exc}", archive) from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    installed = _load(final, "toolkit")
    assert installed is not None
    return installed


def list_packages(models_dir: Path | None = None, include_argos: bool = True) -> list[ModelPackage]:
    """Packages in the toolkit's models dir, then those argostranslate installed, sorted by pair."""
    folders = [(models_folder(models_dir), "toolkit")]
    if include_argos:
        folders += [(p, "argos") for p in argos_package_dirs()]
    found: list[ModelPackage] = []
    seen: set[Path] = set()
    for folder, origin in folders:
        if not folder.is_dir():
            continue
        for child in sorted(folder.iterdir()):
            if child.name.startswith(".") or not child.is_dir() or child.resolve() in seen:
                continue
            package = _load(child, origin)
            if package is not None:
                seen.add(child.resolve())
                found.append(package)
    return found


def remove_package(name: str, models_dir: Path | None = None) -> Path:
    """Remove a package folder from the toolkit's models dir (never from argos's own dirs)."""
    models_dir = models_folder(models_dir)
    target = models_dir / name
    if not name or "/" in name or name.startswith(".") or not target.is_dir():
        raise ToolkitError(f"no package named {name!r} in {models_dir}")
    shutil.rmtree(target)
    return target
