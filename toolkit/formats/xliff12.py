"""XLIFF 1.2 writing: one `<file>` per document, a `<group>` per block and a `<trans-unit>` per
sentence (1.2 keeps `state` on the `<target>`, one per trans-unit: a sentence needs its own
trans-unit to have its own state; tools that segment inside a trans-unit with `<seg-source>`
are read, see xliff_read).

The Status becomes `state` (initial with a target: needs-review-translation; translated;
reviewed: signed-off; final: final) with `approved="yes"` on the trans-unit for reviewed and
final, and `state-qualifier` (exact-match, fuzzy-match, leveraged-mt, leveraged-glossary);
memory and MT candidates are `<alt-trans>` (`match-quality` the percentage, `origin`),
the provenance, the glossary terms and other notes `<note>`s (`from` = provenance, glossary,
press-toolkit).
"""

from __future__ import annotations

from lxml import etree

from .. import __version__
from .xliff2 import XML_DECLARATION, XML_SPACE, indent_structure
from .xliff_inline import XLIFF12_NS, XML_INVALID, write_inline
from .xliff_model import Status, XliffDocument, XliffSegment

STATES = {
    Status.INITIAL: "needs-review-translation",
    Status.TRANSLATED: "translated",
    Status.REVIEWED: "signed-off",
    Status.FINAL: "final",
}
QUALIFIERS = {"exact-match", "fuzzy-match", "leveraged-mt", "leveraged-glossary", "leveraged-tm", "mt-suggestion"}
TOOL_ID = "press-toolkit"


def _x(name: str) -> str:
    return f"{{{XLIFF12_NS}}}{name}"


def _attr(text: str) -> str:
    return XML_INVALID.sub("", text)


def _note(parent: etree._Element, source: str, text: str) -> None:
    etree.SubElement(parent, _x("note"), {"from": source}).text = _attr(text)


def _trans_unit(parent: etree._Element, seg: XliffSegment) -> None:
    unit = etree.SubElement(parent, _x("trans-unit"), id=seg.id)
    unit.set(XML_SPACE, "preserve")
    if seg.status.confirmed:
        unit.set("approved", "yes")
    write_inline(etree.SubElement(unit, _x("source")), seg.source, "1.2")
    if seg.target is not None:
        target = etree.SubElement(unit, _x("target"), state=STATES[seg.status])
        if seg.qualifier in QUALIFIERS:
            target.set("state-qualifier", seg.qualifier)
        write_inline(target, seg.target, "1.2")
    for cand in seg.candidates:
        alt = etree.SubElement(unit, _x("alt-trans"))
        if cand.score is not None:
            alt.set("match-quality", str(cand.score))
        if cand.origin:
            alt.set("origin", _attr(f"{cand.kind} {cand.origin}"))
        write_inline(etree.SubElement(alt, _x("source")), cand.source, "1.2")
        write_inline(etree.SubElement(alt, _x("target")), cand.target, "1.2")
    if seg.origin:
        _note(unit, "provenance", seg.origin)
    for term in seg.terms:
        _note(unit, "glossary", f"{term.source} -> {term.target or '(no approved term)'} [{term.concept}]")
    for note in seg.notes:
        _note(unit, TOOL_ID, note)


def xliff12_tree(doc: XliffDocument) -> etree._Element:
    root = etree.Element(_x("xliff"), nsmap={None: XLIFF12_NS})  # type: ignore[dict-item]
    root.set("version", "1.2")
    file_ = etree.SubElement(
        root,
        _x("file"),
        {
            "original": _attr(doc.original),
            "source-language": doc.source_lang,
            "target-language": doc.target_lang,
            "datatype": "plaintext",
            "tool-id": TOOL_ID,
        },
    )
    header = etree.SubElement(file_, _x("header"))
    etree.SubElement(header, _x("tool"), {"tool-id": TOOL_ID, "tool-name": TOOL_ID, "tool-version": __version__})
    body = etree.SubElement(file_, _x("body"))
    for unit in doc.units:
        group = etree.SubElement(body, _x("group"), id=unit.id)
        for seg in unit.segments:
            _trans_unit(group, seg)
    return root


def xliff12_bytes(doc: XliffDocument) -> bytes:
    """A document as an XLIFF 1.2 file (UTF-8, with an XML declaration)."""
    root = xliff12_tree(doc)
    indent_structure(root)
    return XML_DECLARATION + etree.tostring(root, encoding="UTF-8") + b"\n"
