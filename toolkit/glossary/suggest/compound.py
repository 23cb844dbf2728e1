"""Russian compound adjectives (казахстанско-венгерский, северо-казахстанский, торгово-
экономический): only the last part inflects, so a compound's parses are those of its last part
with the first parts put before the lemma and before every inflected form. The dictionary often
lacks the compound, or guesses it wrongly (казахстанско-венгерской as neuter only)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .morph import raw_parses

# first parts of a compound adjective end in -о/-е (казахстанско-, северо-, юго-)
_COMPOUND = re.compile(r"((?:[А-ЯЁа-яё]+[ое]-)+)([А-ЯЁа-яё]{3,})")
ADJECTIVES = frozenset({"ADJF", "PRTF"})


@dataclass(frozen=True)
class Form:
    """An inflected form: the word."""

    word: str


@dataclass(frozen=True)
class CompoundParse:
    """A parse of a compound adjective: the last part's parse, the first parts before it."""

    prefix: str
    part: Any

    @property
    def tag(self) -> Any:
        return self.part.tag

    @property
    def normal_form(self) -> str:
        return self.prefix.lower() + self.part.normal_form

    @property
    def score(self) -> float:
        return float(self.part.score)

    def inflect(self, grammemes: set[str]) -> Form | None:
        found = self.part.inflect(grammemes)
        return None if found is None else Form(self.prefix.lower() + found.word)


def compound_parses(word: str) -> tuple[Any, ...]:
    """The adjective parses of a compound adjective, or () for another word."""
    found = _COMPOUND.fullmatch(word)
    if found is None:
        return ()
    prefix, last = found.groups()
    parts = [p for p in raw_parses(last) if p.tag.POS in ADJECTIVES]
    return tuple(CompoundParse(prefix, p) for p in parts)


@dataclass(frozen=True)
class _AcronymTag:
    POS: str = "NOUN"
    case: str = "gent"
    number: str = "sing"
    gender: str | None = None

    def __contains__(self, grammeme: object) -> bool:
        return False


@dataclass(frozen=True)
class AcronymParse:
    """An acronym after a noun phrase (Совет министров иностранных дел ШОС, Постоянный совет
    ОБСЕ): an indeclinable genitive, kept as written."""

    word: str
    tag: _AcronymTag = _AcronymTag()
    score: float = 1.0

    @property
    def normal_form(self) -> str:
        return self.word.lower()

    def inflect(self, grammemes: set[str]) -> Form | None:
        return Form(self.word)


def acronym(word: str) -> AcronymParse | None:
    """The parse of a Cyrillic acronym of two letters or more (ОБСЕ, ШОС, СВМДА), else None."""
    return AcronymParse(word) if len(word) >= 2 and word.isupper() and "-" not in word else None
