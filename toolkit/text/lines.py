"""Lines that are no prose: metadata (dates, times, view counts), source and credit lines,
notes and page chrome, recognised by labels of all four languages (a Russian release may
carry «Photo: Akorda») and the phrases of data/segment/chrome.txt."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..patterns import URL
from .months import ANY_MONTH
from .rules import ANY_DASH, NUM_DATE, data_file, parse_sections

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
META_MAX = 100  # longest metadata line


def _alternation(words: tuple[str, ...]) -> str:
    return "|".join(words) if words else r"(?!)"


def _labels(table: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    """The labels of all languages, longest first, as regex alternatives."""
    words = {re.escape(label).replace("'", "['’]") for labels in table.values() for label in labels}
    return tuple(sorted(words, key=len, reverse=True))


_NOTE_RE = {lang: re.compile(rf"(?:{_alternation(labels)})\s*:", re.IGNORECASE) for lang, labels in NOTE_LABELS.items()}
_SOURCE_RE = re.compile(
    rf"(?:{_alternation(_labels(SOURCE_LABELS_BARE))})\b"
    rf"|(?:{_alternation(_labels(SOURCE_LABELS))})\s*(?::|{ANY_DASH}\s)",
    re.IGNORECASE,
)
# Metadata lines: items (dates, times, view counts) separated by commas, bars, dots or
# spaces, after an optional label, with an optional count at the end («06.12.2025 09:40:39 57»).
_YEAR_WORD = r"(?:г\.|года|году|жылғы|жыл|ж\.)"
_WORD_DATE = (
    rf"(?:\d{{1,2}}(?:er)?\s+(?:{ANY_MONTH})\.?(?:,?\s+\d{{4}})?"
    rf"|(?:{ANY_MONTH})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"
    rf"|\d{{4}}\s+(?:жылғы|ж\.)\s+\d{{1,2}}\s+(?:{ANY_MONTH}))(?:\s+{_YEAR_WORD})?"
)
_TIME = r"\d{1,2}:\d{2}(?::\d{2})?|\d{1,2}\s?h\s?\d{2}"
_VIEWS = rf"(?:{_alternation(VIEW_LABELS)})\s*:?\s*\d{{1,3}}(?:[ \u00a0]\d{{3}})*"
_META_ITEM = rf"(?:{NUM_DATE}|{_WORD_DATE}|{_TIME}|{_VIEWS})"


@cache
def _meta() -> re.Pattern[str]:
    """The metadata line pattern, compiled on first use (10 ms: commands that read no release
    do not pay for it)."""
    return re.compile(
        rf"(?:(?:{_alternation(_labels({'all': META_LABELS}))})\s*:?\s*)?"
        rf"{_META_ITEM}(?:(?:\s*[,|·•/]\s*|\s+)(?:(?:в|at|à)\s+)?{_META_ITEM})*(?:\s+\d+)?",
        re.IGNORECASE,
    )


@dataclass(frozen=True)
class Chrome:
    """Page chrome phrases (data/segment/chrome.txt), normalised by chrome_key."""

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
            notices.append(chrome_key(content[:-4]))
        else:
            phrases.add(chrome_key(content))
    networks.update(word.casefold() for word in parse_sections(text).get("networks", []))
    return Chrome(frozenset(phrases - {chrome_key(w) for w in networks}), tuple(notices), frozenset(networks))


def chrome_key(text: str) -> str:
    """Case-folded text with single spaces, ’ as ', without a final : . ! or …."""
    return " ".join(text.replace("’", "'").casefold().split()).rstrip(" :.!…")


def is_note(text: str, lang: str) -> bool:
    """A note: a line opening with a note label of its language and a colon («Справочно:»)."""
    return _NOTE_RE[lang].match(text) is not None


def is_meta(text: str) -> bool:
    """A metadata line: dates, times and view counts («06.12.2025 09:40:39 57», «12 марта
    2026, 14:37», «Просмотров: 1 845», «Publié le 18 novembre 2025 à 16 h 05»)."""
    return len(text) <= META_MAX and _meta().fullmatch(text) is not None


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
    key = chrome_key(text)
    if key in chrome.phrases:
        return True
    for notice in chrome.notices:
        if key.startswith(notice) and (len(key) == len(notice) or key[len(notice)] in ".:!–—-"):
            return True
    head, colon, rest = key.partition(":")
    words = re.split(r"[\s,|·/•]+", rest if colon else key)
    named = [word for word in words if word]
    return (not colon or head.strip() in chrome.phrases) and bool(named) and all(w in chrome.networks for w in named)
