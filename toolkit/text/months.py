"""Month names of the four languages, shared by the release reader (datelines and metadata
lines) and the number check (dates compared across languages)."""

from __future__ import annotations

_SOFT = r"(?:ь|я|ю|е|ём|ем)"  # январь, января, январю, январе, январём
_HARD = r"(?:а|у|ом|е)?"  # март, марта, марту, мартом, марте

# For each language, January first: a regular expression matching every written form of the
# month (its inflections and abbreviations, a final period left out); matched case-blind.
MONTHS: dict[str, tuple[str, ...]] = {
    "ru": (
        f"январ{_SOFT}",
        f"феврал{_SOFT}",
        f"март{_HARD}",
        f"апрел{_SOFT}",
        "ма(?:й|я|ю|ем|е)",
        f"июн{_SOFT}",
        f"июл{_SOFT}",
        f"август{_HARD}",
        f"сентябр{_SOFT}",
        f"октябр{_SOFT}",
        f"ноябр{_SOFT}",
        f"декабр{_SOFT}",
    ),
    "kk": (  # a Kazakh month takes case endings: «наурыздың», «желтоқсанда»
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
        "January|Jan",
        "February|Feb",
        "March|Mar",
        "April|Apr",
        "May",
        "June|Jun",
        "July|Jul",
        "August|Aug",
        "September|Sept?",
        "October|Oct",
        "November|Nov",
        "December|Dec",
    ),
    "fr": (
        "janvier|janv",
        "février|févr",
        "mars",
        "avril|avr",
        "mai",
        "juin",
        "juillet|juil",
        "août",
        "septembre|sept",
        "octobre|oct",
        "novembre|nov",
        "décembre|déc",
    ),
}
# Any month of any language, as one alternation (languages are mixed in real releases).
ANY_MONTH = "|".join(f"(?:{forms})" for names in MONTHS.values() for forms in names)


def month_groups(lang: str, tag: str) -> str:
    """The months of lang as one alternation whose group `<tag><n>` says month n matched."""
    return "|".join(f"(?P<{tag}{i + 1}>{forms})" for i, forms in enumerate(MONTHS[lang]))
