"""Glossaries: one concept per CSV row with a preferred term per language; exact term lookup.

File format (`glossaries/*.csv`, UTF-8): a header `id,domain,ru,kk,en,fr` (language columns may be
a subset; unknown columns are kept for later use), then one row per concept.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from .errors import InputError
from .langs import SUPPORTED
from .sources import expand_files

REQUIRED_COLUMNS = ("id", "domain")


@dataclass(frozen=True)
class Concept:
    """One glossary concept: its id, domain and preferred term per language."""

    id: str
    domain: str
    terms: dict[str, str]
    origin: str  # "file:line" of its row


@dataclass(frozen=True)
class TermHit:
    """A glossary term found in a text: character span, surface text and the concept."""

    concept: Concept
    start: int
    end: int
    text: str

    def equivalent(self, lang: str) -> str | None:
        """The approved term of this concept in lang, if the glossary has one."""
        return self.concept.terms.get(lang) or None


@dataclass
class Glossary:
    """Concepts loaded from one or more files, with a matcher per language."""

    concepts: list[Concept] = field(default_factory=list)
    paths: list[Path] = field(default_factory=list)
    _patterns: dict[str, tuple[re.Pattern[str] | None, dict[str, Concept]]] = field(
        default_factory=dict, repr=False
    )

    def _matcher(self, lang: str) -> tuple[re.Pattern[str] | None, dict[str, Concept]]:
        if lang not in self._patterns:
            by_term: dict[str, Concept] = {}
            for concept in self.concepts:
                term = concept.terms.get(lang, "")
                if term:
                    by_term.setdefault(term.casefold(), concept)
            if by_term:
                alternatives = sorted(by_term, key=lambda t: (-len(t), t))
                body = "|".join(re.escape(t) for t in alternatives)
                pattern = re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE)
            else:
                pattern = None
            self._patterns[lang] = (pattern, by_term)
        return self._patterns[lang]

    def find(self, text: str, lang: str) -> list[TermHit]:
        """Glossary terms in text (exact, case-insensitive, whole words; longest match wins)."""
        pattern, by_term = self._matcher(lang)
        if pattern is None:
            return []
        return [
            TermHit(by_term[m.group(0).casefold()], m.start(), m.end(), m.group(0))
            for m in pattern.finditer(text)
            if m.group(0).casefold() in by_term
        ]


def _read_text(path: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError("not valid UTF-8", path, line) from None


def parse_glossary_csv(text: str, path: Path) -> list[Concept]:
    """Parse one glossary CSV; errors name the file and line."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader, None)
        if header is None:
            raise InputError("empty glossary (no header)", path, 1)
        header = [h.strip().lower() for h in header]
        missing = [c for c in REQUIRED_COLUMNS if c not in header]
        if missing:
            raise InputError(f"header lacks column(s): {', '.join(missing)}", path, 1)
        langs = [c for c in header if c in SUPPORTED]
        if not langs:
            raise InputError(f"header names no language column ({', '.join(SUPPORTED)})", path, 1)
        concepts: list[Concept] = []
        seen: dict[str, int] = {}
        for row in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(header):
                raise InputError(f"row has {len(row)} fields, header has {len(header)}", path, line)
            cells = dict(zip(header, (c.strip() for c in row)))
            cid = cells["id"]
            if not cid:
                raise InputError("row has an empty id", path, line)
            if cid in seen:
                raise InputError(f"duplicate concept id {cid!r} (first on line {seen[cid]})", path, line)
            seen[cid] = line
            terms = {lang: cells[lang] for lang in langs if cells[lang]}
            concepts.append(Concept(cid, cells["domain"], terms, f"{path}:{line}"))
        return concepts
    except csv.Error as exc:
        raise InputError(f"malformed CSV: {exc}", path, reader.line_num) from None


def load_glossary(paths: Iterable[Path]) -> Glossary:
    """Load every glossary CSV named or found under the named directories."""
    files = expand_files(paths, ".csv", "glossary")
    glossary = Glossary(paths=files)
    for path in files:
        glossary.concepts.extend(parse_glossary_csv(_read_text(path), path))
    return glossary
