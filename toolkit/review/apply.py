"""`review apply`: close the review loop from the reviewed PO files of a bundle.

For every `<doc>.<lang>.po` the source release is read again and segmented as `translate` did:
the one given with `source` (a file, or a folder holding `<doc>.<src>.txt`), else the bundle's
own copy `<doc>.<src>.txt`, else the path its occurrences name (relative to the working folder
or to the bundle; a path with spaces is rejoined); each segment takes its confirmed translation (a msgstr without
the fuzzy flag) and the final `<doc>.<lang>.txt` is rebuilt in the source's block structure
with review.bundle.target_text (unconfirmed sentences keep the source text and are listed).
The confirmed entries are then imported into a memory (see memory_io.merge_inputs). Every PO
file and release is read and checked before anything is written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import polib

from ..document import read_release
from ..errors import InputError
from ..fsutil import atomic_write_text
from ..glossary.model import Glossary
from ..memory.exchange import (
    ImportReport,
    MemoryInput,
    is_confirmed,
    merge_inputs,
    open_po,
    po_languages,
    po_units,
)
from ..model import DocumentResult, Proposal
from ..pipeline import segment_document
from .bundle import target_text


@dataclass
class ApplyReport:
    """The texts written, the segments still unconfirmed, and the memory import."""

    texts: list[Path] = field(default_factory=list)
    unconfirmed: list[str] = field(default_factory=list)
    imported: ImportReport | None = None

    def lines(self) -> list[str]:
        out = [f"wrote {path}" for path in self.texts]
        out += [f"unconfirmed: {item}" for item in self.unconfirmed]
        if self.imported is not None:
            out += self.imported.lines()
        return out


def occurrence_path(entry: polib.POEntry) -> str:
    """The file an entry's occurrences name, rejoined when it holds spaces (polib splits
    `#: my dir/visit one.ru.txt:3` at every space)."""
    return " ".join(name for name, _ in entry.occurrences)


def _release_path(po_path: Path, entries: list[polib.POEntry], source: str, given: Path | None) -> Path:
    """The source release of a reviewed PO file (see the module docstring for the order)."""
    doc_id = po_path.name.split(".")[0]
    own = f"{doc_id}.{source}.txt"
    candidates: list[Path] = []
    if given is not None:
        candidates.append(given / own if given.is_dir() else given)
    candidates.append(po_path.parent / own)
    named = {occurrence_path(e) for e in entries if e.occurrences}
    if len(named) > 1:
        raise InputError("the entries name different source releases in their occurrences", po_path, entries[0].linenum)
    for name in named:
        candidates += [Path(name), po_path.parent / name, po_path.parent.parent / name]
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    tried = ", ".join(str(c) for c in candidates)
    raise InputError(f"source release not found (tried {tried}); give it with --source", po_path, entries[0].linenum)


def final_text(po_path: Path, po: polib.POFile, given: Path | None = None) -> tuple[str, str, list[str]]:
    """(doc id, final target text, unconfirmed segment labels) of one reviewed PO file."""
    source, target = po_languages(po, po_path)
    entries = [e for e in po if not e.obsolete and e.msgid]
    if not entries:
        raise InputError("no entries", po_path, 1)
    document = read_release(_release_path(po_path, entries, source, given), source)
    segments = segment_document(document, Glossary())
    by_id = {e.msgctxt: e for e in entries}
    unconfirmed: list[str] = []
    for segment in segments:
        entry = by_id.pop(segment.id, None)
        if entry is None or entry.msgid != segment.source:
            where = entry.linenum if entry is not None else None
            raise InputError(
                f"segment {segment.id} does not match the source release {document.path} "
                "(was the release edited after translation?)",
                po_path,
                where,
            )
        if is_confirmed(entry):
            segment.targets[target] = Proposal(entry.msgstr)
        else:
            unconfirmed.append(f"{po_path}:{entry.linenum}: {segment.id}")
    if by_id:
        extra = next(iter(by_id.values()))
        raise InputError(f"entry {extra.msgctxt!r} is not a segment of {document.path}", po_path, extra.linenum)
    return document.doc_id, target_text(DocumentResult(document, segments), target), unconfirmed


def apply_review(
    bundle_dir: Path,
    into: Path | None = None,
    out_dir: Path | None = None,
    now: datetime | None = None,
    source: Path | None = None,
) -> ApplyReport:
    """Write the final texts of a reviewed bundle and import its confirmed entries into `into`."""
    bundle_dir = Path(bundle_dir)
    if not bundle_dir.is_dir():
        raise InputError("review bundle folder not found", bundle_dir)
    po_paths = sorted(bundle_dir.glob("*.po"))
    if not po_paths:
        raise InputError("no PO files in the review bundle", bundle_dir)
    report = ApplyReport()
    finals: list[tuple[Path, str]] = []
    inputs: list[MemoryInput] = []
    for po_path in po_paths:
        po = open_po(po_path)
        doc_id, text, unconfirmed = final_text(po_path, po, source)
        _, target = po_languages(po, po_path)
        finals.append(((out_dir or bundle_dir) / f"{doc_id}.{target}.txt", text))
        report.unconfirmed += unconfirmed
        inputs.append(po_units(po, po_path, now))
    for path, text in finals:
        atomic_write_text(path, text)
        report.texts.append(path)
    if into is not None:
        report.imported = merge_inputs(inputs, into, now)
    return report
