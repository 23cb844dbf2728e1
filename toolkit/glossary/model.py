"""Glossaries: one concept per CSV row; preferred, allowed and forbidden terms per language.

File format (`glossaries/*.csv`, UTF-8, RFC 4180 quoting), header:

    id,domain,ru,kk,en,fr,ru_allowed,kk_allowed,en_allowed,fr_allowed,
    ru_forbidden,kk_forbidden,en_forbidden,fr_forbidden,
    ru_accepted,kk_accepted,en_accepted,fr_accepted,notes,source,status,
    same_as,broader,strictness

- `id` (unique), `domain` (title, ministry, organisation, person, place, phrase ...). For a
  `person`, the initials forms of the full name are derived (`Ермек Кошербаев` -> `Е. Кошербаев`,
  `Е.Кошербаев`; `Kassym-Jomart Tokayev` -> `K. Tokayev`, `K.-J. Tokayev`) and found inflected.
- `<lang>`: the one preferred term of that language.
- `<lang>_allowed`, `<lang>_forbidden`: several terms separated by ` | ` (space, pipe, space).
  Abbreviations are allowed variants (`МИД РК`; `WADA | ВАДА | AMA`).
- `<lang>_accepted`: renderings a translation may use that do not name the concept in a source
  text: adjectives (`Kazakh`, `canadien*` for Kazakhstan, Canada), a city called by the
  province's name. `toolkit check` accepts them in a target; they are never required.
- Match markers inside a term (memoQ style): `губернатор|` or `губернатор|ы` = the stem before
  the bar may take an ending of up to 4 letters; `ambassad*` = the stem may take any ending.
  One marker per word, at least 3 letters before it, `*` only at the end of a word.
- `notes`, `source`: free text. `status`: approved, draft or deprecated.
- `same_as`: ids of concepts that name the same thing (an abbreviation and the full name:
  `ministry.mfa-kz-short` and `ministry.mfa-kz`); `broader`: ids of concepts this one is a
  specific case of (`title.president-kz` is a `title.head-of-state`). Both ` | `-separated;
  `toolkit check` accepts a related concept's term as a rendering.
- `strictness`: `strict` (the default: a missing rendering is an error) or `loose` (a common
  word such as «стороны» that translators may rephrase: a missing rendering is only noted).

Only `id`, `domain` and at least one language column are required: files with just
`id,domain,ru,kk,en,fr` load as before (every concept approved, no variants). Unknown columns
are ignored (`toolkit glossary lint` warns about them). Loading stops at the first structural
error (InputError naming file and line); `toolkit glossary lint` reports every problem.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..formats.csvrows import data_rows
from ..fsutil import read_utf8
from ..langs import SUPPORTED
from ..sources import expand_files

REQUIRED_COLUMNS = ("id", "domain")
VARIANT_SEPARATOR = " | "
STATUSES = ("approved", "draft", "deprecated")
STRICTNESS = ("strict", "loose")
META_COLUMNS = ("notes", "source", "status")
RELATION_COLUMNS = ("same_as", "broader", "strictness")
COLUMNS: tuple[str, ...] = (
    ("id", "domain", *SUPPORTED)
    + tuple(f"{lang}_allowed" for lang in SUPPORTED)
    + tuple(f"{lang}_forbidden" for lang in SUPPORTED)
    + tuple(f"{lang}_accepted" for lang in SUPPORTED)
    + META_COLUMNS
    + RELATION_COLUMNS
)
PERSON_DOMAIN = "person"
PLACE_DOMAIN = "place"
# words that join a name to the country after or before it (of the, de la, du, в, при ...)
_CONNECTORS = r"(?:of|the|in|to|for|at|de|la|le|les|du|des|d'|d’|l'|l’|en|au|aux|à|в|во|при|на|'s|’s)"
_CONNECTOR_END = re.compile(rf"(?:\s*\b{_CONNECTORS}|\s)+$", re.IGNORECASE)
_CONNECTOR_START = re.compile(rf"^(?:{_CONNECTORS}\b\s*|\s)+", re.IGNORECASE)
MIN_STEM = 3
MAX_ENDING = 4  # letters a `stem|` may take


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
        listed = {_fold(v) for v in self.variants(lang)} | {_fold(v) for v in self.forbidden.get(lang, ())}
        found: dict[str, None] = {}
        for name in self.variants(lang):
            for form in initials_forms(name):
                if _fold(form) not in listed:
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


def _fold(term: str) -> str:
    return " ".join(strip_markers(term).replace(".", ". ").split()).casefold()


_PARTICLES = frozenset({"de", "du", "des", "la", "le", "van", "von", "der", "da", "di", "dos", "al", "el", "ibn"})


def _name_parts(name: str) -> tuple[list[str], list[str]] | None:
    """(given names, surname words) of a full personal name written «Given [Given] Surname»,
    or None when it is not one (an initials form, a single word)."""
    words = strip_markers(name).split()
    if len(words) < 2:
        return None
    cut = len(words) - 1
    while cut > 1 and words[cut - 1].lower() in _PARTICLES:
        cut -= 1  # Charles de Gaulle: the surname is «de Gaulle»
    given = words[:cut]
    if any("." in g or not g[:1].isupper() for g in given):
        return None
    return given, words[cut:]


def initials_forms(name: str) -> tuple[str, ...]:
    """The initials forms of a full name: `Ермек Кошербаев` -> `Е. Кошербаев`, `Е.Кошербаев`;
    a hyphenated given name gives both initials (`Kassym-Jomart Tokayev` -> `K. Tokayev`,
    `K.-J. Tokayev`, `K.J. Tokayev`). Nothing for a name that is not «Given ... Surname»."""
    parts = _name_parts(name)
    if parts is None:
        return ()
    given, family = parts
    last = " ".join(family)
    first = given[0]
    initials = [first[0] + "."]
    if "-" in first:
        pieces = [p for p in first.split("-") if p]
        initials += ["-".join(p[0] + "." for p in pieces), "".join(p[0] + "." for p in pieces)]
    if len(given) > 1:  # a patronymic or a second name: «Е.Л. Кошербаев» is also written
        initials.append("".join(g[0] + "." for g in given))
    forms: dict[str, None] = {}
    for initial in initials:
        forms.setdefault(f"{initial} {last}")
        forms.setdefault(f"{initial}{last}")
    return tuple(forms)


def surname(name: str) -> str:
    """The surname of a full name or of an initials form (`К.Токаев`, `K. Tokayev`), else ''."""
    parts = _name_parts(name)
    if parts is not None:
        return " ".join(parts[1])
    words = strip_markers(name).replace(".", ". ").split()
    if len(words) >= 2 and all(w.endswith(".") for w in words[:-1]) and words[-1][:1].isupper():
        return words[-1]
    return ""


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


def split_variants(cell: str) -> tuple[str, ...]:
    """The terms of a variant cell (` | `-separated), empty ones dropped."""
    return tuple(part.strip() for part in cell.split(VARIANT_SEPARATOR) if part.strip())


def strip_markers(term: str) -> str:
    """The term as displayed: stem bars removed (`губернатор|ы` -> `губернаторы`), `*` kept."""
    return term.replace("|", "")


def marker_problems(term: str) -> list[str]:
    """What is wrong with the match markers of one term (empty list when fine)."""
    problems = []
    for word in term.split():
        bars, stars = word.count("|"), word.count("*")
        if not bars and not stars:
            continue
        if bars + stars > 1:
            problems.append(f"{word!r}: more than one marker in a word")
        elif stars and not word.endswith("*"):
            problems.append(f"{word!r}: '*' only at the end of a word")
        else:
            stem = word.split("|")[0].rstrip("*")
            letters = [c for c in stem if c.isalpha()]
            if len(letters) < MIN_STEM or not stem[-1:].isalpha():
                hint = " (variants are separated by ' | ', a space on each side)" if word[0] == "|" else ""
                problems.append(f"{word!r}: the stem before the marker needs {MIN_STEM}+ letters{hint}")
            elif bars and len(word.split("|")[1]) > MAX_ENDING:
                problems.append(f"{word!r}: ending after '|' longer than {MAX_ENDING} letters")
    return problems


@dataclass(frozen=True)
class GlossaryRow:
    """One data row as read: cells by column (raw, unstripped) and its line number."""

    cells: dict[str, str]
    line: int


def read_rows(text: str, path: Path) -> tuple[list[str], list[GlossaryRow]]:
    """The header and the non-empty rows of a glossary CSV; structural errors raise InputError."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader, None)
        if header is None:
            raise InputError("empty glossary (no header)", path, 1)
        header = [h.strip().lower() for h in header]
        missing = [c for c in REQUIRED_COLUMNS if c not in header]
        if missing:
            raise InputError(f"header lacks column(s): {', '.join(missing)}", path, 1)
        if not any(c in SUPPORTED for c in header):
            raise InputError(f"header names no language column ({', '.join(SUPPORTED)})", path, 1)
        rows: list[GlossaryRow] = []
        for line, row in data_rows(reader, len(header), path):
            rows.append(GlossaryRow(dict(zip(header, row)), line))
        return header, rows
    except csv.Error as exc:
        raise InputError(f"malformed CSV: {exc}", path, reader.line_num) from None


