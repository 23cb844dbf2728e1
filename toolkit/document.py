"""Reading press releases into blocks that can be translated and put back together.

A release is plain UTF-8 text, one paragraph per line:

    headline                          HEADLINE (first non-empty line)
    06.12.2025 09:40:39 57            META (date, optional time, optional view count)
    Астана, 5 ноября 2025 г. – Text   DATELINE (before the dash) + PARAGRAPH (the rest)
    More text.                        PARAGRAPH
    Справочно: ...                    NOTE
    Источник информации : https://... SOURCE

Blocks hold their text stripped; everything between two blocks (line ends, blank lines,
trailing spaces, a dateline's dash) is the first block's ``sep``, so ``render({})``
gives back the normalised source exactly. A hard-wrapped paragraph (a line without final
punctuation followed by a line starting in lowercase, or, in a hard-wrapped text, a line
that fills the wrap width followed by any line) is one block whose text keeps the original
newline; the segmenter treats that newline as a space. A short line without final
punctuation (a heading) stays a block of its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import NamedTuple

from .errors import InputError
from .fsutil import read_utf8
from .langs import SUPPORTED, check_lang
from .segment import CLOSERS, OPENERS, WRAP_MAX


class BlockKind(str, Enum):
    """What a block of a release is."""

    HEADLINE = "headline"
    META = "meta"
    DATELINE = "dateline"
    PARAGRAPH = "paragraph"
    NOTE = "note"
    SOURCE = "source"


TRANSLATABLE: frozenset[BlockKind] = frozenset(
    {BlockKind.HEADLINE, BlockKind.DATELINE, BlockKind.PARAGRAPH, BlockKind.NOTE}
)

NOTE_LABELS: dict[str, tuple[str, ...]] = {
    "ru": ("Справочно", "Для справки"),
    "kk": ("Анықтама үшін", "Анықтама"),
    "en": ("For reference", "Background", "Notes to editors", "Note to editors"),
    "fr": ("Pour référence", "À titre de référence", "Pour mémoire", "Pour rappel"),
}
# Labels a source line starts with; those in SOURCE_LABELS_BARE need no colon after them.
SOURCE_LABELS: dict[str, tuple[str, ...]] = {
    "ru": ("Источник",),
    "kk": ("Дереккөз",),
    "en": ("Source of information", "Sources", "Source"),
    "fr": ("Sources", "Source"),
}
SOURCE_LABELS_BARE: dict[str, tuple[str, ...]] = {
    "ru": ("Источник информации",),
    "kk": ("Ақпарат көзі",),
    "en": (),
    "fr": (),
}
MONTHS: dict[str, tuple[str, ...]] = {
    "ru": (
        "январ[ья]",
        "феврал[ья]",
        "марта?",
        "апрел[ья]",
        "ма[йя]",
        "июн[ья]",
        "июл[ья]",
        "августа?",
        "сентябр[ья]",
        "октябр[ья]",
        "ноябр[ья]",
        "декабр[ья]",
    ),
    "kk": (
        r"қаңтар\w*",
        r"ақпан\w*",
        r"наурыз\w*",
        r"сәуір\w*",
        r"мамыр\w*",
        r"маусым\w*",
        r"шілде\w*",
        r"тамыз\w*",
        r"қыркүйек\w*",
        r"қазан\w*",
        r"қараша\w*",
        r"желтоқсан\w*",
    ),
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "Jan",
        "Feb",
        "Mar",
        "Apr",
        "Jun",
        "Jul",
        "Aug",
        "Sept?",
        "Oct",
        "Nov",
        "Dec",
    ),
    "fr": (
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
        "janv",
        "févr",
        "avr",
        "juil",
        "sept",
        "oct",
        "nov",
        "déc",
    ),
}
DATELINE_MAX = 120  # longest dateline prefix, in characters
WRAP_MIN = 40  # a hard-wrapped text has a longest line (its width) of WRAP_MIN..WRAP_MAX
WRAP_RATIO = 0.7  # a wrapped line fills at least this share of the width

_META = re.compile(
    r"(?:\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{4}-\d{2}-\d{2})"
    r"(?:,?\s+\d{1,2}:\d{2}(?::\d{2})?)?(?:\s+\d+)?"
)
URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_YEAR = re.compile(r"(?<!\d)(?:1[89]|2\d)\d\d(?!\d)")
_DATELINE_DASH = re.compile(r"[^\S\n]+[–—-][^\S\n]+")
_CLAUSE_END = tuple(".!?…:;")  # a tuple, so that "" (an empty last character) is not in it


def _alternation(words: tuple[str, ...]) -> str:
    return "|".join(words) if words else r"(?!)"


_NOTE_RE = {lang: re.compile(rf"(?:{_alternation(labels)})\s*:", re.IGNORECASE) for lang, labels in NOTE_LABELS.items()}
_SOURCE_RE = {
    lang: re.compile(
        rf"(?:{_alternation(SOURCE_LABELS_BARE[lang])})\b|(?:{_alternation(labels)})\s*:",
        re.IGNORECASE,
    )
    for lang, labels in SOURCE_LABELS.items()
}
_MONTH_RE = {lang: re.compile(rf"\b(?:{_alternation(words)})\b", re.IGNORECASE) for lang, words in MONTHS.items()}


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
        """Whether the block is translated (meta and source lines are kept verbatim)."""
        return self.kind in TRANSLATABLE


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
    fixed: bool  # a meta or source line: never joined with a neighbour


def normalise_text(text: str) -> str:
    """Drop a leading BOM and turn CRLF and CR line ends into LF."""
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n")


def doc_id_for(path: Path) -> str:
    """Document id from a file name: "visit.ru.txt" -> "visit", "a.b.txt" -> "a.b"."""
    name = Path(path).name
    if name.lower().endswith(".txt") and len(name) > 4:
        name = name[:-4]
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
            fixed = _is_meta(content) or _is_source(content, lang)
            yield _Unit(start, start + len(content), number, number, start, fixed)
        pos += len(raw) + 1


def _join_wrapped(norm: str, lines: Iterator[_Unit], lang: str, longest: int) -> list[_Unit]:
    """Merge hard-wrapped lines into the paragraph they continue."""
    units: list[_Unit] = []
    content_units = 0  # units that are not meta or source lines; the first is the headline
    for line in lines:
        headline = content_units == 1 and not units[-1].fixed
        if units and _continues(norm, units[-1], line, lang, longest, headline):
            prev = units[-1]
            units[-1] = prev._replace(end=line.end, last_line=line.line, last_start=line.start)
        else:
            units.append(line)
            content_units += not line.fixed
    return units


def is_wrapped_line(length: int, longest: int) -> bool:
    """Whether a line of this length, without final punctuation, belongs to a hard-wrapped
    paragraph rather than being a heading: the text's longest line (its wrap width) is
    between WRAP_MIN and WRAP_MAX and the line fills WRAP_RATIO of it."""
    return WRAP_MIN <= longest <= WRAP_MAX and length >= WRAP_RATIO * longest


def _continues(norm: str, prev: _Unit, line: _Unit, lang: str, longest: int, prev_is_headline: bool) -> bool:
    """Whether line is the wrapped continuation of the unit prev.

    The line before must end without final punctuation. A line starting in lowercase
    continues it; one starting otherwise does so only in a hard-wrapped text, when the line
    before fills the wrap width (is_wrapped_line) and is not the headline.
    """
    if prev.fixed or line.fixed or line.line != prev.last_line + 1:
        return False
    last = norm[prev.last_start : prev.end]
    if last.rstrip(CLOSERS)[-1:] in _CLAUSE_END:
        return False
    if not norm[line.start].islower() and (prev_is_headline or not is_wrapped_line(len(last), longest)):
        return False
    return _dateline_split(norm[line.start : line.end], lang) is None


def _classify(norm: str, units: list[_Unit], lang: str) -> list[tuple[BlockKind, int, int, int]]:
    """Assign kinds to units; split the dateline off the first paragraph."""
    spans: list[tuple[BlockKind, int, int, int]] = []
    for unit in units:
        text = norm[unit.start : unit.end]
        kind = _kind_of(text, lang, spans)
        split = None
        if kind in (BlockKind.HEADLINE, BlockKind.PARAGRAPH) and _only_front_matter(spans):
            split = _dateline_split(text, lang)
        if split is not None:
            prefix_end, body_start = split
            spans.append((BlockKind.DATELINE, unit.start, unit.start + prefix_end, unit.line))
            spans.append((BlockKind.PARAGRAPH, unit.start + body_start, unit.end, unit.line))
        else:
            spans.append((kind, unit.start, unit.end, unit.line))
    return spans


def _kind_of(text: str, lang: str, spans: list[tuple[BlockKind, int, int, int]]) -> BlockKind:
    """The kind of a unit from its text and the kinds before it."""
    if _is_meta(text):
        return BlockKind.META
    if _is_source(text, lang):
        return BlockKind.SOURCE
    if not any(kind not in (BlockKind.META, BlockKind.SOURCE) for kind, *_ in spans):
        return BlockKind.HEADLINE
    if _NOTE_RE[lang].match(text):
        return BlockKind.NOTE
    return BlockKind.PARAGRAPH


def _only_front_matter(spans: list[tuple[BlockKind, int, int, int]]) -> bool:
    """True while only a headline and meta lines came before."""
    return all(kind in (BlockKind.HEADLINE, BlockKind.META) for kind, *_ in spans)


def _is_meta(text: str) -> bool:
    return _META.fullmatch(text) is not None


def _is_source(text: str, lang: str) -> bool:
    return _SOURCE_RE[lang].match(text) is not None or URL.fullmatch(text) is not None


def _dateline_split(text: str, lang: str) -> tuple[int, int] | None:
    """(end of the dateline, start of the body) if text opens with "Place, date – ".

    The prefix before the dash must be at most DATELINE_MAX characters on one line, contain
    a comma and a year or month name of lang; the body must start like a sentence.
    """
    for dash in _DATELINE_DASH.finditer(text, 0, min(len(text), DATELINE_MAX + 8)):
        prefix = text[: dash.start()]
        if len(prefix) > DATELINE_MAX or "\n" in prefix:
            return None
        if "," not in prefix or not (_YEAR.search(prefix) or _MONTH_RE[lang].search(prefix)):
            continue
        body = text[dash.end() :]
        if body and (body[0].isupper() or body[0].isdigit() or body[0] in OPENERS):
            return len(prefix), dash.end()
    return None
