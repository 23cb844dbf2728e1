"""The segments of a release: its translatable blocks split into sentences, each with the id
the review bundle knows it by and the glossary terms found in it. `translate` segments with
the glossary; `review apply` segments again, without one, to match reviewed entries."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from .formats.bundle import segment_id
from .glossary.model import Glossary
from .model import AlignedSegment, DocumentResult, Progress
from .text.document import Document, block_sentences


def segment_document(
    document: Document, glossary: Glossary | None = None, advance: Callable[[int], None] | None = None
) -> list[AlignedSegment]:
    """The translatable blocks split into sentences, each with its id and the glossary terms
    found in it (none without a glossary); advance(1) is called after each block."""
    segments: list[AlignedSegment] = []
    for block in document.blocks:
        if advance is not None:
            advance(1)
        if not block.translatable:
            continue
        for i, sentence in enumerate(block_sentences(block, document.lang)):
            terms = glossary.find(sentence, document.lang) if glossary is not None else []
            seg_id = segment_id(document.doc_id, block.index, i)
            segments.append(AlignedSegment(seg_id, document.doc_id, block, i, sentence, terms))
    return segments


def segment_contexts(segments: Sequence[AlignedSegment]) -> dict[str, tuple[str, str]]:
    """Each segment's previous and next source sentence in its document ("" at an edge)."""
    contexts: dict[str, tuple[str, str]] = {}
    for i, segment in enumerate(segments):
        before = segments[i - 1] if i > 0 and segments[i - 1].doc_id == segment.doc_id else None
        after = segments[i + 1] if i + 1 < len(segments) and segments[i + 1].doc_id == segment.doc_id else None
        contexts[segment.id] = (before.source if before else "", after.source if after else "")
    return contexts


def segment_releases(
    documents: Sequence[Document], glossary: Glossary | None = None, progress: Progress | None = None
) -> list[DocumentResult]:
    """segment_document for each document, with one progress bar over all their blocks."""
    advance = progress("segmenting, terms", sum(len(d.blocks) for d in documents)) if progress else None
    return [DocumentResult(doc, segment_document(doc, glossary, advance)) for doc in documents]
