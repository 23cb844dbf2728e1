"""Choosing the packages for a language pair: a direct package, else a pivot through English."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

from ..langs import PIVOT
from .engine import ArgosEngine, DecodeOptions
from .packages import ModelPackage


@dataclass(frozen=True)
class Route:
    """The packages that take text from one language to another, in order."""

    source: str
    target: str
    steps: tuple[ModelPackage, ...]

    @property
    def label(self) -> str:
        """Provenance for PO comments: 'mt argos ru->en 1.0' or 'mt argos ru->fr via en'."""
        if len(self.steps) == 1:
            return f"mt argos {self.source}->{self.target} {self.steps[0].version}"
        via = ", ".join(s.to_code for s in self.steps[:-1])
        versions = " + ".join(f"{s.from_code}_{s.to_code} {s.version}" for s in self.steps)
        return f"mt argos {self.source}->{self.target} via {via} ({versions})"


def install_hint(source: str, target: str) -> str:
    """What to tell a user who lacks a pair."""
    if PIVOT in (source, target):
        needed = f"translate-{source}_{target}"
    else:
        needed = f"translate-{source}_{target} (or translate-{source}_{PIVOT} and translate-{PIVOT}_{target})"
    return (
        f"no model for {source}->{target}: install {needed} from a local file with "
        f"`toolkit models install FILE.argosmodel`"
    )


def find_route(packages: Sequence[ModelPackage], source: str, target: str) -> Route | None:
    """A direct package if one is installed, else source->en->target; the first found wins."""
    by_pair: dict[tuple[str, str], ModelPackage] = {}
    for package in packages:
        by_pair.setdefault((package.from_code, package.to_code), package)
    if (source, target) in by_pair:
        return Route(source, target, (by_pair[(source, target)],))
    first, second = by_pair.get((source, PIVOT)), by_pair.get((PIVOT, target))
    if PIVOT not in (source, target) and first and second:
        return Route(source, target, (first, second))
    return None


class EngineSet:
    """Loaded engines shared by all routes of a run, with a per-run cache of translations."""

    def __init__(self, options: DecodeOptions | None = None):
        self.options = options or DecodeOptions()
        self._engines: dict[str, ArgosEngine] = {}
        self._cache: dict[tuple[str, str], str] = {}

    def engine(self, package: ModelPackage) -> ArgosEngine:
        key = str(package.path)
        if key not in self._engines:
            self._engines[key] = ArgosEngine(package, self.options)
        return self._engines[key]

    def run_step(
        self, package: ModelPackage, texts: Sequence[str], progress: Callable[[int], None] | None = None
    ) -> list[str]:
        """Translate unique texts with one package, reusing what this run already translated."""
        key = str(package.path)
        # Sorted by length then text: batches of similar length, and the same batches for the same input.
        todo = sorted({t for t in texts if (key, t) not in self._cache}, key=lambda t: (len(t), t))
        for text, result in zip(todo, self.engine(package).translate(todo, progress)):
            self._cache[(key, text)] = result
        return [self._cache[(key, t)] for t in texts]

    def translate(
        self, route: Route, texts: Sequence[str], progress: Callable[[int], None] | None = None
    ) -> list[str]:
        """Run texts through every step of a route."""
        current = list(texts)
        for package in route.steps:
            current = self.run_step(package, current, progress)
        return current
