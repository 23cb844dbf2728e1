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
    targets: list[str] = []
    for part in spec.split(","):
        if not part.strip():
            continue
        code = check_lang(part)
        if code == source:
            raise UsageError(f"target language {code!r} equals the source language")
        if code not in targets:
            targets.append(code)
    if not targets:
        raise UsageError("no target language given")
    return targets
