"""Things a translation carries over unchanged: URLs, e-mails, handles, Latin names, codes."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...patterns import links, phones, protected_spans
from ..context import CheckContext
from ..model import Segment
from ..registry import Hit, check

_CYRILLIC_LANGS = ("ru", "kk")
# codes mixing letters and digits (COP29, G20, A321neo) and Latin words written in Cyrillic text
_CODE = re.compile(r"(?<![\w\-])(?=[\w\-]*\d)(?=[\w\-]*[^\W\d_])[^\W_][\w\-]*[^\W_](?![\w])")
# a number with a grammatical ending (34-й, 180-летие, 50-ден, 80-сессиясында): a number, which
# the numbers check compares, not a code
_NUMBER_WITH_ENDING = re.compile(r"\d+-[а-яёәғқңөұүһі]+")
_LATIN_RUN = re.compile(r"(?<![\w\-])[A-Za-z][A-Za-z0-9’'&.\-]*[A-Za-z0-9](?![\w])")


@check("urls-emails", "error")
def urls_emails(seg: Segment, ctx: CheckContext) -> Iterator[Hit]:
    """A URL, e-mail address, @handle or #hashtag of the source is not in the target verbatim,
    or the target has one the source lacks; an international phone number lost its digits
    (spacing may differ).

    Example: the source gives `www.gov.kz/memleket/entities/mfa` and the target
    `www.gov.kz/memleket/entites/mfa`, or `press@mfa.kz` became `press@mfa.kz.kz`.
    """
    target = seg.target or ""
    target_digits = {_digits(value) for _, value in phones(target)}
    for _, value in phones(seg.source):
        if _digits(value) not in target_digits:
            yield Hit(f"phone number {value!r} of the source is not in the target", None, f"phone {value}")
    source_links = [value for _, value in links(seg.source)]
    target_links = links(target)
    target_values = [value for _, value in target_links]
    for value in source_links:
        if value in target_values:
            target_values.remove(value)
        else:
            yield Hit(f"{value!r} of the source is missing from the target", None, f"missing {value}")
    for offset, value in target_links:
        if value in target_values:
            target_values.remove(value)
            yield Hit(f"{value!r} is not in the source", offset, f"extra {value}")


@check("names", "error")
def names(seg: Segment, ctx: CheckContext) -> Iterator[Hit]:
    """A name or code the target must keep as written is missing: codes mixing letters and digits
    (COP29, G20) and, in a Russian or Kazakh source, words written in Latin letters (Air Astana,
    Astana Hub), unless the glossary maps them.

    Example: the Russian source mentions `Astana Hub` and the English target says `Astana Hab`;
    `COP29` became `COP 29`.
    """
    target = seg.target or ""
    source = seg.source
    candidates = ctx.cached("name-candidates", source, seg.source_lang, _candidates)
    if not candidates:
        return
    skip = protected_spans(source)
    skip += [(hit.start, hit.end) for hit in ctx.source_terms(seg)]
    seen: set[str] = set()
    for start, word in sorted(candidates):
        if word in seen or any(s <= start < e for s, e in skip):
            continue
        seen.add(word)
        if _contains_word(target, word):
            continue
        yield Hit(f"{word!r} of the source is not in the target", None, f"name {word}")


def _digits(text: str) -> str:
    return "".join(c for c in text if c.isdigit())


def _candidates(source: str, lang: str) -> list[tuple[int, str]]:
    """Codes, and in Cyrillic text Latin words, with their offsets."""
    found = [(m.start(), m.group()) for m in _CODE.finditer(source) if not _NUMBER_WITH_ENDING.fullmatch(m.group())]
    if lang in _CYRILLIC_LANGS:
        found += [(m.start(), m.group()) for m in _LATIN_RUN.finditer(source)]
    return found


_ROMAN = re.compile(r"[IVXLCDM]+")
# the ordinal endings a Roman numeral takes: VIe, XXIe, 1er (fr), VIth (en), VI-й (ru)
_ORDINAL_ENDING = re.compile(r"(?:e|er|re|ère|ème|th|st|nd|rd|-[а-яәғқңөұүһі]{1,3})(?![\w])")


def _contains_word(text: str, word: str) -> bool:
    """word occurs in text with no letter or digit glued to either side (a Roman numeral may
    carry an ordinal ending: `VI` in `VIe Sommet`)."""
    roman = _ROMAN.fullmatch(word) is not None
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        before = text[at - 1] if at else " "
        after = text[end] if end < len(text) else " "
        glued_before = before.isalnum() or before == "_"
        glued_after = (after.isalnum() or after == "_") and not (roman and _ORDINAL_ENDING.match(text, end))
        if not glued_before and not glued_after:
            return True
        at = text.find(word, at + 1)
    return False
