"""Consistency across every checked file: one source, one translation (and the reverse)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from itertools import islice

from ...patterns import WORD
from ..context import CheckContext
from ..model import Segment
from ..registry import Hit, check

MIN_WORDS = 2


def _norm(text: str) -> str:
    return " ".join(text.split())


def _enough_words(text: str) -> bool:
    """At least MIN_WORDS words (the scan stops there)."""
    return next(islice(WORD.finditer(text), MIN_WORDS - 1, None), None) is not None


def _pairs(segments: Sequence[Segment]) -> list[tuple[Segment, str, str]]:
    """(segment, normalised source, normalised translation) of the translated segments whose
    source has MIN_WORDS words or more; each distinct text is normalised once."""
    norm: dict[str, str] = {}
    eligible: dict[str, bool] = {}
    pairs = []
    for seg in segments:
        target = seg.target or ""
        if not target.strip():
            continue
        if (ok := eligible.get(seg.source)) is None:
            ok = eligible[seg.source] = _enough_words(seg.source)
        if not ok:
            continue
        if (source := norm.get(seg.source)) is None:
            source = norm[seg.source] = _norm(seg.source)
        if (normal := norm.get(target)) is None:
            normal = norm[target] = _norm(target)
        pairs.append((seg, source, normal))
    return pairs


def _shared_pairs(segments: Sequence[Segment], ctx: CheckContext) -> list[tuple[Segment, str, str]]:
    """_pairs, computed once for both checks of a run (the entry keeps the segments it was
    computed from, so a later corpus is never given another's pairs)."""
    corpus, pairs = ctx.memo("consistency", lambda: (segments, _pairs(segments)))
    if corpus is not segments:
        return _pairs(segments)
    return pairs


def _outliers(
    segments: Sequence[Segment], ctx: CheckContext, by_target: bool
) -> Iterator[tuple[Segment, str, Segment]]:
    """Segments whose translation (by_target: whose source) differs from the most frequent one
    among the segments that share their source (by_target: their translation)."""
    groups: dict[tuple[str, str, str], list[tuple[Segment, str]]] = defaultdict(list)
    for seg, source, target in _shared_pairs(segments, ctx):
        key, value = (source, target) if by_target else (target, source)
        groups[(seg.source_lang, seg.target_lang, key)].append((seg, value))
    for members in groups.values():
        if len(members) < 2:
            continue
        counts = Counter(value for _, value in members)
        if len(counts) < 2:
            continue
        first_seen = {v: i for i, (_, v) in reversed(list(enumerate(members)))}
        majority = max(counts, key=lambda v: (counts[v], -first_seen[v]))
        model = members[first_seen[majority]][0]
        for seg, value in members:
            if value != majority:
                yield seg, majority, model


@check("inconsistent-target", "warning", scope="corpus")
def inconsistent_target(segments: Sequence[Segment], ctx: CheckContext) -> Iterator[tuple[Segment, Hit]]:
    """The same source sentence is translated differently in the checked files (the most frequent
    translation is taken as the reference).

    Example: `Пресс-служба МИД РК` is `MFA Press Service` in nine releases and `Press Office of
    the MFA` in one.
    """
    for seg, majority, model in _outliers(segments, ctx, by_target=True):
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
    for seg, majority, model in _outliers(segments, ctx, by_target=False):
        yield (
            seg,
            Hit(
                f"this translation also renders the source {majority!r} in {model.file}:{model.line}",
                0,
                f"source {majority}",
            ),
        )
