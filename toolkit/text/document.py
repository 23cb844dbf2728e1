"""Reading press releases into blocks that can be translated and put back together.

A release is plain UTF-8 text, one paragraph per line:

    Материал из архива                CHROME (page chrome: archive notice, "Поделиться", ...)
    headline                          HEADLINE (first line that is no meta, source or chrome)
    headline                          CHROME (the headline repeated)
    06.12.2025 09:40:39 57            META (dates, times, view counts, with or without labels)
    Фото: Акорда                      SOURCE (image credit)
    АСТАНА. KAZINFORM – Text          DATELINE (before the dash) + PARAGRAPH (the rest)
    More text.                        PARAGRAPH
    Справочно: ...                    NOTE
    Источник информации : https://... SOURCE (a labelled source or credit line, a bare URL)

Blocks hold their text stripped; everything between two blocks (line ends, blank lines,
trailing spaces, a dateline's dash) is the first block's ``sep``, so ``render({})``
gives back the normalised source exactly. Meta, source and chrome blocks are kept verbatim
(not translatable).

The dateline (toolkit.text.dateline) is looked for in the first paragraph after the front matter
(headline, meta, chrome and source lines) and split off it.

Lines are joined into one block when a line break falls inside a sentence: the line before
has no final punctuation and the next line starts in lowercase; or the line before stops
inside a sentence (text.sentences.line_is_open: a comma, a dash, a preposition, a conjunction, a
Kazakh genitive); or it opens with a dateline; or, unless it is the headline, it already
holds a sentence end or continues a joined line, or (in a hard-wrapped text) it fills the
wrap width. A block keeps its newlines; its segments are block_sentences(block, lang) (a
dateline is one segment; the sentences of the other translatable blocks are
``split_sentences(block.text, lang, headings=False)``). A short line without final
punctuation (a heading) stays a block of its own.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import NamedTuple

from ..errors import InputError
from ..fsutil import read_utf8
from ..langs import SUPPORTED, check_lang
from .dateline import dateline_split
from .lines import chrome_key, is_chrome, is_meta, is_note, is_source
from .rules import CLOSERS, WRAP_MAX
from .sentences import line_is_open, sentence_spans


class BlockKind(str, Enum):
    """What a block of a release is."""

    HEADLINE = "headline"
    META = "meta"
    CHROME = "chrome"  # page chrome pasted with the release: share buttons, archive notices, a repeated headline
    DATELINE = "dateline"
    PARAGRAPH = "paragraph"
    NOTE = "note"
    SOURCE = "source"


TRANSLATABLE: frozenset[BlockKind] = frozenset(
    {BlockKind.HEADLINE, BlockKind.DATELINE, BlockKind.PARAGRAPH, BlockKind.NOTE}
)
# Kinds whose block is one segment, never split into sentences.
_WHOLE: frozenset[BlockKind] = frozenset({BlockKind.DATELINE, BlockKind.META, BlockKind.CHROME, BlockKind.SOURCE})
# Kinds that may come before the dateline.
FRONT_MATTER: frozenset[BlockKind] = frozenset({BlockKind.HEADLINE, BlockKind.META, BlockKind.CHROME, BlockKind.SOURCE})

WRAP_MIN = 40  # a hard-wrapped text has a longest line (its width) of WRAP_MIN..WRAP_MAX
WRAP_RATIO = 0.7  # a wrapped line fills at least this share of the width

_CLAUSE_END = tuple(".!?…:;")  # a tuple, so that "" (an empty last character) is not in it


@dataclass(frozen=True)
class Block:
    """One block of a release: its stripped text and the exact text that follows it."""

    index: int
    kind: BlockKind
    text: str
    sep: str
    line: int

    @property
    def translatable(self) -> bool:
        """Whether the block is translated (meta, chrome and source lines are kept verbatim)."""
        return self.kind in TRANSLATABLE


def block_sentence_spans(block: Block, lang: str) -> list[tuple[int, int]]:
    """Offsets [start, end) of the segments of a block in its text: the sentences of a
    headline, paragraph or note (its line breaks were judged by the reader, so none ends a
    heading: split_sentences(..., headings=False)); a dateline, meta, chrome or source block
    is one segment («Астана. 23 февраля. KAZAKHSTAN TODAY» is not three sentences)."""
    if block.kind in _WHOLE:
        return [(0, len(block.text))] if block.text else []
    return sentence_spans(block.text, lang, headings=False)


def block_sentences(block: Block, lang: str) -> list[str]:
    """The segments of a block (see block_sentence_spans)."""
    return [block.text[start:end] for start, end in block_sentence_spans(block, lang)]


@dataclass(frozen=True)
class Document:
    """A parsed release. ``lead`` is whitespace before the first block (normally "")."""

    doc_id: str
    lang: str
    path: Path | None
    blocks: tuple[Block, ...]
    lead: str = ""

    def render(self, texts: Mapping[int, str] | None = None) -> str:
        """The document with block texts replaced by texts[index] where given."""
        texts = texts or {}
        parts = [self.lead]
        for block in self.blocks:
            parts.append(texts.get(block.index, block.text))
            parts.append(block.sep)
        return "".join(parts)


class _Unit(NamedTuple):
    """Stripped content of one or more joined lines: offsets into the normalised text."""

    start: int
    end: int
    line: int  # first line number (1-based)
    last_line: int  # last line number
    last_start: int  # offset where the content of the last line starts
    fixed: bool  # a meta, source or chrome line: never joined with a neighbour
    dated: bool = False  # the first line opens with a dateline


def normalise_text(text: str) -> str:
    """Drop a leading BOM and turn CRLF and CR line ends into LF."""
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n")


def doc_id_for(path: Path) -> str:
    """Document id from a file name: "visit.ru.txt" -> "visit", "a.b.txt" -> "a.b", "page.html" -> "page" (and .htm, .docx)."""
    name = Path(path).name
    for suffix in (".txt", ".html", ".htm", ".docx"):
        if name.lower().endswith(suffix) and len(name) > len(suffix):
            name = name[: -len(suffix)]
            break
    stem, dot, suffix = name.rpartition(".")
    if dot and stem and suffix.lower() in SUPPORTED:
        name = stem
    return name


def read_release(path: Path, lang: str) -> Document:
    """Read a UTF-8 release file (BOM and CRLF allowed) into a Document."""
    lang = check_lang(lang)
    path = Path(path)
    text = read_utf8(path, "release file")
    if not text.strip():
        raise InputError("no text (the file is empty)", path)
    return parse_release(text, lang, doc_id_for(path), path)


def parse_release(text: str, lang: str, doc_id: str = "doc", path: Path | None = None) -> Document:
    """Split release text into blocks (see the module docstring for the rules)."""
    lang = check_lang(lang)
    norm = normalise_text(text)
    longest = max((len(line.strip()) for line in norm.split("\n")), default=0)
    spans = _classify(norm, _join_wrapped(norm, _lines(norm, lang), lang, longest), lang)
    blocks = []
    for index, (kind, start, end, line) in enumerate(spans):
        following = spans[index + 1][1] if index + 1 < len(spans) else len(norm)
        blocks.append(Block(index, kind, norm[start:end], norm[end:following], line))
    lead = norm[: spans[0][1]] if spans else norm
    return Document(doc_id, lang, path, tuple(blocks), lead)


def _lines(norm: str, lang: str) -> Iterator[_Unit]:
    """One unit per non-blank line, with its content stripped."""
    pos = 0
    for number, raw in enumerate(norm.split("\n"), start=1):
        content = raw.strip()
        if content:
            start = pos + len(raw) - len(raw.lstrip())
            fixed = is_meta(content) or is_source(content) or is_chrome(content)
            dated = not fixed and dateline_split(content, lang) is not None
            yield _Unit(start, start + len(content), number, number, start, fixed, dated)
        pos += len(raw) + 1


def _join_wrapped(norm: str, lines: Iterator[_Unit], lang: str, longest: int) -> list[_Unit]:
    """Merge lines broken inside a sentence into the paragraph they continue; a line that
    repeats the headline is made fixed (it is chrome)."""
    units: list[_Unit] = []
    headline = _Headline(norm)
    for line in lines:
        if not line.fixed and headline.repeated_by(line):
            line = line._replace(fixed=True)
        prev_is_headline = bool(units) and headline.index == len(units) - 1
        if units and _continues(norm, units[-1], line, lang, longest, prev_is_headline):
            units[-1] = units[-1]._replace(end=line.end, last_line=line.line, last_start=line.start)
            if prev_is_headline:
                headline.unit = units[-1]
        else:
            units.append(line)
            if headline.unit is None and not line.fixed:
                headline.index, headline.unit = len(units) - 1, line
    return units


class _Headline:
    """The headline unit while lines are joined, and whether a line repeats it."""

    def __init__(self, norm: str) -> None:
        self.norm = norm
        self.index = -1
        self.unit: _Unit | None = None
        self._key: tuple[int, int, str] | None = None  # (start, end, key) of the unit last keyed

    def repeated_by(self, line: _Unit) -> bool:
        """Whether line says what the headline says (case and spacing aside). A line of a
        very different length is not compared, so no long text is keyed for a short line."""
        unit = self.unit
        if unit is None:
            return False
        size, length = unit.end - unit.start, line.end - line.start
        if not size // 2 <= length <= 2 * size + 8:
            return False
        if self._key is None or self._key[:2] != (unit.start, unit.end):
            self._key = (unit.start, unit.end, chrome_key(self.norm[unit.start : unit.end]))
        return chrome_key(self.norm[line.start : line.end]) == self._key[2]


def is_wrapped_line(length: int, longest: int) -> bool:
    """Whether a line of this length, without final punctuation, belongs to a hard-wrapped
    paragraph rather than being a heading: the text's longest line (its wrap width) is
    between WRAP_MIN and WRAP_MAX and the line fills WRAP_RATIO of it."""
    return WRAP_MIN <= longest <= WRAP_MAX and length >= WRAP_RATIO * longest


def _continues(norm: str, prev: _Unit, line: _Unit, lang: str, longest: int, prev_is_headline: bool) -> bool:
    """Whether line goes on with the sentence the unit prev left open (module docstring).

    The line before must end without final punctuation and the line must open no dateline.
    A line starting in lowercase goes on; otherwise the line before must stop inside a
    sentence (line_is_open) or open with a dateline, or, unless it is the headline, hold a
    sentence end, continue a joined line, or fill the wrap width of a hard-wrapped text.
    """
    if prev.fixed or line.fixed or line.line != prev.last_line + 1:
        return False
    last = norm[prev.last_start : prev.end]
    if last.rstrip(CLOSERS)[-1:] in _CLAUSE_END or line.dated:
        return False
    if prev_is_headline and prev.dated:  # a release without a headline: its first line must be a clear dateline
        newline = norm.find("\n", prev.start, prev.end)
        first_line = norm[prev.start : prev.end if newline < 0 else newline]
        prev = prev._replace(dated=dateline_split(first_line, lang, strict=True) is not None)
    if norm[line.start].islower() or prev.dated or line_is_open(last, lang):
        return True
    if prev_is_headline:
        return False
    if prev.line != prev.last_line or is_wrapped_line(len(last), longest):
        return True
    return len(sentence_spans(last, lang, headings=False)) > 1


def _classify(norm: str, units: list[_Unit], lang: str) -> list[tuple[BlockKind, int, int, int]]:
    """Assign kinds to units; split the dateline off the first paragraph."""
    spans: list[tuple[BlockKind, int, int, int]] = []
    headline = ""
    for unit in units:
        text = norm[unit.start : unit.end]
        kind = _kind_of(text, lang, spans, headline)
        if kind is BlockKind.HEADLINE:
            headline = chrome_key(text)
        split = None
        if kind in (BlockKind.HEADLINE, BlockKind.PARAGRAPH) and _only_front_matter(spans):
            split = dateline_split(text, lang, strict=kind is BlockKind.HEADLINE)
        if split is not None:
            prefix_end, body_start = split
            spans.append((BlockKind.DATELINE, unit.start, unit.start + prefix_end, unit.line))
            spans.append((BlockKind.PARAGRAPH, unit.start + body_start, unit.end, unit.line))
        else:
            spans.append((kind, unit.start, unit.end, unit.line))
    return spans


def _kind_of(text: str, lang: str, spans: list[tuple[BlockKind, int, int, int]], headline: str) -> BlockKind:
    """The kind of a unit from its text, the kinds before it and the headline's key."""
    if is_meta(text):
        return BlockKind.META
    if is_source(text):
        return BlockKind.SOURCE
    if is_chrome(text) or (headline and chrome_key(text) == headline):
        return BlockKind.CHROME
    if all(kind in (BlockKind.META, BlockKind.SOURCE, BlockKind.CHROME) for kind, *_ in spans):
        return BlockKind.HEADLINE
    if is_note(text, lang):
        return BlockKind.NOTE
    return BlockKind.PARAGRAPH


def _only_front_matter(spans: list[tuple[BlockKind, int, int, int]]) -> bool:
    """True while only a headline, meta, chrome and source lines came before."""
    return all(kind in FRONT_MATTER for kind, *_ in spans)
