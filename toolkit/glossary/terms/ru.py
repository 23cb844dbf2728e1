"""Russian: words are matched by their pymorphy3 lemmas, so multiword terms match in any case
and number («министерств международных отношений», «Лейтенант-губернатором»), and so do
inflected names the dictionary does not know («Ф.Бенжамином», «Касым-Жомартом Токаевым»,
through pymorphy3's suffix predictor).

Lemmatising is the costly step, so a text word is analysed only when it begins like the lemma
of some glossary word (the first min(5, length-2) letters: inflection changes the end of a
Russian word, fleeting vowels included: посол/посла); other words keep their surface key.
Suppletive forms (человек/люди) are therefore not found.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from .tokens import Token

_ACRONYM_ENDING = re.compile(r"([A-ZА-ЯЁ]{2,})([а-яё]{1,3})")  # МИДа, МИДом
MAX_LEMMAS = 4
MAX_PREFIX = 5


@lru_cache(maxsize=1)
def analyzer():
    """The shared pymorphy3 analyser (loading the dictionary takes a moment)."""
    import pymorphy3
    import pymorphy3_dicts_ru

    # raw tuples and no probability estimate: only the normal forms are needed, 25% faster; the
    # dictionary named by its path, not found among every package's entry points (45 ms less)
    return pymorphy3.MorphAnalyzer(
        path=pymorphy3_dicts_ru.get_path(), lang="ru", result_type=None, probability_estimator_cls=None
    )


def _norm(word: str) -> str:
    return word.lower().replace("ё", "е")


FUNCTION_POS = frozenset({"PREP", "CONJ", "PRCL", "INTJ"})


def lemmas(word: str) -> tuple[str, ...]:
    """The distinct normal forms pymorphy3 proposes for a word. A word that can be a
    preposition, conjunction or particle is taken as one («после» is "after", not the
    locative of «посол»)."""
    low = _norm(word)
    if not low.isalpha():
        return (low,)
    parses = analyzer().parse(low)
    if any(p[1].POS in FUNCTION_POS for p in parses):
        return (low,)
    forms = dict.fromkeys(_norm(p[2]) for p in parses)
    return tuple(forms)[:MAX_LEMMAS] or (low,)


def prefix_length(lemma: str) -> int:
    """How many first letters every form of a word with this lemma is taken to share (0: the
    word is too short for a prefix; it is compared whole)."""
    if len(lemma) <= 2:
        return 0
    return max(2, min(MAX_PREFIX, len(lemma) - 2))


class RussianModel:
    """Lemma keys for Russian."""

    def __init__(self) -> None:
        self._prefixes: dict[int, set[str]] = {}
        self._short: set[str] = set()

    def prepare(self, terms: Sequence[Sequence[str]]) -> None:
        prefixes: dict[int, set[str]] = {}
        for words in terms:
            for word in words:
                for key in self.term_keys(word):
                    k = prefix_length(key)
                    if k:
                        prefixes.setdefault(k, set()).add(key[:k])
                    else:
                        self._short.add(key)
        self._prefixes = prefixes

    @staticmethod
    @lru_cache(maxsize=65536)
    def term_keys(word: str) -> tuple:
        # the surface too: the analyser may lemmatise a name in the glossary (Токаев -> токай)
        # differently from its inflected forms in a text (Токаевым -> токаев)
        return tuple(dict.fromkeys((*lemmas(word), _norm(word))))

    def _may_be_term_word(self, low: str) -> bool:
        return low in self._short or any(low[:k] in prefixes for k, prefixes in self._prefixes.items())

    def token_keys(self, word: str) -> tuple:
        low = _norm(word)
        # a lemmatised word needs no surface key: glossary words carry their own lemmas
        keys = dict.fromkeys(lemmas(word)) if self._may_be_term_word(low) else {low: None}
        acronym = _ACRONYM_ENDING.fullmatch(word)
        if acronym:
            keys[_norm(acronym.group(1))] = None
        return tuple(keys)

    def retokenize(self, text: str, tokens: list[Token]) -> list[Token]:
        return tokens

    def form_ok(self, surface: str, term_word: str) -> bool:
        return True
