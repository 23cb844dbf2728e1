"""Inline codes between the toolkit's markers (`<1>bold</1>`, `<2/>`, toolkit.inline) and XLIFF
elements: `<pc id="1">…</pc>` / `<ph id="2"/>` in 2.x, `<g id="1">…</g>` / `<x id="2"/>` in 1.2.

Reading also takes what other tools write: 2.x `sc`/`ec` (paired by startRef), `ph`, `pc`, `cp`
(a code point), `mrk`/`sm`/`em` (annotations: their text is kept, the markup dropped); 1.2
`bpt`/`ept`, `bx`/`ex` (paired by rid, else id), `ph`, `it`, `x`, `g`, `mrk`. The content of
`bpt`/`ept`/`ph`/`it` is native code, not text. Ids become marker numbers: numeric ids are kept,
the toolkit's unit-unique form `K-N` (segment K of a unit, marker N) gives N, and any other set
of ids (or one that would collide) is renumbered 1..n in order of appearance, source first, the
target sharing the source's numbers.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from lxml import etree

from ..inline import Marker, markers, tokens
from .safexml import local_name

XLIFF2_NS = "urn:oasis:names:tc:xliff:document:2.0"
XLIFF12_NS = "urn:oasis:names:tc:xliff:document:1.2"
# Characters XML 1.0 cannot carry: `<cp hex="0001"/>` in XLIFF 2, dropped in 1.2 (no escape there).
XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_OWN_ID = re.compile(r"\d+-([1-9]\d*)")

IdOf = Callable[[int], str]


def _append_text(
    parent: etree._Element, last: etree._Element | None, text: str, cp: str | None = None
) -> etree._Element | None:
    """Append text after last (or into parent); characters XML cannot carry become `<cp hex>`
    elements when cp names that element (XLIFF 2), else are dropped (1.2 has no way). Returns
    the new last child."""
    pieces = XML_INVALID.split(text)
    bad = XML_INVALID.findall(text)
    for k, piece in enumerate(pieces):
        if last is None:
            parent.text = (parent.text or "") + piece
        else:
            last.tail = (last.tail or "") + piece
        if k < len(bad) and cp is not None:
            last = etree.SubElement(parent, cp, hex=f"{ord(bad[k]):04X}")
    return last


def write_inline(parent: etree._Element, text: str, version: str, id_of: IdOf = str) -> None:
    """Fill parent (a source or target) with text, markers as code elements of the version."""
    ns = XLIFF2_NS if version.startswith("2") else XLIFF12_NS
    pair, single = ("pc", "ph") if version.startswith("2") else ("g", "x")
    cp = f"{{{ns}}}cp" if version.startswith("2") else None
    stack: list[tuple[etree._Element, etree._Element | None]] = [(parent, None)]
    for piece in tokens(text):
        holder, last = stack[-1]
        if isinstance(piece, str):
            stack[-1] = (holder, _append_text(holder, last, piece, cp))
        elif piece.kind == "standalone":
            elem = etree.SubElement(holder, f"{{{ns}}}{single}", id=id_of(piece.id))
            stack[-1] = (holder, elem)
        elif piece.kind == "open":
            elem = etree.SubElement(holder, f"{{{ns}}}{pair}", id=id_of(piece.id))
            stack[-1] = (holder, elem)
            stack.append((elem, None))
        else:
            stack.pop()


# --- reading ---------------------------------------------------------------------------------

_PAIRED_OPEN = {"pc", "g"}
_OPENERS = {"sc", "bpt", "bx"}
_CLOSERS = {"ec", "ept", "ex"}
_STANDALONE = {"ph", "x", "it"}
_TRANSPARENT = {"mrk"}  # annotations: the text inside counts
_SKIPPED = {"sm", "em"}  # annotation boundaries: nothing to keep


class _Reader:
    """Walks source or target content into pieces; raw ids are numbered later."""

    def __init__(self) -> None:
        self.pieces: list[str | tuple[str, str]] = []  # text, or (kind, raw id)

    def key(self, elem: etree._Element, name: str) -> str:
        if name == "ec":
            return elem.get("startRef") or elem.get("id") or ""
        if name in ("bx", "ex", "bpt", "ept"):
            return elem.get("rid") or elem.get("id") or ""
        return elem.get("id") or ""

    def walk(self, elem: etree._Element) -> None:
        if elem.text:
            self.pieces.append(elem.text)
        for child in elem:
            self.child(child)
            if child.tail:
                self.pieces.append(child.tail)

    def child(self, child: etree._Element) -> None:
        name = local_name(child)
        if name in _PAIRED_OPEN:
            raw = self.key(child, name)
            self.pieces.append(("open", raw))
            self.walk(child)
            self.pieces.append(("close", raw))
        elif name in _OPENERS:
            self.pieces.append(("open", self.key(child, name)))
        elif name in _CLOSERS:
            self.pieces.append(("close", self.key(child, name)))
        elif name in _STANDALONE:
            self.pieces.append(("standalone", self.key(child, name)))
        elif name == "cp":
            self.pieces.append(_code_point(child.get("hex", "")))
        elif name in _TRANSPARENT:
            self.walk(child)
        elif name not in _SKIPPED and name:
            self.walk(child)  # an unknown element: keep its text


def _code_point(value: str) -> str:
    try:
        return chr(int(value, 16))
    except (ValueError, OverflowError):
        return ""


def _numbers(raw_ids: list[str]) -> dict[str, int]:
    """Marker numbers for raw ids (see the module docstring)."""
    proposed: dict[str, int] = {}
    for raw in raw_ids:
        own = _OWN_ID.fullmatch(raw)
        if raw.isdigit() and int(raw) > 0:
            proposed[raw] = int(raw)
        elif own:
            proposed[raw] = int(own.group(1))
    if len(proposed) == len(raw_ids) and len(set(proposed.values())) == len(proposed):
        return proposed
    return {raw: n for n, raw in enumerate(raw_ids, start=1)}


def read_pair(source: etree._Element, target: etree._Element | None) -> tuple[str, str | None]:
    """The texts of a source and its target, codes as markers numbered across both."""
    readers = []
    for elem in (source, target):
        reader = _Reader()
        if elem is not None:
            reader.walk(elem)
        readers.append(reader)
    raw_ids = list(dict.fromkeys(p[1] for r in readers for p in r.pieces if isinstance(p, tuple)))
    numbers = _numbers(raw_ids)
    texts = []
    for reader in readers:
        out = []
        for piece in reader.pieces:
            if isinstance(piece, str):
                out.append(piece)
            else:
                kind, raw = piece
                out.append(str(Marker(numbers[raw], kind)))  # type: ignore[arg-type]
        texts.append("".join(out))
    return texts[0], (texts[1] if target is not None else None)


def unit_ids(pairs: list[tuple[str, str]]) -> list[IdOf]:
    """For the segments of a unit (source, target), how each writes its marker ids: as they are
    when no two segments share one, else `K-N` (XLIFF 2 wants ids unique in the unit)."""
    seen = [{m.id for text in pair for m in markers(text)} for pair in pairs]
    shared = any(seen[i] & seen[j] for i in range(len(seen)) for j in range(i + 1, len(seen)))
    if not shared:
        return [str for _ in pairs]
    return [_prefixed(k) for k in range(1, len(pairs) + 1)]


def _prefixed(k: int) -> IdOf:
    return lambda n: f"{k}-{n}"