def concept_from_row(row: GlossaryRow, path: Path) -> Concept:
    """Build a concept from a row; invalid markers, several preferred terms or an unknown status
    raise InputError naming the line."""
    cells = {k: v.strip() for k, v in row.cells.items()}
    cid = cells["id"]
    if not cid:
        raise InputError("row has an empty id", path, row.line)
    status = cells.get("status") or "approved"
    if status not in STATUSES:
        raise InputError(f"unknown status {status!r} (one of {', '.join(STATUSES)})", path, row.line)
    strictness = cells.get("strictness") or "strict"
    if strictness not in STRICTNESS:
        raise InputError(f"unknown strictness {strictness!r} (one of {', '.join(STRICTNESS)})", path, row.line)
    same_as, broader = split_variants(cells.get("same_as", "")), split_variants(cells.get("broader", ""))
    if cid in same_as or cid in broader:
        raise InputError(f"concept {cid!r} is related to itself", path, row.line)
    terms: dict[str, str] = {}
    marked: dict[str, str] = {}
    allowed: dict[str, tuple[str, ...]] = {}
    forbidden: dict[str, tuple[str, ...]] = {}
    accepted: dict[str, tuple[str, ...]] = {}
    for lang in SUPPORTED:
        preferred = cells.get(lang, "")
        if VARIANT_SEPARATOR.strip() in preferred and len(split_variants(preferred)) > 1:
            raise InputError(f"column {lang}: one preferred term only; put others in {lang}_allowed", path, row.line)
        for column, values in (
            (lang, (preferred,) if preferred else ()),
            (f"{lang}_allowed", split_variants(cells.get(f"{lang}_allowed", ""))),
            (f"{lang}_forbidden", split_variants(cells.get(f"{lang}_forbidden", ""))),
            (f"{lang}_accepted", split_variants(cells.get(f"{lang}_accepted", ""))),
        ):
            for value in values:
                problems = marker_problems(value)
                if problems:
                    raise InputError(f"column {column}: invalid marker {problems[0]}", path, row.line)
        if preferred:
            terms[lang] = strip_markers(preferred)
            if terms[lang] != preferred:
                marked[lang] = preferred
        if cells.get(f"{lang}_allowed"):
            allowed[lang] = split_variants(cells[f"{lang}_allowed"])
        if cells.get(f"{lang}_forbidden"):
            forbidden[lang] = split_variants(cells[f"{lang}_forbidden"])
        if cells.get(f"{lang}_accepted"):
            accepted[lang] = split_variants(cells[f"{lang}_accepted"])
    return Concept(
        cid,
        cells["domain"],
        terms,
        f"{path}:{row.line}",
        allowed,
        forbidden,
        cells.get("notes", ""),
        cells.get("source", ""),
        status,
        marked,
        same_as,
        broader,
        strictness,
        accepted,
    )


