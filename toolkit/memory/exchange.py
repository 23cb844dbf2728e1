"""Memory files other than TMX (reviewed PO bundles, CSV/TSV), import into a TMX and export.

Import reads every input completely first (a malformed one raises InputError naming file and
line, and nothing is written), then, holding an exclusive lock on the target memory, re-reads
it, merges and writes it atomically, so two imports at once both land and a crash leaves the
old file. Only confirmed entries are imported: PO entries with a msgstr and no fuzzy flag.
Merging is keyed on the normalised source sentence: the same translation is a duplicate, a
missing language is filled in, a different translation is kept as an alternative unit and
reported as a conflict.
"""

from __future__ import annotations

import csv
import fcntl
import getpass
import io
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import polib

from ..errors import InputError, UsageError
from ..formats.bundle import BundlePo, document_of, read_bundle_po
from ..formats.csvrows import data_rows
from ..formats.tmx import (
    DOCUMENT_PROP,
    DOCUMENT_PROPS,
    TranslationUnit,
    iter_tmx,
    lang_code,
    read_header,
    tmx_bytes,
    write_tmx,
)
from ..formats.xliff_model import Status, XliffSegment
from ..formats.xliff_read import SUFFIXES as XLIFF_SUFFIXES
from ..formats.xliff_read import read_xliff
from ..fsutil import read_utf8, writable_target
from ..inline import plain
from ..langs import SUPPORTED, check_lang
from .model import Memory, file_penalty, normalise

CSV_META_COLUMNS = ("tuid", "document", "creationdate", "creationid", "changedate", "changeid", "origin")


@dataclass
class MemoryInput:
    """Confirmed units read from one file, the language they are keyed on, and what was skipped."""

    path: Path
    source: str
    units: list[TranslationUnit]
    unconfirmed: list[str] = field(default_factory=list)


@dataclass
class ImportReport:
    """What an import did to the target memory."""

    into: Path
    read: int = 0
    added: int = 0
    duplicates: int = 0
    filled: int = 0
    conflicts: list[str] = field(default_factory=list)
    unconfirmed: int = 0

    def lines(self) -> list[str]:
        head = (
            f"{self.into}: {self.read} confirmed entries read, {self.added} added, {self.duplicates} "
            f"duplicates merged, {self.filled} languages filled in, {len(self.conflicts)} conflicts kept "
            f"as alternatives, {self.unconfirmed} unconfirmed skipped"
        )
        return [head] + [f"conflict: {c}" for c in self.conflicts]


def timestamp(now: datetime | None = None) -> str:
    """A TMX date (YYYYMMDDThhmmssZ, UTC)."""
    return (now or datetime.now(UTC)).astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def read_po(path: Path, now: datetime | None = None, source: str | None = None) -> MemoryInput:
    """Confirmed entries of a reviewed PO file as units, with their document context as props;
    `source` stands for a missing (or overrides the) X-Source-Language header."""
    return po_units(read_bundle_po(Path(path), source), now)


def po_units(po: BundlePo, now: datetime | None = None) -> MemoryInput:
    """The confirmed entries of a read PO file as units (see read_po)."""
    user = po.metadata.get("Last-Translator", "").strip() or _user()
    stamp = timestamp(now)
    entries = [e for e in po.entries if e.source]
    units, unconfirmed = [], []
    for i, entry in enumerate(entries):
        if not entry.confirmed:
            unconfirmed.append(entry.id)
            continue
        document = entry.document
        before = entries[i - 1] if i > 0 else None
        after = entries[i + 1] if i + 1 < len(entries) else None
        props = {
            DOCUMENT_PROP: document,
            "x-context-prev": plain(before.source) if before and before.document == document else "",
            "x-context-next": plain(after.source) if after and after.document == document else "",
            "x-status": "reviewed",
        }
        units.append(
            TranslationUnit(
                {po.source_lang: plain(entry.source), po.target_lang: plain(entry.target)},  # memory: plain text
                entry.context or None,
                props,
                str(po.path),
                entry.line,
                creationdate=stamp,
                creationid=user,
            )
        )
    return MemoryInput(po.path, po.source_lang, units, unconfirmed)


