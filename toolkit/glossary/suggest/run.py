"""A suggestion run: the memory's units read, the source candidates counted by lemma key (those
the glossary already names skipped, those that only occur inside a longer one folded into it),
each paired with the most associated n-gram of every target language, ranked by frequency x
association."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..model import Glossary
from .associate import GramIndex, best_target
from .common import common_phrase
from .compound import compound_parses
from .domains import domain_of, known_head
from .heads import head_rule, head_word, lemma_units
from .kazakh import adjectival_head, attested
from .named import NAMED_DOMAINS, extra_acronyms, majority, rendered, renderings
from .names import feminine_surname, name_keys, short_keys
from .phrases import grams
from .russian import PLACE_PREPOSITIONS, Occurrence, parses
from .units import Unit, read_units

INSTITUTION_DOMAINS = ("ministry", "organization")
MIN_FREQUENCY = 2  # units a candidate must occur in
MIN_DICE = 0.2  # below this, a target term is left for the reviewer to fill in
TITLE_CASE = ("en", "fr")  # languages that write names in title case
NESTED_SHARE = 0.75
COLLOCATION_UNITS = 4  # units a lower-case term without a known head must occur in
MAX_MODIFIERS = 2  # a head with more adjectives than this in the memory makes free combinations  # a candidate seen this often inside one longer candidate is folded into it


@dataclass
class Candidate:
    """A source candidate over the whole memory: its units, forms, and first example."""

    key: tuple[str, ...]
    kind: str
    head: str
    place: bool
    lang: str = "ru"
    units: set[int] = field(default_factory=set)
    forms: Counter[str] = field(default_factory=Counter)
    capitals: int = 0
    covered: int = 0
    partial: int = 0  # occurrences that begin inside a glossary term or end with one
    continued: int = 0  # occurrences a longer phrase continues (Директор Департамента | Европы)
    governed: int = 0  # occurrences a name's complement follows (Бюро ОБСЕ | по демократическим ...)
    complement: int = 0  # occurrences that are a name's complement (Агентство ... по | международному развитию)
    seen: int = 0
    example: int = -1
    parts: Counter[str] = field(default_factory=Counter)  # glossary places/organisations inside


@dataclass(frozen=True)
class Suggestion:
    """One proposed concept."""

    source: str
    domain: str
    frequency: int
    targets: dict[str, str]
    dice: dict[str, float]
    example: str
    document: str
    score: float
    key: tuple[str, ...] = ()


def source_candidates(text: str, lang: str) -> list[Occurrence]:
    """The candidates of a source sentence: Russian noun phrases and names; for another
    language, sequences of two or more capitalised words (names and titles as written)."""
    if lang == "ru":
        from .russian import candidates

        return candidates(text)
    from .others import capitalised_candidates

    return capitalised_candidates(text, lang)


def _covered(occurrence: Occurrence, spans: list[tuple[int, int]], text: str) -> bool:
    """Every word of the occurrence lies inside a glossary term found in the sentence."""
    for word_start, word_end in _word_spans(text, occurrence.start, occurrence.end):
        if not any(start <= word_start and word_end <= end for start, end in spans):
            return False
    return True


def _partial(
    occurrence: Occurrence, spans: list[tuple[int, int]], institutions: list[tuple[int, int]], text: str
) -> bool:
    """The occurrence begins inside a glossary term (иностранные дела Японии, from «Министерство
    иностранных дел Японии») or has an institution of the glossary after its first word
    (Директор Департамента Европы МИД Казахстана): the term is a piece of a longer name, or a
    name with a known one attached. A place after the head belongs to the name (Департамент
    Европы), and so does an institution that is part of the glossary term the phrase begins
    with (консульство in Генеральное консульство ...), one after «при»/«в» that ends the phrase
    (Постоянный представитель Казахстана при ОБСЕ) or an acronym that ends it (Постоянный совет
    ОБСЕ): the phrase names a unit of that institution or a post at it."""
    begins_inside = any(start < occurrence.start < end for start, end in spans)
    return begins_inside or any(
        occurrence.start < start < occurrence.end and not _belongs(occurrence, start, end, spans, text)
        for start, end in institutions
    )


def _belongs(occurrence: Occurrence, start: int, end: int, spans: list[tuple[int, int]], text: str) -> bool:
    """The institution at start..end is part of the phrase's own name (see _partial)."""
    if any(s <= occurrence.start and end <= e for s, e in spans):
        return True
    if end != occurrence.end:
        return False
    before = text[occurrence.start : start].split()
    name = text[start:end]
    after = text[end:].split()
    # a capital after the acronym: МИД Казахстана, МИД РК (the ministry of a country)
    acronym = name.isupper() and " " not in name and not (after and after[0][:1].isupper())
    return (bool(before) and before[-1] in PLACE_PREPOSITIONS) or acronym


