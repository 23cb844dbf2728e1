"""Which target n-gram goes with a source candidate: the Dice coefficient over aligned units
(2 x units with both / (units with one + units with the other)). Among the n-grams within a
margin of the best Dice, the one whose number of content words is closest to the source's is
taken (`Permanent Representative`, not `Permanent` alone, which occurs in the same units), and
then the one whose first and last words are the rarest in the memory."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

MARGIN = 0.15  # n-grams this close to the best Dice compete on length
REQUIRED_DICE = 0.5  # an n-gram with the head's rendering is preferred from this Dice up


@dataclass
class GramIndex:
    """The units each target n-gram occurs in, its least number of content words, and its
    surface forms with their counts."""

    units: dict[tuple[str, ...], set[int]] = field(default_factory=dict)
    content: dict[tuple[str, ...], int] = field(default_factory=dict)
    by_unit: dict[int, set[tuple[str, ...]]] = field(default_factory=dict)

    def add(self, unit: int, key: tuple[str, ...], content: int) -> None:
        self.units.setdefault(key, set()).add(unit)
        self.content[key] = min(content, self.content.get(key, content))
        self.by_unit.setdefault(unit, set()).add(key)

    def edges(self, key: tuple[str, ...]) -> int:
        """How many units the first and the last word occur in: a phrase that begins or ends
        with a word found everywhere (held, met, spoke) has probably taken in its context."""
        return len(self.units.get(key[:1], ())) + len(self.units.get(key[-1:], ()))


@dataclass(frozen=True)
class Association:
    """The target n-gram chosen for a candidate, its Dice and the units they share."""

    key: tuple[str, ...]
    dice: float
    shared: int


def dice(a: set[int] | frozenset[int], b: set[int] | frozenset[int]) -> float:
    """2|a & b| / (|a| + |b|); 0 for two empty sets."""
    return 2 * len(a & b) / (len(a) + len(b)) if a or b else 0.0


def best_target(
    units: Iterable[int],
    content: int,
    index: GramIndex,
    fit: Callable[[tuple[str, ...]], tuple] | None = None,
    required: Callable[[tuple[str, ...]], bool] | None = None,
) -> Association | None:
    """The target n-gram most associated with a candidate occurring in `units` (with `content`
    content words), or None when no unit of it has a target text. Only the n-grams `required`
    accepts compete when one of them reaches REQUIRED_DICE; among the n-grams within MARGIN of
    the best Dice, `fit(key)` (smaller is better) decides first, then the length."""
    mine = set(units)
    keys: set[tuple[str, ...]] = set()
    for unit in mine:
        keys |= index.by_unit.get(unit, set())
    if not keys:
        return None
    scored = [(dice(mine, index.units[key]), key) for key in keys]
    if required is not None:
        scored = [sk for sk in scored if required(sk[1]) and sk[0] >= REQUIRED_DICE] or scored
    best = max(score for score, _ in scored)
    near = [(score, key) for score, key in scored if score >= best - MARGIN]

    def order(sk: tuple[float, tuple[str, ...]]) -> tuple:
        first = fit(sk[1]) if fit is not None else ()
        return (*first, abs(index.content[sk[1]] - content), index.edges(sk[1]), -sk[0], len(sk[1]), sk[1])

    score, key = min(near, key=order)
    return Association(key, round(score, 3), len(mine & index.units[key]))
