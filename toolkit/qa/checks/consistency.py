"""Consistency across every checked file: one source, one translation (and the reverse)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence

from ...patterns import WORD
from ..context import CheckContext
from ..model import Segment
from ..registry import Hit, check

MIN_WORDS = 2


def _norm(text: str) -> str:
    return " ".join(text.split())


def _outliers(segments: Sequence[Segment], key: Callable[[Segment], str], value: Callable[[Segment], str]):
    """Segments whose value differs from the most frequent value among segments sharing a key."""
    groups: dict[tuple, list[Segment]] = defaultdict(list)
    for seg in segments:
        if not (seg.target or "").strip() or len(WORD.findall(seg.source)) < MIN_WORDS:
            continue
        groups[(seg.source_lang, seg.target_lang, key(seg))].append(seg)
    for members in groups.values():
        if len(members) < 2:
            continue
        counts = Counter(value(s) for s in members)
        if len(counts) < 2:
            continue
        first_seen = {v: i for i, v in reversed(list(enumerate(value(s) for s in members)))}
        majority = max(counts, key=lambda v: (counts[v], -first_seen[v]))
        model = members[first_seen[majority]]
        for seg in members:
            if value(seg) != majority:
                yield seg, majority, model


@check("inconsistent-target", "warning", scope="corpus")
def inconsistent_target(segments: Sequence[Segment], ctx: CheckContext) -> Iterator[tuple[Segment, Hit]]:
    """The same source sentence is translated differently in the checked files (the most frequent
    translation is taken as the reference).

    Example: `Пресс-служба МИД РК` is `MFA Press Service` in nine releases and `Press Office of
    the MFA` in one.
    """
    for seg, majority, model in _outliers(segments, lambda s: _norm(s.source), lambda s: _norm(s.target or "")):
        yield (
            seg,
            Hit(f"the same source is translated as {majority!r} in {model.file}:{model.line}", 0, f"target {majority}"),
        )


@check("inconsistent-source", "warning", scope="corpus")
def inconsistent_source(segments: Sequence[Segment], ctx: CheckContext) -> Iterator[tuple[Segment, Hit]]:
    """One translation is used for different source sentences in the checked files.

    Example: both `Стороны обсудили торговлю.` and `Стороны обсудили транспорт.` are translated
    `The parties discussed trade.`
    """
    for seg, majority, model in _outliers(segments, lambda s: _norm(s.target or ""), lambda s: _norm(s.source)):
        yield (
            seg,
            Hit(
                f"this translation also renders the source {majority!r} in {model.file}:{model.line}",
                0,
                f"source {majority}",
            ),
        )
