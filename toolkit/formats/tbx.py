"""TBX-Basic import and export, so other CAT tools can exchange glossaries with the toolkit.

Export writes TBX v3 (ISO 30042:2019, DCA style, TBX-Basic dialect): one `conceptEntry` per
concept (`descrip type="subjectField"` = domain, `note`, `admin type="source"`,
`admin type="x-status"`, `ref type="crossReference" target=ID` per same_as concept,
`descrip type="broaderConceptGeneric" target=ID` per broader concept, `admin
type="x-strictness"` for a loose concept), a `langSec` per language, a `termSec` per term with
`termNote type="administrativeStatus"`: preferredTerm-admn-sts (preferred),
admittedTerm-admn-sts (allowed), deprecatedTerm-admn-sts (forbidden); an accepted term (a
rendering accepted in translations only) is admitted with `termNote type="x-usage"` =
`translation only`. A term written with match
markers is exported without them in `<term>` and as written in `termNote type="x-matchPattern"`.

Import reads the same and also the older TBX-Basic (`martif`, `termEntry`, `langSet`,
`tig`/`ntig`). The parser is safe: no entities, no DTD, no network; a DOCTYPE is refused.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from lxml import etree

from ..errors import InputError
from ..fsutil import atomic_write_bytes
from ..glossary.concept import STATUSES, STRICTNESS, Concept
from ..glossary.markers import strip_markers
from ..langs import SUPPORTED
from .safexml import local_name, parse_file
from .tmx import lang_code

TBX_NS = "urn:iso:std:iso:30042:ed-2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
STATUS_OF_KIND = {
    "preferred": "preferredTerm-admn-sts",
    "allowed": "admittedTerm-admn-sts",
    "forbidden": "deprecatedTerm-admn-sts",
    "accepted": "admittedTerm-admn-sts",
}
TRANSLATION_ONLY = "translation only"
FORBIDDEN_STATUSES = {"deprecatedTerm-admn-sts", "supersededTerm-admn-sts", "notRecommended", "deprecatedTerm"}
PREFERRED_STATUSES = {"preferredTerm-admn-sts", "preferredTerm"}


def _sub(parent: etree._Element, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    elem = etree.SubElement(parent, f"{{{TBX_NS}}}{tag}", **attrs)
    if text is not None:
        elem.text = text
    return elem


def tbx_bytes(concepts: Iterable[Concept], source_note: str = "press-toolkit glossary") -> bytes:
    """Concepts as a TBX-Basic (v3, DCA) document."""
    root = etree.Element(f"{{{TBX_NS}}}tbx", nsmap={None: TBX_NS}, type="TBX-Basic", style="dca")
    root.set(XML_LANG, "en")
    header = _sub(root, "tbxHeader")
    _sub(_sub(_sub(header, "fileDesc"), "sourceDesc"), "p", source_note)
    body = _sub(_sub(root, "text"), "body")
    for concept in concepts:
        entry = _sub(body, "conceptEntry", id=concept.id)
        if concept.domain:
            _sub(entry, "descrip", concept.domain, type="subjectField")
        if concept.notes:
            _sub(entry, "note", concept.notes)
        if concept.source:
            _sub(entry, "admin", concept.source, type="source")
        _sub(entry, "admin", concept.status, type="x-status")
        for other in concept.same_as:
            _sub(entry, "ref", other, type="crossReference", target=other)
        for other in concept.broader:
            _sub(entry, "descrip", other, type="broaderConceptGeneric", target=other)
        if concept.strictness != "strict":
            _sub(entry, "admin", concept.strictness, type="x-strictness")
        for lang in SUPPORTED:
            terms = [("preferred", concept.preferred(lang))] if concept.preferred(lang) else []
            terms += [("allowed", t) for t in concept.allowed.get(lang, ())]
            terms += [("forbidden", t) for t in concept.forbidden.get(lang, ())]
            terms += [("accepted", t) for t in concept.accepted.get(lang, ())]
            if not terms:
                continue
            lang_sec = _sub(entry, "langSec")
            lang_sec.set(XML_LANG, lang)
            for kind, term in terms:
                term_sec = _sub(lang_sec, "termSec")
                _sub(term_sec, "term", strip_markers(term))
                _sub(term_sec, "termNote", STATUS_OF_KIND[kind], type="administrativeStatus")
                if kind == "accepted":
                    _sub(term_sec, "termNote", TRANSLATION_ONLY, type="x-usage")
                if strip_markers(term) != term:
                    _sub(term_sec, "termNote", term, type="x-matchPattern")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def write_tbx(path: Path, concepts: Iterable[Concept]) -> None:
    """Write concepts as TBX atomically."""
    atomic_write_bytes(Path(path), tbx_bytes(concepts))


def _children(elem: etree._Element, name: str) -> list[etree._Element]:
    return [c for c in elem if local_name(c) == name]


def _text(elem: etree._Element) -> str:
    return " ".join("".join(elem.itertext()).split())


def _term_notes(term: etree._Element) -> dict[str, str]:
    """termNotes of a term's container (termSec, tig, termGrp and the ntig around it)."""
    notes: dict[str, str] = {}
    container = term.getparent()
    holders = [container]
    if local_name(container) == "termGrp" and container.getparent() is not None:
        holders.append(container.getparent())
    for holder in holders:
        for note in _children(holder, "termNote"):
            notes.setdefault(note.get("type", ""), _text(note))
    return notes


