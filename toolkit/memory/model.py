"""Translation memory: approved units from `memories/*.tmx` and lookups for a segment.

Lookup kinds, ranked by score (percent) and then in this order:

- ``context`` 101%: the same source sentence with the same previous and next segment of the
  same document (a unit's neighbours come from its ``x-context-prev``/``x-context-next`` props,
  else from the adjacent units of the same file and ``x-source-document``/``x-document``);
- ``exact`` 100%: the same source sentence (NFC, whitespace folded);
- ``number-adjusted`` 99%: only numbers differ; the target gets the query's numbers;
- ``fuzzy``: ``rapidfuzz.fuzz.ratio`` in percent, rounded down, at least the threshold.

Equal scores rank by kind (in the order above), then fewer replaced numbers, then the newer
change (or creation) date, then file and line. Files under a folder named ``penalty-N`` lose N
points on every match (OmegaT's penalty folders); a penalised exact match is no longer 100% and
so is flagged for review. Each candidate carries its provenance (file, line, tuid, dates, users).
Sentences of memories with INDEX_MIN_TEXTS or more distinct sentences are searched through the
cached fuzzy index (memory_index), smaller ones by a brute-force rapidfuzz scan.
"""

from __future__ import annotations

import math
import os
import re
import unicodedata
from array import array
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

import numpy as np

from ..formats.tmx import DOCUMENT_PROPS, TranslationUnit, iter_tmx
from ..sources import expand_files
from .index import FuzzyIndex, brute_force
from .units import Members, UnitStore

KINDS = ("context", "exact", "number-adjusted", "fuzzy")
_KIND_RANK = {kind: i for i, kind in enumerate(KINDS)}
NUMBER_ADJUSTED_SCORE = 99
DEFAULT_THRESHOLD = 75
INDEX_MIN_TEXTS = 20_000  # below this a brute-force rapidfuzz scan is fast enough
NUMBER = re.compile(r"\d+(?:[.,:/]\d+)*")
_PENALTY_DIR = re.compile(r"penalty-(\d{1,3})")
CONTEXT_PROPS = ("x-context-prev", "x-context-next")


def normalise(text: str) -> str:
    """The key an exact match compares: NFC, whitespace runs folded, outer spaces stripped."""
    folded = " ".join(unicodedata.normalize("NFC", text).split())
    return text if folded == text else folded


def mask_numbers(text: str) -> str:
    """The text with every number replaced by a placeholder (for number-adjusted matches)."""
    return NUMBER.sub("\x00", text)


def file_penalty(origin: str) -> int:
    """Points lost by matches from a file under a `penalty-N` folder (the largest N applies)."""
    found = [int(m.group(1)) for part in Path(origin).parent.parts if (m := _PENALTY_DIR.fullmatch(part))]
    return min(100, max(found, default=0))


def default_cache_dir() -> Path:
    """Where fuzzy indexes are cached: $TOOLKIT_CACHE_DIR, else the user cache dir."""
    env = os.environ.get("TOOLKIT_CACHE_DIR")
    if env:
        return Path(env) / "memory-index"
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("press-toolkit")) / "memory-index"


_SWAP_SEPARATORS = str.maketrans({",": ".", ".": ","})


def adjust_numbers(query: str, source: str, target: str) -> tuple[str, dict[str, str]] | None:
    """The target with the numbers that differ between source and query replaced, or None.

    source and query must be equal once numbers are masked; every changed number must occur in
    the target as a whole number, written the same or with "," and "." swapped (15,5 -> 15.5),
    and then the new number is written the target's way. None when a number cannot be placed.
    """
    new_numbers, old_numbers = NUMBER.findall(query), NUMBER.findall(source)
    if len(new_numbers) != len(old_numbers):
        return None
    mapping: dict[str, str] = {}
    for old, new in zip(old_numbers, new_numbers):
        if old != new:
            if mapping.get(old, new) != new:
                return None
            mapping[old] = new
    if not mapping:
        return None
    in_target: dict[str, str] = {}
    for old, new in mapping.items():
        in_target[old] = new
        in_target.setdefault(old.translate(_SWAP_SEPARATORS), new.translate(_SWAP_SEPARATORS))
    numbers = set(NUMBER.findall(target))
    if not all(old in numbers or old.translate(_SWAP_SEPARATORS) in numbers for old in mapping):
        return None
    adjusted = NUMBER.sub(lambda m: in_target.get(m.group(0), m.group(0)), target)
    return adjusted, mapping


