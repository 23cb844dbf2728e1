"""`toolkit models download`: argos packages from an argospm-style index, fetched only when the
user asks.

The index is a JSON list of packages with `from_code`, `to_code`, `package_version` and `links`
(argospm's format); an entry may also carry `sha256` and `size` (argos ignores unknown keys),
which are then checked. Every package asked for is downloaded into a temporary folder inside the
models dir (streamed, size-capped, timeouts, retries, the links in order), checked against the
index's sha256 or, without one, against the sha256 recorded in the lock file when the same
package version was first installed (trust on first use), validated like a local file, and only
then installed (each atomically) and recorded in the lock file. A failure or Ctrl-C before the
installs leaves the models dir as it was.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError, UsageError
from ..fsutil import read_utf8
from .fetch import FetchError, FetchOptions, Progress, fetch_first
from .lockfile import LockEntry, archive_tree_hash, now_iso, read_lock, record
from .packages import ModelPackage, install_package, models_folder, validate_archive

INDEX_ENV = "TOOLKIT_MODELS_INDEX"
# argostranslate.settings.remote_package_index of the argostranslate version the toolkit pins
DEFAULT_INDEX = "https://raw.githubusercontent.com/argosopentech/argospm-index/main/index.json"
MAX_INDEX_BYTES = 16 << 20
SHA256 = re.compile(r"[0-9a-fA-F]{64}")

ProgressFactory = Callable[[str, int | None], Progress]


@dataclass(frozen=True)
class IndexEntry:
    """One package of the index."""

    from_code: str
    to_code: str
    version: str
    links: tuple[str, ...]
    sha256: str | None = None
    size: int | None = None

    @property
    def pair(self) -> str:
        return f"{self.from_code}->{self.to_code}"


def index_source(index: str | None) -> str:
    """--index, else $TOOLKIT_MODELS_INDEX, else argospm's public index."""
    return index or os.environ.get(INDEX_ENV) or DEFAULT_INDEX


def is_url(source: str) -> bool:
    return source.startswith(("http://", "https://"))


def _version_key(version: str) -> tuple[tuple[int, str], ...]:
    return tuple((int(part), "") if part.isdigit() else (-1, part) for part in re.split(r"[.\-_]", version))


def parse_index(text: str, source: str) -> list[IndexEntry]:
    """The translation packages of an index; InputError naming source when it is not one."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"the index is not JSON ({exc.msg}, line {exc.lineno})", source) from None
    if not isinstance(data, list):
        raise InputError("the index is not a JSON list of packages", source)
    entries: list[IndexEntry] = []
    for n, item in enumerate(data):
        if not isinstance(item, dict) or item.get("type", "translate") != "translate":
            continue
        from_code, to_code, links = item.get("from_code"), item.get("to_code"), item.get("links")
        if not isinstance(from_code, str) or not isinstance(to_code, str):
            continue
        if not isinstance(links, list) or not all(isinstance(link, str) for link in links):
            raise InputError(f"package {n} ({from_code}->{to_code}): links is not a list of URLs", source)
        sha256 = item.get("sha256")
        if sha256 is not None and (not isinstance(sha256, str) or not SHA256.fullmatch(sha256)):
            raise InputError(f"package {n} ({from_code}->{to_code}): sha256 is not 64 hex digits", source)
        size = item.get("size")
        if size is not None and (not isinstance(size, int) or isinstance(size, bool) or size <= 0):
            raise InputError(f"package {n} ({from_code}->{to_code}): size is not a positive integer", source)
        entries.append(
            IndexEntry(from_code, to_code, str(item.get("package_version", "0")), tuple(links), sha256, size)
        )
    return entries


def load_index(source: str, options: FetchOptions, warn: Callable[[str], None] | None = None) -> list[IndexEntry]:
    """Read the index from a file or fetch it from an http(s) URL (capped at 16 MiB)."""
    if not is_url(source):
        return parse_index(read_utf8(Path(source), "package index"), source)
    with tempfile.TemporaryDirectory(prefix="toolkit-index-") as tmp:
        dest = Path(tmp) / "index.json"
        try:
            fetch_first(
                [source],
                dest,
                FetchOptions(options.timeout, options.retries, options.backoff, MAX_INDEX_BYTES),
                warn=warn,
            )
        except FetchError as exc:
            raise InputError(f"cannot fetch the package index: {exc.reason}", source) from None
        try:
            text = dest.read_bytes().decode("utf-8-sig")
        except UnicodeDecodeError:
            raise InputError("the index is not UTF-8 text", source) from None
    return parse_index(text, source)


def parse_pair(text: str) -> tuple[str, str]:
    """'ru-en' (or 'ru->en', 'ru_en') -> ('ru', 'en'); UsageError otherwise."""
    parts = [p for p in re.split(r"->|[-_:]", text.strip().lower()) if p]
    if len(parts) != 2 or not all(re.fullmatch(r"[a-z]{2,3}", p) for p in parts):
        raise UsageError(f"not a language pair: {text!r} (write it like ru-en)")
    if parts[0] == parts[1]:
        raise UsageError(f"a pair of one language: {text!r}")
    return parts[0], parts[1]


def choose(entries: list[IndexEntry], from_code: str, to_code: str, source: str) -> IndexEntry:
    """The index's newest package for the pair; UsageError naming the index when it has none."""
    found = [e for e in entries if e.from_code == from_code and e.to_code == to_code]
    if not found:
        raise UsageError(f"{source}: the index has no {from_code}->{to_code} package")
    return max(found, key=lambda e: _version_key(e.version))


