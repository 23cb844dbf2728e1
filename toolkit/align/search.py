"""Finding the alignment: dynamic programming over group shapes (1-1, 1-2, 2-1, 2-2, 1-0, 0-1)
in a band around the diagonal, then a second look at what it left unaligned, for paragraphs that
moved: runs of unaligned sentences on each side are aligned with each other and kept where the
evidence is strong."""

from __future__ import annotations

import math
from dataclasses import dataclass

from .score import SHAPES, Scorer
from .version import LINE

BAND_MIN = 24  # half-width of the band, in sentences, at least
BAND_SHARE = 0.12  # and this share of the longer version
CONFIDENCE_MID = -1.5  # evidence at which a group's confidence is 0.5
CONFIDENCE_SCALE = 1.5  # evidence per unit of log-odds
RECOVER_MIN = 0.5  # confidence a group found again in a moved run needs
ANCHOR_EVIDENCE = 4.0  # evidence of a pair of blocks strong enough to anchor the order
ANCHOR_MARGIN = 2.0  # and its lead over the next best pairing of either sentence
ANCHOR_CELLS = 250_000  # documents with more pairs of blocks are not searched for moved blocks


@dataclass(frozen=True)
class Group:
    """Sentences of a aligned with sentences of b (0-based indexes; one side empty when a
    sentence has no counterpart) and the confidence of the group (0 for an unaligned one)."""

    a: tuple[int, ...]
    b: tuple[int, ...]
    score: float

    @property
    def aligned(self) -> bool:
        return bool(self.a) and bool(self.b)


def confidence(evidence: float) -> float:
    """A group's evidence as a number between 0 and 1 (logistic)."""
    return 1 / (1 + math.exp(-(evidence - CONFIDENCE_MID) / CONFIDENCE_SCALE))


def _band(n: int, m: int) -> int:
    """Half-width of the band: wide enough for local detours, and for the path to stay
    connected where one version has many sentences for each of the other's."""
    return max(BAND_MIN, int(BAND_SHARE * max(n, m)), math.ceil(m / n) + 1 if n else m)


def monotone(
    scorer: Scorer,
    rows: range,
    cols: range,
    aside: tuple[set[int], set[int]] = (set(), set()),
) -> list[Group]:
    """The best monotone alignment of a[rows] with b[cols] (consecutive index ranges); the
    sentences `aside` (of a, of b) are left out of every group, unaligned at no cost."""
    n, m = len(rows), len(cols)
    if not n or not m:
        return [Group((k,), (), 0.0) for k in rows] + [Group((), (k,), 0.0) for k in cols]
    width = _band(n, m)
    best: dict[tuple[int, int], float] = {(0, 0): 0.0}
    back: dict[tuple[int, int], tuple[int, int]] = {}
    skip_a, skip_b = aside
    for i in range(n + 1):
        centre = i * m / n if n else 0
        for j in range(max(0, int(centre) - width), min(m, int(centre) + width) + 1):
            if i == 0 and j == 0:
                continue
            top, shape_of = -math.inf, None
            for da, db in SHAPES:
                previous = best.get((i - da, j - db))
                if previous is None:
                    continue
                a0, b0 = rows.start + i - da, cols.start + j - db
                if _touches(skip_a, a0, da) or _touches(skip_b, b0, db):
                    if (da, db) not in ((1, 0), (0, 1)):
                        continue
                    value = previous  # a sentence set aside: free to leave unaligned
                else:
                    value = previous + scorer.group(a0, da, b0, db)
                if value > top:
                    top, shape_of = value, (da, db)
            if shape_of is not None:
                best[(i, j)] = top
                back[(i, j)] = shape_of
    groups: list[Group] = []
    i, j = n, m
    while i or j:
        da, db = back[(i, j)]
        i, j = i - da, j - db
        a = tuple(range(rows.start + i, rows.start + i + da))
        b = tuple(range(cols.start + j, cols.start + j + db))
        groups.append(_scored(scorer, a, b))
    return groups[::-1]


def _touches(aside: set[int], start: int, count: int) -> bool:
    return bool(aside) and any(k in aside for k in range(start, start + count))


def _scored(scorer: Scorer, a: tuple[int, ...], b: tuple[int, ...]) -> Group:
    if not a or not b:
        return Group(a, b, 0.0)
    return Group(a, b, round(confidence(scorer.evidence(a[0], len(a), b[0], len(b))), 4))


def _runs(indexes: list[int]) -> list[range]:
    runs: list[range] = []
    for k in sorted(indexes):
        if runs and runs[-1].stop == k:
            runs[-1] = range(runs[-1].start, k + 1)
        else:
            runs.append(range(k, k + 1))
    return runs


def recover_moved(scorer: Scorer, groups: list[Group]) -> list[Group]:
    """Align runs of unaligned sentences of a with runs of unaligned sentences of b wherever
    they are (a paragraph the other version moved), keeping groups of confidence RECOVER_MIN
    or more; the best pair of runs first, until no pair gains anything."""
    while True:
        left_a = [k for g in groups if not g.b for k in g.a]
        left_b = [k for g in groups if not g.a for k in g.b]
        if not left_a or not left_b:
            return groups
        found: list[Group] = []
        for rows in _runs(left_a):
            for cols in _runs(left_b):
                kept = [g for g in monotone(scorer, rows, cols) if g.aligned and g.score >= RECOVER_MIN]
                if sum(g.score for g in kept) > sum(g.score for g in found):
                    found = kept
        if not found:
            return groups
        used_a = {k for g in found for k in g.a}
        used_b = {k for g in found for k in g.b}
        rest = [g for g in groups if not (set(g.a) & used_a or set(g.b) & used_b)]
        groups = rest + found


