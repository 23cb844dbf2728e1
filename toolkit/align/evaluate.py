"""Precision, recall and F1 of an alignment against a gold one, strict and lax, as sentence
aligners are usually scored (Bleualign's and Vecalign's definitions): precision over the test
groups (a test group with one side empty counts too), recall over the gold groups with both
sides non-empty; strict when a group equals a gold group, lax when it overlaps one on both sides."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

Pair = tuple[tuple[int, ...], tuple[int, ...]]


@dataclass
class Counts:
    """True and false positives, strict and lax."""

    strict: int = 0
    strict_wrong: int = 0
    lax: int = 0
    lax_wrong: int = 0

    def add(self, other: Counts) -> None:
        self.strict += other.strict
        self.strict_wrong += other.strict_wrong
        self.lax += other.lax
        self.lax_wrong += other.lax_wrong


def _pairs(groups: Iterable[Sequence[Sequence[int]]]) -> set[Pair]:
    return {(tuple(a), tuple(b)) for a, b in groups if a or b}


def _matches(reference: set[Pair], candidates: set[Pair]) -> Counts:
    """How many candidates are in reference (strict) or overlap one of its pairs (lax)."""
    linked: dict[int, set[int]] = {}
    for a, b in reference:
        for i in a:
            linked.setdefault(i, set()).update(b)
    counts = Counts()
    for a, b in candidates:
        if (a, b) in reference:
            counts.strict += 1
            counts.lax += 1
            continue
        counts.strict_wrong += 1
        if any(j in linked.get(i, ()) for i in a for j in b):
            counts.lax += 1
        else:
            counts.lax_wrong += 1
    return counts


@dataclass
class Scores:
    """Precision, recall and F1, strict and lax, over one or more documents."""

    precision: Counts
    recall: Counts

    @staticmethod
    def _f(p: float, r: float) -> float:
        return 2 * p * r / (p + r) if p + r else 0.0

    def figures(self) -> dict[str, float]:
        out = {}
        for name, tp, fp in (("strict", "strict", "strict_wrong"), ("lax", "lax", "lax_wrong")):
            pc, rc = self.precision, self.recall
            p = getattr(pc, tp) / max(1, getattr(pc, tp) + getattr(pc, fp))
            r = getattr(rc, tp) / max(1, getattr(rc, tp) + getattr(rc, fp))
            out.update({f"{name}_precision": p, f"{name}_recall": r, f"{name}_f1": self._f(p, r)})
        return out


def score_alignments(
    pairs: Iterable[tuple[Sequence[Sequence[Sequence[int]]], Sequence[Sequence[Sequence[int]]]]],
) -> Scores:
    """Scores over (gold groups, test groups) of several documents, each group [a indexes, b indexes]."""
    precision, recall = Counts(), Counts()
    for gold, test in pairs:
        gold_pairs, test_pairs = _pairs(gold), _pairs(test)
        precision.add(_matches(gold_pairs, test_pairs))
        recall.add(_matches({p for p in test_pairs if p[0] and p[1]}, {p for p in gold_pairs if p[0] and p[1]}))
    return Scores(precision, recall)
