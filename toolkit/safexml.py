"""Safe XML reading for every format the toolkit parses (TMX, TBX, SRX): no entity expansion,
no DTD loading, no network, no huge trees, and a DOCTYPE refused outright."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from .errors import InputError

SAFE_OPTIONS = dict(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False, huge_tree=False)


def safe_parser(**extra) -> etree.XMLParser:
    """An lxml parser with the safe options (plus e.g. remove_comments=True)."""
    return etree.XMLParser(**SAFE_OPTIONS, **extra)


def has_doctype(docinfo: etree.DocInfo) -> bool:
    return bool(docinfo.internalDTD is not None or docinfo.system_url or docinfo.public_id or docinfo.doctype)


def refuse_doctype(docinfo: etree.DocInfo, path: Path | str, what: str) -> None:
    """InputError when the document declares a DOCTYPE (entities and external DTDs are unsafe)."""
    if has_doctype(docinfo):
        raise InputError(f"{what} with a DOCTYPE is refused (entities and external DTDs are unsafe)", path, 1)


def parse_file(path: Path, what: str, **extra) -> etree._ElementTree:
    """Parse a whole file safely; I/O and XML errors become InputError with the file and line."""
    try:
        tree = etree.parse(str(path), safe_parser(**extra))
    except OSError as exc:
        raise InputError(f"cannot read {what}: {exc}", path) from None
    except etree.XMLSyntaxError as exc:
        raise InputError(f"malformed {what}: {exc.msg}", path, exc.lineno or 1) from None
    refuse_doctype(tree.docinfo, path, what)
    return tree
