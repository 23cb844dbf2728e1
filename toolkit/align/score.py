"""The score of aligning a group of sentences of one version with a group of the other: the log
prior of the group's shape plus the evidence for it (Gale-Church length, anchors that agree or
disagree, names, glossary concepts found on both sides, block kinds, and word overlap with a
machine translation when one is given). The dynamic programming in `search` maximises the sum."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from .evidence import Evidence, evidence_of, grams_of
from .version import LINE, Version

# group shapes (sentences of a, sentences of b) and their prior probabilities: Gale-Church's for
# 1-1, 1-2, 2-1 and the omissions, and rarer shapes for translations that regroup a passage
PRIORS = {
    (1, 1): 0.89,
    (1, 0): 0.006,
    (0, 1): 0.006,
    (2, 1): 0.04,
    (1, 2): 0.04,
    (2, 2): 0.005,
    (3, 1): 0.006,
    (1, 3): 0.006,
    (3, 2): 0.002,
    (2, 3): 0.002,
    (4, 1): 0.001,
    (1, 4): 0.001,
    (3, 3): 0.0005,
}
MOST = max(max(shape) for shape in PRIORS)  # sentences of one side in a group, at most
SHAPES = tuple(PRIORS)
LOG_PRIOR = {shape: math.log(p) for shape, p in PRIORS.items()}
GC_VARIANCE = 6.8  # Gale-Church's variance of the length difference, per character
SPECIAL_KINDS = frozenset({"headline", "meta", "dateline", "source", "chrome"})


@dataclass(frozen=True)
class Weights:
    """How much each kind of evidence counts (log-odds per unit)."""

    length: float = 1.0
    number_shared: float = 1.5
    number_missing: float = 1.0
    link_shared: float = 2.0
    link_missing: float = 1.5
    name_shared: float = 1.0
    concept_shared: float = 2.0
    concept_missing: float = 0.5
    kind_same: float = 2.0
    kind_clash: float = 4.0
    block_cross: float = 3.0  # a group running over a paragraph break (translators merge within one)
    mt: float = 8.0
    mt_baseline: float = 0.25  # word overlap of an unrelated pair, about
    mt_uncovered: float = 4.0  # a sentence of a group the other side's translation does not cover


def gale_church(size_a: int, size_b: int, ratio: float) -> float:
    """-log P(length difference) of Gale and Church (0 when the lengths match the ratio)."""
    delta = (size_b - size_a * ratio) / math.sqrt(max(size_a, 1) * GC_VARIANCE)
    return -math.log(max(math.erfc(abs(delta) / math.sqrt(2)), 1e-12))


MT_GRAMS_FULL = 12  # character n-grams on each side (about 3 words) for the overlap to count in full
MT_COVERAGE_MIN = 0.15  # share of a sentence's words a translation must cover


def _coverage(grams: frozenset[str], translated: frozenset[str]) -> float:
    return len(grams & translated) / len(grams) if grams else 0.0


def dice(x: frozenset[str], y: frozenset[str]) -> float:
    return 2 * len(x & y) / (len(x) + len(y)) if x or y else 0.0


class Side:
    """The evidence of one version's sentences, alone and two by two, and the grams of its
    machine translation into the other language (when given)."""

    def __init__(self, version: Version, evidence: Sequence[Evidence], mt: Sequence[str] | None) -> None:
        self.version = version
        self.single = list(evidence)
        self.mt: list[frozenset[str]] | None = [grams_of(t) for t in mt] if mt is not None else None
        blocks = [s.block for s in version.sentences]
        # breaks[k]: paragraph breaks before sentence k (none between lines of a presegmented file)
        self.breaks = [0]
        for k in range(1, len(blocks)):
            crossing = blocks[k] != blocks[k - 1] and version.sentences[k].kind != LINE
            self.breaks.append(self.breaks[-1] + crossing)
        self._joined: dict[tuple[int, int], Evidence] = {}
        self._joined_mt: dict[tuple[int, int], frozenset[str]] = {}

    def get(self, start: int, count: int) -> Evidence:
        """The evidence of sentences start..start+count-1 taken together."""
        if count == 1:
            return self.single[start]
        key = (start, count)
        if key not in self._joined:
            self._joined[key] = self.get(start, count - 1).join(self.single[start + count - 1])
        return self._joined[key]

    def translated(self, start: int, count: int) -> frozenset[str] | None:
        """The grams of the machine translation of those sentences (None without one)."""
        if self.mt is None:
            return None
        if count == 1:
            return self.mt[start]
        key = (start, count)
        if key not in self._joined_mt:
            self._joined_mt[key] = (
                self.mt[start] | self.mt[start + count - 1] | (self.translated(start, count - 1) or frozenset())
            )
        return self._joined_mt[key]

    def crossings(self, start: int, count: int) -> int:
        """Paragraph breaks inside sentences start..start+count-1."""
        return self.breaks[start + count - 1] - self.breaks[start] if count > 1 else 0

    @property
    def size(self) -> int:
        return sum(e.size for e in self.single)


class Scorer:
    """Scores groups of sentences a[i:i+n] against b[j:j+m]."""

    def __init__(self, a: Side, b: Side, weights: Weights | None = None) -> None:
        self.a, self.b = a, b
        self.w = weights or Weights()
        self.ratio = (b.size / a.size) if a.size and b.size else 1.0

    def evidence(self, i: int, n: int, j: int, m: int) -> float:
        """The evidence for aligning a[i:i+n] with b[j:j+m] (both non-empty), without the prior."""
        w = self.w
        x, y = self.a.get(i, n), self.b.get(j, m)
        score = -w.length * gale_church(x.size, y.size, self.ratio)
        shared = len(x.numbers & y.numbers)
        score += w.number_shared * shared - w.number_missing * (len(x.numbers) + len(y.numbers) - 2 * shared)
        shared = len(x.links & y.links)
        score += w.link_shared * shared - w.link_missing * (len(x.links) + len(y.links) - 2 * shared)
        score += w.name_shared * len(x.names & y.names)
        shared = len(x.concepts & y.concepts)
        score += w.concept_shared * shared - w.concept_missing * (len(x.concepts) + len(y.concepts) - 2 * shared)
        score += self._kinds(x.kind, y.kind)
        score -= w.block_cross * (self.a.crossings(i, n) + self.b.crossings(j, m))
        return score + self._machine(i, n, j, m, x, y)

    def _machine(self, i: int, n: int, j: int, m: int, x: Evidence, y: Evidence) -> float:
        """Word overlap with the machine translations (0 without any): Dice of the n-grams, in
        proportion to how many words there are to compare (a line of figures says little), and
        a penalty for each sentence of a group that the other side's translation does
        not cover (a page header or a row of dots pulled into a neighbour's group)."""
        w = self.w
        overlaps, weights, uncovered = [], [], 0
        for translated, grams, side, start, count in (
            (self.a.translated(i, n), y.grams, self.b, j, m),
            (self.b.translated(j, m), x.grams, self.a, i, n),
        ):
            if translated is None:
                continue
            overlaps.append(dice(translated, grams))
            weights.append(min(1.0, min(len(translated), len(grams)) / MT_GRAMS_FULL))
            if count > 1:
                uncovered += sum(
                    1
                    for k in range(start, start + count)
                    if _coverage(side.single[k].grams, translated) < MT_COVERAGE_MIN
                )
        if not overlaps:
            return 0.0
        weight = sum(weights) / len(weights)
        return weight * w.mt * (sum(overlaps) / len(overlaps) - w.mt_baseline) - w.mt_uncovered * uncovered / len(
            overlaps
        )

    def _kinds(self, x: str, y: str) -> float:
        if x == LINE or y == LINE:
            return 0.0
        if x == y:
            return self.w.kind_same if x in SPECIAL_KINDS else 0.0
        if x in SPECIAL_KINDS or y in SPECIAL_KINDS:
            return -self.w.kind_clash
        return 0.0

    def group(self, i: int, n: int, j: int, m: int) -> float:
        """The log prior of the shape (n, m) plus, for a non-empty pair, its evidence."""
        prior = LOG_PRIOR[(n, m)]
        return prior if n == 0 or m == 0 else prior + self.evidence(i, n, j, m)


def side_of(
    version: Version,
    concepts: Sequence[Sequence[str]] | None = None,
    mt: Sequence[str] | None = None,
    grams: bool = True,
) -> Side:
    """A version's side: its evidence (with the glossary concepts found in each sentence; the
    n-grams of its words when the other side has a machine translation to compare)."""
    found = concepts or [()] * len(version)
    return Side(version, [evidence_of(s.text, s.kind, c, grams) for s, c in zip(version.sentences, found)], mt)