def _language_terms(lang_sec: etree._Element) -> tuple[str | None, list[str], list[str], list[str]]:
    """(preferred, allowed, forbidden, accepted) terms of one language section, as written
    (with match markers). The preferred term is the one marked so, else the first without a
    status (admitted terms alone leave the language without one, as in the source file)."""
    approved: list[tuple[str, str]] = []
    forbidden: list[str] = []
    accepted: list[str] = []
    for term in (t for t in lang_sec.iter() if local_name(t) == "term"):
        shown = _text(term)
        if not shown:
            continue
        notes_of = _term_notes(term)
        written = notes_of.get("x-matchPattern") or shown
        admin_status = notes_of.get("administrativeStatus", "")
        if admin_status in FORBIDDEN_STATUSES:
            forbidden.append(written)
        elif notes_of.get("x-usage") == TRANSLATION_ONLY:
            accepted.append(written)
        else:
            approved.append((admin_status, written))
    first = next(
        (i for i, (st, _) in enumerate(approved) if st in PREFERRED_STATUSES),
        next((i for i, (st, _) in enumerate(approved) if not st), None),
    )
    preferred = approved[first][1] if first is not None else None
    allowed = [w for i, (_, w) in enumerate(approved) if i != first]
    return preferred, allowed, forbidden, accepted


def _concept(entry: etree._Element, path: Path) -> Concept:
    cid = entry.get("id", "").strip()
    if not cid:
        raise InputError("concept entry without an id", path, entry.sourceline)
    domain = next(
        (_text(d) for d in entry.iter() if local_name(d) == "descrip" and d.get("type") == "subjectField"), ""
    )
    admins = {a.get("type", ""): _text(a) for a in _children(entry, "admin")}
    status = admins.get("x-status", "approved")
    if status not in STATUSES:
        raise InputError(f"unknown status {status!r}", path, entry.sourceline)
    strictness = admins.get("x-strictness", "strict")
    if strictness not in STRICTNESS:
        raise InputError(f"unknown strictness {strictness!r}", path, entry.sourceline)
    terms: dict[str, str] = {}
    marked: dict[str, str] = {}
    allowed: dict[str, tuple[str, ...]] = {}
    forbidden: dict[str, tuple[str, ...]] = {}
    accepted: dict[str, tuple[str, ...]] = {}
    for lang_sec in (c for c in entry if local_name(c) in ("langSec", "langSet")):
        lang = lang_code(lang_sec.get(XML_LANG, "") or lang_sec.get("lang", ""))
        if lang not in SUPPORTED:
            continue
        preferred, allowed_terms, forbidden_terms, accepted_terms = _language_terms(lang_sec)
        if preferred is not None:
            terms[lang] = strip_markers(preferred)
            if preferred != terms[lang]:
                marked[lang] = preferred
        for table, found in ((allowed, allowed_terms), (forbidden, forbidden_terms), (accepted, accepted_terms)):
            if found:
                table[lang] = (*table.get(lang, ()), *found)
    notes = " ".join(_text(n) for n in _children(entry, "note"))
    same_as, broader = _targets(entry, "ref", "crossReference"), _targets(entry, "descrip", "broaderConceptGeneric")
    origin = f"{path}:{entry.sourceline}"
    source = admins.get("source", "")
    return Concept(
        cid,
        domain,
        terms,
        origin,
        allowed,
        forbidden,
        notes,
        source,
        status,
        marked,
        same_as,
        broader,
        strictness,
        accepted,
    )


def _targets(entry: etree._Element, name: str, kind: str) -> tuple[str, ...]:
    """The concept ids an entry points to with <name type=kind target=ID> (text as fallback)."""
    found = (c.get("target") or _text(c) for c in _children(entry, name) if c.get("type") == kind)
    return tuple(dict.fromkeys(t.strip() for t in found if t and t.strip()))


def read_tbx(path: Path) -> list[Concept]:
    """The concepts of a TBX-Basic file (v3 or martif); errors name file and line."""
    path = Path(path)
    root = parse_file(path, "TBX", remove_comments=True).getroot()
    if local_name(root) not in ("tbx", "martif"):
        raise InputError(f"not a TBX file (root element <{local_name(root) or root.tag}>)", path, root.sourceline)
    concepts: list[Concept] = []
    seen: dict[str, int] = {}
    for entry in (e for e in root.iter() if local_name(e) in ("conceptEntry", "termEntry")):
        concept = _concept(entry, path)
        if concept.id in seen:
            raise InputError(
                f"duplicate concept id {concept.id!r} (first on line {seen[concept.id]})", path, entry.sourceline
            )
        seen[concept.id] = entry.sourceline or 0
        concepts.append(concept)
    # other tools' cross-references may point at terms or at entries of other files: only links
    # between the file's own concepts are relations
    return [
        replace(c, same_as=tuple(i for i in c.same_as if i in seen), broader=tuple(i for i in c.broader if i in seen))
        for c in concepts
    ]
