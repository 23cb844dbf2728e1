"""A saved press-release web page: its article read as formatted paragraphs, and the page
written back with the paragraphs' text replaced and every other byte of markup kept by lxml.

The article is the element `--html-content SELECTOR` names, else the first `<article>`,
`<main>` or `[itemprop=articleBody]`, else the element whose own `<p>` children hold the most
text; its headline is the first `<h1>` in it or, failing that, in the page. Inside it,
navigation, scripts, styles, forms, share buttons and similar chrome are never read. A
paragraph is an element with text and no block-level element inside (p, h1-h6, li, td, a
div of text...); its inline elements become paired codes (b, i, a, span...) and its empty
ones standalone codes (br, img, a comment, a footnote reference). Whitespace runs are read as one space.

Parsing: lxml's HTML parser with no network; a DOCTYPE's entity declarations are never
expanded (libxml2's HTML parser does not read an internal subset).
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree, html

from ..errors import InputError, UsageError
from ..fsutil import read_bytes
from ..text.coded import Piece, Point, Span, nest

BLOCK_TAGS = frozenset(
    "address article aside blockquote body dd details dialog div dl dt fieldset figcaption figure footer form "
    "h1 h2 h3 h4 h5 h6 header hgroup hr li main nav ol p pre section summary table tbody td tfoot th thead tr ul "
    "caption center".split()
)
SKIPPED_TAGS = frozenset(
    "script style noscript template nav form button iframe svg select textarea object embed canvas video audio "
    "head menu".split()
)
STANDALONE_TAGS = frozenset("br img wbr input hr source track area".split())
CHROME = re.compile(
    r"share|social|breadcrumb|banner|advert|cookie|subscribe|related|comment|menu|navbar|pagination|print-?link",
    re.IGNORECASE,
)
_SPACE = re.compile(r"[ \t\n\r\f]+")
# page text that would read as a code marker (`<1>`) gets a zero-width space after its `<`
_LITERAL_MARKER = re.compile(r"<(?=/?\d)")
_FOOTNOTE = re.compile(r"[\[(]?\d{1,3}[\])]?|\*{1,3}")
MAX_PAGE_BYTES = 20 * 1024 * 1024


@dataclass
class HtmlParagraph:
    """A paragraph element of the page: its marked text and the element behind each code."""

    element: html.HtmlElement
    marked: str
    codes: dict[int, html.HtmlElement] = field(default_factory=dict)


@dataclass
class HtmlPage:
    """A parsed page and its article's paragraphs, in reading order (headline first)."""

    path: Path
    tree: etree._ElementTree
    paragraphs: list[HtmlParagraph]
    data: bytes
    selector: str | None


def _tag(element: etree._Element) -> str:
    return element.tag.lower() if isinstance(element.tag, str) else ""


def _is_chrome(element: etree._Element) -> bool:
    if _tag(element) in SKIPPED_TAGS:
        return True
    if element.get("aria-hidden") == "true" or element.get("hidden") is not None:
        return True
    marks = f"{element.get('class', '')} {element.get('id', '')} {element.get('role', '')}"
    return bool(CHROME.search(marks)) or element.get("role") == "navigation"


def _has_block(element: etree._Element) -> bool:
    return any(_tag(d) in BLOCK_TAGS for d in element.iterdescendants() if isinstance(d.tag, str))


def _text_of(element: etree._Element) -> str:
    return _SPACE.sub(" ", element.text_content()).strip() if isinstance(element.tag, str) else ""


class _Marker:
    """Builds the marked text of one paragraph element."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.codes: dict[int, html.HtmlElement] = {}

    def code(self, element: etree._Element) -> int:
        number = len(self.codes) + 1
        self.codes[number] = element
        return number

    def text(self, text: str | None) -> None:
        if text:
            self.parts.append(_LITERAL_MARKER.sub("<\u200b", _SPACE.sub(" ", text)))

    def children(self, element: etree._Element) -> None:
        self.text(element.text)
        for child in element:
            self.child(child)
            self.text(child.tail)

    def child(self, child: etree._Element) -> None:
        tag = _tag(child)
        if tag in SKIPPED_TAGS or not isinstance(child.tag, str) or tag in STANDALONE_TAGS or _footnote_mark(child):
            self.parts.append(f"<{self.code(child)}/>")
            if tag == "br" and not (child.tail or "")[:1].isspace():
                self.parts.append(" ")  # the line break parts words: keep them apart in the text
        elif len(child) == 0 and not (child.text or "").strip():
            number = self.code(child)
            self.parts.append(f"<{number}>{_SPACE.sub(' ', child.text or '')}</{number}>")
        else:
            number = self.code(child)
            self.parts.append(f"<{number}>")
            self.children(child)
            self.parts.append(f"</{number}>")


def _footnote_mark(element: etree._Element) -> bool:
    """A footnote reference (`<sup>1</sup>`, `<sup><a href="#n2">[2]</a></sup>`): a code, not text."""
    return _tag(element) in ("sup", "sub") and bool(_FOOTNOTE.fullmatch(_text_of(element)))


def _paragraph(element: html.HtmlElement) -> HtmlParagraph:
    marker = _Marker()
    marker.children(element)
    marked = "".join(marker.parts)
    # the paragraph's own leading and trailing spaces are layout, not text
    return HtmlParagraph(element, _strip_marked(marked), marker.codes)


def _strip_marked(marked: str) -> str:
    """marked without spaces at its plain text's two ends (markers there stay)."""
    head = re.match(r"^((?:<\d+/?>|\s)*)", marked)
    lead = head.group(1) if head else ""
    rest = marked[len(lead) :]
    tail = re.search(r"((?:</?\d+/?>|\s)*)$", rest)
    trail = tail.group(1) if tail else ""
    body = rest[: len(rest) - len(trail)]
    return lead.replace(" ", "") + body + trail.replace(" ", "")


