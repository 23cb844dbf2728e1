"""The XLIFF schemas of ../shared/schemas (read in place, never copied, nothing fetched) as lxml
validators, and the XLIFF 2 Schematron constraints lxml cannot run, checked in code."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parents[1]
SCHEMAS = ROOT.parent / "shared" / "schemas" / "xliff"
X2 = "urn:oasis:names:tc:xliff:document:2.0"
X2_MODULES = {
    X2: "xliff_core_2.0.xsd",
    "urn:oasis:names:tc:xliff:matches:2.0": "matches.xsd",
    "urn:oasis:names:tc:xliff:glossary:2.0": "glossary.xsd",
    "urn:oasis:names:tc:xliff:metadata:2.0": "metadata.xsd",
}
XSD = "http://www.w3.org/2001/XMLSchema"


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


@cache
def schema_2() -> etree.XMLSchema:
    """XLIFF 2.0/2.1 core with the matches, glossary and metadata modules (a wrapper schema
    imports them all, so module elements under lax wildcards are validated too)."""
    folder = SCHEMAS / "2.0"
    wrapper = etree.Element(f"{{{XSD}}}schema", nsmap={"xs": XSD})
    for namespace, name in X2_MODULES.items():
        etree.SubElement(wrapper, f"{{{XSD}}}import", namespace=namespace, schemaLocation=(folder / name).as_uri())
    doc = etree.fromstring(etree.tostring(wrapper), _parser(), base_url=(folder / "wrapper.xsd").as_uri())
    return etree.XMLSchema(doc)


@cache
def schema_12() -> etree.XMLSchema:
    """XLIFF 1.2 transitional, its xml.xsd import pointed at the local copy."""
    folder = SCHEMAS / "1.2"
    text = (folder / "xliff-core-1.2-transitional.xsd").read_bytes()
    text = text.replace(
        b'schemaLocation="http://www.w3.org/2001/xml.xsd"', f'schemaLocation="{(folder / "xml.xsd").as_uri()}"'.encode()
    )
    assert b'http://www.w3.org/2001/xml.xsd"' not in text
    doc = etree.fromstring(text, _parser(), base_url=(folder / "xliff-core-1.2-transitional.xsd").as_uri())
    return etree.XMLSchema(doc)


def validate(data: bytes) -> list[str]:
    """Schema errors of an XLIFF file (1.2 or 2.x by its version), plus for 2.x the Schematron
    constraints checked in code; [] when valid."""
    root = etree.fromstring(data, _parser())
    schema = schema_2() if root.get("version", "").startswith("2") else schema_12()
    errors = [] if schema.validate(root.getroottree()) else [f"{e.line}: {e.message}" for e in schema.error_log]
    if root.get("version", "").startswith("2"):
        errors += schematron_2(root)
    return errors


def _ids_in(elem: etree._Element) -> list[str]:
    return [e.get("id") for e in elem.iter() if isinstance(e.tag, str) and e.get("id") is not None]


def schematron_2(root: etree._Element) -> list[str]:
    """The xliff_core_2.1.sch, matches.sch and glossary.sch rules that apply to what the
    toolkit writes: unique unit ids in a file (K3), unique segment and source inline ids in a
    unit (K6S), target inline ids duplicating a source one of the same element or unique
    (K6T), subState only with state (F7) and as prefix:value, a target wherever the state is
    translated, reviewed or final (F29), match and glossEntry refs
    pointing at a segment of the unit."""
    errors = []
    for file_ in root.iter(f"{{{X2}}}file"):
        unit_ids = [u.get("id") for u in file_.iter(f"{{{X2}}}unit")]
        if len(unit_ids) != len(set(unit_ids)):
            errors.append("K3: duplicate unit id")
    for unit in root.iter(f"{{{X2}}}unit"):
        segments = list(unit.iter(f"{{{X2}}}segment"))
        seg_ids = {s.get("id") for s in segments if s.get("id")}
        source_ids = [s.get("id") for s in segments if s.get("id")]
        for seg in segments:
            source_ids += [i for src in seg.iterchildren(f"{{{X2}}}source") for i in _ids_in(src)]
        if len(source_ids) != len(set(source_ids)):
            errors.append(f"K6S: duplicate id in unit {unit.get('id')}")
        for seg in segments:
            source = seg.find(f"{{{X2}}}source")
            target = seg.find(f"{{{X2}}}target")
            kinds = {e.get("id"): etree.QName(e).localname for e in source.iter() if e is not source and e.get("id")}
            if target is not None:
                for e in target.iter():
                    if e is target or not e.get("id"):
                        continue
                    if e.get("id") in kinds and kinds[e.get("id")] != etree.QName(e).localname:
                        errors.append(f"K6T: target id {e.get('id')} on another element")
                    elif e.get("id") not in kinds and e.get("id") in source_ids:
                        errors.append(f"K6T: target id {e.get('id')} duplicates another segment's")
            if seg.get("state") in ("translated", "reviewed", "final") and target is None:
                errors.append(f"F29: state {seg.get('state')} without a target")
            sub = seg.get("subState")
            if sub is not None and (seg.get("state") is None or ":" not in sub):
                errors.append(f"F7: subState {sub!r} without state or prefix")
        for elem in unit.iter():
            ref = elem.get("ref")
            if (
                etree.QName(elem).localname in ("match", "glossEntry")
                and ref is not None
                and ref.lstrip("#") not in seg_ids
            ):
                errors.append(f"ref {elem.get('ref')} points at no segment of unit {unit.get('id')}")
    return errors
