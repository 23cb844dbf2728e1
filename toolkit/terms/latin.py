"""English and French: words are matched by Snowball stems of their accent-free lower case
(Ambassadors, ambassadeurs, Chargés d'affaires), with elided articles (l'Ambassadeur) and
hyphen or space variants (Lieutenant-Governor) handled by the tokenizer. A stem match must
not differ from the glossary word by more than a few letters, so derivations (Consulate vs
Consul) do not count as the term."""

from __future__ import annotations

import unicodedata
from typing import Sequence

import snowballstemmer

from .tokens import Token

STEMMERS = {"en": "english", "fr": "french"}
LENGTH_SLACK = {"en": 2, "fr": 3}


def fold(word: str) -> str:
    """Lower case without accents (œ and æ spelled out)."""
    low = word.lower().replace("œ", "oe").replace("æ", "ae")
    return "".join(c for c in unicodedata.normalize("NFD", low) if not unicodedata.combining(c))


class LatinModel:
    """Stem keys for en or fr."""

    checks_length = True

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self._stemmer = snowballstemmer.stemmer(STEMMERS[lang])
        self._slack = LENGTH_SLACK[lang]

    def prepare(self, terms: Sequence[Sequence[str]]) -> None:
        return None

    def stems(self, word: str) -> tuple[str, ...]:
        """The stem of the accented word, accents then removed, and the stem of the folded word
        (so that ETRANGERES and étrangères agree)."""
        low = word.lower()
        return tuple(dict.fromkeys((fold(self._stemmer.stemWord(low)), self._stemmer.stemWord(fold(low)))))

    def term_keys(self, word: str) -> tuple:
        return self.stems(word)

    def token_keys(self, word: str) -> tuple:
        return self.stems(word)

    def retokenize(self, text: str, tokens: list[Token]) -> list[Token]:
        return tokens

    def length_ok(self, surface: str, term_word: str) -> bool:
        return abs(len(surface) - len(term_word)) <= self._slack
