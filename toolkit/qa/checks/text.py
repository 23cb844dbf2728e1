"""Checks of the target text as a whole: empty, identical to the source, stray whitespace."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..context import CheckContext
from ..model import Segment
from ..registry import Hit, check

_LETTERS = re.compile(r"[^\W\d_]{2,}")
_DOUBLE_SPACE = re.compile(r"(?<=\S) {2,}(?=\S)")
_URLISH = re.compile(r"^(?:\S+://\S+|\S+@\S+|[\d\W_]+)$")


@check("untranslated", "error")
def untranslated(seg: Segment, ctx: CheckContext) -> Iterator[Hit]:
    """The target is missing or empty although the source has text.

    Example: a PO entry `msgid "Визит состоялся в Астане."` with `msgstr ""`, or a TMX unit with
    no `tuv` for the target language.
    """
    if seg.source.strip() and not (seg.target or "").strip():
        yield Hit("target is empty (untranslated)", 0, "empty")


@check("identical", "warning")
def identical(seg: Segment, ctx: CheckContext) -> Iterator[Hit]:
    """The target is the source copied unchanged (ignoring case and spacing).

    Example: the French msgstr is still `The talks took place in Astana.`. Segments that are only
    numbers, URLs, e-mails or a single word (names, acronyms) are exempt.
    """
    source, target = seg.source.strip(), (seg.target or "").strip()
    if not target or _URLISH.match(source) or len(_LETTERS.findall(source)) < 2:
        return
    if " ".join(source.casefold().split()) == " ".join(target.casefold().split()):
        yield Hit("target is identical to the source", 0, "identical")


@check("whitespace", "warning")
def whitespace(seg: Segment, ctx: CheckContext) -> Iterator[Hit]:
    """Leading or trailing whitespace of the target differs from the source's.

    Example: the source `Брифинг завершился.` translated as `The briefing ended. ` (a trailing
    space) or with a leading tab.
    """
    target = seg.target or ""
    if not target.strip():
        return
    lead_s, lead_t = _lead(seg.source), _lead(target)
    if lead_s != lead_t:
        yield Hit(f"leading whitespace {lead_t!r} differs from the source's {lead_s!r}", 0, "lead")
    trail_s, trail_t = _trail(seg.source), _trail(target)
    if trail_s != trail_t:
        yield Hit(
            f"trailing whitespace {trail_t!r} differs from the source's {trail_s!r}", len(target.rstrip()), "trail"
        )


@check("double-space", "warning")
def double_space(seg: Segment, ctx: CheckContext) -> Iterator[Hit]:
    """Two or more spaces between words of the target (where the source has none).

    Example: `The Minister  met the Ambassador.`
    """
    target = seg.target or ""
    if _DOUBLE_SPACE.search(seg.source):
        return
    for match in _DOUBLE_SPACE.finditer(target):
        yield Hit("double space", match.start(), f"{match.start()}")


def _lead(text: str) -> str:
    return text[: len(text) - len(text.lstrip())]


def _trail(text: str) -> str:
    return text[len(text.rstrip()) :]
