"""`toolkit glossary suggest`: from a memory and the glossary to the draft glossary's text."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ...formats.glossary_csv import glossary_csv
from ...langs import check_lang, parse_targets
from ..files import glossary_files, load_glossary
from ..model import Glossary
from .draft import draft_concepts, glossary_terms
from .run import MIN_FREQUENCY, suggest


def _glossary(paths: Sequence[Path], out: Path | None) -> Glossary | None:
    """The glossary to skip known concepts with, without the output file (a rerun writing into
    glossaries/ must not take its own earlier draft for the glossary)."""
    files = glossary_files(paths) if paths else []
    if out is not None:
        files = [f for f in files if f.resolve() != out.resolve()]
    return load_glossary(files) if files else None


def suggest_draft(
    tmx: Path,
    source: str,
    targets_spec: str,
    glossary_paths: Sequence[Path],
    out: Path | None = None,
    limit: int | None = 50,
    min_frequency: int = MIN_FREQUENCY,
) -> tuple[str, str]:
    """The draft glossary CSV text and a one-line summary."""
    source = check_lang(source)
    targets = parse_targets(targets_spec, source)
    glossary = _glossary(glossary_paths, out)
    suggestions, units = suggest(tmx, source, targets, glossary, limit, min_frequency)
    taken = glossary_terms(glossary.concepts) if glossary else {}
    concepts = draft_concepts(suggestions, source, taken, str(tmx))
    summary = f"{len(concepts)} draft concepts from {len(units)} units of {tmx}"
    return glossary_csv(concepts), summary