def xliff_input(path: Path, now: datetime | None = None, accept_translated: bool = False) -> MemoryInput:
    """The confirmed segments of an XLIFF file (1.2 or 2.x) as units: states reviewed and final
    (what a CAT tool marked reviewed, approved, signed off), and `translated` too with
    accept_translated (for tools with no review step). Context and document props as po_units."""
    docs = read_xliff(Path(path))
    sources = {doc.source_lang for doc in docs}
    if len(sources) > 1:
        raise InputError(f"the <file>s have different source languages ({', '.join(sorted(sources))})", path)
    stamp, user = timestamp(now), _user()
    units, unconfirmed = [], []
    for doc in docs:
        segments = [s for s in doc.segments() if s.source.strip()]
        for i, seg in enumerate(segments):
            if not _accepted(seg, accept_translated):
                unconfirmed.append(seg.id)
                continue
            before = segments[i - 1].source if i > 0 else ""
            after = segments[i + 1].source if i + 1 < len(segments) else ""
            props = {
                DOCUMENT_PROP: _xliff_document(seg.id, doc.original),
                "x-context-prev": before,
                "x-context-next": after,
                "x-status": "reviewed",
            }
            variants = {doc.source_lang: seg.source, doc.target_lang: seg.target or ""}
            units.append(TranslationUnit(variants, seg.id, props, str(path), seg.line, stamp, user))
    return MemoryInput(Path(path), docs[0].source_lang, units, unconfirmed)


def _accepted(seg: XliffSegment, accept_translated: bool) -> bool:
    if not (seg.target or "").strip():
        return False
    return seg.confirmed or (accept_translated and seg.status is Status.TRANSLATED)


def _xliff_document(seg_id: str, original: str) -> str:
    """The toolkit's document of a segment id, else the file's `original`."""
    document = document_of(seg_id)
    return document if document != seg_id else original


def read_delimited(path: Path, now: datetime | None = None) -> MemoryInput:
    """A CSV (.csv) or TSV (.tsv) file with a header of language codes (first one is the source).

    Other known columns: tuid, document, creationdate, creationid, changedate, changeid, origin.
    """
    path = Path(path)
    delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
    text = read_utf8(path, "CSV/TSV file")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        header = next(reader, None)
        if not header:
            raise InputError("empty file (a header of language codes is needed)", path, 1)
        names = [h.strip().lower() for h in header]
        langs = {
            i: lang_code(n) for i, n in enumerate(names) if lang_code(n) in SUPPORTED and n not in CSV_META_COLUMNS
        }
        unknown = [h for i, h in enumerate(names) if i not in langs and h not in CSV_META_COLUMNS]
        if len(langs) < 2 or unknown:
            raise InputError(
                f"header needs two or more language columns ({', '.join(SUPPORTED)}) and only known columns "
                f"({', '.join(CSV_META_COLUMNS)}); got {header!r}",
                path,
                1,
            )
        meta = {n: i for i, n in enumerate(names) if n in CSV_META_COLUMNS}
        source = langs[min(langs)]
        units = []
        stamp, user = timestamp(now), _user()
        for line, row in data_rows(reader, len(header), path):
            variants = {lang: row[i] for i, lang in langs.items() if row[i].strip()}
            if source not in variants or len(variants) < 2:
                continue
            cells = {name: row[k].strip() for name, k in meta.items() if row[k].strip()}
            props = {DOCUMENT_PROP: cells["document"]} if "document" in cells else {}
            units.append(
                TranslationUnit(
                    variants,
                    cells.get("tuid"),
                    props,
                    str(path),
                    line,
                    creationdate=cells.get("creationdate") or stamp,
                    creationid=cells.get("creationid") or user,
                    changedate=cells.get("changedate"),
                    changeid=cells.get("changeid"),
                )
            )
    except csv.Error as exc:
        raise InputError(f"malformed {'TSV' if delimiter == chr(9) else 'CSV'}: {exc}", path, reader.line_num) from None
    return MemoryInput(path, source, units)


