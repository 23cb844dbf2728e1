"""The words the fuzzy index looks up, and how many characters sharing one is worth.

A text's index words are its runs of word characters in lower case, plus the digit pairs of
every number ("#22", "#28" for 228) so that numbers that share digits count as close. Sharing a
word means sharing its characters and a separator with the other sentence, so its credit
towards the longest common subsequence that ``fuzz.ratio`` measures is ``len(word) + 1``; a
digit pair, which overlaps the number and its neighbours, is worth half a character.
"""

from __future__ import annotations

import re

TOKEN = re.compile(r"\w+")
DIGITS = re.compile(r"\d{2,}")
PAIR_CREDIT = 0.5


def words(text: str) -> set[str]:
    """The distinct index words of a text (see the module docstring)."""
    found = set(TOKEN.findall(text.lower()))
    for number in DIGITS.findall(text):
        found.update("#" + number[i : i + 2] for i in range(len(number) - 1))
    return found


def credit(word: str) -> float:
    """The characters of a common subsequence that sharing word stands for."""
    return PAIR_CREDIT if word.startswith("#") else len(word) + 1.0
