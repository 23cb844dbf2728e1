"""What one sentence offers the aligner, computed once: its length, anchors that must agree across
languages (numbers, URLs and e-mails, glossary concepts), name-like tokens folded to Latin letters
(«Ахметов» and "Akhmetov" meet as `ahme`), and the character n-grams of its words for comparing a
machine translation
with the other side."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from ..patterns import links

_NUMBER = re.compile(r"\d+(?:[ \u00a0\u202f.,]\d+)*")
_SEPARATOR = re.compile(r"[ \u00a0\u202f.,]")
_TOKEN = re.compile(r"[^\W_]+")
# Cyrillic (Russian and Kazakh letters) to Latin, as names are usually romanised; sounds that
# romanise in several ways (х: kh/h, ж: zh/j) are folded to one letter so both spellings meet.
_CYRILLIC = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі",
        [
            "a",
            "b",
            "v",
            "g",
            "d",
            "e",
            "e",
            "j",
            "z",
            "i",
            "i",
            "k",
            "l",
            "m",
            "n",
            "o",
            "p",
            "r",
            "s",
            "t",
            "u",
            "f",
            "h",
            "ts",
            "ch",
            "sh",
            "sh",
            "",
            "y",
            "",
            "e",
            "yu",
            "ya",
            "a",
            "g",
            "k",
            "n",
            "o",
            "u",
            "u",
            "h",
            "i",
        ],
        strict=True,
    )
)
_LATIN_FOLD = (
    ("kh", "h"),
    ("th", "t"),
    ("dzh", "j"),
    ("zh", "j"),
    ("yu", "u"),
    ("ya", "a"),
    ("y", "i"),
    ("w", "v"),
    ("x", "ks"),
)
NAME_PREFIX = 4  # folded name tokens compare on their first letters (cases and endings differ)
GRAM = 5  # characters: words compare by their 5-grams (word edges marked), so inflected forms meet


@dataclass(frozen=True)
class Evidence:
    """Features of one sentence (or of a group of sentences, see `join`)."""

    size: int  # characters
    numbers: frozenset[str]
    links: frozenset[str]
    names: frozenset[str]
    concepts: frozenset[str]
    grams: frozenset[str]
    kind: str

    def join(self, other: Evidence) -> Evidence:
        """The evidence of two consecutive sentences taken together (the first one's kind)."""
        return Evidence(
            self.size + other.size + 1,
            self.numbers | other.numbers,
            self.links | other.links,
            self.names | other.names,
            self.concepts | other.concepts,
            self.grams | other.grams,
            self.kind,
        )


def canonical_number(surface: str) -> str:
    """A number with its thousands separators dropped and its decimal mark a point:
    «16 000», "16,000" and "16000" are all 16000; «2,5» and "2.5" are 2.5."""
    groups = _SEPARATOR.split(surface)
    if len(groups) > 1 and all(len(g) == 3 for g in groups[1:]):
        return "".join(groups).lstrip("0") or "0"
    if len(groups) == 2:
        return f"{groups[0].lstrip('0') or '0'}.{groups[1]}"
    return "".join(groups).lstrip("0") or "0"


def numbers_of(text: str) -> frozenset[str]:
    """The numbers of a text (years, days, amounts), canonical; links are not looked into."""
    for _, link in links(text):
        text = text.replace(link, " ")
    found: set[str] = set()
    for match in _NUMBER.finditer(text):
        surface = match.group().rstrip(" .,\u00a0\u202f")
        # «18-19 ноября» vs "November 18-19": each day counts; a list «1, 2 и 3» stays three
        parts = [surface] if _is_one_number(surface) else re.split(r"[ \u00a0\u202f,]+", surface)
        found.update(canonical_number(p) for p in parts if p)
    return frozenset(found)


def _is_one_number(surface: str) -> bool:
    groups = _SEPARATOR.split(surface)
    return len(groups) == 1 or all(len(g) == 3 for g in groups[1:]) or (len(groups) == 2 and len(groups[1]) != 3)


def fold(word: str) -> str:
    """A word in plain Latin letters: Cyrillic romanised, accents dropped, variants folded."""
    lowered = word.lower()
    romanised = "".join(_CYRILLIC.get(ch, ch) for ch in lowered)
    plain = "".join(ch for ch in unicodedata.normalize("NFKD", romanised) if not unicodedata.combining(ch))
    for spelling, folded in _LATIN_FOLD:
        plain = plain.replace(spelling, folded)
    return plain


def names_of(text: str) -> frozenset[str]:
    """Name-like tokens: capitalised words after the first word, words in Latin letters inside a
    Cyrillic text, and words holding digits; folded and cut to NAME_PREFIX letters."""
    tokens = _TOKEN.findall(text)
    cyrillic = any("\u0400" <= ch <= "\u04ff" for ch in text)
    found: set[str] = set()
    for position, token in enumerate(tokens):
        latin_in_cyrillic = cyrillic and token.isascii() and token.isalpha()
        capitalised = position > 0 and token[:1].isupper()
        acronym = len(token) >= 2 and token.isupper()
        if acronym or (len(token) >= 3 and (capitalised or latin_in_cyrillic)):
            found.add(fold(token)[:NAME_PREFIX])
    return frozenset(found)


def grams_of(text: str) -> frozenset[str]:
    """The character n-grams (GRAM long, word edges marked) of the words of a text, lower-cased,
    for comparing a machine translation with a sentence in the same language."""
    grams: set[str] = set()
    for token in _TOKEN.findall(text):
        if token.isdigit():
            continue
        word = f" {token.lower()} "
        grams.update(word[k : k + GRAM] for k in range(max(1, len(word) - GRAM + 1)))
    return frozenset(grams)


def evidence_of(text: str, kind: str, concepts: Iterable[str] = (), grams: bool = True) -> Evidence:
    """The evidence of one sentence; `concepts` are the glossary concepts found in it; its
    n-grams only when asked (they serve only where a machine translation is compared)."""
    return Evidence(
        len(text.strip()),
        numbers_of(text),
        frozenset(link.lower() for _, link in links(text)),
        names_of(text),
        frozenset(concepts),
        grams_of(text) if grams else frozenset(),
        kind,
    )