def _paragraph_elements(root: etree._Element) -> list[html.HtmlElement]:
    """The paragraph elements under root, in document order, chrome left out."""
    found: list[html.HtmlElement] = []

    def walk(element: etree._Element) -> None:
        if not isinstance(element.tag, str) or _is_chrome(element):
            return
        if not _has_block(element):
            if _text_of(element):
                found.append(element)
            return
        for child in element:
            walk(child)

    walk(root)
    return found


def _article(tree: etree._ElementTree, selector: str | None, path: Path) -> etree._Element:
    root = tree.getroot()
    if selector:
        try:
            chosen = root.cssselect(selector)
        except Exception as error:  # cssselect's SelectorError and ExpressionError
            raise UsageError(f"--html-content: {selector!r} is not a CSS selector ({error})") from None
        if not chosen:
            raise InputError(f"no element matches --html-content {selector!r}", path)
        return chosen[0]
    for candidate in ("article", "main", '[itemprop="articleBody"]'):
        chosen = [e for e in root.cssselect(candidate) if _text_of(e)]
        if chosen:
            return chosen[0]
    best, best_size = root, 0
    for element in root.iter():
        if not isinstance(element.tag, str) or _is_chrome(element):
            continue
        size = sum(len(_text_of(p)) for p in element if _tag(p) == "p")
        if size > best_size:
            best, best_size = element, size
    return best


def read_html_page(path: Path, selector: str | None = None) -> HtmlPage:
    """The page's article as paragraphs; InputError for a page with no text in it."""
    return parse_html_page(read_bytes(path, "web page"), path, selector)


def parse_html_page(data: bytes, path: Path, selector: str | None = None) -> HtmlPage:
    """read_html_page on the page's bytes (path names it in errors)."""
    if len(data) > MAX_PAGE_BYTES:
        raise InputError(f"web page larger than {MAX_PAGE_BYTES // (1024 * 1024)} MB", path)
    parser = html.HTMLParser(no_network=True, remove_comments=False, remove_pis=False, huge_tree=False)
    try:
        tree = html.document_fromstring(data, parser=parser).getroottree()
    except (etree.ParserError, ValueError) as error:
        raise InputError(f"not an HTML page ({error})", path) from None
    article = _article(tree, selector, path)
    elements = _paragraph_elements(article)
    if not any(_tag(e) == "h1" for e in elements):
        heading = next((h for h in tree.getroot().iter("h1") if _text_of(h)), None)
        if heading is not None and not any(heading in e.iterancestors() for e in elements):
            elements.insert(0, heading)
    paragraphs = [_paragraph(e) for e in elements]
    paragraphs = [p for p in paragraphs if p.marked.strip()]
    if not paragraphs:
        raise InputError("no article text found in this page (name it with --html-content SELECTOR)", path)
    return HtmlPage(Path(path), tree, paragraphs, data, selector)


def _shell(element: etree._Element) -> etree._Element:
    """A copy of an element without its content or tail: the formatting of a pair."""
    shell = etree.Element(element.tag, dict(element.attrib)) if isinstance(element.tag, str) else copy.copy(element)
    return shell


def _opened(paragraph: HtmlParagraph, code: int, parent: etree._Element) -> etree._Element:
    """An empty copy of the element of a paired code, appended to parent."""
    shell = _shell(paragraph.codes[code])
    parent.append(shell)
    return shell


def _append_text(parent: etree._Element, text: str) -> None:
    if len(parent):
        parent[-1].tail = (parent[-1].tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def fill_paragraph(paragraph: HtmlParagraph, pieces: list[Piece]) -> None:
    """Replace the paragraph element's content by pieces, the codes rebuilt from their elements."""
    element = paragraph.element
    tail = element.tail
    for child in list(element):
        element.remove(child)
    element.text = None
    element.tail = tail
    stack: list[tuple[int, etree._Element]] = []
    for piece in pieces:
        parent = nest(stack, piece.active, element, lambda code, into: _opened(paragraph, code, into))
        if isinstance(piece, Span):
            _append_text(parent, piece.text.replace("<\u200b", "<"))
        elif isinstance(piece, Point):
            original = copy.deepcopy(paragraph.codes[piece.id])
            original.tail = None
            parent.append(original)


def page_bytes(page: HtmlPage, lang: str) -> bytes:
    """The page as HTML in its own encoding, its <html lang> set to lang."""
    root = page.tree.getroot()
    if root.get("lang") is not None or _tag(root) == "html":
        root.set("lang", lang)
    encoding = page.tree.docinfo.encoding or "utf-8"
    doctype = page.tree.docinfo.doctype or None
    return html.tostring(page.tree, encoding=encoding, method="html", doctype=doctype)
