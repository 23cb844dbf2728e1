"""The target word that renders a Russian term's head word, and the rule it sets for the term's
target n-gram. The head (посол, совет, департамент) occurs in many more units than the term, so
its translation (Ambassador, Елшісі) is found with more evidence than the term's own Dice gives:
an English or French n-gram must contain it, a Kazakh one must end with it (a Kazakh noun
phrase ends with its head: Қазақстанның Италиядағы Елшісі)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from .associate import GramIndex, dice
from .names import name_keys
from .russian import CYRILLIC, parses
from .units import Unit

Key = tuple[str, ...]


def lemma_units(units: Sequence[Unit], lang: str) -> dict[str, set[int]]:
    """The units each Russian lemma occurs in (every lemma of an ambiguous word)."""
    found: dict[str, set[int]] = {}
    for unit in units:
        for match in CYRILLIC.finditer(unit.texts[lang]):
            for parse in parses(match.group().lower()):
                found.setdefault(parse.normal_form.replace("ё", "е"), set()).add(unit.number)
    return found


TIE = 0.05  # words this close to the best Dice: one spelled like the head wins (директор)


def head_word(head: str, head_units: set[int], index: GramIndex) -> str | None:
    """The target word (a stem) most associated with the head's units, or None; among words
    as associated as the best, one that begins like the head romanised (директор, консул)."""
    words: set[Key] = set()
    for unit in head_units:
        words |= {key for key in index.by_unit.get(unit, set()) if len(key) == 1}
    if not words:
        return None
    scored = {key: dice(head_units, index.units[key]) for key in words}
    best = max(scored.values())
    spelled = name_keys(head)
    near = [key for key, score in scored.items() if score >= best - TIE]
    return min(near, key=lambda key: (-len(name_keys(key[0]) & spelled), -scored[key], key))[0]


def head_rule(word: str, lang: str) -> Callable[[Key], bool]:
    """Whether a target n-gram holds the head's rendering where that language puts it."""
    if lang == "kk":
        return lambda key: key[-1] == word
    return lambda key: word in key
