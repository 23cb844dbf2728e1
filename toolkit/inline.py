"""Inline codes: formatting inside a segment (bold, a link, a footnote reference, a line break)
as markers in its text, the way the review bundle and every exchange format carry them.

A segment's text marks a paired code as `<1>bold words</1>` and a standalone code as `<2/>`
(Okapi's generic notation): ids are positive integers, unique in the segment, paired codes
nest properly. The formatting itself (which run properties, which hyperlink) stays with the
document that the segment came from, keyed by id; the text carries only where it applies.
Segmentation, the glossary and the memory see `plain(text)`; MT sees placeholders; XLIFF
writes `<pc>`/`<ph>` (2.x) or `<g>`/`<x/>` (1.2).

Text that only looks like a marker (`<3>` with no `</3>`, `<0/>`, `<1>` twice) is text: parse
never fails, so a reviewer's stray `<` cannot break a file; `check` reports the difference.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Literal

Kind = Literal["open", "close", "standalone"]

_MARKER = re.compile(r"<(/?)([1-9]\d{0,5})(/?)>")


@dataclass(frozen=True)
class Marker:
    """One code marker in a segment's text: its id and kind."""

    id: int
    kind: Kind

    def __str__(self) -> str:
        if self.kind == "open":
            return f"<{self.id}>"
        if self.kind == "close":
            return f"</{self.id}>"
        return f"<{self.id}/>"


Token = str | Marker
"""A piece of a segment: text, or a code marker."""


def _candidates(text: str) -> list[tuple[int, int, Marker]]:
    found = []
    for match in _MARKER.finditer(text):
        slash_before, number, slash_after = match.groups()
        if slash_before and slash_after:
            continue
        kind: Kind = "close" if slash_before else "standalone" if slash_after else "open"
        found.append((match.start(), match.end(), Marker(int(number), kind)))
    return found


def _valid(candidates: list[tuple[int, int, Marker]]) -> set[int]:
    """Indexes of the candidates that are real markers: standalone ids used once, paired ids
    opened once and closed once after, properly nested; the rest is text."""
    counts = Counter((m.id, m.kind) for _, _, m in candidates)
    ids = Counter(m.id for _, _, m in candidates)
    keep: set[int] = set()
    stack: list[tuple[int, int]] = []  # (id, candidate index) of open pairs
    for i, (_, _, marker) in enumerate(candidates):
        if marker.kind == "standalone":
            if ids[marker.id] == 1:
                keep.add(i)
        elif counts[(marker.id, "open")] == 1 and counts[(marker.id, "close")] == 1 and ids[marker.id] == 2:
            if marker.kind == "open":
                stack.append((marker.id, i))
            elif stack and stack[-1][0] == marker.id:
                keep.update((stack.pop()[1], i))
            elif any(open_id == marker.id for open_id, _ in stack):
                # crossing pairs (<1><2></1></2>): the inner open pairs are text
                while stack[-1][0] != marker.id:
                    stack.pop()
                keep.update((stack.pop()[1], i))
    return keep


def tokens(text: str) -> list[Token]:
    """The text as pieces of text and markers, in order (adjacent text joined, none empty)."""
    candidates = _candidates(text)
    if not candidates:
        return [text] if text else []
    keep = _valid(candidates)
    pieces: list[Token] = []
    position = 0
    for i, (start, end, marker) in enumerate(candidates):
        if i not in keep:
            continue
        if start > position:
            pieces.append(text[position:start])
        pieces.append(marker)
        position = end
    if position < len(text):
        pieces.append(text[position:])
    return _joined(pieces)


def _joined(pieces: list[Token]) -> list[Token]:
    out: list[Token] = []
    for piece in pieces:
        if isinstance(piece, str) and out and isinstance(out[-1], str):
            out[-1] += piece
        elif piece != "":
            out.append(piece)
    return out


def render(pieces: list[Token]) -> str:
    """The text of pieces, markers written in the notation (inverse of tokens)."""
    return "".join(str(piece) for piece in pieces)


def markers(text: str) -> list[Marker]:
    """The markers of a text, in order."""
    return [piece for piece in tokens(text) if isinstance(piece, Marker)]


def has_codes(text: str) -> bool:
    return bool(_MARKER.search(text)) and bool(markers(text))


def plain(text: str) -> str:
    """The text without its markers: what segmentation, the glossary and the memory see."""
    if not _MARKER.search(text):
        return text
    return "".join(piece for piece in tokens(text) if isinstance(piece, str))


@dataclass(frozen=True)
class CodeDifference:
    """How a translation's codes differ from its source's: ids missing, added, and whether the
    shared ones come in another order (a pair may move, as word order does, so order counts
    only for standalone codes and for pairs that change nesting)."""

    missing: tuple[Marker, ...]
    added: tuple[Marker, ...]
    reordered: bool

    def __bool__(self) -> bool:
        return bool(self.missing or self.added or self.reordered)

    def describe(self) -> str:
        parts = []
        if self.missing:
            parts.append("missing " + " ".join(str(m) for m in self.missing))
        if self.added:
            parts.append("added " + " ".join(str(m) for m in self.added))
        if self.reordered:
            parts.append("in another order")
        return "inline codes " + ", ".join(parts)


def _nesting(pieces: list[Marker]) -> set[tuple[int, int]]:
    """(outer id, inner id) for each pair or standalone code inside another pair."""
    inside: set[tuple[int, int]] = set()
    stack: list[int] = []
    for marker in pieces:
        if marker.kind == "open":
            inside.update((outer, marker.id) for outer in stack)
            stack.append(marker.id)
        elif marker.kind == "close":
            if stack:
                stack.pop()
        else:
            inside.update((outer, marker.id) for outer in stack)
    return inside


def compare_codes(source: str, target: str) -> CodeDifference:
    """The codes of target against those of source."""
    source_markers, target_markers = markers(source), markers(target)
    source_set, target_set = set(source_markers), set(target_markers)
    missing = tuple(m for m in source_markers if m not in target_set)
    added = tuple(m for m in target_markers if m not in source_set)
    shared = source_set & target_set
    standalone_order = [m.id for m in source_markers if m.kind == "standalone" and m in shared]
    target_order = [m.id for m in target_markers if m.kind == "standalone" and m in shared]
    kept = [m for m in source_markers if m in shared]
    kept_target = [m for m in target_markers if m in shared]
    reordered = standalone_order != target_order or _nesting(kept) != _nesting(kept_target)
    return CodeDifference(missing, added, reordered)
