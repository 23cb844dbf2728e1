"""The n-grams of a target text (English, French or Kazakh), keyed by word stems so that the
inflected forms of one phrase count together: Snowball stems for English and French where the
word is the stem and an inflection (plural, possessive, feminine; a derivation such as
Consulate keeps its own key, not Consul's), the
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
from ..terms.latin import ENDINGS, fold
from .sentences import sentence_ends, sentence_starts

MAX_GRAM = 9
WORD = re.compile(r"[^\W_]+(?:[-\u2010\u2011\u2013][^\W_]+)*|[^\w\s]")
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
        "өз өзі екі бір жөніндегі жөнінде арқылы қатысты сияқты кейін дейін бірге".split()
    ),
}
KK_MIN_STEM = 3
_VOWELS = set("аәеёиоөуұүыіэюя")


@lru_cache(maxsize=1)
def _kk_endings() -> tuple[str, ...]:
    # -дағы, -дегі make an attribute of a place (Италиядағы Елшісі: the Ambassador in Italy), not
    # a form of the noun (Италия Елшісі: Italy's Ambassador): they stay on the stem
    endings = (e for e in acronym_endings() if not e.endswith(("ғы", "гі")))
    return tuple(sorted(endings, key=lambda e: (-len(e), e)))


@lru_cache(maxsize=1 << 16)
def kk_stem(word: str) -> str:
    """A Kazakh word without its longest inflectional ending that leaves a stem of three
    letters or more with a vowel (министрінің, министрі -> министр; Астанада -> астан); the
    attributive -дағы/-дегі is kept."""
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

    snowball = snowballstemmer.stemmer({"en": "english", "fr": "french", "ru": "russian"}.get(lang, "english"))
    endings = ENDINGS.get(lang, ENDINGS["en"])

    def stem(word: str) -> str:
        plain = fold(word)
        found = snowball.stemWord(plain)
        # a derivation keeps its own key: Consulate is not Consul, nor Organization Organize
        if plain.startswith(found) and plain[len(found) :] not in endings:
            plural = len(plain) > 4 and plain[-1] in ("sx" if lang == "fr" else "s") and plain[-2] != "s"
            return plain[:-1] if plural else plain
        return found

    return stem


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
    word or a number (nor, in Kazakh, takes in a sentence's last word); an n-gram is initial
    when it begins a sentence of the text."""
    stem = stemmer(lang)
    stop = FUNCTION_WORDS.get(lang, frozenset())
    starts = sentence_starts(text)
    ends = sentence_ends(text)
    found: list[Gram] = []
    runs = _tokens(text)
    for number, run in enumerate(runs):
        low = [w.lower() for _, _, w in run]
        keys = [stem(w) for _, _, w in run]
        edge = [w in stop or w.isdigit() or len(w) < 2 for w in low]
        if lang == "kk":  # a Kazakh sentence ends with its verb (өткізді, қабылдады)
            edge = [e or end in ends for e, (_, end, _) in zip(edge, run)]
            if number == len(runs) - 1:
                edge[-1] = True
        for i in range(len(run)):
            if edge[i]:
                continue
            for j in range(i, min(len(run), i + max_len)):
                if edge[j]:
                    continue
                content = sum(1 for k in range(i, j + 1) if not edge[k])
                found.append(Gram(tuple(keys[i : j + 1]), run[i][0], run[j][1], content, run[i][0] in starts))
    return found


# a 3rd-person possessive (министрлігі, кеңесі, бағыты) with a case ending after it
_KK_OWNED_CASE = re.compile(r"(.{3,}[ыі])(ның|нің|н|на|не|нда|нде|нан|нен|мен|ндағы|ндегі)")


def kk_nominative(word: str) -> str:
    """The last word of a Kazakh term without its case ending: a possessive keeps its
    possessive (кеңесінің -> кеңесі, Елшісімен -> Елшісі), another noun is cut to the stem the
    grammar inflects into this form (конференцияда -> конференция, күнге -> күн)."""
    from ..terms.kk import cases, harmonies, possessive_cases

    owned = _KK_OWNED_CASE.fullmatch(word)
    low = word.lower()
    if owned and any(low in possessive_cases(owned.group(1).lower(), f) for f in harmonies(owned.group(1).lower())):
        return owned.group(1)
    for cut in range(1, 5):
        stem = low[: len(low) - cut]
        if len(stem) >= 3 and any(low in cases(stem, f) for f in harmonies(stem)):
            return word[: len(word) - cut]
    return word
