"""The n-grams of a target text (English, French or Kazakh), keyed by word stems so that the
inflected forms of one phrase count together: Snowball stems for English and French, the
case, possessive and plural endings of the toolkit's Kazakh grammar (glossary/terms/kk.py)
stripped for Kazakh. An n-gram neither begins nor ends with a function word, and never runs
across punctuation.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from ..terms.kk import acronym_endings
from ..terms.latin import fold

MAX_GRAM = 6
WORD = re.compile(r"[^\W_]+(?:[-\u2011][^\W_]+)*|[^\w\s]")
APOSTROPHES = "'’ʼ"
FUNCTION_WORDS = {
    "en": frozenset(
        "a an the of and or in on at to for with by from as is was were be been has have had its his her "
        "their this that these those s which who will would also both".split()
    ),
    "fr": frozenset(
        "le la les l de du des d et ou à au aux en un une pour par sur avec dans ce cette ces son sa ses "
        "leur leurs qui que a été est s se".split()
    ),
    "kk": frozenset(
        "және мен бен пен да де та те бойынша туралы үшін арасындағы ол олар бұл осы сондай-ақ оның "
        "өз өзі екі бір".split()
    ),
}
KK_MIN_STEM = 3
_VOWELS = set("аәеёиоөуұүыіэюя")


@lru_cache(maxsize=1)
def _kk_endings() -> tuple[str, ...]:
    return tuple(sorted(acronym_endings(), key=lambda e: (-len(e), e)))


@lru_cache(maxsize=1 << 16)
def kk_stem(word: str) -> str:
    """A Kazakh word without its longest inflectional ending that leaves a stem of three
    letters or more with a vowel (министрінің, министрі -> министр; Астанада -> астан)."""
    low = word.lower()
    for ending in _kk_endings():
        stem = low[: len(low) - len(ending)]
        if low.endswith(ending) and len(stem) >= KK_MIN_STEM and _VOWELS & set(stem):
            return stem
    return low


@lru_cache(maxsize=4)
def stemmer(lang: str) -> Callable[[str], str]:
    """The stem function of a target language."""
    if lang == "kk":
        return kk_stem
    import snowballstemmer

    snowball = snowballstemmer.stemmer({"en": "english", "fr": "french"}.get(lang, "english"))
    return lambda word: snowball.stemWord(fold(word))


@dataclass(frozen=True)
class Gram:
    """One n-gram of a text: its key (stems), its span and the number of its content words."""

    key: tuple[str, ...]
    start: int
    end: int
    content: int
    initial: bool  # begins the sentence


def _tokens(text: str) -> list[list[tuple[int, int, str]]]:
    """Runs of words between punctuation marks (an apostrophe splits: Kazakhstan’s, l'ONU)."""
    runs: list[list[tuple[int, int, str]]] = [[]]
    for match in WORD.finditer(text):
        word = match.group()
        if word[0].isalnum():
            runs[-1].append((match.start(), match.end(), word))
        elif word in APOSTROPHES and runs[-1]:
            continue
        elif runs[-1]:
            runs.append([])
    return [run for run in runs if run]


def grams(text: str, lang: str, max_len: int = MAX_GRAM) -> list[Gram]:
    """Every n-gram of 1 to max_len words of a text that neither begins nor ends with a function
    word or a number."""
    stem = stemmer(lang)
    stop = FUNCTION_WORDS.get(lang, frozenset())
    first = next((m.start() for m in WORD.finditer(text) if m.group()[0].isalnum()), 0)
    found: list[Gram] = []
    for run in _tokens(text):
        low = [w.lower() for _, _, w in run]
        keys = [stem(w) for _, _, w in run]
        edge = [w in stop or w.isdigit() or len(w) < 2 for w in low]
        for i in range(len(run)):
            if edge[i]:
                continue
            for j in range(i, min(len(run), i + max_len)):
                if edge[j]:
                    continue
                content = sum(1 for k in range(i, j + 1) if not edge[k])
                found.append(Gram(tuple(keys[i : j + 1]), run[i][0], run[j][1], content, run[i][0] == first))
    return found
