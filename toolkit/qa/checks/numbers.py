"""Numbers, dates and percentages compared across languages in their locale forms.

`3,7 тыс.` (ru), `3,700` and `3.7 thousand` (en), `3 700` (fr, kk; any space, NBSP or narrow
NBSP) are all 3700; `06.12.2025`, `6 декабря 2025 года`, `2025 жылғы 6 желтоқсан`,
`December 6, 2025` and `6 décembre 2025` are all day 6 of month 12 plus the number 2025;
`15 %`, `15%`, `15 процентов`, `15 per cent`, `15 pour cent` are the percentage 15.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import NamedTuple

from ...patterns import phones, protected_spans
from ...text.months import date_patterns, month_groups
from ..context import CheckContext
from ..model import Segment
from ..registry import Hit, check

SCALES: dict[str, tuple[tuple[str, int], ...]] = {
    "ru": (
        (r"тыс\.?|тысяч\w*", 10**3),
        (r"млн\.?|миллион\w*", 10**6),
        (r"млрд\.?|миллиард\w*", 10**9),
        (r"трлн\.?|триллион\w*", 10**12),
    ),
    "kk": (
        (r"мың\w*", 10**3),
        (r"млн\.?|миллион\w*", 10**6),
        (r"млрд\.?|миллиард\w*", 10**9),
        (r"трлн\.?|триллион\w*", 10**12),
    ),
    "en": ((r"thousand", 10**3), (r"million|mln|mn", 10**6), (r"billion|bn", 10**9), (r"trillion", 10**12)),
    "fr": ((r"mille", 10**3), (r"millions?", 10**6), (r"milliards?|Md", 10**9), (r"billions?", 10**12)),
}
PERCENT = {"ru": r"%|процент\w*", "kk": r"%|пайыз\w*", "en": r"%|per\s?cent", "fr": r"%|pour\s?cent"}
WORDS: dict[str, tuple[str, ...]] = {
    # regex stems of the number words 1..12 (a digit on one side may be a word on the other)
    "ru": (
        "од(?:ин|н[аоуиы])",
        "дв[аеу]",
        "тр[иеё]",
        "четыр",
        "пят",
        "шест",
        "сем[ьи]",
        "вос[еь]м",
        "девят",
        "десят",
        "одиннадцат",
        "двенадцат",
    ),
    "kk": ("бір", "екі", "үш", "төрт", "бес", "алты", "жеті", "сегіз", "тоғыз", "он", "он бір", "он екі"),
    "en": (
        "one|first",
        "two|second|both",
        "three|third",
        "four",
        "five|fifth",
        "six",
        "seven",
        "eight",
        "nine|ninth",
        "ten",
        "eleven",
        "twelve|twelfth",
    ),
    "fr": (
        "une?|premi",
        "deux",
        "trois",
        "quatre|quatri",
        "cinq",
        "six",
        "sept",
        "huit",
        "neuf",
        "dix",
        "onze",
        "douze",
    ),
}
# round numbers written as words (`vingt ans` = `20 лет`) and words that stand for a number
# (`круглосуточный` = `24-hour`)
MORE_WORDS: dict[str, tuple[tuple[int, str], ...]] = {
    "ru": (
        (20, "двадцат"),
        (30, "тридцат"),
        (40, "сорок"),
        (50, "пятьдесят"),
        (100, "сто\\b|сотн"),
        (24, "круглосуточн"),
    ),
    "kk": ((20, "жиырма"), (30, "отыз"), (40, "қырық"), (50, "елу"), (100, "жүз\\b"), (24, "тәулік бойы")),
    "en": (
        (20, "twenty"),
        (30, "thirty"),
        (40, "forty"),
        (50, "fifty"),
        (100, "hundred"),
        (24, "round-the-clock|24/7"),
    ),
    "fr": ((20, "vingt"), (30, "trente"), (40, "quarante"), (50, "cinquante"), (100, "cent\\b"), (24, "24 ?h ?/ ?24")),
}
# `four decades` = 40 years
DECADES = {"ru": "десятилети", "kk": "онжылдық", "en": "decades?", "fr": "décennies?"}
SPACES = " \u00a0\u202f"
_DIGIT = re.compile(r"\d")
_DIGIT_RUN = re.compile(r"(?<!\d)\d")
_WORD_BEFORE = re.compile(r"[A-Za-z]+\.? $")


class Quantity(NamedTuple):
    """A number as it appears: kind (num, pct, date, time), canonical value and surface text."""

    kind: str
    value: float | tuple[int, int]  # a date is (month, day), a time (hour 0-23, minute)
    surface: str
    offset: int


def _numeral(lang: str) -> str:
    if lang == "en":
        return r"\d{1,3}(?:,\d{3}(?!\d))+(?:\.\d+)?|\d+(?:\.\d+)?"
    return rf"\d{{1,3}}(?:[{SPACES}]\d{{3}}(?!\d))+(?:,\d+)?|\d+(?:,\d+)?"


_SUFFIX = r"(?:st|nd|rd|th|er|-?е|-?го)?"
_JOINT = r"(?:[-–—]|\s(?:and|et|и|және|to|through|по|до|au|à)\s)"  # 15-19, «с 15 по 19», «du 15 au 19»
_CLDR_GROUP = re.compile(r"p\d+")  # the group of a whole CLDR pattern alternative
_FIELD = re.compile(r"'[^']*'|([A-Za-z])\1*")


def _day(tag: str) -> str:
    return rf"(?P<{tag}d>[0-3]?\d)(?!\d){_SUFFIX}(?:{_JOINT}(?P<{tag}r>[0-3]?\d)(?!\d){_SUFFIX})?"


def _month(lang: str, tag: str) -> str:
    return rf"(?:{month_groups(lang, tag)})(?!\w)\.?"


def _literal(text: str, forms: dict[str, list[str]], optional: bool) -> str:
    """A CLDR pattern's text between two fields as a regular expression: any space for a space,
    a comma optional, an abbreviated literal (`г.`) or the words text writes for it (`года`)."""
    words = text.strip(" ,\u00a0\u202f")
    if not words:
        return rf"[{SPACES}]*,?[{SPACES}]+" if not optional else ""
    alternatives = "|".join(re.escape(w) for w in sorted([words, *forms.get(words, [])], key=len, reverse=True))
    literal = rf"[{SPACES}]*,?[{SPACES}]*(?:{alternatives})(?!\w)"
    return f"(?:{literal})?" if optional else rf"{literal}[{SPACES}]*"


def cldr_date(pattern: str, lang: str, tag: str) -> str:
    """A CLDR date pattern (`y 'ж'. d MMMM`) as a regular expression with the groups `<tag>d`,
    `<tag>r` (the end of a day range), `<tag>m<n>` (month n) and `<tag>y`. A year at either end
    is optional with the text that joins it (`6 декабря` as well as `6 декабря 2025 г.`,
    `6 желтоқсан` as well as `2025 жылғы 6 желтоқсан`)."""
    forms = date_patterns(lang)[1]
    fields: list[tuple[str, str]] = []  # (letter, regex)
    between: list[str] = []  # the literal text before each field, and after the last one
    pending, position = "", 0
    for token in _FIELD.finditer(pattern):
        pending += pattern[position : token.start()]
        position = token.end()
        if token.group(1) is None:  # a quoted literal
            pending += token.group()[1:-1]
            continue
        letter = token.group(1)
        field = {"d": _day(tag), "M": _month(lang, f"{tag}m"), "y": rf"(?P<{tag}y>\d{{4}})(?!\d)"}.get(letter)
        if field is None:
            raise ValueError(f"date pattern {pattern!r}: field {token.group()!r} is not read")
        fields.append((letter, field))
        between.append(pending)
        pending = ""
    between.append(pending + pattern[position:])
    parts = []
    for k, (letter, field) in enumerate(fields):
        year_before = k == 1 and fields[0][0] == "y"  # joined to this field in the year's group
        joined = _literal(between[k], forms, optional=False) if k and not year_before else ""
        if letter == "y" and k == 0:
            parts.append(f"(?:{field}{_literal(between[1], forms, optional=False)})?")
        elif letter == "y" and k == len(fields) - 1:
            parts.append(f"(?:{joined}{field}{_literal(between[-1], forms, optional=True)})?")
        else:
            parts.append(joined + field)
    return "".join(parts)


@cache
def _patterns(lang: str) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    # CLDR's long and medium patterns (`2025 жылғы 6 желтоқсан`, `December 6, 2025`), a year
    # optional; in English also the British order (`6 December`, `6th of December`)
    date = "|".join(
        rf"(?P<p{k}>(?<!\d){cldr_date(pattern, lang, f'p{k}')})" for k, pattern in enumerate(date_patterns(lang)[0])
    )
    if lang == "en":
        date += rf"|(?<!\d){_day('')}(?: of)? {_month(lang, 'm')}"
    numeric = r"(?<![\d.])(?P<nd>[0-3]?\d)\.(?P<nm>[01]?\d)\.(?P<ny>\d{4})(?!\d)|(?<!\d)(?P<iy>\d{4})-(?P<im>[01]\d)-(?P<id>[0-3]\d)(?!\d)"
    dates = re.compile(rf"{numeric}|{date}", re.IGNORECASE)
    scale = "|".join(f"(?P<s{i}>{p})" for i, (p, _) in enumerate(SCALES[lang]))
    number = re.compile(
        rf"(?<![\w.,])(?P<n>{_numeral(lang)})(?:[{SPACES}]?(?P<pct>{PERCENT[lang]})|[{SPACES}](?:{scale})(?!\w))?",
        re.IGNORECASE,
    )
    stems = [*((i + 1, w) for i, w in enumerate(WORDS[lang])), *MORE_WORDS[lang]]
    words = re.compile(
        "|".join(
            f"(?P<w{k}_{value}>(?<!\\w)(?:{w})\\w*)(?P<dec{k}>[{SPACES}]{DECADES[lang]})?"
            for k, (value, w) in enumerate(stems)
        ),
        re.IGNORECASE,
    )
    return dates, number, words


def _to_float(numeral: str, lang: str) -> float:
    if lang == "en":
        return float(numeral.replace(",", ""))
    for space in SPACES:
        numeral = numeral.replace(space, "")
    return float(numeral.replace(",", "."))


def quantities(text: str, lang: str) -> list[Quantity]:
    """The numbers, dates and percentages of a text (URLs and e-mails ignored)."""
    if not _DIGIT.search(text):
        return []
    masked = protected_spans(text) + [(start, start + len(value)) for start, value in phones(text)]
    for start, end in masked:
        text = text[:start] + " " * (end - start) + text[end:]
    dates, number, _ = _patterns(lang)
    found: list[Quantity] = []
    for start, end, clock in times(text, lang):
        found.append(Quantity("time", clock, text[start:end], start))
        text = text[:start] + " " * (end - start) + text[end:]
    chars: list[str] | None = None
    for match in _date_matches(dates, text, lang):
        groups = match.groupdict()
        if groups["nd"]:
            day, month, year, last = int(groups["nd"]), int(groups["nm"]), groups["ny"], None
        elif groups["iy"]:
            day, month, year, last = int(groups["id"]), int(groups["im"]), groups["iy"], None
        elif match.lastgroup and _CLDR_GROUP.fullmatch(match.lastgroup):
            tag = match.lastgroup
            day, year = int(groups[f"{tag}d"]), groups[f"{tag}y"]
            month = next(i for i in range(1, 13) if groups.get(f"{tag}m{i}"))
            last = groups.get(f"{tag}r")
        else:
            day = int(groups["d"])
            month = next(i for i in range(1, 13) if groups.get(f"m{i}"))
            year, last = None, groups.get("r")
        days = [day] + ([int(last)] if last else [])
        if not all(1 <= d <= 31 for d in days) or not 1 <= month <= 12:
            continue
        found.extend(Quantity("date", (month, d), match.group(), match.start()) for d in days)
        if year:
            found.append(Quantity("num", float(year), year, match.start()))
        if chars is None:
            chars = list(text)
        chars[match.start() : match.end()] = " " * (match.end() - match.start())
    rest = "".join(chars) if chars is not None else text
    for match in number.finditer(rest):
        value = _to_float(match["n"], lang)
        kind = "pct" if match["pct"] else "num"
        for i, (_, factor) in enumerate(SCALES[lang]):
            if match[f"s{i}"]:
                value *= factor
        found.append(Quantity(kind, round(value, 6), match.group().strip(), match.start()))
    return sorted(found, key=lambda q: q.offset)


# 14:00, 9.30 is no time (a decimal); French 14 h 30, 14h; English 2 p.m., 9:30 a.m., and a
# range sharing its suffix: from 2 to 4 p.m.
_CLOCK = re.compile(r"(?<![\d.:,])([01]?\d|2[0-3]):([0-5]\d)(?!\d)")
_FRENCH_CLOCK = re.compile(r"(?<![\d.,])([01]?\d|2[0-3])[ \u00a0\u202f]?h(?:[ \u00a0\u202f]?([0-5]\d))?(?![\w])")
_TWELVE = r"(\d{1,2})(?::([0-5]\d))?"
_MERIDIEM = r"[ \u00a0]?([ap])\.?m\.?(?![a-z])"
_ENGLISH_RANGE = re.compile(
    rf"(?<![\d.:,]){_TWELVE}(?:{_MERIDIEM})?\s*(?:to|–|-|until|and)\s*{_TWELVE}{_MERIDIEM}", re.I
)
_ENGLISH_CLOCK = re.compile(rf"(?<![\d.:,]){_TWELVE}{_MERIDIEM}", re.I)


def _hour24(hour: str, minute: str | None, meridiem: str | None) -> tuple[int, int] | None:
    h, m = int(hour), int(minute or 0)
    if meridiem:
        if not 1 <= h <= 12:
            return None
        h = h % 12 + (12 if meridiem.lower() == "p" else 0)
    return (h, m) if h < 24 and m < 60 else None


def times(text: str, lang: str) -> list[tuple[int, int, tuple[int, int]]]:
    """(start, end, (hour, minute)) of the clock times of a text, 12-hour English ones in
    24-hour terms (`from 2 to 4 p.m.` = 14:00 and 16:00)."""
    found: list[tuple[int, int, tuple[int, int]]] = []
    taken: list[tuple[int, int]] = []

    def add(start: int, end: int, value: tuple[int, int] | None) -> None:
        if value is not None and not any(s < end and start < e for s, e in taken):
            found.append((start, end, value))

    if lang == "en":
        for m in _ENGLISH_RANGE.finditer(text):
            add(
                m.start(1),
                m.end(2) if m.group(2) else m.end(1),
                _hour24(m.group(1), m.group(2), m.group(3) or m.group(6)),
            )
            add(m.start(4), m.end(), _hour24(m.group(4), m.group(5), m.group(6)))
            taken.append((m.start(), m.end()))
        for m in _ENGLISH_CLOCK.finditer(text):
            add(m.start(), m.end(), _hour24(m.group(1), m.group(2), m.group(3)))
    for pattern in (_CLOCK, _FRENCH_CLOCK) if lang == "fr" else (_CLOCK,):
        for m in pattern.finditer(text):
            add(m.start(), m.end(), _hour24(m.group(1), m.group(2), None))
            taken.append((m.start(), m.end()))
    return sorted(found)


def _date_matches(dates: re.Pattern[str], text: str, lang: str) -> Iterator[re.Match[str]]:
    """dates.finditer(text), tried only where a date can start: at a run of digits or, in
    English, at the word before one (`December 6`); several times faster on long texts."""
    starts = set()
    for run in _DIGIT_RUN.finditer(text):
        starts.add(run.start())
        if lang == "en":
            word = _WORD_BEFORE.search(text, max(0, run.start() - 14), run.start())
            if word:
                starts.add(word.start())
    reached = 0
    for start in sorted(starts):
        if start < reached:
            continue
        match = dates.match(text, start)
        if match:
            reached = match.end()
            yield match


def number_words(text: str, lang: str) -> set[int]:
    """The values 1..12 written as words in text."""
    _, _, words = _patterns(lang)
    values: set[int] = set()
    for match in words.finditer(text):
        name = match.lastgroup or ""
        if name.startswith("dec"):  # `four decades`: the number word's group is the one before
            k = name[3:]
            name = next(n for n in match.groupdict() if n.startswith(f"w{k}_"))
            values.add(int(name.split("_")[1]) * 10)
        else:
            values.add(int(name.split("_")[1]))
    return values


def _show(q: Quantity) -> str:
    if isinstance(q.value, tuple):
        if q.kind == "time":
            return f"time {q.surface!r} ({q.value[0]:02d}:{q.value[1]:02d})"
        return f"date {q.surface!r} (day {q.value[1]}, month {q.value[0]})"
    value: float = int(q.value) if float(q.value).is_integer() else q.value
    return f"{'percentage' if q.kind == 'pct' else 'number'} {q.surface!r} (= {value})"


@check("numbers", "error")
def numbers(seg: Segment, ctx: CheckContext) -> Iterator[Hit]:
    """A number, date or percentage of the source is missing from the target or the target has
    one the source lacks, locale forms understood.

    Example: `3,7 тыс. участников` translated as `3,500 participants`, `06.12.2025` as
    `December 16, 2025`, `15%` as `50%`. A number up to 12 may be written as a word on the other
    side (`два` = `two` = 2).
    """
    target = seg.target or ""
    source_q = ctx.cached("quantities", seg.source, seg.source_lang, quantities)
    target_q = quantities(target, seg.target_lang)
    source_keys = {(q.kind, q.value) for q in source_q}
    target_keys = {(q.kind, q.value) for q in target_q}
    if source_keys == target_keys:
        return
    source_words = number_words(seg.source, seg.source_lang) if target_keys - source_keys else set()
    target_words = number_words(target, seg.target_lang) if source_keys - target_keys else set()
    reported: set[tuple] = set()
    for q in source_q:
        key = (q.kind, q.value)
        if key in target_keys or key in reported or (q.kind == "num" and q.value in target_words):
            continue
        reported.add(key)
        yield Hit(f"{_show(q)} of the source is not in the target", None, f"missing {key}")
    for q in target_q:
        key = (q.kind, q.value)
        if key in source_keys or key in reported or (q.kind == "num" and q.value in source_words):
            continue
        reported.add(key)
        yield Hit(f"{_show(q)} is not in the source", q.offset, f"extra {key}")
