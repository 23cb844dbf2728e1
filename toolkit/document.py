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

The dateline is looked for in the first paragraph after the front matter (headline, meta,
chrome and source lines): a place, then optional parts separated by commas, periods or
spaced dashes, then a spaced dash of any kind and a body that starts like a sentence. The
place is one to four capitalised words (any case: «Астана», «АСТАНА», «Нур-Султан», «Washington,
D.C.», with «г.», «гг.», «қ.» and connectors such as «de», «sur»); a part is another place
(«ASTANA, Kazakhstan»), a date in any of the four languages' forms («23 февраля», «5 мая 2021
года», «2026 жылғы 3 наурыз», «March 3, 2026», «le 3 mars 2026», «06.12.2025»), or an agency
name in capitals or with an inner capital («KAZINFORM», «KAZAKHSTAN TODAY», «ҚазАқпарат»),
or a bracketed or slashed credit («(Kazinform)», «/Дана Сейткали/»). The prefix needs a date,
an agency, a place marker («г.», «қаласы») or a place in capitals (four letters or more, «ASTANA –»);
no other word may stand in it («Астана, столица страны – …» is no dateline). In the very first
line (a release without a headline) it needs a date or an agency.

Lines are joined into one block when a line break falls inside a sentence: the line before
has no final punctuation and the next line starts in lowercase; or the line before stops
inside a sentence (segment.line_is_open: a comma, a dash, a preposition, a conjunction, a
Kazakh genitive); or it opens with a dateline; or, unless it is the headline, it already
holds a sentence end or continues a joined line, or (in a hard-wrapped text) it fills the
wrap width. A block keeps its newlines; its segments are block_sentences(block, lang) (a
dateline is one segment; the sentences of the other translatable blocks are
``split_sentences(block.text, lang, headings=False)``). A short line without final
punctuation (a heading) stays a block of its own.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from enum import Enum
from functools import cache
from pathlib import Path
from typing import NamedTuple

from .errors import InputError
from .fsutil import read_utf8
from .langs import SUPPORTED, check_lang
from .patterns import URL
from .segment import CLOSERS, DASHES, OPENERS, WRAP_MAX, data_file, line_is_open, parse_sections, sentence_spans


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

NOTE_LABELS: dict[str, tuple[str, ...]] = {
    "ru": ("Справочно", "Для справки"),
    "kk": ("Анықтама үшін", "Анықтама"),
    "en": ("For reference", "Background", "Notes to editors", "Note to editors"),
    "fr": ("Pour référence", "À titre de référence", "Pour mémoire", "Pour rappel", "Pour information"),
}
# Labels a source or credit line starts with, followed by a colon or a spaced dash; those in
# SOURCE_LABELS_BARE need nothing after them. The labels of all four languages are
# recognised in a release of any language («Photo: Akorda» in a Russian release).
SOURCE_LABELS: dict[str, tuple[str, ...]] = {
    "ru": (
        "Источник информации",
        "Источники",
        "Источник фото",
        "Источник",
        "Фото и видео",
        "Автор фото",
        "Фото",
        "Видео",
    ),
    "kk": ("Ақпарат көзі", "Дереккөздер", "Дереккөз", "Сурет көзі", "Суреттер", "Сурет", "Фото", "Бейне"),
    "en": (
        "Source of information",
        "Sources",
        "Source",
        "Photo credits",
        "Photo credit",
        "Photos",
        "Photo",
        "Image credit",
        "Image",
        "Video",
    ),
    "fr": (
        "Source de l'information",
        "Source de l’information",
        "Sources",
        "Source",
        "Crédits photo",
        "Crédit photo",
        "Photos",
        "Photo",
        "Vidéo",
    ),
}
SOURCE_LABELS_BARE: dict[str, tuple[str, ...]] = {
    "ru": ("Источник информации",),
    "kk": ("Ақпарат көзі",),
    "en": (),
    "fr": (),
}
# Labels of metadata lines: a publication date or a view count.
META_LABELS: tuple[str, ...] = (
    "Дата публикации",
    "Опубликовано",
    "Обновлено",
    "Дата",
    "Жарияланған күні",
    "Жарияланды",
    "Жаңартылды",
    "Күні",
    "Published on",
    "Published",
    "Posted on",
    "Posted",
    "Updated",
    "Date",
    "Date de publication",
    "Publié le",
    "Publié",
    "Mis à jour le",
    "Mis à jour",
)
VIEW_LABELS: tuple[str, ...] = (
    "Просмотров",
    "Просмотры",
    "Просмотрено",
    "Қаралым саны",
    "Қаралым",
    "Қаралды",
    "Views",
    "Vues",
    "Lectures",
)
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
META_MAX = 100  # longest metadata line
CAPS_PLACE_MIN = 4  # letters of a place in capitals that is a dateline by itself («ASTANA –»)

