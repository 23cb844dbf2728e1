"""Placing a source segment's inline codes in a translation that has none (a memory match, a
translation of the plain text), and completing a translation that lost some for the writer.

A pair is placed where its words can be found again in the translation: around the whole
translation when it spans the whole source sentence, around the same text when the
translation holds it verbatim (names in Latin letters, numbers), or around the approved
equivalent of a glossary term that is all it covers. A standalone code at the start or at
the end of the source goes to the start or the end, one next to a placed pair next to it. What cannot be placed is left out of the
proposal (the `tags` check reports it, a reviewer places it); the writer then puts a lost pair
around the whole segment and a lost standalone code at its end (`complete_codes`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .glossary.concept import TermHit
from .inline import Marker, compare_codes, markers, plain, tokens
from .text.coded import Piece, Point, Span, flatten, marked_of

_PUNCTUATION = " \"'«»“”„.,:;!?…()-–—"


def _core(text: str) -> tuple[int, int]:
    """The range of text without quotes, spaces and punctuation at its two ends."""
    start = len(text) - len(text.lstrip(_PUNCTUATION))
    end = len(text.rstrip(_PUNCTUATION))
    return (start, end) if start < end else (0, len(text))


def _covered(pieces: Sequence[Piece]) -> dict[int, tuple[int, int]]:
    """The plain range each pair covers in the source."""
    ranges: dict[int, tuple[int, int]] = {}
    at = 0
    for piece in pieces:
        length = len(piece.text) if isinstance(piece, Span) else 0
        for code in piece.active:
            start, _ = ranges.get(code, (at, at))
            ranges[code] = (start, at + length)
        at += length
    return ranges


def _find(needle: str, haystack: str, taken: Sequence[tuple[int, int]]) -> tuple[int, int] | None:
    """The first whole-word, case-blind occurrence of needle in haystack that overlaps no taken range."""
    if not needle.strip():
        return None
    pattern = re.compile(r"(?<!\w)" + re.escape(needle) + r"(?!\w)", re.IGNORECASE)
    for match in pattern.finditer(haystack):
        if not any(match.start() < b and a < match.end() for a, b in taken):
            return match.span()
    return None


def _anchor(
    covered: str, start: int, end: int, source: str, target: str, terms: Sequence[TermHit], lang: str, taken: list
) -> tuple[int, int] | None:
    """Where the words a pair covers stand in the target."""
    core_start, core_end = _core(source)
    inner = covered.strip(_PUNCTUATION)
    if start == 0 and end == len(source):
        return (0, len(target))
    if start <= core_start and end >= core_end:
        return _core(target)
    found = _find(inner, target, taken)
    if found is None:
        for hit in terms:
            if start <= hit.start and hit.end <= end and not covered.replace(hit.text, "").strip(_PUNCTUATION):
                equivalent = hit.equivalent(lang)
                found = _find(equivalent, target, taken) if equivalent else None
                if found:
                    break
    if found is None:
        return None
    # punctuation the pair covers after its words (`<b>Справочно:</b>`) when the target has it too
    trailing = covered[len(covered.rstrip(_PUNCTUATION)) :].strip()
    if trailing and target[found[1] : found[1] + len(trailing)] == trailing:
        found = (found[0], found[1] + len(trailing))
    return found


def place_codes(marked_source: str, target: str, terms: Sequence[TermHit], lang: str) -> str:
    """target (plain text) with the source's codes placed where they can be (see the module)."""
    pieces = flatten(marked_source)
    source = plain(marked_source)
    order = [m.id for m in markers(marked_source) if m.kind != "close"]
    placed: dict[int, tuple[int, int]] = {}
    taken: list[tuple[int, int]] = []
    same: dict[tuple[int, int], tuple[int, int]] = {}  # pairs over the same words go together
    covered = _covered(pieces)
    for code, (start, end) in covered.items():
        found = same.get((start, end)) or _anchor(source[start:end], start, end, source, target, terms, lang, taken)
        if found and all(_nested(found, other) for other in placed.values()):
            placed[code] = same[(start, end)] = found
            if found not in (_core(target), (0, len(target))):
                taken.append(found)
    points: dict[int, int] = {}
    at = 0
    for piece in pieces:
        if isinstance(piece, Span):
            at += len(piece.text)
        elif not source[:at].strip():
            points[piece.id] = 0
        elif not source[at:].strip(" .!?…»\"'"):
            points[piece.id] = len(target) if not source[at:].strip() else _core(target)[1]
        else:  # right after or right before a placed pair: after or before its words
            after = next((placed[c][1] for c, (_, end) in covered.items() if end == at and c in placed), None)
            before = next((placed[c][0] for c, (start, _) in covered.items() if start == at and c in placed), None)
            anchor = after if after is not None else before
            if anchor is not None:
                points[piece.id] = anchor
    return _build(target, placed, points, order)


