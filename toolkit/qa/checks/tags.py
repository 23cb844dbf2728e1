"""Inline codes (formatting, links, footnote references) kept in a translation."""

from __future__ import annotations

from collections.abc import Iterator

from ...inline import compare_codes
from ..context import CheckContext
from ..model import Segment
from ..registry import Hit, check


@check("tags", "warning")
def tags(seg: Segment, ctx: CheckContext) -> Iterator[Hit]:
    """The target's inline codes differ from the source's: a code missing (its formatting falls
    back to the whole sentence in the translated document), added, or in another order.

    Example: the source is `Посол <1>Данияр Ахметов</1> провел встречу.<2/>` and the target
    `Ambassador Daniyar Akhmetov held a meeting.<2/>`: `<1>` and `</1>` are missing.
    """
    if not seg.target:
        return
    source, target = seg.codes or (seg.source, seg.target)
    difference = compare_codes(source, target)
    if difference:
        key = " ".join(str(m) for m in difference.missing + difference.added) or "order"
        yield Hit(difference.describe(), None, f"tags {key}")
