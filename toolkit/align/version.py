"""One version of a document as the aligner sees it: its sentences in order, each with the kind
of block it comes from. A release is read with the document layer (headline, dateline, metadata
and source lines, paragraphs) and segmented as `toolkit segment` prints it; a presegmented file
is one sentence per line, the line index being the sentence index."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..fsutil import read_utf8
from ..text.document import Document, block_sentence_spans, parse_release, read_release

LINE = "line"  # the kind of every sentence of a presegmented file


@dataclass(frozen=True)
class Sentence:
    """A sentence, the kind of its block (headline, meta, dateline, paragraph, note, source,
    chrome; `line` when presegmented), its block's index and the file line it starts on."""

    text: str
    kind: str
    block: int
    line: int


@dataclass(frozen=True)
class Version:
    """A document in one language: where it was read from and its sentences."""

    lang: str
    sentences: tuple[Sentence, ...]
    path: Path | None = None

    def __len__(self) -> int:
        return len(self.sentences)

    def texts(self) -> list[str]:
        return [s.text for s in self.sentences]


def segment_text(text: str, lang: str, path: Path | None = None) -> Version:
    """A release's text as a version (see version_of)."""
    return version_of(parse_release(text, lang, path=path))


def version_of(document: Document) -> Version:
    """A read release as a version: every block's segments, translatable or not."""
    lang = document.lang
    sentences = [
        Sentence(block.text[start:end], block.kind.value, block.index, block.line + block.text[:start].count("\n"))
        for block in document.blocks
        for start, end in block_sentence_spans(block, lang)
    ]
    return Version(lang, tuple(sentences), document.path)


def lines_version(text: str, lang: str, path: Path | None = None) -> Version:
    """One sentence per line, as given (a final newline ends the last line, not a new one)."""
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    sentences = [Sentence(line.rstrip("\r"), LINE, i, i + 1) for i, line in enumerate(lines)]
    return Version(lang, tuple(sentences), path)


def read_version(path: Path, lang: str, presegmented: bool = False) -> Version:
    """A file as a version: a release read and segmented, or one sentence per line."""
    if not presegmented:
        return version_of(read_release(Path(path), lang))
    text = read_utf8(Path(path), "document")
    if not text.strip():
        raise InputError("no text (the file is empty)", path)
    return lines_version(text, lang, Path(path))
