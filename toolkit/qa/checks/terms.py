"""Terminology: approved equivalents present, forbidden and deprecated variants absent.

Recognition is toolkit.terms' (through `Glossary.find`): inflected forms, allowed variants,
a person's initials forms and `stem|`/`stem*` markers count on both sides.

A CI gate that fails good translations gets switched off, so `term-missing` is an error only
when nothing accounts for the missing rendering. What accounts for it, as published human
translations show:
- a related concept in the target: one `same_as` the source's (МИД РК rendered by the full name
  of the ministry, or the reverse) or a narrower one (глава государства -> the President of
  Kazakhstan); a broader one (the President -> the Head of State) lowers the finding to info;
- for a person, the surname alone (К. Токаевым -> President Tokayev);
- a repeated mention: the concept was named earlier in the document's source, and the
  translator may use a pronoun or a short form (Сенаторы ... -> They ...): info;
- a `loose` concept (a common word such as «стороны», which translators rephrase): info.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...glossary import Concept, Glossary, TermHit, strip_markers
from ..context import CheckContext
from ..model import Segment, Severity
from ..registry import Hit, check


def _rendered(concept: Concept, glossary: Glossary, target_ids: set[str], surnames: set[str]) -> bool:
    """The target names the concept, one of its same_as or a narrower concept, or the person."""
    if target_ids & (glossary.same_as(concept.id) | glossary.narrower(concept.id)):
        return True
    return concept.id in surnames


@check("term-missing", "error")
def term_missing(seg: Segment, ctx: CheckContext) -> Iterator[Hit]:
    """A glossary concept found in the source (inflected forms included) whose approved
    equivalent, in any inflected form or allowed variant, is not in the target: an error when
    nothing accounts for it, info for a repeated mention, a loose concept or a broader term.

    Example: the source says `Чрезвычайный и Полномочный Посол` and the English target
    `Extraordinary Ambassador` instead of `Ambassador Extraordinary and Plenipotentiary`.
    Deprecated concepts are not required; a forbidden variant in its place is reported by
    term-forbidden only. A related concept (glossary columns same_as, broader) or, for a person,
    the surname alone is accepted.
    """
    glossary = ctx.glossary
    lang = seg.target_lang
    hits = [h for h in ctx.source_terms(seg) if h.concept.status != "deprecated" and h.equivalent(lang)]
    if glossary is None or not hits:
        return
    target_hits = ctx.target_terms(seg)
    # a forbidden variant in its place is term-forbidden's finding, not reported twice
    target_ids = {h.concept.id for h in target_hits}
    found = [h for h in target_hits if h.kind != "forbidden"]
    surnames = {h.concept.id for h in ctx.target_surnames(seg)} if any(h.concept.is_person for h in hits) else set()
    source_ids = {h.concept.id for h in hits}
    reported: set[str] = set()
    for hit in hits:
        concept = hit.concept
        if concept.id in reported or _rendered(concept, glossary, target_ids, surnames):
            continue
        if _inside_longer_term(concept, lang, found):
            continue
        reported.add(concept.id)
        yield _missing(hit, seg, ctx, glossary, found, source_ids)


def _missing(
    hit: TermHit, seg: Segment, ctx: CheckContext, glossary: Glossary, found: list[TermHit], source_ids: set[str]
) -> Hit:
    """The finding for a source term whose rendering is missing, at the confidence it deserves."""
    concept, lang = hit.concept, seg.target_lang
    text = f"{hit.text!r} is not rendered by the approved {hit.equivalent(lang)!r} [{concept.id}]"
    key = f"missing {concept.id}"
    broader = [h for h in found if h.concept.id in glossary.broader(concept.id)]
    if broader:
        return Hit(f"{text}; the broader {broader[0].text!r} stands for it", None, key, Severity.INFO)
    if concept.strictness == "loose":
        return Hit(f"{text} (a loose concept: a rephrasing may be right)", None, key, Severity.INFO)
    if ctx.earlier & glossary.same_as(concept.id) and _anaphor(concept, seg.target or "", lang):
        return Hit(
            f"{text} (named before in the document: a pronoun or short form may stand for it)", None, key, Severity.INFO
        )
    # a concept of the same domain in the target that renders nothing of the source: the term
    # of another concept stands where this one's should
    related = {cid for s in source_ids for cid in glossary.same_as(s) | glossary.narrower(s) | glossary.broader(s)}
    rival = next((h for h in found if h.concept.domain == concept.domain and h.concept.id not in related), None)
    if rival is not None:
        return Hit(f"{text}; the target has {rival.text!r} [{rival.concept.id}] instead", None, key)
    return Hit(text, None, key)


# Personal and possessive pronouns that take up a person, a group or an institution named before
# («Сенаторы ...» -> «They ...»); "it" and «оно» are left out: they rarely stand for a title.
PRONOUNS: dict[str, frozenset[str]] = {
    "en": frozenset("he she they him her them his their hers theirs both".split()),
    "fr": frozenset("il elle ils elles lui leur leurs eux celui-ci celle-ci ceux-ci celles-ci".split()),
    "ru": frozenset("он она они его её ее их ему ей им него неё нее них нему ней ним ними оба обе".split()),
    "kk": frozenset("ол олар оның олардың оған оларға оны оларды онымен олармен екеуі".split()),
}
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
# a head word followed by a complement is a name of its own, not a short form:
# «le ministère des Relations extérieures», «the Ministry of Trade»
_COMPLEMENT = re.compile(r"\s+(?:of|for|de|des|du|d'|d’)\s*(?:the\s+|la\s+|l'|l’)?[A-ZÀ-ÖØ-Þ]")


def _anaphor(concept: Concept, target: str, lang: str) -> bool:
    """The target holds what may take up a repeated mention of concept: a pronoun, or a short
    form (a content word of one of the concept's terms in lang, without a complement of its
    own: «the Ministry», «the Governor», «министрлік»)."""
    words = _WORD.findall(target.lower())
    if PRONOUNS.get(lang, frozenset()) & set(words):
        return True
    heads = {w for v in _variants(concept, lang) for w in _WORD.findall(v) if len(w) >= 4}
    for head in heads:
        stem = head[: max(4, len(head) - 2)]
        for match in re.finditer(rf"\b{re.escape(stem)}\w*", target, re.IGNORECASE):
            if not _COMPLEMENT.match(target, match.end()):
                return True
    return False


def _variants(concept: Concept, lang: str) -> list[str]:
    """The preferred, allowed and derived terms of lang, markers removed, case-folded."""
    return [strip_markers(v).rstrip("*").casefold() for v in concept.variants(lang) + concept.derived(lang) if v]


def _inside_longer_term(concept: Concept, lang: str, target_hits: list[TermHit]) -> bool:
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
        if hit.kind == "forbidden":
            advice = f"; use {preferred!r}" if preferred else ""
            yield Hit(
                f"{hit.text!r} is a forbidden variant [{hit.concept.id}]{advice}",
                hit.start,
                f"forbidden {hit.concept.id} {hit.text.casefold()}",
            )
        elif hit.concept.status == "deprecated":
            yield Hit(
                f"{hit.text!r} is a deprecated term [{hit.concept.id}]",
                hit.start,
                f"deprecated {hit.concept.id} {hit.text.casefold()}",
            )