@dataclass(frozen=True)
class Downloaded:
    entry: IndexEntry
    archive: Path
    url: str
    sha256: str
    size: int
    top: str


def _download_one(
    entry: IndexEntry,
    dest: Path,
    options: FetchOptions,
    locked: dict[str, LockEntry],
    progress: Progress | None,
    warn: Callable[[str], None] | None,
) -> Downloaded:
    try:
        fetched = fetch_first(
            list(entry.links),
            dest,
            options,
            expected_size=entry.size,
            expected_sha256=entry.sha256,
            progress=progress,
            warn=warn,
        )
    except FetchError as exc:
        raise InputError(f"cannot download the {entry.pair} package: {exc.reason}", exc.url) from None
    try:
        top, metadata = validate_archive(dest)
    except InputError as exc:
        raise InputError(f"the {entry.pair} package is refused: {exc.message}", fetched.url) from None
    if (metadata["from_code"], metadata["to_code"]) != (entry.from_code, entry.to_code):
        got = f"{metadata['from_code']}->{metadata['to_code']}"
        raise InputError(f"the index's {entry.pair} package is a {got} package", fetched.url)
    first = locked.get(top)
    if entry.sha256 is None and first is not None and first.version == entry.version and first.sha256 != fetched.sha256:
        raise InputError(
            f"sha256 {fetched.sha256} differs from {first.sha256}, recorded in the lock file when "
            f"{top} {first.version} was first installed (from {first.source}); if the new one is "
            f"trusted, `toolkit models remove {top}` first",
            fetched.url,
        )
    return Downloaded(entry, dest, fetched.url, fetched.sha256, fetched.size, top)


def download_packages(
    pairs: list[tuple[str, str]],
    models_dir: Path | None = None,
    index: str | None = None,
    options: FetchOptions | None = None,
    progress: ProgressFactory | None = None,
    warn: Callable[[str], None] | None = None,
) -> list[ModelPackage]:
    """Download, check and install the packages for pairs; nothing is installed unless all of
    them downloaded and validated."""
    options = options or FetchOptions()
    folder = models_folder(models_dir)
    locked = read_lock(folder) if folder.is_dir() else {}  # a broken lock file fails before any download
    source = index_source(index)
    entries = load_index(source, options, warn)
    chosen = [choose(entries, f, t, source) for f, t in dict.fromkeys(pairs)]
    folder.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".download-", dir=folder))
    try:
        done: list[Downloaded] = []
        for n, entry in enumerate(chosen):
            bar = progress(f"{entry.pair} {entry.version}", entry.size) if progress else None
            done.append(_download_one(entry, staging / f"{n}.argosmodel", options, locked, bar, warn))
        installed: list[ModelPackage] = []
        records: list[LockEntry] = []
        for item in done:
            package = install_package(item.archive, folder)
            installed.append(package)
            records.append(
                LockEntry(
                    name=package.name,
                    pair=package.pair,
                    version=package.version,
                    sha256=item.sha256,
                    size=item.size,
                    source=item.url,
                    installed=now_iso(),
                    tree_sha256=archive_tree_hash(item.archive, item.top),
                )
            )
        record(folder, records)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return installed


def install_recorded(archive: Path, models_dir: Path | None = None) -> ModelPackage:
    """`models install FILE`: install a local package and record it in the lock file (source:
    the file's absolute path)."""
    from ..fsutil import sha256_file

    archive = Path(archive)
    top, _ = validate_archive(archive)
    folder = models_folder(models_dir)
    locked = read_lock(folder) if folder.is_dir() else {}
    del locked  # read only so that a broken lock file fails before the install
    tree = archive_tree_hash(archive, top)
    package = install_package(archive, folder)
    entry = LockEntry(
        name=package.name,
        pair=package.pair,
        version=package.version,
        sha256=sha256_file(archive),
        size=archive.stat().st_size,
        source=str(archive.resolve()),
        installed=now_iso(),
        tree_sha256=tree,
    )
    record(folder, [entry])
    return package
