"""The named parts of a source term (the places and organisations of the glossary inside it:
Венгрии in «Министерство иностранных дел и внешней торговли Венгрии», ОБСЕ in «Постоянный
совет ОБСЕ») and how many of them a target n-gram renders: a target term must name the same
things as the source (Ministry of Foreign Affairs and Trade of Hungary, not ... and Trade), and
no acronym the source lacks (CICA Senior Officials Committee for «Комитет старших должностных
лиц»)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from ..concept import Concept
from ..markers import strip_markers
from .phrases import FUNCTION_WORDS, WORD, stemmer

NAMED_DOMAINS = ("country", "place", "organization")
MIN_PREFIX = 3
_ACRONYM = re.compile(r"[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]{2,}")


def renderings(concept: Concept, lang: str) -> list[tuple[str, ...]]:
    """The stems of the content words of each term a concept has in lang."""
    stem = stemmer(lang)
    stop = FUNCTION_WORDS.get(lang, frozenset())
    found = []
    for variant in concept.variants(lang):
        words = [m.group() for m in WORD.finditer(strip_markers(variant)) if m.group()[0].isalnum()]
        stems = tuple(stem(w) for w in words if w.lower() not in stop)
        if stems:
            found.append(stems)
    return found


def _meets(a: str, b: str) -> bool:
    short = min(len(a), len(b))
    return (short >= MIN_PREFIX and (a.startswith(b) or b.startswith(a))) or a == b


def rendered(parts: Sequence[list[tuple[str, ...]]], key: tuple[str, ...]) -> int:
    """How many of the parts (each a list of renderings) the n-gram key renders."""
    return sum(
        any(all(any(_meets(word, k) for k in key) for word in rendering) for rendering in part) for part in parts
    )


def acronyms(text: str) -> int:
    """The acronyms of a text (ОБСЕ, CICA, БҰҰ-ның)."""
    return sum(1 for word in text.replace("-", " ").split() if _ACRONYM.fullmatch(word))


def extra_acronyms(source: str, target: str) -> int:
    """Acronyms of the target beyond the source's."""
    return max(0, acronyms(target) - acronyms(source))


def majority(counts: Iterable[tuple[str, int]], seen: int) -> list[str]:
    """The ids found in at least half of the occurrences, sorted."""
    return sorted(cid for cid, n in counts if n * 2 >= seen)
