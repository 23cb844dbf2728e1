"""A Word release (DOCX): its body paragraphs (table cells included) as marked text, and the
document written back with each paragraph's runs rebuilt from the translated pieces.

Runs: adjacent runs with the same properties are one (Word splits runs anywhere); the
properties of the run that holds most of a paragraph's text are its base, and every other
run formatting is a paired code. A hyperlink or a tracked insertion is a paired code around
its runs. Standalone codes: line and page breaks, tabs, drawings, pictures, footnote and
endnote references, fields (simple or complex, their result kept as it is), bookmarks,
comment marks, tracked deletions and content controls. Proofing marks are dropped.
Headers, footers, footnote texts and text boxes are not read: they stay as they are.

python-docx (MIT) reads and writes the package; `safezip.check_word_package` runs first.
"""

from __future__ import annotations

import copy
import io
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from docx import Document as open_docx
from docx.oxml.ns import qn
from lxml import etree

from ..errors import InputError
from ..fsutil import read_bytes
from ..text.coded import Piece, Point, Span, nest
from .safezip import check_word_package

_RUN = qn("w:r")
_RPR = qn("w:rPr")
_PPR = qn("w:pPr")
_TEXT = qn("w:t")
_PAIR_CONTAINERS = {qn("w:hyperlink"), qn("w:ins"), qn("w:smartTag")}
_DROPPED = {qn("w:proofErr"), qn("w:lastRenderedPageBreak")}
_SPACING = {qn("w:tab"), qn("w:br"), qn("w:cr")}  # standalone codes that part words
_RUN_TEXT = {qn("w:t"): None, qn("w:noBreakHyphen"): "\u2011", qn("w:softHyphen"): "\u00ad"}
_FIELD_CHAR = qn("w:fldChar")
_FIELD_TYPE = qn("w:fldCharType")


@dataclass
class DocxParagraph:
    """A body paragraph: its marked text and, per code, what it stands for."""

    element: etree._Element
    marked: str
    base: etree._Element | None  # the base run properties
    formats: dict[int, etree._Element | None] = field(default_factory=dict)  # run-format codes
    containers: dict[int, etree._Element] = field(default_factory=dict)  # hyperlink, insertion
    points: dict[int, list[etree._Element]] = field(default_factory=dict)  # standalone elements
    spacing: set[int] = field(default_factory=set)  # tabs and breaks read with a space after them


@dataclass
class DocxRelease:
    """The parsed document and its paragraphs, in reading order."""

    path: Path
    document: object
    paragraphs: list[DocxParagraph]
    data: bytes


def _key(properties: etree._Element | None) -> bytes:
    return etree.tostring(properties) if properties is not None else b""


def _body_paragraphs(body: etree._Element) -> Iterator[etree._Element]:
    """Paragraphs of the body and of its tables, in document order (not those in text boxes)."""
    for element in body.iter(qn("w:p")):
        if not any(a.tag == qn("w:txbxContent") for a in element.iterancestors()):
            yield element


class _RunText:
    """The text of adjacent runs with the same properties, under one code (or none: base)."""

    def __init__(self, key: bytes, pair: int | None) -> None:
        self.key, self.pair, self.text = key, pair, ""

    def __str__(self) -> str:
        return f"<{self.pair}>{self.text}</{self.pair}>" if self.pair else self.text


class _Reader:
    """Builds one paragraph's marked text."""

    def __init__(self, paragraph: etree._Element, base: etree._Element | None) -> None:
        self.paragraph = paragraph
        self.parts: list[str | _RunText] = []
        self.result = DocxParagraph(paragraph, "", base)
        self.field: list[etree._Element] | None = None  # the runs of a complex field being read

    def code(self) -> int:
        r = self.result
        return len(r.formats) + len(r.containers) + len(r.points) + 1

    def point(self, elements: list[etree._Element]) -> None:
        number = self.code()
        self.result.points[number] = elements
        self.parts.append(f"<{number}/>")
        if elements[0].tag in _SPACING:  # a tab or a break parts words: a space in the text
            self.result.spacing.add(number)
            self.parts.append(" ")

    def read(self) -> DocxParagraph:
        self.children(self.paragraph)
        if self.field is not None:  # a field never closed: keep it whole
            self.point(self.field)
        self.result.marked = "".join(str(part) for part in self.parts)
        return self.result

    def children(self, parent: etree._Element) -> None:
        for child in parent:
            if child.tag == _PPR or child.tag in _DROPPED:
                continue
            if self.field is not None:
                self.field.append(child)
                if child.tag == _RUN and _field_char(child) == "end":
                    fields, self.field = self.field, None
                    self.point(fields)
            elif child.tag == _RUN and _field_char(child) == "begin":
                self.field = [child]
            elif child.tag == _RUN:
                self.run(child)
            elif child.tag in _PAIR_CONTAINERS:
                number = self.code()
                self.result.containers[number] = child
                self.parts.append(f"<{number}>")
                self.children(child)
                self.parts.append(f"</{number}>")
            else:  # fldSimple, bookmarks, comment ranges, deletions, content controls, math...
                self.point([child])

    def text(self, properties: etree._Element | None, text: str) -> None:
        """Text of a run: joined to the run text before when the properties are the same."""
        key = _key(properties)
        last = self.parts[-1] if self.parts else None
        if isinstance(last, _RunText) and last.key == key:
            last.text += text
            return
        pair = None
        if key != _key(self.result.base):
            pair = self.code()
            self.result.formats[pair] = properties
        self.parts.append(_RunText(key, pair))
        self.parts[-1].text = text  # type: ignore[union-attr]

    def run(self, run: etree._Element) -> None:
        properties = run.find(_RPR)
        for child in run:
            if child.tag == _RPR:
                continue
            if child.tag in _RUN_TEXT:
                replacement = _RUN_TEXT[child.tag]
                self.text(properties, child.text or "" if replacement is None else replacement)
            else:
                self.point([child])


