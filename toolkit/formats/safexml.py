"""Safe XML reading for every format the toolkit parses (TMX, TBX, SRX): no entity expansion,
no DTD loading, no network, no huge trees. A DOCTYPE that only names an external DTD (`<!DOCTYPE
tmx SYSTEM "tmx14.dtd">`, as many CAT tools write it) is accepted and the DTD never loaded; a
DOCTYPE with an internal subset (where entities are declared) is refused."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from ..errors import InputError
from ..sources import regular_file

SAFE_OPTIONS = dict(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False, huge_tree=False)


def local_name(elem: etree._Element) -> str:
    """An element's name without its namespace ("" for a comment or processing instruction)."""
    return etree.QName(elem).localname if isinstance(elem.tag, str) else ""


def safe_parser(**extra) -> etree.XMLParser:
    """An lxml parser with the safe options (plus e.g. remove_comments=True)."""
    return etree.XMLParser(**SAFE_OPTIONS, **extra)


def unsafe_doctype(docinfo: etree.DocInfo) -> bool:
    """A DOCTYPE whose internal subset declares entities (general or parameter) or elements;
    attribute defaults are never applied (no DTD is loaded or used), so an ATTLIST is harmless."""
    subset = docinfo.internalDTD
    return subset is not None and (any(True for _ in subset.iterentities()) or bool(subset.elements()))


def refuse_doctype(docinfo: etree.DocInfo, path: Path | str, what: str) -> None:
    """InputError when the DOCTYPE has an internal subset (entities are unsafe); a DOCTYPE that
    only names an external DTD is fine (it is never loaded)."""
    if unsafe_doctype(docinfo):
        raise InputError(f"{what} with a DOCTYPE internal subset is refused (entities are unsafe)", path, 1)


def refuse_entities(elem: etree._Element, path: Path | str) -> None:
    """InputError for an entity reference among elem's children: entities are never expanded
    (a DOCTYPE's external DTD could declare one), so its text would silently go missing."""
    for child in elem:
        if child.tag is etree.Entity:
            line = child.sourceline or elem.sourceline
            raise InputError(f"entity reference {child.text} (entities are not expanded)", path, line)


def parse_file(path: Path, what: str, **extra) -> etree._ElementTree:
    """Parse a whole file safely; I/O and XML errors become InputError with the file and line."""
    regular_file(Path(path), what)
    try:
        tree = etree.parse(str(path), safe_parser(**extra))
    except OSError as exc:
        raise InputError(f"cannot read {what}: {exc}", path) from None
    except etree.XMLSyntaxError as exc:
        raise InputError(f"malformed {what}: {exc.msg}", path, exc.lineno or 1) from None
    refuse_doctype(tree.docinfo, path, what)
    for elem in tree.iter():
        refuse_entities(elem, path)
    return tree
