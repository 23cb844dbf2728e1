"""Invariants of a sentence (URLs, e-mail addresses, numbers, Latin-script names in Cyrillic text)
and the placeholders that stand in for them during MT.

Scheme: invariant i becomes the private-use character U+E000+i. No argos vocabulary knows these
characters, so SentencePiece keeps each as a piece of its own, CTranslate2 reads it as <unk>, and a
model that emits <unk> there gets the source piece back through `replace_unknowns`; SentencePiece
decodes an unknown piece verbatim, so `restore` finds the character in the text and puts the
original back. Whether a model does this is checked on every protected sentence: a placeholder
missing or repeated in the output means the protected translation must not be used.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..patterns import EMAIL, URL

FIRST = 0xE000
LAST = 0xEFFF  # U+F000 and up stand for inline codes (toolkit.inline_place), never touched here
CYRILLIC_SOURCES = ("ru", "kk")

_URL = f"(?i:{URL.pattern})"  # the shared patterns (toolkit.patterns), scheme in any case
_EMAIL = EMAIL.pattern
_LATIN = r"\b[A-Za-z][A-Za-z'&-]*(?:\.?\s[A-Z][A-Za-z'&-]*)*\b"
_NUMBER = r"(?<![\w.,])\d+(?:[.,:/\-–]\d+)*%?"
_GENERAL = re.compile(f"{_URL}|{_EMAIL}|{_NUMBER}")
_WITH_LATIN = re.compile(f"{_URL}|{_EMAIL}|{_LATIN}|{_NUMBER}")


def find_invariants(text: str, lang: str) -> list[str]:
    """The invariants of text in order: URLs, e-mail addresses, numbers, and in ru/kk text also
    runs of Latin-script words (names, acronyms)."""
    pattern = _WITH_LATIN if lang in CYRILLIC_SOURCES else _GENERAL
    return [m.group(0) for m in pattern.finditer(text)]


def placeholder(index: int) -> str:
    return chr(FIRST + index)


@dataclass(frozen=True)
class Protected:
    """A sentence with its invariants replaced by placeholders, and the invariants in order."""

    text: str
    originals: tuple[str, ...]


def protect(text: str, lang: str) -> Protected:
    """Replace each invariant of text by its placeholder (text that already holds characters of
    this range is left alone: they could not be told apart)."""
    if any(FIRST <= ord(c) <= LAST for c in text):
        return Protected(text, ())
    pattern = _WITH_LATIN if lang in CYRILLIC_SOURCES else _GENERAL
    originals: list[str] = []

    def swap(match: re.Match) -> str:
        originals.append(match.group(0))
        return placeholder(len(originals) - 1)

    return Protected(pattern.sub(swap, text), tuple(originals))


def restore(output: str, originals: tuple[str, ...]) -> str | None:
    """The output with every placeholder replaced by its invariant, or None when a placeholder
    is missing or repeated (the model did not carry it through)."""
    for i in range(len(originals)):
        if output.count(placeholder(i)) != 1:
            return None
    for i, original in enumerate(originals):
        output = output.replace(placeholder(i), original)
    return output


def lost_invariants(invariants: list[str], output: str) -> list[str]:
    """Invariants the output holds fewer times than the source does (each named once)."""
    lost = []
    for value in dict.fromkeys(invariants):
        if output.count(value) < invariants.count(value):
            lost.append(value)
    return lost
