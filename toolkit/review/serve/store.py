"""The bundle a review server works on: its PO files found once at start, read (and cached
until the file changes), and one segment's target saved under a lock.

Only `<doc>.<lang>.po` files directly in the bundle folder, whose real path is inside it, are
ever read or written: a document and a language are looked up among them, never joined into a
path from a request. A save takes the bundle folder's lock (the one `memory import` takes on a
memory's folder), reads the file again if it changed, refuses an edit based on an outdated
version of the entry (Conflict, with the entry as it is now), sets msgstr and the fuzzy flag,
and replaces the file atomically: it stays a valid PO file for msgfmt and `review apply`.

An entry's version is the first 16 hex digits of SHA-256 over its fuzzy flag and msgstr
(`entry_version`): an edit in another tab of another segment, or of the same segment to the
same text and state, is no conflict.
"""

from __future__ import annotations

import hashlib
import re
import threading
from dataclasses import dataclass, field, replace
from pathlib import Path

import polib

from ...errors import InputError
from ...formats.bundle import BundleEntry, BundlePo, read_bundle_po
from ...formats.po import read_po_file
from ...fsutil import atomic_write_bytes
from ...langs import SUPPORTED
from ...memory.exchange import memory_lock


def entry_version(target: str, fuzzy: bool) -> str:
    """The version of an entry's state: a hash of its fuzzy flag and msgstr."""
    return hashlib.sha256(f"{int(fuzzy)}\0{target}".encode()).hexdigest()[:16]


def version_of(entry: BundleEntry) -> str:
    return entry_version(entry.target, entry.fuzzy)


class NotFound(LookupError):
    """No such document, language or segment in the bundle."""


class BadText(ValueError):
    """A target a PO file cannot hold: control characters other than tab and line break."""


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


class Conflict(Exception):
    """The entry changed since the version an edit was based on; `current` is how it is now."""

    def __init__(self, current: BundleEntry):
        super().__init__(f"segment {current.id} was changed meanwhile")
        self.current = current


@dataclass
class _Cached:
    key: tuple[int, int, int]  # (inode, size, mtime_ns) of the file when it was read
    digest: str  # SHA-256 of its bytes: a save compares it, whatever the stat says
    po: BundlePo
    raw: polib.POFile
    head: str = ""  # the header comments polib writes before the entries
    parts: list[str] = field(default_factory=list)  # the metadata entry, then every entry as polib writes it

    def serialized(self) -> str:
        """The file as polib writes it, with only the changed entries written again (see save)."""
        if not self.parts:
            width = self.raw.wrapwidth
            entries = [self.raw.metadata_as_entry(), *(e for e in self.raw if not e.obsolete)]
            self.parts = [e.__unicode__(width) for e in entries + self.raw.obsolete_entries()]
            bare = polib.POFile(wrapwidth=width)  # the same header and metadata, no entries
            bare.header, bare.metadata, bare.metadata_is_fuzzy = (
                self.raw.header,
                self.raw.metadata,
                self.raw.metadata_is_fuzzy,
            )
            self.head = str(bare)[: -len(self.parts[0])]
        return self.head + "\n".join(self.parts)


def _stat_key(path: Path) -> tuple[int, int, int]:
    st = path.stat()
    return (st.st_ino, st.st_size, st.st_mtime_ns)


def _po_lang(name: str) -> tuple[str, str] | None:
    """(doc, lang) of `<doc>.<lang>.po`, else None."""
    if not name.endswith(".po"):
        return None
    doc, dot, lang = name[: -len(".po")].rpartition(".")
    return (doc, lang) if dot and doc and lang in SUPPORTED else None


