"""The compiled glossary: concepts loaded from files, the recognisers that find them in text
(toolkit.glossary.terms) and the relations between them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .concept import PERSON_DOMAIN, PLACE_DOMAIN, Concept, Relations, TermHit, relation_closures
from .markers import strip_markers
from .terms.recogniser import build_recogniser

# words that join a name to the country after or before it (of the, de la, du, в, при ...)
_CONNECTORS = r"(?:of|the|in|to|for|at|de|la|le|les|du|des|d'|d’|l'|l’|en|au|aux|à|в|во|при|на|'s|’s)"
_CONNECTOR_END = re.compile(rf"(?:\s*\b{_CONNECTORS}|\s)+$", re.IGNORECASE)
_CONNECTOR_START = re.compile(rf"^(?:{_CONNECTORS}\b\s*|\s)+", re.IGNORECASE)


@dataclass
class Glossary:
    """Concepts loaded from one or more files, with an inflection-aware recogniser per language."""

    concepts: list[Concept] = field(default_factory=list)
    paths: list[Path] = field(default_factory=list)
    _recognisers: dict[str, Any] = field(default_factory=dict, repr=False)
    _by_id: dict[str, Concept] | None = field(default=None, repr=False)
    _relations: Relations | None = field(default=None, repr=False)

    def recogniser(self, lang: str) -> Any:
        """The compiled recogniser of lang (built once; see toolkit.glossary.terms)."""
        if lang not in self._recognisers:
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
