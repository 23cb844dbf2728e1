"""The patterns every stage shares, defined once: URLs and e-mail addresses (which the reader
sees in source lines, the segmenter never breaks inside, MT protects with placeholders and the
checks compare), social handles, phone numbers, words."""

from __future__ import annotations

import re

# a URL never ends in punctuation: «see https://gov.kz/a.» ends with the address, not the period
URL = re.compile(r"\b(?:https?://|www\.)[^\s<>«»“”\"]*[^\s<>«»“”\".,;:!?)]", re.IGNORECASE)
EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
HANDLE = re.compile(r"(?<![\w@])[@#][A-Za-z_][\w]{1,30}")
PHONE = re.compile(r"\+\d{1,3}(?:[ \u00a0\u202f.\-]?\(?\d{1,5}\)?){2,6}(?!\d)")
_MAYBE_LINK = re.compile(r"[@#]|www\.|://", re.IGNORECASE)
# where a dot may belong to an address rather than end a sentence (the segmenter's test)
LINK_HINT = re.compile(r"https?://|www\.|@", re.IGNORECASE)
_TRAILING = ".,;:!?)»”’'"
WORD = re.compile(r"[^\W\d_]+")  # a run of letters


def links(text: str) -> list[tuple[int, str]]:
    """URLs, e-mails and @handles/#hashtags with their offsets (trailing punctuation dropped)."""
    if not _MAYBE_LINK.search(text):
        return []
    found: list[tuple[int, str]] = []
    taken: list[tuple[int, int]] = []
    for pattern in (URL, EMAIL, HANDLE):
        for match in pattern.finditer(text):
            value = match.group().rstrip(_TRAILING)
            if len(value) < 3 or any(s <= match.start() < e for s, e in taken):
                continue
            taken.append((match.start(), match.start() + len(value)))
            found.append((match.start(), value))
    return sorted(found)


def protected_spans(text: str) -> list[tuple[int, int]]:
    """Spans no punctuation or number rule may look into (URLs, e-mails, handles, phones)."""
    return [(start, start + len(value)) for start, value in links(text)]


def phones(text: str) -> list[tuple[int, str]]:
    """International phone numbers (`+7 7172 72 05 18`) with their offsets."""
    if "+" not in text:
        return []
    return [(m.start(), m.group()) for m in PHONE.finditer(text)]
