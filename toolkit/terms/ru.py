"""Russian: words are matched by their pymorphy3 lemmas, so multiword terms match in any case
and number («министерств международных отношений», «Лейтенант-губернатором»), and so do
inflected names the dictionary does not know («Ф.Бенжамином», «Касым-Жомартом Токаевым»,
through pymorphy3's suffix predictor)."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Sequence

from .tokens import Token

_ACRONYM_ENDING = re.compile(r"([A-ZА-ЯЁ]{2,})([а-яё]{1,3})")  # МИДа, МИДом
MAX_LEMMAS = 4


@lru_cache(maxsize=1)
def analyzer():
    """The shared pymorphy3 analyser (loading the dictionary takes a moment)."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


def _norm(word: str) -> str:
    return word.lower().replace("ё", "е")


def lemmas(word: str) -> tuple[str, ...]:
    """The distinct normal forms pymorphy3 proposes for a word (best first)."""
    low = _norm(word)
    if not low.isalpha():
        return (low,)
    forms = dict.fromkeys(_norm(p.normal_form) for p in analyzer().parse(low))
    return tuple(forms)[:MAX_LEMMAS] or (low,)


class RussianModel:
    """Lemma keys for Russian."""

    def prepare(self, terms: Sequence[Sequence[str]]) -> None:
        return None

    def term_keys(self, word: str) -> tuple:
        # the surface too: the analyser may lemmatise a name in the glossary (Токаев -> токай)
        # differently from its inflected forms in a text (Токаевым -> токаев)
        return tuple(dict.fromkeys((*lemmas(word), _norm(word))))

    def token_keys(self, word: str) -> tuple:
        low = _norm(word)
        keys = dict.fromkeys((low, *lemmas(word)))
        acronym = _ACRONYM_ENDING.fullmatch(word)
        if acronym:
            keys[_norm(acronym.group(1))] = None
        return tuple(keys)

    def retokenize(self, text: str, tokens: list[Token]) -> list[Token]:
        return tokens

    def length_ok(self, surface: str, term_word: str) -> bool:
        return True
