"""Several versions around a pivot: each other version is aligned with the pivot, and the groups
are merged into multilingual units (sentences linked through any group belong to one unit), so
that a unit may hold two pivot sentences that English merged and Kazakh kept apart."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .search import Group


@dataclass(frozen=True)
class Unit:
    """Sentence indexes per language (empty where a version has no counterpart) and the unit's
    confidence: the lowest of the groups that formed it (0 when nothing was aligned)."""

    sentences: dict[str, tuple[int, ...]]
    score: float

    @property
    def aligned(self) -> bool:
        return sum(1 for indexes in self.sentences.values() if indexes) >= 2


def _order_keys(groups: Sequence[Group]) -> list[float]:
    """A position on the pivot for each group: its first pivot sentence, or just after the
    pivot sentence before it for a group without one."""
    keys, last = [], -1.0
    for group in groups:
        if group.a:
            last = float(group.a[0])
            keys.append(last)
        else:
            keys.append(last + 0.5)
    return keys


def merge_pairs(pivot: str, langs: Sequence[str], pairs: Mapping[str, Sequence[Group]]) -> list[Unit]:
    """Units from the pivot's alignment with each other language (`pairs[lang]`, groups with
    the pivot as side a), in pivot order."""
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def find(node: tuple[str, int]) -> tuple[str, int]:
        parent.setdefault(node, node)
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    scores: dict[tuple[str, int], list[float]] = {}
    positions: dict[tuple[str, int], float] = {}
    for lang, groups in pairs.items():
        for group, key in zip(groups, _order_keys(groups)):
            nodes = [(pivot, k) for k in group.a] + [(lang, k) for k in group.b]
            root = find(nodes[0])
            for node in nodes[1:]:
                other = find(node)
                if other != root:
                    parent[other] = root
            for node in nodes:
                positions[node] = min(positions.get(node, key), key)
            if group.aligned:
                scores.setdefault(nodes[0], []).append(group.score)
    members: dict[tuple[str, int], list[tuple[str, int]]] = {}
    for node in list(parent):
        members.setdefault(find(node), []).append(node)
    grouped_scores: dict[tuple[str, int], list[float]] = {}
    for node, values in scores.items():
        grouped_scores.setdefault(find(node), []).extend(values)
    units = []
    for root, nodes in members.items():
        sentences = {lang: tuple(sorted(k for code, k in nodes if code == lang)) for lang in langs}
        unit_scores = grouped_scores.get(root, [])
        aligned = sum(1 for v in sentences.values() if v) >= 2
        units.append((min(positions[n] for n in nodes), Unit(sentences, min(unit_scores) if aligned else 0.0)))
    units.sort(key=lambda item: (item[0], [item[1].sentences[lang][:1] for lang in langs]))
    return [unit for _, unit in units]