def _field_char(run: etree._Element) -> str | None:
    char = run.find(_FIELD_CHAR)
    return char.get(_FIELD_TYPE) if char is not None else None


def _base_properties(paragraph: etree._Element) -> etree._Element | None:
    """The properties of the runs holding most of the paragraph's text."""
    sizes: dict[bytes, int] = {}
    first: dict[bytes, etree._Element | None] = {}
    for run in paragraph.iter(_RUN):
        key = _key(run.find(_RPR))
        sizes[key] = sizes.get(key, 0) + sum(len(t.text or "") for t in run.iter(_TEXT))
        first.setdefault(key, run.find(_RPR))
    if not sizes:
        return None
    return first[max(sizes, key=lambda k: (sizes[k], -list(sizes).index(k)))]


def read_docx(path: Path) -> DocxRelease:
    """The document's paragraphs with text (marked), after the package passed the safety checks."""
    check_word_package(path)
    data = read_bytes(path, "DOCX file")
    return parse_docx(data, path)


def parse_docx(data: bytes, path: Path) -> DocxRelease:
    try:
        document = open_docx(io.BytesIO(data))
    except Exception as error:  # python-docx raises KeyError, ValueError, lxml errors...
        raise InputError(f"not a readable DOCX file ({type(error).__name__}: {error})", path) from None
    paragraphs = []
    for element in _body_paragraphs(document.element.body):
        read = _Reader(element, _base_properties(element)).read()
        if read.marked.strip():
            paragraphs.append(read)
    if not paragraphs:
        raise InputError("no text in this document's body", path)
    return DocxRelease(Path(path), document, paragraphs, data)


def _run(properties: etree._Element | None, text: str) -> etree._Element:
    run = etree.Element(_RUN)
    if properties is not None:
        run.append(copy.deepcopy(properties))
    node = etree.SubElement(run, _TEXT)
    node.text = text
    if text != text.strip() or "  " in text:
        node.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return run


def _container(paragraph: DocxParagraph, code: int, parent: etree._Element) -> etree._Element:
    """An empty copy of the hyperlink or insertion of a code, appended to parent."""
    original = paragraph.containers[code]
    return etree.SubElement(parent, original.tag, dict(original.attrib))


def fill_docx_paragraph(paragraph: DocxParagraph, pieces: list[Piece]) -> None:
    """Replace the paragraph's content (not its properties) by pieces."""
    element = paragraph.element
    for child in list(element):
        if child.tag != _PPR:
            element.remove(child)
    stack: list[tuple[int, etree._Element]] = []
    after_spacing = False
    for piece in pieces:
        if isinstance(piece, Span) and after_spacing and piece.text.startswith(" "):
            piece = Span(piece.text[1:], piece.active)  # the space read after a tab or break
        after_spacing = isinstance(piece, Point) and piece.id in paragraph.spacing
        containers = [c for c in piece.active if c in paragraph.containers]
        parent = nest(stack, containers, element, lambda code, into: _container(paragraph, code, into))
        if isinstance(piece, Span):
            formats = [c for c in piece.active if c in paragraph.formats]
            properties = paragraph.formats[formats[-1]] if formats else paragraph.base
            if piece.text:
                parent.append(_run(properties, piece.text))
        elif isinstance(piece, Point):
            for original in paragraph.points[piece.id]:
                parent.append(copy.deepcopy(original))


def docx_bytes(release: DocxRelease, paragraphs: Mapping[int, list[Piece]]) -> bytes:
    """The document with the given paragraphs' content replaced, from a fresh parse of the bytes
    read (so that every language starts from the original)."""
    fresh = parse_docx(release.data, release.path)
    for index, pieces in paragraphs.items():
        fill_docx_paragraph(fresh.paragraphs[index], pieces)
    out = io.BytesIO()
    fresh.document.save(out)  # type: ignore[attr-defined]
    return out.getvalue()
