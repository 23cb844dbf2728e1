"""Glossary concepts: preferred, allowed, forbidden, accepted and derived terms per language,
their status and strictness, and the relations between concepts (same_as, broader). The file
format is toolkit.formats.glossary_csv; the compiled glossary is toolkit.glossary.model.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from .people import fold_term, initials_forms, surname

STATUSES = ("approved", "draft", "deprecated")
STRICTNESS = ("strict", "loose")
PERSON_DOMAIN = "person"
PLACE_DOMAIN = "place"


@dataclass(frozen=True)
class Concept:
    """One glossary concept: id, domain, preferred term per language (markers removed) and more.

    `allowed` and `forbidden` hold the variants as written (with match markers); `marked` holds
    the preferred terms as written when they carry markers.
    """

    id: str
    domain: str
    terms: dict[str, str]
    origin: str  # "file:line" of its row
    allowed: dict[str, tuple[str, ...]] = field(default_factory=dict)
    forbidden: dict[str, tuple[str, ...]] = field(default_factory=dict)
    notes: str = ""
    source: str = ""
    status: str = "approved"
    marked: dict[str, str] = field(default_factory=dict)
    same_as: tuple[str, ...] = ()
    broader: tuple[str, ...] = ()
    strictness: str = "strict"
    accepted: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def preferred(self, lang: str) -> str:
        """The preferred term of lang as written (with markers), or ''."""
        return self.marked.get(lang) or self.terms.get(lang, "")

    def variants(self, lang: str) -> tuple[str, ...]:
        """Preferred then allowed terms of lang, as written (with markers)."""
        first = self.preferred(lang)
        return ((first,) if first else ()) + self.allowed.get(lang, ())

    @property
    def is_person(self) -> bool:
        return self.domain.strip().lower() == PERSON_DOMAIN

    def derived(self, lang: str) -> tuple[str, ...]:
        """Variants derived from the written ones and not listed: a person's initials forms."""
        if not self.is_person:
            return ()
        listed = {fold_term(v) for v in self.variants(lang)} | {fold_term(v) for v in self.forbidden.get(lang, ())}
        found: dict[str, None] = {}
        for name in self.variants(lang):
            for form in initials_forms(name):
                if fold_term(form) not in listed:
                    found.setdefault(form)
        return tuple(found)

    def surnames(self, lang: str) -> tuple[str, ...]:
        """A person's surnames as written in lang (from every full name and initials form): a
        translation may name a person by title and surname («President Tokayev»)."""
        if not self.is_person:
            return ()
        return tuple(dict.fromkeys(s for v in self.variants(lang) if (s := surname(v))))


IdSets = dict[str, frozenset[str]]
Relations = tuple[IdSets, IdSets, IdSets]  # same_as classes, narrower, broader (see relation_closures)


@dataclass(frozen=True)
class TermHit:
    """A glossary term found in a text: character span, surface text and the concept.

    `variant` is the glossary term that matched (as written) and `kind` says whether it is the
    concept's preferred, an allowed or a forbidden term.
    """

    concept: Concept
    start: int
    end: int
    text: str
    variant: str = ""
    kind: str = "preferred"

    def equivalent(self, lang: str) -> str | None:
        """The approved term of this concept in lang, if the glossary has one."""
        return self.concept.terms.get(lang) or None


def relation_closures(concepts: Iterable[Concept]) -> Relations:
    """(same_as classes, narrower sets, broader sets) by concept id: same_as is symmetric and
    transitive; broader is transitive and holds for the whole same_as class."""
    concepts = list(concepts)
    parent: dict[str, str] = {c.id: c.id for c in concepts}

    def root(cid: str) -> str:
        while parent.setdefault(cid, cid) != cid:
            parent[cid] = parent[parent[cid]]
            cid = parent[cid]
        return cid

    for concept in concepts:
        for other in concept.same_as:
            parent[root(other)] = root(concept.id)
    classes: dict[str, set[str]] = {}
    for cid in parent:
        classes.setdefault(root(cid), set()).add(cid)
    same = {cid: frozenset(classes[root(cid)]) for cid in parent}
    up: dict[str, set[str]] = {}
    for concept in concepts:
        for other in concept.broader:
            up.setdefault(root(concept.id), set()).add(root(other))
    broader: dict[str, frozenset[str]] = {}
    narrower: dict[str, set[str]] = {}
    for cls in classes:
        seen: set[str] = set()
        stack = list(up.get(cls, ()))
        while stack:
            top = stack.pop()
            if top not in seen and top != cls:
                seen.add(top)
                stack.extend(up.get(top, ()))
        members = frozenset(m for r in seen for m in classes[r])
        for cid in classes[cls]:
            broader[cid] = members
        for r in seen:
            for cid in classes[r]:
                narrower.setdefault(cid, set()).update(classes[cls])
    return same, {k: frozenset(v) for k, v in narrower.items()}, broader
