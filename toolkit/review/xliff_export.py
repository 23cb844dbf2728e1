"""`xliff export`: a review bundle's PO files as XLIFF 2.1 or 1.2, one file per document and
target language (`visit.en.po` -> `visit.en.xlf`), for review in a CAT tool.

Each PO entry becomes a segment with its status from its provenance (formats.bundle.provenance):
a fuzzy entry (MT, a fuzzy memory match, a glossary fill) is initial; an exact or in-context
memory match that nobody changed is translated; any other entry without the fuzzy flag was
confirmed by a reviewer and is final; an entry without a translation has no target. Proposals
still as proposed carry their candidate (memory or MT) for the matches module / alt-trans.
Every PO file is read before anything is written; the files are then written together.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from ..errors import InputError, UsageError
from ..formats.bundle import BundleEntry, BundlePo, block_of, document_of, provenance, read_bundle_po
from ..formats.xliff2 import xliff2_bytes
from ..formats.xliff12 import xliff12_bytes
from ..formats.xliff_model import Candidate, Status, Term, XliffDocument, XliffSegment, XliffUnit
from ..fsutil import staged_writes
from ..sources import expand_files

VERSIONS = ("2.1", "1.2")
_NMTOKEN = re.compile(r"[\w.\-:]+")
QUALIFIER = {
    ("memory", "exact"): "exact-match",
    ("memory", "context"): "exact-match",
    ("memory", "fuzzy"): "fuzzy-match",
    ("memory", "number-adjusted"): "fuzzy-match",
    ("mt", ""): "leveraged-mt",
    ("glossary", ""): "leveraged-glossary",
}


def entry_segment(entry: BundleEntry) -> XliffSegment:
    """One PO entry as an XLIFF segment (see the module docstring)."""
    prov = provenance(entry)
    translated = bool(entry.target)
    exact = prov.kind == "memory" and prov.match in ("exact", "context")
    if not translated or entry.fuzzy:
        status = Status.INITIAL
    elif exact:
        status = Status.TRANSLATED
    else:
        status = Status.FINAL
    as_proposed = translated and status is not Status.FINAL
    candidates = []
    if as_proposed and prov.kind == "memory":
        source = entry.previous_source or entry.source
        candidates.append(Candidate("tm", source, entry.target, prov.resource, prov.score))
    elif as_proposed and prov.kind == "mt":
        candidates.append(Candidate("mt", entry.source, entry.target, prov.resource))
    return XliffSegment(
        entry.id,
        entry.source,
        entry.target if translated else None,
        status,
        QUALIFIER.get((prov.kind, prov.match), "") if translated else "",
        prov.label,
        candidates,
        [Term(*term) for term in prov.terms],
        list(prov.notes),
        entry.line,
    )


def po_document(po: BundlePo) -> XliffDocument:
    """A bundle PO file as an XLIFF document: a unit per block (`visit.b03`), in order."""
    units: list[XliffUnit] = []
    for entry in (e for e in po.entries if e.source):
        if not _NMTOKEN.fullmatch(entry.id):
            raise InputError(f"segment id {entry.id!r} cannot be an XLIFF id (spaces or symbols)", po.path, entry.line)
        unit_id = block_of(entry.id) or entry.id
        if units and units[-1].id == unit_id:
            units[-1].segments.append(entry_segment(entry))
        else:
            units.append(XliffUnit(unit_id, [entry_segment(entry)], entry.line))
    if not units:
        raise InputError("no entries to export", po.path, 1)
    if len({u.id for u in units}) != len(units):
        raise InputError("the entries of a block are not together", po.path, 1)
    first = units[0].segments[0].id
    original = document_of(first) if block_of(first) else po.path.stem
    return XliffDocument(original, po.source_lang, po.target_lang, units)


def xliff_bytes(doc: XliffDocument, version: str) -> bytes:
    if version == "2.1":
        return xliff2_bytes(doc)
    if version == "1.2":
        return xliff12_bytes(doc)
    raise UsageError(f"unknown XLIFF version {version!r} (2.1 or 1.2)")


def export_bundle(paths: Sequence[Path], out: Path, version: str = "2.1", source: str | None = None) -> list[Path]:
    """Write `<doc>.<lang>.xlf` into out for every bundle PO file among paths (files or folders);
    source stands for a PO file's missing X-Source-Language header (other editors' files)."""
    if version not in VERSIONS:
        raise UsageError(f"unknown XLIFF version {version!r} (2.1 or 1.2)")
    po_paths = expand_files(paths, ".po", "PO")
    documents = [(path, po_document(read_bundle_po(path, source))) for path in po_paths]
    names = [path.stem for path, _ in documents]
    if len(set(names)) != len(names):
        twice = next(name for name in names if names.count(name) > 1)
        raise UsageError(f"two PO files would both be written as {Path(out) / twice}.xlf")
    written = []
    with staged_writes() as stage:
        for path, doc in documents:
            target = Path(out) / f"{path.stem}.xlf"
            stage.add(target, xliff_bytes(doc, version))
            written.append(target)
    return written
