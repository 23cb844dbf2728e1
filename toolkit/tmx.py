"""TMX 1.4b reading and writing with a safe XML parser (no entities, no DTD, no network)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from lxml import etree

from . import __version__
from .errors import InputError
from .fsutil import atomic_write_bytes

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# Inline elements whose content is native code, not translatable text (TMX 1.4b section 3.6).
_CODE_ELEMENTS = {"bpt", "ept", "it", "ph", "ut"}
# Characters XML 1.0 cannot carry; they are dropped on write (TMX cannot represent them).
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass
class TranslationUnit:
    """A `tu`: text per language plus its id, properties and where it was read from."""

    variants: dict[str, str]
    tuid: str | None = None
    props: dict[str, str] = field(default_factory=dict)
    origin: str = ""
    line: int | None = None


def lang_code(value: str) -> str:
    """Primary language subtag in lower case: 'ru-RU' -> 'ru'."""
    return value.replace("_", "-").split("-")[0].strip().lower()


def _safe_parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False, huge_tree=False
    )


def _seg_text(seg: etree._Element) -> str:
    parts: list[str] = [seg.text or ""]
    for child in seg:
        if isinstance(child.tag, str) and etree.QName(child).localname not in _CODE_ELEMENTS:
            parts.append(_seg_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def read_tmx(path: Path) -> list[TranslationUnit]:
    """Read the units of a TMX file; broken XML, DTDs and missing xml:lang raise InputError."""
    path = Path(path)
    try:
        tree = etree.parse(str(path), _safe_parser())
    except OSError as exc:
        raise InputError(f"cannot read TMX: {exc}", path) from None
    except etree.XMLSyntaxError as exc:
        raise InputError(f"malformed TMX: {exc.msg}", path, exc.lineno) from None
    if tree.docinfo.internalDTD is not None or tree.docinfo.system_url:
        raise InputError("TMX with a DOCTYPE is refused (entities and external DTDs are unsafe)", path, 1)
    root = tree.getroot()
    if etree.QName(root).localname != "tmx":
        raise InputError(f"not a TMX file (root element <{root.tag}>)", path, root.sourceline)
    units: list[TranslationUnit] = []
    for tu in root.iter("tu"):
        variants: dict[str, str] = {}
        for tuv in tu.iter("tuv"):
            lang = tuv.get(XML_LANG) or tuv.get("lang")
            if not lang:
                raise InputError("<tuv> without xml:lang", path, tuv.sourceline)
            seg = tuv.find("seg")
            if seg is None:
                raise InputError("<tuv> without <seg>", path, tuv.sourceline)
            variants[lang_code(lang)] = _seg_text(seg)
        props = {p.get("type", ""): (p.text or "") for p in tu.findall("prop")}
        units.append(TranslationUnit(variants, tu.get("tuid"), props, str(path), tu.sourceline))
    return units


def _clean(text: str) -> str:
    return _XML_INVALID.sub("", text)


def tmx_bytes(
    units: Iterable[TranslationUnit],
    srclang: str,
    langs: Iterable[str],
    header_props: dict[str, str] | None = None,
) -> bytes:
    """Serialise units as a TMX 1.4b document; languages are written in the order of langs."""
    order = list(langs)
    root = etree.Element("tmx", version="1.4")
    header = etree.SubElement(
        root,
        "header",
        creationtool="press-toolkit",
        creationtoolversion=__version__,
        segtype="sentence",
        attrib={"o-tmf": "press-toolkit", "adminlang": "en", "srclang": srclang, "datatype": "plaintext"},
    )
    for key, value in (header_props or {}).items():
        etree.SubElement(header, "prop", type=key).text = _clean(value)
    body = etree.SubElement(root, "body")
    for unit in units:
        tu = etree.SubElement(body, "tu")
        if unit.tuid:
            tu.set("tuid", unit.tuid)
        for key, value in unit.props.items():
            prop = etree.SubElement(tu, "prop", type=key)
            prop.text = _clean(value)
        for lang in order + sorted(set(unit.variants) - set(order)):
            if lang in unit.variants:
                tuv = etree.SubElement(tu, "tuv")
                tuv.set(XML_LANG, lang)
                etree.SubElement(tuv, "seg").text = _clean(unit.variants[lang])
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def write_tmx(
    path: Path,
    units: Iterable[TranslationUnit],
    srclang: str,
    langs: Iterable[str],
    header_props: dict[str, str] | None = None,
) -> None:
    """Write a TMX file atomically."""
    atomic_write_bytes(Path(path), tmx_bytes(units, srclang, langs, header_props))
