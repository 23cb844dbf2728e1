"""A multi-pattern matcher over token keys: a trie of key sequences, every match, then the
longest non-overlapping ones.

Each text token carries a tuple of keys (its normalised forms: lemmas, stems, prefixes); a
pattern is a sequence of keys, one per token. Matching walks the trie from every token, keeping
every node reachable through any key of each token, so the cost is linear in the text for a
glossary of any size. Nodes are plain dicts (children by key, payloads under END) for speed.
A token marked skippable (a possessive inside an English or French term: «copies of his
credentials») may be passed over once inside a match; a match never starts or ends on it.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import Any

Key = Hashable
END = object()  # the payload list of a node is stored under this key


@dataclass(frozen=True)
class Match:
    """Tokens [first, last] matched a pattern carrying payload."""

    first: int
    last: int
    payload: Any
    skipped: int = -1  # the token passed over inside the match, or -1


class TokenTrie:
    """Patterns (key sequences) with payloads; `matches` finds them in keyed token streams."""

    def __init__(self) -> None:
        self._root: dict = {}

    def add(self, keys: Sequence[Key], payload: Any) -> None:
        """Add one pattern; the same pattern may carry several payloads."""
        if not keys:
            raise ValueError("empty pattern")
        node = self._root
        for key in keys:
            node = node.setdefault(key, {})
        payloads = node.setdefault(END, [])
        if payload not in payloads:
            payloads.append(payload)

    def matches(
        self,
        token_keys: Sequence[Sequence[Key]],
        joinable: Sequence[bool],
        accept: Callable[[Match], bool] | None = None,
        skippable: Sequence[bool] | None = None,
    ) -> list[Match]:
        """Every pattern occurrence. joinable[i] says token i may continue a match of token i-1;
        skippable[i] that token i may be passed over once inside a match; accept(match) may
        veto a match (e.g. a length check)."""
        root = self._root
        found: list[Match] = []
        n = len(token_keys)
        for i, keys in enumerate(token_keys):
            # states: (node, index of the skipped token or -1); only states that consumed the
            # current token may end a match there
            states = [(root[k], -1) for k in keys if k in root]
            j = i
            while states:
                for node, skipped in states:
                    if skipped == j:
                        continue
                    for payload in node.get(END, ()):
                        match = Match(i, j, payload, skipped)
                        if accept is None or accept(match):
                            found.append(match)
                j += 1
                if j >= n or not joinable[j]:
                    break
                following = token_keys[j]
                advanced = [
                    (child, skipped)
                    for node, skipped in states
                    for k in following
                    if (child := node.get(k)) is not None
                ]
                if skippable is not None and skippable[j]:
                    # pass over token j: the state continues from the same node at j + 1
                    advanced += [(node, j) for node, skipped in states if skipped == -1]
                states = advanced
        return found


def longest_non_overlapping(matches: Sequence[Match], rank: Callable[[Match], Any] | None = None) -> list[Match]:
    """Resolve overlaps: the longest match wins (then the earlier one, then rank); nested and
    overlapping shorter matches are dropped. Result in text order."""
    if len(matches) <= 1:
        return list(matches)
    order = sorted(matches, key=lambda m: (m.first - m.last, m.first, rank(m) if rank else 0))
    taken: list[Match] = []
    used: set[int] = set()
    for match in order:
        span = range(match.first, match.last + 1)
        if any(i in used for i in span):
            continue
        used.update(span)
        taken.append(match)
    return sorted(taken, key=lambda m: m.first)
