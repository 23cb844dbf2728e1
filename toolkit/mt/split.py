"""Splitting an overlong segment for MT as a translator would: at clause boundaries.

A sentence-level model translates a few hundred characters well and a whole page badly, and its
output stops at the maximum decoding length. A segment longer than the limit is cut at the
boundary nearest its middle, preferring, in order, a semicolon, a colon, a dash between spaces,
a comma, then any space, and the halves are cut again until each fits; a run of text without a
space is cut at the limit. The translations of the parts are joined with a space.
"""

from __future__ import annotations

import re

MAX_MT_CHARS = 400
# boundaries, best first: the cut falls after the match (the punctuation stays on the left part)
BOUNDARIES = (
    re.compile(r";\s+"),
    re.compile(r":\s+"),
    re.compile(r"\s+(?=[–—-]\s)"),
    re.compile(r",\s+"),
    re.compile(r"\s+"),
)


def split_for_mt(text: str, limit: int = MAX_MT_CHARS) -> list[str]:
    """The parts of text to translate one by one (text itself when it fits the limit)."""
    if len(text) <= limit:
        return [text]
    for boundary in BOUNDARIES:
        cuts = [(m.start(), m.end()) for m in boundary.finditer(text) if m.start() > 0 and m.end() < len(text)]
        if cuts:
            middle = len(text) / 2
            start, end = min(cuts, key=lambda c: (abs(c[0] - middle), c[0]))
            head = text[:start] + text[start:end].rstrip()
            return split_for_mt(head.strip(), limit) + split_for_mt(text[end:].strip(), limit)
    return [text[i : i + limit] for i in range(0, len(text), limit)]
