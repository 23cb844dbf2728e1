"""Terminology: approved equivalents present, forbidden and deprecated variants absent.

Recognition is toolkit.terms' (through `Glossary.find`): inflected forms, allowed variants,
a person's initials forms and `stem|`/`stem*` markers count on both sides.

A CI gate that fails good translations gets switched off, so `term-missing` is an error only
when nothing accounts for the missing rendering. What accounts for it, as published human
translations show:
- the concept, or a related one, anywhere in the target (nested terms included: `Kazakhstan`
  inside `Ministry of Foreign Affairs of Kazakhstan`): one `same_as` the source's (МИД РК
  rendered by the full name of the ministry, or the reverse) or a narrower one (глава
  государства -> the President of Kazakhstan, or -> Kassym-Jomart Tokayev);
- an accepted rendering (Glossary.find_accepted): a `<lang>_accepted` term (Kazakh for
  Kazakhstan), a person's surname alone (К. Токаевым -> President Tokayev), a name without its
  country (Конституционный Суд РК -> la Cour constitutionnelle);
- a broader concept (the President -> the Head of State): info;
- a `loose` concept (a common word such as «стороны», which translators rephrase): info;
- a demonstrative short form (Безвизовый режим -> Cette exemption): info;
- a repeated mention: the concept or a related one was named earlier in the document's source,
  and the translator may leave it implied or take it up by a pronoun (Сенаторы ... -> They ...):
  info, unless the target names another concept of the same domain in its place.
When nothing does, the finding is an error, and it names the concept of the same domain the
target has instead, if any (Посол ... -> the Consul ...).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...glossary.concept import Concept, TermHit
from ...glossary.markers import strip_markers
from ...glossary.model import Glossary
from ..context import CheckContext
from ..model import Segment, Severity
from ..registry import Hit, check


@check("term-missing", "error")
def term_missing(seg: Segment, ctx: CheckContext) -> Iterator[Hit]:
    """A glossary concept found in the source (inflected forms included) whose approved
    equivalent, in any inflected form or allowed variant, is not in the target: an error when
    nothing accounts for it, info for a repeated mention, a loose concept or a broader term.

    Example: the source says `Чрезвычайный и Полномочный Посол` and the English target
    `Extraordinary Ambassador` instead of `Ambassador Extraordinary and Plenipotentiary`.
    Deprecated concepts are not required; a forbidden variant in its place is reported by
    term-forbidden only. A related concept (glossary columns same_as, broader), an accepted
    rendering (`<lang>_accepted`, a person's surname, a name without its country) is enough.
    """
    glossary = ctx.glossary
    lang = seg.target_lang
    hits = [h for h in ctx.source_terms(seg) if h.concept.status != "deprecated" and h.equivalent(lang)]
    if glossary is None or not hits:
        return
    # every match in the target, nested ones included, and the accepted renderings; a forbidden
    # variant in a concept's place is term-forbidden's finding, not reported twice
    present = ctx.target_terms(seg, overlapping=True) + ctx.target_accepted(seg)
    rendered = {h.concept.id for h in present}
    source_ids = {h.concept.id for h in hits}
    reported: set[str] = set()
    for hit in hits:
        concept = hit.concept
        if concept.id in reported or rendered & (glossary.same_as(concept.id) | glossary.narrower(concept.id)):
            continue
        reported.add(concept.id)
        yield _missing(hit, seg, ctx, glossary, [h for h in present if h.kind != "forbidden"], source_ids)


def _missing(
    hit: TermHit, seg: Segment, ctx: CheckContext, glossary: Glossary, present: list[TermHit], source_ids: set[str]
) -> Hit:
    """The finding for a source term whose rendering is missing, at the confidence it deserves."""
    concept, lang = hit.concept, seg.target_lang
    text = f"{hit.text!r} is not rendered by the approved {hit.equivalent(lang)!r} [{concept.id}]"
    key = f"missing {concept.id}"
    broader = [h for h in present if h.concept.id in glossary.broader(concept.id)]
    if broader:
        return Hit(f"{text}; the broader {broader[0].text!r} stands for it", None, key, Severity.INFO)
    if concept.strictness == "loose":
        return Hit(f"{text} (a loose concept: a rephrasing may be right)", None, key, Severity.INFO)
    short = _demonstrative_short_form(concept, seg.target or "", lang)
    if short:
        return Hit(f"{text}; the short form {short!r} may take it up", None, key, Severity.INFO)
    rival = _rival(concept, seg, ctx, glossary, source_ids)
    if rival is not None:
        return Hit(f"{text}; the target has {rival.text!r} [{rival.concept.id}] instead", None, key)
    if ctx.earlier & _family(glossary, concept.id):
        return Hit(f"{text} (named before in the document: it may be implied or a pronoun)", None, key, Severity.INFO)
    return Hit(text, None, key)


# a demonstrative before a word of the concept's own term takes up what the text said before:
# «Cette exemption» for «Безвизовый режим» after «без визы», «this Agreement», «данный меморандум»
DEMONSTRATIVES = {
    "en": "this|these|that|those",
    "fr": "ce|cet|cette|ces",
    "ru": "эт(?:от|а|о|и|ой|ого|ому|им|их|ими|у)|данн\\w+",
    "kk": "бұл|осы",
}
_WORD = re.compile(r"[^\W\d_]{4,}")


def _demonstrative_short_form(concept: Concept, target: str, lang: str) -> str:
    """`Cette exemption`: a demonstrative and a word (4+ letters) of one of the concept's terms
    in lang, matched by its first letters (inflection); '' when the target has none."""
    words = {w.lower() for v in concept.variants(lang) for w in _WORD.findall(strip_markers(v))}
    if not words or lang not in DEMONSTRATIVES:
        return ""
    stems = "|".join(re.escape(w[: max(4, len(w) - 2)]) for w in sorted(words))
    found = re.search(rf"\b(?:{DEMONSTRATIVES[lang]})\s+(?:{stems})\w*", target, re.IGNORECASE)
    return found.group() if found else ""


def _family(glossary: Glossary, cid: str) -> frozenset[str]:
    """The concept and those same_as, broader or narrower than it."""
    return glossary.same_as(cid) | glossary.broader(cid) | glossary.narrower(cid)


def _rival(
    concept: Concept, seg: Segment, ctx: CheckContext, glossary: Glossary, source_ids: set[str]
) -> TermHit | None:
    """A concept of the same domain in the target that renders nothing of the source and was
    not named before in the document: the term of another concept where this one's should be."""
    known = {cid for s in source_ids | ctx.earlier for cid in _family(glossary, s)}
    for hit in ctx.target_terms(seg):
        if hit.kind == "forbidden" or hit.concept.domain != concept.domain or hit.concept.id in known:
            continue
        if any(n.concept.id in known for n in ctx.terms(hit.text, seg.target_lang, overlapping=True)):
            continue  # «Speaker of the Senate» renders the source's Speaker
        return hit
    return None


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
