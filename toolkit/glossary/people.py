"""People in a glossary (domain `person`): the initials forms of a full name and its surname.

`Ермек Кошербаев` -> `Е. Кошербаев`, `Е.Кошербаев`; `Kassym-Jomart Tokayev` -> `K. Tokayev`,
`K.-J. Tokayev`; `Charles de Gaulle` keeps «de» with the surname.
"""

from __future__ import annotations

from .markers import strip_markers


def fold_term(term: str) -> str:
    """A term for comparing forms: markers removed, a space after each dot, case folded."""
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
