"""The languages the toolkit knows and checks on language codes."""

from __future__ import annotations

from .errors import UsageError

SUPPORTED: tuple[str, ...] = ("ru", "kk", "en", "fr")
NAMES: dict[str, str] = {"ru": "Russian", "kk": "Kazakh", "en": "English", "fr": "French"}
PIVOT = "en"
KAZAKH_LETTERS = "әғқңөұүһіӘҒҚҢӨҰҮҺІ"  # letters of Kazakh Cyrillic that Russian lacks


def check_lang(code: str) -> str:
    """Return the normalised code, or raise UsageError listing the supported ones."""
    norm = code.strip().lower()
    if norm not in SUPPORTED:
        raise UsageError(f"unknown language {code!r}; supported: {', '.join(SUPPORTED)}")
    return norm


def parse_targets(spec: str, source: str) -> list[str]:
    """Parse a comma-separated target list, rejecting unknown codes and the source itself."""
    if not spec.strip():
        raise UsageError("no target language given")
    targets: list[str] = []
    for part in spec.split(","):
        if not part.strip():
            raise UsageError(f"empty language code in {spec!r}; write the codes separated by commas, e.g. en,kk,fr")
        code = check_lang(part)
        if code == source:
            raise UsageError(f"target language {code!r} equals the source language")
        if code not in targets:
            targets.append(code)
    return targets


CYRILLIC_LANGS = frozenset({"ru", "kk"})
SCRIPT_SAMPLE = 40  # letters needed before the script of a text is judged


def script_problem(text: str, lang: str) -> str:
    """Why text cannot be in lang, judged by its script (most letters Latin in a Russian or
    Kazakh text, most letters Cyrillic in an English or French one), or ''."""
    letters = [c for c in text if c.isalpha()]
    if len(letters) < SCRIPT_SAMPLE:
        return ""
    cyrillic = sum("\u0400" <= c <= "\u04ff" for c in letters) / len(letters)
    expected = lang in CYRILLIC_LANGS
    if (cyrillic < 0.5) == expected:
        found = "Latin" if expected else "Cyrillic"
        return f"most letters are {found}: this is not {NAMES[lang]} text (check --from and the file name)"
    return ""
