"""Finding glossary terms in a text or a file, and hits as JSON (`toolkit glossary find`)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..errors import InputError
from ..langs import check_lang
from .concept import TermHit
from .files import load_glossary, read_text
from .model import Glossary


def find_terms(text: str, lang: str, glossary: Glossary) -> list[TermHit]:
    """Glossary concepts in text (inflected forms included), longest non-overlapping matches."""
    return glossary.find(text, lang)


def find_terms_in_file(path: Path, lang: str, glossary_paths: Sequence[Path]) -> tuple[str, list[TermHit]]:
    """The text of a UTF-8 file and the concepts found in it (spans are offsets into the text)."""
    lang = check_lang(lang)
    glossary = load_glossary(glossary_paths)
    text = read_text(path, "text file")
    if not text.strip():
        raise InputError("no text (the file is empty)", path)
    return text, find_terms(text, lang, glossary)


def hit_dict(hit: TermHit, text: str | None = None) -> dict[str, object]:
    """A hit as a JSON-ready dict (with its 1-based line when the whole text is given)."""
    line = {"line": text.count("\n", 0, hit.start) + 1} if text is not None else {}
    return {
        "concept": hit.concept.id,
        "start": hit.start,
        "end": hit.end,
        "text": hit.text,
        **line,
        "variant": hit.variant,
        "kind": hit.kind,
        "status": hit.concept.status,
        "domain": hit.concept.domain,
    }
