"""Formatted releases (web pages, Word documents) behind one interface: paragraphs of marked text
in, a Document for the segmenter, and the translated file out.

The release text the reader sees is the paragraphs' plain text with a blank line between
them, so that no block runs over two paragraphs; `locate` maps each block back to its
paragraph and offset, and `write` puts translated segments into the paragraphs they came from.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from ..errors import InputError
from ..inline import plain
from ..text.coded import Piece
from ..text.document import Block, Document, doc_id_for, parse_release
from .docx_file import docx_bytes, read_docx
from .html_page import fill_paragraph, page_bytes, parse_html_page, read_html_page

FORMATTED_SUFFIXES = (".html", ".htm", ".docx")
Writer = Callable[[Mapping[int, list[Piece]], str], bytes]
"""writer(pieces by paragraph, target language) -> the translated file's bytes"""
PARAGRAPH_BREAK = "\n\n"


def is_formatted(path: Path) -> bool:
    return Path(path).suffix.lower() in FORMATTED_SUFFIXES


@dataclass
class FormattedRelease:
    """A formatted input: its paragraphs' marked text and how to write a translated file."""

    path: Path
    suffix: str
    marked: list[str]
    writer: Writer
    data: bytes  # the file as read
    selector: str | None = None  # a web page's --html-content

    @cached_property
    def plains(self) -> list[str]:
        """Each paragraph's plain text (its marked text without the markers)."""
        return [plain(m) for m in self.marked]

    @property
    def text(self) -> str:
        return PARAGRAPH_BREAK.join(self.plains)

    def starts(self) -> list[int]:
        """Where each paragraph's plain text starts in `text`."""
        starts, at = [], 0
        for text in self.plains:
            starts.append(at)
            at += len(text) + len(PARAGRAPH_BREAK)
        return starts

    def locate(self, document: Document) -> dict[int, tuple[int, int]]:
        """For each block: its paragraph and the offset of its text in the paragraph."""
        starts = self.starts()
        located: dict[int, tuple[int, int]] = {}
        at = len(document.lead)
        for block in document.blocks:
            index = bisect_right(starts, at) - 1
            offset = at - starts[index]
            if offset + len(block.text) > len(self.plains[index]):
                raise InputError(f"block {block.index} runs over two paragraphs of the page", self.path)
            located[block.index] = (index, offset)
            at += len(block.text) + len(block.sep)
        return located

    def write(self, paragraphs: Mapping[int, list[Piece]], lang: str) -> bytes:
        """The file with the given paragraphs' content replaced (the rest as read)."""
        return self.writer(paragraphs, lang)

    def output_name(self, doc_id: str, lang: str) -> str:
        return f"{doc_id}.{lang}{self.suffix}"


def read_formatted(path: Path, lang: str, selector: str | None = None) -> tuple[Document, FormattedRelease]:
    """A formatted release as a Document (blocks and kinds as for a text release) and its
    paragraphs."""
    path = Path(path)
    release = _read_docx(path) if path.suffix.lower() == ".docx" else _read_html(path, selector)
    document = parse_release(release.text, lang, doc_id_for(path), path)
    release.locate(document)  # a block over two paragraphs is an error now, not at writing
    return document, release


def _read_html(path: Path, selector: str | None) -> FormattedRelease:
    page = read_html_page(path, selector)

    def write(paragraphs: Mapping[int, list[Piece]], lang: str) -> bytes:
        fresh = parse_html_page(page.data, path, selector)  # each language starts from the original
        for index, pieces in paragraphs.items():
            fill_paragraph(fresh.paragraphs[index], pieces)
        return page_bytes(fresh, lang)

    return FormattedRelease(path, path.suffix.lower(), [p.marked for p in page.paragraphs], write, page.data, selector)


def _read_docx(path: Path) -> FormattedRelease:
    release = read_docx(path)
    return FormattedRelease(
        path,
        ".docx",
        [p.marked for p in release.paragraphs],
        lambda pieces, _: docx_bytes(release, pieces),
        release.data,
    )


def block_ranges(
    blocks: Sequence[tuple[Block, list[tuple[int, int]]]], located: Mapping[int, tuple[int, int]]
) -> dict[int, list[tuple[int, int]]]:
    """The plain ranges of every segment of each paragraph, in order: blocks with their
    sentence spans (in block text offsets) mapped into their paragraphs."""
    ranges: dict[int, list[tuple[int, int]]] = {}
    for block, spans in blocks:
        paragraph, offset = located[block.index]
        ranges.setdefault(paragraph, []).extend((offset + a, offset + b) for a, b in spans)
    return ranges
