"""The units of an aligned memory that a suggestion run reads: the source text and the target
texts of every unit that has the source language."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ...errors import InputError
from ...formats.tmx import DOCUMENT_PROPS, iter_tmx


@dataclass(frozen=True)
class Unit:
    """One aligned unit: its texts by language and the document it came from."""

    number: int
    texts: dict[str, str]
    document: str = ""


def read_units(path: Path, source: str, targets: Sequence[str]) -> list[Unit]:
    """The units of a TMX file that have a source text. InputError (naming the file) for a file
    without units, without the source language, or without one of the target languages."""
    units: list[Unit] = []
    seen: set[str] = set()
    total = 0
    for tu in iter_tmx(path):
        total += 1
        texts = {lang: " ".join(text.split()) for lang, text in tu.variants.items() if text.strip()}
        seen.update(texts)
        if source not in texts:
            continue
        document = next((tu.props[p] for p in DOCUMENT_PROPS if p in tu.props), "")
        units.append(Unit(len(units), texts, document))
    if total == 0:
        raise InputError("no translation units in the memory", path)
    languages = ", ".join(sorted(seen)) or "none"
    if not units:
        raise InputError(f"no unit has a {source} text (languages here: {languages})", path)
    for target in targets:
        if not any(target in unit.texts for unit in units):
            raise InputError(f"no unit has both {source} and {target} texts (languages here: {languages})", path)
    return units
