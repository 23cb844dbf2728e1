"""English and French: words are matched by Snowball stems of their lower case (Ambassadors,
ambassadeurs, Chargés d'affaires), with elided articles (l'Ambassadeur) and hyphen or space
variants (Lieutenant-Governor) handled by the tokenizer. A stem match counts only when the
two words differ by an inflection (en: plural and possessive; fr: plural and feminine), so
derivations that share a stem (Consulate/Consul, included/including, montréalais/Montréal) are
not taken for the term. Acronym plurals (MPs) match their acronym.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

import snowballstemmer

from .tokens import Token

STEMMERS = {"en": "english", "fr": "french"}
# what may follow the glossary word in a text word (or the text word in the glossary word)
ENDINGS = {
    "en": frozenset({"", "s", "es", "'s", "’s"}),
    "fr": frozenset({"", "s", "x", "e", "es", "ne", "nes", "le", "les", "te", "tes"}),
}
# a glossary word's ending and the ending that replaces it in an inflected form
SWAPS = {
    "en": (("y", "ies"), ("f", "ves"), ("fe", "ves"), ("man", "men")),
    "fr": (
        ("al", "aux"),
        ("ail", "aux"),
        ("er", "ere"),
        ("er", "eres"),
        ("f", "ve"),
        ("f", "ves"),
        ("eux", "euse"),
        ("eux", "euses"),
        ("eur", "euse"),
        ("eur", "euses"),
        ("eau", "eaux"),
    ),
}
ACRONYM_PLURAL = re.compile(r"([A-Z]{2,})(?:s|'s|’s)")


@lru_cache(maxsize=1 << 18)
def fold(word: str) -> str:
    """Lower case without accents (œ and æ spelled out)."""
    low = word.lower().replace("œ", "oe").replace("æ", "ae")
    return "".join(c for c in unicodedata.normalize("NFD", low) if not unicodedata.combining(c))


# possessives a translator puts inside a term: «copies of his credentials», «ses lettres de créance»
SKIPPABLE: dict[str, frozenset[str]] = {
    "en": frozenset({"his", "her", "its", "their", "our"}),
    "fr": frozenset({"son", "sa", "ses", "leur", "leurs", "notre", "nos"}),
}


class LatinModel:
    """Stem keys for en or fr."""

    checks_form = True

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.skippable = SKIPPABLE[lang]
        self._stemmer = snowballstemmer.stemmer(STEMMERS[lang])
        self._endings = ENDINGS[lang]
        self._swaps = SWAPS[lang]
        self._stems: dict[str, tuple[str, ...]] = {}

    def prepare(self, terms: Sequence[Sequence[str]]) -> None:
        return None

    def stems(self, word: str) -> tuple[str, ...]:
        """The stem of the accented word, accents then removed, and the stem of the folded word
        (so that ETRANGERES and étrangères agree)."""
        cached = self._stems.get(word)
        if cached is None:
            low = word.lower()
            stem = self._stemmer.stemWord
            cached = self._stems[word] = tuple(dict.fromkeys((fold(stem(low)), stem(fold(low)))))
        return cached

    def term_keys(self, word: str) -> tuple:
        return self.stems(word)

    def token_keys(self, word: str) -> tuple:
        acronym = ACRONYM_PLURAL.fullmatch(word)
        if acronym:
            return tuple(dict.fromkeys((*self.stems(word), *self.stems(acronym.group(1)))))
        return self.stems(word)

    def retokenize(self, text: str, tokens: list[Token]) -> list[Token]:
        return tokens

    def form_ok(self, surface: str, term_word: str) -> bool:
        """Whether two words with the same stem differ only by an inflection."""
        text, term = fold(surface), fold(term_word)
        if text == term:
            return True
        for longer, shorter in ((text, term), (term, text)):
            if longer.startswith(shorter) and longer[len(shorter) :] in self._endings:
                return True
        for base, inflected in self._swaps:
            for one, other in ((term, text), (text, term)):
                if one.endswith(base) and other == one[: len(one) - len(base)] + inflected:
                    return True
        return False
