"""XLIFF 2.1 writing: one `<file>` per document, a `<unit>` per block, a `<segment>` per sentence.

`state` is the segment's Status, `subState` (`pt:exact-match`, `pt:leveraged-mt` ...) how the
target came to be; memory and MT candidates go into the matches module (`mtc:match` with
`type`, `origin`, `similarity` and `ref` to the segment), glossary terms into the glossary
module (`gls:glossEntry` with `ref` to the segment; an approved equivalent as `gls:translation`,
none as a `gls:definition`), the provenance label and other notes into `<notes>` with the
segment id in front. Inline code ids are unique in their unit (see xliff_inline.unit_ids).
"""

from __future__ import annotations

from lxml import etree

from .xliff_inline import XLIFF2_NS, XML_INVALID, IdOf, unit_ids, write_inline
from .xliff_model import XliffDocument, XliffSegment, XliffUnit

MTC_NS = "urn:oasis:names:tc:xliff:matches:2.0"
GLS_NS = "urn:oasis:names:tc:xliff:glossary:2.0"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
SUBSTATE_PREFIX = "pt"
XML_DECLARATION = b'<?xml version="1.0" encoding="UTF-8"?>\n'
NSMAP = {None: XLIFF2_NS, "mtc": MTC_NS, "gls": GLS_NS}


def _x(name: str) -> str:
    return f"{{{XLIFF2_NS}}}{name}"


def _attr(text: str) -> str:
    return XML_INVALID.sub("", text)


def _matches(unit: XliffUnit, ids: list[IdOf]) -> etree._Element | None:
    found = [(seg, k) for k, seg in enumerate(unit.segments) if seg.candidates]
    if not found:
        return None
    holder = etree.Element(f"{{{MTC_NS}}}matches")
    for seg, k in found:
        for cand in seg.candidates:
            match = etree.SubElement(holder, f"{{{MTC_NS}}}match", ref=f"#{seg.id}", type=cand.kind)
            if cand.origin:
                match.set("origin", _attr(cand.origin))
            if cand.score is not None:
                match.set("similarity", str(min(max(cand.score, 0), 100)))
            write_inline(etree.SubElement(match, _x("source")), cand.source, "2.1", ids[k])
            write_inline(etree.SubElement(match, _x("target")), cand.target, "2.1", ids[k])
    return holder


def _glossary(unit: XliffUnit) -> etree._Element | None:
    entries = [(seg, term) for seg in unit.segments for term in seg.terms]
    if not entries:
        return None
    holder = etree.Element(f"{{{GLS_NS}}}glossary")
    for seg, term in entries:
        entry = etree.SubElement(holder, f"{{{GLS_NS}}}glossEntry", ref=f"#{seg.id}")
        etree.SubElement(entry, f"{{{GLS_NS}}}term", source=_attr(term.concept)).text = _attr(term.source)
        if term.target:
            etree.SubElement(entry, f"{{{GLS_NS}}}translation", source=_attr(term.concept)).text = _attr(term.target)
        else:
            etree.SubElement(entry, f"{{{GLS_NS}}}definition").text = "no approved term"
    return holder


def _notes(unit: XliffUnit) -> etree._Element | None:
    lines = []
    for seg in unit.segments:
        if seg.origin:
            lines.append(("provenance", f"{seg.id}: {seg.origin}"))
        lines += [("comment", f"{seg.id}: {note}") for note in seg.notes]
    if not lines:
        return None
    holder = etree.Element(_x("notes"))
    for category, text in lines:
        etree.SubElement(holder, _x("note"), category=category).text = _attr(text)
    return holder


def _segment(parent: etree._Element, seg: XliffSegment, id_of: IdOf) -> None:
    elem = etree.SubElement(parent, _x("segment"), id=seg.id, state=seg.status.value)
    if seg.qualifier:
        elem.set("subState", f"{SUBSTATE_PREFIX}:{seg.qualifier}")
    write_inline(etree.SubElement(elem, _x("source")), seg.source, "2.1", id_of)
    if seg.target is not None:
        write_inline(etree.SubElement(elem, _x("target")), seg.target, "2.1", id_of)


def _unit(parent: etree._Element, unit: XliffUnit) -> None:
    elem = etree.SubElement(parent, _x("unit"), id=unit.id)
    ids = unit_ids([(seg.source, seg.target or "") for seg in unit.segments])
    for child in (_matches(unit, ids), _glossary(unit), _notes(unit)):
        if child is not None:
            elem.append(child)
    for seg, id_of in zip(unit.segments, ids):
        _segment(elem, seg, id_of)


def xliff2_tree(doc: XliffDocument) -> etree._Element:
    root = etree.Element(_x("xliff"), nsmap=NSMAP)  # type: ignore[arg-type]
    root.set("version", "2.1")
    root.set("srcLang", doc.source_lang)
    root.set("trgLang", doc.target_lang)
    file_ = etree.SubElement(root, _x("file"), id="f1", original=_attr(doc.original))
    file_.set(XML_SPACE, "preserve")
    for unit in doc.units:
        _unit(file_, unit)
    return root


_LEAVES = {"source", "target", "note", "term", "translation", "definition"}


def indent_structure(elem: etree._Element, level: int = 0) -> None:
    """Indent the structural elements only: whitespace is never added inside a text element
    (a source, target or note), where it would change the text."""
    if etree.QName(elem).localname in _LEAVES or not len(elem):
        return
    pad = "\n" + "  " * (level + 1)
    elem.text = pad
    for child in elem:
        indent_structure(child, level + 1)
        child.tail = pad
    elem[-1].tail = "\n" + "  " * level


def xliff2_bytes(doc: XliffDocument) -> bytes:
    """A document as an XLIFF 2.1 file (UTF-8, with an XML declaration)."""
    root = xliff2_tree(doc)
    indent_structure(root)
    return XML_DECLARATION + etree.tostring(root, encoding="UTF-8") + b"\n"
