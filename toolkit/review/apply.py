"""`review apply`: close the review loop from the reviewed PO files of a bundle.

For every `<doc>.<lang>.po` the source release is read again and segmented as `translate` did:
the one given with `source` (a file, or a folder holding `<doc>.<src>.txt`), else the bundle's
own copy `<doc>.<src>.txt`, else the path its occurrences name (relative to the working folder
or to the bundle; a path with spaces is rejoined); each segment takes its confirmed translation (a msgstr without
the fuzzy flag) and the final `<doc>.<lang>.txt` is rebuilt in the source's block structure
with formats.bundle.target_text (unconfirmed sentences keep the source text and are listed).
A bundle of a web page or Word document also holds the original, `<doc>.<src>.html|docx`: the
final `<doc>.<lang>.html|docx` is rebuilt from it with the confirmed translations and their
inline codes.
The confirmed entries are then imported into a memory (see memory.exchange.merge_inputs). Every PO
file and release is read and checked before anything is written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from ..errors import InputError
from ..formats.bundle import HTML_CONTENT_HEADER, BundleEntry, BundlePo, read_bundle_po, target_text, text_name
from ..formats.formatted import FORMATTED_SUFFIXES, FormattedRelease, read_formatted
from ..fsutil import atomic_write_bytes
from ..inline import plain
from ..memory.exchange import ImportReport, MemoryInput, merge_inputs, po_units
from ..model import AlignedSegment, DocumentResult, Proposal
from ..segments import segment_document
from ..text.document import Document, read_release
from .formatted import formatted_translation


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


def _release_path(po: BundlePo, entries: list[BundleEntry], given: Path | None) -> Path:
    """The source release of a reviewed PO file (see the module docstring for the order)."""
    doc_id = po.path.name.split(".")[0]
    own = text_name(doc_id, po.source_lang)
    candidates: list[Path] = []
    if given is not None:
        candidates.append(given / own if given.is_dir() else given)
    candidates.append(po.path.parent / own)
    named = {e.occurrence for e in entries if e.occurrence}
    if len(named) > 1:
        raise InputError("the entries name different source releases in their occurrences", po.path, entries[0].line)
    for name in named:
        candidates += [Path(name), po.path.parent / name, po.path.parent.parent / name]
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    tried = ", ".join(str(c) for c in candidates)
    raise InputError(f"source release not found (tried {tried}); give it with --source", po.path, entries[0].line)


def final_text(po: BundlePo, given: Path | None = None) -> tuple[str, str, list[str]]:
    """(doc id, final target text, unconfirmed segment labels) of one reviewed PO file."""
    entries = [e for e in po.entries if e.source]
    if not entries:
        raise InputError("no entries", po.path, 1)
    document = read_release(_release_path(po, entries, given), po.source_lang)
    segments = segment_document(document)
    by_id = {e.id: e for e in entries}
    unconfirmed: list[str] = []
    for segment in segments:
        entry = by_id.pop(segment.id, None)
        if entry is None or plain(entry.source) != segment.source:
            raise InputError(
                f"segment {segment.id} does not match the source release {document.path} "
                "(was the release edited after translation?)",
                po.path,
                entry.line if entry is not None else None,
            )
        if entry.confirmed:
            segment.targets[po.target_lang] = Proposal(entry.target)
        else:
            unconfirmed.append(f"{po.path}:{entry.line}: {segment.id}")
    if by_id:
        extra = next(iter(by_id.values()))
        raise InputError(f"entry {extra.id!r} is not a segment of {document.path}", po.path, extra.line)
    return document.doc_id, target_text(DocumentResult(document, segments), po.target_lang), unconfirmed


Original = tuple[Document, FormattedRelease, list[AlignedSegment]]


def final_formatted(po: BundlePo, doc_id: str, read: dict[Path, Original] | None = None) -> tuple[str, bytes] | None:
    """The final web page or Word document of a reviewed PO file, when the bundle holds the
    original: confirmed entries with their codes, the rest as in the source. `read` keeps the
    originals read and segmented, for the other languages of the same document."""
    candidates = [po.path.parent / f"{doc_id}.{po.source_lang}{suffix}" for suffix in FORMATTED_SUFFIXES]
    original = next((path for path in candidates if path.is_file()), None)
    if original is None:
        return None
    read = {} if read is None else read
    if original not in read:
        document, release = read_formatted(original, po.source_lang, po.metadata.get(HTML_CONTENT_HEADER) or None)
        read[original] = (document, release, segment_document(document, formatted=release))
    document, release, segments = read[original]
    by_id = {e.id: e for e in po.entries if e.source}
    for segment in segments:
        entry = by_id.get(segment.id)
        if entry is None or entry.source != segment.coded:
            raise InputError(f"segment {segment.id} does not match {original}", po.path, entry.line if entry else None)
        if entry.confirmed:
            segment.targets[po.target_lang] = Proposal(entry.target)
    return formatted_translation(DocumentResult(document, segments, release), po.target_lang)


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
    finals: list[tuple[Path, bytes]] = []
    inputs: list[MemoryInput] = []
    originals: dict[Path, Original] = {}
    for po_path in po_paths:
        po = read_bundle_po(po_path)
        doc_id, text, unconfirmed = final_text(po, source)
        finals.append(((out_dir or bundle_dir) / text_name(doc_id, po.target_lang), text.encode("utf-8")))
        formatted = final_formatted(po, doc_id, originals)
        if formatted is not None:
            finals.append(((out_dir or bundle_dir) / formatted[0], formatted[1]))
        report.unconfirmed += unconfirmed
        inputs.append(po_units(po, now))
    for path, data in finals:
        atomic_write_bytes(path, data)
        report.texts.append(path)
    if into is not None:
        report.imported = merge_inputs(inputs, into, now)
    return report
