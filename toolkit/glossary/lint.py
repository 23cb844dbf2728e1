"""`toolkit glossary lint`: every problem of glossary CSV files, with file, line and column.

Errors (exit 1): structural CSV errors, empty or duplicate ids, duplicate concepts, one term
mapped to two concepts, a forbidden variant equal to an approved one, a concept with no term in
any language, mixed-script words (Latin homoglyphs inside Cyrillic words, Cyrillic inside Latin
ones), stray or double whitespace, invalid match markers, several preferred terms in one cell,
unknown status or strictness, a same_as or broader id that names no concept (or the concept
itself). Warnings: a language without a term (a concept is often approved in Russian and
English before its Kazakh or French term is settled) or without a column, unknown columns, an
empty domain, a variant repeated within a concept, Kazakh letters in a Russian term, a term
forbidden in one concept but approved in another.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ..errors import InputError
from ..formats.glossary_csv import COLUMNS, GlossaryRow, read_rows, row_problems
from ..langs import KAZAKH_LETTERS, SUPPORTED
from .files import glossary_files, read_text
from .markers import split_variants, strip_markers

LETTERS = re.compile(r"[^\W\d_]+")
KAZAKH_ONLY = set(KAZAKH_LETTERS)
CYR_FOR_LATIN = {
    "a": "а",
    "e": "е",
    "o": "о",
    "p": "р",
    "c": "с",
    "x": "х",
    "i": "і",
    "y": "у",
    "A": "А",
    "E": "Е",
    "O": "О",
    "P": "Р",
    "C": "С",
    "X": "Х",
    "I": "І",
    "K": "К",
    "M": "М",
    "H": "Н",
    "T": "Т",
    "B": "В",
}
BAD_SPACE = re.compile(r"[\t\r\n\u00a0\u2000-\u200b\u202f\u3000]")


@dataclass(frozen=True)
class Issue:
    """One lint finding."""

    path: str
    line: int
    severity: str  # error | warning
    code: str
    message: str
    column: str = ""

    def __str__(self) -> str:
        where = f"{self.column}: " if self.column else ""
        return f"{self.path}:{self.line}: {self.severity} [{self.code}] {where}{self.message}"


def _script(char: str) -> str:
    name = unicodedata.name(char, "")
    return "cyrillic" if name.startswith("CYRILLIC") else "latin" if name.startswith("LATIN") else "other"


def script_problems(term: str) -> list[str]:
    """Words mixing Cyrillic and Latin letters (homoglyphs), described."""
    problems = []
    for word in LETTERS.findall(term):
        scripts = [_script(c) for c in word]
        cyr, lat = scripts.count("cyrillic"), scripts.count("latin")
        if cyr and lat:
            minority = "latin" if cyr >= lat else "cyrillic"
            odd = "".join(dict.fromkeys(c for c, s in zip(word, scripts) if s == minority))
            if minority == "latin":
                hint = ", ".join(
                    f"Latin {c!r} (Cyrillic {CYR_FOR_LATIN[c]!r}?)" if c in CYR_FOR_LATIN else f"Latin {c!r}"
                    for c in odd
                )
                problems.append(f"{word!r}: {hint} inside a Cyrillic word")
            else:
                problems.append(f"{word!r}: Cyrillic {', '.join(repr(c) for c in odd)} inside a Latin word")
    return problems


def whitespace_problems(raw: str) -> list[str]:
    """Leading/trailing, double and non-plain whitespace in a raw cell."""
    problems = []
    if raw != raw.strip():
        problems.append("leading or trailing whitespace")
    if "  " in raw.strip():
        problems.append("double space")
    if BAD_SPACE.search(raw.strip()):
        problems.append("tab, line break or non-breaking space inside")
    return problems


def normal_term(term: str) -> str:
    """A term for comparisons: markers removed, case folded, ё as е, spaces collapsed."""
    return " ".join(strip_markers(term).casefold().replace("ё", "е").split())


@dataclass
class _Seen:
    """What earlier rows (of every file) defined."""

    ids: dict[str, str]
    terms: dict[tuple[str, str], tuple[str, str]]  # (lang, term) -> (concept id, where)
    forbidden: dict[tuple[str, str], tuple[str, str]]
    signatures: dict[tuple, tuple[str, str]]
    relations: list[tuple[str, int, str, str]] = field(default_factory=list)  # file, line, column, id named


Add = Callable[..., None]  # add(severity, code, message, column="")


def _lint_row(row: GlossaryRow, path: Path, header: list[str], seen: _Seen) -> list[Issue]:
    """Every problem of one row, those that depend on earlier rows included (seen)."""
    issues: list[Issue] = []
    where = f"{path}:{row.line}"

    def add(severity: str, code: str, message: str, column: str = "") -> None:
        issues.append(Issue(str(path), row.line, severity, code, message, column))

    cells = {k: v.strip() for k, v in row.cells.items()}
    for column, raw in row.cells.items():
        for text in whitespace_problems(raw):
            add("error", "whitespace", text, column)
    for problem in row_problems(cells):  # what the loader refuses too
        add("error", problem.code, problem.message, problem.column)
    cid = cells["id"]
    if cid and cid in seen.ids:
        add("error", "duplicate-id", f"concept id {cid!r} also at {seen.ids[cid]}", "id")
    elif cid:
        seen.ids[cid] = where
    if not cells["domain"]:
        add("warning", "empty-domain", "no domain", "domain")
    for column in ("same_as", "broader"):
        seen.relations += [(str(path), row.line, column, n) for n in split_variants(cells.get(column, "")) if n != cid]
    langs = [lang for lang in SUPPORTED if lang in header]
    if not any(cells.get(lang) or cells.get(f"{lang}_allowed") for lang in langs):
        add("error", "no-term", "no term in any language", "id")
    signature = tuple(_lint_language(lang, cells, where, seen, add) for lang in langs)
    if any(signature):
        if signature in seen.signatures:
            first = seen.signatures[signature]
            add("error", "duplicate-concept", f"same terms as concept {first[0]!r} ({first[1]})")
        else:
            seen.signatures[signature] = (cid, where)
    return issues


def _lint_language(lang: str, cells: dict[str, str], where: str, seen: _Seen, add: Add) -> str:
    """The problems of one language's terms of a row; returns its preferred term, normalised."""
    cid, preferred = cells["id"], cells.get(lang, "")
    if not preferred:
        add("warning", "missing-language", f"no {lang} term", lang)
    approved = [(lang, preferred)] if preferred else []
    approved += [(f"{lang}_allowed", v) for v in split_variants(cells.get(f"{lang}_allowed", ""))]
    forbidden = [(f"{lang}_forbidden", v) for v in split_variants(cells.get(f"{lang}_forbidden", ""))]
    accepted = [(f"{lang}_accepted", v) for v in split_variants(cells.get(f"{lang}_accepted", ""))]
    for column, term in approved + forbidden + accepted:
        for problem in script_problems(term):
            add("error", "mixed-script", problem, column)
        if lang == "ru" and KAZAKH_ONLY & set(term):
            add("warning", "kazakh-letter", f"{term!r} has Kazakh letters in a Russian term", column)
    approved_norm: dict[str, str] = {}
    for column, term in approved:
        norm = normal_term(term)
        if norm in approved_norm:
            add("warning", "repeated-variant", f"{term!r} repeats {approved_norm[norm]}", column)
            continue
        approved_norm[norm] = column
        other = seen.terms.get((lang, norm))
        if other and other[0] != cid:
            add("error", "term-conflict", f"{term!r} also names concept {other[0]!r} ({other[1]})", column)
        else:
            seen.terms.setdefault((lang, norm), (cid, where))
        banned = seen.forbidden.get((lang, norm))
        if banned and banned[0] != cid:
            add("warning", "forbidden-elsewhere", f"{term!r} is forbidden in {banned[0]!r} ({banned[1]})", column)
    for column, term in forbidden:
        norm = normal_term(term)
        if norm in approved_norm:
            add("error", "forbidden-approved", f"{term!r} is also an approved term ({approved_norm[norm]})", column)
        other = seen.terms.get((lang, norm))
        if other and other[0] != cid:
            add("warning", "forbidden-elsewhere", f"{term!r} is approved in {other[0]!r} ({other[1]})", column)
        seen.forbidden.setdefault((lang, norm), (cid, where))
    return normal_term(preferred)