class BundleStore:
    """The PO files of one bundle folder, by document and target language."""

    def __init__(self, root: Path):
        root = Path(root)
        if not root.exists():
            raise InputError("bundle folder not found", root)
        if not root.is_dir():
            raise InputError("not a folder (give the bundle folder that holds the *.po files)", root)
        self.root = root.resolve()
        self.files: dict[str, dict[str, Path]] = {}
        self.skipped: list[Path] = []  # links to files outside the bundle
        for path in sorted(root.iterdir()):
            found = _po_lang(path.name)
            if found is None or not path.is_file():
                continue
            if not self.inside(path):
                self.skipped.append(path)
                continue
            self.files.setdefault(found[0], {})[found[1]] = path
        if not self.files:
            raise InputError("no <doc>.<lang>.po files in this bundle folder", root)
        self._cache: dict[Path, _Cached] = {}
        self._lock = threading.Lock()
        for doc, langs in self.files.items():  # every file is checked before the server starts
            for lang in langs:
                self.read(doc, lang)

    def inside(self, path: Path) -> bool:
        """Whether path's real location (links followed) is in the bundle folder itself."""
        return path.resolve().parent == self.root

    def documents(self) -> list[str]:
        return list(self.files)

    def langs(self, doc: str) -> list[str]:
        """The target languages of a document, in the toolkit's order."""
        return [lang for lang in SUPPORTED if lang in self.files.get(doc, {})]

    def path(self, doc: str, lang: str) -> Path:
        path = self.files.get(doc, {}).get(lang)
        if path is None:
            raise NotFound(f"no {doc}.{lang}.po in the bundle")
        if not self.inside(path):  # replaced by a link out of the bundle after the start
            raise NotFound(f"{path.name} now points outside the bundle")
        return path

    def _load(self, path: Path, exact: bool = False) -> _Cached:
        """The file as cached, read again when its stat changed (exact: when its bytes did)."""
        key = _stat_key(path)
        cached = self._cache.get(path)
        if cached is not None and cached.key == key and not exact:
            return cached
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        if cached is None or cached.digest != digest:
            cached = self._cache[path] = _Cached(key, digest, read_bundle_po(path), read_po_file(path)[1])
        cached.key = key
        return cached

    def read(self, doc: str, lang: str) -> BundlePo:
        """The PO file of doc and lang as it is on disk now."""
        path = self.path(doc, lang)
        with self._lock:
            return self._load(path).po

    def entry(self, doc: str, lang: str, seg_id: str) -> BundleEntry:
        for entry in self.read(doc, lang).entries:
            if entry.id == seg_id:
                return entry
        raise NotFound(f"no segment {seg_id} in {doc}.{lang}.po")

    def save(self, doc: str, lang: str, seg_id: str, text: str, confirmed: bool, version: str) -> BundleEntry:
        """Set one entry's msgstr and state (confirmed: no fuzzy flag) if its version is still
        `version`; Conflict otherwise. Returns the entry as saved."""
        path = self.path(doc, lang)
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        bad = _CONTROL.search(text)
        if bad:
            raise BadText(f"the text holds the control character U+{ord(bad.group()):04X}")
        with self._lock, memory_lock(path):
            cached = self._load(path, exact=True)
            index = next((i for i, e in enumerate(cached.po.entries) if e.id == seg_id), None)
            if index is None:
                raise NotFound(f"no segment {seg_id} in {doc}.{lang}.po")
            current = cached.po.entries[index]
            if version != version_of(current):
                raise Conflict(current)
            raw = [e for e in cached.raw if not e.obsolete][index]  # BundlePo keeps the active entries in order
            fuzzy = not (confirmed and text.strip())
            if text and (
                raw.msgid.startswith("\n") != text.startswith("\n") or raw.msgid.endswith("\n") != text.endswith("\n")
            ):
                text = _same_line_ends(raw.msgid, text)  # msgfmt refuses a mismatch
            raw.msgstr = text
            if fuzzy and "fuzzy" not in raw.flags:
                raw.flags.append("fuzzy")
            if not fuzzy and "fuzzy" in raw.flags:
                raw.flags.remove("fuzzy")
            cached.serialized()  # the other entries' text, once per file version
            cached.parts[1 + index] = raw.__unicode__(cached.raw.wrapwidth)
            data = (cached.serialized() + "\n").encode("utf-8")
            atomic_write_bytes(path, data)
            saved = replace(current, target=text, fuzzy=fuzzy)
            entries = list(cached.po.entries)
            entries[index] = saved
            # line numbers of later entries may shift by the flag line; the server does not use them
            cached.po = replace(cached.po, entries=entries)
            cached.key, cached.digest = _stat_key(path), hashlib.sha256(data).hexdigest()
            return saved


def _same_line_ends(source: str, text: str) -> str:
    """text with a leading and trailing line break exactly where the source has one."""
    text = text.strip("\n")
    return ("\n" if source.startswith("\n") else "") + text + ("\n" if source.endswith("\n") else "")