def parse_glossary_csv(text: str, path: Path) -> list[Concept]:
    """Parse one glossary CSV; errors name the file and line."""
    _, rows = read_rows(text, path)
    concepts: list[Concept] = []
    seen: dict[str, int] = {}
    for row in rows:
        concept = concept_from_row(row, path)
        if concept.id in seen:
            raise InputError(f"duplicate concept id {concept.id!r} (first on line {seen[concept.id]})", path, row.line)
        seen[concept.id] = row.line
        concepts.append(concept)
    return concepts


def read_text(path: Path, what: str = "glossary") -> str:
    """A glossary (or other) UTF-8 file's text; errors name the file and line."""
    return read_utf8(path, what)


def glossary_files(paths: Iterable[Path]) -> list[Path]:
    """The CSV files named or found under the named directories."""
    return expand_files(paths, ".csv", "glossary")


def load_glossary(paths: Iterable[Path]) -> Glossary:
    """Load every glossary CSV named or found under the named directories."""
    files = glossary_files(paths)
    glossary = Glossary(paths=files)
    for path in files:
        glossary.concepts.extend(parse_glossary_csv(read_text(path), path))
    check_relations(glossary.concepts)
    return glossary


def check_relations(concepts: Sequence[Concept]) -> None:
    """InputError (file and line of the concept) for a same_as or broader id that names no concept."""
    known = {c.id for c in concepts}
    for concept in concepts:
        for column, ids in (("same_as", concept.same_as), ("broader", concept.broader)):
            for other in ids:
                if other not in known:
                    where, _, line = concept.origin.rpartition(":")
                    raise InputError(
                        f"{column}: no concept {other!r}", Path(where), int(line) if line.isdigit() else None
                    )


def concept_row(concept: Concept) -> dict[str, str]:
    """The CSV cells of a concept (full header, markers kept)."""
    row = {
        "id": concept.id,
        "domain": concept.domain,
        "notes": concept.notes,
        "source": concept.source,
        "status": concept.status,
        "same_as": VARIANT_SEPARATOR.join(concept.same_as),
        "broader": VARIANT_SEPARATOR.join(concept.broader),
        "strictness": "" if concept.strictness == "strict" else concept.strictness,
    }
    for lang in SUPPORTED:
        row[lang] = concept.preferred(lang)
        row[f"{lang}_allowed"] = VARIANT_SEPARATOR.join(concept.allowed.get(lang, ()))
        row[f"{lang}_forbidden"] = VARIANT_SEPARATOR.join(concept.forbidden.get(lang, ()))
        row[f"{lang}_accepted"] = VARIANT_SEPARATOR.join(concept.accepted.get(lang, ()))
    return row


def glossary_csv(concepts: Iterable[Concept]) -> str:
    """Concepts as glossary CSV text with the full header."""
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, fieldnames=list(COLUMNS), lineterminator="\n")
    writer.writeheader()
    for concept in concepts:
        writer.writerow(concept_row(concept))
    return out.getvalue()