def _complemented(text: str, end: int) -> bool:
    """«по» and a word follow: the complement of an institution's name (Региональный центр ООН
    | по превентивной дипломатии, Бюро ОБСЕ | по демократическим институтам), which makes what
    comes before it a fragment of the name."""
    after = text[end:].split(maxsplit=2)
    return len(after) >= 2 and after[0] == "по"


def _word_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans, at = [], start
    for word in text[start:end].split():
        at = text.index(word, at)
        spans.append((at, at + len(word)))
        at += len(word)
    return spans


def collect(units: Sequence[Unit], lang: str, glossary: Glossary | None) -> dict[tuple[str, ...], Candidate]:
    """Every source candidate of the units, counted by key."""
    found: dict[tuple[str, ...], Candidate] = {}
    for unit in units:
        text = unit.texts[lang]
        hits = glossary.find(text, lang, overlapping=True) if glossary else []
        spans = [(hit.start, hit.end) for hit in hits]
        institutions = [(h.start, h.end) for h in hits if h.concept.domain in INSTITUTION_DOMAINS]
        named = [h for h in hits if h.concept.domain in NAMED_DOMAINS]
        others = [t for language, t in unit.texts.items() if language != lang]
        for occ in source_candidates(text, lang):
            if occ.woman is not None and feminine_surname(occ.woman[1].split()[-1], others):
                occ = replace(occ, key=occ.woman[0], nominative=occ.woman[1], woman=None)
            cand = found.get(occ.key)
            if cand is None:
                cand = found[occ.key] = Candidate(occ.key, occ.kind, occ.key[occ.head], occ.place, lang)
            cand.units.add(unit.number)
            cand.forms[occ.nominative if not occ.initial else "^" + occ.nominative] += 1
            cand.seen += 1
            cand.parts.update(
                {
                    h.concept.id
                    for h in named
                    if occ.start <= h.start and h.end <= occ.end and (h.start, h.end) != (occ.start, occ.end)
                }
            )
            cand.capitals += occ.capitals
            cand.covered += bool(spans) and _covered(occ, spans, text)
            cand.partial += _partial(occ, spans, institutions, text)
            # a title followed by its ministry (Директор Департамента Европы | МИД Казахстана) is whole
            going_on = occ.next_start
            cand.continued += going_on >= 0 and not any(start <= going_on < end for start, end in institutions)
            cand.governed += _complemented(text, occ.end)
            cand.complement += text[: occ.start].split()[-1:] == ["по"]
            if cand.example < 0:
                cand.example = unit.number
    return found


def _generic(cand: Candidate) -> bool:
    """A common noun heading a name in the genitive (заседание Постоянного совета, подготовка
    форума): the name is the term, proposed on its own."""
    return (
        cand.kind == "phrase"
        and cand.key[0] == cand.head
        and len(cand.key) > 1
        and not known_head(cand.head, ("title", "ministry", "organization"), cand.lang)
        and term_form(cand.forms)[:1].islower()
    )