@dataclass(frozen=True)
class MemoryMatch:
    """A memory candidate for one segment and target language."""

    target: str
    score: int
    origin: str
    unit: TranslationUnit
    kind: str = "exact"
    source: str = ""  # the memory's source sentence
    penalty: int = 0
    note: str = ""  # e.g. the numbers a number-adjusted match replaced
    changes: int = 0  # how many numbers a number-adjusted match replaced

    @property
    def fuzzy(self) -> bool:
        """Whether a person must confirm it: anything but an unpenalised exact or in-context match."""
        return self.kind not in ("exact", "context") or self.score < 100

    @property
    def label(self) -> str:
        kind = "" if self.kind in ("exact", "context") else f"{self.kind} "
        extra = f" ({self.note})" if self.note else ""
        penalty = f" (penalty {self.penalty})" if self.penalty else ""
        return f"tm {kind}{self.score}% {self.origin}{extra}{penalty}"

    def as_dict(self) -> dict[str, object]:
        unit = self.unit
        return {
            "score": self.score,
            "kind": self.kind,
            "source": self.source,
            "target": self.target,
            "origin": self.origin,
            "line": unit.line,
            "tuid": unit.tuid,
            "penalty": self.penalty,
            "note": self.note,
            "creationdate": unit.creationdate,
            "creationid": unit.creationid,
            "changedate": unit.changedate,
            "changeid": unit.changeid,
        }


class NumberShapes:
    """The sentences with a number, by their text with the numbers masked: the hashes of the
    masked texts in a sorted array, not a dict of masked strings (60 MiB at 1M units); a sentence
    is checked when it is picked, so a hash collision costs a check, never a wrong match."""

    def __init__(self, texts: list[str]) -> None:
        ids = [i for i, text in enumerate(texts) if NUMBER.search(text)]
        hashes = np.fromiter((hash(mask_numbers(texts[i])) for i in ids), dtype=np.int64, count=len(ids))
        order = np.argsort(hashes, kind="stable")
        self._hashes, self._ids, self._texts = hashes[order], np.asarray(ids, dtype=np.int32)[order], texts

    def candidates(self, masked: str) -> list[int]:
        """Ascending ids of the sentences whose masked text hashes like masked."""
        code = hash(masked)
        start, end = np.searchsorted(self._hashes, code, "left"), np.searchsorted(self._hashes, code, "right")
        return self._ids[start:end].tolist()

    def same(self, sentence: int, masked: str) -> bool:
        return mask_numbers(self._texts[sentence]) == masked


@dataclass
class _SourceTable:
    """The distinct normalised sentences of one language and the units that hold each."""

    texts: list[str]
    ids: dict[str, int]
    members: Members  # sentence id -> unit positions
    shapes: NumberShapes | None = None
    index: FuzzyIndex | None = None


