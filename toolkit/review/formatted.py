"""The translated file of a formatted release (a web page): each paragraph rebuilt from its
segments' proposals with their inline codes; a code a proposal lacks is put around the whole
segment (a pair) or at its end (a standalone code), and `check` reports it on the PO entry."""

from __future__ import annotations

from ..inline_place import complete_codes
from ..model import DocumentResult
from ..text.coded import Piece, replace_ranges


def formatted_translation(result: DocumentResult, target: str) -> tuple[str, bytes] | None:
    """The translated file's name and bytes, or None for a plain-text release."""
    release = result.formatted
    if release is None:
        return None
    by_paragraph: dict[int, list[tuple[int, int, str]]] = {}
    for segment in result.segments:
        if segment.place is None:
            continue
        paragraph, start, end = segment.place
        proposal = segment.targets.get(target)
        text = proposal.text if proposal and proposal.text else segment.coded
        by_paragraph.setdefault(paragraph, []).append((start, end, complete_codes(segment.coded, text)))
    pieces: dict[int, list[Piece]] = {}
    for paragraph, replacements in by_paragraph.items():
        pieces[paragraph] = replace_ranges(release.marked[paragraph], replacements)
    return release.output_name(result.document.doc_id, target), release.write(pieces, target)
