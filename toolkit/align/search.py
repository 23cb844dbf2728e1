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
# A group's confidence: a logistic over its margin (how much worse the best alignment that
# groups its first sentence otherwise is) and its evidence, fitted on the release triples and
# the Text+Berg dev set (bench/align_calibration.py prints precision and yield by threshold)
CONFIDENCE_BIAS = 0.0
CONFIDENCE_EVIDENCE = 0.025  # log-odds per unit of evidence
CONFIDENCE_MARGIN = 0.81  # log-odds per unit of margin
MARGIN_CAP = 8.0  # a margin beyond this counts as this
RECOVER_EVIDENCE = -1.5  # evidence a group found again in a moved run needs
RECOVER_SCALE = 1.5  # evidence per unit of log-odds when runs found again are compared
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


def confidence(evidence: float, margin: float) -> float:
    """A group's evidence and margin as a number between 0 and 1 (logistic)."""
    z = CONFIDENCE_BIAS + CONFIDENCE_EVIDENCE * evidence + CONFIDENCE_MARGIN * min(max(margin, 0.0), MARGIN_CAP)
    return 1 / (1 + math.exp(-z))


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
    sentences `aside` (of a, of b) are left out of every group, unaligned at no cost. Each
    aligned group's confidence weighs its evidence with its margin: how much better the best
    alignment is than the best one that groups the group's first sentence of a otherwise."""
    n, m = len(rows), len(cols)
    if not n or not m:
        return [Group((k,), (), 0.0) for k in rows] + [Group((), (k,), 0.0) for k in cols]
    gains, best = _gains(scorer, rows, cols, aside)
    after = _backward(gains, n, m)
    rivals = _Rivals(gains, best, after, n)
    total = best[(n, m)][0]
    groups: list[Group] = []
    i, j = n, m
    while i or j:
        da, db = best[(i, j)][1]
        i, j = i - da, j - db
        a = tuple(range(rows.start + i, rows.start + i + da))
        b = tuple(range(cols.start + j, cols.start + j + db))
        margin = total - rivals.without(i, (i + da, j + db, da, db)) if a and b else 0.0
        groups.append(_scored(scorer, a, b, margin))
    return groups[::-1]


Step = tuple[int, int, int, int]  # the cell a group ends at (i, j, relative) and its shape


def _gains(
    scorer: Scorer, rows: range, cols: range, aside: tuple[set[int], set[int]]
) -> tuple[dict[Step, float], dict[tuple[int, int], tuple[float, tuple[int, int]]]]:
    """The score of every group that can end at a cell of the band (in cell order), and the
    forward pass over them: the best score of an alignment from (0, 0) to each cell and the
    shape that ends it."""
    n, m = len(rows), len(cols)
    width = _band(n, m)
    skip_a, skip_b = aside
    gains: dict[Step, float] = {}
    best: dict[tuple[int, int], tuple[float, tuple[int, int]]] = {(0, 0): (0.0, (0, 0))}
    for i in range(n + 1):
        centre = int(i * m / n)
        for j in range(max(0, centre - width), min(m, centre + width) + 1):
            top, shape_of = -math.inf, (0, 0)
            for da, db in SHAPES:
                previous = best.get((i - da, j - db))
                if previous is None:
                    continue
                a0, b0 = rows.start + i - da, cols.start + j - db
                if (skip_a or skip_b) and (_touches(skip_a, a0, da) or _touches(skip_b, b0, db)):
                    if (da, db) not in ((1, 0), (0, 1)):
                        continue
                    gain = 0.0  # a sentence set aside: free to leave unaligned
                else:
                    gain = scorer.group(a0, da, b0, db)
                gains[(i, j, da, db)] = gain
                if previous[0] + gain > top:
                    top, shape_of = previous[0] + gain, (da, db)
            if top > -math.inf:
                best[(i, j)] = (top, shape_of)
    return gains, best


def _backward(gains: dict[Step, float], n: int, m: int) -> dict[tuple[int, int], float]:
    """The best score of an alignment from each cell to (n, m)."""
    after: dict[tuple[int, int], float] = {(n, m): 0.0}
    for (i, j, da, db), gain in reversed(gains.items()):
        rest = after.get((i, j))
        if rest is None:
            continue
        start = (i - da, j - db)
        value = gain + rest
        if value > after.get(start, -math.inf):
            after[start] = value
    return after


class _Rivals:
    """For each sentence of a (relative index), the best total score of an alignment through a
    group that holds it, the group, and the best through any other group."""

    def __init__(self, gains: dict[Step, float], best: dict, after: dict[tuple[int, int], float], n: int) -> None:
        self.top = [-math.inf] * n
        self.second = [-math.inf] * n
        self.step: list[Step | None] = [None] * n
        for step, gain in gains.items():
            i, j, da, db = step
            if not da:
                continue
            previous, rest = best.get((i - da, j - db)), after.get((i, j))
            if previous is None or rest is None:
                continue
            value = previous[0] + gain + rest
            for k in range(i - da, i):
                if value > self.top[k]:
                    self.second[k], self.top[k], self.step[k] = self.top[k], value, step
                elif value > self.second[k]:
                    self.second[k] = value

    def without(self, sentence: int, chosen: Step) -> float:
        """The best total score of an alignment that does not hold the chosen group."""
        return self.top[sentence] if self.step[sentence] != chosen else self.second[sentence]


def _touches(aside: set[int], start: int, count: int) -> bool:
    return bool(aside) and any(k in aside for k in range(start, start + count))


def _scored(scorer: Scorer, a: tuple[int, ...], b: tuple[int, ...], margin: float) -> Group:
    if not a or not b:
        return Group(a, b, 0.0)
    return Group(a, b, round(confidence(scorer.evidence(a[0], len(a), b[0], len(b)), margin), 4))


def _evidence(scorer: Scorer, group: Group) -> float:
    return scorer.evidence(group.a[0], len(group.a), group.b[0], len(group.b))


def _strength(scorer: Scorer, group: Group) -> float:
    """How much a group found again counts when runs are compared (logistic of its evidence)."""
    return 1 / (1 + math.exp(-(_evidence(scorer, group) - RECOVER_EVIDENCE) / RECOVER_SCALE))


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
    they are (a paragraph the other version moved), keeping groups with evidence RECOVER_EVIDENCE
    or more; the best pair of runs first, until no pair gains anything."""
    while True:
        left_a = [k for g in groups if not g.b for k in g.a]
        left_b = [k for g in groups if not g.a for k in g.b]
        if not left_a or not left_b:
            return groups
        found: list[Group] = []
        for rows in _runs(left_a):
            for cols in _runs(left_b):
                kept = [
                    g for g in monotone(scorer, rows, cols) if g.aligned and _evidence(scorer, g) >= RECOVER_EVIDENCE
                ]
                if sum(_strength(scorer, g) for g in kept) > sum(_strength(scorer, g) for g in found):
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