_DASH = "[" + re.escape(DASHES + "‒―") + "]"  # a dash of any kind
_DATELINE_DASH = re.compile(rf"[^\S\n]+{_DASH}[^\S\n]+")
_CLAUSE_END = tuple(".!?…:;")  # a tuple, so that "" (an empty last character) is not in it


def _alternation(words: tuple[str, ...]) -> str:
    return "|".join(words) if words else r"(?!)"


def _labels(table: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    """The labels of all languages, longest first, as regex alternatives."""
    words = {re.escape(label).replace("'", "['’]") for labels in table.values() for label in labels}
    return tuple(sorted(words, key=len, reverse=True))


_ALL_MONTHS = _alternation(tuple(dict.fromkeys(word for words in MONTHS.values() for word in words)))
_NOTE_RE = {lang: re.compile(rf"(?:{_alternation(labels)})\s*:", re.IGNORECASE) for lang, labels in NOTE_LABELS.items()}
_SOURCE_RE = re.compile(
    rf"(?:{_alternation(_labels(SOURCE_LABELS_BARE))})\b"
    rf"|(?:{_alternation(_labels(SOURCE_LABELS))})\s*(?::|{_DASH}\s)",
    re.IGNORECASE,
)

# Metadata lines: items (dates, times, view counts) separated by commas, bars, dots or
# spaces, after an optional label, with an optional count at the end («06.12.2025 09:40:39 57»).
_NUM_DATE = r"\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{4}-\d{2}-\d{2}"
_YEAR_WORD = r"(?:г\.|года|году|жылғы|жыл|ж\.)"
_WORD_DATE = (
    rf"(?:\d{{1,2}}(?:er)?\s+(?:{_ALL_MONTHS})\.?(?:,?\s+\d{{4}})?"
    rf"|(?:{_ALL_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"
    rf"|\d{{4}}\s+(?:жылғы|ж\.)\s+\d{{1,2}}\s+(?:{_ALL_MONTHS}))(?:\s+{_YEAR_WORD})?"
)
_TIME = r"\d{1,2}:\d{2}(?::\d{2})?|\d{1,2}\s?h\s?\d{2}"
_VIEWS = rf"(?:{_alternation(VIEW_LABELS)})\s*:?\s*\d{{1,3}}(?:[ \u00a0]\d{{3}})*"
_META_ITEM = rf"(?:{_NUM_DATE}|{_WORD_DATE}|{_TIME}|{_VIEWS})"
_META = re.compile(
    rf"(?:(?:{_alternation(_labels({'all': META_LABELS}))})\s*:?\s*)?"
    rf"{_META_ITEM}(?:(?:\s*[,|·•/]\s*|\s+)(?:(?:в|at|à)\s+)?{_META_ITEM})*(?:\s+\d+)?",
    re.IGNORECASE,
)

# Datelines (see the module docstring).
_DATELINE_PARTS = re.compile(rf"\s*(?:[,;]|\.(?=\s)|(?<=\s){_DASH}(?=\s))\s*")
_CREDIT = re.compile(r"\s*(?:\([^()\n]{1,40}\)|/[^/\n]{1,40}/)\Z")
_PLACE_MARKERS = frozenset(  # words that mark a place name: «г. Астана», «Брюссель қ.», «Астана қаласы»
    {"г", "гг", "город", "с", "село", "пос", "пгт", "обл", "область", "район"}
    | {"қ", "қаласы", "облысы", "ауданы", "ауылы", "кенті"}
)
_PLACE_CONNECTORS = frozenset(
    {"de", "du", "des", "la", "le", "les", "sur", "en", "on", "upon", "am", "an", "del", "di", "da", "d'", "l'", "of"}
)
_DATE_WORDS = frozenset({"г", "года", "году", "жылғы", "жыл", "ж", "le", "the", "of"})
_DAY = re.compile(r"\d{1,2}(?:[-–]\d{1,2})?(?:er|st|nd|rd|th)?|(?:1[89]|2\d)\d\d")
_DATE_ANCHOR = re.compile(rf"(?:{_NUM_DATE})\Z|(?:1[89]|2\d)\d\d\Z")
_MONTH_WORD = re.compile(rf"(?:{_ALL_MONTHS})\Z", re.IGNORECASE)


@dataclass(frozen=True)
class Chrome:
    """Page chrome phrases (data/segment/chrome.txt), normalised by _chrome_key."""

    phrases: frozenset[str]
    notices: tuple[str, ...]  # phrases that may go on after a mark
    networks: frozenset[str]


@cache
def chrome_phrases() -> Chrome:
    """The packaged page chrome phrases of all languages."""
    phrases: set[str] = set()
    notices: list[str] = []
    networks: set[str] = set()
    text = data_file("chrome.txt").decode("utf-8")
    for raw in text.splitlines():
        content = raw.split("#", 1)[0].strip()
        if not content or (content.startswith("[") and content.endswith("]")):
            continue
        if content.endswith(" ..."):
            notices.append(_chrome_key(content[:-4]))
        else:
            phrases.add(_chrome_key(content))
    networks.update(word.casefold() for word in parse_sections(text).get("networks", []))
    return Chrome(frozenset(phrases - {_chrome_key(w) for w in networks}), tuple(notices), frozenset(networks))


def _chrome_key(text: str) -> str:
    """Case-folded text with single spaces, ’ as ', without a final : . ! or …."""
    return " ".join(text.replace("’", "'").casefold().split()).rstrip(" :.!…")


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
            fixed = is_meta(content) or is_source(content) or is_chrome(content)
            dated = not fixed and _dateline_split(content, lang) is not None
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
            self._key = (unit.start, unit.end, _chrome_key(self.norm[unit.start : unit.end]))
        return _chrome_key(self.norm[line.start : line.end]) == self._key[2]


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
        prev = prev._replace(dated=_dateline_split(first_line, lang, strict=True) is not None)
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
            headline = _chrome_key(text)
        split = None
        if kind in (BlockKind.HEADLINE, BlockKind.PARAGRAPH) and _only_front_matter(spans):
            split = _dateline_split(text, lang, strict=kind is BlockKind.HEADLINE)
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
    if is_chrome(text) or (headline and _chrome_key(text) == headline):
        return BlockKind.CHROME
    if all(kind in (BlockKind.META, BlockKind.SOURCE, BlockKind.CHROME) for kind, *_ in spans):
        return BlockKind.HEADLINE
    if _NOTE_RE[lang].match(text):
        return BlockKind.NOTE
    return BlockKind.PARAGRAPH


def _only_front_matter(spans: list[tuple[BlockKind, int, int, int]]) -> bool:
    """True while only a headline, meta, chrome and source lines came before."""
    return all(kind in FRONT_MATTER for kind, *_ in spans)


def is_meta(text: str) -> bool:
    """A metadata line: dates, times and view counts («06.12.2025 09:40:39 57», «12 марта
    2026, 14:37», «Просмотров: 1 845», «Publié le 18 novembre 2025 à 16 h 05»)."""
    return len(text) <= META_MAX and _META.fullmatch(text) is not None


def is_source(text: str) -> bool:
    """A source or credit line: a label of any language with a colon or a spaced dash
    («Источник: Kazinform», «Дереккөз: …», «Photo: Akorda press service», «Source de
    l'information : …»), a bare label («Источник информации …»), or a bare URL."""
    return _SOURCE_RE.match(text) is not None or URL.fullmatch(text.rstrip(".,;:!?)")) is not None


def is_chrome(text: str) -> bool:
    """A line of page chrome (data/segment/chrome.txt): a share or print button, an archive
    notice, a row of social network names."""
    if len(text) > 160:
        return False
    chrome = chrome_phrases()
    key = _chrome_key(text)
    if key in chrome.phrases:
        return True
    for notice in chrome.notices:
        if key.startswith(notice) and (len(key) == len(notice) or key[len(notice)] in ".:!–—-"):
            return True
    head, colon, rest = key.partition(":")
    words = re.split(r"[\s,|·/•]+", rest if colon else key)
    named = [word for word in words if word]
    return (not colon or head.strip() in chrome.phrases) and bool(named) and all(w in chrome.networks for w in named)


def _dateline_split(text: str, lang: str, strict: bool = False) -> tuple[int, int] | None:
    """(end of the dateline, start of the body) if text opens with a dateline (module
    docstring), else None. strict: the prefix must hold a date or an agency."""
    for dash in _DATELINE_DASH.finditer(text, 0, min(len(text), DATELINE_MAX + 8)):
        prefix = text[: dash.start()]
        if len(prefix) > DATELINE_MAX or "\n" in prefix:
            return None
        body = text[dash.end() :]
        if not body or not (body[0].isupper() or body[0].isdigit() or body[0] in OPENERS):
            continue
        if _is_dateline(prefix, strict):
            return len(prefix), dash.end()
    return None


def _is_dateline(prefix: str, strict: bool) -> bool:
    """Whether the text before a dateline dash is a dateline: a place, then places, dates
    and agencies (module docstring)."""
    parts = [part.rstrip(".") for part in _DATELINE_PARTS.split(prefix.strip())]
    seen = {"place": 0, "date": 0, "agency": 0, "marker": 0}
    anchored = False  # a month name, a year or a numeric date
    first = ""  # the first place
    for part in filter(None, parts):
        credit = _CREDIT.search(part)
        if credit is not None:
            seen["agency"] += 1
            part = part[: credit.start()]
        kind = _part_kind(part, first_place=not seen["place"]) if part else "credit"
        if kind is None:
            return False  # a word that is no place, date or agency, or no place first
        if kind in seen:
            seen[kind] += 1
        anchored = anchored or (kind == "date" and _has_date_anchor(part))
        first = first or (part if kind == "place" else "")
    if not seen["place"] or (seen["date"] and not anchored):
        return False
    if strict:
        return bool(seen["date"] or seen["agency"])
    caps = first.isupper() and sum(char.isalpha() for char in first) >= CAPS_PLACE_MIN
    return bool(seen["date"] or seen["agency"] or seen["marker"] or caps or _place_marker_inside(first))


def _part_kind(part: str, first_place: bool) -> str | None:
    """What a part of a dateline is: "marker" («г», «гг», «қ»), "date", "agency", "place",
    or None for anything else. Before the first place, only a marker or a place may stand."""
    if part.lower() in _PLACE_MARKERS:
        return "marker"
    if first_place:
        return "place" if _is_place(part) else None
    if _is_date(part):
        return "date"
    if _is_agency(part):
        return "agency"
    if _is_place(part):
        return "place"
    return None


def _is_place(part: str) -> bool:
    """One to four words, capitalised except connectors and place markers, no digits:
    «Астана», «NUR-SULTAN», «Брюссель қ», «Washington», «D.C», «Rio de Janeiro»."""
    words = part.split()
    if not 1 <= len(words) <= 4 or not words[0][:1].isupper():
        return False
    for word in words:
        if any(char.isdigit() for char in word):
            return False
        bare = word.rstrip(".").lower()
        if word[:1].isupper() or bare in _PLACE_CONNECTORS or bare in _PLACE_MARKERS:
            continue
        return False
    return True


def _place_marker_inside(part: str) -> bool:
    """«Брюссель қ», «г Астана»: a place written with a marker word."""
    return any(word.rstrip(".").lower() in _PLACE_MARKERS for word in part.split())


def _is_date(part: str) -> bool:
    """Only day numbers, years, month names (any of the four languages), numeric dates and
    the words around dates («г.», «года», «жылғы», «le»): «23 февраля», «2026 жылғы 3 наурыз»,
    «March 3», «le 3 mars 2026», «06.12.2025»."""
    words = part.replace(",", " ").split()
    if not words:
        return False
    for word in words:
        bare = word.rstrip(".")
        if _DAY.fullmatch(bare) or _DATE_ANCHOR.match(bare) or _MONTH_WORD.match(bare):
            continue
        if bare.lower() in _DATE_WORDS:
            continue
        return False
    return True


def _has_date_anchor(part: str) -> bool:
    """Whether a date part holds a month name, a year or a numeric date."""
    return any(
        _DATE_ANCHOR.match(word.rstrip(".")) or _MONTH_WORD.match(word.rstrip("."))
        for word in part.replace(",", " ").split()
    )


def _is_agency(part: str) -> bool:
    """An agency or outlet name: one to three words in capitals («KAZINFORM», «KAZAKHSTAN
    TODAY», «КАЗИНФОРМ»), or one or two words with a capital after a lowercase letter
    («ҚазАқпарат», «BNews»)."""
    words = part.split()
    if not 1 <= len(words) <= 3:
        return False
    letters = [word for word in words if any(char.isalpha() for char in word)]
    if letters and all(word.isupper() and sum(c.isalpha() for c in word) >= 2 for word in letters):
        return True
    return len(words) <= 2 and any(_inner_capital(word) for word in words)


def _inner_capital(word: str) -> bool:
    """A capital letter right after a lowercase one («ҚазАқпарат»)."""
    return any(a.islower() and b.isupper() for a, b in itertools.pairwise(word))
