"""Where the sentences of a unit begin and end: a unit may hold several sentences, and a capital
after a full stop says as little as the text's first one (Особое внимание было уделено ...),
while the word before a full stop ends a sentence (in Kazakh, its verb). A stop after a single
letter is an initial or an abbreviation (А.Темирбеков, 2025 г.), not a sentence's end."""

from __future__ import annotations

import re

_STOP = re.compile(r"(\w{2,})[.!?…]+(?=\s|$)")
_WORD = re.compile(r"[^\W\d_]")


def sentence_starts(text: str) -> frozenset[int]:
    """The offsets of the first letter of each sentence."""
    starts = set()
    first = _WORD.search(text)
    if first is not None:
        starts.add(first.start())
    for stop in _STOP.finditer(text):
        following = _WORD.search(text, stop.end())
        if following is not None:
            starts.add(following.start())
    return frozenset(starts)


def sentence_ends(text: str) -> frozenset[int]:
    """The offsets just after the last word of each sentence that ends with a stop."""
    return frozenset(stop.end(1) for stop in _STOP.finditer(text))
