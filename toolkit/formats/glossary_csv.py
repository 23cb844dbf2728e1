"""The glossary CSV format: one concept per row; preferred, allowed, forbidden and accepted
terms per language, relations and status; reading (with a row validator that the loader and
`toolkit glossary lint` share) and writing.

File format (`glossaries/*.csv`, UTF-8, RFC 4180 quoting), header:

    id,domain,ru,kk,en,fr,ru_allowed,kk_allowed,en_allowed,fr_allowed,
    ru_forbidden,kk_forbidden,en_forbidden,fr_forbidden,
    ru_accepted,kk_accepted,en_accepted,fr_accepted,notes,source,status,
    same_as,broader,strictness

- `id` (unique), `domain` (title, ministry, organisation, person, place, phrase ...). For a
  `person`, the initials forms of the full name are derived (`Ермек Кошербаев` -> `Е. Кошербаев`,
  `Е.Кошербаев`; `Kassym-Jomart Tokayev` -> `K. Tokayev`, `K.-J. Tokayev`) and found inflected.
  A capitalised word of a `country` term matches only a capitalised text word (the country
  Того is not the pronoun «того»); `glossaries/countries.csv` is generated from CLDR.
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
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..glossary.concept import STATUSES, STRICTNESS, Concept
from ..glossary.markers import VARIANT_SEPARATOR, marker_problems, split_variants, strip_markers
from ..langs import SUPPORTED
from .csvrows import data_rows

REQUIRED_COLUMNS = ("id", "domain")
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


@dataclass(frozen=True)
class RowProblem:
    """A problem that keeps a row from being a concept: a code, the column, a message."""

    code: str
    column: str
    message: str

    def __str__(self) -> str:
        return f"column {self.column}: {self.message}" if self.column not in ("", "id") else self.message


TERM_COLUMNS = ("", "_allowed", "_forbidden", "_accepted")


def row_problems(cells: dict[str, str]) -> list[RowProblem]:
    """What keeps a row (cells stripped) from being a concept: an empty id, an unknown status or
    strictness, a relation to itself, several preferred terms in one cell, an invalid match
    marker. The loader refuses the first; `toolkit glossary lint` reports them all."""
    problems: list[RowProblem] = []
    cid = cells.get("id", "")
    if not cid:
        problems.append(RowProblem("empty-id", "id", "row has an empty id"))
    status = cells.get("status") or "approved"
    if status not in STATUSES:
        problems.append(
            RowProblem("unknown-status", "status", f"unknown status {status!r} (one of {', '.join(STATUSES)})")
        )
    strictness = cells.get("strictness") or "strict"
    if strictness not in STRICTNESS:
        problems.append(
            RowProblem(
                "unknown-strictness",
                "strictness",
                f"unknown strictness {strictness!r} (one of {', '.join(STRICTNESS)})",
            )
        )
    for column in ("same_as", "broader"):
        if cid and cid in split_variants(cells.get(column, "")):
            problems.append(RowProblem("self-relation", column, f"concept {cid!r} is related to itself"))
    for lang in SUPPORTED:
        preferred = cells.get(lang, "")
        if VARIANT_SEPARATOR.strip() in preferred and len(split_variants(preferred)) > 1:
            problems.append(
                RowProblem("several-preferred", lang, f"one preferred term only; put others in {lang}_allowed")
            )
        for column in (f"{lang}{suffix}" for suffix in TERM_COLUMNS):
            for value in (
                split_variants(cells.get(column, "")) if column != lang else ([preferred] if preferred else [])
            ):
                problems += [
                    RowProblem("invalid-marker", column, f"invalid marker {p}") for p in marker_problems(value)
                ]
    return problems


def concept_from_row(row: GlossaryRow, path: Path) -> Concept:
    """Build a concept from a row; the first of its row_problems raises InputError naming the line."""
    cells = {k: v.strip() for k, v in row.cells.items()}
    problems = row_problems(cells)
    if problems:
        raise InputError(str(problems[0]), path, row.line)
    terms: dict[str, str] = {}
    marked: dict[str, str] = {}
    variants: dict[str, dict[str, tuple[str, ...]]] = {suffix: {} for suffix in TERM_COLUMNS[1:]}
    for lang in SUPPORTED:
        preferred = cells.get(lang, "")
        if preferred:
            terms[lang] = strip_markers(preferred)
            if terms[lang] != preferred:
                marked[lang] = preferred
        for suffix, found in variants.items():
            if cells.get(f"{lang}{suffix}"):
                found[lang] = split_variants(cells[f"{lang}{suffix}"])
    return Concept(
        cells["id"],
        cells["domain"],
        terms,
        f"{path}:{row.line}",
        variants["_allowed"],
        variants["_forbidden"],
        cells.get("notes", ""),
        cells.get("source", ""),
        cells.get("status") or "approved",
        marked,
        split_variants(cells.get("same_as", "")),
        split_variants(cells.get("broader", "")),
        cells.get("strictness") or "strict",
        variants["_accepted"],
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
