"""Omissions and spaced ellipses («[...]», «(…)», «is . . . I»): terminal runs that end no
sentence."""

from __future__ import annotations

import re

_ELLIPSIS_REACH = 6  # the longest spaced ellipsis looked at («. . . .» has 4 periods)


def spaced_dots(text: str, pos: int) -> tuple[int, int, int] | None:
    """The periods separated by single spaces around the period at pos («. . .»): (offset of
    the first, offset of the last, count), or None when the run is longer than
    _ELLIPSIS_REACH periods on either side (then it is no ellipsis)."""
    first = last = pos
    for _ in range(_ELLIPSIS_REACH):
        if first >= 2 and text[first - 1] in " \u00a0" and text[first - 2] == ".":
            first -= 2
        else:
            break
    else:
        return None
    for _ in range(_ELLIPSIS_REACH):
        if last + 2 < len(text) and text[last + 1] in " \u00a0" and text[last + 2] == ".":
            last += 2
        else:
            break
    else:
        return None
    return first, last, (last - first) // 2 + 1


def is_omission(text: str, match: re.Match[str]) -> bool:
    """Whether a terminal run marks words left out rather than a sentence end.

    «[...]» and «(…)» inside a sentence; an ellipsis after a space («is . . . I didn't», «is ...
    I»); the inner periods of a spaced ellipsis; the last period of «word. . . .» (the first one
    ended the sentence, see _ellipsis_opens_next). «. . . .» after a space is an omission
    followed by a period: a sentence end.
    """
    pos, term, close = match.start(), match["term"], match["close"]
    before = text[pos - 1] if pos else ""
    if before in "[(" and close[:1] in "])":
        return True
    if term != ".":
        return before.isspace() and not close and set(term) <= {".", "…"} and (len(term) > 1 or term == "…")
    run = spaced_dots(text, pos)
    if run is None or run[2] < 2:
        return False
    first, last, count = run
    if pos != last:
        return True
    glued = first > 0 and not text[first - 1].isspace()
    return not close and ((count == 3 and not glued) or (count == 4 and glued))