def _nested(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[1] <= b[0] or b[1] <= a[0] or (b[0] <= a[0] and a[1] <= b[1]) or (a[0] <= b[0] and b[1] <= a[1])


def _build(target: str, pairs: dict[int, tuple[int, int]], points: dict[int, int], order: list[int]) -> str:
    """The marked text of target with pairs around their ranges and points at their offsets."""
    rank = {code: i for i, code in enumerate(order)}
    edges = sorted({0, len(target), *(e for r in pairs.values() for e in r), *points.values()})
    pieces: list[Piece] = []
    for a, b in zip(edges, edges[1:] + [None]):
        for code in sorted((c for c, p in points.items() if p == a), key=rank.__getitem__):
            pieces.append(Point(code, _active(pairs, a, a, rank)))
        if b is not None and a < b:
            pieces.append(Span(target[a:b], _active(pairs, a, b, rank)))
    return marked_of(pieces)


def _active(pairs: dict[int, tuple[int, int]], a: int, b: int, rank: dict[int, int]) -> tuple[int, ...]:
    inside = [c for c, (s, e) in pairs.items() if s <= a and b <= e and (s < e or a == b)]
    if a == b:
        inside = [c for c in inside if pairs[c][0] < a < pairs[c][1]]
    # outer first: the wider range, then the source's order
    return tuple(sorted(inside, key=lambda c: (pairs[c][0] - pairs[c][1], rank[c])))


def complete_codes(marked_source: str, marked_target: str) -> str:
    """marked_target with every code of the source it lacks put back for the writer: a lost
    pair around the whole segment, a lost standalone code at its end."""
    have = {(m.id, m.kind) for m in markers(marked_target)}
    lost = [m for m in markers(marked_source) if (m.id, m.kind) not in have]
    if not lost:
        return marked_target
    opening = "".join(str(m) for m in lost if m.kind == "open")
    closing = "".join(str(Marker(m.id, "close")) for m in reversed(lost) if m.kind == "open")
    points = "".join(str(m) for m in lost if m.kind == "standalone")
    return opening + marked_target + closing + points


CODE_FIRST = 0xF000  # inline codes behind private-use characters for MT (invariants use U+E000 up)
CODE_LAST = 0xF8FF


@dataclass(frozen=True)
class CodedForMT:
    """A marked sentence for MT: each marker a private-use character, the markers in order, and
    the marked sentence itself."""

    text: str
    markers: tuple[Marker, ...]
    marked: str


def codes_for_mt(marked: str) -> CodedForMT | None:
    """marked with each marker replaced by a private-use character (None when the text holds
    such characters already, or more codes than there are characters)."""
    pieces = tokens(marked)
    found = [p for p in pieces if isinstance(p, Marker)]
    text = "".join(p for p in pieces if isinstance(p, str))
    if any(CODE_FIRST <= ord(c) <= CODE_LAST for c in text) or len(found) > CODE_LAST - CODE_FIRST + 1:
        return None
    numbers = {marker: i for i, marker in enumerate(found)}
    out = [p if isinstance(p, str) else chr(CODE_FIRST + numbers[p]) for p in pieces]
    return CodedForMT("".join(out), tuple(found), marked)


def codes_from_mt(output: str, sent: CodedForMT) -> str | None:
    """The MT output with its private-use characters turned back into markers, or None when a
    code is missing or repeated, or a pair closes before it opens."""
    for i in range(len(sent.markers)):
        if output.count(chr(CODE_FIRST + i)) != 1:
            return None
    back = "".join(str(sent.markers[ord(c) - CODE_FIRST]) if CODE_FIRST <= ord(c) <= CODE_LAST else c for c in output)
    back = re.sub(r"\s+(</\d+>)", r"\1 ", back).replace("  ", " ").strip()  # `<1>word </1>` -> `<1>word</1> `
    if compare_codes(sent.marked, back).missing:
        return None
    return back
