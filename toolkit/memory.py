"""Translation memory: approved units from `memories/*.tmx`, exact lookup for now."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from .sources import expand_files
from .tmx import TranslationUnit, read_tmx


def normalise(text: str) -> str:
    """The key an exact match compares: NFC, whitespace runs folded, outer spaces stripped."""
    return " ".join(unicodedata.normalize("NFC", text).split())


@dataclass(frozen=True)
class MemoryMatch:
    """A memory hit for one segment and target language."""

    target: str
    score: int
    origin: str
    unit: TranslationUnit

    @property
    def label(self) -> str:
        return f"tm {self.score}% {self.origin}"


@dataclass
class Memory:
    """Units from one or more TMX files, indexed by (language, normalised text)."""

    paths: list[Path] = field(default_factory=list)
    units: list[TranslationUnit] = field(default_factory=list)
    _index: dict[tuple[str, str], list[TranslationUnit]] = field(default_factory=dict, repr=False)

    def add(self, unit: TranslationUnit) -> None:
        self.units.append(unit)
        for lang, text in unit.variants.items():
            self._index.setdefault((lang, normalise(text)), []).append(unit)

    def exact(self, text: str, source: str, target: str) -> MemoryMatch | None:
        """The first unit (in file order) whose source text equals text and that has target."""
        for unit in self._index.get((source, normalise(text)), []):
            candidate = unit.variants.get(target, "")
            if candidate.strip():
                return MemoryMatch(candidate, 100, unit.origin, unit)
        return None


def load_memory(paths: Iterable[Path]) -> Memory:
    """Load every TMX named or found under the named directories."""
    files = expand_files(paths, ".tmx", "memory")
    memory = Memory(paths=files)
    for path in files:
        for unit in read_tmx(path):
            memory.add(unit)
    return memory
