"""Terminology: approved equivalents present, forbidden and deprecated variants absent.

Recognition is toolkit.terms' (through `Glossary.find`): inflected forms, allowed variants and
`stem|`/`stem*` markers count on both sides.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..context import CheckContext
from ..model import Segment
from ..registry import Hit, check


def _kind(hit) -> str:
    return getattr(hit, "kind", "preferred")


def _status(hit) -> str:
    return getattr(hit.concept, "status", "approved")


@check("term-missing", "error")
def term_missing(seg: Segment, ctx: CheckContext) -> Iterator[Hit]:
    """A glossary concept found in the source (inflected forms included) whose approved
    equivalent, in any inflected form or allowed variant, is not in the target.

    Example: the source says `Чрезвычайный и Полномочный Посол` and the English target
    `Extraordinary Ambassador` instead of `Ambassador Extraordinary and Plenipotentiary`.
    Deprecated concepts are not required; a forbidden variant in its place is reported by
    term-forbidden only.
    """
    hits = [h for h in ctx.source_terms(seg) if _status(h) != "deprecated"]
    hits = [h for h in hits if h.equivalent(seg.target_lang)]
    if not hits:
        return
    target_hits = ctx.target_terms(seg)
    found = [h for h in target_hits if _kind(h) != "forbidden"]
    # a forbidden variant in its place is term-forbidden's finding, not reported twice
    found_ids = {h.concept.id for h in target_hits}
    found_terms = {(h.equivalent(seg.target_lang) or "").casefold() for h in found}
    reported: set[str] = set()
    for hit in hits:
        concept = hit.concept
        equivalent = hit.equivalent(seg.target_lang)
        if concept.id in found_ids or equivalent.casefold() in found_terms or concept.id in reported:
            continue
        if _inside_longer_term(concept, seg.target_lang, found):
            continue
        reported.add(concept.id)
        yield Hit(
            f"{hit.text!r} is not rendered by the approved {equivalent!r} [{concept.id}]", None, f"missing {concept.id}"
        )


def _variants(concept, lang: str) -> list[str]:
    """The preferred and allowed terms of lang, markers removed, case-folded."""
    written = concept.variants(lang) if hasattr(concept, "variants") else (concept.terms.get(lang, ""),)
    return [v.replace("|", "").rstrip("*").casefold() for v in written if v]


def _inside_longer_term(concept, lang: str, target_hits) -> bool:
    """A variant of concept starts a word inside a longer term found in the target: `Kazakhstan`
    inside `Ministry of Foreign Affairs of Kazakhstan`, where longest-match recognition reports
    only the longer concept while the source had the two apart (`МИД ... Казахстана`)."""
    for hit in target_hits:
        surface = hit.text.casefold()
        for variant in _variants(concept, lang):
            at = surface.find(variant)
            while at >= 0:
                if at == 0 or not surface[at - 1].isalnum():
                    return True
                at = surface.find(variant, at + 1)
    return False


@check("term-forbidden", "error")
def term_forbidden(seg: Segment, ctx: CheckContext) -> Iterator[Hit]:
    """A forbidden variant of a glossary concept, or a term of a deprecated concept, in the target.

    Example: the glossary forbids `Посол по особым поручениям` for a concept, or lists
    `ambassador-at-large` as forbidden in English, and the target uses it (in any inflected form).
    """
    for hit in ctx.target_terms(seg):
        preferred = hit.equivalent(seg.target_lang) or ""
        if _kind(hit) == "forbidden":
            advice = f"; use {preferred!r}" if preferred else ""
            yield Hit(
                f"{hit.text!r} is a forbidden variant [{hit.concept.id}]{advice}",
                hit.start,
                f"forbidden {hit.concept.id} {hit.text.casefold()}",
            )
        elif _status(hit) == "deprecated":
            yield Hit(
                f"{hit.text!r} is a deprecated term [{hit.concept.id}]",
                hit.start,
                f"deprecated {hit.concept.id} {hit.text.casefold()}",
            )
