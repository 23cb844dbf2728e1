"""Suggestions as a draft glossary: concepts with status `draft`, a domain guess, the frequency,
the association and an example in the notes, written in the glossary CSV layout. A term that
another concept (of the glossary or of the draft) already has is left out and named in the
notes, so that `toolkit glossary lint` finds no conflict."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from ..concept import Concept
from ..lint import normal_term
from .run import Suggestion

EXAMPLE_CHARS = 200
_SLUG = re.compile(r"[^a-z0-9]+")


def slug(text: str) -> str:
    """ASCII id part of a term: `Permanent Council` -> `permanent-council`."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return _SLUG.sub("-", ascii_text).strip("-")


def _example(suggestion: Suggestion) -> str:
    text = " ".join(suggestion.example.split())
    if len(text) > EXAMPLE_CHARS:
        text = text[: EXAMPLE_CHARS - 1].rstrip() + "…"
    where = f" ({suggestion.document})" if suggestion.document else ""
    return f"«{text}»{where}"


def draft_concepts(
    suggestions: Sequence[Suggestion], source: str, taken: dict[tuple[str, str], str], origin: str = ""
) -> list[Concept]:
    """One draft concept per suggestion. `taken` maps (lang, normalised term) to the id of the
    concept that has it (the existing glossary's); it is extended with the draft's terms."""
    concepts: list[Concept] = []
    ids: set[str] = set(taken.values())
    for number, item in enumerate(suggestions, 1):
        terms = {source: item.source, **item.targets}
        notes = [f"frequency {item.frequency} units"]
        notes.append("association " + ", ".join(f"{lang} {score:.2f}" for lang, score in sorted(item.dice.items())))
        kept: dict[str, str] = {}
        base = slug(terms.get("en", "")) or slug(terms.get("fr", "")) or f"term-{number}"
        cid = f"draft.{base}"
        suffix = 2
        while cid in ids:
            cid, suffix = f"draft.{base}-{suffix}", suffix + 1
        ids.add(cid)
        for lang, term in terms.items():
            owner = taken.get((lang, normal_term(term)))
            if owner is not None:
                notes.append(f"{lang} {term!r} left out: it names {owner}")
                continue
            kept[lang] = term
            taken[(lang, normal_term(term))] = cid
        notes.append("example " + _example(item))
        concepts.append(Concept(cid, item.domain, kept, origin, notes="; ".join(notes), status="draft"))
    return concepts


def glossary_terms(concepts: Sequence[Concept]) -> dict[tuple[str, str], str]:
    """(lang, normalised term) -> concept id, for every preferred and allowed term."""
    from ..markers import strip_markers

    taken: dict[tuple[str, str], str] = {}
    for concept in concepts:
        for lang in {*concept.terms, *concept.allowed}:
            for variant in concept.variants(lang):
                taken.setdefault((lang, normal_term(strip_markers(variant))), concept.id)
    return taken
