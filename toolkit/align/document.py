"""Aligning the versions of one document: each version's evidence (with the glossary concepts
found in it), the machine translations available for each pair, the pairwise alignments with the
pivot (the first version) and the merged units."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from ..glossary.model import Glossary
from .merge import Unit, merge_pairs
from .score import Scorer, Side, side_of
from .search import Group, align_pair
from .version import Version

# translations of a version's sentences: (from lang, to lang) -> one text per sentence
Translations = Mapping[tuple[str, str], Sequence[str]]
# a translator for pairs without given translations: (texts, from, to) -> texts, or None
Translator = Callable[[Sequence[str], str, str], Sequence[str] | None]


@dataclass
class Alignment:
    """The versions of a document (pivot first), each other version's groups with the pivot,
    and the merged units."""

    versions: list[Version]
    pairs: dict[str, list[Group]]
    units: list[Unit]
    used_mt: dict[str, list[str]] = field(default_factory=dict)  # lang -> directions with MT

    @property
    def pivot(self) -> Version:
        return self.versions[0]

    @property
    def langs(self) -> list[str]:
        return [v.lang for v in self.versions]


def concepts_of(version: Version, glossary: Glossary | None) -> list[tuple[str, ...]]:
    """The glossary concepts found in each sentence (none without a glossary)."""
    if glossary is None or not glossary.concepts:
        return [()] * len(version)
    return [tuple(sorted({hit.concept.id for hit in glossary.find(s.text, version.lang)})) for s in version.sentences]


def align_versions(
    versions: Sequence[Version],
    glossary: Glossary | None = None,
    translations: Translations | None = None,
    translator: Translator | None = None,
) -> Alignment:
    """Align every version with the first (the pivot) and merge the groups into units.
    Machine translations come from `translations` where given, else from `translator`."""
    given = dict(translations or {})

    def mt(version: Version, other: Version) -> Sequence[str] | None:
        key = (version.lang, other.lang)
        if key not in given and translator is not None and len(version):
            result = translator(version.texts(), version.lang, other.lang)
            if result is not None:
                given[key] = result
        return given.get(key)

    pivot = versions[0]
    pivot_concepts = concepts_of(pivot, glossary)
    pairs: dict[str, list[Group]] = {}
    used: dict[str, list[str]] = {}
    for other in versions[1:]:
        forward, backward = mt(pivot, other), mt(other, pivot)
        a: Side = side_of(pivot, pivot_concepts, forward, grams=backward is not None)
        b: Side = side_of(other, concepts_of(other, glossary), backward, grams=forward is not None)
        pairs[other.lang] = align_pair(Scorer(a, b))
        used[other.lang] = [
            f"{x.lang}->{y.lang}" for x, y, t in ((pivot, other, forward), (other, pivot, backward)) if t is not None
        ]
    units = merge_pairs(pivot.lang, [v.lang for v in versions], pairs)
    return Alignment(list(versions), pairs, units, used)