def _contains(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    n = len(shorter)
    return any(longer[i : i + n] == shorter for i in range(len(longer) - n + 1))


def select(found: dict[tuple[str, ...], Candidate], min_frequency: int) -> list[Candidate]:
    """Recurring name- or title-like candidates the glossary lacks, without those that mostly
    occur inside a longer recurring candidate (a longer one that is itself a fragment of a name
    with a complement still takes its pieces in: Региональный центр ООН | по ...)."""
    modifiers = Counter(c.head for c in found.values() if c.kind == "phrase" and len(c.key) == 2 and c.key[1] == c.head)
    kept = [
        c
        for c in found.values()
        if len(c.units) >= min_frequency
        and c.covered * 2 < c.seen
        and c.partial * 2 < c.seen
        and c.continued * 4 < c.seen * 3
        and (
            c.kind == "person"
            or known_head(c.head, lang=c.lang)
            or c.capitals * 2 >= c.seen
            or _collocation(c, modifiers)
        )
    ]
    kept = [c for c in kept if not _generic(c) and not common_phrase(c.key, c.head, term_form(c.forms))]
    kept.sort(key=lambda c: (len(c.key), c.key))
    chosen = []
    for cand in kept:
        inside = set().union(*(o.units for o in kept if len(o.key) > len(cand.key) and _contains(o.key, cand.key)))
        if len(inside & cand.units) >= NESTED_SHARE * len(cand.units) or cand.governed * 4 >= cand.seen * 3:
            continue
        chosen.append(cand)
    return [c for c in chosen if not _compound(c, chosen)]


def _collocation(cand: Candidate, modifiers: Counter[str]) -> bool:
    """A common term in lower case (консульский учет, гуманитарная помощь): an adjective and its
    noun seen in COLLOCATION_UNITS units or more, never the complement of a name (Агентство ...
    по | международному развитию), with a head that takes few other adjectives in the memory
    (сотрудничество is международное, экономическое, двустороннее: a free combination)."""
    return (
        cand.lang == "ru"
        and cand.kind == "phrase"
        and len(cand.key) == 2
        and cand.key[1] == cand.head
        and len(cand.units) >= COLLOCATION_UNITS
        and cand.complement * 2 < cand.seen
        and modifiers[cand.head] <= MAX_MODIFIERS
    )


def _compound(cand: Candidate, chosen: list[Candidate]) -> bool:
    """A phrase that ends with another, at least as frequent, suggested one and is no title
    (пленарное заседание | Совета иностранных инвесторов): the reviewer has the name already."""
    if _placed(cand, chosen):
        return True
    if domain_of(cand.head, cand.kind, lang=cand.lang) == "title":
        return False
    return any(
        len(o.key) < len(cand.key) and cand.key[-len(o.key) :] == o.key and len(o.units) >= len(cand.units)
        for o in chosen
    )


def _placed(cand: Candidate, chosen: list[Candidate]) -> bool:
    """A suggested name, at least as frequent, with the country or region it lies in after it
    (Баян-Улгийский аймак | Монголии): the place qualifies the name the reviewer has already."""
    return cand.lang == "ru" and any(
        len(o.key) == len(cand.key) - 1
        and cand.key[:-1] == o.key
        and len(o.units) >= len(cand.units)
        and any("Geox" in p.tag for p in parses(cand.key[-1]))
        for o in chosen
    )


def term_form(forms: Counter[str]) -> str:
    """The most frequent nominative form; its capitals taken from mid-sentence occurrences."""
    inner = Counter({f: n for f, n in forms.items() if not f.startswith("^")})
    ranked = sorted((inner or Counter({f[1:]: n for f, n in forms.items()})).items(), key=lambda fn: (-fn[1], fn[0]))
    return ranked[0][0]


def index_targets(units: Sequence[Unit], lang: str) -> tuple[GramIndex, dict[tuple[str, ...], Counter[str]]]:
    """The n-grams of a target language over the units, and their surface forms."""
    index = GramIndex()
    surfaces: dict[tuple[str, ...], Counter[str]] = {}
    for unit in units:
        text = unit.texts.get(lang)
        if not text:
            continue
        for gram in grams(text, lang):
            index.add(unit.number, gram.key, gram.content)
            surface = text[gram.start : gram.end]
            surfaces.setdefault(gram.key, Counter())["^" + surface if gram.initial else surface] += 1
    return index, surfaces


def target_form(forms: Counter[str], lang: str) -> str:
    """The surface to propose for a target n-gram: the most frequent; in Kazakh, with the case
    ending of its last word taken off (Сыртқы істер министрі, not министрінің)."""
    form = term_form(forms)
    if lang == "kk":
        from .phrases import kk_nominative

        words = form.split(" ")
        form = " ".join([*words[:-1], kk_nominative(words[-1])])
    return form


def _initial_case(target: str, forms: Counter[str], source: str) -> str:
    """A target seen only at sentence starts, whose first capital says nothing, with the first
    letter in the source term's case (аким области: облыс әкімі, not Облыс әкімі); a word in
    capitals (an acronym) as it is."""
    first = target.split(" ")[0]
    only_initial = all(f.startswith("^") for f in forms)
    if only_initial and source[:1].islower() and not (len(first) > 1 and first.isupper()):
        return target[:1].lower() + target[1:]
    return target


def name_fit(
    term: str,
    lang: str,
    surfaces: dict[tuple[str, ...], Counter[str]],
    parts: Sequence[list[tuple[str, ...]]] = (),
    people: frozenset[str] = frozenset(),
) -> Callable[[tuple[str, ...]], tuple]:
    """What makes a target n-gram fit a source term beyond the Dice: the named parts of the term
    it renders (places and organisations of the glossary), no acronym and no person's name
    (`people`: name keys of the memory's persons) the term lacks, then the names and loanwords
    they share (Zhumagulov, Consul); more is better, so counts are negated."""
    names, short = name_keys(term), short_keys(term)
    titled = lang in TITLE_CASE and term[:1].isupper()
    strangers = people - names

    def order(key: tuple[str, ...]) -> tuple[int, ...]:
        form = target_form(surfaces[key], lang)
        # a name is written in title case in English and French: a target that begins in lower
        # case has taken in its context (meeting of the SCO Council of Foreign Ministers)
        lower = titled and form[:1].islower()
        found = name_keys(form)
        return (
            -rendered(parts, key),
            extra_acronyms(term, form) + len(found & strangers),
            lower,
            -len(found & names),
            -len(short_keys(form) & short),
        )

    return order


def _parts(word: str) -> int:
    """The words a Russian word stands for in a target: two for a compound adjective written
    with a space elsewhere (северо-казахстанский: North Kazakhstan), else one."""
    return 2 if compound_parses(word) else 1


def _adjectival(cand: Candidate) -> bool:
    """A Russian phrase of adjectives and their head only (Постоянный совет, not Совет
    национальных координаторов)."""
    return cand.lang == "ru" and cand.kind == "phrase" and cand.key[-1] == cand.head and len(cand.key) > 1


def suggest(
    tmx: Path,
    source: str,
    targets: Sequence[str],
    glossary: Glossary | None = None,
    limit: int | None = 50,
    min_frequency: int = MIN_FREQUENCY,
) -> tuple[list[Suggestion], list[Unit]]:
    """Concepts the glossary lacks, best first, and the units they were drawn from."""
    units = read_units(tmx, source, targets)
    found_all = collect(units, source, glossary)
    chosen = select(found_all, min_frequency)
    people = frozenset().union(*(name_keys(term_form(c.forms)) for c in found_all.values() if c.kind == "person"))
    indexes = {lang: index_targets(units, lang) for lang in targets}
    lemmas = lemma_units(units, source) if source == "ru" else {}
    concepts = {c.id: c for c in glossary.concepts} if glossary else {}
    # the Kazakh words of the memory and of the glossary: a term's dictionary form must be one
    kk_texts = [unit.texts.get("kk", "") for unit in units]
    kk_texts += [variant for c in concepts.values() for variant in c.variants("kk")]
    kk_words = attested(kk_texts) if "kk" in targets else frozenset()
    suggestions = []
    for cand in chosen:
        content = sum(_parts(word) for word in cand.key if word not in PLACE_PREPOSITIONS)
        terms: dict[str, str] = {}
        scores: dict[str, float] = {}
        form = term_form(cand.forms)
        for lang in targets:
            index, surfaces = indexes[lang]
            # the head's rendering, where the head occurs beyond the term (more evidence than its own)
            more = cand.kind == "phrase" and len(lemmas.get(cand.head, ())) > len(cand.units)
            word = head_word(cand.head, lemmas[cand.head], index) if more else None
            required = head_rule(word, lang) if word else None
            parts = [renderings(concepts[cid], lang) for cid in majority(cand.parts.items(), cand.seen)]
            fit = name_fit(form, lang, surfaces, [p for p in parts if p], people)
            found = best_target(cand.units, content, index, fit, required)
            if found is not None and found.dice >= MIN_DICE:
                terms[lang] = _initial_case(target_form(surfaces[found.key], lang), surfaces[found.key], form)
                scores[lang] = found.dice
                if lang == "kk" and _adjectival(cand):
                    terms[lang] = adjectival_head(terms[lang], kk_words)
        association = sum(scores.values()) / len(targets)
        example = units[cand.example]
        domain = domain_of(cand.head, cand.kind, cand.place, source)
        score = round(len(cand.units) * association, 3)
        text = example.texts[source]
        suggestions.append(
            Suggestion(form, domain, len(cand.units), terms, scores, text, example.document, score, cand.key)
        )
    suggestions.sort(key=lambda s: (-s.score, -s.frequency, s.source))
    return (suggestions[:limit] if limit else suggestions), units