def lint_files(paths: Iterable[Path]) -> tuple[list[Path], list[Issue]]:
    """Lint glossary files (directories contribute their *.csv); cross-file checks included."""
    files = glossary_files(paths)
    seen = _Seen({}, {}, {}, {})
    issues: list[Issue] = []
    for path in files:
        text = read_text(path)  # a file that cannot be read as text is bad input (exit 2), not a finding
        try:
            header, rows = read_rows(text, path)
        except InputError as exc:
            issues.append(Issue(str(path), exc.line or 1, "error", "structure", exc.message))
            continue
        for lang in SUPPORTED:
            if lang not in header:
                issues.append(Issue(str(path), 1, "warning", "missing-language", f"no {lang} column", lang))
        for column in header:
            if column not in COLUMNS:
                issues.append(
                    Issue(str(path), 1, "warning", "unknown-column", f"unknown column {column!r} is ignored", column)
                )
        for row in rows:
            issues.extend(_lint_row(row, path, header, seen))
    for file, line, column, other in seen.relations:
        if other not in seen.ids:
            issues.append(Issue(file, line, "error", "unknown-relation", f"{column}: no concept {other!r}", column))
    return files, issues


def has_errors(issues: Iterable[Issue]) -> bool:
    """Whether any issue is an error."""
    return any(i.severity == "error" for i in issues)


def report_dict(files: list[Path], issues: list[Issue]) -> dict[str, object]:
    """The JSON form of a lint run."""
    return {
        "files": [str(f) for f in files],
        "errors": sum(i.severity == "error" for i in issues),
        "warnings": sum(i.severity == "warning" for i in issues),
        "issues": [asdict(i) for i in issues],
    }


def report_lines(files: list[Path], issues: list[Issue]) -> list[str]:
    """The text form of a lint run: one line per issue and a summary."""
    errors = sum(i.severity == "error" for i in issues)
    warnings = len(issues) - errors
    return [str(i) for i in issues] + [f"{len(files)} file(s): {errors} error(s), {warnings} warning(s)"]
