"""Candidate terms of an English, French or Kazakh source: runs of two or more capitalised
words (short function words allowed inside: Ministry of Foreign Affairs), as written; in
Kazakh the last word is given without its case ending. The head, for the domain guess, is the
last word in English and Kazakh and the first in French."""

from __future__ import annotations

from .phrases import grams, kk_nominative
from .russian import Occurrence

MAX_WORDS = 5


def capitalised_candidates(text: str, lang: str) -> list[Occurrence]:
    """The capitalised sequences of a sentence (overlapping ones included)."""
    found = []
    for gram in grams(text, lang, max_len=MAX_WORDS):
        surface = text[gram.start : gram.end]
        words = surface.split()
        if gram.content < 2 or not all(w[:1].isupper() for w in words if w[:1].isalpha() and len(w) > 3):
            continue
        if lang == "kk":
            surface = " ".join([*words[:-1], kk_nominative(words[-1])])
        head = 0 if lang == "fr" else len(gram.key) - 1
        found.append(Occurrence(gram.key, gram.start, gram.end, surface, "phrase", gram.initial, head, False, True))
    return found
