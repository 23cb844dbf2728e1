"""Lists written inline in a paragraph («1. The first item 2. The second item»): where their
items start, and whether a sentence so far is only a list marker."""

from __future__ import annotations

import itertools
import re
from functools import cache

from .rules import BULLETS

# A list marker opening a line: "1. ", "2) ", "1.) ", "• 9. ", "a. ", "б) ", "A) " (a capital
# letter only with a bracket: «A. Smith» is an initial).
_LIST_MARKER = (
    rf"(?P<bullet>[{BULLETS}][^\S\n]*+)?"
    r"(?P<ord>\d{1,3}|[a-zа-яё]|[A-ZА-ЯЁ](?=\.?\)))(?P<punct>\.\)|\)|\.)(?=[^\S\n]+\S)"
)
_LIST_START = re.compile(r"\n[^\S\n]*+" + _LIST_MARKER)  # starts with a literal: the scan skips text fast
_LIST_AT_TEXT_START = re.compile(r"\s*+" + _LIST_MARKER)
_ORDINAL = re.compile(r"\d{1,3}|[^\W\d_]|[IVXLCDMІХ]{2,7}")  # what a list item may be numbered with
_LIST_REACH = 600  # the next item of an inline list must start within this many characters
MARKER_MAX = 16  # longest list marker before its period, bullet included


def list_items(text: str) -> list[int]:
    """Where the items of lists written inline start: a line opening with a list marker
    ("1. ", "2) ", "1.) ", "• 9. ", "a. ") starts a list, and the marker with the next number
    or letter (same bullet, same punctuation, after whitespace, within _LIST_REACH characters
    of the item before) starts its next item: «1. The first item 2. The second item»."""
    items: list[int] = []
    searched: dict[tuple[str, str, str], int] = {}  # where a search for a marker found none
    at_start = _LIST_AT_TEXT_START.match(text)
    for first in itertools.chain([at_start] if at_start else [], _LIST_START.finditer(text)):
        if items and first.start() < items[-1]:
            continue  # a marker of a list already followed
        ordinal, pos = first["ord"], first.end()
        shape = (first["bullet"] or "", first["punct"])
        pattern = _item_pattern(*shape)
        while (succ := _successor(ordinal)) is not None:
            hi = min(len(text), pos + _LIST_REACH)
            lo = max(pos, searched.get((*shape, succ), 0))  # so that no stretch is searched twice
            found = next((m for m in pattern.finditer(text, lo, hi) if m["ord"] == succ), None)
            if found is None:
                searched[(*shape, succ)] = hi
                break
            items.append(found.start())
            ordinal, pos = succ, found.end()
    return sorted(set(items))


def _successor(ordinal: str) -> str | None:
    """The next number or letter of a list: "9" -> "10", "a" -> "b" ("z" has none)."""
    if ordinal.isdigit():
        return str(int(ordinal) + 1)
    following = chr(ord(ordinal) + 1)
    return following if following.isalpha() and following.islower() == ordinal.islower() else None


@cache
def _item_pattern(bullet: str, punct: str) -> re.Pattern[str]:
    """List markers after whitespace with this bullet (if any) and punctuation."""
    head = re.escape(bullet.strip()) + r"[^\S\n]*" if bullet.strip() else ""
    return re.compile(rf"(?<=\s){head}(?P<ord>\d{{1,4}}|[^\W\d_]){re.escape(punct)}(?=[^\S\n]+\S)")


def is_list_marker(text: str, sent_start: int, match: re.Match[str]) -> bool:
    """Whether the sentence so far is only a list marker's number or letter («2.», «• 9.»,
    «b.», «IV.», «1.)»), or an initial («А. Смагулов»): its period ends no sentence."""
    if match["close"] not in ("", ")"):
        return False
    return _ORDINAL.fullmatch(text[sent_start : match.start()].lstrip(BULLETS + " \t\n\u00a0")) is not None