def read_tmx_input(path: Path, source: str | None = None) -> MemoryInput:
    """A TMX file to import; its source language is the header's srclang unless given."""
    attrs, _ = read_header(path)
    units = list(iter_tmx(path))
    src = source or lang_code(attrs.get("srclang", ""))
    if src not in SUPPORTED:
        src = next((lang for u in units for lang in u.variants), "ru")
    return MemoryInput(Path(path), src, units)


def read_input(
    path: Path, source: str | None = None, now: datetime | None = None, accept_translated: bool = False
) -> MemoryInput:
    """Dispatch on the suffix: .po, .tmx, .csv, .tsv, XLIFF (.xlf, .xliff, .sdlxliff, .mqxliff)."""
    path = Path(path)
    if not path.is_file():
        raise InputError("file not found", path)
    suffix = path.suffix.lower()
    if suffix == ".po":
        return read_po(path, now, source)
    if suffix == ".tmx":
        return read_tmx_input(path, source)
    if suffix in XLIFF_SUFFIXES:
        return xliff_input(path, now, accept_translated)
    if suffix in (".csv", ".tsv"):
        found = read_delimited(path, now)
        if source:
            found.source = check_lang(source)
        return found
    raise InputError(
        "unsupported memory file (use .po, .tmx, .csv, .tsv or XLIFF: .xlf, .xliff, .sdlxliff, .mqxliff)", path
    )


@contextmanager
def memory_lock(path: Path) -> Iterator[None]:
    """An exclusive advisory lock (flock) for read-modify-write of a memory file, taken on the
    folder that holds it (a link's target's folder): no lock file is left in the project for git
    to pick up, and the file itself is replaced by each write, so it cannot carry the lock."""
    folder = writable_target(Path(path)).parent
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def merge_units(
    existing: list[TranslationUnit], incoming: MemoryInput, report: ImportReport, stamp: str, user: str
) -> None:
    """Merge incoming units into existing (in place), counting into report."""
    src = incoming.source
    by_source: dict[str, list[TranslationUnit]] = {}
    for unit in existing:
        if unit.variants.get(src, "").strip():
            by_source.setdefault(normalise(unit.variants[src]), []).append(unit)
    for unit in incoming.units:
        key = normalise(unit.variants.get(src, ""))
        if not key:
            continue
        report.read += 1
        group = by_source.get(key)
        if not group:
            new = TranslationUnit(
                dict(unit.variants),
                unit.tuid,
                dict(unit.props),
                "",
                None,
                unit.creationdate or stamp,
                unit.creationid or user,
                unit.changedate,
                unit.changeid,
            )
            existing.append(new)
            by_source[key] = [new]
            report.added += 1
            continue
        changed = False
        for lang, text in unit.variants.items():
            if lang == src or not text.strip():
                continue
            if any(normalise(u.variants.get(lang, "")) == normalise(text) for u in group):
                continue
            empty = next((u for u in group if not u.variants.get(lang, "").strip()), None)
            if empty is not None:
                empty.variants[lang] = text
                empty.changedate, empty.changeid = stamp, user
                report.filled += 1
            else:
                alternative = TranslationUnit(
                    {src: unit.variants[src], lang: text},
                    unit.tuid,
                    {**unit.props, "x-alternative": "yes"},
                    "",
                    None,
                    unit.creationdate or stamp,
                    unit.creationid or user,
                )
                existing.append(alternative)
                group.append(alternative)
                kept = group[0].variants.get(lang, "")
                where = f"{incoming.path}:{unit.line}" if unit.line else str(incoming.path)
                report.conflicts.append(f"{where}: {key!r} [{lang}] {text!r} kept as an alternative to {kept!r}")
            changed = True
        if not changed:
            report.duplicates += 1


def import_into(
    inputs: Sequence[Path],
    into: Path,
    *,
    source: str | None = None,
    now: datetime | None = None,
    accept_translated: bool = False,
) -> ImportReport:
    """Import confirmed entries from PO/TMX/CSV/TSV/XLIFF files into the TMX `into` (locked,
    atomic); accept_translated: XLIFF segments in state `translated` count as confirmed."""
    if not inputs:
        raise UsageError("nothing to import")
    into = Path(into)
    if into.suffix.lower() != ".tmx":
        raise UsageError(f"--into must name a .tmx file, not {into}")
    read = [
        read_input(p, source, now, accept_translated) for p in inputs
    ]  # everything parsed before anything is written
    return merge_inputs(read, into, now)


