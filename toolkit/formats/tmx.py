"""TMX 1.4b reading (streaming, safe XML parser) and atomic writing.

Characters XML 1.0 cannot carry (C0 controls other than tab/LF/CR, U+FFFE, U+FFFF and lone
surrogates) are written as ``<ph type="x-char">U+0001</ph>`` inside ``<seg>``: other TMX tools
treat a ``ph`` as native code and skip it, this reader turns it back into the character, so
write-then-read is the identity for any text. In ``prop`` values and attributes (where TMX
allows no inline elements) such characters are dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from .. import __version__
from ..errors import InputError
from ..fsutil import atomic_write_bytes
from ..sources import regular_file
from .safexml import SAFE_OPTIONS, refuse_doctype, refuse_entities

# The toolkit's unit properties: the document a unit belongs to (memories imported before
# 2026-12 name it x-source-document, still read), its block kind, the run's signature.
DOCUMENT_PROP = "x-document"
DOCUMENT_PROPS = (DOCUMENT_PROP, "x-source-document")
BLOCK_PROP = "x-block"
SIGNATURE_PROP = "x-signature"

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# Inline elements whose content is native code, not translatable text (TMX 1.4b section 3.6).
_CODE_ELEMENTS = {"bpt", "ept", "it", "ph", "ut"}
# Characters XML 1.0 cannot carry.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
CHAR_PH_TYPE = "x-char"
_CHAR_PH_TEXT = re.compile(r"U\+([0-9A-F]{4,6})")
# Unit attributes kept on TranslationUnit (TMX 1.4b section 3.2.1 names).
DATE_ATTRS = ("creationdate", "creationid", "changedate", "changeid")


@dataclass(slots=True)
class TranslationUnit:
    """A `tu`: text per language plus its id, properties, dates/users and where it was read from."""

    variants: dict[str, str]
    tuid: str | None = None
    props: dict[str, str] = field(default_factory=dict)
    origin: str = ""
    line: int | None = None
    creationdate: str | None = None
    creationid: str | None = None
    changedate: str | None = None
    changeid: str | None = None


def lang_code(value: str) -> str:
    """Primary language subtag in lower case: 'ru-RU' -> 'ru'."""
    return value.replace("_", "-").split("-")[0].strip().lower()


def _seg_text(seg: etree._Element) -> str:
    """The text of a <seg>: inline codes dropped, character placeholders restored."""
    parts: list[str] = [seg.text or ""]
    for child in seg:
        if isinstance(child.tag, str):
            name = etree.QName(child).localname
            if name == "ph" and child.get("type") == CHAR_PH_TYPE:
                found = _CHAR_PH_TEXT.fullmatch(child.text or "")
                if found and int(found.group(1), 16) <= 0x10FFFF:
                    parts.append(chr(int(found.group(1), 16)))
            elif name not in _CODE_ELEMENTS:
                parts.append(_seg_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _unit(tu: etree._Element, path: Path) -> TranslationUnit:
    variants: dict[str, str] = {}
    for tuv in tu.iterchildren("tuv"):
        lang = tuv.get(XML_LANG) or tuv.get("lang")
        if not lang:
            raise InputError("<tuv> without xml:lang", path, tuv.sourceline)
        seg = tuv.find("seg")
        if seg is None:
            raise InputError("<tuv> without <seg>", path, tuv.sourceline)
        variants[lang_code(lang)] = _seg_text(seg)
    props = {p.get("type", ""): (p.text or "") for p in tu.iterchildren("prop")}
    dates = {name: tu.get(name) for name in DATE_ATTRS}
    return TranslationUnit(variants, tu.get("tuid"), props, str(path), tu.sourceline, **dates)


def _events(path: Path) -> Iterator[tuple[str, etree._Element]]:
    """Safe iterparse of a TMX file: no entities, DTD or network; a DOCTYPE or a root that is
    not <tmx> is refused, and XML or I/O errors become InputError with the file and line."""
    regular_file(Path(path), "TMX file")
    try:
        events = etree.iterparse(str(path), events=("start", "end"), remove_comments=True, **SAFE_OPTIONS)
        root_seen = False
        for event, elem in events:
            if not root_seen:
                root_seen = True
                refuse_doctype(elem.getroottree().docinfo, path, "TMX")
                if not isinstance(elem.tag, str) or etree.QName(elem).localname != "tmx":
                    raise InputError(f"not a TMX file (root element <{elem.tag}>)", path, elem.sourceline)
            if event == "end":
                refuse_entities(elem, path)
            yield event, elem
    except OSError as exc:
        raise InputError(f"cannot read TMX: {exc}", path) from None
    except etree.XMLSyntaxError as exc:
        raise InputError(f"malformed TMX: {exc.msg}", path, exc.lineno or 1) from None


def iter_tmx(path: Path) -> Iterator[TranslationUnit]:
    """Stream the units of a TMX file (lxml iterparse, memory bounded by one unit).

    Broken XML, a DOCTYPE (entity expansion, external DTDs), a root that is not <tmx> and a
    <tuv> without xml:lang or <seg> raise InputError with the file and line.
    """
    path = Path(path)
    for event, elem in _events(path):
        if event == "end" and elem.tag == "tu":
            yield _unit(elem, path)
            elem.clear(keep_tail=False)
            parent = elem.getparent()
            while parent is not None and elem.getprevious() is not None:
                del parent[0]


def read_header(path: Path) -> tuple[dict[str, str], dict[str, str]]:
    """The <header> attributes and props of a TMX file (same checks as iter_tmx)."""
    path = Path(path)
    for event, elem in _events(path):
        if event == "end" and elem.tag == "header":
            attrs = {str(k): str(v) for k, v in elem.attrib.items()}
            return attrs, {p.get("type", ""): (p.text or "") for p in elem.iterchildren("prop")}
        if event == "start" and elem.tag in ("body", "tu"):
            break
    return {}, {}


def read_tmx(path: Path) -> list[TranslationUnit]:
    """All units of a TMX file (see iter_tmx)."""
    return list(iter_tmx(path))


def _clean(text: str) -> str:
    return _XML_INVALID.sub("", text)


def _set_seg(seg: etree._Element, text: str) -> None:
    """Seg content with XML-invalid characters carried as <ph type="x-char">U+XXXX</ph>."""
    pieces = _XML_INVALID.split(text)
    chars = _XML_INVALID.findall(text)
    seg.text = pieces[0]
    for char, tail in zip(chars, pieces[1:]):
        ph = etree.SubElement(seg, "ph", type=CHAR_PH_TYPE)
        ph.text = f"U+{ord(char):04X}"
        ph.tail = tail


def tmx_bytes(
    units: Iterable[TranslationUnit],
    srclang: str,
    langs: Iterable[str],
    header_props: dict[str, str] | None = None,
    header_attrs: dict[str, str] | None = None,
) -> bytes:
    """Serialise units as a TMX 1.4b document; languages are written in the order of langs.
    header_attrs (a rewritten file's own header: creationtool, creationdate ...) are kept as
    they were, over the toolkit's defaults."""
    order = list(langs)
    root = etree.Element("tmx", version="1.4")
    attrib = {
        "creationtool": "press-toolkit",
        "creationtoolversion": __version__,
        "segtype": "sentence",
        "o-tmf": "press-toolkit",
        "adminlang": "en",
        "srclang": srclang,
        "datatype": "plaintext",
    }
    attrib.update({k: _clean(v) for k, v in (header_attrs or {}).items()})
    header = etree.SubElement(root, "header", attrib=attrib)
    for key, value in (header_props or {}).items():
        etree.SubElement(header, "prop", type=_clean(key)).text = _clean(value)
    body = etree.SubElement(root, "body")
    for unit in units:
        tu = etree.SubElement(body, "tu")
        if unit.tuid:
            tu.set("tuid", _clean(unit.tuid))
        for name in DATE_ATTRS:
            value = getattr(unit, name)
            if value:
                tu.set(name, _clean(value))
        for key, value in unit.props.items():
            prop = etree.SubElement(tu, "prop", type=_clean(key))
            prop.text = _clean(value)
        for lang in order + sorted(set(unit.variants) - set(order)):
            if lang in unit.variants:
                tuv = etree.SubElement(tu, "tuv")
                tuv.set(XML_LANG, lang)
                _set_seg(etree.SubElement(tuv, "seg"), unit.variants[lang])
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def write_tmx(
    path: Path,
    units: Iterable[TranslationUnit],
    srclang: str,
    langs: Iterable[str],
    header_props: dict[str, str] | None = None,
    header_attrs: dict[str, str] | None = None,
) -> None:
    """Write a TMX file atomically (temporary file + rename)."""
    atomic_write_bytes(Path(path), tmx_bytes(units, srclang, langs, header_props, header_attrs))
