"""Loading glossaries: the CSV files named or found in folders, parsed and checked together."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from ..errors import InputError
from ..formats.glossary_csv import parse_glossary_csv
from ..fsutil import read_utf8
from ..sources import expand_files
from .concept import Concept
from .model import Glossary


def read_text(path: Path, what: str = "glossary") -> str:
    """A glossary (or other) UTF-8 file's text; errors name the file and line."""
    return read_utf8(path, what)


def glossary_files(paths: Iterable[Path]) -> list[Path]:
    """The CSV files named or found under the named directories."""
    return expand_files(paths, ".csv", "glossary")


def load_glossary(paths: Iterable[Path]) -> Glossary:
    """Load every glossary CSV named or found under the named directories."""
    files = glossary_files(paths)
    glossary = Glossary(paths=files)
    for path in files:
        glossary.concepts.extend(parse_glossary_csv(read_text(path), path))
    check_relations(glossary.concepts)
    return glossary


def check_relations(concepts: Sequence[Concept]) -> None:
    """InputError (file and line of the concept) for a same_as or broader id that names no concept."""
    known = {c.id for c in concepts}
    for concept in concepts:
        for column, ids in (("same_as", concept.same_as), ("broader", concept.broader)):
            for other in ids:
                if other not in known:
                    where, _, line = concept.origin.rpartition(":")
                    raise InputError(
                        f"{column}: no concept {other!r}", Path(where), int(line) if line.isdigit() else None
                    )
