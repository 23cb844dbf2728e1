"""Glossary concepts and the compiled glossary: preferred, allowed, forbidden, accepted and
derived terms per language, relations between concepts (same_as, broader) and the recognisers
that find them in text (toolkit.glossary.terms). The file format is toolkit.formats.glossary_csv.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .markers import strip_markers
from .people import fold_term, initials_forms, surname

STATUSES = ("approved", "draft", "deprecated")
STRICTNESS = ("strict", "loose")
PERSON_DOMAIN = "person"
PLACE_DOMAIN = "place"
# words that join a name to the country after or before it (of the, de la, du, в, при ...)
_CONNECTORS = r"(?:of|the|in|to|for|at|de|la|le|les|du|des|d'|d’|l'|l’|en|au|aux|à|в|во|при|на|'s|’s)"
_CONNECTOR_END = re.compile(rf"(?:\s*\b{_CONNECTORS}|\s)+$", re.IGNORECASE)
_CONNECTOR_START = re.compile(rf"^(?:{_CONNECTORS}\b\s*|\s)+", re.IGNORECASE)


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


@dataclass
class Glossary:
    """Concepts loaded from one or more files, with an inflection-aware recogniser per language."""

    concepts: list[Concept] = field(default_factory=list)
    paths: list[Path] = field(default_factory=list)
    _recognisers: dict[str, Any] = field(default_factory=dict, repr=False)
    _by_id: dict[str, Concept] | None = field(default=None, repr=False)
    _relations: Relations | None = field(default=None, repr=False)

    def recogniser(self, lang: str) -> Any:
        """The compiled recogniser of lang (built once; see toolkit.terms)."""
        if lang not in self._recognisers:
            from .terms import build_recogniser

            self._recognisers[lang] = build_recogniser(self.concepts, lang)
        return self._recognisers[lang]

    def find(self, text: str, lang: str, overlapping: bool = False) -> list[TermHit]:
        """Glossary terms in text, inflected forms included; longest match wins, no overlaps
        (with overlapping: every match, nested and overlapping ones too)."""
        return self.recogniser(lang).find(text, overlapping)

    def find_accepted(self, text: str, lang: str, overlapping: bool = False) -> list[TermHit]:
        """Renderings a translation may use for a concept without naming it in full (inflected):
        the `<lang>_accepted` terms, a person's surname alone («President Tokayev»,
        «Тоқаевпен») and a name without its country («la Cour constitutionnelle» for the
        Constitutional Court of Kazakhstan). Only for accepting a rendering: they are too
        ambiguous («Grant», «Kazakh») to require one."""
        key = f"accepted:{lang}"
        if key not in self._recognisers:
            from .terms import build_recogniser

            forms = [
                replace(c, terms={lang: names[0]}, marked={}, allowed={lang: names[1:]}, forbidden={})
                for c in self.concepts
                if (names := self.accepted_forms(c, lang))
            ]
            self._recognisers[key] = build_recogniser(forms, lang)
        return self._recognisers[key].find(text, overlapping)

    def accepted_forms(self, concept: Concept, lang: str) -> tuple[str, ...]:
        """The accepted terms, surnames and country-less short names of a concept in lang."""
        forms = dict.fromkeys((*concept.accepted.get(lang, ()), *concept.surnames(lang)))
        if concept.domain not in (PLACE_DOMAIN, PERSON_DOMAIN):
            for variant in concept.variants(lang):
                if core := self.without_place(variant, lang, concept.id):
                    forms.setdefault(core)
        return tuple(f for f in forms if f)

    def without_place(self, term: str, lang: str, own: str = "") -> str:
        """A name without the country it begins or ends with: «Министерство культуры и
        информации Республики Казахстан» -> «Министерство культуры и информации», «Қазақстан
        Республикасының Конституциялық Соты» -> «Конституциялық Соты»; '' when there is none."""
        plain = strip_markers(term)
        places = [
            h
            for h in self.find(plain, lang, overlapping=True)
            if h.concept.domain == PLACE_DOMAIN and h.concept.id != own
        ]
        at_end = [h.start for h in places if h.end >= len(plain.rstrip(". ")) and h.start > 0]
        at_start = [h.end for h in places if h.start == 0 and h.end < len(plain)]
        if at_end:
            core = _CONNECTOR_END.sub("", plain[: min(at_end)])
        elif at_start:
            core = _CONNECTOR_START.sub("", plain[max(at_start) :])
        else:
            return ""
        return core if any(len(w) >= 4 for w in core.split()) else ""

    def by_id(self) -> dict[str, Concept]:
        """The concepts by id (the first of a duplicated id)."""
        if self._by_id is None or len(self._by_id) != len({c.id for c in self.concepts}):
            self._by_id = {}
            for concept in self.concepts:
                self._by_id.setdefault(concept.id, concept)
        return self._by_id

    def same_as(self, cid: str) -> frozenset[str]:
        """The concept and every concept linked to it by same_as, in either direction, transitively."""
        return self._closures()[0].get(cid, frozenset({cid}))

    def narrower(self, cid: str) -> frozenset[str]:
        """Concepts more specific than cid or one of its same_as (through broader, transitively)."""
        return self._closures()[1].get(cid, frozenset())

    def broader(self, cid: str) -> frozenset[str]:
        """Concepts more general than cid or one of its same_as (through broader, transitively)."""
        return self._closures()[2].get(cid, frozenset())

    def _closures(self) -> Relations:
        if self._relations is None:
            self._relations = relation_closures(self.concepts)
        return self._relations


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