def _increasing(pairs: list[tuple[int, int]]) -> set[tuple[int, int]]:
    """The longest run of pairs (sorted by their first item) whose second items increase."""
    tails: list[int] = []  # tails[k]: index in pairs of the smallest end of a run of length k+1
    before: list[int] = [-1] * len(pairs)
    for k, (_, j) in enumerate(pairs):
        low, high = 0, len(tails)
        while low < high:
            mid = (low + high) // 2
            if pairs[tails[mid]][1] < j:
                low = mid + 1
            else:
                high = mid
        before[k] = tails[low - 1] if low else -1
        if low == len(tails):
            tails.append(k)
        else:
            tails[low] = k
    kept, k = set(), tails[-1] if tails else -1
    while k >= 0:
        kept.add(pairs[k])
        k = before[k]
    return kept


def _blocks(side_blocks: list[int]) -> list[range]:
    """Runs of consecutive sentences of one block."""
    runs: list[range] = []
    for k, block in enumerate(side_blocks):
        if runs and side_blocks[runs[-1].start] == block:
            runs[-1] = range(runs[-1].start, k + 1)
        else:
            runs.append(range(k, k + 1))
    return runs


def block_anchors(scorer: Scorer) -> tuple[list[range], list[range], list[tuple[int, int]]]:
    """The blocks (paragraphs; lines of a presegmented file) of each side and the strong
    block pairs: each block the other's best match by a clear margin (none for very long
    documents: every pair of blocks is scored)."""
    rows = _blocks([s.block for s in scorer.a.version.sentences])
    cols = _blocks([s.block for s in scorer.b.version.sentences])
    if len(rows) * len(cols) > ANCHOR_CELLS or not rows or not cols:
        return rows, cols, []
    table = [[scorer.evidence(r.start, len(r), c.start, len(c)) for c in cols] for r in rows]
    best_in_column = [max(range(len(rows)), key=lambda i: table[i][j]) for j in range(len(cols))]
    anchors = []
    for i, row in enumerate(table):
        j = max(range(len(cols)), key=row.__getitem__)
        if row[j] < ANCHOR_EVIDENCE or best_in_column[j] != i:
            continue
        others = [v for k, v in enumerate(row) if k != j] + [table[k][j] for k in range(len(rows)) if k != i]
        if row[j] - max(others, default=-math.inf) >= ANCHOR_MARGIN:
            anchors.append((i, j))
    return rows, cols, anchors


def _regions(
    rows: list[range], cols: list[range], kept: list[tuple[int, int]], n: int, m: int
) -> list[tuple[range, range]]:
    """The stretches between anchor blocks, and the anchor blocks themselves, in order."""
    regions, a, b = [], 0, 0
    for i, j in kept:
        regions.append((range(a, rows[i].start), range(b, cols[j].start)))
        regions.append((rows[i], cols[j]))
        a, b = rows[i].stop, cols[j].stop
    regions.append((range(a, n), range(b, m)))
    return regions


def align_pair(scorer: Scorer) -> list[Group]:
    """The alignment of the scorer's two versions. Strong block anchors that keep the order cut
    the documents into stretches aligned one by one (releases; a presegmented file has no
    paragraphs and is aligned in one stretch); anchors that break it mark blocks the other
    version moved, set aside; what is left unaligned is then aligned run against run."""
    n, m = len(scorer.a.single), len(scorer.b.single)
    rows, cols, anchors = block_anchors(scorer)
    kept = sorted(_increasing(anchors))
    moved = [pair for pair in anchors if pair not in kept]
    aside = {k for i, _ in moved for k in rows[i]}, {k for _, j in moved for k in cols[j]}
    structured = LINE not in (
        scorer.a.version.sentences[0].kind if n else LINE,
        scorer.b.version.sentences[0].kind if m else LINE,
    )
    regions = _regions(rows, cols, kept, n, m) if structured else [(range(n), range(m))]
    groups = [g for rows_of, cols_of in regions for g in monotone(scorer, rows_of, cols_of, aside)]
    return _place_unaligned_b(recover_moved(scorer, groups), groups)


def _place_unaligned_b(groups: list[Group], path: list[Group]) -> list[Group]:
    """Order the groups by a, each b-only group where the monotone path had it."""
    position = {k: i for i, g in enumerate(path) for k in g.b}
    anchored = [g for g in groups if g.a]
    lonely = [g for g in groups if not g.a]
    placed: list[tuple[float, int, Group]] = [(float(g.a[0]), 1, g) for g in anchored]
    for g in lonely:
        index = position[g.b[0]]
        before = next((h.a[-1] for h in reversed(path[:index]) if h.a), -1)
        placed.append((before + 0.5, 0, g))
    return [g for _, _, g in sorted(placed, key=lambda t: (t[0], t[1], t[2].b[:1]))]