def merge_inputs(read: Sequence[MemoryInput], into: Path, now: datetime | None = None) -> ImportReport:
    """Merge already-read inputs into the TMX `into` under its lock and write it atomically."""
    report = ImportReport(Path(into), unconfirmed=sum(len(r.unconfirmed) for r in read))
    stamp, user = timestamp(now), _user()
    with memory_lock(into):
        existing: list[TranslationUnit] = []
        header_props: dict[str, str] = {}
        attrs: dict[str, str] = {}
        srclang = read[0].source if read else "ru"
        if into.exists():
            attrs, header_props = read_header(into)  # kept as they were: the memory's own header
            srclang = lang_code(attrs.get("srclang", srclang)) or srclang
            existing = list(iter_tmx(into))
        for item in read:
            merge_units(existing, item, report, stamp, user)
        write_tmx(into, existing, srclang, SUPPORTED, header_props, attrs)
    return report


def export_bytes(memory: Memory, fmt: str, source: str = "ru", target: str | None = None) -> bytes:
    """A memory as TMX, CSV (one column per language) or PO (source -> target)."""
    units = memory.units
    if fmt == "tmx":
        return tmx_bytes(units, source, SUPPORTED)
    if fmt == "csv":
        langs = [lang for lang in SUPPORTED if any(lang in u.variants for u in units)]
        langs = [source] + [lang for lang in langs if lang != source]
        buffer = io.StringIO(newline="")
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(["tuid", *langs, "document", "creationdate", "creationid", "changedate", "changeid"])
        for u in units:
            if u.variants.get(source, "").strip():
                writer.writerow(
                    [
                        u.tuid or "",
                        *(u.variants.get(lang, "") for lang in langs),
                        next((u.props[n] for n in DOCUMENT_PROPS if u.props.get(n)), ""),
                        u.creationdate or "",
                        u.creationid or "",
                        u.changedate or "",
                        u.changeid or "",
                    ]
                )
        return buffer.getvalue().encode("utf-8")
    if fmt == "po":
        if not target or target == source:
            raise UsageError("PO export needs a target language different from the source (--to)")
        po = polib.POFile(wrapwidth=0)
        po.metadata = {
            "Language": target,
            "X-Source-Language": source,
            "MIME-Version": "1.0",
            "Content-Type": "text/plain; charset=UTF-8",
            "Content-Transfer-Encoding": "8bit",
        }
        for i, u in enumerate(units):
            src, tgt = u.variants.get(source, ""), u.variants.get(target, "")
            if src.strip() and tgt.strip():
                po.append(
                    polib.POEntry(
                        msgctxt=f"{u.tuid or 'tu'}#{i}",
                        msgid=src,
                        msgstr=tgt,
                        occurrences=[(u.origin, str(u.line))] if u.origin and u.line else [],
                    )
                )
        return (str(po) + "\n").encode("utf-8")
    raise UsageError(f"unknown export format {fmt!r} (tmx, csv or po)")


def memory_stats(memory: Memory) -> dict[str, Any]:
    """Counts per file and language, distinct sentences, alternatives, users and date range."""
    files: dict[str, int] = {}
    langs: dict[str, int] = {}
    users: set[str] = set()
    dates: list[str] = []
    for u in memory.units:
        files[u.origin] = files.get(u.origin, 0) + 1
        for lang in u.variants:
            langs[lang] = langs.get(lang, 0) + 1
        users.update(x for x in (u.creationid, u.changeid) if x)
        dates.extend(x for x in (u.creationdate, u.changedate) if x)
    distinct = {lang: len(memory.table(lang).texts) for lang in sorted(langs)}
    return {
        "units": len(memory.units),
        "files": [{"path": path, "units": n, "penalty": file_penalty(path)} for path, n in files.items()],
        "languages": dict(sorted(langs.items())),
        "distinct_sentences": distinct,
        "users": sorted(users),
        "first_date": min(dates, default=None),
        "last_date": max(dates, default=None),
    }
