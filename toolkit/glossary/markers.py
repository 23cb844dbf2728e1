"""The syntax of a glossary term: variant cells (` | `-separated) and memoQ-style match markers
(`губернатор|` or `губернатор|ы`: the stem may take an ending of up to 4 letters; `ambassad*`:
any ending; one marker per word, 3+ letters before it)."""

from __future__ import annotations

VARIANT_SEPARATOR = " | "
MIN_STEM = 3
MAX_ENDING = 4  # letters a `stem|` may take


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
