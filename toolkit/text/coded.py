"""A formatted paragraph as text with inline-code markers (toolkit.inline), cut into segments
and put back together.

The segmenter works on the plain text; `slice_marked` gives the marked text of a plain range
(a pair that runs over the range's edge is closed at its end and opened again in the next
segment, with the same id), and `replace_ranges` puts translated segments back into the
paragraph as a flat list of pieces: text with the ids of the pairs around it (outermost
first), and standalone codes. A format writer turns those pieces back into its own runs or
elements, looking each id up in the paragraph's code table.

A standalone code (or an empty pair) at plain offset p belongs to the first range [s, e) with
s <= p <= e: a footnote reference right after a sentence's full stop goes with that sentence.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import TypeVar

from ..inline import Marker, tokens


@dataclass(frozen=True)
class Span:
    """Text, and the paired codes around it, outermost first."""

    text: str
    active: tuple[int, ...] = ()


@dataclass(frozen=True)
class Point:
    """A standalone code, and the paired codes around it, outermost first."""

    id: int
    active: tuple[int, ...] = ()


Piece = Span | Point


def flatten(marked: str) -> list[Piece]:
    """The pieces of a marked text; an empty pair is kept as an empty span inside it."""
    pieces: list[Piece] = []
    stack: list[int] = []
    holds: dict[int, bool] = {}  # whether an open pair holds a piece yet
    for token in tokens(marked):
        if isinstance(token, Marker) and token.kind == "open":
            stack.append(token.id)
            holds[token.id] = False
            continue
        if isinstance(token, Marker) and token.kind == "close":
            if not holds[token.id]:
                pieces.append(Span("", tuple(stack)))
            stack.remove(token.id)
        else:
            pieces.append(Span(token, tuple(stack)) if isinstance(token, str) else Point(token.id, tuple(stack)))
        holds.update((code, True) for code in stack)
    return _merge(pieces)


def _merge(pieces: list[Piece]) -> list[Piece]:
    merged: list[Piece] = []
    for piece in pieces:
        last = merged[-1] if merged else None
        if isinstance(piece, Span) and isinstance(last, Span) and last.active == piece.active and piece.text:
            merged[-1] = Span(last.text + piece.text, last.active)
        else:
            merged.append(piece)
    return merged


def marked_of(pieces: Sequence[Piece]) -> str:
    """The marked text of pieces (inverse of flatten)."""
    out: list[str] = []
    stack: list[int] = []
    for piece in pieces:
        active = piece.active
        common = 0
        while common < min(len(stack), len(active)) and stack[common] == active[common]:
            common += 1
        while len(stack) > common:
            out.append(str(Marker(stack.pop(), "close")))
        for code in active[common:]:
            out.append(str(Marker(code, "open")))
            stack.append(code)
        if isinstance(piece, Span):
            out.append(piece.text)
        else:
            out.append(str(Marker(piece.id, "standalone")))
    while stack:
        out.append(str(Marker(stack.pop(), "close")))
    return "".join(out)


Container = TypeVar("Container")


def nest(
    stack: list[tuple[int, Container]],
    wanted: Sequence[int],
    root: Container,
    make: Callable[[int, Container], Container],
) -> Container:
    """Bring the open containers (code, element), outermost first, to `wanted`: close those not
    in it, open the missing ones with make(code, parent); returns where content goes now."""
    common = 0
    while common < min(len(stack), len(wanted)) and stack[common][0] == wanted[common]:
        common += 1
    del stack[common:]
    for code in wanted[common:]:
        stack.append((code, make(code, stack[-1][1] if stack else root)))
    return stack[-1][1] if stack else root


def _positioned(pieces: Sequence[Piece]) -> list[tuple[int, Piece]]:
    """Each piece with the plain offset it starts at."""
    out = []
    offset = 0
    for piece in pieces:
        out.append((offset, piece))
        if isinstance(piece, Span):
            offset += len(piece.text)
    return out


def _owner(offset: int, ranges: Sequence[tuple[int, int]]) -> int | None:
    """The index of the range a zero-width piece at offset belongs to."""
    for i, (start, end) in enumerate(ranges):
        if start <= offset <= end:
            return i
    return None


def _cut(pieces: Sequence[Piece], ranges: Sequence[tuple[int, int]]) -> list[tuple[int | None, Piece]]:
    """The pieces cut at the range edges, each with the index of the range it falls in (None:
    outside every range)."""
    out: list[tuple[int | None, Piece]] = []
    for offset, piece in _positioned(pieces):
        if isinstance(piece, Point) or not piece.text:
            out.append((_owner(offset, ranges), piece))
            continue
        end = offset + len(piece.text)
        edges = sorted({offset, end, *(e for r in ranges for e in r if offset < e < end)})
        for a, b in pairwise(edges):
            inside = next((i for i, (s, e) in enumerate(ranges) if s <= a and b <= e), None)
            out.append((inside, Span(piece.text[a - offset : b - offset], piece.active)))
    return out


def slice_marked(marked: str, start: int, end: int, ranges: Sequence[tuple[int, int]] | None = None) -> str:
    """The marked text of the plain range [start, end) of marked; ranges are all the segments
    of the paragraph (sorted, disjoint), for the ownership of zero-width codes at shared edges."""
    ranges = list(ranges) if ranges is not None else [(start, end)]
    index = ranges.index((start, end))
    return marked_of([piece for owner, piece in _cut(flatten(marked), ranges) if owner == index])


def replace_ranges(marked: str, replacements: Sequence[tuple[int, int, str]]) -> list[Piece]:
    """The pieces of marked with each plain range [start, end) replaced by the pieces of its
    new marked text (sorted, disjoint ranges: the paragraph's segments)."""
    ranges = [(start, end) for start, end, _ in replacements]
    out: list[Piece] = []
    done: set[int] = set()
    for owner, piece in _cut(flatten(marked), ranges):
        if owner is None:
            out.append(piece)
        elif owner not in done:
            done.add(owner)
            out.extend(flatten(replacements[owner][2]))
    for i, (_, _, text) in enumerate(replacements):
        if i not in done:  # an empty range with no piece of its own: put it where it starts
            raise ValueError(f"range {ranges[i]} holds no text of the paragraph (text {text!r})")
    return _merge(out)