@dataclass
class Memory:
    """Units from one or more memory files, with exact, in-context, number-adjusted and fuzzy lookup."""

    paths: list[Path] = field(default_factory=list)
    units: UnitStore = field(default_factory=UnitStore)  # any iterable of units is stored as one
    cache_dir: Path | None = None
    index_min: int = INDEX_MIN_TEXTS
    _tables: dict[str, _SourceTable] = field(default_factory=dict, repr=False)
    _penalties: dict[str, int] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        if not isinstance(self.units, UnitStore):
            self.units = UnitStore(self.units)

    def extend(self, units: Iterable[TranslationUnit]) -> None:
        self.units.extend(units)
        self._tables.clear()

    def table(self, lang: str) -> _SourceTable:
        """The sentence table of a language (built on first use)."""
        table = self._tables.get(lang)
        if table is None:
            texts: list[str] = []
            ids: dict[str, int] = {}
            owners, positions = array("i"), array("i")
            for position, text in enumerate(self.units.column(lang)):
                if not text or not text.strip():
                    continue
                key = normalise(text)
                tid = ids.get(key)
                if tid is None:
                    tid = ids[key] = len(texts)
                    texts.append(key)
                owners.append(tid)
                positions.append(position)
            table = self._tables[lang] = _SourceTable(texts, ids, Members(owners, positions, len(texts)))
        return table

    def _penalty(self, origin: str) -> int:
        if origin not in self._penalties:
            self._penalties[origin] = file_penalty(origin)
        return self._penalties[origin]

    def _source(self, position: int, lang: str) -> str | None:
        text = self.units.text(position, lang)
        return normalise(text) if text else None

    def unit_context(self, position: int, lang: str) -> tuple[str, str] | None:
        """(previous, next) source sentence of a unit, "" at a document edge, None if unknown."""
        units = self.units
        props = units.props(position)
        if any(name in props for name in CONTEXT_PROPS):
            return tuple(normalise(props.get(name, "")) for name in CONTEXT_PROPS)  # type: ignore[return-value]
        doc = next((props[name] for name in DOCUMENT_PROPS if props.get(name)), None)
        if doc is None:
            return None

        def neighbour(step: int) -> str:
            other = position + step
            if not (0 <= other < len(units) and units.origin(other) == units.origin(position)):
                return ""
            same_doc = doc in (units.props(other).get(n) for n in DOCUMENT_PROPS)
            return (self._source(other, lang) or "") if same_doc else ""

        return neighbour(-1), neighbour(1)

    def _matches(
        self, positions: list[int], target: str, kind: str, score: int, source: str, translate=None
    ) -> list[tuple[int, MemoryMatch]]:
        """(unit position, match) for each unit with a target text (and numbers that fit)."""
        found = []
        for position in positions:
            text = self.units.text(position, target) or ""
            if not text.strip():
                continue
            note, changes = "", 0
            if translate is not None:
                adjusted = translate(text)
                if adjusted is None:
                    continue
                text, mapping = adjusted
                note = ", ".join(f"{old} -> {new}" for old, new in mapping.items())
                changes = len(mapping)
            unit = self.units[position]
            penalty = self._penalty(unit.origin)
            match = MemoryMatch(text, max(0, score - penalty), unit.origin, unit, kind, source, penalty, note, changes)
            found.append((position, match))
        return found

    def lookup(
        self,
        text: str,
        source: str,
        target: str,
        *,
        context: tuple[str, str] | None = None,
        limit: int = 5,
        threshold: int = DEFAULT_THRESHOLD,
        kinds: Iterable[str] = KINDS,
    ) -> list[MemoryMatch]:
        """Ranked candidates for a segment; context is its (previous, next) segment ("" at an edge)."""
        wanted = set(kinds)
        table = self.table(source)
        key = normalise(text)
        found: list[tuple[int, MemoryMatch]] = []
        tid = table.ids.get(key)
        if tid is not None and wanted & {"exact", "context"}:
            found += self._matches(table.members[tid], target, "exact", 100, key)
            if context is not None and "context" in wanted:
                want_context = tuple(normalise(c) for c in context)
                found = [(p, self._with_context(m, p, source, want_context)) for p, m in found]
            if "exact" not in wanted:
                found = [(p, m) for p, m in found if m.kind == "context"]
        if "number-adjusted" in wanted and NUMBER.search(key):
            found += self._number_adjusted(table, key, tid, target, limit)
        if "fuzzy" in wanted:
            seen = {p for p, _ in found}
            for other, ratio in self._fuzzy(table, key, limit * 2 + 2, threshold):
                if other != tid:
                    score = min(99, math.floor(ratio))
                    matches = self._matches(table.members[other], target, "fuzzy", score, table.texts[other])
                    found += [(p, m) for p, m in matches if p not in seen]
        return self._rank([m for _, m in found], threshold)[:limit]

    def _number_adjusted(
        self, table: _SourceTable, key: str, tid: int | None, target: str, limit: int
    ) -> list[tuple[int, MemoryMatch]]:
        """Matches of the sentences that differ from key only by numbers (the fewest changed first)."""
        if table.shapes is None:
            table.shapes = NumberShapes(table.texts)
        numbers, masked = NUMBER.findall(key), mask_numbers(key)
        same_shape = [i for i in table.shapes.candidates(masked) if i != tid]
        if len(same_shape) > limit + 2:  # keep those with the fewest changed numbers
            changed = {i: sum(a != b for a, b in zip(numbers, NUMBER.findall(table.texts[i]))) for i in same_shape}
            same_shape = sorted(same_shape, key=lambda i: (changed[i], i))
        shapes = table.shapes
        picked = list(islice((i for i in same_shape if shapes.same(i, masked)), limit + 2))
        found = []
        for other in picked:
            sentence = table.texts[other]
            found += self._matches(
                table.members[other],
                target,
                "number-adjusted",
                NUMBER_ADJUSTED_SCORE,
                sentence,
                lambda t, s=sentence: adjust_numbers(key, s, t),
            )
        return found

    def _with_context(self, match: MemoryMatch, position: int, lang: str, want: tuple[str, ...]) -> MemoryMatch:
        if self.unit_context(position, lang) == want:
            return MemoryMatch(
                match.target, 101 - match.penalty, match.origin, match.unit, "context", match.source, match.penalty
            )
        return match

    def _fuzzy(self, table: _SourceTable, key: str, limit: int, threshold: int) -> list[tuple[int, float]]:
        if len(table.texts) < self.index_min:
            return brute_force(key, table.texts, limit, threshold)
        if table.index is None:
            table.index = FuzzyIndex.cached(table.texts, self.cache_dir)
        return table.index.search(key, limit, threshold)

    @staticmethod
    def _rank(found: list[MemoryMatch], threshold: int) -> list[MemoryMatch]:
        """Best first; the same source and target from several units is listed once."""
        found = [m for m in found if m.kind in ("exact", "context") or m.score >= threshold - m.penalty]
        found.sort(key=lambda m: (m.origin, m.unit.line or 0))
        found.sort(key=lambda m: m.unit.changedate or m.unit.creationdate or "", reverse=True)  # newer first
        found.sort(key=lambda m: m.changes)
        found.sort(key=lambda m: (-m.score, _KIND_RANK[m.kind]))
        unique: dict[tuple[str, str], MemoryMatch] = {}
        for match in found:
            unique.setdefault((match.source, normalise(match.target)), match)
        return list(unique.values())

    def best(self, text: str, source: str, target: str, context: tuple[str, str] | None = None) -> MemoryMatch | None:
        """The top-ranked candidate, or None."""
        found = self.lookup(text, source, target, context=context, limit=1)
        return found[0] if found else None

    def exact(self, text: str, source: str, target: str) -> MemoryMatch | None:
        """The first unit (in file order) whose source text equals text and that has target."""
        tid = self.table(source).ids.get(normalise(text))
        if tid is None:
            return None
        found = self._matches(self.table(source).members[tid], target, "exact", 100, normalise(text))
        return found[0][1] if found else None


def load_memory(paths: Iterable[Path], cache_dir: Path | None = None) -> Memory:
    """Load every TMX named or found under the named directories (streaming)."""
    files = expand_files(paths, ".tmx", "memory")
    memory = Memory(paths=files, cache_dir=cache_dir if cache_dir is not None else default_cache_dir())
    for path in files:
        memory.extend(iter_tmx(path))
    return memory
