"""Translation units kept by column: a list per language and per field, no object per unit.

A million units as TranslationUnit objects take about 930 bytes each (the object, its variants
and props dicts, the strings); kept by column they take the strings and about 80 bytes. A unit
is made into a TranslationUnit when it is asked for (a new object each time: compare units by
position, not identity). Origins are kept once per distinct file, empty props not at all.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator, Sequence
from typing import overload

import numpy as np

from ..formats.tmx import DATE_ATTRS, TranslationUnit

_NO_LINE = -1


class UnitStore(Sequence[TranslationUnit]):
    """An append-only sequence of translation units, stored by column."""

    def __init__(self, units: Iterable[TranslationUnit] = ()) -> None:
        self._texts: dict[str, list[str | None]] = {}
        self._tuids: list[str | None] = []
        self._props: list[dict[str, str] | None] = []
        self._origins: list[str] = []
        self._origin_ids: dict[str, int] = {}
        self._origin_of = array("i")
        self._lines = array("q")
        self._dates: list[tuple[str | None, ...] | None] = []  # DATE_ATTRS, None when all are None
        self.extend(units)

    def append(self, unit: TranslationUnit) -> None:
        size = len(self._tuids)
        for lang, text in unit.variants.items():
            column = self._texts.get(lang)
            if column is None:
                column = self._texts[lang] = [None] * size
            column.append(text)
        for column in self._texts.values():
            if len(column) == size:
                column.append(None)
        self._tuids.append(unit.tuid)
        self._props.append(unit.props or None)
        origin = self._origin_ids.get(unit.origin)
        if origin is None:
            origin = self._origin_ids[unit.origin] = len(self._origins)
            self._origins.append(unit.origin)
        self._origin_of.append(origin)
        self._lines.append(_NO_LINE if unit.line is None else unit.line)
        dates = tuple(getattr(unit, name) for name in DATE_ATTRS)
        self._dates.append(None if dates.count(None) == len(dates) else dates)

    def extend(self, units: Iterable[TranslationUnit]) -> None:
        for unit in units:
            self.append(unit)

    def __len__(self) -> int:
        return len(self._tuids)

    @overload
    def __getitem__(self, position: int) -> TranslationUnit: ...

    @overload
    def __getitem__(self, position: slice) -> list[TranslationUnit]: ...

    def __getitem__(self, position: int | slice) -> TranslationUnit | list[TranslationUnit]:
        if isinstance(position, slice):
            return [self[i] for i in range(*position.indices(len(self)))]
        if position < 0:
            position += len(self)
        if not 0 <= position < len(self):
            raise IndexError("unit position out of range")
        variants = {lang: text for lang, column in self._texts.items() if (text := column[position]) is not None}
        line = self._lines[position]
        dates = dict(zip(DATE_ATTRS, self._dates[position] or (None,) * len(DATE_ATTRS)))
        return TranslationUnit(
            variants,
            self._tuids[position],
            self.props(position),
            self.origin(position),
            None if line == _NO_LINE else line,
            **dates,
        )

    def __iter__(self) -> Iterator[TranslationUnit]:
        return (self[i] for i in range(len(self)))

    def column(self, lang: str) -> Sequence[str | None]:
        """The text of every unit in lang (None where a unit has none)."""
        return self._texts.get(lang, [None] * len(self))

    def text(self, position: int, lang: str) -> str | None:
        column = self._texts.get(lang)
        return None if column is None else column[position]

    def props(self, position: int) -> dict[str, str]:
        return self._props[position] or {}

    def origin(self, position: int) -> str:
        return self._origins[self._origin_of[position]]


class Members:
    """Sentence id -> positions of the units that hold it, as two arrays (CSR), not a list per id."""

    def __init__(self, owners: array, positions: array, size: int) -> None:
        """owners[k]: the sentence id of the unit at positions[k] (positions ascending)."""
        ids = np.frombuffer(owners, dtype=np.int32) if len(owners) else np.empty(0, dtype=np.int32)
        order = np.argsort(ids, kind="stable")
        self._positions = (np.frombuffer(positions, dtype=np.int32) if len(positions) else ids)[order]
        self._offsets = np.zeros(size + 1, dtype=np.int64)
        np.cumsum(np.bincount(ids, minlength=size), out=self._offsets[1:])

    def __getitem__(self, sentence: int) -> list[int]:
        return self._positions[self._offsets[sentence] : self._offsets[sentence + 1]].tolist()

    def __len__(self) -> int:
        return len(self._offsets) - 1
