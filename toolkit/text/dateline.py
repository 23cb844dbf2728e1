"""Datelines: «АСТАНА. KAZINFORM – », «Washington, D.C., March 3, 2026 – ».

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
"""

from __future__ import annotations

import itertools
import re

from .months import ANY_MONTH
from .rules import ANY_DASH, NUM_DATE, OPENERS

DATELINE_MAX = 120  # longest dateline prefix, in characters
CAPS_PLACE_MIN = 4  # letters of a place in capitals that is a dateline by itself («ASTANA –»)
_DATELINE_DASH = re.compile(rf"[^\S\n]+{ANY_DASH}[^\S\n]+")
# Datelines (see the module docstring).
_DATELINE_PARTS = re.compile(rf"\s*(?:[,;]|\.(?=\s)|(?<=\s){ANY_DASH}(?=\s))\s*")
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
_DATE_ANCHOR = re.compile(rf"(?:{NUM_DATE})\Z|(?:1[89]|2\d)\d\d\Z")
_MONTH_WORD = re.compile(rf"(?:{ANY_MONTH})\Z", re.IGNORECASE)


def dateline_split(text: str, lang: str, strict: bool = False) -> tuple[int, int] | None:
    """(end of the dateline, start of the body) if text opens with a dateline (see the module
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
