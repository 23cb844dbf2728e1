"""The segments of a release: its translatable blocks split into sentences, each with the id
the review bundle knows it by and the glossary terms found in it. `translate` segments with
the glossary; `review apply` segments again, without one, to match reviewed entries."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from .formats.bundle import segment_id
from .formats.formatted import FormattedRelease, block_ranges
from .glossary.model import Glossary
from .inline import has_codes
from .model import AlignedSegment, DocumentResult, Progress
from .text.coded import slice_marked
from .text.document import Document, block_sentence_spans


def segment_document(
    document: Document,
    glossary: Glossary | None = None,
    advance: Callable[[int], None] | None = None,
    formatted: FormattedRelease | None = None,
) -> list[AlignedSegment]:
    """The translatable blocks split into sentences, each with its id and the glossary terms
    found in it (none without a glossary); advance(1) is called after each block. The
    segments of a formatted release also carry their paragraph, range and inline codes."""
    spans = [(block, block_sentence_spans(block, document.lang)) for block in document.blocks if block.translatable]
    located = formatted.locate(document) if formatted is not None else {}
    ranges = block_ranges(spans, located) if formatted is not None else {}
    by_block = {block.index: found for block, found in spans}
    segments: list[AlignedSegment] = []
    for block in document.blocks:
        if advance is not None:
            advance(1)
        for i, (start, end) in enumerate(by_block.get(block.index, [])):
            sentence = block.text[start:end]
            terms = glossary.find(sentence, document.lang) if glossary is not None else []
            seg_id = segment_id(document.doc_id, block.index, i)
            segment = AlignedSegment(seg_id, document.doc_id, block, i, sentence, terms)
            if formatted is not None:
                paragraph, offset = located[block.index]
                segment.place = (paragraph, offset + start, offset + end)
                marked = formatted.marked[paragraph]
                if has_codes(marked):
                    cut = slice_marked(marked, offset + start, offset + end, ranges[paragraph])
                    segment.marked = cut if has_codes(cut) else ""
            segments.append(segment)
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
    documents: Sequence[Document],
    glossary: Glossary | None = None,
    progress: Progress | None = None,
    formatted: Sequence[FormattedRelease | None] = (),
) -> list[DocumentResult]:
    """segment_document for each document (formatted[i]: the page behind document i, if any),
    with one progress bar over all their blocks."""
    advance = progress("segmenting, terms", sum(len(d.blocks) for d in documents)) if progress else None
    pages = list(formatted) or [None] * len(documents)
    return [
        DocumentResult(doc, segment_document(doc, glossary, advance, page), page) for doc, page in zip(documents, pages)
    ]
